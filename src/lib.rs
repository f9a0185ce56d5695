//! Yalu Border Atlas: a story map of the Yalu River on the China–North Korea border.
//!
//! The page is rendered once, at build time, from the components here (`App`, `map`, `panel`)
//! into `dist/index.html`: the map, every place's passages and both articles are in the HTML,
//! and the URL hash shows the right part even with no script. In the browser Leptos hydrates
//! the page's `islands` in place (the place list, the map, the panel, the story bar): they route
//! the hash, pan and zoom the map and run story mode, with the same `Route` and `View` types as
//! the build. The WebAssembly so carries the behaviour, not the texts.

pub mod atlas;
pub mod dom;
pub mod islands;
pub mod map;
#[cfg(any(feature = "ssr", test))]
pub mod markup;
pub mod panel;
pub mod route;
pub mod story;
pub mod words;

use leptos::prelude::*;

/// The page: the map fills the window, the panel holds the introduction, every place and the
/// reader.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <header class="masthead">
            <h1>"Yalu Border Atlas"</h1>
            <islands::PlaceList />
        </header>
        <main class="layout">
            <islands::Map />
            <islands::Panel />
             <p id=dom::STATUS class="visually-hidden" role="status" aria-live="polite"></p>
        </main>
    }
}

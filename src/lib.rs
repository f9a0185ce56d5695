//! Yalu Border Atlas: a story map of the Yalu River on the China–North Korea border.

pub mod atlas;
pub mod map;
pub mod panel;
pub mod route;

use leptos::prelude::*;
use route::Route;

/// The URL hash now, or nothing outside a browser.
fn current_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Shows `to`. In a browser this goes through the URL hash, so the route can be linked to and
/// Back and Forward step through it; the `hashchange` listener in [`App`] then sets the signal.
pub fn go(route: RwSignal<Route>, to: Route) {
    let hash = match to.to_hash() {
        h if h.is_empty() => "#/".to_owned(),
        h => h,
    };
    match web_sys::window() {
        Some(w) if w.location().hash().ok().as_deref() != Some(hash.as_str()) => {
            let _ = w.location().set_hash(&hash);
        }
        _ => route.set(to),
    }
}

/// The page: the map fills the window, the panel shows the chosen place or the reader.
#[component]
pub fn App() -> impl IntoView {
    // The one route of the page; map and panel both follow it.
    let route = RwSignal::new(Route::parse(&current_hash()));
    let _ = window_event_listener(leptos::ev::hashchange, move |_| {
        route.set(Route::parse(&current_hash()))
    });
    let selected = Memo::new(move |_| route.get().place());
    view! {
        <header class="masthead">
            <h1>"Yalu Border Atlas"</h1>
        </header>
        <main class="layout">
            <map::Map selected=selected route=route />
            <panel::Panel route=route />
        </main>
    }
}

//! Yalu Border Atlas: a story map of the Yalu River on the China–North Korea border.

pub mod atlas;
pub mod map;
pub mod panel;

use atlas::Place;
use leptos::prelude::*;

/// The page: the map fills the window, the panel shows the chosen place.
#[component]
pub fn App() -> impl IntoView {
    // One selection for map and panel; `None` is the overview.
    let selected: RwSignal<Option<&'static Place>> = RwSignal::new(None);
    view! {
        <header class="masthead">
            <h1>"Yalu Border Atlas"</h1>
        </header>
        <main class="layout">
            <map::Map selected=selected />
            <panel::PlacePanel selected=selected />
        </main>
    }
}

//! The side panel: the chosen place, or an introduction when none is chosen.

use crate::atlas::Place;
use leptos::prelude::*;

/// Shows the chosen place's names, country and summary.
#[component]
pub fn PlacePanel(selected: RwSignal<Option<&'static Place>>) -> impl IntoView {
    view! {
        <aside class="panel" aria-label="Place details">
            {move || match selected.get() {
                None => view! { <Overview /> }.into_any(),
                Some(place) => view! { <PlaceDetails place=place selected=selected /> }.into_any(),
            }}
        </aside>
    }
}

/// What the panel says before a place is chosen.
#[component]
fn Overview() -> impl IntoView {
    view! {
        <h2>"The Yalu border"</h2>
        <p>
            "The Yalu River divides China from North Korea for some 800 km. "
            "Choose the river or a town on the map to read what travellers wrote about it."
        </p>
    }
}

/// A chosen place: its names and where it is.
#[component]
fn PlaceDetails(
    place: &'static Place,
    selected: RwSignal<Option<&'static Place>>,
) -> impl IntoView {
    view! {
        <h2>{place.name}</h2>
        <p class="native-names">
            {place
                .native
                .iter()
                .map(|n| view! { <span lang=n.lang>{n.text}</span> })
                .collect_view()}
        </p>
        <p class="country">{place.country}</p>
        <p class="summary">{place.summary}</p>
        <button type="button" class="close" on:click=move |_| selected.set(None)>
            "Back to overview"
        </button>
    }
}

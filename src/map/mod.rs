//! The map: an inline SVG of the Yalu with its places as focusable controls.

use crate::atlas::{Place, PlaceKind, Rank, PLACES, VIEW_HEIGHT, VIEW_WIDTH, YALU_PATH};
use leptos::ev::KeyboardEvent;
use leptos::prelude::*;

/// Approximate advance of one label character at the 14-unit label size, for hit areas.
const LABEL_CHAR_WIDTH: f32 = 8.0;

/// Whether a key press should activate a control, as Enter and Space do for a native button.
fn activates(ev: &KeyboardEvent) -> bool {
    matches!(ev.key().as_str(), "Enter" | " ")
}

/// The map region with the river and every place.
#[component]
pub fn Map(selected: RwSignal<Option<&'static Place>>) -> impl IntoView {
    let view_box = format!("0 0 {VIEW_WIDTH} {VIEW_HEIGHT}");
    let river = PLACES.iter().find(|p| p.kind == PlaceKind::River);
    view! {
        <section class="map" aria-label="Map of the Yalu River">
            <svg class="map-svg" viewBox=view_box preserveAspectRatio="xMidYMid meet" role="group" aria-label="Yalu River border region">
                <rect class="land" x="0" y="0" width=VIEW_WIDTH height=VIEW_HEIGHT />
                {river.map(|place| view! { <River place=place selected=selected /> })}
                {PLACES
                    .iter()
                    .filter(|p| p.kind == PlaceKind::City)
                    .map(|place| view! { <Marker place=place selected=selected /> })
                    .collect_view()}
            </svg>
        </section>
    }
}

/// The Yalu as a control: a thin visible line under a wide, invisible hit area.
#[component]
fn River(place: &'static Place, selected: RwSignal<Option<&'static Place>>) -> impl IntoView {
    let is_selected = move || selected.get() == Some(place);
    view! {
        <g
            class="river"
            class:selected=is_selected
            role="button"
            tabindex="0"
            aria-label=place.name
            aria-pressed=move || if is_selected() { "true" } else { "false" }
            on:click=move |_| selected.set(Some(place))
            on:keydown=move |ev| {
                if activates(&ev) {
                    ev.prevent_default();
                    selected.set(Some(place));
                }
            }
        >
            <path class="river-line" d=YALU_PATH />
            <path class="river-hit" d=YALU_PATH />
            <text class="label river-label" x=place.x y=place.y>{place.name}</text>
        </g>
    }
}

/// A town's marker: a dot and its label, selectable by pointer and keyboard.
#[component]
fn Marker(place: &'static Place, selected: RwSignal<Option<&'static Place>>) -> impl IntoView {
    let is_selected = move || selected.get() == Some(place);
    let radius = if place.rank == Rank::Primary { 6 } else { 4 };
    let (label_x, anchor) = if place.label_left {
        (place.x - 10.0, "end")
    } else {
        (place.x + 10.0, "start")
    };
    // The hit area covers dot and label, 28 units tall: the whole name is clickable.
    let label_width = LABEL_CHAR_WIDTH * place.name.chars().count() as f32;
    let (hit_left, hit_right) = if place.label_left {
        (label_x - label_width - 4.0, place.x + 14.0)
    } else {
        (place.x - 14.0, label_x + label_width + 4.0)
    };
    view! {
        <g
            class="marker"
            class:primary=place.rank == Rank::Primary
            class:selected=is_selected
            role="button"
            tabindex="0"
            aria-label=place.name
            aria-pressed=move || if is_selected() { "true" } else { "false" }
            on:click=move |_| selected.set(Some(place))
            on:keydown=move |ev| {
                if activates(&ev) {
                    ev.prevent_default();
                    selected.set(Some(place));
                }
            }
        >
            <rect class="marker-hit" x=hit_left y=place.y - 14.0 width=hit_right - hit_left height="28" rx="6" />
            <circle class="marker-dot" cx=place.x cy=place.y r=radius />
            <text class="label" x=label_x y=place.y + 4.0 text-anchor=anchor>{place.name}</text>
        </g>
    }
}

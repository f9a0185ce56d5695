//! The map's drawing and its geometry. `view` is the pure pan-and-zoom state, shipped in the
//! wasm and tested natively; `Layers` is rendered at build time only: land, water and borders,
//! whose path data the map island (`crate::islands::Map`) passes through untouched.

pub mod detail;
pub mod view;

use crate::atlas::{BORDER_PATH, COUNTRIES, OTHER_BORDERS_PATH, RESERVOIR_PATH, TUMEN_PATH};
use leptos::prelude::*;
use view::fixed;

/// The zoomed layer's lines keep their stroke width on screen however far the map is zoomed.
/// (An attribute, not CSS: the inline stylesheet is checked against CSS that predates SVG 2.)
pub const KEEP_STROKE: &str = "non-scaling-stroke";
/// A label's light halo (its stroke) is painted under its letters.
pub const HALO_FIRST: &str = "stroke";

/// Longest scale bar, in CSS pixels.
pub const SCALE_BAR_PX: f32 = 140.0;

/// The scale bar's line for a distance `px` CSS pixels long, in its own drawing: ticks up at
/// both ends, room above for the label. The length is rounded to a whole pixel, so a pan
/// redraws the bar only when its length changes on screen.
pub fn scale_bar_path(px: f32) -> String {
    format!("M2 23V29H{}V23", fixed(2.0 + (px + 0.5).floor()))
}

/// The map's static layers, under the river: each country's land, the reservoir, the borders
/// and the Tumen, in one group that zooms with the map.
#[component]
pub fn Layers() -> impl IntoView {
    view! {
        // Drawing only: the map's places are its controls, and its description says the rest.
        <g class="layers" aria-hidden="true">
            // An array, not a Vec: a fixed list renders no hydration marker after its items.
            {COUNTRIES
                .each_ref()
                .map(|c| {
                    let class = match c.name {
                        "China" => "land china",
                        "North Korea" => "land north-korea",
                        _ => "land other",
                    };
                    view! { <path class=class d=c.path vector-effect=KEEP_STROKE /> }
                })}
            <path class="water" d=RESERVOIR_PATH vector-effect=KEEP_STROKE />
            <path class="border other-border" d=OTHER_BORDERS_PATH vector-effect=KEEP_STROKE />
            <path class="border" d=BORDER_PATH vector-effect=KEEP_STROKE />
            <path class="context-river" d=TUMEN_PATH vector-effect=KEEP_STROKE />
        </g>
    }
}

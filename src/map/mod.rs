//! The map: an inline SVG of the Yalu border region with its places as focusable controls.
//! It is rendered once, at build time, into the page; the live page (`crate::live`) then pans
//! and zooms it by pointer, touch, wheel, buttons and keyboard.

pub mod view;

use crate::atlas::{
    places, Place, PlaceIndex, PlaceKind, Rank, BORDER_PATH, COUNTRIES, MAP_LABELS,
    OTHER_BORDERS_PATH, RESERVOIR_PATH, TUMEN_PATH, VIEW_HEIGHT, VIEW_WIDTH, YALU_PATH,
};
use crate::dom::{self, label_id, marker_id};
use crate::route::Route;
use leptos::prelude::*;
use view::{fixed, View};

/// Approximate advance of one label character at the 14-unit label size, for hit areas.
const LABEL_CHAR_WIDTH: f32 = 8.0;
/// The zoomed layer's lines keep their stroke width on screen however far the map is zoomed.
/// (An attribute, not CSS: the inline stylesheet is checked against CSS that predates SVG 2.)
const KEEP_STROKE: &str = "non-scaling-stroke";
/// A label's light halo (its stroke) is painted under its letters.
const HALO_FIRST: &str = "stroke";

/// Longest scale bar, in CSS pixels.
pub const SCALE_BAR_PX: f32 = 140.0;

/// The scale bar's line for a distance `px` CSS pixels long, in its own drawing: ticks up at
/// both ends, room above for the label. The length is rounded to a whole pixel, so a pan
/// redraws the bar only when its length changes on screen.
pub fn scale_bar_path(px: f32) -> String {
    format!("M2 23V29H{}V23", fixed(2.0 + (px + 0.5).floor()))
}

/// The map region: land, water, borders, the river and every place, with its view controls,
/// drawn at the default view.
#[component]
pub fn Map() -> impl IntoView {
    let view = View::default();
    let view_box = format!("0 0 {} {}", fixed(VIEW_WIDTH), fixed(VIEW_HEIGHT));
    let river = places().find(|(_, p)| p.kind == PlaceKind::River);
    let (bar_units, bar_label) = view.scale_bar(SCALE_BAR_PX);
    view! {
        <section
            class=dom::MAP
            aria-label="Map of the Yalu River"
            aria-describedby=dom::MAP_HELP
            tabindex="0"
        >
            <p id=dom::MAP_HELP class="visually-hidden">
                "Drag or use the arrow keys to pan; wheel, pinch, plus and minus to zoom; 0 to reset."
            </p>
            <svg
                class=dom::MAP_SVG
                viewBox=view_box
                preserveAspectRatio="xMidYMid meet"
                role="group"
                aria-label="Yalu River border region"
            >
                <g class=dom::ZOOMED transform=view.transform()>
                    {COUNTRIES
                        .iter()
                        .map(|c| {
                            let class = match c.name {
                                "China" => "land china",
                                "North Korea" => "land north-korea",
                                _ => "land other",
                            };
                            view! { <path class=class d=c.path vector-effect=KEEP_STROKE aria-hidden="true" /> }
                        })
                        .collect_view()}
                    <path class="water" d=RESERVOIR_PATH vector-effect=KEEP_STROKE aria-hidden="true" />
                    <path
                        class="border other-border"
                        d=OTHER_BORDERS_PATH
                        vector-effect=KEEP_STROKE
                        aria-hidden="true"
                    />
                    <path class="border" d=BORDER_PATH vector-effect=KEEP_STROKE aria-hidden="true" />
                    <path class="context-river" d=TUMEN_PATH vector-effect=KEEP_STROKE aria-hidden="true" />
                    {river.map(|(i, place)| view! { <River index=i place=place /> })}
                </g>
                // Drawn in CSS pixels (one viewBox unit a pixel before the live page measures
                // the window); a pan moves the inner layer.
                <g class=dom::PINS transform=View::pins_scale(1.0)>
                    <g class=dom::PINS_OFFSET transform=view.pins_offset(1.0)>
                        {MAP_LABELS
                            .iter()
                            .enumerate()
                            .map(|(i, l)| {
                                view! {
                                    <text
                                        id=label_id(i)
                                        class="map-label"
                                        class:sea=l.sea
                                        text-anchor="middle"
                                        transform=view.placed(l.x, l.y, 1.0)
                                        aria-hidden="true"
                                    >
                                        {l.text}
                                    </text>
                                }
                            })
                            .collect_view()}
                        {river
                            .map(|(_, place)| {
                                view! {
                                    <text
                                        id=dom::RIVER_LABEL
                                        class="label river-label"
                                        paint-order=HALO_FIRST
                                        transform=view.placed(place.x, place.y, 1.0)
                                        aria-hidden="true"
                                    >
                                        {place.name}
                                    </text>
                                }
                            })}
                        {places()
                            .filter(|(_, p)| p.kind == PlaceKind::Province)
                            .map(|(i, place)| view! { <AreaLabel index=i place=place /> })
                            .collect_view()}
                        {places()
                            .filter(|(_, p)| !matches!(p.kind, PlaceKind::River | PlaceKind::Province))
                            .map(|(i, place)| view! { <Marker index=i place=place /> })
                            .collect_view()}
                    </g>
                </g>
            </svg>
            // A drawing of its own, in CSS pixels: redrawn as the view pans north or south, it
            // does not make the map repaint.
            <svg id=dom::SCALE_BAR class="scale-bar" width="170" height="32" role="group" aria-label="Scale">
                <path d=scale_bar_path(bar_units) />
                <text x="2" y="18" paint-order=HALO_FIRST>
                    {bar_label}
                </text>
            </svg>
            // Shown by the live page: without it they would do nothing.
            <div class=dom::ZOOM_CONTROLS hidden>
                <button type="button" id=dom::ZOOM_IN aria-label="Zoom in">
                    "+"
                </button>
                <button type="button" id=dom::ZOOM_OUT aria-label="Zoom out">
                    "−"
                </button>
                <button type="button" id=dom::ZOOM_RESET>
                    "Reset view"
                </button>
            </div>
            <p class="attribution">"Map data: Natural Earth"</p>
        </section>
    }
}

/// The Yalu as a control: a thin visible line under a wide, invisible hit area. Like every
/// place control it is a link to the place's hash, so it works with no script at all.
#[component]
fn River(index: PlaceIndex, place: &'static Place) -> impl IntoView {
    view! {
        <g>
            <a
                id=marker_id(place.id)
                class="river"
                href=Route::Place(index).to_hash()
                role="button"
                aria-label=place.name
                aria-pressed="false"
            >
                <path class="river-line" d=YALU_PATH vector-effect=KEEP_STROKE />
                <path class="river-hit" d=YALU_PATH vector-effect=KEEP_STROKE />
            </a>
        </g>
    }
}

/// A town's marker: a dot and its label. The live page keeps it one size on screen while the
/// map zooms.
#[component]
fn Marker(index: PlaceIndex, place: &'static Place) -> impl IntoView {
    let radius = match place.rank {
        Rank::Primary => "6",
        Rank::Secondary => "4.5",
        Rank::Minor => "3",
    };
    let label_width = LABEL_CHAR_WIDTH * place.name.chars().count() as f32;
    // The hit area covers dot and label, 44 px tall: the whole name is a touch target.
    let (label_x, anchor, hit_left, hit_width) = if place.label_left {
        ("-10", "end", -14.0 - label_width, 22.0 + label_width)
    } else {
        ("10", "start", -8.0, 22.0 + label_width)
    };
    view! {
        <g>
            <a
                id=marker_id(place.id)
                class="marker"
                class:primary=place.rank == Rank::Primary
                class:minor=place.rank == Rank::Minor
                href=Route::Place(index).to_hash()
                role="button"
                aria-label=place.name
                aria-pressed="false"
                transform=View::default().placed(place.x, place.y, 1.0)
            >
                <rect class="marker-hit" x=fixed(hit_left) y="-22" width=fixed(hit_width) height="44" rx="6" />
                <circle class="marker-dot" r=radius />
                <text class="label" x=label_x y="5" text-anchor=anchor paint-order=HALO_FIRST>
                    {place.name}
                </text>
            </a>
        </g>
    }
}

/// A province as a control: its name in spaced capitals, centred on its label point, over a hit
/// area 44 px tall. Like a marker it is a link to the place's hash.
#[component]
fn AreaLabel(index: PlaceIndex, place: &'static Place) -> impl IntoView {
    let text = place.name.to_uppercase();
    // Capitals with 3 units of letter spacing are wider than the 8-unit estimate of a label.
    let width = (LABEL_CHAR_WIDTH + 3.0) * text.chars().count() as f32;
    view! {
        <g>
            <a
                id=marker_id(place.id)
                class="area-label"
                href=Route::Place(index).to_hash()
                role="button"
                aria-label=place.name
                aria-pressed="false"
                transform=View::default().placed(place.x, place.y, 1.0)
            >
                <rect class="marker-hit" x=fixed(-width / 2.0 - 4.0) y="-22" width=fixed(width + 8.0) height="44" rx="6" />
                <text
                    class="label area"
                    text-anchor="middle"
                    y="5"
                    letter-spacing="3"
                    paint-order=HALO_FIRST
                >
                    {text}
                </text>
            </a>
        </g>
    }
}

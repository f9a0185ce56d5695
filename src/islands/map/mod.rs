//! The map island: the SVG of the Yalu border region with its places as focusable controls,
//! the scale bar and the zoom buttons. What the view shows is the store's `view` signal, and
//! every transform, mark and limit on the map follows from it; `live` (started once the page
//! is live) moves it by pointer, touch, wheel, keys, buttons and glides. The land, water and
//! borders are server-rendered (`crate::map::Layers`), and so is the river's path data: none
//! of it is in the wasm.

mod detail;
mod live;

use super::{inert, watch, Store};
use crate::atlas::{paragraph_places, pin, PlaceIndex, Rank, AREAS, MAP_LABELS};
use crate::atlas::{RIVER, TOWNS, VIEW_HEIGHT, VIEW_WIDTH, YALU_PATH};
use crate::dom::{self, marker_id};
use crate::islands::browser::truth;
use crate::map::view::{fixed, View, MAX_ZOOM, MINOR_ZOOM, MIN_ZOOM};
use crate::map::{scale_bar_path, Layers, HALO_FIRST, KEEP_STROKE, SCALE_BAR_PX};
use crate::route::Route;
use leptos::prelude::*;

/// Approximate advance of one label character at the 14-unit label size, for hit areas.
const LABEL_CHAR_WIDTH: f32 = 8.0;

/// What every control on the map reads: the store, the view's zoom, and the window's scale
/// (on-screen pixels per viewBox unit). Both change far less often than the view, which a pan
/// changes on every frame.
#[derive(Clone, Copy)]
struct Drawn {
    store: Store,
    zoom: RwSignal<f32>,
    scale: RwSignal<f32>,
}

impl Drawn {
    /// The transform that keeps map point (`x`, `y`) one size on screen in the layer a pan moves.
    fn placed(self, x: f32, y: f32) -> impl Fn() -> String + Copy + Send + Sync + 'static {
        let (zoom, scale) = (self.zoom, self.scale);
        move || {
            View {
                k: zoom.get(),
                ..View::default()
            }
            .placed(x, y, scale.get())
        }
    }

    /// Whether place `i` is the chosen one.
    fn chosen(self, i: PlaceIndex) -> impl Fn() -> bool + Copy + Send + Sync + 'static {
        let store = self.store;
        move || store.shown().place() == Some(i)
    }

    /// `aria-pressed` of place `i`'s control: whether it is the chosen one.
    fn pressed(self, i: PlaceIndex) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        let chosen = self.chosen(i);
        move || truth(chosen())
    }

    /// `aria-current` of place `i`'s control: set while the paragraph being read names it.
    fn current(
        self,
        i: PlaceIndex,
    ) -> impl Fn() -> Option<&'static str> + Copy + Send + Sync + 'static {
        let read = self.read(i);
        move || read().then_some("true")
    }

    /// Whether place `i` is named by the paragraph being read.
    fn read(self, i: PlaceIndex) -> impl Fn() -> bool + Copy + Send + Sync + 'static {
        let store = self.store;
        move || {
            matches!(store.shown(), Route::Read(..))
                && store
                    .paragraph
                    .get()
                    .is_some_and(|p| paragraph_places(p).has(i))
        }
    }
}

/// Whether the map is zoomed in as far as it goes.
fn at_most(zoom: RwSignal<f32>) -> bool {
    zoom.get() >= MAX_ZOOM
}

/// Whether the map is zoomed out as far as it goes.
fn at_least(zoom: RwSignal<f32>) -> bool {
    zoom.get() <= MIN_ZOOM
}

/// Whether the map is zoomed in far enough to draw the minor places.
fn near(zoom: RwSignal<f32>) -> bool {
    zoom.get() >= MINOR_ZOOM
}

/// The map region.
#[island]
pub fn Map() -> impl IntoView {
    let store = Store::get();
    let view = store.view;
    // On-screen pixels per viewBox unit: one until the live map first measures the window.
    let scale = RwSignal::new(1.0_f32);
    // The zoom alone, rewritten only when it changes: the markers follow it, not each pan.
    // (A plain signal: a `Memo` costs the wasm more.)
    let zoom = RwSignal::new(View::default().k);
    watch(move |_: Option<()>| {
        let k = view.get().k;
        if zoom.get_untracked() != k {
            zoom.set(k);
        }
    });
    let drawn = Drawn { store, zoom, scale };
    // At most SCALE_BAR_PX long, drawn in pixels like the markers; a north–south pan changes it
    // too, as the Mercator scale varies with latitude. Its path and label change together.
    let bar = move || {
        let s = scale.get();
        let (units, label) = view.get().scale_bar(SCALE_BAR_PX / s);
        (scale_bar_path(units * s), label)
    };
    // The SVG's size in CSS pixels, measured once live (in the first frame after): which
    // detail tiles are in view.
    let size = RwSignal::new((0.0_f32, 0.0_f32));
    let shown = detail::Shown::new();
    watch(move |started: Option<bool>| {
        let live = store.live.get();
        if live && started != Some(true) {
            live::start(store, scale, size);
            detail::follow(view, size, scale, shown);
        }
        live
    });
    let view_box = format!("0 0 {} {}", fixed(VIEW_WIDTH), fixed(VIEW_HEIGHT));
    let river = pin(RIVER);
    view! {
        <section
            class=dom::MAP
            aria-label="Map of the Yalu River"
            aria-describedby=dom::MAP_HELP
            tabindex="0"
        >
            {inert(|| view! {
                <p id=dom::MAP_HELP class="visually-hidden">
                    "Drag or use the arrow keys to pan; wheel, pinch, plus and minus to zoom; 0 to reset."
                </p>
            })}
            <svg
                class=dom::MAP_SVG
                viewBox=view_box
                preserveAspectRatio="xMidYMid meet"
                role="group"
                aria-label="Yalu River border region"
            >
                // The overview's clip path: everywhere but where detail tiles are shown.
                <defs>
                    <clipPath id=dom::OVERVIEW_CLIP>
                        <path d=move || shown.clip.get() clip-rule="evenodd" />
                    </clipPath>
                </defs>
                <g class=dom::ZOOMED transform=move || view.get().transform()>
                    <g clip-path=shown.clipping()>{inert(|| view! { <Layers /> })}</g>
                    <g class="detail" inner_html=move || shown.ground.get()></g>
                    <River drawn=drawn shown=shown />
                </g>
                // Drawn in CSS pixels; a pan moves the inner layer alone.
                <g class=dom::PINS transform=move || View::pins_scale(scale.get())>
                    <g class=dom::PINS_OFFSET transform=move || view.get().pins_offset(scale.get())>
                        {MAP_LABELS.each_ref().map(|l| {
                            view! {
                                <text
                                    class="map-label"
                                    class:sea=l.sea
                                    text-anchor="middle"
                                    transform=drawn.placed(l.x, l.y)
                                    aria-hidden="true"
                                >
                                    {l.text}
                                </text>
                            }
                        })}
                        <text
                            id=dom::RIVER_LABEL
                            class="label river-label"
                            paint-order=HALO_FIRST
                            transform=drawn.placed(river.x, river.y)
                            aria-hidden="true"
                        >
                            {river.name}
                        </text>
                        {AREAS.map(|i| view! { <AreaLabel index=i drawn=drawn /> })}
                        {TOWNS.map(|i| view! { <Marker index=i drawn=drawn /> })}
                    </g>
                </g>
            </svg>
            // A drawing of its own, in CSS pixels: redrawn as the view pans north or south, it
            // does not make the map repaint.
            <svg id=dom::SCALE_BAR class="scale-bar" width="170" height="32" role="group" aria-label="Scale">
                <path d=move || bar().0 />
                <text x="2" y="18" paint-order=HALO_FIRST>
                    {move || bar().1}
                </text>
            </svg>
            // Shown once the page is live: without it they would do nothing.
            <div class=dom::ZOOM_CONTROLS hidden=move || !store.live.get()>
                <button type="button" id=dom::ZOOM_IN aria-label="Zoom in" disabled=move || at_most(zoom)>
                    "+"
                </button>
                <button type="button" id=dom::ZOOM_OUT aria-label="Zoom out" disabled=move || at_least(zoom)>
                    "−"
                </button>
                <button type="button" id=dom::ZOOM_RESET>
                    "Reset view"
                </button>
            </div>
            {inert(|| view! { <p class="attribution">"Map data: Natural Earth, © OpenStreetMap contributors"</p> })}
        </section>
    }
}

/// A place on the map as a control: a link to the place's hash, so it works with no script at
/// all, announced as a button that is pressed while the place is chosen and current while the
/// paragraph being read names it. Classes given to it go onto the link.
#[component]
fn PlaceControl<C: IntoView + 'static>(
    index: PlaceIndex,
    drawn: Drawn,
    class: &'static str,
    children: TypedChildren<C>,
) -> impl IntoView {
    let place = pin(index);
    view! {
        <a
            id=marker_id(place.id)
            class=class
            class:selected=drawn.chosen(index)
            class:current=drawn.read(index)
            href=Route::Place(index).to_hash()
            role="button"
            aria-label=place.name
            aria-pressed=drawn.pressed(index)
            aria-current=drawn.current(index)
        >
            {children.into_inner()()}
        </a>
    }
}

/// The Yalu as a control: a thin visible line under a wide, invisible hit area; the line is
/// the overview's, and the detail's where the map shows detail. Like every
/// place control it is a link to the place's hash, so it works with no script at all.
#[component]
fn River(drawn: Drawn, shown: detail::Shown) -> impl IntoView {
    view! {
        <g>
            <PlaceControl index=RIVER drawn=drawn class="river">
                <g clip-path=shown.clipping()>
                    {inert(|| view! { <path class="river-line" d=YALU_PATH vector-effect=KEEP_STROKE /> })}
                </g>
                // Where detail is shown, the river's line is the detail's.
                <g inner_html=move || shown.river.get()></g>
                {inert(|| view! { <path class="river-hit" d=YALU_PATH vector-effect=KEEP_STROKE /> })}
            </PlaceControl>
        </g>
    }
}

/// A town's marker: a dot and its label, kept one size on screen while the map zooms. A minor
/// place shows from `MINOR_ZOOM` on (the CSS hides it before), or when chosen or read.
#[component]
fn Marker(index: PlaceIndex, drawn: Drawn) -> impl IntoView {
    let place = pin(index);
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
    let zoom = drawn.zoom;
    view! {
        <g transform=drawn.placed(place.x, place.y)>
            <PlaceControl
                index=index
                drawn=drawn
                class="marker"
                class:primary=place.rank == Rank::Primary
                class:minor=place.minor
                class:near=move || place.minor && near(zoom)
            >
                {inert(move || view! {
                    <rect class="marker-hit" x=fixed(hit_left) y="-22" width=fixed(hit_width) height="44" rx="6" />
                })}
                {inert(move || view! { <circle class="marker-dot" r=radius /> })}
                {inert(move || view! {
                    <text class="label" x=label_x y="5" text-anchor=anchor paint-order=HALO_FIRST>
                        {place.name}
                    </text>
                })}
            </PlaceControl>
        </g>
    }
}

/// A province as a control: its name in spaced capitals, centred on its label point, over a hit
/// area 44 px tall. Like a marker it is a link to the place's hash.
#[component]
fn AreaLabel(index: PlaceIndex, drawn: Drawn) -> impl IntoView {
    let place = pin(index);
    // Capitals with 3 units of letter spacing are wider than the 8-unit estimate of a label.
    let width = (LABEL_CHAR_WIDTH + 3.0) * place.name.chars().count() as f32;
    view! {
        <g transform=drawn.placed(place.x, place.y)>
            <PlaceControl index=index drawn=drawn class="area-label">
                {inert(move || view! {
                    <rect class="marker-hit" x=fixed(-width / 2.0 - 4.0) y="-22" width=fixed(width + 8.0) height="44" rx="6" />
                })}
                {inert(move || view! {
                    <text class="label area" text-anchor="middle" y="5" letter-spacing="3" paint-order=HALO_FIRST>
                        {place.name.to_uppercase()}
                    </text>
                })}
            </PlaceControl>
        </g>
    }
}

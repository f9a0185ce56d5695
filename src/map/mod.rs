//! The map: an inline SVG of the Yalu border region with its places as focusable controls,
//! which the reader can pan and zoom by pointer, touch, wheel, buttons and keyboard.

pub mod view;

use crate::atlas::{
    Place, PlaceKind, Rank, BORDER_PATH, COUNTRIES, MAP_LABELS, OTHER_BORDERS_PATH, PLACES,
    RESERVOIR_PATH, TUMEN_PATH, VIEW_HEIGHT, VIEW_WIDTH, YALU_PATH,
};
use crate::go;
use crate::route::Route;
use leptos::ev::{KeyboardEvent, MouseEvent, PointerEvent, WheelEvent};
use leptos::prelude::*;
use view::{decimal, fixed, View, MAX_ZOOM, MIN_ZOOM, PAN_STEP, ZOOM_STEP};

/// Approximate advance of one label character at the 14-unit label size, for hit areas.
const LABEL_CHAR_WIDTH: f32 = 8.0;
/// How far a pointer must move, in CSS pixels, before a press becomes a drag rather than a click.
const DRAG_THRESHOLD_PX: f32 = 4.0;
/// Length of a glide to a place, in milliseconds.
const GLIDE_MS: f64 = 450.0;
/// A place closer than this to the view's edge, in viewBox units, is glided into view.
const GLIDE_MARGIN: f32 = 60.0;

/// Chooses `place` on Enter or Space, as a native button would.
fn choose_by_key(ev: &KeyboardEvent, route: RwSignal<Route>, place: &'static Place) {
    if matches!(ev.key().as_str(), "Enter" | " ") {
        ev.prevent_default();
        go(route, Route::Place(place));
    }
}

/// `translate(x y) scale(1/s)` for a map point under the current view, where `s` is the SVG's
/// on-screen pixels per viewBox unit: what is drawn there keeps one size in CSS pixels at any
/// zoom and in any window, so labels stay legible and hit areas stay 44 px tall on a phone.
fn placed(view: View, x: f32, y: f32, px_per_unit: f32) -> String {
    let (vx, vy) = view.apply(x, y);
    format!(
        "translate({} {}) scale({})",
        fixed(vx),
        fixed(vy),
        decimal(1.0 / px_per_unit, 4)
    )
}

/// Pointers pressed on the map, in client pixels, and whether they have become a drag.
#[derive(Default)]
struct Gesture {
    pointers: Vec<(i32, f32, f32)>,
    dragging: bool,
    travelled: f32,
}

/// The map region: land, water, borders, the river and every place, with its view controls.
#[component]
pub fn Map(selected: Memo<Option<&'static Place>>, route: RwSignal<Route>) -> impl IntoView {
    let view = RwSignal::new(View::default());
    let svg_ref = NodeRef::<leptos::svg::Svg>::new();
    let gesture = StoredValue::new(Gesture::default());
    // Bumped by every reader gesture and glide: a running glide stops when it changes.
    let glide_id = StoredValue::new(0u32);

    // Client pixels to viewBox units: the factor, and the viewBox origin on screen (the SVG
    // is letterboxed by `xMidYMid meet`).
    let to_view = move |cx: f32, cy: f32| -> Option<(f32, f32, f32)> {
        let rect = svg_ref.get_untracked()?.get_bounding_client_rect();
        let (w, h) = (rect.width() as f32, rect.height() as f32);
        let s = (w / VIEW_WIDTH).min(h / VIEW_HEIGHT);
        if s <= 0.0 {
            return None;
        }
        let ox = rect.left() as f32 + (w - VIEW_WIDTH * s) / 2.0;
        let oy = rect.top() as f32 + (h - VIEW_HEIGHT * s) / 2.0;
        Some(((cx - ox) / s, (cy - oy) / s, s))
    };
    let interrupt = move || glide_id.update_value(|g| *g = g.wrapping_add(1));
    // On-screen pixels per viewBox unit, measured once shown and whenever the window resizes.
    let px_per_unit = RwSignal::new(1.0_f32);
    let measure = move || {
        if let Some((_, _, s)) = to_view(0.0, 0.0) {
            if (s - px_per_unit.get_untracked()).abs() > 1e-4 {
                px_per_unit.set(s);
            }
        }
    };
    // The SVG changes size with the window and with the panel beside or below it.
    Effect::new(move |_| {
        let Some(svg) = svg_ref.get() else { return };
        let on_resize = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(measure);
        if let Ok(observer) =
            web_sys::ResizeObserver::new(wasm_bindgen::JsCast::unchecked_ref(on_resize.as_ref()))
        {
            observer.observe(&svg);
        }
        // The map lives as long as the page: its observer and callback are never dropped.
        on_resize.forget();
        request_animation_frame(measure);
    });

    let on_wheel = move |ev: WheelEvent| {
        ev.prevent_default();
        interrupt();
        // Lines and pages arrive in other units than pixels.
        let px = match ev.delta_mode() {
            1 => ev.delta_y() * 16.0,
            2 => ev.delta_y() * 400.0,
            _ => ev.delta_y(),
        } as f32;
        if let Some((x, y, _)) = to_view(ev.client_x() as f32, ev.client_y() as f32) {
            view.update(|v| *v = v.zoom_about(x, y, (-px * 0.002).exp()));
        }
    };
    let on_pointer_down = move |ev: PointerEvent| {
        if ev.pointer_type() == "mouse" && ev.button() != 0 {
            return;
        }
        interrupt();
        gesture.update_value(|g| {
            g.pointers.retain(|p| p.0 != ev.pointer_id());
            g.pointers
                .push((ev.pointer_id(), ev.client_x() as f32, ev.client_y() as f32));
            if g.pointers.len() == 1 {
                g.dragging = false;
                g.travelled = 0.0;
            }
        });
    };
    let on_pointer_move = move |ev: PointerEvent| {
        let id = ev.pointer_id();
        let (nx, ny) = (ev.client_x() as f32, ev.client_y() as f32);
        let mut capture = false;
        let mut change: Option<(f32, f32, f32, f32, f32)> = None; // (old mid, new mid, scale)
        gesture.update_value(|g| {
            let Some(i) = g.pointers.iter().position(|p| p.0 == id) else {
                return;
            };
            let old = g.pointers.clone();
            g.pointers[i] = (id, nx, ny);
            g.travelled += (nx - old[i].1).abs() + (ny - old[i].2).abs();
            if !g.dragging && g.travelled < DRAG_THRESHOLD_PX {
                return;
            }
            if !g.dragging {
                g.dragging = true;
                capture = true;
            }
            // One pointer pans; two pan by their midpoint and zoom by their spread (pinch).
            let mid = |ps: &[(i32, f32, f32)]| {
                let n = ps.len().min(2) as f32;
                let sx: f32 = ps.iter().take(2).map(|p| p.1).sum();
                let sy: f32 = ps.iter().take(2).map(|p| p.2).sum();
                (sx / n, sy / n)
            };
            let spread = |ps: &[(i32, f32, f32)]| {
                if ps.len() < 2 {
                    1.0
                } else {
                    ((ps[0].1 - ps[1].1).powi(2) + (ps[0].2 - ps[1].2).powi(2))
                        .sqrt()
                        .max(1.0)
                }
            };
            let (ox, oy) = mid(&old);
            let (mx, my) = mid(&g.pointers);
            change = Some((ox, oy, mx, my, spread(&g.pointers) / spread(&old)));
        });
        if capture {
            // Only a drag captures the pointer, so a plain click still reaches the marker under it.
            if let Some(svg) = svg_ref.get_untracked() {
                let _ = svg.set_pointer_capture(id);
            }
        }
        if let Some((ox, oy, mx, my, factor)) = change {
            if let (Some((ax, ay, _)), Some((bx, by, _))) = (to_view(ox, oy), to_view(mx, my)) {
                view.update(|v| *v = v.pan_by(bx - ax, by - ay).zoom_about(bx, by, factor));
            }
        }
    };
    let on_pointer_up = move |ev: PointerEvent| {
        gesture.update_value(|g| g.pointers.retain(|p| p.0 != ev.pointer_id()));
    };
    let on_key = move |ev: KeyboardEvent| {
        let next = match ev.key().as_str() {
            "ArrowLeft" => view.get_untracked().pan_by(PAN_STEP, 0.0),
            "ArrowRight" => view.get_untracked().pan_by(-PAN_STEP, 0.0),
            "ArrowUp" => view.get_untracked().pan_by(0.0, PAN_STEP),
            "ArrowDown" => view.get_untracked().pan_by(0.0, -PAN_STEP),
            "+" | "=" => view.get_untracked().zoom_centre(ZOOM_STEP),
            "-" | "_" => view.get_untracked().zoom_centre(1.0 / ZOOM_STEP),
            "0" => View::default(),
            _ => return,
        };
        ev.prevent_default();
        interrupt();
        view.set(next);
    };

    // A town chosen elsewhere (the panel, a link, the keyboard) that is out of sight glides in.
    // The river is not: it is chosen by touching its line, wherever the view is.
    Effect::new(move |_| {
        if let Some(place) = selected.get().filter(|p| p.kind == PlaceKind::City) {
            let now = view.get_untracked();
            if !now.shows(place.x, place.y, GLIDE_MARGIN) {
                glide(view, glide_id, now.centred_on(place.x, place.y));
            }
        }
    });

    let view_box = format!("0 0 {} {}", fixed(VIEW_WIDTH), fixed(VIEW_HEIGHT));
    let river = PLACES.iter().find(|p| p.kind == PlaceKind::River);
    view! {
        <section
            class="map"
            aria-label="Map of the Yalu River"
            aria-describedby="map-help"
            tabindex="0"
            on:keydown=on_key
        >
            <p id="map-help" class="visually-hidden">
                "Drag or use the arrow keys to pan; wheel, pinch, plus and minus to zoom; 0 to reset."
            </p>
            <svg
                node_ref=svg_ref
                class="map-svg"
                viewBox=view_box
                preserveAspectRatio="xMidYMid meet"
                role="group"
                aria-label="Yalu River border region"
                on:wheel=on_wheel
                on:pointerdown=on_pointer_down
                on:pointermove=on_pointer_move
                on:pointerup=on_pointer_up
                on:pointercancel=on_pointer_up
            >
                <g class="zoomed" transform=move || view.get().transform()>
                    {COUNTRIES
                        .iter()
                        .map(|c| {
                            let class = match c.name {
                                "China" => "land china",
                                "North Korea" => "land north-korea",
                                _ => "land other",
                            };
                            view! { <path class=class d=c.path aria-hidden="true" /> }
                        })
                        .collect_view()}
                    <path class="water" d=RESERVOIR_PATH aria-hidden="true" />
                    <path class="border other-border" d=OTHER_BORDERS_PATH aria-hidden="true" />
                    <path class="border" d=BORDER_PATH aria-hidden="true" />
                    <path class="context-river" d=TUMEN_PATH aria-hidden="true" />
                    {river.map(|place| view! { <River place=place selected=selected route=route /> })}
                </g>
                <g class="overlay">
                    {MAP_LABELS
                        .iter()
                        .map(|l| {
                            view! {
                                <text
                                    class="map-label"
                                    class:sea=l.sea
                                    text-anchor="middle"
                                    transform=move || placed(view.get(), l.x, l.y, px_per_unit.get())
                                    aria-hidden="true"
                                >
                                    {l.text}
                                </text>
                            }
                        })
                        .collect_view()}
                    {river
                        .map(|place| {
                            view! {
                                <text
                                    class="label river-label"
                                    transform=move || placed(view.get(), place.x, place.y, px_per_unit.get())
                                    aria-hidden="true"
                                >
                                    {place.name}
                                </text>
                            }
                        })}
                    {PLACES
                        .iter()
                        .filter(|p| p.kind == PlaceKind::City)
                        .map(|place| {
                            view! { <Marker place=place selected=selected route=route view=view px_per_unit=px_per_unit /> }
                        })
                        .collect_view()}
                    <ScaleBar view=view px_per_unit=px_per_unit />
                </g>
            </svg>
            <div class="zoom-controls">
                <button
                    type="button"
                    aria-label="Zoom in"
                    disabled=move || { view.get().k >= MAX_ZOOM }
                    on:click=move |_| {
                        interrupt();
                        view.update(|v| *v = v.zoom_centre(ZOOM_STEP));
                    }
                >
                    "+"
                </button>
                <button
                    type="button"
                    aria-label="Zoom out"
                    disabled=move || { view.get().k <= MIN_ZOOM }
                    on:click=move |_| {
                        interrupt();
                        view.update(|v| *v = v.zoom_centre(1.0 / ZOOM_STEP));
                    }
                >
                    "−"
                </button>
                <button type="button" on:click=move |_| glide(view, glide_id, View::default())>
                    "Reset view"
                </button>
            </div>
            <p class="attribution">"Map data: Natural Earth"</p>
        </section>
    }
}

/// Moves the view to `to` over `GLIDE_MS`, or at once when the reader prefers reduced motion.
fn glide(view: RwSignal<View>, glide_id: StoredValue<u32>, to: View) {
    glide_id.update_value(|g| *g = g.wrapping_add(1));
    let id = glide_id.get_value();
    let window = web_sys::window();
    let reduced = window
        .as_ref()
        .and_then(|w| {
            w.match_media("(prefers-reduced-motion: reduce)")
                .ok()
                .flatten()
        })
        .is_some_and(|m| m.matches());
    let Some(performance) = window.and_then(|w| w.performance()).filter(|_| !reduced) else {
        view.set(to);
        return;
    };
    let from = view.get_untracked();
    let start = performance.now();
    fn step(
        view: RwSignal<View>,
        glide_id: StoredValue<u32>,
        id: u32,
        from: View,
        to: View,
        start: f64,
        p: web_sys::Performance,
    ) {
        if glide_id.get_value() != id {
            return;
        }
        let t = ((p.now() - start) / GLIDE_MS).min(1.0) as f32;
        // Ease in and out.
        let eased = t * t * (3.0 - 2.0 * t);
        view.set(from.towards(to, eased));
        if t < 1.0 {
            request_animation_frame(move || step(view, glide_id, id, from, to, start, p));
        }
    }
    step(view, glide_id, id, from, to, start, performance);
}

/// The Yalu as a control: a thin visible line under a wide, invisible hit area.
#[component]
fn River(
    place: &'static Place,
    selected: Memo<Option<&'static Place>>,
    route: RwSignal<Route>,
) -> impl IntoView {
    let is_selected = move || selected.get() == Some(place);
    view! {
        <g>
            <a
                id=format!("marker-{}", place.id)
                class="river"
                class:selected=is_selected
                href=Route::Place(place).to_hash()
                role="button"
                aria-label=place.name
                aria-pressed=move || if is_selected() { "true" } else { "false" }
                on:click=move |ev: MouseEvent| {
                    // The link's own navigation would work too; going through `go` keeps one path.
                    ev.prevent_default();
                    go(route, Route::Place(place));
                }
                on:keydown=move |ev| choose_by_key(&ev, route, place)
            >
                <path class="river-line" d=YALU_PATH />
                <path class="river-hit" d=YALU_PATH />
            </a>
        </g>
    }
}

/// A town's marker: a dot and its label, selectable by pointer and keyboard. It keeps its size
/// on screen while the map zooms.
#[component]
fn Marker(
    place: &'static Place,
    selected: Memo<Option<&'static Place>>,
    route: RwSignal<Route>,
    view: RwSignal<View>,
    px_per_unit: RwSignal<f32>,
) -> impl IntoView {
    let is_selected = move || selected.get() == Some(place);
    let radius = if place.rank == Rank::Primary {
        "6"
    } else {
        "4.5"
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
                id=format!("marker-{}", place.id)
                class="marker"
                class:primary=place.rank == Rank::Primary
                class:selected=is_selected
                href=Route::Place(place).to_hash()
                role="button"
                aria-label=place.name
                aria-pressed=move || if is_selected() { "true" } else { "false" }
                transform=move || placed(view.get(), place.x, place.y, px_per_unit.get())
                on:click=move |ev: MouseEvent| {
                    // The link's own navigation would work too; going through `go` keeps one path.
                    ev.prevent_default();
                    go(route, Route::Place(place));
                }
                on:keydown=move |ev| choose_by_key(&ev, route, place)
            >
                <rect class="marker-hit" x=fixed(hit_left) y="-22" width=fixed(hit_width) height="44" rx="6" />
                <circle class="marker-dot" r=radius />
                <text class="label" x=label_x y="5" text-anchor=anchor>
                    {place.name}
                </text>
            </a>
        </g>
    }
}

/// A scale bar for the middle of the view, redrawn as the reader zooms.
#[component]
fn ScaleBar(view: RwSignal<View>, px_per_unit: RwSignal<f32>) -> impl IntoView {
    // At most 140 px long, drawn in pixels like the markers.
    let bar = Memo::new(move |_| {
        let s = px_per_unit.get();
        let (units, label) = view.get().scale_bar(140.0 / s);
        (units * s, label)
    });
    let y = fixed(VIEW_HEIGHT - 8.0);
    view! {
        <g class="scale-bar" transform=move || format!("translate(16 {y}) scale({})", decimal(1.0 / px_per_unit.get(), 4))>
            <path d=move || format!("M0 -6V0H{}V-6", fixed(bar.get().0)) />
            <text x="0" y="-10">
                {move || bar.get().1}
            </text>
        </g>
    }
}

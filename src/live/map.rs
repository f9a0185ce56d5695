//! The live map: pan by pointer, touch and arrow keys; zoom by wheel, pinch, buttons and keys;
//! markers and labels kept one size on screen; a glide to a town chosen out of sight.

use super::{by_id, first, listen, show};
use crate::atlas::{LABEL_POINTS, PINS, VIEW_HEIGHT, VIEW_WIDTH};
use crate::dom;
use crate::map::view::{View, MAX_ZOOM, MIN_ZOOM, PAN_STEP, ZOOM_STEP};
use crate::map::{scale_bar_path, SCALE_BAR_PX};
use crate::route::Route;
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use wasm_bindgen::{closure::Closure, JsCast};
use web_sys::{Element, Event, KeyboardEvent, PointerEvent, WheelEvent};

/// How far a pointer must move, in CSS pixels, before a press becomes a drag rather than a click.
const DRAG_THRESHOLD_PX: f32 = 4.0;
/// Length of a glide to a place, in milliseconds.
const GLIDE_MS: f64 = 450.0;
/// A place closer than this to the view's edge, in viewBox units, is glided into view.
const GLIDE_MARGIN: f32 = 60.0;

/// Pointers pressed on the map, in client pixels, and whether they have become a drag.
struct Gesture {
    pointers: Vec<(i32, f32, f32)>,
    dragging: bool,
    travelled: f32,
}

// The page has one map and runs on one thread: its gesture and glide live here.
thread_local! {
    static GESTURE: RefCell<Gesture> = const {
        RefCell::new(Gesture {
            pointers: Vec::new(),
            dragging: false,
            travelled: 0.0,
        })
    };
    /// Bumped by every reader gesture and glide: a running glide stops when it changes.
    static GLIDE: Cell<u32> = const { Cell::new(0) };
}

/// Runs `f` on the gesture in progress.
fn with_gesture<T>(f: impl FnOnce(&mut Gesture) -> T) -> T {
    GESTURE.with(|g| f(&mut g.borrow_mut()))
}

/// Stops any running glide; returns the new glide id.
fn interrupt_glide() -> u32 {
    GLIDE.with(|g| {
        g.set(g.get().wrapping_add(1));
        g.get()
    })
}

/// Midpoint of the first two pointers (or the one).
fn mid(ps: &[(i32, f32, f32)]) -> (f32, f32) {
    let n = ps.len().clamp(1, 2) as f32;
    let sx: f32 = ps.iter().take(2).map(|p| p.1).sum();
    let sy: f32 = ps.iter().take(2).map(|p| p.2).sum();
    (sx / n, sy / n)
}

/// Distance between the first two pointers; 1 for one pointer, so a pan does not zoom.
fn spread(ps: &[(i32, f32, f32)]) -> f32 {
    match ps {
        [a, b, ..] => ((a.1 - b.1).powi(2) + (a.2 - b.2).powi(2)).sqrt().max(1.0),
        _ => 1.0,
    }
}

/// Client pixels to viewBox units of `svg`: the point, and the factor. The viewBox origin on
/// screen is offset because the SVG is letterboxed by `xMidYMid meet`.
fn to_view(svg: &Element, cx: f32, cy: f32) -> Option<(f32, f32, f32)> {
    let rect = svg.get_bounding_client_rect();
    let (w, h) = (rect.width() as f32, rect.height() as f32);
    let s = (w / VIEW_WIDTH).min(h / VIEW_HEIGHT);
    if s <= 0.0 {
        return None;
    }
    let ox = rect.left() as f32 + (w - VIEW_WIDTH * s) / 2.0;
    let oy = rect.top() as f32 + (h - VIEW_HEIGHT * s) / 2.0;
    Some(((cx - ox) / s, (cy - oy) / s, s))
}

/// The live map, as story mode drives it.
#[derive(Clone, Copy)]
pub struct MapHandle {
    /// What the map shows.
    pub view: RwSignal<View>,
    /// Counts the reader's own moves of the map (drag, wheel, pinch, keys, zoom buttons).
    pub moved_by_reader: RwSignal<u32>,
}

/// Makes the map live; `route` says which place is chosen.
pub fn start(route: RwSignal<Route>) -> MapHandle {
    let view = RwSignal::new(View::default());
    let moved_by_reader = RwSignal::new(0_u32);
    let handle = MapHandle {
        view,
        moved_by_reader,
    };
    let (Some(section), Some(svg)) = (
        first(&dom::class(dom::MAP)),
        first(&dom::class(dom::MAP_SVG)),
    ) else {
        return handle;
    };
    let moved = move || moved_by_reader.update(|n| *n = n.wrapping_add(1));

    // On-screen pixels per viewBox unit, measured now and whenever the SVG changes size (with
    // the window, and with the panel beside or below it).
    let px_per_unit = RwSignal::new(to_view(&svg, 0.0, 0.0).map_or(1.0, |(_, _, s)| s));
    let measured = svg.clone();
    let measure = move || {
        if let Some((_, _, s)) = to_view(&measured, 0.0, 0.0) {
            if (s - px_per_unit.get_untracked()).abs() > 1e-4 {
                px_per_unit.set(s);
            }
        }
    };
    let on_resize = Closure::<dyn FnMut()>::new(measure);
    if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
        observer.observe(&svg);
    }
    on_resize.forget();

    draw(view, px_per_unit);

    let on = svg.clone();
    listen(&svg, "wheel", move |ev: WheelEvent| {
        ev.prevent_default();
        interrupt_glide();
        moved();
        // Lines and pages arrive in other units than pixels.
        let px = match ev.delta_mode() {
            1 => ev.delta_y() * 16.0,
            2 => ev.delta_y() * 400.0,
            _ => ev.delta_y(),
        } as f32;
        if let Some((x, y, _)) = to_view(&on, ev.client_x() as f32, ev.client_y() as f32) {
            view.update(|v| *v = v.zoom_about(x, y, (-px * 0.002).exp()));
        }
    });
    listen(&svg, "pointerdown", move |ev: PointerEvent| {
        if ev.pointer_type() == "mouse" && ev.button() != 0 {
            return;
        }
        interrupt_glide();
        with_gesture(|g| {
            g.pointers.retain(|p| p.0 != ev.pointer_id());
            g.pointers
                .push((ev.pointer_id(), ev.client_x() as f32, ev.client_y() as f32));
            if g.pointers.len() == 1 {
                g.dragging = false;
                g.travelled = 0.0;
            }
        });
    });
    let capture_on = svg.clone();
    listen(&svg, "pointermove", move |ev: PointerEvent| {
        let id = ev.pointer_id();
        let (nx, ny) = (ev.client_x() as f32, ev.client_y() as f32);
        let mut capture = false;
        let mut change = None;
        with_gesture(|g| {
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
            change = Some((
                mid(&old),
                mid(&g.pointers),
                spread(&g.pointers) / spread(&old),
            ));
        });
        if capture {
            moved();
            // Only a drag captures the pointer, so a plain click still reaches the marker under it.
            let _ = capture_on.set_pointer_capture(id);
        }
        if let Some(((ox, oy), (mx, my), factor)) = change {
            if let (Some((ax, ay, _)), Some((bx, by, _))) =
                (to_view(&capture_on, ox, oy), to_view(&capture_on, mx, my))
            {
                view.update(|v| *v = v.pan_by(bx - ax, by - ay).zoom_about(bx, by, factor));
            }
        }
    });
    for kind in ["pointerup", "pointercancel"] {
        listen(&svg, kind, move |ev: PointerEvent| {
            with_gesture(|g| g.pointers.retain(|p| p.0 != ev.pointer_id()));
        });
    }
    listen(&section, "keydown", move |ev: KeyboardEvent| {
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
        interrupt_glide();
        moved();
        view.set(next);
    });

    // The zoom buttons do nothing without the live page, so they appear with it.
    if let Some(controls) = first(&dom::class(dom::ZOOM_CONTROLS)) {
        show(&controls, true);
    }
    let zoom_in = by_id(dom::ZOOM_IN);
    let zoom_out = by_id(dom::ZOOM_OUT);
    for (button, factor) in [(&zoom_in, ZOOM_STEP), (&zoom_out, 1.0 / ZOOM_STEP)] {
        if let Some(b) = button {
            listen(b, "click", move |_: Event| {
                interrupt_glide();
                moved();
                view.update(|v| *v = v.zoom_centre(factor));
            });
        }
    }
    if let Some(b) = by_id(dom::ZOOM_RESET) {
        listen(&b, "click", move |_: Event| {
            moved();
            glide(view, View::default());
        });
    }
    Effect::new(move |_| {
        let k = view.get().k;
        for (button, disabled) in [(&zoom_in, k >= MAX_ZOOM), (&zoom_out, k <= MIN_ZOOM)] {
            if let Some(b) = button {
                let _ = b.toggle_attribute_with_force("disabled", disabled);
            }
        }
    });

    // A town chosen elsewhere (the panel, a link, the keyboard) that is out of sight glides in.
    // The river is not: it is chosen by touching its line, wherever the view is.
    Effect::new(move |_| {
        if let Some(pin) = route.get().place().map(|i| &PINS[i]).filter(|p| p.city) {
            let now = view.get_untracked();
            if !now.shows(pin.x, pin.y, GLIDE_MARGIN) {
                glide(view, now.centred_on(pin.x, pin.y));
            }
        }
    });
    handle
}

/// Redraws what the view moves: the zoomed layer and the layer of pins on every change; every
/// marker and label (kept at one size on screen) only when the zoom or the window's scale
/// changes; the scale bar only when its length or label does. A pan writes two attributes.
fn draw(view: RwSignal<View>, px_per_unit: RwSignal<f32>) {
    let zoomed = first(&dom::class(dom::ZOOMED));
    let pins = first(&dom::class(dom::PINS));
    let pins_offset = first(&dom::class(dom::PINS_OFFSET));
    let mut placed: Vec<(Element, f32, f32)> = Vec::new();
    for pin in PINS.iter() {
        if let Some(el) = by_id(&if pin.city {
            dom::marker_id(pin.id)
        } else {
            dom::RIVER_LABEL.to_owned()
        }) {
            placed.push((el, pin.x, pin.y));
        }
    }
    for (i, &(x, y)) in LABEL_POINTS.iter().enumerate() {
        if let Some(el) = by_id(&dom::label_id(i)) {
            placed.push((el, x, y));
        }
    }
    let bar = by_id(dom::SCALE_BAR);
    let bar_line = bar
        .as_ref()
        .and_then(|b| b.query_selector("path").ok().flatten());
    let bar_text = bar
        .as_ref()
        .and_then(|b| b.query_selector("text").ok().flatten());
    // Each run returns what it drew: the zoom and pixel scale the pins are placed for, and the
    // scale bar's path and label.
    Effect::new(move |drawn: Option<(f32, f32, String, String)>| {
        let (v, s) = (view.get(), px_per_unit.get());
        if let Some(z) = &zoomed {
            let _ = z.set_attribute("transform", &v.transform());
        }
        if let Some(p) = &pins_offset {
            let _ = p.set_attribute("transform", &v.pins_offset(s));
        }
        let rescaled = drawn
            .as_ref()
            .is_none_or(|&(k, px, _, _)| k != v.k || px != s);
        if rescaled {
            if let Some(p) = &pins {
                let _ = p.set_attribute("transform", &View::pins_scale(s));
            }
            for (el, x, y) in &placed {
                let _ = el.set_attribute("transform", &v.placed(*x, *y, s));
            }
        }
        // At most SCALE_BAR_PX long, drawn in pixels like the markers; a north–south pan
        // changes it too, as the Mercator scale varies with latitude.
        let (units, label) = v.scale_bar(SCALE_BAR_PX / s);
        let path = scale_bar_path(units * s);
        let (old_path, old_label) = drawn.map(|(_, _, p, l)| (p, l)).unwrap_or_default();
        if let Some(l) = bar_line.as_ref().filter(|_| path != old_path) {
            let _ = l.set_attribute("d", &path);
        }
        if let Some(t) = bar_text.as_ref().filter(|_| label != old_label) {
            t.set_text_content(Some(&label));
        }
        (v.k, s, path, label)
    });
}

/// Moves the view to `to` over `GLIDE_MS`, or at once when the reader prefers reduced motion.
/// A newer glide, or any move of the reader's, replaces a running one.
pub fn glide(view: RwSignal<View>, to: View) {
    let id = interrupt_glide();
    let reduced = window()
        .match_media("(prefers-reduced-motion: reduce)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches());
    let Some(performance) = window().performance().filter(|_| !reduced) else {
        view.set(to);
        return;
    };
    let from = view.get_untracked();
    let start = performance.now();
    fn step(
        view: RwSignal<View>,
        id: u32,
        from: View,
        to: View,
        start: f64,
        p: web_sys::Performance,
    ) {
        if GLIDE.with(Cell::get) != id {
            return;
        }
        let t = ((p.now() - start) / GLIDE_MS).min(1.0) as f32;
        // Ease in and out.
        let eased = t * t * (3.0 - 2.0 * t);
        view.set(from.towards(to, eased));
        if t < 1.0 {
            request_animation_frame(move || step(view, id, from, to, start, p));
        }
    }
    step(view, id, from, to, start, performance);
}

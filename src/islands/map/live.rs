//! What moves the live map: pan by pointer, touch and arrow keys; zoom by wheel, pinch, buttons
//! and keys; a glide to a town chosen out of sight, and to whatever story mode asks it to
//! frame. Each writes the store's `view`, which only this module writes; the map's view draws
//! what follows from it. The window's scale is measured here too, by a ResizeObserver.

use super::super::{watch, Motion, Store};
use crate::atlas::{pin, VIEW_HEIGHT, VIEW_WIDTH};
use crate::dom;
use crate::islands::browser::{by_id, first, listen, next_frame, now_ms, reduced_motion};
use crate::map::view::{View, MINOR_ZOOM, PAN_STEP, ZOOM_STEP};
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::{closure::Closure, JsCast};
use web_sys::{Element, Event, KeyboardEvent, PointerEvent, WheelEvent};

/// How far a pointer must move, in CSS pixels, before a press becomes a drag rather than a click.
const DRAG_THRESHOLD_PX: f32 = 4.0;
/// Length of a glide, in milliseconds.
const GLIDE_MS: f64 = 450.0;
/// A place closer than this to the view's edge, in viewBox units, is glided into view.
const GLIDE_MARGIN: f32 = 60.0;

/// Pointers pressed on the map, in client pixels, and whether they have become a drag.
#[derive(Default)]
struct Gesture {
    pointers: Vec<(i32, f32, f32)>,
    dragging: bool,
    travelled: f32,
}

/// The live map's handlers' shared state.
struct Live {
    store: Store,
    svg: Element,
    gesture: RefCell<Gesture>,
    /// Bumped by every reader gesture and glide: a running glide stops when it changes.
    glide: Cell<u32>,
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
    let s = scale_of(w, h);
    if s <= 0.0 {
        return None;
    }
    let ox = rect.left() as f32 + (w - VIEW_WIDTH * s) / 2.0;
    let oy = rect.top() as f32 + (h - VIEW_HEIGHT * s) / 2.0;
    Some(((cx - ox) / s, (cy - oy) / s, s))
}

/// On-screen pixels per viewBox unit of an SVG `w` × `h` CSS pixels, letterboxed by
/// `xMidYMid meet`.
fn scale_of(w: f32, h: f32) -> f32 {
    (w / VIEW_WIDTH).min(h / VIEW_HEIGHT)
}

/// Makes the map live: `scale` is the map's on-screen pixels per viewBox unit and `size` the
/// SVG's size in CSS pixels, both kept measured.
pub(super) fn start(store: Store, scale: RwSignal<f32>, size: RwSignal<(f32, f32)>) {
    let (Some(section), Some(svg)) = (
        first(&dom::class(dom::MAP)),
        first(&dom::class(dom::MAP_SVG)),
    ) else {
        return;
    };
    let m = Rc::new(Live {
        store,
        svg: svg.clone(),
        gesture: RefCell::new(Gesture::default()),
        glide: Cell::new(0),
    });

    // Measured when the ResizeObserver first reports the SVG's size, in the browser's next
    // rendering step, and again whenever it changes (with the window, and with the panel beside
    // or below it). Measuring here, as the page goes live, would force a layout of the whole
    // page in the middle of it: the `live` class on the root has just changed its styles.
    let measured = svg.clone();
    let measure = move || {
        let rect = measured.get_bounding_client_rect();
        let now = (rect.width() as f32, rect.height() as f32);
        let s = scale_of(now.0, now.1);
        if s > 0.0 {
            if (s - scale.get_untracked()).abs() > 1e-4 {
                scale.set(s);
            }
            if size.get_untracked() != now {
                size.set(now);
            }
        }
    };
    let on_resize = Closure::<dyn FnMut()>::new(measure.clone());
    match web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
        Ok(observer) => observer.observe(&svg),
        // A browser with no observer is measured once, now.
        Err(_) => measure(),
    }
    // The map lives as long as the page: so do its observer's callback and listeners.
    on_resize.forget();
    gestures(&m, &section);
    buttons(&m);

    // A town chosen elsewhere (the panel, a link, the keyboard) that is out of sight glides in,
    // and a minor place close enough to be drawn with its neighbours. The river is not: it is
    // chosen by touching its line, wherever the view is.
    let chosen = m.clone();
    watch(move |_| {
        let Some(pin) = store.route.get().place().map(pin).filter(|p| p.city) else {
            return;
        };
        let view = store.view.get_untracked();
        if pin.minor && view.k < MINOR_ZOOM {
            let near = View::default().zoom_centre(MINOR_ZOOM);
            chosen.glide(near.centred_on(pin.x, pin.y));
        } else if !view.shows(pin.x, pin.y, GLIDE_MARGIN) {
            chosen.glide(view.centred_on(pin.x, pin.y));
        }
    });
    // What story mode asks to frame.
    let framing = m.clone();
    watch(move |_| match store.frame.get() {
        Some((to, Motion::Glide)) => framing.glide(to),
        Some((to, Motion::Cut)) => {
            framing.interrupt_glide();
            framing.show(to);
        }
        None => {}
    });
}

/// Pointer, touch, wheel and keyboard on the map.
fn gestures(m: &Rc<Live>, section: &Element) {
    let on = m.clone();
    listen(&m.svg, "wheel", move |ev: WheelEvent| {
        ev.prevent_default();
        on.moved();
        // Lines and pages arrive in other units than pixels.
        let px = match ev.delta_mode() {
            1 => ev.delta_y() * 16.0,
            2 => ev.delta_y() * 400.0,
            _ => ev.delta_y(),
        } as f32;
        if let Some((x, y, _)) = to_view(&on.svg, ev.client_x() as f32, ev.client_y() as f32) {
            on.show(on.view().zoom_about(x, y, (-px * 0.002).exp()));
        }
    });
    let on = m.clone();
    listen(&m.svg, "pointerdown", move |ev: PointerEvent| {
        if ev.pointer_type() == "mouse" && ev.button() != 0 {
            return;
        }
        on.interrupt_glide();
        let mut g = on.gesture.borrow_mut();
        g.pointers.retain(|p| p.0 != ev.pointer_id());
        g.pointers
            .push((ev.pointer_id(), ev.client_x() as f32, ev.client_y() as f32));
        if g.pointers.len() == 1 {
            g.dragging = false;
            g.travelled = 0.0;
        }
    });
    let on = m.clone();
    listen(&m.svg, "pointermove", move |ev: PointerEvent| {
        let id = ev.pointer_id();
        let (nx, ny) = (ev.client_x() as f32, ev.client_y() as f32);
        let mut capture = false;
        let change = {
            let mut g = on.gesture.borrow_mut();
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
            (
                mid(&old),
                mid(&g.pointers),
                spread(&g.pointers) / spread(&old),
            )
        };
        if capture {
            on.moved();
            // Only a drag captures the pointer, so a plain click still reaches the marker under it.
            let _ = on.svg.set_pointer_capture(id);
        }
        let ((ox, oy), (mx, my), factor) = change;
        if let (Some((ax, ay, _)), Some((bx, by, _))) =
            (to_view(&on.svg, ox, oy), to_view(&on.svg, mx, my))
        {
            on.show(
                on.view()
                    .pan_by(bx - ax, by - ay)
                    .zoom_about(bx, by, factor),
            );
        }
    });
    for kind in ["pointerup", "pointercancel"] {
        let on = m.clone();
        listen(&m.svg, kind, move |ev: PointerEvent| {
            on.gesture
                .borrow_mut()
                .pointers
                .retain(|p| p.0 != ev.pointer_id());
        });
    }
    let on = m.clone();
    listen(section, "keydown", move |ev: KeyboardEvent| {
        let view = on.view();
        let next = match ev.key().as_str() {
            "ArrowLeft" => view.pan_by(PAN_STEP, 0.0),
            "ArrowRight" => view.pan_by(-PAN_STEP, 0.0),
            "ArrowUp" => view.pan_by(0.0, PAN_STEP),
            "ArrowDown" => view.pan_by(0.0, -PAN_STEP),
            "+" | "=" => view.zoom_centre(ZOOM_STEP),
            "-" | "_" => view.zoom_centre(1.0 / ZOOM_STEP),
            "0" => View::default(),
            _ => return,
        };
        ev.prevent_default();
        on.moved();
        on.show(next);
    });
}

/// The zoom buttons.
fn buttons(m: &Rc<Live>) {
    for (id, factor) in [(dom::ZOOM_IN, ZOOM_STEP), (dom::ZOOM_OUT, 1.0 / ZOOM_STEP)] {
        if let Some(b) = by_id(id) {
            let on = m.clone();
            listen(&b, "click", move |_: Event| {
                on.moved();
                on.show(on.view().zoom_centre(factor));
            });
        }
    }
    if let Some(b) = by_id(dom::ZOOM_RESET) {
        let on = m.clone();
        listen(&b, "click", move |_: Event| {
            on.moved();
            on.glide(View::default());
        });
    }
}

impl Live {
    /// What the map shows now.
    fn view(&self) -> View {
        self.store.view.get_untracked()
    }

    /// Stops any running glide; returns the new glide's id.
    fn interrupt_glide(&self) -> u32 {
        self.glide.set(self.glide.get().wrapping_add(1));
        self.glide.get()
    }

    /// The reader moved the map: a running glide stops, and story mode is told.
    fn moved(&self) {
        self.interrupt_glide();
        self.store.map_moves.update(|n| *n = n.wrapping_add(1));
    }

    /// Shows `to` now.
    fn show(&self, to: View) {
        if to != self.view() {
            self.store.view.set(to);
        }
    }

    /// Moves the view to `to` over `GLIDE_MS`, or at once when the reader prefers reduced
    /// motion. A newer glide, or any move of the reader's, replaces a running one.
    fn glide(self: &Rc<Self>, to: View) {
        let id = self.interrupt_glide();
        if reduced_motion() {
            self.show(to);
            return;
        }
        let (from, start) = (self.view(), now_ms());
        fn step(m: Rc<Live>, id: u32, from: View, to: View, start: f64) {
            if m.glide.get() != id {
                return;
            }
            let t = ((now_ms() - start) / GLIDE_MS).min(1.0) as f32;
            // Ease in and out.
            let eased = t * t * (3.0 - 2.0 * t);
            m.show(from.towards(to, eased));
            if t < 1.0 {
                next_frame(move || step(m, id, from, to, start));
            }
        }
        step(self.clone(), id, from, to, start);
    }
}

//! The live map: pan by pointer, touch and arrow keys; zoom by wheel, pinch, buttons and keys;
//! markers and labels kept one size on screen; a glide to a town chosen out of sight, and to
//! whatever story mode frames.

use super::{
    by_id, first, listen, mark, next_frame, now_ms, reduced_motion, router, set, show, truth,
};
use crate::atlas::{pin, pins, LABEL_POINTS, PINS, VIEW_HEIGHT, VIEW_WIDTH};
use crate::dom;
use crate::map::view::{View, MAX_ZOOM, MINOR_ZOOM, MIN_ZOOM, PAN_STEP, ZOOM_STEP};
use crate::map::{scale_bar_path, SCALE_BAR_PX};
use crate::route::Route;
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

/// What the live map draws with, and what it has drawn.
struct Map {
    svg: Element,
    /// What the map shows.
    view: Cell<View>,
    /// On-screen pixels per viewBox unit.
    px_per_unit: Cell<f32>,
    zoomed: Option<Element>,
    pins: Option<Element>,
    pins_offset: Option<Element>,
    /// Every marker and label kept one size on screen, with its map point.
    placed: Vec<(Element, f32, f32)>,
    /// The markers of minor places, drawn only from `MINOR_ZOOM` on.
    minor: Vec<Element>,
    bar_line: Option<Element>,
    bar_text: Option<Element>,
    zoom_in: Option<Element>,
    zoom_out: Option<Element>,
    /// The zoom and pixel scale the pins were placed for, and the scale bar's path and label.
    drawn: RefCell<Option<(f32, f32, String, String)>>,
    gesture: RefCell<Gesture>,
    /// Bumped by every reader gesture and glide: a running glide stops when it changes.
    glide: Cell<u32>,
    /// Told of each move of the reader's own (drag, wheel, pinch, keys, zoom buttons).
    on_reader_move: RefCell<Vec<Box<dyn Fn()>>>,
}

// The page has one map and runs on one thread.
thread_local! {
    static MAP: RefCell<Option<Rc<Map>>> = const { RefCell::new(None) };
}

/// The live map, once started.
fn map() -> Option<Rc<Map>> {
    MAP.with(|m| m.borrow().clone())
}

/// What the map shows now.
pub fn view() -> View {
    map().map_or_else(View::default, |m| m.view.get())
}

/// Shows `to` at once.
pub fn set_view(to: View) {
    if let Some(m) = map() {
        m.interrupt_glide();
        m.show(to);
    }
}

/// Moves the view to `to` over `GLIDE_MS`, or at once when the reader prefers reduced motion.
/// A newer glide, or any move of the reader's, replaces a running one.
pub fn glide(to: View) {
    if let Some(m) = map() {
        m.glide(to);
    }
}

/// Calls `f` whenever the reader moves the map themselves.
pub fn on_reader_move(f: impl Fn() + 'static) {
    if let Some(m) = map() {
        m.on_reader_move.borrow_mut().push(Box::new(f));
    }
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

/// Each place's control on the map, by place index.
pub(super) fn markers() -> Vec<Option<Element>> {
    pins().map(|(_, p)| by_id(&dom::marker_id(p.id))).collect()
}

/// Makes the map live.
pub fn start() {
    let (Some(section), Some(svg)) = (
        first(&dom::class(dom::MAP)),
        first(&dom::class(dom::MAP_SVG)),
    ) else {
        return;
    };
    let mut placed: Vec<(Element, f32, f32)> = Vec::new();
    let mut minor = Vec::new();
    for pin in PINS.iter() {
        if let Some(el) = by_id(&if pin.city {
            dom::marker_id(pin.id)
        } else {
            dom::RIVER_LABEL.to_owned()
        }) {
            if pin.minor {
                minor.push(el.clone());
            }
            placed.push((el, pin.x, pin.y));
        }
    }
    for (i, &(x, y)) in LABEL_POINTS.iter().enumerate() {
        if let Some(el) = by_id(&dom::label_id(i)) {
            placed.push((el, x, y));
        }
    }
    let bar = by_id(dom::SCALE_BAR);
    let part = |selector: &str| {
        bar.as_ref()
            .and_then(|b| b.query_selector(selector).ok().flatten())
    };
    let m = Rc::new(Map {
        px_per_unit: Cell::new(to_view(&svg, 0.0, 0.0).map_or(1.0, |(_, _, s)| s)),
        svg: svg.clone(),
        view: Cell::new(View::default()),
        zoomed: first(&dom::class(dom::ZOOMED)),
        pins: first(&dom::class(dom::PINS)),
        pins_offset: first(&dom::class(dom::PINS_OFFSET)),
        placed,
        minor,
        bar_line: part("path"),
        bar_text: part("text"),
        zoom_in: by_id(dom::ZOOM_IN),
        zoom_out: by_id(dom::ZOOM_OUT),
        drawn: RefCell::new(None),
        gesture: RefCell::new(Gesture::default()),
        glide: Cell::new(0),
        on_reader_move: RefCell::new(Vec::new()),
    });
    MAP.with(|slot| *slot.borrow_mut() = Some(m.clone()));

    // On-screen pixels per viewBox unit, measured now and whenever the SVG changes size (with
    // the window, and with the panel beside or below it).
    let resized = m.clone();
    let on_resize = Closure::<dyn FnMut()>::new(move || {
        if let Some((_, _, s)) = to_view(&resized.svg, 0.0, 0.0) {
            if (s - resized.px_per_unit.get()).abs() > 1e-4 {
                resized.px_per_unit.set(s);
                resized.draw();
            }
        }
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
        observer.observe(&svg);
    }
    on_resize.forget();
    m.draw();
    gestures(&m, &section);
    buttons(&m);

    // A town chosen elsewhere (the panel, a link, the keyboard) that is out of sight glides in,
    // and a minor place close enough to be drawn with its neighbours. The river is not: it is
    // chosen by touching its line, wherever the view is.
    let chosen = m.clone();
    let markers = markers();
    router::on_change(move |_, now: Route| {
        // The chosen place's control is pressed.
        for (i, marker) in markers.iter().enumerate() {
            if let Some(el) = marker {
                let on = now.place().map(|p| p.get()) == Some(i);
                set(el, "aria-pressed", truth(on));
                mark(el, "selected", on);
            }
        }
        if let Some(pin) = now.place().map(pin).filter(|p| p.city) {
            let view = chosen.view.get();
            if pin.minor && view.k < MINOR_ZOOM {
                let near = View::default().zoom_centre(MINOR_ZOOM);
                chosen.glide(near.centred_on(pin.x, pin.y));
            } else if !view.shows(pin.x, pin.y, GLIDE_MARGIN) {
                chosen.glide(view.centred_on(pin.x, pin.y));
            }
        }
    });
}

/// Pointer, touch, wheel and keyboard on the map.
fn gestures(m: &Rc<Map>, section: &Element) {
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
            on.show(on.view.get().zoom_about(x, y, (-px * 0.002).exp()));
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
                on.view
                    .get()
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
        let view = on.view.get();
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

/// The zoom buttons, which do nothing without the live page and so appear with it.
fn buttons(m: &Rc<Map>) {
    if let Some(controls) = first(&dom::class(dom::ZOOM_CONTROLS)) {
        show(&controls, true);
    }
    for (button, factor) in [(&m.zoom_in, ZOOM_STEP), (&m.zoom_out, 1.0 / ZOOM_STEP)] {
        if let Some(b) = button {
            let on = m.clone();
            listen(b, "click", move |_: Event| {
                on.moved();
                on.show(on.view.get().zoom_centre(factor));
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

impl Map {
    /// Stops any running glide; returns the new glide's id.
    fn interrupt_glide(&self) -> u32 {
        self.glide.set(self.glide.get().wrapping_add(1));
        self.glide.get()
    }

    /// The reader moved the map: a running glide stops, and story mode is told.
    fn moved(&self) {
        self.interrupt_glide();
        for f in self.on_reader_move.borrow().iter() {
            f();
        }
    }

    /// Shows `to` now.
    fn show(&self, to: View) {
        if to != self.view.replace(to) {
            self.draw();
        }
    }

    /// Redraws what the view moves: the zoomed layer and the layer of pins on every change;
    /// every marker and label (kept at one size on screen) and the zoom buttons' limits only
    /// when the zoom or the window's scale changes; the scale bar only when its length or label
    /// does. A pan writes two attributes.
    fn draw(&self) {
        let (v, s) = (self.view.get(), self.px_per_unit.get());
        if let Some(z) = &self.zoomed {
            let _ = z.set_attribute("transform", &v.transform());
        }
        if let Some(p) = &self.pins_offset {
            let _ = p.set_attribute("transform", &v.pins_offset(s));
        }
        let mut drawn = self.drawn.borrow_mut();
        let rescaled = drawn
            .as_ref()
            .is_none_or(|&(k, px, _, _)| k != v.k || px != s);
        if rescaled {
            if let Some(p) = &self.pins {
                let _ = p.set_attribute("transform", &View::pins_scale(s));
            }
            for (el, x, y) in &self.placed {
                let _ = el.set_attribute("transform", &v.placed(*x, *y, s));
            }
            for el in &self.minor {
                let _ = el.class_list().toggle_with_force("near", v.k >= MINOR_ZOOM);
            }
            for (button, disabled) in [
                (&self.zoom_in, v.k >= MAX_ZOOM),
                (&self.zoom_out, v.k <= MIN_ZOOM),
            ] {
                if let Some(b) = button {
                    let _ = b.toggle_attribute_with_force("disabled", disabled);
                }
            }
        }
        // At most SCALE_BAR_PX long, drawn in pixels like the markers; a north–south pan
        // changes it too, as the Mercator scale varies with latitude.
        let (units, label) = v.scale_bar(SCALE_BAR_PX / s);
        let path = scale_bar_path(units * s);
        let (old_path, old_label) = drawn.take().map(|(_, _, p, l)| (p, l)).unwrap_or_default();
        if let Some(l) = self.bar_line.as_ref().filter(|_| path != old_path) {
            let _ = l.set_attribute("d", &path);
        }
        if let Some(t) = self.bar_text.as_ref().filter(|_| label != old_label) {
            t.set_text_content(Some(&label));
        }
        *drawn = Some((v.k, s, path, label));
    }

    /// Moves the view to `to` over `GLIDE_MS`, or at once when the reader prefers reduced
    /// motion. A newer glide, or any move of the reader's, replaces a running one.
    fn glide(self: &Rc<Self>, to: View) {
        let id = self.interrupt_glide();
        if reduced_motion() {
            self.show(to);
            return;
        }
        let (from, start) = (self.view.get(), now_ms());
        fn step(m: Rc<Map>, id: u32, from: View, to: View, start: f64) {
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

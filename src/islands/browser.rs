//! Small browser helpers that the islands' effects and handlers call: the window and document,
//! element look-ups, listeners that live as long as the page, frames, timers and idle time,
//! focus and the live region. None of them owns an element of the page; each island's code
//! decides what to do with them.

use crate::dom;
use std::time::Duration;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use web_sys::{Document, Element, Event, EventTarget, Window};

/// The browser window.
pub fn window() -> Window {
    web_sys::window().expect("the live page runs in a window")
}

/// The page's document.
pub fn document() -> Document {
    window().document().expect("the window has a document")
}

/// The element with this id, if the page has it.
pub fn by_id(id: &str) -> Option<Element> {
    document().get_element_by_id(id)
}

/// The first element `selector` finds, if any.
pub fn first(selector: &str) -> Option<Element> {
    document().query_selector(selector).ok().flatten()
}

/// Every element `selector` finds under `root`, in document order.
pub fn all_in(root: &Element, selector: &str) -> Vec<Element> {
    root.query_selector_all(selector)
        .ok()
        .map(|list| {
            (0..list.length())
                .filter_map(|i| list.item(i).and_then(|n| n.dyn_into::<Element>().ok()))
                .collect()
        })
        .unwrap_or_default()
}

/// Calls `f` with every `kind` event at `target`, for as long as the page lives.
pub fn listen<E: JsCast + 'static>(
    target: &EventTarget,
    kind: &str,
    mut f: impl FnMut(E) + 'static,
) {
    let callback = Closure::<dyn FnMut(Event)>::new(move |ev: Event| f(ev.unchecked_into()));
    let _ = target.add_event_listener_with_callback(kind, callback.as_ref().unchecked_ref());
    // The listeners live as long as the page: their callbacks are never dropped.
    callback.forget();
}

/// Runs `f` before the next frame is drawn.
pub fn next_frame(f: impl FnOnce() + 'static) {
    let f = Closure::once_into_js(f);
    let _ = window().request_animation_frame(f.unchecked_ref());
}

/// Runs `f` after `wait`, as a task of its own.
pub fn after(wait: Duration, f: impl FnOnce() + 'static) {
    set_timeout(&Closure::once_into_js(f), wait);
}

/// Calls the JavaScript function `f` after `wait`.
fn set_timeout(f: &JsValue, wait: Duration) {
    let ms = i32::try_from(wait.as_millis()).unwrap_or(i32::MAX);
    let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(f.unchecked_ref(), ms);
}

/// How long a browser with no `requestIdleCallback` (Safari, every WebKit) waits instead: long
/// enough for a frame to be drawn in between, so a reader's input still comes first.
const IDLE_FALLBACK: Duration = Duration::from_millis(50);

/// Runs `f` when the browser is next idle, or after [`IDLE_FALLBACK`] where it cannot say.
pub fn when_idle(f: impl FnOnce() + 'static) {
    let f = Closure::once_into_js(f);
    if window().request_idle_callback(f.unchecked_ref()).is_err() {
        set_timeout(&f, IDLE_FALLBACK);
    }
}

/// Milliseconds since the page started.
pub fn now_ms() -> f64 {
    window().performance().map_or(0.0, |p| p.now())
}

/// Whether the reader asks for less motion.
pub fn reduced_motion() -> bool {
    window()
        .match_media("(prefers-reduced-motion: reduce)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches())
}

/// Shows or hides an element, as the `hidden` attribute does.
pub fn show(el: &Element, shown: bool) {
    let _ = el.toggle_attribute_with_force("hidden", !shown);
}

/// Sets `el`'s attribute `name` to `value`.
pub fn set(el: &Element, name: &str, value: &str) {
    let _ = el.set_attribute(name, value);
}

/// Adds or removes class `name` on `el`.
pub fn mark(el: &Element, name: &str, on: bool) {
    let _ = el.class_list().toggle_with_force(name, on);
}

/// `"true"` or `"false"`, for ARIA states.
pub fn truth(b: bool) -> &'static str {
    if b {
        "true"
    } else {
        "false"
    }
}

/// Moves keyboard focus to `el` without scrolling: whoever moves focus has already brought the
/// element where it should be.
pub fn focus(el: &Element) {
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    // Panel headings and paragraphs are HTML; markers are SVG: both can take focus.
    if let Some(html) = el.dyn_ref::<web_sys::HtmlElement>() {
        let _ = html.focus_with_options(&options);
    } else if let Some(svg) = el.dyn_ref::<web_sys::SvgElement>() {
        let _ = svg.focus_with_options(&options);
    }
}

/// Says `text` in the polite live region (nothing new is said for the text it holds already).
pub fn say(text: &str) {
    if let Some(status) = by_id(dom::STATUS) {
        if status.text_content().as_deref() != Some(text) {
            status.set_text_content(Some(text));
        }
    }
}

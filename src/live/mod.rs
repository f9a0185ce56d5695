//! The live page: takes over the pre-rendered HTML in the browser. Each room has one job:
//! `router` keeps the route in step with the URL hash and history; `panel` shows the part of the
//! panel a route names and marks the chosen place; `map` pans, zooms and glides the map;
//! `follow` is story mode, which moves the map with the paragraph being read. The ids and
//! selectors they look up are in `crate::dom`, shared with the pre-rendered components.
//!
//! Nothing here renders the texts: they are in the HTML already, so the WebAssembly stays small.

mod follow;
mod map;
mod panel;
mod router;

use crate::dom;
use leptos::prelude::*;
use wasm_bindgen::{closure::Closure, JsCast};
use web_sys::{Element, Event, EventTarget};

/// The element with this id, if the page has it.
fn by_id(id: &str) -> Option<Element> {
    document().get_element_by_id(id)
}

/// The first element `selector` finds, if any.
fn first(selector: &str) -> Option<Element> {
    document().query_selector(selector).ok().flatten()
}

/// Every element `selector` finds, in document order.
fn all(selector: &str) -> Vec<Element> {
    document()
        .query_selector_all(selector)
        .ok()
        .map(|list| {
            (0..list.length())
                .filter_map(|i| list.item(i).and_then(|n| n.dyn_into::<Element>().ok()))
                .collect()
        })
        .unwrap_or_default()
}

/// Calls `f` with every `kind` event at `target`, for as long as the page lives.
fn listen<E: JsCast + 'static>(target: &EventTarget, kind: &str, mut f: impl FnMut(E) + 'static) {
    let callback = Closure::<dyn FnMut(Event)>::new(move |ev: Event| f(ev.unchecked_into()));
    let _ = target.add_event_listener_with_callback(kind, callback.as_ref().unchecked_ref());
    // The listeners live as long as the page: their callbacks are never dropped.
    callback.forget();
}

/// Shows or hides an element, as the `hidden` attribute does.
fn show(el: &Element, shown: bool) {
    let _ = if shown {
        el.remove_attribute("hidden")
    } else {
        el.set_attribute("hidden", "")
    };
}

/// Sets `el`'s attribute `name` to `value`.
fn set(el: &Element, name: &str, value: &str) {
    let _ = el.set_attribute(name, value);
}

/// Adds or removes class `name` on `el`.
fn mark(el: &Element, name: &str, on: bool) {
    let _ = el.class_list().toggle_with_force(name, on);
}

/// `"true"` or `"false"`, for ARIA states.
fn truth(b: bool) -> &'static str {
    if b {
        "true"
    } else {
        "false"
    }
}

/// Moves keyboard focus to `el` without scrolling: whoever moves focus has already brought the
/// element where it should be.
fn focus(el: &Element) {
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    // Panel headings and paragraphs are HTML; markers are SVG: both can take focus.
    if let Some(html) = el.dyn_ref::<web_sys::HtmlElement>() {
        let _ = html.focus_with_options(&options);
    } else if let Some(svg) = el.dyn_ref::<web_sys::SvgElement>() {
        let _ = svg.focus_with_options(&options);
    }
}

/// Takes the page over. Returns what the polite live region says, which the caller renders
/// into it.
pub fn start() -> RwSignal<String> {
    let say = RwSignal::new(String::new());
    let route = router::start(say);
    let parts = panel::Parts::find();
    panel::start(route, &parts);
    let map = map::start(route);
    follow::start(route, map, say, &parts);
    if let Some(root) = document().document_element() {
        // From here the live page, not the CSS `:target` rules, shows the panel's parts.
        mark(&root, dom::LIVE, true);
    }
    say
}

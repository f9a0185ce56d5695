//! The live page: takes over the pre-rendered HTML in the browser. The URL hash is the one
//! route; effects show the part of the panel it names, mark the chosen place on the map and in
//! the place list, announce it, and move focus. `map` pans and zooms the map.
//!
//! Nothing here renders the texts: they are in the HTML already, so the WebAssembly stays small.

mod map;

use crate::atlas::PINS;
use crate::map::marker_id;
use crate::panel::{heading_id, READER_ID};
use crate::route::Route;
use leptos::prelude::*;
use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use web_sys::{Element, Event, EventTarget, KeyboardEvent, MouseEvent};

/// The element with this id, if the page has it.
fn by_id(id: &str) -> Option<Element> {
    document().get_element_by_id(id)
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

/// `"true"` or `"false"`, for ARIA states.
fn truth(b: bool) -> &'static str {
    if b {
        "true"
    } else {
        "false"
    }
}

/// The URL hash now.
fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// Goes to `to`: the page shows it at once, and a new history entry with its hash follows
/// after the frame that shows it (writing history takes the main thread about half a
/// millisecond, which the reader need not wait for), unless the route has changed again by
/// then. Back and Forward step through the entries (they come back as `hashchange`). Unlike
/// following the link, this runs no fragment navigation: no scroll to a target, no `:target`
/// change, no task between the click and the page showing it.
fn go(route: RwSignal<Route>, to: Route) {
    if to == route.get_untracked() {
        return;
    }
    let hash = match to.to_hash() {
        h if h.is_empty() => "#/".to_owned(),
        h => h,
    };
    route.set(to);
    request_animation_frame(move || {
        set_timeout(
            move || {
                if route.get_untracked() != to {
                    return;
                }
                let pushed = window()
                    .history()
                    .and_then(|h| h.push_state_with_url(&JsValue::NULL, "", Some(&hash)));
                if pushed.is_err() {
                    // A hash change makes the entry instead; it brings back the same route.
                    let _ = window().location().set_hash(&hash);
                }
            },
            Duration::ZERO,
        )
    });
}

/// Goes to the route of the page's link (`#/…`) the event `ev` came from, if any, instead of
/// following it; with `buttons_only`, only a link announced as a button.
fn follow(route: RwSignal<Route>, ev: &Event, buttons_only: bool) {
    let link = ev
        .target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .and_then(|el| el.closest("a[href^='#/']").ok().flatten())
        .filter(|a| !buttons_only || a.get_attribute("role").as_deref() == Some("button"));
    if let Some(href) = link.and_then(|a| a.get_attribute("href")) {
        ev.prevent_default();
        go(route, Route::parse(&href));
    }
}

/// Moves keyboard focus to the element with this id once the pending change is on screen;
/// `scroll` also brings it into sight first.
fn focus_later(id: String, scroll: bool) {
    request_animation_frame(move || {
        let Some(el) = by_id(&id) else { return };
        if scroll {
            el.scroll_into_view();
        }
        // Panel headings and paragraphs are HTML; markers are SVG: both can take focus.
        if let Some(html) = el.dyn_ref::<web_sys::HtmlElement>() {
            let _ = html.focus();
        } else if let Some(svg) = el.dyn_ref::<web_sys::SvgElement>() {
            let _ = svg.focus();
        }
    });
}

/// Takes the page over. Returns the announcement of the current route, which the caller
/// renders into the status region.
pub fn start() -> impl Fn() -> String + Copy {
    let route = RwSignal::new(Route::parse(&current_hash()));
    let win: EventTarget = window().into();
    listen(&win, "hashchange", move |_: Event| {
        route.set(Route::parse(&current_hash()))
    });
    listen(&win, "keydown", move |ev: KeyboardEvent| {
        if ev.key() == "Escape" {
            go(route, Route::Overview);
        }
    });
    // The page's own links (markers, the place list, the panel's and the reader's links) go to
    // their route directly. A click with Ctrl, Shift or Cmd is left to the browser: a new tab
    // or window, which loads the page at that route. (Other buttons than the first fire no
    // `click`.)
    let doc: EventTarget = document().into();
    listen(&doc, "click", move |ev: MouseEvent| {
        if !(ev.ctrl_key() || ev.meta_key() || ev.shift_key()) {
            follow(route, &ev, false);
        }
    });
    // The place controls on the map and the mentions in the reader are links styled and
    // announced as buttons: Space presses them, as it does a button.
    listen(&doc, "keydown", move |ev: KeyboardEvent| {
        if ev.key() == " " {
            follow(route, &ev, true);
        }
    });

    // The panel, and each place's section in it by place index.
    let panel = document().query_selector(".panel").ok().flatten();
    let sections: Vec<Option<Element>> = (0..PINS.len())
        .map(|i| by_id(&Route::Place(i).to_path()))
        .collect();
    warm_up(&sections);
    show_route(route, panel.clone(), sections);
    map::start(route);
    sheet(panel);
    if let Some(root) = document().document_element() {
        // From here the live page, not the CSS `:target` rules, shows the panel's parts.
        let _ = root.class_list().add_1("live");
    }
    move || route.get().announcement()
}

/// Shows the part of the panel the route names, marks the chosen place, and moves focus: into
/// the panel when a place opens, to the paragraph in the reader, back to the marker when the
/// panel closes. At load focus stays where the browser put it.
fn show_route(route: RwSignal<Route>, panel: Option<Element>, sections: Vec<Option<Element>>) {
    let overview = by_id("overview");
    let reader = by_id(READER_ID);
    let markers: Vec<Option<Element>> = PINS.iter().map(|p| by_id(&marker_id(p.id))).collect();
    let links = document()
        .query_selector_all(".place-list a")
        .ok()
        .map(|list| {
            (0..list.length())
                .filter_map(|i| list.item(i).and_then(|n| n.dyn_into::<Element>().ok()))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    Effect::new(move |before: Option<Route>| {
        let now = route.get();
        if let Some(el) = &overview {
            show(el, now == Route::Overview);
        }
        if let Some(el) = &reader {
            show(el, matches!(now, Route::Read(..)));
        }
        if let Some(el) = &panel {
            let _ = el
                .class_list()
                .toggle_with_force("reading", matches!(now, Route::Read(..)));
        }
        for (i, (section, marker)) in sections.iter().zip(&markers).enumerate() {
            let chosen = now.place() == Some(i);
            if let Some(el) = section {
                show(el, chosen);
            }
            if let Some(el) = marker {
                set(el, "aria-pressed", truth(chosen));
                let _ = el.class_list().toggle_with_force("selected", chosen);
            }
        }
        let hash = now.to_hash();
        for link in &links {
            if !hash.is_empty() && link.get_attribute("href").as_deref() == Some(hash.as_str()) {
                set(link, "aria-current", "true");
            } else {
                let _ = link.remove_attribute("aria-current");
            }
        }
        match (now, before) {
            (now, Some(before)) if now == before => {}
            // Opened from a link, the reader starts at the paragraph too.
            (Route::Read(..), _) => focus_later(now.to_path(), true),
            // At load focus stays where the browser put it.
            (_, None) => {}
            (Route::Place(p), _) => focus_later(heading_id(PINS[p].id), false),
            (Route::Overview, Some(Route::Place(p))) => focus_later(marker_id(PINS[p].id), false),
            _ => {}
        }
        now
    });
}

/// Lays out each hidden place section once, out of sight, while the page is idle, one section
/// an idle moment. The first layout of a text pays for finding its fonts (a fallback font for
/// the Korean and Chinese names) and shaping its words; done here, a reader's first click on a
/// place pays only for placing the lines, and its panel shows in the next frame. The section
/// is hidden again in the same task, so no frame and no screen reader ever sees it. Browsers
/// with no `requestIdleCallback` skip this and lay a place out when it is first chosen.
fn warm_up(sections: &[Option<Element>]) {
    // `warm` takes them from the end: the first place first.
    warm(sections.iter().rev().flatten().cloned().collect());
}

/// Lays out the last of `sections` at the next idle moment, then the rest, one a moment.
fn warm(sections: Vec<Element>) {
    let sections = Cell::new(sections);
    let _ = request_idle_callback_with_handle(move || {
        let mut sections = sections.take();
        let Some(section) = sections.pop() else {
            return;
        };
        if section.get_attribute("hidden").is_some() {
            set(&section, "data-warming", "");
            show(&section, true);
            let _ = section.get_bounding_client_rect();
            show(&section, false);
            let _ = section.remove_attribute("data-warming");
        }
        warm(sections);
    });
}

/// On narrow screens the panel is a bottom sheet: a tap on its handle raises or lowers it, and
/// so does a flick up or down.
fn sheet(panel: Option<Element>) {
    let (Some(toggle), Some(panel)) = (by_id("sheet-toggle"), panel) else {
        return;
    };
    show(&toggle, true);
    let expanded = RwSignal::new(false);
    // Where a press on the handle began, and whether it became a flick.
    let drag_from = Rc::new(Cell::new(None::<i32>));
    let dragged = Rc::new(Cell::new(false));
    let (from, flicked) = (drag_from.clone(), dragged.clone());
    listen(&toggle, "pointerdown", move |ev: web_sys::PointerEvent| {
        from.set(Some(ev.client_y()));
        flicked.set(false);
    });
    let (from, flicked) = (drag_from, dragged.clone());
    listen(&toggle, "pointerup", move |ev: web_sys::PointerEvent| {
        if let Some(from) = from.take() {
            let dy = ev.client_y() - from;
            if dy.abs() > 24 {
                expanded.set(dy < 0);
                flicked.set(true);
            }
        }
    });
    listen(&toggle, "click", move |_: Event| {
        if !dragged.replace(false) {
            expanded.update(|e| *e = !*e);
        }
    });
    Effect::new(move |_| {
        let open = expanded.get();
        set(&toggle, "aria-expanded", truth(open));
        toggle.set_text_content(Some(if open {
            "Show less of the panel"
        } else {
            "Show more of the panel"
        }));
        let _ = panel.class_list().toggle_with_force("expanded", open);
    });
}

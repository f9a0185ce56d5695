//! The route, kept in step with the URL hash: links of the page go to their route without a
//! fragment navigation, Back and Forward come back as `hashchange`, Escape closes the panel.
//! Every change of route is told to the rooms that registered for it, and says what opened in
//! the live region.

use super::{after, document, listen, next_frame, say, window};
use crate::route::Route;
use crate::words::announcement;
use leptos::prelude::Set;
use std::cell::{Cell, RefCell};
use std::time::Duration;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Event, EventTarget, KeyboardEvent, MouseEvent};

/// Told the route before (none at load) and the route now.
type Listener = Box<dyn Fn(Option<Route>, Route)>;

// The page has one route and runs on one thread.
thread_local! {
    static ROUTE: Cell<Route> = const { Cell::new(Route::Overview) };
    static LISTENERS: RefCell<Vec<Listener>> = const { RefCell::new(Vec::new()) };
}

/// The route the page shows.
pub fn current() -> Route {
    ROUTE.with(Cell::get)
}

/// Calls `f` with every change of route from now on, and with the route the page opened at.
pub fn on_change(f: impl Fn(Option<Route>, Route) + 'static) {
    LISTENERS.with(|l| l.borrow_mut().push(Box::new(f)));
}

/// Tells every listener that the route went from `before` to `now`.
fn tell(before: Option<Route>, now: Route) {
    LISTENERS.with(|l| {
        for f in l.borrow().iter() {
            f(before, now);
        }
    });
}

/// Shows route `to`.
fn set(to: Route) {
    publish(to);
    let before = ROUTE.with(|r| r.replace(to));
    if before != to {
        tell(Some(before), to);
    }
}

/// Tells the islands the route.
fn publish(to: Route) {
    if let Some(store) = crate::islands::browser_store() {
        store.route.set(to);
    }
}

/// The URL hash now.
fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// The hash written for `route`: the overview has `#/`, so leaving a place is an entry too.
fn hash_of(route: Route) -> String {
    match route.to_hash() {
        h if h.is_empty() => "#/".to_owned(),
        h => h,
    }
}

/// Starts routing at the route the URL names.
pub fn start() {
    let opened = Route::parse(&current_hash());
    ROUTE.with(|r| r.set(opened));
    publish(opened);
    let win: EventTarget = window().into();
    listen(&win, "hashchange", move |_: Event| {
        set(Route::parse(&current_hash()))
    });
    listen(&win, "keydown", move |ev: KeyboardEvent| {
        if ev.key() == "Escape" {
            go(Route::Overview);
        }
    });
    // The page's own links (markers, the place list, the panel's and the reader's links) go to
    // their route directly. A click with Ctrl, Shift or Cmd is left to the browser: a new tab
    // or window, which loads the page at that route. (Other buttons than the first fire no
    // `click`.)
    let doc: EventTarget = document().into();
    listen(&doc, "click", move |ev: MouseEvent| {
        if !(ev.ctrl_key() || ev.meta_key() || ev.shift_key()) {
            follow_link(&ev, false);
        }
    });
    // The place controls on the map and the mentions in the reader are links styled and
    // announced as buttons: Space presses them, as it does a button.
    listen(&doc, "keydown", move |ev: KeyboardEvent| {
        if ev.key() == " " {
            follow_link(&ev, true);
        }
    });
    // A new route says what opened. Moving from paragraph to paragraph in the reader is not
    // news: story mode says a paragraph's places itself, once the reader rests on it.
    on_change(|before, now| {
        if !matches!((before, now), (Some(Route::Read(..)), Route::Read(..))) {
            say(&announcement(now));
        }
    });
}

/// Tells every listener the route the page opened at; called once all have registered.
pub fn opened() {
    tell(None, current());
}

/// Goes to `to`: the page shows it at once, and a new history entry with its hash follows
/// after the frame that shows it (writing history takes the main thread about half a
/// millisecond, which the reader need not wait for), unless the route has changed again by
/// then. Back and Forward step through the entries (they come back as `hashchange`). Unlike
/// following the link, this runs no fragment navigation: no scroll to a target, no `:target`
/// change, no task between the click and the page showing it.
pub fn go(to: Route) {
    if to == current() {
        return;
    }
    set(to);
    next_frame(move || {
        after(Duration::ZERO, move || {
            if current() != to {
                return;
            }
            let hash = hash_of(to);
            let pushed = window()
                .history()
                .and_then(|h| h.push_state_with_url(&JsValue::NULL, "", Some(&hash)));
            if pushed.is_err() {
                // A hash change makes the entry instead; it brings back the same route.
                let _ = window().location().set_hash(&hash);
            }
        })
    });
}

/// Moves the current history entry to `to` without adding one: story mode's address, which
/// follows the paragraph being read, so Back still leaves the reader in one step.
pub fn replace(to: Route) {
    if to == current() {
        return;
    }
    set(to);
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&hash_of(to)));
    }
}

/// Goes to the route of the page's link (`#/…`) the event `ev` came from, if any, instead of
/// following it; with `buttons_only`, only a link announced as a button.
fn follow_link(ev: &Event, buttons_only: bool) {
    let link = ev
        .target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .and_then(|el| el.closest("a[href^='#/']").ok().flatten())
        .filter(|a| !buttons_only || a.get_attribute("role").as_deref() == Some("button"));
    if let Some(href) = link.and_then(|a| a.get_attribute("href")) {
        ev.prevent_default();
        go(Route::parse(&href));
    }
}

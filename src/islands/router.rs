//! The route, kept in step with the URL hash: links of the page go to their route without a
//! fragment navigation, Back and Forward come back as `hashchange`, Escape closes the panel.
//! The route lives in the islands' store (`Store::route`), whose one writer this is: the rest
//! of the page follows the signal. The panel island, which shows the route, starts it and owns
//! its listeners and the history. (The live region says what opened: see `super::status`.)

use super::browser::{after, document, listen, next_frame, window};
use super::{watch, Store};
use crate::route::Route;
use leptos::prelude::{untrack, Get, GetUntracked, Set};
use std::time::Duration;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Event, EventTarget, KeyboardEvent, MouseEvent};

/// Calls `f` with the route now and again after each change of the route signal, with the route
/// it saw the time before (none the first time). Changes within one task come as one. What `f`
/// reads is not tracked: only the route is.
pub fn on_change(store: Store, f: impl Fn(Option<Route>, Route) + 'static) {
    let route = store.route;
    watch(move |before: Option<Route>| {
        let now = route.get();
        untrack(|| f(before, now));
        now
    });
}

/// Shows route `to`.
fn set(store: Store, to: Route) {
    let route = store.route;
    if route.get_untracked() != to {
        route.set(to);
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

/// Starts routing at the route the URL names. Called as the panel hydrates: the route is in
/// the store before the page goes live, and so is what the page first shows.
pub fn start(store: Store) {
    store.route.set(Route::parse(&current_hash()));
    let win: EventTarget = window().into();
    listen(&win, "hashchange", move |_: Event| {
        set(store, Route::parse(&current_hash()))
    });
    listen(&win, "keydown", move |ev: KeyboardEvent| {
        if ev.key() == "Escape" {
            go(store, Route::Overview);
        }
    });
    // The page's own links (markers, the place list, the panel's and the reader's links) go to
    // their route directly. A click with Ctrl, Shift or Cmd is left to the browser: a new tab
    // or window, which loads the page at that route. (Other buttons than the first fire no
    // `click`.)
    let doc: EventTarget = document().into();
    listen(&doc, "click", move |ev: MouseEvent| {
        if !(ev.ctrl_key() || ev.meta_key() || ev.shift_key()) {
            follow_link(store, &ev, Links::All);
        }
    });
    // The place controls on the map and the mentions in the reader are links styled and
    // announced as buttons: Space presses them, as it does a button.
    listen(&doc, "keydown", move |ev: KeyboardEvent| {
        if ev.key() == " " {
            follow_link(store, &ev, Links::Buttons);
        }
    });
    // The live region follows the route from here on.
    super::status(store);
}

/// Goes to `to`: the page shows it at once, and a new history entry with its hash follows
/// after the frame that shows it (writing history takes the main thread about half a
/// millisecond, which the reader need not wait for), unless the route has changed again by
/// then. Back and Forward step through the entries (they come back as `hashchange`). Unlike
/// following the link, this runs no fragment navigation: no scroll to a target, no `:target`
/// change, no task between the click and the page showing it.
pub fn go(store: Store, to: Route) {
    if to == store.route.get_untracked() {
        return;
    }
    set(store, to);
    next_frame(move || {
        after(Duration::ZERO, move || {
            if store.route.get_untracked() != to {
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
pub fn replace(store: Store, to: Route) {
    if to == store.route.get_untracked() {
        return;
    }
    set(store, to);
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&hash_of(to)));
    }
}

/// Which of the page's links an event may follow.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Links {
    /// Every link to a route (a click).
    All,
    /// Only links announced as buttons (Space, which presses a button but follows no link).
    Buttons,
}

/// Goes to the route of the page's link (`#/…`) the event `ev` came from, if it is one of
/// `links`, instead of following it.
fn follow_link(store: Store, ev: &Event, links: Links) {
    let link = ev
        .target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .and_then(|el| el.closest("a[href^='#/']").ok().flatten())
        .filter(|a| links == Links::All || a.get_attribute("role").as_deref() == Some("button"));
    if let Some(href) = link.and_then(|a| a.get_attribute("href")) {
        ev.prevent_default();
        go(store, Route::parse(&href));
    }
}

//! The route, kept in step with the URL hash: links of the page go to their route without a
//! fragment navigation, Back and Forward come back as `hashchange`, Escape closes the panel.
//! The route lives in the islands' store (`Store::route`), whose one writer this is: the rest
//! of the page follows the signal. Every change says what opened in the live region.

use super::{after, document, listen, next_frame, say, window};
use crate::islands::{browser_store, watch, Store};
use crate::route::Route;
use crate::words::announcement;
use leptos::prelude::{untrack, Get, GetUntracked, Set};
use std::time::Duration;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Event, EventTarget, KeyboardEvent, MouseEvent};

/// The page's store: the live page starts after hydration has made it.
fn store() -> Store {
    browser_store().expect("the page is hydrated before it goes live")
}

/// The route the page shows.
pub fn current() -> Route {
    store().route.get_untracked()
}

/// Calls `f` with the route now and again after each change of the route signal, with the route
/// it saw the time before (none the first time). Changes within one task come as one. What `f`
/// reads is not tracked: only the route is.
pub fn on_change(f: impl Fn(Option<Route>, Route) + 'static) {
    let route = store().route;
    watch(move |before: Option<Route>| {
        let now = route.get();
        untrack(|| f(before, now));
        now
    });
}

/// Shows route `to`.
fn set(to: Route) {
    let route = store().route;
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

/// Starts routing at the route the URL names.
pub fn start() {
    store().route.set(Route::parse(&current_hash()));
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

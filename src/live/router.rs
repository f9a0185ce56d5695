//! The route, kept in step with the URL hash: links of the page go to their route without a
//! fragment navigation, Back and Forward come back as `hashchange`, Escape closes the panel, and
//! every route change says what opened in the live region.

use super::listen;
use crate::route::Route;
use crate::words::announcement;
use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Event, EventTarget, KeyboardEvent, MouseEvent};

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

/// Starts routing; `say` is the live region's text. Returns the route.
pub fn start(say: RwSignal<String>) -> RwSignal<Route> {
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
            follow_link(route, &ev, false);
        }
    });
    // The place controls on the map and the mentions in the reader are links styled and
    // announced as buttons: Space presses them, as it does a button.
    listen(&doc, "keydown", move |ev: KeyboardEvent| {
        if ev.key() == " " {
            follow_link(route, &ev, true);
        }
    });
    // A new route says what opened. Moving from paragraph to paragraph in the reader is not
    // news: story mode says a paragraph's places itself, once the reader rests on it.
    Effect::new(move |before: Option<Route>| {
        let now = route.get();
        let within_reader = matches!((before, now), (Some(Route::Read(..)), Route::Read(..)));
        if before != Some(now) && !within_reader {
            say.set(announcement(now));
        }
        now
    });
    route
}

/// Goes to `to`: the page shows it at once, and a new history entry with its hash follows
/// after the frame that shows it (writing history takes the main thread about half a
/// millisecond, which the reader need not wait for), unless the route has changed again by
/// then. Back and Forward step through the entries (they come back as `hashchange`). Unlike
/// following the link, this runs no fragment navigation: no scroll to a target, no `:target`
/// change, no task between the click and the page showing it.
pub fn go(route: RwSignal<Route>, to: Route) {
    if to == route.get_untracked() {
        return;
    }
    let hash = hash_of(to);
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

/// Moves the current history entry to `to` without adding one: story mode's address, which
/// follows the paragraph being read, so Back still leaves the reader in one step.
pub fn replace(route: RwSignal<Route>, to: Route) {
    if to == route.get_untracked() {
        return;
    }
    route.set(to);
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&hash_of(to)));
    }
}

/// Goes to the route of the page's link (`#/…`) the event `ev` came from, if any, instead of
/// following it; with `buttons_only`, only a link announced as a button.
fn follow_link(route: RwSignal<Route>, ev: &Event, buttons_only: bool) {
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

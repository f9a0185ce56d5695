//! The side panel: which of its parts the route shows (the overview, one place, the reader),
//! where focus goes when that changes, the way back to the text, and on narrow screens the
//! bottom sheet's handle. The parts' texts are server-rendered children: they never enter the
//! wasm.

use super::browser as live;
use super::{rendered, watch, Store};
use crate::atlas::{pin, PlaceIndex, DOWNSTREAM};
use crate::dom::{self, heading_id, marker_id};
use crate::panel::{Overview, PlaceDetails, Reader};
use crate::route::Route;
use leptos::prelude::*;

/// The panel.
#[island]
pub fn Panel() -> impl IntoView {
    let store = Store::get();
    // Before the page is live every part shows, and the CSS `:target` rules pick one, as
    // without script; once live, the route picks it.
    let hidden = move |part: Route| store.live.get() && store.shown() != part;
    let reading = move || matches!(store.shown(), Route::Read(..));
    let raised = RwSignal::new(false);
    let came_from = RwSignal::new(None::<Route>);
    // The panel shows the route, and so owns it: the router runs from the moment it hydrates.
    #[cfg(feature = "hydrate")]
    super::router::start(store);
    watch(move |before| follow_route(store, came_from, before));
    watch(move |started: Option<bool>| {
        let live = store.live.get();
        if live && started != Some(true) {
            warm_up();
            sheet(raised);
        }
        live
    });
    view! {
        <aside class=dom::PANEL class:reading=reading class:expanded=move || raised.get() aria-label="Place details">
            // On narrow screens the panel is a bottom sheet: a peek, or most of the screen. The
            // handle alone can raise it, so it shows once the page is live.
            <button
                type="button"
                id=dom::SHEET_TOGGLE
                class="sheet-toggle"
                aria-expanded=move || live::truth(raised.get())
                hidden=move || !store.live.get()
            >
                {move || if raised.get() { "Show less of the panel" } else { "Show more of the panel" }}
            </button>
            // Shown, and pointed at the paragraph, when a place is opened from the reader.
            <a
                id=dom::BACK_TO_TEXT
                class="close back-to-text"
                href=move || came_from.get().map_or_else(|| "#/".to_owned(), |r| r.to_hash())
                hidden=move || came_from.get().is_none()
            >
                "Back to the text"
            </a>
            <div class="overview" id=dom::OVERVIEW hidden=move || hidden(Route::Overview)>
                {rendered(|| view! { <Overview /> })}
            </div>
            // An array, not a Vec: a fixed list renders no hydration marker after its items.
            {DOWNSTREAM
                .map(|i| {
                    let route = Route::Place(i);
                    view! {
                        <section class="place-section" id=route.to_path() hidden=move || hidden(route)>
                            {rendered(move || view! { <PlaceDetails index=i /> })}
                        </section>
                    }
                })}
            <div class=dom::READER id=dom::READER hidden=move || store.live.get() && !reading()>
                {rendered(|| view! { <Reader /> })}
            </div>
        </aside>
    }
}

/// Keeps the way back to the text and moves focus as the route changes from `before` (none
/// before the page is live, and at load): into the panel when a place opens, back to the
/// marker when the panel closes. (In the reader, story mode places focus on the paragraph.) At
/// load focus stays where the browser put it. Returns the route now, once live.
fn follow_route(
    store: Store,
    came_from: RwSignal<Option<Route>>,
    before: Option<Option<Route>>,
) -> Option<Route> {
    if !store.live.get() {
        return None;
    }
    let now = store.route.get();
    let before = before.flatten();
    let back = match (now, before) {
        (Route::Place(_), Some(read @ Route::Read(..))) => Some(read),
        (Route::Place(_), _) => came_from.get_untracked(),
        _ => None,
    };
    if back != came_from.get_untracked() {
        came_from.set(back);
    }
    // A place or the overview opens at its top, wherever the panel was scrolled before.
    let top = !matches!(now, Route::Read(..)) && before.is_some_and(|b| b != now);
    match (now, before) {
        (now, Some(before)) if now == before => {}
        (_, None) => {}
        (Route::Place(p), _) => focus_later(heading_id(pin(p).id), top),
        (Route::Overview, Some(Route::Place(p))) => focus_later(marker_id(pin(p).id), top),
        _ => {}
    }
    Some(now)
}

/// Moves keyboard focus to the element with id `id` once the pending change is on screen, with
/// the panel back at its top first if `top`. Both wait for the frame: scrolling lays the page
/// out, which the frame does anyway, so the click that changed the route does not wait for it.
fn focus_later(id: String, top: bool) {
    live::next_frame(move || {
        if top {
            if let Some(panel) = live::first(&dom::class(dom::PANEL)) {
                panel.set_scroll_top(0);
            }
        }
        if let Some(el) = live::by_id(&id) {
            live::focus(&el);
        }
    });
}

/// Lays out each hidden place section once, out of sight, while the page is idle, one section
/// an idle moment. The first layout of a text pays for finding its fonts (a fallback font for
/// the Korean and Chinese names) and shaping its words; done here, a reader's first click on a
/// place pays only for placing the lines, and its panel shows in the next frame. The section
/// is hidden again in the same task, so no frame and no screen reader ever sees it. Browsers
/// with no `requestIdleCallback` skip this and lay a place out when it is first chosen.
fn warm_up() {
    warm(DOWNSTREAM.into_iter().rev().collect());
}

/// Lays out the last of `places` at the next idle moment, then the rest, one a moment.
fn warm(mut places: Vec<PlaceIndex>) {
    live::when_idle(move || {
        let Some(place) = places.pop() else {
            return;
        };
        if let Some(section) = live::by_id(&Route::Place(place).to_path()) {
            if section.has_attribute("hidden") {
                live::set(&section, "data-warming", "");
                live::show(&section, true);
                let _ = section.get_bounding_client_rect();
                live::show(&section, false);
                let _ = section.remove_attribute("data-warming");
            }
        }
        warm(places);
    });
}

/// The bottom sheet's handle: a tap raises or lowers the sheet, and so does a flick up or down.
fn sheet(raised: RwSignal<bool>) {
    use std::cell::Cell;
    use std::rc::Rc;
    let Some(handle) = live::by_id(dom::SHEET_TOGGLE) else {
        return;
    };
    // Where a press on the handle began, and whether it became a flick.
    let from = Rc::new(Cell::new(None::<i32>));
    let flicked = Rc::new(Cell::new(false));
    let (f, fl) = (from.clone(), flicked.clone());
    live::listen(&handle, "pointerdown", move |ev: web_sys::PointerEvent| {
        f.set(Some(ev.client_y()));
        fl.set(false);
    });
    let fl = flicked.clone();
    live::listen(&handle, "pointerup", move |ev: web_sys::PointerEvent| {
        if let Some(start) = from.take() {
            let dy = ev.client_y() - start;
            if dy.abs() > 24 {
                raised.set(dy < 0);
                fl.set(true);
            }
        }
    });
    live::listen(&handle, "click", move |_: web_sys::Event| {
        if !flicked.replace(false) {
            raised.update(|r| *r = !*r);
        }
    });
}

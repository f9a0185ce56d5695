//! Shows the part of the panel a route names (the overview, a place, the reader), marks the
//! chosen place on the map and in the place list, and moves focus into the panel and back to
//! the map. Also the bottom sheet's handle on narrow screens, and the idle warm-up that lays
//! out each hidden place before a reader first chooses it.

use super::{by_id, document, first, focus, listen, mark, next_frame, router, set, show};
use super::{truth, when_idle};
use crate::atlas::{pin, pins};
use crate::dom;
use crate::route::Route;
use std::cell::Cell;
use std::rc::Rc;
use web_sys::{Element, Event};

/// The panel's parts and the map's place controls, looked up once at start-up.
pub struct Parts {
    /// The panel.
    pub panel: Option<Element>,
    /// Each place's section, by place index.
    pub sections: Vec<Option<Element>>,
    /// Each place's control on the map, by place index.
    pub markers: Vec<Option<Element>>,
}

impl Parts {
    /// Looks the parts up in the pre-rendered page.
    pub fn find() -> Parts {
        Parts {
            panel: first(&dom::class(dom::PANEL)),
            sections: pins()
                .map(|(i, _)| by_id(&Route::Place(i).to_path()))
                .collect(),
            markers: pins().map(|(_, p)| by_id(&dom::marker_id(p.id))).collect(),
        }
    }
}

/// Shows what each route names, lays hidden places out while idle, and makes the sheet live.
pub fn start(parts: &Parts) {
    warm_up(&parts.sections);
    show_routes(parts);
    sheet(parts.panel.clone());
}

/// Shows the part of the panel the route names, marks the chosen place, and moves focus: into
/// the panel when a place opens, back to the marker when the panel closes. (In the reader,
/// story mode places focus on the paragraph.) At load focus stays where the browser put it. A
/// place opened from the reader offers the way back to the paragraph it was opened from.
fn show_routes(parts: &Parts) {
    let overview = by_id(dom::OVERVIEW);
    let reader = by_id(dom::READER);
    let back = by_id(dom::BACK_TO_TEXT);
    let root = document().document_element();
    let panel = parts.panel.clone();
    let sections = parts.sections.clone();
    let markers = parts.markers.clone();
    // The paragraph the reader was at when a place was opened from the reader.
    let came_from = Cell::new(None::<Route>);
    router::on_change(move |before, now| {
        let reading = matches!(now, Route::Read(..));
        if let Some(el) = &overview {
            show(el, now == Route::Overview);
        }
        if let Some(el) = &reader {
            show(el, reading);
        }
        for el in panel.iter().chain(&root) {
            mark(el, dom::READING, reading);
        }
        for (i, (section, marker)) in sections.iter().zip(&markers).enumerate() {
            let chosen = now.place().map(|p| p.get()) == Some(i);
            if let Some(el) = section {
                show(el, chosen);
            }
            if let Some(el) = marker {
                set(el, "aria-pressed", truth(chosen));
                mark(el, "selected", chosen);
            }
        }
        came_from.set(match (now, before) {
            (Route::Place(_), Some(read @ Route::Read(..))) => Some(read),
            (Route::Place(_), _) => came_from.get(),
            _ => None,
        });
        if let Some(el) = &back {
            let target = came_from.get();
            show(el, target.is_some());
            if let Some(read) = target {
                set(el, "href", &read.to_hash());
            }
        }
        // A place or the overview opens at its top, wherever the panel was scrolled before.
        let top = panel
            .clone()
            .filter(|_| !reading && before.is_some_and(|b| b != now));
        match (now, before) {
            (now, Some(before)) if now == before => {}
            // At load focus stays where the browser put it.
            (_, None) => {}
            (Route::Place(p), _) => focus_later(by_id(&dom::heading_id(pin(p).id)), top),
            (Route::Overview, Some(Route::Place(p))) => focus_later(markers[p.get()].clone(), top),
            _ => {}
        }
    });
}

/// Moves keyboard focus to `el` once the pending change is on screen, with `scrolled` (the
/// panel) back at its top first. Both wait for the frame: scrolling lays the page out, which
/// the frame does anyway, so the click that changed the route does not wait for it.
fn focus_later(el: Option<Element>, scrolled: Option<Element>) {
    next_frame(move || {
        if let Some(panel) = scrolled {
            panel.set_scroll_top(0);
        }
        if let Some(el) = el {
            focus(&el);
        }
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
    when_idle(move || {
        let mut sections = sections;
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
    let (Some(toggle), Some(panel)) = (by_id(dom::SHEET_TOGGLE), panel) else {
        return;
    };
    show(&toggle, true);
    let sheet = Rc::new(Sheet {
        toggle: toggle.clone(),
        panel,
        raised: Cell::new(false),
        from: Cell::new(None),
        flicked: Cell::new(false),
    });
    let s = sheet.clone();
    listen(&toggle, "pointerdown", move |ev: web_sys::PointerEvent| {
        s.from.set(Some(ev.client_y()));
        s.flicked.set(false);
    });
    let s = sheet.clone();
    listen(&toggle, "pointerup", move |ev: web_sys::PointerEvent| {
        if let Some(from) = s.from.take() {
            let dy = ev.client_y() - from;
            if dy.abs() > 24 {
                s.raise(dy < 0);
                s.flicked.set(true);
            }
        }
    });
    listen(&toggle, "click", move |_: Event| {
        if !sheet.flicked.replace(false) {
            sheet.raise(!sheet.raised.get());
        }
    });
}

/// The bottom sheet's handle and state.
struct Sheet {
    toggle: Element,
    panel: Element,
    raised: Cell<bool>,
    /// Where a press on the handle began, and whether it became a flick.
    from: Cell<Option<i32>>,
    flicked: Cell<bool>,
}

impl Sheet {
    /// Raises the sheet to most of the screen, or lowers it to a peek.
    fn raise(&self, open: bool) {
        self.raised.set(open);
        set(&self.toggle, "aria-expanded", truth(open));
        self.toggle.set_text_content(Some(if open {
            "Show less of the panel"
        } else {
            "Show more of the panel"
        }));
        mark(&self.panel, "expanded", open);
    }
}

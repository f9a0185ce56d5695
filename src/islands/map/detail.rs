//! The map's detail drawings in the browser: as the view closes in, the tiles it needs
//! (`crate::map::detail::wanted`) are fetched from the page's own folder and shown all at once
//! when every one has arrived, so the drawing never flickers or shows a gap; until then the
//! map keeps what it showed. The service worker keeps each fetched tile for offline use.

use super::super::watch;
use crate::map::detail::{wanted, TileId};
use crate::map::view::View;
use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use yalu_model::{detail_file, DETAIL_LEVELS};

/// An area around the map that no view reaches, in map units: the clip path's outer edge.
const FAR: &str = "M-99999 -99999H99999V99999H-99999z";

/// What the map draws of the detail: written here alone, drawn by the map island's view.
#[derive(Clone, Copy)]
pub struct Shown {
    /// The tiles' ground (land, water, borders), as SVG markup.
    pub ground: RwSignal<String>,
    /// The tiles' stretch of the Yalu, as SVG markup, drawn inside the river's control.
    pub river: RwSignal<String>,
    /// The overview's clip path: everywhere but the tiles shown.
    pub clip: RwSignal<String>,
}

impl Shown {
    /// Nothing shown: the overview alone.
    pub fn new() -> Shown {
        Shown {
            ground: RwSignal::new(String::new()),
            river: RwSignal::new(String::new()),
            clip: RwSignal::new(FAR.to_owned()),
        }
    }

    /// The overview's `clip-path` while detail is shown.
    pub fn clipping(self) -> impl Fn() -> Option<&'static str> + Copy + Send + Sync + 'static {
        let ground = self.ground;
        move || {
            ground
                .with(|g| !g.is_empty())
                .then_some(crate::dom::OVERVIEW_CLIP_URL)
        }
    }
}

/// The tiles fetched (a list: a reader fetches tens, and a map would cost the wasm more), asked
/// for and wanted, and which are shown.
#[derive(Default)]
struct Tiles {
    loaded: Vec<(TileId, String, String)>,
    asked: Vec<TileId>,
    wanted: Vec<TileId>,
    shown: Vec<TileId>,
}

impl Tiles {
    fn has(&self, id: TileId) -> bool {
        self.loaded.iter().any(|l| l.0 == id)
    }
}

/// Keeps the detail in step with `view`: `size` is the SVG's size in CSS pixels and `scale`
/// its pixels per viewBox unit, both measured by the live map.
pub fn follow(
    view: RwSignal<View>,
    size: RwSignal<(f32, f32)>,
    scale: RwSignal<f32>,
    shown: Shown,
) {
    let tiles = Rc::new(RefCell::new(Tiles::default()));
    watch(move |_: Option<()>| {
        let (w, h) = size.get();
        let want = wanted(view.get(), w, h, scale.get());
        let missing: Vec<TileId> = {
            let mut t = tiles.borrow_mut();
            if t.wanted == want {
                return;
            }
            t.wanted = want.clone();
            let missing: Vec<TileId> = want
                .iter()
                .filter(|id| !t.has(**id) && !t.asked.contains(id))
                .copied()
                .collect();
            t.asked.extend(&missing);
            missing
        };
        for id in missing {
            let tiles = tiles.clone();
            fetch_text(&detail_file(id.0, id.1.into(), id.2.into()), move |text| {
                let mut t = tiles.borrow_mut();
                t.asked.retain(|a| *a != id);
                if let Some(text) = text {
                    // Two lines: the ground, then the river.
                    let (ground, river) = text.split_once('\n').unwrap_or((&text, ""));
                    t.loaded.push((id, ground.to_owned(), river.to_owned()));
                }
                drop(t);
                show_if_ready(&tiles, shown);
            });
        }
        show_if_ready(&tiles, shown);
    });
}

/// Shows the wanted tiles once every one of them has arrived.
fn show_if_ready(tiles: &Rc<RefCell<Tiles>>, shown: Shown) {
    let mut t = tiles.borrow_mut();
    if t.shown == t.wanted || !t.wanted.iter().all(|id| t.has(*id)) {
        return;
    }
    let (mut ground, mut river, mut clip) = (String::new(), String::new(), FAR.to_owned());
    for id in &t.wanted {
        if let Some((_, g, r)) = t.loaded.iter().find(|l| l.0 == *id) {
            ground.push_str(g);
            river.push_str(r);
        }
        let size = DETAIL_LEVELS[id.0].tile;
        let (x, y) = (i32::from(id.1) * size, i32::from(id.2) * size);
        clip.push_str(&format!("M{x} {y}h{size}v{size}h-{size}z"));
    }
    t.shown = t.wanted.clone();
    drop(t);
    shown.ground.set(ground);
    shown.river.set(river);
    shown.clip.set(clip);
}

/// Fetches a file of the page's own and hands `done` its text, or `None` if it cannot be had
/// (offline with no copy kept, or not found). Promise callbacks, not a future: the wasm has no
/// executor for this one future's sake.
fn fetch_text(url: &str, done: impl FnOnce(Option<String>) + 'static) {
    let Some(window) = web_sys::window() else {
        return done(None);
    };
    let done = Rc::new(RefCell::new(Some(done)));
    let finish = move |text: Option<String>| {
        if let Some(done) = done.borrow_mut().take() {
            done(text);
        }
    };
    let failed = finish.clone();
    let fetched: js_sys::Promise = window.fetch_with_str(url).unchecked_into();
    settle(&fetched, failed, move |response| {
        let text = response
            .dyn_into::<web_sys::Response>()
            .ok()
            .filter(web_sys::Response::ok)
            .and_then(|r| r.text().ok());
        match text {
            Some(text) => {
                let failed = finish.clone();
                settle(&text.unchecked_into(), failed, move |t| {
                    finish(t.as_string())
                });
            }
            None => finish(None),
        }
    });
}

/// Calls `then` with what `promise` resolves to, or `failed` with `None` if it rejects.
fn settle(
    promise: &js_sys::Promise,
    failed: impl FnOnce(Option<String>) + 'static,
    then: impl FnOnce(JsValue) + 'static,
) {
    let resolved = Closure::once(then);
    let rejected = Closure::once(move |_: JsValue| failed(None));
    let _ = promise.then2(&resolved, &rejected);
    // Each runs once, when the promise settles; the other is never called. Both are small and
    // a reader fetches tens of tiles: they are left to live rather than tracked.
    resolved.forget();
    rejected.forget();
}

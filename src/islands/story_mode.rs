//! Story mode: in the reader the paragraph crossing the reading line is current. Its places are
//! marked on the map, which glides to frame them; after the reader has rested on it for a
//! second the address moves to it (without a history entry) and the live region says its
//! places, once. "Previous place" and "Next place" step between paragraphs that name places,
//! and "Follow the text" resumes following after the reader has moved the map, or stops it.
//!
//! Which paragraph is current is decided by `crate::story` from what one IntersectionObserver
//! reports; nothing here reads layout while the page scrolls.
//!
//! The story bar island runs it: it owns the reader's observer and listeners, and its buttons
//! call [`Story::press`].

use super::browser::{after, all_in, by_id, document, first, focus, listen, mark, next_frame};
use super::browser::{now_ms, window};
use super::{router, watch, Motion, Store};
use crate::atlas::{paragraph_count, paragraph_places, pin, ParagraphIndex, PlaceSet};
use crate::dom;
use crate::map::view::View;
use crate::route::Route;
use crate::story::{self, AboveLine, Following, READING_LINE};
use leptos::prelude::{Get, GetUntracked, Set, Update};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::Duration;
use wasm_bindgen::{closure::Closure, JsCast};
use web_sys::{Element, Event, HtmlElement, IntersectionObserver, IntersectionObserverEntry};

/// How long the reader rests on a paragraph before the address and the live region follow it.
const REST_MS: f64 = 1000.0;
/// Zoomed in further than this, a paragraph that names only the river shows the whole river.
const RIVER_ZOOM: f32 = 1.5;

/// Whether going to a paragraph moves keyboard focus to it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Focus {
    /// Focus moves to the paragraph (a link opened it, or the reader stepped to it).
    Move,
    /// Focus stays where it is (the reader tabbed into the paragraph).
    Stay,
}

/// Story mode's state, shared by its listeners. The page has one reader and one thread.
pub struct Story {
    /// The reader's paragraphs in reading order (`crate::story` numbers them the same way).
    paragraphs: Vec<Element>,
    /// The reader's articles, which carry the text's measures (see `measure`).
    articles: Vec<Element>,
    /// The current paragraph, in reading order.
    current: Cell<Option<ParagraphIndex>>,
    /// The islands' store: story mode writes its current paragraph, whether following is on,
    /// and whether the map is hidden; the story bar shows them.
    store: Store,
    above: RefCell<AboveLine>,
    observer: RefCell<Option<IntersectionObserver>>,
    on_intersect: Closure<dyn FnMut(js_sys::Array)>,
    /// The reading line in viewport pixels, and the window width it was measured at.
    line: Cell<(f64, f64)>,
    /// When the page last scrolled.
    last_scroll: Cell<f64>,
    /// How the map moves to frame the next current paragraph: a cut when a link opened the
    /// reader, a glide otherwise.
    next_motion: Cell<Motion>,
}

/// Makes story mode live in the reader, if the page has the reader it was built with.
pub fn start(store: Store) -> Option<Rc<Story>> {
    let reader = by_id(dom::READER)?;
    let paragraphs = all_in(&reader, &dom::class(dom::PARAGRAPH));
    let articles = all_in(&reader, &dom::class(dom::ARTICLE));
    if paragraphs.len() != paragraph_count() {
        return None;
    }
    let story: Rc<Story> = Rc::new_cyclic(|me: &std::rc::Weak<Story>| {
        let me = me.clone();
        Story {
            paragraphs,
            articles,
            current: Cell::new(None),
            store,
            above: RefCell::new(AboveLine::default()),
            observer: RefCell::new(None),
            on_intersect: Closure::new(move |entries: js_sys::Array| {
                if let Some(story) = me.upgrade() {
                    story.intersected(entries);
                }
            }),
            line: Cell::new((0.0, -1.0)),
            last_scroll: Cell::new(0.0),
            next_motion: Cell::new(Motion::Glide),
        }
    });
    listeners(&story);
    effects(&story);
    Some(story)
}

impl Story {
    /// The paragraph the route names, in reading order, when the reader is open.
    fn routed(&self) -> Option<ParagraphIndex> {
        self.store.route.get_untracked().paragraph()
    }

    /// Paragraph `i`'s element in the reader.
    fn element(&self, i: ParagraphIndex) -> Option<&Element> {
        self.paragraphs.get(i.get())
    }

    /// The paragraph whose element `el` is.
    fn index_of(&self, el: &Element) -> Option<ParagraphIndex> {
        self.paragraphs
            .iter()
            .position(|p| p == el)
            .map(|i| ParagraphIndex(i as u16))
    }

    /// Makes paragraph `i` current: marks it, its places and the progress, and frames them.
    fn set_current(self: &Rc<Self>, i: ParagraphIndex) {
        self.current.set(Some(i));
        if self.routed().is_some() {
            self.show_current(i);
            self.rest(i);
        }
    }

    /// Whether the map follows the text.
    fn following(&self) -> Following {
        self.store.following.get_untracked()
    }

    /// Sets whether the map follows the text, as the story bar shows.
    fn set_following(&self, now: Following) {
        if self.following() != now {
            self.store.following.set(now);
        }
    }

    /// Measures where the reading line is: `READING_LINE` down the part of the window where
    /// the text scrolls (the panel beside the map, or on a phone the window below the pinned
    /// map). Then watches the paragraphs against it. The line stays where it is in pixels when
    /// only the window's height changes, as it does when a phone's address bar shows or hides.
    fn measure(&self) {
        let Some(panel) = self.paragraphs[0]
            .closest(&dom::class(dom::PANEL))
            .ok()
            .flatten()
        else {
            return;
        };
        let width = window()
            .inner_width()
            .ok()
            .and_then(|w| w.as_f64())
            .unwrap_or(0.0);
        let height = window()
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or(0.0);
        let (mut line, measured_at) = self.line.get();
        if measured_at != width {
            let bar = by_id(dom::STORY_BAR).map_or(0.0, |b| b.get_bounding_client_rect().height());
            // The text shows below the pinned story bar (and on a phone the pinned map above
            // it), down to the panel's bottom or the window's.
            let (scroller_top, top, bottom) = if panel.scroll_height() > panel.client_height() {
                let r = panel.get_bounding_client_rect();
                let bottom = r.top() + f64::from(panel.client_height());
                (r.top(), r.top() + bar, bottom)
            } else {
                let map = first(&dom::class(dom::MAP))
                    .map_or(0.0, |m| m.get_bounding_client_rect().height());
                (0.0, map + bar, height)
            };
            line = top + (bottom - top) * f64::from(READING_LINE);
            self.line.set((line, width));
            // The text's own measures, which the stylesheet turns into scroll margins: how far
            // down its scroller the text shows, below what is pinned over it, so that scrolling
            // to a place name keeps it clear; and the reading line below that, where a
            // paragraph scrolled "to the line" puts its top.
            let px = |v: f64| format!("{}px", v.max(0.0) as i32);
            for article in self
                .articles
                .iter()
                .filter_map(|a| a.dyn_ref::<HtmlElement>())
            {
                let style = article.style();
                let _ = style.set_property("--text-top", &px(top - scroller_top));
                let _ = style.set_property("--reading-line", &px(line - top - 4.0));
            }
        }
        // The band watched is the window above the line.
        let options = web_sys::IntersectionObserverInit::new();
        let below = (height - line).max(0.0) as i32;
        options.set_root_margin(&format!("0px 0px -{below}px 0px"));
        let Ok(observer) = IntersectionObserver::new_with_options(
            self.on_intersect.as_ref().unchecked_ref(),
            &options,
        ) else {
            return;
        };
        for p in &self.paragraphs {
            observer.observe(p);
        }
        if let Some(old) = self.observer.replace(Some(observer)) {
            old.disconnect();
        }
    }

    /// What the observer saw: each paragraph that moved above or below the line.
    fn intersected(self: &Rc<Self>, entries: js_sys::Array) {
        {
            let mut above = self.above.borrow_mut();
            for entry in entries.iter() {
                let entry: IntersectionObserverEntry = entry.unchecked_into();
                let target = entry.target();
                if let Some(i) = self.index_of(&target) {
                    above.set(i, entry.is_intersecting());
                }
            }
        }
        if self.routed().is_some() {
            let now = self.above.borrow().current().unwrap_or(ParagraphIndex(0));
            if self.current.get() != Some(now) {
                self.set_current(now);
            }
        }
    }

    /// Makes paragraph `i` current by scrolling it to the reading line, as a reader would, and
    /// moves keyboard focus to it or not.
    fn go_to(self: &Rc<Self>, i: ParagraphIndex, focus_it: Focus) {
        let Some(p) = self.element(i) else {
            return;
        };
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Start);
        options.set_behavior(web_sys::ScrollBehavior::Instant);
        p.scroll_into_view_with_scroll_into_view_options(&options);
        if focus_it == Focus::Move {
            focus(p);
        }
        if self.following() == Following::Paused {
            self.set_following(Following::On);
        }
        self.set_current(i);
    }

    /// Makes paragraph `to` the store's current paragraph (`None`: no paragraph is); the text
    /// marks it (see `effects`).
    fn mark_paragraph(&self, to: Option<ParagraphIndex>) {
        if self.store.paragraph.get_untracked() != to {
            self.store.paragraph.set(to);
        }
    }

    /// Marks paragraph `i` current, and so its places on the map and the progress, and frames
    /// them.
    fn show_current(&self, i: ParagraphIndex) {
        self.mark_paragraph(Some(i));
        let motion = self.next_motion.replace(Motion::Glide);
        if self.following() == Following::On {
            self.frame(paragraph_places(i), motion);
        }
    }

    /// Moves the map to frame `places` when they are out of view or too small; a paragraph that
    /// names none keeps the last framing.
    fn frame(&self, places: PlaceSet, motion: Motion) {
        if places.is_empty() {
            return;
        }
        let points: Vec<(f32, f32)> = places
            .indices()
            .map(pin)
            .filter(|pin| pin.city)
            .map(|pin| (pin.x, pin.y))
            .collect();
        let now = self.store.view.get_untracked();
        let target = match View::framing(&points) {
            Some(target) if !now.frames(&points, target) => target,
            Some(_) => return,
            // Only the river: it runs across the whole frame.
            None if now.k > RIVER_ZOOM => View::default(),
            None => return,
        };
        self.store.frame.set(Some((target, motion)));
    }

    /// After a second on the same paragraph with no scrolling: the address moves to it and the
    /// live region says its places, unless it said them last.
    fn rest(self: &Rc<Self>, i: ParagraphIndex) {
        let story = self.clone();
        after(Duration::from_millis(REST_MS as u64), move || {
            if story.current.get() != Some(i) || story.routed().is_none() {
                return;
            }
            let quiet_for = now_ms() - story.last_scroll.get();
            if quiet_for < REST_MS {
                // Still scrolling within the paragraph: wait for the rest of the second.
                return story.rest_after(i, REST_MS - quiet_for);
            }
            router::replace(story.store, Route::Read(i));
            story.announce(i);
        });
    }

    /// `rest`, checked again after `ms` milliseconds.
    fn rest_after(self: &Rc<Self>, i: ParagraphIndex, ms: f64) {
        let story = self.clone();
        after(Duration::from_millis(ms.max(0.0) as u64), move || {
            // The shortened wait ends as a full one would.
            story.last_scroll.set(now_ms() - REST_MS);
            story.rest(i);
        });
    }

    /// Has the live region say paragraph `i`'s places, unless they were the last it said.
    fn announce(&self, i: ParagraphIndex) {
        if self.store.spoken.get_untracked() != Some(i) {
            self.store.spoken.set(Some(i));
        }
    }
}

/// The story bar's buttons.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum StoryButton {
    /// "Previous place".
    Previous,
    /// "Next place".
    Next,
    /// "Follow the text".
    Follow,
    /// "Hide the map" or "Show the map", on phones.
    Map,
}

impl Story {
    /// What a press on one of the story bar's buttons does.
    pub fn press(self: &Rc<Self>, button: StoryButton) {
        match button {
            StoryButton::Previous => self.step(story::previous_place),
            StoryButton::Next => self.step(story::next_place),
            StoryButton::Follow => self.toggle_following(),
            StoryButton::Map => self.toggle_map(),
        }
    }

    /// "Previous place" or "Next place": goes to the paragraph `next` finds from the current
    /// one, moves focus there and says its places.
    fn step(self: &Rc<Self>, next: fn(ParagraphIndex) -> Option<ParagraphIndex>) {
        let from = self.current.get().unwrap_or(ParagraphIndex(0));
        if let Some(to) = next(from) {
            self.go_to(to, Focus::Move);
            self.announce(to);
        }
    }

    /// "Follow the text": stops following, or resumes it and frames the current paragraph.
    fn toggle_following(&self) {
        let next = self.following().toggled();
        self.set_following(next);
        if let (Following::On, Some(i)) = (next, self.current.get()) {
            self.frame(paragraph_places(i), Motion::Glide);
        }
    }

    /// "Hide the map" or "Show the map" on phones. The text's visible part changes with it, so
    /// the reading line is measured again once the new layout is on screen.
    fn toggle_map(self: &Rc<Self>) {
        self.store.map_hidden.update(|hidden| *hidden = !*hidden);
        self.line.set((0.0, -1.0));
        let story = self.clone();
        next_frame(move || story.measure());
    }
}

/// Scrolling, resizing, keyboard focus in the text, and the reader's own moves of the map.
fn listeners(story: &Rc<Story>) {
    // Scrolling only notes the time (no layout is read): the rest waits for it to stop. Scroll
    // events do not bubble, so the panel's reach the document in the capture phase.
    let s = story.clone();
    let on_scroll = Closure::<dyn FnMut()>::new(move || s.last_scroll.set(now_ms()));
    let options = web_sys::AddEventListenerOptions::new();
    options.set_capture(true);
    options.set_passive(true);
    let _ = document().add_event_listener_with_callback_and_add_event_listener_options(
        "scroll",
        on_scroll.as_ref().unchecked_ref(),
        &options,
    );
    on_scroll.forget();

    let s = story.clone();
    let resized = Rc::new(Cell::new(false));
    listen(&window(), "resize", move |_: Event| {
        // Once a frame at most, and only while reading.
        if resized.replace(true) {
            return;
        }
        let (s, resized) = (s.clone(), resized.clone());
        next_frame(move || {
            resized.set(false);
            if s.routed().is_some() {
                s.measure();
            }
        });
    });

    // Tabbing to a place name (or a paragraph) in the text makes its paragraph current. A
    // pointer's focus is left alone: the click it starts opens the place.
    let s = story.clone();
    if let Some(reader) = by_id(dom::READER) {
        listen(&reader, "focusin", move |ev: Event| {
            let Some(target) = ev.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
                return;
            };
            if !target.matches(":focus-visible").unwrap_or(false) {
                return;
            }
            let para = target
                .closest(&dom::class(dom::PARAGRAPH))
                .ok()
                .flatten()
                .and_then(|p| s.index_of(&p));
            if let Some(i) = para.filter(|&i| s.current.get() != Some(i)) {
                s.go_to(i, Focus::Stay);
            }
        });
    }
}

/// What follows from the route and from the reader's own moves of the map.
fn effects(story: &Rc<Story>) {
    // Opening the reader, or a link to another paragraph, goes to the route's paragraph with
    // the map already framed. Story mode's own address changes are the current paragraph
    // already, and do nothing here.
    let s = story.clone();
    router::on_change(story.store, move |before, now| {
        match (now.paragraph(), before) {
            (Some(i), before) => {
                let opened = !matches!(before, Some(Route::Read(..)));
                if opened || s.current.get() != Some(i) {
                    let s = s.clone();
                    // Once the reader is shown and laid out.
                    next_frame(move || {
                        s.measure();
                        s.next_motion.set(Motion::Cut);
                        s.go_to(i, Focus::Move);
                    });
                }
            }
            (None, Some(Route::Read(..))) => {
                // Out of the reader no paragraph is current, nor its places on the map.
                s.mark_paragraph(None);
                if s.store.spoken.get_untracked().is_some() {
                    s.store.spoken.set(None);
                }
            }
            _ => {}
        }
    });

    // The text marks the store's current paragraph, and only that one.
    let s = story.clone();
    watch(move |marked: Option<Option<ParagraphIndex>>| {
        let now = s.store.paragraph.get();
        if let Some(old) = marked.flatten().and_then(|p| s.element(p)) {
            mark(old, "current", false);
        }
        if let Some(p) = now.and_then(|p| s.element(p)) {
            mark(p, "current", true);
        }
        now
    });

    // The reader's own move of the map pauses following, in the reader.
    let s = story.clone();
    watch(move |before: Option<u32>| {
        let moves = s.store.map_moves.get();
        if before.is_some_and(|b| b != moves)
            && s.routed().is_some()
            && s.following() == Following::On
        {
            s.set_following(Following::Paused);
        }
        moves
    });
}

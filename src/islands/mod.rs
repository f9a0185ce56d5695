//! The page's islands: the Leptos components that are rendered into the page at build time and
//! hydrate it in the browser. Only these (and what they call) are compiled into the wasm; the
//! texts and the map's path data are server-rendered, outside them or as their children.
//!
//! State lives in the signals of one small shared [`Store`], each written by one owner:
//! - the panel island starts the `router`, the route's one writer, which keeps it in step with
//!   the URL hash and history;
//! - the story bar island runs `story_mode`, which writes the current paragraph, whether the map
//!   follows the text, whether the map is hidden, and the paragraph the live region speaks;
//! - the map island (`map/live.rs`) writes the view.
//!
//! `browser` holds the small helpers their effects and handlers call.

pub mod browser;
mod map;
mod panel;
mod place_list;
pub mod router;
mod story_bar;
pub mod story_mode;

pub use map::Map;
pub use panel::Panel;
pub use place_list::PlaceList;
pub use story_bar::StoryBar;

use crate::atlas::ParagraphIndex;
use crate::map::view::View;
use crate::route::Route;
use crate::story::Following;
use leptos::prelude::*;

/// The page's shared state: a signal each, with one writer each.
#[derive(Clone, Copy)]
pub struct Store {
    /// Whether the page is live: false while it is rendered and while it hydrates, so that the
    /// islands hydrate exactly what was rendered; true once every island has hydrated.
    pub live: RwSignal<bool>,
    /// The route the page shows. Written by the router.
    pub route: RwSignal<Route>,
    /// The reader's current paragraph, once story mode has marked one. Written by story mode.
    pub paragraph: RwSignal<Option<ParagraphIndex>>,
    /// Whether the map follows the text. Written by story mode.
    pub following: RwSignal<Following>,
    /// Whether the reader has hidden the map (on phones, in the reader). Written by story mode.
    pub map_hidden: RwSignal<bool>,
    /// What the map shows. Written by the map.
    pub view: RwSignal<View>,
    /// How many times the reader has moved the map themselves (drag, wheel, pinch, keys, zoom
    /// buttons). Written by the map.
    pub map_moves: RwSignal<u32>,
    /// The view story mode asks the map to frame, and how. Written by story mode.
    pub frame: RwSignal<Option<(View, Motion)>>,
    /// The paragraph whose places the live region says, once the reader has rested on it or
    /// stepped to it; none outside the reader. Written by story mode.
    pub spoken: RwSignal<Option<ParagraphIndex>>,
}

/// How the map moves to a view it is asked to frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Motion {
    /// Over a short glide (at once when the reader prefers reduced motion).
    Glide,
    /// At once.
    Cut,
}

impl Store {
    /// The state of a page that has just been rendered: not live, at the overview. (No
    /// `Default`: making signals is not free of effects.)
    pub fn rendered() -> Store {
        Store {
            live: RwSignal::new(false),
            route: RwSignal::new(Route::Overview),
            paragraph: RwSignal::new(None),
            following: RwSignal::new(Following::On),
            map_hidden: RwSignal::new(false),
            view: RwSignal::new(View::default()),
            map_moves: RwSignal::new(0),
            frame: RwSignal::new(None),
            spoken: RwSignal::new(None),
        }
    }

    /// The store of the page, provided by whoever renders or hydrates it.
    pub fn get() -> Store {
        use_context::<Store>().expect("the page provides its store")
    }

    /// The route the page shows once it is live; the overview before.
    pub fn shown(&self) -> Route {
        if self.live.get() {
            self.route.get()
        } else {
            Route::Overview
        }
    }
}

/// Children an island passes through untouched: rendered into the page at build time, and
/// skipped by hydration, so that their code and texts stay out of the wasm. An island among
/// them is an island of its own, hydrated by itself: as Leptos does for an island's `children`,
/// they render under an owner of their own that is not hydrating, so such an island gets its
/// `<leptos-island>` element.
pub fn rendered<V: IntoView + 'static>(content: impl FnOnce() -> V + 'static) -> impl IntoView {
    #[cfg(feature = "ssr")]
    {
        use leptos::reactive::owner::Owner;
        use leptos::tachys::{html::islands::IslandChildren, reactive_graph::OwnedView};
        Owner::new().with(|| {
            Owner::with_no_hydration(move || OwnedView::new(IslandChildren::new(content())))
        })
    }
    #[cfg(not(feature = "ssr"))]
    {
        let _ = content;
        leptos::tachys::html::islands::IslandChildren::new(())
    }
}

/// One element an island passes through untouched where `<leptos-children>` cannot stand, as
/// inside an SVG drawing: `content` is rendered into the page at build time, and hydration
/// takes the element as it finds it, so its code and data (the map's path data) stay out of
/// the wasm. `content` must be one element with nothing to hydrate inside it.
///
/// It is the one way to keep an SVG element's data out of the wasm: SVG attributes are custom
/// attributes to Leptos, and hydration writes each of them again from the island's own values.
pub fn inert<V: IntoView + 'static>(content: impl FnOnce() -> V + 'static) -> impl IntoView {
    use leptos::tachys::html::InertElement;
    #[cfg(feature = "ssr")]
    {
        use leptos::reactive::owner::Owner;
        let html = Owner::new().with(|| Owner::with_no_hydration(move || content().to_html()));
        InertElement::new(html)
    }
    #[cfg(not(feature = "ssr"))]
    {
        let _ = content;
        InertElement::new("")
    }
}

/// Runs `f` now and again whenever a signal it read changes, for as long as the page lives; `f`
/// is given what it returned the time before. In the browser only: rendering at build time
/// runs no effects. The reruns come on a microtask, so `f` sees the latest values, not each
/// step between.
pub fn watch<T: 'static>(f: impl FnMut(Option<T>) -> T + 'static) {
    // The islands and the live page live as long as the page: their effects are never dropped.
    std::mem::forget(RenderEffect::new(f));
}

/// Sets up hydration in the browser: the reactive owner every island runs under, and the store
/// in its context. The bootstrap script then hydrates each island and calls [`go_live`].
///
/// This is what `leptos::mount::hydrate_islands` does, less its shared context: that carries
/// server resources and streamed chunks, which a static page has none of, and its code is some
/// 7 KB of the wasm (gzip). The islands take no `children` prop, the one other user of it: their
/// children are [`rendered`] instead.
#[cfg(feature = "hydrate")]
pub fn hydrate() {
    // An Err means the executor is already set up, which is as good.
    let _ = any_spawner::Executor::init_wasm_bindgen();
    let owner = leptos::reactive::owner::Owner::new_root(None);
    owner.set();
    // The page's root owner lives as long as the page.
    std::mem::forget(owner);
    let store = Store::rendered();
    provide_context(store);
    root_classes(store);
    STORE.with(|s| s.set(Some(store)));
}

#[cfg(feature = "hydrate")]
thread_local! {
    /// The page's store, for [`go_live`], which the bootstrap script calls outside any island.
    static STORE: std::cell::Cell<Option<Store>> = const { std::cell::Cell::new(None) };
}

/// The classes of the page's root element, which no island holds: `live` once the page is
/// live (from then on the islands, not the CSS `:target` rules, show the panel's parts),
/// `reading` while the reader is open, `map-hidden` while the reader has hidden the map. They
/// follow the store, so they change in the same run of effects as everything the islands show.
#[cfg(feature = "hydrate")]
fn root_classes(store: Store) {
    let Some(root) = browser::document().document_element() else {
        return;
    };
    watch(move |_: Option<()>| {
        let live = store.live.get();
        browser::mark(&root, crate::dom::LIVE, live);
        browser::mark(
            &root,
            crate::dom::READING,
            matches!(store.shown(), Route::Read(..)),
        );
        browser::mark(&root, crate::dom::MAP_HIDDEN, store.map_hidden.get());
    });
}

/// The page's live region, which no island holds, and its one writer: it says what opened when
/// the route changes (moving from paragraph to paragraph in the reader is not news), and the
/// places of the paragraph story mode speaks. The router starts it once the route is the URL's,
/// so the page says the route it opened at, and nothing before.
fn status(store: Store) {
    use crate::words::{announcement, paragraph_announcement};
    // What the region said last: the route it has been told of, and the paragraph. (In a cell,
    // not as the effect's value: an effect of `()` costs the wasm nothing new.)
    let last = std::cell::Cell::new((None::<Route>, None::<ParagraphIndex>));
    watch(move |_: Option<()>| {
        let (route, spoken) = (store.route.get(), store.spoken.get());
        let (route_before, spoken_before) = last.replace((Some(route), spoken));
        if route_before != Some(route)
            && !matches!(
                (route_before, route),
                (Some(Route::Read(..)), Route::Read(..))
            )
        {
            browser::say(&announcement(route));
        }
        if let Some(i) = spoken.filter(|&i| spoken_before != Some(i)) {
            let words = paragraph_announcement(i);
            if !words.is_empty() {
                browser::say(&words);
            }
        }
    });
}

/// Called by the bootstrap script once every island has hydrated: the page goes live.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn go_live() {
    if let Some(store) = STORE.with(|s| s.get()) {
        store.live.set(true);
    }
}

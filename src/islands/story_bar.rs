//! Story mode's bar, pinned above the reader's text: where the reader is, stepping between
//! paragraphs that name places, following, and on phones the map's toggle. The island runs
//! story mode (`story_mode`), which its buttons drive, and shows what story mode writes to the
//! store.

use super::browser::truth;
use super::story_mode::Story;
use super::Store;
use crate::atlas::{contents, locate};
use crate::dom;
use crate::story::{next_place, previous_place, Following};
use crate::words;
use leptos::prelude::*;
use std::rc::Rc;

/// The story bar. It shows once the page is live and story mode runs: its buttons do nothing
/// without them.
#[island]
pub fn StoryBar() -> impl IntoView {
    let store = Store::get();
    // Story mode runs in the browser only, from the moment the bar hydrates.
    #[cfg(feature = "hydrate")]
    let story = super::story_mode::start(store);
    #[cfg(not(feature = "hydrate"))]
    let story: Option<Rc<Story>> = None;
    let running = story.is_some();
    #[cfg(feature = "hydrate")]
    if let Some(story) = story {
        buttons(story);
    }
    let at = move || store.paragraph.get();
    let following = move || store.following.get();
    let map_hidden = move || store.map_hidden.get();
    view! {
        <div id=dom::STORY_BAR class="story-bar" role="group" aria-label="Story" hidden=move || !(running && store.live.get())>
            <div class="story-buttons">
                <button type="button" id=dom::PREVIOUS_PLACE disabled=move || at().is_some_and(|i| previous_place(i).is_none())>
                    "Previous place"
                </button>
                <button type="button" id=dom::NEXT_PLACE disabled=move || at().is_some_and(|i| next_place(i).is_none())>
                    "Next place"
                </button>
                <button
                    type="button"
                    id=dom::FOLLOW
                    class="follow"
                    aria-pressed=move || truth(following() == Following::On)>
                    "Follow the text"
                </button>
                <button
                    type="button"
                    id=dom::MAP_TOGGLE
                    class="map-toggle"
                    aria-expanded=move || truth(!map_hidden())>
                    {move || if map_hidden() { "Show the map" } else { "Hide the map" }}
                </button>
            </div>
            // One line, whatever it holds: the bar keeps its height, so the text under it does
            // not move and the reading line stays put.
            <p class="progress">
                <span id=dom::FOLLOW_PAUSED class="paused" hidden=move || following() != Following::Paused>
                    "Paused while you move the map · "
                </span>
                // A no-break space before story mode marks a paragraph: a text node to hydrate.
                <span id=dom::PROGRESS>{move || at().map_or_else(|| "\u{a0}".to_owned(), progress)}</span>
            </p>
        </div>
    }
}

/// Where paragraph `i` is: its place in the reading and its article's title.
fn progress(i: crate::atlas::ParagraphIndex) -> String {
    let title = locate(i).map_or("", |(a, _)| contents(a).title);
    format!("{} · {title}", words::progress(i))
}

/// Story mode takes the bar's buttons' clicks: one listener on the bar, which finds the button
/// pressed. (Leptos' own `on:` handlers would cost the wasm some 8 KB of event machinery.)
#[cfg(feature = "hydrate")]
fn buttons(story: Rc<Story>) {
    use super::browser::{by_id, listen};
    use super::story_mode::StoryButton;
    let Some(bar) = by_id(dom::STORY_BAR) else {
        return;
    };
    listen(&bar, "click", move |ev: web_sys::Event| {
        let button = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .and_then(|el| el.closest("button").ok().flatten())
            .map(|b| b.id());
        let pressed = match button.as_deref() {
            Some(dom::PREVIOUS_PLACE) => StoryButton::Previous,
            Some(dom::NEXT_PLACE) => StoryButton::Next,
            Some(dom::FOLLOW) => StoryButton::Follow,
            Some(dom::MAP_TOGGLE) => StoryButton::Map,
            _ => return,
        };
        story.press(pressed);
    });
}

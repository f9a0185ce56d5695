//! The reader view: both articles in full, place names as buttons that open the place.

use super::byline;
use crate::atlas::{articles, contents, ParagraphIndex, Voice};
use crate::dom::{self, title_id};
use crate::route::Route;
use leptos::prelude::*;

/// Both articles. Each paragraph's id is its route's path, so `#/read/<article>/<n>` targets it.
#[component]
pub fn Reader() -> impl IntoView {
    view! {
            <crate::islands::StoryBar />
            <a class="close" href="#/">
                "Close the reader"
            </a>
            {articles()
                .map(|(ai, a)| {
                    let first = contents(ai).first;
                    let mut previous: Option<Voice> = None;
                    view! {
                        <article class=dom::ARTICLE aria-labelledby=title_id(a.id)>
                            <h2 id=title_id(a.id)>{a.title}</h2>
                            <p class="byline">
                                {byline(a)}
                                {a.title_given.then_some(" · untitled in the source; title given by the atlas")}
                            </p>
                            {a
                                .paragraphs
                                .iter()
                                .enumerate()
                                .map(|(i, p)| {
                                    let is_comment = matches!(p.voice, Voice::Comment(_));
                                    let heading = (is_comment && !matches!(previous, Some(Voice::Comment(_))))
                                        .then(|| view! { <h3>"Reader comments"</h3> });
                                    // The commenter is named where their words begin, not on every paragraph.
                                    let by = match p.voice {
                                        Voice::Comment(Some(by)) if previous != Some(p.voice) => {
                                            Some(view! { <p class="commenter">{by}</p> })
                                        }
                                        _ => None,
                                    };
                                    previous = Some(p.voice);
                                    view! {
                                        {heading}
                                        {by}
                                        <p
                                            id=Route::Read(ParagraphIndex(first.0 + i as u16)).to_path()
                                            class=dom::PARAGRAPH
                                            class:comment=is_comment
                                            tabindex="-1"
                                        >
                                            {p
                                                .pieces()
                                                .into_iter()
                                                .map(|(text, mention)| match mention {
                                                    Some(m) => {
                                                        view! {
                                                            <a
                                                                class="mention"
                                                                role="button"
                                                                href=Route::Place(m.place).to_hash()
                                                                title=m.why
                                                            >
                                                                {text}
                                                            </a>
                                                        }
                                                            .into_any()
                                                    }
                                                    None => text.into_any(),
                                                })
                                                .collect_view()}
                                        </p>
                                    }
                                })
                                .collect_view()}
                        </article>
                    }
                })
                .collect_view()}
    }
}

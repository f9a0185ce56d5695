//! The reader view: both articles in full, place names as buttons that open the place.

use super::READER_ID;
use crate::atlas::{place_index, Voice, ARTICLES, PLACES};
use crate::route::Route;
use leptos::prelude::*;

/// Both articles. Each paragraph's id is its route's path, so `#/read/<article>/<n>` targets it.
#[component]
pub fn Reader() -> impl IntoView {
    view! {
        <div class="reader" id=READER_ID>
            <a class="close" href="#/">
                "Close the reader"
            </a>
            {ARTICLES
                .iter()
                .enumerate()
                .map(|(ai, a)| {
                    let mut previous: Option<Voice> = None;
                    view! {
                        <article class="article" aria-labelledby=format!("title-{}", a.id)>
                            <h2 id=format!("title-{}", a.id)>{a.title}</h2>
                            <p class="byline">
                                {match (a.author, a.publication) {
                                    (Some(au), Some(pu)) => format!("By {au}, {pu}"),
                                    (Some(au), None) => format!("By {au}"),
                                    (None, Some(pu)) => pu.to_owned(),
                                    (None, None) => "Author unknown".to_owned(),
                                }}
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
                                            id=Route::Read(ai, i).to_path()
                                            class="paragraph"
                                            class:comment=is_comment
                                            tabindex="-1"
                                        >
                                            {p
                                                .pieces()
                                                .into_iter()
                                                .map(|(text, mention)| match mention.and_then(|m| PLACES.get(m.place)) {
                                                    Some(place) => {
                                                        view! {
                                                            <a
                                                                class="mention"
                                                                role="button"
                                                                href=Route::Place(place_index(place)).to_hash()
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
        </div>
    }
}

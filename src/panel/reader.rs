//! The reader view: both articles in full, place names as buttons that open the place.

use crate::atlas::{Article, Voice, ARTICLES, PLACES};
use crate::go;
use crate::route::Route;
use leptos::prelude::*;

/// The id of a paragraph's element, for scrolling to it.
fn anchor(article: &Article, index: usize) -> String {
    format!("p-{}-{}", article.id, index + 1)
}

/// Both articles, scrolled to `paragraph` of `article`, which takes focus.
#[component]
pub fn Reader(
    article: &'static Article,
    paragraph: usize,
    route: RwSignal<Route>,
) -> impl IntoView {
    let target = anchor(article, paragraph);
    // After the view is in the document, bring the paragraph into sight and give it focus so
    // keyboard and screen reader users start reading there.
    Effect::new(move |_| {
        let target = target.clone();
        request_animation_frame(move || {
            if let Some(el) = document().get_element_by_id(&target) {
                el.scroll_into_view();
                if let Ok(html) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                    let _ = html.focus();
                }
            }
        });
    });
    view! {
        <div class="reader">
            <button type="button" class="close" on:click=move |_| go(route, Route::Overview)>
                "Close the reader"
            </button>
            {ARTICLES
                .iter()
                .map(|a| {
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
                                            id=anchor(a, i)
                                            class="paragraph"
                                            class:comment=matches!(p.voice, Voice::Comment(_))
                                            tabindex="-1"
                                        >
                                            {p
                                                .pieces()
                                                .into_iter()
                                                .map(|(text, mention)| match mention.and_then(|m| PLACES.get(m.place)) {
                                                    Some(place) => {
                                                        view! {
                                                            <button
                                                                type="button"
                                                                class="mention"
                                                                on:click=move |_| go(route, Route::Place(place))
                                                            >
                                                                {text}
                                                            </button>
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

//! The side panel: the introduction, every place with its passages, and the reader view, all
//! in the page from build time. The URL hash picks the one shown: with no script, by the CSS
//! `:target` rules; in the live page, by `crate::live`.

mod reader;

use crate::atlas::{excerpts, place_index, places_downstream, Article, Paragraph, Place, Voice};
use crate::route::Route;
use leptos::prelude::*;

/// The id of the reader view's container.
pub const READER_ID: &str = "reader";

/// The id of a place's heading, which takes focus when the place opens.
pub fn heading_id(place_id: &str) -> String {
    format!("heading-{place_id}")
}

/// The panel.
#[component]
pub fn Panel() -> impl IntoView {
    view! {
        <aside class="panel" aria-label="Place details">
            // On narrow screens the panel is a bottom sheet: a peek, or most of the screen. The
            // live page shows this handle, which alone can raise it.
            <button type="button" id="sheet-toggle" class="sheet-toggle" aria-expanded="false" hidden>
                "Show more of the panel"
            </button>
            <Overview />
            {places_downstream()
                .into_iter()
                .map(|place| {
                    let index = place_index(place);
                    view! {
                        <section class="place-section" id=Route::Place(index).to_path()>
                            <PlaceDetails place=place />
                        </section>
                    }
                })
                .collect_view()}
            <reader::Reader />
        </aside>
    }
}

/// What the panel says before a place is chosen.
#[component]
fn Overview() -> impl IntoView {
    view! {
        <div class="overview" id="overview">
            <h2>"The Yalu border"</h2>
            <p>
                "The Yalu River divides China from North Korea for some 800 km. "
                "Choose the river or a town on the map to read what travellers wrote about it."
            </p>
        </div>
    }
}

/// "1 passage", "3 passages": how many passages, as the panel and the announcement say it.
pub fn passages(n: usize) -> String {
    if n == 1 {
        "1 passage".to_owned()
    } else {
        format!("{n} passages")
    }
}

/// The line above a place's passages; for none, the empty state says so.
pub fn passage_count(n: usize, name: &str) -> String {
    match n {
        0 => format!("No passage of the articles mentions {name}."),
        n => passages(n),
    }
}

/// How a passage is credited: the article, or the reader who commented on it.
pub fn credit(article: &Article, paragraph: &Paragraph) -> String {
    match paragraph.voice {
        Voice::Post => match article.author {
            Some(author) => format!("{} — {author}", article.title),
            None => article.title.to_owned(),
        },
        Voice::Comment(Some(by)) => format!("Reader comment by {by}, on {}", article.title),
        Voice::Comment(None) => format!("Reader comment on {}", article.title),
    }
}

/// A place: its names, where it is, and every passage that mentions it, each with a link to
/// read it in context.
#[component]
fn PlaceDetails(place: &'static Place) -> impl IntoView {
    let passages: Vec<_> = excerpts(place).collect();
    let count = passage_count(passages.len(), place.name);
    let me = place_index(place);
    view! {
        <h2 id=heading_id(place.id) tabindex="-1">
            {place.name}
            {place
                .native
                .iter()
                .map(|n| view! { " " <span class="native" lang=n.lang>{n.text}</span> })
                .collect_view()}
        </h2>
        <p class="summary">{place.summary}</p>
        <p class="count">{count}</p>
        <ol class="passages">
            {passages
                .into_iter()
                .map(|(article, index, paragraph)| {
                    let in_context = Route::Read(crate::atlas::article_index(article), index);
                    view! {
                        <li class="passage">
                            <blockquote>
                                {paragraph
                                    .pieces()
                                    .into_iter()
                                    .map(|(text, mention)| match mention {
                                        Some(m) if m.place == me => view! { <mark>{text}</mark> }.into_any(),
                                        _ => text.into_any(),
                                    })
                                    .collect_view()}
                            </blockquote>
                            <p class="credit">{credit(article, paragraph)}</p>
                            <a class="link" href=in_context.to_hash()>
                                "Read in context"
                            </a>
                        </li>
                    }
                })
                .collect_view()}
        </ol>
        <a class="close" href="#/">
            "Back to overview"
        </a>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::atlas::ARTICLES;

    #[test]
    fn the_count_line_has_an_empty_state() {
        assert_eq!(
            passage_count(0, "Sinuiju"),
            "No passage of the articles mentions Sinuiju."
        );
        assert_eq!(passage_count(1, "x"), "1 passage");
        assert_eq!(passage_count(9, "x"), "9 passages");
    }

    #[test]
    fn credits_name_the_article_author_or_commenter() {
        let post = &ARTICLES[0];
        assert_eq!(
            credit(post, &post.paragraphs[0]),
            "Northeast China’s road less traveled: Visiting the North Korean border near Ji’an — Ruth"
        );
        assert_eq!(
            credit(post, &post.paragraphs[22]),
            "Reader comment by robert, on Northeast China’s road less traveled: Visiting the North Korean border near Ji’an"
        );
        assert!(credit(post, &post.paragraphs[11]).starts_with("Reader comment on "));
        let hyesan = &ARTICLES[1];
        assert_eq!(credit(hyesan, &hyesan.paragraphs[0]), hyesan.title);
    }
}

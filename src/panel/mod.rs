//! The side panel's texts: the introduction, every place with its passages, and the reader
//! view, all rendered into the page at build time, as children of the panel's island
//! (`crate::islands::Panel`). The URL hash picks the one shown: with no script, by the CSS
//! `:target` rules; in the live page, by the island.

mod reader;

pub use reader::Reader;

use crate::atlas::{
    articles, excerpts, paragraph_of, pin, places_downstream, Article, ArticleIndex, Paragraph,
    PlaceIndex, Voice, PLACES,
};
use crate::dom::heading_id;
use crate::route::Route;
use crate::words::{passage_count, passages};
use leptos::prelude::*;

/// Longest teaser of a story in the overview, in characters.
const TEASER_CHARS: usize = 160;

/// What the panel says before a place is chosen: the stories, each with a way into it, then
/// the places with how many passages each.
#[component]
pub fn Overview() -> impl IntoView {
    view! {
            <h2>"The Yalu border"</h2>
            <p>
                "The Yalu River divides China from North Korea for some 800 km. "
                "Choose the river or a town on the map to read what travellers wrote about it, "
                "or read a story from the start: the map follows the text."
            </p>
            <h3>"Stories"</h3>
            <ul class="stories">
                {articles().map(|(index, a)| view! { <Story index=index article=a /> }).collect_view()}
            </ul>
            <h3>"Places"</h3>
            <ul class="place-counts">
                {places_downstream()
                    .map(|(i, p)| {
                        view! {
                            <li>
                                <a href=Route::Place(i).to_hash()>
                                    {format!("{} · {}", p.name, passages(pin(i).passages))}
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
    }
}

/// A story in the overview: title, credit, a teaser from its text, its length, the places it
/// names, and a link to read it from the first paragraph.
#[component]
fn Story(index: ArticleIndex, article: &'static Article) -> impl IntoView {
    let named: Vec<&str> = places_downstream()
        .filter(|&(i, _)| {
            article
                .paragraphs
                .iter()
                .any(|para| para.mentions.iter().any(|m| m.place == i))
        })
        .map(|(_, p)| p.name)
        .collect();
    let opening = article
        .paragraphs
        .iter()
        .find(|p| p.voice == Voice::Post)
        .map_or("", |p| p.text);
    view! {
        <li class="story">
            <p class="story-title">{article.title}</p>
            <p class="byline">{byline(article)}</p>
            <p class="teaser">{teaser(opening)}</p>
            <p class="story-facts">
                {format!("{} paragraphs · names {}", article.paragraphs.len(), named.join(", "))}
            </p>
            {paragraph_of(index, 0)
                .map(|first| {
                    view! {
                        <a class="link read" href=Route::Read(first).to_hash()>
                            "Read" <span class="visually-hidden">{format!(" {}", article.title)}</span>
                        </a>
                    }
                })}
        </li>
    }
}

/// Who wrote an article and where, as the reader and the overview credit it.
pub fn byline(article: &Article) -> String {
    match (article.author, article.publication) {
        (Some(au), Some(pu)) => format!("By {au}, {pu}"),
        (Some(au), None) => format!("By {au}"),
        (None, Some(pu)) => pu.to_owned(),
        (None, None) => "Author unknown".to_owned(),
    }
}

/// One line from the start of a text: its first sentence, cut at a word before
/// `TEASER_CHARS` characters (with an ellipsis) when longer; line breaks become spaces.
pub fn teaser(text: &str) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let sentence = flat
        .char_indices()
        .find(|&(i, c)| matches!(c, '.' | '!' | '?') && flat[i + c.len_utf8()..].starts_with(' '))
        .map_or(flat.as_str(), |(i, c)| &flat[..i + c.len_utf8()]);
    if sentence.chars().count() <= TEASER_CHARS {
        return sentence.to_owned();
    }
    let cut: String = sentence.chars().take(TEASER_CHARS).collect();
    let at_word = cut.rfind(' ').map_or(cut.as_str(), |i| &cut[..i]);
    format!("{}…", at_word.trim_end_matches([',', ';', ':']))
}

/// How a passage is credited: the article, or the reader who commented on it.
pub fn credit(article: &Article, paragraph: &Paragraph) -> String {
    yalu_model::credit(article.title, article.author, paragraph.voice)
}

/// A place: its names, where it is, and every passage that mentions it, each with a link to
/// read it in context.
#[component]
pub fn PlaceDetails(index: PlaceIndex) -> impl IntoView {
    let place = &PLACES[index.get()];
    let passages: Vec<_> = excerpts(index).collect();
    let count = passage_count(passages.len(), place.name);
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
                .map(|passage| {
                    let (article, paragraph) = (passage.article, passage.paragraph);
                    let in_context = Route::Read(passage.index);
                    // Why it is listed: the reason of each distinct mention of the place.
                    let mut why: Vec<&str> = Vec::new();
                    for m in paragraph.mentions.iter().filter(|m| m.place == index) {
                        if !why.contains(&m.why) {
                            why.push(m.why);
                        }
                    }
                    view! {
                        <li class="passage">
                            <blockquote>
                                {paragraph
                                    .pieces()
                                    .into_iter()
                                    .map(|(text, mention)| match mention {
                                        Some(m) if m.place == index => view! { <mark>{text}</mark> }.into_any(),
                                        _ => text.into_any(),
                                    })
                                    .collect_view()}
                            </blockquote>
                            <p class="credit">{credit(article, paragraph)}</p>
                            <a class="link" href=in_context.to_hash()>
                                "Read in context"
                            </a>
                            // Closed by default, so it does not crowd the passage.
                            <details class="why">
                                <summary>"Why this passage"</summary>
                                {why.into_iter().map(|w| view! { <p>{w}</p> }).collect_view()}
                            </details>
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
    fn a_teaser_is_the_first_sentence_cut_at_a_word() {
        assert_eq!(teaser("Short one. Then more."), "Short one.");
        assert_eq!(teaser("Line\nbreak here! Next"), "Line break here!");
        assert_eq!(teaser("No full stop at all"), "No full stop at all");
        assert_eq!(teaser("Mr.Smith went home. Then"), "Mr.Smith went home.");
        let long = "word ".repeat(60);
        let t = teaser(&long);
        assert!(
            t.ends_with("word…") && t.chars().count() <= TEASER_CHARS + 1,
            "{t}"
        );
        for a in &ARTICLES {
            let t = teaser(a.paragraphs[0].text);
            assert!(
                !t.is_empty() && t.chars().count() <= TEASER_CHARS + 1,
                "{t}"
            );
        }
    }

    #[test]
    fn credits_name_the_article_author_or_commenter() {
        let by_id = |id: &str| ARTICLES.iter().find(|a| a.id == id).unwrap();
        let post = by_id("jian-border");
        assert_eq!(
            credit(post, &post.paragraphs[0]),
            "Northeast China’s road less traveled: Visiting the North Korean border near Ji’an — Ruth"
        );
        assert_eq!(
            credit(post, &post.paragraphs[22]),
            "Reader comment by robert, on Northeast China’s road less traveled: Visiting the North Korean border near Ji’an"
        );
        assert!(credit(post, &post.paragraphs[11]).starts_with("Reader comment on "));
        let hyesan = by_id("hyesan-frontier");
        assert_eq!(credit(hyesan, &hyesan.paragraphs[0]), hyesan.title);
    }
}

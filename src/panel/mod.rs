//! The side panel: the introduction, a chosen place with its passages, or the reader view.

mod reader;

use crate::atlas::{excerpts, place_index, Article, Paragraph, Place, Voice};
use crate::route::Route;
use crate::{focus_later, go};
use leptos::prelude::*;

/// The panel for the current route.
#[component]
pub fn Panel(route: RwSignal<Route>, prerendered: bool) -> impl IntoView {
    // Focus follows the reader: into the panel when a place opens, back to its marker when the
    // panel closes. At load it stays where the browser put it.
    let shown = StoredValue::new(route.get_untracked());
    Effect::new(move |ran: Option<()>| {
        let now = route.get();
        let before = shown.get_value();
        shown.set_value(now);
        if ran.is_none() || now == before {
            return;
        }
        match (now, before) {
            (Route::Place(_), _) => focus_later("panel-heading".to_owned()),
            (Route::Overview, Route::Place(p)) => focus_later(format!("marker-{}", p.id)),
            _ => {}
        }
    });
    // On narrow screens the panel is a bottom sheet: a peek, or most of the screen.
    let expanded = RwSignal::new(false);
    let drag_from = StoredValue::new(None::<i32>);
    let dragged = StoredValue::new(false);
    view! {
        <aside
            class="panel"
            class:reading=move || matches!(route.get(), Route::Read(..))
            class:expanded=move || expanded.get()
            aria-label="Place details"
        >
            <button
                type="button"
                class="sheet-toggle"
                aria-expanded=move || if expanded.get() { "true" } else { "false" }
                on:pointerdown=move |ev| {
                    drag_from.set_value(Some(ev.client_y()));
                    dragged.set_value(false);
                }
                on:pointerup=move |ev| {
                    // A flick up opens the sheet, a flick down lowers it; a tap toggles it.
                    if let Some(from) = drag_from.get_value() {
                        let dy = ev.client_y() - from;
                        if dy.abs() > 24 {
                            expanded.set(dy < 0);
                            dragged.set_value(true);
                        }
                    }
                    drag_from.set_value(None);
                }
                on:click=move |_| {
                    if !dragged.get_value() {
                        expanded.update(|e| *e = !*e);
                    }
                    dragged.set_value(false);
                }
            >
                {move || if expanded.get() { "Show less of the panel" } else { "Show more of the panel" }}
            </button>
            {move || match route.get() {
                Route::Overview => view! { <Overview /> }.into_any(),
                Route::Place(place) => {
                    view! { <PlaceDetails place=place route=route heading="panel-heading".to_owned() live=true /> }
                        .into_any()
                }
                Route::Read(article, paragraph) => {
                    view! { <reader::Reader article=article paragraph=paragraph route=route /> }.into_any()
                }
            }}
            {prerendered
                .then(|| {
                    crate::atlas::places_downstream()
                        .into_iter()
                        .map(|place| {
                            view! {
                                <section class="static-place" id=Route::Place(place).to_hash().trim_start_matches('#').to_owned()>
                                    <PlaceDetails place=place route=route heading=format!("heading-{}", place.id) live=false />
                                </section>
                            }
                        })
                        .collect_view()
                })}
        </aside>
    }
}

/// What the panel says before a place is chosen.
#[component]
fn Overview() -> impl IntoView {
    view! {
        <div class="overview">
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

/// A chosen place: its names, where it is, and every passage that mentions it. `live` is false
/// for the pre-rendered copies, which work by links alone (no reader view, no buttons).
#[component]
fn PlaceDetails(
    place: &'static Place,
    route: RwSignal<Route>,
    heading: String,
    live: bool,
) -> impl IntoView {
    let passages: Vec<_> = excerpts(place).collect();
    let count = passage_count(passages.len(), place.name);
    let me = place_index(place);
    view! {
        <h2 id=heading tabindex="-1">
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
                            {live
                                .then(|| {
                                    view! {
                                        <button
                                            type="button"
                                            class="link"
                                            on:click=move |_| go(route, Route::Read(article, index))
                                        >
                                            "Read in context"
                                        </button>
                                    }
                                })}
                        </li>
                    }
                })
                .collect_view()}
        </ol>
        {if live {
            view! {
                <button type="button" class="close" on:click=move |_| go(route, Route::Overview)>
                    "Back to overview"
                </button>
            }
                .into_any()
        } else {
            view! { <a class="close" href="#/">"Back to overview"</a> }.into_any()
        }}
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

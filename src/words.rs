//! What the page says in words that both the pre-rendered panel and the live region use: counts
//! of passages and paragraphs, and the announcements. One home, so the panel and the router do
//! not import each other for a sentence.

use crate::atlas::{contents, locate, paragraph_places, pin, ParagraphIndex};
use crate::route::Route;

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

/// "Paragraph 7 of 31": where paragraph `i` stands in its article (empty for none).
pub fn progress(i: ParagraphIndex) -> String {
    match locate(i) {
        Some((a, n)) => format!("Paragraph {} of {}", n + 1, contents(a).paragraphs),
        None => String::new(),
    }
}

/// The names of the places paragraph `i` names, joined for a sentence: "Manpo and Ji'an";
/// empty when it names none.
pub fn places_named(i: ParagraphIndex) -> String {
    let names: Vec<&str> = paragraph_places(i).indices().map(|p| pin(p).name).collect();
    match names.as_slice() {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// What a screen reader is told of a paragraph the reader rests on or steps to: its position
/// and the places it names; nothing for a paragraph that names none.
pub fn paragraph_announcement(i: ParagraphIndex) -> String {
    match places_named(i) {
        names if names.is_empty() => String::new(),
        names => format!("{}: {names}", progress(i)),
    }
}

/// What a screen reader is told when the page comes to `route`.
pub fn announcement(route: Route) -> String {
    match route {
        Route::Overview => String::new(),
        Route::Place(p) => {
            let pin = pin(p);
            format!("{}, {}: {}", pin.name, pin.country, passages(pin.passages))
        }
        Route::Read(i) => match locate(i) {
            Some((a, n)) => format!("Reader: {}, paragraph {}", contents(a).title, n + 1),
            None => String::new(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn announcements_name_the_place_and_its_passages() {
        assert_eq!(
            announcement(Route::parse("#/place/manpo")),
            "Manpo, North Korea: 3 passages"
        );
        assert_eq!(
            announcement(Route::parse("#/place/jian")),
            "Ji'an, China: 2 passages"
        );
        assert!(announcement(Route::parse("#/read/hyesan-frontier/2")).ends_with(", paragraph 2"));
        assert_eq!(announcement(Route::Overview), "");
    }

    #[test]
    fn a_paragraph_is_announced_by_its_places_only_when_it_names_some() {
        use crate::atlas::{article_index, paragraph_count, paragraph_of, place_index};
        let manpo = place_index("manpo").unwrap();
        let every = || (0..paragraph_count() as u16).map(ParagraphIndex);
        let i = every()
            .find(|&i| paragraph_places(i).has(manpo))
            .expect("a paragraph names Manpo");
        let (_, n) = locate(i).unwrap();
        let said = paragraph_announcement(i);
        assert!(
            said.starts_with(&format!("Paragraph {} of ", n + 1)),
            "{said}"
        );
        assert!(said.contains("Manpo"), "{said}");
        let quiet = every()
            .find(|&i| paragraph_places(i).is_empty())
            .expect("a paragraph names no place");
        assert_eq!(paragraph_announcement(quiet), "");
        let hyesan = article_index("hyesan-frontier").unwrap();
        assert_eq!(
            progress(paragraph_of(hyesan, 6).unwrap()),
            format!("Paragraph 7 of {}", contents(hyesan).paragraphs)
        );
        assert_eq!(progress(ParagraphIndex(paragraph_count() as u16)), "");
    }
}

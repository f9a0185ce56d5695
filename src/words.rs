//! What the page says in words that both the pre-rendered panel and the live region use: counts
//! of passages and paragraphs, and the announcements. One home, so the panel and the router do
//! not import each other for a sentence.

use crate::atlas::{paragraph_places, CONTENTS, PINS};
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

/// "Paragraph 7 of 31": where the reader is in article `a`, paragraph `p` (0-based).
pub fn progress(a: usize, p: usize) -> String {
    let total = CONTENTS.get(a).map_or(0, |c| c.paragraphs);
    format!("Paragraph {} of {total}", p + 1)
}

/// The names of the places paragraph `p` of article `a` names, joined for a sentence:
/// "Manpo and Ji'an"; empty when it names none.
pub fn places_named(a: usize, p: usize) -> String {
    let names: Vec<&str> = paragraph_places(a, p)
        .indices()
        .filter_map(|i| PINS.get(i).map(|pin| pin.name))
        .collect();
    match names.as_slice() {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// What a screen reader is told of a paragraph the reader rests on or steps to: its position
/// and the places it names; nothing for a paragraph that names none.
pub fn paragraph_announcement(a: usize, p: usize) -> String {
    match places_named(a, p) {
        names if names.is_empty() => String::new(),
        names => format!("{}: {names}", progress(a, p)),
    }
}

/// What a screen reader is told when the page comes to `route`.
pub fn announcement(route: Route) -> String {
    match route {
        Route::Overview => String::new(),
        Route::Place(p) => {
            let pin = &PINS[p];
            format!("{}, {}: {}", pin.name, pin.country, passages(pin.passages))
        }
        Route::Read(a, p) => format!("Reader: {}, paragraph {}", CONTENTS[a].title, p + 1),
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
        let manpo = PINS.iter().position(|p| p.id == "manpo").unwrap();
        let (a, p) = (0..CONTENTS.len())
            .flat_map(|a| (0..CONTENTS[a].paragraphs).map(move |p| (a, p)))
            .find(|&(a, p)| paragraph_places(a, p).has(manpo))
            .expect("a paragraph names Manpo");
        let said = paragraph_announcement(a, p);
        assert!(
            said.starts_with(&format!("Paragraph {} of ", p + 1)),
            "{said}"
        );
        assert!(said.contains("Manpo"), "{said}");
        let quiet = (0..CONTENTS[0].paragraphs)
            .find(|&p| paragraph_places(0, p).is_empty())
            .expect("a paragraph names no place");
        assert_eq!(paragraph_announcement(0, quiet), "");
        assert_eq!(
            progress(1, 6),
            format!("Paragraph 7 of {}", CONTENTS[1].paragraphs)
        );
    }
}

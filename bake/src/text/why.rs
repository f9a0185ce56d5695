//! Why a passage is listed under a place, in words for readers: which words were read as the
//! place, and by which rule of spelling (the rules of `names::family`) or of context (those of
//! `context`). The page shows it under each passage, and as the description of the reader's
//! place buttons.

use super::gazetteer::{is_han, is_hangul};

/// The reason a mention was read as the place: `said` is the words as written, `name` the
/// place's name, `rule` the spelling rule that made `said` one of the place's spellings, and
/// `context` what the words around it said, for a spelling that can be something else.
pub fn reason(said: &str, name: &str, rule: &str, context: Option<&str>) -> String {
    let said = said.replace('\n', " ");
    let script = if said.chars().any(is_hangul) {
        "Korean script"
    } else if said.chars().any(is_han) {
        "Chinese characters"
    } else {
        "its own script"
    };
    let how = match rule {
        "name" => "the place's name".to_owned(),
        "alias" => format!("another name of {name}"),
        "name without its suffix" => format!("{name}, without the word for its kind"),
        "Revised Romanization" => {
            format!("{name} in the Revised Romanization of Korean, South Korea's spelling")
        }
        "\"ph\" for aspirated p" => {
            format!("a McCune–Reischauer spelling of {name}, with “ph” for the aspirated p")
        }
        "r/y alternation at the start" => {
            format!("{name} with Y for its first R, as South Korea writes it")
        }
        "voiced consonant inside the name" => {
            format!("{name} with a voiced consonant, as it is spoken")
        }
        "Wade–Giles" | "Wade–Giles, syllables joined" => {
            format!("{name} in Wade–Giles, an older romanization of Chinese")
        }
        "apostrophe dropped" => format!("{name} without the apostrophe"),
        "\"Mount\" before" | "\"Mt.\" before" => format!("{name}, with “Mount” before it"),
        "Korean suffix" => format!("{name}, with the Korean word for its kind"),
        "Chinese suffix" => format!("{name}, with the Chinese word for its kind"),
        "English suffix" => format!("{name}, with the English word for its kind"),
        "native script" => format!("{name} in {script}"),
        "native script without its suffix" => {
            format!("{name} in {script}, without the character for its kind")
        }
        "native suffix" => format!("{name} in {script}, with the character for its kind"),
        "direction inside a Korean province's name" => {
            format!("{name}, with “north” inside the name, as Korean writes it")
        }
        "a pair of provinces sharing the name" => {
            format!("{name} and its neighbour, named together")
        }
        "editor's note" => format!("marked as {name} in the article's notes"),
        "shared name" => name.to_owned(),
        other => format!("{name} ({other})"),
    };
    match context {
        Some(context) => format!("“{said}”: {how}. {context}"),
        None => format!("“{said}”: {how}."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reason_names_the_words_and_the_rule_in_plain_words() {
        assert_eq!(
            reason("Manpho", "Manpo", "\"ph\" for aspirated p", None),
            "“Manpho”: a McCune–Reischauer spelling of Manpo, with “ph” for the aspirated p."
        );
        assert_eq!(
            reason("Jagang", "Chagang", "Revised Romanization", None),
            "“Jagang”: Chagang in the Revised Romanization of Korean, South Korea's spelling."
        );
        assert_eq!(
            reason("만포", "Manpo", "native script", None),
            "“만포”: Manpo in Korean script."
        );
        assert_eq!(
            reason("集安", "Ji'an", "native script", None),
            "“集安”: Ji'an in Chinese characters."
        );
        assert_eq!(
            reason("Jian", "Ji'an", "apostrophe dropped", Some("It is also a given name; here “in” comes before it.")),
            "“Jian”: Ji'an without the apostrophe. It is also a given name; here “in” comes before it."
        );
        // A line break in the words reads as a space.
        assert_eq!(
            reason("Yalu\nRiver", "Yalu River", "name", None),
            "“Yalu River”: the place's name."
        );
    }
}

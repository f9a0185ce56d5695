//! Whether a name found is the place: closed rules on the words next to it and on the
//! document as a whole, never fuzzy matching. In the way of geoparsers (CLAVIN and CLIFF prefer
//! readings that share a country and province with the document's other places; Mordecai fixes
//! the document's country first), a spelling that may name something else is taken only when
//! the document is about the border (or holds the words its entry needs), and no word next to
//! it marks a person or another place of the same name. What is left out is kept, with the
//! reason, for the author's report.

use super::gazetteer::{candidates, holds, occurrences, Candidate, Entry, Gazetteer};
use super::names::{fold, FoldedText};

/// Words that make a document one about the Yalu border, besides a sure mention of a border
/// place (folded, whole words).
pub const BORDER_WORDS: [&str; 12] = [
    "north korea",
    "north korean",
    "north koreans",
    "dprk",
    "goguryeo",
    "koguryo",
    "koguryŏ",
    "tonghua",
    "manchuria",
    "manchurian",
    "manchukuo",
    "sino-korean border",
];

/// Chinese (and a few Korean) family names: before a capitalised name, they make it a person.
pub const FAMILY_NAMES: [&str; 60] = [
    "zhang", "wang", "li", "liu", "chen", "yang", "zhao", "huang", "zhou", "wu", "xu", "sun", "hu",
    "zhu", "gao", "lin", "he", "guo", "ma", "luo", "liang", "song", "zheng", "xie", "han", "tang",
    "feng", "yu", "dong", "xiao", "cheng", "cao", "yuan", "deng", "fu", "shen", "zeng", "peng",
    "lu", "su", "jiang", "cai", "jia", "ding", "wei", "xue", "ye", "yan", "pan", "du", "dai",
    "xia", "zhong", "tian", "ren", "fan", "kim", "park", "pak", "choe",
];

/// Titles and roles that, right before a name, make it a person.
pub const TITLES: [&str; 12] = [
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "professor",
    "madam",
    "comrade",
    "uncle",
    "aunt",
    "teacher",
];

/// Words that, right after a name, make it a person speaking.
pub const SPEECH_VERBS: [&str; 9] = [
    "said",
    "says",
    "told",
    "added",
    "explained",
    "wrote",
    "asked",
    "recalled",
    "laughed",
];

/// Words that may stand between a name and the word that marks another place of the name:
/// "Ji'an, Jiangxi", "Ji'an in Jiangxi", "Jiangxi province's Ji'an".
const CONNECTORS: [&str; 12] = [
    ",", "(", ")", "'", "s", "in", "of", "province", "-", "near", "north", "south",
];

/// Words before a name that make it a place where one is: a speech verb after it then is the
/// place's people speaking ("a seller in Jian told us").
const LOCATIVES: [&str; 8] = ["in", "at", "from", "to", "near", "via", "towards", "across"];

/// A word or a single sign of a folded text, with its folded character range.
#[derive(Clone, Debug)]
struct Token {
    text: String,
    start: usize,
    end: usize,
}

/// The words and signs of a folded text; spaces are dropped.
fn tokens(f: &FoldedText) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::new();
    let mut i = 0;
    while i < f.chars.len() {
        let c = f.chars[i];
        if c == ' ' {
            i += 1;
            continue;
        }
        let start = i;
        if c.is_alphanumeric() {
            while i < f.chars.len()
                && f.chars[i].is_alphanumeric()
                && (i == start || !f.joins.contains(&i))
            {
                i += 1;
            }
        } else {
            i += 1;
        }
        out.push(Token {
            text: f.chars[start..i].iter().collect(),
            start,
            end: i,
        });
    }
    out
}

/// What the document as a whole says about a name's reading.
#[derive(Clone, Debug)]
pub struct DocContext {
    /// The word or place that makes the document one about the border, if any.
    pub border: Option<String>,
    /// The whole document folded, for the words an ambiguous spelling needs.
    text: FoldedText,
}

impl DocContext {
    /// The context of a document made of `paragraphs`.
    pub fn of(paragraphs: &[&str], gazetteer: &Gazetteer) -> DocContext {
        let joined = paragraphs.join("\n\n");
        let text = FoldedText::new(&joined);
        let mut border = BORDER_WORDS
            .iter()
            .find(|w| holds(&text, &fold(w)))
            .map(|w| format!("\"{w}\""));
        if border.is_none() {
            border = candidates(&text, gazetteer).into_iter().find_map(|c| {
                let entry = &gazetteer.entries[c.entry];
                let spelling = &entry.variants[c.variant].spelling;
                (entry.border && entry.ambiguity(spelling).is_none()).then(|| {
                    format!(
                        "\"{}\"",
                        &joined[byte_range(&text, &c).0..byte_range(&text, &c).1]
                    )
                })
            });
        }
        DocContext { border, text }
    }

    /// Whether the document holds one of `words` (folded) as whole words.
    fn holds_any<'w>(&self, words: &'w [String]) -> Option<&'w str> {
        words
            .iter()
            .find(|w| holds(&self.text, w))
            .map(String::as_str)
    }
}

fn byte_range(text: &FoldedText, c: &Candidate) -> (usize, usize) {
    text.byte_range(c.start, c.end)
}

/// How a name found was read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// The place.
    Place,
    /// Left out; `certain` when a rule says it is something else, not merely unsupported.
    LeftOut {
        /// Why, in words for the author.
        reason: String,
        /// Whether a rule identified it as something else.
        certain: bool,
    },
}

/// Whether the first letter of folded position `i`'s source character is upper case.
fn capitalised(source: &str, f: &FoldedText, i: usize) -> bool {
    source[f.bytes[i].0..]
        .chars()
        .next()
        .is_some_and(char::is_uppercase)
}

/// Judges one candidate of paragraph `source` (folded as `f`, tokens `toks`).
fn judge(
    source: &str,
    f: &FoldedText,
    toks: &[Token],
    c: &Candidate,
    entry: &Entry,
    doc: &DocContext,
) -> Verdict {
    let said = &source[f.byte_range(c.start, c.end).0..f.byte_range(c.start, c.end).1];
    for phrase in &entry.not_in {
        if occurrences(f, phrase)
            .iter()
            .any(|&(s, e)| c.start >= s && c.end <= e)
        {
            return Verdict::LeftOut {
                reason: format!("another place: inside \"{phrase}\""),
                certain: true,
            };
        }
    }
    let first_after = toks.iter().position(|t| t.start >= c.end);
    let last_before = toks.iter().rposition(|t| t.end <= c.start);
    // The nearest word on each side past connectors, within four tokens.
    let is_word = |t: &&Token| !CONNECTORS.contains(&t.text.as_str());
    let next_word = first_after.and_then(|i| toks[i..].iter().take(4).find(is_word));
    let prev_word = last_before.and_then(|i| toks[..=i].iter().rev().take(4).find(is_word));
    for t in next_word.into_iter().chain(prev_word) {
        if entry.elsewhere.contains(&t.text) {
            return Verdict::LeftOut {
                reason: format!("another place of the name: next to \"{}\"", t.text),
                certain: true,
            };
        }
    }
    let Some(ambiguous) = entry.ambiguity(&entry.variants[c.variant].spelling) else {
        return Verdict::Place;
    };
    // A person: family name or title right before, family name or speech verb right after.
    let prev = last_before.map(|i| &toks[i]);
    let prev = match prev {
        Some(t) if t.text == "." => last_before.and_then(|i| i.checked_sub(1)).map(|i| &toks[i]),
        other => other,
    };
    if let Some(t) = prev {
        if (FAMILY_NAMES.contains(&t.text.as_str()) && capitalised(source, f, t.start))
            || TITLES.contains(&t.text.as_str())
        {
            return Verdict::LeftOut {
                reason: format!(
                    "a person: \"{said}\" after \"{}\"",
                    &source[f.byte_range(t.start, t.end).0..f.byte_range(t.start, t.end).1]
                ),
                certain: true,
            };
        }
    }
    let after_locative = prev.is_some_and(|t| LOCATIVES.contains(&t.text.as_str()));
    if let Some(t) = first_after.map(|i| &toks[i]).filter(|_| !after_locative) {
        if (FAMILY_NAMES.contains(&t.text.as_str()) && capitalised(source, f, t.start))
            || SPEECH_VERBS.contains(&t.text.as_str())
        {
            return Verdict::LeftOut {
                reason: format!("a person: \"{said}\" before \"{}\"", t.text),
                certain: true,
            };
        }
    }
    if ambiguous.needs.is_empty() {
        if doc.border.is_none() {
            return Verdict::LeftOut {
                reason: format!(
                    "\"{said}\" is also {}, and the text says nothing of the Yalu border",
                    ambiguous.also
                ),
                certain: false,
            };
        }
    } else if doc.holds_any(&ambiguous.needs).is_none() {
        return Verdict::LeftOut {
            reason: format!(
                "\"{said}\" is also {}, and the text names none of: {}",
                ambiguous.also,
                ambiguous.needs.join(", ")
            ),
            certain: false,
        };
    }
    Verdict::Place
}

/// A place mention: byte range in the paragraph text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mention {
    /// Index of the place in the places file.
    pub place: usize,
    /// First byte of the mention.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
}

/// A name found but not taken as the place, with the reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LeftOut {
    /// The place the name would be.
    pub place: usize,
    /// First byte in the paragraph.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
    /// Why it was left out.
    pub reason: String,
    /// Whether a rule identified it as something else (else: unsupported, uncertain).
    pub certain: bool,
}

/// The places of one paragraph.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ParagraphPlaces {
    /// The mentions, in text order, never overlapping.
    pub mentions: Vec<Mention>,
    /// Names found and left out.
    pub left_out: Vec<LeftOut>,
}

/// The places in each paragraph of a document, judged against the whole document.
pub fn places_in(paragraphs: &[&str], gazetteer: &Gazetteer) -> Vec<ParagraphPlaces> {
    let doc = DocContext::of(paragraphs, gazetteer);
    paragraphs
        .iter()
        .map(|text| places_with(text, gazetteer, &doc))
        .collect()
}

/// The places in one paragraph, in a document of context `doc`.
pub fn places_with(text: &str, gazetteer: &Gazetteer, doc: &DocContext) -> ParagraphPlaces {
    let f = FoldedText::new(text);
    let toks = tokens(&f);
    let mut out = ParagraphPlaces::default();
    for c in candidates(&f, gazetteer) {
        let entry = &gazetteer.entries[c.entry];
        let (start, end) = f.byte_range(c.start, c.end);
        match judge(text, &f, &toks, &c, entry, doc) {
            Verdict::Place => out.mentions.push(Mention {
                place: entry.place,
                start,
                end,
            }),
            Verdict::LeftOut { reason, certain } => out.left_out.push(LeftOut {
                place: entry.place,
                start,
                end,
                reason,
                certain,
            }),
        }
    }
    out
}

/// The mentions in `text` read as a document of its own.
pub fn mentions(text: &str, gazetteer: &Gazetteer) -> Vec<Mention> {
    places_in(&[text], gazetteer).remove(0).mentions
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::places::PlaceKind;
    use crate::text::gazetteer::Ambiguous;
    use crate::text::names::{family, NameSource, Romanization};

    /// Ji'an (ambiguous "Jian", another Ji'an in Jiangxi), the Yalu, and Andong for Dandong
    /// (needing the Yalu or Manchuria).
    fn gazetteer() -> Gazetteer {
        let entry = |place: usize, name: &str, aliases: &[&str], kind, r| Entry {
            place,
            variants: family(&NameSource {
                name,
                aliases: &aliases.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
                native: &[],
                kind,
                romanization: r,
            }),
            not_in: vec![fold("Ji'an, Jiangxi")],
            ambiguous: Vec::new(),
            elsewhere: Vec::new(),
            border: true,
        };
        let mut jian = entry(0, "Ji'an", &[], PlaceKind::City, Romanization::Chinese);
        jian.ambiguous.push(Ambiguous {
            spelling: "jian".into(),
            also: "a Chinese given name".into(),
            needs: Vec::new(),
        });
        jian.elsewhere.push("jiangxi".into());
        let yalu = entry(
            1,
            "Yalu River",
            &["Yalu"],
            PlaceKind::River,
            Romanization::Both,
        );
        let mut dandong = entry(
            2,
            "Dandong",
            &["Andong"],
            PlaceKind::City,
            Romanization::Chinese,
        );
        dandong.ambiguous.push(Ambiguous {
            spelling: "andong".into(),
            also: "a city of South Korea".into(),
            needs: vec!["yalu".into(), "manchuria".into()],
        });
        Gazetteer::new(vec![jian, yalu, dandong])
    }

    fn found(paragraphs: &[&str]) -> Vec<Vec<(usize, String)>> {
        places_in(paragraphs, &gazetteer())
            .into_iter()
            .zip(paragraphs)
            .map(|(p, text)| {
                p.mentions
                    .iter()
                    .map(|m| (m.place, text[m.start..m.end].to_owned()))
                    .collect()
            })
            .collect()
    }

    #[test]
    fn a_family_name_or_title_before_a_name_makes_it_a_person() {
        let doc = [
            "On the Yalu.",
            "The manager, Zhang Jian, said so.",
            "Mr. Jian left.",
        ];
        assert_eq!(found(&doc)[1], []);
        assert_eq!(found(&doc)[2], []);
        // Negative: without one, in a text about the border, Jian is the town.
        assert_eq!(
            found(&["On the Yalu.", "We lived in Jian."])[1],
            [(0, "Jian".into())]
        );
        // Negative: a family name in lower case is a word ("he Jian" is not a name).
        let left = places_in(&["On the Yalu.", "Then he Jian…"], &gazetteer());
        assert!(left[1].left_out.is_empty());
    }

    #[test]
    fn a_speech_verb_after_a_name_makes_it_a_person_unless_it_follows_in() {
        let doc = [
            "Yalu.",
            "Jian said it was late.",
            "A seller in Jian told us.",
        ];
        let f = found(&doc);
        assert_eq!(f[1], []);
        assert_eq!(f[2], [(0, "Jian".into())]);
    }

    #[test]
    fn a_word_next_to_a_name_can_mark_another_place_of_the_name() {
        let doc = [
            "Yalu.",
            "Ji'an in Jiangxi is far away.",
            "Jiangxi province's Ji'an too.",
        ];
        let f = found(&doc);
        assert_eq!(f[1], []);
        assert_eq!(f[2], []);
        // Negative: the word further away does not count.
        assert_eq!(
            found(&["Jiangxi is far, but Ji'an is near."])[0],
            [(0, "Ji'an".into())]
        );
    }

    #[test]
    fn an_ambiguous_spelling_needs_the_document_s_context() {
        // No border context: Jian is left out as uncertain, with the reason.
        let p = places_in(&["We met Jian for lunch."], &gazetteer());
        assert!(p[0].mentions.is_empty());
        assert!(!p[0].left_out[0].certain);
        assert!(p[0].left_out[0].reason.contains("a Chinese given name"));
        // The Yalu anywhere in the document supports it, in any paragraph.
        assert_eq!(
            found(&["We met Jian for lunch.", "Then to the Yalu."])[0],
            [(0, "Jian".into())]
        );
        // Ji'an with its apostrophe is never in doubt.
        assert_eq!(found(&["We met in Ji'an."])[0], [(0, "Ji'an".into())]);
    }

    #[test]
    fn andong_is_dandong_only_in_a_text_about_the_yalu_or_manchuria() {
        assert_eq!(found(&["Andong is famous for masks."])[0], []);
        assert_eq!(
            found(&["Andong, the old name, in Manchuria."])[0],
            [(2, "Andong".into())]
        );
        // North Korea alone makes a border text, but Andong asks for the Yalu or Manchuria.
        assert_eq!(found(&["North Korea is near Andong."])[0], []);
    }
}

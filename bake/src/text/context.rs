//! Whether a name found is the place: closed rules on the words next to it and on the
//! document as a whole, never fuzzy matching. In the way of geoparsers (CLAVIN and CLIFF prefer
//! readings that share a country and province with the document's other places; Mordecai fixes
//! the document's country first), a spelling that may name something else is taken only when
//! the document is about the border (or holds the words its entry needs), and no word next to
//! it marks a person or another place of the same name. What is left out is kept, with the
//! reason, for the author's report.

use super::gazetteer::{candidates, holds, occurrences, Candidate, Entry, Gazetteer};
use super::names::{fold, FoldedText};
use super::why::reason;
use crate::places::PlaceKind;

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

/// Words that, right after a spelling that may be a given name, make it a person: what people
/// do and say.
pub const SPEECH_VERBS: [&str; 32] = [
    "said",
    "says",
    "told",
    "tells",
    "added",
    "explained",
    "wrote",
    "asked",
    "recalled",
    "laughed",
    "laughs",
    "smiled",
    "smiles",
    "nodded",
    "pointed",
    "shrugged",
    "grinned",
    "remembers",
    "remembered",
    "drew",
    "met",
    "insisted",
    "joined",
    "reckoned",
    "turned",
    "replied",
    "answered",
    "agreed",
    "promised",
    "admitted",
    "joked",
    "sighed",
];

/// Roles and kin that, right before a name (a comma between or not), make it a person: "our
/// guide Jian", "the owner, Jian", "her brother Andong".
pub const ROLES: [&str; 29] = [
    "guide",
    "driver",
    "owner",
    "brother",
    "sister",
    "nephew",
    "niece",
    "son",
    "daughter",
    "husband",
    "wife",
    "friend",
    "partner",
    "colleague",
    "cousin",
    "mother",
    "father",
    "boss",
    "neighbour",
    "neighbor",
    "interpreter",
    "translator",
    "classmate",
    "grandmother",
    "grandfather",
    "grandson",
    "granddaughter",
    "chef",
    "waitress",
];

/// Words for people that mark a name as a person in "a driver named Jian" (before "named" or
/// "called") and in "Jian, a young man" (after a comma and an article).
pub const PEOPLE: [&str; 13] = [
    "man", "woman", "boy", "girl", "young", "retired", "student", "farmer", "trader", "teacher",
    "guide", "driver", "chef",
];

/// Words that, right after a name, make it a product or a business named after the place, not
/// the place: "Yalu River beer", "the Pyongyang Restaurant in Dandong".
pub const PRODUCTS: [&str; 12] = [
    "beer",
    "lager",
    "liqueur",
    "wine",
    "soju",
    "cigarettes",
    "cigarette",
    "naengmyeon",
    "brand",
    "restaurant",
    "restaurants",
    "brewery",
];

/// Pairs of words that, right after a name, make it a product: "Changbai Mountain spring water".
pub const PRODUCT_PAIRS: [(&str, &str); 4] = [
    ("mineral", "water"),
    ("spring", "water"),
    ("bottled", "water"),
    ("on", "tap"),
];

/// Words that, capitalised right after a name, make it the name of a business: "Pyongyang
/// House", "Yalu River Hotel".
pub const BUSINESSES: [&str; 5] = ["house", "hotel", "bar", "cafe", "company"];

/// What, written on in Chinese or Korean right after a name, makes it a product: 평양냉면 and
/// 平壤冷面 (the cold noodles), beer, mineral water, a warship (辽宁舰), a brand (牌).
pub const PRODUCT_TAILS: [&str; 10] = [
    "냉면",
    "冷面",
    "冷麺",
    "啤酒",
    "矿泉水",
    "礦泉水",
    "舰",
    "艦",
    "牌",
    "饭店",
];

/// Words of each kind of place: in the sentence of a spelling that two places share
/// (Changbai), the nearer kind decides which place it is.
fn kind_words(kind: PlaceKind) -> &'static [&'static str] {
    match kind {
        PlaceKind::Mountain => &[
            "mountain", "summit", "peak", "crater", "volcano", "slopes", "slope", "flank", "rim",
            "climb", "climbed", "climbing", "hike", "hiked",
        ],
        PlaceKind::County => &["county", "counties", "autonomous", "seat"],
        PlaceKind::City => &["city", "town", "streets"],
        PlaceKind::Province => &["province", "provinces", "provincial"],
        PlaceKind::River => &["river", "bank", "banks", "estuary"],
    }
}

/// Containers that, before "marked" or "labelled" and a name, make the name a label on a
/// product: "packets marked 백두산".
pub const CONTAINERS: [&str; 10] = [
    "packet", "packets", "bottle", "bottles", "can", "cans", "box", "boxes", "carton", "cartons",
];

/// Verbs that, right before a name, make it a drink: "we drink Kirin".
pub const DRINKING: [&str; 5] = ["drink", "drinks", "drank", "drinking", "sipped"];

/// Words that, right before a name, make it another place of the name: "a second Yalu",
/// "another Ji'an".
pub const ANOTHER: [&str; 4] = ["second", "third", "another", "other"];

/// Words that, right after a spelling that is also a given name, make it a place: "Jian city",
/// "the Jian bridge", "the Jian side".
pub const PLACE_WORDS: [&str; 14] = [
    "city", "county", "town", "bridge", "museum", "side", "region", "area", "border", "crossing",
    "station", "road", "market", "district",
];

/// Abbreviations whose full stop ends no sentence.
const ABBREVIATIONS: [&str; 8] = ["mr", "mrs", "ms", "dr", "mt", "st", "prof", "no"];

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
    /// The place; for a spelling that can be something else, what made it the place, in
    /// words for readers.
    Place(Option<String>),
    /// The other place that shares the spelling (`Ambiguous::rival`), by the word of its kind
    /// that stands nearer in the sentence.
    Rival(usize, String),
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

/// The tokens of the sentence around token `i`: from after the previous sentence's end to its
/// own end (a full stop after an abbreviation ends none).
fn sentence(toks: &[Token], i: usize) -> std::ops::Range<usize> {
    let ends = |j: usize| {
        matches!(toks[j].text.as_str(), "!" | "?")
            || (toks[j].text == "."
                && !(j > 0 && ABBREVIATIONS.contains(&toks[j - 1].text.as_str())))
    };
    let start = (0..i).rev().find(|&j| ends(j)).map_or(0, |j| j + 1);
    let end = (i..toks.len()).find(|&j| ends(j)).unwrap_or(toks.len());
    start..end
}

/// Whether `word` is a spelling of one of the gazetteer's places other than `entry`, or a word
/// that makes a text one about the border: a word of the name's home.
fn home_word(gazetteer: &Gazetteer, entry: &Entry, word: &str) -> bool {
    BORDER_WORDS.contains(&word)
        || gazetteer
            .entries
            .iter()
            .filter(|e| e.place != entry.place)
            .any(|e| e.variants.iter().any(|v| v.spelling == word))
}

/// Why the words around a name make it something other than the place, if they do, whatever
/// its spelling: a product or business, a person by role or by an appositive, a namesake
/// marked later in its sentence, a city named like a province.
fn something_else(
    source: &str,
    f: &FoldedText,
    toks: &[Token],
    c: &Candidate,
    entry: &Entry,
    gazetteer: &Gazetteer,
) -> Option<String> {
    let said = &source[f.byte_range(c.start, c.end).0..f.byte_range(c.start, c.end).1];
    let first_after = toks.iter().position(|t| t.start >= c.end);
    let last_before = toks.iter().rposition(|t| t.end <= c.start);
    let word = |i: Option<usize>| i.and_then(|i| toks.get(i)).map(|t| t.text.as_str());
    let next = word(first_after);
    let next2 = word(first_after.map(|i| i + 1));
    // A product or business.
    let tail: String = f.chars[c.end..]
        .iter()
        .take_while(|&&ch| !ch.is_whitespace() && ch.is_alphanumeric())
        .collect();
    if let Some(p) = PRODUCT_TAILS.iter().find(|p| tail.starts_with(**p)) {
        return Some(format!("a product: \"{said}\" in \"{said}{p}\""));
    }
    if let Some(n) = next.filter(|n| PRODUCTS.contains(n)) {
        return Some(format!("a product or business: \"{said} {n}\""));
    }
    if let (Some(a), Some(b)) = (next, next2) {
        if PRODUCT_PAIRS.contains(&(a, b)) {
            return Some(format!("a product: \"{said} {a} {b}\""));
        }
    }
    if let Some(i) = first_after.filter(|&i| BUSINESSES.contains(&toks[i].text.as_str())) {
        if capitalised(source, f, toks[i].start) {
            return Some(format!("a business: \"{said} {}\"", toks[i].text));
        }
    }
    let prev = word(last_before);
    let prev2 = word(last_before.and_then(|i| i.checked_sub(1)));
    if let (Some(mark), Some(container)) = (prev, prev2) {
        if ["marked", "labelled", "labeled", "branded"].contains(&mark)
            && CONTAINERS.contains(&container)
        {
            return Some(format!("a product: \"{container} {mark} {said}\""));
        }
    }
    if let Some(verb) = prev.filter(|p| DRINKING.contains(p)) {
        return Some(format!("a drink: \"{verb} {said}\""));
    }
    if let Some(other) = prev.filter(|p| ANOTHER.contains(p)) {
        return Some(format!("another place of the name: \"{other} {said}\""));
    }
    // A person, by role or kin right before the name ("our guide Jian"), or set off by commas
    // after one ("the owner, Jian, grills"), or described after it. A comma with no second one
    // after the name ends a phrase instead ("according to my husband, Manpo has no power").
    let appositive = next == Some(",");
    let before: Vec<&str> = last_before
        .map(|i| {
            let skip = usize::from(appositive && toks[i].text == ",");
            toks[..=i]
                .iter()
                .rev()
                .skip(skip)
                .take(2)
                .map(|t| t.text.as_str())
                .collect()
        })
        .unwrap_or_default();
    match before.as_slice() {
        [role, ..] if ROLES.contains(role) => {
            return Some(format!("a person: \"{said}\" after \"{role}\""))
        }
        [naming, who, ..]
            if ["named", "called"].contains(naming)
                && (PEOPLE.contains(who) || ROLES.contains(who)) =>
        {
            return Some(format!("a person: \"{who} {naming} {said}\""))
        }
        _ => {}
    }
    if next == Some(",") {
        let after: Vec<&str> = toks[first_after.unwrap_or(0) + 1..]
            .iter()
            .take(3)
            .map(|t| t.text.as_str())
            .collect();
        match after.as_slice() {
            ["who", ..] => return Some(format!("a person: \"{said}, who\"")),
            ["a" | "an" | "our" | "my", noun, ..] if PEOPLE.contains(noun) => {
                return Some(format!("a person: \"{said}, {} {noun}\"", after[0]))
            }
            _ => {}
        }
    }
    // A city that shares a province's name.
    if entry.kind == PlaceKind::Province && before.as_slice().starts_with(&["of", "city"]) {
        return Some(format!("another place of the name: the city of {said}"));
    }
    // A namesake marked later in the sentence: the first word after the name that belongs
    // either to the namesake's region or to the name's home decides.
    if !entry.elsewhere.is_empty() {
        if let Some(after) = first_after {
            let end = sentence(toks, after).end;
            for t in &toks[after..end] {
                if entry.elsewhere.contains(&t.text) {
                    return Some(format!(
                        "another place of the name: \"{}\" later in its sentence",
                        t.text
                    ));
                }
                if home_word(gazetteer, entry, &t.text) {
                    break;
                }
            }
        }
    }
    None
}

/// Whether the words around a spelling that is also a given name make it a place (the rule
/// "given name"): a locative right before it ("in Jian"), a place word right after it ("the
/// Jian bridge"), or another place named within three words ("Jian and Manpo", "Manpo–Jian").
/// Returns the cue, in words for readers; `locative` is the locative right before the name.
fn place_cue(
    toks: &[Token],
    c: &Candidate,
    locative: Option<&Token>,
    gazetteer: &Gazetteer,
    entry: &Entry,
) -> Option<String> {
    if let Some(t) = locative {
        return Some(format!("here “{}” comes before it", t.text));
    }
    let at = toks.iter().position(|t| t.start >= c.start)?;
    let end = toks[at..]
        .iter()
        .position(|t| t.start >= c.end)
        .map_or(toks.len(), |i| at + i);
    if let Some(t) = toks
        .get(end)
        .filter(|t| PLACE_WORDS.contains(&t.text.as_str()))
    {
        return Some(format!("here “{}” comes after it", t.text));
    }
    let mut near = toks[at.saturating_sub(3)..at]
        .iter()
        .chain(toks[end..].iter().take(3));
    near.find(|t| home_word(gazetteer, entry, &t.text) && !BORDER_WORDS.contains(&t.text.as_str()))
        .map(|_| "here another place is named beside it".to_owned())
}

/// Whether the words after a spelling that may be a given name make it a person further on in
/// its clause: what a person does a few words later ("Jian from my class says hi"), or the
/// person addressed ("Jian, if you ever read this").
fn person_later(
    toks: &[Token],
    first_after: Option<usize>,
    after_locative: bool,
    said: &str,
) -> Option<String> {
    let after = first_after?;
    let clause: Vec<&str> = toks[after..]
        .iter()
        .map(|t| t.text.as_str())
        .take_while(|t| t.chars().next().is_some_and(char::is_alphanumeric))
        .take(4)
        .collect();
    if !after_locative {
        if let Some(verb) = clause.iter().find(|w| SPEECH_VERBS.contains(w)) {
            return Some(format!("a person: \"{said}\" … \"{verb}\""));
        }
    }
    let addressed =
        toks[after].text == "," && toks[after + 1..].iter().take(4).any(|t| t.text == "you");
    let starts_sentence = after < 2 || [".", "!", "?"].contains(&toks[after - 2].text.as_str());
    (addressed && starts_sentence).then(|| format!("a person addressed: \"{said}, … you\""))
}

/// Which of the two places that share a spelling the sentence speaks of: the one whose kind's
/// words stand nearer the name; the entry's own on a tie or with none. Returns the rival's
/// word when the rival wins.
fn nearer_kind(toks: &[Token], c: &Candidate, own: PlaceKind, rival: PlaceKind) -> Option<String> {
    let at = toks.iter().position(|t| t.start >= c.start)?;
    let range = sentence(toks, at);
    let nearest = |kind: PlaceKind| {
        toks[range.clone()]
            .iter()
            .enumerate()
            .filter(|(_, t)| kind_words(kind).contains(&t.text.as_str()))
            .map(|(j, t)| ((range.start + j).abs_diff(at), &t.text))
            .min()
    };
    match (nearest(rival), nearest(own)) {
        (Some((r, word)), Some((o, _))) if r < o => Some(word.clone()),
        (Some((_, word)), None) => Some(word.clone()),
        _ => None,
    }
}

/// Judges one candidate of paragraph `source` (folded as `f`, tokens `toks`).
fn judge(
    source: &str,
    f: &FoldedText,
    toks: &[Token],
    c: &Candidate,
    gazetteer: &Gazetteer,
    doc: &DocContext,
) -> Verdict {
    let entry = &gazetteer.entries[c.entry];
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
    if let Some(reason) = something_else(source, f, toks, c, entry, gazetteer) {
        return Verdict::LeftOut {
            reason,
            certain: true,
        };
    }
    let Some(ambiguous) = entry.ambiguity(&entry.variants[c.variant].spelling) else {
        return Verdict::Place(None);
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
    if let Some(reason) = person_later(toks, first_after, after_locative, said) {
        return Verdict::LeftOut {
            reason,
            certain: true,
        };
    }
    // A paragraph about the namesake's region, with no word of the name's home.
    let words = || toks.iter().map(|t| t.text.as_str());
    if let Some(other) = words().find(|w| entry.elsewhere.iter().any(|e| e == w)) {
        if !words().any(|w| home_word(gazetteer, entry, w)) {
            return Verdict::LeftOut {
                reason: format!(
                    "another place of the name: its paragraph speaks of \"{other}\" and of nothing on the border"
                ),
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
    let cue = if ambiguous.given_name {
        match place_cue(toks, c, prev.filter(|_| after_locative), gazetteer, entry) {
            Some(cue) => cue,
            None => {
                return Verdict::LeftOut {
                    reason: format!(
                        "\"{said}\" is also {}, and no word around it makes it the place",
                        ambiguous.also
                    ),
                    certain: false,
                }
            }
        }
    } else if let Some(word) = doc.holds_any(&ambiguous.needs) {
        format!("the article names “{word}”")
    } else {
        "the article is about the Yalu border".to_owned()
    };
    if let Some((rival, kind)) = ambiguous.rival {
        if let Some(word) = nearer_kind(toks, c, entry.kind, kind) {
            return Verdict::Rival(rival, word);
        }
    }
    Verdict::Place(Some(format!("It can also be {}; {cue}.", ambiguous.also)))
}

/// A place mention: byte range in the paragraph text, and why it was read as the place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    /// Index of the place in the places file.
    pub place: usize,
    /// First byte of the mention.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
    /// The spelling rule that made the words one of the place's names (see `names::family`).
    pub rule: &'static str,
    /// Why the words were read as the place, in words for readers (see `why`).
    pub why: String,
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
        let said = &text[start..end];
        let rule = entry.variants[c.variant].rule;
        match judge(text, &f, &toks, &c, gazetteer, doc) {
            Verdict::Place(context) => out.mentions.push(Mention {
                place: entry.place,
                start,
                end,
                rule,
                why: reason(said, &entry.name, rule, context.as_deref()),
            }),
            Verdict::Rival(place, word) => {
                let name = gazetteer.entry(place).map_or("", |e| e.name.as_str());
                out.mentions.push(Mention {
                    place,
                    start,
                    end,
                    rule: "shared name",
                    why: reason(
                        said,
                        name,
                        "shared name",
                        Some(&format!(
                            "{} has the name too; here “{word}” stands nearer than any word for it.",
                            entry.name
                        )),
                    ),
                })
            }
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
            name: name.to_owned(),
            kind,
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
            rival: None,
            given_name: false,
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
            rival: None,
            given_name: false,
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

    /// The test gazetteer with a province that names a city too (Jilin), the county and the
    /// mountain that share "Changbai", and native names: places 3, 4 and 5.
    fn wider() -> Gazetteer {
        let mut entries = gazetteer().entries;
        let entry = |place: usize, name: &str, aliases: &[&str], native: &[&str], kind, r| Entry {
            place,
            name: name.to_owned(),
            kind,
            variants: family(&NameSource {
                name,
                aliases: &aliases.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
                native: &native.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
                kind,
                romanization: r,
            }),
            not_in: Vec::new(),
            ambiguous: Vec::new(),
            elsewhere: Vec::new(),
            border: true,
        };
        entries.push(entry(
            3,
            "Jilin",
            &[],
            &["吉林"],
            PlaceKind::Province,
            Romanization::Chinese,
        ));
        let mut county = entry(
            4,
            "Changbai County",
            &["Changbai"],
            &["长白县"],
            PlaceKind::County,
            Romanization::Chinese,
        );
        county.ambiguous.push(Ambiguous {
            spelling: "changbai".into(),
            also: "Mount Paektu".into(),
            needs: Vec::new(),
            rival: Some((5, PlaceKind::Mountain)),
            given_name: false,
        });
        entries.push(county);
        entries.push(entry(
            5,
            "Mount Paektu",
            &["Changbai Shan"],
            &["백두산", "长白山"],
            PlaceKind::Mountain,
            Romanization::Both,
        ));
        entries[2].variants.extend(family(&NameSource {
            name: "Dandong",
            aliases: &[],
            native: &["丹东".to_owned()],
            kind: PlaceKind::City,
            romanization: Romanization::Chinese,
        }));
        Gazetteer::new(entries)
    }

    /// The places found in each paragraph of a document about the Yalu, with their words.
    fn on_the_yalu(paragraph: &str) -> Vec<(usize, String)> {
        let doc = ["On the Yalu, by North Korea.", paragraph];
        let p = places_in(&doc, &wider()).remove(1);
        p.mentions
            .iter()
            .map(|m| (m.place, paragraph[m.start..m.end].to_owned()))
            .collect()
    }

    #[test]
    fn a_name_in_a_run_of_chinese_or_korean_script() {
        // A name of two characters in a run stands before a place suffix, not where two
        // characters merely meet.
        assert_eq!(on_the_yalu("辽宁省丹东市欢迎您"), [(2, "丹东市".into())]);
        assert_eq!(on_the_yalu("他们说安东尼丹东人"), []);
        assert_eq!(on_the_yalu("开始长白发"), []);
        // Three characters stand anywhere in a run.
        assert_eq!(on_the_yalu("去长白山景区"), [(5, "长白山".into())]);
        // Bounded by kana, a two-character name stands: Japanese writes particles after it.
        assert_eq!(on_the_yalu("丹东の学校"), [(2, "丹东".into())]);
        // Hangul runs on into particles and nouns, but must start its word.
        assert_eq!(on_the_yalu("백두산까지의 길"), [(5, "백두산".into())]);
        assert_eq!(on_the_yalu("대백두산"), []);
    }

    #[test]
    fn a_place_name_on_a_product_or_business_is_not_the_place() {
        assert_eq!(on_the_yalu("We drank Yalu River beer."), []);
        assert_eq!(on_the_yalu("Bottles of Changbai Shan mineral water."), []);
        assert_eq!(on_the_yalu("Lunch at the Dandong Hotel."), []);
        assert_eq!(on_the_yalu("A bowl of 长白山矿泉水."), []);
        // Negative: the river's water, a hotel in the town, a lower-case hotel after the name.
        assert_eq!(
            on_the_yalu("The Yalu water was cold."),
            [(1, "Yalu".into())]
        );
        assert_eq!(on_the_yalu("A hotel in Dandong."), [(2, "Dandong".into())]);
        assert_eq!(
            on_the_yalu("Our Dandong hotel was cheap."),
            [(2, "Dandong".into())]
        );
    }

    #[test]
    fn a_role_or_a_description_makes_a_name_a_person() {
        assert_eq!(on_the_yalu("Our guide Jian met us."), []);
        assert_eq!(on_the_yalu("The owner, Jian, grills lamb."), []);
        assert_eq!(on_the_yalu("A driver named Jian waved."), []);
        assert_eq!(on_the_yalu("Her nephew, Jilin, cooks."), []);
        assert_eq!(on_the_yalu("Jian, who drives a bus, waved."), []);
        assert_eq!(on_the_yalu("Jian, a young man, waved."), []);
        assert_eq!(on_the_yalu("Jian pointed at the hills."), []);
        // Negative: a town called so, a town described.
        assert_eq!(
            on_the_yalu("A town called Jian lies here."),
            [(0, "Jian".into())]
        );
        assert_eq!(
            on_the_yalu("Dandong, a city of trade, grew."),
            [(2, "Dandong".into())]
        );
        assert_eq!(
            on_the_yalu("The road to Jian turned north."),
            [(0, "Jian".into())]
        );
    }

    #[test]
    fn a_namesake_is_marked_later_in_its_sentence() {
        assert_eq!(
            on_the_yalu("He flew from Ji'an — the one in Jiangxi — to us."),
            []
        );
        assert_eq!(
            on_the_yalu("Ji'an lies south of here, near Jiangxi's capital."),
            []
        );
        // The first word after the name decides: the Yalu here.
        assert_eq!(
            on_the_yalu("She meant Ji'an on the Yalu, not the one in Jiangxi."),
            [(0, "Ji'an".into()), (1, "Yalu".into())]
        );
        // Only within the sentence.
        assert_eq!(
            on_the_yalu("We saw Ji'an. Jiangxi is far."),
            [(0, "Ji'an".into())]
        );
        // The city of a province's name is not the province.
        assert_eq!(on_the_yalu("A night in the city of Jilin."), []);
        assert_eq!(on_the_yalu("Jilin is a province."), [(3, "Jilin".into())]);
    }

    #[test]
    fn the_words_of_its_sentence_say_which_changbai_it_is() {
        assert_eq!(
            on_the_yalu("We climbed Changbai to the crater."),
            [(5, "Changbai".into())]
        );
        assert_eq!(
            on_the_yalu("We slept in Changbai, the county town."),
            [(4, "Changbai".into())]
        );
        // With no word of either kind, the county, whose name it is.
        assert_eq!(on_the_yalu("Changbai is quiet."), [(4, "Changbai".into())]);
        // The nearer kind wins.
        assert_eq!(
            on_the_yalu("Changbai the mountain and Changbai the county are far apart."),
            [(5, "Changbai".into()), (4, "Changbai".into())]
        );
    }

    #[test]
    fn a_spelling_that_is_also_a_given_name_needs_a_place_cue() {
        let mut g = wider();
        g.entries[0].ambiguous[0].given_name = true;
        let found = |p: &str| -> Vec<usize> {
            places_in(&["On the Yalu, by North Korea.", p], &g)[1]
                .mentions
                .iter()
                .map(|m| m.place)
                .collect()
        };
        // A locative, a place word after, another place close by.
        assert_eq!(found("We lived in Jian."), [0]);
        assert_eq!(found("The Jian bridge is long."), [0]);
        assert_eq!(found("Jian and Dandong trade."), [0, 2]);
        // Nothing around it: the given name.
        assert_eq!(found("Jian brought tea."), Vec::<usize>::new());
        assert_eq!(found("Later Jian will come."), Vec::<usize>::new());
        // Ji'an with its apostrophe is no given name.
        assert_eq!(found("Ji'an brought tea."), [0]);
    }
}

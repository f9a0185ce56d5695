//! Finding place names in text: every spelling of every place's family, as whole words, in any
//! case and with any apostrophe (folding is `names`'s), longest first and never overlapping.
//! Whether a name found is the place is for `context` to judge.

use super::names::{FoldedText, Variant};
use crate::places::PlaceKind;
use std::collections::HashMap;

/// A spelling that may name something else, taken only with support from the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ambiguous {
    /// The spelling, folded.
    pub spelling: String,
    /// What else it may be, for the author's report ("a Chinese given name").
    pub also: String,
    /// Words of which the document must hold one (folded); empty: the border context.
    pub needs: Vec<String>,
    /// Another place the spelling may name instead, with its kind: the words of the two kinds
    /// in the sentence decide (see `context`).
    pub rival: Option<(usize, PlaceKind)>,
    /// Whether the spelling is also a given name, taken as the place only with a cue.
    pub given_name: bool,
}

/// A place's names as the matcher uses them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// Index of the place in the places file.
    pub place: usize,
    /// The place's name, for the reasons shown to readers.
    pub name: String,
    /// What kind of place it is.
    pub kind: PlaceKind,
    /// Every spelling that may be a mention, folded (see `names::family`).
    pub variants: Vec<Variant>,
    /// Phrases in which a name is another place (e.g. "Ji'an, Jiangxi"), folded: no mention there.
    pub not_in: Vec<String>,
    /// Spellings that need support from the text.
    pub ambiguous: Vec<Ambiguous>,
    /// Words that, next to a name, mark another place of that name ("Jiangxi"), folded.
    pub elsewhere: Vec<String>,
    /// Whether a sure mention of this place makes a document one about the border.
    pub border: bool,
}

impl Entry {
    /// The ambiguity of a folded spelling, if it has one.
    pub fn ambiguity(&self, spelling: &str) -> Option<&Ambiguous> {
        self.ambiguous.iter().find(|a| a.spelling == spelling)
    }
}

/// The entries with an index of their spellings by first character.
#[derive(Clone, Debug, Default)]
pub struct Gazetteer {
    /// Every place's entry, in places-file order.
    pub entries: Vec<Entry>,
    /// First folded character → (entry, variant, the variant's characters).
    index: HashMap<char, Vec<(usize, usize, Vec<char>)>>,
}

impl Gazetteer {
    /// Indexes `entries`.
    pub fn new(entries: Vec<Entry>) -> Gazetteer {
        let mut index: HashMap<char, Vec<(usize, usize, Vec<char>)>> = HashMap::new();
        for (e, entry) in entries.iter().enumerate() {
            for (v, variant) in entry.variants.iter().enumerate() {
                let chars: Vec<char> = variant.spelling.chars().collect();
                if let Some(&first) = chars.first() {
                    index.entry(first).or_default().push((e, v, chars));
                }
            }
        }
        Gazetteer { entries, index }
    }

    /// The entry of place `place`.
    pub fn entry(&self, place: usize) -> Option<&Entry> {
        self.entries.iter().find(|e| e.place == place)
    }
}

/// Characters that, written right after a Chinese name of two characters inside a run of
/// Chinese text, make it a place name: the suffixes of places (city, county, province, river,
/// mountain, town, district, station, port, county town).
const HAN_PLACE_SUFFIXES: [char; 16] = [
    '市', '县', '縣', '省', '江', '山', '道', '镇', '鎮', '区', '區', '站', '港', '城', '郡', '州',
];

/// A name found in a text, before judging: folded character range and which spelling.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Candidate {
    /// Index into `Gazetteer::entries`.
    pub entry: usize,
    /// Index into the entry's variants.
    pub variant: usize,
    /// First folded character.
    pub start: usize,
    /// One past its last folded character.
    pub end: usize,
}

/// Whether `c` is a Han character (Chinese, and the kanji and hanja of Japanese and Korean).
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}')
}

/// Whether `c` is a Hangul syllable.
pub fn is_hangul(c: char) -> bool {
    ('\u{AC00}'..='\u{D7A3}').contains(&c)
}

/// Whether a name `name` found at `start..end` stands as a word of its own. Latin names need a
/// word boundary on each side. Text in Chinese, Japanese or Korean script runs words together,
/// so names in those scripts have their own rules (the rule "CJK run"):
/// - a name in Han characters is bounded by any character that is not Han (kana, Hangul,
///   Latin, punctuation); inside a run of Han text, a name of three or more characters stands
///   anywhere (鸭绿江入海口), and a name of two stands only before a place suffix (集安市), as
///   two characters that merely meet (密集安装) are no name;
/// - a name in Hangul must start a word, and may run on into particles and nouns (혜산시에서부터,
///   량강도인민위원회): Korean writes them together.
fn stands_alone(text: &FoldedText, name: &[char], start: usize, end: usize) -> bool {
    let before = start.checked_sub(1).map(|i| text.chars[i]);
    let after = text.chars.get(end).copied();
    if name.iter().all(|&c| is_han(c)) {
        let inside = before.is_some_and(is_han) || after.is_some_and(is_han);
        return !inside
            || name.len() >= 3
            || after.is_some_and(|c| HAN_PLACE_SUFFIXES.contains(&c));
    }
    if name.iter().all(|&c| is_hangul(c)) {
        return !before.is_some_and(|c| is_hangul(c) || is_han(c));
    }
    text.word_starts_at(start) && text.word_ends_at(end)
}

/// Every name of every place in `text`, in text order. Where names overlap ("Yalu River" and
/// "Yalu") the longest wins; no two candidates overlap.
pub fn candidates(text: &FoldedText, gazetteer: &Gazetteer) -> Vec<Candidate> {
    let mut all: Vec<Candidate> = Vec::new();
    for start in 0..text.chars.len() {
        let Some(list) = gazetteer.index.get(&text.chars[start]) else {
            continue;
        };
        for (entry, variant, chars) in list {
            let end = start + chars.len();
            if text.chars.get(start..end) == Some(&chars[..])
                && stands_alone(text, chars, start, end)
            {
                all.push(Candidate {
                    entry: *entry,
                    variant: *variant,
                    start,
                    end,
                });
            }
        }
    }
    all.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    let mut out: Vec<Candidate> = Vec::new();
    let mut taken_to = 0;
    for c in all {
        if c.start < taken_to {
            continue;
        }
        taken_to = c.end;
        out.push(c);
    }
    out
}

/// Every whole-word occurrence of folded `phrase` in `text`, as folded character ranges.
pub fn occurrences(text: &FoldedText, phrase: &str) -> Vec<(usize, usize)> {
    let needle: Vec<char> = phrase.chars().collect();
    let mut found = Vec::new();
    if needle.is_empty() || needle.len() > text.chars.len() {
        return found;
    }
    for start in 0..=text.chars.len() - needle.len() {
        let end = start + needle.len();
        if text.chars[start] == needle[0]
            && text.chars[start..end] == needle[..]
            && text.word_starts_at(start)
            && text.word_ends_at(end)
        {
            found.push((start, end));
        }
    }
    found
}

/// Whether folded `phrase` occurs in `text` as whole words.
pub fn holds(text: &FoldedText, phrase: &str) -> bool {
    let needle: Vec<char> = phrase.chars().collect();
    let Some(&first) = needle.first() else {
        return false;
    };
    (0..(text.chars.len() + 1).saturating_sub(needle.len())).any(|start| {
        let end = start + needle.len();
        text.chars[start] == first
            && text.chars[start..end] == needle[..]
            && text.word_starts_at(start)
            && text.word_ends_at(end)
    })
}

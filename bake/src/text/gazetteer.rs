//! Finding place names in text: every spelling of every place's family, as whole words, in any
//! case and with any apostrophe (folding is `names`'s), longest first and never overlapping.
//! Whether a name found is the place is for `context` to judge.

use super::names::{FoldedText, Variant};
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
}

/// A place's names as the matcher uses them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// Index of the place in the places file.
    pub place: usize,
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

/// Korean particles that may follow a name written in Hangul within the same word (혜산에서).
const HANGUL_PARTICLES: [&str; 16] = [
    "에서", "으로", "까지", "부터", "에게", "은", "는", "이", "가", "을", "를", "에", "의", "와",
    "과", "로",
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

/// Where a name that ends at `end` may end: at a word boundary, or before a Korean particle
/// that ends the word when the name is in Hangul.
fn ends_word(text: &FoldedText, end: usize, last: char) -> bool {
    if text.word_ends_at(end) {
        return true;
    }
    if !('\u{AC00}'..='\u{D7A3}').contains(&last) {
        return false;
    }
    HANGUL_PARTICLES.iter().any(|p| {
        let p: Vec<char> = p.chars().collect();
        text.chars.get(end..end + p.len()) == Some(&p[..]) && text.word_ends_at(end + p.len())
    })
}

/// Every name of every place in `text`, in text order. Where names overlap ("Yalu River" and
/// "Yalu") the longest wins; no two candidates overlap.
pub fn candidates(text: &FoldedText, gazetteer: &Gazetteer) -> Vec<Candidate> {
    let mut all: Vec<Candidate> = Vec::new();
    for start in 0..text.chars.len() {
        if !text.word_starts_at(start) {
            continue;
        }
        let Some(list) = gazetteer.index.get(&text.chars[start]) else {
            continue;
        };
        for (entry, variant, chars) in list {
            let end = start + chars.len();
            if text.chars.get(start..end) == Some(&chars[..])
                && ends_word(text, end, chars[chars.len() - 1])
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

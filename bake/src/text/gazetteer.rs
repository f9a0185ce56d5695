//! Finding place names in text: whole words, any case, straight or curly apostrophes.

/// A place's names as the matcher uses them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// Index of the place in the places file.
    pub place: usize,
    /// Every spelling that counts as a mention.
    pub names: Vec<String>,
    /// Phrases in which a name is another place (e.g. "Ji'an, Jiangxi"): no mention there.
    pub not_in: Vec<String>,
}

/// A mention of a place: byte range in the paragraph text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mention {
    /// Index of the place in the places file.
    pub place: usize,
    /// First byte of the mention.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
}

/// The character the matcher compares: lower case, every apostrophe made straight.
fn fold(c: char) -> char {
    match c {
        '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{02BB}' | '`' | '\u{00B4}' => '\'',
        c => c.to_lowercase().next().unwrap_or(c),
    }
}

/// `text` folded, each character with its byte offset in `text`.
fn folded(text: &str) -> Vec<(usize, char)> {
    text.char_indices().map(|(i, c)| (i, fold(c))).collect()
}

/// Every whole-word occurrence of `needle` in `hay`, as (first, one-past-last) character indices.
fn occurrences(hay: &[(usize, char)], needle: &[char]) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    if needle.is_empty() || needle.len() > hay.len() {
        return found;
    }
    let word = |c: char| c.is_alphanumeric();
    for start in 0..=hay.len() - needle.len() {
        let end = start + needle.len();
        if hay[start..end]
            .iter()
            .map(|(_, c)| *c)
            .ne(needle.iter().copied())
        {
            continue;
        }
        let before_ok = start == 0 || !word(hay[start - 1].1);
        let after_ok = end == hay.len() || !word(hay[end].1);
        if before_ok && after_ok {
            found.push((start, end));
        }
    }
    found
}

/// Every mention of every place in `text`, in text order. Where names overlap ("Yalu River"
/// and "Yalu") the longest wins; no two mentions overlap.
pub fn mentions(text: &str, entries: &[Entry]) -> Vec<Mention> {
    let hay = folded(text);
    let byte_at = |i: usize| hay.get(i).map_or(text.len(), |(b, _)| *b);
    let mut all: Vec<(usize, usize, usize)> = Vec::new(); // (start, end, place) in chars
    for entry in entries {
        let excluded: Vec<(usize, usize)> = entry
            .not_in
            .iter()
            .flat_map(|phrase| occurrences(&hay, &phrase.chars().map(fold).collect::<Vec<_>>()))
            .collect();
        for name in &entry.names {
            let needle: Vec<char> = name.chars().map(fold).collect();
            for (s, e) in occurrences(&hay, &needle) {
                if !excluded.iter().any(|&(xs, xe)| s >= xs && e <= xe) {
                    all.push((s, e, entry.place));
                }
            }
        }
    }
    all.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    let mut out: Vec<Mention> = Vec::new();
    let mut taken_to = 0;
    for (s, e, place) in all {
        if s < taken_to {
            continue;
        }
        taken_to = e;
        out.push(Mention {
            place,
            start: byte_at(s),
            end: byte_at(e),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries() -> Vec<Entry> {
        vec![
            Entry {
                place: 0,
                names: vec!["Ji'an".into(), "Jian".into()],
                not_in: vec!["Ji'an, Jiangxi".into()],
            },
            Entry {
                place: 1,
                names: vec!["Yalu River".into(), "Yalu".into(), "Amnok".into()],
                not_in: vec![],
            },
            Entry {
                place: 2,
                names: vec!["Hyesan".into(), "Hyeson".into()],
                not_in: vec![],
            },
        ]
    }

    fn found(text: &str) -> Vec<(usize, &str)> {
        mentions(text, &entries())
            .into_iter()
            .map(|m| (m.place, &text[m.start..m.end]))
            .collect()
    }

    #[test]
    fn curly_and_straight_apostrophes_and_any_case_match() {
        assert_eq!(found("near Ji’an and JI'AN"), [(0, "Ji’an"), (0, "JI'AN")]);
        assert_eq!(found("Hyesan’s markets"), [(2, "Hyesan")]);
    }

    #[test]
    fn only_whole_words_match() {
        assert_eq!(found("Jiangxi and Jianshe and Hyesanese"), []);
        assert_eq!(found("(Jian)"), [(0, "Jian")]);
    }

    #[test]
    fn the_other_jian_is_not_a_mention() {
        assert_eq!(
            found("We flew to Ji'an, Jiangxi, not to Ji'an on the Yalu."),
            [(0, "Ji'an"), (1, "Yalu")]
        );
    }

    #[test]
    fn the_longest_name_wins() {
        assert_eq!(
            found("the Yalu River, or Amnok"),
            [(1, "Yalu River"), (1, "Amnok")]
        );
    }

    #[test]
    fn romanisations_match() {
        assert_eq!(found("Hyeson"), [(2, "Hyeson")]);
    }

    #[test]
    fn ranges_fall_on_character_boundaries() {
        let text = "鸭绿江 Yalu 압록강 Ji’an";
        for m in mentions(text, &entries()) {
            assert!(
                text.is_char_boundary(m.start) && text.is_char_boundary(m.end) && m.start < m.end
            );
        }
        assert_eq!(found(""), []);
    }

    proptest::proptest! {
        /// Whatever the text, mentions lie inside it, on character boundaries, in order and
        /// without overlap.
        #[test]
        fn mention_ranges_are_always_sound(text in "(Ji[’'`]?an|Yalu River|Yalu|Hyes[ae]n|[a-z ]|\\PC){0,60}") {
            let ms = mentions(&text, &entries());
            let mut end = 0;
            for m in &ms {
                proptest::prop_assert!(m.start >= end && m.start < m.end && m.end <= text.len());
                proptest::prop_assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
                end = m.end;
            }
        }
    }
}

//! The content parser on any text: splitting an article into paragraphs, then finding the places
//! in each paragraph, with the real articles' settings and the real gazetteer.
//!
//! Holds: no panic; an error names a line of the text, if any; every paragraph is non-empty and
//! starts on a line of the text; every mention is a non-empty range inside its paragraph, on
//! character boundaries, holding one of its place's names as a whole word, in text order and
//! overlapping no other.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::Path;
use std::sync::OnceLock;
use yalu_bake::content::gazetteer;
use yalu_bake::places::read_places;
use yalu_bake::text::{mentions, parse, ArticleMeta, Entry};

/// The settings of every article in `content/articles.json`, and the gazetteer of `data/places.geojson`.
fn real() -> &'static (Vec<ArticleMeta>, Vec<Entry>) {
    static REAL: OnceLock<(Vec<ArticleMeta>, Vec<Entry>)> = OnceLock::new();
    REAL.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let places_path = root.join("data/places.geojson");
        let places = read_places(&places_path).unwrap_or_else(|e| panic!("{e}"));
        let reading = yalu_bake::content::read(&root.join("content"), &places_path, &places)
            .unwrap_or_else(|e| panic!("{e}"));
        let metas = reading.articles.into_iter().map(|a| a.meta).collect();
        (
            metas,
            gazetteer(&places_path, &places).unwrap_or_else(|e| panic!("{e}")),
        )
    })
}

/// A name as the matcher compares it: each character lower case, any apostrophe the same.
/// Written here apart from the matcher's own folding, to check it.
fn same_name(s: &str) -> String {
    s.chars()
        .map(|c| c.to_lowercase().next().unwrap_or(c))
        .map(|c| {
            if matches!(
                c,
                '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{02BB}' | '`' | '\u{00B4}'
            ) {
                '\''
            } else {
                c
            }
        })
        .collect()
}

fuzz_target!(|data: &[u8]| {
    let Some((&which, rest)) = data.split_first() else {
        return;
    };
    // The build reads articles with read_to_string, which refuses bytes that are not UTF-8.
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let (metas, entries) = real();
    let meta = &metas[usize::from(which) % metas.len()];
    let lines = text.lines().count();
    match parse(meta, text) {
        Err(e) => {
            assert!(!e.message.is_empty());
            if let Some(line) = e.line {
                assert!(
                    (1..=lines).contains(&line),
                    "error at line {line} of {lines}"
                );
            }
        }
        Ok(article) => {
            for p in &article.paragraphs {
                assert!(
                    !p.text.trim().is_empty(),
                    "an empty paragraph at line {}",
                    p.line
                );
                assert!(
                    (1..=lines).contains(&p.line),
                    "paragraph at line {} of {lines}",
                    p.line
                );
                let mut last_end = 0;
                for m in mentions(&p.text, entries) {
                    assert!(m.place < entries.len());
                    assert!(last_end <= m.start && m.start < m.end && m.end <= p.text.len());
                    assert!(p.text.is_char_boundary(m.start) && p.text.is_char_boundary(m.end));
                    // The range holds one of the place's names, as a whole word.
                    let said = same_name(&p.text[m.start..m.end]);
                    let entry = entries.iter().find(|e| e.place == m.place).unwrap();
                    assert!(
                        entry.names.iter().any(|n| same_name(n) == said),
                        "{:?} is not a name of place {}",
                        &p.text[m.start..m.end],
                        m.place
                    );
                    let before = p.text[..m.start].chars().next_back();
                    let after = p.text[m.end..].chars().next();
                    assert!(!before.is_some_and(char::is_alphanumeric));
                    assert!(!after.is_some_and(char::is_alphanumeric));
                    last_end = m.end;
                }
            }
        }
    }
});

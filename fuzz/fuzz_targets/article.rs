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
use yalu_bake::text::names::FoldedText;
use yalu_bake::text::{mentions, parse, ArticleMeta, Gazetteer};

/// The settings of every article in `content/articles.json`, and the gazetteer of `data/places.geojson`.
fn real() -> &'static (Vec<ArticleMeta>, Gazetteer) {
    static REAL: OnceLock<(Vec<ArticleMeta>, Gazetteer)> = OnceLock::new();
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

/// A range of text as the matcher compares it: folded, a word broken at a line end joined.
fn same_name(s: &str) -> String {
    FoldedText::new(s).chars.iter().collect()
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
                    assert!(m.place < entries.entries.len());
                    assert!(last_end <= m.start && m.start < m.end && m.end <= p.text.len());
                    assert!(p.text.is_char_boundary(m.start) && p.text.is_char_boundary(m.end));
                    // The range holds one of the place's names, as a whole word.
                    let said = same_name(&p.text[m.start..m.end]);
                    let entry = entries.entry(m.place).unwrap();
                    assert!(
                        entry.variants.iter().any(|v| v.spelling == said),
                        "{:?} is not a name of place {}",
                        &p.text[m.start..m.end],
                        m.place
                    );
                    let before = p.text[..m.start].chars().next_back();
                    let after = p.text[m.end..].chars().next();
                    assert!(!before.is_some_and(char::is_alphanumeric));
                    // A Korean particle may follow a name in Hangul within the word (혜산에서).
                    let hangul = |c: char| ('\u{AC00}'..='\u{D7A3}').contains(&c);
                    let in_hangul = p.text[..m.end].chars().next_back().is_some_and(hangul);
                    assert!(!after.is_some_and(|c| c.is_alphanumeric() && !(in_hangul && hangul(c))));
                    last_end = m.end;
                }
            }
        }
    }
});

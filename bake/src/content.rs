//! The articles of `content/`: read, checked, split into paragraphs and searched for places.

use crate::error::BakeError;
use crate::places::{Place, PlaceKind};
use crate::text::gazetteer::occurrences;
use crate::text::names::{family, fold, FoldedText, NameSource, Romanization};
use crate::text::why::reason;
use crate::text::{
    parse, places_in, Ambiguous, Article, ArticleMeta, Entry, Gazetteer, Layout, LeftOut, Mention,
    ParagraphPlaces,
};
use serde::Deserialize;
use std::collections::HashMap;
use std::path::Path;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MetaFile {
    id: String,
    file: String,
    title: String,
    #[serde(default)]
    title_given: bool,
    author: Option<String>,
    publication: Option<String>,
    paragraphs: String,
    #[serde(default)]
    furniture: Vec<String>,
    #[serde(default)]
    places: PlaceNotes,
}

/// The articles with the place mentions of each paragraph.
#[derive(Clone, Debug)]
pub struct Reading {
    /// The articles, in `articles.json` order.
    pub articles: Vec<Article>,
    /// For each article, for each paragraph, its mentions in text order.
    pub mentions: Vec<Vec<Vec<Mention>>>,
    /// For each article, for each paragraph, the names found and left out, with the reason.
    pub left_out: Vec<Vec<Vec<LeftOut>>>,
}

impl Reading {
    /// Every paragraph that mentions place `place`, as (article, paragraph) indices in reading order.
    pub fn excerpts(&self, place: usize) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for (a, paragraphs) in self.mentions.iter().enumerate() {
            for (p, ms) in paragraphs.iter().enumerate() {
                if ms.iter().any(|m| m.place == place) {
                    out.push((a, p));
                }
            }
        }
        out
    }
}

/// The romanization rules that fit a place's country.
fn romanization(place: &Place) -> Romanization {
    match place.country.as_str() {
        "China" => Romanization::Chinese,
        "North Korea" | "South Korea" => Romanization::Korean,
        _ => Romanization::Both,
    }
}

/// The gazetteer of the places: each place's spelling family (see `text::names`), checked so
/// that no name or alias belongs to two places. A spelling that a rule makes for two places is
/// given to the one whose data names it, or to neither.
pub fn gazetteer(path: &Path, places: &[Place]) -> Result<Gazetteer, BakeError> {
    let fail = |i: usize, message: String| BakeError::Feature {
        path: path.to_owned(),
        index: i,
        id: Some(places[i].id.clone()),
        message,
    };
    let mut families = Vec::with_capacity(places.len());
    for place in places {
        let native: Vec<String> = place.native.iter().map(|n| n.text.clone()).collect();
        families.push(family(&NameSource {
            name: &place.name,
            aliases: &place.aliases,
            native: &native,
            kind: place.kind,
            romanization: romanization(place),
        }));
    }
    let explicit = |i: usize, spelling: &str| {
        std::iter::once(&places[i].name)
            .chain(&places[i].aliases)
            .chain(places[i].native.iter().map(|n| &n.text))
            .any(|n| fold(n) == spelling)
    };
    // Every spelling with the places whose family holds it.
    let mut owners: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, fam) in families.iter().enumerate() {
        for v in fam {
            owners.entry(v.spelling.clone()).or_default().push(i);
        }
    }
    let mut entries = Vec::with_capacity(places.len());
    for (i, place) in places.iter().enumerate() {
        let mut variants = Vec::new();
        for v in &families[i] {
            let holders = &owners[&v.spelling];
            if holders.len() > 1 {
                let named: Vec<usize> = holders
                    .iter()
                    .copied()
                    .filter(|&h| explicit(h, &v.spelling))
                    .collect();
                if named.len() > 1 {
                    let later = &places[named[1]];
                    let said = std::iter::once(&later.name)
                        .chain(&later.aliases)
                        .chain(later.native.iter().map(|n| &n.text))
                        .find(|n| fold(n) == v.spelling)
                        .unwrap_or(&v.spelling);
                    let what = if *said == later.name { "name" } else { "alias" };
                    return Err(fail(
                        named[1],
                        format!(
                            "{what} \"{said}\" is also a name of \"{}\"",
                            places[named[0]].id
                        ),
                    ));
                }
                if named != [i] {
                    continue;
                }
            }
            variants.push(v.clone());
        }
        let mut ambiguous = Vec::new();
        for a in &place.ambiguous {
            let spelling = fold(&a.spelling);
            if !variants.iter().any(|v| v.spelling == spelling) {
                return Err(fail(
                    i,
                    format!(
                        "ambiguous spelling \"{}\" is not one of the place's spellings",
                        a.spelling
                    ),
                ));
            }
            let rival = match &a.rival {
                None => None,
                Some(id) => match places.iter().position(|p| &p.id == id) {
                    Some(r) if r != i => Some((r, places[r].kind)),
                    _ => {
                        return Err(fail(
                            i,
                            format!(
                                "ambiguous spelling \"{}\": rival \"{id}\" is not another place of the file",
                                a.spelling
                            ),
                        ))
                    }
                },
            };
            ambiguous.push(Ambiguous {
                spelling,
                also: a.also.clone(),
                needs: a.needs.iter().map(|w| fold(w)).collect(),
                rival,
                given_name: a.given_name,
            });
        }
        entries.push(Entry {
            place: i,
            name: place.name.clone(),
            kind: place.kind,
            variants,
            not_in: place.not_in.iter().map(|p| fold(p)).collect(),
            ambiguous,
            elsewhere: place.elsewhere.iter().map(|w| fold(w)).collect(),
            // A Chinese province is too wide to say a text is about the border.
            border: !(place.kind == PlaceKind::Province && place.country == "China"),
        });
    }
    Ok(Gazetteer::new(entries))
}

/// What an article's entry says about its places: mentions to add and mentions that are wrong.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct PlaceNotes {
    #[serde(default)]
    include: Vec<PlaceNote>,
    #[serde(default)]
    exclude: Vec<PlaceNote>,
}

/// One note: in paragraph `paragraph` (1-based), the words `text` are (or are not) place `place`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PlaceNote {
    paragraph: usize,
    text: String,
    place: Option<String>,
}

/// Applies an article's notes to its found places. Errors say which note and what is wrong.
fn apply_notes(
    notes: &PlaceNotes,
    article: &Article,
    found: &mut [ParagraphPlaces],
    places: &[Place],
) -> Result<(), String> {
    let place_of = |which: &str, k: usize, note: &PlaceNote| -> Result<Option<usize>, String> {
        match &note.place {
            None => Ok(None),
            Some(id) => places
                .iter()
                .position(|p| &p.id == id)
                .map(Some)
                .ok_or_else(|| format!("places.{which}[{k}]: no place has id \"{id}\"")),
        }
    };
    let paragraph = |which: &str, k: usize, note: &PlaceNote| -> Result<usize, String> {
        if note.paragraph == 0 || note.paragraph > article.paragraphs.len() {
            return Err(format!(
                "places.{which}[{k}]: paragraph {} is not one of the article's paragraphs 1–{}",
                note.paragraph,
                article.paragraphs.len()
            ));
        }
        Ok(note.paragraph - 1)
    };
    for (k, note) in notes.include.iter().enumerate() {
        let p = paragraph("include", k, note)?;
        let place = place_of("include", k, note)?.ok_or_else(|| {
            format!(
                "places.include[{k}]: `place` is required: which place \"{}\" is",
                note.text
            )
        })?;
        let text = &article.paragraphs[p].text;
        let folded = FoldedText::new(text);
        let spots = occurrences(&folded, &fold(&note.text));
        if spots.is_empty() {
            return Err(format!(
                "places.include[{k}]: paragraph {} has no word \"{}\"",
                note.paragraph, note.text
            ));
        }
        let here = &mut found[p];
        for (s, e) in spots {
            let (start, end) = folded.byte_range(s, e);
            here.mentions.retain(|m| m.end <= start || m.start >= end);
            here.left_out.retain(|l| l.end <= start || l.start >= end);
            here.mentions.push(Mention {
                place,
                start,
                end,
                rule: "editor's note",
                why: reason(
                    &text[start..end],
                    &places[place].name,
                    "editor's note",
                    None,
                ),
            });
        }
        here.mentions.sort_by_key(|m| m.start);
    }
    for (k, note) in notes.exclude.iter().enumerate() {
        let p = paragraph("exclude", k, note)?;
        let place = place_of("exclude", k, note)?;
        let text = &article.paragraphs[p].text;
        let wanted = fold(&note.text);
        let here = &mut found[p];
        let before = here.mentions.len();
        let mut removed = Vec::new();
        here.mentions.retain(|m| {
            let hit = fold(&text[m.start..m.end]) == wanted && place.is_none_or(|pl| pl == m.place);
            if hit {
                removed.push(m.clone());
            }
            !hit
        });
        if here.mentions.len() == before {
            return Err(format!(
                "places.exclude[{k}]: paragraph {} has no mention \"{}\"{} to leave out",
                note.paragraph,
                note.text,
                note.place
                    .as_ref()
                    .map(|id| format!(" of \"{id}\""))
                    .unwrap_or_default()
            ));
        }
        for m in removed {
            here.left_out.push(LeftOut {
                place: m.place,
                start: m.start,
                end: m.end,
                reason: "left out by the article's entry in articles.json".to_owned(),
                certain: true,
            });
        }
    }
    Ok(())
}

/// Reads `content/articles.json` and every article it lists, and finds the places in them.
pub fn read(dir: &Path, places_path: &Path, places: &[Place]) -> Result<Reading, BakeError> {
    let index = dir.join("articles.json");
    let json = std::fs::read_to_string(&index).map_err(|e| BakeError::Io {
        path: index.clone(),
        message: e.to_string(),
    })?;
    let metas: Vec<MetaFile> = serde_json::from_str(&json).map_err(|e| BakeError::Json {
        path: index.clone(),
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })?;
    if metas.is_empty() {
        return Err(BakeError::Missing {
            path: index,
            message: "no articles".to_owned(),
        });
    }
    let entries = gazetteer(places_path, places)?;
    let mut reading = Reading {
        articles: Vec::new(),
        mentions: Vec::new(),
        left_out: Vec::new(),
    };
    for (i, m) in metas.into_iter().enumerate() {
        let fail = |message: String| BakeError::Feature {
            path: index.clone(),
            index: i,
            id: Some(m.id.clone()),
            message,
        };
        if m.id.is_empty()
            || !m
                .id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        {
            return Err(fail(
                "id must be lowercase letters, digits and '-'".to_owned(),
            ));
        }
        if reading.articles.iter().any(|a: &Article| a.meta.id == m.id) {
            return Err(fail("duplicate id".to_owned()));
        }
        if m.file.contains(['/', '\\']) || m.file.starts_with('.') {
            return Err(fail(format!(
                "file \"{}\" must be a plain file name in {}",
                m.file,
                dir.display()
            )));
        }
        let layout = match m.paragraphs.as_str() {
            "blank-lines" => Layout::BlankLines,
            "lines" => Layout::Lines,
            other => {
                return Err(fail(format!(
                    "paragraphs \"{other}\" is not \"blank-lines\" or \"lines\""
                )))
            }
        };
        let path = dir.join(&m.file);
        let bytes = std::fs::read(&path).map_err(|e| BakeError::Io {
            path: path.clone(),
            message: e.to_string(),
        })?;
        let text = String::from_utf8(bytes).map_err(|e| {
            let line = 1 + e.as_bytes()[..e.utf8_error().valid_up_to()]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            BakeError::Text {
                path: path.clone(),
                line,
                message: "not UTF-8 text".to_owned(),
            }
        })?;
        let meta = ArticleMeta {
            id: m.id,
            file: m.file,
            title: m.title,
            title_given: m.title_given,
            author: m.author,
            publication: m.publication,
            layout,
            furniture: m.furniture,
        };
        let article = parse(&meta, &text).map_err(|e| match e.line {
            Some(line) => BakeError::Text {
                path: path.clone(),
                line,
                message: e.message,
            },
            None => BakeError::Missing {
                path: path.clone(),
                message: e.message,
            },
        })?;
        let texts: Vec<&str> = article.paragraphs.iter().map(|p| p.text.as_str()).collect();
        let mut found = places_in(&texts, &entries);
        apply_notes(&m.places, &article, &mut found, places).map_err(|message| {
            BakeError::Feature {
                path: index.clone(),
                index: i,
                id: Some(article.meta.id.clone()),
                message,
            }
        })?;
        let (mentions, left_out) = found.into_iter().map(|f| (f.mentions, f.left_out)).unzip();
        reading.mentions.push(mentions);
        reading.left_out.push(left_out);
        reading.articles.push(article);
    }
    Ok(reading)
}

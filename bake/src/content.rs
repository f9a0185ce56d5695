//! The articles of `content/`: read, checked, split into paragraphs and searched for places.

use crate::error::BakeError;
use crate::places::Place;
use crate::text::{mentions, parse, Article, ArticleMeta, Entry, Layout, Mention};
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
}

/// The articles with the place mentions of each paragraph.
#[derive(Clone, Debug)]
pub struct Reading {
    /// The articles, in `articles.json` order.
    pub articles: Vec<Article>,
    /// For each article, for each paragraph, its mentions in text order.
    pub mentions: Vec<Vec<Vec<Mention>>>,
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

/// The gazetteer of the places: every name and alias, checked so that no spelling belongs to two places.
pub fn gazetteer(path: &Path, places: &[Place]) -> Result<Vec<Entry>, BakeError> {
    let mut owner: HashMap<String, usize> = HashMap::new();
    let mut entries = Vec::new();
    for (i, place) in places.iter().enumerate() {
        let mut names: Vec<String> = Vec::new();
        for name in std::iter::once(&place.name).chain(&place.aliases) {
            // Spellings that differ only in case or apostrophe are one name to the matcher.
            let key: String = name.to_lowercase().replace(['\u{2019}', '\u{2018}'], "'");
            match owner.get(&key) {
                Some(&other) if other != i => {
                    return Err(BakeError::Feature {
                        path: path.to_owned(),
                        index: i,
                        id: Some(place.id.clone()),
                        message: format!(
                            "alias \"{name}\" is also a name of \"{}\"",
                            places[other].id
                        ),
                    })
                }
                Some(_) => {}
                None => {
                    owner.insert(key, i);
                    names.push(name.clone());
                }
            }
        }
        entries.push(Entry {
            place: i,
            names,
            not_in: place.not_in.clone(),
        });
    }
    Ok(entries)
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
        reading.mentions.push(
            article
                .paragraphs
                .iter()
                .map(|p| mentions(&p.text, &entries))
                .collect(),
        );
        reading.articles.push(article);
    }
    Ok(reading)
}

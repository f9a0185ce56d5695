//! The author's report: for each article, a summary (the places found, the names left out by
//! each rule, the spelling rules the mentions were read by), then each paragraph's places, and
//! every name found but left out, with the reason. `make places`, or `cargo run -p yalu-bake --bin places-report`.
//! With `--families`, it first prints every place's spellings and the rule that made each.

use std::path::Path;
use yalu_bake::content::gazetteer;
use yalu_bake::places::{read_places, Place};
use yalu_bake::text::{LeftOut, Mention};
use yalu_bake::DataPaths;

/// Counts of each item, in the order first seen, as "item n, item n".
fn tally<'a>(items: impl Iterator<Item = &'a str>) -> String {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for item in items {
        match counts.iter_mut().find(|(i, _)| *i == item) {
            Some((_, n)) => *n += 1,
            None => counts.push((item, 1)),
        }
    }
    if counts.is_empty() {
        return "none".to_owned();
    }
    counts
        .iter()
        .map(|(i, n)| format!("{i} {n}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// An article's summary at a glance: the places found (with how many mentions), the names left
/// out by each rule, and the spelling rules the mentions were read by.
fn summary(mentions: &[Vec<Mention>], left_out: &[Vec<LeftOut>], places: &[Place]) {
    let all = || mentions.iter().flatten();
    println!(
        "  places found: {}",
        tally(all().map(|m| places[m.place].id.as_str()))
    );
    // The rule of a name left out is what its reason says first ("a person", "a product", …);
    // a name left out for want of support says so.
    fn rule(l: &LeftOut) -> &str {
        if l.certain {
            l.reason.split(':').next().unwrap_or("")
        } else {
            "no support in the text"
        }
    }
    println!("  left out: {}", tally(left_out.iter().flatten().map(rule)));
    println!("  read by: {}", tally(all().map(|m| m.rule)));
}

fn main() {
    // At run time, so the report reads this checkout (cargo sets it for `cargo run`).
    let crate_dir = std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_else(|| "bake".into());
    let root = Path::new(&crate_dir).join("..");
    let mut paths = DataPaths::under(&root);
    if let Some(dir) = std::env::var_os("YALU_CONTENT_DIR") {
        paths.content = dir.into();
    }
    let run = || -> Result<(), yalu_bake::error::BakeError> {
        let places = read_places(&paths.places)?;
        if std::env::args().any(|a| a == "--families") {
            let g = gazetteer(&paths.places, &places)?;
            for e in &g.entries {
                println!("{} ({} spellings)", places[e.place].id, e.variants.len());
                for v in &e.variants {
                    println!("    {:<40} {}", v.spelling, v.rule);
                }
            }
            println!();
        }
        let reading = yalu_bake::content::read(&paths.content, &paths.places, &places)?;
        for (a, article) in reading.articles.iter().enumerate() {
            println!(
                "{} ({}): {}",
                article.meta.id, article.meta.file, article.meta.title
            );
            summary(&reading.mentions[a], &reading.left_out[a], &places);
            for (p, paragraph) in article.paragraphs.iter().enumerate() {
                let mentions = &reading.mentions[a][p];
                let left_out = &reading.left_out[a][p];
                if mentions.is_empty() && left_out.is_empty() {
                    continue;
                }
                let mut ids: Vec<&str> = Vec::new();
                for m in mentions {
                    let id = places[m.place].id.as_str();
                    if !ids.contains(&id) {
                        ids.push(id);
                    }
                }
                let said: Vec<String> = mentions
                    .iter()
                    .map(|m| format!("\"{}\"", paragraph.text[m.start..m.end].replace('\n', " ")))
                    .collect();
                println!(
                    "  ¶{} (line {}): {}{}",
                    p + 1,
                    paragraph.line,
                    if ids.is_empty() {
                        "-".to_owned()
                    } else {
                        ids.join(", ")
                    },
                    if said.is_empty() {
                        String::new()
                    } else {
                        format!("   [{}]", said.join(" "))
                    }
                );
                for l in left_out {
                    println!(
                        "      {} \"{}\" not {}: {}",
                        if l.certain { "left out" } else { "uncertain" },
                        paragraph.text[l.start..l.end].replace('\n', " "),
                        places[l.place].id,
                        l.reason
                    );
                }
            }
            println!();
        }
        let unnamed: Vec<&str> = (0..places.len())
            .filter(|&i| reading.excerpts(i).is_empty())
            .map(|i| places[i].id.as_str())
            .collect();
        if !unnamed.is_empty() {
            println!(
                "places no paragraph names yet (their panels say so): {}",
                unnamed.join(", ")
            );
        }
        Ok(())
    };
    if let Err(e) = run() {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
}

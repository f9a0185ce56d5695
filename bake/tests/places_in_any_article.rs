//! Places in articles the project has never seen: four articles written for these tests (one
//! per paragraph style: blank lines, one paragraph per line, a post with numbered reader
//! comments; and a text not about the border), each with an expected file listing, for each
//! paragraph, the places it must be listed under and those it must never be listed under.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::Instant;
use yalu_bake::content::{gazetteer, read, Reading};
use yalu_bake::places::{read_places, Place};
use yalu_bake::text::{parse, places_in, ArticleMeta, Layout};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/places")
}

fn project_places() -> (PathBuf, Vec<Place>) {
    let path = root().join("data/places.geojson");
    let places = read_places(&path).expect("the project's places load");
    (path, places)
}

/// One line of an expected file: `3: yalu jian | hyesan`.
struct Expected {
    paragraph: usize,
    must: Vec<String>,
    never: Vec<String>,
}

fn expected(file: &Path) -> Vec<Expected> {
    let text = std::fs::read_to_string(file).unwrap();
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(n, l)| {
            let fault = || {
                format!(
                    "{}:{}: expected `N: must … | never …`",
                    file.display(),
                    n + 1
                )
            };
            let (number, rest) = l.split_once(':').unwrap_or_else(|| panic!("{}", fault()));
            let (must, never) = rest
                .split_once('|')
                .unwrap_or_else(|| panic!("{}", fault()));
            let words = |s: &str| s.split_whitespace().map(str::to_owned).collect();
            Expected {
                paragraph: number
                    .trim()
                    .parse()
                    .unwrap_or_else(|_| panic!("{}", fault())),
                must: words(must),
                never: words(never),
            }
        })
        .collect()
}

/// The place ids a paragraph is listed under.
fn listed(
    reading: &Reading,
    places: &[Place],
    article: usize,
    paragraph: usize,
) -> BTreeSet<String> {
    reading.mentions[article][paragraph]
        .iter()
        .map(|m| places[m.place].id.clone())
        .collect()
}

/// How a set of written articles scores against its expected files.
struct Score {
    /// Places the expected files ask for, and how many of them were found.
    wanted: usize,
    found: usize,
    /// The places asked for and not found, as `article ¶N: id`.
    misses: Vec<String>,
    /// Paragraphs listed under a place they must never be, as `article ¶N: id`.
    wrong: Vec<String>,
}

impl Score {
    fn recall(&self) -> f64 {
        self.found as f64 / self.wanted as f64
    }
}

/// Reads the articles of fixture folder `dir` and scores them against their expected files.
fn score(dir: &Path) -> Score {
    let (path, places) = project_places();
    let reading = read(dir, &path, &places).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        reading.articles.len() >= 3,
        "{}: the articles",
        dir.display()
    );
    let ids: BTreeSet<&str> = places.iter().map(|p| p.id.as_str()).collect();
    let mut score = Score {
        wanted: 0,
        found: 0,
        misses: Vec::new(),
        wrong: Vec::new(),
    };
    for (a, article) in reading.articles.iter().enumerate() {
        let file = dir.join(article.meta.file.replace(".txt", ".expected"));
        let lines = expected(&file);
        assert_eq!(
            lines.len(),
            article.paragraphs.len(),
            "{}: one line per paragraph",
            file.display()
        );
        for e in lines {
            let got = listed(&reading, &places, a, e.paragraph - 1);
            for id in e.must.iter().chain(&e.never) {
                assert!(
                    ids.contains(id.as_str()),
                    "{}: unknown place {id}",
                    file.display()
                );
            }
            for id in &e.must {
                score.wanted += 1;
                if got.contains(id) {
                    score.found += 1;
                } else {
                    score
                        .misses
                        .push(format!("{} ¶{}: {id}", article.meta.id, e.paragraph));
                }
            }
            for id in &e.never {
                if got.contains(id) {
                    score
                        .wrong
                        .push(format!("{} ¶{}: {id}", article.meta.id, e.paragraph));
                }
            }
        }
    }
    println!(
        "{}: recall {}/{} = {:.1} %, {} never-violations",
        dir.file_name().unwrap().to_string_lossy(),
        score.found,
        score.wanted,
        score.recall() * 100.0,
        score.wrong.len()
    );
    score
}

#[test]
fn written_articles_find_their_places_with_recall_of_98_percent_and_no_wrong_place() {
    let score = score(&fixtures());
    assert!(
        score.wrong.is_empty(),
        "listed under a place it must never be: {:?}",
        score.wrong
    );
    assert!(
        score.recall() >= 0.98,
        "recall {:.1} %, missed: {:?}",
        score.recall() * 100.0,
        score.misses
    );
    assert!(
        score.wanted >= 60,
        "the expected files ask for {} places only",
        score.wanted
    );
}

#[test]
fn what_is_left_out_is_kept_with_a_reason() {
    let (path, places) = project_places();
    let reading = read(&fixtures(), &path, &places).unwrap();
    let weekend = reading
        .articles
        .iter()
        .position(|a| a.meta.id == "andong-weekend")
        .unwrap();
    let reasons: Vec<&str> = reading.left_out[weekend]
        .iter()
        .flatten()
        .map(|l| l.reason.as_str())
        .collect();
    assert!(
        reasons.iter().any(|r| r.contains("a city of South Korea")),
        "{reasons:?}"
    );
    assert!(
        reasons
            .iter()
            .any(|r| r.contains("nothing of the Yalu border")),
        "{reasons:?}"
    );
    assert!(
        reasons.iter().any(|r| r.starts_with("a person")),
        "{reasons:?}"
    );
}

/// Ten articles of 5,000 words, from the written articles' sentences, baked as the build does:
/// parsing, finding and judging (the gazetteer built once, as the build does).
#[test]
fn ten_articles_of_5000_words_bake_in_under_a_second() {
    let (path, places) = project_places();
    let mut words = Vec::new();
    for name in ["upper-river.txt", "field-notes.txt", "crossings.txt"] {
        let text = std::fs::read_to_string(fixtures().join(name)).unwrap();
        words.extend(text.split_whitespace().map(str::to_owned));
    }
    let text: String = words
        .iter()
        .cycle()
        .take(5_000)
        .enumerate()
        .map(|(i, w)| {
            if i % 60 == 59 {
                format!("{w}\n\n")
            } else {
                format!("{w} ")
            }
        })
        .collect();
    let meta = ArticleMeta {
        id: "long".into(),
        file: "long.txt".into(),
        title: "Long".into(),
        title_given: true,
        author: None,
        publication: None,
        layout: Layout::BlankLines,
        furniture: Vec::new(),
    };
    let started = Instant::now();
    let g = gazetteer(&path, &places).unwrap();
    let mut mentions = 0;
    for _ in 0..10 {
        let article = parse(&meta, &text).unwrap();
        let texts: Vec<&str> = article.paragraphs.iter().map(|p| p.text.as_str()).collect();
        mentions += places_in(&texts, &g)
            .iter()
            .map(|p| p.mentions.len())
            .sum::<usize>();
    }
    let took = started.elapsed();
    println!("ten 5,000-word articles: {took:?}, {mentions} mentions");
    assert!(mentions > 1_000);
    assert!(took.as_secs_f64() < 1.0, "took {took:?}");
}

fn fixture_set(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// The set the rules for CJK runs, romanizations, coordinated names, products, people,
/// namesakes and the two Changbais were worked out on (written and frozen before them).
#[test]
fn the_rules_set_finds_its_places() {
    let score = score(&fixture_set("places-rules"));
    assert!(
        score.wrong.is_empty(),
        "listed under a place it must never be: {:?}",
        score.wrong
    );
    assert!(
        score.recall() >= 0.98,
        "recall {:.1} %, missed: {:?}",
        score.recall() * 100.0,
        score.misses
    );
    assert!(score.wanted >= 90, "{} places asked for", score.wanted);
}

/// The set written for the same kinds of case and kept apart while the rules were written:
/// how the rules do on text they were not written for.
/// Its figures stand in the closing note of the rules' issue (before the rules: recall 72.7 %,
/// 14 never-violations); this keeps them from getting worse.
#[test]
fn the_unseen_set_finds_its_places() {
    let score = score(&fixture_set("places-unseen"));
    assert!(
        score.recall() >= 0.93,
        "recall {:.1} %, missed: {:?}",
        score.recall() * 100.0,
        score.misses
    );
    assert!(
        score.wrong.len() <= 7,
        "listed under a place it must never be: {:?}",
        score.wrong
    );
    assert!(score.wanted >= 40, "{} places asked for", score.wanted);
}

/// A third set, written after the rules by someone who had not read them: the rules on text
/// they were not written for (before the rules: recall 72.3 %, 12 never-violations). Its
/// figures stand in the closing note; this keeps them from getting worse.
#[test]
fn the_set_written_after_the_rules_finds_its_places() {
    let score = score(&fixture_set("places-after"));
    assert!(
        score.recall() >= 0.81,
        "recall {:.1} %, missed: {:?}",
        score.recall() * 100.0,
        score.misses
    );
    assert!(
        score.wrong.len() <= 5,
        "listed under a place it must never be: {:?}",
        score.wrong
    );
    assert!(score.wanted >= 60, "{} places asked for", score.wanted);
}

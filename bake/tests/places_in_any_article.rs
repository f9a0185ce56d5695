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

#[test]
fn written_articles_find_their_places_with_recall_of_98_percent_and_no_wrong_place() {
    let (path, places) = project_places();
    let reading = read(&fixtures(), &path, &places).unwrap_or_else(|e| panic!("{e}"));
    assert!(reading.articles.len() >= 4);
    let ids: BTreeSet<&str> = places.iter().map(|p| p.id.as_str()).collect();
    let (mut wanted, mut found) = (0, 0);
    let mut misses = Vec::new();
    let mut wrong = Vec::new();
    for (a, article) in reading.articles.iter().enumerate() {
        let file = fixtures().join(article.meta.file.replace(".txt", ".expected"));
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
                wanted += 1;
                if got.contains(id) {
                    found += 1;
                } else {
                    misses.push(format!("{} ¶{}: {id}", article.meta.id, e.paragraph));
                }
            }
            for id in &e.never {
                if got.contains(id) {
                    wrong.push(format!("{} ¶{}: {id}", article.meta.id, e.paragraph));
                }
            }
        }
    }
    let recall = found as f64 / wanted as f64;
    println!("recall {found}/{wanted} = {:.1} %", recall * 100.0);
    assert!(
        wrong.is_empty(),
        "listed under a place it must never be: {wrong:?}"
    );
    assert!(
        recall >= 0.98,
        "recall {:.1} %, missed: {misses:?}",
        recall * 100.0
    );
    assert!(
        wanted >= 60,
        "the expected files ask for {wanted} places only"
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

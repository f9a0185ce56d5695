//! Each kind of bad input stops the bake with a message that names the file, the line or
//! feature, and what is wrong. Every test breaks one thing in a copy of the real data.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use yalu_bake::{Atlas, DataPaths};

/// A copy of `data/` and `content/` in a fresh temporary folder.
fn copy_project() -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let root = std::env::temp_dir().join(format!(
        "yalu-broken-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::SeqCst)
    ));
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    for dir in ["data", "data/natural-earth", "data/osm-borders", "content"] {
        std::fs::create_dir_all(root.join(dir)).unwrap();
        for entry in std::fs::read_dir(src.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.is_file() {
                std::fs::copy(&path, root.join(dir).join(path.file_name().unwrap())).unwrap();
            }
        }
    }
    root
}

/// Loads the copy after `break_it` has changed it; returns the error message.
fn error_after(break_it: impl FnOnce(&Path)) -> String {
    let root = copy_project();
    break_it(&root);
    let result = Atlas::load(&DataPaths::under(&root));
    let _ = std::fs::remove_dir_all(&root);
    match result {
        Ok(_) => panic!("the broken input was accepted"),
        Err(e) => e.to_string(),
    }
}

fn edit(root: &Path, file: &str, from: &str, to: &str) {
    let path = root.join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{file} does not contain {from}");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn the_real_data_loads() {
    let root = copy_project();
    assert!(Atlas::load(&DataPaths::under(&root)).is_ok());
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn malformed_json_names_line_and_column() {
    let msg = error_after(|r| {
        edit(
            r,
            "data/places.geojson",
            "\"id\": \"manpo\",",
            "\"id\": \"manpo\"",
        )
    });
    assert!(
        msg.contains("data/places.geojson:4:") && msg.contains("invalid JSON"),
        "{msg}"
    );
}

#[test]
fn a_place_without_an_id_is_named_by_index() {
    let msg = error_after(|r| edit(r, "data/places.geojson", "\"id\": \"dandong\", ", ""));
    assert!(
        msg.ends_with("data/places.geojson: feature 4: missing string property `id`"),
        "{msg}"
    );
}

#[test]
fn a_place_outside_the_frame_is_refused() {
    let msg = error_after(|r| {
        edit(
            r,
            "data/places.geojson",
            "[126.2958, 41.1454]",
            "[140.0, 41.1454]",
        )
    });
    assert!(
        msg.contains("feature 2 (id \"manpo\"): point [140, 41.1454] lies outside the map's frame"),
        "{msg}"
    );
}

#[test]
fn an_impossible_coordinate_is_refused() {
    let msg = error_after(|r| {
        edit(
            r,
            "data/places.geojson",
            "[126.2958, 41.1454]",
            "[126.2958, 141.1454]",
        )
    });
    assert!(
        msg.contains(
            "(id \"manpo\"): coordinate [126.2958, 141.1454] is not a valid longitude/latitude"
        ),
        "{msg}"
    );
}

#[test]
fn an_alias_of_two_places_is_refused() {
    let msg = error_after(|r| {
        edit(
            r,
            "data/places.geojson",
            "\"aliases\": [\"Manp'o\",",
            "\"aliases\": [\"Manp'o\", \"Hyeson\",",
        )
    });
    assert!(
        msg.contains("(id \"manpo\"): alias \"Hyeson\" is also a name of \"hyesan\""),
        "{msg}"
    );
}

#[test]
fn an_empty_article_is_refused() {
    let msg = error_after(|r| {
        std::fs::write(r.join("content/004_376523fb46a46eae.txt"), "\n\n").unwrap()
    });
    assert!(
        msg.ends_with("004_376523fb46a46eae.txt: the article is empty"),
        "{msg}"
    );
}

#[test]
fn an_article_that_is_not_utf8_names_the_line() {
    let msg = error_after(|r| {
        std::fs::write(
            r.join("content/004_376523fb46a46eae.txt"),
            b"Hyesan.\nBad \xff byte.\n",
        )
        .unwrap()
    });
    assert!(
        msg.ends_with("004_376523fb46a46eae.txt:2: not UTF-8 text"),
        "{msg}"
    );
}

#[test]
fn a_control_character_names_its_line() {
    let msg = error_after(|r| {
        std::fs::write(
            r.join("content/004_376523fb46a46eae.txt"),
            "Hyesan.\nA bell\u{7} rings.\n",
        )
        .unwrap()
    });
    assert!(
        msg.ends_with("004_376523fb46a46eae.txt:2: contains a control character"),
        "{msg}"
    );
}

#[test]
fn an_article_of_furniture_only_has_no_paragraphs() {
    let msg = error_after(|r| {
        std::fs::write(
            r.join("content/004_376523fb46a46eae.txt"),
            "Follow me on Facebook.\n",
        )
        .unwrap();
        edit(
            r,
            "content/articles.json",
            "\"paragraphs\": \"lines\",\n    \"furniture\": []",
            "\"paragraphs\": \"lines\",\n    \"furniture\": [\"Follow me\"]",
        );
    });
    assert!(
        msg.ends_with("004_376523fb46a46eae.txt: the article has no paragraphs"),
        "{msg}"
    );
}

#[test]
fn missing_furniture_is_reported() {
    let msg = error_after(|r| {
        edit(
            r,
            "content/articles.json",
            "\"Leave a Reply\"",
            "\"Leave no Reply\"",
        )
    });
    assert!(msg.ends_with("000_b51472924792fd0f.txt: furniture \"Leave no Reply\" starts 0 blocks; it must start exactly one"), "{msg}");
}

#[test]
fn a_gap_in_the_river_is_reported() {
    // Move the start of the reservoir stretch away from where the upper course ends.
    let msg = error_after(|r| {
        edit(
            r,
            "data/natural-earth/rivers.geojson",
            "[124.95924,40.45392]",
            "[124.5,40.2]",
        )
    });
    // The lower course (feature 7) no longer meets the moved end of the reservoir stretch.
    assert!(
        msg.ends_with("rivers.geojson: feature 7 (id \"Yalu\"): a piece of the Yalu does not meet the rest of its course end to end"),
        "{msg}"
    );
}

#[test]
fn a_place_no_paragraph_mentions_bakes_quietly_with_an_empty_panel() {
    let root = copy_project();
    edit(
        &root,
        "data/places.geojson",
        "\"aliases\": [\"Tantung\", \"Antung\", \"Andong\", \"丹東\", \"安东\"]",
        "\"aliases\": []",
    );
    edit(
        &root,
        "data/places.geojson",
        "\"name\": \"Dandong\"",
        "\"name\": \"Andong\"",
    );
    let atlas = Atlas::load(&DataPaths::under(&root)).expect("no passage is not a fault");
    let _ = std::fs::remove_dir_all(&root);
    // Its panel says so, and the author's report lists it; the build says nothing.
    assert!(atlas.warnings.is_empty(), "{:?}", atlas.warnings);
    let dandong = atlas.places.iter().position(|p| p.id == "dandong").unwrap();
    assert!(atlas.reading.excerpts(dandong).is_empty());
}

#[test]
fn the_real_data_bakes_without_warnings() {
    let root = copy_project();
    let atlas = Atlas::load(&DataPaths::under(&root)).expect("the project's data bakes");
    let _ = std::fs::remove_dir_all(&root);
    assert!(atlas.warnings.is_empty(), "{:?}", atlas.warnings);
}

#[test]
fn a_border_with_one_country_on_both_sides_is_refused() {
    let msg = error_after(|r| {
        edit(
            r,
            "data/osm-borders/borders.geojson",
            "\"left\":\"China\",\"right\":\"North Korea\"",
            "\"left\":\"China\",\"right\":\"China\"",
        )
    });
    assert!(
        msg.ends_with("borders.geojson: feature 0: China on both sides: not a border"),
        "{msg}"
    );
}

#[test]
fn a_yalu_source_far_from_the_border_is_refused() {
    let msg = error_after(|r| {
        edit(
            r,
            "data/places.geojson",
            "\"source\": [128.09059, 41.91751]",
            "\"source\": [127.5, 41.5]",
        )
    });
    assert!(
        msg.contains("borders.geojson: the China–North Korea border passes")
            && msg.ends_with("from the Yalu's source, more than 2 km"),
        "{msg}"
    );
}

#[test]
fn a_point_among_a_countrys_land_is_refused() {
    let msg = error_after(|r| {
        edit(
            r,
            "data/natural-earth/countries.geojson",
            "{\"type\":\"LineString\",\"coordinates\":[[123.56224,39.76993],[123.56224,39.76824]]}",
            "{\"type\":\"Point\",\"coordinates\":[123.56224,39.76993]}",
        )
    });
    assert!(
        msg.ends_with("countries.geojson: feature 0 (id \"China\"): member 5 is a Point, neither land nor a line"),
        "{msg}"
    );
}

/// Adds `notes` (the JSON of a `places` field) to the Hyesan article's entry.
fn note_places(root: &Path, notes: &str) {
    edit(
        root,
        "content/articles.json",
        "\"paragraphs\": \"lines\",",
        &format!("\"paragraphs\": \"lines\",\n    \"places\": {notes},"),
    );
}

#[test]
fn an_article_s_entry_can_add_and_remove_mentions() {
    let root = copy_project();
    note_places(
        &root,
        r#"{"include": [{"paragraph": 7, "text": "China", "place": "jilin"}],
            "exclude": [{"paragraph": 6, "text": "pyongyang"}, {"paragraph": 3, "text": "Pyongyang", "place": "pyongyang"}]}"#,
    );
    let atlas = Atlas::load(&DataPaths::under(&root));
    let _ = std::fs::remove_dir_all(&root);
    let atlas = atlas.unwrap_or_else(|e| panic!("{e}"));
    let index = |id: &str| atlas.places.iter().position(|p| p.id == id).unwrap();
    let hyesan_article = atlas
        .reading
        .articles
        .iter()
        .position(|a| a.meta.id == "hyesan-frontier")
        .unwrap();
    assert!(atlas
        .reading
        .excerpts(index("jilin"))
        .contains(&(hyesan_article, 6)));
    assert!(!atlas
        .reading
        .excerpts(index("pyongyang"))
        .iter()
        .any(|&(a, _)| a == hyesan_article));
    let left = &atlas.reading.left_out[hyesan_article][5];
    assert!(left.iter().any(|l| l.reason.contains("articles.json")));
}

#[test]
fn a_wrong_place_note_names_the_file_the_article_and_the_fault() {
    let cases = [
        (
            r#"{"include": [{"paragraph": 40, "text": "China", "place": "jilin"}]}"#,
            "places.include[0]: paragraph 40 is not one of the article's paragraphs 1–10",
        ),
        (
            r#"{"include": [{"paragraph": 7, "text": "China", "place": "atlantis"}]}"#,
            "places.include[0]: no place has id \"atlantis\"",
        ),
        (
            r#"{"include": [{"paragraph": 7, "text": "Beijing", "place": "jilin"}]}"#,
            "places.include[0]: paragraph 7 has no word \"Beijing\"",
        ),
        (
            r#"{"exclude": [{"paragraph": 7, "text": "Hyesan"}]}"#,
            "places.exclude[0]: paragraph 7 has no mention \"Hyesan\" to leave out",
        ),
        (
            r#"{"include": [{"paragraph": 7, "text": "China"}]}"#,
            "places.include[0]: `place` is required",
        ),
    ];
    for (notes, fault) in cases {
        let msg = error_after(|r| note_places(r, notes));
        assert!(
            msg.contains("content/articles.json: feature 0 (id \"hyesan-frontier\"): ")
                && msg.contains(fault),
            "{msg}"
        );
    }
    // An unknown key is refused by name, at its line.
    let msg = error_after(|r| note_places(r, r#"{"includes": []}"#));
    assert!(
        msg.contains("articles.json:") && msg.contains("unknown field `includes`"),
        "{msg}"
    );
}

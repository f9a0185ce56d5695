//! Prints, as JSON, what the benchmark's Leaflet page (bench/leaflet/) draws and shows: the
//! same places, lines and passages the atlas bakes, in latitude/longitude for Leaflet. Lines are
//! simplified exactly as the atlas's are (in map units, within `TOLERANCE`), then unprojected,
//! so the two pages carry the same geometry and their bytes compare fairly.
//!
//! Usage: `cargo run -q -p yalu-bake --bin peer-data [PROJECT_ROOT]` (default: the current folder).
//!
//! The JSON: `frame` (south-west and north-east corners of the default view), `places` (in the
//! atlas's place-list order, the river first, then downstream; each with `id`, `name`,
//! `native`, `kind`, `rank`, `summary`, `at`, `label_left` (its name left of its marker) and
//! its `passages` in the order of its panel, each a `credit` and its `text` as pieces, the odd
//! ones the place's name as the text writes it), `yalu`, `tumen`, `reservoir`, `countries`,
//! `border` (China–North Korea), `other_borders` and `labels`. Points are `[lat, lon]` with
//! four decimals (about a sixth of the atlas's tenth of a map unit).

use serde_json::{json, Value};
use yalu_bake::geo::LonLat;
use yalu_bake::layers::LabelKind;
use yalu_bake::places::LabelSide;
use yalu_bake::text::{credit, Mention};
use yalu_bake::Atlas;

/// Decimals of a coordinate in degrees.
const DECIMALS: i32 = 4;

fn main() {
    let atlas = Atlas::load_from_args();
    println!("{}", peer_data(&atlas));
}

/// Everything the Leaflet page needs, as one JSON value.
fn peer_data(atlas: &Atlas) -> Value {
    let lines = |lines: &[Vec<LonLat>]| -> Vec<Vec<[f64; 2]>> {
        lines.iter().map(|l| simplified(atlas, l)).collect()
    };
    let (border, others) = atlas.borders_split();
    let border_lines = |borders: Vec<&yalu_bake::layers::Border>| -> Vec<Vec<[f64; 2]>> {
        borders
            .into_iter()
            .flat_map(|b| b.lines.iter().map(|l| simplified(atlas, l)))
            .collect()
    };
    // The land and the river as the atlas draws them, sharing their borders point for point.
    let (land, yalu) = atlas.land_and_yalu_on_map(yalu_bake::TOLERANCE);
    json!({
        "frame": [lat_lon(yalu_bake::FRAME_SOUTH_WEST), lat_lon(yalu_bake::FRAME_NORTH_EAST)],
        "places": places(atlas),
        "yalu": unprojected(atlas, &yalu),
        "tumen": lines(&atlas.tumen),
        "reservoir": lines(&atlas.reservoir),
        "countries": atlas.countries.iter().zip(&land).map(|(c, rings)| json!({
            "name": c.name,
            "rings": rings.iter().map(|r| unprojected(atlas, r)).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "border": border_lines(border),
        "other_borders": border_lines(others),
        "labels": atlas.labels.iter().map(|l| json!({
            "text": l.text,
            "sea": l.kind == LabelKind::Sea,
            "at": lat_lon(l.point),
        })).collect::<Vec<_>>(),
    })
}

/// The places in the atlas's list order, each with its passages.
fn places(atlas: &Atlas) -> Vec<Value> {
    let reading = &atlas.reading;
    atlas
        .places_downstream()
        .into_iter()
        .map(|i| {
            let p = &atlas.places[i];
            let passages: Vec<Value> = reading
                .excerpts(i)
                .into_iter()
                .map(|(a, n)| {
                    let article = &reading.articles[a];
                    let paragraph = &article.paragraphs[n];
                    json!({
                        "credit": credit(article, paragraph),
                        "text": pieces(&paragraph.text, &reading.mentions[a][n], i),
                    })
                })
                .collect();
            json!({
                "id": p.id,
                "name": p.name,
                "native": p.native.iter().map(|n| json!({ "lang": n.lang, "text": n.text })).collect::<Vec<_>>(),
                "kind": p.kind.word(),
                "rank": p.rank.word(),
                "summary": p.summary,
                "at": lat_lon(p.label_point()),
                "label_left": p.label == LabelSide::Left,
                "passages": passages,
            })
        })
        .collect()
}

/// A line simplified as the atlas draws it, back in latitude/longitude, rounded; points that
/// rounding makes equal to the one before are left out.
fn simplified(atlas: &Atlas, line: &[LonLat]) -> Vec<[f64; 2]> {
    unprojected(atlas, &atlas.on_map(line))
}

/// Points as the atlas draws them, back in latitude/longitude, rounded; points that rounding
/// makes equal to the one before are left out.
fn unprojected(atlas: &Atlas, points: &[yalu_bake::geo::MapPoint]) -> Vec<[f64; 2]> {
    let mut out: Vec<[f64; 2]> = Vec::new();
    for &p in points {
        let point = lat_lon(atlas.frame.unproject(p));
        if out.last() != Some(&point) {
            out.push(point);
        }
    }
    out
}

/// `[lat, lon]`, rounded to `DECIMALS`.
fn lat_lon(p: LonLat) -> [f64; 2] {
    let scale = 10f64.powi(DECIMALS);
    [
        (p.lat * scale).round() / scale,
        (p.lon * scale).round() / scale,
    ]
}

/// A paragraph's text as pieces: plain text, then the place's name as written, then plain
/// text, and so on (even indices plain, odd ones the mentions of `place`); the first piece may
/// be empty. Mentions of other places stay plain, as in the atlas's panel.
fn pieces(text: &str, mentions: &[Mention], place: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut at = 0;
    for m in mentions.iter().filter(|m| m.place == place) {
        let (Some(before), Some(name)) = (text.get(at..m.start), text.get(m.start..m.end)) else {
            continue;
        };
        out.push(before.to_owned());
        out.push(name.to_owned());
        at = m.end;
    }
    out.push(text.get(at..).unwrap_or_default().to_owned());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use yalu_bake::DataPaths;

    fn mention(place: usize, start: usize, end: usize) -> Mention {
        Mention {
            place,
            start,
            end,
            rule: "name",
            why: String::new(),
        }
    }

    #[test]
    fn pieces_alternate_plain_text_and_the_places_names() {
        let text = "From Manpo to Ji'an and back to Manpo.";
        let ms = [mention(2, 5, 10), mention(3, 14, 19), mention(2, 32, 37)];
        assert_eq!(
            pieces(text, &ms, 2),
            ["From ", "Manpo", " to Ji'an and back to ", "Manpo", "."]
        );
        assert_eq!(
            pieces(text, &ms, 3),
            ["From Manpo to ", "Ji'an", " and back to Manpo."]
        );
        assert_eq!(pieces(text, &ms, 9), [text]);
        assert_eq!(pieces("Manpo", &[mention(0, 0, 5)], 0), ["", "Manpo", ""]);
        // A mention off the text's characters is left plain, not a panic.
        assert_eq!(pieces("Manpo", &[mention(0, 2, 99)], 0), ["Manpo"]);
    }

    #[test]
    fn the_peer_carries_the_atlas_lines_point_for_point() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let atlas = Atlas::load(&DataPaths::under(&root)).expect("the project's data loads");
        let drawn = atlas.yalu_on_map();
        let peer = unprojected(&atlas, &drawn);
        assert_eq!(peer.len(), drawn.len());
        for (&[lat, lon], at) in peer.iter().zip(&drawn) {
            let back = atlas.frame.project(LonLat { lon, lat });
            // Four decimals of a degree are well under the atlas's tenth of a unit.
            assert!((back.x - at.x).abs() < 0.05 && (back.y - at.y).abs() < 0.05);
        }
    }
}

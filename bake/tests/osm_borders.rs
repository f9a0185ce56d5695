//! The Yalu, the Tumen and the countries' land against OpenStreetMap's 10 m border: the river
//! is the border from source to mouth, and two countries meet exactly on it, drawn or not.

use geo::{Area, BooleanOps, Coord, LineString, MultiPolygon, Polygon};
use std::collections::HashSet;
use yalu_bake::geo::simplify::distance_to_segment;
use yalu_bake::geo::{distance_m, length_m, LonLat, MapPoint};
use yalu_bake::{Atlas, DataPaths, TOLERANCE};

fn atlas() -> Atlas {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    Atlas::load(&DataPaths::under(&root)).expect("the project's data bakes")
}

/// The main China–North Korea line of the OpenStreetMap file, as it stands there.
fn osm_main_border() -> Vec<LonLat> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../data/osm-borders/borders.geojson");
    let borders = yalu_bake::osm::read_borders(&path).unwrap();
    borders
        .iter()
        .filter(|b| yalu_bake::osm::is_between(b, "China", "North Korea"))
        .flat_map(|b| b.lines.iter().cloned())
        .max_by_key(Vec::len)
        .unwrap()
}

fn distance_to_line(p: MapPoint, line: &[MapPoint]) -> f64 {
    line.windows(2)
        .map(|w| distance_to_segment(p, w[0], w[1]))
        .fold(f64::INFINITY, f64::min)
}

#[test]
fn the_yalu_is_the_border_from_source_to_mouth() {
    let a = atlas();
    let border = osm_main_border();
    let on_border: HashSet<(i64, i64)> = border
        .iter()
        .map(|p| ((p.lon * 1e6).round() as i64, (p.lat * 1e6).round() as i64))
        .collect();
    // Every point of the course is a point of the border.
    for p in &a.yalu {
        let k = ((p.lon * 1e6).round() as i64, (p.lat * 1e6).round() as i64);
        assert!(on_border.contains(&k), "{p:?} is not on the border");
    }
    // From the source on Paektu's slope to the mouth, where the border goes out to sea.
    let km = length_m(&a.yalu) / 1000.0;
    assert!(
        (780.0..=840.0).contains(&km),
        "the Yalu as drawn is {km:.0} km"
    );
    let mouth = *a.yalu.last().unwrap();
    let sea = LonLat {
        lon: 124.283212,
        lat: 39.959709,
    };
    assert!(distance_m(mouth, sea) < 1_000.0, "{mouth:?}");
    let dandong = a.place("dandong").unwrap().point;
    assert!(
        distance_m(mouth, dandong) > 15_000.0,
        "the Yalu stops at Dandong"
    );
    let paektu = a.place("paektu").unwrap().point;
    assert!(distance_m(a.yalu[0], paektu) < 15_000.0);
}

#[test]
fn every_drawn_vertex_lies_on_the_border_within_the_tolerance() {
    let a = atlas();
    let exact: Vec<MapPoint> = a.yalu.iter().map(|p| a.frame.project(*p)).collect();
    let drawn = a.yalu_on_map();
    assert!(
        drawn.len() * 2 < exact.len(),
        "simplification dropped too little"
    );
    // Both ways: the drawn line's points are border points, and the border stays within
    // the tolerance of the drawn line.
    for p in &drawn {
        assert!(distance_to_line(*p, &exact) < 1e-9);
    }
    for p in &exact {
        let d = distance_to_line(*p, &drawn);
        assert!(d <= TOLERANCE, "{p:?} is {d} units from the drawn line");
    }
}

/// The area a country's drawn rings fill under the even-odd rule, as the page draws them.
fn polygons(rings: &[Vec<MapPoint>]) -> MultiPolygon<f64> {
    rings.iter().fold(MultiPolygon::new(vec![]), |all, r| {
        let line: LineString<f64> = r.iter().map(|p| Coord { x: p.x, y: p.y }).collect();
        all.xor(&MultiPolygon::new(vec![Polygon::new(line, vec![])]))
    })
}

#[test]
fn china_and_north_korea_share_the_border_exactly() {
    let a = atlas();
    let land = |name: &str| &a.countries.iter().find(|c| c.name == name).unwrap().land;
    let (china, korea) = (land("China"), land("North Korea"));
    // As cut, in square degrees: no overlap above the snapping to the 1e-6 degree grid (1e-7
    // square degrees is about 1,000 m² along a 1,200 km border, under a pixel at any zoom).
    let overlap = china.intersection(korea).unsigned_area();
    assert!(overlap < 1e-7, "{overlap}");
    // And no gap: the four countries together are Natural Earth's land.
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let ne = yalu_bake::land::read_areas(&DataPaths::under(&root).countries).unwrap();
    let all = yalu_bake::land::all_land(&ne).unsigned_area();
    let parts: f64 = a.countries.iter().map(|c| c.land.unsigned_area()).sum();
    assert!((all - parts).abs() < 1e-6, "{all} vs {parts}");

    // As drawn, in map units, at the overview's tolerance and at a detail's: the border is
    // the same points in both countries, so neither overlaps the other.
    for tolerance in [TOLERANCE, TOLERANCE / 16.0] {
        let drawn = a.land_on_map(tolerance);
        let index = |name: &str| a.countries.iter().position(|c| c.name == name).unwrap();
        let (c, k) = (&drawn[index("China")], &drawn[index("North Korea")]);
        let edges = |rings: &Vec<Vec<MapPoint>>| -> HashSet<[(u64, u64); 2]> {
            rings
                .iter()
                .flat_map(|r| r.windows(2))
                .map(|w| {
                    let q = |p: MapPoint| (p.x.to_bits(), p.y.to_bits());
                    let (u, v) = (q(w[0]), q(w[1]));
                    if u < v {
                        [u, v]
                    } else {
                        [v, u]
                    }
                })
                .collect()
        };
        let shared = edges(c).intersection(&edges(k)).count();
        assert!(shared > 100, "only {shared} edges shared at {tolerance}");
        // In screen pixels at the zoom the tolerance is drawn for (half a pixel), summed along
        // the whole border: what the cutting's snapping leaves, never a visible sliver.
        let px_per_unit = 0.5 / tolerance;
        let overlap = polygons(c).intersection(&polygons(k)).unsigned_area() * px_per_unit.powi(2);
        assert!(overlap < 10.0, "overlap {overlap} px² at {tolerance}");
    }
}

#[test]
fn the_tumen_runs_from_its_source_to_the_sea() {
    let a = atlas();
    let km: f64 = a.tumen.iter().map(|l| length_m(l)).sum::<f64>() / 1000.0;
    assert!(
        (450.0..=600.0).contains(&km),
        "the Tumen as drawn is {km:.0} km"
    );
}

#[test]
fn each_detail_level_is_within_half_a_pixel_at_its_zoom_and_covers_the_river() {
    let a = atlas();
    let exact: Vec<MapPoint> = a.yalu.iter().map(|p| a.frame.project(*p)).collect();
    let index = yalu_bake::detail::Detail::new(&a).index();
    for (level, tiles) in yalu_model::DETAIL_LEVELS.iter().zip(&index) {
        let tolerance = level.tolerance as f64;
        let drawn = a.land_and_yalu_on_map(tolerance).1;
        // Half a pixel at the level's closest zoom, with the rounding of its path data; the
        // last level serves every zoom up to the map's closest on a wide window (about 300 px
        // a unit), where its tolerance is under a pixel's fifth.
        let px = level.up_to_px.min(300.0) as f64;
        let rounding = 0.5 / 10f64.powi(level.decimals as i32);
        assert!((tolerance + rounding) * px <= 0.5, "{level:?}");
        for p in &drawn {
            assert!(distance_to_line(*p, &exact) < 1e-9);
        }
        for p in &exact {
            assert!(
                distance_to_line(*p, &drawn) <= tolerance + 1e-9,
                "{level:?}: {p:?}"
            );
            // Every stretch of the river has its tile.
            let size = level.tile as f64;
            let at = ((p.x / size).floor() as i32, (p.y / size).floor() as i32);
            assert!(
                tiles.binary_search(&at).is_ok(),
                "{level:?}: no tile at {at:?}"
            );
        }
    }
}

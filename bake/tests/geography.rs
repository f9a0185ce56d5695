//! Checks the baked geography against facts a reader can verify on any atlas.

use yalu_bake::geo::{bank_of, distance_m, length_m, RiverBank};
use yalu_bake::{Atlas, DataPaths};

fn atlas() -> Atlas {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    Atlas::load(&DataPaths::under(&root)).expect("the project's data bakes")
}

#[test]
fn the_yalu_is_one_course_at_least_550_km_long() {
    let a = atlas();
    let km = length_m(&a.yalu) / 1000.0;
    assert!(km >= 550.0, "the Yalu as drawn is {km:.0} km");
    // It runs from the Paektu source down to the mouth below Dandong.
    let mouth = *a.yalu.last().unwrap();
    assert!(distance_m(mouth, a.place("dandong").unwrap().point) < 30_000.0);
}

#[test]
fn towns_lie_on_their_countrys_bank() {
    let a = atlas();
    let bank = |id: &str| bank_of(&a.yalu, a.place(id).unwrap().point).unwrap();
    // Looking downstream (south-west), China is on the right, Korea on the left.
    assert_eq!(bank("jian").0, RiverBank::Right);
    assert_eq!(bank("dandong").0, RiverBank::Right);
    assert_eq!(bank("manpo").0, RiverBank::Left);
    assert_eq!(bank("hyesan").0, RiverBank::Left);
    // Sinuiju is not a marker but pins the lower course: it must be on the Korean bank.
    let sinuiju = yalu_bake::geo::LonLat {
        lon: 124.4213,
        lat: 40.0859,
    };
    assert_eq!(bank_of(&a.yalu, sinuiju).unwrap().0, RiverBank::Left);
}

#[test]
fn the_river_passes_between_jian_and_manpo() {
    let a = atlas();
    let (jian, manpo) = (
        a.place("jian").unwrap().point,
        a.place("manpo").unwrap().point,
    );
    let km = distance_m(jian, manpo) / 1000.0;
    assert!((8.0..=10.0).contains(&km), "Ji'an–Manpo is {km:.1} km");
    let (jb, jd) = bank_of(&a.yalu, jian).unwrap();
    let (mb, md) = bank_of(&a.yalu, manpo).unwrap();
    assert_ne!(jb, mb);
    // Both stand close to the water, as the extract's README says (about 0.9 and 2 km).
    assert!(jd < 3_000.0 && md < 3_000.0, "{jd} m, {md} m");
}

#[test]
fn the_drawn_river_stays_within_a_pixel_of_the_source() {
    let a = atlas();
    let drawn = a.yalu_on_map();
    assert!(drawn.len() < a.yalu.len(), "simplification dropped nothing");
    for p in &a.yalu {
        let q = a.frame.project(*p);
        let d = drawn
            .windows(2)
            .map(|w| yalu_bake::geo::simplify::distance_to_segment(q, w[0], w[1]))
            .fold(f64::INFINITY, f64::min);
        assert!(d <= 1.0, "{p:?} is {d} units from the drawn line");
    }
}

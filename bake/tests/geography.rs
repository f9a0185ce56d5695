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

/// Whether `p` lies in the country's land (even-odd over all its rings).
fn in_country(a: &Atlas, country: &str, p: yalu_bake::geo::LonLat) -> bool {
    let c = a.countries.iter().find(|c| c.name == country).unwrap();
    let mut inside = false;
    for ring in &c.rings {
        for w in ring.windows(2) {
            let (u, v) = (w[0], w[1]);
            if (u.lat > p.lat) != (v.lat > p.lat)
                && p.lon < u.lon + (p.lat - u.lat) / (v.lat - u.lat) * (v.lon - u.lon)
            {
                inside = !inside;
            }
        }
    }
    inside
}

#[test]
fn the_new_places_lie_in_their_country_and_on_its_bank() {
    let a = atlas();
    let bank = |id: &str| bank_of(&a.yalu, a.place(id).unwrap().point).unwrap().0;
    for (id, country, side) in [
        ("sinuiju", "North Korea", RiverBank::Left),
        ("kanggye", "North Korea", RiverBank::Left),
        ("linjiang", "China", RiverBank::Right),
        ("changbai", "China", RiverBank::Right),
    ] {
        let p = a.place(id).unwrap();
        assert_eq!(p.country, country, "{id}");
        assert!(in_country(&a, country, p.point), "{id} is not in {country}");
        assert_eq!(bank(id), side, "{id}");
    }
    // Changbai faces Hyesan across the river, a few kilometres apart.
    let km = distance_m(
        a.place("changbai").unwrap().point,
        a.place("hyesan").unwrap().point,
    ) / 1000.0;
    assert!(km < 6.0, "Changbai–Hyesan is {km:.1} km");
    // Mount Paektu stands at the Yalu's source, on the border.
    let paektu = a.place("paektu").unwrap().point;
    assert!(distance_m(paektu, a.yalu[0]) < 15_000.0);
}

#[test]
fn provinces_are_labelled_inside_their_country_on_its_side_of_the_river() {
    let a = atlas();
    for (id, country, side) in [
        ("jilin", "China", RiverBank::Right),
        ("liaoning", "China", RiverBank::Right),
        ("chagang", "North Korea", RiverBank::Left),
        ("ryanggang", "North Korea", RiverBank::Left),
        ("north-pyongan", "North Korea", RiverBank::Left),
    ] {
        let p = a.place(id).unwrap();
        assert_eq!(p.kind, yalu_bake::places::PlaceKind::Province);
        assert_eq!(p.country, country, "{id}");
        let at = p.label_point();
        assert!(a.frame.contains(at), "{id}'s label is off the map");
        assert!(
            in_country(&a, country, at),
            "{id}'s label is not in {country}"
        );
        assert_eq!(bank_of(&a.yalu, at).unwrap().0, side, "{id}");
        // Natural Earth's own label point is kept as the place's point.
        if p.label_at.is_none() {
            assert!(in_country(&a, country, p.point), "{id}");
        }
    }
}

#[test]
fn provinces_and_paektu_stand_at_natural_earth_s_points() {
    let a = atlas();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../data/natural-earth");
    let points = |file: &str| -> Vec<(String, [f64; 2])> {
        let text = std::fs::read_to_string(root.join(file)).unwrap();
        let fc: serde_json::Value = serde_json::from_str(&text).unwrap();
        fc["features"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                let c = &f["geometry"]["coordinates"];
                (
                    f["properties"]["name"].as_str().unwrap().to_owned(),
                    [c[0].as_f64().unwrap(), c[1].as_f64().unwrap()],
                )
            })
            .collect()
    };
    let labels = points("admin1_labels.geojson");
    let peaks = points("elevation_points.geojson");
    for (id, ne_name, list) in [
        ("jilin", "Jilin", &labels),
        ("liaoning", "Liaoning", &labels),
        ("chagang", "Chagang-do", &labels),
        ("ryanggang", "Ryanggang", &labels),
        ("north-pyongan", "P'yŏngan-bukto", &labels),
        ("paektu", "Paektu-san", &peaks),
    ] {
        let p = a.place(id).unwrap().point;
        let (_, at) = list.iter().find(|(n, _)| n == ne_name).unwrap();
        assert_eq!([p.lon, p.lat], *at, "{id}");
    }
}

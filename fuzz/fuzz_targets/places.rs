//! The places file on any text: the GeoJSON reader, the checks of every feature, and the
//! gazetteer built from the names.
//!
//! Holds: no panic; an error starts with the file's path; accepted places have unique ids of
//! the allowed characters and finite coordinates that project to finite map positions.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::collections::HashSet;
use std::path::Path;
use yalu_bake::content::gazetteer;
use yalu_bake::geo::Frame;
use yalu_bake::geojson_file::parse_collection;
use yalu_bake::places::places_from;
use yalu_bake::{EXTRACT_NORTH_EAST, EXTRACT_SOUTH_WEST, FRAME_WIDTH};

const PATH: &str = "data/places.geojson";

fuzz_target!(|text: &str| {
    let path = Path::new(PATH);
    let checked = parse_collection(path, text).and_then(|fc| {
        let places = places_from(path, &fc)?;
        gazetteer(path, &places).map(|entries| (places, entries))
    });
    let (places, entries) = match checked {
        Err(e) => {
            let message = e.to_string();
            assert!(
                message.starts_with(PATH),
                "an error that names no file: {message}"
            );
            return;
        }
        Ok(checked) => checked,
    };
    assert_eq!(entries.entries.len(), places.len());
    let frame = Frame::new(EXTRACT_SOUTH_WEST, EXTRACT_NORTH_EAST, FRAME_WIDTH).unwrap();
    let mut ids = HashSet::new();
    for place in &places {
        assert!(ids.insert(place.id.as_str()), "duplicate id {}", place.id);
        assert!(place
            .id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'));
        assert!(!place.name.trim().is_empty());
        let p = frame.project(place.point);
        assert!(
            p.x.is_finite() && p.y.is_finite(),
            "{} projects to {p:?}",
            place.id
        );
    }
});

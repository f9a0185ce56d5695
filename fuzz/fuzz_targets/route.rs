//! The hash router on any hash: the URL hash is the one input a reader (or a link) controls.
//!
//! Holds: no panic; a hash the router accepts names a real place or paragraph, is written back
//! exactly as it came (so one page has one address), and has an announcement.
#![no_main]

use libfuzzer_sys::fuzz_target;
use yalu_atlas::atlas::{paragraph_count, PINS};
use yalu_atlas::route::Route;
use yalu_atlas::words::announcement;

fuzz_target!(|hash: &str| {
    for hash in [
        hash.to_owned(),
        format!("#{hash}"),
        format!("#/read/{hash}"),
    ] {
        let route = Route::parse(&hash);
        match route {
            Route::Overview => continue,
            Route::Place(p) => assert!(p.get() < PINS.len()),
            Route::Read(i) => assert!(i.get() < paragraph_count()),
        }
        assert_eq!(
            route.to_hash(),
            format!("#{}", hash.trim_start_matches('#'))
        );
        assert_eq!(Route::parse(&route.to_hash()), route);
        assert!(!announcement(route).is_empty());
    }
});

//! Prints how much geometry the page carries: per layer, the source points, the points drawn
//! at the default view after simplification, and the bytes of SVG path data.
//!
//! Usage: `cargo run -p yalu-bake --bin atlas-stats [PROJECT_ROOT]` (default: the current folder).

use yalu_bake::geo::svg::{polyline_path, ring_path};
use yalu_bake::geo::LonLat;
use yalu_bake::Atlas;

fn main() {
    let atlas = Atlas::load_from_args();
    let mut layers: Vec<(String, Vec<Vec<LonLat>>, bool)> =
        vec![("Yalu".to_owned(), vec![atlas.yalu.clone()], false)];
    layers.push(("Tumen".to_owned(), atlas.tumen.clone(), false));
    layers.push((
        "Sup'ung reservoir".to_owned(),
        atlas.reservoir.clone(),
        true,
    ));
    for c in &atlas.countries {
        layers.push((c.name.clone(), c.rings.clone(), true));
    }
    let borders: Vec<Vec<LonLat>> = atlas.borders.iter().flat_map(|b| b.lines.clone()).collect();
    layers.push(("land borders".to_owned(), borders, false));
    println!(
        "{:<20} {:>8} {:>8} {:>10}",
        "layer", "source", "drawn", "path bytes"
    );
    let (mut source, mut drawn, mut bytes) = (0, 0, 0);
    for (name, lines, closed) in &layers {
        let s: usize = lines.iter().map(Vec::len).sum();
        let simplified: Vec<_> = lines.iter().map(|l| atlas.on_map(l)).collect();
        let d: usize = simplified.iter().map(Vec::len).sum();
        let b: usize = simplified
            .iter()
            .map(|p| {
                if *closed {
                    ring_path(p).len()
                } else {
                    polyline_path(p).len()
                }
            })
            .sum();
        println!("{name:<20} {s:>8} {d:>8} {b:>10}");
        (source, drawn, bytes) = (source + s, drawn + d, bytes + b);
    }
    println!("{:<20} {source:>8} {drawn:>8} {bytes:>10}", "total");
}

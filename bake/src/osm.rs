//! OpenStreetMap's country borders (10 m): the border lines between two countries, and from the
//! China–North Korea border the courses of the Yalu and the Tumen, in whose water it runs.

use crate::error::BakeError;
use crate::geo::{distance_m, LonLat};
use crate::geojson_file::{lines, read_collection, string_property};
use crate::layers::Border;
use std::path::Path;

/// Where OpenStreetMap's China–North Korea border leaves the Tumen's headwater for the overland
/// stretch to Paektu: the first of the long straight segments west of the Tumen, its vertex at
/// 128.431093 E 42.020171 N (see data/README.md).
pub const TUMEN_SOURCE: LonLat = LonLat {
    lon: 128.431093,
    lat: 42.020171,
};

/// How far a river's end given in the data may lie from the border's nearest vertex.
const END_WITHIN_M: f64 = 2_000.0;

/// Every border between two countries in OpenStreetMap's borders file: properties `left` and
/// `right` name the countries, the geometry is a LineString or MultiLineString.
pub fn read_borders(path: &Path) -> Result<Vec<Border>, BakeError> {
    let fc = read_collection(path)?;
    let mut borders = Vec::new();
    for (index, feature) in fc.features.iter().enumerate() {
        let fail = |message: String| BakeError::Feature {
            path: path.to_owned(),
            index,
            id: None,
            message,
        };
        let side = |key: &str| {
            string_property(feature, key)
                .map(str::to_owned)
                .ok_or_else(|| fail(format!("missing string property `{key}`")))
        };
        let (left, right) = (side("left")?, side("right")?);
        if left == right {
            return Err(fail(format!("{left} on both sides: not a border")));
        }
        let geometry = feature
            .geometry
            .as_ref()
            .ok_or_else(|| fail("missing geometry".to_owned()))?;
        let lines = lines(geometry).map_err(fail)?;
        if let Some(short) = lines.iter().position(|l| l.len() < 2) {
            return Err(fail(format!("line {short} has fewer than two points")));
        }
        borders.push(Border {
            between: (left, right),
            lines,
        });
    }
    Ok(borders)
}

/// The border rivers as OpenStreetMap's China–North Korea border traces them.
#[derive(Clone, Debug, PartialEq)]
pub struct BorderRivers {
    /// The Yalu from where the border meets its source down to its mouth.
    pub yalu: Vec<LonLat>,
    /// The Tumen's lines: the border from the Tumen's source down to the Russian tripoint, and
    /// the North Korea–Russia border below it to the sea.
    pub tumen: Vec<Vec<LonLat>>,
    /// The China–North Korea border where the map draws it as a border: the overland stretch
    /// over Paektu. Along the Yalu and the Tumen the river's line is the border, drawn as the
    /// river, and the line out to sea is no land border.
    pub land_border: Vec<Vec<LonLat>>,
}

/// Whether a border is between these two countries, in either order.
pub fn is_between(border: &Border, a: &str, b: &str) -> bool {
    let (l, r) = (border.between.0.as_str(), border.between.1.as_str());
    (l, r) == (a, b) || (l, r) == (b, a)
}

/// The index of the vertex of `line` nearest to `p`, and its distance in metres.
fn nearest_vertex(line: &[LonLat], p: LonLat) -> (usize, f64) {
    line.iter()
        .enumerate()
        .map(|(i, q)| (i, distance_m(*q, p)))
        .fold(
            (0, f64::INFINITY),
            |best, c| if c.1 < best.1 { c } else { best },
        )
}

/// Cuts the Yalu and the Tumen out of OpenStreetMap's borders. The longest China–North Korea
/// line runs from the middle Tumen over Paektu to the Yalu's mouth; its end nearest `mouth_near`
/// is the mouth, the vertex nearest `yalu_source` the Yalu's source, and the vertex nearest
/// [`TUMEN_SOURCE`] the Tumen's. The border's other parts that touch the mouth run out to sea
/// and are neither river nor land border. `path` names the file in errors.
pub fn border_rivers(
    path: &Path,
    borders: &[Border],
    yalu_source: LonLat,
    mouth_near: LonLat,
) -> Result<BorderRivers, BakeError> {
    let missing = |message: String| BakeError::Missing {
        path: path.to_owned(),
        message,
    };
    let parts: Vec<&Vec<LonLat>> = borders
        .iter()
        .filter(|b| is_between(b, "China", "North Korea"))
        .flat_map(|b| &b.lines)
        .collect();
    let longest = (0..parts.len())
        .max_by_key(|&i| parts[i].len())
        .ok_or_else(|| missing("no China–North Korea border".to_owned()))?;
    let mut main: Vec<LonLat> = parts[longest].to_vec();
    let (first, last) = (main[0], main[main.len() - 1]);
    if distance_m(first, mouth_near) < distance_m(last, mouth_near) {
        main.reverse();
    }
    let mouth = main[main.len() - 1];
    let (yalu_at, yalu_off) = nearest_vertex(&main, yalu_source);
    let (tumen_at, tumen_off) = nearest_vertex(&main, TUMEN_SOURCE);
    for (what, off) in [
        ("the Yalu's source", yalu_off),
        ("the Tumen's source", tumen_off),
    ] {
        if off > END_WITHIN_M {
            return Err(missing(format!(
                "the China–North Korea border passes {:.1} km from {what}, more than {} km",
                off / 1000.0,
                END_WITHIN_M / 1000.0
            )));
        }
    }
    if tumen_at >= yalu_at {
        return Err(missing(
            "the China–North Korea border meets the Yalu's source before the Tumen's".to_owned(),
        ));
    }
    let at_sea = |l: &Vec<LonLat>| {
        distance_m(l[0], mouth) < END_WITHIN_M || distance_m(l[l.len() - 1], mouth) < END_WITHIN_M
    };
    let others: Vec<Vec<LonLat>> = parts
        .iter()
        .enumerate()
        .filter(|&(i, l)| i != longest && !at_sea(l))
        .map(|(_, l)| l)
        .map(|l| l.to_vec())
        .collect();
    let mut tumen = vec![main[..=tumen_at].to_vec()];
    tumen.extend(others);
    tumen.extend(
        borders
            .iter()
            .filter(|b| is_between(b, "North Korea", "Russia"))
            .flat_map(|b| b.lines.iter().cloned()),
    );
    Ok(BorderRivers {
        yalu: main[yalu_at..].to_vec(),
        tumen,
        land_border: vec![main[tumen_at..=yalu_at].to_vec()],
    })
}

//! The context layers of the map: the Sup'ung reservoir and the labels, and the types of the
//! countries' land and borders.

use crate::error::BakeError;
use crate::geo::LonLat;
use crate::geojson_file::{lon_lat, read_collection, rings, string_property};
use geojson::{Feature, GeometryValue};
use std::path::Path;

/// A country's land: Natural Earth's coast, cut along OpenStreetMap's borders (`crate::land`).
#[derive(Clone, Debug, PartialEq)]
pub struct Country {
    /// The country's name, e.g. `North Korea`.
    pub name: String,
    /// Every ring of every polygon (outer rings and holes alike, drawn with the even-odd rule).
    pub rings: Vec<Vec<LonLat>>,
    /// The same land as polygons, for the boolean operations of the detail drawings and tests.
    pub land: ::geo::MultiPolygon<f64>,
}

/// A land border between two countries.
#[derive(Clone, Debug, PartialEq)]
pub struct Border {
    /// The two countries, in the data's left/right order.
    pub between: (String, String),
    /// The border's lines.
    pub lines: Vec<Vec<LonLat>>,
}

/// What a map label names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LabelKind {
    /// A country's name, across its land.
    Country,
    /// A sea or bay.
    Sea,
}

/// A name printed on the map that is not a control.
#[derive(Clone, Debug, PartialEq)]
pub struct MapLabel {
    /// The text as printed.
    pub text: String,
    /// Country or sea.
    pub kind: LabelKind,
    /// Where the text is centred.
    pub point: LonLat,
}

/// Something the build reports without stopping: a place no paragraph mentions.
#[derive(Clone, Debug, PartialEq)]
pub struct Warning {
    /// File, feature and what was left out.
    pub message: String,
}

fn feature_error(path: &Path, index: usize, feature: &Feature, message: String) -> BakeError {
    BakeError::Feature {
        path: path.to_owned(),
        index,
        id: string_property(feature, "name").map(str::to_owned),
        message,
    }
}

/// The rings of the lake named `name` in the lakes layer.
pub fn read_lake(path: &Path, name: &str) -> Result<Vec<Vec<LonLat>>, BakeError> {
    let fc = read_collection(path)?;
    let (index, feature) = fc
        .features
        .iter()
        .enumerate()
        .find(|(_, f)| string_property(f, "name") == Some(name))
        .ok_or_else(|| BakeError::Missing {
            path: path.to_owned(),
            message: format!("no feature named \"{name}\""),
        })?;
    let geometry = feature
        .geometry
        .as_ref()
        .ok_or_else(|| feature_error(path, index, feature, "missing geometry".to_owned()))?;
    rings(geometry).map_err(|m| feature_error(path, index, feature, m))
}

/// The map's labels.
pub fn read_labels(path: &Path) -> Result<Vec<MapLabel>, BakeError> {
    let fc = read_collection(path)?;
    let mut labels = Vec::new();
    for (index, feature) in fc.features.iter().enumerate() {
        let fail = |m: String| BakeError::Feature {
            path: path.to_owned(),
            index,
            id: string_property(feature, "text").map(str::to_owned),
            message: m,
        };
        let text = string_property(feature, "text")
            .filter(|t| !t.trim().is_empty())
            .ok_or_else(|| fail("missing string property `text`".to_owned()))?;
        let kind = match string_property(feature, "kind") {
            Some("country") => LabelKind::Country,
            Some("sea") => LabelKind::Sea,
            _ => return Err(fail("`kind` must be \"country\" or \"sea\"".to_owned())),
        };
        let point = match feature.geometry.as_ref().map(|g| &g.value) {
            Some(GeometryValue::Point { coordinates }) => {
                lon_lat(coordinates.as_slice()).map_err(fail)?
            }
            _ => return Err(fail("missing Point geometry".to_owned())),
        };
        labels.push(MapLabel {
            text: text.to_owned(),
            kind,
            point,
        });
    }
    Ok(labels)
}

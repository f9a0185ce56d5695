//! The context layers of the map: countries, the Sup'ung reservoir, land borders and labels.

use crate::error::BakeError;
use crate::geo::LonLat;
use crate::geojson_file::{lines, lon_lat, read_collection, rings, string_property};
use geojson::{Feature, GeometryValue};
use std::path::Path;

/// A country's land, as rings (outer rings and holes alike, drawn with the even-odd rule).
#[derive(Clone, Debug, PartialEq)]
pub struct Country {
    /// Natural Earth's `name`, e.g. `North Korea`.
    pub name: String,
    /// Every ring of every polygon.
    pub rings: Vec<Vec<LonLat>>,
}

/// A land border between two countries.
#[derive(Clone, Debug, PartialEq)]
pub struct Border {
    /// The two countries, in Natural Earth's left/right order.
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

/// Every country of the countries layer. A GeometryCollection's polygons are taken; its line
/// members enclose no land and are left out (clipping the extract left a two-point line inside
/// China: see data/README.md). Any other member is an error.
pub fn read_countries(path: &Path) -> Result<Vec<Country>, BakeError> {
    let fc = read_collection(path)?;
    let mut countries = Vec::new();
    for (index, feature) in fc.features.iter().enumerate() {
        let fail = |m: String| feature_error(path, index, feature, m);
        let name = string_property(feature, "name")
            .ok_or_else(|| fail("missing string property `name`".to_owned()))?;
        let geometry = feature
            .geometry
            .as_ref()
            .ok_or_else(|| fail("missing geometry".to_owned()))?;
        let mut all = Vec::new();
        match &geometry.value {
            GeometryValue::GeometryCollection { geometries } => {
                for (member, g) in geometries.iter().enumerate() {
                    match &g.value {
                        GeometryValue::Polygon { .. } | GeometryValue::MultiPolygon { .. } => {
                            all.extend(rings(g).map_err(|m| fail(format!("member {member}: {m}")))?)
                        }
                        GeometryValue::LineString { .. }
                        | GeometryValue::MultiLineString { .. } => {}
                        other => {
                            return Err(fail(format!(
                                "member {member} is a {}, neither land nor a line",
                                other.type_name()
                            )))
                        }
                    }
                }
            }
            _ => all = rings(geometry).map_err(fail)?,
        }
        if all.is_empty() {
            return Err(fail("no polygon to draw".to_owned()));
        }
        countries.push(Country {
            name: name.to_owned(),
            rings: all,
        });
    }
    Ok(countries)
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

/// Natural Earth's feature class of lines that limit an overlay within one country; they have
/// the same country on both sides and are not borders.
const OVERLAY_LIMIT: &str = "Overlay limit";

/// Land borders between two different countries. Natural Earth's "Overlay limit" lines, with one
/// country on both sides, are not borders and are left out (see data/README.md); any other line
/// with one country on both sides is an error.
pub fn read_borders(path: &Path) -> Result<Vec<Border>, BakeError> {
    let fc = read_collection(path)?;
    let mut borders = Vec::new();
    for (index, feature) in fc.features.iter().enumerate() {
        let fail = |m: String| feature_error(path, index, feature, m);
        let side = |key: &str| {
            string_property(feature, key)
                .map(str::to_owned)
                .ok_or_else(|| fail(format!("missing string property `{key}`")))
        };
        let (left, right) = (side("adm0_left")?, side("adm0_right")?);
        if left == right {
            if string_property(feature, "featurecla") == Some(OVERLAY_LIMIT) {
                continue;
            }
            return Err(fail(format!(
                "{left} on both sides of a line that is not an \"{OVERLAY_LIMIT}\": not a border"
            )));
        }
        let geometry = feature
            .geometry
            .as_ref()
            .ok_or_else(|| fail("missing geometry".to_owned()))?;
        borders.push(Border {
            between: (left, right),
            lines: lines(geometry).map_err(fail)?,
        });
    }
    Ok(borders)
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

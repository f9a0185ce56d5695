//! Reading GeoJSON files with errors that point at the file, line and feature.

use crate::error::BakeError;
use crate::geo::LonLat;
use geojson::{Feature, FeatureCollection, GeoJson, Geometry, GeometryValue, Position};
use std::path::Path;

/// Reads a GeoJSON FeatureCollection from `path`.
pub fn read_collection(path: &Path) -> Result<FeatureCollection, BakeError> {
    let text = std::fs::read_to_string(path).map_err(|e| BakeError::Io {
        path: path.to_owned(),
        message: e.to_string(),
    })?;
    parse_collection(path, &text)
}

/// Parses GeoJSON text that should hold a FeatureCollection; `path` only names it in errors.
pub fn parse_collection(path: &Path, text: &str) -> Result<FeatureCollection, BakeError> {
    let json: serde_json::Value = serde_json::from_str(text).map_err(|e| BakeError::Json {
        path: path.to_owned(),
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })?;
    match serde_json::from_value::<GeoJson>(json) {
        Ok(GeoJson::FeatureCollection(fc)) => Ok(fc),
        Ok(other) => Err(BakeError::NotFeatureCollection {
            path: path.to_owned(),
            message: format!("found a {}", kind_of(&other)),
        }),
        Err(e) => Err(BakeError::NotFeatureCollection {
            path: path.to_owned(),
            message: e.to_string(),
        }),
    }
}

fn kind_of(g: &GeoJson) -> &'static str {
    match g {
        GeoJson::Geometry(_) => "Geometry",
        GeoJson::Feature(_) => "Feature",
        GeoJson::FeatureCollection(_) => "FeatureCollection",
    }
}

/// A string property of a feature, if present and a string.
pub fn string_property<'a>(feature: &'a Feature, key: &str) -> Option<&'a str> {
    feature.property(key).and_then(|v| v.as_str())
}

/// A position as a checked geographic point: finite, longitude in -180..=180, latitude in -90..=90.
pub fn lon_lat(position: &[f64]) -> Result<LonLat, String> {
    match position {
        [lon, lat, ..]
            if lon.is_finite() && lat.is_finite() && lon.abs() <= 180.0 && lat.abs() <= 90.0 =>
        {
            Ok(LonLat {
                lon: *lon,
                lat: *lat,
            })
        }
        [lon, lat, ..] => Err(format!(
            "coordinate [{lon}, {lat}] is not a valid longitude/latitude"
        )),
        _ => Err(format!("position {position:?} has fewer than two numbers")),
    }
}

/// The lines of a LineString or MultiLineString geometry, checked point by point.
pub fn lines(geometry: &Geometry) -> Result<Vec<Vec<LonLat>>, String> {
    let parts: Vec<&Vec<Position>> = match &geometry.value {
        GeometryValue::LineString { coordinates } => vec![coordinates],
        GeometryValue::MultiLineString { coordinates } => coordinates.iter().collect(),
        other => {
            return Err(format!(
                "expected a LineString or MultiLineString, found a {}",
                other.type_name()
            ))
        }
    };
    parts
        .into_iter()
        .map(|line| line.iter().map(|p| lon_lat(p.as_slice())).collect())
        .collect()
}

/// The rings of a Polygon or MultiPolygon geometry (outer ring first in each polygon).
pub fn rings(geometry: &Geometry) -> Result<Vec<Vec<LonLat>>, String> {
    let polygons: Vec<&Vec<Vec<Position>>> = match &geometry.value {
        GeometryValue::Polygon { coordinates } => vec![coordinates],
        GeometryValue::MultiPolygon { coordinates } => coordinates.iter().collect(),
        other => {
            return Err(format!(
                "expected a Polygon or MultiPolygon, found a {}",
                other.type_name()
            ))
        }
    };
    polygons
        .into_iter()
        .flatten()
        .map(|ring| ring.iter().map(|p| lon_lat(p.as_slice())).collect())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_errors_name_file_line_and_column() {
        let err = parse_collection(Path::new("x.geojson"), "{\n  \"type\": \n}").unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with("x.geojson:3:1: invalid JSON"), "{msg}");
    }

    #[test]
    fn other_geojson_is_refused() {
        let err = parse_collection(
            Path::new("p.geojson"),
            r#"{"type":"Point","coordinates":[1,2]}"#,
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "p.geojson: not a GeoJSON FeatureCollection: found a Geometry"
        );
    }

    #[test]
    fn positions_are_checked() {
        assert!(lon_lat(&[126.0, 41.0]).is_ok());
        assert!(lon_lat(&[f64::NAN, 41.0])
            .unwrap_err()
            .contains("not a valid"));
        assert!(lon_lat(&[200.0, 41.0]).is_err());
        assert!(lon_lat(&[1.0]).unwrap_err().contains("fewer than two"));
    }
}

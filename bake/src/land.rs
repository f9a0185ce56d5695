//! Each country's land: Natural Earth's land (its coast) cut along OpenStreetMap's borders, so
//! that two countries meet exactly on the border the map draws, with no sliver or gap between.
//!
//! The cutting is `geo`'s boolean operations (intersection, union, difference of polygons,
//! robust on shared edges), not clipping written by hand; it runs at build time only.

use crate::error::BakeError;
use crate::geo::LonLat;
use crate::geojson_file::{lon_lat, read_collection, string_property};
use crate::layers::Country;
use ::geo::{
    Area, BooleanOps, BoundingRect, Coord, Intersects, LineString, MultiLineString, MultiPolygon,
    Polygon,
};
use geojson::{Geometry, GeometryValue, Position};
use std::path::Path;

/// The coordinates' grid, in degrees: OpenStreetMap's extract is rounded to it, and the cut
/// land is snapped back to it, so a border vertex is the same number in both countries.
pub const GRID_DEG: f64 = 1e-6;

/// Land that no OpenStreetMap country covers, in square degrees, above which the bake stops:
/// about 0.01 km², far below a pixel at any zoom.
const UNCLAIMED_MAX_DEG2: f64 = 1e-6;

fn snap(v: f64) -> f64 {
    (v / GRID_DEG).round() * GRID_DEG
}

fn ring(positions: &[Position]) -> Result<LineString<f64>, String> {
    positions
        .iter()
        .map(|p| lon_lat(p.as_slice()).map(|q| Coord { x: q.lon, y: q.lat }))
        .collect::<Result<Vec<_>, _>>()
        .map(LineString::new)
}

fn polygon(rings: &[Vec<Position>]) -> Result<Polygon<f64>, String> {
    let mut rings = rings.iter();
    let outer = ring(rings.next().ok_or("a polygon with no ring")?)?;
    Ok(Polygon::new(
        outer,
        rings.map(|r| ring(r)).collect::<Result<_, _>>()?,
    ))
}

/// The polygons of a Polygon, MultiPolygon or GeometryCollection (whose line members enclose
/// no land and are skipped; any other member is an error).
pub fn polygons(geometry: &Geometry) -> Result<MultiPolygon<f64>, String> {
    match &geometry.value {
        GeometryValue::Polygon { coordinates } => {
            Ok(MultiPolygon::new(vec![polygon(coordinates)?]))
        }
        GeometryValue::MultiPolygon { coordinates } => Ok(MultiPolygon::new(
            coordinates
                .iter()
                .map(|p| polygon(p))
                .collect::<Result<_, _>>()?,
        )),
        GeometryValue::GeometryCollection { geometries } => {
            let mut all = Vec::new();
            for (member, g) in geometries.iter().enumerate() {
                match &g.value {
                    GeometryValue::Polygon { .. } | GeometryValue::MultiPolygon { .. } => {
                        all.extend(polygons(g).map_err(|m| format!("member {member}: {m}"))?)
                    }
                    GeometryValue::LineString { .. } | GeometryValue::MultiLineString { .. } => {}
                    other => {
                        return Err(format!(
                            "member {member} is a {}, neither land nor a line",
                            other.type_name()
                        ))
                    }
                }
            }
            Ok(MultiPolygon::new(all))
        }
        other => Err(format!(
            "expected a Polygon or MultiPolygon, found a {}",
            other.type_name()
        )),
    }
}

/// Every named feature's polygons in a file, in file order.
pub fn read_areas(path: &Path) -> Result<Vec<(String, MultiPolygon<f64>)>, BakeError> {
    let fc = read_collection(path)?;
    let mut areas = Vec::new();
    for (index, feature) in fc.features.iter().enumerate() {
        let name = string_property(feature, "name").map(str::to_owned);
        let fail = |message: String| BakeError::Feature {
            path: path.to_owned(),
            index,
            id: name.clone(),
            message,
        };
        let name = name
            .clone()
            .ok_or_else(|| fail("missing string property `name`".to_owned()))?;
        let geometry = feature
            .geometry
            .as_ref()
            .ok_or_else(|| fail("missing geometry".to_owned()))?;
        let area = polygons(geometry).map_err(fail)?;
        if area.0.is_empty() {
            return Err(fail("no polygon to draw".to_owned()));
        }
        areas.push((name, area));
    }
    Ok(areas)
}

/// A polygon set's coordinates snapped to the grid, with repeated points dropped.
fn snapped(area: &MultiPolygon<f64>) -> MultiPolygon<f64> {
    let ring = |r: &LineString<f64>| {
        let mut out: Vec<Coord<f64>> = Vec::with_capacity(r.0.len());
        for c in &r.0 {
            let c = Coord {
                x: snap(c.x),
                y: snap(c.y),
            };
            if out.last() != Some(&c) {
                out.push(c);
            }
        }
        LineString::new(out)
    };
    MultiPolygon::new(
        area.0
            .iter()
            .map(|p| Polygon::new(ring(p.exterior()), p.interiors().iter().map(ring).collect()))
            .filter(|p| p.exterior().0.len() >= 4)
            .collect(),
    )
}

/// Every ring of a polygon set as a closed line of points (outer rings and holes alike).
pub fn rings_of(area: &MultiPolygon<f64>) -> Vec<Vec<LonLat>> {
    area.0
        .iter()
        .flat_map(|p| std::iter::once(p.exterior()).chain(p.interiors()))
        .map(|r| r.0.iter().map(|c| LonLat { lon: c.x, lat: c.y }).collect())
        .collect()
}

/// Natural Earth's land of all countries as one polygon set: its outline is the coast. Its
/// countries do not quite meet along their borders, so their union has holes there, slivers
/// along the old border lines; they are seams, not water, and are filled (no country of the
/// region holds a lake in its outline).
pub fn all_land(countries: &[(String, MultiPolygon<f64>)]) -> MultiPolygon<f64> {
    let union = countries
        .iter()
        .fold(MultiPolygon::new(vec![]), |all, (_, land)| all.union(land));
    MultiPolygon::new(
        union
            .0
            .into_iter()
            .map(|p| Polygon::new(p.exterior().clone(), vec![]))
            .collect(),
    )
}

/// Each OpenStreetMap country's part of `land`, in `borders`' order. Land that no country
/// covers nor touches is an error naming `osm_path`, beyond a tiny area the cutting may leave.
pub fn split(
    land: &MultiPolygon<f64>,
    borders: &[(String, MultiPolygon<f64>)],
    osm_path: &Path,
) -> Result<Vec<Country>, BakeError> {
    let claimed_by_any = borders
        .iter()
        .fold(MultiPolygon::new(vec![]), |all, (_, area)| all.union(area));
    let unclaimed = land.difference(&claimed_by_any);
    // OpenStreetMap's polygons overlap by a few thousand square metres where the border goes
    // out to sea at the Yalu's mouth, and leave slivers between them on Paektu: land two
    // countries claim stays with the first of them, and land none claims goes to the first
    // country it touches, so that neighbours meet on one line.
    let mut gaps: Vec<Option<Polygon<f64>>> = unclaimed.0.iter().cloned().map(Some).collect();
    let mut claimed = MultiPolygon::new(vec![]);
    let mut countries = Vec::with_capacity(borders.len());
    for (name, area) in borders {
        let bounds = area.bounding_rect();
        let touching: Vec<Polygon<f64>> = gaps
            .iter_mut()
            .filter(|g| {
                g.as_ref().is_some_and(|g| {
                    let near = match (g.bounding_rect(), bounds) {
                        (Some(g), Some(b)) => g.intersects(&b),
                        _ => false,
                    };
                    near && g.intersects(area)
                })
            })
            .map(|g| g.take().expect("checked"))
            .collect();
        let area = area.union(&MultiPolygon::new(touching));
        let part = land.intersection(&area).difference(&claimed);
        claimed = claimed.union(&area);
        let part = snapped(&part);
        countries.push(Country {
            name: name.clone(),
            rings: rings_of(&part),
            land: part,
        });
    }
    // What no country took: the gaps no country touched (land less every area claimed).
    let unclaimed: f64 = gaps.iter().flatten().map(Area::unsigned_area).sum();
    if unclaimed > UNCLAIMED_MAX_DEG2 {
        return Err(BakeError::Missing {
            path: osm_path.to_owned(),
            message: format!(
                "{unclaimed:.2e} square degrees of Natural Earth's land lie in no country of this file"
            ),
        });
    }
    Ok(countries)
}

/// The parts of `lines` that cross `land`: a border's stretches at sea are left out.
pub fn on_land(land: &MultiPolygon<f64>, lines: &[Vec<LonLat>]) -> Vec<Vec<LonLat>> {
    let lines = MultiLineString::new(
        lines
            .iter()
            .map(|l| l.iter().map(|p| Coord { x: p.lon, y: p.lat }).collect())
            .collect(),
    );
    land.clip(&lines, false)
        .0
        .iter()
        .filter(|l| l.0.len() >= 2)
        .map(|l| l.0.iter().map(|c| LonLat { lon: c.x, lat: c.y }).collect())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn square(x0: f64, y0: f64, x1: f64, y1: f64) -> MultiPolygon<f64> {
        let c = |x, y| Coord { x, y };
        MultiPolygon::new(vec![Polygon::new(
            LineString::new(vec![c(x0, y0), c(x1, y0), c(x1, y1), c(x0, y1), c(x0, y0)]),
            vec![],
        )])
    }

    #[test]
    fn a_sliver_between_two_countries_goes_to_the_first_it_touches() {
        let land = square(0.0, 0.0, 2.0, 1.0);
        let areas = vec![
            ("West".to_owned(), square(-1.0, -1.0, 0.999, 2.0)),
            ("East".to_owned(), square(1.0, -1.0, 3.0, 2.0)),
        ];
        let parts = split(&land, &areas, Path::new("osm.geojson")).unwrap();
        assert!((parts[0].land.unsigned_area() - 1.0).abs() < 1e-9);
        assert!((parts[1].land.unsigned_area() - 1.0).abs() < 1e-9);
    }

    #[test]
    fn two_countries_share_the_cut_exactly() {
        // Land from 0 to 2; the countries' (maritime) areas meet at x = 1 and reach out to sea.
        let land = square(0.0, 0.0, 2.0, 1.0);
        let areas = vec![
            ("West".to_owned(), square(-1.0, -1.0, 1.0, 2.0)),
            ("East".to_owned(), square(1.0, -1.0, 3.0, 2.0)),
        ];
        let parts = split(&land, &areas, Path::new("osm.geojson")).unwrap();
        let (w, e) = (&parts[0].land, &parts[1].land);
        assert!((w.unsigned_area() - 1.0).abs() < 1e-9);
        assert!((e.unsigned_area() - 1.0).abs() < 1e-9);
        assert!(w.intersection(e).unsigned_area() < 1e-12);
    }

    #[test]
    fn land_in_no_country_stops_the_bake() {
        // An island a square degree large, out of every country's waters.
        let land = square(0.0, 0.0, 1.0, 1.0).union(&square(5.0, 0.0, 6.0, 1.0));
        let areas = vec![("West".to_owned(), square(-1.0, -1.0, 2.0, 2.0))];
        let err = split(&land, &areas, Path::new("osm.geojson")).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("osm.geojson: 1.00e0 square degrees"),
            "{err}"
        );
    }
}

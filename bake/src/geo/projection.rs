//! Web Mercator projection and the map frame that turns it into SVG units.

use std::f64::consts::PI;

/// Mean Earth radius used by Web Mercator (EPSG:3857), in metres.
pub const EARTH_RADIUS_M: f64 = 6_378_137.0;

/// A longitude/latitude pair in degrees (WGS 84, as in GeoJSON: longitude first).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LonLat {
    /// Degrees east of Greenwich, -180..=180.
    pub lon: f64,
    /// Degrees north of the equator, within the Mercator limits (about ±85.05).
    pub lat: f64,
}

/// A point in SVG user units: `x` grows to the east (right), `y` grows to the south (down).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MapPoint {
    /// Units from the frame's west edge.
    pub x: f64,
    /// Units from the frame's north edge.
    pub y: f64,
}

/// Projects to spherical Web Mercator metres: `x` east, `y` north (the mathematical convention).
pub fn mercator(p: LonLat) -> (f64, f64) {
    let x = EARTH_RADIUS_M * p.lon.to_radians();
    let y = EARTH_RADIUS_M * (PI / 4.0 + p.lat.to_radians() / 2.0).tan().ln();
    (x, y)
}

/// Inverse of [`mercator`].
pub fn inverse_mercator(x: f64, y: f64) -> LonLat {
    LonLat {
        lon: (x / EARTH_RADIUS_M).to_degrees(),
        lat: (2.0 * (y / EARTH_RADIUS_M).exp().atan() - PI / 2.0).to_degrees(),
    }
}

/// The geographic box the map shows, scaled so that it is `width` SVG units wide.
///
/// Two coordinate conventions meet here: Mercator metres grow north, SVG units grow south;
/// [`Frame::project`] flips `y` so that north is up on screen.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frame {
    west: f64,
    north: f64,
    /// SVG units per Mercator metre.
    scale: f64,
    width: f64,
    height: f64,
    south_west: LonLat,
    north_east: LonLat,
}

impl Frame {
    /// A frame from its south-west and north-east corners, `width` SVG units wide;
    /// the height follows from the projection.
    ///
    /// Returns `None` when the corners are not finite, not in order, or `width` is not positive.
    pub fn new(south_west: LonLat, north_east: LonLat, width: f64) -> Option<Frame> {
        let finite = [
            south_west.lon,
            south_west.lat,
            north_east.lon,
            north_east.lat,
            width,
        ]
        .iter()
        .all(|v| v.is_finite());
        if !finite
            || south_west.lon >= north_east.lon
            || south_west.lat >= north_east.lat
            || width <= 0.0
            || south_west.lat.abs() > 85.0
            || north_east.lat.abs() > 85.0
        {
            return None;
        }
        let (west, south) = mercator(south_west);
        let (east, north) = mercator(north_east);
        let scale = width / (east - west);
        Some(Frame {
            west,
            north,
            scale,
            width,
            height: (north - south) * scale,
            south_west,
            north_east,
        })
    }

    /// Width in SVG units.
    pub fn width(&self) -> f64 {
        self.width
    }

    /// Height in SVG units.
    pub fn height(&self) -> f64 {
        self.height
    }

    /// SVG units per Web Mercator metre (the same on both axes).
    pub fn units_per_metre(&self) -> f64 {
        self.scale
    }

    /// Web Mercator northing of the frame's top edge, in metres.
    pub fn north_m(&self) -> f64 {
        self.north
    }

    /// Whether a geographic point lies inside the frame (edges included).
    pub fn contains(&self, p: LonLat) -> bool {
        p.lon >= self.south_west.lon
            && p.lon <= self.north_east.lon
            && p.lat >= self.south_west.lat
            && p.lat <= self.north_east.lat
    }

    /// Geographic point to SVG units.
    pub fn project(&self, p: LonLat) -> MapPoint {
        let (x, y) = mercator(p);
        MapPoint {
            x: (x - self.west) * self.scale,
            y: (self.north - y) * self.scale,
        }
    }

    /// SVG units back to a geographic point.
    pub fn unproject(&self, p: MapPoint) -> LonLat {
        inverse_mercator(p.x / self.scale + self.west, self.north - p.y / self.scale)
    }

    /// Ground metres per SVG unit at a latitude (Mercator stretches by 1/cos(latitude)).
    pub fn metres_per_unit(&self, lat: f64) -> f64 {
        lat.to_radians().cos() / self.scale
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame() -> Frame {
        Frame::new(
            LonLat {
                lon: 123.0,
                lat: 38.5,
            },
            LonLat {
                lon: 129.5,
                lat: 42.5,
            },
            1000.0,
        )
        .unwrap()
    }

    #[test]
    fn mercator_round_trips() {
        for &(lon, lat) in &[
            (0.0, 0.0),
            (126.194, 41.1253),
            (-179.9, -84.0),
            (124.39, 40.15),
        ] {
            let (x, y) = mercator(LonLat { lon, lat });
            let back = inverse_mercator(x, y);
            assert!((back.lon - lon).abs() < 1e-9 && (back.lat - lat).abs() < 1e-9);
        }
    }

    #[test]
    fn mercator_matches_known_value() {
        // EPSG:3857 of 45°N 90°E, from the projection's closed form.
        let (x, y) = mercator(LonLat {
            lon: 90.0,
            lat: 45.0,
        });
        assert!((x - 10_018_754.171).abs() < 0.01);
        assert!((y - 5_621_521.486).abs() < 0.01);
    }

    #[test]
    fn frame_corners_map_to_svg_corners() {
        let f = frame();
        let nw = f.project(LonLat {
            lon: 123.0,
            lat: 42.5,
        });
        let se = f.project(LonLat {
            lon: 129.5,
            lat: 38.5,
        });
        assert!(nw.x.abs() < 1e-9 && nw.y.abs() < 1e-9);
        assert!((se.x - 1000.0).abs() < 1e-9 && (se.y - f.height()).abs() < 1e-9);
        // North is up: a point further north has a smaller y.
        assert!(
            f.project(LonLat {
                lon: 125.0,
                lat: 41.0
            })
            .y < f
                .project(LonLat {
                    lon: 125.0,
                    lat: 40.0
                })
                .y
        );
    }

    #[test]
    fn frame_round_trips() {
        let f = frame();
        let p = LonLat {
            lon: 126.2958,
            lat: 41.1454,
        };
        let back = f.unproject(f.project(p));
        assert!((back.lon - p.lon).abs() < 1e-9 && (back.lat - p.lat).abs() < 1e-9);
    }

    #[test]
    fn frame_rejects_bad_corners() {
        let a = LonLat {
            lon: 123.0,
            lat: 38.5,
        };
        let b = LonLat {
            lon: 129.5,
            lat: 42.5,
        };
        assert!(Frame::new(b, a, 1000.0).is_none());
        assert!(Frame::new(a, b, 0.0).is_none());
        assert!(Frame::new(
            LonLat {
                lon: f64::NAN,
                lat: 0.0
            },
            b,
            10.0
        )
        .is_none());
    }

    #[test]
    fn metres_per_unit_shrinks_northwards() {
        let f = frame();
        assert!(f.metres_per_unit(42.0) < f.metres_per_unit(39.0));
    }
}

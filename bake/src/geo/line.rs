//! Rivers as lines: joining pieces into one course, measuring it, telling its banks apart.

use super::projection::LonLat;

/// Mean Earth radius for great-circle distances, in metres.
const MEAN_EARTH_RADIUS_M: f64 = 6_371_008.8;

/// Great-circle distance between two points, in metres (haversine).
pub fn distance_m(a: LonLat, b: LonLat) -> f64 {
    let (p1, p2) = (a.lat.to_radians(), b.lat.to_radians());
    let dp = p2 - p1;
    let dl = (b.lon - a.lon).to_radians();
    let h = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * MEAN_EARTH_RADIUS_M * h.sqrt().asin()
}

/// Length of a polyline along the ground, in metres.
pub fn length_m(line: &[LonLat]) -> f64 {
    line.windows(2).map(|w| distance_m(w[0], w[1])).sum()
}

/// Joins line pieces that share end points (within `snap_deg` degrees) into one line that starts
/// at `start`'s nearest end. Pieces may come in any order and either direction, as Natural Earth
/// delivers them.
///
/// Returns the joined line, or the index of the first piece that could not be attached.
pub fn chain(pieces: &[Vec<LonLat>], start: LonLat, snap_deg: f64) -> Result<Vec<LonLat>, usize> {
    let near = |a: LonLat, b: LonLat| {
        (a.lon - b.lon).abs() <= snap_deg && (a.lat - b.lat).abs() <= snap_deg
    };
    let sq = |a: LonLat, b: LonLat| (a.lon - b.lon).powi(2) + (a.lat - b.lat).powi(2);
    let mut left: Vec<usize> = (0..pieces.len())
        .filter(|&i| !pieces[i].is_empty())
        .collect();
    if left.is_empty() {
        return Ok(Vec::new());
    }
    // The first piece is the one with an end nearest to `start`, turned to begin there.
    let (pos, reversed) = left
        .iter()
        .enumerate()
        .flat_map(|(pos, &i)| {
            let p = &pieces[i];
            [
                (pos, false, sq(p[0], start)),
                (pos, true, sq(p[p.len() - 1], start)),
            ]
        })
        .min_by(|a, b| a.2.total_cmp(&b.2))
        .map(|(pos, rev, _)| (pos, rev))
        .expect("left is not empty");
    let first = left.remove(pos);
    let mut line = pieces[first].clone();
    if reversed {
        line.reverse();
    }
    while !left.is_empty() {
        let end = *line.last().expect("line is not empty");
        let found = left.iter().enumerate().find_map(|(pos, &i)| {
            let p = &pieces[i];
            if near(p[0], end) {
                Some((pos, false))
            } else if near(p[p.len() - 1], end) {
                Some((pos, true))
            } else {
                None
            }
        });
        let Some((pos, reversed)) = found else {
            return Err(left[0]);
        };
        let i = left.remove(pos);
        let mut piece = pieces[i].clone();
        if reversed {
            piece.reverse();
        }
        // The shared end point appears once.
        line.extend(piece.into_iter().skip(1));
    }
    Ok(line)
}

/// Which side of a river a point lies on, looking downstream (the hydrographic convention).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RiverBank {
    /// On the left hand when facing downstream.
    Left,
    /// On the right hand when facing downstream.
    Right,
}

/// Where `p` meets one segment of a course, in a local equirectangular plane around `p`
/// (exact enough at the few-kilometre distances that matter here).
struct Foot {
    /// Index of the segment's first point.
    segment: usize,
    /// How far along the segment the nearest point is, 0 to 1.
    t: f64,
    /// Squared distance from `p`, in squared degrees of latitude.
    d2: f64,
    /// Which side of the segment `p` lies on: positive on the left, looking along it.
    cross: f64,
}

/// The segment of `course` nearest to `p`; `None` for fewer than two points.
fn nearest_segment(course: &[LonLat], p: LonLat) -> Option<Foot> {
    let k = p.lat.to_radians().cos();
    let local = |q: LonLat| ((q.lon - p.lon) * k, q.lat - p.lat);
    let mut best: Option<Foot> = None;
    for (segment, w) in course.windows(2).enumerate() {
        let (ax, ay) = local(w[0]);
        let (bx, by) = local(w[1]);
        let (dx, dy) = (bx - ax, by - ay);
        let len2 = dx * dx + dy * dy;
        let t = if len2 == 0.0 {
            0.0
        } else {
            (-(ax * dx + ay * dy) / len2).clamp(0.0, 1.0)
        };
        let d2 = (ax + t * dx).powi(2) + (ay + t * dy).powi(2);
        // p is the origin; the cross product of the segment and (p - a) tells the side.
        let cross = dx * (-ay) - dy * (-ax);
        if best.as_ref().is_none_or(|b| d2 < b.d2) {
            best = Some(Foot {
                segment,
                t,
                d2,
                cross,
            });
        }
    }
    best
}

/// The bank of `p` relative to the nearest segment of `course`, which runs from source to mouth,
/// and the distance to that segment in metres.
///
/// Returns `None` for a course of fewer than two points.
pub fn bank_of(course: &[LonLat], p: LonLat) -> Option<(RiverBank, f64)> {
    let foot = nearest_segment(course, p)?;
    let bank = if foot.cross > 0.0 {
        RiverBank::Left
    } else {
        RiverBank::Right
    };
    let metres = foot.d2.sqrt() * std::f64::consts::PI / 180.0 * MEAN_EARTH_RADIUS_M;
    Some((bank, metres))
}

/// How far along `course` (from its first point) the point nearest to `p` lies, in metres:
/// the order in which a traveller going downstream meets the place. `None` for an empty course.
pub fn chainage_m(course: &[LonLat], p: LonLat) -> Option<f64> {
    match course {
        [] => None,
        [_] => Some(0.0),
        _ => {
            let foot = nearest_segment(course, p)?;
            let before = length_m(&course[..=foot.segment]);
            Some(before + foot.t * distance_m(course[foot.segment], course[foot.segment + 1]))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ll(lon: f64, lat: f64) -> LonLat {
        LonLat { lon, lat }
    }

    #[test]
    fn one_degree_of_latitude_is_about_111_km() {
        let d = distance_m(ll(126.0, 41.0), ll(126.0, 42.0));
        assert!((d - 111_195.0).abs() < 10.0, "{d}");
        assert_eq!(length_m(&[]), 0.0);
        assert_eq!(length_m(&[ll(1.0, 1.0)]), 0.0);
    }

    #[test]
    fn chain_joins_reversed_and_shuffled_pieces() {
        let a = vec![ll(0.0, 0.0), ll(1.0, 0.0)];
        let b = vec![ll(2.0, 0.0), ll(1.0, 0.0)]; // reversed
        let c = vec![ll(2.0, 0.0), ll(3.0, 0.0)];
        let line = chain(&[c, a, b], ll(0.0, 0.0), 1e-6).unwrap();
        assert_eq!(
            line,
            vec![ll(0.0, 0.0), ll(1.0, 0.0), ll(2.0, 0.0), ll(3.0, 0.0)]
        );
    }

    #[test]
    fn chain_starts_from_the_end_nearest_start() {
        let a = vec![ll(0.0, 0.0), ll(1.0, 0.0)];
        let line = chain(&[a], ll(5.0, 0.0), 1e-6).unwrap();
        assert_eq!(line[0], ll(1.0, 0.0));
    }

    #[test]
    fn chain_reports_a_gap() {
        let a = vec![ll(0.0, 0.0), ll(1.0, 0.0)];
        let b = vec![ll(2.0, 0.0), ll(3.0, 0.0)];
        assert_eq!(chain(&[a, b], ll(0.0, 0.0), 1e-6), Err(1));
        assert_eq!(chain(&[], ll(0.0, 0.0), 1e-6), Ok(vec![]));
    }

    #[test]
    fn chainage_measures_along_the_course() {
        let course = [ll(0.0, 0.0), ll(1.0, 0.0), ll(1.0, 1.0)];
        let a = chainage_m(&course, ll(0.5, 0.1)).unwrap();
        let b = chainage_m(&course, ll(1.1, 0.5)).unwrap();
        assert!(
            (a - distance_m(ll(0.0, 0.0), ll(0.5, 0.0))).abs() < 1.0,
            "{a}"
        );
        assert!(b > a);
        assert_eq!(chainage_m(&[], ll(0.0, 0.0)), None);
        assert_eq!(chainage_m(&course[..1], ll(3.0, 3.0)), Some(0.0));
    }

    #[test]
    fn banks_follow_the_downstream_direction() {
        // A river flowing east: north is on the left bank.
        let course = [ll(0.0, 0.0), ll(1.0, 0.0)];
        let (bank, d) = bank_of(&course, ll(0.5, 0.01)).unwrap();
        assert_eq!(bank, RiverBank::Left);
        assert!((d - 1_112.0).abs() < 5.0, "{d}");
        assert_eq!(
            bank_of(&course, ll(0.5, -0.01)).unwrap().0,
            RiverBank::Right
        );
        assert!(bank_of(&course[..1], ll(0.0, 0.0)).is_none());
    }
}

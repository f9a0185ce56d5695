//! Line simplification (Ramer–Douglas–Peucker) in SVG units.

use super::projection::MapPoint;

/// Distance from `p` to the segment `a`–`b`.
pub fn distance_to_segment(p: MapPoint, a: MapPoint, b: MapPoint) -> f64 {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let len2 = dx * dx + dy * dy;
    let t = if len2 == 0.0 {
        0.0
    } else {
        (((p.x - a.x) * dx + (p.y - a.y) * dy) / len2).clamp(0.0, 1.0)
    };
    let (cx, cy) = (a.x + t * dx, a.y + t * dy);
    ((p.x - cx).powi(2) + (p.y - cy).powi(2)).sqrt()
}

/// Simplifies a polyline so that no dropped point lies further than `tolerance` from the
/// simplified line. `tolerance` is in SVG units: at the default view one unit is about one
/// screen pixel, so a tolerance below one keeps the drawing within a pixel of the source.
///
/// The first and last points are always kept; input of zero, one or two points is returned
/// as it is; a non-positive tolerance keeps every point.
pub fn simplify(points: &[MapPoint], tolerance: f64) -> Vec<MapPoint> {
    if points.len() < 3 || tolerance <= 0.0 {
        return points.to_vec();
    }
    let mut keep = vec![false; points.len()];
    keep[0] = true;
    keep[points.len() - 1] = true;
    // An explicit stack rather than recursion: long coastlines would recurse deeply.
    let mut stack = vec![(0, points.len() - 1)];
    while let Some((first, last)) = stack.pop() {
        let mut worst = (0.0, 0);
        for i in first + 1..last {
            let d = distance_to_segment(points[i], points[first], points[last]);
            if d > worst.0 {
                worst = (d, i);
            }
        }
        if worst.0 > tolerance {
            keep[worst.1] = true;
            stack.push((first, worst.1));
            stack.push((worst.1, last));
        }
    }
    points
        .iter()
        .zip(keep)
        .filter_map(|(p, k)| k.then_some(*p))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pt(x: f64, y: f64) -> MapPoint {
        MapPoint { x, y }
    }

    #[test]
    fn short_input_is_unchanged() {
        assert!(simplify(&[], 1.0).is_empty());
        assert_eq!(simplify(&[pt(1.0, 1.0)], 1.0), vec![pt(1.0, 1.0)]);
        let two = [pt(0.0, 0.0), pt(5.0, 5.0)];
        assert_eq!(simplify(&two, 1.0), two.to_vec());
    }

    #[test]
    fn collinear_points_collapse_to_ends() {
        let line: Vec<_> = (0..10).map(|i| pt(i as f64, 0.0)).collect();
        assert_eq!(simplify(&line, 0.1), vec![pt(0.0, 0.0), pt(9.0, 0.0)]);
    }

    #[test]
    fn peaks_beyond_tolerance_are_kept() {
        let line = [pt(0.0, 0.0), pt(5.0, 3.0), pt(10.0, 0.0)];
        assert_eq!(simplify(&line, 1.0).len(), 3);
        assert_eq!(simplify(&line, 5.0).len(), 2);
    }

    #[test]
    fn zero_tolerance_keeps_everything() {
        let line = [pt(0.0, 0.0), pt(5.0, 0.001), pt(10.0, 0.0)];
        assert_eq!(simplify(&line, 0.0).len(), 3);
    }

    #[test]
    fn every_dropped_point_stays_within_tolerance() {
        let line: Vec<_> = (0..200)
            .map(|i| pt(i as f64, (i as f64 * 0.37).sin() * 4.0))
            .collect();
        let tol = 0.5;
        let kept = simplify(&line, tol);
        for p in &line {
            let d = kept
                .windows(2)
                .map(|w| distance_to_segment(*p, w[0], w[1]))
                .fold(f64::INFINITY, f64::min);
            assert!(d <= tol + 1e-9, "{p:?} is {d} away");
        }
    }
}

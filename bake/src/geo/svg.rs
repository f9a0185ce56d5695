//! SVG path data from projected points, written compactly with one decimal.

use super::projection::MapPoint;
use std::fmt::Write;

/// Writes a number with at most one decimal and no trailing `.0`, e.g. `12`, `-3.5`.
fn push_number(out: &mut String, v: f64) {
    let tenths = (v * 10.0).round() as i64;
    let sign = if tenths < 0 { "-" } else { "" };
    let abs = tenths.unsigned_abs();
    if abs.is_multiple_of(10) {
        let _ = write!(out, "{sign}{}", abs / 10);
    } else {
        let _ = write!(out, "{sign}{}.{}", abs / 10, abs % 10);
    }
}

/// Path data for an open polyline: an absolute move, then relative line steps (shorter than
/// absolute ones). Steps are taken between rounded positions so rounding never accumulates.
/// Returns an empty string for fewer than two points.
pub fn polyline_path(points: &[MapPoint]) -> String {
    let mut out = String::new();
    if points.len() < 2 {
        return out;
    }
    let round = |v: f64| (v * 10.0).round() / 10.0;
    let (mut x, mut y) = (round(points[0].x), round(points[0].y));
    out.push('M');
    push_number(&mut out, x);
    out.push(' ');
    push_number(&mut out, y);
    out.push('l');
    let mut first = true;
    for p in &points[1..] {
        let (nx, ny) = (round(p.x), round(p.y));
        let (dx, dy) = (nx - x, ny - y);
        if dx == 0.0 && dy == 0.0 {
            continue;
        }
        if !first && dx >= 0.0 {
            out.push(' ');
        }
        push_number(&mut out, dx);
        if dy >= 0.0 {
            out.push(' ');
        }
        push_number(&mut out, dy);
        first = false;
        (x, y) = (nx, ny);
    }
    out
}

/// Path data for a closed ring: as [`polyline_path`], closed with `z`.
pub fn ring_path(points: &[MapPoint]) -> String {
    let mut out = polyline_path(points);
    if !out.is_empty() {
        out.push('z');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pt(x: f64, y: f64) -> MapPoint {
        MapPoint { x, y }
    }

    #[test]
    fn numbers_are_compact() {
        let mut s = String::new();
        for v in [12.0, -3.45, 0.04, 7.25, -0.0] {
            push_number(&mut s, v);
            s.push(',');
        }
        assert_eq!(s, "12,-3.5,0,7.3,0,");
    }

    #[test]
    fn polyline_uses_relative_steps() {
        let d = polyline_path(&[pt(10.0, 20.0), pt(12.5, 19.0), pt(12.5, 25.0)]);
        assert_eq!(d, "M10 20l2.5-1 0 6");
    }

    #[test]
    fn degenerate_lines_give_no_path() {
        assert_eq!(polyline_path(&[]), "");
        assert_eq!(polyline_path(&[pt(1.0, 1.0)]), "");
        assert_eq!(ring_path(&[pt(1.0, 1.0)]), "");
    }

    #[test]
    fn rounding_does_not_drift() {
        let pts: Vec<_> = (0..100).map(|i| pt(i as f64 * 0.33, 0.0)).collect();
        let d = polyline_path(&pts);
        // Sum the relative x steps back up: the end is the rounded last point.
        let steps: f64 = d[d.find('l').unwrap() + 1..]
            .split(' ')
            .map(|s| s.split('-').next().unwrap().parse::<f64>().unwrap_or(0.0))
            .sum();
        assert!((steps - 32.7).abs() < 1e-6, "{steps}");
    }
}

//! SVG path data from projected points, written compactly with one decimal.

use super::projection::MapPoint;
use std::fmt::Write;

/// Path data for an open polyline at one decimal: an absolute move, then relative line steps
/// (shorter than absolute ones), written as compactly as [`fine_path`] writes them. Returns an
/// empty string for fewer than two points.
pub fn polyline_path(points: &[MapPoint]) -> String {
    fine_path(points, 1, false)
}

/// Path data for a closed ring: as [`polyline_path`], closed with `z`.
pub fn ring_path(points: &[MapPoint]) -> String {
    fine_path(points, 1, true)
}

/// Writes `units` / 10^`decimals` compactly: no trailing zeros, no leading zero (`.25`, `-.5`).
fn push_scaled(out: &mut String, units: i64, decimals: u32) {
    let scale = 10i64.pow(decimals);
    let sign = if units < 0 { "-" } else { "" };
    let (whole, mut frac) = (
        units.unsigned_abs() / scale as u64,
        units.unsigned_abs() % scale as u64,
    );
    let mut digits = decimals as usize;
    while digits > 0 && frac % 10 == 0 {
        frac /= 10;
        digits -= 1;
    }
    out.push_str(sign);
    if whole > 0 || digits == 0 {
        let _ = write!(out, "{whole}");
    }
    if digits > 0 {
        let _ = write!(out, ".{frac:0digits$}");
    }
}

/// Path data for an open line at `decimals` decimals, in relative steps between the rounded
/// points (so rounding never drifts): the detail drawings' finer form of [`polyline_path`].
pub fn fine_path(points: &[MapPoint], decimals: u32, closed: bool) -> String {
    let mut out = String::new();
    let scale = 10f64.powi(decimals as i32);
    let rounded: Vec<(i64, i64)> = points
        .iter()
        .map(|p| ((p.x * scale).round() as i64, (p.y * scale).round() as i64))
        .collect();
    let Some((&(mut x, mut y), rest)) = rounded.split_first() else {
        return out;
    };
    if rest.is_empty() {
        return out;
    }
    let mut prev = String::new();
    // A separator only where the next number does not bring its own: a `-`, or the `.` of a
    // fraction after a number that already has one.
    let mut push = |out: &mut String, v: i64, after_command: bool| {
        let mut n = String::new();
        push_scaled(&mut n, v, decimals);
        let own = n.starts_with('-') || (n.starts_with('.') && prev.contains('.'));
        if !after_command && !own {
            out.push(' ');
        }
        out.push_str(&n);
        prev = n;
    };
    out.push('M');
    push(&mut out, x, true);
    push(&mut out, y, false);
    out.push('l');
    let mut first = true;
    for &(nx, ny) in rest {
        let (dx, dy) = (nx - x, ny - y);
        if dx == 0 && dy == 0 {
            continue;
        }
        push(&mut out, dx, first);
        push(&mut out, dy, false);
        first = false;
        (x, y) = (nx, ny);
    }
    if closed {
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
        for v in [120, -345, 4, 725, 0, -5] {
            push_scaled(&mut s, v, 2);
            s.push(',');
        }
        assert_eq!(s, "1.2,-3.45,.04,7.25,0,-.05,");
    }

    #[test]
    fn polyline_uses_relative_steps() {
        let d = polyline_path(&[pt(10.0, 20.0), pt(12.5, 19.0), pt(12.5, 25.0)]);
        assert_eq!(d, "M10 20l2.5-1 0 6");
        // No leading zeros, and no separator where the next number brings its own.
        let d = ring_path(&[pt(0.0, 0.0), pt(0.44, 0.3), pt(0.0, 0.7)]);
        assert_eq!(d, "M0 0l.4.3-.4.4z");
    }

    #[test]
    fn fine_paths_keep_their_decimals() {
        let d = fine_path(
            &[pt(10.0, 20.0), pt(10.125, 19.5), pt(10.125, 25.0)],
            3,
            false,
        );
        assert_eq!(d, "M10 20l.125-.5 0 5.5");
        let d = fine_path(&[pt(1.0, 1.0), pt(0.5, 1.25), pt(1.0, 1.0)], 2, true);
        assert_eq!(d, "M1 1l-.5.25.5-.25z");
        assert_eq!(fine_path(&[pt(1.0, 1.0)], 2, false), "");
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

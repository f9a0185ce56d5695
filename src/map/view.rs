//! The map's view: how far it is zoomed and panned, in SVG units. Pure, so it is tested natively.
//!
//! A map point `p` appears at `p * k + (tx, ty)` in the SVG's viewBox, whose size is the frame's
//! (`VIEW_WIDTH` × `VIEW_HEIGHT`). Markers and labels are placed at that position without scaling,
//! so they keep their size on screen while the land underneath zooms. They are drawn in CSS
//! pixels (`s` of them to a viewBox unit): each at `s · k · p` in a layer offset by
//! `s · (tx, ty)`, inside a layer scaled by `1 / s`, so that a pan moves one layer and no pin.

use crate::atlas::{NORTH_MERCATOR_M, UNITS_PER_METRE, VIEW_HEIGHT, VIEW_WIDTH};

/// Closest the reader can zoom out: the whole frame, with a margin.
pub const MIN_ZOOM: f32 = 0.75;
/// Closest the reader can zoom in: a scale bar of 500 m or less even on a phone, where the
/// detail drawings (`yalu_model::DETAIL_LEVELS`) show the river's course to the metre.
pub const MAX_ZOOM: f32 = 192.0;
/// How far one step of the +/− buttons or keys zooms.
pub const ZOOM_STEP: f32 = 1.5;
/// How far one arrow key pans, in viewBox units.
pub const PAN_STEP: f32 = 60.0;
/// How much of the frame must stay in view, in viewBox units, so the map cannot be lost.
const KEEP_VISIBLE: f32 = 120.0;
/// Minor places (small towns, a county, a peak) are drawn from this zoom on, so the whole
/// frame stays calm; a chosen or current one is drawn at any zoom.
pub const MINOR_ZOOM: f32 = 2.0;
/// Closest story mode zooms to frame places: a lone town with the towns across the river.
pub const FRAME_ZOOM: f32 = 3.0;
/// Room kept around framed places, in viewBox units, for their labels.
pub const FRAME_PAD: f32 = 110.0;

/// Zoom factor and offset of the map.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct View {
    /// Scale: 1 shows the whole frame.
    pub k: f32,
    /// Horizontal offset in viewBox units.
    pub tx: f32,
    /// Vertical offset in viewBox units.
    pub ty: f32,
}

impl Default for View {
    /// The whole frame, as drawn at load.
    fn default() -> View {
        View {
            k: 1.0,
            tx: 0.0,
            ty: 0.0,
        }
    }
}

impl View {
    /// Where a map point appears in the viewBox.
    pub fn apply(&self, x: f32, y: f32) -> (f32, f32) {
        (x * self.k + self.tx, y * self.k + self.ty)
    }

    /// The map point shown at a viewBox position.
    pub fn invert(&self, x: f32, y: f32) -> (f32, f32) {
        ((x - self.tx) / self.k, (y - self.ty) / self.k)
    }

    /// Zooms by `factor` keeping the map point under viewBox position (`cx`, `cy`) where it is,
    /// as a wheel or pinch does under the pointer. The scale stays within the zoom limits.
    pub fn zoom_about(self, cx: f32, cy: f32, factor: f32) -> View {
        if !factor.is_finite() || factor <= 0.0 {
            return self;
        }
        let k = within(self.k * factor, MIN_ZOOM, MAX_ZOOM);
        let (mx, my) = self.invert(cx, cy);
        View {
            k,
            tx: cx - mx * k,
            ty: cy - my * k,
        }
        .clamped()
    }

    /// Zooms about the middle of the view.
    pub fn zoom_centre(self, factor: f32) -> View {
        self.zoom_about(VIEW_WIDTH / 2.0, VIEW_HEIGHT / 2.0, factor)
    }

    /// Moves the map by (`dx`, `dy`) viewBox units, as a drag does.
    pub fn pan_by(self, dx: f32, dy: f32) -> View {
        if !dx.is_finite() || !dy.is_finite() {
            return self;
        }
        View {
            tx: self.tx + dx,
            ty: self.ty + dy,
            ..self
        }
        .clamped()
    }

    /// The same zoom, moved so that map point (`x`, `y`) is in the middle of the view.
    pub fn centred_on(self, x: f32, y: f32) -> View {
        View {
            tx: VIEW_WIDTH / 2.0 - x * self.k,
            ty: VIEW_HEIGHT / 2.0 - y * self.k,
            ..self
        }
        .clamped()
    }

    /// Whether map point (`x`, `y`) shows inside the view, at least `margin` units from its edges.
    pub fn shows(&self, x: f32, y: f32, margin: f32) -> bool {
        let (vx, vy) = self.apply(x, y);
        vx >= margin && vx <= VIEW_WIDTH - margin && vy >= margin && vy <= VIEW_HEIGHT - margin
    }

    /// The view that frames map points `points`: centred on their bounding box, as close as
    /// fits the box with `FRAME_PAD` around it, but no closer than `FRAME_ZOOM` (a lone town) and
    /// no further out than the whole frame. `None` for no points.
    pub fn framing(points: &[(f32, f32)]) -> Option<View> {
        let (&(x0, y0), rest) = points.split_first()?;
        let (mut left, mut top, mut right, mut bottom) = (x0, y0, x0, y0);
        for &(x, y) in rest {
            (left, right) = (left.min(x), right.max(x));
            (top, bottom) = (top.min(y), bottom.max(y));
        }
        // A lone point's box is empty: its quotient is infinite, and the zoom limit applies.
        let fit_x = (VIEW_WIDTH - 2.0 * FRAME_PAD) / (right - left);
        let fit_y = (VIEW_HEIGHT - 2.0 * FRAME_PAD) / (bottom - top);
        let k = within(fit_x.min(fit_y), 1.0, FRAME_ZOOM);
        Some(
            View {
                k,
                tx: 0.0,
                ty: 0.0,
            }
            .centred_on((left + right) / 2.0, (top + bottom) / 2.0),
        )
    }

    /// Whether this view already frames `points` well enough to leave it be, given `target`, the
    /// view that would frame them: every point in view, clear of the edges by half the framing
    /// pad, and the view not zoomed out to less than half the target's scale (the places would
    /// be too small to tell apart).
    pub fn frames(&self, points: &[(f32, f32)], target: View) -> bool {
        self.k >= target.k * 0.5
            && points
                .iter()
                .all(|&(x, y)| self.shows(x, y, FRAME_PAD / 2.0))
    }

    /// Keeps at least `KEEP_VISIBLE` units of the frame in view on each axis.
    fn clamped(self) -> View {
        let keep = |t: f32, size: f32| {
            let lo = KEEP_VISIBLE - size * self.k;
            let hi = size - KEEP_VISIBLE;
            within(t, lo.min(hi), hi.max(lo))
        };
        View {
            k: self.k,
            tx: keep(self.tx, VIEW_WIDTH),
            ty: keep(self.ty, VIEW_HEIGHT),
        }
    }

    /// A point between two views, for a glide: `t` runs from 0 (`self`) to 1 (`to`).
    /// The scale is interpolated geometrically so a zoom feels even.
    pub fn towards(self, to: View, t: f32) -> View {
        let t = within(t, 0.0, 1.0);
        let k = self.k * (to.k / self.k).powf(t);
        // Interpolate the map point at the view's centre, then place it for the new scale.
        let (ax, ay) = self.invert(VIEW_WIDTH / 2.0, VIEW_HEIGHT / 2.0);
        let (bx, by) = to.invert(VIEW_WIDTH / 2.0, VIEW_HEIGHT / 2.0);
        let (mx, my) = (ax + (bx - ax) * t, ay + (by - ay) * t);
        View {
            k,
            tx: VIEW_WIDTH / 2.0 - mx * k,
            ty: VIEW_HEIGHT / 2.0 - my * k,
        }
    }

    /// `scale(1/s)`: the SVG `transform` of the layer of pins (markers and labels), where `s` is
    /// the SVG's on-screen pixels per viewBox unit. Inside it one unit is one CSS pixel, so what
    /// is drawn there keeps one size in any window and at any zoom: labels stay legible and hit
    /// areas 44 px tall. It changes only with the window's scale.
    pub fn pins_scale(px_per_unit: f32) -> String {
        format!("scale({})", decimal(1.0 / px_per_unit, 4))
    }

    /// `translate(s·tx s·ty)`: the SVG `transform` of the layer that a pan moves, inside the
    /// pins' layer. Each pin keeps its place in it (see `placed`). A pan changes only this
    /// translation: no pin nor anything scaled is touched, so the browser moves the drawn pins
    /// without painting them again.
    pub fn pins_offset(&self, px_per_unit: f32) -> String {
        let s = px_per_unit;
        format!("translate({} {})", fixed(self.tx * s), fixed(self.ty * s))
    }

    /// `translate(s·k·x s·k·y)` for map point (`x`, `y`) in the layer a pan moves: with the
    /// layer's offset and scale, the pin sits at `apply(x, y)`. It changes only with the zoom and
    /// the window's scale.
    pub fn placed(&self, x: f32, y: f32, px_per_unit: f32) -> String {
        let s = self.k * px_per_unit;
        format!("translate({} {})", fixed(x * s), fixed(y * s))
    }

    /// The SVG `transform` of the zoomed layer.
    pub fn transform(&self) -> String {
        // The scale multiplies every coordinate: it needs more decimals than the offsets.
        format!(
            "translate({} {}) scale({})",
            fixed(self.tx),
            fixed(self.ty),
            decimal(self.k, 5)
        )
    }

    /// A scale bar for the middle of the view: its length in viewBox units and its label.
    /// The distance is a round number (1, 2 or 5 times a power of ten, in metres or km) whose
    /// bar is at most `max_units` long.
    pub fn scale_bar(&self, max_units: f32) -> (f32, String) {
        let (_, my) = self.invert(VIEW_WIDTH / 2.0, VIEW_HEIGHT / 2.0);
        // Ground metres per viewBox unit at this latitude and zoom: Mercator stretches the
        // ground by 1 / cos(latitude), which is cosh(northing / R), so no trigonometry is needed.
        let metres_per_unit = 1.0 / stretch_at(my as f64) / UNITS_PER_METRE / self.k as f64;
        let max_m = metres_per_unit * max_units as f64;
        let mut step = 1.0_f64;
        while step * 10.0 <= max_m {
            step *= 10.0;
        }
        let metres = [5.0, 2.0, 1.0]
            .into_iter()
            .map(|m| m * step)
            .find(|m| *m <= max_m)
            .unwrap_or(step);
        let units = (metres / metres_per_unit) as f32;
        let label = if metres >= 1000.0 {
            format!("{} km", (metres / 1000.0).round() as u32)
        } else {
            format!("{} m", metres.round() as u32)
        };
        (units, label)
    }
}

/// `v` kept between `lo` and `hi` (`lo` ≤ `hi`). Unlike `f32::clamp` it has no panicking path,
/// whose message would link float formatting into the wasm; NaN stays NaN.
fn within(v: f32, lo: f32, hi: f32) -> f32 {
    if v < lo {
        lo
    } else if v > hi {
        hi
    } else {
        v
    }
}

/// The Web Mercator scale factor at a map y (SVG units from the frame's top): how much the map
/// stretches the ground there, 1 / cos(latitude).
pub fn stretch_at(y: f64) -> f64 {
    let t = (NORTH_MERCATOR_M - y / UNITS_PER_METRE) / 6_378_137.0;
    (t.exp() + (-t).exp()) / 2.0
}

/// A number with two decimals at most, as SVG positions need (a hundredth of a unit).
pub fn fixed(v: f32) -> String {
    decimal(v, 2)
}

/// A number with at most `places` decimals (up to 6), written with integer arithmetic only,
/// which keeps float-formatting code out of the wasm. Non-finite input writes `0`.
pub fn decimal(v: f32, places: u32) -> String {
    let places = places.min(6);
    let unit = 10_i64.pow(places);
    if !v.is_finite() {
        return "0".to_owned();
    }
    let scaled = (v as f64 * unit as f64).round() as i64;
    let sign = if scaled < 0 { "-" } else { "" };
    let abs = scaled.unsigned_abs();
    let (whole, mut frac, mut width) = (abs / unit as u64, abs % unit as u64, places as usize);
    if frac == 0 {
        return format!("{sign}{whole}");
    }
    while frac % 10 == 0 {
        frac /= 10;
        width -= 1;
    }
    format!("{sign}{whole}.{frac:0width$}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f32, b: f32) -> bool {
        (a - b).abs() < 1e-3
    }

    #[test]
    fn zoom_keeps_the_point_under_the_pointer() {
        let v = View::default().zoom_about(300.0, 200.0, 2.0);
        assert!(close(v.k, 2.0));
        let (x, y) = v.apply(300.0, 200.0);
        assert!(close(x, 300.0) && close(y, 200.0), "{x} {y}");
    }

    #[test]
    fn zoom_stays_within_limits() {
        let mut v = View::default();
        for _ in 0..50 {
            v = v.zoom_centre(2.0);
        }
        assert!(close(v.k, MAX_ZOOM));
        for _ in 0..50 {
            v = v.zoom_centre(0.5);
        }
        assert!(close(v.k, MIN_ZOOM));
        assert_eq!(View::default().zoom_centre(f32::NAN), View::default());
        assert_eq!(View::default().zoom_centre(0.0), View::default());
    }

    #[test]
    fn panning_cannot_lose_the_map() {
        let v = View::default().pan_by(-1e6, 1e6);
        let (right, top) = v.apply(VIEW_WIDTH, 0.0);
        assert!(right >= KEEP_VISIBLE - 1e-3 && top <= VIEW_HEIGHT - KEEP_VISIBLE + 1e-3);
        assert_eq!(View::default().pan_by(f32::INFINITY, 0.0), View::default());
    }

    #[test]
    fn centring_puts_a_point_in_the_middle() {
        let v = View {
            k: 4.0,
            ..View::default()
        }
        .centred_on(500.0, 300.0);
        let (x, y) = v.apply(500.0, 300.0);
        assert!(close(x, VIEW_WIDTH / 2.0) && close(y, VIEW_HEIGHT / 2.0));
        assert!(v.shows(500.0, 300.0, 100.0));
        assert!(!v.shows(0.0, 0.0, 0.0));
    }

    #[test]
    fn framing_shows_every_place_with_room_and_zooms_no_closer_than_a_town() {
        assert_eq!(View::framing(&[]), None);
        let lone = View::framing(&[(400.0, 300.0)]).unwrap();
        assert_eq!(lone.k, FRAME_ZOOM);
        let (x, y) = lone.apply(400.0, 300.0);
        assert!(close(x, VIEW_WIDTH / 2.0) && close(y, VIEW_HEIGHT / 2.0));
        // Two towns far apart: both in view, clear of the edges, closer than the whole frame.
        let pair = [(200.0, 250.0), (600.0, 380.0)];
        let both = View::framing(&pair).unwrap();
        assert!(both.k > 1.0 && both.k < FRAME_ZOOM, "{both:?}");
        for &(x, y) in &pair {
            assert!(both.shows(x, y, FRAME_PAD - 1.0), "{x},{y} in {both:?}");
        }
        assert!(both.frames(&pair, both));
        // Places at opposite corners need the whole frame, and no less.
        let corners = [(0.0, 0.0), (VIEW_WIDTH, VIEW_HEIGHT)];
        assert_eq!(View::framing(&corners).unwrap().k, 1.0);
    }

    #[test]
    fn a_view_that_shows_the_places_large_enough_is_left_alone() {
        let town = [(500.0, 300.0)];
        let target = View::framing(&town).unwrap();
        assert!(target.frames(&town, target));
        // The whole frame shows the town, but a third as large as framing it would: too small.
        assert!(!View::default().frames(&town, target));
        // Zoomed in a little less than the target, the town still in view: left alone.
        let near = View::default().zoom_centre(2.0).centred_on(500.0, 300.0);
        assert!(near.frames(&town, target));
        // Out of view: not framed.
        let away = near.centred_on(100.0, 100.0);
        assert!(!away.frames(&town, target));
    }

    #[test]
    fn a_glide_runs_from_one_view_to_the_other() {
        let a = View::default();
        let b = View {
            k: 4.0,
            ..View::default()
        }
        .centred_on(200.0, 500.0);
        let start = a.towards(b, 0.0);
        let end = a.towards(b, 1.0);
        assert!(close(start.k, a.k) && close(start.tx, a.tx) && close(start.ty, a.ty));
        assert!(close(end.k, b.k) && close(end.tx, b.tx) && close(end.ty, b.ty));
        let mid = a.towards(b, 0.5);
        assert!(mid.k > a.k && mid.k < b.k);
    }

    #[test]
    fn the_scale_bar_is_round_and_follows_the_zoom() {
        let (units, label) = View::default().scale_bar(120.0);
        assert!(units <= 120.0 && units > 40.0, "{units}");
        assert!(label.ends_with(" km"), "{label}");
        let zoomed = View::default().zoom_centre(8.0);
        let (units8, label8) = zoomed.scale_bar(120.0);
        assert_ne!(label, label8);
        // The distance the bar stands for, per unit, shrinks eightfold.
        let km = |l: &str| l.trim_end_matches(" km").parse::<f32>().unwrap();
        let ratio = (km(&label) / units) / (km(&label8) / units8);
        assert!((ratio - 8.0).abs() < 0.05, "{ratio}");
    }

    /// Latitude in degrees of a map y (SVG units from the frame's top), by the inverse Mercator
    /// formula: the independent reference the scale bar's `stretch_at` is checked against.
    fn latitude_at(y: f64) -> f64 {
        let northing = NORTH_MERCATOR_M - y / UNITS_PER_METRE;
        (2.0 * (northing / 6_378_137.0).exp().atan() - std::f64::consts::FRAC_PI_2).to_degrees()
    }

    #[test]
    fn the_scale_bar_agrees_with_the_projection() {
        // At the default view 1000 units span 5.9 degrees of longitude.
        let (units, label) = View::default().scale_bar(120.0);
        let km: f64 = label.trim_end_matches(" km").parse().unwrap();
        let lat = latitude_at(VIEW_HEIGHT as f64 / 2.0);
        let km_per_unit = 5.9 / 1000.0 * 111.32 * lat.to_radians().cos();
        assert!(((km / units as f64) / km_per_unit - 1.0).abs() < 0.01);
        assert!((lat - 40.6).abs() < 0.5, "{lat}");
        for y in [-200.0, 0.0, 412.8, 825.7, 1200.0] {
            let by_trig = 1.0 / latitude_at(y).to_radians().cos();
            assert!((stretch_at(y) / by_trig - 1.0).abs() < 1e-9, "{y}");
        }
    }

    /// The numbers of an SVG transform such as `translate(1 2) scale(0.5)`.
    fn numbers(transform: &str) -> Vec<f32> {
        transform
            .split(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-'))
            .filter(|s| !s.is_empty())
            .map(|s| s.parse().unwrap())
            .collect()
    }

    #[test]
    fn a_pin_sits_where_the_view_shows_its_point_and_a_pan_leaves_it_alone() {
        let view = View::default().zoom_centre(3.0).pan_by(-120.0, 45.0);
        let (x, y, s) = (412.5, 300.25, 2.0);
        let scale = numbers(&View::pins_scale(s));
        let offset = numbers(&view.pins_offset(s));
        let placed = numbers(&view.placed(x, y, s));
        assert_eq!(scale, [0.5]);
        assert_eq!((offset.len(), placed.len()), (2, 2), "translations only");
        let (vx, vy) = view.apply(x, y);
        for (axis, v) in [(0, vx), (1, vy)] {
            let at = scale[0] * (offset[axis] + placed[axis]);
            assert!((at - v).abs() < 0.011, "{offset:?} {placed:?} {v}");
        }
        let panned = view.pan_by(30.0, -20.0);
        assert_eq!(panned.placed(x, y, s), view.placed(x, y, s));
        assert_ne!(panned.pins_offset(s), view.pins_offset(s));
        // The window's scale moves the pins in their layer, which is scaled back: same place.
        assert_ne!(view.placed(x, y, 1.0), view.placed(x, y, s));
    }

    #[test]
    fn numbers_are_written_without_float_formatting() {
        assert_eq!(fixed(12.0), "12");
        assert_eq!(fixed(-3.456), "-3.46");
        assert_eq!(fixed(0.5), "0.5");
        assert_eq!(fixed(0.05), "0.05");
        assert_eq!(fixed(f32::NAN), "0");
        assert_eq!(decimal(2.22554, 5), "2.22554");
        assert_eq!(decimal(-0.000_01, 5), "-0.00001");
        assert_eq!(decimal(7.5, 0), "8");
    }
}

//! Which detail tiles a view needs (`yalu_model::DETAIL_LEVELS`): pure, so it is tested
//! natively; the map island fetches and draws them (`crate::islands::map::detail`).

use super::view::View;
use crate::atlas::{DETAIL_TILES, VIEW_HEIGHT, VIEW_WIDTH};
use yalu_model::{detail_level, DETAIL_LEVELS};

/// A detail tile: its level, column and row.
pub type TileId = (usize, i8, i8);

/// The part of the map in view, in map units (left, top, right, bottom), for an SVG of
/// `width` × `height` CSS pixels at `scale` pixels per viewBox unit: the viewBox is centred in
/// it (`xMidYMid meet`), so a window of another shape shows more on one side.
pub fn in_view(view: View, width: f32, height: f32, scale: f32) -> (f32, f32, f32, f32) {
    let (half_w, half_h) = (width / scale / 2.0, height / scale / 2.0);
    let (left, top) = view.invert(VIEW_WIDTH / 2.0 - half_w, VIEW_HEIGHT / 2.0 - half_h);
    let (right, bottom) = view.invert(VIEW_WIDTH / 2.0 + half_w, VIEW_HEIGHT / 2.0 + half_h);
    (left, top, right, bottom)
}

/// The tiles that draw what is in view finely enough for its zoom, coarsest level first
/// fine enough: none while the overview is within half a pixel.
pub fn wanted(view: View, width: f32, height: f32, scale: f32) -> Vec<TileId> {
    if !(scale > 0.0 && width > 0.0 && height > 0.0) {
        return Vec::new();
    }
    let Some(level) = detail_level(view.k * scale) else {
        return Vec::new();
    };
    let size = DETAIL_LEVELS[level].tile as f32;
    let (left, top, right, bottom) = in_view(view, width, height, scale);
    // `as` saturates: a view far off the map asks for no tile (and `clamp` would link float
    // formatting into the wasm, for its panic message).
    let cell = |v: f32| (v / size).floor() as i8;
    let existing = DETAIL_TILES[level];
    let mut tiles = Vec::new();
    for col in cell(left)..=cell(right) {
        for row in cell(top)..=cell(bottom) {
            if existing.binary_search(&(col, row)).is_ok() {
                tiles.push((level, col, row));
            }
        }
    }
    tiles
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::atlas::{pin, TOWNS};

    fn jian() -> (f32, f32) {
        let p = TOWNS
            .iter()
            .map(|&i| pin(i))
            .find(|p| p.id == "jian")
            .unwrap();
        (p.x, p.y)
    }

    #[test]
    fn the_default_view_needs_no_detail() {
        assert!(wanted(View::default(), 1000.0, 700.0, 1.0).is_empty());
    }

    #[test]
    fn a_close_view_of_jian_needs_a_few_fine_tiles_around_it() {
        let (x, y) = jian();
        for (k, level) in [(3.0, 0), (10.0, 1), (60.0, 2)] {
            let view = View {
                k,
                tx: 0.0,
                ty: 0.0,
            }
            .centred_on(x, y);
            let tiles = wanted(view, 1000.0, 700.0, 1.0);
            assert!(!tiles.is_empty(), "zoom {k}");
            assert!(tiles.len() <= 16, "zoom {k}: {} tiles", tiles.len());
            assert!(tiles.iter().all(|t| t.0 == level), "zoom {k}: {tiles:?}");
            let size = DETAIL_LEVELS[level].tile as f32;
            let here = ((x / size).floor() as i8, (y / size).floor() as i8);
            assert!(
                tiles.iter().any(|t| (t.1, t.2) == here),
                "zoom {k}: {tiles:?}"
            );
        }
    }

    #[test]
    fn the_view_is_what_the_window_shows() {
        // A window twice as wide as the viewBox's shape shows half as much again each side.
        let (l, t, r, b) = in_view(View::default(), 2.0 * VIEW_WIDTH, VIEW_HEIGHT, 1.0);
        assert_eq!((l, r), (-VIEW_WIDTH / 2.0, VIEW_WIDTH * 1.5));
        assert_eq!((t, b), (0.0, VIEW_HEIGHT));
    }
}

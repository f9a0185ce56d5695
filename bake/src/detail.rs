//! The detail drawings: past the zoom where the overview's simplification would show, the page
//! loads finer drawings of the river, the borders and the land along them, cut into tiles
//! (`yalu_model::DETAIL_LEVELS`). Each tile is a static file of SVG markup that covers its
//! square completely: where it is shown, the overview is clipped away beneath it.
//!
//! Each level is drawn once ([`Detail`]): which tiles exist ([`Detail::index`]) is baked into
//! the page's wasm; the tiles themselves ([`tiles`]) are cut with `geo`'s boolean operations,
//! for the pre-render only.

use crate::geo::svg::fine_path;
use crate::geo::{LonLat, MapPoint};
use crate::Atlas;
use ::geo::{BooleanOps, Coord, LineString, MultiLineString, MultiPolygon, Polygon, Rect};
use std::collections::BTreeSet;
use yalu_model::{DetailLevel, DETAIL_LEVELS};

/// One tile of one level: its markup, the ground and then the river.
#[derive(Clone, Debug, PartialEq)]
pub struct Tile {
    /// Index into `DETAIL_LEVELS`.
    pub level: usize,
    /// Column and row: the tile covers `col·tile`..`(col+1)·tile` map units across, and so on.
    pub col: i32,
    /// See `col`.
    pub row: i32,
    /// The file's text (`yalu_model::detail_file` names it).
    pub text: String,
}

/// The lines a tile exists for, at one level, in map units: the Yalu, then the Tumen, the
/// China–North Korea border and the other borders.
struct Lines {
    yalu: Vec<MapPoint>,
    tumen: Vec<Vec<MapPoint>>,
    border: Vec<Vec<MapPoint>>,
    other_borders: Vec<Vec<MapPoint>>,
}

fn lines_at(atlas: &Atlas, tolerance: f64, yalu: Vec<MapPoint>) -> Lines {
    let on_map = |line: &Vec<LonLat>| atlas.on_map_within(line, tolerance);
    let (border, others) = atlas.borders_split();
    Lines {
        yalu,
        tumen: atlas.tumen.iter().map(on_map).collect(),
        border: border.iter().flat_map(|b| &b.lines).map(on_map).collect(),
        other_borders: others.iter().flat_map(|b| &b.lines).map(on_map).collect(),
    }
}

/// One level's drawing: its lines, and the countries' land simplified with the Yalu.
struct Drawing {
    lines: Lines,
    countries: Vec<Vec<Vec<MapPoint>>>,
}

/// The detail drawings of every level, simplified once: which tiles exist ([`Detail::index`],
/// for the page's wasm) and their markup ([`tiles`], for the pre-render) both read them.
pub struct Detail {
    levels: Vec<Drawing>,
}

impl Detail {
    /// Every level of `atlas` drawn at its tolerance.
    pub fn new(atlas: &Atlas) -> Detail {
        let levels = DETAIL_LEVELS
            .iter()
            .map(|level| {
                let tolerance = level.tolerance as f64;
                let (countries, yalu) = atlas.land_and_yalu_on_map(tolerance);
                Drawing {
                    lines: lines_at(atlas, tolerance, yalu),
                    countries,
                }
            })
            .collect();
        Detail { levels }
    }

    /// For each detail level, the tiles that exist, sorted: the page asks for no other.
    pub fn index(&self) -> Vec<Vec<(i32, i32)>> {
        DETAIL_LEVELS
            .iter()
            .zip(&self.levels)
            .map(|(level, drawing)| crossed(level, &drawing.lines).into_iter().collect())
            .collect()
    }
}
/// The tiles of `level` that `lines` cross, as (column, row).
fn crossed(level: &DetailLevel, lines: &Lines) -> BTreeSet<(i32, i32)> {
    let size = level.tile as f64;
    let mut tiles = BTreeSet::new();
    let all = std::iter::once(&lines.yalu)
        .chain(&lines.tumen)
        .chain(&lines.border)
        .chain(&lines.other_borders);
    for line in all {
        for w in line.windows(2) {
            let (a, b) = (w[0], w[1]);
            // Steps of a quarter tile: no tile a segment crosses is missed by more than a corner.
            let steps = ((a.x - b.x).abs().max((a.y - b.y).abs()) / (size / 4.0)).ceil() as usize;
            for i in 0..=steps.max(1) {
                let t = i as f64 / steps.max(1) as f64;
                let (x, y) = (a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t);
                tiles.insert(((x / size).floor() as i32, (y / size).floor() as i32));
            }
        }
    }
    tiles
}

fn to_geo(line: &[MapPoint]) -> LineString<f64> {
    line.iter().map(|p| Coord { x: p.x, y: p.y }).collect()
}

fn from_geo(line: &LineString<f64>) -> Vec<MapPoint> {
    line.0.iter().map(|c| MapPoint { x: c.x, y: c.y }).collect()
}

/// The area closed rings fill under the even-odd rule, as the page fills them.
fn even_odd(rings: &[Vec<MapPoint>]) -> MultiPolygon<f64> {
    rings.iter().fold(MultiPolygon::new(vec![]), |all, r| {
        all.xor(&MultiPolygon::new(vec![Polygon::new(to_geo(r), vec![])]))
    })
}

/// Markup for the parts of `area` inside `square`: filled, with no outline (the square's edge
/// is no coast), in `class`.
fn fill(
    out: &mut String,
    class: &str,
    area: &MultiPolygon<f64>,
    square: &Polygon<f64>,
    decimals: u32,
) {
    let cut = area.intersection(square);
    let d: String = cut
        .0
        .iter()
        .flat_map(|p| std::iter::once(p.exterior()).chain(p.interiors()))
        .map(|r| fine_path(&from_geo(r), decimals, true))
        .collect();
    if !d.is_empty() {
        out.push_str(&format!("<path class=\"{class}\" d=\"{d}\"/>"));
    }
}

/// Markup for the parts of `lines` inside `square`, in `class`, one stroke width on screen.
fn stroke(
    out: &mut String,
    class: &str,
    lines: &[Vec<MapPoint>],
    square: &Polygon<f64>,
    decimals: u32,
) {
    let all = MultiLineString::new(lines.iter().map(|l| to_geo(l)).collect());
    let cut = square.clip(&all, false);
    let d: String = cut
        .0
        .iter()
        .map(|l| fine_path(&from_geo(l), decimals, false))
        .collect();
    if !d.is_empty() {
        out.push_str(&format!(
            "<path class=\"{class}\" d=\"{d}\" vector-effect=\"non-scaling-stroke\"/>"
        ));
    }
}

/// The class of a country's land, as the overview draws it.
fn land_class(name: &str) -> &'static str {
    match name {
        "China" => "land china cut",
        "North Korea" => "land north-korea cut",
        _ => "land other cut",
    }
}

/// Every tile of every level of `detail` (drawn from `atlas`), with its markup. Each tile draws, within its square and in the
/// overview's order and classes: each country's land, the outlines of land and reservoir, the
/// reservoir, the borders and the Tumen; then, on a line of its own, the Yalu's line.
pub fn tiles(detail: &Detail, atlas: &Atlas) -> Vec<Tile> {
    let mut out = Vec::new();
    for (index, (level, drawing)) in DETAIL_LEVELS.iter().zip(&detail.levels).enumerate() {
        let tolerance = level.tolerance as f64;
        let decimals = level.decimals as u32;
        let (countries, lines) = (&drawing.countries, &drawing.lines);
        let areas: Vec<MultiPolygon<f64>> = countries.iter().map(|r| even_odd(r)).collect();
        let outlines: Vec<Vec<MapPoint>> = countries.iter().flatten().cloned().collect();
        let reservoir: Vec<Vec<MapPoint>> = atlas
            .reservoir
            .iter()
            .map(|r| atlas.on_map_within(r, tolerance))
            .collect();
        let water = even_odd(&reservoir);
        let size = level.tile as f64;
        for (col, row) in crossed(level, lines) {
            let (x, y) = (col as f64 * size, row as f64 * size);
            let square = Rect::new(
                Coord { x, y },
                Coord {
                    x: x + size,
                    y: y + size,
                },
            )
            .to_polygon();
            let mut text = String::new();
            for (country, area) in atlas.countries.iter().zip(&areas) {
                fill(
                    &mut text,
                    land_class(&country.name),
                    area,
                    &square,
                    decimals,
                );
            }
            stroke(&mut text, "land-edge", &outlines, &square, decimals);
            fill(&mut text, "water cut", &water, &square, decimals);
            stroke(&mut text, "water-edge", &reservoir, &square, decimals);
            stroke(
                &mut text,
                "border other-border",
                &lines.other_borders,
                &square,
                decimals,
            );
            stroke(&mut text, "border", &lines.border, &square, decimals);
            stroke(&mut text, "context-river", &lines.tumen, &square, decimals);
            text.push('\n');
            stroke(
                &mut text,
                "river-line",
                std::slice::from_ref(&lines.yalu),
                &square,
                decimals,
            );
            text.push('\n');
            out.push(Tile {
                level: index,
                col,
                row,
                text,
            });
        }
    }
    out
}

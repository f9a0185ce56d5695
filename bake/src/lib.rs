//! Build-time pipeline of Yalu Border Atlas.
//!
//! Reads the Natural Earth extract and the project's places, checks them, projects them to Web
//! Mercator, simplifies the lines and writes Rust statics that the page compiles in, so that the
//! browser never parses JSON or does geometry at load.

pub mod codegen;
pub mod content;
pub mod detail;
pub mod error;
pub mod geo;
pub mod geojson_file;
pub mod land;
pub mod layers;
pub mod osm;
pub mod places;
pub mod text;

use error::BakeError;
use geo::{chain, simplify, Frame, LonLat, MapPoint};
use geojson_file::{lines, read_collection, string_property};
use layers::{Border, Country, MapLabel, Warning};
use places::{Place, PlaceKind};
use std::path::{Path, PathBuf};

/// South-west corner of the map's default view: the Yalu mouth below Dandong and Pyongyang fit.
pub const FRAME_SOUTH_WEST: LonLat = LonLat {
    lon: 123.3,
    lat: 38.7,
};
/// North-east corner of the default view: Paektu and the Yalu's source, with the upper Tumen.
pub const FRAME_NORTH_EAST: LonLat = LonLat {
    lon: 129.2,
    lat: 42.4,
};
/// South-west corner of the Natural Earth extract: the map draws land out to here.
pub const EXTRACT_SOUTH_WEST: LonLat = LonLat {
    lon: 122.5,
    lat: 37.5,
};
/// North-east corner of the Natural Earth extract.
pub const EXTRACT_NORTH_EAST: LonLat = LonLat {
    lon: 131.5,
    lat: 43.5,
};
/// Width of the map in SVG units; at the default view one unit is about one screen pixel.
pub const FRAME_WIDTH: f64 = 1000.0;
/// Simplification tolerance in SVG units: below a pixel at the default view.
pub const TOLERANCE: f64 = 0.5;
/// Most places the page can hold: it keeps a paragraph's places as one bit a place in a `u64`.
pub const MAX_PLACES: usize = 64;
/// Most paragraphs the page can hold, across all articles: it numbers them with a `u16`.
pub const MAX_PARAGRAPHS: usize = u16::MAX as usize;
/// How close two river pieces' ends must be, in degrees, to count as joined.
const SNAP_DEG: f64 = 1e-4;

/// Everything the page needs from the data files, checked and in geographic coordinates.
#[derive(Clone, Debug)]
pub struct Atlas {
    /// The default view.
    pub frame: Frame,
    /// Every place of the gazetteer, in file order.
    pub places: Vec<Place>,
    /// The Yalu from its source to its mouth, as one line: OpenStreetMap's China–North Korea
    /// border, which runs in its water.
    pub yalu: Vec<LonLat>,
    /// The Tumen, drawn for context, as the same border and the North Korea–Russia one trace it.
    pub tumen: Vec<Vec<LonLat>>,
    /// The Sup'ung reservoir on the Yalu.
    pub reservoir: Vec<Vec<LonLat>>,
    /// The land of China, North Korea, South Korea and Russia: Natural Earth's coast, cut along
    /// OpenStreetMap's borders.
    pub countries: Vec<Country>,
    /// Land borders between two countries, from OpenStreetMap, where the map draws them as
    /// borders: the China–North Korea border's overland stretch over Paektu (in the Yalu and
    /// the Tumen the rivers' lines are the border), and the others where they cross land.
    pub borders: Vec<Border>,
    /// Country and sea names.
    pub labels: Vec<MapLabel>,
    /// What the build reports without stopping; `build.rs` prints each as a cargo warning.
    pub warnings: Vec<Warning>,
    /// The articles and the place mentions in them.
    pub reading: content::Reading,
}

/// Where the data files live below the project root.
#[derive(Clone, Debug)]
pub struct DataPaths {
    /// `data/places.geojson`.
    pub places: PathBuf,
    /// `data/natural-earth/rivers.geojson`.
    pub rivers: PathBuf,
    /// `data/natural-earth/countries.geojson`.
    pub countries: PathBuf,
    /// `data/natural-earth/lakes.geojson`.
    pub lakes: PathBuf,
    /// `data/osm-borders/countries.geojson`: OpenStreetMap's countries, with their waters.
    pub osm_countries: PathBuf,
    /// `data/osm-borders/borders.geojson`: OpenStreetMap's borders between two countries.
    pub osm_borders: PathBuf,
    /// `data/labels.geojson`.
    pub labels: PathBuf,
    /// `content/`, with `articles.json` and the article texts.
    pub content: PathBuf,
}

impl DataPaths {
    /// The standard layout below a project root.
    pub fn under(root: &Path) -> DataPaths {
        DataPaths {
            places: root.join("data/places.geojson"),
            rivers: root.join("data/natural-earth/rivers.geojson"),
            countries: root.join("data/natural-earth/countries.geojson"),
            lakes: root.join("data/natural-earth/lakes.geojson"),
            osm_countries: root.join("data/osm-borders/countries.geojson"),
            osm_borders: root.join("data/osm-borders/borders.geojson"),
            labels: root.join("data/labels.geojson"),
            content: root.join("content"),
        }
    }

    /// Every file and folder the bake reads, for the build script's change tracking: the data
    /// files, the content folder (so an added or removed article counts) and every file in it.
    /// A content folder that cannot be listed is still named; the bake itself reports the fault.
    pub fn all(&self) -> Vec<PathBuf> {
        let mut paths: Vec<PathBuf> = [
            &self.places,
            &self.rivers,
            &self.countries,
            &self.lakes,
            &self.osm_countries,
            &self.osm_borders,
            &self.labels,
            &self.content,
        ]
        .into_iter()
        .cloned()
        .collect();
        if let Ok(entries) = std::fs::read_dir(&self.content) {
            let mut files: Vec<PathBuf> = entries.filter_map(|e| Some(e.ok()?.path())).collect();
            files.sort();
            paths.extend(files);
        }
        paths
    }
}

impl Atlas {
    /// For the bake's command-line tools: the atlas of the project at the first argument (the
    /// current folder without one), or its fault printed and the process ended with status 1.
    pub fn load_from_args() -> Atlas {
        let root = std::env::args().nth(1).unwrap_or_else(|| ".".to_owned());
        Atlas::load(&DataPaths::under(Path::new(&root))).unwrap_or_else(|e| {
            eprintln!("error: {e}");
            std::process::exit(1);
        })
    }

    /// Reads and checks every data file.
    pub fn load(paths: &DataPaths) -> Result<Atlas, BakeError> {
        let frame = Frame::new(FRAME_SOUTH_WEST, FRAME_NORTH_EAST, FRAME_WIDTH)
            .expect("the frame constants are valid");
        let places = places::read_places(&paths.places)?;
        if places.len() > MAX_PLACES {
            return Err(BakeError::Feature {
                path: paths.places.clone(),
                index: MAX_PLACES,
                id: Some(places[MAX_PLACES].id.clone()),
                message: format!(
                    "one place too many: the page holds at most {MAX_PLACES} places, and this file has {}",
                    places.len()
                ),
            });
        }
        for (index, place) in places.iter().enumerate() {
            // A province's label point may lie off the map if its label is placed on it.
            if !frame.contains(place.label_point()) {
                return Err(BakeError::Feature {
                    path: paths.places.clone(),
                    index,
                    id: Some(place.id.clone()),
                    message: format!(
                        "point [{}, {}] lies outside the map's frame (lon {}–{}, lat {}–{})",
                        place.label_point().lon,
                        place.label_point().lat,
                        FRAME_SOUTH_WEST.lon,
                        FRAME_NORTH_EAST.lon,
                        FRAME_SOUTH_WEST.lat,
                        FRAME_NORTH_EAST.lat
                    ),
                });
            }
        }
        let source = yalu_source(&paths.places, &places)?;
        // Natural Earth's Yalu ends at Dandong, short of the mouth: its end says which end of
        // the border is the mouth.
        let short_of_mouth = river_course(&paths.rivers, "Yalu", source)?;
        let osm_borders = osm::read_borders(&paths.osm_borders)?;
        let rivers = osm::border_rivers(
            &paths.osm_borders,
            &osm_borders,
            source,
            *short_of_mouth.last().expect("a course has points"),
        )?;
        let all_land = land::all_land(&land::read_areas(&paths.countries)?);
        let countries = land::split(
            &all_land,
            &land::read_areas(&paths.osm_countries)?,
            &paths.osm_countries,
        )?;
        let mut borders = vec![Border {
            between: ("China".to_owned(), "North Korea".to_owned()),
            lines: rivers.land_border,
        }];
        borders.extend(
            osm_borders
                .iter()
                // The North Korea–Russia border is the lower Tumen, drawn as the river.
                .filter(|b| {
                    !osm::is_between(b, "China", "North Korea")
                        && !osm::is_between(b, "North Korea", "Russia")
                })
                .map(|b| Border {
                    between: b.between.clone(),
                    lines: land::on_land(&all_land, &b.lines),
                })
                .filter(|b| !b.lines.is_empty()),
        );
        let labels = layers::read_labels(&paths.labels)?;
        let extract = Frame::new(EXTRACT_SOUTH_WEST, EXTRACT_NORTH_EAST, FRAME_WIDTH)
            .expect("the extract constants are valid");
        if let Some((index, label)) = labels
            .iter()
            .enumerate()
            .find(|(_, l)| !extract.contains(l.point))
        {
            return Err(BakeError::Feature {
                path: paths.labels.clone(),
                index,
                id: Some(label.text.clone()),
                message: format!(
                    "point [{}, {}] lies outside the mapped region (lon {}–{}, lat {}–{})",
                    label.point.lon,
                    label.point.lat,
                    EXTRACT_SOUTH_WEST.lon,
                    EXTRACT_NORTH_EAST.lon,
                    EXTRACT_SOUTH_WEST.lat,
                    EXTRACT_NORTH_EAST.lat
                ),
            });
        }
        // A place no article names yet is not a fault: its panel says so, and the author's
        // report (`make places`) lists it.
        let warnings = Vec::new();
        let reading = content::read(&paths.content, &paths.places, &places)?;
        let over = reading
            .articles
            .iter()
            .flat_map(|a| a.paragraphs.iter().map(move |p| (a, p)))
            .nth(MAX_PARAGRAPHS);
        if let Some((article, paragraph)) = over {
            return Err(BakeError::Text {
                path: paths.content.join(&article.meta.file),
                line: paragraph.line,
                message: format!(
                    "one paragraph too many: the page holds at most {MAX_PARAGRAPHS} paragraphs across all articles"
                ),
            });
        }
        Ok(Atlas {
            frame,
            places,
            yalu: rivers.yalu,
            tumen: rivers.tumen,
            reservoir: layers::read_lake(&paths.lakes, "Supung Reservoir")?,
            countries,
            borders,
            labels,
            warnings,
            reading,
        })
    }

    /// The place with this id.
    pub fn place(&self, id: &str) -> Option<&Place> {
        self.places.iter().find(|p| p.id == id)
    }

    /// Kilometres down the Yalu from its source to where place `i` meets it (0 for the river
    /// itself, and for a place that is not there).
    pub fn river_km(&self, i: usize) -> u32 {
        match self.places.get(i) {
            Some(p) if p.kind != PlaceKind::River => {
                (geo::chainage_m(&self.yalu, p.point).unwrap_or(0.0) / 1000.0).round() as u32
            }
            _ => 0,
        }
    }

    /// The places' indices in the order of the page's place list: the river first, then each
    /// place by where it meets the Yalu going downstream (ties in data order).
    pub fn places_downstream(&self) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.places.len()).collect();
        order.sort_by_key(|&i| (self.places[i].kind != PlaceKind::River, self.river_km(i)));
        order
    }

    /// The land borders split in two: the China–North Korea border (the Yalu's and the
    /// Tumen's), which the map draws in the border's own style, and every other one.
    pub fn borders_split(&self) -> (Vec<&Border>, Vec<&Border>) {
        self.borders
            .iter()
            .partition(|b| osm::is_between(b, "China", "North Korea"))
    }

    /// Every country's land projected and simplified within `tolerance` map units, each shared
    /// border the same points in both countries (`geo::topology`).
    pub fn land_on_map(&self, tolerance: f64) -> Vec<Vec<Vec<MapPoint>>> {
        self.land_and_yalu_on_map(tolerance).0
    }

    /// The land as [`Atlas::land_on_map`] draws it, and the Yalu simplified with it: where the
    /// river is the border, its line is the border's points.
    pub fn land_and_yalu_on_map(&self, tolerance: f64) -> (Vec<Vec<Vec<MapPoint>>>, Vec<MapPoint>) {
        let rings: Vec<Vec<Vec<LonLat>>> = self.countries.iter().map(|c| c.rings.clone()).collect();
        let (land, mut lines) = geo::topology::simplify_with_lines(
            &rings,
            std::slice::from_ref(&self.yalu),
            |p| self.frame.project(p),
            tolerance,
        );
        (land, lines.pop().unwrap_or_default())
    }

    /// The Yalu projected and simplified for drawing, as the border it is.
    pub fn yalu_on_map(&self) -> Vec<MapPoint> {
        self.land_and_yalu_on_map(TOLERANCE).1
    }

    /// A line projected and simplified for drawing.
    pub fn on_map(&self, line: &[LonLat]) -> Vec<MapPoint> {
        self.on_map_within(line, TOLERANCE)
    }

    /// A line projected and simplified within `tolerance` map units (a detail drawing's).
    pub fn on_map_within(&self, line: &[LonLat], tolerance: f64) -> Vec<MapPoint> {
        let projected: Vec<MapPoint> = line.iter().map(|p| self.frame.project(*p)).collect();
        simplify(&projected, tolerance)
    }
}

/// The Yalu's source, from the river place's `source`.
fn yalu_source(path: &Path, places: &[Place]) -> Result<LonLat, BakeError> {
    places
        .iter()
        .find(|p| p.kind == PlaceKind::River && p.id == "yalu")
        .and_then(|p| p.source)
        .ok_or_else(|| BakeError::Missing {
            path: path.to_owned(),
            message: "no river place with id \"yalu\"".to_owned(),
        })
}

/// Every piece named `name` in the rivers layer, joined into one course that starts at `source`.
pub fn river_course(path: &Path, name: &str, source: LonLat) -> Result<Vec<LonLat>, BakeError> {
    let (owners, pieces): (Vec<usize>, Vec<Vec<LonLat>>) =
        named_lines(path, name)?.into_iter().unzip();
    chain(&pieces, source, SNAP_DEG).map_err(|piece| BakeError::Feature {
        path: path.to_owned(),
        index: owners[piece],
        id: Some(name.to_owned()),
        message: format!("a piece of the {name} does not meet the rest of its course end to end"),
    })
}

/// The lines of the features named `name`, each with the index of its feature.
fn named_lines(path: &Path, name: &str) -> Result<Vec<(usize, Vec<LonLat>)>, BakeError> {
    let fc = read_collection(path)?;
    let mut found = Vec::new();
    for (index, feature) in fc.features.iter().enumerate() {
        if string_property(feature, "name") != Some(name) {
            continue;
        }
        let fail = |message: String| BakeError::Feature {
            path: path.to_owned(),
            index,
            id: Some(name.to_owned()),
            message,
        };
        let geometry = feature
            .geometry
            .as_ref()
            .ok_or_else(|| fail("missing geometry".to_owned()))?;
        found.extend(
            lines(geometry)
                .map_err(fail)?
                .into_iter()
                .map(|line| (index, line)),
        );
    }
    if found.is_empty() {
        return Err(BakeError::Missing {
            path: path.to_owned(),
            message: format!("no feature named \"{name}\""),
        });
    }
    Ok(found)
}

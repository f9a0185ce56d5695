//! The project's places: what each marker is, read from `data/places.geojson`.

use crate::error::BakeError;
use crate::geo::LonLat;
use crate::geojson_file::{lon_lat, read_collection, string_property};
use geojson::{FeatureCollection, GeometryValue};
use std::collections::HashMap;
use std::path::Path;

// What kind of place, and how prominent: the vocabulary the bake shares with the page.
pub use yalu_model::{PlaceKind, Rank};

/// Which side of its marker a place's label sits, chosen so that labels do not collide.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LabelSide {
    /// Label to the left of the marker, ending near it.
    Left,
    /// Label to the right of the marker (the default).
    Right,
}

/// A name in the place's own language and script.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NativeName {
    /// BCP 47 language tag, e.g. `zh-Hans`, `ko`.
    pub lang: String,
    /// The name as written in that language.
    pub text: String,
}

/// One place of the gazetteer.
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    /// Stable identifier used in links, e.g. `manpo`.
    pub id: String,
    /// English name as the reader sees it, e.g. `Ji'an`.
    pub name: String,
    /// Names in the place's own scripts.
    pub native: Vec<NativeName>,
    /// Country, or countries for a border river.
    pub country: String,
    /// River or city.
    pub kind: PlaceKind,
    /// Marker prominence.
    pub rank: Rank,
    /// One line of what and where the place is.
    pub summary: String,
    /// Other spellings the texts may use.
    pub aliases: Vec<String>,
    /// Phrases in which one of the names means another place (e.g. "Ji'an, Jiangxi").
    pub not_in: Vec<String>,
    /// Marker position; for a river, where its label sits.
    pub point: LonLat,
    /// Side of the marker the label goes.
    pub label: LabelSide,
    /// For a river, where it rises, so its course can be ordered from source to mouth.
    pub source: Option<LonLat>,
    /// Where the label is drawn when not at `point` (a province whose label point lies off the map).
    pub label_at: Option<LonLat>,
    /// Spellings that may name something else, taken only with support from the text.
    pub ambiguous: Vec<AmbiguousName>,
    /// Words that, next to a name, mark another place of that name ("Jiangxi").
    pub elsewhere: Vec<String>,
}

/// A spelling of a place that may name something else.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AmbiguousName {
    /// The spelling as written in the data.
    pub spelling: String,
    /// What else it may be ("a Chinese given name").
    pub also: String,
    /// Words of which the document must hold one; empty: any text about the Yalu border.
    pub needs: Vec<String>,
    /// The id of another place the spelling may name instead (Changbai: the county, or Mount
    /// Paektu): the words of the two places' kinds in the sentence decide between them.
    pub rival: Option<String>,
    /// Whether the spelling is also a given name: then it is the place only where the words
    /// around it make it one (see `text::context`).
    pub given_name: bool,
}

impl Place {
    /// Where its label (and, for a province, its control) is drawn.
    pub fn label_point(&self) -> LonLat {
        self.label_at.unwrap_or(self.point)
    }
}

/// Reads and checks the places file.
pub fn read_places(path: &Path) -> Result<Vec<Place>, BakeError> {
    let fc = read_collection(path)?;
    places_from(path, &fc)
}

/// Checks a parsed places collection; `path` only names it in errors.
pub fn places_from(path: &Path, fc: &FeatureCollection) -> Result<Vec<Place>, BakeError> {
    let mut places = Vec::with_capacity(fc.features.len());
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (index, feature) in fc.features.iter().enumerate() {
        let id = string_property(feature, "id").map(str::to_owned);
        let fail = |message: String| BakeError::Feature {
            path: path.to_owned(),
            index,
            id: id.clone(),
            message,
        };
        let text = |key: &str| -> Result<String, BakeError> {
            match string_property(feature, key) {
                Some(s) if !s.trim().is_empty() => Ok(s.to_owned()),
                Some(_) => Err(fail(format!("property `{key}` is empty"))),
                None => Err(fail(format!("missing string property `{key}`"))),
            }
        };
        let id_value = text("id")?;
        if !id_value
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        {
            return Err(fail(format!(
                "id \"{id_value}\" must be lowercase letters, digits and '-'"
            )));
        }
        if let Some(first) = seen.insert(id_value.clone(), index) {
            return Err(fail(format!("duplicate id, first used by feature {first}")));
        }
        let kind = text("kind")?;
        let kind = PlaceKind::from_word(&kind).ok_or_else(|| {
            fail(format!(
                "kind \"{kind}\" is not \"river\", \"city\", \"county\", \"province\" or \"mountain\""
            ))
        })?;
        let rank = text("rank")?;
        let rank = Rank::from_word(&rank).ok_or_else(|| {
            fail(format!(
                "rank \"{rank}\" is not \"primary\", \"secondary\" or \"minor\""
            ))
        })?;
        let point = match feature.geometry.as_ref().map(|g| &g.value) {
            Some(GeometryValue::Point { coordinates }) => {
                lon_lat(coordinates.as_slice()).map_err(fail)?
            }
            Some(other) => {
                return Err(fail(format!(
                    "geometry must be a Point, found a {}",
                    other.type_name()
                )))
            }
            None => return Err(fail("missing Point geometry".to_owned())),
        };
        let native = match feature.property("native") {
            Some(serde_json::Value::Array(items)) => items
                .iter()
                .map(|item| {
                    let lang = item.get("lang").and_then(|v| v.as_str());
                    let text = item.get("text").and_then(|v| v.as_str());
                    match (lang, text) {
                        (Some(l), Some(t)) if !l.is_empty() && !t.is_empty() => Ok(NativeName {
                            lang: l.to_owned(),
                            text: t.to_owned(),
                        }),
                        _ => Err(fail(
                            "each `native` entry needs non-empty `lang` and `text`".to_owned(),
                        )),
                    }
                })
                .collect::<Result<Vec<_>, _>>()?,
            None => Vec::new(),
            Some(_) => return Err(fail("property `native` must be an array".to_owned())),
        };
        let strings = |key: &str| -> Result<Vec<String>, BakeError> {
            match feature.property(key) {
                Some(serde_json::Value::Array(items)) => items
                    .iter()
                    .map(|v| match v.as_str() {
                        Some(s) if !s.trim().is_empty() => Ok(s.to_owned()),
                        _ => Err(fail(format!(
                            "each entry of `{key}` must be a non-empty string"
                        ))),
                    })
                    .collect(),
                None => Ok(Vec::new()),
                Some(_) => Err(fail(format!(
                    "property `{key}` must be an array of strings"
                ))),
            }
        };
        let aliases = strings("aliases")?;
        let not_in = strings("not_in")?;
        let label = match string_property(feature, "label") {
            None | Some("right") => LabelSide::Right,
            Some("left") => LabelSide::Left,
            Some(other) => {
                return Err(fail(format!(
                    "label \"{other}\" is not \"left\" or \"right\""
                )))
            }
        };
        let source = match (kind, feature.property("source")) {
            (PlaceKind::River, Some(serde_json::Value::Array(pos))) => {
                let numbers: Option<Vec<f64>> = pos.iter().map(|v| v.as_f64()).collect();
                let numbers = numbers
                    .ok_or_else(|| fail("`source` must be [longitude, latitude]".to_owned()))?;
                Some(lon_lat(&numbers).map_err(fail)?)
            }
            (PlaceKind::River, _) => {
                return Err(fail(
                    "a river needs `source`: [longitude, latitude]".to_owned(),
                ))
            }
            (_, None) => None,
            (_, Some(_)) => return Err(fail("only a river has a `source`".to_owned())),
        };
        let label_at = match feature.property("label_at") {
            None => None,
            Some(serde_json::Value::Array(pos)) if kind == PlaceKind::Province => {
                let numbers: Option<Vec<f64>> = pos.iter().map(|v| v.as_f64()).collect();
                let numbers = numbers
                    .ok_or_else(|| fail("`label_at` must be [longitude, latitude]".to_owned()))?;
                Some(lon_lat(&numbers).map_err(fail)?)
            }
            Some(_) if kind != PlaceKind::Province => {
                return Err(fail("only a province has a `label_at`".to_owned()))
            }
            Some(_) => return Err(fail("`label_at` must be [longitude, latitude]".to_owned())),
        };
        let ambiguous = match feature.property("ambiguous") {
            None => Vec::new(),
            Some(serde_json::Value::Array(items)) => items
                .iter()
                .map(|item| {
                    let spelling = item.get("spelling").and_then(|v| v.as_str());
                    let also = item.get("also").and_then(|v| v.as_str());
                    let needs: Option<Vec<String>> = match item.get("needs") {
                        None => Some(Vec::new()),
                        Some(serde_json::Value::Array(words)) => words
                            .iter()
                            .map(|w| w.as_str().filter(|w| !w.trim().is_empty()).map(str::to_owned))
                            .collect(),
                        Some(_) => None,
                    };
                    let rival = match item.get("rival") {
                        None => Some(None),
                        Some(v) => v.as_str().filter(|r| !r.trim().is_empty()).map(|r| Some(r.to_owned())),
                    };
                    let given_name = match item.get("given_name") {
                        None => Some(false),
                        Some(v) => v.as_bool(),
                    };
                    match (spelling, also, needs, rival, given_name) {
                        (Some(s), Some(a), Some(needs), Some(rival), Some(given_name)) if !s.trim().is_empty() && !a.trim().is_empty() => {
                            Ok(AmbiguousName {
                                spelling: s.to_owned(),
                                also: a.to_owned(),
                                needs,
                                rival,
                                given_name,
                            })
                        }
                        _ => Err(fail(
                            "each `ambiguous` entry needs non-empty `spelling` and `also`, `needs` (if given) must be an array of non-empty strings, `rival` (if given) a place id, and `given_name` (if given) true or false".to_owned(),
                        )),
                    }
                })
                .collect::<Result<Vec<_>, _>>()?,
            Some(_) => return Err(fail("property `ambiguous` must be an array".to_owned())),
        };
        let elsewhere = strings("elsewhere")?;
        places.push(Place {
            id: id_value,
            name: text("name")?,
            native,
            country: text("country")?,
            kind,
            rank,
            summary: text("summary")?,
            aliases,
            not_in,
            point,
            label,
            source,
            label_at,
            ambiguous,
            elsewhere,
        });
    }
    if places.is_empty() {
        return Err(BakeError::Missing {
            path: path.to_owned(),
            message: "no places".to_owned(),
        });
    }
    Ok(places)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geojson_file::parse_collection;

    fn parse(features: &str) -> Result<Vec<Place>, BakeError> {
        let path = Path::new("places.geojson");
        let fc = parse_collection(
            path,
            &format!(r#"{{"type":"FeatureCollection","features":[{features}]}}"#),
        )?;
        places_from(path, &fc)
    }

    const MANPO: &str = r#"{"type":"Feature","geometry":{"type":"Point","coordinates":[126.2958,41.1454]},
        "properties":{"id":"manpo","name":"Manpo","country":"North Korea","kind":"city","rank":"primary",
        "summary":"A city","native":[{"lang":"ko","text":"만포"}],"aliases":["Manp'o"]}}"#;

    #[test]
    fn a_good_place_is_read() {
        let places = parse(MANPO).unwrap();
        assert_eq!(places[0].name, "Manpo");
        assert_eq!(places[0].native[0].text, "만포");
        assert_eq!(
            places[0].point,
            LonLat {
                lon: 126.2958,
                lat: 41.1454
            }
        );
    }

    #[test]
    fn duplicate_ids_are_refused() {
        let err = parse(&format!("{MANPO},{MANPO}")).unwrap_err();
        assert_eq!(
            err.to_string(),
            "places.geojson: feature 1 (id \"manpo\"): duplicate id, first used by feature 0"
        );
    }

    #[test]
    fn missing_name_and_geometry_are_named() {
        let err = parse(&MANPO.replace(r#""name":"Manpo","#, "")).unwrap_err();
        assert!(
            err.to_string().ends_with("missing string property `name`"),
            "{err}"
        );
        let err = parse(&MANPO.replace(
            r#"{"type":"Point","coordinates":[126.2958,41.1454]}"#,
            "null",
        ))
        .unwrap_err();
        assert!(err.to_string().ends_with("missing Point geometry"), "{err}");
    }

    #[test]
    fn an_empty_file_is_refused() {
        assert_eq!(
            parse("").unwrap_err().to_string(),
            "places.geojson: no places"
        );
    }
}

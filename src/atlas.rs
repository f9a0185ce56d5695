//! The map's data, baked at build time from `data/` by `build.rs`.

/// What kind of feature a place is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlaceKind {
    /// A river, drawn as its course.
    River,
    /// A town or city, drawn as a marker.
    City,
}

/// How prominent a place's marker is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rank {
    /// A place the page is about.
    Primary,
    /// A place the texts name that helps the reader find their way.
    Secondary,
}

/// A place's name in its own language and script.
#[derive(Debug, PartialEq, Eq)]
pub struct NativeName {
    /// BCP 47 language tag, for the `lang` attribute.
    pub lang: &'static str,
    /// The name as written.
    pub text: &'static str,
}

/// A place on the map.
#[derive(Debug, PartialEq)]
pub struct Place {
    /// Stable identifier, e.g. `manpo`.
    pub id: &'static str,
    /// English name, e.g. `Ji'an`.
    pub name: &'static str,
    /// Names in the place's own scripts.
    pub native: &'static [NativeName],
    /// Country, or countries for the border river.
    pub country: &'static str,
    /// River or city.
    pub kind: PlaceKind,
    /// Marker prominence.
    pub rank: Rank,
    /// One line of what and where the place is.
    pub summary: &'static str,
    /// Marker (for a river, label) position in SVG units.
    pub x: f32,
    /// Marker (for a river, label) position in SVG units.
    pub y: f32,
    /// Whether the label sits left of the marker.
    pub label_left: bool,
}

/// A country's land.
#[derive(Debug, PartialEq, Eq)]
pub struct Country {
    /// Natural Earth's name, e.g. `North Korea`.
    pub name: &'static str,
    /// SVG path data of all its rings, for the even-odd fill rule.
    pub path: &'static str,
}

/// A name printed on the map that is not a control.
#[derive(Debug, PartialEq)]
pub struct MapLabel {
    /// The text as printed.
    pub text: &'static str,
    /// Whether it names a sea (drawn in italic blue) rather than a country.
    pub sea: bool,
    /// Centre of the text in SVG units.
    pub x: f32,
    /// Centre of the text in SVG units.
    pub y: f32,
}

include!(concat!(env!("OUT_DIR"), "/atlas.rs"));

/// The place with this id.
pub fn place(id: &str) -> Option<&'static Place> {
    PLACES.iter().find(|p| p.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_baked_atlas_has_the_river_and_the_three_towns() {
        for id in ["yalu", "jian", "manpo", "hyesan"] {
            let p = place(id).unwrap_or_else(|| panic!("{id} is missing"));
            assert_eq!(p.rank, Rank::Primary);
            assert!(p.x > 0.0 && p.x < VIEW_WIDTH && p.y > 0.0 && p.y < VIEW_HEIGHT);
        }
        assert_eq!(place("yalu").unwrap().kind, PlaceKind::River);
        assert!(YALU_PATH.starts_with('M') && YALU_PATH.len() > 500);
    }

    #[test]
    fn jian_is_west_of_manpo_on_the_map() {
        assert!(place("jian").unwrap().x < place("manpo").unwrap().x);
    }
}

#[cfg(test)]
mod label_tests {
    use super::*;

    /// A label's box at the default view, estimated from its length (14-unit labels, 13 for
    /// map labels): (left, top, right, bottom).
    type Box = (f32, f32, f32, f32);

    fn marker_label(p: &Place) -> Box {
        let w = 8.0 * p.name.chars().count() as f32;
        let (x, y) = (p.x, p.y);
        if p.kind == PlaceKind::River {
            (x, y - 11.0, x + w, y + 3.0)
        } else if p.label_left {
            (x - 10.0 - w, y - 7.0, x - 10.0, y + 7.0)
        } else {
            (x + 10.0, y - 7.0, x + 10.0 + w, y + 7.0)
        }
    }

    fn map_label(l: &MapLabel) -> Box {
        let w = 9.0 * l.text.chars().count() as f32;
        (l.x - w / 2.0, l.y - 10.0, l.x + w / 2.0, l.y + 3.0)
    }

    fn overlap(a: Box, b: Box) -> bool {
        a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
    }

    #[test]
    fn labels_do_not_collide_at_the_default_view() {
        let mut boxes: Vec<(String, Box)> = PLACES
            .iter()
            .map(|p| (p.name.to_owned(), marker_label(p)))
            .collect();
        boxes.extend(MAP_LABELS.iter().map(|l| (l.text.to_owned(), map_label(l))));
        // Each town's dot, 6 units around its point, must stay clear of every label too.
        let dots: Vec<(String, Box)> = PLACES
            .iter()
            .filter(|p| p.kind == PlaceKind::City)
            .map(|p| {
                (
                    format!("{} dot", p.name),
                    (p.x - 6.0, p.y - 6.0, p.x + 6.0, p.y + 6.0),
                )
            })
            .collect();
        for (i, (a, ab)) in boxes.iter().enumerate() {
            for (b, bb) in boxes.iter().skip(i + 1).chain(dots.iter()) {
                assert!(!overlap(*ab, *bb), "{a} collides with {b}");
            }
        }
    }
}

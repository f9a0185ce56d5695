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

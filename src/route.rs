//! What the page shows, as it lives in the URL hash: `#/place/<id>` or `#/read/<article>/<n>`.
//! The hash is untrusted input: anything that is not one of these is the overview.

use crate::atlas::{CONTENTS, PINS};

/// Longest hash worth reading; anything longer is not one of ours.
const MAX_HASH: usize = 200;

/// What the page shows. Places and articles are indices into `PLACES` (and `PINS`) and
/// `ARTICLES` (and `CONTENTS`), so the router needs only the small tables, not the texts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Route {
    /// The map with the introduction.
    Overview,
    /// A place's panel.
    Place(usize),
    /// The reader view at a paragraph of an article (0-based here, 1-based in the URL).
    Read(usize, usize),
}

impl Route {
    /// The route a hash names, or the overview for anything else.
    pub fn parse(hash: &str) -> Route {
        if hash.len() > MAX_HASH {
            return Route::Overview;
        }
        let path = hash.strip_prefix('#').unwrap_or(hash);
        let mut parts = path.split('/');
        if parts.next() != Some("") {
            return Route::Overview;
        }
        match (parts.next(), parts.next(), parts.next(), parts.next()) {
            (Some("place"), Some(id), None, None) => PINS
                .iter()
                .position(|p| p.id == id)
                .map_or(Route::Overview, Route::Place),
            (Some("read"), Some(id), Some(n), None) => {
                let Some(article) = CONTENTS.iter().position(|a| a.id == id) else {
                    return Route::Overview;
                };
                // Digits only: no sign, no spaces, no leading zero.
                if n.is_empty()
                    || n.len() > 4
                    || !n.bytes().all(|b| b.is_ascii_digit())
                    || n.starts_with('0')
                {
                    return Route::Overview;
                }
                let k = n.bytes().fold(0, |k, b| k * 10 + usize::from(b - b'0'));
                if k <= CONTENTS[article].paragraphs {
                    Route::Read(article, k - 1)
                } else {
                    Route::Overview
                }
            }
            _ => Route::Overview,
        }
    }

    /// The path this route has in the hash, after the `#` (`/` for the overview). Pre-rendered
    /// elements carry it as their id, so the hash targets them when no script runs.
    pub fn to_path(&self) -> String {
        match *self {
            Route::Overview => "/".to_owned(),
            Route::Place(p) => format!("/place/{}", PINS[p].id),
            Route::Read(a, i) => format!("/read/{}/{}", CONTENTS[a].id, i + 1),
        }
    }

    /// The hash for this route (empty for the overview).
    pub fn to_hash(&self) -> String {
        match self {
            Route::Overview => String::new(),
            route => format!("#{}", route.to_path()),
        }
    }

    /// The place the map shows as chosen.
    pub fn place(&self) -> Option<usize> {
        match *self {
            Route::Place(p) => Some(p),
            _ => None,
        }
    }

    /// The paragraph the reader is at: (article, paragraph), both 0-based.
    pub fn paragraph(&self) -> Option<(usize, usize)> {
        match *self {
            Route::Read(a, p) => Some((a, p)),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_and_paragraphs_round_trip() {
        for hash in [
            "#/place/manpo",
            "#/place/yalu",
            "#/read/jian-border/7",
            "#/read/hyesan-frontier/10",
        ] {
            let route = Route::parse(hash);
            assert_ne!(route, Route::Overview, "{hash}");
            assert_eq!(route.to_hash(), hash);
        }
        let manpo = Route::parse("#/place/manpo").place().unwrap();
        assert_eq!(crate::atlas::PLACES[manpo].name, "Manpo");
        assert_eq!(Route::parse("#/read/jian-border/7"), Route::Read(0, 6));
        assert_eq!(Route::Read(1, 0).to_path(), "/read/hyesan-frontier/1");
    }

    #[test]
    fn anything_else_is_the_overview() {
        let long = format!("#/place/{}", "a".repeat(500));
        for hash in [
            "",
            "#",
            "#/",
            "#/place",
            "#/place/",
            "#/place/atlantis",
            "#/place/manpo/",
            "#/place/Manpo",
            "#/read/jian-border",
            "#/read/jian-border/0",
            "#/read/jian-border/33",
            "#/read/jian-border/07",
            "#/read/jian-border/-1",
            "#/read/jian-border/+1",
            "#/read/jian-border/1e2",
            "#/read/nope/1",
            "#place/manpo",
            "#/%70lace/manpo",
            "#/place/man%20po",
            long.as_str(),
            "#/read/jian-border/99999999999999999999",
        ] {
            assert_eq!(Route::parse(hash), Route::Overview, "{hash}");
        }
        assert_eq!(Route::Overview.to_hash(), "");
    }

    proptest::proptest! {
        /// Any hash at all leaves the page working: no panic, and what is not the overview
        /// writes back the very hash it came from.
        #[test]
        fn any_hash_is_safe(hash in ".{0,300}") {
            let route = Route::parse(&hash);
            if route != Route::Overview {
                proptest::prop_assert_eq!(Route::parse(&route.to_hash()), route);
            }
        }

        #[test]
        fn hashes_shaped_like_ours_are_safe(id in "[a-z-]{0,20}", n in "[-+0-9]{0,25}") {
            for hash in [format!("#/place/{id}"), format!("#/read/{id}/{n}"), format!("#/read/jian-border/{n}")] {
                match Route::parse(&hash) {
                    Route::Read(article, i) => proptest::prop_assert!(i < crate::atlas::ARTICLES[article].paragraphs.len()),
                    Route::Place(p) => proptest::prop_assert!(p < crate::atlas::PLACES.len()),
                    Route::Overview => {}
                }
            }
        }
    }
}

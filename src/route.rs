//! What the page shows, as it lives in the URL hash: `#/place/<id>` or `#/read/<article>/<n>`.
//! The hash is untrusted input: anything that is not one of these is the overview.

use crate::atlas::{
    article_index, contents, locate, paragraph_of, pin, place_index, ParagraphIndex, PlaceIndex,
};

/// Longest hash worth reading; anything longer is not one of ours.
const MAX_HASH: usize = 200;

/// What the page shows. Places and paragraphs are typed indices into the baked tables, so the
/// router needs only the small tables (`PINS`, `CONTENTS`), not the texts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Route {
    /// The map with the introduction.
    Overview,
    /// A place's panel.
    Place(PlaceIndex),
    /// The reader view at a paragraph (its number in its article is 1-based in the URL).
    Read(ParagraphIndex),
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
            (Some("place"), Some(id), None, None) => {
                place_index(id).map_or(Route::Overview, Route::Place)
            }
            (Some("read"), Some(id), Some(n), None) => {
                let Some(article) = article_index(id) else {
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
                paragraph_of(article, k - 1).map_or(Route::Overview, Route::Read)
            }
            _ => Route::Overview,
        }
    }

    /// The path this route has in the hash, after the `#` (`/` for the overview). Pre-rendered
    /// elements carry it as their id, so the hash targets them when no script runs.
    pub fn to_path(&self) -> String {
        match *self {
            Route::Overview => "/".to_owned(),
            Route::Place(p) => format!("/place/{}", pin(p).id),
            Route::Read(i) => match locate(i) {
                Some((a, n)) => format!("/read/{}/{}", contents(a).id, n + 1),
                // Not a paragraph of the articles: no route makes one.
                None => "/".to_owned(),
            },
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
    pub fn place(&self) -> Option<PlaceIndex> {
        match *self {
            Route::Place(p) => Some(p),
            _ => None,
        }
    }

    /// The paragraph the reader is at.
    pub fn paragraph(&self) -> Option<ParagraphIndex> {
        match *self {
            Route::Read(i) => Some(i),
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
        assert_eq!(pin(manpo).name, "Manpo");
        let jian = article_index("jian-border").unwrap();
        assert_eq!(
            Route::parse("#/read/jian-border/7"),
            Route::Read(paragraph_of(jian, 6).unwrap())
        );
        let hyesan = article_index("hyesan-frontier").unwrap();
        assert_eq!(
            Route::Read(paragraph_of(hyesan, 0).unwrap()).to_path(),
            "/read/hyesan-frontier/1"
        );
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
                    Route::Read(i) => proptest::prop_assert!(i.get() < crate::atlas::paragraph_count()),
                    Route::Place(p) => proptest::prop_assert!(p.get() < crate::atlas::PLACES.len()),
                    Route::Overview => {}
                }
            }
        }
    }
}

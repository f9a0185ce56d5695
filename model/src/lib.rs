//! The vocabulary that the build-time bake (`yalu-bake`) and the page (`yalu-atlas`) share, in
//! one home: what kind of place a place is, how prominent its marker is, who wrote a paragraph
//! and how a passage is credited, and the typed indices the bake writes into the page's tables.
//! The bake decides with these types and writes Rust source that names them; the page matches
//! on the same types, so the two cannot drift apart. Small and free of dependencies: it is
//! compiled into the WebAssembly too.

/// What kind of feature a place is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PlaceKind {
    /// A river, drawn as its course; its point is where its label sits.
    River,
    /// A town or city, drawn as a marker at its point.
    City,
    /// A county, drawn as a marker at its seat.
    County,
    /// A province, drawn as an area label in spaced capitals.
    Province,
    /// A mountain, drawn as a marker at its summit.
    Mountain,
}

impl PlaceKind {
    /// Every kind, in declaration order.
    pub const ALL: [PlaceKind; 5] = [
        PlaceKind::River,
        PlaceKind::City,
        PlaceKind::County,
        PlaceKind::Province,
        PlaceKind::Mountain,
    ];

    /// The kind's word in data files and in the Leaflet peer's data: `river`, `city`, …
    pub fn word(self) -> &'static str {
        match self {
            PlaceKind::River => "river",
            PlaceKind::City => "city",
            PlaceKind::County => "county",
            PlaceKind::Province => "province",
            PlaceKind::Mountain => "mountain",
        }
    }

    /// The kind whose word is `word`, if any.
    pub fn from_word(word: &str) -> Option<PlaceKind> {
        PlaceKind::ALL.into_iter().find(|k| k.word() == word)
    }

    /// This kind as Rust source, for the baked tables.
    pub fn rust(self) -> &'static str {
        match self {
            PlaceKind::River => "PlaceKind::River",
            PlaceKind::City => "PlaceKind::City",
            PlaceKind::County => "PlaceKind::County",
            PlaceKind::Province => "PlaceKind::Province",
            PlaceKind::Mountain => "PlaceKind::Mountain",
        }
    }
}

/// How prominent a place's marker is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Rank {
    /// A place the page is about.
    Primary,
    /// A place the texts name that helps the reader find their way.
    Secondary,
    /// A place some texts name: drawn small, and only from a closer zoom.
    Minor,
}

impl Rank {
    /// Every rank, most prominent first.
    pub const ALL: [Rank; 3] = [Rank::Primary, Rank::Secondary, Rank::Minor];

    /// The rank's word in data files and in the Leaflet peer's data: `primary`, …
    pub fn word(self) -> &'static str {
        match self {
            Rank::Primary => "primary",
            Rank::Secondary => "secondary",
            Rank::Minor => "minor",
        }
    }

    /// The rank whose word is `word`, if any.
    pub fn from_word(word: &str) -> Option<Rank> {
        Rank::ALL.into_iter().find(|r| r.word() == word)
    }

    /// This rank as Rust source, for the baked tables.
    pub fn rust(self) -> &'static str {
        match self {
            Rank::Primary => "Rank::Primary",
            Rank::Secondary => "Rank::Secondary",
            Rank::Minor => "Rank::Minor",
        }
    }
}

/// Who wrote a paragraph, borrowed: the bake lends its owned names, the page has static ones.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Voice<'a> {
    /// The article itself.
    Post,
    /// A reader comment, with the commenter's name where the source gives one.
    Comment(Option<&'a str>),
}

/// How a passage is credited, in the atlas's panel and in the Leaflet peer alike: the article
/// and its author, or the reader who commented on it.
pub fn credit(title: &str, author: Option<&str>, voice: Voice<'_>) -> String {
    match voice {
        Voice::Post => match author {
            Some(author) => format!("{title} — {author}"),
            None => title.to_owned(),
        },
        Voice::Comment(Some(by)) => format!("Reader comment by {by}, on {title}"),
        Voice::Comment(None) => format!("Reader comment on {title}"),
    }
}

/// A place, as its position in the atlas's table of places (data order; the page's `PLACES`
/// and `PINS`). The bake writes these; the page never makes one from a bare number it has not
/// checked against the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PlaceIndex(pub u8);

impl PlaceIndex {
    /// The position in the table, for indexing.
    pub const fn get(self) -> usize {
        self.0 as usize
    }
}

/// An article, as its position in the atlas's articles (reading order).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ArticleIndex(pub u8);

impl ArticleIndex {
    /// The position among the articles, for indexing.
    pub const fn get(self) -> usize {
        self.0 as usize
    }
}

/// A paragraph, as its position in reading order across all articles: the reader shows the
/// articles one after another, and story mode steps through their paragraphs in that order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ParagraphIndex(pub u16);

impl ParagraphIndex {
    /// The position in reading order, for indexing.
    pub const fn get(self) -> usize {
        self.0 as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_and_ranks_round_trip_through_their_words() {
        for kind in PlaceKind::ALL {
            assert_eq!(PlaceKind::from_word(kind.word()), Some(kind));
            assert_eq!(kind.rust(), format!("PlaceKind::{kind:?}"));
        }
        for rank in Rank::ALL {
            assert_eq!(Rank::from_word(rank.word()), Some(rank));
            assert_eq!(rank.rust(), format!("Rank::{rank:?}"));
        }
        assert_eq!(PlaceKind::from_word("River"), None);
        assert_eq!(Rank::from_word(""), None);
    }

    #[test]
    fn credits_name_the_article_and_author_or_the_commenter() {
        assert_eq!(
            credit("On the Yalu", Some("Ruth"), Voice::Post),
            "On the Yalu — Ruth"
        );
        assert_eq!(credit("On the Yalu", None, Voice::Post), "On the Yalu");
        assert_eq!(
            credit("On the Yalu", Some("Ruth"), Voice::Comment(Some("robert"))),
            "Reader comment by robert, on On the Yalu"
        );
        assert_eq!(
            credit("On the Yalu", Some("Ruth"), Voice::Comment(None)),
            "Reader comment on On the Yalu"
        );
    }

    #[test]
    fn indices_give_back_their_position() {
        assert_eq!(PlaceIndex(7).get(), 7);
        assert_eq!(ArticleIndex(1).get(), 1);
        assert_eq!(ParagraphIndex(300).get(), 300);
        assert!(ParagraphIndex(2) < ParagraphIndex(10));
    }
}

/// One drawing of the map finer than the overview, which the page loads as the reader zooms
/// in: the river, the borders and the land along them, simplified within half a pixel up to
/// `up_to_px` screen pixels per map unit, cut into square tiles `tile` map units a side, each
/// a static file of the page's own (`detail_file`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DetailLevel {
    /// The closest zoom it is drawn for, in screen pixels per map unit.
    pub up_to_px: f32,
    /// Simplification tolerance, in map units: half a pixel at `up_to_px`, less rounding.
    pub tolerance: f32,
    /// Decimals of its path data.
    pub decimals: u8,
    /// Side of its tiles in map units; tile (`col`, `row`) covers `col·tile`..`(col+1)·tile`.
    pub tile: i32,
}

/// The overview in the page is drawn within half a pixel up to one pixel per map unit; past
/// that, these drawings follow, each finer than the one before. The last serves every closer
/// zoom: its tolerance (about half a metre) is finer than the 10 m data.
pub const DETAIL_LEVELS: [DetailLevel; 3] = [
    DetailLevel {
        up_to_px: 4.0,
        tolerance: 0.1,
        decimals: 2,
        tile: 256,
    },
    DetailLevel {
        up_to_px: 16.0,
        tolerance: 0.025,
        decimals: 2,
        tile: 64,
    },
    DetailLevel {
        up_to_px: f32::INFINITY,
        tolerance: 0.001,
        decimals: 3,
        tile: 16,
    },
];

/// Where the overview drawn in the page is within half a pixel: up to one pixel per map unit.
pub const OVERVIEW_UP_TO_PX: f32 = 1.0;

/// The detail level a zoom of `px_per_unit` screen pixels per map unit needs, if any.
pub fn detail_level(px_per_unit: f32) -> Option<usize> {
    if px_per_unit <= OVERVIEW_UP_TO_PX {
        return None;
    }
    DETAIL_LEVELS
        .iter()
        .position(|l| px_per_unit <= l.up_to_px)
        .or(Some(DETAIL_LEVELS.len() - 1))
}

/// The folder of the detail files in the built page.
pub const DETAIL_DIR: &str = "detail";

/// A detail tile's file, relative to the page: two lines of SVG markup (text, not an SVG
/// document: the map takes it into its own SVG), its ground (land, water, borders) and then
/// the river's line.
pub fn detail_file(level: usize, col: i32, row: i32) -> String {
    format!("{DETAIL_DIR}/{level}/{col}_{row}.txt")
}

#[cfg(test)]
mod detail_tests {
    use super::*;

    #[test]
    fn each_zoom_takes_the_coarsest_level_fine_enough() {
        assert_eq!(detail_level(0.8), None);
        assert_eq!(detail_level(1.0), None);
        assert_eq!(detail_level(1.01), Some(0));
        assert_eq!(detail_level(4.0), Some(0));
        assert_eq!(detail_level(16.0), Some(1));
        assert_eq!(detail_level(500.0), Some(2));
        assert_eq!(detail_file(2, -3, 41), "detail/2/-3_41.txt");
    }

    #[test]
    fn levels_nest_and_stay_within_half_a_pixel() {
        for pair in DETAIL_LEVELS.windows(2) {
            assert_eq!(pair[0].tile % pair[1].tile, 0);
            assert!(pair[1].tolerance < pair[0].tolerance);
        }
        for l in &DETAIL_LEVELS[..DETAIL_LEVELS.len() - 1] {
            // Tolerance and the rounding of the path data together.
            let rounding = 0.5 / 10f32.powi(l.decimals as i32);
            assert!((l.tolerance + rounding) * l.up_to_px <= 0.5);
        }
    }
}

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

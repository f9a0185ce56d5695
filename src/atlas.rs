//! The map's data, baked at build time from `data/` by `build.rs`.

/// What kind of feature a place is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlaceKind {
    /// A river, drawn as its course.
    River,
    /// A town or city, drawn as a marker.
    City,
    /// A county, drawn as a marker at its seat.
    County,
    /// A province, drawn as an area label in spaced capitals.
    Province,
    /// A mountain, drawn as a marker at its summit.
    Mountain,
}

/// How prominent a place's marker is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rank {
    /// A place the page is about.
    Primary,
    /// A place the texts name that helps the reader find their way.
    Secondary,
    /// A place some texts name: drawn small.
    Minor,
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
    /// Kilometres down the Yalu from its source to where the place meets it (0 for the river):
    /// the order of the place list.
    pub river_km: u32,
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

/// Who wrote a paragraph.
#[derive(Debug, PartialEq, Eq, Clone, Copy)]
pub enum Voice {
    /// The article itself.
    Post,
    /// A reader comment, with the commenter's name where the page gives one.
    Comment(Option<&'static str>),
}

/// A place named in a paragraph: which place, and the byte range of its name.
#[derive(Debug, PartialEq, Eq, Clone, Copy)]
pub struct Mention {
    /// Index into `PLACES`.
    pub place: usize,
    /// First byte of the name in the paragraph's text.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
}

/// One paragraph of an article.
#[derive(Debug, PartialEq, Eq)]
pub struct Paragraph {
    /// Its text; a `\n` is a line break kept from the source.
    pub text: &'static str,
    /// Post or reader comment.
    pub voice: Voice,
    /// The places it names, in text order, never overlapping.
    pub mentions: &'static [Mention],
}

/// An article the page quotes.
#[derive(Debug, PartialEq, Eq)]
pub struct Article {
    /// Stable id used in links.
    pub id: &'static str,
    /// Title as shown.
    pub title: &'static str,
    /// Whether the atlas gave the title because the source has none.
    pub title_given: bool,
    /// Author, where known.
    pub author: Option<&'static str>,
    /// Where it was published, where known.
    pub publication: Option<&'static str>,
    /// The paragraphs a reader sees, post first, then comments.
    pub paragraphs: &'static [Paragraph],
}

impl Paragraph {
    /// The text cut at its mentions: plain runs with `None`, names with their mention.
    /// A range that does not fit the text is left as plain text rather than trusted.
    pub fn pieces(&self) -> Vec<(&'static str, Option<Mention>)> {
        let mut out = Vec::new();
        let mut at = 0;
        for m in self.mentions {
            let (Some(before), Some(name)) =
                (self.text.get(at..m.start), self.text.get(m.start..m.end))
            else {
                continue;
            };
            if !before.is_empty() {
                out.push((before, None));
            }
            out.push((name, Some(*m)));
            at = m.end;
        }
        if let Some(rest) = self.text.get(at..).filter(|r| !r.is_empty()) {
            out.push((rest, None));
        }
        out
    }
}

include!(concat!(env!("OUT_DIR"), "/atlas.rs"));

/// What the live page knows of a place: enough to route to it, place its marker and announce
/// it. Its passages are in the pre-rendered HTML, so the WebAssembly carries none of the texts.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pin {
    /// As `Place::id`.
    pub id: &'static str,
    /// As `Place::name`.
    pub name: &'static str,
    /// As `Place::country`.
    pub country: &'static str,
    /// Whether it is drawn at a point (a marker or an area label) rather than as the river.
    pub city: bool,
    /// Whether it is a minor place, drawn only from `MINOR_ZOOM` on (or when chosen or read).
    pub minor: bool,
    /// As `Place::x`.
    pub x: f32,
    /// As `Place::y`.
    pub y: f32,
    /// How many paragraphs of the articles mention it.
    pub passages: usize,
}

/// An entry of the table of contents: an article's id, title and length.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ContentsEntry {
    /// As `Article::id`.
    pub id: &'static str,
    /// As `Article::title`.
    pub title: &'static str,
    /// How many paragraphs it has.
    pub paragraphs: usize,
    /// Where its paragraphs start in `PARAGRAPH_PLACES`.
    pub first: usize,
}

/// Every place's pin, in `PLACES` order, computed at compile time.
pub static PINS: [Pin; PLACES_TABLE.len()] = {
    let mut out = [Pin {
        id: "",
        name: "",
        country: "",
        city: false,
        minor: false,
        x: 0.0,
        y: 0.0,
        passages: 0,
    }; PLACES_TABLE.len()];
    let mut i = 0;
    while i < out.len() {
        let p = &PLACES_TABLE[i];
        out[i] = Pin {
            id: p.id,
            name: p.name,
            country: p.country,
            city: !matches!(p.kind, PlaceKind::River),
            minor: matches!(p.rank, Rank::Minor),
            x: p.x,
            y: p.y,
            passages: EXCERPTS_TABLE[i].len(),
        };
        i += 1;
    }
    out
};

/// The table of contents, in `ARTICLES` order, computed at compile time.
pub static CONTENTS: [ContentsEntry; ARTICLES_TABLE.len()] = {
    let mut out = [ContentsEntry {
        id: "",
        title: "",
        paragraphs: 0,
        first: 0,
    }; ARTICLES_TABLE.len()];
    let (mut i, mut first) = (0, 0);
    while i < out.len() {
        let a = &ARTICLES_TABLE[i];
        out[i] = ContentsEntry {
            id: a.id,
            title: a.title,
            paragraphs: a.paragraphs.len(),
            first,
        };
        first += a.paragraphs.len();
        i += 1;
    }
    out
};

/// How many paragraphs all the articles have together.
const ALL_PARAGRAPHS: usize = {
    let (mut n, mut i) = (0, 0);
    while i < ARTICLES_TABLE.len() {
        n += ARTICLES_TABLE[i].paragraphs.len();
        i += 1;
    }
    n
};

/// A set of places, one bit per index into `PLACES`, so story mode can tell which places a
/// paragraph names without the texts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PlaceSet(pub u64);

impl PlaceSet {
    /// Whether the set has place `i`.
    pub fn has(self, i: usize) -> bool {
        i < 64 && self.0 & (1 << i) != 0
    }

    /// Whether the set is empty.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The places' indices, in `PLACES` order.
    pub fn indices(self) -> impl Iterator<Item = usize> {
        (0..64).filter(move |&i| self.has(i))
    }
}

// One bit a place: the table holds at most 64 places.
const _: () = assert!(PLACES_TABLE.len() <= 64, "PlaceSet holds at most 64 places");

/// The places each paragraph names, for every article in order (an article's paragraphs start
/// at its `ContentsEntry::first`), computed at compile time.
pub static PARAGRAPH_PLACES: [PlaceSet; ALL_PARAGRAPHS] = {
    let mut out = [PlaceSet(0); ALL_PARAGRAPHS];
    let (mut a, mut at) = (0, 0);
    while a < ARTICLES_TABLE.len() {
        let paragraphs = ARTICLES_TABLE[a].paragraphs;
        let mut p = 0;
        while p < paragraphs.len() {
            let mentions = paragraphs[p].mentions;
            let mut m = 0;
            while m < mentions.len() {
                out[at].0 |= 1 << mentions[m].place;
                m += 1;
            }
            at += 1;
            p += 1;
        }
        a += 1;
    }
    out
};

/// The places paragraph `p` of article `a` names (none for a paragraph that is not there).
pub fn paragraph_places(a: usize, p: usize) -> PlaceSet {
    CONTENTS
        .get(a)
        .filter(|c| p < c.paragraphs)
        .and_then(|c| PARAGRAPH_PLACES.get(c.first + p))
        .copied()
        .unwrap_or_default()
}

/// Where each of `MAP_LABELS` sits, in SVG units, computed at compile time.
pub static LABEL_POINTS: [(f32, f32); MAP_LABELS_TABLE.len()] = {
    let mut out = [(0.0, 0.0); MAP_LABELS_TABLE.len()];
    let mut i = 0;
    while i < out.len() {
        out[i] = (MAP_LABELS_TABLE[i].x, MAP_LABELS_TABLE[i].y);
        i += 1;
    }
    out
};

/// The place with this id.
pub fn place(id: &str) -> Option<&'static Place> {
    PLACES.iter().find(|p| p.id == id)
}

/// The places in river order, from the source to the mouth (the river itself first).
pub fn places_downstream() -> Vec<&'static Place> {
    let mut places: Vec<&'static Place> = PLACES.iter().collect();
    places.sort_by_key(|p| (p.kind != PlaceKind::River, p.river_km));
    places
}

/// The index of a place in `PLACES`.
pub fn place_index(place: &Place) -> usize {
    PLACES
        .iter()
        .position(|p| std::ptr::eq(p, place))
        .unwrap_or(usize::MAX)
}

/// The index of an article in `ARTICLES`.
pub fn article_index(article: &Article) -> usize {
    ARTICLES
        .iter()
        .position(|a| std::ptr::eq(a, article))
        .unwrap_or(usize::MAX)
}

/// Every paragraph that mentions `place`, in reading order, with its article and index.
pub fn excerpts(
    place: &Place,
) -> impl Iterator<Item = (&'static Article, usize, &'static Paragraph)> {
    EXCERPTS
        .get(place_index(place))
        .copied()
        .unwrap_or(&[])
        .iter()
        .filter_map(|&(a, p)| {
            ARTICLES
                .get(a)
                .and_then(|art| art.paragraphs.get(p).map(|para| (art, p, para)))
        })
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
    fn pieces_put_the_text_back_together() {
        for article in &ARTICLES {
            for p in article.paragraphs {
                let joined: String = p.pieces().iter().map(|(s, _)| *s).collect();
                assert_eq!(joined, p.text);
                assert_eq!(
                    p.pieces().iter().filter(|(_, m)| m.is_some()).count(),
                    p.mentions.len()
                );
            }
        }
        let bad = Paragraph {
            text: "Manpo",
            voice: Voice::Post,
            mentions: &[Mention {
                place: 0,
                start: 2,
                end: 99,
            }],
        };
        assert_eq!(bad.pieces(), vec![("Manpo", None)]);
    }

    #[test]
    fn the_place_list_runs_from_source_to_mouth() {
        let ids: Vec<_> = places_downstream().iter().map(|p| p.id).collect();
        assert_eq!(ids[0], "yalu");
        let pos = |id: &str| ids.iter().position(|i| *i == id).unwrap();
        assert!(pos("hyesan") < pos("manpo") && pos("hyesan") < pos("jian"));
        assert!(pos("manpo") < pos("dandong") && pos("jian") < pos("dandong"));
        // Ji'an and Manpo face each other, 9 km apart: they meet the river no further apart than that.
        assert!(
            place("jian")
                .unwrap()
                .river_km
                .abs_diff(place("manpo").unwrap().river_km)
                <= 10
        );
    }

    #[test]
    fn the_live_tables_agree_with_the_atlas() {
        for ((pin, place), excerpts) in PINS.iter().zip(&PLACES).zip(&EXCERPTS) {
            assert_eq!(
                (pin.id, pin.name, pin.country),
                (place.id, place.name, place.country)
            );
            assert_eq!((pin.x, pin.y), (place.x, place.y));
            assert_eq!(pin.city, place.kind != PlaceKind::River);
            assert_eq!(pin.minor, place.rank == Rank::Minor);
            assert_eq!(pin.passages, excerpts.len());
        }
        for (a, (entry, article)) in CONTENTS.iter().zip(&ARTICLES).enumerate() {
            assert_eq!((entry.id, entry.title), (article.id, article.title));
            assert_eq!(entry.paragraphs, article.paragraphs.len());
            for (p, paragraph) in article.paragraphs.iter().enumerate() {
                let named: Vec<usize> = paragraph_places(a, p).indices().collect();
                let mut expected: Vec<usize> = paragraph.mentions.iter().map(|m| m.place).collect();
                expected.sort_unstable();
                expected.dedup();
                assert_eq!(named, expected, "{} paragraph {}", article.id, p + 1);
            }
            assert!(paragraph_places(a, article.paragraphs.len()).is_empty());
        }
        for (at, label) in LABEL_POINTS.iter().zip(&MAP_LABELS) {
            assert_eq!(*at, (label.x, label.y));
        }
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
        if p.kind == PlaceKind::Province {
            // Spaced capitals, centred on the point.
            let w = 11.0 * p.name.chars().count() as f32;
            (x - w / 2.0, y - 9.0, x + w / 2.0, y + 5.0)
        } else if p.kind == PlaceKind::River {
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

    /// Minor places are drawn only from a closer zoom (`MINOR_ZOOM`): not at the default view.
    fn drawn_at_first(p: &&Place) -> bool {
        p.rank != Rank::Minor
    }

    #[test]
    fn labels_do_not_collide_at_the_default_view() {
        let mut boxes: Vec<(String, Box)> = PLACES
            .iter()
            .filter(drawn_at_first)
            .map(|p| (p.name.to_owned(), marker_label(p)))
            .collect();
        boxes.extend(MAP_LABELS.iter().map(|l| (l.text.to_owned(), map_label(l))));
        // Each town's dot, 6 units around its point, must stay clear of every label too.
        let dots: Vec<(String, Box)> = PLACES
            .iter()
            .filter(drawn_at_first)
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

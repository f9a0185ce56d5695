//! The map's data, baked at build time from `data/` by `build.rs`: every table here is written
//! whole by the bake (`yalu_bake::codegen`), in the shared vocabulary of `yalu_model`.

pub use yalu_model::{ArticleIndex, ParagraphIndex, PlaceIndex, PlaceKind, Rank};

/// Who wrote a paragraph: the shared vocabulary's voice, with the page's static names.
pub type Voice = yalu_model::Voice<'static>;

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
    /// The country's name, e.g. `North Korea`.
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

/// A place named in a paragraph: which place, and the byte range of its name.
#[derive(Debug, PartialEq, Eq, Clone, Copy)]
pub struct Mention {
    /// The place named.
    pub place: PlaceIndex,
    /// First byte of the name in the paragraph's text.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
    /// Why the words were read as the place, in words for readers: shown under the passage
    /// and as the description of the reader's place button.
    pub why: &'static str,
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
    /// Whether it is a province, drawn as its name in spaced capitals.
    pub area: bool,
    /// As `Place::rank`.
    pub rank: Rank,
    /// Whether it is a minor place, drawn only from `MINOR_ZOOM` on (or when chosen or read).
    pub minor: bool,
    /// As `Place::label_left`.
    pub label_left: bool,
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
    /// Its first paragraph, in reading order across the articles.
    pub first: ParagraphIndex,
}

/// A set of places, one bit a place, so story mode can tell which places a paragraph names
/// without the texts. The bake holds the atlas to 64 places.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PlaceSet(pub u64);

impl PlaceSet {
    /// Whether the set has place `i`.
    pub fn has(self, i: PlaceIndex) -> bool {
        i.get() < 64 && self.0 & (1 << i.get()) != 0
    }

    /// Whether the set is empty.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The places, in `PLACES` order.
    pub fn indices(self) -> impl Iterator<Item = PlaceIndex> {
        (0..64u8).map(PlaceIndex).filter(move |&i| self.has(i))
    }
}

include!(concat!(env!("OUT_DIR"), "/atlas.rs"));

// One bit a place (the bake refuses more).
const _: () = assert!(PINS.len() <= 64, "PlaceSet holds at most 64 places");

/// A passage of the articles: the paragraph, where it stands, and its article.
#[derive(Clone, Copy, Debug)]
pub struct Passage {
    /// The article it belongs to.
    pub article: &'static Article,
    /// That article's place among the articles.
    pub article_index: ArticleIndex,
    /// The paragraph, in reading order across the articles.
    pub index: ParagraphIndex,
    /// The paragraph itself.
    pub paragraph: &'static Paragraph,
}

/// Every place with its index, in `PLACES` order.
pub fn places() -> impl Iterator<Item = (PlaceIndex, &'static Place)> {
    PLACES
        .iter()
        .enumerate()
        .map(|(i, p)| (PlaceIndex(i as u8), p))
}

/// The places in the place list's order, from the source to the mouth (the river itself first).
pub fn places_downstream() -> impl Iterator<Item = (PlaceIndex, &'static Place)> {
    DOWNSTREAM.iter().map(|&i| (i, &PLACES[i.get()]))
}

/// The place with this id.
pub fn place(id: &str) -> Option<&'static Place> {
    PLACES.iter().find(|p| p.id == id)
}

/// The index of the place with this id.
pub fn place_index(id: &str) -> Option<PlaceIndex> {
    PINS.iter()
        .position(|p| p.id == id)
        .map(|i| PlaceIndex(i as u8))
}

/// What the live page knows of every place, with its index, in `PLACES` order.
pub fn pins() -> impl Iterator<Item = (PlaceIndex, &'static Pin)> {
    PINS.iter()
        .enumerate()
        .map(|(i, p)| (PlaceIndex(i as u8), p))
}

/// What the live page knows of place `i`.
pub fn pin(i: PlaceIndex) -> &'static Pin {
    &PINS[i.get()]
}

/// Every article with its index, in reading order.
pub fn articles() -> impl Iterator<Item = (ArticleIndex, &'static Article)> {
    ARTICLES
        .iter()
        .enumerate()
        .map(|(i, a)| (ArticleIndex(i as u8), a))
}

/// The index of the article with this id.
pub fn article_index(id: &str) -> Option<ArticleIndex> {
    CONTENTS
        .iter()
        .position(|c| c.id == id)
        .map(|i| ArticleIndex(i as u8))
}

/// The table of contents' entry of article `a`.
pub fn contents(a: ArticleIndex) -> &'static ContentsEntry {
    &CONTENTS[a.get()]
}

/// Paragraph `n` (0-based) of article `a`, in reading order; `None` past its end.
pub fn paragraph_of(a: ArticleIndex, n: usize) -> Option<ParagraphIndex> {
    let c = CONTENTS.get(a.get())?;
    (n < c.paragraphs).then(|| ParagraphIndex(c.first.0 + n as u16))
}

/// Where paragraph `i` stands: its article, and its number (0-based) in that article.
pub fn locate(i: ParagraphIndex) -> Option<(ArticleIndex, usize)> {
    CONTENTS
        .iter()
        .position(|c| (c.first.get()..c.first.get() + c.paragraphs).contains(&i.get()))
        .map(|a| (ArticleIndex(a as u8), i.get() - CONTENTS[a].first.get()))
}

/// How many paragraphs the articles have together.
pub fn paragraph_count() -> usize {
    PARAGRAPH_PLACES.len()
}

/// The places paragraph `i` names (none for a paragraph that is not there).
pub fn paragraph_places(i: ParagraphIndex) -> PlaceSet {
    PARAGRAPH_PLACES.get(i.get()).copied().unwrap_or_default()
}

/// Paragraph `i` with its article.
pub fn passage(i: ParagraphIndex) -> Option<Passage> {
    let (a, n) = locate(i)?;
    let article = &ARTICLES[a.get()];
    Some(Passage {
        article,
        article_index: a,
        index: i,
        paragraph: article.paragraphs.get(n)?,
    })
}

/// Every paragraph that mentions place `i`, in reading order.
pub fn excerpts(i: PlaceIndex) -> impl Iterator<Item = Passage> {
    EXCERPTS
        .get(i.get())
        .copied()
        .unwrap_or(&[])
        .iter()
        .filter_map(|&p| passage(p))
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
                place: PlaceIndex(0),
                start: 2,
                end: 99,
                why: "",
            }],
        };
        assert_eq!(bad.pieces(), vec![("Manpo", None)]);
    }

    #[test]
    fn the_place_list_runs_from_source_to_mouth() {
        let ids: Vec<_> = places_downstream().map(|(_, p)| p.id).collect();
        assert_eq!(ids[0], "yalu");
        let mut every: Vec<_> = ids.clone();
        every.sort_unstable();
        every.dedup();
        assert_eq!(every.len(), PLACES.len(), "each place once");
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
    fn the_map_draws_every_place_once_the_river_as_its_line() {
        assert_eq!(place_index("yalu"), Some(RIVER));
        let mut drawn: Vec<PlaceIndex> = [RIVER].into_iter().chain(AREAS).chain(TOWNS).collect();
        assert!(AREAS.iter().all(|&i| pin(i).area));
        assert!(TOWNS.iter().all(|&i| pin(i).city && !pin(i).area));
        drawn.sort_unstable();
        assert_eq!(drawn, places().map(|(i, _)| i).collect::<Vec<_>>());
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
            assert_eq!(pin.area, place.kind == PlaceKind::Province);
            assert_eq!((pin.rank, pin.label_left), (place.rank, place.label_left));
            assert_eq!(pin.minor, place.rank == Rank::Minor);
            assert_eq!(pin.passages, excerpts.len());
        }
        let mut next = 0;
        for ((a, article), entry) in articles().zip(&CONTENTS) {
            assert_eq!((entry.id, entry.title), (article.id, article.title));
            assert_eq!(entry.paragraphs, article.paragraphs.len());
            assert_eq!(
                entry.first.get(),
                next,
                "{}'s paragraphs follow on",
                article.id
            );
            next += entry.paragraphs;
            for (n, paragraph) in article.paragraphs.iter().enumerate() {
                let i = paragraph_of(a, n).expect("a paragraph of the article");
                assert_eq!(locate(i), Some((a, n)));
                assert!(std::ptr::eq(passage(i).unwrap().paragraph, paragraph));
                let named: Vec<PlaceIndex> = paragraph_places(i).indices().collect();
                let mut expected: Vec<PlaceIndex> =
                    paragraph.mentions.iter().map(|m| m.place).collect();
                expected.sort_unstable();
                expected.dedup();
                assert_eq!(named, expected, "{} paragraph {}", article.id, n + 1);
            }
            assert_eq!(paragraph_of(a, article.paragraphs.len()), None);
        }
        assert_eq!(next, paragraph_count());
        assert_eq!(locate(ParagraphIndex(next as u16)), None);
        assert!(paragraph_places(ParagraphIndex(next as u16)).is_empty());
        for (i, _) in places() {
            for p in excerpts(i) {
                assert!(p.paragraph.mentions.iter().any(|m| m.place == i));
            }
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

//! Which paragraphs each place's panel shows, checked by hand against the two articles.
//! Paragraph numbers are 1-based and count the paragraphs a reader sees (no title, no furniture).

use yalu_bake::text::Voice;
use yalu_bake::{Atlas, DataPaths};

fn atlas() -> Atlas {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    Atlas::load(&DataPaths::under(&root)).expect("the project's data bakes")
}

/// The excerpts of a place as (article id, paragraph number).
fn excerpts(a: &Atlas, id: &str) -> Vec<(String, usize)> {
    let i = a.places.iter().position(|p| p.id == id).unwrap();
    a.reading
        .excerpts(i)
        .into_iter()
        .map(|(art, p)| (a.reading.articles[art].meta.id.clone(), p + 1))
        .collect()
}

fn at(article: &str, numbers: &[usize]) -> Vec<(String, usize)> {
    numbers.iter().map(|&n| (article.to_owned(), n)).collect()
}

const POST: &str = "jian-border";
const HYESAN: &str = "hyesan-frontier";

/// The article `id`, wherever `content/articles.json` puts it.
fn article<'a>(a: &'a Atlas, id: &str) -> (usize, &'a yalu_bake::text::Article) {
    let i = a
        .reading
        .articles
        .iter()
        .position(|art| art.meta.id == id)
        .unwrap();
    (i, &a.reading.articles[i])
}

#[test]
fn jian_is_in_the_post_with_curly_apostrophes_but_not_its_title() {
    // "near the town of Ji’an in Jilin province" and "the border located at Ji’an".
    assert_eq!(excerpts(&atlas(), "jian"), at(POST, &[1, 7]));
}

#[test]
fn manpo_is_in_three_post_paragraphs() {
    assert_eq!(excerpts(&atlas(), "manpo"), at(POST, &[3, 5, 7]));
}

#[test]
fn a_paragraph_naming_two_places_appears_for_both() {
    let a = atlas();
    assert!(excerpts(&a, "jian").contains(&(POST.to_owned(), 7)));
    assert!(excerpts(&a, "manpo").contains(&(POST.to_owned(), 7)));
}

#[test]
fn hyesan_is_in_every_line_of_its_article_but_the_seventh() {
    // The one-paragraph-per-line file: line 7 speaks of the Yalu and China, not of Hyesan.
    assert_eq!(
        excerpts(&atlas(), "hyesan"),
        at(HYESAN, &[1, 2, 3, 4, 5, 6, 8, 9, 10])
    );
}

#[test]
fn the_yalu_is_in_both_articles() {
    // In reading order: the articles run from the river's source to its mouth, Hyesan first.
    let mut expected = at(HYESAN, &[1, 2, 7]);
    expected.extend(at(POST, &[3]));
    assert_eq!(excerpts(&atlas(), "yalu"), expected);
}

#[test]
fn dandong_and_pyongyang_are_in_robert_s_comments_and_the_hyesan_article() {
    let a = atlas();
    assert_eq!(excerpts(&a, "dandong"), at(POST, &[23, 30]));
    let mut expected = at(HYESAN, &[3, 6]);
    expected.extend(at(POST, &[23, 28]));
    assert_eq!(excerpts(&a, "pyongyang"), expected);
    for n in [23, 28, 30] {
        assert_eq!(
            article(&a, POST).1.paragraphs[n - 1].voice,
            Voice::Comment(Some("robert".into()))
        );
    }
}

#[test]
fn the_post_is_told_from_comments_and_furniture() {
    let a = atlas();
    let post = article(&a, POST).1;
    assert_eq!(post.paragraphs.len(), 32);
    assert!(post.paragraphs[..8].iter().all(|p| p.voice == Voice::Post));
    assert!(post.paragraphs[8..]
        .iter()
        .all(|p| matches!(p.voice, Voice::Comment(_))));
    assert_eq!(
        post.paragraphs[7].text,
        "Have you ever traveled to this area? What was it like?"
    );
    assert_eq!(post.paragraphs[8].voice, Voice::Comment(Some("Ray".into())));
    // "2. Really amazing…" names nobody: the comment is anonymous.
    assert_eq!(post.paragraphs[11].voice, Voice::Comment(None));
    assert_eq!(post.furniture.len(), 5);
    assert!(
        post.furniture[0] == "North Korean border" && post.furniture[2].starts_with("Hi, I'm Ruth")
    );
    // A comment paragraph whose source keeps a single line break.
    assert!(post.paragraphs[25]
        .text
        .contains("good read!\nAlso, when you speak"));
}

#[test]
fn the_hyesan_article_has_ten_post_paragraphs() {
    let a = atlas();
    let art = article(&a, HYESAN).1;
    assert_eq!(art.paragraphs.len(), 10);
    assert!(art
        .paragraphs
        .iter()
        .all(|p| p.voice == Voice::Post && p.line >= 1));
    assert!(art.meta.title_given);
}

#[test]
fn mention_ranges_lie_inside_their_paragraphs() {
    let a = atlas();
    for (art, paragraphs) in a.reading.articles.iter().zip(&a.reading.mentions) {
        for (p, ms) in art.paragraphs.iter().zip(paragraphs) {
            for m in ms {
                assert!(m.start < m.end && m.end <= p.text.len());
                assert!(p.text.is_char_boundary(m.start) && p.text.is_char_boundary(m.end));
            }
        }
    }
}

#[test]
fn ryanggang_is_the_province_not_hyesan_and_jilin_the_province_not_jian() {
    let a = atlas();
    // "the capital of Ryanggang Province", "traditional Ryonggang folk music".
    assert_eq!(excerpts(&a, "ryanggang"), at(HYESAN, &[1, 4]));
    // "the town of Ji’an in Jilin province"; a reader's "train through Jilin Province".
    assert_eq!(excerpts(&a, "jilin"), at(POST, &[1, 32]));
    for p in [1, 4] {
        let i = a.places.iter().position(|pl| pl.id == "hyesan").unwrap();
        let (h, art) = article(&a, HYESAN);
        let text = &art.paragraphs[p - 1].text;
        for m in a.reading.mentions[h][p - 1].iter().filter(|m| m.place == i) {
            assert_eq!(&text[m.start..m.end], "Hyesan");
        }
    }
}

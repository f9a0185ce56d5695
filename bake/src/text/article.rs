//! Articles: splitting a text file into paragraphs and telling the post from reader comments
//! and page furniture.

/// How a file separates its paragraphs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// Paragraphs are separated by blank lines; single line breaks stay inside a paragraph.
    BlankLines,
    /// Every non-blank line is a paragraph.
    Lines,
}

/// What the page knows about an article besides its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArticleMeta {
    /// Stable id used in links.
    pub id: String,
    /// File name below `content/`.
    pub file: String,
    /// Title as shown.
    pub title: String,
    /// Whether the atlas gave the title (the source has none).
    pub title_given: bool,
    /// Author, where known.
    pub author: Option<String>,
    /// Where it was published, where known.
    pub publication: Option<String>,
    /// How paragraphs are separated.
    pub layout: Layout,
    /// Starts of the blocks that are page furniture, not article.
    pub furniture: Vec<String>,
}

/// Who wrote a paragraph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Voice {
    /// The article's author, in the post itself.
    Post,
    /// A reader, in the comments; `None` when the comment names nobody.
    Comment(Option<String>),
}

impl Voice {
    /// The voice as the vocabulary shared with the page has it, borrowing the commenter's name.
    pub fn borrowed(&self) -> yalu_model::Voice<'_> {
        match self {
            Voice::Post => yalu_model::Voice::Post,
            Voice::Comment(by) => yalu_model::Voice::Comment(by.as_deref()),
        }
    }
}

/// How a passage of `article` is credited, as the page's panel does it.
pub fn credit(article: &Article, paragraph: &Paragraph) -> String {
    let meta = &article.meta;
    yalu_model::credit(
        &meta.title,
        meta.author.as_deref(),
        paragraph.voice.borrowed(),
    )
}

/// One paragraph of an article as the reader sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paragraph {
    /// The text, lines trimmed; a single line break inside a block is kept as `\n`.
    pub text: String,
    /// Post or reader comment.
    pub voice: Voice,
    /// 1-based line of the file where the paragraph starts.
    pub line: usize,
}

/// An article split into paragraphs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Article {
    /// Its metadata.
    pub meta: ArticleMeta,
    /// Post paragraphs, then comment paragraphs, in file order.
    pub paragraphs: Vec<Paragraph>,
    /// The blocks recognised as furniture, in file order (not shown).
    pub furniture: Vec<String>,
}

/// Why a text could not be split into an article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    /// 1-based line, when the fault has one.
    pub line: Option<usize>,
    /// What is wrong.
    pub message: String,
}

/// A block of consecutive non-blank lines: its 1-based first line and its raw lines.
struct Block<'a> {
    line: usize,
    lines: Vec<&'a str>,
}

fn blocks(text: &str, layout: Layout) -> Vec<Block<'_>> {
    let mut out: Vec<Block> = Vec::new();
    let mut open = false;
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            open = false;
            continue;
        }
        match out.last_mut() {
            Some(block) if open && layout == Layout::BlankLines => block.lines.push(line),
            _ => out.push(Block {
                line: i + 1,
                lines: vec![line],
            }),
        }
        open = true;
    }
    out
}

/// Whether a comment's first line is just a commenter's name, like `Ray` or `robert`.
fn is_name(s: &str) -> bool {
    !s.is_empty()
        && s.chars().count() <= 30
        && s.split_whitespace().count() <= 3
        && s.chars().next().is_some_and(char::is_alphabetic)
        && !s.contains(['.', ',', '!', '?', ':', ';'])
}

/// The text after a comment number (`1. `), if the line starts with one.
fn after_number(s: &str) -> Option<&str> {
    let digits = s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 {
        return None;
    }
    s[digits..].strip_prefix(". ")
}

/// The text after a reply bullet (`• ` or `– `), if the line starts with one.
fn after_bullet(s: &str) -> Option<&str> {
    s.strip_prefix("• ").or_else(|| s.strip_prefix("– "))
}

/// Splits `text` into an article as `meta` describes it.
pub fn parse(meta: &ArticleMeta, text: &str) -> Result<Article, ParseError> {
    if text.trim().is_empty() {
        return Err(ParseError {
            line: None,
            message: "the article is empty".to_owned(),
        });
    }
    if let Some(i) = text
        .lines()
        .position(|l| l.chars().any(|c| c.is_control() && c != '\t'))
    {
        return Err(ParseError {
            line: Some(i + 1),
            message: "contains a control character".to_owned(),
        });
    }
    let mut furniture_found = vec![0usize; meta.furniture.len()];
    let mut article = Article {
        meta: meta.clone(),
        paragraphs: Vec::new(),
        furniture: Vec::new(),
    };
    let mut in_comments = false;
    let mut author: Option<String> = None;
    for (n, block) in blocks(text, meta.layout).into_iter().enumerate() {
        let first = block.lines[0].trim();
        let joined = || {
            block
                .lines
                .iter()
                .map(|l| l.trim())
                .collect::<Vec<_>>()
                .join("\n")
        };
        if n == 0 && meta.layout == Layout::BlankLines && joined() == meta.title {
            continue;
        }
        if let Some(k) = meta
            .furniture
            .iter()
            .position(|f| first.starts_with(f.as_str()))
        {
            furniture_found[k] += 1;
            article.furniture.push(joined());
            continue;
        }
        if meta.layout == Layout::BlankLines {
            // A number always opens a comment; a bullet opens a reply only among the comments.
            let head = after_number(first).or_else(|| after_bullet(first).filter(|_| in_comments));
            if let Some(rest) = head {
                in_comments = true;
                let rest = rest.trim();
                let tail: Vec<&str> = block.lines[1..].iter().map(|l| l.trim()).collect();
                if is_name(rest) {
                    author = Some(rest.to_owned());
                    if !tail.is_empty() {
                        article.paragraphs.push(Paragraph {
                            text: tail.join("\n"),
                            voice: Voice::Comment(author.clone()),
                            line: block.line + 1,
                        });
                    }
                } else {
                    author = None;
                    let mut text = rest.to_owned();
                    for t in tail {
                        text.push('\n');
                        text.push_str(t);
                    }
                    article.paragraphs.push(Paragraph {
                        text,
                        voice: Voice::Comment(None),
                        line: block.line,
                    });
                }
                continue;
            }
        }
        let voice = if in_comments {
            Voice::Comment(author.clone())
        } else {
            Voice::Post
        };
        article.paragraphs.push(Paragraph {
            text: joined(),
            voice,
            line: block.line,
        });
    }
    if let Some(k) = furniture_found.iter().position(|&c| c != 1) {
        return Err(ParseError {
            line: None,
            message: format!(
                "furniture \"{}\" starts {} blocks; it must start exactly one",
                meta.furniture[k], furniture_found[k]
            ),
        });
    }
    if article.paragraphs.is_empty() {
        return Err(ParseError {
            line: None,
            message: "the article has no paragraphs".to_owned(),
        });
    }
    Ok(article)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(layout: Layout, furniture: &[&str]) -> ArticleMeta {
        ArticleMeta {
            id: "a".into(),
            file: "a.txt".into(),
            title: "A title".into(),
            title_given: false,
            author: None,
            publication: None,
            layout,
            furniture: furniture.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn blank_lines_separate_paragraphs_and_the_title_is_not_one() {
        let a = parse(
            &meta(Layout::BlankLines, &[]),
            "A title\n\n\nFirst one.\n\nSecond\nstill second.\n",
        )
        .unwrap();
        let texts: Vec<_> = a.paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts, ["First one.", "Second\nstill second."]);
        assert_eq!(a.paragraphs[1].line, 6);
    }

    #[test]
    fn every_line_is_a_paragraph_in_a_lines_file() {
        let a = parse(&meta(Layout::Lines, &[]), "One.\nTwo.\n\nThree.").unwrap();
        assert_eq!(a.paragraphs.len(), 3);
        assert!(a.paragraphs.iter().all(|p| p.voice == Voice::Post));
    }

    #[test]
    fn comments_name_their_authors_or_none() {
        let text = "Post.\n\n  1. Ray\n\n    Hello.\n\n  2. Nice post, thanks.\n\n    More.\n\n    • robert\n\n      Reply.\n\n    – Wow, Robert. Great.\n";
        let a = parse(&meta(Layout::BlankLines, &[]), text).unwrap();
        let got: Vec<_> = a
            .paragraphs
            .iter()
            .map(|p| (p.text.as_str(), p.voice.clone()))
            .collect();
        assert_eq!(
            got,
            [
                ("Post.", Voice::Post),
                ("Hello.", Voice::Comment(Some("Ray".into()))),
                ("Nice post, thanks.", Voice::Comment(None)),
                ("More.", Voice::Comment(None)),
                ("Reply.", Voice::Comment(Some("robert".into()))),
                ("Wow, Robert. Great.", Voice::Comment(None)),
            ]
        );
    }

    #[test]
    fn furniture_is_set_aside_and_must_be_found_once() {
        let m = meta(Layout::BlankLines, &["Follow me"]);
        let a = parse(&m, "Body.\n\nFollow me on Facebook.\n").unwrap();
        assert_eq!(a.furniture, ["Follow me on Facebook."]);
        assert_eq!(a.paragraphs.len(), 1);
        let err = parse(&m, "Body.\n").unwrap_err();
        assert_eq!(
            err.message,
            "furniture \"Follow me\" starts 0 blocks; it must start exactly one"
        );
    }

    #[test]
    fn empty_and_control_characters_are_refused() {
        let m = meta(Layout::Lines, &[]);
        assert_eq!(
            parse(&m, " \n\n").unwrap_err().message,
            "the article is empty"
        );
        let err = parse(&m, "fine\nbad\u{7}bell\n").unwrap_err();
        assert_eq!(
            (err.line, err.message.as_str()),
            (Some(2), "contains a control character")
        );
    }

    #[test]
    fn a_bullet_before_any_comment_is_post_text() {
        let a = parse(
            &meta(Layout::BlankLines, &[]),
            "• a list item in the post\n",
        )
        .unwrap();
        assert_eq!(a.paragraphs[0].voice, Voice::Post);
    }

    proptest::proptest! {
        /// Any text either parses into non-empty paragraphs or is refused with a reason; never a panic.
        #[test]
        fn any_text_parses_or_is_refused(text in "(\\PC|\n|  1\\. |• |– ){0,200}", lines in proptest::bool::ANY) {
            let m = meta(if lines { Layout::Lines } else { Layout::BlankLines }, &[]);
            match parse(&m, &text) {
                Ok(a) => proptest::prop_assert!(!a.paragraphs.is_empty() && a.paragraphs.iter().all(|p| !p.text.trim().is_empty())),
                Err(e) => proptest::prop_assert!(!e.message.is_empty()),
            }
        }
    }
}

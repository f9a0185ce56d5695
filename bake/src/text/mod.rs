//! Pure text: articles and their paragraphs, the gazetteer, place mentions and excerpts.

pub mod article;
pub mod gazetteer;

pub use article::{parse, Article, ArticleMeta, Layout, Paragraph, ParseError, Voice};
pub use gazetteer::{mentions, Entry, Mention};

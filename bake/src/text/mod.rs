//! Pure text: articles and their paragraphs, place names and their spelling families, finding
//! and judging place mentions, excerpts.

pub mod article;
pub mod context;
pub mod gazetteer;
pub mod names;
pub mod why;

pub use article::{credit, parse, Article, ArticleMeta, Layout, Paragraph, ParseError, Voice};
pub use context::{mentions, places_in, LeftOut, Mention, ParagraphPlaces};
pub use gazetteer::{Ambiguous, Entry, Gazetteer};

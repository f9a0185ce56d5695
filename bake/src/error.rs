//! Errors of the build-time pipeline: each names the file, the place in it and what is wrong.

use std::fmt;
use std::path::PathBuf;

/// Why baking the map data failed.
#[derive(Debug, Clone, PartialEq)]
pub enum BakeError {
    /// A file could not be read.
    Io { path: PathBuf, message: String },
    /// A file is not valid JSON; `line` and `column` are 1-based.
    Json {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    /// An article's text is wrong at a line (1-based).
    Text {
        path: PathBuf,
        line: usize,
        message: String,
    },
    /// A file is JSON but not a GeoJSON FeatureCollection.
    NotFeatureCollection { path: PathBuf, message: String },
    /// One feature of a FeatureCollection is wrong; `index` is 0-based, `id` is its `id` property if any.
    Feature {
        path: PathBuf,
        index: usize,
        id: Option<String>,
        message: String,
    },
    /// Something the map needs is absent from a file.
    Missing { path: PathBuf, message: String },
}

impl fmt::Display for BakeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BakeError::Io { path, message } => {
                write!(f, "{}: cannot read: {message}", path.display())
            }
            BakeError::Json {
                path,
                line,
                column,
                message,
            } => {
                write!(
                    f,
                    "{}:{line}:{column}: invalid JSON: {message}",
                    path.display()
                )
            }
            BakeError::Text {
                path,
                line,
                message,
            } => write!(f, "{}:{line}: {message}", path.display()),
            BakeError::NotFeatureCollection { path, message } => {
                write!(
                    f,
                    "{}: not a GeoJSON FeatureCollection: {message}",
                    path.display()
                )
            }
            BakeError::Feature {
                path,
                index,
                id: Some(id),
                message,
            } => {
                write!(
                    f,
                    "{}: feature {index} (id \"{id}\"): {message}",
                    path.display()
                )
            }
            BakeError::Feature {
                path,
                index,
                id: None,
                message,
            } => {
                write!(f, "{}: feature {index}: {message}", path.display())
            }
            BakeError::Missing { path, message } => write!(f, "{}: {message}", path.display()),
        }
    }
}

impl std::error::Error for BakeError {}

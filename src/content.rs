//! Loading an annotated article folder (stub: filled by the loader work).
//!
//! TEMPORARY: `Loaded`, `LoadError`, `load_path` and `load_bundled` below only mirror the
//! loader branch's signatures so that `main` (print, config, reader) compiles before the loader
//! lands; they load nothing. The loader's `content.rs` replaces this file whole on merge.

pub mod model;

use std::fmt;
use std::path::Path;

pub use model::*;

/// A loaded article (stand-in for the loader's).
#[derive(Debug)]
pub struct Loaded {
    pub article: Article,
}

/// Why an article could not be loaded (stand-in for the loader's).
#[derive(Debug)]
pub enum LoadError {
    Io(String),
}

impl LoadError {
    /// The process exit code for this error.
    pub fn exit_code(&self) -> u8 {
        2
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Io(message) => f.write_str(message),
        }
    }
}

impl std::error::Error for LoadError {}

/// Stand-in: the loader branch reads article folders and plain files.
pub fn load_path(path: &Path) -> Result<Loaded, LoadError> {
    Err(LoadError::Io(format!(
        "cannot open '{}': the article loader has not landed in this build",
        path.display()
    )))
}

/// Stand-in: the loader branch loads the article compiled into the binary.
pub fn load_bundled() -> Result<Loaded, LoadError> {
    Err(LoadError::Io(
        "the bundled article is not in this build yet".to_owned(),
    ))
}

//! What the loader and `glose check` say about an article's files, one file per subject. The
//! language is the diagnostics' one (`content::diagnostic::lang`), given by the caller.

pub mod annotations;
pub mod article;
pub mod files;
pub mod schema;
pub mod tour;

messages! {
    help =>
        "help: ",
        "aide\u{a0}: ";
}

//! What the loader and `glose check` say about an article's files, one file per subject. The
//! language is the diagnostics' one (`content::diagnostic::lang`), given by the caller.

pub mod annotations;
pub mod article;
pub mod files;
pub mod schema;
pub mod tour;

use std::sync::atomic::{AtomicBool, Ordering};

use super::Lang;

/// Whether diagnostics are written in French (else English).
static FRENCH: AtomicBool = AtomicBool::new(false);

/// Sets the language of every diagnostic written from now on: one language per run, set by
/// the binary from the interface language before anything is loaded. English by default.
pub fn set_lang(lang: Lang) {
    FRENCH.store(lang == Lang::Fr, Ordering::Relaxed);
}

/// The language diagnostics are written in.
pub fn lang() -> Lang {
    if FRENCH.load(Ordering::Relaxed) {
        Lang::Fr
    } else {
        Lang::En
    }
}

messages! {
    help =>
        "help: ",
        "aide\u{a0}: ";
}

messages! {
    error_label =>
        "error: ",
        "erreur\u{a0}: ";
    warning_label =>
        "warning: ",
        "avertissement\u{a0}: ";
}

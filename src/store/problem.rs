//! What can be wrong with a state file, told to the reader in plain words (the status line's
//! short line, and the long one on stderr at exit).

use std::path::{Path, PathBuf};

use super::FileKind;
use crate::files::Refused;
use crate::i18n::{FileWord, Lang, StateFileText};
use crate::text::sanitize::clean_line;

/// Something wrong with a state file, to tell the reader (status line, and stderr at exit).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// It did not parse; it was renamed to `moved_to`.
    Corrupt {
        kind: FileKind,
        path: PathBuf,
        moved_to: PathBuf,
        error: String,
    },
    /// It could not be read (or set aside), or is not a regular file within its size limit;
    /// it is left alone and not overwritten.
    Unreadable {
        kind: FileKind,
        path: PathBuf,
        error: Refused,
    },
    /// It was there earlier in the session and is gone (moved or deleted by hand): the notes
    /// in memory were written again, none dropped.
    Vanished { kind: FileKind, path: PathBuf },
    /// Another glose window held the lock on the notes file for too long: not saved yet (the
    /// notes stay in memory and the save is tried again at the next change and at exit).
    Busy { path: PathBuf },
    /// The same note was changed here and in another window: both texts are kept, the other
    /// one as a conflict copy.
    Conflict { count: usize },
    /// A newer glose wrote it; it is left alone and not overwritten.
    TooNew { kind: FileKind, path: PathBuf },
    /// It did not parse, and this command only reads (`glose notes export`): left as it is.
    Invalid {
        kind: FileKind,
        path: PathBuf,
        error: String,
    },
    /// Saving failed.
    NotSaved {
        kind: FileKind,
        path: PathBuf,
        error: Refused,
    },
    /// There is no home directory to keep state in.
    NoHome,
}

impl Problem {
    /// One line for the status bar.
    pub fn short(&self, lang: Lang) -> String {
        let name = |p: &Path| {
            p.file_name()
                .map(|n| clean_line(&n.to_string_lossy()))
                .unwrap_or_default()
        };
        let why = |error: &Refused| error.describe(lang);
        match self {
            Self::Corrupt { kind, moved_to, .. } => StateFileText::Damaged {
                what: word(*kind),
                moved_to: &name(moved_to),
            }
            .get(lang),
            Self::Unreadable { kind, error, .. } => StateFileText::CannotRead {
                what: word(*kind),
                why: &why(error),
            }
            .get(lang),
            Self::Vanished { kind, .. } => {
                StateFileText::Disappeared { what: word(*kind) }.get(lang)
            }
            Self::Busy { .. } => StateFileText::Busy.get(lang),
            Self::Conflict { .. } => StateFileText::Conflict.get(lang),
            Self::TooNew { kind, .. } => StateFileText::TooNew { what: word(*kind) }.get(lang),
            Self::Invalid { kind, .. } => StateFileText::Invalid { what: word(*kind) }.get(lang),
            Self::NotSaved { kind, error, .. } => StateFileText::NotSaved {
                what: word(*kind),
                why: &why(error),
            }
            .get(lang),
            Self::NoHome => StateFileText::NoHome.get(lang),
        }
    }

    /// The full message for stderr: what happened, where, and what to do.
    pub fn long(&self, lang: Lang) -> String {
        let path = |p: &Path| clean_line(&p.display().to_string());
        let why = |error: &Refused| clean_line(&error.describe(lang));
        match self {
            Self::Corrupt {
                path: p,
                moved_to,
                error,
                ..
            } => StateFileText::CorruptLong {
                path: &path(p),
                error: clean_line(error).trim(),
                moved_to: &path(moved_to),
            }
            .get(lang),
            Self::Unreadable { path: p, error, .. } => StateFileText::UnreadableLong {
                path: &path(p),
                why: &why(error),
                permissions: matches!(error, Refused::Io(_) | Refused::Denied),
            }
            .get(lang),
            Self::Vanished { path: p, .. } => {
                StateFileText::VanishedLong { path: &path(p) }.get(lang)
            }
            Self::Busy { path: p } => StateFileText::BusyLong { path: &path(p) }.get(lang),
            Self::Conflict { count } => StateFileText::ConflictLong { count: *count }.get(lang),
            Self::TooNew { path: p, .. } => StateFileText::TooNewLong { path: &path(p) }.get(lang),
            Self::Invalid { path: p, error, .. } => StateFileText::InvalidLong {
                path: &path(p),
                error: clean_line(error).trim(),
            }
            .get(lang),
            Self::NotSaved { path: p, error, .. } => StateFileText::NotSavedLong {
                path: &path(p),
                why: &why(error),
            }
            .get(lang),
            Self::NoHome => self.short(lang),
        }
    }
}

/// The words for a kind of state file.
fn word(kind: FileKind) -> FileWord {
    match kind {
        FileKind::Notes => FileWord::Notes,
        FileKind::Position => FileWord::Position,
        FileKind::Session => FileWord::Session,
    }
}

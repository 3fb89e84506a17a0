//! What can be wrong with a state file, told to the reader in plain words (the status line's
//! short line, and the long one on stderr at exit).

use std::path::{Path, PathBuf};

use super::FileKind;
use crate::files::Refused;
use crate::i18n::Lang;
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
        let what = |kind: FileKind| match kind {
            FileKind::Notes => lang.pick("notes file", "fichier de notes"),
            FileKind::Position => lang.pick("position file", "fichier de position"),
            FileKind::Session => lang.pick("presenter session file", "fichier de séance"),
        };
        let name = |p: &Path| {
            p.file_name()
                .map(|n| clean_line(&n.to_string_lossy()))
                .unwrap_or_default()
        };
        match self {
            Self::Corrupt { kind, moved_to, .. } => match lang {
                Lang::En => format!("⚠ {} damaged: set aside as {}", what(*kind), name(moved_to)),
                Lang::Fr => format!(
                    "⚠ {} abîmé : mis de côté sous {}",
                    capitalised(what(*kind)),
                    name(moved_to)
                ),
            },
            Self::Unreadable { kind, error, .. } => match lang {
                Lang::En => format!(
                    "⚠ cannot read the {} ({}): it will not be overwritten",
                    what(*kind),
                    error.describe(lang)
                ),
                Lang::Fr => format!(
                    "⚠ {} illisible ({}) : il ne sera pas remplacé",
                    capitalised(what(*kind)),
                    error.describe(lang)
                ),
            },
            Self::Vanished { kind, .. } => match lang {
                Lang::En => format!(
                    "⚠ {} had disappeared: written again with your notes",
                    what(*kind)
                ),
                Lang::Fr => format!(
                    "⚠ {} avait disparu : réécrit avec vos notes",
                    capitalised(what(*kind))
                ),
            },
            Self::Busy { .. } => lang
                .pick(
                    "⚠ notes not saved yet: another glose window is saving; tried again soon",
                    "⚠ notes pas encore enregistrées : une autre fenêtre de glose enregistre ; \
                     nouvel essai bientôt",
                )
                .to_owned(),
            Self::Conflict { .. } => lang
                .pick(
                    "⚠ a note was also changed in another window: both versions kept (conflict copy)",
                    "⚠ une note a aussi été modifiée dans une autre fenêtre : les deux versions \
                     sont gardées (copie en conflit)",
                )
                .to_owned(),
            Self::TooNew { kind, .. } => match lang {
                Lang::En => format!("⚠ {} written by a newer glose: left as it is", what(*kind)),
                Lang::Fr => format!(
                    "⚠ {} écrit par un glose plus récent : laissé tel quel",
                    capitalised(what(*kind))
                ),
            },
            Self::Invalid { kind, .. } => match lang {
                Lang::En => format!("⚠ {} is not valid", what(*kind)),
                Lang::Fr => format!("⚠ {} non valide", capitalised(what(*kind))),
            },
            Self::NotSaved { kind, error, .. } => match lang {
                Lang::En => format!("⚠ {} not saved: {}", what(*kind), error.describe(lang)),
                Lang::Fr => format!(
                    "⚠ {} non enregistré : {}",
                    capitalised(what(*kind)),
                    error.describe(lang)
                ),
            },
            Self::NoHome => lang
                .pick(
                    "⚠ no home directory: notes and position are not kept",
                    "⚠ pas de dossier personnel : notes et position ne sont pas conservées",
                )
                .to_owned(),
        }
    }

    /// The full message for stderr: what happened, where, and what to do.
    pub fn long(&self, lang: Lang) -> String {
        let path = |p: &Path| clean_line(&p.display().to_string());
        match self {
            Self::Corrupt {
                path: p,
                moved_to,
                error,
                ..
            } => match lang {
                Lang::En => format!(
                    "glose: '{}' could not be parsed ({}); it was moved to '{}' and glose \
                     started afresh. Your earlier notes are in that file.",
                    path(p),
                    clean_line(error).trim(),
                    path(moved_to)
                ),
                Lang::Fr => format!(
                    "glose : « {} » est illisible ({}) ; il a été déplacé vers « {} » et glose \
                     est reparti de zéro. Vos notes précédentes sont dans ce fichier.",
                    path(p),
                    clean_line(error).trim(),
                    path(moved_to)
                ),
            },
            Self::Unreadable { path: p, error, .. } => match lang {
                Lang::En => format!(
                    "glose: cannot read '{}' ({}); it was left untouched and nothing was saved \
                     to it. {}",
                    path(p),
                    clean_line(&error.describe(lang)),
                    if matches!(error, Refused::Io(_) | Refused::Denied) {
                        "Check its permissions."
                    } else {
                        "Put a regular file of yours there, or move it away."
                    }
                ),
                Lang::Fr => format!(
                    "glose : impossible de lire « {} » ({}) ; il n’a pas été modifié et rien n’y \
                     a été enregistré. {}",
                    path(p),
                    clean_line(&error.describe(lang)),
                    if matches!(error, Refused::Io(_) | Refused::Denied) {
                        "Vérifiez ses droits d’accès."
                    } else {
                        "Mettez-y un fichier ordinaire à vous, ou déplacez-le."
                    }
                ),
            },
            Self::Vanished { path: p, .. } => match lang {
                Lang::En => format!(
                    "glose: '{}' had disappeared while glose ran (moved or deleted by hand); \
                     it was written again with every note glose held.",
                    path(p)
                ),
                Lang::Fr => format!(
                    "glose : « {} » avait disparu pendant que glose tournait (déplacé ou \
                     supprimé) ; il a été réécrit avec toutes les notes que glose avait.",
                    path(p)
                ),
            },
            Self::Busy { path: p } => match lang {
                Lang::En => format!(
                    "glose: could not save '{}': another glose window kept it locked \
                     (its lock file is '{}.lock').",
                    path(p),
                    path(p)
                ),
                Lang::Fr => format!(
                    "glose : impossible d’enregistrer « {} » : une autre fenêtre de glose le \
                     gardait verrouillé (son verrou est « {}.lock »).",
                    path(p),
                    path(p)
                ),
            },
            Self::Conflict { count } => match lang {
                Lang::En => format!(
                    "glose: {count} note(s) were changed in two windows at once; both versions \
                     were kept, the other window's as a conflict copy marked ⚠ in the notes list."
                ),
                Lang::Fr => format!(
                    "glose : {count} note(s) modifiée(s) dans deux fenêtres à la fois ; les deux \
                     versions sont gardées, celle de l’autre fenêtre en copie en conflit marquée \
                     ⚠ dans la liste des notes."
                ),
            },
            Self::TooNew { path: p, .. } => match lang {
                Lang::En => format!(
                    "glose: '{}' was written by a newer version of glose; it was left \
                     untouched. Update glose to use it.",
                    path(p)
                ),
                Lang::Fr => format!(
                    "glose : « {} » a été écrit par une version plus récente de glose ; il n’a \
                     pas été modifié. Mettez glose à jour pour l’utiliser.",
                    path(p)
                ),
            },
            Self::Invalid { path: p, error, .. } => match lang {
                Lang::En => format!(
                    "glose: '{}' does not parse ({}); it was left untouched. The reader sets it \
                     aside and starts afresh the next time it opens this article.",
                    path(p),
                    clean_line(error).trim()
                ),
                Lang::Fr => format!(
                    "glose : « {} » est illisible ({}) ; il n’a pas été modifié. Le lecteur le \
                     mettra de côté et repartira de zéro à la prochaine ouverture de ce texte.",
                    path(p),
                    clean_line(error).trim()
                ),
            },
            Self::NotSaved { path: p, error, .. } => match lang {
                Lang::En => format!(
                    "glose: could not save '{}': {}",
                    path(p),
                    clean_line(&error.describe(lang))
                ),
                Lang::Fr => format!(
                    "glose : impossible d’enregistrer « {} » : {}",
                    path(p),
                    clean_line(&error.describe(lang))
                ),
            },
            Self::NoHome => self.short(lang),
        }
    }
}

fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

//! What glose says about its state files (`store::Problem`), in English and French: one line for
//! the status bar, and the full message for stderr (what happened, where, what to do).

use super::Lang;

/// Which state file a message is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileWord {
    Notes,
    Position,
    Session,
}

impl FileWord {
    /// "notes file", "fichier de notes".
    fn name(self, lang: Lang) -> &'static str {
        match self {
            Self::Notes => lang.pick("notes file", "fichier de notes"),
            Self::Position => lang.pick("position file", "fichier de position"),
            Self::Session => lang.pick("presenter session file", "fichier de séance"),
        }
    }

    /// The name with a capital, as a French sentence begins.
    fn capitalised(self, lang: Lang) -> String {
        let name = self.name(lang);
        let mut chars = name.chars();
        chars.next().map_or_else(String::new, |first| {
            first.to_uppercase().chain(chars).collect()
        })
    }
}

/// A message about a state file; paths, names and reasons are given already sanitised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StateFileText<'a> {
    /// Status line: it did not parse and was renamed `moved_to`.
    Damaged { what: FileWord, moved_to: &'a str },
    /// Status line: it could not be read, for `why`.
    CannotRead { what: FileWord, why: &'a str },
    /// Status line: it had disappeared and was written again.
    Disappeared { what: FileWord },
    /// Status line: another window held the lock.
    Busy,
    /// Status line: a note was changed here and elsewhere.
    Conflict,
    /// Status line: a newer glose wrote it.
    TooNew { what: FileWord },
    /// Status line: it does not parse (a command that only reads).
    Invalid { what: FileWord },
    /// Status line: saving failed, for `why`.
    NotSaved { what: FileWord, why: &'a str },
    /// Status line and stderr: no home directory.
    NoHome,
    /// Stderr: `path` did not parse (`error`) and was moved to `moved_to`.
    CorruptLong {
        path: &'a str,
        error: &'a str,
        moved_to: &'a str,
    },
    /// Stderr: `path` could not be read (`why`); `permissions` when its rights are the cause.
    UnreadableLong {
        path: &'a str,
        why: &'a str,
        permissions: bool,
    },
    /// Stderr: `path` had disappeared while glose ran.
    VanishedLong { path: &'a str },
    /// Stderr: `path` stayed locked by another window.
    BusyLong { path: &'a str },
    /// Stderr: `count` notes were changed in two windows at once.
    ConflictLong { count: usize },
    /// Stderr: a newer glose wrote `path`.
    TooNewLong { path: &'a str },
    /// Stderr: `path` does not parse (`error`) and was left as it is.
    InvalidLong { path: &'a str, error: &'a str },
    /// Stderr: `path` could not be saved (`why`).
    NotSavedLong { path: &'a str, why: &'a str },
}

impl StateFileText<'_> {
    /// The message in `lang`.
    pub fn get(self, lang: Lang) -> String {
        let fr = lang == Lang::Fr;
        match self {
            Self::Damaged { what, moved_to } if fr => format!(
                "⚠ {} abîmé : mis de côté sous {moved_to}",
                what.capitalised(lang)
            ),
            Self::Damaged { what, moved_to } => {
                format!("⚠ {} damaged: set aside as {moved_to}", what.name(lang))
            }
            Self::CannotRead { what, why } if fr => format!(
                "⚠ {} illisible ({why}) : il ne sera pas remplacé",
                what.capitalised(lang)
            ),
            Self::CannotRead { what, why } => format!(
                "⚠ cannot read the {} ({why}): it will not be overwritten",
                what.name(lang)
            ),
            Self::Disappeared { what } if fr => format!(
                "⚠ {} avait disparu : réécrit avec vos notes",
                what.capitalised(lang)
            ),
            Self::Disappeared { what } => format!(
                "⚠ {} had disappeared: written again with your notes",
                what.name(lang)
            ),
            Self::Busy => lang
                .pick(
                    "⚠ notes not saved yet: another glose window is saving; tried again soon",
                    "⚠ notes pas encore enregistrées : une autre fenêtre de glose enregistre ; \
                     nouvel essai bientôt",
                )
                .to_owned(),
            Self::Conflict => lang
                .pick(
                    "⚠ a note was also changed in another window: both versions kept (conflict \
                     copy)",
                    "⚠ une note a aussi été modifiée dans une autre fenêtre : les deux versions \
                     sont gardées (copie en conflit)",
                )
                .to_owned(),
            Self::TooNew { what } if fr => format!(
                "⚠ {} écrit par un glose plus récent : laissé tel quel",
                what.capitalised(lang)
            ),
            Self::TooNew { what } => format!(
                "⚠ {} written by a newer glose: left as it is",
                what.name(lang)
            ),
            Self::Invalid { what } if fr => format!("⚠ {} non valide", what.capitalised(lang)),
            Self::Invalid { what } => format!("⚠ {} is not valid", what.name(lang)),
            Self::NotSaved { what, why } if fr => {
                format!("⚠ {} non enregistré : {why}", what.capitalised(lang))
            }
            Self::NotSaved { what, why } => format!("⚠ {} not saved: {why}", what.name(lang)),
            Self::NoHome => lang
                .pick(
                    "⚠ no home directory: notes and position are not kept",
                    "⚠ pas de dossier personnel : notes et position ne sont pas conservées",
                )
                .to_owned(),
            Self::CorruptLong {
                path,
                error,
                moved_to,
            } if fr => format!(
                "glose : « {path} » est illisible ({error}) ; il a été déplacé vers « {moved_to} » \
                 et glose est reparti de zéro. Vos notes précédentes sont dans ce fichier."
            ),
            Self::CorruptLong {
                path,
                error,
                moved_to,
            } => format!(
                "glose: '{path}' could not be parsed ({error}); it was moved to '{moved_to}' and \
                 glose started afresh. Your earlier notes are in that file."
            ),
            Self::UnreadableLong {
                path,
                why,
                permissions,
            } if fr => format!(
                "glose : impossible de lire « {path} » ({why}) ; il n’a pas été modifié et rien \
                 n’y a été enregistré. {}",
                if permissions {
                    "Vérifiez ses droits d’accès."
                } else {
                    "Mettez-y un fichier ordinaire à vous, ou déplacez-le."
                }
            ),
            Self::UnreadableLong {
                path,
                why,
                permissions,
            } => format!(
                "glose: cannot read '{path}' ({why}); it was left untouched and nothing was saved \
                 to it. {}",
                if permissions {
                    "Check its permissions."
                } else {
                    "Put a regular file of yours there, or move it away."
                }
            ),
            Self::VanishedLong { path } if fr => format!(
                "glose : « {path} » avait disparu pendant que glose tournait (déplacé ou \
                 supprimé) ; il a été réécrit avec toutes les notes que glose avait."
            ),
            Self::VanishedLong { path } => format!(
                "glose: '{path}' had disappeared while glose ran (moved or deleted by hand); it \
                 was written again with every note glose held."
            ),
            Self::BusyLong { path } if fr => format!(
                "glose : impossible d’enregistrer « {path} » : une autre fenêtre de glose le \
                 gardait verrouillé (son verrou est « {path}.lock »)."
            ),
            Self::BusyLong { path } => format!(
                "glose: could not save '{path}': another glose window kept it locked (its lock \
                 file is '{path}.lock')."
            ),
            Self::ConflictLong { count } if fr => format!(
                "glose : {count} note(s) modifiée(s) dans deux fenêtres à la fois ; les deux \
                 versions sont gardées, celle de l’autre fenêtre en copie en conflit marquée ⚠ \
                 dans la liste des notes."
            ),
            Self::ConflictLong { count } => format!(
                "glose: {count} note(s) were changed in two windows at once; both versions were \
                 kept, the other window's as a conflict copy marked ⚠ in the notes list."
            ),
            Self::TooNewLong { path } if fr => format!(
                "glose : « {path} » a été écrit par une version plus récente de glose ; il n’a \
                 pas été modifié. Mettez glose à jour pour l’utiliser."
            ),
            Self::TooNewLong { path } => format!(
                "glose: '{path}' was written by a newer version of glose; it was left untouched. \
                 Update glose to use it."
            ),
            Self::InvalidLong { path, error } if fr => format!(
                "glose : « {path} » est illisible ({error}) ; il n’a pas été modifié. Le lecteur \
                 le mettra de côté et repartira de zéro à la prochaine ouverture de ce texte."
            ),
            Self::InvalidLong { path, error } => format!(
                "glose: '{path}' does not parse ({error}); it was left untouched. The reader sets \
                 it aside and starts afresh the next time it opens this article."
            ),
            Self::NotSavedLong { path, why } if fr => {
                format!("glose : impossible d’enregistrer « {path} » : {why}")
            }
            Self::NotSavedLong { path, why } => format!("glose: could not save '{path}': {why}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_has_both_languages() {
        let what = FileWord::Session;
        let (path, why) = ("/x/essai.notes.toml", "raison");
        let all = [
            StateFileText::Damaged {
                what,
                moved_to: "m",
            },
            StateFileText::CannotRead { what, why },
            StateFileText::Disappeared { what },
            StateFileText::Busy,
            StateFileText::Conflict,
            StateFileText::TooNew { what },
            StateFileText::Invalid { what },
            StateFileText::NotSaved { what, why },
            StateFileText::NoHome,
            StateFileText::CorruptLong {
                path,
                error: "e",
                moved_to: "m",
            },
            StateFileText::UnreadableLong {
                path,
                why,
                permissions: true,
            },
            StateFileText::VanishedLong { path },
            StateFileText::BusyLong { path },
            StateFileText::ConflictLong { count: 2 },
            StateFileText::TooNewLong { path },
            StateFileText::InvalidLong { path, error: "e" },
            StateFileText::NotSavedLong { path, why },
        ];
        for text in all {
            let (en, fr) = (text.get(Lang::En), text.get(Lang::Fr));
            assert!(!en.is_empty() && !fr.is_empty(), "{text:?}");
            assert_ne!(en, fr, "{text:?} is not translated");
        }
        // A French status line starts with a capital: « Fichier de séance abîmé ».
        assert!(
            StateFileText::Damaged {
                what,
                moved_to: "m"
            }
            .get(Lang::Fr)
            .starts_with("⚠ Fichier de séance")
        );
    }
}

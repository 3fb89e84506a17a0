//! The settings file's messages (`config`), in English and French: what is wrong with a line of
//! `config.toml`, and the help that says how to write it.

use super::Lang;

/// A message about the settings file; [`SettingsText::get`] words it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SettingsText<'a> {
    /// Why a settings file was not read: its bytes are not UTF-8.
    NotUtf8,
    /// The start of "cannot read the settings file 'PATH': why".
    CannotRead,
    /// The label of an error's first line.
    Error,
    /// The label of an error's help line.
    Help,
    /// A width outside its bounds.
    OutOfRange { value: u16, low: u16, high: u16 },
    /// `name` takes one of `list`.
    MustBeOneOf { name: &'a str, list: &'a str },
    /// `found` is not among them; `example` is a right line.
    NotOneOf { found: &'a str, example: &'a str },
    /// A value that is not a name in quotes; `example` is a right line.
    OneNameInQuotes { example: &'a str },
    /// A width that is not a whole number.
    WholeColumns { name: &'a str },
    /// Help: a number is written without quotes.
    NumberWithoutQuotes,
    /// A switch that is not `true` or `false`.
    TrueOrFalse { name: &'a str },
    /// Help: `true` and `false` are written without quotes.
    BoolWithoutQuotes,
    /// A key table that is not a table.
    KeyTable { name: &'a str },
    /// Help: how a key table is written.
    KeyTableHelp,
    /// A key bound to something other than a name in quotes.
    ActionInQuotes { chord: &'a str },
    /// A key name glose does not know.
    UnknownKey { key: &'a str },
    /// Help: how keys are written.
    KeyNames,
    /// A plain character bound in the note editor, where it types text.
    EditorKeyTypes,
    /// `ctrl-z` bound to anything.
    CtrlZReserved,
    /// Help for an unknown action close to `name`.
    DidYouMean { name: &'a str },
    /// Help for an unknown action close to nothing.
    EveryActionListed,
    /// An action name glose does not know.
    UnknownAction { name: &'a str },
    /// Help: the actions a key table takes.
    TableTakes { table: &'a str, names: &'a str },
    /// An action that does nothing in this table's mode.
    DoesNothing { name: &'a str, table: &'a str },
    /// Help: the action whose default key the file took needs another one.
    BindElsewhere { action: &'a str, table: &'a str },
    /// One key bound to two actions.
    BoundTwice {
        key: &'a str,
        a: &'a str,
        b: &'a str,
    },
}

impl SettingsText<'_> {
    /// The message in `lang`.
    pub fn get(self, lang: Lang) -> String {
        let fr = lang == Lang::Fr;
        let pick = |en: &str, fr_text: &str| if fr { fr_text } else { en }.to_owned();
        match self {
            Self::NotUtf8 => pick("it is not UTF-8 text", "ce n’est pas du texte UTF-8"),
            Self::CannotRead => pick(
                "error: cannot read the settings file ",
                "erreur : impossible de lire le fichier de réglages ",
            ),
            Self::Error => pick("error", "erreur"),
            Self::Help => pick("help", "aide"),
            Self::OutOfRange { value, low, high } if fr => {
                format!("{value} est hors limites : entre {low} et {high} colonnes")
            }
            Self::OutOfRange { value, low, high } => {
                format!("{value} is out of range: between {low} and {high} columns")
            }
            Self::MustBeOneOf { name, list } if fr => {
                format!("{name} doit être l’une des valeurs {list}")
            }
            Self::MustBeOneOf { name, list } => format!("{name} must be one of {list}"),
            Self::NotOneOf { found, example } if fr => {
                format!("'{found}' n’en fait pas partie ; par exemple {example}")
            }
            Self::NotOneOf { found, example } => {
                format!("'{found}' is not one of them; for instance {example}")
            }
            Self::OneNameInQuotes { example } if fr => {
                format!("écrivez un seul nom entre guillemets, par exemple {example}")
            }
            Self::OneNameInQuotes { example } => {
                format!("write one name in quotes, for instance {example}")
            }
            Self::WholeColumns { name } if fr => {
                format!("{name} doit être un nombre entier de colonnes, par exemple {name} = 60")
            }
            Self::WholeColumns { name } => {
                format!("{name} must be a whole number of columns, e.g. {name} = 60")
            }
            Self::NumberWithoutQuotes => pick(
                "write the number without quotes",
                "écrivez le nombre sans guillemets",
            ),
            Self::TrueOrFalse { name } if fr => {
                format!("{name} doit valoir true ou false, par exemple {name} = false")
            }
            Self::TrueOrFalse { name } => {
                format!("{name} must be true or false, e.g. {name} = false")
            }
            Self::BoolWithoutQuotes => pick(
                "write true or false without quotes",
                "écrivez true ou false sans guillemets",
            ),
            Self::KeyTable { name } if fr => {
                format!("[{name}] doit être une table de lignes touche = \"action\"")
            }
            Self::KeyTable { name } => {
                format!("[{name}] must be a table of key = \"action\" lines")
            }
            Self::KeyTableHelp => pick(
                "write the table as [keys] followed by lines such as \"j\" = \"down\"",
                "écrivez la table comme [keys] suivi de lignes comme \"j\" = \"down\"",
            ),
            Self::ActionInQuotes { chord } if fr => format!(
                "l’action de '{chord}' doit être un nom entre guillemets, par exemple \
                 \"{chord}\" = \"down\""
            ),
            Self::ActionInQuotes { chord } => format!(
                "the action of '{chord}' must be a name in quotes, e.g. \"{chord}\" = \"down\""
            ),
            Self::UnknownKey { key } if fr => format!("touche inconnue '{key}'"),
            Self::UnknownKey { key } => format!("unknown key '{key}'"),
            Self::KeyNames => pick(
                "keys are written j, G, ?, space, tab, shift-tab, enter, esc, backspace, up, down, \
                 left, right, pgup, pgdn, home, end, delete, f1 to f12, with ctrl- or alt- before",
                "les touches s’écrivent j, G, ?, space, tab, shift-tab, enter, esc, backspace, up, \
                 down, left, right, pgup, pgdn, home, end, delete, f1 à f12, précédées de ctrl- ou \
                 alt-",
            ),
            Self::EditorKeyTypes => pick(
                "in the note editor this key types text: use ctrl- or alt-, or a function key",
                "dans l’éditeur de note cette touche écrit du texte : utilisez ctrl- ou alt-, \
                 ou une touche de fonction",
            ),
            Self::CtrlZReserved => pick(
                "ctrl-z is reserved: it suspends glose like any terminal program",
                "ctrl-z est réservée : elle suspend glose comme tout programme du terminal",
            ),
            Self::DidYouMean { name } if fr => format!(
                "vouliez-vous dire '{name}' ? `glose config --print-default` liste toutes les \
                 actions"
            ),
            Self::DidYouMean { name } => {
                format!("did you mean '{name}'? `glose config --print-default` lists every action")
            }
            Self::EveryActionListed => pick(
                "`glose config --print-default` lists every action",
                "`glose config --print-default` liste toutes les actions",
            ),
            Self::UnknownAction { name } if fr => format!("action inconnue '{name}'"),
            Self::UnknownAction { name } => format!("unknown action '{name}'"),
            Self::TableTakes { table, names } if fr => format!("{table} accepte : {names}"),
            Self::TableTakes { table, names } => format!("{table} takes: {names}"),
            Self::DoesNothing { name, table } if fr => {
                format!("'{name}' ne fait rien dans {table}")
            }
            Self::DoesNothing { name, table } => format!("'{name}' does nothing in {table}"),
            Self::BindElsewhere { action, table } if fr => {
                format!("associez aussi '{action}' à une autre touche dans {table}")
            }
            Self::BindElsewhere { action, table } => {
                format!("bind '{action}' to another key in {table} as well")
            }
            Self::BoundTwice { key, a, b } if fr => {
                format!("la touche '{key}' est associée à la fois à '{a}' et à '{b}'")
            }
            Self::BoundTwice { key, a, b } => {
                format!("key '{key}' is bound to both '{a}' and '{b}'")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_has_both_languages() {
        let all = [
            SettingsText::NotUtf8,
            SettingsText::CannotRead,
            SettingsText::Error,
            SettingsText::Help,
            SettingsText::OutOfRange {
                value: 5,
                low: 20,
                high: 1000,
            },
            SettingsText::MustBeOneOf {
                name: "n",
                list: "l",
            },
            SettingsText::NotOneOf {
                found: "f",
                example: "e",
            },
            SettingsText::OneNameInQuotes { example: "e" },
            SettingsText::WholeColumns { name: "n" },
            SettingsText::NumberWithoutQuotes,
            SettingsText::TrueOrFalse { name: "n" },
            SettingsText::BoolWithoutQuotes,
            SettingsText::KeyTable { name: "n" },
            SettingsText::KeyTableHelp,
            SettingsText::ActionInQuotes { chord: "c" },
            SettingsText::UnknownKey { key: "k" },
            SettingsText::KeyNames,
            SettingsText::EditorKeyTypes,
            SettingsText::CtrlZReserved,
            SettingsText::DidYouMean { name: "n" },
            SettingsText::EveryActionListed,
            SettingsText::UnknownAction { name: "n" },
            SettingsText::TableTakes {
                table: "t",
                names: "n",
            },
            SettingsText::DoesNothing {
                name: "n",
                table: "t",
            },
            SettingsText::BindElsewhere {
                action: "a",
                table: "t",
            },
            SettingsText::BoundTwice {
                key: "k",
                a: "a",
                b: "b",
            },
        ];
        for text in all {
            let (en, fr) = (text.get(Lang::En), text.get(Lang::Fr));
            assert!(!en.is_empty() && !fr.is_empty(), "{text:?}");
            assert_ne!(en, fr, "{text:?} is not translated");
        }
    }
}

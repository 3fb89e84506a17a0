//! Checks of the settings' values made before the file is parsed, so that a bad value is told
//! in plain words (what it must be, an example) rather than in serde's terms.

use std::ops::Range;

use crate::i18n::Lang;

/// The first wrong type or value among the top-level settings, in plain words with an example
/// of the right form, before serde would say it in its own words (`wanted exactly 1 element`,
/// `unknown variant`). A syntax error is left to serde's message, which toml writes plainly.
pub(super) fn plain_words_check(
    text: &str,
    lang: Lang,
) -> Option<(Range<usize>, String, Option<String>)> {
    let (document, errors) = toml::de::DeTable::parse_recoverable(text);
    if !errors.is_empty() {
        return None;
    }
    let one_of = |name: &str, found: Option<&str>, values: &[&str], example: &str| {
        let list = values.join(", ");
        let found = found.map(crate::text::sanitize::clean_line);
        match (lang, found) {
            (Lang::En, Some(found)) => (
                format!("{name} must be one of {list}"),
                format!("'{found}' is not one of them; for instance {example}"),
            ),
            (Lang::En, None) => (
                format!("{name} must be one of {list}"),
                format!("write one name in quotes, for instance {example}"),
            ),
            (Lang::Fr, Some(found)) => (
                format!("{name} doit être l’une des valeurs {list}"),
                format!("'{found}' n’en fait pas partie ; par exemple {example}"),
            ),
            (Lang::Fr, None) => (
                format!("{name} doit être l’une des valeurs {list}"),
                format!("écrivez un seul nom entre guillemets, par exemple {example}"),
            ),
        }
    };
    for (key, value) in document.get_ref() {
        let name: &str = key.get_ref();
        let span = value.span();
        let item = value.get_ref();
        let (message, help) = match name {
            "theme" => {
                let values = crate::theme::ThemeName::ALL.map(crate::theme::ThemeName::as_str);
                if item.as_str().is_some_and(|v| values.contains(&v)) {
                    continue;
                }
                one_of(name, item.as_str(), &values, "theme = \"high-contrast\"")
            }
            "language" => {
                let values = ["fr", "en"];
                if item.as_str().is_some_and(|v| values.contains(&v)) {
                    continue;
                }
                one_of(name, item.as_str(), &values, "language = \"fr\"")
            }
            "side_pane_width" | "max_text_width" => {
                if item.is_integer() {
                    continue;
                }
                match lang {
                    Lang::En => (
                        format!("{name} must be a whole number of columns, e.g. {name} = 60"),
                        "write the number without quotes".to_owned(),
                    ),
                    Lang::Fr => (
                        format!(
                            "{name} doit être un nombre entier de colonnes, par exemple {name} = 60"
                        ),
                        "écrivez le nombre sans guillemets".to_owned(),
                    ),
                }
            }
            "highlight_marks" => {
                if item.is_bool() {
                    continue;
                }
                match lang {
                    Lang::En => (
                        format!("{name} must be true or false, e.g. {name} = false"),
                        "write true or false without quotes".to_owned(),
                    ),
                    Lang::Fr => (
                        format!("{name} doit valoir true ou false, par exemple {name} = false"),
                        "écrivez true ou false sans guillemets".to_owned(),
                    ),
                }
            }
            "keys" | "tour_keys" | "presenter_keys" | "list_keys" | "editor_keys" => {
                let Some(table) = item.as_table() else {
                    let message = match lang {
                        Lang::En => format!("[{name}] must be a table of key = \"action\" lines"),
                        Lang::Fr => {
                            format!("[{name}] doit être une table de lignes touche = \"action\"")
                        }
                    };
                    let help = lang.pick(
                        "write the table as [keys] followed by lines such as \"j\" = \"down\"",
                        "écrivez la table comme [keys] suivi de lignes comme \"j\" = \"down\"",
                    );
                    return Some((span, message, Some(help.to_owned())));
                };
                // `[keys.<mode>]` tables sit inside `[keys]`: their lines are checked too.
                let modes = table
                    .iter()
                    .filter(|_| name == "keys")
                    .filter_map(|(_, v)| v.get_ref().as_table());
                let wrong = table
                    .iter()
                    .filter(|(_, v)| !(name == "keys" && v.get_ref().is_table()))
                    .chain(modes.flat_map(|t| t.iter()))
                    .find(|(_, v)| !v.get_ref().is_str());
                let Some((chord, action)) = wrong else {
                    continue;
                };
                let chord: &str = chord.get_ref();
                return Some((
                    action.span(),
                    match lang {
                        Lang::En => format!(
                            "the action of '{chord}' must be a name in quotes, e.g. \"{chord}\" = \"down\""
                        ),
                        Lang::Fr => format!(
                            "l’action de '{chord}' doit être un nom entre guillemets, par exemple \"{chord}\" = \"down\""
                        ),
                    },
                    None,
                ));
            }
            _ => continue,
        };
        return Some((span, message, Some(help)));
    }
    None
}

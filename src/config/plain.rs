//! Checks of the settings' values made before the file is parsed, so that a bad value is told
//! in plain words (what it must be, an example) rather than in serde's terms.

use std::ops::Range;

use crate::i18n::{Lang, SettingsText};

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
        let message = SettingsText::MustBeOneOf { name, list: &list }.get(lang);
        let help = match &found {
            Some(found) => SettingsText::NotOneOf { found, example },
            None => SettingsText::OneNameInQuotes { example },
        };
        (message, help.get(lang))
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
                (
                    SettingsText::WholeColumns { name }.get(lang),
                    SettingsText::NumberWithoutQuotes.get(lang),
                )
            }
            "highlight_marks" => {
                if item.is_bool() {
                    continue;
                }
                (
                    SettingsText::TrueOrFalse { name }.get(lang),
                    SettingsText::BoolWithoutQuotes.get(lang),
                )
            }
            "keys" | "tour_keys" | "presenter_keys" | "list_keys" | "editor_keys" => {
                let Some(table) = item.as_table() else {
                    let message = SettingsText::KeyTable { name }.get(lang);
                    let help = SettingsText::KeyTableHelp.get(lang);
                    return Some((span, message, Some(help)));
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
                    SettingsText::ActionInQuotes { chord }.get(lang),
                    None,
                ));
            }
            _ => continue,
        };
        return Some((span, message, Some(help)));
    }
    None
}

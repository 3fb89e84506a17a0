//! The commented default `config.toml` (`glose config --print-default`), in the interface
//! language, generated from the key tables.

use super::keys::Table;
use super::{SIDE_WIDTH, TEXT_WIDTH, default_path};
use crate::app::keymap::KeyChord;
use crate::app::{Action, Keymap};
use crate::i18n::keys as msg;
use crate::i18n::{DefaultFileText, Lang};
use crate::layout::screen::MAX_TEXT_WIDTH;
use crate::text::sanitize::clean_line;

/// What an action does in a table's mode, for the default file's comments.
fn description(action: Action, table: Table, lang: Lang) -> String {
    match action {
        Action::FocusPane(n) => DefaultFileText::GoToPane(n).get(lang),
        _ => action
            .describe_in(table.input_mode(), false, lang)
            .to_owned(),
    }
}

/// A commented default `config.toml` in the interface language; it parses to the defaults,
/// and uncommenting every line of it still does.
pub fn default_text(lang: Lang) -> String {
    let mut out = String::new();
    let mut line = |s: &str| {
        out.push_str(s);
        out.push('\n');
    };
    line(&DefaultFileText::Intro.get(lang));
    line(&DefaultFileText::ReadFrom.get(lang));
    if let Some(path) = default_path() {
        line(&format!("#   {}", clean_line(&path.display().to_string())));
    }
    line("");
    line(&DefaultFileText::Themes.get(lang));
    line("# theme = \"default\"");
    line("");
    line(&DefaultFileText::Language.get(lang));
    line("# language = \"en\"");
    line("");
    line(
        &DefaultFileText::SideWidth {
            low: SIDE_WIDTH.start,
            high: SIDE_WIDTH.end - 1,
        }
        .get(lang),
    );
    line("# side_pane_width = 48");
    line("");
    line(
        &DefaultFileText::TextWidth {
            low: TEXT_WIDTH.start,
            high: TEXT_WIDTH.end - 1,
        }
        .get(lang),
    );
    line(&format!("# max_text_width = {MAX_TEXT_WIDTH}"));
    line("");
    line(&DefaultFileText::Highlights.get(lang));
    line("# highlight_marks = true");
    line("");
    line(&DefaultFileText::Hyperlinks.get(lang));
    line("# hyperlinks = true");
    line("");
    line(&DefaultFileText::KeyBindings.get(lang));
    let defaults = Keymap::default();
    for table in Table::ALL {
        let bindings = defaults.table(table.input_mode());
        match table {
            Table::Reader => {}
            Table::Tour => {
                line("");
                line(&DefaultFileText::TourKeys.get(lang));
            }
            Table::Presenter => {
                line("");
                line(&DefaultFileText::PresenterKeys.get(lang));
            }
            Table::Lists => {
                line("");
                line(&DefaultFileText::ListKeys.get(lang));
            }
            Table::Editor => {
                line("");
                line(&DefaultFileText::EditorKeys.get(lang));
            }
            Table::Line => {
                line("");
                line(msg::search_line_list_filter_while(lang));
            }
            Table::Notes => {
                line("");
                line(msg::facilitator_notes_window_glose_notes(lang));
            }
            Table::Help => {
                line("");
                line(msg::help_and_problems_keys_first(lang));
            }
            Table::Question => {
                line("");
                line(msg::answers_to_a_question(lang));
            }
            Table::Poll => {
                line("");
                line(msg::following_room_poll_open(lang));
            }
            Table::Guess => {
                line("");
                line(msg::typing_guess(lang));
            }
        }
        line(&table.section());
        for action in table.allowed() {
            let Some(name) = action.name() else {
                continue;
            };
            let keys: Vec<KeyChord> = bindings
                .iter()
                .filter(|(_, a)| *a == action)
                .map(|(k, _)| *k)
                .collect();
            if keys.is_empty() {
                // Only the reader lists every action; the modes list the keys they have.
                if table == Table::Reader {
                    line(&format!(
                        "# (\"…\" = \"{name}\")  # {}",
                        description(action, table, lang)
                    ));
                }
                continue;
            }
            for (i, key) in keys.iter().enumerate() {
                let entry = format!(
                    "# {:<14} = {:<18}",
                    format!("\"{}\"", key.notation()),
                    format!("\"{name}\"")
                );
                if i == 0 {
                    line(&format!("{entry} # {}", description(action, table, lang)));
                } else {
                    line(entry.trim_end());
                }
            }
        }
    }
    out
}

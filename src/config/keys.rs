//! The key tables of `config.toml` (`[keys]`, `[tour_keys]`, `[presenter_keys]`, `[list_keys]`,
//! `[editor_keys]`): which actions each one takes, and how a file's table is applied over the
//! default bindings.

use std::collections::BTreeMap;
use std::ops::Range;

use toml::Spanned;

use super::ConfigError;
use crate::app::Action;
use crate::app::keymap::KeyChord;
use crate::i18n::Lang;
use crate::text::sanitize::clean_line;

/// One of the file's three key tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Table {
    /// `[keys]`: the reader.
    Reader,
    /// `[tour_keys]`: keys that take precedence while the guided tour is on.
    Tour,
    /// `[presenter_keys]`: the presenter (`p`, `glose present`).
    Presenter,
    /// `[list_keys]`: the lists of notes and bookmarks.
    Lists,
    /// `[editor_keys]`: the note editor (keys that are not typed text).
    Editor,
}

impl Table {
    pub(super) fn name(self) -> &'static str {
        match self {
            Self::Reader => "[keys]",
            Self::Tour => "[tour_keys]",
            Self::Presenter => "[presenter_keys]",
            Self::Lists => "[list_keys]",
            Self::Editor => "[editor_keys]",
        }
    }

    /// The actions that do something in this table's mode.
    pub(super) fn allowed(self) -> Vec<Action> {
        let presenter = [
            Action::NextStop,
            Action::PrevStop,
            Action::FirstStop,
            Action::LastStop,
            Action::RevealVerdict,
            Action::Blank,
            Action::ToggleHelp,
            Action::LeavePresenter,
            Action::Quit,
        ];
        let lists = [
            Action::ListNext,
            Action::ListPrev,
            Action::ListOpen,
            Action::ListEdit,
            Action::ListDelete,
            Action::ListClose,
            Action::Quit,
        ];
        // Paging in a list means what it means in the reader.
        let list_paging = [
            Action::PageDown,
            Action::PageUp,
            Action::HalfPageDown,
            Action::HalfPageUp,
            Action::Top,
            Action::Bottom,
        ];
        let editor = [Action::NoteSave, Action::NoteClose];
        match self {
            Self::Presenter => presenter.to_vec(),
            Self::Lists => lists.iter().chain(&list_paging).copied().collect(),
            Self::Editor => editor.to_vec(),
            Self::Reader | Self::Tour => Action::bindable()
                .into_iter()
                .filter(|a| {
                    !matches!(
                        a,
                        Action::RevealVerdict
                            | Action::Blank
                            | Action::LeavePresenter
                            | Action::Suspend
                            | Action::Close
                            | Action::Yes
                            | Action::No
                            | Action::Back
                    ) && !editor.contains(a)
                        && (*a == Action::Quit || !lists.contains(a))
                })
                .collect(),
        }
    }
}

/// One table of default bindings with the file's table applied: an action named in the file
/// loses its default keys and gets the file's (in the help, where its first default key was); a
/// key bound to two actions is an error, and so is an action that does nothing in that mode.
pub(super) fn remap(
    keys: &BTreeMap<Spanned<String>, Spanned<String>>,
    defaults: &[(KeyChord, Action)],
    table: Table,
    lang: Lang,
    at: &dyn Fn(Range<usize>, String, Option<String>) -> ConfigError,
) -> Result<Vec<(KeyChord, Action)>, ConfigError> {
    let allowed = table.allowed();
    // In file order, so the first mistake reported is the first in the file.
    let mut entries: Vec<(&Spanned<String>, &Spanned<String>)> = keys.iter().collect();
    entries.sort_by_key(|(k, _)| k.span().start);
    let mut bound: Vec<(KeyChord, Action, Range<usize>)> = Vec::new();
    for (key, action_name) in entries {
        let chord = KeyChord::parse(key.get_ref()).map_err(|_| {
            at(
                key.span(),
                match lang {
                    Lang::En => format!("unknown key '{}'", clean_line(key.get_ref())),
                    Lang::Fr => format!("touche inconnue '{}'", clean_line(key.get_ref())),
                },
                Some(
                    lang.pick(
                        "keys are written j, G, ?, space, tab, shift-tab, enter, esc, backspace, up, down, left, right, pgup, pgdn, home, end, delete, f1 to f12, with ctrl- or alt- before",
                        "les touches s’écrivent j, G, ?, space, tab, shift-tab, enter, esc, backspace, up, down, left, right, pgup, pgdn, home, end, delete, f1 à f12, précédées de ctrl- ou alt-",
                    )
                    .to_owned(),
                ),
            )
        })?;
        if table == Table::Editor
            && matches!(chord.code, ratatui::crossterm::event::KeyCode::Char(_))
            && !chord.ctrl
            && !chord.alt
        {
            return Err(at(
                key.span(),
                lang.pick(
                    "in the note editor this key types text: use ctrl- or alt-, or a function key",
                    "dans l’éditeur de note cette touche écrit du texte : utilisez ctrl- ou alt-, \
                     ou une touche de fonction",
                )
                .to_owned(),
                None,
            ));
        }
        if chord == KeyChord::ctrl('z') {
            return Err(at(
                key.span(),
                lang.pick(
                    "ctrl-z is reserved: it suspends glose like any terminal program",
                    "ctrl-z est réservée : elle suspend glose comme tout programme du terminal",
                )
                .to_owned(),
                None,
            ));
        }
        let action = Action::from_name(action_name.get_ref()).ok_or_else(|| {
            let name = action_name.get_ref();
            let closest = Action::bindable()
                .into_iter()
                .filter_map(Action::name)
                .map(|n| (strsim::jaro_winkler(name, &n), n))
                .max_by(|a, b| a.0.total_cmp(&b.0))
                .filter(|(score, _)| *score > 0.8)
                .map(|(_, n)| n);
            let help = match closest {
                Some(n) => match lang {
                    Lang::En => format!("did you mean '{n}'? `glose config --print-default` lists every action"),
                    Lang::Fr => format!("vouliez-vous dire '{n}' ? `glose config --print-default` liste toutes les actions"),
                },
                None => lang
                    .pick(
                        "`glose config --print-default` lists every action",
                        "`glose config --print-default` liste toutes les actions",
                    )
                    .to_owned(),
            };
            at(
                action_name.span(),
                match lang {
                    Lang::En => format!("unknown action '{}'", clean_line(name)),
                    Lang::Fr => format!("action inconnue '{}'", clean_line(name)),
                },
                Some(help),
            )
        })?;
        if !allowed.contains(&action) {
            let names: Vec<String> = allowed.iter().filter_map(|a| a.name()).collect();
            let help = match lang {
                Lang::En => format!("{} takes: {}", table.name(), names.join(", ")),
                Lang::Fr => format!("{} accepte : {}", table.name(), names.join(", ")),
            };
            let name = clean_line(action_name.get_ref());
            return Err(at(
                action_name.span(),
                match lang {
                    Lang::En => format!("'{name}' does nothing in {}", table.name()),
                    Lang::Fr => format!("'{name}' ne fait rien dans {}", table.name()),
                },
                Some(help),
            ));
        }
        if let Some((_, other, _)) = bound.iter().find(|(c, _, _)| *c == chord) {
            return Err(at(
                key.span(),
                conflict(lang, &key_name(chord), *other, action),
                None,
            ));
        }
        bound.push((chord, action, key.span()));
    }
    let remapped: Vec<Action> = bound.iter().map(|(_, a, _)| *a).collect();
    // A key the file binds that a default binding (of an action the file leaves alone) uses.
    for (chord, action, span) in &bound {
        if let Some(other) = defaults
            .iter()
            .find(|(c, a)| c == chord && !remapped.contains(a))
            .map(|(_, a)| *a)
        {
            let help = match lang {
                Lang::En => format!(
                    "bind '{}' to another key in {} as well",
                    other.name().unwrap_or_default(),
                    table.name()
                ),
                Lang::Fr => format!(
                    "associez aussi '{}' à une autre touche dans {}",
                    other.name().unwrap_or_default(),
                    table.name()
                ),
            };
            return Err(at(
                span.clone(),
                conflict(lang, &key_name(*chord), other, *action),
                Some(help),
            ));
        }
    }
    let mut bindings = Vec::new();
    let mut placed: Vec<Action> = Vec::new();
    for &(chord, action) in defaults {
        if !remapped.contains(&action) {
            bindings.push((chord, action));
        } else if !placed.contains(&action) {
            placed.push(action);
            bindings.extend(
                bound
                    .iter()
                    .filter(|(_, a, _)| *a == action)
                    .map(|(c, a, _)| (*c, *a)),
            );
        }
    }
    // Actions this table had no key for go at the end, in file order.
    bindings.extend(
        bound
            .iter()
            .filter(|(_, a, _)| !placed.contains(a))
            .map(|(c, a, _)| (*c, *a)),
    );
    Ok(bindings)
}

fn key_name(chord: KeyChord) -> String {
    clean_line(&chord.notation())
}

fn conflict(lang: Lang, key: &str, first: Action, second: Action) -> String {
    let (a, b) = (
        first.name().unwrap_or_default(),
        second.name().unwrap_or_default(),
    );
    match lang {
        Lang::En => format!("key '{key}' is bound to both '{a}' and '{b}'"),
        Lang::Fr => format!("la touche '{key}' est associée à la fois à '{a}' et à '{b}'"),
    }
}

//! Keys to actions: one table of `(KeyChord, Action)` per `Mode`, the defaults written once
//! (`defaults`), user tables applied over them (`config::keys`), and terminal-event
//! translation. The same tables feed `translate_in`, the help screens, the status-line hints
//! and the README's key tables, so none of them can disagree with what a key does.

use ratatui::crossterm::event::{Event, KeyCode, MouseButton, MouseEventKind};

use super::action::Action;
pub use super::chord::KeyChord;
use super::edit::Edit;
use crate::i18n::Lang;

/// Which table of keys is in force.
///
/// `Tour`, `Poll` and `Overlay` are layers: their keys come first, every other key keeps its
/// reading meaning (the poll's, its tour meaning). The others replace the reader's keys while
/// they are on; `Line`, `Editor` and `Guess` type every character their table does not name
/// (`Action::Edit(Edit::Insert(c))`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mode {
    /// The plain reader.
    Reader,
    /// The guided tour, over the reader.
    Tour,
    /// Following a room (`glose follow`) on its stop while the stop's poll is open: the digits
    /// answer it, over the tour.
    Poll,
    /// Typing a guess for the room's poll (after its first digit): digits, `,` and `.`.
    Guess,
    /// The help and the index, sources and contents overlays, over the reader's keys.
    Overlay,
    /// The notes and bookmarks lists.
    List,
    /// Typing in the search line or a list's filter.
    Line,
    /// The note editor.
    Editor,
    /// A yes/no question ("delete this note?", "keep your changes?").
    Confirm,
    /// The presenter (`p`, `glose present`).
    Presenter,
    /// The facilitator's notes window (`glose notes`).
    NotesWindow,
}

impl Mode {
    /// Every mode, in help order.
    pub const ALL: [Self; 11] = [
        Self::Reader,
        Self::Tour,
        Self::Poll,
        Self::Guess,
        Self::Overlay,
        Self::List,
        Self::Line,
        Self::Editor,
        Self::Confirm,
        Self::Presenter,
        Self::NotesWindow,
    ];

    fn index(self) -> usize {
        Self::ALL.iter().position(|&m| m == self).unwrap_or(0)
    }

    /// Whether characters the table does not name are typed as text.
    #[must_use]
    pub fn types_text(self) -> bool {
        matches!(self, Self::Line | Self::Editor | Self::Guess)
    }

    /// The tables a layer falls back to, in order (the reader's under the tour and the
    /// overlays; the tour's, then the reader's, under the poll).
    fn beneath(self) -> &'static [Self] {
        match self {
            Self::Tour | Self::Overlay => &[Self::Reader],
            Self::Poll => &[Self::Tour, Self::Reader],
            _ => &[],
        }
    }
}

/// Every mode's key bindings, each table in the order the help lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    /// One table per mode, in `Mode::ALL` order.
    tables: Vec<Vec<(KeyChord, Action)>>,
}

impl Default for Keymap {
    fn default() -> Self {
        Self {
            tables: Mode::ALL
                .iter()
                .map(|&mode| super::defaults::table(mode).to_vec())
                .collect(),
        }
    }
}

impl Keymap {
    /// The table of a mode.
    #[must_use]
    pub fn table(&self, mode: Mode) -> &[(KeyChord, Action)] {
        self.tables.get(mode.index()).map_or(&[], Vec::as_slice)
    }

    /// Replaces the table of a mode (with the configuration's).
    pub fn set_table(&mut self, mode: Mode, table: Vec<(KeyChord, Action)>) {
        if let Some(slot) = self.tables.get_mut(mode.index()) {
            *slot = table;
        }
    }

    /// The action bound to a chord in a mode; the layers (`Tour`, `Poll`, `Overlay`) fall
    /// back to the tables beneath them, and the text modes (`Line`, `Editor`, `Guess`) type a
    /// character no key names (Ctrl+Alt is AltGr on some systems: `@`, `€` are typed too).
    #[must_use]
    pub fn lookup(&self, mode: Mode, chord: KeyChord) -> Option<Action> {
        find(self.table(mode), chord)
            .or_else(|| {
                mode.beneath()
                    .iter()
                    .find_map(|&under| find(self.table(under), chord))
            })
            .or_else(|| match chord.code {
                KeyCode::Char(c) if mode.types_text() && chord.ctrl == chord.alt => {
                    (!c.is_control()).then_some(Action::Edit(Edit::Insert(c)))
                }
                _ => None,
            })
    }

    /// The action bound to a chord in the reader.
    #[must_use]
    pub fn action(&self, chord: KeyChord) -> Option<Action> {
        self.lookup(Mode::Reader, chord)
    }

    /// Every key bound to an action in a mode's own table, in table order.
    #[must_use]
    pub fn keys_for(&self, mode: Mode, action: Action) -> Vec<KeyChord> {
        self.table(mode)
            .iter()
            .filter(|(_, a)| *a == action)
            .map(|(k, _)| *k)
            .collect()
    }

    /// The first key bound to an action in a mode, for hints ("Tab annotation"); the layers'
    /// own keys first, then the reader's.
    #[must_use]
    pub fn first_key(&self, mode: Mode, action: Action) -> Option<KeyChord> {
        std::iter::once(mode)
            .chain(mode.beneath().iter().copied())
            .find_map(|m| self.table(m).iter().find(|(_, a)| *a == action))
            .map(|(k, _)| *k)
    }

    /// A table's actions, each once with all its keys joined by `/` (or only its first key
    /// when `all_keys` is false; Quit left out, and the keys that edit text), for the hints in
    /// a list's or the editor's frame.
    #[must_use]
    pub fn table_hints(
        table: &[(KeyChord, Action)],
        lang: Lang,
        all_keys: bool,
    ) -> Vec<(String, Action)> {
        let mut out: Vec<(String, Action)> = Vec::new();
        for &(key, action) in table {
            if matches!(action, Action::Quit | Action::Suspend | Action::Edit(_)) {
                continue;
            }
            if let Some(entry) = out.iter_mut().find(|(_, a)| *a == action) {
                if !all_keys {
                    continue;
                }
                entry.0.push('/');
                entry.0.push_str(&key.label(lang));
            } else {
                out.push((key.label(lang), action));
            }
        }
        out
    }

    /// A mode's help rows: its actions in table order, each once with all its keys (the
    /// reader's pane digits collapsed into one row, `1–4`, and the digits that type a number
    /// into one, `0–9`).
    #[must_use]
    pub fn help_rows(&self, mode: Mode, lang: Lang) -> Vec<(String, Action)> {
        self.help_rows_except(mode, lang, &[])
    }

    /// A mode's help rows without the keys a layer takes (`←` while the tour is on).
    #[must_use]
    pub fn help_rows_except(
        &self,
        mode: Mode,
        lang: Lang,
        shadowed: &[(KeyChord, Action)],
    ) -> Vec<(String, Action)> {
        let table = self.table(mode);
        let shown = |key: &KeyChord| !shadowed.iter().any(|(k, _)| k == key);
        let mut rows: Vec<(String, Action)> = Vec::new();
        for &(_, action) in table {
            let entry = match action {
                Action::FocusPane(_) => Action::FocusPane(1),
                Action::Digit(_) => Action::Digit(0),
                other => other,
            };
            if rows.iter().any(|(_, a)| *a == entry) {
                continue;
            }
            let keys = if matches!(entry, Action::FocusPane(1) | Action::Digit(0)) {
                let digits: Vec<String> = table
                    .iter()
                    .filter(|(_, a)| matches!(a, Action::FocusPane(1..=4) | Action::Digit(_)))
                    .filter(|(_, a)| matches!(a, Action::Digit(_)) == (entry == Action::Digit(0)))
                    .map(|(k, _)| k.label(lang))
                    .collect();
                match (digits.first(), digits.last()) {
                    (Some(a), Some(b)) if digits.len() > 1 => format!("{a}–{b}"),
                    (Some(a), _) => a.clone(),
                    _ => continue,
                }
            } else {
                let keys: Vec<String> = table
                    .iter()
                    .filter(|(k, a)| *a == entry && shown(k))
                    .map(|(k, _)| k.label(lang))
                    .collect();
                if keys.is_empty() {
                    continue;
                }
                keys.join(" ")
            };
            rows.push((keys, entry));
        }
        rows
    }
}

/// A mode's keys as a Markdown table (English key names, backquoted), one row per action with
/// all its keys, for the README: `tests/keys.rs` keeps the README's tables equal to this.
#[must_use]
pub fn markdown_table(keymap: &Keymap, mode: Mode, lang: Lang) -> String {
    let mut out = String::from("| keys | what they do |\n|---|---|\n");
    for (keys, action) in keymap.help_rows(mode, Lang::En) {
        let keys: Vec<String> = keys
            .split(' ')
            .filter(|k| !k.is_empty())
            .map(|k| format!("`{k}`"))
            .collect();
        out.push_str(&format!(
            "| {} | {} |\n",
            keys.join(" "),
            action.describe_in(mode, false, lang).replace('|', "\\|")
        ));
    }
    out
}

fn find(table: &[(KeyChord, Action)], chord: KeyChord) -> Option<Action> {
    table.iter().find(|(k, _)| *k == chord).map(|(_, a)| *a)
}

/// Turns a terminal event into an action, if it is bound to one in the reader.
#[must_use]
pub fn translate(keymap: &Keymap, event: &Event) -> Option<Action> {
    translate_in(keymap, event, Mode::Reader)
}

/// Turns a terminal event into an action through the table of `mode` (keys), or into the
/// mouse and resize actions every mode shares.
#[must_use]
pub fn translate_in(keymap: &Keymap, event: &Event, mode: Mode) -> Option<Action> {
    match event {
        Event::Key(key) => KeyChord::from_event(*key).and_then(|chord| keymap.lookup(mode, chord)),
        Event::Mouse(mouse) => match mouse.kind {
            MouseEventKind::ScrollDown => Some(Action::Wheel(mouse.column, mouse.row, 3)),
            MouseEventKind::ScrollUp => Some(Action::Wheel(mouse.column, mouse.row, -3)),
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click(mouse.column, mouse.row)),
            _ => None,
        },
        Event::Resize(columns, rows) => Some(Action::Resize(*columns, *rows)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use ratatui::crossterm::event::{KeyEvent, KeyEventKind, KeyEventState, KeyModifiers};

    use super::*;

    #[test]
    fn keys_are_named_as_the_readers_keyboard_prints_them() {
        let chord = |code| KeyChord::plain(code);
        assert_eq!(chord(KeyCode::Enter).label(Lang::Fr), "Entrée");
        assert_eq!(chord(KeyCode::Enter).label(Lang::En), "Enter");
        assert_eq!(chord(KeyCode::Esc).label(Lang::Fr), "Échap");
        assert_eq!(chord(KeyCode::BackTab).label(Lang::Fr), "Maj-Tab");
        assert_eq!(chord(KeyCode::Char(' ')).label(Lang::Fr), "Espace");
        assert_eq!(chord(KeyCode::Char('j')).label(Lang::Fr), "j");
        assert_eq!(chord(KeyCode::Down).label(Lang::Fr), "↓");
        assert_eq!(KeyChord::ctrl('d').label(Lang::Fr), "Ctrl-d");
        let rows = Keymap::default().help_rows(Mode::Reader, Lang::Fr);
        let select = rows
            .iter()
            .find(|(_, a)| *a == Action::SelectVisible)
            .map(|(k, _)| k.as_str());
        assert_eq!(select, Some("Entrée"));
    }

    fn key(code: KeyCode, modifiers: KeyModifiers, kind: KeyEventKind) -> Event {
        Event::Key(KeyEvent {
            code,
            modifiers,
            kind,
            state: KeyEventState::NONE,
        })
    }

    #[test]
    fn shift_on_characters_is_ignored_and_releases_dropped() {
        let keymap = Keymap::default();
        let press = KeyEventKind::Press;
        let q = key(KeyCode::Char('?'), KeyModifiers::SHIFT, press);
        assert_eq!(translate(&keymap, &q), Some(Action::ToggleHelp));
        let big_g = key(KeyCode::Char('G'), KeyModifiers::SHIFT, press);
        assert_eq!(translate(&keymap, &big_g), Some(Action::Bottom));
        let release = key(
            KeyCode::Char('j'),
            KeyModifiers::NONE,
            KeyEventKind::Release,
        );
        assert_eq!(translate(&keymap, &release), None);
        let repeat = key(KeyCode::Char('j'), KeyModifiers::NONE, KeyEventKind::Repeat);
        assert_eq!(translate(&keymap, &repeat), Some(Action::LineDown));
        let shift_tab = key(KeyCode::Tab, KeyModifiers::SHIFT, press);
        assert_eq!(translate(&keymap, &shift_tab), Some(Action::PrevAnnotation));
        let ctrl_d = key(KeyCode::Char('d'), KeyModifiers::CONTROL, press);
        assert_eq!(translate(&keymap, &ctrl_d), Some(Action::HalfPageDown));
    }

    #[test]
    fn notation_round_trips() {
        for notation in [
            "j",
            "G",
            "?",
            "ctrl-d",
            "shift-tab",
            "pgdn",
            "space",
            "f5",
            "alt-x",
        ] {
            let chord = KeyChord::parse(notation).unwrap();
            assert_eq!(
                KeyChord::parse(&chord.to_string()).unwrap(),
                chord,
                "{notation}"
            );
        }
        assert_eq!(KeyChord::parse("ctrl-d").unwrap(), KeyChord::ctrl('d'));
        for (chord, _) in Keymap::default().table(Mode::Reader).to_vec() {
            assert_eq!(
                KeyChord::parse(&chord.notation()).unwrap(),
                chord,
                "{}",
                chord.notation()
            );
        }
        assert!(KeyChord::parse("hyper-x").is_err());
    }

    #[test]
    fn help_lists_each_action_once_with_all_its_keys() {
        let rows = Keymap::default().help_rows(Mode::Reader, Lang::En);
        let down = rows.iter().find(|(_, a)| *a == Action::LineDown).unwrap();
        assert_eq!(down.0, "j ↓ Ctrl-e");
        let panes = rows
            .iter()
            .find(|(_, a)| *a == Action::FocusPane(1))
            .unwrap();
        assert_eq!(panes.0, "1–4");
        assert_eq!(rows.iter().filter(|(_, a)| *a == Action::Quit).count(), 1);
    }

    /// Every mode's table, from the reader's to the notes window's: the one keymap's.
    fn tables() -> Vec<(Mode, Vec<(KeyChord, Action)>)> {
        let keymap = Keymap::default();
        Mode::ALL
            .iter()
            .map(|&mode| (mode, keymap.table(mode).to_vec()))
            .collect()
    }

    #[test]
    fn every_mode_table_is_described_unambiguous_and_can_be_left() {
        use std::collections::HashSet;
        for (mode, table) in tables() {
            assert!(!table.is_empty(), "{mode:?} has keys");
            let mut seen = HashSet::new();
            for &(chord, action) in &table {
                assert!(seen.insert(chord), "{mode:?}: {chord} is bound twice");
                for lang in [Lang::En, Lang::Fr] {
                    for quit_on_close in [false, true] {
                        let text = action.describe_in(mode, quit_on_close, lang);
                        assert!(!text.is_empty(), "{mode:?}: {chord} has no {lang:?} text");
                    }
                }
                assert!(action.name().is_some(), "{mode:?}: {chord} can be remapped");
            }
            let bound = |chord| table.iter().find(|(k, _)| *k == chord).map(|(_, a)| *a);
            let q = bound(KeyChord::plain(KeyCode::Char('q')));
            let esc = bound(KeyChord::plain(KeyCode::Esc));
            match mode {
                // The overlays: q and Esc close, they never quit.
                Mode::Overlay | Mode::List => {
                    assert_eq!((q, esc), (Some(Action::Close), Some(Action::Close)));
                }
                // The editor types q; Esc leaves it (asking first).
                Mode::Editor => assert_eq!((q, esc), (None, Some(Action::NoteClose))),
                // The search line and a filter type q; Esc leaves the line.
                Mode::Line => assert_eq!((q, esc), (None, Some(Action::Edit(Edit::Cancel)))),
                Mode::Confirm => assert_eq!(esc, Some(Action::Back)),
                Mode::Tour => assert_eq!(esc, Some(Action::ToggleTour)),
                // The poll takes only digits: Esc leaves the tour as it would.
                Mode::Poll => assert_eq!((q, esc), (None, None)),
                // A guess types its digits; Esc drops it, q is not a digit (nothing).
                Mode::Guess => assert_eq!((q, esc), (None, Some(Action::Edit(Edit::Cancel)))),
                Mode::Presenter => {
                    assert_eq!((q, esc), (Some(Action::Quit), Some(Action::LeavePresenter)));
                }
                Mode::Reader | Mode::NotesWindow => assert_eq!(q, Some(Action::Quit)),
            }
        }
    }

    #[test]
    fn the_text_modes_type_what_their_table_does_not_name() {
        let keymap = Keymap::default();
        let q = KeyChord::plain(KeyCode::Char('q'));
        for mode in Mode::ALL {
            let typed = keymap.lookup(mode, q) == Some(Action::Edit(Edit::Insert('q')));
            assert_eq!(typed, mode.types_text(), "{mode:?}");
        }
        // Ctrl+letter is a command or nothing, never text.
        assert_eq!(keymap.lookup(Mode::Editor, KeyChord::ctrl('q')), None);
        assert_eq!(
            keymap.lookup(Mode::Editor, KeyChord::ctrl('s')),
            Some(Action::NoteSave)
        );
    }

    #[test]
    fn arrows_mean_stops_only_while_the_tour_is_on() {
        let keymap = Keymap::default();
        let right = key(KeyCode::Right, KeyModifiers::NONE, KeyEventKind::Press);
        assert_eq!(translate(&keymap, &right), Some(Action::NextPane));
        assert_eq!(
            translate_in(&keymap, &right, Mode::Tour),
            Some(Action::NextStop)
        );
        let j = key(KeyCode::Char('j'), KeyModifiers::NONE, KeyEventKind::Press);
        assert_eq!(
            translate_in(&keymap, &j, Mode::Tour),
            Some(Action::LineDown)
        );
        let rows = keymap.help_rows(Mode::Tour, Lang::En);
        assert_eq!(rows[0], ("→ ]".to_owned(), Action::NextStop));
        assert_eq!(rows[1], ("← [".to_owned(), Action::PrevStop));
        assert_eq!(rows[2], ("t Esc".to_owned(), Action::ToggleTour));
    }
}

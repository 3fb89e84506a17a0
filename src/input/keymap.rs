//! Keys to actions: the default bindings, key notation, and terminal-event translation.
//!
//! The same table feeds `translate`, the help screen and the status-line hints. Key events are
//! normalised so the same keys work on every platform: release events are dropped (Windows
//! sends them), and `SHIFT` is ignored on characters (Windows reports `?` as Shift+`?`).

use std::fmt;

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};

use super::action::Action;
use crate::i18n::Lang;

/// A key with the modifiers that matter (Ctrl and Alt; Shift is part of the character).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct KeyChord {
    pub code: KeyCode,
    pub ctrl: bool,
    pub alt: bool,
}

impl KeyChord {
    pub const fn plain(code: KeyCode) -> Self {
        Self {
            code,
            ctrl: false,
            alt: false,
        }
    }

    pub const fn ctrl(c: char) -> Self {
        Self {
            code: KeyCode::Char(c),
            ctrl: true,
            alt: false,
        }
    }

    /// The chord a key event stands for, or `None` for a release event.
    pub fn from_event(key: KeyEvent) -> Option<Self> {
        if key.kind == KeyEventKind::Release {
            return None;
        }
        let code = match key.code {
            // Some terminals report Shift-Tab as Tab + SHIFT.
            KeyCode::Tab if key.modifiers.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
            code => code,
        };
        Some(Self {
            code,
            ctrl: key.modifiers.contains(KeyModifiers::CONTROL),
            alt: key.modifiers.contains(KeyModifiers::ALT),
        })
    }

    /// Parses key notation: `j`, `G`, `?`, `space`, `tab`, `shift-tab`, `enter`, `esc`,
    /// `backspace`, `up`, `down`, `left`, `right`, `pgup`, `pgdn`, `home`, `end`, `f1`…`f12`,
    /// with `ctrl-` and `alt-` prefixes (`ctrl-d`).
    pub fn parse(notation: &str) -> Result<Self, String> {
        let mut rest = notation;
        let (mut ctrl, mut alt) = (false, false);
        loop {
            let lower = rest.to_ascii_lowercase();
            if rest.chars().count() > 2 && lower.starts_with("ctrl-") {
                ctrl = true;
                rest = rest.get(5..).unwrap_or("");
            } else if rest.chars().count() > 2 && lower.starts_with("alt-") {
                alt = true;
                rest = rest.get(4..).unwrap_or("");
            } else {
                break;
            }
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) => KeyCode::Char(c),
            _ => match rest.to_ascii_lowercase().as_str() {
                "space" => KeyCode::Char(' '),
                "tab" => KeyCode::Tab,
                "shift-tab" | "backtab" => KeyCode::BackTab,
                "enter" | "return" => KeyCode::Enter,
                "esc" | "escape" => KeyCode::Esc,
                "backspace" => KeyCode::Backspace,
                "up" => KeyCode::Up,
                "down" => KeyCode::Down,
                "left" => KeyCode::Left,
                "right" => KeyCode::Right,
                "pgup" | "pageup" => KeyCode::PageUp,
                "pgdn" | "pagedown" => KeyCode::PageDown,
                "home" => KeyCode::Home,
                "end" => KeyCode::End,
                "delete" | "del" => KeyCode::Delete,
                other => match other.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()) {
                    Some(n @ 1..=12) => KeyCode::F(n),
                    _ => return Err(format!("unknown key '{notation}'")),
                },
            },
        };
        Ok(Self { code, ctrl, alt })
    }
}

impl KeyChord {
    /// The chord in the notation `parse` reads (`ctrl-d`, `shift-tab`, `pgdn`, `?`), for
    /// configuration files.
    pub fn notation(&self) -> String {
        let mut out = String::new();
        if self.ctrl {
            out.push_str("ctrl-");
        }
        if self.alt {
            out.push_str("alt-");
        }
        let key = match self.code {
            KeyCode::Char(' ') => "space".to_owned(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Tab => "tab".to_owned(),
            KeyCode::BackTab => "shift-tab".to_owned(),
            KeyCode::Enter => "enter".to_owned(),
            KeyCode::Esc => "esc".to_owned(),
            KeyCode::Backspace => "backspace".to_owned(),
            KeyCode::Up => "up".to_owned(),
            KeyCode::Down => "down".to_owned(),
            KeyCode::Left => "left".to_owned(),
            KeyCode::Right => "right".to_owned(),
            KeyCode::PageUp => "pgup".to_owned(),
            KeyCode::PageDown => "pgdn".to_owned(),
            KeyCode::Home => "home".to_owned(),
            KeyCode::End => "end".to_owned(),
            KeyCode::Delete => "delete".to_owned(),
            KeyCode::F(n) => format!("f{n}"),
            other => format!("{other:?}").to_lowercase(),
        };
        out.push_str(&key);
        out
    }
}

impl fmt::Display for KeyChord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("Ctrl-")?;
        }
        if self.alt {
            f.write_str("Alt-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("Space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Tab => f.write_str("Tab"),
            KeyCode::BackTab => f.write_str("Shift-Tab"),
            KeyCode::Enter => f.write_str("Enter"),
            KeyCode::Esc => f.write_str("Esc"),
            KeyCode::Backspace => f.write_str("Backspace"),
            KeyCode::Up => f.write_str("↑"),
            KeyCode::Down => f.write_str("↓"),
            KeyCode::Left => f.write_str("←"),
            KeyCode::Right => f.write_str("→"),
            KeyCode::PageUp => f.write_str("PgUp"),
            KeyCode::PageDown => f.write_str("PgDn"),
            KeyCode::Home => f.write_str("Home"),
            KeyCode::End => f.write_str("End"),
            KeyCode::Delete => f.write_str("Del"),
            KeyCode::F(n) => write!(f, "F{n}"),
            other => write!(f, "{other:?}"),
        }
    }
}

impl KeyChord {
    /// The key as shown to the reader in `lang`: French names the keys as French keyboards
    /// print them (`Entrée`, `Échap`, `Espace`, `Maj-Tab`…). [`fmt::Display`] gives the English
    /// names.
    #[must_use]
    pub fn label(self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        let name = match self.code {
            KeyCode::Char(' ') => "Espace",
            KeyCode::BackTab => "Maj-Tab",
            KeyCode::Enter => "Entrée",
            KeyCode::Esc => "Échap",
            KeyCode::Backspace => "Retour",
            KeyCode::PageUp => "Pg préc",
            KeyCode::PageDown => "Pg suiv",
            KeyCode::Home => "Début",
            KeyCode::End => "Fin",
            KeyCode::Delete => "Suppr",
            _ => return self.to_string(),
        };
        let mut out = String::new();
        if self.ctrl {
            out.push_str("Ctrl-");
        }
        if self.alt {
            out.push_str("Alt-");
        }
        out.push_str(name);
        out
    }
}

/// Which table of keys is in force: the reader's, or a mode that takes the keys first.
///
/// `Tour` and `Overlay` are layers: their keys come first, every other key keeps its reading
/// meaning. `List`, `Editor` and `Confirm` replace the reader's keys while they are on (the
/// editor types every key its table does not name). The presenter and the notes window have
/// keymaps of their own (`present::keymap`, `notes::keymap`), whose `bindings` are their table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mode {
    /// The plain reader.
    Reader,
    /// The guided tour, over the reader.
    Tour,
    /// The help and the index, sources and contents overlays, over the reader's keys.
    Overlay,
    /// The notes and bookmarks lists.
    List,
    /// The note editor (keys that are not typed text).
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
    pub const ALL: [Self; 8] = [
        Self::Reader,
        Self::Tour,
        Self::Overlay,
        Self::List,
        Self::Editor,
        Self::Confirm,
        Self::Presenter,
        Self::NotesWindow,
    ];
}

/// The key bindings, in the order the help screen lists them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    pub bindings: Vec<(KeyChord, Action)>,
    /// Keys of the notes and bookmarks lists (they replace `bindings` while a list is open).
    pub list_bindings: Vec<(KeyChord, Action)>,
    /// The note editor's commands; every other key types or moves the cursor.
    pub editor_bindings: Vec<(KeyChord, Action)>,
    /// Bindings that take precedence while the guided tour is on (`→` means the next stop
    /// rather than the next pane); every other key keeps its reading meaning.
    pub tour: Vec<(KeyChord, Action)>,
    /// Keys that take precedence while the help or a lookup list (index, sources, contents)
    /// is open: `q` and `Esc` close it rather than quit.
    pub overlay: Vec<(KeyChord, Action)>,
    /// The answers to a yes/no question; every other key means "no" (or "back", in the editor).
    pub confirm: Vec<(KeyChord, Action)>,
}

impl Keymap {
    /// A keymap with every table empty (the presenter's and the notes window's fill `bindings`).
    #[must_use]
    pub fn empty() -> Self {
        Self {
            bindings: Vec::new(),
            list_bindings: Vec::new(),
            editor_bindings: Vec::new(),
            tour: Vec::new(),
            overlay: Vec::new(),
            confirm: Vec::new(),
        }
    }

    /// The table of a mode (for the presenter's and the notes window's own keymaps, `Reader`
    /// is their table).
    #[must_use]
    pub fn table(&self, mode: Mode) -> &[(KeyChord, Action)] {
        match mode {
            Mode::Reader | Mode::Presenter | Mode::NotesWindow => &self.bindings,
            Mode::Tour => &self.tour,
            Mode::Overlay => &self.overlay,
            Mode::List => &self.list_bindings,
            Mode::Editor => &self.editor_bindings,
            Mode::Confirm => &self.confirm,
        }
    }

    /// The action bound to a chord in a mode; the layers (`Tour`, `Overlay`) fall back to the
    /// reader's keys.
    #[must_use]
    pub fn lookup(&self, mode: Mode, chord: KeyChord) -> Option<Action> {
        find(self.table(mode), chord).or_else(|| match mode {
            Mode::Tour | Mode::Overlay => self.action(chord),
            _ => None,
        })
    }
}

impl Default for Keymap {
    fn default() -> Self {
        use Action as A;
        use KeyCode as K;
        let p = KeyChord::plain;
        let c = |ch| KeyChord::plain(K::Char(ch));
        let mut bindings = vec![
            (c('j'), A::LineDown),
            (p(K::Down), A::LineDown),
            (KeyChord::ctrl('e'), A::LineDown),
            (c('k'), A::LineUp),
            (p(K::Up), A::LineUp),
            (KeyChord::ctrl('y'), A::LineUp),
            (c(' '), A::PageDown),
            (p(K::PageDown), A::PageDown),
            (KeyChord::ctrl('f'), A::PageDown),
            (c('b'), A::PageUp),
            (p(K::PageUp), A::PageUp),
            (KeyChord::ctrl('b'), A::PageUp),
            (c('d'), A::HalfPageDown),
            (KeyChord::ctrl('d'), A::HalfPageDown),
            (c('u'), A::HalfPageUp),
            (KeyChord::ctrl('u'), A::HalfPageUp),
            (c('g'), A::Top),
            (p(K::Home), A::Top),
            (c('G'), A::Bottom),
            (p(K::End), A::Bottom),
        ];
        for n in 1..=9u8 {
            bindings.push((c(char::from(b'0' + n)), A::FocusPane(n)));
        }
        bindings.extend([
            (c('h'), A::PrevPane),
            (p(K::Left), A::PrevPane),
            (c('l'), A::NextPane),
            (p(K::Right), A::NextPane),
            (p(K::Tab), A::NextAnnotation),
            (p(K::BackTab), A::PrevAnnotation),
            (p(K::Enter), A::SelectVisible),
            (p(K::Esc), A::ClearSelection),
            (c('J'), A::SideDown),
            (c('K'), A::SideUp),
            (c('/'), A::Search),
            (c('n'), A::SearchNext),
            (c('N'), A::SearchPrev),
            (c('i'), A::ToggleIndex),
            (c('S'), A::ToggleSources),
            (c('c'), A::ToggleContents),
            (c('!'), A::ToggleProblems),
            (c('s'), A::ToggleSidePane),
            (c('m'), A::ToggleMarks),
            (c('a'), A::EditNote),
            (c('A'), A::ShowNotes),
            (c('B'), A::ToggleBookmark),
            (c('\''), A::ShowBookmarks),
            (c('o'), A::OpenSource),
            (c('y'), A::CopyCitation),
            (c('t'), A::ToggleTour),
            (c('p'), A::Present),
            (c('?'), A::ToggleHelp),
            (KeyChord::ctrl('z'), A::Suspend),
            (c('q'), A::Quit),
            (KeyChord::ctrl('c'), A::Quit),
        ]);
        let list_bindings = vec![
            (c('j'), A::ListNext),
            (p(K::Down), A::ListNext),
            (KeyChord::ctrl('e'), A::ListNext),
            (c('k'), A::ListPrev),
            (p(K::Up), A::ListPrev),
            (KeyChord::ctrl('y'), A::ListPrev),
            (p(K::PageDown), A::PageDown),
            (KeyChord::ctrl('f'), A::PageDown),
            (p(K::PageUp), A::PageUp),
            (KeyChord::ctrl('b'), A::PageUp),
            (KeyChord::ctrl('d'), A::HalfPageDown),
            (KeyChord::ctrl('u'), A::HalfPageUp),
            (c('g'), A::Top),
            (p(K::Home), A::Top),
            (c('G'), A::Bottom),
            (p(K::End), A::Bottom),
            (p(K::Enter), A::ListOpen),
            (c('e'), A::ListEdit),
            (c('d'), A::ListDelete),
            (p(K::Delete), A::ListDelete),
            (p(K::Esc), A::ListClose),
            (c('q'), A::ListClose),
            (KeyChord::ctrl('c'), A::Quit),
        ];
        let editor_bindings = vec![
            (KeyChord::ctrl('s'), A::NoteSave),
            (p(K::Esc), A::NoteClose),
            (KeyChord::ctrl('c'), A::NoteClose),
        ];
        let tour = vec![
            (p(K::Right), A::NextStop),
            (c(']'), A::NextStop),
            (p(K::Left), A::PrevStop),
            (c('['), A::PrevStop),
            (c('t'), A::ToggleTour),
            (p(K::Esc), A::ToggleTour),
        ];
        let overlay = vec![(c('q'), A::Close), (p(K::Esc), A::Close)];
        let confirm = vec![
            (c('y'), A::Yes),
            (c('Y'), A::Yes),
            (c('o'), A::Yes),
            (c('O'), A::Yes),
            (c('n'), A::No),
            (c('N'), A::No),
            (p(K::Esc), A::Back),
        ];
        Self {
            bindings,
            list_bindings,
            editor_bindings,
            tour,
            overlay,
            confirm,
        }
    }
}

impl Keymap {
    /// The action bound to a chord.
    pub fn action(&self, chord: KeyChord) -> Option<Action> {
        self.bindings
            .iter()
            .find(|(k, _)| *k == chord)
            .map(|(_, a)| *a)
    }

    /// The action bound to a chord while a list is open.
    pub fn list_action(&self, chord: KeyChord) -> Option<Action> {
        find(&self.list_bindings, chord)
    }

    /// The editor command bound to a chord.
    pub fn editor_action(&self, chord: KeyChord) -> Option<Action> {
        find(&self.editor_bindings, chord)
    }

    /// A table's actions, each once with all its keys joined by `/` (or only its first key
    /// when `all_keys` is false; Quit left out), for the hints in a list's or the editor's frame
    /// and for the help screen.
    pub fn table_hints(
        table: &[(KeyChord, Action)],
        lang: Lang,
        all_keys: bool,
    ) -> Vec<(String, Action)> {
        let mut out: Vec<(String, Action)> = Vec::new();
        for &(key, action) in table {
            if action == Action::Quit {
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

    /// The action bound to a chord while the guided tour is on: the tour's keys first.
    pub fn tour_action(&self, chord: KeyChord) -> Option<Action> {
        self.tour
            .iter()
            .find(|(k, _)| *k == chord)
            .map(|(_, a)| *a)
            .or_else(|| self.action(chord))
    }

    /// The tour's own keys for the help screen, one row per action with all its keys.
    pub fn tour_help_rows(&self, lang: Lang) -> Vec<(String, Action)> {
        let mut rows: Vec<(String, Action)> = Vec::new();
        for &(_, action) in &self.tour {
            if rows.iter().any(|(_, a)| *a == action) {
                continue;
            }
            let keys: Vec<String> = self
                .tour
                .iter()
                .filter(|(_, a)| *a == action)
                .map(|(k, _)| k.label(lang))
                .collect();
            rows.push((keys.join(" "), action));
        }
        rows
    }

    /// Every key bound to an action, in table order.
    pub fn keys_for(&self, action: Action) -> Vec<KeyChord> {
        self.bindings
            .iter()
            .filter(|(_, a)| *a == action)
            .map(|(k, _)| *k)
            .collect()
    }

    /// The first key bound to an action, for hints ("Tab annotation").
    pub fn first_key(&self, action: Action) -> Option<KeyChord> {
        self.bindings
            .iter()
            .find(|(_, a)| *a == action)
            .map(|(k, _)| *k)
    }

    /// The actions in help order, each once (pane digits collapsed into one entry).
    pub fn help_rows(&self, lang: Lang) -> Vec<(String, Action)> {
        self.help_rows_except(lang, &[])
    }

    /// The reader's help rows without the keys a layer takes (`←` while the tour is on).
    pub fn help_rows_except(
        &self,
        lang: Lang,
        shadowed: &[(KeyChord, Action)],
    ) -> Vec<(String, Action)> {
        let shown = |key: &KeyChord| !shadowed.iter().any(|(k, _)| k == key);
        let mut rows: Vec<(String, Action)> = Vec::new();
        for &(_, action) in &self.bindings {
            let entry = match action {
                Action::FocusPane(_) => Action::FocusPane(1),
                other => other,
            };
            if rows.iter().any(|(_, a)| *a == entry) {
                continue;
            }
            let keys = if entry == Action::FocusPane(1) {
                let digits: Vec<String> = self
                    .bindings
                    .iter()
                    .filter(|(_, a)| matches!(a, Action::FocusPane(1..=4)))
                    .map(|(k, _)| k.label(lang))
                    .collect();
                match (digits.first(), digits.last()) {
                    (Some(a), Some(b)) if digits.len() > 1 => format!("{a}–{b}"),
                    (Some(a), _) => a.clone(),
                    _ => continue,
                }
            } else {
                let keys: Vec<String> = self
                    .keys_for(entry)
                    .iter()
                    .filter(|k| shown(k))
                    .map(|k| k.label(lang))
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
    let rows = match mode {
        Mode::Reader | Mode::Presenter | Mode::NotesWindow => keymap.help_rows(Lang::En),
        Mode::Tour => keymap.tour_help_rows(Lang::En),
        _ => {
            let mut rows: Vec<(String, Action)> = Vec::new();
            for &(key, action) in keymap.table(mode) {
                match rows.iter_mut().find(|(_, a)| *a == action) {
                    Some(row) => {
                        row.0.push(' ');
                        row.0.push_str(&key.label(Lang::En));
                    }
                    None => rows.push((key.label(Lang::En), action)),
                }
            }
            rows
        }
    };
    let mut out = String::from("| keys | what they do |\n|---|---|\n");
    for (keys, action) in rows {
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
pub fn translate(keymap: &Keymap, event: &Event) -> Option<Action> {
    translate_in(keymap, event, Mode::Reader)
}

/// Turns a terminal event into an action through the table of `mode` (keys), or into the
/// mouse and resize actions every mode shares.
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
    use ratatui::crossterm::event::KeyEventState;

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
        let rows = Keymap::default().help_rows(Lang::Fr);
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
        for (chord, _) in Keymap::default().bindings {
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
        let rows = Keymap::default().help_rows(Lang::En);
        let down = rows.iter().find(|(_, a)| *a == Action::LineDown).unwrap();
        assert_eq!(down.0, "j ↓ Ctrl-e");
        let panes = rows
            .iter()
            .find(|(_, a)| *a == Action::FocusPane(1))
            .unwrap();
        assert_eq!(panes.0, "1–4");
        assert_eq!(rows.iter().filter(|(_, a)| *a == Action::Quit).count(), 1);
    }

    /// Every mode's table, from the reader's to the notes window's.
    fn tables() -> Vec<(Mode, Vec<(KeyChord, Action)>)> {
        let reader = Keymap::default();
        let presenter = crate::present::keymap();
        let notes = crate::notes::keymap();
        Mode::ALL
            .iter()
            .map(|&mode| {
                let table = match mode {
                    Mode::Presenter => presenter.table(mode),
                    Mode::NotesWindow => notes.table(mode),
                    _ => reader.table(mode),
                };
                (mode, table.to_vec())
            })
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
                Mode::Overlay => {
                    assert_eq!((q, esc), (Some(Action::Close), Some(Action::Close)));
                }
                Mode::List => {
                    assert_eq!((q, esc), (Some(Action::ListClose), Some(Action::ListClose)));
                }
                // The editor types q; Esc leaves it (asking first).
                Mode::Editor => assert_eq!((q, esc), (None, Some(Action::NoteClose))),
                Mode::Confirm => assert_eq!(esc, Some(Action::Back)),
                Mode::Tour => assert_eq!(esc, Some(Action::ToggleTour)),
                Mode::Presenter => {
                    assert_eq!((q, esc), (Some(Action::Quit), Some(Action::LeavePresenter)));
                }
                Mode::Reader | Mode::NotesWindow => assert_eq!(q, Some(Action::Quit)),
            }
        }
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
        let rows = keymap.tour_help_rows(Lang::En);
        assert_eq!(rows[0], ("→ ]".to_owned(), Action::NextStop));
        assert_eq!(rows[1], ("← [".to_owned(), Action::PrevStop));
        assert_eq!(rows[2], ("t Esc".to_owned(), Action::ToggleTour));
    }
}

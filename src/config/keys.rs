//! The key tables of `config.toml`, one per mode of the keymap, each named as the help and the
//! README name the mode: `[keys.reader]`, `[keys.tour]`, `[keys.help]`, `[keys.lists]`,
//! `[keys.line]`, `[keys.editor]`, `[keys.question]`, `[keys.presenter]`, `[keys.notes]`,
//! `[keys.poll]` and `[keys.guess]` (following a room) —
//! which actions each one takes (those of the mode's default table, `input::defaults`), and how
//! a file's table is applied over the default bindings. The older names still work, as
//! aliases: lines directly under `[keys]` are the reader's, `[keys.list]` is `[keys.lists]`,
//! and `[tour_keys]`, `[presenter_keys]`, `[list_keys]`, `[editor_keys]` the other modes'. One
//! mode's keys are written in one table.

use crate::i18n::keys as msg;
use std::collections::BTreeMap;
use std::ops::Range;

use toml::Spanned;

use super::ConfigError;
use crate::app::Action;
use crate::app::keymap::KeyChord;
use crate::i18n::{Lang, SettingsText};
use crate::input::{Mode, defaults};
use crate::text::sanitize::clean_line;

/// One of the file's key tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Table {
    /// `[keys]`: the reader.
    Reader,
    /// `[tour_keys]`: keys that take precedence while the guided tour is on.
    Tour,
    /// `[presenter_keys]`: the presenter (`p`, `glose present`).
    Presenter,
    /// `[keys.help]`: the help and the problems list.
    Help,
    /// `[keys.lists]` (`[list_keys]`): the five lists (index, sources, contents, notes,
    /// bookmarks).
    Lists,
    /// `[editor_keys]`: the note editor (keys that are not typed text).
    Editor,
    /// `[keys.line]`: the search line and a list's filter.
    Line,
    /// `[keys.notes]`: the facilitator's notes window (`glose notes`).
    Notes,
    /// `[keys.question]`: the answers to a yes/no question.
    Question,
    /// `[keys.poll]`: following a room while its poll is open (the digits answer it).
    Poll,
    /// `[keys.guess]`: typing a guess for the room's poll (keys that are not typed text).
    Guess,
}

/// The lines of a key table: `"key" = "action"`, each with where it is in the file.
pub(super) type Lines = BTreeMap<Spanned<String>, Spanned<String>>;

/// The file's `[keys]`: the reader's lines written directly under it (the older form), and
/// one table per mode (`[keys.tour]`…), each name with where it is in the file.
#[derive(Debug, Default)]
pub(super) struct Keys {
    pub(super) lines: Lines,
    pub(super) modes: Vec<(Spanned<String>, Lines)>,
}

impl<'de> serde::Deserialize<'de> for Keys {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        /// A line's value: an action's name, or a mode's table.
        enum Value {
            Action(String),
            Mode(Lines),
        }
        impl<'de> serde::Deserialize<'de> for Value {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct Visit;
                impl<'de> serde::de::Visitor<'de> for Visit {
                    type Value = Value;
                    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        f.write_str("an action's name, or a table of keys")
                    }
                    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Value, E> {
                        Ok(Value::Action(v.to_owned()))
                    }
                    fn visit_map<A: serde::de::MapAccess<'de>>(
                        self,
                        mut map: A,
                    ) -> Result<Value, A::Error> {
                        let mut lines = Lines::new();
                        while let Some((k, v)) = map.next_entry()? {
                            lines.insert(k, v);
                        }
                        Ok(Value::Mode(lines))
                    }
                }
                d.deserialize_any(Visit)
            }
        }
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = Keys;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a table of keys")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Keys, A::Error> {
                let mut keys = Keys::default();
                while let Some(name) = map.next_key::<Spanned<String>>()? {
                    let value: Spanned<Value> = map.next_value()?;
                    let span = value.span();
                    match value.into_inner() {
                        Value::Action(action) => {
                            keys.lines.insert(name, Spanned::new(span, action));
                        }
                        Value::Mode(lines) => keys.modes.push((name, lines)),
                    }
                }
                Ok(keys)
            }
        }
        deserializer.deserialize_map(Visit)
    }
}

impl Table {
    pub(super) const ALL: [Self; 11] = [
        Self::Reader,
        Self::Tour,
        Self::Poll,
        Self::Guess,
        Self::Help,
        Self::Lists,
        Self::Line,
        Self::Editor,
        Self::Question,
        Self::Presenter,
        Self::Notes,
    ];

    /// The keymap's mode this table sets.
    pub(super) fn input_mode(self) -> Mode {
        match self {
            Self::Reader => Mode::Reader,
            Self::Tour => Mode::Tour,
            Self::Presenter => Mode::Presenter,
            Self::Help => Mode::Overlay,
            Self::Lists => Mode::List,
            Self::Line => Mode::Line,
            Self::Editor => Mode::Editor,
            Self::Question => Mode::Confirm,
            Self::Notes => Mode::NotesWindow,
            Self::Poll => Mode::Poll,
            Self::Guess => Mode::Guess,
        }
    }

    /// The mode's name in `[keys.<mode>]`, as the help and the README name it.
    pub(super) fn mode(self) -> &'static str {
        match self {
            Self::Reader => "reader",
            Self::Tour => "tour",
            Self::Presenter => "presenter",
            Self::Help => "help",
            Self::Lists => "lists",
            Self::Line => "line",
            Self::Editor => "editor",
            Self::Question => "question",
            Self::Notes => "notes",
            Self::Poll => "poll",
            Self::Guess => "guess",
        }
    }

    /// An older name of the mode under `[keys]`, still read: `[keys.list]`.
    fn alias(self) -> Option<&'static str> {
        (self == Self::Lists).then_some("list")
    }

    /// Whether `[keys.<name>]` is this table.
    fn is_named(self, name: &str) -> bool {
        name == self.mode() || self.alias() == Some(name)
    }

    /// The table's name: `[keys.tour]`.
    pub(super) fn section(self) -> String {
        format!("[keys.{}]", self.mode())
    }

    /// The table's older name, still read: `[tour_keys]` (`[keys]` for the reader).
    pub(super) fn name(self) -> &'static str {
        match self {
            Self::Reader => "[keys]",
            Self::Tour => "[tour_keys]",
            Self::Presenter => "[presenter_keys]",
            Self::Lists => "[list_keys]",
            Self::Editor => "[editor_keys]",
            Self::Line => "[keys.line]",
            Self::Notes => "[keys.notes]",
            Self::Help => "[keys.help]",
            Self::Question => "[keys.question]",
            Self::Poll => "[keys.poll]",
            Self::Guess => "[keys.guess]",
        }
    }

    /// The actions that do something in this table's mode: those of its default table (the
    /// reader's and the tour's: every action of the reading keys, as the tour falls back to
    /// the reader's table and the reader can take any of them).
    pub(super) fn allowed(self) -> Vec<Action> {
        let mut allowed: Vec<Action> = Vec::new();
        let mut add = |action: Action| {
            if !allowed.contains(&action) && action.name().is_some() {
                allowed.push(action);
            }
        };
        match self {
            Self::Reader | Self::Tour => {
                for mode in [Mode::Reader, Mode::Tour] {
                    defaults::table(mode).iter().for_each(|&(_, a)| add(a));
                }
                // Actions no default key names, bindable all the same.
                add(Action::ToggleTour);
                add(Action::FirstStop);
                add(Action::LastStop);
            }
            other => {
                defaults::table(other.input_mode())
                    .iter()
                    .for_each(|&(_, a)| add(a));
            }
        }
        allowed.retain(|a| *a != Action::Suspend);
        allowed
    }
}

/// One table of default bindings with the file's table applied: an action named in the file
/// loses its default keys and gets the file's (in the help, where its first default key was); a
/// key bound to two actions is an error, and so is an action that does nothing in that mode.
pub(super) fn remap(
    keys: &Lines,
    defaults: &[(KeyChord, Action)],
    table: Table,
    label: &str,
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
                SettingsText::UnknownKey {
                    key: &clean_line(key.get_ref()),
                }
                .get(lang),
                Some(SettingsText::KeyNames.get(lang)),
            )
        })?;
        if matches!(table, Table::Editor | Table::Line | Table::Guess)
            && matches!(chord.code, ratatui::crossterm::event::KeyCode::Char(_))
            && !chord.ctrl
            && !chord.alt
        {
            return Err(at(key.span(), SettingsText::EditorKeyTypes.get(lang), None));
        }
        if chord == KeyChord::ctrl('z') {
            return Err(at(key.span(), SettingsText::CtrlZReserved.get(lang), None));
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
            let help = match &closest {
                Some(name) => SettingsText::DidYouMean { name },
                None => SettingsText::EveryActionListed,
            }
            .get(lang);
            at(
                action_name.span(),
                SettingsText::UnknownAction {
                    name: &clean_line(name),
                }
                .get(lang),
                Some(help),
            )
        })?;
        if !allowed.contains(&action) {
            let names: Vec<String> = allowed.iter().filter_map(|a| a.name()).collect();
            let help = SettingsText::TableTakes {
                table: label,
                names: &names.join(", "),
            }
            .get(lang);
            let name = clean_line(action_name.get_ref());
            return Err(at(
                action_name.span(),
                SettingsText::DoesNothing {
                    name: &name,
                    table: label,
                }
                .get(lang),
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
            let help = SettingsText::BindElsewhere {
                action: &other.name().unwrap_or_default(),
                table: label,
            }
            .get(lang);
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

/// The lines a mode's keys are written in, and the table's name as the file writes it:
/// `[keys.<mode>]`, or the older name (`[tour_keys]`, lines directly under `[keys]` for the
/// reader). Both at once is an error: one mode's keys go in one table.
pub(super) fn lines_for<'a>(
    table: Table,
    older: &'a Lines,
    keys: &'a Keys,
    lang: Lang,
    at: &dyn Fn(Range<usize>, String, Option<String>) -> ConfigError,
) -> Result<(&'a Lines, String), ConfigError> {
    let mut named = keys
        .modes
        .iter()
        .filter(|(n, _)| table.is_named(n.get_ref()));
    let Some((name, lines)) = named.next() else {
        return Ok((older, table.name().to_owned()));
    };
    // `[keys.lists]` and `[keys.list]` both, or beside `[list_keys]`: one mode, two tables.
    let alias = table
        .alias()
        .map(|a| format!("[keys.{a}]"))
        .unwrap_or_default();
    let twice = named.next().map(|(n, _)| (n.span(), alias));
    let older_line = older
        .keys()
        .min_by_key(|k| k.span().start)
        .map(|k| (k.span(), table.name().to_owned()));
    let label = if name.get_ref() == table.mode() {
        table.section()
    } else {
        format!("[keys.{}]", name.get_ref())
    };
    if let Some((span, old)) = twice.or(older_line) {
        let new = table.section();
        let mode = table.mode();
        let (message, help) = (
            msg::keys_written_twice(lang, &mode, &new, &old),
            msg::move_to_new_name(lang, &new, &old),
        );
        return Err(at(
            span.start.min(name.span().start)..span.end,
            message,
            Some(help),
        ));
    }
    Ok((lines, label))
}

/// A `[keys.<mode>]` table whose mode glose does not know is an error that lists the modes.
pub(super) fn check_modes(
    keys: &Keys,
    lang: Lang,
    at: &dyn Fn(Range<usize>, String, Option<String>) -> ConfigError,
) -> Result<(), ConfigError> {
    let Some((name, _)) = keys
        .modes
        .iter()
        .find(|(n, _)| !Table::ALL.iter().any(|t| t.is_named(n.get_ref())))
    else {
        return Ok(());
    };
    let modes: Vec<String> = Table::ALL.iter().map(|t| t.section()).collect();
    let shown = clean_line(name.get_ref());
    let (message, help) = (
        msg::no_such_mode(lang, &shown),
        msg::the_key_tables_are(lang, &modes.join(", ")),
    );
    Err(at(name.span(), message, Some(help)))
}

fn key_name(chord: KeyChord) -> String {
    clean_line(&chord.notation())
}

fn conflict(lang: Lang, key: &str, first: Action, second: Action) -> String {
    let (a, b) = (
        first.name().unwrap_or_default(),
        second.name().unwrap_or_default(),
    );
    SettingsText::BoundTwice { key, a: &a, b: &b }.get(lang)
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use ratatui::crossterm::event::KeyCode;

    use crate::config::{Config, ConfigError, parse};
    use crate::i18n::Lang;
    use crate::input::{Action, KeyChord, Mode};

    fn parse_str(text: &str, lang: Lang) -> Result<Config, ConfigError> {
        parse(text, Path::new("config.toml"), lang)
    }

    fn error(text: &str, lang: Lang) -> String {
        parse_str(text, lang).unwrap_err().to_string()
    }

    #[test]
    fn each_mode_has_its_table_under_keys() {
        let config = parse_str(
            "[keys.reader]\n\"ctrl-n\" = \"next_annotation\"\n\
             [keys.tour]\n\"n\" = \"next_stop\"\n\
             [keys.presenter]\n\"x\" = \"blank\"\n\
             [keys.list]\n\"ctrl-j\" = \"list_next\"\n\
             [keys.editor]\n\"f2\" = \"note_save\"\n",
            Lang::En,
        )
        .unwrap();
        let keymap = &config.keymap;
        assert_eq!(
            keymap.action(KeyChord::ctrl('n')),
            Some(Action::NextAnnotation)
        );
        let n = KeyChord::plain(KeyCode::Char('n'));
        assert_eq!(keymap.lookup(Mode::Tour, n), Some(Action::NextStop));
        assert_eq!(keymap.action(n), Some(Action::SearchNext));
        let x = KeyChord::plain(KeyCode::Char('x'));
        assert_eq!(keymap.lookup(Mode::Presenter, x), Some(Action::Blank));
        assert!(
            keymap
                .table(Mode::List)
                .contains(&(KeyChord::ctrl('j'), Action::LineDown)),
            "list_next is the older name of every list's line_down"
        );
        let f2 = KeyChord::plain(KeyCode::F(2));
        assert!(keymap.table(Mode::Editor).contains(&(f2, Action::NoteSave)));
    }

    #[test]
    fn every_mode_of_the_keymap_has_its_table_named_as_the_help_names_it() {
        let config = parse_str(
            "[keys.reader]\n\"f3\" = \"toggle_index\"\n\
             [keys.tour]\n\"f4\" = \"next_stop\"\n\
             [keys.help]\n\"f5\" = \"close\"\n\
             [keys.lists]\n\"f6\" = \"list_open\"\n\
             [keys.line]\n\"f7\" = \"accept\"\n\
             [keys.editor]\n\"f8\" = \"note_save\"\n\
             [keys.question]\n\"j\" = \"yes\"\n\
             [keys.presenter]\n\"f9\" = \"blank\"\n\
             [keys.notes]\n\"f10\" = \"top\"\n\
             [keys.poll]\n\"f11\" = \"digit_1\"\n\
             [keys.guess]\n\"f12\" = \"accept\"\n",
            Lang::En,
        )
        .unwrap();
        let f = |n| KeyChord::plain(KeyCode::F(n));
        let keymap = &config.keymap;
        for (mode, chord, action) in [
            (Mode::Reader, f(3), Action::ToggleIndex),
            (Mode::Tour, f(4), Action::NextStop),
            (Mode::Overlay, f(5), Action::Close),
            (Mode::List, f(6), Action::ListOpen),
            (Mode::Line, f(7), Action::Edit(crate::input::Edit::Confirm)),
            (Mode::Editor, f(8), Action::NoteSave),
            (
                Mode::Confirm,
                KeyChord::plain(KeyCode::Char('j')),
                Action::Yes,
            ),
            (Mode::Presenter, f(9), Action::Blank),
            (Mode::NotesWindow, f(10), Action::Top),
            (Mode::Poll, f(11), Action::Digit(1)),
            (
                Mode::Guess,
                f(12),
                Action::Edit(crate::input::Edit::Confirm),
            ),
        ] {
            assert_eq!(keymap.lookup(mode, chord), Some(action), "{mode:?}");
        }
        // Every mode of the keymap has a table.
        assert_eq!(super::Table::ALL.len(), Mode::ALL.len());
        // The older names: [keys.list] and [list_keys] are [keys.lists].
        let lists = parse_str("[keys.lists]\n\"f6\" = \"list_open\"\n", Lang::En).unwrap();
        for older in ["[keys.list]", "[list_keys]"] {
            let old = parse_str(&format!("{older}\n\"f6\" = \"list_open\"\n"), Lang::En);
            assert_eq!(old.unwrap(), lists, "{older}");
        }
        let message = error(
            "[keys.lists]\n\"f6\" = \"list_open\"\n[keys.list]\n\"f7\" = \"close\"\n",
            Lang::En,
        );
        assert!(
            message.contains("the lists keys are written both in [keys.lists] and in [keys.list]"),
            "{message}"
        );
        let message = error("[keys.list]\n\"/\" = \"blank\"\n", Lang::Fr);
        assert!(
            message.contains("[keys.list]"),
            "errors name the table written: {message}"
        );
    }

    #[test]
    fn the_older_names_are_the_same_tables() {
        let new = parse_str(
            "[keys.reader]\n\"x\" = \"toggle_index\"\n[keys.tour]\n\"n\" = \"next_stop\"\n",
            Lang::En,
        )
        .unwrap();
        let old = parse_str(
            "[keys]\n\"x\" = \"toggle_index\"\n[tour_keys]\n\"n\" = \"next_stop\"\n",
            Lang::En,
        )
        .unwrap();
        assert_eq!(new, old);
        // Lines under [keys] and a mode's table beside them: both read.
        let both = parse_str(
            "[keys]\n\"x\" = \"toggle_index\"\n[keys.tour]\n\"n\" = \"next_stop\"\n",
            Lang::En,
        )
        .unwrap();
        assert_eq!(both, old);
    }

    #[test]
    fn one_mode_is_written_in_one_table() {
        let message = error(
            "[tour_keys]\n\"n\" = \"next_stop\"\n[keys.tour]\n\"m\" = \"prev_stop\"\n",
            Lang::En,
        );
        assert!(
            message.contains("the tour keys are written both in [keys.tour] and in [tour_keys]"),
            "{message}"
        );
        assert!(message.contains("config.toml:2:"), "{message}");
        let message = error(
            "[keys]\n\"x\" = \"quit\"\n[keys.reader]\n\"y\" = \"top\"\n",
            Lang::Fr,
        );
        assert!(
            message.contains("à la fois dans [keys.reader] et dans [keys]"),
            "{message}"
        );
    }

    #[test]
    fn an_unknown_mode_lists_the_tables_and_errors_name_the_table_written() {
        let message = error("[keys.reading]\n\"x\" = \"quit\"\n", Lang::En);
        assert!(
            message.contains("glose has no mode 'reading' for keys"),
            "{message}"
        );
        assert!(
            message.contains(
                "[keys.reader], [keys.tour], [keys.poll], [keys.guess], [keys.help], [keys.lists], \
                 [keys.line], [keys.editor], [keys.question], [keys.presenter], [keys.notes]"
            ),
            "{message}"
        );
        let message = error("[keys.presenter]\n\"/\" = \"search\"\n", Lang::En);
        assert!(
            message.contains("'search' does nothing in [keys.presenter]"),
            "{message}"
        );
        assert!(
            message.contains("[keys.presenter] takes: next_stop"),
            "{message}"
        );
        let message = error("[keys.tour]\n\"x\" = 3\n", Lang::En);
        assert!(
            message.contains("the action of 'x' must be a name in quotes"),
            "{message}"
        );
    }
}

//! Settings: `config.toml` read once at start, before the terminal is taken over.
//!
//! Where: `--config FILE`, else `GLOSE_CONFIG=FILE` (empty: no file at all), else
//! `config.toml` in the platform's config directory (`~/.config/glose/` on Linux), which may be
//! missing. What: theme, interface language, side-pane width, maximum text width, highlight
//! marks, and key bindings (`[keys] "ctrl-n" = "next_annotation"`).
//!
//! Invariants: a `Config` is whole or not at all. Any unknown key, bad value, unknown action or
//! key conflict is a `ConfigError` naming file:line:column with the offending line, and glose
//! does not start. Every string echoed from the file is sanitised.

mod default_file;
mod error;
mod keys;
mod plain;

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use toml::Spanned;

use crate::app::{App, Keymap, Prefs};
use crate::i18n::{Lang, SettingsText};
use crate::layout::screen::{MAX_TEXT_WIDTH, MIN_SIDE_WIDTH};
use crate::text::sanitize::clean_line;
use crate::theme::{Theme, ThemeName};

pub use default_file::default_text;
use error::locate;
pub use error::{ConfigError, Invalid};
use keys::{Table, remap};
use plain::plain_words_check;

/// Bounds of the numeric settings.
const SIDE_WIDTH: Range<u16> = MIN_SIDE_WIDTH..201;
const TEXT_WIDTH: Range<u16> = 20..1001;

/// The file as written (every field optional; unknown fields rejected).
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    theme: Option<ThemeName>,
    language: Option<Lang>,
    side_pane_width: Option<Spanned<u16>>,
    max_text_width: Option<Spanned<u16>>,
    highlight_marks: Option<bool>,
    hyperlinks: Option<bool>,
    #[serde(default)]
    keys: keys::Keys,
    #[serde(default)]
    tour_keys: BTreeMap<Spanned<String>, Spanned<String>>,
    #[serde(default)]
    presenter_keys: BTreeMap<Spanned<String>, Spanned<String>>,
    #[serde(default)]
    list_keys: BTreeMap<Spanned<String>, Spanned<String>>,
    #[serde(default)]
    editor_keys: BTreeMap<Spanned<String>, Spanned<String>>,
}

/// The settings, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// The theme named in the file; `None` leaves it to `NO_COLOR`.
    pub theme: Option<ThemeName>,
    /// The language named in the file; `None` leaves it to the locale.
    pub language: Option<Lang>,
    pub side_pane_width: Option<u16>,
    pub max_text_width: u16,
    pub highlight_marks: bool,
    /// Whether the side pane's addresses and the text's links are terminal hyperlinks (OSC 8),
    /// where the terminal takes them; `GLOSE_HYPERLINKS=0` turns them off too.
    pub hyperlinks: bool,
    /// Every mode's default bindings with the file's `[keys.<mode>]` tables (and their older
    /// names) applied.
    pub keymap: Keymap,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            theme: None,
            language: None,
            side_pane_width: None,
            max_text_width: MAX_TEXT_WIDTH,
            highlight_marks: true,
            hyperlinks: true,
            keymap: Keymap::default(),
        }
    }
}

/// Where the settings come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// A file that must exist (`--config`, `GLOSE_CONFIG`).
    Required(PathBuf),
    /// The platform's default file, used if it exists.
    Optional(PathBuf),
    /// No file (`GLOSE_CONFIG` set empty, or no config directory on this platform).
    None,
}

impl Location {
    /// The file to read: the `--config` flag, else `GLOSE_CONFIG`, else the default path.
    pub fn find(flag: Option<&Path>, env: Option<std::ffi::OsString>) -> Self {
        if let Some(path) = flag {
            return Self::Required(path.to_owned());
        }
        match env {
            Some(value) if value.is_empty() => Self::None,
            Some(value) => Self::Required(PathBuf::from(value)),
            None => default_path().map_or(Self::None, Self::Optional),
        }
    }

    /// The path, if there is one.
    pub fn path(&self) -> Option<&Path> {
        match self {
            Self::Required(path) | Self::Optional(path) => Some(path),
            Self::None => None,
        }
    }
}

/// `config.toml` in the platform's config directory.
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "glose").map(|d| d.config_dir().join("config.toml"))
}

/// Largest settings file read, as for an article's TOML files.
pub const CONFIG_LIMIT_BYTES: u64 = crate::content::TOML_LIMIT_BYTES as u64;

/// Reads the settings from where `location` says (`lang` is for the error messages).
pub fn load(location: &Location, lang: Lang) -> Result<Config, ConfigError> {
    let (path, required) = match location {
        Location::Required(path) => (path, true),
        Location::Optional(path) => (path, false),
        Location::None => return Ok(Config::default()),
    };
    // A regular file within the limit, checked before a byte is read: a named pipe never
    // blocks, a device is refused, a huge file is turned down at once.
    match crate::files::read_regular(path, CONFIG_LIMIT_BYTES) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => parse(&text, path, lang),
            Err(_) => Err(ConfigError::Read {
                path: path.clone(),
                error: crate::files::Refused::Io(SettingsText::NotUtf8.get(lang)),
                lang,
            }),
        },
        Err(crate::files::Refused::Missing) if !required => Ok(Config::default()),
        Err(error) => Err(ConfigError::Read {
            path: path.clone(),
            error,
            lang,
        }),
    }
}

/// Parses and validates a settings file's text; `path` is only for messages.
pub fn parse(text: &str, path: &Path, lang: Lang) -> Result<Config, ConfigError> {
    let at = |span: Range<usize>, message: String, help: Option<String>| {
        ConfigError::Invalid(Box::new(locate(text, path, span, message, help, lang)))
    };
    if let Some((span, message, help)) = plain_words_check(text, lang) {
        return Err(at(span, message, help));
    }
    let raw: RawConfig = toml::from_str(text).map_err(|e| {
        let span = e.span().unwrap_or(0..0);
        at(span, clean_line(e.message().trim()), None)
    })?;
    let mut config = Config {
        theme: raw.theme,
        language: raw.language,
        highlight_marks: raw.highlight_marks.unwrap_or(true),
        hyperlinks: raw.hyperlinks.unwrap_or(true),
        ..Config::default()
    };
    let range_error = |value: &Spanned<u16>, range: &Range<u16>| {
        at(
            value.span(),
            SettingsText::OutOfRange {
                value: *value.get_ref(),
                low: range.start,
                high: range.end - 1,
            }
            .get(lang),
            None,
        )
    };
    if let Some(width) = &raw.side_pane_width {
        if !SIDE_WIDTH.contains(width.get_ref()) {
            return Err(range_error(width, &SIDE_WIDTH));
        }
        config.side_pane_width = Some(*width.get_ref());
    }
    if let Some(width) = &raw.max_text_width {
        if !TEXT_WIDTH.contains(width.get_ref()) {
            return Err(range_error(width, &TEXT_WIDTH));
        }
        config.max_text_width = *width.get_ref();
    }
    let defaults = Keymap::default();
    keys::check_modes(&raw.keys, lang, &at)?;
    let no_older = keys::Lines::new();
    for table in Table::ALL {
        let older = match table {
            Table::Reader => &raw.keys.lines,
            Table::Tour => &raw.tour_keys,
            Table::Presenter => &raw.presenter_keys,
            Table::Lists => &raw.list_keys,
            Table::Editor => &raw.editor_keys,
            Table::Line
            | Table::Notes
            | Table::Help
            | Table::Question
            | Table::Poll
            | Table::Guess => &no_older,
        };
        let (lines, label) = keys::lines_for(table, older, &raw.keys, lang, &at)?;
        let mode = table.input_mode();
        let bindings = remap(lines, defaults.table(mode), table, &label, lang, &at)?;
        config.keymap.set_table(mode, bindings);
    }
    Ok(config)
}

impl Config {
    /// The interface language: `--lang`, else the file's, else the locale's, else (a locale
    /// glose does not speak) the article's `language`, else English. See [`Lang::choose`].
    pub fn lang(&self, flag: Option<Lang>, locale: Option<Lang>, article: Option<&str>) -> Lang {
        Lang::choose(flag, self.language, locale, article)
    }

    /// The theme: `--theme`, else the file's, else monochrome when `NO_COLOR` is set, else the
    /// default. A theme named explicitly wins over `NO_COLOR`, as no-color.org asks of
    /// configuration files and command-line flags.
    pub fn theme(&self, flag: Option<ThemeName>, no_color: bool) -> Theme {
        let name = flag.or(self.theme).unwrap_or(if no_color {
            ThemeName::Monochrome
        } else {
            ThemeName::Default
        });
        Theme::named(name)
    }

    /// Applies the key bindings, the screen settings and the marks to the reader.
    pub fn apply(&self, app: &mut App) {
        app.keymap = self.keymap.clone();
        app.view.marks_hidden = !self.highlight_marks;
        app.hyperlinks = self.hyperlinks;
        app.set_prefs(Prefs {
            side_width: self.side_pane_width,
            max_text_width: self.max_text_width,
        });
    }
}

/// Whether `NO_COLOR` asks for no colour (set and not empty).
pub fn no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Action;
    use crate::app::keymap::KeyChord;
    use crate::input::Mode;

    fn parse_str(text: &str) -> Result<Config, ConfigError> {
        parse(text, Path::new("config.toml"), Lang::En)
    }

    fn error(text: &str) -> String {
        parse_str(text).unwrap_err().to_string()
    }

    #[test]
    fn an_empty_file_is_the_defaults() {
        assert_eq!(parse_str("").unwrap(), Config::default());
    }

    #[test]
    fn every_setting_is_read() {
        let config = parse_str(
            "theme = \"high-contrast\"\nlanguage = \"fr\"\nside_pane_width = 50\n\
             max_text_width = 72\nhighlight_marks = false\n",
        )
        .unwrap();
        assert_eq!(config.theme, Some(ThemeName::HighContrast));
        assert_eq!(config.language, Some(Lang::Fr));
        assert_eq!(config.side_pane_width, Some(50));
        assert_eq!(config.max_text_width, 72);
        assert!(!config.highlight_marks);
    }

    #[test]
    fn an_unknown_setting_names_file_line_column_and_the_line() {
        let message = error("theme = \"default\"\ncolour = \"blue\"\n");
        assert!(message.contains("--> config.toml:2:1"), "{message}");
        assert!(message.contains("unknown field `colour`"), "{message}");
        assert!(message.contains("2 | colour = \"blue\""), "{message}");
        assert!(message.contains("  | ^^^^^^"), "{message}");
    }

    #[test]
    fn a_bad_value_is_pointed_at() {
        let message = error("theme = \"sepia\"\n");
        assert!(message.contains("config.toml:1:9"), "{message}");
        assert!(message.contains("sepia"), "{message}");
        assert!(message.contains("high-contrast"), "{message}");
        let message = error("side_pane_width = 5\n");
        assert!(message.contains("config.toml:1:19"), "{message}");
        assert!(message.contains("between 24 and 200"), "{message}");
        let message = error("max_text_width = \"wide\"\n");
        assert!(message.contains("config.toml:1:18"), "{message}");
        let message = error("language = \"de\"\n");
        assert!(message.contains("fr, en"), "{message}");
        // Plain words for a wrong type, never serde's.
        let message = error("theme = [\"a\", \"b\"]\n");
        assert!(
            message.contains("theme must be one of default"),
            "{message}"
        );
        assert!(!message.contains("wanted exactly"), "{message}");
    }

    #[test]
    fn a_syntax_error_is_located() {
        let message = error("theme = \"default\"\n[keys\n");
        assert!(message.contains("config.toml:2:"), "{message}");
    }

    #[test]
    fn a_remapped_key_replaces_the_actions_defaults_in_place() {
        let config = parse_str("[keys]\n\"ctrl-n\" = \"next_annotation\"\n").unwrap();
        let keymap = &config.keymap;
        assert_eq!(
            keymap.action(KeyChord::ctrl('n')),
            Some(Action::NextAnnotation)
        );
        assert_eq!(
            keymap.action(KeyChord::plain(ratatui::crossterm::event::KeyCode::Tab)),
            None,
            "Tab was moved"
        );
        let rows = keymap.help_rows(Mode::Reader, Lang::En);
        let default_rows = Keymap::default().help_rows(Mode::Reader, Lang::En);
        let at = |rows: &[(String, Action)]| {
            rows.iter()
                .position(|(_, a)| *a == Action::NextAnnotation)
                .unwrap()
        };
        assert_eq!(at(&rows), at(&default_rows), "same place in the help");
        assert_eq!(rows[at(&rows)].0, "Ctrl-n");
    }

    #[test]
    fn several_keys_for_one_action_and_swaps_are_fine() {
        let config =
            parse_str("[keys]\n\"n\" = \"next_annotation\"\n\"tab\" = \"next_annotation\"\n\"ctrl-n\" = \"search_next\"\n")
                .unwrap();
        let keymap = &config.keymap;
        assert_eq!(
            keymap.keys_for(Mode::Reader, Action::NextAnnotation).len(),
            2,
            "n and Tab"
        );
        assert_eq!(
            keymap.keys_for(Mode::Reader, Action::SearchNext),
            vec![KeyChord::ctrl('n')]
        );
    }

    #[test]
    fn conflicts_are_reported_with_what_to_do() {
        let message = error("[keys]\n\"n\" = \"next_annotation\"\n");
        assert!(
            message.contains("key 'n' is bound to both 'search_next' and 'next_annotation'"),
            "{message}"
        );
        assert!(message.contains("config.toml:2:1"), "{message}");
        assert!(
            message.contains("bind 'search_next' to another key"),
            "{message}"
        );

        let message = error("[keys]\n\"ctrl-x\" = \"quit\"\n\"Ctrl-x\" = \"top\"\n");
        assert!(
            message.contains("bound to both 'quit' and 'top'"),
            "{message}"
        );
        assert!(message.contains("config.toml:3:1"), "{message}");
    }

    #[test]
    fn unknown_keys_and_actions_are_explained() {
        let message = error("[keys]\n\"hyper-x\" = \"quit\"\n");
        assert!(message.contains("unknown key 'hyper-x'"), "{message}");
        assert!(message.contains("config.toml:2:1"), "{message}");
        let message = error("[keys]\n\"x\" = \"next_anotation\"\n");
        assert!(
            message.contains("unknown action 'next_anotation'"),
            "{message}"
        );
        assert!(message.contains("config.toml:2:7"), "{message}");
        assert!(
            message.contains("did you mean 'next_annotation'"),
            "{message}"
        );
        let message = error("[keys]\n\"ctrl-z\" = \"quit\"\n");
        assert!(message.contains("reserved"), "{message}");
    }

    #[test]
    fn hostile_text_in_the_file_is_not_echoed_raw() {
        let message = error("[keys]\n\"x\" = \"\\u001b[31mquit\"\n");
        assert!(!message.contains('\u{1b}'), "{message:?}");
        let message = error("\u{1b}[2J = 1\n");
        assert!(!message.contains('\u{1b}'), "{message:?}");
    }

    #[test]
    fn messages_follow_the_language() {
        let message = parse("[keys]\n\"x\" = \"nope\"\n", Path::new("c.toml"), Lang::Fr)
            .unwrap_err()
            .to_string();
        assert!(
            message.starts_with("erreur\u{a0}: action inconnue 'nope'"),
            "{message}"
        );
    }

    /// `name = …` or `"key" = …`: a commented setting or binding of the default file.
    fn is_setting(line: &str) -> bool {
        let name_end = line
            .find(|c: char| !(c.is_ascii_lowercase() || c == '_'))
            .unwrap_or(0);
        let quoted = line.starts_with('"') && line.get(1..).and_then(|r| r.find('"')).is_some();
        let after = if quoted {
            line.get(1..)
                .and_then(|r| r.find('"'))
                .and_then(|i| line.get(i + 2..))
        } else if name_end > 0 {
            line.get(name_end..)
        } else {
            None
        };
        after.is_some_and(|a| a.trim_start().starts_with("= "))
    }

    #[test]
    fn the_default_file_parses_to_the_defaults_commented_or_not() {
        for lang in [Lang::En, Lang::Fr] {
            let text = default_text(lang);
            assert_eq!(parse_str(&text).unwrap(), Config::default(), "{lang:?}");
            // Uncomment every setting and binding: still the defaults.
            let uncommented: String = text
                .lines()
                .map(|l| match l.strip_prefix("# ") {
                    Some(rest) if is_setting(rest) => rest,
                    _ => l,
                })
                .collect::<Vec<_>>()
                .join("\n");
            let config = parse_str(&uncommented).unwrap();
            assert_eq!(config.keymap, Keymap::default(), "{lang:?}");
            assert!(uncommented.contains("\n\"b\"            = \"blank\""));
            assert_eq!(config.theme, Some(ThemeName::Default));
            assert_eq!(config.max_text_width, MAX_TEXT_WIDTH);
            assert!(config.highlight_marks);
        }
    }

    #[test]
    fn locations_follow_flag_then_env_then_default() {
        let flag = Path::new("/tmp/a.toml");
        assert_eq!(
            Location::find(Some(flag), Some("/tmp/b.toml".into())),
            Location::Required(flag.to_owned())
        );
        assert_eq!(
            Location::find(None, Some("/tmp/b.toml".into())),
            Location::Required(PathBuf::from("/tmp/b.toml"))
        );
        assert_eq!(Location::find(None, Some("".into())), Location::None);
        assert!(matches!(
            Location::find(None, None),
            Location::Optional(_) | Location::None
        ));
        let missing = Location::Required(PathBuf::from("/nonexistent/glose.toml"));
        assert!(matches!(
            load(&missing, Lang::En),
            Err(ConfigError::Read { .. })
        ));
        let optional = Location::Optional(PathBuf::from("/nonexistent/glose.toml"));
        assert_eq!(load(&optional, Lang::En).unwrap(), Config::default());
    }

    #[test]
    fn a_remapped_key_works_in_the_reader_and_shows_in_the_help() {
        use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
        let config = parse_str(
            "highlight_marks = false\nmax_text_width = 60\n[keys]\n\"ctrl-n\" = \"next_annotation\"\n\"x\" = \"toggle_index\"\n",
        )
        .unwrap();
        let mut app = App::new(
            crate::app::tests::sample(4),
            Lang::En,
            Theme::named(ThemeName::Monochrome),
            (80, 24),
        );
        config.apply(&mut app);
        assert!(app.view.marks_hidden);
        assert_eq!(app.screen.as_ref().unwrap().pane(0).unwrap().text.width, 60);
        let press = |app: &mut App, code, modifiers| {
            app.handle_event(&Event::Key(KeyEvent::new(code, modifiers)))
        };
        press(&mut app, KeyCode::Tab, KeyModifiers::NONE);
        assert_eq!(app.view.selected, None, "Tab no longer selects");
        press(&mut app, KeyCode::Char('n'), KeyModifiers::CONTROL);
        assert_eq!(app.view.selected, Some(0));
        press(&mut app, KeyCode::Char('x'), KeyModifiers::NONE);
        assert_eq!(app.view.overlay, Some(crate::app::Overlay::Index));
        // The lists have their own table ([keys.list]): there `x` is still delete, which the
        // index has no use for.
        press(&mut app, KeyCode::Char('x'), KeyModifiers::NONE);
        assert_eq!(app.view.notice, Some(crate::i18n::Text::UnknownKey));
        press(&mut app, KeyCode::Esc, KeyModifiers::NONE);
        press(&mut app, KeyCode::Char('i'), KeyModifiers::NONE);
        assert_eq!(app.view.overlay, None, "i is free now");

        // The help screen lists the new keys, and not the old ones, beside the actions.
        let help: Vec<String> = crate::ui::help::lines(&app, 200)
            .iter()
            .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
            .collect();
        let row = |description: &str| {
            help.iter()
                .find(|l| l.contains(description))
                .cloned()
                .unwrap_or_default()
        };
        let next = row(Action::NextAnnotation.describe(Lang::En));
        assert!(next.starts_with("Ctrl-n "), "{next:?}");
        let index = row(Action::ToggleIndex.describe(Lang::En));
        assert!(index.starts_with("x "), "{index:?}");
    }

    #[test]
    fn tour_and_presenter_keys_have_tables_of_their_own() {
        let config =
            parse_str("[tour_keys]\n\"n\" = \"next_stop\"\n[presenter_keys]\n\"x\" = \"blank\"\n")
                .unwrap();
        assert_eq!(
            config.keymap.lookup(
                Mode::Tour,
                KeyChord::plain(ratatui::crossterm::event::KeyCode::Char('n'))
            ),
            Some(Action::NextStop),
            "n goes to the next stop during the tour"
        );
        assert_eq!(
            config
                .keymap
                .action(KeyChord::plain(ratatui::crossterm::event::KeyCode::Char(
                    'n'
                ))),
            Some(Action::SearchNext),
            "and still searches outside it"
        );
        let right = KeyChord::plain(ratatui::crossterm::event::KeyCode::Right);
        assert_eq!(
            config.keymap.lookup(Mode::Tour, right),
            Some(Action::NextPane),
            "next_stop's default keys were moved"
        );
        let x = KeyChord::plain(ratatui::crossterm::event::KeyCode::Char('x'));
        assert_eq!(
            config.keymap.lookup(Mode::Presenter, x),
            Some(Action::Blank)
        );
        let b = KeyChord::plain(ratatui::crossterm::event::KeyCode::Char('b'));
        assert_eq!(config.keymap.lookup(Mode::Presenter, b), None);

        // The presenter takes the configured keys.
        let mut app = App::new(
            crate::content::load_bundled().unwrap().article,
            Lang::En,
            Theme::named(ThemeName::Monochrome),
            (80, 24),
        );
        config.apply(&mut app);
        app.open_presenter(false);
        assert_eq!(app.mode(), Mode::Presenter);
        let press =
            ratatui::crossterm::event::Event::Key(ratatui::crossterm::event::KeyEvent::new(
                ratatui::crossterm::event::KeyCode::Char('x'),
                ratatui::crossterm::event::KeyModifiers::NONE,
            ));
        let _ = app.handle_event(&press);
        assert!(app.presenter.as_ref().unwrap().blanked, "x blanks");
    }

    #[test]
    fn an_action_in_the_wrong_table_is_explained() {
        let message = error("[presenter_keys]\n\"/\" = \"search\"\n");
        assert!(
            message.contains("'search' does nothing in [presenter_keys]"),
            "{message}"
        );
        assert!(message.contains("config.toml:2:7"), "{message}");
        assert!(
            message.contains("[presenter_keys] takes: next_stop"),
            "{message}"
        );
        let message = error("[keys]\n\"x\" = \"blank\"\n");
        assert!(
            message.contains("'blank' does nothing in [keys]"),
            "{message}"
        );
        let message = error("[presenter_keys]\n\"b\" = \"quit\"\n");
        assert!(
            message.contains("key 'b' is bound to both 'blank' and 'quit'"),
            "{message}"
        );
        assert!(message.contains("in [presenter_keys] as well"), "{message}");
    }

    #[test]
    fn theme_precedence_flag_then_file_then_no_color() {
        let mut config = Config::default();
        assert_eq!(config.theme(None, false).name, ThemeName::Default);
        assert_eq!(config.theme(None, true).name, ThemeName::Monochrome);
        config.theme = Some(ThemeName::HighContrast);
        assert_eq!(config.theme(None, true).name, ThemeName::HighContrast);
        assert_eq!(
            config.theme(Some(ThemeName::Default), true).name,
            ThemeName::Default
        );
        assert_eq!(config.lang(None, Some(Lang::Fr), Some("en")), Lang::Fr);
        assert_eq!(config.lang(None, None, Some("fr")), Lang::Fr);
        assert_eq!(config.lang(None, None, None), Lang::En);
        config.language = Some(Lang::En);
        assert_eq!(config.lang(None, Some(Lang::Fr), Some("fr")), Lang::En);
        assert_eq!(config.lang(Some(Lang::Fr), Some(Lang::En), None), Lang::Fr);
    }
}

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

use std::collections::BTreeMap;
use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

use toml::Spanned;

use crate::app::keymap::KeyChord;
use crate::app::{Action, App, Keymap, Prefs};
use crate::i18n::Lang;
use crate::screen::{MAX_TEXT_WIDTH, MIN_SIDE_WIDTH};
use crate::text::sanitize::clean_line;
use crate::theme::{Theme, ThemeName};

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
    keys: BTreeMap<Spanned<String>, Spanned<String>>,
    #[serde(default)]
    tour_keys: BTreeMap<Spanned<String>, Spanned<String>>,
    #[serde(default)]
    presenter_keys: BTreeMap<Spanned<String>, Spanned<String>>,
    #[serde(default)]
    list_keys: BTreeMap<Spanned<String>, Spanned<String>>,
    #[serde(default)]
    editor_keys: BTreeMap<Spanned<String>, Spanned<String>>,
}

/// One of the file's three key tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Table {
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
    fn name(self) -> &'static str {
        match self {
            Self::Reader => "[keys]",
            Self::Tour => "[tour_keys]",
            Self::Presenter => "[presenter_keys]",
            Self::Lists => "[list_keys]",
            Self::Editor => "[editor_keys]",
        }
    }

    /// The actions that do something in this table's mode.
    fn allowed(self) -> Vec<Action> {
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
    /// The reader's default bindings (and the tour's layer) with the file's `[keys]` and
    /// `[tour_keys]` applied.
    pub keymap: Keymap,
    /// The presenter's default bindings with the file's `[presenter_keys]` applied.
    pub presenter_keymap: Keymap,
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
            presenter_keymap: crate::present::keymap(),
        }
    }
}

/// Why the settings could not be used.
#[derive(Debug)]
pub enum ConfigError {
    /// The file named by `--config` or `GLOSE_CONFIG` could not be read.
    Read {
        path: PathBuf,
        error: crate::files::Refused,
        lang: Lang,
    },
    /// Something in the file is wrong, at a place.
    Invalid(Box<Invalid>),
}

/// A mistake in the file, with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invalid {
    pub path: PathBuf,
    /// 1-based.
    pub line: usize,
    /// 1-based, in characters.
    pub column: usize,
    pub message: String,
    /// The offending line (sanitised; around the mistake, at most 200 characters).
    pub source_line: String,
    /// 1-based, in characters of `source_line`: where the underline starts.
    pub caret: usize,
    /// Characters to underline from `column`.
    pub width: usize,
    pub help: Option<String>,
    pub lang: Lang,
}

impl std::error::Error for ConfigError {}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Read { path, error, lang } => write!(
                f,
                "{}'{}'{}",
                lang.pick(
                    "error: cannot read the settings file ",
                    "erreur : impossible de lire le fichier de réglages "
                ),
                clean_line(&path.display().to_string()),
                format_args!("{}{}", lang.colon(), error.describe(*lang)),
            ),
            Self::Invalid(invalid) => invalid.fmt(f),
        }
    }
}

impl fmt::Display for Invalid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lang = self.lang;
        let number = self.line.to_string();
        let gutter = " ".repeat(number.len());
        writeln!(
            f,
            "{}{}{}",
            lang.pick("error", "erreur"),
            lang.colon(),
            self.message
        )?;
        writeln!(
            f,
            "{gutter}--> {}:{}:{}",
            clean_line(&self.path.display().to_string()),
            self.line,
            self.column
        )?;
        writeln!(f, "{gutter} |")?;
        writeln!(f, "{number} | {}", self.source_line)?;
        write!(
            f,
            "{gutter} | {}{}",
            " ".repeat(self.caret.saturating_sub(1)),
            "^".repeat(self.width.max(1))
        )?;
        if let Some(help) = &self.help {
            write!(
                f,
                "\n{gutter} = {}{}{help}",
                lang.pick("help", "aide"),
                lang.colon()
            )?;
        }
        Ok(())
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

/// Longest quote of the file in an error message, in characters.
const SNIPPET_CHARS: usize = 200;

/// `message` on one line, each very long word (a value pasted in) cut, at most
/// `SNIPPET_CHARS` characters in all.
fn short_message(message: &str) -> String {
    let words: Vec<String> = message
        .split_whitespace()
        .map(|word| {
            if word.chars().count() > 60 {
                format!("{}…", word.chars().take(40).collect::<String>())
            } else {
                word.to_owned()
            }
        })
        .collect();
    crate::files::snippet(&words.join(" "), SNIPPET_CHARS)
}

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
                error: crate::files::Refused::Io(
                    lang.pick("it is not UTF-8 text", "ce n’est pas du texte UTF-8")
                        .to_owned(),
                ),
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

/// The first wrong type or value among the top-level settings, in plain words with an example
/// of the right form, before serde would say it in its own words (`wanted exactly 1 element`,
/// `unknown variant`). A syntax error is left to serde's message, which toml writes plainly.
fn plain_words_check(text: &str, lang: Lang) -> Option<(Range<usize>, String, Option<String>)> {
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
                let values = ["default", "high-contrast", "monochrome"];
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
                let wrong = table.iter().find(|(_, v)| !v.get_ref().is_str());
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
            match lang {
                Lang::En => format!(
                    "{} is out of range: between {} and {} columns",
                    value.get_ref(),
                    range.start,
                    range.end - 1
                ),
                Lang::Fr => format!(
                    "{} est hors limites : entre {} et {} colonnes",
                    value.get_ref(),
                    range.start,
                    range.end - 1
                ),
            },
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
    let presenter = crate::present::keymap();
    config.keymap = Keymap {
        bindings: remap(&raw.keys, &defaults.bindings, Table::Reader, lang, &at)?,
        tour: remap(&raw.tour_keys, &defaults.tour, Table::Tour, lang, &at)?,
        list_bindings: remap(
            &raw.list_keys,
            &defaults.list_bindings,
            Table::Lists,
            lang,
            &at,
        )?,
        editor_bindings: remap(
            &raw.editor_keys,
            &defaults.editor_bindings,
            Table::Editor,
            lang,
            &at,
        )?,
        overlay: defaults.overlay.clone(),
        confirm: defaults.confirm.clone(),
    };
    config.presenter_keymap = Keymap {
        bindings: remap(
            &raw.presenter_keys,
            &presenter.bindings,
            Table::Presenter,
            lang,
            &at,
        )?,
        ..Keymap::empty()
    };
    Ok(config)
}

/// One table of default bindings with the file's table applied: an action named in the file
/// loses its default keys and gets the file's (in the help, where its first default key was); a
/// key bound to two actions is an error, and so is an action that does nothing in that mode.
fn remap(
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

/// Turns a byte span of the file into line, column and the offending line.
fn locate(
    text: &str,
    path: &Path,
    span: Range<usize>,
    message: String,
    help: Option<String>,
    lang: Lang,
) -> Invalid {
    let start = span.start.min(text.len());
    let before = text.get(..start).unwrap_or("");
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = before.matches('\n').count() + 1;
    let column = text.get(line_start..start).map_or(0, |s| s.chars().count()) + 1;
    let line_end = text
        .get(line_start..)
        .and_then(|rest| rest.find('\n'))
        .map_or(text.len(), |i| line_start + i);
    let whole_line = clean_line(text.get(line_start..line_end).unwrap_or("").trim_end());
    let width = text
        .get(start..span.end.min(line_end).max(start))
        .map_or(1, |s| s.chars().count());
    // At most `SNIPPET_CHARS` characters of the line, around the mistake.
    let skip = column.saturating_sub(SNIPPET_CHARS / 4 + 1);
    let mut source_line: String = whole_line.chars().skip(skip).take(SNIPPET_CHARS).collect();
    let mut shown_column = column - skip;
    if skip > 0 {
        source_line.insert(0, '…');
        shown_column += 1;
    }
    if whole_line.chars().count() > skip + SNIPPET_CHARS {
        source_line.push('…');
    }
    let room = source_line.chars().count().saturating_sub(shown_column - 1);
    Invalid {
        path: path.to_owned(),
        line,
        column,
        caret: shown_column,
        message: short_message(&message),
        source_line,
        width: width.min(room.max(1)),
        help: help.map(|h| short_message(&h)),
        lang,
    }
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
        app.presenter_keymap = self.presenter_keymap.clone();
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

/// What an action does, for the default file's comments.
fn description(action: Action, lang: Lang) -> String {
    match action {
        Action::FocusPane(n) => match lang {
            Lang::En => format!("go to pane {n}"),
            Lang::Fr => format!("aller au panneau {n}"),
        },
        _ => action.describe(lang).to_owned(),
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
    line(lang.pick(
        "# glose settings. Every setting is optional: a commented line shows the default.",
        "# Réglages de glose. Chaque réglage est facultatif : une ligne en commentaire\n\
         # montre la valeur par défaut.",
    ));
    line(lang.pick(
        "# Read from --config FILE, else GLOSE_CONFIG=FILE, else this platform's config\n\
         # directory:",
        "# Lu depuis --config FICHIER, sinon GLOSE_CONFIG=FICHIER, sinon le dossier de\n\
         # configuration de la plateforme :",
    ));
    if let Some(path) = default_path() {
        line(&format!("#   {}", clean_line(&path.display().to_string())));
    }
    line("");
    line(lang.pick(
        "# Colours: \"default\", \"high-contrast\" or \"monochrome\". With NO_COLOR set in the",
        "# Couleurs : \"default\", \"high-contrast\" ou \"monochrome\". Si NO_COLOR est défini dans",
    ));
    line(lang.pick(
        "# environment glose is monochrome, unless a theme is named here or with --theme.",
        "# l’environnement, glose est monochrome, sauf si un thème est nommé ici ou avec --theme.",
    ));
    line("# theme = \"default\"");
    line("");
    line(lang.pick(
        "# Interface language: \"fr\" or \"en\". Default: from LC_ALL, LC_MESSAGES or LANG; when",
        "# Langue de l’interface : \"fr\" ou \"en\". Par défaut : d’après LC_ALL, LC_MESSAGES ou LANG ;",
    ));
    line(lang.pick(
        "# they name no language glose speaks (C, POSIX, unset…), the article's language, else",
        "# s’ils ne nomment aucune langue que glose parle (C, POSIX, rien…), la langue de l’article,",
    ));
    line(lang.pick(
        "# English. The article and its annotations stay in their own language.",
        "# sinon l’anglais. L’article et ses annotations restent dans leur langue.",
    ));
    line("# language = \"en\"");
    line("");
    line(&match lang {
        Lang::En => format!(
            "# Width of the source pane, in columns, when it is beside the text ({} to {}; the text",
            SIDE_WIDTH.start,
            SIDE_WIDTH.end - 1
        ),
        Lang::Fr => format!(
            "# Largeur du panneau des sources, en colonnes, quand il est à côté du texte ({} à {} ;",
            SIDE_WIDTH.start,
            SIDE_WIDTH.end - 1
        ),
    });
    line(lang.pick(
        "# keeps at least 50). Default: a third of the terminal from 140 columns, two fifths below.",
        "# le texte en garde au moins 50). Par défaut : un tiers du terminal dès 140\n\
         # colonnes, deux cinquièmes en dessous.",
    ));
    line("# side_pane_width = 48");
    line("");
    line(&match lang {
        Lang::En => format!(
            "# Widest line of text, in columns ({} to {}); wider panes centre their text.",
            TEXT_WIDTH.start,
            TEXT_WIDTH.end - 1
        ),
        Lang::Fr => format!(
            "# Ligne de texte la plus large, en colonnes ({} à {}) ; au-delà, le texte est centré.",
            TEXT_WIDTH.start,
            TEXT_WIDTH.end - 1
        ),
    });
    line(&format!("# max_text_width = {MAX_TEXT_WIDTH}"));
    line("");
    line(lang.pick(
        "# Whether annotated words are highlighted when glose starts (the m key toggles them).",
        "# Surligner les mots annotés au démarrage (la touche m les masque ou les affiche).",
    ));
    line("# highlight_marks = true");
    line("");
    line(lang.pick(
        "# Whether addresses and the text's links are clickable (OSC 8) where the terminal can.",
        "# Adresses et liens du texte cliquables (OSC 8) dans les terminaux qui le permettent.",
    ));
    line("# hyperlinks = true");
    line("");
    line(lang.pick(
        "# Key bindings: \"key\" = \"action\". Naming an action here replaces all its default keys",
        "# Touches : \"touche\" = \"action\". Nommer une action ici remplace toutes ses touches par",
    ));
    line(lang.pick(
        "# (bind it several times to keep several). A key bound to two actions is an error.",
        "# défaut (l’associer plusieurs fois pour en garder plusieurs). Une touche\n\
         # associée à deux actions est une erreur.",
    ));
    line(lang.pick(
        "# Keys: j, G, ?, space, tab, shift-tab, enter, esc, backspace, up, down, left, right,",
        "# Noms des touches : j, G, ?, space, tab, shift-tab, enter, esc, backspace, up,\n\
         # down, left, right,",
    ));
    line(lang.pick(
        "# pgup, pgdn, home, end, delete, f1 to f12, with ctrl- or alt- before (ctrl-d).",
        "# pgup, pgdn, home, end, delete, f1 à f12, précédées de ctrl- ou alt- (ctrl-d).",
    ));
    let defaults = Keymap::default();
    let presenter = crate::present::keymap();
    for (table, bindings) in [
        (Table::Reader, &defaults.bindings),
        (Table::Tour, &defaults.tour),
        (Table::Presenter, &presenter.bindings),
        (Table::Lists, &defaults.list_bindings),
        (Table::Editor, &defaults.editor_bindings),
    ] {
        match table {
            Table::Reader => {}
            Table::Tour => {
                line("");
                line(lang.pick(
                    "# While the guided tour is on (t), these keys come first; the others keep\n\
                     # their reading meaning.",
                    "# Pendant la visite guidée (t), ces touches passent d’abord ; les autres\n\
                     # gardent leur sens de lecture.",
                ));
            }
            Table::Presenter => {
                line("");
                line(lang.pick(
                    "# The presenter (p, or glose present) has keys of its own.",
                    "# Le mode présentation (p, ou glose present) a ses propres touches.",
                ));
            }
            Table::Lists => {
                line("");
                line(lang.pick(
                    "# The lists of notes and bookmarks.",
                    "# Les listes de notes et de signets.",
                ));
            }
            Table::Editor => {
                line("");
                line(lang.pick(
                    "# The note editor: only keys that do not type text (ctrl-, alt-, Esc, f1…).",
                    "# L’éditeur de note : seulement des touches qui n’écrivent pas (ctrl-, alt-,\n\
                     # Échap, f1…).",
                ));
            }
        }
        line(table.name());
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
                        description(action, lang)
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
                    line(&format!("{entry} # {}", description(action, lang)));
                } else {
                    line(entry.trim_end());
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let rows = keymap.help_rows(Lang::En);
        let default_rows = Keymap::default().help_rows(Lang::En);
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
            keymap.keys_for(Action::NextAnnotation).len(),
            2,
            "n and Tab"
        );
        assert_eq!(
            keymap.keys_for(Action::SearchNext),
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
            assert_eq!(config.presenter_keymap, crate::present::keymap());
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
        press(&mut app, KeyCode::Char('i'), KeyModifiers::NONE);
        assert_eq!(
            app.view.overlay,
            Some(crate::app::Overlay::Index),
            "i is free now"
        );

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
            config
                .keymap
                .tour_action(KeyChord::plain(ratatui::crossterm::event::KeyCode::Char(
                    'n'
                ))),
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
            config.keymap.tour_action(right),
            Some(Action::NextPane),
            "next_stop's default keys were moved"
        );
        let x = KeyChord::plain(ratatui::crossterm::event::KeyCode::Char('x'));
        assert_eq!(config.presenter_keymap.action(x), Some(Action::Blank));
        let b = KeyChord::plain(ratatui::crossterm::event::KeyCode::Char('b'));
        assert_eq!(config.presenter_keymap.action(b), None);

        // The presenter gets the configured keys when it opens.
        let mut app = App::new(
            crate::content::load_bundled().unwrap().article,
            Lang::En,
            Theme::named(ThemeName::Monochrome),
            (80, 24),
        );
        config.apply(&mut app);
        app.open_presenter(false);
        assert_eq!(
            app.presenter.as_ref().unwrap().keymap.action(x),
            Some(Action::Blank)
        );
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

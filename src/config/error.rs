//! Errors in the settings file: what is wrong, where (file:line:column) and the offending line,
//! as toml's own errors show them.

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

use crate::i18n::{Lang, SettingsText};
use crate::text::sanitize::clean_line;

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
                SettingsText::CannotRead.get(*lang),
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
            SettingsText::Error.get(lang),
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
                SettingsText::Help.get(lang),
                lang.colon()
            )?;
        }
        Ok(())
    }
}

/// Longest quote of the file in an error message, in characters.
const SNIPPET_CHARS: usize = 200;

/// `message` on one line, each very long word (a value pasted in) cut, at most
/// `SNIPPET_CHARS` characters in all.
pub(super) fn short_message(message: &str) -> String {
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

/// Turns a byte span of the file into line, column and the offending line.
pub(super) fn locate(
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

//! Diagnostics: what went wrong in an article's files, where, and what to do about it.
//!
//! A [`Diagnostic`] prints like rustc or toml (`error: …`, `--> file:line:column`, the offending
//! line with a caret, `= help: …`). Positions are 1-based; the column counts chars, not bytes.
//! Every string is sanitised again when printed, so a hostile file cannot reach the terminal
//! through an error message. [`SourceText`] turns byte offsets of a file into such positions.

use crate::i18n::diagnostics as msg;
use std::cell::OnceCell;
use std::fmt;

use unicode_width::UnicodeWidthStr;

use crate::text::sanitize::{clean_block, clean_line};

pub use crate::i18n::diagnostics::{lang, set_lang};

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The article cannot be loaded.
    Error,
    /// The article loads, but something is probably not what its author meant.
    Warning,
}

/// One problem found in an article's files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The file as the user named it (`article/annotations.toml`).
    pub file: String,
    /// 1-based line; 0 when the problem concerns the whole file (a missing file).
    pub line: usize,
    /// 1-based column in chars; 0 when `line` is 0.
    pub column: usize,
    /// Lower-case, values in single quotes, no trailing period.
    pub message: String,
    /// The offending line of the file, as it is (sanitised when printed).
    pub snippet: Option<String>,
    /// What to do about it; may hold several lines.
    pub hint: Option<String>,
    /// The change to `annotations.toml` that mends it, for `glose check --fix`.
    pub fix: Option<Box<Fix>>,
}

/// A change `glose check --fix` makes to one `[[annotation]]` of `annotations.toml`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    /// The 0-based index of the `[[annotation]]` in the file.
    pub entry: usize,
    /// The annotation's id, to say what changed.
    pub id: String,
    /// `quote`, `prefix` or `suffix`.
    pub key: &'static str,
    /// The new value.
    pub value: String,
    /// What the change picks, said after it (`picks text.md:8:7, the first of 2 places`).
    pub note: String,
}

/// Widest snippet printed whole, in columns; longer lines are cut around the caret.
const SNIPPET_WIDTH: usize = 100;

/// Columns kept before the caret when a long line is cut.
const SNIPPET_LEAD: usize = 40;

impl Diagnostic {
    /// An error about a whole file (no position).
    pub fn error(file: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Error,
            file: file.into(),
            line: 0,
            column: 0,
            message: message.into(),
            snippet: None,
            hint: None,
            fix: None,
        }
    }

    /// Adds a hint (`= help: …`).
    #[must_use]
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Adds the change that mends it.
    #[must_use]
    pub fn with_fix(mut self, fix: Fix) -> Self {
        self.fix = Some(Box::new(fix));
        self
    }

    /// Turns this diagnostic into a warning.
    #[must_use]
    pub fn into_warning(mut self) -> Self {
        self.severity = Severity::Warning;
        self
    }

    /// Whether this diagnostic stops the article from loading.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `file:line:column`, or just `file` when there is no position.
    pub fn location(&self) -> String {
        if self.line == 0 {
            clean_line(&self.file)
        } else {
            format!("{}:{}:{}", clean_line(&self.file), self.line, self.column)
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Error => msg::error_label(lang()),
            Severity::Warning => msg::warning_label(lang()),
        };
        let help = msg::help(lang());
        writeln!(f, "{label}{}", clean_line(&self.message))?;
        let gutter = if self.line == 0 {
            1
        } else {
            self.line.to_string().len()
        };
        let pad = " ".repeat(gutter);
        write!(f, "{pad}--> {}", self.location())?;
        if let (Some(snippet), true) = (&self.snippet, self.line > 0) {
            let (shown, caret_col) = window(&clean_line(snippet), self.column);
            write!(f, "\n{pad} |\n{} | {shown}", self.line)?;
            write!(f, "\n{pad} | {}^", " ".repeat(caret_col))?;
        }
        if let Some(hint) = &self.hint {
            let hint = clean_block(hint);
            let mut lines = hint.lines();
            write!(f, "\n{pad} = {help}{}", lines.next().unwrap_or(""))?;
            let indent = " ".repeat(help.chars().count());
            for line in lines {
                write!(f, "\n{pad}   {indent}{line}")?;
            }
        }
        Ok(())
    }
}

/// The part of a (clean, one-line) snippet to show, and the caret's display column in it.
///
/// A line wider than [`SNIPPET_WIDTH`] is cut around `column` with `…` on the cut sides, so a long
/// paragraph of `text.md` does not flood the terminal.
fn window(line: &str, column: usize) -> (String, usize) {
    let line = line.trim_end();
    let chars: Vec<char> = line.chars().collect();
    let caret = column.saturating_sub(1).min(chars.len());
    let (start, end) = if line.width() <= SNIPPET_WIDTH {
        (0, chars.len())
    } else {
        let start = caret.saturating_sub(SNIPPET_LEAD);
        (start, start.saturating_add(SNIPPET_WIDTH).min(chars.len()))
    };
    let mut shown = String::new();
    if start > 0 {
        shown.push('…');
    }
    shown.extend(chars.get(start..caret).unwrap_or_default());
    let caret_col = shown.width();
    shown.extend(chars.get(caret..end).unwrap_or_default());
    if end < chars.len() {
        shown.push('…');
    }
    (shown, caret_col)
}

/// A file's text with the byte offset of each line start, to place diagnostics.
#[derive(Debug, Clone)]
pub struct SourceText<'a> {
    /// The file as the user named it (`article/annotations.toml`).
    pub label: String,
    pub text: &'a str,
    /// Indexed on the first diagnostic: a good file never needs it (for 18 000 annotations it
    /// is 1 MB).
    line_starts: OnceCell<Vec<usize>>,
}

impl<'a> SourceText<'a> {
    /// The content `text` of the file shown as `label`.
    pub fn new(label: impl Into<String>, text: &'a str) -> Self {
        Self {
            label: label.into(),
            text,
            line_starts: OnceCell::new(),
        }
    }

    /// The byte offset of each line start.
    fn line_starts(&self) -> &[usize] {
        self.line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(self.text.match_indices('\n').map(|(i, _)| i + 1))
                .collect()
        })
    }

    /// 1-based (line, column in chars) of a byte offset; offsets past the end give the last
    /// position, and an offset inside a char counts that char.
    pub fn position(&self, byte: usize) -> (usize, usize) {
        let byte = byte.min(self.text.len());
        let line_starts = self.line_starts();
        let line_index = line_starts
            .partition_point(|&s| s <= byte)
            .saturating_sub(1);
        let start = line_starts.get(line_index).copied().unwrap_or(0);
        let column = self.text.get(start..).map_or(0, |rest| {
            rest.char_indices()
                .take_while(|&(i, _)| start + i < byte)
                .count()
        });
        (line_index + 1, column + 1)
    }

    /// The text of a 1-based line, without its line break.
    pub fn line(&self, line: usize) -> &'a str {
        let line_starts = self.line_starts();
        let Some(&start) = line_starts.get(line.saturating_sub(1)) else {
            return "";
        };
        let end = line_starts
            .get(line)
            .map_or(self.text.len(), |&next| next.saturating_sub(1));
        let text = self.text.get(start..end).unwrap_or("");
        text.strip_suffix('\r').unwrap_or(text)
    }

    /// An error at a byte offset, with the offending line as snippet.
    pub fn error_at(&self, byte: usize, message: impl Into<String>) -> Diagnostic {
        let (line, column) = self.position(byte);
        self.error_at_position(line, column, message)
    }

    /// An error at a known 1-based line and column.
    pub fn error_at_position(
        &self,
        line: usize,
        column: usize,
        message: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            file: self.label.clone(),
            line,
            column,
            message: message.into(),
            snippet: Some(self.line(line).to_owned()),
            hint: None,
            fix: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_lines_and_chars_from_one() {
        let src = SourceText::new("a.toml", "ab\nécrit = 1\r\nz");
        assert_eq!(src.position(0), (1, 1));
        assert_eq!(src.position(1), (1, 2));
        assert_eq!(src.position(3), (2, 1));
        // 'é' is two bytes: the byte after it is column 2.
        assert_eq!(src.position(5), (2, 2));
        assert_eq!(src.position(15), (3, 1));
        assert_eq!(src.position(999), (3, 2));
        assert_eq!(src.line(2), "écrit = 1");
        assert_eq!(src.line(3), "z");
        assert_eq!(src.line(4), "");
    }

    #[test]
    fn displays_like_rustc() {
        let src = SourceText::new(
            "article/annotations.toml",
            "\n\n\n\n\n\n\n\n\n\n\nquote = \"430 millions de moderateurs\"\n",
        );
        let diag = src
            .error_at(
                19,
                "quote of annotation 'fig-430-millions' matches nothing in the text",
            )
            .with_hint("the closest text is « 430 millions de modérateurs » (text.md:9:84)");
        assert_eq!(
            diag.to_string(),
            "error: quote of annotation 'fig-430-millions' matches nothing in the text\n  \
             --> article/annotations.toml:12:9\n   |\n12 | quote = \"430 millions de \
             moderateurs\"\n   |         ^\n   = help: the closest text is « 430 millions de \
             modérateurs » (text.md:9:84)"
        );
    }

    #[test]
    fn a_whole_file_diagnostic_has_no_snippet() {
        let diag = Diagnostic::error("x/text.md", "cannot read 'x/text.md': no such file")
            .with_hint("first line\nsecond line");
        let expected = [
            "error: cannot read 'x/text.md': no such file",
            " --> x/text.md",
            "  = help: first line",
            "          second line",
        ];
        assert_eq!(diag.to_string(), expected.join("\n"));
    }

    #[test]
    fn long_lines_are_cut_around_the_caret() {
        let line = format!("{}cible{}", "a".repeat(300), "b".repeat(300));
        let (shown, caret) = window(&line, 301);
        assert!(shown.starts_with('…') && shown.ends_with('…'));
        assert!(shown.chars().count() <= SNIPPET_WIDTH + 2);
        assert_eq!(shown.chars().nth(caret), Some('c'));
    }

    #[test]
    fn the_caret_accounts_for_wide_chars() {
        let (shown, caret) = window("日本 = x", 6);
        assert_eq!(shown, "日本 = x");
        assert_eq!(caret, 7);
    }

    #[test]
    fn printing_never_lets_an_escape_through() {
        let diag = Diagnostic {
            severity: Severity::Warning,
            file: "a\x1b[2J.toml".into(),
            line: 1,
            column: 1,
            message: "bad \x1b]0;title\x07".into(),
            snippet: Some("\x1b[31mred".into()),
            hint: Some("\x1bc".into()),
            fix: None,
        };
        assert!(!diag.to_string().contains('\x1b'));
    }
}

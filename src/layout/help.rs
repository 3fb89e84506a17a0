//! The `?` help and the draft's problems (`!`) as lines at a width, so their height is exact:
//! `update` stops scrolling them at `max_scroll`, `ui` draws the same lines.
//!
//! The help's content is data ([`HelpDoc`]): the state writes it from its key tables (every
//! key of the current mode, so it always tells the truth), and this module wraps it —
//! descriptions with a hanging indent under their column.

use crate::i18n::screen as msg;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::content::Diagnostic;
use crate::i18n::Lang;
use crate::layout::lines::{hanging, wrap_text};
use crate::layout::popup;
use crate::text::wrap::str_width;
use crate::theme::Theme;

/// The help's content, in order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HelpDoc {
    /// Width of the keys column: the widest keys of the reader's own rows.
    pub key_width: usize,
    pub blocks: Vec<HelpBlock>,
}

/// A piece of the help.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpBlock {
    Blank,
    /// A heading ("Guided tour", "In the lists").
    Title(String),
    /// Rows of keys, then what they do.
    Keys(Vec<(String, String)>),
    /// A paragraph of plain text.
    Prose(String),
    /// "Title: text", continuation rows under the text.
    Titled(String, String),
    /// The last line, dimmed ("any other key closes this help").
    Closing(String),
}

/// The help's lines at `width` cells.
pub fn lines(doc: &HelpDoc, lang: Lang, theme: &Theme, width: usize) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    for block in &doc.blocks {
        match block {
            HelpBlock::Blank => out.push(Line::default()),
            HelpBlock::Title(title) => {
                out.push(Line::from(Span::styled(title.clone(), theme.label)));
            }
            HelpBlock::Keys(rows) => {
                for (keys, what) in rows {
                    let pad = " ".repeat(doc.key_width.saturating_sub(str_width(keys)) + 2);
                    let first = vec![Span::styled(keys.clone(), theme.key), Span::raw(pad)];
                    out.extend(hanging(first, what, width, Style::new()));
                }
            }
            HelpBlock::Prose(text) => out.extend(hanging(Vec::new(), text, width, Style::new())),
            HelpBlock::Titled(title, text) => {
                let first = vec![Span::styled(
                    format!("{title}{}", lang.colon()),
                    theme.label,
                )];
                out.extend(hanging(first, text, width, Style::new()));
            }
            HelpBlock::Closing(text) => {
                out.push(Line::from(Span::styled(text.clone(), theme.dim)));
            }
        }
    }
    out
}

/// How the help scrolls in a screen of `size`: (rows shown at once, last useful position).
pub fn extent(doc: &HelpDoc, lang: Lang, size: (u16, u16)) -> (usize, usize) {
    let rows = lines(doc, lang, &Theme::default(), popup::help_text_width(size.0)).len();
    (
        popup::help_rows_shown(size, rows),
        popup::help_max_scroll(size, rows),
    )
}

/// The problems overlay's rows at `width`: each diagnostic as `glose check` prints it.
pub fn problem_lines(
    problems: &[Diagnostic],
    lang: Lang,
    theme: &Theme,
    width: usize,
) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    if problems.is_empty() {
        let none = msg::no_problem_glose_check_finds(lang);
        out.extend(wrap_text(none, width, theme.text, false));
        return out;
    }
    for (i, problem) in problems.iter().enumerate() {
        if i > 0 {
            out.push(Line::default());
        }
        let style = if problem.is_error() {
            theme.misreported
        } else {
            theme.imprecise
        };
        for (n, row) in problem.to_string().lines().enumerate() {
            let row_style = if n == 0 { style } else { theme.text };
            // As printed (the caret lines up with its column) when the row fits, else wrapped.
            if str_width(row) <= width {
                out.push(Line::from(Span::styled(row.to_owned(), row_style)));
            } else {
                out.extend(wrap_text(row, width, row_style, false));
            }
        }
    }
    out
}

/// How the problems overlay scrolls in a screen of `size`: (rows shown, last useful position).
pub fn problems_extent(problems: &[Diagnostic], lang: Lang, size: (u16, u16)) -> (usize, usize) {
    let width = popup::help_text_width(size.0);
    let rows = problem_lines(problems, lang, &Theme::default(), width).len();
    (
        popup::help_rows_shown(size, rows),
        popup::help_max_scroll(size, rows),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn descriptions_hang_under_their_column_and_the_height_is_exact() {
        let doc = HelpDoc {
            key_width: 5,
            blocks: vec![
                HelpBlock::Title("Keys".into()),
                HelpBlock::Keys(vec![
                    ("j ↓".into(), "scroll down one line".into()),
                    (
                        "Space".into(),
                        "one page down, then another one after it".into(),
                    ),
                ]),
                HelpBlock::Blank,
                HelpBlock::Closing("any other key closes this help".into()),
            ],
        };
        let text: Vec<String> = lines(&doc, Lang::En, &Theme::default(), 30)
            .iter()
            .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
            .collect();
        assert_eq!(
            text,
            [
                "Keys",
                "j ↓    scroll down one line",
                "Space  one page down, then",
                "       another one after it",
                "",
                "any other key closes this help",
            ]
        );
        // 80 columns: 72 for the text; 10 rows: 6 lines fit, 200 rows do not.
        assert_eq!(extent(&doc, Lang::En, (80, 10)).1, 0);
        let long = HelpDoc {
            blocks: vec![HelpBlock::Blank; 200],
            ..doc
        };
        assert_eq!(extent(&long, Lang::En, (80, 10)), (6, 200 - 6));
    }
}

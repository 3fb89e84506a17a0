//! Text as lines at a width, wrapped with the article's own engine so that their count is
//! exact: what `update` clamps a scroll position with is what `ui` draws.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::text::wrap::{str_width, wrap};

/// Wraps plain text (paragraphs separated by `\n`) into owned lines with one style, using the
/// same engine as the article, so heights are exact and no-break spaces hold.
pub fn wrap_text(text: &str, width: usize, style: Style, french: bool) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        if paragraph.trim().is_empty() {
            lines.push(Line::default());
            continue;
        }
        for row in wrap(paragraph, width, french) {
            let piece = paragraph.get(row.range).unwrap_or("").to_owned();
            lines.push(Line::from(Span::styled(piece, style)));
        }
    }
    lines
}

/// Pads or cuts `text` to exactly `width` cells (for one-line bars).
pub fn fit(text: &str, width: usize) -> String {
    let (cut, used) = crate::text::wrap::truncate(text, width);
    let mut out = cut.to_owned();
    if used < str_width(text) && width > 0 {
        // Leave room for an ellipsis.
        let (shorter, used) = crate::text::wrap::truncate(text, width.saturating_sub(1));
        out = format!("{shorter}…");
        out.push_str(&" ".repeat(width.saturating_sub(used + 1)));
        return out;
    }
    out.push_str(&" ".repeat(width.saturating_sub(used)));
    out
}

/// `text` wrapped at `width` after `first`, continuation rows indented to line up with it.
pub fn hanging(
    first: Vec<Span<'static>>,
    text: &str,
    width: usize,
    style: Style,
) -> Vec<Line<'static>> {
    let indent: usize = first.iter().map(|s| str_width(&s.content)).sum();
    let room = width.saturating_sub(indent).max(10);
    let mut out = Vec::new();
    let mut first = Some(first);
    for row in wrap(text, room, false) {
        let piece = text.get(row.range).unwrap_or("").to_owned();
        let mut spans = first
            .take()
            .unwrap_or_else(|| vec![Span::raw(" ".repeat(indent))]);
        spans.push(Span::styled(piece, style));
        out.push(Line::from(spans));
    }
    if let Some(first) = first {
        out.push(Line::from(first));
    }
    out
}

/// A blank line, then a section's title.
pub fn section(out: &mut Vec<Line<'static>>, title: &str, style: Style) {
    out.push(Line::default());
    out.push(Line::from(Span::styled(title.to_owned(), style)));
}

//! Grapheme-aware, French-aware wrapping (temporary simple version; replaced by the wrap work).

use std::ops::Range;

use ratatui::buffer::CellWidth;
use unicode_segmentation::UnicodeSegmentation;

/// One wrapped row: a byte range into the wrapped text and its display width in cells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub range: Range<usize>,
    pub width: u16,
}

/// Display width of one grapheme cluster as ratatui's buffer advances for it.
pub fn grapheme_width(g: &str) -> u16 {
    if g.chars().any(char::is_control) {
        1
    } else {
        g.cell_width()
    }
}

/// Display width of a string (sum of grapheme widths).
pub fn str_width(s: &str) -> usize {
    s.graphemes(true)
        .map(|g| usize::from(grapheme_width(g)))
        .sum()
}

/// Truncates `s` to at most `width` cells on a grapheme boundary.
pub fn truncate(s: &str, width: usize) -> (&str, usize) {
    let mut w = 0;
    for (i, g) in s.grapheme_indices(true) {
        let gw = usize::from(grapheme_width(g));
        if w + gw > width {
            return (s.get(..i).unwrap_or(""), w);
        }
        w += gw;
    }
    (s, w)
}

/// Wraps one paragraph to `width` cells.
pub fn wrap(text: &str, width: usize, _french: bool) -> Vec<Row> {
    let width = width.max(1);
    let mut rows = Vec::new();
    let mut start: Option<usize> = None;
    let mut end = 0;
    let mut w = 0usize;
    for (i, word) in text.split_word_bound_indices() {
        if word.trim().is_empty() {
            continue;
        }
        let ww = str_width(word);
        let space = usize::from(start.is_some());
        if start.is_some() && w + space + ww > width {
            rows.push(Row {
                range: start.unwrap_or(0)..end,
                width: w as u16,
            });
            start = None;
        }
        if start.is_none() {
            start = Some(i);
            w = ww;
        } else {
            w = str_width(text.get(start.unwrap_or(0)..i + word.len()).unwrap_or(""));
        }
        end = i + word.len();
    }
    if let Some(s) = start {
        rows.push(Row {
            range: s..end,
            width: w as u16,
        });
    }
    rows
}

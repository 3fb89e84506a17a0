//! The one grapheme cursor: where a text cursor may stand and where the moves and deletions
//! of `input::Edit` take it, for the search line, a list's filter and the note editor alike.
//!
//! Invariant: every function takes and returns byte offsets on grapheme-cluster boundaries of
//! `text` (UAX #29, extended clusters), so a combining accent, a flag or a family emoji is
//! never split. An offset past the end is read as the end.

use unicode_segmentation::{GraphemeCursor, UnicodeSegmentation};

/// The boundary before `at` (0 at the start).
#[must_use]
pub fn prev_boundary(text: &str, at: usize) -> usize {
    let mut cursor = GraphemeCursor::new(at.min(text.len()), text.len(), true);
    cursor.prev_boundary(text, 0).ok().flatten().unwrap_or(0)
}

/// The boundary after `at` (the end at the end).
#[must_use]
pub fn next_boundary(text: &str, at: usize) -> usize {
    let mut cursor = GraphemeCursor::new(at.min(text.len()), text.len(), true);
    cursor
        .next_boundary(text, 0)
        .ok()
        .flatten()
        .unwrap_or(text.len())
}

/// `at` if it is a boundary, else the next one (after an insertion that joined a cluster).
#[must_use]
pub fn snap_forward(text: &str, at: usize) -> usize {
    let at = at.min(text.len());
    let mut cursor = GraphemeCursor::new(at, text.len(), true);
    if cursor.is_boundary(text, 0).unwrap_or(true) {
        at
    } else {
        next_boundary(text, at)
    }
}

/// The start of the word before `at` (a word holds a letter or a digit; `l’esprit` is one).
#[must_use]
pub fn word_left(text: &str, at: usize) -> usize {
    text.split_word_bound_indices()
        .rev()
        .find(|(i, w)| *i < at && w.chars().any(char::is_alphanumeric))
        .map_or(0, |(i, _)| i)
}

/// The end of the word after `at`.
#[must_use]
pub fn word_right(text: &str, at: usize) -> usize {
    text.split_word_bound_indices()
        .map(|(i, w)| (i + w.len(), w))
        .find(|(end, w)| *end > at && w.chars().any(char::is_alphanumeric))
        .map_or(text.len(), |(end, _)| end)
}

/// The start of the line `at` is on (after the `\n` before it).
#[must_use]
pub fn line_start(text: &str, at: usize) -> usize {
    text.get(..at.min(text.len()))
        .and_then(|before| before.rfind('\n'))
        .map_or(0, |i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moves_never_split_a_cluster() {
        // e + combining acute, a family emoji (one grapheme of 7 chars), a flag.
        let text = "e\u{301}👨‍👩‍👧🇫🇷";
        let after_e = "e\u{301}".len();
        assert_eq!(next_boundary(text, 0), after_e);
        assert_eq!(prev_boundary(text, text.len()), text.len() - "🇫🇷".len());
        assert_eq!(snap_forward(text, 1), after_e);
        assert_eq!(prev_boundary(text, 0), 0);
        assert_eq!(next_boundary(text, text.len()), text.len());
    }

    #[test]
    fn words_and_lines() {
        let text = "l’esprit critique\nenfin";
        assert_eq!(word_left(text, "l’esprit crit".len()), "l’esprit ".len());
        assert_eq!(word_left(text, "l’esprit ".len()), 0, "one word (UAX #29)");
        assert_eq!(word_right(text, 0), "l’esprit".len());
        assert_eq!(line_start(text, text.len()), "l’esprit critique\n".len());
        assert_eq!(line_start(text, 3), 0);
    }
}

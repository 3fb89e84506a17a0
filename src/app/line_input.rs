//! A one-line text input (the search line, the filter of a list): the text, a cursor, and the
//! edits a key can make.
//!
//! Invariants: `cursor` is a byte offset of `text` on a grapheme boundary; the text is always
//! clean (`text::sanitize::is_clean`: no control character, no bidi control, no over-long
//! cluster of combining marks), as keys only insert what keeps it so. Which key makes which `Edit` is
//! `Edit::from_key`; the owner of the input decides what `Confirm`, `Cancel` and the moves out
//! of the line (`Up`, `Down`…) mean.

use unicode_segmentation::UnicodeSegmentation;

use crate::text::sanitize::is_clean;
use crate::text::wrap::{str_width, truncate};

pub use crate::input::Edit;

/// The text being typed and where the cursor is.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LineInput {
    text: String,
    /// Byte offset into `text`, on a grapheme boundary.
    cursor: usize,
}

/// Longest input kept, in bytes: a search line, not a document.
const MAX_BYTES: usize = 1024;

impl LineInput {
    /// An input holding `text`, the cursor at its end.
    pub fn with_text(text: &str) -> Self {
        // As if typed: what typing would refuse is left out.
        let mut input = Self::default();
        for c in text.chars() {
            input.apply(Edit::Insert(c));
        }
        input
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// The cursor as a byte offset into `text`.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// Applies an editing edit; returns whether the text changed. Edits that are not about the
    /// text (`Confirm`, `Cancel`, `Up`…) change nothing here.
    pub fn apply(&mut self, edit: Edit) -> bool {
        match edit {
            Edit::Insert(c) => {
                if c.is_control() || self.text.len() + c.len_utf8() > MAX_BYTES {
                    return false;
                }
                // Nothing typed may make the text unclean: no bidi control or separator, no
                // cluster of combining marks past the sanitiser's cap.
                let mut text = self.text.clone();
                text.insert(self.cursor, c);
                if !is_clean(&text) {
                    return false;
                }
                self.text = text;
                self.cursor += c.len_utf8();
                // A combining mark joins the grapheme before it: keep the cursor on a boundary.
                self.cursor = self.boundary_at_or_after(self.cursor);
                true
            }
            Edit::Backspace => {
                let start = self.previous_boundary();
                self.remove(start..self.cursor)
            }
            Edit::Delete => {
                let end = self.next_boundary();
                self.remove(self.cursor..end)
            }
            Edit::DeleteWord => {
                let before = self.text.get(..self.cursor).unwrap_or("");
                let trimmed = before.trim_end();
                let start = trimmed
                    .unicode_word_indices()
                    .next_back()
                    .map_or(0, |(i, _)| i)
                    .min(trimmed.len());
                self.remove(start..self.cursor)
            }
            Edit::Clear => {
                let changed = !self.text.is_empty();
                self.text.clear();
                self.cursor = 0;
                changed
            }
            Edit::Left => {
                self.cursor = self.previous_boundary();
                false
            }
            Edit::Right => {
                self.cursor = self.next_boundary();
                false
            }
            Edit::Home => {
                self.cursor = 0;
                false
            }
            Edit::End => {
                self.cursor = self.text.len();
                false
            }
            Edit::Confirm
            | Edit::Cancel
            | Edit::Up
            | Edit::Down
            | Edit::PageUp
            | Edit::PageDown
            | Edit::Next
            | Edit::Prev => false,
        }
    }

    fn remove(&mut self, range: std::ops::Range<usize>) -> bool {
        if range.start >= range.end || self.text.get(range.clone()).is_none() {
            return false;
        }
        self.text.replace_range(range.clone(), "");
        self.cursor = range.start;
        true
    }

    fn previous_boundary(&self) -> usize {
        self.text
            .get(..self.cursor)
            .and_then(|before| before.grapheme_indices(true).next_back())
            .map_or(0, |(i, _)| i)
    }

    fn next_boundary(&self) -> usize {
        self.text
            .get(self.cursor..)
            .and_then(|after| after.graphemes(true).next())
            .map_or(self.cursor, |g| self.cursor + g.len())
    }

    fn boundary_at_or_after(&self, byte: usize) -> usize {
        self.text
            .grapheme_indices(true)
            .map(|(i, _)| i)
            .chain(std::iter::once(self.text.len()))
            .find(|&i| i >= byte)
            .unwrap_or(self.text.len())
    }

    /// What to draw in `width` cells: the visible slice of the text and the cursor's column in
    /// it. The view scrolls so that the cursor is always inside.
    pub fn view(&self, width: usize) -> (&str, usize) {
        let width = width.max(1);
        let before = self.text.get(..self.cursor).unwrap_or("");
        let cursor_col = str_width(before);
        // Keep one cell for the cursor itself.
        let mut start = 0;
        if cursor_col >= width {
            let excess = cursor_col + 1 - width;
            let mut skipped = 0;
            for (i, g) in before.grapheme_indices(true) {
                if skipped >= excess {
                    start = i;
                    break;
                }
                skipped += str_width(g);
                start = i + g.len();
            }
        }
        let shown = self.text.get(start..).unwrap_or("");
        let (shown, _) = truncate(shown, width);
        let col = str_width(self.text.get(start..self.cursor).unwrap_or(""));
        (shown, col)
    }
}

#[cfg(test)]
mod tests {
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers};

    use super::*;

    fn typed(s: &str) -> LineInput {
        let mut input = LineInput::default();
        for c in s.chars() {
            input.apply(Edit::Insert(c));
        }
        input
    }

    #[test]
    fn typing_moving_and_deleting_work_on_graphemes() {
        let mut input = typed("état");
        assert_eq!(input.text(), "état");
        input.apply(Edit::Left);
        input.apply(Edit::Left);
        input.apply(Edit::Left);
        input.apply(Edit::Backspace);
        assert_eq!(input.text(), "tat");
        assert_eq!(input.cursor(), 0);
        input.apply(Edit::Insert('e'));
        input.apply(Edit::Insert('\u{301}'));
        assert_eq!(input.text(), "e\u{301}tat");
        assert_eq!(input.cursor(), 3, "after the whole grapheme");
        input.apply(Edit::Left);
        assert_eq!(input.cursor(), 0);
        input.apply(Edit::Delete);
        assert_eq!(input.text(), "tat");
        input.apply(Edit::End);
        input.apply(Edit::Backspace);
        assert_eq!(input.text(), "ta");
        assert!(input.apply(Edit::Clear));
        assert!(input.is_empty());
        assert!(!input.apply(Edit::Backspace), "nothing to delete");
    }

    #[test]
    fn ctrl_w_deletes_the_previous_word() {
        let mut input = typed("main d’œuvre  ");
        input.apply(Edit::DeleteWord);
        assert_eq!(input.text(), "main ");
        input.apply(Edit::DeleteWord);
        assert_eq!(input.text(), "");
    }

    #[test]
    fn bidi_controls_and_endless_accents_are_never_inserted() {
        let mut input = typed("abc");
        for c in ['\u{202e}', '\u{2066}', '\u{200f}', '\u{2028}'] {
            assert!(!input.apply(Edit::Insert(c)), "{c:?}");
        }
        let mut input = typed("a");
        for _ in 0..100 {
            input.apply(Edit::Insert('\u{301}'));
        }
        assert_eq!(
            input.text().chars().count(),
            crate::text::sanitize::MAX_GRAPHEME_CHARS
        );
        assert!(is_clean(input.text()));
        assert_eq!(input.cursor(), input.text().len());
    }

    #[test]
    fn controls_are_never_inserted() {
        let mut input = LineInput::default();
        assert!(!input.apply(Edit::Insert('\u{1b}')));
        assert_eq!(LineInput::with_text("a\u{1b}[0m").text(), "a[0m");
    }

    #[test]
    fn keys_map_to_edits_readline_style() {
        let key = |code, modifiers| KeyEvent {
            code,
            modifiers,
            kind: KeyEventKind::Press,
            state: KeyEventState::NONE,
        };
        let none = KeyModifiers::NONE;
        let ctrl = KeyModifiers::CONTROL;
        assert_eq!(
            Edit::from_key(key(KeyCode::Char('é'), none)),
            Some(Edit::Insert('é'))
        );
        assert_eq!(
            Edit::from_key(key(KeyCode::Char('É'), KeyModifiers::SHIFT)),
            Some(Edit::Insert('É'))
        );
        assert_eq!(
            Edit::from_key(key(KeyCode::Char('u'), ctrl)),
            Some(Edit::Clear)
        );
        assert_eq!(Edit::from_key(key(KeyCode::Esc, none)), Some(Edit::Cancel));
        assert_eq!(
            Edit::from_key(key(KeyCode::Enter, none)),
            Some(Edit::Confirm)
        );
        assert_eq!(Edit::from_key(key(KeyCode::Char('x'), ctrl)), None);
    }

    #[test]
    fn the_view_scrolls_to_keep_the_cursor_visible() {
        let input = typed("abcdefghij");
        let (shown, col) = input.view(5);
        assert_eq!((shown, col), ("ghij", 4));
        let mut input = input;
        input.apply(Edit::Home);
        assert_eq!(input.view(5), ("abcde", 0));
        let wide = typed("日本語日本語");
        let (shown, col) = wide.view(6);
        assert!(str_width(shown) <= 6);
        assert!(col < 6);
    }
}

//! A one-line text input (the search line, the filter of a list): the text, a cursor, and the
//! edits a key can make.
//!
//! Invariants: `cursor` is a byte offset of `text` on a grapheme boundary; the text is always
//! clean (`text::sanitize::is_clean`: no control character, no bidi control, no over-long
//! cluster of combining marks), as keys only insert what keeps it so. Which key makes which `Edit` is
//! the keymap's `Line` table; the moves are `text::cursor`'s (the editor's too). The owner of the input decides what `Confirm`, `Cancel` and the moves out
//! of the line (`Up`, `Down`…) mean.

use unicode_segmentation::UnicodeSegmentation;

use crate::text::cursor;
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
                self.cursor = cursor::snap_forward(&self.text, self.cursor);
                true
            }
            Edit::Backspace => {
                let start = cursor::prev_boundary(&self.text, self.cursor);
                self.remove(start..self.cursor)
            }
            Edit::Delete => {
                let end = cursor::next_boundary(&self.text, self.cursor);
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
            Edit::Clear => self.remove(0..self.cursor),
            Edit::Left => {
                self.cursor = cursor::prev_boundary(&self.text, self.cursor);
                false
            }
            Edit::Right => {
                self.cursor = cursor::next_boundary(&self.text, self.cursor);
                false
            }
            Edit::WordLeft => {
                self.cursor = cursor::word_left(&self.text, self.cursor);
                false
            }
            Edit::WordRight => {
                self.cursor = cursor::word_right(&self.text, self.cursor);
                false
            }
            Edit::Home | Edit::TextStart => {
                self.cursor = 0;
                false
            }
            Edit::End | Edit::TextEnd => {
                self.cursor = self.text.len();
                false
            }
            // One line: a line break is not typed.
            Edit::Newline
            | Edit::Confirm
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
    fn keys_map_to_edits_readline_style_through_the_line_table() {
        use crate::input::{Action, KeyChord, Keymap, Mode};
        let keymap = Keymap::default();
        let key = |code, modifiers| {
            let event = KeyEvent {
                code,
                modifiers,
                kind: KeyEventKind::Press,
                state: KeyEventState::NONE,
            };
            KeyChord::from_event(event).and_then(|chord| keymap.lookup(Mode::Line, chord))
        };
        let none = KeyModifiers::NONE;
        let ctrl = KeyModifiers::CONTROL;
        let edit = |e| Some(Action::Edit(e));
        assert_eq!(key(KeyCode::Char('é'), none), edit(Edit::Insert('é')));
        assert_eq!(
            key(KeyCode::Char('É'), KeyModifiers::SHIFT),
            edit(Edit::Insert('É'))
        );
        assert_eq!(key(KeyCode::Char('q'), none), edit(Edit::Insert('q')));
        assert_eq!(key(KeyCode::Char('u'), ctrl), edit(Edit::Clear));
        assert_eq!(key(KeyCode::Left, ctrl), edit(Edit::WordLeft));
        assert_eq!(key(KeyCode::Esc, none), edit(Edit::Cancel));
        assert_eq!(key(KeyCode::Enter, none), edit(Edit::Confirm));
        assert_eq!(key(KeyCode::Char('x'), ctrl), None);
        assert_eq!(key(KeyCode::Char('x'), KeyModifiers::ALT), None);
        // AltGr (Ctrl+Alt on some systems) types.
        assert_eq!(
            key(KeyCode::Char('@'), ctrl | KeyModifiers::ALT),
            edit(Edit::Insert('@'))
        );
    }

    #[test]
    fn ctrl_u_deletes_back_to_the_start_and_words_move_by_word() {
        let mut input = typed("main d’œuvre");
        input.apply(Edit::WordLeft);
        assert_eq!(&input.text()[input.cursor()..], "d’œuvre");
        input.apply(Edit::Clear);
        assert_eq!(input.text(), "d’œuvre");
        input.apply(Edit::WordRight);
        assert_eq!(input.cursor(), input.text().len());
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

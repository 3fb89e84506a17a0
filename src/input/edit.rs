//! The edits a key asks of a text being typed: the search line, a list's filter (one line),
//! and the note editor (many). Which key makes which edit is the `Line` and `Editor` tables
//! of the keymap (`defaults`); the text's owner decides what `Confirm`, `Cancel` and the moves
//! out of a line (`Up`, `Next`…) mean, and the grapheme cursor (`text::cursor`) what the
//! moves and deletions do.

use crate::i18n::Lang;
use crate::i18n::actions as msg;

/// One edit of a text input, as a key asks for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Edit {
    /// A typed character.
    Insert(char),
    /// A line break (the editor).
    Newline,
    /// Delete the grapheme before the cursor.
    Backspace,
    /// Delete the grapheme under the cursor.
    Delete,
    /// Delete the word before the cursor (Ctrl-W).
    DeleteWord,
    /// Delete from the start of the line to the cursor (Ctrl-U).
    Clear,
    Left,
    Right,
    WordLeft,
    WordRight,
    /// Start of the (visual) line.
    Home,
    /// End of the (visual) line.
    End,
    /// Start of the whole text.
    TextStart,
    /// End of the whole text.
    TextEnd,
    /// Up a row (the editor), or the entry above (a list under its filter).
    Up,
    /// Down a row, or the entry below.
    Down,
    /// A page of a list under its filter.
    PageUp,
    PageDown,
    /// The next or previous kind of a list under its filter (Tab, Shift-Tab).
    Next,
    Prev,
    /// Enter on a line: search, or keep the filter.
    Confirm,
    /// Esc on a line: leave it.
    Cancel,
}

impl Edit {
    /// Every edit a key can be bound to, in help order (`Insert` is every character no key
    /// names).
    pub const BINDABLE: [Self; 21] = [
        Self::Confirm,
        Self::Cancel,
        Self::Newline,
        Self::Backspace,
        Self::Delete,
        Self::DeleteWord,
        Self::Clear,
        Self::Left,
        Self::Right,
        Self::WordLeft,
        Self::WordRight,
        Self::Home,
        Self::End,
        Self::TextStart,
        Self::TextEnd,
        Self::Up,
        Self::Down,
        Self::PageUp,
        Self::PageDown,
        Self::Next,
        Self::Prev,
    ];

    /// The edit's name in `config.toml` (`[keys.line]`, `[keys.editor]`).
    #[must_use]
    pub fn name(self) -> Option<&'static str> {
        Some(match self {
            Self::Insert(_) => return None,
            Self::Newline => "new_line",
            Self::Backspace => "delete_back",
            Self::Delete => "delete_forward",
            Self::DeleteWord => "delete_word",
            Self::Clear => "delete_to_line_start",
            Self::Left => "cursor_left",
            Self::Right => "cursor_right",
            Self::WordLeft => "word_left",
            Self::WordRight => "word_right",
            Self::Home => "line_start",
            Self::End => "line_end",
            Self::TextStart => "text_start",
            Self::TextEnd => "text_end",
            Self::Up => "cursor_up",
            Self::Down => "cursor_down",
            Self::PageUp => "entries_page_up",
            Self::PageDown => "entries_page_down",
            Self::Next => "next_kind",
            Self::Prev => "prev_kind",
            Self::Confirm => "accept",
            Self::Cancel => "cancel",
        })
    }

    /// One line for the help screen, in the interface language.
    #[must_use]
    pub fn describe(self, lang: Lang) -> &'static str {
        match self {
            Self::Insert(_) => msg::edit_insert(lang),
            Self::Newline => msg::edit_newline(lang),
            Self::Backspace => msg::edit_backspace(lang),
            Self::Delete => msg::edit_delete(lang),
            Self::DeleteWord => msg::edit_delete_word(lang),
            Self::Clear => msg::edit_clear(lang),
            Self::Left => msg::edit_left(lang),
            Self::Right => msg::edit_right(lang),
            Self::WordLeft => msg::edit_word_left(lang),
            Self::WordRight => msg::edit_word_right(lang),
            Self::Home => msg::edit_home(lang),
            Self::End => msg::edit_end(lang),
            Self::TextStart => msg::edit_text_start(lang),
            Self::TextEnd => msg::edit_text_end(lang),
            Self::Up => msg::edit_up(lang),
            Self::Down => msg::edit_down(lang),
            Self::PageUp => msg::edit_page_up(lang),
            Self::PageDown => msg::edit_page_down(lang),
            Self::Next => msg::edit_next(lang),
            Self::Prev => msg::edit_prev(lang),
            Self::Confirm => msg::edit_confirm(lang),
            Self::Cancel => msg::edit_cancel(lang),
        }
    }
}

//! The edits a key asks of a line of text (the search line, a list's filter), readline-style.
//! The line's owner decides what `Confirm`, `Cancel` and the moves out of the line mean.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// One edit of a line input, as a key asks for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Edit {
    Insert(char),
    /// Delete the grapheme before the cursor.
    Backspace,
    /// Delete the grapheme under the cursor.
    Delete,
    Left,
    Right,
    Home,
    End,
    /// Delete the word before the cursor (Ctrl-W).
    DeleteWord,
    /// Delete everything (Ctrl-U).
    Clear,
    /// Enter.
    Confirm,
    /// Esc (or Ctrl-C, Ctrl-G).
    Cancel,
    /// Moves that leave the line to its owner (a list under a filter).
    Up,
    Down,
    PageUp,
    PageDown,
    /// Tab and Shift-Tab.
    Next,
    Prev,
}

impl Edit {
    /// The edit a key asks for, readline-style; `None` for keys an input ignores (and for
    /// release events).
    pub fn from_key(key: KeyEvent) -> Option<Self> {
        if key.kind == KeyEventKind::Release {
            return None;
        }
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let alt = key.modifiers.contains(KeyModifiers::ALT);
        Some(match key.code {
            KeyCode::Char(c) if ctrl => match c {
                'a' => Self::Home,
                'e' => Self::End,
                'b' => Self::Left,
                'f' => Self::Right,
                'h' => Self::Backspace,
                'd' => Self::Delete,
                'u' => Self::Clear,
                'w' => Self::DeleteWord,
                'c' | 'g' => Self::Cancel,
                'n' | 'j' => Self::Down,
                'p' | 'k' => Self::Up,
                _ => return None,
            },
            KeyCode::Char(_) if alt => return None,
            KeyCode::Char(c) if !c.is_control() => Self::Insert(c),
            KeyCode::Backspace => Self::Backspace,
            KeyCode::Delete => Self::Delete,
            KeyCode::Left => Self::Left,
            KeyCode::Right => Self::Right,
            KeyCode::Home => Self::Home,
            KeyCode::End => Self::End,
            KeyCode::Enter => Self::Confirm,
            KeyCode::Esc => Self::Cancel,
            KeyCode::Up => Self::Up,
            KeyCode::Down => Self::Down,
            KeyCode::PageUp => Self::PageUp,
            KeyCode::PageDown => Self::PageDown,
            KeyCode::Tab if key.modifiers.contains(KeyModifiers::SHIFT) => Self::Prev,
            KeyCode::Tab => Self::Next,
            KeyCode::BackTab => Self::Prev,
            _ => return None,
        })
    }
}

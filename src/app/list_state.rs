//! The one state of the five lists (index, sources, contents, notes, bookmarks): the entry
//! under the cursor, the first entry on screen, the filter where the list has one — and the
//! one way the list keys move them, so `j`, `5j`, `Ctrl-d`, `d`, `G`, `12G` mean the same in
//! every list.
//!
//! Invariant after every `update`: `cursor < len` (or 0 when the list is empty) and
//! `top <= cursor < top + height`, for the `height` in entries the list has on screen, which
//! `update` gets from `layout::popup` (never from drawing).

use super::Action;
use super::line_input::LineInput;

/// Cursor, scroll and filter of one list.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ListState {
    /// What the reader typed to narrow the list (folded like a search when compared); the
    /// notes and bookmarks lists have none.
    pub filter: LineInput,
    /// Whether keys go to the filter line (after `/`) rather than to the list.
    pub editing: bool,
    /// Index into the entries.
    pub cursor: usize,
    /// First entry shown.
    pub top: usize,
}

impl ListState {
    /// Moves the cursor by `delta` entries (clamped), keeping it inside a list of `height`
    /// entries.
    pub fn step(&mut self, delta: isize, len: usize, height: usize) {
        self.cursor = self
            .cursor
            .saturating_add_signed(delta)
            .min(len.saturating_sub(1));
        self.settle(len, height);
    }

    /// Clamps the cursor to `len` entries and scrolls so that it is visible in `height`
    /// entries.
    pub fn settle(&mut self, len: usize, height: usize) {
        let height = height.max(1);
        self.cursor = self.cursor.min(len.saturating_sub(1));
        if self.cursor < self.top {
            self.top = self.cursor;
        } else if self.cursor >= self.top + height {
            self.top = self.cursor + 1 - height;
        }
        self.top = self.top.min(len.saturating_sub(height));
    }

    /// Puts the cursor on `cursor` with a third of the list above it, as a list opens.
    pub fn open_at(&mut self, cursor: usize, len: usize, height: usize) {
        self.editing = false;
        self.cursor = cursor;
        self.top = cursor.saturating_sub(height / 3);
        self.settle(len, height);
    }

    /// Applies a motion key, `count` times (`5j`, `3 Space`; for `g` and `G` a count names
    /// the entry: `12G` is the 12th). Returns whether `action` is a motion.
    pub fn motion(&mut self, action: Action, count: usize, len: usize, height: usize) -> bool {
        let height = height.max(1);
        let times = isize::try_from(count.max(1)).unwrap_or(isize::MAX);
        let page = isize::try_from(height).unwrap_or(1);
        let half = (page / 2).max(1);
        let delta = match action {
            Action::LineDown => times,
            Action::LineUp => -times,
            Action::PageDown => times.saturating_mul(page),
            Action::PageUp => -times.saturating_mul(page),
            Action::HalfPageDown => times.saturating_mul(half),
            Action::HalfPageUp => -times.saturating_mul(half),
            Action::Wheel(_, _, delta) => isize::from(delta),
            Action::Top | Action::Bottom => {
                self.cursor = match (count, action) {
                    (0, Action::Top) => 0,
                    (0, _) => len.saturating_sub(1),
                    (n, _) => n - 1,
                };
                self.settle(len, height);
                return true;
            }
            _ => return false,
        };
        self.step(delta, len, height);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cursor_stays_in_the_list_and_on_screen() {
        let mut list = ListState::default();
        list.step(5, 20, 4);
        assert_eq!((list.cursor, list.top), (5, 2));
        list.step(100, 20, 4);
        assert_eq!((list.cursor, list.top), (19, 16));
        list.step(-2, 20, 4);
        assert_eq!((list.cursor, list.top), (17, 16));
        list.settle(3, 4);
        assert_eq!((list.cursor, list.top), (2, 0));
        list.settle(0, 4);
        assert_eq!((list.cursor, list.top), (0, 0));
    }

    #[test]
    fn motions_with_counts_as_in_less_and_vim() {
        let mut list = ListState::default();
        let moved = |list: &mut ListState, action, count| {
            assert!(list.motion(action, count, 30, 8));
            (list.cursor, list.top)
        };
        assert_eq!(moved(&mut list, Action::LineDown, 5), (5, 0));
        assert_eq!(moved(&mut list, Action::HalfPageDown, 0), (9, 2));
        assert_eq!(moved(&mut list, Action::PageDown, 2), (25, 18));
        assert_eq!(moved(&mut list, Action::HalfPageUp, 1), (21, 18));
        assert_eq!(moved(&mut list, Action::Bottom, 0), (29, 22));
        assert_eq!(moved(&mut list, Action::Bottom, 12), (11, 11), "12G");
        assert_eq!(moved(&mut list, Action::Top, 99), (29, 22), "past the end");
        assert_eq!(moved(&mut list, Action::Top, 0), (0, 0));
        assert!(!list.motion(Action::Search, 0, 30, 8));
    }
}

//! The note editor: a multi-line text and a cursor, edited by grapheme, moved by visual row.
//!
//! Owns the text being written, the cursor, the scroll of the editor's rows and what the note is
//! attached to. Pure: the app feeds it `Edit`s (from the keymap's `Editor` table) and pasted text with the editor's text width (from the
//! popup's geometry), the UI reads `rows` and `cursor_cell` to draw.
//!
//! Invariants: `cursor` is a byte offset into `text` on a grapheme-cluster boundary (so a
//! combining accent, a flag or a family emoji is never split); `text` holds no control character
//! except `\n` (pasted and typed text goes through `text::sanitize::clean_block`) and at most
//! `MAX_NOTE_BYTES` bytes. Visual rows come from `text::wrap::wrap`; nothing the reader typed is
//! hidden, leading spaces included.

use unicode_segmentation::UnicodeSegmentation;

pub use crate::input::Edit;
use crate::notebook::{MAX_NOTE_BYTES, PlacedSpot, cut};
use crate::text::cursor;
use crate::text::sanitize::{clean_block, is_clean};
use crate::text::wrap::{str_width, wrap};

/// One row of the editor on screen, as byte ranges into the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EditorRow {
    /// First byte shown (the line's start for a line's first row, so leading spaces show).
    pub start: usize,
    /// End of what is shown; on a line's last row, the end of the line. Between `end` and the
    /// next row's `start` lie only the spaces the row was broken at.
    pub end: usize,
}

/// The note being written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Editor {
    text: String,
    cursor: usize,
    /// Column kept while moving up and down through shorter rows.
    goal_col: Option<usize>,
    /// First visual row shown.
    pub scroll: usize,
    /// What the note is attached to.
    pub anchor: PlacedSpot,
    /// The note being edited, `None` for a new one.
    pub note_id: Option<String>,
    original: String,
    /// Esc was pressed with unsaved changes: asking whether to save.
    pub confirm_close: bool,
    /// Text was cut because the note reached `MAX_NOTE_BYTES`.
    pub is_full: bool,
    /// The text was recovered from a draft (glose was cut off while it was written): asking
    /// whether to restore it.
    pub recovered: bool,
}

/// The rows of `text` wrapped at `width` cells.
pub fn rows(text: &str, width: usize) -> Vec<EditorRow> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split('\n') {
        // The wrapper skips white space at row edges; leading spaces are the reader's
        // indentation, so wrap a copy where they are visible (same bytes, same widths).
        let indent = line.len() - line.trim_start_matches(' ').len();
        let masked;
        let measured = if indent > 0 {
            masked = format!("{}{}", "_".repeat(indent), line.get(indent..).unwrap_or(""));
            masked.as_str()
        } else {
            line
        };
        let wrapped = wrap(measured, width, false);
        let line_end = line_start + line.len();
        if wrapped.is_empty() {
            out.push(EditorRow {
                start: line_start,
                end: line_end,
            });
        }
        let count = wrapped.len();
        for (i, row) in wrapped.into_iter().enumerate() {
            let start = if i == 0 {
                line_start
            } else {
                line_start + row.range.start
            };
            let end = if i + 1 == count {
                line_end
            } else {
                line_start + row.range.end
            };
            out.push(EditorRow { start, end });
        }
        line_start = line_end + 1;
    }
    out
}

/// The row holding the cursor: the last row starting at or before it.
fn row_of(rows: &[EditorRow], cursor: usize) -> usize {
    rows.partition_point(|r| r.start <= cursor)
        .saturating_sub(1)
}

impl Editor {
    /// An editor on `text` (an existing note's, or empty), the cursor at the end.
    pub fn new(anchor: PlacedSpot, note_id: Option<String>, text: &str) -> Self {
        let text = clean_block(cut(text, MAX_NOTE_BYTES));
        Self {
            cursor: text.len(),
            original: text.clone(),
            text,
            goal_col: None,
            scroll: 0,
            anchor,
            note_id,
            confirm_close: false,
            is_full: false,
            recovered: false,
        }
    }

    /// An editor on a note recovered from a draft: `original` is the note's text now (empty for
    /// a new note), `text` what was being written; asks whether to restore it.
    pub fn recovered(
        anchor: PlacedSpot,
        note_id: Option<String>,
        original: &str,
        text: &str,
    ) -> Self {
        let mut editor = Self::new(anchor, note_id, original);
        editor.text = clean_block(cut(text, MAX_NOTE_BYTES));
        editor.cursor = editor.text.len();
        editor.recovered = true;
        editor
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// The cursor's byte offset.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// Whether the text differs from what was there when the editor opened.
    pub fn is_modified(&self) -> bool {
        self.text != self.original
    }

    /// The cursor's visual row and column at `width`.
    pub fn cursor_cell(&self, width: usize) -> (usize, usize) {
        let rows = rows(&self.text, width);
        let index = row_of(&rows, self.cursor);
        let col = rows.get(index).map_or(0, |row| {
            str_width(self.text.get(row.start..self.cursor).unwrap_or(""))
        });
        (index, col.min(width))
    }

    /// Applies one command; `width` is the text width the editor is shown at.
    pub fn apply(&mut self, edit: Edit, width: usize) {
        let width = width.max(1);
        if !matches!(edit, Edit::Up | Edit::Down) {
            self.goal_col = None;
        }
        let at = self.cursor;
        match edit {
            Edit::Insert(c) => self.insert(&clean_block(c.encode_utf8(&mut [0; 4]))),
            Edit::Newline => self.insert("\n"),
            Edit::Backspace => self.remove(cursor::prev_boundary(&self.text, at)..at),
            Edit::Delete => self.remove(at..cursor::next_boundary(&self.text, at)),
            Edit::DeleteWord => self.remove(cursor::word_left(&self.text, at)..at),
            Edit::Clear => self.remove(cursor::line_start(&self.text, at)..at),
            Edit::Left => self.cursor = cursor::prev_boundary(&self.text, at),
            Edit::Right => self.cursor = cursor::next_boundary(&self.text, at),
            Edit::WordLeft => self.cursor = cursor::word_left(&self.text, at),
            Edit::WordRight => self.cursor = cursor::word_right(&self.text, at),
            Edit::Up | Edit::Down => {
                let rows = rows(&self.text, width);
                let (index, col) = self.cursor_cell(width);
                let goal = *self.goal_col.get_or_insert(col);
                let target = if edit == Edit::Up {
                    index.checked_sub(1)
                } else {
                    Some(index + 1).filter(|&i| i < rows.len())
                };
                match target.and_then(|t| rows.get(t)) {
                    Some(row) => self.cursor = self.at_column(*row, goal),
                    // Past the first or last row: go to the start or end, as text fields do.
                    None if edit == Edit::Up => self.cursor = 0,
                    None => self.cursor = self.text.len(),
                }
            }
            Edit::Home | Edit::End => {
                let rows = rows(&self.text, width);
                if let Some(row) = rows.get(row_of(&rows, self.cursor)) {
                    self.cursor = if edit == Edit::Home {
                        row.start
                    } else {
                        row.end
                    };
                }
            }
            Edit::TextStart | Edit::PageUp => self.cursor = 0,
            Edit::TextEnd | Edit::PageDown => self.cursor = self.text.len(),
            // A line's commands mean nothing in a note (the editor's own are actions).
            Edit::Next | Edit::Prev | Edit::Confirm | Edit::Cancel => {}
        }
    }

    /// Pasted text, sanitised (line breaks kept), at the cursor.
    pub fn paste(&mut self, text: &str) {
        self.goal_col = None;
        self.insert(&clean_block(text));
    }

    fn remove(&mut self, range: std::ops::Range<usize>) {
        if range.start < range.end && self.text.get(range.clone()).is_some() {
            self.text.replace_range(range.clone(), "");
            self.cursor = range.start;
            self.is_full = false;
        }
    }

    /// Scrolls so that the cursor's row is among the `height` rows shown.
    pub fn keep_cursor_visible(&mut self, width: usize, height: usize) {
        let (row, _) = self.cursor_cell(width.max(1));
        let height = height.max(1);
        if row < self.scroll {
            self.scroll = row;
        } else if row >= self.scroll + height {
            self.scroll = row + 1 - height;
        }
        let last = rows(&self.text, width.max(1)).len().saturating_sub(1);
        self.scroll = self.scroll.min(last);
    }

    fn insert(&mut self, s: &str) {
        let room = MAX_NOTE_BYTES.saturating_sub(self.text.len());
        let piece = cut(s, room);
        // `s` is clean; joined to its neighbours it may not be (combining marks typed one by one
        // past the sanitiser's cap on a cluster, a byte-order mark at the very start): such an
        // insert is refused, so the note stays clean.
        let mut text = self.text.clone();
        text.insert_str(self.cursor, piece);
        if !is_clean(&text) {
            return;
        }
        if piece.len() < s.len() {
            self.is_full = true;
        }
        self.text = text;
        // A combining mark typed before an accentless letter's neighbour may have merged with
        // what follows: land on the next grapheme boundary.
        self.cursor = cursor::snap_forward(&self.text, self.cursor + piece.len());
    }

    /// The byte in `row` whose column is the closest at or before `goal`.
    fn at_column(&self, row: EditorRow, goal: usize) -> usize {
        let text = self.text.get(row.start..row.end).unwrap_or("");
        let mut col = 0;
        for (offset, g) in text.grapheme_indices(true) {
            let w = str_width(g);
            if col + w > goal {
                return row.start + offset;
            }
            col += w;
        }
        row.end
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notebook::Place;

    fn editor(text: &str) -> Editor {
        let anchor = PlacedSpot {
            annotation: None,
            part: "p".into(),
            byte: 0,
            quote: String::new(),
            place: Place::Orphan,
        };
        Editor::new(anchor, None, text)
    }

    /// Applies `edits`; `I::Insert` types a character, `paste` a text.
    fn run(e: &mut Editor, edits: &[Edit]) {
        for &edit in edits {
            e.apply(edit, 10);
        }
    }

    use Edit as I;

    #[test]
    fn backspace_and_arrows_move_by_grapheme() {
        // e + combining acute, a family emoji (one grapheme of 7 chars), CJK, a flag.
        let mut e = editor("e\u{301}👨‍👩‍👧漢🇫🇷");
        run(&mut e, &[I::Left]);
        assert_eq!(&e.text()[e.cursor()..], "🇫🇷");
        run(&mut e, &[I::Backspace]);
        assert_eq!(e.text(), "e\u{301}👨‍👩‍👧🇫🇷");
        run(&mut e, &[I::Backspace]);
        assert_eq!(e.text(), "e\u{301}🇫🇷");
        run(&mut e, &[I::Left, I::Delete]);
        assert_eq!(e.text(), "🇫🇷");
        run(&mut e, &[I::Right, I::Insert('x')]);
        assert_eq!(e.text(), "🇫🇷x");
        assert_eq!(e.cursor(), e.text().len());
    }

    #[test]
    fn accents_typed_one_by_one_stop_at_the_sanitisers_cap() {
        let mut e = editor("x");
        run(&mut e, &[I::TextEnd]);
        for _ in 0..100 {
            run(&mut e, &[I::Insert('\u{301}')]);
        }
        assert_eq!(
            e.text().chars().count(),
            crate::text::sanitize::MAX_GRAPHEME_CHARS
        );
        assert!(is_clean(e.text()));
        assert_eq!(e.cursor(), e.text().len());
        // A byte-order mark typed at the very start would be dropped at the next load.
        run(&mut e, &[I::TextStart, I::Insert('\u{feff}')]);
        assert!(is_clean(e.text()));
    }

    #[test]
    fn a_combining_mark_typed_after_a_letter_joins_it() {
        let mut e = editor("cafe");
        run(&mut e, &[I::Insert('\u{301}'), I::Left]);
        assert_eq!(e.cursor(), 3, "one grapheme back is before the accented e");
        // A letter typed before a lone combining mark: the cursor still lands on a boundary.
        let mut e = editor("\u{301}x");
        run(&mut e, &[I::TextStart, I::Insert('e')]);
        assert_eq!(e.text(), "e\u{301}x");
        assert_eq!(e.cursor(), 3);
    }

    #[test]
    fn paste_is_sanitised_and_newlines_kept() {
        let mut e = editor("");
        e.paste("a\r\nb\x1b[31m\u{202E}c");
        assert_eq!(e.text(), "a\nb␛[31m\u{FFFD}c");
    }

    #[test]
    fn up_and_down_follow_visual_rows_and_keep_the_column() {
        // Width 10: "un deux trois" wraps as "un deux" / "trois"; then an empty line; then "fin".
        let mut e = editor("un deux trois quatre\n\nfin");
        let rs = rows(e.text(), 10);
        let shown: Vec<&str> = rs.iter().map(|r| &e.text()[r.start..r.end]).collect();
        assert_eq!(shown, vec!["un deux", "trois", "quatre", "", "fin"]);
        run(
            &mut e,
            &[I::TextStart, I::Right, I::Right, I::Right, I::Right],
        );
        assert_eq!(e.cursor_cell(10), (0, 4));
        run(&mut e, &[I::Down]);
        assert_eq!(e.cursor_cell(10), (1, 4));
        run(&mut e, &[I::Down, I::Down]);
        assert_eq!(e.cursor_cell(10), (3, 0), "empty line");
        run(&mut e, &[I::Down]);
        assert_eq!(e.cursor_cell(10), (4, 3), "end of the shorter row");
        run(&mut e, &[I::Up, I::Up]);
        assert_eq!(e.cursor_cell(10), (2, 4), "the goal column came back");
        run(&mut e, &[I::Home]);
        assert_eq!(&e.text()[e.cursor()..e.cursor() + 6], "quatre");
        run(&mut e, &[I::Up, I::End]);
        assert_eq!(e.cursor_cell(10), (1, 5));
        run(&mut e, &[I::Up, I::Up]);
        assert_eq!(e.cursor(), 0, "up from the first row goes to the start");
    }

    #[test]
    fn wide_characters_keep_columns_in_cells() {
        let mut e = editor("漢字漢字\nabcdefgh");
        run(&mut e, &[I::TextStart, I::Right, I::Right]);
        assert_eq!(e.cursor_cell(10), (0, 4));
        run(&mut e, &[I::Down]);
        assert_eq!(e.cursor_cell(10), (1, 4));
        assert_eq!(&e.text()[e.cursor()..], "efgh");
    }

    #[test]
    fn leading_spaces_and_blank_lines_are_shown() {
        let e = editor("  retrait\n   \nx");
        let rs = rows(e.text(), 20);
        let shown: Vec<&str> = rs.iter().map(|r| &e.text()[r.start..r.end]).collect();
        assert_eq!(shown, vec!["  retrait", "   ", "x"]);
    }

    #[test]
    fn words_and_scrolling() {
        let mut e = editor("l’esprit critique, enfin");
        run(&mut e, &[I::WordLeft]);
        assert_eq!(&e.text()[e.cursor()..], "enfin");
        run(&mut e, &[I::WordLeft]);
        assert_eq!(&e.text()[e.cursor()..], "critique, enfin");
        run(&mut e, &[I::WordLeft]);
        assert_eq!(e.cursor(), 0, "l’esprit is one word (UAX #29)");
        run(&mut e, &[I::WordRight]);
        assert_eq!(&e.text()[e.cursor()..], " critique, enfin");
        let mut e = editor(&"ligne\n".repeat(20));
        e.keep_cursor_visible(10, 5);
        assert_eq!(e.scroll, 16);
        run(&mut e, &[I::TextStart]);
        e.keep_cursor_visible(10, 5);
        assert_eq!(e.scroll, 0);
    }

    #[test]
    fn a_huge_paste_is_cut_at_the_limit() {
        let mut e = editor("");
        e.paste(&"é".repeat(MAX_NOTE_BYTES));
        assert!(e.text().len() <= MAX_NOTE_BYTES);
        assert!(e.is_full);
        assert!(e.is_modified());
    }
}

//! Where the overlays go: every popup is a box centred on the screen (`Rect::centered`), its
//! content inside a margin (`Rect::inner`). Computed from a size and row counts only, so that
//! `update` clamps its cursors and scroll positions with the same numbers `ui` draws with.

use ratatui::layout::{Constraint, Layout, Margin, Rect};

/// A `width` × `height` box in the middle of `area` (cut to fit).
pub fn centred(area: Rect, width: u16, height: u16) -> Rect {
    area.centered(Constraint::Length(width), Constraint::Length(height))
}

/// The inside of a popup: within its border, with a column of padding each side.
pub fn padded(popup: Rect) -> Rect {
    popup.inner(Margin::new(2, 1))
}

/// The help overlay (and the problems list, drawn the same way) in a screen of `size`, for
/// `rows` lines of content.
pub fn help(size: Rect, rows: usize) -> Rect {
    let width = size.width.saturating_sub(4).min(80);
    let height = u16::try_from(rows + 2)
        .unwrap_or(u16::MAX)
        .min(size.height.saturating_sub(2));
    centred(size, width, height)
}

/// Text width inside the help overlay for a screen `size_width` columns wide.
pub fn help_text_width(size_width: u16) -> usize {
    usize::from(size_width.saturating_sub(4).min(80).saturating_sub(4))
}

/// Rows of the help overlay's content shown at once in a screen of `size`, for `rows` lines.
pub fn help_rows_shown(size: (u16, u16), rows: usize) -> usize {
    let (w, h) = size;
    usize::from(help(Rect::new(0, 0, w, h), rows).height.saturating_sub(2))
}

/// The last useful scroll position of `rows` lines in the help overlay at `size`.
pub fn help_max_scroll(size: (u16, u16), rows: usize) -> usize {
    rows.saturating_sub(help_rows_shown(size, rows))
}

/// Where the parts of the note editor go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EditorAreas {
    pub popup: Rect,
    /// What the note is on (two rows).
    pub context: Rect,
    /// The text being written.
    pub text: Rect,
    /// The keys, or the question asked before closing.
    pub footer: Rect,
}

/// The editor's geometry in a terminal of `size`.
pub fn editor(size: Rect) -> EditorAreas {
    let width = size.width.saturating_sub(4).min(76);
    let height = size.height.saturating_sub(2).min(20);
    let popup = centred(size, width, height);
    let inner = padded(popup);
    let context = Rect {
        height: inner.height.min(2),
        ..inner
    };
    let footer = Rect {
        y: inner.bottom().saturating_sub(1),
        height: inner.height.min(1),
        ..inner
    };
    let text = Rect {
        y: inner.y.saturating_add(3),
        height: inner.height.saturating_sub(4),
        ..inner
    };
    EditorAreas {
        popup,
        context,
        text,
        footer,
    }
}

/// The width the editor wraps its text at: one column is kept for the cursor after a full row.
pub fn editor_wrap_width(text: Rect) -> usize {
    usize::from(text.width).saturating_sub(1).max(1)
}

/// Where the parts of a lookup list (index, sources, contents) go.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ListAreas {
    /// The whole overlay, border included.
    pub popup: Rect,
    /// One line above the filter: counts, or the index's kind filter.
    pub header: Rect,
    pub filter: Rect,
    /// One entry per row.
    pub list: Rect,
    /// The entry under the cursor, in more detail (empty when there is no room or no detail).
    pub detail: Rect,
    pub hints: Rect,
}

/// Rows of a lookup list's detail area, its rule included.
const DETAIL_ROWS: u16 = 6;

/// A lookup list's areas for a terminal of `area`, for a list of at most `entries` entries (the
/// unfiltered count, so the overlay does not change size as a filter is typed).
pub fn lookup(area: Rect, with_detail: bool, entries: usize) -> ListAreas {
    let width = area.width.saturating_sub(4).clamp(area.width.min(36), 110);
    let detail_rows = if with_detail { DETAIL_ROWS } else { 0 };
    // Border, header, filter, hints, detail, and the entries (at least a few rows).
    let wanted = 5 + detail_rows + u16::try_from(entries.max(3)).unwrap_or(u16::MAX);
    let height = area.height.saturating_sub(2).min(wanted);
    let popup = centred(area, width, height);
    let inner = padded(popup);
    // The detail only when the list keeps at least three rows beside it.
    let detail = if with_detail && inner.height >= 3 + DETAIL_ROWS + 3 {
        DETAIL_ROWS
    } else {
        0
    };
    let [header, filter, list, detail, hints] = inner.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(detail),
        Constraint::Length(1),
    ]));
    ListAreas {
        popup,
        header,
        filter,
        list,
        detail,
        hints,
    }
}

/// The width of the notes and bookmarks lists in a terminal `width` columns wide, and of the
/// text inside them.
pub fn notebook_list_width(width: u16) -> (u16, usize) {
    let outer = width.saturating_sub(4).min(80);
    (outer, usize::from(outer.saturating_sub(4)))
}

/// The notes or bookmarks list for `content_rows` rows of entries, in `area`.
pub fn notebook_list(area: Rect, content_rows: usize) -> Rect {
    let (width, _) = notebook_list_width(area.width);
    let height = u16::try_from(content_rows + 4)
        .unwrap_or(u16::MAX)
        .min(area.height.saturating_sub(2));
    centred(area, width, height)
}

/// Where the parts of the notes or bookmarks list go.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct NotebookListAreas {
    /// The whole list, border included.
    pub popup: Rect,
    /// The entries (each one or two rows), or the words saying there are none.
    pub entries: Rect,
    /// The keys, or the question before a deletion (after a blank row).
    pub footer: Rect,
}

/// The notes or bookmarks list's areas in `area`, for `content_rows` rows of entries.
pub fn notebook_list_areas(area: Rect, content_rows: usize) -> NotebookListAreas {
    let popup = notebook_list(area, content_rows);
    let inner = padded(popup);
    NotebookListAreas {
        popup,
        entries: Rect {
            height: inner.height.saturating_sub(2),
            ..inner
        },
        footer: Rect {
            y: inner.bottom().saturating_sub(1),
            height: inner.height.min(1),
            ..inner
        },
    }
}

/// Entries of the notes or bookmarks list shown at once in `area`, for `entries` entries of
/// `rows_per_entry` rows (the frame's last two rows are a blank and the keys).
pub fn notebook_list_shown(area: Rect, entries: usize, rows_per_entry: usize) -> usize {
    let per = rows_per_entry.max(1);
    let areas = notebook_list_areas(area, entries.saturating_mul(per));
    (usize::from(areas.entries.height) / per).max(1)
}

/// The presenter's help for `rows` lines of content, in `area`.
/// It sits above the footer's row, which stays in sight.
pub fn presenter_help(area: Rect, rows: usize) -> Rect {
    let above = Rect {
        height: area.height.saturating_sub(1),
        ..area
    };
    let width = area.width.saturating_sub(4).min(76);
    let height = u16::try_from(rows + 2)
        .unwrap_or(u16::MAX)
        .min(above.height);
    centred(above, width, height)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn popups_are_centred_and_cut_to_fit() {
        let screen = Rect::new(0, 0, 100, 30);
        assert_eq!(help(screen, 10), Rect::new(10, 9, 80, 12));
        // More rows than fit: the whole height but a row above and below.
        assert_eq!(help(screen, 100), Rect::new(10, 1, 80, 28));
        assert_eq!(help_max_scroll((100, 30), 100), 100 - 26);
        assert_eq!(help_max_scroll((100, 30), 10), 0);
        let editor = editor(screen);
        assert_eq!(editor.popup, Rect::new(12, 5, 76, 20));
        assert_eq!(editor.text, Rect::new(14, 9, 72, 14));
        assert_eq!(editor.footer.y, 23);
        let list = lookup(Rect::new(0, 0, 80, 24), true, 50);
        assert_eq!(list.popup, Rect::new(2, 1, 76, 22));
        assert_eq!(list.detail.height, DETAIL_ROWS);
        assert_eq!(notebook_list(screen, 4).height, 8);
        let notes = notebook_list_areas(screen, 4);
        assert_eq!(notes.popup, Rect::new(10, 11, 80, 8));
        assert_eq!(notes.entries, Rect::new(12, 12, 76, 4));
        assert_eq!(notes.footer, Rect::new(12, 17, 76, 1));
    }
}

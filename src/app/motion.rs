//! Moving through the text: scrolling a pane, focusing one, going to a part or a range,
//! selecting an annotation and keeping it on screen, the side pane's scroll.
//!
//! Invariant: after any of these, `App::refresh` clamps every top row to its layout.

use std::ops::Range;

use super::{App, Top, row_of_byte};
use crate::layout::RowKind;

impl App {
    /// Focuses the pane of a byte range of the text and scrolls it into view.
    pub(super) fn show_range(&mut self, range: Range<usize>) {
        let Some(part) = self.part_of_byte(range.start) else {
            return;
        };
        let pane = self.part_pane.get(part).copied().unwrap_or(0);
        self.view.focus = pane;
        self.refresh();
        let Some(layout) = self.layout(pane) else {
            return;
        };
        let first = row_of_byte(layout, range.start);
        let last = row_of_byte(layout, range.end.saturating_sub(1)).max(first);
        self.reveal_rows(pane, first, last);
    }

    /// Focuses a part's pane, scrolled to the part's heading.
    pub(super) fn go_to_part(&mut self, part: usize) {
        let pane = self.part_pane.get(part).copied().unwrap_or(0);
        self.view.focus = pane;
        self.refresh();
        let first_in_pane = self.panes.get(pane).and_then(|p| p.parts.first()) == Some(&part);
        let Some(area) = self.screen.as_ref().and_then(|s| s.pane(pane)).copied() else {
            return;
        };
        let Some(layout) = self.layout(pane) else {
            return;
        };
        let row = if first_in_pane {
            0
        } else {
            layout
                .rows
                .iter()
                .position(|r| r.kind == RowKind::Heading { part })
                .unwrap_or(0)
        };
        let row = row.min(layout.max_top(usize::from(area.text.height)));
        let new_top = Top::at(layout, row);
        if let Some(top) = self.view.tops.get_mut(pane) {
            *top = new_top;
        }
    }

    /// Rows in a page of the focused pane (times `num` / `den`), at least one.
    pub(super) fn page(&self, num: usize, den: usize) -> isize {
        let height = self
            .screen
            .as_ref()
            .and_then(|s| s.pane(self.view.focus))
            .map_or(1, |p| usize::from(p.text.height));
        let rows = (height.saturating_sub(if den == 1 { 2 } else { 0 }) * num / den).max(1);
        isize::try_from(rows).unwrap_or(1)
    }

    pub(super) fn scroll_focused(&mut self, delta: isize) {
        self.scroll_pane(self.view.focus, delta);
    }

    pub(super) fn scroll_pane(&mut self, pane: usize, delta: isize) {
        let Some(area) = self.screen.as_ref().and_then(|s| s.pane(pane)).copied() else {
            return;
        };
        let Some(layout) = self.layout(pane) else {
            return;
        };
        let max = layout.max_top(usize::from(area.text.height));
        let Some(top) = self.view.tops.get(pane).copied() else {
            return;
        };
        let row = top.row.saturating_add_signed(delta).min(max);
        let new_top = Top::at(layout, row);
        if let Some(top) = self.view.tops.get_mut(pane) {
            *top = new_top;
        }
    }

    pub(super) fn focus(&mut self, pane: usize) {
        if pane < self.panes.len() {
            self.view.focus = pane;
        }
    }

    /// Selects an annotation: focuses its pane and scrolls it into view.
    pub fn select(&mut self, index: usize) {
        let Some(annotation) = self.article.annotations.get(index) else {
            return;
        };
        let pane = self.part_pane.get(annotation.part).copied().unwrap_or(0);
        self.view.selected = Some(index);
        self.view.link = None;
        self.view.focus = pane;
        self.view.side_scroll = 0;
        // The arrangement may change (drawer appears, pane expands): settle it first.
        self.refresh();
        self.reveal(index);
    }

    /// Scrolls the annotation's pane so that its rows are visible, placing it a third of the
    /// way down when it has to move.
    pub(super) fn reveal(&mut self, index: usize) {
        let Some(annotation) = self.article.annotations.get(index) else {
            return;
        };
        let pane = self.part_pane.get(annotation.part).copied().unwrap_or(0);
        let Some(rows) = self.layout(pane).and_then(|l| l.annotation_rows(index)) else {
            return;
        };
        self.reveal_rows(pane, rows.first_row, rows.last_row);
    }

    /// Scrolls a pane so that rows `first..=last` are visible, placing them a third of the way
    /// down when it has to move.
    pub(super) fn reveal_rows(&mut self, pane: usize, first: usize, last: usize) {
        let Some(area) = self.screen.as_ref().and_then(|s| s.pane(pane)).copied() else {
            return;
        };
        let Some(layout) = self.layout(pane) else {
            return;
        };
        let height = usize::from(area.text.height).max(1);
        let top = self.view.tops.get(pane).copied().unwrap_or_default();
        if first >= top.row && last < top.row + height {
            return;
        }
        let row = first.saturating_sub(height / 3).min(layout.max_top(height));
        let new_top = Top::at(layout, row);
        if let Some(top) = self.view.tops.get_mut(pane) {
            *top = new_top;
        }
    }

    /// The byte range of the text visible in a pane (start of the top row, end of the last).
    pub fn visible_bytes(&self, pane: usize) -> (usize, usize) {
        let height = self
            .screen
            .as_ref()
            .and_then(|s| s.pane(pane))
            .map_or(0, |p| usize::from(p.text.height));
        let top = self.view.tops.get(pane).copied().unwrap_or_default();
        match self.layout(pane) {
            Some(layout) => {
                let start = layout.anchor_of_row(top.row);
                let last = (top.row + height).min(layout.rows.len()).saturating_sub(1);
                let end = layout
                    .rows
                    .get(last)
                    .map_or(start, |r| r.range.end.max(r.anchor_byte));
                (start, end)
            }
            None => (top.byte, top.byte),
        }
    }

    pub(super) fn select_visible(&mut self) {
        let (start, end) = self.visible_bytes(self.view.focus);
        let i = self.article.annotation_at_or_after(start);
        if self
            .article
            .annotations
            .get(i)
            .is_some_and(|a| a.range.start < end.max(start + 1))
        {
            self.select(i);
        }
    }

    pub(super) fn scroll_side(&mut self, delta: isize) {
        let max = self.side_max_scroll();
        self.view.side_scroll = self.view.side_scroll.saturating_add_signed(delta).min(max);
    }
}

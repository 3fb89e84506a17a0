//! The mouse: a click selects what is under it (an annotation, a link) or focuses its pane;
//! the wheel scrolls the pane (or the side pane) under the pointer.

use ratatui::layout::Position;
use unicode_segmentation::UnicodeSegmentation;

use super::App;
use crate::layout::RowKind;
use crate::layout::screen::PaneArea;
use crate::text::wrap::grapheme_width;

impl App {
    pub(super) fn pane_at(&self, x: u16, y: u16) -> Option<PaneArea> {
        let position = Position::new(x, y);
        self.screen
            .as_ref()?
            .panes
            .iter()
            .find(|p| p.area.contains(position))
            .copied()
    }

    pub(super) fn click(&mut self, x: u16, y: u16) {
        let Some(area) = self.pane_at(x, y) else {
            return;
        };
        self.view.focus = area.pane;
        if area.collapsed || !area.text.contains(Position::new(x, y)) {
            return;
        }
        let Some(byte) = self.byte_at(area, x, y) else {
            return;
        };
        if let Some(index) = self.article.annotation_covering(byte) {
            self.select(index);
        } else if let Some(index) = self.link_covering(byte) {
            self.select_link(index);
        }
    }

    /// The byte of the text under a screen cell of a pane, if it shows text.
    pub(super) fn byte_at(&self, area: PaneArea, x: u16, y: u16) -> Option<usize> {
        let layout = self.layout(area.pane)?;
        let top = self.view.tops.get(area.pane)?.row;
        let row = layout.rows.get(top + usize::from(y - area.text.y))?;
        if row.kind != RowKind::Text {
            return None;
        }
        // The text begins after what stands before it (quote bars, list marker, code gutter).
        let mut column = usize::from(x - area.text.x).checked_sub(usize::from(row.deco.lead))?;
        let mut range = row.range.clone();
        if let crate::layout::RowStyle::Cells { first, count } = row.deco.style {
            // A table row: the cell whose words are under the column.
            let first = first as usize;
            let cell = layout
                .cells
                .get(first..first + usize::from(count))
                .unwrap_or_default()
                .iter()
                .rev()
                .find(|c| usize::from(c.column + c.pad) <= column)?;
            column -= usize::from(cell.column + cell.pad);
            range = cell.range.clone();
        }
        let text = self.article.slice(range.clone());
        let mut cells = 0;
        for (offset, grapheme) in text.grapheme_indices(true) {
            cells += usize::from(grapheme_width(grapheme));
            if cells > column {
                return Some(range.start + offset);
            }
        }
        None
    }

    pub(super) fn wheel(&mut self, x: u16, y: u16, delta: i8) {
        let over_side = self
            .screen
            .as_ref()
            .and_then(|s| s.side)
            .is_some_and(|(side, _)| side.contains(Position::new(x, y)));
        if over_side {
            self.scroll_side(isize::from(delta));
        } else if let Some(area) = self.pane_at(x, y) {
            self.scroll_pane(area.pane, isize::from(delta));
        }
    }
}

//! What the side pane is given to show, written from the state (`layout::side_pane::Side`):
//! `update` clamps the pane's scroll with its height, `ui` draws it, the event loop lays
//! hyperlinks over its address.

use ratatui::layout::Rect;

use crate::content::AnnotationKind;
use crate::layout::side_pane::{self, Side, SideKeys};
use crate::layout::stop::Timing;

use super::{Action, App};

impl App {
    /// The side pane's content as data.
    pub fn side(&self) -> Side<'_> {
        let label = |action| {
            self.keymap
                .first_key(super::Mode::Reader, action)
                .map(|k| k.label(self.lang))
        };
        let timing = self.tour_progress().map(|progress| {
            let now = self.clock.now();
            Timing {
                stop: progress.stop,
                stop_s: progress.stop_spent_s(now),
                tour_s: progress.elapsed_s(now),
            }
        });
        let nothing_selected =
            self.view.selected.is_none() && self.view.link.is_none() && timing.is_none();
        let outline = nothing_selected && self.article.annotations.is_empty();
        Side {
            article: &self.article,
            lang: self.lang,
            theme: &self.theme,
            selected: self.view.selected,
            link: self.view.link.filter(|_| timing.is_none()),
            timing,
            notebook: &self.notebook,
            keys: SideKeys {
                edit_note: label(Action::EditNote),
                show_notes: label(Action::ShowNotes),
                toggle_bookmark: label(Action::ToggleBookmark),
                show_bookmarks: label(Action::ShowBookmarks),
                contents: label(Action::ToggleContents),
                open: label(Action::OpenSource),
                follow: label(Action::SelectVisible),
                copy: label(Action::CopyCitation),
                next: label(Action::NextAnnotation),
                clear: label(Action::ClearSelection),
            },
            panes: &self.panes,
            focus: self.view.focus,
            links: if outline {
                self.links_on_screen()
            } else {
                Vec::new()
            },
            kind_counts: if nothing_selected && !outline {
                AnnotationKind::ALL.map(|kind| self.kind_count(kind))
            } else {
                [0; 4]
            },
            here: if nothing_selected && !outline {
                self.current_paragraph()
            } else {
                None
            },
            follow: self.follow.as_ref(),
        }
    }

    /// The last useful scroll position of the side pane: its content's rows minus what fits.
    pub fn side_max_scroll(&self) -> usize {
        match self.screen.as_ref().and_then(|s| s.side) {
            Some((area, _)) => side_pane::max_scroll(&self.side(), area),
            None => 0,
        }
    }

    /// Where the selected source's address is on screen, row by row, with the address (for
    /// OSC 8 hyperlinks). Empty when an overlay, the editor or the presenter covers the pane,
    /// or when the pane is hidden.
    pub fn side_link_rows(&self) -> Vec<(Rect, String)> {
        if self.presenter.is_some() || self.view.overlay.is_some() || self.view.editor.is_some() {
            return Vec::new();
        }
        match self.screen.as_ref().and_then(|s| s.side) {
            Some((area, placement)) => {
                side_pane::link_rows(&self.side(), area, placement, self.view.side_scroll)
            }
            None => Vec::new(),
        }
    }

    /// The links (and images) whose words are on the rows of the focused pane now on screen.
    fn links_on_screen(&self) -> Vec<&crate::content::Link> {
        let focus = self.view.focus;
        let Some(layout) = self.layout(focus) else {
            return Vec::new();
        };
        let top = self.view.tops.get(focus).map_or(0, |t| t.row);
        let height = self
            .screen
            .as_ref()
            .and_then(|s| s.panes.iter().find(|p| p.pane == focus))
            .map_or(0, |p| usize::from(p.text.height));
        let rows = layout
            .rows
            .get(top..(top + height).min(layout.rows.len()))
            .unwrap_or_default();
        let (Some(first), Some(last)) = (
            rows.iter().map(|r| r.range.start).min(),
            rows.iter().map(|r| r.range.end).max(),
        ) else {
            return Vec::new();
        };
        let article = &self.article;
        let from = article.links.partition_point(|l| l.range.end <= first);
        article
            .links
            .get(from..)
            .unwrap_or_default()
            .iter()
            .take_while(|l| l.range.start < last)
            .filter(|l| !l.range.is_empty())
            .collect()
    }
}

//! The lookup lists (index, sources, contents): where they open, their size, their filter line
//! (`/`, then keys come as `Action::Edit` through the `Line` table), a click, and Enter on an
//! entry. Their motion keys are every list's (`lists`).

use ratatui::layout::Rect;

use super::line_input::Edit;
use super::lookup::{contents_entries, source_entries};
use super::{Action, App, Message, Overlay};
use crate::content::PartKind;

impl Overlay {
    /// Whether this overlay is a list with a cursor and a filter.
    pub fn is_lookup(self) -> bool {
        matches!(self, Self::Index | Self::Sources | Self::Contents)
    }

    /// Whether the list shows the entry under the cursor in detail below it.
    pub fn has_detail(self) -> bool {
        matches!(self, Self::Index | Self::Sources)
    }
}

impl App {
    /// How many entries a list overlay shows now.
    pub fn lookup_len(&self, overlay: Overlay) -> usize {
        let filter = self.list_state(overlay).map_or("", |l| l.filter.text());
        match overlay {
            Overlay::Index => self.index_entries().len(),
            Overlay::Sources => source_entries(&self.article, filter).len(),
            Overlay::Contents => contents_entries(&self.article, filter).len(),
            Overlay::Help | Overlay::Notes | Overlay::Bookmarks | Overlay::Problems => 0,
        }
    }

    /// The most entries a list overlay can show (its unfiltered length).
    pub fn lookup_capacity(&self, overlay: Overlay) -> usize {
        match overlay {
            Overlay::Index => self.article.annotations.len() + self.orphans.len(),
            Overlay::Sources => self.article.sources.len() + self.article.annotations.len(),
            Overlay::Contents => self.article.parts.len(),
            Overlay::Help | Overlay::Notes | Overlay::Bookmarks | Overlay::Problems => 0,
        }
    }

    /// Where a list overlay is drawn at the current size.
    pub fn lookup_areas(&self, overlay: Overlay) -> crate::layout::popup::ListAreas {
        let (w, h) = self.view.size;
        crate::layout::popup::lookup(
            Rect::new(0, 0, w, h),
            overlay.has_detail(),
            self.lookup_capacity(overlay),
        )
    }

    /// Whether keys go to a list's filter line.
    pub(super) fn is_editing_filter(&self) -> bool {
        self.view
            .overlay
            .filter(|o| o.is_lookup())
            .and_then(|o| self.list_state(o))
            .is_some_and(|l| l.editing)
    }

    /// Opens a list overlay with its cursor on what the reader is looking at.
    pub(super) fn open_lookup(&mut self, overlay: Overlay) {
        self.view.overlay = Some(overlay);
        let cursor = match overlay {
            Overlay::Index => {
                self.view.index.list.filter.apply(Edit::Clear);
                self.cache_index();
                let entries = self.index_entries();
                let target = self.view.selected.unwrap_or_else(|| {
                    let (start, _) = self.visible_bytes(self.view.focus);
                    self.article.annotation_at_or_after(start)
                });
                entries.iter().position(|&a| a >= target).unwrap_or(0)
            }
            Overlay::Sources => {
                self.view.sources.filter.apply(Edit::Clear);
                let entries = source_entries(&self.article, "");
                self.view
                    .selected
                    .and_then(|s| {
                        entries.iter().position(|e| {
                            matches!(e, super::lookup::SourceEntry::Cite { annotation, .. }
                                if *annotation == s)
                        })
                    })
                    .unwrap_or(self.view.sources.cursor)
            }
            Overlay::Contents => {
                self.view.contents.filter.apply(Edit::Clear);
                let parts = self
                    .panes
                    .get(self.view.focus)
                    .map(|p| p.parts.clone())
                    .unwrap_or_default();
                parts
                    .iter()
                    .copied()
                    .find(|&p| {
                        self.article.parts.get(p).is_some_and(|p| {
                            matches!(p.kind, PartKind::Part | PartKind::Conclusion)
                        })
                    })
                    .or(parts.first().copied())
                    .unwrap_or(0)
            }
            Overlay::Help | Overlay::Notes | Overlay::Bookmarks | Overlay::Problems => return,
        };
        let height = self.list_height(overlay);
        let len = self.lookup_len(overlay);
        if let Some(list) = self.list_state_mut(overlay) {
            list.open_at(cursor, len, height);
        }
    }

    /// Applies a key typed into a list's filter line.
    pub(super) fn lookup_edit(&mut self, edit: Edit) {
        let Some(overlay) = self.view.overlay.filter(|o| o.is_lookup()) else {
            return;
        };
        let (len, height) = (self.lookup_len(overlay), self.list_height(overlay));
        let motion = |app: &mut Self, action| {
            if let Some(list) = app.list_state_mut(overlay) {
                list.motion(action, 0, len, height);
            }
        };
        match edit {
            Edit::Confirm => {
                if let Some(list) = self.list_state_mut(overlay) {
                    list.editing = false;
                }
                self.activate(overlay);
            }
            Edit::Cancel => {
                if let Some(list) = self.list_state_mut(overlay) {
                    list.editing = false;
                    list.filter.apply(Edit::Clear);
                }
            }
            Edit::Up => motion(self, Action::LineUp),
            Edit::Down => motion(self, Action::LineDown),
            Edit::PageUp => motion(self, Action::PageUp),
            Edit::PageDown => motion(self, Action::PageDown),
            Edit::Next | Edit::Prev if overlay == Overlay::Index => {
                self.view
                    .index
                    .cycle_kind(&self.article, edit == Edit::Next);
                self.view.index.list.cursor = 0;
            }
            edit => {
                if let Some(list) = self.list_state_mut(overlay) {
                    if edit == Edit::Backspace && list.filter.is_empty() {
                        list.editing = false;
                    } else if list.filter.apply(edit) {
                        list.cursor = 0;
                        list.top = 0;
                    }
                }
            }
        }
        self.settle_list();
    }

    /// Enter on the entry under the cursor: go to it and close the overlay.
    pub(super) fn activate(&mut self, overlay: Overlay) {
        let Some(cursor) = self.list_state(overlay).map(|l| l.cursor) else {
            return;
        };
        match overlay {
            Overlay::Index => {
                let entries = self.index_entries();
                if entries
                    .get(cursor)
                    .is_some_and(|&a| a >= self.article.annotations.len())
                {
                    // An orphan is nowhere in the text: its problem says why.
                    self.view.overlay = Some(Overlay::Problems);
                    self.view.help_scroll = 0;
                } else if let Some(&annotation) = entries.get(cursor) {
                    self.view.overlay = None;
                    self.select(annotation);
                }
            }
            Overlay::Sources => {
                let entries = source_entries(&self.article, self.view.sources.filter.text());
                match entries.get(cursor).map(|e| e.target(&self.article)) {
                    Some(Some(annotation)) => {
                        self.view.overlay = None;
                        self.select(annotation);
                    }
                    Some(None) => self.view.flash = Some(Message::NotCited),
                    None => {}
                }
            }
            Overlay::Contents => {
                let entries = contents_entries(&self.article, self.view.contents.filter.text());
                if let Some(&part) = entries.get(cursor) {
                    self.view.overlay = None;
                    self.go_to_part(part);
                }
            }
            Overlay::Help | Overlay::Notes | Overlay::Bookmarks | Overlay::Problems => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

    use super::*;
    use crate::app::tests::sample;
    use crate::content::{AnnotationKind, Source};
    use crate::i18n::Lang;
    use crate::theme::{Theme, ThemeName};

    fn app() -> App {
        let mut article = sample(6);
        article.annotations[7].kind = AnnotationKind::Quote;
        article.annotations[20].kind = AnnotationKind::Quote;
        article.sources.push(Source {
            id: "s".into(),
            author: "Organisation internationale du Travail".into(),
            title: "Rapport".into(),
            publisher: None,
            date: None,
            kind: "report".into(),
            url: None,
            reference: Some(1),
            note: String::new(),
        });
        article.sources.push(Source {
            id: "uncited".into(),
            author: "Personne".into(),
            title: "Jamais cité".into(),
            publisher: None,
            date: None,
            kind: "web".into(),
            url: None,
            reference: None,
            note: String::new(),
        });
        article.annotations[13].source = Some(0);
        App::new(
            article,
            Lang::Fr,
            Theme::named(ThemeName::Monochrome),
            (80, 24),
        )
    }

    fn key(code: KeyCode) -> Event {
        Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
    }

    #[test]
    fn index_opens_on_the_view_moves_filters_by_kind_and_enter_selects() {
        let mut app = app();
        app.update(Action::FocusPane(2));
        app.update(Action::ToggleIndex);
        assert_eq!(app.view.overlay, Some(Overlay::Index));
        assert_eq!(
            app.view.index.list.cursor, 6,
            "the cursor starts at the first annotation of the focused pane"
        );
        app.update(Action::LineDown);
        app.update(Action::LineDown);
        app.update(Action::LineUp);
        assert_eq!(app.view.index.list.cursor, 7);
        app.update(Action::Bottom);
        assert_eq!(app.view.index.list.cursor, 23);
        app.update(Action::PageDown);
        assert_eq!(app.view.index.list.cursor, 23, "clamped");

        app.update(Action::NextKind);
        assert_eq!(app.view.index.kind, Some(AnnotationKind::Figure));
        app.update(Action::NextKind);
        assert_eq!(app.view.index.kind, Some(AnnotationKind::Quote));
        assert_eq!(app.lookup_len(Overlay::Index), 2);
        app.update(Action::LineDown);
        app.update(Action::ListOpen);
        assert_eq!(app.view.overlay, None);
        assert_eq!(app.view.selected, Some(20));
        assert_eq!(app.view.focus, 3, "the pane of the annotation");
    }

    #[test]
    fn typing_a_filter_in_the_index_through_real_keys() {
        let mut app = app();
        app.handle_event(&key(KeyCode::Char('i')));
        assert_eq!(app.view.overlay, Some(Overlay::Index));
        app.handle_event(&key(KeyCode::Char('/')));
        assert!(app.view.index.list.editing);
        for c in "CHIFFRE 2-4".chars() {
            app.handle_event(&key(KeyCode::Char(c)));
        }
        assert_eq!(app.lookup_len(Overlay::Index), 1);
        assert_eq!(app.view.overlay, Some(Overlay::Index), "q, i… were typed");
        app.handle_event(&key(KeyCode::Enter));
        assert_eq!(app.view.overlay, None);
        assert_eq!(app.view.selected, Some(16));

        // Esc while typing clears the filter; Esc in the list closes it.
        app.handle_event(&key(KeyCode::Char('i')));
        app.handle_event(&key(KeyCode::Char('/')));
        app.handle_event(&key(KeyCode::Char('z')));
        assert_eq!(app.lookup_len(Overlay::Index), 0);
        app.handle_event(&key(KeyCode::Esc));
        assert!(!app.view.index.list.editing);
        assert_eq!(app.lookup_len(Overlay::Index), 24);
        app.handle_event(&key(KeyCode::Esc));
        assert_eq!(app.view.overlay, None);
    }

    #[test]
    fn sources_list_their_citations_and_go_to_them() {
        let mut app = app();
        app.update(Action::ToggleSources);
        assert_eq!(
            app.lookup_len(Overlay::Sources),
            3,
            "two sources, one citation"
        );
        assert_eq!(app.view.sources.cursor, 0);
        app.update(Action::ListOpen);
        assert_eq!(
            app.view.selected,
            Some(13),
            "a source goes to its first citation"
        );
        app.update(Action::ToggleSources);
        assert_eq!(
            app.view.sources.cursor, 1,
            "opens on the selected annotation's row"
        );
        app.update(Action::Bottom);
        app.update(Action::ListOpen);
        assert_eq!(app.view.overlay, Some(Overlay::Sources));
        assert_eq!(app.view.flash, Some(Message::NotCited));
        app.update(Action::ToggleIndex);
        assert_eq!(
            app.view.overlay,
            Some(Overlay::Index),
            "one list replaces another"
        );
        app.update(Action::ToggleIndex);
        assert_eq!(app.view.overlay, None, "its own key closes it");
    }

    #[test]
    fn contents_shows_progress_and_goes_to_a_part() {
        let mut app = app();
        assert!(app.part_progress(0) > 0);
        assert_eq!(app.part_progress(2), 0);
        app.update(Action::ToggleContents);
        assert_eq!(app.view.contents.cursor, 0);
        app.update(Action::LineDown);
        app.update(Action::LineDown);
        app.update(Action::ListOpen);
        assert_eq!(app.view.overlay, None);
        assert_eq!(app.view.focus, 2);
        assert_eq!(app.view.tops[2].row, 0);
        assert!(app.part_progress(2) > 0);
        app.update(Action::Bottom);
        assert_eq!(app.part_progress(2), 100);
        app.update(Action::Top);
        assert_eq!(app.part_progress(2), 100, "progress is how far one got");
    }

    #[test]
    fn a_click_selects_an_entry_a_second_goes_there_and_outside_closes() {
        let mut app = app();
        app.update(Action::ToggleIndex);
        let list = app.lookup_areas(Overlay::Index).list;
        app.update(Action::Click(list.x + 3, list.y + 2));
        assert_eq!(
            app.view.overlay,
            Some(Overlay::Index),
            "a first click selects"
        );
        assert_eq!(app.view.index.list.cursor, 2);
        app.update(Action::Click(list.x + 9, list.y + 2));
        assert_eq!(app.view.selected, Some(2), "a second one goes there");
        assert_eq!(app.view.overlay, None);
        app.update(Action::ToggleIndex);
        app.update(Action::Click(0, 0));
        assert_eq!(app.view.overlay, None);
        assert_eq!(app.view.selected, Some(2));
    }
}

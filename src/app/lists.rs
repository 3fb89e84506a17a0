//! What keys do in the five lists — the index, the sources, the contents (`overlays`: their
//! entries, filter and Enter), the notes and the bookmarks (here) — through one table of keys
//! (`Mode::List`) and one state (`ListState`): the same motion keys, counts, `q`/`Esc` and
//! `Enter` in every one of them.
//!
//! Invariant after every `update`: the open list's cursor is inside its entries and on
//! screen, for the number of entries `layout::popup` says it shows at the current size.

use ratatui::layout::{Position, Rect};
use ratatui::style::Style;

use super::list_state::ListState;
use super::{Action, App, Effect, Overlay};
use crate::i18n::Text;
use crate::layout::popup::NotebookListAreas;
use crate::notebook::Place;

/// Rows each entry of the notes list (where it is, then the note's first line) or the
/// bookmarks list (where it is) takes.
fn rows_per_entry(overlay: Overlay) -> usize {
    if overlay == Overlay::Notes { 2 } else { 1 }
}

impl Overlay {
    /// Whether this overlay is one of the five lists (its keys are `Mode::List`'s).
    pub fn is_list(self) -> bool {
        matches!(
            self,
            Self::Index | Self::Sources | Self::Contents | Self::Notes | Self::Bookmarks
        )
    }
}

impl App {
    /// The cursor, scroll and filter of a list.
    pub fn list_state(&self, overlay: Overlay) -> Option<&ListState> {
        match overlay {
            Overlay::Index => Some(&self.view.index.list),
            Overlay::Sources => Some(&self.view.sources),
            Overlay::Contents => Some(&self.view.contents),
            Overlay::Notes => Some(&self.view.notes),
            Overlay::Bookmarks => Some(&self.view.bookmarks),
            Overlay::Help | Overlay::Problems => None,
        }
    }

    pub(super) fn list_state_mut(&mut self, overlay: Overlay) -> Option<&mut ListState> {
        match overlay {
            Overlay::Index => Some(&mut self.view.index.list),
            Overlay::Sources => Some(&mut self.view.sources),
            Overlay::Contents => Some(&mut self.view.contents),
            Overlay::Notes => Some(&mut self.view.notes),
            Overlay::Bookmarks => Some(&mut self.view.bookmarks),
            Overlay::Help | Overlay::Problems => None,
        }
    }

    /// How many entries a list shows now (under its filter).
    pub fn list_len(&self, overlay: Overlay) -> usize {
        match overlay {
            Overlay::Notes => self.notebook.notes.len(),
            Overlay::Bookmarks => self.notebook.bookmarks.len(),
            other => self.lookup_len(other),
        }
    }

    /// How many entries a list shows at once at the current size (a page).
    pub fn list_height(&self, overlay: Overlay) -> usize {
        let (w, h) = self.view.size;
        match overlay {
            Overlay::Notes | Overlay::Bookmarks => crate::layout::popup::notebook_list_shown(
                Rect::new(0, 0, w, h),
                self.list_len(overlay),
                rows_per_entry(overlay),
            ),
            other => usize::from(self.lookup_areas(other).list.height).max(1),
        }
    }

    /// Where the notes or bookmarks list is at the current size: its entries, or the words
    /// saying it has none (`layout::popup`, the same areas `ui` draws in).
    pub fn notebook_list_areas(&self, overlay: Overlay) -> NotebookListAreas {
        let (w, h) = self.view.size;
        let len = self.list_len(overlay);
        let rows = if len == 0 {
            let (_, width) = crate::layout::popup::notebook_list_width(w);
            crate::layout::lines::wrap_text(
                self.empty_list_text(overlay).get(self.lang),
                width.max(1),
                Style::new(),
                false,
            )
            .len()
        } else {
            len.saturating_mul(rows_per_entry(overlay))
        };
        crate::layout::popup::notebook_list_areas(Rect::new(0, 0, w, h), rows)
    }

    /// What the notes or bookmarks list says when it is empty.
    pub fn empty_list_text(&self, overlay: Overlay) -> Text {
        if overlay == Overlay::Notes {
            Text::NoNotes
        } else {
            Text::NoBookmarks
        }
    }

    /// A click in a list: on an entry it moves the cursor there, and on the entry under the
    /// cursor it opens it (so a double click opens the entry clicked); outside the list it
    /// closes it. Where the entries are comes from `layout::popup`.
    fn click_list(&mut self, overlay: Overlay, x: u16, y: u16) {
        let (popup, entries, per) = if overlay.is_lookup() {
            let areas = self.lookup_areas(overlay);
            (areas.popup, areas.list, 1)
        } else {
            let areas = self.notebook_list_areas(overlay);
            (areas.popup, areas.entries, rows_per_entry(overlay))
        };
        let position = Position::new(x, y);
        if !popup.contains(position) {
            self.close_list();
            return;
        }
        if !entries.contains(position) {
            return;
        }
        let len = self.list_len(overlay);
        let Some(list) = self.list_state_mut(overlay) else {
            return;
        };
        let entry = list.top + usize::from(y - entries.y) / per;
        if entry >= len {
            return;
        }
        if entry != list.cursor {
            list.cursor = entry;
        } else if overlay.is_lookup() {
            self.activate(overlay);
        } else {
            self.notebook_list_action(overlay, Action::ListOpen);
        }
    }

    /// Applies an action while a list is open; `count` is the number typed before it (0 for
    /// none: `5j`, `12G`).
    pub(super) fn update_list(&mut self, overlay: Overlay, action: Action, count: usize) {
        if self.view.confirm_delete && matches!(action, Action::Click(..) | Action::Wheel(..)) {
            // The mouse while "delete?" is asked answers no, like any other key, and moves
            // nothing: the question stays about the entry it named.
            self.view.confirm_delete = false;
            return;
        }
        let len = self.list_len(overlay);
        let height = self.list_height(overlay);
        if let Some(list) = self.list_state_mut(overlay)
            && list.motion(action, count, len, height)
        {
            return;
        }
        // A list key this list has no use for (`x` in the index, `/` in the notes) says so,
        // like a key bound to nothing.
        let notebook = matches!(overlay, Overlay::Notes | Overlay::Bookmarks);
        let useless = match action {
            Action::Search => !overlay.is_lookup(),
            Action::NextKind | Action::PrevKind => overlay != Overlay::Index,
            Action::ListEdit => overlay != Overlay::Notes,
            Action::ListDelete => !notebook,
            _ => false,
        };
        if useless {
            self.view.notice = Some(Text::UnknownKey);
            return;
        }
        match action {
            Action::Quit => self.effects.push(Effect::Quit),
            Action::Close => self.close_list(),
            Action::ToggleHelp => {
                self.close_list();
                self.view.overlay = Some(Overlay::Help);
                self.view.help_scroll = 0;
            }
            Action::ToggleIndex
            | Action::ToggleSources
            | Action::ToggleContents
            | Action::ShowNotes
            | Action::ShowBookmarks => {
                let wanted = match action {
                    Action::ToggleIndex => Overlay::Index,
                    Action::ToggleSources => Overlay::Sources,
                    Action::ToggleContents => Overlay::Contents,
                    Action::ShowNotes => Overlay::Notes,
                    _ => Overlay::Bookmarks,
                };
                // Its own key closes a list; another list's key opens that one instead.
                self.close_list();
                if wanted != overlay {
                    self.open_any_list(wanted);
                }
            }
            Action::Edit(edit) => self.lookup_edit(edit),
            Action::Search if overlay.is_lookup() => {
                if let Some(list) = self.list_state_mut(overlay) {
                    list.editing = true;
                }
            }
            Action::NextKind | Action::PrevKind if overlay == Overlay::Index => {
                self.view
                    .index
                    .cycle_kind(&self.article, action == Action::NextKind);
                self.view.index.list.cursor = 0;
                self.view.index.list.top = 0;
            }
            Action::ListOpen if overlay.is_lookup() => self.activate(overlay),
            Action::Click(x, y) => self.click_list(overlay, x, y),
            Action::ListOpen
            | Action::ListEdit
            | Action::ListDelete
            | Action::Yes
            | Action::No
            | Action::Back
                if notebook =>
            {
                self.notebook_list_action(overlay, action);
            }
            _ => {}
        }
        self.settle_list();
    }

    /// Opens any of the five lists on what the reader is looking at.
    pub(super) fn open_any_list(&mut self, overlay: Overlay) {
        match overlay {
            Overlay::Notes | Overlay::Bookmarks => self.open_list(overlay),
            other => self.open_lookup(other),
        }
    }

    fn close_list(&mut self) {
        self.view.overlay = None;
        self.view.confirm_delete = false;
    }

    /// Clamps the open list's cursor and scrolls it on screen (after any change of entries,
    /// filter or size).
    pub(super) fn settle_list(&mut self) {
        let Some(overlay) = self.view.overlay.filter(|o| o.is_list()) else {
            return;
        };
        if overlay == Overlay::Index {
            self.cache_index();
        }
        let len = self.list_len(overlay);
        let height = self.list_height(overlay);
        if let Some(list) = self.list_state_mut(overlay) {
            list.settle(len, height);
        }
    }

    /// Keeps the notes and bookmarks lists' cursors inside their entries after the notebook
    /// changed (a save, a deletion, another process's notes merged in).
    pub(super) fn settle_notebook_lists(&mut self) {
        let (notes, bookmarks) = (self.notebook.notes.len(), self.notebook.bookmarks.len());
        let cap =
            |list: &mut ListState, len: usize| list.cursor = list.cursor.min(len.saturating_sub(1));
        cap(&mut self.view.notes, notes);
        cap(&mut self.view.bookmarks, bookmarks);
        self.settle_list();
    }

    /// Opens the notes or bookmarks list on the entry for what the reader is looking at, if
    /// there is one.
    pub(super) fn open_list(&mut self, which: Overlay) {
        self.view.overlay = Some(which);
        self.view.confirm_delete = false;
        let here = match self.selection_in_view() {
            Some(i) => Some(Place::Annotation(i)),
            None => self
                .current_paragraph()
                .map(|(part, paragraph)| Place::Paragraph { part, paragraph }),
        };
        let cursor = here
            .and_then(|here| self.list_places().iter().position(|p| *p == here))
            .unwrap_or(0);
        let len = self.list_len(which);
        let height = self.list_height(which);
        if let Some(list) = self.list_state_mut(which) {
            *list = ListState::default();
            list.open_at(cursor, len, height);
        }
    }

    /// The places of the open notes or bookmarks list's entries, in the list's order.
    fn list_places(&self) -> Vec<Place> {
        match self.view.overlay {
            Some(Overlay::Notes) => self
                .notebook
                .notes_in_order(&self.article)
                .into_iter()
                .filter_map(|i| self.notebook.notes.get(i).map(|n| n.place))
                .collect(),
            Some(Overlay::Bookmarks) => self
                .notebook
                .bookmarks_in_order(&self.article)
                .into_iter()
                .filter_map(|i| self.notebook.bookmarks.get(i).map(|b| b.place))
                .collect(),
            _ => Vec::new(),
        }
    }

    /// Index into `notebook.notes` or `notebook.bookmarks` of the selected list entry.
    pub fn list_selected_entry(&self) -> Option<usize> {
        let (order, list) = match self.view.overlay {
            Some(Overlay::Notes) => (
                self.notebook.notes_in_order(&self.article),
                &self.view.notes,
            ),
            Some(Overlay::Bookmarks) => (
                self.notebook.bookmarks_in_order(&self.article),
                &self.view.bookmarks,
            ),
            _ => return None,
        };
        order.get(list.cursor).copied()
    }

    /// Enter, `e`, `x` and the answers to "delete?" in the notes and bookmarks lists.
    fn notebook_list_action(&mut self, overlay: Overlay, action: Action) {
        let cursor = self.list_state(overlay).map_or(0, |l| l.cursor);
        match action {
            Action::Yes | Action::No | Action::Back if self.view.confirm_delete => {
                self.view.confirm_delete = false;
                if action == Action::Yes {
                    self.delete_selected_entry();
                }
            }
            Action::ListDelete if self.list_len(overlay) > 0 => self.view.confirm_delete = true,
            Action::ListEdit if overlay == Overlay::Notes => {
                if let Some(i) = self.list_selected_entry() {
                    self.edit_note(i);
                }
            }
            Action::ListOpen => match self.list_places().get(cursor).copied() {
                Some(Place::Orphan) => self.say(Text::PassageGone),
                Some(place) => {
                    self.close_list();
                    self.go_to(place);
                }
                None => {}
            },
            _ => {}
        }
    }

    fn delete_selected_entry(&mut self) {
        let Some(i) = self.list_selected_entry() else {
            return;
        };
        let text = match self.view.overlay {
            Some(Overlay::Notes) if i < self.notebook.notes.len() => {
                self.notebook.notes.remove(i);
                Text::NoteDeleted
            }
            Some(Overlay::Bookmarks) if i < self.notebook.bookmarks.len() => {
                self.notebook.bookmarks.remove(i);
                Text::BookmarkRemoved
            }
            _ => return,
        };
        self.notebook_changed();
        self.say(text);
        self.settle_notebook_lists();
    }
}

#[cfg(test)]
mod tests {
    use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

    use super::*;
    use crate::content::{Annotation, AnnotationKind, Article, Meta, Part, PartKind, Source};
    use crate::i18n::Lang;
    use crate::notebook::PlacedSpot;
    use crate::theme::{Theme, ThemeName};

    /// An article of 50 parts of two paragraphs, an annotation in each paragraph citing one
    /// of 50 sources, a note on each annotation and a bookmark on each paragraph: every list
    /// is longer than two of its pages at 80×24.
    fn long_lists() -> App {
        const PARTS: usize = 50;
        let mut text = String::new();
        let (mut parts, mut annotations, mut sources) = (Vec::new(), Vec::new(), Vec::new());
        for p in 0..PARTS {
            let mut paragraphs = Vec::new();
            for i in 0..2 {
                let start = text.len();
                text.push_str(&format!("Paragraphe {i} de la partie {p}. Des mots. "));
                let at = text.len();
                text.push_str(&format!("chiffre {p}-{i}"));
                annotations.push(Annotation {
                    id: format!("a-{p}-{i}"),
                    kind: AnnotationKind::Figure,
                    range: at..text.len(),
                    part: p,
                    paragraph: i,
                    source: Some(p),
                    context: "Contexte.".into(),
                    verdict: None,
                    note: String::new(),
                    questions: Vec::new(),
                });
                text.push_str(" et la suite.");
                paragraphs.push(start..text.len());
                text.push(' ');
            }
            parts.push(Part {
                id: format!("p{p}"),
                kind: if p + 1 == PARTS {
                    PartKind::Conclusion
                } else {
                    PartKind::Part
                },
                heading: format!("Partie {p}"),
                paragraphs,
            });
            sources.push(Source {
                id: format!("s{p}"),
                author: format!("Auteur {p}"),
                title: "Rapport".into(),
                publisher: None,
                date: None,
                kind: "report".into(),
                url: None,
                reference: Some(u32::try_from(p + 1).unwrap()),
                note: String::new(),
            });
        }
        let article = Article {
            meta: Meta {
                title: "Titre".into(),
                language: "fr".into(),
                ..Meta::default()
            },
            text,
            parts,
            annotations,
            sources,
            ..Article::default()
        };
        let mut app = App::new(
            article,
            Lang::Fr,
            Theme::named(ThemeName::Monochrome),
            (80, 24),
        );
        for i in 0..app.article.annotations.len() {
            let anchor = PlacedSpot::annotation(&app.article, i).unwrap();
            app.notebook.set_note(None, &anchor, &format!("note {i}"));
        }
        for part in 0..PARTS {
            for paragraph in 0..2 {
                let anchor = PlacedSpot::paragraph(&app.article, part, paragraph).unwrap();
                app.notebook.toggle_bookmark(&anchor);
            }
        }
        app.notes_saved(app.notebook.clone());
        app
    }

    fn press(app: &mut App, code: KeyCode, modifiers: KeyModifiers) {
        app.handle_event(&Event::Key(KeyEvent::new(code, modifiers)));
    }

    /// Types `keys`: characters, `^x` for Ctrl-x, and `<Down>`, `<Up>`, `<PgDn>`, `<PgUp>`,
    /// `<Home>`, `<End>`.
    fn type_keys(app: &mut App, keys: &str) {
        let mut rest = keys;
        while let Some(c) = rest.chars().next() {
            rest = &rest[c.len_utf8()..];
            let (code, modifiers) = match c {
                '^' => {
                    let ctrl = rest.chars().next().unwrap();
                    rest = &rest[ctrl.len_utf8()..];
                    (KeyCode::Char(ctrl), KeyModifiers::CONTROL)
                }
                '<' => {
                    let end = rest.find('>').unwrap();
                    let name = &rest[..end];
                    rest = &rest[end + 1..];
                    let code = match name {
                        "Down" => KeyCode::Down,
                        "Up" => KeyCode::Up,
                        "PgDn" => KeyCode::PageDown,
                        "PgUp" => KeyCode::PageUp,
                        "Home" => KeyCode::Home,
                        "End" => KeyCode::End,
                        "Esc" => KeyCode::Esc,
                        "Enter" => KeyCode::Enter,
                        other => panic!("no key {other}"),
                    };
                    (code, KeyModifiers::NONE)
                }
                c => (KeyCode::Char(c), KeyModifiers::NONE),
            };
            press(app, code, modifiers);
        }
    }

    #[test]
    fn the_five_lists_take_the_same_keys_the_same_way() {
        let lists = [
            ('i', Overlay::Index),
            ('S', Overlay::Sources),
            ('c', Overlay::Contents),
            ('A', Overlay::Notes),
            ('\'', Overlay::Bookmarks),
        ];
        for (open, overlay) in lists {
            let mut app = long_lists();
            type_keys(&mut app, &open.to_string());
            assert_eq!(app.view.overlay, Some(overlay));
            assert_eq!(app.mode(), crate::input::Mode::List, "{overlay:?}");
            let len = app.list_len(overlay);
            let page = app.list_height(overlay);
            let half = (page / 2).max(1);
            assert!(
                len > 2 * page + 12,
                "{overlay:?}: {len} entries, {page} a page"
            );
            // (keys, where the cursor is after them)
            let steps: Vec<(&str, usize)> = vec![
                ("g", 0),
                ("jj", 2),
                ("5j", 7),
                ("^e", 8),
                ("^y", 7),
                ("<Down><Down>k", 8),
                ("<Up>", 7),
                ("d", 7 + half),
                ("^d", 7 + 2 * half),
                ("u", 7 + half),
                ("^u", 7),
                ("^f", 7 + page),
                (" ", 7 + 2 * page),
                ("b", 7 + page),
                ("^b", 7),
                ("<PgDn>", 7 + page),
                ("<PgUp>", 7),
                ("2^f", 7 + 2 * page),
                ("3u", 7 + 2 * page - 3 * half),
                ("G", len - 1),
                ("12G", 11),
                ("3g", 2),
                ("<End>", len - 1),
                ("<Home>", 0),
                ("9999j", len - 1),
                ("g", 0),
            ];
            for (keys, cursor) in steps {
                type_keys(&mut app, keys);
                let state = app.list_state(overlay).unwrap();
                assert_eq!(state.cursor, cursor, "{overlay:?} after {keys:?}");
                assert!(
                    state.top <= state.cursor && state.cursor < state.top + page,
                    "{overlay:?} after {keys:?}: the cursor is on screen"
                );
                assert_eq!(app.view.overlay, Some(overlay), "{keys:?} keeps it open");
                assert_eq!(app.view.count, None, "{keys:?} used its count");
            }
            // An unbound key says so, and leaves the list as it was.
            type_keys(&mut app, "Z");
            assert_eq!(app.view.notice, Some(Text::UnknownKey), "{overlay:?}");
            assert_eq!(app.view.overlay, Some(overlay));
            type_keys(&mut app, "j");
            assert_eq!(app.view.notice, None, "the next key clears it");
            // q and Esc close it, without quitting; Enter opens the entry.
            for close in ["q", "<Esc>"] {
                type_keys(&mut app, close);
                assert_eq!(app.view.overlay, None, "{overlay:?}: {close} closes");
                type_keys(&mut app, &open.to_string());
                assert_eq!(app.view.overlay, Some(overlay));
            }
            type_keys(&mut app, "5G<Enter>");
            assert_eq!(
                app.view.overlay, None,
                "{overlay:?}: Enter goes to the entry"
            );
        }
    }

    #[test]
    fn keys_a_list_has_no_use_for_say_so() {
        let mut app = long_lists();
        type_keys(&mut app, "ix");
        assert_eq!(
            app.view.notice,
            Some(Text::UnknownKey),
            "x deletes nothing in the index"
        );
        type_keys(&mut app, "A/");
        assert_eq!(
            app.view.overlay,
            Some(Overlay::Notes),
            "i then A: one list for another"
        );
        assert_eq!(
            app.view.notice,
            Some(Text::UnknownKey),
            "the notes have no filter"
        );
        type_keys(&mut app, "A");
        assert_eq!(app.view.overlay, None, "its own key closes a list");
    }
}

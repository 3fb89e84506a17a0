//! The reader's own marks, as `App` behaviour: bookmarks, notes and their editor, and the
//! remembered position.
//!
//! Everything here changes state only through `App::update` (actions) and `App::edit` (the
//! editor's keys); nothing does I/O. A change to the notebook asks for an
//! `Effect::SaveNotebook`, which the event loop (`term::reader`) carries out through `store`;
//! the merged notebook comes back through `App::notes_saved`. (The notes and bookmarks lists
//! move like every list: `lists`.)
//!
//! Invariant: while the editor is open its scroll keeps the cursor's row on screen.

use crate::i18n::screen as msg;
use ratatui::layout::Rect;

use super::editor::{Edit, Editor};
use super::{Action, App, Effect, Top};
use crate::i18n::Text;
use crate::notebook::{Notebook, Place, PlacedSpot, cut, locate, paragraph_at};
use crate::store::{PanePosition, Position, Problem};

/// Longest quote stored for a pane's top, in bytes.
const POSITION_QUOTE_BYTES: usize = 48;

impl App {
    /// The paragraph a note or bookmark goes on when nothing is selected: the first paragraph
    /// that begins on screen in the focused pane, else the one filling it.
    pub fn current_paragraph(&self) -> Option<(usize, usize)> {
        let pane = self.view.focus;
        let (start, end) = self.visible_bytes(pane);
        let found = paragraph_at(&self.article, start).or_else(|| {
            // Above the first paragraph (a heading row): the pane's first paragraph.
            let first = *self.panes.get(pane)?.parts.first()?;
            self.article
                .parts
                .get(first)
                .filter(|p| !p.paragraphs.is_empty())
                .map(|_| (first, 0))
        })?;
        let range = self.paragraph_range(found)?;
        if start > range.start
            && let Some(next) = self.next_paragraph_in_pane(pane, found)
            && self.paragraph_range(next).is_some_and(|r| r.start < end)
        {
            return Some(next);
        }
        Some(found)
    }

    fn paragraph_range(&self, (part, paragraph): (usize, usize)) -> Option<std::ops::Range<usize>> {
        self.article
            .parts
            .get(part)?
            .paragraphs
            .get(paragraph)
            .cloned()
    }

    fn next_paragraph_in_pane(
        &self,
        pane: usize,
        (part, paragraph): (usize, usize),
    ) -> Option<(usize, usize)> {
        let parts = &self.panes.get(pane)?.parts;
        if self
            .article
            .parts
            .get(part)
            .is_some_and(|p| paragraph + 1 < p.paragraphs.len())
        {
            return Some((part, paragraph + 1));
        }
        let k = parts.iter().position(|&p| p == part)?;
        parts[k + 1..]
            .iter()
            .find(|&&p| {
                self.article
                    .parts
                    .get(p)
                    .is_some_and(|p| !p.paragraphs.is_empty())
            })
            .map(|&p| (p, 0))
    }

    /// The selected annotation, if it is on screen in the focused pane (a selection left in
    /// another pane is not what the reader is looking at).
    pub(super) fn selection_in_view(&self) -> Option<usize> {
        let index = self.view.selected?;
        let annotation = self.article.annotations.get(index)?;
        if self.part_pane.get(annotation.part) != Some(&self.view.focus) {
            return None;
        }
        let (start, end) = self.visible_bytes(self.view.focus);
        (annotation.range.start < end.max(start + 1) && annotation.range.end > start)
            .then_some(index)
    }

    /// Where a new note goes: the selected annotation when it is in view, else the current
    /// paragraph.
    fn note_anchor(&self) -> Option<PlacedSpot> {
        match self.selection_in_view() {
            Some(i) => PlacedSpot::annotation(&self.article, i),
            None => {
                let (part, paragraph) = self.current_paragraph()?;
                PlacedSpot::paragraph(&self.article, part, paragraph)
            }
        }
    }

    pub(super) fn notebook_changed(&mut self) {
        self.effects.push(Effect::SaveNotebook);
    }

    pub(super) fn say(&mut self, text: Text) {
        self.view.message = Some(text.get(self.lang).to_owned());
    }

    pub(super) fn toggle_bookmark(&mut self) {
        let Some(anchor) = self
            .current_paragraph()
            .and_then(|(part, p)| PlacedSpot::paragraph(&self.article, part, p))
        else {
            self.say(Text::NothingToAnnotate);
            return;
        };
        let added = self.notebook.toggle_bookmark(&anchor);
        self.notebook_changed();
        let text = if added {
            Text::BookmarkSet
        } else {
            Text::BookmarkRemoved
        };
        self.view.message = Some(format!(
            "{}{}« {}… »",
            text.get(self.lang),
            msg::colon(self.lang),
            opening(&anchor.quote, 32)
        ));
    }

    pub(super) fn edit_note_here(&mut self) {
        let Some(anchor) = self.note_anchor() else {
            self.say(Text::NothingToAnnotate);
            return;
        };
        let existing = self
            .notebook
            .note_at(anchor.place)
            .and_then(|i| self.notebook.notes.get(i));
        let (id, text) = existing.map_or((None, ""), |n| (Some(n.id.clone()), n.text.as_str()));
        let editor = Editor::new(anchor, id, text);
        self.view.editor = Some(editor);
        self.settle_editor();
    }

    /// Opens the editor on the note at `index` of `notebook.notes`.
    pub(super) fn edit_note(&mut self, index: usize) {
        let Some(note) = self.notebook.notes.get(index) else {
            return;
        };
        let anchor = PlacedSpot::placed(note.spot.clone(), note.place);
        self.view.editor = Some(Editor::new(anchor, Some(note.id.clone()), &note.text));
        self.settle_editor();
    }

    /// The editor's text width and height for the current terminal size.
    fn editor_text_size(&self) -> (usize, usize) {
        let (w, h) = self.view.size;
        let areas = crate::layout::popup::editor(Rect::new(0, 0, w, h));
        (
            crate::layout::popup::editor_wrap_width(areas.text),
            usize::from(areas.text.height),
        )
    }

    /// Keeps the editor's cursor on screen after a change of text or size.
    pub(super) fn settle_editor(&mut self) {
        let (width, height) = self.editor_text_size();
        if let Some(editor) = &mut self.view.editor {
            editor.keep_cursor_visible(width, height);
        }
    }

    /// Applies one editing command to the open editor (the editor's counterpart of `update`).
    pub fn edit(&mut self, edit: Edit) {
        self.view.message = None;
        let (width, _) = self.editor_text_size();
        if let Some(editor) = &mut self.view.editor {
            editor.apply(edit, width);
            if editor.is_full {
                self.say(Text::NoteFull);
            }
        }
        self.settle_editor();
    }

    /// Pasted text into the editor.
    pub fn paste_note(&mut self, text: &str) {
        self.view.message = None;
        if let Some(editor) = &mut self.view.editor {
            editor.paste(text);
            if editor.is_full {
                self.say(Text::NoteFull);
            }
        }
        self.settle_editor();
    }

    pub(super) fn editor_update(&mut self, action: Action) {
        let recovered = self.view.editor.as_ref().is_some_and(|e| e.recovered);
        match action {
            Action::Resize(w, h) => self.view.size = (w, h),
            // "Restore the unsaved note?" Esc (back, without answering) leaves the draft
            // unrestored, as `n` does.
            Action::Yes if recovered => {
                if let Some(editor) = &mut self.view.editor {
                    editor.recovered = false;
                }
                self.say(Text::DraftRestored);
            }
            Action::No | Action::Back if recovered => {
                self.view.editor = None;
                self.say(Text::DraftDropped);
            }
            Action::Edit(edit) => self.edit(edit),
            Action::NoteSave | Action::Yes => self.save_editor(),
            Action::No => {
                self.view.editor = None;
                self.say(Text::NoteDiscarded);
            }
            Action::Back => {
                if let Some(editor) = &mut self.view.editor {
                    editor.confirm_close = false;
                }
            }
            Action::NoteClose => {
                let Some(editor) = &mut self.view.editor else {
                    return;
                };
                if editor.is_modified() && !editor.confirm_close {
                    editor.confirm_close = true;
                } else {
                    self.view.editor = None;
                }
            }
            _ => {}
        }
    }

    fn save_editor(&mut self) {
        let Some(editor) = self.view.editor.take() else {
            return;
        };
        let had_note = editor
            .note_id
            .as_deref()
            .is_some_and(|id| self.notebook.notes.iter().any(|n| n.id == id));
        let changed =
            self.notebook
                .set_note(editor.note_id.as_deref(), &editor.anchor, editor.text());
        if changed {
            self.notebook_changed();
            let deleted = had_note && editor.text().trim().is_empty();
            self.say(if deleted {
                Text::NoteDeleted
            } else {
                Text::NoteSaved
            });
        }
        self.settle_notebook_lists();
    }

    /// Shows a place: selects an annotation, or puts a paragraph at the top of its pane.
    pub fn go_to(&mut self, place: Place) {
        match place {
            Place::Annotation(i) => self.select(i),
            Place::Paragraph { part, paragraph } => {
                let Some(start) = self.paragraph_range((part, paragraph)).map(|r| r.start) else {
                    return;
                };
                let pane = self.part_pane.get(part).copied().unwrap_or(0);
                self.view.selected = None;
                self.view.focus = pane;
                if let Some(top) = self.view.tops.get_mut(pane) {
                    // Width 0 makes `refresh` find the row of `start` at the pane's width; lead 0
                    // shows the blank row or heading just above the paragraph.
                    *top = Top {
                        row: 0,
                        width: 0,
                        byte: start,
                        lead: 0,
                    };
                }
                self.refresh();
            }
            Place::Orphan => {}
        }
    }

    /// Replaces the notebook with the merged one a save returned (other processes' changes
    /// included) and resolves it.
    pub fn notes_saved(&mut self, mut merged: Notebook) {
        merged.resolve(&self.article);
        self.notebook = merged;
        self.settle_notebook_lists();
    }

    /// Loads a notebook read at start-up.
    pub fn set_notebook(&mut self, notebook: Notebook) {
        self.notes_saved(notebook);
    }

    /// Offers back a note that was being written when glose was last cut off: the editor opens
    /// on it, asking whether to restore it.
    pub fn offer_draft(&mut self, draft: &crate::store::Draft) {
        let place = draft.spot.resolve(&self.article);
        let anchor = PlacedSpot::placed(draft.spot.clone(), place);
        let existing = draft
            .note
            .as_deref()
            .and_then(|id| self.notebook.notes.iter().find(|n| n.id == id));
        let (id, original) = existing.map_or((None, ""), |n| (Some(n.id.clone()), n.text.as_str()));
        self.view.editor = Some(Editor::recovered(anchor, id, original, &draft.text));
        self.settle_editor();
    }

    /// The note being written, if the editor holds unsaved words (what a draft file keeps when
    /// glose is cut off); `None` while a recovered draft awaits its answer (its file is kept).
    pub fn draft(&self) -> Option<crate::store::Draft> {
        let editor = self.view.editor.as_ref()?;
        if editor.recovered || !editor.is_modified() || editor.text().trim().is_empty() {
            return None;
        }
        Some(crate::store::Draft {
            version: crate::store::VERSION,
            note: editor.note_id.clone(),
            spot: editor.anchor.spot(),
            text: editor.text().to_owned(),
        })
    }

    /// Whether a recovered draft still awaits the reader's answer.
    pub fn draft_pending(&self) -> bool {
        self.view.editor.as_ref().is_some_and(|e| e.recovered)
    }

    /// Tells the reader about a problem with a state file, in the status line.
    pub fn report(&mut self, problem: &Problem) {
        self.view.message = Some(problem.short(self.lang));
    }

    /// Where the reader is, anchored by content, for `store` to save.
    pub fn position(&self) -> Position {
        let part_id = |part: usize| {
            self.article
                .parts
                .get(part)
                .map_or_else(String::new, |p| p.id.clone())
        };
        let panes = self
            .view
            .tops
            .iter()
            .enumerate()
            .filter_map(|(pane, top)| {
                let parts = &self.panes.get(pane)?.parts;
                // A pane never scrolled has not been laid out yet: its top is its first paragraph.
                let (part, byte, lead) = match paragraph_at(&self.article, top.byte) {
                    Some((part, _)) if parts.contains(&part) => (part, top.byte, top.lead),
                    _ => parts.iter().find_map(|&part| {
                        let first = self.article.parts.get(part)?.paragraphs.first()?;
                        Some((part, first.start, 0))
                    })?,
                };
                Some(PanePosition {
                    part: part_id(part),
                    byte,
                    lead,
                    quote: cut(
                        self.article.text.get(byte..).unwrap_or(""),
                        POSITION_QUOTE_BYTES,
                    )
                    .to_owned(),
                })
            })
            .collect();
        let focus = self
            .panes
            .get(self.view.focus)
            .and_then(|p| p.parts.first().copied())
            .map(part_id)
            .unwrap_or_default();
        Position {
            version: crate::store::VERSION,
            focus,
            selected: self
                .view
                .selected
                .and_then(|i| self.article.annotations.get(i))
                .map(|a| a.id.clone()),
            panes,
        }
    }

    /// Returns to a saved position: each pane's top where its words are now, the focused pane
    /// and the selection. What cannot be found is left at the top.
    pub fn restore_position(&mut self, position: &Position) {
        for saved in &position.panes {
            let Some(byte) = locate(&self.article, saved.byte, &saved.quote) else {
                continue;
            };
            let Some((part, _)) = paragraph_at(&self.article, byte) else {
                continue;
            };
            let pane = self.part_pane.get(part).copied().unwrap_or(0);
            if let Some(top) = self.view.tops.get_mut(pane) {
                *top = Top {
                    row: 0,
                    width: 0,
                    byte,
                    lead: if byte == saved.byte { saved.lead } else { 0 },
                };
            }
        }
        if let Some(part) = self
            .article
            .parts
            .iter()
            .position(|p| p.id == position.focus)
        {
            self.view.focus = self.part_pane.get(part).copied().unwrap_or(0);
        }
        self.view.selected = position
            .selected
            .as_deref()
            .and_then(|id| self.article.annotations.iter().position(|a| a.id == id));
        self.refresh();
    }
}

/// The first `chars` characters of `text`, cut at a word end when possible.
pub fn opening(text: &str, chars: usize) -> String {
    if text.chars().count() <= chars {
        return text.trim_end().to_owned();
    }
    let cut: String = text.chars().take(chars).collect();
    match cut.rfind(' ') {
        Some(i) if i > chars / 2 => cut.get(..i).unwrap_or(&cut).trim_end().to_owned(),
        _ => cut,
    }
}

#[cfg(test)]
mod tests {
    use ratatui::crossterm::event::{
        Event, KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers,
    };

    use super::*;
    use crate::app::Overlay;
    use crate::app::tests::sample;
    use crate::i18n::Lang;
    use crate::theme::{Theme, ThemeName};

    fn app(size: (u16, u16)) -> App {
        App::new(
            sample(12),
            Lang::Fr,
            Theme::named(ThemeName::Monochrome),
            size,
        )
    }

    fn key_with(app: &mut App, code: KeyCode, modifiers: KeyModifiers) -> crate::app::Handled {
        app.handle_event(&Event::Key(KeyEvent {
            code,
            modifiers,
            kind: KeyEventKind::Press,
            state: KeyEventState::NONE,
        }))
    }

    fn key(app: &mut App, code: KeyCode) -> crate::app::Handled {
        key_with(app, code, KeyModifiers::NONE)
    }

    /// Types `text`; returns the effects the keys asked for.
    fn typed(app: &mut App, text: &str) -> Vec<Effect> {
        let mut effects = Vec::new();
        for c in text.chars() {
            let code = if c == '\n' {
                KeyCode::Enter
            } else {
                KeyCode::Char(c)
            };
            effects.extend(key(app, code).effects);
        }
        effects
    }

    #[test]
    fn a_recovered_draft_is_answered_from_the_confirm_table() {
        let mut app = app((80, 24));
        app.update(Action::EditNote);
        typed(&mut app, "brouillon");
        let draft = app.draft().expect("unsaved words make a draft");
        app.view.editor = None;
        for (answer, kept) in [('o', true), ('Y', true), ('N', false)] {
            app.offer_draft(&draft);
            // A key that answers nothing leaves the question up.
            assert!(!key(&mut app, KeyCode::Char('x')).redraw);
            assert!(app.view.editor.as_ref().is_some_and(|e| e.recovered));
            assert!(key(&mut app, KeyCode::Char(answer)).redraw);
            assert_eq!(app.view.editor.is_some(), kept, "{answer}");
            app.view.editor = None;
        }
        // Esc goes back without restoring: the draft is dropped, as with n.
        app.offer_draft(&draft);
        assert!(key(&mut app, KeyCode::Esc).redraw);
        assert!(app.view.editor.is_none());
    }

    /// The paragraph whose first row is at the top of the focused pane, if one is.
    fn paragraph_on_top(app: &App) -> Option<(usize, usize)> {
        let pane = app.view.focus;
        let layout = app.layout(pane)?;
        let byte = layout.anchor_of_row(app.view.tops[pane].row);
        paragraph_at(&app.article, byte)
            .filter(|&(part, p)| app.article.parts[part].paragraphs[p].start == byte)
    }

    #[test]
    fn a_bookmark_goes_on_the_paragraph_on_screen_and_the_list_jumps_back() {
        let mut app = app((80, 24));
        for _ in 0..9 {
            key(&mut app, KeyCode::Char('j'));
        }
        let here = app.current_paragraph().unwrap();
        assert_eq!(here.0, 0);
        assert!(here.1 > 0, "scrolled past the first paragraph");
        assert_eq!(
            key(&mut app, KeyCode::Char('B')).effects,
            [Effect::SaveNotebook]
        );
        assert_eq!(app.notebook.bookmarks.len(), 1);
        assert!(
            app.view
                .message
                .as_deref()
                .unwrap()
                .starts_with("Signet posé")
        );
        // Elsewhere, then back through the list.
        key(&mut app, KeyCode::Char('3'));
        key(&mut app, KeyCode::Char('G'));
        key(&mut app, KeyCode::Char('\''));
        assert_eq!(app.view.overlay, Some(Overlay::Bookmarks));
        key(&mut app, KeyCode::Char('j')); // one entry: stays on it
        assert_eq!(app.view.bookmarks.cursor, 0);
        key(&mut app, KeyCode::Enter);
        assert_eq!(app.view.overlay, None);
        assert_eq!(app.view.focus, 0);
        assert_eq!(paragraph_on_top(&app), Some(here));
        // B again removes it.
        key(&mut app, KeyCode::Char('B'));
        assert!(app.notebook.bookmarks.is_empty());
        assert!(
            app.view
                .message
                .as_deref()
                .unwrap()
                .starts_with("Signet retiré")
        );
    }

    #[test]
    fn writing_a_note_with_the_editor_keys_are_text_not_commands() {
        let mut app = app((80, 24));
        key(&mut app, KeyCode::Char('a'));
        let editor = app.view.editor.as_ref().unwrap();
        assert_eq!(
            editor.anchor.place,
            Place::Paragraph {
                part: 0,
                paragraph: 0
            }
        );
        // q, j, G, ? are letters here.
        assert!(typed(&mut app, "quoi ? Gj\nÉtonnant").is_empty(), "no quit");
        key(&mut app, KeyCode::Left);
        key(&mut app, KeyCode::Backspace);
        assert_eq!(
            app.view.editor.as_ref().unwrap().text(),
            "quoi ? Gj\nÉtonnat"
        );
        app.handle_event(&Event::Paste("\x1b]0;titre\x07 collé".into()));
        assert_eq!(
            key_with(&mut app, KeyCode::Char('s'), KeyModifiers::CONTROL).effects,
            [Effect::SaveNotebook]
        );
        assert!(app.view.editor.is_none());
        assert_eq!(app.notebook.notes.len(), 1);
        assert_eq!(
            app.notebook.notes[0].text,
            "quoi ? Gj\nÉtonna␛]0;titre␇ collét"
        );
        assert_eq!(app.view.message.as_deref(), Some("Note enregistrée"));
        // `a` again edits the same note.
        key(&mut app, KeyCode::Char('a'));
        let editor = app.view.editor.as_ref().unwrap();
        assert_eq!(
            editor.note_id.as_deref(),
            Some(app.notebook.notes[0].id.as_str())
        );
        assert_eq!(editor.text(), app.notebook.notes[0].text);
    }

    #[test]
    fn esc_with_changes_asks_before_losing_them() {
        let mut app = app((80, 24));
        key(&mut app, KeyCode::Tab);
        let selected = app.view.selected.unwrap();
        key(&mut app, KeyCode::Char('a'));
        assert_eq!(
            app.view.editor.as_ref().unwrap().anchor.place,
            Place::Annotation(selected)
        );
        typed(&mut app, "brouillon");
        key(&mut app, KeyCode::Esc);
        assert!(
            app.view.editor.as_ref().unwrap().confirm_close,
            "asks first"
        );
        key(&mut app, KeyCode::Char('x'));
        assert!(app.view.editor.is_some(), "other keys do nothing");
        key(&mut app, KeyCode::Esc);
        assert!(
            !app.view.editor.as_ref().unwrap().confirm_close,
            "back to writing"
        );
        key(&mut app, KeyCode::Esc);
        assert!(
            key(&mut app, KeyCode::Char('n')).effects.is_empty(),
            "nothing to save"
        );
        assert!(app.view.editor.is_none());
        assert!(app.notebook.notes.is_empty(), "discarded");
        // Unchanged: Esc closes at once. With changes, `o` saves.
        key(&mut app, KeyCode::Char('a'));
        key(&mut app, KeyCode::Esc);
        assert!(app.view.editor.is_none());
        key(&mut app, KeyCode::Char('a'));
        typed(&mut app, "gardée");
        key(&mut app, KeyCode::Esc);
        key(&mut app, KeyCode::Char('o'));
        assert_eq!(app.notebook.notes[0].text, "gardée");
        assert_eq!(app.notebook.notes[0].place, Place::Annotation(selected));
    }

    #[test]
    fn a_selection_left_in_another_pane_is_not_the_note_target() {
        let mut app = app((80, 24));
        key(&mut app, KeyCode::Tab);
        assert!(app.view.selected.is_some());
        key(&mut app, KeyCode::Char('3'));
        key(&mut app, KeyCode::Char('a'));
        assert_eq!(
            app.view.editor.as_ref().unwrap().anchor.place,
            Place::Paragraph {
                part: 2,
                paragraph: 0
            }
        );
    }

    #[test]
    fn the_notes_list_edits_and_deletes_after_asking() {
        let mut app = app((80, 24));
        for pane in ['1', '3'] {
            key(&mut app, KeyCode::Char(pane));
            key(&mut app, KeyCode::Char('a'));
            typed(&mut app, &format!("note du panneau {pane}"));
            key_with(&mut app, KeyCode::Char('s'), KeyModifiers::CONTROL);
        }
        key(&mut app, KeyCode::Char('A'));
        assert_eq!(app.view.overlay, Some(Overlay::Notes));
        assert_eq!(app.view.notes.cursor, 1, "starts on the note on screen");
        key(&mut app, KeyCode::Char('k'));
        assert_eq!(app.view.notes.cursor, 0);
        // Edit from the list; the list is there again after saving.
        key(&mut app, KeyCode::Char('e'));
        typed(&mut app, " (revue)");
        key_with(&mut app, KeyCode::Char('s'), KeyModifiers::CONTROL);
        assert_eq!(app.view.overlay, Some(Overlay::Notes));
        let first = app.notebook.notes_in_order(&app.article)[0];
        assert_eq!(app.notebook.notes[first].text, "note du panneau 1 (revue)");
        // x asks; anything but yes keeps the note.
        key(&mut app, KeyCode::Char('x'));
        assert!(app.view.confirm_delete);
        key(&mut app, KeyCode::Char('n'));
        assert_eq!(app.notebook.notes.len(), 2);
        key(&mut app, KeyCode::Char('x'));
        key(&mut app, KeyCode::Char('o'));
        assert_eq!(app.notebook.notes.len(), 1);
        assert_eq!(app.notebook.notes[0].text, "note du panneau 3");
        // Enter goes to it; q closes without quitting.
        key(&mut app, KeyCode::Char('1'));
        key(&mut app, KeyCode::Enter);
        assert_eq!(app.view.focus, 2);
        key(&mut app, KeyCode::Char('A'));
        assert!(!key(&mut app, KeyCode::Char('q')).quits());
        assert_eq!(app.view.overlay, None);
    }

    #[test]
    fn the_position_comes_back_even_after_the_text_moved() {
        let mut app = app((120, 40));
        // A digit alone goes to its part (Esc: no motion follows, so it is no count).
        key(&mut app, KeyCode::Char('3'));
        key(&mut app, KeyCode::Esc);
        for _ in 0..25 {
            key(&mut app, KeyCode::Char('j'));
        }
        key(&mut app, KeyCode::Char('2'));
        key(&mut app, KeyCode::Esc);
        for _ in 0..7 {
            key(&mut app, KeyCode::Char('j'));
        }
        key(&mut app, KeyCode::Tab);
        let saved = app.position();
        assert_eq!(saved.focus, "p1");
        let tops: Vec<usize> = app.view.tops.iter().map(|t| t.byte).collect();

        let mut again = self::app((120, 40));
        again.restore_position(&saved);
        assert_eq!(again.view.focus, app.view.focus);
        assert_eq!(again.view.selected, app.view.selected);
        assert_eq!(again.position(), saved);
        let now: Vec<usize> = again.view.tops[..3].iter().map(|t| t.byte).collect();
        assert_eq!(now, tops[..3], "the three panes that were read");

        // The same article with words added at the start: every pane shows the same words.
        let mut edited = sample(12);
        edited.text.insert_str(0, "Avant-propos. ");
        for part in &mut edited.parts {
            for p in &mut part.paragraphs {
                *p = p.start + 14..p.end + 14;
            }
        }
        for a in &mut edited.annotations {
            a.range = a.range.start + 14..a.range.end + 14;
        }
        let mut moved = App::new(edited, Lang::Fr, Theme::default(), (80, 24));
        moved.restore_position(&saved);
        for (pane, top) in moved.view.tops.iter().enumerate() {
            let before = &saved.panes[pane].quote;
            assert!(
                moved.article.text[top.byte..].starts_with(before),
                "pane {pane} shows {before:?} at the top"
            );
            let part = paragraph_at(&moved.article, top.byte).unwrap().0;
            assert_eq!(moved.part_pane[part], pane);
        }
    }
}

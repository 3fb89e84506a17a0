//! The reader's state and the one way it changes: `App::update(Action) -> Vec<Effect>`.
//! What a change asks of the world outside (save the notebook, open an address, copy, quit)
//! comes back as `Effect`s, carried out by the event loop, never here.
//!
//! `App` owns the immutable article, its panes, the layout cache and the small `View` state.
//! Invariants after every `update`:
//! - `screen` is the arrangement for the current size and flags (`None` when too small);
//! - every pane on screen has a layout at its text width in the cache;
//! - every pane's top row is clamped to its layout, and a selected annotation that was just
//!   chosen (Tab, click, Enter) is visible in its pane; so is a search match `n` went to;
//! - the open list's cursor (index, sources, contents, notes, bookmarks) is inside its entries
//!   and on screen (`lists`).
//!
//! Rendering reads `App` and never changes it. Every key reaches `update` through the keymap
//! table of the mode in force (`App::mode`); text typed into the search line, a list's filter
//! or the note editor comes as `Action::Edit`.

pub mod editor;
mod effect;
mod find;
mod follow;
mod help;
mod keys;
pub mod line_input;
mod links;
pub mod list_state;
mod lists;
pub mod lookup;
mod marks;
mod motion;
mod mouse;
mod overlays;
mod presenter_view;
mod presenting;
mod reload;
pub use reload::Reloaded;
mod side;
mod stats;
pub mod tour;
mod view;

use std::collections::HashMap;
use std::sync::Arc;

use ratatui::layout::Rect;

use crate::clock::Clock;
use crate::content::{AnnotationKind, Article};
use crate::i18n::Lang;
pub use crate::input::{action, keymap};
use crate::layout::screen::{PaneArea, Screen, ScreenInput};
use crate::layout::{Pane, PaneLayout, lay_out, panes};
use crate::notebook::Notebook;
use crate::present::Presenter;
use crate::search::Folded;
use crate::theme::Theme;
pub use action::Action;
pub use editor::Editor;
pub use find::SearchState;
pub use keymap::Keymap;
pub use keymap::Mode;

/// What `update` compares before and after a change to tell the loop (`App::watched_by_loop`).
type Watched = (
    Option<tour::Published>,
    Option<(u64, bool, Option<crate::tour::TourProgress>)>,
);

/// The largest count before a motion (`9999j`).
const MAX_COUNT: usize = 9999;
use effect::Outbox;
pub use effect::{Effect, Handled};
pub use list_state::ListState;
use lookup::IndexState;
pub use presenting::SessionStart;
use stats::IndexCache;
pub use stats::PartStats;
pub use tour::TourState;
pub(crate) use view::row_of_byte;
pub use view::{Message, Overlay, Prefs, Top, View};

/// The reader.
#[derive(Debug)]
pub struct App {
    pub article: Article,
    pub panes: Vec<Pane>,
    /// For each part, the pane that shows it.
    pub part_pane: Vec<usize>,
    pub keymap: Keymap,
    pub lang: Lang,
    pub theme: Theme,
    pub view: View,
    /// The guided tour, while it is on.
    pub tour: Option<TourState>,
    /// The presenter, while it covers the reader (it shows `tour`, which is then on).
    pub presenter: Option<Presenter>,
    /// Where tour times come from (the system's, or a test's).
    pub clock: Arc<dyn Clock>,
    /// The arrangement for the current size; `None` when the terminal is too small.
    pub screen: Option<Screen>,
    pub prefs: Prefs,
    /// The reader's notes and bookmarks, resolved against `article`.
    pub notebook: Notebook,
    /// The effects asked for by the `update` under way (save the notebook, open an address,
    /// quit…): handed to the event loop when it returns, never carried out here.
    effects: Outbox,
    /// Whether the settings allow OSC 8 hyperlinks (the terminal and `GLOSE_HYPERLINKS` decide
    /// too, in `desk`).
    pub hyperlinks: bool,
    /// Wrapped layouts keyed by (pane, text width).
    layouts: HashMap<(usize, usize), PaneLayout>,
    /// The folded text for search, built on the first search.
    search_index: Option<Folded>,
    /// Each part's annotation and word counts, counted the first time the contents overlay
    /// opens rather than on every frame: on a book, counting walks the whole text.
    part_stats: Option<Vec<PartStats>>,
    /// How many annotations of each kind (in `AnnotationKind::ALL` order).
    kind_counts: [usize; 4],
    /// The index's entries for the kind and filter they were listed for: listed again only
    /// when those change, not on every frame and keypress (a book has thousands).
    index_cache: Option<IndexCache>,
    /// A draft's problems (errors and warnings of `glose check`), empty for a valid article.
    pub problems: Vec<crate::content::Diagnostic>,
    /// A draft's annotations that anchor nowhere: listed in the index with their problem.
    pub orphans: Vec<crate::content::Orphan>,
    /// The folder watched for live reload (`watch`), if any.
    pub watched: Option<crate::watch::Watcher<Reloaded>>,
    /// The panes on screen with their text widths, for the watcher's thread (`reload`).
    on_screen: reload::OnScreen,
    /// The room the presenter serves (`glose present --room`), if any.
    pub room: Option<crate::room::Room>,
    /// The room this reader follows (`glose follow`), if any.
    pub follow: Option<crate::room::follow::Following>,
}

impl App {
    pub fn new(article: Article, lang: Lang, theme: Theme, size: (u16, u16)) -> Self {
        let panes = panes(&article);
        let mut part_pane = vec![0; article.parts.len()];
        for (index, pane) in panes.iter().enumerate() {
            for &part in &pane.parts {
                if let Some(slot) = part_pane.get_mut(part) {
                    *slot = index;
                }
            }
        }
        let view = View {
            size,
            focus: 0,
            tops: vec![Top::default(); panes.len()],
            selected: None,
            link: None,
            overlay: None,
            marks_hidden: false,
            side_pref: None,
            side_scroll: 0,
            help_scroll: 0,
            editor: None,
            notes: ListState::default(),
            bookmarks: ListState::default(),
            confirm_delete: false,
            message: None,
            notice: None,
            search: SearchState::default(),
            index: IndexState::default(),
            sources: ListState::default(),
            contents: ListState::default(),
            seen: vec![0; panes.len()],
            flash: None,
            count: None,
        };
        let mut kind_counts = [0; 4];
        for annotation in &article.annotations {
            if let Some(i) = AnnotationKind::ALL
                .iter()
                .position(|&k| k == annotation.kind)
            {
                kind_counts[i] += 1;
            }
        }
        let mut app = Self {
            article,
            panes,
            part_pane,
            keymap: Keymap::default(),
            lang,
            theme,
            view,
            tour: None,
            presenter: None,
            clock: crate::clock::system(),
            screen: None,
            prefs: Prefs::default(),
            notebook: Notebook::default(),
            effects: Outbox::default(),
            hyperlinks: true,
            layouts: HashMap::new(),
            search_index: None,
            part_stats: None,
            kind_counts,
            index_cache: None,
            problems: Vec::new(),
            orphans: Vec::new(),
            watched: None,
            on_screen: reload::OnScreen::default(),
            room: None,
            follow: None,
        };
        app.refresh();
        app
    }

    /// Applies screen settings (from the configuration) and re-arranges the screen.
    pub fn set_prefs(&mut self, prefs: Prefs) {
        self.prefs = prefs;
        self.refresh();
    }

    /// The same app reading time from `clock` (tests give a `ManualClock`).
    #[must_use]
    pub fn with_clock(mut self, clock: Arc<dyn Clock>) -> Self {
        self.clock = clock;
        self
    }

    /// Opens the presenter on the tour (starting the tour if it is not on). With
    /// `quit_on_close`, leaving the presenter quits (`glose present`). Does nothing without a
    /// tour.
    pub fn open_presenter(&mut self, quit_on_close: bool) {
        let own_tour = self.tour.is_none();
        if own_tour {
            // Outside the tour, the stop nearest to where the reader is.
            let stop = self.stop_near_reading();
            self.start_tour(stop);
        }
        if self.tour.is_some() {
            let mut presenter = Presenter::new(quit_on_close);
            presenter.own_tour = own_tour;
            presenter.session = crate::link::unix_ms();
            if quit_on_close {
                // `glose present` keeps its session in the state folder (`present::SessionKeeper`).
                presenter.record = Some(crate::tour::session::PresenterSession::new(
                    &self.article,
                    presenter.session,
                ));
            }
            self.presenter = Some(presenter);
        }
    }

    /// The layout of a pane at the width it has on screen, if it is on screen.
    pub fn layout(&self, pane: usize) -> Option<&PaneLayout> {
        let area = self.screen.as_ref()?.pane(pane)?;
        self.layouts.get(&(pane, usize::from(area.text.width)))
    }

    /// Applies one action; returns the effects it asks of the event loop.
    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        let before = self.watched_by_loop();
        self.apply(action);
        self.ask_loop_if_changed(before);
        self.effects.take()
    }

    /// What the loop keeps outside the state, as it stands: what notes windows and the room
    /// show of the presenter, and `glose present`'s session (its id, the tour's progress,
    /// whether the previous one is still on offer).
    fn watched_by_loop(&self) -> Watched {
        let session = self
            .presenter
            .as_ref()
            .filter(|p| p.record.is_some())
            .map(|p| (p.session, p.offer.is_some(), self.tour_progress().cloned()));
        (self.published(), session)
    }

    /// After a change: asks for an `Effect::Publish` if what notes windows and the room show
    /// differs from `before`, and for an `Effect::SaveSession` if `glose present`'s session
    /// did (its stop, its clocks paused or reset, its id, the offer answered).
    fn ask_loop_if_changed(&mut self, before: Watched) {
        let (published, session) = self.watched_by_loop();
        if published != before.0 {
            self.effects.push(Effect::Publish);
        }
        if session.is_some() && session != before.1 {
            self.effects.push(Effect::SaveSession);
        }
    }

    /// `update`'s work: the effects gather in `self.effects`.
    fn apply(&mut self, action: Action) {
        if action == Action::Suspend {
            // Ctrl-Z, in every mode: the loop suspends, and nothing on screen changes.
            self.effects.push(Effect::Suspend);
            return;
        }
        self.view.notice = None;
        if !matches!(action, Action::Resize(..)) {
            self.view.message = None;
            self.view.flash = None;
        }
        if let Action::Resize(w, h) = action {
            self.view.size = (w, h);
        }
        if self.view.editor.is_some() {
            self.editor_update(action);
            self.refresh();
            self.settle_editor();
            return;
        }
        if let Action::Edit(edit) = action
            && self.view.search.is_typing()
        {
            self.search_edit(edit);
            self.refresh();
            return;
        }
        if let Some(overlay) = self.view.overlay.filter(|o| o.is_list()) {
            // The five lists: one table of keys, one state (`lists`).
            self.update_list(overlay, action, 0);
            self.refresh();
            self.settle_editor();
            return;
        }
        if self.presenter.is_some() {
            self.update_presenter(action);
            self.refresh();
            return;
        }
        if self.view.overlay.is_some() {
            // The help: the movement keys scroll it when it is longer than the screen, any
            // other key closes it.
            let (shown, max) = self.help_extent();
            // A page (less two lines of overlap, as in the reader) and half a page of what the
            // overlay shows, as in less.
            let (page, half) = (shown.saturating_sub(2).max(1), (shown / 2).max(1));
            let scroll = &mut self.view.help_scroll;
            match action {
                Action::Quit => self.effects.push(Effect::Quit),
                Action::Resize(w, h) => self.view.size = (w, h),
                Action::LineDown if max > 0 => *scroll = (*scroll + 1).min(max),
                Action::LineUp if max > 0 => *scroll = scroll.saturating_sub(1),
                Action::PageDown if max > 0 => *scroll = (*scroll + page).min(max),
                Action::HalfPageDown if max > 0 => *scroll = (*scroll + half).min(max),
                Action::PageUp if max > 0 => *scroll = scroll.saturating_sub(page),
                Action::HalfPageUp if max > 0 => *scroll = scroll.saturating_sub(half),
                Action::Top if max > 0 => *scroll = 0,
                Action::Bottom if max > 0 => *scroll = max,
                Action::Wheel(_, _, delta) => {
                    *scroll = scroll.saturating_add_signed(isize::from(delta)).min(max);
                }
                _ => self.view.overlay = None,
            }
            self.refresh();
            return;
        }
        match action {
            Action::Quit => self.effects.push(Effect::Quit),
            Action::LineDown => self.scroll_focused(1),
            Action::LineUp => self.scroll_focused(-1),
            Action::PageDown => self.scroll_focused(self.page(1, 1)),
            Action::PageUp => self.scroll_focused(-self.page(1, 1)),
            Action::HalfPageDown => self.scroll_focused(self.page(1, 2)),
            Action::HalfPageUp => self.scroll_focused(-self.page(1, 2)),
            Action::Top => self.scroll_focused(isize::MIN / 2),
            Action::Bottom => self.scroll_focused(isize::MAX / 2),
            Action::FocusPane(n) => self.focus(usize::from(n.saturating_sub(1))),
            Action::PrevPane => self.focus(self.view.focus.saturating_sub(1)),
            Action::NextPane => self.focus(self.view.focus + 1),
            Action::NextAnnotation => self.step_selection(true),
            Action::PrevAnnotation => self.step_selection(false),
            // On a selected link, Enter follows it (as in lynx and w3m).
            Action::SelectVisible if self.view.link.is_some() => self.request_source(true),
            Action::SelectVisible => self.select_visible(),
            Action::ClearSelection => {
                // Esc clears a search first, then the selection.
                if !self.clear_search() {
                    self.view.selected = None;
                    self.view.link = None;
                }
            }
            Action::ToggleMarks => self.view.marks_hidden = !self.view.marks_hidden,
            Action::ToggleSidePane => {
                let shown = self.screen.as_ref().is_some_and(|s| s.side.is_some());
                self.view.side_pref = Some(!shown);
            }
            Action::SideDown => self.scroll_side(3),
            Action::SideUp => self.scroll_side(-3),
            Action::ToggleHelp => {
                self.view.overlay = Some(Overlay::Help);
                self.view.help_scroll = 0;
            }
            Action::Search => self.open_search(),
            Action::SearchNext => self.search_step(true),
            Action::SearchPrev => self.search_step(false),
            Action::ToggleIndex => self.open_lookup(Overlay::Index),
            Action::ToggleSources => self.open_lookup(Overlay::Sources),
            Action::ToggleContents => self.open_lookup(Overlay::Contents),
            Action::ToggleProblems => {
                self.view.overlay = Some(Overlay::Problems);
                self.view.help_scroll = 0;
            }
            // Following a room: a digit answers its poll, and typing goes into a guess.
            Action::Digit(digit) => self.answer_digit(digit),
            Action::Edit(edit) => {
                self.guess_edit(edit);
            }
            Action::ToggleBookmark => self.toggle_bookmark(),
            Action::ShowBookmarks => self.open_list(Overlay::Bookmarks),
            Action::EditNote => self.edit_note_here(),
            Action::ShowNotes => self.open_list(Overlay::Notes),
            Action::OpenSource => self.request_source(true),
            Action::CopyCitation => self.request_source(false),
            // Only meaningful in a list or in the editor.
            Action::ListOpen
            | Action::ListEdit
            | Action::ListDelete
            | Action::NextKind
            | Action::PrevKind
            | Action::NoteSave
            | Action::NoteClose => {}
            Action::ToggleTour => {
                self.view.link = None;
                self.toggle_tour();
            }
            Action::NextStop => self.step_stop(1),
            Action::PrevStop => self.step_stop(-1),
            Action::FirstStop => self.go_to_stop(0),
            Action::LastStop => self.go_to_stop(usize::MAX),
            Action::Present => self.open_presenter(false),
            Action::Rejoin => self.rejoin(),
            // Presenter-only actions mean nothing to the reader; nor do answers without a
            // question. Ctrl-Z is the terminal loop's (it suspends in every mode).
            Action::Blank
            | Action::RevealVerdict
            | Action::PauseClock
            | Action::ResetClock
            | Action::ShowJoin
            | Action::ResumeSession
            | Action::NewSession
            | Action::LeavePresenter
            | Action::Close
            | Action::Yes
            | Action::No
            | Action::Back
            | Action::Suspend => {}
            Action::Resize(w, h) => self.view.size = (w, h),
            Action::Click(x, y) => self.click(x, y),
            Action::Wheel(x, y, delta) => self.wheel(x, y, delta),
        }
        self.refresh();
    }

    /// Recomputes the arrangement, makes sure layouts exist, and clamps every position.
    fn refresh(&mut self) {
        match self.view.overlay {
            Some(Overlay::Index) => self.cache_index(),
            Some(Overlay::Contents) => self.count_parts(),
            _ => {}
        }
        let (w, h) = self.view.size;
        let input = ScreenInput {
            pane_count: self.panes.len(),
            focus: self.view.focus,
            side_pref: self.view.side_pref,
            has_selection: self.view.selected.is_some()
                || self.view.link.is_some()
                || self.tour.is_some(),
            max_text_width: self.prefs.max_text_width,
            side_width: self.prefs.side_width,
        };
        self.screen = Screen::arrange(Rect::new(0, 0, w, h), &input);
        let visible: Vec<PaneArea> = self
            .screen
            .as_ref()
            .map(|s| s.panes.iter().filter(|p| !p.collapsed).copied().collect())
            .unwrap_or_default();
        if self.watched.is_some() {
            let keys = visible.iter().map(|a| (a.pane, usize::from(a.text.width)));
            let mut on_screen = self
                .on_screen
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            if !on_screen.iter().copied().eq(keys.clone()) {
                *on_screen = keys.collect();
            }
        }
        for area in visible {
            let width = usize::from(area.text.width);
            let key = (area.pane, width);
            if !self.layouts.contains_key(&key) {
                if self.layouts.len() > 32 {
                    self.layouts.retain(|(_, w), _| *w == width);
                }
                let Some(pane) = self.panes.get(area.pane) else {
                    continue;
                };
                self.layouts
                    .insert(key, lay_out(&self.article, pane, width));
            }
            let Some(layout) = self.layouts.get(&key) else {
                continue;
            };
            let Some(top) = self.view.tops.get_mut(area.pane) else {
                continue;
            };
            // The reading position (`byte`, `lead`) stays as the reader left it; the row is
            // derived from it at every size, clamped while the end of the pane is on screen.
            // So no sequence of resizes drifts: it ends where one resize would.
            let max = layout.max_top(usize::from(area.text.height));
            top.row = layout.row_of_position(top.byte, top.lead).min(max);
            top.width = width;
        }
        // Reading progress: what has been on screen, but not what the search line flashed by.
        if !self.view.search.is_typing() {
            let shown: Vec<usize> = self
                .screen
                .as_ref()
                .map(|s| {
                    s.panes
                        .iter()
                        .filter(|p| !p.collapsed)
                        .map(|p| p.pane)
                        .collect()
                })
                .unwrap_or_default();
            for pane in shown {
                let (_, end) = self.visible_bytes(pane);
                if let Some(seen) = self.view.seen.get_mut(pane) {
                    *seen = (*seen).max(end);
                }
            }
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::content::{Annotation, AnnotationKind, Meta, Part, PartKind};

    /// A small article: four parts of `paragraphs` paragraphs, an annotation on "chiffre N"
    /// in each paragraph's middle.
    pub(crate) fn sample(paragraphs: usize) -> Article {
        let mut text = String::new();
        let mut parts = Vec::new();
        let mut annotations = Vec::new();
        for (p, kind) in [
            PartKind::Part,
            PartKind::Part,
            PartKind::Part,
            PartKind::Conclusion,
        ]
        .into_iter()
        .enumerate()
        {
            let mut ranges = Vec::new();
            for i in 0..paragraphs {
                let start = text.len();
                text.push_str(&format!("Paragraphe {i} de la partie {p}. "));
                text.push_str(&"Des mots pour remplir la ligne. ".repeat(6));
                let a_start = text.len();
                text.push_str(&format!("chiffre {p}-{i}"));
                annotations.push(Annotation {
                    id: format!("a-{p}-{i}"),
                    kind: AnnotationKind::Figure,
                    range: a_start..text.len(),
                    part: p,
                    paragraph: i,
                    source: None,
                    context: "Contexte.".into(),
                    verdict: None,
                    note: String::new(),
                    questions: Vec::new(),
                });
                text.push_str(&" et la suite du paragraphe.".repeat(4));
                ranges.push(start..text.len());
            }
            parts.push(Part {
                id: format!("p{p}"),
                kind,
                heading: format!("Partie {p}"),
                paragraphs: ranges,
            });
        }
        Article {
            meta: Meta {
                title: "Titre".into(),
                language: "fr".into(),
                ..Meta::default()
            },
            text,
            parts,
            annotations,
            ..Article::default()
        }
    }

    fn app(size: (u16, u16)) -> App {
        App::new(
            sample(12),
            Lang::Fr,
            Theme::named(crate::theme::ThemeName::Monochrome),
            size,
        )
    }

    fn visible(app: &App, index: usize) -> bool {
        let a = &app.article.annotations[index];
        let pane = app.part_pane[a.part];
        let area = app.screen.as_ref().unwrap().pane(pane).unwrap();
        let rows = app.layout(pane).unwrap().annotation_rows(index).unwrap();
        let top = app.view.tops[pane].row;
        rows.first_row >= top && rows.last_row < top + usize::from(area.text.height)
    }

    #[test]
    fn tab_selects_in_reading_order_across_panes_and_keeps_it_visible() {
        let mut app = app((80, 24));
        app.update(Action::NextAnnotation);
        assert_eq!(app.view.selected, Some(0));
        assert!(visible(&app, 0));
        for expected in 1..20 {
            app.update(Action::NextAnnotation);
            assert_eq!(app.view.selected, Some(expected));
            let part = app.article.annotations[expected].part;
            assert_eq!(
                app.view.focus, app.part_pane[part],
                "focus follows the selection"
            );
            assert!(
                visible(&app, expected),
                "annotation {expected} scrolled into view"
            );
        }
        app.update(Action::PrevAnnotation);
        assert_eq!(app.view.selected, Some(18));
        assert!(visible(&app, 18));
        app.update(Action::ClearSelection);
        assert_eq!(app.view.selected, None);
    }

    #[test]
    fn tab_wraps_around_and_starts_from_the_view() {
        let mut app = app((120, 40));
        app.update(Action::PrevAnnotation);
        let last = app.article.annotations.len() - 1;
        // Nothing selected, at the top of pane 1: the previous one is the last before the view
        // ends, which is on screen.
        assert!(app.view.selected.is_some_and(|s| s < last));
        app.update(Action::FocusPane(4));
        app.update(Action::Bottom);
        app.update(Action::ClearSelection);
        app.update(Action::NextAnnotation);
        let selected = app.view.selected.unwrap();
        assert_eq!(app.article.annotations[selected].part, 3);
        app.view.selected = Some(last);
        app.update(Action::NextAnnotation);
        assert_eq!(app.view.selected, Some(0), "wraps to the first");
    }

    #[test]
    fn scrolling_is_clamped() {
        let mut app = app((80, 24));
        app.update(Action::LineUp);
        assert_eq!(app.view.tops[0].row, 0);
        app.update(Action::Bottom);
        let height = usize::from(app.screen.as_ref().unwrap().pane(0).unwrap().text.height);
        let max = app.layout(0).unwrap().max_top(height);
        assert!(max > 0);
        assert_eq!(app.view.tops[0].row, max);
        app.update(Action::PageDown);
        assert_eq!(app.view.tops[0].row, max);
        app.update(Action::Top);
        assert_eq!(app.view.tops[0].row, 0);
        app.update(Action::HalfPageDown);
        assert_eq!(app.view.tops[0].row, height / 2);
    }

    #[test]
    fn resize_keeps_the_line_at_the_top() {
        let mut app = app((120, 40));
        for _ in 0..37 {
            app.update(Action::LineDown);
        }
        let byte = app.view.tops[0].byte;
        let paragraph = app.article.parts[0]
            .paragraphs
            .iter()
            .position(|p| p.contains(&byte));
        for size in [(80, 24), (200, 60), (61, 20), (120, 40)] {
            app.update(Action::Resize(size.0, size.1));
            let layout = app.layout(0).unwrap();
            let height = usize::from(app.screen.as_ref().unwrap().pane(0).unwrap().text.height);
            if app.view.tops[0].row == layout.max_top(height) {
                continue; // the end of the part is on screen: the top was clamped
            }
            let row = &layout.rows[app.view.tops[0].row];
            let now = app.article.parts[0]
                .paragraphs
                .iter()
                .position(|p| p.contains(&row.anchor_byte));
            assert_eq!(now, paragraph, "same paragraph at the top at {size:?}");
            assert!(
                row.range.start <= byte && byte <= row.range.end.max(row.range.start),
                "{size:?}"
            );
        }
    }

    #[test]
    fn a_resize_that_shows_the_whole_pane_does_not_lose_the_place() {
        let mut app = app((80, 24));
        for _ in 0..30 {
            app.update(Action::LineDown);
        }
        let before = app.view.tops[0];
        assert_eq!(before.row, 30);
        // So tall that the whole part fits: the top row is clamped to the first...
        app.update(Action::Resize(80, 1000));
        assert_eq!(app.view.tops[0].row, 0);
        // ...and the reader's place comes back with the old size, and with a narrower one.
        app.update(Action::Resize(80, 24));
        assert_eq!(app.view.tops[0], before);
        app.update(Action::Resize(61, 1000));
        app.update(Action::Resize(61, 20));
        let layout = app.layout(0).unwrap();
        let row = &layout.rows[app.view.tops[0].row];
        assert!(row.range.start <= before.byte && before.byte <= row.range.end);
    }

    #[test]
    fn too_small_then_recovers() {
        let mut app = app((80, 24));
        app.update(Action::Resize(30, 8));
        assert!(app.screen.is_none());
        app.update(Action::NextAnnotation);
        app.update(Action::LineDown);
        app.update(Action::Resize(80, 24));
        assert!(app.screen.is_some());
        assert!(app.layout(app.view.focus).is_some());
    }

    #[test]
    fn click_on_a_highlight_selects_it() {
        let mut app = app((80, 24));
        let index = 0;
        let rows = app.layout(0).unwrap().annotation_rows(index).unwrap();
        let area = *app.screen.as_ref().unwrap().pane(0).unwrap();
        let row = &app.layout(0).unwrap().rows[rows.first_row];
        let a = &app.article.annotations[index];
        let before = app
            .article
            .slice(row.range.start..a.range.start.max(row.range.start));
        let x = area.text.x + crate::text::wrap::str_width(before) as u16;
        let y = area.text.y + (rows.first_row - app.view.tops[0].row) as u16;
        app.update(Action::Click(x, y));
        assert_eq!(app.view.selected, Some(index));
    }

    #[test]
    fn help_closes_on_a_key_bound_to_nothing() {
        use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
        let mut app = app((80, 24));
        let x = Event::Key(KeyEvent::new(KeyCode::Char('x'), KeyModifiers::NONE));
        assert!(
            app.handle_event(&x).redraw,
            "x means nothing to the reader, and says so"
        );
        assert_eq!(app.view.notice, Some(crate::i18n::Text::UnknownKey));
        app.update(Action::ToggleHelp);
        let handled = app.handle_event(&x);
        assert!(handled.redraw);
        assert_eq!(app.view.overlay, None);
        assert!(!handled.quits());
    }

    #[test]
    fn help_closes_on_any_key_but_quit_quits() {
        let mut app = app((80, 24));
        app.update(Action::ToggleHelp);
        assert_eq!(app.view.overlay, Some(Overlay::Help));
        app.update(Action::NextPane);
        assert_eq!(app.view.overlay, None);
        assert_eq!(app.view.focus, 0, "the key only closed the help");
        app.update(Action::ToggleHelp);
        assert_eq!(app.update(Action::Quit), [Effect::Quit]);
    }

    #[test]
    fn a_help_longer_than_the_screen_scrolls_with_the_movement_keys() {
        let mut app = app((80, 24));
        app.update(Action::ToggleHelp);
        let max = app.help_max_scroll();
        assert!(max > 0, "the help does not fit in 80x24");
        app.update(Action::LineDown);
        assert_eq!(app.view.help_scroll, 1);
        assert_eq!(app.view.overlay, Some(Overlay::Help));
        app.update(Action::Bottom);
        app.update(Action::LineDown);
        assert_eq!(app.view.help_scroll, max, "clamped");
        app.update(Action::LineUp);
        assert_eq!(app.view.help_scroll, max - 1);
        app.update(Action::ToggleHelp);
        assert_eq!(app.view.overlay, None);
        app.update(Action::ToggleHelp);
        assert_eq!(app.view.help_scroll, 0, "opens at the top");
        // Tall enough: the movement keys close it like any other key.
        let mut tall = self::app((120, 200));
        tall.update(Action::ToggleHelp);
        assert_eq!(tall.help_max_scroll(), 0);
        tall.update(Action::LineDown);
        assert_eq!(tall.view.overlay, None);
    }
}

//! Searching the text from the reader: the search line (`/`), matches found as the reader
//! types, `n`/`N`, and `Esc` to clear.
//!
//! Invariants: `matches` are the matches of `query` (sorted, disjoint byte ranges of
//! `Article::text`); `current` indexes `matches`; while the search line is open, `origin` holds
//! where the reader was, so that `Esc` puts everything back. The folded copy of the text is
//! built on the first search and kept in `App` (the article never changes).

use std::ops::Range;

use super::line_input::{Edit, LineInput};
use super::{App, Message, Top};
use crate::search::Folded;

/// The search: what is highlighted, which match is current, and the search line if open.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SearchState {
    /// The query whose matches are highlighted (empty: no search).
    pub query: String,
    pub matches: Vec<Range<usize>>,
    /// Index into `matches` of the match `n`/`N` went to.
    pub current: Option<usize>,
    /// The search line, while it is open.
    pub input: Option<LineInput>,
    origin: Option<Box<Origin>>,
    /// The last query confirmed, even once cleared: `/` then Enter searches it again.
    last_query: String,
}

/// Where the reader was when the search line opened, and the search before it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Origin {
    focus: usize,
    tops: Vec<Top>,
    /// Matches are looked for from here (the start of the focused pane's view).
    byte: usize,
    query: String,
    matches: Vec<Range<usize>>,
    current: Option<usize>,
}

impl SearchState {
    /// Whether the search line is open (keys go to it).
    pub fn is_typing(&self) -> bool {
        self.input.is_some()
    }

    /// The match covering `byte`, if any (binary search).
    pub fn match_at(&self, byte: usize) -> Option<usize> {
        let i = self.matches.partition_point(|m| m.end <= byte);
        self.matches
            .get(i)
            .filter(|m| m.start <= byte && byte < m.end)
            .map(|_| i)
    }

    /// The first match that ends after `byte`.
    pub fn first_match_after(&self, byte: usize) -> usize {
        self.matches.partition_point(|m| m.end <= byte)
    }
}

impl App {
    /// Opens the search line, remembering where the reader is.
    pub(super) fn open_search(&mut self) {
        let (byte, _) = self.visible_bytes(self.view.focus);
        let search = &mut self.view.search;
        search.origin = Some(Box::new(Origin {
            focus: self.view.focus,
            tops: self.view.tops.clone(),
            byte,
            query: search.query.clone(),
            matches: search.matches.clone(),
            current: search.current,
        }));
        search.input = Some(LineInput::default());
    }

    /// Applies a key typed into the search line.
    pub(super) fn search_edit(&mut self, edit: Edit) {
        let Some(input) = self.view.search.input.as_mut() else {
            return;
        };
        match edit {
            Edit::Confirm => self.confirm_search(),
            Edit::Cancel => self.cancel_search(),
            Edit::Backspace if input.is_empty() => self.cancel_search(),
            edit => {
                if input.apply(edit) {
                    let query = input.text().to_owned();
                    self.search_from_origin(&query);
                }
            }
        }
    }

    /// Searches `query` and shows its first match at or after where the reader was; with no
    /// match, puts the view back where it was.
    fn search_from_origin(&mut self, query: &str) {
        let Some(origin) = self.view.search.origin.as_deref().cloned() else {
            return;
        };
        let matches = self.find(query);
        let search = &mut self.view.search;
        search.query = query.to_owned();
        search.matches = matches;
        let first = search.first_match_after(origin.byte);
        search.current = if search.matches.is_empty() {
            None
        } else if first < search.matches.len() {
            Some(first)
        } else {
            Some(0)
        };
        // Back to where the reader was, then to the match: a match already on screen does not
        // move the text.
        self.view.focus = origin.focus;
        self.view.tops = origin.tops;
        self.refresh();
        if let Some(current) = self.view.search.current {
            self.show_match(current);
        }
    }

    fn confirm_search(&mut self) {
        let typed = self
            .view
            .search
            .input
            .take()
            .map(|i| i.text().to_owned())
            .unwrap_or_default();
        let origin = self.view.search.origin.take();
        let query = if typed.trim().is_empty() {
            // `/` then Enter repeats the last search, as in less and vim.
            let last = self.view.search.last_query.clone();
            if last.trim().is_empty() {
                self.restore_search(origin);
                return;
            }
            last
        } else {
            typed
        };
        self.view.search.last_query.clone_from(&query);
        if self.view.search.query != query || self.view.search.current.is_none() {
            self.view.search.origin = origin;
            self.search_from_origin(&query);
            self.view.search.origin = None;
        }
        if self.view.search.matches.is_empty() {
            self.view.flash = Some(Message::NotFound(query));
        }
    }

    fn cancel_search(&mut self) {
        let origin = self.view.search.origin.take();
        self.view.search.input = None;
        self.restore_search(origin);
    }

    /// Puts back the view and the search as they were before the search line opened.
    fn restore_search(&mut self, origin: Option<Box<Origin>>) {
        let Some(origin) = origin else {
            return;
        };
        let origin = *origin;
        self.view.focus = origin.focus;
        self.view.tops = origin.tops;
        let search = &mut self.view.search;
        search.query = origin.query;
        search.matches = origin.matches;
        search.current = origin.current;
    }

    /// `n` / `N`: the next or previous match, wrapping around the text.
    pub(super) fn search_step(&mut self, forward: bool) {
        let search = &self.view.search;
        let count = search.matches.len();
        if count == 0 {
            self.view.flash = Some(if search.query.trim().is_empty() {
                Message::NoSearch
            } else {
                Message::NotFound(search.query.clone())
            });
            return;
        }
        let next = match search.current {
            Some(i) if forward => {
                if i + 1 >= count {
                    self.view.flash = Some(Message::SearchWrapped { to_top: true });
                }
                (i + 1) % count
            }
            Some(i) => {
                if i == 0 {
                    self.view.flash = Some(Message::SearchWrapped { to_top: false });
                }
                (i + count - 1) % count
            }
            None => {
                let (start, end) = self.visible_bytes(self.view.focus);
                if forward {
                    let i = search.first_match_after(start);
                    if i < count { i } else { 0 }
                } else {
                    let i = search.matches.partition_point(|m| m.start < end);
                    if i == 0 { count - 1 } else { i - 1 }
                }
            }
        };
        self.view.search.current = Some(next);
        self.show_match(next);
    }

    /// Clears the highlighted search; returns whether there was one.
    pub(super) fn clear_search(&mut self) -> bool {
        let search = &mut self.view.search;
        if search.query.is_empty() && search.matches.is_empty() {
            return false;
        }
        search.query.clear();
        search.matches.clear();
        search.current = None;
        true
    }

    /// Focuses the pane of a match and scrolls it into view.
    fn show_match(&mut self, index: usize) {
        if let Some(range) = self.view.search.matches.get(index).cloned() {
            self.show_range(range);
        }
    }

    /// The matches of `query`, folding the text first if no search has yet.
    fn find(&mut self, query: &str) -> Vec<Range<usize>> {
        if query.trim().is_empty() {
            return Vec::new();
        }
        let article = &self.article;
        self.search_index
            .get_or_insert_with(|| Folded::new(article))
            .find(query)
    }
}

#[cfg(test)]
mod tests {
    use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

    use super::*;
    use crate::app::Action;
    use crate::app::tests::sample;
    use crate::i18n::Lang;
    use crate::theme::{Theme, ThemeName};

    fn app() -> App {
        App::new(
            sample(12),
            Lang::Fr,
            Theme::named(ThemeName::Monochrome),
            (80, 24),
        )
    }

    fn typed(app: &mut App, text: &str) {
        for c in text.chars() {
            app.update(Action::Edit(Edit::Insert(c)));
        }
    }

    /// Whether the current match is on screen in the focused pane.
    fn current_visible(app: &App) -> bool {
        let search = &app.view.search;
        let m = &search.matches[search.current.unwrap()];
        let pane = app.view.focus;
        let layout = app.layout(pane).unwrap();
        let height = usize::from(app.screen.as_ref().unwrap().pane(pane).unwrap().text.height);
        let top = app.view.tops[pane].row;
        let row = crate::app::row_of_byte(layout, m.start);
        app.article.slice(m.clone()).len() == m.len() && row >= top && row < top + height
    }

    #[test]
    fn typing_searches_as_you_go_and_jumps_to_the_first_match_ahead() {
        let mut app = app();
        app.update(Action::Search);
        assert!(app.view.search.is_typing());
        typed(&mut app, "CHIFFRE 2-");
        let search = &app.view.search;
        assert_eq!(search.matches.len(), 12, "case-insensitive");
        assert_eq!(search.current, Some(0));
        assert_eq!(app.view.focus, 2, "focus moved to the pane of the match");
        assert!(current_visible(&app));
        typed(&mut app, "11");
        assert_eq!(app.view.search.matches.len(), 1);
        assert!(current_visible(&app));
        app.update(Action::Edit(Edit::Confirm));
        assert!(!app.view.search.is_typing());
        assert_eq!(app.view.search.query, "CHIFFRE 2-11");
        assert_eq!(app.view.flash, None);
    }

    #[test]
    fn n_and_shift_n_walk_the_matches_across_panes_and_wrap() {
        let mut app = app();
        app.update(Action::Search);
        typed(&mut app, "chiffre");
        app.update(Action::Edit(Edit::Confirm));
        let count = app.view.search.matches.len();
        assert_eq!(count, 48);
        assert_eq!(app.view.search.current, Some(0));
        for expected in 1..count {
            app.update(Action::SearchNext);
            assert_eq!(app.view.search.current, Some(expected));
            let m = app.view.search.matches[expected].clone();
            let part = app.part_of_byte(m.start).unwrap();
            assert_eq!(app.view.focus, app.part_pane[part]);
            assert!(current_visible(&app), "match {expected} on screen");
        }
        assert_eq!(app.view.flash, None);
        app.update(Action::SearchNext);
        assert_eq!(app.view.search.current, Some(0));
        assert_eq!(
            app.view.flash,
            Some(Message::SearchWrapped { to_top: true })
        );
        assert!(current_visible(&app));
        app.update(Action::SearchPrev);
        assert_eq!(app.view.search.current, Some(count - 1));
        assert_eq!(
            app.view.flash,
            Some(Message::SearchWrapped { to_top: false })
        );
        app.update(Action::SearchPrev);
        assert_eq!(app.view.search.current, Some(count - 2));
        assert_eq!(app.view.flash, None, "a message lasts one key");
    }

    #[test]
    fn esc_while_typing_puts_back_the_view_and_the_previous_search() {
        let mut app = app();
        app.update(Action::Search);
        typed(&mut app, "partie 0");
        app.update(Action::Edit(Edit::Confirm));
        let before = app.view.clone();
        app.update(Action::Search);
        typed(&mut app, "chiffre 3-9");
        assert_eq!(app.view.focus, 3);
        app.update(Action::Edit(Edit::Cancel));
        assert_eq!(app.view.search.query, "partie 0");
        assert_eq!(app.view.search.matches, before.search.matches);
        assert_eq!(app.view.focus, before.focus);
        assert_eq!(app.view.tops, before.tops);
        assert!(!app.view.search.is_typing());
    }

    #[test]
    fn esc_clears_the_search_then_the_selection() {
        let mut app = app();
        app.update(Action::NextAnnotation);
        app.update(Action::Search);
        typed(&mut app, "chiffre");
        app.update(Action::Edit(Edit::Confirm));
        app.update(Action::ClearSelection);
        assert!(app.view.search.matches.is_empty());
        assert!(app.view.search.query.is_empty());
        assert_eq!(
            app.view.selected,
            Some(0),
            "the first Esc only cleared the search"
        );
        app.update(Action::ClearSelection);
        assert_eq!(app.view.selected, None);
    }

    #[test]
    fn slash_enter_repeats_the_last_search_and_misses_are_reported() {
        let mut app = app();
        app.update(Action::SearchNext);
        assert_eq!(app.view.flash, Some(Message::NoSearch));
        app.update(Action::Search);
        typed(&mut app, "chiffre 1-");
        app.update(Action::Edit(Edit::Confirm));
        app.update(Action::ClearSelection);
        assert!(app.view.search.matches.is_empty());
        app.update(Action::Search);
        app.update(Action::Edit(Edit::Confirm));
        assert_eq!(app.view.search.query, "chiffre 1-");
        assert_eq!(app.view.search.matches.len(), 12);

        let tops = app.view.tops.clone();
        app.update(Action::Search);
        typed(&mut app, "introuvable");
        assert!(app.view.search.matches.is_empty());
        app.update(Action::Edit(Edit::Confirm));
        assert_eq!(
            app.view.flash,
            Some(Message::NotFound("introuvable".into()))
        );
        assert_eq!(app.view.tops, tops, "a miss leaves the view where it was");
        app.update(Action::SearchNext);
        assert_eq!(
            app.view.flash,
            Some(Message::NotFound("introuvable".into()))
        );
    }

    #[test]
    fn keys_go_to_the_search_line_before_the_keymap() {
        let mut app = app();
        let key = |c| Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        assert!(app.handle_event(&key('/')).redraw);
        for c in "q?j".chars() {
            assert!(
                !app.handle_event(&key(c)).quits(),
                "q was typed, not obeyed"
            );
        }
        assert_eq!(app.view.overlay, None);
        assert_eq!(app.view.search.input.as_ref().unwrap().text(), "q?j");
        app.handle_event(&Event::Key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE)));
        assert!(!app.view.search.is_typing());
        assert!(app.handle_event(&key('q')).quits());
    }

    #[test]
    fn backspace_on_an_empty_line_closes_it() {
        let mut app = app();
        app.update(Action::Search);
        typed(&mut app, "c");
        app.update(Action::Edit(Edit::Backspace));
        assert!(app.view.search.is_typing());
        app.update(Action::Edit(Edit::Backspace));
        assert!(!app.view.search.is_typing());
    }
}

//! The reader's guided-tour mode: `t` starts it, `→`/`]` and `←`/`[` move between stops, `t` or
//! `Esc` leaves it and puts the reader back where they were.
//!
//! A stop selects its annotation (or shows its part) exactly as a reader's Tab would, so the
//! text, the highlight and the side pane stay the reader's own; the side pane then leads with
//! the stop's narrative and questions. Invariants: while a tour is on, `Article::tour` is not
//! empty and `progress.stop` indexes it; `resume` is the reading position from before the tour.

use std::time::Duration;

use super::{App, Top};
use crate::tour::TourProgress;

/// A running tour in the reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TourState {
    pub progress: TourProgress,
    /// Where the reader was when the tour started, restored when it ends.
    resume: Resume,
}

/// What notes windows and the room show of the presenter, its running clocks aside
/// (`App::published`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Published {
    progress: TourProgress,
    blanked: bool,
    revealed: bool,
    session: u64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Resume {
    focus: usize,
    tops: Vec<Top>,
    selected: Option<usize>,
    side_scroll: usize,
}

impl App {
    /// Starts the tour at its first stop, or leaves it.
    pub(super) fn toggle_tour(&mut self) {
        if self.tour.is_some() {
            self.leave_tour();
        } else {
            self.start_tour(0);
        }
    }

    /// Starts the tour at `stop`, remembering the reading position. Does nothing without a
    /// tour (the status line says so).
    pub(super) fn start_tour(&mut self, stop: usize) {
        if self.article.tour.is_empty() {
            self.view.notice = Some(crate::i18n::Text::NoTour);
            return;
        }
        let resume = Resume {
            focus: self.view.focus,
            tops: self.view.tops.clone(),
            selected: self.view.selected,
            side_scroll: self.view.side_scroll,
        };
        let now = self.clock.now();
        self.tour = Some(TourState {
            progress: TourProgress::new(self.article.tour.len(), stop, now),
            resume,
        });
        self.show_stop();
    }

    /// The stop nearest to the reading position: the first stop at or after the top line of
    /// the focused pane (the last stop when the reader is past them all).
    pub(super) fn stop_near_reading(&self) -> usize {
        let article = &self.article;
        let focus = self.view.focus;
        let parts = self
            .panes
            .get(focus)
            .map(|p| p.parts.as_slice())
            .unwrap_or(&[]);
        let first_of = |part: usize| {
            article
                .parts
                .get(part)
                .and_then(|p| p.paragraphs.first())
                .map(|r| r.start)
        };
        let top = self.view.tops.get(focus).map_or(0, |t| t.byte);
        // A pane never laid out has no top yet: its first part's start.
        let top = match crate::notebook::paragraph_at(article, top) {
            Some((part, _)) if parts.contains(&part) => top,
            _ => parts.first().and_then(|&p| first_of(p)).unwrap_or(top),
        };
        let at = |stop: &crate::content::TourStop| match stop.annotation {
            Some(a) => article.annotations.get(a).map_or(0, |a| a.range.start),
            None => first_of(stop.part).unwrap_or(0),
        };
        article
            .tour
            .iter()
            .position(|stop| at(stop) >= top)
            .unwrap_or(article.tour.len().saturating_sub(1))
    }

    /// Ends the tour and returns to the reading position from before it.
    pub(super) fn leave_tour(&mut self) {
        let Some(tour) = self.tour.take() else {
            return;
        };
        let resume = tour.resume;
        self.view.focus = resume.focus.min(self.panes.len().saturating_sub(1));
        for (top, saved) in self.view.tops.iter_mut().zip(resume.tops) {
            // `refresh` maps the byte back to a row if the width changed meanwhile.
            *top = saved;
        }
        self.view.selected = resume.selected;
        self.view.side_scroll = resume.side_scroll;
    }

    /// Moves the tour by `delta` stops (clamped to the first and last).
    pub(super) fn step_stop(&mut self, delta: isize) {
        let Some(tour) = self.tour.as_ref() else {
            return;
        };
        let target = tour.progress.stop.saturating_add_signed(delta);
        self.go_to_stop(target);
    }

    /// Moves the tour to `stop` (clamped) and shows it.
    pub(super) fn go_to_stop(&mut self, stop: usize) {
        let now = self.clock.now();
        let Some(tour) = self.tour.as_mut() else {
            return;
        };
        if tour.progress.go_to(stop, now) {
            self.show_stop();
        }
    }

    /// Selects the current stop's annotation (focusing its pane and scrolling to it), or shows
    /// the start of its part.
    pub(super) fn show_stop(&mut self) {
        let Some(stop) = self
            .tour
            .as_ref()
            .and_then(|t| self.article.tour.get(t.progress.stop))
        else {
            return;
        };
        let (annotation, part) = (stop.annotation, stop.part);
        self.view.side_scroll = 0;
        if let Some(index) = annotation.filter(|&i| i < self.article.annotations.len()) {
            self.select(index);
            return;
        }
        self.view.selected = None;
        let pane = self.part_pane.get(part).copied().unwrap_or(0);
        self.view.focus = pane;
        let byte = self
            .article
            .parts
            .get(part)
            .and_then(|p| p.paragraphs.first())
            .map_or(0, |r| r.start);
        if let Some(top) = self.view.tops.get_mut(pane) {
            // Width 0 never matches a layout: `refresh` finds the row of `byte`, from the
            // first row anchored there (the part's heading, when the pane shows one).
            *top = Top {
                row: 0,
                width: 0,
                byte,
                lead: 0,
            };
        }
        self.refresh();
    }

    /// The running tour's progress, if a tour is on.
    pub fn tour_progress(&self) -> Option<&TourProgress> {
        self.tour.as_ref().map(|t| &t.progress)
    }

    /// What notes windows and the room show of the presenter, but for its clocks running on:
    /// `None` without a presenter. `update` compares it before and after each change and asks
    /// for an `Effect::Publish` when it differs; the tour's progress holds no running time
    /// (only when the clocks started, paused, and each stop's banked seconds), so a clock that
    /// ticks is no change.
    pub(crate) fn published(&self) -> Option<Published> {
        let presenter = self.presenter.as_ref()?;
        Some(Published {
            progress: self.tour_progress()?.clone(),
            blanked: presenter.blanked,
            revealed: presenter.revealed,
            session: presenter.session,
        })
    }

    /// The tour's state for notes windows (`link`), while a tour is on. `sent_ms` is the wall
    /// clock now, given by the caller (the edge that does I/O).
    pub fn link_state(&self, sent_ms: u64) -> Option<crate::link::PresenterState> {
        // Only a presenter speaks to notes windows: a reader following the tour beside it
        // must never move them.
        let presenter = self.presenter.as_ref()?;
        let progress = self.tour_progress()?;
        let now = self.clock.now();
        let stop_s = progress.stop_spent_s(now);
        // Milliseconds, so the notes window ticks on the same beat as the presenter.
        let tour = progress.tour_elapsed(now);
        let tour_ms = u64::try_from(tour.as_millis()).unwrap_or(u64::MAX);
        let into_second = tour_ms % 1000;
        Some(crate::link::PresenterState {
            stop: progress.stop,
            stops: self.article.tour.len(),
            tour_ms,
            stop_ms: stop_s * 1000 + into_second,
            blanked: presenter.blanked,
            paused: progress.paused_at.is_some(),
            revealed: presenter.revealed,
            sent_ms,
            session: presenter.session,
            votes: self.live_votes(progress.stop),
        })
    }

    /// How long until a clock on screen changes, or `None` when no clock is visible (the loop
    /// then blocks until an event). A clock is visible in the presenter unless it is blanked
    /// or its help is open, and in the reader's tour unless an overlay covers it.
    pub fn next_tick(&self) -> Option<Duration> {
        let progress = self.tour_progress()?;
        match &self.presenter {
            Some(presenter) if !presenter.shows_clock() || progress.paused_at.is_some() => {
                return None;
            }
            None if self.view.overlay.is_some() => return None,
            _ => {}
        }
        Some(progress.next_tick(self.clock.now()))
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::app::tests::sample;
    use crate::app::{Action, Effect};
    use crate::clock::{Clock, ManualClock};
    use crate::content::{Article, TourStop};
    use crate::i18n::Lang;
    use crate::theme::{Theme, ThemeName};

    pub(crate) fn with_tour(mut article: Article) -> Article {
        let stop = |title: &str, annotation: Option<usize>, part: usize, minutes| TourStop {
            title: title.into(),
            annotation,
            part,
            say: format!("Ce qu’il faut dire pour {title}."),
            questions: vec![format!("Une question sur {title} ?")],
            minutes,
            big: None,
            poll: None,
        };
        article.tour = vec![
            stop("Premier chiffre", Some(0), 0, 3),
            stop("La partie deux", None, 1, 2),
            stop("Un chiffre de la conclusion", Some(40), 3, 4),
        ];
        article
    }

    fn app(size: (u16, u16)) -> (App, ManualClock) {
        let clock = ManualClock::new();
        let app = App::new(
            with_tour(sample(12)),
            Lang::Fr,
            Theme::named(ThemeName::Monochrome),
            size,
        )
        .with_clock(Arc::new(clock.clone()));
        (app, clock)
    }

    #[test]
    fn the_tour_moves_the_reader_and_leaving_returns_to_where_it_was() {
        let (mut app, clock) = app((80, 24));
        app.update(Action::FocusPane(2));
        for _ in 0..7 {
            app.update(Action::LineDown);
        }
        let before = (app.view.focus, app.view.tops.clone(), app.view.selected);

        app.update(Action::ToggleTour);
        let progress = app.tour_progress().unwrap();
        assert_eq!(progress.stop, 0);
        assert_eq!(app.view.selected, Some(0), "stop 1 selects its annotation");
        assert_eq!(app.view.focus, 0);

        clock.advance(Duration::from_secs(65));
        app.update(Action::NextStop);
        assert_eq!(app.tour_progress().unwrap().stop, 1);
        assert_eq!(app.view.selected, None, "a part stop selects nothing");
        assert_eq!(app.view.focus, 1, "and shows its part");
        assert_eq!(app.view.tops[1].row, 0);

        app.update(Action::NextStop);
        assert_eq!(app.view.selected, Some(40));
        assert_eq!(app.view.focus, 3);
        app.update(Action::NextStop);
        assert_eq!(
            app.tour_progress().unwrap().stop,
            2,
            "stays on the last stop"
        );
        app.update(Action::PrevStop);
        app.update(Action::PrevStop);
        clock.advance(Duration::from_secs(10));
        let progress = app.tour_progress().unwrap();
        assert_eq!(progress.stop, 0);
        assert_eq!(progress.stop_spent_s(clock.now()), 75, "65 s + 10 s");

        app.update(Action::ToggleTour);
        assert!(app.tour.is_none());
        assert_eq!(
            (app.view.focus, app.view.tops.clone(), app.view.selected),
            before
        );
    }

    #[test]
    fn arrows_and_escape_through_the_keymap() {
        use ratatui::crossterm::event::{Event, KeyCode, KeyEvent};
        let (mut app, _) = app((100, 30));
        let key = |code| Event::Key(KeyEvent::from(code));
        app.handle_event(&key(KeyCode::Char('t')));
        assert!(app.tour.is_some());
        app.handle_event(&key(KeyCode::Right));
        assert_eq!(app.tour_progress().unwrap().stop, 1);
        app.handle_event(&key(KeyCode::Char(']')));
        assert_eq!(app.tour_progress().unwrap().stop, 2);
        app.handle_event(&key(KeyCode::Left));
        assert_eq!(app.tour_progress().unwrap().stop, 1);
        app.handle_event(&key(KeyCode::Esc));
        assert!(app.tour.is_none());
        app.handle_event(&key(KeyCode::Right));
        assert_eq!(app.view.focus, 1, "→ moves panes again");
    }

    #[test]
    fn the_clock_ticks_only_while_a_tour_is_on_screen() {
        let (mut app, clock) = app((80, 24));
        assert_eq!(app.next_tick(), None, "no tour, no clock: block on input");
        app.update(Action::ToggleTour);
        clock.advance(Duration::from_millis(400));
        assert_eq!(app.next_tick(), Some(Duration::from_millis(600)));
        app.update(Action::ToggleHelp);
        assert_eq!(app.next_tick(), None, "help covers the clock");
    }

    #[test]
    fn without_a_tour_t_says_so() {
        let mut app = App::new(
            sample(2),
            Lang::Fr,
            Theme::named(ThemeName::Monochrome),
            (80, 24),
        );
        app.update(Action::ToggleTour);
        assert!(app.tour.is_none());
        assert_eq!(app.view.notice, Some(crate::i18n::Text::NoTour));
        app.update(Action::LineDown);
        assert_eq!(app.view.notice, None, "the notice lasts one key");
    }

    #[test]
    fn p_presents_the_current_stop_and_escape_returns_to_the_reader_on_the_same_stop() {
        let (mut app, clock) = app((80, 24));
        app.update(Action::ToggleTour);
        app.update(Action::NextStop);
        app.update(Action::Present);
        assert!(app.presenter.is_some());
        assert_eq!(
            app.tour_progress().unwrap().stop,
            1,
            "the presenter opens on it"
        );
        app.update(Action::NextStop);
        assert_eq!(app.tour_progress().unwrap().stop, 2);
        assert_eq!(app.view.selected, Some(40), "the reader follows underneath");
        app.update(Action::Blank);
        clock.advance(Duration::from_millis(300));
        assert_eq!(app.next_tick(), None, "a blank screen shows no clock");
        assert_eq!(
            app.update(Action::Quit),
            [Effect::Publish],
            "the key only brought the screen back (which notes windows are told)"
        );
        assert!(app.next_tick().is_some());
        assert_eq!(
            app.update(Action::LeavePresenter),
            [Effect::Publish],
            "the presenter closed: notes windows are told"
        );
        assert!(app.presenter.is_none());
        assert_eq!(
            app.tour_progress().unwrap().stop,
            2,
            "still on the tour, same stop"
        );
    }

    #[test]
    fn p_outside_the_tour_presents_the_stop_nearest_the_reading_and_escape_returns_there() {
        let (mut app, _) = app((80, 24));
        app.update(Action::FocusPane(2));
        for _ in 0..3 {
            app.update(Action::LineDown);
        }
        let before = (app.view.focus, app.view.tops.clone(), app.view.selected);
        app.update(Action::Present);
        assert_eq!(
            app.tour_progress().unwrap().stop,
            2,
            "the first stop after the top line of part two is in the conclusion"
        );
        app.update(Action::LeavePresenter);
        assert!(app.presenter.is_none());
        assert!(app.tour.is_none(), "free reading again, not the tour");
        assert_eq!(
            (app.view.focus, app.view.tops.clone(), app.view.selected),
            before
        );

        app.update(Action::FocusPane(2));
        app.update(Action::Top);
        app.update(Action::Present);
        assert_eq!(app.tour_progress().unwrap().stop, 1, "part two's own stop");
        app.update(Action::LeavePresenter);
        app.update(Action::FocusPane(1));
        app.update(Action::Present);
        assert_eq!(app.tour_progress().unwrap().stop, 0);
    }

    #[test]
    fn glose_present_quits_when_the_presenter_closes() {
        let (mut app, _) = app((80, 24));
        app.open_presenter(true);
        assert_eq!(app.tour_progress().unwrap().stop, 0);
        assert_eq!(app.update(Action::LeavePresenter), [Effect::Quit]);
    }

    #[test]
    fn the_notes_link_carries_the_stop_and_the_times() {
        let (mut app, clock) = app((80, 24));
        assert_eq!(app.link_state(7), None, "no tour, nothing to say");
        app.update(Action::ToggleTour);
        assert!(app.tour_progress().is_some());
        assert_eq!(app.link_state(7), None, "a reader's tour says nothing");
        app.update(Action::ToggleTour);
        app.open_presenter(true);
        clock.advance(Duration::from_millis(65_250));
        app.update(Action::NextStop);
        clock.advance(Duration::from_millis(2_000));
        app.update(Action::RevealVerdict);
        let state = app.link_state(7).unwrap();
        assert_eq!((state.stop, state.stops), (1, 3));
        assert_eq!(state.tour_ms, 67_250);
        assert_eq!(state.stop_ms, 2_250, "2 whole seconds, on the tour's beat");
        assert!(state.revealed && !state.blanked);
        assert_eq!(state.sent_ms, 7);
    }

    #[test]
    fn the_side_pane_leads_with_the_stop_during_the_tour() {
        use ratatui::Terminal;
        use ratatui::backend::TestBackend;
        let clock = ManualClock::new();
        let mut app = App::new(
            crate::tour::fixture::article(),
            Lang::Fr,
            Theme::named(ThemeName::Monochrome),
            (100, 30),
        )
        .with_clock(Arc::new(clock.clone()));
        app.update(Action::ToggleTour);
        clock.advance(Duration::from_secs(75));
        app.update(Action::NextStop);
        app.update(Action::NextStop);
        clock.advance(Duration::from_secs(200));
        let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
        terminal
            .draw(|frame| crate::ui::render(&app, frame))
            .unwrap();
        insta::assert_snapshot!(terminal.backend());
    }
}

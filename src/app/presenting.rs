//! The presenter's session in the app: offering the previous one back at start, resuming it or
//! starting afresh, and the record the event loop saves (`present::SessionKeeper`).
//!
//! Invariant: while a `glose present` presenter is open, its `record` has the id the notes link
//! announces (`Presenter::session`), and the tour's progress is the one the record is taken from.

use super::{Action, App, Effect};
use crate::present::Outcome;
use crate::present::ResumeOffer;
use crate::tour::TourProgress;
use crate::tour::session::PresenterSession;

/// How `glose present` treats the previous session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SessionStart {
    /// Offer it back: already resumed after a crash (`n` starts afresh), or `r` to resume it
    /// after a clean end.
    #[default]
    Offer,
    /// Resume it without asking (`glose present --resume`).
    Resume,
    /// Start a new session without asking (`glose present --new`).
    New,
}

impl App {
    /// Gives the open presenter the session found in the state folder, as `start` says. A
    /// session of another article, or one where nothing happened, is not offered.
    pub fn offer_session(&mut self, saved: PresenterSession, start: SessionStart) {
        let key = crate::store::state_file_stem(&self.article);
        let Some(presenter) = self.presenter.as_ref() else {
            return;
        };
        if presenter.record.is_none()
            || saved.article != key
            || !saved.has_progress()
            || start == SessionStart::New
        {
            return;
        }
        let resumed = start == SessionStart::Resume || !saved.ended_cleanly;
        if resumed {
            self.resume_session(saved.clone());
        }
        if start == SessionStart::Offer
            && let Some(presenter) = self.presenter.as_mut()
        {
            presenter.offer = Some(ResumeOffer { saved, resumed });
        }
    }

    /// Goes back to an earlier session: its id, stop and clocks (running again from now, or
    /// paused if they were).
    pub fn resume_session(&mut self, saved: PresenterSession) {
        let now = self.clock.now();
        let progress = saved.progress(&self.article, now);
        self.set_session(
            PresenterSession {
                ended_cleanly: false,
                ..saved
            },
            progress,
        );
    }

    /// A new session: the first stop, every clock at 0:00, a new id.
    pub fn new_session(&mut self) {
        let now = self.clock.now();
        let record = PresenterSession::new(&self.article, crate::link::unix_ms());
        let progress = TourProgress::new(self.article.tour.len(), 0, now);
        self.set_session(record, progress);
    }

    fn set_session(&mut self, record: PresenterSession, progress: TourProgress) {
        let (Some(presenter), Some(tour)) = (self.presenter.as_mut(), self.tour.as_mut()) else {
            return;
        };
        presenter.session = record.id;
        presenter.record = Some(record);
        presenter.revealed = false;
        presenter.scroll = 0;
        presenter.confirm_reset = false;
        tour.progress = progress;
        self.show_stop();
    }

    /// Stops keeping the session in the state folder (its file could not be read and must not
    /// be overwritten).
    pub fn forget_session(&mut self) {
        if let Some(presenter) = self.presenter.as_mut() {
            presenter.record = None;
        }
    }

    /// The presenter's session as it stands now, to save; `None` unless a `glose present`
    /// presenter is open.
    pub fn presenter_session(&self) -> Option<PresenterSession> {
        let presenter = self.presenter.as_ref()?;
        if presenter.offer.as_ref().is_some_and(|offer| !offer.resumed) {
            // The previous session is still on offer: its file stays as it is until answered.
            return None;
        }
        let mut record = presenter.record.clone()?;
        let progress = self.tour_progress()?;
        record.record(&self.article, progress, self.clock.now());
        record.saved = crate::link::unix_ms() / 1000;
        Some(record)
    }
}

impl App {
    /// Hands an action to the presenter; follows its stop in the reader, closes it or quits.
    pub(super) fn update_presenter(&mut self, action: Action) {
        let now = self.clock.now();
        // A resize keeps the scroll the presenter chose (drawing clamps it to the size), so a
        // storm of resizes through a size where the stop fits ends where one resize would;
        // any other action starts from what is on screen and is clamped after.
        let resize = matches!(action, Action::Resize(..));
        if !resize {
            self.clamp_presenter_scroll();
        }
        let (Some(presenter), Some(tour)) = (self.presenter.as_mut(), self.tour.as_mut()) else {
            self.presenter = None;
            return;
        };
        let before = tour.progress.stop;
        let outcome = presenter.update(action, &mut tour.progress, now);
        let quit_on_close = presenter.quit_on_close;
        let moved = tour.progress.stop != before;
        if !resize {
            self.clamp_presenter_scroll();
        }
        if moved {
            // Keep the reader under the presenter on the same stop.
            self.show_stop();
        }
        match outcome {
            Outcome::Stay => {}
            Outcome::Resume(saved) => self.resume_session(*saved),
            Outcome::NewSession => self.new_session(),
            Outcome::Close if !quit_on_close => {
                // Back to free reading where the reader was, unless the tour was on before.
                if self.presenter.take().is_some_and(|p| p.own_tour) {
                    self.leave_tour();
                }
            }
            Outcome::Close | Outcome::Quit => self.effects.push(Effect::Quit),
        }
    }

    /// Keeps the presenter's scroll within its stop at the current size.
    pub(super) fn clamp_presenter_scroll(&mut self) {
        let most = self.presenter_max_scroll();
        if let Some(presenter) = self.presenter.as_mut() {
            presenter.scroll = presenter.scroll.min(most);
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::time::Duration;

    use super::*;
    use crate::app::Action;
    use crate::clock::ManualClock;
    use crate::i18n::Lang;
    use crate::theme::{Theme, ThemeName};

    fn presenter() -> (App, ManualClock) {
        let clock = ManualClock::new();
        let mut app = App::new(
            crate::tour::fixture::article(),
            Lang::Fr,
            Theme::named(ThemeName::Monochrome),
            (100, 30),
        )
        .with_clock(Arc::new(clock.clone()));
        app.open_presenter(true);
        (app, clock)
    }

    fn saved(ended_cleanly: bool) -> PresenterSession {
        let (mut app, clock) = presenter();
        clock.advance(Duration::from_secs(30));
        app.update(Action::NextStop);
        clock.advance(Duration::from_secs(45));
        app.update(Action::NextStop);
        clock.advance(Duration::from_secs(5));
        let mut session = app.presenter_session().unwrap();
        session.ended_cleanly = ended_cleanly;
        session
    }

    fn times(app: &App) -> (usize, u64, u64) {
        let progress = app.tour_progress().unwrap();
        let now = app.clock.now();
        (
            progress.stop,
            progress.stop_spent_s(now),
            progress.elapsed_s(now),
        )
    }

    #[test]
    fn after_a_crash_the_session_is_resumed_and_n_starts_afresh() {
        let saved = saved(false);
        assert_eq!((saved.stop, saved.tour_s), (2, 80));
        let (mut app, _clock) = presenter();
        app.offer_session(saved.clone(), SessionStart::Offer);
        assert_eq!(times(&app), (2, 5, 80));
        assert_eq!(app.presenter.as_ref().unwrap().session, saved.id, "same id");
        assert!(app.presenter.as_ref().unwrap().offer.is_some());
        app.update(Action::NewSession);
        assert_eq!(times(&app), (0, 0, 0));
        assert_ne!(app.presenter.as_ref().unwrap().session, saved.id);
        assert!(app.presenter.as_ref().unwrap().offer.is_none());
    }

    #[test]
    fn after_a_crash_any_other_key_keeps_the_resumed_session_and_does_nothing_else() {
        let (mut app, _clock) = presenter();
        app.offer_session(saved(false), SessionStart::Offer);
        app.update(Action::NextStop);
        assert_eq!(times(&app).0, 2, "the key only answered");
        assert!(app.presenter.as_ref().unwrap().offer.is_none());
        app.update(Action::NextStop);
        assert_eq!(times(&app).0, 3);
    }

    #[test]
    fn after_a_clean_end_r_resumes_and_anything_else_keeps_the_new_session() {
        let (mut app, clock) = presenter();
        app.offer_session(saved(true), SessionStart::Offer);
        assert_eq!(times(&app), (0, 0, 0), "a new session runs meanwhile");
        assert!(
            app.presenter_session().is_none(),
            "the file is kept until answered"
        );
        clock.advance(Duration::from_secs(3));
        app.update(Action::ResumeSession);
        assert_eq!(times(&app), (2, 5, 80));
        clock.advance(Duration::from_secs(10));
        assert_eq!(times(&app), (2, 15, 90), "and runs on");

        let (mut app, _clock) = presenter();
        app.offer_session(saved(true), SessionStart::Offer);
        app.update(Action::NewSession);
        assert_eq!(times(&app), (0, 0, 0));
        assert!(app.presenter.as_ref().unwrap().offer.is_none());
    }

    #[test]
    fn the_command_line_can_resume_or_start_afresh_without_asking() {
        let (mut app, _clock) = presenter();
        app.offer_session(saved(true), SessionStart::Resume);
        assert_eq!(times(&app), (2, 5, 80));
        assert!(app.presenter.as_ref().unwrap().offer.is_none());
        let (mut app, _clock) = presenter();
        app.offer_session(saved(false), SessionStart::New);
        assert_eq!(times(&app), (0, 0, 0));
        assert!(app.presenter.as_ref().unwrap().offer.is_none());
    }

    #[test]
    fn a_presenter_opened_from_the_reader_keeps_no_session() {
        let mut app = App::new(
            crate::tour::fixture::article(),
            Lang::Fr,
            Theme::named(ThemeName::Monochrome),
            (100, 30),
        );
        app.open_presenter(false);
        assert!(app.presenter.is_some());
        assert!(app.presenter_session().is_none());
        app.offer_session(saved(false), SessionStart::Offer);
        assert_eq!(app.tour_progress().unwrap().stop, 0);
    }
}

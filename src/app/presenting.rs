//! The presenter's session in the app: offering the previous one back at start, resuming it or
//! starting afresh, and the record the event loop saves (`present::SessionKeeper`).
//!
//! Invariant: while a `glose present` presenter is open, its `record` has the id the notes link
//! announces (`Presenter::session`), and the tour's progress is the one the record is taken from.

use super::{Action, App, Effect};
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
    /// An action while the presenter is open: it changes the presenter and the tour's progress,
    /// follows the stop in the reader, closes the presenter or asks the loop to quit.
    ///
    /// Invariants: while blanked, the next key only brings the screen back; a number typed on
    /// the stop screen lasts until the next key (`G`, `g` or `Enter` go to that stop, `Esc`
    /// forgets it); a resize keeps the scroll the presenter chose (drawing clamps it to the
    /// size), so a storm of resizes through a size where the stop fits ends where one resize
    /// would, and keeps a number being typed.
    pub(super) fn update_presenter(&mut self, action: Action) {
        if matches!(action, Action::Resize(..)) || self.presenter.is_none() {
            return;
        }
        if self.tour.is_none() {
            self.presenter = None;
            return;
        }
        self.clamp_presenter_scroll();
        let before = self.tour_progress().map(|p| p.stop);
        self.presenter_action(action);
        self.clamp_presenter_scroll();
        if self.presenter.is_some() && self.tour_progress().map(|p| p.stop) != before {
            // Keep the reader under the presenter on the same stop.
            self.show_stop();
        }
    }

    /// `update_presenter`'s work, in the order the screen takes keys: a digit on the stop, a
    /// typed number, the wheel, the blank screen, the offer of a previous session, the reset
    /// question, the join screen, the help, then the stop's own keys.
    fn presenter_action(&mut self, action: Action) {
        let now = self.clock.now();
        let (Some(presenter), Some(tour)) = (self.presenter.as_mut(), self.tour.as_mut()) else {
            return;
        };
        let progress = &mut tour.progress;
        if let Action::Digit(digit) = action
            && presenter.on_stop()
        {
            presenter.type_digit(digit);
            return;
        }
        let count = presenter.count.take();
        if let Some(n) = count
            && matches!(
                action,
                Action::LastStop | Action::FirstStop | Action::RevealVerdict
            )
            && !presenter.blanked
            && !presenter.help
        {
            presenter.go_to(progress, n.saturating_sub(1), now);
            return;
        }
        if count.is_some() && action == Action::LeavePresenter {
            return; // Esc forgets the number
        }
        if let Action::Wheel(_, _, delta) = action {
            if !presenter.blanked && !presenter.help {
                presenter.scroll_by(isize::from(delta));
            }
            return;
        }
        if presenter.blanked {
            presenter.blanked = false;
            return;
        }
        if let Some(offer) = presenter.offer.take() {
            // The offer takes the next key, like a question: `r` or `n` answer it, any other
            // key keeps what runs (resumed after a crash, new after a clean end).
            match action {
                Action::ResumeSession if !offer.resumed => self.resume_session(offer.saved),
                Action::NewSession if offer.resumed => self.new_session(),
                Action::Quit => self.effects.push(Effect::Quit),
                _ => {}
            }
            return;
        }
        if presenter.confirm_reset {
            // The question takes the next key: `T` again resets, anything else keeps the time.
            presenter.confirm_reset = false;
            if action == Action::ResetClock {
                progress.reset_clocks(now);
            }
            return;
        }
        // The join screen and the help go on the next key (`J` toggles the join screen).
        let covered = presenter.join && action != Action::ShowJoin || presenter.help;
        if covered {
            presenter.join = false;
            presenter.help = false;
            if action == Action::Quit {
                self.effects.push(Effect::Quit);
            }
            return;
        }
        if action == Action::LeavePresenter {
            self.close_presenter();
            return;
        }
        let last = progress.spent_s.len().saturating_sub(1);
        let target = match action {
            Action::NextStop => Some(progress.stop.saturating_add(1)),
            Action::PrevStop => Some(progress.stop.saturating_sub(1)),
            Action::FirstStop => Some(0),
            Action::LastStop => Some(last),
            Action::Blank => {
                presenter.blanked = true;
                None
            }
            Action::RevealVerdict => {
                presenter.revealed = !presenter.revealed;
                None
            }
            Action::ToggleHelp => {
                presenter.help = true;
                None
            }
            Action::ShowJoin => {
                presenter.join = !presenter.join;
                None
            }
            Action::LineDown => {
                presenter.scroll_by(1);
                None
            }
            Action::LineUp => {
                presenter.scroll_by(-1);
                None
            }
            Action::PauseClock => {
                progress.toggle_pause(now);
                None
            }
            Action::ResetClock => {
                presenter.confirm_reset = true;
                None
            }
            Action::Quit => {
                self.effects.push(Effect::Quit);
                None
            }
            _ => None,
        };
        if let Some(target) = target {
            presenter.go_to(progress, target, now);
        }
    }

    /// `Esc` in the presenter: back to free reading where the reader was (unless the tour was
    /// on before); `glose present` quits instead.
    fn close_presenter(&mut self) {
        if self.presenter.as_ref().is_some_and(|p| p.quit_on_close) {
            self.effects.push(Effect::Quit);
        } else if self.presenter.take().is_some_and(|p| p.own_tour) {
            self.leave_tour();
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

    fn stop(app: &App) -> usize {
        app.tour_progress().unwrap().stop
    }

    fn shown(app: &App) -> &crate::present::Presenter {
        app.presenter.as_ref().unwrap()
    }

    #[test]
    fn blank_then_any_key_only_brings_the_screen_back() {
        let (mut app, _clock) = presenter();
        app.update(Action::Blank);
        assert!(shown(&app).blanked);
        assert!(!shown(&app).shows_clock());
        assert!(!app.update(Action::NextStop).contains(&Effect::Quit));
        assert!(!shown(&app).blanked);
        assert_eq!(stop(&app), 0, "the key that unblanks does nothing else");
        app.update(Action::Blank);
        assert!(
            !app.update(Action::Quit).contains(&Effect::Quit),
            "not even q"
        );
        app.update(Action::Blank);
        app.update(Action::Digit(3));
        assert!(!shown(&app).blanked, "a digit is any key too");
        assert_eq!(shown(&app).count, None);
    }

    #[test]
    fn the_verdict_waits_for_the_facilitator_and_hides_again_on_the_next_stop() {
        let (mut app, _clock) = presenter();
        assert!(!shown(&app).revealed);
        app.update(Action::RevealVerdict);
        assert!(shown(&app).revealed);
        app.update(Action::NextStop);
        assert_eq!(stop(&app), 1);
        assert!(!shown(&app).revealed);
        app.update(Action::LastStop);
        assert_eq!(stop(&app), 3);
        app.update(Action::RevealVerdict);
        app.update(Action::NextStop);
        assert_eq!(stop(&app), 3);
        assert!(shown(&app).revealed, "no move at the end: still revealed");
        app.update(Action::FirstStop);
        assert_eq!(stop(&app), 0);
    }

    #[test]
    fn escape_closes_and_q_quits() {
        let (mut app, _clock) = presenter();
        assert!(app.update(Action::Quit).contains(&Effect::Quit));
        assert!(
            app.update(Action::LeavePresenter).contains(&Effect::Quit),
            "glose present: Esc quits"
        );
        app.update(Action::ToggleHelp);
        assert!(shown(&app).help);
        assert!(!app.update(Action::NextStop).contains(&Effect::Quit));
        assert!(!shown(&app).help);
        assert_eq!(stop(&app), 0, "the key only closed the help");
        // Opened from the reader, Esc goes back to free reading, where the reader was.
        let mut app = App::new(
            crate::tour::fixture::article(),
            Lang::Fr,
            Theme::named(ThemeName::Monochrome),
            (100, 30),
        );
        app.update(Action::Present);
        assert!(app.presenter.is_some() && app.tour.is_some());
        app.update(Action::NextStop);
        assert!(!app.update(Action::LeavePresenter).contains(&Effect::Quit));
        assert!(app.presenter.is_none(), "closed");
        assert!(app.tour.is_none(), "and the tour it started with it");
    }

    #[test]
    fn a_number_then_g_or_enter_goes_to_that_stop() {
        let (mut app, _clock) = presenter();
        app.update(Action::Digit(3));
        assert_eq!(shown(&app).count, Some(3));
        app.update(Action::LastStop);
        assert_eq!(stop(&app), 2, "3G: stop 3");
        assert_eq!(shown(&app).count, None);
        app.update(Action::Digit(2));
        app.update(Action::RevealVerdict);
        assert_eq!(stop(&app), 1, "2 Enter: stop 2");
        assert!(
            !shown(&app).revealed,
            "Enter after a number does not reveal"
        );
        app.update(Action::Digit(9));
        app.update(Action::Resize(90, 30));
        app.update(Action::Digit(9));
        assert_eq!(shown(&app).count, Some(99), "a resize keeps the number");
        app.update(Action::FirstStop);
        assert_eq!(stop(&app), 3, "past the end: the last stop");
        app.update(Action::Digit(2));
        assert!(
            !app.update(Action::LeavePresenter).contains(&Effect::Quit),
            "Esc forgets the number"
        );
        assert_eq!(shown(&app).count, None);
        app.update(Action::LastStop);
        assert_eq!(stop(&app), 3);
        app.update(Action::FirstStop);
        assert_eq!(stop(&app), 0, "g alone: the first stop");
        // Over the stop (the help, the reset question), a digit is any other key.
        app.update(Action::ResetClock);
        app.update(Action::Digit(2));
        assert!(!shown(&app).confirm_reset);
        assert_eq!(shown(&app).count, None);
    }

    #[test]
    fn t_pauses_the_clocks_and_capital_t_resets_them_after_asking() {
        let (mut app, clock) = presenter();
        let at = |app: &App| {
            let progress = app.tour_progress().unwrap();
            let now = app.clock.now();
            (progress.elapsed_s(now), progress.stop_spent_s(now))
        };
        clock.advance(Duration::from_secs(10));
        app.update(Action::NextStop);
        clock.advance(Duration::from_secs(10));
        app.update(Action::PauseClock);
        clock.advance(Duration::from_secs(60));
        assert_eq!(at(&app), (20, 10), "paused: the clocks stand still");
        app.update(Action::PauseClock);
        clock.advance(Duration::from_secs(5));
        assert_eq!(at(&app).0, 25, "running again from where they were");
        clock.advance(Duration::from_secs(5));
        app.update(Action::ResetClock);
        assert!(shown(&app).confirm_reset);
        clock.advance(Duration::from_secs(1));
        app.update(Action::NextStop);
        assert!(!shown(&app).confirm_reset);
        assert_eq!(stop(&app), 1, "the key that answers no does nothing else");
        assert_eq!(at(&app).0, 31, "kept");
        clock.advance(Duration::from_secs(1));
        app.update(Action::ResetClock);
        app.update(Action::ResetClock);
        clock.advance(Duration::from_secs(3));
        assert_eq!(at(&app), (3, 3));
        assert_eq!(app.tour_progress().unwrap().spent_s, vec![0; 4]);
    }

    #[test]
    fn the_session_is_kept_when_it_changes_and_only_then() {
        let saves = |effects: Vec<Effect>| effects.contains(&Effect::SaveSession);
        let (mut app, clock) = presenter();
        clock.advance(Duration::from_secs(3));
        assert!(saves(app.update(Action::NextStop)), "a new stop");
        assert!(saves(app.update(Action::PauseClock)), "the clocks paused");
        assert!(saves(app.update(Action::PauseClock)), "and running again");
        assert!(
            !saves(app.update(Action::Blank)),
            "a blank screen is no change"
        );
        assert!(!saves(app.update(Action::Blank)));
        assert!(!saves(app.update(Action::RevealVerdict)));
        assert!(!saves(app.update(Action::Digit(3))));
        assert!(saves(app.update(Action::LastStop)), "3G");
        app.update(Action::ResetClock);
        assert!(saves(app.update(Action::ResetClock)), "the clocks reset");
        // The offer answered by any key keeps what runs: the file is written at last.
        let (mut app, _clock) = presenter();
        app.offer_session(saved(true), SessionStart::Offer);
        assert!(saves(app.update(Action::LineDown)));
        // A presenter opened from the reader keeps no session.
        let mut app = App::new(
            crate::tour::fixture::article(),
            Lang::Fr,
            Theme::named(ThemeName::Monochrome),
            (100, 30),
        );
        app.update(Action::Present);
        assert!(!saves(app.update(Action::NextStop)));
    }
}

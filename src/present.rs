//! The presenter: the tour shown to a room, one stop per screen (`glose present`, or `p` in the
//! reader). This module owns the presenter's state and how actions change it; the screen is
//! drawn by `ui::present`, and the tour's position and timer are the reader's own
//! (`App::tour`), so leaving the presenter lands the reader on the same stop.
//!
//! Invariants: while blanked, the next key only brings the screen back (it does nothing else);
//! the verdict is hidden again whenever the stop changes, so the room can always guess first.
//!
//! Sessions (`glose present` only): the presenter keeps a `PresenterSession` (its id, the stop,
//! the clocks), which `SessionKeeper` writes to the state folder from the event loop. At the
//! next start the previous session is offered back in the footer until the next key: after a
//! crash (the file does not say it ended cleanly) it is already resumed and `n` starts a new
//! one instead; after a clean quit `r` resumes it and any other key keeps the new session.

use std::path::PathBuf;
use std::sync::{Mutex, PoisonError};
use std::time::Duration;

use ratatui::crossterm::event::{Event, KeyCode, KeyEventKind, KeyModifiers};

use crate::content::Article;
use crate::input::Action;
use crate::store::Problem;
use crate::tour::TourProgress;
use crate::tour::session::PresenterSession;

/// The presenter's own state (the tour's position lives in `App::tour`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Presenter {
    /// The screen is black until the next key.
    pub blanked: bool,
    /// What the source says and the verdict are shown.
    pub revealed: bool,
    /// The key list covers the screen.
    pub help: bool,
    /// The room's join address covers the screen (`J`, with `--room`).
    pub join: bool,
    /// The votes on the current stop's poll, with a room (copied from it before each frame).
    pub tally: Option<crate::room::Tally>,
    /// Closing the presenter quits the program (it was started by `glose present`).
    pub quit_on_close: bool,
    /// First row of the stop shown, when the stop is taller than the screen (clamped by the
    /// app against the stop's height at the current size; back to 0 on every new stop).
    pub scroll: usize,
    /// `T` was pressed: the footer asks whether to reset the clocks (`T` again does).
    pub confirm_reset: bool,
    /// The presenter started the tour (it was opened from free reading): closing it ends the
    /// tour too, back to where the reader was.
    pub own_tour: bool,
    /// A stop number being typed (`5` of `5G`), until the next key.
    pub count: Option<usize>,
    /// This presenter session's id for the notes link: when it began (Unix milliseconds). The
    /// same as `record`'s id when there is one (a resumed session keeps its id).
    pub session: u64,
    /// The session kept in the state folder (`glose present` only; `None` for a presenter
    /// opened from the reader with `p`).
    pub record: Option<PresenterSession>,
    /// A previous session found at start, offered back in the footer until the next key.
    pub offer: Option<ResumeOffer>,
}

/// The previous session, offered back when `glose present` starts again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResumeOffer {
    pub saved: PresenterSession,
    /// It is already resumed (it did not end cleanly: a crash, a kill); `n` starts afresh.
    /// Otherwise a new session runs and `r` resumes the saved one.
    pub resumed: bool,
}

/// What the app should do after the presenter handled an action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Stay in the presenter.
    Stay,
    /// Go back to this earlier session (its stop and clocks).
    Resume(Box<PresenterSession>),
    /// Start a new session: the first stop, every clock at 0:00, a new id.
    NewSession,
    /// Go back to the reader (or quit, for `glose present`).
    Close,
    Quit,
}

impl Presenter {
    /// A presenter showing the stop, verdict hidden; `quit_on_close` for `glose present`.
    pub fn new(quit_on_close: bool) -> Self {
        Self {
            blanked: false,
            revealed: false,
            help: false,
            join: false,
            tally: None,
            quit_on_close,
            scroll: 0,
            count: None,
            own_tour: false,
            confirm_reset: false,
            session: 0,
            record: None,
            offer: None,
        }
    }

    /// Takes a digit typed on the stop screen into the stop number being typed (`5` then `G`
    /// or `Enter` jumps to stop 5); returns whether the event was such a digit.
    pub fn type_digit(&mut self, event: &Event) -> bool {
        let Event::Key(key) = event else {
            return false;
        };
        let KeyCode::Char(c) = key.code else {
            return false;
        };
        let Some(digit) = c.to_digit(10) else {
            return false;
        };
        if self.blanked
            || self.help
            || self.offer.is_some()
            || key.kind != KeyEventKind::Press
            || !key.modifiers.difference(KeyModifiers::SHIFT).is_empty()
        {
            return false;
        }
        let count = self.count.unwrap_or(0);
        self.count = Some(
            count
                .saturating_mul(10)
                .saturating_add(digit as usize)
                .min(1_000_000),
        );
        true
    }

    /// Whether a clock is on screen (so the loop must wake for it).
    pub fn shows_clock(&self) -> bool {
        !self.blanked && !self.help && !self.join
    }

    /// Applies one action to the presenter and the tour's progress.
    pub fn update(
        &mut self,
        action: Action,
        progress: &mut TourProgress,
        now: Duration,
    ) -> Outcome {
        if matches!(action, Action::Resize(..)) {
            return Outcome::Stay;
        }
        // A typed number only lasts until the next key: `G`, `g` or `Enter` go to that stop.
        let count = self.count.take();
        if let Some(n) = count
            && matches!(
                action,
                Action::LastStop | Action::FirstStop | Action::RevealVerdict
            )
            && !self.blanked
            && !self.help
        {
            if progress.go_to(n.saturating_sub(1), now) {
                self.revealed = false;
                self.scroll = 0;
            }
            return Outcome::Stay;
        }
        if count.is_some() && action == Action::LeavePresenter {
            return Outcome::Stay; // Esc forgets the number
        }
        if let Action::Wheel(_, _, delta) = action {
            if !self.blanked && !self.help {
                self.scroll_by(isize::from(delta));
            }
            return Outcome::Stay;
        }
        if self.blanked {
            self.blanked = false;
            return Outcome::Stay;
        }
        if let Some(offer) = self.offer.take() {
            // The offer takes the next key, like a question: `r` or `n` answer it, any other
            // key keeps what runs (resumed after a crash, new after a clean end).
            return match action {
                Action::ResumeSession if !offer.resumed => Outcome::Resume(Box::new(offer.saved)),
                Action::NewSession if offer.resumed => Outcome::NewSession,
                Action::Quit => Outcome::Quit,
                _ => Outcome::Stay,
            };
        }
        if self.confirm_reset {
            // The question takes the next key: `T` again resets, anything else keeps the time.
            self.confirm_reset = false;
            if action == Action::ResetClock {
                progress.reset_clocks(now);
            }
            return Outcome::Stay;
        }
        if self.join && action != Action::ShowJoin {
            self.join = false;
            return if action == Action::Quit {
                Outcome::Quit
            } else {
                Outcome::Stay
            };
        }
        if self.help {
            self.help = false;
            return if action == Action::Quit {
                Outcome::Quit
            } else {
                Outcome::Stay
            };
        }
        let last = progress.spent_s.len().saturating_sub(1);
        let target = match action {
            Action::NextStop => Some(progress.stop.saturating_add(1)),
            Action::PrevStop => Some(progress.stop.saturating_sub(1)),
            Action::FirstStop => Some(0),
            Action::LastStop => Some(last),
            Action::Blank => {
                self.blanked = true;
                None
            }
            Action::RevealVerdict => {
                self.revealed = !self.revealed;
                None
            }
            Action::ToggleHelp => {
                self.help = true;
                None
            }
            Action::ShowJoin => {
                self.join = !self.join;
                None
            }
            Action::LineDown => {
                self.scroll_by(1);
                None
            }
            Action::LineUp => {
                self.scroll_by(-1);
                None
            }
            Action::PauseClock => {
                progress.toggle_pause(now);
                None
            }
            Action::ResetClock => {
                self.confirm_reset = true;
                None
            }
            Action::LeavePresenter => return Outcome::Close,
            Action::Quit => return Outcome::Quit,
            _ => None,
        };
        if let Some(target) = target
            && progress.go_to(target, now)
        {
            self.revealed = false;
            self.scroll = 0;
        }
        Outcome::Stay
    }

    /// Moves the view of a tall stop by `rows` (down when positive).
    fn scroll_by(&mut self, rows: isize) {
        self.scroll = self.scroll.saturating_add_signed(rows);
    }
}

/// The session file's path and latest contents, written by the signal thread on the way out
/// (SIGTERM, SIGHUP, SIGINT) and by the panic hook: a session cut off that way is resumed by
/// default at the next start.
static PENDING_SESSION: Mutex<Option<(PathBuf, Vec<u8>)>> = Mutex::new(None);

/// Writes the pending session, if any. With `wait` false (the panic hook), never waits for the
/// lock.
pub fn write_pending_session(wait: bool) {
    let pending = if wait {
        PENDING_SESSION
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take()
    } else {
        match PENDING_SESSION.try_lock() {
            Ok(mut guard) => guard.take(),
            Err(std::sync::TryLockError::Poisoned(poisoned)) => poisoned.into_inner().take(),
            Err(std::sync::TryLockError::WouldBlock) => None,
        }
    };
    if let Some((path, bytes)) = pending {
        let _ = crate::store::write_atomic(&path, &bytes, crate::store::Durability::Atomic);
    }
}

/// Keeps the presenter's session file in step with the app, from the event loop: written when
/// the stop, the pause or the session changes and every `session::SAVE_EVERY` seconds of the
/// clock, and at the end with `ended_cleanly` when the loop ends without an error.
#[derive(Debug, Default)]
pub struct SessionKeeper {
    /// The file, found the first time a session is open.
    path: Option<PathBuf>,
    /// What the file holds (as last written by this process).
    last: Option<PresenterSession>,
    /// A save failed (reported once, then tried again at each change).
    failed: bool,
}

impl SessionKeeper {
    pub fn new() -> Self {
        Self::default()
    }

    /// After a frame: writes the session (`App::presenter_session`, of `article`) if it
    /// changed enough, and leaves the signal thread the latest version. Returns a problem the
    /// first time a save fails.
    pub fn after_frame(
        &mut self,
        session: Option<PresenterSession>,
        article: &Article,
    ) -> Option<Problem> {
        let session = session?;
        if self.path.is_none() {
            self.path = PresenterSession::path(article);
        }
        let path = self.path.clone()?;
        *PENDING_SESSION
            .lock()
            .unwrap_or_else(PoisonError::into_inner) = Some((path.clone(), session.to_bytes()));
        if self
            .last
            .as_ref()
            .is_some_and(|last| !session.differs_enough(last))
        {
            return None;
        }
        match session.save(&path) {
            Ok(()) => {
                self.last = Some(session);
                self.failed = false;
                None
            }
            Err(problem) => (!std::mem::replace(&mut self.failed, true)).then_some(problem),
        }
    }

    /// At the end of the loop: the session as it stands, marked `ended_cleanly` when `clean`
    /// (the presenter was quit, not cut off).
    pub fn finish(
        &mut self,
        session: Option<PresenterSession>,
        article: &Article,
        clean: bool,
    ) -> Option<Problem> {
        PENDING_SESSION
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take();
        let mut session = session?;
        session.ended_cleanly = clean;
        let path = self
            .path
            .clone()
            .or_else(|| PresenterSession::path(article))?;
        let result = session.save(&path);
        self.last = Some(session);
        result.err()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(secs: u64) -> Duration {
        Duration::from_secs(secs)
    }

    #[test]
    fn blank_then_any_key_only_brings_the_screen_back() {
        let mut presenter = Presenter::new(true);
        let mut progress = TourProgress::new(4, 0, s(0));
        presenter.update(Action::Blank, &mut progress, s(1));
        assert!(presenter.blanked);
        assert!(!presenter.shows_clock());
        assert_eq!(
            presenter.update(Action::NextStop, &mut progress, s(2)),
            Outcome::Stay
        );
        assert!(!presenter.blanked);
        assert_eq!(progress.stop, 0, "the key that unblanks does nothing else");
        presenter.update(Action::Blank, &mut progress, s(3));
        assert_eq!(
            presenter.update(Action::Quit, &mut progress, s(3)),
            Outcome::Stay,
            "not even q"
        );
    }

    #[test]
    fn the_verdict_waits_for_the_facilitator_and_hides_again_on_the_next_stop() {
        let mut presenter = Presenter::new(true);
        let mut progress = TourProgress::new(4, 0, s(0));
        assert!(!presenter.revealed);
        presenter.update(Action::RevealVerdict, &mut progress, s(1));
        assert!(presenter.revealed);
        presenter.update(Action::NextStop, &mut progress, s(2));
        assert_eq!(progress.stop, 1);
        assert!(!presenter.revealed);
        presenter.update(Action::LastStop, &mut progress, s(2));
        assert_eq!(progress.stop, 3);
        presenter.update(Action::RevealVerdict, &mut progress, s(2));
        presenter.update(Action::NextStop, &mut progress, s(2));
        assert_eq!(progress.stop, 3);
        assert!(presenter.revealed, "no move at the end: still revealed");
        presenter.update(Action::FirstStop, &mut progress, s(2));
        assert_eq!(progress.stop, 0);
    }

    #[test]
    fn escape_closes_and_q_quits() {
        let mut presenter = Presenter::new(false);
        let mut progress = TourProgress::new(2, 0, s(0));
        assert_eq!(
            presenter.update(Action::LeavePresenter, &mut progress, s(0)),
            Outcome::Close
        );
        assert_eq!(
            presenter.update(Action::Quit, &mut progress, s(0)),
            Outcome::Quit
        );
        presenter.update(Action::ToggleHelp, &mut progress, s(0));
        assert!(presenter.help);
        assert_eq!(
            presenter.update(Action::NextStop, &mut progress, s(0)),
            Outcome::Stay
        );
        assert!(!presenter.help);
        assert_eq!(progress.stop, 0, "the key only closed the help");
    }

    #[test]
    fn every_presenter_key_has_a_description() {
        let keymap = crate::input::Keymap::default();
        for (keys, action) in keymap.help_rows(crate::input::Mode::Presenter, crate::i18n::Lang::Fr)
        {
            assert!(!keys.is_empty());
            assert!(!action.describe(crate::i18n::Lang::Fr).is_empty());
            assert!(!action.describe(crate::i18n::Lang::En).is_empty());
        }
    }

    #[test]
    fn a_number_then_g_or_enter_goes_to_that_stop() {
        use ratatui::crossterm::event::KeyEvent;
        let key = |c| Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        let mut presenter = Presenter::new(true);
        let mut progress = TourProgress::new(14, 0, s(0));
        assert!(presenter.type_digit(&key('1')));
        assert!(presenter.type_digit(&key('2')));
        assert!(!presenter.type_digit(&key('G')));
        presenter.update(Action::LastStop, &mut progress, s(1));
        assert_eq!(progress.stop, 11, "12G: stop 12");
        assert_eq!(presenter.count, None);
        presenter.type_digit(&key('3'));
        presenter.update(Action::RevealVerdict, &mut progress, s(2));
        assert_eq!(progress.stop, 2, "3 Enter: stop 3");
        assert!(!presenter.revealed, "Enter after a number does not reveal");
        presenter.type_digit(&key('9'));
        presenter.type_digit(&key('9'));
        presenter.update(Action::FirstStop, &mut progress, s(3));
        assert_eq!(progress.stop, 13, "past the end: the last stop");
        presenter.type_digit(&key('2'));
        assert_eq!(
            presenter.update(Action::LeavePresenter, &mut progress, s(3)),
            Outcome::Stay,
            "Esc forgets the number"
        );
        assert_eq!(presenter.count, None);
        presenter.update(Action::LastStop, &mut progress, s(4));
        assert_eq!(progress.stop, 13);
        presenter.update(Action::FirstStop, &mut progress, s(4));
        assert_eq!(progress.stop, 0, "g alone: the first stop");
    }

    #[test]
    fn t_pauses_the_clocks_and_capital_t_resets_them_after_asking() {
        let mut presenter = Presenter::new(true);
        let mut progress = TourProgress::new(4, 0, s(0));
        presenter.update(Action::NextStop, &mut progress, s(10));
        presenter.update(Action::PauseClock, &mut progress, s(20));
        assert_eq!(
            progress.elapsed_s(s(80)),
            20,
            "paused: the clocks stand still"
        );
        assert_eq!(progress.stop_spent_s(s(80)), 10);
        presenter.update(Action::PauseClock, &mut progress, s(80));
        assert_eq!(
            progress.elapsed_s(s(85)),
            25,
            "running again from where they were"
        );
        presenter.update(Action::ResetClock, &mut progress, s(90));
        assert!(presenter.confirm_reset);
        presenter.update(Action::NextStop, &mut progress, s(91));
        assert!(!presenter.confirm_reset);
        assert_eq!(
            progress.stop, 1,
            "the key that answers no does nothing else"
        );
        assert_eq!(progress.elapsed_s(s(91)), 31, "kept");
        presenter.update(Action::ResetClock, &mut progress, s(92));
        presenter.update(Action::ResetClock, &mut progress, s(92));
        assert_eq!(progress.elapsed_s(s(95)), 3);
        assert_eq!(progress.stop_spent_s(s(95)), 3);
        assert_eq!(progress.spent_s, vec![0; 4]);
    }
}

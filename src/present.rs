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

use crate::content::Article;
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

    /// Whether the stop itself is on screen, with nothing over it (no blank, help, join
    /// screen, question or offer): where a digit types a stop's number.
    pub fn on_stop(&self) -> bool {
        !self.blanked && !self.help && !self.join && !self.confirm_reset && self.offer.is_none()
    }

    /// A digit typed on the stop screen, into the stop number being typed (`5` then `G` or
    /// `Enter` goes to stop 5).
    pub fn type_digit(&mut self, digit: u8) {
        let count = self.count.unwrap_or(0);
        self.count = Some(
            count
                .saturating_mul(10)
                .saturating_add(usize::from(digit))
                .min(1_000_000),
        );
    }

    /// Whether a clock is on screen (so the loop must wake for it).
    pub fn shows_clock(&self) -> bool {
        !self.blanked && !self.help && !self.join
    }

    /// Goes to stop `target` (clamped to the tour); a new stop hides the verdict again and
    /// starts at its top.
    pub fn go_to(&mut self, progress: &mut TourProgress, target: usize, now: Duration) {
        if progress.go_to(target, now) {
            self.revealed = false;
            self.scroll = 0;
        }
    }

    /// Moves the view of a tall stop by `rows` (down when positive).
    pub fn scroll_by(&mut self, rows: isize) {
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

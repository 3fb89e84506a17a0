//! The presenter: the tour shown to a room, one stop per screen (`glose present`, or `p` in the
//! reader). This module owns the presenter's state and how actions change it; the screen is
//! drawn by `ui::present`, and the tour's position and timer are the reader's own
//! (`App::tour`), so leaving the presenter lands the reader on the same stop.
//!
//! Invariants: while blanked, the next key only brings the screen back (it does nothing else);
//! the verdict is hidden again whenever the stop changes, so the room can always guess first.

use std::time::Duration;

use ratatui::crossterm::event::KeyCode;

use crate::app::Action;
use crate::app::keymap::{KeyChord, Keymap};
use crate::tour::TourProgress;

/// The presenter's own state (the tour's position lives in `App::tour`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Presenter {
    /// The screen is black until the next key.
    pub blanked: bool,
    /// What the source says and the verdict are shown.
    pub revealed: bool,
    /// The key list covers the screen.
    pub help: bool,
    /// Closing the presenter quits the program (it was started by `glose present`).
    pub quit_on_close: bool,
    pub keymap: Keymap,
}

/// What the app should do after the presenter handled an action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Stay in the presenter.
    Stay,
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
            quit_on_close,
            keymap: keymap(),
        }
    }

    /// Whether a clock is on screen (so the loop must wake for it).
    pub fn shows_clock(&self) -> bool {
        !self.blanked && !self.help
    }

    /// Applies one action to the presenter and the tour's progress.
    pub fn update(
        &mut self,
        action: Action,
        progress: &mut TourProgress,
        now: Duration,
    ) -> Outcome {
        if matches!(action, Action::Resize(..) | Action::Wheel(..)) {
            return Outcome::Stay;
        }
        if self.blanked {
            self.blanked = false;
            return Outcome::Stay;
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
            Action::LeavePresenter => return Outcome::Close,
            Action::Quit => return Outcome::Quit,
            _ => None,
        };
        if let Some(target) = target
            && progress.go_to(target, now)
        {
            self.revealed = false;
        }
        Outcome::Stay
    }
}

/// The presenter's keys: what slide software and presentation remotes send (arrows, Page
/// Up/Down, Space, `b` and `.` to blank) plus the reader's habits (`h`/`l`, `g`/`G`).
pub fn keymap() -> Keymap {
    use Action as A;
    use KeyCode as K;
    let p = KeyChord::plain;
    let c = |ch| KeyChord::plain(K::Char(ch));
    let bindings = vec![
        (p(K::Right), A::NextStop),
        (c(' '), A::NextStop),
        (p(K::PageDown), A::NextStop),
        (c('l'), A::NextStop),
        (c(']'), A::NextStop),
        (p(K::Left), A::PrevStop),
        (p(K::Backspace), A::PrevStop),
        (p(K::PageUp), A::PrevStop),
        (c('h'), A::PrevStop),
        (c('['), A::PrevStop),
        (c('g'), A::FirstStop),
        (p(K::Home), A::FirstStop),
        (c('G'), A::LastStop),
        (p(K::End), A::LastStop),
        (c('v'), A::RevealVerdict),
        (p(K::Enter), A::RevealVerdict),
        (c('b'), A::Blank),
        (c('.'), A::Blank),
        (c('?'), A::ToggleHelp),
        (p(K::Esc), A::LeavePresenter),
        (c('p'), A::LeavePresenter),
        (c('q'), A::Quit),
        (KeyChord::ctrl('c'), A::Quit),
    ];
    Keymap {
        bindings,
        ..Keymap::empty()
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
        for (keys, action) in keymap().help_rows(crate::i18n::Lang::Fr) {
            assert!(!keys.is_empty());
            assert!(!action.describe(crate::i18n::Lang::Fr).is_empty());
            assert!(!action.describe(crate::i18n::Lang::En).is_empty());
        }
    }
}

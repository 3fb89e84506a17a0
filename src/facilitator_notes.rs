//! The facilitator's notes window (`glose notes`): follows a presenter on the same machine and
//! shows what to say, the questions, the answer (verdict and what the source says), the time
//! against the plan, and the next stop. Drawn by `ui::facilitator_notes` (its geometry in
//! `layout::facilitator_notes`); fed by `link::Listener`. Not the reader's own notes (the
//! `notebook`).
//!
//! Invariants: `remote` only ever holds a stop that exists in this article's tour (messages for
//! another tour are ignored); times are extrapolated from the last message with the injected
//! clock, so the window's clock runs between messages and tests are deterministic. A presenter
//! speaks only when something changes (its stop, the verdict, the blank screen, its clocks or
//! its session), so a presenter counts as running while its process runs, not while it talks:
//! other presenters heard of are remembered with their last state, and the window goes back
//! to the most recent of them when the one it follows says goodbye.

use std::sync::Arc;
use std::time::Duration;

use ratatui::crossterm::event::Event;

use crate::app::{Effect, Handled};
use crate::clock::Clock;
use crate::content::Article;
use crate::i18n::Lang;
use crate::input::Action;
use crate::input::keymap::{Keymap, Mode, translate_in};
use crate::layout::stop::Timing;
use crate::link::{Announcement, PresenterState};
use crate::theme::Theme;

/// What the window knows of the presenter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Remote {
    pub state: PresenterState,
    /// Clock time at which the presenter's times were `state.tour_ms` / `state.stop_ms` (the
    /// message's age already added to them).
    pub at: Duration,
    /// The presenter's process, when its messages give it (watched, so that one that died is
    /// not shown as live).
    pub pid: Option<u32>,
}

/// Another presenter of this article than the one followed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Other {
    /// Its last state.
    pub remote: Remote,
    /// Clock time it was last heard from.
    pub heard: Duration,
}

/// The notes window's state.
#[derive(Debug)]
pub struct FacilitatorNotes {
    pub article: Article,
    pub lang: Lang,
    pub theme: Theme,
    pub clock: Arc<dyn Clock>,
    pub size: (u16, u16),
    /// `None` until a presenter speaks, and again after it says goodbye.
    pub remote: Option<Remote>,
    /// First row of the notes shown.
    pub scroll: usize,
    pub help: bool,
    pub keymap: Keymap,
    /// The last presenter stopped without saying goodbye (its process is gone).
    pub gone: bool,
    /// The other presenters of this article heard of (not the one followed), each once.
    pub others: Vec<Other>,
}

/// How long another presenter that does not give its process id counts as running after its
/// last message (one that gives it runs as long as its process does).
const OTHER_PRESENTER_FOR: Duration = Duration::from_secs(3);

impl FacilitatorNotes {
    /// A notes window waiting for a presenter.
    pub fn new(
        article: Article,
        lang: Lang,
        theme: Theme,
        clock: Arc<dyn Clock>,
        size: (u16, u16),
    ) -> Self {
        Self {
            article,
            lang,
            theme,
            clock,
            size,
            remote: None,
            scroll: 0,
            help: false,
            keymap: Keymap::default(),
            gone: false,
            others: Vec::new(),
        }
    }

    /// The presenter's process is gone (killed, or its terminal closed) without a goodbye:
    /// nothing is live any more.
    pub fn presenter_gone(&mut self) {
        self.remote = None;
        self.gone = true;
    }

    /// Takes a message from a presenter, `age` old (how long ago it was sent); returns
    /// whether it is the presenter now followed. With several presenters of this article, the
    /// most recent session is followed and the others are only noted (`several_presenters`).
    pub fn receive(&mut self, message: Announcement, age: Duration) -> bool {
        self.receive_from(message, None, age)
    }

    /// Like [`FacilitatorNotes::receive`], from the presenter process `pid` when the message
    /// gives it.
    pub fn receive_from(&mut self, message: Announcement, pid: Option<u32>, age: Duration) -> bool {
        let followed = self.remote.map(|r| r.state.session);
        let now = self.clock.now();
        match message {
            Announcement::Bye { session } => {
                if followed.is_some_and(|f| f != session && session != 0) {
                    // Another presenter closed: the one followed goes on.
                    self.others.retain(|o| o.remote.state.session != session);
                    return false;
                }
                self.remote = None;
                self.gone = false;
                self.follow_another();
                true
            }
            Announcement::State(state) => {
                if state.stops != self.article.tour.len() || state.stop >= state.stops {
                    return false; // another version of the tour: nothing sensible to show
                }
                // The times as they are now: a state read from the folder may be an hour old
                // (a presenter speaks only on a change), older than this window's clock.
                let mut state = state;
                if !(state.blanked || state.paused) {
                    let late = u64::try_from(age.as_millis()).unwrap_or(u64::MAX);
                    state.tour_ms = state.tour_ms.saturating_add(late);
                    state.stop_ms = state.stop_ms.saturating_add(late);
                }
                let remote = Remote {
                    state,
                    at: now,
                    pid,
                };
                match (followed, self.remote) {
                    (Some(f), _) if state.session < f => {
                        self.note_other(remote);
                        return false;
                    }
                    (Some(f), Some(earlier)) if state.session > f => self.note_other(earlier),
                    _ => {}
                }
                self.others
                    .retain(|o| o.remote.state.session != state.session);
                self.gone = false;
                let moved = self.remote.is_none_or(|r| r.state.stop != state.stop);
                if moved {
                    self.scroll = 0;
                }
                self.remote = Some(remote);
                true
            }
        }
    }

    /// Remembers another presenter's last state (once per session).
    fn note_other(&mut self, remote: Remote) {
        let heard = self.clock.now();
        self.others
            .retain(|o| o.remote.state.session != remote.state.session);
        self.others.push(Other { remote, heard });
    }

    /// Whether another presenter, not followed, still counts as running.
    fn runs(&self, other: &Other) -> bool {
        other.remote.pid.is_some()
            || self.clock.now().saturating_sub(other.heard) <= OTHER_PRESENTER_FOR
    }

    /// The presenter followed is gone: follows the most recent other one still running, if any.
    fn follow_another(&mut self) {
        let others = std::mem::take(&mut self.others);
        let (running, _): (Vec<Other>, Vec<Other>) = others.into_iter().partition(|o| self.runs(o));
        self.others = running;
        let latest = self
            .others
            .iter()
            .enumerate()
            .max_by_key(|(_, o)| o.remote.state.session)
            .map(|(i, _)| i);
        if let Some(latest) = latest {
            let other = self.others.swap_remove(latest);
            self.remote = Some(other.remote);
            self.scroll = 0;
        }
    }

    /// Looks at the presenters (`is_running`: `Listener::presenter_runs` in the window):
    /// another one that ended is forgotten; when the one followed ended without a goodbye
    /// (killed, its terminal closed), the most recent other one is followed, and if there is
    /// none the window says the presenter is gone. Returns whether anything changed.
    pub fn watch(&mut self, is_running: impl Fn(u32) -> bool) -> bool {
        let before = self.others.len();
        self.others.retain(|o| o.remote.pid.is_none_or(&is_running));
        let mut changed = self.others.len() != before;
        if self
            .remote
            .and_then(|r| r.pid)
            .is_some_and(|pid| !is_running(pid))
        {
            self.presenter_gone();
            self.follow_another();
            if self.remote.is_some() {
                self.gone = false;
            }
            changed = true;
        }
        changed
    }

    /// Whether another presenter of this article runs besides the one followed (the window
    /// says it follows the most recent).
    pub fn several_presenters(&self) -> bool {
        self.remote.is_some() && self.others.iter().any(|o| self.runs(o))
    }

    /// The presenter's stop and times now, if one is running.
    pub fn timing(&self) -> Option<Timing> {
        let remote = self.remote?;
        // A blank screen stops the clocks where they were.
        let since = if remote.state.blanked || remote.state.paused {
            Duration::ZERO
        } else {
            self.clock.now().saturating_sub(remote.at)
        };
        let since_ms = u64::try_from(since.as_millis()).unwrap_or(u64::MAX);
        Some(Timing {
            stop: remote.state.stop,
            stop_s: remote.state.stop_ms.saturating_add(since_ms) / 1000,
            tour_s: remote.state.tour_ms.saturating_add(since_ms) / 1000,
        })
    }

    /// What the notes' body shows (`layout::facilitator_notes`).
    pub fn body(&self) -> crate::layout::facilitator_notes::Body<'_> {
        crate::layout::facilitator_notes::Body {
            article: &self.article,
            lang: self.lang,
            theme: &self.theme,
            revealed: self.remote.is_some_and(|r| r.state.revealed),
            votes: self.remote.and_then(|r| r.state.votes),
        }
    }

    /// When the clock on screen next changes; `None` while waiting (nothing moves).
    pub fn next_tick(&self) -> Option<Duration> {
        let remote = self.remote?;
        if remote.state.blanked || remote.state.paused {
            // Nothing ticks, but the presenter is still watched (it may be killed meanwhile).
            return Some(Duration::from_secs(1));
        }
        let since = self.clock.now().saturating_sub(remote.at);
        let ms = remote
            .state
            .tour_ms
            .saturating_add(u64::try_from(since.as_millis()).unwrap_or(0));
        Some(Duration::from_millis(1000 - ms % 1000))
    }

    /// Handles a terminal event: whether the screen may have changed, and the effects for the
    /// loop to carry out (`Effect::Quit`, `Effect::Suspend`: the window changes nothing outside).
    pub fn handle_event(&mut self, event: &Event) -> Handled {
        match translate_in(&self.keymap, event, Mode::NotesWindow) {
            Some(action) => Handled {
                redraw: true,
                effects: self.update(action),
            },
            None => Handled::default(),
        }
    }

    /// Applies one action (scrolling, help, quit, resize); returns the effects it asks of the
    /// loop (`Effect::Quit` for `q`).
    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        if action == Action::Suspend {
            return vec![Effect::Suspend];
        }
        if self.help {
            match action {
                Action::Quit => return vec![Effect::Quit],
                Action::Resize(w, h) => self.size = (w, h),
                _ => self.help = false,
            }
            return Vec::new();
        }
        match action {
            Action::Quit => return vec![Effect::Quit],
            Action::LineDown => self.scroll = self.scroll.saturating_add(1),
            Action::LineUp => self.scroll = self.scroll.saturating_sub(1),
            Action::PageDown => self.scroll = self.scroll.saturating_add(10),
            Action::PageUp => self.scroll = self.scroll.saturating_sub(10),
            Action::Top => self.scroll = 0,
            Action::ToggleHelp => self.help = true,
            Action::Resize(w, h) => self.size = (w, h),
            _ => {}
        }
        // Clamped against the content at the current size.
        let most = self.timing().map_or(0, |timing| {
            crate::layout::facilitator_notes::max_scroll(&self.body(), timing, self.size)
        });
        self.scroll = self.scroll.min(most);
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::ManualClock;
    use crate::theme::ThemeName;

    fn notes() -> (FacilitatorNotes, ManualClock) {
        let clock = ManualClock::new();
        let notes = FacilitatorNotes::new(
            crate::tour::fixture::article(),
            Lang::Fr,
            Theme::named(ThemeName::Monochrome),
            Arc::new(clock.clone()),
            (80, 24),
        );
        (notes, clock)
    }

    fn state(stop: usize) -> PresenterState {
        PresenterState {
            stop,
            stops: 4,
            tour_ms: 60_500,
            stop_ms: 5_500,
            blanked: false,
            paused: false,
            revealed: false,
            sent_ms: 0,
            session: 0,
            votes: None,
        }
    }

    /// What a window hears from `publishers` (each publishing its states in turn), fed to a
    /// notes window through a real socket, as `glose notes` takes it.
    #[cfg(unix)]
    fn heard(steps: &[(usize, u64)]) -> (FacilitatorNotes, Vec<Announcement>) {
        use crate::link::{Listener, Publisher};
        let dir = tempfile::tempdir().unwrap();
        let runtime = dir.path().join("run");
        let key = crate::tour::fixture::article().text_hash();
        let window = Listener::bind_in(runtime.clone(), &key).unwrap();
        let mut publishers: Vec<Publisher> = Vec::new();
        for &(who, session) in steps {
            while publishers.len() <= who {
                publishers.push(Publisher::in_dir(runtime.clone(), &key).unwrap());
            }
            publishers[who].publish(Announcement::State(PresenterState {
                session,
                ..state(1)
            }));
        }
        window
            .set_read_timeout(Some(Duration::from_millis(200)))
            .unwrap();
        let (mut notes, _clock) = notes();
        let mut messages = Vec::new();
        while let Ok(message) = window.recv() {
            notes.receive(message, Duration::ZERO);
            messages.push(message);
        }
        // Keep the publishers until everything is read: dropped, they say goodbye.
        drop(publishers);
        (notes, messages)
    }

    #[cfg(unix)]
    #[test]
    fn a_new_or_resumed_session_of_one_presenter_is_never_two_presenters() {
        // `n` (a new session), then `r` (back to the earlier one): one presenter all along.
        let (notes, messages) = heard(&[(0, 100), (0, 200), (0, 100)]);
        assert!(
            messages.contains(&Announcement::Bye { session: 100 })
                && messages.contains(&Announcement::Bye { session: 200 }),
            "the session that ends says goodbye: {messages:?}"
        );
        assert_eq!(notes.remote.unwrap().state.session, 100);
        assert!(!notes.several_presenters(), "{messages:?}");
        // Two presenters really running are still said to be two.
        let (notes, _) = heard(&[(0, 100), (1, 200)]);
        assert!(notes.several_presenters());
        assert_eq!(notes.remote.unwrap().state.session, 200);
    }

    #[test]
    fn times_run_on_between_messages() {
        let (mut notes, clock) = notes();
        assert_eq!(notes.timing(), None);
        assert_eq!(notes.next_tick(), None, "waiting: nothing ticks");
        clock.advance(Duration::from_secs(100));
        notes.receive(Announcement::State(state(2)), Duration::from_millis(200));
        let timing = notes.timing().unwrap();
        assert_eq!((timing.stop, timing.stop_s, timing.tour_s), (2, 5, 60));
        assert_eq!(notes.next_tick(), Some(Duration::from_millis(300)));
        clock.advance(Duration::from_secs(3));
        let timing = notes.timing().unwrap();
        assert_eq!((timing.stop_s, timing.tour_s), (8, 63));
        notes.receive(Announcement::Bye { session: 0 }, Duration::ZERO);
        assert_eq!(notes.timing(), None);
    }

    #[test]
    fn a_state_older_than_the_window_runs_on_from_when_it_was_sent() {
        // A window opened now reads the state a presenter idle for ten minutes wrote.
        let (mut notes, _clock) = notes();
        notes.receive(Announcement::State(state(1)), Duration::from_secs(600));
        let timing = notes.timing().unwrap();
        assert_eq!((timing.stop_s, timing.tour_s), (605, 660));
    }

    #[test]
    fn a_state_for_another_tour_is_ignored() {
        let (mut notes, _) = notes();
        notes.receive(
            Announcement::State(PresenterState {
                stops: 9,
                ..state(1)
            }),
            Duration::ZERO,
        );
        assert_eq!(notes.remote, None);
        notes.receive(
            Announcement::State(PresenterState {
                stop: 4,
                ..state(1)
            }),
            Duration::ZERO,
        );
        assert_eq!(notes.remote, None);
    }

    #[test]
    fn the_most_recent_presenter_is_followed_and_the_window_says_so() {
        let (mut notes, clock) = notes();
        let older = PresenterState {
            session: 100,
            ..state(1)
        };
        let newer = PresenterState {
            session: 200,
            ..state(3)
        };
        assert!(notes.receive(Announcement::State(older), Duration::ZERO));
        assert!(!notes.several_presenters());
        assert!(notes.receive(Announcement::State(newer), Duration::ZERO));
        assert!(!notes.receive(Announcement::State(older), Duration::ZERO));
        assert_eq!(
            notes.timing().unwrap().stop,
            3,
            "the older one moves nothing"
        );
        assert!(notes.several_presenters());
        assert!(!notes.receive(Announcement::Bye { session: 100 }, Duration::ZERO));
        assert_eq!(notes.timing().unwrap().stop, 3, "nor does its goodbye");
        clock.advance(Duration::from_secs(4));
        assert!(
            !notes.several_presenters(),
            "not heard of for a while: gone"
        );
        assert!(notes.receive(Announcement::Bye { session: 200 }, Duration::ZERO));
        assert_eq!(notes.remote, None);
        assert!(
            notes.receive(Announcement::State(older), Duration::ZERO),
            "the other one again"
        );
    }

    #[test]
    fn a_quiet_presenter_runs_as_long_as_its_process_and_is_followed_again_after_the_latest() {
        // Presenters speak only when something changes: silence is no end.
        let (mut notes, clock) = notes();
        let first = PresenterState {
            session: 100,
            ..state(1)
        };
        let second = PresenterState {
            session: 200,
            ..state(3)
        };
        assert!(notes.receive_from(Announcement::State(first), Some(11), Duration::ZERO));
        assert!(notes.receive_from(Announcement::State(second), Some(22), Duration::ZERO));
        clock.advance(Duration::from_secs(60));
        assert!(notes.several_presenters(), "a minute of silence: still two");
        // The first one moves on while the second is followed: noted, not shown.
        let moved = PresenterState { stop: 2, ..first };
        assert!(!notes.receive_from(Announcement::State(moved), Some(11), Duration::ZERO));
        assert_eq!(notes.timing().unwrap().stop, 3);
        // The second one quits: the first one is followed again, where it is now.
        assert!(notes.receive_from(Announcement::Bye { session: 200 }, None, Duration::ZERO));
        assert_eq!(notes.timing().unwrap().stop, 2);
        assert!(!notes.several_presenters());
        // Its process ends without a goodbye: gone, said so.
        assert!(!notes.watch(|_| true));
        assert!(notes.watch(|pid| pid != 11));
        assert_eq!(notes.remote, None);
        assert!(notes.gone);
        // Two again; the one followed is killed: the other one is followed.
        notes.receive_from(Announcement::State(first), Some(11), Duration::ZERO);
        notes.receive_from(Announcement::State(second), Some(22), Duration::ZERO);
        assert!(notes.watch(|pid| pid != 22));
        assert_eq!(notes.remote.map(|r| r.state.session), Some(100));
        assert!(!notes.gone);
        assert!(!notes.several_presenters());
    }

    #[test]
    fn a_blank_screen_stops_the_clocks() {
        let (mut notes, clock) = notes();
        let blank = PresenterState {
            blanked: true,
            paused: false,
            ..state(2)
        };
        notes.receive(Announcement::State(blank), Duration::ZERO);
        let before = notes.timing().unwrap();
        clock.advance(Duration::from_secs(30));
        assert_eq!(notes.timing(), Some(before));
        assert_eq!(
            notes.next_tick(),
            Some(Duration::from_secs(1)),
            "still watched"
        );
    }
}

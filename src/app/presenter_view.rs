//! What the presenter's screen is laid out from (`layout::present`), written from the state.

use crate::layout::present::{self, Reveal};

use super::{Action, App};

impl App {
    /// Whether the current stop's verdict is shown, and the key that reveals it.
    pub fn presenter_reveal(&self) -> Reveal {
        let Some(presenter) = &self.presenter else {
            return Reveal::default();
        };
        Reveal {
            revealed: presenter.revealed,
            key: self
                .keymap
                .first_key(crate::input::Mode::Presenter, Action::RevealVerdict)
                .map(|k| k.label(self.lang))
                .unwrap_or_default(),
            tally: presenter.tally.clone(),
        }
    }

    /// The votes on stop `stop`'s poll so far, for notes windows (with a room only).
    pub fn live_votes(&self, stop: usize) -> Option<crate::link::LiveVotes> {
        let tally = self.presenter.as_ref()?.tally.as_ref()?;
        let poll = self.article.tour.get(stop)?.poll.as_ref()?;
        Some(crate::room::votes::Summary::of(tally, poll).live())
    }

    /// How far the presenter's stop can scroll at the current size: 0 when it fits whole.
    pub fn presenter_max_scroll(&self) -> usize {
        let Some(stop) = self
            .tour_progress()
            .filter(|_| self.presenter.is_some())
            .and_then(|progress| self.article.tour.get(progress.stop))
        else {
            return 0;
        };
        present::max_scroll(
            &self.article,
            stop,
            &self.presenter_reveal(),
            &self.theme,
            self.lang,
            self.view.size,
        )
    }
}

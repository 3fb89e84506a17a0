//! What a change of state asks of the world outside it. `App::update` (and `handle_event`)
//! never write a file, open a browser, touch the clipboard or stop the program: they return
//! these, and the event loop carries them out (`term::reader`, with `desk::Desk` for the
//! outside world and the store for the notebook).
//!
//! Invariant: an `Effect` is the only way the state reaches outside itself. Within one
//! `update` the effects come in the order they were asked for; `SaveNotebook`, `Publish`,
//! `SaveSession`, `Quit` and `Suspend` come at most once each.

/// Something only the event loop may do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Open this address (already checked by `text::sanitize::safe_url`) with the system's
    /// opener.
    Open(String),
    /// Put this citation on the clipboard.
    Copy(String),
    /// Put this address (a link's) on the clipboard.
    CopyAddress(String),
    /// The notebook (notes, bookmarks) changed: write it to the state folder.
    SaveNotebook,
    /// What notes windows and the room show of the presenter changed (its stop, the verdict
    /// shown, the blank screen, its clocks paused, reset or resumed, its session, the presenter
    /// opened or closed): tell them, once the frame is drawn. The clocks running on are no
    /// change (each side runs them on from the last state).
    Publish,
    /// The presenter's session (`glose present`) changed: its stop, its clocks paused, reset
    /// or resumed, a session begun, the previous one's offer answered. The loop keeps its file
    /// (`present::SessionKeeper`), after the next frame; the clocks running on are saved on
    /// the clock's own ticks, every `tour::session::SAVE_EVERY` seconds.
    SaveSession,
    /// Stop the program (after the last frame and the state files).
    Quit,
    /// Stop like a shell job (Ctrl-Z: the terminal given back first); `fg` brings it back.
    Suspend,
}

/// What one terminal event did: whether the screen may have changed, and the effects the
/// event loop is to carry out.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Handled {
    /// Whether anything may have changed on screen (the loop redraws only then).
    pub redraw: bool,
    pub effects: Vec<Effect>,
}

impl Handled {
    /// Whether the event asked to quit.
    #[must_use]
    pub fn quits(&self) -> bool {
        self.effects.contains(&Effect::Quit)
    }
}

/// The effects `update` gathers while it runs: pushed in order, each of `SaveNotebook`,
/// `Publish`, `SaveSession`, `Quit` and `Suspend` kept once.
#[derive(Debug, Default)]
pub(crate) struct Outbox(Vec<Effect>);

impl Outbox {
    pub(crate) fn push(&mut self, effect: Effect) {
        let once = matches!(
            effect,
            Effect::SaveNotebook
                | Effect::Publish
                | Effect::SaveSession
                | Effect::Quit
                | Effect::Suspend
        );
        if !(once && self.0.contains(&effect)) {
            self.0.push(effect);
        }
    }

    pub(crate) fn take(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.0)
    }
}

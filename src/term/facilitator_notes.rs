//! The facilitator's notes window as the loop drives it: woken by keys, by the presenter's
//! messages (read by a thread of their own from the link's socket), or when its clock ticks.

use std::io;
use std::time::Duration;

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::Event;

use super::Screen;
use super::event_loop::{self, Channel, Driven, Step, Wake};
use super::guard::{end_if_hung_up, with_terminal};
use crate::app::Action;
use crate::facilitator_notes::FacilitatorNotes;
use crate::link::{self, Announcement, Listener};

/// Runs the facilitator's notes window until the user quits: it follows the presenter through
/// `listener` and redraws on a key, on a message, or when its clock ticks.
pub fn run_facilitator_notes(notes: &mut FacilitatorNotes, listener: &Listener) -> io::Result<()> {
    let result = with_terminal(|| {
        let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
        let size = terminal.size()?;
        notes.update(Action::Resize(size.width, size.height));
        let mut window = Window {
            presenter: catch_up(notes, listener),
            notes: &mut *notes,
        };
        let (mut source, sender) = Channel::new()?;
        let socket = listener.try_clone()?;
        std::thread::Builder::new()
            .name("presenter".into())
            .spawn(move || {
                while let Ok(received) = socket.recv_from() {
                    if sender.send(Ok(Wake::Message(received))).is_err() {
                        return;
                    }
                }
            })?;
        event_loop::run(&mut window, &mut source, &mut terminal)
    });
    end_if_hung_up(&result);
    result
}

/// The presenter's last state kept in the runtime folder, shown at once; returns the
/// presenter's process id when it gives one and is still running.
fn catch_up(notes: &mut FacilitatorNotes, listener: &Listener) -> Option<u32> {
    let (message, pid) = listener.saved_from()?;
    if pid.is_some_and(|pid| !link::is_running(pid)) {
        notes.presenter_gone();
        return None;
    }
    let age = match message {
        Announcement::State(state) => link::age(state.sent_ms),
        Announcement::Bye { .. } => Duration::ZERO,
    };
    if notes.receive(message, age) {
        pid
    } else {
        None
    }
}

/// The notes window and the presenter it follows.
struct Window<'a> {
    notes: &'a mut FacilitatorNotes,
    /// The presenter's process, watched so that one that died is not shown as live.
    presenter: Option<u32>,
}

impl Driven for Window<'_> {
    /// A message from the presenter, with its process id when it gives one.
    type Message = (Announcement, Option<u32>);
    /// The notes window asks nothing of the world outside.
    type Effect = std::convert::Infallible;

    fn size(&self) -> (u16, u16) {
        self.notes.size
    }

    fn resize(&mut self, width: u16, height: u16) {
        self.notes.update(Action::Resize(width, height));
    }

    fn before_frame(&mut self) {
        if self.notes.remote.is_some() && self.presenter.is_some_and(|pid| !link::is_running(pid)) {
            self.presenter = None;
            self.notes.presenter_gone();
        }
    }

    fn draw(&mut self, terminal: &mut Screen) -> io::Result<()> {
        terminal.draw(|frame| crate::ui::facilitator_notes::render(self.notes, frame))?;
        Ok(())
    }

    /// Until the clock on screen changes (a few milliseconds late, so the new second has
    /// surely begun); while waiting for a presenter, until a key or a message comes.
    fn wait(&mut self) -> Option<Duration> {
        self.notes
            .next_tick()
            .map(|tick| tick + Duration::from_millis(5))
    }

    fn timed_out(&mut self) -> bool {
        true
    }

    fn event(&mut self, event: &Event) -> Step<Self::Effect> {
        let redraw = self.notes.handle_event(event);
        Step {
            redraw,
            quit: self.notes.should_quit,
            effects: Vec::new(),
        }
    }

    fn message(&mut self, (message, pid): Self::Message) -> Step<Self::Effect> {
        if self.notes.receive(message, Duration::ZERO) {
            self.presenter = pid;
        }
        Step::redraw(true)
    }

    fn carry_out(&mut self, effects: Vec<Self::Effect>) {
        if let Some(effect) = effects.into_iter().next() {
            match effect {}
        }
    }

    fn after_events(&mut self, _whole: bool) -> bool {
        false
    }
}

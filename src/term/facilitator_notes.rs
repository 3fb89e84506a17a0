//! The facilitator's notes window as the loop drives it: woken by keys, by the presenter's
//! messages (read by a thread of their own from the link's socket), or when its clock ticks.

use std::io;
use std::time::Duration;

use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::crossterm::event::Event;

use super::event_loop::{self, Channel, Driven, Step, Wake};
use super::frame::Painter;
use super::guard::{end_if_hung_up, with_terminal};
use crate::app::{Action, Effect};
use crate::facilitator_notes::FacilitatorNotes;
use crate::link::{self, Announcement, Listener};

/// Runs the facilitator's notes window until the user quits: it follows the presenter through
/// `listener` and redraws on a key, on a message, or when its clock ticks.
pub fn run_facilitator_notes(notes: &mut FacilitatorNotes, listener: &Listener) -> io::Result<()> {
    let result = with_terminal(|| {
        let mut terminal = Terminal::new(super::backend::Output::stdout())?;
        let size = terminal.size()?;
        let _ = notes.update(Action::Resize(size.width, size.height));
        catch_up(notes, listener);
        let mut window = Window {
            notes: &mut *notes,
            listener,
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

/// The presenter's last state kept in the runtime folder, shown at once (a presenter that
/// wrote it and is gone is shown as gone).
fn catch_up(notes: &mut FacilitatorNotes, listener: &Listener) {
    let Some((message, pid)) = listener.saved_from() else {
        return;
    };
    if pid.is_some_and(|pid| !listener.presenter_runs(pid)) {
        notes.presenter_gone();
        return;
    }
    let age = match message {
        Announcement::State(state) => link::age(state.sent_ms),
        Announcement::Bye { .. } => Duration::ZERO,
    };
    notes.receive_from(message, pid, age);
}

/// The notes window as the loop drives it.
struct Window<'a> {
    notes: &'a mut FacilitatorNotes,
    /// Asked whether the presenters heard from still run.
    listener: &'a Listener,
}

impl<B: Backend<Error = io::Error>> Driven<B> for Window<'_> {
    /// A message from the presenter, with its process id when it gives one.
    type Message = (Announcement, Option<u32>);
    /// `Effect::Quit` and `Effect::Suspend` (the loop carries both out from the step).
    type Effect = Effect;

    fn size(&self) -> (u16, u16) {
        self.notes.size
    }

    fn resize(&mut self, width: u16, height: u16) {
        // A resize asks for no effect.
        let _ = self.notes.update(Action::Resize(width, height));
    }

    /// Notices a presenter whose process ended without a goodbye.
    fn before_frame(&mut self) {
        let listener = self.listener;
        self.notes.watch(|pid| listener.presenter_runs(pid));
    }

    fn draw(&mut self, terminal: &mut Terminal<B>, painter: &mut Painter) -> io::Result<()> {
        painter.draw(terminal, |buf| {
            crate::ui::facilitator_notes::render_buffer(self.notes, buf);
            None
        })?;
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
        let handled = self.notes.handle_event(event);
        Step {
            redraw: handled.redraw,
            quit: handled.quits(),
            suspend: handled.effects.contains(&Effect::Suspend),
            effects: handled.effects,
        }
    }

    fn message(&mut self, (message, pid): Self::Message) -> Step<Self::Effect> {
        self.notes.receive_from(message, pid, Duration::ZERO);
        Step::redraw(true)
    }

    /// Nothing to carry out: quitting is the loop's (from the step).
    fn carry_out(&mut self, _effects: Vec<Self::Effect>) {}

    fn after_events(&mut self, _whole: bool) -> bool {
        false
    }
}

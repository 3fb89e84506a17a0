//! The one event loop, for the reader, the presenter and the notes window alike: draw, then
//! block until something wakes it (a terminal event, a message from another thread, a clock's
//! next second), apply that and everything already waiting, carry out the effects, draw again.
//!
//! Idle means idle: the loop blocks (on `event::read`, or on a channel) unless what it drives
//! asks for a timeout ([`Driven::wait`]: a clock on screen, votes to look for). Keys typed
//! ahead cost one frame, not one each: after an event, every event already waiting is applied
//! before drawing ([`Source::ready`]). Ctrl-Z is a key of every mode's table (`Action::Suspend`):
//! a step that asks for it suspends like a shell job; after a resize or a suspension the next
//! frame is drawn whole.

use std::io;
use std::sync::PoisonError;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, TryRecvError};
use std::time::Duration;

use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::crossterm::event::{self, Event};

use super::frame::Painter;
use super::guard::{TERMINAL, redraw_whole, suspend};

/// How long the loop looks for an event already waiting before it draws. Not zero: crossterm
/// 0.29's `poll(Duration::ZERO)` returns false without looking at the events it has already
/// read and parsed (its loop runs only while time is left), so keys typed at once would each
/// get a frame. A tenth of a millisecond finds them; with nothing waiting it is a delay no one
/// can see.
const TYPED_AHEAD: Duration = Duration::from_micros(100);

/// What wakes the loop.
#[derive(Debug)]
pub enum Wake<M> {
    /// A key, a click, a paste, a resize.
    Terminal(Event),
    /// A message from another thread (the presenter, for the notes window).
    Message(M),
    /// Nothing more will ever come: the loop ends.
    Closed,
}

/// Where the loop's wake-ups come from.
pub trait Source<M> {
    /// Blocks until something comes, or until `timeout` has passed (`None`: no limit);
    /// `Ok(None)` when the time ran out.
    fn wait(&mut self, timeout: Option<Duration>) -> io::Result<Option<Wake<M>>>;

    /// Something already waiting (typed ahead), without blocking.
    fn ready(&mut self) -> io::Result<Option<Wake<M>>>;
}

/// What one event or message did.
#[derive(Debug)]
pub struct Step<E> {
    /// Whether anything may have changed on screen.
    pub redraw: bool,
    /// Whether to stop (after one last frame).
    pub quit: bool,
    /// Whether to stop like a shell job (Ctrl-Z, `Action::Suspend`), redrawn whole on `fg`.
    pub suspend: bool,
    /// What to carry out, in order ([`Driven::carry_out`]).
    pub effects: Vec<E>,
}

impl<E> Step<E> {
    /// A step that asks nothing but, perhaps, a frame.
    pub fn redraw(redraw: bool) -> Self {
        Self {
            redraw,
            quit: false,
            suspend: false,
            effects: Vec::new(),
        }
    }
}

/// What the loop drives: the reader (with the presenter in it) or the notes window, drawing
/// into a terminal of backend `B` (the real one, or ratatui's `TestBackend` in tests).
pub trait Driven<B: Backend> {
    /// What other threads send it.
    type Message;
    /// What its changes ask of the world outside (saving, opening, copying).
    type Effect;

    /// The size its arrangement was computed for.
    fn size(&self) -> (u16, u16);

    /// The terminal has this size (it may have changed without a resize event reaching the
    /// loop: while suspended, the terminal's SIGWINCH goes to the shell).
    fn resize(&mut self, width: u16, height: u16);

    /// Just before each frame (tell the room where the presenter is, notice a presenter that
    /// died).
    fn before_frame(&mut self) {}

    /// Draws one frame through `painter` (which keeps the last one); the loop holds the
    /// terminal's lock.
    fn draw(&mut self, terminal: &mut Terminal<B>, painter: &mut Painter) -> io::Result<()>;

    /// Just after each frame, without the lock (publish to notes windows and the room what an
    /// `Effect::Publish` asked for, keep the session).
    fn after_frame(&mut self) {}

    /// How long to wait at most for an event; `None` blocks until one comes.
    fn wait(&mut self) -> Option<Duration>;

    /// The wait ran out: whether to draw (a clock's second changed, votes came in); `false`
    /// waits again.
    fn timed_out(&mut self) -> bool;

    /// One terminal event.
    fn event(&mut self, event: &Event) -> Step<Self::Effect>;

    /// One message from another thread.
    fn message(&mut self, message: Self::Message) -> Step<Self::Effect>;

    /// Carries out one event's effects (the loop takes no lock: take [`TERMINAL`] to write
    /// to the terminal).
    fn carry_out(&mut self, effects: Vec<Self::Effect>);

    /// After all the events of one wake-up (saves, reloads, news from a room); returns whether
    /// to draw. `whole`: the next frame is drawn whole (forget what was laid over the last).
    fn after_events(&mut self, whole: bool) -> bool;
}

/// Runs `driven` until it asks to quit, drawing into `terminal`, woken by `source`.
pub fn run<B, D>(
    driven: &mut D,
    source: &mut impl Source<D::Message>,
    terminal: &mut Terminal<B>,
) -> io::Result<()>
where
    B: Backend<Error = io::Error>,
    D: Driven<B>,
{
    let mut quit = false;
    let mut painter = Painter::new();
    loop {
        let size = terminal.size()?;
        if (size.width, size.height) != driven.size() {
            driven.resize(size.width, size.height);
        }
        driven.before_frame();
        {
            let _guard = TERMINAL.lock().unwrap_or_else(PoisonError::into_inner);
            driven.draw(terminal, &mut painter)?;
        }
        driven.after_frame();
        if quit {
            return Ok(());
        }
        loop {
            let timeout = driven.wait();
            let Some(wake) = source.wait(timeout)? else {
                if driven.timed_out() {
                    break;
                }
                continue;
            };
            // This wake-up, then everything already waiting, before one frame.
            let mut next = Some(wake);
            let (mut changed, mut whole) = (false, false);
            while let Some(wake) = next.take() {
                let step = match wake {
                    Wake::Closed => return Ok(()),
                    Wake::Terminal(event) => {
                        if matches!(event, Event::Resize(..)) {
                            (changed, whole) = (true, true);
                        }
                        driven.event(&event)
                    }
                    Wake::Message(message) => driven.message(message),
                };
                changed |= step.redraw || step.quit;
                if !step.effects.is_empty() {
                    driven.carry_out(step.effects);
                }
                if step.suspend {
                    suspend()?;
                    (changed, whole) = (true, true);
                    break;
                }
                if step.quit {
                    quit = true;
                    break;
                }
                next = source.ready()?;
            }
            changed |= driven.after_events(whole);
            if whole {
                // Takes the terminal's lock itself.
                redraw_whole(terminal)?;
                painter.forget();
            }
            if changed {
                break;
            }
        }
    }
}

/// Terminal events read on the loop's own thread (the reader, the presenter).
pub struct TerminalEvents;

impl Source<std::convert::Infallible> for TerminalEvents {
    fn wait(
        &mut self,
        timeout: Option<Duration>,
    ) -> io::Result<Option<Wake<std::convert::Infallible>>> {
        if let Some(timeout) = timeout
            && !event::poll(timeout)?
        {
            return Ok(None);
        }
        event::read().map(|event| Some(Wake::Terminal(event)))
    }

    fn ready(&mut self) -> io::Result<Option<Wake<std::convert::Infallible>>> {
        if event::poll(TYPED_AHEAD)? {
            self.wait(None)
        } else {
            Ok(None)
        }
    }
}

/// Where another thread sends its messages to a [`Channel`] (as `Ok(Wake::Message(..))`).
pub type Sender<M> = mpsc::Sender<io::Result<Wake<M>>>;

/// Terminal events and messages from other threads, through one channel: terminal events are
/// read by a thread of their own, and other threads send messages through the [`Sender`]
/// [`Channel::new`] returns (the notes window's presenter). When every sender is gone, the
/// loop ends.
pub struct Channel<M> {
    rx: Receiver<io::Result<Wake<M>>>,
}

impl<M: Send + 'static> Channel<M> {
    /// Starts the thread that reads terminal events into the channel; returns it and the
    /// sender for messages.
    pub fn new() -> io::Result<(Self, Sender<M>)> {
        let (tx, rx) = mpsc::channel();
        let keys = tx.clone();
        std::thread::Builder::new()
            .name("terminal-events".into())
            .spawn(move || {
                loop {
                    let read = event::read().map(Wake::Terminal);
                    let failed = read.is_err();
                    if keys.send(read).is_err() || failed {
                        return;
                    }
                }
            })?;
        Ok((Self { rx }, tx))
    }
}

impl<M> Source<M> for Channel<M> {
    fn wait(&mut self, timeout: Option<Duration>) -> io::Result<Option<Wake<M>>> {
        match timeout {
            Some(timeout) => match self.rx.recv_timeout(timeout) {
                Ok(wake) => wake.map(Some),
                Err(RecvTimeoutError::Timeout) => Ok(None),
                Err(RecvTimeoutError::Disconnected) => Ok(Some(Wake::Closed)),
            },
            None => match self.rx.recv() {
                Ok(wake) => wake.map(Some),
                Err(_) => Ok(Some(Wake::Closed)),
            },
        }
    }

    fn ready(&mut self) -> io::Result<Option<Wake<M>>> {
        match self.rx.try_recv() {
            Ok(wake) => wake.map(Some),
            Err(TryRecvError::Empty) => Ok(None),
            Err(TryRecvError::Disconnected) => Ok(Some(Wake::Closed)),
        }
    }
}

//! The terminal: the one event loop, the guard that gives the terminal back on every way out,
//! and what the loop drives.
//!
//! - [`event_loop`]: draw, block until something wakes the loop, apply it and everything
//!   already waiting, carry out the effects, draw again; generic over what it drives
//!   ([`event_loop::Driven`]) and where its wake-ups come from ([`event_loop::Source`]).
//! - `backend`: crossterm's escape sequences, written with less work and sent in one `write`
//!   a frame.
//! - [`frame`]: one frame drawn as `Terminal::draw` draws it, with a cheaper comparison with
//!   the last one.
//! - `guard`: raw mode and the alternate screen, restored on exit, error, panic, signal,
//!   hang-up and around Ctrl-Z; the snapshots (position, draft) written on those ways out.
//! - `reader`: the reader and the presenter in it (state files, effects, notes windows, the
//!   room); `facilitator_notes`: the facilitator's notes window, following the presenter.

mod backend;
pub mod event_loop;
#[cfg(unix)]
mod facilitator_notes;
pub mod frame;
mod guard;
mod reader;

use std::io;

use ratatui::Terminal;

pub use backend::Output;
#[cfg(unix)]
pub use facilitator_notes::run_facilitator_notes;
pub use guard::restore;
pub use reader::{run, run_with_store};

/// The terminal the loop draws into.
pub type Screen = Terminal<backend::Output<io::Stdout>>;

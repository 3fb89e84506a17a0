//! Asks the terminal whether its background is light or dark (OSC 10/11, then a device-
//! attributes query that every terminal answers, so one that does not know colours is told
//! apart at once; `terminal-colorsaurus`), before glose takes the terminal over.
//!
//! Asked only where an answer changes something (high contrast, and the presenter's default),
//! only when standard output is a terminal, never for `TERM=dumb`, and for at most `WAIT`:
//! with no answer the background is unknown and high contrast is white on black, readable on
//! any terminal because it paints every cell's background itself. `GLOSE_BACKGROUND=light` or
//! `dark` answers for the terminal (and `none` keeps it unknown) without asking.

use std::io::IsTerminal;
use std::time::Duration;

use crate::theme::Background;

/// The environment variable that answers for the terminal.
pub const ENV: &str = "GLOSE_BACKGROUND";

/// Longest wait for the terminal's answer (a terminal on this machine answers in a few
/// milliseconds; one that cannot answer is known as such when its device attributes come).
pub const WAIT: Duration = Duration::from_millis(250);

/// The terminal's background, if `GLOSE_BACKGROUND` says it or the terminal answers.
pub fn detect() -> Option<Background> {
    match std::env::var(ENV).ok().as_deref().map(str::trim) {
        Some("light") => return Some(Background::Light),
        Some("dark") => return Some(Background::Dark),
        Some("none") => return None,
        _ => {}
    }
    if !std::io::stdout().is_terminal() {
        return None;
    }
    let mut options = terminal_colorsaurus::QueryOptions::default();
    options.timeout = WAIT;
    match terminal_colorsaurus::theme_mode(options).ok()? {
        terminal_colorsaurus::ThemeMode::Light => Some(Background::Light),
        terminal_colorsaurus::ThemeMode::Dark => Some(Background::Dark),
    }
}

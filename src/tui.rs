//! The terminal: taking it over, the event loop, and giving it back on every way out.
//!
//! The terminal is restored (cooked mode, main screen, cursor shown, mouse reporting off) when
//! the loop ends, on an error, on a panic (hook), on SIGTERM, SIGHUP, SIGINT and SIGQUIT (a
//! signal thread), and around Ctrl-Z (suspend, then redraw on `fg`). Drawing and restoring take
//! the same lock, so a signal never interleaves its escape sequences with a frame.
//!
//! Idle means idle: the loop blocks on `event::read`; it draws only after an event that maps to
//! an action, never on a timer.

use std::io::{self, Write};
use std::sync::{Mutex, Once, PoisonError};

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::crossterm::{cursor, execute};

use crate::app::App;
use crate::ui;

/// Held while writing to the terminal (a frame, or the restore sequence).
static TERMINAL: Mutex<()> = Mutex::new(());

/// Mouse reporting: button presses and the wheel only (no motion events, which would wake the
/// program on every movement of the pointer), in SGR encoding.
const MOUSE_ON: &str = "\x1b[?1000h\x1b[?1006h";
const MOUSE_OFF: &str = "\x1b[?1006l\x1b[?1000l";

/// Takes over the terminal: raw mode, alternate screen, mouse reporting.
fn enter() -> io::Result<()> {
    enable_raw_mode()?;
    let mut out = io::stdout();
    execute!(out, EnterAlternateScreen, cursor::Hide)?;
    out.write_all(MOUSE_ON.as_bytes())?;
    out.flush()
}

/// Gives the terminal back. Safe to call more than once and from any state.
pub fn restore() {
    let mut out = io::stdout();
    let _ = out.write_all(MOUSE_OFF.as_bytes());
    let _ = execute!(out, LeaveAlternateScreen, cursor::Show);
    let _ = disable_raw_mode();
    let _ = out.flush();
}

/// Restores the terminal before the default panic message is printed, so it is readable.
fn install_panic_hook() {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
    });
}

/// On SIGTERM, SIGHUP, SIGINT or SIGQUIT: restore the terminal and exit with 128 + signal.
#[cfg(unix)]
fn install_signal_thread() -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT])?;
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            if let Some(signal) = signals.forever().next() {
                let _guard = TERMINAL.lock().unwrap_or_else(PoisonError::into_inner);
                restore();
                std::process::exit(128 + signal);
            }
        })?;
    Ok(())
}

#[cfg(not(unix))]
fn install_signal_thread() -> io::Result<()> {
    Ok(())
}

/// Stops the process on Ctrl-Z like a shell job, giving the terminal back first, and takes it
/// again on `fg`.
#[cfg(unix)]
fn suspend() -> io::Result<()> {
    restore();
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
    enter()
}

#[cfg(not(unix))]
fn suspend() -> io::Result<()> {
    Ok(())
}

fn is_suspend(event: &Event) -> bool {
    matches!(
        event,
        Event::Key(KeyEvent { code: KeyCode::Char('z'), modifiers, kind: KeyEventKind::Press, .. })
            if modifiers.contains(KeyModifiers::CONTROL)
    )
}

/// Runs the reader until the user quits. The terminal is always given back.
pub fn run(app: &mut App) -> io::Result<()> {
    install_panic_hook();
    install_signal_thread()?;
    enter()?;
    let result = event_loop(app);
    {
        let _guard = TERMINAL.lock().unwrap_or_else(PoisonError::into_inner);
        restore();
    }
    result
}

fn event_loop(app: &mut App) -> io::Result<()> {
    let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    let size = terminal.size()?;
    app.update(crate::app::Action::Resize(size.width, size.height));
    loop {
        {
            let _guard = TERMINAL.lock().unwrap_or_else(PoisonError::into_inner);
            terminal.draw(|frame| ui::render(app, frame))?;
        }
        if app.view.should_quit {
            return Ok(());
        }
        // Block until an event changes something: no timer, no busy loop.
        loop {
            let event = event::read()?;
            if is_suspend(&event) {
                suspend()?;
                terminal.clear()?;
                break;
            }
            if app.handle_event(&event) {
                break;
            }
        }
    }
}

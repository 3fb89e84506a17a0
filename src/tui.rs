//! The terminal: taking it over, the event loop, and giving it back on every way out.
//!
//! The terminal is restored (cooked mode, main screen, cursor shown, mouse reporting off) when
//! the loop ends, on an error, on a panic (hook), on SIGTERM, SIGHUP, SIGINT and SIGQUIT (a
//! signal thread), and around Ctrl-Z (suspend, then redraw on `fg`). Drawing and restoring take
//! the same lock, so a signal never interleaves its escape sequences with a frame.
//!
//! Idle means idle: the loop blocks on `event::read`; it draws only after an event that maps to
//! an action, never on a timer.
//!
//! State files (through `persist::Store`, when given one): the notebook is saved right after the
//! event that changed it; the position is saved at exit, and on SIGTERM / SIGHUP / SIGINT /
//! SIGQUIT by the signal thread from the latest snapshot the loop left it (a small file, written
//! atomically after the terminal is restored). Bracketed paste is on, so a paste reaches the note
//! editor as one event.

use std::io::{self, Write};
use std::path::PathBuf;
use std::sync::{Mutex, Once, PoisonError};

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, EnableBracketedPaste, Event, KeyCode, KeyEvent, KeyEventKind,
    KeyModifiers,
};
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::crossterm::{cursor, execute};

use crate::app::App;
use crate::persist::{Position, Problem, Store};
use crate::ui;

/// Held while writing to the terminal (a frame, or the restore sequence).
static TERMINAL: Mutex<()> = Mutex::new(());

/// The position file's path and latest contents, written by the signal thread on the way out.
static PENDING_POSITION: Mutex<Option<(PathBuf, Vec<u8>)>> = Mutex::new(None);

/// Mouse reporting: button presses and the wheel only (no motion events, which would wake the
/// program on every movement of the pointer), in SGR encoding.
const MOUSE_ON: &str = "\x1b[?1000h\x1b[?1006h";
const MOUSE_OFF: &str = "\x1b[?1006l\x1b[?1000l";

/// Takes over the terminal: raw mode, alternate screen, mouse reporting.
fn enter() -> io::Result<()> {
    enable_raw_mode()?;
    let mut out = io::stdout();
    execute!(
        out,
        EnterAlternateScreen,
        cursor::Hide,
        EnableBracketedPaste
    )?;
    out.write_all(MOUSE_ON.as_bytes())?;
    out.flush()
}

/// Gives the terminal back. Safe to call more than once and from any state.
pub fn restore() {
    let mut out = io::stdout();
    let _ = out.write_all(MOUSE_OFF.as_bytes());
    let _ = execute!(
        out,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        cursor::Show
    );
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

/// On SIGTERM, SIGHUP, SIGINT or SIGQUIT: restore the terminal, save the position, and exit with
/// 128 + signal.
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
                let pending = PENDING_POSITION
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .take();
                if let Some((path, bytes)) = pending {
                    let _ = crate::persist::write_atomic(&path, &bytes);
                }
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
    run_with_store(app, None).map(|_| ())
}

/// Runs the reader with its state files: notes saved as they change, the position at exit (and
/// on a signal). Returns the problems met while saving, to print once the terminal is back.
pub fn run_with_store(app: &mut App, store: Option<&mut Store>) -> io::Result<Vec<Problem>> {
    install_panic_hook();
    install_signal_thread()?;
    enter()?;
    let mut saver = Saver {
        store,
        notebook_revision: app.notebook_revision,
        position: None,
        problems: Vec::new(),
    };
    let result = event_loop(app, &mut saver);
    {
        let _guard = TERMINAL.lock().unwrap_or_else(PoisonError::into_inner);
        restore();
    }
    saver.finish(app);
    result.map(|()| saver.problems)
}

/// Keeps the state files in step with the app, from the event loop.
struct Saver<'a> {
    store: Option<&'a mut Store>,
    /// The notebook revision last saved.
    notebook_revision: u64,
    /// The position last handed to the signal thread.
    position: Option<Position>,
    problems: Vec<Problem>,
}

impl Saver<'_> {
    /// After an event: saves the notebook if it changed, and refreshes the signal thread's
    /// position snapshot if the reader moved.
    fn after_event(&mut self, app: &mut App) {
        let Some(store) = self.store.as_deref_mut() else {
            return;
        };
        if app.notebook_revision != self.notebook_revision {
            self.notebook_revision = app.notebook_revision;
            match store.save_notes(&app.notebook) {
                Ok(merged) => app.notes_saved(merged),
                Err(problem) => {
                    app.report(&problem);
                    if !self.problems.contains(&problem) {
                        self.problems.push(problem);
                    }
                }
            }
        }
        let position = app.position();
        if self.position.as_ref() != Some(&position) {
            *PENDING_POSITION
                .lock()
                .unwrap_or_else(PoisonError::into_inner) = store.position_snapshot(&position);
            self.position = Some(position);
        }
    }

    /// At exit: the last notebook change (if any) and the position.
    fn finish(&mut self, app: &mut App) {
        self.after_event(app);
        let Some(store) = self.store.as_deref_mut() else {
            return;
        };
        PENDING_POSITION
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take();
        if let Err(problem) = store.save_position(&app.position()) {
            self.problems.push(problem);
        }
    }
}

fn event_loop(app: &mut App, saver: &mut Saver) -> io::Result<()> {
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
            let changed = app.handle_event(&event);
            saver.after_event(app);
            if changed {
                break;
            }
        }
    }
}

//! The terminal guard: taking the terminal over, and giving it back on every way out.
//!
//! The terminal is restored (cooked mode, main screen, cursor shown, mouse reporting off) when
//! the loop ends, on an error, on a panic (hook), on SIGTERM, SIGHUP, SIGINT and SIGQUIT (a
//! signal thread), and around Ctrl-Z (suspend, then redraw on `fg`). Drawing and restoring take
//! the same lock ([`TERMINAL`]), so a signal never interleaves its escape sequences with a
//! frame.
//!
//! A terminal that goes away without a SIGHUP (end of file, EIO, POLLHUP on its input: under
//! `su`, `setsid`, a window closed by a multiplexer) is a hang-up: a watcher thread raises
//! SIGHUP, so the signal thread restores, saves the position and the draft, and exits 129. The
//! note being written and the position are handed to the signal thread, the panic hook and the
//! exit path ([`PENDING_DRAFT`], [`PENDING_POSITION`]) and written on every way out.

use std::io::{self, Write};
use std::path::PathBuf;
use std::sync::{Mutex, Once, PoisonError};

use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::crossterm::event::{
    DisableBracketedPaste, EnableBracketedPaste, Event, KeyCode, KeyEvent, KeyEventKind,
    KeyModifiers,
};
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::crossterm::{cursor, execute};
use ratatui::layout::Rect;

/// Runs `body` with the terminal taken over (hooks and signal thread installed first), then
/// gives the terminal back whatever `body` returned. `enter` may fail half-way (raw mode on,
/// then a write error): the terminal is restored in every case.
pub(super) fn with_terminal<T>(body: impl FnOnce() -> io::Result<T>) -> io::Result<T> {
    install_panic_hook();
    install_signal_thread()?;
    watch_for_hang_up();
    let result = enter().and_then(|()| body());
    let _guard = TERMINAL.lock().unwrap_or_else(PoisonError::into_inner);
    restore();
    result
}

/// Ends the process as a hang-up (exit 129, what is pending written) when `result` failed
/// because the terminal is gone; returns otherwise.
pub(super) fn end_if_hung_up<T>(result: &io::Result<T>) {
    if let Err(error) = result
        && hung_up(error)
    {
        end_as_hang_up();
    }
}

/// Held while writing to the terminal (a frame, or the restore sequence).
pub(super) static TERMINAL: Mutex<()> = Mutex::new(());

/// The position file's path and latest contents, written by the signal thread on the way out.
pub(super) static PENDING_POSITION: Mutex<Option<(PathBuf, Vec<u8>)>> = Mutex::new(None);

/// The draft file's path and the note being written (while the editor holds unsaved words),
/// written by the signal thread, the panic hook and the hang-up path on the way out.
pub(super) static PENDING_DRAFT: Mutex<Option<(PathBuf, Vec<u8>)>> = Mutex::new(None);

/// Writes the pending draft, if any. `try_lock` from the panic hook (never wait there).
pub(super) fn write_pending_draft(wait: bool) {
    let pending = if wait {
        PENDING_DRAFT
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take()
    } else {
        match PENDING_DRAFT.try_lock() {
            Ok(mut guard) => guard.take(),
            Err(std::sync::TryLockError::Poisoned(poisoned)) => poisoned.into_inner().take(),
            Err(std::sync::TryLockError::WouldBlock) => None,
        }
    };
    if let Some((path, bytes)) = pending {
        let _ = crate::store::write_atomic(&path, &bytes, crate::store::Durability::Durable);
    }
}

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
            // The note being written is kept for the next start, and the presenter's session.
            write_pending_draft(false);
            crate::present::write_pending_session(false);
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
                    let _ =
                        crate::store::write_atomic(&path, &bytes, crate::store::Durability::Atomic);
                }
                write_pending_draft(true);
                crate::present::write_pending_session(true);
                // Destructors do not run on this path: remove the link's files here.
                crate::link::remove_registered_files();
                std::process::exit(128 + signal);
            }
        })?;
    Ok(())
}

#[cfg(not(unix))]
fn install_signal_thread() -> io::Result<()> {
    Ok(())
}

/// Watches the terminal for a hang-up (its other end closed, with or without a SIGHUP: under
/// `su` or `setsid`, or a window closed by a multiplexer), and then raises SIGHUP, so that the
/// signal thread restores, saves the position and the draft, and exits with 129. Without this,
/// reading a terminal that is gone returns nothing for ever, and the event loop would spin.
///
/// It polls the terminal glose reads (standard input if it is one, else `/dev/tty`, as
/// crossterm does) for no event at all: `poll` still reports a hang-up or an error.
#[cfg(unix)]
fn watch_for_hang_up() {
    static WATCH: Once = Once::new();
    WATCH.call_once(|| {
        let _ = std::thread::Builder::new()
            .name("hang-up".into())
            .spawn(|| {
                use rustix::event::{PollFd, PollFlags, poll};
                use std::io::IsTerminal;
                use std::os::fd::AsFd;
                let stdin = io::stdin();
                let tty;
                let fd = if stdin.is_terminal() {
                    stdin.as_fd()
                } else {
                    match std::fs::File::open("/dev/tty") {
                        Ok(file) => {
                            tty = file;
                            tty.as_fd()
                        }
                        Err(_) => return,
                    }
                };
                loop {
                    let mut fds = [PollFd::new(&fd, PollFlags::empty())];
                    match poll(&mut fds, None) {
                        Ok(_) => {
                            let events = fds[0].revents();
                            if events.intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL)
                            {
                                let _ = signal_hook::low_level::raise(signal_hook::consts::SIGHUP);
                                return;
                            }
                        }
                        Err(rustix::io::Errno::INTR) => {}
                        Err(_) => return,
                    }
                }
            });
    });
}

#[cfg(not(unix))]
fn watch_for_hang_up() {}

/// Whether the terminal is gone (a hang-up now, or the error says so: end of file, EIO).
#[cfg(unix)]
fn hung_up(error: &io::Error) -> bool {
    use rustix::event::{PollFd, PollFlags, Timespec, poll};
    use std::io::IsTerminal;
    use std::os::fd::AsFd;
    if error.kind() == io::ErrorKind::UnexpectedEof
        || error.raw_os_error() == Some(rustix::io::Errno::IO.raw_os_error())
    {
        return true;
    }
    let stdin = io::stdin();
    if !stdin.is_terminal() {
        return false;
    }
    let fd = stdin.as_fd();
    let mut fds = [PollFd::new(&fd, PollFlags::empty())];
    let zero = Timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    poll(&mut fds, Some(&zero)).is_ok()
        && fds[0].revents().intersects(PollFlags::HUP | PollFlags::ERR)
}

#[cfg(not(unix))]
fn hung_up(_error: &io::Error) -> bool {
    false
}

/// Ends the process as a hang-up (exit 129) through the signal thread, which writes what is
/// pending; never returns.
#[cfg(unix)]
fn end_as_hang_up() -> ! {
    let _ = signal_hook::low_level::raise(signal_hook::consts::SIGHUP);
    loop {
        std::thread::park();
    }
}

#[cfg(not(unix))]
fn end_as_hang_up() -> ! {
    std::process::exit(129)
}

/// Stops the process on Ctrl-Z like a shell job, giving the terminal back first, and takes it
/// again on `fg`.
#[cfg(unix)]
pub(super) fn suspend() -> io::Result<()> {
    restore();
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
    enter()
}

#[cfg(not(unix))]
pub(super) fn suspend() -> io::Result<()> {
    Ok(())
}

pub(super) fn is_suspend(event: &Event) -> bool {
    matches!(
        event,
        Event::Key(KeyEvent { code: KeyCode::Char('z'), modifiers, kind: KeyEventKind::Press, .. })
            if modifiers.contains(KeyModifiers::CONTROL)
    )
}

/// Clears the screen and ratatui's memory of it, so that the next frame is drawn whole.
///
/// Needed after every resize, not only when the size differs from the last frame's: a terminal
/// that shrinks drops or reflows what it showed, and a storm of resizes that ends at the size it
/// started from leaves ratatui nothing to notice, so its diff against a stale buffer would leave
/// the screen garbled. Also after a suspension, when the shell used the screen.
///
/// `Terminal::resize` rather than `Terminal::clear`: `clear` asks the terminal where its cursor
/// is and waits up to two seconds for the answer, which a terminal may never give (and which
/// fails glose with "the cursor position could not be read").
pub(super) fn redraw_whole<B: Backend<Error = io::Error>>(
    terminal: &mut Terminal<B>,
) -> io::Result<()> {
    let _guard = TERMINAL.lock().unwrap_or_else(PoisonError::into_inner);
    let size = terminal.size()?;
    terminal.resize(Rect::new(0, 0, size.width, size.height))
}

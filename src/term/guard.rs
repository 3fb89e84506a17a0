//! The terminal guard: taking the terminal over, and giving it back on every way out.
//!
//! The terminal is restored (cooked mode, main screen, cursor shown, mouse reporting off) when
//! the loop ends, on an error, on a panic (hook), on SIGTERM, SIGHUP, SIGINT and SIGQUIT (a
//! signal thread), and around Ctrl-Z (suspend, then redraw on `fg`). Drawing and restoring take
//! the same lock ([`TERMINAL`]), so a signal never interleaves its escape sequences with a
//! frame. The signals are caught from before the terminal is taken over; the thread that acts
//! on them starts once the first frame is on the screen (one thread, no more: the first screen
//! does not wait for it), and a signal that came in between is acted on then.
//!
//! A terminal that goes away without a SIGHUP (end of file, EIO, POLLHUP on its input: under
//! `su`, `setsid`, a window closed by a multiplexer) is a hang-up: the signal thread, which
//! watches the terminal too, or the loop's thread when its read fails, restores, saves the
//! position and the draft, and exits 129. The note being written and the position are handed to the signal thread, the panic hook and the
//! exit path ([`PENDING_DRAFT`], [`PENDING_POSITION`]) and written on every way out.

use std::io::{self, Write};
use std::path::PathBuf;
use std::sync::{Mutex, Once, PoisonError};

use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
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
    prepare_watch()?;
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

/// What the signal thread watches, ready before the terminal is taken over and handed to the
/// thread once the first frame is drawn ([`start_watch`]): a signal that comes in between waits
/// in the pipe, and a hang-up waits in the terminal, until the thread looks.
#[cfg(unix)]
struct Watch {
    /// SIGTERM, SIGHUP, SIGINT and SIGQUIT, caught from now on, through a self-pipe.
    signals: signal_hook::iterator::backend::SignalDelivery<
        std::os::unix::net::UnixStream,
        signal_hook::iterator::exfiltrator::SignalOnly,
    >,
    /// The terminal glose reads, when it is not standard input: `/dev/tty`, as crossterm does.
    tty: Option<std::fs::File>,
    /// Whether standard input is that terminal.
    stdin: bool,
}

/// The signal thread's watch, between [`prepare_watch`] and [`start_watch`].
#[cfg(unix)]
static WATCH: Mutex<Option<Watch>> = Mutex::new(None);

/// Catches SIGTERM, SIGHUP, SIGINT and SIGQUIT from now on (once per process); the thread that
/// acts on them starts after the first frame.
#[cfg(unix)]
fn prepare_watch() -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
    use signal_hook::iterator::backend::SignalDelivery;
    use signal_hook::iterator::exfiltrator::SignalOnly;
    use std::io::IsTerminal;
    use std::sync::atomic::{AtomicBool, Ordering};
    static PREPARED: AtomicBool = AtomicBool::new(false);
    let mut watch = WATCH.lock().unwrap_or_else(PoisonError::into_inner);
    if PREPARED.load(Ordering::Relaxed) {
        return Ok(());
    }
    let (read, write) = std::os::unix::net::UnixStream::pair()?;
    let signals =
        SignalDelivery::with_pipe(read, write, SignalOnly, [SIGTERM, SIGHUP, SIGINT, SIGQUIT])?;
    let stdin = rustix::stdio::stdin().is_terminal();
    let tty = if stdin {
        None
    } else {
        std::fs::File::open("/dev/tty").ok()
    };
    *watch = Some(Watch {
        signals,
        tty,
        stdin,
    });
    PREPARED.store(true, Ordering::Relaxed);
    Ok(())
}

#[cfg(not(unix))]
fn prepare_watch() -> io::Result<()> {
    Ok(())
}

/// Starts the signal thread, once the first frame is on the screen (the event loop calls it;
/// nothing happens when [`with_terminal`] did not prepare it, or after the first time).
///
/// The thread waits for a signal or a hang-up of the terminal: on either, it restores the
/// terminal, writes what is pending (position, draft, session) and exits with 128 + signal (129
/// for a hang-up). A hang-up is the terminal's other end closed, with or without a SIGHUP
/// (under `su` or `setsid`, or a window closed by a multiplexer): without this, reading a
/// terminal that is gone returns nothing for ever, and the event loop would spin. The terminal
/// is polled for no event at all: `poll` still reports a hang-up or an error.
#[cfg(unix)]
pub(super) fn start_watch() -> io::Result<()> {
    let Some(watch) = WATCH.lock().unwrap_or_else(PoisonError::into_inner).take() else {
        return Ok(());
    };
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || watch.run())?;
    Ok(())
}

#[cfg(not(unix))]
pub(super) fn start_watch() -> io::Result<()> {
    Ok(())
}

#[cfg(unix)]
impl Watch {
    fn run(mut self) {
        use rustix::event::{PollFd, PollFlags, poll};
        use std::os::fd::AsFd;
        let mut terminal = self.stdin || self.tty.is_some();
        loop {
            let stdin = rustix::stdio::stdin();
            let tty = self.tty.as_ref().map_or(stdin, AsFd::as_fd);
            let mut fds = [
                PollFd::new(self.signals.get_read(), PollFlags::IN),
                PollFd::new(&tty, PollFlags::empty()),
            ];
            let watched = if terminal { 2 } else { 1 };
            let hung_up = match poll(fds.get_mut(..watched).unwrap_or_default(), None) {
                Ok(_) => {
                    terminal
                        && fds[1]
                            .revents()
                            .intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL)
                }
                Err(rustix::io::Errno::INTR) => false,
                // The terminal cannot be watched: signals still are.
                Err(_) if terminal => {
                    terminal = false;
                    false
                }
                Err(_) => return,
            };
            if let Some(signal) = self.signals.pending().next() {
                end_on_signal(signal);
            }
            if hung_up {
                end_on_signal(signal_hook::consts::SIGHUP);
            }
        }
    }
}

/// Restores the terminal, writes what is pending (position, draft, the presenter's session),
/// removes the link's files and exits with 128 + `signal`. From the signal thread, or from the
/// loop's thread once the terminal is gone; waits for a frame being drawn to end.
#[cfg(unix)]
fn end_on_signal(signal: i32) -> ! {
    let _guard = TERMINAL.lock().unwrap_or_else(PoisonError::into_inner);
    restore();
    let pending = PENDING_POSITION
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .take();
    if let Some((path, bytes)) = pending {
        let _ = crate::store::write_atomic(&path, &bytes, crate::store::Durability::Atomic);
    }
    write_pending_draft(true);
    crate::present::write_pending_session(true);
    // Destructors do not run on this path: remove the link's files here.
    crate::link::remove_registered_files();
    std::process::exit(128 + signal);
}

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

/// Ends the process as a hang-up (exit 129), writing what is pending; never returns.
#[cfg(unix)]
fn end_as_hang_up() -> ! {
    end_on_signal(signal_hook::consts::SIGHUP)
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

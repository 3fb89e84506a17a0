//! The terminal: taking it over, the event loop, and giving it back on every way out.
//!
//! The terminal is restored (cooked mode, main screen, cursor shown, mouse reporting off) when
//! the loop ends, on an error, on a panic (hook), on SIGTERM, SIGHUP, SIGINT and SIGQUIT (a
//! signal thread), and around Ctrl-Z (suspend, then redraw on `fg`). Drawing and restoring take
//! the same lock, so a signal never interleaves its escape sequences with a frame.
//!
//! Idle means idle: the loop blocks on `event::read`; it draws only after an event that maps to
//! an action (and after every event already waiting has been applied too: keys typed ahead
//! cost one frame, not one each), or, while a clock is on screen (the tour, the presenter), when the clock's seconds
//! change (`App::next_tick`): a timed `event::poll`, at most once a second.
//!
//! State files (through `store::Store`, when given one): the notebook is saved right after the
//! event that changed it; the position is saved at exit, and on SIGTERM / SIGHUP / SIGINT /
//! SIGQUIT by the signal thread from the latest snapshot the loop left it (a small file, written
//! atomically after the terminal is restored). Bracketed paste is on, so a paste reaches the note
//! editor as one event.
//!
//! A terminal that goes away without a SIGHUP (end of file, EIO, POLLHUP on its input: under
//! `su`, `setsid`, a window closed by a multiplexer) is a hang-up: a watcher thread raises
//! SIGHUP, so the signal thread restores, saves the position and the draft, and exits 129. The
//! note being written (the editor's unsaved text) is handed to the signal thread, the panic hook
//! and the exit path like the position, and written to the draft file on every way out.
//!
//! While the presenter is on, the loop also tells notes windows where it is (`link::Publisher`,
//! never blocking; a reader's own tour says nothing); `run_notes` is the notes window's own loop, woken by keys or by the presenter.

use std::io::{self, Write};
use std::path::PathBuf;
use std::sync::{Mutex, Once, PoisonError};
use std::time::Duration;

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
use ratatui::layout::Rect;

use crate::app::{App, Effect};
use crate::store::{Position, Problem, Store};
use crate::ui;

/// How long the loop looks for an event already waiting before it draws. Not zero: crossterm
/// 0.29's `poll(Duration::ZERO)` returns false without looking at the events it has already
/// read and parsed (its loop runs only while time is left), so keys typed at once would each
/// get a frame. A tenth of a millisecond finds them; with nothing waiting it is a delay no one
/// can see.
const TYPED_AHEAD: Duration = Duration::from_micros(100);

/// Held while writing to the terminal (a frame, or the restore sequence).
static TERMINAL: Mutex<()> = Mutex::new(());

/// The position file's path and latest contents, written by the signal thread on the way out.
static PENDING_POSITION: Mutex<Option<(PathBuf, Vec<u8>)>> = Mutex::new(None);

/// The draft file's path and the note being written (while the editor holds unsaved words),
/// written by the signal thread, the panic hook and the hang-up path on the way out.
static PENDING_DRAFT: Mutex<Option<(PathBuf, Vec<u8>)>> = Mutex::new(None);

/// Writes the pending draft, if any. `try_lock` from the panic hook (never wait there).
fn write_pending_draft(wait: bool) {
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
    watch_for_hang_up();
    let draft_offered = app.draft_pending();
    let mut saver = Saver {
        store,
        save: false,
        position: None,
        problems: Vec::new(),
        draft: None,
        draft_offered,
        unsaved: false,
        session: crate::present::SessionKeeper::new(),
    };
    // `enter` may fail half-way (raw mode on, then a write error): restore in every case.
    let mut desk = crate::desk::Desk::system(app.hyperlinks);
    let result = enter().and_then(|()| event_loop(app, &mut saver, &mut desk));
    {
        let _guard = TERMINAL.lock().unwrap_or_else(PoisonError::into_inner);
        restore();
    }
    saver.finish(app);
    // The presenter's session: ended cleanly unless an error ended the loop.
    if let Some(problem) =
        saver
            .session
            .finish(app.presenter_session(), &app.article, result.is_ok())
    {
        saver.problems.push(problem);
    }
    if let Err(error) = &result
        && hung_up(error)
    {
        end_as_hang_up();
    }
    result.map(|()| saver.problems)
}

/// Keeps the state files in step with the app, from the event loop.
struct Saver<'a> {
    store: Option<&'a mut Store>,
    /// The notebook changed since it was last saved (an `Effect::SaveNotebook`).
    save: bool,
    /// The position last handed to the signal thread.
    position: Option<Position>,
    problems: Vec<Problem>,
    /// The draft last handed to the signal thread.
    draft: Option<crate::store::Draft>,
    /// A draft file from an earlier session is on disk, offered to the reader: removed once
    /// answered.
    draft_offered: bool,
    /// The last save found the notes file locked by another window: to be tried again.
    unsaved: bool,
    /// The presenter's session file (`glose present`).
    session: crate::present::SessionKeeper,
}

impl Saver<'_> {
    /// After an event: saves the notebook if it changed, and refreshes the signal thread's
    /// position snapshot if the reader moved.
    fn after_event(&mut self, app: &mut App) {
        let Some(store) = self.store.as_deref_mut() else {
            return;
        };
        if std::mem::take(&mut self.save) {
            match store.save_notes(&app.notebook) {
                Ok(merged) => {
                    app.notes_saved(merged);
                    self.unsaved = false;
                    // Saved at last: an earlier "not saved yet" no longer holds.
                    self.problems.retain(|p| !matches!(p, Problem::Busy { .. }));
                }
                Err(problem) => {
                    if matches!(problem, Problem::Busy { .. }) {
                        // Tried again at the next change, and at exit.
                        self.unsaved = true;
                    }
                    app.report(&problem);
                    if !self.problems.contains(&problem) {
                        self.problems.push(problem);
                    }
                }
            }
            for notice in store.take_notices() {
                app.report(&notice);
                if !self.problems.contains(&notice) {
                    self.problems.push(notice);
                }
            }
        }
        if self.draft_offered && !app.draft_pending() {
            // Answered: restored into the editor (then kept as a pending draft) or dropped.
            store.remove_draft();
            self.draft_offered = false;
        }
        let draft = app.draft();
        if draft != self.draft {
            *PENDING_DRAFT.lock().unwrap_or_else(PoisonError::into_inner) = draft
                .as_ref()
                .map(|d| (store.paths.draft.clone(), d.to_bytes()));
            self.draft = draft;
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
        if self.unsaved {
            // Notes a locked file kept from being saved: one more try.
            self.save = true;
        }
        self.after_event(app);
        // A note still in the editor (an error ended the loop) is kept for the next start.
        write_pending_draft(true);
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

fn event_loop(app: &mut App, saver: &mut Saver, desk: &mut crate::desk::Desk) -> io::Result<()> {
    let mut fault = test_fault();
    if fault == Some(Fault::Start) {
        return Err(io::Error::other("fault injected by GLOSE_TEST_FAULT=start"));
    }
    let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    let mut link = Link::new(app);
    // `q` (an `Effect::Quit`): the last frame is drawn, then the loop ends.
    let mut quit = false;
    loop {
        // The size may have changed without a Resize event reaching the app (while suspended,
        // the terminal's SIGWINCH goes to the shell): lay out for the size drawn at.
        let size = terminal.size()?;
        if (size.width, size.height) != app.view.size {
            app.update(crate::app::Action::Resize(size.width, size.height));
        }
        sync_room(app);
        {
            let _guard = TERMINAL.lock().unwrap_or_else(PoisonError::into_inner);
            let frame = terminal.draw(|frame| {
                ui::render(app, frame);
                if fault == Some(Fault::Panic) {
                    fault = None;
                    panic!("fault injected by GLOSE_TEST_FAULT=panic");
                }
                if fault == Some(Fault::PanicWithDraft)
                    && PENDING_DRAFT
                        .lock()
                        .unwrap_or_else(PoisonError::into_inner)
                        .is_some()
                {
                    fault = None;
                    panic!("fault injected by GLOSE_TEST_FAULT=panic-with-draft");
                }
            })?;
            let words = if desk.hyperlinks {
                ui::reader::link_cells(app)
            } else {
                Vec::new()
            };
            let links = desk.plan_links(app, frame.buffer, &words);
            desk.draw_links(terminal.backend_mut(), links)?;
        }
        link.publish(app);
        publish_room(app);
        if let Some(problem) = saver
            .session
            .after_frame(app.presenter_session(), &app.article)
        {
            saver.problems.push(problem);
        }
        if quit {
            return Ok(());
        }
        // Block until an event changes something, or until a clock on screen ticks (or, with a
        // room, until votes come in: looked at a few times a second).
        loop {
            let tick = app.next_tick().map(|t| t + Duration::from_millis(5));
            let wait = match (tick, app.room.is_some()) {
                (Some(t), true) => Some(t.min(ROOM_LOOK)),
                (None, true) => Some(ROOM_LOOK),
                (tick, false) => tick,
            };
            if let Some(timeout) = wait {
                // A few milliseconds late, so the new second has surely begun.
                if !event::poll(timeout)? {
                    let news = app.room.as_ref().is_some_and(crate::room::Room::has_news);
                    if news || tick.is_some_and(|t| t <= timeout) {
                        break;
                    }
                    continue;
                }
            }
            // Typed-ahead keys cost one frame: this event, then every event already waiting
            // (a near-zero-timeout poll, see `TYPED_AHEAD`), before drawing.
            let mut next = Some(event::read()?);
            let (mut changed, mut whole) = (false, false);
            while let Some(event) = next.take() {
                if is_suspend(&event) {
                    suspend()?;
                    (changed, whole) = (true, true);
                    break;
                }
                let handled = app.handle_event(&event);
                changed |= handled.redraw;
                run_effects(app, &handled.effects, saver, desk);
                if matches!(event, Event::Resize(..)) {
                    (changed, whole) = (true, true);
                }
                if handled.quits() {
                    (changed, quit) = (true, true);
                    break;
                }
                if event::poll(TYPED_AHEAD)? {
                    next = Some(event::read()?);
                }
            }
            // A save in the article's folder (`watch` woke this read with a resize).
            if let Some(dir) = app.watched.clone()
                && crate::watch::take_pending()
            {
                app.reload(&dir);
                changed = true;
            }
            if app.follow.is_some() {
                for news in crate::room::follow::take() {
                    changed |= app.follow_news(news);
                }
                send_votes(app);
            }
            saver.after_event(app);
            if whole {
                redraw_whole(&mut terminal)?;
                desk.forget();
            }
            if changed {
                break;
            }
        }
    }
}

/// Carries out what one event asked for: opening and copying through `desk`, a save of the
/// notebook (done by `saver` after the event), quitting (by the loop).
fn run_effects(app: &mut App, effects: &[Effect], saver: &mut Saver, desk: &mut crate::desk::Desk) {
    for effect in effects {
        match effect {
            Effect::SaveNotebook => saver.save = true,
            Effect::Quit => {}
            Effect::Open(_) | Effect::Copy(_) | Effect::CopyAddress(_) => {
                let _guard = TERMINAL.lock().unwrap_or_else(PoisonError::into_inner);
                desk.carry_out(app, std::slice::from_ref(effect), &mut io::stdout());
            }
        }
    }
}

/// How often the presenter looks for new votes while a room is open.
const ROOM_LOOK: Duration = Duration::from_millis(200);

/// Where the presenter is, as the room is told.
fn room_shown(app: &App) -> Option<crate::room::Shown> {
    let (presenter, progress) = (app.presenter.as_ref()?, app.tour_progress()?);
    Some(crate::room::Shown {
        stop: progress.stop,
        revealed: presenter.revealed,
        blanked: presenter.blanked,
    })
}

/// Before a frame: tells the room which session the presenter is on, and reads the votes on
/// the stop about to be drawn; saves the results when votes came in. Never blocks on the
/// network.
fn sync_room(app: &mut App) {
    let shown = room_shown(app);
    if let Some(room) = app.room.as_mut() {
        if let Some(presenter) = &app.presenter {
            room.set_session(presenter.session);
        }
        room.refresh(shown.map_or(0, |s| s.stop));
        room.save_results(false);
        let tally = room.tally.clone();
        if let Some(presenter) = app.presenter.as_mut() {
            presenter.tally = tally;
        }
    }
}

/// After a frame: tells the room where the presenter is (its clients hear of it while the loop
/// waits for the next key).
fn publish_room(app: &mut App) {
    if let (Some(shown), Some(room)) = (room_shown(app), app.room.as_mut()) {
        room.publish(shown);
    }
}

/// Sends the follower's votes (each from a thread of its own; the answer comes back as news).
fn send_votes(app: &mut App) {
    let votes = app.take_votes();
    if let Some(follow) = &app.follow {
        for (stop, answer) in votes {
            crate::room::follow::send_vote(&follow.base, &follow.voter, stop, answer);
        }
    }
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
fn redraw_whole(terminal: &mut Terminal<CrosstermBackend<io::Stdout>>) -> io::Result<()> {
    let _guard = TERMINAL.lock().unwrap_or_else(PoisonError::into_inner);
    let size = terminal.size()?;
    terminal.resize(Rect::new(0, 0, size.width, size.height))
}

/// A fault injected for tests, in debug builds only, so that `tests/pty.rs` can check that the
/// terminal is given back on those ways out too. Release builds never read the variable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fault {
    /// `GLOSE_TEST_FAULT=start`: an I/O error once the terminal is taken, before any frame.
    Start,
    /// `GLOSE_TEST_FAULT=panic`: a panic in the middle of drawing the first frame.
    Panic,
    /// `GLOSE_TEST_FAULT=panic-with-draft`: a panic in the first frame drawn while the note
    /// editor holds unsaved words (so that the panic hook's draft is tested end to end).
    PanicWithDraft,
}

fn test_fault() -> Option<Fault> {
    if !cfg!(debug_assertions) {
        return None;
    }
    match std::env::var("GLOSE_TEST_FAULT").ok().as_deref() {
        Some("start") => Some(Fault::Start),
        Some("panic") => Some(Fault::Panic),
        Some("panic-with-draft") => Some(Fault::PanicWithDraft),
        _ => None,
    }
}

/// The presenter's end of the notes link, opened the first time a tour is on; a no-op where
/// Unix sockets do not exist or the runtime directory is unusable.
struct Link {
    key: String,
    #[cfg(unix)]
    publisher: Option<crate::link::Publisher>,
}

impl Link {
    fn new(app: &App) -> Self {
        Self {
            key: crate::tour::article_key(&app.article),
            #[cfg(unix)]
            publisher: None,
        }
    }

    /// Tells notes windows where the tour is (or that it ended). Never blocks, never fails.
    #[cfg(unix)]
    fn publish(&mut self, app: &App) {
        use crate::link::{Message, Publisher};
        match app.link_state(crate::link::unix_ms()) {
            Some(state) => {
                if self.publisher.is_none() {
                    self.publisher = Publisher::new(&self.key);
                }
                if let Some(publisher) = self.publisher.as_mut() {
                    publisher.publish(Message::State(state));
                }
            }
            None => {
                if let Some(publisher) = self.publisher.as_mut()
                    && let Some(Message::State(state)) = publisher.last()
                {
                    publisher.publish(Message::Bye {
                        session: state.session,
                    });
                }
            }
        }
    }

    #[cfg(not(unix))]
    fn publish(&mut self, _app: &App) {
        let _ = &self.key;
    }
}

/// Runs the facilitator's notes window until the user quits: it follows the presenter through
/// `listener` and redraws on a key, on a message, or when its clock ticks.
#[cfg(unix)]
pub fn run_notes(
    notes: &mut crate::notes::Notes,
    listener: &crate::link::Listener,
) -> io::Result<()> {
    install_panic_hook();
    install_signal_thread()?;
    watch_for_hang_up();
    let result = enter().and_then(|()| notes_loop(notes, listener));
    {
        let _guard = TERMINAL.lock().unwrap_or_else(PoisonError::into_inner);
        restore();
    }
    if let Err(error) = &result
        && hung_up(error)
    {
        end_as_hang_up();
    }
    result
}

/// What wakes the notes window.
#[cfg(unix)]
enum Wake {
    Terminal(Event),
    /// A message, with the presenter's process id when it gives one.
    Presenter(crate::link::Message, Option<u32>),
    Failed(io::Error),
}

#[cfg(unix)]
fn notes_loop(notes: &mut crate::notes::Notes, listener: &crate::link::Listener) -> io::Result<()> {
    use std::sync::mpsc;
    let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    let size = terminal.size()?;
    notes.update(crate::app::Action::Resize(size.width, size.height));
    // The presenter's process, watched so that one that died is not shown as live.
    let mut presenter: Option<u32> = None;
    if let Some((message, pid)) = listener.saved_from() {
        if pid.is_some_and(|pid| !crate::link::is_running(pid)) {
            notes.presenter_gone();
        } else {
            let age = match message {
                crate::link::Message::State(state) => crate::link::age(state.sent_ms),
                crate::link::Message::Bye { .. } => Duration::ZERO,
            };
            if notes.receive(message, age) {
                presenter = pid;
            }
        }
    }
    let (tx, rx) = mpsc::channel();
    let keys = tx.clone();
    std::thread::Builder::new()
        .name("terminal-events".into())
        .spawn(move || {
            loop {
                let wake = match event::read() {
                    Ok(event) => Wake::Terminal(event),
                    Err(error) => Wake::Failed(error),
                };
                let failed = matches!(wake, Wake::Failed(_));
                if keys.send(wake).is_err() || failed {
                    return;
                }
            }
        })?;
    let socket = listener.try_clone()?;
    std::thread::Builder::new()
        .name("presenter".into())
        .spawn(move || {
            while let Ok((message, pid)) = socket.recv_from() {
                if tx.send(Wake::Presenter(message, pid)).is_err() {
                    return;
                }
            }
        })?;
    loop {
        if notes.remote.is_some() && presenter.is_some_and(|pid| !crate::link::is_running(pid)) {
            presenter = None;
            notes.presenter_gone();
        }
        let size = terminal.size()?;
        if (size.width, size.height) != notes.size {
            notes.update(crate::app::Action::Resize(size.width, size.height));
        }
        {
            let _guard = TERMINAL.lock().unwrap_or_else(PoisonError::into_inner);
            terminal.draw(|frame| crate::ui::notes::render(notes, frame))?;
        }
        if notes.should_quit {
            return Ok(());
        }
        loop {
            let wake = match notes.next_tick() {
                Some(timeout) => match rx.recv_timeout(timeout + Duration::from_millis(5)) {
                    Ok(wake) => wake,
                    Err(mpsc::RecvTimeoutError::Timeout) => break,
                    Err(mpsc::RecvTimeoutError::Disconnected) => return Ok(()),
                },
                None => match rx.recv() {
                    Ok(wake) => wake,
                    Err(_) => return Ok(()),
                },
            };
            match wake {
                Wake::Terminal(event) if is_suspend(&event) => {
                    suspend()?;
                    redraw_whole(&mut terminal)?;
                    break;
                }
                Wake::Terminal(event) => {
                    // This event, then every terminal event already waiting, before a frame.
                    let mut next = Some(event);
                    let (mut changed, mut whole) = (false, false);
                    while let Some(event) = next.take() {
                        changed |= notes.handle_event(&event);
                        whole |= matches!(event, Event::Resize(..));
                        if notes.should_quit {
                            break;
                        }
                        match rx.try_recv() {
                            Ok(Wake::Terminal(event)) if !is_suspend(&event) => next = Some(event),
                            Ok(Wake::Presenter(message, pid)) => {
                                notes.receive(message, Duration::ZERO);
                                presenter = pid;
                                changed = true;
                            }
                            Ok(Wake::Terminal(_)) => {
                                suspend()?;
                                whole = true;
                            }
                            Ok(Wake::Failed(error)) => return Err(error),
                            Err(_) => {}
                        }
                    }
                    if whole {
                        redraw_whole(&mut terminal)?;
                    }
                    if changed || whole {
                        break;
                    }
                }
                Wake::Presenter(message, pid) => {
                    if notes.receive(message, Duration::ZERO) {
                        presenter = pid;
                    }
                    break;
                }
                Wake::Failed(error) => return Err(error),
            }
        }
    }
}

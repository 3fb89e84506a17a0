//! The reader's side of the loop (the presenter runs inside it): what it draws, how it saves
//! its state files and carries out its effects, what it tells notes windows and the room.
//!
//! State files (through `store::Store`, when given one): the notebook is saved right after the
//! event that changed it (an `Effect::SaveNotebook`); the position is saved at exit, and on
//! SIGTERM / SIGHUP / SIGINT / SIGQUIT by the signal thread from the latest snapshot the loop
//! left it (a small file, written atomically after the terminal is restored). Bracketed paste
//! is on, so a paste reaches the note editor as one event.
//!
//! While the presenter is on, the loop also tells notes windows and the room where it is
//! (`link::Publisher`, never blocking; a reader's own tour says nothing), once after the first
//! frame and then only when `update` asks for it (`Effect::Publish`: the stop, the verdict, the
//! blank screen, the clocks or the session changed) or new votes change what the notes window
//! shows: a frame with nothing new publishes nothing, and the link's state file is written only
//! on a change. `glose present`'s session file is looked at on the same terms: after a frame
//! that follows an `Effect::SaveSession`, or a clock's tick (the clocks ran on), never on a
//! frame that only redraws.

use std::io::{self, Write};
use std::sync::PoisonError;
use std::time::Duration;

use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::crossterm::event::Event;

use super::event_loop::{self, Driven, Step, TerminalEvents};
use super::frame::Painter;
use super::guard::{
    PENDING_DRAFT, PENDING_POSITION, TERMINAL, end_if_hung_up, with_terminal, write_pending_draft,
};
use crate::app::{Action, App, Effect};
use crate::desk::Desk;
use crate::store::{Position, Problem, Store};
use crate::ui;

/// Runs the reader until the user quits. The terminal is always given back.
pub fn run(app: &mut App) -> io::Result<()> {
    run_with_store(app, None).map(|_| ())
}

/// Runs the reader with its state files: notes saved as they change, the position at exit (and
/// on a signal). Returns the problems met while saving, to print once the terminal is back.
pub fn run_with_store(app: &mut App, store: Option<&mut Store>) -> io::Result<Vec<Problem>> {
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
    let mut desk = Desk::system(app.hyperlinks);
    let result = with_terminal(|| {
        let fault = test_fault();
        if fault == Some(Fault::Start) {
            return Err(io::Error::other("fault injected by GLOSE_TEST_FAULT=start"));
        }
        let mut terminal = Terminal::new(super::backend::Output::stdout())?;
        let mut reader = Reader {
            link: Link::new(app),
            app: &mut *app,
            saver: &mut saver,
            desk: &mut desk,
            fault,
            tick_due: false,
            publish: true,
            keep_session: true,
        };
        event_loop::run(&mut reader, &mut TerminalEvents, &mut terminal)
    });
    saver.finish(app);
    // The presenter's session: ended cleanly unless an error ended the loop.
    if let Some(problem) =
        saver
            .session
            .finish(app.presenter_session(), &app.article, result.is_ok())
    {
        saver.problems.push(problem);
    }
    end_if_hung_up(&result);
    result.map(|()| saver.problems)
}

/// The reader as the loop drives it.
struct Reader<'a, 's> {
    app: &'a mut App,
    saver: &'a mut Saver<'s>,
    desk: &'a mut Desk,
    link: Link,
    fault: Option<Fault>,
    /// The last wait was cut short for a clock's next second.
    tick_due: bool,
    /// What notes windows and the room show changed (an `Effect::Publish`, new votes, a
    /// reload; and at start): published after the next frame.
    publish: bool,
    /// The presenter's session may have changed (an `Effect::SaveSession`, a clock's tick, a
    /// reload; and at start): kept in its file after the next frame, if it changed enough.
    keep_session: bool,
}

impl<B: Backend<Error = io::Error> + Write> Driven<B> for Reader<'_, '_> {
    type Message = std::convert::Infallible;
    type Effect = Effect;

    fn size(&self) -> (u16, u16) {
        self.app.view.size
    }

    fn resize(&mut self, width: u16, height: u16) {
        // A resize asks for no effect.
        let _ = self.app.update(Action::Resize(width, height));
    }

    fn before_frame(&mut self) {
        // The room is read only when the presenter moved or votes came in.
        if self.publish
            || self
                .app
                .room
                .as_ref()
                .is_some_and(crate::room::Room::has_news)
        {
            self.publish |= sync_room(self.app);
        }
    }

    fn draw(&mut self, terminal: &mut Terminal<B>, painter: &mut Painter) -> io::Result<()> {
        let (app, fault) = (&*self.app, &mut self.fault);
        let buffer = painter.draw(terminal, |buf| {
            let cursor = ui::render_buffer(app, buf);
            if *fault == Some(Fault::Panic) {
                *fault = None;
                panic!("fault injected by GLOSE_TEST_FAULT=panic");
            }
            if *fault == Some(Fault::PanicWithDraft)
                && PENDING_DRAFT
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .is_some()
            {
                *fault = None;
                panic!("fault injected by GLOSE_TEST_FAULT=panic-with-draft");
            }
            cursor
        })?;
        let words = if self.desk.hyperlinks {
            ui::reader::link_cells(app)
        } else {
            Vec::new()
        };
        let links = self.desk.plan_links(app, buffer, &words);
        self.desk.draw_links(terminal.backend_mut(), links)
    }

    fn after_frame(&mut self) {
        if std::mem::take(&mut self.publish) {
            self.link.publish(self.app);
            publish_room(self.app);
        }
        if std::mem::take(&mut self.keep_session)
            && let Some(problem) = self
                .saver
                .session
                .after_frame(self.app.presenter_session(), &self.app.article)
        {
            self.saver.problems.push(problem);
        }
    }

    /// Until a clock on screen ticks (a few milliseconds late, so the new second has surely
    /// begun), or, with a room, until votes come in (looked at a few times a second).
    fn wait(&mut self) -> Option<Duration> {
        let tick = self.app.next_tick().map(|t| t + Duration::from_millis(5));
        let wait = match (tick, self.app.room.is_some()) {
            (Some(t), true) => Some(t.min(ROOM_LOOK)),
            (None, true) => Some(ROOM_LOOK),
            (tick, false) => tick,
        };
        self.tick_due = tick.is_some_and(|t| wait.is_some_and(|w| t <= w));
        wait
    }

    fn timed_out(&mut self) -> bool {
        // A clock's second: the session's clocks ran on (saved every few seconds of them).
        self.keep_session |= self.tick_due;
        self.tick_due
            || self
                .app
                .room
                .as_ref()
                .is_some_and(crate::room::Room::has_news)
    }

    fn event(&mut self, event: &Event) -> Step<Effect> {
        let handled = self.app.handle_event(event);
        Step {
            redraw: handled.redraw,
            quit: handled.quits(),
            suspend: handled.effects.contains(&Effect::Suspend),
            effects: handled.effects,
        }
    }

    fn message(&mut self, message: Self::Message) -> Step<Effect> {
        match message {}
    }

    /// Opening and copying through `desk`, a save of the notebook (done by `saver` after the
    /// events), a publish (after the next frame), quitting (by the loop, from the step).
    fn carry_out(&mut self, effects: Vec<Effect>) {
        for effect in effects {
            match effect {
                Effect::SaveNotebook => self.saver.save = true,
                Effect::Publish => self.publish = true,
                Effect::SaveSession => self.keep_session = true,
                Effect::Quit | Effect::Suspend => {}
                Effect::Open(_) | Effect::Copy(_) | Effect::CopyAddress(_) => {
                    let _guard = TERMINAL.lock().unwrap_or_else(PoisonError::into_inner);
                    self.desk
                        .carry_out(self.app, std::slice::from_ref(&effect), &mut io::stdout());
                }
            }
        }
    }

    fn after_events(&mut self, whole: bool) -> bool {
        let app = &mut *self.app;
        let mut changed = false;
        // A save in the article's folder, loaded by the watcher's thread (`watch` woke this
        // read with a resize).
        if let Some(loaded) = app.watched.as_ref().and_then(crate::watch::Watcher::take) {
            app.reload(loaded);
            changed = true;
            // The tour may have changed under the presenter.
            self.publish = true;
            self.keep_session = true;
        }
        if app.follow.is_some() {
            for news in crate::room::follow::take() {
                changed |= app.follow_news(news);
            }
            send_votes(app);
        }
        self.saver.after_event(app);
        if whole {
            self.desk.forget();
        }
        changed
    }
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
/// network. Returns whether the votes shown changed (the notes window shows them too).
fn sync_room(app: &mut App) -> bool {
    let shown = room_shown(app);
    let Some(room) = app.room.as_mut() else {
        return false;
    };
    if let Some(presenter) = &app.presenter {
        room.set_session(presenter.session);
    }
    room.refresh(shown.map_or(0, |s| s.stop));
    room.save_results(false);
    let tally = room.tally.clone();
    match app.presenter.as_mut() {
        Some(presenter) if presenter.tally != tally => {
            presenter.tally = tally;
            true
        }
        _ => false,
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
    /// The link's folder, when not the usual one (tests).
    #[cfg(unix)]
    dir: Option<std::path::PathBuf>,
    #[cfg(unix)]
    publisher: Option<crate::link::Publisher>,
}

impl Link {
    fn new(app: &App) -> Self {
        Self {
            key: app.article.text_hash(),
            #[cfg(unix)]
            dir: None,
            #[cfg(unix)]
            publisher: None,
        }
    }

    /// Tells notes windows where the tour is (or that it ended). Never blocks, never fails.
    #[cfg(unix)]
    fn publish(&mut self, app: &App) {
        use crate::link::{Announcement, Publisher};
        match app.link_state(crate::link::unix_ms()) {
            Some(state) => {
                if self.publisher.is_none() {
                    self.publisher = match &self.dir {
                        Some(dir) => Publisher::in_dir(dir.clone(), &self.key),
                        None => Publisher::new(&self.key),
                    };
                }
                if let Some(publisher) = self.publisher.as_mut() {
                    publisher.publish(Announcement::State(state));
                }
            }
            None => {
                if let Some(publisher) = self.publisher.as_mut()
                    && let Some(Announcement::State(state)) = publisher.last()
                {
                    publisher.publish(Announcement::Bye {
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

#[cfg(test)]
#[cfg(unix)]
mod tests {
    //! The loop itself, driving the presenter into ratatui's `TestBackend` with scripted
    //! events: the frames it draws, and what it tells notes windows through a real socket.

    use std::cell::{Cell, RefCell};
    use std::collections::VecDeque;
    use std::convert::Infallible;
    use std::rc::Rc;
    use std::sync::{Arc, mpsc};
    use std::time::Instant;

    use ratatui::backend::{ClearType, TestBackend, WindowSize};
    use ratatui::buffer::Cell as BufferCell;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use ratatui::layout::{Position, Size};

    use super::*;
    use crate::clock::ManualClock;
    use crate::i18n::Lang;
    use crate::link::{Announcement, Listener};
    use crate::term::event_loop::{Source, Wake};
    use crate::theme::{Theme, ThemeName};

    /// ratatui's `TestBackend` with the real backend's error type, counting frames (one flush
    /// each) and keeping the text of the last one, and swallowing the escape sequences written
    /// beside them (hyperlinks).
    struct Counted {
        inner: TestBackend,
        frames: Rc<Cell<usize>>,
        screen: Rc<RefCell<String>>,
    }

    impl Counted {
        fn new(width: u16, height: u16, frames: &Rc<Cell<usize>>) -> Self {
            Self {
                inner: TestBackend::new(width, height),
                frames: Rc::clone(frames),
                screen: Rc::default(),
            }
        }
    }

    /// A reader's saver with no state files.
    fn saver<'a>() -> Saver<'a> {
        Saver {
            store: None,
            save: false,
            position: None,
            problems: Vec::new(),
            draft: None,
            draft_offered: false,
            unsaved: false,
            session: crate::present::SessionKeeper::new(),
        }
    }

    fn never(error: Infallible) -> io::Error {
        match error {}
    }

    impl Write for Counted {
        fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
            Ok(bytes.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    impl Backend for Counted {
        type Error = io::Error;
        fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
        where
            I: Iterator<Item = (u16, u16, &'a BufferCell)>,
        {
            self.inner.draw(content).map_err(never)
        }
        fn hide_cursor(&mut self) -> io::Result<()> {
            self.inner.hide_cursor().map_err(never)
        }
        fn show_cursor(&mut self) -> io::Result<()> {
            self.inner.show_cursor().map_err(never)
        }
        fn get_cursor_position(&mut self) -> io::Result<Position> {
            self.inner.get_cursor_position().map_err(never)
        }
        fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
            self.inner.set_cursor_position(position).map_err(never)
        }
        fn clear(&mut self) -> io::Result<()> {
            self.inner.clear().map_err(never)
        }
        fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
            self.inner.clear_region(clear_type).map_err(never)
        }
        fn size(&self) -> io::Result<Size> {
            self.inner.size().map_err(never)
        }
        fn window_size(&mut self) -> io::Result<WindowSize> {
            self.inner.window_size().map_err(never)
        }
        fn flush(&mut self) -> io::Result<()> {
            self.frames.set(self.frames.get() + 1);
            let buffer = self.inner.buffer();
            let mut screen = self.screen.borrow_mut();
            screen.clear();
            for y in 0..buffer.area.height {
                for x in 0..buffer.area.width {
                    screen.push_str(buffer[(x, y)].symbol());
                }
                screen.push('\n');
            }
            Backend::flush(&mut self.inner).map_err(never)
        }
    }

    /// Keys typed in batches: the first key of a batch wakes the loop and the others are
    /// already waiting (typed ahead); `None` is a wait that runs out (a clock's second). At
    /// each wait, it notes how many frames were drawn and how many states the notes window
    /// heard so far; when the script is done, the loop ends.
    struct Script {
        batches: VecDeque<Option<Vec<Event>>>,
        ahead: VecDeque<Event>,
        frames: Rc<Cell<usize>>,
        window: Listener,
        heard: Vec<Announcement>,
        /// (frames drawn, states heard) at each wait.
        seen: Vec<(usize, usize)>,
    }

    impl Script {
        fn listen(&mut self) {
            while let Ok(message) = self.window.recv() {
                self.heard.push(message);
            }
        }

        fn states(&self) -> usize {
            self.heard
                .iter()
                .filter(|m| matches!(m, Announcement::State(_)))
                .count()
        }
    }

    impl Source<Infallible> for Script {
        fn wait(&mut self, _timeout: Option<Duration>) -> io::Result<Option<Wake<Infallible>>> {
            if let Some(event) = self.ahead.pop_front() {
                // Typed ahead, but left for the next wait by the loop.
                return Ok(Some(Wake::Terminal(event)));
            }
            self.listen();
            self.seen.push((self.frames.get(), self.states()));
            match self.batches.pop_front() {
                None => Ok(Some(Wake::Closed)),
                Some(None) => Ok(None),
                Some(Some(batch)) => {
                    self.ahead = batch.into();
                    Ok(self.ahead.pop_front().map(Wake::Terminal))
                }
            }
        }

        fn ready(&mut self) -> io::Result<Option<Wake<Infallible>>> {
            Ok(self.ahead.pop_front().map(Wake::Terminal))
        }
    }

    fn key(code: KeyCode) -> Event {
        Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
    }

    fn typed(keys: &str) -> Option<Vec<Event>> {
        Some(keys.chars().map(|c| key(KeyCode::Char(c))).collect())
    }

    #[test]
    fn the_presenter_publishes_only_what_changed_and_keys_typed_ahead_cost_one_frame() {
        let dir = tempfile::tempdir().unwrap();
        let runtime = dir.path().join("run");
        let mut app = App::new(
            crate::tour::fixture::article(),
            Lang::Fr,
            Theme::named(ThemeName::Monochrome),
            (80, 24),
        )
        .with_clock(Arc::new(ManualClock::new()));
        app.open_presenter(false);
        let key_name = app.article.text_hash();
        let window = Listener::bind_in(runtime.clone(), &key_name).unwrap();
        window
            .set_read_timeout(Some(Duration::from_millis(5)))
            .unwrap();
        let right = || key(KeyCode::Right);
        let frames = Rc::new(Cell::new(0));
        let mut script = Script {
            batches: VecDeque::from([
                Some(vec![right()]),                              // stop 2
                Some(vec![right(), right(), key(KeyCode::Left)]), // typed at once: stop 3
                typed("j"),                                       // scrolls: nothing to tell
                None,                               // a clock's second: nothing to tell
                typed("v"),                         // the verdict shown
                typed("?"),                         // help: nothing to tell
                typed("j"),                         // closes it
                typed("b"),                         // blank
                Some(vec![right()]),                // back, nothing else
                typed("t"),                         // clocks paused
                Some(vec![Event::Resize(100, 30)]), // nothing to tell
                typed("q"),
            ]),
            ahead: VecDeque::new(),
            frames: Rc::clone(&frames),
            window,
            heard: Vec::new(),
            seen: Vec::new(),
        };
        let mut saver = saver();
        let mut desk = Desk::system(false);
        let mut terminal = Terminal::new(Counted::new(80, 24, &frames)).unwrap();
        {
            let mut link = Link::new(&app);
            link.dir = Some(runtime.clone());
            let mut reader = Reader {
                link,
                app: &mut app,
                saver: &mut saver,
                desk: &mut desk,
                fault: None,
                tick_due: false,
                publish: true,
                keep_session: true,
            };
            event_loop::run(&mut reader, &mut script, &mut terminal).unwrap();
        }
        script.listen();
        // (frames drawn, states heard) each time the loop waits for the next key.
        assert_eq!(
            script.seen,
            [
                (1, 1),  // the first frame, and the first state
                (2, 2),  // → stop 2
                (3, 3),  // → → ←: one frame, one state
                (4, 3),  // j
                (5, 3),  // the clock's second
                (6, 4),  // v
                (7, 4),  // ?
                (8, 4),  // j closes the help
                (9, 5),  // b
                (10, 6), // → brings the screen back
                (11, 7), // t
                (12, 7), // a resize
            ]
        );
        assert_eq!(frames.get(), 13, "and the last frame after q");
        let Some(Announcement::State(last)) = script.heard.get(6).copied() else {
            panic!("{:?}", script.heard);
        };
        assert_eq!(
            (last.stop, last.revealed, last.blanked, last.paused),
            (2, true, false, true)
        );
        assert_eq!(
            script.heard.get(7),
            Some(&Announcement::Bye {
                session: last.session
            }),
            "q says goodbye"
        );
        assert_eq!(script.heard.len(), 8);
        assert_eq!(app.tour_progress().map(|p| p.stop), Some(2));
    }

    /// Wakes the loop as `watch` does after a change: keys, then resizes (the `SIGWINCH` the
    /// watcher raises) until the screen shows what the reload brings.
    struct DuringLoad {
        screen: Rc<RefCell<String>>,
        /// Each key with what the screen must show once it is handled.
        keys: VecDeque<(Event, &'static str)>,
        /// What the key before this wait must have brought.
        expect: Option<&'static str>,
        /// What each key's frame showed, while the load was held.
        shown: Vec<String>,
        /// Lets the load go on.
        gate: Option<mpsc::Sender<()>>,
        /// What the reload brings; then the loop quits.
        reloaded: &'static str,
        deadline: Instant,
    }

    impl Source<Infallible> for DuringLoad {
        fn wait(&mut self, _timeout: Option<Duration>) -> io::Result<Option<Wake<Infallible>>> {
            let screen = self.screen.borrow().clone();
            if let Some(expect) = self.expect.take() {
                assert!(
                    screen.contains(expect),
                    "{expect:?} not on screen:\n{screen}"
                );
                self.shown.push(screen.clone());
            }
            if let Some((event, expect)) = self.keys.pop_front() {
                self.expect = Some(expect);
                return Ok(Some(Wake::Terminal(event)));
            }
            if let Some(gate) = self.gate.take() {
                // Every key was handled and drawn with the load still held: let it finish.
                gate.send(()).unwrap();
            }
            if screen.contains(self.reloaded) {
                return Ok(Some(Wake::Closed));
            }
            assert!(
                Instant::now() < self.deadline,
                "the reload never showed:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(10));
            Ok(Some(Wake::Terminal(Event::Resize(80, 24))))
        }

        fn ready(&mut self) -> io::Result<Option<Wake<Infallible>>> {
            Ok(None)
        }
    }

    #[test]
    fn keys_are_handled_while_a_changed_folder_loads() {
        let dir = tempfile::tempdir().unwrap();
        let mut text = String::from("# Première partie\n\n");
        for n in 1..=40 {
            text.push_str(&format!("Paragraphe numéro {n} du texte.\n\n"));
        }
        text.push_str("Le dernier paragraphe parle de Unicode.\n");
        std::fs::write(
            dir.path().join("article.toml"),
            "title = \"Recharger\"\nauthor = \"Claire Martin\"\nlanguage = \"fr\"\n\n\
             [[part]]\nid = \"partie-1\"\nkind = \"part\"\nheading = \"Première partie\"\n",
        )
        .unwrap();
        std::fs::write(dir.path().join("text.md"), &text).unwrap();
        let draft = crate::content::load_draft(Some(dir.path())).unwrap();
        let mut app = App::new(
            draft.article,
            Lang::En,
            Theme::named(ThemeName::Monochrome),
            (80, 24),
        );
        // A load that tells when it starts, then waits for the test.
        let (started, start_seen) = mpsc::channel();
        let (gate, held) = mpsc::channel::<()>();
        app.watch_with(dir.path(), move |dir| {
            let _ = started.send(());
            let _ = held.recv_timeout(Duration::from_secs(60));
            crate::content::load_draft(Some(dir))
        });
        assert!(app.watched.is_some(), "no watcher on this system");
        std::fs::write(
            dir.path().join("text.md"),
            text.replace("Le dernier paragraphe", "Le tout dernier paragraphe"),
        )
        .unwrap();
        start_seen
            .recv_timeout(Duration::from_secs(30))
            .expect("the watcher starts loading the changed folder");

        let frames = Rc::new(Cell::new(0));
        let mut terminal = Terminal::new(Counted::new(80, 24, &frames)).unwrap();
        let mut source = DuringLoad {
            screen: Rc::clone(&terminal.backend().screen),
            keys: VecDeque::from([
                (key(KeyCode::Char('G')), "Le dernier paragraphe"),
                (key(KeyCode::Char('?')), "Ctrl-"),
                (key(KeyCode::Esc), "Paragraphe numéro 40"),
            ]),
            expect: None,
            shown: Vec::new(),
            gate: Some(gate),
            reloaded: "Le tout dernier paragraphe",
            deadline: Instant::now() + Duration::from_secs(60),
        };
        let mut saver = saver();
        let mut desk = Desk::system(false);
        {
            let mut reader = Reader {
                link: Link::new(&app),
                app: &mut app,
                saver: &mut saver,
                desk: &mut desk,
                fault: None,
                tick_due: false,
                publish: false,
                keep_session: false,
            };
            event_loop::run(&mut reader, &mut source, &mut terminal).unwrap();
        }
        assert_eq!(
            source.shown.len(),
            3,
            "each key drawn while the load was held"
        );
        let screen = source.screen.borrow();
        assert!(
            !screen.contains("Paragraphe numéro 1 du"),
            "the reload kept the place the keys reached:\n{screen}"
        );
        assert!(app.watched.is_some(), "still watching after the reload");
    }
}

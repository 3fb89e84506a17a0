//! A terminal that goes away without a SIGHUP (under `su`, `setsid`, or a window closed by a
//! multiplexer): glose must notice the hang-up, give up at once (exit 129, within a second),
//! and keep the position and the note being written.
//!
//! The pseudo-terminal here is made by hand and is not glose's controlling terminal (a plain
//! `Command` does not make it one), so closing its master sends no SIGHUP: glose only sees its
//! input end, as in the cases above.

#![cfg(unix)]
#![allow(clippy::unwrap_used)]

use std::os::fd::{AsFd, OwnedFd};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use glose::store::{Paths, state_file_stem};

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/tour-atelier");

/// glose on a pty whose master this test holds.
struct Pty {
    child: Child,
    master: Option<OwnedFd>,
    stop: Arc<AtomicBool>,
    reader: Option<std::thread::JoinHandle<()>>,
    output: Receiver<Vec<u8>>,
    parser: vt100::Parser,
}

impl Pty {
    fn start(args: &[&str], env: &[(&str, &str)]) -> Self {
        let size = nix::pty::Winsize {
            ws_row: 30,
            ws_col: 100,
            ws_xpixel: 0,
            ws_ypixel: 0,
        };
        // `openpty` does not set close-on-exec: until it is set, no other test thread may start
        // a process, or that process would hold this master open.
        static SPAWNING: std::sync::Mutex<()> = std::sync::Mutex::new(());
        let _spawning = SPAWNING
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let pty = nix::pty::openpty(Some(&size), None).unwrap();
        for fd in [&pty.master, &pty.slave] {
            rustix::io::fcntl_setfd(fd, rustix::io::FdFlags::CLOEXEC).unwrap();
        }
        let slave = pty.slave;
        let mut command = Command::new(env!("CARGO_BIN_EXE_glose"));
        command
            .args(args)
            .env("TERM", "xterm-256color")
            .env("LANG", "fr_FR.UTF-8")
            .env("GLOSE_CONFIG", "")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("NO_COLOR")
            .stdin(Stdio::from(slave.try_clone().unwrap()))
            .stdout(Stdio::from(slave.try_clone().unwrap()))
            .stderr(Stdio::from(slave));
        for (key, value) in env {
            command.env(key, value);
        }
        let child = command.spawn().unwrap();
        let master = pty.master;
        let reading = master.try_clone().unwrap();
        let stop = Arc::new(AtomicBool::new(false));
        let (tx, rx) = channel();
        let stopping = Arc::clone(&stop);
        // Drains the output (so glose never blocks writing) until told to stop, then lets go
        // of its handle on the master.
        let reader = std::thread::spawn(move || {
            use rustix::event::{PollFd, PollFlags, Timespec, poll};
            let wait = Timespec {
                tv_sec: 0,
                tv_nsec: 20_000_000,
            };
            let mut buf = [0u8; 8192];
            while !stopping.load(Ordering::SeqCst) {
                let mut fds = [PollFd::new(&reading, PollFlags::IN)];
                if poll(&mut fds, Some(&wait)).unwrap_or(0) == 0 {
                    continue;
                }
                match rustix::io::read(&reading, &mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => {
                        let _ = tx.send(buf[..n].to_vec());
                    }
                }
            }
        });
        Self {
            child,
            master: Some(master),
            stop,
            reader: Some(reader),
            output: rx,
            parser: vt100::Parser::new(
                std::num::NonZeroU16::new(30).unwrap(),
                std::num::NonZeroU16::new(100).unwrap(),
                0,
            ),
        }
    }

    fn wait_for(&mut self, text: &str) {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(20) {
            if let Ok(bytes) = self.output.recv_timeout(Duration::from_millis(50)) {
                self.parser.process(&bytes);
            }
            if self.parser.screen().contents().contains(text) {
                return;
            }
        }
        panic!(
            "timed out waiting for {text:?}; the screen shows:\n{}",
            self.parser.screen().contents()
        );
    }

    fn send(&self, keys: &str) {
        rustix::io::write(self.master.as_ref().unwrap().as_fd(), keys.as_bytes()).unwrap();
    }

    /// Closes the terminal's other end (no signal is sent) and returns how long glose took to
    /// exit, and its exit code.
    fn close_and_wait(&mut self) -> (Duration, Option<i32>) {
        self.stop.store(true, Ordering::SeqCst);
        self.reader.take().unwrap().join().unwrap();
        drop(self.master.take());
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return (start.elapsed(), status.code());
            }
            if start.elapsed() > Duration::from_secs(10) {
                let _ = self.child.kill();
                panic!("glose did not exit after its terminal went away");
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn bundled_paths(state: &Path) -> Paths {
    let article = glose::content::load_bundled().unwrap().article;
    Paths::in_dirs(state, state, &state_file_stem(&article))
}

#[test]
fn the_reader_ends_at_once_when_its_terminal_goes_away_keeping_the_position_and_the_draft() {
    let state = tempfile::tempdir().unwrap();
    let dir = state.path().to_str().unwrap();
    let mut glose = Pty::start(&[], &[("GLOSE_STATE_DIR", dir)]);
    glose.wait_for("Conclusion");
    glose.send("3");
    glose.wait_for("▶ 3 ·");
    glose.send("a");
    glose.wait_for("Nouvelle note");
    glose.send("pas encore enregistrée");
    glose.wait_for("pas encore enregistrée");
    let (took, code) = glose.close_and_wait();
    assert_eq!(code, Some(129), "a hang-up");
    assert!(took < Duration::from_secs(1), "took {took:?}");
    let paths = bundled_paths(state.path());
    let position = std::fs::read_to_string(&paths.position).expect("the position is saved");
    assert!(position.contains("[[pane]]"), "{position}");
    let draft = std::fs::read_to_string(&paths.draft).expect("the draft is kept");
    assert!(draft.contains("pas encore enregistrée"), "{draft}");
}

#[test]
fn the_presenter_and_the_notes_window_end_at_once_when_their_terminal_goes_away() {
    let dir = tempfile::tempdir().unwrap();
    let run = dir.path().join("run");
    let env = [
        ("GLOSE_RUNTIME_DIR", run.to_str().unwrap()),
        ("GLOSE_STATE_DIR", dir.path().to_str().unwrap()),
    ];
    let mut notes = Pty::start(&["notes", FIXTURE], &env);
    notes.wait_for("En attente d’une présentation");
    let mut presenter = Pty::start(&["present", FIXTURE], &env);
    presenter.wait_for("Étape 1/4");
    notes.wait_for("Étape 1/4");
    let (took, code) = presenter.close_and_wait();
    assert_eq!(code, Some(129));
    assert!(took < Duration::from_secs(1), "the presenter took {took:?}");
    // The presenter's process is gone: the notes window says so, and shows no live stop.
    notes.wait_for("La présentation s’est arrêtée sans prévenir");
    let (took, code) = notes.close_and_wait();
    assert_eq!(code, Some(129));
    assert!(
        took < Duration::from_secs(1),
        "the notes window took {took:?}"
    );
}

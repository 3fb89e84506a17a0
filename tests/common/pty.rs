//! Runs the real `glose` binary in a pseudo-terminal and reads its screen through a vt100
//! parser: what a user's terminal would show, escape sequences and all.

#![allow(dead_code)]

use std::io::{Read, Write};
use std::path::Path;
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// How long any wait may take before the test fails (generous: CI machines are slow).
pub const TIMEOUT: Duration = Duration::from_secs(20);

pub fn nonzero(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).unwrap_or(std::num::NonZeroU16::MIN)
}

pub struct Session {
    pub parser: vt100::Parser,
    /// Every byte the program wrote, for assertions on raw output.
    pub raw: Vec<u8>,
    output: Receiver<Vec<u8>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
    /// Where glose keeps notes and positions unless the test chose (`GLOSE_STATE_DIR`), so no
    /// test ever touches the real home.
    _state: Option<tempfile::TempDir>,
}

impl Session {
    /// Starts `glose ARGS` in a `cols`×`rows` terminal with extra environment variables.
    pub fn start(args: &[&str], cols: u16, rows: u16, env: &[(&str, &str)]) -> Self {
        Self::start_in(args, cols, rows, env, None)
    }

    pub fn start_in(
        args: &[&str],
        cols: u16,
        rows: u16,
        env: &[(&str, &str)],
        cwd: Option<&Path>,
    ) -> Self {
        Self::start_program(env!("CARGO_BIN_EXE_glose"), args, cols, rows, env, cwd)
    }

    /// Starts any program (a shell running glose, for job control) like `start_in`.
    pub fn start_program(
        program: &str,
        args: &[&str],
        cols: u16,
        rows: u16,
        env: &[(&str, &str)],
        cwd: Option<&Path>,
    ) -> Self {
        let pty = native_pty_system();
        let pair = pty
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut command = CommandBuilder::new(program);
        command.args(args);
        command.env("TERM", "xterm-256color");
        command.env_remove("NO_COLOR");
        command.env_remove("LC_ALL");
        command.env_remove("LC_MESSAGES");
        command.env("LANG", "fr_FR.UTF-8");
        // No settings file unless a test gives one: a developer's config.toml stays out.
        command.env("GLOSE_CONFIG", "");
        // The pty answers no queries: glose is told the background is unknown rather than
        // asking (a test that wants the question sets GLOSE_BACKGROUND itself).
        command.env("GLOSE_BACKGROUND", "none");
        let state = if env.iter().any(|(k, _)| *k == "GLOSE_STATE_DIR") {
            None
        } else {
            let dir = tempfile::tempdir().expect("a state directory");
            command.env("GLOSE_STATE_DIR", dir.path());
            Some(dir)
        };
        for (key, value) in env {
            command.env(key, value);
        }
        if let Some(dir) = cwd {
            command.cwd(dir);
        }
        let child = pair.slave.spawn_command(command).expect("spawn glose");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let writer = pair.master.take_writer().expect("pty writer");
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            loop {
                match reader.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => {
                        if tx.send(buf[..n].to_vec()).is_err() {
                            break;
                        }
                    }
                }
            }
        });
        Self {
            parser: vt100::Parser::new(nonzero(rows), nonzero(cols), 0),
            raw: Vec::new(),
            output: rx,
            writer,
            child,
            master: pair.master,
            _state: state,
        }
    }

    /// Feeds whatever output has arrived into the parser, waiting up to `wait` for some.
    fn pump(&mut self, wait: Duration) {
        if let Ok(bytes) = self.output.recv_timeout(wait) {
            self.raw.extend_from_slice(&bytes);
            self.parser.process(&bytes);
        }
        while let Ok(bytes) = self.output.try_recv() {
            self.raw.extend_from_slice(&bytes);
            self.parser.process(&bytes);
        }
    }

    /// The screen's text now.
    pub fn contents(&self) -> String {
        self.parser.screen().contents()
    }

    /// Waits until the screen shows `text`; panics with the screen after `TIMEOUT`.
    pub fn wait_for(&mut self, text: &str) {
        let start = Instant::now();
        while start.elapsed() < TIMEOUT {
            self.pump(Duration::from_millis(50));
            if self.contents().contains(text) {
                return;
            }
        }
        panic!(
            "timed out waiting for {text:?}; the screen shows:\n{}",
            self.contents()
        );
    }

    /// Waits until `predicate` holds for the screen's text.
    pub fn wait_until(&mut self, what: &str, predicate: impl Fn(&str) -> bool) {
        let start = Instant::now();
        while start.elapsed() < TIMEOUT {
            self.pump(Duration::from_millis(50));
            if predicate(&self.contents()) {
                return;
            }
        }
        panic!(
            "timed out waiting for {what}; the screen shows:\n{}",
            self.contents()
        );
    }

    /// Waits until the program has written `bytes` (escape sequences included).
    pub fn wait_for_raw(&mut self, bytes: &str) {
        let start = Instant::now();
        while start.elapsed() < TIMEOUT {
            self.pump(Duration::from_millis(50));
            if self.raw.windows(bytes.len()).any(|w| w == bytes.as_bytes()) {
                return;
            }
        }
        panic!("timed out waiting for {bytes:?} in the output");
    }

    /// Types bytes as a user would (keys are escape sequences: "\t", "\x1b[Z" for Shift-Tab).
    pub fn send(&mut self, bytes: &str) {
        self.writer
            .write_all(bytes.as_bytes())
            .expect("write to pty");
        self.writer.flush().expect("flush pty");
    }

    /// Resizes the terminal (the program gets SIGWINCH).
    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize pty");
        self.parser
            .screen_mut()
            .set_size(nonzero(rows), nonzero(cols));
    }

    /// Resizes the terminal and waits until glose has redrawn the whole screen for a new size
    /// (a screen clear after the resize), so that what the test reads next was drawn for it.
    pub fn resize_and_wait(&mut self, cols: u16, rows: u16) {
        let from = self.raw.len();
        self.resize(cols, rows);
        let start = Instant::now();
        while !self.raw[from..].windows(4).any(|w| w == b"\x1b[2J") {
            assert!(
                start.elapsed() < TIMEOUT,
                "no redraw after resizing to {cols}x{rows}; the screen shows:\n{}",
                self.contents()
            );
            self.pump(Duration::from_millis(50));
        }
    }

    /// The process id, to send it signals.
    pub fn pid(&self) -> Option<u32> {
        self.child.process_id()
    }

    /// Waits for the program to exit and returns its exit code, draining its last output.
    pub fn wait_exit(&mut self) -> u32 {
        let start = Instant::now();
        loop {
            self.pump(Duration::from_millis(20));
            if let Some(status) = self.child.try_wait().expect("wait for glose") {
                // Drain what it wrote just before exiting.
                for _ in 0..5 {
                    self.pump(Duration::from_millis(20));
                }
                return status.exit_code();
            }
            assert!(
                start.elapsed() < TIMEOUT,
                "glose did not exit; screen:\n{}",
                self.contents()
            );
        }
    }

    /// Whether the terminal is in raw mode now (no line editing, no echo, no signal keys).
    #[cfg(unix)]
    pub fn is_raw(&self) -> bool {
        use nix::sys::termios::LocalFlags;
        let termios = self.master.get_termios().expect("read the pty's termios");
        !termios
            .local_flags
            .intersects(LocalFlags::ICANON | LocalFlags::ECHO | LocalFlags::ISIG)
    }

    /// Asserts the terminal was given back: main screen, cursor shown, mouse reporting off.
    pub fn assert_restored(&self) {
        let screen = self.parser.screen();
        assert!(!screen.alternate_screen(), "still on the alternate screen");
        assert!(!screen.hide_cursor(), "cursor still hidden");
        assert_eq!(
            screen.mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "mouse reporting still on"
        );
        #[cfg(unix)]
        {
            use nix::sys::termios::LocalFlags;
            let termios = self.master.get_termios().expect("read the pty's termios");
            let cooked = LocalFlags::ICANON | LocalFlags::ECHO | LocalFlags::ISIG;
            assert!(
                termios.local_flags.contains(cooked),
                "terminal left in raw mode"
            );
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

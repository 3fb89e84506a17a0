//! Runs a command in a 100×30 pseudo-terminal and types `q` each time `MARKER` appears in what
//! it writes, until it exits: a whole-process harness for counting the start-up of glose and of
//! `less` with `perf stat` (which then runs inside the terminal and repeats the program), see
//! BENCHMARKS.md, "Start-up, counted".
//!
//! ```sh
//! cargo build --release && cargo build --example pty_quit
//! target/debug/examples/pty_quit quitter perf stat -r 50 -e task-clock,page-faults -- target/release/glose
//! target/debug/examples/pty_quit READY perf stat -r 50 -e task-clock,page-faults -- less -PsREADY article/text.md
//! ```
//!
//! The command gets the environment of the benchmark `startup`: `TERM=xterm-256color`,
//! `LANG=fr_FR.UTF-8`, no settings (`GLOSE_CONFIG=`), glose's state in a folder of its own
//! (`GLOSE_STATE_DIR`, kept between runs, so every run after the first reopens the article where
//! the previous one left it), no history for less. What the command prints goes to the pty; its
//! exit status is this program's. The marker is searched in the raw bytes written (glose's
//! status line, less's prompt); `QUIT_KEYS` replaces `q`.

use std::io::{Read, Write};
use std::process::ExitCode;
use std::sync::mpsc::{RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

fn main() -> ExitCode {
    let mut args = std::env::args_os().skip(1);
    let (Some(marker), Some(program)) = (args.next(), args.next()) else {
        eprintln!("usage: pty_quit MARKER COMMAND [ARGUMENTS…]");
        return ExitCode::from(2);
    };
    let marker = marker.into_encoded_bytes();
    let keys = std::env::var("QUIT_KEYS").unwrap_or_else(|_| "q".to_owned());
    match run(&marker, program, args.collect(), keys.as_bytes()) {
        Ok((status, screens)) => {
            eprintln!("pty_quit: {screens} screens, exit {status}");
            ExitCode::from(u8::try_from(status).unwrap_or(1))
        }
        Err(error) => {
            eprintln!("pty_quit: {error}");
            ExitCode::from(2)
        }
    }
}

fn run(
    marker: &[u8],
    program: std::ffi::OsString,
    args: Vec<std::ffi::OsString>,
    keys: &[u8],
) -> Result<(u32, usize), Box<dyn std::error::Error>> {
    let pair = native_pty_system().openpty(PtySize {
        rows: 30,
        cols: 100,
        pixel_width: 0,
        pixel_height: 0,
    })?;
    let mut command = CommandBuilder::new(program);
    command.args(args);
    command.cwd(std::env::current_dir()?);
    command.env("TERM", "xterm-256color");
    command.env("LANG", "fr_FR.UTF-8");
    command.env("LESSHISTFILE", "-");
    command.env("LESSCHARSET", "utf-8");
    command.env("GLOSE_CONFIG", "");
    if std::env::var_os("GLOSE_STATE_DIR").is_none() {
        command.env(
            "GLOSE_STATE_DIR",
            std::env::temp_dir().join("glose-pty-quit-state"),
        );
    }
    let mut child = pair.slave.spawn_command(command)?;
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader()?;
    let mut writer = pair.master.take_writer()?;
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        let mut buf = [0u8; 16384];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    // The bytes not yet searched, the end of the last read kept in case the marker is cut.
    let mut pending: Vec<u8> = Vec::new();
    let mut screens = 0;
    let mut quiet_since = Instant::now();
    loop {
        match rx.recv_timeout(Duration::from_millis(50)) {
            Ok(bytes) => {
                quiet_since = Instant::now();
                pending.extend_from_slice(&bytes);
                while let Some(at) = pending.windows(marker.len()).position(|w| w == marker) {
                    screens += 1;
                    pending.drain(..at + marker.len());
                    writer.write_all(keys)?;
                    writer.flush()?;
                }
                let keep = pending.len().saturating_sub(marker.len());
                pending.drain(..keep);
            }
            Err(RecvTimeoutError::Timeout) => {
                if let Some(status) = child.try_wait()? {
                    return Ok((status.exit_code(), screens));
                }
                if quiet_since.elapsed() > Duration::from_secs(30) {
                    child.kill()?;
                    return Err("nothing written for 30 s: killed".into());
                }
            }
            Err(RecvTimeoutError::Disconnected) => {
                let status = child.wait()?;
                return Ok((status.exit_code(), screens));
            }
        }
    }
}

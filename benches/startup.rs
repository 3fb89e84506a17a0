//! Whole-process start-up, side by side with `less` in the same pseudo-terminal: from spawning
//! the process to its first complete screen, then `q` and its exit. Both programs show the same
//! text (the bundled article's `text.md`) in a 100×30 terminal; criterion times every run.
//!
//!
//! `typed_ahead_300j/*`: the same run with 300 `j` typed at once before the `q`, at 80×24 and
//! 200×60: the per-key cost is (this − `start_first_screen_quit` at that size) / 300. glose
//! applies every waiting key before drawing, so typed-ahead keys cost one frame.
//!
//! `cargo bench --bench startup` (needs `less` on the PATH; skipped with a message otherwise).
//! The glose binary measured is the release build at `target/release/glose`: build it first
//! with `cargo build --release`.

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::{Path, PathBuf};
use std::sync::mpsc::channel;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const COLS: u16 = 100;
const ROWS: u16 = 30;

/// Runs `program args` in a 100×30 pty until its screen shows `ready`, types `q`, waits for
/// the exit; returns the wall time of the whole run.
fn run_once(program: &Path, args: &[&str], ready: &str, state: &Path) -> Duration {
    run_keys(program, args, ready, state, (COLS, ROWS), b"q")
}

/// Runs `program args` in a `size` pty until its screen shows `ready`, types `keys` in one
/// write (they must end with the key that quits), waits for the exit; returns the wall time.
fn run_keys(
    program: &Path,
    args: &[&str],
    ready: &str,
    state: &Path,
    (cols, rows): (u16, u16),
    keys: &[u8],
) -> Duration {
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
    command.env("LANG", "fr_FR.UTF-8");
    command.env("LESSHISTFILE", "-");
    command.env("LESSCHARSET", "utf-8");
    // glose's saved position and notes go to a folder of the bench's, and no user settings
    // apply: every run after the first reopens the article where the previous one left it.
    command.env("GLOSE_STATE_DIR", state);
    command.env("GLOSE_CONFIG", "");
    let start = Instant::now();
    let mut child = pair.slave.spawn_command(command).expect("spawn");
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().expect("reader");
    let mut writer = pair.master.take_writer().expect("writer");
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        let mut buf = [0u8; 16384];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    let size = |n: u16| NonZeroU16::new(n).unwrap_or(NonZeroU16::MIN);
    let mut parser = vt100::Parser::new(size(rows), size(cols), 0);
    let deadline = start + Duration::from_secs(10);
    while !parser.screen().contents().contains(ready) {
        assert!(
            Instant::now() < deadline,
            "{} never showed {ready:?}:\n{}",
            program.display(),
            parser.screen().contents()
        );
        if let Ok(bytes) = rx.recv_timeout(Duration::from_millis(100)) {
            parser.process(&bytes);
        }
    }
    writer.write_all(keys).expect("type the keys");
    writer.flush().expect("flush");
    child.wait().expect("wait");
    start.elapsed()
}

fn glose_binary() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("target/release/glose")
}

fn bench_startup(c: &mut Criterion) {
    let text = Path::new(env!("CARGO_MANIFEST_DIR")).join("article/text.md");
    let text = text.to_str().expect("utf-8 path");
    let glose = glose_binary();
    if !glose.exists() {
        eprintln!("skipped: build target/release/glose first (cargo build --release)");
        return;
    }
    let Some(less) = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|d| d.join("less"))
            .find(|p| p.exists())
    }) else {
        eprintln!("skipped: less is not installed");
        return;
    };
    let state = std::env::temp_dir().join(format!("glose-bench-startup-{}", std::process::id()));
    let mut group = c.benchmark_group("start_first_screen_quit");
    group.sample_size(30);
    group.bench_function("glose", |b| {
        b.iter_custom(|iters| {
            (0..iters)
                .map(|_| run_once(&glose, &[], "q quitter", &state))
                .sum()
        });
    });
    group.bench_function("less", |b| {
        b.iter_custom(|iters| {
            (0..iters)
                .map(|_| run_once(&less, &["-PsREADY", text], "READY", &state))
                .sum()
        });
    });
    group.finish();
    let mut keys = vec![b'j'; 300];
    keys.push(b'q');
    for (cols, rows) in [(80u16, 24u16), (200, 60)] {
        for (name, typed) in [("open_quit", &b"q"[..]), ("300j", &keys[..])] {
            let mut group = c.benchmark_group(format!("typed_ahead_{name}"));
            group.sample_size(20);
            let size = format!("{cols}x{rows}");
            group.bench_function(format!("glose_{size}"), |b| {
                b.iter_custom(|iters| {
                    (0..iters)
                        .map(|_| {
                            // From the top every time, as less starts (no saved position).
                            let _ = std::fs::remove_dir_all(&state);
                            run_keys(&glose, &[], "quitter", &state, (cols, rows), typed)
                        })
                        .sum()
                });
            });
            group.bench_function(format!("less_{size}"), |b| {
                b.iter_custom(|iters| {
                    (0..iters)
                        .map(|_| {
                            let args = ["-PsREADY", text];
                            run_keys(&less, &args, "READY", &state, (cols, rows), typed)
                        })
                        .sum()
                });
            });
            group.finish();
        }
    }
    let _ = std::fs::remove_dir_all(&state);
}

criterion_group!(benches, bench_startup);
criterion_main!(benches);

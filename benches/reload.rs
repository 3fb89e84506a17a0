//! A key typed while the article reloads, whole-process: glose shows a long text (a generated
//! folder of about 3 MB, a long novel) in an 80×24 pseudo-terminal; each run saves a change to
//! its `text.md`, waits 200 ms (the watcher's 150 ms debounce, then the reload is under way),
//! types `j` (or `k`, to come back), and times from the key to the screen that shows it
//! scrolled. Then it waits for the change itself to show before the next run.
//!
//! Before, the event loop loaded, checked and laid out the folder itself, and the key waited for
//! all of it; now that runs on the watcher's thread and the key is handled at once.
//!
//! `cargo bench --bench reload` measures `target/release/glose` (build it first with
//! `cargo build --release`); `GLOSE_BEFORE=/path/to/an/older/glose` measures that binary too,
//! in the same run. `GLOSE_RELOAD_MB=8` makes the text bigger.

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use criterion::{Criterion, SamplingMode, criterion_group, criterion_main};
use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

const COLS: u16 = 80;
const ROWS: u16 = 24;
/// From the save to the key: past the watcher's debounce (150 ms), so the reload is under way.
const AFTER_SAVE: Duration = Duration::from_millis(200);
/// How long anything may take before the run is called broken.
const PATIENCE: Duration = Duration::from_secs(60);

/// The fifth paragraph, which each run changes (it stays on screen, scrolled or not).
fn fifth(version: usize) -> String {
    format!("Paragraphe numéro 5 du texte, version {version}.")
}

/// A folder with one long part of short paragraphs, about `megabytes` MB.
fn folder(megabytes: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    std::fs::write(
        dir.path().join("article.toml"),
        "title = \"Recharger\"\nauthor = \"Claire Martin\"\nlanguage = \"fr\"\n\n\
         [[part]]\nid = \"partie-1\"\nkind = \"part\"\nheading = \"Première partie\"\n",
    )
    .expect("write article.toml");
    std::fs::write(dir.path().join("text.md"), text(megabytes, 0)).expect("write text.md");
    dir
}

fn text(megabytes: usize, version: usize) -> String {
    let mut text = String::from("# Première partie\n\n");
    let mut n = 1;
    while text.len() < megabytes * 1_000_000 {
        if n == 5 {
            text.push_str(&fifth(version));
        } else {
            text.push_str(&format!(
                "Paragraphe numéro {n} du texte, qui parle de caractères et de leur codage."
            ));
        }
        text.push_str("\n\n");
        n += 1;
    }
    text
}

/// glose running on the folder, its screen parsed as it comes.
struct Running {
    child: Box<dyn Child + Send + Sync>,
    _master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    screen: Arc<Mutex<vt100::Parser>>,
}

impl Running {
    fn start(program: &Path, dir: &Path, state: &Path) -> Self {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut command = CommandBuilder::new(program);
        command.args(["--lang".as_ref(), "en".as_ref(), dir.as_os_str()]);
        command.env("TERM", "xterm-256color");
        command.env("GLOSE_STATE_DIR", state);
        command.env("GLOSE_CONFIG", "");
        let child = pair.slave.spawn_command(command).expect("spawn glose");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("reader");
        let writer = pair.master.take_writer().expect("writer");
        let size = |n: u16| NonZeroU16::new(n).unwrap_or(NonZeroU16::MIN);
        let screen = Arc::new(Mutex::new(vt100::Parser::new(size(ROWS), size(COLS), 0)));
        let parsed = Arc::clone(&screen);
        std::thread::spawn(move || {
            let mut buf = [0u8; 65536];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                parsed.lock().expect("the screen").process(&buf[..n]);
            }
        });
        let running = Self {
            child,
            _master: pair.master,
            writer,
            screen,
        };
        running.wait_until(|s| s.contains(&fifth(0)));
        running
    }

    /// Waits until the screen's text passes `test`; returns when it did.
    fn wait_until(&self, test: impl Fn(&str) -> bool) -> Instant {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let contents = self.screen.lock().expect("the screen").screen().contents();
            if test(&contents) {
                return Instant::now();
            }
            assert!(Instant::now() < deadline, "never came:\n{contents}");
            std::thread::sleep(Duration::from_micros(200));
        }
    }

    fn send(&mut self, keys: &[u8]) {
        self.writer.write_all(keys).expect("type");
        self.writer.flush().expect("flush");
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        self.send(b"q");
        let _ = self.child.wait();
    }
}

/// One run: a save, a key 200 ms later; the time from the key to its screen.
fn key_during_reload(running: &mut Running, dir: &Path, megabytes: usize, run: usize) -> Duration {
    // Odd runs scroll down one line (the first paragraph leaves the screen), even runs back.
    let (key, first_shown) = if run % 2 == 1 {
        (b"j", false)
    } else {
        (b"k", true)
    };
    std::fs::write(dir.join("text.md"), text(megabytes, run)).expect("save text.md");
    std::thread::sleep(AFTER_SAVE);
    running.send(key);
    let sent = Instant::now();
    let shown = running.wait_until(|s| s.contains("Paragraphe numéro 1 du") == first_shown);
    // The reload itself, before the next run.
    running.wait_until(|s| s.contains(&fifth(run)));
    shown - sent
}

fn bench_reload(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let glose = root.join("target/release/glose");
    if !glose.exists() {
        eprintln!("skipped: build target/release/glose first (cargo build --release)");
        return;
    }
    let megabytes = std::env::var("GLOSE_RELOAD_MB")
        .ok()
        .and_then(|m| m.parse().ok())
        .unwrap_or(3);
    let mut programs = vec![("glose".to_owned(), glose)];
    if let Some(before) = std::env::var_os("GLOSE_BEFORE") {
        programs.push(("before".to_owned(), PathBuf::from(before)));
    }
    let mut group = c.benchmark_group(format!("key_during_reload_{megabytes}mb_80x24"));
    group.sampling_mode(SamplingMode::Flat);
    group.sample_size(10);
    group.warm_up_time(Duration::from_millis(1));
    group.measurement_time(Duration::from_secs(8));
    for (name, program) in programs {
        let dir = folder(megabytes);
        let state = tempfile::tempdir().expect("a state folder");
        let mut running = Running::start(&program, dir.path(), state.path());
        let mut run = 0;
        group.bench_function(name, |b| {
            b.iter_custom(|iters| {
                (0..iters)
                    .map(|_| {
                        run += 1;
                        key_during_reload(&mut running, dir.path(), megabytes, run)
                    })
                    .sum()
            });
        });
    }
    group.finish();
}

criterion_group!(benches, bench_reload);
criterion_main!(benches);

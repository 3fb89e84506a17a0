//! The presenter's session across restarts and deaths, with the real binary in pseudo-terminals:
//! a restart resumes at the stop and the time (at once after a kill, with `r` after a clean
//! quit); a presenter killed with SIGKILL is shown as gone within 2 s; a reader's tour never
//! moves the notes window.

#![cfg(unix)]

mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use common::link::Runtime;
use common::pty::{Session, TIMEOUT};

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/tour-atelier");
const RIGHT: &str = "\x1b[C";

/// The presenter session file in `state` (the only `*.presenter.toml` there).
fn session_file(state: &Path) -> Option<PathBuf> {
    std::fs::read_dir(state)
        .ok()?
        .flatten()
        .map(|e| e.path())
        .find(|p| p.to_string_lossy().ends_with(".presenter.toml"))
}

/// Waits until the session file says `what` (a bounded wait), and returns its contents.
fn wait_for_file(state: &Path, what: &str, holds: impl Fn(&toml::Table) -> bool) -> toml::Table {
    let start = Instant::now();
    loop {
        if let Some(table) = session_file(state)
            .and_then(|p| std::fs::read_to_string(p).ok())
            .and_then(|text| text.parse::<toml::Table>().ok())
            && holds(&table)
        {
            return table;
        }
        assert!(
            start.elapsed() < TIMEOUT,
            "the session file never said {what}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn int(table: &toml::Table, key: &str) -> i64 {
    table
        .get(key)
        .and_then(toml::Value::as_integer)
        .unwrap_or(-1)
}

/// The tour's clock in the presenter's footer (`visite 1:05` → 65 s).
fn tour_clock(screen: &str) -> Option<u64> {
    let footer = screen.lines().rev().find(|l| !l.trim().is_empty())?;
    let at = footer.rfind("visite ")? + "visite ".len();
    let time = footer[at..].split_whitespace().next()?;
    time.split(':')
        .try_fold(0u64, |acc, part| Some(acc * 60 + part.parse::<u64>().ok()?))
}

#[test]
fn a_killed_presenter_resumes_at_its_stop_and_time_and_n_starts_afresh() {
    use nix::sys::signal::{Signal, kill};
    use nix::unistd::Pid;
    let state = tempfile::tempdir().unwrap();
    let env = [("GLOSE_STATE_DIR", state.path().to_str().unwrap())];
    let mut presenter = Session::start(&["present", FIXTURE], 80, 24, &env);
    presenter.wait_for("Étape 1/4");
    presenter.send("3G");
    presenter.wait_for("Étape 3/4");
    presenter.wait_for("visite 0:02");
    // Written on the move, then every few seconds: wait for a file with some time on stop 3.
    let saved = wait_for_file(state.path(), "stop 3 after 2 s", |t| {
        int(t, "stop") == 2 && int(t, "tour_s") >= 2
    });
    assert_eq!(
        saved.get("ended_cleanly"),
        Some(&toml::Value::Boolean(false))
    );
    let saved_s = u64::try_from(int(&saved, "tour_s")).unwrap();
    let id = int(&saved, "id");
    let pid = Pid::from_raw(i32::try_from(presenter.pid().unwrap()).unwrap());
    kill(pid, Signal::SIGKILL).unwrap();
    presenter.wait_exit();

    // Not ended cleanly: resumed at once, and the footer says so until the next key.
    let mut again = Session::start(&["present", FIXTURE], 80, 24, &env);
    again.wait_for("Séance reprise\u{a0}: Étape 3/4");
    again.wait_for("n\u{a0}: nouvelle séance");
    again.send("v"); // any other key: keep the resumed session (and do nothing else)
    again.wait_for("Étape 3/4");
    again.wait_until("the clocks from where they were", |s| {
        tour_clock(s).is_some_and(|t| t >= saved_s)
    });
    let shown = tour_clock(&again.contents()).unwrap();
    assert!(
        shown <= saved_s + 4 + TIMEOUT.as_secs(),
        "resumed at {shown} s, saved {saved_s} s: not counted from the first start"
    );
    let resumed = wait_for_file(state.path(), "the resumed session", |t| {
        int(t, "stop") == 2 && int(t, "tour_s") >= i64::try_from(saved_s).unwrap()
    });
    assert_eq!(int(&resumed, "id"), id, "a resumed session keeps its id");
    again.send("q");
    assert_eq!(again.wait_exit(), 0);
    again.assert_restored();
    let ended = wait_for_file(state.path(), "a clean end", |t| {
        t.get("ended_cleanly") == Some(&toml::Value::Boolean(true))
    });
    assert_eq!(int(&ended, "stop"), 2);

    // Make the file say "cut off" again, and answer n: a new session at stop 1, 0:00.
    let path = session_file(state.path()).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replace("ended_cleanly = true", "ended_cleanly = false"),
    )
    .unwrap();
    let mut third = Session::start(&["present", FIXTURE], 80, 24, &env);
    third.wait_for("Séance reprise\u{a0}: Étape 3/4");
    third.send("n");
    third.wait_until("a new session", |s| {
        s.contains("Étape 1/4") && !s.contains("Séance reprise")
    });
    assert!(tour_clock(&third.contents()).is_some_and(|t| t <= 2));
    let fresh = wait_for_file(state.path(), "a new session", |t| int(t, "id") != id);
    assert_eq!(int(&fresh, "stop"), 0);
    third.send("q");
    assert_eq!(third.wait_exit(), 0);
}

#[test]
fn after_a_clean_quit_the_previous_session_is_offered_and_r_resumes_it() {
    let state = tempfile::tempdir().unwrap();
    let env = [("GLOSE_STATE_DIR", state.path().to_str().unwrap())];
    let mut presenter = Session::start(&["present", FIXTURE], 80, 24, &env);
    presenter.wait_for("Étape 1/4");
    presenter.send(RIGHT);
    presenter.wait_for("Étape 2/4");
    presenter.wait_for("visite 0:03");
    presenter.send("q");
    assert_eq!(presenter.wait_exit(), 0);
    let saved = wait_for_file(state.path(), "a clean end", |t| {
        t.get("ended_cleanly") == Some(&toml::Value::Boolean(true))
    });
    let saved_s = u64::try_from(int(&saved, "tour_s")).unwrap();
    assert!(saved_s >= 3, "{saved:?}");
    assert_eq!(int(&saved, "stop"), 1);

    // Ended cleanly: a new session runs, and the old one is offered.
    let mut again = Session::start(&["present", FIXTURE], 80, 24, &env);
    again.wait_for("Séance précédente\u{a0}: Étape 2/4");
    again.wait_for("r\u{a0}: reprendre");
    again.send("r");
    again.wait_for("Étape 2/4");
    again.wait_until("the clocks from where they were", |s| {
        tour_clock(s).is_some_and(|t| t >= saved_s)
    });
    again.send("q");
    assert_eq!(again.wait_exit(), 0);

    // --new skips the question.
    let mut fresh = Session::start(&["present", "--new", FIXTURE], 80, 24, &env);
    fresh.wait_for("Étape 1/4");
    fresh.wait_for("visite 0:0");
    assert!(!fresh.contents().contains("Séance"), "{}", fresh.contents());
    fresh.send("q");
    assert_eq!(fresh.wait_exit(), 0);
}

#[test]
fn a_presenter_killed_with_sigkill_is_shown_gone_within_two_seconds() {
    use nix::sys::signal::{Signal, kill};
    use nix::unistd::Pid;
    let runtime = Runtime::new();
    let env = runtime.env();
    let mut notes = Session::start(&["notes", FIXTURE], 100, 30, &env);
    notes.wait_for("En attente d’une présentation");
    let mut presenter = Session::start(&["present", FIXTURE], 80, 24, &env);
    presenter.wait_for("Étape 1/4");
    presenter.send(RIGHT);
    presenter.wait_for("Étape 2/4");
    notes.wait_for("  Étape 2/4 · 430 millions");
    // Not reaped by this test until the end: a zombie counts as gone too.
    let pid = Pid::from_raw(i32::try_from(presenter.pid().unwrap()).unwrap());
    kill(pid, Signal::SIGKILL).unwrap();
    let killed = Instant::now();
    notes.wait_for("La présentation s’est arrêtée sans prévenir");
    let took = killed.elapsed();
    // The window looks at the presenter's process on every tick of its clock (once a second),
    // so it knows within about a second; 2 s is the promise, and 0.5 s more covers drawing and
    // this test's reading of the pty on a loaded machine.
    assert!(
        took <= Duration::from_millis(2500),
        "the notes window took {took:?} to say the presenter is gone"
    );
    assert!(
        !notes.contents().contains("Étape 2/4 · 430"),
        "no live stop: {}",
        notes.contents()
    );
    presenter.wait_exit();
    notes.send("q");
    assert_eq!(notes.wait_exit(), 0);
}

#[test]
fn a_readers_tour_beside_a_presenter_never_moves_the_notes_window() {
    let runtime = Runtime::new();
    let env = runtime.env();
    let mut notes = Session::start(&["notes", FIXTURE], 100, 30, &env);
    notes.wait_for("En attente d’une présentation");
    let mut presenter = Session::start(&["present", FIXTURE], 80, 24, &env);
    presenter.wait_for("Étape 1/4");
    presenter.send(RIGHT);
    presenter.wait_for("Étape 2/4");
    // The stop's own heading (the next stop's line says "Ensuite : Étape 2/4 ·" before it).
    notes.wait_for("  Étape 2/4 · 430 millions");
    let mut reader = Session::start(&[FIXTURE], 100, 30, &env);
    reader.wait_for("Le mythe");
    reader.send("t");
    // The reader goes through every stop, back and forth, while the notes window is watched.
    for keys in [RIGHT, RIGHT, RIGHT, "\x1b[D", "\x1b[D", "\x1b[D"] {
        reader.send(keys);
        let start = Instant::now();
        while start.elapsed() < Duration::from_millis(400) {
            notes.wait_until("a moment", |_| true);
            let screen = notes.contents();
            // The stop shown comes first; the next one ("Ensuite : Étape 3/4") after it.
            let first = screen.find("Étape ").map(|at| &screen[at..]);
            assert!(
                first.is_some_and(|s| s.starts_with("Étape 2/4 ·")),
                "the notes moved:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(40));
        }
    }
    reader.wait_for("1/4");
    reader.send("q");
    assert_eq!(reader.wait_exit(), 0);
    presenter.send("q");
    assert_eq!(presenter.wait_exit(), 0);
    notes.send("q");
    assert_eq!(notes.wait_exit(), 0);
}

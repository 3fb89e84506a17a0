//! Facilitators end to end, with the real binary in pseudo-terminals: a presenter and a notes
//! window as two processes; moving the presenter moves the notes; the notes survive the
//! presenter quitting and restarting; both give the terminal back.

#![cfg(unix)]

mod common;

use std::path::Path;

use common::pty::Session;

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/tour-atelier");
const RIGHT: &str = "\x1b[C";

#[test]
fn moving_the_presenter_moves_the_notes() {
    let dir = tempfile::tempdir().unwrap();
    let run = dir.path().join("run");
    let env = [("GLOSE_RUNTIME_DIR", run.to_str().unwrap())];

    let mut notes = Session::start(&["notes", FIXTURE], 80, 24, &env);
    notes.wait_for("En attente d’une présentation");

    let mut presenter = Session::start(&["present", FIXTURE], 80, 24, &env);
    presenter.wait_for("Étape 1/4");
    notes.wait_for("Étape 1/4 · Le mythe de l’autonomie");
    notes.wait_for("Ensuite\u{a0}: Étape 2/4 · 430 millions de modérateurs ?");

    presenter.send(RIGHT);
    presenter.wait_for("Étape 2/4");
    notes.wait_for("Étape 2/4 · 430 millions de modérateurs ?");
    notes.wait_for("Demander à la salle combien de travailleurs");
    notes.wait_for("(pas encore montré)");

    presenter.send("v");
    presenter.wait_for("✗ déformé");
    notes.wait_for("(montré à la salle)");

    presenter.send("b");
    notes.wait_for("écran noir");
    presenter.send("q"); // brings the screen back, nothing else
    notes.wait_until("the screen back", |s| !s.contains("écran noir"));
    presenter.send("q");
    assert_eq!(presenter.wait_exit(), 0);
    presenter.assert_restored();
    notes.wait_for("En attente d’une présentation");

    // A new presenter is followed at once.
    let mut again = Session::start(&["present", FIXTURE], 80, 24, &env);
    again.wait_for("Étape 1/4");
    notes.wait_for("Étape 1/4 · Le mythe de l’autonomie");
    again.send("\x03");
    assert_eq!(again.wait_exit(), 0);
    again.assert_restored();

    notes.send("q");
    assert_eq!(notes.wait_exit(), 0);
    notes.assert_restored();
    let left: Vec<_> = std::fs::read_dir(&run).unwrap().flatten().collect();
    assert!(left.is_empty(), "sockets and state cleaned up: {left:?}");
}

#[test]
fn the_presenter_runs_without_any_notes_window() {
    let dir = tempfile::tempdir().unwrap();
    // A runtime directory others can enter is refused: the presenter runs anyway.
    let open = dir.path().join("open");
    std::fs::create_dir(&open).unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&open, std::fs::Permissions::from_mode(0o777)).unwrap();
    let env = [("GLOSE_RUNTIME_DIR", open.to_str().unwrap())];
    let mut presenter = Session::start(&["present", FIXTURE], 80, 24, &env);
    presenter.wait_for("Étape 1/4");
    presenter.send(RIGHT);
    presenter.wait_for("Étape 2/4");
    presenter.send("q");
    assert_eq!(presenter.wait_exit(), 0);
    presenter.assert_restored();

    let mut notes = Session::start(&["notes", FIXTURE], 80, 24, &env);
    assert_eq!(notes.wait_exit(), 2, "notes cannot listen there");
    // Named, with the reason, in plain words.
    let screen = notes.contents();
    assert!(
        screen.contains("impossible d’écouter la présentation"),
        "{screen}"
    );
    assert!(screen.contains("open"), "{screen}");
    assert!(screen.contains("droits 777"), "{screen}");
    assert!(!screen.contains("os error"), "{screen}");
}

#[test]
fn a_text_without_a_tour_says_so_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    for name in [
        "article.toml",
        "text.md",
        "annotations.toml",
        "sources.toml",
    ] {
        std::fs::copy(Path::new(FIXTURE).join(name), dir.path().join(name)).unwrap();
    }
    for command in ["present", "notes"] {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_glose"))
            .args([command, dir.path().to_str().unwrap()])
            .env("LANG", "en_US.UTF-8")
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1), "{command}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.contains("no guided tour (tour.toml)"),
            "{command}: {stderr}"
        );
    }
}

#[test]
fn a_presenter_ended_by_a_signal_leaves_no_state_behind() {
    use nix::sys::signal::{Signal, kill};
    use nix::unistd::Pid;
    let dir = tempfile::tempdir().unwrap();
    let run = dir.path().join("run");
    let env = [("GLOSE_RUNTIME_DIR", run.to_str().unwrap())];
    let mut presenter = Session::start(&["present", FIXTURE], 80, 24, &env);
    presenter.wait_for("Étape 1/4");
    let has_state = || {
        std::fs::read_dir(&run)
            .map(|entries| {
                entries
                    .flatten()
                    .any(|e| e.path().extension().is_some_and(|x| x == "state"))
            })
            .unwrap_or(false)
    };
    let start = std::time::Instant::now();
    while !has_state() {
        assert!(
            start.elapsed() < common::pty::TIMEOUT,
            "the presenter saved its state"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let pid = Pid::from_raw(i32::try_from(presenter.pid().unwrap()).unwrap());
    kill(pid, Signal::SIGHUP).unwrap();
    assert_eq!(presenter.wait_exit(), 129);
    presenter.assert_restored();
    assert!(
        !has_state(),
        "a notes window started now would not follow a dead presenter"
    );
}

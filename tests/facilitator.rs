//! Facilitators end to end, with the real binary in pseudo-terminals: a presenter and a notes
//! window as two processes; moving the presenter moves the notes; the notes survive the
//! presenter quitting and restarting; both give the terminal back.

#![cfg(unix)]

mod common;

use std::path::Path;

use common::link::Runtime;
use common::pty::Session;

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/tour-atelier");
const RIGHT: &str = "\x1b[C";

#[test]
fn moving_the_presenter_moves_the_notes() {
    let runtime = Runtime::new();
    let (run, env) = (&runtime.run, runtime.env());

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
    let left: Vec<_> = std::fs::read_dir(run).unwrap().flatten().collect();
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
    let runtime = Runtime::new();
    let (run, env) = (&runtime.run, runtime.env());
    let mut presenter = Session::start(&["present", FIXTURE], 80, 24, &env);
    presenter.wait_for("Étape 1/4");
    let has_state = || {
        std::fs::read_dir(run)
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

#[test]
fn the_presenter_writes_its_state_only_when_it_changes_not_as_its_clock_ticks() {
    let runtime = Runtime::new();
    let (run, env) = (&runtime.run, runtime.env());
    let mut presenter = Session::start(&["present", FIXTURE], 80, 24, &env);
    presenter.wait_for("Étape 1/4");
    let state = || {
        std::fs::read_dir(run)
            .ok()?
            .flatten()
            .find(|e| e.path().extension().is_some_and(|x| x == "state"))
            .and_then(|e| std::fs::read_to_string(e.path()).ok())
    };
    let start = std::time::Instant::now();
    while state().is_none() {
        assert!(start.elapsed() < common::pty::TIMEOUT, "no state written");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let first = state().unwrap();
    // Two seconds of the clock on screen: two frames, and nothing new to tell.
    presenter.wait_for("visite 0:02");
    assert_eq!(state().unwrap(), first, "rewritten while nothing changed");
    presenter.send(RIGHT);
    presenter.wait_for("Étape 2/4");
    let start = std::time::Instant::now();
    while state().is_none_or(|now| now == first) {
        assert!(
            start.elapsed() < common::pty::TIMEOUT,
            "the new stop was not written"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert!(state().unwrap().contains(" stop=1 "), "{:?}", state());
    presenter.send("q");
    assert_eq!(presenter.wait_exit(), 0);
}

/// Polls `session` for `how_long`, failing if its screen ever shows `never`.
fn never_shows(session: &mut Session, never: &str, how_long: std::time::Duration) {
    let start = std::time::Instant::now();
    while start.elapsed() < how_long {
        session.wait_until("a moment", |_| true);
        let screen = session.contents();
        assert!(!screen.contains(never), "showed {never:?}:\n{screen}");
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

#[test]
fn a_readers_tour_never_moves_the_notes_and_the_latest_presenter_is_followed() {
    let runtime = Runtime::new();
    let env = runtime.env();
    let mut notes = Session::start(&["notes", FIXTURE], 100, 30, &env);
    notes.wait_for("En attente d’une présentation");
    let mut presenter = Session::start(&["present", FIXTURE], 80, 24, &env);
    presenter.wait_for("Étape 1/4");
    notes.wait_for("Étape 1/4 · Le mythe de l’autonomie");

    // A reader takes the tour beside it, and moves on: the notes stay with the presenter.
    let mut reader = Session::start(&[FIXTURE], 100, 30, &env);
    reader.wait_for("Le mythe");
    reader.send("t");
    reader.send(RIGHT);
    reader.send(RIGHT);
    reader.wait_for("3/4");
    never_shows(
        &mut notes,
        "Étape 3/4 ·",
        std::time::Duration::from_millis(2500),
    );
    assert!(
        notes
            .contents()
            .contains("Étape 1/4 · Le mythe de l’autonomie")
    );
    reader.send("q");
    assert_eq!(reader.wait_exit(), 0);

    // A second presenter: the most recent is followed, and the window says there are two.
    let mut second = Session::start(&["present", FIXTURE], 80, 24, &env);
    second.wait_for("Étape 1/4");
    second.send(RIGHT);
    second.send(RIGHT);
    second.wait_for("Étape 3/4");
    notes.wait_for("Étape 3/4 ·");
    notes.wait_for("plusieurs présentations : la plus récente est suivie");
    presenter.send(RIGHT);
    presenter.wait_for("Étape 2/4");
    never_shows(
        &mut notes,
        "Étape 2/4 ·",
        std::time::Duration::from_millis(1500),
    );
    // The latest one quits: the other one is followed again.
    second.send("q");
    assert_eq!(second.wait_exit(), 0);
    notes.wait_for("Étape 2/4 ·");
    notes.wait_until("one presenter again", |s| {
        !s.contains("plusieurs présentations")
    });
    presenter.send("q");
    assert_eq!(presenter.wait_exit(), 0);
    notes.wait_for("En attente d’une présentation");
    notes.send("q");
    assert_eq!(notes.wait_exit(), 0);
}

#[test]
fn a_number_then_g_jumps_to_that_stop() {
    let mut presenter = Session::start(&["present", FIXTURE], 80, 24, &[]);
    presenter.wait_for("Étape 1/4");
    presenter.send("3G");
    presenter.wait_for("Étape 3/4");
    presenter.send("1\r");
    presenter.wait_for("Étape 1/4");
    presenter.send("G");
    presenter.wait_for("Étape 4/4");
    presenter.send("2");
    presenter.wait_for("→ 2");
    presenter.send("g");
    presenter.wait_for("Étape 2/4");
    presenter.send("q");
    assert_eq!(presenter.wait_exit(), 0);
    presenter.assert_restored();
}

#[test]
fn five_g_jumps_to_stop_5_of_the_bundled_tour() {
    let mut presenter = Session::start(&["present"], 120, 35, &[]);
    presenter.wait_for("Étape 1/");
    presenter.send("5G");
    presenter.wait_for("Étape 5/");
    presenter.send("q");
    assert_eq!(presenter.wait_exit(), 0);
}

#[test]
fn t_pauses_the_clocks_on_both_screens_and_capital_t_resets_them_after_asking() {
    let runtime = Runtime::new();
    let env = runtime.env();
    let mut notes = Session::start(&["notes", FIXTURE], 100, 30, &env);
    notes.wait_for("En attente d’une présentation");
    let mut presenter = Session::start(&["present", FIXTURE], 80, 24, &env);
    presenter.wait_for("visite 0:01");
    presenter.send("t");
    presenter.wait_for("en pause ·");
    notes.wait_for("en pause");
    let paused = presenter.contents();
    std::thread::sleep(std::time::Duration::from_millis(1500));
    presenter.wait_until("still paused", |s| s.contains("en pause"));
    let footer = |s: &str| s.lines().last().unwrap_or("").to_owned();
    assert_eq!(
        footer(&presenter.contents()),
        footer(&paused),
        "the clock stands still"
    );
    presenter.send("T");
    presenter.wait_for("Chronomètres à 0:00 ? T : oui, autre touche : non");
    presenter.send("T");
    presenter.wait_for("en pause · 0:00 / 2:00 · visite 0:00");
    presenter.send("t");
    presenter.wait_for("visite 0:01");
    notes.wait_until("running again", |s| !s.contains("en pause"));
    presenter.send("q");
    assert_eq!(presenter.wait_exit(), 0);
    notes.send("q");
    assert_eq!(notes.wait_exit(), 0);
}

#[test]
fn a_presenter_leaving_keeps_the_state_of_the_one_that_spoke_last() {
    let runtime = Runtime::new();
    let env = runtime.env();
    let mut first = Session::start(&["present", FIXTURE], 80, 24, &env);
    first.wait_for("Étape 1/4");
    let mut second = Session::start(&["present", FIXTURE], 80, 24, &env);
    second.wait_for("Étape 1/4");
    second.send(RIGHT);
    second.send(RIGHT);
    second.wait_for("Étape 3/4");
    // The first one leaves: its goodbye must not take the second one's state with it.
    first.send("q");
    assert_eq!(first.wait_exit(), 0);
    // A notes window opened now, while the second presenter is idle, catches up at once.
    let mut notes = Session::start(&["notes", FIXTURE], 100, 30, &env);
    notes.wait_for("Étape 3/4 ·");
    second.send("q");
    assert_eq!(second.wait_exit(), 0);
    notes.wait_for("En attente d’une présentation");
    notes.send("q");
    assert_eq!(notes.wait_exit(), 0);
}

#[test]
fn a_state_naming_a_running_process_that_is_no_presenter_is_not_followed() {
    let runtime = Runtime::new();
    let run = &runtime.run;
    std::fs::create_dir(run).unwrap();
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(run, std::fs::Permissions::from_mode(0o700)).unwrap();
    }
    // A presenter that died an hour ago on stop 3, its process id since given to another
    // process that runs: this test.
    let key = glose::content::load_path(Path::new(FIXTURE))
        .unwrap()
        .article
        .text_hash();
    let state = glose::link::PresenterState {
        stop: 2,
        stops: 4,
        tour_ms: 600_000,
        stop_ms: 60_000,
        blanked: false,
        paused: false,
        revealed: false,
        sent_ms: glose::link::unix_ms() - 3_600_000,
        session: glose::link::unix_ms() - 4_200_000,
        votes: None,
    };
    let wire = glose::link::Announcement::State(state).encode_from(&key, std::process::id());
    std::fs::write(run.join(format!("{key}.state")), wire).unwrap();
    let env = runtime.env();
    let mut notes = Session::start(&["notes", FIXTURE], 100, 30, &env);
    notes.wait_for("En attente d’une présentation");
    assert!(
        !notes.contents().contains("Étape 3/4"),
        "{}",
        notes.contents()
    );
    notes.send("q");
    assert_eq!(notes.wait_exit(), 0);
}

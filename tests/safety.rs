//! Nothing lost, nobody in, through the real binary: a runtime folder another user prepared full
//! of links, pipes and devices where settings or notes should be, a huge settings file, two
//! processes saving one notes file under a held lock, a window killed while holding it, a note
//! being written when SIGTERM comes, and `export -o` onto the article's own text.

#![cfg(unix)]
#![allow(clippy::unwrap_used)]

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::pty::Session;
use glose::notebook::{Note, Notebook, Place, Spot};
use glose::store::{Paths, Store, state_file_stem};

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/tour-atelier");

/// Runs glose to completion with `env`, killing it (and failing) after 10 s.
fn run(args: &[&str], env: &[(&str, &str)]) -> (Output, Duration) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_glose"));
    command
        .args(args)
        .env("LANG", "fr_FR.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("GLOSE_CONFIG", "")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (key, value) in env {
        command.env(key, value);
    }
    let start = Instant::now();
    let mut child = command.spawn().unwrap();
    loop {
        if child.try_wait().unwrap().is_some() {
            return (child.wait_with_output().unwrap(), start.elapsed());
        }
        if start.elapsed() > Duration::from_secs(10) {
            let _ = child.kill();
            panic!("glose {args:?} hung");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn mkfifo(path: &Path) {
    assert!(Command::new("mkfifo").arg(path).status().unwrap().success());
}

fn bundled_paths(state: &Path) -> Paths {
    let article = glose::content::load_bundled().unwrap().article;
    Paths::in_dirs(state, state, &state_file_stem(&article))
}

#[test]
fn a_pipe_as_the_settings_file_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("config.toml");
    mkfifo(&fifo);
    let (output, took) = run(&["--config", fifo.to_str().unwrap(), "print"], &[]);
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(message.contains("tube nommé"), "{message}");
    assert!(message.contains("config.toml"), "{message}");
    assert!(took < Duration::from_secs(2), "{took:?}");
}

#[test]
fn a_huge_settings_file_is_refused_fast_with_a_short_message() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(&config, format!("theme = \"{}\"\n", "x".repeat(9 << 20))).unwrap();
    let (output, took) = run(&["--config", config.to_str().unwrap(), "print"], &[]);
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(message.contains("dépasse 8 Mio"), "{message}");
    assert!(message.len() < 400, "{} bytes", message.len());
    assert!(took < Duration::from_secs(2), "{took:?}");
    // Under the limit but with a very long value: quoted on one short line.
    std::fs::write(&config, format!("theme = \"{}\"\n", "x".repeat(100_000))).unwrap();
    let (output, _) = run(&["--config", config.to_str().unwrap(), "print"], &[]);
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(message.len() < 1500, "{} bytes: {message}", message.len());
    assert!(
        message.lines().all(|l| l.chars().count() < 260),
        "{message}"
    );
}

#[test]
fn a_pipe_or_a_device_as_the_notes_file_is_refused_and_left_alone() {
    let state = tempfile::tempdir().unwrap();
    let paths = bundled_paths(state.path());
    mkfifo(&paths.notes);
    let env = [("GLOSE_STATE_DIR", state.path().to_str().unwrap())];
    let (output, took) = run(&["notes", "export"], &env);
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(message.contains("tube nommé"), "{message}");
    assert!(took < Duration::from_secs(2), "{took:?}");
    std::fs::remove_file(&paths.notes).unwrap();
    std::os::unix::fs::symlink("/dev/zero", &paths.notes).unwrap();
    let (output, took) = run(&["notes", "export"], &env);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("périphérique"),
        "{}",
        stderr(&output)
    );
    assert!(took < Duration::from_secs(2), "{took:?}");

    // The reader opens anyway, says why in the status line, and leaves the pipe alone.
    std::fs::remove_file(&paths.notes).unwrap();
    mkfifo(&paths.notes);
    let mut session = Session::start(&[], 100, 30, &env);
    session.wait_for("tube nommé");
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
    use std::os::unix::fs::FileTypeExt;
    assert!(
        std::fs::symlink_metadata(&paths.notes)
            .unwrap()
            .file_type()
            .is_fifo()
    );
}

#[test]
fn export_never_writes_over_the_articles_own_files() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("article");
    std::fs::create_dir(&article).unwrap();
    for name in [
        "article.toml",
        "text.md",
        "annotations.toml",
        "sources.toml",
    ] {
        std::fs::copy(Path::new(FIXTURE).join(name), article.join(name)).unwrap();
    }
    let text = article.join("text.md");
    let before = std::fs::read(&text).unwrap();
    let export = |from: &Path, to: &Path| {
        run(
            &["export", from.to_str().unwrap(), "-o", to.to_str().unwrap()],
            &[],
        )
        .0
    };
    let output = export(&article, &text);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("un des fichiers du texte"),
        "{}",
        stderr(&output)
    );
    assert_eq!(std::fs::read(&text).unwrap(), before);
    // Through another name for the same file, too.
    let other = dir.path().join("other.md");
    std::os::unix::fs::symlink(&text, &other).unwrap();
    assert_eq!(export(&article, &other).status.code(), Some(2));
    assert_eq!(std::fs::read(&text).unwrap(), before);
    // A plain text file exported onto itself.
    assert_eq!(export(&text, &text).status.code(), Some(2));
    assert_eq!(std::fs::read(&text).unwrap(), before);
    // Elsewhere is fine.
    let handout = dir.path().join("handout.md");
    let output = export(&article, &handout);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(handout.exists());
}

#[test]
fn a_note_being_written_survives_sigterm_and_is_offered_back() {
    use nix::sys::signal::{Signal, kill};
    use nix::unistd::Pid;
    let state = tempfile::tempdir().unwrap();
    let env = [("GLOSE_STATE_DIR", state.path().to_str().unwrap())];
    let mut session = Session::start(&[], 100, 30, &env);
    session.wait_for("Conclusion");
    session.send("a");
    session.wait_for("Nouvelle note");
    session.send("Une idée à ne pas perdre");
    session.wait_for("Une idée à ne pas perdre");
    let pid = Pid::from_raw(i32::try_from(session.pid().unwrap()).unwrap());
    kill(pid, Signal::SIGTERM).unwrap();
    assert_eq!(session.wait_exit(), 143);
    session.assert_restored();
    let paths = bundled_paths(state.path());
    assert!(
        std::fs::read_to_string(&paths.draft)
            .unwrap()
            .contains("Une idée à ne pas perdre")
    );

    // Next start: offered back; restored and saved.
    let mut session = Session::start(&[], 100, 30, &env);
    session.wait_for("Restaurer la note non enregistrée");
    session.wait_for("Une idée à ne pas perdre");
    session.send("o");
    session.wait_for("Note restaurée");
    session.send(" !\x13");
    session.wait_for("Note enregistrée");
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
    assert!(!paths.draft.exists(), "answered: the draft file is gone");
    let notes = std::fs::read_to_string(&paths.notes).unwrap();
    assert!(notes.contains("Une idée à ne pas perdre !"), "{notes}");

    // A draft dropped is gone for good.
    std::fs::write(
        &paths.draft,
        "version = 1\ntext = \"à jeter\"\npart = \"x\"\n",
    )
    .unwrap();
    let mut session = Session::start(&[], 100, 30, &env);
    session.wait_for("Restaurer la note non enregistrée");
    session.send("n");
    session.wait_for("Note non enregistrée abandonnée");
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
    assert!(!paths.draft.exists());
    assert!(
        !std::fs::read_to_string(&paths.notes)
            .unwrap()
            .contains("à jeter")
    );
}

fn note(id: &str, text: &str) -> Note {
    Note {
        id: id.to_owned(),
        created: 1,
        updated: 1,
        spot: Spot {
            part: "partie-1".to_owned(),
            quote: "Le mythe".to_owned(),
            ..Spot::default()
        },
        text: text.to_owned(),
        conflict: false,
        place: Place::Orphan,
    }
}

const CHILD_ENV: &str = "GLOSE_SAFETY_CHILD_DIR";

fn open(dir: &Path) -> (Store, glose::store::Loaded) {
    Store::open(Paths::in_dirs(dir, dir, "essai"), "Essai")
}

/// The child: reads the notes, adds its own, saves once (waiting for the lock), says how it went.
fn saving_child(dir: &Path) {
    let (mut store, loaded) = open(dir);
    let mut book = loaded.notebook;
    book.notes.push(note("from-child", "de l’enfant"));
    println!("ready");
    match store.save_notes(&book) {
        Ok(_) => println!("saved"),
        Err(problem) => println!("not saved: {problem:?}"),
    }
}

#[test]
fn two_processes_saving_under_a_held_lock_keep_both_notes() {
    if let Some(dir) = std::env::var_os(CHILD_ENV) {
        saving_child(Path::new(&dir));
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let (mut store, loaded) = open(dir.path());
    let mut book = loaded.notebook;
    book.notes.push(note("first", "la première"));
    book = store.save_notes(&book).unwrap();
    // This process holds the lock (as a slow save on a network home would)…
    let lock = lock_of(dir.path());
    let held = hold(&lock);
    let child = this_test_as_child(
        "two_processes_saving_under_a_held_lock_keep_both_notes",
        CHILD_ENV,
        dir.path(),
    )
    .spawn()
    .unwrap();
    // …and, while the other waits for it, saves a note of its own (by hand, under the lock).
    // (Longer than the half second a save used to wait before writing anyway.)
    std::thread::sleep(Duration::from_millis(800));
    book.notes.push(note("from-parent", "du parent"));
    let file = Paths::in_dirs(dir.path(), dir.path(), "essai").notes;
    let text = format!(
        "version = 1\n{}",
        toml::to_string(&Notebook {
            notes: book.notes.clone(),
            bookmarks: Vec::new()
        })
        .unwrap()
    );
    glose::store::write_atomic(&file, text.as_bytes(), glose::store::Durability::Durable).unwrap();
    drop(held);
    let output = child.wait_with_output().unwrap();
    let said = String::from_utf8_lossy(&output.stdout);
    assert!(said.contains("\nsaved"), "{said}");
    let (_, reread) = open(dir.path());
    let mut ids: Vec<&str> = reread
        .notebook
        .notes
        .iter()
        .map(|n| n.id.as_str())
        .collect();
    ids.sort_unstable();
    assert_eq!(ids, vec!["first", "from-child", "from-parent"]);

    // A lock held for longer than a save waits: nothing written, and said.
    let held = hold(&lock);
    let before = std::fs::read(&file).unwrap();
    let output = this_test_as_child(
        "two_processes_saving_under_a_held_lock_keep_both_notes",
        CHILD_ENV,
        dir.path(),
    )
    .output()
    .unwrap();
    let said = String::from_utf8_lossy(&output.stdout);
    assert!(said.contains("not saved: Busy"), "{said}");
    assert_eq!(std::fs::read(&file).unwrap(), before);
    drop(held);
}

/// This test binary re-run as a child doing the part of the test `name` that `env` (set to `dir`)
/// selects; its standard output piped, its errors dropped.
fn this_test_as_child(name: &str, env: &str, dir: &Path) -> Command {
    let mut command = Command::new(std::env::current_exe().unwrap());
    command
        .args([name, "--exact", "--nocapture", "--test-threads=1"])
        .env(env, dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    command
}

/// The lock file of the notes in `dir`.
fn lock_of(dir: &Path) -> PathBuf {
    PathBuf::from(format!(
        "{}.lock",
        Paths::in_dirs(dir, dir, "essai").notes.display()
    ))
}

/// Takes the lock a saving glose takes: the system's exclusive lock on the lock file.
fn hold(lock: &Path) -> std::fs::File {
    let file = std::fs::File::options()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(lock)
        .unwrap();
    file.lock().unwrap();
    file
}

const HOLDER_ENV: &str = "GLOSE_SAFETY_LOCK_HOLDER";

#[test]
fn a_window_killed_while_holding_the_lock_never_blocks_a_save() {
    if let Some(dir) = std::env::var_os(HOLDER_ENV) {
        // The child: takes the lock as a save does, says so, and hangs there until killed.
        let _held = hold(&lock_of(Path::new(&dir)));
        println!("locked");
        std::thread::sleep(Duration::from_secs(60));
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut child = this_test_as_child(
        "a_window_killed_while_holding_the_lock_never_blocks_a_save",
        HOLDER_ENV,
        dir.path(),
    )
    .spawn()
    .unwrap();
    let mut said = String::new();
    let mut out = std::io::BufReader::new(child.stdout.take().unwrap());
    while !said.contains("locked") {
        let mut line = String::new();
        assert!(
            std::io::BufRead::read_line(&mut out, &mut line).unwrap() > 0,
            "the child ended before taking the lock: {said}"
        );
        said.push_str(&line);
    }
    let (mut store, loaded) = open(dir.path());
    let mut book = loaded.notebook;
    book.notes.push(note("after", "après la mort"));
    let wait = Duration::from_millis(200);
    let busy = store.save_notes_waiting(&book, wait).unwrap_err();
    assert!(format!("{busy:?}").starts_with("Busy"), "{busy:?}");
    // SIGKILL: no chance to clean anything up; the system lets go of the lock.
    child.kill().unwrap();
    child.wait().unwrap();
    let saved = store.save_notes_waiting(&book, wait).unwrap();
    assert_eq!(saved.notes.len(), 1);
    let (_, reread) = open(dir.path());
    assert_eq!(reread.notebook.notes[0].text, "après la mort");
}

/// Whether this test runs as root (it can then give a folder to another user).
fn is_root() -> bool {
    rustix::process::geteuid().is_root()
}

#[test]
fn a_runtime_folder_prepared_by_another_user_is_never_written_through() {
    if !is_root() {
        println!(
            "skipped: this test gives a folder to another user, which only root can do \
             (run the tests as root to include it)"
        );
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let temp = dir.path();
    // The victim: a file the attacker wants a root presenter to overwrite.
    let victim = temp.join("victim");
    std::fs::write(&victim, "précieux").unwrap();
    // The attacker's folder, where glose would look first, full of links named like the
    // presenter's files.
    let article = glose::content::load_path(Path::new(FIXTURE))
        .unwrap()
        .article;
    let key = article.text_hash();
    let trap = temp.join("glose-alice");
    std::fs::create_dir(&trap).unwrap();
    for name in [
        format!("{key}.state"),
        format!(".{key}.state.1.tmp"),
        format!("{key}-1.sock"),
    ] {
        std::os::unix::fs::symlink(&victim, trap.join(name)).unwrap();
    }
    // The presenter's temporary state file used to be named after its process id: links for
    // the ids coming next.
    let me = std::process::id();
    for pid in me..me + 3000 {
        std::os::unix::fs::symlink(&victim, trap.join(format!("{key}.state.{pid}"))).unwrap();
    }
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&trap, std::fs::Permissions::from_mode(0o700)).unwrap();
    std::os::unix::fs::lchown(&trap, Some(4242), Some(4242)).unwrap();

    let env = [
        ("TMPDIR", temp.to_str().unwrap()),
        ("USER", "alice"),
        ("XDG_RUNTIME_DIR", ""),
        ("GLOSE_RUNTIME_DIR", ""),
    ];
    // The presenter and a notes window use the uid-named folder instead, and work.
    let mut notes = Session::start(&["notes", FIXTURE], 80, 24, &env);
    notes.wait_for("En attente d’une présentation");
    let mut presenter = Session::start(&["present", FIXTURE], 80, 24, &env);
    presenter.wait_for("Étape 1/4");
    notes.wait_for("Étape 1/4");
    presenter.send("\x1b[C");
    presenter.wait_for("Étape 2/4");
    notes.wait_for("Étape 2/4");
    let fallback = temp.join("glose-0");
    assert!(fallback.join(format!("{key}.state")).is_file());
    presenter.send("q");
    assert_eq!(presenter.wait_exit(), 0);
    notes.send("q");
    assert_eq!(notes.wait_exit(), 0);
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "précieux");

    // Both folders foreign: the notes window refuses, naming each folder and why.
    std::os::unix::fs::lchown(&fallback, Some(4242), Some(4242)).unwrap();
    let mut notes = Session::start(&["notes", FIXTURE], 120, 30, &env);
    assert_eq!(notes.wait_exit(), 2);
    let screen = notes.contents();
    assert!(screen.contains("glose-alice"), "{screen}");
    assert!(screen.contains("glose-0"), "{screen}");
    assert!(
        screen.contains("appartient à un autre utilisateur (identifiant 4242)"),
        "{screen}"
    );
    assert!(!screen.contains("os error"), "{screen}");
    // The presenter runs without the link, and still writes nothing through the links.
    let mut presenter = Session::start(&["present", FIXTURE], 80, 24, &env);
    presenter.wait_for("Étape 1/4");
    presenter.send("\x1b[C");
    presenter.wait_for("Étape 2/4");
    presenter.send("q");
    assert_eq!(presenter.wait_exit(), 0);
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "précieux");
}

#[test]
fn a_presenter_killed_while_blank_is_never_shown_as_live() {
    use nix::sys::signal::{Signal, kill};
    use nix::unistd::Pid;
    let dir = tempfile::tempdir().unwrap();
    let run = dir.path().join("run");
    let env = [("GLOSE_RUNTIME_DIR", run.to_str().unwrap())];
    let mut notes = Session::start(&["notes", FIXTURE], 80, 24, &env);
    notes.wait_for("En attente d’une présentation");
    let mut presenter = Session::start(&["present", FIXTURE], 80, 24, &env);
    presenter.wait_for("Étape 1/4");
    presenter.send("b");
    notes.wait_for("écran noir");
    // SIGKILL: no goodbye, and its saved state stays behind, blank (so never too old).
    let pid = Pid::from_raw(i32::try_from(presenter.pid().unwrap()).unwrap());
    kill(pid, Signal::SIGKILL).unwrap();
    presenter.wait_exit();
    notes.wait_for("La présentation s’est arrêtée sans prévenir");
    assert!(!notes.contents().contains("écran noir"));
    // A window opened now does not follow the dead presenter either.
    let mut late = Session::start(&["notes", FIXTURE], 80, 24, &env);
    late.wait_for("La présentation s’est arrêtée sans prévenir");
    late.wait_for("En attente d’une présentation");
    late.send("q");
    assert_eq!(late.wait_exit(), 0);
    notes.send("q");
    assert_eq!(notes.wait_exit(), 0);
}

#[test]
fn a_notes_file_broken_by_hand_while_reading_loses_nothing_and_is_named() {
    let state = tempfile::tempdir().unwrap();
    let env = [("GLOSE_STATE_DIR", state.path().to_str().unwrap())];
    let paths = bundled_paths(state.path());
    let mut session = Session::start(&[], 100, 30, &env);
    session.wait_for("Conclusion");
    session.send("B");
    session.wait_for("Signet posé");
    assert!(paths.notes.exists());
    std::fs::write(&paths.notes, "édité à la main [pas du toml").unwrap();
    session.send("2");
    session.wait_for("▶ 2 ·");
    session.send("B");
    session.wait_for("mis de côté sous");
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
    // Named on stderr too, once the terminal is back.
    session.wait_for(".corrupt-");
    let text = std::fs::read_to_string(&paths.notes).unwrap();
    assert_eq!(text.matches("[[bookmark]]").count(), 2, "{text}");
    let aside: Vec<_> = std::fs::read_dir(state.path())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains(".corrupt-"))
        .collect();
    assert_eq!(aside.len(), 1);
    assert_eq!(
        std::fs::read_to_string(aside[0].path()).unwrap(),
        "édité à la main [pas du toml"
    );
}

#[test]
fn a_note_being_written_survives_a_panic_and_is_offered_back() {
    let state = tempfile::tempdir().unwrap();
    let dir = state.path().to_str().unwrap();
    let env = [
        ("GLOSE_STATE_DIR", dir),
        ("GLOSE_TEST_FAULT", "panic-with-draft"),
        ("RUST_BACKTRACE", "0"),
    ];
    let mut session = Session::start(&[], 100, 30, &env);
    session.wait_for("Conclusion");
    session.send("a");
    session.wait_for("Nouvelle note");
    // The first frame drawn with unsaved words in the editor panics.
    session.send("Rien ne se perd");
    assert_eq!(session.wait_exit(), 101);
    session.assert_restored();
    let paths = bundled_paths(state.path());
    let draft = std::fs::read_to_string(&paths.draft).unwrap();
    assert!(
        draft.contains('R'),
        "the panic hook wrote the draft: {draft}"
    );

    // Next start (no fault): offered back.
    let env = [("GLOSE_STATE_DIR", dir)];
    let mut session = Session::start(&[], 100, 30, &env);
    session.wait_for("Restaurer la note non enregistrée");
    session.send("o");
    session.wait_for("Note restaurée");
    session.send("\x13");
    session.wait_for("Note enregistrée");
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
    assert!(!paths.draft.exists());
}

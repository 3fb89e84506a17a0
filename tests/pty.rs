//! The real binary in a pseudo-terminal: it draws the article, answers keys, and gives the
//! terminal back on every way out (q, Ctrl-C, SIGINT, SIGQUIT, SIGTERM, SIGHUP, a panic, an error
//! once the terminal is taken, a start-up error, Ctrl-Z and fg, a storm of resizes).

#![cfg(unix)]

mod common;

use common::pty::Session;

/// The four part titles as the reader shows them.
const TITLES: [&str; 4] = [
    "Le mythe d’une IA autonome",
    "Une économie fondée sur le silence",
    "Une légitimation des sacrifices humains",
    "Conclusion",
];

fn started(cols: u16, rows: u16) -> Session {
    let mut session = Session::start(&[], cols, rows, &[]);
    for title in TITLES {
        session.wait_for(title);
    }
    session
}

#[test]
fn reads_tabs_to_the_world_bank_and_quits_cleanly() {
    let mut session = started(100, 30);
    assert!(session.parser.screen().alternate_screen());
    session.send("\t");
    session.wait_for("Working Without Borders");
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
    session.assert_restored();
}

#[test]
fn ctrl_c_quits_cleanly() {
    let mut session = started(80, 24);
    session.send("\x03");
    assert_eq!(session.wait_exit(), 0);
    session.assert_restored();
}

/// SIGINT and SIGQUIT sent by another process (not typed: raw mode turns the keys off), and
/// every signal to the presenter too.
#[test]
fn every_handled_signal_restores_the_terminal_in_the_reader_and_the_presenter() {
    use nix::sys::signal::{Signal, kill};
    use nix::unistd::Pid;
    let signals = [
        (Signal::SIGINT, 130),
        (Signal::SIGQUIT, 131),
        (Signal::SIGTERM, 143),
        (Signal::SIGHUP, 129),
    ];
    for (args, shown) in [(&[][..], TITLES[0]), (&["present"][..], "Étape 1/")] {
        for (signal, code) in signals {
            let mut session = Session::start(args, 80, 24, &[]);
            session.wait_for(shown);
            let pid = Pid::from_raw(i32::try_from(session.pid().unwrap()).unwrap());
            kill(pid, signal).unwrap();
            assert_eq!(session.wait_exit(), code, "{args:?} {signal}");
            session.assert_restored();
        }
    }
}

#[test]
fn a_bad_path_is_reported_before_the_terminal_is_taken() {
    let mut session = Session::start(&["/nonexistent/article"], 80, 24, &[]);
    assert_eq!(session.wait_exit(), 2);
    assert!(
        session.contents().contains("/nonexistent/article"),
        "{}",
        session.contents()
    );
    assert!(
        !session.raw.windows(8).any(|w| w == b"\x1b[?1049h"),
        "alternate screen was entered"
    );
    session.assert_restored();
}

#[test]
fn resizing_reflows_at_once() {
    let mut session = started(120, 40);
    session.resize(60, 20);
    session.wait_until("the narrow arrangement", |screen| {
        screen
            .lines()
            .all(|line| line.trim_end().chars().count() <= 60)
            && screen.contains("Conclusion")
    });
    session.resize(30, 10);
    session.wait_for("Terminal trop petit");
    session.resize(100, 30);
    session.wait_for(TITLES[1]);
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
    session.assert_restored();
}

/// A key typed as the window is resized takes effect at once, not with the next key (crossterm's
/// default epoll event source could leave it unread; glose uses its poll(2) source). `?` opens
/// and closes the help; each wait ends only on a whole frame of the new size, so that the next
/// key is typed only once the previous one has been seen.
#[test]
fn a_key_typed_during_a_resize_is_never_held_back() {
    let mut session = started(120, 40);
    let settled = |cols: usize, help: bool| {
        move |screen: &str| {
            let last = screen.lines().last().unwrap_or("");
            screen.contains("glose — Aide") == help
                && last.contains("q quitter")
                && last.chars().count() == cols
        }
    };
    for round in 0..12u16 {
        let (cols, rows) = if round % 2 == 0 { (100, 30) } else { (120, 40) };
        session.resize(cols, rows);
        session.send("?");
        session.wait_until("the help open", settled(usize::from(cols), true));
        session.resize(cols + 10, rows + 4);
        session.send("?");
        session.wait_until("the help closed", settled(usize::from(cols + 10), false));
    }
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
    session.assert_restored();
}

/// The main screen after glose has exited, one string per row, trailing blanks trimmed.
fn rows(session: &Session) -> Vec<String> {
    let (_, cols) = session.parser.screen().size();
    session
        .parser
        .screen()
        .rows(0, cols.get())
        .map(|row| row.trim_end().to_owned())
        .collect()
}

#[test]
fn a_storm_of_resizes_leaves_the_screen_a_fresh_start_draws() {
    use glose::app::App;
    use glose::i18n::Lang;
    use glose::theme::{Theme, ThemeName};
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    let mut session = started(120, 40);
    // Shrinking drops what the terminal showed; growing back to the first size leaves ratatui
    // no size change to notice: only a whole redraw after every resize gets this right.
    for (cols, rows) in [
        (60, 20),
        (7, 3),
        (200, 60),
        (41, 12),
        (1, 1),
        (160, 45),
        (80, 24),
        (120, 40),
    ] {
        session.resize(cols, rows);
    }
    let article = glose::content::load_bundled().unwrap().article;
    let app = App::new(
        article,
        Lang::Fr,
        Theme::named(ThemeName::Default),
        (120, 40),
    );
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    terminal
        .draw(|frame| glose::ui::render(&app, frame))
        .unwrap();
    let expected: Vec<String> = terminal
        .backend()
        .buffer()
        .content
        .chunks(120)
        .map(|row| row.iter().map(|c| c.symbol()).collect::<String>())
        .map(|row| row.trim_end().to_owned())
        .collect();
    session.wait_until("the screen of a fresh start at 120x40", |_| true);
    let start = std::time::Instant::now();
    while rows(&session) != expected {
        assert!(
            start.elapsed() < common::pty::TIMEOUT,
            "after the storm the screen shows:\n{}\nexpected:\n{}",
            rows(&session).join("\n"),
            expected.join("\n")
        );
        session.wait_until("more output", |_| true);
    }
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
    session.assert_restored();
}

/// A panic while drawing (injected, debug builds only): the terminal is given back before the
/// panic message is printed, so the message is readable on the main screen.
#[cfg(debug_assertions)]
#[test]
fn a_panic_gives_the_terminal_back_and_says_why() {
    let mut session = Session::start(
        &[],
        80,
        24,
        &[("GLOSE_TEST_FAULT", "panic"), ("RUST_BACKTRACE", "0")],
    );
    assert_eq!(session.wait_exit(), 101);
    session.assert_restored();
    assert!(
        session.raw.windows(8).any(|w| w == b"\x1b[?1049h"),
        "the terminal was taken first"
    );
    assert!(
        session
            .contents()
            .contains("fault injected by GLOSE_TEST_FAULT=panic"),
        "{}",
        session.contents()
    );
}

/// An I/O error once the terminal is taken (injected, debug builds only): exit 2, a message,
/// the terminal given back.
#[cfg(debug_assertions)]
#[test]
fn an_error_during_start_up_gives_the_terminal_back() {
    let mut session = Session::start(&[], 80, 24, &[("GLOSE_TEST_FAULT", "start")]);
    assert_eq!(session.wait_exit(), 2);
    session.assert_restored();
    assert!(session.raw.windows(8).any(|w| w == b"\x1b[?1049h"));
    assert!(
        session
            .contents()
            // The session speaks French (LANG=fr_FR.UTF-8): « glose : erreur du terminal : … ».
            .contains("glose : erreur du terminal : fault injected by GLOSE_TEST_FAULT=start"),
        "{}",
        session.contents()
    );
}

/// Runs `glose ARGS` under a job-control shell (so that glose's process group is not orphaned:
/// the kernel ignores SIGTSTP in an orphaned group, and Ctrl-Z would do nothing), waits for
/// `shown`, presses Ctrl-Z, resizes the terminal while glose is stopped, then `fg`: checks the
/// terminal is given back while stopped, and taken again (raw mode, alternate screen), redrawn
/// whole at the new size, after. Returns the session, glose running again.
fn suspend_resize_and_resume(args: &str, env: &[(&str, &str)], shown: &[&str]) -> Session {
    let script = format!("\"$GLOSE\" {args}; echo SUSPENDU; read -r line; fg");
    let mut env = env.to_vec();
    env.push(("GLOSE", env!("CARGO_BIN_EXE_glose")));
    let mut session = Session::start_program(
        "bash",
        &["--norc", "--noprofile", "-m", "-c", &script],
        100,
        30,
        &env,
        None,
    );
    for text in shown {
        session.wait_for(text);
    }
    assert!(session.is_raw());
    session.send("\x1a");
    session.wait_for("SUSPENDU");
    // Stopped: the shell has a normal terminal back.
    session.assert_restored();
    session.resize(90, 26);
    session.send("\n");
    session.wait_until("glose back at 90 columns", |screen| {
        shown.iter().all(|text| screen.contains(text))
            && !screen.contains("SUSPENDU")
            && screen
                .lines()
                .all(|line| line.trim_end().chars().count() <= 90)
    });
    assert!(session.parser.screen().alternate_screen());
    assert!(session.is_raw(), "raw mode again after fg");
    session
}

/// Ctrl-Z in the reader, a resize while stopped, `fg`.
#[test]
fn ctrl_z_suspends_and_fg_redraws_at_the_new_size() {
    let mut session = suspend_resize_and_resume("", &[], &[TITLES[0], "Conclusion"]);
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
    session.assert_restored();
}

/// Ctrl-Z in the facilitator's notes window, likewise.
#[test]
fn ctrl_z_suspends_the_notes_window_too() {
    let dir = tempfile::tempdir().unwrap();
    let run = dir.path().join("run");
    let env = [("GLOSE_RUNTIME_DIR", run.to_str().unwrap())];
    let mut session = suspend_resize_and_resume("notes", &env, &["En attente d’une présentation"]);
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
    session.assert_restored();
}

//! The real binary in a pseudo-terminal: it draws the article, answers keys, and gives the
//! terminal back on every way out (q, Ctrl-C, SIGTERM, SIGHUP, a start-up error).

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

#[test]
fn sigterm_and_sighup_restore_the_terminal() {
    use nix::sys::signal::{Signal, kill};
    use nix::unistd::Pid;
    for (signal, code) in [(Signal::SIGTERM, 143), (Signal::SIGHUP, 129)] {
        let mut session = started(80, 24);
        let pid = Pid::from_raw(i32::try_from(session.pid().unwrap()).unwrap());
        kill(pid, signal).unwrap();
        assert_eq!(session.wait_exit(), code, "{signal}");
        session.assert_restored();
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

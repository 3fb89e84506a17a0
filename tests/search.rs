//! Search, the lookup lists and a remapped key in the real binary, in a pseudo-terminal: what a
//! student types and sees, end to end.

#![cfg(unix)]

mod common;

use common::pty::Session;

fn started(cols: u16, rows: u16, env: &[(&str, &str)]) -> Session {
    let mut session = Session::start(&[], cols, rows, env);
    session.wait_for("Le mythe d’une IA autonome");
    session
}

#[test]
fn search_finds_without_accents_counts_walks_and_clears() {
    let mut session = started(100, 30, &[]);
    session.send("/moderateur");
    session.wait_for("/moderateur");
    session.send("\r");
    session.wait_for("/moderateur 1/2");
    session.send("n");
    session.wait_for("/moderateur 2/2");
    // The second match is in part II, which now has the focus.
    session.wait_until("part II focused", |screen| screen.contains("▶ 2 · II."));
    session.send("n");
    session.wait_for("la recherche reprend au début");
    session.send("\x1b");
    session.wait_until("the search cleared", |screen| {
        !screen.contains("/moderateur")
    });
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
    session.assert_restored();
}

#[test]
fn the_index_filters_and_enter_selects_the_annotation() {
    let mut session = started(100, 30, &[]);
    session.send("i");
    session.wait_for("Index · 52 annotations");
    session.send("/430");
    session.wait_for("Index · 1 annotation");
    session.send("\r");
    session.wait_until("the index closed and the side pane filled", |screen| {
        !screen.contains("Index ·") && screen.contains("Working Without Borders")
    });
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
    session.assert_restored();
}

#[test]
fn a_remapped_key_works_and_the_help_lists_it() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("config.toml");
    std::fs::write(&path, "[keys]\n\"x\" = \"toggle_index\"\n").expect("write the settings");
    let path = path.display().to_string();
    let mut session = started(100, 45, &[("GLOSE_CONFIG", &path)]);
    session.send("i");
    session.send("x");
    session.wait_for("Index · 52 annotations");
    session.send("\x1b");
    session.wait_until("the index closed", |screen| !screen.contains("Index ·"));
    session.send("?");
    session.wait_until("the help lists x for the index", |screen| {
        screen
            .lines()
            .any(|line| line.contains(" x ") && line.contains("index des chiffres, citations"))
    });
    // q closes the help, then quits the reader.
    session.send("q");
    session.wait_until("the help closed", |screen| !screen.contains("glose — Aide"));
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
    session.assert_restored();
}

//! Notes, bookmarks and the remembered position through the real binary in a pseudo-terminal:
//! open, move, write a note with the editor, quit, reopen: same place, note there; `--fresh`;
//! SIGTERM saves the position; a corrupt state file is set aside and reported; `glose notes
//! export` prints the note as Markdown.

#![cfg(unix)]
#![allow(clippy::unwrap_used)]

mod common;

use std::path::Path;
use std::process::Command;

use common::pty::Session;
use glose::store::{Paths, state_file_stem};

const FIRST_TITLE: &str = "Le mythe d’une IA autonome";

fn start(state: &Path, args: &[&str]) -> Session {
    let dir = state.to_str().unwrap();
    let mut session = Session::start(args, 100, 30, &[("GLOSE_STATE_DIR", dir)]);
    session.wait_for(FIRST_TITLE);
    session.wait_for("Conclusion");
    session
}

/// The first row of text in the focused pane (the row under its `▶` title), without borders.
fn first_row(screen: &str) -> String {
    let mut lines = screen.lines().skip_while(|l| !l.contains('▶'));
    lines.next();
    let row = lines.next().unwrap_or("");
    let left: String = row.chars().take(58).collect();
    left.trim_matches(|c: char| c == '┃' || c == '│' || c == '✎' || c == '⚑' || c.is_whitespace())
        .to_owned()
}

fn paths(state: &Path) -> Paths {
    let article = glose::content::load_bundled().unwrap().article;
    Paths::in_dirs(state, state, &state_file_stem(&article))
}

#[test]
fn position_and_note_survive_a_restart_and_fresh_starts_at_the_top() {
    let state = tempfile::tempdir().unwrap();
    let mut session = start(state.path(), &[]);
    let top_at_start = first_row(&session.contents());
    // Part II, down a page and a few lines.
    // (l h after the digit: it goes to part II and is no count for the Space after it.)
    session.send("2");
    session.wait_until("part II focused", |s| s.contains("▶ 2 ·"));
    session.send("lh jjj");
    session.wait_until("scrolled", |s| {
        first_row(s) != top_at_start && s.contains("▶ 2 ·")
    });
    // A key bound to nothing says so: once it shows, every key before it has been drawn.
    session.send("x");
    session.wait_for("touche inconnue");
    let top = first_row(&session.contents());
    assert!(!top.is_empty());
    // A note with the editor: `q` and `j` are letters here, Enter a new line, Ctrl-S saves.
    session.send("a");
    session.wait_for("Nouvelle note");
    session.send("Relire q j\rÉtudiante : « à vérifier »");
    session.wait_for("« à vérifier »");
    session.send("\x13");
    session.wait_for("Note enregistrée");
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
    session.assert_restored();
    let files = paths(state.path());
    assert!(files.notes.exists() && files.position.exists());

    // Reopen: same place, the note is in the list.
    let mut session = start(state.path(), &[]);
    session.wait_until("the same row at the top", |s| {
        s.contains("▶ 2 ·") && first_row(s) == top
    });
    session.send("A");
    session.wait_for("Mes notes (1)");
    session.wait_for("Relire q j");
    session.send("q");
    session.wait_until("the list closed", |s| !s.contains("Mes notes ("));
    session.send("q");
    assert_eq!(session.wait_exit(), 0);

    // --fresh: the top of part I, the note still there.
    let mut session = start(state.path(), &["--fresh"]);
    session.wait_until("part I at the top", |s| {
        s.contains("▶ 1 ·") && first_row(s) == top_at_start
    });
    session.send("A");
    session.wait_for("Relire q j");
    session.send("q"); // closes the list
    session.wait_until("the list closed", |s| !s.contains("Mes notes ("));
    session.send("q");
    assert_eq!(session.wait_exit(), 0);

    // Export: Markdown with the passage and the note.
    let output = Command::new(env!("CARGO_BIN_EXE_glose"))
        .args(["notes", "export"])
        .env("GLOSE_STATE_DIR", state.path())
        .env("LANG", "fr_FR.UTF-8")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let markdown = String::from_utf8(output.stdout).unwrap();
    assert!(markdown.starts_with("# Notes\u{a0}: IA"), "{markdown}");
    assert!(markdown.contains("## II."), "{markdown}");
    assert!(markdown.contains("\n> "), "{markdown}");
    // Each line of the note is a Markdown paragraph of its own.
    assert!(
        markdown.contains("Relire q j\n\nÉtudiante : « à vérifier »"),
        "{markdown}"
    );

    // The same note as a W3C Web Annotation, its quote at its position in the exported text.
    let w3c = |format: &str| {
        let output = Command::new(env!("CARGO_BIN_EXE_glose"))
            .args(["--lang", "en", "notes", "export", "--format", format])
            .env("GLOSE_STATE_DIR", state.path())
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0));
        String::from_utf8(output.stdout).unwrap()
    };
    let collection: serde_json::Value = serde_json::from_str(&w3c("w3c")).unwrap();
    assert_eq!(collection["@context"], "http://www.w3.org/ns/anno.jsonld");
    assert_eq!(collection["total"], 1);
    let note = &collection["first"]["items"][0];
    assert_eq!(note["motivation"], "commenting");
    assert_eq!(
        note["body"][0]["value"],
        "Relire q j\nÉtudiante : « à vérifier »"
    );
    let selectors = note["target"]["selector"].as_array().unwrap();
    let exact = selectors[0]["exact"].as_str().unwrap();
    let start = usize::try_from(selectors[1]["start"].as_u64().unwrap()).unwrap();
    let end = usize::try_from(selectors[1]["end"].as_u64().unwrap()).unwrap();
    let text = Command::new(env!("CARGO_BIN_EXE_glose"))
        .args(["export", "--format", "text"])
        .output()
        .unwrap()
        .stdout;
    let text: Vec<char> = String::from_utf8(text).unwrap().chars().collect();
    assert_eq!(text[start..end].iter().collect::<String>(), exact);
}

#[test]
fn sigterm_saves_the_position() {
    use nix::sys::signal::{Signal, kill};
    use nix::unistd::Pid;
    let state = tempfile::tempdir().unwrap();
    let mut session = start(state.path(), &[]);
    // (l h after the digit: it goes to part III and is no count for the Spaces after it.)
    session.send("3");
    session.wait_until("part III focused", |s| s.contains("▶ 3 ·"));
    session.send("lh  x");
    // The unknown key's word shows once both pages have been drawn.
    session.wait_for("touche inconnue");
    assert!(session.contents().contains("▶ 3 ·"));
    let top = first_row(&session.contents());
    let pid = Pid::from_raw(i32::try_from(session.pid().unwrap()).unwrap());
    kill(pid, Signal::SIGTERM).unwrap();
    assert_eq!(session.wait_exit(), 143);
    session.assert_restored();
    let mut session = start(state.path(), &[]);
    session.wait_until("the same row at the top", |s| {
        s.contains("▶ 3 ·") && first_row(s) == top
    });
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
}

#[test]
fn a_corrupt_notes_file_is_set_aside_and_reported() {
    let state = tempfile::tempdir().unwrap();
    let files = paths(state.path());
    std::fs::write(&files.notes, "[[note]\nid = \"cassé").unwrap();
    let mut session = start(state.path(), &[]);
    session.wait_for("mis de côté");
    // The reader works: a bookmark is saved into a fresh file.
    session.send("B");
    session.wait_for("Signet posé");
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
    session.assert_restored();
    // After exit, the full message on stderr says where the old file went.
    session.wait_for(".corrupt-");
    let aside: Vec<_> = std::fs::read_dir(state.path())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .contains(".notes.toml.corrupt-")
        })
        .collect();
    assert_eq!(aside.len(), 1);
    assert_eq!(
        std::fs::read_to_string(aside[0].path()).unwrap(),
        "[[note]\nid = \"cassé"
    );
    let saved = std::fs::read_to_string(&files.notes).unwrap();
    assert!(saved.contains("[[bookmark]]"), "{saved}");
}

#[test]
fn notes_that_cannot_be_saved_are_printed_at_exit() {
    let state = tempfile::tempdir().unwrap();
    let files = paths(state.path());
    // A directory where the notes file should be: unreadable, and never replaced.
    std::fs::create_dir(&files.notes).unwrap();
    let mut session = start(state.path(), &[]);
    session.wait_for("illisible");
    session.send("a");
    session.wait_for("Nouvelle note");
    session.send("Ne pas perdre");
    session.send("\x13");
    session.wait_for("non enregistré");
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
    session.assert_restored();
    session.wait_for("les voici");
    session.wait_for("Ne pas perdre");
    assert!(files.notes.is_dir(), "left as it was");
}

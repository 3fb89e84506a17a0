//! Drafts: a folder with content errors still opens, in the reader (pty), the presenter and
//! `export`, with its problems one key away; `check` keeps its exit codes.

#![cfg(unix)]

mod common;

use std::path::Path;
use std::process::Command;

use common::pty::Session;

const FIXTURE: &str = "tests/fixtures/every-mistake";

fn fixture() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(FIXTURE)
        .to_str()
        .expect("UTF-8 path")
        .to_owned()
}

#[test]
fn the_reader_opens_a_draft_and_lists_its_problems_and_orphans() {
    let path = fixture();
    let mut session = Session::start(&["--lang", "en", &path], 100, 30, &[]);
    session.wait_for("Unicode réunit les « sous-fontes »");
    session.wait_for("14 problems — press ! to see them");
    session.send("!");
    session.wait_for("Draft · 14 problems");
    session.wait_for("article.toml:5:1");
    session.wait_for("= help: did you mean 'part'?");
    // Any other key closes it (`!` again here: an Esc followed at once by `i` reads as Alt-i).
    session.send("!");
    session.wait_until("the overlay closed", |screen| {
        !screen.contains("Draft · 14")
    });
    session.send("i");
    // The orphans are listed with a mark, never dropped.
    session.wait_for("⚠ orphan       “les polices installées sur la machine”");
    session.send("G");
    session.wait_for("'polices' matches nothing in the text");
    session.send("q");
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
    session.assert_restored();
}

#[test]
fn the_presenter_opens_a_draft() {
    let path = fixture();
    let mut session = Session::start(&["present", "--lang", "en", &path], 100, 30, &[]);
    // Only the stop whose keys are all right remains: the others are reported.
    session.wait_for("Stop 1/1");
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
    session.assert_restored();
}

#[test]
fn export_writes_a_draft_with_a_notice_and_check_still_fails() {
    for (format, notice) in [
        ("markdown", "> **Draft: 14 problems**"),
        ("html", "<strong>Draft: 14 problems</strong>"),
    ] {
        let output = Command::new(env!("CARGO_BIN_EXE_glose"))
            .args(["export", "--lang", "en", "--format", format, &fixture()])
            .output()
            .expect("run glose");
        assert_eq!(output.status.code(), Some(1), "content errors: exit 1");
        let handout = String::from_utf8(output.stdout).expect("UTF-8");
        assert!(handout.contains(notice), "{handout}");
        assert!(handout.contains("sous-fontes"), "{handout}");
    }
    let output = Command::new(env!("CARGO_BIN_EXE_glose"))
        .args(["check", &fixture()])
        .output()
        .expect("run glose");
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
}

//! `glose export`: the handout is compared byte for byte with golden files in `tests/golden/`,
//! through the real binary.
//!
//! After an intended change (to the handout or to the article), regenerate the golden files with
//! `GLOSE_BLESS=1 cargo test --test handout` and read the diff before committing it.

mod common;

use std::process::Command;

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/tour-atelier");

/// Runs `glose ARGS` and returns its standard output, asserting it succeeded.
fn glose(args: &[&str]) -> Vec<u8> {
    let output = Command::new(env!("CARGO_BIN_EXE_glose"))
        .args(args)
        .env("LANG", "en_US.UTF-8")
        .output()
        .expect("run glose");
    assert!(
        output.status.success(),
        "glose {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output.stdout
}

fn golden(name: &str, actual: &[u8]) {
    common::golden::golden("handout", name, actual);
}

#[test]
fn markdown_handout_of_the_bundled_article() {
    golden("handout.md", &glose(&["export"]));
}

#[test]
fn markdown_handout_of_the_workshop_fixture() {
    golden("handout-atelier.md", &glose(&["export", FIXTURE]));
}

#[test]
fn html_handout_of_the_workshop_fixture() {
    golden(
        "handout-atelier.html",
        &glose(&["export", FIXTURE, "--format", "html"]),
    );
}

#[test]
fn output_file_gets_the_same_bytes_as_standard_output() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("handout.md");
    let stdout = glose(&["export", FIXTURE, "-o", file.to_str().unwrap()]);
    assert!(stdout.is_empty());
    assert_eq!(std::fs::read(&file).unwrap(), glose(&["export", FIXTURE]));
}

#[test]
fn an_unwritable_output_is_exit_2() {
    let output = Command::new(env!("CARGO_BIN_EXE_glose"))
        .args(["export", FIXTURE, "-o", "/nonexistent/dir/handout.md"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("/nonexistent/dir/handout.md"));
}

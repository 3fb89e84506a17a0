//! `glose export`: the handout is compared byte for byte with golden files in `tests/golden/`,
//! through the real binary.
//!
//! After an intended change (to the handout or to the article), regenerate the golden files with
//! `GLOSE_BLESS=1 cargo test --test handout` and read the diff before committing it.

use std::path::Path;
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

/// Compares `actual` with the golden file `name`, or rewrites it under `GLOSE_BLESS=1`.
fn golden(name: &str, actual: &[u8]) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("GLOSE_BLESS").is_some() {
        std::fs::write(&path, actual).expect("write the golden file");
        return;
    }
    let expected = std::fs::read(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (GLOSE_BLESS=1 creates it)", path.display()));
    if expected != actual {
        let expected = String::from_utf8_lossy(&expected);
        let actual = String::from_utf8_lossy(actual);
        let line = expected
            .lines()
            .zip(actual.lines())
            .position(|(e, a)| e != a)
            .unwrap_or_else(|| expected.lines().count().min(actual.lines().count()));
        panic!(
            "{} differs from line {}:\n  expected: {:?}\n  actual:   {:?}\n\
             (GLOSE_BLESS=1 cargo test --test handout regenerates it)",
            path.display(),
            line + 1,
            expected.lines().nth(line),
            actual.lines().nth(line)
        );
    }
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

//! `glose print`: the bundled article as wrapped plain text, compared byte for byte with
//! `tests/golden/print-80.txt`; the same text when standard output is not a terminal; and what
//! holds at any width (lines fit, no control character, every annotation numbered once).
//!
//! After an intended change (to the output or to the article), regenerate the golden file with
//! `GLOSE_BLESS=1 cargo test --test print` and read the diff before committing it.

mod common;

use std::io::{Read, Write};
use std::process::{Command, Stdio};

use glose::i18n::Lang;
use glose::text::wrap::str_width;

/// Runs glose with stdout piped (so not a terminal), in French, without a settings file.
fn glose(args: &[&str]) -> Vec<u8> {
    let output = Command::new(env!("CARGO_BIN_EXE_glose"))
        .args(args)
        .env("LANG", "fr_FR.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("GLOSE_CONFIG", "")
        .stdin(Stdio::null())
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
    common::golden::golden("print", name, actual);
}

#[test]
fn print_of_the_bundled_article_at_80_columns() {
    golden("print-80.txt", &glose(&["print", "--width", "80"]));
}

#[test]
fn glose_prints_when_its_output_is_not_a_terminal() {
    assert_eq!(
        glose(&[]),
        glose(&["print"]),
        "same text, 80 columns by default"
    );
}

#[test]
fn every_width_fits_and_every_annotation_is_numbered_once() {
    let article = glose::content::load_bundled()
        .expect("the bundled article loads")
        .article;
    for width in [20, 40, 72, 80, 120] {
        let mut out = Vec::new();
        glose::print::print(&article, width, Lang::Fr, &mut out).expect("print");
        let text = String::from_utf8(out).expect("UTF-8");
        for line in text.lines() {
            let url = line.trim_start().starts_with("http");
            assert!(url || str_width(line) <= width, "{width}: {line:?}");
            assert!(!line.chars().any(char::is_control), "{line:?}");
            assert!(
                !line.contains(['┌', '│', '─', '━']),
                "no box drawing: {line:?}"
            );
        }
        for n in 1..=article.annotations.len() {
            let marker = format!("[{n}]");
            // Once after the words, once heading its note.
            assert_eq!(text.matches(&marker).count(), 2, "{width}: {marker}");
        }
        if width >= 72 {
            for part in &article.parts {
                assert!(text.contains(&part.heading), "{width}: {}", part.heading);
            }
        }
    }
}

#[cfg(unix)]
#[test]
fn a_closed_pipe_ends_quietly() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_glose"))
        .args(["print", "--width", "40"])
        .env("GLOSE_CONFIG", "")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run glose");
    let mut stdout = child.stdout.take().expect("stdout");
    let mut first = [0u8; 64];
    stdout.read_exact(&mut first).expect("some output");
    drop(stdout);
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut stderr)
        .expect("read stderr");
    let status = child.wait().expect("wait");
    assert!(status.success(), "{status:?}: {stderr}");
    assert!(stderr.is_empty(), "{stderr}");
    let _ = std::io::stdout().flush();
}

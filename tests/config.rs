//! Settings through the real binary: a bad `config.toml` stops glose with exit code 2 and a
//! located message before the terminal is touched; `glose config --print-default` prints a
//! file that parses back to the defaults; `glose config` checks a file.

use std::path::Path;
use std::process::Command;

mod common;

fn glose(args: &[&str], env: &[(&str, &str)]) -> std::process::Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_glose"));
    command
        .args(args)
        .env_remove("GLOSE_CONFIG")
        .env("LANG", "en_US.UTF-8");
    for (key, value) in env {
        command.env(key, value);
    }
    command.output().expect("run glose")
}

fn write(dir: &Path, text: &str) -> String {
    let path = dir.join("config.toml");
    std::fs::write(&path, text).expect("write the settings file");
    path.display().to_string()
}

#[test]
fn a_bad_setting_exits_2_with_file_line_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "theme = \"default\"\n\nmax_text_width = 5\n");
    for args in [
        vec!["--config", path.as_str()],
        vec!["print", "--config", path.as_str()],
    ] {
        let out = glose(&args, &[]);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(&format!("{path}:3:18")), "{stderr}");
        assert!(stderr.contains("3 | max_text_width = 5"), "{stderr}");
        assert!(out.stdout.is_empty(), "nothing else happened");
    }
    // GLOSE_CONFIG names the file too; in French when the locale is.
    let out = glose(&[], &[("GLOSE_CONFIG", &path), ("LANG", "fr_FR.UTF-8")]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.starts_with("erreur"), "{stderr}");
}

#[test]
fn a_missing_config_file_is_an_error_when_named() {
    let out = glose(&["--config", "/nonexistent/glose/config.toml"], &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/glose/config.toml"));
}

#[test]
fn the_printed_default_parses_back_to_the_defaults() {
    for lang in ["en_US.UTF-8", "fr_FR.UTF-8"] {
        let out = glose(&["config", "--print-default"], &[("LANG", lang)]);
        assert_eq!(out.status.code(), Some(0));
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains("[keys]"));
        let config = glose::config::parse(&text, Path::new("default"), glose::i18n::Lang::En)
            .expect("the default file parses");
        assert_eq!(config, glose::config::Config::default());
        // And glose accepts it as its settings file.
        let dir = tempfile::tempdir().unwrap();
        let path = write(dir.path(), &text);
        let out = glose(&["config", "--config", &path], &[]);
        assert_eq!(out.status.code(), Some(0), "{:?}", out.stderr);
        assert!(String::from_utf8_lossy(&out.stdout).contains("valid"));
    }
}

#[test]
fn glose_config_reports_a_conflict() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "[keys]\n\"n\" = \"next_annotation\"\n");
    let out = glose(&["config", "--config", &path], &[]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("key 'n' is bound to both 'search_next' and 'next_annotation'"),
        "{stderr}"
    );
    assert!(stderr.contains(&format!("{path}:2:1")), "{stderr}");
}

#[cfg(unix)]
#[test]
fn a_bad_setting_never_takes_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "[keys]\n\"x\" = \"nope\"\n");
    let mut session = common::pty::Session::start(&["--config", &path], 80, 24, &[]);
    assert_eq!(session.wait_exit(), 2);
    let raw = String::from_utf8_lossy(&session.raw);
    assert!(
        raw.contains("unknown action") || raw.contains("action inconnue"),
        "{raw}"
    );
    assert!(
        !raw.contains("\u{1b}[?1049h"),
        "the alternate screen was never entered"
    );
    session.assert_restored();
}

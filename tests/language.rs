//! The interface language, from the user's side: the `--lang` option, then the settings file,
//! then the locale; when the locale names no language glose speaks (`C`, `POSIX`, unset, or one
//! it has no table for), the article's own language if glose speaks it, else English. And each
//! output speaks one language: no English label around French content, no French spacing
//! around English labels.

#![cfg(unix)]

mod common;

use std::process::{Command, Stdio};

use common::pty::Session;

const ENGLISH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/english");
const FRENCH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/tour-atelier");
const NBSP: char = '\u{a0}';

/// Runs glose with stdout piped, no settings file, and only the locale variables given.
fn glose(args: &[&str], locale: &[(&str, &str)]) -> String {
    let mut command = Command::new(env!("CARGO_BIN_EXE_glose"));
    command
        .args(args)
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("GLOSE_CONFIG", "")
        .stdin(Stdio::null());
    for (key, value) in locale {
        command.env(key, value);
    }
    let output = command.output().expect("run glose");
    assert!(
        output.status.success(),
        "glose {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8")
}

/// The labels `glose print` writes in each language.
const FRENCH_LABELS: [&str; 4] = [
    "Contexte\u{a0}:",
    "Ce que dit la source\u{a0}:",
    "Questions pour la discussion\u{a0}:",
    "Source\u{a0}:",
];
const ENGLISH_LABELS: [&str; 4] = [
    "Context:",
    "What the source says:",
    "Questions for discussion:",
    "Source:",
];

fn assert_french(text: &str, what: &str) {
    for label in FRENCH_LABELS {
        assert!(text.contains(label), "{what}: no « {label} »");
    }
    for label in ENGLISH_LABELS {
        assert!(!text.contains(label), "{what}: English label « {label} »");
    }
}

fn assert_english(text: &str, what: &str) {
    for label in ENGLISH_LABELS {
        assert!(text.contains(label), "{what}: no « {label} »");
    }
    for label in FRENCH_LABELS {
        assert!(!text.contains(label), "{what}: French label « {label} »");
    }
}

/// English punctuation in an English text: no space before a colon or a question mark.
fn assert_english_spacing(text: &str, what: &str) {
    for mark in [" :", "\u{a0}:", " ?", "\u{a0}?"] {
        assert!(!text.contains(mark), "{what}: French spacing « {mark} »");
    }
}

#[test]
fn a_locale_glose_does_not_speak_gives_way_to_the_article_language() {
    for locale in [
        &[("LANG", "C")][..],
        &[("LANG", "POSIX")],
        &[],
        &[("LANG", "de_DE.UTF-8")],
        &[("LC_ALL", "C"), ("LANG", "en_US.UTF-8")],
    ] {
        let what = format!("{locale:?}");
        assert_french(&glose(&["print"], locale), &format!("bundled, {what}"));
        assert_french(
            &glose(&["print", FRENCH], locale),
            &format!("French, {what}"),
        );
        let english = glose(&["print", ENGLISH], locale);
        assert_english(&english, &format!("English, {what}"));
        assert_english_spacing(&english, &format!("English, {what}"));
    }
}

#[test]
fn the_locale_then_the_option_win_over_the_article() {
    let c = [("LANG", "C")];
    assert_english(&glose(&["print", "--lang", "en"], &c), "--lang en");
    assert_english(
        &glose(&["--lang", "en", "print"], &c),
        "--lang en before the command",
    );
    assert_french(&glose(&["print", ENGLISH, "--lang", "fr"], &c), "--lang fr");
    let us = [("LANG", "en_US.UTF-8")];
    assert_english(&glose(&["print"], &us), "an English locale");
    let fr = [("LANG", "fr_FR.UTF-8")];
    assert_french(&glose(&["print", ENGLISH], &fr), "a French locale");
    assert_english(
        &glose(&["print", "--lang", "en"], &fr),
        "--lang over locale",
    );
}

#[test]
fn the_settings_file_comes_between_the_option_and_the_locale() {
    let dir = tempfile::tempdir().expect("a folder");
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "language = \"en\"\n").expect("write the settings");
    let config = config.to_str().expect("a UTF-8 path");
    let fr = [("LANG", "fr_FR.UTF-8"), ("GLOSE_CONFIG", config)];
    assert_english(&glose(&["print"], &fr), "settings over locale");
    assert_french(
        &glose(&["print", "--lang", "fr"], &fr),
        "option over settings",
    );
}

/// Words glose writes in the presenter and notes window, in each language.
const FRENCH_SCREEN: [&str; 6] = [
    "Étape",
    "Ensuite",
    "Notes d’animation",
    "révéler le verdict",
    "visite",
    "À dire ou à montrer",
];
const ENGLISH_SCREEN: [&str; 6] = [
    "Stop ",
    "Next",
    "Facilitator notes",
    "reveal the verdict",
    "tour ",
    "What to say or show",
];

/// The presenter and the notes window side by side at 80×24, on stop `stop` (from 1).
fn presenter_and_notes(article: &str, stop: usize, locale: &[(&str, &str)]) -> (String, String) {
    let dir = tempfile::tempdir().expect("a folder");
    let run = dir.path().join("run");
    let mut env = vec![("GLOSE_RUNTIME_DIR", run.to_str().expect("UTF-8"))];
    env.extend_from_slice(locale);
    let mut notes = Session::start(&["notes", article], 80, 24, &env);
    notes.wait_until("the notes window", |s| {
        s.contains("presenter") || s.contains("présentation")
    });
    let mut presenter = Session::start(&["present", article], 80, 24, &env);
    presenter.wait_until("the presenter", |s| s.contains(" 1/"));
    for _ in 1..stop {
        presenter.send("\x1b[C");
    }
    let at = format!(" {stop}/");
    presenter.wait_until("the stop", |s| s.contains(&at));
    // The notes' first row names the current stop (a later row names the next one).
    notes.wait_until("the notes follow", |s| {
        s.lines().next().is_some_and(|first| first.contains(&at))
    });
    let shown = (presenter.contents(), notes.contents());
    presenter.send("q");
    assert_eq!(presenter.wait_exit(), 0);
    notes.send("q");
    assert_eq!(notes.wait_exit(), 0);
    shown
}

#[test]
fn presenter_and_notes_speak_the_article_language_under_lang_c() {
    let c = [("LANG", "C")];
    let (presenter, notes) = presenter_and_notes(FRENCH, 2, &c);
    let both = format!("{presenter}\n{notes}");
    assert!(presenter.contains("Étape 2/4"), "{presenter}");
    assert!(
        presenter.contains(&format!("Verdict{NBSP}: ?   (v{NBSP}: révéler le verdict)")),
        "{presenter}"
    );
    assert!(
        notes.contains(&format!("Ensuite{NBSP}: Étape 3/4")),
        "{notes}"
    );
    assert!(notes.contains("Notes d’animation"), "{notes}");
    for english in ENGLISH_SCREEN {
        assert!(!both.contains(english), "« {english} » in French:\n{both}");
    }

    let (presenter, notes) = presenter_and_notes(ENGLISH, 1, &c);
    let both = format!("{presenter}\n{notes}");
    assert!(presenter.contains("Stop 1/2"), "{presenter}");
    assert!(
        presenter.contains("Verdict: ?   (v: reveal the verdict)"),
        "{presenter}"
    );
    assert!(
        notes.contains("Next: Stop 2/2 · Discussion (2 min)"),
        "{notes}"
    );
    assert!(notes.contains("Facilitator notes"), "{notes}");
    for french in FRENCH_SCREEN {
        assert!(!both.contains(french), "« {french} » in English:\n{both}");
    }
    for mark in [" :", "\u{a0}:"] {
        assert!(!both.contains(mark), "French spacing « {mark} »:\n{both}");
    }
}

#[test]
fn english_asked_for_in_the_settings_gives_english_around_a_french_article() {
    let dir = tempfile::tempdir().expect("a folder");
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "language = \"en\"\n").expect("write the settings");
    let env = [
        ("LANG", "fr_FR.UTF-8"),
        ("GLOSE_CONFIG", config.to_str().expect("UTF-8")),
    ];
    let (presenter, notes) = presenter_and_notes(FRENCH, 2, &env);
    assert!(presenter.contains("Stop 2/4"), "{presenter}");
    assert!(
        presenter.contains("Verdict: ?   (v: reveal the verdict)"),
        "{presenter}"
    );
    assert!(notes.contains("Next: Stop 3/4"), "{notes}");
    assert!(notes.contains("Facilitator notes"), "{notes}");
}

#[test]
fn check_speaks_the_article_language_under_lang_c_and_the_option_wins() {
    for locale in [&[("LANG", "C")][..], &[]] {
        let french = glose(&["check"], locale);
        assert!(french.starts_with("titre"), "{french}");
        let french = glose(&["check", FRENCH], locale);
        assert!(french.starts_with("titre"), "{french}");
        let english = glose(&["check", ENGLISH], locale);
        assert!(english.starts_with("title: "), "{english}");
    }
    let asked = glose(&["--lang", "en", "check"], &[("LANG", "C")]);
    assert!(asked.starts_with("title: "), "{asked}");
    let asked = glose(&["check", ENGLISH, "--lang", "fr"], &[("LANG", "C")]);
    assert!(asked.starts_with("titre"), "{asked}");
}

//! The command line from a user's side: global options before or after the command, "did you
//! mean" for a mistyped command, completions and the manual page, through the real binary.

use std::process::{Command, Output};

fn glose(args: &[&str], lang: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_glose"))
        .args(args)
        .env("LANG", lang)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("GLOSE_CONFIG", "")
        .output()
        .expect("run glose")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn global_options_work_before_the_command() {
    let check = glose(&["--lang", "en", "check"], "fr_FR.UTF-8");
    assert_eq!(check.status.code(), Some(0), "{}", text(&check.stderr));
    assert!(text(&check.stdout).contains("Charlotte Bouchez"));
    let help = glose(
        &["--theme", "high-contrast", "present", "--help"],
        "en_US.UTF-8",
    );
    assert_eq!(help.status.code(), Some(0), "{}", text(&help.stderr));
    assert!(text(&help.stdout).contains("Usage: glose present"));
    let print = glose(&["--fresh", "print"], "en_US.UTF-8");
    assert_eq!(print.status.code(), Some(0), "{}", text(&print.stderr));
    assert!(text(&print.stdout).contains("IA : intelligence artificielle"));
    let after = glose(
        &["print", "--fresh", "--lang", "fr", "--width", "60"],
        "en_US.UTF-8",
    );
    assert_eq!(after.status.code(), Some(0));
    assert_eq!(
        glose(
            &["--config", "/nonexistent/config.toml", "check"],
            "en_US.UTF-8"
        )
        .status
        .code(),
        Some(2),
        "a --config before the command is read, and a missing one is an error"
    );
}

#[test]
fn a_mistyped_command_gets_a_suggestion_in_both_languages() {
    let en = glose(&["chek"], "en_US.UTF-8");
    assert_eq!(en.status.code(), Some(2));
    let message = text(&en.stderr);
    assert!(message.contains("Did you mean 'glose check'?"), "{message}");
    assert!(!message.contains("cannot open"), "{message}");
    let fr = glose(&["--lang", "fr", "exprot"], "en_US.UTF-8");
    assert_eq!(fr.status.code(), Some(2));
    assert!(
        text(&fr.stderr).contains("Vouliez-vous dire « glose export » ?"),
        "{}",
        text(&fr.stderr)
    );
    // A path that is not close to a command keeps the usual message.
    let far = glose(&["mon-texte-introuvable"], "en_US.UTF-8");
    assert_eq!(far.status.code(), Some(2));
    assert!(text(&far.stderr).contains("cannot open 'mon-texte-introuvable'"));
    let misplaced = glose(&["article", "check"], "en_US.UTF-8");
    assert_eq!(misplaced.status.code(), Some(2));
    assert!(text(&misplaced.stderr).contains("glose check article"));
}

#[test]
fn completions_and_the_manual_page_name_every_command() {
    let commands = [
        "present",
        "notes",
        "export",
        "check",
        "print",
        "import",
        "completions",
        "man",
        "config",
    ];
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = glose(&["completions", shell], "en_US.UTF-8");
        assert_eq!(out.status.code(), Some(0), "{shell}");
        let script = text(&out.stdout);
        assert!(!script.is_empty(), "{shell}");
        for command in commands {
            assert!(
                script.contains(command),
                "{shell} completion lacks {command}"
            );
        }
    }
    assert_eq!(
        glose(&["completions", "tcsh"], "en_US.UTF-8").status.code(),
        Some(2)
    );
    let man = glose(&["man"], "en_US.UTF-8");
    assert_eq!(man.status.code(), Some(0));
    let page = text(&man.stdout);
    assert!(page.contains(".TH glose 1"));
    for command in commands {
        assert!(
            page.contains(&format!(".SS \"glose {command}\"")),
            "man lacks {command}"
        );
    }
}

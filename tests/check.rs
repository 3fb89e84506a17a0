//! `glose check` as a user runs it: the real binary on one fixture folder per kind of problem
//! (`tests/fixtures/`), asserting the exit code and what is printed, `file:line:column` and hint
//! included. No output may ever contain an ESC byte.

mod common;

use std::path::Path;
use std::process::Command;

/// What `glose check PATH` printed, run from the crate root so that paths are relative.
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

/// `glose check PATH` in English.
fn check(path: &str) -> Run {
    check_in(path, "en")
}

/// `glose check PATH --lang LANG`.
fn check_in(path: &str, lang: &str) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_glose"))
        .arg("check")
        .arg(path)
        .args(["--lang", lang])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run glose");
    let run = Run {
        code: output.status.code().expect("exit code"),
        stdout: String::from_utf8(output.stdout).expect("UTF-8 stdout"),
        stderr: String::from_utf8(output.stderr).expect("UTF-8 stderr"),
    };
    assert!(
        !run.stdout.contains('\x1b') && !run.stderr.contains('\x1b'),
        "ESC in the output"
    );
    run
}

/// Checks a fixture that must fail with `code`, printing each of `expected` on stderr.
#[track_caller]
fn assert_fails(fixture: &str, code: i32, expected: &[&str]) -> Run {
    let run = check(&format!("tests/fixtures/{fixture}"));
    assert_eq!(
        run.code, code,
        "exit code of {fixture}; stderr:\n{}",
        run.stderr
    );
    assert!(
        run.stdout.is_empty(),
        "no summary on error, got:\n{}",
        run.stdout
    );
    for fragment in expected {
        assert!(
            run.stderr.contains(fragment),
            "{fixture}: missing {fragment:?} in:\n{}",
            run.stderr
        );
    }
    run
}

#[test]
fn a_valid_folder_prints_its_summary() {
    let run = check("tests/fixtures/valid-minimal");
    assert_eq!(run.code, 0, "{}", run.stderr);
    let expected = "\
title: Un texte minimal
author: Claire Martin
language: fr

2 parts
  introduction  Introduction      10 words
  partie-1      Première partie   25 words

2 annotations: 1 figure, 0 quotes, 0 sources, 1 term
  verdicts: 0 confirmed, 0 imprecise, 1 misreported, 0 unverifiable, 1 without a verdict
1 source: 1 in the article’s own reference list, 0 others
tour: 1 stop, 5 minutes

0 warnings
";
    assert_eq!(run.stdout, expected);

    let run = check_in("tests/fixtures/valid-minimal", "fr");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stderr, "");
    let expected = "\
titre : Un texte minimal
auteur : Claire Martin
langue : fr

2 parties
  introduction  Introduction       10 mots
  partie-1      Première partie    25 mots

2 annotations : 1 chiffre, 0 citation, 0 source, 1 notion
  verdicts : 0 confirmé, 0 imprécis, 1 déformé, 0 invérifiable, 1 sans verdict
1 source : 1 dans la liste de références de l’article, 0 autre
parcours : 1 étape, 5 minutes

0 avertissement
";
    assert_eq!(run.stdout, expected);
}

#[test]
fn a_quote_that_no_longer_matches_exactly_is_moved() {
    let run = check("tests/fixtures/quote-not-found");
    assert_eq!(run.code, 0, "a warning only: {}", run.stderr);
    let expected = "\
warning: quote of annotation 'fig-430-millions' moved: the text now reads « 430 millions de \
modérateurs » (text.md:5:35)
 --> tests/fixtures/quote-not-found/annotations.toml:4:9
  |
4 | quote = \"430 millions de moderateurs\"
  |         ^
  = help: the annotation is shown on these words; glose check --fix writes them into the quote; \
it differs only in accents: « 430 millions de modérateurs », not « 430 millions de moderateurs »

";
    assert_eq!(run.stderr, expected);
    assert!(run.stdout.ends_with("\n1 warning\n"), "{}", run.stdout);
}

#[test]
fn a_toml_syntax_error() {
    assert_fails(
        "invalid-toml-syntax",
        1,
        &[
            "error: a text in quotes is not closed properly",
            "--> tests/fixtures/invalid-toml-syntax/annotations.toml:4:37",
            "4 | quote = \"430 millions de modérateurs\n",
            "= help: a text in \"…\" ends with \" on the same line",
        ],
    );
}

#[test]
fn an_unknown_key() {
    assert_fails(
        "unknown-key",
        1,
        &[
            "error: unknown key 'verdit', expected one of 'id', 'kind', 'quote'",
            "--> tests/fixtures/unknown-key/annotations.toml:6:1",
            "6 | verdit = \"misreported\"",
            "= help: did you mean 'verdict'?",
        ],
    );
}

#[test]
fn an_unknown_enum_variant() {
    assert_fails(
        "bad-enum",
        1,
        &[
            "error: kind must be one of figure, quote, source, term",
            "--> tests/fixtures/bad-enum/annotations.toml:3:8",
            "= help: did you mean 'figure'?",
        ],
    );
}

#[test]
fn an_ambiguous_quote_lists_its_places() {
    assert_fails(
        "quote-ambiguous",
        1,
        &[
            "error: quote of annotation 'terme-data-workers' matches 2 places in the text",
            "--> tests/fixtures/quote-ambiguous/annotations.toml:14:9",
            "- text.md:8:7 (after « Les « »)",
            "- text.md:8:56 (after « On oublie les »)",
            "add 'prefix' (the words just before) or 'suffix' (the words just after) to pick one",
        ],
    );
}

#[test]
fn overlapping_annotations_name_both() {
    assert_fails(
        "overlap",
        1,
        &[
            "error: annotation 'terme-moderateurs' overlaps annotation 'fig-430-millions'",
            "--> tests/fixtures/overlap/annotations.toml:20:9",
            "both cover « millions de modérateurs » (text.md:5:39)",
        ],
    );
}

#[test]
fn a_duplicate_id() {
    assert_fails(
        "duplicate-id",
        1,
        &[
            "error: duplicate annotation id 'fig-430-millions'",
            "--> tests/fixtures/duplicate-id/annotations.toml:12:6",
            "= help: 'fig-430-millions' is already the id at line 2, column 6",
        ],
    );
}

#[test]
fn an_invalid_id_gets_a_suggestion() {
    assert_fails(
        "bad-id",
        1,
        &[
            "error: invalid annotation id 'Terme_Data workers'",
            "--> tests/fixtures/bad-id/annotations.toml:12:6",
            "for instance 'terme-data-workers'",
        ],
    );
}

#[test]
fn a_dangling_source() {
    let run = assert_fails(
        "dangling-source",
        1,
        &[
            "error: annotation 'fig-430-millions' cites an unknown source 'banque-mondial-2023'",
            "--> tests/fixtures/dangling-source/annotations.toml:5:10",
            "= help: did you mean 'banque-mondiale-2023'?",
        ],
    );
    assert!(
        run.stderr.ends_with("1 error, 1 warning\n"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_duplicate_reference_number() {
    assert_fails(
        "duplicate-reference",
        1,
        &[
            "error: duplicate reference number 1",
            "--> tests/fixtures/duplicate-reference/sources.toml:14:13",
            "= help: source 'banque-mondiale-2023' already has reference = 1",
        ],
    );
}

#[test]
fn an_empty_part() {
    assert_fails(
        "empty-part",
        1,
        &[
            "error: part 'partie-2' is empty",
            "--> tests/fixtures/empty-part/text.md:10:3",
            "10 | # Deuxième partie",
        ],
    );
}

#[test]
fn a_heading_that_does_not_match_its_part() {
    assert_fails(
        "heading-mismatch",
        1,
        &[
            "error: heading 'Premiere partie' does not match part 'partie-1' of article.toml",
            "--> tests/fixtures/heading-mismatch/text.md:3:3",
            "= help: article.toml:13:11 has heading = 'Première partie'",
        ],
    );
}

#[test]
fn a_part_missing_from_the_text() {
    assert_fails(
        "missing-heading",
        1,
        &[
            "error: part 'conclusion' has no heading in text.md",
            "--> tests/fixtures/missing-heading/article.toml:18:11",
            "= help: add the line '# Conclusion' to text.md",
        ],
    );
}

#[test]
fn a_missing_text_file_is_an_io_error() {
    assert_fails(
        "missing-file",
        2,
        &[
            "error: cannot read 'tests/fixtures/missing-file/text.md': no such file or directory",
            "= help: an article folder holds 'article.toml' and the text ('text.md')",
        ],
    );
}

#[test]
fn a_tour_stop_with_an_unknown_annotation() {
    assert_fails(
        "tour-unknown-annotation",
        1,
        &[
            "error: stop 1 ('430 millions ?') selects an unknown annotation 'fig-430-milions'",
            "--> tests/fixtures/tour-unknown-annotation/tour.toml:3:14",
            "= help: did you mean 'fig-430-millions'?",
        ],
    );
}

#[test]
fn a_tour_stop_too_long() {
    assert_fails(
        "tour-bad-duration",
        1,
        &[
            "error: stop 1 ('430 millions ?') lasts 180 minutes, expected 1 to 120",
            "--> tests/fixtures/tour-bad-duration/tour.toml:6:11",
        ],
    );
}

#[test]
fn an_empty_tour_stop() {
    assert_fails(
        "tour-empty-stop",
        1,
        &[
            "error: stop 2 ('Pause') is empty",
            "--> tests/fixtures/tour-empty-stop/tour.toml:8:1",
            "8 | [[stop]]",
            "= help: give it 'say', 'questions', an 'annotation' to select or a 'part' to show",
        ],
    );
}

#[test]
fn an_unused_source_is_only_a_warning() {
    let run = check("tests/fixtures/unused-source");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .starts_with("warning: source 'grand-view-2022' is cited by no annotation")
    );
    assert!(
        run.stderr
            .contains("--> tests/fixtures/unused-source/sources.toml:10:6")
    );
    assert!(
        run.stdout
            .contains("2 sources: 1 in the article’s own reference list, 1 other")
    );
    assert!(run.stdout.ends_with("\n1 warning\n"));
}

#[test]
fn several_problems_are_reported_at_once() {
    let run = assert_fails(
        "multiple-errors",
        1,
        &[
            "--> tests/fixtures/multiple-errors/article.toml:4:1",
            "--> tests/fixtures/multiple-errors/text.md:3:3",
            "--> tests/fixtures/multiple-errors/annotations.toml:3:8",
            "= help: did you mean 'figure'?",
            "--> tests/fixtures/multiple-errors/annotations.toml:14:9",
            "moved: the text now reads « data workers » (text.md:8:7)",
            "--> tests/fixtures/multiple-errors/sources.toml:7:13",
            "--> tests/fixtures/multiple-errors/tour.toml:6:11",
        ],
    );
    assert!(
        run.stderr.ends_with("\n5 errors, 1 warning\n"),
        "{}",
        run.stderr
    );
    // In file order, then by position.
    let order: Vec<usize> = [
        "article.toml",
        "text.md",
        "annotations.toml:3",
        "annotations.toml:14",
        "sources",
        "tour",
    ]
    .iter()
    .map(|f| run.stderr.find(&format!("multiple-errors/{f}")).expect(f))
    .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{}", run.stderr);
}

#[test]
fn a_hostile_article_is_shown_but_never_drives_the_terminal() {
    let run = check("tests/fixtures/hostile");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("title: Un titre ␛[2J␛]0;pwned␇ piégé"),
        "{}",
        run.stdout
    );
}

#[test]
fn hostile_errors_are_printed_harmlessly() {
    let run = assert_fails(
        "hostile-errors",
        1,
        &[
            "error: unknown key '␛[31mrouge'",
            "error: 'javascript:␛[31m' is not a web address",
            "1 | # ␛[2J effacer l'écran",
        ],
    );
    assert!(!run.stderr.contains('\x07'));
}

#[test]
fn a_plain_markdown_file() {
    let run = check_in("tests/fixtures/plain.md", "fr");
    assert_eq!(run.code, 0, "{}", run.stderr);
    let expected = "\
titre : Notes de lecture
auteur : (inconnu)
langue : fr

3 parties
  part-1  [Introduction]               11 mots
  part-2  Le travail caché             12 mots
  part-3  Ce que disent les sources    10 mots

0 annotation : 0 chiffre, 0 citation, 0 source, 0 notion
  verdicts : 0 confirmé, 0 imprécis, 0 déformé, 0 invérifiable
0 source : 0 dans la liste de références de l’article, 0 autre
parcours : aucun

0 avertissement
";
    assert_eq!(run.stdout, expected);
}

#[test]
fn invalid_utf8_names_the_byte_offset() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["article.toml", "text.md"] {
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid-minimal");
        std::fs::copy(fixture.join(name), dir.path().join(name)).unwrap();
    }
    std::fs::write(dir.path().join("annotations.toml"), b"# ok\n# caf\xe9\n").unwrap();
    let run = check(dir.path().to_str().unwrap());
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("annotations.toml' is not valid UTF-8: bad byte at offset 10")
    );
    assert!(
        run.stderr.contains("annotations.toml:2:6"),
        "{}",
        run.stderr
    );
}

#[test]
fn io_problems_exit_with_2() {
    let dir = tempfile::tempdir().unwrap();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid-minimal");
    std::fs::copy(
        fixture.join("article.toml"),
        dir.path().join("article.toml"),
    )
    .unwrap();
    // A directory where the text should be.
    std::fs::create_dir(dir.path().join("text.md")).unwrap();
    // A TOML file over its limit.
    std::fs::write(
        dir.path().join("sources.toml"),
        vec![b'#'; 8 * 1024 * 1024 + 1],
    )
    .unwrap();
    let run = check(dir.path().to_str().unwrap());
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("text.md': it is a directory, not a file"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("sources.toml' is larger than the 8 MiB limit for a TOML file")
    );
    assert!(run.stderr.ends_with("2 errors, 0 warnings\n"));

    // Any regular file is text (Debian's licence files have no extension).
    let run = check("Cargo.toml");
    assert_eq!(run.code, 0, "{}", run.stderr);
    let run = check("tests/fixtures/no-such-folder");
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("cannot open 'tests/fixtures/no-such-folder': no such file or directory")
    );
}

#[test]
fn the_bundled_article_is_checked_without_a_path() {
    let output = Command::new(env!("CARGO_BIN_EXE_glose"))
        .args(["check", "--lang", "fr"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        stdout.starts_with("titre : IA : intelligence artificielle"),
        "{stdout}"
    );
    assert!(stdout.contains("\n6 parties\n"), "{stdout}");
    // Clean: no warning (every source cited, nothing left unused), and the editorial headings
    // marked as such.
    assert!(
        output.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(stdout.contains("0 avertissement"), "{stdout}");
    assert!(stdout.contains("[Introduction]"), "{stdout}");
    assert!(stdout.contains("[Références]"), "{stdout}");
    assert!(
        stdout.contains("parcours : 10 étapes, 56 minutes"),
        "{stdout}"
    );
}

/// One folder with every kind of mistake a teacher makes: each is reported in the same run,
/// with its file:line:column and its hint, in English and in French.
#[test]
fn every_mistake_is_reported_at_once_in_both_languages() {
    for lang in ["en", "fr"] {
        let run = check_in("tests/fixtures/every-mistake", lang);
        assert_eq!(run.code, 1, "{}", run.stderr);
        assert!(run.stdout.is_empty());
        common::golden::golden(
            "check",
            &format!("every-mistake.{lang}.txt"),
            run.stderr.as_bytes(),
        );
    }
    let run = check("tests/fixtures/every-mistake");
    for fragment in [
        "article.toml:5:1",       // an unknown key
        "article.toml:19:8",      // a bad part kind
        "text.md:7:3",            // parts out of order
        "annotations.toml:6:11",  // a bad verdict
        "annotations.toml:13:18", // a syntax error in one entry
        "annotations.toml:20:9",  // straight quotes for « »
        "annotations.toml:27:9",  // case
        "annotations.toml:34:9",  // a typo
        "annotations.toml:41:9",  // ambiguous
        "annotations.toml:42:10", // an unknown source
        "annotations.toml:50:13", // a text for a list
        "sources.toml:6:13",      // a number in quotes
        "tour.toml:5:11",         // minutes in quotes
        "tour.toml:10:11",        // minutes not whole
        "tour.toml:14:14",        // a stop naming no annotation
    ] {
        assert!(
            run.stderr.contains(fragment),
            "{fragment} missing:\n{}",
            run.stderr
        );
    }
    assert!(
        run.stderr
            .contains("differs only in case (capital letters)")
    );
    assert!(run.stderr.contains("straight quotes"));
    assert!(run.stderr.contains("but out of order"));
    assert!(
        run.stderr
            .contains("now reads « un nombre à chaque caractère »")
    );
    // An orphan: nothing close enough.
    assert!(run.stderr.contains("'polices' matches nothing in the text"));
    // The stop naming the entry with a syntax error is not told that it names nothing.
    assert!(!run.stderr.contains("'iso-8859'"), "{}", run.stderr);
    assert!(
        run.stderr.ends_with("14 errors, 3 warnings\n"),
        "{}",
        run.stderr
    );
}

/// Words of Rust or serde that a teacher should never read.
const RUST_WORDS: [&str; 9] = [
    "u32",
    "u16",
    "usize",
    "i64",
    "variant",
    "invalid type",
    "wanted exactly",
    "expected a",
    "sequence",
];

/// No message of `check`, in either language, on any fixture, speaks Rust.
#[test]
fn no_message_uses_rust_words() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut paths: Vec<_> = std::fs::read_dir(&fixtures)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    assert!(paths.len() > 20);
    for path in paths {
        for lang in ["en", "fr"] {
            let run = check_in(path.to_str().unwrap(), lang);
            for word in RUST_WORDS {
                assert!(
                    !run.stderr.contains(word),
                    "{} ({lang}) says {word:?}:\n{}",
                    path.display(),
                    run.stderr
                );
            }
        }
    }
}

/// The settings file's mistakes are in plain words too.
#[test]
fn settings_mistakes_use_plain_words() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        "theme = [\"a\", \"b\"]\n",
        "theme = \"sepia\"\n",
        "language = 3\n",
        "max_text_width = \"wide\"\n",
        "highlight_marks = \"yes\"\n",
        "keys = 3\n",
        "[keys]\nj = 1\n",
    ];
    for (i, text) in cases.iter().enumerate() {
        let path = dir.path().join(format!("c{i}.toml"));
        std::fs::write(&path, text).unwrap();
        for lang in ["en", "fr"] {
            let output = Command::new(env!("CARGO_BIN_EXE_glose"))
                .args(["--config", path.to_str().unwrap(), "--lang", lang, "check"])
                .output()
                .unwrap();
            assert_eq!(output.status.code(), Some(2), "{text}");
            let stderr = String::from_utf8_lossy(&output.stderr);
            assert!(stderr.contains(".toml:"), "{text}: {stderr}");
            for word in RUST_WORDS {
                assert!(
                    !stderr.contains(word),
                    "{text} ({lang}) says {word:?}:\n{stderr}"
                );
            }
        }
    }
}

#[test]
fn a_stop_taller_than_80x24_is_a_warning_naming_it() {
    let run = check("tests/fixtures/tour-atelier");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!run.stderr.contains("80×24"), "{}", run.stderr);

    let dir = tempfile::tempdir().unwrap();
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tour-atelier");
    for entry in std::fs::read_dir(&from).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), dir.path().join(entry.file_name())).unwrap();
    }
    let annotations = dir.path().join("annotations.toml");
    let text = std::fs::read_to_string(&annotations).unwrap();
    let long = "tous métiers confondus. ".repeat(40);
    std::fs::write(
        &annotations,
        text.replacen("tous métiers confondus.", long.trim_end(), 1),
    )
    .unwrap();
    let run = check(dir.path().to_str().unwrap());
    assert_eq!(run.code, 0, "a warning only: {}", run.stderr);
    assert!(
        run.stderr.contains(
            "warning: stop 2 ('430 millions de modérateurs ?') does not fit an 80×24 screen whole"
        ),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("tour.toml"), "{}", run.stderr);
    assert!(
        run.stderr.contains("the presenter scrolls it"),
        "{}",
        run.stderr
    );
    assert_eq!(run.stderr.matches("80×24").count(), 1, "{}", run.stderr);
}

//! Writing an article from scratch, as a teacher does it from the command line: `glose new`
//! then `glose check`, `glose schema`, and `glose check --fix`.

use std::path::Path;
use std::process::{Command, Output};

fn glose(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_glose"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run glose")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn a_new_folder_passes_check_as_written() {
    let dir = tempfile::tempdir().unwrap();
    for lang in ["en", "fr"] {
        let folder = dir.path().join(format!("texte-{lang}"));
        let folder = folder.to_str().unwrap();
        let out = glose(&["new", folder, "--lang", lang]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        let out = glose(&["check", folder, "--lang", lang]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        assert_eq!(text(&out.stderr), "", "no warning either");
        for file in ["article", "annotations", "sources", "tour"] {
            let toml =
                std::fs::read_to_string(Path::new(folder).join(format!("{file}.toml"))).unwrap();
            assert!(
                toml.starts_with(&format!("#:schema .schema/{file}.json\n")),
                "{toml}"
            );
            let schema =
                std::fs::read_to_string(Path::new(folder).join(format!(".schema/{file}.json")))
                    .unwrap();
            let _: serde_json::Value = serde_json::from_str(&schema).unwrap();
        }
        // One commented example of each kind.
        let annotations =
            std::fs::read_to_string(Path::new(folder).join("annotations.toml")).unwrap();
        for kind in ["figure", "quote", "source", "term"] {
            assert!(
                annotations.contains(&format!("# kind = \"{kind}\"")),
                "{annotations}"
            );
        }
    }
}

#[test]
fn a_new_folder_from_a_markdown_file_takes_its_headings_as_parts() {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("notes.md");
    std::fs::write(
        &source,
        "# Les jeux de caractères\n\nUn jeu associe un nombre à chaque caractère.\n\n\
         ## ASCII\n\nSept bits.\n\n## Vide\n\n## Unicode\n\nVingt et un bits,\nsur deux lignes.\n",
    )
    .unwrap();
    let folder = dir.path().join("texte");
    let folder = folder.to_str().unwrap();
    let out = glose(&["new", folder, "--from", source.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let out = glose(&["check", folder, "--lang", "en"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let summary = text(&out.stdout);
    assert!(
        summary.starts_with("title: Les jeux de caractères\n"),
        "{summary}"
    );
    // A heading with nothing under it is kept as a part (nothing the author wrote is dropped).
    assert!(summary.contains("\n4 parts\n"), "{summary}");
    assert!(summary.contains("  vide  "), "{summary}");
    assert!(summary.contains("  ascii  "), "{summary}");
    assert!(summary.contains("  unicode  "), "{summary}");
    let article = std::fs::read_to_string(Path::new(folder).join("article.toml")).unwrap();
    assert!(article.contains("heading = \"Unicode\""), "{article}");
}

#[test]
fn new_never_writes_over_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("text.md"), "mine").unwrap();
    let out = glose(&["new", dir.path().to_str().unwrap(), "--lang", "en"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("already exists and is not an empty folder"));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("text.md")).unwrap(),
        "mine"
    );
}

#[test]
fn schemas_are_json_schemas() {
    for file in ["article", "annotations", "sources", "tour"] {
        let out = glose(&["schema", file]);
        assert_eq!(out.status.code(), Some(0));
        let schema: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(
            schema["$schema"],
            "https://json-schema.org/draft/2020-12/schema"
        );
        assert_eq!(schema["additionalProperties"], false);
    }
    let out = glose(&["schema", "tour"]);
    let schema: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let minutes = &schema["properties"]["stop"]["items"]["properties"]["minutes"];
    assert_eq!(minutes["type"], "integer");
    assert_eq!(minutes["maximum"], 120);
    let out = glose(&["schema", "other"]);
    assert_eq!(out.status.code(), Some(2));
}

/// A folder copied from `tests/fixtures/valid-minimal`, with `annotations.toml` replaced.
fn folder_with(annotations: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid-minimal");
    for name in ["article.toml", "text.md", "sources.toml", "tour.toml"] {
        std::fs::copy(fixture.join(name), dir.path().join(name)).expect("copy the fixture");
    }
    std::fs::write(dir.path().join("annotations.toml"), annotations).expect("write");
    dir
}

#[test]
fn check_fix_mends_ambiguous_and_moved_quotes_and_keeps_comments() {
    let annotations = "\
# My annotations, with comments that must stay.
[[annotation]]
id = \"fig-430-millions\"
kind = \"figure\"
# The text was edited since: « modératrices » now.
quote = \"430 millions de moderateurs\"   # typed without accents
source = \"banque-mondiale-2023\"
note = \"Tous les travailleurs des plateformes.\"

[[annotation]]
id = \"terme-plateformes\"
kind = \"term\"
quote = \"de l\u{2019}heure\"
context = \"Un salaire horaire.\"

# Twice in the text: « les » and « Les ».
[[annotation]]
id = \"mot-les\"
kind = \"term\"
quote = \"es\"
context = \"Un mot bien court.\"
";
    let dir = folder_with(annotations);
    let folder = dir.path().to_str().unwrap();
    let text_before = std::fs::read(dir.path().join("text.md")).unwrap();
    let out = glose(&["check", folder, "--lang", "en"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("matches"),
        "{}",
        text(&out.stderr)
    );

    let out = glose(&["check", "--fix", folder, "--lang", "en"]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains(
            "annotation 'fig-430-millions': quote = \"430 millions de modérateurs\" \
             (was \"430 millions de moderateurs\")"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("annotation 'mot-les': "), "{stderr}");
    assert!(stderr.contains("the first of"), "{stderr}");
    assert!(stderr.contains("2 changes"), "{stderr}");

    let fixed = std::fs::read_to_string(dir.path().join("annotations.toml")).unwrap();
    for comment in [
        "# My annotations, with comments that must stay.",
        "# The text was edited since: « modératrices » now.",
        "   # typed without accents",
        "# Twice in the text: « les » and « Les ».",
    ] {
        assert!(fixed.contains(comment), "{comment} lost:\n{fixed}");
    }
    // The new key comes right after the quote.
    assert!(
        fixed.contains("quote = \"es\"\nprefix = ") || fixed.contains("quote = \"es\"\nsuffix = "),
        "{fixed}"
    );
    // text.md is never touched, and check now passes without a warning.
    assert_eq!(
        std::fs::read(dir.path().join("text.md")).unwrap(),
        text_before
    );
    let out = glose(&["check", folder, "--lang", "en"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stderr), "");
    // Nothing left to fix.
    let out = glose(&["check", "--fix", folder, "--lang", "en"]);
    assert!(text(&out.stderr).contains("nothing to fix"));
}

/// FORMAT.md names every key of every file, and its example folder is the one checked here.
#[test]
fn format_md_lists_every_key_and_shows_a_real_folder() {
    let format = include_str!("../FORMAT.md");
    for file in ["article", "annotations", "sources", "tour"] {
        let out = glose(&["schema", file]);
        let schema: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let mut keys: Vec<String> = Vec::new();
        let properties = schema["properties"].as_object().unwrap();
        for (key, value) in properties {
            match value["items"]["properties"].as_object() {
                // An array of tables is named as its header, `[[stop]]`.
                Some(items) => {
                    keys.push(format!("[[{key}]]"));
                    keys.extend(items.keys().map(|k| format!("`{k}`")));
                }
                None => keys.push(format!("`{key}`")),
            }
        }
        for key in keys {
            assert!(
                format.contains(&key),
                "FORMAT.md does not name {file}'s key {key}"
            );
        }
    }
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid-minimal");
    for name in [
        "article.toml",
        "text.md",
        "annotations.toml",
        "sources.toml",
        "tour.toml",
    ] {
        let text = std::fs::read_to_string(fixture.join(name)).unwrap();
        assert!(
            format.contains(text.trim_end()),
            "FORMAT.md's example differs from {name}"
        );
    }
}

#[test]
fn a_new_folder_from_markdown_keeps_its_code_blocks_and_lists() {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("README.md");
    std::fs::write(
        &source,
        "# Outil\n\n## Installer\n\nDeux commandes :\n\n```sh\n# un commentaire\ncargo build\n\
         cargo test\n```\n\n## Lire\n\n- premier point\n- second point\n",
    )
    .unwrap();
    let folder = dir.path().join("texte");
    let folder = folder.to_str().unwrap();
    let out = glose(&["new", folder, "--from", source.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let written = std::fs::read_to_string(Path::new(folder).join("text.md")).unwrap();
    assert!(
        written.contains("```sh\n# un commentaire\ncargo build\ncargo test\n```"),
        "{written}"
    );
    assert!(
        written.contains("- premier point") && written.contains("- second point"),
        "{written}"
    );
    let out = glose(&["check", folder, "--lang", "en"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("\n2 parts\n"),
        "{}",
        text(&out.stdout)
    );
    let out = glose(&["print", folder]);
    let printed = text(&out.stdout);
    for line in ["cargo build", "cargo test", "# un commentaire"] {
        assert!(
            printed.lines().any(|l| l.trim() == line),
            "{line} on a line of its own:\n{printed}"
        );
    }
}

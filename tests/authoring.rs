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
    assert!(summary.contains("\n3 parts\n"), "{summary}");
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

//! `glose import hypothesis`: a Hypothesis export, and glose's own W3C export, into an article
//! folder, through the real binary.

#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const ARTICLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/article");
const HYPOTHESIS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/hypothesis/export.json"
);

const HEADER: &str = "# Annotations importées.\n# Ce commentaire doit rester.\n";

fn glose(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_glose"))
        .args(args)
        .env("LANG", "en_US.UTF-8")
        .env("GLOSE_CONFIG", "")
        .output()
        .expect("run glose")
}

/// A copy of the bundled article without its annotations (only a comment) and its tour.
fn bare_article() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("article");
    std::fs::create_dir(&dir).unwrap();
    for name in ["article.toml", "text.md", "sources.toml"] {
        std::fs::copy(Path::new(ARTICLE).join(name), dir.join(name)).unwrap();
    }
    std::fs::write(dir.join("annotations.toml"), HEADER).unwrap();
    (tmp, dir)
}

#[test]
fn the_w3c_export_of_the_bundled_article_imports_back_to_the_same_anchors() {
    let (tmp, dir) = bare_article();
    let export = glose(&["export", "--format", "w3c"]);
    assert!(export.status.success());
    let file = tmp.path().join("w3c.json");
    std::fs::write(&file, &export.stdout).unwrap();
    let import = glose(&[
        "import",
        "hypothesis",
        file.to_str().unwrap(),
        dir.to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&import.stderr);
    assert_eq!(import.status.code(), Some(0), "{stderr}");
    let original = glose::content::load_bundled().unwrap().article;
    assert!(
        stderr.contains(&format!(
            "{0} of {0} annotations added",
            original.annotations.len()
        )),
        "{stderr}"
    );
    let written = std::fs::read_to_string(dir.join("annotations.toml")).unwrap();
    assert!(written.starts_with(HEADER), "comments kept");
    let imported = glose::content::load_path(&dir).unwrap().article;
    assert_eq!(imported.text, original.text);
    let anchors = |a: &glose::content::Article| {
        a.annotations
            .iter()
            .map(|x| (x.id.clone(), x.range.clone(), x.kind, x.verdict))
            .collect::<Vec<_>>()
    };
    assert_eq!(anchors(&imported), anchors(&original));
    for (a, b) in imported.annotations.iter().zip(&original.annotations) {
        assert_eq!(a.context, b.context, "{}", a.id);
        assert_eq!(a.note, b.note, "{}", a.id);
        assert_eq!(a.questions, b.questions, "{}", a.id);
    }
    assert_eq!(
        glose(&["check", dir.to_str().unwrap()]).status.code(),
        Some(0)
    );
}

#[test]
fn a_hypothesis_export_imports_with_its_orphans_reported() {
    let (_tmp, dir) = bare_article();
    let import = glose(&["import", "hypothesis", HYPOTHESIS, dir.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&import.stderr);
    assert_eq!(import.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("3 of 5 annotations added"), "{stderr}");
    assert!(
        stderr.contains("not imported: annotation 3: « une phrase que l’autrice a retirée depuis » is not in the text (orphan)"),
        "{stderr}"
    );
    assert!(
        stderr.contains("Cette phrase a disparu"),
        "the orphan's text is shown: {stderr}"
    );
    assert!(
        stderr.contains("not imported: annotation 5: quotes no passage"),
        "{stderr}"
    );
    let written = std::fs::read_to_string(dir.join("annotations.toml")).unwrap();
    assert!(written.starts_with(HEADER), "comments kept: {written}");
    assert_eq!(written.matches("[[annotation]]").count(), 3, "{written}");
    let article = glose::content::load_path(&dir).unwrap().article;
    let by_words = |words: &str| {
        article
            .annotations
            .iter()
            .find(|a| article.slice(a.range.clone()).replace('\u{a0}', " ") == words)
            .unwrap_or_else(|| panic!("{words}: {written}"))
    };
    let figure = by_words("80 %");
    assert_eq!(figure.kind, glose::content::AnnotationKind::Figure);
    assert_eq!(figure.verdict, Some(glose::content::Verdict::Imprecise));
    assert!(figure.context.starts_with("D'où vient ce 80 %"));
    let source = &article.sources[figure.source.unwrap()];
    assert_eq!(
        source.url.as_deref(),
        Some("https://econogy.example/ia-main-d-oeuvre")
    );
    assert_eq!(
        source.title,
        "IA : intelligence artificielle, main-d’œuvre bien réelle"
    );
    let workers = by_words("travailleurs");
    assert_eq!(workers.kind, glose::content::AnnotationKind::Term);
    let paragraph =
        article.slice(article.parts[workers.part].paragraphs[workers.paragraph].clone());
    assert!(
        paragraph.starts_with("Pour subvenir à leurs besoins"),
        "the prefix picked the right one"
    );
    assert!(
        written.contains("prefix = "),
        "a prefix is kept where the words occur twice"
    );
    let highlight = by_words("data workers");
    assert_eq!(highlight.kind, glose::content::AnnotationKind::Term);
    assert!(!highlight.context.is_empty());
    assert_eq!(
        glose(&["check", dir.to_str().unwrap()]).status.code(),
        Some(0)
    );
}

#[test]
fn bad_files_get_plain_words_and_nothing_is_written() {
    let (tmp, dir) = bare_article();
    let bad = tmp.path().join("bad.json");
    std::fs::write(&bad, "{ not json").unwrap();
    let out = glose(&[
        "import",
        "hypothesis",
        bad.to_str().unwrap(),
        dir.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is not valid JSON"));
    std::fs::write(&bad, "{\"total\": 0}").unwrap();
    let out = glose(&[
        "--lang",
        "fr",
        "import",
        "hypothesis",
        bad.to_str().unwrap(),
        dir.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("ne contient pas de liste d’annotations")
    );
    let missing = glose(&[
        "import",
        "hypothesis",
        "/nonexistent.json",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no such file"));
    assert_eq!(
        std::fs::read_to_string(dir.join("annotations.toml")).unwrap(),
        HEADER
    );
}

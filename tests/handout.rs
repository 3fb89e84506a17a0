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

#[test]
fn the_html_handout_carries_a_claim_review_for_each_verdict() {
    let page = String::from_utf8(glose(&["export", "--format", "html"])).expect("UTF-8");
    let open = "<script type=\"application/ld+json\">";
    let start = page.find(open).expect("a JSON-LD script") + open.len();
    let end = start + page[start..].find("</script>").expect("closed");
    let reviews: serde_json::Value = serde_json::from_str(&page[start..end]).expect("JSON-LD");
    let reviews = reviews.as_array().expect("an array");
    let article = glose::content::load_bundled().expect("bundled").article;
    let checked: Vec<_> = article
        .annotations
        .iter()
        .filter(|a| a.verdict.is_some())
        .collect();
    assert_eq!(reviews.len(), checked.len());
    for (review, annotation) in reviews.iter().zip(checked) {
        assert_eq!(review["@type"], "ClaimReview");
        assert_eq!(
            review["claimReviewed"],
            article.slice(annotation.range.clone())
        );
        assert_eq!(
            review["itemReviewed"]["author"]["name"],
            "Charlotte Bouchez"
        );
        assert!(review["itemReviewed"]["appearance"]["name"].is_string());
        let verdict = annotation.verdict.expect("checked");
        assert_eq!(review["reviewRating"]["alternateName"], verdict.label_fr());
        assert!(
            review["author"]["name"]
                .as_str()
                .expect("author")
                .starts_with("Annotations écrites")
        );
    }
}

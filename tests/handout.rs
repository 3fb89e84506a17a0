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

#[test]
fn the_w3c_export_points_at_its_words_in_the_exported_text() {
    let text = String::from_utf8(glose(&["export", "--format", "text"])).expect("UTF-8");
    let chars: Vec<char> = text.chars().collect();
    let json = glose(&["export", "--format", "w3c"]);
    let collection: serde_json::Value = serde_json::from_slice(&json).expect("JSON-LD");
    assert_eq!(collection["@context"], "http://www.w3.org/ns/anno.jsonld");
    assert_eq!(collection["type"], "AnnotationCollection");
    let items = collection["first"]["items"].as_array().expect("items");
    let article = glose::content::load_bundled().expect("bundled").article;
    assert_eq!(items.len(), article.annotations.len());
    assert_eq!(collection["total"], items.len());
    for (item, annotation) in items.iter().zip(&article.annotations) {
        assert_eq!(item["type"], "Annotation");
        let selectors = item["target"]["selector"].as_array().expect("selectors");
        let quote = &selectors[0];
        assert_eq!(quote["type"], "TextQuoteSelector");
        assert_eq!(quote["exact"], article.slice(annotation.range.clone()));
        let position = &selectors[1];
        assert_eq!(position["type"], "TextPositionSelector");
        let at = |key: &str| usize::try_from(position[key].as_u64().expect(key)).expect(key);
        let found: String = chars[at("start")..at("end")].iter().collect();
        assert_eq!(
            found,
            quote["exact"].as_str().expect("exact"),
            "{}",
            annotation.id
        );
        let motivation = if annotation.verdict.is_some() {
            "assessing"
        } else {
            "commenting"
        };
        assert_eq!(item["motivation"], motivation);
        for body in item["body"].as_array().expect("bodies") {
            assert_eq!(body["type"], "TextualBody");
        }
    }
}

#[test]
fn no_breakable_space_precedes_french_punctuation_in_the_html() {
    for args in [
        &["export", "--format", "html"][..],
        &["export", FIXTURE, "--format", "html"],
    ] {
        let page = String::from_utf8(glose(args)).unwrap();
        let body = &page[page.find("<body>").unwrap()..];
        // The page's text only: tags and their attributes are not set in type.
        let mut text = String::new();
        let mut in_tag = false;
        for c in body.chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                c if !in_tag => text.push(c),
                _ => {}
            }
        }
        for mark in ['?', '!', ';', ':', '%', '»'] {
            assert!(
                !text.contains(&format!(" {mark}")),
                "{args:?}: a plain space before {mark:?} in {:?}",
                text.find(&format!(" {mark}"))
                    .map(|at| &text[at.saturating_sub(40)..at + 2])
            );
        }
        assert!(!text.contains("« "), "{args:?}: a plain space after «");
    }
}

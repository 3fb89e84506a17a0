//! `glose export`: the handout is compared byte for byte with golden files in `tests/golden/`,
//! through the real binary.
//!
//! After an intended change (to the handout or to the article), regenerate the golden files with
//! `GLOSE_BLESS=1 cargo test --test handout` and read the diff before committing it.

mod common;

use std::process::Command;

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/tour-atelier");
const ENGLISH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/english");

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

// ---------------------------------------------------------------------------------------------
// The brief (`glose export --brief`)

#[test]
fn markdown_brief_of_the_bundled_article() {
    golden("brief.md", &glose(&["export", "--brief"]));
}

#[test]
fn html_brief_of_the_bundled_article() {
    golden(
        "brief.html",
        &glose(&["export", "--brief", "--format", "html"]),
    );
}

#[test]
fn the_brief_of_an_english_text_speaks_english() {
    golden("brief-english.md", &glose(&["export", ENGLISH, "--brief"]));
    golden(
        "brief-english.html",
        &glose(&["export", ENGLISH, "--brief", "--format", "html"]),
    );
}

#[test]
fn the_brief_of_a_french_text_speaks_french_whatever_the_locale() {
    // The fixture is French: its brief speaks French whatever the locale.
    let brief = String::from_utf8(glose(&["export", FIXTURE, "--brief"])).expect("UTF-8");
    assert!(brief.contains("## Notes, une ligne chacune"), "{brief}");
}

/// The text of an HTML page outside its tags, scripts and style, entities left as written.
fn page_text(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(c) = rest.chars().next() {
        if let Some(tag) = ["<script", "<style"].iter().find(|t| rest.starts_with(**t)) {
            let close = format!("</{}>", &tag[1..]);
            rest = rest.find(&close).map_or("", |at| &rest[at + close.len()..]);
        } else if c == '<' {
            rest = rest.find('>').map_or("", |at| &rest[at + 1..]);
        } else {
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

#[test]
fn no_breakable_space_before_french_punctuation_in_the_html_brief() {
    let page = String::from_utf8(glose(&["export", "--brief", "--format", "html"])).expect("UTF-8");
    let text = page_text(&page);
    assert!(text.contains("Banque mondiale"), "the text is there");
    let chars: Vec<char> = text.chars().collect();
    let mut checked = 0;
    for (i, pair) in chars.windows(2).enumerate() {
        let around = || {
            chars[i.saturating_sub(30)..(i + 30).min(chars.len())]
                .iter()
                .collect::<String>()
        };
        if pair[0].is_ascii_whitespace() && "?!;:%»".contains(pair[1]) {
            panic!("a breakable space before {:?}: {:?}", pair[1], around());
        }
        if pair[0] == '«' && pair[1].is_ascii_whitespace() {
            panic!("a breakable space after «: {:?}", around());
        }
        checked += usize::from("?!;:%»".contains(pair[1]));
    }
    assert!(
        checked > 100,
        "the page has French punctuation to check ({checked})"
    );
    assert!(!page.contains("&nbsp;") || page.contains('\u{a0}'));
}

#[test]
fn the_brief_is_at_most_45_percent_of_the_full_html_handout() {
    let full = glose(&["export", "--format", "html"]).len();
    let brief = glose(&["export", "--brief", "--format", "html"]).len();
    assert!(
        brief * 100 <= full * 45,
        "the brief is {brief} bytes, the full handout {full}: {}%",
        brief * 100 / full
    );
}

#[test]
fn the_brief_never_gives_a_verdict_the_annotations_do_not() {
    let brief = String::from_utf8(glose(&["export", "--brief"])).expect("UTF-8");
    let article = glose::content::load_bundled().expect("bundled").article;
    let lines: Vec<&str> = brief
        .lines()
        .skip_while(|l| *l != "## Notes, une ligne chacune")
        .skip(2)
        .take(article.annotations.len())
        .collect();
    assert_eq!(lines.len(), article.annotations.len(), "one line each");
    let labels = ["confirmé", "imprécis", "déformé", "invérifiable"];
    for (n, (line, annotation)) in lines.iter().zip(&article.annotations).enumerate() {
        assert!(line.starts_with(&format!("{}. ", n + 1)), "{line}");
        let verdict = line.split(" — ").nth(1).expect("claim — verdict — source");
        match annotation.verdict {
            None => assert_eq!(verdict, "pas de verdict", "{line}"),
            Some(glose::content::Verdict::Unverifiable) => {
                assert_eq!(verdict, "? invérifiable (ni confirmé ni démenti)", "{line}");
                assert!(
                    line.contains("— cherché dans\u{a0}:")
                        || line.ends_with("aucune source indiquée"),
                    "{line}"
                );
            }
            Some(v) => {
                assert!(verdict.ends_with(v.label_fr()), "{line}");
                assert!(!verdict.contains("invérifiable"), "{line}");
            }
        }
        // The verdict's word, before what it means ("ni confirmé ni démenti").
        let word = verdict.split(" (").next().unwrap_or(verdict);
        let named = labels.iter().filter(|l| word.contains(**l)).count();
        assert_eq!(named, usize::from(annotation.verdict.is_some()), "{line}");
    }
}

#[test]
fn a_brief_in_another_format_is_refused_in_plain_words() {
    let output = Command::new(env!("CARGO_BIN_EXE_glose"))
        .args(["--lang", "en", "export", "--brief", "--format", "w3c"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr).trim(),
        "glose export: --brief writes Markdown or HTML: leave out --format, or give --format html"
    );
    assert!(output.stdout.is_empty());
}

/// The first of `names` that exists.
fn find(names: &[&str]) -> Option<std::path::PathBuf> {
    names
        .iter()
        .map(std::path::PathBuf::from)
        .find(|p| p.exists())
}

#[test]
fn the_html_brief_prints_on_at_most_8_a4_pages() {
    let Some(chromium) = find(&["/usr/bin/chromium", "/usr/bin/chromium-browser"]) else {
        println!("skipped: Chromium is not installed (apt-get install chromium)");
        return;
    };
    let Some(pdfinfo) = find(&["/usr/bin/pdfinfo"]) else {
        println!("skipped: pdfinfo is not installed (apt-get install poppler-utils)");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("brief.html");
    let pdf = dir.path().join("brief.pdf");
    std::fs::write(&page, glose(&["export", "--brief", "--format", "html"])).unwrap();
    let mut child = Command::new(&chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
        ])
        .arg(format!(
            "--user-data-dir={}",
            dir.path().join("profile").display()
        ))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", page.display()))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("run chromium");
    // Bounded: a loaded machine gets two minutes, then the browser is stopped.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    while child.try_wait().unwrap().is_none() {
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            panic!("chromium did not print the brief within 2 minutes");
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let info = Command::new(pdfinfo)
        .arg(&pdf)
        .output()
        .expect("run pdfinfo");
    let info = String::from_utf8_lossy(&info.stdout);
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("no page count in pdfinfo's output: {info}"));
    assert!(info.contains("(A4)"), "printed on A4: {info}");
    assert!(
        (2..=8).contains(&pages),
        "the brief prints on {pages} pages"
    );
}

#[test]
fn no_handout_writes_an_empty_list() {
    // The bundled tour has a stop without questions.
    for args in [
        &["export", "--format", "html"][..],
        &["export", "--brief", "--format", "html"],
        &["export", FIXTURE, "--format", "html"],
    ] {
        let page = String::from_utf8(glose(args)).expect("UTF-8");
        let lists = page.matches("<ul>").count();
        assert!(lists > 0, "{args:?}: no list at all");
        assert_eq!(
            page.matches("<ul>\n<li>").count(),
            lists,
            "{args:?}: a list without an item"
        );
    }
}

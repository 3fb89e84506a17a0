//! The CommonMark spec's own examples as an oracle for `glose print` (see
//! `tests/fixtures/commonmark/README.md`): for each example, every word of the visible text of
//! the expected HTML appears, in order, in the printed text, and every line of each code block
//! is a line of its own. Examples of the sections on raw HTML and link reference definitions
//! are counted apart: glose hides tags and shows no definition, as a browser does not either,
//! but a word-level oracle cannot tell those apart from a loss.

use std::path::Path;

use glose::i18n::Lang;

/// One example of the spec.
struct Example {
    number: usize,
    section: String,
    markdown: String,
    html: String,
}

fn examples() -> Vec<Example> {
    let spec = std::fs::read_to_string("tests/fixtures/commonmark/spec.txt").expect("spec.txt");
    let fence = "````````````````````````````````";
    let mut out = Vec::new();
    let mut section = String::new();
    let mut lines = spec.lines();
    while let Some(line) = lines.next() {
        if let Some(title) = line
            .strip_prefix("## ")
            .or_else(|| line.strip_prefix("### "))
        {
            section = title.trim().to_owned();
        }
        if line.starts_with(fence) && line.ends_with("example") {
            let mut markdown = String::new();
            for l in lines.by_ref() {
                if l == "." {
                    break;
                }
                markdown.push_str(l);
                markdown.push('\n');
            }
            let mut html = String::new();
            for l in lines.by_ref() {
                if l.starts_with(fence) {
                    break;
                }
                html.push_str(l);
                html.push('\n');
            }
            out.push(Example {
                number: out.len() + 1,
                section: section.clone(),
                markdown: markdown.replace('→', "\t"),
                html: html.replace('→', "\t"),
            });
        }
    }
    out
}

/// The visible text of HTML: tags dropped, entities decoded.
fn visible(html: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => {
                in_tag = true;
                text.push(' ');
            }
            '>' if in_tag => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    html_escape::decode_html_entities(&text).into_owned()
}

/// The lines of each `<pre><code>` block of the expected HTML.
fn code_lines(html: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<pre><code") {
        let after = &rest[start + "<pre>".len()..];
        let Some(open_end) = after.find('>') else {
            break;
        };
        let body = &after[open_end + 1..];
        let end = body.find("</code></pre>").unwrap_or(body.len());
        for line in html_escape::decode_html_entities(&body[..end]).lines() {
            if !line.trim().is_empty() {
                lines.push(line.to_owned());
            }
        }
        rest = &body[end..];
    }
    lines
}

/// `glose print` of a Markdown text, at a width no line of the spec reaches.
fn print(markdown: &str, dir: &Path, number: usize) -> String {
    let path = dir.join(format!("example-{number}.md"));
    std::fs::write(&path, markdown).expect("write");
    let Ok(loaded) = glose::content::load_path(&path) else {
        return String::new();
    };
    let mut out = Vec::new();
    glose::print::print(&loaded.article, 1000, Lang::En, &mut out).expect("print");
    String::from_utf8(out).expect("UTF-8")
}

/// Why an example fails, if it does.
fn check(example: &Example, printed: &str) -> Option<String> {
    let mut at = 0;
    for word in visible(&example.html).split_whitespace() {
        match printed.get(at..).and_then(|rest| rest.find(word)) {
            Some(i) => at += i + word.len(),
            None => return Some(format!("word {word:?} missing (or out of order)")),
        }
    }
    for line in code_lines(&example.html) {
        // Tabs are expanded: white space runs compare as one space. Before the code, a line
        // may hold only what shows where it sits: `>` quote marks, a list marker, `↪`.
        let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        let code = words(&line);
        let own_line = printed.lines().any(|l| {
            let l = words(l);
            l.strip_suffix(code.as_str())
                .is_some_and(|before| before.chars().all(|c| !c.is_alphabetic() || c == 'x'))
        });
        if !own_line {
            return Some(format!("code line {line:?} is not a line of its own"));
        }
    }
    None
}

#[test]
fn the_spec_examples_are_all_read() {
    let dir = tempfile::tempdir().expect("temp dir");
    let examples = examples();
    assert_eq!(examples.len(), 652, "spec 0.31.2 has 652 examples");
    let set_apart = |e: &Example| {
        matches!(
            e.section.as_str(),
            "Raw HTML" | "HTML blocks" | "Link reference definitions"
        )
    };
    let mut failures = Vec::new();
    let (mut counted, mut passed, mut apart, mut apart_passed) = (0, 0, 0, 0);
    for example in &examples {
        let printed = print(&example.markdown, dir.path(), example.number);
        let failure = check(example, &printed);
        if set_apart(example) {
            apart += 1;
            apart_passed += usize::from(failure.is_none());
            if let Some(why) = &failure {
                println!(
                    "set apart: example {} ({}): {why}",
                    example.number, example.section
                );
            }
            continue;
        }
        counted += 1;
        match failure {
            None => passed += 1,
            Some(why) => failures.push(format!(
                "example {} ({}): {why}\n--- markdown\n{}--- printed\n{printed}",
                example.number, example.section, example.markdown
            )),
        }
    }
    println!(
        "CommonMark 0.31.2: {passed}/{counted} examples pass outside raw HTML and link reference \
         definitions; {apart_passed}/{apart} of those"
    );
    assert!(
        failures.is_empty(),
        "{} of {counted} examples fail:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

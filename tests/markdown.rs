//! Real documents read as their authors wrote them (`tests/fixtures/real/`, with their
//! licences): `glose print` of each compared with a golden file, screens of each at 80×24 and
//! 120×40 with their styles (insta snapshots, monochrome theme: every distinction holds
//! without colour), standard input, and a property test that no visible character of any
//! Markdown is lost on screen, whatever the width.
//!
//! After an intended change: `GLOSE_BLESS=1 cargo test --test markdown` rewrites the golden
//! files, `INSTA_UPDATE=always cargo test --test markdown` the snapshots; read the diffs first.

mod common;

use std::collections::HashMap;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use glose::app::App;
use glose::content::Article;
use glose::i18n::Lang;
use glose::layout::{RowKind, RowStyle, lay_out, panes};
use glose::theme::{Theme, ThemeName};
use glose::ui;
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Modifier;

const FIXTURES: [&str; 5] = [
    "termina-README.md",
    "critical-section-README.md",
    "vte-CHANGELOG.md",
    "bom.md",
    "latin1.txt",
];

fn fixture(name: &str) -> String {
    format!("tests/fixtures/real/{name}")
}

/// Runs glose with stdout piped, in English, without a settings file.
fn glose(args: &[&str], stdin: Option<&[u8]>) -> std::process::Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_glose"))
        .args(args)
        .env("LANG", "en_GB.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("GLOSE_CONFIG", "")
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run glose");
    if let (Some(bytes), Some(mut pipe)) = (stdin, child.stdin.take()) {
        pipe.write_all(bytes).expect("write stdin");
    }
    child.wait_with_output().expect("wait for glose")
}

#[test]
fn print_of_real_documents() {
    for name in FIXTURES {
        let output = glose(&["print", "--width", "80", &fixture(name)], None);
        assert!(
            output.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        common::golden::golden("markdown", &format!("real-{name}.txt"), &output.stdout);
    }
}

#[test]
fn nothing_the_author_wrote_is_lost_in_print() {
    let printed = |name: &str| {
        String::from_utf8(glose(&["print", &fixture(name)], None).stdout).expect("UTF-8")
    };
    // A `#` line inside a code block is code, on a line of its own.
    let critical = printed("critical-section-README.md");
    for line in [
        "# #[cfg(not(feature = \"std\"))] // needed for `cargo test --features std`",
        "#     critical_section::set_impl!(MyCriticalSection);",
        "[dependencies]",
    ] {
        assert!(
            critical.lines().any(|l| l.trim() == line),
            "missing line {line:?}:\n{critical}"
        );
    }
    // A table as aligned columns, HTML tags hidden with their words kept, lists one item a
    // line, no Markdown syntax left.
    let termina = printed("termina-README.md");
    assert!(termina.contains("Kitty Keyboard Protocol | ✓"), "{termina}");
    assert!(termina.contains("Crossterm license..."));
    assert!(!termina.contains("<details>") && !termina.contains("**"));
    assert!(termina.contains("\n  MIT License\n"), "code kept verbatim");
    // A setext title, `##` versions as parts, their items one a line.
    let vte = printed("vte-CHANGELOG.md");
    assert!(vte.starts_with("=========\nCHANGELOG\n"), "{vte}");
    assert!(vte.contains("\n0.15.0\n======\n"));
    assert!(vte.contains("\n• Replaced no_std with a new std feature\n• Changed"));
    // A byte-order mark hides nothing; a Latin-1 file is read, and says so.
    assert!(printed("bom.md").starts_with("================\nNotes de lecture\n"));
    let latin1 = printed("latin1.txt");
    assert!(latin1.contains("Chère Amélie,") && latin1.contains("(Windows-1252)"));
    assert!(latin1.contains("\n    Amélie Poulain\n    12, rue des Trois-Frères\n"));
}

#[test]
fn check_warns_about_a_file_that_is_not_utf8() {
    let output = glose(&["check", &fixture("latin1.txt")], None);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("is not UTF-8; it is read as Windows-1252"),
        "{stderr}"
    );
}

#[test]
fn standard_input_is_read_as_markdown() {
    let output = glose(
        &["print", "-"],
        Some(b"# Piped\n\n```\n# kept\n```\n\n- a\n- b\n"),
    );
    let text = String::from_utf8(output.stdout).expect("UTF-8");
    assert!(output.status.success());
    assert!(text.contains("\n  # kept\n\n• a\n• b\n"), "{text}");
}

#[test]
fn export_gives_the_authors_markdown_back_and_real_html() {
    let path = fixture("critical-section-README.md");
    let markdown = String::from_utf8(glose(&["export", &path], None).stdout).expect("UTF-8");
    assert!(
        markdown.contains("```rust\n# #[cfg(not(feature = \"std\"))]"),
        "{markdown}"
    );
    // The author's words are never escaped (the editors' bracketed headings are theirs).
    let authors: Vec<&str> = markdown
        .lines()
        .filter(|l| !l.contains("\\[Introduction\\]") && !l.contains("square brackets"))
        .collect();
    assert!(
        authors
            .iter()
            .all(|l| !l.contains("\\-") && !l.contains("\\[")),
        "never escaped"
    );
    assert!(markdown.contains("- The [`cortex-m`](https://crates.io/crates/cortex-m) crate"));
    let html = String::from_utf8(
        glose(
            &["export", "--format", "html", &fixture("termina-README.md")],
            None,
        )
        .stdout,
    )
    .expect("UTF-8");
    for element in [
        "<pre><code>",
        "<table>",
        "<th>",
        "<ul>",
        "<li>",
        "<a href=\"https://crates.io/crates/termina\">",
        "<strong>Kitty",
    ] {
        assert!(html.contains(element), "missing {element}:\n{html}");
    }
    assert!(!html.contains("<p><pre>") && !html.contains("<details>"));
}

/// A screen with its styles: the text, then under each row the style of each cell as a
/// letter (`.` plain; else a letter of the set of bold, dim, italic, underline, reverse and
/// struck-through).
fn styled_screen(app: &App) -> String {
    let (width, height) = app.view.size;
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    terminal.draw(|frame| ui::render(app, frame)).expect("draw");
    let buffer = terminal.backend().buffer();
    let letters: Vec<char> = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+/"
        .chars()
        .collect();
    let mut out = String::new();
    for y in 0..height {
        let mut text = String::new();
        let mut styles = String::new();
        for x in 0..width {
            let cell = &buffer[(x, y)];
            text.push_str(cell.symbol());
            let m = cell.modifier;
            let bits = [
                Modifier::BOLD,
                Modifier::DIM,
                Modifier::ITALIC,
                Modifier::UNDERLINED,
                Modifier::REVERSED,
                Modifier::CROSSED_OUT,
            ]
            .iter()
            .enumerate()
            .fold(
                0usize,
                |b, (i, &f)| if m.contains(f) { b | 1 << i } else { b },
            );
            styles.push(if bits == 0 {
                '.'
            } else {
                letters.get(bits).copied().unwrap_or('?')
            });
        }
        out.push_str(text.trim_end());
        out.push('\n');
        if styles.contains(|c| c != '.') {
            out.push_str(styles.trim_end_matches('.'));
            out.push('\n');
        }
    }
    out
}

fn reader(path: &str, width: u16, height: u16) -> App {
    let loaded = glose::content::load_path(Path::new(path)).expect("the file loads");
    App::new(
        loaded.article,
        Lang::En,
        Theme::named(ThemeName::Monochrome),
        (width, height),
    )
}

#[test]
fn screens_of_real_documents() {
    for name in FIXTURES {
        for (w, h) in [(80, 24), (120, 40)] {
            let app = reader(&fixture(name), w, h);
            insta::assert_snapshot!(format!("{name}-{w}x{h}"), styled_screen(&app));
        }
    }
}

#[test]
fn code_and_tables_on_screen() {
    // The first pane of critical-section's README ("Usage in no-std binaries") holds its `#`
    // lines.
    let app = reader(&fixture("critical-section-README.md"), 100, 200);
    let screen = styled_screen(&app);
    assert!(
        screen.contains("│ # #[cfg(not(feature = \"std\"))]"),
        "{screen}"
    );
    let app = reader(&fixture("termina-README.md"), 40, 200);
    let screen = styled_screen(&app);
    // At 40 columns the table's cells wrap within their columns.
    assert!(screen.contains("│ VTE Mode"), "{screen}");
}

// ---------------------------------------------------------------------------------------------
// Nothing lost, at any width

/// Markdown made of the blocks and inline syntax authors use.
fn markdown() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        "[a-zé0-9]{1,8}",
        "[a-z]{1,6}".prop_map(|w| format!("**{w}**")),
        "[a-z]{1,6}".prop_map(|w| format!("*{w}*")),
        "[a-z]{1,6}".prop_map(|w| format!("`{w}`")),
        "[a-z]{1,6}".prop_map(|w| format!("[{w}](http://x.y/{w})")),
        "[a-z]{1,6}".prop_map(|w| format!("~~{w}~~")),
        Just("#".to_owned()),
        Just("«".to_owned()),
        Just("»".to_owned()),
    ];
    let words = prop::collection::vec(word, 1..12).prop_map(|w| w.join(" "));
    let block = prop_oneof![
        words.clone(),
        words.clone().prop_map(|w| format!("# {w}")),
        words.clone().prop_map(|w| format!("## {w}")),
        words.clone().prop_map(|w| format!("### {w}")),
        words.clone().prop_map(|w| format!("{w}\n===")),
        words.clone().prop_map(|w| format!("- {w}\n- {w}\n  - {w}")),
        words.clone().prop_map(|w| format!("1. {w}\n2. [x] {w}")),
        words.clone().prop_map(|w| format!("> {w}\n> {w}")),
        prop::collection::vec("[ a-z#{}();=]{0,90}", 1..5)
            .prop_map(|lines| format!("```rust\n{}\n```", lines.join("\n"))),
        (words.clone(), words.clone())
            .prop_map(|(a, b)| format!("| {a} | x |\n|---|--:|\n| {b} | yy |")),
        Just("---".to_owned()),
    ];
    prop::collection::vec(block, 1..8).prop_map(|blocks| blocks.join("\n\n"))
}

/// Every character the parser gives as visible text, counted.
fn visible_chars(markdown: &str) -> HashMap<char, usize> {
    use pulldown_cmark::{Event, Options, Parser};
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES;
    let mut counts = HashMap::new();
    for event in Parser::new_ext(markdown, options) {
        if let Event::Text(t) | Event::Code(t) = event {
            for c in t.chars().filter(|c| !c.is_whitespace()) {
                *counts.entry(c).or_insert(0) += 1;
            }
        }
    }
    counts
}

/// Every character shown: the title, the panes' titles and every row of every pane.
fn shown_chars(article: &Article, width: usize) -> HashMap<char, usize> {
    let mut shown = article.meta.title.clone();
    for part in &article.parts {
        shown.push_str(&part.heading);
    }
    for pane in panes(article) {
        let layout = lay_out(article, &pane, width);
        for row in &layout.rows {
            if row.kind != RowKind::Text {
                continue;
            }
            if let RowStyle::Cells { first, count } = row.deco.style {
                let first = first as usize;
                for cell in &layout.cells[first..first + usize::from(count)] {
                    shown.push_str(article.slice(cell.range.clone()));
                }
            } else {
                shown.push_str(article.slice(row.range.clone()));
            }
        }
    }
    let mut counts = HashMap::new();
    for c in shown.chars().filter(|c| !c.is_whitespace()) {
        *counts.entry(c).or_insert(0) += 1;
    }
    counts
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn every_visible_character_is_on_screen(source in markdown(), width in 1usize..140) {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("doc.md");
        std::fs::write(&path, &source).expect("write");
        let visible = visible_chars(&source);
        let Ok(loaded) = glose::content::load_path(&path) else {
            // Refused as empty: only when nothing in it is visible (a lone `---`).
            prop_assert!(visible.is_empty(), "refused:\n{}", source);
            return Ok(());
        };
        let shown = shown_chars(&loaded.article, width);
        for (c, n) in visible {
            let on_screen = shown.get(&c).copied().unwrap_or(0);
            prop_assert!(on_screen >= n, "{:?}: {} in the text, {} on screen at width {}\n{}", c, n, on_screen, width, source);
        }
    }
}

#[test]
fn quotes_anchor_on_the_rendered_text_not_on_markdown() {
    let dir = tempfile::tempdir().expect("temp dir");
    for name in [
        "article.toml",
        "annotations.toml",
        "sources.toml",
        "tour.toml",
    ] {
        std::fs::copy(
            format!("tests/fixtures/valid-minimal/{name}"),
            dir.path().join(name),
        )
        .expect("copy");
    }
    // The quoted words now carry Markdown: strong, emphasis, a link.
    std::fs::write(
        dir.path().join("text.md"),
        "Le texte commence ici, avant tout titre, comme une introduction.\n\n# Première partie\n\n\
         Selon la Banque mondiale, près de **430 millions** de _modérateurs_ travaillent\n\
         pour les plateformes. Ils gagnent 2 dollars de l’heure.\n\n\
         Les « [data workers](https://example.org) » restent invisibles.\n",
    )
    .expect("write");
    let output = glose(&["check", dir.path().to_str().expect("UTF-8")], None);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let article = glose::content::load_path(dir.path())
        .expect("loads")
        .article;
    let words: Vec<&str> = article
        .annotations
        .iter()
        .map(|a| article.slice(a.range.clone()))
        .collect();
    assert_eq!(words, ["430 millions de modérateurs", "data workers"]);
}

#[test]
fn two_lists_of_different_kinds_are_two_lists() {
    let output = glose(
        &["print", "-"],
        Some(b"# T\n\n- a\n- b\n\n1. x\n2. y\n\n- c\n"),
    );
    let text = String::from_utf8(output.stdout).expect("UTF-8");
    assert!(text.contains("• a\n• b\n\n1. x\n2. y\n\n• c\n"), "{text}");
}

#[test]
fn images_with_nothing_between_them_read_as_two_words() {
    let source = "# Badges\n\n[![CI](ci.svg)](https://ci.example)[![docs](d.svg)](https://docs.rs)\
                  ![logo](l.png)![icon](i.png) after.\n\nText ![a](x)![b](y) end.\n";
    let output = glose(&["print", "-"], Some(source.as_bytes()));
    let text = String::from_utf8(output.stdout).expect("UTF-8");
    assert!(output.status.success());
    assert!(
        text.contains("\nCI docs logo icon after.\n\nText a b end.\n"),
        "{text}"
    );
    // On screen: the words styled (links underlined, images italic), the spaces between them not.
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("badges.md");
    std::fs::write(&path, source).expect("write");
    let screen = styled_screen(&reader(path.to_str().expect("UTF-8"), 80, 12));
    let lines: Vec<&str> = screen.lines().collect();
    let row = lines
        .iter()
        .position(|l| l.contains("CI docs logo icon after."))
        .unwrap_or_else(|| panic!("the badges' row:\n{screen}"));
    let (text_row, styles) = (lines[row], lines[row + 1]);
    // Columns, in chars (the frame's `┃` is three bytes, its style one).
    let at = text_row
        .find("CI docs")
        .map(|b| text_row[..b].chars().count())
        .expect("CI");
    let style_of = |from: usize, len: usize| styles.get(at + from..at + from + len);
    // A space between two styled words is plain, each word is styled.
    assert_eq!(style_of(2, 1), Some("."), "{screen}");
    assert!(style_of(0, 2).is_some_and(|s| !s.contains('.')), "{screen}");
    assert!(style_of(3, 4).is_some_and(|s| !s.contains('.')), "{screen}");
}

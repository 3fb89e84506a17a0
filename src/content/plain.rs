//! A plain file read as an article without annotations: Markdown (`.md`, `.markdown`, `.mdown`,
//! `.mkd`) through the same parser as a folder's `text.md`, anything else (`.txt`, `.text`,
//! `.rst`, no extension, standard input…) as plain text.
//!
//! Markdown parts: the shallowest heading level used more than once begins parts (`part-1`,
//! `part-2`, … of kind `part`), any number of them; deeper headings are headings inside the
//! part; a leading heading of a shallower level, used once, is the title (else the file name
//! is). Text before the first part heading is a part of kind `introduction` when it holds text;
//! a file without headings is one part. Plain text is one part of paragraphs (blank lines
//! between them), each line joined to the one before except lines kept as they are: indented
//! ones and consecutive short ones (verse, addresses, option columns). A UTF-8 byte-order mark
//! is dropped; a file that is not UTF-8 is read as Windows-1252, with a warning and a notice in
//! its title. The language is guessed (see [`guess_language`]).

use super::diagnostic::Diagnostic;
use super::markdown::{self, Body, PartLevel, Section};
use super::model::{Article, Block, BlockKind, Meta, Part, PartKind};
use super::{LoadError, Loaded};
use crate::content::diagnostic::lang;
use crate::i18n::diagnostics::files as msg;
use crate::text::sanitize::clean_line;

/// How a plain file's text is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    Markdown,
    PlainText,
}

impl Syntax {
    /// The syntax of a file from its extension (lower case, without the dot).
    pub fn of_extension(extension: Option<&str>) -> Self {
        match extension {
            Some("md" | "markdown" | "mdown" | "mkd" | "mkdn" | "mdwn") => Self::Markdown,
            _ => Self::PlainText,
        }
    }
}

/// A line at most this many chars long is short: consecutive short lines are kept as lines.
const SHORT_LINE: usize = 50;

/// Loads `bytes`, the content of the file `label` whose name without extension is `name`.
pub fn load(label: &str, name: &str, bytes: Vec<u8>, syntax: Syntax) -> Result<Loaded, LoadError> {
    let (source, windows_1252) = decode(&bytes);
    let body = match syntax {
        Syntax::Markdown => markdown::parse(&source, PartLevel::Auto),
        Syntax::PlainText => prose(&source),
    };
    drop(source);
    drop(bytes);
    build(label, name, body, windows_1252)
}

/// Loads a Markdown file read in chunks ([`markdown::read`]): each chunk is dropped once parsed.
pub fn load_chunked(
    label: &str,
    name: &str,
    chunked: markdown::Chunked,
) -> Result<Loaded, LoadError> {
    build(
        label,
        name,
        markdown::parse_chunked(chunked, PartLevel::Auto),
        false,
    )
}

/// The article of a parsed file.
fn build(label: &str, name: &str, body: Body, windows_1252: bool) -> Result<Loaded, LoadError> {
    let mut warnings = Vec::new();
    if windows_1252 {
        warnings.push(
            Diagnostic::error(label, msg::not_utf_read_windows_latin(lang(), &label))
                .with_hint(msg::if_some_letters_look_wrong(lang()))
                .into_warning(),
        );
    }
    if body.text.trim().is_empty() {
        return Err(LoadError::Content(vec![
            Diagnostic::error(label, msg::file_empty(lang(), &label))
                .with_hint(msg::there_no_text_read_file(lang())),
        ]));
    }
    let mut title = body
        .title
        .as_ref()
        .map_or_else(|| clean_line(name), |h| h.text.clone());
    if windows_1252 {
        title.push_str(" (Windows-1252)");
    }

    let mut parts = Vec::new();
    let headed = body.sections.iter().any(|s| s.heading.is_some());
    let language = guess_language(&body.text).to_owned();
    let Body {
        text,
        sections,
        blocks,
        styles,
        links,
        ..
    } = body;
    for section in sections {
        let (kind, heading) = match section.heading {
            Some(h) => (PartKind::Part, h.text),
            // The editors' heading, not the author's: shown in brackets, as the bundled one.
            None if headed => (
                PartKind::Introduction,
                super::model::editorial_heading("Introduction"),
            ),
            None => (PartKind::Part, title.clone()),
        };
        if section.paragraphs.is_empty() {
            continue;
        }
        parts.push(Part {
            id: format!("part-{}", parts.len() + 1),
            kind,
            heading,
            paragraphs: section.paragraphs,
        });
    }

    let editorial_parts = parts
        .iter()
        .filter(|p| p.kind == PartKind::Introduction)
        .map(|p| p.id.clone())
        .collect();
    let meta = Meta {
        title,
        editorial_parts,
        language,
        ..Meta::default()
    };
    let article = Article {
        meta,
        text,
        parts,
        blocks,
        styles,
        links,
        ..Article::default()
    };
    Ok(Loaded { article, warnings })
}

/// The text of a file: UTF-8 without its byte-order mark, or else Windows-1252 (`true`).
fn decode(bytes: &[u8]) -> (std::borrow::Cow<'_, str>, bool) {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.into(), false),
        Err(_) => {
            let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
            (text, true)
        }
    }
}

/// A plain-text file as one section of paragraphs (see the module's documentation).
fn prose(source: &str) -> Body {
    let mut body = Body::default();
    body.text.reserve(source.len());
    let mut section = Section::default();
    let mut lines: Vec<&str> = Vec::new();
    for line in source.split('\n') {
        let line = line.strip_suffix('\r').unwrap_or(line).trim_end();
        if line.trim().is_empty() {
            paragraph(&mut body, &mut section, &lines);
            lines.clear();
        } else {
            lines.push(line);
        }
    }
    paragraph(&mut body, &mut section, &lines);
    body.sections.push(section);
    body
}

/// Appends one paragraph of plain text: its lines joined, or kept where they should be.
fn paragraph(body: &mut Body, section: &mut Section, lines: &[&str]) {
    if lines.is_empty() {
        return;
    }
    let indented = |l: &str| l.starts_with([' ', '\t']);
    let short = |l: &str| l.trim().chars().count() <= SHORT_LINE;
    // A break is kept before an indented line, and between two short lines.
    let kept = |i: usize| {
        let (Some(before), Some(line)) = (lines.get(i - 1), lines.get(i)) else {
            return false;
        };
        indented(line) || (short(before) && short(line))
    };
    let verbatim = (1..lines.len()).any(kept) || lines.first().is_some_and(|l| indented(l));
    if !body.text.is_empty() {
        body.text.push(' ');
    }
    let start = body.text.len();
    for (i, line) in lines.iter().enumerate() {
        let line = if verbatim && (i == 0 || kept(i)) {
            if i > 0 {
                body.text.push('\n');
            }
            clean_line(line)
        } else {
            if i > 0 {
                body.text.push(' ');
            }
            clean_line(line.trim())
        };
        body.text.push_str(&line);
    }
    let end = body.text.len();
    section.paragraphs.push(start..end);
    if verbatim {
        body.blocks.push(Block {
            start,
            kind: BlockKind::Lines,
            quote: 0,
            indent: 0,
            marker: None,
        });
    }
}

/// `"fr"` when the text looks French, else `"en"`: it holds a `«`, or the French words ` de `,
/// ` le `, ` la `, ` les `, ` et ` occur at least three times and more often than the English
/// ` the `, ` of `, ` and `, ` to `. Only French turns on special typography, so a wrong `"en"`
/// costs little.
pub fn guess_language(text: &str) -> &'static str {
    if text.contains('«') {
        return "fr";
    }
    const WORDS: [&str; 9] = [
        " de ", " le ", " la ", " les ", " et ", " the ", " of ", " and ", " to ",
    ];
    const FRENCH: usize = 5;
    // Occurrences that do not overlap, as `str::matches` counts them (five times faster).
    let count = |word: &str| memchr::memmem::find_iter(text.as_bytes(), word.as_bytes()).count();
    // A pass over the text a word: the French ones on a second core for a long text (a 10 MB
    // document's nine passes cost about 60 M instructions).
    let english = || -> usize { WORDS.iter().skip(FRENCH).map(|w| count(w)).sum() };
    let french = || -> usize { WORDS.iter().take(FRENCH).map(|w| count(w)).sum() };
    let (french, english) = if text.len() < 1024 * 1024 {
        (french(), english())
    } else {
        std::thread::scope(|scope| {
            let french = scope.spawn(french);
            let english = english();
            (french.join().unwrap_or(0), english)
        })
    };
    if french >= 3 && french > english {
        "fr"
    } else {
        "en"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load_str(text: &str) -> Loaded {
        load(
            "notes.md",
            "notes",
            text.as_bytes().to_vec(),
            Syntax::Markdown,
        )
        .unwrap()
    }

    fn headings(article: &Article) -> Vec<(&str, PartKind, &str)> {
        article
            .parts
            .iter()
            .map(|p| (p.id.as_str(), p.kind, p.heading.as_str()))
            .collect()
    }

    #[test]
    fn a_leading_title_heading_is_the_title() {
        let loaded = load_str("# Mon titre\n\nIntro.\n\n## Un\n\nA.\n\n## Deux\n\nB.\n");
        let article = &loaded.article;
        assert_eq!(article.meta.title, "Mon titre");
        assert_eq!(
            headings(article),
            [
                ("part-1", PartKind::Introduction, "[Introduction]"),
                ("part-2", PartKind::Part, "Un"),
                ("part-3", PartKind::Part, "Deux"),
            ]
        );
        // A level used twice begins the parts, deeper headings are inside them.
        let loaded = load_str("# Mon titre\n\nIntro.\n\n## Un\n\nA.\n\n# Deux\n\nB.\n");
        assert_eq!(loaded.article.meta.title, "notes");
        assert_eq!(
            headings(&loaded.article),
            [
                ("part-1", PartKind::Part, "Mon titre"),
                ("part-2", PartKind::Part, "Deux"),
            ]
        );
    }

    #[test]
    fn without_a_leading_heading_the_title_is_the_file_name() {
        let loaded = load_str("Before.\n\n# One\n\nA.\n");
        assert_eq!(loaded.article.meta.title, "notes");
        assert_eq!(
            headings(&loaded.article),
            [
                ("part-1", PartKind::Introduction, "[Introduction]"),
                ("part-2", PartKind::Part, "One")
            ]
        );
    }

    #[test]
    fn a_file_without_headings_is_one_part() {
        let loaded = load_str("Just text.\n\nMore text.\n");
        assert_eq!(
            headings(&loaded.article),
            [("part-1", PartKind::Part, "notes")]
        );
        assert_eq!(loaded.article.parts[0].paragraphs.len(), 2);
        let loaded = load_str("# Title\n\nJust text.\n");
        assert_eq!(
            headings(&loaded.article),
            [("part-1", PartKind::Part, "Title")]
        );
    }

    #[test]
    fn empty_headings_are_kept_as_parts_of_their_heading() {
        let loaded = load_str("# T\n\n## A\n## B\n\ntext\n");
        assert_eq!(
            headings(&loaded.article),
            [
                ("part-1", PartKind::Part, "A"),
                ("part-2", PartKind::Part, "B")
            ]
        );
        assert!(loaded.warnings.is_empty());
    }

    #[test]
    fn parts_are_the_shallowest_level_used_twice() {
        let loaded = load_str(
            "# Crate\n\nIntro.\n\n## Use\n\n### Detail\n\nx\n\n## Build\n\n```sh\n# not a heading\n```\n",
        );
        assert_eq!(loaded.article.meta.title, "Crate");
        assert_eq!(
            headings(&loaded.article),
            [
                ("part-1", PartKind::Introduction, "[Introduction]"),
                ("part-2", PartKind::Part, "Use"),
                ("part-3", PartKind::Part, "Build"),
            ]
        );
        let many: String = (1..=12)
            .map(|i| format!("# P{i}\n\ntext {i}\n\n"))
            .collect();
        assert_eq!(load_str(&many).article.parts.len(), 12);
    }

    #[test]
    fn empty_files_are_refused_and_latin_1_is_read() {
        assert!(matches!(
            load("a.txt", "a", b" \n\n".to_vec(), Syntax::PlainText),
            Err(LoadError::Content(_))
        ));
        let loaded = load(
            "a.txt",
            "a",
            b"caf\xe9 cr\xe8me".to_vec(),
            Syntax::PlainText,
        )
        .unwrap();
        assert_eq!(loaded.article.text, "café crème");
        assert_eq!(loaded.article.meta.title, "a (Windows-1252)");
        assert_eq!(loaded.warnings.len(), 1);
        let loaded = load(
            "a.md",
            "a",
            b"\xef\xbb\xbf# Head\n\ntext\n".to_vec(),
            Syntax::Markdown,
        )
        .unwrap();
        assert_eq!(loaded.article.meta.title, "Head");
        assert_eq!(
            headings(&loaded.article),
            [("part-1", PartKind::Part, "Head")]
        );
    }

    #[test]
    fn plain_text_keeps_short_and_indented_lines() {
        let text = "A long line of prose that was wrapped by the author's editor at\nseventy-two columns, and goes on here.\n\nRoses are red,\nviolets are blue.\n\nOptions:\n  -v   verbose\n  -q   quiet\n";
        let loaded = load("a.txt", "a", text.as_bytes().to_vec(), Syntax::PlainText).unwrap();
        let article = &loaded.article;
        let paragraphs: Vec<&str> = article.parts[0]
            .paragraphs
            .iter()
            .map(|r| article.slice(r.clone()))
            .collect();
        assert_eq!(
            paragraphs,
            [
                "A long line of prose that was wrapped by the author's editor at seventy-two columns, and goes on here.",
                "Roses are red,\nviolets are blue.",
                "Options:\n  -v   verbose\n  -q   quiet",
            ]
        );
        assert!(
            article
                .block_at(article.parts[0].paragraphs[0].start)
                .is_none()
        );
        assert!(
            article
                .block_at(article.parts[0].paragraphs[1].start)
                .is_some()
        );
    }

    #[test]
    fn the_language_guess_is_simple() {
        assert_eq!(guess_language("« Bonjour »"), "fr");
        assert_eq!(
            guess_language("Le chat de la voisine et le chien de la ferme"),
            "fr"
        );
        assert_eq!(guess_language("The cat of the neighbour and the dog"), "en");
        assert_eq!(guess_language("short"), "en");
        // A long text is counted on two threads, with the same result.
        let french = "Le chat de la voisine et le chien de la ferme. ".repeat(30_000);
        assert!(french.len() > 1024 * 1024);
        assert_eq!(guess_language(&french), "fr");
        let english = format!("{french}{}", " the cat of the dog and to".repeat(100_000));
        assert_eq!(guess_language(&english), "en");
    }
}

//! `article.toml` and the text file: the metadata, the parts, and the matching of the text's
//! `# ` headings with the `[[part]]` list.
//!
//! Headings are compared by the quote-matching rules (white-space runs and apostrophes unified),
//! in order. A part missing from the text, or a heading missing from `article.toml`, is reported
//! as such instead of as a cascade of mismatches.

use std::collections::HashMap;
use std::ops::Range;

use super::{check_id, check_url, is_safe_file_name, non_blank};
use crate::content::anchor;
use crate::content::diagnostic::{Diagnostic, SourceText};
use crate::content::markdown::{self, Body};
use crate::content::model::{Meta, Part, PartKind, editorial_heading};
use crate::content::raw::{self, RawMeta, RawPart};
use crate::text::sanitize::{clean_block, clean_line};

/// The keys of `article.toml` besides `[[part]]`.
const META_KEYS: [&str; 9] = [
    "title",
    "author",
    "byline",
    "language",
    "publisher",
    "date",
    "url",
    "annotations_by",
    "text",
];

/// A checked `[[part]]`.
pub(super) struct PartEntry {
    pub(super) id: String,
    pub(super) kind: PartKind,
    pub(super) heading: String,
    pub(super) heading_start: usize,
    /// `editorial = true`: the heading is the editors', not the author's.
    pub(super) editorial: bool,
}

/// `article.toml`: the metadata and the parts. `None` for what could not be read.
pub(super) fn read_article(
    src: &SourceText<'_>,
    diagnostics: &mut Vec<Diagnostic>,
) -> (Option<Meta>, Option<Vec<PartEntry>>) {
    let document = match raw::parse(src) {
        Ok(document) => document,
        Err(diagnostic) => {
            diagnostics.push(diagnostic);
            return (None, None);
        }
    };
    let allowed: Vec<&str> = META_KEYS.iter().copied().chain(["part"]).collect();
    raw::reject_unknown_keys(src, &document, &allowed, diagnostics);
    // `[[part]]` is read entry by entry below, and unknown keys are already reported.
    let skip: Vec<String> = document
        .get_ref()
        .keys()
        .map(|k| k.get_ref().to_string())
        .filter(|k| !META_KEYS.contains(&k.as_str()))
        .collect();
    let skip: Vec<&str> = skip.iter().map(String::as_str).collect();
    let mut meta =
        raw::root::<RawMeta>(src, &document, &skip, diagnostics).map(|m| meta(src, m, diagnostics));

    let errors_before = diagnostics.len();
    let entries = raw::entries::<RawPart>(src, &document, "part", diagnostics);
    // With an entry missing, matching parts with the text's headings would report nonsense.
    let complete = diagnostics.len() == errors_before;
    let mut seen = HashMap::new();
    let mut parts = Vec::new();
    for (_, part, _) in entries {
        // A part with a bad id is still matched with the text, so that both are checked.
        let id = check_id(src, &part.id, "part", &mut seen, diagnostics)
            .unwrap_or_else(|| clean_line(part.id.get_ref()));
        let heading = non_blank(
            src,
            &part.heading,
            "part heading is empty",
            "write the heading as it appears in the text after '# '",
            diagnostics,
        );
        parts.push(PartEntry {
            id,
            kind: part.kind,
            heading,
            heading_start: part.heading.span().start,
            editorial: part.editorial.unwrap_or(false),
        });
    }
    if let Some(meta) = meta.as_mut() {
        meta.editorial_parts = parts
            .iter()
            .filter(|p| p.editorial)
            .map(|p| p.id.clone())
            .collect();
    }
    if parts.is_empty() && complete {
        diagnostics.push(
            Diagnostic::error(src.label.clone(), "no [[part]] in article.toml").with_hint(
                "list the text's parts, in order, each with id, kind and heading (see FORMAT.md)",
            ),
        );
        return (meta, None);
    }
    (meta, complete.then_some(parts))
}

fn meta(src: &SourceText<'_>, raw: RawMeta, diagnostics: &mut Vec<Diagnostic>) -> Meta {
    let title = non_blank(
        src,
        &raw.title,
        "the title is empty",
        "give the text's title",
        diagnostics,
    );
    let language = clean_line(raw.language.get_ref()).trim().to_owned();
    if !is_language_tag(&language) {
        diagnostics.push(
            src.error_at(
                raw.language.span().start,
                format!("'{language}' is not a language tag"),
            )
            .with_hint("use a BCP 47 tag such as 'fr', 'en' or 'fr-CA'"),
        );
    }
    if let Some(text) = &raw.text
        && !is_safe_file_name(text.get_ref())
    {
        diagnostics.push(
            src.error_at(
                text.span().start,
                format!("'{}' is not a file name", clean_line(text.get_ref())),
            )
            .with_hint("name a file of this folder, such as 'text.md', without any '/'"),
        );
    }
    let optional = |s: Option<String>| {
        s.map(|s| clean_line(&s).trim().to_owned())
            .filter(|s| !s.is_empty())
    };
    Meta {
        title,
        author: clean_line(&raw.author).trim().to_owned(),
        byline: optional(raw.byline),
        language,
        publisher: optional(raw.publisher),
        date: optional(raw.date),
        url: raw.url.as_ref().map(|url| check_url(src, url, diagnostics)),
        annotations_by: raw.annotations_by.map(|s| clean_block(s.trim())),
        editorial_parts: Vec::new(),
    }
}

/// Two to three letters, then `-` and subtags of letters and digits.
fn is_language_tag(tag: &str) -> bool {
    let mut subtags = tag.split('-');
    let primary = subtags.next().unwrap_or("");
    (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_alphabetic())
        && subtags
            .all(|s| (1..=8).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// The text file, split into sections; `None` if it holds nothing at all (a heading with no
/// text under it is reported later, as an empty part).
pub(super) fn read_text(src: &SourceText<'_>, diagnostics: &mut Vec<Diagnostic>) -> Option<Body> {
    let body = markdown::parse(src.text, 1);
    if body.sections.is_empty() {
        diagnostics.push(
            Diagnostic::error(src.label.clone(), format!("'{}' is empty", src.label))
                .with_hint("write the text in it, its parts beginning with '# ' lines"),
        );
        return None;
    }
    for heading in &body.minor_headings {
        diagnostics.push(
            src.error_at_position(
                heading.line,
                1,
                format!(
                    "'{}' does not begin a part; the line is kept as a paragraph",
                    "#".repeat(heading.level)
                ),
            )
            .with_hint("parts begin with a line '# Heading' (one '#'), matching article.toml")
            .into_warning(),
        );
    }
    Some(body)
}

/// Same heading, by the quote-matching rules (white space and apostrophes unified).
fn same_heading(a: &str, b: &str) -> bool {
    anchor::normalize(a) == anchor::normalize(b)
}

/// Matches the text's sections with `article.toml`'s parts, in order, and builds the parts.
///
/// A section missing in the text or missing in `article.toml` is reported as such rather than as
/// a cascade of mismatches: the walk looks ahead for the heading it expected.
pub(super) fn align(
    parts: &[PartEntry],
    body: &Body,
    text_src: &SourceText<'_>,
    article_src: &SourceText<'_>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Part> {
    let text_name = text_src
        .label
        .rsplit('/')
        .next()
        .unwrap_or(&text_src.label)
        .to_owned();
    let mut out = Vec::new();
    let mut p = 0;
    let mut s = 0;
    let shown = |entry: &PartEntry, heading: &str| {
        if entry.editorial {
            editorial_heading(heading)
        } else {
            heading.to_owned()
        }
    };
    let build = |entry: &PartEntry, paragraphs: Vec<Range<usize>>| Part {
        id: entry.id.clone(),
        kind: entry.kind,
        heading: shown(entry, &entry.heading),
        paragraphs,
    };

    if let Some(preamble) = body.sections.first().filter(|s| s.heading.is_none()) {
        s = 1;
        match parts.first() {
            Some(first) if first.kind == PartKind::Introduction => {
                out.push(build(first, preamble.paragraphs.clone()));
                p = 1;
            }
            Some(first) => {
                let byte = preamble.paragraphs.first().map_or(0, |r| r.start);
                let (line, column) = body.map.position(&body.text, byte);
                diagnostics.push(
                    text_src
                        .error_at_position(
                            line,
                            column,
                            "the text before the first heading belongs to no part",
                        )
                        .with_hint(format!(
                            "begin it with the line '# {}' (part '{}'), or make the first [[part]] \
                             of article.toml of kind 'introduction'",
                            first.heading, first.id
                        )),
                );
            }
            None => {}
        }
    }

    let sections = body.sections.get(s..).unwrap_or_default();
    let parts_left = parts.get(p..).unwrap_or_default();
    let (mut i, mut j) = (0, 0);
    let heading_error = |line, column, message: String, hint: String| {
        text_src
            .error_at_position(line, column, message)
            .with_hint(hint)
    };
    let missing = |entry: &PartEntry| {
        article_src
            .error_at(
                entry.heading_start,
                format!("part '{}' has no heading in {text_name}", entry.id),
            )
            .with_hint(format!(
                "add the line '# {}' to {text_name} where the part begins",
                entry.heading
            ))
    };
    while let (Some(section), Some(entry)) = (sections.get(i), parts_left.get(j)) {
        let Some(heading) = &section.heading else {
            i += 1;
            continue;
        };
        if same_heading(&heading.text, &entry.heading) {
            if section.paragraphs.is_empty() {
                diagnostics.push(heading_error(
                    heading.line,
                    heading.column,
                    format!("part '{}' is empty", entry.id),
                    "write its text under the heading, or remove the part from both files"
                        .to_owned(),
                ));
            }
            let part = Part {
                heading: shown(entry, &heading.text),
                ..build(entry, section.paragraphs.clone())
            };
            out.push(part);
            i += 1;
            j += 1;
        } else if let Some(k) = parts_left.get(j + 1..).and_then(|rest| {
            rest.iter()
                .position(|e| same_heading(&heading.text, &e.heading))
        }) {
            for entry in parts_left.get(j..=j + k).unwrap_or_default() {
                diagnostics.push(missing(entry));
            }
            j += k + 1;
        } else if let Some(k) = sections.get(i + 1..).and_then(|rest| {
            rest.iter().position(|s| {
                s.heading
                    .as_ref()
                    .is_some_and(|h| same_heading(&h.text, &entry.heading))
            })
        }) {
            for section in sections.get(i..=i + k).unwrap_or_default() {
                if let Some(h) = &section.heading {
                    diagnostics.push(extra_heading(text_src, h));
                }
            }
            i += k + 1;
        } else {
            let (line, column) = article_src.position(entry.heading_start);
            diagnostics.push(heading_error(
                heading.line,
                heading.column,
                format!("heading '{}' does not match part '{}' of article.toml", heading.text, entry.id),
                format!(
                    "article.toml:{line}:{column} has heading = '{}'; the two must be equal (and in \
                     the same order)",
                    entry.heading
                ),
            ));
            i += 1;
            j += 1;
        }
    }
    for section in sections.get(i..).unwrap_or_default() {
        if let Some(h) = &section.heading {
            diagnostics.push(extra_heading(text_src, h));
        }
    }
    for entry in parts_left.get(j..).unwrap_or_default() {
        diagnostics.push(missing(entry));
    }
    out
}

fn extra_heading(text_src: &SourceText<'_>, heading: &markdown::Heading) -> Diagnostic {
    text_src
        .error_at_position(
            heading.line,
            heading.column,
            format!("heading '{}' matches no [[part]] of article.toml", heading.text),
        )
        .with_hint(format!(
            "add a [[part]] with heading = \"{}\" to article.toml, in text order, or remove the line",
            heading.text
        ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tags() {
        assert!(is_language_tag("fr"));
        assert!(is_language_tag("fr-CA"));
        assert!(is_language_tag("zh-Hant-TW"));
        assert!(!is_language_tag("french"));
        assert!(!is_language_tag(""));
        assert!(!is_language_tag("fr-"));
    }
}

//! `article.toml` and the text file: the metadata, the parts, and the matching of the text's
//! `# ` headings with the `[[part]]` list.
//!
//! Headings are compared by the quote-matching rules (white-space runs and apostrophes unified),
//! in order. A part missing from the text, or a heading missing from `article.toml`, is reported
//! as such instead of as a cascade of mismatches.

use crate::content::diagnostic::lang;
use crate::i18n::diagnostics::article as msg;
use std::collections::HashMap;
use std::ops::Range;

use super::{check_id, check_url, is_safe_file_name, non_blank};
use crate::content::anchor;
use crate::content::diagnostic::{Diagnostic, SourceText};
use crate::content::markdown::{self, Body};
use crate::content::model::{Meta, Part, PartKind, editorial_heading};
use crate::content::raw::{self, RawMeta, RawPart};
use crate::content::schema;
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
    let parsed = raw::parse_file(src, "part", diagnostics);
    let document = &parsed.document;
    let allowed: Vec<&str> = META_KEYS.iter().copied().chain(["part"]).collect();
    raw::reject_unknown_keys(src, document, &allowed, diagnostics);
    // `[[part]]` is read entry by entry below, and unknown keys are already reported.
    let skip: Vec<String> = document
        .get_ref()
        .keys()
        .map(|k| k.get_ref().to_string())
        .filter(|k| !META_KEYS.contains(&k.as_str()))
        .collect();
    let skip: Vec<&str> = skip.iter().map(String::as_str).collect();
    // When the lines before the first [[part]] do not parse, their keys are unknown: no
    // "missing title" for a title that is there.
    let mut meta = if parsed.head {
        raw::root::<RawMeta>(src, document, &schema::ARTICLE, &skip, diagnostics)
            .map(|m| meta(src, m, diagnostics))
    } else {
        None
    };

    let read = raw::entries::<RawPart>(src, document, &schema::PART, diagnostics);
    // With an entry missing, matching parts with the text's headings would report nonsense.
    let complete = read.complete && parsed.complete;
    let mut complete = complete;
    let mut entries = read.entries;
    if !read.complete && parsed.complete {
        // A part whose kind (say) is wrong is reported, but its id and heading still match it
        // with the text, so that the headings are checked too.
        let (salvaged, all) = salvage_parts(document, &entries);
        entries.extend(salvaged);
        entries.sort_by_key(|(index, _, _)| *index);
        complete = all;
    }
    let mut seen = HashMap::new();
    let mut parts = Vec::new();
    for (_, part, _) in entries {
        // A part with a bad id is still matched with the text, so that both are checked.
        let id = check_id(src, &part.id, "part", &mut seen, diagnostics)
            .unwrap_or_else(|| clean_line(part.id.get_ref()));
        let heading = non_blank(
            src,
            &part.heading,
            &msg::part_heading_empty(lang()),
            &msg::write_heading_appears_text_after(lang()),
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
            src.error_at(0, msg::no_part_article_toml(lang()))
                .with_hint(msg::list_text_parts_order_each(lang())),
        );
        return (meta, None);
    }
    (meta, complete.then_some(parts))
}

/// The `[[part]]` entries that did not pass their checks but have a text `id` and `heading`,
/// with a kind of `part` when theirs is wrong; and whether every entry is now read.
fn salvage_parts(
    document: &raw::Document<'_>,
    read: &raw::Entries<RawPart>,
) -> (raw::Entries<RawPart>, bool) {
    let mut out = Vec::new();
    let mut all = true;
    let Some(items) = document
        .get_ref()
        .get("part")
        .and_then(|v| v.get_ref().as_array())
    else {
        return (out, false);
    };
    for (index, item) in items.iter().enumerate() {
        if read.iter().any(|(i, _, _)| *i == index) {
            continue;
        }
        let text = |key: &str| {
            let value = item.get_ref().get(key)?;
            Some(toml::Spanned::new(
                value.span(),
                value.get_ref().as_str()?.to_owned(),
            ))
        };
        let kind = item
            .get_ref()
            .get("kind")
            .and_then(|k| k.get_ref().as_str())
            .and_then(|k| {
                toml::Value::String(k.to_owned())
                    .try_into::<PartKind>()
                    .ok()
            })
            .unwrap_or(PartKind::Part);
        match (text("id"), text("heading")) {
            (Some(id), Some(heading)) => {
                let editorial = item
                    .get_ref()
                    .get("editorial")
                    .and_then(|e| e.get_ref().as_bool());
                out.push((
                    index,
                    RawPart {
                        id,
                        kind,
                        heading,
                        editorial,
                    },
                    item.span(),
                ))
            }
            _ => all = false,
        }
    }
    (out, all)
}

fn meta(src: &SourceText<'_>, raw: RawMeta, diagnostics: &mut Vec<Diagnostic>) -> Meta {
    let title = non_blank(
        src,
        &raw.title,
        &msg::title_empty(lang()),
        &msg::give_text_title_title_le(lang()),
        diagnostics,
    );
    let language = clean_line(raw.language.get_ref()).trim().to_owned();
    if !is_language_tag(&language) {
        diagnostics.push(
            src.error_at(
                raw.language.span().start,
                msg::not_language_tag(lang(), &language),
            )
            .with_hint(msg::use_bcp_tag_such_fr(lang())),
        );
    }
    if let Some(text) = &raw.text
        && !is_safe_file_name(text.get_ref())
    {
        let name = clean_line(text.get_ref());
        diagnostics.push(
            src.error_at(text.span().start, msg::not_file_name(lang(), &name))
                .with_hint(msg::name_file_folder_such_text(lang())),
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
    let body = markdown::parse(src.text, markdown::PartLevel::Fixed(1));
    if body.sections.is_empty() {
        let label = &src.label;
        diagnostics.push(
            Diagnostic::error(src.label.clone(), msg::file_empty(lang(), &label))
                .with_hint(msg::write_text_parts_beginning_lines(lang())),
        );
        return None;
    }
    for heading in &body.minor_headings {
        let hashes = "#".repeat(heading.level);
        diagnostics.push(
            src.error_at_position(
                heading.line,
                1,
                msg::does_not_begin_part_shown(lang(), &hashes),
            )
            .with_hint(msg::parts_begin_line_heading_one(lang()))
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
                let (heading, id) = (&first.heading, &first.id);
                diagnostics.push(
                    text_src
                        .error_at_position(
                            line,
                            column,
                            msg::text_before_first_heading_belongs(lang()),
                        )
                        .with_hint(msg::begin_line_part_make_first(lang(), &heading, &id)),
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
        let (id, heading) = (&entry.id, &entry.heading);
        // The heading may be there, out of order: say so rather than ask to add it.
        let present = body.sections.iter().find_map(|s| {
            s.heading
                .as_ref()
                .filter(|h| same_heading(&h.text, heading))
        });
        let hint = match present {
            Some(h) => {
                let line = h.line;
                msg::line_line_but_out_order(lang(), &heading, &text_name, &line)
            }
            None => msg::add_line_where_part_begins(lang(), &heading, &text_name),
        };
        article_src
            .error_at(
                entry.heading_start,
                msg::part_has_no_heading(lang(), &id, &text_name),
            )
            .with_hint(hint)
    };
    while let (Some(section), Some(entry)) = (sections.get(i), parts_left.get(j)) {
        let Some(heading) = &section.heading else {
            i += 1;
            continue;
        };
        if same_heading(&heading.text, &entry.heading) {
            if section.paragraphs.is_empty() {
                let id = &entry.id;
                diagnostics.push(heading_error(
                    heading.line,
                    heading.column,
                    msg::part_empty(lang(), &id),
                    msg::write_text_under_heading_remove(lang()),
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
                    diagnostics.push(extra_heading(text_src, h, parts));
                }
            }
            i += k + 1;
        } else {
            let (line, column) = article_src.position(entry.heading_start);
            let (text, id, expected) = (&heading.text, &entry.id, &entry.heading);
            diagnostics.push(heading_error(
                heading.line,
                heading.column,
                msg::heading_does_not_match_part(lang(), &text, &id),
                msg::article_toml_has_heading_two(lang(), &line, &column, &expected),
            ));
            i += 1;
            j += 1;
        }
    }
    for section in sections.get(i..).unwrap_or_default() {
        if let Some(h) = &section.heading {
            diagnostics.push(extra_heading(text_src, h, parts));
        }
    }
    for entry in parts_left.get(j..).unwrap_or_default() {
        diagnostics.push(missing(entry));
    }
    out
}

fn extra_heading(
    text_src: &SourceText<'_>,
    heading: &markdown::Heading,
    parts: &[PartEntry],
) -> Diagnostic {
    let text = &heading.text;
    if let Some(part) = parts.iter().find(|p| same_heading(&p.heading, text)) {
        let id = &part.id;
        return text_src
            .error_at_position(
                heading.line,
                heading.column,
                msg::heading_part_out_order(lang(), &text, &id),
            )
            .with_hint(msg::parts_come_text_order_part(lang()));
    }
    text_src
        .error_at_position(
            heading.line,
            heading.column,
            msg::heading_matches_no_part_article(lang(), &text),
        )
        .with_hint(msg::add_part_heading_article_toml(lang(), &text))
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

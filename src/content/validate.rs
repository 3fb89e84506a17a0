//! Checking an article folder's files against each other and assembling the [`Article`].
//!
//! Each file is decoded and parsed on its own; then the text's sections are matched with
//! `article.toml`'s parts, quotes are anchored, and ids are resolved. A check that depends on a
//! file that failed to parse is skipped rather than reported wrongly (a source is not called
//! unused because `annotations.toml` has a syntax error). Every string is sanitised on the way
//! in. Invariant: an `Article` is returned only if no error was found, and then it satisfies the
//! invariants of [`super::model`].

mod annotations;
mod article;
mod sources;
mod tour;

use crate::content::diagnostic::lang;
use crate::i18n::diagnostics::files as msg;
use std::collections::HashMap;

use toml::Spanned;
use unicode_normalization::UnicodeNormalization;

use self::annotations::{AnnotationSet, Places, check_overlaps, read_annotations};
use self::article::{align, read_article, read_text};
use self::sources::{SourceSet, read_sources, warn_unused};
use self::tour::read_tour;
use super::FileData;
use super::Orphan;
use super::diagnostic::{Diagnostic, SourceText};
use super::markdown::Body;
use super::model::{Annotation, Article, Meta, Part, PartKind};
use crate::text::sanitize::{clean_block, clean_line};

/// The text file's name when `article.toml` does not set `text`.
pub const DEFAULT_TEXT: &str = "text.md";

/// An article folder's files, as read.
#[derive(Debug)]
pub struct Files {
    pub article: FileData,
    /// `None` when `article.toml` names the text file wrongly (reported when checking it).
    pub text: Option<FileData>,
    pub annotations: Option<FileData>,
    pub sources: Option<FileData>,
    pub tour: Option<FileData>,
}

impl Files {
    /// The files' labels in reading order, to sort diagnostics.
    pub fn order(&self) -> Vec<String> {
        let optional = [&self.text, &self.annotations, &self.sources, &self.tour];
        std::iter::once(&self.article)
            .chain(optional.into_iter().flatten())
            .map(|f| f.label.clone())
            .collect()
    }
}

/// The text file named by `article.toml`'s `text` key, read before the full check so that the
/// text can be loaded: the default when the key is absent or the file does not parse, `None`
/// when the name is unsafe (the check reports it).
pub fn text_file_name(article_toml: &[u8]) -> Option<String> {
    let Ok(source) = std::str::from_utf8(article_toml) else {
        return Some(DEFAULT_TEXT.to_owned());
    };
    let (document, _) = toml::de::DeTable::parse_recoverable(source);
    match document.get_ref().get("text").map(|v| v.get_ref().as_str()) {
        None => Some(DEFAULT_TEXT.to_owned()),
        Some(Some(name)) if is_safe_file_name(name) => Some(name.to_owned()),
        Some(_) => None,
    }
}

/// A plain file name inside the folder: no path separator, not `.` or `..`, no control char.
fn is_safe_file_name(name: &str) -> bool {
    !name.is_empty()
        && name != "."
        && name != ".."
        && !name
            .chars()
            .any(|c| c == '/' || c == '\\' || c.is_control())
}

/// Decodes a file as UTF-8, or reports the byte offset of the first bad byte.
pub fn decode<'a>(file: &'a FileData, diagnostics: &mut Vec<Diagnostic>) -> Option<SourceText<'a>> {
    match std::str::from_utf8(&file.bytes) {
        Ok(text) => Some(SourceText::new(file.label.clone(), text)),
        Err(error) => {
            let offset = error.valid_up_to();
            let valid = std::str::from_utf8(file.bytes.get(..offset).unwrap_or_default())
                .unwrap_or_default();
            let src = SourceText::new(file.label.clone(), valid);
            let label = &file.label;
            diagnostics.push(
                src.error_at(offset, msg::not_valid_utf_bad_byte(lang(), &label, &offset))
                    .with_hint(msg::save_file_utf_every_article(lang())),
            );
            None
        }
    }
}

/// Whether an id is `[a-z0-9-]+`.
fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// An id in the valid form, close to `id`: lower case, accents removed, anything else as `-`.
fn suggest_id(id: &str) -> String {
    let mut out = String::new();
    for c in id
        .nfd()
        .filter(|c| c.is_ascii())
        .flat_map(char::to_lowercase)
    {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let trimmed = out.trim_end_matches('-');
    if trimmed.is_empty() {
        "id-1".to_owned()
    } else {
        trimmed.to_owned()
    }
}

/// Checks an id's form and uniqueness among `seen`; returns it (sanitised) if it is usable.
fn check_id(
    src: &SourceText<'_>,
    id: &Spanned<String>,
    what: &str,
    seen: &mut HashMap<String, usize>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<String> {
    let value = clean_line(id.get_ref());
    let what_fr = msg::id_of(what);
    if !is_valid_id(&value) {
        let suggestion = suggest_id(&value);
        diagnostics.push(
            src.error_at(
                id.span().start,
                msg::invalid_id(lang(), &what, &value, &what_fr),
            )
            .with_hint(msg::ids_are_lower_case_ascii(lang(), &suggestion)),
        );
        return None;
    }
    if let Some(&first) = seen.get(&value) {
        let (line, column) = src.position(first);
        diagnostics.push(
            src.error_at(
                id.span().start,
                msg::duplicate_id(lang(), &what, &value, &what_fr),
            )
            .with_hint(msg::already_id_line_column_ids(
                lang(),
                &value,
                &line,
                &column,
            )),
        );
        return None;
    }
    seen.insert(value.clone(), id.span().start);
    Some(value)
}

/// A `url` must be a web address someone can open.
fn check_url(
    src: &SourceText<'_>,
    url: &Spanned<String>,
    diagnostics: &mut Vec<Diagnostic>,
) -> String {
    let value = clean_line(url.get_ref());
    if !(value.starts_with("https://") || value.starts_with("http://")) || value.contains(' ') {
        diagnostics.push(
            src.error_at(url.span().start, msg::not_web_address(lang(), &value))
                .with_hint(msg::url_starts_https_http_holds(lang())),
        );
    }
    value
}

/// A required string that must not be blank.
fn non_blank(
    src: &SourceText<'_>,
    value: &Spanned<String>,
    message: &str,
    hint: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> String {
    let clean = clean_line(value.get_ref()).trim().to_owned();
    if clean.is_empty() {
        diagnostics.push(src.error_at(value.span().start, message).with_hint(hint));
    }
    clean
}

/// Questions: at most `max`, none blank; returns them sanitised.
fn check_questions(
    src: &SourceText<'_>,
    questions: Option<&Spanned<Vec<String>>>,
    owner: &str,
    max: usize,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<String> {
    let Some(questions) = questions else {
        return Vec::new();
    };
    let start = questions.span().start;
    let count = questions.get_ref().len();
    if count > max {
        diagnostics.push(
            src.error_at(
                start,
                msg::has_questions_most_are_allowed(lang(), &owner, &count, &max),
            )
            .with_hint(msg::keep_questions_matter_most(lang())),
        );
    }
    if questions.get_ref().iter().any(|q| q.trim().is_empty()) {
        diagnostics.push(
            src.error_at(start, msg::has_empty_question(lang(), &owner))
                .with_hint(msg::remove_empty_string_from_list(lang())),
        );
    }
    questions
        .get_ref()
        .iter()
        .map(|q| clean_block(q.trim()))
        .collect()
}

/// What checking a folder gives.
pub struct Built {
    /// The article, when no error was found.
    pub article: Option<Article>,
    /// When some error was found: the article made of what did load, to open as a draft (when
    /// the text could be read), with the annotations that did not anchor.
    pub draft: Option<(Article, Vec<Orphan>)>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Checks every file and builds the article, or on error the draft made of what loaded.
///
/// The files are consumed so that each one's bytes can go as soon as nothing needs them.
pub fn build(files: Files) -> Built {
    let mut diagnostics = Vec::new();
    let d = &mut diagnostics;
    let text_name = files
        .text
        .as_ref()
        .map_or(DEFAULT_TEXT, |f| f.name.as_str())
        .to_owned();

    // article.toml and the text, matched with each other.
    let article_src = decode(&files.article, d);
    let text = files.text;
    let text_src = text.as_ref().and_then(|f| decode(f, d));
    let (meta, part_entries) = match &article_src {
        Some(src) => read_article(src, d),
        None => (None, None),
    };
    let body = text_src.as_ref().and_then(|src| read_text(src, d));
    let before_align = d.len();
    let parts = match (&part_entries, &body, &text_src, &article_src) {
        (Some(entries), Some(body), Some(text_src), Some(article_src)) => {
            Some(align(entries, body, text_src, article_src, d))
        }
        _ => None,
    };
    // Parts matched one to one with the text's sections, as annotations and a draft need them.
    let aligned = parts.is_some() && !d[before_align..].iter().any(Diagnostic::is_error);
    // From here on the text is `body.text` (sanitised, with `body.map` for positions in the
    // file): the file's bytes, as large as the text, go before the quotes are anchored.
    drop(text_src);
    drop(text);

    // Each optional file: absent is empty; `None` when it could not be read or parsed, and then
    // the checks that depend on it are skipped.
    let sources_src = files.sources.as_ref().map(|f| decode(f, d));
    let sources = match &sources_src {
        None => Some(SourceSet::empty()),
        Some(Some(src)) => Some(read_sources(src, d)),
        Some(None) => None,
    };
    let annotations_src = files.annotations.as_ref().map(|f| decode(f, d));
    let mut annotation_set = match &annotations_src {
        None => Some(AnnotationSet::empty()),
        Some(Some(src)) => read_annotations(src, body.as_ref(), sources.as_ref(), &text_name, d),
        Some(None) => None,
    };

    if let (Some(set), Some(Some(src)), Some(body)) = (&mut annotation_set, &annotations_src, &body)
    {
        set.anchored
            .sort_by_key(|(a, _)| (a.range.start, a.range.end));
        let places = Places {
            body,
            text_name: text_name.clone(),
        };
        let overlapping = check_overlaps(src, &set.anchored, &places, d);
        // In a draft, an annotation overlapping another is an orphan (its error tells why).
        for index in overlapping.into_iter().rev() {
            let (annotation, _) = set.anchored.remove(index);
            let problem = d
                .iter()
                .rev()
                .find(|x| x.message.contains(&format!("'{}'", annotation.id)))
                .map(|x| x.message.clone())
                .unwrap_or_default();
            set.orphans.push(Orphan {
                quote: places
                    .body
                    .text
                    .get(annotation.range.clone())
                    .unwrap_or("")
                    .to_owned(),
                id: annotation.id,
                kind: annotation.kind,
                context: annotation.context,
                note: annotation.note,
                problem,
            });
        }
    }
    if let (Some(set), Some(sources), Some(Some(src))) = (&annotation_set, &sources, &sources_src)
        && set.complete
    {
        warn_unused(src, sources, &set.cited, d);
    }

    // Moved out: the tour needs only what the set declares.
    let annotations: Vec<Annotation> = annotation_set
        .as_mut()
        .map(|set| {
            std::mem::take(&mut set.anchored)
                .into_iter()
                .map(|(a, _)| a)
                .collect()
        })
        .unwrap_or_default();
    let part_ids: Option<Vec<String>> = part_entries
        .as_ref()
        .map(|entries| entries.iter().map(|e| e.id.clone()).collect());
    let tour = match files.tour.as_ref().map(|f| decode(f, d)) {
        Some(Some(src)) => read_tour(
            &src,
            part_ids.as_deref(),
            &annotations,
            annotation_set.as_ref(),
            d,
        ),
        _ => Vec::new(),
    };

    if d.iter().any(Diagnostic::is_error) {
        let orphans = annotation_set.map(|s| s.orphans).unwrap_or_default();
        let draft = body.map(|body| {
            let parts = parts
                .filter(|_| aligned)
                .unwrap_or_else(|| section_parts(&body));
            let mut tour = tour;
            for stop in &mut tour {
                stop.part = stop.part.min(parts.len().saturating_sub(1));
            }
            let meta = meta.unwrap_or_else(|| Meta {
                title: files
                    .article
                    .label
                    .trim_end_matches("/article.toml")
                    .to_owned(),
                language: "fr".to_owned(),
                ..Meta::default()
            });
            let article = Article {
                meta,
                text: body.text,
                blocks: body.blocks,
                styles: body.styles,
                links: body.links,
                parts,
                annotations,
                sources: sources.map(|s| s.list).unwrap_or_default(),
                tour,
            };
            (article, orphans)
        });
        return Built {
            article: None,
            draft,
            diagnostics,
        };
    }
    let (Some(meta), Some(parts), Some(body), Some(sources)) = (meta, parts, body, sources) else {
        // Every path that leaves one of these out reports an error; this is a safety net.
        let error = Diagnostic::error(
            files.article.label.clone(),
            msg::article_could_not_read(lang()),
        );
        diagnostics.push(error);
        return Built {
            article: None,
            draft: None,
            diagnostics,
        };
    };
    let article = Article {
        meta,
        text: body.text,
        parts,
        annotations,
        sources: sources.list,
        tour,
        blocks: body.blocks,
        styles: body.styles,
        links: body.links,
    };
    Built {
        article: Some(article),
        draft: None,
        diagnostics,
    }
}

/// A draft's parts when article.toml's do not match the text: one per section of the text, in
/// its order, with the text's headings (`part-1`, `part-2`…).
fn section_parts(body: &Body) -> Vec<Part> {
    body.sections
        .iter()
        .enumerate()
        .map(|(i, section)| Part {
            id: format!("part-{}", i + 1),
            kind: if section.heading.is_none() {
                PartKind::Introduction
            } else {
                PartKind::Part
            },
            heading: section
                .heading
                .as_ref()
                .map_or_else(|| "Introduction".to_owned(), |h| h.text.clone()),
            paragraphs: section.paragraphs.clone(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_lower_case_ascii_digits_and_dashes() {
        assert!(is_valid_id("fig-430-millions"));
        assert!(!is_valid_id("Fig_430"));
        assert!(!is_valid_id(""));
        assert!(!is_valid_id("modéré"));
        assert_eq!(suggest_id("Fig_430 Millions"), "fig-430-millions");
        assert_eq!(suggest_id("Modéré!"), "modere");
        assert_eq!(suggest_id("__"), "id-1");
    }

    #[test]
    fn the_text_file_name_must_stay_in_the_folder() {
        assert_eq!(text_file_name(b"title = 'x'").as_deref(), Some("text.md"));
        assert_eq!(
            text_file_name(b"text = 'essai.md'").as_deref(),
            Some("essai.md")
        );
        assert_eq!(text_file_name(b"text = '../../etc/passwd'"), None);
        assert_eq!(text_file_name(b"text = 3"), None);
        assert_eq!(text_file_name(b"\xff").as_deref(), Some("text.md"));
    }
}

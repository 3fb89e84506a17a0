//! Checking an article folder's files against each other and assembling the [`Article`].
//!
//! Each file is decoded and parsed on its own; then the text's sections are matched with
//! `article.toml`'s parts, quotes are anchored, and ids are resolved. A check that depends on a
//! file that failed to parse is skipped rather than reported wrongly (a source is not called
//! unused because `annotations.toml` has a syntax error). Every string is sanitised on the way
//! in. Invariant: an `Article` is returned only if no error was found, and then it satisfies the
//! invariants of [`super::model`].

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use toml::Spanned;
use unicode_normalization::UnicodeNormalization;

use super::FileData;
use super::anchor::{self, Haystack, Miss};
use super::diagnostic::{Diagnostic, SourceText};
use super::markdown::{self, Body};
use super::model::{Annotation, Article, Meta, Part, PartKind, Source, TourStop};
use super::raw::{self, RawAnnotation, RawMeta, RawPart, RawSource, RawStop};
use crate::text::sanitize::{clean_block, clean_line};

/// The text file's name when `article.toml` does not set `text`.
pub const DEFAULT_TEXT: &str = "text.md";

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

/// Most places listed when a quote is ambiguous.
const MAX_PLACES: usize = 5;

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
        [
            Some(&self.article),
            self.text.as_ref(),
            self.annotations.as_ref(),
        ]
        .into_iter()
        .chain([self.sources.as_ref(), self.tour.as_ref()])
        .flatten()
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
            diagnostics.push(
                src.error_at(
                    offset,
                    format!(
                        "'{}' is not valid UTF-8: bad byte at offset {offset}",
                        file.label
                    ),
                )
                .with_hint("save the file as UTF-8 (every article file is UTF-8)"),
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
    if !is_valid_id(&value) {
        diagnostics.push(
            src.error_at(id.span().start, format!("invalid {what} id '{value}'"))
                .with_hint(format!(
                    "ids are lower-case ASCII letters, digits and '-', for instance '{}'",
                    suggest_id(&value)
                )),
        );
        return None;
    }
    if let Some(&first) = seen.get(&value) {
        let (line, column) = src.position(first);
        diagnostics.push(
            src.error_at(id.span().start, format!("duplicate {what} id '{value}'")).with_hint(
                format!("'{value}' is already the id at line {line}, column {column}: ids must be unique"),
            ),
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
            src.error_at(url.span().start, format!("'{value}' is not a web address"))
                .with_hint("a url starts with 'https://' (or 'http://') and holds no space"),
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
    if questions.get_ref().len() > max {
        diagnostics.push(
            src.error_at(
                start,
                format!(
                    "{owner} has {} questions, at most {max} are allowed",
                    questions.get_ref().len()
                ),
            )
            .with_hint("keep the questions that matter most"),
        );
    }
    if questions.get_ref().iter().any(|q| q.trim().is_empty()) {
        diagnostics.push(
            src.error_at(start, format!("{owner} has an empty question"))
                .with_hint("remove the empty string from the list"),
        );
    }
    questions
        .get_ref()
        .iter()
        .map(|q| clean_block(q.trim()))
        .collect()
}

/// A checked `[[part]]`.
struct PartEntry {
    id: String,
    kind: PartKind,
    heading: String,
    heading_start: usize,
}

/// `article.toml`: the metadata and the parts. `None` for what could not be read.
fn read_article(
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
    let unknown: Vec<String> = document
        .get_ref()
        .keys()
        .map(|k| k.get_ref().to_string())
        .filter(|k| !allowed.contains(&k.as_str()))
        .chain(["part".to_owned()])
        .collect();
    let skip: Vec<&str> = unknown.iter().map(String::as_str).collect();
    let meta =
        raw::root::<RawMeta>(src, &document, &skip, diagnostics).map(|m| meta(src, m, diagnostics));

    let errors_before = diagnostics.len();
    let entries = raw::entries::<RawPart>(src, &document, "part", diagnostics);
    // With an entry missing, matching parts with the text's headings would report nonsense.
    let complete = diagnostics.len() == errors_before;
    let mut seen = HashMap::new();
    let mut parts = Vec::new();
    for (part, _) in entries {
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
        });
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

/// The text file, split into sections; `None` if it is empty.
fn read_text(src: &SourceText<'_>, diagnostics: &mut Vec<Diagnostic>) -> Option<Body> {
    let body = markdown::parse(src.text, 1);
    if body.text.is_empty() {
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
fn align(
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
    let build = |entry: &PartEntry, paragraphs: Vec<Range<usize>>| Part {
        id: entry.id.clone(),
        kind: entry.kind,
        heading: entry.heading.clone(),
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
                heading: heading.text.clone(),
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

/// `sources.toml`, checked.
struct SourceSet {
    list: Vec<Source>,
    ids: HashMap<String, usize>,
    /// Where each source's id is, to place the "unused" warning.
    id_starts: Vec<usize>,
    /// False when some entry could not be read: absent ids are then not reported.
    complete: bool,
}

fn read_sources(src: &SourceText<'_>, diagnostics: &mut Vec<Diagnostic>) -> Option<SourceSet> {
    let document = match raw::parse(src) {
        Ok(document) => document,
        Err(diagnostic) => {
            diagnostics.push(diagnostic);
            return None;
        }
    };
    raw::reject_unknown_keys(src, &document, &["source"], diagnostics);
    let errors_before = diagnostics.len();
    let entries = raw::entries::<RawSource>(src, &document, "source", diagnostics);
    let complete = diagnostics.len() == errors_before;
    let mut set = SourceSet {
        list: Vec::new(),
        ids: HashMap::new(),
        id_starts: Vec::new(),
        complete,
    };
    let mut seen = HashMap::new();
    let mut references: HashMap<u32, String> = HashMap::new();
    for (source, _) in entries {
        let id = check_id(src, &source.id, "source", &mut seen, diagnostics);
        let title = non_blank(
            src,
            &source.title,
            "source title is empty",
            "give the document's title",
            diagnostics,
        );
        let reference = source.reference.as_ref().map(|r| *r.get_ref());
        if let (Some(number), Some(spanned)) = (reference, &source.reference) {
            let owner = id.clone().unwrap_or_default();
            if number == 0 {
                diagnostics.push(
                    src.error_at(spanned.span().start, "reference numbers start at 1")
                        .with_hint(
                            "give the source's position in the article's own reference list",
                        ),
                );
            } else if let Some(first) = references.get(&number) {
                diagnostics.push(
                    src.error_at(
                        spanned.span().start,
                        format!("duplicate reference number {number}"),
                    )
                    .with_hint(format!("source '{first}' already has reference = {number}")),
                );
            } else {
                references.insert(number, owner);
            }
        }
        let url = source
            .url
            .as_ref()
            .map(|url| check_url(src, url, diagnostics));
        let Some(id) = id else { continue };
        set.ids.insert(id.clone(), set.list.len());
        set.id_starts.push(source.id.span().start);
        let optional = |s: Option<String>| {
            s.map(|s| clean_line(&s).trim().to_owned())
                .filter(|s| !s.is_empty())
        };
        set.list.push(Source {
            id,
            author: clean_line(&source.author).trim().to_owned(),
            title,
            publisher: optional(source.publisher),
            date: optional(source.date),
            kind: source.kind.name().to_owned(),
            url,
            reference,
            note: clean_block(source.note.trim()),
        });
    }
    Some(set)
}

/// `annotations.toml`, checked and anchored.
struct AnnotationSet {
    /// Anchored annotations with the byte offset of their `quote` in `annotations.toml`.
    anchored: Vec<(Annotation, usize)>,
    /// Ids of every well-formed annotation, anchored or not.
    declared: HashSet<String>,
    cited: HashSet<String>,
    complete: bool,
}

/// Where the text's paragraphs come from: for each paragraph of the flat list, its section and
/// its index in the section.
fn paragraph_index(body: &Body) -> (Vec<Range<usize>>, Vec<(usize, usize)>) {
    let mut flat = Vec::new();
    let mut origin = Vec::new();
    for (s, section) in body.sections.iter().enumerate() {
        for (p, range) in section.paragraphs.iter().enumerate() {
            flat.push(range.clone());
            origin.push((s, p));
        }
    }
    (flat, origin)
}

/// A place in the text as `text.md:line:column`.
struct Places<'b> {
    body: &'b Body,
    text_name: String,
}

impl Places<'_> {
    fn at(&self, byte: usize) -> String {
        let (line, column) = self.body.map.position(&self.body.text, byte);
        format!("{}:{line}:{column}", self.text_name)
    }

    /// A place with the few words before it, to tell occurrences apart.
    fn described(&self, found: &anchor::Found, paragraphs: &[Range<usize>]) -> String {
        let start = paragraphs.get(found.paragraph).map_or(0, |r| r.start);
        let before = self.body.text.get(start..found.range.start).unwrap_or("");
        let words: Vec<&str> = before.split_whitespace().collect();
        let context = words
            .get(words.len().saturating_sub(3)..)
            .unwrap_or_default()
            .join(" ");
        if context.is_empty() {
            format!(
                "{} (at the start of a paragraph)",
                self.at(found.range.start)
            )
        } else {
            format!("{} (after « {context} »)", self.at(found.range.start))
        }
    }
}

#[allow(clippy::too_many_lines)]
fn read_annotations(
    src: &SourceText<'_>,
    body: Option<&Body>,
    sources: Option<&SourceSet>,
    text_name: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<AnnotationSet> {
    let document = match raw::parse(src) {
        Ok(document) => document,
        Err(diagnostic) => {
            diagnostics.push(diagnostic);
            return None;
        }
    };
    raw::reject_unknown_keys(src, &document, &["annotation"], diagnostics);
    let errors_before = diagnostics.len();
    let entries = raw::entries::<RawAnnotation>(src, &document, "annotation", diagnostics);
    let mut set = AnnotationSet {
        anchored: Vec::new(),
        declared: HashSet::new(),
        cited: HashSet::new(),
        complete: diagnostics.len() == errors_before,
    };
    let (paragraphs, origins) = body.map(paragraph_index).unwrap_or_default();
    let haystack = body.map(|b| Haystack::new(&b.text, &paragraphs));
    let places = body.map(|body| Places {
        body,
        text_name: text_name.to_owned(),
    });
    let mut seen = HashMap::new();

    for (entry, _) in entries {
        let id = check_id(src, &entry.id, "annotation", &mut seen, diagnostics);
        let name = id.clone().unwrap_or_else(|| clean_line(entry.id.get_ref()));
        if let Some(id) = &id {
            set.declared.insert(id.clone());
        }
        let source = entry.source.as_ref().and_then(|source| {
            let source_id = clean_line(source.get_ref());
            set.cited.insert(source_id.clone());
            let sources = sources.filter(|s| s.complete)?;
            let index = sources.ids.get(&source_id).copied();
            if index.is_none() {
                let known: Vec<&str> = sources.ids.keys().map(String::as_str).collect();
                let hint = match raw::closest_name(&source_id, &known) {
                    Some(close) => format!("did you mean '{close}'?"),
                    None if sources.list.is_empty() => {
                        "define it in sources.toml as a [[source]] with this id".to_owned()
                    }
                    None => "add a [[source]] with this id to sources.toml".to_owned(),
                };
                diagnostics.push(
                    src.error_at(
                        source.span().start,
                        format!("annotation '{name}' cites an unknown source '{source_id}'"),
                    )
                    .with_hint(hint),
                );
            }
            index
        });
        let context = clean_block(entry.context.trim());
        let note = clean_block(entry.note.trim());
        if context.is_empty() && note.is_empty() {
            diagnostics.push(
                src.error_at(
                    entry.id.span().start,
                    format!("annotation '{name}' has neither 'context' nor 'note'"),
                )
                .with_hint("write in 'context' what a reader needs to know to read these words"),
            );
        }
        let owner = format!("annotation '{name}'");
        let questions = check_questions(
            src,
            entry.questions.as_ref(),
            &owner,
            usize::MAX,
            diagnostics,
        );

        let (Some(haystack), Some(places), Some(body)) = (&haystack, &places, body) else {
            continue;
        };
        let quote = clean_line(entry.quote.get_ref());
        let prefix = entry.prefix.as_ref().map(|p| clean_line(p.get_ref()));
        let suffix = entry.suffix.as_ref().map(|s| clean_line(s.get_ref()));
        let quote_start = entry.quote.span().start;
        match haystack.find(&quote, prefix.as_deref(), suffix.as_deref()) {
            Ok(found) => {
                let Some(&(part, paragraph)) = origins.get(found.paragraph) else {
                    continue;
                };
                if let Some(id) = id {
                    set.anchored.push((
                        Annotation {
                            id,
                            kind: entry.kind,
                            range: found.range,
                            part,
                            paragraph,
                            source,
                            context,
                            verdict: entry.verdict,
                            note,
                            questions,
                        },
                        quote_start,
                    ));
                }
            }
            Err(Miss::Empty) => diagnostics.push(
                src.error_at(
                    quote_start,
                    format!("quote of annotation '{name}' is empty"),
                )
                .with_hint("quote the exact words of the text this annotation is about"),
            ),
            Err(Miss::NotFound) => {
                let mut diagnostic = src.error_at(
                    quote_start,
                    format!("quote of annotation '{name}' matches nothing in the text"),
                );
                let hint = match anchor::closest(&body.text, &paragraphs, &quote) {
                    Some(close) => {
                        let words = body.text.get(close.range.clone()).unwrap_or("");
                        let how = if close.same_letters {
                            let nfc = |s: &str| anchor::normalize(s).nfc().collect::<String>();
                            if nfc(words) == nfc(&quote) {
                                "; it differs only in Unicode normalisation (NFC/NFD)"
                            } else {
                                "; it differs only in case or accents"
                            }
                        } else {
                            ""
                        };
                        format!(
                            "the closest text is « {words} » ({}){how}",
                            places.at(close.range.start)
                        )
                    }
                    None => format!(
                        "copy the words exactly from {text_name} (spaces and apostrophes may differ)"
                    ),
                };
                diagnostic = diagnostic.with_hint(hint);
                diagnostics.push(diagnostic);
            }
            Err(Miss::Ambiguous(all)) => {
                let list = place_list(places, &all, &paragraphs);
                diagnostics.push(
                    src.error_at(
                        quote_start,
                        format!(
                            "quote of annotation '{name}' matches {} places in the text",
                            all.len()
                        ),
                    )
                    .with_hint(format!(
                        "it occurs at:{list}\nadd 'prefix' (the words just before) or 'suffix' \
                             (the words just after) to pick one"
                    )),
                );
            }
            Err(Miss::Unselected { all, selected }) => {
                let at = entry
                    .prefix
                    .as_ref()
                    .or(entry.suffix.as_ref())
                    .map_or(quote_start, |s| s.span().start);
                let message = if selected.is_empty() {
                    format!(
                        "prefix/suffix of annotation '{name}' match none of the {} places of its quote",
                        all.len()
                    )
                } else {
                    format!(
                        "prefix/suffix of annotation '{name}' still match {} places",
                        selected.len()
                    )
                };
                let list = place_list(
                    places,
                    if selected.is_empty() { &all } else { &selected },
                    &paragraphs,
                );
                diagnostics.push(src.error_at(at, message).with_hint(format!(
                    "the quote occurs at:{list}\n'prefix' must be the words just before, 'suffix' the \
                     words just after the place meant"
                )));
            }
        }
    }
    Some(set)
}

fn place_list(places: &Places<'_>, found: &[anchor::Found], paragraphs: &[Range<usize>]) -> String {
    let mut list: Vec<String> = found
        .iter()
        .take(MAX_PLACES)
        .map(|f| places.described(f, paragraphs))
        .collect();
    if found.len() > MAX_PLACES {
        list.push(format!("and {} more", found.len() - MAX_PLACES));
    }
    list.iter().map(|place| format!("\n- {place}")).collect()
}

/// Reports overlapping annotations; `anchored` must be sorted by range start.
fn check_overlaps(
    src: &SourceText<'_>,
    anchored: &[(Annotation, usize)],
    places: &Places<'_>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let mut reach: Option<&Annotation> = None;
    for (annotation, quote_start) in anchored {
        if let Some(previous) = reach
            && annotation.range.start < previous.range.end
        {
            let shared = annotation.range.start..previous.range.end.min(annotation.range.end);
            let words = places.body.text.get(shared.clone()).unwrap_or("");
            diagnostics.push(
                src.error_at(
                    *quote_start,
                    format!(
                        "annotation '{}' overlaps annotation '{}'",
                        annotation.id, previous.id
                    ),
                )
                .with_hint(format!(
                    "both cover « {words} » ({}); annotations never overlap: quote fewer words \
                         in one of them",
                    places.at(shared.start)
                )),
            );
        }
        if reach.is_none_or(|r| annotation.range.end > r.range.end) {
            reach = Some(annotation);
        }
    }
}

/// `tour.toml`, checked against the parts (`None` when `article.toml` could not be read) and
/// the anchored annotations, sorted.
fn read_tour(
    src: &SourceText<'_>,
    part_ids: Option<&[String]>,
    annotations: &[Annotation],
    annotation_set: Option<&AnnotationSet>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<TourStop> {
    let parts_known = part_ids.is_some();
    let part_ids = part_ids.unwrap_or_default();
    let document = match raw::parse(src) {
        Ok(document) => document,
        Err(diagnostic) => {
            diagnostics.push(diagnostic);
            return Vec::new();
        }
    };
    raw::reject_unknown_keys(src, &document, &["stop"], diagnostics);
    let part_index: HashMap<&str, usize> = part_ids
        .iter()
        .enumerate()
        .map(|(i, id)| (id.as_str(), i))
        .collect();
    let annotation_ids: HashMap<&str, usize> = annotations
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    let mut stops = Vec::new();
    for (n, (stop, span)) in raw::entries::<RawStop>(src, &document, "stop", diagnostics)
        .into_iter()
        .enumerate()
    {
        let title = non_blank(
            src,
            &stop.title,
            "stop title is empty",
            "give the stop a short title",
            diagnostics,
        );
        let owner = format!("stop {} ('{title}')", n + 1);
        let minutes = *stop.minutes.get_ref();
        if !(1..=120).contains(&minutes) {
            diagnostics.push(
                src.error_at(
                    stop.minutes.span().start,
                    format!("{owner} lasts {minutes} minutes, expected 1 to 120"),
                )
                .with_hint("give the suggested duration in whole minutes, from 1 to 120"),
            );
        }
        let questions = check_questions(src, stop.questions.as_ref(), &owner, 3, diagnostics);
        let say = clean_block(stop.say.trim());

        let annotation = stop.annotation.as_ref().and_then(|spanned| {
            let id = clean_line(spanned.get_ref());
            let index = annotation_ids.get(id.as_str()).copied();
            // An annotation that exists but failed to anchor is already reported.
            let declared = annotation_set.is_some_and(|s| s.declared.contains(&id));
            let complete = annotation_set.is_some_and(|s| s.complete);
            if index.is_none() && !declared && complete {
                let known: Vec<&str> = annotation_ids.keys().copied().collect();
                let hint = raw::closest_name(&id, &known).map_or_else(
                    || "give the id of an [[annotation]] of annotations.toml".to_owned(),
                    |close| format!("did you mean '{close}'?"),
                );
                diagnostics.push(
                    src.error_at(
                        spanned.span().start,
                        format!("{owner} selects an unknown annotation '{id}'"),
                    )
                    .with_hint(hint),
                );
            }
            index
        });
        let part = stop.part.as_ref().and_then(|spanned| {
            let id = clean_line(spanned.get_ref());
            let index = part_index.get(id.as_str()).copied();
            if index.is_none() && parts_known {
                let known: Vec<&str> = part_ids.iter().map(String::as_str).collect();
                let hint = raw::closest_name(&id, &known).map_or_else(
                    || {
                        format!(
                            "the parts are {}",
                            known
                                .iter()
                                .map(|id| format!("'{id}'"))
                                .collect::<Vec<_>>()
                                .join(", ")
                        )
                    },
                    |close| format!("did you mean '{close}'?"),
                );
                diagnostics.push(
                    src.error_at(
                        spanned.span().start,
                        format!("{owner} shows an unknown part '{id}'"),
                    )
                    .with_hint(hint),
                );
            }
            index
        });
        let annotation_part = annotation.and_then(|a| annotations.get(a)).map(|a| a.part);
        if let (Some(from_annotation), Some(given), Some(spanned)) =
            (annotation_part, part, &stop.part)
            && from_annotation != given
        {
            let name = |i: usize| part_ids.get(i).map_or("", String::as_str);
            diagnostics.push(
                src.error_at(
                    spanned.span().start,
                    format!(
                        "{owner} shows part '{}' but its annotation is in part '{}'",
                        name(given),
                        name(from_annotation)
                    ),
                )
                .with_hint("leave 'part' out: a stop shows the part of its annotation"),
            );
        }
        if stop.annotation.is_none()
            && stop.part.is_none()
            && say.is_empty()
            && questions.is_empty()
        {
            diagnostics.push(
                src.error_at(span.start, format!("{owner} is empty"))
                    .with_hint(
                        "give it 'say', 'questions', an 'annotation' to select or a 'part' to show",
                    ),
            );
        }
        // A stop without annotation or part stays on the previous stop's part.
        let previous = stops.last().map_or(0, |s: &TourStop| s.part);
        stops.push(TourStop {
            title,
            annotation,
            part: annotation_part.or(part).unwrap_or(previous),
            say,
            questions,
            minutes,
        });
    }
    stops
}

/// Checks every file and builds the article; `None` when any error was found.
pub fn build(files: &Files) -> (Option<Article>, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let d = &mut diagnostics;
    let article_src = decode(&files.article, d);
    let text_src = files.text.as_ref().and_then(|f| decode(f, d));
    let text_name = files
        .text
        .as_ref()
        .map_or(DEFAULT_TEXT, |f| f.name.as_str())
        .to_owned();

    let (meta, part_entries) = match &article_src {
        Some(src) => read_article(src, d),
        None => (None, None),
    };
    let body = text_src.as_ref().and_then(|src| read_text(src, d));
    let parts = match (&part_entries, &body, &text_src, &article_src) {
        (Some(entries), Some(body), Some(text_src), Some(article_src)) => {
            Some(align(entries, body, text_src, article_src, d))
        }
        _ => None,
    };

    let sources_src = files.sources.as_ref().map(|f| decode(f, d));
    let sources = match &sources_src {
        None => Some(SourceSet {
            list: Vec::new(),
            ids: HashMap::new(),
            id_starts: Vec::new(),
            complete: true,
        }),
        Some(Some(src)) => read_sources(src, d),
        Some(None) => None,
    };
    let annotations_src = files.annotations.as_ref().map(|f| decode(f, d));
    let mut annotation_set = match &annotations_src {
        None => Some(AnnotationSet {
            anchored: Vec::new(),
            declared: HashSet::new(),
            cited: HashSet::new(),
            complete: true,
        }),
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
        check_overlaps(src, &set.anchored, &places, d);
    }
    if let (Some(set), Some(sources), Some(Some(src))) = (&annotation_set, &sources, &sources_src)
        && set.complete
    {
        for (source, &start) in sources.list.iter().zip(&sources.id_starts) {
            if !set.cited.contains(&source.id) {
                d.push(
                    src.error_at(
                        start,
                        format!("source '{}' is cited by no annotation", source.id),
                    )
                    .with_hint("cite it from an annotation with source = \"…\", or remove it")
                    .into_warning(),
                );
            }
        }
    }

    let annotations: Vec<Annotation> = annotation_set
        .as_ref()
        .map(|s| s.anchored.iter().map(|(a, _)| a.clone()).collect())
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
        return (None, diagnostics);
    }
    let (Some(meta), Some(parts), Some(body), Some(sources)) = (meta, parts, body, sources) else {
        diagnostics.push(Diagnostic::error(
            files.article.label.clone(),
            "the article could not be assembled",
        ));
        return (None, diagnostics);
    };
    let article = Article {
        meta,
        text: body.text,
        parts,
        annotations,
        sources: sources.list,
        tour,
    };
    (Some(article), diagnostics)
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
    fn language_tags() {
        assert!(is_language_tag("fr"));
        assert!(is_language_tag("fr-CA"));
        assert!(is_language_tag("zh-Hant-TW"));
        assert!(!is_language_tag("french"));
        assert!(!is_language_tag(""));
        assert!(!is_language_tag("fr-"));
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

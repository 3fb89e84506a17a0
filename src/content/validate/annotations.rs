//! `annotations.toml`: each annotation checked, its quote anchored in the text, and overlaps
//! refused.
//!
//! Places in the text are shown as `text.md:line:column`, with the few words before them so
//! that occurrences of the same words can be told apart.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use unicode_normalization::UnicodeNormalization;

use super::sources::SourceSet;
use super::{check_id, check_questions};
use crate::content::anchor::{self, Found, Haystack, Miss};
use crate::content::diagnostic::{Diagnostic, SourceText};
use crate::content::markdown::Body;
use crate::content::model::Annotation;
use crate::content::raw::{self, RawAnnotation};
use crate::text::sanitize::{clean_block, clean_line};

/// `annotations.toml`, checked and anchored.
pub(super) struct AnnotationSet {
    /// Anchored annotations with the byte offset of their `quote` in `annotations.toml`.
    pub(super) anchored: Vec<(Annotation, usize)>,
    /// Ids of every well-formed annotation, anchored or not, with where each is declared.
    pub(super) declared: HashMap<String, usize>,
    /// Source ids cited by some annotation.
    pub(super) cited: HashSet<String>,
    /// False when some entry could not be read: what it declares or cites is unknown.
    pub(super) complete: bool,
}

impl AnnotationSet {
    /// The set of an absent `annotations.toml`.
    pub(super) fn empty() -> Self {
        Self {
            anchored: Vec::new(),
            declared: HashMap::new(),
            cited: HashSet::new(),
            complete: true,
        }
    }
}

/// The text's paragraphs as one list, with each one's section and index in the section.
pub(super) struct Paragraphs {
    pub(super) ranges: Vec<Range<usize>>,
    origins: Vec<(usize, usize)>,
}

impl Paragraphs {
    pub(super) fn new(body: &Body) -> Self {
        let mut ranges = Vec::new();
        let mut origins = Vec::new();
        for (s, section) in body.sections.iter().enumerate() {
            for (p, range) in section.paragraphs.iter().enumerate() {
                ranges.push(range.clone());
                origins.push((s, p));
            }
        }
        Self { ranges, origins }
    }
}

/// Places in the text, shown as `text.md:line:column`.
pub(super) struct Places<'b> {
    pub(super) body: &'b Body,
    pub(super) text_name: String,
}

impl Places<'_> {
    fn at(&self, byte: usize) -> String {
        let (line, column) = self.body.map.position(&self.body.text, byte);
        format!("{}:{line}:{column}", self.text_name)
    }

    /// A place with the few words before it, to tell occurrences apart.
    fn described(&self, found: &Found, paragraphs: &Paragraphs) -> String {
        let start = paragraphs
            .ranges
            .get(found.paragraph)
            .map_or(0, |r| r.start);
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

    /// One line per place (`\n- text.md:8:7 (after « Les « »)`), then how many more there are.
    fn list(&self, first: &[Found], count: usize, paragraphs: &Paragraphs) -> String {
        let mut list: Vec<String> = first
            .iter()
            .map(|f| self.described(f, paragraphs))
            .collect();
        if count > first.len() {
            list.push(format!("and {} more", count - first.len()));
        }
        list.iter().map(|place| format!("\n- {place}")).collect()
    }
}

/// Reads and checks `annotations.toml`; anchors the quotes when the text could be read.
///
/// `None` when the file does not parse. `sources` is `None` when `sources.toml` could not be
/// read, and then cited ids are not checked.
pub(super) fn read_annotations(
    src: &SourceText<'_>,
    body: Option<&Body>,
    sources: Option<&SourceSet>,
    text_name: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<AnnotationSet> {
    // A good file is read a table at a time (a whole-document parse would hold 20 times its
    // size); anything else is parsed whole, which reports what is wrong. Either way the
    // document is gone before the anchoring, which needs only the entries.
    let (entries, complete) = match raw::entries_by_table::<RawAnnotation>(src.text, "annotation") {
        Some(entries) => (entries, true),
        None => raw::array_file::<RawAnnotation>(src, "annotation", diagnostics)?,
    };
    let mut set = AnnotationSet {
        complete,
        ..AnnotationSet::empty()
    };
    let paragraphs = body.map(Paragraphs::new);
    let text = body.zip(paragraphs.as_ref()).map(|(body, paragraphs)| {
        let places = Places {
            body,
            text_name: text_name.to_owned(),
        };
        let quotes = entries
            .iter()
            .map(|(_, entry, _)| clean_line(entry.quote.get_ref()));
        let haystack = Haystack::new(&body.text, &paragraphs.ranges, quotes);
        (haystack, places, paragraphs)
    });
    set.anchored.reserve(entries.len());

    for (_, entry, _) in entries {
        let id = check_id(src, &entry.id, "annotation", &mut set.declared, diagnostics);
        let name = id.clone().unwrap_or_else(|| clean_line(entry.id.get_ref()));
        let source = entry.source.as_ref().and_then(|cited| {
            let cited_id = clean_line(cited.get_ref());
            set.cited.insert(cited_id.clone());
            let sources = sources.filter(|s| s.complete)?;
            let index = sources.ids.get(&cited_id).copied();
            if index.is_none() {
                diagnostics.push(unknown_source(
                    src,
                    cited.span().start,
                    &name,
                    &cited_id,
                    sources,
                ));
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

        let Some((haystack, places, paragraphs)) = &text else {
            continue;
        };
        let quote = clean_line(entry.quote.get_ref());
        let prefix = entry.prefix.as_ref().map(|p| clean_line(p.get_ref()));
        let suffix = entry.suffix.as_ref().map(|s| clean_line(s.get_ref()));
        let found = match haystack.find(&quote, prefix.as_deref(), suffix.as_deref()) {
            Ok(found) => found,
            Err(miss) => {
                diagnostics.push(miss_diagnostic(
                    src, &entry, &name, &quote, miss, places, paragraphs,
                ));
                continue;
            }
        };
        let (Some(id), Some(&(part, paragraph))) = (id, paragraphs.origins.get(found.paragraph))
        else {
            continue;
        };
        let annotation = Annotation {
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
        };
        set.anchored.push((annotation, entry.quote.span().start));
    }
    Some(set)
}

fn unknown_source(
    src: &SourceText<'_>,
    at: usize,
    name: &str,
    cited_id: &str,
    sources: &SourceSet,
) -> Diagnostic {
    let known: Vec<&str> = sources.ids.keys().map(String::as_str).collect();
    let hint = match raw::closest_name(cited_id, &known) {
        Some(close) => format!("did you mean '{close}'?"),
        None => "add a [[source]] with this id to sources.toml".to_owned(),
    };
    src.error_at(
        at,
        format!("annotation '{name}' cites an unknown source '{cited_id}'"),
    )
    .with_hint(hint)
}

/// Why a quote could not be anchored, with what is needed to fix it: the closest text, or the
/// places to choose from.
fn miss_diagnostic(
    src: &SourceText<'_>,
    entry: &RawAnnotation,
    name: &str,
    quote: &str,
    miss: Miss,
    places: &Places<'_>,
    paragraphs: &Paragraphs,
) -> Diagnostic {
    let quote_start = entry.quote.span().start;
    match miss {
        Miss::Empty => src
            .error_at(
                quote_start,
                format!("quote of annotation '{name}' is empty"),
            )
            .with_hint("quote the exact words of the text this annotation is about"),
        Miss::NotFound => {
            let text = &places.body.text;
            let hint = match anchor::closest(text, &paragraphs.ranges, quote) {
                Some(close) => {
                    let words = text.get(close.range.clone()).unwrap_or("");
                    let nfc = |s: &str| anchor::normalize(s).nfc().collect::<String>();
                    let how = match (close.same_letters, nfc(words) == nfc(quote)) {
                        (true, true) => "; it differs only in Unicode normalisation (NFC/NFD)",
                        (true, false) => "; it differs only in case or accents",
                        (false, _) => "",
                    };
                    let at = places.at(close.range.start);
                    format!("the closest text is « {words} » ({at}){how}")
                }
                None => format!(
                    "copy the words exactly from {} (spaces and apostrophes may differ)",
                    places.text_name
                ),
            };
            src.error_at(
                quote_start,
                format!("quote of annotation '{name}' matches nothing in the text"),
            )
            .with_hint(hint)
        }
        Miss::Ambiguous { first, count } => src
            .error_at(
                quote_start,
                format!("quote of annotation '{name}' matches {count} places in the text"),
            )
            .with_hint(format!(
                "it occurs at:{}\nadd 'prefix' (the words just before) or 'suffix' (the words \
                 just after) to pick one",
                places.list(&first, count, paragraphs)
            )),
        Miss::Unselected {
            first,
            count,
            selected,
        } => {
            let at = entry
                .prefix
                .as_ref()
                .or(entry.suffix.as_ref())
                .map_or(quote_start, |s| s.span().start);
            let (message, listed) = if selected == 0 {
                let message = format!(
                    "prefix/suffix of annotation '{name}' match none of the {count} places of its \
                     quote"
                );
                (message, count)
            } else {
                let message =
                    format!("prefix/suffix of annotation '{name}' still match {selected} places");
                (message, selected)
            };
            src.error_at(at, message).with_hint(format!(
                "the quote occurs at:{}\n'prefix' must be the words just before, 'suffix' the \
                 words just after the place meant",
                places.list(&first, listed, paragraphs)
            ))
        }
    }
}

/// Reports overlapping annotations; `anchored` must be sorted by range start.
pub(super) fn check_overlaps(
    src: &SourceText<'_>,
    anchored: &[(Annotation, usize)],
    places: &Places<'_>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    // The annotation reaching furthest so far: any later one starting before its end overlaps it.
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

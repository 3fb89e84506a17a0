//! `annotations.toml`: each annotation checked, its quote anchored in the text, and overlaps
//! refused.
//!
//! Places in the text are shown as `text.md:line:column`, with the few words before them so
//! that occurrences of the same words can be told apart.

mod misses;

use crate::content::diagnostic::lang;
use crate::i18n::diagnostics::annotations as msg;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

use super::sources::SourceSet;
use super::{check_id, check_questions};
use crate::content::Orphan;
use crate::content::anchor::{self, Found, Haystack, Miss};
use crate::content::diagnostic::{Diagnostic, Fix, SourceText};
use crate::content::markdown::Body;
use crate::content::model::Annotation;
use crate::content::raw::{self, RawAnnotation};
use crate::content::schema;
use crate::text::sanitize::{clean_block, clean_line};
use misses::{miss_diagnostic, moved_warning, unique_frame};

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
    /// False when some entry that could not be read has no readable id: a tour stop naming an
    /// id found nowhere is then not reported.
    pub(super) ids_known: bool,
    /// Annotations read whole whose quote anchors nowhere (or overlaps another): shown in a
    /// draft's index with their error, never dropped silently.
    pub(super) orphans: Vec<Orphan>,
}

impl AnnotationSet {
    /// The set of an absent `annotations.toml`.
    pub(super) fn empty() -> Self {
        Self {
            anchored: Vec::new(),
            declared: HashMap::new(),
            cited: HashSet::new(),
            complete: true,
            ids_known: true,
            orphans: Vec::new(),
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
        let at = self.at(found.range.start);
        if context.is_empty() {
            msg::start_paragraph(lang(), &at)
        } else {
            msg::after(lang(), &at, &context)
        }
    }

    /// One line per place (`\n- text.md:8:7 (after « Les « »)`), then how many more there are.
    fn list(&self, first: &[Found], count: usize, paragraphs: &Paragraphs) -> String {
        let mut list: Vec<String> = first
            .iter()
            .map(|f| self.described(f, paragraphs))
            .collect();
        if count > first.len() {
            let more = count - first.len();
            list.push(msg::and_more(lang(), &more));
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
    let read = match raw::entries_by_table::<RawAnnotation>(src.text, "annotation") {
        Some(entries) => raw::Read {
            entries,
            complete: true,
            broken_ids: Vec::new(),
            unknown_ids: false,
        },
        None => raw::array_file::<RawAnnotation>(src, &schema::ANNOTATION, diagnostics),
    };
    let mut set = AnnotationSet {
        complete: read.complete,
        ids_known: !read.unknown_ids,
        ..AnnotationSet::empty()
    };
    // An entry that could not be read still declares its id, so that a tour stop naming it is
    // not told that it names nothing.
    for (id, at) in read.broken_ids {
        set.declared.entry(clean_line(&id)).or_insert(at);
    }
    let entries = read.entries;
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

    for (index, entry, _) in entries {
        let id = check_id(src, &entry.id, "annotation", &mut set.declared, diagnostics);
        let name = id.clone().unwrap_or_else(|| clean_line(entry.id.get_ref()));
        let source = entry.source.as_ref().and_then(|cited| {
            let cited_id = clean_line(cited.get_ref());
            set.cited.insert(cited_id.clone());
            let sources = sources?;
            let index = sources.ids.get(&cited_id).copied();
            if index.is_none() && sources.ids_known && !sources.broken.contains(&cited_id) {
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
                    msg::annotation_has_neither_context_nor(lang(), &name),
                )
                .with_hint(msg::write_context_what_reader_needs(lang())),
            );
        }
        let owner = msg::annotation_named(lang(), &name);
        let questions = check_questions(
            src,
            entry.questions.as_ref(),
            &owner,
            schema::ANNOTATION_QUESTIONS,
            diagnostics,
        );

        let Some((haystack, places, paragraphs)) = &text else {
            continue;
        };
        let quote = clean_line(entry.quote.get_ref());
        let prefix = entry.prefix.as_ref().map(|p| clean_line(p.get_ref()));
        let suffix = entry.suffix.as_ref().map(|s| clean_line(s.get_ref()));
        let exact = haystack.find(&quote, prefix.as_deref(), suffix.as_deref());
        // Not found exactly: found again approximately (the text was edited), with a warning.
        let moved = match &exact {
            Err(Miss::NotFound) => anchor::approximate(
                &places.body.text,
                &paragraphs.ranges,
                &quote,
                prefix.as_deref(),
                suffix.as_deref(),
            ),
            _ => None,
        };
        let found = match (exact, moved) {
            (Ok(found), _) => found,
            (Err(_), Some(moved)) => {
                diagnostics.push(moved_warning(
                    src, &entry, index, &name, &quote, &moved, places,
                ));
                Found {
                    range: moved.range,
                    paragraph: moved.paragraph,
                }
            }
            (Err(miss), None) => {
                let mut diagnostic = miss_diagnostic(
                    src,
                    &entry,
                    &name,
                    &quote,
                    miss.clone(),
                    places,
                    paragraphs,
                    haystack,
                );
                if let Miss::Ambiguous { first, count } = &miss
                    && let Some(place) = first.first()
                    && let Some((key, value)) =
                        unique_frame(haystack, places, paragraphs, place, &quote)
                {
                    let at = places.at(place.range.start);
                    diagnostic = diagnostic.with_fix(Fix {
                        entry: index,
                        id: name.clone(),
                        key,
                        value,
                        note: msg::picks_first_places_change_pick(lang(), &at, &count),
                    });
                }
                set.orphans.push(Orphan {
                    id: name.clone(),
                    kind: entry.kind,
                    quote: quote.clone(),
                    context: context.clone(),
                    note: note.clone(),
                    problem: diagnostic.message.clone(),
                });
                diagnostics.push(diagnostic);
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
        Some(close) => msg::did_you_mean(lang(), &close),
        None => msg::add_source_id_sources_toml(lang(), &cited_id),
    };
    src.error_at(
        at,
        msg::annotation_cites_unknown_source(lang(), &name, &cited_id),
    )
    .with_hint(hint)
}

/// Reports overlapping annotations; `anchored` must be sorted by range start.
///
/// Returns the index in `anchored` of each annotation that overlaps an earlier one.
pub(super) fn check_overlaps(
    src: &SourceText<'_>,
    anchored: &[(Annotation, usize)],
    places: &Places<'_>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<usize> {
    let mut overlapping = Vec::new();
    // The annotation reaching furthest so far: any later one starting before its end overlaps it.
    let mut reach: Option<&Annotation> = None;
    for (index, (annotation, quote_start)) in anchored.iter().enumerate() {
        if let Some(previous) = reach
            && annotation.range.start < previous.range.end
        {
            overlapping.push(index);
            let shared = annotation.range.start..previous.range.end.min(annotation.range.end);
            let words = places.body.text.get(shared.clone()).unwrap_or("");
            let (this, other) = (&annotation.id, &previous.id);
            let at = places.at(shared.start);
            diagnostics.push(
                src.error_at(
                    *quote_start,
                    msg::annotation_overlaps_annotation(lang(), &this, &other),
                )
                .with_hint(msg::both_cover_annotations_never_overlap(
                    lang(),
                    &words,
                    &at,
                )),
            );
        }
        if reach.is_none_or(|r| annotation.range.end > r.range.end) {
            reach = Some(annotation);
        }
    }
    overlapping
}

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
use crate::content::Orphan;
use crate::content::anchor::{self, Found, Haystack, Miss};
use crate::content::diagnostic::{Diagnostic, Fix, SourceText};
use crate::content::markdown::Body;
use crate::content::model::Annotation;
use crate::content::raw::{self, RawAnnotation};
use crate::content::schema;
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
            tr!(
                "{at} (at the start of a paragraph)",
                "{at} (au début d’un paragraphe)"
            )
        } else {
            tr!("{at} (after « {context} »)", "{at} (après « {context} »)")
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
            list.push(tr!("and {more} more", "et {more} autres"));
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
                    tr!(
                        "annotation '{name}' has neither 'context' nor 'note'",
                        "l’annotation '{name}' n’a ni 'context' ni 'note'"
                    ),
                )
                .with_hint(tr!(
                    "write in 'context' what a reader needs to know to read these words, e.g. \
                     context = \"…\"",
                    "écrivez dans 'context' ce qu’un lecteur doit savoir pour lire ces mots, par \
                     exemple context = \"…\""
                )),
            );
        }
        let owner = tr!("annotation '{name}'", "l’annotation '{name}'");
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
                        note: tr!(
                            "picks {at}, the first of {count} places: change it to pick another",
                            "choisit {at}, le premier des {count} endroits : changez-le pour en choisir un autre"
                        ),
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
        Some(close) => tr!("did you mean '{close}'?", "vouliez-vous dire '{close}' ?"),
        None => tr!(
            "add a [[source]] with id = \"{cited_id}\" to sources.toml",
            "ajoutez à sources.toml une [[source]] avec id = \"{cited_id}\""
        ),
    };
    src.error_at(
        at,
        tr!(
            "annotation '{name}' cites an unknown source '{cited_id}'",
            "l’annotation '{name}' cite une source inconnue '{cited_id}'"
        ),
    )
    .with_hint(hint)
}

/// Why a quote could not be anchored, with what is needed to fix it: the closest text, or the
/// places to choose from.
/// The warning for a quote found again approximately, with its fix: the text's words.
fn moved_warning(
    src: &SourceText<'_>,
    entry: &RawAnnotation,
    index: usize,
    name: &str,
    quote: &str,
    moved: &anchor::Moved,
    places: &Places<'_>,
) -> Diagnostic {
    let words = places.body.text.get(moved.range.clone()).unwrap_or("");
    let at = places.at(moved.range.start);
    let how = how_it_differs(quote, words, moved.edits == 0);
    src.error_at(
        entry.quote.span().start,
        tr!(
            "quote of annotation '{name}' moved: the text now reads « {words} » ({at})",
            "la citation de l’annotation '{name}' a bougé : le texte dit maintenant « {words} » ({at})"
        ),
    )
    .with_hint(tr!(
        "the annotation is shown on these words; glose check --fix writes them into the \
         quote{how}",
        "l’annotation est montrée sur ces mots ; glose check --fix les écrit dans la \
         citation{how}"
    ))
    .with_fix(Fix {
        entry: index,
        id: name.to_owned(),
        key: "quote",
        value: words.to_owned(),
        note: tr!("the words at {at}", "les mots en {at}"),
    })
    .into_warning()
}

/// The shortest `prefix` (the words just before) or `suffix` (just after) that makes `quote`
/// designate `place` alone: one word, then two…, up to eight on each side.
fn unique_frame(
    haystack: &Haystack<'_>,
    places: &Places<'_>,
    paragraphs: &Paragraphs,
    place: &Found,
    quote: &str,
) -> Option<(&'static str, String)> {
    let text = &places.body.text;
    let paragraph = paragraphs.ranges.get(place.paragraph)?;
    let before = text.get(paragraph.start..place.range.start)?;
    let after = text.get(place.range.end..paragraph.end)?;
    // Cuts at white space: the last n words before, the first n words after.
    let starts: Vec<usize> = before
        .char_indices()
        .filter(|&(i, c)| {
            !c.is_whitespace() && (i == 0 || before[..i].ends_with(char::is_whitespace))
        })
        .map(|(i, _)| i)
        .collect();
    let prefixes = starts
        .iter()
        .rev()
        .take(8)
        .map(|&i| before[i..].trim_end().to_owned());
    let ends: Vec<usize> = after
        .char_indices()
        .filter(|&(i, c)| {
            !c.is_whitespace()
                && after[i + c.len_utf8()..]
                    .chars()
                    .next()
                    .is_none_or(char::is_whitespace)
        })
        .map(|(i, c)| i + c.len_utf8())
        .collect();
    let suffixes = ends
        .iter()
        .take(8)
        .map(|&i| after[..i].trim_start().to_owned());
    let is_unique = |prefix: Option<&str>, suffix: Option<&str>| {
        haystack
            .find(quote, prefix, suffix)
            .is_ok_and(|found| found.range == place.range)
    };
    let prefix = prefixes
        .filter(|p| !p.is_empty())
        .find(|p| is_unique(Some(p), None));
    let suffix = suffixes
        .filter(|s| !s.is_empty())
        .find(|s| is_unique(None, Some(s)));
    match (prefix, suffix) {
        (Some(p), Some(s)) if s.chars().count() < p.chars().count() => Some(("suffix", s)),
        (Some(p), _) => Some(("prefix", p)),
        (None, Some(s)) => Some(("suffix", s)),
        (None, None) => None,
    }
}

#[allow(clippy::too_many_arguments)]
fn miss_diagnostic(
    src: &SourceText<'_>,
    entry: &RawAnnotation,
    name: &str,
    quote: &str,
    miss: Miss,
    places: &Places<'_>,
    paragraphs: &Paragraphs,
    haystack: &Haystack<'_>,
) -> Diagnostic {
    let quote_start = entry.quote.span().start;
    match miss {
        Miss::Empty => src
            .error_at(
                quote_start,
                tr!(
                    "quote of annotation '{name}' is empty",
                    "la citation (quote) de l’annotation '{name}' est vide"
                ),
            )
            .with_hint(tr!(
                "quote the exact words of the text this annotation is about, e.g. quote = \"430 \
                 millions\"",
                "citez les mots exacts du texte dont parle l’annotation, par exemple quote = \"430 \
                 millions\""
            )),
        Miss::NotFound => {
            let text = &places.body.text;
            let text_name = &places.text_name;
            // Straight quotes typed around words the text frames with « »: found without them.
            let unquoted = quote.replace('"', "");
            let without_quotes = (unquoted != quote)
                .then(|| haystack.find(&unquoted, None, None).ok())
                .flatten();
            let hint = match anchor::closest(text, &paragraphs.ranges, quote) {
                _ if without_quotes.is_some() => {
                    let at = without_quotes.map_or_else(String::new, |f| places.at(f.range.start));
                    let words = unquoted.trim();
                    tr!(
                        "the words « {words} » are in the text ({at}), between quotation marks \
                         « » where the quote has straight quotes \"…\": leave them out, \
                         quote = \"{words}\"",
                        "les mots « {words} » sont dans le texte ({at}), entre des guillemets « » \
                         là où la citation a des guillemets droits \"…\" : retirez-les, \
                         quote = \"{words}\""
                    )
                }
                Some(close) => {
                    let words = text.get(close.range.clone()).unwrap_or("");
                    let at = places.at(close.range.start);
                    let how = how_it_differs(quote, words, close.same_letters);
                    tr!(
                        "the closest text is « {words} » ({at}){how}",
                        "le texte le plus proche est « {words} » ({at}){how}"
                    )
                }
                None => tr!(
                    "copy the words exactly from {text_name} (spaces and apostrophes may differ)",
                    "copiez les mots tels quels depuis {text_name} (espaces et apostrophes \
                     peuvent différer)"
                ),
            };
            src.error_at(
                quote_start,
                tr!(
                    "quote of annotation '{name}' matches nothing in the text",
                    "la citation de l’annotation '{name}' ne se trouve nulle part dans le texte"
                ),
            )
            .with_hint(hint)
        }
        Miss::Ambiguous { first, count } => {
            let list = places.list(&first, count, paragraphs);
            src.error_at(
                quote_start,
                tr!(
                    "quote of annotation '{name}' matches {count} places in the text",
                    "la citation de l’annotation '{name}' se trouve à {count} endroits du texte"
                ),
            )
            .with_hint(tr!(
                "it occurs at:{list}\nadd 'prefix' (the words just before) or 'suffix' (the words \
                 just after) to pick one (glose check --fix can add them)",
                "elle se trouve en :{list}\najoutez 'prefix' (les mots juste avant) ou 'suffix' \
                 (les mots juste après) pour en choisir un (glose check --fix peut les ajouter)"
            ))
        }
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
                let message = tr!(
                    "prefix/suffix of annotation '{name}' match none of the {count} places of its \
                     quote",
                    "prefix/suffix de l’annotation '{name}' ne correspondent à aucun des {count} \
                     endroits de sa citation"
                );
                (message, count)
            } else {
                let message = tr!(
                    "prefix/suffix of annotation '{name}' still match {selected} places",
                    "prefix/suffix de l’annotation '{name}' correspondent encore à {selected} \
                     endroits"
                );
                (message, selected)
            };
            let list = places.list(&first, listed, paragraphs);
            src.error_at(at, message).with_hint(tr!(
                "the quote occurs at:{list}\n'prefix' must be the words just before, 'suffix' the \
                 words just after the place meant",
                "la citation se trouve en :{list}\n'prefix' doit être les mots juste avant, \
                 'suffix' les mots juste après l’endroit voulu"
            ))
        }
    }
}

/// Why `quote` is not `words`, the closest text, in words: straight quotes where the text has
/// guillemets, case, accents, Unicode normalisation; empty when it is none of these.
fn how_it_differs(quote: &str, words: &str, same_letters: bool) -> String {
    if quote.contains('"') && !words.contains('"') {
        return tr!(
            "; the quote has straight quotes \"…\" that the text does not have (it uses « » or \
             “ ”): copy them from the text, or leave them out of the quote",
            " ; la citation a des guillemets droits \"…\" que le texte n’a pas (il utilise « » \
             ou “ ”) : copiez-les depuis le texte, ou laissez-les hors de la citation"
        );
    }
    if !same_letters {
        return String::new();
    }
    let nfc = |s: &str| anchor::normalize(s).nfc().collect::<String>();
    let (quote, words) = (nfc(quote), nfc(words));
    let strip = |s: &str| {
        s.nfd()
            .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
            .collect::<String>()
    };
    if quote == words {
        tr!(
            "; it differs only in Unicode normalisation (NFC/NFD)",
            " ; elle ne diffère que par la normalisation Unicode (NFC/NFD)"
        )
    } else if quote.to_lowercase() == words.to_lowercase() {
        tr!(
            "; it differs only in case (capital letters): « {words} », not « {quote} »",
            " ; elle ne diffère que par les majuscules : « {words} », et non « {quote} »"
        )
    } else if strip(&quote) == strip(&words) {
        tr!(
            "; it differs only in accents: « {words} », not « {quote} »",
            " ; elle ne diffère que par les accents : « {words} », et non « {quote} »"
        )
    } else {
        tr!(
            "; it differs only in case or accents",
            " ; elle ne diffère que par les majuscules ou les accents"
        )
    }
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
                    tr!(
                        "annotation '{this}' overlaps annotation '{other}'",
                        "l’annotation '{this}' chevauche l’annotation '{other}'"
                    ),
                )
                .with_hint(tr!(
                    "both cover « {words} » ({at}); annotations never overlap: quote fewer words \
                     in one of them",
                    "les deux couvrent « {words} » ({at}) ; les annotations ne se chevauchent \
                     jamais : citez moins de mots dans l’une d’elles"
                )),
            );
        }
        if reach.is_none_or(|r| annotation.range.end > r.range.end) {
            reach = Some(annotation);
        }
    }
    overlapping
}

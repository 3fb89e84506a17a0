//! `sources.toml`: the bibliography, with unique ids and reference numbers.

use crate::content::diagnostic::lang;
use crate::i18n::diagnostics::article as msg;
use std::collections::{HashMap, HashSet};

use super::{check_id, check_url, non_blank};
use crate::content::diagnostic::{Diagnostic, SourceText};
use crate::content::model::Source;
use crate::content::raw::{self, RawSource};
use crate::content::schema;
use crate::text::sanitize::{clean_block, clean_line};

/// `sources.toml`, checked.
pub(super) struct SourceSet {
    pub(super) list: Vec<Source>,
    pub(super) ids: HashMap<String, usize>,
    /// Where each source's id is, to place the "unused" warning.
    pub(super) id_starts: Vec<usize>,
    /// The ids of the entries that could not be read: citing one is not an error of its own.
    pub(super) broken: HashSet<String>,
    /// False when some entry that could not be read has no readable id: citations of unknown
    /// ids are then not reported.
    pub(super) ids_known: bool,
}

impl SourceSet {
    /// The set of an absent `sources.toml`.
    pub(super) fn empty() -> Self {
        Self {
            list: Vec::new(),
            ids: HashMap::new(),
            id_starts: Vec::new(),
            broken: HashSet::new(),
            ids_known: true,
        }
    }
}

/// Reads and checks `sources.toml`, as much of it as can be read.
pub(super) fn read_sources(src: &SourceText<'_>, diagnostics: &mut Vec<Diagnostic>) -> SourceSet {
    let read = raw::array_file::<RawSource>(src, &schema::SOURCE, diagnostics);
    let mut set = SourceSet {
        list: Vec::new(),
        ids: HashMap::new(),
        id_starts: Vec::new(),
        broken: read
            .broken_ids
            .into_iter()
            .map(|(id, _)| clean_line(&id))
            .collect(),
        ids_known: !read.unknown_ids,
    };
    let entries = read.entries;
    let mut seen = HashMap::new();
    let mut references: HashMap<u32, String> = HashMap::new();
    for (_, source, _) in entries {
        let id = check_id(src, &source.id, "source", &mut seen, diagnostics);
        let title = non_blank(
            src,
            &source.title,
            &msg::source_title_empty(lang()),
            &msg::give_document_title_title_working(lang()),
            diagnostics,
        );
        let reference = source.reference.as_ref().map(|r| *r.get_ref());
        if let (Some(number), Some(spanned)) = (reference, &source.reference) {
            let owner = id.clone().unwrap_or_default();
            if number == 0 {
                diagnostics.push(
                    src.error_at(spanned.span().start, msg::reference_numbers_start(lang()))
                        .with_hint(msg::give_source_position_article_own(lang())),
                );
            } else if let Some(first) = references.get(&number) {
                diagnostics.push(
                    src.error_at(
                        spanned.span().start,
                        msg::duplicate_reference_number(lang(), &number),
                    )
                    .with_hint(msg::source_already_has_reference(lang(), &first, &number)),
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
    set
}

/// Warns about each source that no annotation cites (`cited` must be complete).
pub(super) fn warn_unused(
    src: &SourceText<'_>,
    sources: &SourceSet,
    cited: &HashSet<String>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    for (source, &start) in sources.list.iter().zip(&sources.id_starts) {
        if !cited.contains(&source.id) {
            let id = &source.id;
            diagnostics.push(
                src.error_at(start, msg::source_cited_no_annotation(lang(), &id))
                    .with_hint(msg::cite_from_annotation_source_remove(lang(), &id))
                    .into_warning(),
            );
        }
    }
}

//! `sources.toml`: the bibliography, with unique ids and reference numbers.

use std::collections::{HashMap, HashSet};

use super::{check_id, check_url, non_blank};
use crate::content::diagnostic::{Diagnostic, SourceText};
use crate::content::model::Source;
use crate::content::raw::{self, RawSource};
use crate::text::sanitize::{clean_block, clean_line};

/// `sources.toml`, checked.
pub(super) struct SourceSet {
    pub(super) list: Vec<Source>,
    pub(super) ids: HashMap<String, usize>,
    /// Where each source's id is, to place the "unused" warning.
    pub(super) id_starts: Vec<usize>,
    /// False when some entry could not be read: absent ids are then not reported.
    pub(super) complete: bool,
}

impl SourceSet {
    /// The set of an absent `sources.toml`.
    pub(super) fn empty() -> Self {
        Self {
            list: Vec::new(),
            ids: HashMap::new(),
            id_starts: Vec::new(),
            complete: true,
        }
    }
}

/// Reads and checks `sources.toml`; `None` when it does not parse.
pub(super) fn read_sources(
    src: &SourceText<'_>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<SourceSet> {
    let (entries, complete) = raw::array_file::<RawSource>(src, "source", diagnostics)?;
    let mut set = SourceSet {
        list: Vec::new(),
        ids: HashMap::new(),
        id_starts: Vec::new(),
        complete,
    };
    let mut seen = HashMap::new();
    let mut references: HashMap<u32, String> = HashMap::new();
    for (_, source, _) in entries {
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

/// Warns about each source that no annotation cites (`cited` must be complete).
pub(super) fn warn_unused(
    src: &SourceText<'_>,
    sources: &SourceSet,
    cited: &HashSet<String>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    for (source, &start) in sources.list.iter().zip(&sources.id_starts) {
        if !cited.contains(&source.id) {
            diagnostics.push(
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

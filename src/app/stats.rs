//! Counts the overlays show, kept off the frame: each part's annotations and words (counted
//! the first time the contents opens), how many annotations of each kind, the index's entries
//! for its kind and filter (listed again only when those change), reading progress per part.

use std::rc::Rc;

use super::App;
use super::lookup::{self, IndexState};
use crate::content::AnnotationKind;

/// The index's entries, and the kind filter and filter text they were listed for.
#[derive(Debug)]
pub(super) struct IndexCache {
    kind: Option<AnnotationKind>,
    filter: String,
    entries: Rc<[usize]>,
}

impl IndexCache {
    pub(super) fn is_for(&self, state: &IndexState) -> bool {
        self.kind == state.kind && self.filter == state.list.filter.text()
    }
}

/// What the contents overlay says of a part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PartStats {
    pub annotations: usize,
    pub words: usize,
}

impl App {
    /// Each part's annotation and word counts, in part order (counted by `update` when the
    /// contents overlay first opens; empty before).
    pub fn part_stats(&self) -> &[PartStats] {
        self.part_stats.as_deref().unwrap_or_default()
    }

    /// Counts each part's annotations and words, the first time they are needed.
    pub(super) fn count_parts(&mut self) {
        if self.part_stats.is_some() {
            return;
        }
        let mut stats: Vec<PartStats> = (0..self.article.parts.len())
            .map(|part| PartStats {
                annotations: 0,
                words: self.article.word_count(part),
            })
            .collect();
        for annotation in &self.article.annotations {
            if let Some(part) = stats.get_mut(annotation.part) {
                part.annotations += 1;
            }
        }
        self.part_stats = Some(stats);
    }

    /// How many annotations are of `kind`.
    pub fn kind_count(&self, kind: AnnotationKind) -> usize {
        AnnotationKind::ALL
            .iter()
            .position(|&k| k == kind)
            .map_or(0, |i| self.kind_counts[i])
    }

    /// The annotations the index lists for its kind filter and filter text
    /// (`lookup::index_entries`): the cached list when they have not changed since it was
    /// made (`update` keeps it fresh while the index is open), else listed now.
    pub fn index_entries(&self) -> Rc<[usize]> {
        match &self.index_cache {
            Some(cached) if cached.is_for(&self.view.index) => Rc::clone(&cached.entries),
            _ => self.list_index().into(),
        }
    }

    /// Lists the index's entries again if its kind filter or filter text changed since they
    /// were last listed (a book has thousands: not on every frame and keypress).
    pub(super) fn cache_index(&mut self) {
        if self
            .index_cache
            .as_ref()
            .is_some_and(|cached| cached.is_for(&self.view.index))
        {
            return;
        }
        let entries: Rc<[usize]> = self.list_index().into();
        self.index_cache = Some(IndexCache {
            kind: self.view.index.kind,
            filter: self.view.index.list.filter.text().to_owned(),
            entries,
        });
    }

    /// The index's entries for its filters: the annotations, then a draft's orphans.
    pub(super) fn list_index(&self) -> Vec<usize> {
        let state = &self.view.index;
        let mut entries = lookup::index_entries(&self.article, state);
        // A draft's orphans come last, numbered after the annotations.
        let needle = crate::search::fold(state.list.filter.text());
        entries.extend(
            self.orphans
                .iter()
                .enumerate()
                .filter(|(_, o)| state.kind.is_none_or(|k| o.kind == k))
                .filter(|(_, o)| {
                    needle.trim().is_empty()
                        || [o.quote.as_str(), o.id.as_str()]
                            .iter()
                            .any(|f| crate::search::fold(f).contains(needle.trim()))
                })
                .map(|(i, _)| self.article.annotations.len() + i),
        );
        entries
    }

    /// How much of a part has been on screen, in percent.
    pub fn part_progress(&self, part: usize) -> usize {
        let Some(p) = self.article.parts.get(part) else {
            return 0;
        };
        let (Some(first), Some(last)) = (p.paragraphs.first(), p.paragraphs.last()) else {
            return 100;
        };
        let (start, end) = (first.start, last.end);
        let pane = self.part_pane.get(part).copied().unwrap_or(0);
        let seen = self.view.seen.get(pane).copied().unwrap_or(0);
        if seen >= end || end <= start {
            100
        } else if seen <= start {
            0
        } else {
            (seen - start) * 100 / (end - start)
        }
    }

    /// The part holding a byte of the text.
    pub fn part_of_byte(&self, byte: usize) -> Option<usize> {
        self.article.parts.iter().position(|p| {
            matches!((p.paragraphs.first(), p.paragraphs.last()),
                (Some(first), Some(last)) if first.start <= byte && byte < last.end)
        })
    }
}

//! Panes and wrapped layouts: which parts share a pane, and each pane's text as visual rows.
//!
//! A `PaneLayout` is computed for one pane at one text width and never changes; the app keeps
//! them in a cache keyed by `(pane, width)`. Invariants:
//! - `rows` are in reading order and their `range.start` never decreases (blank and heading rows
//!   carry an empty range at the byte where the next paragraph starts), so a byte offset maps to
//!   a row with a binary search (`row_of_position`);
//! - text rows hold byte ranges into `Article::text` produced by `text::wrap`;
//! - `annotations` lists every annotation of the pane with its first and last row, in order.

use std::ops::Range;

use crate::content::{Article, PartKind};
use crate::text::wrap::{Row, wrap};

/// A pane of the reader: one main part, with an introduction before it or references after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pane {
    /// The pane's title: the heading of its main part.
    pub title: String,
    /// Indices into `Article::parts`, in reading order.
    pub parts: Vec<usize>,
}

/// Groups the article's parts into panes: an introduction joins the pane after it, references
/// join the pane before them, every other part has a pane of its own.
pub fn panes(article: &Article) -> Vec<Pane> {
    let mut panes: Vec<Pane> = Vec::new();
    let mut pending: Vec<usize> = Vec::new();
    for (i, part) in article.parts.iter().enumerate() {
        match part.kind {
            PartKind::Introduction => pending.push(i),
            PartKind::References if !panes.is_empty() || !pending.is_empty() => {
                if let Some(last) = panes.last_mut().filter(|_| pending.is_empty()) {
                    last.parts.push(i);
                } else {
                    pending.push(i);
                }
            }
            PartKind::Part | PartKind::Conclusion | PartKind::References => {
                let mut parts = std::mem::take(&mut pending);
                parts.push(i);
                panes.push(Pane {
                    title: part.heading.clone(),
                    parts,
                });
            }
        }
    }
    if !pending.is_empty() {
        let title = article
            .parts
            .get(pending[0])
            .map(|p| p.heading.clone())
            .unwrap_or_default();
        panes.push(Pane {
            title,
            parts: pending,
        });
    }
    panes
}

/// What a visual row shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// A row of a paragraph; the row's range is into `Article::text`.
    Text,
    /// A row of a part heading (shown in panes that hold several parts); the range is into
    /// that part's `heading`.
    Heading { part: usize },
    /// The empty row between paragraphs.
    Blank,
}

/// One row on screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VisualRow {
    pub kind: RowKind,
    /// Byte range (see `RowKind`); empty for blank rows.
    pub range: Range<usize>,
    /// Where this row sits in the text, for anchoring: `range.start` for text rows, the start
    /// of the next paragraph for blank and heading rows.
    pub anchor_byte: usize,
    /// Display width in cells.
    pub width: u16,
}

/// Where one annotation sits in a pane's rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AnnotationRows {
    /// Index into `Article::annotations`.
    pub annotation: usize,
    pub first_row: usize,
    pub last_row: usize,
}

/// A pane's text wrapped at one width.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaneLayout {
    pub width: usize,
    pub rows: Vec<VisualRow>,
    pub annotations: Vec<AnnotationRows>,
}

impl PaneLayout {
    /// A row as a width-independent position: its anchor byte, and how many rows before it
    /// share that anchor (a heading and the blank rows around it share the next paragraph's).
    pub fn position_of_row(&self, row: usize) -> (usize, usize) {
        let byte = self.anchor_of_row(row);
        let first = self.rows.partition_point(|r| r.anchor_byte < byte);
        (byte, row.saturating_sub(first))
    }

    /// The row for a position from `position_of_row`, possibly at another width.
    pub fn row_of_position(&self, byte: usize, lead: usize) -> usize {
        let first = self.rows.partition_point(|r| r.anchor_byte < byte);
        if self.rows.get(first).is_some_and(|r| r.anchor_byte == byte) {
            let end = self.rows.partition_point(|r| r.anchor_byte <= byte);
            (first + lead).min(end.saturating_sub(1))
        } else {
            first.saturating_sub(1)
        }
    }

    /// The rows of an annotation, if it is in this pane.
    pub fn annotation_rows(&self, annotation: usize) -> Option<AnnotationRows> {
        self.annotations
            .binary_search_by_key(&annotation, |a| a.annotation)
            .ok()
            .and_then(|i| self.annotations.get(i).copied())
    }

    /// The byte where the given row sits (for keeping the reading position across widths).
    pub fn anchor_of_row(&self, row: usize) -> usize {
        self.rows
            .get(row)
            .or(self.rows.last())
            .map_or(0, |r| r.anchor_byte)
    }

    /// The largest top row that still fills a viewport of `height` rows.
    pub fn max_top(&self, height: usize) -> usize {
        self.rows.len().saturating_sub(height.max(1))
    }
}

/// Wraps a pane's parts at `width` cells.
pub fn lay_out(article: &Article, pane: &Pane, width: usize) -> PaneLayout {
    let width = width.max(1);
    let french = article.is_french();
    let with_headings = pane.parts.len() > 1;
    let mut rows: Vec<VisualRow> = Vec::new();
    for &part_index in &pane.parts {
        let Some(part) = article.parts.get(part_index) else {
            continue;
        };
        let part_start = part.paragraphs.first().map_or(0, |p| p.start);
        if with_headings {
            if !rows.is_empty() {
                rows.push(blank(part_start));
            }
            for Row { range, width } in wrap(&part.heading, width, french) {
                rows.push(VisualRow {
                    kind: RowKind::Heading { part: part_index },
                    range,
                    anchor_byte: part_start,
                    width,
                });
            }
            rows.push(blank(part_start));
        }
        for (i, paragraph) in part.paragraphs.iter().enumerate() {
            if i > 0 {
                rows.push(blank(paragraph.start));
            }
            let text = article.slice(paragraph.clone());
            let wrapped = wrap(text, width, french);
            rows.reserve(wrapped.len());
            for Row { range, width } in wrapped {
                let range = paragraph.start + range.start..paragraph.start + range.end;
                rows.push(VisualRow {
                    kind: RowKind::Text,
                    anchor_byte: range.start,
                    range,
                    width,
                });
            }
        }
    }
    let annotations = locate_annotations(article, pane, &rows);
    PaneLayout {
        width,
        rows,
        annotations,
    }
}

fn blank(anchor_byte: usize) -> VisualRow {
    VisualRow {
        kind: RowKind::Blank,
        range: anchor_byte..anchor_byte,
        anchor_byte,
        width: 0,
    }
}

/// Finds the first and last row of every annotation of the pane in one merge pass.
fn locate_annotations(article: &Article, pane: &Pane, rows: &[VisualRow]) -> Vec<AnnotationRows> {
    let mut found = Vec::new();
    let text_rows: Vec<usize> = (0..rows.len())
        .filter(|&i| rows.get(i).is_some_and(|r| r.kind == RowKind::Text))
        .collect();
    let mut cursor = 0;
    for (index, annotation) in article.annotations.iter().enumerate() {
        if !pane.parts.contains(&annotation.part) {
            continue;
        }
        let row_of = |byte: usize, from: usize| {
            let mut k = from;
            while let Some(&r) = text_rows.get(k) {
                if rows.get(r).is_some_and(|row| row.range.end > byte) {
                    break;
                }
                k += 1;
            }
            k
        };
        let first = row_of(annotation.range.start, cursor);
        let last = row_of(annotation.range.end.saturating_sub(1), first);
        cursor = first;
        if let (Some(&first_row), Some(&last_row)) = (text_rows.get(first), text_rows.get(last)) {
            found.push(AnnotationRows {
                annotation: index,
                first_row,
                last_row,
            });
        }
    }
    found
}

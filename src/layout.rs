//! Geometry, computed from data and a size, never from the app and never while drawing: which
//! parts share a pane and each pane's text as visual rows (here), where everything goes on the
//! screen (`screen`). `update` clamps its scroll positions with these; `ui` draws into them.
//!
//! A `PaneLayout` is computed for one pane at one text width and never changes; the app keeps
//! them in a cache keyed by `(pane, width)`. Invariants:
//! - `rows` are in reading order and their `range.start` never decreases (blank and heading rows
//!   carry an empty range at the byte where the next paragraph starts), so a byte offset maps to
//!   a row with a binary search (`row_of_position`);
//! - text rows hold byte ranges into `Article::text` produced by `text::wrap`;
//! - `annotations` lists every annotation of the pane with its first and last row, in order.

pub mod facilitator_notes;
pub mod help;
pub mod lines;
pub mod poll;
pub mod popup;
pub mod present;
pub mod screen;
pub mod side_pane;
pub mod stop;

use std::ops::Range;

use crate::content::{Align, Article, Block, BlockKind, PartKind};
use crate::text::wrap::{Row, str_width, wrap, wrap_verbatim};

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

/// How a text row of a Markdown block is drawn: what stands before its text, and its style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Deco {
    /// Cells before the text: quote bars, list indent and marker, code gutter.
    pub lead: u16,
    /// Index into `Article::blocks` of the row's block, `u32::MAX` for a plain paragraph.
    pub block: u32,
    /// The first row of a block with a list marker: the marker is drawn.
    pub marker: bool,
    pub style: RowStyle,
}

impl Default for Deco {
    fn default() -> Self {
        Self {
            lead: 0,
            block: u32::MAX,
            marker: false,
            style: RowStyle::Plain,
        }
    }
}

/// The look of a text row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowStyle {
    /// Running text.
    Plain,
    /// A heading inside a part, of this level.
    Heading(u8),
    /// A line of code; `continued` when it goes on a line too long for one row.
    Code { continued: bool },
    /// A line kept as written; `continued` as for code.
    Lines { continued: bool },
    /// A thematic break: a line across.
    Rule,
    /// The line under a table's header.
    TableRule,
    /// A line of a table row: `count` cells from `PaneLayout::cells[first]`.
    Cells { first: u32, count: u16 },
}

/// One cell's piece on one line of a table row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    /// Cells from the start of the row's text (after the lead) where this column begins.
    pub column: u16,
    /// Cells from the column's start where the words begin (alignment).
    pub pad: u16,
    /// The words: a byte range into `Article::text` (empty on lines below a short cell).
    pub range: Range<usize>,
}

/// Width of the separator between two table columns (`" │ "`).
pub const COLUMN_GAP: usize = 3;

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
    /// What stands before the text and how it is drawn.
    pub deco: Deco,
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
    /// The pieces of table cells, for rows of style [`RowStyle::Cells`].
    pub cells: Vec<Cell>,
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
    let mut cells: Vec<Cell> = Vec::new();
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
                    deco: Deco::default(),
                });
            }
            rows.push(blank(part_start));
        }
        let mut previous: Option<&Block> = None;
        for (i, paragraph) in part.paragraphs.iter().enumerate() {
            let index = article
                .blocks
                .binary_search_by_key(&paragraph.start, |b| b.start)
                .ok();
            let block = index.and_then(|i| article.blocks.get(i));
            if i > 0 && blank_between(previous, block) {
                rows.push(blank(paragraph.start));
            }
            previous = block;
            match (index, block) {
                (Some(index), Some(block)) => {
                    let found =
                        block_rows(article, paragraph.clone(), index, block, width, &mut cells);
                    rows.extend(found);
                }
                _ => {
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
                            deco: Deco::default(),
                        });
                    }
                }
            }
        }
    }
    let annotations = locate_annotations(article, pane, &rows);
    PaneLayout {
        width,
        rows,
        annotations,
        cells,
    }
}

/// Whether a blank row separates two consecutive blocks: always, except between the items of
/// a list (one item a line).
pub fn blank_between(previous: Option<&Block>, block: Option<&Block>) -> bool {
    !(in_list(previous) && in_list(block) && !starts_list(previous, block))
        || another_list(previous, block)
}

/// Whether `block` is the first item of a list of another kind (numbered after bulleted, or
/// the other way) right after an item at the same depth: two lists, not one.
fn another_list(previous: Option<&Block>, block: Option<&Block>) -> bool {
    let ordered = |marker: &str| marker.starts_with(|c: char| c.is_ascii_digit());
    match (previous, block) {
        (Some(p), Some(b)) if p.indent == b.indent && p.quote == b.quote => {
            match (p.marker.as_deref(), b.marker.as_deref()) {
                (Some(pm), Some(bm)) => ordered(pm) != ordered(bm),
                _ => false,
            }
        }
        _ => false,
    }
}

/// Whether a block is inside a list (its rows follow the previous item's without a blank).
fn in_list(block: Option<&Block>) -> bool {
    block.is_some_and(|b| {
        b.indent > 0 && !matches!(b.kind, BlockKind::Code { .. } | BlockKind::Table { .. })
    })
}

/// Whether `block` is a paragraph of an item that follows another paragraph of the same item
/// (a loose item keeps its blank line), rather than a new item.
fn starts_list(previous: Option<&Block>, block: Option<&Block>) -> bool {
    matches!((previous, block), (Some(p), Some(b)) if b.marker.is_none() && b.indent <= p.indent)
}

/// Cells before a block's text: two per quote, then its list indent, the marker's room.
pub fn lead_of(block: &Block) -> usize {
    let quote = 2 * usize::from(block.quote);
    let indent = usize::from(block.indent);
    if indent == 0 {
        return quote;
    }
    let marker = block.marker.as_deref().map_or(1, str_width);
    quote + 2 * (indent - 1) + marker.max(1) + 1
}

/// Where a block's marker starts, in cells from the row's start.
pub fn marker_column(block: &Block) -> usize {
    2 * usize::from(block.quote) + 2 * usize::from(block.indent.saturating_sub(1))
}

/// Cells of the gutter before a code line (`│ `) or a continued one (`↪ `).
pub const CODE_GUTTER: usize = 2;

/// The rows of one block of Markdown at `width` cells, its table pieces added to `cells`.
pub fn block_rows(
    article: &Article,
    paragraph: Range<usize>,
    index: usize,
    block: &Block,
    width: usize,
    cells: &mut Vec<Cell>,
) -> Vec<VisualRow> {
    let french = article.is_french();
    let mut lead = lead_of(block).min(width / 2);
    let mut rows = Vec::new();
    let deco = |lead: usize, style: RowStyle| Deco {
        lead: u16::try_from(lead).unwrap_or(u16::MAX),
        block: u32::try_from(index).unwrap_or(u32::MAX),
        marker: false,
        style,
    };
    let text = article.slice(paragraph.clone());
    let at = |offset: usize, row: Row, deco: Deco| VisualRow {
        kind: RowKind::Text,
        range: offset + row.range.start..offset + row.range.end,
        anchor_byte: offset + row.range.start,
        width: row.width,
        deco,
    };
    match &block.kind {
        BlockKind::Rule => {
            rows.push(VisualRow {
                kind: RowKind::Text,
                range: paragraph.start..paragraph.start,
                anchor_byte: paragraph.start,
                width: 0,
                deco: deco(lead, RowStyle::Rule),
            });
        }
        BlockKind::Code { .. } | BlockKind::Lines => {
            let code = matches!(block.kind, BlockKind::Code { .. });
            if code {
                lead = (lead + CODE_GUTTER).min(width.saturating_sub(1));
            }
            let avail = width.saturating_sub(lead).max(1);
            let mut offset = paragraph.start;
            for line in text.split('\n') {
                for (k, row) in wrap_verbatim(line, avail).into_iter().enumerate() {
                    let continued = k > 0;
                    let style = if code {
                        RowStyle::Code { continued }
                    } else {
                        RowStyle::Lines { continued }
                    };
                    rows.push(at(offset, row, deco(lead, style)));
                }
                offset += line.len() + 1;
            }
        }
        BlockKind::Table(table) => {
            table_rows(
                article,
                &table.rows,
                &table.aligns,
                width.saturating_sub(lead),
                cells,
                &mut |line, range, style| {
                    rows.push(VisualRow {
                        kind: RowKind::Text,
                        anchor_byte: range.start,
                        range,
                        width: u16::try_from(line).unwrap_or(u16::MAX),
                        deco: deco(lead, style),
                    });
                },
            );
        }
        BlockKind::Paragraph | BlockKind::Heading { .. } | BlockKind::Html => {
            let style = match block.kind {
                BlockKind::Heading { level } => RowStyle::Heading(level),
                _ => RowStyle::Plain,
            };
            let avail = width.saturating_sub(lead).max(1);
            let mut offset = paragraph.start;
            for line in text.split('\n') {
                for row in wrap(line, avail, french) {
                    rows.push(at(offset, row, deco(lead, style)));
                }
                offset += line.len() + 1;
            }
        }
    }
    if block.marker.is_some()
        && let Some(first) = rows.first_mut()
    {
        first.deco.marker = true;
    }
    if rows.is_empty() {
        rows.push(VisualRow {
            kind: RowKind::Text,
            range: paragraph.start..paragraph.start,
            anchor_byte: paragraph.start,
            width: 0,
            deco: deco(lead, RowStyle::Plain),
        });
    }
    rows
}

/// Lays a table out in `width` cells: columns as wide as their widest cell, narrowed (widest
/// first) when they do not fit, each cell's words wrapped within its column. Calls `row` for
/// each line with its total width, the byte range it spans and its style.
fn table_rows(
    article: &Article,
    table: &[Vec<Range<usize>>],
    aligns: &[Align],
    width: usize,
    cells: &mut Vec<Cell>,
    row: &mut dyn FnMut(usize, Range<usize>, RowStyle),
) {
    let french = article.is_french();
    let columns = table.iter().map(Vec::len).max().unwrap_or(0);
    if columns == 0 {
        return;
    }
    let mut widths = vec![0usize; columns];
    for cells in table {
        for (c, cell) in cells.iter().enumerate() {
            if let Some(w) = widths.get_mut(c) {
                *w = (*w).max(str_width(article.slice(cell.clone())));
            }
        }
    }
    let room = width
        .saturating_sub(COLUMN_GAP * (columns - 1))
        .max(columns);
    while widths.iter().sum::<usize>() > room {
        let Some(widest) = widths.iter_mut().max() else {
            break;
        };
        if *widest <= 1 {
            break;
        }
        *widest -= 1;
    }
    let total = widths.iter().sum::<usize>() + COLUMN_GAP * (columns - 1);
    for (r, table_row) in table.iter().enumerate() {
        let wrapped: Vec<Vec<Row>> = (0..columns)
            .map(|c| {
                let w = widths.get(c).copied().unwrap_or(1).max(1);
                table_row
                    .get(c)
                    .map(|cell| {
                        wrap(article.slice(cell.clone()), w, french)
                            .into_iter()
                            .map(|mut row| {
                                row.range =
                                    cell.start + row.range.start..cell.start + row.range.end;
                                row
                            })
                            .collect()
                    })
                    .unwrap_or_default()
            })
            .collect();
        let height = wrapped.iter().map(Vec::len).max().unwrap_or(0).max(1);
        let row_start = table_row.first().map_or(0, |c| c.start);
        for line in 0..height {
            let first = u32::try_from(cells.len()).unwrap_or(u32::MAX);
            let mut column = 0;
            let mut span: Option<Range<usize>> = None;
            for (c, pieces) in wrapped.iter().enumerate() {
                let w = widths.get(c).copied().unwrap_or(1);
                let piece = pieces.get(line);
                let range = piece.map_or(row_start..row_start, |p| p.range.clone());
                let used = piece.map_or(0, |p| usize::from(p.width));
                let pad = match aligns.get(c) {
                    Some(Align::Right) => w.saturating_sub(used),
                    Some(Align::Center) => w.saturating_sub(used) / 2,
                    _ => 0,
                };
                if !range.is_empty() {
                    span = Some(match span {
                        Some(s) => s.start.min(range.start)..s.end.max(range.end),
                        None => range.clone(),
                    });
                }
                cells.push(Cell {
                    column: u16::try_from(column).unwrap_or(u16::MAX),
                    pad: u16::try_from(pad).unwrap_or(u16::MAX),
                    range,
                });
                column += w + COLUMN_GAP;
            }
            let count = u16::try_from(columns).unwrap_or(u16::MAX);
            let span = span.unwrap_or(row_start..row_start);
            row(total, span, RowStyle::Cells { first, count });
        }
        if r == 0 && table.len() > 1 {
            let next = table.get(1).and_then(|c| c.first()).map_or(0, |c| c.start);
            row(total, next..next, RowStyle::TableRule);
        }
    }
}

fn blank(anchor_byte: usize) -> VisualRow {
    VisualRow {
        kind: RowKind::Blank,
        range: anchor_byte..anchor_byte,
        anchor_byte,
        width: 0,
        deco: Deco::default(),
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

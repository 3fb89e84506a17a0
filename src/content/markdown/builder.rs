//! The walk over pulldown-cmark's events that writes the rendered text, its blocks, headings,
//! inline style boundaries and links (see the parent module for what the text is).

use std::ops::Range;

use pulldown_cmark::{Alignment, CodeBlockKind, Event, HeadingLevel, Tag, TagEnd};

use super::inline::{flatten, html_words};
use super::{Body, Heading, PartLevel, TextMap, auto_level, close_section};
use crate::content::model::{
    Align, Block, BlockKind, InlineStyle, Link, STYLE_CODE, STYLE_EMPHASIS, STYLE_LINK,
    STYLE_STRIKE, STYLE_STRONG, Short, Table,
};
use crate::text::sanitize::{clean_line, clean_line_cow};

mod head;
mod write;

pub(super) use head::{Head, narrow, wide};

/// 1-based line and column (in chars) of byte offsets of a chunk of a file.
pub(super) struct Lines<'s> {
    source: &'s str,
    starts: Vec<usize>,
    /// Lines of the file before the chunk.
    before: usize,
}

impl<'s> Lines<'s> {
    pub(super) fn new(source: &'s str, before: usize) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', source.as_bytes()).map(|i| i + 1));
        Self {
            source,
            starts,
            before,
        }
    }

    /// How many line breaks the chunk holds.
    pub(super) fn breaks(&self) -> usize {
        self.starts.len() - 1
    }

    fn position(&self, offset: usize) -> (usize, usize) {
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts.get(line - 1).copied().unwrap_or(0);
        let column = self
            .source
            .get(start..offset)
            .map_or(0, |s| s.chars().count());
        (self.before + line, column + 1)
    }
}

/// An open list.
struct List {
    next: Option<u64>,
}

/// The walk over the parser's events.
pub(super) struct Builder {
    level: PartLevel,
    want_map: bool,
    text: String,
    map: TextMap,
    /// Every block's range, in order (a thematic break's is empty), headings' included, in 32
    /// bits (there are about 90 000 in a 10 MB document).
    paras: Vec<Range<u32>>,
    /// The blocks of `paras` that are not plain paragraphs, in order.
    blocks: Vec<Block>,
    heads: Vec<Head>,
    /// The style runs of the chunks already walked.
    styles: Vec<InlineStyle>,
    /// The block being written: its start and kind.
    open: Option<(usize, BlockKind)>,
    /// A part heading being read (kept out of the text): its words, level and position.
    captured: Option<(String, usize, usize, usize)>,
    /// A heading being written in the text: its level and position.
    heading: Option<(usize, usize, usize)>,
    quote: u8,
    indent: u8,
    lists: Vec<List>,
    marker: Option<Short>,
    /// Inline styles open: their bit and start (and link index).
    inline: Vec<(u8, usize, Option<usize>)>,
    /// Style boundaries: (byte, bits turned on at it, bits turned off at it, link).
    edges: Vec<(usize, u8, Option<usize>)>,
    links: Vec<Link>,
    /// The next piece of text starts a line: leading white space goes.
    line_start: bool,
    /// The last unit was a thematic break (its range is empty): the next block needs a separator.
    after_rule: bool,
    /// Table under construction.
    rows: Vec<Vec<Range<usize>>>,
    aligns: Vec<Align>,
    cell: Option<usize>,
    /// HTML block under construction.
    html: Option<(String, usize)>,
    /// Never trim below this byte (a style boundary already recorded).
    floor: usize,
    /// Where the run of plain text being written began: bare addresses in it become links
    /// when it ends (a `_` or `*` that emphasises nothing splits the parser's text events).
    bare: Option<usize>,
    /// Where the words of the last image with words ended, and where a space was put after
    /// them to separate the next image or link (see `Builder::open_link`).
    image_end: Option<usize>,
    image_space: Option<usize>,
}

/// Whether a char is white space to trim at a line's edges (NBSP included, as authors type it).
fn is_blank(c: char) -> bool {
    c.is_whitespace()
}

impl Builder {
    /// A walk writing a text of about `capacity` bytes.
    pub(super) fn new(level: PartLevel, capacity: usize) -> Self {
        Builder {
            level,
            want_map: matches!(level, PartLevel::Fixed(_)),
            text: String::with_capacity(capacity),
            map: TextMap::default(),
            paras: Vec::new(),
            blocks: Vec::new(),
            heads: Vec::new(),
            styles: Vec::new(),
            open: None,
            captured: None,
            heading: None,
            quote: 0,
            indent: 0,
            lists: Vec::new(),
            marker: None,
            inline: Vec::new(),
            edges: Vec::new(),
            links: Vec::new(),
            line_start: true,
            after_rule: false,
            rows: Vec::new(),
            aligns: Vec::new(),
            cell: None,
            html: None,
            floor: 0,
            bare: None,
            image_end: None,
            image_space: None,
        }
    }

    /// A walk over one chunk that is not the file's first, to be joined to the walk of the
    /// chunks before it by [`Builder::append`]: it begins as if text came before it (its first
    /// block is separated from them). Its lines count from the chunk's start.
    pub(super) fn piece(level: PartLevel, capacity: usize) -> Self {
        let mut piece = Builder::new(level, capacity + capacity / 8);
        piece.after_rule = true;
        piece
    }

    /// Whether the walk wrote any text, or ended on a thematic break: what a
    /// [`Builder::piece`] takes for granted of the walk it is appended to.
    pub(super) fn has_text(&self) -> bool {
        !self.text.is_empty() || self.after_rule
    }

    /// Joins the walk of the next chunk (`lines_before` lines into the file), ended: the same
    /// as walking that chunk after the others with this builder, when [`Builder::has_text`].
    pub(super) fn append(&mut self, piece: Builder, lines_before: usize) {
        let Builder {
            text,
            map,
            paras,
            blocks,
            heads,
            styles,
            links,
            after_rule,
            ..
        } = piece;
        let shift = self.text.len();
        let at = |r: Range<usize>| r.start + shift..r.end + shift;
        let (shift32, lines32) = (narrow(shift), narrow(lines_before));
        let at32 = |r: Range<u32>| r.start + shift32..r.end + shift32;
        let (para_base, block_base, link_base) =
            (self.paras.len(), self.blocks.len(), self.links.len());
        self.text.push_str(&text);
        drop(text);
        self.map
            .segments
            .extend(map.segments.into_iter().map(|s| super::Segment {
                text_start: s.text_start + shift,
                line: s.line + lines_before,
                column: s.column,
            }));
        self.paras.extend(paras.into_iter().map(at32));
        self.blocks.extend(blocks.into_iter().map(|mut block| {
            block.start += shift;
            if let BlockKind::Table(table) = &mut block.kind {
                for cell in table.rows.iter_mut().flatten() {
                    *cell = at(cell.clone());
                }
            }
            block
        }));
        let (para_base, block_base) = (narrow(para_base), narrow(block_base));
        self.heads.extend(heads.into_iter().map(|mut head| {
            head.para += para_base;
            head.block = head.block.map(|b| b + block_base);
            head.range = at32(head.range);
            head.line += lines32;
            head
        }));
        self.styles.extend(styles.into_iter().map(|style| {
            InlineStyle::new(
                at(style.range()),
                style.style,
                style.link().map(|l| l + link_base),
            )
        }));
        self.links.extend(links.into_iter().map(|link| Link {
            range: at(link.range),
            ..link
        }));
        self.after_rule = after_rule;
    }

    /// Takes the parser's next event, at byte `offset` of the chunk `lines` is of.
    pub(super) fn event(&mut self, event: Event<'_>, offset: usize, lines: &Lines<'_>) {
        let code = matches!(self.open, Some((_, BlockKind::Code { .. })));
        let plain = matches!(event, Event::Text(_))
            && self.html.is_none()
            && self.captured.is_none()
            && !code
            && !self.in_link();
        if !plain {
            self.link_bare_addresses();
        }
        match event {
            Event::Start(tag) => self.start(tag, offset, lines),
            Event::End(tag) => self.end(tag, lines),
            Event::Text(text) => {
                if self.html.is_some() {
                    self.html_text(&text, lines);
                } else if code {
                    self.push_code(&text, offset, lines);
                } else {
                    if plain && self.bare.is_none() {
                        self.bare = Some(self.push_start());
                    }
                    self.push_inline(&clean_line_cow(&text), offset, lines);
                }
            }
            Event::Code(code) => {
                let start = self.push_start();
                self.push_inline(&clean_line_cow(&code), offset, lines);
                let end = self.text.len();
                self.style_run(start, end, STYLE_CODE, None);
            }
            Event::Html(html) => self.html_text(&html, lines),
            Event::InlineHtml(html) => {
                // Tags and comments are hidden; a line break tag breaks the line.
                let tag = html.trim().to_ascii_lowercase();
                if tag.starts_with("<br") && self.open.is_some() {
                    self.line_break(true);
                }
            }
            Event::FootnoteReference(label) => {
                let start = self.push_start();
                self.push_inline(&clean_line(&format!("[{label}]")), offset, lines);
                let end = self.text.len();
                self.style_run(start, end, STYLE_LINK, None);
            }
            Event::SoftBreak => self.line_break(false),
            Event::HardBreak => self.line_break(true),
            Event::Rule => {
                self.close_block();
                let start = self.separate();
                let block = self.block(start, BlockKind::Rule);
                self.paras.push(narrow(start)..narrow(start));
                self.blocks.push(block);
                self.after_rule = true;
            }
            Event::TaskListMarker(checked) => {
                let mark = if checked { "[x]" } else { "[ ]" };
                self.marker = Some(match self.marker.take() {
                    Some(m) if m.ends_with('.') || m.ends_with(')') => format!("{m} {mark}").into(),
                    _ => mark.into(),
                });
            }
            Event::InlineMath(text) | Event::DisplayMath(text) => {
                self.push_inline(&clean_line(&text), offset, lines);
            }
        }
    }

    fn start(&mut self, tag: Tag<'_>, offset: usize, lines: &Lines<'_>) {
        match tag {
            Tag::Paragraph => self.open_block(BlockKind::Paragraph),
            Tag::Heading { level, .. } => {
                let level = heading_level(level);
                let (line, column) = lines.position(offset);
                match self.level {
                    PartLevel::Fixed(part) if level <= part => {
                        self.close_block();
                        self.captured = Some((String::new(), level, line, column));
                    }
                    _ => {
                        self.open_block(BlockKind::Heading { level: level as u8 });
                        self.heading = Some((level, line, column));
                    }
                }
            }
            Tag::BlockQuote(_) => {
                self.close_block();
                self.quote = self.quote.saturating_add(1);
            }
            Tag::CodeBlock(kind) => {
                let language = match kind {
                    CodeBlockKind::Fenced(info) => clean_line(
                        info.split(|c: char| c.is_whitespace() || c == ',')
                            .next()
                            .unwrap_or(""),
                    ),
                    CodeBlockKind::Indented => String::new(),
                }
                .into();
                self.open_block(BlockKind::Code { language });
            }
            Tag::HtmlBlock => {
                self.close_block();
                self.html = Some((String::new(), offset));
            }
            Tag::List(first) => {
                self.close_block();
                self.lists.push(List { next: first });
            }
            Tag::Item => {
                self.close_block();
                self.indent = self.indent.saturating_add(1);
                let depth = self.lists.len();
                let marker = match self.lists.last_mut().and_then(|l| l.next.as_mut()) {
                    Some(n) => {
                        let marker = format!("{n}.").into();
                        *n += 1;
                        marker
                    }
                    None => ["•", "◦", "▪"]
                        .get(depth.saturating_sub(1) % 3)
                        .copied()
                        .unwrap_or("•")
                        .into(),
                };
                self.marker = Some(marker);
            }
            Tag::FootnoteDefinition(label) => {
                self.close_block();
                self.indent = self.indent.saturating_add(1);
                self.marker = Some(clean_line(&format!("[{label}]")).into());
            }
            Tag::Table(aligns) => {
                self.open_block(BlockKind::Paragraph);
                self.rows.clear();
                self.aligns = aligns
                    .iter()
                    .map(|a| match a {
                        Alignment::Center => Align::Center,
                        Alignment::Right => Align::Right,
                        Alignment::None | Alignment::Left => Align::Left,
                    })
                    .collect();
            }
            Tag::TableHead | Tag::TableRow => self.rows.push(Vec::new()),
            Tag::TableCell => {
                let first = self.rows.last().is_none_or(Vec::is_empty);
                if !(first && self.rows.len() == 1) {
                    self.text.push(if first { '\n' } else { ' ' });
                }
                self.cell = Some(self.text.len());
                self.line_start = true;
            }
            Tag::Emphasis => self.open_style(STYLE_EMPHASIS, None),
            Tag::Strong => self.open_style(STYLE_STRONG, None),
            Tag::Strikethrough => self.open_style(STYLE_STRIKE, None),
            Tag::Link { dest_url, .. } => self.open_link(&dest_url, false),
            Tag::Image { dest_url, .. } => self.open_link(&dest_url, true),
            Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition
            | Tag::Superscript
            | Tag::Subscript
            | Tag::MetadataBlock(_) => {}
        }
    }

    fn end(&mut self, tag: TagEnd, lines: &Lines<'_>) {
        match tag {
            TagEnd::Paragraph | TagEnd::CodeBlock => self.close_block(),
            TagEnd::Heading(_) => {
                if let Some((words, level, line, column)) = self.captured.take() {
                    let words = words.trim_matches(is_blank);
                    let end = narrow(self.text.len());
                    self.heads.push(Head {
                        para: narrow(self.paras.len()),
                        block: None,
                        level: level as u8,
                        line: narrow(line),
                        column: if words.is_empty() { 1 } else { narrow(column) },
                        range: end..end,
                        words: Some(words.into()),
                    });
                    self.line_start = true;
                } else {
                    self.close_block();
                }
            }
            TagEnd::BlockQuote(_) => {
                self.close_block();
                self.quote = self.quote.saturating_sub(1);
            }
            TagEnd::HtmlBlock => {
                if let Some((html, offset)) = self.html.take() {
                    let words = html_words(&html);
                    if !words.is_empty() {
                        self.open_block(BlockKind::Html);
                        self.push_inline(&words, offset, lines);
                        self.close_block();
                    }
                }
            }
            TagEnd::List(_) => {
                self.close_block();
                self.lists.pop();
            }
            TagEnd::Item | TagEnd::FootnoteDefinition => {
                self.close_block();
                self.indent = self.indent.saturating_sub(1);
                self.marker = None;
            }
            TagEnd::TableCell => {
                if let Some(start) = self.cell.take() {
                    self.trim_end();
                    let end = self.text.len().max(start);
                    if let Some(row) = self.rows.last_mut() {
                        row.push(start..end);
                    }
                }
            }
            TagEnd::Table => {
                let rows = std::mem::take(&mut self.rows);
                let aligns = std::mem::take(&mut self.aligns);
                if let Some((_, kind)) = &mut self.open {
                    *kind = BlockKind::Table(Box::new(Table { rows, aligns }));
                }
                self.close_block();
            }
            TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Link
            | TagEnd::Image => self.close_style(),
            TagEnd::TableHead
            | TagEnd::TableRow
            | TagEnd::DefinitionList
            | TagEnd::DefinitionListTitle
            | TagEnd::DefinitionListDefinition
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::MetadataBlock(_) => {}
        }
    }

    /// Ends a chunk: its last block closed, its style runs flattened (no style spans two
    /// chunks, since a chunk ends between blocks).
    pub(super) fn end_chunk(&mut self) {
        self.close_block();
        self.link_bare_addresses();
        let len = self.text.len();
        flatten(&mut self.edges, len, &mut self.styles);
    }

    /// Cuts the sections (call after the last chunk's [`Builder::end_chunk`]). Each section's
    /// paragraphs are a run of the walk's, copied once into a list of their exact size.
    pub(super) fn finish(self) -> Body {
        let Builder {
            mut text,
            map,
            paras,
            mut blocks,
            heads,
            level,
            styles,
            links,
            ..
        } = self;
        let mut body = Body {
            map,
            styles,
            links,
            ..Body::default()
        };
        let (part_level, mut title) = match level {
            PartLevel::Fixed(level) => (level, false),
            PartLevel::Auto => auto_level(&heads),
        };
        // The blocks of the title and part headings leave `blocks`, or are replaced (by index,
        // in order).
        let mut edits: Vec<(usize, Option<Block>)> = Vec::new();
        // Where the sections begin: the open section's heading, the paragraph it begins at (its
        // heading's words, if they are in the text), its first paragraph, its heading's block.
        // Found first, so that the headings found by the walk are dropped before the sections'
        // paragraphs are copied.
        let mut cuts: Vec<(Option<Heading>, usize, usize, Option<u32>)> = vec![(None, 0, 0, None)];
        for head in heads {
            let para = head.para as usize;
            // Whether the heading's words are a paragraph of the walk (else they are kept out
            // of the text).
            let words = usize::from(head.block.is_some());
            if std::mem::take(&mut title) {
                edits.extend(head.block.map(|b| (b as usize, None)));
                if let Some(first) = cuts.first_mut() {
                    first.2 = para + words;
                }
                body.title = Some(head.heading(&text));
            } else if usize::from(head.level) <= part_level {
                let block = head.block;
                cuts.push((Some(head.heading(&text)), para, para + words, block));
            } else if matches!(level, PartLevel::Fixed(_)) {
                body.minor_headings.push(head.heading(&text));
            }
            // Else a deeper heading is a styled block inside its section: nothing more to keep.
        }
        // The sections from the last: each run of paragraphs copied, then cut off the walk's
        // list, which is shrunk as it goes, so that the paragraphs are not held twice.
        body.sections.reserve_exact(cuts.len());
        let mut paras = paras;
        let mut tail_edits = Vec::new();
        for (heading, para, from, block) in cuts.into_iter().rev() {
            let run = paras.get(from..).unwrap_or_default();
            close_section(&mut body, heading, run, block, &mut tail_edits);
            paras.truncate(para);
            if paras.capacity() / 2 > paras.len() {
                paras.shrink_to_fit();
            }
        }
        drop(paras);
        body.sections.reverse();
        edits.extend(tail_edits.into_iter().rev());
        let mut edits = edits.into_iter().peekable();
        let mut index = 0;
        blocks.retain_mut(|block| {
            let i = index;
            index += 1;
            match edits.next_if(|(e, _)| *e == i) {
                Some((_, Some(new))) => {
                    *block = new;
                    true
                }
                Some((_, None)) => false,
                None => true,
            }
        });
        body.blocks = blocks;
        text.shrink_to_fit();
        body.text = text;
        body
    }
}

fn heading_level(level: HeadingLevel) -> usize {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

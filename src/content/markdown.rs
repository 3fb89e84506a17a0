//! Reading a Markdown file (CommonMark with tables, strikethrough, task lists and footnotes,
//! parsed by pulldown-cmark) into one rendered text, its blocks and its inline styles, split
//! into headed sections.
//!
//! The rendered text is what a reader sees: no Markdown syntax (`**21 bits**` is `21 bits`, in
//! a strong run), HTML tags and comments hidden but the words between them kept, entities
//! decoded. Each block (paragraph, heading, code block, list item's paragraph, table, rule, HTML
//! block) is one "paragraph" range of the text; blocks are separated by one space. Code blocks
//! and tables keep their lines, separated by `\n`, as do hard line breaks; nothing else puts a
//! `\n` in the text. A `#` line inside code is code, never a heading.
//!
//! Headings up to the part level begin a section (for a folder's `text.md` the level is 1, and
//! the part headings' words are not in the text); deeper ones are styled headings inside it.
//! For a plain file ([`PartLevel::Auto`]) the level is the shallowest one used more than once,
//! a leading heading used once at a shallower level being the title.
//!
//! Invariants of the result: `Body::text` is sanitised; paragraph ranges are in order, do not
//! overlap, and are non-empty except a thematic break's; `blocks` and `styles` are sorted by
//! start and `styles` never overlap. [`TextMap`] gives back the `line:column` in the file of any
//! byte of the text.

use std::ops::Range;

use pulldown_cmark::{Alignment, CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::content::model::{
    Align, Block, BlockKind, InlineStyle, Link, STYLE_CODE, STYLE_EMPHASIS, STYLE_IMAGE,
    STYLE_LINK, STYLE_STRIKE, STYLE_STRONG,
};
use crate::text::sanitize::{clean_block, clean_line};

/// The text of a file, split into sections.
#[derive(Debug, Default)]
pub struct Body {
    /// Every block's text, sanitised, separated by one space.
    pub text: String,
    /// In file order. Only the first can have no heading (text before any heading).
    pub sections: Vec<Section>,
    pub map: TextMap,
    /// Headings deeper than the part level, kept as headings inside their section.
    pub minor_headings: Vec<Heading>,
    /// The paragraph ranges that are not plain paragraphs.
    pub blocks: Vec<Block>,
    /// Inline style runs, never overlapping.
    pub styles: Vec<InlineStyle>,
    pub links: Vec<Link>,
    /// With [`PartLevel::Auto`]: the heading that opens the file and names it, if any.
    pub title: Option<Heading>,
}

/// A heading and the paragraphs up to the next one.
#[derive(Debug, Default)]
pub struct Section {
    /// `None` for the text before the first heading.
    pub heading: Option<Heading>,
    /// Byte ranges into `Body::text`.
    pub paragraphs: Vec<Range<usize>>,
}

/// A heading.
#[derive(Debug, Clone)]
pub struct Heading {
    /// Sanitised and trimmed; may be empty (a lone `#`).
    pub text: String,
    /// 1 to 6 (`#` to `######`, or `=` / `-` underlines for 1 and 2).
    pub level: usize,
    /// 1-based line in the file.
    pub line: usize,
    /// 1-based column (in chars) of the heading's text, or of the `#` when it has none.
    pub column: usize,
    /// Its words in `Body::text` (empty when the part headings are kept out of the text).
    pub range: Range<usize>,
}

/// Which headings begin a section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartLevel {
    /// Headings of this level or less; their words stay out of the text.
    Fixed(usize),
    /// The shallowest level used more than once (see the module's documentation).
    Auto,
}

/// Where each byte of `Body::text` comes from in the file.
#[derive(Debug, Default)]
pub struct TextMap {
    /// One per piece of text, by increasing `text_start`.
    segments: Vec<Segment>,
}

#[derive(Debug)]
struct Segment {
    text_start: usize,
    line: usize,
    column: usize,
}

impl TextMap {
    /// 1-based (line, column in chars) in the file of a byte of `text`.
    ///
    /// Exact within a piece of text as long as sanitising kept one char per char; the space
    /// that joins two lines counts as the end of the first.
    pub fn position(&self, text: &str, byte: usize) -> (usize, usize) {
        let index = self
            .segments
            .partition_point(|s| s.text_start <= byte)
            .saturating_sub(1);
        let Some(segment) = self.segments.get(index) else {
            return (1, 1);
        };
        let chars = text
            .get(segment.text_start..byte)
            .map_or(0, |s| s.chars().count());
        (segment.line, segment.column + chars)
    }
}

/// The parser's options: CommonMark and the GitHub extensions readers expect.
fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_GFM
}

/// 1-based line and column (in chars) of byte offsets of a source.
struct Lines<'s> {
    source: &'s str,
    starts: Vec<usize>,
}

impl<'s> Lines<'s> {
    fn new(source: &'s str) -> Self {
        let mut starts = vec![0];
        starts.extend(source.match_indices('\n').map(|(i, _)| i + 1));
        Self { source, starts }
    }

    fn position(&self, offset: usize) -> (usize, usize) {
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts.get(line - 1).copied().unwrap_or(0);
        let column = self
            .source
            .get(start..offset)
            .map_or(0, |s| s.chars().count());
        (line, column + 1)
    }
}

/// One block found by the walk, before sections are cut.
struct Unit {
    range: Range<usize>,
    // Boxed: most units are plain paragraphs, and a 10 MB text has a hundred thousand units.
    block: Option<Box<Block>>,
    heading: Option<Box<Heading>>,
}

/// An open list.
struct List {
    next: Option<u64>,
}

/// The walk over the parser's events.
struct Builder<'s> {
    lines: Lines<'s>,
    level: PartLevel,
    want_map: bool,
    text: String,
    map: TextMap,
    units: Vec<Unit>,
    /// The block being written: its start and kind.
    open: Option<(usize, BlockKind)>,
    /// A part heading being read (kept out of the text): its words, level and position.
    captured: Option<(String, usize, usize, usize)>,
    /// A heading being written in the text: its level and position.
    heading: Option<(usize, usize, usize)>,
    quote: u8,
    indent: u8,
    lists: Vec<List>,
    marker: Option<String>,
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
}

/// Parses `source` into sections of blocks; see the module's documentation.
pub fn parse(source: &str, level: PartLevel) -> Body {
    parse_in_chunks(source, level, CHUNK)
}

/// [`parse`], the source cut into chunks of at least `chunk` bytes (see [`chunks`]).
fn parse_in_chunks(source: &str, level: PartLevel, chunk: usize) -> Body {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let mut builder = Builder {
        lines: Lines::new(source),
        level,
        want_map: matches!(level, PartLevel::Fixed(_)),
        text: String::with_capacity(source.len()),
        map: TextMap::default(),
        units: Vec::new(),
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
    };
    let chunks = chunks(source, chunk);
    // A link may use a definition written in another chunk: every definition of the file is
    // known to every chunk.
    let definitions = if chunks.len() > 1 {
        definitions(source)
    } else {
        std::collections::HashMap::new()
    };
    for (start, chunk) in chunks {
        let resolve = |link: pulldown_cmark::BrokenLink<'_>| {
            definitions
                .get(&label_key(&link.reference))
                .map(|url| (url.clone().into(), "".into()))
        };
        let parser = Parser::new_with_broken_link_callback(chunk, options(), Some(resolve));
        for (event, offsets) in parser.into_offset_iter() {
            builder.event(event, start + offsets.start);
        }
        builder.close_block();
    }
    builder.finish()
}

/// A link label as CommonMark matches it: case folded, white space runs as one space.
fn label_key(label: &str) -> String {
    label
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The link reference definitions of a file (`[label]: url`, one a line), by label.
fn definitions(source: &str) -> std::collections::HashMap<String, String> {
    let mut out = std::collections::HashMap::new();
    for line in source.lines() {
        let t = line.trim_start();
        if line.len() - t.len() > 3 || !t.starts_with('[') || t.starts_with("[^") {
            continue;
        }
        let Some((label, rest)) = t.get(1..).and_then(|r| r.split_once("]:")) else {
            continue;
        };
        let url = rest.split_whitespace().next().unwrap_or("");
        let url = url
            .strip_prefix('<')
            .and_then(|u| u.strip_suffix('>'))
            .unwrap_or(url);
        if !url.is_empty() {
            out.entry(label_key(label))
                .or_insert_with(|| url.to_owned());
        }
    }
    out
}

/// A chunk is cut only once it holds this many bytes.
const CHUNK: usize = 256 * 1024;

/// The source cut into pieces that parse alone exactly as they do together, so that the
/// parser's tree of a large document never exists whole: a cut is made only before an ATX
/// heading at the start of a line, after a blank line, outside any fenced code block or HTML
/// comment. (Such a heading ends every open block: lists, quotes, indented code, HTML blocks
/// of the kinds a blank line ends.) Link reference definitions are shared by all chunks (see
/// [`parse`]); a footnote used in another chunk than its definition shows as `[^label]`.
fn chunks(source: &str, size: usize) -> Vec<(usize, &str)> {
    if source.len() <= size {
        return vec![(0, source)];
    }
    let mut out = Vec::new();
    let mut chunk_start = 0;
    let mut fence: Option<(u8, usize)> = None;
    let mut in_comment = false;
    let mut blank_before = false;
    let mut line_start = 0;
    for line in source.split_inclusive('\n') {
        let trimmed = line.trim_start_matches(' ');
        let indent = line.len() - trimmed.len();
        let content = trimmed.trim_end();
        let cut_here = fence.is_none()
            && !in_comment
            && blank_before
            && line_start - chunk_start >= size
            && indent == 0
            && content.starts_with('#')
            && content.trim_start_matches('#').starts_with([' ', '\t'])
            && content.bytes().take_while(|&b| b == b'#').count() <= 6;
        if cut_here {
            out.push((
                chunk_start,
                source.get(chunk_start..line_start).unwrap_or(""),
            ));
            chunk_start = line_start;
        }
        if indent <= 3 {
            let marker = content.bytes().next().filter(|&b| b == b'`' || b == b'~');
            if let Some(b) = marker {
                let run = content.bytes().take_while(|&c| c == b).count();
                match fence {
                    None if run >= 3 => fence = Some((b, run)),
                    Some((f, n)) if f == b && run >= n && content.len() == run => fence = None,
                    _ => {}
                }
            }
        }
        if fence.is_none() {
            if let Some(at) = line.find("<!--") {
                in_comment = !line.get(at..).is_some_and(|rest| rest.contains("-->"));
            } else if in_comment && line.contains("-->") {
                in_comment = false;
            }
        }
        blank_before = content.is_empty();
        line_start += line.len();
    }
    out.push((chunk_start, source.get(chunk_start..).unwrap_or("")));
    out
}

/// Whether a char is white space to trim at a line's edges (NBSP included, as authors type it).
fn is_blank(c: char) -> bool {
    c.is_whitespace()
}

impl Builder<'_> {
    fn event(&mut self, event: Event<'_>, offset: usize) {
        match event {
            Event::Start(tag) => self.start(tag, offset),
            Event::End(tag) => self.end(tag),
            Event::Text(text) => {
                if self.html.is_some() {
                    self.html_text(&text);
                } else if matches!(self.open, Some((_, BlockKind::Code { .. }))) {
                    self.push_code(&text, offset);
                } else {
                    self.push_inline(&clean_line(&text), offset);
                }
            }
            Event::Code(code) => {
                let start = self.push_start();
                self.push_inline(&clean_line(&code), offset);
                let end = self.text.len();
                self.style_run(start, end, STYLE_CODE, None);
            }
            Event::Html(html) => self.html_text(&html),
            Event::InlineHtml(html) => {
                // Tags and comments are hidden; a line break tag breaks the line.
                let tag = html.trim().to_ascii_lowercase();
                if tag.starts_with("<br") && self.open.is_some() {
                    self.line_break(true);
                }
            }
            Event::FootnoteReference(label) => {
                let start = self.push_start();
                self.push_inline(&clean_line(&format!("[{label}]")), offset);
                let end = self.text.len();
                self.style_run(start, end, STYLE_LINK, None);
            }
            Event::SoftBreak => self.line_break(false),
            Event::HardBreak => self.line_break(true),
            Event::Rule => {
                self.close_block();
                let start = self.separate();
                let block = self.block(start, BlockKind::Rule);
                self.units.push(Unit {
                    range: start..start,
                    block: Some(Box::new(block)),
                    heading: None,
                });
                self.after_rule = true;
            }
            Event::TaskListMarker(checked) => {
                let mark = if checked { "[x]" } else { "[ ]" };
                self.marker = Some(match self.marker.take() {
                    Some(m) if m.ends_with('.') || m.ends_with(')') => format!("{m} {mark}"),
                    _ => mark.to_owned(),
                });
            }
            Event::InlineMath(text) | Event::DisplayMath(text) => {
                self.push_inline(&clean_line(&text), offset);
            }
        }
    }

    fn start(&mut self, tag: Tag<'_>, offset: usize) {
        match tag {
            Tag::Paragraph => self.open_block(BlockKind::Paragraph),
            Tag::Heading { level, .. } => {
                let level = heading_level(level);
                let (line, column) = self.lines.position(offset);
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
                };
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
                        let marker = format!("{n}.");
                        *n += 1;
                        marker
                    }
                    None => ["•", "◦", "▪"]
                        .get(depth.saturating_sub(1) % 3)
                        .copied()
                        .unwrap_or("•")
                        .to_owned(),
                };
                self.marker = Some(marker);
            }
            Tag::FootnoteDefinition(label) => {
                self.close_block();
                self.indent = self.indent.saturating_add(1);
                self.marker = Some(clean_line(&format!("[{label}]")));
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

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph | TagEnd::CodeBlock => self.close_block(),
            TagEnd::Heading(_) => {
                if let Some((words, level, line, column)) = self.captured.take() {
                    let text = words.trim_matches(is_blank).to_owned();
                    self.units.push(Unit {
                        range: self.text.len()..self.text.len(),
                        block: None,
                        heading: Some(Box::new(Heading {
                            column: if text.is_empty() { 1 } else { column },
                            text,
                            level,
                            line,
                            range: self.text.len()..self.text.len(),
                        })),
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
                        self.push_inline(&words, offset);
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
                    *kind = BlockKind::Table { rows, aligns };
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

    /// A block's place: its quotes, indent and the pending list marker.
    fn block(&mut self, start: usize, kind: BlockKind) -> Block {
        Block {
            start,
            kind,
            quote: self.quote,
            indent: self.indent,
            marker: self.marker.take(),
        }
    }

    /// Pushes the space between blocks; returns where the next block starts.
    fn separate(&mut self) -> usize {
        if !self.text.is_empty() || self.after_rule {
            self.text.push(' ');
        }
        self.after_rule = false;
        self.floor = self.text.len();
        self.text.len()
    }

    fn open_block(&mut self, kind: BlockKind) {
        self.close_block();
        let start = self.separate();
        self.open = Some((start, kind));
        self.line_start = true;
    }

    /// Opens a paragraph for text that comes without one (a tight list item's words).
    fn ensure_block(&mut self) {
        if self.open.is_none() && self.captured.is_none() && self.html.is_none() {
            self.open_block(BlockKind::Paragraph);
        }
    }

    fn close_block(&mut self) {
        let Some((start, kind)) = self.open.take() else {
            return;
        };
        if !matches!(kind, BlockKind::Code { .. }) {
            self.trim_end();
        } else if self.text.ends_with('\n') {
            self.text.pop();
        }
        let end = self.text.len();
        let heading = self.heading.take();
        if end <= start {
            // Nothing visible (an empty code block, a paragraph of hidden HTML): no block; the
            // separator pushed for it stays (two spaces between blocks are never shown).
            return;
        }
        let heading = heading.map(|(level, line, column)| Heading {
            text: self.text.get(start..end).unwrap_or("").to_owned(),
            level,
            line,
            column: column + level + 1,
            range: start..end,
        });
        let block = self.block(start, kind);
        let plain = block.kind == BlockKind::Paragraph
            && block.quote == 0
            && block.indent == 0
            && block.marker.is_none();
        self.units.push(Unit {
            range: start..end,
            block: (!plain).then(|| Box::new(block)),
            heading: heading.map(Box::new),
        });
    }

    /// Where a styled piece starts: after the separator of a block opened for it (leading
    /// white space of a line goes, so this is where its words begin).
    fn push_start(&mut self) -> usize {
        self.ensure_block();
        self.text.len()
    }

    fn push_inline(&mut self, piece: &str, offset: usize) {
        if let Some((words, _, line, column)) = &mut self.captured {
            if words.trim_matches(is_blank).is_empty() && !piece.trim_matches(is_blank).is_empty() {
                // The heading's position is that of its first word.
                let blanks = piece.len() - piece.trim_start_matches(is_blank).len();
                (*line, *column) = self.lines.position(offset + blanks);
                words.clear();
            }
            words.push_str(piece);
            return;
        }
        if self.html.is_some() {
            return;
        }
        self.ensure_block();
        let piece = if self.line_start {
            piece.trim_start_matches(is_blank)
        } else {
            piece
        };
        if piece.is_empty() {
            return;
        }
        self.line_start = false;
        self.mark(offset);
        self.text.push_str(piece);
    }

    /// Records that the text from here comes from `offset` in the file (for diagnostics).
    fn mark(&mut self, offset: usize) {
        if self.want_map {
            let (line, column) = self.lines.position(offset);
            self.map.segments.push(Segment {
                text_start: self.text.len(),
                line,
                column,
            });
        }
    }

    fn push_code(&mut self, code: &str, offset: usize) {
        self.mark(offset);
        let cleaned = clean_block(code);
        self.text
            .push_str(cleaned.trim_end_matches(' ').trim_end_matches('\r'));
        if code.ends_with('\n') && !self.text.ends_with('\n') {
            self.text.push('\n');
        }
    }

    /// Trims trailing white space of the open block, never below a recorded boundary.
    fn trim_end(&mut self) {
        let keep = self.text.trim_end_matches(is_blank).len().max(self.floor);
        if keep < self.text.len() {
            self.text.truncate(keep);
        }
    }

    /// A line break inside a block: a space for a soft one, `\n` for a hard one (a heading
    /// read for its words only gets a space).
    fn line_break(&mut self, hard: bool) {
        if let Some((words, ..)) = &mut self.captured {
            words.push(' ');
            return;
        }
        if self.open.is_none() {
            return;
        }
        self.trim_end();
        self.text.push(if hard { '\n' } else { ' ' });
        self.line_start = true;
    }

    fn html_text(&mut self, html: &str) {
        if let Some((buffer, _)) = &mut self.html {
            buffer.push_str(html);
        } else {
            // Raw HTML where a block cannot be (inside a paragraph's lines): its words.
            let words = html_words(html);
            if !words.is_empty() {
                self.push_inline(&words, 0);
            }
        }
    }

    fn open_link(&mut self, url: &str, image: bool) {
        self.ensure_block();
        let link = self.links.len();
        self.links.push(Link {
            range: 0..0,
            url: clean_line(url),
            image,
        });
        self.open_style(if image { STYLE_IMAGE } else { STYLE_LINK }, Some(link));
    }

    fn open_style(&mut self, bit: u8, link: Option<usize>) {
        if self.captured.is_some() {
            self.inline.push((0, 0, None));
            return;
        }
        self.ensure_block();
        let start = self.text.len();
        self.floor = start;
        self.inline.push((bit, start, link));
    }

    fn close_style(&mut self) {
        let Some((bit, start, link)) = self.inline.pop() else {
            return;
        };
        if bit == 0 {
            return;
        }
        let end = self.text.len();
        self.floor = end;
        if let Some(l) = link.and_then(|l| self.links.get_mut(l)) {
            l.range = start..end;
        }
        self.style_run(start, end, bit, link);
    }

    fn style_run(&mut self, start: usize, end: usize, bit: u8, link: Option<usize>) {
        if start < end && self.captured.is_none() {
            self.edges.push((start, bit, link));
            self.edges.push((end, bit, None));
            self.floor = end;
        }
    }

    /// Cuts the sections and flattens the styles.
    fn finish(self) -> Body {
        let Builder {
            text,
            map,
            units,
            level,
            edges,
            links,
            ..
        } = self;
        let styles = flatten(edges, text.len());
        let mut body = Body {
            map,
            styles,
            links,
            ..Body::default()
        };
        let (part_level, title_unit) = match level {
            PartLevel::Fixed(level) => (level, None),
            PartLevel::Auto => auto_level(&units),
        };
        let mut section = Section::default();
        for (i, unit) in units.into_iter().enumerate() {
            if Some(i) == title_unit {
                body.title = unit.heading.map(|h| *h);
                continue;
            }
            match unit.heading {
                Some(heading) if heading.level <= part_level => {
                    let previous = std::mem::take(&mut section);
                    close_section(&mut body, previous);
                    section.heading = Some(*heading);
                    continue;
                }
                Some(heading) => body.minor_headings.push(*heading),
                None => {}
            }
            if !unit.range.is_empty() || unit.block.is_some() {
                section.paragraphs.push(unit.range);
                if let Some(block) = unit.block {
                    body.blocks.push(*block);
                }
            }
        }
        close_section(&mut body, section);
        let mut text = text;
        text.shrink_to_fit();
        body.text = text;
        body
    }
}

/// Keeps a finished section. A part heading with nothing under it, in a plain file, is kept as
/// a part holding only its heading (nothing the author wrote is left out).
fn close_section(body: &mut Body, mut section: Section) {
    if section.paragraphs.is_empty()
        && let Some(heading) = &section.heading
        && !heading.range.is_empty()
    {
        section.paragraphs.push(heading.range.clone());
        body.blocks.push(Block {
            start: heading.range.start,
            kind: BlockKind::Heading {
                level: heading.level as u8,
            },
            quote: 0,
            indent: 0,
            marker: None,
        });
    }
    if section.heading.is_some() || !section.paragraphs.is_empty() {
        body.sections.push(section);
    }
}

/// For a plain file: the part level (the shallowest used more than once, else the shallowest
/// used), and the unit of a leading title heading (the first block, a heading whose level is
/// used only once and shallower than the part level).
fn auto_level(units: &[Unit]) -> (usize, Option<usize>) {
    let mut counts = [0usize; 7];
    for heading in units.iter().filter_map(|u| u.heading.as_ref()) {
        if let Some(c) = counts.get_mut(heading.level.min(6)) {
            *c += 1;
        }
    }
    let first = units.first().and_then(|u| u.heading.as_ref());
    let title = first.filter(|h| counts.get(h.level) == Some(&1) && !h.text.is_empty());
    if let Some(h) = title
        && let Some(c) = counts.get_mut(h.level)
    {
        *c -= 1;
    }
    let repeated = (1..=6).find(|&l| counts.get(l).is_some_and(|&c| c > 1));
    let used = (1..=6).find(|&l| counts.get(l).is_some_and(|&c| c > 0));
    let level = repeated.or(used).unwrap_or(0);
    let title = title.filter(|h| level == 0 || h.level < level);
    // Without a title, every heading shallower than the level begins a part too (level is the
    // deepest that does).
    (level, title.map(|_| 0))
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

/// Style boundaries as runs that never overlap: at each boundary the set of open styles
/// changes. `edges` holds (byte, bit, link) twice per style: at its start (with its link) and
/// at its end.
fn flatten(mut edges: Vec<(usize, u8, Option<usize>)>, len: usize) -> Vec<InlineStyle> {
    if edges.is_empty() {
        return Vec::new();
    }
    // Starts and ends come in pairs; tell them apart by pairing in order of appearance.
    let mut events: Vec<(usize, i8, u8, Option<usize>)> = Vec::with_capacity(edges.len());
    for pair in edges.chunks(2) {
        if let [(start, bit, link), (end, _, _)] = pair {
            events.push((*start, 1, *bit, *link));
            events.push((*end, -1, *bit, None));
        }
    }
    edges.clear();
    events.sort_by_key(|e| (e.0, e.1));
    let mut counts = [0u32; 6];
    let mut links: Vec<usize> = Vec::new();
    let mut out: Vec<InlineStyle> = Vec::new();
    let mut at = 0;
    let mut index = 0;
    while index < events.len() {
        let Some(&(byte, ..)) = events.get(index) else {
            break;
        };
        let style = counts
            .iter()
            .enumerate()
            .filter(|&(_, &c)| c > 0)
            .fold(0u8, |s, (i, _)| s | (1 << i));
        if byte > at && style != 0 {
            out.push(InlineStyle {
                range: at..byte.min(len),
                style,
                link: links.last().copied(),
            });
        }
        while let Some(&(b, delta, bit, link)) = events.get(index) {
            if b != byte {
                break;
            }
            let slot = bit.trailing_zeros() as usize;
            if let Some(c) = counts.get_mut(slot) {
                if delta > 0 {
                    *c += 1;
                } else {
                    *c = c.saturating_sub(1);
                }
            }
            if bit & (STYLE_LINK | STYLE_IMAGE) != 0 {
                if delta > 0 {
                    if let Some(l) = link {
                        links.push(l);
                    }
                } else if bit & (STYLE_LINK | STYLE_IMAGE) != 0 && link.is_none() {
                    // A link's end: the innermost link closes (links do not nest in CommonMark,
                    // but an image can sit in a link).
                    links.pop();
                }
            }
            index += 1;
        }
        at = byte;
    }
    out.retain(|s| s.range.start < s.range.end);
    out
}

/// The words of raw HTML: comments and tags hidden, entities decoded, white space runs as one
/// space, sanitised.
pub fn html_words(html: &str) -> String {
    let mut words = String::with_capacity(html.len());
    let mut rest = html;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after
                .find("-->")
                .map_or("", |i| after.get(i + 3..).unwrap_or(""));
        } else if rest.starts_with('<')
            && rest.get(1..2).is_some_and(|c| {
                c.chars()
                    .all(|c| c.is_ascii_alphabetic() || c == '/' || c == '!' || c == '?')
            })
        {
            rest = rest
                .find('>')
                .map_or("", |i| rest.get(i + 1..).unwrap_or(""));
            words.push(' ');
        } else {
            let next = rest
                .get(1..)
                .and_then(|r| r.find('<'))
                .map_or(rest.len(), |i| i + 1);
            words.push_str(rest.get(..next).unwrap_or(""));
            rest = rest.get(next..).unwrap_or("");
        }
    }
    let decoded = html_escape::decode_html_entities(&words);
    let mut out = String::with_capacity(decoded.len());
    for word in decoded.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    clean_line(&out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraphs(body: &Body, section: usize) -> Vec<&str> {
        body.sections[section]
            .paragraphs
            .iter()
            .map(|r| &body.text[r.clone()])
            .collect()
    }

    fn styled(body: &Body) -> Vec<(&str, u8, Option<usize>)> {
        body.styles
            .iter()
            .map(|s| (&body.text[s.range.clone()], s.style, s.link))
            .collect()
    }

    fn folder(source: &str) -> Body {
        parse(source, PartLevel::Fixed(1))
    }

    #[test]
    fn lines_join_and_blank_lines_separate() {
        let body = folder("Un  deux\n  trois \n\n\nquatre\u{a0}\n");
        assert_eq!(body.sections.len(), 1);
        assert!(body.sections[0].heading.is_none());
        // The author's double space stays; line edges are trimmed.
        assert_eq!(paragraphs(&body, 0), ["Un  deux trois", "quatre"]);
    }

    #[test]
    fn headings_begin_sections() {
        let body = folder("intro\n\n# I-Le mythe \nA\nB\n\n#  II. Suite\n\nC\n");
        assert_eq!(body.sections.len(), 3);
        let first = body.sections[1].heading.as_ref().unwrap();
        assert_eq!(
            (first.text.as_str(), first.line, first.column),
            ("I-Le mythe", 3, 3)
        );
        assert_eq!(paragraphs(&body, 1), ["A B"]);
        assert_eq!(paragraphs(&body, 2), ["C"]);
        // Part headings stay out of the text.
        assert_eq!(body.text, "intro A B C");
    }

    #[test]
    fn deeper_headings_are_headings_inside_the_section() {
        let body = folder("# A\ntext\n## Sub\nmore\n#nohash is text\n");
        assert_eq!(body.sections.len(), 1);
        assert_eq!(
            paragraphs(&body, 0),
            ["text", "Sub", "more #nohash is text"]
        );
        assert_eq!(body.minor_headings.len(), 1);
        assert_eq!(body.blocks.len(), 1);
        assert_eq!(body.blocks[0].kind, BlockKind::Heading { level: 2 });
        assert_eq!(
            parse("# A\ntext\n## Sub\nmore\n", PartLevel::Fixed(2))
                .sections
                .len(),
            2
        );
    }

    #[test]
    fn a_hash_in_code_is_code() {
        let body = parse(
            "# Title\n\nIntro.\n\n```sh\n# install it\ncargo install x\n\n  indented\n```\n\n# Two\n\ntext\n",
            PartLevel::Auto,
        );
        let code = &body.sections[0].paragraphs[1];
        assert_eq!(
            &body.text[code.clone()],
            "# install it\ncargo install x\n\n  indented"
        );
        assert_eq!(
            body.blocks[0].kind,
            BlockKind::Code {
                language: "sh".into()
            }
        );
        assert_eq!(body.sections.len(), 2);
    }

    #[test]
    fn setext_headings_and_lists() {
        let body = parse(
            "Title\n=====\n\nOne\n---\n\n- a\n- b\n  - c\n\nTwo\n---\n\n1. x\n2. [x] y\n",
            PartLevel::Auto,
        );
        assert_eq!(body.title.as_ref().unwrap().text, "Title");
        assert_eq!(body.sections.len(), 2);
        assert_eq!(paragraphs(&body, 0), ["a", "b", "c"]);
        let markers: Vec<_> = body
            .blocks
            .iter()
            .map(|b| (b.marker.clone().unwrap_or_default(), b.indent))
            .collect();
        assert_eq!(
            markers,
            [
                ("•".into(), 1),
                ("•".into(), 1),
                ("◦".into(), 2),
                ("1.".into(), 1),
                ("2. [x]".into(), 1)
            ]
        );
    }

    #[test]
    fn inline_syntax_is_rendered_as_styles() {
        let body = folder("It uses **21 bits** and `x` [here](http://a.b) ![alt](i.png).\n");
        assert_eq!(body.text, "It uses 21 bits and x here alt.");
        let styled = styled(&body);
        assert_eq!(
            styled,
            [
                ("21 bits", STYLE_STRONG, None),
                ("x", STYLE_CODE, None),
                ("here", STYLE_LINK, Some(0)),
                ("alt", STYLE_IMAGE, Some(1)),
            ]
        );
        assert_eq!(body.links[0].url, "http://a.b");
    }

    #[test]
    fn nested_styles_are_flattened() {
        let body = folder("[a **b** c](u)\n");
        let styled = styled(&body);
        assert_eq!(
            styled,
            [
                ("a ", STYLE_LINK, Some(0)),
                ("b", STYLE_LINK | STYLE_STRONG, Some(0)),
                (" c", STYLE_LINK, Some(0)),
            ]
        );
    }

    #[test]
    fn html_is_hidden_but_its_words_kept() {
        let body = folder(
            "<details><summary>More</summary>\n\nInside &amp; out\n\n</details>\n\n<!-- a comment -->\n\nA&emsp;b <kbd>Ctrl</kbd>\n",
        );
        assert_eq!(body.text, "More Inside & out A\u{2003}b Ctrl");
    }

    #[test]
    fn tables_keep_their_cells() {
        let body = folder("| a | b |\n|---|--:|\n| 1 | 22 |\n");
        let BlockKind::Table { rows, aligns } = &body.blocks[0].kind else {
            panic!("a table");
        };
        let cells: Vec<Vec<&str>> = rows
            .iter()
            .map(|r| r.iter().map(|c| &body.text[c.clone()]).collect())
            .collect();
        assert_eq!(cells, [vec!["a", "b"], vec!["1", "22"]]);
        assert_eq!(aligns, &[Align::Left, Align::Right]);
    }

    #[test]
    fn empty_part_headings_of_a_plain_file_are_kept() {
        let body = parse("## A\n## B\n\ntext\n", PartLevel::Auto);
        assert_eq!(body.sections.len(), 2);
        assert_eq!(paragraphs(&body, 0), ["A"]);
        assert_eq!(paragraphs(&body, 1), ["text"]);
    }

    #[test]
    fn a_text_parsed_in_chunks_is_the_text_parsed_whole() {
        let piece = "# Part\n\nSee [the docs][docs] and **this**.\n\n```sh\n\n# not a heading\n```\n\n\
                     <!--\n\n# hidden\n\n-->\n\n- a\n\n# After a list\n\n> quote\n\n## Sub\n\n";
        let mut source = piece.repeat(40);
        source.push_str("[docs]: https://docs.rs\n");
        let whole = parse_in_chunks(&source, PartLevel::Auto, usize::MAX);
        for size in [1, 64, 500] {
            assert!(chunks(&source, size).len() > 1);
            let cut = parse_in_chunks(&source, PartLevel::Auto, size);
            assert_eq!(cut.text, whole.text);
            assert_eq!(cut.blocks, whole.blocks);
            assert_eq!(cut.styles, whole.styles);
            assert_eq!(cut.links, whole.links);
            assert_eq!(cut.sections.len(), whole.sections.len());
        }
        assert_eq!(
            whole.links.first().map(|l| l.url.as_str()),
            Some("https://docs.rs")
        );
    }

    #[test]
    fn positions_map_back_to_the_file() {
        let source = "\u{feff}Titre\n\n  l’IA est\n  là\r\n";
        let body = folder(source);
        assert_eq!(body.text, "Titre l’IA est là");
        let at = |needle: &str| {
            body.map
                .position(&body.text, body.text.find(needle).unwrap())
        };
        assert_eq!(at("Titre"), (1, 1));
        assert_eq!(at("l’IA"), (3, 3));
        assert_eq!(at("est"), (3, 8));
        assert_eq!(at("là"), (4, 3));
    }

    #[test]
    fn controls_in_text_are_sanitised() {
        let body = folder("a\x1b[31mb\tc\n");
        assert_eq!(body.text, "a␛[31mb c");
    }
}

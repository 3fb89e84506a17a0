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

mod builder;
mod chunks;
mod inline;

use std::ops::Range;

use std::sync::PoisonError;

use pulldown_cmark::{Options, Parser};

use crate::content::model::{Block, BlockKind, InlineStyle, Link};
use builder::{Builder, Head, Lines};
use chunks::{CHUNK, Shared, chunks, label_key};

/// The text of a file, split into sections.
#[derive(Debug, Default)]
pub struct Body {
    /// Every block's text, sanitised, separated by one space.
    pub text: String,
    /// In file order. Only the first can have no heading (text before any heading).
    pub sections: Vec<Section>,
    pub map: TextMap,
    /// With [`PartLevel::Fixed`] (a folder's text, whose `glose check` warns of them): the
    /// headings deeper than the part level, kept as headings inside their section. Empty for a
    /// plain file, which has no use for them.
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
    pub(super) segments: Vec<Segment>,
}

#[derive(Debug)]
pub(super) struct Segment {
    pub(super) text_start: usize,
    pub(super) line: usize,
    pub(super) column: usize,
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

/// Parses `source` into sections of blocks; see the module's documentation.
pub fn parse(source: &str, level: PartLevel) -> Body {
    parse_in_chunks(source, level, CHUNK)
}

/// [`parse`], the source cut into chunks of at least `chunk` bytes (see [`chunks`]).
fn parse_in_chunks(source: &str, level: PartLevel, chunk: usize) -> Body {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let (chunks, shared) = chunks(source, chunk);
    parse_chunks(chunks, &shared, level, source.len(), workers())
}

/// A Markdown file read in chunks (see [`read`]).
#[derive(Debug)]
pub enum Source {
    /// UTF-8, cut into chunks that parse alone as they do together.
    Chunks(Chunked),
    /// Not UTF-8: the file's bytes, whole (its byte-order mark dropped).
    NotUtf8(Vec<u8>),
    /// More than the limit.
    TooLarge,
}

/// A UTF-8 Markdown file in chunks, with what they share.
#[derive(Debug)]
pub struct Chunked {
    chunks: Vec<String>,
    shared: Shared,
}

/// Reads a Markdown file of at most `limit` bytes in chunks, as [`parse`] would cut it, so that
/// [`parse_chunked`] can drop each chunk once it is parsed: the file's bytes and its rendered
/// text never exist whole at once. A byte-order mark is dropped.
pub fn read(reader: impl std::io::Read, limit: usize) -> std::io::Result<Source> {
    let Some((pieces, shared)) = chunks::read_chunks(reader, CHUNK, limit)? else {
        return Ok(Source::TooLarge);
    };
    // Every chunk begins a line, so the file is UTF-8 when each chunk is.
    let mut chunks = Vec::with_capacity(pieces.len());
    let mut pieces = pieces.into_iter();
    while let Some(piece) = pieces.next() {
        match String::from_utf8(piece) {
            Ok(chunk) => chunks.push(chunk),
            Err(error) => {
                let mut bytes: Vec<u8> = chunks.into_iter().flat_map(String::into_bytes).collect();
                bytes.extend(error.into_bytes());
                bytes.extend(pieces.flatten());
                return Ok(Source::NotUtf8(bytes));
            }
        }
    }
    Ok(Source::Chunks(Chunked { chunks, shared }))
}

/// Parses a file read by [`read`], as [`parse`] parses the same text.
pub fn parse_chunked(chunked: Chunked, level: PartLevel) -> Body {
    let Chunked { chunks, shared } = chunked;
    let capacity = chunks.iter().map(String::len).sum();
    parse_chunks(chunks, &shared, level, capacity, workers())
}

/// How many threads parse the chunks of a file at once, this one included: one a core, at most
/// four (a 10 MB file is about 75 chunks; more threads would only wait for the join).
fn workers() -> usize {
    std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .min(4)
}

/// Parses the chunks of a file, each dropped once parsed when they are owned, into what
/// parsing them in order on one thread gives.
///
/// With `workers` of at least two, that many threads parse at once: this one and `workers - 1`
/// others. Chunks are taken in file order. This thread joins the pieces in order
/// ([`Builder::append`]) and, between joins, takes the next chunk itself: the first one not
/// yet joined is walked straight into the document, a later one into a builder of its own
/// ([`Builder::piece`]), as the other threads do. (Each thread's memory allocator keeps what it
/// freed for that thread: a thread fewer is a few megabytes less at the peak.) A piece begins
/// as if text came before it, which it does once the first chunk has written some: a first
/// chunk with no text at all (nothing but hidden HTML, say) has the rest walked in order on
/// this thread.
fn parse_chunks<S: AsRef<str> + Send>(
    chunks: Vec<S>,
    shared: &Shared,
    level: PartLevel,
    capacity: usize,
    workers: usize,
) -> Body {
    let mut builder = Builder::new(level, capacity);
    let mut lines_before = 0;
    let mut queue = chunks.into_iter().enumerate();
    if let Some((index, chunk)) = queue.next() {
        lines_before += walk_chunk(&mut builder, chunk.as_ref(), index, shared, lines_before);
    }
    if workers < 2 || queue.len() == 0 || !builder.has_text() {
        for (index, chunk) in queue {
            lines_before += walk_chunk(&mut builder, chunk.as_ref(), index, shared, lines_before);
        }
        return builder.finish();
    }
    let threads = workers.min(queue.len() + 1);
    // The chunks not yet taken, and the first piece not yet joined: a chunk is taken only a few
    // ahead of it, so that pieces parsed early (a thread held up on one chunk, another racing
    // ahead) do not pile up in memory.
    let total = queue.len() + 1;
    let ahead = threads + 1;
    let takeable = |queue: &std::iter::Enumerate<std::vec::IntoIter<S>>, next: usize| {
        queue.len() > 0 && total - queue.len() < next + ahead
    };
    let state = std::sync::Mutex::new((queue, 1));
    let joined = std::sync::Condvar::new();
    let piece = |index: usize, chunk: S| {
        let mut piece = Builder::piece(level, chunk.as_ref().len());
        let breaks = walk_chunk(&mut piece, chunk.as_ref(), index, shared, 0);
        (index, piece, breaks)
    };
    std::thread::scope(|scope| {
        let (tx, rx) = std::sync::mpsc::channel();
        for _ in 1..threads {
            let (tx, state, joined, piece) = (tx.clone(), &state, &joined, &piece);
            scope.spawn(move || {
                loop {
                    let next = {
                        let guard = state.lock().unwrap_or_else(PoisonError::into_inner);
                        let mut guard = joined
                            .wait_while(guard, |(queue, next)| {
                                queue.len() > 0 && !takeable(queue, *next)
                            })
                            .unwrap_or_else(PoisonError::into_inner);
                        guard.0.next()
                    };
                    let Some((index, chunk)) = next else { break };
                    if tx.send(piece(index, chunk)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        // Pieces come in any order; each is joined once those before it are.
        let mut waiting = std::collections::BTreeMap::new();
        let mut next = 1;
        loop {
            while let Ok((index, piece, breaks)) = rx.try_recv() {
                waiting.insert(index, (piece, breaks));
            }
            while let Some((piece, breaks)) = waiting.remove(&next) {
                builder.append(piece, lines_before);
                lines_before += breaks;
                next += 1;
            }
            let taken = {
                let mut guard = state.lock().unwrap_or_else(PoisonError::into_inner);
                guard.1 = next;
                if takeable(&guard.0, next) {
                    guard.0.next()
                } else {
                    None
                }
            };
            joined.notify_all();
            if next >= total {
                break;
            }
            match taken {
                Some((index, chunk)) if index == next => {
                    lines_before +=
                        walk_chunk(&mut builder, chunk.as_ref(), index, shared, lines_before);
                    next += 1;
                }
                Some((index, chunk)) => {
                    let (index, piece, breaks) = piece(index, chunk);
                    waiting.insert(index, (piece, breaks));
                }
                // The next piece is another thread's: wait for it (or any other).
                None => match rx.recv() {
                    Ok((index, piece, breaks)) => {
                        waiting.insert(index, (piece, breaks));
                    }
                    Err(_) => break,
                },
            }
        }
    });
    builder.finish()
}

/// Walks one chunk (the `index`th of the file, `lines_before` lines into it) and ends it;
/// returns how many line breaks it holds.
fn walk_chunk(
    builder: &mut Builder,
    chunk: &str,
    index: usize,
    shared: &Shared,
    lines_before: usize,
) -> usize {
    let several = shared.chunks > 1;
    // A link may use a definition written in another chunk: every definition of the file
    // is known to every chunk. A footnote defined in another chunk gets a stand-in
    // definition (after the first chunk, which ends with a blank line; before the others,
    // which begin with a heading), whose events are skipped.
    let stand_ins = if several {
        shared.footnote_stand_ins(chunk, index)
    } else {
        String::new()
    };
    let (input, skip): (std::borrow::Cow<'_, str>, usize) = if stand_ins.is_empty() {
        (chunk.into(), 0)
    } else if index == 0 {
        (format!("{chunk}{stand_ins}").into(), 0)
    } else {
        let skip = stand_ins.len();
        (format!("{stand_ins}{chunk}").into(), skip)
    };
    let resolve = |link: pulldown_cmark::BrokenLink<'_>| {
        if !several {
            return None;
        }
        shared
            .definitions
            .get(&label_key(&link.reference))
            .map(|url| (url.clone().into(), "".into()))
    };
    let lines = Lines::new(chunk, lines_before);
    let parser = Parser::new_with_broken_link_callback(&input, options(), Some(resolve));
    for (event, offsets) in parser.into_offset_iter() {
        let Some(offset) = offsets.start.checked_sub(skip).filter(|&o| o < chunk.len()) else {
            continue;
        };
        builder.event(event, offset, &lines);
    }
    builder.end_chunk();
    lines.breaks()
}

/// Keeps a finished section: its heading and `paras`, its paragraphs. A part heading with
/// nothing under it, in a plain file, is kept as a part holding only its heading (nothing the
/// author wrote is left out): its block (`block`, an index of the builder's blocks) becomes a
/// plain heading's; else it leaves the blocks.
fn close_section(
    body: &mut Body,
    heading: Option<Heading>,
    paras: &[Range<u32>],
    block: Option<u32>,
    edits: &mut Vec<(usize, Option<Block>)>,
) {
    let block = block.map(|b| b as usize);
    let mut paragraphs: Vec<Range<usize>> = paras.iter().map(builder::wide).collect();
    if paragraphs.is_empty()
        && let Some(heading) = &heading
        && !heading.range.is_empty()
    {
        paragraphs.push(heading.range.clone());
        let plain = Block {
            start: heading.range.start,
            kind: BlockKind::Heading {
                level: heading.level as u8,
            },
            quote: 0,
            indent: 0,
            marker: None,
        };
        edits.extend(block.map(|b| (b, Some(plain))));
    } else {
        edits.extend(block.map(|b| (b, None)));
    }
    if heading.is_some() || !paragraphs.is_empty() {
        body.sections.push(Section {
            heading,
            paragraphs,
        });
    }
}

/// For a plain file: the part level (the shallowest used more than once, else the shallowest
/// used), and whether the first heading is a leading title (the first block, a heading whose
/// level is used only once and shallower than the part level).
fn auto_level(heads: &[Head]) -> (usize, bool) {
    let mut counts = [0usize; 7];
    for head in heads {
        if let Some(c) = counts.get_mut(usize::from(head.level).min(6)) {
            *c += 1;
        }
    }
    let first = heads.first().filter(|h| h.para == 0);
    let title = first
        .filter(|h| counts.get(usize::from(h.level)) == Some(&1) && !h.is_empty())
        .map(|h| usize::from(h.level));
    if let Some(h) = title
        && let Some(c) = counts.get_mut(h)
    {
        *c -= 1;
    }
    let repeated = (1..=6).find(|&l| counts.get(l).is_some_and(|&c| c > 1));
    let used = (1..=6).find(|&l| counts.get(l).is_some_and(|&c| c > 0));
    let level = repeated.or(used).unwrap_or(0);
    let title = title.filter(|&h| level == 0 || h < level);
    // Without a title, every heading shallower than the level begins a part too (level is the
    // deepest that does).
    (level, title.is_some())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::model::{
        Align, STYLE_CODE, STYLE_EMPHASIS, STYLE_IMAGE, STYLE_LINK, STYLE_STRONG,
    };

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
            .map(|s| (&body.text[s.range()], s.style, s.link()))
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
    fn bare_addresses_are_links_but_never_in_code_or_in_a_link() {
        let body = parse(
            "See https://example.org/a_b_c, or www.rust-lang.org. Not `https://in.code` nor \
             [https://x.org](https://y.org), nor example.com.\n\n```\nhttps://code.block\n```\n\n\
             *Emphasised http://e.org/x*\n",
            PartLevel::Auto,
        );
        let links: Vec<(&str, &str)> = body
            .links
            .iter()
            .map(|l| (&body.text[l.range.clone()], l.url.as_str()))
            .collect();
        assert_eq!(
            links,
            [
                ("https://example.org/a_b_c", "https://example.org/a_b_c"),
                ("www.rust-lang.org", "http://www.rust-lang.org"),
                ("https://x.org", "https://y.org"),
                ("http://e.org/x", "http://e.org/x"),
            ]
        );
        let styled = styled(&body);
        assert!(styled.contains(&("www.rust-lang.org", STYLE_LINK, Some(1))));
        assert!(styled.contains(&("http://e.org/x", STYLE_LINK | STYLE_EMPHASIS, Some(3))));
    }

    #[test]
    fn images_with_nothing_between_them_are_two_words() {
        let body = folder(
            "![a](x)![b](y) and [![CI](ci.svg)](c)[![docs](d.svg)](d)![](e)[f](g)\n\n\
             ![a](x)[![](y)](z)\n\nab![c](x)d\n",
        );
        assert_eq!(body.text, "a b and CI docs f a abcd");
        let styled = styled(&body);
        assert_eq!(
            styled,
            [
                ("a", STYLE_IMAGE, Some(0)),
                ("b", STYLE_IMAGE, Some(1)),
                ("CI", STYLE_LINK | STYLE_IMAGE, Some(2)),
                ("docs", STYLE_LINK | STYLE_IMAGE, Some(4)),
                ("f", STYLE_LINK, Some(7)),
                ("a", STYLE_IMAGE, Some(8)),
                ("c", STYLE_IMAGE, Some(11)),
            ]
        );
        // A link or image with no words leaves no space, and no range past the text.
        assert!(body.links.iter().all(|l| l.range.end <= body.text.len()));
        assert_eq!(body.links[6].range, 15..15);
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
    fn a_hard_line_break_makes_a_paragraph_of_lines() {
        // As in ratatui's README: badges ended by a backslash break.
        let body = folder("[![A](a.png)](a) [![B](b.png)](b)  \\\n[![C](c.png)](c) x\n\nplain\n");
        assert_eq!(body.text, "A B\nC x plain");
        assert_eq!(body.blocks.len(), 1);
        assert_eq!(body.blocks[0].kind, BlockKind::Paragraph);
        assert_eq!(body.blocks[0].start, 0);
    }

    #[test]
    fn html_is_hidden_but_its_words_kept() {
        let body = folder(
            "<details><summary>More</summary>\n\nInside &amp; out\n\n</details>\n\n<!-- a comment -->\n\nA&emsp;b <kbd>Ctrl</kbd>\n",
        );
        assert_eq!(body.text, "More Inside & out A\u{2003}b Ctrl");
    }

    #[test]
    fn the_block_model_stays_small() {
        // A 10 MB document has about 60 000 blocks and 70 000 style runs (BENCHMARKS.md).
        assert!(
            std::mem::size_of::<Block>() <= 48,
            "{}",
            std::mem::size_of::<Block>()
        );
        assert_eq!(
            std::mem::size_of::<Option<crate::content::model::Short>>(),
            16
        );
        assert!(std::mem::size_of::<BlockKind>() <= 16);
        assert!(std::mem::size_of::<InlineStyle>() <= 16);
        let body = parse("- a\n\n```rust\nx\n```\n", PartLevel::Auto);
        assert_eq!(body.blocks[0].marker.as_deref(), Some("•"));
        assert!(
            !body.blocks[0]
                .marker
                .as_ref()
                .is_some_and(|m| m.is_heap_allocated())
        );
    }

    #[test]
    fn tables_keep_their_cells() {
        let body = folder("| a | b |\n|---|--:|\n| 1 | 22 |\n");
        let BlockKind::Table(table) = &body.blocks[0].kind else {
            panic!("a table");
        };
        let cells: Vec<Vec<&str>> = table
            .rows
            .iter()
            .map(|r| r.iter().map(|c| &body.text[c.clone()]).collect())
            .collect();
        assert_eq!(cells, [vec!["a", "b"], vec!["1", "22"]]);
        assert_eq!(table.aligns, [Align::Left, Align::Right]);
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
            assert!(chunks(&source, size).0.len() > 1);
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

    /// Everything a parse gives, to compare two parses.
    fn summary(body: &Body) -> String {
        let heading = |h: &Heading| {
            format!(
                "{}@{}:{}:{:?}:{}",
                h.text, h.line, h.column, h.range, h.level
            )
        };
        let sections: Vec<String> = body
            .sections
            .iter()
            .map(|s| format!("{:?} {:?}", s.heading.as_ref().map(heading), s.paragraphs))
            .collect();
        let minor: Vec<String> = body.minor_headings.iter().map(heading).collect();
        let positions: Vec<(usize, usize)> = (0..body.text.len())
            .step_by(97)
            .map(|b| body.map.position(&body.text, b))
            .collect();
        format!(
            "{:?}\n{sections:?}\n{minor:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{positions:?}",
            body.text,
            body.blocks,
            body.styles,
            body.links,
            body.title.as_ref().map(heading),
        )
    }

    #[test]
    fn chunks_parsed_on_several_threads_are_the_text_parsed_whole() {
        let piece = "# Part\n\nSee [the docs][docs], [^n] and **this** <https://a.org>.\n\n\
                     ```sh\n\n# not a heading\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n\
                     ---\n\n# After a rule\n\n- a\n  - [x] b\n\n## Sub\n\n> quote\n\n\
                     <!-- hidden -->\n\n# Hidden only\n\n<!-- x -->\n\n";
        let mut source = String::from("Title\n=====\n\n");
        source.push_str(&piece.repeat(30));
        source.push_str("[docs]: https://docs.rs\n\n[^n]: A note.\n");
        for level in [PartLevel::Auto, PartLevel::Fixed(1)] {
            let (whole, shared) = chunks(&source, usize::MAX);
            let whole = summary(&parse_chunks(whole, &shared, level, 0, 1));
            for size in [1, 64, 500] {
                for workers in [1, 2, 3] {
                    let (cut, shared) = chunks(&source, size);
                    assert!(cut.len() > 2);
                    let body = parse_chunks(cut, &shared, level, 0, workers);
                    assert_eq!(summary(&body), whole, "{size} bytes, {workers} threads");
                }
            }
        }
        // A first chunk with no text: the rest is walked in order, and the text is the same.
        let source = format!("<!--\n{}\n-->\n\n{}", "x\n".repeat(40), piece.repeat(5));
        let (whole, shared) = chunks(&source, usize::MAX);
        let whole = summary(&parse_chunks(whole, &shared, PartLevel::Auto, 0, 1));
        let (cut, shared) = chunks(&source, 10);
        let cut = parse_chunks(cut, &shared, PartLevel::Auto, 0, 2);
        assert_eq!(summary(&cut), whole);
    }

    #[test]
    fn a_footnote_defined_in_another_chunk_is_a_footnote() {
        // The definition is more than two chunks (128 KB each) after its reference, and a footnote of
        // the first chunk is used in the last.
        let mut source =
            String::from("# Notes\n\nA claim[^far] and another[^near].\n\n[^near]: Close by.\n\n");
        let filler = "## Part\n\nSome words of filler text, and more of them.\n\n";
        while source.len() < 300 * 1024 {
            source.push_str(filler);
        }
        source.push_str(
            "# End\n\nUsed again[^near], and [^nowhere].\n\n[^far]: The far definition.\n",
        );
        let whole = parse_in_chunks(&source, PartLevel::Auto, usize::MAX);
        let cut = parse(&source, PartLevel::Auto);
        assert!(chunks(&source, CHUNK).0.len() > 1);
        assert_eq!(cut.text, whole.text);
        assert_eq!(cut.blocks, whole.blocks);
        assert_eq!(cut.styles, whole.styles);
        assert_eq!(cut.sections.len(), whole.sections.len());
        let lines = |body: &Body| -> Vec<(usize, usize)> {
            body.sections
                .iter()
                .filter_map(|s| s.heading.as_ref().map(|h| (h.line, h.column)))
                .collect()
        };
        assert_eq!(lines(&cut), lines(&whole));
        let styled = styled(&cut);
        assert!(styled.contains(&("[far]", STYLE_LINK, None)));
        assert_eq!(styled.iter().filter(|s| s.0 == "[near]").count(), 2);
        // A footnote defined nowhere stays as the author wrote it.
        assert!(cut.text.contains("and [^nowhere]."));
        assert!(cut.text.contains("A claim[far] and another[near]."));
        assert!(
            cut.blocks
                .iter()
                .any(|b| b.marker.as_deref() == Some("[far]"))
        );
    }

    #[test]
    fn a_file_read_in_chunks_parses_as_the_text_does() {
        let piece = "Intro[^1] with [a link][docs].\n\n```\n# code\n```\n\n# Part\n\n- item\n\n";
        let mut source = String::from("\u{feff}");
        while source.len() < 700 * 1024 {
            source.push_str(piece);
        }
        source.push_str("[docs]: https://docs.rs\n\n[^1]: A note.");
        let whole = parse(&source, PartLevel::Auto);
        let Source::Chunks(chunked) = read(source.as_bytes(), usize::MAX).unwrap() else {
            panic!("UTF-8 chunks");
        };
        assert!(chunked.chunks.len() > 2);
        assert!(!chunked.chunks[0].starts_with('\u{feff}'));
        let body = parse_chunked(chunked, PartLevel::Auto);
        assert_eq!(body.text, whole.text);
        assert_eq!(body.blocks, whole.blocks);
        assert_eq!(body.styles, whole.styles);
        assert_eq!(body.links, whole.links);
        assert_eq!(body.sections.len(), whole.sections.len());
        assert!(!body.text.contains("[^1]"));
        // Not UTF-8: the bytes whole, for decoding; more than the limit: refused.
        let mut latin = source.clone().into_bytes();
        latin.push(0xe9);
        let Source::NotUtf8(bytes) = read_source(&latin) else {
            panic!("not UTF-8");
        };
        assert_eq!(bytes, latin[3..]);
        assert!(matches!(read(&latin[..], 1000), Ok(Source::TooLarge)));
    }

    fn read_source(bytes: &[u8]) -> Source {
        read(bytes, usize::MAX).unwrap()
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

//! Writing the rendered text: blocks opened and closed with the space between them, pieces of
//! inline text with their line edges trimmed, style boundaries and links recorded.

use super::{Builder, Head, Lines, is_blank, narrow};
use crate::content::markdown::Segment;
use crate::content::markdown::inline::{bare_links, html_words};
use crate::content::model::{Block, BlockKind, Link, STYLE_IMAGE, STYLE_LINK};
use crate::text::sanitize::{clean_block_cow, clean_line_cow};

impl Builder {
    /// A block's place: its quotes, indent and the pending list marker.
    pub(super) fn block(&mut self, start: usize, kind: BlockKind) -> Block {
        Block {
            start,
            kind,
            quote: self.quote,
            indent: self.indent,
            marker: self.marker.take(),
        }
    }

    /// Pushes the space between blocks; returns where the next block starts.
    pub(super) fn separate(&mut self) -> usize {
        if !self.text.is_empty() || self.after_rule {
            self.text.push(' ');
        }
        self.after_rule = false;
        self.floor = self.text.len();
        self.text.len()
    }

    pub(super) fn open_block(&mut self, kind: BlockKind) {
        self.close_block();
        let start = self.separate();
        self.open = Some((start, kind));
        self.line_start = true;
    }

    /// Opens a paragraph for text that comes without one (a tight list item's words).
    pub(super) fn ensure_block(&mut self) {
        if self.open.is_none() && self.captured.is_none() && self.html.is_none() {
            self.open_block(BlockKind::Paragraph);
        }
    }

    pub(in crate::content::markdown) fn close_block(&mut self) {
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
        let block = self.block(start, kind);
        // A paragraph with a hard line break is a block, whose lines are laid out as lines.
        let plain = block.kind == BlockKind::Paragraph
            && block.quote == 0
            && block.indent == 0
            && block.marker.is_none()
            && memchr::memchr(
                b'\n',
                self.text.as_bytes().get(start..end).unwrap_or_default(),
            )
            .is_none();
        if let Some((level, line, column)) = heading {
            self.heads.push(Head {
                para: narrow(self.paras.len()),
                block: (!plain).then_some(narrow(self.blocks.len())),
                level: level as u8,
                line: narrow(line),
                column: narrow(column + level + 1),
                range: narrow(start)..narrow(end),
                words: None,
            });
        }
        self.paras.push(narrow(start)..narrow(end));
        if !plain {
            self.blocks.push(block);
        }
    }

    /// Where a styled piece starts: after the separator of a block opened for it (leading
    /// white space of a line goes, so this is where its words begin).
    pub(super) fn push_start(&mut self) -> usize {
        self.ensure_block();
        self.text.len()
    }

    pub(super) fn push_inline(&mut self, piece: &str, offset: usize, lines: &Lines<'_>) {
        if let Some((words, _, line, column)) = &mut self.captured {
            if words.trim_matches(is_blank).is_empty() && !piece.trim_matches(is_blank).is_empty() {
                // The heading's position is that of its first word.
                let blanks = piece.len() - piece.trim_start_matches(is_blank).len();
                (*line, *column) = lines.position(offset + blanks);
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
        self.mark(offset, lines);
        self.text.push_str(piece);
    }

    /// Records that the text from here comes from `offset` in the file (for diagnostics).
    pub(super) fn mark(&mut self, offset: usize, lines: &Lines<'_>) {
        if self.want_map {
            let (line, column) = lines.position(offset);
            self.map.segments.push(Segment {
                text_start: self.text.len(),
                line,
                column,
            });
        }
    }

    pub(super) fn push_code(&mut self, code: &str, offset: usize, lines: &Lines<'_>) {
        self.mark(offset, lines);
        let cleaned = clean_block_cow(code);
        self.text
            .push_str(cleaned.trim_end_matches(' ').trim_end_matches('\r'));
        if code.ends_with('\n') && !self.text.ends_with('\n') {
            self.text.push('\n');
        }
    }

    /// Trims trailing white space of the open block, never below a recorded boundary.
    pub(super) fn trim_end(&mut self) {
        let keep = self.text.trim_end_matches(is_blank).len().max(self.floor);
        if keep < self.text.len() {
            self.text.truncate(keep);
        }
    }

    /// A line break inside a block: a space for a soft one, `\n` for a hard one (a heading
    /// read for its words only gets a space).
    pub(super) fn line_break(&mut self, hard: bool) {
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

    pub(super) fn html_text(&mut self, html: &str, lines: &Lines<'_>) {
        if let Some((buffer, _)) = &mut self.html {
            buffer.push_str(html);
        } else {
            // Raw HTML where a block cannot be (inside a paragraph's lines): its words.
            let words = html_words(html);
            if !words.is_empty() {
                self.push_inline(&words, 0, lines);
            }
        }
    }

    pub(super) fn open_link(&mut self, url: &str, image: bool) {
        self.ensure_block();
        // An image's words and the image or link that follows them with nothing between
        // (`![a](x)![b](y)`, badges `[![a](x)](u)[![b](y)](v)`) are two words: a space between.
        if self.captured.is_none() && self.image_end.is_some_and(|end| end == self.text.len()) {
            self.image_space = Some(self.text.len());
            self.text.push(' ');
        }
        let link = self.links.len();
        self.links.push(Link {
            range: 0..0,
            url: clean_line_cow(url).into_owned(),
            image,
        });
        self.open_style(if image { STYLE_IMAGE } else { STYLE_LINK }, Some(link));
    }

    pub(super) fn open_style(&mut self, bit: u8, link: Option<usize>) {
        if self.captured.is_some() {
            self.inline.push((0, 0, None));
            return;
        }
        self.ensure_block();
        let start = self.text.len();
        self.floor = start;
        self.inline.push((bit, start, link));
    }

    pub(super) fn close_style(&mut self) {
        let Some((bit, start, link)) = self.inline.pop() else {
            return;
        };
        if bit == 0 {
            return;
        }
        let end = self.text.len();
        let mut start = start.min(end);
        if bit & (STYLE_LINK | STYLE_IMAGE) != 0
            && start == end
            && let Some(space) = self.image_space.filter(|&s| s + 1 == start)
        {
            // No words after the space that was to separate them from an image's: no space.
            self.text.truncate(space);
            self.image_space = None;
            start = space;
        }
        let end = self.text.len();
        if bit == STYLE_IMAGE && end > start {
            self.image_end = Some(end);
        }
        self.floor = end;
        if let Some(l) = link.and_then(|l| self.links.get_mut(l)) {
            l.range = start..end;
        }
        self.style_run(start, end, bit, link);
    }

    pub(super) fn style_run(&mut self, start: usize, end: usize, bit: u8, link: Option<usize>) {
        if start < end && self.captured.is_none() {
            self.edges.push((start, bit, link));
            self.edges.push((end, bit, None));
            self.floor = end;
        }
    }

    /// Whether the text being written is a link's or an image's words.
    pub(super) fn in_link(&self) -> bool {
        self.inline
            .iter()
            .any(|(bit, ..)| bit & (STYLE_LINK | STYLE_IMAGE) != 0)
    }

    /// Ends a run of plain text: the bare addresses in it (`https://…`, `www.…`) become links.
    pub(super) fn link_bare_addresses(&mut self) {
        let Some(start) = self.bare.take() else {
            return;
        };
        let found = bare_links(self.text.get(start..).unwrap_or(""));
        for (range, url) in found {
            let link = self.links.len();
            let (start, end) = (start + range.start, start + range.end);
            self.links.push(Link {
                range: start..end,
                url,
                image: false,
            });
            self.style_run(start, end, STYLE_LINK, Some(link));
        }
    }
}

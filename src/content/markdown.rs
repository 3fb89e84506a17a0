//! Splitting a text file into headed sections of paragraphs, and building `Article::text`.
//!
//! The syntax is the small subset FORMAT.md describes: blank lines separate paragraphs, the lines
//! of a paragraph are joined with one space, and a line `# Heading` (one to six `#` then a space)
//! is a heading. Headings up to `part_level` begin a section; deeper ones become a paragraph of
//! their own. Invariants of the result: `Body::text` is sanitised (it went through
//! [`clean_line`]); paragraphs are non-empty, trimmed, in order, and separated by one space; the
//! text holds nothing but paragraphs. [`TextMap`] gives back the `line:column` in the file of any
//! byte of the text.

use std::ops::Range;

use crate::text::sanitize::clean_line;

/// The text of a file, split into sections.
#[derive(Debug, Default)]
pub struct Body {
    /// Every paragraph, sanitised, separated by one space.
    pub text: String,
    /// In file order. Only the first can have no heading (text before any heading).
    pub sections: Vec<Section>,
    pub map: TextMap,
    /// Headings deeper than `part_level`, kept as paragraphs.
    pub minor_headings: Vec<Heading>,
}

/// A heading and the paragraphs up to the next one.
#[derive(Debug, Default)]
pub struct Section {
    /// `None` for the text before the first heading.
    pub heading: Option<Heading>,
    /// Byte ranges into `Body::text`.
    pub paragraphs: Vec<Range<usize>>,
}

/// A heading line.
#[derive(Debug, Clone)]
pub struct Heading {
    /// Sanitised and trimmed; may be empty (a lone `#`).
    pub text: String,
    /// Number of `#`.
    pub level: usize,
    /// 1-based line in the file.
    pub line: usize,
    /// 1-based column (in chars) of the heading's text, or of the `#` when it has none.
    pub column: usize,
}

/// Where each byte of `Body::text` comes from in the file.
#[derive(Debug, Default)]
pub struct TextMap {
    /// One per paragraph line, by increasing `text_start`.
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
    /// Exact as long as sanitising kept one char per char, which it does for everything but
    /// over-long grapheme clusters; the space that joins two lines counts as the end of the first.
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

/// A line trimmed of white space and byte-order marks, with its 1-based column.
fn trimmed(line: &str) -> (&str, usize) {
    let is_blank = |c: char| c.is_whitespace() || c == '\u{FEFF}';
    let start = line.len() - line.trim_start_matches(is_blank).len();
    let column = line.get(..start).map_or(0, |s| s.chars().count()) + 1;
    (line.trim_matches(is_blank), column)
}

/// A heading line's level and the rest of the line, if it is one.
fn heading(line: &str) -> Option<(usize, &str)> {
    let level = line.bytes().take_while(|&b| b == b'#').count();
    let rest = line.get(level..)?;
    let is_heading = (1..=6).contains(&level)
        && (rest.is_empty() || rest.starts_with(' ') || rest.starts_with('\t'));
    is_heading.then_some((level, rest))
}

/// Splits `source` into sections; headings of level `part_level` or less begin a section.
pub fn parse(source: &str, part_level: usize) -> Body {
    let mut body = Body::default();
    // The text is about as long as the file (line breaks and `#` marks go, a sanitised control
    // char may grow): reserved up front rather than doubled as it grows, then trimmed to size,
    // since the article keeps it for the whole session.
    body.text.reserve(source.len());
    let mut section = Section::default();
    let mut paragraph: Option<usize> = None;

    for (index, raw_line) in source.split('\n').enumerate() {
        let line_number = index + 1;
        let raw_line = raw_line.strip_suffix('\r').unwrap_or(raw_line);
        let (line, column) = trimmed(raw_line);
        if line.is_empty() {
            close_paragraph(&mut body, &mut section, &mut paragraph);
            continue;
        }
        if let Some((level, rest)) = heading(raw_line) {
            close_paragraph(&mut body, &mut section, &mut paragraph);
            let (text, text_column) = trimmed(rest);
            let heading = Heading {
                text: clean_line(text),
                level,
                line: line_number,
                column: if text.is_empty() {
                    1
                } else {
                    level + text_column
                },
            };
            if level <= part_level {
                let previous = std::mem::take(&mut section);
                if previous.heading.is_some() || !previous.paragraphs.is_empty() {
                    body.sections.push(previous);
                }
                section.heading = Some(heading);
            } else {
                if !heading.text.is_empty() {
                    append_piece(
                        &mut body,
                        &mut paragraph,
                        &heading.text,
                        line_number,
                        heading.column,
                    );
                    close_paragraph(&mut body, &mut section, &mut paragraph);
                }
                body.minor_headings.push(heading);
            }
            continue;
        }
        let piece = clean_line(line);
        append_piece(&mut body, &mut paragraph, &piece, line_number, column);
    }
    close_paragraph(&mut body, &mut section, &mut paragraph);
    if section.heading.is_some() || !section.paragraphs.is_empty() {
        body.sections.push(section);
    }
    body.text.shrink_to_fit();
    body
}

/// Adds one line's words to the open paragraph, or opens one.
fn append_piece(
    body: &mut Body,
    paragraph: &mut Option<usize>,
    piece: &str,
    line: usize,
    column: usize,
) {
    if piece.is_empty() {
        return;
    }
    if paragraph.is_some() || !body.text.is_empty() {
        body.text.push(' ');
    }
    if paragraph.is_none() {
        *paragraph = Some(body.text.len());
    }
    body.map.segments.push(Segment {
        text_start: body.text.len(),
        line,
        column,
    });
    body.text.push_str(piece);
}

fn close_paragraph(body: &mut Body, section: &mut Section, paragraph: &mut Option<usize>) {
    if let Some(start) = paragraph.take() {
        section.paragraphs.push(start..body.text.len());
    }
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

    #[test]
    fn lines_join_and_blank_lines_separate() {
        let body = parse("Un  deux\n  trois \n\n\nquatre\u{a0}\n", 1);
        assert_eq!(body.sections.len(), 1);
        assert!(body.sections[0].heading.is_none());
        // The author's double space stays; line edges are trimmed.
        assert_eq!(paragraphs(&body, 0), ["Un  deux trois", "quatre"]);
    }

    #[test]
    fn headings_begin_sections() {
        let body = parse("intro\n\n# I-Le mythe \nA\nB\n\n#  II. Suite\n\nC\n", 1);
        assert_eq!(body.sections.len(), 3);
        let first = body.sections[1].heading.as_ref().unwrap();
        assert_eq!(
            (first.text.as_str(), first.line, first.column),
            ("I-Le mythe", 3, 3)
        );
        assert_eq!(body.sections[2].heading.as_ref().unwrap().column, 4);
        assert_eq!(paragraphs(&body, 1), ["A B"]);
        assert_eq!(paragraphs(&body, 2), ["C"]);
    }

    #[test]
    fn deeper_headings_are_paragraphs_of_their_own() {
        let body = parse("# A\ntext\n## Sub\nmore\n#nohash is text\n", 1);
        assert_eq!(body.sections.len(), 1);
        assert_eq!(
            paragraphs(&body, 0),
            ["text", "Sub", "more #nohash is text"]
        );
        assert_eq!(body.minor_headings.len(), 1);
        assert_eq!(parse("# A\ntext\n## Sub\nmore\n", 2).sections.len(), 2);
    }

    #[test]
    fn an_empty_section_is_kept() {
        let body = parse("# A\n\n# B\ntext\n", 1);
        assert_eq!(body.sections.len(), 2);
        assert!(body.sections[0].paragraphs.is_empty());
    }

    #[test]
    fn the_map_gives_file_positions() {
        let source = "\u{feff}Titre\n\n  l’IA est\n  là\r\n";
        let body = parse(source, 1);
        assert_eq!(body.text, "Titre l’IA est là");
        let at = |needle: &str| {
            body.map
                .position(&body.text, body.text.find(needle).unwrap())
        };
        assert_eq!(at("Titre"), (1, 2));
        assert_eq!(at("l’IA"), (3, 3));
        assert_eq!(at("est"), (3, 8));
        assert_eq!(at("là"), (4, 3));
    }

    #[test]
    fn controls_in_text_are_sanitised() {
        let body = parse("a\x1b[31mb\tc\n", 1);
        assert_eq!(body.text, "a␛[31mb c");
    }
}

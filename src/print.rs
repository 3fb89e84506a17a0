//! `glose print`: the article as wrapped plain text, for pipes, printers and screen readers.
//!
//! Linear order, no colour, no box drawing, no control character: the title block, then each
//! part under its heading (underlined with `=`), each paragraph wrapped at the width with a
//! footnote number `[n]` right after each annotated passage, and after the paragraph its notes:
//! kind, verdict and words, then source, context, what the source says, questions. Numbers run
//! through the whole text. Interface words (labels) follow the interface language; the article
//! and its annotations stay in their own.
//!
//! Invariants: every line is at most `width` cells, except a URL longer than the width (kept
//! whole on a line of its own so it can be copied); no line ends with white space; every line
//! goes through `clean_line`.

use std::io::{self, Write};

use crate::content::{Annotation, Article, Block};
use crate::i18n::{Lang, Text, quoted, reference_number};
use crate::layout::{COLUMN_GAP, RowStyle, VisualRow, blank_between, block_rows, marker_column};
use crate::text::sanitize::clean_line;
use crate::text::wrap::{str_width, wrap};

/// Narrowest width accepted; below it text cannot be laid out usefully.
pub const MIN_WIDTH: usize = 20;
/// Width when none is given.
pub const DEFAULT_WIDTH: usize = 80;

/// Writes the whole article as plain text wrapped at `width` columns (at least `MIN_WIDTH`).
pub fn print(article: &Article, width: usize, lang: Lang, out: &mut impl Write) -> io::Result<()> {
    let width = width.max(MIN_WIDTH);
    let french = article.is_french();
    let mut printer = Printer { out, width, french };
    let meta = &article.meta;
    printer.heading(&meta.title, '=', true)?;
    let byline = meta.byline.as_deref().unwrap_or(&meta.author);
    printer.paragraph(byline, "", "")?;
    let published: Vec<&str> = [&meta.publisher, &meta.date]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect();
    if !published.is_empty() {
        printer.paragraph(&published.join(", "), "", "")?;
    }
    if let Some(url) = &meta.url {
        printer.url(url, "")?;
    }
    if let Some(by) = &meta.annotations_by {
        printer.blank()?;
        let line = format!("{}{}{by}", Text::Annotations.get(lang), lang.colon());
        printer.paragraph(&line, "", "")?;
    }
    if !meta.editorial_parts.is_empty() {
        printer.blank()?;
        printer.paragraph(Text::EditorialHeadings.get(lang), "", "")?;
    }

    let mut number = 0;
    let total = article.annotations.len();
    let label_width = format!("[{total}] ").len();
    for (part_index, part) in article.parts.iter().enumerate() {
        printer.blank()?;
        printer.blank()?;
        printer.heading(&part.heading, '=', false)?;
        let mut previous: Option<&Block> = None;
        for (paragraph_index, paragraph) in part.paragraphs.iter().enumerate() {
            let index = article
                .blocks
                .binary_search_by_key(&paragraph.start, |b| b.start)
                .ok();
            let block = index.and_then(|i| article.blocks.get(i));
            if paragraph_index == 0 || blank_between(previous, block) {
                printer.blank()?;
            }
            previous = block;
            let first = article.annotation_at_or_after(paragraph.start);
            let notes: Vec<(usize, &Annotation)> = article
                .annotations
                .iter()
                .enumerate()
                .skip(first)
                .take_while(|(_, a)| a.range.start < paragraph.end)
                .filter(|(_, a)| a.part == part_index && a.paragraph == paragraph_index)
                .collect();
            // The paragraph with `[n]` after each annotated passage.
            let mut text = String::with_capacity(paragraph.len() + notes.len() * 5);
            let mut cursor = paragraph.start;
            for (i, (_, annotation)) in notes.iter().enumerate() {
                let end = annotation.range.end.clamp(cursor, paragraph.end);
                text.push_str(article.slice(cursor..end));
                text.push_str(&format!("[{}]", number + i + 1));
                cursor = end;
            }
            text.push_str(article.slice(cursor..paragraph.end));
            match index.zip(block) {
                // A Markdown block: laid out as the reader shows it (code and tables verbatim,
                // lists one item a line), in plain characters; its notes follow it.
                Some((index, block)) => printer.block(article, paragraph.clone(), index, block)?,
                None => printer.paragraph(&text, "", "")?,
            }
            for (_, annotation) in notes {
                number += 1;
                printer.blank()?;
                printer.note(article, annotation, number, label_width, lang)?;
            }
        }
    }
    Ok(())
}

struct Printer<'w, W: Write> {
    out: &'w mut W,
    width: usize,
    french: bool,
}

impl<W: Write> Printer<'_, W> {
    fn line(&mut self, line: &str) -> io::Result<()> {
        writeln!(self.out, "{}", clean_line(line).trim_end())
    }

    fn blank(&mut self) -> io::Result<()> {
        writeln!(self.out)
    }

    /// A heading, wrapped, underlined with `mark` as wide as its widest line (and overlined
    /// too for the title).
    fn heading(&mut self, text: &str, mark: char, overline: bool) -> io::Result<()> {
        let rows = wrap(text, self.width, self.french);
        let widest = rows.iter().map(|r| usize::from(r.width)).max().unwrap_or(0);
        let rule: String = std::iter::repeat_n(mark, widest.max(1)).collect();
        if overline {
            self.line(&rule)?;
        }
        for row in rows {
            self.line(text.get(row.range).unwrap_or(""))?;
        }
        self.line(&rule)
    }

    /// A paragraph wrapped at the width, its first line after `first` and the others after
    /// `rest` (both the same width: a hanging indent).
    fn paragraph(&mut self, text: &str, first: &str, rest: &str) -> io::Result<()> {
        let room = self.width.saturating_sub(str_width(first)).max(1);
        for (i, row) in wrap(text, room, self.french).into_iter().enumerate() {
            let indent = if i == 0 { first } else { rest };
            self.line(&format!("{indent}{}", text.get(row.range).unwrap_or("")))?;
        }
        Ok(())
    }

    /// A Markdown block as lines of plain characters: `> ` per quote, list markers, code
    /// after two spaces (`↪ ` where a long line goes on), table cells between ` | `.
    fn block(
        &mut self,
        article: &Article,
        paragraph: std::ops::Range<usize>,
        index: usize,
        block: &Block,
    ) -> io::Result<()> {
        let mut cells = Vec::new();
        let mut widest = 0;
        for row in block_rows(article, paragraph, index, block, self.width, &mut cells) {
            let line = plain_row(article, block, &row, &cells, self.width);
            widest = widest.max(str_width(line.trim_end()));
            self.line(&line)?;
        }
        if matches!(block.kind, crate::content::BlockKind::Heading { .. }) {
            // A heading inside the part, underlined with `-` (the part's own takes `=`).
            let lead = crate::layout::lead_of(block);
            let rule = format!(
                "{}{}",
                " ".repeat(lead),
                "-".repeat(widest.saturating_sub(lead).max(1))
            );
            self.line(&rule)?;
        }
        Ok(())
    }

    /// A URL on a line of its own, never broken.
    fn url(&mut self, url: &str, indent: &str) -> io::Result<()> {
        self.line(&format!("{indent}{}", url.trim()))
    }

    /// The note of one annotation, indented under its number.
    fn note(
        &mut self,
        article: &Article,
        annotation: &Annotation,
        number: usize,
        label_width: usize,
        lang: Lang,
    ) -> io::Result<()> {
        let label = format!("{:<label_width$}", format!("[{number}]"));
        let indent = " ".repeat(label_width);
        let colon = lang.colon();
        let mut head = capitalise(lang.kind(annotation.kind));
        if let Some(verdict) = annotation.verdict {
            head.push_str(&format!(
                " ({}{colon}{})",
                Text::Verdict.get(lang).to_lowercase(),
                lang.verdict(verdict)
            ));
        }
        head.push_str(colon);
        head.push_str(&quoted(lang, article.slice(annotation.range.clone())));
        self.paragraph(&head, &label, &indent)?;

        match annotation.source.and_then(|s| article.sources.get(s)) {
            Some(source) => {
                let mut line = format!(
                    "{}{colon}{}, {}",
                    Text::Source.get(lang),
                    source.author,
                    source.title
                );
                for extra in [&source.publisher, &source.date].into_iter().flatten() {
                    line.push_str(", ");
                    line.push_str(extra);
                }
                line.push_str(". ");
                line.push_str(&match source.reference {
                    Some(n) => reference_number(lang, n),
                    None => Text::NotInReferenceList.get(lang).to_owned(),
                });
                line.push('.');
                self.paragraph(&line, &indent, &indent)?;
                if let Some(url) = &source.url {
                    self.url(url, &indent)?;
                }
                if !source.note.is_empty() {
                    self.labelled(Text::AboutSource.get(lang), &source.note, &indent, lang)?;
                }
            }
            None => self.paragraph(Text::NoSource.get(lang), &indent, &indent)?,
        }
        if !annotation.context.is_empty() {
            self.labelled(Text::Context.get(lang), &annotation.context, &indent, lang)?;
        }
        if !annotation.note.is_empty() {
            self.labelled(
                Text::WhatTheSourceSays.get(lang),
                &annotation.note,
                &indent,
                lang,
            )?;
        }
        if !annotation.questions.is_empty() {
            self.paragraph(
                &format!("{}{}", Text::Questions.get(lang), colon.trim_end()),
                &indent,
                &indent,
            )?;
            let bullet = format!("{indent}- ");
            let under = format!("{indent}  ");
            for question in &annotation.questions {
                self.paragraph(question, &bullet, &under)?;
            }
        }
        Ok(())
    }

    /// "Label: text", the text's own paragraphs (blank-line separated) each indented.
    fn labelled(&mut self, label: &str, text: &str, indent: &str, lang: Lang) -> io::Result<()> {
        for (i, paragraph) in text
            .split("\n\n")
            .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|p| !p.is_empty())
            .enumerate()
        {
            let paragraph = if i == 0 {
                format!("{label}{}{paragraph}", lang.colon())
            } else {
                paragraph
            };
            self.paragraph(&paragraph, indent, indent)?;
        }
        Ok(())
    }
}

/// One row of a block in plain characters (see [`Printer::block`]).
fn plain_row(
    article: &Article,
    block: &Block,
    row: &VisualRow,
    cells: &[crate::layout::Cell],
    width: usize,
) -> String {
    let lead = usize::from(row.deco.lead);
    let mut line = String::with_capacity(width);
    for _ in 0..block.quote {
        line.push_str("> ");
    }
    let code = matches!(row.deco.style, RowStyle::Code { .. });
    let gutter = if code { crate::layout::CODE_GUTTER } else { 0 };
    if row.deco.marker
        && let Some(marker) = &block.marker
    {
        while str_width(&line) < marker_column(block) {
            line.push(' ');
        }
        line.push_str(marker);
    }
    while str_width(&line) < lead.saturating_sub(gutter) {
        line.push(' ');
    }
    let rest = width.saturating_sub(lead);
    match row.deco.style {
        RowStyle::Code { continued } => {
            line.push_str(if continued { "↪ " } else { "  " });
            line.push_str(article.slice(row.range.clone()));
        }
        RowStyle::Rule => line.push_str(&"-".repeat(rest.clamp(1, 40))),
        RowStyle::TableRule => line.push_str(&"-".repeat(usize::from(row.width).min(rest))),
        RowStyle::Cells { first, count } => {
            let first = first as usize;
            let start = str_width(&line);
            for (c, cell) in cells
                .get(first..first + usize::from(count))
                .unwrap_or_default()
                .iter()
                .enumerate()
            {
                let column = start + usize::from(cell.column);
                if c > 0 {
                    while str_width(&line) + COLUMN_GAP < column {
                        line.push(' ');
                    }
                    line.push_str(" | ");
                }
                for _ in 0..cell.pad {
                    line.push(' ');
                }
                line.push_str(article.slice(cell.range.clone()));
            }
        }
        RowStyle::Plain | RowStyle::Lines { .. } | RowStyle::Heading(_) => {
            line.push_str(article.slice(row.range.clone()));
        }
    }
    line
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::tests::sample;
    use crate::content::{Source, Verdict};

    fn printed(article: &Article, width: usize, lang: Lang) -> String {
        let mut out = Vec::new();
        print(article, width, lang, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    fn annotated() -> Article {
        let mut article = sample(2);
        article.meta.author = "Autrice".into();
        article.sources.push(Source {
            id: "bm".into(),
            author: "Banque mondiale".into(),
            title: "Working Without Borders".into(),
            publisher: Some("Banque mondiale".into()),
            date: Some("2023-09-07".into()),
            kind: "report".into(),
            url: Some(
                "https://example.org/a/very/long/address/that/does/not/fit/in/twenty/columns"
                    .into(),
            ),
            reference: Some(3),
            note: String::new(),
        });
        let a = &mut article.annotations[1];
        a.source = Some(0);
        a.verdict = Some(Verdict::Misreported);
        a.context = "Premier paragraphe.\n\nSecond paragraphe.".into();
        a.note = "La source dit autre chose.".into();
        a.questions = vec!["Pourquoi ?".into()];
        article
    }

    #[test]
    fn parts_are_titled_and_notes_follow_their_paragraph() {
        let text = printed(&annotated(), 60, Lang::Fr);
        assert!(text.starts_with("=====\nTitre\n=====\nAutrice\n"), "{text}");
        assert!(text.contains("\nPartie 0\n========\n"), "{text}");
        // The marker sits right after the annotated words, and the note after the paragraph.
        let marker = text.find("chiffre 0-1[2]").expect("marker after the words");
        let note = text
            .find("[2] Chiffre (verdict\u{a0}: déformé)\u{a0}: « chiffre 0-1 »")
            .expect("note");
        assert!(note > marker);
        let next_paragraph = text.find("Paragraphe 0 de la partie 1").unwrap();
        assert!(note < next_paragraph);
        assert!(
            text.contains(
                "    Source\u{a0}: Banque mondiale, Working Without Borders,\n    Banque mondiale, \
                 2023-09-07. Référence n° 3"
            ),
            "{text}"
        );
        assert!(text.contains("Référence n° 3"));
        assert!(
            text.contains("    Contexte\u{a0}: Premier paragraphe.\n    Second paragraphe.\n"),
            "{text}"
        );
        assert!(text.contains("    Ce que dit la source\u{a0}: La source dit autre chose."));
        assert!(
            text.contains("    Questions pour la discussion\u{a0}:\n    - Pourquoi ?\n"),
            "{text}"
        );
        assert_eq!(
            text.matches("] Chiffre").count(),
            8,
            "one note per annotation"
        );
    }

    #[test]
    fn every_line_fits_but_urls_stay_whole_and_nothing_trails() {
        for width in [20, 33, 60, 80, 132] {
            let text = printed(&annotated(), width, Lang::En);
            for line in text.lines() {
                assert!(
                    str_width(line) <= width || line.trim_start().starts_with("https://"),
                    "{width}: {line:?}"
                );
                assert_eq!(line, line.trim_end(), "trailing space");
                assert!(!line.chars().any(|c| c.is_control()), "{line:?}");
            }
            assert!(text.contains(
                "https://example.org/a/very/long/address/that/does/not/fit/in/twenty/columns"
            ));
            assert!(text.contains("Source: Banque"), "English labels");
        }
    }

    #[test]
    fn a_marker_never_starts_a_line() {
        let text = printed(&annotated(), 24, Lang::Fr);
        for line in text.lines() {
            assert!(
                !(line.starts_with('[') && line.contains("] ") && !line.contains("] Chiffre")),
                "{line:?}"
            );
        }
    }
}

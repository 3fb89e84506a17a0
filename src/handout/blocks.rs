//! The author's Markdown blocks and inline styles (code, lists, tables, quotes, emphasis,
//! links) written back in either format: `inline` for a run of text, `md_structured` and
//! `h_structured` for a whole block.

use std::fmt::Write as _;

use super::html::h;
use super::markdown::{md, md_block_start, url_md};
use super::{Marks, note_ref};
use crate::content::{Align, Annotation, Article, Block, BlockKind};

/// The two formats' inline markup.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Markup {
    Markdown,
    Html,
}

/// A range of the text with its inline styles, links and annotations as markup: the author's
/// Markdown back (`**`, `*`, `` ` ``, `~~`, `[words](url)`) or HTML elements; the words
/// themselves escaped for the format.
pub(super) fn inline(
    article: &Article,
    range: std::ops::Range<usize>,
    markup: Markup,
    marks: Marks,
) -> String {
    let mut cuts = vec![range.start, range.end];
    let styles_from = article.style_at_or_after(range.start);
    for s in article.styles.get(styles_from..).unwrap_or_default() {
        let s = s.range();
        if s.start >= range.end {
            break;
        }
        cuts.extend([s.start, s.end]);
    }
    let links: Vec<&crate::content::Link> = article
        .links
        .iter()
        .filter(|l| l.range.start < range.end && l.range.end > range.start && !l.range.is_empty())
        .collect();
    for l in &links {
        cuts.extend([l.range.start, l.range.end]);
    }
    let notes_from = article.annotation_at_or_after(range.start);
    let notes: Vec<(usize, &Annotation)> = article
        .annotations
        .iter()
        .enumerate()
        .skip(notes_from)
        .take_while(|(_, a)| a.range.start < range.end)
        .collect();
    for (_, a) in &notes {
        cuts.extend([a.range.start, a.range.end]);
    }
    cuts.retain(|c| (range.start..=range.end).contains(c));
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = String::with_capacity(range.len() + 16);
    for w in cuts.windows(2) {
        let &[start, end] = w else { continue };
        for l in links.iter().filter(|l| l.range.start == start) {
            out.push_str(
                match (markup, l.image) {
                    (Markup::Markdown, false) => "[".to_owned(),
                    (Markup::Markdown, true) => "![".to_owned(),
                    (Markup::Html, false) => format!("<a href=\"{}\">", h(&l.url)),
                    (Markup::Html, true) => format!(
                        "<img alt=\"{}\" src=\"{}\">",
                        h(article.slice(l.range.clone())),
                        h(&l.url)
                    ),
                }
                .as_str(),
            );
        }
        let run = article
            .styles
            .get(article.style_at_or_after(start))
            .filter(|s| s.range().start <= start && s.range().end >= end);
        let style = run.map_or(0, |s| s.style);
        let words = article.slice(start..end);
        // A footnote reference: link-styled `[label]` with no address.
        let footnote =
            style & crate::content::STYLE_LINK != 0 && run.is_some_and(|r| r.link().is_none());
        let in_image = links
            .iter()
            .any(|l| l.image && l.range.start <= start && end <= l.range.end);
        let mut piece = if in_image && markup == Markup::Html {
            String::new()
        } else if footnote && markup == Markup::Markdown {
            format!("[^{}]", words.trim_matches(['[', ']']))
        } else if footnote {
            format!("<sup>{}</sup>", h(words))
        } else if style & crate::content::STYLE_CODE != 0 {
            match markup {
                Markup::Markdown => {
                    let ticks = "`".repeat(longest_run(words, '`') + 1);
                    let pad = if words.starts_with('`') || words.ends_with('`') {
                        " "
                    } else {
                        ""
                    };
                    format!("{ticks}{pad}{words}{pad}{ticks}")
                }
                Markup::Html => format!("<code>{}</code>", h(words)),
            }
        } else {
            let escaped = match markup {
                Markup::Markdown => md(words).replace('\n', "\\\n"),
                Markup::Html => h(words).replace('\n', "<br>\n"),
            };
            let mut p = escaped;
            for (bit, md_mark, tag) in [
                (crate::content::STYLE_EMPHASIS, "*", "em"),
                (crate::content::STYLE_STRONG, "**", "strong"),
                (crate::content::STYLE_STRIKE, "~~", "del"),
            ] {
                if style & bit != 0 && !p.trim().is_empty() {
                    p = match markup {
                        Markup::Markdown => format!("{md_mark}{p}{md_mark}"),
                        Markup::Html => format!("<{tag}>{p}</{tag}>"),
                    };
                }
            }
            p
        };
        if let Some((i, _)) = notes
            .iter()
            .find(|(_, a)| a.range.start <= start && end <= a.range.end)
        {
            let n = i + 1;
            let last = notes.iter().any(|(_, a)| a.range.end == end);
            let after = if last {
                note_ref(article, n, markup == Markup::Html, marks)
            } else {
                String::new()
            };
            piece = match markup {
                Markup::Markdown => format!("**{piece}**{after}"),
                Markup::Html => format!("<mark>{piece}</mark>{after}"),
            };
        }
        if markup == Markup::Markdown && out.ends_with(']') && piece.starts_with('(') {
            // After `[^n]` or `[2 ✗]`, a `(` would make the mark a link: escape it.
            out.push('\\');
        }
        out.push_str(&piece);
        for l in links.iter().filter(|l| l.range.end == end) {
            match markup {
                Markup::Markdown => {
                    let _ = write!(out, "]({})", url_md(&l.url));
                }
                Markup::Html if !l.image => out.push_str("</a>"),
                Markup::Html => {}
            }
        }
    }
    out
}

/// The block of a paragraph that needs the author's markup: a Markdown block, or a plain
/// paragraph holding inline styles; `None` for plain prose.
pub(super) fn structured(article: &Article, paragraph: &std::ops::Range<usize>) -> Option<Block> {
    if let Some(block) = article.block_at(paragraph.start) {
        return Some(block.clone());
    }
    let styled = article
        .styles
        .get(article.style_at_or_after(paragraph.start))
        .is_some_and(|s| s.range().start < paragraph.end);
    styled.then_some(Block {
        start: paragraph.start,
        kind: BlockKind::Paragraph,
        quote: 0,
        indent: 0,
        marker: None,
    })
}

/// A paragraph of `article` as the author's Markdown (code fences, list markers, table pipes,
/// quote marks, inline styles), ending with a blank line: for `glose new --from`, which must
/// give a Markdown file's structure back in the new folder's `text.md`.
pub fn markdown_paragraph(article: &Article, paragraph: std::ops::Range<usize>) -> String {
    let mut out = String::new();
    match structured(article, &paragraph) {
        Some(block) => md_structured(&mut out, article, paragraph, &block, Marks::Footnotes),
        None => {
            let _ = write!(out, "{}\n\n", article.slice(paragraph).trim());
        }
    }
    out
}

/// Whether an item begins a list of another kind than the last item's marker (bullets after
/// numbers, or the reverse).
pub(super) fn starts_other_list(block: &Block, last: Option<&str>) -> bool {
    let numbered = |m: &str| m.starts_with(|c: char| c.is_ascii_digit());
    match (block.marker.as_deref(), last) {
        (Some(m), Some(l)) => numbered(m) != numbered(l),
        _ => false,
    }
}

/// The longest run of `c` in `text`.
pub(super) fn longest_run(text: &str, c: char) -> usize {
    let (mut longest, mut run) = (0, 0);
    for ch in text.chars() {
        run = if ch == c { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    longest
}

/// A Markdown block as the author's Markdown: its quote marks, list marker, code fence, table
/// pipes, heading marks, then a blank line.
pub(super) fn md_structured(
    out: &mut String,
    article: &Article,
    paragraph: std::ops::Range<usize>,
    block: &Block,
    marks: Marks,
) {
    let quote = "> ".repeat(usize::from(block.quote));
    let indent = "   ".repeat(usize::from(block.indent.saturating_sub(1)));
    let marker = block.marker.as_deref().map(|m| {
        if m.starts_with('[') && m.ends_with(']') && !m.starts_with("[x") && !m.starts_with("[ ") {
            format!("[^{}]: ", m.trim_matches(['[', ']']))
        } else if m.starts_with(['•', '◦', '▪']) || m.starts_with('[') {
            format!(
                "- {}",
                if m.starts_with('[') {
                    format!("{m} ")
                } else {
                    String::new()
                }
            )
        } else {
            format!("{m} ")
        }
    });
    let hang = if block.indent > 0 { "   " } else { "" };
    let first = format!(
        "{quote}{indent}{}",
        marker.clone().unwrap_or_else(|| hang.to_owned())
    );
    let rest = format!("{quote}{indent}{hang}");
    let text = article.slice(paragraph.clone());
    match &block.kind {
        BlockKind::Code { language } => {
            let fence = "`".repeat(longest_run(text, '`').max(2) + 1);
            let _ = writeln!(out, "{first}{fence}{language}");
            for line in text.split('\n') {
                let _ = writeln!(
                    out,
                    "{}{line}",
                    rest.trim_end_matches(' ').to_owned() + if rest.is_empty() { "" } else { " " }
                );
            }
            let _ = writeln!(out, "{rest}{fence}");
        }
        BlockKind::Table(table) => {
            let (rows, aligns) = (&table.rows, &table.aligns);
            for (r, cells) in rows.iter().enumerate() {
                let line: Vec<String> = cells
                    .iter()
                    .map(|c| {
                        inline(article, c.clone(), Markup::Markdown, marks).replace('|', "\\|")
                    })
                    .collect();
                let _ = writeln!(
                    out,
                    "{}| {} |",
                    if r == 0 { &first } else { &rest },
                    line.join(" | ")
                );
                if r == 0 {
                    let rule: Vec<&str> = aligns
                        .iter()
                        .map(|a| match a {
                            Align::Left => "---",
                            Align::Center => ":-:",
                            Align::Right => "--:",
                        })
                        .collect();
                    let _ = writeln!(out, "{rest}|{}|", rule.join("|"));
                }
            }
        }
        BlockKind::Rule => {
            let _ = writeln!(out, "{first}---");
        }
        BlockKind::Heading { level } => {
            let hashes = "#".repeat(usize::from(*level).clamp(3, 6));
            let _ = writeln!(
                out,
                "{first}{hashes} {}",
                inline(article, paragraph, Markup::Markdown, marks)
            );
        }
        BlockKind::Lines => {
            for line in text.split('\n') {
                let _ = writeln!(out, "{rest}{}\\", md(line).replace(' ', "\u{a0}"));
            }
        }
        BlockKind::Paragraph | BlockKind::Html => {
            let words = inline(article, paragraph, Markup::Markdown, marks);
            let words = words.replace('\n', &format!("\n{rest}"));
            let _ = writeln!(out, "{first}{}", md_block_start(&words));
        }
    }
    // Items of a list follow one another; every other block ends with a blank line.
    if block.indent == 0 || !matches!(block.kind, BlockKind::Paragraph) {
        out.push('\n');
    }
}

/// The lists and quotes open in the HTML handout.
#[derive(Default)]
pub(super) struct Open {
    /// Open lists, outermost first: whether each is ordered.
    lists: Vec<bool>,
    quotes: usize,
}

impl Open {
    fn close_lists(&mut self, out: &mut String, depth: usize) {
        while self.lists.len() > depth {
            let ordered = self.lists.pop().unwrap_or(false);
            out.push_str(if ordered {
                "</li></ol>\n"
            } else {
                "</li></ul>\n"
            });
        }
    }

    pub(super) fn close_all(&mut self, out: &mut String) {
        self.close_lists(out, 0);
        while self.quotes > 0 {
            out.push_str("</blockquote>\n");
            self.quotes -= 1;
        }
    }
}

/// A Markdown block as HTML, inside the lists and quotes it belongs to.
pub(super) fn h_structured(
    out: &mut String,
    article: &Article,
    paragraph: std::ops::Range<usize>,
    block: &Block,
    open: &mut Open,
    marks: Marks,
) {
    let quotes = usize::from(block.quote);
    if quotes != open.quotes {
        open.close_lists(out, 0);
        while open.quotes > quotes {
            out.push_str("</blockquote>\n");
            open.quotes -= 1;
        }
        while open.quotes < quotes {
            out.push_str("<blockquote>\n");
            open.quotes += 1;
        }
    }
    let depth = usize::from(block.indent);
    open.close_lists(out, depth);
    let ordered = block
        .marker
        .as_deref()
        .is_some_and(|m| m.starts_with(|c: char| c.is_ascii_digit()));
    if block.marker.is_some() && open.lists.len() == depth && open.lists.last() != Some(&ordered) {
        // A list of the other kind begins at the same depth.
        open.close_lists(out, depth.saturating_sub(1));
    }
    if let Some(marker) = &block.marker {
        if open.lists.len() == depth && depth > 0 {
            out.push_str("</li>\n<li>");
        }
        while open.lists.len() < depth {
            out.push_str(if ordered { "<ol>\n<li>" } else { "<ul>\n<li>" });
            open.lists.push(ordered);
        }
        if marker.contains("[x]") {
            out.push_str("☑ ");
        } else if marker.contains("[ ]") {
            out.push_str("☐ ");
        } else if marker.starts_with('[') {
            let _ = write!(out, "<sup>{}</sup> ", h(marker));
        }
    }
    let text = article.slice(paragraph.clone());
    match &block.kind {
        BlockKind::Code { language } => {
            let class = if language.is_empty() {
                String::new()
            } else {
                format!(" class=\"language-{}\"", h(language))
            };
            let _ = writeln!(out, "<pre><code{class}>{}</code></pre>", h(text));
        }
        BlockKind::Lines => {
            let _ = writeln!(out, "<pre>{}</pre>", h(text));
        }
        BlockKind::Table(table) => {
            let (rows, aligns) = (&table.rows, &table.aligns);
            out.push_str("<table>\n");
            for (r, cells) in rows.iter().enumerate() {
                let tag = if r == 0 { "th" } else { "td" };
                out.push_str("<tr>");
                for (c, cell) in cells.iter().enumerate() {
                    let align = match aligns.get(c) {
                        Some(Align::Center) => " style=\"text-align:center\"",
                        Some(Align::Right) => " style=\"text-align:right\"",
                        _ => "",
                    };
                    let _ = write!(
                        out,
                        "<{tag}{align}>{}</{tag}>",
                        inline(article, cell.clone(), Markup::Html, marks)
                    );
                }
                out.push_str("</tr>\n");
            }
            out.push_str("</table>\n");
        }
        BlockKind::Rule => out.push_str("<hr>\n"),
        BlockKind::Heading { level } => {
            let level = usize::from(*level).clamp(3, 6);
            let _ = writeln!(
                out,
                "<h{level}>{}</h{level}>",
                inline(article, paragraph, Markup::Html, marks)
            );
        }
        BlockKind::Paragraph | BlockKind::Html => {
            let _ = writeln!(
                out,
                "<p>{}</p>",
                inline(article, paragraph, Markup::Html, marks)
            );
        }
    }
}

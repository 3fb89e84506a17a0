//! The handout (`glose export`): the whole text with a numbered footnote for every annotation
//! (its words, source, context, what the source says and the verdict, its questions), the full
//! source list, and the guided tour's discussion questions, as Markdown or standalone HTML.
//!
//! The output is a pure function of the article: same article, same bytes (no date, no
//! environment), so it can be kept as a golden file. Labels follow the article's language (a
//! French text gets a French handout), not the interface's. Every piece of text is escaped for
//! the target format: article text never becomes markup.

mod draft;
pub use draft::draft_notice;

use std::fmt::Write as _;

use crate::content::{Align, Annotation, Article, Block, BlockKind, Source};
use crate::i18n::{Lang, Text, quoted, reference_number, source_number};

/// The formats `glose export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// CommonMark with footnotes (`[^1]`), as GitHub, Pandoc and most editors read it.
    #[default]
    Markdown,
    /// One standalone HTML page, printable as is, with a schema.org ClaimReview per verdict.
    Html,
    /// A W3C Web Annotation collection (JSON-LD): one Annotation per annotation, with
    /// TextQuoteSelector and TextPositionSelector targets.
    W3c,
    /// The article's words alone, parts and paragraphs separated by blank lines: the text the
    /// W3C positions count in.
    Text,
}

/// The handout of `article` in `format`.
pub fn export(article: &Article, format: Format) -> String {
    match format {
        Format::Markdown => markdown(article),
        Format::Html => html(article),
        Format::W3c => crate::webanno::export(article),
        Format::Text => crate::webanno::plain_text(article).text,
    }
}

/// The language of the handout's own words.
fn lang_of(article: &Article) -> Lang {
    if article.is_french() {
        Lang::Fr
    } else {
        Lang::En
    }
}

/// A piece of a paragraph: plain text, or annotated words with their footnote number.
enum Piece<'a> {
    Text(&'a str),
    Marked(&'a str, usize),
}

/// A paragraph cut at annotation boundaries. Footnotes are numbered in reading order, which is
/// the order of `Article::annotations` (sorted by position): number = index + 1.
fn pieces(article: &Article, paragraph: std::ops::Range<usize>) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut cursor = paragraph.start;
    let mut index = article.annotation_at_or_after(paragraph.start);
    while let Some(annotation) = article.annotations.get(index) {
        if annotation.range.start >= paragraph.end {
            break;
        }
        let start = annotation.range.start.max(cursor);
        let end = annotation.range.end.min(paragraph.end);
        if start > cursor {
            out.push(Piece::Text(article.slice(cursor..start)));
        }
        out.push(Piece::Marked(article.slice(start..end), index + 1));
        cursor = end;
        index += 1;
    }
    if cursor < paragraph.end {
        out.push(Piece::Text(article.slice(cursor..paragraph.end)));
    }
    out
}

/// "Author, Title, publisher, date" of a source, unescaped parts: (author, title, rest).
fn source_parts(source: &Source) -> (String, String, String) {
    let mut rest = Vec::new();
    if let Some(publisher) = source.publisher.as_ref().filter(|p| **p != source.author) {
        rest.push(publisher.clone());
    }
    if let Some(date) = &source.date {
        rest.push(date.clone());
    }
    (source.author.clone(), source.title.clone(), rest.join(", "))
}

fn verdict_heading(annotation: &Annotation, lang: Lang) -> String {
    match annotation.verdict {
        Some(verdict) => format!(
            "{} ({}{}{})",
            Text::WhatTheSourceSays.get(lang),
            Text::Verdict.get(lang).to_lowercase(),
            lang.colon(),
            lang.verdict(verdict)
        ),
        None => Text::WhatTheSourceSays.get(lang).to_owned(),
    }
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

// ---------------------------------------------------------------------------------------------
// Markdown blocks and inline styles, in either format

/// The two formats' inline markup.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Markup {
    Markdown,
    Html,
}

/// A range of the text with its inline styles, links and annotations as markup: the author's
/// Markdown back (`**`, `*`, `` ` ``, `~~`, `[words](url)`) or HTML elements; the words
/// themselves escaped for the format.
fn inline(article: &Article, range: std::ops::Range<usize>, markup: Markup) -> String {
    let mut cuts = vec![range.start, range.end];
    let styles_from = article.style_at_or_after(range.start);
    for s in article.styles.get(styles_from..).unwrap_or_default() {
        if s.range.start >= range.end {
            break;
        }
        cuts.extend([s.range.start, s.range.end]);
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
            .filter(|s| s.range.start <= start && s.range.end >= end);
        let style = run.map_or(0, |s| s.style);
        let words = article.slice(start..end);
        // A footnote reference: link-styled `[label]` with no address.
        let footnote =
            style & crate::content::STYLE_LINK != 0 && run.is_some_and(|r| r.link.is_none());
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
            piece = match markup {
                Markup::Markdown if last => format!("**{piece}**[^{n}]"),
                Markup::Markdown => format!("**{piece}**"),
                Markup::Html if last => format!(
                    "<mark>{piece}</mark><sup><a id=\"ref-{n}\" href=\"#note-{n}\">{n}</a></sup>"
                ),
                Markup::Html => format!("<mark>{piece}</mark>"),
            };
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
fn structured(article: &Article, paragraph: &std::ops::Range<usize>) -> Option<Block> {
    if let Some(block) = article.block_at(paragraph.start) {
        return Some(block.clone());
    }
    let styled = article
        .styles
        .get(article.style_at_or_after(paragraph.start))
        .is_some_and(|s| s.range.start < paragraph.end);
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
        Some(block) => md_structured(&mut out, article, paragraph, &block),
        None => {
            let _ = write!(out, "{}\n\n", article.slice(paragraph).trim());
        }
    }
    out
}

/// Whether an item begins a list of another kind than the last item's marker (bullets after
/// numbers, or the reverse).
fn starts_other_list(block: &Block, last: Option<&str>) -> bool {
    let numbered = |m: &str| m.starts_with(|c: char| c.is_ascii_digit());
    match (block.marker.as_deref(), last) {
        (Some(m), Some(l)) => numbered(m) != numbered(l),
        _ => false,
    }
}

/// The longest run of `c` in `text`.
fn longest_run(text: &str, c: char) -> usize {
    let (mut longest, mut run) = (0, 0);
    for ch in text.chars() {
        run = if ch == c { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    longest
}

/// A Markdown block as the author's Markdown: its quote marks, list marker, code fence, table
/// pipes, heading marks, then a blank line.
fn md_structured(
    out: &mut String,
    article: &Article,
    paragraph: std::ops::Range<usize>,
    block: &Block,
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
        BlockKind::Table { rows, aligns } => {
            for (r, cells) in rows.iter().enumerate() {
                let line: Vec<String> = cells
                    .iter()
                    .map(|c| inline(article, c.clone(), Markup::Markdown).replace('|', "\\|"))
                    .collect();
                let _ = writeln!(
                    out,
                    "{}| {} |",
                    if r == 0 { &first } else { &rest },
                    line.join(" | ")
                );
                if r == 0 {
                    let marks: Vec<&str> = aligns
                        .iter()
                        .map(|a| match a {
                            Align::Left => "---",
                            Align::Center => ":-:",
                            Align::Right => "--:",
                        })
                        .collect();
                    let _ = writeln!(out, "{rest}|{}|", marks.join("|"));
                }
            }
        }
        BlockKind::Rule => {
            let _ = writeln!(out, "{first}---");
        }
        BlockKind::Heading { level } => {
            let marks = "#".repeat(usize::from(*level).clamp(3, 6));
            let _ = writeln!(
                out,
                "{first}{marks} {}",
                inline(article, paragraph, Markup::Markdown)
            );
        }
        BlockKind::Lines => {
            for line in text.split('\n') {
                let _ = writeln!(out, "{rest}{}\\", md(line).replace(' ', "\u{a0}"));
            }
        }
        BlockKind::Paragraph | BlockKind::Html => {
            let words = inline(article, paragraph, Markup::Markdown);
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
struct Open {
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

    fn close_all(&mut self, out: &mut String) {
        self.close_lists(out, 0);
        while self.quotes > 0 {
            out.push_str("</blockquote>\n");
            self.quotes -= 1;
        }
    }
}

/// A Markdown block as HTML, inside the lists and quotes it belongs to.
fn h_structured(
    out: &mut String,
    article: &Article,
    paragraph: std::ops::Range<usize>,
    block: &Block,
    open: &mut Open,
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
        BlockKind::Table { rows, aligns } => {
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
                        inline(article, cell.clone(), Markup::Html)
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
                inline(article, paragraph, Markup::Html)
            );
        }
        BlockKind::Paragraph | BlockKind::Html => {
            let _ = writeln!(out, "<p>{}</p>", inline(article, paragraph, Markup::Html));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Markdown

/// Escapes text so CommonMark shows it as written.
fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Escapes the start of a block so it cannot become a list, a heading or a rule.
fn md_block(text: &str) -> String {
    let escaped = md(text);
    let trimmed = escaped.trim_start();
    let digits = trimmed.chars().take_while(char::is_ascii_digit).count();
    let after_digits = trimmed.get(digits..).unwrap_or("");
    if trimmed.starts_with(['-', '+', '=', '~'])
        || (digits > 0 && (after_digits.starts_with(". ") || after_digits.starts_with(") ")))
    {
        let at = escaped.len() - trimmed.len() + if digits > 0 { digits } else { 0 };
        let (head, tail) = escaped.split_at(at);
        return format!("{head}\\{tail}");
    }
    escaped
}

/// A multi-paragraph text as footnote continuation paragraphs (indented four spaces).
fn md_indented(out: &mut String, text: &str) {
    for paragraph in text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        let joined = paragraph
            .split('\n')
            .map(str::trim)
            .collect::<Vec<_>>()
            .join(" ");
        let _ = write!(out, "\n    {}\n", md_block(&joined));
    }
}

fn markdown(article: &Article) -> String {
    let lang = lang_of(article);
    let meta = &article.meta;
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", md(&meta.title));
    let byline = meta.byline.clone().unwrap_or_else(|| meta.author.clone());
    let mut about = Vec::new();
    if !byline.is_empty() {
        about.push(md(&byline));
    }
    let published: Vec<String> = [&meta.publisher, &meta.date]
        .into_iter()
        .flatten()
        .map(|s| md(s))
        .collect();
    if !published.is_empty() {
        about.push(published.join(", "));
    }
    if let Some(url) = &meta.url {
        about.push(format!("<{}>", url_md(url)));
    }
    if !about.is_empty() {
        let _ = writeln!(out, "{}\n", about.join("  \n"));
    }
    if let Some(by) = &meta.annotations_by {
        let _ = writeln!(out, "*{}*\n", md(by.trim()));
    }
    if !meta.editorial_parts.is_empty() {
        let _ = writeln!(out, "*{}*\n", md(Text::EditorialHeadings.get(lang)));
    }
    for part in &article.parts {
        let _ = writeln!(out, "## {}\n", md(&part.heading));
        let mut in_list = false;
        let mut last_marker: Option<String> = None;
        for paragraph in &part.paragraphs {
            let block = structured(article, paragraph);
            let item = block.as_ref().is_some_and(|b| b.indent > 0);
            if in_list
                && (!item
                    || block.as_ref().is_some_and(|b| {
                        b.indent == 1 && starts_other_list(b, last_marker.as_deref())
                    }))
            {
                // A blank line ends a list before what follows it.
                out.push('\n');
            }
            in_list = item;
            if let Some(m) = block
                .as_ref()
                .filter(|b| b.indent == 1)
                .and_then(|b| b.marker.clone())
            {
                last_marker = Some(m);
            }
            if let Some(block) = block {
                md_structured(&mut out, article, paragraph.clone(), &block);
                continue;
            }
            let mut line = String::new();
            for piece in pieces(article, paragraph.clone()) {
                match piece {
                    // After `[^n]`, a `(` would make the marker a link: escape it.
                    Piece::Text(text) if line.ends_with(']') && text.starts_with('(') => {
                        line.push('\\');
                        line.push_str(&md(text));
                    }
                    Piece::Text(text) => line.push_str(&md(text)),
                    Piece::Marked(words, n) => {
                        let _ = write!(line, "**{}**[^{n}]", md(words));
                    }
                }
            }
            let _ = writeln!(out, "{}\n", md_block_start(&line));
        }
    }
    if !article.annotations.is_empty() {
        let _ = writeln!(out, "## {}\n", Text::HandoutNotes.get(lang));
        for (i, annotation) in article.annotations.iter().enumerate() {
            md_note(&mut out, article, annotation, i + 1, lang);
        }
    }
    if !article.sources.is_empty() {
        let _ = writeln!(out, "## {}\n", Text::HandoutSources.get(lang));
        for (i, source) in article.sources.iter().enumerate() {
            let (author, title, rest) = source_parts(source);
            let mut line = format!("{}. {}, *{}*", i + 1, md(&author), md(&title));
            if !rest.is_empty() {
                let _ = write!(line, ", {}", md(&rest));
            }
            line.push('.');
            if let Some(url) = &source.url {
                let _ = write!(line, " <{}>", url_md(url));
            }
            if let Some(n) = source.reference {
                let _ = write!(line, " — {}.", md(&reference_number(lang, n)));
            }
            let _ = writeln!(out, "{line}");
            if !source.note.trim().is_empty() {
                let _ = writeln!(out, "   {}", md(&one_line(&source.note)));
            }
        }
        out.push('\n');
    }
    if !article.tour.is_empty() {
        let _ = writeln!(out, "## {}\n", Text::HandoutTour.get(lang));
        for (i, stop) in article.tour.iter().enumerate() {
            let see = stop
                .annotation
                .map(|a| format!(" — {} {}", Text::SeeNote.get(lang), a + 1))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "### {} {} · {} ({} min){see}\n",
                Text::Stop.get(lang),
                i + 1,
                md(&stop.title),
                stop.minutes
            );
            for question in &stop.questions {
                let _ = writeln!(out, "- {}", md(&one_line(question)));
            }
            out.push('\n');
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// Like `md_block` for an already escaped line.
fn md_block_start(line: &str) -> String {
    let trimmed = line.trim_start();
    let digits = trimmed.chars().take_while(char::is_ascii_digit).count();
    let after = trimmed.get(digits..).unwrap_or("");
    if trimmed.starts_with(['-', '+', '=', '~'])
        || (digits > 0 && (after.starts_with(". ") || after.starts_with(") ")))
    {
        let at = line.len() - trimmed.len() + digits;
        let (head, tail) = line.split_at(at);
        return format!("{head}\\{tail}");
    }
    line.to_owned()
}

/// A URL inside `<…>`: only characters that cannot end or break the autolink.
fn url_md(url: &str) -> String {
    url.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '<' | '>'))
        .collect()
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn md_note(out: &mut String, article: &Article, annotation: &Annotation, n: usize, lang: Lang) {
    let colon = lang.colon().trim_end();
    let words = article.slice(annotation.range.clone());
    let _ = writeln!(
        out,
        "[^{n}]: **{}** — {}",
        capitalise(lang.kind(annotation.kind)),
        md(&quoted(lang, words))
    );
    let source = annotation.source.and_then(|s| article.sources.get(s));
    let source_line = match source {
        Some(source) => {
            let (author, title, rest) = source_parts(source);
            let mut line = format!("{}, *{}*", md(&author), md(&title));
            if !rest.is_empty() {
                let _ = write!(line, ", {}", md(&rest));
            }
            if let Some(i) = annotation.source {
                let _ = write!(line, " ({})", source_number(lang, i + 1));
            }
            line
        }
        None => md(Text::NoSource.get(lang)),
    };
    let _ = write!(
        out,
        "\n    **{}{colon}** {source_line}\n",
        Text::Source.get(lang)
    );
    if !annotation.context.trim().is_empty() {
        let _ = write!(out, "\n    **{}{colon}**\n", Text::Context.get(lang));
        md_indented(out, &annotation.context);
    }
    if !annotation.note.trim().is_empty() || annotation.verdict.is_some() {
        let _ = write!(
            out,
            "\n    **{}{colon}**\n",
            verdict_heading(annotation, lang)
        );
        md_indented(out, &annotation.note);
    }
    if !annotation.questions.is_empty() {
        let _ = write!(out, "\n    **{}{colon}**\n\n", Text::Questions.get(lang));
        for question in &annotation.questions {
            let _ = writeln!(out, "    - {}", md(&one_line(question)));
        }
    }
    out.push('\n');
}

// ---------------------------------------------------------------------------------------------
// HTML

/// Escapes text for HTML content and attribute values.
fn h(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Paragraphs (separated by blank lines) as `<p>` elements.
fn h_paragraphs(out: &mut String, text: &str) {
    for paragraph in text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        let _ = writeln!(out, "<p>{}</p>", h(&one_line(paragraph)));
    }
}

const STYLE: &str = "body{font-family:Georgia,serif;max-width:42em;margin:2em auto;padding:0 1em;\
line-height:1.5}mark{background:#fff3b0;font-weight:bold}sup a{text-decoration:none}\
.notes li{margin-bottom:1em}h3{margin-bottom:.3em}@media print{mark{background:none;\
text-decoration:underline}}";

fn html(article: &Article) -> String {
    let lang = lang_of(article);
    let colon = lang.colon().trim_end();
    let meta = &article.meta;
    let code = if meta.language.is_empty() {
        "und"
    } else {
        meta.language.as_str()
    };
    let mut out = String::new();
    let _ = writeln!(out, "<!DOCTYPE html>");
    let _ = writeln!(out, "<html lang=\"{}\">", h(code));
    let _ = writeln!(out, "<head>\n<meta charset=\"utf-8\">");
    let _ = writeln!(out, "<title>{}</title>", h(&meta.title));
    let _ = writeln!(out, "<style>{STYLE}</style>");
    if let Some(reviews) = claim_reviews(article) {
        let _ = writeln!(
            out,
            "<script type=\"application/ld+json\">\n{reviews}\n</script>"
        );
    }
    let _ = writeln!(out, "</head>\n<body>");
    let _ = writeln!(out, "<h1>{}</h1>", h(&meta.title));
    let byline = meta.byline.clone().unwrap_or_else(|| meta.author.clone());
    if !byline.is_empty() {
        let _ = writeln!(out, "<p class=\"byline\">{}</p>", h(&byline));
    }
    let published: Vec<String> = [&meta.publisher, &meta.date]
        .into_iter()
        .flatten()
        .map(|s| h(s))
        .collect();
    if !published.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", published.join(", "));
    }
    if let Some(url) = &meta.url {
        let _ = writeln!(out, "<p><a href=\"{0}\">{0}</a></p>", h(url));
    }
    if let Some(by) = &meta.annotations_by {
        let _ = writeln!(out, "<p><em>{}</em></p>", h(&one_line(by)));
    }
    if !meta.editorial_parts.is_empty() {
        let _ = writeln!(
            out,
            "<p><em>{}</em></p>",
            h(Text::EditorialHeadings.get(lang))
        );
    }
    for part in &article.parts {
        let _ = writeln!(out, "<h2>{}</h2>", h(&part.heading));
        let mut open = Open::default();
        for paragraph in &part.paragraphs {
            if let Some(block) = structured(article, paragraph) {
                h_structured(&mut out, article, paragraph.clone(), &block, &mut open);
                continue;
            }
            open.close_all(&mut out);
            out.push_str("<p>");
            for piece in pieces(article, paragraph.clone()) {
                match piece {
                    Piece::Text(text) => out.push_str(&h(text)),
                    Piece::Marked(words, n) => {
                        let _ = write!(
                            out,
                            "<mark>{}</mark><sup><a id=\"ref-{n}\" href=\"#note-{n}\">{n}</a></sup>",
                            h(words)
                        );
                    }
                }
            }
            out.push_str("</p>\n");
        }
        open.close_all(&mut out);
    }
    if !article.annotations.is_empty() {
        let _ = writeln!(
            out,
            "<h2>{}</h2>\n<ol class=\"notes\">",
            Text::HandoutNotes.get(lang)
        );
        for (i, annotation) in article.annotations.iter().enumerate() {
            let n = i + 1;
            let _ = writeln!(
                out,
                "<li id=\"note-{n}\"><p><strong>{}</strong> — {} <a href=\"#ref-{n}\">↩</a></p>",
                h(&capitalise(lang.kind(annotation.kind))),
                h(&quoted(lang, article.slice(annotation.range.clone())))
            );
            let source = match annotation.source.and_then(|s| article.sources.get(s)) {
                Some(source) => {
                    let (author, title, rest) = source_parts(source);
                    let mut line = format!("{}, <cite>{}</cite>", h(&author), h(&title));
                    if !rest.is_empty() {
                        let _ = write!(line, ", {}", h(&rest));
                    }
                    if let Some(i) = annotation.source {
                        let _ = write!(
                            line,
                            " (<a href=\"#source-{}\">{}</a>)",
                            i + 1,
                            h(&source_number(lang, i + 1))
                        );
                    }
                    line
                }
                None => h(Text::NoSource.get(lang)),
            };
            let _ = writeln!(
                out,
                "<p><strong>{}{colon}</strong> {source}</p>",
                Text::Source.get(lang)
            );
            if !annotation.context.trim().is_empty() {
                let _ = writeln!(
                    out,
                    "<p><strong>{}{colon}</strong></p>",
                    Text::Context.get(lang)
                );
                h_paragraphs(&mut out, &annotation.context);
            }
            if !annotation.note.trim().is_empty() || annotation.verdict.is_some() {
                let _ = writeln!(
                    out,
                    "<p><strong>{}{colon}</strong></p>",
                    h(&verdict_heading(annotation, lang))
                );
                h_paragraphs(&mut out, &annotation.note);
            }
            if !annotation.questions.is_empty() {
                let _ = writeln!(
                    out,
                    "<p><strong>{}{colon}</strong></p>\n<ul>",
                    Text::Questions.get(lang)
                );
                for question in &annotation.questions {
                    let _ = writeln!(out, "<li>{}</li>", h(&one_line(question)));
                }
                out.push_str("</ul>\n");
            }
            out.push_str("</li>\n");
        }
        out.push_str("</ol>\n");
    }
    if !article.sources.is_empty() {
        let _ = writeln!(
            out,
            "<h2>{}</h2>\n<ol class=\"sources\">",
            Text::HandoutSources.get(lang)
        );
        for (i, source) in article.sources.iter().enumerate() {
            let (author, title, rest) = source_parts(source);
            let mut line = format!("{}, <cite>{}</cite>", h(&author), h(&title));
            if !rest.is_empty() {
                let _ = write!(line, ", {}", h(&rest));
            }
            line.push('.');
            if let Some(url) = &source.url {
                let _ = write!(line, " <a href=\"{0}\">{0}</a>", h(url));
            }
            if let Some(n) = source.reference {
                let _ = write!(line, " — {}.", h(&reference_number(lang, n)));
            }
            if !source.note.trim().is_empty() {
                let _ = write!(line, "<br>{}", h(&one_line(&source.note)));
            }
            let _ = writeln!(out, "<li id=\"source-{}\">{line}</li>", i + 1);
        }
        out.push_str("</ol>\n");
    }
    if !article.tour.is_empty() {
        let _ = writeln!(out, "<h2>{}</h2>", h(Text::HandoutTour.get(lang)));
        for (i, stop) in article.tour.iter().enumerate() {
            let see = stop
                .annotation
                .map(|a| {
                    format!(
                        " — <a href=\"#note-{0}\">{1} {0}</a>",
                        a + 1,
                        Text::SeeNote.get(lang)
                    )
                })
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "<h3>{} {} · {} ({} min){see}</h3>\n<ul>",
                Text::Stop.get(lang),
                i + 1,
                h(&stop.title),
                stop.minutes
            );
            for question in &stop.questions {
                let _ = writeln!(out, "<li>{}</li>", h(&one_line(question)));
            }
            out.push_str("</ul>\n");
        }
    }
    out.push_str("</body>\n</html>\n");
    if article.is_french() {
        unbreakable_french_spaces(&out)
    } else {
        out
    }
}

/// French spacing that a browser cannot break: in the page's text (not in tags, nor in the
/// JSON-LD script), a plain space before `? ! ;` becomes a narrow no-break space (U+202F), one
/// before `: % ‰ » ›` or after `« ‹` a no-break space (U+00A0), and so does one between a
/// number and its unit or the word it counts (`430 millions`, `2 $`).
fn unbreakable_french_spaces(html: &str) -> String {
    let mut out = String::with_capacity(html.len() + html.len() / 50);
    let mut rest = html;
    let mut before: Option<char> = None;
    while let Some(c) = rest.chars().next() {
        if rest.starts_with("<script") {
            let end = rest
                .find("</script>")
                .map_or(rest.len(), |at| at + "</script>".len());
            out.push_str(&rest[..end]);
            rest = &rest[end..];
            continue;
        }
        if c == '<' {
            let end = rest.find('>').map_or(rest.len(), |at| at + 1);
            out.push_str(&rest[..end]);
            rest = &rest[end..];
            continue;
        }
        rest = &rest[c.len_utf8()..];
        if c != ' ' {
            out.push(c);
            before = Some(c);
            continue;
        }
        let after = next_text_char(rest);
        let glue = match (before, after) {
            (_, Some('?' | '!' | ';')) => Some('\u{202F}'),
            (_, Some(':' | '%' | '‰' | '»' | '›')) | (Some('«' | '‹'), _) => Some('\u{A0}'),
            (Some(b), Some(a))
                if b.is_ascii_digit() && (a.is_alphabetic() || matches!(a, '€' | '$')) =>
            {
                Some('\u{A0}')
            }
            _ => None,
        };
        out.push(glue.unwrap_or(' '));
        before = Some(' ');
    }
    out
}

/// The next character of the page's text in `html` (tags skipped).
fn next_text_char(mut html: &str) -> Option<char> {
    loop {
        let c = html.chars().next()?;
        if c != '<' {
            return Some(c);
        }
        html = &html[html.find('>')? + 1..];
    }
}

// ---------------------------------------------------------------------------------------------
// schema.org ClaimReview (JSON-LD in the HTML handout)

/// One schema.org `ClaimReview` per annotation with a verdict, as a JSON-LD array ready to sit
/// inside `<script type="application/ld+json">`: `claimReviewed` is the article's words,
/// `itemReviewed` a `Claim` by the article's author appearing in the article, `reviewRating`
/// the verdict in the article's language (`alternateName`) with what the source says
/// (`ratingExplanation`), `author` who annotated (`annotations_by`), `url` the note in the
/// handout. `None` when no annotation has a verdict.
///
/// `<`, `>` and `&` are written as JSON escapes (`\u003c`…), so no `</script>` or `<!--` in the
/// article can end the script early; the JSON means the same.
pub fn claim_reviews(article: &Article) -> Option<String> {
    use serde_json::{Map, Value, json};
    let lang = lang_of(article);
    let meta = &article.meta;
    let mut appearance = Map::new();
    appearance.insert("@type".into(), json!("CreativeWork"));
    appearance.insert("name".into(), json!(meta.title));
    if let Some(url) = &meta.url {
        appearance.insert("url".into(), json!(url));
    }
    if let Some(publisher) = &meta.publisher {
        appearance.insert(
            "publisher".into(),
            json!({"@type": "Organization", "name": publisher}),
        );
    }
    if let Some(date) = &meta.date {
        appearance.insert("datePublished".into(), json!(date));
    }
    let mut claim = Map::new();
    claim.insert("@type".into(), json!("Claim"));
    if !meta.author.trim().is_empty() {
        claim.insert(
            "author".into(),
            json!({"@type": "Person", "name": meta.author}),
        );
    }
    if let Some(date) = &meta.date {
        claim.insert("datePublished".into(), json!(date));
    }
    claim.insert("appearance".into(), Value::Object(appearance));
    let page = meta.url.clone().unwrap_or_default();
    let reviews: Vec<Value> = article
        .annotations
        .iter()
        .enumerate()
        .filter_map(|(i, annotation)| {
            let verdict = annotation.verdict?;
            let mut rating = Map::new();
            rating.insert("@type".into(), json!("Rating"));
            rating.insert("alternateName".into(), json!(lang.verdict(verdict)));
            let explanation = one_line(&annotation.note);
            if !explanation.is_empty() {
                rating.insert("ratingExplanation".into(), json!(explanation));
            }
            let mut review = Map::new();
            review.insert("@context".into(), json!("https://schema.org"));
            review.insert("@type".into(), json!("ClaimReview"));
            review.insert("url".into(), json!(format!("{page}#note-{}", i + 1)));
            review.insert(
                "claimReviewed".into(),
                json!(article.slice(annotation.range.clone())),
            );
            review.insert("itemReviewed".into(), Value::Object(claim.clone()));
            review.insert("reviewRating".into(), Value::Object(rating));
            if let Some(by) = meta
                .annotations_by
                .as_ref()
                .filter(|b| !b.trim().is_empty())
            {
                review.insert(
                    "author".into(),
                    json!({"@type": "Organization", "name": one_line(by)}),
                );
            }
            Some(Value::Object(review))
        })
        .collect();
    if reviews.is_empty() {
        return None;
    }
    let text = serde_json::to_string_pretty(&Value::Array(reviews)).ok()?;
    Some(
        text.replace('<', "\\u003c")
            .replace('>', "\\u003e")
            .replace('&', "\\u0026"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_has_a_footnote_per_annotation_the_sources_and_the_questions() {
        let article = crate::tour::fixture::article();
        let text = export(&article, Format::Markdown);
        assert!(text.starts_with("# IA : intelligence artificielle"));
        assert!(text.contains("près de **430 millions de modérateurs**[^1], souvent"));
        for n in 1..=3 {
            assert_eq!(text.matches(&format!("[^{n}]:")).count(), 1, "note {n}");
        }
        assert!(text.contains("[^1]: **Chiffre** — « 430 millions de modérateurs »"));
        assert!(text.contains("**Ce que dit la source (verdict\u{a0}: déformé)\u{a0}:**"));
        assert!(
            text.contains(
                "## Sources\n\n1. Banque mondiale, *Working Without Borders*, 2023-09-07."
            )
        );
        assert!(
            text.contains("### Étape 1 · 430 millions de modérateurs ? (4 min) — voir la note 1")
        );
        assert!(text.contains("- Combien de travailleurs, selon vous ?"));
        assert!(
            text.contains("[^3]: **Citation** — « Les robots"),
            "no doubled « «"
        );
        assert!(
            text.contains("»**[^3]\\(Poulain"),
            "the ( after a marker is escaped"
        );
        assert!(text.ends_with('\n') && !text.ends_with("\n\n"));
        assert_eq!(text, export(&article, Format::Markdown), "deterministic");
    }

    #[test]
    fn article_text_never_becomes_markup() {
        assert_eq!(
            md("a *b* [c](d) <e> _f_ `g` #h |i"),
            r"a \*b\* \[c\](d) \<e\> \_f\_ \`g\` \#h \|i"
        );
        assert_eq!(md_block("1. premier"), r"1\. premier");
        assert_eq!(md_block("- tiret"), r"\- tiret");
        assert_eq!(md_block("2025 était"), "2025 était");
        assert_eq!(h("<script>&\"'"), "&lt;script&gt;&amp;&quot;&#39;");
    }

    #[test]
    fn html_is_one_escaped_page_with_linked_notes() {
        let mut article = crate::tour::fixture::article();
        article.meta.title.push_str(" <b>");
        let page = export(&article, Format::Html);
        assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"fr\">"));
        assert!(page.contains(
            "<title>IA\u{a0}: intelligence artificielle, main-d’œuvre bien réelle &lt;b&gt;</title>"
        ));
        assert!(page.contains("<mark>430\u{a0}millions de modérateurs</mark><sup><a id=\"ref-1\" href=\"#note-1\">1</a></sup>"));
        assert!(page.contains("<li id=\"note-3\">"));
        assert!(page.ends_with("</body>\n</html>\n"));
    }

    #[test]
    fn the_html_handout_embeds_a_claim_review_per_verdict() {
        let mut article = crate::tour::fixture::article();
        article.annotations[0].note.push_str(" </script><!-- & ");
        let page = export(&article, Format::Html);
        let start = page.find("<script type=\"application/ld+json\">").unwrap();
        let body = &page[start..];
        let json = &body[body.find('\n').unwrap()..body.find("</script>").unwrap()];
        assert!(
            !json.contains('<'),
            "nothing in the JSON can close the script"
        );
        let reviews: serde_json::Value = serde_json::from_str(json).unwrap();
        let reviews = reviews.as_array().unwrap();
        let checked = article
            .annotations
            .iter()
            .filter(|a| a.verdict.is_some())
            .count();
        assert_eq!(reviews.len(), checked);
        let first = &reviews[0];
        assert_eq!(first["@type"], "ClaimReview");
        assert_eq!(first["claimReviewed"], "430 millions de modérateurs");
        assert_eq!(first["itemReviewed"]["@type"], "Claim");
        assert_eq!(first["reviewRating"]["alternateName"], "déformé");
        assert!(
            first["reviewRating"]["ratingExplanation"]
                .as_str()
                .unwrap()
                .ends_with("</script><!-- &")
        );
        assert!(page.find("</head>").unwrap() > start);
    }

    #[test]
    fn french_spacing_is_unbreakable_in_the_html_text_only() {
        let page = unbreakable_french_spaces(
            "<p title=\"a : b\">Quoi ? Oui ! Non ; « data » : 80 % de <mark>430</mark> millions</p>\
             <script>{\"a\" : \"b ?\"}</script><a href=\"x\"> ?</a>",
        );
        assert_eq!(
            page,
            "<p title=\"a : b\">Quoi\u{202f}? Oui\u{202f}! Non\u{202f}; «\u{a0}data\u{a0}»\u{a0}: \
             80\u{a0}% de <mark>430</mark>\u{a0}millions</p>\
             <script>{\"a\" : \"b ?\"}</script><a href=\"x\">\u{202f}?</a>"
        );
    }
}

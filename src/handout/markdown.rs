//! The Markdown handout: CommonMark with a footnote per annotation, and the escaping that
//! keeps the article's words from ever becoming markup.

use std::fmt::Write as _;

use super::blocks::{md_structured, starts_other_list, structured};
use super::{
    Marks, Piece, capitalise, lang_of, note_ref, one_line, pieces, source_parts, verdict_heading,
};
use crate::content::{Annotation, Article};
use crate::i18n::{Lang, Text, quoted, reference_number, source_number};

/// Escapes text so CommonMark shows it as written.
pub(super) fn md(text: &str) -> String {
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
pub(super) fn md_block(text: &str) -> String {
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
pub(super) fn md_indented(out: &mut String, text: &str) {
    for paragraph in text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        let joined = paragraph
            .split('\n')
            .map(str::trim)
            .collect::<Vec<_>>()
            .join(" ");
        let _ = write!(out, "\n    {}\n", md_block(&joined));
    }
}

/// The handout's first lines: the title, the byline, where and when the text appeared, who
/// annotated it, and the note on editorial headings.
pub(super) fn md_front(out: &mut String, article: &Article) {
    let lang = lang_of(article);
    let meta = &article.meta;
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
}

/// The article's parts, their headings and paragraphs, the annotated words marked as `marks`
/// says.
pub(super) fn md_parts(out: &mut String, article: &Article, marks: Marks) {
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
                .and_then(|b| b.marker.as_deref())
            {
                last_marker = Some(m.to_owned());
            }
            if let Some(block) = block {
                md_structured(out, article, paragraph.clone(), &block, marks);
                continue;
            }
            let mut line = String::new();
            for piece in pieces(article, paragraph.clone()) {
                match piece {
                    // After `[^n]` or `[2 ✗]`, a `(` would make the marker a link: escape it.
                    Piece::Text(text) if line.ends_with(']') && text.starts_with('(') => {
                        line.push('\\');
                        line.push_str(&md(text));
                    }
                    Piece::Text(text) => line.push_str(&md(text)),
                    Piece::Marked(words, n) => {
                        let _ = write!(
                            line,
                            "**{}**{}",
                            md(words),
                            note_ref(article, n, false, marks)
                        );
                    }
                }
            }
            let _ = writeln!(out, "{}\n", md_block_start(&line));
        }
    }
}

pub(super) fn markdown(article: &Article) -> String {
    let lang = lang_of(article);
    let mut out = String::new();
    md_front(&mut out, article);
    md_parts(&mut out, article, Marks::Footnotes);
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
pub(super) fn md_block_start(line: &str) -> String {
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
pub(super) fn url_md(url: &str) -> String {
    url.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '<' | '>'))
        .collect()
}

pub(super) fn md_note(
    out: &mut String,
    article: &Article,
    annotation: &Annotation,
    n: usize,
    lang: Lang,
) {
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

//! The HTML handout: one standalone page, escaped, with French spacing no browser can break.

use std::fmt::Write as _;

use super::blocks::{Open, h_structured, structured};
use super::claim_review::claim_reviews;
use super::{
    Marks, Piece, capitalise, lang_of, note_ref, one_line, pieces, source_parts, verdict_heading,
};
use crate::content::{Article, PartKind};
use crate::i18n::{Text, quoted, reference_number, source_number};

/// Escapes text for HTML content and attribute values.
pub(super) fn h(text: &str) -> String {
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
pub(super) fn h_paragraphs(out: &mut String, text: &str) {
    for paragraph in text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        let _ = writeln!(out, "<p>{}</p>", h(&one_line(paragraph)));
    }
}

pub(super) const STYLE: &str = "body{font-family:Georgia,serif;max-width:42em;margin:2em auto;padding:0 1em;\
line-height:1.5}mark{background:#fff3b0;font-weight:bold}sup a{text-decoration:none}\
.notes li{margin-bottom:1em}h3{margin-bottom:.3em}@media print{mark{background:none;\
text-decoration:underline}}";

/// The page's first lines: the title, the byline, where and when the text appeared, who
/// annotated it, and the note on editorial headings.
pub(super) fn h_front(out: &mut String, article: &Article) {
    let lang = lang_of(article);
    let meta = &article.meta;
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
}

/// The article's parts, their headings and paragraphs, the annotated words marked as `marks`
/// says.
pub(super) fn h_parts(out: &mut String, article: &Article, marks: Marks) {
    for (index, part) in article.parts.iter().enumerate() {
        // In the brief, a part begins a page, unless it is the first thing after the title
        // (nor do the introduction and the references).
        let class = match (marks, part.kind) {
            (Marks::Verdicts, PartKind::Part | PartKind::Conclusion) if index > 0 => {
                " class=\"part\""
            }
            _ => "",
        };
        let _ = writeln!(out, "<h2{class}>{}</h2>", h(&part.heading));
        let mut open = Open::default();
        for paragraph in &part.paragraphs {
            if let Some(block) = structured(article, paragraph) {
                h_structured(out, article, paragraph.clone(), &block, &mut open, marks);
                continue;
            }
            open.close_all(out);
            out.push_str("<p>");
            for piece in pieces(article, paragraph.clone()) {
                match piece {
                    Piece::Text(text) => out.push_str(&h(text)),
                    Piece::Marked(words, n) => {
                        let _ = write!(
                            out,
                            "<mark>{}</mark>{}",
                            h(words),
                            note_ref(article, n, true, marks)
                        );
                    }
                }
            }
            out.push_str("</p>\n");
        }
        open.close_all(out);
    }
}

pub(super) fn html(article: &Article) -> String {
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
    h_front(&mut out, article);
    h_parts(&mut out, article, Marks::Footnotes);
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
                    "<p><strong>{}{colon}</strong></p>",
                    Text::Questions.get(lang)
                );
                h_questions(&mut out, &annotation.questions);
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
                "<h3>{} {} · {} ({} min){see}</h3>",
                Text::Stop.get(lang),
                i + 1,
                h(&stop.title),
                stop.minutes
            );
            h_questions(&mut out, &stop.questions);
        }
    }
    finish_html(out, article)
}

/// The questions as a list, or nothing when there are none (never an empty `<ul>`).
pub(super) fn h_questions(out: &mut String, questions: &[String]) {
    if questions.is_empty() {
        return;
    }
    out.push_str("<ul>\n");
    for question in questions {
        let _ = writeln!(out, "<li>{}</li>", h(&one_line(question)));
    }
    out.push_str("</ul>\n");
}

/// Ends a handout page: closes it and, for a French text, makes its spaces unbreakable where
/// French typesetting wants them (`unbreakable_french_spaces`).
pub(super) fn finish_html(mut out: String, article: &Article) -> String {
    out.push_str("</body>\n</html>\n");
    if article.is_french() {
        unbreakable_french_spaces(&out)
    } else {
        out
    }
}

/// French spacing that a browser cannot break: in the page's text (not in tags, nor in the
/// JSON-LD script or the style), a plain space before `? ! ;` becomes a narrow no-break space (U+202F), one
/// before `: % ‰ » ›` or after `« ‹` a no-break space (U+00A0), and so does one between a
/// number and its unit or the word it counts (`430 millions`, `2 $`).
pub(super) fn unbreakable_french_spaces(html: &str) -> String {
    let mut out = String::with_capacity(html.len() + html.len() / 50);
    let mut rest = html;
    let mut before: Option<char> = None;
    while let Some(c) = rest.chars().next() {
        if let Some(close) = ["script", "style"]
            .into_iter()
            .find(|tag| rest.starts_with(&format!("<{tag}")))
            .map(|tag| format!("</{tag}>"))
        {
            let end = rest.find(&close).map_or(rest.len(), |at| at + close.len());
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
pub(super) fn next_text_char(mut html: &str) -> Option<char> {
    loop {
        let c = html.chars().next()?;
        if c != '<' {
            return Some(c);
        }
        html = &html[html.find('>')? + 1..];
    }
}

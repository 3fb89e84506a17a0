//! The brief (`glose export --brief`): a short handout to print for a room. The article's text
//! with a numbered verdict mark after each annotated passage (`[2 ✗]`), then one line per
//! annotation (its words, its verdict, its source), then the tour's questions; as Markdown or
//! as a standalone HTML page with print CSS (A4, a page break before each part, no link
//! underlines, the article's title in the footer of every page).
//!
//! What the annotations leave open stays open: an unverifiable claim is "neither confirmed nor
//! refuted", with the source it was looked for in, and an annotation without a verdict says it
//! has none. Like the full handout, the output depends on the article alone (golden files).

use std::fmt::Write as _;

use super::html::{finish_html, h, h_front, h_parts, h_questions, unbreakable_french_spaces};
use super::markdown::{md, md_front, md_parts};
use super::{Marks, lang_of, one_line, source_parts, verdict_sign};
use crate::content::{Annotation, Article, Verdict};
use crate::i18n::{BriefText, Lang, Text, quoted};

/// The pieces of one annotation's line, unescaped.
struct NoteLine {
    /// The annotated words, in the language's quotation marks.
    claim: String,
    /// "✗ misreported", "? unverifiable (neither confirmed nor refuted)", "no verdict".
    verdict: String,
    /// "source" or "looked for in".
    label: &'static str,
    /// The source as (author, title, rest), or `None` when the annotation names none.
    source: Option<(String, String, String)>,
}

fn note_line(article: &Article, annotation: &Annotation, lang: Lang) -> NoteLine {
    let claim = quoted(lang, &one_line(article.slice(annotation.range.clone())));
    let verdict = match (annotation.verdict, verdict_sign(annotation)) {
        (Some(Verdict::Unverifiable), Some(sign)) => format!(
            "{sign} {} ({})",
            lang.verdict(Verdict::Unverifiable),
            BriefText::NeitherConfirmedNorRefuted.get(lang)
        ),
        (Some(verdict), Some(sign)) => format!("{sign} {}", lang.verdict(verdict)),
        _ => BriefText::NoVerdict.get(lang).to_owned(),
    };
    let label = if annotation.verdict == Some(Verdict::Unverifiable) {
        BriefText::LookedFor.get(lang)
    } else {
        BriefText::Source.get(lang)
    };
    let source = annotation
        .source
        .and_then(|s| article.sources.get(s))
        .map(source_parts);
    NoteLine {
        claim,
        verdict,
        label,
        source,
    }
}

/// A tour stop's heading: "Stop 2 · title (4 min) — see note 3".
fn stop_heading(article: &Article, index: usize, lang: Lang, html: bool) -> String {
    let stop = &article.tour[index];
    let escape = |text: &str| if html { h(text) } else { md(text) };
    let see = stop
        .annotation
        .map(|a| {
            let words = format!("{} {}", Text::SeeNote.get(lang), a + 1);
            if html {
                format!(" — <a href=\"#note-{}\">{words}</a>", a + 1)
            } else {
                format!(" — {words}")
            }
        })
        .unwrap_or_default();
    format!(
        "{} {} · {} ({} min){see}",
        Text::Stop.get(lang),
        index + 1,
        escape(&stop.title),
        stop.minutes
    )
}

/// The brief as Markdown.
pub(super) fn markdown(article: &Article) -> String {
    let lang = lang_of(article);
    let colon = lang.colon();
    let mut out = String::new();
    md_front(&mut out, article);
    let _ = writeln!(out, "*{}*\n", md(BriefText::Notice.get(lang)));
    // Written as is: its brackets are the marks as the text shows them, and with no link
    // definition in the brief they stay plain text.
    let _ = writeln!(out, "*{}*\n", BriefText::Legend.get(lang));
    md_parts(&mut out, article, Marks::Verdicts);
    if !article.annotations.is_empty() {
        let _ = writeln!(out, "## {}\n", BriefText::NotesHeading.get(lang));
        for (i, annotation) in article.annotations.iter().enumerate() {
            let line = note_line(article, annotation, lang);
            let source = match &line.source {
                Some((author, title, rest)) => {
                    let mut source =
                        format!("{}{colon}{}, *{}*", line.label, md(author), md(title));
                    if !rest.is_empty() {
                        let _ = write!(source, ", {}", md(rest));
                    }
                    source
                }
                None => BriefText::NoSource.get(lang).to_owned(),
            };
            let _ = writeln!(
                out,
                "{}. {} — {} — {source}",
                i + 1,
                md(&line.claim),
                md(&line.verdict)
            );
        }
        out.push('\n');
    }
    if !article.tour.is_empty() {
        let _ = writeln!(out, "## {}\n", md(Text::HandoutTour.get(lang)));
        for (i, stop) in article.tour.iter().enumerate() {
            let _ = writeln!(out, "### {}\n", stop_heading(article, i, lang, false));
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

/// The screen and print style. Print: A4, the title in every page's footer (added after this,
/// as a CSS string), each part on a new page, the brief's own sections too, links as plain text.
const STYLE: &str = "body{font-family:Georgia,serif;max-width:42em;margin:2em auto;padding:0 1em;\
line-height:1.45}mark{background:#fff3b0}sup{line-height:0}sup a{text-decoration:none;\
font-weight:bold}.lead{font-size:.92em;color:#333}.notes li{margin-bottom:.2em}\
.v{font-weight:bold;white-space:nowrap}h3{font-size:1em;margin:.9em 0 .2em}\
h3+ul{margin-top:.2em}@media print{body{max-width:none;margin:0;padding:0;font-size:10.5pt;\
line-height:1.35}a{text-decoration:none;color:inherit}mark{background:none;font-weight:bold}\
h2.part,h2.brief{break-before:page}h2,h3{break-after:avoid}li{break-inside:avoid}\
.notes{font-size:9.5pt;line-height:1.3}.back{display:none}}\
@page{size:A4;margin:16mm 17mm 18mm}";

/// The title as a CSS string: quotes, backslashes and `<` escaped, so that no title can end
/// the string or the style element.
fn css_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in one_line(text).chars() {
        match c {
            '"' | '\\' | '<' | '>' | '&' => {
                let _ = write!(out, "\\{:x} ", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The brief as one standalone HTML page.
pub(super) fn html(article: &Article) -> String {
    let lang = lang_of(article);
    let colon = lang.colon();
    let meta = &article.meta;
    let code = if meta.language.is_empty() {
        "und"
    } else {
        meta.language.as_str()
    };
    let footer_title = if article.is_french() {
        unbreakable_french_spaces(&h(&meta.title))
    } else {
        h(&meta.title)
    };
    let mut out = String::new();
    let _ = writeln!(out, "<!DOCTYPE html>\n<html lang=\"{}\">", h(code));
    let _ = writeln!(out, "<head>\n<meta charset=\"utf-8\">");
    let _ = writeln!(out, "<title>{}</title>", h(&meta.title));
    let _ = writeln!(
        out,
        "<style>{STYLE}@page{{@bottom-center{{content:{};font:9pt Georgia,serif;color:#555}}}}</style>",
        // The title is escaped for CSS, which reads `&amp;` as is: it goes in unescaped.
        css_string(&html_unescape(&footer_title))
    );
    let _ = writeln!(out, "</head>\n<body>");
    h_front(&mut out, article);
    let _ = writeln!(
        out,
        "<p class=\"lead\"><em>{}</em></p>\n<p class=\"lead\">{}</p>",
        h(BriefText::Notice.get(lang)),
        h(BriefText::Legend.get(lang))
    );
    h_parts(&mut out, article, Marks::Verdicts);
    if !article.annotations.is_empty() {
        let _ = writeln!(
            out,
            "<h2 class=\"brief\">{}</h2>\n<ol class=\"notes\">",
            h(BriefText::NotesHeading.get(lang))
        );
        for (i, annotation) in article.annotations.iter().enumerate() {
            let n = i + 1;
            let line = note_line(article, annotation, lang);
            let source = match &line.source {
                Some((author, title, rest)) => {
                    let mut source = format!(
                        "{}{colon}{}, <cite>{}</cite>",
                        h(line.label),
                        h(author),
                        h(title)
                    );
                    if !rest.is_empty() {
                        let _ = write!(source, ", {}", h(rest));
                    }
                    source
                }
                None => h(BriefText::NoSource.get(lang)),
            };
            let _ = writeln!(
                out,
                "<li id=\"note-{n}\">{} — <span class=\"v\">{}</span> — {source} \
                 <a class=\"back\" href=\"#ref-{n}\">↩</a></li>",
                h(&line.claim),
                h(&line.verdict)
            );
        }
        out.push_str("</ol>\n");
    }
    if !article.tour.is_empty() {
        let _ = writeln!(
            out,
            "<h2 class=\"brief\">{}</h2>",
            h(Text::HandoutTour.get(lang))
        );
        for (i, stop) in article.tour.iter().enumerate() {
            let _ = writeln!(out, "<h3>{}</h3>", stop_heading(article, i, lang, true));
            h_questions(&mut out, &stop.questions);
        }
    }
    finish_html(out, article)
}

/// The text of escaped HTML back (the five escapes `h` writes).
fn html_unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_title_can_end_the_css_string_or_the_style() {
        assert_eq!(
            css_string("a \"b\" \\ </style> & c"),
            "\"a \\22 b\\22  \\5c  \\3c /style\\3e  \\26  c\""
        );
    }

    #[test]
    fn an_unverifiable_claim_is_neither_confirmed_nor_refuted() {
        let mut article = crate::tour::fixture::article();
        article.annotations[0].verdict = Some(Verdict::Unverifiable);
        article.annotations[1].verdict = None;
        for lang in [Lang::Fr, Lang::En] {
            let line = note_line(&article, &article.annotations[0], lang);
            assert_eq!(
                line.verdict,
                format!(
                    "? {} ({})",
                    lang.verdict(Verdict::Unverifiable),
                    BriefText::NeitherConfirmedNorRefuted.get(lang)
                )
            );
            assert_eq!(line.label, BriefText::LookedFor.get(lang));
            let none = note_line(&article, &article.annotations[1], lang);
            assert_eq!(none.verdict, BriefText::NoVerdict.get(lang));
        }
        let text = markdown(&article);
        assert!(text.contains("\u{a0}[1\u{a0}?]"), "{text}");
        assert!(text.contains("1. « 430 millions de modérateurs » — ? invérifiable (ni confirmé ni démenti) — cherché dans\u{a0}: Banque mondiale"), "{text}");
        assert!(text.contains("2. "), "{text}");
    }
}

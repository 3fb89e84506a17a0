//! The handout (`glose export`): the whole text with a numbered footnote for every annotation
//! (its words, source, context, what the source says and the verdict, its questions), the full
//! source list, and the guided tour's discussion questions, as Markdown or standalone HTML.
//!
//! The output is a pure function of the article: same article, same bytes (no date, no
//! environment), so it can be kept as a golden file. Labels follow the article's language (a
//! French text gets a French handout), not the interface's. Every piece of text is escaped for
//! the target format: article text never becomes markup.

mod blocks;
mod brief;
mod claim_review;
mod draft;
mod html;
mod markdown;

pub use blocks::markdown_paragraph;
pub use claim_review::claim_reviews;
pub use draft::draft_notice;

use crate::content::{Annotation, Article, Source, Verdict};
use crate::i18n::{Lang, Text};

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
        Format::Markdown => markdown::markdown(article),
        Format::Html => html::html(article),
        Format::W3c => crate::webanno::export(article),
        Format::Text => crate::webanno::plain_text(article).text,
    }
}

/// The brief of `article` (`glose export --brief`) in `format`: `None` for a format that has
/// no brief (`w3c`, `text`).
pub fn brief(article: &Article, format: Format) -> Option<String> {
    match format {
        Format::Markdown => Some(brief::markdown(article)),
        Format::Html => Some(brief::html(article)),
        Format::W3c | Format::Text => None,
    }
}

/// The language of the handout's own words.
pub(super) fn lang_of(article: &Article) -> Lang {
    Lang::of_article(article.is_french())
}

/// A piece of a paragraph: plain text, or annotated words with their footnote number.
pub(super) enum Piece<'a> {
    Text(&'a str),
    Marked(&'a str, usize),
}

/// A paragraph cut at annotation boundaries. Footnotes are numbered in reading order, which is
/// the order of `Article::annotations` (sorted by position): number = index + 1.
pub(super) fn pieces(article: &Article, paragraph: std::ops::Range<usize>) -> Vec<Piece<'_>> {
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
pub(super) fn source_parts(source: &Source) -> (String, String, String) {
    let mut rest = Vec::new();
    if let Some(publisher) = source.publisher.as_ref().filter(|p| **p != source.author) {
        rest.push(publisher.clone());
    }
    if let Some(date) = &source.date {
        rest.push(date.clone());
    }
    (source.author.clone(), source.title.clone(), rest.join(", "))
}

pub(super) fn verdict_heading(annotation: &Annotation, lang: Lang) -> String {
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

pub(super) fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// How the annotated words are marked in the handout's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Marks {
    /// A footnote number (the full handout, whose notes follow the text).
    Footnotes,
    /// The number and the verdict's sign, `[2 ✗]` (the brief, whose list has one line each).
    Verdicts,
}

/// The sign of an annotation's verdict in the brief (`✓ ≈ ✗ ?`, the reader's own), or `None`
/// for an annotation without a verdict.
pub(super) fn verdict_sign(annotation: &Annotation) -> Option<&'static str> {
    annotation.verdict.map(Verdict::sign)
}

/// What follows the annotated words `n` (1-based) in the text: `[^2]`, or `[2 ✗]` in the brief
/// (glued to the words by a no-break space); in HTML a superscript link to the note.
pub(super) fn note_ref(article: &Article, n: usize, html: bool, marks: Marks) -> String {
    let label = match marks {
        Marks::Footnotes => n.to_string(),
        Marks::Verdicts => match article.annotations.get(n - 1).and_then(verdict_sign) {
            Some(sign) => format!("{n}\u{a0}{sign}"),
            None => n.to_string(),
        },
    };
    match (html, marks) {
        (false, Marks::Footnotes) => format!("[^{n}]"),
        (false, Marks::Verdicts) => format!("\u{a0}[{label}]"),
        (true, Marks::Footnotes) => {
            format!("<sup><a id=\"ref-{n}\" href=\"#note-{n}\">{label}</a></sup>")
        }
        (true, Marks::Verdicts) => {
            format!("<sup><a id=\"ref-{n}\" href=\"#note-{n}\">[{label}]</a></sup>")
        }
    }
}

/// A text on one line: every run of white space as one space.
pub(super) fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::html::{h, unbreakable_french_spaces};
    use super::markdown::{md, md_block};
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

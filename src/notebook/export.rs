//! `glose notes export`: a notebook as Markdown, in reading order.
//!
//! For each note: the part, the quoted passage (the annotated words, or the first sentence of
//! the paragraph), the annotation's source (author, title, publisher, date, URL) when the note is
//! on an annotation, then the note as written, each of its lines a Markdown paragraph. Notes whose words are no longer in the text come last with their saved
//! quote. The output depends only on the article and the notebook (no clock), so it is stable.

use crate::i18n::export as msg;
use std::fmt::Write;

use crate::content::Article;
use crate::i18n::Lang;
use crate::notebook::{Notebook, Place};

/// Longest quoted passage, in characters, before it is cut with `…`.
const MAX_QUOTE_CHARS: usize = 300;

/// The first sentence of a paragraph (cut at `MAX_QUOTE_CHARS` on a word boundary).
pub fn first_sentence(paragraph: &str) -> String {
    let mut end = paragraph.len();
    let mut chars = paragraph.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if matches!(c, '.' | '!' | '?' | '…')
            && i >= 20
            && chars.peek().is_none_or(|(_, next)| next.is_whitespace())
        {
            end = i + c.len_utf8();
            break;
        }
    }
    let sentence = paragraph.get(..end).unwrap_or(paragraph);
    if sentence.chars().count() <= MAX_QUOTE_CHARS {
        return sentence.to_owned();
    }
    let cut: String = sentence.chars().take(MAX_QUOTE_CHARS).collect();
    let cut = cut
        .rfind(' ')
        .map_or(cut.as_str(), |i| cut.get(..i).unwrap_or(""));
    format!("{}…", cut.trim_end())
}

/// Quotes a passage as a Markdown block quote (one `>` per line).
fn blockquote(out: &mut String, text: &str) {
    for line in text.lines() {
        let _ = writeln!(out, "> {line}");
    }
    out.push('\n');
}

/// A note as Markdown paragraphs: each line the reader wrote is a paragraph of its own (a
/// single line break would be joined by any Markdown renderer), blank lines collapsed.
fn paragraphs(text: &str) -> String {
    text.lines()
        .map(str::trim_end)
        .filter(|line| !line.trim().is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// The whole notebook as Markdown.
pub fn markdown(article: &Article, notebook: &Notebook, lang: Lang) -> String {
    let mut out = String::new();
    let meta = &article.meta;
    let _ = writeln!(
        out,
        "# {}{}{}\n",
        msg::notes(lang),
        lang.colon(),
        meta.title
    );
    let count = notebook.notes.len();
    let mut byline = Vec::new();
    if !meta.author.is_empty() {
        byline.push(meta.author.clone());
    }
    byline.push(msg::note_count(lang, count));
    let _ = writeln!(out, "{}\n", byline.join(" · "));
    let mut current_part: Option<Option<usize>> = None;
    for i in notebook.notes_in_order(article) {
        let Some(note) = notebook.notes.get(i) else {
            continue;
        };
        let part = match note.place {
            Place::Annotation(a) => article.annotations.get(a).map(|a| a.part),
            Place::Paragraph { part, .. } => Some(part),
            Place::Orphan => None,
        };
        if current_part != Some(part) {
            current_part = Some(part);
            let heading = match part {
                Some(p) => article
                    .parts
                    .get(p)
                    .map_or_else(String::new, |p| p.heading.clone()),
                None => msg::notes_whose_passage_no_longer(lang).to_owned(),
            };
            let _ = writeln!(out, "## {heading}\n");
        }
        match note.place {
            Place::Annotation(a) => {
                let Some(annotation) = article.annotations.get(a) else {
                    continue;
                };
                blockquote(
                    &mut out,
                    &format!("« {} »", article.slice(annotation.range.clone())),
                );
                if let Some(source) = annotation.source.and_then(|s| article.sources.get(s)) {
                    let mut line = format!(
                        "Source{}{}, « {} »",
                        lang.colon(),
                        source.author,
                        source.title
                    );
                    for extra in [&source.publisher, &source.date].into_iter().flatten() {
                        let _ = write!(line, ", {extra}");
                    }
                    if let Some(url) = &source.url {
                        let _ = write!(line, ", <{url}>");
                    }
                    let _ = writeln!(out, "{line}\n");
                }
            }
            Place::Paragraph { part, paragraph } => {
                let text = article
                    .parts
                    .get(part)
                    .and_then(|p| p.paragraphs.get(paragraph))
                    .map_or("", |r| article.slice(r.clone()));
                blockquote(&mut out, &first_sentence(text));
            }
            Place::Orphan => {
                blockquote(&mut out, &format!("{}…", note.spot.quote));
            }
        }
        if note.conflict {
            let _ = writeln!(out, "*⚠ {}*\n", crate::i18n::Text::ConflictCopy.get(lang));
        }
        let _ = writeln!(out, "{}\n", paragraphs(&note.text));
    }
    if count == 0 {
        let _ = writeln!(out, "{}", msg::no_notes_yet(lang));
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::tests::sample;
    use crate::content::Source;
    use crate::notebook::PlacedSpot;

    #[test]
    fn notes_come_out_in_reading_order_with_passages_and_sources() {
        let mut article = sample(2);
        article.sources.push(Source {
            id: "s".into(),
            author: "Banque mondiale".into(),
            title: "Working Without Borders".into(),
            publisher: None,
            date: Some("2023".into()),
            kind: "report".into(),
            url: Some("https://example.org/r".into()),
            reference: Some(3),
            note: String::new(),
        });
        article.annotations[5].source = Some(0);
        let mut book = Notebook::default();
        // Written out of order: conclusion first, then an annotation in part 2, then part 0.
        book.set_note(
            None,
            &PlacedSpot::paragraph(&article, 3, 1).unwrap(),
            "Fin.",
        );
        book.set_note(
            None,
            &PlacedSpot::annotation(&article, 5).unwrap(),
            "À vérifier\nsur place.\n\n\nSinon ?",
        );
        book.set_note(
            None,
            &PlacedSpot::paragraph(&article, 0, 0).unwrap(),
            "Début.",
        );
        let mut orphan = book.notes[0].clone();
        orphan.id = "x".into();
        orphan.spot.quote = "des mots disparus".into();
        orphan.text = "Perdue ?".into();
        book.notes.push(orphan);
        book.resolve(&article);
        let md = markdown(&article, &book, Lang::Fr);
        let expected = "\
# Notes\u{a0}: Titre

4 notes

## Partie 0

> Paragraphe 0 de la partie 0.

Début.

## Partie 2

> « chiffre 2-1 »

Source\u{a0}: Banque mondiale, « Working Without Borders », 2023, <https://example.org/r>

À vérifier

sur place.

Sinon ?

## Partie 3

> Paragraphe 1 de la partie 3.

Fin.

## Notes dont le passage n’est plus dans le texte

> des mots disparus…

Perdue ?
";
        assert_eq!(md, expected);
    }

    #[test]
    fn first_sentence_skips_short_abbreviations_and_cuts_long_ones() {
        assert_eq!(
            first_sentence("M. Dupont a parlé des données. Puis il est parti."),
            "M. Dupont a parlé des données."
        );
        assert_eq!(first_sentence("Sans point final"), "Sans point final");
        let long = "mot ".repeat(200);
        let cut = first_sentence(&long);
        assert!(cut.ends_with("mot…"), "{cut}");
        assert!(cut.chars().count() <= MAX_QUOTE_CHARS + 1);
    }
}

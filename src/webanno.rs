//! W3C Web Annotation (JSON-LD) out of glose: `glose export --format w3c` (the author's
//! annotations) and `glose notes export --format w3c` (the reader's own notes).
//!
//! Each annotation becomes an `Annotation` whose `target` is the article with two selectors, as
//! Hypothesis writes them: a `TextQuoteSelector` (`exact`, and 32 characters of `prefix` and
//! `suffix`) and a `TextPositionSelector` (`start`, `end`, end exclusive). Positions count
//! Unicode code points (not bytes, not UTF-16 units) in [`plain_text`]: each part's heading,
//! then its paragraphs, all separated by blank lines, which is also what
//! `glose export --format text` writes. So `exact` is always the code points `start..end` of
//! that text.
//!
//! Bodies are `TextualBody`s: the context (`describing`), what the source says (`commenting`),
//! the verdict in the article's language (`assessing`, and then the annotation's `motivation` is
//! `assessing`, else `commenting`), the kind (`tagging`, in English, as Hypothesis tags) and the
//! questions (`questioning`). The output is a pure function of its inputs: same bytes every run.

use std::ops::Range;

use serde_json::{Map, Value, json};

use crate::content::{Annotation, Article, Source};
use crate::notebook::{Notebook, Place};

/// The JSON-LD context of the Web Annotation data model.
pub const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

/// Characters of context kept before and after the quoted words (as Hypothesis does).
pub const CONTEXT_CHARS: usize = 32;

/// The article's text as the W3C positions count it, with where each paragraph starts in it.
pub struct PlainText {
    pub text: String,
    /// For each part, for each paragraph: its start in `text`, in bytes and in code points.
    starts: Vec<Vec<(usize, usize)>>,
}

impl PlainText {
    /// The code-point range in `text` of a byte range inside paragraph `paragraph` of `part`.
    fn code_points(
        &self,
        article: &Article,
        part: usize,
        paragraph: usize,
        range: &Range<usize>,
    ) -> Option<Range<usize>> {
        let source = article.parts.get(part)?.paragraphs.get(paragraph)?;
        let &(_, cp) = self.starts.get(part)?.get(paragraph)?;
        let before = article.text.get(source.start..range.start)?.chars().count();
        let length = article.text.get(range.clone())?.chars().count();
        Some(cp + before..cp + before + length)
    }

    /// The code points `range` of the text.
    pub fn slice(&self, range: Range<usize>) -> String {
        self.text
            .chars()
            .skip(range.start)
            .take(range.end.saturating_sub(range.start))
            .collect()
    }
}

/// The article's words: each part's heading, then its paragraphs, separated by blank lines, with
/// a final line break.
pub fn plain_text(article: &Article) -> PlainText {
    let mut text = String::new();
    let mut chars = 0;
    let mut starts = Vec::with_capacity(article.parts.len());
    let push = |text: &mut String, piece: &str, chars: &mut usize| {
        if !text.is_empty() {
            text.push_str("\n\n");
            *chars += 2;
        }
        let at = (text.len(), *chars);
        text.push_str(piece);
        *chars += piece.chars().count();
        at
    };
    for part in &article.parts {
        if !part.heading.is_empty() {
            push(&mut text, &part.heading, &mut chars);
        }
        let mut part_starts = Vec::with_capacity(part.paragraphs.len());
        for paragraph in &part.paragraphs {
            part_starts.push(push(
                &mut text,
                article.slice(paragraph.clone()),
                &mut chars,
            ));
        }
        starts.push(part_starts);
    }
    text.push('\n');
    PlainText { text, starts }
}

/// The IRI that stands for the article: its `url`, else a URN made from its title and text.
pub fn article_iri(article: &Article) -> String {
    article
        .meta
        .url
        .clone()
        .unwrap_or_else(|| format!("urn:glose:{}", article.text_hash()))
}

/// The selectors of a code-point range of the plain text.
fn selectors(plain: &PlainText, range: Range<usize>) -> Value {
    let total = plain.text.chars().count();
    let prefix_start = range.start.saturating_sub(CONTEXT_CHARS);
    let suffix_end = (range.end + CONTEXT_CHARS).min(total);
    let mut quote = Map::new();
    quote.insert("type".into(), json!("TextQuoteSelector"));
    quote.insert("exact".into(), json!(plain.slice(range.clone())));
    let prefix = plain.slice(prefix_start..range.start);
    if !prefix.is_empty() {
        quote.insert("prefix".into(), json!(prefix));
    }
    let suffix = plain.slice(range.end..suffix_end);
    if !suffix.is_empty() {
        quote.insert("suffix".into(), json!(suffix));
    }
    json!([
        Value::Object(quote),
        {"type": "TextPositionSelector", "start": range.start, "end": range.end},
    ])
}

/// A `TextualBody` with a purpose, in the language `language` (omitted when empty).
fn body(purpose: &str, value: &str, language: &str) -> Value {
    let mut body = Map::new();
    body.insert("type".into(), json!("TextualBody"));
    body.insert("purpose".into(), json!(purpose));
    body.insert("value".into(), json!(value));
    body.insert("format".into(), json!("text/plain"));
    if !language.is_empty() {
        body.insert("language".into(), json!(language));
    }
    Value::Object(body)
}

/// "Author, Title, publisher, date, URL": a source as one line.
pub fn citation(source: &Source) -> String {
    let mut parts = vec![source.author.clone(), source.title.clone()];
    if let Some(publisher) = source.publisher.as_ref().filter(|p| **p != source.author) {
        parts.push(publisher.clone());
    }
    parts.extend(source.date.clone());
    parts.extend(source.url.clone());
    parts.retain(|p| !p.trim().is_empty());
    parts.join(", ")
}

fn generator() -> Value {
    json!({
        "id": "https://crates.io/crates/glose",
        "type": "Software",
        "name": format!("glose {}", env!("CARGO_PKG_VERSION")),
    })
}

fn collection(article: &Article, label: String, items: Vec<Value>) -> String {
    let iri = article_iri(article);
    let value = json!({
        "@context": CONTEXT,
        "id": format!("{iri}#glose-annotations"),
        "type": "AnnotationCollection",
        "label": label,
        "total": items.len(),
        "generator": generator(),
        "first": {
            "id": format!("{iri}#glose-annotations-page-1"),
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": items,
        },
    });
    let mut out = serde_json::to_string_pretty(&value).unwrap_or_default();
    out.push('\n');
    out
}

fn target(article: &Article, plain: &PlainText, range: Option<Range<usize>>, exact: &str) -> Value {
    let selector = match range {
        Some(range) => selectors(plain, range),
        None => json!([{"type": "TextQuoteSelector", "exact": exact}]),
    };
    let mut source = Map::new();
    source.insert("source".into(), json!(article_iri(article)));
    source.insert("selector".into(), selector);
    Value::Object(source)
}

fn annotation_json(article: &Article, plain: &PlainText, annotation: &Annotation) -> Value {
    let language = article.meta.language.as_str();
    let verdict_lang = crate::i18n::Lang::of_article(article.is_french());
    let mut bodies = Vec::new();
    if !annotation.context.trim().is_empty() {
        bodies.push(body("describing", annotation.context.trim(), language));
    }
    if !annotation.note.trim().is_empty() {
        bodies.push(body("commenting", annotation.note.trim(), language));
    }
    if let Some(verdict) = annotation.verdict {
        bodies.push(body("assessing", verdict_lang.verdict(verdict), language));
    }
    bodies.push(body("tagging", annotation.kind.label_en(), "en"));
    for question in &annotation.questions {
        bodies.push(body("questioning", question.trim(), language));
    }
    if let Some(source) = annotation.source.and_then(|s| article.sources.get(s)) {
        bodies.push(body("linking", &citation(source), language));
    }
    let range = plain.code_points(
        article,
        annotation.part,
        annotation.paragraph,
        &annotation.range,
    );
    let exact = article.slice(annotation.range.clone());
    let mut out = Map::new();
    out.insert(
        "id".into(),
        json!(format!("{}#{}", article_iri(article), annotation.id)),
    );
    out.insert("type".into(), json!("Annotation"));
    let motivation = if annotation.verdict.is_some() {
        "assessing"
    } else {
        "commenting"
    };
    out.insert("motivation".into(), json!(motivation));
    if let Some(by) = article
        .meta
        .annotations_by
        .as_ref()
        .filter(|b| !b.trim().is_empty())
    {
        out.insert("creator".into(), json!({"name": by.trim()}));
    }
    out.insert("body".into(), Value::Array(bodies));
    out.insert("target".into(), target(article, plain, range, exact));
    Value::Object(out)
}

/// `glose export --format w3c`: every annotation of the article.
pub fn export(article: &Article) -> String {
    let plain = plain_text(article);
    let items = article
        .annotations
        .iter()
        .map(|a| annotation_json(article, &plain, a))
        .collect();
    collection(article, article.meta.title.clone(), items)
}

/// An RFC 3339 date for seconds since the epoch (UTC), if representable.
fn date(seconds: u64) -> Option<String> {
    let seconds = i64::try_from(seconds).ok()?;
    time::OffsetDateTime::from_unix_timestamp(seconds)
        .ok()?
        .format(&time::format_description::well_known::Rfc3339)
        .ok()
}

/// `glose notes export --format w3c`: the reader's notes, in reading order. A note on an
/// annotation targets the annotated words, a note on a paragraph the whole paragraph, a note
/// whose words are gone its saved quote alone (no position).
pub fn notes(article: &Article, notebook: &Notebook) -> String {
    let plain = plain_text(article);
    let iri = article_iri(article);
    let mut items = Vec::new();
    for i in notebook.notes_in_order(article) {
        let Some(note) = notebook.notes.get(i) else {
            continue;
        };
        let (range, exact) = match note.place {
            Place::Annotation(a) => match article.annotations.get(a) {
                Some(annotation) => (
                    plain.code_points(
                        article,
                        annotation.part,
                        annotation.paragraph,
                        &annotation.range,
                    ),
                    article.slice(annotation.range.clone()).to_owned(),
                ),
                None => (None, note.spot.quote.clone()),
            },
            Place::Paragraph { part, paragraph } => {
                match article
                    .parts
                    .get(part)
                    .and_then(|p| p.paragraphs.get(paragraph))
                {
                    Some(r) => (
                        plain.code_points(article, part, paragraph, r),
                        article.slice(r.clone()).to_owned(),
                    ),
                    None => (None, note.spot.quote.clone()),
                }
            }
            Place::Orphan => (None, note.spot.quote.clone()),
        };
        let mut out = Map::new();
        out.insert("id".into(), json!(format!("{iri}#note-{}", note.id)));
        out.insert("type".into(), json!("Annotation"));
        out.insert("motivation".into(), json!("commenting"));
        if let Some(created) = date(note.created) {
            out.insert("created".into(), json!(created));
        }
        if let Some(modified) = date(note.updated) {
            out.insert("modified".into(), json!(modified));
        }
        out.insert(
            "body".into(),
            json!([body("commenting", note.text.trim_end(), "")]),
        );
        out.insert("target".into(), target(article, &plain, range, &exact));
        items.push(Value::Object(out));
    }
    collection(article, article.meta.title.clone(), items)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Checks a collection against the model's rules and returns its annotations.
    pub(crate) fn validate(json: &str, text: &str) -> Vec<Value> {
        let value: Value = serde_json::from_str(json).unwrap();
        assert_eq!(value["@context"], CONTEXT);
        assert_eq!(value["type"], "AnnotationCollection");
        assert!(value["id"].is_string());
        let items = value["first"]["items"].as_array().unwrap().clone();
        assert_eq!(value["total"], items.len());
        let chars: Vec<char> = text.chars().collect();
        for item in &items {
            assert_eq!(item["type"], "Annotation");
            assert!(item["id"].is_string());
            let motivation = item["motivation"].as_str().unwrap();
            assert!(["assessing", "commenting"].contains(&motivation));
            let bodies = item["body"].as_array().unwrap();
            for body in bodies {
                assert_eq!(body["type"], "TextualBody");
                assert!(body["value"].is_string());
            }
            let assessing = bodies.iter().any(|b| b["purpose"] == "assessing");
            assert_eq!(assessing, motivation == "assessing");
            let selectors = item["target"]["selector"].as_array().unwrap();
            let quote = selectors
                .iter()
                .find(|s| s["type"] == "TextQuoteSelector")
                .unwrap();
            let exact = quote["exact"].as_str().unwrap();
            assert!(!exact.is_empty());
            if let Some(position) = selectors
                .iter()
                .find(|s| s["type"] == "TextPositionSelector")
            {
                let start = usize::try_from(position["start"].as_u64().unwrap()).unwrap();
                let end = usize::try_from(position["end"].as_u64().unwrap()).unwrap();
                assert!(start < end && end <= chars.len());
                let at: String = chars[start..end].iter().collect();
                assert_eq!(at, exact);
                let prefix = quote["prefix"].as_str().unwrap_or("");
                let before: String = chars[start - prefix.chars().count()..start]
                    .iter()
                    .collect();
                assert_eq!(before, prefix);
                assert!(prefix.chars().count() <= CONTEXT_CHARS);
                let suffix = quote["suffix"].as_str().unwrap_or("");
                let after: String = chars[end..end + suffix.chars().count()].iter().collect();
                assert_eq!(after, suffix);
            }
        }
        items
    }

    #[test]
    fn the_bundled_article_exports_as_valid_web_annotations() {
        let article = crate::content::load_bundled().unwrap().article;
        let json = export(&article);
        let plain = plain_text(&article);
        let items = validate(&json, &plain.text);
        assert_eq!(items.len(), article.annotations.len());
        let first = &items[1];
        assert_eq!(
            first["target"]["selector"][0]["exact"],
            "430 millions de modérateurs"
        );
        assert_eq!(first["motivation"], "assessing");
        let verdict = first["body"]
            .as_array()
            .unwrap()
            .iter()
            .find(|b| b["purpose"] == "assessing")
            .unwrap();
        assert_eq!(verdict["value"], "déformé");
        assert!(
            first["creator"]["name"]
                .as_str()
                .unwrap()
                .starts_with("Annotations écrites")
        );
        assert_eq!(json, export(&article), "deterministic");
    }

    #[test]
    fn positions_count_code_points_not_bytes() {
        let article = crate::tour::fixture::article();
        let plain = plain_text(&article);
        let items = validate(&export(&article), &plain.text);
        let figure = &items[0]["target"]["selector"];
        let start = figure[1]["start"].as_u64().unwrap();
        let byte = plain.text.find("430 millions").unwrap() as u64;
        assert!(
            start < byte,
            "accents before the figure take one code point each"
        );
    }
}

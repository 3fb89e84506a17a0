//! Writes an [`Article`] as the Rust code of `generated.rs`: one function building it field by
//! field. Strings are written with `{:?}`, whose output is a Rust string literal of the same
//! string.

use std::fmt::Write;
use std::ops::Range;

use crate::content::model::{Annotation, Article, Meta, Part, Source, TourStop};

/// The whole of `generated.rs` for `article`, built from files whose fingerprint is `fingerprint`.
pub fn rust(article: &Article, fingerprint: u64) -> String {
    let mut out = String::new();
    out.push_str(
        "// @generated from article/ by `GLOSE_BLESS=1 cargo test --lib bundled`: do not edit.\n\
         //! The bundled article, already checked and built (see `content::bundled`).\n\n\
         use crate::content::model::*;\n\n",
    );
    let _ = writeln!(
        out,
        "/// Fingerprint of the files this was built from.\n\
         pub const FINGERPRINT: u64 = {fingerprint:#018x};\n"
    );
    out.push_str("/// The article.\npub fn article() -> Article {\n    Article {\n");
    meta(&mut out, &article.meta);
    let _ = writeln!(out, "        text: s({:?}),", article.text);
    out.push_str("        parts: vec![\n");
    for part in &article.parts {
        self::part(&mut out, part);
    }
    out.push_str("        ],\n        annotations: vec![\n");
    for annotation in &article.annotations {
        self::annotation(&mut out, annotation);
    }
    out.push_str("        ],\n        sources: vec![\n");
    for source in &article.sources {
        self::source(&mut out, source);
    }
    out.push_str("        ],\n        tour: vec![\n");
    for stop in &article.tour {
        self::stop(&mut out, stop);
    }
    // The bundled article is plain prose: it has no Markdown blocks, styles or links. Were it
    // to get some, `the_generated_article_is_the_parsed_one` fails until this writes them.
    out.push_str(
        "        ],\n        blocks: Vec::new(),\n        styles: Vec::new(),\n        links: Vec::new(),\n    }\n}\n\n\
         fn s(text: &str) -> String {\n    text.to_owned()\n}\n\n\
         fn o(text: &str) -> Option<String> {\n    Some(text.to_owned())\n}\n",
    );
    out
}

/// `s("…")`.
fn string(text: &str) -> String {
    format!("s({text:?})")
}

/// `o("…")` or `None`.
fn optional(text: Option<&str>) -> String {
    text.map_or_else(|| "None".to_owned(), |t| format!("o({t:?})"))
}

/// `vec![s("…"), …]`.
fn strings(list: &[String]) -> String {
    let items: Vec<String> = list.iter().map(|t| string(t)).collect();
    format!("vec![{}]", items.join(", "))
}

/// `Some(…)` or `None` of anything written with `{:?}` after `prefix`.
fn maybe<T: std::fmt::Debug>(value: Option<T>, prefix: &str) -> String {
    value.map_or_else(|| "None".to_owned(), |v| format!("Some({prefix}{v:?})"))
}

fn range(range: &Range<usize>) -> String {
    format!("{}..{}", range.start, range.end)
}

fn meta(out: &mut String, meta: &Meta) {
    let _ = write!(
        out,
        "        meta: Meta {{\n\
         \x20           title: {},\n\
         \x20           author: {},\n\
         \x20           byline: {},\n\
         \x20           language: {},\n\
         \x20           publisher: {},\n\
         \x20           date: {},\n\
         \x20           url: {},\n\
         \x20           annotations_by: {},\n\
         \x20           editorial_parts: {},\n\
         \x20       }},\n",
        string(&meta.title),
        string(&meta.author),
        optional(meta.byline.as_deref()),
        string(&meta.language),
        optional(meta.publisher.as_deref()),
        optional(meta.date.as_deref()),
        optional(meta.url.as_deref()),
        optional(meta.annotations_by.as_deref()),
        strings(&meta.editorial_parts),
    );
}

fn part(out: &mut String, part: &Part) {
    let paragraphs: Vec<String> = part.paragraphs.iter().map(range).collect();
    let _ = write!(
        out,
        "            Part {{\n\
         \x20               id: {},\n\
         \x20               kind: PartKind::{:?},\n\
         \x20               heading: {},\n\
         \x20               paragraphs: vec![{}],\n\
         \x20           }},\n",
        string(&part.id),
        part.kind,
        string(&part.heading),
        paragraphs.join(", "),
    );
}

fn annotation(out: &mut String, a: &Annotation) {
    let _ = write!(
        out,
        "            Annotation {{\n\
         \x20               id: {},\n\
         \x20               kind: AnnotationKind::{:?},\n\
         \x20               range: {},\n\
         \x20               part: {},\n\
         \x20               paragraph: {},\n\
         \x20               source: {},\n\
         \x20               context: {},\n\
         \x20               verdict: {},\n\
         \x20               note: {},\n\
         \x20               questions: {},\n\
         \x20           }},\n",
        string(&a.id),
        a.kind,
        range(&a.range),
        a.part,
        a.paragraph,
        maybe(a.source, ""),
        string(&a.context),
        maybe(a.verdict, "Verdict::"),
        string(&a.note),
        strings(&a.questions),
    );
}

fn source(out: &mut String, source: &Source) {
    let _ = write!(
        out,
        "            Source {{\n\
         \x20               id: {},\n\
         \x20               author: {},\n\
         \x20               title: {},\n\
         \x20               publisher: {},\n\
         \x20               date: {},\n\
         \x20               kind: {},\n\
         \x20               url: {},\n\
         \x20               reference: {},\n\
         \x20               note: {},\n\
         \x20           }},\n",
        string(&source.id),
        string(&source.author),
        string(&source.title),
        optional(source.publisher.as_deref()),
        optional(source.date.as_deref()),
        string(&source.kind),
        optional(source.url.as_deref()),
        maybe(source.reference, ""),
        string(&source.note),
    );
}

fn stop(out: &mut String, stop: &TourStop) {
    let _ = write!(
        out,
        "            TourStop {{\n\
         \x20               title: {},\n\
         \x20               annotation: {},\n\
         \x20               part: {},\n\
         \x20               say: {},\n\
         \x20               questions: {},\n\
         \x20               minutes: {},\n\
         \x20               big: {},\n\
         \x20               poll: {},\n\
         \x20           }},\n",
        string(&stop.title),
        maybe(stop.annotation, ""),
        stop.part,
        string(&stop.say),
        strings(&stop.questions),
        stop.minutes,
        optional(stop.big.as_deref()),
        poll(stop.poll.as_ref()),
    );
}

fn poll(poll: Option<&crate::content::model::Poll>) -> String {
    use crate::content::model::Poll;
    match poll {
        None => "None".to_owned(),
        Some(Poll::Choices(choices)) => format!("Some(Poll::Choices({}))", strings(choices)),
        Some(Poll::Guess {
            unit,
            min,
            max,
            answer,
        }) => format!(
            "Some(Poll::Guess {{ unit: {}, min: {min}, max: {max}, answer: {answer:?} }})",
            string(unit)
        ),
    }
}

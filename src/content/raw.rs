//! The TOML files as written: a serde mirror of `article.toml`, `annotations.toml`,
//! `sources.toml` and `tour.toml`, before any cross-check.
//!
//! Every table rejects unknown keys. Values that later checks point at are `Spanned`, so an error
//! about them lands on their `line:column`. Each `[[part]]`, `[[annotation]]`, `[[source]]` and
//! `[[stop]]` is deserialised on its own, so one bad entry does not hide the problems of the
//! others. Strings here are raw: the caller sanitises them.

use serde::Deserialize;
use serde::de::DeserializeOwned;
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

use super::diagnostic::{Diagnostic, SourceText};
use super::model::{AnnotationKind, PartKind, Verdict};

/// `article.toml` without its `[[part]]` array.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMeta {
    pub title: Spanned<String>,
    pub author: String,
    pub byline: Option<String>,
    pub language: Spanned<String>,
    pub publisher: Option<String>,
    pub date: Option<String>,
    pub url: Option<Spanned<String>>,
    pub annotations_by: Option<String>,
    /// The text file's name, relative to the folder.
    pub text: Option<Spanned<String>>,
}

/// One `[[part]]` of `article.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPart {
    pub id: Spanned<String>,
    pub kind: PartKind,
    pub heading: Spanned<String>,
}

/// One `[[annotation]]` of `annotations.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAnnotation {
    pub id: Spanned<String>,
    pub kind: AnnotationKind,
    pub quote: Spanned<String>,
    pub prefix: Option<Spanned<String>>,
    pub suffix: Option<Spanned<String>>,
    pub source: Option<Spanned<String>>,
    pub verdict: Option<Verdict>,
    #[serde(default)]
    pub context: String,
    #[serde(default)]
    pub note: String,
    pub questions: Option<Spanned<Vec<String>>>,
}

/// What kind of document a source is; only checked, then kept as its name.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    Report,
    Press,
    Documentary,
    Book,
    Academic,
    Blog,
    Web,
    Court,
    Other,
}

impl SourceKind {
    /// The value as written in `sources.toml`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Report => "report",
            Self::Press => "press",
            Self::Documentary => "documentary",
            Self::Book => "book",
            Self::Academic => "academic",
            Self::Blog => "blog",
            Self::Web => "web",
            Self::Court => "court",
            Self::Other => "other",
        }
    }
}

/// One `[[source]]` of `sources.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    pub id: Spanned<String>,
    pub author: String,
    pub title: Spanned<String>,
    pub publisher: Option<String>,
    pub date: Option<String>,
    pub kind: SourceKind,
    pub url: Option<Spanned<String>>,
    pub reference: Option<Spanned<u32>>,
    #[serde(default)]
    pub note: String,
}

/// One `[[stop]]` of `tour.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawStop {
    pub title: Spanned<String>,
    pub annotation: Option<Spanned<String>>,
    pub part: Option<Spanned<String>>,
    #[serde(default)]
    pub say: String,
    pub questions: Option<Spanned<Vec<String>>>,
    pub minutes: Spanned<u32>,
    /// The figure in large type for the presenter (`430 M`).
    pub big: Option<Spanned<String>>,
}

/// A parsed TOML document, its root table with spans.
pub type Document<'a> = Spanned<DeTable<'a>>;

/// Parses a TOML document; a syntax error becomes a diagnostic at its position.
///
/// toml recovers after an error and reports what follows, but those later errors are mostly
/// echoes of the first one, so only the first (by position) is kept, as `toml::from_str` does.
pub fn parse<'a>(src: &SourceText<'a>) -> Result<Document<'a>, Diagnostic> {
    let (document, mut errors) = DeTable::parse_recoverable(src.text);
    errors.sort_by_key(|e| e.span().map_or(0, |s| s.start));
    match errors.first() {
        None => Ok(document),
        Some(error) => {
            let start = error.span().map_or(0, |s| s.start);
            Err(src
                .error_at(start, format!("invalid TOML: {}", toml_message(error)))
                .with_hint(
                    "see the TOML syntax at https://toml.io (strings need quotes, \
                            tables are [[name]])",
                ))
        }
    }
}

/// toml's message in our style: single quotes instead of backticks, TOML's word "key" rather
/// than serde's "field".
fn toml_message(error: &toml::de::Error) -> String {
    let message = error.message().replace('`', "'");
    let message = message.trim_end_matches('.');
    match message.strip_prefix("unknown field ") {
        Some(rest) => format!("unknown key {rest}"),
        None => match message.strip_prefix("missing field ") {
            Some(rest) => format!("missing key {rest}"),
            None => message.to_owned(),
        },
    }
}

/// Reports every top-level key of `document` that is not in `allowed`.
pub fn reject_unknown_keys(
    src: &SourceText<'_>,
    document: &Document<'_>,
    allowed: &[&str],
    diagnostics: &mut Vec<Diagnostic>,
) {
    for key in document.get_ref().keys() {
        let name: &str = key.get_ref();
        if !allowed.contains(&name) {
            let expected = allowed.iter().map(|k| format!("'{k}'")).collect::<Vec<_>>();
            let expected = match expected.as_slice() {
                [one] => one.clone(),
                _ => format!("one of {}", expected.join(", ")),
            };
            let mut diagnostic = src.error_at(
                key.span().start,
                format!("unknown key '{name}', expected {expected}"),
            );
            if let Some(close) = closest_name(name, allowed) {
                diagnostic = diagnostic.with_hint(format!("did you mean '{close}'?"));
            }
            diagnostics.push(diagnostic);
        }
    }
}

/// Deserialises each table of the array of tables `key` (`[[key]]`) on its own.
///
/// Returns the entries that deserialised, each with its 0-based index in the array and the span
/// of its table; every entry that did not gives a diagnostic. A missing key is an empty list.
pub fn entries<T: DeserializeOwned>(
    src: &SourceText<'_>,
    document: &Document<'_>,
    key: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<(usize, T, std::ops::Range<usize>)> {
    let Some(value) = document.get_ref().get(key) else {
        return Vec::new();
    };
    let DeValue::Array(items) = value.get_ref() else {
        diagnostics.push(
            src.error_at(
                value.span().start,
                format!(
                    "'{key}' must be an array of tables, found {}",
                    value.get_ref().type_str()
                ),
            )
            .with_hint(format!("write each entry under a '[[{key}]]' line")),
        );
        return Vec::new();
    };
    let mut out = Vec::with_capacity(items.len());
    for (index, item) in items.iter().enumerate() {
        let span = item.span();
        match T::deserialize(ValueDeserializer::from(item.clone())) {
            Ok(entry) => out.push((index, entry, span)),
            Err(error) => diagnostics.push(serde_diagnostic(src, &error, span.start)),
        }
    }
    out
}

/// Deserialises the root table minus the keys in `skip` (handled by [`entries`]).
pub fn root<T: DeserializeOwned>(
    src: &SourceText<'_>,
    document: &Document<'_>,
    skip: &[&str],
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<T> {
    let mut table = document.get_ref().clone();
    for key in skip {
        table.remove(*key);
    }
    let value = Spanned::new(document.span(), DeValue::Table(table));
    match T::deserialize(ValueDeserializer::from(value)) {
        Ok(root) => Some(root),
        Err(error) => {
            diagnostics.push(serde_diagnostic(src, &error, 0));
            None
        }
    }
}

/// A serde error (unknown key, wrong type, unknown variant, missing key) as a diagnostic, with a
/// "did you mean" hint when a close name exists.
fn serde_diagnostic(src: &SourceText<'_>, error: &toml::de::Error, fallback: usize) -> Diagnostic {
    let start = error.span().map_or(fallback, |s| s.start);
    let message = toml_message(error);
    let mut diagnostic = src.error_at(start, message.clone());
    if let Some(hint) = did_you_mean(&message) {
        diagnostic = diagnostic.with_hint(hint);
    } else if message.starts_with("missing key") {
        diagnostic = diagnostic.with_hint("add this key to the table (see FORMAT.md)");
    }
    diagnostic
}

/// French names people may type for the English values of `kind` and `verdict`.
const FRENCH_NAMES: [(&str, &str); 17] = [
    ("chiffre", "figure"),
    ("citation", "quote"),
    ("notion", "term"),
    ("terme", "term"),
    ("confirmé", "confirmed"),
    ("imprécis", "imprecise"),
    ("déformé", "misreported"),
    ("invérifiable", "unverifiable"),
    ("rapport", "report"),
    ("presse", "press"),
    ("documentaire", "documentary"),
    ("livre", "book"),
    ("académique", "academic"),
    ("tribunal", "court"),
    ("autre", "other"),
    ("partie", "part"),
    ("références", "references"),
];

/// For "unknown key 'x', expected one of 'a', 'b'" and "unknown variant …" messages, suggests
/// the closest expected name, or the English value of a French name.
fn did_you_mean(message: &str) -> Option<String> {
    let rest = message
        .strip_prefix("unknown key '")
        .or_else(|| message.strip_prefix("unknown variant '"))?;
    let (found, expected) = rest.split_once('\'')?;
    let names: Vec<&str> = expected.split('\'').skip(1).step_by(2).collect();
    let french = FRENCH_NAMES
        .iter()
        .find(|(fr, en)| fr.to_lowercase() == found.to_lowercase() && names.contains(en))
        .map(|(_, en)| *en);
    french
        .or_else(|| closest_name(found, &names))
        .map(|close| format!("did you mean '{close}'?"))
}

/// The name of `names` closest to `found`, if it is close enough to be a typo.
pub fn closest_name<'n>(found: &str, names: &[&'n str]) -> Option<&'n str> {
    names
        .iter()
        .map(|name| (strsim::jaro_winkler(found, name), *name))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, name)| name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn annotations(text: &str) -> (Vec<RawAnnotation>, Vec<Diagnostic>) {
        let src = SourceText::new("a.toml", text);
        let mut diagnostics = Vec::new();
        let document = parse(&src).unwrap();
        let entries = entries::<RawAnnotation>(&src, &document, "annotation", &mut diagnostics);
        (
            entries.into_iter().map(|(_, a, _)| a).collect(),
            diagnostics,
        )
    }

    #[test]
    fn each_entry_is_checked_on_its_own() {
        let text = "[[annotation]]\nid = \"a\"\nkind = \"figgure\"\nquote = \"x\"\n\n\
                    [[annotation]]\nid = \"b\"\nkind = \"figure\"\nquote = \"y\"\n\n\
                    [[annotation]]\nid = \"c\"\nkind = \"term\"\nquote = \"z\"\nqoute = 1\n";
        let (ok, diagnostics) = annotations(text);
        assert_eq!(ok.len(), 1);
        assert_eq!(diagnostics.len(), 2);
        assert_eq!((diagnostics[0].line, diagnostics[0].column), (3, 8));
        assert!(
            diagnostics[0]
                .message
                .starts_with("unknown variant 'figgure'")
        );
        assert_eq!(
            diagnostics[0].hint.as_deref(),
            Some("did you mean 'figure'?")
        );
        assert_eq!((diagnostics[1].line, diagnostics[1].column), (15, 1));
        assert_eq!(
            diagnostics[1].hint.as_deref(),
            Some("did you mean 'quote'?")
        );
    }

    #[test]
    fn a_syntax_error_gives_its_position() {
        let src = SourceText::new("a.toml", "[[annotation]]\nid = \"a\nkind = 3\n");
        let diagnostic = parse(&src).unwrap_err();
        assert_eq!((diagnostic.line, diagnostic.column), (2, 8));
        assert!(
            diagnostic
                .message
                .starts_with("invalid TOML: invalid basic string")
        );
    }

    #[test]
    fn unknown_root_keys_are_reported() {
        let src = SourceText::new("a.toml", "annotations = []\n");
        let document = parse(&src).unwrap();
        let mut diagnostics = Vec::new();
        reject_unknown_keys(&src, &document, &["annotation"], &mut diagnostics);
        assert_eq!(
            diagnostics[0].message,
            "unknown key 'annotations', expected 'annotation'"
        );
        assert_eq!(
            did_you_mean("unknown variant 'chiffre', expected one of 'figure', 'quote'").as_deref(),
            Some("did you mean 'figure'?")
        );
        assert_eq!(
            diagnostics[0].hint.as_deref(),
            Some("did you mean 'annotation'?")
        );
    }
}

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
    /// The heading is the editors', not the author's.
    pub editorial: Option<bool>,
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

/// The entries of an array of tables: each with its 0-based index in the array and the span of
/// its table.
pub type Entries<T> = Vec<(usize, T, std::ops::Range<usize>)>;

/// Deserialises each table of the array of tables `key` (`[[key]]`) on its own.
///
/// Returns the entries that deserialised, each with its 0-based index in the array and the span
/// of its table; every entry that did not gives a diagnostic. A missing key is an empty list.
pub fn entries<T: DeserializeOwned>(
    src: &SourceText<'_>,
    document: &Document<'_>,
    key: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Entries<T> {
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

/// A file made of one array of tables `[[key]]` and nothing else (`annotations.toml`,
/// `sources.toml`): its entries, and whether every one could be read; `None` when it does not
/// parse. Every problem is a diagnostic.
pub fn array_file<T: DeserializeOwned>(
    src: &SourceText<'_>,
    key: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<(Entries<T>, bool)> {
    let document = match parse(src) {
        Ok(document) => document,
        Err(diagnostic) => {
            diagnostics.push(diagnostic);
            return None;
        }
    };
    reject_unknown_keys(src, &document, &[key], diagnostics);
    let errors_before = diagnostics.len();
    let entries = entries::<T>(src, &document, key, diagnostics);
    Some((entries, diagnostics.len() == errors_before))
}

/// An entry whose spans can be moved: what was parsed from a piece of a file, made to point into
/// the whole file.
pub trait Shift {
    /// The same entry with `offset` added to every span.
    #[must_use]
    fn shift(self, offset: usize) -> Self;
}

fn shift<T>(value: Spanned<T>, offset: usize) -> Spanned<T> {
    let span = value.span();
    Spanned::new(span.start + offset..span.end + offset, value.into_inner())
}

impl Shift for RawAnnotation {
    fn shift(self, offset: usize) -> Self {
        // Taken apart field by field, so that a new `Spanned` field cannot be forgotten here.
        let Self {
            id,
            kind,
            quote,
            prefix,
            suffix,
            source,
            verdict,
            context,
            note,
            questions,
        } = self;
        Self {
            id: shift(id, offset),
            kind,
            quote: shift(quote, offset),
            prefix: prefix.map(|p| shift(p, offset)),
            suffix: suffix.map(|s| shift(s, offset)),
            source: source.map(|s| shift(s, offset)),
            verdict,
            context,
            note,
            questions: questions.map(|q| shift(q, offset)),
        }
    }
}

/// What [`array_file`] returns for a document made of nothing but `[[key]]` tables, read one
/// table at a time; `None` whenever the document is anything else, or anything goes wrong, and
/// then the caller parses the whole document with [`array_file`], which gives every diagnostic.
/// This is only a lighter way to the same result for a good file: parsing a whole TOML document
/// holds its tokens, its events and its tree at once, about 20 times its size (50 MB for 18 000
/// annotations), where a table at a time holds a few KB.
///
/// The text is cut before every line that begins with `[[key]]`. The cuts are sound when every
/// piece parses without error and holds nothing but `key`:
/// - A line start is outside any token except a multi-line string, array or inline table (a
///   comment or a one-line string ends with its line). A cut inside one of those leaves it open
///   at the end of the piece before, which then fails to parse. So when every piece parses, each
///   one ends between two expressions, and the whole text reads as the pieces one after another.
/// - The first piece (before the first cut) must define nothing: a key there (`key = [...]`, a
///   `[table]`, an indented `[[key]]`) could clash with the tables that follow.
/// - Every other piece begins with a `[[key]]` header, which starts a new table of the array:
///   everything after it belongs to that table (or to a later one of the same piece) until a
///   header names another root key, which is refused. So no key of one piece can meet a key of
///   another (no duplicate key or table across pieces), and the array is the pieces' arrays end
///   to end.
///
/// An entry that does not deserialise also gives `None`, so that its diagnostic comes from the
/// whole-document path. Spans are moved by each piece's offset ([`Shift`]) and so are exactly
/// those of the whole-document parse.
pub fn entries_by_table<T: DeserializeOwned + Shift>(text: &str, key: &str) -> Option<Entries<T>> {
    let header = format!("[[{key}]]");
    let starts = text.starts_with(&header).then_some(0);
    let mut cuts: Vec<usize> = starts
        .into_iter()
        .chain(
            text.match_indices(&format!("\n{header}"))
                .map(|(at, _)| at + 1),
        )
        .collect();
    if cuts.is_empty() {
        return None; // one piece: nothing to gain
    }
    cuts.push(text.len());
    let first = text.get(..cuts.first().copied().unwrap_or(0))?;
    let (document, errors) = DeTable::parse_recoverable(first);
    if !errors.is_empty() || !document.get_ref().is_empty() {
        return None;
    }
    // About one entry per piece.
    let mut out = Vec::with_capacity(cuts.len());
    for piece in cuts.windows(2) {
        let &[start, end] = piece else {
            return None;
        };
        let (document, errors) = DeTable::parse_recoverable(text.get(start..end)?);
        if !errors.is_empty() {
            return None;
        }
        let mut root = document.into_inner().into_iter();
        let (Some((name, value)), None) = (root.next(), root.next()) else {
            return None;
        };
        let DeValue::Array(items) = value.into_inner() else {
            return None;
        };
        if name.get_ref() != key {
            return None;
        }
        for item in items {
            let span = item.span();
            let entry = T::deserialize(ValueDeserializer::from(item)).ok()?;
            out.push((
                out.len(),
                entry.shift(start),
                span.start + start..span.end + start,
            ));
        }
    }
    Some(out)
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

    /// `annotations.toml` read whole, as when [`entries_by_table`] declines: the entries and
    /// every diagnostic.
    fn whole<T: DeserializeOwned>(text: &str) -> (Entries<T>, Vec<Diagnostic>) {
        let src = SourceText::new("a.toml", text);
        let mut diagnostics = Vec::new();
        let entries = array_file::<T>(&src, "annotation", &mut diagnostics);
        (entries.map(|(e, _)| e).unwrap_or_default(), diagnostics)
    }

    /// Whether [`entries_by_table`] reads `text` (rather than declining), checking that when it
    /// does, the file is good and the entries and their spans are those of the whole parse.
    fn read_by_table<T: DeserializeOwned + Shift + std::fmt::Debug>(text: &str) -> bool {
        let Some(by_table) = entries_by_table::<T>(text, "annotation") else {
            return false;
        };
        let (whole, diagnostics) = whole::<T>(text);
        assert!(
            diagnostics.is_empty(),
            "read by table but the file is wrong: {diagnostics:?}\n{text}"
        );
        // `Spanned`'s `Debug` shows the span (its `PartialEq` ignores it).
        assert_eq!(format!("{by_table:?}"), format!("{whole:?}"), "{text}");
        true
    }

    const ENTRY: &str =
        "[[annotation]]\nid = \"a\"\nkind = \"term\"\nquote = \"q\"\ncontext = \"c\"\n";

    #[test]
    fn the_bundled_annotations_are_read_a_table_at_a_time() {
        let text = include_str!("../../article/annotations.toml");
        assert!(read_by_table::<RawAnnotation>(text));
        let entries = entries_by_table::<RawAnnotation>(text, "annotation").unwrap();
        assert_eq!(entries.len(), text.matches("\n[[annotation]]").count());
        // The spans point into the whole file.
        let (_, entry, span) = &entries[1];
        assert_eq!(&text[span.clone()], "[[annotation]]");
        assert_eq!(&text[entry.id.span()], "\"fig-430-millions\"");
        let questions = entry.questions.as_ref().unwrap().span();
        assert!(text[questions].starts_with("[\n  \"Qu’est-ce"));
    }

    #[test]
    fn good_files_are_read_a_table_at_a_time() {
        let two = format!("{ENTRY}\n{}", ENTRY.replace("\"a\"", "\"b\""));
        let read = [
            // Comments and blank lines before, between and after the tables.
            format!("# head\n\n{ENTRY}# between\n\n{ENTRY}\n# tail"),
            // CRLF line ends; no line end at the end.
            two.replace('\n', "\r\n"),
            two.trim_end().to_owned(),
            // Multi-line strings holding lines that look like headers but are not cuts.
            ENTRY.replace(
                "context = \"c\"",
                "context = \"\"\"c\n [[annotation]]\n[[x]]\"\"\"\nnote = '''n\n[[annotationx'''",
            ),
            // Dotted keys and a multi-line array.
            ENTRY.replace(
                "quote = \"q\"",
                "quote = \"q\"\nquestions = [\n\"a\",\n\"b\",\n]",
            ),
        ];
        for text in &read {
            assert!(read_by_table::<RawAnnotation>(text), "{text}");
        }
        // A header that does not start its line is not a cut: two tables in one piece.
        let indented = format!("{ENTRY}  {ENTRY}{ENTRY}");
        assert!(read_by_table::<RawAnnotation>(&indented));
        let entries = entries_by_table::<RawAnnotation>(&indented, "annotation").unwrap();
        let ids: Vec<&str> = entries
            .iter()
            .map(|(_, e, _)| e.id.get_ref().as_str())
            .collect();
        assert_eq!(ids, ["a", "a", "a"]);
        let spaced = format!("{ENTRY}[[ annotation ]]{}", &ENTRY[14..]);
        assert!(read_by_table::<RawAnnotation>(&spaced));
    }

    #[test]
    fn sub_tables_are_read_a_table_at_a_time() {
        #[derive(Debug, Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Entry {
            id: Spanned<String>,
            sub: Option<Spanned<Sub>>,
            list: Option<Vec<Spanned<Sub>>>,
        }
        #[derive(Debug, Deserialize)]
        struct Sub {
            x: Spanned<i64>,
        }
        impl Shift for Entry {
            fn shift(self, offset: usize) -> Self {
                let shift_sub = |s: Spanned<Sub>| {
                    let span = s.span();
                    let x = shift(s.into_inner().x, offset);
                    Spanned::new(span.start + offset..span.end + offset, Sub { x })
                };
                Self {
                    id: shift(self.id, offset),
                    sub: self.sub.map(shift_sub),
                    list: self.list.map(|l| l.into_iter().map(shift_sub).collect()),
                }
            }
        }
        let text = "[[annotation]]\nid = \"a\"\n[annotation.sub]\nx = 1\n\n\
                    [[annotation]]\nid = \"b\"\n[[annotation.list]]\nx = 2\n\
                    [[annotation.list]]\nx = 3\n[annotation.sub]\nx = 4\n\
                    [[annotation]]\nid = \"c\"\nsub = { x = 5 }\n";
        assert!(read_by_table::<Entry>(text));
    }

    #[test]
    fn anything_else_is_declined_and_read_whole() {
        let declined = [
            // A cut inside a multi-line string, array or inline table leaves it open.
            ENTRY.replace(
                "context = \"c\"",
                "context = \"\"\"c\n[[annotation]]\n\"\"\"",
            ),
            ENTRY.replace("context = \"c\"", "context = '''c\n[[annotation]]\n'''"),
            ENTRY.replace("kind", "questions = [\n\"a\",\n[[annotation]]\n]\nkind"),
            ENTRY.replace("kind", "x = {\na = 1,\n[[annotation]]\n}\nkind"),
            // Something before the first header.
            format!("annotation = []\n{ENTRY}"),
            format!("[other]\n{ENTRY}"),
            format!("  {ENTRY}{ENTRY}"),
            format!("\u{feff}{ENTRY}{ENTRY}"),
            // Another root table after the first header, or the same table twice.
            format!("{ENTRY}[other]\nx = 1\n{ENTRY}"),
            format!("{ENTRY}[annotation]\nx = 1\n{ENTRY}"),
            format!("{ENTRY}id = \"b\"\n{ENTRY}"),
            // An entry that does not deserialise, a syntax error, no header at all.
            format!("{ENTRY}{}", ENTRY.replace("term", "terme")),
            format!("{ENTRY}{}", ENTRY.replace("\"q\"", "\"q")),
            ENTRY.replace("[[annotation]]", "[annotation]"),
            String::new(),
            "# only a comment\n".to_owned(),
        ];
        for text in &declined {
            assert!(!read_by_table::<RawAnnotation>(text), "{text}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]

        /// Whatever the file, reading by table gives the result of the whole parse, or declines.
        /// Files are made of good entries with a stray line here and there.
        #[test]
        fn reading_by_table_is_reading_whole(
            pieces in proptest::collection::vec(proptest::prop_oneof![
                4 => proptest::sample::select(ENTRIES.to_vec()),
                1 => proptest::sample::select(LINES.to_vec()),
            ], 0..16)
        ) {
            read_by_table::<RawAnnotation>(&pieces.concat());
        }
    }

    /// Good entries for the property above.
    const ENTRIES: [&str; 6] = [
        ENTRY,
        "[[annotation]]\r\nid = \"c\"\r\nkind = \"figure\"\r\nquote = \"r\"\r\nnote = \"n\"\r\n",
        "[[annotation]] # c\nid = \"d\"\nkind = \"term\"\nquote = \"s\"\n\n# c\nnote = \"\"\"x\n\ny\"\"\"\n\n",
        "[[annotation]]\nid = \"e\"\nkind = \"term\"\nquote = \"t\"\nnote = '''\n[[annotation]]\n'''\n",
        "[[annotation]]\nid = \"f\"\nkind = \"term\"\nquote = \"u\"\nnote = \"n\"\nquestions = [\n\"a\",\n]\n",
        "  [[annotation]]\nid = \"g\"\nkind = \"term\"\nquote = \"v\"\ncontext = \"c\"\n",
    ];

    /// Stray lines for the property above: headers (some not at a line start), keys, and the
    /// openings and closings of multi-line strings, arrays and inline tables.
    const LINES: [&str; 31] = [
        "[[annotation]]\n",
        "  [[annotation]]\n",
        "[annotation]\n",
        "[annotation.quote]\n",
        "[[annotation.questions]]\n",
        "[other]\n",
        "[[annotation]] # c\n",
        "[[annotation]]",
        "id = \"a\"\n",
        "id = \"b\"\n",
        "kind = \"term\"\n",
        "quote = \"q\"\n",
        "context = \"c\"\n",
        "note = \"n\"\r\n",
        "note = \"\"\"\n",
        "\"\"\"\n",
        "note = '''\n",
        "'''\n",
        "questions = [\n",
        "\"x\",\n",
        "]\n",
        "prefix = {\n",
        "}\n",
        "# comment\n",
        "\n",
        "x = 1\n",
        "annotation = []\n",
        "quote.x = 1\n",
        "é",
        "[[annotation]]\nid = \"c\"\nkind = \"figure\"\nquote = \"r\"\nnote = \"n\"\n",
        "\u{feff}",
    ];

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

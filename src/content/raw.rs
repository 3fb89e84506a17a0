//! The TOML files as written: a serde mirror of `article.toml`, `annotations.toml`,
//! `sources.toml` and `tour.toml`, before any cross-check.
//!
//! Every table rejects unknown keys. Values that later checks point at are `Spanned`, so an error
//! about them lands on their `line:column`. Each `[[part]]`, `[[annotation]]`, `[[source]]` and
//! `[[stop]]` is deserialised on its own, so one bad entry does not hide the problems of the
//! others. Strings here are raw: the caller sanitises them.

use crate::content::diagnostic::lang;
use crate::i18n::diagnostics::files as msg;
use serde::Deserialize;
use toml::Spanned;
use toml::de::{DeArray, DeString, DeTable, DeValue};

use super::diagnostic::{Diagnostic, SourceText};
use super::model::{AnnotationKind, PartKind, Verdict};
mod entries;

pub use entries::{
    Entries, Read, array_file, closest_name, entries, entries_by_table, reject_unknown_keys, root,
};

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
    /// A vote among these answers.
    pub poll: Option<Spanned<Vec<String>>>,
    /// A number to guess.
    pub guess: Option<Spanned<RawGuess>>,
}

/// `guess = { unit = "millions", min = 0, max = 1000, answer = 435 }` in a `[[stop]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawGuess {
    #[serde(default)]
    pub unit: String,
    pub min: u32,
    pub max: u32,
    pub answer: Option<u32>,
}

/// A parsed TOML document, its root table with spans.
pub type Document<'a> = Spanned<DeTable<'a>>;

/// A file parsed as far as it could be.
pub struct Parsed<'a> {
    /// Everything that parsed, spans pointing into the whole file.
    pub document: Document<'a>,
    /// Whether the root keys before the first `[[key]]` parsed (a syntax error there leaves
    /// them unknown, and then their checks are skipped).
    pub head: bool,
    /// Whether the whole file parsed.
    pub complete: bool,
    /// The ids of the `[[key]]` entries that did not parse, with where each is, when they
    /// could be read: a tour stop naming one is not told that it names nothing.
    pub broken_ids: Vec<(String, usize)>,
    /// Whether some piece that did not parse has no readable id: then any id may be missing,
    /// and "unknown id" checks against this file are skipped.
    pub unknown_ids: bool,
}

/// Parses a TOML document made of root keys and `[[key]]` entries, and reports its syntax
/// errors.
///
/// A file with a syntax error is read again one piece at a time, cut before every line that
/// begins with `[[key]]`: each piece that parses is kept, and each piece that does not gives one
/// diagnostic (its first error; toml's later ones are mostly echoes). So a typo in one
/// annotation leaves the others checked.
pub fn parse_file<'a>(
    src: &SourceText<'a>,
    key: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Parsed<'a> {
    let (document, errors) = DeTable::parse_recoverable(src.text);
    if errors.is_empty() {
        return Parsed {
            document,
            head: true,
            complete: true,
            broken_ids: Vec::new(),
            unknown_ids: false,
        };
    }
    let mut root = DeTable::new();
    let mut head = true;
    let mut broken_ids = Vec::new();
    let mut unknown_ids = false;
    let mut items: Option<(Spanned<DeString<'a>>, std::ops::Range<usize>, DeArray<'a>)> = None;
    for (n, piece) in pieces(src.text, key).into_iter().enumerate() {
        let Some(text) = src.text.get(piece.clone()) else {
            continue;
        };
        let (document, mut errors) = DeTable::parse_recoverable(text);
        if !errors.is_empty() {
            errors.sort_by_key(|e| e.span().map_or(0, |s| s.start));
            if let Some(error) = errors.first() {
                diagnostics.push(syntax_diagnostic(src, error, piece.start));
            }
            if n == 0 {
                head = false;
            }
            let id = document
                .get_ref()
                .get(key)
                .and_then(|v| v.get_ref().as_array())
                .and_then(|a| a.first())
                .and_then(|t| t.get_ref().get("id"))
                .and_then(|id| Some((id.get_ref().as_str()?.to_owned(), id.span().start)));
            match id.or_else(|| id_line(text)) {
                Some((id, at)) => broken_ids.push((id, at + piece.start)),
                None => unknown_ids = true,
            }
            continue;
        }
        for (name, value) in document.into_inner() {
            let name = shift_key(name, piece.start);
            let value = shift_value(value, piece.start);
            if name.get_ref() == key
                && let DeValue::Array(array) = value.get_ref()
            {
                let span = value.span();
                let (_, _, merged) =
                    items.get_or_insert_with(|| (name.clone(), span, DeArray::new()));
                for item in array.iter() {
                    merged.push(item.clone());
                }
            } else if !root.contains_key(name.get_ref().as_ref()) {
                root.insert(name, value);
            }
        }
    }
    if let Some((name, span, array)) = items {
        root.insert(name, Spanned::new(span, DeValue::Array(array)));
    }
    Parsed {
        document: Spanned::new(0..src.text.len(), root),
        head,
        complete: false,
        broken_ids,
        unknown_ids,
    }
}

/// The first line `id = "…"` of a piece that does not parse, read by hand: its id and where
/// its value begins.
fn id_line(text: &str) -> Option<(String, usize)> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let Some(rest) = line.trim_start().strip_prefix("id") else {
            continue;
        };
        let Some(value) = rest.trim_start().strip_prefix('=') else {
            continue;
        };
        let value = value.trim();
        let quote = value.chars().next().filter(|c| *c == '"' || *c == '\'')?;
        let inner = value.get(1..)?;
        let end = inner.find(quote)?;
        let id = inner.get(..end)?;
        let at = start + line.find(value)?;
        return Some((id.to_owned(), at));
    }
    None
}

/// Byte ranges of `text` cut before every line that begins with `[[key]]`.
fn pieces(text: &str, key: &str) -> Vec<std::ops::Range<usize>> {
    let header = format!("[[{key}]]");
    let mut cuts = vec![0];
    cuts.extend(
        text.match_indices(&format!("\n{header}"))
            .map(|(at, _)| at + 1),
    );
    cuts.push(text.len());
    cuts.dedup();
    cuts.windows(2)
        .filter_map(|w| match w {
            &[a, b] => Some(a..b),
            _ => None,
        })
        .collect()
}

fn shift_key<'a>(key: Spanned<DeString<'a>>, offset: usize) -> Spanned<DeString<'a>> {
    let span = key.span();
    Spanned::new(span.start + offset..span.end + offset, key.into_inner())
}

/// The same value with `offset` added to every span in it.
fn shift_value<'a>(value: Spanned<DeValue<'a>>, offset: usize) -> Spanned<DeValue<'a>> {
    let span = value.span();
    let inner = match value.into_inner() {
        DeValue::Array(mut array) => {
            for item in array.iter_mut() {
                let taken = std::mem::replace(item, Spanned::new(0..0, DeValue::Boolean(false)));
                *item = shift_value(taken, offset);
            }
            DeValue::Array(array)
        }
        DeValue::Table(table) => DeValue::Table(
            table
                .into_iter()
                .map(|(k, v)| (shift_key(k, offset), shift_value(v, offset)))
                .collect(),
        ),
        other => other,
    };
    Spanned::new(span.start + offset..span.end + offset, inner)
}

/// A TOML syntax error, at `offset` plus its position in the piece parsed, in plain words.
fn syntax_diagnostic(src: &SourceText<'_>, error: &toml::de::Error, offset: usize) -> Diagnostic {
    let start = error.span().map_or(0, |s| s.start) + offset;
    let toml = error.message().replace('`', "'");
    let toml = toml.trim_end_matches('.').replace('\n', "; ");
    let (message, hint) = if toml.contains("duplicate key") {
        (
            msg::key_given_twice_same_table(lang(), &toml),
            msg::keep_one_two_lines_start(lang()),
        )
    } else if toml.contains("string") {
        (
            msg::text_quotes_not_closed_properly(lang(), &toml),
            msg::text_ends_same_line_inside(lang()),
        )
    } else {
        (
            msg::line_not_valid_toml(lang(), &toml),
            msg::each_line_name_value_texts(lang()),
        )
    };
    src.error_at(start, message).with_hint(hint)
}

/// Parses a TOML document; a syntax error becomes a diagnostic at its position.
///
/// toml recovers after an error and reports what follows, but those later errors are mostly
/// echoes of the first one, so only the first (by position) is kept, as `toml::from_str` does.
#[cfg(test)]
#[allow(clippy::result_large_err)]
pub fn parse<'a>(src: &SourceText<'a>) -> Result<Document<'a>, Diagnostic> {
    let (document, mut errors) = DeTable::parse_recoverable(src.text);
    errors.sort_by_key(|e| e.span().map_or(0, |s| s.start));
    match errors.first() {
        None => Ok(document),
        Some(error) => Err(syntax_diagnostic(src, error, 0)),
    }
}

#[cfg(test)]
mod tests {
    use serde::de::DeserializeOwned;
    use toml::de::ValueDeserializer;

    use super::entries::{Shift, shift};
    use super::*;
    use crate::content::schema;

    fn annotations(text: &str) -> (Vec<RawAnnotation>, Vec<Diagnostic>) {
        let src = SourceText::new("a.toml", text);
        let mut diagnostics = Vec::new();
        let document = parse(&src).unwrap();
        let read = entries::<RawAnnotation>(&src, &document, &schema::ANNOTATION, &mut diagnostics);
        (
            read.entries.into_iter().map(|(_, a, _)| a).collect(),
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
        assert_eq!(
            diagnostics[0].message,
            "kind must be one of figure, quote, source, term"
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
                .starts_with("a text in quotes is not closed properly"),
            "{diagnostic}"
        );
    }

    #[test]
    fn a_syntax_error_leaves_the_other_entries_read() {
        let text = format!(
            "{ENTRY}\n[[annotation]]\nid = \"b\"\nquote = \"oops\n\n{}",
            ENTRY.replace("\"a\"", "\"c\"")
        );
        let src = SourceText::new("a.toml", &text);
        let mut diagnostics = Vec::new();
        let read = array_file::<RawAnnotation>(&src, &schema::ANNOTATION, &mut diagnostics);
        assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
        assert_eq!((diagnostics[0].line, diagnostics[0].column), (9, 14));
        let ids: Vec<&str> = read
            .entries
            .iter()
            .map(|(_, e, _)| e.id.get_ref().as_str())
            .collect();
        assert_eq!(ids, ["a", "c"]);
        // The spans point into the whole file.
        let (_, c, _) = &read.entries[1];
        assert_eq!(&text[c.id.span()], "\"c\"");
        assert_eq!(read.broken_ids.len(), 1);
        let (id, at) = &read.broken_ids[0];
        assert_eq!((id.as_str(), &text[*at..*at + 3]), ("b", "\"b\""));
        assert!(!read.complete);
    }

    /// `annotations.toml` read whole, as when [`entries_by_table`] declines: the entries and
    /// every diagnostic.
    fn whole<T: DeserializeOwned>(text: &str) -> (Entries<T>, Vec<Diagnostic>) {
        let src = SourceText::new("a.toml", text);
        let mut diagnostics = Vec::new();
        let Ok(document) = parse(&src) else {
            return (Vec::new(), vec![Diagnostic::error("a.toml", "syntax")]);
        };
        reject_unknown_keys(&src, &document, &["annotation"], &mut diagnostics);
        let mut entries = Vec::new();
        if let Some(value) = document.get_ref().get("annotation") {
            let DeValue::Array(items) = value.get_ref() else {
                return (
                    Vec::new(),
                    vec![Diagnostic::error("a.toml", "not an array")],
                );
            };
            for (index, item) in items.iter().enumerate() {
                match T::deserialize(ValueDeserializer::from(item.clone())) {
                    Ok(entry) => entries.push((index, entry, item.span())),
                    Err(_) => diagnostics.push(Diagnostic::error("a.toml", "entry")),
                }
            }
        }
        (entries, diagnostics)
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
            schema::did_you_mean("chiffre", &["figure", "quote"]).as_deref(),
            Some("did you mean 'figure'?")
        );
        assert_eq!(
            diagnostics[0].hint.as_deref(),
            Some("did you mean 'annotation'?")
        );
    }
}

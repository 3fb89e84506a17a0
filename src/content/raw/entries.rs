//! Reading a file's entries one by one (`[[part]]`, `[[annotation]]`, `[[source]]`, `[[stop]]`),
//! so that one bad entry does not hide the problems of the others.

use crate::content::diagnostic::lang;
use crate::i18n::diagnostics::files as msg;
use serde::de::DeserializeOwned;
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

use super::{Document, RawAnnotation, parse_file};
use crate::content::diagnostic::{Diagnostic, SourceText};
use crate::content::schema;

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
            let hint = schema::did_you_mean(name, allowed).unwrap_or_else(schema::remove_key);
            diagnostics.push(
                src.error_at(key.span().start, schema::unknown_key(name, allowed))
                    .with_hint(hint),
            );
        }
    }
}

/// The entries of an array of tables: each with its 0-based index in the array and the span of
/// its table.
pub type Entries<T> = Vec<(usize, T, std::ops::Range<usize>)>;

/// The entries of an array of tables that could be read, and what is known of the others.
pub struct Read<T> {
    pub entries: Entries<T>,
    /// Whether every entry could be read (and the file parsed).
    pub complete: bool,
    /// The ids of the entries that could not be read, with where each is.
    pub broken_ids: Vec<(String, usize)>,
    /// Whether some entry that could not be read has no readable id.
    pub unknown_ids: bool,
}

impl<T> Read<T> {
    fn empty() -> Self {
        Self {
            entries: Vec::new(),
            complete: true,
            broken_ids: Vec::new(),
            unknown_ids: false,
        }
    }
}

/// Checks and deserialises each table of the array of tables `[[table.name]]` on its own.
///
/// Every entry that is not right gives its diagnostics (from [`schema::check`]); the others are
/// returned, each with its 0-based index in the array and the span of its table. A missing key
/// is an empty list.
pub fn entries<T: DeserializeOwned>(
    src: &SourceText<'_>,
    document: &Document<'_>,
    table: &schema::Table,
    diagnostics: &mut Vec<Diagnostic>,
) -> Read<T> {
    let key = table.name;
    let mut read = Read::empty();
    let Some(value) = document.get_ref().get(key) else {
        return read;
    };
    let DeValue::Array(items) = value.get_ref() else {
        let found = value.get_ref().type_str();
        diagnostics.push(
            src.error_at(
                value.span().start,
                msg::list_entries_each_under_line(lang(), &key, &found),
            )
            .with_hint(msg::write_each_entry_under_line(lang(), &key)),
        );
        read.complete = false;
        return read;
    };
    read.entries.reserve(items.len());
    for (index, item) in items.iter().enumerate() {
        let span = item.span();
        let good = match item.get_ref() {
            DeValue::Table(entry) => {
                let good = schema::check(src, table, entry, &[], span.start, diagnostics);
                if !good {
                    match entry
                        .get("id")
                        .and_then(|id| Some((id.get_ref().as_str()?, id.span())))
                    {
                        Some((name, span)) => read.broken_ids.push((name.to_owned(), span.start)),
                        None => read.unknown_ids = true,
                    }
                }
                good
            }
            _ => {
                diagnostics
                    .push(src.error_at(span.start, msg::each_entry_table_under_line(lang(), &key)));
                false
            }
        };
        if !good {
            read.complete = false;
            continue;
        }
        match T::deserialize(ValueDeserializer::from(item.clone())) {
            Ok(entry) => read.entries.push((index, entry, span)),
            Err(_) => {
                read.complete = false;
                diagnostics.push(src.error_at(span.start, msg::entry_unreadable(lang(), &key)));
            }
        }
    }
    read
}

/// A file made of one array of tables and nothing else (`annotations.toml`, `sources.toml`,
/// `tour.toml`): the entries that could be read, whatever else is wrong. Every problem is a
/// diagnostic.
pub fn array_file<T: DeserializeOwned>(
    src: &SourceText<'_>,
    table: &schema::Table,
    diagnostics: &mut Vec<Diagnostic>,
) -> Read<T> {
    let parsed = parse_file(src, table.name, diagnostics);
    reject_unknown_keys(src, &parsed.document, &[table.name], diagnostics);
    let mut read = entries::<T>(src, &parsed.document, table, diagnostics);
    read.complete &= parsed.complete;
    read.broken_ids.extend(parsed.broken_ids);
    read.unknown_ids |= parsed.unknown_ids;
    read
}

/// An entry whose spans can be moved: what was parsed from a piece of a file, made to point into
/// the whole file.
pub trait Shift {
    /// The same entry with `offset` added to every span.
    #[must_use]
    fn shift(self, offset: usize) -> Self;
}

pub(super) fn shift<T>(value: Spanned<T>, offset: usize) -> Spanned<T> {
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

/// Checks and deserialises the root table, leaving out the keys in `skip` (handled by
/// [`entries`]).
pub fn root<T: DeserializeOwned>(
    src: &SourceText<'_>,
    document: &Document<'_>,
    table: &schema::Table,
    skip: &[&str],
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<T> {
    if !schema::check(src, table, document.get_ref(), skip, 0, diagnostics) {
        return None;
    }
    let mut root = document.get_ref().clone();
    for key in skip {
        root.remove(*key);
    }
    let value = Spanned::new(document.span(), DeValue::Table(root));
    match T::deserialize(ValueDeserializer::from(value)) {
        Ok(root) => Some(root),
        Err(_) => {
            let file = table.name;
            diagnostics.push(src.error_at(0, msg::file_unreadable(lang(), &file)));
            None
        }
    }
}

/// The name of `names` closest to `found`, if it is close enough to be a typo.
pub fn closest_name<'n>(found: &str, names: &[&'n str]) -> Option<&'n str> {
    schema::closest_name(found, names)
}

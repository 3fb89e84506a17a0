//! Finding each record's words in the text: its `TextQuoteSelector` with the loader's own
//! matching rules, `prefix` / `suffix` cut to the fewest words that pick one place.

use std::ops::Range;

use super::Record;
use crate::content::Article;
use crate::content::anchor::{Haystack, Miss};

/// What happened to one record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Anchoring {
    /// Anchored: the words, and the prefix/suffix needed to pick them (possibly empty).
    Anchored {
        range: Range<usize>,
        prefix: Option<String>,
        suffix: Option<String>,
    },
    /// The words are not in the text (or the record quotes nothing).
    Orphan,
    /// The words occur several times and the record's context does not pick one.
    Ambiguous(usize),
    /// The words overlap an annotation already there (its id), or another imported one.
    Overlaps(String),
}

/// The paragraph-local end of a prefix (after its last line break), and start of a suffix.
fn prefix_in_paragraph(prefix: &str) -> &str {
    prefix.rsplit('\n').next().unwrap_or("")
}

fn suffix_in_paragraph(suffix: &str) -> &str {
    suffix.split('\n').next().unwrap_or("")
}

/// The shortest tails of `words` (word by word), the whole of it last.
fn tails(words: &str) -> Vec<&str> {
    let mut out: Vec<&str> = words
        .char_indices()
        .filter(|&(i, c)| i > 0 && c == ' ')
        .map(|(i, _)| words.get(i..).unwrap_or(""))
        .filter(|t| !t.trim().is_empty())
        .collect();
    out.reverse();
    out.push(words);
    out
}

/// The shortest heads of `words`, the whole of it last.
fn heads(words: &str) -> Vec<&str> {
    let mut out: Vec<&str> = words
        .char_indices()
        .filter(|&(i, c)| i > 0 && c == ' ')
        .map(|(i, _)| words.get(..i).unwrap_or(""))
        .filter(|t| !t.trim().is_empty())
        .collect();
    out.push(words);
    out
}

/// Anchors one record with the loader's matching rules.
fn anchor(haystack: &Haystack<'_>, record: &Record) -> Anchoring {
    let exact = record.exact.trim();
    if exact.is_empty() || exact.contains('\n') {
        return Anchoring::Orphan;
    }
    let count = match haystack.find(exact, None, None) {
        Ok(found) => {
            return Anchoring::Anchored {
                range: found.range,
                prefix: None,
                suffix: None,
            };
        }
        Err(Miss::Ambiguous { count, .. }) => count,
        Err(_) => return Anchoring::Orphan,
    };
    let prefix = prefix_in_paragraph(&record.prefix).trim_start();
    let suffix = suffix_in_paragraph(&record.suffix).trim_end();
    let prefixes: Vec<Option<&str>> = std::iter::once(None)
        .chain(
            tails(prefix)
                .into_iter()
                .filter(|p| !p.trim().is_empty())
                .map(Some),
        )
        .collect();
    let suffixes: Vec<Option<&str>> = std::iter::once(None)
        .chain(
            heads(suffix)
                .into_iter()
                .filter(|s| !s.trim().is_empty())
                .map(Some),
        )
        .collect();
    // The fewest words of context first: a prefix alone, a suffix alone, then both.
    let mut tries: Vec<(Option<&str>, Option<&str>)> = Vec::new();
    tries.extend(prefixes.iter().skip(1).map(|&p| (p, None)));
    tries.extend(suffixes.iter().skip(1).map(|&s| (None, s)));
    for &p in prefixes.iter().skip(1) {
        tries.extend(suffixes.iter().skip(1).map(|&s| (p, s)));
    }
    for (p, s) in tries {
        if let Ok(found) = haystack.find(exact, p, s) {
            return Anchoring::Anchored {
                range: found.range,
                prefix: p.map(|p| p.trim_start().to_owned()),
                suffix: s.map(|s| s.trim_end().to_owned()),
            };
        }
    }
    Anchoring::Ambiguous(count)
}

/// Anchors every record against the article, refusing overlaps with its annotations and with
/// one another.
pub fn anchor_all(article: &Article, records: &[Record]) -> Vec<Anchoring> {
    let paragraphs: Vec<Range<usize>> = article
        .parts
        .iter()
        .flat_map(|p| p.paragraphs.iter().cloned())
        .collect();
    let haystack = Haystack::new(
        &article.text,
        &paragraphs,
        records.iter().map(|r| r.exact.trim()),
    );
    let mut taken: Vec<(Range<usize>, String)> = article
        .annotations
        .iter()
        .map(|a| (a.range.clone(), a.id.clone()))
        .collect();
    records
        .iter()
        .enumerate()
        .map(|(i, record)| match anchor(&haystack, record) {
            Anchoring::Anchored {
                range,
                prefix,
                suffix,
            } => {
                if let Some((_, id)) = taken
                    .iter()
                    .find(|(r, _)| r.start < range.end && range.start < r.end)
                {
                    return Anchoring::Overlaps(id.clone());
                }
                taken.push((range.clone(), format!("#{}", i + 1)));
                Anchoring::Anchored {
                    range,
                    prefix,
                    suffix,
                }
            }
            other => other,
        })
        .collect()
}

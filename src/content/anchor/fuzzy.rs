//! Near matches: when a quote matches nowhere, the closest text to show in the error
//! ([`closest`]), and a quote found again approximately after an edit ([`approximate`]).

use std::ops::Range;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use super::{is_apostrophe, normalize};

/// Most work (window count × quote length²) spent looking for a near match; beyond it the
/// error simply has no "closest text" hint.
const FUZZY_BUDGET: usize = 40_000_000;

/// Largest text searched for a near match, in bytes: folding a bigger one costs seconds.
const FUZZY_TEXT_LIMIT: usize = 4 * 1024 * 1024;

/// A near match: where, and how it differs.
#[derive(Debug, Clone, PartialEq)]
pub struct Closest {
    pub range: Range<usize>,
    /// True when the text equals the quote but for case, accents or Unicode normalisation.
    pub same_letters: bool,
}

/// Folds a char for loose comparison: lower case, accents removed, spaces and apostrophes
/// unified. Returns the folded chars (possibly none, for a combining mark).
fn fold(c: char, out: &mut Vec<char>) {
    if c.is_whitespace() {
        out.push(' ');
    } else if is_apostrophe(c) {
        out.push('\'');
    } else {
        for d in c.nfd().filter(|d| !is_combining_mark(*d)) {
            out.extend(d.to_lowercase());
        }
    }
}

/// A paragraph folded, with for each folded char the byte range of the text char it came from.
fn fold_paragraph(text: &str, range: &Range<usize>) -> (Vec<char>, Vec<Range<usize>>) {
    let mut chars = Vec::new();
    let mut origins = Vec::new();
    let mut buffer = Vec::new();
    let paragraph = text.get(range.clone()).unwrap_or("");
    for (i, c) in paragraph.char_indices() {
        buffer.clear();
        fold(c, &mut buffer);
        // Runs of white space fold to one space.
        if buffer == [' '] && chars.last() == Some(&' ') {
            if let Some(last) = origins.last_mut() {
                let last: &mut Range<usize> = last;
                last.end = range.start + i + c.len_utf8();
            }
            continue;
        }
        for &d in &buffer {
            chars.push(d);
            origins.push(range.start + i..range.start + i + c.len_utf8());
        }
    }
    (chars, origins)
}

/// The text nearest to `quote`: first an equal text but for case and accents, else the
/// same-length window (starting at a word) with the best normalised Levenshtein similarity, if
/// it is at least one half.
pub fn closest(text: &str, paragraphs: &[Range<usize>], quote: &str) -> Option<Closest> {
    let mut folded_quote = Vec::new();
    for c in normalize(quote).chars() {
        fold(c, &mut folded_quote);
    }
    let width = folded_quote.len();
    let text_bytes: usize = paragraphs.iter().map(ExactSizeIterator::len).sum();
    if width == 0 || text_bytes > FUZZY_TEXT_LIMIT {
        return None;
    }
    let folded: Vec<_> = paragraphs.iter().map(|r| fold_paragraph(text, r)).collect();

    // The text of a window, white space at its ends left out.
    let range_of = |origins: &[Range<usize>], start: usize| -> Option<Range<usize>> {
        let first = origins.get(start)?;
        let last = origins.get(start + width - 1)?;
        let words = text.get(first.start..last.end)?;
        let lead = words.len() - words.trim_start().len();
        Some(first.start + lead..first.start + lead + words.trim().len())
    };
    for (chars, origins) in &folded {
        if let Some(start) = chars
            .windows(width)
            .position(|w| w == folded_quote.as_slice())
        {
            return range_of(origins, start).map(|range| Closest {
                range,
                same_letters: true,
            });
        }
    }

    let windows: usize = folded.iter().map(|(chars, _)| chars.len() / 4 + 1).sum();
    if windows.saturating_mul(width).saturating_mul(width) > FUZZY_BUDGET {
        return None;
    }
    let quote_string: String = folded_quote.iter().collect();
    let mut best: Option<(f64, Range<usize>)> = None;
    for ((chars, origins), paragraph) in folded.iter().zip(paragraphs) {
        for start in 0..chars.len().saturating_sub(width) + 1 {
            let at_word = start == 0 || chars.get(start - 1) == Some(&' ');
            if !at_word || chars.get(start) == Some(&' ') {
                continue;
            }
            let Some(window) = chars.get(start..start + width) else {
                continue;
            };
            let candidate: String = window.iter().collect();
            let score = strsim::normalized_levenshtein(&quote_string, &candidate);
            if best.as_ref().is_none_or(|(b, _)| score > *b)
                && let Some(range) = range_of(origins, start)
            {
                best = Some((score, whole_words(text, paragraph, range)));
            }
        }
    }
    best.filter(|(score, _)| *score >= 0.5)
        .map(|(_, range)| Closest {
            range,
            same_letters: false,
        })
}

/// Where a quote that no longer matches exactly was found again, approximately.
#[derive(Debug, Clone, PartialEq)]
pub struct Moved {
    /// Byte range in the text.
    pub range: Range<usize>,
    /// Index into the paragraph list.
    pub paragraph: usize,
    /// Edits (insertions, deletions, substitutions of folded chars) between quote and text.
    pub edits: usize,
}

/// Most edits a moved quote may differ by: a quarter of its folded length (so a quote of fewer
/// than four chars is never re-anchored approximately).
fn edit_bound(len: usize) -> usize {
    len / 4
}

/// Finds again a quote that matches nowhere exactly (the text was edited, or the quote has a
/// typo), as Hypothesis re-anchors: the place of the text whose words are the fewest edits away
/// (case, accents, spaces and apostrophes folded), within [`edit_bound`]; `prefix` and `suffix`
/// (the words around, when given) choose among places equally close, by how close the words
/// around them are. `None` when no place is close enough, or when two are equally good: then the
/// annotation is an orphan.
///
/// Each paragraph is scanned once with Sellers' algorithm (edit distance of the quote to the
/// best substring ending at each char), so the cost is the text's length times the quote's.
pub fn approximate(
    text: &str,
    paragraphs: &[Range<usize>],
    quote: &str,
    prefix: Option<&str>,
    suffix: Option<&str>,
) -> Option<Moved> {
    let mut folded_quote = Vec::new();
    for c in normalize(quote).chars() {
        fold(c, &mut folded_quote);
    }
    let m = folded_quote.len();
    let bound = edit_bound(m);
    let text_bytes: usize = paragraphs.iter().map(ExactSizeIterator::len).sum();
    if bound == 0 || text_bytes.saturating_mul(m) > FUZZY_BUDGET.saturating_mul(4) {
        return None;
    }
    // (edits, paragraph, start char, end char) of each candidate: the best end of each run of
    // close ends, so that one place is one candidate.
    let mut candidates: Vec<(usize, usize, usize, usize)> = Vec::new();
    let mut column: Vec<usize> = (0..=m).collect();
    for (p, range) in paragraphs.iter().enumerate() {
        let (chars, _) = fold_paragraph(text, range);
        column.iter_mut().enumerate().for_each(|(i, v)| *v = i);
        let mut run: Option<(usize, usize)> = None; // (edits, end)
        for (j, &c) in chars.iter().enumerate() {
            let mut diagonal = 0; // D[i-1][j-1], with D[0][*] = 0: a match may start anywhere
            for i in 1..=m {
                let above = column[i];
                let cost = usize::from(folded_quote[i - 1] != c);
                column[i] = (diagonal + cost).min(above + 1).min(column[i - 1] + 1);
                diagonal = above;
            }
            let edits = column[m];
            let end = j + 1;
            let at_word_end = chars.get(end).is_none_or(|c| !c.is_alphanumeric());
            if edits <= bound && at_word_end {
                match run {
                    Some((best, _)) if best <= edits => {}
                    _ => run = Some((edits, end)),
                }
            } else if edits > bound
                && let Some((best, end)) = run.take()
            {
                candidates.push((best, p, 0, end));
            }
        }
        if let Some((best, end)) = run.take() {
            candidates.push((best, p, 0, end));
        }
    }
    let best = candidates.iter().map(|c| c.0).min()?;
    let mut scored: Vec<(usize, usize, Range<usize>)> = Vec::new();
    for &(edits, p, _, end) in candidates.iter().filter(|c| c.0 == best) {
        let range = paragraphs.get(p)?;
        let (chars, origins) = fold_paragraph(text, range);
        // The start: the one whose window is the fewest edits from the quote, at a word start.
        let quote_string: String = folded_quote.iter().collect();
        let start = (end.saturating_sub(m + bound)..=end.saturating_sub(m.saturating_sub(bound)))
            .filter(|&s| {
                s < end && (s == 0 || !chars.get(s - 1).is_some_and(|c| c.is_alphanumeric()))
            })
            .filter(|&s| chars.get(s) != Some(&' '))
            .min_by_key(|&s| {
                let window: String = chars.get(s..end).unwrap_or_default().iter().collect();
                strsim::levenshtein(&quote_string, &window)
            })?;
        let first = origins.get(start)?;
        let last = origins.get(end - 1)?;
        let bytes = first.start..last.end;
        let context = context_edits(text, range, &bytes, prefix, suffix);
        scored.push((edits * 2 + context, p, bytes));
    }
    let top = scored.iter().map(|s| s.0).min()?;
    let mut winners = scored.into_iter().filter(|s| s.0 == top);
    let (_, paragraph, range) = winners.next()?;
    if winners.next().is_some() {
        return None; // two places equally close: an orphan, not a guess
    }
    Some(Moved {
        range,
        paragraph,
        edits: best,
    })
}

/// How far the words around `range` are from `prefix` and `suffix` (folded edits).
fn context_edits(
    text: &str,
    paragraph: &Range<usize>,
    range: &Range<usize>,
    prefix: Option<&str>,
    suffix: Option<&str>,
) -> usize {
    let folded = |s: &str| {
        let mut out = Vec::new();
        for c in normalize(s).chars() {
            fold(c, &mut out);
        }
        out.into_iter().collect::<String>()
    };
    let before = folded(text.get(paragraph.start..range.start).unwrap_or(""));
    let after = folded(text.get(range.end..paragraph.end).unwrap_or(""));
    let mut edits = 0;
    if let Some(prefix) = prefix.map(folded).filter(|p| !p.is_empty()) {
        let n = prefix.chars().count();
        let tail: String = before
            .chars()
            .rev()
            .take(n)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        edits += strsim::levenshtein(&prefix, &tail);
    }
    if let Some(suffix) = suffix.map(folded).filter(|s| !s.is_empty()) {
        let n = suffix.chars().count();
        let head: String = after.chars().take(n).collect();
        edits += strsim::levenshtein(&suffix, &head);
    }
    edits
}

/// `range` grown to whole words: back to the white space before it and on to the white space
/// after it, inside `paragraph`, so that a near match is never shown cut mid-word.
fn whole_words(text: &str, paragraph: &Range<usize>, range: Range<usize>) -> Range<usize> {
    let before = text.get(paragraph.start..range.start).unwrap_or("");
    let start = before
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(paragraph.start, |(i, c)| paragraph.start + i + c.len_utf8());
    let after = text.get(range.end..paragraph.end).unwrap_or("");
    let end = after
        .char_indices()
        .find(|(_, c)| c.is_whitespace())
        .map_or(paragraph.end, |(i, _)| range.end + i);
    start.min(range.start)..end.max(range.end)
}

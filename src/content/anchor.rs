//! Quote anchoring: finding the words an annotation quotes, as a byte range of the text.
//!
//! Matching is exact and case-sensitive except that any run of white space (space, U+00A0,
//! U+202F, U+2009, tab…) counts as one space and `'`, `’` and `ʼ` count as one apostrophe, so a
//! quote typed on an ordinary keyboard finds French typography. A match never crosses a paragraph
//! and starts and ends on grapheme boundaries. `prefix` / `suffix` (the words just before / after,
//! same rules, white space at their inner edge optional) pick one of several matches. When
//! nothing matches, [`closest`] finds the nearest text to show in the error.

use std::collections::HashMap;
use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickKind};

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;
use unicode_segmentation::GraphemeCursor;

/// Occurrences of one quote kept by [`Haystack::prepare`]; beyond, the quote is searched alone.
const PREPARED_LIMIT: usize = 1_000;

/// Apostrophes that match one another.
fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2BC}')
}

/// A quote's normal form: white-space runs as one space, apostrophes as `'`, ends trimmed.
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_space = false;
    for c in s.trim().chars() {
        if c.is_whitespace() {
            if !in_space {
                out.push(' ');
            }
            in_space = true;
        } else {
            out.push(if is_apostrophe(c) { '\'' } else { c });
            in_space = false;
        }
    }
    out
}

/// The text's paragraphs in normal form, ready for matching many quotes.
#[derive(Debug)]
pub struct Haystack<'t> {
    text: &'t str,
    paragraphs: &'t [Range<usize>],
    /// Every paragraph in normal form, each followed by `\n` (which no quote holds, so no match
    /// crosses a paragraph).
    normal: String,
    /// Start of each paragraph in `normal`.
    normal_starts: Vec<usize>,
    /// (byte in `normal`, byte in `text`) wherever the offset between them changes; a byte `n` of
    /// `normal` maps to `n - normal + text` of the last point at or before it.
    points: Vec<(usize, usize)>,
    /// Where each prepared quote (in normal form) starts in `normal`, found for all quotes in one
    /// pass (`prepare`); quotes not prepared are searched on their own.
    prepared: HashMap<String, Vec<usize>>,
}

/// Where a quote was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Byte range in the text.
    pub range: Range<usize>,
    /// Index into the paragraph list given to [`Haystack::new`].
    pub paragraph: usize,
}

/// How many places an error lists at most.
pub const LISTED: usize = 5;

/// Why a quote could not be anchored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Miss {
    /// The quote is empty (or only white space).
    Empty,
    /// The quote occurs nowhere.
    NotFound,
    /// The quote occurs `count` times and no prefix/suffix was given; `first` holds the first
    /// [`LISTED`] places.
    Ambiguous { first: Vec<Found>, count: usize },
    /// The quote occurs `count` times, and prefix/suffix select `selected` of them (none, or
    /// several). `first` holds the first [`LISTED`] selected places, or, when none is selected,
    /// the first places of the quote.
    Unselected {
        first: Vec<Found>,
        count: usize,
        selected: usize,
    },
}

impl<'t> Haystack<'t> {
    /// Prepares `paragraphs` (byte ranges into `text`) for matching.
    pub fn new(text: &'t str, paragraphs: &'t [Range<usize>]) -> Self {
        let mut normal = String::with_capacity(text.len());
        let mut normal_starts = Vec::with_capacity(paragraphs.len());
        let mut points = vec![(0, 0)];
        for range in paragraphs {
            // Ranges come from the text's parser; a bad one (never seen) is an empty paragraph,
            // so that indices stay aligned.
            let paragraph = text.get(range.clone()).unwrap_or("");
            normal_starts.push(normal.len());
            push_point(&mut points, normal.len(), range.start);
            // Plain stretches (everything but white-space runs and apostrophes, a lone ASCII
            // space included) are copied whole; only the rest is rewritten char by char.
            let mut copied = 0;
            let mut chars = paragraph.char_indices().peekable();
            while let Some((i, c)) = chars.next() {
                let lone_space = c == ' ' && chars.peek().is_none_or(|&(_, d)| !d.is_whitespace());
                if lone_space || !(c.is_whitespace() || is_apostrophe(c)) {
                    continue;
                }
                normal.push_str(paragraph.get(copied..i).unwrap_or(""));
                let start = range.start + i;
                let mut end = start + c.len_utf8();
                if c.is_whitespace() {
                    while let Some(&(j, d)) = chars.peek() {
                        if !d.is_whitespace() {
                            break;
                        }
                        end = range.start + j + d.len_utf8();
                        chars.next();
                    }
                    normal.push(' ');
                    push_point(&mut points, normal.len(), end);
                } else {
                    normal.push('\'');
                    if c != '\'' {
                        push_point(&mut points, normal.len(), end);
                    }
                }
                copied = end - range.start;
            }
            normal.push_str(paragraph.get(copied..).unwrap_or(""));
            normal.push('\n');
        }
        Self {
            text,
            paragraphs,
            normal,
            normal_starts,
            points,
            prepared: HashMap::new(),
        }
    }

    /// Finds every occurrence of all these quotes in one pass over the text (Aho-Corasick), so
    /// that anchoring thousands of annotations costs one scan, not one scan per annotation.
    pub fn prepare<'q>(&mut self, quotes: impl IntoIterator<Item = &'q str>) {
        let mut patterns: Vec<String> = quotes
            .into_iter()
            .map(normalize)
            .filter(|q| !q.is_empty())
            .collect();
        patterns.sort_unstable();
        patterns.dedup();
        // A contiguous NFA: quick to build (a DFA costs more to build than the scan saves).
        let automaton = AhoCorasick::builder()
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(&patterns);
        let Ok(automaton) = automaton else {
            return; // too large for the automaton: each quote is searched on its own
        };
        let mut prepared: HashMap<String, Vec<usize>> =
            patterns.iter().map(|p| (p.clone(), Vec::new())).collect();
        for found in automaton.find_overlapping_iter(&self.normal) {
            if let Some(starts) = patterns
                .get(found.pattern().as_usize())
                .and_then(|p| prepared.get_mut(p))
                .filter(|starts| starts.len() <= PREPARED_LIMIT)
            {
                starts.push(found.start());
            }
        }
        // A quote found very often (a short word) is not kept: it is searched on its own, with
        // its occurrences counted as they come rather than stored.
        prepared.retain(|_, starts| starts.len() <= PREPARED_LIMIT);
        self.prepared = prepared;
    }

    /// The byte of the text where byte `n` of the normal form begins (or ends, for an end).
    fn to_text(&self, n: usize) -> usize {
        let index = self
            .points
            .partition_point(|&(p, _)| p <= n)
            .saturating_sub(1);
        let (normal, text) = self.points.get(index).copied().unwrap_or((0, 0));
        n - normal + text
    }

    /// Calls `each` with every place `quote` (in normal form) occurs, overlapping ones included,
    /// on grapheme boundaries, and its byte offset in the normal form.
    fn occurrences(&self, quote: &str, mut each: impl FnMut(usize, Found)) {
        if let Some(starts) = self.prepared.get(quote) {
            for &start in starts {
                if let Some((start, found)) = self.found_at(start, quote.len()) {
                    each(start, found);
                }
            }
            return;
        }
        let mut from = 0;
        while let Some(at) = self.normal.get(from..).and_then(|rest| rest.find(quote)) {
            let start = from + at;
            if let Some((start, found)) = self.found_at(start, quote.len()) {
                each(start, found);
            }
            // Next char, so that overlapping occurrences count.
            let first_char = self.normal.get(start..).and_then(|s| s.chars().next());
            from = start + first_char.map_or(1, char::len_utf8);
        }
    }

    /// The occurrence of a `len`-byte quote at byte `start` of the normal form, unless it cuts
    /// a grapheme.
    fn found_at(&self, start: usize, len: usize) -> Option<(usize, Found)> {
        let paragraph = self
            .normal_starts
            .partition_point(|&s| s <= start)
            .saturating_sub(1);
        let range = self.to_text(start)..self.to_text(start + len);
        self.on_grapheme_boundaries(paragraph, &range)
            .then_some((start, Found { range, paragraph }))
    }

    fn on_grapheme_boundaries(&self, paragraph: usize, range: &Range<usize>) -> bool {
        let Some(bounds) = self.paragraphs.get(paragraph) else {
            return false;
        };
        let Some(local) = self.text.get(bounds.clone()) else {
            return false;
        };
        [range.start, range.end].iter().all(|&byte| {
            let offset = byte.saturating_sub(bounds.start);
            GraphemeCursor::new(offset, local.len(), true)
                .is_boundary(local, 0)
                .unwrap_or(false)
        })
    }

    /// Whether the words around the normal-form match at `start` are `prefix` and `suffix`
    /// (both in normal form; white space at their inner edge is optional).
    fn is_framed_by(
        &self,
        start: usize,
        found: &Found,
        quote: &str,
        prefix: Option<&str>,
        suffix: Option<&str>,
    ) -> bool {
        // In normal form white space is one ' ', and '\n' ends the paragraph.
        let paragraph_start = self
            .normal_starts
            .get(found.paragraph)
            .copied()
            .unwrap_or(0);
        let is_after = |p: &str| {
            let before = self.normal.get(paragraph_start..start).unwrap_or("");
            before.trim_end_matches(' ').ends_with(p)
        };
        let is_before = |s: &str| {
            let after = self.normal.get(start + quote.len()..).unwrap_or("");
            after.trim_start_matches(' ').starts_with(s)
        };
        prefix.is_none_or(is_after) && suffix.is_none_or(is_before)
    }

    /// Finds the one place `quote` designates, using `prefix` / `suffix` when given.
    pub fn find(
        &self,
        quote: &str,
        prefix: Option<&str>,
        suffix: Option<&str>,
    ) -> Result<Found, Miss> {
        let quote = normalize(quote);
        if quote.is_empty() {
            return Err(Miss::Empty);
        }
        let prefix = prefix.map(normalize).filter(|p| !p.is_empty());
        let suffix = suffix.map(normalize).filter(|s| !s.is_empty());
        // Counted as they come rather than collected: a short quote in a long text can occur
        // millions of times.
        let (mut count, mut first) = (0, Vec::new());
        let (mut selected, mut first_selected) = (0, Vec::new());
        self.occurrences(&quote, |start, found| {
            count += 1;
            if self.is_framed_by(start, &found, &quote, prefix.as_deref(), suffix.as_deref()) {
                selected += 1;
                if first_selected.len() < LISTED {
                    first_selected.push(found.clone());
                }
            }
            if first.len() < LISTED {
                first.push(found);
            }
        });
        let framed = prefix.is_some() || suffix.is_some();
        match (count, selected) {
            (0, _) => Err(Miss::NotFound),
            (_, 1) => first_selected.pop().ok_or(Miss::NotFound),
            (_, _) if !framed => Err(Miss::Ambiguous { first, count }),
            (_, 0) => Err(Miss::Unselected {
                first,
                count,
                selected,
            }),
            (_, _) => Err(Miss::Unselected {
                first: first_selected,
                count,
                selected,
            }),
        }
    }
}

fn push_point(points: &mut Vec<(usize, usize)>, normal: usize, text: usize) {
    if let Some(last) = points.last_mut() {
        if last.0 == normal {
            *last = (normal, text);
            return;
        }
        // Only a change of offset needs a point.
        if text.wrapping_sub(normal) == last.1.wrapping_sub(last.0) {
            return;
        }
    }
    points.push((normal, text));
}

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
    for (chars, origins) in &folded {
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
                best = Some((score, range));
            }
        }
    }
    best.filter(|(score, _)| *score >= 0.5)
        .map(|(_, range)| Closest {
            range,
            same_letters: false,
        })
}

#[cfg(test)]
#[allow(clippy::single_range_in_vec_init)]
mod tests {
    use super::*;

    fn find_in(text: &str, quote: &str) -> Result<Found, Miss> {
        let paragraphs = [0..text.len()];
        Haystack::new(text, &paragraphs).find(quote, None, None)
    }

    #[test]
    fn an_exact_quote_gives_its_byte_range() {
        let text = "près de 430 millions de modérateurs, souvent";
        let found = find_in(text, "430 millions de modérateurs").unwrap();
        assert_eq!(&text[found.range.clone()], "430 millions de modérateurs");
        assert_eq!(found.range, 9..37);
    }

    #[test]
    fn plain_spaces_and_apostrophes_match_french_typography() {
        let text = "un salaire de 1,34\u{a0}à 2\u{202f}dollars de l’heure, dit-on";
        let found = find_in(text, "1,34 à 2 dollars de l'heure").unwrap();
        assert_eq!(
            &text[found.range],
            "1,34\u{a0}à 2\u{202f}dollars de l’heure"
        );
        // And the other way round.
        let text = "l'heure  d'été";
        let found = find_in(text, "l’heure d\u{2bc}été").unwrap();
        assert_eq!(found.range, 0..text.len());
    }

    #[test]
    fn matching_is_case_sensitive_and_exact() {
        assert_eq!(find_in("Le Robot", "le robot"), Err(Miss::NotFound));
        assert_eq!(find_in("modérateurs", "moderateurs"), Err(Miss::NotFound));
    }

    #[test]
    fn quotes_are_trimmed_and_empty_ones_refused() {
        assert_eq!(find_in("a 80 % b", "  80 %  ").unwrap().range, 2..6);
        assert_eq!(find_in("abc", " \u{a0} "), Err(Miss::Empty));
    }

    #[test]
    fn a_repeated_quote_is_ambiguous_until_prefix_or_suffix_picks_one() {
        let text = "les “data workers” et les « data workers » puis les data workers";
        let paragraphs = [0..text.len()];
        let haystack = Haystack::new(text, &paragraphs);
        let Err(Miss::Ambiguous { first, count }) = haystack.find("data workers", None, None)
        else {
            panic!("expected ambiguity");
        };
        assert_eq!((first.len(), count), (3, 3));

        let found = haystack.find("data workers", Some("« "), None).unwrap();
        assert_eq!(found.range.start, text.find("« data").unwrap() + "« ".len());
        // White space at the prefix's inner edge is optional.
        assert_eq!(
            haystack.find("data workers", Some("«"), None),
            Ok(found.clone())
        );
        let found = haystack.find("data workers", None, Some("”")).unwrap();
        assert_eq!(found.range.start, text.find("“data").unwrap() + "“".len());
        let found = haystack
            .find("data workers", Some("puis les"), None)
            .unwrap();
        assert_eq!(found.range.end, text.len());

        let Err(Miss::Unselected {
            first,
            count,
            selected,
        }) = haystack.find("data workers", Some("des"), None)
        else {
            panic!("expected no selection");
        };
        assert_eq!((first.len(), count, selected), (3, 3, 0));
    }

    #[test]
    fn prefix_and_suffix_together_narrow_down() {
        let text = "a x b, a x c, d x b";
        let paragraphs = [0..text.len()];
        let haystack = Haystack::new(text, &paragraphs);
        let found = haystack.find("x", Some("a"), Some("c")).unwrap();
        assert_eq!(found.range, 9..10);
        assert!(matches!(
            haystack.find("x", None, Some("b")),
            Err(Miss::Unselected { first, count: 3, selected: 2 }) if first.len() == 2
        ));
    }

    #[test]
    fn a_quote_found_many_times_is_counted_not_stored() {
        let text = format!("{}zz ab", "ab ".repeat(200_000));
        let paragraphs = [0..text.len()];
        let haystack = Haystack::new(&text, &paragraphs);
        let Err(Miss::Ambiguous { first, count }) = haystack.find("ab", None, None) else {
            panic!("expected ambiguity");
        };
        assert_eq!((first.len(), count), (LISTED, 200_001));
        // The last one can still be picked.
        let found = haystack.find("ab", Some("zz"), None).unwrap();
        assert_eq!(found.range, text.len() - 2..text.len());
    }

    #[test]
    fn a_match_stays_inside_one_paragraph() {
        let text = "fin du premier début du second";
        let paragraphs = [0..14, 15..text.len()];
        let haystack = Haystack::new(text, &paragraphs);
        assert_eq!(
            haystack.find("premier début", None, None),
            Err(Miss::NotFound)
        );
        let found = haystack.find("début", None, None).unwrap();
        assert_eq!((found.range, found.paragraph), (15..21, 1));
        // A prefix does not reach into the previous paragraph.
        assert!(haystack.find("début", Some("premier"), None).is_err());
    }

    #[test]
    fn byte_ranges_are_exact_after_many_collapsed_runs() {
        let text = "a\u{a0}\u{a0} b’c\u{202f}d l’é   f";
        let paragraphs = [0..text.len()];
        let haystack = Haystack::new(text, &paragraphs);
        for quote in ["b'c d", "l'é f", "a b", "f", "a b'c d l'é f"] {
            let found = haystack.find(quote, None, None).unwrap();
            assert_eq!(
                normalize(&text[found.range.clone()]),
                normalize(quote),
                "{quote}"
            );
        }
    }

    #[test]
    fn a_match_must_not_split_a_grapheme() {
        // "e" + combining acute: the quote "e" must not match half of "é".
        let text = "cafe\u{301} cafe";
        let found = find_in(text, "cafe").unwrap();
        assert_eq!(found.range, 7..11);
    }

    #[test]
    fn the_closest_text_ignores_case_and_accents_first() {
        let text = "près de 430 millions de modérateurs, souvent";
        let paragraphs = [0..text.len()];
        let close = closest(text, &paragraphs, "430 millions de moderateurs").unwrap();
        assert_eq!(&text[close.range], "430 millions de modérateurs");
        assert!(close.same_letters);
    }

    #[test]
    fn the_closest_text_falls_back_to_edit_distance() {
        let text = "Les travailleurs parlent de torture mentale, disent-ils.";
        let paragraphs = [0..text.len()];
        let close = closest(text, &paragraphs, "tortures mentales").unwrap();
        assert_eq!(&text[close.range.clone()], "torture mentale,");
        assert!(!close.same_letters);
        assert_eq!(closest(text, &paragraphs, "zzzzqqqq xxxx"), None);
    }
}

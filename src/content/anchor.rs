//! Quote anchoring: finding the words an annotation quotes, as a byte range of the text.
//!
//! Matching is exact and case-sensitive except that any run of white space (space, U+00A0,
//! U+202F, U+2009, tab…) counts as one space and `'`, `’` and `ʼ` count as one apostrophe, so a
//! quote typed on an ordinary keyboard finds French typography. A match never crosses a paragraph
//! and starts and ends on grapheme boundaries. `prefix` / `suffix` (the words just before / after,
//! same rules, white space at their inner edge optional) pick one of several matches. When
//! nothing matches, [`closest`] finds the nearest text to show in the error.

mod fuzzy;

use std::cell::OnceCell;
use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickKind};

use unicode_segmentation::GraphemeCursor;

pub use fuzzy::{Closest, Moved, approximate, closest};

/// Occurrences of one quote kept by [`Haystack::new`]; beyond, the quote is searched alone.
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
///
/// The normal form of the whole text (as large as the text) is not kept: [`Haystack::new`]
/// normalises one paragraph at a time to find every prepared quote, and keeps only where each
/// one occurs and how to map a place back to the text. A prefix or suffix is checked on the few
/// words next to a place. The whole normal form is built only when a quote that was not prepared
/// is searched.
#[derive(Debug)]
pub struct Haystack<'t> {
    text: &'t str,
    paragraphs: &'t [Range<usize>],
    /// Start of each paragraph in the normal form, in which every paragraph is followed by `\n`
    /// (which no quote holds, so no match crosses a paragraph).
    normal_starts: Vec<usize>,
    /// (byte in the normal form, byte in `text`) wherever the offset between them changes; a
    /// byte `n` of the normal form maps to `n - normal + text` of the last point at or before it.
    points: Vec<(usize, usize)>,
    /// The prepared quotes in normal form, sorted, each with where it starts in the normal form,
    /// all found in one pass; quotes not prepared are searched on their own.
    prepared: Vec<(String, Vec<usize>)>,
    /// The whole normal form, built on first need (a quote that was not prepared).
    normal: OnceCell<String>,
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
    /// Prepares `paragraphs` (byte ranges into `text`) for matching, and finds every occurrence
    /// of all the `quotes` in one pass over the text (Aho-Corasick), so that anchoring thousands
    /// of annotations costs one scan, not one scan per annotation.
    pub fn new(
        text: &'t str,
        paragraphs: &'t [Range<usize>],
        quotes: impl IntoIterator<Item = impl AsRef<str>>,
    ) -> Self {
        let mut patterns: Vec<String> = quotes
            .into_iter()
            .map(|q| normalize(q.as_ref()))
            .filter(|q| !q.is_empty())
            .collect();
        patterns.sort_unstable();
        patterns.dedup();
        // A contiguous NFA: quick to build (a DFA costs more to build than the scan saves).
        let automaton = AhoCorasick::builder()
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(&patterns)
            .ok();
        if automaton.is_none() {
            patterns.clear(); // too large for the automaton: each quote is searched on its own
        }
        let mut starts: Vec<Vec<usize>> = vec![Vec::new(); patterns.len()];
        let mut normal_starts = Vec::with_capacity(paragraphs.len());
        let mut points = vec![(0, 0)];
        let mut normal = String::new();
        let mut length = 0;
        for range in paragraphs {
            normal_starts.push(length);
            normal.clear();
            push_normal(text, range, &mut normal, Some((&mut points, length)));
            for found in automaton
                .iter()
                .flat_map(|a| a.find_overlapping_iter(&normal))
            {
                if let Some(starts) = starts
                    .get_mut(found.pattern().as_usize())
                    .filter(|starts| starts.len() <= PREPARED_LIMIT)
                {
                    starts.push(length + found.start());
                }
            }
            length += normal.len() + 1;
        }
        points.shrink_to_fit();
        // A quote found very often (a short word) is not kept: it is searched on its own, with
        // its occurrences counted as they come rather than stored.
        let prepared = patterns
            .into_iter()
            .zip(starts)
            .filter(|(_, starts)| starts.len() <= PREPARED_LIMIT)
            .collect();
        Self {
            text,
            paragraphs,
            normal_starts,
            points,
            prepared,
            normal: OnceCell::new(),
        }
    }

    /// Every paragraph in normal form, each followed by `\n`.
    fn normal(&self) -> &str {
        self.normal.get_or_init(|| {
            let mut normal = String::new();
            for range in self.paragraphs {
                push_normal(self.text, range, &mut normal, None);
                normal.push('\n');
            }
            normal
        })
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
    /// on grapheme boundaries.
    fn occurrences(&self, quote: &str, mut each: impl FnMut(Found)) {
        if let Ok(index) = self
            .prepared
            .binary_search_by(|(pattern, _)| pattern.as_str().cmp(quote))
        {
            for &start in self.prepared.get(index).map_or(&[][..], |(_, s)| s) {
                if let Some(found) = self.found_at(start, quote.len()) {
                    each(found);
                }
            }
            return;
        }
        let normal = self.normal();
        let mut from = 0;
        while let Some(at) = normal.get(from..).and_then(|rest| rest.find(quote)) {
            let start = from + at;
            if let Some(found) = self.found_at(start, quote.len()) {
                each(found);
            }
            // Next char, so that overlapping occurrences count.
            let first_char = normal.get(start..).and_then(|s| s.chars().next());
            from = start + first_char.map_or(1, char::len_utf8);
        }
    }

    /// The occurrence of a `len`-byte quote at byte `start` of the normal form, unless it cuts
    /// a grapheme.
    fn found_at(&self, start: usize, len: usize) -> Option<Found> {
        let paragraph = self
            .normal_starts
            .partition_point(|&s| s <= start)
            .saturating_sub(1);
        let range = self.to_text(start)..self.to_text(start + len);
        self.on_grapheme_boundaries(paragraph, &range)
            .then_some(Found { range, paragraph })
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

    /// Whether the words around `found` are `prefix` and `suffix` (both in normal form; white
    /// space at their inner edge is optional).
    fn is_framed_by(&self, found: &Found, prefix: Option<&str>, suffix: Option<&str>) -> bool {
        let Some(paragraph) = self.paragraphs.get(found.paragraph) else {
            return false;
        };
        let before = |p: &str| {
            let words = self.words(paragraph.start..found.range.start, Edge::End, p.len());
            words.trim_end_matches(' ').ends_with(p)
        };
        let after = |s: &str| {
            let words = self.words(found.range.end..paragraph.end, Edge::Start, s.len());
            words.trim_start_matches(' ').starts_with(s)
        };
        prefix.is_none_or(before) && suffix.is_none_or(after)
    }

    /// The normal form of one edge of the text's bytes `range`: a window at that edge, grown
    /// until it holds `len` bytes besides the white space at its inner end, or all of `range`.
    ///
    /// A window's normal form is the edge of the whole one (a white-space run cut by the window
    /// is still one space), so reading a few words is as good as normalising the paragraph.
    /// Here `range` runs from a paragraph edge to a match, which begins and ends with no white
    /// space, so no run crosses its ends either.
    fn words(&self, range: Range<usize>, edge: Edge, len: usize) -> String {
        let mut normal = String::new();
        let mut width = len + 8;
        loop {
            let window = match edge {
                Edge::Start => {
                    let mut end = range.start.saturating_add(width).min(range.end);
                    while !self.text.is_char_boundary(end) {
                        end += 1;
                    }
                    range.start..end
                }
                Edge::End => {
                    let mut start = range.end.saturating_sub(width).max(range.start);
                    while !self.text.is_char_boundary(start) {
                        start -= 1;
                    }
                    start..range.end
                }
            };
            normal.clear();
            push_normal(self.text, &window, &mut normal, None);
            let words = match edge {
                Edge::Start => normal.trim_start_matches(' '),
                Edge::End => normal.trim_end_matches(' '),
            };
            if words.len() >= len || window == range {
                return normal;
            }
            width = width.saturating_mul(2);
        }
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
        self.occurrences(&quote, |found| {
            count += 1;
            if self.is_framed_by(&found, prefix.as_deref(), suffix.as_deref()) {
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

/// One end of a range of the text.
#[derive(Debug, Clone, Copy)]
enum Edge {
    Start,
    End,
}

/// Appends to `out` the normal form of the text's bytes `range` (a paragraph, or part of one):
/// each white-space run as one space, each apostrophe as `'`. With `points` (and the place of
/// `out`'s start in the whole normal form), records where the offset between the two changes.
fn push_normal(
    text: &str,
    range: &Range<usize>,
    out: &mut String,
    mut points: Option<(&mut Vec<(usize, usize)>, usize)>,
) {
    let mut point = |out: &String, text: usize| {
        if let Some((points, base)) = points.as_mut() {
            push_point(points, *base + out.len(), text);
        }
    };
    // Ranges come from the text's parser; a bad one (never seen) is an empty paragraph, so
    // that indices stay aligned.
    let paragraph = text.get(range.clone()).unwrap_or("");
    point(out, range.start);
    // Plain stretches (everything but white-space runs and apostrophes, a lone ASCII space
    // included) are copied whole; only the rest is rewritten char by char.
    let mut copied = 0;
    let mut chars = paragraph.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let lone_space = c == ' ' && chars.peek().is_none_or(|&(_, d)| !d.is_whitespace());
        if lone_space || !(c.is_whitespace() || is_apostrophe(c)) {
            continue;
        }
        out.push_str(paragraph.get(copied..i).unwrap_or(""));
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
            out.push(' ');
            point(out, end);
        } else {
            out.push('\'');
            if c != '\'' {
                point(out, end);
            }
        }
        copied = end - range.start;
    }
    out.push_str(paragraph.get(copied..).unwrap_or(""));
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

#[cfg(test)]
#[allow(clippy::single_range_in_vec_init)]
mod tests {
    use super::*;

    /// A prepared haystack and one with no quote prepared, which must answer alike.
    struct Both<'t>(Haystack<'t>, Haystack<'t>);

    impl<'t> Both<'t> {
        /// `quotes` are prepared in the first haystack.
        fn new(text: &'t str, paragraphs: &'t [Range<usize>], quotes: &[&str]) -> Self {
            Self(
                Haystack::new(text, paragraphs, quotes),
                Haystack::new(text, paragraphs, [""; 0]),
            )
        }

        fn find(
            &self,
            quote: &str,
            prefix: Option<&str>,
            suffix: Option<&str>,
        ) -> Result<Found, Miss> {
            let found = self.0.find(quote, prefix, suffix);
            assert_eq!(found, self.1.find(quote, prefix, suffix), "{quote}");
            found
        }
    }

    fn find_in(text: &str, quote: &str) -> Result<Found, Miss> {
        let paragraphs = [0..text.len()];
        Both::new(text, &paragraphs, &[quote]).find(quote, None, None)
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
        let haystack = Both::new(text, &paragraphs, &["data workers"]);
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
        let haystack = Both::new(text, &paragraphs, &["x"]);
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
        let haystack = Both::new(&text, &paragraphs, &["ab"]);
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
        let haystack = Both::new(text, &paragraphs, &["premier début", "début"]);
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
        let quotes = ["b'c d", "l'é f", "a b", "f", "a b'c d l'é f"];
        let haystack = Both::new(text, &paragraphs, &quotes);
        for quote in quotes {
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

    #[test]
    fn an_edited_text_is_found_again_approximately() {
        let text = "Près de 430 millions de modératrices, souvent. Puis autre chose.";
        let paragraphs = [0..text.len()];
        let moved =
            approximate(text, &paragraphs, "430 millions de modérateurs", None, None).unwrap();
        assert_eq!(&text[moved.range.clone()], "430 millions de modératrices");
        assert_eq!(moved.edits, 4);
        // Case and accents cost nothing; a typo costs one edit.
        let moved = approximate(
            text,
            &paragraphs,
            "430 MILLIONS de moderatrices",
            None,
            None,
        );
        assert_eq!(moved.map(|m| m.edits), Some(0));
        // Nothing close: an orphan.
        assert_eq!(
            approximate(text, &paragraphs, "zzzz qqqq xxxx", None, None),
            None
        );
        // Too short to guess.
        assert_eq!(approximate(text, &paragraphs, "Pris", None, None), None);
    }

    #[test]
    fn two_equally_close_places_are_told_apart_by_the_words_around_or_not_at_all() {
        let text = "le chat noir dort. le chien noir dort. le rat gris court.";
        let paragraphs = [0..text.len()];
        assert_eq!(
            approximate(text, &paragraphs, "chut noir dort", None, None).map(|m| m.range),
            Some(3..17)
        );
        // "chot noir" is one edit from both "chat noir" and... only chat: fine. Now a tie:
        let text = "un chat noir, un chas noir.";
        let paragraphs = [0..text.len()];
        assert_eq!(
            approximate(text, &paragraphs, "chaz noir", None, None),
            None
        );
        let moved = approximate(text, &paragraphs, "chaz noir", None, Some(".")).unwrap();
        assert_eq!(&text[moved.range], "chas noir");
    }

    #[test]
    fn the_closest_text_is_whole_words() {
        let text = "Un jeu de caractères universel, disent-ils.";
        let paragraphs = [0..text.len()];
        let close = closest(text, &paragraphs, "jeu de caractre").unwrap();
        assert_eq!(&text[close.range], "jeu de caractères");
    }

    #[test]
    fn prefix_and_suffix_reach_past_long_white_space() {
        // The words around a place are read in a window that must grow past these runs.
        let gap = "\u{a0}".repeat(50);
        let text = format!("un{gap}deux{gap}trois, un deux quatre");
        let paragraphs = [0..text.len()];
        let haystack = Both::new(&text, &paragraphs, &["deux"]);
        let found = haystack.find("deux", Some("un"), Some("trois")).unwrap();
        assert_eq!(found.range.start, 2 + gap.len());
        let found = haystack.find("deux", None, Some("quatre")).unwrap();
        assert_eq!(&text[found.range.end..], " quatre");
    }

    /// Whether the words around each place of `quote` are `prefix` and `suffix`, checked on the
    /// whole normal form: the reference for [`Haystack::is_framed_by`].
    fn check_framing(haystack: &Haystack<'_>, quote: &str, prefix: &str, suffix: &str) {
        let (quote, prefix, suffix) = (normalize(quote), normalize(prefix), normalize(suffix));
        let prefix = Some(prefix.as_str()).filter(|p| !p.is_empty());
        let suffix = Some(suffix.as_str()).filter(|s| !s.is_empty());
        let normal = haystack.normal();
        let mut from = 0;
        while let Some(at) = normal.get(from..).and_then(|rest| rest.find(&quote)) {
            let start = from + at;
            if let Some(found) = haystack.found_at(start, quote.len()) {
                let paragraph_start = haystack.normal_starts[found.paragraph];
                let before = &normal[paragraph_start..start];
                let after = &normal[start + quote.len()..];
                let whole = prefix.is_none_or(|p| before.trim_end_matches(' ').ends_with(p))
                    && suffix.is_none_or(|s| after.trim_start_matches(' ').starts_with(s));
                assert_eq!(haystack.is_framed_by(&found, prefix, suffix), whole);
            }
            from = start + normal[start..].chars().next().map_or(1, char::len_utf8);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]

        /// Prepared or not, a quote is found at the same places, and prefix and suffix read on
        /// a few words select what they select on the whole normal form.
        #[test]
        fn finding_agrees_with_the_whole_normal_form(
            text in "[ab é’'\u{a0}\u{202f}\t\u{301}]{0,40}",
            cuts in proptest::collection::vec(proptest::prelude::any::<proptest::sample::Index>(), 0..4),
            quote in proptest::prelude::any::<proptest::sample::Index>(),
            len in 1usize..6,
            prefix in "[ab ’'\u{a0}]{0,4}",
            suffix in "[ab ’'\u{a0}]{0,4}",
        ) {
            // Paragraphs: the text cut at char boundaries, every other piece left out.
            let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
            let mut at: Vec<usize> = cuts.iter().map(|c| bounds[c.index(bounds.len())]).collect();
            at.extend([0, text.len()]);
            at.sort_unstable();
            at.dedup();
            let paragraphs: Vec<Range<usize>> = at.windows(2).step_by(2).map(|w| w[0]..w[1]).collect();
            let chars: Vec<char> = text.chars().collect();
            let from = quote.index(chars.len().max(1));
            let quote: String = chars.iter().skip(from).take(len).collect();
            let haystack = Both::new(&text, &paragraphs, &[quote.as_str()]);
            let (prefix, suffix) = (Some(prefix.as_str()), Some(suffix.as_str()));
            for (prefix, suffix) in [(prefix, None), (None, suffix), (prefix, suffix)] {
                // Prepared or not, the same answer (checked by `Both`).
                let _ = haystack.find(&quote, prefix, suffix);
                check_framing(&haystack.0, &quote, prefix.unwrap_or(""), suffix.unwrap_or(""));
            }
        }
    }
}

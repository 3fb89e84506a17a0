//! Case- and accent-insensitive search in the article, and the folding it rests on.
//!
//! `fold` turns text into a search key: lower case, compatibility-decomposed (NFKD) with the
//! combining marks dropped (`É` → `e`), ligatures spelt out (`œ` and `Œ` → `oe`, `æ` and `Æ` →
//! `ae`), every apostrophe and quotation mark written one way, hyphens and dashes counted as
//! spaces, runs of spaces made one. A query and the text are folded the same way, so both ways
//! hold: "moderateurs" finds « modérateurs », "main d'oeuvre" finds « main-d’œuvre », and
//! "MAIN-D’ŒUVRE" finds "main d'oeuvre"; "80 %" finds "80 %" whatever space the author typed.
//!
//! `Folded` is the article's text folded once (built lazily, on the first search), with a sparse
//! map back to `Article::text`. Invariants: a match never crosses a paragraph boundary; every
//! match is a byte range of `Article::text` on char boundaries; matches are sorted and disjoint.

use std::ops::Range;

use unicode_normalization::char::{decompose_compatible, is_combining_mark};

use crate::content::Article;

/// Writes one space, unless the last character written was one.
fn space(out: &mut String, space_before: &mut bool) {
    if !*space_before {
        out.push(' ');
        *space_before = true;
    }
}

/// Folds one character, appending its search form to `out`. `space_before` tells whether the
/// last character written was a space (so runs of spaces fold to one); it is updated.
fn fold_char(c: char, out: &mut String, space_before: &mut bool) {
    // Most characters are ASCII: their own short path, with no table to look up.
    if c.is_ascii() {
        if c.is_whitespace() || c == '-' {
            space(out, space_before);
        } else {
            *space_before = false;
            out.push(if c == '`' {
                '\''
            } else {
                c.to_ascii_lowercase()
            });
        }
        return;
    }
    let mut push = |d: char, out: &mut String| {
        if d.is_whitespace() || is_dash(d) {
            space(out, space_before);
            return;
        }
        *space_before = false;
        match special(d) {
            Some(s) => out.push_str(s),
            None => out.push(d),
        }
    };
    if c.is_whitespace() || is_dash(c) || special(c).is_some() {
        push(c, out);
        return;
    }
    if is_ignorable(c) {
        return;
    }
    decompose_compatible(c, |d| {
        if is_combining_mark(d) {
            return;
        }
        for lower in d.to_lowercase() {
            if !is_combining_mark(lower) {
                push(lower, out);
            }
        }
    });
}

/// Characters folded to a fixed spelling before (or instead of) decomposition: punctuation that
/// people type one way and typographers another, and letters that do not decompose.
fn special(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{2019}' | '\u{2018}' | '\u{201B}' | '\u{02BC}' | '\u{2032}' | '`' | '\u{00B4}' => "'",
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}'
        | '\u{2039}' | '\u{203A}' | '\u{2033}' => "\"",
        '\u{0153}' | '\u{0152}' => "oe",
        '\u{00E6}' | '\u{00C6}' => "ae",
        '\u{00DF}' | '\u{1E9E}' => "ss",
        '\u{0142}' | '\u{0141}' => "l",
        '\u{00F8}' | '\u{00D8}' => "o",
        '\u{0111}' | '\u{0110}' => "d",
        '\u{0131}' => "i",
        _ => return None,
    })
}

/// Hyphens and dashes, which search counts as spaces: "main d'oeuvre" is typed for
/// « main-d’œuvre », "1,34-2" for « 1,34–2 ».
fn is_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}'
    )
}

/// Invisible characters that only guide line breaking or shaping: soft hyphen, zero-width
/// space and joiners, word joiner, byte-order mark.
fn is_ignorable(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

/// The search form of a string (see the module docs).
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space_before = false;
    for c in s.chars() {
        fold_char(c, &mut out, &mut space_before);
    }
    out
}

/// Whether `haystack` contains `needle` once both are folded; an empty or blank needle matches.
pub fn matches_folded(haystack: &str, folded_needle: &str) -> bool {
    folded_needle.trim().is_empty() || fold(haystack).contains(folded_needle)
}

/// A place where folded and original offsets stop moving together: one original character
/// (or the gap between two paragraphs) whose folded form is not the same single ASCII byte.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Jump {
    folded: usize,
    folded_len: usize,
    original: usize,
    original_len: usize,
}

impl Jump {
    fn folded_end(&self) -> usize {
        self.folded + self.folded_len
    }
    fn original_end(&self) -> usize {
        self.original + self.original_len
    }
}

/// The article's paragraphs folded, paragraphs separated by `\n` (which no folded query holds),
/// with the map back to `Article::text`.
///
/// Between two jumps the folded and the original text are the same ASCII bytes, so a folded
/// offset maps back by a binary search over the jumps and one addition.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Folded {
    text: String,
    jumps: Vec<Jump>,
}

impl Folded {
    /// Folds every paragraph of the article (one pass over the text).
    pub fn new(article: &Article) -> Self {
        let mut paragraphs: Vec<Range<usize>> = article
            .parts
            .iter()
            .flat_map(|p| p.paragraphs.iter().cloned())
            .collect();
        paragraphs.sort_by_key(|r| r.start);
        let mut text = String::with_capacity(article.text.len() + paragraphs.len());
        let mut jumps = Vec::new();
        let mut previous_end = 0;
        for paragraph in paragraphs {
            let Some(source) = article.text.get(paragraph.clone()) else {
                continue;
            };
            if paragraph.start < previous_end {
                continue; // overlapping paragraphs would break the order of the map
            }
            // The gap before the paragraph (possibly empty) folds to one separator.
            jumps.push(Jump {
                folded: text.len(),
                folded_len: 1,
                original: previous_end,
                original_len: paragraph.start - previous_end,
            });
            text.push('\n');
            let mut space_before = true;
            for (offset, c) in source.char_indices() {
                let folded = text.len();
                fold_char(c, &mut text, &mut space_before);
                let folded_len = text.len() - folded;
                let identity = c.is_ascii() && folded_len == 1;
                if !identity {
                    jumps.push(Jump {
                        folded,
                        folded_len,
                        original: paragraph.start + offset,
                        original_len: c.len_utf8(),
                    });
                }
            }
            previous_end = paragraph.end;
        }
        Self { text, jumps }
    }

    /// The folded text (for tests and benchmarks).
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The original byte where the folded byte `f` starts (a char boundary).
    fn original_start(&self, f: usize) -> usize {
        let i = self.jumps.partition_point(|j| j.folded <= f);
        match i.checked_sub(1).and_then(|i| self.jumps.get(i)) {
            None => f,
            Some(j) if f < j.folded_end() => j.original,
            Some(j) => j.original_end() + (f - j.folded_end()),
        }
    }

    /// The original byte where a match ending before folded byte `end` ends.
    fn original_end(&self, end: usize) -> usize {
        let last = end.saturating_sub(1);
        let i = self.jumps.partition_point(|j| j.folded <= last);
        match i.checked_sub(1).and_then(|i| self.jumps.get(i)) {
            Some(j) if last < j.folded_end() => j.original_end(),
            _ => self.original_start(last) + 1,
        }
    }

    /// Every place the query occurs, as byte ranges of `Article::text`, in order. A query that
    /// folds to nothing but spaces finds nothing.
    pub fn find(&self, query: &str) -> Vec<Range<usize>> {
        let needle = fold(query);
        if needle.trim().is_empty() {
            return Vec::new();
        }
        let mut found: Vec<Range<usize>> = Vec::new();
        for (f, m) in self.text.match_indices(needle.as_str()) {
            let range = self.original_start(f)..self.original_end(f + m.len());
            // Two folded matches inside one expanded letter (`œ` → `oe`) would map to the same
            // original letter: keep the first, so matches stay disjoint.
            let after_previous = found.last().is_none_or(|p| p.end <= range.start);
            if range.start < range.end && after_previous {
                found.push(range);
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{Part, PartKind};

    fn article(paragraphs: &[&str]) -> Article {
        let mut text = String::new();
        let mut ranges = Vec::new();
        for p in paragraphs {
            let start = text.len();
            text.push_str(p);
            ranges.push(start..text.len());
            text.push(' ');
        }
        Article {
            text,
            parts: vec![Part {
                id: "p".into(),
                kind: PartKind::Part,
                heading: "P".into(),
                paragraphs: ranges,
            }],
            ..Article::default()
        }
    }

    fn found<'a>(article: &'a Article, query: &str) -> Vec<&'a str> {
        Folded::new(article)
            .find(query)
            .into_iter()
            .map(|r| &article.text[r])
            .collect()
    }

    /// The normalisation table: what a reader types, and what it must find.
    #[test]
    fn normalisation_table() {
        let cases: &[(&str, &str, &str)] = &[
            ("etats", "Les États-Unis", "États"),
            ("ETATS", "les états", "états"),
            ("moderateur", "430 millions de modérateurs", "modérateur"),
            ("main-d'oeuvre", "main-d’œuvre bien réelle", "main-d’œuvre"),
            ("main d'oeuvre", "main-d’œuvre bien réelle", "main-d’œuvre"),
            ("MAIN-D’ŒUVRE", "main-d’œuvre bien réelle", "main-d’œuvre"),
            ("main-d'œuvre", "une main d'oeuvre", "main d'oeuvre"),
            ("main d oeuvre", "main d’œuvre", ""),
            ("oe", "Œ", "Œ"),
            ("œ", "OE", "OE"),
            ("Æ", "ae", "ae"),
            ("ae", "æ", "æ"),
            ("long termisme", "long-termisme", "long-termisme"),
            ("1,34-2", "1,34–2 $", "1,34–2"),
            ("a - b", "a — b", "a — b"),
            ("coeur", "le Cœur", "Cœur"),
            ("aeternam", "Æternam", "Æternam"),
            ("l'ia", "l’IA", "l’IA"),
            ("l'ia", "lʼIA", "lʼIA"),
            ("80 %", "80\u{202F}% des", "80\u{202F}%"),
            ("80 %", "80\u{00A0}% des", "80\u{00A0}%"),
            ("80 %", "80   % des", "80   %"),
            ("80%", "80\u{202F}%", ""),
            ("« ia »", "« IA »", "« IA »"),
            ("\"ia\"", "«IA»", "«IA»"),
            (
                "2,22 milliards",
                "2,22\u{00A0}milliards",
                "2,22\u{00A0}milliards",
            ),
            ("co-operation", "co–operation", "co–operation"),
            ("naive", "naïve", "naïve"),
            ("garcon", "Garçon", "Garçon"),
            ("strasse", "Straße", "Straße"),
            ("fin", "ﬁn", "ﬁn"),
            ("e", "é", "é"),
            ("ea", "e\u{301}a", "e\u{301}a"),
            ("zurich", "Zürich", "Zürich"),
            ("lodz", "Łódź", "Łódź"),
            (
                "intelligence",
                "intel\u{00AD}ligence",
                "intel\u{00AD}ligence",
            ),
        ];
        for (query, text, expected) in cases {
            let article = article(&[text]);
            let got = found(&article, query);
            if expected.is_empty() {
                assert!(got.is_empty(), "{query:?} in {text:?}: {got:?}");
            } else {
                assert_eq!(got, vec![*expected], "{query:?} in {text:?}");
            }
        }
    }

    #[test]
    fn matches_are_ranges_of_the_original_in_order_and_stay_in_their_paragraph() {
        let article = article(&["Les États", "généraux. États", "unis"]);
        let folded = Folded::new(&article);
        let found = folded.find("etats");
        assert_eq!(found.len(), 2);
        assert!(found[0].end <= found[1].start);
        for r in &found {
            assert_eq!(&article.text[r.clone()], "États");
        }
        assert!(
            folded.find("etats unis").is_empty(),
            "no match across paragraphs"
        );
        assert!(folded.find("   ").is_empty());
        assert!(folded.find("").is_empty());
    }

    /// What a French keyboard can type finds what the author typed, and the other way round.
    #[test]
    fn ligatures_accents_hyphens_and_case_fold_both_ways_in_the_bundled_text() {
        let article = crate::content::parse_bundled()
            .expect("the bundled article loads")
            .article;
        let folded = Folded::new(&article);
        let reference = folded.find("main d'oeuvre");
        assert_eq!(
            reference.len(),
            2,
            "the essay writes « main-d’œuvre » twice"
        );
        for range in &reference {
            assert_eq!(&article.text[range.clone()], "main-d’œuvre");
        }
        for query in [
            "MAIN-D’ŒUVRE",
            "main-d'œuvre",
            "Main D’Oeuvre",
            "main–d'œuvre",
        ] {
            assert_eq!(folded.find(query), reference, "{query}");
        }
        // The README's examples, true of the bundled text.
        for (query, words) in [
            ("moderateurs", "modérateurs"),
            ("societale", "sociétale"),
            ("long termisme", "long-termisme"),
        ] {
            let found: Vec<&str> = folded
                .find(query)
                .into_iter()
                .map(|r| &article.text[r])
                .collect();
            if words.is_empty() {
                assert!(found.is_empty(), "{query}: {found:?}");
            } else {
                assert!(!found.is_empty(), "{query} finds nothing");
                assert!(
                    found.iter().all(|w| fold(w) == fold(words)),
                    "{query}: {found:?}"
                );
            }
        }
    }

    #[test]
    fn a_match_inside_an_expanded_letter_covers_the_whole_letter() {
        let article = article(&["un œuf"]);
        assert_eq!(found(&article, "e"), vec!["œ"]);
        assert_eq!(found(&article, "oeuf"), vec!["œuf"]);
    }

    #[test]
    fn folding_is_idempotent_on_samples() {
        for s in [
            "Les États",
            "main-d’œuvre",
            "80\u{202F}%",
            "Straße  ﬁn",
            "İstanbul",
        ] {
            assert_eq!(fold(&fold(s)), fold(s), "{s}");
        }
    }

    proptest::proptest! {
        #[test]
        fn every_match_is_on_char_boundaries_and_folds_to_the_query(
            text in "[a-eÉéèœŒ’' \u{a0}\u{202f}.,-]{0,60}",
            query in "[a-eé' ]{1,4}",
        ) {
            let article = article(&[&text]);
            let folded = Folded::new(&article);
            let needle = fold(&query);
            for r in folded.find(&query) {
                let words = article.text.get(r.clone());
                proptest::prop_assert!(words.is_some(), "{r:?} not on char boundaries");
                // The original words fold to something containing the query (a match inside
                // an expanded letter widens to the whole letter).
                proptest::prop_assert!(fold(words.unwrap_or("")).contains(needle.trim_matches(' ')));
            }
        }
    }
}

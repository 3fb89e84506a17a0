//! Property tests of `glose::text::wrap` over generated paragraphs that mix ASCII and accented
//! words, no-break spaces, guillemets, punctuation, numbers, CJK, combining marks, emoji, long
//! words and zero-width characters, at widths 1 to 120.
//!
//! The oracles are written from the specification, not from the implementation: grapheme
//! boundaries come from `unicode-segmentation` directly, and a break at a glued space (a no-break
//! space, or a space the French rules glue) is accepted only when keeping the glue would not have
//! fitted.

use glose::text::wrap::{Row, grapheme_width, str_width, truncate, wrap};
use proptest::prelude::*;
use proptest::sample::select;
use unicode_segmentation::UnicodeSegmentation;

const NO_BREAK_SPACES: [char; 3] = ['\u{a0}', '\u{202f}', '\u{2007}'];

const WORDS: &[&str] = &[
    "été",
    "main-d’œuvre",
    "précarité",
    "Noël",
    "ÉTAT",
    "déjà",
    "garçon",
    "l’IA",
    "millions",
    "milliards",
];

fn token() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => "[a-zA-Z]{1,8}",
        4 => select(WORDS).prop_map(String::from),
        3 => select(["«", "»", "‹", "›", "« data", "workers »"].as_slice()).prop_map(String::from),
        3 => select([":", ";", "!", "?", "%", "‰", ",", ".", "…", ")", "(", "€", "$"].as_slice())
            .prop_map(String::from),
        3 => "[0-9]{1,4}(,[0-9]{1,2})?",
        2 => "[\u{4e00}-\u{4e2f}\u{3041}-\u{3060}]{1,6}",
        1 => select(["。", "、", "「", "」", "ー", "っ", "（", "）"].as_slice()).prop_map(String::from),
        2 => select(["e\u{301}", "a\u{308}\u{304}", "\u{301}", "n\u{303}o"].as_slice())
            .prop_map(String::from),
        2 => select(["👩\u{200d}🔬", "🇫🇷", "👍🏽", "🎉", "क्ष", "ｶﾞ", "\u{ff9e}"].as_slice())
            .prop_map(String::from),
        1 => "[a-z]{20,70}",
        1 => select(["\u{200b}", "\u{2060}", "\u{feff}"].as_slice()).prop_map(String::from),
    ]
}

fn separator() -> impl Strategy<Value = &'static str> {
    select(
        [
            "", " ", " ", " ", " ", "  ", "\u{a0}", "\u{202f}", "\u{2007}", " \u{a0}", "\u{3000}",
            "\u{2003}",
        ]
        .as_slice(),
    )
}

fn paragraph() -> impl Strategy<Value = String> {
    (
        separator(),
        prop::collection::vec((token(), separator()), 0..40),
    )
        .prop_map(|(lead, parts)| {
            let mut text = String::from(lead);
            for (token, sep) in parts {
                text.push_str(&token);
                text.push_str(sep);
            }
            text
        })
}

/// French prose made of glued units, each at most 12 cells wide: plain words, `« mot`, `mot »`,
/// `mot :` (and `;`, `!`, `?`), `80 %`, `430 millions`, `1 000 €`. The space inside a unit is a
/// plain space, a no-break space or a narrow no-break space; units are separated by plain spaces.
fn french_units() -> impl Strategy<Value = String> {
    let word = || select(FRENCH_WORDS).prop_map(String::from);
    let space = || select(["\u{20}", "\u{a0}", "\u{202f}"].as_slice());
    let punct = select([":", ";", "!", "?", "»"].as_slice());
    let unit = select(["%", "‰", "€", "$", "millions", "euros", "ans", "fois"].as_slice());
    let piece = prop_oneof![
        4 => word(),
        1 => (space(), word()).prop_map(|(sp, w)| format!("«{sp}{w}")),
        2 => (word(), space(), punct).prop_map(|(w, sp, p)| format!("{w}{sp}{p}")),
        2 => ("[1-9][0-9]{0,2}", space(), unit).prop_map(|(n, sp, u)| format!("{n}{sp}{u}")),
        1 => ("[1-9]", space()).prop_map(|(n, sp)| format!("{n}{sp}000{sp}€")),
    ];
    prop::collection::vec(piece, 1..60).prop_map(|pieces| pieces.join(" "))
}

/// French words of at most 9 cells.
const FRENCH_WORDS: &[&str] = &[
    "été",
    "œuvre",
    "précarité",
    "Noël",
    "déjà",
    "garçon",
    "l’IA",
    "données",
    "travail",
    "les",
    "à",
    "un",
    "marché",
    "coût",
];

fn is_white(g: &str) -> bool {
    g.chars().next().is_some_and(char::is_whitespace)
}

/// The first char of the last grapheme of `s`.
fn last_base(s: &str) -> Option<char> {
    s.graphemes(true).next_back().and_then(|g| g.chars().next())
}

/// The text from `start` up to the next white space: the word a break had to keep together.
fn word_at(text: &str, start: usize) -> &str {
    let rest = &text[start..];
    let end = rest
        .grapheme_indices(true)
        .find(|(_, g)| is_white(g))
        .map_or(rest.len(), |(i, _)| i);
    &rest[..end]
}

/// Would the French rules glue the white space between `before` and `after`?
fn french_glue(before: char, after: char) -> bool {
    "»›:;!?%‰),.…".contains(after)
        || "«‹".contains(before)
        || (before.is_ascii_digit() && (after.is_alphanumeric() || "%‰€$".contains(after)))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// (1) No row is wider than the width, except a single grapheme wider than the width, alone;
    /// and `Row::width` is the row's measured width.
    #[test]
    fn no_row_is_wider_than_the_width(text in paragraph(), width in 1usize..=120, french: bool) {
        for row in wrap(&text, width, french) {
            let s = &text[row.range.clone()];
            prop_assert_eq!(usize::from(row.width), str_width(s), "{:?}", s);
            if usize::from(row.width) > width {
                let visible: Vec<&str> =
                    s.graphemes(true).filter(|g| grapheme_width(g) > 0).collect();
                prop_assert_eq!(visible.len(), 1, "over-wide row {:?} at width {}", s, width);
            }
        }
    }

    /// (2) Nothing is lost or duplicated: ranges are in order, not empty, on grapheme
    /// boundaries, and what lies between them is white space only.
    #[test]
    fn rows_and_skipped_white_space_rebuild_the_text(
        text in paragraph(),
        width in 1usize..=120,
        french: bool,
    ) {
        let rows = wrap(&text, width, french);
        let mut boundaries: Vec<usize> = text.grapheme_indices(true).map(|(i, _)| i).collect();
        boundaries.push(text.len());
        let mut at = 0;
        let mut rebuilt = String::new();
        for row in &rows {
            prop_assert!(at <= row.range.start && row.range.start < row.range.end, "{:?}", rows);
            prop_assert!(boundaries.binary_search(&row.range.start).is_ok());
            prop_assert!(boundaries.binary_search(&row.range.end).is_ok());
            let gap = &text[at..row.range.start];
            prop_assert!(gap.graphemes(true).all(is_white), "skipped {:?}", gap);
            rebuilt.push_str(gap);
            rebuilt.push_str(&text[row.range.clone()]);
            at = row.range.end;
        }
        let tail = &text[at..];
        prop_assert!(tail.graphemes(true).all(is_white), "skipped {:?}", tail);
        rebuilt.push_str(tail);
        prop_assert_eq!(rebuilt, text.clone());
        prop_assert_eq!(rows.is_empty(), text.graphemes(true).all(is_white));
    }

    /// (3) French rules, and no-break spaces in any language. A row boundary falls at glued
    /// white space (a no-break space; with `french`, a space before `» : ; ! ? %` and the like,
    /// after `«`, or between a number and its unit) only when keeping the glue could not fit:
    /// the row, the space and the word after it are together wider than the width. So whenever
    /// glued words fit on a row (width 12 and more for `80 %`, `« data`, `430 millions`), no row
    /// starts with `»:;!?%` after white space, none ends with `«`, and no number is separated
    /// from its unit.
    #[test]
    fn glued_white_space_breaks_only_when_forced(
        text in paragraph(),
        width in 1usize..=120,
        french: bool,
    ) {
        let rows = wrap(&text, width, french);
        for pair in rows.windows(2) {
            let row = &text[pair[0].range.clone()];
            let gap = &text[pair[0].range.end..pair[1].range.start];
            let next = &text[pair[1].range.clone()];
            if gap.is_empty() {
                continue;
            }
            let (Some(before), Some(after)) = (last_base(row), next.chars().next()) else {
                continue;
            };
            // A zero-width space is a break opportunity whatever white space follows it.
            let after_zwsp = before == '\u{200b}';
            let no_break_only = gap.chars().all(|c| NO_BREAK_SPACES.contains(&c)) && !after_zwsp;
            if no_break_only || (french && french_glue(before, after)) {
                let word = word_at(&text, pair[1].range.start);
                let needed = str_width(row) + str_width(gap) + str_width(word);
                prop_assert!(
                    needed > width,
                    "glued break not forced at width {}: {:?} | {:?} (word {:?})",
                    width, row, next, word,
                );
            }
        }
    }

    /// (3, literally) With the French rules and every glued unit narrower than the width: no
    /// row starts with `» : ; ! ? %` after white space, none ends with `«`, and no row ends with
    /// a number when the next starts with a letter or a unit.
    #[test]
    fn french_rows_keep_their_typography(text in french_units(), width in 12usize..=120) {
        let rows = wrap(&text, width, true);
        for pair in rows.windows(2) {
            let row = &text[pair[0].range.clone()];
            let next = &text[pair[1].range.clone()];
            let last = row.chars().next_back().unwrap_or_default();
            let first = next.chars().next().unwrap_or_default();
            prop_assert!(last != '«', "{:?} | {:?}", row, next);
            prop_assert!(!"»:;!?%".contains(first), "{:?} | {:?}", row, next);
            let unit = first.is_alphanumeric() || "%‰€$".contains(first);
            prop_assert!(!(last.is_ascii_digit() && unit), "{:?} | {:?}", row, next);
        }
        for row in &rows {
            prop_assert!(usize::from(row.width) <= width);
        }
    }

    /// (4) Rows never start or end with white space.
    #[test]
    fn rows_never_start_or_end_with_white_space(
        text in paragraph(),
        width in 1usize..=120,
        french: bool,
    ) {
        for row in wrap(&text, width, french) {
            let s = &text[row.range];
            let first = s.graphemes(true).next().unwrap_or_default();
            let last = s.graphemes(true).next_back().unwrap_or_default();
            prop_assert!(!is_white(first) && !is_white(last), "row {:?}", s);
        }
    }

    /// A row is never broken for nothing: wrapped again on its own, it is one row.
    #[test]
    fn each_row_rewraps_to_itself(text in paragraph(), width in 1usize..=120, french: bool) {
        for row in wrap(&text, width, french) {
            let s = &text[row.range.clone()];
            let again = wrap(s, width, french);
            prop_assert_eq!(again, vec![Row { range: 0..s.len(), width: row.width }], "{:?}", s);
        }
    }

    /// `truncate` keeps the longest prefix that fits, on a grapheme boundary.
    #[test]
    fn truncate_keeps_the_longest_prefix_that_fits(text in paragraph(), width in 0usize..=60) {
        let (prefix, used) = truncate(&text, width);
        prop_assert!(text.starts_with(prefix));
        prop_assert_eq!(used, str_width(prefix));
        prop_assert!(used <= width);
        if let Some(next) = text[prefix.len()..].graphemes(true).next() {
            let on_boundary = prefix.is_empty()
                || text.grapheme_indices(true).any(|(i, _)| i == prefix.len());
            prop_assert!(on_boundary, "{:?}", prefix);
            prop_assert!(used + usize::from(grapheme_width(next)) > width, "{:?}", next);
        }
    }

    /// `str_width` is the sum of `grapheme_width` over `graphemes(true)`.
    #[test]
    fn str_width_is_the_sum_of_grapheme_widths(text in paragraph()) {
        let sum: usize = text.graphemes(true).map(|g| usize::from(grapheme_width(g))).sum();
        prop_assert_eq!(str_width(&text), sum);
    }
}

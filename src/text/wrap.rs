//! Grapheme-aware, French-aware wrapping of one paragraph into rows of terminal cells.
//!
//! This module owns the answer to "where does each screen row of a paragraph start and end, and
//! how wide is it", and the cell-width measure used everywhere else ([`grapheme_width`],
//! [`str_width`], [`truncate`]). Widths come from ratatui's own [`CellWidth`], the function its
//! buffer advances by, so what is measured here is what is drawn.
//!
//! Invariants of [`wrap`]`(text, width, french)` (with `width` 0 treated as 1):
//! - each [`Row::range`] is a byte range into `text` on grapheme boundaries; ranges are in order
//!   and never overlap; what lies between them (and before the first, after the last) is white
//!   space only, so the rows plus the skipped white space are exactly `text`;
//! - a row never starts or ends with white space, and is never empty; text that is empty or only
//!   white space gives no row;
//! - [`Row::width`] is the sum of the row's grapheme widths and is at most `width`, except for a
//!   row whose only visible grapheme is wider than `width` (a wide character at width 1);
//! - a width-2 grapheme never straddles the last column: it moves to the next row;
//! - a row has visible content, except in one degenerate case: zero-width graphemes (U+200B,
//!   U+2060) with white space after them that does not fit, at the start or end of the text.
//!
//! Rows are filled greedily: each row breaks at the last opportunity that fits. Where a row may
//! break, in order of preference:
//! 1. at a run of white space that contains a breaking space (every Unicode white space except the
//!    no-break spaces U+00A0, U+202F and U+2007), unless the French rules glue it; after a
//!    zero-width space U+200B; between two wide graphemes or a wide and a narrow one (Chinese and
//!    Japanese have no spaces), unless the row would then start with closing punctuation or end
//!    with opening punctuation;
//! 2. only when a group of glued words is wider than the row on its own: at its glued white space,
//!    so a narrow pane still shows every word;
//! 3. only when a single word is wider than the row: after its last `/`, `-`, `.`, `_`, `?`, `&`,
//!    `=` or `#` that fits (an address breaks as `…/2023/online-` / `gig-work…`, not
//!    mid-word), provided that leaves at least half the row filled; else between two graphemes.
//!
//! French rules (`french == true`), whatever space the author typed: no row starts with `»`, `›`,
//! `:`, `;`, `!`, `?`, `%`, `‰`, nor with `)`, `,`, `.`, `…` that follow a space; no row ends with
//! `«` or `‹`; and a number stays with what follows it: a space is glued when the word before it
//! ends with a digit and the word after it starts with a letter, a digit, `%`, `‰`, `€` or `$`
//! (`430 millions`, `2,22 milliards`, `80 %`, `1 000`). A zero-width space followed by `»` and
//! the like is no break either. These hold whenever the glued words fit on a row; a group wider
//! than the row is broken at its glued spaces (rule 2 above).
//!
//! A grapheme counts as white space when its first char is Unicode white space; U+2060 WORD
//! JOINER and U+FEFF are not white space and, being zero-width, glue their neighbours.
//!
//! The wrapper walks the text once, allocates only the returned `Vec`, and takes a fast path for
//! ASCII characters followed by ASCII (their grapheme and width are known without lookup).

use std::ops::Range;

use ratatui::buffer::CellWidth;
use unicode_segmentation::GraphemeCursor;

/// One wrapped row: a byte range into the wrapped text and its display width in cells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// Byte range into the wrapped text, on grapheme boundaries, without leading or trailing
    /// white space.
    pub range: Range<usize>,
    /// Display width of the row in terminal cells (sum of its grapheme widths).
    pub width: u16,
}

/// Wraps one paragraph (already sanitised: no control characters, no `\n`) to `width` cells.
///
/// See the module documentation for the invariants and the break rules. `french` turns on the
/// French typographic rules (guillemets, high punctuation, numbers with their units).
#[must_use]
pub fn wrap(text: &str, width: usize, french: bool) -> Vec<Row> {
    let width = width.clamp(1, usize::from(u16::MAX));
    let mut rows = Vec::with_capacity(text.len().div_ceil(width));

    // All positions are byte offsets; all `*_cum` are cells from the start of `text`.
    let mut cum = 0;
    let mut open = false; // a non-white grapheme has been seen: a row is being filled
    let mut row_start = 0;
    let mut row_cum = 0;
    let mut content_end = 0; // end of the last non-white grapheme
    let mut content_cum = 0;
    let mut soft: Option<Break> = None; // last preferred break opportunity in the row
    let mut glued: Option<Break> = None; // last glued white-space run in the row
    let mut run: Option<Run> = None; // white space since the last non-white grapheme
    let mut zwsp: Option<Break> = None; // break after the last grapheme, a zero-width space
    let mut inner: Option<Break> = None; // after the last `/`, `-`… inside a word (rule 3)
    let mut prev_first = ' '; // first char of the last non-white grapheme
    let mut prev_width = 0;

    for g in Clusters::new(text) {
        if g.first.is_whitespace() {
            if open {
                let r = run.get_or_insert(Run {
                    start: g.start,
                    cum,
                    breaking: false,
                });
                r.breaking |= is_breaking_space(g.first);
            }
            cum += g.width;
            continue;
        }

        if !open {
            open = true;
            row_start = g.start;
            row_cum = cum;
        } else {
            // A zero-width space just before is a break opportunity unless the French rules
            // forbid the row that would follow (`»` after it).
            let after_zwsp = zwsp
                .take()
                .filter(|_| !(french && french_glue(ZERO_WIDTH_SPACE, g.first)));
            if let Some(r) = run.take() {
                let here = Break {
                    end: r.start,
                    end_cum: r.cum,
                    resume: g.start,
                    resume_cum: cum,
                };
                let french_glued = french && french_glue(prev_first, g.first);
                if r.breaking && !french_glued {
                    soft = Some(here);
                } else {
                    glued = Some(here);
                    // After a zero-width space, the no-break spaces that follow it are skipped.
                    if let Some(z) = after_zwsp.filter(|_| !french_glued) {
                        soft = Some(Break {
                            resume: g.start,
                            resume_cum: cum,
                            ..z
                        });
                    }
                }
            } else if after_zwsp.is_some() {
                soft = after_zwsp;
            } else if cjk_break(prev_first, prev_width, g.first, g.width) {
                soft = Some(Break {
                    end: g.start,
                    end_cum: cum,
                    resume: g.start,
                    resume_cum: cum,
                });
            }
        }

        // `g` does not fit on the row: break, preferring a soft opportunity, then glued white
        // space, then between graphemes. A break never leaves a row without visible content, so
        // an over-wide grapheme stays alone on its row with the zero-width graphemes around it;
        // the one exception is a row of zero-width graphemes followed by white space that does
        // not fit (`\u{200b} a` at width 1), which would otherwise take that white space in.
        loop {
            let gap = cum > content_cum; // white space between the row's content and `g`
            let overflows = content_end > row_start
                && (g.width > 0 || gap)
                && (content_cum > row_cum || gap)
                && cum + g.width - row_cum > width;
            if !overflows {
                break;
            }
            let usable = |b: &Break| b.end_cum > row_cum;
            // Inside a word, a break after `/` or `-` is worth it only if the row keeps at least
            // half its width; else the word is cut where the row is full.
            let half_full = |b: &Break| usable(b) && (b.end_cum - row_cum) * 2 >= width;
            let b = match soft.take().filter(usable) {
                Some(b) => b,
                None => glued
                    .take()
                    .filter(usable)
                    .or_else(|| inner.take().filter(half_full))
                    .unwrap_or(Break {
                        end: content_end,
                        end_cum: content_cum,
                        resume: g.start,
                        resume_cum: cum,
                    }),
            };
            rows.push(Row {
                range: row_start..b.end,
                width: cells(b.end_cum - row_cum),
            });
            row_start = b.resume;
            row_cum = b.resume_cum;
        }

        cum += g.width;
        content_end = g.end;
        content_cum = cum;
        prev_first = g.first;
        prev_width = g.width;
        if matches!(g.first, '/' | '-' | '.' | '_' | '?' | '&' | '=' | '#') && g.end - g.start == 1
        {
            inner = Some(Break {
                end: g.end,
                end_cum: cum,
                resume: g.end,
                resume_cum: cum,
            });
        }
        if g.first == ZERO_WIDTH_SPACE {
            zwsp = Some(Break {
                end: g.end,
                end_cum: cum,
                resume: g.end,
                resume_cum: cum,
            });
        }
    }

    if open {
        rows.push(Row {
            range: row_start..content_end,
            width: cells(content_cum - row_cum),
        });
    }
    rows
}

/// Cuts one line of code (or of text kept as written) into rows of at most `width` cells,
/// keeping every space: leading indentation stays, nothing is joined or reflowed. An empty line
/// is one empty row. Rows after the first continue the line (the caller marks them).
#[must_use]
pub fn wrap_verbatim(text: &str, width: usize) -> Vec<Row> {
    let width = width.clamp(1, usize::from(u16::MAX));
    let mut rows = Vec::with_capacity(1);
    let mut start = 0;
    let mut used = 0;
    for g in Clusters::new(text) {
        if used + g.width > width && used > 0 {
            rows.push(Row {
                range: start..g.start,
                width: cells(used),
            });
            start = g.start;
            used = 0;
        }
        used += g.width;
    }
    rows.push(Row {
        range: start..text.len(),
        width: cells(used),
    });
    rows
}

/// Display width of one grapheme cluster exactly as ratatui's buffer advances for it
/// ([`CellWidth::cell_width`]), except that a cluster containing a control character counts 1
/// instead of tripping ratatui's debug assertion (text is sanitised before; this is defence).
#[must_use]
pub fn grapheme_width(g: &str) -> u16 {
    if g.len() == 1 || g.chars().any(char::is_control) {
        1
    } else {
        g.cell_width()
    }
}

/// Display width of a string in cells: the sum of its grapheme widths.
#[must_use]
pub fn str_width(s: &str) -> usize {
    Clusters::new(s).map(|g| g.width).sum()
}

/// Truncates `s` to at most `width` cells on a grapheme boundary; returns the prefix and its
/// width. Stops at the first grapheme that does not fit (a wide grapheme never straddles the
/// edge), and keeps zero-width graphemes that follow the last one that fits.
#[must_use]
pub fn truncate(s: &str, width: usize) -> (&str, usize) {
    let mut used = 0;
    let mut end = 0;
    for g in Clusters::new(s) {
        if used + g.width > width {
            break;
        }
        used += g.width;
        end = g.end;
    }
    (s.get(..end).unwrap_or_default(), used)
}

const ZERO_WIDTH_SPACE: char = '\u{200B}';

/// A place where a row may end: the row ends at `end` and the next one starts at `resume`
/// (after any white space in between). `*_cum` are the cells before those positions.
#[derive(Debug, Clone, Copy)]
struct Break {
    end: usize,
    end_cum: usize,
    resume: usize,
    resume_cum: usize,
}

/// A run of white space being read: where it starts and whether it holds a breaking space.
#[derive(Debug, Clone, Copy)]
struct Run {
    start: usize,
    cum: usize,
    breaking: bool,
}

/// White space at which a row may break: all of it but the no-break spaces.
fn is_breaking_space(c: char) -> bool {
    c.is_whitespace() && !matches!(c, '\u{A0}' | '\u{202F}' | '\u{2007}')
}

/// French rules: is the white space between a word whose last grapheme starts with `before` and
/// a word whose first grapheme starts with `after` glued?
fn french_glue(before: char, after: char) -> bool {
    matches!(
        after,
        '»' | '›' | ':' | ';' | '!' | '?' | '%' | '‰' | ')' | ',' | '.' | '…'
    ) || matches!(before, '«' | '‹')
        || (before.is_ascii_digit()
            && (after.is_alphanumeric() || matches!(after, '%' | '‰' | '€' | '$')))
}

/// May a row break between two adjacent graphemes, one of them wide (CJK, emoji)?
fn cjk_break(before: char, before_width: usize, after: char, after_width: usize) -> bool {
    before_width > 0
        && after_width > 0
        && (before_width > 1 || after_width > 1)
        && !starts_nothing(after)
        && !ends_nothing(before)
}

/// Closing punctuation, iteration marks and small kana, which must not start a row (kinsoku
/// shori), with their Latin counterparts for when they follow a wide grapheme.
const NO_ROW_START: &str = ")]}»›”’,.:;!?%‰…、。，．：；？！％）］｝」』】〕〉》〗〙〛〞・ー々〻ゝゞヽヾ\
    ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ";

/// Opening punctuation, which must not end a row.
const NO_ROW_END: &str = "([{«‹“‘¿¡（［｛「『【〔〈《〖〘〚〝";

fn starts_nothing(c: char) -> bool {
    NO_ROW_START.contains(c)
}

fn ends_nothing(c: char) -> bool {
    NO_ROW_END.contains(c)
}

/// Saturating conversion of a row width to `u16` (widths are clamped to `u16::MAX` anyway).
fn cells(width: usize) -> u16 {
    u16::try_from(width).unwrap_or(u16::MAX)
}

/// One grapheme cluster: its byte range, first char and width in cells.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Cluster {
    start: usize,
    end: usize,
    first: char,
    width: usize,
}

/// Whether `c` is a grapheme cluster of its own, one cell wide, whenever the character after it
/// is ASCII, another such character, or nothing: printable ASCII, Latin-1 and Latin
/// Extended-A but the soft hyphen, the general punctuation of running text (dashes, quotes,
/// `…`, `‰`, the narrow no-break space), box drawing and blocks. None of them is a control, a
/// mark that joins what precedes it (`Extend`, `SpacingMark`, ZWJ), a `Prepend`, a regional
/// indicator or Hangul, so no grapheme rule joins two of them or one of them and ASCII (the
/// test below checks every pair against `unicode-segmentation`, and every width against
/// ratatui's).
#[inline]
fn simple(c: char) -> bool {
    matches!(c,
        ' '..='~'
        | '\u{a0}'..='\u{ac}'
        | '\u{ae}'..='\u{17f}'
        | '\u{2010}'..='\u{2027}'
        | '\u{202f}'..='\u{205e}'
        | '\u{2500}'..='\u{259f}'
    )
}

/// Whether the character at byte `at` of `text` (a char boundary) lets the one before it end
/// its cluster on the fast path: ASCII, a [`simple`] character, or the end of the text.
#[inline]
fn ends_cluster(text: &str, at: usize) -> bool {
    match text.as_bytes().get(at) {
        None => true,
        Some(b) if b.is_ascii() => true,
        Some(_) => text
            .get(at..)
            .and_then(|rest| rest.chars().next())
            .is_some_and(simple),
    }
}

/// The [`simple`] character at byte `start` of `text` that is a cluster of its own there (the
/// one after it ends it), with its end; `None` when the full grapheme rules are needed.
#[inline]
pub(crate) fn simple_at(text: &str, start: usize) -> Option<(&str, usize)> {
    let bytes = text.as_bytes();
    let &b = bytes.get(start)?;
    let end = if b.is_ascii() {
        if !(b' '..=b'~').contains(&b) {
            return None;
        }
        start + 1
    } else {
        let c = text.get(start..)?.chars().next()?;
        if !simple(c) {
            return None;
        }
        start + c.len_utf8()
    };
    if ends_cluster(text, end) {
        Some((text.get(start..end)?, end))
    } else {
        None
    }
}

/// The extended grapheme clusters of a string, as `graphemes(true)` yields them, with a fast
/// path for an ASCII character followed by ASCII (always a cluster of its own, except CR LF) and
/// for [`simple`] characters.
///
/// One cursor serves the whole walk: a fresh cursor per cluster would scan back over every
/// preceding regional indicator, quadratic on a run of flags. After the fast path has moved on,
/// `set_cursor` resets it next to an ASCII or simple character, where no rule looks further
/// back.
pub(crate) struct Clusters<'a> {
    text: &'a str,
    pos: usize,
    cursor: GraphemeCursor,
}

impl<'a> Clusters<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        Self {
            text,
            pos: 0,
            cursor: GraphemeCursor::new(0, text.len(), true),
        }
    }

    /// The cluster that starts at byte `start` (a cluster boundary), by the full grapheme
    /// rules: its end, its text and its width; whether it holds a control character.
    pub(crate) fn at(&mut self, start: usize) -> Option<(usize, &'a str, usize, bool)> {
        self.pos = start;
        let c = self.next()?;
        let g = self.text.get(c.start..c.end)?;
        let control = if g.len() == 1 {
            c.first.is_ascii_control()
        } else {
            g.chars().any(char::is_control)
        };
        Some((c.end, g, c.width, control))
    }
}

impl Iterator for Clusters<'_> {
    type Item = Cluster;

    fn next(&mut self) -> Option<Cluster> {
        let bytes = self.text.as_bytes();
        let start = self.pos;
        let &b = bytes.get(start)?;
        if b.is_ascii() && b != b'\r' && ends_cluster(self.text, start + 1) {
            self.pos = start + 1;
            return Some(Cluster {
                start,
                end: start + 1,
                first: char::from(b),
                width: 1,
            });
        }
        if !b.is_ascii()
            && let Some((g, end)) = simple_at(self.text, start)
        {
            self.pos = end;
            return Some(Cluster {
                start,
                end,
                first: g.chars().next().unwrap_or(char::REPLACEMENT_CHARACTER),
                width: 1,
            });
        }
        self.cursor.set_cursor(start);
        let end = match self.cursor.next_boundary(self.text, 0) {
            Ok(Some(end)) if end > start => end,
            // Unreachable with the whole text as the chunk; still make progress.
            _ => self.text.len(),
        };
        self.pos = end;
        let g = self.text.get(start..end).unwrap_or_default();
        let first = g.chars().next().unwrap_or(char::REPLACEMENT_CHARACTER);
        Some(Cluster {
            start,
            end,
            first,
            width: usize::from(grapheme_width(g)),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use unicode_segmentation::UnicodeSegmentation;

    /// The text of each row.
    fn rows(text: &str, width: usize, french: bool) -> Vec<&str> {
        wrap(text, width, french)
            .into_iter()
            .map(|r| &text[r.range])
            .collect()
    }

    fn widths(text: &str, width: usize, french: bool) -> Vec<u16> {
        wrap(text, width, french)
            .into_iter()
            .map(|r| r.width)
            .collect()
    }

    /// Paragraph 2 of the bundled article, as typed (NBSP after « and before »).
    const PARAGRAPH: &str = "Les «\u{a0}data workers\u{a0}» constituent alors la cheville ouvrière du \
        développement de l’IA : on estime que 80 % du temps consacré à un projet de développement \
        d’intelligence artificielle est dédié à la collecte, la préparation et l’annotation des \
        données (Cognilytica Research, 2019). En 2022, le marché mondial de la collecte et de \
        l’étiquetage des données était évalué à 2,22 milliards de dollars et pourrait atteindre \
        17,10 milliards d’ici 2030 (Grand View Research, 2022). Pour répondre à cette demande \
        croissante, les grandes entreprises externalisent ces tâches. Mais derrière cette \
        invisibilisation du travail humain se cache une réalité brutale : un système \
        d’exploitation mondialisé !";

    /// Checks the French rules at every row boundary of `text` wrapped at `width`, and that no
    /// row is wider than `width`; returns the rows.
    fn assert_french_rules(text: &str, width: usize) -> Vec<&str> {
        let rows = rows(text, width, true);
        for pair in rows.windows(2) {
            let (row, next) = (pair[0], pair[1]);
            let last = row.chars().last().unwrap();
            let first = next.chars().next().unwrap();
            let ctx = format!("width {width}: {row:?} | {next:?}");
            assert!(last != '«', "row ends with «: {ctx}");
            assert!(
                !"»:;!?%),.…".contains(first),
                "row starts with {first:?}: {ctx}"
            );
            let unit = first.is_alphanumeric() || "%‰€$".contains(first);
            assert!(
                !(last.is_ascii_digit() && unit),
                "number split from its unit: {ctx}"
            );
        }
        for row in &rows {
            assert!(str_width(row) <= width, "row wider than {width}: {row:?}");
        }
        rows
    }

    #[test]
    fn empty_or_white_space_only_text_gives_no_row() {
        for text in [
            "",
            " ",
            "    ",
            "\u{a0}\u{202f} \u{3000}\u{2003}",
            "\u{2007}",
        ] {
            assert_eq!(wrap(text, 10, true), vec![], "{text:?}");
            assert_eq!(wrap(text, 1, false), vec![], "{text:?}");
        }
    }

    #[test]
    fn leading_and_trailing_white_space_is_skipped() {
        let text = "  ab cd \u{a0} ";
        assert_eq!(
            wrap(text, 80, false),
            vec![Row {
                range: 2..7,
                width: 5
            }]
        );
        assert_eq!(rows(text, 2, false), ["ab", "cd"]);
        assert_eq!(rows("\u{a0}\u{a0}x\u{a0}", 5, true), ["x"]);
    }

    #[test]
    fn rows_are_filled_greedily_at_spaces() {
        let text = "the quick brown fox jumps over the lazy dog";
        assert_eq!(
            rows(text, 10, false),
            ["the quick", "brown fox", "jumps over", "the lazy", "dog"]
        );
        assert_eq!(widths(text, 10, false), [9, 9, 10, 8, 3]);
        assert_eq!(rows(text, 43, false), [text]);
        // Several spaces at a break are all skipped; inside a row they are kept.
        assert_eq!(rows("ab   cd  ef", 7, false), ["ab   cd", "ef"]);
    }

    #[test]
    fn width_zero_behaves_like_width_one() {
        assert_eq!(wrap("ab c", 0, false), wrap("ab c", 1, false));
        assert_eq!(rows("ab c", 0, false), ["a", "b", "c"]);
    }

    #[test]
    fn a_grapheme_wider_than_the_width_goes_alone_on_its_row() {
        assert_eq!(rows("中a文", 1, false), ["中", "a", "文"]);
        assert_eq!(widths("中a文", 1, false), [2, 1, 2]);
        // Zero-width graphemes after it do not make a row of their own.
        assert_eq!(
            rows("中\u{2060}\u{200b}a", 1, false),
            ["中\u{2060}\u{200b}", "a"]
        );
    }

    #[test]
    fn a_wide_grapheme_never_straddles_the_edge() {
        // The word joiner forbids the CJK break, so this is a hard break: 中 moves down whole.
        assert_eq!(rows("abc\u{2060}中", 4, false), ["abc\u{2060}", "中"]);
        assert_eq!(widths("abc\u{2060}中", 4, false), [3, 2]);
        assert_eq!(rows("中文中文中", 3, false), ["中", "文", "中", "文", "中"]);
    }

    #[test]
    fn zero_width_graphemes_never_bring_white_space_past_the_edge() {
        assert_eq!(rows("abc  \u{200b}def", 4, false), ["abc", "\u{200b}def"]);
        assert_eq!(widths("abc  \u{200b}def", 4, false), [3, 3]);
        // Degenerate: with nothing visible to share a row with, a zero-width row rather than a
        // row wider than the width.
        assert_eq!(rows("\u{200b} a", 1, false), ["\u{200b}", "a"]);
        assert_eq!(rows("abc  \u{2060}", 4, false), ["abc", "\u{2060}"]);
    }

    #[test]
    fn an_address_too_long_for_the_row_breaks_after_a_slash_or_a_dash() {
        let url = "https://live.worldbank.org/en/event/2023/online-gig-work-digital-labor-markets";
        assert_eq!(
            rows(url, 50, true),
            [
                "https://live.worldbank.org/en/event/2023/online-",
                "gig-work-digital-labor-markets"
            ]
        );
        // A break that would leave the row less than half full cuts where the row is full.
        assert_eq!(
            rows("ab/cdefghijklmnop", 10, true),
            ["ab/cdefghi", "jklmnop"]
        );
        // Words that fit are never broken at their dashes.
        assert_eq!(
            rows("main-d’œuvre bien réelle", 14, true),
            ["main-d’œuvre", "bien réelle"]
        );
    }

    #[test]
    fn a_300_character_word_is_hard_broken_without_loss() {
        let word: String = (b'a'..=b'z').cycle().take(300).map(char::from).collect();
        let got = rows(&word, 20, false);
        assert_eq!(got.len(), 15);
        assert!(got.iter().all(|r| r.len() == 20));
        assert_eq!(got.concat(), word);
        // A short word before it stays on its own row; the long word starts a new row.
        let text = format!("x {word}");
        let got = rows(&text, 20, true);
        assert_eq!(got[0], "x");
        assert_eq!(got[1..].concat(), word);
    }

    #[test]
    fn french_paragraph_keeps_its_typography_at_every_width() {
        let plain = PARAGRAPH.replace('\u{a0}', " ");
        for text in [PARAGRAPH, plain.as_str()] {
            // The widest word is `invisibilisation` (16 cells), the widest glued group
            // `17,10 milliards` (15): from 16 on, nothing has to be broken.
            for width in 16..=120 {
                let got = assert_french_rules(text, width);
                let rebuilt: String = got.join(" ");
                assert_eq!(rebuilt.replace('\u{a0}', " "), plain, "width {width}");
            }
        }
    }

    #[test]
    fn eighty_percent_stays_together_with_a_plain_or_a_no_break_space() {
        for space in [" ", "\u{202f}", "\u{a0}"] {
            let text = format!("on estime que 80{space}% du temps");
            for width in 4..=str_width(&text) {
                for french in [true, false] {
                    if space == " " && !french {
                        continue;
                    }
                    let got = rows(&text, width, french);
                    let row = got.iter().find(|r| r.contains("80")).unwrap();
                    assert!(row.contains('%'), "width {width}, {space:?}: {got:?}");
                }
            }
        }
    }

    #[test]
    fn without_french_rules_a_plain_space_before_percent_may_break() {
        assert_eq!(rows("que 80 % du", 6, false), ["que 80", "% du"]);
        assert_eq!(rows("que 80 % du", 6, true), ["que", "80 %", "du"]);
    }

    #[test]
    fn guillemets_keep_their_words_with_plain_spaces() {
        let text = "Les « data workers » constituent la cheville";
        for width in 9..=str_width(text) {
            assert_french_rules(text, width);
        }
        assert_eq!(
            rows(text, 12, true),
            ["Les « data", "workers »", "constituent", "la cheville"]
        );
        // Without the rules, plain spaces leave « at a row end and » at a row start.
        assert_eq!(rows(text, 9, true)[..3], ["Les", "« data", "workers »"]);
        assert_eq!(rows(text, 9, false)[..2], ["Les «", "data"]);
        assert!(rows(text, 8, false).iter().any(|r| r.starts_with('»')));
    }

    #[test]
    fn numbers_stay_with_the_word_that_follows() {
        for (text, group) in [
            ("près de 430 millions de modérateurs", "430 millions"),
            ("était évalué à 2,22 milliards de dollars", "2,22 milliards"),
            (
                "pourrait atteindre 17,10 milliards d’ici 2030",
                "17,10 milliards",
            ),
            ("pour un coût de 1 000 euros par mois", "1 000 euros"),
            ("le prix est de 30 € et 5 $ au total", "30 €"),
        ] {
            for width in str_width(group)..=str_width(text) {
                let got = assert_french_rules(text, width);
                assert!(
                    got.iter().any(|r| r.contains(group)),
                    "width {width}: {got:?}"
                );
            }
        }
    }

    #[test]
    fn high_punctuation_after_a_plain_space_never_starts_a_row() {
        let text = "une réalité brutale : un système ; vraiment ! pourquoi ? oui";
        for width in 10..=str_width(text) {
            assert_french_rules(text, width);
        }
        // The rule really is what keeps them: without it they would start rows.
        assert!(rows(text, 19, false).contains(&": un système ;"));
    }

    #[test]
    fn cjk_breaks_between_wide_characters_but_not_before_closing_punctuation() {
        assert_eq!(
            rows("中文没有空格。", 4, false),
            ["中文", "没有", "空", "格。"]
        );
        assert_eq!(rows("使用Rust语言", 6, false), ["使用", "Rust语", "言"]);
        assert_eq!(rows("「引用」です", 4, false), ["「引", "用」", "です"]);
        assert_eq!(widths("中文没有空格。", 4, false), [4, 4, 2, 4]);
    }

    #[test]
    fn combining_marks_stay_with_their_letter() {
        let text = "e\u{301}e\u{301}e\u{301}";
        assert_eq!(rows(text, 2, false), ["e\u{301}e\u{301}", "e\u{301}"]);
        assert_eq!(widths(text, 2, false), [2, 1]);
        assert_eq!(rows("cafe\u{301} noir", 5, true), ["cafe\u{301}", "noir"]);
    }

    #[test]
    fn zwj_emoji_is_one_wide_grapheme() {
        let scientist = "👩\u{200d}🔬";
        assert_eq!(grapheme_width(scientist), 2);
        assert_eq!(rows(&format!("ab{scientist}"), 3, false), ["ab", scientist]);
        assert_eq!(
            rows(&format!("{scientist}{scientist}"), 1, false),
            [scientist, scientist]
        );
    }

    #[test]
    fn flags_pair_their_regional_indicators() {
        let flags = "🇫🇷🇩🇪🇮🇹";
        assert_eq!(rows(flags, 4, false), ["🇫🇷🇩🇪", "🇮🇹"]);
        assert_eq!(
            rows(&format!("a{flags}"), 2, false),
            ["a", "🇫🇷", "🇩🇪", "🇮🇹"]
        );
        assert_eq!(str_width(&flags.repeat(1000)), 6000);
    }

    #[test]
    fn no_break_spaces_glue_unless_the_group_cannot_fit() {
        assert_eq!(rows("x a\u{a0}b", 4, false), ["x", "a\u{a0}b"]);
        assert_eq!(
            rows("a\u{a0}b\u{a0}c d", 5, false),
            ["a\u{a0}b\u{a0}c", "d"]
        );
        // Too wide for a row: broken at its glued spaces before breaking any word.
        assert_eq!(rows("a\u{a0}b\u{a0}c d", 4, false), ["a\u{a0}b", "c d"]);
        assert_eq!(rows("ab\u{202f}cdefgh", 4, false), ["ab", "cdef", "gh"]);
        assert_eq!(rows("1\u{2007}000\u{a0}000", 3, false), ["1", "000", "000"]);
    }

    #[test]
    fn a_zero_width_space_is_a_break_opportunity() {
        assert_eq!(rows("abc\u{200b}def", 4, false), ["abc\u{200b}", "def"]);
        assert_eq!(rows("abc\u{200b}def", 6, false), ["abc\u{200b}def"]);
        // The white space after it is skipped too when the break is taken there.
        assert_eq!(rows("ab\u{200b}\u{a0}cd", 3, false), ["ab\u{200b}", "cd"]);
        // The French rules prevail over it: » does not start a row.
        assert_eq!(rows("xy ab\u{200b} »cd", 7, true), ["xy", "ab\u{200b} »cd"]);
        assert_eq!(
            rows("xy ab\u{200b} »cd", 7, false),
            ["xy ab\u{200b}", "»cd"]
        );
    }

    #[test]
    fn grapheme_width_is_ratatuis_cell_width_and_tolerates_controls() {
        for g in [
            "a",
            "é",
            "e\u{301}",
            "中",
            "👩\u{200d}🔬",
            "क्ष",
            "\u{200b}",
            "\u{ff9e}",
            "ｶﾞ",
            "🇫🇷",
        ] {
            assert_eq!(grapheme_width(g), g.cell_width(), "{g:?}");
        }
        assert_eq!(grapheme_width("\u{ff9e}"), 2);
        for control in ["\n", "\u{1b}", "\r\n", "\u{85}", "\u{7f}"] {
            assert_eq!(grapheme_width(control), 1, "{control:?}");
        }
    }

    #[test]
    fn str_width_sums_grapheme_widths() {
        assert_eq!(str_width(""), 0);
        assert_eq!(str_width("abc"), 3);
        assert_eq!(str_width("e\u{301}中👩\u{200d}🔬\u{200b}"), 5);
    }

    #[test]
    fn truncate_cuts_on_a_grapheme_boundary_within_the_width() {
        assert_eq!(truncate("abc", 10), ("abc", 3));
        assert_eq!(truncate("abc", 2), ("ab", 2));
        assert_eq!(truncate("ab中", 3), ("ab", 2));
        assert_eq!(truncate("中", 1), ("", 0));
        assert_eq!(truncate("ab\u{200b}c", 2), ("ab\u{200b}", 2));
        assert_eq!(truncate("e\u{301}x", 1), ("e\u{301}", 1));
        assert_eq!(truncate("abc", 0), ("", 0));
    }

    #[test]
    fn a_huge_width_is_clamped_to_what_a_row_can_hold() {
        assert_eq!(
            wrap("a b", usize::MAX, false),
            vec![Row {
                range: 0..3,
                width: 3
            }]
        );
    }

    /// Every simple character is one cell wide, and a cluster of its own before ASCII or
    /// another simple character, whatever precedes it (no grapheme rule looks back past an
    /// ASCII or simple character, nor joins one to the next).
    #[test]
    fn simple_characters_are_clusters_of_their_own() {
        let simple_chars: Vec<char> = ('\0'..='\u{2fff}').filter(|&c| simple(c)).collect();
        let followers: Vec<char> = ('\0'..='\u{7f}')
            .chain(simple_chars.iter().copied())
            .collect();
        let mut text = String::new();
        for &c in &simple_chars {
            let mut buf = [0; 4];
            let one = c.encode_utf8(&mut buf);
            assert_eq!(one.cell_width(), 1, "{c:?}");
            assert_eq!(grapheme_width(one), 1, "{c:?}");
            assert!(!c.is_control(), "{c:?}");
            for &next in &followers {
                text.clear();
                text.push(c);
                text.push(next);
                assert_eq!(
                    text.graphemes(true).next(),
                    Some(&*one),
                    "{c:?} then {next:?}"
                );
            }
        }
        // ASCII before a simple character.
        for b in 0u8..0x80 {
            for &c in &simple_chars {
                text.clear();
                text.push(char::from(b));
                text.push(c);
                let first = text.graphemes(true).next().map(str::len);
                assert!(b == b'\r' || first == Some(1), "{b:?} then {c:?}");
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// The fast path yields exactly the clusters and widths of `graphemes(true)`.
        #[test]
        fn clusters_match_unicode_segmentation(
            text in r"(\PC|[ \r\n\u{301}\u{200d}\u{fe0f}\u{ff9e}\u{1f1eb}\u{1f1f7}\u{1f469}\u{1f52c}aé中©»’…─\u{a0}\u{ad}\u{202f}])*"
        ) {
            let ours: Vec<(usize, usize, usize)> =
                Clusters::new(&text).map(|g| (g.start, g.end, g.width)).collect();
            let theirs: Vec<(usize, usize, usize)> = text
                .grapheme_indices(true)
                .map(|(i, g)| (i, i + g.len(), usize::from(grapheme_width(g))))
                .collect();
            prop_assert_eq!(ours, theirs);
        }
    }
}

//! Sanitising untrusted text: every string read from a file goes through here before it can reach
//! the terminal.
//!
//! Nothing is silently deleted (except a leading byte-order mark): a control character is *shown*,
//! as the Unicode control picture for C0 (`␀`…`␟`), `␛` for ESC and `␡` for DEL, so that a hostile
//! or broken file is visible as such. Once ESC is gone an escape sequence is plain harmless text
//! (`\x1b[31m` becomes `␛[31m`). C1 controls and bidi overrides, which have no picture, become
//! U+FFFD. Invariant: the output of [`clean_line`] and [`clean_block`] satisfies [`is_clean`].

use std::borrow::Cow;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthChar;

/// A grapheme cluster longer than this many chars is cut (combining-mark "zalgo" text).
pub const MAX_GRAPHEME_CHARS: usize = 32;

/// Tab stops of [`clean_block`], in columns.
pub const TAB_STOP: usize = 4;

const BOM: char = '\u{FEFF}';

/// Sanitises a one-line string: controls shown as pictures, tabs and line breaks become one space.
///
/// `\r\n` counts as one line break. U+2028/U+2029 (line and paragraph separators) also become a
/// space. No-break spaces (U+00A0, U+202F) are kept as they are.
pub fn clean_line(s: &str) -> String {
    clean(s, false)
}

/// Sanitises a multi-line string: like [`clean_line`] but keeps line breaks as `\n`.
///
/// `\r\n`, a lone `\r`, U+2028 and U+2029 become `\n`; a tab becomes spaces up to the next multiple
/// of [`TAB_STOP`] display columns.
pub fn clean_block(s: &str) -> String {
    clean(s, true)
}

/// [`clean_line`], without a copy when it would change nothing (most text).
pub fn clean_line_cow(s: &str) -> Cow<'_, str> {
    clean_cow(s, false)
}

/// [`clean_block`], without a copy when it would change nothing.
pub fn clean_block_cow(s: &str) -> Cow<'_, str> {
    clean_cow(s, true)
}

fn clean_cow(s: &str, keep_breaks: bool) -> Cow<'_, str> {
    let trimmed = s.trim_start_matches(BOM);
    let unchanged = if trimmed.is_ascii() {
        // Printable ASCII (and line breaks in a block); a fold without early exit, which the
        // compiler vectorises.
        trimmed.bytes().fold(true, |ok, b| {
            ok & ((b.wrapping_sub(0x20) < 0x5F) | (keep_breaks & (b == b'\n')))
        })
    } else {
        !needs_mapping(trimmed, keep_breaks) && !may_hold_long_graphemes(trimmed)
    };
    if unchanged {
        Cow::Borrowed(trimmed)
    } else {
        Cow::Owned(clean(s, keep_breaks))
    }
}

/// Whether `s` holds nothing [`clean_line`] / [`clean_block`] would change, apart from tabs'
/// widths: no control character except `\n`, no bidi control, no line or paragraph separator, no
/// leading byte-order mark and no grapheme cluster longer than [`MAX_GRAPHEME_CHARS`] chars.
pub fn is_clean(s: &str) -> bool {
    !s.starts_with(BOM)
        && s.chars()
            .all(|c| c == '\n' || !(c.is_control() || is_bidi_control(c) || is_separator(c)))
        && (s.is_ascii()
            || s.graphemes(true)
                .all(|g| g.chars().count() <= MAX_GRAPHEME_CHARS))
}

/// Bidi embedding, override and isolate controls, and the directional marks: they can reorder
/// what the terminal shows (the "Trojan Source" trick) and have no business in an article.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR: line breaks that terminals do not break on.
fn is_separator(c: char) -> bool {
    matches!(c, '\u{2028}' | '\u{2029}')
}

fn clean(s: &str, keep_breaks: bool) -> String {
    let s = s.trim_start_matches(BOM);
    if !needs_mapping(s, keep_breaks) {
        // The common case (most text has nothing to neutralise): one scan, one copy.
        let out = s.to_owned();
        return if may_hold_long_graphemes(&out) {
            cut_long_graphemes(out)
        } else {
            out
        };
    }
    let mut out = String::with_capacity(s.len());
    // Display column since the last line break, for tab expansion in blocks.
    let mut column = 0usize;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        let break_char = if keep_breaks { '\n' } else { ' ' };
        let mapped = match c {
            '\r' => {
                // `\r\n` is one line break.
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                break_char
            }
            '\n' => break_char,
            c if is_separator(c) => break_char,
            '\t' if keep_breaks => {
                let spaces = TAB_STOP - column % TAB_STOP;
                out.extend(std::iter::repeat_n(' ', spaces));
                column += spaces;
                continue;
            }
            '\t' => ' ',
            '\u{1B}' => '\u{241B}',
            '\u{7F}' => '\u{2421}',
            // The rest of C0: U+2400 + code is its control picture.
            '\u{0}'..='\u{1F}' => char::from_u32(0x2400 + u32::from(c)).unwrap_or('\u{FFFD}'),
            '\u{80}'..='\u{9F}' => '\u{FFFD}',
            c if is_bidi_control(c) => '\u{FFFD}',
            c => c,
        };
        out.push(mapped);
        // Columns only matter for tabs in blocks.
        if keep_breaks {
            column = if mapped == '\n' {
                0
            } else {
                column + mapped.width().unwrap_or(0)
            };
        }
    }
    if may_hold_long_graphemes(&out) {
        cut_long_graphemes(out)
    } else {
        out
    }
}

/// Whether any char of `s` would be changed by the mapping in [`clean`].
fn needs_mapping(s: &str, keep_breaks: bool) -> bool {
    let control = |b: u8| (b < 0x20 && !(keep_breaks && b == b'\n')) || b == 0x7F;
    s.bytes().any(control)
        || (!s.is_ascii()
            && s.chars().any(|c| {
                !c.is_ascii()
                    && (matches!(c, '\u{80}'..='\u{9F}') || is_separator(c) || is_bidi_control(c))
            }))
}

/// A cheap test that rules out grapheme clusters over [`MAX_GRAPHEME_CHARS`] chars, so that most
/// text is not segmented at all: such a cluster holds at most one ASCII char (its base), so it
/// needs a run of that many non-ASCII chars.
fn may_hold_long_graphemes(s: &str) -> bool {
    let mut run = 0;
    for c in s.chars() {
        run = if c.is_ascii() { 0 } else { run + 1 };
        if run >= MAX_GRAPHEME_CHARS {
            return true;
        }
    }
    false
}

/// Cuts every grapheme cluster longer than [`MAX_GRAPHEME_CHARS`] chars to its first chars.
///
/// Repeats until stable: a cut cluster can, rarely, join the next one (a cut after a ZWJ), and
/// every pass makes the string shorter, so this ends.
fn cut_long_graphemes(mut s: String) -> String {
    while !s
        .graphemes(true)
        .all(|g| g.chars().count() <= MAX_GRAPHEME_CHARS)
    {
        let mut out = String::with_capacity(s.len());
        for g in s.graphemes(true) {
            out.extend(g.chars().take(MAX_GRAPHEME_CHARS));
        }
        s = out;
    }
    s
}

/// Longest address written into a hyperlink or handed to the opener.
const MAX_URL: usize = 2048;

/// The address, if it is safe to put in an escape sequence or hand to the opener: `http://` or
/// `https://` with a host, at most 2048 characters, printable ASCII only (no space, no control
/// character, no escape: a non-ASCII address would have to be percent-encoded first).
pub fn safe_url(url: &str) -> Option<&str> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let printable = url.bytes().all(|b| (0x21..=0x7e).contains(&b));
    (printable && !host.is_empty() && url.len() <= MAX_URL).then_some(url)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn escape_sequences_lose_their_esc_and_stay_visible() {
        assert_eq!(clean_line("a\x1b[31mred\x1b[0m"), "a␛[31mred␛[0m");
        // OSC 8 hyperlink, terminated by BEL then by ST.
        assert_eq!(clean_line("\x1b]8;;http://x\x07link"), "␛]8;;http://x␇link");
        assert_eq!(clean_line("\x1bP1$r\x1b\\"), "␛P1$r␛\\");
    }

    #[test]
    fn c0_controls_become_control_pictures() {
        assert_eq!(clean_line("\0\x01\x08\x0b\x0c\x1f"), "␀␁␈␋␌␟");
        assert_eq!(clean_block("\x07"), "␇");
    }

    #[test]
    fn del_becomes_its_picture() {
        assert_eq!(clean_line("a\x7fb"), "a␡b");
    }

    #[test]
    fn c1_controls_become_replacement_characters() {
        // U+009B is the one-byte CSI.
        assert_eq!(
            clean_line("\u{9b}31m\u{80}\u{9f}"),
            "\u{FFFD}31m\u{FFFD}\u{FFFD}"
        );
    }

    #[test]
    fn tabs_become_one_space_in_a_line() {
        assert_eq!(clean_line("a\tb\t\tc"), "a b  c");
    }

    #[test]
    fn tabs_expand_to_the_next_stop_in_a_block() {
        assert_eq!(clean_block("\tx"), "    x");
        assert_eq!(clean_block("ab\tx"), "ab  x");
        assert_eq!(clean_block("abcd\tx"), "abcd    x");
        assert_eq!(clean_block("ab\ncd\tx"), "ab\ncd  x");
        // Columns are display columns: a wide char counts two.
        assert_eq!(clean_block("日\tx"), "日  x");
    }

    #[test]
    fn line_breaks_become_spaces_in_a_line() {
        assert_eq!(clean_line("a\nb\r\nc\rd"), "a b c d");
        assert_eq!(clean_line("a\u{2028}b\u{2029}c"), "a b c");
    }

    #[test]
    fn line_breaks_are_normalised_in_a_block() {
        assert_eq!(clean_block("a\r\nb\rc\nd"), "a\nb\nc\nd");
        assert_eq!(clean_block("a\r\n\r\nb"), "a\n\nb");
        assert_eq!(clean_block("a\u{2029}b"), "a\nb");
    }

    #[test]
    fn bidi_controls_become_replacement_characters() {
        for c in ['\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}'] {
            assert_eq!(clean_line(&format!("a{c}b")), "a\u{FFFD}b");
        }
        for c in [
            '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}', '\u{200E}', '\u{200F}',
        ] {
            assert_eq!(clean_block(&format!("a{c}b")), "a\u{FFFD}b");
        }
    }

    #[test]
    fn a_leading_bom_is_dropped_and_others_kept() {
        assert_eq!(clean_line("\u{FEFF}titre"), "titre");
        assert_eq!(clean_line("a\u{FEFF}b"), "a\u{FEFF}b");
        assert_eq!(clean_line("\u{FEFF}\u{FEFF}x"), "x");
    }

    #[test]
    fn long_grapheme_clusters_are_cut() {
        let zalgo = format!("e{}x", "\u{301}".repeat(100));
        let cleaned = clean_line(&zalgo);
        assert_eq!(
            cleaned,
            format!("e{}x", "\u{301}".repeat(MAX_GRAPHEME_CHARS - 1))
        );
        // A normal cluster is untouched.
        assert_eq!(clean_line("e\u{301} 👩\u{200d}🔬"), "e\u{301} 👩\u{200d}🔬");
    }

    #[test]
    fn a_long_cluster_on_an_ascii_base_is_found() {
        let zalgo = format!("a{}", "\u{301}".repeat(MAX_GRAPHEME_CHARS));
        assert!(may_hold_long_graphemes(&zalgo));
        assert_eq!(clean_line(&zalgo).chars().count(), MAX_GRAPHEME_CHARS);
        assert!(!may_hold_long_graphemes("« L’été à Noël », déjà vu"));
    }

    #[test]
    fn french_typography_is_kept() {
        let s = "« 80\u{202F}% » de\u{00A0}l’IA ; main-d’œuvre";
        assert_eq!(clean_line(s), s);
        assert_eq!(clean_block(s), s);
    }

    #[test]
    fn is_clean_rejects_what_clean_changes() {
        assert!(is_clean("a\nb « c »\u{00A0}d"));
        assert!(!is_clean("a\tb"));
        assert!(!is_clean("a\rb"));
        assert!(!is_clean("\x1b[0m"));
        assert!(!is_clean("\u{85}"));
        assert!(!is_clean("\u{202E}abc"));
        assert!(!is_clean("\u{FEFF}abc"));
        assert!(!is_clean(&format!("e{}", "\u{301}".repeat(40))));
    }

    proptest! {
        #[test]
        fn cleaned_text_is_clean(s in any::<String>()) {
            let line = clean_line(&s);
            prop_assert!(is_clean(&line));
            prop_assert!(!line.contains('\n'));
            prop_assert!(is_clean(&clean_block(&s)));
        }

        #[test]
        fn cleaning_is_idempotent(s in any::<String>()) {
            let line = clean_line(&s);
            prop_assert_eq!(clean_line(&line), line.clone());
            let block = clean_block(&s);
            prop_assert_eq!(clean_block(&block), block.clone());
        }

        #[test]
        fn hostile_bytes_never_leave_an_escape(s in "[\\x00-\\x1f\\x7f\\u{80}-\\u{9f}a \\[\\]]{0,64}") {
            prop_assert!(!clean_line(&s).contains('\x1b'));
            prop_assert!(!clean_block(&s).chars().any(|c| c != '\n' && c.is_control()));
        }
    }
}

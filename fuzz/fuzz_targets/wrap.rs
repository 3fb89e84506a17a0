//! Fuzz target: the wrapping engine.
//!
//! The input is a width (first byte), the French flag (second byte, odd = French) and a
//! paragraph (the rest, decoded lossily and sanitised as the loader does). The invariants of
//! `glose::text::wrap` must hold: rows in order, on grapheme boundaries, not overlapping, with
//! only white space between them; each row as wide as its graphemes and no wider than the width
//! (unless it is one grapheme wider than the width); no row starting or ending with white space.

#![no_main]

use glose::text::sanitize::clean_line;
use glose::text::wrap::{str_width, wrap};
use libfuzzer_sys::fuzz_target;
use unicode_segmentation::UnicodeSegmentation;

fn is_white(g: &str) -> bool {
    g.chars().next().is_some_and(char::is_whitespace)
}

fuzz_target!(|data: &[u8]| {
    let [width, flags, rest @ ..] = data else {
        return;
    };
    let width = usize::from(*width);
    let french = flags % 2 == 1;
    let text = clean_line(&String::from_utf8_lossy(rest));
    let rows = wrap(&text, width, french);
    let boundaries: Vec<usize> = text
        .grapheme_indices(true)
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect();
    let mut at = 0;
    for row in &rows {
        assert!(at <= row.range.start && row.range.start < row.range.end, "{rows:?}");
        assert!(boundaries.binary_search(&row.range.start).is_ok());
        assert!(boundaries.binary_search(&row.range.end).is_ok());
        let gap = &text[at..row.range.start];
        assert!(gap.graphemes(true).all(is_white), "skipped {gap:?}");
        let s = &text[row.range.clone()];
        assert_eq!(usize::from(row.width), str_width(s), "{s:?}");
        let graphemes: Vec<&str> = s.graphemes(true).collect();
        let (first, last) = (graphemes[0], graphemes[graphemes.len() - 1]);
        assert!(!is_white(first) && !is_white(last), "row {s:?}");
        if usize::from(row.width) > width.max(1) {
            let visible = graphemes.iter().filter(|g| str_width(g) > 0).count();
            assert_eq!(visible, 1, "over-wide row {s:?} at width {width}");
        }
        at = row.range.end;
    }
    assert!(text[at..].graphemes(true).all(is_white));
    assert_eq!(rows.is_empty(), text.graphemes(true).all(is_white));
});

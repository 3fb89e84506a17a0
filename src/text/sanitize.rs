//! Sanitising untrusted text (stub: filled by the loader work).
//!
//! Minimal stand-in with the loader's signatures, so the search branch can sanitise config
//! strings now; the loader's full version replaces this file on merge.

/// Sanitises a one-line string: control characters, bidi overrides and line breaks cannot
/// reach the terminal (controls become U+FFFD, breaks and tabs a space).
pub fn clean_line(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\n' | '\r' | '\t' | '\u{2028}' | '\u{2029}' => ' ',
            c if is_unsafe(c) => '\u{FFFD}',
            c => c,
        })
        .collect()
}

/// Sanitises a multi-line string: like [`clean_line`] but keeps `\n`.
pub fn clean_block(s: &str) -> String {
    s.replace("\r\n", "\n")
        .split('\n')
        .map(clean_line)
        .collect::<Vec<_>>()
        .join("\n")
}

fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

//! Sanitising untrusted text (minimal stand-in until the loader's version lands in main; the
//! loader's `clean_line` / `clean_block` replace this file on merge).

/// Sanitises a one-line string: control characters shown as pictures, line breaks as spaces.
pub fn clean_line(s: &str) -> String {
    clean(s, false)
}

/// Sanitises a multi-line string: like `clean_line` but keeps line breaks as `\n`.
pub fn clean_block(s: &str) -> String {
    clean(s, true)
}

fn clean(s: &str, keep_breaks: bool) -> String {
    let s = s.replace("\r\n", "\n");
    s.chars()
        .map(|c| match c {
            '\n' | '\r' | '\u{2028}' | '\u{2029}' if keep_breaks => '\n',
            '\n' | '\r' | '\t' | '\u{2028}' | '\u{2029}' => ' ',
            '\u{1b}' => '␛',
            '\u{7f}' => '␡',
            c if u32::from(c) < 0x20 => char::from_u32(0x2400 + u32::from(c)).unwrap_or('\u{FFFD}'),
            c if c.is_control() => '\u{FFFD}',
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' => {
                '\u{FFFD}'
            }
            c => c,
        })
        .collect()
}

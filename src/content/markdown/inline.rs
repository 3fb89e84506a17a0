//! Inline pieces: style boundaries flattened into runs, the words of raw HTML, bare addresses
//! found in text (GFM's extended autolinks).

use crate::content::model::{InlineStyle, STYLE_IMAGE, STYLE_LINK};
use std::ops::Range;

use crate::text::sanitize::clean_line;

/// Style boundaries as runs that never overlap, appended to `out`: at each boundary the set of
/// open styles changes. `edges` holds (byte, bit, link) twice per style: at its start (with its
/// link) and at its end; it is emptied.
pub(super) fn flatten(
    edges: &mut Vec<(usize, u8, Option<usize>)>,
    len: usize,
    out: &mut Vec<InlineStyle>,
) {
    if edges.is_empty() {
        return;
    }
    // Starts and ends come in pairs; tell them apart by pairing in order of appearance.
    let mut events: Vec<(usize, i8, u8, Option<usize>)> = Vec::with_capacity(edges.len());
    for pair in edges.chunks(2) {
        if let [(start, bit, link), (end, _, _)] = pair {
            events.push((*start, 1, *bit, *link));
            events.push((*end, -1, *bit, None));
        }
    }
    edges.clear();
    events.sort_by_key(|e| (e.0, e.1));
    let mut counts = [0u32; 6];
    let mut links: Vec<usize> = Vec::new();
    let mut at = 0;
    let mut index = 0;
    while index < events.len() {
        let Some(&(byte, ..)) = events.get(index) else {
            break;
        };
        let style = counts
            .iter()
            .enumerate()
            .filter(|&(_, &c)| c > 0)
            .fold(0u8, |s, (i, _)| s | (1 << i));
        if byte > at && style != 0 && at < byte.min(len) {
            out.push(InlineStyle::new(
                at..byte.min(len),
                style,
                links.last().copied(),
            ));
        }
        while let Some(&(b, delta, bit, link)) = events.get(index) {
            if b != byte {
                break;
            }
            let slot = bit.trailing_zeros() as usize;
            if let Some(c) = counts.get_mut(slot) {
                if delta > 0 {
                    *c += 1;
                } else {
                    *c = c.saturating_sub(1);
                }
            }
            if bit & (STYLE_LINK | STYLE_IMAGE) != 0 {
                if delta > 0 {
                    if let Some(l) = link {
                        links.push(l);
                    }
                } else if bit & (STYLE_LINK | STYLE_IMAGE) != 0 && link.is_none() {
                    // A link's end: the innermost link closes (links do not nest in CommonMark,
                    // but an image can sit in a link).
                    links.pop();
                }
            }
            index += 1;
        }
        at = byte;
    }
}

/// The words of raw HTML: comments and tags hidden, entities decoded, white space runs as one
/// space, sanitised.
pub fn html_words(html: &str) -> String {
    let mut words = String::with_capacity(html.len());
    let mut rest = html;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after
                .find("-->")
                .map_or("", |i| after.get(i + 3..).unwrap_or(""));
        } else if rest.starts_with('<')
            && rest.get(1..2).is_some_and(|c| {
                c.chars()
                    .all(|c| c.is_ascii_alphabetic() || c == '/' || c == '!' || c == '?')
            })
        {
            rest = rest
                .find('>')
                .map_or("", |i| rest.get(i + 1..).unwrap_or(""));
            words.push(' ');
        } else {
            let next = rest
                .get(1..)
                .and_then(|r| r.find('<'))
                .map_or(rest.len(), |i| i + 1);
            words.push_str(rest.get(..next).unwrap_or(""));
            rest = rest.get(next..).unwrap_or("");
        }
    }
    let decoded = html_escape::decode_html_entities(&words);
    let mut out = String::with_capacity(decoded.len());
    for word in decoded.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    clean_line(&out)
}

/// The bare web addresses of a piece of text, as GFM's extended autolinks find them: those that
/// begin with `http://`, `https://` or `www.` (then `http://` is theirs), trailing punctuation
/// left out (`linkify`'s rules). Their ranges in `text`, and their addresses.
pub(super) fn bare_links(text: &str) -> Vec<(Range<usize>, String)> {
    static SCHEME: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new("://"));
    static WWW: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new("www."));
    if SCHEME.find(text.as_bytes()).is_none() && WWW.find(text.as_bytes()).is_none() {
        return Vec::new();
    }
    let mut finder = linkify::LinkFinder::new();
    finder.kinds(&[linkify::LinkKind::Url]);
    finder.url_must_have_scheme(false);
    finder
        .links(text)
        .filter_map(|link| {
            let words = link.as_str();
            let lower = words.get(..8).unwrap_or(words).to_ascii_lowercase();
            let url = if lower.starts_with("http://") || lower.starts_with("https://") {
                words.to_owned()
            } else if lower.starts_with("www.") {
                format!("http://{words}")
            } else {
                return None;
            };
            Some((link.start()..link.end(), url))
        })
        .collect()
}

//! Cutting a large Markdown file into pieces that parse alone as they do together, and the
//! link reference definitions every piece shares.

use std::collections::HashMap;

/// A link label as CommonMark matches it: case folded, white space runs as one space.
pub(super) fn label_key(label: &str) -> String {
    label
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The link reference definitions of a file (`[label]: url`, one a line), by label.
pub(super) fn definitions(source: &str) -> HashMap<String, String> {
    let mut out = HashMap::new();
    for line in source.lines() {
        let t = line.trim_start();
        if line.len() - t.len() > 3 || !t.starts_with('[') || t.starts_with("[^") {
            continue;
        }
        let Some((label, rest)) = t.get(1..).and_then(|r| r.split_once("]:")) else {
            continue;
        };
        let url = rest.split_whitespace().next().unwrap_or("");
        let url = url
            .strip_prefix('<')
            .and_then(|u| u.strip_suffix('>'))
            .unwrap_or(url);
        if !url.is_empty() {
            out.entry(label_key(label))
                .or_insert_with(|| url.to_owned());
        }
    }
    out
}

/// A chunk is cut only once it holds this many bytes.
pub(super) const CHUNK: usize = 256 * 1024;

/// The source cut into pieces that parse alone exactly as they do together, so that the
/// parser's tree of a large document never exists whole: a cut is made only before an ATX
/// heading at the start of a line, after a blank line, outside any fenced code block or HTML
/// comment. (Such a heading ends every open block: lists, quotes, indented code, HTML blocks
/// of the kinds a blank line ends.) Link reference definitions are shared by all chunks (see
/// [`parse`]); a footnote used in another chunk than its definition shows as `[^label]`.
pub(super) fn chunks(source: &str, size: usize) -> Vec<(usize, &str)> {
    if source.len() <= size {
        return vec![(0, source)];
    }
    let mut out = Vec::new();
    let mut chunk_start = 0;
    let mut fence: Option<(u8, usize)> = None;
    let mut in_comment = false;
    let mut blank_before = false;
    let mut line_start = 0;
    for line in source.split_inclusive('\n') {
        let trimmed = line.trim_start_matches(' ');
        let indent = line.len() - trimmed.len();
        let content = trimmed.trim_end();
        let cut_here = fence.is_none()
            && !in_comment
            && blank_before
            && line_start - chunk_start >= size
            && indent == 0
            && content.starts_with('#')
            && content.trim_start_matches('#').starts_with([' ', '\t'])
            && content.bytes().take_while(|&b| b == b'#').count() <= 6;
        if cut_here {
            out.push((
                chunk_start,
                source.get(chunk_start..line_start).unwrap_or(""),
            ));
            chunk_start = line_start;
        }
        if indent <= 3 {
            let marker = content.bytes().next().filter(|&b| b == b'`' || b == b'~');
            if let Some(b) = marker {
                let run = content.bytes().take_while(|&c| c == b).count();
                match fence {
                    None if run >= 3 => fence = Some((b, run)),
                    Some((f, n)) if f == b && run >= n && content.len() == run => fence = None,
                    _ => {}
                }
            }
        }
        if fence.is_none() {
            if let Some(at) = line.find("<!--") {
                in_comment = !line.get(at..).is_some_and(|rest| rest.contains("-->"));
            } else if in_comment && line.contains("-->") {
                in_comment = false;
            }
        }
        blank_before = content.is_empty();
        line_start += line.len();
    }
    out.push((chunk_start, source.get(chunk_start..).unwrap_or("")));
    out
}

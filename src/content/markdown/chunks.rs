//! Cutting a large Markdown file into pieces that parse alone as they do together, and what
//! every piece must know of the others: the link reference definitions, and which footnotes
//! are defined in which piece.
//!
//! The cut is made line by line as the file is read ([`Cutter`]), so that a file read from disk
//! never exists whole in memory: each piece is parsed, then dropped, while the rendered text
//! grows. A piece uses a footnote defined in another piece through a stand-in definition added
//! to it ([`Shared::footnote_stand_ins`]), whose events are never shown.

use std::collections::{HashMap, HashSet};

/// A chunk is cut only once it holds this many bytes.
pub(super) const CHUNK: usize = 128 * 1024;

/// A link label as CommonMark matches it: case folded, white space runs as one space.
pub(super) fn label_key(label: &str) -> String {
    label
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// What every chunk of a file must know of the others.
#[derive(Debug, Default)]
pub struct Shared {
    /// The link reference definitions of the file (`[label]: url`, one a line), by label key.
    pub(super) definitions: HashMap<String, String>,
    /// The footnotes defined (`[^label]: …`), by label key: the chunks that define them.
    footnotes: HashMap<String, Vec<usize>>,
    /// How many chunks the file was cut into.
    pub(super) chunks: usize,
}

impl Shared {
    /// Stand-in definitions for the footnotes `chunk` (the `index`th) refers to but that only
    /// another chunk defines: `[^label]: -` lines, each followed by a blank line.
    pub(super) fn footnote_stand_ins(&self, chunk: &str, index: usize) -> String {
        let mut out = String::new();
        if self.footnotes.is_empty() {
            return out;
        }
        let mut seen = HashSet::new();
        let mut rest = chunk;
        while let Some(at) = memchr::memmem::find(rest.as_bytes(), b"[^") {
            let after = rest.get(at + 2..).unwrap_or("");
            rest = after;
            let Some(end) = after.find(']') else { break };
            let Some(label) = after.get(..end) else { break };
            if label.is_empty()
                || label.len() > 999
                || label
                    .chars()
                    .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '[' | '\\' | '^'))
            {
                continue;
            }
            let key = label_key(label);
            let elsewhere = self
                .footnotes
                .get(&key)
                .is_some_and(|chunks| !chunks.contains(&index));
            if elsewhere && seen.insert(key) {
                out.push_str("[^");
                out.push_str(label);
                out.push_str("]: -\n\n");
            }
        }
        out
    }
}

/// Reads a file's lines in order and says where a chunk ends, so that the pieces parse alone
/// exactly as they do together and the parser's tree of a large document never exists whole: a
/// cut is made only before an ATX heading at the start of a line, after a blank line, outside
/// any fenced code block or HTML comment, once the chunk holds `size` bytes. (Such a heading
/// ends every open block: lists, quotes, indented code, HTML blocks of the kinds a blank line
/// ends.) It also gathers the link reference definitions and footnote labels of [`Shared`].
pub struct Cutter {
    size: usize,
    /// Bytes of the chunk so far.
    length: usize,
    fence: Option<(u8, usize)>,
    in_comment: bool,
    blank_before: bool,
    shared: Shared,
}

impl Cutter {
    pub fn new(size: usize) -> Self {
        Cutter {
            size,
            length: 0,
            fence: None,
            in_comment: false,
            blank_before: false,
            shared: Shared {
                chunks: 1,
                ..Shared::default()
            },
        }
    }

    /// Takes the next line (with its `\n`, if any); `true` when a new chunk begins with it.
    pub fn line(&mut self, line: &[u8]) -> bool {
        let indent = line.iter().take_while(|&&b| b == b' ').count();
        let content = line.get(indent..).unwrap_or_default().trim_ascii_end();
        let cut = self.fence.is_none()
            && !self.in_comment
            && self.blank_before
            && self.length >= self.size
            && indent == 0
            && is_atx_heading(content);
        if cut {
            self.shared.chunks += 1;
            self.length = 0;
        }
        if indent <= 3 {
            self.fence_line(content);
        }
        if self.fence.is_none() {
            let opens =
                memchr::memchr(b'<', line).and_then(|_| memchr::memmem::find(line, b"<!--"));
            if let Some(at) = opens {
                let rest = line.get(at..).unwrap_or_default();
                self.in_comment = memchr::memmem::find(rest, b"-->").is_none();
            } else if self.in_comment && memchr::memmem::find(line, b"-->").is_some() {
                self.in_comment = false;
            } else if indent <= 3 && !self.in_comment && content.first() == Some(&b'[') {
                self.definition(content);
            }
        }
        self.blank_before = content.is_empty();
        self.length += line.len();
        cut
    }

    /// Opens or closes a fenced code block (the line's indent is at most 3).
    fn fence_line(&mut self, content: &[u8]) {
        let Some(&b) = content.first().filter(|&&b| b == b'`' || b == b'~') else {
            return;
        };
        let run = content.iter().take_while(|&&c| c == b).count();
        match self.fence {
            // A backtick fence's info string holds no backtick (else it is inline code).
            None if run >= 3
                && !(b == b'`' && content.get(run..).is_some_and(|i| i.contains(&b'`'))) =>
            {
                self.fence = Some((b, run));
            }
            Some((f, n)) if f == b && run >= n && content.len() == run => self.fence = None,
            _ => {}
        }
    }

    /// A line that may be a link reference definition or a footnote's.
    fn definition(&mut self, content: &[u8]) {
        let Ok(line) = std::str::from_utf8(content) else {
            return;
        };
        let Some((label, rest)) = line.get(1..).and_then(|r| r.split_once("]:")) else {
            return;
        };
        if let Some(footnote) = label.strip_prefix('^') {
            let chunk = self.shared.chunks - 1;
            let chunks = self
                .shared
                .footnotes
                .entry(label_key(footnote))
                .or_default();
            if !chunks.contains(&chunk) {
                chunks.push(chunk);
            }
            return;
        }
        let url = rest.split_whitespace().next().unwrap_or("");
        let url = url
            .strip_prefix('<')
            .and_then(|u| u.strip_suffix('>'))
            .unwrap_or(url);
        if !url.is_empty() {
            self.shared
                .definitions
                .entry(label_key(label))
                .or_insert_with(|| url.to_owned());
        }
    }

    pub fn finish(self) -> Shared {
        self.shared
    }
}

/// `#` to `######` followed by a space or a tab.
fn is_atx_heading(content: &[u8]) -> bool {
    let hashes = content.iter().take_while(|&&b| b == b'#').count();
    (1..=6).contains(&hashes) && matches!(content.get(hashes), Some(b' ' | b'\t'))
}

/// `source` cut into chunks of at least `size` bytes (see [`Cutter`]), with what they share.
pub(super) fn chunks(source: &str, size: usize) -> (Vec<&str>, Shared) {
    let mut cutter = Cutter::new(size);
    let mut out = Vec::new();
    let mut chunk_start = 0;
    let mut line_start = 0;
    for line in source.split_inclusive('\n') {
        if cutter.line(line.as_bytes()) {
            out.push(source.get(chunk_start..line_start).unwrap_or(""));
            chunk_start = line_start;
        }
        line_start += line.len();
    }
    out.push(source.get(chunk_start..).unwrap_or(""));
    (out, cutter.finish())
}

/// A file read line by line into chunks (see [`Cutter`]), a byte-order mark at its start
/// dropped, at most `limit` bytes (`Ok(None)` past them). The chunks are bytes, not yet known
/// to be UTF-8.
pub fn read_chunks(
    mut reader: impl std::io::Read,
    size: usize,
    limit: usize,
) -> std::io::Result<Option<(Vec<Vec<u8>>, Shared)>> {
    let mut cutter = Cutter::new(size);
    let mut out = Vec::new();
    let mut current: Vec<u8> = Vec::with_capacity(size + size / 4);
    // Where the line being read begins in `current`.
    let mut line_start = 0;
    let mut block = vec![0u8; 256 * 1024];
    let mut total = 0;
    let mut take_line = |current: &mut Vec<u8>, line_start: &mut usize, out: &mut Vec<Vec<u8>>| {
        let line = current.get(*line_start..).unwrap_or_default();
        if cutter.line(line) {
            let mut next = Vec::with_capacity(size + size / 4);
            next.extend_from_slice(line);
            current.truncate(*line_start);
            current.shrink_to_fit();
            out.push(std::mem::replace(current, next));
            *line_start = 0;
        }
        *line_start = current.len();
    };
    loop {
        let read = match reader.read(&mut block) {
            Ok(0) => break,
            Ok(read) => read,
            Err(error) if error.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(error) => return Err(error),
        };
        let first = total == 0;
        total += read;
        if total > limit {
            return Ok(None);
        }
        let mut data = block.get(..read).unwrap_or_default();
        if first {
            data = data.strip_prefix(b"\xef\xbb\xbf").unwrap_or(data);
        }
        let mut from = 0;
        for end in memchr::memchr_iter(b'\n', data) {
            current.extend_from_slice(data.get(from..=end).unwrap_or_default());
            take_line(&mut current, &mut line_start, &mut out);
            from = end + 1;
        }
        current.extend_from_slice(data.get(from..).unwrap_or_default());
    }
    if line_start < current.len() {
        take_line(&mut current, &mut line_start, &mut out);
    }
    current.shrink_to_fit();
    out.push(current);
    Ok(Some((out, cutter.finish())))
}

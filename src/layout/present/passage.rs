//! The passage a presenter's stop shows: the whole sentences around the annotated words that
//! fit in a number of rows, with `…` where the paragraph goes on.

use ratatui::text::{Line, Span};

use crate::content::{Article, TourStop};
use crate::text::wrap::wrap;
use crate::theme::Theme;

/// The annotation's paragraph (or the part's first one) wrapped at `column`: the whole
/// sentences around the annotated words that fit in `rows` rows (at least the sentences that
/// hold them), with `…` where the paragraph goes on before or after. The words are emphasised.
pub(super) fn passage_lines(
    article: &Article,
    stop: &TourStop,
    theme: &Theme,
    column: usize,
    rows: usize,
) -> Vec<Line<'static>> {
    let annotation = stop.annotation.and_then(|i| article.annotations.get(i));
    let Some(paragraph) = article.stop_paragraph(stop) else {
        return Vec::new();
    };
    let text = article.slice(paragraph.clone()).trim_end();
    let french = article.is_french();
    let highlight = annotation.map(|a| {
        let start = a
            .range
            .start
            .saturating_sub(paragraph.start)
            .min(text.len());
        start..a.range.end.saturating_sub(paragraph.start).min(text.len())
    });
    let (from, to) = excerpt(text, highlight.clone(), column, rows, french);
    let before = if from > 0 { "… " } else { "" };
    let after = if to < text.len() { " …" } else { "" };
    let shown = format!("{before}{}{after}", &text[from..to]);
    let highlight = highlight.map(|h| {
        let shift = |at: usize| at.clamp(from, to) - from + before.len();
        shift(h.start)..shift(h.end)
    });
    let emphasis = annotation.map_or(theme.text, |a| {
        theme.annotation(a.kind).patch(theme.selected)
    });
    wrap(&shown, column, french)
        .iter()
        .map(|row| {
            let mut spans = Vec::new();
            let mut cursor = row.range.start;
            if let Some(h) = &highlight {
                let (from, to) = (h.start.max(row.range.start), h.end.min(row.range.end));
                if from < to {
                    spans.push(Span::styled(slice(&shown, cursor..from), theme.text));
                    spans.push(Span::styled(slice(&shown, from..to), emphasis));
                    cursor = to;
                }
            }
            spans.push(Span::styled(
                slice(&shown, cursor..row.range.end),
                theme.text,
            ));
            Line::from(spans)
        })
        .collect()
}

/// The byte range of `text` to show: the sentences holding `highlight` (the first sentence
/// without one), then the sentences after and before it, one at a time, while the excerpt
/// (with its `…`) wraps in at most `rows` rows at `column`.
pub(super) fn excerpt(
    text: &str,
    highlight: Option<std::ops::Range<usize>>,
    column: usize,
    rows: usize,
    french: bool,
) -> (usize, usize) {
    let starts = sentence_starts(text);
    let sentence_of = |at: usize| starts.iter().rposition(|&s| s <= at).unwrap_or(0);
    let end_of = |i: usize| starts.get(i + 1).copied().unwrap_or(text.len());
    let (mut first, mut last) = match &highlight {
        Some(h) => (
            sentence_of(h.start),
            sentence_of(h.end.saturating_sub(1).max(h.start)),
        ),
        None => (0, 0),
    };
    let fits = |first: usize, last: usize| {
        let (from, to) = (starts[first], end_of(last));
        let marks = usize::from(from > 0) * 2 + usize::from(to < text.len()) * 2;
        let body = text[from..to].trim_end();
        let shown = format!("{}{body}", "…".repeat(marks));
        wrap(&shown, column, french).len() <= rows
    };
    loop {
        let mut grew = false;
        if last + 1 < starts.len() && fits(first, last + 1) {
            last += 1;
            grew = true;
        }
        if first > 0 && fits(first - 1, last) {
            first -= 1;
            grew = true;
        }
        if !grew {
            break;
        }
    }
    let to = starts[first] + text[starts[first]..end_of(last)].trim_end().len();
    (starts[first], to)
}

/// Where each sentence of `text` begins (0 first): after `.`, `!`, `?` or `…` (and any closing
/// quote or bracket) followed by a space, at the next character that is not one.
pub(super) fn sentence_starts(text: &str) -> Vec<usize> {
    let mut starts = vec![0];
    let mut chars = text.char_indices().peekable();
    let mut word = String::new();
    while let Some((_, c)) = chars.next() {
        if !matches!(c, '.' | '!' | '?' | '…') {
            if c.is_whitespace() {
                word.clear();
            } else {
                word.push(c);
            }
            continue;
        }
        // "M. Dupont", "J. Casilli": one capital letter and a period is an initial.
        let initial = c == '.' && word.chars().count() == 1 && word.chars().all(char::is_uppercase);
        word.clear();
        // Spaces and closing quotes or brackets, in any order ("? »", "!\u{a0}»", "?)").
        let mut spaced = false;
        while let Some(&(_, next)) = chars.peek() {
            if next.is_whitespace() {
                spaced = true;
            } else if matches!(next, '»' | '”' | '’' | '"' | ')') {
                spaced = false;
            } else {
                break;
            }
            chars.next();
        }
        if spaced
            && !initial
            && let Some(&(at, next)) = chars.peek()
            // "p. 12", "etc. et": a lower-case letter or a digit goes on the same sentence.
            && !next.is_lowercase()
            && !next.is_ascii_digit()
        {
            starts.push(at);
        }
    }
    starts
}

pub(super) fn slice(text: &str, range: std::ops::Range<usize>) -> String {
    text.get(range).unwrap_or("").to_owned()
}

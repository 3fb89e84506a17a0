//! Writing text into a buffer's cells: what ratatui's `Buffer::set_line`, `Buffer::set_stringn`,
//! a `Paragraph` of unwrapped lines and a bordered `Block` write, cell for cell the same, for
//! less work.
//!
//! ratatui splits every string it writes into grapheme clusters with `unicode-segmentation` and
//! finds each cell through a bounds-checked `(x, y)` index; a 200×60 frame writes about 12 000
//! cells that way. Here the clusters come from `text::wrap`'s fast path, which takes ASCII and
//! the common Latin and punctuation characters one at a time without the grapheme rules
//! (`text::wrap::simple_at`), the cells of a row are one slice of the buffer, found once, and a
//! one-byte symbol is copied from a ready cell instead of being built. A `Block` first sets its
//! own (empty) style on every cell of its area, about as many cells again.
//!
//! Invariant: for any text, position and width, each function leaves the buffer exactly as its
//! ratatui counterpart would (tested below against ratatui itself, on generated text with
//! combining marks, wide and zero-width characters, emoji sequences, flags and controls), except
//! that a row outside the buffer is left alone where ratatui would panic.

use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::symbols::border;
use ratatui::text::Line;
use ratatui::widgets::{Borders, Paragraph, Widget};

use std::sync::LazyLock;

use crate::text::wrap::{Clusters, simple_at};

/// The cells of row `y` from column `x` to the buffer's right edge; `None` when `(x, y)` is
/// outside the buffer.
fn row_from(buf: &mut Buffer, x: u16, y: u16) -> Option<&mut [Cell]> {
    let area = buf.area;
    if y < area.top() || y >= area.bottom() || x < area.left() || x >= area.right() {
        return None;
    }
    let width = usize::from(area.width);
    let start = usize::from(y - area.y) * width + usize::from(x - area.x);
    let end = usize::from(y - area.y) * width + width;
    buf.content.get_mut(start..end)
}

/// A cell holding each ASCII character and no style: a one-byte symbol is copied from here
/// rather than built.
static ASCII: LazyLock<[Cell; 128]> = LazyLock::new(|| {
    std::array::from_fn(|b| {
        let mut cell = Cell::EMPTY;
        cell.set_char(char::from(b as u8));
        cell
    })
});

/// `cell.set_symbol(symbol).set_style(style)`: `symbol` taken from `ready` (a cell with no style
/// of its own), `cell`'s style patched with `style`.
#[inline]
#[allow(deprecated)]
fn put_ready(cell: &mut Cell, ready: &Cell, style: Style) {
    let mut new = ready.clone();
    new.fg = style.fg.unwrap_or(cell.fg);
    new.bg = style.bg.unwrap_or(cell.bg);
    new.underline_color = style.underline_color.unwrap_or(cell.underline_color);
    new.modifier = cell.modifier.union(style.add_modifier) - style.sub_modifier;
    new.diff_option = cell.diff_option;
    new.skip = cell.skip;
    *cell = new;
}

/// `cell.set_symbol(symbol).set_style(style)`, a one-byte symbol copied from [`ASCII`].
#[inline]
fn put(cell: &mut Cell, ascii: &[Cell; 128], symbol: &str, style: Style) {
    match symbol.as_bytes() {
        [b] if let Some(ready) = ascii.get(usize::from(*b)) => put_ready(cell, ready, style),
        _ => {
            cell.set_symbol(symbol).set_style(style);
        }
    }
}

/// The clusters of `s` a cell shows, each with its width, to `each`, until it returns `false`:
/// what ratatui's buffer writes of a string (`Buffer::set_stringn`, a `Paragraph`'s lines),
/// the same clusters in the same order, those holding a control character left out;
/// zero-width clusters are kept (width 0), the callers skip them as ratatui does. ASCII and
/// the other [`simple_at`] characters are taken without the grapheme rules.
#[inline]
fn for_each_cluster(s: &str, mut each: impl FnMut(&str, usize) -> bool) {
    let mut clusters = Clusters::new(s);
    let mut i = 0;
    while i < s.len() {
        let (symbol, width, end) = match simple_at(s, i) {
            Some((symbol, end)) => (symbol, 1, end),
            None => match clusters.at(i) {
                Some((end, _, _, true)) => {
                    i = end;
                    continue;
                }
                Some((end, symbol, width, false)) => (symbol, width, end),
                None => return,
            },
        };
        i = end;
        if !each(symbol, width) {
            return;
        }
    }
}

/// `Buffer::set_stringn`: writes `s` from `(x, y)` in at most `max_width` cells, stopping at the
/// first cluster that does not fit; the cells a wide cluster covers after its first are reset.
/// Returns the position after the last cell written.
pub fn set_stringn(
    buf: &mut Buffer,
    x: u16,
    y: u16,
    s: &str,
    max_width: usize,
    style: Style,
) -> (u16, u16) {
    let max_width = u16::try_from(max_width).unwrap_or(u16::MAX);
    let Some(row) = row_from(buf, x, y) else {
        return (x, y);
    };
    let ascii = &*ASCII;
    let mut remaining = usize::from(max_width).min(row.len());
    let mut at = 0;
    for_each_cluster(s, |symbol, width| {
        if width == 0 {
            return true;
        }
        let Some(left) = remaining.checked_sub(width) else {
            return false;
        };
        remaining = left;
        if let Some(cell) = row.get_mut(at) {
            put(cell, ascii, symbol, style);
        }
        for hidden in row.iter_mut().skip(at + 1).take(width - 1) {
            hidden.reset();
        }
        at += width;
        true
    });
    (x + at as u16, y)
}

/// `Buffer::set_line`: the line's spans one after the other, each in the line's style patched
/// with its own, in at most `max_width` cells.
pub fn set_line(buf: &mut Buffer, x: u16, y: u16, line: &Line<'_>, max_width: u16) -> (u16, u16) {
    let mut remaining = max_width;
    let mut x = x;
    for span in &line.spans {
        if remaining == 0 {
            break;
        }
        let (end, _) = set_stringn(
            buf,
            x,
            y,
            &span.content,
            usize::from(remaining),
            line.style.patch(span.style),
        );
        remaining = remaining.saturating_sub(end.saturating_sub(x));
        x = end;
    }
    (x, y)
}

/// `Paragraph::new(lines).render(area, buf)` for a paragraph with no wrapping, no block, no
/// scroll and no style of its own: line `i` on row `i` of `area`, cut at the area's width.
///
/// As ratatui's line truncator does, a cluster wider than the whole area is skipped and the
/// line stops at the first other cluster that does not fit; the cells a wide cluster covers are
/// not reset. A centred or right-aligned line is drawn by ratatui itself.
pub fn paragraph(buf: &mut Buffer, area: Rect, lines: &[Line<'_>]) {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    let max = usize::from(area.width);
    for (line, y) in lines.iter().zip(area.top()..area.bottom()) {
        if line.alignment.is_some_and(|a| a != Alignment::Left) {
            let row = Rect {
                y,
                height: 1,
                ..area
            };
            Paragraph::new(line.clone()).render(row, buf);
            continue;
        }
        let Some(row) = row_from(buf, area.x, y) else {
            continue;
        };
        let Some(row) = row.get_mut(..max) else {
            continue;
        };
        let ascii = &*ASCII;
        let mut at = 0;
        for span in &line.spans {
            let style = line.style.patch(span.style);
            let mut full = false;
            for_each_cluster(&span.content, |symbol, width| {
                if width > max {
                    return true;
                }
                if at + width > max {
                    full = true;
                    return false;
                }
                if width > 0
                    && let Some(cell) = row.get_mut(at)
                {
                    put(cell, ascii, symbol, style);
                }
                at += width;
                true
            });
            if full {
                break;
            }
        }
    }
}

/// `Block::new().borders(borders).border_set(set).border_style(style).title(title)` rendered
/// into `area`: a block with no style, padding or shadow of its own and at most one title, on
/// top, left-aligned (ratatui draws the title itself).
pub fn bordered(
    buf: &mut Buffer,
    area: Rect,
    borders: Borders,
    set: &border::Set<'_>,
    style: Style,
    title: Option<&Line<'_>>,
) {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    let (left, top) = (area.left(), area.top());
    let (right, bottom) = (area.right() - 1, area.bottom() - 1);
    let mut put = |x: u16, y: u16, symbol: &str| {
        if let Some(cell) = buf.cell_mut((x, y)) {
            cell.set_symbol(symbol).set_style(style);
        }
    };
    // Sides, then corners, in ratatui's order (the last one written shows).
    if borders.contains(Borders::LEFT) {
        (top..=bottom).for_each(|y| put(left, y, set.vertical_left));
    }
    if borders.contains(Borders::TOP) {
        (left..=right).for_each(|x| put(x, top, set.horizontal_top));
    }
    if borders.contains(Borders::RIGHT) {
        (top..=bottom).for_each(|y| put(right, y, set.vertical_right));
    }
    if borders.contains(Borders::BOTTOM) {
        (left..=right).for_each(|x| put(x, bottom, set.horizontal_bottom));
    }
    for (corner, x, y, symbol) in [
        (
            Borders::RIGHT | Borders::BOTTOM,
            right,
            bottom,
            set.bottom_right,
        ),
        (Borders::RIGHT | Borders::TOP, right, top, set.top_right),
        (
            Borders::LEFT | Borders::BOTTOM,
            left,
            bottom,
            set.bottom_left,
        ),
        (Borders::LEFT | Borders::TOP, left, top, set.top_left),
    ] {
        if borders.contains(corner) {
            put(x, y, symbol);
        }
    }
    let Some(title) = title else {
        return;
    };
    let left_border = u16::from(borders.contains(Borders::LEFT));
    let right_border = u16::from(borders.contains(Borders::RIGHT));
    let titles = Rect {
        x: left.saturating_add(left_border),
        y: top,
        width: area.width.saturating_sub(left_border + right_border),
        height: 1,
    };
    if !titles.is_empty() {
        let width = u16::try_from(title.width()).unwrap_or(u16::MAX);
        title.render(
            Rect {
                width: width.min(titles.width),
                ..titles
            },
            buf,
        );
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use ratatui::style::{Color, Modifier};
    use ratatui::text::Span;

    use super::*;

    /// Pieces text is made of: ASCII, controls, CR LF, combining marks, Latin-1, wide
    /// characters, zero-width ones, an emoji ZWJ sequence, a flag, an Arabic prepended mark,
    /// a keycap, halfwidth katakana with its sound mark, a Hangul syllable in jamo.
    const PIECES: &[&str] = &[
        "a",
        "Z",
        " ",
        "1",
        "#",
        "\t",
        "\u{7}",
        "\r\n",
        "\r",
        "\n",
        "\u{7f}",
        "e\u{301}",
        "\u{301}",
        "é",
        "’",
        "«\u{a0}",
        "中",
        "文",
        "\u{200b}",
        "\u{200d}",
        "\u{2060}",
        "👩\u{200d}🔬",
        "🇫🇷",
        "\u{600}",
        "1\u{fe0f}\u{20e3}",
        "ｶ",
        "\u{ff9e}",
        "\u{1100}\u{1161}",
        "│",
        "─",
        "\u{feff}",
        "x\u{308}\u{308}",
        "©",
        "©\u{fe0f}",
        "»",
        "…",
        "\u{202f}",
        "\u{ad}",
        "▶",
    ];

    fn text() -> impl Strategy<Value = String> {
        prop::collection::vec(prop::sample::select(PIECES), 0..24).prop_map(|p| p.concat())
    }

    fn style(n: u8) -> Style {
        match n % 5 {
            0 => Style::new(),
            4 => Style::new()
                .underline_color(Color::Red)
                .add_modifier(Modifier::UNDERLINED)
                .remove_modifier(Modifier::ITALIC),
            1 => Style::new().fg(Color::Red),
            2 => Style::new().bg(Color::Blue).add_modifier(Modifier::BOLD),
            _ => Style::new()
                .remove_modifier(Modifier::BOLD)
                .fg(Color::Reset),
        }
    }

    /// A buffer offset from the origin, its cells not all blank (the wide clusters' resets
    /// must show) and of several styles and diff options (what is written over them keeps
    /// what its own style leaves alone).
    fn dirty(width: u16) -> Buffer {
        use ratatui::buffer::CellDiffOption;
        let mut buf = Buffer::empty(Rect::new(3, 2, width, 3));
        for (i, cell) in buf.content.iter_mut().enumerate() {
            cell.set_symbol(if i % 3 == 0 { "o" } else { "." });
            if i % 4 == 1 {
                cell.set_style(
                    Style::new()
                        .fg(Color::Green)
                        .bg(Color::Indexed(3))
                        .underline_color(Color::Yellow)
                        .add_modifier(Modifier::BOLD | Modifier::ITALIC),
                );
            }
            if i % 7 == 2 {
                cell.set_diff_option(CellDiffOption::AlwaysUpdate);
            }
        }
        buf
    }

    proptest! {
        #[test]
        fn set_stringn_is_ratatuis(s in text(), x in 3u16..16, max in 0usize..20, width in 1u16..14, st in 0u8..5) {
            let mut ours = dirty(width);
            let mut theirs = ours.clone();
            let x = x.min(3 + width);
            let a = set_stringn(&mut ours, x, 3, &s, max, style(st));
            let b = theirs.set_stringn(x, 3, &s, max, style(st));
            prop_assert_eq!(a, b);
            prop_assert_eq!(ours, theirs);
        }

        #[test]
        fn set_line_is_ratatuis(spans in prop::collection::vec((text(), 0u8..4), 0..4), x in 3u16..16, max in 0u16..20, width in 1u16..14, st in 0u8..5) {
            let line = Line::from(spans.iter().map(|(s, n)| Span::styled(s.as_str(), style(*n))).collect::<Vec<_>>()).style(style(st));
            let mut ours = dirty(width);
            let mut theirs = ours.clone();
            let x = x.min(3 + width);
            prop_assert_eq!(set_line(&mut ours, x, 4, &line, max), theirs.set_line(x, 4, &line, max));
            prop_assert_eq!(ours, theirs);
        }

        #[test]
        fn paragraph_is_ratatuis(lines in prop::collection::vec((prop::collection::vec((text(), 0u8..4), 0..3), 0u8..6), 0..5), width in 0u16..14, height in 0u16..4, x in 0u16..5) {
            let lines: Vec<Line> = lines
                .iter()
                .map(|(spans, n)| {
                    let line = Line::from(spans.iter().map(|(s, k)| Span::styled(s.as_str(), style(*k))).collect::<Vec<_>>()).style(style(*n));
                    match n {
                        4 => line.centered(),
                        5 => line.right_aligned(),
                        _ => line,
                    }
                })
                .collect();
            let area = Rect::new(3 + x, 2, width, height);
            let mut ours = dirty(12);
            let mut theirs = ours.clone();
            paragraph(&mut ours, area, &lines);
            Paragraph::new(lines.clone()).render(area, &mut theirs);
            prop_assert_eq!(ours, theirs);
        }
    }

    #[test]
    fn bordered_is_ratatuis_block() {
        use ratatui::widgets::{Block, BorderType};
        let types = [
            BorderType::Plain,
            BorderType::Rounded,
            BorderType::Double,
            BorderType::Thick,
        ];
        let sides = [
            Borders::ALL,
            Borders::TOP,
            Borders::NONE,
            Borders::LEFT | Borders::BOTTOM,
            Borders::RIGHT,
        ];
        let titles = [
            None,
            Some(""),
            Some(" 2 · II "),
            Some("é\u{301}中 long title ─"),
        ];
        for kind in types {
            for borders in sides {
                for title in titles {
                    for (x, width, height) in [
                        (0, 0, 0),
                        (3, 1, 1),
                        (4, 2, 3),
                        (3, 7, 3),
                        (5, 12, 5),
                        (9, 8, 2),
                    ] {
                        let area = Rect::new(x, 2, width, height);
                        let line = title.map(|t| Line::from(Span::styled(t, style(2))));
                        let mut ours = dirty(12);
                        let mut theirs = ours.clone();
                        bordered(
                            &mut ours,
                            area,
                            borders,
                            &kind.to_border_set(),
                            style(1),
                            line.as_ref(),
                        );
                        let mut block = Block::new()
                            .borders(borders)
                            .border_type(kind)
                            .border_style(style(1));
                        if let Some(line) = line {
                            block = block.title(line);
                        }
                        block.render(area, &mut theirs);
                        assert_eq!(ours, theirs, "{kind:?} {borders:?} {title:?} {area:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn a_row_outside_the_buffer_is_left_alone() {
        let mut buf = dirty(5);
        let before = buf.clone();
        assert_eq!(set_stringn(&mut buf, 3, 9, "abc", 5, Style::new()), (3, 9));
        assert_eq!(set_stringn(&mut buf, 1, 3, "abc", 5, Style::new()), (1, 3));
        assert_eq!(buf, before);
    }
}

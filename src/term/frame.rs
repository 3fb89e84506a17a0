//! Drawing one frame: what `Terminal::draw` does, with a cheaper diff.
//!
//! `Terminal::draw` hands out a blank buffer, compares what was drawn in it with the last frame
//! cell by cell (`Buffer::diff`), sends the cells that changed to the backend, places or hides
//! the cursor, keeps the frame for the next comparison and flushes. At 200×60 the comparison
//! is 40 % of a frame's instructions: for each of 12 000 cells a `Cell` comparison (each symbol
//! read out of its `CompactString` and compared by `memcmp`) and a call to `unicode-width` for
//! every symbol longer than one byte (each border, each accented letter), even where nothing
//! changed. [`Painter`] does the same steps with the same `Terminal` and backend, keeping the
//! last frame itself; its comparison ([`Diff`]) compares one-byte symbols as bytes and
//! remembers the width of the last longer symbol it measured (a border's `│` is measured once
//! a row, not once a cell).
//!
//! Invariant: [`Diff`] yields exactly the cells `Buffer::diff_iter` yields, in the same order,
//! for any two buffers of the same width (wide characters, the cells they cover, `skip` cells,
//! every `CellDiffOption`, emoji with U+FE0F; tested below against ratatui on generated
//! buffers), so the terminal receives the same bytes as from `Terminal::draw`.

use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::buffer::{Buffer, Cell, CellDiffOption, CellWidth};
use ratatui::layout::{Position, Rect};
use ratatui::style::{Color, Modifier};

/// Draws frames into a `Terminal`, keeping what the terminal shows to compare the next frame
/// with.
#[derive(Debug)]
pub struct Painter {
    /// The last frame drawn: what the terminal shows.
    shown: Buffer,
    /// The frame being drawn: blank between frames.
    next: Buffer,
}

impl Default for Painter {
    fn default() -> Self {
        Self::new()
    }
}

impl Painter {
    pub fn new() -> Self {
        Self {
            shown: Buffer::empty(Rect::ZERO),
            next: Buffer::empty(Rect::ZERO),
        }
    }

    /// The screen was cleared (`Terminal::resize`, `Terminal::clear`): the next frame is
    /// drawn whole, as ratatui does after a clear.
    pub fn forget(&mut self) {
        self.shown.reset();
    }

    /// Draws one frame: `render` fills a blank buffer the size of the terminal and returns
    /// where the cursor goes (`None` hides it); the cells that differ from the last frame go to
    /// the backend, which is flushed. Returns the frame drawn.
    ///
    /// The same steps as `Terminal::draw`: the terminal resized (and cleared) first when its
    /// size changed, then the changed cells, the cursor, the flush.
    pub fn draw<B: Backend>(
        &mut self,
        terminal: &mut Terminal<B>,
        render: impl FnOnce(&mut Buffer) -> Option<Position>,
    ) -> Result<&Buffer, B::Error> {
        terminal.autoresize()?;
        let area = terminal.get_frame().area();
        if self.next.area != area {
            // A new size: `Terminal::resize` cleared the screen.
            self.shown.resize(area);
            self.shown.reset();
            self.next.resize(area);
            self.next.reset();
        }
        let cursor = render(&mut self.next);
        terminal
            .backend_mut()
            .draw(Diff::new(&self.shown, &self.next))?;
        match cursor {
            None => terminal.hide_cursor()?,
            Some(position) => {
                terminal.show_cursor()?;
                terminal.set_cursor_position(position)?;
            }
        }
        std::mem::swap(&mut self.shown, &mut self.next);
        self.next.reset();
        terminal.backend_mut().flush()?;
        Ok(&self.shown)
    }
}

/// Modifiers that show on a blank cell (ratatui's `VISIBLE_ON_BLANK`).
const VISIBLE_ON_BLANK: Modifier = Modifier::REVERSED
    .union(Modifier::UNDERLINED)
    .union(Modifier::SLOW_BLINK)
    .union(Modifier::RAPID_BLINK)
    .union(Modifier::CROSSED_OUT);

/// The cells of `next` that differ from `prev`, with their positions: `Buffer::diff_iter`'s
/// walk, step for step.
#[derive(Debug)]
pub struct Diff<'p, 'n> {
    prev: &'p [Cell],
    next: &'n [Cell],
    area: Rect,
    /// The cells compared (the shorter buffer's).
    len: usize,
    pos: usize,
    trailing: Option<Trailing>,
    widths: Widths,
}

/// Cells after a wide one still to look at (ratatui's `TrailingState`).
#[derive(Debug)]
struct Trailing {
    next_index: usize,
    end: usize,
    /// Every cell of the range is sent (the wide character replaced had a style that shows on
    /// blank cells), not only those whose symbol changed.
    force: bool,
}

impl<'p, 'n> Diff<'p, 'n> {
    /// Compares two buffers of the same position and width (the heights may differ: the
    /// shorter one's rows are compared). Buffers that differ in position or width, which
    /// ratatui refuses (it panics), yield nothing.
    pub fn new(prev: &'p Buffer, next: &'n Buffer) -> Self {
        let same = prev.area.x == next.area.x
            && prev.area.y == next.area.y
            && prev.area.width == next.area.width;
        let mut area = prev.area;
        area.height = area.height.min(next.area.height);
        let len = if same {
            next.content.len().min(prev.content.len())
        } else {
            0
        };
        Self {
            prev: &prev.content,
            next: &next.content,
            area,
            len,
            pos: 0,
            trailing: None,
            widths: Widths::default(),
        }
    }
}

impl Diff<'_, '_> {
    /// Passes over the cells from `pos` on that the walk would pass over one by one: equal to
    /// the last frame's, one byte (one column) wide, with no diff option and not skipped. The
    /// common case, done without the walk's bookkeeping.
    #[allow(deprecated)]
    fn pass_equal(&mut self) {
        let (Some(next), Some(prev)) = (
            self.next.get(self.pos..self.len),
            self.prev.get(self.pos..self.len),
        ) else {
            return;
        };
        let mut equal = 0;
        for (current, previous) in next.iter().zip(prev) {
            if !matches!(current.diff_option, CellDiffOption::None)
                || current.skip
                || !same_style(current, previous)
            {
                break;
            }
            match (current.symbol().as_bytes(), previous.symbol().as_bytes()) {
                ([a], [b]) if a == b => equal += 1,
                _ => break,
            }
        }
        self.pos += equal;
    }
}

/// The column and row of the cell at `index` in a buffer over `area`.
fn place(area: Rect, index: usize) -> (u16, u16) {
    let width = usize::from(area.width).max(1);
    let x = index % width + usize::from(area.x);
    let y = index / width + usize::from(area.y);
    (x as u16, y as u16)
}

impl<'n> Iterator for Diff<'_, 'n> {
    type Item = (u16, u16, &'n Cell);

    fn next(&mut self) -> Option<Self::Item> {
        let len = self.len;
        if let Some(trailing) = &mut self.trailing {
            while trailing.next_index < trailing.end {
                let j = trailing.next_index;
                let (Some(current), Some(previous)) = (self.next.get(j), self.prev.get(j)) else {
                    break;
                };
                let width = self.widths.of(current).max(1);
                trailing.next_index += width;
                trailing.end = trailing.end.max(trailing.next_index).min(len);
                if !is_skip(current)
                    && (trailing.force || !same_symbol(previous.symbol(), current.symbol()))
                {
                    let (x, y) = place(self.area, j);
                    return Some((x, y, current));
                }
            }
            self.pos = trailing.end;
            self.trailing = None;
        }
        loop {
            self.pass_equal();
            if self.pos >= len {
                break;
            }
            let i = self.pos;
            self.pos += 1;
            let (Some(current), Some(previous)) = (self.next.get(i), self.prev.get(i)) else {
                break;
            };
            match current.diff_option {
                CellDiffOption::Skip => {}
                _ if is_skip(current) => {}
                CellDiffOption::ForcedWidth(width) => {
                    self.pos = self
                        .pos
                        .saturating_add(usize::from(width.get().saturating_sub(1)));
                    if !same(current, previous) {
                        let (x, y) = place(self.area, i);
                        return Some((x, y, current));
                    }
                }
                CellDiffOption::None | CellDiffOption::AlwaysUpdate => {
                    let symbol = current.symbol();
                    let width = match symbol.len() {
                        1 => 1,
                        _ => self.widths.of_symbol(current, symbol),
                    };
                    if matches!(current.diff_option, CellDiffOption::None)
                        && same_style(current, previous)
                        && same_symbol(symbol, previous.symbol())
                    {
                        self.pos += width.saturating_sub(1);
                        continue;
                    }
                    let previous_width = self.widths.of(previous);
                    if width > 1 && current.symbol().contains('\u{FE0F}') {
                        self.trailing = Some(Trailing {
                            next_index: i + 1,
                            end: (i + width).min(len),
                            force: false,
                        });
                    } else if width > 1 {
                        self.pos += width - 1;
                    } else if previous_width > width
                        && (previous.bg != Color::Reset
                            || previous.modifier.intersects(VISIBLE_ON_BLANK))
                    {
                        self.trailing = Some(Trailing {
                            next_index: i + 1,
                            end: i + previous_width,
                            force: true,
                        });
                    }
                    let (x, y) = place(self.area, i);
                    return Some((x, y, current));
                }
            }
        }
        None
    }
}

/// Whether the diff passes over a cell (ratatui's `is_skip`).
#[allow(deprecated)]
fn is_skip(cell: &Cell) -> bool {
    matches!(cell.diff_option, CellDiffOption::Skip)
        || (cell.skip && matches!(cell.diff_option, CellDiffOption::None))
}

/// `Cell`'s `==`: the style and options, then the symbols, one-byte symbols compared as
/// bytes.
#[inline]
fn same(a: &Cell, b: &Cell) -> bool {
    same_style(a, b) && same_symbol(a.symbol(), b.symbol())
}

/// `Cell`'s `==` but for the symbols.
#[inline(always)]
#[allow(deprecated)]
fn same_style(a: &Cell, b: &Cell) -> bool {
    a.fg == b.fg
        && a.bg == b.bg
        && a.modifier == b.modifier
        && a.underline_color == b.underline_color
        && a.diff_option == b.diff_option
        && a.skip == b.skip
}

#[inline]
fn same_symbol(a: &str, b: &str) -> bool {
    match (a.as_bytes(), b.as_bytes()) {
        ([a], [b]) => a == b,
        (a, b) => a == b,
    }
}

/// Cells' widths (`CellWidth::cell_width`, ratatui's own), the last symbol longer than one
/// byte remembered with its width.
#[derive(Debug, Default)]
struct Widths {
    symbol: [u8; 16],
    len: usize,
    width: usize,
}

impl Widths {
    fn of(&mut self, cell: &Cell) -> usize {
        if let CellDiffOption::ForcedWidth(width) = cell.diff_option {
            return usize::from(width.get());
        }
        let symbol = cell.symbol();
        match symbol.len() {
            1 => 1,
            _ => self.of_symbol(cell, symbol),
        }
    }

    /// The width of `cell`, whose symbol is `symbol` and whose width is not forced.
    fn of_symbol(&mut self, cell: &Cell, symbol: &str) -> usize {
        let symbol = symbol.as_bytes();
        if symbol.len() == self.len && self.symbol.get(..self.len) == Some(symbol) {
            return self.width;
        }
        let width = usize::from(cell.cell_width());
        if let Some(slot) = self.symbol.get_mut(..symbol.len()) {
            slot.copy_from_slice(symbol);
            self.len = symbol.len();
            self.width = width;
        }
        width
    }
}

#[cfg(test)]
mod tests {
    use std::num::NonZeroU16;

    use proptest::prelude::*;
    use ratatui::backend::TestBackend;
    use ratatui::style::Style;

    use super::*;

    /// Symbols of every width: ASCII, blanks, box drawing, accented and combining, wide, an
    /// emoji with and without U+FE0F, a ZWJ sequence, a flag, halfwidth katakana with its
    /// sound mark, zero-width, empty, and a long run.
    const SYMBOLS: &[&str] = &[
        "a",
        " ",
        " ",
        "x",
        "│",
        "─",
        "é",
        "e\u{301}",
        "中",
        "文",
        "❤\u{fe0f}",
        "❤",
        "👩\u{200d}🔬",
        "🇫🇷",
        "ｶ\u{ff9e}",
        "\u{200b}",
        "",
        "abc",
        "a long symbol of many bytes",
    ];

    const COLORS: &[Color] = &[
        Color::Reset,
        Color::Red,
        Color::Indexed(8),
        Color::Rgb(1, 2, 3),
    ];

    fn cell() -> impl Strategy<Value = Cell> {
        (
            prop::sample::select(SYMBOLS),
            prop::sample::select(COLORS),
            prop::sample::select(COLORS),
            0u16..0x1ff,
            0u8..16,
        )
            .prop_map(|(symbol, fg, bg, bits, option)| {
                let mut cell = Cell::new(" ");
                cell.set_symbol(symbol);
                cell.set_style(Style::new().fg(fg).bg(bg));
                cell.modifier = Modifier::from_bits_truncate(bits);
                #[allow(deprecated)]
                match option {
                    0 => {
                        cell.set_diff_option(CellDiffOption::Skip);
                    }
                    1 => {
                        cell.set_diff_option(CellDiffOption::AlwaysUpdate);
                    }
                    2 => {
                        cell.set_diff_option(CellDiffOption::ForcedWidth(
                            NonZeroU16::new(2).unwrap_or(NonZeroU16::MIN),
                        ));
                    }
                    3 => {
                        cell.set_skip(true);
                    }
                    _ => {}
                }
                cell
            })
    }

    /// A buffer of generated cells, many of them blank or repeated so that runs compare equal.
    fn buffer(width: u16, height: u16) -> impl Strategy<Value = Buffer> {
        let len = usize::from(width) * usize::from(height);
        prop::collection::vec(prop::option::weighted(0.6, cell()), len).prop_map(move |cells| {
            let mut buf = Buffer::empty(Rect::new(2, 1, width, height));
            for (slot, cell) in buf.content.iter_mut().zip(cells) {
                if let Some(cell) = cell {
                    *slot = cell;
                }
            }
            buf
        })
    }

    /// Two buffers: the second mostly the first with some cells changed.
    fn pair() -> impl Strategy<Value = (Buffer, Buffer)> {
        (1u16..9, 1u16..5)
            .prop_flat_map(|(w, h)| {
                (
                    buffer(w, h),
                    prop::collection::vec((0usize..64, prop::option::of(cell())), 0..12),
                    0u16..3,
                )
            })
            .prop_map(|(prev, changes, shorter)| {
                let mut next = prev.clone();
                for (at, cell) in changes {
                    let len = next.content.len();
                    if let Some(slot) = next.content.get_mut(at % len) {
                        *slot = cell.unwrap_or(Cell::EMPTY);
                    }
                }
                if shorter > 0 && next.area.height > 1 {
                    let mut area = next.area;
                    area.height -= 1;
                    next.resize(area);
                }
                (prev, next)
            })
    }

    fn ratatuis(prev: &Buffer, next: &Buffer) -> Option<Vec<(u16, u16, Cell)>> {
        // ratatui indexes past the end when a wide last cell is replaced: such buffers are
        // left out of the comparison.
        std::panic::catch_unwind(|| {
            prev.diff_iter(next)
                .map(|(x, y, c)| (x, y, c.clone()))
                .collect()
        })
        .ok()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn yields_what_ratatuis_diff_yields((prev, next) in pair()) {
            let ours: Vec<(u16, u16, Cell)> =
                Diff::new(&prev, &next).map(|(x, y, c)| (x, y, c.clone())).collect();
            if let Some(theirs) = ratatuis(&prev, &next) {
                prop_assert_eq!(ours, theirs);
            }
        }

        #[test]
        fn from_blank_and_to_blank((prev, next) in pair()) {
            let blank = Buffer::empty(prev.area);
            let ours: Vec<(u16, u16, Cell)> =
                Diff::new(&blank, &prev).map(|(x, y, c)| (x, y, c.clone())).collect();
            if let Some(theirs) = ratatuis(&blank, &prev) {
                prop_assert_eq!(ours, theirs);
            }
            let blank = Buffer::empty(next.area);
            let ours: Vec<(u16, u16, Cell)> =
                Diff::new(&next, &blank).map(|(x, y, c)| (x, y, c.clone())).collect();
            if let Some(theirs) = ratatuis(&next, &blank) {
                prop_assert_eq!(ours, theirs);
            }
        }
    }

    #[test]
    fn buffers_of_other_widths_yield_nothing() {
        let a = Buffer::empty(Rect::new(0, 0, 3, 2));
        let mut b = Buffer::empty(Rect::new(0, 0, 4, 2));
        b.content.iter_mut().for_each(|c| {
            c.set_symbol("x");
        });
        assert_eq!(Diff::new(&a, &b).count(), 0);
    }

    /// Frames drawn by the painter leave the terminal as `Terminal::draw` leaves it: the same
    /// cells on screen, the same cursor, after each of a series of frames, a resize and a
    /// clear.
    #[test]
    fn the_painter_draws_what_terminal_draw_draws() {
        let frames: [&[&str]; 5] = [
            &["hello", "world"],
            &["héllo │ 中文", "w"],
            &["", "❤\u{fe0f} x"],
            &["abc"],
            &["abc", "", "zz"],
        ];
        let mut ours = Terminal::new(TestBackend::new(12, 3)).unwrap();
        let mut theirs = Terminal::new(TestBackend::new(12, 3)).unwrap();
        let mut painter = Painter::new();
        for (n, lines) in frames.iter().enumerate() {
            if n == 3 {
                for terminal in [&mut ours, &mut theirs] {
                    terminal.backend_mut().resize(9, 4);
                }
            }
            if n == 4 {
                theirs.clear().unwrap();
                ours.clear().unwrap();
                painter.forget();
            }
            let paint = |buf: &mut Buffer| {
                for (y, line) in lines.iter().enumerate() {
                    buf.set_string(0, y as u16, line, Style::new().fg(Color::Red));
                }
                (n % 2 == 1).then_some(Position::new(1, 1))
            };
            let drawn = painter.draw(&mut ours, paint).unwrap().clone();
            let completed = theirs
                .draw(|frame| {
                    if let Some(p) = paint(frame.buffer_mut()) {
                        frame.set_cursor_position(p);
                    }
                })
                .unwrap();
            assert_eq!(&drawn, completed.buffer, "frame {n}");
            assert_eq!(
                ours.backend().buffer(),
                theirs.backend().buffer(),
                "frame {n}"
            );
            assert_eq!(
                ours.backend_mut().get_cursor_position().unwrap(),
                theirs.backend_mut().get_cursor_position().unwrap()
            );
        }
    }
}

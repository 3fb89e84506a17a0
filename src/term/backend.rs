//! The backend the loop draws through: ratatui's crossterm backend, the same bytes in the same
//! order, for less work and fewer system calls.
//!
//! ratatui's `CrosstermBackend::draw` formats every cursor move and every cell's text through
//! crossterm's `queue!` (a `fmt::Write` adapter per command), about 40 % of a first frame's
//! instructions, and `io::Stdout` sends what it buffered every 1 024 bytes (seven `write`s for
//! a 100×30 frame). Here cursor moves and cell text are written straight into a buffer, colour
//! and attribute changes still go through crossterm's own commands (so their bytes are
//! crossterm's by construction), and the buffer reaches the terminal in one `write` when the
//! frame is flushed (`Terminal::draw` flushes at its end; nothing stays buffered between frames).
//!
//! Invariant: for any sequence of cells, `draw` writes exactly what `CrosstermBackend::draw`
//! writes (tested below on generated cells); every other method is crossterm's.

use std::io::{self, BufWriter, Write};

use ratatui::backend::{Backend, ClearType, IntoCrossterm, WindowSize};
use ratatui::buffer::Cell;
use ratatui::crossterm::cursor::{Hide, MoveTo, Show};
use ratatui::crossterm::style::{
    Attribute, Color as CrosstermColor, Colors, SetAttribute, SetBackgroundColor, SetColors,
    SetForegroundColor, SetUnderlineColor,
};
use ratatui::crossterm::terminal::{self, Clear};
use ratatui::crossterm::{execute, queue};
use ratatui::layout::{Position, Size};
use ratatui::style::{Color, Modifier};

/// A frame rarely needs more; a bigger one is written in several pieces.
const CAPACITY: usize = 64 * 1024;

/// The terminal's backend: crossterm's escape sequences into `W` (standard output in the
/// program), buffered until the frame is flushed.
#[derive(Debug)]
pub struct Output<W: Write> {
    out: BufWriter<W>,
    /// The terminal, opened once, for its size: crossterm's `terminal::size` opens `/dev/tty`
    /// and closes it again at every call (three system calls, several times a frame).
    #[cfg(unix)]
    tty: Option<std::fs::File>,
}

impl Output<io::Stdout> {
    /// The backend on standard output.
    pub fn stdout() -> Self {
        Self {
            #[cfg(unix)]
            tty: std::fs::File::open("/dev/tty").ok(),
            ..Self::new(io::stdout())
        }
    }
}

impl<W: Write> Output<W> {
    pub fn new(out: W) -> Self {
        Self {
            out: BufWriter::with_capacity(CAPACITY, out),
            #[cfg(unix)]
            tty: None,
        }
    }

    /// What was written so far, once flushed (tests).
    #[cfg(test)]
    fn written(&mut self) -> &W {
        let _ = self.out.flush();
        self.out.get_ref()
    }
}

impl<W: Write> Write for Output<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.out.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// crossterm's `MoveTo(x, y)`: `CSI row ; column H`, both counted from 1.
fn move_to(out: &mut impl Write, x: u16, y: u16) -> io::Result<()> {
    let mut bytes = [0u8; 16];
    let mut at = 0;
    let mut put = |b: u8| {
        if let Some(slot) = bytes.get_mut(at) {
            *slot = b;
            at += 1;
        }
    };
    put(0x1b);
    put(b'[');
    for (i, n) in [u32::from(y) + 1, u32::from(x) + 1].into_iter().enumerate() {
        if i == 1 {
            put(b';');
        }
        let mut digits = [0u8; 5];
        let mut len = 0;
        let mut n = n;
        loop {
            if let Some(d) = digits.get_mut(len) {
                *d = b'0' + (n % 10) as u8;
            }
            len += 1;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        for d in digits.iter().take(len).rev() {
            put(*d);
        }
    }
    put(b'H');
    out.write_all(bytes.get(..at).unwrap_or_default())
}

/// The attribute changes from `from` to `to`, as ratatui's crossterm backend writes them.
fn modifier_diff(out: &mut impl Write, from: Modifier, to: Modifier) -> io::Result<()> {
    let removed = from - to;
    if removed.contains(Modifier::REVERSED) {
        queue!(out, SetAttribute(Attribute::NoReverse))?;
    }
    let reset_intensity = removed.contains(Modifier::BOLD) || removed.contains(Modifier::DIM);
    if reset_intensity {
        // Normal intensity resets both bold and dim: put back what stays.
        queue!(out, SetAttribute(Attribute::NormalIntensity))?;
        if to.contains(Modifier::DIM) {
            queue!(out, SetAttribute(Attribute::Dim))?;
        }
        if to.contains(Modifier::BOLD) {
            queue!(out, SetAttribute(Attribute::Bold))?;
        }
    }
    if removed.contains(Modifier::ITALIC) {
        queue!(out, SetAttribute(Attribute::NoItalic))?;
    }
    if removed.contains(Modifier::UNDERLINED) {
        queue!(out, SetAttribute(Attribute::NoUnderline))?;
    }
    if removed.contains(Modifier::CROSSED_OUT) {
        queue!(out, SetAttribute(Attribute::NotCrossedOut))?;
    }
    if removed.contains(Modifier::HIDDEN) {
        queue!(out, SetAttribute(Attribute::NoHidden))?;
    }
    if removed.contains(Modifier::SLOW_BLINK) || removed.contains(Modifier::RAPID_BLINK) {
        queue!(out, SetAttribute(Attribute::NoBlink))?;
    }
    let added = to - from;
    if added.contains(Modifier::REVERSED) {
        queue!(out, SetAttribute(Attribute::Reverse))?;
    }
    if added.contains(Modifier::BOLD) && !reset_intensity {
        queue!(out, SetAttribute(Attribute::Bold))?;
    }
    if added.contains(Modifier::ITALIC) {
        queue!(out, SetAttribute(Attribute::Italic))?;
    }
    if added.contains(Modifier::UNDERLINED) {
        queue!(out, SetAttribute(Attribute::Underlined))?;
    }
    if added.contains(Modifier::DIM) && !reset_intensity {
        queue!(out, SetAttribute(Attribute::Dim))?;
    }
    if added.contains(Modifier::CROSSED_OUT) {
        queue!(out, SetAttribute(Attribute::CrossedOut))?;
    }
    if added.contains(Modifier::HIDDEN) {
        queue!(out, SetAttribute(Attribute::Hidden))?;
    }
    if added.contains(Modifier::SLOW_BLINK) {
        queue!(out, SetAttribute(Attribute::SlowBlink))?;
    }
    if added.contains(Modifier::RAPID_BLINK) {
        queue!(out, SetAttribute(Attribute::RapidBlink))?;
    }
    Ok(())
}

impl<W: Write> Backend for Output<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let out = &mut self.out;
        let mut fg = Color::Reset;
        let mut bg = Color::Reset;
        let mut underline = Color::Reset;
        let mut modifier = Modifier::empty();
        let mut last: Option<Position> = None;
        for (x, y, cell) in content {
            // Move the cursor unless the cell is the one after the last.
            if !matches!(last, Some(p) if x == p.x + 1 && y == p.y) {
                move_to(out, x, y)?;
            }
            last = Some(Position { x, y });
            if cell.modifier != modifier {
                modifier_diff(out, modifier, cell.modifier)?;
                modifier = cell.modifier;
            }
            if cell.fg != fg || cell.bg != bg {
                queue!(
                    out,
                    SetColors(Colors::new(
                        cell.fg.into_crossterm(),
                        cell.bg.into_crossterm()
                    ))
                )?;
                fg = cell.fg;
                bg = cell.bg;
            }
            if cell.underline_color != underline {
                queue!(
                    out,
                    SetUnderlineColor(cell.underline_color.into_crossterm())
                )?;
                underline = cell.underline_color;
            }
            out.write_all(cell.symbol().as_bytes())?;
        }
        queue!(
            out,
            SetForegroundColor(CrosstermColor::Reset),
            SetBackgroundColor(CrosstermColor::Reset),
            SetUnderlineColor(CrosstermColor::Reset),
            SetAttribute(Attribute::Reset),
        )
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        execute!(self.out, Hide)
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        execute!(self.out, Show)
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        ratatui::crossterm::cursor::position().map(|(x, y)| Position { x, y })
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        let Position { x, y } = position.into();
        execute!(self.out, MoveTo(x, y))
    }

    fn clear(&mut self) -> io::Result<()> {
        self.clear_region(ClearType::All)
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        use ratatui::crossterm::terminal::ClearType as Crossterm;
        execute!(
            self.out,
            Clear(match clear_type {
                ClearType::All => Crossterm::All,
                ClearType::AfterCursor => Crossterm::FromCursorDown,
                ClearType::BeforeCursor => Crossterm::FromCursorUp,
                ClearType::CurrentLine => Crossterm::CurrentLine,
                ClearType::UntilNewLine => Crossterm::UntilNewLine,
            })
        )
    }

    fn append_lines(&mut self, n: u16) -> io::Result<()> {
        for _ in 0..n {
            self.out.write_all(b"\n")?;
        }
        self.out.flush()
    }

    /// The terminal's size, as crossterm's `terminal::size` gives it (the size of `/dev/tty`),
    /// asked of the terminal opened once.
    fn size(&self) -> io::Result<Size> {
        #[cfg(unix)]
        if let Some(tty) = &self.tty
            && let Ok(size) = rustix::termios::tcgetwinsize(tty)
        {
            return Ok(Size {
                width: size.ws_col,
                height: size.ws_row,
            });
        }
        let (width, height) = terminal::size()?;
        Ok(Size { width, height })
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        let terminal::WindowSize {
            columns,
            rows,
            width,
            height,
        } = terminal::window_size()?;
        Ok(WindowSize {
            columns_rows: Size {
                width: columns,
                height: rows,
            },
            pixels: Size { width, height },
        })
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use ratatui::backend::CrosstermBackend;

    use super::*;

    const COLORS: &[Color] = &[
        Color::Reset,
        Color::Red,
        Color::LightCyan,
        Color::DarkGray,
        Color::Indexed(8),
        Color::Indexed(231),
        Color::Rgb(1, 200, 30),
    ];
    const SYMBOLS: &[&str] = &["a", " ", "é", "中", "│", "👩\u{200d}🔬", "", "e\u{301}"];

    fn cell() -> impl Strategy<Value = Cell> {
        (
            prop::sample::select(SYMBOLS),
            prop::sample::select(COLORS),
            prop::sample::select(COLORS),
            prop::sample::select(COLORS),
            0u16..0x1ff,
        )
            .prop_map(|(symbol, fg, bg, under, bits)| {
                let mut cell = Cell::new(" ");
                cell.set_symbol(symbol);
                cell.fg = fg;
                cell.bg = bg;
                cell.underline_color = under;
                cell.modifier = Modifier::from_bits_truncate(bits);
                cell
            })
    }

    proptest! {
        #[test]
        fn draws_what_ratatuis_crossterm_backend_draws(
            cells in prop::collection::vec((0u16..3, 0u16..1200, cell()), 0..60)
        ) {
            // Positions mostly one after the other (no move), sometimes elsewhere.
            let mut at = (0u16, 0u16);
            let placed: Vec<(u16, u16, Cell)> = cells
                .into_iter()
                .map(|(step, far, cell)| {
                    at = match step {
                        0 => (far, far / 7),
                        _ => (at.0 + 1, at.1),
                    };
                    (at.0, at.1, cell)
                })
                .collect();
            let mut ours = Output::new(Vec::new());
            let mut bytes = Vec::new();
            let mut theirs = CrosstermBackend::new(&mut bytes);
            ours.draw(placed.iter().map(|(x, y, c)| (*x, *y, c))).unwrap();
            theirs.draw(placed.iter().map(|(x, y, c)| (*x, *y, c))).unwrap();
            Backend::flush(&mut theirs).unwrap();
            prop_assert_eq!(String::from_utf8_lossy(ours.written()), String::from_utf8_lossy(&bytes));
        }
    }

    #[test]
    fn moves_are_crossterms() {
        for (x, y) in [(0, 0), (9, 9), (10, 99), (65_534, 65_534), (123, 4567)] {
            let mut ours = Vec::new();
            move_to(&mut ours, x, y).unwrap();
            let mut theirs = Vec::new();
            queue!(theirs, MoveTo(x, y)).unwrap();
            assert_eq!(ours, theirs);
        }
    }
}

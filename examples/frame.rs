//! Draws reader frames of the bundled article, for counting instructions with callgrind.
//!
//! `cargo build --release --example frame`, then
//! `valgrind --tool=callgrind --toggle-collect='*frames*' target/release/examples/frame 200 60 100 glose`:
//! only the frames are counted (not the process start or the article's opening); divide the
//! total by the count. The scene is the one of `cargo bench --bench glose --
//! frame_bundled/render/200x60_part2`: part II focused, its first annotation selected (the side
//! pane shows it).
//!
//! The fourth argument says how the frames are drawn: `glose` (the default) as the reader
//! draws them, through `term::frame::Painter` and the terminal's real backend writing into a
//! sink; `ratatui` through `Terminal::draw` into ratatui's `TestBackend` (ratatui's diff), as
//! the `frame_bundled/render` benchmarks do.

use std::hint::black_box;
use std::io;

use glose::app::{Action, App};
use glose::i18n::Lang;
use glose::term::Output;
use glose::term::frame::Painter;
use glose::theme::Theme;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

fn main() {
    let mut args = std::env::args().skip(1);
    let mut number = || args.next().and_then(|a| a.parse::<u16>().ok());
    let width = number().unwrap_or(200);
    let height = number().unwrap_or(60);
    let count = number().unwrap_or(100);
    let ratatui = std::env::args().nth(4).is_some_and(|a| a == "ratatui");
    let Ok(bundled) = glose::content::load_bundled() else {
        eprintln!("the bundled article did not open");
        std::process::exit(1);
    };
    let mut app = App::new(bundled.article, Lang::Fr, Theme::default(), (width, height));
    app.update(Action::FocusPane(2));
    app.update(Action::NextAnnotation);
    if ratatui {
        let Ok(mut terminal) = Terminal::new(TestBackend::new(width, height));
        frames_ratatui(&mut terminal, &app, count);
        black_box(terminal.backend().buffer());
    } else {
        let options = TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, width, height)),
        };
        let Ok(mut terminal) = Terminal::with_options(Output::new(io::sink()), options) else {
            std::process::exit(1);
        };
        let mut painter = Painter::new();
        frames_glose(&mut terminal, &mut painter, &app, count);
        black_box(&painter);
    }
}

/// The frames callgrind counts (`--toggle-collect='*frames*'`), as the reader draws them.
#[inline(never)]
fn frames_glose(
    terminal: &mut Terminal<Output<io::Sink>>,
    painter: &mut Painter,
    app: &App,
    count: u16,
) {
    for _ in 0..count {
        if painter
            .draw(terminal, |buf| glose::ui::render_buffer(app, buf))
            .is_err()
        {
            std::process::exit(1);
        }
    }
}

/// The frames callgrind counts, through `Terminal::draw` and ratatui's diff.
#[inline(never)]
fn frames_ratatui(terminal: &mut Terminal<TestBackend>, app: &App, count: u16) {
    for _ in 0..count {
        let Ok(_) = terminal.draw(|f| glose::ui::render(app, f));
    }
}

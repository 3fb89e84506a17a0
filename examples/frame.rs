//! Draws reader frames of the bundled article, for counting instructions with callgrind.
//!
//! `cargo build --release --example frame`, then
//! `valgrind --tool=callgrind --toggle-collect='*frames*' target/release/examples/frame 200 60 100`:
//! only the frames are counted (not the process start or the article's opening); divide the
//! total by the count. The scene is the one of `cargo bench --bench glose --
//! frame_bundled/render/200x60_part2`: part II focused, its first annotation selected (the side
//! pane shows it), drawn into ratatui's `TestBackend` as the bench does.

use std::hint::black_box;

use glose::app::{Action, App};
use glose::i18n::Lang;
use glose::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn main() {
    let mut args = std::env::args().skip(1).map(|a| a.parse::<u16>().ok());
    let width = args.next().flatten().unwrap_or(200);
    let height = args.next().flatten().unwrap_or(60);
    let count = args.next().flatten().unwrap_or(100);
    let Ok(bundled) = glose::content::load_bundled() else {
        eprintln!("the bundled article did not open");
        std::process::exit(1);
    };
    let mut app = App::new(bundled.article, Lang::Fr, Theme::default(), (width, height));
    app.update(Action::FocusPane(2));
    app.update(Action::NextAnnotation);
    let Ok(mut terminal) = Terminal::new(TestBackend::new(width, height));
    frames(&mut terminal, &app, count);
    black_box(terminal.backend().buffer());
}

/// The frames callgrind counts (`--toggle-collect='*frames*'`).
#[inline(never)]
fn frames(terminal: &mut Terminal<TestBackend>, app: &App, count: u16) {
    for _ in 0..count {
        let Ok(_) = terminal.draw(|f| glose::ui::render(app, f));
    }
}

//! Opens a file to its first frame once, as the `markdown/open_to_first_frame_80x24` benchmark
//! does (load, build the reader, draw 80×24 into a `TestBackend`), then exits: a whole process
//! to count instructions with valgrind (see BENCHMARKS.md, "A 10 MB Markdown document").
//!
//! `cargo build --release --example open_first_frame`, then
//! `valgrind --tool=callgrind target/release/examples/open_first_frame /tmp/readmes.md`.

use glose::app::App;
use glose::i18n::Lang;
use glose::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn main() -> std::process::ExitCode {
    let Some(path) = std::env::args_os().nth(1) else {
        eprintln!("usage: open_first_frame FILE");
        return std::process::ExitCode::from(2);
    };
    let article = match glose::content::load_path(std::path::Path::new(&path)) {
        Ok(loaded) => loaded.article,
        Err(error) => {
            eprintln!("{error}");
            return std::process::ExitCode::from(error.exit_code());
        }
    };
    let app = App::new(article, Lang::En, Theme::default(), (80, 24));
    let drawn = Terminal::new(TestBackend::new(80, 24))
        .and_then(|mut terminal| terminal.draw(|f| glose::ui::render(&app, f)).map(|_| ()));
    if let Err(error) = drawn {
        eprintln!("{error}");
        return std::process::ExitCode::from(2);
    }
    std::process::ExitCode::SUCCESS
}

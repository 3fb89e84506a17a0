//! The `glose` binary: parses arguments and hands over to the library.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use clap::Parser;
use glose::app::App;
use glose::cli::{Cli, Command};
use glose::content::Article;
use glose::i18n::Lang;
use glose::theme::Theme;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Check { path }) => ExitCode::from(glose::check::run(path.as_deref())),
        Some(Command::Present { path }) => present(path.as_deref()),
        Some(Command::Notes { path, command: _ }) => notes(path.as_deref()),
        Some(Command::Export {
            path,
            format,
            output,
        }) => export(path.as_deref(), format, output.as_deref()),
        None => read(cli.path.as_deref()),
    }
}

/// Loads the article at `path` (or the bundled one), or prints why not and gives the exit code.
fn load(path: Option<&Path>) -> Result<Article, ExitCode> {
    let loaded = match path {
        Some(path) => glose::content::load_path(path),
        None => glose::content::load_bundled(),
    };
    loaded.map(|l| l.article).map_err(|error| {
        eprintln!("{error}");
        ExitCode::from(error.exit_code())
    })
}

/// Runs a full-screen app; an I/O error on the terminal is exit 2.
fn run_app(app: &mut App) -> ExitCode {
    match glose::tui::run(app) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("glose: {error}");
            ExitCode::from(2)
        }
    }
}

fn read(path: Option<&Path>) -> ExitCode {
    let article = match load(path) {
        Ok(article) => article,
        Err(code) => return code,
    };
    let mut app = App::new(article, Lang::from_env(), Theme::from_env(), (80, 24));
    run_app(&mut app)
}

fn present(path: Option<&Path>) -> ExitCode {
    let article = match load(path) {
        Ok(article) => article,
        Err(code) => return code,
    };
    let lang = Lang::from_env();
    if article.tour.is_empty() {
        eprintln!("glose: {}", glose::i18n::Text::NoTour.get(lang));
        return ExitCode::from(1);
    }
    let mut app = App::new(article, lang, Theme::from_env(), (80, 24));
    app.open_presenter(true);
    run_app(&mut app)
}

#[cfg(unix)]
fn notes(path: Option<&Path>) -> ExitCode {
    let article = match load(path) {
        Ok(article) => article,
        Err(code) => return code,
    };
    let lang = Lang::from_env();
    if article.tour.is_empty() {
        eprintln!("glose: {}", glose::i18n::Text::NoTour.get(lang));
        return ExitCode::from(1);
    }
    let key = glose::tour::article_key(&article);
    let listener = match glose::link::Listener::bind(&key) {
        Ok(listener) => listener,
        Err(error) => {
            eprintln!("glose notes: cannot listen for a presenter: {error}");
            return ExitCode::from(2);
        }
    };
    let mut notes = glose::notes::Notes::new(
        article,
        lang,
        Theme::from_env(),
        glose::clock::system(),
        (80, 24),
    );
    match glose::tui::run_notes(&mut notes, &listener) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("glose: {error}");
            ExitCode::from(2)
        }
    }
}

#[cfg(not(unix))]
fn notes(_path: Option<&Path>) -> ExitCode {
    eprintln!("glose notes: not supported on this platform (it needs Unix sockets)");
    ExitCode::from(2)
}

fn export(path: Option<&Path>, format: glose::handout::Format, output: Option<&Path>) -> ExitCode {
    let article = match load(path) {
        Ok(article) => article,
        Err(code) => return code,
    };
    let handout = glose::handout::export(&article, format);
    let written = match output {
        Some(file) => {
            std::fs::write(file, handout.as_bytes()).map_err(|e| (file.display().to_string(), e))
        }
        None => std::io::stdout()
            .lock()
            .write_all(handout.as_bytes())
            .map_err(|e| ("standard output".to_owned(), e)),
    };
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err((target, error)) => {
            eprintln!("glose export: cannot write '{target}': {error}");
            ExitCode::from(2)
        }
    }
}

//! The `glose` binary: parses arguments and hands over to the library.

use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

use clap::Parser;
use glose::app::App;
use glose::cli::{Cli, Command, NotesCommand};
use glose::content::{LoadError, Loaded};
use glose::i18n::Lang;
use glose::session::{self, Options};
use glose::theme::Theme;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Check { path }) => ExitCode::from(glose::check::run(path.as_deref())),
        Some(Command::Notes(notes)) => match notes.command {
            Some(NotesCommand::Export { path }) => export(path.as_deref()),
            // `glose notes [PATH]`, the facilitator's notes window, comes from another branch.
            None => {
                eprintln!(
                    "glose: 'glose notes [PATH]' is not in this build; try 'glose notes export'"
                );
                ExitCode::from(2)
            }
        },
        None => read(cli.path.as_deref(), Options { fresh: cli.fresh }),
    }
}

/// Loads the article (the bundled one without a path), printing every problem on failure.
fn load(path: Option<&Path>) -> Result<Loaded, ExitCode> {
    let result = match path {
        Some(path) => glose::content::load_path(path),
        None => glose::content::load_bundled(),
    };
    result.map_err(|error: LoadError| {
        eprint!("{error}");
        ExitCode::from(error.exit_code())
    })
}

/// Opens the reader with its state files (notes, bookmarks, position). Loading errors are
/// printed before the terminal is taken over.
fn read(path: Option<&Path>, options: Options) -> ExitCode {
    let loaded = match load(path) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    if !std::io::stdout().is_terminal() {
        eprintln!("glose: standard output is not a terminal");
        return ExitCode::from(2);
    }
    let size = ratatui::crossterm::terminal::size().unwrap_or((80, 24));
    let mut app = App::new(loaded.article, Lang::from_env(), Theme::from_env(), size);
    ExitCode::from(session::run(&mut app, options))
}

/// `glose notes export [PATH]`: the notes on the article as Markdown on stdout.
fn export(path: Option<&Path>) -> ExitCode {
    match load(path) {
        Ok(loaded) => ExitCode::from(session::export(
            &loaded.article,
            Lang::from_env(),
            &mut std::io::stdout().lock(),
        )),
        Err(code) => code,
    }
}

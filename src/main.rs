//! The `glose` binary: parses arguments and hands over to the library.

use std::path::Path;
use std::process::ExitCode;

use clap::Parser;
use glose::app::App;
use glose::cli::{Cli, Command, NotesCommand};
use glose::content::{Article, load_bundled, load_path};
use glose::i18n::Lang;
use glose::session::{self, Options};
use glose::theme::Theme;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Check { path }) => ExitCode::from(glose::check::run(path.as_deref())),
        Some(Command::Notes(notes)) => match notes.command {
            Some(NotesCommand::Export { path }) => match load(path.as_deref()) {
                Ok(article) => ExitCode::from(session::export(
                    &article,
                    Lang::from_env(),
                    &mut std::io::stdout().lock(),
                )),
                Err(code) => ExitCode::from(code),
            },
            // `glose notes [PATH]`, the facilitator's notes window, comes from another branch.
            None => {
                eprintln!(
                    "glose: 'glose notes [PATH]' is not in this build; try 'glose notes export'"
                );
                ExitCode::from(2)
            }
        },
        None => match load(cli.path.as_deref()) {
            Ok(article) => {
                let mut app = App::new(article, Lang::from_env(), Theme::from_env(), (80, 24));
                ExitCode::from(session::run(&mut app, Options { fresh: cli.fresh }))
            }
            Err(code) => ExitCode::from(code),
        },
    }
}

/// Loads the article at `path` (the bundled one by default), or prints why not and returns the
/// exit code (1 content errors, 2 I/O).
fn load(path: Option<&Path>) -> Result<Article, u8> {
    let loaded = match path {
        Some(path) => load_path(path),
        None => load_bundled(),
    };
    loaded.map(|l| l.article).map_err(|error| {
        eprintln!("{error}");
        error.exit_code()
    })
}

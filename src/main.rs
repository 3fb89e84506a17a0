//! The `glose` binary: parses arguments and hands over to the library.

use std::process::ExitCode;

use clap::Parser;
use glose::cli::{Cli, Command, NotesCommand};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Check { path }) => ExitCode::from(glose::check::run(path.as_deref())),
        // Until the loader lands: `glose notes export` needs an article to resolve notes against.
        Some(Command::Notes(notes)) => {
            let _ = matches!(notes.command, Some(NotesCommand::Export { .. }));
            eprintln!("glose notes: not available in this build yet");
            ExitCode::from(2)
        }
        None => ExitCode::from(glose::check::run(cli.path.as_deref())),
    }
}

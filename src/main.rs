//! The `glose` binary: parses arguments and hands over to the library.

use std::process::ExitCode;

use clap::Parser;
use glose::cli::{Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Check { path }) => ExitCode::from(glose::check::run(path.as_deref())),
        None => ExitCode::from(glose::check::run(cli.path.as_deref())),
    }
}

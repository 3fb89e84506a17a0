//! Command-line arguments (clap). Parsing only: `main` decides what each command does.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

/// A terminal reader with guided annotations.
///
/// With no PATH, opens the bundled article: Charlotte Bouchez, « IA : intelligence artificielle,
/// main-d’œuvre bien réelle ». PATH may be an article folder (article.toml, text.md,
/// annotations.toml, sources.toml, tour.toml) or a plain .md or .txt file.
///
/// Exit codes: 0 success, 1 content errors in the article, 2 usage or I/O errors.
#[derive(Debug, Parser)]
#[command(
    name = "glose",
    version,
    about,
    long_about,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// Article folder, or a .md / .txt file (default: the bundled article).
    pub path: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate an article folder and print its summary (exit 0 valid, 1 content errors, 2 I/O).
    Check {
        /// Article folder or .md / .txt file (default: the bundled article).
        path: Option<PathBuf>,
    },
}

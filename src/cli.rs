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

    /// Start at the top instead of where you left the article (notes and bookmarks are kept).
    #[arg(long)]
    pub fresh: bool,

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
    /// Personal notes: `glose notes export [PATH]` prints yours as Markdown.
    Notes(NotesArgs),
}

/// `glose notes [PATH]` and `glose notes export [PATH]`: the two share the word, so `notes` takes
/// either an optional PATH of its own or a sub-command (`export`) with its own optional PATH.
#[derive(Debug, clap::Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct NotesArgs {
    /// Article folder or .md / .txt file (default: the bundled article).
    pub path: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<NotesCommand>,
}

#[derive(Debug, Subcommand)]
pub enum NotesCommand {
    /// Print your notes on an article as Markdown on stdout, in reading order, with the quoted
    /// passages and their sources (exit 0; 1 content errors; 2 I/O or an unreadable notes file).
    Export {
        /// Article folder or .md / .txt file (default: the bundled article).
        path: Option<PathBuf>,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Cli {
        Cli::try_parse_from(std::iter::once("glose").chain(args.iter().copied())).unwrap()
    }

    #[test]
    fn notes_takes_a_path_or_export_with_a_path() {
        let Some(Command::Notes(n)) = parse(&["notes", "export", "dir"]).command else {
            panic!()
        };
        assert!(
            matches!(n.command, Some(NotesCommand::Export { path: Some(p) }) if p.as_path() == std::path::Path::new("dir"))
        );
        assert!(n.path.is_none());
        let Some(Command::Notes(n)) = parse(&["notes", "export"]).command else {
            panic!()
        };
        assert!(matches!(
            n.command,
            Some(NotesCommand::Export { path: None })
        ));
        let Some(Command::Notes(n)) = parse(&["notes", "dir"]).command else {
            panic!()
        };
        assert_eq!(n.path, Some(PathBuf::from("dir")));
        assert!(n.command.is_none());
        let Some(Command::Notes(n)) = parse(&["notes"]).command else {
            panic!()
        };
        assert!(n.path.is_none() && n.command.is_none());
        let cli = parse(&["--fresh", "article"]);
        assert!(cli.fresh);
        assert_eq!(cli.path, Some(PathBuf::from("article")));
        assert!(!parse(&[]).fresh);
    }
}

//! Command-line arguments (clap). Parsing only: `main` decides what each command does.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::i18n::Lang;
use crate::theme::ThemeName;

/// A terminal reader with guided annotations.
///
/// With no PATH, opens the bundled article: Charlotte Bouchez, « IA : intelligence artificielle,
/// main-d’œuvre bien réelle ». PATH may be an article folder (article.toml, text.md,
/// annotations.toml, sources.toml, tour.toml) or a plain .md or .txt file. When standard output
/// is not a terminal, glose prints the article as plain text instead (see `glose print`).
///
/// Settings are read from config.toml in the platform's config directory, or from --config
/// FILE, or from GLOSE_CONFIG=FILE (`glose config --print-default` shows every setting).
///
/// Exit codes: 0 success, 1 content errors in the article, 2 usage, settings or I/O errors.
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

    /// Settings file to read instead of the default config.toml.
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Colours: default, high-contrast or monochrome (wins over the settings and NO_COLOR).
    #[arg(long, global = true, value_name = "THEME", value_parser = parse_theme)]
    pub theme: Option<ThemeName>,

    /// Interface language: fr or en (wins over the settings and the locale).
    #[arg(long, global = true, value_name = "LANG", value_parser = parse_lang)]
    pub lang: Option<Lang>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Present the guided tour to a room: one stop per screen, the figure in large type
    /// (keys: → next, ← back, v verdict, b blank, ? help, q quit).
    Present {
        /// Article folder (default: the bundled article).
        path: Option<PathBuf>,
    },
    /// Facilitator notes for a second terminal: follows `glose present` run by the same user
    /// on this machine (what to say, questions, answers, time, next stop).
    #[command(args_conflicts_with_subcommands = true)]
    Notes {
        /// Article folder (default: the bundled article); must be the presented one.
        path: Option<PathBuf>,
        /// `glose notes` alone follows a presenter; other notes commands go here.
        #[command(subcommand)]
        command: Option<NotesCommand>,
    },
    /// Write a handout: the text with a footnote per annotation, the sources and the tour's
    /// questions (exit 0 written, 1 content errors, 2 I/O errors).
    Export {
        /// Article folder (default: the bundled article).
        path: Option<PathBuf>,
        /// Output format.
        #[arg(long, short, value_enum, default_value_t = crate::handout::Format::Markdown)]
        format: crate::handout::Format,
        /// Write to FILE instead of the standard output.
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Validate an article folder and print its summary (exit 0 valid, 1 content errors, 2 I/O).
    Check {
        /// Article folder or .md / .txt file (default: the bundled article).
        path: Option<PathBuf>,
        /// Mend annotations.toml: give each ambiguous quote the shortest prefix or suffix that
        /// picks its first place, and write the text's words into each moved quote (comments and
        /// layout kept; text.md is never touched). Prints each change, then checks again.
        #[arg(long)]
        fix: bool,
    },
    /// Start a new article folder that passes `glose check` as written: article.toml, text.md,
    /// and annotations.toml, sources.toml, tour.toml with commented examples (never overwrites:
    /// DIR must not exist or be empty).
    New {
        /// The folder to create.
        dir: PathBuf,
        /// Take the text and its parts from this .md or .txt file (its headings become parts).
        #[arg(long, value_name = "FILE")]
        from: Option<PathBuf>,
    },
    /// Print the JSON Schema of an article file, for editors that check TOML as you type.
    Schema {
        /// Which file.
        #[arg(value_enum)]
        file: SchemaFile,
    },
    /// Write the article as wrapped plain text: parts titled, each annotation numbered, its
    /// source and context after the paragraph. No colour, no box drawing: for pipes, printers
    /// and screen readers.
    Print {
        /// Article folder or .md / .txt file (default: the bundled article).
        path: Option<PathBuf>,
        /// Wrap at N columns (20 to 1000).
        #[arg(long, short, value_name = "N", default_value_t = 80,
              value_parser = clap::value_parser!(u16).range(20..=1000))]
        width: u16,
    },
    /// Check the settings file, show where it is, or print a commented default one.
    Config {
        /// Print a commented config.toml with every setting and key binding at its default.
        #[arg(long, conflicts_with = "path")]
        print_default: bool,
        /// Print the path of the settings file glose reads.
        #[arg(long)]
        path: bool,
    },
}

/// The TOML files that have a JSON Schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SchemaFile {
    Article,
    Annotations,
    Sources,
    Tour,
}

impl SchemaFile {
    /// Its name, as `glose schema` takes it.
    pub fn name(self) -> &'static str {
        match self {
            Self::Article => "article",
            Self::Annotations => "annotations",
            Self::Sources => "sources",
            Self::Tour => "tour",
        }
    }
}

fn parse_theme(value: &str) -> Result<ThemeName, String> {
    match value {
        "default" => Ok(ThemeName::Default),
        "high-contrast" => Ok(ThemeName::HighContrast),
        "monochrome" => Ok(ThemeName::Monochrome),
        other => Err(format!(
            "unknown theme '{other}': default, high-contrast or monochrome"
        )),
    }
}

fn parse_lang(value: &str) -> Result<Lang, String> {
    match value {
        "fr" => Ok(Lang::Fr),
        "en" => Ok(Lang::En),
        other => Err(format!("unknown language '{other}': fr or en")),
    }
}

/// Subcommands of `glose notes` (`glose notes [PATH]` alone is the facilitator's notes window).
#[derive(Debug, Subcommand)]
pub enum NotesCommand {
    /// Print your own notes on an article as Markdown on stdout, in reading order, with the
    /// quoted passages and their sources (exit 0; 1 content errors; 2 I/O or an unreadable notes
    /// file).
    Export {
        /// Article folder or .md / .txt file (default: the bundled article).
        path: Option<PathBuf>,
    },
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use clap::{CommandFactory, Parser};

    use super::*;

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn facilitator_commands_parse() {
        let cli = Cli::try_parse_from(["glose", "notes", "mon-texte"]).unwrap();
        assert!(matches!(
            cli.command,
            Some(Command::Notes { path: Some(p), command: None }) if p == Path::new("mon-texte")
        ));
        let cli = Cli::try_parse_from(["glose", "export", "-f", "html", "-o", "h.html"]).unwrap();
        assert!(matches!(
            cli.command,
            Some(Command::Export {
                path: None,
                format: crate::handout::Format::Html,
                output: Some(_)
            })
        ));
        let cli = Cli::try_parse_from(["glose", "notes"]).unwrap();
        assert!(matches!(
            cli.command,
            Some(Command::Notes {
                path: None,
                command: None
            })
        ));
        let cli = Cli::try_parse_from(["glose", "present"]).unwrap();
        assert!(matches!(cli.command, Some(Command::Present { path: None })));
        assert!(Cli::try_parse_from(["glose", "export", "--format", "pdf"]).is_err());
    }

    #[test]
    fn student_notes_export_and_fresh_parse() {
        let cli = Cli::try_parse_from(["glose", "notes", "export", "dir"]).unwrap();
        assert!(matches!(
            cli.command,
            Some(Command::Notes {
                path: None,
                command: Some(NotesCommand::Export { path: Some(p) })
            }) if p == Path::new("dir")
        ));
        let cli = Cli::try_parse_from(["glose", "notes", "export"]).unwrap();
        assert!(matches!(
            cli.command,
            Some(Command::Notes {
                path: None,
                command: Some(NotesCommand::Export { path: None })
            })
        ));
        let cli = Cli::try_parse_from(["glose", "--fresh", "article"]).unwrap();
        assert!(cli.fresh);
        assert_eq!(cli.path.as_deref(), Some(Path::new("article")));
        assert!(!Cli::try_parse_from(["glose"]).unwrap().fresh);
    }
}

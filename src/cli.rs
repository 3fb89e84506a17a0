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
#[command(name = "glose", version, about, long_about)]
pub struct Cli {
    /// Article folder, or a .md / .txt file (default: the bundled article).
    pub path: Option<PathBuf>,

    /// Start at the top instead of where you left the article (notes and bookmarks are kept;
    /// only reading uses it, other commands accept and ignore it).
    #[arg(long, global = true)]
    pub fresh: bool,

    /// Settings file to read instead of the default config.toml.
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Colours: default, high-contrast (light or dark after the terminal's background),
    /// high-contrast-light, high-contrast-dark or monochrome (wins over the settings and NO_COLOR).
    #[arg(long, global = true, value_name = "THEME", value_parser = parse_theme)]
    pub theme: Option<ThemeName>,

    /// Interface language: fr or en (wins over the settings and the locale).
    #[arg(long, global = true, value_name = "LANG", value_parser = parse_lang)]
    pub lang: Option<Lang>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

impl Cli {
    /// The command line of this process. With no argument at all (the reader on the bundled
    /// article, the usual start) there is nothing to parse: clap is not asked, which spares the
    /// start-up the building of every subcommand's definition (a third of a million
    /// instructions and their memory); what clap would give is the same (tested).
    pub fn from_env() -> Self {
        if std::env::args_os().len() <= 1 {
            return Self::bare();
        }
        Self::parse()
    }

    /// `glose` alone.
    fn bare() -> Self {
        Self {
            path: None,
            fresh: false,
            config: None,
            theme: None,
            lang: None,
            command: None,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Present the guided tour to a room: one stop per screen, the figure in large type
    /// (keys: → next, ← back, v verdict, b blank, ? help, q quit).
    Present {
        /// Article folder (default: the bundled article).
        path: Option<PathBuf>,
        /// Resume the previous session (its stop and clocks) without asking. By default it is
        /// offered back: already resumed after a crash (n starts afresh), r after a clean quit.
        #[arg(long, conflicts_with = "new")]
        resume: bool,
        /// Start a new session (first stop, clocks at 0:00) without asking.
        #[arg(long)]
        new: bool,
        /// Open the room: students follow from a browser or `glose follow`, and vote. ADDR is a
        /// port or an address and a port (default: every interface, port 7878); plain HTTP, for
        /// a trusted local network only. Stops with the presenter.
        #[arg(long, value_name = "ADDR", num_args = 0..=1, default_missing_value = "")]
        room: Option<String>,
    },
    /// Follow a room opened by `glose present --room`: your own reader goes to each stop the
    /// facilitator shows (F rejoins after you step away), and the digit keys answer its polls.
    Follow {
        /// The room's address, as the presenter shows it: http://192.168.1.20:7878/K7Q2MD
        url: String,
        /// Article folder (default: the bundled article); must be the presented one.
        path: Option<PathBuf>,
    },
    /// Facilitator notes for a second terminal: follows `glose present` run by the same user
    /// on this machine (what to say, questions, answers, time, next stop).
    Notes {
        /// Article folder (default: the bundled article); must be the presented one.
        path: Option<PathBuf>,
        /// `glose notes` alone follows a presenter; other notes commands go here.
        #[command(subcommand)]
        command: Option<NotesCommand>,
    },
    /// Write a handout: the text with a footnote per annotation, the sources and the tour's
    /// questions; or the annotations as W3C Web Annotation JSON-LD (`--format w3c`), or the bare
    /// text their positions count in (`--format text`) (exit 0 written, 1 content errors, 2 I/O
    /// errors).
    Export {
        /// Article folder (default: the bundled article).
        path: Option<PathBuf>,
        /// Output format.
        #[arg(long, short, value_enum, default_value_t = crate::handout::Format::Markdown)]
        format: crate::handout::Format,
        /// Write to FILE instead of the standard output.
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Write the brief instead, a short handout to print: the text with each annotation's
        /// number and verdict ([2 ✗]), one line per annotation (its words, verdict and source)
        /// and the tour's questions; Markdown, or HTML with --format html (print style: A4, a
        /// page per part, the title in each page's footer).
        #[arg(long, conflicts_with = "results")]
        brief: bool,
        /// Write the room's poll results instead (glose present --room): per stop, the counts,
        /// as Markdown, or CSV with --results=csv.
        #[arg(long, value_name = "FORMAT", num_args = 0..=1, require_equals = true,
              default_missing_value = "markdown", value_enum)]
        results: Option<ResultsFormat>,
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
    /// Turn a Hypothesis export (JSON) into annotations of an article folder: they are appended
    /// to its annotations.toml, anchored and checked; passages not found in the text are
    /// reported, never dropped (exit 0 all anchored, 1 some not found or content errors, 2 I/O).
    Import {
        #[command(subcommand)]
        from: ImportCommand,
    },
    /// Print a completion script for a shell on stdout (see the README to install it).
    Completions {
        /// The shell: bash, zsh, fish, elvish or powershell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff) on stdout: `glose man | man -l -`.
    Man,
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
    ThemeName::ALL
        .into_iter()
        .find(|name| name.as_str() == value)
        .ok_or_else(|| {
            format!(
                "unknown theme '{value}': default, high-contrast, high-contrast-light, \
                 high-contrast-dark or monochrome"
            )
        })
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
    /// Print your own notes on an article as Markdown (or W3C Web Annotation JSON-LD) on
    /// stdout, in reading order, with the quoted passages and their sources (exit 0; 1 content errors; 2 I/O or an unreadable notes
    /// file).
    Export {
        /// Article folder or .md / .txt file (default: the bundled article).
        path: Option<PathBuf>,
        /// Output format: Markdown, or W3C Web Annotation JSON-LD.
        #[arg(long, short, value_enum, default_value_t = NotesFormat::Markdown)]
        format: NotesFormat,
    },
}

/// The formats of `glose export --results`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ResultsFormat {
    /// A section per stop with a table of the counts.
    #[default]
    Markdown,
    /// stop,title,answer,votes: one row per answer (per range for a guess).
    Csv,
}

/// The formats `glose notes export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum NotesFormat {
    /// Markdown, in reading order, with the quoted passages and their sources.
    #[default]
    Markdown,
    /// A W3C Web Annotation collection (JSON-LD), as Hypothesis and annotation tools read it.
    W3c,
}

/// Where `glose import` reads annotations from.
#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// A Hypothesis export (`annotations` with TextQuoteSelector targets, text and tags), or a
    /// W3C Web Annotation collection such as `glose export --format w3c` writes.
    Hypothesis {
        /// The JSON file to read.
        file: PathBuf,
        /// The article folder whose annotations.toml receives the annotations (default: the
        /// current folder).
        dir: Option<PathBuf>,
    },
}

/// The name a user types for a command (`check`, `notes`), for messages.
pub fn command_name(command: &Command) -> &'static str {
    match command {
        Command::Present { .. } => "present",
        Command::Follow { .. } => "follow",
        Command::Notes { .. } => "notes",
        Command::Export { .. } => "export",
        Command::Check { .. } => "check",
        Command::New { .. } => "new",
        Command::Schema { .. } => "schema",
        Command::Print { .. } => "print",
        Command::Import { .. } => "import",
        Command::Completions { .. } => "completions",
        Command::Man => "man",
        Command::Config { .. } => "config",
    }
}

/// The completion script for `shell`, generated from the same definition as the parser.
pub fn completions(shell: clap_complete::Shell, out: &mut dyn std::io::Write) {
    use clap::CommandFactory;
    let mut command = Cli::command();
    clap_complete::generate(shell, &mut command, "glose", out);
}

/// The manual page (roff): the whole command line as `glose --help` shows it, then a section
/// per command (and per subcommand of `notes` and `import`) with its arguments and options.
pub fn man_page() -> std::io::Result<String> {
    use clap::CommandFactory;
    let command = Cli::command();
    let mut page = Vec::new();
    clap_mangen::Man::new(command.clone()).render(&mut page)?;
    let mut out = String::from_utf8_lossy(&page).into_owned();
    out.push_str(".SH \"COMMANDS IN DETAIL\"\n");
    for sub in command.get_subcommands() {
        man_command(&mut out, "glose", sub);
    }
    Ok(out)
}

/// One command's section of the man page, then its own subcommands.
fn man_command(out: &mut String, parent: &str, command: &clap::Command) {
    use std::fmt::Write as _;
    let name = format!("{parent} {}", command.get_name());
    let _ = writeln!(out, ".SS \"{}\"", roff(&name));
    let about = command
        .get_long_about()
        .or_else(|| command.get_about())
        .map(ToString::to_string)
        .unwrap_or_default();
    for paragraph in about.split("\n\n") {
        let _ = writeln!(out, "{}\n.PP", roff(paragraph.trim()));
    }
    for arg in command.get_arguments() {
        if arg.is_hide_set() || arg.is_global_set() {
            continue;
        }
        let id = arg.get_id().as_str();
        if matches!(id, "help" | "version") {
            continue;
        }
        let value = arg
            .get_value_names()
            .and_then(|names| names.first())
            .map_or_else(|| id.to_uppercase(), ToString::to_string);
        let label = match (arg.get_short(), arg.get_long()) {
            (Some(short), Some(long)) if arg.get_action().takes_values() => {
                format!("-{short}, --{long} {value}")
            }
            (Some(short), Some(long)) => format!("-{short}, --{long}"),
            (None, Some(long)) if arg.get_action().takes_values() => format!("--{long} {value}"),
            (None, Some(long)) => format!("--{long}"),
            (Some(short), None) => format!("-{short}"),
            (None, None) if arg.is_required_set() => format!("<{value}>"),
            (None, None) => format!("[{value}]"),
        };
        let help = arg
            .get_long_help()
            .or_else(|| arg.get_help())
            .map(ToString::to_string)
            .unwrap_or_default();
        let values: Vec<String> = arg
            .get_possible_values()
            .iter()
            .filter(|v| !v.is_hide_set())
            .map(|v| v.get_name().to_owned())
            .collect();
        let values = if values.is_empty() {
            String::new()
        } else {
            format!(" ({})", values.join(", "))
        };
        let _ = writeln!(
            out,
            ".TP\n\\fB{}\\fR\n{}{}",
            roff(&label),
            roff(&help),
            roff(&values)
        );
    }
    for sub in command.get_subcommands() {
        if sub.get_name() != "help" {
            man_command(out, &name, sub);
        }
    }
}

/// Text for roff: backslashes escaped, no line starting with a control character.
fn roff(text: &str) -> String {
    text.replace('\\', "\\e")
        .lines()
        .map(|line| {
            if line.starts_with(['.', '\'']) {
                format!("\\&{line}")
            } else {
                line.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The names of every subcommand, for "did you mean".
pub fn subcommand_names() -> Vec<String> {
    use clap::CommandFactory;
    Cli::command()
        .get_subcommands()
        .map(|c| c.get_name().to_owned())
        .collect()
}

/// The subcommand a mistyped word most likely meant (`chek` → `check`), if one is close.
pub fn did_you_mean(word: &str) -> Option<String> {
    if word.contains(['/', '.', '\\']) || word.is_empty() {
        return None;
    }
    let lower = word.to_lowercase();
    subcommand_names()
        .into_iter()
        .map(|name| (strsim::damerau_levenshtein(&lower, &name), name))
        .filter(|(distance, name)| *distance <= 2 && *distance < name.len().max(2) - 1)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, name)| name)
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
    fn no_argument_is_what_clap_gives_for_none() {
        let parsed = Cli::try_parse_from(["glose"]).unwrap();
        assert_eq!(format!("{parsed:?}"), format!("{:?}", Cli::bare()));
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
                output: Some(_),
                brief: false,
                results: None,
            })
        ));
        let cli = Cli::try_parse_from(["glose", "export", "--brief", "-f", "html"]).unwrap();
        assert!(matches!(
            cli.command,
            Some(Command::Export {
                brief: true,
                format: crate::handout::Format::Html,
                ..
            })
        ));
        assert!(
            Cli::try_parse_from(["glose", "export", "--brief", "--results"]).is_err(),
            "a brief or the poll's results, not both"
        );
        let cli = Cli::try_parse_from(["glose", "notes"]).unwrap();
        assert!(matches!(
            cli.command,
            Some(Command::Notes {
                path: None,
                command: None
            })
        ));
        let cli = Cli::try_parse_from(["glose", "present"]).unwrap();
        assert!(matches!(
            cli.command,
            Some(Command::Present {
                path: None,
                resume: false,
                new: false,
                room: None
            })
        ));
        let cli = Cli::try_parse_from(["glose", "present", "--resume"]).unwrap();
        assert!(matches!(
            cli.command,
            Some(Command::Present { resume: true, .. })
        ));
        assert!(Cli::try_parse_from(["glose", "present", "--resume", "--new"]).is_err());
        let cli = Cli::try_parse_from(["glose", "present", "--room"]).unwrap();
        assert!(matches!(
            cli.command,
            Some(Command::Present { path: None, room: Some(r), .. }) if r.is_empty()
        ));
        let cli =
            Cli::try_parse_from(["glose", "present", "dir", "--room", "127.0.0.1:9"]).unwrap();
        assert!(matches!(
            cli.command,
            Some(Command::Present { path: Some(_), room: Some(r), .. }) if r == "127.0.0.1:9"
        ));
        assert!(Cli::try_parse_from(["glose", "export", "--format", "pdf"]).is_err());
    }

    #[test]
    fn student_notes_export_and_fresh_parse() {
        let cli = Cli::try_parse_from(["glose", "notes", "export", "dir"]).unwrap();
        assert!(matches!(
            cli.command,
            Some(Command::Notes {
                path: None,
                command: Some(NotesCommand::Export { path: Some(p), format: NotesFormat::Markdown })
            }) if p == Path::new("dir")
        ));
        let cli = Cli::try_parse_from(["glose", "notes", "export"]).unwrap();
        assert!(matches!(
            cli.command,
            Some(Command::Notes {
                path: None,
                command: Some(NotesCommand::Export {
                    path: None,
                    format: NotesFormat::Markdown
                })
            })
        ));
        let cli = Cli::try_parse_from(["glose", "--fresh", "article"]).unwrap();
        assert!(cli.fresh);
        assert_eq!(cli.path.as_deref(), Some(Path::new("article")));
        assert!(!Cli::try_parse_from(["glose"]).unwrap().fresh);
    }

    #[test]
    fn global_options_go_before_or_after_the_command() {
        for args in [
            &["glose", "--lang", "en", "check"][..],
            &["glose", "check", "--lang", "en"],
            &["glose", "--theme", "high-contrast", "present"],
            &["glose", "--fresh", "print"],
            &["glose", "print", "--fresh", "--config", "c.toml"],
            &[
                "glose", "--lang", "fr", "notes", "export", "--format", "w3c",
            ],
            &["glose", "notes", "--theme", "monochrome", "export"],
        ] {
            let cli = Cli::try_parse_from(args).unwrap_or_else(|e| panic!("{args:?}: {e}"));
            assert!(cli.command.is_some(), "{args:?}");
            assert!(cli.path.is_none(), "{args:?}");
        }
        let cli = Cli::try_parse_from(["glose", "--lang", "en", "check"]).unwrap();
        assert_eq!(cli.lang, Some(Lang::En));
        let cli = Cli::try_parse_from(["glose", "--fresh", "print"]).unwrap();
        assert!(cli.fresh);
        let cli = Cli::try_parse_from(["glose", "import", "hypothesis", "h.json", "dir"]).unwrap();
        assert!(matches!(
            cli.command,
            Some(Command::Import {
                from: ImportCommand::Hypothesis { dir: Some(_), .. }
            })
        ));
    }

    #[test]
    fn a_mistyped_command_is_recognised() {
        assert_eq!(did_you_mean("chek").as_deref(), Some("check"));
        assert_eq!(did_you_mean("CHECK").as_deref(), Some("check"));
        assert_eq!(did_you_mean("prnit").as_deref(), Some("print"));
        assert_eq!(did_you_mean("exprot").as_deref(), Some("export"));
        assert_eq!(did_you_mean("mon-texte"), None);
        assert_eq!(did_you_mean("chek.md"), None);
        assert_eq!(did_you_mean("dir/chek"), None);
        assert_eq!(did_you_mean("x"), None);
    }

    fn every_command() -> Vec<String> {
        let names = subcommand_names();
        for expected in [
            "present",
            "notes",
            "export",
            "check",
            "print",
            "import",
            "completions",
            "man",
            "config",
        ] {
            assert!(names.iter().any(|n| n == expected), "{expected}");
        }
        names.into_iter().filter(|n| n != "help").collect()
    }

    #[test]
    fn completions_name_every_command_for_every_shell() {
        use clap::ValueEnum;
        for shell in clap_complete::Shell::value_variants() {
            let mut script = Vec::new();
            completions(*shell, &mut script);
            let script = String::from_utf8(script).unwrap();
            assert!(script.len() > 500, "{shell}");
            for name in every_command() {
                assert!(script.contains(&name), "{shell} lacks {name}");
            }
            assert!(
                script.contains("hypothesis"),
                "{shell} lacks import hypothesis"
            );
            assert!(
                script.contains("lang") && script.contains("theme"),
                "{shell}"
            );
        }
    }

    #[test]
    fn the_man_page_documents_every_command() {
        let page = man_page().unwrap();
        assert!(page.starts_with(".ie") || page.contains(".TH glose 1"));
        for name in every_command() {
            assert!(page.contains(&format!(".SS \"glose {name}\"")), "{name}");
        }
        assert!(page.contains(".SS \"glose notes export\""));
        assert!(page.contains(".SS \"glose import hypothesis\""));
        assert!(page.contains("\\-\\-theme") || page.contains("--theme"));
        assert!(
            !page.lines().any(|l| l.starts_with('\'')),
            "no line starts a roff request by accident"
        );
    }
}

//! The `glose` binary: parses arguments, reads the settings, and hands over to the library.
//!
//! Settings are read and checked before anything else, so a bad `config.toml` stops glose with
//! exit code 2 before the terminal is taken over. With no subcommand, glose reads in the
//! terminal, or prints the article as plain text when standard output is not a terminal.

use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use clap::Parser;
use glose::app::App;
use glose::cli::{Cli, Command};
use glose::config::{self, Config, Location};
use glose::content::{self, Article};
use glose::i18n::Lang;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let locale = Lang::from_env();
    let location = Location::find(cli.config.as_deref(), std::env::var_os("GLOSE_CONFIG"));
    if let Some(Command::Config {
        print_default,
        path,
    }) = &cli.command
    {
        return config_command(&location, cli.lang.unwrap_or(locale), *print_default, *path);
    }
    let config = match config::load(&location, cli.lang.unwrap_or(locale)) {
        Ok(config) => config,
        Err(error) => {
            eprintln!("{error}");
            return ExitCode::from(2);
        }
    };
    let lang = config.lang(cli.lang, locale);
    match cli.command {
        Some(Command::Check { path }) => ExitCode::from(glose::check::run(path.as_deref())),
        Some(Command::Print { path, width }) => print(path.as_deref(), usize::from(width), lang),
        Some(Command::Config { .. }) => ExitCode::SUCCESS,
        None if !io::stdout().is_terminal() => {
            print(cli.path.as_deref(), glose::print::DEFAULT_WIDTH, lang)
        }
        None => read(cli.path.as_deref(), &config, cli.theme, lang),
    }
}

/// Loads the article at `path`, or the bundled one; on failure prints why and gives the exit
/// code.
fn load(path: Option<&Path>) -> Result<Article, ExitCode> {
    let loaded = match path {
        Some(path) => content::load_path(path),
        None => content::load_bundled(),
    };
    loaded.map(|l| l.article).map_err(|error| {
        eprintln!("{error}");
        ExitCode::from(error.exit_code())
    })
}

/// `glose print`, and what glose does when its output is not a terminal.
fn print(path: Option<&Path>, width: usize, lang: Lang) -> ExitCode {
    let article = match load(path) {
        Ok(article) => article,
        Err(code) => return code,
    };
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    match glose::print::print(&article, width, lang, &mut out).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        // `glose print | head`: the reader has what it wanted.
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("glose: {error}");
            ExitCode::from(2)
        }
    }
}

/// The reader in the terminal.
fn read(
    path: Option<&Path>,
    config: &Config,
    theme: Option<glose::theme::ThemeName>,
    lang: Lang,
) -> ExitCode {
    let article = match load(path) {
        Ok(article) => article,
        Err(code) => return code,
    };
    let theme = config.theme(theme, config::no_color());
    let mut app = App::new(article, lang, theme, (80, 24));
    config.apply(&mut app);
    match glose::tui::run(&mut app) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("glose: {error}");
            ExitCode::from(2)
        }
    }
}

/// `glose config`: check the settings file (the default), show its path, or print a default.
fn config_command(location: &Location, lang: Lang, print_default: bool, path: bool) -> ExitCode {
    if print_default {
        print!("{}", config::default_text(lang));
        return ExitCode::SUCCESS;
    }
    let shown = location.path().map_or_else(
        || lang.pick("(none)", "(aucun)").to_owned(),
        |p| glose::text::sanitize::clean_line(&p.display().to_string()),
    );
    if path {
        println!("{shown}");
        return ExitCode::SUCCESS;
    }
    match config::load(location, lang) {
        Ok(_) => {
            let state = match location {
                Location::Optional(p) if !p.exists() => {
                    lang.pick("not found, defaults in use", "absent, réglages par défaut")
                }
                Location::None => lang.pick("no settings file", "aucun fichier de réglages"),
                _ => lang.pick("valid", "valide"),
            };
            println!("{shown}{}{state}", lang.colon());
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("{error}");
            ExitCode::from(2)
        }
    }
}

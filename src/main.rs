//! The `glose` binary: parses arguments, reads the settings, and hands over to the library.
//!
//! Settings are read and checked before anything else, so a bad `config.toml` stops glose with
//! exit code 2 before the terminal is taken over. With no subcommand, glose reads in the
//! terminal, or prints the article as plain text when standard output is not a terminal.

use glose::i18n::cli as msg;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use clap::Parser;
use glose::app::App;
use glose::app::SessionStart;
use glose::cli::{Cli, Command, ImportCommand, NotesCommand};
use glose::config::{self, Config, Location};
use glose::content::{Article, Draft, LoadError, Loaded};
use glose::i18n::{BriefText, Lang};
use glose::output;
use glose::session::{self, Options};
use glose::theme::{Theme, ThemeName};
use glose::tour::session::PresenterSession;

/// What every screen needs from the settings and the flags.
struct Setup {
    config: Config,
    /// The interface language before any article is read: `--lang`, the settings, the locale,
    /// else English (for messages about the command line or a file that did not load).
    lang: Lang,
    /// `--lang`, if given.
    option: Option<Lang>,
    /// The locale's language, if glose speaks it.
    locale: Option<Lang>,
    theme: Theme,
}

impl Setup {
    /// The interface language for `article`: the option, the settings, the locale, then the
    /// article's own language (when the locale names none glose speaks), else English.
    fn lang_for(&self, article: &Article) -> Lang {
        self.config
            .lang(self.option, self.locale, Some(&article.meta.language))
    }

    /// The interface language for `glose check` of `path`, chosen before the folder is loaded:
    /// the same rule, with the language its `article.toml` declares (French for the bundled one).
    fn check_lang(&self, path: Option<&Path>) -> Lang {
        let declared = match path {
            None => Some("fr".to_owned()),
            Some(path) => glose::content::declared_language(path),
        };
        self.config
            .lang(self.option, self.locale, declared.as_deref())
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let locale = Lang::from_env();
    let location = Location::find(cli.config.as_deref(), std::env::var_os("GLOSE_CONFIG"));
    match &cli.command {
        Some(Command::Completions { shell }) => return completions(*shell),
        Some(Command::Man) => return written(glose::cli::man_page().and_then(|p| output::out(&p))),
        _ => {}
    }
    if let Some(Command::Config {
        print_default,
        path,
    }) = &cli.command
    {
        let lang = Lang::choose(cli.lang, None, locale, None);
        return config_command(&location, lang, *print_default, *path);
    }
    // No article is loaded yet: a settings error speaks the option's or the locale's language.
    let config = match config::load(&location, Lang::choose(cli.lang, None, locale, None)) {
        Ok(config) => config,
        Err(error) => {
            output::errln(&format!("{error}"));
            return ExitCode::from(2);
        }
    };
    let mut setup = setup(config, cli.lang, cli.theme, locale);
    // High contrast (the presenter's default too) is light or dark after the terminal's
    // background: asked now, before the terminal is taken over, only where it matters.
    let shows_presenter = matches!(cli.command, Some(Command::Present { .. }))
        && setup.theme.name == ThemeName::Default;
    let full_screen = matches!(
        cli.command,
        None | Some(Command::Present { .. } | Command::Notes { command: None, .. })
    );
    if full_screen && (setup.theme.name.wants_background() || shows_presenter) {
        setup.theme = Theme::for_background(setup.theme.name, glose::background::detect());
    }
    // Every message about the article's files, in the interface language.
    glose::content::diagnostic::set_lang(setup.lang);
    if let Some(code) = misplaced_command(&cli, setup.lang) {
        return code;
    }
    match cli.command {
        Some(Command::Check { path, fix: false }) => ExitCode::from(glose::check::run(
            path.as_deref(),
            setup.check_lang(path.as_deref()),
        )),
        Some(Command::Check { path, fix: true }) => ExitCode::from(glose::check::fix(
            path.as_deref(),
            setup.check_lang(path.as_deref()),
        )),
        Some(Command::Present {
            path,
            resume,
            new,
            room,
        }) => {
            let start = if resume {
                SessionStart::Resume
            } else if new {
                SessionStart::New
            } else {
                SessionStart::Offer
            };
            present(path.as_deref(), start, room.as_deref(), &setup)
        }
        Some(Command::Follow { url, path }) => follow(&url, path.as_deref(), &setup),
        Some(Command::Notes {
            command: Some(NotesCommand::Export { path, format }),
            ..
        }) => notes_export(path.as_deref(), format, &setup),
        Some(Command::Import {
            from: ImportCommand::Hypothesis { file, dir },
        }) => ExitCode::from(glose::import::run(
            &file,
            dir.as_deref().unwrap_or(Path::new(".")),
            setup.lang,
        )),
        Some(Command::Notes {
            path,
            command: None,
        }) => notes(path.as_deref(), &setup),
        Some(Command::Export {
            path,
            results: Some(format),
            ..
        }) => ExitCode::from(glose::room_command::export_results(
            path.as_deref(),
            format == glose::cli::ResultsFormat::Csv,
            &|article| setup.lang_for(article),
        )),
        Some(Command::Export {
            path,
            format,
            output,
            brief,
            results: None,
        }) => export(path.as_deref(), (format, brief), output.as_deref(), &setup),
        Some(Command::Print { path, width }) => print(path.as_deref(), usize::from(width), &setup),
        Some(Command::New { dir, from }) => {
            ExitCode::from(glose::starter::run(&dir, from.as_deref(), setup.lang))
        }
        Some(Command::Schema { file }) => {
            ExitCode::from(glose::starter::print_schema(file.name(), setup.lang))
        }
        Some(Command::Config { .. } | Command::Completions { .. } | Command::Man) => {
            ExitCode::SUCCESS
        }
        None if !io::stdout().is_terminal() => {
            print(cli.path.as_deref(), glose::print::DEFAULT_WIDTH, &setup)
        }
        None => read(cli.path.as_deref(), Options { fresh: cli.fresh }, &setup),
    }
}

/// The language's inputs (flag > settings > locale > article) and the theme (flag > settings >
/// `NO_COLOR` > default).
fn setup(
    config: Config,
    option: Option<Lang>,
    theme: Option<ThemeName>,
    locale: Option<Lang>,
) -> Setup {
    let lang = config.lang(option, locale, None);
    let theme = config.theme(theme, config::no_color());
    Setup {
        config,
        lang,
        option,
        locale,
        theme,
    }
}

/// Loads the article (the bundled one without a path), printing every problem on failure.
fn load(path: Option<&Path>) -> Result<Loaded, ExitCode> {
    let result = match path {
        Some(path) => glose::content::load_path(path),
        None => glose::content::load_bundled(),
    };
    result.map_err(|error: LoadError| {
        output::errln(&format!("{error}"));
        ExitCode::from(error.exit_code())
    })
}

/// Loads an article to read it even with content errors (a draft, see `content::load_draft`);
/// what cannot be read at all is printed, with its exit code.
fn load_draft(path: Option<&Path>) -> Result<Draft, ExitCode> {
    glose::content::load_draft(path).map_err(|error: LoadError| {
        output::errln(&format!("{error}"));
        ExitCode::from(error.exit_code())
    })
}

/// Loads an article for a full-screen command, drafts included: errors are printed before the
/// terminal is taken over, and standard output must be a terminal.
fn load_for_screen(path: Option<&Path>, setup: &Setup) -> Result<Draft, ExitCode> {
    let draft = load_draft(path)?;
    need_terminal(setup.lang_for(&draft.article))?;
    Ok(draft)
}

/// Watches an article folder for live reload while the app lives.
fn watch(path: Option<&Path>, app: &mut App) {
    if let Some(dir) = path.filter(|p| p.is_dir()) {
        app.watch(dir);
    }
}

/// The reader on `draft`, with its problems and orphans, in the article's interface language.
fn draft_app(draft: Draft, setup: &Setup) -> App {
    let lang = setup.lang_for(&draft.article);
    let mut app = App::new(draft.article, lang, setup.theme.clone(), terminal_size());
    app.problems = draft.problems;
    app.orphans = draft.orphans;
    setup.config.apply(&mut app);
    app
}

fn need_terminal(lang: Lang) -> Result<(), ExitCode> {
    if std::io::stdout().is_terminal() {
        Ok(())
    } else {
        output::errln(&format!(
            "glose{}{}",
            lang.colon(),
            glose::i18n::Text::NotATerminal.get(lang)
        ));
        Err(ExitCode::from(2))
    }
}

/// Loads an article that must have a guided tour (for `present` and `notes`), drafts included.
fn load_tour(path: Option<&Path>, setup: &Setup) -> Result<Draft, ExitCode> {
    let draft = load_draft(path)?;
    let lang = setup.lang_for(&draft.article);
    if draft.article.tour.is_empty() {
        output::errln(&format!(
            "glose{}{}",
            lang.colon(),
            glose::i18n::Text::NoTour.get(lang)
        ));
        return Err(ExitCode::from(1));
    }
    need_terminal(lang)?;
    Ok(draft)
}

/// The terminal's size now (the first frame's layout; resizes follow as events).
fn terminal_size() -> (u16, u16) {
    ratatui::crossterm::terminal::size().unwrap_or((80, 24))
}

/// Opens the reader with its state files (notes, bookmarks, position). Loading errors are
/// printed before the terminal is taken over.
fn read(path: Option<&Path>, options: Options, setup: &Setup) -> ExitCode {
    let draft = match load_for_screen(path, setup) {
        Ok(draft) => draft,
        Err(code) => return code,
    };
    let mut app = draft_app(draft, setup);
    watch(path, &mut app);
    ExitCode::from(session::run(&mut app, options))
}

/// `glose completions SHELL`: the completion script on stdout.
fn completions(shell: clap_complete::Shell) -> ExitCode {
    let mut script = Vec::new();
    glose::cli::completions(shell, &mut script);
    let stdout = io::stdout();
    let mut out = stdout.lock();
    match out.write_all(&script).and_then(|()| out.flush()) {
        Err(error) if error.kind() != io::ErrorKind::BrokenPipe => {
            output::errln(&format!("glose: {error}"));
            ExitCode::from(2)
        }
        _ => ExitCode::SUCCESS,
    }
}

/// A PATH that is not a file but looks like a mistyped command (`glose chek`), or a PATH given
/// before a command (`glose article check`): exit 2 with what to type instead.
fn misplaced_command(cli: &Cli, lang: Lang) -> Option<ExitCode> {
    let path = cli.path.as_deref()?;
    let shown = glose::text::sanitize::clean_line(&path.display().to_string());
    if let Some(command) = &cli.command {
        let name = glose::cli::command_name(command);
        output::errln(&msg::glose_path_goes_after_command(lang, &name, &shown));
        return Some(ExitCode::from(2));
    }
    if path.exists() {
        return None;
    }
    let command = glose::cli::did_you_mean(&path.to_string_lossy())?;
    output::errln(&msg::glose_neither_file_nor_folder(lang, &shown, &command));
    Some(ExitCode::from(2))
}

/// `glose notes export [PATH]`: the reader's own notes on the article as Markdown (or W3C Web
/// Annotation JSON-LD) on stdout.
fn notes_export(path: Option<&Path>, format: glose::cli::NotesFormat, setup: &Setup) -> ExitCode {
    match load(path) {
        Ok(loaded) => ExitCode::from(session::export(
            &loaded.article,
            setup.lang_for(&loaded.article),
            format,
            &mut std::io::stdout().lock(),
        )),
        Err(code) => code,
    }
}

/// `glose present`: the presenter on the tour; leaving it quits. The previous session of the
/// article is offered back (`start`); problems with its file are printed once the terminal is
/// back. With `--room`, the room is opened first (a port in use is an error before the
/// terminal is taken) and closed with it.
fn present(
    path: Option<&Path>,
    start: SessionStart,
    room: Option<&str>,
    setup: &Setup,
) -> ExitCode {
    let draft = match load_tour(path, setup) {
        Ok(draft) => draft,
        Err(code) => return code,
    };
    let mut app = draft_app(draft, setup);
    if let Some(given) = room
        && let Err(code) = glose::room_command::open(&mut app, given)
    {
        return ExitCode::from(code);
    }
    watch(path, &mut app);
    app.open_presenter(true);
    let mut problems = Vec::new();
    match PresenterSession::path(&app.article).map(|p| PresenterSession::load(&p)) {
        Some(Ok(Some(saved))) => app.offer_session(saved, start),
        Some(Ok(None)) => {}
        Some(Err(problem)) => {
            // A file set aside as corrupt is replaced; any other is left alone.
            if !matches!(problem, glose::store::Problem::Corrupt { .. }) {
                app.forget_session();
            }
            problems.push(problem);
        }
        None => app.forget_session(),
    }
    let code = match glose::term::run_with_store(&mut app, None) {
        Ok(more) => {
            problems.extend(more);
            ExitCode::SUCCESS
        }
        Err(error) => {
            output::errln(&format!("glose: terminal error: {error}"));
            ExitCode::from(2)
        }
    };
    glose::room_command::close(&mut app);
    for problem in &problems {
        output::errln(&problem.long(app.lang));
    }
    code
}

/// `glose follow URL`: the reader, following a room (see `room_command::join`).
fn follow(url: &str, path: Option<&Path>, setup: &Setup) -> ExitCode {
    let draft = match load_for_screen(path, setup) {
        Ok(draft) => draft,
        Err(code) => return code,
    };
    let mut app = draft_app(draft, setup);
    if let Err(code) = glose::room_command::join(&mut app, url) {
        return ExitCode::from(code);
    }
    watch(path, &mut app);
    ExitCode::from(session::run(&mut app, Options { fresh: false }))
}

/// `glose notes`: the facilitator's notes window, following a presenter of the same article.
#[cfg(unix)]
fn notes(path: Option<&Path>, setup: &Setup) -> ExitCode {
    let article = match load_tour(path, setup) {
        Ok(draft) => draft.article,
        Err(code) => return code,
    };
    let lang = setup.lang_for(&article);
    let key = article.text_hash();
    let listener = match glose::link::Listener::bind(&key) {
        Ok(listener) => listener,
        Err(error) => {
            output::errln(&format!(
                "{}{}{}",
                msg::glose_notes_cannot_listen_presenter(lang),
                lang.colon(),
                error.message(lang)
            ));
            return ExitCode::from(2);
        }
    };
    let mut notes = glose::facilitator_notes::FacilitatorNotes::new(
        article,
        lang,
        setup.theme.clone(),
        glose::clock::system(),
        terminal_size(),
    );
    match glose::term::run_facilitator_notes(&mut notes, &listener) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            output::errln(&format!("glose: terminal error: {error}"));
            ExitCode::from(2)
        }
    }
}

#[cfg(not(unix))]
fn notes(_path: Option<&Path>, _setup: &Setup) -> ExitCode {
    output::errln("glose notes: not supported on this platform (it needs Unix sockets)");
    ExitCode::from(2)
}

/// `glose export`: the handout to a file or the standard output.
fn export(
    path: Option<&Path>,
    (format, brief): (glose::handout::Format, bool),
    output: Option<&Path>,
    setup: &Setup,
) -> ExitCode {
    let draft = match load_draft(path) {
        Ok(draft) => draft,
        Err(code) => return code,
    };
    let lang = setup.lang_for(&draft.article);
    if let (Some(file), Some(input)) = (output, path)
        && let Some(clash) = glose::content::input_files(input)
            .into_iter()
            .find(|f| same_file(f, file))
    {
        let shown = glose::text::sanitize::clean_line(&clash.display().to_string());
        output::errln(&msg::glose_export_will_not_write(lang, &shown));
        return ExitCode::from(2);
    }
    let errors = draft.error_count();
    let Some(mut handout) = (match brief {
        true => glose::handout::brief(&draft.article, format),
        false => Some(glose::handout::export(&draft.article, format)),
    }) else {
        let why = BriefText::OnlyMarkdownOrHtml.get(lang);
        output::errln(&format!("glose export{}{why}", lang.colon()));
        return ExitCode::from(2);
    };
    if errors > 0 {
        handout = glose::handout::draft_notice(&handout, format, errors, lang);
        output::errln(&msg::glose_export_draft_problem_written(lang, &errors));
    }
    let written = match output {
        Some(file) => std::fs::write(file, handout.as_bytes()).map_err(|e| {
            let shown = glose::text::sanitize::clean_line(&file.display().to_string());
            (shown, e)
        }),
        None => output::out(&handout).map_err(|e| ("standard output".to_owned(), e)),
    };
    match written {
        // A draft is written, and still reported as content errors.
        Ok(()) if errors > 0 => ExitCode::from(1),
        Ok(()) => ExitCode::SUCCESS,
        Err((target, error)) => {
            output::errln(&format!("glose export: cannot write '{target}': {error}"));
            ExitCode::from(2)
        }
    }
}

/// Whether `a` and `b` name the same existing file (through links, `..` or hard links).
fn same_file(a: &Path, b: &Path) -> bool {
    let (Ok(ma), Ok(mb)) = (std::fs::metadata(a), std::fs::metadata(b)) else {
        return false;
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        ma.dev() == mb.dev() && ma.ino() == mb.ino()
    }
    #[cfg(not(unix))]
    {
        let _ = (ma, mb);
        std::fs::canonicalize(a).ok() == std::fs::canonicalize(b).ok()
    }
}

/// `glose print`, and what glose does when its output is not a terminal.
fn print(path: Option<&Path>, width: usize, setup: &Setup) -> ExitCode {
    let article = match load(path) {
        Ok(loaded) => loaded.article,
        Err(code) => return code,
    };
    let lang = setup.lang_for(&article);
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    match glose::print::print(&article, width, lang, &mut out).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        // `glose print | head`: the reader has what it wanted.
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(error) => {
            output::errln(&format!("glose: {error}"));
            ExitCode::from(2)
        }
    }
}

/// Exit 0 when the output was written (or its reader left), 2 with a message otherwise.
fn written(result: io::Result<()>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            output::errln(&format!("glose: {error}"));
            ExitCode::from(2)
        }
    }
}

/// `glose config`: check the settings file (the default), show its path, or print a default.
fn config_command(location: &Location, lang: Lang, print_default: bool, path: bool) -> ExitCode {
    if print_default {
        return written(output::out(&config::default_text(lang)));
    }
    let shown = location.path().map_or_else(
        || msg::none(lang).to_owned(),
        |p| glose::text::sanitize::clean_line(&p.display().to_string()),
    );
    if path {
        return written(output::out(&format!("{shown}\n")));
    }
    match config::load(location, lang) {
        Ok(_) => {
            let state = match location {
                Location::Optional(p) if !p.exists() => msg::not_found_defaults_use(lang),
                Location::None => msg::no_settings_file(lang),
                _ => msg::valid(lang),
            };
            written(output::out(&format!("{shown}{}{state}\n", lang.colon())))
        }
        Err(error) => {
            output::errln(&format!("{error}"));
            ExitCode::from(2)
        }
    }
}

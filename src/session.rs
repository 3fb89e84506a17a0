//! A reading session around the terminal loop: open the article's state files, put the reader
//! back where they were, run, and say what went wrong with the files once the terminal is back.
//! Also `glose notes export`, which reads the notes file without ever changing it.
//!
//! `main` builds the `App` (language, theme, configuration) and hands it here; problems with
//! state files never stop the reader from opening: they are shown in the status line and
//! printed on stderr after exit.

use crate::i18n::cli as msg;
use std::io::{self, Write};

use crate::app::App;
use crate::content::Article;
use crate::i18n::Lang;
use crate::notebook::export::markdown;
use crate::output::errln;
use crate::store::{Paths, Problem, Store, read_notebook};

/// How the reader starts.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Start at the top, ignoring the saved position (notes and bookmarks still load).
    pub fresh: bool,
}

/// Runs the reader on `app` with its state files; returns the process exit code (0, or 2 when
/// the terminal could not be used).
pub fn run(app: &mut App, options: Options) -> u8 {
    let lang = app.lang;
    let mut problems: Vec<Problem> = Vec::new();
    let mut store = match Paths::for_article(&app.article) {
        Some(paths) => {
            let title = app.article.meta.title.clone();
            let (store, loaded) = Store::open(paths, &title);
            if let Some(position) = loaded.position.filter(|_| !options.fresh) {
                app.restore_position(&position);
            }
            app.set_notebook(loaded.notebook);
            problems.extend(loaded.problems);
            // A note glose was cut off while writing: offered back ("restore it?").
            if let Some(draft) = store.read_draft() {
                app.offer_draft(&draft);
            }
            Some(store)
        }
        None => {
            problems.push(Problem::NoHome);
            None
        }
    };
    if let Some(first) = problems.first() {
        app.report(first);
    }
    let result = crate::term::run_with_store(app, store.as_mut());
    let code = match result {
        Ok(more) => {
            problems.extend(more);
            0
        }
        Err(error) => {
            errln(&msg::glose_terminal_error(lang, &error));
            2
        }
    };
    for problem in &problems {
        errln(&problem.long(lang));
    }
    // Notes written this session that could not be saved are not lost: print them.
    let unsaved = problems.iter().any(|p| {
        matches!(
            p,
            Problem::NotSaved {
                kind: crate::store::FileKind::Notes,
                ..
            } | Problem::Busy { .. }
        )
    });
    if unsaved && !app.notebook.notes.is_empty() {
        errln(&format!("{}\n", msg::glose_your_notes_could_not(lang)));
        errln(&markdown(&app.article, &app.notebook, lang));
    }
    code
}

/// `glose notes export`: writes the notes on `article` as Markdown (or W3C JSON-LD) to `out`; returns the exit
/// code (0, or 2 when the notes file cannot be read). Never moves or writes a state file.
pub fn export(
    article: &Article,
    lang: Lang,
    format: crate::cli::NotesFormat,
    out: &mut dyn Write,
) -> u8 {
    let Some(paths) = Paths::for_article(article) else {
        errln(&Problem::NoHome.long(lang));
        return 2;
    };
    let mut notebook = match read_notebook(&paths.notes) {
        Ok(notebook) => notebook,
        Err(problem) => {
            errln(&problem.long(lang));
            return 2;
        }
    };
    notebook.resolve(article);
    let text = match format {
        crate::cli::NotesFormat::Markdown => markdown(article, &notebook, lang) + "\n",
        crate::cli::NotesFormat::W3c => crate::webanno::notes(article, &notebook),
    };
    match write!(out, "{text}").and_then(|()| out.flush()) {
        Ok(()) => 0,
        // `glose notes export | head`: the reader of the pipe has what it wanted.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => 0,
        Err(e) => {
            errln(&format!("glose: {e}"));
            2
        }
    }
}

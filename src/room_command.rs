//! The room's commands, between the command line and the loop: opening the room for
//! `glose present --room` (and saying where its votes went once closed), joining one for
//! `glose follow`, and `glose export --results`. Each prints its own messages and gives the
//! exit code on failure (2: the address, the network or a file).

use crate::app::App;
use crate::content::Article;
use crate::i18n::Lang;
use crate::i18n::room as msg;
use crate::output;
use crate::text::sanitize::clean_line;

use crate::room::{Room, follow, parse_address, results};

/// Opens the room on `given` (`--room`'s value) for the app's tour.
pub fn open(app: &mut App, given: &str) -> Result<(), u8> {
    let lang = app.lang;
    let opened = parse_address(Some(given)).and_then(|addr| Room::start(addr, &app.article, lang));
    match opened {
        Ok(mut room) => {
            room.results_path = results::path_for(&app.article);
            app.room = Some(room);
            Ok(())
        }
        Err(error) => {
            output::errln(&format!(
                "glose present{}{}",
                lang.colon(),
                error.message(lang)
            ));
            Err(2)
        }
    }
}

/// Closes the room (the server stops, the results are saved) and says where the votes are.
pub fn close(app: &mut App) {
    let Some(room) = app.room.take() else {
        return;
    };
    let (lang, path) = (app.lang, room.results_path.clone());
    drop(room);
    if let Some(path) = path.filter(|p| p.exists()) {
        let shown = clean_line(&path.display().to_string());
        output::errln(&msg::glose_present_room_closed_votes(lang, &shown));
    }
}

/// Joins the room at `url` for `glose follow`: the room must answer now and present the same
/// text; then the reader follows it (losing it later never disturbs reading).
pub fn join(app: &mut App, url: &str) -> Result<(), u8> {
    let lang = app.lang;
    let fail = |message: String| {
        output::errln(&format!("glose follow{}{message}", lang.colon()));
        Err(2)
    };
    let base = match follow::parse_url(url, lang) {
        Ok(base) => base,
        Err(message) => return fail(message),
    };
    let state = match follow::first_state(&base) {
        Ok(state) => state,
        Err(follow::JoinError::Unreachable(why)) => {
            let why = clean_line(&why);
            return fail(msg::no_room_answers_check_address(lang, &base, &why));
        }
        Err(follow::JoinError::NoRoom(_)) => {
            return fail(msg::there_no_room_check_room(lang, &base));
        }
    };
    if state.key != app.article.text_hash() || state.stops != app.article.tour.len() {
        return fail(msg::room_presents_another_text_open(lang).to_owned());
    }
    let Some(voter) = crate::room::code::new_voter_id() else {
        return fail(msg::no_random_numbers_voter_id(lang).to_owned());
    };
    let rev = state.rev;
    app.follow = Some(follow::Following::new(base.clone(), voter, state));
    app.update(crate::app::Action::Rejoin);
    follow::start(base, rev);
    Ok(())
}

/// `glose export --results`: the votes saved for the article at `path` (the bundled one
/// without), as Markdown or CSV, on stdout, in the language `lang_for` gives for it.
pub fn export_results(
    path: Option<&std::path::Path>,
    csv: bool,
    lang_for: &dyn Fn(&Article) -> Lang,
) -> u8 {
    let loaded = match path {
        Some(path) => crate::content::load_path(path),
        None => crate::content::load_bundled(),
    };
    let article = match loaded {
        Ok(loaded) => loaded.article,
        Err(error) => {
            output::errln(&format!("{error}"));
            return error.exit_code();
        }
    };
    let article = &article;
    let lang = lang_for(article);
    let file = results::path_for(article);
    let loaded = match &file {
        Some(file) => results::load(file),
        None => Ok(None),
    };
    let results = match loaded {
        Ok(Some(results)) => results,
        Ok(None) => results::Results {
            title: article.meta.title.clone(),
            session: None,
            stops: Vec::new(),
        },
        Err(error) => {
            let shown = file
                .map(|f| clean_line(&f.display().to_string()))
                .unwrap_or_default();
            output::errln(&format!("glose export: cannot read '{shown}': {error}"));
            return 2;
        }
    };
    let text = if csv {
        results.csv(lang)
    } else {
        results.markdown(lang)
    };
    match output::out(&text) {
        Ok(()) => 0,
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => 0,
        Err(error) => {
            output::errln(&format!("glose export: {error}"));
            2
        }
    }
}

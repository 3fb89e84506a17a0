//! The keys people expect, typed as real key events (`App::handle_event`, as the terminal loop
//! does): `q` and `Esc` leave every overlay, less and vim paging with counts, a word for an
//! unknown key, the status line's `? help` at every size, and a help that lists every key.

mod common;
use common::keys::{bundled, frame, type_keys};

use glose::app::{Action, App, Effect, Mode, Overlay};
use glose::i18n::Lang;
use glose::theme::ThemeName;

fn app(width: u16, height: u16, lang: Lang) -> App {
    bundled(width, height, lang, ThemeName::Monochrome)
}

/// The last row of the screen.
fn status_line(app: &App) -> String {
    let buffer = frame(app);
    let y = buffer.area.height.saturating_sub(1);
    (0..buffer.area.width)
        .map(|x| buffer[(x, y)].symbol())
        .collect()
}

/// The keys that open each overlay (after making sure the lists have an entry).
const OVERLAYS: [(&str, Overlay); 6] = [
    ("?", Overlay::Help),
    ("i", Overlay::Index),
    ("S", Overlay::Sources),
    ("c", Overlay::Contents),
    ("A", Overlay::Notes),
    ("'", Overlay::Bookmarks),
];

#[test]
fn q_and_esc_close_every_overlay_and_q_quits_only_the_plain_reader() {
    for close in ["q", "<esc>"] {
        for (open, overlay) in OVERLAYS {
            let mut app = app(100, 30, Lang::Fr);
            type_keys(&mut app, "aune note<c-s>B");
            type_keys(&mut app, open);
            assert_eq!(app.view.overlay, Some(overlay), "{open} opens {overlay:?}");
            let effects = type_keys(&mut app, close);
            assert_eq!(app.view.overlay, None, "{close} closes {overlay:?}");
            assert!(
                !effects.contains(&Effect::Quit),
                "{close} in {overlay:?} does not quit"
            );
        }
    }
    let mut app = app(100, 30, Lang::Fr);
    assert_eq!(
        type_keys(&mut app, "q"),
        [Effect::Quit],
        "q quits the plain reader"
    );
}

/// Ctrl-Z is a key of every table (so `?` lists it): in each mode it asks the loop to suspend,
/// and changes nothing else.
#[test]
fn ctrl_z_suspends_from_every_mode() {
    for (keys, mode) in [
        ("", Mode::Reader),
        ("t", Mode::Tour),
        ("?", Mode::Overlay),
        ("i", Mode::List),
        ("/wor", Mode::Line),
        ("atext", Mode::Editor),
        ("atext<esc>", Mode::Confirm),
        ("p", Mode::Presenter),
    ] {
        let mut app = app(100, 30, Lang::En);
        type_keys(&mut app, keys);
        assert_eq!(app.mode(), mode, "{keys:?}");
        let view = app.view.clone();
        assert_eq!(type_keys(&mut app, "<c-z>"), [Effect::Suspend], "{mode:?}");
        assert_eq!(app.view, view, "{mode:?}: nothing else changes");
        assert_eq!(
            app.keymap.keys_for(mode, Action::Suspend).len()
                + usize::from(matches!(mode, Mode::Tour | Mode::Overlay)),
            1,
            "{mode:?} has Ctrl-z in its table (the tour and the help: in the reader's)"
        );
    }
    assert_eq!(
        glose::app::Keymap::default()
            .keys_for(Mode::NotesWindow, Action::Suspend)
            .len(),
        1,
        "the notes window too"
    );
}

#[test]
fn esc_goes_back_one_level() {
    let mut app = app(100, 30, Lang::En);
    // A filter typed in the index: Esc leaves the filter, then the index.
    type_keys(&mut app, "i/wor");
    assert_eq!(app.view.overlay, Some(Overlay::Index));
    type_keys(&mut app, "<esc>");
    assert_eq!(
        app.view.overlay,
        Some(Overlay::Index),
        "first Esc: the filter"
    );
    type_keys(&mut app, "<esc>");
    assert_eq!(app.view.overlay, None, "second Esc: the index");
    // The editor's question: Esc goes back to the editor, not out of it.
    type_keys(&mut app, "atext<esc>");
    assert_eq!(app.mode(), Mode::Confirm, "unsaved text: the editor asks");
    type_keys(&mut app, "<esc>");
    assert_eq!(app.mode(), Mode::Editor, "Esc: back to the text");
    type_keys(&mut app, "<esc>n");
    assert_eq!(app.mode(), Mode::Reader, "n: the changes are dropped");
    assert!(app.notebook.notes.is_empty());
}

fn top(app: &App) -> usize {
    app.view.tops[app.view.focus].row
}

/// The top row after typing `keys` from the start of part I.
fn top_after(keys: &str) -> usize {
    let mut app = app(80, 24, Lang::En);
    type_keys(&mut app, keys);
    top(&app)
}

#[test]
fn less_and_vim_paging() {
    let page = top_after(" ");
    assert!(page > 5, "Space pages down");
    assert_eq!(top_after("<c-f>"), page, "Ctrl-f is a page");
    assert_eq!(top_after("<c-f><c-b>"), 0, "Ctrl-b pages back");
    let half = top_after("<c-d>");
    assert!(half > 2 && half < page, "Ctrl-d is half a page");
    assert_eq!(top_after("d"), half, "d is half a page");
    assert_eq!(top_after("du"), 0, "u goes back half a page");
    assert_eq!(top_after("<c-d><c-u>"), 0);
    assert_eq!(top_after("<c-e><c-e>"), 2, "Ctrl-e is a line");
    assert_eq!(top_after("<c-e><c-e><c-y>"), 1, "Ctrl-y a line back");
}

#[test]
fn a_count_before_a_motion() {
    assert_eq!(top_after("5j"), 5, "5j: five lines");
    assert_eq!(top_after("12j"), 12, "12j: twelve");
    assert_eq!(top_after("3 "), top_after("   "), "3 Space: three pages");
    assert!(top_after("3 ") > top_after(" "));
    assert_eq!(top_after("12G"), 11, "12G: line 12 of the part");
    assert_eq!(top_after("Gj7g"), 6, "7g too");
    let mut app = app(80, 24, Lang::En);
    type_keys(&mut app, "2j");
    assert_eq!(
        app.view.focus, 0,
        "2j scrolls part I, it does not go to part II"
    );
    assert_eq!(top(&app), 2);
    type_keys(&mut app, "2");
    assert_eq!(app.view.focus, 1, "a digit alone still goes to its part");
    assert!(
        status_line(&app).contains("2 times"),
        "{}",
        status_line(&app)
    );
    type_keys(&mut app, "l");
    assert_eq!(app.view.focus, 2, "a key that takes no count drops it");
    type_keys(&mut app, "j");
    assert_eq!(top(&app), 1, "and the next motion moves one line");
}

/// `2` goes to part II at once, and `2g` is line 2 of the part one was reading (README:
/// "a count is a count where you were reading"); a key that takes no count keeps part II.
#[test]
fn a_count_stays_in_the_part_it_started_in() {
    let mut app = app(80, 24, Lang::En);
    type_keys(&mut app, "2");
    assert_eq!(app.view.focus, 1, "2 shows part II at once");
    type_keys(&mut app, "g");
    assert_eq!(app.view.focus, 0, "2g: back in part I");
    assert_eq!(top(&app), 1, "at its line 2");
    type_keys(&mut app, "2<esc>g");
    assert_eq!(
        app.view.focus, 1,
        "2, Esc: the count is dropped, part II stays"
    );
    assert_eq!(top(&app), 0, "and g goes to its top");
    // Only the count's first digit goes to a part: `12` stays on part I until its motion.
    let mut app = self::app(80, 24, Lang::En);
    type_keys(&mut app, "3");
    let third = app.view.focus;
    type_keys(&mut app, "<esc>12");
    assert_eq!(app.view.focus, 0, "12: part I, never part II on the way");
    assert!(
        status_line(&app).contains("12 times"),
        "{}",
        status_line(&app)
    );
    type_keys(&mut app, "G");
    assert_eq!(
        (app.view.focus, top(&app)),
        (third, 11),
        "12G in the part it started in"
    );
}

#[test]
fn an_unbound_key_says_so_in_both_languages() {
    for (lang, words) in [
        (Lang::En, "unknown key — ? for help"),
        (Lang::Fr, "touche inconnue — ? pour l’aide"),
    ] {
        let mut app = app(80, 24, lang);
        type_keys(&mut app, "x");
        assert!(status_line(&app).contains(words), "{}", status_line(&app));
        type_keys(&mut app, "j");
        assert!(!status_line(&app).contains(words), "the next key clears it");
        // In each of the five lists too, at both sizes, and the list stays open.
        for (w, h) in [(80, 24), (100, 30)] {
            for (open, overlay) in OVERLAYS.into_iter().skip(1) {
                let mut app = self::app(w, h, lang);
                type_keys(&mut app, "aune note<c-s>B");
                type_keys(&mut app, open);
                type_keys(&mut app, "Z");
                let status = status_line(&app);
                assert!(status.contains(words), "{w}x{h} {overlay:?}: {status}");
                assert_eq!(app.view.overlay, Some(overlay));
                type_keys(&mut app, "k");
                assert!(!status_line(&app).contains(words), "{overlay:?}: cleared");
            }
        }
    }
}

#[test]
fn the_status_line_keeps_its_help_hint() {
    for (w, h) in [(80, 24), (100, 30), (60, 20), (40, 12)] {
        for lang in [Lang::En, Lang::Fr] {
            for keys in ["", "2", "<tab>", "2m"] {
                let mut app = app(w, h, lang);
                type_keys(&mut app, keys);
                let status = status_line(&app);
                let help = lang.pick("? help", "? aide");
                assert!(status.contains(help), "{w}x{h} {lang:?} {keys:?}: {status}");
            }
        }
    }
    // With room, the whole hint line and the part's number stay; the title gives way first.
    let mut app = app(100, 30, Lang::Fr);
    type_keys(&mut app, "2<esc>");
    let status = status_line(&app);
    assert!(
        status.contains("Tab annotation · ? aide · q quitter"),
        "{status}"
    );
    assert!(status.starts_with(" 2 · II."), "{status}");
}

/// Every key of a table, as the help shows it.
fn labels(table: &[(glose::app::keymap::KeyChord, Action)], lang: Lang) -> Vec<String> {
    table
        .iter()
        .filter(|(_, a)| !matches!(a, Action::FocusPane(5..)))
        .map(|(k, _)| k.label(lang))
        .collect()
}

#[test]
fn the_help_lists_every_key_of_the_mode() {
    for lang in [Lang::En, Lang::Fr] {
        let mut app = app(100, 30, lang);
        type_keys(&mut app, "?");
        let help: String = glose::ui::help::lines(&app, 200)
            .iter()
            .map(|l| format!("{l}\n"))
            .collect();
        for mode in [
            Mode::Reader,
            Mode::Overlay,
            Mode::List,
            Mode::Line,
            Mode::Editor,
            Mode::Confirm,
        ] {
            for label in labels(app.keymap.table(mode), lang) {
                assert!(
                    help.contains(&label),
                    "{lang:?}: {label} of {mode:?} missing from the help:\n{help}"
                );
            }
        }
        assert!(help.contains("Ctrl-z"), "Ctrl-z is listed");
        assert!(
            help.contains(lang.pick("term)", "notion)")),
            "terms are in Tab's line"
        );
        // In the tour, ← is the previous stop: it is not also listed as the previous pane.
        let mut tour = self::app(100, 30, lang);
        type_keys(&mut tour, "t?");
        let help: String = glose::ui::help::lines(&tour, 200)
            .iter()
            .map(|l| format!("{l}\n"))
            .collect();
        let pane = Action::PrevPane.describe(lang);
        let row = help.lines().find(|l| l.ends_with(pane)).unwrap_or("");
        assert!(row.starts_with('h') && !row.contains('←'), "{row}");
        for label in labels(tour.keymap.table(Mode::Tour), lang) {
            assert!(help.contains(&label), "{label} missing in the tour's help");
        }
    }
}

/// The README's key tables are the keymap's, mode by mode: each sits between
/// `<!-- keys:NAME -->` and `<!-- /keys -->`. `GLOSE_BLESS=1 cargo test --test keys` rewrites
/// them from the table after a change of keys.
#[test]
fn the_readme_key_tables_are_the_keymap() {
    use glose::app::keymap::{Keymap, markdown_table};
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let readme = std::fs::read_to_string(&path).unwrap();
    let keymap = Keymap::default();
    let mut out = readme.clone();
    for mode in Mode::ALL {
        let name = match mode {
            Mode::Reader => "reader",
            Mode::Tour => "tour",
            Mode::Poll => "poll",
            Mode::Guess => "guess",
            Mode::Overlay => "overlay",
            Mode::List => "list",
            Mode::Line => "line",
            Mode::Editor => "editor",
            Mode::Confirm => "confirm",
            Mode::Presenter => "presenter",
            Mode::NotesWindow => "notes",
        };
        let open = format!("<!-- keys:{name} -->\n");
        let close = "<!-- /keys -->";
        let start = out
            .find(&open)
            .unwrap_or_else(|| panic!("README.md has no {open}"))
            + open.len();
        let end = start + out[start..].find(close).expect("a closing marker");
        out.replace_range(start..end, &markdown_table(&keymap, mode, Lang::En));
    }
    if std::env::var_os("GLOSE_BLESS").is_some() {
        std::fs::write(&path, &out).unwrap();
    } else {
        assert!(
            out == readme,
            "README.md's key tables differ from the keymap: GLOSE_BLESS=1 cargo test --test keys rewrites them"
        );
    }
}

/// A reader following a room (`glose follow`) that shows `stop`, revealed or not.
fn room_state(app: &App, stop: usize, revealed: bool) -> glose::room::follow::RoomState {
    glose::room::follow::RoomState {
        rev: 1,
        key: app.article.text_hash(),
        stop: Some(stop),
        stops: app.article.tour.len(),
        revealed,
        blanked: false,
        counts: Vec::new(),
        answers: None,
        median: None,
    }
}

fn following(lang: Lang) -> App {
    let mut app = app(120, 35, lang);
    // The bundled tour's fourth stop asks a question with three answers; make the fifth's a
    // guess.
    app.article.tour[4].poll = Some(glose::content::Poll::Guess {
        unit: "millions".into(),
        min: 0,
        max: 1000,
        answer: Some(435),
    });
    let state = room_state(&app, 3, false);
    app.follow = Some(glose::room::follow::Following::new(
        "http://127.0.0.1:1/ROOM42".into(),
        "voter".into(),
        state,
    ));
    app.update(Action::Rejoin);
    app
}

/// The follower's poll keys come from the keymap (`Mode::Poll`, `Mode::Guess`), typed as real
/// key events: a digit votes, a number that is no choice says which are, a guess is typed,
/// corrected and sent, `Esc` drops it, and the other keys wait meanwhile.
#[test]
fn a_follower_answers_the_rooms_poll_with_the_digit_keys() {
    use glose::room::Answer;
    use glose::room::follow::News;
    let mut app = following(Lang::En);
    assert_eq!(app.tour_progress().map(|p| p.stop), Some(3));
    assert_eq!(app.mode(), Mode::Poll, "the room's stop, its poll open");
    let focus = app.view.focus;
    type_keys(&mut app, "5");
    assert!(app.take_votes().is_empty(), "5 is no choice");
    assert!(
        status_line(&app).contains("press 1 to 3"),
        "{}",
        status_line(&app)
    );
    assert_eq!(app.view.focus, focus, "a digit is the poll's, not a part's");
    type_keys(&mut app, "3");
    assert_eq!(app.take_votes(), [(3, Answer::Choice(2))]);
    // The help lists the poll's keys and the guess's.
    type_keys(&mut app, "?");
    let help: String = glose::ui::help::lines(&app, 200)
        .iter()
        .map(|l| format!("{l}\n"))
        .collect();
    assert!(
        help.contains("Following the room, while its poll is open"),
        "{help}"
    );
    assert!(help.contains("0–9"), "{help}");
    assert!(help.contains("send the guess"), "{help}");
    type_keys(&mut app, "q");

    // The room moves on to a guess.
    app.follow_news(News::State(room_state(&app, 4, false)));
    assert_eq!(app.tour_progress().map(|p| p.stop), Some(4));
    assert_eq!(app.mode(), Mode::Poll);
    type_keys(&mut app, "2000<enter>");
    assert!(app.take_votes().is_empty());
    assert!(
        status_line(&app).contains("give a number from 0 to 1000"),
        "{}",
        status_line(&app)
    );
    type_keys(&mut app, "43");
    assert_eq!(app.mode(), Mode::Guess);
    assert!(
        status_line(&app).contains("Your guess: 43▏"),
        "{}",
        status_line(&app)
    );
    let effects = type_keys(&mut app, "qj<right>9<bs>5");
    assert!(effects.is_empty(), "q does not quit while a guess is typed");
    assert_eq!(app.tour_progress().map(|p| p.stop), Some(4), "→ waits too");
    assert!(
        status_line(&app).contains("Your guess: 435▏"),
        "{}",
        status_line(&app)
    );
    type_keys(&mut app, "<enter>");
    assert_eq!(app.take_votes(), [(4, Answer::Value(435.0))]);
    assert_eq!(app.mode(), Mode::Poll);
    type_keys(&mut app, "7<esc>");
    assert_eq!(app.mode(), Mode::Poll, "Esc dropped the guess");
    assert!(app.take_votes().is_empty());

    // Revealed: the poll is closed, a guess being typed goes, the digits are the parts' again.
    type_keys(&mut app, "12");
    app.follow_news(News::State(room_state(&app, 4, true)));
    assert_eq!(app.mode(), Mode::Tour);
    assert!(
        !status_line(&app).contains("Your guess"),
        "{}",
        status_line(&app)
    );
    type_keys(&mut app, "2");
    assert_eq!(app.view.focus, 1, "2: the second part");
}

/// The French follower reads the same words in French.
#[test]
fn a_french_follower_is_told_in_french() {
    let mut app = following(Lang::Fr);
    type_keys(&mut app, "9");
    assert!(
        status_line(&app).contains("tapez de 1 à 3"),
        "{}",
        status_line(&app)
    );
}

/// The presenter takes a stop's number from its table (`0–9`, `Action::Digit`), then `G`,
/// `g` or `Enter`; over the help or the blank screen a digit is any key.
#[test]
fn the_presenter_goes_to_a_typed_stop_number() {
    let mut app = app(100, 30, Lang::En);
    type_keys(&mut app, "p");
    assert_eq!(app.mode(), Mode::Presenter);
    type_keys(&mut app, "7G");
    assert_eq!(app.tour_progress().map(|p| p.stop), Some(6));
    type_keys(&mut app, "12<enter>");
    assert_eq!(
        app.tour_progress().map(|p| p.stop),
        Some(9),
        "past the end: the last"
    );
    type_keys(&mut app, "3g");
    assert_eq!(app.tour_progress().map(|p| p.stop), Some(2));
    type_keys(&mut app, "b5G");
    assert_eq!(
        app.tour_progress().map(|p| p.stop),
        Some(9),
        "5 brought the screen back, G went to the last stop"
    );
    type_keys(&mut app, "?");
    let help = format!("{:?}", frame(&app));
    assert!(
        help.contains("a stop's number"),
        "the presenter's help lists it"
    );
    type_keys(&mut app, "4");
    assert!(
        !app.presenter.as_ref().unwrap().help,
        "a digit closed the help"
    );
    assert_eq!(app.presenter.as_ref().unwrap().count, None);
}

/// The notes and bookmarks lists take the mouse as the other lists do: a click on an entry
/// puts the cursor there (the screen shows it), a second click on it goes there, the wheel
/// moves the cursor, a click outside closes; while "delete?" is asked the mouse answers no.
#[test]
fn the_notes_and_bookmarks_lists_take_clicks_and_the_wheel() {
    use common::keys::{click, find_on_screen, mouse, rows};
    use ratatui::crossterm::event::MouseEventKind;
    let mut app = app(100, 30, Lang::En);
    type_keys(
        &mut app,
        "<tab>afirst<c-s><tab>asecond<c-s><tab>athird<c-s>",
    );
    assert_eq!(app.notebook.notes.len(), 3);
    type_keys(&mut app, "gA");
    assert_eq!(app.view.overlay, Some(Overlay::Notes));
    let screen = frame(&app);
    let (x, y) = find_on_screen(&screen, "second").expect("the second note is listed");
    let cursor = app.view.notes.cursor;
    click(&mut app, x, y);
    let screen = frame(&app);
    let head = &rows(&screen)[usize::from(y - 1)];
    assert!(
        head.contains('▸'),
        "the cursor is on the note clicked: {head}"
    );
    assert_ne!(app.view.notes.cursor, cursor);
    let chosen = app.list_selected_entry().unwrap();
    click(&mut app, x, y - 1);
    assert_eq!(
        app.view.overlay, None,
        "a click on the entry under the cursor goes there"
    );
    let glose::notebook::Place::Annotation(annotation) = app.notebook.notes[chosen].place else {
        panic!("a note on an annotation");
    };
    assert_eq!(app.view.selected, Some(annotation));

    // The wheel moves the cursor; "delete?" then a click: no, and nothing moved.
    type_keys(&mut app, "A");
    mouse(&mut app, MouseEventKind::ScrollUp, x, y);
    assert_eq!(app.view.notes.cursor, 0);
    mouse(&mut app, MouseEventKind::ScrollDown, x, y);
    assert_eq!(app.view.notes.cursor, 2);
    type_keys(&mut app, "x");
    assert!(app.view.confirm_delete);
    mouse(&mut app, MouseEventKind::ScrollUp, x, y);
    assert!(!app.view.confirm_delete, "the wheel answered no");
    assert_eq!(app.view.notes.cursor, 2, "and moved nothing");
    assert_eq!(app.notebook.notes.len(), 3);
    click(&mut app, 0, 0);
    assert_eq!(app.view.overlay, None, "a click outside closes the list");

    // The bookmarks, one row each.
    type_keys(&mut app, "<esc><esc>1B2B3B");
    assert_eq!(
        app.notebook.bookmarks.len(),
        3,
        "{:?}",
        app.notebook.bookmarks
    );
    type_keys(&mut app, "'");
    assert_eq!(app.view.bookmarks.cursor, 2, "the list opens on part III's");
    let screen = frame(&app);
    let list = app.notebook_list_areas(Overlay::Bookmarks);
    let first = list.entries.y;
    assert!(!rows(&screen)[usize::from(first)].contains('▸'));
    click(&mut app, list.entries.x + 4, first);
    let shown = frame(&app);
    let row = &rows(&shown)[usize::from(first)];
    assert!(
        row.contains("▸ 1 · ¶ « L’intelligence artificielle"),
        "{row}"
    );
    let cell = &shown[(list.entries.x + 4, first)];
    assert!(
        cell.modifier.contains(ratatui::style::Modifier::REVERSED),
        "the entry under the cursor is in reverse video"
    );
    click(&mut app, list.entries.x + 40, first);
    assert_eq!(app.view.overlay, None);
    assert_eq!(app.view.focus, 0, "the first bookmark is in the first part");
}

/// `[keys.poll]` and `[keys.guess]` remap the follower's keys, and the status line names the
/// keys the table has.
#[test]
fn the_followers_keys_are_remapped_from_the_settings() {
    let text = "[keys.poll]\n\"f1\" = \"digit_1\"\n[keys.guess]\n\"ctrl-s\" = \"accept\"\n";
    let config = glose::config::parse(text, std::path::Path::new("config.toml"), Lang::En).unwrap();
    let mut app = following(Lang::En);
    app.keymap = config.keymap;
    type_keys(&mut app, "1");
    assert!(app.take_votes().is_empty(), "1 is f1 now");
    app.handle_event(&ratatui::crossterm::event::Event::Key(
        ratatui::crossterm::event::KeyEvent::from(ratatui::crossterm::event::KeyCode::F(1)),
    ));
    assert_eq!(app.take_votes(), [(3, glose::room::Answer::Choice(0))]);
    app.follow_news(glose::room::follow::News::State(room_state(&app, 4, false)));
    type_keys(&mut app, "4");
    assert_eq!(
        app.mode(),
        Mode::Guess,
        "4 keeps its default: it starts the guess"
    );
    type_keys(&mut app, "35<enter>");
    assert!(app.take_votes().is_empty(), "Enter sends no more");
    assert!(
        status_line(&app).contains("(Ctrl-s sends, Esc cancels)"),
        "{}",
        status_line(&app)
    );
    type_keys(&mut app, "<c-s>");
    assert_eq!(app.take_votes(), [(4, glose::room::Answer::Value(435.0))]);
}

/// The rows of the screen, as text.
fn rows(app: &App) -> Vec<String> {
    common::keys::rows(&frame(app))
}

/// The help's first row of text on screen (inside its border), and how many rows it shows.
fn help_top(app: &App) -> (String, usize) {
    let rows = rows(app);
    let inside: Vec<&String> = rows.iter().filter(|r| r.contains('│')).collect();
    (inside[0].trim().to_owned(), inside.len())
}

#[test]
fn the_help_scrolls_by_a_page_and_half_a_page_like_less() {
    for (w, h) in [(80, 24), (100, 30)] {
        let mut app = app(w, h, Lang::En);
        type_keys(&mut app, "?");
        let max = app.help_max_scroll();
        let (first, shown) = help_top(&app);
        assert!(max > shown, "{w}x{h}: the help is longer than two screens");
        let page = shown - 2;
        let half = shown / 2;
        for (keys, scroll) in [
            ("<c-d>", half),
            ("d", 2 * half),
            ("u", half),
            ("<c-u>", 0),
            (" ", page),
            ("<c-f>", 2 * page),
            ("<c-b>", page),
            ("<c-b>", 0),
            ("j", 1),
            ("G", max),
            ("<c-b>", max - page),
            ("g", 0),
        ] {
            type_keys(&mut app, keys);
            assert_eq!(
                app.view.overlay,
                Some(Overlay::Help),
                "{keys} keeps the help"
            );
            assert_eq!(app.view.help_scroll, scroll, "{w}x{h}: after {keys}");
            // The rendered help shows the row it says: the one `scroll` rows down.
            let width = glose::layout::popup::help_text_width(w);
            let line: String = glose::ui::help::lines(&app, width)[scroll]
                .spans
                .iter()
                .map(|s| s.content.as_ref())
                .collect();
            let (top, _) = help_top(&app);
            assert!(
                top.contains(line.trim()),
                "{w}x{h} {keys}: {top:?} / {line:?}"
            );
        }
        let (again, _) = help_top(&app);
        assert_eq!(again, first, "back at the top");
        type_keys(&mut app, "d");
        let (moved, _) = help_top(&app);
        assert_ne!(moved, first, "Ctrl-d moved what is shown");
        for _ in 0..=max / half {
            type_keys(&mut app, "<c-d>");
        }
        assert_eq!(app.view.help_scroll, max, "and stops at the end");
    }
}

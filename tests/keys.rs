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

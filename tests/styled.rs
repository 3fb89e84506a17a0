//! Screens with their styles, driven by real key events.
//!
//! Text-only snapshots (`tests/screens.rs`) pass when a highlight loses its colour or a cursor
//! its reverse video; these do not. Each screen is the text, then under every row that has
//! styled cells a row of letters, one per cell, naming the cell's style in a legend at the end
//! (`.` is the terminal's default style).
//!
//! Every screen is reached the way a user reaches it: crossterm key events handed to
//! `App::handle_event`, the same path the terminal loop takes, never `update(Action)`.
//! Accept a reviewed change with `INSTA_UPDATE=always cargo test --test styled`.

use std::fmt::Write as _;

mod common;
use common::keys::{bundled, frame, type_keys};

use glose::app::{App, Effect};
use glose::i18n::Lang;
use glose::theme::ThemeName;
use ratatui::buffer::Buffer;
use ratatui::style::Style;

fn app(width: u16, height: u16, lang: Lang) -> App {
    bundled(width, height, lang, ThemeName::Default)
}

fn style_name(style: Style) -> String {
    let mut out = String::new();
    if let Some(fg) = style.fg {
        let _ = write!(out, "fg={fg} ");
    }
    if let Some(bg) = style.bg {
        let _ = write!(out, "bg={bg} ");
    }
    if !style.add_modifier.is_empty() {
        let _ = write!(out, "{:?}", style.add_modifier);
    }
    out.trim_end().to_owned()
}

/// The buffer's text, each styled row followed by its style letters, then the legend.
fn styled(buffer: &Buffer) -> String {
    const LETTERS: &str = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    let mut legend: Vec<String> = Vec::new();
    let mut out = String::new();
    let area = buffer.area;
    for y in 0..area.height {
        let mut text = String::new();
        let mut marks = String::new();
        let mut skip = 0;
        for x in 0..area.width {
            let cell = &buffer[(x, y)];
            let style = cell.style();
            let name = style_name(Style {
                underline_color: None,
                sub_modifier: ratatui::style::Modifier::empty(),
                ..style
            });
            let mark = if name.is_empty() || name == "fg=Reset bg=Reset" {
                '.'
            } else {
                let index = legend.iter().position(|n| *n == name).unwrap_or_else(|| {
                    legend.push(name.clone());
                    legend.len() - 1
                });
                LETTERS.chars().nth(index).unwrap_or('?')
            };
            if skip > 0 {
                // The second cell of a wide character: its symbol is empty.
                skip -= 1;
            } else {
                text.push_str(cell.symbol());
                skip = unicode_width::UnicodeWidthStr::width(cell.symbol()).saturating_sub(1);
            }
            marks.push(mark);
        }
        out.push_str(text.trim_end());
        out.push('\n');
        if marks.chars().any(|m| m != '.') {
            out.push_str(marks.trim_end_matches('.'));
            out.push('\n');
        }
    }
    out.push_str("--\n");
    for (i, name) in legend.iter().enumerate() {
        let _ = writeln!(out, "{}: {name}", LETTERS.chars().nth(i).unwrap_or('?'));
    }
    out
}

fn shot(keys: &str, width: u16, height: u16) -> String {
    let mut app = app(width, height, Lang::Fr);
    type_keys(&mut app, keys);
    styled(&frame(&app))
}

#[test]
fn reader_with_a_selection() {
    let shown = shot("<tab><tab>", 100, 30);
    insta::assert_snapshot!("selection_100x30", shown);
}

#[test]
fn a_search_match() {
    let shown = shot("/travail<enter>", 100, 30);
    assert!(shown.contains("travail"), "{shown}");
    insta::assert_snapshot!("search_100x30", shown);
}

#[test]
fn each_list_overlay() {
    for (name, keys) in [
        ("index", "i<down>"),
        ("sources", "S<down>"),
        ("contents", "c"),
        ("notes", "aune note<c-s>A"),
        ("bookmarks", "B'"),
        ("help", "?"),
    ] {
        insta::assert_snapshot!(format!("list_{name}_100x30"), shot(keys, 100, 30));
    }
}

#[test]
fn the_note_editor() {
    let shown = shot("<tab>aMa note", 100, 30);
    assert!(shown.contains("Ma note"), "{shown}");
    insta::assert_snapshot!("editor_100x30", shown);
}

#[test]
fn a_presenter_stop() {
    let shown = shot("p<right><right>", 100, 30);
    insta::assert_snapshot!("presenter_100x30", shown);
}

/// Every stop of the bundled tour, as a room sees it (verdict not yet revealed), at a small
/// terminal, a projector and a big screen: a stop taller than the screen shows its top and
/// the mark that says more is below (`ui::present`'s tests scroll through every one of them
/// and check that nothing is lost).
#[test]
fn every_presenter_stop_at_three_sizes() {
    let stops = glose::content::load_bundled().unwrap().article.tour.len();
    assert!(stops >= 10, "the bundled tour has its {stops} stops");
    for (width, height) in [(80, 24), (120, 35), (200, 60)] {
        for stop in 1..=stops {
            let shown = shot(&format!("p{stop}G"), width, height);
            assert!(shown.contains(&format!("{stop}/{stops}")), "{shown}");
            insta::assert_snapshot!(format!("presenter_stop_{stop:02}_{width}x{height}"), shown);
        }
    }
}

/// A whole session typed as key events: open the index, move, go there, page, search, leave.
#[test]
fn a_session_typed_as_keys() {
    let mut app = app(80, 24, Lang::En);
    type_keys(&mut app, "i<down><down><enter>");
    assert_eq!(
        app.view.overlay, None,
        "Enter in the index goes to the entry"
    );
    assert!(app.view.selected.is_some(), "and selects it");
    type_keys(&mut app, "<esc>");
    assert_eq!(app.view.selected, None, "Esc clears the selection");
    type_keys(&mut app, "2");
    assert_eq!(app.view.focus, 1, "2 focuses part II");
    type_keys(&mut app, "/work<enter>");
    let shown = styled(&frame(&app));
    insta::assert_snapshot!("session_80x24", shown);
    assert_eq!(
        type_keys(&mut app, "q"),
        [Effect::Quit],
        "q in the plain reader quits"
    );
}

/// A Markdown text's link selected with Tab: its words in reverse video, the other links
/// underlined, its address in the side pane.
#[test]
fn a_selected_link() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/links.md");
    let loaded = glose::content::load_path(&path).expect("the fixture loads");
    let theme = glose::theme::Theme::named(ThemeName::Default);
    let mut app = App::new(loaded.article, Lang::En, theme, (100, 30));
    type_keys(&mut app, "<tab><tab>");
    let shown = styled(&frame(&app));
    assert!(shown.contains("Link · 2/7"), "{shown}");
    insta::assert_snapshot!("link_100x30", shown);
}

/// The bundled tour's presenter on the first poll (stop 4) with a room of 30 votes (4, 6,
/// 20), the join address fixed so that the screen is the same every run; `v` after `keys`
/// reveals the distribution.
fn presenter_with_votes(width: u16, height: u16, keys: &str) -> String {
    use glose::room::{Room, Tally};
    // A clock of the test's: the footer's times are the same however slow the machine.
    let clock = glose::clock::ManualClock::new();
    let mut app = app(width, height, Lang::Fr).with_clock(std::sync::Arc::new(clock));
    let addr = "127.0.0.1:0".parse().expect("an address");
    let mut room = Room::start(addr, &app.article, Lang::Fr).expect("a room on the loopback");
    room.code = "K7Q2MD".into();
    room.join = "http://192.168.1.20:7878/K7Q2MD".into();
    let tally = Tally {
        answers: 30,
        counts: vec![4, 6, 20],
        values: Vec::new(),
    };
    room.tally = Some(tally.clone());
    app.room = Some(room);
    type_keys(&mut app, "p<right><right><right>");
    app.presenter.as_mut().expect("the presenter").tally = Some(tally);
    type_keys(&mut app, keys);
    styled(&frame(&app))
}

/// Before `v`: the count only, and the join address with it in the footer, even at 80
/// columns (shorter words make room for it).
#[test]
fn a_presenter_poll_with_a_room_before_the_reveal() {
    let shown = presenter_with_votes(80, 24, "");
    assert!(
        shown.contains("http://192.168.1.20:7878/K7Q2MD · 30 votes"),
        "{shown}"
    );
    assert!(!shown.contains("%)"), "{shown}");
    insta::assert_snapshot!("presenter_room_footer_80x24", shown);
    // Paused, the clocks say so and the address still fits (the count is in the poll's
    // heading).
    let shown = presenter_with_votes(80, 24, "t");
    let footer = shown
        .lines()
        .rev()
        .find(|l| l.contains("4/10"))
        .unwrap_or_default();
    assert!(
        footer.contains("http://192.168.1.20:7878/K7Q2MD"),
        "{footer}"
    );
    assert!(footer.contains("en pause"), "{footer}");
    let shown = presenter_with_votes(120, 35, "");
    assert!(
        shown.contains("http://192.168.1.20:7878/K7Q2MD · 30 réponses"),
        "{shown}"
    );
    insta::assert_snapshot!("presenter_room_footer_120x35", shown);
}

/// After `v`: the distribution as a bar chart (scrolled to the end of the stop, where the
/// poll is).
#[test]
fn a_presenter_poll_revealed_as_a_bar_chart() {
    let to_the_end = format!("v{}", "j".repeat(40));
    for (width, height) in [(80, 24), (120, 35)] {
        let shown = presenter_with_votes(width, height, &to_the_end);
        assert!(shown.contains("20 (67 %)"), "{shown}");
        insta::assert_snapshot!(format!("presenter_room_chart_{width}x{height}"), shown);
    }
}

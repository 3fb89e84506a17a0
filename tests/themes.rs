//! High contrast never relies on the terminal's colours: every cell it draws has both a
//! foreground and a background, in the reader, its overlays, the presenter (at every stop) and
//! the notes window, light or dark. The presenter's default (the reader's default theme) is
//! high contrast too, and follows the terminal's background.

use std::sync::Arc;
use std::time::Duration;

mod common;
use common::keys::{frame, type_keys};

use glose::app::App;
use glose::i18n::Lang;
use glose::theme::{Background, Theme, ThemeName};
use ratatui::buffer::Buffer;
use ratatui::style::Color;

fn app(width: u16, height: u16, theme: Theme) -> App {
    let loaded = glose::content::load_bundled().expect("the bundled article loads");
    App::new(loaded.article, Lang::Fr, theme, (width, height))
}

/// Every cell has its own foreground and background (none left to the terminal).
fn assert_every_cell_coloured(buffer: &Buffer, what: &str) {
    let area = buffer.area;
    for y in 0..area.height {
        for x in 0..area.width {
            let cell = &buffer[(x, y)];
            assert!(
                cell.fg != Color::Reset && cell.bg != Color::Reset,
                "{what}: the cell at {x},{y} ({:?}) has fg {:?}, bg {:?}",
                cell.symbol(),
                cell.fg,
                cell.bg
            );
        }
    }
}

/// The colour most cells have as background: the page's.
fn page(buffer: &Buffer) -> Color {
    let mut counts: Vec<(Color, usize)> = Vec::new();
    for cell in &buffer.content {
        match counts.iter_mut().find(|(c, _)| *c == cell.bg) {
            Some((_, n)) => *n += 1,
            None => counts.push((cell.bg, 1)),
        }
    }
    counts
        .into_iter()
        .max_by_key(|(_, n)| *n)
        .map(|(c, _)| c)
        .expect("a screen has cells")
}

const READER_SCREENS: [(&str, &str); 11] = [
    ("first screen", ""),
    ("a selection", "<tab><tab>"),
    ("a search", "/travail<enter>"),
    ("the index", "i<down>"),
    ("the sources", "S<down>"),
    ("the contents", "c"),
    ("the notes list", "aune note<c-s>A"),
    ("the bookmarks", "B'"),
    ("the help", "?"),
    ("the note editor", "<tab>aMa note"),
    ("the tour", "t<right>"),
];

fn themes() -> Vec<(&'static str, Theme, Color)> {
    vec![
        (
            "high-contrast, background unknown",
            Theme::for_background(ThemeName::HighContrast, None),
            Color::Black,
        ),
        (
            "high-contrast on a dark terminal",
            Theme::for_background(ThemeName::HighContrast, Some(Background::Dark)),
            Color::Black,
        ),
        (
            "high-contrast on a light terminal",
            Theme::for_background(ThemeName::HighContrast, Some(Background::Light)),
            Color::Indexed(231),
        ),
        (
            "high-contrast-light",
            Theme::named(ThemeName::HighContrastLight),
            Color::Indexed(231),
        ),
        (
            "high-contrast-dark on a light terminal",
            Theme::for_background(ThemeName::HighContrastDark, Some(Background::Light)),
            Color::Black,
        ),
    ]
}

#[test]
fn high_contrast_colours_every_cell_of_the_reader() {
    for (theme_name, theme, background) in themes() {
        for (width, height) in [(80, 24), (120, 35)] {
            for (screen, keys) in READER_SCREENS {
                let mut app = app(width, height, theme.clone());
                type_keys(&mut app, keys);
                let buffer = frame(&app);
                let what = format!("{theme_name}, {screen}, {width}×{height}");
                assert_every_cell_coloured(&buffer, &what);
                assert_eq!(page(&buffer), background, "{what}");
            }
        }
    }
}

#[test]
fn high_contrast_colours_every_cell_of_every_presenter_stop() {
    let stops = glose::content::load_bundled().unwrap().article.tour.len();
    assert!(stops > 5);
    for (theme_name, theme, background) in themes() {
        for (width, height) in [(80, 24), (120, 35), (200, 60)] {
            for stop in 0..stops {
                for (state, keys) in [("", ""), (" revealed", "v"), (" help", "?")] {
                    let mut shown = app(width, height, theme.clone());
                    type_keys(&mut shown, &format!("p{}G{keys}", stop + 1));
                    let buffer = frame(&shown);
                    let what = format!("{theme_name}, stop {}{state}, {width}×{height}", stop + 1);
                    assert_every_cell_coloured(&buffer, &what);
                    assert_eq!(page(&buffer), background, "{what}");
                }
            }
            let mut app = app(width, height, theme.clone());
            type_keys(&mut app, "pb");
            assert_every_cell_coloured(&frame(&app), &format!("{theme_name}, blank"));
        }
    }
}

#[test]
fn the_presenters_default_is_high_contrast_after_the_terminals_background() {
    for (background, page_colour) in [
        (None, Color::Black),
        (Some(Background::Dark), Color::Black),
        (Some(Background::Light), Color::Indexed(231)),
    ] {
        let mut app = app(
            100,
            30,
            Theme::for_background(ThemeName::Default, background),
        );
        // The reader keeps the terminal's colours...
        let reader = frame(&app);
        assert!(reader.content.iter().any(|c| c.bg == Color::Reset));
        // ...the presenter paints its own.
        type_keys(&mut app, "p");
        let presenter = frame(&app);
        assert_every_cell_coloured(&presenter, &format!("presenter on {background:?}"));
        assert_eq!(page(&presenter), page_colour, "{background:?}");
    }
    // Without colours, nothing is painted.
    let mut app = app(100, 30, Theme::named(ThemeName::Monochrome));
    type_keys(&mut app, "p");
    assert!(frame(&app).content.iter().all(|c| c.bg == Color::Reset));
}

#[test]
fn high_contrast_colours_every_cell_of_the_notes_window() {
    use glose::link::{Announcement, PresenterState};
    for (theme_name, theme, background) in themes() {
        let article = glose::content::load_bundled().unwrap().article;
        let stops = article.tour.len();
        let clock = glose::clock::ManualClock::new();
        let mut notes = glose::facilitator_notes::FacilitatorNotes::new(
            article,
            Lang::Fr,
            theme,
            Arc::new(clock),
            (100, 30),
        );
        let draw = |notes: &glose::facilitator_notes::FacilitatorNotes| {
            let mut terminal =
                ratatui::Terminal::new(ratatui::backend::TestBackend::new(100, 30)).unwrap();
            terminal
                .draw(|frame| glose::ui::facilitator_notes::render(notes, frame))
                .unwrap();
            terminal.backend().buffer().clone()
        };
        let waiting = draw(&notes);
        assert_every_cell_coloured(&waiting, &format!("{theme_name}, waiting"));
        for stop in [0, 2, stops - 1] {
            notes.receive(
                Announcement::State(PresenterState {
                    stop,
                    stops,
                    tour_ms: 65_000,
                    stop_ms: 5_000,
                    blanked: false,
                    paused: false,
                    revealed: stop == 2,
                    sent_ms: 0,
                    session: 1,
                    votes: None,
                }),
                Duration::ZERO,
            );
            let buffer = draw(&notes);
            let what = format!("{theme_name}, notes at stop {}", stop + 1);
            assert_every_cell_coloured(&buffer, &what);
            assert_eq!(page(&buffer), background, "{what}");
        }
    }
}

#[test]
fn the_light_variant_is_dark_ink_on_white_and_the_dark_one_the_reverse() {
    let light = Theme::named(ThemeName::HighContrastLight);
    assert_eq!(light.text.fg, Some(Color::Indexed(16)));
    assert_eq!(light.text.bg, Some(Color::Indexed(231)));
    // No light ink on the white page: every colour a light theme uses is dark.
    for style in [
        light.heading,
        light.figure,
        light.quote,
        light.source,
        light.term,
        light.label,
        light.key,
        light.confirmed,
        light.imprecise,
        light.misreported,
        light.unverifiable,
        light.link,
        light.code,
    ] {
        let fg = style.fg.unwrap_or(Color::Reset);
        assert!(
            matches!(
                fg,
                Color::Indexed(16 | 17 | 18 | 22 | 90 | 94 | 124) | Color::Reset
            ),
            "{style:?}"
        );
    }
    let dark = Theme::named(ThemeName::HighContrastDark);
    assert_eq!(dark.text.fg, Some(Color::White));
    assert_eq!(dark.text.bg, Some(Color::Black));
}

/// `glose present` asks the terminal for its colours before taking it over; a terminal that
/// answers "white background" gets the light presenter, one that does not answer the dark one.
#[cfg(unix)]
#[test]
fn the_presenter_asks_the_terminal_for_its_background() {
    use common::pty::Session;
    let fixture = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/tour-atelier");
    // A terminal that answers: OSC 10 (black ink), OSC 11 (white page), then the device
    // attributes that end every terminal's answers.
    let env = [("GLOSE_BACKGROUND", "")];
    let mut light = Session::start(&["present", fixture], 80, 24, &env);
    light.wait_for_raw("\x1b]11;?");
    light.wait_for_raw("\x1b[c");
    light.send("\x1b]10;rgb:0000/0000/0000\x1b\\\x1b]11;rgb:ffff/ffff/ffff\x1b\\\x1b[?62;22c");
    light.wait_for("Étape 1/4");
    let raw = String::from_utf8_lossy(&light.raw).into_owned();
    assert!(raw.contains("48;5;231"), "a white page is painted");
    light.send("q");
    assert_eq!(light.wait_exit(), 0);
    light.assert_restored();

    // One that knows no colours answers only the device attributes: the dark presenter, at once.
    let mut dumb = Session::start(&["present", fixture], 80, 24, &env);
    dumb.wait_for_raw("\x1b[c");
    let asked = std::time::Instant::now();
    dumb.send("\x1b[?62;22c");
    dumb.wait_for("Étape 1/4");
    assert!(
        asked.elapsed() < glose::background::WAIT * 4,
        "no long wait for an answer that never comes"
    );
    let raw = String::from_utf8_lossy(&dumb.raw).into_owned();
    assert!(!raw.contains("48;5;231"));
    assert!(
        raw.contains("\x1b[40m") || raw.contains("48;5;0m"),
        "black page"
    );
    dumb.send("q");
    assert_eq!(dumb.wait_exit(), 0);
}

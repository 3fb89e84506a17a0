//! The links of a Markdown text, from the reader's side: Tab walks them (with the annotations,
//! in reading order), the side pane shows the selected one's address, `o` and Enter open it
//! (or go to the heading of a `#fragment`), `y` copies its address, a click on its words
//! selects it, Esc lets it go. Keys go through `App::handle_event`, as in the terminal.

#![allow(clippy::unwrap_used)]

mod common;

use std::path::Path;

use common::keys::{frame, type_keys};
use glose::app::App;
use glose::app::Effect;
use glose::i18n::Lang;
use glose::theme::Theme;
use ratatui::crossterm::event::{Event, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};

fn reader(width: u16, height: u16, lang: Lang) -> App {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/links.md");
    let loaded = glose::content::load_path(&path).unwrap();
    App::new(loaded.article, lang, Theme::default(), (width, height))
}

fn screen(app: &App) -> String {
    let buffer = frame(app);
    let width = usize::from(buffer.area.width);
    buffer
        .content
        .chunks(width)
        .map(|row| row.iter().map(|c| c.symbol()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The selected link's address, if a link is selected.
fn selected(app: &App) -> Option<&str> {
    app.view
        .link
        .and_then(|i| app.article.links.get(i))
        .map(|l| l.url.as_str())
}

#[test]
fn tab_walks_every_link_in_reading_order_and_never_an_address_in_code() {
    let mut app = reader(100, 30, Lang::En);
    assert!(screen(&app).contains("https://never.a.link"));
    let mut walked = Vec::new();
    for _ in 0..8 {
        type_keys(&mut app, "<tab>");
        walked.push(selected(&app).unwrap().to_owned());
    }
    assert_eq!(
        walked,
        [
            "https://docs.rs/ratatui",
            "https://example.org/a_b_c",
            "http://www.rust-lang.org",
            "#quickstart",
            "https://example.org/logo.png",
            "CONTRIBUTING.md",
            "https://example.org/guide",
            // Round to the first again.
            "https://docs.rs/ratatui",
        ]
    );
    type_keys(&mut app, "<s-tab>");
    assert_eq!(selected(&app), Some("https://example.org/guide"));
    type_keys(&mut app, "<esc>");
    assert_eq!(selected(&app), None, "Esc lets the link go");
}

#[test]
fn the_side_pane_shows_the_selected_link_and_its_keys() {
    for (width, height) in [(100, 30), (80, 24)] {
        let mut app = reader(width, height, Lang::En);
        type_keys(&mut app, "<tab>");
        let shown = screen(&app);
        for expected in [
            "Link · 1/7",
            "“the docs”",
            "Address",
            "https://docs.rs/ratatui",
            "o or Enter open it in the browser",
            "y copy the address",
            "link https://docs.rs/ratatui",
        ] {
            assert!(
                shown.contains(expected),
                "{expected} at {width}×{height}:\n{shown}"
            );
        }
        insta::assert_snapshot!(format!("link_selected_{width}x{height}"), shown);
    }
    let mut app = reader(100, 30, Lang::Fr);
    type_keys(&mut app, "<tab><tab><tab><tab><tab><tab>");
    let shown = screen(&app);
    for expected in [
        "Lien · 6/7",
        "CONTRIBUTING.md",
        "glose n’ouvre que les adresses web",
        "y copier l’adresse",
    ] {
        assert!(shown.contains(expected), "{expected}:\n{shown}");
    }
}

#[test]
fn the_selected_link_is_in_reverse_video_under_no_color_too() {
    let mut app = reader(100, 30, Lang::En);
    app.theme = Theme::named(glose::theme::ThemeName::Monochrome);
    type_keys(&mut app, "<tab>");
    let buffer = frame(&app);
    let (x, y) = find(&buffer, "the docs");
    let cell = &buffer[(x, y)];
    assert!(
        cell.style()
            .add_modifier
            .contains(ratatui::style::Modifier::REVERSED),
        "{:?}",
        cell.style()
    );
    // A link not selected is still told apart from the text (underlined).
    let (x, y) = find(&buffer, "www.rust-lang.org");
    assert!(
        buffer[(x, y)]
            .style()
            .add_modifier
            .contains(ratatui::style::Modifier::UNDERLINED),
        "{:?}",
        buffer[(x, y)].style()
    );
}

#[test]
fn o_and_enter_open_y_copies_and_a_fragment_goes_to_its_heading() {
    let mut app = reader(100, 30, Lang::En);
    assert_eq!(
        type_keys(&mut app, "<tab>o"),
        [Effect::Open("https://docs.rs/ratatui".into())]
    );
    assert_eq!(
        type_keys(&mut app, "<enter>"),
        [Effect::Open("https://docs.rs/ratatui".into())]
    );
    assert_eq!(
        type_keys(&mut app, "y"),
        [Effect::CopyAddress("https://docs.rs/ratatui".into())]
    );
    // A relative address is shown and copied, never opened.
    assert!(type_keys(&mut app, "<tab><tab><tab><tab><tab>o").is_empty());
    assert_eq!(selected(&app), Some("CONTRIBUTING.md"));
    assert_eq!(
        app.view.message.as_deref(),
        Some("glose opens only web addresses (http or https); y copies this one")
    );
    // `#quickstart` goes to the Quickstart heading.
    let mut app = reader(100, 30, Lang::En);
    type_keys(&mut app, "<tab><tab><tab><tab>");
    assert_eq!(selected(&app), Some("#quickstart"));
    assert!(type_keys(&mut app, "<enter>").is_empty());
    assert_eq!(selected(&app), None);
    let pane = app.view.focus;
    assert_eq!(app.panes[pane].title, "Quickstart");
    assert!(screen(&app).contains("Read > the guide first."));
}

/// Where `needle` starts on screen.
fn find(buffer: &ratatui::buffer::Buffer, needle: &str) -> (u16, u16) {
    let width = buffer.area.width;
    for y in 0..buffer.area.height {
        let row: Vec<&str> = (0..width).map(|x| buffer[(x, y)].symbol()).collect();
        let text = row.concat();
        if let Some(at) = text.find(needle) {
            let x = text[..at].chars().count() as u16;
            return (x, y);
        }
    }
    panic!("{needle} is not on screen");
}

#[test]
fn a_click_on_a_links_words_selects_it() {
    let mut app = reader(100, 30, Lang::En);
    let buffer = frame(&app);
    let (x, y) = find(&buffer, "www.rust-lang.org");
    app.handle_event(&Event::Mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: x + 3,
        row: y,
        modifiers: KeyModifiers::NONE,
    }));
    assert_eq!(selected(&app), Some("http://www.rust-lang.org"));
    assert!(screen(&app).contains("Link · 3/7"));
}

/// A click lands on the words under the pointer on indented rows too (a list item's words
/// start after its marker): each link of the list is selected by a click on its own words.
#[test]
fn a_click_on_an_indented_rows_words_selects_its_link() {
    for (words, url) in [
        ("Quickstart", "#quickstart"),
        ("The logo", "https://example.org/logo.png"),
        ("local file", "CONTRIBUTING.md"),
    ] {
        // On the item's row, not in the side pane's outline.
        let needle = if words == "local file" {
            "• a local".to_owned()
        } else {
            format!("• {words}")
        };
        let mut app = reader(100, 30, Lang::En);
        let buffer = frame(&app);
        let (x, y) = find(&buffer, &needle);
        let x = x + 2 + u16::from(words == "local file") * 2;
        // The first and the last character of the words.
        for dx in [0, words.chars().count() as u16 - 1] {
            app.handle_event(&Event::Mouse(MouseEvent {
                kind: MouseEventKind::Down(MouseButton::Left),
                column: x + dx,
                row: y,
                modifiers: KeyModifiers::NONE,
            }));
            assert_eq!(selected(&app), Some(url), "{words} +{dx}");
        }
    }
}

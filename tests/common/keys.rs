//! Key events for tests, written as a short notation and handed to the app through
//! `App::handle_event`, the terminal loop's own entry point.

#![allow(dead_code)]

use glose::app::{App, Effect};
use glose::i18n::Lang;
use glose::theme::{Theme, ThemeName};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// The reader on the bundled article, in a `width`×`height` terminal.
pub fn bundled(width: u16, height: u16, lang: Lang, theme: ThemeName) -> App {
    let loaded = glose::content::load_bundled().expect("the bundled article loads");
    App::new(loaded.article, lang, Theme::named(theme), (width, height))
}

/// One frame of the app, as the terminal would show it.
pub fn frame(app: &App) -> Buffer {
    let (width, height) = app.view.size;
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a test terminal");
    terminal
        .draw(|frame| glose::ui::render(app, frame))
        .expect("a frame");
    terminal.backend().buffer().clone()
}

/// Key notation for tests: plain characters are typed as they are; `<name>` is a named key
/// (`<tab>`, `<enter>`, `<esc>`, `<down>`, `<bs>` for Backspace, `<c-s>` for Ctrl-s).
pub fn events(keys: &str) -> Vec<Event> {
    let mut out = Vec::new();
    let mut chars = keys.chars();
    while let Some(c) = chars.next() {
        let (code, modifiers) = if c == '<' {
            let name: String = chars.by_ref().take_while(|&c| c != '>').collect();
            match name.as_str() {
                "tab" => (KeyCode::Tab, KeyModifiers::NONE),
                "s-tab" => (KeyCode::BackTab, KeyModifiers::SHIFT),
                "enter" => (KeyCode::Enter, KeyModifiers::NONE),
                "esc" => (KeyCode::Esc, KeyModifiers::NONE),
                "down" => (KeyCode::Down, KeyModifiers::NONE),
                "up" => (KeyCode::Up, KeyModifiers::NONE),
                "right" => (KeyCode::Right, KeyModifiers::NONE),
                "left" => (KeyCode::Left, KeyModifiers::NONE),
                "lt" => (KeyCode::Char('<'), KeyModifiers::NONE),
                "bs" => (KeyCode::Backspace, KeyModifiers::NONE),
                ctrl if ctrl.starts_with("c-") => (
                    KeyCode::Char(ctrl.chars().nth(2).expect("a key after c-")),
                    KeyModifiers::CONTROL,
                ),
                other => panic!("unknown key <{other}>"),
            }
        } else {
            let shift = if c.is_uppercase() {
                KeyModifiers::SHIFT
            } else {
                KeyModifiers::NONE
            };
            (KeyCode::Char(c), shift)
        };
        out.push(Event::Key(KeyEvent::new_with_kind(
            code,
            modifiers,
            KeyEventKind::Press,
        )));
    }
    out
}

/// Types `keys` into the app through the terminal loop's own entry point; returns the
/// effects they asked of the loop (save, open, quit…), in order.
pub fn type_keys(app: &mut App, keys: &str) -> Vec<Effect> {
    let mut effects = Vec::new();
    for event in events(keys) {
        effects.extend(app.handle_event(&event).effects);
    }
    effects
}

/// A mouse event at a cell, handed to the app as the terminal loop does.
pub fn mouse(app: &mut App, kind: ratatui::crossterm::event::MouseEventKind, x: u16, y: u16) {
    app.handle_event(&Event::Mouse(ratatui::crossterm::event::MouseEvent {
        kind,
        column: x,
        row: y,
        modifiers: KeyModifiers::NONE,
    }));
}

/// A left click at a cell.
pub fn click(app: &mut App, x: u16, y: u16) {
    let left = ratatui::crossterm::event::MouseButton::Left;
    mouse(
        app,
        ratatui::crossterm::event::MouseEventKind::Down(left),
        x,
        y,
    );
}

/// The screen's rows as text.
pub fn rows(buffer: &Buffer) -> Vec<String> {
    (0..buffer.area.height)
        .map(|y| {
            (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol())
                .collect()
        })
        .collect()
}

/// Where `needle` first shows on screen (column of its first character, row).
pub fn find_on_screen(buffer: &Buffer, needle: &str) -> Option<(u16, u16)> {
    rows(buffer).iter().enumerate().find_map(|(y, row)| {
        let byte = row.find(needle)?;
        let x = row[..byte].chars().count();
        Some((u16::try_from(x).ok()?, u16::try_from(y).ok()?))
    })
}

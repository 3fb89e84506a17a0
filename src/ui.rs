//! Drawing the reader: `render(&App, &mut Frame)` reads the app and never changes it.
//!
//! This module only splits the screen (the arrangement comes from `screen::Screen`, computed in
//! `update`) and delegates: `reader` for the panes, `side_pane` for source and context,
//! `status` for the header, status line and search line, `help` for the key list, `lists` for
//! the notes and bookmarks lists, `editor` for the note editor, and `index`, `sources`,
//! `contents` (on the frame of `lookup`) for the lookup lists.

pub mod cells;
pub mod contents;
pub mod editor;
pub mod facilitator_notes;
pub mod help;
pub mod index;
pub mod lists;
pub mod lookup;
pub mod present;
pub mod problems;
pub mod reader;
pub mod room;
pub mod side_pane;
pub mod sources;
pub mod status;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::widgets::{Clear, Paragraph, Widget};

use crate::app::{App, Overlay};
use crate::i18n::Text;
pub use crate::layout::lines::{fit, wrap_text};
use crate::layout::screen::{MIN_HEIGHT, MIN_WIDTH};

/// Draws one frame.
///
/// The arrangement was computed in `update` for `app.view.size`. When the frame has another size
/// (the terminal was resized again after the last `Resize` action, or while the process was
/// suspended), the frame is drawn at the app's size off screen and what fits is copied: the
/// widgets then never write outside their buffer, and the next `Resize` action redraws it right.
pub fn render(app: &App, frame: &mut Frame) {
    if let Some(position) = render_buffer(app, frame.buffer_mut()) {
        frame.set_cursor_position(position);
    }
}

/// Draws one frame into `buf`, blank and the size of the terminal (what `render` does with a
/// `Frame`'s buffer); returns where the terminal's cursor goes (`None`: hidden).
pub fn render_buffer(app: &App, buf: &mut Buffer) -> Option<Position> {
    let area = buf.area;
    let (width, height) = app.view.size;
    if area == Rect::new(0, 0, width, height) {
        return draw(app, area, buf);
    }
    let mut scratch = Buffer::empty(Rect::new(0, 0, width, height));
    let cursor = draw(app, scratch.area, &mut scratch);
    Clear.render(area, buf);
    let shared = area.intersection(scratch.area);
    for y in shared.top()..shared.bottom() {
        for x in shared.left()..shared.right() {
            if let (Some(from), Some(to)) = (scratch.cell((x, y)), buf.cell_mut((x, y))) {
                *to = from.clone();
            }
        }
    }
    cursor.filter(|&p| shared.contains(p))
}

/// Draws the reader (or the presenter over it) into `buf`, whose area is `app.view.size`;
/// returns where the terminal's cursor goes while text is typed (search line, filter, note).
fn draw(app: &App, area: Rect, buf: &mut Buffer) -> Option<Position> {
    let cursor = draw_layers(app, area, buf);
    // High contrast paints every cell's colours itself: readable whatever the terminal's.
    match app.presenter {
        Some(_) => app.theme.for_presenter().fill(area, buf),
        None => app.theme.fill(area, buf),
    }
    cursor
}

/// The reader's layers (panes, side pane, status, overlays), or the presenter over it all.
///
/// `buf` is blank, as `Terminal::draw` hands it over (and as `render`'s scratch buffer is): the
/// header, the panes, the side pane and the status line each own their cells, so nothing is
/// cleared first; only the overlays clear what they cover.
fn draw_layers(app: &App, area: Rect, buf: &mut Buffer) -> Option<Position> {
    if app.presenter.is_some() {
        present::render(app, area, buf);
        return None;
    }
    let Some(screen) = &app.screen else {
        too_small(app, area, buf);
        return None;
    };
    status::header(app, screen.header, buf);
    for pane in &screen.panes {
        reader::pane(app, *pane, buf);
    }
    if let Some((side, placement)) = screen.side {
        side_pane::render(app, side, placement, buf);
    }
    let mut cursor = status::status_line(app, screen.status, buf);
    match app.view.overlay {
        Some(Overlay::Help) => help::render(app, area, buf),
        Some(Overlay::Notes | Overlay::Bookmarks) => lists::render(app, area, buf),
        Some(Overlay::Index) => cursor = index::render(app, area, buf),
        Some(Overlay::Sources) => cursor = sources::render(app, area, buf),
        Some(Overlay::Contents) => cursor = contents::render(app, area, buf),
        Some(Overlay::Problems) => problems::render(app, area, buf),
        None => {}
    }
    if let Some(editor) = &app.view.editor {
        cursor = editor::render(app, editor, area, buf);
    }
    cursor
}

/// The message shown below the minimum size; it recovers as soon as the terminal grows.
fn too_small(app: &App, area: Rect, buf: &mut Buffer) {
    let lang = app.lang;
    let message = format!(
        "{}{}{}×{} ({} {MIN_WIDTH}×{MIN_HEIGHT})",
        Text::TooSmall.get(lang),
        lang.colon(),
        area.width,
        area.height,
        Text::Minimum.get(lang)
    );
    let lines = wrap_text(&message, usize::from(area.width), Style::new(), false);
    let top = area.height.saturating_sub(lines.len() as u16) / 2;
    let text_area = Rect {
        y: area.y + top,
        height: area.height.saturating_sub(top),
        ..area
    };
    Paragraph::new(lines).centered().render(text_area, buf);
}

#[cfg(test)]
mod tests {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::style::Modifier;

    use super::*;
    use crate::app::line_input::Edit;
    use crate::app::tests::sample;
    use crate::app::{Action, App};
    use crate::i18n::Lang;
    use crate::theme::{Theme, ThemeName};

    fn reader(size: (u16, u16), lang: Lang) -> App {
        App::new(sample(12), lang, Theme::named(ThemeName::Default), size)
    }

    fn draw(app: &App) -> Terminal<TestBackend> {
        let (w, h) = app.view.size;
        let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
        terminal.draw(|frame| render(app, frame)).unwrap();
        terminal
    }

    fn search(app: &mut App, query: &str) {
        app.update(Action::Search);
        for c in query.chars() {
            app.update(Action::Edit(Edit::Insert(c)));
        }
    }

    #[test]
    fn search_marks_every_match_the_current_one_stronger_and_counts_them() {
        let mut app = reader((80, 24), Lang::Fr);
        search(&mut app, "LIGNE");
        app.update(Action::Edit(Edit::Confirm));
        app.update(Action::SearchNext);
        app.update(Action::SearchNext);
        let terminal = draw(&app);
        insta::assert_snapshot!("search_80x24", terminal.backend());
        let buffer = terminal.backend().buffer();
        let status = (0..80)
            .map(|x| buffer[(x, 23)].symbol().to_owned())
            .collect::<String>();
        let count = app.view.search.matches.len();
        assert!(status.contains(&format!("/LIGNE 3/{count}")), "{status}");
        // Every visible "ligne" is in reverse video; exactly one of them is bold (the current).
        let mut marked = 0;
        let mut current = 0;
        for y in 1..23 {
            let cells: Vec<&str> = (0..80).map(|x| buffer[(x, y)].symbol()).collect();
            for x in 0..cells.len().saturating_sub(5) {
                if cells[x..x + 5].concat() != "ligne" {
                    continue;
                }
                let cell = &buffer[(x as u16, y)];
                assert!(cell.modifier.contains(Modifier::REVERSED), "({x}, {y})");
                marked += 1;
                if cell.modifier.contains(Modifier::BOLD) {
                    current += 1;
                    assert_eq!(cell.fg, app.theme.search_current.fg.unwrap());
                    assert_eq!(
                        y, 3,
                        "the third match: second row of text, its second \"ligne\""
                    );
                }
            }
        }
        assert!(marked > 2);
        assert_eq!(current, 1);
    }

    #[test]
    fn the_search_line_replaces_the_status_and_shows_the_cursor() {
        let mut app = reader((80, 24), Lang::En);
        search(&mut app, "chiffre 1-1");
        let mut terminal = draw(&app);
        insta::assert_snapshot!("search_line_80x24", terminal.backend());
        let cursor = terminal.get_cursor_position().unwrap();
        assert_eq!((cursor.x, cursor.y), (12, 23));
    }

    #[test]
    fn index_sources_and_contents_overlays() {
        for lang in [Lang::Fr, Lang::En] {
            let mut app = reader((80, 24), lang);
            app.update(Action::ToggleIndex);
            app.update(Action::LineDown);
            insta::assert_snapshot!(format!("index_80x24_{lang:?}"), draw(&app).backend());
        }
        let mut app = reader((80, 24), Lang::Fr);
        app.update(Action::ToggleIndex);
        app.update(Action::Search);
        for c in "3-1".chars() {
            app.update(Action::Edit(Edit::Insert(c)));
        }
        insta::assert_snapshot!("index_filtered_80x24", draw(&app).backend());

        let mut app = reader((100, 30), Lang::Fr);
        app.update(Action::FocusPane(2));
        app.update(Action::Bottom);
        app.update(Action::ToggleContents);
        insta::assert_snapshot!("contents_100x30", draw(&app).backend());
    }
}

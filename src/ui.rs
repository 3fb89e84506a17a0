//! Drawing the reader: `render(&App, &mut Frame)` reads the app and never changes it.
//!
//! This module only splits the screen (the arrangement comes from `screen::Screen`, computed in
//! `update`) and delegates: `reader` for the panes, `side_pane` for source and context,
//! `status` for the header and status line, `help` for the overlay, `lists` for the notes and
//! bookmarks lists, `editor` for the note editor (the only thing that shows the cursor).

pub mod editor;
pub mod help;
pub mod lists;
pub mod notes;
pub mod present;
pub mod reader;
pub mod side_pane;
pub mod status;
pub mod stop;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Widget};

use crate::app::{App, Overlay};
use crate::i18n::Text;
use crate::screen::{MIN_HEIGHT, MIN_WIDTH};
use crate::text::wrap::{str_width, wrap};

/// Draws one frame.
pub fn render(app: &App, frame: &mut Frame) {
    let area = frame.area();
    let buf = frame.buffer_mut();
    Clear.render(area, buf);
    if app.presenter.is_some() {
        present::render(app, area, buf);
        return;
    }
    let Some(screen) = &app.screen else {
        too_small(app, area, buf);
        return;
    };
    status::header(app, screen.header, buf);
    for pane in &screen.panes {
        reader::pane(app, *pane, buf);
    }
    if let Some((side, placement)) = screen.side {
        side_pane::render(app, side, placement, buf);
    }
    status::status_line(app, screen.status, buf);
    match app.view.overlay {
        Some(Overlay::Help) => help::render(app, area, buf),
        Some(Overlay::Notes | Overlay::Bookmarks) => lists::render(app, area, buf),
        None => {}
    }
    if let Some(editor) = &app.view.editor
        && let Some(cursor) = editor::render(app, editor, area, buf)
    {
        frame.set_cursor_position(cursor);
    }
}

/// The message shown below the minimum size; it recovers as soon as the terminal grows.
fn too_small(app: &App, area: Rect, buf: &mut Buffer) {
    let lang = app.lang;
    let message = format!(
        "{} : {}×{} ({} {MIN_WIDTH}×{MIN_HEIGHT})",
        Text::TooSmall.get(lang),
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

/// Wraps plain text (paragraphs separated by `\n`) into owned lines with one style, using the
/// same engine as the article, so heights are exact and no-break spaces hold.
pub fn wrap_text(text: &str, width: usize, style: Style, french: bool) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        if paragraph.trim().is_empty() {
            lines.push(Line::default());
            continue;
        }
        for row in wrap(paragraph, width, french) {
            let piece = paragraph.get(row.range).unwrap_or("").to_owned();
            lines.push(Line::from(Span::styled(piece, style)));
        }
    }
    lines
}

/// Pads or cuts `text` to exactly `width` cells (for one-line bars).
pub fn fit(text: &str, width: usize) -> String {
    let (cut, used) = crate::text::wrap::truncate(text, width);
    let mut out = cut.to_owned();
    if used < str_width(text) && width > 0 {
        // Leave room for an ellipsis.
        let (shorter, used) = crate::text::wrap::truncate(text, width.saturating_sub(1));
        out = format!("{shorter}…");
        out.push_str(&" ".repeat(width.saturating_sub(used + 1)));
        return out;
    }
    out.push_str(&" ".repeat(width.saturating_sub(used)));
    out
}

//! The `?` overlay: every key, generated from the keymap, so it always tells the truth.
//!
//! The content comes from `App::help_doc` and is wrapped by `layout::help`, so its height is
//! exact: when it does not fit, the movement keys scroll the help (`App::update` clamps with
//! `App::help_max_scroll`) and any other key closes it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Widget};

use crate::app::{Action, App};
use crate::i18n::Text;
use crate::layout::{help, popup};
use crate::ui::cells;

/// The help's lines at `width` cells (from `App::help_doc`, wrapped by `layout::help`).
pub fn lines(app: &App, width: usize) -> Vec<Line<'static>> {
    help::lines(&app.help_doc(), app.lang, &app.theme, width)
}

/// Draws the overlay centred over `area`, from its scroll position.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let lines = lines(app, popup::help_text_width(area.width));
    let popup = popup::help(area, lines.len());
    Clear.render(popup, buf);
    let title = format!(" glose — {} ", Text::Help.get(app.lang));
    let shown = usize::from(popup.height.saturating_sub(2));
    let scroll = app.view.help_scroll.min(lines.len().saturating_sub(shown));
    let mut block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(app.theme.border_focused)
        .title(Span::styled(title, app.theme.label));
    if lines.len() > shown {
        // More than fits: say where we are and how to see the rest.
        let key = |action| {
            app.keymap
                .first_key(crate::input::Mode::Reader, action)
                .map(|k| k.label(app.lang))
                .unwrap_or_default()
        };
        let more = format!(
            " {}–{}/{} · {}/{} {} ",
            scroll + 1,
            (scroll + shown).min(lines.len()),
            lines.len(),
            key(Action::LineDown),
            key(Action::LineUp),
            Text::HelpScroll.get(app.lang)
        );
        block = block.title_bottom(Line::from(Span::styled(more, app.theme.dim)).right_aligned());
    }
    draw_rows(block, popup, &lines, scroll, buf);
}

/// Draws `block` over `popup`, and in it the rows of `lines` from `scroll` on, a column of
/// margin on each side.
pub(crate) fn draw_rows(
    block: Block<'_>,
    popup: Rect,
    lines: &[Line<'_>],
    scroll: usize,
    buf: &mut Buffer,
) {
    let inner = block.inner(popup);
    block.render(popup, buf);
    let inner = Rect {
        x: inner.x.saturating_add(1),
        width: inner.width.saturating_sub(2),
        ..inner
    };
    let shown = usize::from(inner.height);
    for (i, line) in lines.iter().skip(scroll).take(shown).enumerate() {
        cells::set_line(buf, inner.x, inner.y + i as u16, line, inner.width);
    }
}

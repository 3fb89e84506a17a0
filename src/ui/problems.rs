//! The problems overlay (`!`): a draft's errors and warnings, as `glose check` prints them,
//! with the annotations that anchor nowhere.

use crate::i18n::screen as msg;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Widget};

use crate::app::App;
use crate::i18n::count_of;
use crate::layout::popup;
use crate::ui::help::draw_rows;

/// The overlay's rows at `width`: each diagnostic as `glose check` prints it.
pub fn lines(app: &App, width: usize) -> Vec<Line<'static>> {
    crate::layout::help::problem_lines(&app.problems, app.lang, &app.theme, width)
}

/// Draws the overlay centred over `area`, from its scroll position.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let lines = lines(app, popup::help_text_width(area.width));
    let popup = popup::help(area, lines.len());
    Clear.render(popup, buf);
    let errors = app.problems.iter().filter(|p| p.is_error()).count();
    let title = format!(
        " {} · {} ",
        msg::draft(app.lang),
        count_of(app.lang, errors, crate::i18n::words::PROBLEMS)
    );
    let shown = usize::from(popup.height.saturating_sub(2));
    let scroll = app.view.help_scroll.min(lines.len().saturating_sub(shown));
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(app.theme.border_focused)
        .title(Span::styled(title, app.theme.label));
    draw_rows(block, popup, &lines, scroll, buf);
}

//! The problems overlay (`!`): a draft's errors and warnings, as `glose check` prints them,
//! with the annotations that anchor nowhere.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Widget};

use crate::app::App;
use crate::i18n::count_of;
use crate::layout::popup;
use crate::text::wrap::str_width;
use crate::ui::help::draw_rows;
use crate::ui::wrap_text;

/// The overlay's rows at `width`: each diagnostic as `glose check` prints it.
pub fn lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    if app.problems.is_empty() {
        let none = app.lang.pick(
            "No problem: glose check finds this article valid.",
            "Aucun problème : glose check trouve cet article valide.",
        );
        out.extend(wrap_text(none, width, app.theme.text, false));
        return out;
    }
    for (i, problem) in app.problems.iter().enumerate() {
        if i > 0 {
            out.push(Line::default());
        }
        let style = if problem.is_error() {
            app.theme.misreported
        } else {
            app.theme.imprecise
        };
        for (n, row) in problem.to_string().lines().enumerate() {
            let row_style = if n == 0 { style } else { app.theme.text };
            // As printed (the caret lines up with its column) when the row fits, else wrapped.
            if str_width(row) <= width {
                out.push(Line::from(Span::styled(row.to_owned(), row_style)));
            } else {
                out.extend(wrap_text(row, width, row_style, false));
            }
        }
    }
    out
}

/// How far the overlay scrolls.
pub fn max_scroll(app: &App) -> usize {
    let (w, h) = app.view.size;
    let rows = lines(app, popup::help_text_width(w)).len();
    popup::help_max_scroll((w, h), rows)
}

/// Draws the overlay centred over `area`, from its scroll position.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let lines = lines(app, popup::help_text_width(area.width));
    let popup = popup::help(area, lines.len());
    Clear.render(popup, buf);
    let errors = app.problems.iter().filter(|p| p.is_error()).count();
    let title = format!(
        " {} · {} ",
        app.lang.pick("Draft", "Brouillon"),
        count_of(
            app.lang,
            errors,
            ("problem", "problems", "problème", "problèmes")
        )
    );
    let shown = usize::from(popup.height.saturating_sub(2));
    let scroll = app.view.help_scroll.min(lines.len().saturating_sub(shown));
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(app.theme.border_focused)
        .title(Span::styled(title, app.theme.label));
    draw_rows(block, popup, &lines, scroll, buf);
}

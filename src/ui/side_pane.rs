//! Draws the source-and-context pane: its frame and title, and the content `layout::side_pane`
//! builds from the state (the same lines `update` measured to clamp the scroll).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::symbols::border;
use ratatui::text::{Line, Span};
use ratatui::widgets::Borders;

use crate::app::App;
use crate::i18n::Text;
use crate::layout::screen::SidePlacement;
use crate::layout::side_pane::{self, capitalise, content_area};
use crate::layout::stop::stop_label;
use crate::ui::cells;

/// Draws the side pane.
///
/// Its area is blank (see `ui::draw_layers`): the panes beside or above it never write there.
pub fn render(app: &App, area: Rect, placement: SidePlacement, buf: &mut Buffer) {
    let theme = &app.theme;
    let title = match app
        .view
        .selected
        .and_then(|i| app.article.annotations.get(i))
    {
        _ if app.tour.is_some() => {
            let stop = app.tour_progress().map_or(0, |p| p.stop);
            format!(
                " {} · {} ",
                Text::Tour.get(app.lang),
                stop_label(app.lang, stop, app.article.tour.len())
            )
        }
        None if app.view.link.is_some() => {
            side_pane::link_title(&app.article, app.lang, app.view.link.unwrap_or(0))
        }
        Some(annotation) => {
            let count = app.article.annotations.len();
            let index = app.view.selected.unwrap_or(0) + 1;
            format!(
                " {} · {index}/{count} ",
                capitalise(app.lang.kind(annotation.kind))
            )
        }
        None if app.article.annotations.is_empty() => format!(" {} ", Text::Contents.get(app.lang)),
        None => format!(" {} ", Text::NoSelection.get(app.lang)),
    };
    let borders = match placement {
        SidePlacement::Right => Borders::ALL,
        SidePlacement::Drawer => Borders::TOP,
    };
    cells::bordered(
        buf,
        area,
        borders,
        &border::PLAIN,
        theme.border,
        Some(&Line::from(Span::styled(title, theme.label))),
    );
    let inner = content_area(area, placement);
    let lines = side_pane::lines(&app.side(), usize::from(inner.width));
    let scroll = app.view.side_scroll.min(lines.len().saturating_sub(1));
    let shown: Vec<Line> = lines
        .into_iter()
        .skip(scroll)
        .take(usize::from(inner.height))
        .collect();
    cells::paragraph(buf, inner, &shown);
}

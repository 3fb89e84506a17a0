//! The frame shared by the lookup lists (index, sources, contents): where each part goes, the
//! filter line, the visible entries with the cursor, the detail area and the key hints.
//!
//! `areas` is a pure function of the terminal size, used by `App::update` (page size, clicks)
//! and by `render`, so the two agree. The overlay modules (`index`, `sources`, `contents`) only
//! say what an entry looks like.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Widget};

use crate::app::lookup::FilterList;
use crate::app::{Action, App};
use crate::i18n::Text;
use crate::ui::cells;
use crate::ui::fit;

/// Draws the frame of a list overlay: border and title, header, filter line, the entries from
/// `top` (the one at `cursor` marked), the detail lines and the hints. Returns where the
/// terminal cursor goes when the filter is being typed.
pub fn render(app: &App, area: Rect, frame: ListFrame<'_>, buf: &mut Buffer) -> Option<Position> {
    let theme = &app.theme;
    let areas = crate::layout::popup::lookup(area, frame.detail.is_some(), frame.capacity);
    Clear.render(areas.popup, buf);
    Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.border_focused)
        .title(Span::styled(format!(" {} ", frame.title), theme.label))
        .render(areas.popup, buf);
    cells::set_line(
        buf,
        areas.header.x,
        areas.header.y,
        &frame.header,
        areas.header.width,
    );
    let cursor = filter_line(app, frame.state, areas.filter, buf);

    let list = areas.list;
    if frame.len == 0 {
        let line = Line::from(Span::styled(Text::NothingMatches.get(app.lang), theme.dim));
        cells::set_line(buf, list.x, list.y, &line, list.width);
    }
    for (row, index) in (frame.state.top..frame.len)
        .take(usize::from(list.height))
        .enumerate()
    {
        let y = list.y + row as u16;
        let selected = index == frame.state.cursor;
        let marker = if selected { "▶ " } else { "  " };
        let mut spans = vec![Span::styled(marker, theme.label)];
        spans.extend((frame.entry)(
            index,
            usize::from(list.width.saturating_sub(2)),
        ));
        let mut line = Line::from(spans);
        if selected {
            line = line.patch_style(theme.cursor);
            buf.set_style(Rect::new(list.x, y, list.width, 1), theme.cursor);
        }
        cells::set_line(buf, list.x, y, &line, list.width);
    }

    if let Some(detail) = frame.detail
        && areas.detail.height > 0
    {
        let rule = "─".repeat(usize::from(areas.detail.width));
        cells::set_line(
            buf,
            areas.detail.x,
            areas.detail.y,
            &Line::from(Span::styled(rule, theme.border)),
            areas.detail.width,
        );
        let rows = usize::from(areas.detail.height.saturating_sub(1));
        let cut = detail.len() > rows;
        // When the entry says more than fits, its last row says so (Enter shows it all).
        let shown = if cut { rows.saturating_sub(1) } else { rows };
        let mut lines: Vec<Line> = detail.into_iter().take(shown).collect();
        if cut {
            lines.push(Line::from(Span::styled("…", theme.dim)));
        }
        for (i, line) in lines.iter().enumerate() {
            let y = areas.detail.y + 1 + i as u16;
            cells::set_line(buf, areas.detail.x, y, line, areas.detail.width);
        }
    }
    let hints = hints(app, frame.kind_hint);
    cells::set_line(
        buf,
        areas.hints.x,
        areas.hints.y,
        &Line::from(Span::styled(
            fit(&hints, usize::from(areas.hints.width)),
            theme.dim,
        )),
        areas.hints.width,
    );
    cursor
}

/// What one list overlay gives the frame.
pub struct ListFrame<'a> {
    pub title: String,
    pub header: Line<'a>,
    pub state: &'a FilterList,
    pub len: usize,
    /// The most entries the list can have (sizes the overlay).
    pub capacity: usize,
    /// The spans of entry `index` in `width` cells (without the cursor marker).
    pub entry: &'a dyn Fn(usize, usize) -> Vec<Span<'a>>,
    /// The lines describing the entry under the cursor; `None` for a list without detail.
    pub detail: Option<Vec<Line<'a>>>,
    /// Whether Tab changes something (the index's kind filter).
    pub kind_hint: bool,
}

/// "/ filter: moder" with the cursor while typing, or a dim hint when there is no filter.
fn filter_line(app: &App, state: &FilterList, area: Rect, buf: &mut Buffer) -> Option<Position> {
    let theme = &app.theme;
    if !state.editing && state.filter.is_empty() {
        let key = app
            .keymap
            .first_key(crate::input::Mode::Reader, Action::Search)
            .map_or_else(String::new, |k| k.label(app.lang));
        let text = Text::FilterHint.get(app.lang).replacen('/', &key, 1);
        cells::set_line(
            buf,
            area.x,
            area.y,
            &Line::from(Span::styled(text, theme.dim)),
            area.width,
        );
        return None;
    }
    let label = format!("{}{}", Text::Filter.get(app.lang), app.lang.colon());
    let label_width = crate::text::wrap::str_width(&label);
    let room = usize::from(area.width).saturating_sub(label_width + 1);
    let (shown, column) = state.filter.view(room);
    let line = Line::from(vec![
        Span::styled(label, theme.label),
        Span::styled(shown.to_owned(), Style::new()),
    ]);
    cells::set_line(buf, area.x, area.y, &line, area.width);
    state.editing.then(|| {
        Position::new(
            area.x + (label_width + column).min(usize::from(area.width)) as u16,
            area.y,
        )
    })
}

/// "j/k move · / filter · Tab kind · Enter go · Esc close", keys from the keymap.
fn hints(app: &App, kind: bool) -> String {
    let lang = app.lang;
    let key = |action| {
        app.keymap
            .first_key(crate::input::Mode::Reader, action)
            .map(|k| k.label(lang))
            .unwrap_or_default()
    };
    let mut parts = vec![
        format!(
            "{}/{} {}",
            key(Action::LineDown),
            key(Action::LineUp),
            Text::HintMove.get(lang)
        ),
        format!("{} {}", key(Action::Search), Text::HintFilter.get(lang)),
    ];
    if kind {
        parts.push(format!(
            "{} {}",
            key(Action::NextAnnotation),
            Text::HintKind.get(lang)
        ));
    }
    parts.push(format!(
        "{} {}",
        key(Action::SelectVisible),
        Text::HintGo.get(lang)
    ));
    parts.push(format!(
        "{} {}",
        key(Action::ClearSelection),
        Text::HintClose.get(lang)
    ));
    parts.join(" · ")
}

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

use crate::app::{Action, App, ListState, Overlay};
use crate::i18n::Text;
use crate::input::Mode;
use crate::text::wrap::str_width;
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
    let hints = hints(app, frame.overlay, usize::from(areas.hints.width));
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
    pub state: &'a ListState,
    pub len: usize,
    /// The most entries the list can have (sizes the overlay).
    pub capacity: usize,
    /// The spans of entry `index` in `width` cells (without the cursor marker).
    pub entry: &'a dyn Fn(usize, usize) -> Vec<Span<'a>>,
    /// The lines describing the entry under the cursor; `None` for a list without detail.
    pub detail: Option<Vec<Line<'a>>>,
    /// Which list it is (for its key hints).
    pub overlay: Overlay,
}

/// "/ filter: moder" with the cursor while typing, or a dim hint when there is no filter.
fn filter_line(app: &App, state: &ListState, area: Rect, buf: &mut Buffer) -> Option<Position> {
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

/// The keys a list's frame names, from the lists' table (`Mode::List`), for `overlay`:
/// "j/k move · / filter · Tab kind · Enter go · q/Esc close" in the index, "j/k move · Enter go
/// · e edit · x delete · q/Esc close" in the notes. Cut to `width`: the first hints go first,
/// the closing keys stay.
pub fn hints(app: &App, overlay: Overlay, width: usize) -> String {
    let lang = app.lang;
    let keys = |action, all: bool| {
        let keys = app.keymap.keys_for(Mode::List, action);
        let labels: Vec<String> = keys.iter().map(|k| k.label(lang)).collect();
        if all {
            labels.join("/")
        } else {
            labels.first().cloned().unwrap_or_default()
        }
    };
    // (hint, how much it matters): when the frame is narrow, "j/k move" goes first.
    let mut parts: Vec<(String, u8)> = Vec::new();
    let mut add = |keys: String, text: Text, weight: u8| {
        if !keys.is_empty() {
            parts.push((format!("{keys} {}", text.get(lang)), weight));
        }
    };
    let (down, up) = (keys(Action::LineDown, false), keys(Action::LineUp, false));
    add(format!("{down}/{up}"), Text::HintMove, 0);
    if overlay.is_lookup() {
        add(keys(Action::Search, false), Text::HintFilter, 1);
    }
    if overlay == Overlay::Index {
        add(keys(Action::NextKind, false), Text::HintKind, 1);
    }
    add(keys(Action::ListOpen, false), Text::HintGo, 2);
    if overlay == Overlay::Notes {
        add(keys(Action::ListEdit, false), Text::HintEdit, 2);
    }
    if matches!(overlay, Overlay::Notes | Overlay::Bookmarks) {
        add(keys(Action::ListDelete, false), Text::HintDelete, 2);
    }
    let close = format!(
        "{} {}",
        keys(Action::Close, true),
        Text::HintClose.get(lang)
    );
    let joined = |parts: &[(String, u8)]| {
        parts
            .iter()
            .map(|(p, _)| p.as_str())
            .chain([close.as_str()])
            .collect::<Vec<_>>()
            .join(" · ")
    };
    let mut line = joined(&parts);
    while str_width(&line) > width && !parts.is_empty() {
        let least = parts
            .iter()
            .enumerate()
            .min_by_key(|(i, (_, weight))| (*weight, std::cmp::Reverse(*i)))
            .map_or(0, |(i, _)| i);
        parts.remove(least);
        line = joined(&parts);
    }
    line
}

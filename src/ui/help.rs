//! The `?` overlay: every key, generated from the keymap, so it always tells the truth.
//!
//! The lines are wrapped here (descriptions with a hanging indent under their column), so their
//! count is exact: when they do not fit, the movement keys scroll the help (`App::update` clamps
//! with `max_scroll`) and any other key closes it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::layout::popup;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Widget};

use crate::app::{Action, App, Keymap};
use crate::i18n::Text;
use crate::text::wrap::{str_width, wrap};

/// `text` wrapped at `width` after `first`, continuation rows indented to line up with it.
fn hanging(
    first: Vec<Span<'static>>,
    text: &str,
    width: usize,
    style: Style,
) -> Vec<Line<'static>> {
    let indent: usize = first.iter().map(|s| str_width(&s.content)).sum();
    let room = width.saturating_sub(indent).max(10);
    let mut out = Vec::new();
    let mut first = Some(first);
    for row in wrap(text, room, false) {
        let piece = text.get(row.range).unwrap_or("").to_owned();
        let mut spans = first
            .take()
            .unwrap_or_else(|| vec![Span::raw(" ".repeat(indent))]);
        spans.push(Span::styled(piece, style));
        out.push(Line::from(spans));
    }
    if let Some(first) = first {
        out.push(Line::from(first));
    }
    out
}

/// The help, one `Line` per row at `width` cells: one entry per action, keys then
/// description, then the search line, the lists and the mouse.
pub fn lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let lang = app.lang;
    let (rows, tour_rows) = if app.tour.is_some() {
        (
            app.keymap.help_rows_except(lang, &app.keymap.tour),
            app.keymap.tour_help_rows(lang),
        )
    } else {
        (app.keymap.help_rows(lang), Vec::new())
    };
    let key_width = rows
        .iter()
        .chain(&tour_rows)
        .map(|(k, _)| str_width(k))
        .max()
        .unwrap_or(0);
    let mut out: Vec<Line<'static>> = Vec::new();
    if !tour_rows.is_empty() {
        // The mode's own keys first: they are what the reader is using now.
        out.push(Line::from(Span::styled(
            Text::Tour.get(lang),
            app.theme.label,
        )));
        out.extend(key_lines(app, tour_rows, key_width, width));
        out.push(Line::default());
        out.push(Line::from(Span::styled(
            Text::Keys.get(lang),
            app.theme.label,
        )));
    }
    out.extend(key_lines(app, rows, key_width, width));
    // The notes lists' and the editor's keys, from their keymap tables, in the same columns.
    for (title, table) in [
        (Text::InTheOverlays, &app.keymap.overlay),
        (Text::InTheLists, &app.keymap.list_bindings),
        (Text::InTheEditor, &app.keymap.editor_bindings),
        (Text::InAQuestion, &app.keymap.confirm),
    ] {
        if table.is_empty() {
            continue;
        }
        out.push(Line::default());
        out.push(Line::from(Span::styled(title.get(lang), app.theme.label)));
        out.extend(key_lines(
            app,
            Keymap::table_hints(table, app.lang, true),
            key_width,
            width,
        ));
        if title == Text::InTheEditor {
            out.extend(hanging(
                Vec::new(),
                Text::EditorKeys.get(lang),
                width,
                Style::new(),
            ));
        }
    }
    for (title, text) in [
        (Text::Counts, Text::CountHelp),
        (Text::InSearchLine, Text::SearchLineHelp),
        (Text::InLists, Text::InLists2),
        (Text::Mouse, Text::MouseHelp),
    ] {
        out.push(Line::default());
        let first = vec![Span::styled(
            format!("{}{}", title.get(lang), lang.colon()),
            app.theme.label,
        )];
        out.extend(hanging(first, text.get(lang), width, Style::new()));
    }
    out.push(Line::default());
    out.push(Line::from(Span::styled(
        Text::CloseHelpOther.get(lang),
        app.theme.dim,
    )));
    out
}

/// The last useful scroll position of the help at the current size.
pub fn max_scroll(app: &App) -> usize {
    if app.view.overlay == Some(crate::app::Overlay::Problems) {
        return crate::ui::problems::max_scroll(app);
    }
    let (w, h) = app.view.size;
    let rows = lines(app, popup::help_text_width(w)).len();
    popup::help_max_scroll((w, h), rows)
}

/// The rows of help entries: the keys padded to `key_width`, then what they do, wrapped at
/// `width` under its own column.
pub fn key_lines(
    app: &App,
    rows: Vec<(String, Action)>,
    key_width: usize,
    width: usize,
) -> Vec<Line<'static>> {
    let lang = app.lang;
    let mut out = Vec::new();
    for (keys, action) in rows {
        let pad = " ".repeat(key_width.saturating_sub(str_width(&keys)) + 2);
        let first = vec![Span::styled(keys, app.theme.key), Span::raw(pad)];
        out.extend(hanging(first, action.describe(lang), width, Style::new()));
    }
    out
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
                .first_key(action)
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
        buf.set_line(inner.x, inner.y + i as u16, line, inner.width);
    }
}

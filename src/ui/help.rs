//! The `?` overlay: every key, generated from the keymap, so it always tells the truth.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Widget, Wrap};

use crate::app::{App, Keymap};
use crate::i18n::Text;
use crate::text::wrap::str_width;

/// The help lines: one per action, keys then description.
pub fn lines(app: &App) -> Vec<Line<'static>> {
    let lang = app.lang;
    let rows = app.keymap.help_rows();
    let tour_rows = if app.tour.is_some() {
        app.keymap.tour_help_rows()
    } else {
        Vec::new()
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
        out.extend(key_lines(app, tour_rows, key_width));
        out.push(Line::default());
        out.push(Line::from(Span::styled(
            Text::Keys.get(lang),
            app.theme.label,
        )));
    }
    out.extend(key_lines(app, rows, key_width));
    // The lists' and the editor's keys, from their keymap tables, in the same two columns.
    for (title, table) in [
        (Text::InTheLists, &app.keymap.list_bindings),
        (Text::InTheEditor, &app.keymap.editor_bindings),
    ] {
        if table.is_empty() {
            continue;
        }
        out.push(Line::default());
        out.push(Line::from(Span::styled(title.get(lang), app.theme.label)));
        out.extend(key_lines(app, Keymap::table_hints(table), key_width));
        if title == Text::InTheEditor {
            out.push(Line::from(Span::raw(Text::EditorKeys.get(lang))));
        }
    }
    out.push(Line::default());
    out.push(Line::from(vec![
        Span::styled(format!("{} : ", Text::Mouse.get(lang)), app.theme.label),
        Span::raw(Text::MouseHelp.get(lang)),
    ]));
    out.push(Line::default());
    out.push(Line::from(Span::styled(
        Text::CloseHelp.get(lang),
        app.theme.dim,
    )));
    out
}

/// One line per help row: the keys padded to `key_width`, then what they do.
pub fn key_lines(
    app: &App,
    rows: Vec<(String, crate::app::Action)>,
    key_width: usize,
) -> Vec<Line<'static>> {
    let lang = app.lang;
    rows.into_iter()
        .map(|(keys, action)| {
            let pad = " ".repeat(key_width.saturating_sub(str_width(&keys)) + 2);
            Line::from(vec![
                Span::styled(keys, app.theme.key),
                Span::raw(pad),
                Span::raw(action.describe(lang)),
            ])
        })
        .collect()
}

/// Draws the overlay centred over `area`.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let lines = lines(app);
    let width = area.width.saturating_sub(4).min(76);
    // Rows once wrapped (a long line takes several), plus the border.
    let inner_width = usize::from(width.saturating_sub(2)).max(1);
    let rows: usize = lines
        .iter()
        .map(|line| {
            let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
            crate::text::wrap::wrap(&text, inner_width, false)
                .len()
                .max(1)
        })
        .sum();
    let height = (rows as u16)
        .saturating_add(2)
        .min(area.height.saturating_sub(2));
    let [row] = area.layout(&Layout::vertical([Constraint::Length(height)]).flex(Flex::Center));
    let [popup] = row.layout(&Layout::horizontal([Constraint::Length(width)]).flex(Flex::Center));
    Clear.render(popup, buf);
    let title = format!(" glose — {} ", Text::Help.get(app.lang));
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(
            Block::bordered()
                .border_type(BorderType::Rounded)
                .border_style(app.theme.border_focused)
                .title(Span::styled(title, app.theme.label)),
        )
        .render(popup, buf);
}

//! The header (title and author) and the status line (focused part, position, selection, search
//! matches, a message, the most useful keys, taken from the keymap). While the search line is
//! open it takes the status line's place.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};

use crate::app::{Action, App, Message};
use crate::i18n::{Text, not_found};
use crate::text::sanitize::clean_line;
use crate::text::wrap::{str_width, truncate};
use crate::ui::fit;

/// The first line: title — author.
pub fn header(app: &App, area: Rect, buf: &mut Buffer) {
    let meta = &app.article.meta;
    let mut text = format!(" {}", meta.title);
    if !meta.author.is_empty() {
        text.push_str(" — ");
        text.push_str(&meta.author);
    }
    let line = Line::from(Span::styled(
        fit(&text, usize::from(area.width)),
        app.theme.header,
    ));
    buf.set_line(area.x, area.y, &line, area.width);
}

/// The last line: where the reader is and what to press, or the search line. Returns where the
/// terminal cursor goes while the search is typed.
pub fn status_line(app: &App, area: Rect, buf: &mut Buffer) -> Option<Position> {
    if let Some(input) = &app.view.search.input {
        return Some(search_line(app, input, area, buf));
    }
    let lang = app.lang;
    let focus = app.view.focus;
    let pane_title = app.panes.get(focus).map_or("", |p| p.title.as_str());
    let percent = progress(app, focus);
    let mut left = format!(" {} · {} · {percent} %", focus + 1, pane_title);
    if let Some(progress) = app.tour_progress() {
        let now = app.clock.now();
        let label = crate::ui::stop::stop_label(lang, progress.stop, app.article.tour.len());
        let planned = app.article.tour.get(progress.stop).map_or(0, |s| s.minutes);
        left = format!(
            " {label} · {} / {}",
            crate::clock::format_seconds(progress.stop_spent_s(now)),
            crate::clock::format_seconds(u64::from(planned) * 60),
        );
    }
    if let Some(notice) = app.view.notice {
        left = format!(" {}", notice.get(lang));
    }
    match app.view.selected {
        _ if app.tour.is_some() || app.view.notice.is_some() => {}
        Some(i) => {
            let kind = app
                .article
                .annotations
                .get(i)
                .map_or("", |a| lang.kind(a.kind));
            left.push_str(&format!(
                " · {}/{} {kind}",
                i + 1,
                app.article.annotations.len()
            ));
        }
        None if !app.article.annotations.is_empty() => {
            left.push_str(&format!(" · {}", Text::NothingSelected.get(lang)));
        }
        None => {}
    }
    if app.view.marks_hidden {
        left.push_str(&format!(" · {}", Text::MarksHidden.get(lang)));
    }
    if let Some(message) = &app.view.message {
        left = format!(" {message}");
    }
    if let Some(flash) = &app.view.flash {
        left = format!(" {}", message_text(app, flash));
    }
    // The right side: the search while there is one (it matters more than the usual hints,
    // and the left side gives way to it), else the key hints when they fit.
    let search = &app.view.search;
    let width = usize::from(area.width);
    let line = if search.query.is_empty() {
        let hints = hints(app);
        let hints_width = str_width(&hints);
        if str_width(&left) + hints_width + 2 <= width {
            let left = fit(&left, width - hints_width);
            Line::from(vec![Span::raw(left), Span::styled(hints, app.theme.status)])
        } else {
            Line::from(Span::raw(fit(&left, width)))
        }
    } else {
        let count = format!(" {} ", match_count(app));
        let room = width.saturating_sub(str_width(&count) + 2).min(24);
        let (query, used) = truncate(&search.query, room.saturating_sub(1));
        let query = if used < str_width(&search.query) {
            format!(" /{query}…")
        } else {
            format!(" /{query}")
        };
        let right_width = str_width(&query) + str_width(&count);
        let left = fit(&left, width.saturating_sub(right_width));
        Line::from(vec![
            Span::raw(left),
            Span::styled(query, app.theme.key),
            Span::raw(count),
        ])
    };
    buf.set_style(area, app.theme.status);
    buf.set_line(area.x, area.y, &line.style(app.theme.status), area.width);
    None
}

/// "3/7", or "no match".
fn match_count(app: &App) -> String {
    let search = &app.view.search;
    match (search.current, search.matches.len()) {
        (_, 0) => Text::NoMatch.get(app.lang).to_owned(),
        (Some(i), n) => format!("{}/{n}", i + 1),
        (None, n) => format!("{n}"),
    }
}

/// A one-off message in the interface language.
fn message_text(app: &App, message: &Message) -> String {
    let lang = app.lang;
    match message {
        Message::NotFound(query) => not_found(lang, &clean_line(query)),
        Message::NoSearch => Text::NoSearch.get(lang).to_owned(),
        Message::SearchWrapped { to_top: true } => Text::WrappedToTop.get(lang).to_owned(),
        Message::SearchWrapped { to_top: false } => Text::WrappedToBottom.get(lang).to_owned(),
        Message::NotCited => Text::NotCited.get(lang).to_owned(),
    }
}

/// The search line: `/`, the query with the cursor, and the count of matches at the right.
fn search_line(
    app: &App,
    input: &crate::app::line_input::LineInput,
    area: Rect,
    buf: &mut Buffer,
) -> Position {
    let prompt = app
        .keymap
        .first_key(Action::Search)
        .map_or_else(|| "/".to_owned(), |k| k.label(app.lang));
    let count = if input.is_empty() {
        String::new()
    } else {
        format!(" {} ", match_count(app))
    };
    let width = usize::from(area.width);
    let prompt_width = str_width(&prompt);
    let room = width.saturating_sub(prompt_width + str_width(&count) + 1);
    let (shown, column) = input.view(room);
    let pad = " ".repeat(room.saturating_sub(str_width(shown)) + 1);
    let line = Line::from(vec![
        Span::styled(prompt, app.theme.key),
        Span::raw(shown.to_owned()),
        Span::raw(pad),
        Span::styled(count, app.theme.status),
    ]);
    buf.set_style(area, ratatui::style::Style::reset());
    buf.set_line(area.x, area.y, &line, area.width);
    Position::new(
        area.x + (prompt_width + column).min(width.saturating_sub(1)) as u16,
        area.y,
    )
}

/// How far through its pane the reader is, in percent of rows seen.
pub fn progress(app: &App, pane: usize) -> usize {
    let Some(layout) = app.layout(pane) else {
        return 0;
    };
    let height = app
        .screen
        .as_ref()
        .and_then(|s| s.pane(pane))
        .map_or(0, |p| usize::from(p.text.height));
    let top = app.view.tops.get(pane).map_or(0, |t| t.row);
    let total = layout.rows.len().max(1);
    ((top + height).min(total) * 100) / total
}

/// "Tab annotation · ? help · q quit", from the keymap (the tour's keys during the tour).
fn hints(app: &App) -> String {
    let lang = app.lang;
    let mut parts = Vec::new();
    if app.tour.is_some() {
        for (action, label) in [
            (Action::NextStop, Text::NextStop.get(lang)),
            (Action::ToggleTour, Text::LeaveTour.get(lang)),
            (Action::ToggleHelp, Text::PressQuestion.get(lang)),
        ] {
            let key = app
                .keymap
                .tour
                .iter()
                .find(|(_, a)| *a == action)
                .map(|(k, _)| *k)
                .or_else(|| app.keymap.first_key(action));
            if let Some(key) = key {
                parts.push(format!("{} {label}", key.label(lang)));
            }
        }
        return format!("{} ", parts.join(" · "));
    }
    // A text without annotations has nothing for Tab: its contents instead.
    let first = if app.article.annotations.is_empty() {
        (Action::ToggleContents, Text::Contents.get(lang))
    } else {
        (Action::NextAnnotation, Text::HintAnnotation.get(lang))
    };
    for (action, label) in [
        first,
        (Action::ToggleHelp, Text::PressQuestion.get(lang)),
        (Action::Quit, Text::HintQuit.get(lang)),
    ] {
        if let Some(key) = app.keymap.first_key(action) {
            parts.push(format!("{} {label}", key.label(lang)));
        }
    }
    format!("{} ", parts.join(" · "))
}

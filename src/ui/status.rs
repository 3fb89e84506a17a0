//! The header (title and author) and the status line (focused part, position, selection, the
//! most useful keys, taken from the keymap).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::app::{Action, App};
use crate::i18n::Text;
use crate::text::wrap::str_width;
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

/// The last line: where the reader is and what to press.
pub fn status_line(app: &App, area: Rect, buf: &mut Buffer) {
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
    let hints = hints(app);
    let width = usize::from(area.width);
    let hints_width = str_width(&hints);
    let line = if str_width(&left) + hints_width + 2 <= width {
        let left = fit(&left, width - hints_width);
        Line::from(vec![Span::raw(left), Span::styled(hints, app.theme.status)])
    } else {
        Line::from(Span::raw(fit(&left, width)))
    };
    buf.set_style(area, app.theme.status);
    buf.set_line(area.x, area.y, &line.style(app.theme.status), area.width);
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
                parts.push(format!("{key} {label}"));
            }
        }
        return format!("{} ", parts.join(" · "));
    }
    for (action, label) in [
        (
            Action::NextAnnotation,
            lang.pick("annotation", "annotation"),
        ),
        (Action::ToggleHelp, Text::PressQuestion.get(lang)),
        (Action::Quit, lang.pick("quit", "quitter")),
    ] {
        if let Some(key) = app.keymap.first_key(action) {
            parts.push(format!("{key} {label}"));
        }
    }
    format!("{} ", parts.join(" · "))
}

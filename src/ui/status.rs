//! The header (title and author) and the status line (focused part, position, selection, search
//! matches, a message, the most useful keys, taken from the keymap). While the search line is
//! open it takes the status line's place.

use crate::i18n::screen as msg;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};

use crate::app::{Action, App, Message};
use crate::i18n::{Text, not_found};
use crate::text::sanitize::clean_line;
use crate::text::wrap::{str_width, truncate};
use crate::ui::cells;
use crate::ui::fit;

/// The fewest columns a shortened part title keeps (`Une écon…`); with less room it goes.
const MIN_TITLE: usize = 8;

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
    cells::set_line(buf, area.x, area.y, &line, area.width);
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
    // The left side in three pieces, so the part title can give way before anything else:
    // `head` (the part's number), `title`, `tail` (progress, selection, marks).
    let mut head = format!(" {} · ", focus + 1);
    let mut title = pane_title.to_owned();
    let mut tail = format!(" · {percent} %");
    let replace = |text: String, head: &mut String, title: &mut String, tail: &mut String| {
        *head = text;
        title.clear();
        tail.clear();
    };
    if let Some(progress) = app.tour_progress() {
        let now = app.clock.now();
        let label = crate::layout::stop::stop_label(lang, progress.stop, app.article.tour.len());
        let planned = app.article.tour.get(progress.stop).map_or(0, |s| s.minutes);
        replace(
            format!(
                " {label} · {} / {}",
                crate::clock::format_seconds(progress.stop_spent_s(now)),
                crate::clock::format_seconds(u64::from(planned) * 60),
            ),
            &mut head,
            &mut title,
            &mut tail,
        );
    }
    if let Some(notice) = app.view.notice {
        replace(
            format!(" {}", notice.get(lang)),
            &mut head,
            &mut title,
            &mut tail,
        );
    }
    match app.view.selected {
        _ if app.tour.is_some() || app.view.notice.is_some() => {}
        None if app.view.link.is_some() => {
            let url = app
                .view
                .link
                .and_then(|i| app.article.links.get(i))
                .map_or("", |l| l.url.as_str());
            tail.push_str(&format!(" · {} {url}", msg::link(lang)));
        }
        Some(i) => {
            let kind = app
                .article
                .annotations
                .get(i)
                .map_or("", |a| lang.kind(a.kind));
            tail.push_str(&format!(
                " · {}/{} {kind}",
                i + 1,
                app.article.annotations.len()
            ));
        }
        None if !app.article.annotations.is_empty() => {
            tail.push_str(&format!(" · {}", Text::NothingSelected.get(lang)));
        }
        None => {}
    }
    if app.view.marks_hidden {
        tail.push_str(&format!(" · {}", Text::MarksHidden.get(lang)));
    }
    // Following a room: where the room is, first, so it is the last thing cut.
    if let Some(room) = app.follow_status() {
        head = format!(" {room} ·{head}");
    }
    // A draft: how many problems, and the key that lists them, first so it is never cut.
    let problems = app.problems.iter().filter(|p| p.is_error()).count();
    if problems > 0 {
        let key = app
            .keymap
            .first_key(
                crate::input::Mode::Reader,
                crate::app::Action::ToggleProblems,
            )
            .map(|k| k.label(lang))
            .unwrap_or_else(|| "!".to_owned());
        let count = crate::i18n::count_of(lang, problems, crate::i18n::words::PROBLEMS);
        let see = msg::press_see_them(lang, &count, &key);
        head = format!(" ⚠ {see} ·{head}");
    }
    if let Some(message) = &app.view.message {
        replace(format!(" {message}"), &mut head, &mut title, &mut tail);
    }
    if let Some((count, _)) = app.view.count {
        replace(
            format!(" {count} {}", Text::CountPending.get(lang)),
            &mut head,
            &mut title,
            &mut tail,
        );
    }
    if let Some(flash) = &app.view.flash {
        replace(
            format!(" {}", message_text(app, flash)),
            &mut head,
            &mut title,
            &mut tail,
        );
    }
    // The right side: the search while there is one (it matters more than the usual hints,
    // and the left side gives way to it), else the key hints: the part title shortens first,
    // then the hints do, down to `? help`, which always stays.
    let search = &app.view.search;
    let width = usize::from(area.width);
    let line = if search.query.is_empty() {
        let sets = hints(app);
        let fixed = str_width(&head) + str_width(&tail);
        let chosen = sets.iter().find(|hints| {
            let room = width.saturating_sub(str_width(hints) + 2);
            fixed + str_width(&title).min(MIN_TITLE) <= room
        });
        let hints = chosen.or(sets.last()).cloned().unwrap_or_default();
        let room = width.saturating_sub(str_width(&hints));
        let title_room = room.saturating_sub(fixed + 2);
        let left = if title.is_empty() {
            format!("{head}{tail}")
        } else if str_width(&title) <= title_room {
            format!("{head}{title}{tail}")
        } else if title_room >= MIN_TITLE {
            format!("{head}{}{tail}", fit(&title, title_room).trim_end())
        } else {
            // No room for the title: the part's number is enough.
            format!("{}{tail}", head.trim_end_matches(" · "))
        };
        Line::from(vec![
            Span::raw(fit(&left, room)),
            Span::styled(fit(&hints, width.min(str_width(&hints))), app.theme.status),
        ])
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
        let left = fit(
            &format!("{head}{title}{tail}"),
            width.saturating_sub(right_width),
        );
        Line::from(vec![
            Span::raw(left),
            Span::styled(query, app.theme.key),
            Span::raw(count),
        ])
    };
    buf.set_style(area, app.theme.status);
    cells::set_line(
        buf,
        area.x,
        area.y,
        &line.style(app.theme.status),
        area.width,
    );
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
        .first_key(crate::input::Mode::Reader, Action::Search)
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
    cells::set_line(buf, area.x, area.y, &line, area.width);
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

/// The key hints from the keymap (the tour's keys during the tour), longest first: each next
/// one is shorter, and the last is only `? help`.
fn hints(app: &App) -> Vec<String> {
    let lang = app.lang;
    let mode = if app.tour.is_some() {
        crate::input::Mode::Tour
    } else {
        crate::input::Mode::Reader
    };
    let key = |action| app.keymap.first_key(mode, action).map(|k| k.label(lang));
    let sets: &[&[(Action, Text)]] = if app.tour.is_some() {
        &[
            &[
                (Action::NextStop, Text::NextStop),
                (Action::ToggleTour, Text::LeaveTour),
                (Action::ToggleHelp, Text::PressQuestion),
            ],
            &[
                (Action::NextStop, Text::NextStop),
                (Action::ToggleHelp, Text::PressQuestion),
            ],
            &[(Action::ToggleHelp, Text::PressQuestion)],
        ]
    } else if app.article.annotations.is_empty() {
        // A text without annotations has nothing for Tab: its contents instead.
        &[
            &[
                (Action::ToggleContents, Text::Contents),
                (Action::ToggleHelp, Text::PressQuestion),
                (Action::Quit, Text::HintQuit),
            ],
            &[
                (Action::ToggleHelp, Text::PressQuestion),
                (Action::Quit, Text::HintQuit),
            ],
            &[(Action::ToggleHelp, Text::PressQuestion)],
        ]
    } else {
        &[
            &[
                (Action::NextAnnotation, Text::HintAnnotation),
                (Action::ToggleHelp, Text::PressQuestion),
                (Action::Quit, Text::HintQuit),
            ],
            &[
                (Action::ToggleHelp, Text::PressQuestion),
                (Action::Quit, Text::HintQuit),
            ],
            &[(Action::ToggleHelp, Text::PressQuestion)],
        ]
    };
    sets.iter()
        .map(|set| {
            let parts: Vec<String> = set
                .iter()
                .filter_map(|&(action, label)| {
                    key(action).map(|k| format!("{k} {}", label.get(lang)))
                })
                .collect();
            format!("{} ", parts.join(" · "))
        })
        .collect()
}

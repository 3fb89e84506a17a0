//! Draws the presenter's screen: the stop as `layout::present` planned it for the size (the
//! same plan `update` clamps the scroll with), scrolled when it is taller than the screen, the
//! footer with the progress bar and the times, and the presenter's help.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Widget};
use tui_big_text::BigText;

use crate::app::App;
use crate::clock::format_seconds;
use crate::i18n::{Lang, Text};
use crate::layout::present::{Big, Plan, Section, overflow, plan, theme};
use crate::present::Presenter;
use crate::text::wrap::str_width;
use crate::theme::Theme;
use crate::tour::TourProgress;
use crate::ui::cells;
use crate::ui::fit;

/// Draws the presenter over the whole `area`.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let (Some(presenter), Some(progress)) = (&app.presenter, app.tour_progress()) else {
        return;
    };
    let theme = theme(&app.theme);
    Clear.render(area, buf);
    buf.set_style(area, theme.text);
    if presenter.blanked {
        // Nothing at all: the room looks at the facilitator again.
        return;
    }
    if area.width < 20 || area.height < 6 {
        let message = format!(
            "{}{}{}×{}",
            Text::TooSmall.get(app.lang),
            app.lang.colon(),
            area.width,
            area.height
        );
        cells::set_line(
            buf,
            area.x,
            area.y,
            &Line::raw(fit(&message, usize::from(area.width))),
            area.width,
        );
        return;
    }
    let now = app.clock.now();
    let Some(stop) = app.article.tour.get(progress.stop) else {
        return;
    };
    let [body, footer] = area.layout(&Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(1),
    ]));
    let plan = plan(
        &app.article,
        stop,
        &app.presenter_reveal(),
        &theme,
        app.lang,
        body,
    );
    draw_scrolled(&plan, presenter, &app.keymap, &theme, app.lang, body, buf);
    render_footer(app, progress, &theme, now, footer, buf);
    if presenter.join {
        crate::ui::room::render_join(app, &theme, area, buf);
        return;
    }
    if presenter.help {
        render_help(app, presenter, &theme, area, buf);
    }
}

/// Draws the plan in `body`; a plan taller than `body` is drawn from the presenter's scroll
/// row, with a mark on the last row saying what is above or below and which key shows it.
fn draw_scrolled(
    plan: &Plan,
    presenter: &Presenter,
    keymap: &crate::input::Keymap,
    theme: &Theme,
    lang: Lang,
    body: Rect,
    buf: &mut Buffer,
) {
    let Some(visible) = overflow(plan, body) else {
        draw(plan, body, buf);
        return;
    };
    let total = plan.height();
    let scroll = presenter.scroll.min(total - visible);
    let whole = Rect::new(0, 0, body.width, u16::try_from(total).unwrap_or(u16::MAX));
    let mut off = Buffer::empty(whole);
    off.set_style(whole, theme.text);
    draw(plan, whole, &mut off);
    for row in 0..visible {
        let (Ok(from), Ok(to)) = (u16::try_from(scroll + row), u16::try_from(row)) else {
            break;
        };
        for x in 0..body.width {
            if let (Some(cell), Some(target)) =
                (off.cell((x, from)), buf.cell_mut((body.x + x, body.y + to)))
            {
                *target = cell.clone();
            }
        }
    }
    let key = |action| {
        keymap
            .first_key(crate::input::Mode::Presenter, action)
            .map(|k| k.label(lang))
            .unwrap_or_default()
    };
    let mark = if scroll + visible < total {
        let above = if scroll > 0 { "▲ " } else { "" };
        format!(
            "{above}▼ {}{}{}",
            Text::MoreBelow.get(lang),
            lang.colon(),
            key(crate::app::Action::LineDown)
        )
    } else {
        format!(
            "▲ {}{}{}",
            Text::MoreAbove.get(lang),
            lang.colon(),
            key(crate::app::Action::LineUp)
        )
    };
    let mark = fit(&mark, usize::from(body.width)).trim_end().to_owned();
    let width = u16::try_from(str_width(&mark)).unwrap_or(body.width);
    let y = body.y + u16::try_from(visible).unwrap_or(0);
    cells::set_line(
        buf,
        body.x + body.width.saturating_sub(width) / 2,
        y,
        &Line::from(Span::styled(mark, theme.label)),
        body.width,
    );
}

/// Draws the plan's sections, centred vertically in `body`.
fn draw(plan: &Plan, body: Rect, buf: &mut Buffer) {
    let column = plan.column.min(body.width);
    let x = body.x + (body.width - column) / 2;
    let height = plan.height().min(usize::from(body.height)) as u16;
    let mut y = body.y + (body.height - height) / 2;
    let bottom = body.bottom();
    for section in &plan.sections {
        if y >= bottom {
            break;
        }
        match section {
            Section::Gap => y += 1,
            Section::Lines { lines, centred } => {
                for line in lines {
                    if y >= bottom {
                        break;
                    }
                    let width = line_width(line).min(usize::from(column)) as u16;
                    let offset = if *centred { (column - width) / 2 } else { 0 };
                    cells::set_line(buf, x + offset, y, line, column - offset);
                    y += 1;
                }
            }
            Section::BigFigure {
                text,
                big,
                style,
                wide,
            } => {
                let rows = big.cell().0.min(bottom - y);
                let area = if *wide {
                    Rect::new(body.x, y, body.width, rows)
                } else {
                    Rect::new(x, y, column, rows)
                };
                match big {
                    Big::Glyphs(size) => BigText::builder()
                        .pixel_size(*size)
                        .style(*style)
                        .lines(vec![Line::from(text.clone())])
                        .centered()
                        .build()
                        .render(area, buf),
                    Big::Plain => {
                        let line = Line::from(Span::styled(
                            text.clone(),
                            style.add_modifier(Modifier::BOLD),
                        ));
                        let width = line_width(&line).min(usize::from(column)) as u16;
                        cells::set_line(buf, x + (column - width) / 2, y, &line, column);
                    }
                }
                y += rows;
            }
        }
    }
}

fn line_width(line: &Line) -> usize {
    line.spans.iter().map(|s| str_width(&s.content)).sum()
}

/// The last row: stop n/N, a progress bar, the time on this stop against the plan and the
/// tour's time.
fn render_footer(
    app: &App,
    progress: &TourProgress,
    theme: &Theme,
    now: std::time::Duration,
    area: Rect,
    buf: &mut Buffer,
) {
    let count = app.article.tour.len();
    let lang = app.lang;
    if let Some(offer) = app.presenter.as_ref().and_then(|p| p.offer.as_ref()) {
        // The previous session, offered back until the next key: the whole row says so.
        let saved = &offer.saved;
        let (what, keys) = if offer.resumed {
            (Text::SessionResumed, Text::NewSessionKeys)
        } else {
            (Text::PreviousSession, Text::ResumeSessionKeys)
        };
        let text = format!(
            " {}{}{}, {} · {} ",
            what.get(lang),
            lang.colon(),
            crate::layout::stop::stop_label(lang, saved.stop, count),
            format_seconds(saved.tour_s),
            keys.get(lang)
        );
        let line = Line::styled(fit(&text, usize::from(area.width)), theme.status);
        cells::set_line(buf, area.x, area.y, &line, area.width);
        return;
    }
    let typed = app
        .presenter
        .as_ref()
        .and_then(|p| p.count)
        .map(|n| format!(" → {n}"))
        .unwrap_or_default();
    let label_full = format!(
        "{typed} {} ",
        crate::layout::stop::stop_label(lang, progress.stop, count)
    );
    let label_short = format!("{typed} {}/{count} ", progress.stop + 1);
    let stop_s = progress.stop_spent_s(now);
    let planned = app.article.tour.get(progress.stop).map_or(0, |s| s.minutes);
    let planned_s = u64::from(planned) * 60;
    let times_full = format!(
        " {} / {} · {} {} ",
        format_seconds(stop_s),
        format_seconds(planned_s),
        Text::TourTotal.get(lang),
        format_seconds(progress.elapsed_s(now))
    );
    let times_short = format!(
        " {}/{} · {} ",
        format_seconds(stop_s),
        format_seconds(planned_s),
        format_seconds(progress.elapsed_s(now))
    );
    let presenter = app.presenter.as_ref();
    let flags = |times: String| {
        if presenter.is_some_and(|p| p.confirm_reset) {
            format!(" {} ", Text::ResetClocksQuestion.get(lang))
        } else if progress.paused_at.is_some() {
            format!(" {} ·{times}", Text::ClocksPaused.get(lang))
        } else {
            times
        }
    };
    let (times_full, times_short) = (flags(times_full), flags(times_short));
    let width = usize::from(area.width);
    // With a room, its address (and the answers so far) where the room can read it: shorter
    // words first, the address last, so that it fits 80 columns.
    let (room_full, room_short) = (
        crate::ui::room::footer_text(app, false),
        crate::ui::room::footer_text(app, true),
    );
    let address = app.room.as_ref().map(|room| format!(" {} ", room.join));
    let candidates = [
        (&label_full, room_full.as_ref(), &times_full),
        (&label_full, room_short.as_ref(), &times_full),
        (&label_full, room_short.as_ref(), &times_short),
        (&label_short, room_short.as_ref(), &times_short),
        // The count is in the poll's heading too; the address is only here.
        (&label_short, address.as_ref(), &times_short),
    ];
    let fits = |(label, room, times): &(&String, Option<&String>, &String)| {
        str_width(label) + room.map_or(0, |r| str_width(r)) + str_width(times) + 4 <= width
    };
    let (label, room, times) =
        candidates
            .iter()
            .copied()
            .find(fits)
            .unwrap_or((&label_full, None, &times_full));
    let label = format!("{label}{}", room.map_or("", String::as_str));
    let times = times.clone();
    let bar_width = width.saturating_sub(str_width(&label) + str_width(&times));
    let done = (bar_width * (progress.stop + 1))
        .checked_div(count)
        .unwrap_or(0)
        .min(bar_width);
    let over = stop_s > planned_s;
    let times_style = if over { theme.misreported } else { theme.dim };
    let line = Line::from(vec![
        Span::styled(label, theme.label),
        Span::styled("━".repeat(done), theme.label),
        Span::styled("─".repeat(bar_width - done), theme.dim),
        Span::styled(times, times_style),
    ]);
    cells::set_line(buf, area.x, area.y, &line, area.width);
}

/// The presenter's keys, from its keymap. A description longer than its column wraps under
/// itself (at 80 columns, `J`'s does), so no line is cut at the frame.
fn render_help(app: &App, presenter: &Presenter, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let lang = app.lang;
    let rows = app.keymap.help_rows(crate::input::Mode::Presenter, lang);
    let key_width = rows.iter().map(|(k, _)| str_width(k)).max().unwrap_or(0);
    // Inside the frame's borders, the keys' column and two spaces.
    let inner = usize::from(crate::layout::popup::presenter_help(area, 0).width).saturating_sub(2);
    let text_width = inner.saturating_sub(key_width + 2).max(12);
    let french = lang.french_typography();
    let mut lines: Vec<Line> = Vec::new();
    let mut row = |keys: String, text: &str| {
        let wrapped = crate::layout::lines::wrap_text(text, text_width, Style::new(), french);
        for (i, line) in wrapped.into_iter().enumerate() {
            let keys = if i == 0 { keys.clone() } else { String::new() };
            let pad = " ".repeat(key_width.saturating_sub(str_width(&keys)) + 2);
            let mut spans = vec![Span::styled(keys, theme.key), Span::raw(pad)];
            spans.extend(line.spans);
            lines.push(Line::from(spans));
        }
    };
    for (keys, action) in rows {
        let text = action.describe_in(crate::app::Mode::Presenter, presenter.quit_on_close, lang);
        row(keys, text);
    }
    // The blank line before the last goes where the frame would cover the footer (80×24).
    if lines.len() + 5 <= usize::from(area.height) {
        lines.push(Line::default());
    }
    lines.push(Line::from(Span::styled(
        Text::CloseHelp.get(lang),
        theme.dim,
    )));
    let popup = crate::layout::popup::presenter_help(area, lines.len());
    Clear.render(popup, buf);
    let title = format!(" {} ", Text::PresenterHelp.get(lang));
    Paragraph::new(lines)
        .style(theme.text)
        .block(
            Block::bordered()
                .border_type(BorderType::Rounded)
                .border_style(theme.border_focused)
                .title(Span::styled(title, theme.label)),
        )
        .render(popup, buf);
}

#[cfg(test)]
mod screens {
    use std::sync::Arc;
    use std::time::Duration;

    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    use crate::app::{Action, App};
    use crate::clock::ManualClock;
    use crate::i18n::Lang;
    use crate::theme::{Theme, ThemeName};

    /// The fixture's presenter at `stop`, 2 min 5 s into the stop, after `actions`.
    fn screen(size: (u16, u16), stop: usize, actions: &[Action]) -> Terminal<TestBackend> {
        let clock = ManualClock::new();
        let mut app = App::new(
            crate::tour::fixture::article(),
            Lang::Fr,
            Theme::named(ThemeName::Monochrome),
            size,
        )
        .with_clock(Arc::new(clock.clone()));
        app.open_presenter(true);
        for _ in 0..stop {
            clock.advance(Duration::from_secs(60));
            app.update(Action::NextStop);
        }
        clock.advance(Duration::from_secs(125));
        for action in actions {
            app.update(*action);
        }
        let mut terminal = Terminal::new(TestBackend::new(size.0, size.1)).unwrap();
        terminal
            .draw(|frame| crate::ui::render(&app, frame))
            .unwrap();
        terminal
    }

    #[test]
    fn figure_stop_80x24() {
        let terminal = screen((80, 24), 0, &[]);
        insta::assert_snapshot!(terminal.backend());
    }

    #[test]
    fn figure_stop_200x60() {
        let terminal = screen((200, 60), 0, &[]);
        insta::assert_snapshot!(terminal.backend());
    }

    #[test]
    fn range_figure_revealed_80x24() {
        let terminal = screen((80, 24), 2, &[Action::RevealVerdict]);
        insta::assert_snapshot!(terminal.backend());
    }

    #[test]
    fn quote_stop_80x24() {
        let terminal = screen((80, 24), 3, &[]);
        insta::assert_snapshot!(terminal.backend());
    }

    #[test]
    fn quote_stop_200x60() {
        let terminal = screen((200, 60), 3, &[]);
        insta::assert_snapshot!(terminal.backend());
    }

    #[test]
    fn part_stop_80x24() {
        let terminal = screen((80, 24), 1, &[]);
        insta::assert_snapshot!(terminal.backend());
    }

    #[test]
    fn the_annotated_words_are_emphasised_in_the_passage() {
        use ratatui::style::Modifier;
        let terminal = screen((80, 24), 0, &[]);
        let buffer = terminal.backend().buffer();
        let row = (0..24)
            .find(|&y| {
                let line: String = (0..80).map(|x| buffer[(x, y)].symbol()).collect();
                line.contains("près de 430")
            })
            .expect("the passage is on screen");
        let line: String = (0..80).map(|x| buffer[(x, row)].symbol()).collect();
        let column = |text: &str| {
            let byte = line.find(text).unwrap();
            line[..byte].chars().count() as u16
        };
        let words = buffer[(column("430 millions"), row)].modifier;
        let before = buffer[(column("près"), row)].modifier;
        assert!(
            words.contains(Modifier::REVERSED | Modifier::BOLD),
            "{words:?}"
        );
        assert!(!before.contains(Modifier::REVERSED), "{before:?}");
    }

    #[test]
    fn blank_screen_80x24() {
        let terminal = screen((80, 24), 0, &[Action::Blank]);
        let text = terminal.backend().to_string();
        assert!(
            text.lines().all(|l| l.trim_matches(['"', ' ']).is_empty()),
            "{text}"
        );
        insta::assert_snapshot!(terminal.backend());
    }

    #[test]
    fn no_size_makes_it_panic() {
        for stop in 0..4 {
            for (w, h) in [
                (1, 1),
                (5, 3),
                (19, 5),
                (20, 6),
                (33, 9),
                (40, 12),
                (61, 17),
                (300, 90),
            ] {
                for actions in [&[][..], &[Action::RevealVerdict], &[Action::ToggleHelp]] {
                    let terminal = screen((w, h), stop, actions);
                    assert_eq!(terminal.backend().buffer().area.width, w);
                }
            }
        }
    }

    /// Every row the presenter shows for the current stop, scrolling down to its end: rows
    /// keyed by their place in the whole stop, so overlapping views count once.
    fn everything_shown(app: &mut App, size: (u16, u16)) -> (String, usize) {
        let mut rows = std::collections::BTreeMap::new();
        let mut views = 0;
        loop {
            let mut terminal = Terminal::new(TestBackend::new(size.0, size.1)).unwrap();
            terminal
                .draw(|frame| crate::ui::render(app, frame))
                .unwrap();
            let buffer = terminal.backend().buffer().clone();
            let scrolls = app.presenter_max_scroll() > 0;
            // The footer, and the mark above it when the stop scrolls, are not the stop.
            let visible = size.1 - 1 - u16::from(scrolls);
            let scroll = app.presenter.as_ref().unwrap().scroll;
            for y in 0..visible {
                let line: String = (0..size.0).map(|x| buffer[(x, y)].symbol()).collect();
                rows.insert(scroll + usize::from(y), line);
            }
            views += 1;
            app.update(Action::LineDown);
            if app.presenter.as_ref().unwrap().scroll == scroll {
                break;
            }
        }
        let text: Vec<String> = rows.into_values().collect();
        (squash(&text.join(" ")), views)
    }

    /// Spaces of every kind, and runs of them, as one plain space.
    fn squash(text: &str) -> String {
        text.split(|c: char| c.is_whitespace())
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn every_stop_of_the_bundled_tour_is_shown_whole_at_every_size() {
        let article = crate::content::load_bundled().unwrap().article;
        let mut scrolled = 0;
        for size in [(80, 24), (120, 35), (200, 60)] {
            for index in 0..article.tour.len() {
                let mut app = App::new(
                    article.clone(),
                    Lang::Fr,
                    Theme::named(ThemeName::HighContrast),
                    size,
                );
                app.open_presenter(true);
                app.update(Action::Resize(size.0, size.1));
                for _ in 0..index {
                    app.update(Action::NextStop);
                }
                app.update(Action::RevealVerdict);
                let (shown, views) = everything_shown(&mut app, size);
                scrolled += usize::from(views > 1);
                let stop = &article.tour[index];
                let mut wanted: Vec<String> =
                    stop.questions.iter().map(|q| format!("• {q}")).collect();
                let wide = usize::from(size.0) - 2 * (usize::from(size.0) / 20).max(2);
                if crate::layout::present::big_glyphs(&stop.title)
                    .is_none_or(|t| t.chars().count() * 4 > wide)
                {
                    wanted.push(stop.title.clone());
                }
                if let Some(a) = stop.annotation.map(|i| &article.annotations[i]) {
                    wanted.push(article.slice(a.range.clone()).to_owned());
                    wanted.push(a.note.clone());
                    if let Some(source) = a.source.map(|s| &article.sources[s]) {
                        wanted.push(source.author.clone());
                        wanted.push(source.title.clone());
                    }
                }
                for part in wanted {
                    let part = squash(&part);
                    assert!(
                        shown.contains(&part),
                        "stop {} at {size:?} lost {part:?}\nshown: {shown}",
                        index + 1
                    );
                }
                let paragraph = article.stop_paragraph(stop).unwrap();
                let anchor = stop.annotation.map_or_else(
                    || {
                        let text = article.slice(paragraph.clone());
                        text.split_whitespace()
                            .take(3)
                            .collect::<Vec<_>>()
                            .join(" ")
                    },
                    |a| {
                        article
                            .slice(article.annotations[a].range.clone())
                            .to_owned()
                    },
                );
                let paragraph = squash(article.slice(paragraph));
                if let Err(why) = passage_whole_or_marked(&shown, &paragraph, &squash(&anchor)) {
                    panic!("stop {} at {size:?}: {why}\nshown: {shown}", index + 1);
                }
            }
        }
        let _ = scrolled;
    }

    /// Checks that the passage in `shown` (the longest run of `paragraph` around `anchor`) is
    /// the whole paragraph, or says with `…` on each side where it goes on, and is cut there
    /// between sentences.
    fn passage_whole_or_marked(shown: &str, paragraph: &str, anchor: &str) -> Result<(), String> {
        let mut best: Option<(usize, usize)> = None;
        for (at, _) in shown.match_indices(anchor) {
            let (mut from, mut to) = (at, at + anchor.len());
            while let Some(c) = shown[to..].chars().next() {
                if !paragraph.contains(&shown[from..to + c.len_utf8()]) {
                    break;
                }
                to += c.len_utf8();
            }
            while let Some(c) = shown[..from].chars().next_back() {
                if !paragraph.contains(&shown[from - c.len_utf8()..to]) {
                    break;
                }
                from -= c.len_utf8();
            }
            if best.is_none_or(|(f, t)| t - f < to - from) {
                best = Some((from, to));
            }
        }
        let (from, to) = best.ok_or_else(|| format!("the passage's {anchor:?} is not shown"))?;
        let piece = shown[from..to].trim();
        let sentence_end = |s: &str| s.ends_with(['.', '!', '?', '»', '…', ')', ':']);
        if !paragraph.starts_with(piece) {
            if !shown[..from].trim_end().ends_with('…') {
                return Err(format!("cut before {piece:?} with no …"));
            }
            let before = &paragraph[..paragraph.find(piece).unwrap_or(0)];
            if !sentence_end(before.trim_end()) {
                return Err(format!("cut mid-sentence before {piece:?}"));
            }
        }
        if !paragraph.ends_with(piece) {
            if !shown[to..].trim_start().starts_with('…') {
                return Err(format!("cut after {piece:?} with no …"));
            }
            if !sentence_end(piece) {
                return Err(format!("cut mid-sentence after {piece:?}"));
            }
        }
        Ok(())
    }

    #[test]
    fn the_passage_check_catches_a_silent_cut() {
        let paragraph = "Une. Deux trois. Quatre.";
        let check = |shown: &str| passage_whole_or_marked(shown, paragraph, "trois");
        assert_eq!(check("Titre … Deux trois. … Source"), Ok(()));
        assert_eq!(check("Titre Une. Deux trois. Quatre. Source"), Ok(()));
        assert!(check("Titre Deux trois. Source").is_err(), "no …");
        assert!(
            check("Titre Une. Deux trois. Source").is_err(),
            "no … after"
        );
        assert!(check("Titre … trois. … Source").is_err(), "mid-sentence");
        assert!(check("Titre Source").is_err(), "not shown");
    }

    #[test]
    fn a_tall_stop_says_there_is_more_below_and_scrolls_to_it() {
        let mut article = crate::tour::fixture::article();
        // A long verdict: what the source says, twenty times over.
        let first = article.tour[0].annotation.unwrap();
        let note = article.annotations[first].note.clone();
        article.annotations[first].note = [note.as_str(); 20].join(" ");
        let mut app = App::new(
            article,
            Lang::En,
            Theme::named(ThemeName::HighContrast),
            (80, 24),
        )
        .with_clock(Arc::new(ManualClock::new()));
        app.open_presenter(true);
        app.update(Action::RevealVerdict);
        assert!(app.presenter_max_scroll() > 0, "taller than 80×24");
        let (shown, views) = everything_shown(&mut app, (80, 24));
        assert!(views > 1);
        assert!(shown.contains(&squash(&app.article.annotations[first].note)));
        app.update(Action::FirstStop);
        app.update(Action::LastStop);
        app.update(Action::FirstStop);
        app.update(Action::RevealVerdict);
        let draw = |app: &App| {
            let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
            terminal
                .draw(|frame| crate::ui::render(app, frame))
                .unwrap();
            terminal
        };
        let top = draw(&app);
        let text = top.backend().to_string();
        assert!(text.contains("▼ more below: ↓"), "{text}");
        insta::assert_snapshot!("tall_stop_top_80x24", top.backend());
        for _ in 0..app.presenter_max_scroll() + 3 {
            app.update(Action::Wheel(10, 10, 3));
        }
        let bottom = draw(&app);
        let text = bottom.backend().to_string();
        assert!(text.contains("▲ more above: ↑"), "{text}");
        assert!(!text.contains("more below"), "{text}");
        app.update(Action::NextStop);
        assert_eq!(
            app.presenter.as_ref().unwrap().scroll,
            0,
            "a new stop starts at its top"
        );
    }

    #[test]
    fn help_lists_the_presenter_keys() {
        let terminal = screen((80, 24), 0, &[Action::ToggleHelp]);
        insta::assert_snapshot!(terminal.backend());
    }

    /// At 80×24, in French and in English, every key's description is there whole: a long one
    /// (`J`'s) wraps inside the frame instead of being cut at it.
    #[test]
    fn the_presenter_help_cuts_no_line_at_80_columns() {
        for lang in [Lang::Fr, Lang::En] {
            let mut app = App::new(
                crate::tour::fixture::article(),
                lang,
                Theme::named(ThemeName::Monochrome),
                (80, 24),
            );
            app.open_presenter(true);
            app.update(Action::ToggleHelp);
            let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
            terminal.draw(|f| crate::ui::render(&app, f)).unwrap();
            let shown = terminal.backend().to_string();
            let words: String = shown
                .lines()
                .map(|l| l.trim_matches(|c| c == '"' || c == ' ').trim_matches('│'))
                .collect::<Vec<_>>()
                .join(" ");
            let words: Vec<&str> = words.split_whitespace().collect();
            let words = words.join(" ");
            for (_, action) in app.keymap.help_rows(crate::input::Mode::Presenter, lang) {
                let text = action.describe_in(crate::input::Mode::Presenter, true, lang);
                assert!(
                    words.contains(text),
                    "{lang:?}: {text:?} is whole in\n{shown}"
                );
            }
            assert!(words.contains("(--room)"), "{shown}");
            let footer = shown.lines().last().unwrap_or("");
            assert!(footer.contains("1/4"), "the footer stays in sight: {shown}");
        }
    }
}

//! The notes window's screen: a header with where the presenter is and the times (always
//! visible), the stop's notes (scrollable), the next stop pinned above the status line. While no
//! presenter runs: a centred "waiting" message with what to do.

use crate::i18n::screen as msg;
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Widget};

use crate::app::{Action, Mode};
use crate::facilitator_notes::FacilitatorNotes;
use crate::i18n::Text;
use crate::layout::facilitator_notes::{body_lines, text_area};
use crate::layout::stop::{self, Timing};
use crate::text::wrap::str_width;
use crate::ui::cells;
use crate::ui::{fit, wrap_text};

/// Draws one frame of the notes window.
pub fn render(notes: &FacilitatorNotes, frame: &mut Frame) {
    render_buffer(notes, frame.buffer_mut());
}

/// Draws the notes window into `buf`, the size of the terminal.
pub fn render_buffer(notes: &FacilitatorNotes, buf: &mut Buffer) {
    let area = buf.area;
    draw(notes, area, buf);
    // High contrast paints every cell's colours itself: readable whatever the terminal's.
    notes.theme.fill(area, buf);
}

fn draw(notes: &FacilitatorNotes, area: Rect, buf: &mut Buffer) {
    Clear.render(area, buf);
    let [header, body, next, status] = area.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ]));
    let Some(timing) = notes.timing() else {
        waiting(notes, area, buf);
        return;
    };
    render_header(notes, timing, header, buf);
    let inner = text_area(body);
    let lines = body_lines(&notes.body(), timing, usize::from(inner.width));
    let shown: Vec<Line> = lines
        .into_iter()
        .skip(notes.scroll)
        .take(usize::from(inner.height))
        .collect();
    Paragraph::new(shown).render(inner, buf);
    render_next(notes, timing, text_area(next), buf);
    render_status(notes, status, buf);
    if notes.help {
        render_help(notes, body, buf);
    }
}

/// " Étape 2/4 · 2:05 / 2:00 · visite 3:05 / 14:00 · 0:05 de retard "
fn render_header(notes: &FacilitatorNotes, timing: Timing, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let article = &notes.article;
    let theme = &notes.theme;
    let lang = notes.lang;
    let spans = vec![
        Span::raw(format!(
            " {} · ",
            stop::stop_label(lang, timing.stop, article.tour.len())
        )),
        stop::stop_time(article, timing, theme),
        Span::raw(format!(
            " · {} · {} ",
            stop::tour_time(article, timing, lang),
            stop::schedule(article, timing, lang)
        )),
    ];
    buf.set_style(area, theme.status);
    cells::set_line(
        buf,
        area.x,
        area.y,
        &Line::from(spans).style(theme.status),
        area.width,
    );
}

/// "Ensuite : Étape 3/4 · Un salaire de survie (3 min)", or the end of the tour.
fn render_next(notes: &FacilitatorNotes, timing: Timing, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let article = &notes.article;
    let lang = notes.lang;
    let text = match article.tour.get(timing.stop + 1) {
        Some(next) => format!(
            "{}{}{} · {} ({} min)",
            Text::Next.get(lang),
            lang.colon(),
            stop::stop_label(lang, timing.stop + 1, article.tour.len()),
            next.title,
            next.minutes
        ),
        None => format!(
            "{}{}{}",
            Text::Next.get(lang),
            lang.colon(),
            Text::EndOfTour.get(lang)
        ),
    };
    let line = Line::from(Span::styled(
        fit(&text, usize::from(area.width)),
        notes.theme.label,
    ));
    cells::set_line(buf, area.x, area.y, &line, area.width);
}

/// The last line: the presenter's screen state and the keys.
fn render_status(notes: &FacilitatorNotes, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let lang = notes.lang;
    let mut left = format!(" {}", Text::Notes.get(lang));
    if notes.remote.is_some_and(|r| r.state.blanked) {
        left.push_str(&format!(" · {}", Text::Blanked.get(lang)));
    }
    if notes.remote.is_some_and(|r| r.state.paused) {
        left.push_str(&format!(" · {}", Text::ClocksPaused.get(lang)));
    }
    if notes.several_presenters() {
        left.push_str(&format!(" · {}", Text::SeveralPresenters.get(lang)));
    }
    let mut hints = Vec::new();
    for (action, label) in [
        (Action::LineDown, msg::scroll(lang)),
        (Action::ToggleHelp, Text::PressQuestion.get(lang)),
        (Action::Quit, msg::quit(lang)),
    ] {
        if let Some(key) = notes.keymap.first_key(Mode::NotesWindow, action) {
            hints.push(format!("{} {label}", key.label(lang)));
        }
    }
    let hints = format!("{} ", hints.join(" · "));
    let width = usize::from(area.width);
    let hints_width = str_width(&hints);
    let line = if str_width(&left) + hints_width + 2 <= width {
        Line::from(vec![
            Span::raw(fit(&left, width - hints_width)),
            Span::raw(hints),
        ])
    } else {
        Line::from(Span::raw(fit(&left, width)))
    };
    buf.set_style(area, notes.theme.status);
    cells::set_line(
        buf,
        area.x,
        area.y,
        &line.style(notes.theme.status),
        area.width,
    );
}

/// The screen before a presenter starts.
fn waiting(notes: &FacilitatorNotes, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let lang = notes.lang;
    let theme = &notes.theme;
    let width = usize::from(area.width.saturating_sub(4)).clamp(1, 72);
    let mut lines = Vec::new();
    if notes.gone {
        lines.extend(wrap_text(
            Text::PresenterGone.get(lang),
            width,
            theme.heading,
            false,
        ));
    }
    lines.extend(wrap_text(
        Text::WaitingForPresenter.get(lang),
        width,
        theme.heading,
        false,
    ));
    lines.push(Line::default());
    lines.extend(wrap_text(
        &notes.article.meta.title,
        width,
        theme.text,
        notes.article.is_french(),
    ));
    lines.push(Line::default());
    lines.extend(wrap_text(
        Text::WaitingHelp.get(lang),
        width,
        theme.dim,
        false,
    ));
    let height = (lines.len() as u16).min(area.height);
    let top = area.y + area.height.saturating_sub(height) / 2;
    let left = area.x + area.width.saturating_sub(width as u16) / 2;
    Paragraph::new(lines)
        .centered()
        .render(Rect::new(left, top, width as u16, height), buf);
}

fn render_help(notes: &FacilitatorNotes, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let lang = notes.lang;
    let rows = notes.keymap.help_rows(Mode::NotesWindow, lang);
    let key_width = rows.iter().map(|(k, _)| str_width(k)).max().unwrap_or(0);
    let mut lines: Vec<Line> = rows
        .into_iter()
        .map(|(keys, action)| {
            let pad = " ".repeat(key_width.saturating_sub(str_width(&keys)) + 2);
            Line::from(vec![
                Span::styled(keys, notes.theme.key),
                Span::raw(pad),
                Span::raw(action.describe_in(crate::app::Mode::NotesWindow, false, lang)),
            ])
        })
        .collect();
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        Text::CloseHelp.get(lang),
        notes.theme.dim,
    )));
    let inner = text_area(area);
    Clear.render(inner, buf);
    Paragraph::new(lines).render(inner, buf);
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::time::Duration;

    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    use crate::clock::ManualClock;
    use crate::facilitator_notes::FacilitatorNotes;
    use crate::i18n::Lang;
    use crate::link::{Announcement, PresenterState};
    use crate::theme::{Theme, ThemeName};

    fn draw(notes: &FacilitatorNotes) -> Terminal<TestBackend> {
        let mut terminal = Terminal::new(TestBackend::new(notes.size.0, notes.size.1)).unwrap();
        terminal.draw(|frame| super::render(notes, frame)).unwrap();
        terminal
    }

    fn notes(size: (u16, u16)) -> (FacilitatorNotes, ManualClock) {
        let clock = ManualClock::new();
        let notes = FacilitatorNotes::new(
            crate::tour::fixture::article(),
            Lang::Fr,
            Theme::named(ThemeName::Monochrome),
            Arc::new(clock.clone()),
            size,
        );
        (notes, clock)
    }

    #[test]
    fn no_size_makes_it_panic() {
        for (w, h) in [(1, 1), (4, 2), (10, 4), (40, 12), (300, 90)] {
            let (mut notes, _) = notes((w, h));
            draw(&notes);
            for stop in 0..4 {
                notes.receive(
                    Announcement::State(PresenterState {
                        stop,
                        stops: 4,
                        tour_ms: 1,
                        stop_ms: 1,
                        blanked: false,
                        paused: false,
                        revealed: true,
                        sent_ms: 0,
                        session: 0,
                        votes: None,
                    }),
                    Duration::ZERO,
                );
                notes.update(crate::app::Action::PageDown);
                notes.update(crate::app::Action::ToggleHelp);
                draw(&notes);
            }
        }
    }

    #[test]
    fn waiting_for_a_presenter() {
        let (notes, _) = notes((80, 24));
        insta::assert_snapshot!(draw(&notes).backend());
    }

    #[test]
    fn following_the_first_stop_behind_schedule() {
        let (mut notes, clock) = notes((80, 24));
        notes.receive(
            Announcement::State(PresenterState {
                stop: 0,
                stops: 4,
                tour_ms: 250_000,
                stop_ms: 250_000,
                blanked: true,
                paused: false,
                revealed: false,
                sent_ms: 0,
                session: 0,
                votes: None,
            }),
            Duration::ZERO,
        );
        clock.advance(Duration::from_secs(5));
        insta::assert_snapshot!(draw(&notes).backend());
    }
}

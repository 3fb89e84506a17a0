//! A stop's poll laid out: for the presenter, its numbered answers, the count of answers as
//! they come in (with a room) and the distribution once revealed (bars, or a histogram of the
//! guesses with their median and the answer); for a follower's side pane, the answers, the keys
//! to vote, their own vote and, once revealed, the room's.

use ratatui::buffer::Buffer;
use ratatui::layout::{Direction, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Widget};

use crate::content::{Article, Poll};
use crate::i18n::{Lang, count_of};
use crate::layout::lines::wrap_text;
use crate::room::follow::Following;
use crate::room::results::number;
use crate::room::votes::{Answer, SHOWN_BINS, Summary};
use crate::text::wrap::str_width;
use crate::theme::Theme;

fn answers(lang: Lang, n: usize) -> String {
    count_of(lang, n, ("answer", "answers", "réponse", "réponses"))
}

/// The distribution as ratatui's horizontal [`BarChart`], one row per answer (`label`, the
/// bar scaled to the most voted, `n (p %)` over its start), `column` wide, turned into lines
/// so that it is laid out (and scrolled, and measured) like the rest of the stop.
fn chart_lines(
    labels: &[String],
    counts: &[usize],
    total: usize,
    theme: &Theme,
    column: usize,
) -> Vec<Line<'static>> {
    let bars: Vec<Bar> = labels
        .iter()
        .zip(counts.iter().copied().chain(std::iter::repeat(0)))
        .map(|(label, n)| {
            let share = (n * 100).checked_div(total).unwrap_or(0);
            Bar::default()
                .value(n as u64)
                .label(Line::styled(label.clone(), theme.text))
                .text_value(format!(" {n} ({share} %) "))
        })
        .collect();
    let rows = u16::try_from(bars.len()).unwrap_or(u16::MAX);
    let area = Rect::new(0, 0, u16::try_from(column).unwrap_or(u16::MAX), rows);
    let mut buf = Buffer::empty(area);
    BarChart::default()
        .direction(Direction::Horizontal)
        .bar_width(1)
        .bar_gap(0)
        .bar_style(theme.figure)
        .value_style(theme.figure.add_modifier(Modifier::REVERSED))
        .data(BarGroup::default().bars(&bars))
        .render(area, &mut buf);
    (0..rows).map(|y| buffer_row(&buf, y)).collect()
}

/// Row `y` of `buf` as a line of styled spans, trailing blank cells left out.
fn buffer_row(buf: &Buffer, y: u16) -> Line<'static> {
    let area = buf.area;
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut x = area.x;
    while x < area.right() {
        let cell = &buf[(x, y)];
        let (symbol, style) = (cell.symbol().to_owned(), cell.style());
        // A wide character covers the cells after it.
        x += u16::try_from(str_width(&symbol).max(1)).unwrap_or(1);
        match spans.last_mut() {
            Some(last) if last.style == style => last.content.to_mut().push_str(&symbol),
            _ => spans.push(Span::styled(symbol, style)),
        }
    }
    while spans
        .last()
        .is_some_and(|s| s.content.trim().is_empty() && s.style == Style::default())
    {
        spans.pop();
    }
    Line::from(spans)
}

/// The poll's lines for the presenter: the question's answers (numbered, so a room without
/// the network can vote by hand), the count of answers as they come in (with a room), and the
/// distribution (`votes`) once `revealed`.
pub fn presenter_lines(
    poll: &Poll,
    votes: Option<&Summary>,
    revealed: bool,
    theme: &Theme,
    lang: Lang,
    column: usize,
    french: bool,
) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    let head = match poll {
        Poll::Choices(_) => lang.pick("Vote", "Vote").to_owned(),
        Poll::Guess { unit, min, max, .. } => match lang {
            Lang::En => format!("Guess ({unit}, {min} to {max})"),
            Lang::Fr => format!("Estimation ({unit}, de {min} à {max})"),
        },
    };
    let count = votes.map(|t| format!(" · {}", answers(lang, t.answers)));
    out.push(Line::from(vec![
        Span::styled(head, theme.label),
        Span::styled(count.unwrap_or_default(), theme.heading),
    ]));
    let shown = votes.filter(|_| revealed);
    match poll {
        Poll::Choices(choices) => {
            let labels: Vec<String> = choices
                .iter()
                .enumerate()
                .map(|(i, c)| format!("{}  {c}", i + 1))
                .collect();
            let width = labels.iter().map(|l| str_width(l)).max().unwrap_or(0);
            match shown {
                Some(t) if width + 12 <= column => {
                    out.extend(chart_lines(&labels, &t.counts, t.answers, theme, column));
                }
                Some(t) => {
                    for (i, label) in labels.iter().enumerate() {
                        let n = t.counts.get(i).copied().unwrap_or(0);
                        out.extend(wrap_text(
                            &format!("{label} — {n}"),
                            column,
                            theme.text,
                            french,
                        ));
                    }
                }
                None => {
                    for label in &labels {
                        out.extend(wrap_text(label, column, theme.text, french));
                    }
                }
            }
        }
        Poll::Guess {
            unit,
            min,
            max,
            answer,
        } => {
            if let Some(t) = shown.filter(|t| t.answers > 0) {
                let step = f64::from(max - min) / SHOWN_BINS as f64;
                let labels: Vec<String> = (0..SHOWN_BINS)
                    .map(|i| {
                        let from = f64::from(*min) + step * i as f64;
                        format!("{}–{}", number(from, lang), number(from + step, lang))
                    })
                    .collect();
                out.extend(chart_lines(&labels, &t.counts, t.answers, theme, column));
                if let Some(median) = t.median {
                    let mut line = format!(
                        "{}{}{} {unit}",
                        lang.pick("Median", "Médiane"),
                        lang.colon(),
                        number(median, lang)
                    );
                    if let Some(answer) = answer {
                        line.push_str(&format!(
                            " · {}{}{answer} {unit}",
                            lang.pick("the answer", "la réponse"),
                            lang.colon()
                        ));
                    }
                    out.extend(wrap_text(&line, column, theme.heading, french));
                }
            } else if revealed && let Some(answer) = answer {
                out.extend(wrap_text(
                    &format!(
                        "{}{}{answer} {unit}",
                        lang.pick("The answer", "La réponse"),
                        lang.colon()
                    ),
                    column,
                    theme.heading,
                    french,
                ));
            }
        }
    }
    out
}

/// The poll in a follower's side pane: the answers and the keys, the follower's own vote, and
/// the distribution once revealed.
pub fn follower_lines(
    article: &Article,
    follow: &Following,
    stop: usize,
    lang: Lang,
    theme: &Theme,
    width: usize,
) -> Vec<Line<'static>> {
    let Some(poll) = article.tour.get(stop).and_then(|s| s.poll.as_ref()) else {
        return Vec::new();
    };
    let french = article.is_french();
    let on_room_stop = follow.room_stop() == Some(stop);
    let revealed = on_room_stop && follow.revealed();
    let mut out = vec![Line::default()];
    let head = match poll {
        Poll::Choices(choices) => match lang {
            Lang::En => format!("Vote — press 1 to {}", choices.len()),
            Lang::Fr => format!("Vote — tapez de 1 à {}", choices.len()),
        },
        Poll::Guess { unit, min, max, .. } => match lang {
            Lang::En => format!("Guess ({unit}, {min} to {max}) — type a number, then Enter"),
            Lang::Fr => {
                format!("Estimation ({unit}, de {min} à {max}) — tapez un nombre, puis Entrée")
            }
        },
    };
    out.extend(wrap_text(&head, width, theme.label, french));
    let mine = follow.ballots.get(&stop).copied();
    if let Poll::Choices(choices) = poll {
        for (i, choice) in choices.iter().enumerate() {
            let chosen = mine == Some(Answer::Choice(i));
            let count = follow
                .room
                .as_ref()
                .filter(|_| revealed)
                .and_then(|r| r.counts.get(i))
                .map(|n| format!(" — {n}"))
                .unwrap_or_default();
            let mark = if chosen { "▶" } else { " " };
            let style = if chosen {
                theme.text.add_modifier(Modifier::BOLD)
            } else {
                theme.text
            };
            out.extend(wrap_text(
                &format!("{mark}{} {choice}{count}", i + 1),
                width,
                style,
                french,
            ));
        }
    }
    if let Some(Answer::Value(v)) = mine {
        out.extend(wrap_text(
            &format!(
                "{}{}{}",
                lang.pick("Your guess", "Votre estimation"),
                lang.colon(),
                number(v, lang)
            ),
            width,
            theme.text.add_modifier(Modifier::BOLD),
            french,
        ));
    }
    if revealed && let Some(room) = &follow.room {
        let mut line = answers(lang, room.answers.unwrap_or(0));
        if let Some(median) = room.median {
            line.push_str(&format!(
                " · {} {}",
                lang.pick("median", "médiane"),
                number(median, lang)
            ));
        }
        if let Poll::Guess {
            answer: Some(answer),
            unit,
            ..
        } = poll
        {
            line.push_str(&format!(
                " · {} {answer} {unit}",
                lang.pick("the answer", "la réponse")
            ));
        }
        out.extend(wrap_text(&line, width, theme.heading, french));
    } else if !on_room_stop {
        out.extend(wrap_text(
            lang.pick(
                "(the vote opens when the room is on this stop)",
                "(le vote s’ouvre quand la salle est à cette étape)",
            ),
            width,
            theme.dim,
            french,
        ));
    }
    out
}

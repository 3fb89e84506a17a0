//! A stop's poll laid out: for the presenter, its numbered answers, the count of answers as
//! they come in (with a room) and the distribution once revealed (bars, or a histogram of the
//! guesses with their median and the answer); for a follower's side pane, the answers, the keys
//! to vote, their own vote and, once revealed, the room's.

use crate::i18n::room as msg;
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
    count_of(lang, n, crate::i18n::words::ANSWERS)
}

/// The distribution as ratatui's horizontal [`BarChart`], one row per answer: its label, how
/// many chose it and their share, then the bar, scaled to the most voted; `column` wide,
/// turned into lines so that it is laid out (and scrolled, and measured) like the rest of the
/// stop.
fn chart_lines(
    labels: &[String],
    counts: &[usize],
    total: usize,
    theme: &Theme,
    column: usize,
) -> Vec<Line<'static>> {
    let counts: Vec<usize> = counts
        .iter()
        .copied()
        .chain(std::iter::repeat(0))
        .take(labels.len())
        .collect();
    let figures: Vec<String> = counts
        .iter()
        .map(|&n| {
            // Rounded to the nearest whole percent: 20 of 30 is 67 %, not 66 %.
            let share = (n * 200 + total).checked_div(2 * total).unwrap_or(0);
            format!("{n} ({share} %)")
        })
        .collect();
    let label_width = labels.iter().map(|l| str_width(l)).max().unwrap_or(0);
    let figure_width = figures.iter().map(|f| str_width(f)).max().unwrap_or(0);
    let bar_style = theme.figure.remove_modifier(Modifier::UNDERLINED);
    let bars: Vec<Bar> = labels
        .iter()
        .zip(&figures)
        .zip(&counts)
        .map(|((label, figure), &n)| {
            let pad = " ".repeat(label_width - str_width(label));
            let before = " ".repeat(figure_width - str_width(figure));
            Bar::default()
                .value(n as u64)
                .label(Line::from(vec![
                    Span::styled(format!("{label}{pad}  {before}"), theme.text),
                    Span::styled(figure.clone(), theme.label),
                ]))
                .text_value(String::new())
        })
        .collect();
    let rows = u16::try_from(bars.len()).unwrap_or(u16::MAX);
    let area = Rect::new(0, 0, u16::try_from(column).unwrap_or(u16::MAX), rows);
    let mut buf = Buffer::empty(area);
    BarChart::default()
        .direction(Direction::Horizontal)
        .bar_width(1)
        .bar_gap(0)
        .bar_style(bar_style)
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
        Poll::Choices(_) => msg::vote(lang).to_owned(),
        Poll::Guess { unit, min, max, .. } => msg::guess(lang, &unit, &min, &max),
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
                        msg::median_heading(lang),
                        lang.colon(),
                        number(median, lang)
                    );
                    if let Some(answer) = answer {
                        line.push_str(&format!(
                            " · {}{}{answer} {unit}",
                            msg::the_answer(lang),
                            lang.colon()
                        ));
                    }
                    out.extend(wrap_text(&line, column, theme.heading, french));
                }
            } else if revealed && let Some(answer) = answer {
                out.extend(wrap_text(
                    &format!(
                        "{}{}{answer} {unit}",
                        msg::the_answer_heading(lang),
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
        Poll::Choices(choices) => msg::vote_press_one_to(lang, &choices.len()),
        Poll::Guess { unit, min, max, .. } => {
            msg::guess_type_number_then_enter(lang, &unit, &min, &max)
        }
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
                msg::your_guess(lang),
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
                msg::median(lang),
                number(median, lang)
            ));
        }
        if let Poll::Guess {
            answer: Some(answer),
            unit,
            ..
        } = poll
        {
            line.push_str(&format!(" · {} {answer} {unit}", msg::the_answer(lang)));
        }
        out.extend(wrap_text(&line, width, theme.heading, french));
    } else if !on_room_stop {
        out.extend(wrap_text(
            msg::vote_opens_when_room_stop(lang),
            width,
            theme.dim,
            french,
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use ratatui::style::Modifier;

    use super::*;
    use crate::room::Tally;
    use crate::theme::ThemeName;

    /// The lines as text (their styles are checked where they matter).
    fn shown(lines: &[Line]) -> String {
        let mut out = String::new();
        for line in lines {
            let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
            out.push_str(text.trim_end());
            out.push('\n');
        }
        out
    }

    fn guess() -> Poll {
        Poll::example_guess()
    }

    #[test]
    fn a_guess_revealed_is_a_histogram_with_its_median_and_the_answer() {
        let theme = Theme::named(ThemeName::Default);
        let tally = Tally {
            answers: 6,
            counts: Vec::new(),
            values: vec![20.0, 120.0, 150.0, 180.0, 430.0, 990.0],
        };
        let votes = Summary::of(&tally, &guess());
        assert_eq!(votes.counts, vec![4, 0, 1, 0, 1]);
        let lines = presenter_lines(&guess(), Some(&votes), true, &theme, Lang::Fr, 60, true);
        insta::assert_snapshot!(shown(&lines));
        // The bars are the chart's, in the figure's colour, not underlined.
        let bar = lines[1]
            .spans
            .iter()
            .find(|s| s.content.contains('█'))
            .expect("a bar");
        assert_eq!(bar.style.fg, theme.figure.fg);
        assert!(!bar.style.add_modifier.contains(Modifier::UNDERLINED));
        // Before the reveal: the count only.
        let lines = presenter_lines(&guess(), Some(&votes), false, &theme, Lang::Fr, 60, true);
        assert_eq!(
            shown(&lines),
            "Estimation (millions, de 0 à 1000) · 6 réponses\n"
        );
    }

    #[test]
    fn a_bar_chart_fits_its_column_and_a_narrow_one_lists_the_counts() {
        let theme = Theme::named(ThemeName::Default);
        let poll = Poll::Choices(vec!["Oui".into(), "Non".into()]);
        let votes = Summary {
            answers: 3,
            counts: vec![1, 2],
            median: None,
        };
        for column in [20, 40, 80] {
            let lines = presenter_lines(&poll, Some(&votes), true, &theme, Lang::En, column, false);
            for line in &lines {
                assert!(line.width() <= column, "{column}: {line:?}");
            }
            let text = shown(&lines);
            assert!(text.contains("2 (67 %)"), "{column}: {text}");
        }
        let lines = presenter_lines(&poll, Some(&votes), true, &theme, Lang::En, 12, false);
        assert_eq!(shown(&lines), "Vote · 3 answers\n1  Oui — 1\n2  Non — 2\n");
    }
}

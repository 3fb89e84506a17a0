//! A stop's poll laid out: for the presenter, its numbered answers, the count of answers as
//! they come in (with a room) and the distribution once revealed (bars, or a histogram of the
//! guesses with their median and the answer); for a follower's side pane, the answers, the keys
//! to vote, their own vote and, once revealed, the room's.

use ratatui::style::Modifier;
use ratatui::text::{Line, Span};

use crate::content::{Article, Poll};
use crate::i18n::{Lang, count_of};
use crate::layout::lines::wrap_text;
use crate::room::Tally;
use crate::room::follow::Following;
use crate::room::results::number;
use crate::room::votes::Answer;
use crate::text::wrap::str_width;
use crate::theme::Theme;

fn answers(lang: Lang, n: usize) -> String {
    count_of(lang, n, ("answer", "answers", "réponse", "réponses"))
}

/// Bars of a guess's histogram on the presenter.
const BINS: usize = 5;

/// `label ████ 5 (42 %)`, the bar scaled to `most`.
fn bar_line(
    label: &str,
    count: usize,
    most: usize,
    total: usize,
    theme: &Theme,
    column: usize,
) -> Line<'static> {
    let share = (count * 100).checked_div(total).unwrap_or(0);
    let tail = format!(" {count} ({share} %)");
    let room = column.saturating_sub(str_width(label) + str_width(&tail) + 1);
    let length = (room * count).checked_div(most).unwrap_or(0);
    Line::from(vec![
        Span::styled(format!("{label} "), theme.text),
        Span::styled("█".repeat(length), theme.figure),
        Span::styled(tail, theme.label),
    ])
}

/// The poll's lines for the presenter: the question's answers (numbered, so a room without
/// the network can vote by hand), the count of answers as they come in (with a room), and the
/// distribution once `revealed`.
pub fn presenter_lines(
    poll: &Poll,
    tally: Option<&Tally>,
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
    let count = tally.map(|t| format!(" · {}", answers(lang, t.answers)));
    out.push(Line::from(vec![
        Span::styled(head, theme.label),
        Span::styled(count.unwrap_or_default(), theme.heading),
    ]));
    let shown = tally.filter(|_| revealed);
    match poll {
        Poll::Choices(choices) => {
            let width = choices
                .iter()
                .enumerate()
                .map(|(i, c)| str_width(&format!("{}  {c}", i + 1)))
                .max()
                .unwrap_or(0);
            let most = shown
                .map(|t| t.counts.iter().copied().max().unwrap_or(0))
                .unwrap_or(0);
            for (i, choice) in choices.iter().enumerate() {
                let label = format!("{}  {choice}", i + 1);
                match shown {
                    Some(t) if width + 12 <= column => {
                        let pad = " ".repeat(width - str_width(&label));
                        let n = t.counts.get(i).copied().unwrap_or(0);
                        out.push(bar_line(
                            &format!("{label}{pad}"),
                            n,
                            most,
                            t.answers,
                            theme,
                            column,
                        ));
                    }
                    Some(t) => {
                        let n = t.counts.get(i).copied().unwrap_or(0);
                        out.extend(wrap_text(
                            &format!("{label} — {n}"),
                            column,
                            theme.text,
                            french,
                        ));
                    }
                    None => out.extend(wrap_text(&label, column, theme.text, french)),
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
                let bins = t.histogram(*min, *max, BINS);
                let most = bins.iter().copied().max().unwrap_or(0);
                let step = f64::from(max - min) / BINS as f64;
                let labels: Vec<String> = (0..BINS)
                    .map(|i| {
                        let from = f64::from(*min) + step * i as f64;
                        format!("{}–{}", number(from, lang), number(from + step, lang))
                    })
                    .collect();
                let width = labels.iter().map(|l| str_width(l)).max().unwrap_or(0);
                for (label, n) in labels.iter().zip(bins) {
                    let pad = " ".repeat(width - str_width(label));
                    out.push(bar_line(
                        &format!("{label}{pad}"),
                        n,
                        most,
                        t.answers,
                        theme,
                        column,
                    ));
                }
                if let Some(median) = t.median() {
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

//! The room on screen: the poll under a stop (the presenter's count of answers, and its
//! distribution once revealed; the follower's choices and own vote), the footer's join
//! address, and the `J` screen: the address in large type with a QR code, for a room to type
//! or scan.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Widget};
use tui_big_text::{BigText, PixelSize};

use crate::app::App;
use crate::content::Poll;
use crate::i18n::{Lang, count_of};
use crate::room::Tally;
use crate::room::results::number;
use crate::room::votes::Answer;
use crate::text::wrap::str_width;
use crate::theme::Theme;
use crate::ui::{fit, wrap_text};

/// Bars of a guess's histogram on the presenter.
const BINS: usize = 5;

fn answers(lang: Lang, n: usize) -> String {
    count_of(lang, n, ("answer", "answers", "réponse", "réponses"))
}

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
pub fn poll_lines(app: &App, stop: usize, width: usize) -> Vec<Line<'static>> {
    let Some(follow) = &app.follow else {
        return Vec::new();
    };
    let Some(poll) = app.article.tour.get(stop).and_then(|s| s.poll.as_ref()) else {
        return Vec::new();
    };
    let lang = app.lang;
    let theme = &app.theme;
    let french = app.article.is_french();
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

/// The join address for the presenter's footer, with the number of answers to the current
/// poll: ` http://…/K7Q2MD · 12 answers `.
pub fn footer_text(app: &App) -> Option<String> {
    let room = app.room.as_ref()?;
    let mut text = format!(" {} ", room.join);
    if let Some(tally) = &room.tally {
        text.push_str(&format!("· {} ", answers(app.lang, tally.answers)));
    }
    Some(text)
}

/// The QR code of `text` as rows of half blocks, light modules drawn (to be drawn white on
/// black, whatever the terminal's colours).
pub fn qr_rows(text: &str) -> Option<Vec<String>> {
    use qrcode::render::unicode::Dense1x2;
    let code = qrcode::QrCode::with_error_correction_level(text, qrcode::EcLevel::M).ok()?;
    let image = code
        .render::<Dense1x2>()
        .dark_color(Dense1x2::Light)
        .light_color(Dense1x2::Dark)
        .quiet_zone(true)
        .build();
    Some(image.lines().map(str::to_owned).collect())
}

/// `J`: the join address full screen: a heading, the QR code, the address and the code in
/// large type, and how to follow in a terminal.
pub fn render_join(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let lang = app.lang;
    Clear.render(area, buf);
    buf.set_style(area, theme.text);
    let Some(room) = &app.room else {
        let text = lang.pick(
            "No room is open: start with glose present --room",
            "Aucune salle n’est ouverte : lancez glose present --room",
        );
        buf.set_line(
            area.x + 1,
            area.y + 1,
            &Line::styled(fit(text, usize::from(area.width)), theme.heading),
            area.width,
        );
        return;
    };
    let qr = qr_rows(&room.join).unwrap_or_default();
    let qr_w = qr.first().map_or(0, |r| str_width(r)) as u16;
    let qr_h = qr.len() as u16;
    let side = qr_w + 2 <= area.width / 2 && qr_h + 2 <= area.height;
    let (qr_area, text_area) = if side {
        let qr_area = Rect::new(area.x + 1, area.y + (area.height - qr_h) / 2, qr_w, qr_h);
        let x = qr_area.right() + 2;
        (
            Some(qr_area),
            Rect::new(x, area.y, area.right().saturating_sub(x + 1), area.height),
        )
    } else {
        (
            None,
            Rect::new(
                area.x + 1,
                area.y,
                area.width.saturating_sub(2),
                area.height,
            ),
        )
    };
    if let Some(qr_area) = qr_area {
        let style = Style::default().fg(Color::White).bg(Color::Black);
        for (i, row) in qr.iter().enumerate() {
            buf.set_string(qr_area.x, qr_area.y + i as u16, row, style);
        }
    }
    let width = usize::from(text_area.width);
    let lines: Vec<Line> = vec![
        Line::styled(
            fit(lang.pick("Join the room", "Rejoindre la salle"), width),
            theme.heading,
        ),
        Line::default(),
        Line::styled(
            fit(&room.join, width),
            theme.heading.add_modifier(Modifier::BOLD),
        ),
    ];
    let code_big = [PixelSize::Full, PixelSize::HalfHeight, PixelSize::Quadrant]
        .into_iter()
        .find(|size| {
            let cols = match size {
                PixelSize::Full | PixelSize::HalfHeight => 8,
                _ => 4,
            };
            room.code.chars().count() * cols <= width
        });
    let follow = match lang {
        Lang::En => format!("In a terminal: glose follow {}", room.join),
        Lang::Fr => format!("Dans un terminal\u{a0}: glose follow {}", room.join),
    };
    let browser = lang.pick(
        "In a browser: type the address, or scan the code.",
        "Dans un navigateur : tapez l’adresse, ou scannez le code.",
    );
    let big_rows: u16 = match code_big {
        Some(PixelSize::Full) => 8,
        Some(_) => 4,
        None => 0,
    };
    let mut tail: Vec<Line> = vec![Line::default()];
    tail.extend(wrap_text(
        browser,
        width,
        theme.text,
        app.article.is_french(),
    ));
    tail.extend(wrap_text(&follow, width, theme.text, false));
    tail.push(Line::default());
    tail.push(Line::styled(
        fit(
            lang.pick(
                "Any key: back to the stop",
                "Une touche\u{a0}: retour à l’étape",
            ),
            width,
        ),
        theme.dim,
    ));
    let total = lines.len() as u16 + 1 + big_rows + tail.len() as u16;
    let mut y = text_area.y + text_area.height.saturating_sub(total) / 2;
    for line in &lines {
        if y >= text_area.bottom() {
            return;
        }
        buf.set_line(text_area.x, y, line, text_area.width);
        y += 1;
    }
    y += 1;
    if let Some(size) = code_big
        && y + big_rows <= text_area.bottom()
    {
        BigText::builder()
            .pixel_size(size)
            .style(theme.figure)
            .lines(vec![Line::from(room.code.clone())])
            .build()
            .render(Rect::new(text_area.x, y, text_area.width, big_rows), buf);
        y += big_rows;
    } else {
        buf.set_line(
            text_area.x,
            y,
            &Line::styled(room.code.clone(), theme.figure),
            text_area.width,
        );
        y += 1;
    }
    for line in &tail {
        if y >= text_area.bottom() {
            return;
        }
        buf.set_line(text_area.x, y, line, text_area.width);
        y += 1;
    }
}

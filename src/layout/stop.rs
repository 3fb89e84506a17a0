//! A tour stop as lines of text: its title and place in the tour, the time spent against the
//! plan, what to say, the questions. Shared by the reader's side pane (tour mode) and the
//! facilitator's notes window, so both say the same thing the same way.
//!
//! Everything is wrapped with the article's engine at the given width (heights are exact).

use ratatui::text::{Line, Span};

use crate::clock::format_seconds;
use crate::content::Article;
use crate::i18n::{Lang, Text};
use crate::layout::lines::{section, wrap_text};
use crate::theme::Theme;
use crate::tour::{planned_minutes, planned_minutes_before};

/// Where a tour is in time, in whole seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timing {
    /// Index into `Article::tour`.
    pub stop: usize,
    /// Seconds spent on this stop (all visits).
    pub stop_s: u64,
    /// Seconds since the tour started.
    pub tour_s: u64,
}

/// "Étape 4/12", translated.
pub fn stop_label(lang: Lang, stop: usize, count: usize) -> String {
    format!("{} {}/{count}", Text::Stop.get(lang), stop + 1)
}

/// "1:05 / 3:00" for the stop, styled as over time when it is.
pub fn stop_time(article: &Article, timing: Timing, theme: &Theme) -> Span<'static> {
    let planned = article.tour.get(timing.stop).map_or(0, |s| s.minutes);
    let planned_s = u64::from(planned) * 60;
    let text = format!(
        "{} / {}",
        format_seconds(timing.stop_s),
        format_seconds(planned_s)
    );
    let style = if timing.stop_s > planned_s {
        theme.misreported
    } else {
        theme.text
    };
    Span::styled(text, style)
}

/// "visite 3:10 / 45:00", translated.
pub fn tour_time(article: &Article, timing: Timing, lang: Lang) -> String {
    let planned_s = u64::from(planned_minutes(&article.tour)) * 60;
    format!(
        "{} {} / {}",
        Text::TourTotal.get(lang),
        format_seconds(timing.tour_s),
        format_seconds(planned_s)
    )
}

/// How the tour stands against its plan: behind when the time is past the planned end of the
/// current stop, ahead when it is before its planned start, else on time.
pub fn schedule(article: &Article, timing: Timing, lang: Lang) -> String {
    let start = u64::from(planned_minutes_before(&article.tour, timing.stop)) * 60;
    let end = u64::from(planned_minutes_before(&article.tour, timing.stop + 1)) * 60;
    if timing.tour_s > end {
        format!(
            "{} {}",
            format_seconds(timing.tour_s - end),
            Text::Behind.get(lang)
        )
    } else if timing.tour_s < start {
        format!(
            "{} {}",
            format_seconds(start - timing.tour_s),
            Text::Ahead.get(lang)
        )
    } else {
        Text::OnTime.get(lang).to_owned()
    }
}

/// Which optional parts of a stop `lines` includes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Parts {
    /// The time line (left out where a header already shows it).
    pub time: bool,
    /// What to say or show (for the facilitator).
    pub say: bool,
}

/// The lines for a stop at `width` cells: title, time, what to say, questions.
pub fn lines(
    article: &Article,
    timing: Timing,
    lang: Lang,
    theme: &Theme,
    width: usize,
    parts: Parts,
) -> Vec<Line<'static>> {
    let width = width.max(1);
    let french = article.is_french();
    let Some(stop) = article.tour.get(timing.stop) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let label = stop_label(lang, timing.stop, article.tour.len());
    out.extend(wrap_text(
        &format!("{label} · {}", stop.title),
        width,
        theme.heading,
        french,
    ));
    if parts.time {
        out.push(Line::from(vec![
            stop_time(article, timing, theme),
            Span::styled(
                format!(" · {}", tour_time(article, timing, lang)),
                theme.dim,
            ),
        ]));
    }
    if parts.say && !stop.say.is_empty() {
        section(&mut out, Text::Say.get(lang), theme.label);
        out.extend(wrap_text(&stop.say, width, theme.text, french));
    }
    if !stop.questions.is_empty() {
        section(&mut out, Text::Questions.get(lang), theme.label);
        for question in &stop.questions {
            out.extend(wrap_text(
                &format!("• {question}"),
                width,
                theme.text,
                french,
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::TourStop;

    fn article() -> Article {
        let stop = |minutes| TourStop {
            title: "T".into(),
            annotation: None,
            part: 0,
            say: String::new(),
            questions: Vec::new(),
            minutes,
            big: None,
        };
        Article {
            tour: vec![stop(3), stop(2), stop(5)],
            ..Article::default()
        }
    }

    #[test]
    fn schedule_compares_with_the_plan_of_the_current_stop() {
        let article = article();
        let at = |stop, tour_s| Timing {
            stop,
            stop_s: 0,
            tour_s,
        };
        assert_eq!(schedule(&article, at(1, 200), Lang::Fr), "à l’heure");
        assert_eq!(schedule(&article, at(1, 330), Lang::Fr), "0:30 de retard");
        assert_eq!(schedule(&article, at(2, 240), Lang::En), "1:00 ahead");
        assert_eq!(
            tour_time(&article, at(0, 61), Lang::Fr),
            "visite 1:01 / 10:00"
        );
    }
}

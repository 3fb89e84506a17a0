//! What the reader's tour mode, the presenter and the notes window share about a guided tour:
//! where it is and how long it has taken (`TourProgress`), the plan (minutes per stop), the
//! short form of a figure for large type, and the key that names an article on the notes link.
//!
//! Invariants: `TourProgress::stop` is always `< stop_count` (for a non-empty tour); times are
//! whole seconds counted from the tour's start, so every clock on screen changes on the same
//! tick and the loop wakes at most once a second.

#[cfg(test)]
pub(crate) mod fixture;
pub mod session;

use std::time::Duration;

use crate::content::{Article, TourStop};

/// Where a running tour is and how much time each stop has had.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TourProgress {
    /// Index into `Article::tour`.
    pub stop: usize,
    /// Clock time at which the tour started.
    pub started: Duration,
    /// Tour second at which the current visit to `stop` began.
    pub entered_s: u64,
    /// Seconds spent on each stop in earlier visits (the current visit not included).
    pub spent_s: Vec<u64>,
    /// Clock time at which the tour's clock was paused (`t` in the presenter), if it is.
    pub paused_at: Option<Duration>,
    /// Tour time from before `started`: a resumed session's clock (`session::PresenterSession`),
    /// zero for a tour begun in this process.
    pub carried: Duration,
}

impl TourProgress {
    /// A tour of `stops` stops starting now at stop `first` (clamped).
    pub fn new(stops: usize, first: usize, now: Duration) -> Self {
        Self {
            stop: first.min(stops.saturating_sub(1)),
            started: now,
            entered_s: 0,
            spent_s: vec![0; stops],
            paused_at: None,
            carried: Duration::ZERO,
        }
    }

    /// The clock time the tour's clocks read at `now`: frozen while paused.
    pub fn tour_now(&self, now: Duration) -> Duration {
        self.paused_at.map_or(now, |at| at.min(now))
    }

    /// Pauses the clocks, or starts them again from where they stopped.
    pub fn toggle_pause(&mut self, now: Duration) {
        match self.paused_at.take() {
            Some(at) => self.started += now.saturating_sub(at),
            None => self.paused_at = Some(now),
        }
    }

    /// Every clock back to 0:00 on the current stop (paused clocks stay paused).
    pub fn reset_clocks(&mut self, now: Duration) {
        self.started = now;
        self.carried = Duration::ZERO;
        self.entered_s = 0;
        self.spent_s.iter_mut().for_each(|s| *s = 0);
        if self.paused_at.is_some() {
            self.paused_at = Some(now);
        }
    }

    /// The tour's clock at `now`: time since it started (pauses left out), a resumed
    /// session's earlier time included.
    pub fn tour_elapsed(&self, now: Duration) -> Duration {
        self.carried + self.tour_now(now).saturating_sub(self.started)
    }

    /// Whole seconds since the tour started.
    pub fn elapsed_s(&self, now: Duration) -> u64 {
        self.tour_elapsed(now).as_secs()
    }

    /// Seconds spent on the current stop, earlier visits included.
    pub fn stop_spent_s(&self, now: Duration) -> u64 {
        let earlier = self.spent_s.get(self.stop).copied().unwrap_or(0);
        earlier + self.elapsed_s(now).saturating_sub(self.entered_s)
    }

    /// Moves to another stop (clamped to the tour), banking the time of the current visit.
    /// Returns whether the stop changed.
    pub fn go_to(&mut self, stop: usize, now: Duration) -> bool {
        let stop = stop.min(self.spent_s.len().saturating_sub(1));
        if stop == self.stop {
            return false;
        }
        let visit = self.elapsed_s(now).saturating_sub(self.entered_s);
        if let Some(spent) = self.spent_s.get_mut(self.stop) {
            *spent += visit;
        }
        self.stop = stop;
        self.entered_s = self.elapsed_s(now);
        true
    }

    /// Time until the displayed seconds next change (the next whole second of the tour).
    pub fn next_tick(&self, now: Duration) -> Duration {
        let into_second = self.tour_elapsed(now).subsec_nanos();
        Duration::from_secs(1).saturating_sub(Duration::from_nanos(u64::from(into_second)))
    }
}

/// Suggested minutes of a whole tour.
pub fn planned_minutes(tour: &[TourStop]) -> u32 {
    tour.iter().map(|s| s.minutes).sum()
}

/// Suggested minutes of the stops before `stop` (where the tour should be when it reaches it).
pub fn planned_minutes_before(tour: &[TourStop], stop: usize) -> u32 {
    tour.iter().take(stop).map(|s| s.minutes).sum()
}

/// The short form of a stop's figure for large type: the stop's own `big` if it has one, else
/// one derived from the annotated words when the annotation is a figure (`big_figure`).
pub fn display_figure(article: &Article, stop: &TourStop) -> Option<String> {
    if let Some(big) = stop.big.as_deref().map(str::trim).filter(|b| !b.is_empty()) {
        return Some(big.to_owned());
    }
    let annotation = article.annotations.get(stop.annotation?)?;
    if annotation.kind != crate::content::AnnotationKind::Figure {
        return None;
    }
    big_figure(article.slice(annotation.range.clone()))
}

/// Derives a short display form from the words of a French figure: the leading number and its
/// unit. `430 millions de modérateurs` → `430 M`; `80 %` → `80 %`; `2,22 milliards de dollars`
/// → `2,22 Md $`; `1,34 à 2 dollars de l’heure` → `1,34–2 $/h`. `None` without a number.
pub fn big_figure(words: &str) -> Option<String> {
    let normalised: String = words
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect();
    let tokens: Vec<&str> = normalised
        .split(' ')
        .map(|t| t.trim_matches(|c: char| matches!(c, ',' | '.' | ';' | ':' | '(' | ')')))
        .filter(|t| !t.is_empty())
        .collect();
    let start = tokens.iter().position(|t| is_number(t))?;
    let mut out = String::new();
    let mut i = start;
    // Digit groups written with spaces ("1 000") stay one number.
    let take_number = |i: &mut usize, out: &mut String| {
        while let Some(t) = tokens.get(*i).filter(|t| is_number(t)) {
            out.push_str(t);
            *i += 1;
            if !tokens.get(*i).is_some_and(|t| is_digit_group(t)) {
                break;
            }
        }
    };
    take_number(&mut i, &mut out);
    let mut unit = String::new();
    while let Some(token) = tokens.get(i) {
        let lower = token.to_lowercase();
        let next = tokens.get(i + 1).map(|t| t.to_lowercase());
        match lower.as_str() {
            "%" => {
                unit.push_str(" %");
                i += 1;
            }
            "pour" if next.as_deref() == Some("cent") => {
                unit.push_str(" %");
                i += 2;
            }
            "million" | "millions" => {
                unit.push_str(" M");
                i += 1;
            }
            "milliard" | "milliards" => {
                unit.push_str(" Md");
                i += 1;
            }
            "à" | "-" | "–"
                if tokens.get(i + 1).is_some_and(|t| is_number(t)) && unit.is_empty() =>
            {
                out.push('–');
                i += 1;
                take_number(&mut i, &mut out);
            }
            "dollar" | "dollars" | "$" => {
                unit.push_str(" $");
                i += 1;
            }
            "euro" | "euros" | "€" => {
                unit.push_str(" €");
                i += 1;
            }
            "de" | "d’" | "d'" if next.as_deref().is_some_and(is_currency) => i += 1,
            "de" | "par" if next.as_deref().is_some_and(is_hour) => {
                unit.push_str("/h");
                i += 2;
            }
            "l’heure" | "l'heure" | "heure" | "/h" => {
                unit.push_str("/h");
                i += 1;
            }
            _ => break,
        }
    }
    // "$/h", not "$ /h".
    Some(format!("{out}{unit}").replace(" /h", "/h"))
}

fn is_currency(word: &str) -> bool {
    matches!(word, "dollar" | "dollars" | "euro" | "euros")
}

fn is_hour(word: &str) -> bool {
    matches!(word, "l’heure" | "l'heure" | "heure")
}

fn is_number(token: &str) -> bool {
    token.starts_with(|c: char| c.is_ascii_digit())
        && token
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
}

fn is_digit_group(token: &str) -> bool {
    token.len() == 3 && token.chars().all(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(secs: u64) -> Duration {
        Duration::from_secs(secs)
    }

    #[test]
    fn time_is_banked_per_stop_across_visits() {
        let mut tour = TourProgress::new(3, 0, s(100));
        assert_eq!(tour.stop_spent_s(s(130)), 30);
        assert!(tour.go_to(1, s(130)));
        assert_eq!(tour.stop_spent_s(s(130)), 0);
        assert_eq!(tour.stop_spent_s(s(150)), 20);
        assert!(tour.go_to(0, s(150)));
        assert_eq!(tour.stop_spent_s(s(160)), 40, "30 s earlier + 10 s now");
        assert_eq!(tour.elapsed_s(s(160)), 60);
        assert!(!tour.go_to(0, s(160)));
        assert!(tour.go_to(99, s(160)), "clamped to the last stop");
        assert_eq!(tour.stop, 2);
    }

    #[test]
    fn ticks_fall_on_the_tours_whole_seconds() {
        let tour = TourProgress::new(2, 0, Duration::from_millis(250));
        assert_eq!(
            tour.next_tick(Duration::from_millis(1000)),
            Duration::from_millis(250)
        );
        assert_eq!(
            tour.next_tick(Duration::from_millis(1250)),
            Duration::from_secs(1)
        );
    }

    #[test]
    fn figures_shrink_to_number_and_unit() {
        for (words, big) in [
            ("430 millions de modérateurs", "430 M"),
            ("80\u{a0}%", "80 %"),
            ("80 % du temps", "80 %"),
            ("2,22 milliards de dollars", "2,22 Md $"),
            ("17,10 milliards", "17,10 Md"),
            ("1,34 à 2 dollars de l’heure", "1,34–2 $/h"),
            ("1 000 euros", "1000 €"),
            ("près de 90 pour cent", "90 %"),
        ] {
            assert_eq!(big_figure(words).as_deref(), Some(big), "{words}");
        }
        assert_eq!(big_figure("une citation"), None);
    }
}

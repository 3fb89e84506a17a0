//! What the room may see of each stop, taken from the article once when the room opens: the
//! title, the passage with the annotated words marked, the figure, the questions and the poll;
//! the verdict and what the source says are kept apart and sent only once the facilitator
//! reveals them. The facilitator's notes (`say`) are never taken at all.
//!
//! Everything here comes from the loaded article, which is already sanitised; it is escaped
//! again where it is written into HTML (`page`) and encoded as JSON for the events.

use serde_json::{Value, json};

use crate::content::{Article, Poll, TourStop};
use crate::i18n::Lang;

use super::votes::Tally;

/// The annotated words in their paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passage {
    pub before: String,
    pub marked: String,
    pub after: String,
    /// The annotation's kind, in the interface language (`figure`, `citation`).
    pub kind: String,
}

/// The verdict, for after the reveal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    /// `≈ Imprécis`.
    pub label: Option<String>,
    /// What the source says.
    pub note: String,
    /// `author — title, publisher, date`.
    pub source: Option<String>,
}

/// One stop, as the room sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StopView {
    pub title: String,
    /// A part stop's part heading.
    pub heading: Option<String>,
    pub passage: Option<Passage>,
    pub big: Option<String>,
    pub questions: Vec<String>,
    pub poll: Option<Poll>,
    pub verdict: Option<Verdict>,
}

impl StopView {
    pub fn new(article: &Article, stop: &TourStop, lang: Lang) -> Self {
        let annotation = stop.annotation.and_then(|i| article.annotations.get(i));
        let paragraph = article.stop_paragraph(stop);
        let passage = paragraph.map(|p| {
            let text = article.slice(p.clone());
            match annotation {
                Some(a) => {
                    let at = |byte: usize| byte.saturating_sub(p.start).min(text.len());
                    let (from, to) = (at(a.range.start), at(a.range.end));
                    Passage {
                        before: text.get(..from).unwrap_or("").to_owned(),
                        marked: text.get(from..to).unwrap_or("").to_owned(),
                        after: text.get(to..).unwrap_or("").trim_end().to_owned(),
                        kind: lang.kind(a.kind).to_owned(),
                    }
                }
                None => Passage {
                    before: text.trim_end().to_owned(),
                    marked: String::new(),
                    after: String::new(),
                    kind: String::new(),
                },
            }
        });
        let heading = match annotation {
            Some(_) => None,
            None => article
                .parts
                .get(stop.part)
                .map(|p| p.heading.clone())
                .filter(|h| !h.is_empty()),
        };
        let verdict = annotation
            .filter(|a| a.verdict.is_some() || !a.note.is_empty())
            .map(|a| {
                let source = a.source.and_then(|s| article.sources.get(s)).map(|s| {
                    let mut line = format!("{} — {}", s.author, s.title);
                    for extra in [&s.publisher, &s.date].into_iter().flatten() {
                        line.push_str(", ");
                        line.push_str(extra);
                    }
                    line
                });
                Verdict {
                    label: a
                        .verdict
                        .map(|v| format!("{} {}", v.sign(), lang.verdict(v))),
                    note: a.note.clone(),
                    source,
                }
            });
        Self {
            title: stop.title.clone(),
            heading,
            passage,
            big: crate::tour::display_figure(article, stop),
            questions: stop.questions.clone(),
            poll: stop.poll.clone(),
            verdict,
        }
    }
}

/// Where the presenter is, as the room is told.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Shown {
    /// Index into the tour.
    pub stop: usize,
    pub revealed: bool,
    pub blanked: bool,
}

/// The state event: what the room sees now. The verdict and the votes' distribution are in it
/// only when `shown.revealed`; nothing of any other stop is.
pub fn state_json(
    rev: u64,
    key: &str,
    stops: &[StopView],
    shown: Shown,
    tally: Option<&Tally>,
) -> Value {
    let count = stops.len();
    let Some(view) = stops.get(shown.stop) else {
        return json!({ "rev": rev, "key": key, "stops": count, "stop": null });
    };
    let passage = view.passage.as_ref().map(
        |p| json!({ "before": p.before, "marked": p.marked, "after": p.after, "kind": p.kind }),
    );
    let poll = view.poll.as_ref().map(|poll| match poll {
        Poll::Choices(choices) => json!({ "kind": "choices", "choices": choices }),
        Poll::Guess { unit, min, max, .. } => {
            json!({ "kind": "guess", "unit": unit, "min": min, "max": max })
        }
    });
    let verdict = view
        .verdict
        .as_ref()
        .filter(|_| shown.revealed)
        .map(|v| json!({ "label": v.label, "note": v.note, "source": v.source }));
    let results = match (&view.poll, tally) {
        (Some(poll), Some(tally)) if shown.revealed => Some(match poll {
            Poll::Choices(_) => json!({ "answers": tally.answers, "counts": tally.counts }),
            Poll::Guess { answer, .. } => json!({
                "answers": tally.answers,
                "median": tally.median(),
                "answer": answer,
            }),
        }),
        _ => None,
    };
    json!({
        "rev": rev,
        "key": key,
        "stop": shown.stop,
        "stops": count,
        "blanked": shown.blanked,
        "revealed": shown.revealed,
        "title": view.title,
        "heading": view.heading,
        "passage": passage,
        "big": view.big,
        "questions": view.questions,
        "poll": poll,
        "verdict": verdict,
        "results": results,
    })
}

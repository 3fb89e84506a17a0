//! The votes of a room session: kept in the state folder beside the notes
//! (`<article>.results.json`, written atomically through `store::write_atomic` whenever
//! votes came in, at most once a second, and when the presenter closes), read back by
//! `glose export --results` as Markdown or CSV: per stop, the counts.
//!
//! The file belongs to one presenter session (its `session` is the session's id, as in
//! `tour::session`): a presenter that resumes that session (after a crash, or `r`) gets its
//! ballots back, so a killed presenter loses at most the last second of votes; a new session
//! starts empty and replaces the file at its first vote.

use crate::i18n::room as msg;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::view::StopView;
use super::votes::{Answer, Votes};
use crate::content::{Article, Poll};
use crate::i18n::Lang;

/// Bars of a guess's histogram in the export.
const BINS: usize = 10;

/// One poll's votes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StopResult {
    /// The stop's number, from 1.
    pub stop: usize,
    pub title: String,
    /// The choices (empty for a guess).
    #[serde(default)]
    pub choices: Vec<String>,
    /// Per choice, how many chose it.
    #[serde(default)]
    pub counts: Vec<usize>,
    /// A guess: its unit, range and answer.
    #[serde(default)]
    pub guess: Option<(String, u32, u32, Option<u32>)>,
    /// Every guess, sorted.
    #[serde(default)]
    pub values: Vec<f64>,
    pub answers: usize,
    /// Each voter's ballot (a random id and the choice's index or the value), so that a
    /// restarted room keeps one vote per voter.
    #[serde(default)]
    pub ballots: Vec<(String, f64)>,
}

/// Every poll of a session that got votes.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Results {
    pub title: String,
    /// The presenter session the votes belong to (`PresenterSession::id`): a resumed session
    /// gets them back, a new one starts empty. `None` in a file from before sessions had them.
    #[serde(default)]
    pub session: Option<u64>,
    pub stops: Vec<StopResult>,
}

impl Results {
    /// The votes so far, per stop with a poll that has any.
    pub fn collect(title: &str, stops: &[StopView], votes: &Votes) -> Self {
        let mut out = Self {
            title: title.to_owned(),
            session: None,
            stops: Vec::new(),
        };
        for (index, view) in stops.iter().enumerate() {
            let Some(poll) = &view.poll else { continue };
            let tally = votes.tally(index, poll);
            if tally.answers == 0 {
                continue;
            }
            let mut ballots: Vec<(String, f64)> = votes
                .ballots(index)
                .map(|(voter, answer)| {
                    let value = match answer {
                        Answer::Choice(i) => i as f64,
                        Answer::Value(v) => v,
                    };
                    (voter.to_owned(), value)
                })
                .collect();
            ballots.sort_by(|a, b| a.0.cmp(&b.0));
            let (choices, guess) = match poll {
                Poll::Choices(choices) => (choices.clone(), None),
                Poll::Guess {
                    unit,
                    min,
                    max,
                    answer,
                } => (Vec::new(), Some((unit.clone(), *min, *max, *answer))),
            };
            out.stops.push(StopResult {
                stop: index + 1,
                title: view.title.clone(),
                choices,
                counts: tally.counts.clone(),
                guess,
                values: tally.values.clone(),
                answers: tally.answers,
                ballots,
            });
        }
        out
    }

    /// Puts the saved ballots back into `votes`, for the stops whose poll is still the same.
    pub fn restore_into(&self, stops: &[StopView], votes: &mut Votes) {
        for saved in &self.stops {
            let index = saved.stop.wrapping_sub(1);
            let Some(poll) = stops.get(index).and_then(|v| v.poll.as_ref()) else {
                continue;
            };
            for (voter, value) in &saved.ballots {
                if !super::code::is_voter_id(voter) {
                    continue;
                }
                let answer = match poll {
                    Poll::Choices(choices) if saved.choices == *choices => {
                        let i = *value as usize;
                        if i >= choices.len() || value.fract() != 0.0 {
                            continue;
                        }
                        Answer::Choice(i)
                    }
                    Poll::Guess { min, max, .. }
                        if value.is_finite()
                            && *value >= f64::from(*min)
                            && *value <= f64::from(*max) =>
                    {
                        Answer::Value(*value)
                    }
                    _ => continue,
                };
                votes.restore(index, voter.clone(), answer);
            }
        }
    }

    /// Markdown: a section per stop with a table of the counts.
    pub fn markdown(&self, lang: Lang) -> String {
        let mut out = format!(
            "# {}{}{}\n",
            msg::results(lang),
            lang.colon(),
            md(&self.title)
        );
        if self.stops.is_empty() {
            out.push_str(&format!("\n{}\n", msg::no_votes_yet(lang)));
        }
        for stop in &self.stops {
            out.push_str(&format!(
                "\n## {} {} — {}\n\n{}\n\n",
                msg::stop(lang),
                stop.stop,
                md(&stop.title),
                answers(lang, stop.answers)
            ));
            out.push_str(&format!(
                "| {} | {} |\n|---|---:|\n",
                msg::answer_heading(lang),
                msg::votes(lang)
            ));
            for (label, count) in rows(stop, lang) {
                out.push_str(&format!("| {} | {count} |\n", md(&label)));
            }
            if let Some((unit, _, _, answer)) = &stop.guess {
                if let Some(median) = median(&stop.values) {
                    out.push_str(&format!(
                        "\n{}{}{} {}\n",
                        msg::median_heading(lang),
                        lang.colon(),
                        number(median, lang),
                        md(unit)
                    ));
                }
                if let Some(answer) = answer {
                    out.push_str(&format!(
                        "{}{}{answer} {}\n",
                        msg::the_answer_heading(lang),
                        lang.colon(),
                        md(unit)
                    ));
                }
            }
        }
        out
    }

    /// CSV: `stop,title,answer,votes`, one row per choice (per range for a guess).
    pub fn csv(&self, lang: Lang) -> String {
        let mut out = format!("{}\n", msg::stop_title_answer_votes(lang));
        for stop in &self.stops {
            for (label, count) in rows(stop, lang) {
                out.push_str(&format!(
                    "{},{},{},{count}\n",
                    stop.stop,
                    csv(&stop.title),
                    csv(&label)
                ));
            }
        }
        out
    }
}

fn answers(lang: Lang, n: usize) -> String {
    crate::i18n::count_of(lang, n, crate::i18n::words::ANSWERS)
}

/// The rows of a stop's table: each choice and its count, or each range of a guess.
fn rows(stop: &StopResult, lang: Lang) -> Vec<(String, usize)> {
    match &stop.guess {
        None => stop
            .choices
            .iter()
            .zip(stop.counts.iter().chain(std::iter::repeat(&0)))
            .map(|(c, n)| (c.clone(), *n))
            .collect(),
        Some((unit, min, max, _)) => {
            let tally = super::votes::Tally {
                answers: stop.answers,
                counts: Vec::new(),
                values: stop.values.clone(),
            };
            let bins = tally.histogram(*min, *max, BINS);
            let width = f64::from(max - min) / BINS as f64;
            bins.iter()
                .enumerate()
                .map(|(i, n)| {
                    let from = f64::from(*min) + width * i as f64;
                    let to = from + width;
                    (
                        format!("{}–{} {unit}", number(from, lang), number(to, lang)),
                        *n,
                    )
                })
                .collect()
        }
    }
}

fn median(values: &[f64]) -> Option<f64> {
    super::votes::Tally {
        answers: values.len(),
        counts: Vec::new(),
        values: values.to_vec(),
    }
    .median()
}

/// A number with at most two decimals, French decimal comma in French.
pub fn number(value: f64, lang: Lang) -> String {
    let rounded = (value * 100.0).round() / 100.0;
    lang.decimal(format!("{rounded}"))
}

/// A table cell of Markdown: no `|` or line break breaks the table.
fn md(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace(['\n', '\r'], " ")
}

/// A CSV field, quoted when it must be; a leading `=`, `+`, `-` or `@` is defused so a
/// spreadsheet never runs it as a formula.
fn csv(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@']) {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// Where `article`'s results are kept, if the platform has a state folder.
pub fn path_for(article: &Article) -> Option<PathBuf> {
    let paths = crate::store::Paths::for_article(article)?;
    let key = crate::store::state_file_stem(article);
    Some(paths.position.with_file_name(format!("{key}.results.json")))
}

/// Writes `results` to `path` atomically.
pub fn save(path: &Path, results: &Results) -> std::io::Result<()> {
    let json = serde_json::to_vec_pretty(results).map_err(std::io::Error::other)?;
    crate::store::write_atomic(path, &json, crate::store::Durability::Atomic)
}

/// Reads the results saved at `path`; `Ok(None)` when there are none.
pub fn load(path: &Path) -> std::io::Result<Option<Results>> {
    match std::fs::read(path) {
        Ok(bytes) => serde_json::from_slice(&bytes)
            .map(Some)
            .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn results() -> Results {
        Results {
            title: "Un | titre".into(),
            session: Some(1_764_589_026_000),
            stops: vec![
                StopResult {
                    stop: 3,
                    title: "=430 millions".into(),
                    choices: vec!["Moins, de 10".into(), "Plus".into()],
                    counts: vec![2, 5],
                    guess: None,
                    values: Vec::new(),
                    answers: 7,
                    ballots: Vec::new(),
                },
                StopResult {
                    stop: 5,
                    title: "Bas de la fourchette".into(),
                    choices: Vec::new(),
                    counts: Vec::new(),
                    guess: Some(("millions".into(), 0, 1000, Some(154))),
                    values: vec![100.0, 150.0, 900.0],
                    answers: 3,
                    ballots: Vec::new(),
                },
            ],
        }
    }

    #[test]
    fn markdown_has_a_table_per_stop() {
        let text = results().markdown(Lang::Fr);
        assert!(
            text.starts_with("# Résultats\u{a0}: Un \\| titre\n"),
            "{text}"
        );
        assert!(text.contains("## Étape 3 — =430 millions\n\n7 réponses"));
        assert!(text.contains("| Moins, de 10 | 2 |\n| Plus | 5 |\n"));
        assert!(text.contains("| 100–200 millions | 2 |"), "{text}");
        assert!(text.contains("Médiane\u{a0}: 150 millions"));
        assert!(text.contains("La réponse\u{a0}: 154 millions"));
    }

    #[test]
    fn csv_is_quoted_and_defused() {
        let text = results().csv(Lang::En);
        let mut lines = text.lines();
        assert_eq!(lines.next(), Some("stop,title,answer,votes"));
        assert_eq!(lines.next(), Some("3,'=430 millions,\"Moins, de 10\",2"));
        assert_eq!(lines.next(), Some("3,'=430 millions,Plus,5"));
        assert_eq!(
            lines.next(),
            Some("5,Bas de la fourchette,0–100 millions,0")
        );
    }
}

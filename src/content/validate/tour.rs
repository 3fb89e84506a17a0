//! `tour.toml`: the guided tour's stops, checked against the parts and the annotations.
//!
//! A stop selects an annotation, shows a part, or both (then the part must be the annotation's);
//! a stop with neither stays on the previous stop's part (the first part for the first stop).

use std::collections::HashMap;

use super::annotations::AnnotationSet;
use super::{check_questions, non_blank};
use crate::content::diagnostic::{Diagnostic, SourceText};
use crate::content::model::{Annotation, MAX_CHOICES, Poll, TourStop};
use crate::content::raw::{self, RawStop};
use crate::content::schema;
use crate::text::sanitize::{clean_block, clean_line};

/// `tour.toml`, checked against the parts (`None` when `article.toml` could not be read) and
/// the anchored annotations, sorted.
pub(super) fn read_tour(
    src: &SourceText<'_>,
    part_ids: Option<&[String]>,
    annotations: &[Annotation],
    annotation_set: Option<&AnnotationSet>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<TourStop> {
    let parts_known = part_ids.is_some();
    let part_ids = part_ids.unwrap_or_default();
    let read = raw::array_file::<RawStop>(src, &schema::STOP, diagnostics);
    let part_index: HashMap<&str, usize> = part_ids
        .iter()
        .enumerate()
        .map(|(i, id)| (id.as_str(), i))
        .collect();
    let annotation_ids: HashMap<&str, usize> = annotations
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    let mut stops = Vec::new();
    for (n, stop, span) in read.entries {
        let title = non_blank(
            src,
            &stop.title,
            &tr!("stop title is empty", "le titre de l’étape est vide"),
            &tr!(
                "give the stop a short title, e.g. title = \"430 millions ?\"",
                "donnez à l’étape un titre court, par exemple title = \"430 millions ?\""
            ),
            diagnostics,
        );
        let number = n + 1;
        let owner = tr!("stop {number} ('{title}')", "l’étape {number} ('{title}')");
        let minutes = *stop.minutes.get_ref();
        if !(1..=120).contains(&minutes) {
            diagnostics.push(
                src.error_at(
                    stop.minutes.span().start,
                    tr!(
                        "{owner} lasts {minutes} minutes, expected 1 to 120",
                        "{owner} dure {minutes} minutes, attendu de 1 à 120"
                    ),
                )
                .with_hint(tr!(
                    "give the suggested duration in whole minutes, from 1 to 120, e.g. minutes = 4",
                    "donnez la durée conseillée en minutes entières, de 1 à 120, par exemple minutes = 4"
                )),
            );
        }
        let questions = check_questions(
            src,
            stop.questions.as_ref(),
            &owner,
            schema::STOP_QUESTIONS,
            diagnostics,
        );
        let say = clean_block(stop.say.trim());

        let annotation = stop.annotation.as_ref().and_then(|spanned| {
            let id = clean_line(spanned.get_ref());
            let index = annotation_ids.get(id.as_str()).copied();
            // An annotation that exists but failed to anchor is already reported.
            let declared = annotation_set.is_some_and(|s| s.declared.contains_key(&id));
            // Checked against what did load: an annotation that could not be read still
            // declares its id (`declared`), so only a name found nowhere is reported.
            if index.is_none() && !declared && annotation_set.is_some_and(|s| s.ids_known) {
                let mut known: Vec<&str> = annotation_ids.keys().copied().collect();
                known.extend(
                    annotation_set
                        .iter()
                        .flat_map(|s| s.declared.keys().map(String::as_str)),
                );
                let hint = raw::closest_name(&id, &known).map_or_else(
                    || {
                        tr!(
                            "give the id of an [[annotation]] of annotations.toml",
                            "donnez l’id d’une [[annotation]] de annotations.toml"
                        )
                    },
                    |close| tr!("did you mean '{close}'?", "vouliez-vous dire '{close}' ?"),
                );
                diagnostics.push(
                    src.error_at(
                        spanned.span().start,
                        tr!(
                            "{owner} selects an unknown annotation '{id}'",
                            "{owner} choisit une annotation inconnue '{id}'"
                        ),
                    )
                    .with_hint(hint),
                );
            }
            index
        });
        let part = stop.part.as_ref().and_then(|spanned| {
            let id = clean_line(spanned.get_ref());
            let index = part_index.get(id.as_str()).copied();
            if index.is_none() && parts_known {
                let known: Vec<&str> = part_ids.iter().map(String::as_str).collect();
                let hint = raw::closest_name(&id, &known).map_or_else(
                    || {
                        let list = known
                            .iter()
                            .map(|id| format!("'{id}'"))
                            .collect::<Vec<_>>()
                            .join(", ");
                        tr!("the parts are {list}", "les parties sont {list}")
                    },
                    |close| tr!("did you mean '{close}'?", "vouliez-vous dire '{close}' ?"),
                );
                diagnostics.push(
                    src.error_at(
                        spanned.span().start,
                        tr!(
                            "{owner} shows an unknown part '{id}'",
                            "{owner} montre une partie inconnue '{id}'"
                        ),
                    )
                    .with_hint(hint),
                );
            }
            index
        });
        let annotation_part = annotation.and_then(|a| annotations.get(a)).map(|a| a.part);
        if let (Some(from_annotation), Some(given), Some(spanned)) =
            (annotation_part, part, &stop.part)
            && from_annotation != given
        {
            let name = |i: usize| part_ids.get(i).map_or("", String::as_str);
            let (given, wanted) = (name(given), name(from_annotation));
            diagnostics.push(
                src.error_at(
                    spanned.span().start,
                    tr!(
                        "{owner} shows part '{given}' but its annotation is in part '{wanted}'",
                        "{owner} montre la partie '{given}' mais son annotation est dans la partie '{wanted}'"
                    ),
                )
                .with_hint(tr!(
                    "leave 'part' out: a stop shows the part of its annotation",
                    "retirez 'part' : une étape montre la partie de son annotation"
                )),
            );
        }
        if stop.annotation.is_none()
            && stop.part.is_none()
            && say.is_empty()
            && questions.is_empty()
        {
            diagnostics.push(
                src.error_at(span.start, tr!("{owner} is empty", "{owner} est vide"))
                    .with_hint(tr!(
                        "give it 'say', 'questions', an 'annotation' to select or a 'part' to show",
                        "donnez-lui 'say', 'questions', une 'annotation' à choisir ou une 'part' à montrer"
                    )),
            );
        }
        let big = stop
            .big
            .as_ref()
            .map(|b| clean_line(b.get_ref()).trim().to_owned())
            .filter(|b| !b.is_empty());
        let poll = read_poll(src, &stop, &owner, diagnostics);
        // A stop without annotation or part stays on the previous stop's part.
        let previous = stops.last().map_or(0, |s: &TourStop| s.part);
        stops.push(TourStop {
            title,
            annotation,
            part: annotation_part.or(part).unwrap_or(previous),
            say,
            questions,
            minutes,
            big,
            poll,
        });
    }
    stops
}

/// A stop's `poll` (2 to 9 answers, none blank) or `guess` (whole numbers, checked by the
/// schema), never both.
fn read_poll(
    src: &SourceText<'_>,
    stop: &RawStop,
    owner: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Poll> {
    if let (Some(_), Some(guess)) = (&stop.poll, &stop.guess) {
        diagnostics.push(
            src.error_at(
                guess.span().start,
                tr!(
                    "{owner} has both a poll and a guess",
                    "{owner} a à la fois un sondage (poll) et une estimation (guess)"
                ),
            )
            .with_hint(tr!(
                "keep one of them: a stop asks the room one thing at a time",
                "gardez-en un : une étape pose une seule question à la salle"
            )),
        );
        return None;
    }
    if let Some(guess) = &stop.guess {
        let g = guess.get_ref();
        return Some(Poll::Guess {
            unit: clean_line(g.unit.trim()),
            min: g.min,
            max: g.max,
            answer: g.answer,
        });
    }
    let poll = stop.poll.as_ref()?;
    let at = poll.span().start;
    let choices: Vec<String> = poll
        .get_ref()
        .iter()
        .map(|c| clean_line(c.trim()))
        .collect();
    let count = choices.len();
    if !(2..=MAX_CHOICES).contains(&count) {
        diagnostics.push(
            src.error_at(
                at,
                tr!(
                    "{owner} has a poll with {count} answer(s), expected 2 to {MAX_CHOICES}",
                    "{owner} a un sondage à {count} réponse(s), attendu de 2 à {MAX_CHOICES}"
                ),
            )
            .with_hint(tr!(
                "give between two and nine answers, e.g. poll = [\"Oui\", \"Non\"]",
                "donnez entre deux et neuf réponses, par exemple poll = [\"Oui\", \"Non\"]"
            )),
        );
        return None;
    }
    if choices.iter().any(String::is_empty) {
        diagnostics.push(
            src.error_at(
                at,
                tr!(
                    "{owner} has a blank answer in its poll",
                    "{owner} a une réponse vide dans son sondage"
                ),
            )
            .with_hint(tr!(
                "write every answer, or remove the empty one",
                "écrivez chaque réponse, ou retirez celle qui est vide"
            )),
        );
        return None;
    }
    Some(Poll::Choices(choices))
}

//! `tour.toml`: the guided tour's stops, checked against the parts and the annotations.
//!
//! A stop selects an annotation, shows a part, or both (then the part must be the annotation's);
//! a stop with neither stays on the previous stop's part (the first part for the first stop).

use crate::content::diagnostic::lang;
use crate::i18n::diagnostics::tour as msg;
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
            &msg::stop_title_empty(lang()),
            &msg::give_stop_short_title_title(lang()),
            diagnostics,
        );
        let number = n + 1;
        let owner = msg::stop_named(lang(), &number, &title);
        let minutes = *stop.minutes.get_ref();
        if !(1..=120).contains(&minutes) {
            diagnostics.push(
                src.error_at(
                    stop.minutes.span().start,
                    msg::lasts_minutes_expected(lang(), &owner, &minutes),
                )
                .with_hint(msg::give_suggested_duration_whole_minutes(lang())),
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
                    || msg::give_id_annotation_annotations_toml(lang()),
                    |close| msg::did_you_mean(lang(), &close),
                );
                diagnostics.push(
                    src.error_at(
                        spanned.span().start,
                        msg::selects_unknown_annotation(lang(), &owner, &id),
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
                        msg::parts_are(lang(), &list)
                    },
                    |close| msg::did_you_mean(lang(), &close),
                );
                diagnostics.push(
                    src.error_at(
                        spanned.span().start,
                        msg::shows_unknown_part(lang(), &owner, &id),
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
                    msg::shows_part_but_annotation_part(lang(), &owner, &given, &wanted),
                )
                .with_hint(msg::leave_part_out_stop_shows(lang())),
            );
        }
        if stop.annotation.is_none()
            && stop.part.is_none()
            && say.is_empty()
            && questions.is_empty()
        {
            diagnostics.push(
                src.error_at(span.start, msg::file_empty(lang(), &owner))
                    .with_hint(msg::give_say_questions_annotation_select(lang())),
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
            src.error_at(guess.span().start, msg::has_both_poll_guess(lang(), &owner))
                .with_hint(msg::keep_one_them_stop_asks(lang())),
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
                msg::has_poll_answer_expected(lang(), &owner, &count, &MAX_CHOICES),
            )
            .with_hint(msg::give_between_two_nine_answers(lang())),
        );
        return None;
    }
    if choices.iter().any(String::is_empty) {
        diagnostics.push(
            src.error_at(at, msg::has_blank_answer_poll(lang(), &owner))
                .with_hint(msg::write_every_answer_remove_empty(lang())),
        );
        return None;
    }
    Some(Poll::Choices(choices))
}

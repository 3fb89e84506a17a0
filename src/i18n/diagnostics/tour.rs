//! The tour (`tour.toml`): stops, their annotations and parts, polls and guesses.
//!
//! Each function is named after its English words and takes the values its messages show.

pub use super::schema::did_you_mean;

messages! {
    stop_title_empty() =>
        "stop title is empty",
        "le titre de l’étape est vide";
    give_stop_short_title_title() =>
        "give the stop a short title, e.g. title = \"430 millions ?\"",
        "donnez à l’étape un titre court, par exemple title = \"430 millions ?\"";
    stop_named(number, title) =>
        "stop {number} ('{title}')",
        "l’étape {number} ('{title}')";
    lasts_minutes_expected(owner, minutes) =>
        "{owner} lasts {minutes} minutes, expected 1 to 120",
        "{owner} dure {minutes} minutes, attendu de 1 à 120";
    give_suggested_duration_whole_minutes() =>
        "give the suggested duration in whole minutes, from 1 to 120, e.g. minutes = 4",
        "donnez la durée conseillée en minutes entières, de 1 à 120, par exemple minutes = 4";
    give_id_annotation_annotations_toml() =>
        "give the id of an [[annotation]] of annotations.toml",
        "donnez l’id d’une [[annotation]] de annotations.toml";
    selects_unknown_annotation(owner, id) =>
        "{owner} selects an unknown annotation '{id}'",
        "{owner} choisit une annotation inconnue '{id}'";
    parts_are(list) =>
        "the parts are {list}",
        "les parties sont {list}";
    shows_unknown_part(owner, id) =>
        "{owner} shows an unknown part '{id}'",
        "{owner} montre une partie inconnue '{id}'";
    shows_part_but_annotation_part(owner, given, wanted) =>
        "{owner} shows part '{given}' but its annotation is in part '{wanted}'",
        "{owner} montre la partie '{given}' mais son annotation est dans la partie '{wanted}'";
    leave_part_out_stop_shows() =>
        "leave 'part' out: a stop shows the part of its annotation",
        "retirez 'part' : une étape montre la partie de son annotation";
    file_empty(owner) =>
        "{owner} is empty",
        "{owner} est vide";
    give_say_questions_annotation_select() =>
        "give it 'say', 'questions', an 'annotation' to select or a 'part' to show",
        "donnez-lui 'say', 'questions', une 'annotation' à choisir ou une 'part' à montrer";
    has_both_poll_guess(owner) =>
        "{owner} has both a poll and a guess",
        "{owner} a à la fois un sondage (poll) et une estimation (guess)";
    keep_one_them_stop_asks() =>
        "keep one of them: a stop asks the room one thing at a time",
        "gardez-en un : une étape pose une seule question à la salle";
    has_poll_answer_expected(owner, count, max_choices) =>
        "{owner} has a poll with {count} answer(s), expected 2 to {max_choices}",
        "{owner} a un sondage à {count} réponse(s), attendu de 2 à {max_choices}";
    give_between_two_nine_answers() =>
        "give between two and nine answers, e.g. poll = [\"Oui\", \"Non\"]",
        "donnez entre deux et neuf réponses, par exemple poll = [\"Oui\", \"Non\"]";
    has_blank_answer_poll(owner) =>
        "{owner} has a blank answer in its poll",
        "{owner} a une réponse vide dans son sondage";
    write_every_answer_remove_empty() =>
        "write every answer, or remove the empty one",
        "écrivez chaque réponse, ou retirez celle qui est vide";
}

//! What a value of an article file must be (`content::schema`): types, missing and unknown keys,
//! polls and guesses.
//!
//! Each function is named after its English words and takes the values its messages show.

messages! {
    found_text(s) =>
        "the text \"{s}\"",
        "le texte \"{s}\"";
    found_number(n) =>
        "the number {n}",
        "le nombre {n}";
    found_date(d) =>
        "the date {d}",
        "la date {d}";
    found_list() =>
        "a list [ … ]",
        "une liste [ … ]";
    found_table() =>
        "a table",
        "une table";
    text_quotes(name, example) =>
        "{name} must be a text in quotes, e.g. {example}",
        "{name} doit être un texte entre guillemets, par exemple {example}";
    whole_number(name, unit, example) =>
        "{name} must be a whole number{unit}, e.g. {example}",
        "{name} doit être un nombre entier{unit}, par exemple {example}";
    of_minutes =>
        " of minutes",
        " de minutes";
    list_texts_quotes(name, example) =>
        "{name} must be a list of texts in quotes, e.g. {example}",
        "{name} doit être une liste de textes entre guillemets, par exemple {example}";
    one_of(name, list) =>
        "{name} must be one of {list}",
        "{name} doit être l’une des valeurs {list}";
    true_false_without_quotes(name, example) =>
        "{name} must be true or false (without quotes), e.g. {example}",
        "{name} doit valoir true ou false (sans guillemets), par exemple {example}";
    table_min_max_whole_numbers(name, example) =>
        "{name} must be a table with min and max (whole numbers) and, if you like, a unit and \
             the answer, e.g. {example}",
        "{name} doit être une table avec min et max (des nombres entiers) et, si vous voulez, \
             une unité (unit) et la réponse (answer), par exemple {example}";
    found_write_number_without_quotes(got, name, n) =>
        "found {got}: write the number without quotes, {name} = {n}",
        "trouvé {got} : écrivez le nombre sans guillemets, {name} = {n}";
    found_round_whole_number_without(got) =>
        "found {got}: round it to a whole number, without a decimal point",
        "trouvé {got} : arrondissez-le à un nombre entier, sans virgule";
    found_put_quotes(got, name) =>
        "found {got}: put it in quotes, {name} = \"…\"",
        "trouvé {got} : mettez-le entre guillemets, {name} = \"…\"";
    found_put_list(got, name) =>
        "found {got}: put it in a list, {name} = [\"…\"]",
        "trouvé {got} : mettez-le dans une liste, {name} = [\"…\"]";
    found_value(got) =>
        "found {got}",
        "trouvé {got}";
    did_you_mean(close) =>
        "did you mean '{close}'?",
        "vouliez-vous dire '{close}' ?";
    remove_line_check_key_spelling() =>
        "remove the line, or check the key's spelling in FORMAT.md (every key is listed there)",
        "retirez la ligne, ou vérifiez l’orthographe de la clé dans FORMAT.md (toutes les clés y sont)";
    unknown_key_expected(name, one) =>
        "unknown key '{name}', expected {one}",
        "clé inconnue '{name}', attendu {one}";
    unknown_key_expected_one(name, list) =>
        "unknown key '{name}', expected one of {list}",
        "clé inconnue '{name}', attendu l’une de {list}";
    missing_every_needs_one(name, entry) =>
        "'{name}' is missing: every [[{entry}]] needs one",
        "'{name}' manque : chaque [[{entry}]] en a besoin";
    missing_needs_one(name, file) =>
        "'{name}' is missing: {file} needs one",
        "'{name}' manque : {file} en a besoin";
    add_line_such(example) =>
        "add a line such as {example}",
        "ajoutez une ligne comme {example}";
    not_count_give_positive_whole(n, example) =>
        "{n} is not a count: give a positive whole number, e.g. {example}",
        "{n} n’est pas un compte : donnez un nombre entier positif, par exemple {example}";
    not_one_them_instance(name, example) =>
        "'{name}' is not one of them; for instance {example}",
        "'{name}' n’en fait pas partie ; par exemple {example}";
    missing_from_guess(name) =>
        "'{name}' is missing from guess",
        "'{name}' manque dans guess";
    write_it_as(example) =>
        "write it as {example}",
        "écrivez-la comme {example}";
    guess_max_greater_than_min(max, min) =>
        "guess: max ({max}) must be greater than min ({min})",
        "guess : max ({max}) doit être plus grand que min ({min})";
    give_range_answers_room_may() =>
        "give the range of answers the room may give, e.g. min = 0, max = 1000",
        "donnez l’intervalle des réponses possibles, par exemple min = 0, max = 1000";
    guess_answer_outside_min_max(answer, min, max) =>
        "guess: the answer {answer} is outside min to max ({min} to {max})",
        "guess : la réponse {answer} sort de l’intervalle de min à max ({min} à {max})";
    widen_range_correct_answer() =>
        "widen the range or correct the answer",
        "élargissez l’intervalle ou corrigez la réponse";
}

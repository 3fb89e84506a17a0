//! Annotations (`annotations.toml`): quotes that match nothing or several places, overlaps, cited
//! sources.
//!
//! Each function is named after its English words and takes the values its messages show.

pub use super::schema::did_you_mean;

messages! {
    start_paragraph(at) =>
        "{at} (at the start of a paragraph)",
        "{at} (au début d’un paragraphe)";
    after(at, context) =>
        "{at} (after « {context} »)",
        "{at} (après « {context} »)";
    and_more(more) =>
        "and {more} more",
        "et {more} autres";
    annotation_has_neither_context_nor(name) =>
        "annotation '{name}' has neither 'context' nor 'note'",
        "l’annotation '{name}' n’a ni 'context' ni 'note'";
    write_context_what_reader_needs() =>
        "write in 'context' what a reader needs to know to read these words, e.g. \
                     context = \"…\"",
        "écrivez dans 'context' ce qu’un lecteur doit savoir pour lire ces mots, par \
                     exemple context = \"…\"";
    annotation_named(name) =>
        "annotation '{name}'",
        "l’annotation '{name}'";
    picks_first_places_change_pick(at, count) =>
        "picks {at}, the first of {count} places: change it to pick another",
        "choisit {at}, le premier des {count} endroits : changez-le pour en choisir un autre";
    add_source_id_sources_toml(cited_id) =>
        "add a [[source]] with id = \"{cited_id}\" to sources.toml",
        "ajoutez à sources.toml une [[source]] avec id = \"{cited_id}\"";
    annotation_cites_unknown_source(name, cited_id) =>
        "annotation '{name}' cites an unknown source '{cited_id}'",
        "l’annotation '{name}' cite une source inconnue '{cited_id}'";
    annotation_overlaps_annotation(this, other) =>
        "annotation '{this}' overlaps annotation '{other}'",
        "l’annotation '{this}' chevauche l’annotation '{other}'";
    both_cover_annotations_never_overlap(words, at) =>
        "both cover « {words} » ({at}); annotations never overlap: quote fewer words \
                     in one of them",
        "les deux couvrent « {words} » ({at}) ; les annotations ne se chevauchent \
                     jamais : citez moins de mots dans l’une d’elles";
    quote_annotation_moved_text_now(name, words, at) =>
        "quote of annotation '{name}' moved: the text now reads « {words} » ({at})",
        "la citation de l’annotation '{name}' a bougé : le texte dit maintenant « {words} » ({at})";
    annotation_shown_these_words_glose(how) =>
        "the annotation is shown on these words; glose check --fix writes them into the \
         quote{how}",
        "l’annotation est montrée sur ces mots ; glose check --fix les écrit dans la \
         citation{how}";
    words_at(at) =>
        "the words at {at}",
        "les mots en {at}";
    quote_annotation_empty(name) =>
        "quote of annotation '{name}' is empty",
        "la citation (quote) de l’annotation '{name}' est vide";
    quote_exact_words_text_annotation() =>
        "quote the exact words of the text this annotation is about, e.g. quote = \"430 \
                 millions\"",
        "citez les mots exacts du texte dont parle l’annotation, par exemple quote = \"430 \
                 millions\"";
    words_are_text_between_quotation(words, at) =>
        "the words « {words} » are in the text ({at}), between quotation marks \
                         « » where the quote has straight quotes \"…\": leave them out, \
                         quote = \"{words}\"",
        "les mots « {words} » sont dans le texte ({at}), entre des guillemets « » \
                         là où la citation a des guillemets droits \"…\" : retirez-les, \
                         quote = \"{words}\"";
    closest_text(words, at, how) =>
        "the closest text is « {words} » ({at}){how}",
        "le texte le plus proche est « {words} » ({at}){how}";
    copy_words_exactly_from_spaces(text_name) =>
        "copy the words exactly from {text_name} (spaces and apostrophes may differ)",
        "copiez les mots tels quels depuis {text_name} (espaces et apostrophes \
                     peuvent différer)";
    quote_annotation_matches_nothing_text(name) =>
        "quote of annotation '{name}' matches nothing in the text",
        "la citation de l’annotation '{name}' ne se trouve nulle part dans le texte";
    quote_annotation_matches_places_text(name, count) =>
        "quote of annotation '{name}' matches {count} places in the text",
        "la citation de l’annotation '{name}' se trouve à {count} endroits du texte";
    occurs_nadd_prefix_words_just(list) =>
        "it occurs at:{list}\nadd 'prefix' (the words just before) or 'suffix' (the words \
                 just after) to pick one (glose check --fix can add them)",
        "elle se trouve en :{list}\najoutez 'prefix' (les mots juste avant) ou 'suffix' \
                 (les mots juste après) pour en choisir un (glose check --fix peut les ajouter)";
    prefix_suffix_annotation_match_none(name, count) =>
        "prefix/suffix of annotation '{name}' match none of the {count} places of its \
                     quote",
        "prefix/suffix de l’annotation '{name}' ne correspondent à aucun des {count} \
                     endroits de sa citation";
    prefix_suffix_annotation_still_match(name, selected) =>
        "prefix/suffix of annotation '{name}' still match {selected} places",
        "prefix/suffix de l’annotation '{name}' correspondent encore à {selected} \
                     endroits";
    quote_occurs_n_prefix_words(list) =>
        "the quote occurs at:{list}\n'prefix' must be the words just before, 'suffix' the \
                 words just after the place meant",
        "la citation se trouve en :{list}\n'prefix' doit être les mots juste avant, \
                 'suffix' les mots juste après l’endroit voulu";
    quote_has_straight_quotes_text() =>
        "; the quote has straight quotes \"…\" that the text does not have (it uses « » or \
             “ ”): copy them from the text, or leave them out of the quote",
        " ; la citation a des guillemets droits \"…\" que le texte n’a pas (il utilise « » \
             ou “ ”) : copiez-les depuis le texte, ou laissez-les hors de la citation";
    differs_only_unicode_normalisation_nfc() =>
        "; it differs only in Unicode normalisation (NFC/NFD)",
        " ; elle ne diffère que par la normalisation Unicode (NFC/NFD)";
    differs_only_case_capital_letters(words, quote) =>
        "; it differs only in case (capital letters): « {words} », not « {quote} »",
        " ; elle ne diffère que par les majuscules : « {words} », et non « {quote} »";
    differs_only_accents_not(words, quote) =>
        "; it differs only in accents: « {words} », not « {quote} »",
        " ; elle ne diffère que par les accents : « {words} », et non « {quote} »";
    differs_only_case_accents() =>
        "; it differs only in case or accents",
        " ; elle ne diffère que par les majuscules ou les accents";
}

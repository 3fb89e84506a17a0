//! The summary `glose check` prints for a valid article.
//!
//! Each function is named after its English words and takes the values its messages show.

messages! {
    cannot_write_summary =>
        "cannot write the summary",
        "impossible d’écrire le résumé";
    colon =>
        ": ",
        " : ";
    unknown =>
        "(unknown)",
        "(inconnu)";
    title =>
        "title",
        "titre";
    author =>
        "author",
        "auteur";
    language =>
        "language",
        "langue";
    without_verdict =>
        "without a verdict",
        "sans verdict";
    article_own_reference_list =>
        "in the article’s own reference list",
        "dans la liste de références de l’article";
    tour =>
        "tour",
        "parcours";
    none =>
        "none",
        "aucun";
}

messages! {
    give_article_folder_fix =>
        "give an article folder: --fix mends its annotations.toml",
        "donnez un dossier d’article : --fix corrige son annotations.toml";
    nothing_to_fix =>
        "nothing to fix in annotations.toml",
        "rien à corriger dans annotations.toml";
    cannot_read_annotations(error) =>
        "cannot read annotations.toml: {error}",
        "impossible de lire annotations.toml : {error}";
    annotations_do_not_parse =>
        "annotations.toml does not parse: fix its syntax first",
        "annotations.toml n’est pas du TOML valide : corrigez d’abord sa syntaxe";
    cannot_write_annotations(error) =>
        "cannot write annotations.toml: {error}",
        "impossible d’écrire annotations.toml : {error}";
    fix_changed(id, key, new, old) =>
        "annotation '{id}': {key} = \"{new}\" (was \"{old}\")",
        "annotation '{id}' : {key} = \"{new}\" (au lieu de \"{old}\")";
    fix_added(id, key, new) =>
        "annotation '{id}': {key} = \"{new}\" added",
        "annotation '{id}' : {key} = \"{new}\" ajouté";
    stop_too_tall(number, title, rows, room) =>
        "stop {number} ('{title}') does not fit an 80×24 screen whole: it needs \
         {rows} rows and has {room}, so the presenter scrolls it",
        "l’étape {number} ('{title}') ne tient pas entière sur un écran 80×24 : \
         il lui faut {rows} lignes et il y en a {room}, le présentateur la fait \
         défiler";
    shorten_the_stop =>
        "shorten its note, its passage or its questions, or split it in two stops",
        "raccourcissez sa note, son passage ou ses questions, ou coupez-la en deux \
         étapes";
}

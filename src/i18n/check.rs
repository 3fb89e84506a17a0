//! The summary `glose check` prints for a valid article.
//!
//! Each function is named after its English words and takes the values its messages show.

messages! {
    cannot_write_summary =>
        "cannot write the summary",
        "impossible d’écrire le résumé";
    say_value =>
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

//! The article's own files (`article.toml`, the text, `sources.toml`): parts, headings, titles,
//! references.
//!
//! Each function is named after its English words and takes the values its messages show.

pub use super::files::file_empty;

messages! {
    part_heading_empty() =>
        "part heading is empty",
        "le titre (heading) de la partie est vide";
    write_heading_appears_text_after() =>
        "write the heading as it appears in the text after '# ', e.g. heading = \"Première partie\"",
        "écrivez le titre tel qu’il figure dans le texte après '# ', par exemple heading = \"Première partie\"";
    no_part_article_toml() =>
        "no [[part]] in article.toml",
        "aucune [[part]] dans article.toml";
    list_text_parts_order_each() =>
        "list the text's parts, in order, each with id, kind and heading, e.g.\n[[part]]\nid = \"partie-1\"\nkind = \"part\"\nheading = \"Première partie\"",
        "listez les parties du texte, dans l’ordre, chacune avec id, kind et heading, par exemple\n[[part]]\nid = \"partie-1\"\nkind = \"part\"\nheading = \"Première partie\"";
    title_empty() =>
        "the title is empty",
        "le titre est vide";
    give_text_title_title_le() =>
        "give the text's title, e.g. title = \"Le titre du texte\"",
        "donnez le titre du texte, par exemple title = \"Le titre du texte\"";
    not_language_tag(language) =>
        "'{language}' is not a language tag",
        "'{language}' n’est pas un code de langue";
    use_bcp_tag_such_fr() =>
        "use a BCP 47 tag such as 'fr', 'en' or 'fr-CA', e.g. language = \"fr\"",
        "utilisez un code BCP 47 comme 'fr', 'en' ou 'fr-CA', par exemple language = \"fr\"";
    not_file_name(name) =>
        "'{name}' is not a file name",
        "'{name}' n’est pas un nom de fichier";
    name_file_folder_such_text() =>
        "name a file of this folder, such as 'text.md', without any '/'",
        "nommez un fichier de ce dossier, comme 'text.md', sans aucun '/'";
    write_text_parts_beginning_lines() =>
        "write the text in it, its parts beginning with '# ' lines",
        "écrivez-y le texte, ses parties commençant par des lignes '# '";
    does_not_begin_part_shown(hashes) =>
        "'{hashes}' does not begin a part; it is shown as a heading inside the part",
        "'{hashes}' ne commence pas une partie ; il est montré comme un titre dans la partie";
    parts_begin_line_heading_one() =>
        "parts begin with a line '# Heading' (one '#'), matching article.toml",
        "les parties commencent par une ligne '# Titre' (un seul '#'), comme dans article.toml";
    text_before_first_heading_belongs() =>
        "the text before the first heading belongs to no part",
        "le texte avant le premier titre n’appartient à aucune partie";
    begin_line_part_make_first(heading, id) =>
        "begin it with the line '# {heading}' (part '{id}'), or make the first \
                             [[part]] of article.toml of kind 'introduction'",
        "commencez-le par la ligne '# {heading}' (partie '{id}'), ou donnez à la \
                             première [[part]] de article.toml le kind 'introduction'";
    line_line_but_out_order(heading, text_name, line) =>
        "the line '# {heading}' is in {text_name} (line {line}) but out of order: \
                     parts come in {text_name} in the order of the [[part]] entries of \
                     article.toml; move the part or reorder the [[part]] entries",
        "la ligne '# {heading}' est bien dans {text_name} (ligne {line}) mais pas à \
                     sa place : les parties se suivent dans {text_name} dans l’ordre des [[part]] \
                     de article.toml ; déplacez la partie ou réordonnez les [[part]]";
    add_line_where_part_begins(heading, text_name) =>
        "add the line '# {heading}' to {text_name} where the part begins",
        "ajoutez la ligne '# {heading}' à {text_name} là où la partie commence";
    part_has_no_heading(id, text_name) =>
        "part '{id}' has no heading in {text_name}",
        "la partie '{id}' n’a pas de titre dans {text_name}";
    part_empty(id) =>
        "part '{id}' is empty",
        "la partie '{id}' est vide";
    write_text_under_heading_remove() =>
        "write its text under the heading, or remove the part from both files",
        "écrivez son texte sous le titre, ou retirez la partie des deux fichiers";
    heading_does_not_match_part(text, id) =>
        "heading '{text}' does not match part '{id}' of article.toml",
        "le titre '{text}' ne correspond pas à la partie '{id}' de article.toml";
    article_toml_has_heading_two(line, column, expected) =>
        "article.toml:{line}:{column} has heading = '{expected}'; the two must be equal \
                     (and in the same order)",
        "article.toml:{line}:{column} a heading = '{expected}' ; les deux doivent être \
                     égaux (et dans le même ordre)";
    heading_part_out_order(text, id) =>
        "heading '{text}' (part '{id}') is out of order",
        "le titre '{text}' (partie '{id}') n’est pas à sa place";
    parts_come_text_order_part() =>
        "parts come in the text in the order of the [[part]] entries of article.toml: \
                 move this part or reorder the [[part]] entries",
        "les parties se suivent dans le texte dans l’ordre des [[part]] de article.toml : \
                 déplacez cette partie ou réordonnez les [[part]]";
    heading_matches_no_part_article(text) =>
        "heading '{text}' matches no [[part]] of article.toml",
        "le titre '{text}' ne correspond à aucune [[part]] de article.toml";
    add_part_heading_article_toml(text) =>
        "add a [[part]] with heading = \"{text}\" to article.toml, in text order, or remove the line",
        "ajoutez à article.toml une [[part]] avec heading = \"{text}\", dans l’ordre du texte, ou retirez la ligne";
    source_title_empty() =>
        "source title is empty",
        "le titre de la source est vide";
    give_document_title_title_working() =>
        "give the document's title, e.g. title = \"Working Without Borders\"",
        "donnez le titre du document, par exemple title = \"Working Without Borders\"";
    reference_numbers_start() =>
        "reference numbers start at 1",
        "les numéros de référence commencent à 1";
    give_source_position_article_own() =>
        "give the source's position in the article's own reference list, e.g. reference = 1",
        "donnez la place de la source dans la liste de références de l’article, par exemple reference = 1";
    duplicate_reference_number(number) =>
        "duplicate reference number {number}",
        "numéro de référence {number} en double";
    source_already_has_reference(first, number) =>
        "source '{first}' already has reference = {number}",
        "la source '{first}' a déjà reference = {number}";
    source_cited_no_annotation(id) =>
        "source '{id}' is cited by no annotation",
        "la source '{id}' n’est citée par aucune annotation";
    cite_from_annotation_source_remove(id) =>
        "cite it from an annotation with source = \"{id}\", or remove it",
        "citez-la depuis une annotation avec source = \"{id}\", ou retirez-la";
}

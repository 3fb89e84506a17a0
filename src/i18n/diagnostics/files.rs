//! Reading an article's files: encodings, TOML syntax, entries, ids, addresses, question lists.
//!
//! Each function is named after its English words and takes the values its messages show.

messages! {
    errors(n) =>
        "{n} errors",
        "{n} erreurs";
    cannot_open(label, why) =>
        "cannot open '{label}': {why}",
        "impossible d’ouvrir '{label}' : {why}";
    give_article_folder_md_txt() =>
        "give an article folder, or a .md or .txt file",
        "donnez un dossier d’article, ou un fichier .md ou .txt";
    cannot_read(label, why) =>
        "cannot read '{label}': {why}",
        "impossible de lire '{label}' : {why}";
    cannot_read_standard_input(why) =>
        "cannot read standard input: {why}",
        "impossible de lire l’entrée standard : {why}";
    article_folder_holds_article_toml() =>
        "an article folder holds 'article.toml' and the text ('text.md'), see \
                     FORMAT.md (glose new FOLDER writes one)\nto read a plain text instead, give \
                     the path of a .md or .txt file",
        "un dossier d’article contient 'article.toml' et le texte ('text.md'), voir \
                     FORMAT.md (glose new DOSSIER en crée un)\npour lire un simple texte, donnez \
                     le chemin d’un fichier .md ou .txt";
    larger_than_limit_toml(label, limit) =>
        "'{label}' is larger than the {limit} limit for a TOML file",
        "'{label}' dépasse la limite de {limit} d’un fichier TOML";
    larger_than_limit_text(label, limit) =>
        "'{label}' is larger than the {limit} limit for a text file",
        "'{label}' dépasse la limite de {limit} d’un fichier texte";
    check_right_file() =>
        "check that this is the right file",
        "vérifiez que c’est le bon fichier";
    no_such_file_directory() =>
        "no such file or directory",
        "fichier ou dossier absent";
    directory_not_file() =>
        "it is a directory, not a file",
        "c’est un dossier, pas un fichier";
    permission_denied() =>
        "permission denied",
        "permission refusée";
    not_regular_file_pipe_device() =>
        "it is not a regular file (a pipe, a device or a socket)",
        "ce n’est pas un fichier ordinaire (un tube, un périphérique ou une socket)";
    not_valid_utf_bad_byte(label, offset) =>
        "'{label}' is not valid UTF-8: bad byte at offset {offset}",
        "'{label}' n’est pas en UTF-8 valide : octet incorrect à la position {offset}";
    save_file_utf_every_article() =>
        "save the file as UTF-8 (every article file is UTF-8)",
        "enregistrez le fichier en UTF-8 (tous les fichiers d’un article sont en UTF-8)";
    invalid_id(what, value, what_fr) =>
        "invalid {what} id '{value}'",
        "id {what_fr} incorrect '{value}'";
    ids_are_lower_case_ascii(suggestion) =>
        "ids are lower-case ASCII letters, digits and '-', for instance '{suggestion}'",
        "un id s’écrit en minuscules sans accents, chiffres et '-', par exemple \
                 '{suggestion}'";
    duplicate_id(what, value, what_fr) =>
        "duplicate {what} id '{value}'",
        "id {what_fr} en double '{value}'";
    already_id_line_column_ids(value, line, column) =>
        "'{value}' is already the id at line {line}, column {column}: ids must be unique",
        "'{value}' est déjà l’id de la ligne {line}, colonne {column} : chaque id est unique";
    not_web_address(value) =>
        "'{value}' is not a web address",
        "'{value}' n’est pas une adresse web";
    url_starts_https_http_holds() =>
        "a url starts with 'https://' (or 'http://') and holds no space, e.g. url = \"https://example.org/page\"",
        "une url commence par 'https://' (ou 'http://') et ne contient pas d’espace, par exemple url = \"https://example.org/page\"";
    has_questions_most_are_allowed(owner, count, max) =>
        "{owner} has {count} questions, at most {max} are allowed",
        "{owner} a {count} questions, {max} au plus sont permises";
    keep_questions_matter_most() =>
        "keep the questions that matter most",
        "gardez les questions qui comptent le plus";
    has_empty_question(owner) =>
        "{owner} has an empty question",
        "{owner} a une question vide";
    remove_empty_string_from_list() =>
        "remove the empty string from the list",
        "retirez le texte vide \"\" de la liste";
    article_could_not_read() =>
        "the article could not be read",
        "l’article n’a pas pu être lu";
    not_utf_read_windows_latin(label) =>
        "'{label}' is not UTF-8; it is read as Windows-1252 (Latin-1)",
        "'{label}' n’est pas en UTF-8 ; il est lu comme du Windows-1252 (Latin-1)";
    if_some_letters_look_wrong() =>
        "if some letters look wrong, save the file as UTF-8",
        "si des lettres semblent fausses, enregistrez le fichier en UTF-8";
    file_empty(label) =>
        "'{label}' is empty",
        "'{label}' est vide";
    there_no_text_read_file() =>
        "there is no text to read in this file",
        "ce fichier ne contient aucun texte à lire";
    key_given_twice_same_table(toml) =>
        "a key is given twice in the same table ({toml})",
        "une clé est donnée deux fois dans la même table ({toml})";
    keep_one_two_lines_start() =>
        "keep one of the two lines, or start a new entry with its [[…]] line",
        "gardez une seule des deux lignes, ou commencez une nouvelle entrée par sa ligne [[…]]";
    text_quotes_not_closed_properly(toml) =>
        "a text in quotes is not closed properly ({toml})",
        "un texte entre guillemets est mal fermé ({toml})";
    text_ends_same_line_inside() =>
        "a text in \"…\" ends with \" on the same line; a \" inside it is written \\\", \
                 and a text of several lines goes between \"\"\" and \"\"\"",
        "un texte entre \"…\" se termine par \" sur la même ligne ; un \" à l’intérieur \
                 s’écrit \\\", et un texte de plusieurs lignes se met entre \"\"\" et \"\"\"";
    line_not_valid_toml(toml) =>
        "this line is not valid TOML ({toml})",
        "cette ligne n’est pas du TOML valide ({toml})";
    each_line_name_value_texts() =>
        "each line is name = value, texts are in quotes, and each entry starts with \
                 its [[…]] line (see https://toml.io)",
        "chaque ligne est nom = valeur, les textes sont entre guillemets, et chaque \
                 entrée commence par sa ligne [[…]] (voir https://toml.io)";
    list_entries_each_under_line(key, found) =>
        "'{key}' must be a list of entries, each under a [[{key}]] line (found a {found})",
        "'{key}' doit être une liste d’entrées, chacune sous une ligne [[{key}]] (trouvé : {found})";
    write_each_entry_under_line(key) =>
        "write each entry under a '[[{key}]]' line",
        "écrivez chaque entrée sous une ligne '[[{key}]]'";
    each_entry_table_under_line(key) =>
        "each entry of '{key}' must be a table under a [[{key}]] line",
        "chaque entrée de '{key}' doit être une table sous une ligne [[{key}]]";
    entry_unreadable(key) =>
        "this [[{key}]] could not be read",
        "cette entrée [[{key}]] n’a pas pu être lue";
    file_unreadable(file) =>
        "{file} could not be read",
        "{file} n’a pas pu être lu";
}

/// The French for "annotation id", "part id", "source id" without its noun: what `what` (an
/// English entry name: `annotation`, `part`, `source`) becomes after « identifiant ».
pub fn id_of(what: &str) -> &'static str {
    match what {
        "annotation" => "d’annotation",
        "part" => "de partie",
        _ => "de source",
    }
}

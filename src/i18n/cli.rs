//! What the commands say on the terminal: files given on the command line, `glose import`,
//! `glose new`, `glose config`, `glose export` and the reading session.
//!
//! Each function is named after its English words and takes the values its messages show.

use super::Lang;

messages! {
    does_not_exist =>
        "it does not exist",
        "il n’existe pas";
    folder_not_file =>
        "it is a folder, not a file",
        "c’est un dossier, pas un fichier";
    named_pipe_not_regular_file =>
        "it is a named pipe, not a regular file",
        "c’est un tube nommé, pas un fichier ordinaire";
    device_not_regular_file =>
        "it is a device, not a regular file",
        "c’est un périphérique, pas un fichier ordinaire";
    not_regular_file =>
        "it is not a regular file",
        "ce n’est pas un fichier ordinaire";
    link_something_not_regular_file =>
        "it is a link to something that is not a regular file of yours",
        "c’est un lien vers autre chose qu’un fichier ordinaire à vous";
    permission_denied =>
        "permission denied",
        "accès refusé";
    file_left_untouched_session =>
        "the file is left untouched this session",
        "le fichier n’est pas modifié pendant cette session";
    belongs_another_user_user_id(uid) =>
        "it belongs to another user (user id {uid})",
        "il appartient à un autre utilisateur (identifiant {uid})";
    not_utf_text =>
        "it is not UTF-8 text",
        "ce n’est pas du texte UTF-8";
    glose_import_nothing_was_written =>
        "glose import: nothing was written: the folder would not load with these annotations",
        "glose import : rien n’a été écrit : le dossier ne se chargerait pas avec ces annotations";
    glose_import_cannot_read(file_label, reason) =>
        "glose import: cannot read '{file_label}': {reason}",
        "glose import : impossible de lire « {file_label} » : {reason}";
    glose_import_not_valid_json(file_label, reason) =>
        "glose import: '{file_label}' is not valid JSON ({reason})",
        "glose import : « {file_label} » n’est pas du JSON valide ({reason})";
    glose_import_holds_no_list(file_label) =>
        "glose import: '{file_label}' holds no list of annotations (a Hypothesis export has \"annotations\", a W3C collection \"first\": {{\"items\"}})",
        "glose import : « {file_label} » ne contient pas de liste d’annotations (un export Hypothesis a \"annotations\", une collection W3C \"first\": {{\"items\"}})";
    glose_import_not_article_folder(dir_label) =>
        "glose import: '{dir_label}' is not an article folder (annotations are added to its annotations.toml)",
        "glose import : « {dir_label} » n’est pas un dossier d’article (les annotations vont dans son annotations.toml)";
    glose_import_cannot_write(dir_label, name, why) =>
        "glose import: cannot write '{dir_label}/{name}': {why}",
        "glose import : impossible d’écrire « {dir_label}/{name} » : {why}";
    not_imported_annotation(n, why) =>
        "  not imported: annotation {n}: {why}",
        "  non importée : annotation {n} : {why}";
    glose_notes_cannot_listen_presenter =>
        "glose notes: cannot listen for a presenter",
        "glose notes : impossible d’écouter la présentation";
    none =>
        "(none)",
        "(aucun)";
    not_found_defaults_use =>
        "not found, defaults in use",
        "absent, réglages par défaut";
    no_settings_file =>
        "no settings file",
        "aucun fichier de réglages";
    valid =>
        "valid",
        "valide";
    glose_path_goes_after_command(name, shown) =>
        "glose: the path goes after the command: glose {name} {shown}",
        "glose : le chemin se met après la commande : glose {name} {shown}";
    glose_neither_file_nor_folder(shown, command) =>
        "glose: '{shown}' is neither a file nor a folder, nor a command. Did you mean \
             'glose {command}'?\n(see glose --help for every command)",
        "glose : « {shown} » n’est ni un fichier, ni un dossier, ni une commande. Vouliez-vous \
             dire « glose {command} » ?\n(glose --help donne toutes les commandes)";
    glose_export_will_not_write(shown) =>
        "glose export: will not write over '{shown}': it is one of the article's own \
                 files. Give another file after -o.",
        "glose export : « {shown} » ne sera pas remplacé : c’est un des fichiers du \
                 texte lui-même. Donnez un autre fichier après -o.";
    glose_export_draft_problem_written(errors) =>
        "glose export: a draft with {errors} problem(s), written with a notice (glose check lists them)",
        "glose export : un brouillon avec {errors} problème(s), écrit avec un avertissement (glose check les liste)";
    glose_your_notes_could_not =>
        "glose: your notes could not be saved; here they are:",
        "glose : vos notes n’ont pas pu être enregistrées ; les voici :";
    glose_terminal_error(error) =>
        "glose: terminal error: {error}",
        "glose : erreur du terminal : {error}";
    part =>
        "part-1",
        "partie-1";
    text_metadata_parts_order_see =>
        "# The text's metadata and its parts, in order (see FORMAT.md).",
        "# Les informations du texte et ses parties, dans l’ordre (voir FORMAT.md).";
    who_wrote_text =>
        "   # who wrote the text",
        "   # qui a écrit le texte";
    optional_byline_publisher_date_url =>
        "# Optional: byline, publisher, date, url (verified), annotations_by, text.",
        "# Facultatifs : byline, publisher, date, url (vérifiée), annotations_by, text.";
    one_annotation_per_annotated_span =>
        "One [[annotation]] per annotated span of the text. Uncomment an example and edit it:\n\
         the quote must be the exact words of text.md (see FORMAT.md).\n\n\
         A figure (a number):\n\
         [[annotation]]\nid = \"fig-first\"\nkind = \"figure\"\nquote = \"430 million\"\n\
         source = \"first-source\"\nverdict = \"misreported\"   # confirmed | imprecise | misreported | unverifiable\n\
         context = \"\"\"What a reader needs to know to read these words.\"\"\"\n\
         note = \"\"\"What the source actually says.\"\"\"\nquestions = [\"Who is counted?\"]\n\n\
         Words quoted or attributed to someone:\n\
         [[annotation]]\nid = \"quote-first\"\nkind = \"quote\"\nquote = \"the words quoted\"\n\
         context = \"Who said it, when.\"\n\n\
         A source the text cites:\n\
         [[annotation]]\nid = \"source-first\"\nkind = \"source\"\nquote = \"a World Bank report\"\n\
         source = \"first-source\"\nnote = \"What kind of document it is.\"\n\n\
         A term to explain:\n\
         [[annotation]]\nid = \"term-first\"\nkind = \"term\"\nquote = \"data workers\"\n\
         prefix = \"the \"   # only if the quote occurs more than once\n\
         context = \"What the word means here.\"",
        "Une [[annotation]] par passage annoté du texte. Décommentez un exemple et modifiez-le :\n\
         la citation (quote) doit être les mots exacts de text.md (voir FORMAT.md).\n\n\
         Un chiffre :\n\
         [[annotation]]\nid = \"fig-premier\"\nkind = \"figure\"\nquote = \"430 millions\"\n\
         source = \"premiere-source\"\nverdict = \"misreported\"   # confirmed | imprecise | misreported | unverifiable\n\
         context = \"\"\"Ce qu’un lecteur doit savoir pour lire ces mots.\"\"\"\n\
         note = \"\"\"Ce que dit vraiment la source.\"\"\"\nquestions = [\"Qui compte-t-on ?\"]\n\n\
         Des mots cités ou attribués à quelqu’un :\n\
         [[annotation]]\nid = \"citation-premiere\"\nkind = \"quote\"\nquote = \"les mots cités\"\n\
         context = \"Qui l’a dit, quand.\"\n\n\
         Une source que cite le texte :\n\
         [[annotation]]\nid = \"source-premiere\"\nkind = \"source\"\nquote = \"un rapport de la Banque mondiale\"\n\
         source = \"premiere-source\"\nnote = \"De quel document il s’agit.\"\n\n\
         Une notion à expliquer :\n\
         [[annotation]]\nid = \"notion-premiere\"\nkind = \"term\"\nquote = \"travailleurs du clic\"\n\
         prefix = \"les \"   # seulement si la citation se trouve plusieurs fois\n\
         context = \"Ce que le mot veut dire ici.\"";
    bibliography_one_source_per_document =>
        "The bibliography: one [[source]] per document the annotations cite.\n\
         kind is one of report, press, documentary, book, academic, blog, web, court, other.\n\n\
         [[source]]\nid = \"first-source\"\nauthor = \"World Bank\"\n\
         title = \"Working Without Borders\"\nkind = \"report\"\ndate = \"2023-09-07\"\n\
         url = \"https://example.org/report\"   # only an address you have checked\n\
         reference = 1   # its number in the article's own reference list, if any",
        "La bibliographie : une [[source]] par document que citent les annotations.\n\
         kind vaut report, press, documentary, book, academic, blog, web, court ou other.\n\n\
         [[source]]\nid = \"premiere-source\"\nauthor = \"Banque mondiale\"\n\
         title = \"Working Without Borders\"\nkind = \"report\"\ndate = \"2023-09-07\"\n\
         url = \"https://example.org/rapport\"   # seulement une adresse vérifiée\n\
         reference = 1   # son numéro dans la liste de références de l’article, s’il y en a un";
    guided_tour_class_one_stop =>
        "A guided tour for a class: one [[stop]] per step, shown by `glose present`.\n\n\
         A stop on an annotation:\n\
         [[stop]]\ntitle = \"430 million?\"\nannotation = \"fig-first\"\n\
         say = \"\"\"What to say or show.\"\"\"\nquestions = [\"Who is counted?\"]   # at most three\n\
         minutes = 4   # a whole number, 1 to 120\nbig = \"430 M\"   # the figure in large type\n\n\
         A stop on a part, to read together:\n\
         [[stop]]\ntitle = \"Reading the first part\"\npart = \"part-1\"\nminutes = 5\n\n\
         A stop for a debate (it stays on the previous part):\n\
         [[stop]]\ntitle = \"Debate\"\nquestions = [\"What would you check first?\"]\nminutes = 10",
        "Un parcours guidé pour une classe : une [[stop]] par étape, montrée par `glose present`.\n\n\
         Une étape sur une annotation :\n\
         [[stop]]\ntitle = \"430 millions ?\"\nannotation = \"fig-premier\"\n\
         say = \"\"\"Ce qu’il faut dire ou montrer.\"\"\"\nquestions = [\"Qui compte-t-on ?\"]   # trois au plus\n\
         minutes = 4   # un nombre entier, de 1 à 120\nbig = \"430 M\"   # le chiffre en grand\n\n\
         Une étape sur une partie, à lire ensemble :\n\
         [[stop]]\ntitle = \"Lire la première partie\"\npart = \"partie-1\"\nminutes = 5\n\n\
         Une étape de débat (elle reste sur la partie précédente) :\n\
         [[stop]]\ntitle = \"Débat\"\nquestions = [\"Que vérifieriez-vous d’abord ?\"]\nminutes = 10";
    glose_schema_unknown_file_article(file) =>
        "glose schema: unknown file '{file}': article, annotations, sources or tour",
        "glose schema : fichier inconnu '{file}' : article, annotations, sources ou tour";
    glose_new_wrote_article_toml(shown) =>
        "glose new: wrote '{shown}' (article.toml, text.md, annotations.toml, sources.toml, \
             tour.toml)\nnext: edit the files, then `glose check {shown}` and `glose {shown}`",
        "glose new : dossier '{shown}' écrit (article.toml, text.md, annotations.toml, \
             sources.toml, tour.toml)\nensuite : modifiez les fichiers, puis `glose check {shown}` \
             et `glose {shown}`";
}

messages! {
    larger_than(size) =>
        "it is larger than {size}",
        "il dépasse {size}";
    /// A size, in each language's binary units (French software writes Kio, Mio, Gio).
    mebibytes(n) =>
        "{n} MiB",
        "{n} Mio";
    kibibytes(n) =>
        "{n} KiB",
        "{n} Kio";
}

messages! {
    glose_import_cannot_read_file(dir_label, name, why) =>
        "glose import: cannot read '{dir_label}/{name}': {why}",
        "glose import : impossible de lire « {dir_label}/{name} » : {why}";
    quotes_no_passage =>
        "quotes no passage of the text (a reply, or a note on the whole page)",
        "ne cite aucun passage du texte (une réponse, ou une note sur toute la page)";
    not_in_the_text(words) =>
        "« {words} » is not in the text (orphan)",
        "« {words} » n’est pas dans le texte (orpheline)";
    occurs_and_picks_none(words, count) =>
        "« {words} » occurs {count} times and its prefix and suffix pick none",
        "« {words} » apparaît {count} fois et son préfixe et son suffixe n’en désignent aucune";
    overlaps_annotation(words, id) =>
        "« {words} » overlaps annotation {id}",
        "« {words} » chevauche l’annotation {id}";
}

/// "glose import: 3 of 4 annotations added to DIR/annotations.toml": English makes the word
/// plural by the total, French by the number added.
pub fn glose_import_added(lang: Lang, imported: usize, total: usize, dir_label: &str) -> String {
    match lang {
        Lang::En => format!(
            "glose import: {imported} of {total} annotation{} added to {dir_label}/annotations.toml",
            if total == 1 { "" } else { "s" }
        ),
        Lang::Fr => {
            let s = if imported > 1 { "s" } else { "" };
            format!(
                "glose import : {imported} annotation{s} sur {total} ajoutée{s} à {dir_label}/annotations.toml"
            )
        }
    }
}

messages! {
    starter_title =>
        "The title of the text",
        "Le titre du texte";
    starter_intro =>
        "An opening paragraph, before the first heading: it belongs to the introduction.",
        "Un premier paragraphe, avant le premier titre : il appartient à l’introduction.";
    starter_heading =>
        "First part",
        "Première partie";
    starter_body =>
        "The text of the first part. Replace these lines with your text; each part begins \
         with a line '# Heading' matching a [[part]] of article.toml.",
        "Le texte de la première partie. Remplacez ces lignes par votre texte ; chaque partie \
         commence par une ligne '# Titre' qui correspond à une [[part]] de article.toml.";
}

messages! {
    already_exists_not_empty(shown) =>
        "'{shown}' already exists and is not an empty folder: nothing was written",
        "'{shown}' existe déjà et n’est pas un dossier vide : rien n’a été écrit";
    cannot_create_folder(shown, error) =>
        "cannot create '{shown}': {error}",
        "impossible de créer '{shown}' : {error}";
    cannot_write_file(shown, name, error) =>
        "cannot write '{shown}/{name}': {error}",
        "impossible d’écrire '{shown}/{name}' : {error}";
}

messages! {
    imported_highlight =>
        "Highlight imported from Hypothesis, without text.",
        "Surlignage importé de Hypothesis, sans texte.";
}

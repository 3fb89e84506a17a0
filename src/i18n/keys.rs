//! Key tables: the settings file's key table headers and the descriptions an action takes in
//! one mode.
//!
//! Each function is named after its English words and takes the values its messages show.

messages! {
    search_line_list_filter_while =>
        "# The search line and a list's filter, while typing: only keys that do not\n\
                     # type text.",
        "# La ligne de recherche et le filtre d’une liste, pendant la frappe :\n\
                     # seulement des touches qui n’écrivent pas.";
    facilitator_notes_window_glose_notes =>
        "# The facilitator's notes window (glose notes).",
        "# La fenêtre de notes de l’animateur (glose notes).";
    help_and_problems_keys_first =>
        "# The help (?) and the problems (!): these keys come first, the reader's\n\
         # movement keys scroll.",
        "# L’aide (?) et les problèmes (!) : ces touches passent d’abord, celles de\n\
         # déplacement du lecteur font défiler.";
    following_room_poll_open =>
        "# Following a room (glose follow) while its poll is open: these keys come first,\n\
         # then the tour's and the reader's.",
        "# En suivant une salle (glose follow), quand son sondage est ouvert : ces touches\n\
         # passent d’abord, puis celles de la visite et du lecteur.";
    typing_guess =>
        "# Typing a guess for the room's poll: only keys that do not type a digit.",
        "# En tapant une estimation pour le sondage : seulement des touches qui ne tapent pas de chiffre.";
    answers_to_a_question =>
        "# The answers to a question (delete? keep the changes?).",
        "# Les réponses à une question (supprimer ? garder les modifications ?).";
}

messages! {
    keys_written_twice(mode, new, old) =>
        "the {mode} keys are written both in {new} and in {old}",
        "les touches {mode} sont écrites à la fois dans {new} et dans {old}";
    move_to_new_name(new, old) =>
        "move these lines to {new} ({old} is its older name)",
        "déplacez ces lignes dans {new} ({old} est son ancien nom)";
    no_such_mode(shown) =>
        "glose has no mode '{shown}' for keys",
        "glose n’a pas de mode '{shown}' pour les touches";
    the_key_tables_are(list) =>
        "the key tables are {list}",
        "les tables de touches sont {list}";
}

/// A key's name on the keyboards of `lang`, from its English name (`Enter` → `Entrée`); `None`
/// when the language names it as English does (letters, arrows, `Tab`).
pub fn key_name(lang: super::Lang, english: &str) -> Option<&'static str> {
    const FRENCH: [(&str, &str); 10] = [
        ("Space", "Espace"),
        ("Shift-Tab", "Maj-Tab"),
        ("Enter", "Entrée"),
        ("Esc", "Échap"),
        ("Backspace", "Retour"),
        ("PgUp", "Pg préc"),
        ("PgDn", "Pg suiv"),
        ("Home", "Début"),
        ("End", "Fin"),
        ("Del", "Suppr"),
    ];
    match lang {
        super::Lang::En => None,
        super::Lang::Fr => FRENCH
            .iter()
            .find(|(en, _)| *en == english)
            .map(|(_, fr)| *fr),
    }
}

//! The reader's screen: the side pane, the lists, the editor, the status line, the notes window.
//!
//! Each function is named after its English words and takes the values its messages show.

messages! {
    colon =>
        ": ",
        " : ";
    no_problem_glose_check_finds =>
        "No problem: glose check finds this article valid.",
        "Aucun problème : glose check trouve cet article valide.";
    shown_room =>
        "shown to the room",
        "montré à la salle";
    not_shown_yet =>
        "not shown yet",
        "pas encore montré";
    shown_room_in_brackets =>
        "(shown to the room)",
        "(montré à la salle)";
    live_room_sees_once_you =>
        "(live: the room sees it once you reveal)",
        "(en direct\u{a0}: la salle le voit quand vous révélez)";
    shown_when_facilitator_reveals =>
        "Shown when the facilitator reveals it.",
        "Affiché quand l’animateur le révèle.";
    to_edit =>
        "to edit",
        "pour modifier";
    note_selection_else_first_paragraph =>
        "note (on the selection, else the first paragraph on screen, marked ✎)",
        "note (sur la sélection, sinon le premier paragraphe à l’écran, marqué ✎)";
    all_notes =>
        "all notes",
        "toutes les notes";
    bookmark =>
        "bookmark (⚑)",
        "signet (⚑)";
    bookmarks =>
        "bookmarks",
        "signets";
    save =>
        "save",
        "enregistrer";
    close =>
        "close",
        "fermer";
    enter_new_line =>
        "Enter new line",
        "Entrée à la ligne";
    write_your_note =>
        "Write your note…",
        "Écrivez votre note…";
    orphan =>
        "orphan",
        "orpheline";
    next =>
        "next",
        "suivante";
    scroll =>
        "scroll",
        "défiler";
    quit =>
        "quit",
        "quitter";
    draft =>
        "Draft",
        "Brouillon";
    link =>
        "link",
        "lien";
    press_see_them(count, key) =>
        "{count} — press {key} to see them",
        "{count} — {key} pour les voir";
}

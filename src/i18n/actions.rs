//! What each action does, in one line of help: one entry per action (the editing actions
//! start with `edit_`), named after the action.

messages! {
    quit =>
        "quit",
        "quitter";
    line_down =>
        "scroll down one line",
        "descendre d’une ligne";
    line_up =>
        "scroll up one line",
        "monter d’une ligne";
    page_down =>
        "next page",
        "page suivante";
    page_up =>
        "previous page",
        "page précédente";
    half_page_down =>
        "down half a page",
        "descendre d’une demi-page";
    half_page_up =>
        "up half a page",
        "monter d’une demi-page";
    top =>
        "top of the part",
        "début de la partie";
    bottom =>
        "end of the part",
        "fin de la partie";
    focus_pane =>
        "go to part N",
        "aller à la partie N";
    prev_pane =>
        "previous pane",
        "panneau précédent";
    next_pane =>
        "next pane",
        "panneau suivant";
    next_annotation =>
        "next annotation (figure, quote, source, term) or link",
        "annotation (chiffre, citation, source, notion) ou lien suivant";
    prev_annotation =>
        "previous annotation or link",
        "annotation ou lien précédent";
    select_visible =>
        "select the first annotation on screen; on a selected link, open it",
        "sélectionner la première annotation visible ; sur un lien, l’ouvrir";
    clear_selection =>
        "clear the search, then the selection",
        "effacer la recherche, puis désélectionner";
    toggle_marks =>
        "hide or show highlight marks",
        "masquer ou afficher les surlignages";
    toggle_side_pane =>
        "hide or show the source pane",
        "masquer ou afficher le panneau des sources";
    side_down =>
        "scroll the source pane down",
        "faire défiler le panneau des sources vers le bas";
    side_up =>
        "scroll the source pane up",
        "faire défiler le panneau des sources vers le haut";
    toggle_help =>
        "this help",
        "cette aide";
    search =>
        "search (accents and case ignored); in a list, filter it",
        "chercher (accents et casse ignorés) ; dans une liste, filtrer";
    search_next =>
        "next match",
        "occurrence suivante";
    search_prev =>
        "previous match (so / then N searches backwards)",
        "occurrence précédente (/ puis N cherche donc en arrière)";
    toggle_index =>
        "index of figures, quotes, sources and terms",
        "index des chiffres, citations, sources et notions";
    toggle_sources =>
        "sources, with the passages citing each",
        "sources, avec les passages qui citent chacune";
    toggle_contents =>
        "table of contents and reading progress",
        "table des matières et progression de lecture";
    toggle_problems =>
        "the problems glose check finds in a draft's files",
        "les problèmes que glose check trouve dans les fichiers d’un brouillon";
    toggle_bookmark =>
        "bookmark the first paragraph on screen (again: remove)",
        "signet sur le 1er paragraphe à l’écran (ou le retirer)";
    show_bookmarks =>
        "list of bookmarks",
        "liste des signets";
    edit_note =>
        "note on the selection, else the first paragraph on screen",
        "note sur la sélection, sinon le 1er paragraphe à l’écran";
    show_notes =>
        "list of my notes",
        "liste de mes notes";
    open_source =>
        "open the selected link or source's address in the browser",
        "ouvrir le lien ou l’adresse de la source sélectionnés dans le navigateur";
    copy_citation =>
        "copy the selected link's address, or the source's citation",
        "copier l’adresse du lien sélectionné, ou la référence de la source";
    list_open =>
        "go there",
        "y aller";
    list_edit =>
        "notes: edit the note",
        "notes : modifier la note";
    list_delete =>
        "notes, bookmarks: delete (asks first)",
        "notes, signets : supprimer (demande d’abord)";
    next_kind =>
        "the index: next kind",
        "l’index : type suivant";
    prev_kind =>
        "the index: previous kind",
        "l’index : type précédent";
    note_save =>
        "save",
        "enregistrer";
    note_close =>
        "close (asks before losing changes)",
        "fermer (demande avant de perdre)";
    toggle_tour =>
        "start or leave the guided tour",
        "commencer ou quitter la visite guidée";
    next_stop =>
        "next stop of the tour",
        "étape suivante de la visite";
    prev_stop =>
        "previous stop",
        "étape précédente";
    first_stop =>
        "first stop",
        "première étape";
    last_stop =>
        "last stop",
        "dernière étape";
    present =>
        "present the tour (full screen, for a projector)",
        "présenter la visite (plein écran, pour un projecteur)";
    leave_presenter =>
        "leave the presenter (back to the reader)",
        "quitter la présentation (retour au lecteur)";
    blank =>
        "blank the screen (any key brings it back)",
        "écran noir (une touche le rallume)";
    reveal_verdict =>
        "reveal or hide what the source says (verdict)",
        "révéler ou cacher ce que dit la source (verdict)";
    pause_clock =>
        "pause the clocks, or start them again",
        "mettre les chronomètres en pause, ou les relancer";
    reset_clock =>
        "every clock back to 0:00 (asks first)",
        "remettre les chronomètres à 0:00 (demande d’abord)";
    show_join =>
        "show the room's address and QR code full screen (--room)",
        "afficher en grand l’adresse de la salle et son QR code (--room)";
    rejoin =>
        "follow the room again (glose follow): back to its stop",
        "suivre de nouveau la salle (glose follow) : retour à son étape";
    resume_session =>
        "resume the previous session (when offered)",
        "reprendre la séance précédente (quand proposé)";
    new_session =>
        "start a new session (when offered)",
        "commencer une nouvelle séance (quand proposé)";
    suspend =>
        "suspend, as any terminal program (fg brings it back)",
        "suspendre, comme tout programme (fg le reprend)";
    close =>
        "close, back to the reader",
        "fermer, retour au lecteur";
    yes =>
        "yes",
        "oui";
    no =>
        "no",
        "non";
    back =>
        "back, without answering",
        "revenir en arrière sans répondre";
    edit_insert =>
        "type",
        "taper";
    edit_newline =>
        "new line",
        "nouvelle ligne";
    edit_backspace =>
        "delete the character before",
        "effacer le caractère avant";
    edit_delete =>
        "delete the character under the cursor",
        "effacer le caractère sous le curseur";
    edit_delete_word =>
        "delete the word before",
        "effacer le mot avant";
    edit_clear =>
        "delete back to the start of the line",
        "effacer jusqu’au début de la ligne";
    edit_left =>
        "one character left",
        "un caractère à gauche";
    edit_right =>
        "one character right",
        "un caractère à droite";
    edit_word_left =>
        "one word left",
        "un mot à gauche";
    edit_word_right =>
        "one word right",
        "un mot à droite";
    edit_home =>
        "start of the line",
        "début de la ligne";
    edit_end =>
        "end of the line",
        "fin de la ligne";
    edit_text_start =>
        "start of the note",
        "début de la note";
    edit_text_end =>
        "end of the note",
        "fin de la note";
    edit_up =>
        "up a line (a list: the entry above)",
        "monter d’une ligne (une liste : l’entrée au-dessus)";
    edit_down =>
        "down a line (a list: the entry below)",
        "descendre d’une ligne (une liste : l’entrée en dessous)";
    edit_page_up =>
        "a list: previous page",
        "une liste : page précédente";
    edit_page_down =>
        "a list: next page",
        "une liste : page suivante";
    edit_next =>
        "the index: next kind",
        "l’index : type suivant";
    edit_prev =>
        "the index: previous kind",
        "l’index : type précédent";
    edit_confirm =>
        "search (a filter: keep it)",
        "chercher (un filtre : le garder)";
    edit_cancel =>
        "leave the line (a search: back where you were)",
        "quitter la ligne (une recherche : retour où vous étiez)";
}

// What an action does in one mode, where the general line would mislead.
messages! {
    down_row =>
        "down a row",
        "descendre d’une ligne";
    close_list =>
        "close the list",
        "fermer la liste";
    filter_index_sources_contents =>
        "filter the index, the sources or the contents",
        "filtrer l’index, les sources ou la table des matières";
    first_entry =>
        "first entry (N g: the Nth)",
        "première entrée (N g : la N-ième)";
    last_entry =>
        "last entry (N G: the Nth)",
        "dernière entrée (N G : la N-ième)";
    next_entry =>
        "next entry",
        "entrée suivante";
    previous_entry =>
        "previous entry",
        "entrée précédente";
    list_under_filter_entry_above =>
        "a list under its filter: the entry above",
        "une liste sous son filtre : l’entrée au-dessus";
    list_under_filter_entry_below =>
        "a list under its filter: the entry below",
        "une liste sous son filtre : l’entrée en dessous";
    list_page_down =>
        "a page down",
        "une page plus bas";
    list_page_up =>
        "a page up",
        "une page plus haut";
    stop_number =>
        "a stop's number, then G, g or Enter: go there",
        "numéro d’étape, puis G, g ou Entrée : y aller";
    answer_poll =>
        "answer the room's poll: a choice's number, or a guess's first digit",
        "répondre au sondage de la salle : le numéro d’un choix, ou le premier chiffre d’une estimation";
    send_guess =>
        "send the guess (a number out of range is not sent: glose says which are taken)",
        "envoyer l’estimation (un nombre hors des bornes n’est pas envoyé : glose dit lesquels)";
    drop_guess =>
        "drop the guess",
        "abandonner l’estimation";
    presenter_quit =>
        "quit",
        "quitter";
    scroll_notes_down =>
        "scroll the notes down",
        "faire défiler les notes vers le bas";
    scroll_notes_up =>
        "scroll the notes up",
        "faire défiler les notes vers le haut";
    top_notes =>
        "top of the notes",
        "début des notes";
    up_row =>
        "up a row",
        "monter d’une ligne";
}

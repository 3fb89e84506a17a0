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
    top_notes =>
        "top of the notes",
        "début des notes";
    scroll_notes_down =>
        "scroll the notes down",
        "faire défiler les notes vers le bas";
    scroll_notes_up =>
        "scroll the notes up",
        "faire défiler les notes vers le haut";
    up_row =>
        "up a row",
        "monter d’une ligne";
    down_row =>
        "down a row",
        "descendre d’une ligne";
    list_under_filter_entry_above =>
        "a list under its filter: the entry above",
        "une liste sous son filtre : l’entrée au-dessus";
    list_under_filter_entry_below =>
        "a list under its filter: the entry below",
        "une liste sous son filtre : l’entrée en dessous";
    first_entry =>
        "first entry",
        "première entrée";
    last_entry =>
        "last entry",
        "dernière entrée";
    page_down =>
        "a page down",
        "une page plus bas";
    page_up =>
        "a page up",
        "une page plus haut";
    quit =>
        "quit",
        "quitter";
}

//! Exported notebooks and handouts.
//!
//! Each function is named after its English words and takes the values its messages show.

messages! {
    notes_whose_passage_no_longer =>
        "Notes whose passage is no longer in the text",
        "Notes dont le passage n’est plus dans le texte";
    no_notes_yet =>
        "No notes yet.",
        "Aucune note pour l’instant.";
}

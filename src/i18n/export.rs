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

messages! {
    draft =>
        "Draft",
        "Brouillon";
    draft_notice =>
        "this handout was written from an article whose files have errors (glose check lists them); some annotations may be missing.",
        "ce document a été écrit depuis un article dont les fichiers ont des erreurs (glose check les liste) ; des annotations peuvent manquer.";
    notes =>
        "Notes",
        "Notes";
}

/// "1 note", "3 notes": the count of an exported notebook (French says "0 note").
pub fn note_count(lang: super::Lang, count: usize) -> String {
    match (lang, count) {
        (super::Lang::En, 1) => "1 note".to_owned(),
        (super::Lang::En, n) => format!("{n} notes"),
        (super::Lang::Fr, n) => format!("{n} note{}", if n > 1 { "s" } else { "" }),
    }
}

//! The words the interface counts, for [`count_of`](super::count_of): English singular and
//! plural, then French singular (said for 0 and 1 too) and plural.

/// A counted word in both languages.
pub type Words = (&'static str, &'static str, &'static str, &'static str);

pub const ANNOTATIONS: Words = ("annotation", "annotations", "annotation", "annotations");
pub const ANSWERS: Words = ("answer", "answers", "réponse", "réponses");
pub const CHANGES: Words = ("change", "changes", "modification", "modifications");
pub const CITATIONS: Words = ("citation", "citations", "citation", "citations");
pub const ERRORS: Words = ("error", "errors", "erreur", "erreurs");
pub const MINUTES: Words = ("minute", "minutes", "minute", "minutes");
pub const OTHERS: Words = ("other", "others", "autre", "autres");
pub const PARTS: Words = ("part", "parts", "partie", "parties");
pub const PASSAGES: Words = ("passage", "passages", "passage", "passages");
pub const PROBLEMS: Words = ("problem", "problems", "problème", "problèmes");
pub const SOURCES: Words = ("source", "sources", "source", "sources");
pub const STOPS: Words = ("stop", "stops", "étape", "étapes");
pub const VOTES: Words = ("vote", "votes", "vote", "votes");
pub const WARNINGS: Words = ("warning", "warnings", "avertissement", "avertissements");
pub const WORDS: Words = ("word", "words", "mot", "mots");

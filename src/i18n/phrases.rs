//! Words built around a value (a count, a query, a number, a quotation), in English and
//! French.

use super::Lang;

/// "no match for ‘x’", translated (the query is shown as typed, sanitised by the caller).
pub fn not_found(lang: Lang, query: &str) -> String {
    match lang {
        Lang::En => format!("no match for ‘{query}’"),
        Lang::Fr => format!("aucune occurrence de « {query} »"),
    }
}

/// "3 annotations" / "1 passage", with the plural.
pub fn count_of(lang: Lang, count: usize, what: (&str, &str, &str, &str)) -> String {
    let (en_one, en_many, fr_one, fr_many) = what;
    let word = match (lang, count) {
        (Lang::En, 1) => en_one,
        (Lang::En, _) => en_many,
        (Lang::Fr, 0 | 1) => fr_one,
        (Lang::Fr, _) => fr_many,
    };
    format!("{count} {word}")
}

/// Words between French quotation marks, unless they already open with one: « words ».
pub fn guillemets(words: &str) -> String {
    let trimmed = words.trim();
    if trimmed.starts_with(['«', '“', '"', '‘']) {
        trimmed.to_owned()
    } else {
        format!("« {trimmed} »")
    }
}

/// Words between the quotation marks of the interface language, unless they already open with
/// one: « words » in French, “words” in English.
pub fn quoted(lang: Lang, words: &str) -> String {
    let trimmed = words.trim();
    match lang {
        Lang::Fr => guillemets(trimmed),
        Lang::En if trimmed.starts_with(['«', '“', '"', '‘']) => trimmed.to_owned(),
        Lang::En => format!("“{trimmed}”"),
    }
}

/// "source 2", translated (a number in a handout's source list).
pub fn source_number(lang: Lang, number: usize) -> String {
    format!("{} {number}", lang.pick("source", "source"))
}

/// "No. 3 in the article's reference list", translated.
pub fn reference_number(lang: Lang, number: u32) -> String {
    match lang {
        Lang::En => format!("No. {number} in the article’s own reference list"),
        Lang::Fr => format!("Référence n° {number} de la bibliographie de l’article"),
    }
}

//! What is said when a quote does not anchor: found again approximately (a warning with its
//! fix), found many times (the places to choose from), or not found (the closest text).

use unicode_normalization::UnicodeNormalization;

use super::{Paragraphs, Places};
use crate::content::anchor::{self, Found, Haystack, Miss};
use crate::content::diagnostic::{Diagnostic, Fix, SourceText};
use crate::content::raw::RawAnnotation;

/// The warning for a quote found again approximately, with its fix: the text's words.
pub(super) fn moved_warning(
    src: &SourceText<'_>,
    entry: &RawAnnotation,
    index: usize,
    name: &str,
    quote: &str,
    moved: &anchor::Moved,
    places: &Places<'_>,
) -> Diagnostic {
    let words = places.body.text.get(moved.range.clone()).unwrap_or("");
    let at = places.at(moved.range.start);
    let how = how_it_differs(quote, words, moved.edits == 0);
    src.error_at(
        entry.quote.span().start,
        tr!(
            "quote of annotation '{name}' moved: the text now reads « {words} » ({at})",
            "la citation de l’annotation '{name}' a bougé : le texte dit maintenant « {words} » ({at})"
        ),
    )
    .with_hint(tr!(
        "the annotation is shown on these words; glose check --fix writes them into the \
         quote{how}",
        "l’annotation est montrée sur ces mots ; glose check --fix les écrit dans la \
         citation{how}"
    ))
    .with_fix(Fix {
        entry: index,
        id: name.to_owned(),
        key: "quote",
        value: words.to_owned(),
        note: tr!("the words at {at}", "les mots en {at}"),
    })
    .into_warning()
}

/// The shortest `prefix` (the words just before) or `suffix` (just after) that makes `quote`
/// designate `place` alone: one word, then two…, up to eight on each side.
pub(super) fn unique_frame(
    haystack: &Haystack<'_>,
    places: &Places<'_>,
    paragraphs: &Paragraphs,
    place: &Found,
    quote: &str,
) -> Option<(&'static str, String)> {
    let text = &places.body.text;
    let paragraph = paragraphs.ranges.get(place.paragraph)?;
    let before = text.get(paragraph.start..place.range.start)?;
    let after = text.get(place.range.end..paragraph.end)?;
    // Cuts at white space: the last n words before, the first n words after.
    let starts: Vec<usize> = before
        .char_indices()
        .filter(|&(i, c)| {
            !c.is_whitespace() && (i == 0 || before[..i].ends_with(char::is_whitespace))
        })
        .map(|(i, _)| i)
        .collect();
    let prefixes = starts
        .iter()
        .rev()
        .take(8)
        .map(|&i| before[i..].trim_end().to_owned());
    let ends: Vec<usize> = after
        .char_indices()
        .filter(|&(i, c)| {
            !c.is_whitespace()
                && after[i + c.len_utf8()..]
                    .chars()
                    .next()
                    .is_none_or(char::is_whitespace)
        })
        .map(|(i, c)| i + c.len_utf8())
        .collect();
    let suffixes = ends
        .iter()
        .take(8)
        .map(|&i| after[..i].trim_start().to_owned());
    let is_unique = |prefix: Option<&str>, suffix: Option<&str>| {
        haystack
            .find(quote, prefix, suffix)
            .is_ok_and(|found| found.range == place.range)
    };
    let prefix = prefixes
        .filter(|p| !p.is_empty())
        .find(|p| is_unique(Some(p), None));
    let suffix = suffixes
        .filter(|s| !s.is_empty())
        .find(|s| is_unique(None, Some(s)));
    match (prefix, suffix) {
        (Some(p), Some(s)) if s.chars().count() < p.chars().count() => Some(("suffix", s)),
        (Some(p), _) => Some(("prefix", p)),
        (None, Some(s)) => Some(("suffix", s)),
        (None, None) => None,
    }
}

/// Why a quote could not be anchored, with what is needed to fix it: the closest text, or the
/// places to choose from.
#[allow(clippy::too_many_arguments)]
pub(super) fn miss_diagnostic(
    src: &SourceText<'_>,
    entry: &RawAnnotation,
    name: &str,
    quote: &str,
    miss: Miss,
    places: &Places<'_>,
    paragraphs: &Paragraphs,
    haystack: &Haystack<'_>,
) -> Diagnostic {
    let quote_start = entry.quote.span().start;
    match miss {
        Miss::Empty => src
            .error_at(
                quote_start,
                tr!(
                    "quote of annotation '{name}' is empty",
                    "la citation (quote) de l’annotation '{name}' est vide"
                ),
            )
            .with_hint(tr!(
                "quote the exact words of the text this annotation is about, e.g. quote = \"430 \
                 millions\"",
                "citez les mots exacts du texte dont parle l’annotation, par exemple quote = \"430 \
                 millions\""
            )),
        Miss::NotFound => {
            let text = &places.body.text;
            let text_name = &places.text_name;
            // Straight quotes typed around words the text frames with « »: found without them.
            let unquoted = quote.replace('"', "");
            let without_quotes = (unquoted != quote)
                .then(|| haystack.find(&unquoted, None, None).ok())
                .flatten();
            let hint = match anchor::closest(text, &paragraphs.ranges, quote) {
                _ if without_quotes.is_some() => {
                    let at = without_quotes.map_or_else(String::new, |f| places.at(f.range.start));
                    let words = unquoted.trim();
                    tr!(
                        "the words « {words} » are in the text ({at}), between quotation marks \
                         « » where the quote has straight quotes \"…\": leave them out, \
                         quote = \"{words}\"",
                        "les mots « {words} » sont dans le texte ({at}), entre des guillemets « » \
                         là où la citation a des guillemets droits \"…\" : retirez-les, \
                         quote = \"{words}\""
                    )
                }
                Some(close) => {
                    let words = text.get(close.range.clone()).unwrap_or("");
                    let at = places.at(close.range.start);
                    let how = how_it_differs(quote, words, close.same_letters);
                    tr!(
                        "the closest text is « {words} » ({at}){how}",
                        "le texte le plus proche est « {words} » ({at}){how}"
                    )
                }
                None => tr!(
                    "copy the words exactly from {text_name} (spaces and apostrophes may differ)",
                    "copiez les mots tels quels depuis {text_name} (espaces et apostrophes \
                     peuvent différer)"
                ),
            };
            src.error_at(
                quote_start,
                tr!(
                    "quote of annotation '{name}' matches nothing in the text",
                    "la citation de l’annotation '{name}' ne se trouve nulle part dans le texte"
                ),
            )
            .with_hint(hint)
        }
        Miss::Ambiguous { first, count } => {
            let list = places.list(&first, count, paragraphs);
            src.error_at(
                quote_start,
                tr!(
                    "quote of annotation '{name}' matches {count} places in the text",
                    "la citation de l’annotation '{name}' se trouve à {count} endroits du texte"
                ),
            )
            .with_hint(tr!(
                "it occurs at:{list}\nadd 'prefix' (the words just before) or 'suffix' (the words \
                 just after) to pick one (glose check --fix can add them)",
                "elle se trouve en :{list}\najoutez 'prefix' (les mots juste avant) ou 'suffix' \
                 (les mots juste après) pour en choisir un (glose check --fix peut les ajouter)"
            ))
        }
        Miss::Unselected {
            first,
            count,
            selected,
        } => {
            let at = entry
                .prefix
                .as_ref()
                .or(entry.suffix.as_ref())
                .map_or(quote_start, |s| s.span().start);
            let (message, listed) = if selected == 0 {
                let message = tr!(
                    "prefix/suffix of annotation '{name}' match none of the {count} places of its \
                     quote",
                    "prefix/suffix de l’annotation '{name}' ne correspondent à aucun des {count} \
                     endroits de sa citation"
                );
                (message, count)
            } else {
                let message = tr!(
                    "prefix/suffix of annotation '{name}' still match {selected} places",
                    "prefix/suffix de l’annotation '{name}' correspondent encore à {selected} \
                     endroits"
                );
                (message, selected)
            };
            let list = places.list(&first, listed, paragraphs);
            src.error_at(at, message).with_hint(tr!(
                "the quote occurs at:{list}\n'prefix' must be the words just before, 'suffix' the \
                 words just after the place meant",
                "la citation se trouve en :{list}\n'prefix' doit être les mots juste avant, \
                 'suffix' les mots juste après l’endroit voulu"
            ))
        }
    }
}

/// Why `quote` is not `words`, the closest text, in words: straight quotes where the text has
/// guillemets, case, accents, Unicode normalisation; empty when it is none of these.
fn how_it_differs(quote: &str, words: &str, same_letters: bool) -> String {
    if quote.contains('"') && !words.contains('"') {
        return tr!(
            "; the quote has straight quotes \"…\" that the text does not have (it uses « » or \
             “ ”): copy them from the text, or leave them out of the quote",
            " ; la citation a des guillemets droits \"…\" que le texte n’a pas (il utilise « » \
             ou “ ”) : copiez-les depuis le texte, ou laissez-les hors de la citation"
        );
    }
    if !same_letters {
        return String::new();
    }
    let nfc = |s: &str| anchor::normalize(s).nfc().collect::<String>();
    let (quote, words) = (nfc(quote), nfc(words));
    let strip = |s: &str| {
        s.nfd()
            .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
            .collect::<String>()
    };
    if quote == words {
        tr!(
            "; it differs only in Unicode normalisation (NFC/NFD)",
            " ; elle ne diffère que par la normalisation Unicode (NFC/NFD)"
        )
    } else if quote.to_lowercase() == words.to_lowercase() {
        tr!(
            "; it differs only in case (capital letters): « {words} », not « {quote} »",
            " ; elle ne diffère que par les majuscules : « {words} », et non « {quote} »"
        )
    } else if strip(&quote) == strip(&words) {
        tr!(
            "; it differs only in accents: « {words} », not « {quote} »",
            " ; elle ne diffère que par les accents : « {words} », et non « {quote} »"
        )
    } else {
        tr!(
            "; it differs only in case or accents",
            " ; elle ne diffère que par les majuscules ou les accents"
        )
    }
}

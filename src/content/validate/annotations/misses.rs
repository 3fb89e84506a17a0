//! What is said when a quote does not anchor: found again approximately (a warning with its
//! fix), found many times (the places to choose from), or not found (the closest text).

use crate::content::diagnostic::lang;
use crate::i18n::diagnostics::annotations as msg;
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
        msg::quote_annotation_moved_text_now(lang(), &name, &words, &at),
    )
    .with_hint(msg::annotation_shown_these_words_glose(lang(), &how))
    .with_fix(Fix {
        entry: index,
        id: name.to_owned(),
        key: "quote",
        value: words.to_owned(),
        note: msg::words_at(lang(), &at),
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
            .error_at(quote_start, msg::quote_annotation_empty(lang(), &name))
            .with_hint(msg::quote_exact_words_text_annotation(lang())),
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
                    msg::words_are_text_between_quotation(lang(), &words, &at)
                }
                Some(close) => {
                    let words = text.get(close.range.clone()).unwrap_or("");
                    let at = places.at(close.range.start);
                    let how = how_it_differs(quote, words, close.same_letters);
                    msg::closest_text(lang(), &words, &at, &how)
                }
                None => msg::copy_words_exactly_from_spaces(lang(), &text_name),
            };
            src.error_at(
                quote_start,
                msg::quote_annotation_matches_nothing_text(lang(), &name),
            )
            .with_hint(hint)
        }
        Miss::Ambiguous { first, count } => {
            let list = places.list(&first, count, paragraphs);
            src.error_at(
                quote_start,
                msg::quote_annotation_matches_places_text(lang(), &name, &count),
            )
            .with_hint(msg::occurs_nadd_prefix_words_just(lang(), &list))
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
                let message = msg::prefix_suffix_annotation_match_none(lang(), &name, &count);
                (message, count)
            } else {
                let message = msg::prefix_suffix_annotation_still_match(lang(), &name, &selected);
                (message, selected)
            };
            let list = places.list(&first, listed, paragraphs);
            src.error_at(at, message)
                .with_hint(msg::quote_occurs_n_prefix_words(lang(), &list))
        }
    }
}

/// Why `quote` is not `words`, the closest text, in words: straight quotes where the text has
/// guillemets, case, accents, Unicode normalisation; empty when it is none of these.
fn how_it_differs(quote: &str, words: &str, same_letters: bool) -> String {
    if quote.contains('"') && !words.contains('"') {
        return msg::quote_has_straight_quotes_text(lang());
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
        msg::differs_only_unicode_normalisation_nfc(lang())
    } else if quote.to_lowercase() == words.to_lowercase() {
        msg::differs_only_case_capital_letters(lang(), &words, &quote)
    } else if strip(&quote) == strip(&words) {
        msg::differs_only_accents_not(lang(), &words, &quote)
    } else {
        msg::differs_only_case_accents(lang())
    }
}

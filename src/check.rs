//! `glose check`: validate an article and print its summary.
//!
//! Diagnostics (errors and warnings) go to stderr in the rustc-like format of
//! [`crate::content::Diagnostic`], followed on error by a count line (`2 errors, 1 warning`).
//! A valid article's summary goes to stdout. Everything is in the interface language, one
//! language per run. The output depends only on the files and the language, so it can be
//! compared in tests.
//! Exit codes: 0 valid (warnings allowed), 1 content errors, 2 I/O or usage errors.

use crate::i18n::check as msg;
use crate::i18n::count_of;
use std::fmt::Write as _;
use std::path::Path;

use unicode_width::UnicodeWidthStr;

use crate::content::{self, AnnotationKind, Loaded, Verdict};
use crate::i18n::Lang;
use crate::output;
use crate::store::Durability;

/// Runs `glose check` on `path` (the bundled article when `None`) and returns the exit code.
/// Every message is in `lang`, one language for the whole run.
pub fn run(path: Option<&Path>, lang: Lang) -> u8 {
    content::diagnostic::set_lang(lang);
    let result = match path {
        Some(path) => content::load_path(path),
        None => content::parse_bundled(),
    };
    match result {
        Ok(loaded) => {
            for warning in loaded.warnings.iter().chain(&tall_stops(path, &loaded)) {
                output::err(&format!("{warning}\n\n"));
            }
            match output::out(&summary(&loaded, lang)) {
                Ok(()) => 0,
                Err(error) => {
                    output::errln(&format!(
                        "glose check: {}{}{error}",
                        msg::cannot_write_summary(lang),
                        lang.colon()
                    ));
                    2
                }
            }
        }
        Err(error) => {
            let warnings = error.diagnostics().len() - error.error_count();
            output::err(&format!(
                "{error}\n\n{}\n",
                counts(error.error_count(), warnings, lang)
            ));
            error.exit_code()
        }
    }
}

/// `glose check --fix`: mends `annotations.toml` (see [`fixes`]), prints each change, then
/// checks the folder again and returns that check's exit code (2 when nothing can be fixed: no
/// folder, a file that does not parse, a write that fails).
pub fn fix(path: Option<&Path>, lang: Lang) -> u8 {
    content::diagnostic::set_lang(lang);
    let say = |message: &str| {
        output::errln(&format!("glose check --fix{}{message}", lang.colon()));
    };
    let Some(dir) = path.filter(|p| p.is_dir()) else {
        say(msg::give_article_folder_fix(lang));
        return 2;
    };
    let diagnostics = match content::load_path(dir) {
        Ok(loaded) => loaded.warnings,
        Err(content::LoadError::Content(diagnostics)) => diagnostics,
        Err(error) => {
            output::err(&format!("{error}\n"));
            return error.exit_code();
        }
    };
    let file = dir.join("annotations.toml");
    let mut wanted: Vec<&content::diagnostic::Fix> = diagnostics
        .iter()
        .filter_map(|d| d.fix.as_deref())
        .collect();
    wanted.sort_by_key(|f| f.entry);
    if wanted.is_empty() {
        say(msg::nothing_to_fix(lang));
        return run(path, lang);
    }
    let text = match std::fs::read_to_string(&file) {
        Ok(text) => text,
        Err(error) => {
            say(&msg::cannot_read_annotations(lang, &error));
            return 2;
        }
    };
    let (fixed, changes) = match fixes(&text, &wanted) {
        Some(done) => done,
        None => {
            say(msg::annotations_do_not_parse(lang));
            return 2;
        }
    };
    // Atomic, as every state file: a crash leaves the old file or the new one, never half.
    let written = crate::store::write_atomic(&file, fixed.as_bytes(), Durability::Durable);
    if let Err(error) = written.map_err(|e| crate::files::io_words(&e)) {
        say(&msg::cannot_write_annotations(lang, &error));
        return 2;
    }
    let label = crate::text::sanitize::clean_line(&file.display().to_string());
    for change in &changes {
        output::err(&format!("{label}: {change}\n"));
    }
    output::err(&format!(
        "{}\n\n",
        count_of(lang, changes.len(), crate::i18n::words::CHANGES)
    ));
    run(path, lang)
}

/// `text` (annotations.toml) with the `wanted` changes made, keeping its comments and layout
/// (toml_edit), and one line per change; `None` when it does not parse.
pub fn fixes(text: &str, wanted: &[&content::diagnostic::Fix]) -> Option<(String, Vec<String>)> {
    let mut document: toml_edit::DocumentMut = text.parse().ok()?;
    let mut changes = Vec::new();
    let lang = content::diagnostic::lang();
    let entries = document.get_mut("annotation")?.as_array_of_tables_mut()?;
    for fix in wanted {
        let Some(table) = entries.get_mut(fix.entry) else {
            continue;
        };
        let old = table
            .get(fix.key)
            .and_then(|item| item.as_str())
            .map(str::to_owned);
        let mut value = toml_edit::Value::from(fix.value.as_str());
        if let Some(old) = table.get(fix.key).and_then(|item| item.as_value()) {
            // The comment after the old value stays after the new one.
            *value.decor_mut() = old.decor().clone();
        }
        // A new key goes just after `quote`; the others keep their place.
        let order: Vec<String> = table.iter().map(|(k, _)| k.to_owned()).collect();
        let quote_at = order
            .iter()
            .position(|k| k == "quote")
            .unwrap_or(order.len());
        match table.get_mut(fix.key) {
            // In place: the key keeps the comments above it.
            Some(item) => *item = toml_edit::Item::Value(value),
            None => {
                table.insert(fix.key, toml_edit::Item::Value(value));
            }
        }
        let rank = |key: &str| {
            order
                .iter()
                .position(|k| k == key)
                .map_or(2 * quote_at + 1, |i| 2 * i)
        };
        table.sort_values_by(|a, _, b, _| rank(a.get()).cmp(&rank(b.get())));
        let (id, key, new) = (
            crate::text::sanitize::clean_line(&fix.id),
            fix.key,
            crate::text::sanitize::clean_line(&fix.value),
        );
        let note = crate::text::sanitize::clean_line(&fix.note);
        let change = match old {
            Some(old) => {
                let old = crate::text::sanitize::clean_line(&old);
                msg::fix_changed(lang, &id, &key, &new, &old)
            }
            None => msg::fix_added(lang, &id, &key, &new),
        };
        changes.push(format!("{change}; {note}"));
    }
    Some((document.to_string(), changes))
}

/// A warning for each tour stop that does not fit an 80×24 terminal whole: the presenter
/// scrolls it, but a room reads best what it sees at once.
fn tall_stops(path: Option<&Path>, loaded: &Loaded) -> Vec<content::Diagnostic> {
    let file = match path {
        Some(path) => path.join("tour.toml").display().to_string(),
        None => "article/tour.toml".to_owned(),
    };
    let tour = &loaded.article.tour;
    crate::layout::present::stops_too_tall(&loaded.article, (80, 24))
        .into_iter()
        .map(|(index, rows, room)| {
            let title = tour.get(index).map_or("", |s| s.title.as_str());
            let number = index + 1;
            let lang = content::diagnostic::lang();
            let message = msg::stop_too_tall(lang, &number, &title, &rows, &room);
            let hint = msg::shorten_the_stop(lang);
            content::Diagnostic::error(file.clone(), message)
                .with_hint(hint)
                .into_warning()
        })
        .collect()
}

/// `2 errors, 1 warning` / `2 erreurs, 1 avertissement`.
pub fn counts(errors: usize, warnings: usize, lang: Lang) -> String {
    format!(
        "{}, {}",
        count_of(lang, errors, crate::i18n::words::ERRORS),
        count_of(lang, warnings, crate::i18n::words::WARNINGS)
    )
}

/// A kind's or verdict's label with its plural.
fn forms(en: &'static str, fr: &'static str) -> (String, String, String, String) {
    let en_plural = if en.ends_with('s') {
        en.to_owned()
    } else {
        format!("{en}s")
    };
    let fr_plural = if fr.ends_with('s') {
        fr.to_owned()
    } else {
        format!("{fr}s")
    };
    (en.to_owned(), en_plural, fr.to_owned(), fr_plural)
}

fn plural_owned(lang: Lang, n: usize, words: &(String, String, String, String)) -> String {
    count_of(lang, n, (&words.0, &words.1, &words.2, &words.3))
}

/// The summary of a valid article, in `lang`.
pub fn summary(loaded: &Loaded, lang: Lang) -> String {
    let article = &loaded.article;
    let meta = &article.meta;
    let mut out = String::new();
    let colon = msg::colon(lang);
    let unknown = |s: &str| {
        if s.is_empty() {
            msg::unknown(lang).to_owned()
        } else {
            s.to_owned()
        }
    };
    let _ = writeln!(out, "{}{colon}{}", msg::title(lang), meta.title);
    let _ = writeln!(out, "{}{colon}{}", msg::author(lang), unknown(&meta.author));
    let _ = writeln!(out, "{}{colon}{}", msg::language(lang), meta.language);

    let _ = writeln!(
        out,
        "\n{}",
        count_of(lang, article.parts.len(), crate::i18n::words::PARTS)
    );
    let id_width = article
        .parts
        .iter()
        .map(|p| p.id.width())
        .max()
        .unwrap_or(0);
    let heading_width = article
        .parts
        .iter()
        .map(|p| p.heading.width())
        .max()
        .unwrap_or(0);
    for (i, part) in article.parts.iter().enumerate() {
        let words = count_of(lang, article.word_count(i), crate::i18n::words::WORDS);
        let id_pad = " ".repeat(id_width - part.id.width());
        let heading_pad = " ".repeat(heading_width - part.heading.width());
        let _ = writeln!(
            out,
            "  {}{id_pad}  {}{heading_pad}  {words:>9}",
            part.id, part.heading
        );
    }

    let annotations = &article.annotations;
    let by_kind: Vec<String> = AnnotationKind::ALL
        .iter()
        .map(|&kind| {
            plural_owned(
                lang,
                annotations.iter().filter(|a| a.kind == kind).count(),
                &forms(kind.label_en(), kind.label_fr()),
            )
        })
        .collect();
    let _ = writeln!(
        out,
        "\n{}{colon}{}",
        count_of(lang, annotations.len(), crate::i18n::words::ANNOTATIONS),
        by_kind.join(", ")
    );
    let mut by_verdict: Vec<String> = Verdict::ALL
        .iter()
        .map(|&v| {
            plural_owned(
                lang,
                annotations.iter().filter(|a| a.verdict == Some(v)).count(),
                &(
                    v.label_en().to_owned(),
                    v.label_en().to_owned(),
                    v.label_fr().to_owned(),
                    forms(v.label_en(), v.label_fr()).3,
                ),
            )
        })
        .collect();
    let without = annotations.iter().filter(|a| a.verdict.is_none()).count();
    if without > 0 {
        by_verdict.push(format!("{without} {}", msg::without_verdict(lang)));
    }
    let _ = writeln!(out, "  verdicts{colon}{}", by_verdict.join(", "));

    let sources = &article.sources;
    let listed = sources.iter().filter(|s| s.reference.is_some()).count();
    let _ = writeln!(
        out,
        "{}{colon}{listed} {}, {}",
        count_of(lang, sources.len(), crate::i18n::words::SOURCES),
        msg::article_own_reference_list(lang),
        count_of(lang, sources.len() - listed, crate::i18n::words::OTHERS)
    );

    let minutes: u32 = article.tour.iter().map(|s| s.minutes).sum();
    let tour = msg::tour(lang);
    if article.tour.is_empty() {
        let _ = writeln!(out, "{tour}{colon}{}", msg::none(lang));
    } else {
        let _ = writeln!(
            out,
            "{tour}{colon}{}, {}",
            count_of(lang, article.tour.len(), crate::i18n::words::STOPS),
            count_of(lang, minutes as usize, crate::i18n::words::MINUTES)
        );
    }
    let _ = writeln!(
        out,
        "\n{}",
        count_of(lang, loaded.warnings.len(), crate::i18n::words::WARNINGS)
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals_follow_each_language() {
        assert_eq!(
            count_of(Lang::Fr, 0, crate::i18n::words::ERRORS),
            "0 erreur"
        );
        assert_eq!(
            count_of(Lang::Fr, 2, crate::i18n::words::ERRORS),
            "2 erreurs"
        );
        assert_eq!(
            count_of(Lang::En, 0, crate::i18n::words::ERRORS),
            "0 errors"
        );
        assert_eq!(count_of(Lang::En, 1, crate::i18n::words::ERRORS), "1 error");
        assert_eq!(forms("imprecise", "imprécis").3, "imprécis");
        assert_eq!(counts(2, 1, Lang::Fr), "2 erreurs, 1 avertissement");
        assert_eq!(counts(2, 1, Lang::En), "2 errors, 1 warning");
    }
}

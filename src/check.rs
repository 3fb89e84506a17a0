//! `glose check`: validate an article and print its summary.
//!
//! Diagnostics (errors and warnings) go to stderr in the rustc-like format of
//! [`crate::content::Diagnostic`], followed on error by a count line (`2 erreurs, 1
//! avertissement`). A valid article's summary goes to stdout, in French like the bundled
//! article's annotations. The output depends only on the files, so it can be compared in tests.
//! Exit codes: 0 valid (warnings allowed), 1 content errors, 2 I/O or usage errors.

use std::fmt::Write as _;
use std::path::Path;

use unicode_width::UnicodeWidthStr;

use crate::content::{self, AnnotationKind, Loaded, Verdict};
use crate::output;

/// Runs `glose check` on `path` (the bundled article when `None`) and returns the exit code.
pub fn run(path: Option<&Path>) -> u8 {
    let result = match path {
        Some(path) => content::load_path(path),
        None => content::parse_bundled(),
    };
    match result {
        Ok(loaded) => {
            for warning in loaded.warnings.iter().chain(&tall_stops(path, &loaded)) {
                output::err(&format!("{warning}\n\n"));
            }
            match output::out(&summary(&loaded)) {
                Ok(()) => 0,
                Err(error) => {
                    output::errln(&format!("glose check: cannot write the summary: {error}"));
                    2
                }
            }
        }
        Err(error) => {
            let warnings = error.diagnostics().len() - error.error_count();
            output::err(&format!(
                "{error}\n\n{}\n",
                counts(error.error_count(), warnings)
            ));
            error.exit_code()
        }
    }
}

/// A warning for each tour stop that does not fit an 80×24 terminal whole: the presenter
/// scrolls it, but a room reads best what it sees at once.
fn tall_stops(path: Option<&Path>, loaded: &Loaded) -> Vec<content::Diagnostic> {
    let file = match path {
        Some(path) => path.join("tour.toml").display().to_string(),
        None => "article/tour.toml".to_owned(),
    };
    let tour = &loaded.article.tour;
    crate::ui::present::stops_too_tall(&loaded.article, (80, 24))
        .into_iter()
        .map(|(index, rows, room)| {
            let title = tour.get(index).map_or("", |s| s.title.as_str());
            content::Diagnostic::error(
                file.clone(),
                format!(
                    "stop {} ('{title}') does not fit an 80×24 screen whole: it needs {rows}                      rows and has {room}, so the presenter scrolls it",
                    index + 1
                ),
            )
            .with_hint("shorten its note, its passage or its questions, or split it in two stops")
            .into_warning()
        })
        .collect()
}

/// `n` followed by `word`, plural from two on as in French (`0 erreur`, `2 erreurs`); words
/// ending in `s` do not change.
fn plural(n: usize, word: &str) -> String {
    if n >= 2 && !word.ends_with('s') {
        format!("{n} {word}s")
    } else {
        format!("{n} {word}")
    }
}

/// `2 erreurs, 1 avertissement`.
fn counts(errors: usize, warnings: usize) -> String {
    format!(
        "{}, {}",
        plural(errors, "erreur"),
        plural(warnings, "avertissement")
    )
}

/// The summary of a valid article.
pub fn summary(loaded: &Loaded) -> String {
    let article = &loaded.article;
    let meta = &article.meta;
    let mut out = String::new();
    let unknown = |s: &str| {
        if s.is_empty() {
            "(inconnu)".to_owned()
        } else {
            s.to_owned()
        }
    };
    let _ = writeln!(out, "titre : {}", meta.title);
    let _ = writeln!(out, "auteur : {}", unknown(&meta.author));
    let _ = writeln!(out, "langue : {}", meta.language);

    let _ = writeln!(out, "\n{}", plural(article.parts.len(), "partie"));
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
        let words = plural(article.word_count(i), "mot");
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
            plural(
                annotations.iter().filter(|a| a.kind == kind).count(),
                kind.label_fr(),
            )
        })
        .collect();
    let _ = writeln!(
        out,
        "\n{} : {}",
        plural(annotations.len(), "annotation"),
        by_kind.join(", ")
    );
    let mut by_verdict: Vec<String> = Verdict::ALL
        .iter()
        .map(|&v| {
            plural(
                annotations.iter().filter(|a| a.verdict == Some(v)).count(),
                v.label_fr(),
            )
        })
        .collect();
    let without = annotations.iter().filter(|a| a.verdict.is_none()).count();
    if without > 0 {
        by_verdict.push(format!("{without} sans verdict"));
    }
    let _ = writeln!(out, "  verdicts : {}", by_verdict.join(", "));

    let sources = &article.sources;
    let listed = sources.iter().filter(|s| s.reference.is_some()).count();
    let _ = writeln!(
        out,
        "{} : {} dans la liste de références de l’article, {}",
        plural(sources.len(), "source"),
        listed,
        plural(sources.len() - listed, "autre")
    );

    let minutes: u32 = article.tour.iter().map(|s| s.minutes).sum();
    if article.tour.is_empty() {
        let _ = writeln!(out, "parcours : aucun");
    } else {
        let _ = writeln!(
            out,
            "parcours : {}, {}",
            plural(article.tour.len(), "étape"),
            plural(minutes as usize, "minute")
        );
    }
    let _ = writeln!(out, "\n{}", plural(loaded.warnings.len(), "avertissement"));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals_follow_french() {
        assert_eq!(plural(0, "erreur"), "0 erreur");
        assert_eq!(plural(1, "erreur"), "1 erreur");
        assert_eq!(plural(2, "erreur"), "2 erreurs");
        assert_eq!(plural(3, "imprécis"), "3 imprécis");
        assert_eq!(counts(2, 1), "2 erreurs, 1 avertissement");
    }
}

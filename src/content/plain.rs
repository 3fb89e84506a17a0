//! A plain `.md` / `.txt` file read as an article without annotations.
//!
//! `#` and `##` headings begin parts (`part-1`, `part-2`, … of kind `part`); text before the
//! first of them is a part of kind `introduction`. When the file starts with a `# ` heading, that
//! heading is the title rather than a part; otherwise the title is the file name. A file without
//! headings is one part. A heading with no text under it is dropped with a warning. The
//! language is guessed (see [`guess_language`]).

use super::diagnostic::Diagnostic;
use super::markdown;
use super::model::{Article, Meta, Part, PartKind};
use super::{LoadError, Loaded, validate};
use crate::text::sanitize::clean_line;

/// Headings of this level or less begin a part.
const PART_LEVEL: usize = 2;

/// Loads `bytes`, the content of the file `label` whose name without extension is `name`.
pub fn load(label: &str, name: &str, bytes: Vec<u8>) -> Result<Loaded, LoadError> {
    let mut diagnostics = Vec::new();
    let file = super::FileData {
        name: name.to_owned(),
        label: label.to_owned(),
        bytes,
    };
    let Some(src) = validate::decode(&file, &mut diagnostics) else {
        return Err(LoadError::Content(diagnostics));
    };
    let body = markdown::parse(src.text, PART_LEVEL);
    if body.text.is_empty() {
        return Err(LoadError::Content(vec![
            Diagnostic::error(label, tr!("'{label}' is empty", "'{label}' est vide")).with_hint(
                tr!(
                    "there is no text to read in this file",
                    "ce fichier ne contient aucun texte à lire"
                ),
            ),
        ]));
    }

    // A file that starts with a `# ` heading: that heading is the title, its text an opening.
    let title_heading = body
        .sections
        .first()
        .and_then(|s| s.heading.as_ref())
        .filter(|h| h.level == 1 && !h.text.is_empty());
    let title = title_heading.map_or_else(|| clean_line(name), |h| h.text.clone());
    // Only the first section can have no heading (the text before any heading).
    let (opening, headed) = match body.sections.split_first() {
        Some((first, rest)) if first.heading.is_none() || title_heading.is_some() => {
            (first.paragraphs.clone(), rest)
        }
        _ => (Vec::new(), body.sections.as_slice()),
    };

    let mut parts = Vec::new();
    if !opening.is_empty() {
        let (kind, heading) = if headed.is_empty() {
            (PartKind::Part, title.clone())
        } else {
            (PartKind::Introduction, "Introduction".to_owned())
        };
        parts.push(Part {
            id: String::new(),
            kind,
            heading,
            paragraphs: opening,
        });
    }
    let mut warnings = Vec::new();
    for section in headed {
        let Some(heading) = &section.heading else {
            continue;
        };
        if section.paragraphs.is_empty() {
            warnings.push(
                src.error_at_position(heading.line, heading.column, {
                    let text = &heading.text;
                    tr!(
                        "heading '{text}' has no text under it; it is left out",
                        "le titre '{text}' n’a pas de texte sous lui ; il est laissé de côté"
                    )
                })
                .with_hint(tr!(
                    "write its text under the heading, or remove the line",
                    "écrivez son texte sous le titre, ou retirez la ligne"
                ))
                .into_warning(),
            );
            continue;
        }
        parts.push(Part {
            id: String::new(),
            kind: PartKind::Part,
            heading: heading.text.clone(),
            paragraphs: section.paragraphs.clone(),
        });
    }
    for (i, part) in parts.iter_mut().enumerate() {
        part.id = format!("part-{}", i + 1);
    }

    let meta = Meta {
        title,
        language: guess_language(&body.text).to_owned(),
        ..Meta::default()
    };
    let article = Article {
        meta,
        text: body.text,
        parts,
        ..Article::default()
    };
    Ok(Loaded { article, warnings })
}

/// `"fr"` when the text looks French, else `"en"`: it holds a `«`, or the French words ` de `,
/// ` le `, ` la `, ` les `, ` et ` occur at least three times and more often than the English
/// ` the `, ` of `, ` and `, ` to `. Only French turns on special typography, so a wrong `"en"`
/// costs little.
pub fn guess_language(text: &str) -> &'static str {
    if text.contains('«') {
        return "fr";
    }
    let count = |words: &[&str]| words.iter().map(|w| text.matches(w).count()).sum::<usize>();
    let french = count(&[" de ", " le ", " la ", " les ", " et "]);
    let english = count(&[" the ", " of ", " and ", " to "]);
    if french >= 3 && french > english {
        "fr"
    } else {
        "en"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load_str(text: &str) -> Loaded {
        load("notes.md", "notes", text.as_bytes().to_vec()).unwrap()
    }

    fn headings(article: &Article) -> Vec<(&str, PartKind, &str)> {
        article
            .parts
            .iter()
            .map(|p| (p.id.as_str(), p.kind, p.heading.as_str()))
            .collect()
    }

    #[test]
    fn a_leading_title_heading_is_the_title() {
        let loaded = load_str("# Mon titre\n\nIntro.\n\n## Un\n\nA.\n\n# Deux\n\nB.\n");
        let article = &loaded.article;
        assert_eq!(article.meta.title, "Mon titre");
        assert_eq!(
            headings(article),
            [
                ("part-1", PartKind::Introduction, "Introduction"),
                ("part-2", PartKind::Part, "Un"),
                ("part-3", PartKind::Part, "Deux"),
            ]
        );
    }

    #[test]
    fn without_a_leading_heading_the_title_is_the_file_name() {
        let loaded = load_str("Before.\n\n# One\n\nA.\n");
        assert_eq!(loaded.article.meta.title, "notes");
        assert_eq!(
            headings(&loaded.article),
            [
                ("part-1", PartKind::Introduction, "Introduction"),
                ("part-2", PartKind::Part, "One")
            ]
        );
    }

    #[test]
    fn a_file_without_headings_is_one_part() {
        let loaded = load_str("Just text.\n\nMore text.\n");
        assert_eq!(
            headings(&loaded.article),
            [("part-1", PartKind::Part, "notes")]
        );
        assert_eq!(loaded.article.parts[0].paragraphs.len(), 2);
        let loaded = load_str("# Title\n\nJust text.\n");
        assert_eq!(
            headings(&loaded.article),
            [("part-1", PartKind::Part, "Title")]
        );
    }

    #[test]
    fn empty_headings_are_left_out_with_a_warning() {
        let loaded = load_str("# T\n\n## A\n## B\n\ntext\n");
        assert_eq!(headings(&loaded.article), [("part-1", PartKind::Part, "B")]);
        assert_eq!(loaded.warnings.len(), 1);
        assert_eq!((loaded.warnings[0].line, loaded.warnings[0].column), (3, 4));
    }

    #[test]
    fn empty_and_invalid_files_are_refused() {
        assert!(matches!(
            load("a.txt", "a", b" \n\n".to_vec()),
            Err(LoadError::Content(_))
        ));
        let Err(LoadError::Content(diagnostics)) = load("a.txt", "a", b"ok\nbad \xff".to_vec())
        else {
            panic!("expected a content error");
        };
        assert!(diagnostics[0].message.contains("offset 7"));
        assert_eq!((diagnostics[0].line, diagnostics[0].column), (2, 5));
    }

    #[test]
    fn the_language_guess_is_simple() {
        assert_eq!(guess_language("« Bonjour »"), "fr");
        assert_eq!(
            guess_language("Le chat de la voisine et le chien de la ferme"),
            "fr"
        );
        assert_eq!(guess_language("The cat of the neighbour and the dog"), "en");
        assert_eq!(guess_language("short"), "en");
    }
}

//! `glose import hypothesis FILE.json [DIR]`: annotations from Hypothesis (or any W3C Web
//! Annotation collection, such as `glose export --format w3c` writes) into an article folder.
//!
//! Each record's `TextQuoteSelector` (`exact`, `prefix`, `suffix`) is looked for in the text with
//! the loader's own matching rules; `prefix` / `suffix` (32 characters in Hypothesis, which may
//! run over a paragraph break) are cut to the paragraph and to the fewest words that still pick
//! one place, or left out when the words occur once. The entries found are appended to DIR's
//! `annotations.toml` with `toml_edit`, so its comments and layout stay as they were; a source
//! entry is added to `sources.toml` for each web page annotated (`uri`). Nothing is written
//! unless the folder, with the new entries, loads and checks as `glose check` would.
//!
//! A record whose words are not in the text (an orphan), or that would overlap an annotation,
//! is never dropped silently: it is listed, with its words and its text, and the exit code is 1.
//! Kind: the first tag naming one (`figure`, `chiffre`, `quote`, `citation`, `source`, `term`,
//! `notion`), else `term`; verdict: a tag naming one, in English or French.

mod anchoring;
mod append;

use crate::i18n::cli as msg;
use std::path::Path;

use serde_json::Value;

use crate::i18n::Lang;
use crate::output::errln;
pub use anchoring::{Anchoring, anchor_all};
use append::{append, shown};

/// One annotation read from the file, before anchoring.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Record {
    pub id: Option<String>,
    pub exact: String,
    pub prefix: String,
    pub suffix: String,
    /// The annotation's text (Hypothesis `text`, or a `describing` body).
    pub text: String,
    /// A `commenting` body (W3C only).
    pub note: String,
    pub tags: Vec<String>,
    pub questions: Vec<String>,
    pub uri: Option<String>,
    pub title: Option<String>,
}

/// Why a file could not be read as annotations.
#[derive(Debug, PartialEq, Eq)]
pub enum BadFile {
    NotJson(String),
    NoAnnotations,
}

fn strings(value: &Value) -> Vec<String> {
    match value {
        Value::String(s) => vec![s.clone()],
        Value::Array(items) => items.iter().flat_map(strings).collect(),
        _ => Vec::new(),
    }
}

fn text_of(value: &Value) -> String {
    strings(value).join("\n\n")
}

/// The annotations of a Hypothesis export (`{annotations: [...]}`, or a bare list, or an API
/// search result `{rows: [...]}`) or of a W3C collection / page (`first.items`, `items`).
pub fn parse(json: &str) -> Result<Vec<Record>, BadFile> {
    let value: Value = serde_json::from_str(json).map_err(|e| BadFile::NotJson(e.to_string()))?;
    let items = [
        value.get("annotations"),
        value.get("rows"),
        value.get("first").and_then(|f| f.get("items")),
        value.get("items"),
        Some(&value).filter(|v| v.is_array()),
    ]
    .into_iter()
    .flatten()
    .find_map(Value::as_array)
    .ok_or(BadFile::NoAnnotations)?;
    let mut out = Vec::new();
    for item in items {
        // Replies (Hypothesis `references`) have no target of their own.
        let targets: Vec<&Value> = match item.get("target") {
            Some(Value::Array(targets)) => targets.iter().collect(),
            Some(target @ Value::Object(_)) => vec![target],
            _ => continue,
        };
        let mut record = Record {
            id: item.get("id").and_then(Value::as_str).map(str::to_owned),
            uri: item
                .get("uri")
                .and_then(Value::as_str)
                .map(str::to_owned)
                .or_else(|| {
                    targets
                        .first()
                        .and_then(|t| t.get("source"))
                        .and_then(Value::as_str)
                        .map(str::to_owned)
                }),
            title: item
                .get("document")
                .and_then(|d| d.get("title"))
                .and_then(|t| strings(t).into_iter().next()),
            text: item.get("text").map(text_of).unwrap_or_default(),
            tags: item.get("tags").map(strings).unwrap_or_default(),
            ..Record::default()
        };
        let bodies: Vec<&Value> = match item.get("body") {
            Some(Value::Array(bodies)) => bodies.iter().collect(),
            Some(body @ Value::Object(_)) => vec![body],
            _ => Vec::new(),
        };
        for body in bodies {
            let value = body.get("value").map(text_of).unwrap_or_default();
            match body.get("purpose").and_then(Value::as_str) {
                Some("describing") | None if record.text.is_empty() => record.text = value,
                Some("commenting") if record.note.is_empty() => record.note = value,
                Some("tagging" | "assessing" | "classifying") => record.tags.push(value),
                Some("questioning") => record.questions.push(value),
                _ => {}
            }
        }
        let quote = targets
            .iter()
            .filter_map(|t| t.get("selector"))
            .flat_map(|s| match s {
                Value::Array(selectors) => selectors.iter().collect::<Vec<_>>(),
                other => vec![other],
            })
            .find(|s| s.get("type").and_then(Value::as_str) == Some("TextQuoteSelector"));
        if let Some(quote) = quote {
            let field = |name: &str| {
                quote
                    .get(name)
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .to_owned()
            };
            record.exact = field("exact");
            record.prefix = field("prefix");
            record.suffix = field("suffix");
        }
        out.push(record);
    }
    Ok(out)
}

/// Reads a file of at most 8 MiB (regular files only) as UTF-8.
fn read_json(file: &Path) -> std::io::Result<String> {
    let bytes = crate::content::read_capped(file, crate::content::TOML_LIMIT_BYTES)?;
    String::from_utf8(bytes).map_err(|_| std::io::Error::from(std::io::ErrorKind::InvalidData))
}

/// `glose import hypothesis FILE DIR`; returns the exit code (0 all imported, 1 some records not
/// anchored or content errors, 2 unreadable files).
pub fn run(file: &Path, dir: &Path, lang: Lang) -> u8 {
    let file_label = crate::text::sanitize::clean_line(&file.display().to_string());
    let dir_label = crate::text::sanitize::clean_line(&dir.display().to_string());
    let json = match read_json(file) {
        Ok(json) => json,
        Err(error) => {
            let reason = if error.kind() == std::io::ErrorKind::InvalidData {
                msg::not_utf_text(lang).to_owned()
            } else if error.kind() == std::io::ErrorKind::FileTooLarge {
                msg::larger_than(
                    lang,
                    &crate::files::size_words(crate::content::TOML_LIMIT_BYTES as u64, lang),
                )
            } else {
                crate::content::io_message(&error)
            };
            errln(&msg::glose_import_cannot_read(lang, &file_label, &reason));
            return 2;
        }
    };
    let records = match parse(&json) {
        Ok(records) => records,
        Err(BadFile::NotJson(reason)) => {
            errln(&msg::glose_import_not_valid_json(
                lang,
                &file_label,
                &reason,
            ));
            return 2;
        }
        Err(BadFile::NoAnnotations) => {
            errln(&msg::glose_import_holds_no_list(lang, &file_label));
            return 2;
        }
    };
    let loaded = match crate::content::load_path(dir) {
        Ok(loaded) => loaded,
        Err(error) => {
            errln(&format!("{error}"));
            return error.exit_code();
        }
    };
    if !dir.is_dir() {
        errln(&msg::glose_import_not_article_folder(lang, &dir_label));
        return 2;
    }
    let article = loaded.article;
    let outcomes = anchor_all(&article, &records);
    let read_text = |name: &str| -> Result<String, u8> {
        match crate::content::read_capped(&dir.join(name), crate::content::TOML_LIMIT_BYTES) {
            Ok(bytes) => Ok(String::from_utf8_lossy(&bytes).into_owned()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(String::new()),
            Err(error) => {
                let why = crate::content::io_message(&error);
                errln(&msg::glose_import_cannot_read_file(
                    lang, &dir_label, &name, &why,
                ));
                Err(2)
            }
        }
    };
    let (old_annotations, old_sources) =
        match (read_text("annotations.toml"), read_text("sources.toml")) {
            (Ok(a), Ok(s)) => (a, s),
            (Err(code), _) | (_, Err(code)) => return code,
        };
    let (annotations, sources) = match append(
        &old_annotations,
        &old_sources,
        &article,
        &records,
        &outcomes,
        article.is_french(),
    ) {
        Ok(texts) => texts,
        Err(error) => {
            errln(&format!(
                "glose import: {dir_label}/annotations.toml: {error}"
            ));
            return 1;
        }
    };
    let imported = outcomes
        .iter()
        .filter(|o| matches!(o, Anchoring::Anchored { .. }))
        .count();
    // Checked as `glose check` would, before anything is written.
    if imported > 0 {
        let read = |name: &str| -> std::io::Result<Vec<u8>> {
            match (name, &sources) {
                ("annotations.toml", _) => Ok(annotations.clone().into_bytes()),
                ("sources.toml", Some(sources)) => Ok(sources.clone().into_bytes()),
                _ => crate::content::read_capped(&dir.join(name), crate::content::limit_of(name)),
            }
        };
        if let Err(error) = crate::content::load_files(&dir_label, &read) {
            errln(&format!("{error}"));
            errln(msg::glose_import_nothing_was_written(lang));
            return error.exit_code();
        }
        // A file that is a link is written where it leads, only if that is a regular file of
        // this user; the new contents replace it atomically (a temporary file, then a rename).
        let write = |name: &str, text: &str| {
            let complain = |why: String| {
                errln(&msg::glose_import_cannot_write(
                    lang, &dir_label, &name, &why,
                ));
            };
            let target = crate::files::write_target(&dir.join(name))
                .map_err(|refused| complain(refused.describe(lang)))?;
            crate::store::write_atomic(&target, text.as_bytes(), crate::store::Durability::Durable)
                .map_err(|error| complain(crate::content::io_message(&error)))
        };
        if let Some(sources) = &sources
            && write("sources.toml", sources).is_err()
        {
            return 2;
        }
        if write("annotations.toml", &annotations).is_err() {
            return 2;
        }
    }
    let missed: Vec<(usize, &Record, &Anchoring)> = records
        .iter()
        .zip(&outcomes)
        .enumerate()
        .filter(|(_, (_, o))| !matches!(o, Anchoring::Anchored { .. }))
        .map(|(i, (r, o))| (i + 1, r, o))
        .collect();
    let total = records.len();
    crate::output::errln(&msg::glose_import_added(lang, imported, total, &dir_label));
    for (n, record, outcome) in &missed {
        let words = shown(&record.exact);
        let why = match outcome {
            Anchoring::Orphan if words.is_empty() => msg::quotes_no_passage(lang).to_owned(),
            Anchoring::Orphan => msg::not_in_the_text(lang, &words),
            Anchoring::Ambiguous(count) => msg::occurs_and_picks_none(lang, &words, count),
            Anchoring::Overlaps(id) => msg::overlaps_annotation(lang, &words, id),
            Anchoring::Anchored { .. } => continue,
        };
        errln(&msg::not_imported_annotation(lang, &n, &why));
        if !record.text.trim().is_empty() {
            errln(&format!("    {}", shown(&record.text)));
        }
    }
    if missed.is_empty() { 0 } else { 1 }
}

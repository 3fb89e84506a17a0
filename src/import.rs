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

use std::collections::HashSet;
use std::ops::Range;
use std::path::Path;

use serde_json::Value;

use crate::content::anchor::{Haystack, Miss};
use crate::content::{AnnotationKind, Article, Verdict};
use crate::i18n::Lang;
use crate::output::errln;

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

/// What happened to one record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Anchored: the words, and the prefix/suffix needed to pick them (possibly empty).
    Anchored {
        range: Range<usize>,
        prefix: Option<String>,
        suffix: Option<String>,
    },
    /// The words are not in the text (or the record quotes nothing).
    Orphan,
    /// The words occur several times and the record's context does not pick one.
    Ambiguous(usize),
    /// The words overlap an annotation already there (its id), or another imported one.
    Overlaps(String),
}

/// The paragraph-local end of a prefix (after its last line break), and start of a suffix.
fn prefix_in_paragraph(prefix: &str) -> &str {
    prefix.rsplit('\n').next().unwrap_or("")
}

fn suffix_in_paragraph(suffix: &str) -> &str {
    suffix.split('\n').next().unwrap_or("")
}

/// The shortest tails of `words` (word by word), the whole of it last.
fn tails(words: &str) -> Vec<&str> {
    let mut out: Vec<&str> = words
        .char_indices()
        .filter(|&(i, c)| i > 0 && c == ' ')
        .map(|(i, _)| words.get(i..).unwrap_or(""))
        .filter(|t| !t.trim().is_empty())
        .collect();
    out.reverse();
    out.push(words);
    out
}

/// The shortest heads of `words`, the whole of it last.
fn heads(words: &str) -> Vec<&str> {
    let mut out: Vec<&str> = words
        .char_indices()
        .filter(|&(i, c)| i > 0 && c == ' ')
        .map(|(i, _)| words.get(..i).unwrap_or(""))
        .filter(|t| !t.trim().is_empty())
        .collect();
    out.push(words);
    out
}

/// Anchors one record with the loader's matching rules.
fn anchor(haystack: &Haystack<'_>, record: &Record) -> Outcome {
    let exact = record.exact.trim();
    if exact.is_empty() || exact.contains('\n') {
        return Outcome::Orphan;
    }
    let count = match haystack.find(exact, None, None) {
        Ok(found) => {
            return Outcome::Anchored {
                range: found.range,
                prefix: None,
                suffix: None,
            };
        }
        Err(Miss::Ambiguous { count, .. }) => count,
        Err(_) => return Outcome::Orphan,
    };
    let prefix = prefix_in_paragraph(&record.prefix).trim_start();
    let suffix = suffix_in_paragraph(&record.suffix).trim_end();
    let prefixes: Vec<Option<&str>> = std::iter::once(None)
        .chain(
            tails(prefix)
                .into_iter()
                .filter(|p| !p.trim().is_empty())
                .map(Some),
        )
        .collect();
    let suffixes: Vec<Option<&str>> = std::iter::once(None)
        .chain(
            heads(suffix)
                .into_iter()
                .filter(|s| !s.trim().is_empty())
                .map(Some),
        )
        .collect();
    // The fewest words of context first: a prefix alone, a suffix alone, then both.
    let mut tries: Vec<(Option<&str>, Option<&str>)> = Vec::new();
    tries.extend(prefixes.iter().skip(1).map(|&p| (p, None)));
    tries.extend(suffixes.iter().skip(1).map(|&s| (None, s)));
    for &p in prefixes.iter().skip(1) {
        tries.extend(suffixes.iter().skip(1).map(|&s| (p, s)));
    }
    for (p, s) in tries {
        if let Ok(found) = haystack.find(exact, p, s) {
            return Outcome::Anchored {
                range: found.range,
                prefix: p.map(|p| p.trim_start().to_owned()),
                suffix: s.map(|s| s.trim_end().to_owned()),
            };
        }
    }
    Outcome::Ambiguous(count)
}

/// Anchors every record against the article, refusing overlaps with its annotations and with
/// one another.
pub fn anchor_all(article: &Article, records: &[Record]) -> Vec<Outcome> {
    let paragraphs: Vec<Range<usize>> = article
        .parts
        .iter()
        .flat_map(|p| p.paragraphs.iter().cloned())
        .collect();
    let haystack = Haystack::new(
        &article.text,
        &paragraphs,
        records.iter().map(|r| r.exact.trim()),
    );
    let mut taken: Vec<(Range<usize>, String)> = article
        .annotations
        .iter()
        .map(|a| (a.range.clone(), a.id.clone()))
        .collect();
    records
        .iter()
        .enumerate()
        .map(|(i, record)| match anchor(&haystack, record) {
            Outcome::Anchored {
                range,
                prefix,
                suffix,
            } => {
                if let Some((_, id)) = taken
                    .iter()
                    .find(|(r, _)| r.start < range.end && range.start < r.end)
                {
                    return Outcome::Overlaps(id.clone());
                }
                taken.push((range.clone(), format!("#{}", i + 1)));
                Outcome::Anchored {
                    range,
                    prefix,
                    suffix,
                }
            }
            other => other,
        })
        .collect()
}

/// The kind named by a tag (English or French), if any.
fn kind_of(tags: &[String]) -> Option<AnnotationKind> {
    tags.iter().find_map(|tag| {
        let tag = tag.trim().to_lowercase();
        AnnotationKind::ALL
            .into_iter()
            .find(|k| tag == k.label_en() || tag == k.label_fr())
    })
}

/// The verdict named by a tag (English or French), if any.
fn verdict_of(tags: &[String]) -> Option<Verdict> {
    tags.iter().find_map(|tag| {
        let tag = tag.trim().to_lowercase();
        Verdict::ALL
            .into_iter()
            .find(|v| tag == v.label_en() || tag == v.label_fr())
    })
}

/// An annotation id: the record's own when it is one (`fig-430` from `…#fig-430`), else `hyp-`
/// and its Hypothesis id, else `import-N`; made unique among `used`.
fn id_for(record: &Record, n: usize, used: &mut HashSet<String>) -> String {
    let own = record
        .id
        .as_deref()
        .map(|id| id.rsplit(['#', '/', ':']).next().unwrap_or(id))
        .filter(|id| !id.is_empty());
    let base = match own {
        Some(id)
            if id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-') =>
        {
            id.to_owned()
        }
        Some(id) => {
            let slug: String = id
                .chars()
                .filter(char::is_ascii_alphanumeric)
                .map(|c| c.to_ascii_lowercase())
                .collect();
            if slug.is_empty() {
                format!("import-{n}")
            } else {
                format!("hyp-{slug}")
            }
        }
        None => format!("import-{n}"),
    };
    let mut id = base.clone();
    let mut k = 2;
    while used.contains(&id) {
        id = format!("{base}-{k}");
        k += 1;
    }
    used.insert(id.clone());
    id
}

/// A web page's address, if it is one glose accepts in `sources.toml`.
fn web_uri(uri: Option<&str>) -> Option<&str> {
    uri.filter(|u| {
        (u.starts_with("https://") || u.starts_with("http://"))
            && !u.chars().any(|c| c.is_control() || c.is_whitespace())
    })
}

/// The host of an address (`example.org`), for a source's author.
fn host(uri: &str) -> &str {
    let rest = uri.split_once("://").map_or(uri, |(_, rest)| rest);
    rest.split(['/', '?', '#']).next().unwrap_or(rest)
}

/// The new texts of `annotations.toml` and `sources.toml` (if it changes) with the anchored
/// records appended.
fn append(
    annotations: &str,
    sources: &str,
    article: &Article,
    records: &[Record],
    outcomes: &[Outcome],
    french: bool,
) -> Result<(String, Option<String>), toml_edit::TomlError> {
    use toml_edit::{ArrayOfTables, DocumentMut, Item, Table, value};
    // The files are checked to be TOML, then kept byte for byte: the new entries are built in
    // documents of their own and appended, so nothing already written moves.
    annotations.parse::<DocumentMut>()?;
    sources.parse::<DocumentMut>()?;
    let mut doc = DocumentMut::new();
    let mut sources_doc = DocumentMut::new();
    let mut used: HashSet<String> = article.annotations.iter().map(|a| a.id.clone()).collect();
    let mut source_ids: HashSet<String> = article.sources.iter().map(|s| s.id.clone()).collect();
    let mut source_of_uri: Vec<(String, String)> = article
        .sources
        .iter()
        .filter_map(|s| s.url.clone().map(|u| (u, s.id.clone())))
        .collect();
    let mut sources_changed = false;
    if !doc.contains_key("annotation") {
        doc.insert("annotation", Item::ArrayOfTables(ArrayOfTables::new()));
    }
    for (n, (record, outcome)) in records.iter().zip(outcomes).enumerate() {
        let Outcome::Anchored {
            range,
            prefix,
            suffix,
        } = outcome
        else {
            continue;
        };
        let mut table = Table::new();
        table.insert("id", value(id_for(record, n + 1, &mut used)));
        let kind = kind_of(&record.tags).unwrap_or(AnnotationKind::Term);
        table.insert("kind", value(kind.label_en()));
        table.insert("quote", value(article.slice(range.clone())));
        if let Some(prefix) = prefix {
            table.insert("prefix", value(prefix.as_str()));
        }
        if let Some(suffix) = suffix {
            table.insert("suffix", value(suffix.as_str()));
        }
        if let Some(uri) = web_uri(record.uri.as_deref()) {
            let id = match source_of_uri.iter().find(|(u, _)| u == uri) {
                Some((_, id)) => id.clone(),
                None => {
                    let base = format!(
                        "web-{}",
                        host(uri)
                            .replace(|c: char| !c.is_ascii_alphanumeric(), "-")
                            .to_ascii_lowercase()
                    );
                    let mut id = base.clone();
                    let mut k = 2;
                    while source_ids.contains(&id) {
                        id = format!("{base}-{k}");
                        k += 1;
                    }
                    source_ids.insert(id.clone());
                    let mut source = Table::new();
                    source.insert("id", value(id.as_str()));
                    source.insert("author", value(host(uri)));
                    source.insert(
                        "title",
                        value(
                            record
                                .title
                                .as_deref()
                                .filter(|t| !t.trim().is_empty())
                                .unwrap_or(uri),
                        ),
                    );
                    source.insert("kind", value("web"));
                    source.insert("url", value(uri));
                    if !sources_doc.contains_key("source") {
                        sources_doc.insert("source", Item::ArrayOfTables(ArrayOfTables::new()));
                    }
                    if let Some(list) = sources_doc
                        .get_mut("source")
                        .and_then(Item::as_array_of_tables_mut)
                    {
                        list.push(source);
                    }
                    sources_changed = true;
                    source_of_uri.push((uri.to_owned(), id.clone()));
                    id
                }
            };
            table.insert("source", value(id));
        }
        if let Some(verdict) = verdict_of(&record.tags) {
            table.insert("verdict", value(verdict.label_en()));
        }
        let context = if record.text.trim().is_empty() && record.note.trim().is_empty() {
            if french {
                "Surlignage importé de Hypothesis, sans texte.".to_owned()
            } else {
                "Highlight imported from Hypothesis, without text.".to_owned()
            }
        } else {
            record.text.trim().to_owned()
        };
        if !context.is_empty() {
            table.insert("context", value(context));
        }
        if !record.note.trim().is_empty() {
            table.insert("note", value(record.note.trim()));
        }
        if !record.questions.is_empty() {
            let mut questions = toml_edit::Array::new();
            for q in &record.questions {
                questions.push(q.trim());
            }
            table.insert("questions", value(questions));
        }
        if let Some(list) = doc
            .get_mut("annotation")
            .and_then(Item::as_array_of_tables_mut)
        {
            list.push(table);
        }
    }
    let joined = |old: &str, new: &DocumentMut| {
        let mut text = old.to_owned();
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        if !text.is_empty() {
            text.push('\n');
        }
        text.push_str(&new.to_string());
        text
    };
    Ok((
        joined(annotations, &doc),
        sources_changed.then(|| joined(sources, &sources_doc)),
    ))
}

/// A record's words, cut for a message.
fn shown(words: &str) -> String {
    let words = crate::text::sanitize::clean_line(words.trim());
    if words.chars().count() > 60 {
        format!("{}…", words.chars().take(60).collect::<String>())
    } else {
        words
    }
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
                lang.pick("it is not UTF-8 text", "ce n’est pas du texte UTF-8")
                    .to_owned()
            } else if error.kind() == std::io::ErrorKind::FileTooLarge {
                lang.pick("it is larger than 8 MiB", "il dépasse 8 Mio")
                    .to_owned()
            } else {
                crate::content::io_message(&error)
            };
            errln(&match lang {
                Lang::En => format!("glose import: cannot read '{file_label}': {reason}"),
                Lang::Fr => {
                    format!("glose import : impossible de lire « {file_label} » : {reason}")
                }
            });
            return 2;
        }
    };
    let records = match parse(&json) {
        Ok(records) => records,
        Err(BadFile::NotJson(reason)) => {
            errln(&match lang {
                Lang::En => format!("glose import: '{file_label}' is not valid JSON ({reason})"),
                Lang::Fr => {
                    format!("glose import : « {file_label} » n’est pas du JSON valide ({reason})")
                }
            });
            return 2;
        }
        Err(BadFile::NoAnnotations) => {
            errln(&match lang {
                Lang::En => format!(
                    "glose import: '{file_label}' holds no list of annotations (a Hypothesis export has \"annotations\", a W3C collection \"first\": {{\"items\"}})"
                ),
                Lang::Fr => format!(
                    "glose import : « {file_label} » ne contient pas de liste d’annotations (un export Hypothesis a \"annotations\", une collection W3C \"first\": {{\"items\"}})"
                ),
            });
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
        errln(&match lang {
            Lang::En => format!(
                "glose import: '{dir_label}' is not an article folder (annotations are added to its annotations.toml)"
            ),
            Lang::Fr => format!(
                "glose import : « {dir_label} » n’est pas un dossier d’article (les annotations vont dans son annotations.toml)"
            ),
        });
        return 2;
    }
    let article = loaded.article;
    let outcomes = anchor_all(&article, &records);
    let read_text = |name: &str| -> Result<String, u8> {
        match crate::content::read_capped(&dir.join(name), crate::content::TOML_LIMIT_BYTES) {
            Ok(bytes) => Ok(String::from_utf8_lossy(&bytes).into_owned()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(String::new()),
            Err(error) => {
                errln(&match lang {
                    Lang::En => format!(
                        "glose import: cannot read '{dir_label}/{name}': {}",
                        crate::content::io_message(&error)
                    ),
                    Lang::Fr => format!(
                        "glose import : impossible de lire « {dir_label}/{name} » : {}",
                        crate::content::io_message(&error)
                    ),
                });
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
        .filter(|o| matches!(o, Outcome::Anchored { .. }))
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
            errln(lang.pick(
                "glose import: nothing was written: the folder would not load with these annotations",
                "glose import : rien n’a été écrit : le dossier ne se chargerait pas avec ces annotations",
            ));
            return error.exit_code();
        }
        // A file that is a link is written where it leads, only if that is a regular file of
        // this user; the new contents replace it atomically (a temporary file, then a rename).
        let write = |name: &str, text: &str| {
            let complain = |why: String| {
                errln(&match lang {
                    Lang::En => format!("glose import: cannot write '{dir_label}/{name}': {why}"),
                    Lang::Fr => {
                        format!("glose import : impossible d’écrire « {dir_label}/{name} » : {why}")
                    }
                });
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
    let missed: Vec<(usize, &Record, &Outcome)> = records
        .iter()
        .zip(&outcomes)
        .enumerate()
        .filter(|(_, (_, o))| !matches!(o, Outcome::Anchored { .. }))
        .map(|(i, (r, o))| (i + 1, r, o))
        .collect();
    let total = records.len();
    crate::output::errln(&match lang {
        Lang::En => format!(
            "glose import: {imported} of {total} annotation{} added to {dir_label}/annotations.toml",
            if total == 1 { "" } else { "s" }
        ),
        Lang::Fr => {
            let s = if imported > 1 { "s" } else { "" };
            format!(
                "glose import : {imported} annotation{s} sur {total} ajoutée{s} à {dir_label}/annotations.toml"
            )
        }
    });
    for (n, record, outcome) in &missed {
        let words = shown(&record.exact);
        let why = match (outcome, lang) {
            (Outcome::Orphan, Lang::En) if words.is_empty() => {
                "quotes no passage of the text (a reply, or a note on the whole page)".to_owned()
            }
            (Outcome::Orphan, Lang::Fr) if words.is_empty() => {
                "ne cite aucun passage du texte (une réponse, ou une note sur toute la page)"
                    .to_owned()
            }
            (Outcome::Orphan, Lang::En) => format!("« {words} » is not in the text (orphan)"),
            (Outcome::Orphan, Lang::Fr) => {
                format!("« {words} » n’est pas dans le texte (orpheline)")
            }
            (Outcome::Ambiguous(count), Lang::En) => {
                format!("« {words} » occurs {count} times and its prefix and suffix pick none")
            }
            (Outcome::Ambiguous(count), Lang::Fr) => format!(
                "« {words} » apparaît {count} fois et son préfixe et son suffixe n’en désignent aucune"
            ),
            (Outcome::Overlaps(id), Lang::En) => format!("« {words} » overlaps annotation {id}"),
            (Outcome::Overlaps(id), Lang::Fr) => format!("« {words} » chevauche l’annotation {id}"),
            (Outcome::Anchored { .. }, _) => continue,
        };
        errln(&match lang {
            Lang::En => format!("  not imported: annotation {n}: {why}"),
            Lang::Fr => format!("  non importée : annotation {n} : {why}"),
        });
        if !record.text.trim().is_empty() {
            errln(&format!("    {}", shown(&record.text)));
        }
    }
    if missed.is_empty() { 0 } else { 1 }
}

//! Writing the anchored records into `annotations.toml` and `sources.toml` with `toml_edit`,
//! keeping the files' comments and layout.

use std::collections::HashSet;

use super::{Anchoring, Record};
use crate::content::{AnnotationKind, Article, Verdict};

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
pub(super) fn append(
    annotations: &str,
    sources: &str,
    article: &Article,
    records: &[Record],
    outcomes: &[Anchoring],
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
        let Anchoring::Anchored {
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
            crate::i18n::cli::imported_highlight(crate::i18n::Lang::of_article(french)).to_owned()
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
pub(super) fn shown(words: &str) -> String {
    let words = crate::text::sanitize::clean_line(words.trim());
    if words.chars().count() > 60 {
        format!("{}…", words.chars().take(60).collect::<String>())
    } else {
        words
    }
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

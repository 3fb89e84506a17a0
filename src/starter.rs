//! `glose new DIR [--from FILE]`: a starter article folder that passes `glose check` as written,
//! and `glose schema FILE`: the JSON Schema of a TOML file.
//!
//! The folder holds `article.toml` (the parts: FILE's headings, or one part), `text.md`, and
//! `annotations.toml`, `sources.toml`, `tour.toml`, each with one commented example of each
//! kind, so the teacher uncomments and edits. Every TOML file begins with a `#:schema` line
//! naming its JSON Schema in the folder's `.schema/`, which editors (VS Code's Even Better TOML,
//! taplo) use to check keys as the teacher types. Nothing is ever overwritten: DIR must not exist
//! or be empty.

use crate::i18n::cli as msg;
use std::fmt::Write as _;
use std::path::Path;

use crate::content::{self, Article, PartKind, schema};
use crate::i18n::Lang;
use crate::output;
use crate::text::sanitize::clean_line;

/// The JSON Schema files written in a new folder's `.schema/`, by TOML file.
const SCHEMAS: [(&str, &str); 4] = [
    ("article", "article.toml"),
    ("annotations", "annotations.toml"),
    ("sources", "sources.toml"),
    ("tour", "tour.toml"),
];

/// `glose schema FILE`: prints the JSON Schema of `article`, `annotations`, `sources` or `tour`.
pub fn print_schema(file: &str, lang: Lang) -> u8 {
    match schema::json_schema(file) {
        Some(json) => match output::out(&format!("{json}\n")) {
            Ok(()) => 0,
            Err(_) => 2,
        },
        None => {
            let file = clean_line(file);
            output::errln(&msg::glose_schema_unknown_file_article(lang, &file));
            2
        }
    }
}

/// `glose new DIR [--from FILE]`; returns the exit code (0 written, 1 FILE has content errors,
/// 2 I/O: DIR not empty, FILE unreadable, a file not written).
pub fn run(dir: &Path, from: Option<&Path>, lang: Lang) -> u8 {
    let shown = clean_line(&dir.display().to_string());
    let fail = |message: String| {
        output::errln(&format!("glose new: {message}"));
        2
    };
    if std::fs::symlink_metadata(dir).is_ok() {
        let empty = std::fs::read_dir(dir).is_ok_and(|mut d| d.next().is_none());
        if !empty {
            return fail(msg::already_exists_not_empty(lang, &shown));
        }
    }
    let files = match from {
        None => starter(lang),
        Some(file) => match content::load_path(file) {
            Ok(loaded) => from_article(&loaded.article, lang),
            Err(error) => {
                output::errln(&format!("{error}"));
                return error.exit_code();
            }
        },
    };
    if let Err(error) = std::fs::create_dir_all(dir.join(".schema")) {
        return fail(msg::cannot_create_folder(lang, &shown, &error));
    }
    let schemas = SCHEMAS.iter().filter_map(|(name, _)| {
        schema::json_schema(name).map(|json| (format!(".schema/{name}.json"), json + "\n"))
    });
    for (name, text) in files.into_iter().chain(schemas) {
        let path = dir.join(&name);
        // `create_new`: never replace a file, even one that appeared meanwhile.
        let written = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .and_then(|mut f| std::io::Write::write_all(&mut f, text.as_bytes()));
        if let Err(error) = written {
            return fail(msg::cannot_write_file(lang, &shown, &name, &error));
        }
    }
    let message = msg::glose_new_wrote_article_toml(lang, &shown);
    match output::out(&format!("{message}\n")) {
        Ok(()) => 0,
        Err(_) => 2,
    }
}

/// The `#:schema` line of a TOML file.
fn schema_line(name: &str) -> String {
    format!("#:schema .schema/{name}.json\n")
}

/// A TOML string.
fn quoted(s: &str) -> String {
    toml::Value::String(s.to_owned()).to_string()
}

/// An id in the valid form for a heading, unique among `taken`.
fn part_id(heading: &str, taken: &mut Vec<String>) -> String {
    let mut base = String::new();
    for c in unicode_normalization::UnicodeNormalization::nfd(heading)
        .filter(char::is_ascii)
        .flat_map(char::to_lowercase)
    {
        if c.is_ascii_alphanumeric() {
            base.push(c);
        } else if !base.is_empty() && !base.ends_with('-') {
            base.push('-');
        }
    }
    let mut base = base.trim_end_matches('-').to_owned();
    base.truncate(40);
    let base = base.trim_end_matches('-');
    let base = if base.is_empty() { "partie" } else { base };
    let mut id = base.to_owned();
    let mut n = 2;
    while taken.contains(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    taken.push(id.clone());
    id
}

/// The files of a starter folder with an example text.
fn starter(lang: Lang) -> Vec<(String, String)> {
    let (title, intro, heading, body) = (
        msg::starter_title(lang),
        msg::starter_intro(lang),
        msg::starter_heading(lang),
        msg::starter_body(lang),
    );
    let language = lang.tag();
    let parts = [
        (
            "introduction".to_owned(),
            PartKind::Introduction,
            "Introduction".to_owned(),
        ),
        (
            msg::part(lang).to_owned(),
            PartKind::Part,
            heading.to_owned(),
        ),
    ];
    let text = format!("{intro}\n\n# {heading}\n\n{body}\n");
    files(title, "", language, &parts, text, lang)
}

/// The files of a starter folder holding the text of `article` (a plain file read).
fn from_article(article: &Article, lang: Lang) -> Vec<(String, String)> {
    let mut taken = Vec::new();
    let mut text = String::new();
    let mut parts = Vec::new();
    for part in &article.parts {
        let heading = part.heading.trim().to_owned();
        let kind = if part.kind == PartKind::Introduction && parts.is_empty() {
            PartKind::Introduction
        } else {
            PartKind::Part
        };
        if kind != PartKind::Introduction {
            let _ = write!(text, "# {heading}\n\n");
        }
        for paragraph in &part.paragraphs {
            text.push_str(&crate::handout::markdown_paragraph(
                article,
                paragraph.clone(),
            ));
        }
        let id = if kind == PartKind::Introduction {
            taken.push("introduction".to_owned());
            "introduction".to_owned()
        } else {
            part_id(&heading, &mut taken)
        };
        parts.push((id, kind, heading));
    }
    let text = text.trim_end().to_owned() + "\n";
    let meta = &article.meta;
    files(
        &meta.title,
        &meta.author,
        &meta.language,
        &parts,
        text,
        lang,
    )
}

/// The five files, from the parts and the text.
fn files(
    title: &str,
    author: &str,
    language: &str,
    parts: &[(String, PartKind, String)],
    text: String,
    lang: Lang,
) -> Vec<(String, String)> {
    let mut article = schema_line("article");
    let _ = writeln!(article, "{}", msg::text_metadata_parts_order_see(lang));
    let _ = writeln!(article, "title = {}", quoted(title));
    let _ = writeln!(
        article,
        "author = {}{}",
        quoted(author),
        msg::who_wrote_text(lang)
    );
    let _ = writeln!(article, "language = {}", quoted(language));
    let _ = writeln!(article, "{}", msg::optional_byline_publisher_date_url(lang));
    for (id, kind, heading) in parts {
        let kind = match kind {
            PartKind::Introduction => "introduction",
            PartKind::Conclusion => "conclusion",
            PartKind::References => "references",
            PartKind::Part => "part",
        };
        let _ = write!(
            article,
            "\n[[part]]\nid = {}\nkind = \"{kind}\"   # introduction | part | conclusion | \
             references\nheading = {}\n",
            quoted(id),
            quoted(heading)
        );
    }
    vec![
        ("article.toml".to_owned(), article),
        ("text.md".to_owned(), text),
        ("annotations.toml".to_owned(), annotations_example(lang)),
        ("sources.toml".to_owned(), sources_example(lang)),
        ("tour.toml".to_owned(), tour_example(lang)),
    ]
}

/// Comments every line of `example`.
fn commented(example: &str) -> String {
    example
        .lines()
        .map(|l| {
            if l.is_empty() {
                "#\n".to_owned()
            } else {
                format!("# {l}\n")
            }
        })
        .collect()
}

fn annotations_example(lang: Lang) -> String {
    let mut out = schema_line("annotations");
    out.push_str(&commented(msg::one_annotation_per_annotated_span(lang)));
    out
}

fn sources_example(lang: Lang) -> String {
    let mut out = schema_line("sources");
    out.push_str(&commented(msg::bibliography_one_source_per_document(lang)));
    out
}

fn tour_example(lang: Lang) -> String {
    let mut out = schema_line("tour");
    out.push_str(&commented(msg::guided_tour_class_one_stop(lang)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn part_ids_are_valid_and_unique() {
        let mut taken = Vec::new();
        assert_eq!(part_id("Le travail caché", &mut taken), "le-travail-cache");
        assert_eq!(
            part_id("Le travail caché", &mut taken),
            "le-travail-cache-2"
        );
        assert_eq!(part_id("日本", &mut taken), "partie");
    }

    /// The commented examples are good TOML once uncommented, and pass the schema.
    #[test]
    fn the_examples_parse_once_uncommented() {
        for lang in [Lang::En, Lang::Fr] {
            for (text, key) in [
                (annotations_example(lang), "annotation"),
                (sources_example(lang), "source"),
                (tour_example(lang), "stop"),
            ] {
                let uncommented: String = text
                    .lines()
                    .skip(1)
                    .map(|l| l.strip_prefix("# ").unwrap_or(""))
                    .filter(|l| l.starts_with("[[") || l.contains(" = "))
                    .map(|l| format!("{l}\n"))
                    .collect();
                let value: toml::Table = toml::from_str(&uncommented).expect(&uncommented);
                assert!(value.contains_key(key), "{uncommented}");
            }
        }
    }
}

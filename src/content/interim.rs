//! INTERIM, to be deleted when the loader lands in main: a minimal stand-in for
//! `content::load_path` / `content::load_bundled` with the same shape (`Loaded`, `LoadError`),
//! so that `glose present`, `glose notes` and `glose export` can be run and tested end to end
//! on `tests/fixtures/tour-atelier/` before then. It checks almost nothing.

use std::fmt;
use std::path::Path;

use serde::Deserialize;

use super::{Annotation, AnnotationKind, Article, Meta, Part, PartKind, Source, TourStop, Verdict};

/// A loaded article.
#[derive(Debug)]
pub struct Loaded {
    pub article: Article,
    pub warnings: Vec<String>,
}

/// Why an article could not be loaded.
#[derive(Debug)]
pub enum LoadError {
    Io(String),
    Content(String),
}

impl LoadError {
    /// 2 for I/O, 1 for content.
    pub fn exit_code(&self) -> u8 {
        match self {
            Self::Io(_) => 2,
            Self::Content(_) => 1,
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Io(m) | Self::Content(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for LoadError {}

#[derive(Deserialize)]
struct RawArticle {
    title: String,
    author: String,
    byline: Option<String>,
    language: String,
    publisher: Option<String>,
    date: Option<String>,
    url: Option<String>,
    annotations_by: Option<String>,
    part: Vec<RawPart>,
}

#[derive(Deserialize)]
struct RawPart {
    id: String,
    kind: PartKind,
    heading: String,
}

#[derive(Deserialize, Default)]
struct RawAnnotations {
    #[serde(default)]
    annotation: Vec<RawAnnotation>,
}

#[derive(Deserialize)]
struct RawAnnotation {
    id: String,
    kind: AnnotationKind,
    quote: String,
    source: Option<String>,
    verdict: Option<Verdict>,
    #[serde(default)]
    context: String,
    #[serde(default)]
    note: String,
    #[serde(default)]
    questions: Vec<String>,
}

#[derive(Deserialize, Default)]
struct RawSources {
    #[serde(default)]
    source: Vec<RawSource>,
}

#[derive(Deserialize)]
struct RawSource {
    id: String,
    author: String,
    title: String,
    publisher: Option<String>,
    date: Option<String>,
    kind: String,
    url: Option<String>,
    reference: Option<u32>,
    #[serde(default)]
    note: String,
}

#[derive(Deserialize, Default)]
struct RawTour {
    #[serde(default)]
    stop: Vec<RawStop>,
}

#[derive(Deserialize)]
struct RawStop {
    title: String,
    annotation: Option<String>,
    part: Option<String>,
    #[serde(default)]
    say: String,
    #[serde(default)]
    questions: Vec<String>,
    minutes: u32,
    big: Option<String>,
}

/// The bundled article is not available before the loader lands.
pub fn load_bundled() -> Result<Loaded, LoadError> {
    Err(LoadError::Io(
        "the bundled article needs the loader (give a folder)".into(),
    ))
}

/// Loads an article folder (minimal checks).
pub fn load_path(path: &Path) -> Result<Loaded, LoadError> {
    let read = |name: &str| std::fs::read_to_string(path.join(name));
    let toml_of = |name: &str| -> Result<Option<String>, LoadError> {
        match read(name) {
            Ok(text) => Ok(Some(text)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(LoadError::Io(format!("{}/{name}: {e}", path.display()))),
        }
    };
    let parse =
        |name: &str, text: &str| LoadError::Content(format!("{}/{name}: {text}", path.display()));
    let raw: RawArticle = toml::from_str(
        &toml_of("article.toml")?
            .ok_or_else(|| LoadError::Io(format!("cannot open '{}'", path.display())))?,
    )
    .map_err(|e| parse("article.toml", &e.to_string()))?;
    let markdown = toml_of("text.md")?.ok_or_else(|| parse("text.md", "missing"))?;
    let mut text = String::new();
    let mut parts: Vec<Part> = Vec::new();
    let mut paragraph = String::new();
    let flush = |paragraph: &mut String, text: &mut String, parts: &mut Vec<Part>| {
        let words = paragraph.split_whitespace().collect::<Vec<_>>().join(" ");
        paragraph.clear();
        if words.is_empty() {
            return;
        }
        if let Some(part) = parts.last_mut() {
            let start = text.len();
            text.push_str(&words);
            part.paragraphs.push(start..text.len());
        }
    };
    for line in markdown.lines() {
        if let Some(heading) = line.strip_prefix("# ") {
            flush(&mut paragraph, &mut text, &mut parts);
            let Some(raw_part) = raw.part.get(parts.len()) else {
                return Err(parse("text.md", "more headings than parts"));
            };
            let _ = heading;
            parts.push(Part {
                id: raw_part.id.clone(),
                kind: raw_part.kind,
                heading: raw_part.heading.clone(),
                paragraphs: Vec::new(),
            });
        } else if line.trim().is_empty() {
            flush(&mut paragraph, &mut text, &mut parts);
        } else {
            paragraph.push(' ');
            paragraph.push_str(line);
        }
    }
    flush(&mut paragraph, &mut text, &mut parts);
    let sources: RawSources = match toml_of("sources.toml")? {
        Some(t) => toml::from_str(&t).map_err(|e| parse("sources.toml", &e.to_string()))?,
        None => RawSources::default(),
    };
    let sources: Vec<Source> = sources
        .source
        .into_iter()
        .map(|s| Source {
            id: s.id,
            author: s.author,
            title: s.title,
            publisher: s.publisher,
            date: s.date,
            kind: s.kind,
            url: s.url,
            reference: s.reference,
            note: s.note,
        })
        .collect();
    let raw_annotations: RawAnnotations = match toml_of("annotations.toml")? {
        Some(t) => toml::from_str(&t).map_err(|e| parse("annotations.toml", &e.to_string()))?,
        None => RawAnnotations::default(),
    };
    let mut annotations = Vec::new();
    for a in raw_annotations.annotation {
        let start = text
            .find(&a.quote)
            .ok_or_else(|| parse("annotations.toml", &format!("quote not found: {}", a.quote)))?;
        let range = start..start + a.quote.len();
        let (part, paragraph) = parts
            .iter()
            .enumerate()
            .find_map(|(i, p)| {
                p.paragraphs
                    .iter()
                    .position(|r| r.contains(&start))
                    .map(|j| (i, j))
            })
            .unwrap_or((0, 0));
        annotations.push(Annotation {
            id: a.id,
            kind: a.kind,
            range,
            part,
            paragraph,
            source: a
                .source
                .and_then(|id| sources.iter().position(|s| s.id == id)),
            context: a.context,
            verdict: a.verdict,
            note: a.note,
            questions: a.questions,
        });
    }
    annotations.sort_by_key(|a| a.range.start);
    let raw_tour: RawTour = match toml_of("tour.toml")? {
        Some(t) => toml::from_str(&t).map_err(|e| parse("tour.toml", &e.to_string()))?,
        None => RawTour::default(),
    };
    let mut tour = Vec::new();
    for stop in raw_tour.stop {
        let annotation = stop
            .annotation
            .as_ref()
            .and_then(|id| annotations.iter().position(|a| a.id == *id));
        let part = match (annotation, &stop.part) {
            (Some(a), _) => annotations.get(a).map_or(0, |a| a.part),
            (None, Some(id)) => parts.iter().position(|p| p.id == *id).unwrap_or(0),
            (None, None) => 0,
        };
        tour.push(TourStop {
            title: stop.title,
            annotation,
            part,
            say: stop.say,
            questions: stop.questions,
            minutes: stop.minutes,
            big: stop.big,
        });
    }
    Ok(Loaded {
        article: Article {
            meta: Meta {
                title: raw.title,
                author: raw.author,
                byline: raw.byline,
                language: raw.language,
                publisher: raw.publisher,
                date: raw.date,
                url: raw.url,
                annotations_by: raw.annotations_by,
            },
            text,
            parts,
            annotations,
            sources,
            tour,
        },
        warnings: Vec::new(),
    })
}

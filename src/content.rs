//! Loading an annotated article: a folder in the format of FORMAT.md, a plain `.md` / `.txt`
//! file, or the article bundled in the binary.
//!
//! This module owns the I/O: it reads the files (refusing directories and files over the size
//! limits) and hands their bytes to `validate`, which checks everything and builds the
//! [`Article`]. All entry points go through [`load_files`] (or, for a plain file, the `plain`
//! module), so the bundled article is checked exactly like a folder on disk; the reader opens
//! a copy of it that was checked and built before glose was compiled (`bundled`). Every
//! problem found is reported at once; an article with any error is not returned.

pub mod anchor;
mod bundled;
pub mod diagnostic;
mod markdown;
pub mod model;
mod plain;
mod raw;
pub mod schema;
mod validate;

use crate::content::diagnostic::lang;
use crate::i18n::diagnostics::files as msg;
use std::fmt;
use std::io::{self, Read};
use std::path::Path;

pub use diagnostic::{Diagnostic, Severity};
pub use model::*;

/// Largest text file read, in bytes (64 MiB).
pub const TEXT_LIMIT_BYTES: usize = 64 * 1024 * 1024;

/// Largest TOML file read, in bytes (8 MiB).
pub const TOML_LIMIT_BYTES: usize = 8 * 1024 * 1024;

/// A successfully loaded article, and what is worth telling its author.
#[derive(Debug)]
pub struct Loaded {
    /// The article, checked: it satisfies the invariants of [`model`].
    pub article: Article,
    /// Problems that do not prevent reading (a source no annotation cites…).
    pub warnings: Vec<Diagnostic>,
}

/// An annotation read whole whose quote anchors nowhere in the text (or overlaps another), as
/// Hypothesis calls it: a draft lists it with its problem instead of dropping it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Orphan {
    pub id: String,
    pub kind: AnnotationKind,
    /// The quote as written in annotations.toml (sanitised).
    pub quote: String,
    pub context: String,
    pub note: String,
    /// The error that made it an orphan.
    pub problem: String,
}

/// A folder opened whatever its errors, so that its author can read it while writing it: the
/// article made of what did load, every problem found, and the annotations that did not anchor.
#[derive(Debug)]
pub struct Draft {
    pub article: Article,
    /// Every diagnostic, errors and warnings, sorted by file then position (empty for an article
    /// without problems).
    pub problems: Vec<Diagnostic>,
    pub orphans: Vec<Orphan>,
}

impl Draft {
    /// The number of errors among the problems.
    pub fn error_count(&self) -> usize {
        self.problems.iter().filter(|d| d.is_error()).count()
    }
}

impl From<Loaded> for Draft {
    fn from(loaded: Loaded) -> Self {
        Self {
            article: loaded.article,
            problems: loaded.warnings,
            orphans: Vec::new(),
        }
    }
}

/// Loads an article to read it even with content errors: a folder with errors opens as a
/// [`Draft`] made of what loaded (when at least its text could be read). Errors remain for
/// what cannot be read at all (I/O), or a folder whose text does not load.
pub fn load_draft(path: Option<&Path>) -> Result<Draft, LoadError> {
    let Some(path) = path else {
        return load_bundled().map(Draft::from);
    };
    if !path.is_dir() {
        return load_path(path).map(Draft::from);
    }
    let label = path.display().to_string();
    let dir = path.to_path_buf();
    let (built, order) = build_files(&label, &|name| read_capped(&dir.join(name), limit_of(name)))?;
    let mut diagnostics = built.diagnostics;
    sort_diagnostics(&mut diagnostics, &order);
    match (built.article, built.draft) {
        (Some(article), _) => Ok(Draft {
            article,
            problems: diagnostics,
            orphans: Vec::new(),
        }),
        (None, Some((article, orphans))) => Ok(Draft {
            article,
            problems: diagnostics,
            orphans,
        }),
        (None, None) => Err(LoadError::Content(diagnostics)),
    }
}

/// Why an article could not be loaded. Both variants hold every diagnostic found, warnings
/// included, sorted by file then position.
#[derive(Debug)]
pub enum LoadError {
    /// A file could not be read: missing, a directory, unreadable, over the size limit.
    Io(Vec<Diagnostic>),
    /// The files were read but their content is wrong.
    Content(Vec<Diagnostic>),
}

impl LoadError {
    /// The process exit code for this error: 2 for I/O, 1 for content.
    pub fn exit_code(&self) -> u8 {
        match self {
            Self::Io(_) => 2,
            Self::Content(_) => 1,
        }
    }

    /// Every diagnostic, errors and warnings.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        match self {
            Self::Io(diagnostics) | Self::Content(diagnostics) => diagnostics,
        }
    }

    /// The number of errors (warnings left out).
    pub fn error_count(&self) -> usize {
        self.diagnostics().iter().filter(|d| d.is_error()).count()
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, diagnostic) in self.diagnostics().iter().enumerate() {
            if i > 0 {
                f.write_str("\n\n")?;
            }
            write!(f, "{diagnostic}")?;
        }
        Ok(())
    }
}

impl std::error::Error for LoadError {}

/// Loads an article folder, or a plain `.md` / `.txt` file.
///
/// `-` is standard input (see [`load_stdin`]); any file that is not a folder is read as text.
pub fn load_path(path: &Path) -> Result<Loaded, LoadError> {
    if path == Path::new("-") {
        return load_stdin();
    }
    let label = path.display().to_string();
    let metadata = std::fs::metadata(path).map_err(|error| {
        LoadError::Io(vec![{
            let why = io_message(&error);
            Diagnostic::error(&label, msg::cannot_open(lang(), &label, &why))
                .with_hint(msg::give_article_folder_md_txt(lang()))
        }])
    })?;
    if metadata.is_dir() {
        let dir = path.to_path_buf();
        return load_files(&label, &|name| read_capped(&dir.join(name), limit_of(name)));
    }
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let syntax = plain::Syntax::of_extension(extension.as_deref());
    let name = path
        .file_stem()
        .map_or_else(|| label.clone(), |s| s.to_string_lossy().into_owned());
    let read_error = |error: io::Error| {
        LoadError::Io(vec![if error.kind() == io::ErrorKind::FileTooLarge {
            too_large(&label, TEXT_LIMIT_BYTES, false)
        } else {
            let why = io_message(&error);
            Diagnostic::error(&label, msg::cannot_read(lang(), &label, &why))
        }])
    };
    if syntax == plain::Syntax::Markdown {
        // In chunks, each dropped once parsed: the file and its text are never whole at once.
        return match read_markdown_capped(path, TEXT_LIMIT_BYTES).map_err(read_error)? {
            markdown::Source::Chunks(chunked) => plain::load_chunked(&label, &name, chunked),
            markdown::Source::NotUtf8(bytes) => plain::load(&label, &name, bytes, syntax),
            markdown::Source::TooLarge => Err(read_error(io::ErrorKind::FileTooLarge.into())),
        };
    }
    let bytes = read_capped(path, TEXT_LIMIT_BYTES).map_err(read_error)?;
    plain::load(&label, &name, bytes, syntax)
}

/// The `language` an article folder declares in its `article.toml`, read before the folder is
/// loaded (so that `glose check` can speak it; see `Lang::choose`); `None` for anything else, or
/// when the file cannot be read or parsed (the load then reports why).
pub fn declared_language(path: &Path) -> Option<String> {
    if !path.is_dir() {
        return None;
    }
    let bytes = read_capped(&path.join("article.toml"), TOML_LIMIT_BYTES).ok()?;
    let table: toml::Table = std::str::from_utf8(&bytes).ok()?.parse().ok()?;
    table.get("language")?.as_str().map(str::to_owned)
}

/// Loads a text read from standard input (`glose -`): Markdown, as most piped text is.
pub fn load_stdin() -> Result<Loaded, LoadError> {
    let mut bytes = Vec::new();
    let read = io::stdin()
        .lock()
        .take(TEXT_LIMIT_BYTES as u64 + 1)
        .read_to_end(&mut bytes);
    match read {
        Err(error) => Err(LoadError::Io(vec![{
            let why = io_message(&error);
            Diagnostic::error("-", msg::cannot_read_standard_input(lang(), &why))
        }])),
        Ok(_) if bytes.len() > TEXT_LIMIT_BYTES => {
            Err(LoadError::Io(vec![too_large("-", TEXT_LIMIT_BYTES, false)]))
        }
        Ok(_) => plain::load("-", "stdin", bytes, plain::Syntax::Markdown),
    }
}

/// The files glose reads for the article at `path` (that exist): a folder's `article.toml`,
/// its text file and its optional TOML files, or the plain file itself. For `glose export -o`,
/// which must never write over one of them.
pub fn input_files(path: &Path) -> Vec<std::path::PathBuf> {
    if !path.is_dir() {
        return vec![path.to_path_buf()];
    }
    let mut names = vec![
        "article.toml".to_owned(),
        "annotations.toml".to_owned(),
        "sources.toml".to_owned(),
        "tour.toml".to_owned(),
    ];
    let article = std::fs::read(path.join("article.toml")).unwrap_or_default();
    names.extend(validate::text_file_name(&article));
    names
        .into_iter()
        .map(|name| path.join(name))
        .filter(|p| p.exists())
        .collect()
}

/// The article compiled into the binary (the repository's `article/` folder), so that glose
/// works from any folder: already checked and built at build time when possible (see
/// `bundled`), else read through the same checks as a folder on disk.
pub fn load_bundled() -> Result<Loaded, LoadError> {
    bundled::load()
}

/// The article compiled into the binary, read from its files through every check, as
/// `glose check` does.
pub fn parse_bundled() -> Result<Loaded, LoadError> {
    bundled::parse()
}

/// Loads an article folder through `read`, which returns a file's bytes from its name in the
/// folder (an error of kind `NotFound` for a missing file).
///
/// `dir_label` is the folder as the user named it, used in diagnostics (`article/text.md:3:1`).
/// `article.toml` and the text file are required; `annotations.toml`, `sources.toml` and
/// `tour.toml` are optional.
pub fn load_files(
    dir_label: &str,
    read: &dyn Fn(&str) -> io::Result<Vec<u8>>,
) -> Result<Loaded, LoadError> {
    let (built, order) = build_files(dir_label, read)?;
    finish(built.article, built.diagnostics, &order)
}

/// Reads a folder's files through `read` and checks them (see [`load_files`]); an I/O error
/// is returned as such, and the files' order is returned to sort the diagnostics.
fn build_files(
    dir_label: &str,
    read: &dyn Fn(&str) -> io::Result<Vec<u8>>,
) -> Result<(validate::Built, Vec<String>), LoadError> {
    let mut io_errors = Vec::new();
    let mut fetch = |name: &str, required: bool, limit: usize| {
        read_one(dir_label, name, read, required, limit, &mut io_errors)
    };
    let article = fetch("article.toml", true, TOML_LIMIT_BYTES);
    let text_name = article
        .as_ref()
        .map_or(Some(validate::DEFAULT_TEXT.to_owned()), |file| {
            validate::text_file_name(&file.bytes)
        });
    let text = text_name.and_then(|name| fetch(&name, true, TEXT_LIMIT_BYTES));
    let annotations = fetch("annotations.toml", false, TOML_LIMIT_BYTES);
    let sources = fetch("sources.toml", false, TOML_LIMIT_BYTES);
    let tour = fetch("tour.toml", false, TOML_LIMIT_BYTES);
    let Some(article) = article else {
        return Err(LoadError::Io(io_errors));
    };
    if !io_errors.is_empty() {
        return Err(LoadError::Io(io_errors));
    }
    let files = validate::Files {
        article,
        text,
        annotations,
        sources,
        tour,
    };
    let order = files.order();
    Ok((validate::build(files), order))
}

/// A file read from an article folder.
#[derive(Debug)]
pub(crate) struct FileData {
    /// Its name in the folder (`text.md`).
    pub name: String,
    /// As shown in diagnostics (`article/text.md`).
    pub label: String,
    pub bytes: Vec<u8>,
}

/// Reads one file of a folder; `None` when it is absent (and optional) or cannot be read (then
/// with a diagnostic in `io_errors`). `limit` is [`TEXT_LIMIT_BYTES`] or [`TOML_LIMIT_BYTES`].
fn read_one(
    dir_label: &str,
    name: &str,
    read: &dyn Fn(&str) -> io::Result<Vec<u8>>,
    required: bool,
    limit: usize,
    io_errors: &mut Vec<Diagnostic>,
) -> Option<FileData> {
    let label = if dir_label.is_empty() {
        name.to_owned()
    } else {
        format!("{}/{name}", dir_label.trim_end_matches('/'))
    };
    let what = limit == TOML_LIMIT_BYTES;
    match read(name) {
        Ok(bytes) if bytes.len() > limit => {
            io_errors.push(too_large(&label, limit, what));
            None
        }
        Err(error) if error.kind() == io::ErrorKind::FileTooLarge => {
            io_errors.push(too_large(&label, limit, what));
            None
        }
        Ok(bytes) => Some(FileData {
            name: name.to_owned(),
            label,
            bytes,
        }),
        Err(error) if error.kind() == io::ErrorKind::NotFound && !required => None,
        Err(error) => {
            let why = io_message(&error);
            let mut diagnostic = Diagnostic::error(&label, msg::cannot_read(lang(), &label, &why));
            if error.kind() == io::ErrorKind::NotFound {
                diagnostic = diagnostic.with_hint(msg::article_folder_holds_article_toml(lang()));
            }
            io_errors.push(diagnostic);
            None
        }
    }
}

fn too_large(label: &str, limit: usize, toml: bool) -> Diagnostic {
    let limit = crate::files::size_words(limit as u64, lang());
    let message = if toml {
        msg::larger_than_limit_toml(lang(), &label, &limit)
    } else {
        msg::larger_than_limit_text(lang(), &label, &limit)
    };
    Diagnostic::error(label, message).with_hint(msg::check_right_file(lang()))
}

/// An I/O error in our message style: lower case, without the OS error number.
pub(crate) fn io_message(error: &io::Error) -> String {
    match error.kind() {
        io::ErrorKind::NotFound => msg::no_such_file_directory(lang()),
        io::ErrorKind::IsADirectory => msg::directory_not_file(lang()),
        io::ErrorKind::PermissionDenied => msg::permission_denied(lang()),
        io::ErrorKind::InvalidInput if error.to_string() == NOT_A_REGULAR_FILE => {
            msg::not_regular_file_pipe_device(lang())
        }
        _ => {
            let message = error.to_string();
            let message = message.split(" (os error").next().unwrap_or(&message);
            let mut chars = message.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_lowercase().chain(chars).collect::<String>()
            })
        }
    }
}

/// The size limit of a file of an article folder, from its name: [`TOML_LIMIT_BYTES`] for the
/// four TOML files, [`TEXT_LIMIT_BYTES`] for the text (whatever `article.toml` names it).
pub(crate) fn limit_of(name: &str) -> usize {
    match name {
        "article.toml" | "annotations.toml" | "sources.toml" | "tour.toml" => TOML_LIMIT_BYTES,
        _ => TEXT_LIMIT_BYTES,
    }
}

/// Reads a file of at most `limit` bytes.
///
/// Only regular files are read: a directory, a named pipe (whose `open` would wait forever for a
/// writer), a device or a socket is refused with an error of kind `IsADirectory` or
/// `InvalidInput`. A file whose size is over `limit` is refused (kind `FileTooLarge`) before it
/// is opened, and at most `limit + 1` bytes are read in any case (a file that grows, or that
/// lies about its size), so memory stays bounded whatever the path names.
pub(crate) fn read_capped(path: &Path, limit: usize) -> io::Result<Vec<u8>> {
    let (file, length) = open_capped(path, limit)?;
    // Sized from the metadata (plus the one byte that tells a file that grew): `read_to_end`
    // into an empty vector doubles its capacity as it goes, which would hold a 10 MB text in a
    // 16 MiB buffer. A file that lies about its size only costs a reallocation.
    let mut bytes = Vec::with_capacity(usize::try_from(length).unwrap_or(0) + 1);
    file.take(limit as u64 + 1).read_to_end(&mut bytes)?;
    if bytes.len() > limit {
        return Err(io::Error::from(io::ErrorKind::FileTooLarge));
    }
    Ok(bytes)
}

/// Reads a Markdown file of at most `limit` bytes in chunks, as [`read_capped`] reads a file
/// (the same checks, the same errors): see [`markdown::read`].
fn read_markdown_capped(path: &Path, limit: usize) -> io::Result<markdown::Source> {
    let (file, _) = open_capped(path, limit)?;
    match markdown::read(file, limit)? {
        markdown::Source::TooLarge => Err(io::Error::from(io::ErrorKind::FileTooLarge)),
        read => Ok(read),
    }
}

/// Opens a regular file of at most `limit` bytes (see [`read_capped`]); its length.
fn open_capped(path: &Path, limit: usize) -> io::Result<(std::fs::File, u64)> {
    let metadata = std::fs::metadata(path)?;
    if metadata.is_dir() {
        return Err(io::Error::from(io::ErrorKind::IsADirectory));
    }
    if !metadata.is_file() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            NOT_A_REGULAR_FILE,
        ));
    }
    let limit = limit as u64;
    if metadata.len() > limit {
        return Err(io::Error::from(io::ErrorKind::FileTooLarge));
    }
    // Opened without blocking and checked again on the handle, so a file swapped for a pipe
    // after the check above still never makes glose wait.
    let file = crate::files::open_for_reading(path)?;
    if !file.metadata()?.is_file() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            NOT_A_REGULAR_FILE,
        ));
    }
    Ok((file, metadata.len()))
}

/// The message of the error for a path that is neither a directory nor a regular file.
const NOT_A_REGULAR_FILE: &str = "it is not a regular file (a pipe, a device or a socket)";

/// Sorts diagnostics by file (in `order`), then position.
fn sort_diagnostics(diagnostics: &mut [Diagnostic], order: &[String]) {
    let rank = |d: &Diagnostic| {
        order
            .iter()
            .position(|f| *f == d.file)
            .unwrap_or(order.len())
    };
    diagnostics.sort_by_key(|d| (rank(d), d.line, d.column));
}

/// Sorts the diagnostics (by file in `order`, then position) and returns the article if no
/// diagnostic is an error.
fn finish(
    article: Option<Article>,
    mut diagnostics: Vec<Diagnostic>,
    order: &[String],
) -> Result<Loaded, LoadError> {
    sort_diagnostics(&mut diagnostics, order);
    match article {
        Some(article) if !diagnostics.iter().any(Diagnostic::is_error) => Ok(Loaded {
            article,
            warnings: diagnostics,
        }),
        _ => Err(LoadError::Content(diagnostics)),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    const ARTICLE: &str = "title = \"T\"\nauthor = \"A\"\nlanguage = \"fr\"\n\n\
        [[part]]\nid = \"introduction\"\nkind = \"introduction\"\nheading = \"Introduction\"\n\n\
        [[part]]\nid = \"un\"\nkind = \"part\"\nheading = \"Un\"\n\n\
        [[part]]\nid = \"deux\"\nkind = \"conclusion\"\nheading = \"Deux\"\n";
    const TEXT: &str =
        "Avant.\n\n# Un\n\nPremier texte, avec 80\u{a0}% de mots.\n\n# Deux\n\nSecond texte.\n";

    /// Loads a folder made of `files` (name, content); the others are absent.
    fn load(files: &[(&str, &str)]) -> Result<Loaded, LoadError> {
        let files: HashMap<String, Vec<u8>> = files
            .iter()
            .map(|(n, c)| ((*n).to_owned(), c.as_bytes().to_vec()))
            .collect();
        load_files("a", &|name| {
            files
                .get(name)
                .cloned()
                .ok_or_else(|| io::Error::from(io::ErrorKind::NotFound))
        })
    }

    /// The messages of a content error.
    fn messages(result: Result<Loaded, LoadError>) -> Vec<String> {
        match result {
            Ok(_) => panic!("expected errors"),
            Err(error) => error
                .diagnostics()
                .iter()
                .map(|d| d.message.clone())
                .collect(),
        }
    }

    #[test]
    fn a_minimal_folder_loads() {
        let loaded = load(&[("article.toml", ARTICLE), ("text.md", TEXT)]).unwrap();
        let article = &loaded.article;
        assert_eq!(article.parts.len(), 3);
        assert_eq!(
            article.slice(article.parts[1].paragraphs[0].clone()),
            "Premier texte, avec 80\u{a0}% de mots."
        );
        assert!(crate::text::sanitize::is_clean(&article.text));
        assert!(loaded.warnings.is_empty());
    }

    #[test]
    fn text_before_the_first_heading_needs_an_introduction() {
        let article = ARTICLE.replacen("kind = \"introduction\"", "kind = \"part\"", 1);
        let text = TEXT.replacen("Avant.", "# Introduction\n\nAvant.", 1);
        assert!(load(&[("article.toml", &article), ("text.md", &text)]).is_ok());
        let errors = messages(load(&[("article.toml", &article), ("text.md", TEXT)]));
        assert_eq!(
            errors,
            [
                "part 'introduction' has no heading in text.md",
                "the text before the first heading belongs to no part",
            ]
        );
    }

    #[test]
    fn an_extra_heading_and_a_swapped_order_are_reported_as_such() {
        let text = TEXT.replacen("# Deux", "# Entre\n\nIntrus.\n\n# Deux", 1);
        let errors = messages(load(&[("article.toml", ARTICLE), ("text.md", &text)]));
        assert_eq!(
            errors,
            ["heading 'Entre' matches no [[part]] of article.toml"]
        );

        let text = "Avant.\n\n# Deux\n\nB.\n\n# Un\n\nA.\n";
        let errors = messages(load(&[("article.toml", ARTICLE), ("text.md", text)]));
        assert_eq!(
            errors,
            [
                "part 'un' has no heading in text.md",
                "heading 'Un' (part 'un') is out of order"
            ]
        );
    }

    #[test]
    fn headings_match_across_spaces_and_apostrophes() {
        let article = ARTICLE.replace("heading = \"Un\"", "heading = \"L'un d'eux\"");
        let text = TEXT.replace("# Un", "# L\u{2019}un\u{a0} d\u{2019}eux ");
        let loaded = load(&[("article.toml", &article), ("text.md", &text)]).unwrap();
        // The author's heading is the one shown.
        assert_eq!(
            loaded.article.parts[1].heading,
            "L\u{2019}un\u{a0} d\u{2019}eux"
        );
    }

    #[test]
    fn an_empty_text_is_an_error() {
        let errors = messages(load(&[("article.toml", ARTICLE), ("text.md", " \n\n")]));
        assert_eq!(errors, ["'a/text.md' is empty"]);
    }

    #[test]
    fn the_text_file_must_stay_in_the_folder() {
        let article = ARTICLE.replacen("language", "text = \"../secret.md\"\nlanguage", 1);
        let errors = messages(load(&[("article.toml", &article), ("text.md", TEXT)]));
        assert_eq!(errors, ["'../secret.md' is not a file name"]);
    }

    #[test]
    fn annotations_are_sorted_and_know_their_part_and_paragraph() {
        let annotations = "[[annotation]]\nid = \"b\"\nkind = \"term\"\nquote = \"Second\"\ncontext = \"c\"\n\n\
            [[annotation]]\nid = \"a\"\nkind = \"figure\"\nquote = \"80 %\"\nnote = \"n\"\n";
        let loaded = load(&[
            ("article.toml", ARTICLE),
            ("text.md", TEXT),
            ("annotations.toml", annotations),
        ])
        .unwrap();
        let article = &loaded.article;
        let ids: Vec<&str> = article.annotations.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["a", "b"]);
        let a = &article.annotations[0];
        assert_eq!((a.part, a.paragraph), (1, 0));
        assert_eq!(article.slice(a.range.clone()), "80\u{a0}%");
        assert_eq!(article.annotations[1].part, 2);
    }

    #[test]
    fn a_table_instead_of_an_array_of_tables() {
        let annotations = "[annotation]\nid = \"a\"\n";
        let errors = messages(load(&[
            ("article.toml", ARTICLE),
            ("text.md", TEXT),
            ("annotations.toml", annotations),
        ]));
        assert_eq!(
            errors,
            [
                "'annotation' must be a list of entries, each under a [[annotation]] line (found a table)"
            ]
        );
    }

    #[test]
    fn checks_that_depend_on_a_broken_file_are_skipped() {
        let sources = "[[source]]\nid = \"s\"\nauthor = \"A\"\ntitle = \"T\"\nkind = \"web\"\n";
        let broken = "[[annotation]]\nid = \"a\nsource = \"s\"\n";
        let errors = messages(load(&[
            ("article.toml", ARTICLE),
            ("text.md", TEXT),
            ("annotations.toml", broken),
            ("sources.toml", sources),
            (
                "tour.toml",
                "[[stop]]\ntitle = \"x\"\nannotation = \"a\"\nminutes = 2\n",
            ),
        ]));
        // Only the syntax error: no "unused source", no "unknown annotation".
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            errors[0].starts_with("a text in quotes is not closed"),
            "{errors:?}"
        );
    }

    #[test]
    fn tour_stops_and_their_parts() {
        let annotations =
            "[[annotation]]\nid = \"a\"\nkind = \"term\"\nquote = \"Second\"\ncontext = \"c\"\n";
        let tour = "[[stop]]\ntitle = \"Un\"\npart = \"un\"\nminutes = 2\nsay = \"s\"\n\n\
            [[stop]]\ntitle = \"Parler\"\nsay = \"Encore.\"\nminutes = 3\n\n\
            [[stop]]\ntitle = \"A\"\nannotation = \"a\"\nminutes = 4\n";
        let files = [
            ("article.toml", ARTICLE),
            ("text.md", TEXT),
            ("annotations.toml", annotations),
        ];
        let loaded = load(&[files[0], files[1], files[2], ("tour.toml", tour)]).unwrap();
        let parts: Vec<usize> = loaded.article.tour.iter().map(|s| s.part).collect();
        // A stop with neither annotation nor part stays on the previous part.
        assert_eq!(parts, [1, 1, 2]);
        assert_eq!(loaded.article.tour[2].annotation, Some(0));

        let tour = "[[stop]]\ntitle = \"A\"\nannotation = \"a\"\npart = \"un\"\nminutes = 4\n\
            questions = [\"1\", \"2\", \"3\", \"4\"]\n";
        let errors = messages(load(&[files[0], files[1], files[2], ("tour.toml", tour)]));
        assert_eq!(
            errors,
            [
                "stop 1 ('A') shows part 'un' but its annotation is in part 'deux'",
                "stop 1 ('A') has 4 questions, at most 3 are allowed",
            ]
        );
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

        /// Whatever the text and the quote, loading never panics, and a loaded article keeps
        /// the model's invariants. The quote is cut from the text so that it often matches.
        #[test]
        fn loading_never_panics(
            intro in "[a-zé’'\u{a0}\u{202f} \t\r\n\x1b\u{301}«»]{1,60}",
            first in "[a-zé’'\u{a0}\u{202f} \t\r\n\x1b\u{301}«»]{1,60}",
            from in proptest::prelude::any::<proptest::sample::Index>(),
            len in 0usize..12,
            prefix in proptest::option::of("[a-z’ ]{0,4}"),
        ) {
            let text = format!("{intro}\n\n# Un\n\n{first}\n\n# Deux\n\nfin\n");
            let chars: Vec<char> = first.chars().collect();
            let start = from.index(chars.len());
            let quote: String = chars[start..(start + len).min(chars.len())].iter().collect();
            let toml_string = |s: &str| {
                let escaped: String = s
                    .chars()
                    .map(|c| match c {
                        '"' | '\\' => format!("\\{c}"),
                        c if c.is_control() => format!("\\u{:04X}", u32::from(c)),
                        c => c.to_string(),
                    })
                    .collect();
                format!("\"{escaped}\"")
            };
            let annotation = format!(
                "[[annotation]]\nid = \"a\"\nkind = \"term\"\nquote = {}\ncontext = \"c\"\n{}",
                toml_string(&quote),
                prefix.map(|p| format!("prefix = {}\n", toml_string(&p))).unwrap_or_default()
            );
            let result = load(&[("article.toml", ARTICLE), ("text.md", &text), ("annotations.toml", &annotation)]);
            if let Ok(loaded) = result {
                // A quote found again approximately says so, with a fix holding the words.
                let moved = loaded.warnings.iter().find_map(|w| w.fix.as_deref());
                let article = loaded.article;
                proptest::prop_assert!(crate::text::sanitize::is_clean(&article.text));
                for a in &article.annotations {
                    let paragraph = &article.parts[a.part].paragraphs[a.paragraph];
                    proptest::prop_assert!(paragraph.start <= a.range.start && a.range.end <= paragraph.end);
                    let words = article.text.get(a.range.clone());
                    let expected = moved.map_or_else(|| crate::text::sanitize::clean_line(&quote), |f| f.value.clone());
                    proptest::prop_assert!(words.is_some_and(|w| anchor::normalize(w) == anchor::normalize(&expected)));
                }
            }
            let _ = plain::load("x.md", "x", text.clone().into_bytes(), plain::Syntax::Markdown);
        }

        #[test]
        fn any_bytes_load_without_panic(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..200)) {
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let _ = plain::load("x.md", "x", bytes.clone(), plain::Syntax::PlainText);
            let _ = load(&[("article.toml", &text), ("text.md", &text), ("annotations.toml", &text), ("tour.toml", &text)]);
        }
    }

    #[test]
    fn io_messages_are_lower_case_without_os_numbers() {
        let error = io::Error::other("Something Broke (os error 5)");
        assert_eq!(io_message(&error), "something Broke");
        assert_eq!(
            io_message(&io::Error::from(io::ErrorKind::NotFound)),
            "no such file or directory"
        );
    }
}

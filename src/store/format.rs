//! The state files' formats (`Position`, `Draft`, the notes file) and how one is read: size
//! limits, the version check, a file that does not parse set aside (never deleted).

use std::fs;
use std::path::{Path, PathBuf};

use super::{Problem, VERSION};
use crate::files::{Refused, read_regular};
use crate::notebook::{Bookmark, Note, Notebook, Spot, now};

/// Largest notes file read (about 500 notes of the longest kind).
pub const NOTES_LIMIT: u64 = 32 * 1024 * 1024;

/// Largest position or draft file read.
pub const POSITION_LIMIT: u64 = 1024 * 1024;

/// The top of one pane, anchored by content.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct PanePosition {
    /// Id of the part holding `byte`.
    pub part: String,
    /// Byte of `Article::text` at the top of the pane.
    pub byte: usize,
    /// Rows above the one showing `byte` that share its anchor (a heading, a blank row), as in
    /// `app::Top::lead`.
    #[serde(default)]
    pub lead: usize,
    /// The words at `byte`, to find it again if the text changed.
    #[serde(default)]
    pub quote: String,
}

/// Where the reader was in an article.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Position {
    #[serde(default)]
    pub version: u32,
    /// Id of the first part of the focused pane.
    #[serde(default)]
    pub focus: String,
    /// Id of the selected annotation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub selected: Option<String>,
    #[serde(default, rename = "pane")]
    pub panes: Vec<PanePosition>,
}

/// A note that was being written when glose was cut off (a signal, a closed terminal, a panic):
/// kept in `Paths::draft` and offered back at the next start.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Draft {
    #[serde(default)]
    pub version: u32,
    /// The note being edited, if it existed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Where the note goes.
    #[serde(flatten)]
    pub spot: Spot,
    /// What was in the editor.
    pub text: String,
}

impl Draft {
    /// The file's contents.
    pub fn to_bytes(&self) -> Vec<u8> {
        let draft = Self {
            version: VERSION,
            ..self.clone()
        };
        let body = toml::to_string_pretty(&draft).unwrap_or_default();
        format!(
            "# glose: a note not saved when glose was cut off; offered back at the next start.\n{body}"
        )
        .into_bytes()
    }
}

/// The notes file as written.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub(super) struct NotesFile {
    pub(super) version: u32,
    #[serde(default)]
    pub(super) title: String,
    #[serde(default)]
    pub(super) note: Vec<Note>,
    #[serde(default)]
    pub(super) bookmark: Vec<Bookmark>,
}

/// Which state file a problem is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Notes,
    Position,
    /// The presenter's session (`glose present`).
    Session,
}

/// Outcome of reading a state file.
pub(super) enum Read<T> {
    Missing,
    Found(T),
    Problem(Problem),
}

/// Reads and parses a state file; a file that does not parse is set aside when `set_aside`,
/// else reported as `Invalid` and left as it is.
pub(super) fn read<T: serde::de::DeserializeOwned>(
    path: &Path,
    kind: FileKind,
    set_aside: bool,
) -> Read<T> {
    let limit = match kind {
        FileKind::Notes => NOTES_LIMIT,
        FileKind::Position | FileKind::Session => POSITION_LIMIT,
    };
    let bytes = match read_regular(path, limit) {
        Ok(bytes) => bytes,
        Err(Refused::Missing) => return Read::Missing,
        Err(error) => {
            return Read::Problem(Problem::Unreadable {
                kind,
                path: path.to_owned(),
                error,
            });
        }
    };
    let parsed = std::str::from_utf8(&bytes)
        .map_err(|e| e.to_string())
        .and_then(|s| s.parse::<toml::Table>().map_err(|e| e.to_string()));
    let invalid = |error: String| {
        if set_aside {
            move_aside(path, kind, error)
        } else {
            Read::Problem(Problem::Invalid {
                kind,
                path: path.to_owned(),
                error,
            })
        }
    };
    let table = match parsed {
        Ok(table) => table,
        Err(error) => return invalid(error),
    };
    let version = table
        .get("version")
        .and_then(toml::Value::as_integer)
        .unwrap_or(0);
    if version > i64::from(VERSION) {
        return Read::Problem(Problem::TooNew {
            kind,
            path: path.to_owned(),
        });
    }
    match table.try_into::<T>() {
        Ok(value) => Read::Found(value),
        Err(e) => invalid(e.to_string()),
    }
}

/// Renames a corrupt file out of the way (never deletes it).
fn move_aside<T>(path: &Path, kind: FileKind, error: String) -> Read<T> {
    let stamp = now();
    let mut moved_to = PathBuf::from(format!("{}.corrupt-{stamp}", path.display()));
    let mut n = 1;
    while moved_to.exists() {
        n += 1;
        moved_to = PathBuf::from(format!("{}.corrupt-{stamp}-{n}", path.display()));
    }
    match fs::rename(path, &moved_to) {
        Ok(()) => Read::Problem(Problem::Corrupt {
            kind,
            path: path.to_owned(),
            moved_to,
            error,
        }),
        Err(e) => Read::Problem(Problem::Unreadable {
            kind,
            path: path.to_owned(),
            error: Refused::Io(format!(
                "{}; {}",
                crate::files::snippet(&error, 200),
                crate::files::io_words(&e)
            )),
        }),
    }
}

/// Reads a notes file without changing anything on disk (for `glose notes export`): a missing
/// file is an empty notebook.
pub fn read_notebook(path: &Path) -> Result<Notebook, Problem> {
    match read_notes(path, false) {
        Read::Found(notebook) => Ok(notebook),
        Read::Missing => Ok(Notebook::default()),
        Read::Problem(problem) => Err(problem),
    }
}

/// Reads the notes file into a sanitised notebook.
pub(super) fn read_notes(path: &Path, set_aside: bool) -> Read<Notebook> {
    match read::<NotesFile>(path, FileKind::Notes, set_aside) {
        Read::Found(file) => {
            let mut notebook = Notebook {
                notes: file.note,
                bookmarks: file.bookmark,
            };
            notebook.sanitise();
            Read::Found(notebook)
        }
        Read::Missing => Read::Missing,
        Read::Problem(p) => Read::Problem(p),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notebook::Place;

    /// The notes file exactly as glose wrote it before `Spot` (the anchor written inline).
    const NOTES_BEFORE: &str = r#"# glose: personal notes and bookmarks. Written atomically by glose; readable, editable with care.
version = 1
title = "Titre"

[[note]]
id = "n1"
created = 10
updated = 20
annotation = "fig-430"
part = "partie-1"
byte = 1234
quote = "430 millions"
text = """
Vérifier
la source"""

[[note]]
id = "n1~20"
created = 10
updated = 30
part = "partie-2"
byte = 5
quote = "Le mythe"
text = "autre"
conflict = true

[[bookmark]]
id = "b1"
created = 7
part = "conclusion"
byte = 99
quote = "En somme"
"#;

    /// Two drafts exactly as glose wrote them before `Spot`.
    const DRAFT_BEFORE: &str = r#"# glose: a note not saved when glose was cut off; offered back at the next start.
version = 1
note = "n1"
annotation = "fig-430"
part = "partie-1"
byte = 1234
quote = "430 millions"
text = "à moitié"
"#;
    const BARE_DRAFT_BEFORE: &str = r#"# glose: a note not saved when glose was cut off; offered back at the next start.
version = 1
part = "p0"
byte = 0
quote = ""
text = "x"
"#;

    fn spot(annotation: Option<&str>, part: &str, byte: usize, quote: &str) -> Spot {
        Spot {
            annotation: annotation.map(str::to_owned),
            part: part.into(),
            byte,
            quote: quote.into(),
        }
    }

    #[test]
    fn a_notes_file_of_an_earlier_glose_reads_whole_and_is_written_back_the_same() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("essai.notes.toml");
        std::fs::write(&path, NOTES_BEFORE).unwrap();
        let Read::Found(book) = read_notes(&path, false) else {
            panic!("not read");
        };
        let notes: Vec<(&str, &Spot, &str, bool)> = book
            .notes
            .iter()
            .map(|n| (n.id.as_str(), &n.spot, n.text.as_str(), n.conflict))
            .collect();
        assert_eq!(
            notes,
            vec![
                (
                    "n1",
                    &spot(Some("fig-430"), "partie-1", 1234, "430 millions"),
                    "Vérifier\nla source",
                    false
                ),
                (
                    "n1~20",
                    &spot(None, "partie-2", 5, "Le mythe"),
                    "autre",
                    true
                ),
            ]
        );
        assert_eq!((book.notes[0].created, book.notes[0].updated), (10, 20));
        assert_eq!(
            book.bookmarks[0].spot,
            spot(None, "conclusion", 99, "En somme")
        );
        // Written again, byte for byte what an earlier glose wrote (so it reads it too).
        let file = NotesFile {
            version: VERSION,
            title: "Titre".into(),
            note: book.notes.clone(),
            bookmark: book.bookmarks.clone(),
        };
        let body = toml::to_string_pretty(&file).unwrap();
        assert!(NOTES_BEFORE.ends_with(&body), "{body}");
        assert_eq!(
            book.notes[0].place,
            Place::Orphan,
            "places are computed, never read"
        );
    }

    #[test]
    fn a_draft_of_an_earlier_glose_reads_whole_and_is_written_back_the_same() {
        for before in [DRAFT_BEFORE, BARE_DRAFT_BEFORE] {
            let table: toml::Table = before.parse().unwrap();
            let draft: Draft = table.try_into().unwrap();
            assert_eq!(String::from_utf8(draft.to_bytes()).unwrap(), before);
        }
        let table: toml::Table = DRAFT_BEFORE.parse().unwrap();
        let draft: Draft = table.try_into().unwrap();
        assert_eq!(draft.note.as_deref(), Some("n1"));
        assert_eq!(
            draft.spot,
            spot(Some("fig-430"), "partie-1", 1234, "430 millions")
        );
        assert_eq!(draft.text, "à moitié");
    }

    #[test]
    fn a_bookmark_never_carries_an_annotation_even_if_its_file_says_so() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("essai.notes.toml");
        std::fs::write(
            &path,
            "version = 1\n[[bookmark]]\nid = \"b\"\ncreated = 1\nannotation = \"x\"\npart = \"p\"\n",
        )
        .unwrap();
        let Read::Found(book) = read_notes(&path, false) else {
            panic!("not read");
        };
        assert_eq!(book.bookmarks[0].spot, spot(None, "p", 0, ""));
    }
}

//! State files: the only module that reads or writes them.
//!
//! Per article, two TOML files named `<slug>-<key>` where the key is a stable hash of the
//! article's identity (`article_key`):
//! - `<name>.notes.toml`: notes and bookmarks (the reader's work), in the platform's data
//!   directory (`$XDG_DATA_HOME/glose`, `~/.local/share/glose`);
//! - `<name>.position.toml`: where the reader was, in the state directory (`$XDG_STATE_HOME/glose`,
//!   `~/.local/state/glose`; the data directory where the platform has none).
//!
//! `GLOSE_STATE_DIR` puts both in one directory (tests use it so they never touch a home).
//!
//! Invariants and guarantees:
//! - every write is atomic: a temporary file in the same directory, renamed over the old file; a
//!   crash or SIGKILL at any moment leaves either the old or the new file, complete. No `.bak` is
//!   kept: the rename already guarantees that the previous version is intact until the new one is
//!   complete. Notes are also durable (`sync_all` before the rename, then the directory synced),
//!   so that a power cut loses none; the position is not worth two disk flushes on every exit
//!   (at worst a power cut brings the reader back to an older place), and is not written at all
//!   when it has not changed;
//! - a file that does not parse is renamed `NAME.corrupt-<seconds since epoch>` and reported;
//!   a file that cannot be read (permissions), is not a regular file (a folder, a pipe, a
//!   device: checked before a byte is read, see `files::read_regular`), is over its size limit,
//!   or was written by a newer glose is reported and never overwritten during the session;
//! - two processes on one article: notes are saved only under a lock file (`NAME.lock`, holding
//!   the owner's process id; a lock whose owner is gone is broken, a held one waited for
//!   `LOCK_WAIT`, then the save is reported as not done yet and retried), by re-reading the file
//!   under the lock and merging three ways (`notebook::merge`), so neither drops the other's
//!   notes; a note changed in both keeps both texts (a conflict copy). Positions are last
//!   writer wins;
//! - a notes file gone or set aside as corrupt since it was last read is "unknown", never
//!   "every note deleted": the notes in memory are written back, and the event is reported;
//! - temporary files are created with `O_CREAT | O_EXCL | O_NOFOLLOW` (mode 0600); those older
//!   than an hour (a killed save's) are removed when the store opens; a state file that is a
//!   symbolic link is written through to its target, if that is a regular file of this user;
//! - a note being written when glose is cut off is kept in `NAME.draft.toml` (`Draft`) by the
//!   event loop, and offered back at the next start;
//! - `glose present` keeps its session (stop, clocks) in `NAME.presenter.toml` in the state
//!   directory (`tour::session::PresenterSession`), written atomically like the position.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime};

use unicode_normalization::UnicodeNormalization;

use crate::content::Article;
use crate::files::{Refused, create_new, read_regular, write_target};
use crate::i18n::Lang;
use crate::notebook::{Bookmark, Note, Notebook, now};
use crate::text::sanitize::clean_line;

/// The environment variable that overrides where state files go.
pub const ENV_DIR: &str = "GLOSE_STATE_DIR";

/// The format version written in every file; a file with a larger one is left alone.
pub const VERSION: u32 = 1;

/// A lock file older than this belongs to a process that died while saving (where the owner's
/// death cannot be checked directly).
const STALE_LOCK: Duration = Duration::from_secs(5);

/// How long a save waits for another process's lock before giving up (the notes stay in memory
/// and the save is tried again at the next change and at exit): never written without it.
const LOCK_WAIT: Duration = Duration::from_secs(2);

/// A lock whose owner still runs is broken only after this long (a hung process).
const HELD_LOCK: Duration = Duration::from_secs(60);

/// Largest notes file read (about 500 notes of the longest kind).
pub const NOTES_LIMIT: u64 = 32 * 1024 * 1024;

/// Largest position or draft file read.
pub const POSITION_LIMIT: u64 = 1024 * 1024;

/// Temporary files of a save older than this were left by a process killed while saving.
const OLD_TEMPORARY: Duration = Duration::from_secs(3600);

/// Where one article's state files are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paths {
    pub notes: PathBuf,
    pub position: PathBuf,
    /// A note being written when glose was cut off (signal, hang-up, panic), offered back at
    /// the next start.
    pub draft: PathBuf,
    /// The last presenter session (`glose present`): stop and clocks, offered back at the next
    /// start (`tour::session`).
    pub session: PathBuf,
}

impl Paths {
    /// The files for `article` under the standard directories, or under `GLOSE_STATE_DIR`.
    /// `None` when the platform gives no home directory.
    pub fn for_article(article: &Article) -> Option<Self> {
        let name = article_key(article);
        if let Some(dir) = std::env::var_os(ENV_DIR).filter(|v| !v.is_empty()) {
            return Some(Self::in_dirs(Path::new(&dir), Path::new(&dir), &name));
        }
        let dirs = directories::ProjectDirs::from("", "", "glose")?;
        let data = dirs.data_dir();
        let state = dirs.state_dir().unwrap_or(data);
        Some(Self::in_dirs(data, state, &name))
    }

    /// The files named `name` in the given directories.
    pub fn in_dirs(data: &Path, state: &Path, name: &str) -> Self {
        Self {
            notes: data.join(format!("{name}.notes.toml")),
            position: state.join(format!("{name}.position.toml")),
            draft: data.join(format!("{name}.draft.toml")),
            session: state.join(format!("{name}.presenter.toml")),
        }
    }
}

/// FNV-1a, 64 bits: stable across Rust versions and platforms (unlike `DefaultHasher`).
fn fnv1a(bytes: impl IntoIterator<Item = u8>) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// How many characters of the text's opening enter the key.
const KEY_OPENING_CHARS: usize = 400;

/// The file name stem for an article: a readable slug of the title and a hash of its identity.
///
/// The identity is the title, the author, the language and the text's opening characters: two
/// different texts never share a file, the same article opened from another folder finds its
/// state, and an edit further into the text keeps the notes (they are re-anchored by quote).
pub fn article_key(article: &Article) -> String {
    let meta = &article.meta;
    let opening: String = article.text.chars().take(KEY_OPENING_CHARS).collect();
    let mut identity = Vec::new();
    for field in [&meta.title, &meta.author, &meta.language, &opening] {
        identity.extend_from_slice(field.as_bytes());
        identity.push(0x1f);
    }
    format!("{}-{:016x}", slug(&meta.title), fnv1a(identity))
}

/// Longest slug in a file name, in bytes.
const MAX_SLUG: usize = 48;

/// A lower-case ASCII slug of whole words, at most `MAX_SLUG` bytes (`article` when nothing is
/// left).
fn slug(title: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in title.nfd() {
        let piece = match c {
            'œ' | 'Œ' => "oe",
            'æ' | 'Æ' => "ae",
            'ß' => "ss",
            _ => "",
        };
        let mut push = |c: char| {
            if c.is_ascii_alphanumeric() {
                if dash && !out.is_empty() {
                    out.push('-');
                }
                dash = false;
                out.push(c.to_ascii_lowercase());
            } else if !unicode_normalization::char::is_combining_mark(c) {
                dash = true;
            }
        };
        if piece.is_empty() {
            push(c);
        } else {
            piece.chars().for_each(&mut push);
        }
    }
    if out.len() > MAX_SLUG {
        // Whole words only; a single very long word is cut.
        let end = out
            .get(..=MAX_SLUG)
            .and_then(|s| s.rfind('-'))
            .unwrap_or(MAX_SLUG);
        out.truncate(end);
    }
    if out.is_empty() {
        "article".to_owned()
    } else {
        out
    }
}

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
    /// Where the note goes (as in `notebook::Anchor`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annotation: Option<String>,
    #[serde(default)]
    pub part: String,
    #[serde(default)]
    pub byte: usize,
    #[serde(default)]
    pub quote: String,
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
struct NotesFile {
    version: u32,
    #[serde(default)]
    title: String,
    #[serde(default)]
    note: Vec<Note>,
    #[serde(default)]
    bookmark: Vec<Bookmark>,
}

/// Which state file a problem is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Notes,
    Position,
    /// The presenter's session (`glose present`).
    Session,
}

/// Something wrong with a state file, to tell the reader (status line, and stderr at exit).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// It did not parse; it was renamed to `moved_to`.
    Corrupt {
        kind: FileKind,
        path: PathBuf,
        moved_to: PathBuf,
        error: String,
    },
    /// It could not be read (or set aside), or is not a regular file within its size limit;
    /// it is left alone and not overwritten.
    Unreadable {
        kind: FileKind,
        path: PathBuf,
        error: Refused,
    },
    /// It was there earlier in the session and is gone (moved or deleted by hand): the notes
    /// in memory were written again, none dropped.
    Vanished { kind: FileKind, path: PathBuf },
    /// Another glose window held the lock on the notes file for too long: not saved yet (the
    /// notes stay in memory and the save is tried again at the next change and at exit).
    Busy { path: PathBuf },
    /// The same note was changed here and in another window: both texts are kept, the other
    /// one as a conflict copy.
    Conflict { count: usize },
    /// A newer glose wrote it; it is left alone and not overwritten.
    TooNew { kind: FileKind, path: PathBuf },
    /// It did not parse, and this command only reads (`glose notes export`): left as it is.
    Invalid {
        kind: FileKind,
        path: PathBuf,
        error: String,
    },
    /// Saving failed.
    NotSaved {
        kind: FileKind,
        path: PathBuf,
        error: Refused,
    },
    /// There is no home directory to keep state in.
    NoHome,
}

impl Problem {
    /// One line for the status bar.
    pub fn short(&self, lang: Lang) -> String {
        let what = |kind: FileKind| match kind {
            FileKind::Notes => lang.pick("notes file", "fichier de notes"),
            FileKind::Position => lang.pick("position file", "fichier de position"),
            FileKind::Session => lang.pick("presenter session file", "fichier de séance"),
        };
        let name = |p: &Path| {
            p.file_name()
                .map(|n| clean_line(&n.to_string_lossy()))
                .unwrap_or_default()
        };
        match self {
            Self::Corrupt { kind, moved_to, .. } => match lang {
                Lang::En => format!("⚠ {} damaged: set aside as {}", what(*kind), name(moved_to)),
                Lang::Fr => format!(
                    "⚠ {} abîmé : mis de côté sous {}",
                    capitalised(what(*kind)),
                    name(moved_to)
                ),
            },
            Self::Unreadable { kind, error, .. } => match lang {
                Lang::En => format!(
                    "⚠ cannot read the {} ({}): it will not be overwritten",
                    what(*kind),
                    error.describe(lang)
                ),
                Lang::Fr => format!(
                    "⚠ {} illisible ({}) : il ne sera pas remplacé",
                    capitalised(what(*kind)),
                    error.describe(lang)
                ),
            },
            Self::Vanished { kind, .. } => match lang {
                Lang::En => format!(
                    "⚠ {} had disappeared: written again with your notes",
                    what(*kind)
                ),
                Lang::Fr => format!(
                    "⚠ {} avait disparu : réécrit avec vos notes",
                    capitalised(what(*kind))
                ),
            },
            Self::Busy { .. } => lang
                .pick(
                    "⚠ notes not saved yet: another glose window is saving; tried again soon",
                    "⚠ notes pas encore enregistrées : une autre fenêtre de glose enregistre ; \
                     nouvel essai bientôt",
                )
                .to_owned(),
            Self::Conflict { .. } => lang
                .pick(
                    "⚠ a note was also changed in another window: both versions kept (conflict copy)",
                    "⚠ une note a aussi été modifiée dans une autre fenêtre : les deux versions \
                     sont gardées (copie en conflit)",
                )
                .to_owned(),
            Self::TooNew { kind, .. } => match lang {
                Lang::En => format!("⚠ {} written by a newer glose: left as it is", what(*kind)),
                Lang::Fr => format!(
                    "⚠ {} écrit par un glose plus récent : laissé tel quel",
                    capitalised(what(*kind))
                ),
            },
            Self::Invalid { kind, .. } => match lang {
                Lang::En => format!("⚠ {} is not valid", what(*kind)),
                Lang::Fr => format!("⚠ {} non valide", capitalised(what(*kind))),
            },
            Self::NotSaved { kind, error, .. } => match lang {
                Lang::En => format!("⚠ {} not saved: {}", what(*kind), error.describe(lang)),
                Lang::Fr => format!(
                    "⚠ {} non enregistré : {}",
                    capitalised(what(*kind)),
                    error.describe(lang)
                ),
            },
            Self::NoHome => lang
                .pick(
                    "⚠ no home directory: notes and position are not kept",
                    "⚠ pas de dossier personnel : notes et position ne sont pas conservées",
                )
                .to_owned(),
        }
    }

    /// The full message for stderr: what happened, where, and what to do.
    pub fn long(&self, lang: Lang) -> String {
        let path = |p: &Path| clean_line(&p.display().to_string());
        match self {
            Self::Corrupt {
                path: p,
                moved_to,
                error,
                ..
            } => match lang {
                Lang::En => format!(
                    "glose: '{}' could not be parsed ({}); it was moved to '{}' and glose \
                     started afresh. Your earlier notes are in that file.",
                    path(p),
                    clean_line(error).trim(),
                    path(moved_to)
                ),
                Lang::Fr => format!(
                    "glose : « {} » est illisible ({}) ; il a été déplacé vers « {} » et glose \
                     est reparti de zéro. Vos notes précédentes sont dans ce fichier.",
                    path(p),
                    clean_line(error).trim(),
                    path(moved_to)
                ),
            },
            Self::Unreadable { path: p, error, .. } => match lang {
                Lang::En => format!(
                    "glose: cannot read '{}' ({}); it was left untouched and nothing was saved \
                     to it. {}",
                    path(p),
                    clean_line(&error.describe(lang)),
                    if matches!(error, Refused::Io(_) | Refused::Denied) {
                        "Check its permissions."
                    } else {
                        "Put a regular file of yours there, or move it away."
                    }
                ),
                Lang::Fr => format!(
                    "glose : impossible de lire « {} » ({}) ; il n’a pas été modifié et rien n’y \
                     a été enregistré. {}",
                    path(p),
                    clean_line(&error.describe(lang)),
                    if matches!(error, Refused::Io(_) | Refused::Denied) {
                        "Vérifiez ses droits d’accès."
                    } else {
                        "Mettez-y un fichier ordinaire à vous, ou déplacez-le."
                    }
                ),
            },
            Self::Vanished { path: p, .. } => match lang {
                Lang::En => format!(
                    "glose: '{}' had disappeared while glose ran (moved or deleted by hand); \
                     it was written again with every note glose held.",
                    path(p)
                ),
                Lang::Fr => format!(
                    "glose : « {} » avait disparu pendant que glose tournait (déplacé ou \
                     supprimé) ; il a été réécrit avec toutes les notes que glose avait.",
                    path(p)
                ),
            },
            Self::Busy { path: p } => match lang {
                Lang::En => format!(
                    "glose: could not save '{}': another glose window kept it locked \
                     (its lock file is '{}.lock').",
                    path(p),
                    path(p)
                ),
                Lang::Fr => format!(
                    "glose : impossible d’enregistrer « {} » : une autre fenêtre de glose le \
                     gardait verrouillé (son verrou est « {}.lock »).",
                    path(p),
                    path(p)
                ),
            },
            Self::Conflict { count } => match lang {
                Lang::En => format!(
                    "glose: {count} note(s) were changed in two windows at once; both versions \
                     were kept, the other window's as a conflict copy marked ⚠ in the notes list."
                ),
                Lang::Fr => format!(
                    "glose : {count} note(s) modifiée(s) dans deux fenêtres à la fois ; les deux \
                     versions sont gardées, celle de l’autre fenêtre en copie en conflit marquée \
                     ⚠ dans la liste des notes."
                ),
            },
            Self::TooNew { path: p, .. } => match lang {
                Lang::En => format!(
                    "glose: '{}' was written by a newer version of glose; it was left \
                     untouched. Update glose to use it.",
                    path(p)
                ),
                Lang::Fr => format!(
                    "glose : « {} » a été écrit par une version plus récente de glose ; il n’a \
                     pas été modifié. Mettez glose à jour pour l’utiliser.",
                    path(p)
                ),
            },
            Self::Invalid { path: p, error, .. } => match lang {
                Lang::En => format!(
                    "glose: '{}' does not parse ({}); it was left untouched. The reader sets it \
                     aside and starts afresh the next time it opens this article.",
                    path(p),
                    clean_line(error).trim()
                ),
                Lang::Fr => format!(
                    "glose : « {} » est illisible ({}) ; il n’a pas été modifié. Le lecteur le \
                     mettra de côté et repartira de zéro à la prochaine ouverture de ce texte.",
                    path(p),
                    clean_line(error).trim()
                ),
            },
            Self::NotSaved { path: p, error, .. } => match lang {
                Lang::En => format!(
                    "glose: could not save '{}': {}",
                    path(p),
                    clean_line(&error.describe(lang))
                ),
                Lang::Fr => format!(
                    "glose : impossible d’enregistrer « {} » : {}",
                    path(p),
                    clean_line(&error.describe(lang))
                ),
            },
            Self::NoHome => self.short(lang),
        }
    }
}

fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// What `Store::open` found.
#[derive(Debug, Default)]
pub struct Loaded {
    /// Sanitised, not yet resolved against the article.
    pub notebook: Notebook,
    pub position: Option<Position>,
    pub problems: Vec<Problem>,
}

/// The state files of one article, open for the session.
#[derive(Debug)]
pub struct Store {
    pub paths: Paths,
    title: String,
    /// The notebook as last read from or written to disk: the base of three-way merges.
    base: Notebook,
    notes_writable: bool,
    position_writable: bool,
    /// The position as last read from or written to disk: an unchanged position is not written.
    position_on_disk: Option<Position>,
    /// Whether the notes file was on disk when last read or written (so that its disappearance
    /// is noticed and reported).
    notes_on_disk: bool,
    /// What the last save found and dealt with (a file set aside, a file gone, a conflict), for
    /// the status line and stderr.
    notices: Vec<Problem>,
}

/// Outcome of reading a state file.
enum Read<T> {
    Missing,
    Found(T),
    Problem(Problem),
}

/// Reads and parses a state file; a file that does not parse is set aside when `set_aside`,
/// else reported as `Invalid` and left as it is.
fn read<T: serde::de::DeserializeOwned>(path: &Path, kind: FileKind, set_aside: bool) -> Read<T> {
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

/// Reads a small state file of `kind` (the presenter's session): `Ok(None)` when there is none;
/// a file that does not parse is set aside (`Problem::Corrupt`), one from a newer glose or one
/// that cannot be read is reported and must then not be overwritten.
pub fn read_state<T: serde::de::DeserializeOwned>(
    path: &Path,
    kind: FileKind,
) -> Result<Option<T>, Problem> {
    match read::<T>(path, kind, true) {
        Read::Found(value) => Ok(Some(value)),
        Read::Missing => Ok(None),
        Read::Problem(problem) => Err(problem),
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

/// How far a write must have gone when [`write_atomic`] returns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Durability {
    /// On disk, surviving a power cut: the file and its directory are synced (notes).
    Durable,
    /// Atomic only: complete or absent after a crash of glose, possibly older after a power cut
    /// (the position, written on every exit).
    Atomic,
}

/// Writes `bytes` to `path` atomically: temporary file in the same directory, then a rename over
/// `path`. With [`Durability::Durable`], the file is synced before the rename and the directory
/// after it, so that the rename itself survives a power cut.
pub fn write_atomic(path: &Path, bytes: &[u8], durability: Durability) -> io::Result<()> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    // A link (a notes file kept with dotfiles) is written through, to its target, after checking
    // the target is a regular file of this user.
    let path = &write_target(path).map_err(|refused| {
        io::Error::new(io::ErrorKind::InvalidInput, refused.describe(Lang::En))
    })?;
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    fs::create_dir_all(dir)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(
        "{}{}-{}",
        temporary_prefix(&name),
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let result = (|| {
        // Created exclusively, never through a link, private.
        let mut file = create_new(&tmp)?;
        file.write_all(bytes)?;
        if durability == Durability::Durable {
            file.sync_all()?;
        }
        drop(file);
        fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result?;
    #[cfg(unix)]
    if durability == Durability::Durable
        && let Ok(dir) = File::open(dir)
    {
        let _ = dir.sync_all();
    }
    Ok(())
}

/// The start of the name of `name`'s temporary files (`.NAME.tmp-`).
fn temporary_prefix(name: &str) -> String {
    format!(".{name}.tmp-")
}

/// Removes the temporary files of `path` older than `OLD_TEMPORARY`: left by a process killed
/// in the middle of a save (a live save's file is seconds old at most).
fn remove_old_temporaries(path: &Path) {
    let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
        return;
    };
    let prefix = temporary_prefix(&name.to_string_lossy());
    let Ok(entries) = fs::read_dir(if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    }) else {
        return;
    };
    for entry in entries.flatten() {
        if !entry.file_name().to_string_lossy().starts_with(&prefix) {
            continue;
        }
        let old = entry
            .metadata()
            .ok()
            .filter(fs::Metadata::is_file)
            .and_then(|m| m.modified().ok())
            .and_then(|t| SystemTime::now().duration_since(t).ok())
            .is_some_and(|age| age > OLD_TEMPORARY);
        if old {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// An advisory lock: a file created exclusively, holding the owner's process id, removed on drop.
struct Lock(PathBuf);

/// Whether a lock file was left by a process that is gone: its owner no longer runs (checked
/// with `kill(pid, 0)`), or, when the owner cannot be told, it is older than `STALE_LOCK`; a lock
/// whose owner still runs is broken only after `HELD_LOCK`.
fn is_stale(lock: &Path) -> bool {
    let owner = read_regular(lock, 64)
        .ok()
        .and_then(|b| String::from_utf8(b).ok())
        .and_then(|s| s.trim().parse::<u32>().ok());
    let age = fs::symlink_metadata(lock)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| SystemTime::now().duration_since(t).ok());
    match owner {
        Some(pid) if pid != std::process::id() && !crate::link::is_running(pid) => true,
        Some(_) => age.is_some_and(|age| age > HELD_LOCK),
        None => age.is_some_and(|age| age > STALE_LOCK),
    }
}

/// Creates the lock file `lock` already holding this process's id, or fails with
/// `AlreadyExists`: the id is written to a file of this process's own first, then linked to the
/// lock's name (atomic, and never through a link someone left there), so that a process killed
/// at any moment never leaves an empty lock file, whose owner nobody could tell.
fn create_lock(lock: &Path) -> io::Result<()> {
    let own = PathBuf::from(format!("{}.{}", lock.display(), std::process::id()));
    let _ = fs::remove_file(&own);
    let written = create_new(&own).and_then(|mut file| write!(file, "{}", std::process::id()));
    let linked = written.and_then(|()| fs::hard_link(&own, lock));
    let _ = fs::remove_file(&own);
    linked
}

impl Lock {
    /// Takes the lock next to `path`, waiting at most `wait`; `Err(None)` if another process
    /// holds it, `Err(Some(error))` if it cannot be made at all.
    fn acquire(path: &Path, wait: Duration) -> Result<Self, Option<io::Error>> {
        let lock = PathBuf::from(format!("{}.lock", path.display()));
        let start = std::time::Instant::now();
        loop {
            match create_lock(&lock) {
                Ok(()) => return Ok(Self(lock)),
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                    if is_stale(&lock) {
                        let _ = fs::remove_file(&lock);
                        continue;
                    }
                    if start.elapsed() > wait {
                        return Err(None);
                    }
                    std::thread::sleep(Duration::from_millis(5));
                }
                Err(e) => return Err(Some(e)),
            }
        }
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.0);
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
fn read_notes(path: &Path, set_aside: bool) -> Read<Notebook> {
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

impl Store {
    /// Opens an article's state: reads both files, sets corrupt ones aside, and remembers which
    /// files must not be overwritten.
    pub fn open(paths: Paths, title: &str) -> (Self, Loaded) {
        let mut loaded = Loaded::default();
        let mut store = Self {
            paths,
            title: clean_line(title),
            base: Notebook::default(),
            notes_writable: true,
            position_writable: true,
            position_on_disk: None,
            notes_on_disk: false,
            notices: Vec::new(),
        };
        remove_old_temporaries(&store.paths.notes);
        remove_old_temporaries(&store.paths.position);
        match read_notes(&store.paths.notes, true) {
            Read::Found(notebook) => {
                store.base = notebook.clone();
                store.notes_on_disk = true;
                loaded.notebook = notebook;
            }
            Read::Missing => {}
            Read::Problem(problem) => {
                store.notes_writable = matches!(problem, Problem::Corrupt { .. });
                loaded.problems.push(problem);
            }
        }
        match read::<Position>(&store.paths.position, FileKind::Position, true) {
            Read::Found(position) => {
                let mut position = position;
                for pane in &mut position.panes {
                    pane.part = clean_line(&pane.part);
                    pane.quote = clean_line(&pane.quote);
                }
                position.focus = clean_line(&position.focus);
                position.selected = position.selected.as_deref().map(clean_line);
                store.position_on_disk = Some(Position {
                    version: VERSION,
                    ..position.clone()
                });
                loaded.position = Some(position);
            }
            Read::Missing => {}
            Read::Problem(problem) => {
                store.position_writable = matches!(problem, Problem::Corrupt { .. });
                loaded.problems.push(problem);
            }
        }
        (store, loaded)
    }

    /// The note left in the editor when glose was last cut off, if any (sanitised). The file
    /// stays until [`Store::remove_draft`], so a draft is never lost before it is answered.
    pub fn read_draft(&self) -> Option<Draft> {
        match read::<Draft>(&self.paths.draft, FileKind::Notes, false) {
            Read::Found(mut draft) => {
                draft.note = draft.note.as_deref().map(clean_line);
                draft.annotation = draft.annotation.as_deref().map(clean_line);
                draft.part = clean_line(&draft.part);
                draft.quote = clean_line(&draft.quote);
                draft.text = crate::text::sanitize::clean_block(crate::notebook::cut(
                    &draft.text,
                    crate::notebook::MAX_NOTE_BYTES,
                ));
                (!draft.text.trim().is_empty()).then_some(draft)
            }
            _ => None,
        }
    }

    /// Removes the draft file (its note was restored or dropped by the reader).
    pub fn remove_draft(&self) {
        let _ = fs::remove_file(&self.paths.draft);
    }

    /// Whether notes can be saved this session (the file was not unreadable or too new).
    pub fn notes_writable(&self) -> bool {
        self.notes_writable
    }

    /// Saves the notebook: takes the lock (never writes without it), re-reads the file under
    /// it, merges three ways with what this process last saw, writes atomically, and returns
    /// the merged notebook (with other processes' changes; places still to be resolved).
    ///
    /// A file gone or set aside as corrupt since the last read is "unknown", never "everything
    /// deleted": the notes in memory are written back whole, and the event is reported through
    /// [`Store::take_notices`], as is a note changed here and elsewhere at once (both kept).
    pub fn save_notes(&mut self, mine: &Notebook) -> Result<Notebook, Problem> {
        self.save_notes_waiting(mine, LOCK_WAIT)
    }

    /// [`Store::save_notes`], waiting at most `wait` for another window's lock.
    pub fn save_notes_waiting(
        &mut self,
        mine: &Notebook,
        wait: Duration,
    ) -> Result<Notebook, Problem> {
        let path = self.paths.notes.clone();
        let not_saved = |error: Refused| Problem::NotSaved {
            kind: FileKind::Notes,
            path: path.clone(),
            error,
        };
        let io = |e: io::Error| not_saved(Refused::from_io(&e));
        if !self.notes_writable {
            return Err(not_saved(Refused::LeftAlone));
        }
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).map_err(io)?;
        }
        let target = write_target(&path).map_err(|error| Problem::Unreadable {
            kind: FileKind::Notes,
            path: path.clone(),
            error,
        })?;
        let _lock = match Lock::acquire(&target, wait) {
            Ok(lock) => lock,
            Err(None) => return Err(Problem::Busy { path }),
            Err(Some(e)) => return Err(io(e)),
        };
        let disk = match read_notes(&path, true) {
            Read::Found(notebook) => notebook,
            // Unknown, not empty: what this process last saw stands for the disk, so the merge
            // keeps every note in memory.
            Read::Missing => {
                if self.notes_on_disk {
                    self.notices.push(Problem::Vanished {
                        kind: FileKind::Notes,
                        path: path.clone(),
                    });
                }
                self.base.clone()
            }
            Read::Problem(problem @ Problem::Corrupt { .. }) => {
                self.notices.push(problem);
                self.base.clone()
            }
            Read::Problem(problem) => {
                self.notes_writable = false;
                return Err(problem);
            }
        };
        let (merged, conflicts) = crate::notebook::merge_counting(&self.base, mine, &disk);
        if conflicts > 0 {
            self.notices.push(Problem::Conflict { count: conflicts });
        }
        let file = NotesFile {
            version: VERSION,
            title: self.title.clone(),
            note: merged.notes.clone(),
            bookmark: merged.bookmarks.clone(),
        };
        let body =
            toml::to_string_pretty(&file).map_err(|e| not_saved(Refused::Io(e.to_string())))?;
        let text = format!(
            "# glose: personal notes and bookmarks. Written atomically by glose; \
             readable, editable with care.\n{body}"
        );
        write_atomic(&path, text.as_bytes(), Durability::Durable).map_err(io)?;
        self.base = merged.clone();
        self.notes_on_disk = true;
        Ok(merged)
    }

    /// What the saves since the last call found and dealt with (a notes file set aside as
    /// corrupt, a file that had vanished, a conflict): to show in the status line and print on
    /// stderr at exit. Nothing here lost a note.
    pub fn take_notices(&mut self) -> Vec<Problem> {
        std::mem::take(&mut self.notices)
    }

    /// The position file's path and contents, for a writer that cannot hold the store (the
    /// signal thread); `None` when the file must not be overwritten, or already holds this
    /// position.
    pub fn position_snapshot(&self, position: &Position) -> Option<(PathBuf, Vec<u8>)> {
        if !self.position_writable {
            return None;
        }
        let position = Position {
            version: VERSION,
            ..position.clone()
        };
        if self.position_on_disk.as_ref() == Some(&position) {
            return None;
        }
        let body = toml::to_string_pretty(&position).ok()?;
        Some((self.paths.position.clone(), body.into_bytes()))
    }

    /// Saves the position (last writer wins), unless the file already holds it.
    pub fn save_position(&mut self, position: &Position) -> Result<(), Problem> {
        let Some((path, bytes)) = self.position_snapshot(position) else {
            return Ok(());
        };
        if let Err(error) = write_target(&path) {
            self.position_writable = false;
            return Err(Problem::Unreadable {
                kind: FileKind::Position,
                path,
                error,
            });
        }
        write_atomic(&path, &bytes, Durability::Atomic).map_err(|e| Problem::NotSaved {
            kind: FileKind::Position,
            path,
            error: Refused::from_io(&e),
        })?;
        self.position_on_disk = Some(Position {
            version: VERSION,
            ..position.clone()
        });
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::tests::sample;
    use crate::notebook::Anchor;

    fn store(dir: &Path) -> (Store, Loaded) {
        Store::open(Paths::in_dirs(dir, dir, "essai"), "Titre")
    }

    #[test]
    fn key_is_stable_and_distinguishes_articles() {
        let a = sample(2);
        let key = article_key(&a);
        // The same article gives the same key on every machine and Rust version.
        assert_eq!(key, article_key(&a.clone()));
        assert!(key.starts_with("titre-"), "{key}");
        assert_eq!(key.len(), "titre-".len() + 16);
        let mut other = a.clone();
        other.text.replace_range(0..1, "X");
        assert_ne!(article_key(&other), key, "different opening words");
        let mut retitled = a.clone();
        retitled.meta.title = "Autre titre".into();
        assert_ne!(article_key(&retitled), key);
        let mut edited_later = a;
        edited_later.text.push_str(" ajout");
        assert_eq!(
            article_key(&edited_later),
            key,
            "an edit far in keeps the key"
        );
        assert_eq!(
            slug("IA : intelligence artificielle, main-d’œuvre bien réelle"),
            "ia-intelligence-artificielle-main-d-oeuvre-bien"
        );
        assert_eq!(slug("« »"), "article");
        assert_eq!(slug(&"x".repeat(60)).len(), MAX_SLUG);
        // FNV-1a test vector.
        assert_eq!(fnv1a(*b"a"), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn notes_and_position_round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let article = sample(2);
        let (mut s, loaded) = store(dir.path());
        assert!(loaded.problems.is_empty());
        let mut book = loaded.notebook;
        let anchor = Anchor::annotation(&article, 1).unwrap();
        book.set_note(None, &anchor, "Ligne 1\nLigne « 2 » \"guillemets\" ''' \\");
        s.save_notes(&book).unwrap();
        let position = Position {
            focus: "p1".into(),
            selected: Some("a-0-1".into()),
            panes: vec![PanePosition {
                part: "p0".into(),
                byte: 12,
                lead: 1,
                quote: "mots".into(),
            }],
            ..Position::default()
        };
        s.save_position(&position).unwrap();
        let (_, again) = store(dir.path());
        assert!(again.problems.is_empty(), "{:?}", again.problems);
        assert_eq!(again.notebook.notes.len(), 1);
        assert_eq!(
            again.notebook.notes[0].text,
            "Ligne 1\nLigne « 2 » \"guillemets\" ''' \\"
        );
        assert_eq!(again.position.unwrap().panes, position.panes);
        let raw = fs::read_to_string(dir.path().join("essai.notes.toml")).unwrap();
        assert!(raw.starts_with("# glose"), "{raw}");
        assert!(raw.contains("version = 1"), "{raw}");
    }

    #[test]
    fn an_unchanged_position_is_not_written_again() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("essai.position.toml");
        let (mut s, _) = store(dir.path());
        let position = Position {
            focus: "p1".into(),
            ..Position::default()
        };
        s.save_position(&position).unwrap();
        assert!(file.exists());
        // The file is gone: saving the same position again does not write it back, in this
        // session or in the next one (which read it).
        let (mut next, loaded) = store(dir.path());
        assert_eq!(
            loaded.position.as_ref().map(|p| p.focus.as_str()),
            Some("p1")
        );
        fs::remove_file(&file).unwrap();
        s.save_position(&position).unwrap();
        next.save_position(&position).unwrap();
        assert!(next.position_snapshot(&position).is_none());
        assert!(!file.exists());
        // A move is written.
        let moved = Position {
            focus: "p2".into(),
            ..Position::default()
        };
        next.save_position(&moved).unwrap();
        assert!(fs::read_to_string(&file).unwrap().contains("p2"));
    }

    #[test]
    fn a_corrupt_file_is_set_aside_and_reported_never_overwritten_silently() {
        let dir = tempfile::tempdir().unwrap();
        let notes = dir.path().join("essai.notes.toml");
        fs::write(&notes, "this is [not toml\n").unwrap();
        fs::write(
            dir.path().join("essai.position.toml"),
            "version = 1\npane = 3\n",
        )
        .unwrap();
        let (mut s, loaded) = store(dir.path());
        assert_eq!(loaded.problems.len(), 2, "{:?}", loaded.problems);
        let Problem::Corrupt { moved_to, .. } = &loaded.problems[0] else {
            panic!("{:?}", loaded.problems[0]);
        };
        assert_eq!(fs::read_to_string(moved_to).unwrap(), "this is [not toml\n");
        assert!(!notes.exists());
        assert!(loaded.problems[0].short(Lang::Fr).contains("mis de côté"));
        assert!(loaded.problems[0].long(Lang::En).contains(".corrupt-"));
        // The session goes on and saves into a fresh file.
        s.save_notes(&Notebook::default()).unwrap();
        assert!(notes.exists());
    }

    #[test]
    fn export_reads_without_ever_moving_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let notes = dir.path().join("essai.notes.toml");
        assert!(
            read_notebook(&notes).unwrap().notes.is_empty(),
            "missing is empty"
        );
        fs::write(&notes, "not = [toml").unwrap();
        let problem = read_notebook(&notes).unwrap_err();
        assert!(matches!(problem, Problem::Invalid { .. }), "{problem:?}");
        assert!(problem.long(Lang::En).contains("left untouched"));
        assert_eq!(fs::read_to_string(&notes).unwrap(), "not = [toml");
    }

    #[test]
    fn a_file_from_a_newer_glose_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let notes = dir.path().join("essai.notes.toml");
        fs::write(&notes, "version = 99\nsomething = \"new\"\n").unwrap();
        let (mut s, loaded) = store(dir.path());
        assert!(matches!(loaded.problems[0], Problem::TooNew { .. }));
        assert!(s.save_notes(&Notebook::default()).is_err());
        assert_eq!(
            fs::read_to_string(&notes).unwrap(),
            "version = 99\nsomething = \"new\"\n"
        );
    }

    #[cfg(unix)]
    #[test]
    fn an_unreadable_file_is_reported_and_not_overwritten() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let notes = dir.path().join("essai.notes.toml");
        fs::write(&notes, "version = 1\n").unwrap();
        fs::set_permissions(&notes, fs::Permissions::from_mode(0o000)).unwrap();
        if fs::read(&notes).is_ok() {
            return; // running as root: permissions do not apply
        }
        let (mut s, loaded) = store(dir.path());
        assert!(matches!(loaded.problems[0], Problem::Unreadable { .. }));
        assert!(!s.notes_writable());
        assert!(s.save_notes(&Notebook::default()).is_err());
        fs::set_permissions(&notes, fs::Permissions::from_mode(0o600)).unwrap();
        assert_eq!(fs::read_to_string(&notes).unwrap(), "version = 1\n");
    }

    #[test]
    fn a_directory_in_the_way_is_unreadable_not_corrupt() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join("essai.notes.toml")).unwrap();
        let (mut s, loaded) = store(dir.path());
        assert!(matches!(loaded.problems[0], Problem::Unreadable { .. }));
        assert!(s.save_notes(&Notebook::default()).is_err());
        assert!(dir.path().join("essai.notes.toml").is_dir());
    }

    #[test]
    fn two_stores_on_one_article_keep_each_others_notes() {
        let dir = tempfile::tempdir().unwrap();
        let article = sample(3);
        let (mut a, la) = store(dir.path());
        let (mut b, lb) = store(dir.path());
        let (mut book_a, mut book_b) = (la.notebook, lb.notebook);
        book_a.set_note(None, &Anchor::paragraph(&article, 0, 0).unwrap(), "de A");
        book_a = a.save_notes(&book_a).unwrap();
        book_b.set_note(None, &Anchor::paragraph(&article, 1, 0).unwrap(), "de B");
        book_b = b.save_notes(&book_b).unwrap();
        assert_eq!(book_b.notes.len(), 2, "B's save brought A's note in");
        // A deletes its note; B, unaware, saves again: the deletion holds, B's note stays.
        book_a.notes.clear();
        a.save_notes(&book_a).unwrap();
        book_b.set_note(
            None,
            &Anchor::paragraph(&article, 2, 0).unwrap(),
            "encore B",
        );
        let merged = b.save_notes(&book_b).unwrap();
        let texts: Vec<&str> = merged.notes.iter().map(|n| n.text.as_str()).collect();
        assert_eq!(texts, vec!["de B", "encore B"]);
        let (_, reread) = store(dir.path());
        assert_eq!(reread.notebook.notes.len(), 2);
    }

    #[cfg(unix)]
    #[test]
    fn a_save_happens_only_under_the_lock() {
        let dir = tempfile::tempdir().unwrap();
        let (mut s, _) = store(dir.path());
        let lock = dir.path().join("essai.notes.toml.lock");
        let notes = dir.path().join("essai.notes.toml");
        let wait = Duration::from_millis(100);
        // A dead owner's lock is broken at once, and removed.
        fs::write(&lock, "4194999").unwrap();
        s.save_notes_waiting(&Notebook::default(), wait).unwrap();
        assert!(!lock.exists());
        // A lock held by a live process (this one's parent) is never written past.
        fs::write(&lock, std::os::unix::process::parent_id().to_string()).unwrap();
        fs::remove_file(&notes).unwrap();
        let err = s
            .save_notes_waiting(&Notebook::default(), wait)
            .unwrap_err();
        assert!(matches!(err, Problem::Busy { .. }), "{err:?}");
        assert!(err.short(Lang::Fr).contains("pas encore enregistrées"));
        assert!(!notes.exists(), "nothing written without the lock");
        // A fresh lock whose owner cannot be told: waited for, not written past either.
        fs::write(&lock, "").unwrap();
        assert!(s.save_notes_waiting(&Notebook::default(), wait).is_err());
        // The same lock left for long (a process killed while writing it): broken.
        let old = SystemTime::now() - Duration::from_secs(60);
        File::options()
            .write(true)
            .open(&lock)
            .unwrap()
            .set_modified(old)
            .unwrap();
        s.save_notes_waiting(&Notebook::default(), wait).unwrap();
        assert!(notes.exists());
        assert!(!lock.exists());
    }

    #[test]
    fn a_notes_file_broken_or_moved_between_saves_loses_no_note() {
        let dir = tempfile::tempdir().unwrap();
        let article = sample(3);
        let notes = dir.path().join("essai.notes.toml");
        let (mut s, loaded) = store(dir.path());
        let mut book = loaded.notebook;
        book.set_note(
            None,
            &Anchor::paragraph(&article, 0, 0).unwrap(),
            "première",
        );
        book = s.save_notes(&book).unwrap();
        assert!(s.take_notices().is_empty());
        // Broken by hand while glose runs: the next save (a bookmark) keeps the note.
        fs::write(&notes, "ceci n’est [pas du toml").unwrap();
        book.toggle_bookmark(&Anchor::paragraph(&article, 1, 0).unwrap());
        book = s.save_notes(&book).unwrap();
        assert_eq!(book.notes.len(), 1, "the note in memory is kept");
        assert_eq!(book.bookmarks.len(), 1);
        let notices = s.take_notices();
        let Some(Problem::Corrupt { moved_to, .. }) = notices.first() else {
            panic!("{notices:?}");
        };
        assert_eq!(
            fs::read_to_string(moved_to).unwrap(),
            "ceci n’est [pas du toml"
        );
        let short = notices[0].short(Lang::En);
        let aside = moved_to.file_name().unwrap().to_string_lossy().into_owned();
        assert!(short.contains(&aside), "{short}");
        let (_, reread) = store(dir.path());
        assert_eq!(reread.notebook.notes.len(), 1, "written back");
        assert_eq!(reread.notebook.notes[0].text, "première");
        // Moved away by hand: same, and said.
        fs::rename(&notes, dir.path().join("elsewhere.toml")).unwrap();
        book.set_note(
            None,
            &Anchor::paragraph(&article, 2, 0).unwrap(),
            "deuxième",
        );
        book = s.save_notes(&book).unwrap();
        assert_eq!(book.notes.len(), 2);
        assert!(matches!(
            s.take_notices().as_slice(),
            [Problem::Vanished { .. }]
        ));
        let (_, reread) = store(dir.path());
        assert_eq!(reread.notebook.notes.len(), 2);
        assert_eq!(reread.notebook.bookmarks.len(), 1);
    }

    #[test]
    fn a_note_changed_in_two_windows_keeps_both_texts() {
        let dir = tempfile::tempdir().unwrap();
        let article = sample(3);
        let anchor = Anchor::paragraph(&article, 0, 0).unwrap();
        let (mut a, la) = store(dir.path());
        let mut book_a = la.notebook;
        book_a.set_note(None, &anchor, "v1");
        book_a = a.save_notes(&book_a).unwrap();
        let (mut b, lb) = store(dir.path());
        let mut book_b = lb.notebook;
        let id = book_a.notes[0].id.clone();
        book_a.set_note(Some(&id), &anchor, "texte de A");
        book_b.set_note(Some(&id), &anchor, "texte de B");
        a.save_notes(&book_a).unwrap();
        let merged = b.save_notes(&book_b).unwrap();
        let mut texts: Vec<(&str, bool)> = merged
            .notes
            .iter()
            .map(|n| (n.text.as_str(), n.conflict))
            .collect();
        texts.sort_unstable();
        assert_eq!(texts, vec![("texte de A", true), ("texte de B", false)]);
        assert!(matches!(
            b.take_notices().as_slice(),
            [Problem::Conflict { count: 1 }]
        ));
    }

    #[cfg(unix)]
    #[test]
    fn a_symlinked_notes_file_is_written_through_to_its_target() {
        let dir = tempfile::tempdir().unwrap();
        let dotfiles = dir.path().join("dotfiles");
        fs::create_dir(&dotfiles).unwrap();
        let target = dotfiles.join("notes.toml");
        fs::write(&target, "version = 1\n").unwrap();
        let notes = dir.path().join("essai.notes.toml");
        std::os::unix::fs::symlink(&target, &notes).unwrap();
        let article = sample(2);
        let (mut s, loaded) = store(dir.path());
        let mut book = loaded.notebook;
        book.set_note(
            None,
            &Anchor::paragraph(&article, 0, 0).unwrap(),
            "à travers",
        );
        s.save_notes(&book).unwrap();
        assert!(
            fs::symlink_metadata(&notes)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert!(fs::read_to_string(&target).unwrap().contains("à travers"));
        // A link to another user's file is refused (where this test can make one).
        if rustix::process::geteuid().is_root() {
            std::os::unix::fs::lchown(&target, Some(4242), Some(4242)).unwrap();
            let (mut s, _) = store(dir.path());
            assert!(s.save_notes(&book).is_err());
            std::os::unix::fs::lchown(&target, Some(0), Some(0)).unwrap();
        }
        // A link to something that is not a regular file is refused, and nothing is written.
        fs::remove_file(&notes).unwrap();
        std::os::unix::fs::symlink(&dotfiles, &notes).unwrap();
        let (mut s, _) = store(dir.path());
        assert!(s.save_notes(&book).is_err());
        assert!(
            fs::symlink_metadata(&notes)
                .unwrap()
                .file_type()
                .is_symlink()
        );
    }

    #[test]
    fn temporary_files_of_a_killed_save_are_cleaned_up_after_an_hour() {
        let dir = tempfile::tempdir().unwrap();
        let old = dir.path().join(".essai.notes.toml.tmp-999-0");
        let fresh = dir.path().join(".essai.notes.toml.tmp-999-1");
        let other = dir.path().join(".someone-else.tmp-999-0");
        for file in [&old, &fresh, &other] {
            fs::write(file, "x").unwrap();
        }
        let two_hours = SystemTime::now() - Duration::from_secs(7200);
        for file in [&old, &other] {
            File::options()
                .write(true)
                .open(file)
                .unwrap()
                .set_modified(two_hours)
                .unwrap();
        }
        let _ = store(dir.path());
        assert!(!old.exists());
        assert!(fresh.exists(), "a save in progress elsewhere is left alone");
        assert!(other.exists(), "not ours");
    }

    #[cfg(unix)]
    #[test]
    fn state_files_that_are_not_regular_files_are_refused_before_reading() {
        let dir = tempfile::tempdir().unwrap();
        let notes = dir.path().join("essai.notes.toml");
        std::os::unix::fs::symlink("/dev/zero", &notes).unwrap();
        let (mut s, loaded) = store(dir.path());
        let Problem::Unreadable { error, .. } = &loaded.problems[0] else {
            panic!("{:?}", loaded.problems);
        };
        assert_eq!(*error, Refused::Device);
        assert!(loaded.problems[0].long(Lang::En).contains("device"));
        assert!(s.save_notes(&Notebook::default()).is_err());
        assert!(
            fs::symlink_metadata(&notes)
                .unwrap()
                .file_type()
                .is_symlink()
        );
    }

    #[test]
    fn a_draft_round_trips_and_is_sanitised() {
        let dir = tempfile::tempdir().unwrap();
        let (s, _) = store(dir.path());
        assert_eq!(s.read_draft(), None);
        let draft = Draft {
            text: "mot \x1b[2J à moitié".into(),
            part: "p0".into(),
            ..Draft::default()
        };
        write_atomic(&s.paths.draft, &draft.to_bytes(), Durability::Durable).unwrap();
        let read = s.read_draft().unwrap();
        assert_eq!(read.text, "mot ␛[2J à moitié");
        s.remove_draft();
        assert_eq!(s.read_draft(), None);
    }
}

//! State files: the only module that reads or writes them.
//!
//! Per article, two TOML files named `<slug>-<key>` where the key is a stable hash of the
//! article's identity (`state_file_stem`):
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
//! - two processes on one article: notes are saved only under the system's lock on `NAME.lock`
//!   (`lock`: it dies with its process, so it is never stale; one held elsewhere is waited for
//!   `LOCK_WAIT`, then the save is reported as not done yet and retried), by re-reading the file
//!   under the lock and merging three ways (`store::merge`), so neither drops the other's
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

mod atomic;
mod format;
mod lock;
mod merge;
mod paths;
mod problem;

use std::fs;
use std::io;
use std::path::PathBuf;
use std::time::Duration;

pub use atomic::{Durability, write_atomic};
pub use format::{
    Draft, FileKind, NOTES_LIMIT, POSITION_LIMIT, PanePosition, Position, read_notebook,
};
pub use merge::{merge, merge_counting};
pub use paths::{ENV_DIR, Paths, state_file_stem};
pub use problem::Problem;

use crate::files::{Refused, write_target};
use crate::notebook::Notebook;
use crate::text::sanitize::clean_line;
use atomic::remove_old_temporaries;
use format::{NotesFile, Read, read, read_notes};
use lock::Lock;

/// Reads a small state file of `kind` (the presenter's session): `Ok(None)` when there is none;
/// a file that does not parse is set aside (`Problem::Corrupt`), one from a newer glose or one
/// that cannot be read is reported and must then not be overwritten.
pub fn read_state<T: serde::de::DeserializeOwned>(
    path: &std::path::Path,
    kind: FileKind,
) -> Result<Option<T>, Problem> {
    match read::<T>(path, kind, true) {
        Read::Found(value) => Ok(Some(value)),
        Read::Missing => Ok(None),
        Read::Problem(problem) => Err(problem),
    }
}

/// The format version written in every file; a file with a larger one is left alone.
pub const VERSION: u32 = 1;

/// How long a save waits for another process's lock before giving up (the notes stay in memory
/// and the save is tried again at the next change and at exit): never written without it.
const LOCK_WAIT: Duration = Duration::from_secs(2);

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
                draft.spot.sanitise();
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
        let (merged, conflicts) = merge_counting(&self.base, mine, &disk);
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
    use std::fs::File;
    use std::path::Path;
    use std::time::SystemTime;

    use super::*;
    use crate::app::tests::sample;
    use crate::i18n::Lang;
    use crate::notebook::PlacedSpot;

    fn store(dir: &Path) -> (Store, Loaded) {
        Store::open(Paths::in_dirs(dir, dir, "essai"), "Titre")
    }

    #[test]
    fn notes_and_position_round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let article = sample(2);
        let (mut s, loaded) = store(dir.path());
        assert!(loaded.problems.is_empty());
        let mut book = loaded.notebook;
        let anchor = PlacedSpot::annotation(&article, 1).unwrap();
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
        book_a.set_note(
            None,
            &PlacedSpot::paragraph(&article, 0, 0).unwrap(),
            "de A",
        );
        book_a = a.save_notes(&book_a).unwrap();
        book_b.set_note(
            None,
            &PlacedSpot::paragraph(&article, 1, 0).unwrap(),
            "de B",
        );
        book_b = b.save_notes(&book_b).unwrap();
        assert_eq!(book_b.notes.len(), 2, "B's save brought A's note in");
        // A deletes its note; B, unaware, saves again: the deletion holds, B's note stays.
        book_a.notes.clear();
        a.save_notes(&book_a).unwrap();
        book_b.set_note(
            None,
            &PlacedSpot::paragraph(&article, 2, 0).unwrap(),
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
        // A lock file left by an older glose or a killed window, but held by no one: no wait.
        fs::write(&lock, "4194999").unwrap();
        s.save_notes_waiting(&Notebook::default(), Duration::ZERO)
            .unwrap();
        assert!(notes.exists());
        // A lock held by another window (another handle on the file) is never written past.
        let other = File::options().write(true).open(&lock).unwrap();
        other.lock().unwrap();
        fs::remove_file(&notes).unwrap();
        let err = s
            .save_notes_waiting(&Notebook::default(), wait)
            .unwrap_err();
        assert!(matches!(err, Problem::Busy { .. }), "{err:?}");
        assert!(err.short(Lang::Fr).contains("pas encore enregistrées"));
        assert!(!notes.exists(), "nothing written without the lock");
        // However old the lock file, a held lock is not broken.
        let old = SystemTime::now() - Duration::from_secs(3600);
        other.set_modified(old).unwrap();
        assert!(s.save_notes_waiting(&Notebook::default(), wait).is_err());
        assert!(!notes.exists());
        // Let go: the next save goes through at once.
        drop(other);
        s.save_notes_waiting(&Notebook::default(), Duration::ZERO)
            .unwrap();
        assert!(notes.exists());
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
            &PlacedSpot::paragraph(&article, 0, 0).unwrap(),
            "première",
        );
        book = s.save_notes(&book).unwrap();
        assert!(s.take_notices().is_empty());
        // Broken by hand while glose runs: the next save (a bookmark) keeps the note.
        fs::write(&notes, "ceci n’est [pas du toml").unwrap();
        book.toggle_bookmark(&PlacedSpot::paragraph(&article, 1, 0).unwrap());
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
            &PlacedSpot::paragraph(&article, 2, 0).unwrap(),
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
        let anchor = PlacedSpot::paragraph(&article, 0, 0).unwrap();
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
            &PlacedSpot::paragraph(&article, 0, 0).unwrap(),
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
            spot: crate::notebook::Spot {
                part: "p0".into(),
                ..crate::notebook::Spot::default()
            },
            ..Draft::default()
        };
        write_atomic(&s.paths.draft, &draft.to_bytes(), Durability::Durable).unwrap();
        let read = s.read_draft().unwrap();
        assert_eq!(read.text, "mot ␛[2J à moitié");
        s.remove_draft();
        assert_eq!(s.read_draft(), None);
    }
}

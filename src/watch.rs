//! Live reload: the reader and the presenter watch the article's folder and reload on save.
//!
//! A `notify` watcher (inotify, FSEvents…, debounced by 150 ms so that an editor's
//! write-then-rename is one change) runs on its own thread; nothing is polled while nothing
//! changes. When a file of the article changes, that thread prepares the new article (the slow
//! part, given by the caller: `App::watch` reads, parses and checks the folder, then lays it out
//! at the widths on screen), leaves the result in the watcher's slot, and wakes the event loop, which is blocked reading the terminal,
//! by raising `SIGWINCH` on the process: crossterm turns it into a resize event, after which the
//! loop takes the loaded article ([`Watcher::take`]) and swaps it in (`App::reload`). Keys typed
//! while the folder loads are handled at once, on the text still on screen. That keeps the
//! loop's one blocking read, and adds no thread to it. Saves that come while a load runs are
//! loaded next; only the newest result is kept.
//!
//! Only a change counts: the watcher also reports files being opened and read (another glose
//! running `check` or `export` on the folder), so each file's size and modification time are
//! compared with what they were, and a mere read wakes nothing.

use std::collections::HashMap;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, SystemTime};

use notify_debouncer_mini::{DebounceEventResult, Debouncer, new_debouncer, notify};

/// The newest load, left by the watcher's thread, taken by the event loop.
type Slot<T> = Arc<Mutex<Option<T>>>;

/// The files whose change reloads the article (the text may have another name: any `.md` or
/// `.txt` file of the folder counts).
fn is_article_file(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    matches!(
        name,
        "article.toml" | "annotations.toml" | "sources.toml" | "tour.toml"
    ) || name.ends_with(".md")
        || name.ends_with(".txt")
}

/// What tells a change from a read: the size and modification time (`None`: no such file).
type Stamp = Option<(Option<SystemTime>, u64)>;

fn stamp(path: &Path) -> Stamp {
    std::fs::metadata(path)
        .ok()
        .map(|meta| (meta.modified().ok(), meta.len()))
}

/// A running watcher; dropping it stops watching.
pub struct Watcher<T> {
    _debouncer: Debouncer<notify::RecommendedWatcher>,
    pub dir: PathBuf,
    loaded: Slot<T>,
}

impl<T> std::fmt::Debug for Watcher<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Watcher").field("dir", &self.dir).finish()
    }
}

impl<T> Watcher<T> {
    /// The folder as it was last loaded after a change, once (`None`: nothing new).
    pub fn take(&self) -> Option<T> {
        self.loaded
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take()
    }
}

/// Starts watching `dir` (an article folder), loading it with `load` on the watcher's thread
/// after each change; `None` when the system gives no watcher (then there is simply no live
/// reload).
pub fn start<T: Send + 'static>(
    dir: &Path,
    mut load: impl FnMut(&Path) -> T + Send + 'static,
) -> Option<Watcher<T>> {
    let loaded: Slot<T> = Arc::new(Mutex::new(None));
    let slot = Arc::clone(&loaded);
    let folder = dir.to_path_buf();
    // Keyed by file name: the watcher names files by absolute paths, `dir` may be relative.
    let mut seen: HashMap<OsString, Stamp> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| is_article_file(path))
        .filter_map(|path| Some((path.file_name()?.to_owned(), stamp(&path))))
        .collect();
    let mut debouncer = new_debouncer(
        Duration::from_millis(150),
        move |result: DebounceEventResult| {
            let Ok(events) = result else { return };
            let mut changed = false;
            for event in events.iter().filter(|e| is_article_file(&e.path)) {
                let Some(name) = event.path.file_name() else {
                    continue;
                };
                let now = stamp(&event.path);
                if seen.get(name) != Some(&now) {
                    seen.insert(name.to_owned(), now);
                    changed = true;
                }
            }
            if changed {
                let fresh = load(&folder);
                *slot.lock().unwrap_or_else(PoisonError::into_inner) = Some(fresh);
                #[cfg(unix)]
                let _ = signal_hook::low_level::raise(signal_hook::consts::SIGWINCH);
            }
        },
    )
    .ok()?;
    debouncer
        .watcher()
        .watch(dir, notify::RecursiveMode::NonRecursive)
        .ok()?;
    Some(Watcher {
        _debouncer: debouncer,
        dir: dir.to_path_buf(),
        loaded,
    })
}

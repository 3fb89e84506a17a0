//! The lock two glose windows take before saving one notes file.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use crate::files::{create_new, read_regular};

/// A lock file older than this belongs to a process that died while saving (where the owner's
/// death cannot be checked directly).
const STALE_LOCK: Duration = Duration::from_secs(5);

/// A lock whose owner still runs is broken only after this long (a hung process).
const HELD_LOCK: Duration = Duration::from_secs(60);

/// An advisory lock: a file created exclusively, holding the owner's process id, removed on drop.
pub(super) struct Lock(PathBuf);

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
    pub(super) fn acquire(path: &Path, wait: Duration) -> Result<Self, Option<io::Error>> {
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

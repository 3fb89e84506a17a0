//! The lock two glose windows take before saving one notes file: an exclusive lock the system
//! keeps on `NAME.lock` ([`File::try_lock`]: `flock` on Unix, `LockFileEx` on Windows).
//!
//! The system lets go of it when its process ends, however it ends (quit, crash, SIGKILL, power
//! cut), so a lock is never left stale and nothing has to guess whether its owner still runs. The
//! file itself stays, empty: removing it would let one window lock a new file under the name
//! while another still held the old one. It is opened never through a symbolic link and must be
//! a regular file.

use std::fs::{File, OpenOptions, TryLockError};
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How often a held lock is tried again while waiting for it.
const RETRY: Duration = Duration::from_millis(5);

/// A held lock; dropping it (closing the file) lets it go.
#[derive(Debug)]
pub(super) struct Lock {
    _file: File,
}

/// The lock file of the state file `path`: `NAME.lock` beside it.
pub(super) fn lock_path(path: &Path) -> PathBuf {
    PathBuf::from(format!("{}.lock", path.display()))
}

/// Opens (creating it, mode 0600) the lock file, never through a symbolic link, never blocking
/// on a named pipe, and refuses anything but a regular file.
fn open_lock_file(lock: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600).custom_flags(
            (rustix::fs::OFlags::NOFOLLOW
                | rustix::fs::OFlags::CLOEXEC
                | rustix::fs::OFlags::NONBLOCK)
                .bits() as i32,
        );
    }
    let file = options.open(lock)?;
    if !file.metadata()?.is_file() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "the lock file is not a regular file",
        ));
    }
    Ok(file)
}

impl Lock {
    /// Takes the lock of the state file `path`, waiting at most `wait`; `Err(None)` if another
    /// process holds it all that time, `Err(Some(error))` if it cannot be taken at all.
    pub(super) fn acquire(path: &Path, wait: Duration) -> Result<Self, Option<io::Error>> {
        let file = open_lock_file(&lock_path(path)).map_err(Some)?;
        let start = Instant::now();
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(Self { _file: file }),
                Err(TryLockError::WouldBlock) if start.elapsed() < wait => {
                    std::thread::sleep(RETRY);
                }
                Err(TryLockError::WouldBlock) => return Err(None),
                Err(TryLockError::Error(error)) => return Err(Some(error)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_holder_at_a_time_and_a_dropped_lock_is_free_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let notes = dir.path().join("essai.notes.toml");
        let first = Lock::acquire(&notes, Duration::ZERO).unwrap();
        let wait = Duration::from_millis(50);
        assert!(matches!(Lock::acquire(&notes, wait), Err(None)));
        drop(first);
        let again = Lock::acquire(&notes, Duration::ZERO);
        assert!(again.is_ok(), "{again:?}");
        assert!(lock_path(&notes).is_file(), "the lock file stays");
    }

    #[cfg(unix)]
    #[test]
    fn a_lock_file_that_is_a_link_or_a_folder_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let notes = dir.path().join("essai.notes.toml");
        let elsewhere = dir.path().join("elsewhere");
        std::fs::write(&elsewhere, "keep").unwrap();
        std::os::unix::fs::symlink(&elsewhere, lock_path(&notes)).unwrap();
        assert!(matches!(
            Lock::acquire(&notes, Duration::ZERO),
            Err(Some(_))
        ));
        std::fs::remove_file(lock_path(&notes)).unwrap();
        std::fs::create_dir(lock_path(&notes)).unwrap();
        assert!(matches!(
            Lock::acquire(&notes, Duration::ZERO),
            Err(Some(_))
        ));
        assert_eq!(std::fs::read_to_string(&elsewhere).unwrap(), "keep");
    }
}

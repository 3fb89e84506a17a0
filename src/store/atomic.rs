//! Atomic writes: a temporary file beside the target, renamed over it; and the clean-up of
//! temporary files a killed save left behind.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime};

use crate::files::{create_new, write_target};
use crate::i18n::Lang;

/// Temporary files of a save older than this were left by a process killed while saving.
const OLD_TEMPORARY: Duration = Duration::from_secs(3600);

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
pub(super) fn remove_old_temporaries(path: &Path) {
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

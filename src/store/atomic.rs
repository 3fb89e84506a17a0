//! Atomic writes: a temporary file beside the target, renamed over it; and the clean-up of
//! temporary files a killed save left behind.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::Path;
use std::time::{Duration, SystemTime};

use crate::files::write_target;
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

/// Writes `bytes` to `path` atomically: a temporary file in the same directory
/// (`.NAME.tmp-XXXXXX`, [`tempfile::Builder`]), then renamed over `path`
/// ([`tempfile::NamedTempFile::persist`]); on any error the temporary file is removed. With
/// [`Durability::Durable`], the file is synced before the rename and the directory after it, so
/// that the rename itself survives a power cut.
///
/// Safety: a symbolic link at `path` (a notes file kept with dotfiles) is written through, to its
/// target, only if that is a regular file of this user ([`write_target`]); the temporary file is
/// created exclusively (`O_CREAT | O_EXCL`, so never through a link someone left in its place),
/// private (mode 0600), or with the permissions of the file it replaces (an author's
/// `annotations.toml` stays readable by others).
pub fn write_atomic(path: &Path, bytes: &[u8], durability: Durability) -> io::Result<()> {
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
    let prefix = temporary_prefix(&name);
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix);
    if let Ok(meta) = fs::metadata(path) {
        builder.permissions(meta.permissions());
    }
    let mut file = builder.tempfile_in(dir)?;
    file.write_all(bytes)?;
    if durability == Durability::Durable {
        file.as_file().sync_all()?;
    }
    file.persist(path).map_err(|e| e.error)?;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_write_replaces_the_file_whole_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("sub").join("essai.notes.toml");
        write_atomic(&file, b"un", Durability::Durable).unwrap();
        write_atomic(&file, b"deux", Durability::Atomic).unwrap();
        assert_eq!(fs::read(&file).unwrap(), b"deux");
        let names: Vec<String> = fs::read_dir(file.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, vec!["essai.notes.toml"]);
    }

    #[cfg(unix)]
    #[test]
    fn a_new_file_is_private_and_a_replaced_one_keeps_its_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let notes = dir.path().join("essai.notes.toml");
        write_atomic(&notes, b"x", Durability::Durable).unwrap();
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&notes), 0o600);
        // An author's annotations.toml, rewritten by `glose check --fix`, stays readable.
        let annotations = dir.path().join("annotations.toml");
        fs::write(&annotations, "avant").unwrap();
        fs::set_permissions(&annotations, fs::Permissions::from_mode(0o644)).unwrap();
        write_atomic(&annotations, b"apres", Durability::Durable).unwrap();
        assert_eq!(mode(&annotations), 0o644);
        assert_eq!(fs::read(&annotations).unwrap(), b"apres");
    }

    #[test]
    fn a_failed_write_leaves_the_old_file_and_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        // The target is a folder: the rename fails, the folder and its contents stay.
        let target = dir.path().join("essai.notes.toml");
        fs::create_dir(&target).unwrap();
        fs::write(target.join("inside"), "gardé").unwrap();
        assert!(write_atomic(&target, b"x", Durability::Durable).is_err());
        assert_eq!(fs::read_to_string(target.join("inside")).unwrap(), "gardé");
        let left = fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(left, 1, "no temporary file left behind");
    }
}

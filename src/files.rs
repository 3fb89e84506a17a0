//! Reading and creating glose's own files safely: the guards every state, settings and link file
//! goes through.
//!
//! - [`read_regular`] reads a file only if it is a regular file (after following links) within a
//!   size limit, checked on the opened handle before reading: a named pipe never blocks (it is
//!   opened non-blocking, then refused), a device such as `/dev/zero` is refused before a byte is
//!   read, and at most `limit + 1` bytes are ever read.
//! - [`create_new`] creates a file that did not exist, never through a symbolic link
//!   (`O_CREAT | O_EXCL | O_NOFOLLOW`), private to the user (mode 0600).
//! - [`Refused`] says in plain words, in both languages, why a file was not used.
//!
//! No `unsafe`: the flags come from `rustix` and go through `OpenOptionsExt::custom_flags`.

use crate::i18n::cli as msg;
use std::fs::{File, OpenOptions};
use std::io::{self, Read};
use std::path::Path;

use crate::i18n::Lang;

/// Why a file was not read or written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
    /// There is nothing at the path.
    Missing,
    /// A folder is where the file should be.
    Folder,
    /// A named pipe (FIFO): reading it would wait for a writer.
    Pipe,
    /// A device, such as `/dev/zero`.
    Device,
    /// A socket, or anything else that is not a regular file.
    Special,
    /// Over the size limit (in bytes).
    TooLarge(u64),
    /// It belongs to another user (their id).
    Foreign(u32),
    /// A symbolic link whose target is not a regular file of this user.
    BadLinkTarget,
    /// The system does not let this user read or write it.
    Denied,
    /// Left alone for the rest of the session (it could not be read safely when glose opened).
    LeftAlone,
    /// Any other error from the system, in its own words (without the error number).
    Io(String),
}

impl Refused {
    /// The reason in a few plain words, e.g. "it is a named pipe, not a regular file".
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            Self::Missing => msg::does_not_exist(lang).to_owned(),
            Self::Folder => msg::folder_not_file(lang).to_owned(),
            Self::Pipe => msg::named_pipe_not_regular_file(lang).to_owned(),
            Self::Device => msg::device_not_regular_file(lang).to_owned(),
            Self::Special => msg::not_regular_file(lang).to_owned(),
            Self::TooLarge(limit) => msg::larger_than(lang, &size_words(*limit, lang)),
            Self::Foreign(uid) => msg::belongs_another_user_user_id(lang, &uid),
            Self::BadLinkTarget => msg::link_something_not_regular_file(lang).to_owned(),
            Self::Denied => msg::permission_denied(lang).to_owned(),
            Self::LeftAlone => msg::file_left_untouched_session(lang).to_owned(),
            Self::Io(message) => message.clone(),
        }
    }

    /// From a system error, in our style: lower case, no error number.
    pub fn from_io(error: &io::Error) -> Self {
        match error.kind() {
            io::ErrorKind::NotFound => Self::Missing,
            io::ErrorKind::IsADirectory => Self::Folder,
            io::ErrorKind::PermissionDenied => Self::Denied,
            _ => Self::Io(io_words(error)),
        }
    }
}

/// A size in words, in the language's units: "8 MiB", "64 KiB" (French: "8 Mio", "64 Kio").
/// Every size a message shows goes through here.
pub fn size_words(bytes: u64, lang: Lang) -> String {
    if bytes >= 1024 * 1024 {
        msg::mebibytes(lang, &(bytes / (1024 * 1024)))
    } else {
        msg::kibibytes(lang, &bytes.div_ceil(1024))
    }
}

/// A system error in our style: the message without " (os error N)", lower case first letter.
pub fn io_words(error: &io::Error) -> String {
    let message = error.to_string();
    let message = message.split(" (os error").next().unwrap_or(&message);
    let mut chars = message.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_lowercase().chain(chars).collect::<String>()
    })
}

/// What kind of thing the metadata describes, if it is not a regular file.
fn not_regular(meta: &std::fs::Metadata) -> Option<Refused> {
    let kind = meta.file_type();
    if kind.is_file() {
        return None;
    }
    if kind.is_dir() {
        return Some(Refused::Folder);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return Some(Refused::Pipe);
        }
        if kind.is_char_device() || kind.is_block_device() {
            return Some(Refused::Device);
        }
    }
    Some(Refused::Special)
}

/// Opens `path` for reading without ever blocking on it (a named pipe with no writer).
pub fn open_for_reading(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32);
    }
    options.open(path)
}

/// Reads `path` whole if it is a regular file (after following links) of at most `limit` bytes.
///
/// The checks are made on the opened file, so the path cannot be swapped between check and
/// read; a file that grows while it is read is cut at `limit + 1` bytes and refused.
pub fn read_regular(path: &Path, limit: u64) -> Result<Vec<u8>, Refused> {
    // A quick look first, so a pipe or a device is refused without even being opened.
    match std::fs::metadata(path) {
        Ok(meta) => {
            if let Some(refused) = not_regular(&meta) {
                return Err(refused);
            }
            if meta.len() > limit {
                return Err(Refused::TooLarge(limit));
            }
        }
        Err(error) => return Err(Refused::from_io(&error)),
    }
    let file = open_for_reading(path).map_err(|e| Refused::from_io(&e))?;
    let meta = file.metadata().map_err(|e| Refused::from_io(&e))?;
    if let Some(refused) = not_regular(&meta) {
        return Err(refused);
    }
    if meta.len() > limit {
        return Err(Refused::TooLarge(limit));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0) + 1);
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Refused::from_io(&e))?;
    if bytes.len() as u64 > limit {
        return Err(Refused::TooLarge(limit));
    }
    Ok(bytes)
}

/// Creates `path`, which must not exist, for writing: never through a symbolic link (even a
/// dangling one), mode 0600.
pub fn create_new(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600).custom_flags(
            (rustix::fs::OFlags::NOFOLLOW | rustix::fs::OFlags::CLOEXEC).bits() as i32,
        );
    }
    options.open(path)
}

/// The current user's id (`None` where there are no user ids).
pub fn my_uid() -> Option<u32> {
    #[cfg(unix)]
    {
        Some(rustix::process::geteuid().as_raw())
    }
    #[cfg(not(unix))]
    {
        None
    }
}

/// The owner of a file, where there are owners.
pub fn owner(meta: &std::fs::Metadata) -> Option<u32> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        Some(meta.uid())
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        None
    }
}

/// Where writing to `path` must really go: `path` itself, or, when it is a symbolic link (a
/// notes file kept with dotfiles), its final target, provided that target is a regular file
/// owned by this user. A dangling link or a link to anything else is refused.
pub fn write_target(path: &Path) -> Result<std::path::PathBuf, Refused> {
    match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => {
            let target = std::fs::canonicalize(path).map_err(|_| Refused::BadLinkTarget)?;
            let meta = std::fs::symlink_metadata(&target).map_err(|_| Refused::BadLinkTarget)?;
            if !meta.file_type().is_file() {
                return Err(Refused::BadLinkTarget);
            }
            match (owner(&meta), my_uid()) {
                (Some(owner), Some(me)) if owner != me => Err(Refused::BadLinkTarget),
                _ => Ok(target),
            }
        }
        _ => Ok(path.to_owned()),
    }
}

/// Cuts `text` to its first line and at most `max` characters (with `…` when cut), for an error
/// message that quotes a value the reader wrote.
pub fn snippet(text: &str, max: usize) -> String {
    let mut lines = text.lines();
    let line = lines.next().unwrap_or("");
    let mut out: String = line.chars().take(max).collect();
    if lines.next().is_some() || line.chars().count() > max {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_regular_files_within_the_limit_are_read() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.toml");
        std::fs::write(&file, "x = 1\n").unwrap();
        assert_eq!(read_regular(&file, 100).unwrap(), b"x = 1\n");
        assert_eq!(read_regular(&file, 3), Err(Refused::TooLarge(3)));
        assert_eq!(read_regular(dir.path(), 100), Err(Refused::Folder));
        assert_eq!(
            read_regular(&dir.path().join("none"), 100),
            Err(Refused::Missing)
        );
        #[cfg(unix)]
        {
            assert_eq!(
                read_regular(Path::new("/dev/zero"), 100),
                Err(Refused::Device)
            );
            let link = dir.path().join("link");
            std::os::unix::fs::symlink(&file, &link).unwrap();
            assert_eq!(
                read_regular(&link, 100).unwrap(),
                b"x = 1\n",
                "links are followed"
            );
        }
        assert!(Refused::Pipe.describe(Lang::Fr).contains("tube nommé"));
        assert_eq!(
            Refused::TooLarge(8 << 20).describe(Lang::En),
            "it is larger than 8 MiB"
        );
        assert_eq!(
            Refused::TooLarge(8 << 20).describe(Lang::Fr),
            "il dépasse 8 Mio"
        );
        assert_eq!(size_words(1000, Lang::Fr), "1 Kio");
        assert_eq!(size_words(1000, Lang::En), "1 KiB");
    }

    #[cfg(unix)]
    #[test]
    fn a_new_file_is_never_created_through_a_link() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        std::fs::write(&victim, "keep").unwrap();
        let link = dir.path().join("link");
        std::os::unix::fs::symlink(&victim, &link).unwrap();
        assert!(create_new(&link).is_err());
        let dangling = dir.path().join("dangling");
        std::os::unix::fs::symlink(dir.path().join("nowhere"), &dangling).unwrap();
        assert!(create_new(&dangling).is_err());
        assert!(!dir.path().join("nowhere").exists());
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep");
        use std::os::unix::fs::PermissionsExt;
        let fresh = dir.path().join("fresh");
        drop(create_new(&fresh).unwrap());
        let mode = std::fs::metadata(&fresh).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    #[test]
    fn snippets_are_one_short_line() {
        assert_eq!(snippet("abc", 10), "abc");
        assert_eq!(snippet("abc\ndef", 10), "abc…");
        assert_eq!(snippet(&"x".repeat(300), 200).chars().count(), 201);
    }
}

//! The link's private runtime folder: which folders are tried, why one is refused, and the
//! handle every file of the link is created, read, locked and removed through (never a path
//! that could be swapped for a link).

use std::path::{Path, PathBuf};

use crate::i18n::Lang;
use crate::i18n::links as msg;
use crate::text::sanitize::clean_line;

/// Why a folder cannot be the link's runtime folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DirProblem {
    /// Something other than a folder is at that path.
    NotAFolder,
    /// It is a symbolic link (it could point anywhere, and be changed at any time).
    Link,
    /// It belongs to another user (their id).
    Foreign(u32),
    /// Other users can enter it (its mode).
    Open(u32),
    /// It could not be created or opened (the system's words).
    Io(String),
}

impl DirProblem {
    /// The reason in plain words.
    pub fn describe(&self, lang: Lang) -> String {
        match (self, lang) {
            (Self::NotAFolder, _) => msg::not_folder(lang).to_owned(),
            (Self::Link, _) => msg::symbolic_link(lang).to_owned(),
            (Self::Foreign(uid), _) => crate::i18n::cli::belongs_another_user_user_id(lang, uid),
            (Self::Open(mode), _) => msg::others_can_open(lang, &format!("{mode:o}")),
            (Self::Io(message), _) => message.clone(),
        }
    }
}

/// No private runtime folder could be found: every folder tried, and why it was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoRuntimeDir {
    pub tried: Vec<(PathBuf, DirProblem)>,
}

impl NoRuntimeDir {
    /// The message for stderr: each folder tried, why, and what to do.
    pub fn message(&self, lang: Lang) -> String {
        let mut out = String::from(msg::no_private_folder_talk_presenter(lang));
        for (path, problem) in &self.tried {
            out.push_str(&format!(
                "\n  '{}'{}{}",
                clean_line(&path.display().to_string()),
                lang.colon(),
                problem.describe(lang)
            ));
        }
        out.push_str(msg::nremove_folder_set_glose_runtime(lang));
        out
    }
}

/// The folders to try for the link, in order: `GLOSE_RUNTIME_DIR` alone when it is set; else
/// `$XDG_RUNTIME_DIR/glose` (or `$TMPDIR/glose-$USER`), then `$TMPDIR/glose-<uid>`.
pub fn candidates(env: impl Fn(&str) -> Option<std::ffi::OsString>, temp: &Path) -> Vec<PathBuf> {
    let set = |name: &str| env(name).filter(|v| !v.is_empty());
    if let Some(dir) = set("GLOSE_RUNTIME_DIR") {
        return vec![PathBuf::from(dir)];
    }
    let first = match set("XDG_RUNTIME_DIR") {
        Some(runtime) if Path::new(&runtime).is_dir() => Path::new(&runtime).join("glose"),
        _ => {
            let user = set("USER")
                .or_else(|| set("LOGNAME"))
                .map_or_else(|| "user".to_owned(), |u| u.to_string_lossy().into_owned());
            let user: String = user
                .chars()
                .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
                .collect();
            temp.join(format!("glose-{user}"))
        }
    };
    let mut out = vec![first];
    if let Some(uid) = crate::files::my_uid() {
        let fallback = temp.join(format!("glose-{uid}"));
        if !out.contains(&fallback) {
            out.push(fallback);
        }
    }
    out
}

/// The link's folder, created private if needed: the first of [`candidates`] that is a real
/// folder of this user that nobody else can enter, opened and checked through its handle.
pub fn runtime_dir() -> Result<RuntimeDir, NoRuntimeDir> {
    let mut tried = Vec::new();
    for dir in candidates(|name| std::env::var_os(name), &std::env::temp_dir()) {
        match RuntimeDir::open(&dir) {
            Ok(runtime) => return Ok(runtime),
            Err(problem) => tried.push((dir, problem)),
        }
    }
    Err(NoRuntimeDir { tried })
}

/// A private folder for the link, held open: files in it are created, read and renamed
/// relative to this handle (`openat`), never through a path that could be swapped.
#[derive(Debug)]
pub struct RuntimeDir {
    pub path: PathBuf,
    #[cfg(unix)]
    fd: rustix::fd::OwnedFd,
}

#[cfg(unix)]
impl RuntimeDir {
    /// Creates `dir` with mode 0700 if it is not there, then opens it without following a link
    /// and checks, on the open handle, that it is a folder of this user that nobody else can
    /// enter.
    pub fn open(dir: &Path) -> Result<Self, DirProblem> {
        use rustix::fs::{Mode, OFlags};
        use std::os::unix::fs::DirBuilderExt;
        if let Err(error) = std::fs::DirBuilder::new().mode(0o700).create(dir)
            && error.kind() != std::io::ErrorKind::AlreadyExists
        {
            return Err(DirProblem::Io(crate::files::io_words(&error)));
        }
        match std::fs::symlink_metadata(dir) {
            Ok(meta) if meta.file_type().is_symlink() => return Err(DirProblem::Link),
            Ok(meta) if !meta.is_dir() => return Err(DirProblem::NotAFolder),
            Ok(_) => {}
            Err(error) => return Err(DirProblem::Io(crate::files::io_words(&error))),
        }
        let fd = rustix::fs::open(
            dir,
            OFlags::RDONLY | OFlags::DIRECTORY | OFlags::NOFOLLOW | OFlags::CLOEXEC,
            Mode::empty(),
        )
        .map_err(|e| match e {
            rustix::io::Errno::LOOP => DirProblem::Link,
            rustix::io::Errno::NOTDIR => DirProblem::NotAFolder,
            e => DirProblem::Io(crate::files::io_words(&std::io::Error::from(e))),
        })?;
        let stat = rustix::fs::fstat(&fd)
            .map_err(|e| DirProblem::Io(crate::files::io_words(&std::io::Error::from(e))))?;
        if rustix::fs::FileType::from_raw_mode(stat.st_mode) != rustix::fs::FileType::Directory {
            return Err(DirProblem::NotAFolder);
        }
        let me = rustix::process::geteuid().as_raw();
        if stat.st_uid != me {
            return Err(DirProblem::Foreign(stat.st_uid));
        }
        let mode = stat.st_mode & 0o7777;
        if mode & 0o077 != 0 {
            return Err(DirProblem::Open(mode));
        }
        Ok(Self {
            path: dir.to_owned(),
            fd,
        })
    }

    /// Replaces the file `name` with `bytes`: a new file created exclusively (never through a
    /// link), then renamed over the old one, both relative to the folder's handle.
    pub fn write(&self, name: &str, bytes: &[u8]) -> std::io::Result<()> {
        use rustix::fs::{AtFlags, Mode, OFlags};
        use std::io::Write;
        let temporary = format!(".{name}.{}.tmp", std::process::id());
        let _ = rustix::fs::unlinkat(&self.fd, temporary.as_str(), AtFlags::empty());
        let fd = rustix::fs::openat(
            &self.fd,
            temporary.as_str(),
            OFlags::WRONLY | OFlags::CREATE | OFlags::EXCL | OFlags::NOFOLLOW | OFlags::CLOEXEC,
            Mode::from_raw_mode(0o600),
        )?;
        let mut file = std::fs::File::from(fd);
        let written = file.write_all(bytes);
        drop(file);
        let result = written.and_then(|()| {
            rustix::fs::renameat(&self.fd, temporary.as_str(), &self.fd, name)
                .map_err(std::io::Error::from)
        });
        if result.is_err() {
            let _ = rustix::fs::unlinkat(&self.fd, temporary.as_str(), AtFlags::empty());
        }
        result
    }

    /// Reads the file `name` if it is a regular file (not a link) of at most `limit` bytes.
    pub fn read(&self, name: &str, limit: usize) -> Option<Vec<u8>> {
        use rustix::fs::{Mode, OFlags};
        use std::io::Read;
        let fd = rustix::fs::openat(
            &self.fd,
            name,
            OFlags::RDONLY | OFlags::NOFOLLOW | OFlags::NONBLOCK | OFlags::CLOEXEC,
            Mode::empty(),
        )
        .ok()?;
        let file = std::fs::File::from(fd);
        let meta = file.metadata().ok()?;
        if !meta.is_file() || meta.len() > limit as u64 {
            return None;
        }
        let mut bytes = Vec::new();
        file.take(limit as u64 + 1).read_to_end(&mut bytes).ok()?;
        (bytes.len() <= limit).then_some(bytes)
    }

    /// Removes the file `name` (not what a link of that name points to).
    pub fn remove(&self, name: &str) {
        let _ = rustix::fs::unlinkat(&self.fd, name, rustix::fs::AtFlags::empty());
    }

    /// Opens the regular file `name` to lock it, created empty (mode 0600) when `create` and
    /// it is not there; never through a link.
    pub fn open_lock(&self, name: &str, create: bool) -> Option<std::fs::File> {
        use rustix::fs::{Mode, OFlags};
        let create = if create {
            OFlags::CREATE
        } else {
            OFlags::empty()
        };
        let fd = rustix::fs::openat(
            &self.fd,
            name,
            OFlags::RDWR | create | OFlags::NOFOLLOW | OFlags::NONBLOCK | OFlags::CLOEXEC,
            Mode::from_raw_mode(0o600),
        )
        .ok()?;
        let file = std::fs::File::from(fd);
        file.metadata().ok()?.is_file().then_some(file)
    }

    /// Runs `f` holding the folder's exclusive lock (`flock` on its handle), which every
    /// presenter takes the same way around its changes to a shared file. It is held only for a
    /// write and a rename, or a read and a removal, and released even by a process that is
    /// killed; where the system gives no lock, `f` runs anyway.
    pub fn locked<T>(&self, f: impl FnOnce() -> T) -> T {
        use rustix::fs::{FlockOperation, flock};
        let held = flock(&self.fd, FlockOperation::LockExclusive).is_ok();
        let out = f();
        if held {
            let _ = flock(&self.fd, FlockOperation::Unlock);
        }
        out
    }
}

#[cfg(not(unix))]
impl RuntimeDir {
    pub fn open(_dir: &Path) -> Result<Self, DirProblem> {
        Err(DirProblem::Io("not supported on this platform".to_owned()))
    }
}

//! The sockets of the link (Unix only): the presenter's [`Publisher`], which never blocks, and
//! the notes window's [`Listener`].

use std::io::ErrorKind;
use std::os::unix::net::UnixDatagram;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::{
    Announcement, MAX_MESSAGE, NoRuntimeDir, RuntimeDir, STALE_AFTER, age, live_name, register,
    unregister,
};
use crate::i18n::Lang;
use crate::i18n::links as msg;
use crate::text::sanitize::clean_line;

/// The presenter's end: sends to every notes window of the article, never blocking.
#[derive(Debug)]
pub struct Publisher {
    socket: UnixDatagram,
    dir: RuntimeDir,
    key: String,
    last: Option<Announcement>,
    /// `<key>-<pid>.live`, locked for as long as this presenter runs (`None` when the system
    /// gives no lock: windows then look at the process id alone).
    live: Option<std::fs::File>,
}

impl Publisher {
    /// A publisher for the article `key`, or `None` when the link cannot work here (the
    /// presenter then simply runs without it).
    pub fn new(key: &str) -> Option<Self> {
        Self::with_dir(super::runtime_dir().ok()?, key)
    }

    /// A publisher using `dir` as the link's directory (`None` if it is not private).
    pub fn in_dir(dir: PathBuf, key: &str) -> Option<Self> {
        Self::with_dir(RuntimeDir::open(&dir).ok()?, key)
    }

    fn with_dir(dir: RuntimeDir, key: &str) -> Option<Self> {
        let socket = UnixDatagram::unbound().ok()?;
        socket.set_nonblocking(true).ok()?;
        // Locked before any state names this process.
        let live_name = live_name(key, std::process::id());
        let live = dir
            .open_lock(&live_name, true)
            .filter(|file| file.try_lock().is_ok());
        if live.is_some() {
            register(&dir.path.join(&live_name));
        }
        Some(Self {
            socket,
            dir,
            key: key.to_owned(),
            last: None,
            live,
        })
    }

    /// Sends `message` to every listening window and saves it as the latest state (the caller
    /// publishes only what changed: `Effect::Publish`). Errors are ignored; a socket nobody
    /// listens on any more is removed.
    ///
    /// A state of another session than the last one sent (`n` started a new session, `r`
    /// resumed an earlier one) first says goodbye for the session that ended: one presenter is
    /// never seen as two.
    pub fn publish(&mut self, message: Announcement) {
        if let (Announcement::State(new), Some(Announcement::State(old))) = (message, self.last)
            && new.session != old.session
        {
            self.send(Announcement::Bye {
                session: old.session,
            });
        }
        self.send(message);
    }

    fn send(&mut self, message: Announcement) {
        let wire = message.encode_from(&self.key, std::process::id());
        let state_name = format!("{}.state", self.key);
        let state_file = self.dir.path.join(&state_name);
        match message {
            Announcement::State(_) => {
                let written = self
                    .dir
                    .locked(|| self.dir.write(&state_name, wire.as_bytes()));
                if written.is_ok() {
                    register(&state_file);
                }
            }
            Announcement::Bye { session } => {
                // Only this session's state goes: another presenter may have written since.
                self.dir.locked(|| {
                    let mine = self
                        .dir
                        .read(&state_name, MAX_MESSAGE)
                        .and_then(|bytes| Announcement::decode_from(&bytes, &self.key))
                        .is_some_and(|(saved, pid)| {
                            pid == Some(std::process::id())
                                && matches!(saved, Announcement::State(s) if s.session == session)
                        });
                    if mine {
                        self.dir.remove(&state_name);
                    }
                });
                unregister(&state_file);
            }
        }
        let prefix = format!("{}-", self.key);
        let Ok(entries) = std::fs::read_dir(&self.dir.path) else {
            return;
        };
        for entry in entries.flatten() {
            let name = entry.file_name();
            let Some(name) = name.to_str() else {
                continue;
            };
            if !(name.starts_with(&prefix) && name.ends_with(".sock")) {
                continue;
            }
            // Only sockets: `send_to` on anything else fails anyway, and a link is skipped.
            if !entry.file_type().is_ok_and(|t| {
                use std::os::unix::fs::FileTypeExt;
                t.is_socket()
            }) {
                continue;
            }
            let path = entry.path();
            if let Err(error) = self.socket.send_to(wire.as_bytes(), &path)
                && error.kind() == ErrorKind::ConnectionRefused
            {
                // A window that died without cleaning up.
                self.dir.remove(name);
            }
        }
        self.last = Some(message);
    }

    /// The last message published.
    pub fn last(&self) -> Option<Announcement> {
        self.last
    }
}

impl Drop for Publisher {
    fn drop(&mut self) {
        if let Some(Announcement::State(state)) = self.last {
            self.publish(Announcement::Bye {
                session: state.session,
            });
        }
        if self.live.take().is_some() {
            let name = live_name(&self.key, std::process::id());
            self.dir.remove(&name);
            unregister(&self.dir.path.join(name));
        }
    }
}

/// Why a notes window cannot listen for a presenter.
#[derive(Debug)]
pub enum ListenError {
    /// No private runtime folder.
    Folder(NoRuntimeDir),
    /// The socket could not be made.
    Socket(PathBuf, std::io::Error),
}

impl ListenError {
    /// The message for stderr.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Self::Folder(problem) => problem.message(lang),
            Self::Socket(path, error) => msg::cannot_create(
                lang,
                &clean_line(&path.display().to_string()),
                &crate::files::io_words(error),
            ),
        }
    }
}

/// A notes window's end: its own socket, removed when dropped.
#[derive(Debug)]
pub struct Listener {
    socket: UnixDatagram,
    path: PathBuf,
    dir: Arc<RuntimeDir>,
    key: String,
    /// The handle that bound the socket (and removes it when dropped).
    owner: bool,
}

impl Listener {
    /// Binds this window's socket for the article `key`.
    pub fn bind(key: &str) -> Result<Self, ListenError> {
        let dir = super::runtime_dir().map_err(ListenError::Folder)?;
        Self::bind_to(dir, key)
    }

    /// Binds this window's socket in `dir`.
    pub fn bind_in(dir: PathBuf, key: &str) -> Result<Self, ListenError> {
        let runtime = RuntimeDir::open(&dir).map_err(|problem| {
            ListenError::Folder(NoRuntimeDir {
                tried: vec![(dir.clone(), problem)],
            })
        })?;
        Self::bind_to(runtime, key)
    }

    fn bind_to(dir: RuntimeDir, key: &str) -> Result<Self, ListenError> {
        let name = format!("{key}-{}.sock", std::process::id());
        let path = dir.path.join(&name);
        // A socket left by an earlier process with this id (never a link's target).
        dir.remove(&name);
        let socket = UnixDatagram::bind(&path).map_err(|e| ListenError::Socket(path.clone(), e))?;
        register(&path);
        Ok(Self {
            socket,
            path,
            dir: Arc::new(dir),
            key: key.to_owned(),
            owner: true,
        })
    }

    /// The state a presenter saved last, if one is running (a state too old to be live is
    /// ignored: see `STALE_AFTER`; so is one whose presenter is known to be gone).
    pub fn saved(&self) -> Option<Announcement> {
        self.saved_from()
            .filter(|(_, pid)| pid.is_none_or(|pid| self.presenter_runs(pid)))
            .map(|(message, _)| message)
    }

    /// The state a presenter saved last, with its process id, whether or not that presenter
    /// still runs. A presenter writes its state only when it changes, so a state of any age
    /// holds while it runs ([`Listener::presenter_runs`]); from a presenter that ended (or one
    /// that does not give its process id), a state older than [`STALE_AFTER`], and not blank
    /// or paused, is ignored.
    pub fn saved_from(&self) -> Option<(Announcement, Option<u32>)> {
        let bytes = self.dir.read(&format!("{}.state", self.key), MAX_MESSAGE)?;
        match Announcement::decode_from(&bytes, &self.key)? {
            (Announcement::State(state), pid)
                if state.blanked
                    || state.paused
                    || age(state.sent_ms) <= STALE_AFTER
                    || pid.is_some_and(|pid| self.presenter_runs(pid)) =>
            {
                Some((Announcement::State(state), pid))
            }
            _ => None,
        }
    }

    /// Whether the presenter process `pid` of this article still runs: it holds the lock on
    /// its `<key>-<pid>.live` file. Not a process that only has that id: a presenter that died
    /// leaves the file unlocked, or none. Where the system gives no locks, the process id
    /// alone decides (`is_running`).
    pub fn presenter_runs(&self, pid: u32) -> bool {
        let Some(file) = self.dir.open_lock(&live_name(&self.key, pid), false) else {
            return false;
        };
        match file.try_lock_shared() {
            // Nobody holds it: the presenter is gone (the lock goes when `file` is closed).
            Ok(()) => false,
            Err(std::fs::TryLockError::WouldBlock) => true,
            Err(std::fs::TryLockError::Error(_)) => super::is_running(pid),
        }
    }

    /// Blocks until a valid message for this article arrives (invalid ones are skipped).
    pub fn recv(&self) -> std::io::Result<Announcement> {
        self.recv_from().map(|(message, _)| message)
    }

    /// Like [`Listener::recv`], with the sender's process id when it gives one.
    pub fn recv_from(&self) -> std::io::Result<(Announcement, Option<u32>)> {
        let mut buf = [0u8; MAX_MESSAGE + 1];
        loop {
            let n = self.socket.recv(&mut buf)?;
            if let Some(message) = buf
                .get(..n)
                .and_then(|b| Announcement::decode_from(b, &self.key))
            {
                return Ok(message);
            }
        }
    }

    /// A second handle on the socket, for a receiving thread.
    pub fn try_clone(&self) -> std::io::Result<Self> {
        Ok(Self {
            socket: self.socket.try_clone()?,
            path: self.path.clone(),
            dir: Arc::clone(&self.dir),
            key: self.key.clone(),
            owner: false,
        })
    }

    /// Makes `recv` give up after `timeout` (`None`: wait for ever).
    pub fn set_read_timeout(&self, timeout: Option<std::time::Duration>) -> std::io::Result<()> {
        self.socket.set_read_timeout(timeout)
    }

    /// Where this window's socket is.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        if self.owner {
            if let Some(name) = self.path.file_name().and_then(|n| n.to_str()) {
                self.dir.remove(name);
            }
            unregister(&self.path);
        }
    }
}

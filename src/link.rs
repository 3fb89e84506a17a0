//! The link between a presenter and facilitator notes windows on the same machine: Unix
//! datagram sockets in a private directory (`$XDG_RUNTIME_DIR/glose/`, else
//! `$TMPDIR/glose-$USER/`, mode 0700; `GLOSE_RUNTIME_DIR` overrides both).
//!
//! The folder is used only if it is a real folder (not a link) owned by this user that nobody
//! else can enter, checked on the handle it is opened with; otherwise `$TMPDIR/glose-<uid>` is
//! tried, and if that is not private either the notes window refuses to start, naming both
//! folders and why (the presenter runs without the link). Every file in it is created with
//! `O_CREAT | O_EXCL | O_NOFOLLOW` relative to that handle and renamed into place, so a folder
//! another user prepared full of links can never make glose write through them.
//!
//! Each notes window binds `<key>-<pid>.sock`, where `<key>` names the article
//! (`Article::text_hash`), so two articles never cross-talk and several windows may follow one
//! presenter. The presenter sends its state to every such socket with non-blocking sends and
//! ignores every error: it never waits on, nor fails because of, a notes window. It speaks only
//! when what the window shows changes (`Effect::Publish`), never once a frame, and keeps its
//! last state in `<key>.state`, so a window opened while the presenter is idle catches up at
//! once. Several presenters of one article share that file: each writes it, and removes it on
//! leaving only if it is still the one that wrote it last, under the folder's lock.
//!
//! A state names its presenter's process id, and the presenter keeps the file
//! `<key>-<pid>.live` locked (`flock`) for as long as it runs: a window trusts a state of any
//! age while that lock is held, and never a process that merely has the same id (a presenter
//! that died, its id given to another process). Messages are one short line of ASCII numbers;
//! anything else is dropped, so nothing received can reach the terminal.

use crate::i18n::links as msg;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use crate::i18n::Lang;
use crate::text::sanitize::clean_line;

/// Largest message accepted, in bytes.
pub const MAX_MESSAGE: usize = 512;
const MAGIC: &str = "glose-tour/1";

/// A presenter's state as the notes window needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PresenterState {
    /// Index into the article's tour.
    pub stop: usize,
    /// Stops in the presenter's tour (a check that both sides read the same tour).
    pub stops: usize,
    /// Milliseconds since the tour started, when sent.
    pub tour_ms: u64,
    /// Milliseconds spent on the current stop, when sent.
    pub stop_ms: u64,
    pub blanked: bool,
    /// The presenter's clocks are paused (`tour_ms`/`stop_ms` do not run on).
    pub paused: bool,
    pub revealed: bool,
    /// Wall-clock time of sending, in milliseconds since the Unix epoch (to age a saved state).
    pub sent_ms: u64,
    /// The presenter session's id: when it opened, in milliseconds since the Unix epoch (0 from
    /// a presenter that does not say). With several presenters, the most recent is followed.
    pub session: u64,
    /// The votes on the current stop's poll so far, with a room (the facilitator sees them
    /// before the room does).
    pub votes: Option<LiveVotes>,
}

/// Most counts a message carries (a poll has at most `content::MAX_CHOICES` answers; a guess
/// is shown in fewer ranges).
pub const MAX_COUNTS: usize = crate::content::MAX_CHOICES;

/// The votes on a poll, as the notes window draws them: `votes=12 counts=3,0,9` (per answer,
/// or per range of a guess) and, for a guess, `median=15050` (in hundredths).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LiveVotes {
    pub answers: u32,
    counts: [u32; MAX_COUNTS],
    len: u8,
    /// The median guess, in hundredths.
    pub median_centi: Option<u64>,
}

impl LiveVotes {
    /// `counts` (the first [`MAX_COUNTS`] of them) out of `answers`.
    pub fn new(answers: usize, counts: &[usize], median: Option<f64>) -> Self {
        let mut out = Self {
            answers: u32::try_from(answers).unwrap_or(u32::MAX),
            median_centi: median
                .filter(|m| m.is_finite() && *m >= 0.0)
                .map(|m| (m * 100.0).round() as u64),
            ..Self::default()
        };
        for (slot, n) in out.counts.iter_mut().zip(counts) {
            *slot = u32::try_from(*n).unwrap_or(u32::MAX);
            out.len += 1;
        }
        out
    }

    /// Per answer (or range), how many.
    pub fn counts(&self) -> &[u32] {
        &self.counts[..usize::from(self.len)]
    }
}

/// What a presenter says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Announcement {
    /// Where the tour is now.
    State(PresenterState),
    /// The presenter of that session closed.
    Bye { session: u64 },
}

impl Announcement {
    /// The wire form: `glose-tour/1 <key> state stop=… stops=… …` or `glose-tour/1 <key> bye`.
    pub fn encode(&self, key: &str) -> String {
        match self {
            Self::Bye { session } => format!("{MAGIC} {key} bye session={session}"),
            Self::State(s) => {
                let mut wire = format!(
                    "{MAGIC} {key} state stop={} stops={} tour_ms={} stop_ms={} blanked={} \
                     revealed={} sent_ms={} session={} paused={}",
                    s.stop,
                    s.stops,
                    s.tour_ms,
                    s.stop_ms,
                    u8::from(s.blanked),
                    u8::from(s.revealed),
                    s.sent_ms,
                    s.session,
                    u8::from(s.paused)
                );
                if let Some(votes) = &s.votes {
                    let counts: Vec<String> = votes.counts().iter().map(u32::to_string).collect();
                    wire.push_str(&format!(
                        " votes={} counts={}",
                        votes.answers,
                        counts.join(",")
                    ));
                    if let Some(median) = votes.median_centi {
                        wire.push_str(&format!(" median={median}"));
                    }
                }
                wire
            }
        }
    }

    /// The wire form with the sender's process id (`pid=…` at the end of a state), so that a
    /// notes window can tell a presenter that died from one that is idle.
    pub fn encode_from(&self, key: &str, pid: u32) -> String {
        match self {
            Self::Bye { .. } => self.encode(key),
            Self::State(_) => format!("{} pid={pid}", self.encode(key)),
        }
    }

    /// Parses a message for the article `key`; `None` for anything else (another article,
    /// another version, a malformed or oversized message).
    pub fn decode(bytes: &[u8], key: &str) -> Option<Self> {
        Self::decode_from(bytes, key).map(|(message, _)| message)
    }

    /// Like [`Announcement::decode`], with the sender's process id when the message gives one.
    pub fn decode_from(bytes: &[u8], key: &str) -> Option<(Self, Option<u32>)> {
        if bytes.len() > MAX_MESSAGE {
            return None;
        }
        let text = std::str::from_utf8(bytes).ok()?;
        let mut words = text.split_ascii_whitespace();
        if words.next()? != MAGIC || words.next()? != key {
            return None;
        }
        match words.next()? {
            "bye" => {
                let session = match words.next() {
                    None => 0,
                    Some(word) => {
                        let value = word.strip_prefix("session=")?;
                        if value.is_empty() || !value.bytes().all(|b| b.is_ascii_digit()) {
                            return None;
                        }
                        value.parse().ok()?
                    }
                };
                words
                    .next()
                    .is_none()
                    .then_some((Self::Bye { session }, None))
            }
            "state" => {
                let mut fields = [None::<u64>; 12];
                const NAMES: [&str; 12] = [
                    "stop", "stops", "tour_ms", "stop_ms", "blanked", "revealed", "sent_ms", "pid",
                    "session", "paused", "votes", "median",
                ];
                let mut counts: Option<Vec<usize>> = None;
                for word in words {
                    let (name, value) = word.split_once('=')?;
                    if name == "counts" {
                        let list = value
                            .split(',')
                            .map(|n| {
                                n.bytes()
                                    .all(|b| b.is_ascii_digit())
                                    .then(|| n.parse().ok())?
                            })
                            .collect::<Option<Vec<usize>>>()?;
                        if counts.is_some() || list.len() > MAX_COUNTS {
                            return None;
                        }
                        counts = Some(list);
                        continue;
                    }
                    let index = NAMES.iter().position(|n| *n == name)?;
                    if value.is_empty() || !value.bytes().all(|b| b.is_ascii_digit()) {
                        return None;
                    }
                    let slot = fields.get_mut(index)?;
                    if slot.is_some() {
                        return None;
                    }
                    *slot = Some(value.parse().ok()?);
                }
                let [
                    stop,
                    stops,
                    tour_ms,
                    stop_ms,
                    blanked,
                    revealed,
                    sent_ms,
                    pid,
                    session,
                    paused,
                    votes,
                    median,
                ] = fields;
                let flag = |v: Option<u64>| match v? {
                    0 => Some(false),
                    1 => Some(true),
                    _ => None,
                };
                let pid = match pid {
                    Some(pid) => Some(u32::try_from(pid).ok()?),
                    None => None,
                };
                let state = PresenterState {
                    stop: usize::try_from(stop?).ok()?,
                    stops: usize::try_from(stops?).ok()?,
                    tour_ms: tour_ms?,
                    stop_ms: stop_ms?,
                    blanked: flag(blanked)?,
                    paused: flag(paused.or(Some(0)))?,
                    revealed: flag(revealed)?,
                    sent_ms: sent_ms?,
                    session: session.unwrap_or(0),
                    votes: match (votes, counts) {
                        (Some(answers), Some(counts)) => {
                            let mut live =
                                LiveVotes::new(usize::try_from(answers).ok()?, &counts, None);
                            live.median_centi = median;
                            Some(live)
                        }
                        (None, None) if median.is_none() => None,
                        _ => return None,
                    },
                };
                Some((Self::State(state), pid))
            }
            _ => None,
        }
    }
}

/// Files this process made for the link (its socket, its state file), removed by
/// `remove_registered_files` when a signal ends the process without running destructors.
static OWN_FILES: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn register(path: &Path) {
    let mut files = OWN_FILES.lock().unwrap_or_else(PoisonError::into_inner);
    if !files.iter().any(|p| p == path) {
        files.push(path.to_owned());
    }
}

fn unregister(path: &Path) {
    OWN_FILES
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .retain(|p| p != path);
}

/// Removes the link's files of this process (for a signal that ends it abruptly); a state
/// file only while it is still this process's (another presenter of the article may have
/// written it since: then it is theirs to keep).
pub fn remove_registered_files() {
    let files = OWN_FILES.lock().unwrap_or_else(PoisonError::into_inner);
    for path in files.iter() {
        if path.extension().is_some_and(|e| e == "state") {
            #[cfg(unix)]
            remove_state_if_mine(path);
        } else {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// Removes the state file `path` if this process wrote it last, under the presenters' lock.
#[cfg(unix)]
fn remove_state_if_mine(path: &Path) {
    let (Some(folder), Some(name)) = (path.parent(), path.file_name().and_then(|n| n.to_str()))
    else {
        return;
    };
    let Some(key) = name.strip_suffix(".state") else {
        return;
    };
    let Ok(dir) = RuntimeDir::open(folder) else {
        return;
    };
    dir.locked(|| {
        let mine = dir
            .read(name, MAX_MESSAGE)
            .and_then(|bytes| Announcement::decode_from(&bytes, key))
            .is_some_and(|(_, pid)| pid == Some(std::process::id()));
        if mine {
            dir.remove(name);
        }
    });
}

/// The file a presenter process of the article `key` keeps locked for as long as it runs:
/// what tells a notes window that the process named in a state is that presenter still, and
/// not a process that got its id after it died.
fn live_name(key: &str, pid: u32) -> String {
    format!("{key}-{pid}.live")
}

/// A saved state older than this, from a presenter whose process is gone or not given, is a
/// presenter that stopped without cleaning up, unless its screen is blank or its clocks paused
/// (`Listener::saved_from`; a running presenter rewrites its state only when it changes).
pub const STALE_AFTER: Duration = Duration::from_secs(3);

/// Milliseconds since the Unix epoch now (0 if the system clock is before it).
pub fn unix_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
}

/// How old a message sent at `sent_ms` is now (zero if it claims to come from the future).
pub fn age(sent_ms: u64) -> Duration {
    Duration::from_millis(unix_ms().saturating_sub(sent_ms))
}

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

/// Whether the process `pid` still runs (a process of another user that exists counts). A
/// zombie, dead but not yet reaped by its parent (a presenter killed under a program that does
/// not wait for it), does not run: on Linux its state in `/proc` says so.
#[cfg(unix)]
pub fn is_running(pid: u32) -> bool {
    let Some(process) = i32::try_from(pid)
        .ok()
        .and_then(rustix::process::Pid::from_raw)
    else {
        return false;
    };
    if matches!(
        rustix::process::test_kill_process(process),
        Err(rustix::io::Errno::SRCH)
    ) {
        return false;
    }
    !is_zombie(pid)
}

/// Whether `/proc/PID/stat` gives the process's state as dead (`Z` zombie, `X` dead).
#[cfg(target_os = "linux")]
fn is_zombie(pid: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .ok()
        .and_then(|stat| {
            // `pid (command) S …`: the command may hold spaces and parentheses.
            let after = &stat[stat.rfind(')')? + 1..];
            after.split_ascii_whitespace().next().map(str::to_owned)
        })
        .is_some_and(|state| state == "Z" || state == "X")
}

#[cfg(all(unix, not(target_os = "linux")))]
fn is_zombie(_pid: u32) -> bool {
    false
}

#[cfg(not(unix))]
pub fn is_running(_pid: u32) -> bool {
    true
}

#[cfg(unix)]
pub use unix::{ListenError, Listener, Publisher};

#[cfg(unix)]
mod unix;

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &str = "0123456789abcdef";

    fn state() -> PresenterState {
        PresenterState {
            stop: 3,
            stops: 12,
            tour_ms: 754_000,
            stop_ms: 65_500,
            blanked: false,
            paused: false,
            revealed: true,
            sent_ms: 1_700_000_000_000,
            session: 1_699_999_000_000,
            votes: None,
        }
    }

    #[test]
    fn messages_round_trip() {
        for message in [
            Announcement::State(state()),
            Announcement::Bye { session: 0 },
            Announcement::Bye { session: 12 },
        ] {
            let wire = message.encode(KEY);
            assert_eq!(Announcement::decode(wire.as_bytes(), KEY), Some(message));
        }
    }

    #[test]
    fn the_live_votes_of_a_poll_round_trip() {
        let choices = PresenterState {
            votes: Some(LiveVotes::new(12, &[3, 0, 9], None)),
            ..state()
        };
        let guess = PresenterState {
            votes: Some(LiveVotes::new(4, &[2, 1, 0, 0, 1], Some(150.5))),
            ..state()
        };
        for sent in [choices, guess] {
            let wire = Announcement::State(sent).encode(KEY);
            assert_eq!(
                Announcement::decode(wire.as_bytes(), KEY),
                Some(Announcement::State(sent)),
                "{wire}"
            );
        }
        let wire = Announcement::State(guess).encode(KEY);
        assert!(
            wire.ends_with(" votes=4 counts=2,1,0,0,1 median=15050"),
            "{wire}"
        );
        assert_eq!(guess.votes.unwrap().counts(), &[2, 1, 0, 0, 1]);
        // Ten counts or more, a count that is not a number, counts without votes: dropped.
        for bad in [
            wire.replace("counts=2,1,0,0,1", "counts=1,1,1,1,1,1,1,1,1,1"),
            wire.replace("counts=2,1", "counts=2,-1"),
            wire.replace("counts=2,1", "counts=2,,1"),
            wire.replace(" votes=4", ""),
            wire.replace(" counts=2,1,0,0,1", ""),
            format!("{wire} counts=1"),
        ] {
            assert_eq!(Announcement::decode(bad.as_bytes(), KEY), None, "{bad}");
        }
    }

    #[test]
    fn anything_unexpected_is_dropped() {
        let good = Announcement::State(state()).encode(KEY);
        assert_eq!(
            Announcement::decode(good.as_bytes(), "fedcba9876543210"),
            None
        );
        for bad in [
            good.replace("stop=3", "stop=\x1b[2J"),
            good.replace("stop=3", "stop=-3"),
            good.replace("stop=3", "stop=3 stop=4"),
            good.replace("blanked=0", "blanked=2"),
            good.replace("revealed=1", "colour=1"),
            good.replace(" sent_ms=1700000000000", ""),
            good.replace("glose-tour/1", "glose-tour/2"),
            format!("{good} {}", "x".repeat(MAX_MESSAGE)),
            "glose-tour/1 0123456789abcdef bye now".to_owned(),
        ] {
            assert_eq!(Announcement::decode(bad.as_bytes(), KEY), None, "{bad:?}");
        }
        assert_eq!(Announcement::decode(&[0xff, 0xfe], KEY), None);
    }

    #[cfg(unix)]
    #[test]
    fn a_presenter_reaches_every_window_and_never_blocks() {
        let dir = tempfile::tempdir().unwrap();
        let runtime = dir.path().join("run");
        assert!(RuntimeDir::open(&runtime).is_ok());
        let mut publisher = Publisher::in_dir(runtime.clone(), KEY).unwrap();
        // No window yet: nothing fails.
        let live = PresenterState {
            sent_ms: unix_ms(),
            ..state()
        };
        publisher.publish(Announcement::State(live));
        let first = Listener::bind_in(runtime.clone(), KEY).unwrap();
        assert_eq!(first.saved(), Some(Announcement::State(live)), "catches up");
        publisher.publish(Announcement::State(state()));
        assert_eq!(
            first.saved(),
            Some(Announcement::State(state())),
            "a presenter speaks only on a change: a state from long ago holds while its \
             process runs"
        );
        // The same, written by a process that is gone.
        let gone = 0x7fff_fff0;
        let folder = RuntimeDir::open(&runtime).unwrap();
        let write = |state: PresenterState| {
            let wire = Announcement::State(state).encode_from(KEY, gone);
            folder
                .write(&format!("{KEY}.state"), wire.as_bytes())
                .unwrap();
        };
        write(state());
        assert_eq!(first.saved(), None, "from a dead presenter, it is stale");
        let blank = PresenterState {
            blanked: true,
            paused: false,
            ..state()
        };
        write(blank);
        assert_eq!(
            first.saved_from(),
            Some((Announcement::State(blank), Some(gone))),
            "unless it is blank (then the window says the presenter is gone)"
        );
        publisher.publish(Announcement::State(blank));
        // Drain what the window received so far.
        first
            .set_read_timeout(Some(Duration::from_millis(50)))
            .unwrap();
        while first.recv().is_ok() {}
        first.set_read_timeout(None).unwrap();
        let other = Listener::bind_in(runtime.clone(), "fedcba9876543210").unwrap();
        let stale = runtime.join(format!("{KEY}-999999.sock"));
        drop(std::os::unix::net::UnixDatagram::bind(&stale).unwrap());
        let next = PresenterState { stop: 4, ..state() };
        publisher.publish(Announcement::State(next));
        assert_eq!(first.recv().unwrap(), Announcement::State(next));
        assert!(!stale.exists(), "a dead window's socket is cleaned up");
        other
            .set_read_timeout(Some(Duration::from_millis(50)))
            .unwrap();
        assert!(other.recv().is_err(), "another article hears nothing");
        let mode = {
            use std::os::unix::fs::PermissionsExt;
            std::fs::metadata(&runtime).unwrap().permissions().mode()
        };
        assert_eq!(mode & 0o777, 0o700);
        // A full queue never blocks the presenter: 100 messages, ten times what a datagram
        // queue holds by default (`net.unix.max_dgram_qlen`), are sent in well under the
        // timeout; a publish that blocked would fail here instead of hanging the tests.
        let (done, finished) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for _ in 0..100 {
                publisher.publish(Announcement::State(next));
            }
            let _ = done.send(publisher);
        });
        let publisher = finished
            .recv_timeout(Duration::from_secs(5))
            .expect("publishing to a full queue blocked");
        first
            .set_read_timeout(Some(Duration::from_millis(100)))
            .unwrap();
        while first.recv().is_ok() {}
        drop(publisher);
        assert_eq!(
            first.recv().unwrap(),
            Announcement::Bye {
                session: 1_699_999_000_000
            },
            "the presenter says goodbye"
        );
        assert_eq!(first.saved(), None);
        let path = first.path().to_owned();
        drop(first);
        assert!(!path.exists(), "a window removes its socket");
    }

    #[cfg(unix)]
    #[test]
    fn a_presenter_leaving_keeps_the_state_another_presenter_wrote_since() {
        let dir = tempfile::tempdir().unwrap();
        let runtime = dir.path().join("run");
        let window = Listener::bind_in(runtime.clone(), KEY).unwrap();
        let mut first = Publisher::in_dir(runtime.clone(), KEY).unwrap();
        let mut second = Publisher::in_dir(runtime.clone(), KEY).unwrap();
        let older = PresenterState {
            session: 100,
            sent_ms: unix_ms(),
            ..state()
        };
        let newer = PresenterState {
            session: 200,
            stop: 5,
            ..older
        };
        first.publish(Announcement::State(older));
        second.publish(Announcement::State(newer));
        drop(first);
        // (Both presenters are this process: `saved_from`, which asks no process whether it
        // runs; `tests/facilitator.rs` has two processes.)
        assert_eq!(
            window.saved_from(),
            Some((Announcement::State(newer), Some(std::process::id()))),
            "the first presenter's goodbye leaves the second one's state"
        );
        drop(second);
        assert_eq!(
            window.saved_from(),
            None,
            "the last one's goodbye removes it"
        );
        assert!(!runtime.join(format!("{KEY}.state")).exists());
    }

    #[cfg(unix)]
    #[test]
    fn a_state_is_live_only_while_its_presenter_holds_its_lock_not_while_its_pid_runs() {
        let dir = tempfile::tempdir().unwrap();
        let runtime = dir.path().join("run");
        let window = Listener::bind_in(runtime.clone(), KEY).unwrap();
        let folder = RuntimeDir::open(&runtime).unwrap();
        // A state from long ago naming a process that runs but presents nothing: this test's
        // own (as if a dead presenter's id had been given to it).
        let me = std::process::id();
        let wire = Announcement::State(state()).encode_from(KEY, me);
        folder
            .write(&format!("{KEY}.state"), wire.as_bytes())
            .unwrap();
        assert!(is_running(me));
        assert!(!window.presenter_runs(me));
        assert_eq!(
            window.saved(),
            None,
            "a running process is not a live presenter"
        );
        // The file a killed presenter leaves behind, unlocked: still not live.
        drop(folder.open_lock(&live_name(KEY, me), true).unwrap());
        assert!(!window.presenter_runs(me));
        assert_eq!(window.saved(), None);
        // A presenter of this process: its lock makes its state live, however old.
        let mut publisher = Publisher::in_dir(runtime.clone(), KEY).unwrap();
        publisher.publish(Announcement::State(state()));
        assert!(window.presenter_runs(me));
        assert_eq!(window.saved(), Some(Announcement::State(state())));
        drop(publisher);
        assert!(!window.presenter_runs(me));
        assert!(
            !runtime.join(live_name(KEY, me)).exists(),
            "the presenter removes its lock file"
        );
    }

    #[test]
    fn the_uid_named_folder_comes_after_the_usual_one() {
        let env = |vars: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                vars.iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| std::ffi::OsString::from(v))
            }
        };
        let temp = Path::new("/tmp");
        let uid = crate::files::my_uid().unwrap_or(0);
        assert_eq!(
            candidates(env(&[("USER", "alice/../x")]), temp),
            vec![
                temp.join("glose-alice..x"),
                temp.join(format!("glose-{uid}"))
            ]
        );
        assert_eq!(
            candidates(
                env(&[("GLOSE_RUNTIME_DIR", "/run/mine"), ("USER", "a")]),
                temp
            ),
            vec![PathBuf::from("/run/mine")],
            "a folder asked for is the only one tried"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_directory_others_can_enter_is_refused() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let open = dir.path().join("open");
        std::fs::create_dir(&open).unwrap();
        std::fs::set_permissions(&open, std::fs::Permissions::from_mode(0o755)).unwrap();
        assert_eq!(
            RuntimeDir::open(&open).unwrap_err(),
            DirProblem::Open(0o755)
        );
        let link = dir.path().join("link");
        std::os::unix::fs::symlink(dir.path(), &link).unwrap();
        assert_eq!(RuntimeDir::open(&link).unwrap_err(), DirProblem::Link);
        let file = dir.path().join("file");
        std::fs::write(&file, "").unwrap();
        assert_eq!(RuntimeDir::open(&file).unwrap_err(), DirProblem::NotAFolder);
        assert!(
            DirProblem::Open(0o755)
                .describe(Lang::Fr)
                .contains("droits 755")
        );
    }
}

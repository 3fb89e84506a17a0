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

use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

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

pub use folder::{DirProblem, NoRuntimeDir, RuntimeDir, candidates, runtime_dir};
#[cfg(unix)]
pub use unix::{ListenError, Listener, Publisher};

mod folder;

#[cfg(unix)]
mod unix;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

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

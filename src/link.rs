//! The link between a presenter and facilitator notes windows on the same machine: Unix
//! datagram sockets in a private directory (`$XDG_RUNTIME_DIR/glose/`, else
//! `$TMPDIR/glose-$USER/`, mode 0700; `GLOSE_RUNTIME_DIR` overrides both).
//!
//! Each notes window binds `<key>-<pid>.sock`, where `<key>` names the article
//! (`tour::article_key`), so two articles never cross-talk and several windows may follow one
//! presenter. The presenter sends its state to every such socket with non-blocking sends and
//! ignores every error: it never waits on, nor fails because of, a notes window. It also keeps
//! the last state in `<key>.state`, so a window opened while the presenter is idle (blanked)
//! catches up at once. Messages are one short line of ASCII numbers; anything else is dropped,
//! so nothing received can reach the terminal.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Largest message accepted, in bytes.
pub const MAX_MESSAGE: usize = 512;
const MAGIC: &str = "glose-tour/1";

/// A presenter's state as the notes window needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TourState {
    /// Index into the article's tour.
    pub stop: usize,
    /// Stops in the presenter's tour (a check that both sides read the same tour).
    pub stops: usize,
    /// Milliseconds since the tour started, when sent.
    pub tour_ms: u64,
    /// Milliseconds spent on the current stop, when sent.
    pub stop_ms: u64,
    pub blanked: bool,
    pub revealed: bool,
    /// Wall-clock time of sending, in milliseconds since the Unix epoch (to age a saved state).
    pub sent_ms: u64,
}

/// What a presenter says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Message {
    /// Where the tour is now.
    State(TourState),
    /// The presenter closed.
    Bye,
}

impl Message {
    /// The wire form: `glose-tour/1 <key> state stop=… stops=… …` or `glose-tour/1 <key> bye`.
    pub fn encode(&self, key: &str) -> String {
        match self {
            Self::Bye => format!("{MAGIC} {key} bye"),
            Self::State(s) => format!(
                "{MAGIC} {key} state stop={} stops={} tour_ms={} stop_ms={} blanked={} \
                 revealed={} sent_ms={}",
                s.stop,
                s.stops,
                s.tour_ms,
                s.stop_ms,
                u8::from(s.blanked),
                u8::from(s.revealed),
                s.sent_ms
            ),
        }
    }

    /// Parses a message for the article `key`; `None` for anything else (another article,
    /// another version, a malformed or oversized message).
    pub fn decode(bytes: &[u8], key: &str) -> Option<Self> {
        if bytes.len() > MAX_MESSAGE {
            return None;
        }
        let text = std::str::from_utf8(bytes).ok()?;
        let mut words = text.split_ascii_whitespace();
        if words.next()? != MAGIC || words.next()? != key {
            return None;
        }
        match words.next()? {
            "bye" => words.next().is_none().then_some(Self::Bye),
            "state" => {
                let mut fields = [None::<u64>; 7];
                const NAMES: [&str; 7] = [
                    "stop", "stops", "tour_ms", "stop_ms", "blanked", "revealed", "sent_ms",
                ];
                for word in words {
                    let (name, value) = word.split_once('=')?;
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
                let [stop, stops, tour_ms, stop_ms, blanked, revealed, sent_ms] = fields;
                let flag = |v: Option<u64>| match v? {
                    0 => Some(false),
                    1 => Some(true),
                    _ => None,
                };
                Some(Self::State(TourState {
                    stop: usize::try_from(stop?).ok()?,
                    stops: usize::try_from(stops?).ok()?,
                    tour_ms: tour_ms?,
                    stop_ms: stop_ms?,
                    blanked: flag(blanked)?,
                    revealed: flag(revealed)?,
                    sent_ms: sent_ms?,
                }))
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

/// Removes the link's files of this process (for a signal that ends it abruptly).
pub fn remove_registered_files() {
    let files = OWN_FILES.lock().unwrap_or_else(PoisonError::into_inner);
    for path in files.iter() {
        let _ = std::fs::remove_file(path);
    }
}

/// A saved state older than this is a presenter that stopped without cleaning up, unless its
/// screen is blank (a blank presenter does not tick, so it does not rewrite its state).
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

/// The link's directory, created private if needed; `None` if it cannot be made safe.
pub fn runtime_dir() -> Option<PathBuf> {
    let dir = match std::env::var_os("GLOSE_RUNTIME_DIR").filter(|v| !v.is_empty()) {
        Some(dir) => PathBuf::from(dir),
        None => match std::env::var_os("XDG_RUNTIME_DIR").filter(|v| !v.is_empty()) {
            Some(runtime) if Path::new(&runtime).is_dir() => Path::new(&runtime).join("glose"),
            _ => {
                let user = std::env::var("USER")
                    .or_else(|_| std::env::var("LOGNAME"))
                    .unwrap_or_else(|_| "user".into());
                let user: String = user
                    .chars()
                    .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
                    .collect();
                std::env::temp_dir().join(format!("glose-{user}"))
            }
        },
    };
    private_dir(&dir).then_some(dir)
}

/// Creates `dir` with mode 0700, or checks that an existing one is a real directory that
/// nobody else can enter.
#[cfg(unix)]
fn private_dir(dir: &Path) -> bool {
    use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
    let _ = std::fs::DirBuilder::new().mode(0o700).create(dir);
    match std::fs::symlink_metadata(dir) {
        Ok(meta) => meta.is_dir() && meta.permissions().mode() & 0o077 == 0,
        Err(_) => false,
    }
}

#[cfg(not(unix))]
fn private_dir(_dir: &Path) -> bool {
    false
}

#[cfg(unix)]
pub use unix::{Listener, Publisher};

#[cfg(unix)]
mod unix {
    use std::io::ErrorKind;
    use std::os::unix::net::UnixDatagram;
    use std::path::{Path, PathBuf};

    use super::{MAX_MESSAGE, Message, STALE_AFTER, age, register, unregister};

    /// The presenter's end: sends to every notes window of the article, never blocking.
    #[derive(Debug)]
    pub struct Publisher {
        socket: UnixDatagram,
        dir: PathBuf,
        key: String,
        last: Option<Message>,
    }

    impl Publisher {
        /// A publisher for the article `key`, or `None` when the link cannot work here (the
        /// presenter then simply runs without it).
        pub fn new(key: &str) -> Option<Self> {
            Self::in_dir(super::runtime_dir()?, key)
        }

        /// A publisher using `dir` as the link's directory.
        pub fn in_dir(dir: PathBuf, key: &str) -> Option<Self> {
            let socket = UnixDatagram::unbound().ok()?;
            socket.set_nonblocking(true).ok()?;
            Some(Self {
                socket,
                dir,
                key: key.to_owned(),
                last: None,
            })
        }

        /// Sends `message` to every listening window and saves it as the latest state.
        /// Errors are ignored; a socket nobody listens on any more is removed.
        pub fn publish(&mut self, message: Message) {
            let wire = message.encode(&self.key);
            let state_file = self.dir.join(format!("{}.state", self.key));
            match message {
                Message::State(_) => {
                    let temporary =
                        self.dir
                            .join(format!("{}.state.{}", self.key, std::process::id()));
                    if std::fs::write(&temporary, &wire).is_ok()
                        && std::fs::rename(&temporary, &state_file).is_ok()
                    {
                        register(&state_file);
                    }
                }
                Message::Bye => {
                    let _ = std::fs::remove_file(&state_file);
                    unregister(&state_file);
                }
            }
            let prefix = format!("{}-", self.key);
            let Ok(entries) = std::fs::read_dir(&self.dir) else {
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
                let path = entry.path();
                if let Err(error) = self.socket.send_to(wire.as_bytes(), &path)
                    && error.kind() == ErrorKind::ConnectionRefused
                {
                    // A window that died without cleaning up.
                    let _ = std::fs::remove_file(&path);
                }
            }
            self.last = Some(message);
        }

        /// The last message published.
        pub fn last(&self) -> Option<Message> {
            self.last
        }
    }

    impl Drop for Publisher {
        fn drop(&mut self) {
            if matches!(self.last, Some(Message::State(_))) {
                self.publish(Message::Bye);
            }
        }
    }

    /// A notes window's end: its own socket, removed when dropped.
    #[derive(Debug)]
    pub struct Listener {
        socket: UnixDatagram,
        path: PathBuf,
        dir: PathBuf,
        key: String,
        /// The handle that bound the socket (and removes it when dropped).
        owner: bool,
    }

    impl Listener {
        /// Binds this window's socket for the article `key`.
        pub fn bind(key: &str) -> std::io::Result<Self> {
            let dir = super::runtime_dir().ok_or_else(|| {
                std::io::Error::new(
                    ErrorKind::PermissionDenied,
                    "no private runtime directory (XDG_RUNTIME_DIR, or the temp dir)",
                )
            })?;
            Self::bind_in(dir, key)
        }

        /// Binds this window's socket in `dir`.
        pub fn bind_in(dir: PathBuf, key: &str) -> std::io::Result<Self> {
            let path = dir.join(format!("{key}-{}.sock", std::process::id()));
            let _ = std::fs::remove_file(&path);
            let socket = UnixDatagram::bind(&path)?;
            register(&path);
            Ok(Self {
                socket,
                path,
                dir,
                key: key.to_owned(),
                owner: true,
            })
        }

        /// The state a presenter saved last, if one is running (a state too old to be live is
        /// ignored: see `STALE_AFTER`).
        pub fn saved(&self) -> Option<Message> {
            let bytes = std::fs::read(self.dir.join(format!("{}.state", self.key))).ok()?;
            match Message::decode(&bytes, &self.key)? {
                Message::State(state) if state.blanked || age(state.sent_ms) <= STALE_AFTER => {
                    Some(Message::State(state))
                }
                _ => None,
            }
        }

        /// Blocks until a valid message for this article arrives (invalid ones are skipped).
        pub fn recv(&self) -> std::io::Result<Message> {
            let mut buf = [0u8; MAX_MESSAGE + 1];
            loop {
                let n = self.socket.recv(&mut buf)?;
                if let Some(message) = buf.get(..n).and_then(|b| Message::decode(b, &self.key)) {
                    return Ok(message);
                }
            }
        }

        /// A second handle on the socket, for a receiving thread.
        pub fn try_clone(&self) -> std::io::Result<Self> {
            Ok(Self {
                socket: self.socket.try_clone()?,
                path: self.path.clone(),
                dir: self.dir.clone(),
                key: self.key.clone(),
                owner: false,
            })
        }

        /// Makes `recv` give up after `timeout` (`None`: wait for ever).
        pub fn set_read_timeout(
            &self,
            timeout: Option<std::time::Duration>,
        ) -> std::io::Result<()> {
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
                let _ = std::fs::remove_file(&self.path);
                unregister(&self.path);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &str = "0123456789abcdef";

    fn state() -> TourState {
        TourState {
            stop: 3,
            stops: 12,
            tour_ms: 754_000,
            stop_ms: 65_500,
            blanked: false,
            revealed: true,
            sent_ms: 1_700_000_000_000,
        }
    }

    #[test]
    fn messages_round_trip() {
        for message in [Message::State(state()), Message::Bye] {
            let wire = message.encode(KEY);
            assert_eq!(Message::decode(wire.as_bytes(), KEY), Some(message));
        }
    }

    #[test]
    fn anything_unexpected_is_dropped() {
        let good = Message::State(state()).encode(KEY);
        assert_eq!(Message::decode(good.as_bytes(), "fedcba9876543210"), None);
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
            assert_eq!(Message::decode(bad.as_bytes(), KEY), None, "{bad:?}");
        }
        assert_eq!(Message::decode(&[0xff, 0xfe], KEY), None);
    }

    #[cfg(unix)]
    #[test]
    fn a_presenter_reaches_every_window_and_never_blocks() {
        let dir = tempfile::tempdir().unwrap();
        let runtime = dir.path().join("run");
        assert!(private_dir(&runtime));
        let mut publisher = Publisher::in_dir(runtime.clone(), KEY).unwrap();
        // No window yet: nothing fails.
        let live = TourState {
            sent_ms: unix_ms(),
            ..state()
        };
        publisher.publish(Message::State(live));
        let first = Listener::bind_in(runtime.clone(), KEY).unwrap();
        assert_eq!(first.saved(), Some(Message::State(live)), "catches up");
        publisher.publish(Message::State(state()));
        assert_eq!(
            first.saved(),
            None,
            "a state from long ago is a dead presenter"
        );
        let blank = TourState {
            blanked: true,
            ..state()
        };
        publisher.publish(Message::State(blank));
        assert_eq!(
            first.saved(),
            Some(Message::State(blank)),
            "unless it is blank"
        );
        // Drain what the window received so far.
        first
            .set_read_timeout(Some(Duration::from_millis(50)))
            .unwrap();
        while first.recv().is_ok() {}
        first.set_read_timeout(None).unwrap();
        let other = Listener::bind_in(runtime.clone(), "fedcba9876543210").unwrap();
        let stale = runtime.join(format!("{KEY}-999999.sock"));
        drop(std::os::unix::net::UnixDatagram::bind(&stale).unwrap());
        let next = TourState { stop: 4, ..state() };
        publisher.publish(Message::State(next));
        assert_eq!(first.recv().unwrap(), Message::State(next));
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
        // A full queue never blocks the presenter.
        for _ in 0..10_000 {
            publisher.publish(Message::State(next));
        }
        first
            .set_read_timeout(Some(Duration::from_millis(100)))
            .unwrap();
        while first.recv().is_ok() {}
        drop(publisher);
        assert_eq!(
            first.recv().unwrap(),
            Message::Bye,
            "the presenter says goodbye"
        );
        assert_eq!(first.saved(), None);
        let path = first.path().to_owned();
        drop(first);
        assert!(!path.exists(), "a window removes its socket");
    }

    #[cfg(unix)]
    #[test]
    fn a_directory_others_can_enter_is_refused() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let open = dir.path().join("open");
        std::fs::create_dir(&open).unwrap();
        std::fs::set_permissions(&open, std::fs::Permissions::from_mode(0o755)).unwrap();
        assert!(!private_dir(&open));
        let link = dir.path().join("link");
        std::os::unix::fs::symlink(dir.path(), &link).unwrap();
        assert!(!private_dir(&link));
    }
}

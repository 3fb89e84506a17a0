//! The room: students follow the presenter from their own terminals (`glose follow`) or any
//! browser, and answer the stop's poll. Started only by `glose present --room`, stopped with
//! the presenter.
//!
//! The presenter's loop owns a [`Room`]: before a frame it reads the votes on the stop it
//! draws ([`Room::refresh`] into [`Room::tally`], a short lock); once the frame is on screen it
//! hands over where the tour is ([`Shown`]), exactly as it tells notes windows
//! (`Room::publish` never blocks: a `watch` channel), so the room's work of sending the stop
//! to every client never delays the projected screen. The server (`server`)
//! runs axum on a single-threaded tokio runtime on its own thread; the reader's loop never
//! sees an async runtime. What the room may see of each stop is taken from the article once
//! (`view`); the verdict and the votes' distribution go out only after the reveal.

pub mod code;
pub mod follow;
mod page;
pub mod results;
mod server;
pub mod view;
pub mod votes;

use crate::i18n::room as msg;
use std::net::{IpAddr, Ipv4Addr, SocketAddr, TcpListener, UdpSocket};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::JoinHandle;
use std::time::Instant;

use tokio::sync::{oneshot, watch};

use crate::content::Article;
use crate::i18n::Lang;
pub use view::Shown;
use view::StopView;
pub use votes::{Answer, Tally};

/// The port `--room` listens on when none is given.
pub const DEFAULT_PORT: u16 = 7878;

/// A state as sent to the room: its revision, what it says, and its JSON.
#[derive(Debug)]
pub(crate) struct Published {
    rev: u64,
    shown: Shown,
    json: String,
}

/// What the server's handlers share with the presenter's handle.
pub(crate) struct Shared {
    code: String,
    lang: Lang,
    /// The article's key (`Article::text_hash`), so a follower knows it reads the same text.
    key: String,
    title: String,
    stops: Vec<StopView>,
    state: watch::Sender<Arc<Published>>,
    votes: Mutex<votes::Votes>,
    /// Bumped by every counted vote (the presenter redraws when it moves).
    vote_revision: AtomicU64,
    /// Event streams open now.
    streams: AtomicUsize,
}

impl Shared {
    fn shown(&self) -> Shown {
        self.state.borrow().shown
    }

    fn ballot(&self, stop: usize, voter: &str) -> Option<Answer> {
        self.votes
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .ballot(stop, voter)
    }

    fn cast(
        &self,
        stop: usize,
        voter: &str,
        address: IpAddr,
        answer: Answer,
        now: Instant,
    ) -> Result<(), votes::Refused> {
        let cast = self
            .votes
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .cast(stop, voter, address, answer, now);
        if cast.is_ok() {
            self.vote_revision.fetch_add(1, Ordering::SeqCst);
        }
        cast
    }

    /// Sends the room the state for `shown` (on the server's thread, by the relay).
    fn publish(&self, shown: Shown) {
        let rev = self.state.borrow().rev + 1;
        let tally = self.tally(shown.stop);
        let json = view::state_json(rev, &self.key, &self.stops, shown, tally.as_ref());
        self.state.send_replace(Arc::new(Published {
            rev,
            shown,
            json: json.to_string(),
        }));
    }

    fn tally(&self, stop: usize) -> Option<Tally> {
        let poll = self.stops.get(stop)?.poll.as_ref()?;
        Some(
            self.votes
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .tally(stop, poll),
        )
    }
}

/// Why the room could not open.
#[derive(Debug)]
pub enum StartError {
    /// The address is not one (`--room 7878x`).
    Address(String),
    /// Listening there failed (in use, not allowed).
    Bind(SocketAddr, std::io::Error),
    /// No random bytes for the code.
    Random,
    Thread(std::io::Error),
}

impl StartError {
    /// The message, in plain words.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Self::Address(given) => {
                let given = crate::text::sanitize::clean_line(given);
                msg::not_address_listen_give_port(lang, &given)
            }
            Self::Bind(addr, error) => match error.kind() {
                std::io::ErrorKind::AddrInUse => msg::port_in_use(lang, addr),
                _ => msg::cannot_open_room(lang, addr, error),
            },
            Self::Random => msg::cannot_draw_room_code_system(lang).to_owned(),
            Self::Thread(error) => format!("{error}"),
        }
    }
}

/// Reads `--room`'s value: nothing (all interfaces, port 7878), a port, or an address and a
/// port.
pub fn parse_address(given: Option<&str>) -> Result<SocketAddr, StartError> {
    let Some(given) = given.map(str::trim).filter(|g| !g.is_empty()) else {
        return Ok(SocketAddr::new(
            IpAddr::V4(Ipv4Addr::UNSPECIFIED),
            DEFAULT_PORT,
        ));
    };
    if let Ok(port) = given.parse::<u16>() {
        return Ok(SocketAddr::new(IpAddr::V4(Ipv4Addr::UNSPECIFIED), port));
    }
    given
        .parse::<SocketAddr>()
        .map_err(|_| StartError::Address(given.to_owned()))
}

/// The address others type to reach `bound`: itself, unless it is every interface; then the
/// address of the interface that leads to the rest of the network (found without sending
/// anything), else the loopback.
fn reachable(bound: SocketAddr) -> SocketAddr {
    if !bound.ip().is_unspecified() {
        return bound;
    }
    let outward = UdpSocket::bind((Ipv4Addr::UNSPECIFIED, 0))
        .and_then(|s| s.connect((Ipv4Addr::new(192, 0, 2, 1), 9)).map(|()| s))
        .and_then(|s| s.local_addr())
        .map(|a| a.ip())
        .ok()
        .filter(|ip| !ip.is_unspecified());
    SocketAddr::new(
        outward.unwrap_or(IpAddr::V4(Ipv4Addr::LOCALHOST)),
        bound.port(),
    )
}

/// The open room, owned by the presenter's loop. Dropping it stops the server.
pub struct Room {
    /// The room code (`K7Q2MD`).
    pub code: String,
    /// The address to join: `http://192.168.1.20:7878/K7Q2MD`.
    pub join: String,
    /// The votes on the current stop, as last read by [`Room::refresh`] (what the presenter
    /// draws).
    pub tally: Option<Tally>,
    /// Where the results are saved (`results::path_for`), if anywhere.
    pub results_path: Option<std::path::PathBuf>,
    /// The last save's error, if it failed.
    pub save_error: Option<String>,
    saved_at: Option<Instant>,
    unsaved: bool,
    /// The presenter session the votes belong to (`set_session`), once known.
    session: Option<u64>,
    /// The results file as it was when the room opened (the previous session's votes, which
    /// a later `r` may resume even after this session has replaced the file).
    earlier: Option<results::Results>,
    shared: Arc<Shared>,
    /// To the relay: where the presenter is.
    told: watch::Sender<Told>,
    /// Bumped when the votes are replaced, so that the same stop is sent again.
    generation: u64,
    last: Option<Shown>,
    seen_votes: u64,
    stop: Option<oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl std::fmt::Debug for Room {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Room")
            .field("join", &self.join)
            .field("tally", &self.tally)
            .finish_non_exhaustive()
    }
}

impl Room {
    /// Opens the room for `article`'s tour on `addr`: binds at once (so a port in use is an
    /// error before the terminal is taken), then serves from its own thread.
    pub fn start(addr: SocketAddr, article: &Article, lang: Lang) -> Result<Self, StartError> {
        let code = code::new_code().ok_or(StartError::Random)?;
        let listener = TcpListener::bind(addr).map_err(|e| StartError::Bind(addr, e))?;
        let bound = listener
            .local_addr()
            .map_err(|e| StartError::Bind(addr, e))?;
        listener
            .set_nonblocking(true)
            .map_err(|e| StartError::Bind(addr, e))?;
        let stops: Vec<StopView> = article
            .tour
            .iter()
            .map(|stop| StopView::new(article, stop, lang))
            .collect();
        let key = article.text_hash();
        let first = Published {
            rev: 0,
            shown: Shown::default(),
            json: view::state_json(0, &key, &stops, Shown::default(), None).to_string(),
        };
        let (state, _) = watch::channel(Arc::new(first));
        let shared = Arc::new(Shared {
            code: code.clone(),
            lang,
            key,
            title: article.meta.title.clone(),
            stops,
            state,
            votes: Mutex::new(votes::Votes::default()),
            vote_revision: AtomicU64::new(0),
            streams: AtomicUsize::new(0),
        });
        let (stop, stopped) = oneshot::channel::<()>();
        let router = server::router(shared.clone());
        let (told, heard) = watch::channel(Told::default());
        let relayed = shared.clone();
        let thread = std::thread::Builder::new()
            .name("room".into())
            .spawn(move || serve(listener, router, relayed, heard, stopped))
            .map_err(StartError::Thread)?;
        let join = format!("http://{}/{code}", reachable(bound));
        Ok(Self {
            code,
            join,
            tally: None,
            results_path: None,
            save_error: None,
            saved_at: None,
            unsaved: false,
            session: None,
            earlier: None,
            shared,
            told,
            generation: 0,
            last: None,
            seen_votes: u64::MAX,
            stop: Some(stop),
            thread: Some(thread),
        })
    }

    /// Tells the room where the presenter is. Never blocks, and costs the presenter the same
    /// whatever the number of clients: the server's thread builds the state and wakes them
    /// (the relay in `serve`). Does nothing when nothing changed.
    pub fn publish(&mut self, shown: Shown) {
        if self.last == Some(shown) {
            return;
        }
        self.last = Some(shown);
        self.told.send_replace(Told {
            shown,
            generation: self.generation,
        });
    }

    /// Ties the votes to the presenter session `id` (`Presenter::session`), called before every
    /// frame. When the session changes (the room opens, a session is resumed, `n` starts a new
    /// one), the votes are those saved for that session, if any (a presenter killed and
    /// started again gets them back), else none; the tally is read again.
    pub fn set_session(&mut self, id: u64) {
        if self.session == Some(id) {
            return;
        }
        let first = self.session.is_none();
        self.session = Some(id);
        let on_file = self
            .results_path
            .as_deref()
            .and_then(|path| results::load(path).ok().flatten());
        if first {
            self.earlier.clone_from(&on_file);
        }
        let saved = on_file
            .filter(|r| r.session == Some(id))
            .or_else(|| self.earlier.clone().filter(|r| r.session == Some(id)));
        {
            let mut votes = self
                .shared
                .votes
                .lock()
                .unwrap_or_else(PoisonError::into_inner);
            votes.clear();
            if let Some(saved) = &saved {
                saved.restore_into(&self.shared.stops, &mut votes);
            }
            // Read under the lock: a vote counted after this moves the revision again, so it
            // is saved.
            self.seen_votes = self.shared.vote_revision.load(Ordering::SeqCst);
        }
        self.unsaved = false;
        // The room's state carries the distribution once revealed: send it again.
        self.generation += 1;
        if let Some(shown) = self.last.take() {
            self.publish(shown);
        }
        self.tally = self.shared.tally(self.last.map_or(0, |s| s.stop));
    }

    /// Reads the votes on the poll of stop `stop` (the presenter's, about to be drawn) into
    /// [`Room::tally`]; returns whether they changed since the last call.
    pub fn refresh(&mut self, stop: usize) -> bool {
        let revision = self.shared.vote_revision.load(Ordering::SeqCst);
        let tally = self.shared.tally(stop);
        let changed = revision != self.seen_votes || tally != self.tally;
        if revision != self.seen_votes && self.seen_votes != u64::MAX {
            self.unsaved = true;
        }
        self.seen_votes = revision;
        self.tally = tally;
        changed
    }

    /// Saves the results if votes came in since the last save, at most once a second unless
    /// `now` (at the end of the session).
    pub fn save_results(&mut self, now: bool) {
        if !self.unsaved {
            return;
        }
        let due = now
            || self
                .saved_at
                .is_none_or(|at| at.elapsed() >= std::time::Duration::from_secs(1));
        let Some(path) = self.results_path.clone().filter(|_| due) else {
            return;
        };
        let results = self.results();
        if results.stops.is_empty() && !now {
            self.unsaved = false;
            return;
        }
        self.saved_at = Some(Instant::now());
        match results::save(&path, &results) {
            Ok(()) => {
                self.unsaved = false;
                self.save_error = None;
            }
            Err(error) => self.save_error = Some(error.to_string()),
        }
    }

    /// Whether votes came in since the last [`Room::refresh`], or votes wait to be saved and
    /// the next save is due (the loop then goes round once, so that no vote waits for a key).
    pub fn has_news(&self) -> bool {
        let save_due = self.unsaved
            && self.results_path.is_some()
            && self
                .saved_at
                .is_none_or(|at| at.elapsed() >= std::time::Duration::from_secs(1));
        save_due || self.shared.vote_revision.load(Ordering::SeqCst) != self.seen_votes
    }

    /// Event streams open now (browsers on the page).
    pub fn watchers(&self) -> usize {
        self.shared.streams.load(Ordering::SeqCst)
    }

    /// Every stop's votes so far, for the results file and `glose export --results`.
    pub fn results(&self) -> results::Results {
        let votes = self
            .shared
            .votes
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        results::Results {
            session: self.session,
            ..results::Results::collect(&self.shared.title, &self.shared.stops, &votes)
        }
    }
}

impl Drop for Room {
    fn drop(&mut self) {
        self.refresh(self.last.map_or(0, |s| s.stop));
        self.save_results(true);
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// What the presenter tells the relay.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct Told {
    shown: Shown,
    generation: u64,
}

/// The server thread: a single-threaded runtime serving until the handle is dropped; then
/// every connection is closed with it. Its relay turns what the presenter tells into the
/// state every client waits for.
fn serve(
    listener: TcpListener,
    router: axum::Router,
    shared: Arc<Shared>,
    mut heard: watch::Receiver<Told>,
    stopped: oneshot::Receiver<()>,
) {
    let Ok(runtime) = tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .enable_time()
        .build()
    else {
        return;
    };
    runtime.block_on(async move {
        let Ok(listener) = tokio::net::TcpListener::from_std(listener) else {
            return;
        };
        let app = router.into_make_service_with_connect_info::<SocketAddr>();
        tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        tokio::spawn(async move {
            while heard.changed().await.is_ok() {
                let told = *heard.borrow_and_update();
                shared.publish(told.shown);
            }
        });
        let _ = stopped.await;
    });
    runtime.shutdown_timeout(std::time::Duration::from_millis(200));
}

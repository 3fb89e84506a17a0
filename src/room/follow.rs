//! `glose follow URL`: the student's own reader follows the room. A thread long-polls the
//! room (`URL/wait`, with `ureq`, plain HTTP), and on every new state leaves the news in a slot
//! and wakes the reader's loop by raising `SIGWINCH`, as live reload does (`watch`): the loop
//! keeps its one blocking read and never waits on the network. Losing the room is news too
//! ("reconnecting"), and the thread tries again with a growing pause (½ s, 1 s, 2 s … 10 s).
//!
//! [`Following`] is what the reader knows of the room: its stop, whether the verdict is out,
//! the student's own votes. The reader goes with the room while it is on the room's stop;
//! once the student steps elsewhere it stays there, and the status line says how far behind
//! they are until `F` rejoins.

use crate::i18n::room as msg;
use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};
use std::time::Duration;

use serde_json::Value;

use super::votes::Answer;
use crate::i18n::Lang;

/// The longest pause between two tries to reach a lost room.
const MAX_BACKOFF: Duration = Duration::from_secs(10);
/// How long one long-poll may take in all (the server answers within 20 s).
const CALL_TIMEOUT: Duration = Duration::from_secs(30);

/// The room's state, as much as a follower needs.
#[derive(Debug, Clone, PartialEq)]
pub struct RoomState {
    pub rev: u64,
    /// The article's key (the room presents the same text only when it matches).
    pub key: String,
    pub stop: Option<usize>,
    pub stops: usize,
    pub revealed: bool,
    pub blanked: bool,
    /// After the reveal: per choice, the votes; or the guesses' count and median.
    pub counts: Vec<usize>,
    pub answers: Option<usize>,
    pub median: Option<f64>,
}

impl RoomState {
    /// Reads the room's JSON; `None` for anything that is not a glose room's state.
    pub fn parse(text: &str) -> Option<Self> {
        let value: Value = serde_json::from_str(text).ok()?;
        let results = &value["results"];
        Some(Self {
            rev: value["rev"].as_u64()?,
            key: value["key"].as_str()?.chars().take(64).collect(),
            stop: value["stop"].as_u64().and_then(|s| usize::try_from(s).ok()),
            stops: value["stops"]
                .as_u64()
                .and_then(|s| usize::try_from(s).ok())?,
            revealed: value["revealed"].as_bool().unwrap_or(false),
            blanked: value["blanked"].as_bool().unwrap_or(false),
            counts: results["counts"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .map(|n| {
                            n.as_u64()
                                .and_then(|n| usize::try_from(n).ok())
                                .unwrap_or(0)
                        })
                        .collect()
                })
                .unwrap_or_default(),
            answers: results["answers"]
                .as_u64()
                .and_then(|n| usize::try_from(n).ok()),
            median: results["median"].as_f64(),
        })
    }
}

/// What the room's thread tells the reader.
#[derive(Debug, Clone, PartialEq)]
pub enum News {
    State(RoomState),
    /// The room cannot be reached (it will be tried again).
    Lost,
    /// The answer to a vote: counted, or why not, in the room's words.
    Voted {
        stop: usize,
        answer: Answer,
        reply: Result<String, String>,
    },
}

static PENDING: Mutex<Vec<News>> = Mutex::new(Vec::new());

fn tell(news: News) {
    PENDING
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .push(news);
    #[cfg(unix)]
    let _ = signal_hook::low_level::raise(signal_hook::consts::SIGWINCH);
}

/// The news since the last call (for the reader's loop).
pub fn take() -> Vec<News> {
    std::mem::take(&mut *PENDING.lock().unwrap_or_else(PoisonError::into_inner))
}

/// Checks a room address: `http://host:port/CODE` (a trailing `/` is fine). Returns it
/// without the trailing `/`, or a message.
pub fn parse_url(given: &str, lang: Lang) -> Result<String, String> {
    let trimmed = given.trim().trim_end_matches('/');
    let shown = crate::text::sanitize::clean_line(given);
    let wrong = || msg::not_room_address_copy_from(lang, &shown);
    let rest = trimmed.strip_prefix("http://").ok_or_else(wrong)?;
    let (host, code) = rest.split_once('/').ok_or_else(wrong)?;
    let fine_host = !host.is_empty()
        && host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b".-:[]".contains(&b));
    let fine_code = !code.is_empty() && code.bytes().all(|b| b.is_ascii_alphanumeric());
    if !fine_host || !fine_code {
        return Err(wrong());
    }
    Ok(format!("http://{host}/{}", code.to_ascii_uppercase()))
}

fn agent(timeout: Duration) -> ureq::Agent {
    ureq::Agent::config_builder()
        .timeout_global(Some(timeout))
        .http_status_as_error(false)
        .build()
        .into()
}

/// Why the room could not be read at the start.
#[derive(Debug)]
pub enum JoinError {
    /// Nothing answers at that address.
    Unreachable(String),
    /// Something answers, but not a room with that code.
    NoRoom(u16),
}

/// Reads the room's state once (at the start, to check it is there and presents this text).
pub fn first_state(base: &str) -> Result<RoomState, JoinError> {
    let mut response = agent(Duration::from_secs(5))
        .get(&format!("{base}/state"))
        .call()
        .map_err(|e| JoinError::Unreachable(e.to_string()))?;
    let status = response.status().as_u16();
    let text = response
        .body_mut()
        .with_config()
        .limit(1 << 20)
        .read_to_string()
        .map_err(|e| JoinError::Unreachable(e.to_string()))?;
    if status != 200 {
        return Err(JoinError::NoRoom(status));
    }
    RoomState::parse(&text).ok_or(JoinError::NoRoom(status))
}

/// Starts following `base` from revision `rev`: the thread runs until the process ends.
pub fn start(base: String, rev: u64) {
    let _ = std::thread::Builder::new()
        .name("room-follow".into())
        .spawn(move || follow_loop(&base, rev));
}

fn follow_loop(base: &str, mut rev: u64) {
    let agent = agent(CALL_TIMEOUT);
    let mut pause = Duration::from_millis(500);
    let mut lost = false;
    loop {
        let got = agent
            .get(&format!("{base}/wait?after={rev}"))
            .call()
            .ok()
            .filter(|r| r.status().as_u16() == 200)
            .and_then(|mut r| {
                r.body_mut()
                    .with_config()
                    .limit(1 << 20)
                    .read_to_string()
                    .ok()
            })
            .and_then(|text| RoomState::parse(&text));
        match got {
            Some(state) => {
                pause = Duration::from_millis(500);
                // A presenter restarted counts its revisions from 0 again.
                if state.rev != rev || lost {
                    rev = state.rev;
                    lost = false;
                    tell(News::State(state));
                }
            }
            None => {
                if !lost {
                    lost = true;
                    tell(News::Lost);
                }
                std::thread::sleep(pause);
                pause = (pause * 2).min(MAX_BACKOFF);
            }
        }
    }
}

/// Sends a vote from a thread of its own; the answer comes back as [`News::Voted`].
pub fn send_vote(base: &str, voter: &str, stop: usize, answer: Answer) {
    let url = format!("{base}/vote");
    let voter = voter.to_owned();
    let _ = std::thread::Builder::new()
        .name("room-vote".into())
        .spawn(move || {
            let stop_text = stop.to_string();
            let (key, value) = match answer {
                Answer::Choice(i) => ("choice", (i + 1).to_string()),
                Answer::Value(v) => ("value", v.to_string()),
            };
            let reply = agent(Duration::from_secs(10))
                .post(&url)
                .header("X-Requested-With", "glose")
                .send_form([
                    ("stop", stop_text.as_str()),
                    (key, value.as_str()),
                    ("voter", voter.as_str()),
                ])
                .map_err(|e| e.to_string())
                .and_then(|mut r| {
                    let ok = r.status().is_success();
                    let text = r
                        .body_mut()
                        .with_config()
                        .limit(4096)
                        .read_to_string()
                        .unwrap_or_default();
                    let text = crate::text::sanitize::clean_line(text.trim());
                    if ok { Ok(text) } else { Err(text) }
                });
            tell(News::Voted {
                stop,
                answer,
                reply,
            });
        });
}

/// What a following reader knows of the room.
#[derive(Debug, Clone, PartialEq)]
pub struct Following {
    /// `http://host:port/CODE`.
    pub base: String,
    /// This follower's own id for voting.
    pub voter: String,
    pub room: Option<RoomState>,
    /// The room could not be reached at the last try.
    pub lost: bool,
    /// The votes this follower sent and the room counted, per stop.
    pub ballots: HashMap<usize, Answer>,
    /// A number being typed for a guess.
    pub typing: Option<String>,
    /// The room's answer to the last vote.
    pub reply: Option<String>,
    /// Votes to send (the event loop sends them).
    pub outbox: Vec<(usize, Answer)>,
}

impl Following {
    pub fn new(base: String, voter: String, room: RoomState) -> Self {
        Self {
            base,
            voter,
            room: Some(room),
            lost: false,
            ballots: HashMap::new(),
            typing: None,
            reply: None,
            outbox: Vec::new(),
        }
    }

    /// The room's stop, if it shows one.
    pub fn room_stop(&self) -> Option<usize> {
        self.room.as_ref().and_then(|r| r.stop)
    }

    /// Whether the verdict of annotation `index` must stay hidden: it is the room's stop's and
    /// the presenter has not revealed it.
    pub fn hides_verdict(&self, article: &crate::content::Article, index: usize) -> bool {
        let room_annotation = self
            .room_stop()
            .and_then(|s| article.tour.get(s))
            .and_then(|s| s.annotation);
        room_annotation == Some(index) && !self.revealed()
    }

    /// Whether the room revealed its current stop's verdict.
    pub fn revealed(&self) -> bool {
        self.room.as_ref().is_some_and(|r| r.revealed)
    }
}

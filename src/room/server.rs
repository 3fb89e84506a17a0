//! The room's HTTP server: axum on a single-threaded tokio runtime of its own thread, behind
//! the `Room` handle. Nothing here runs in the reader's loop: the presenter hands states over a
//! `watch` channel (never blocks) and reads the votes under a short lock.
//!
//! Every route starts with the room code; any other path, a wrong code included, is a 404.
//! There is no route that changes the presenter: the room may only read, and vote. Bodies over
//! 4 KiB get 413, votes over the rate limit 429; every response says `no-store`, sends no
//! referrer (the address holds the code) and the page forbids every script but its own.

use crate::i18n::room as msg;
use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use axum::Router;
use axum::extract::{ConnectInfo, DefaultBodyLimit, Form, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde::Deserialize;
use tokio_stream::StreamExt;
use tokio_stream::wrappers::WatchStream;

use super::votes::{Answer, Refused};
use super::{Shared, code, page};

/// Largest request body accepted, in bytes.
pub const MAX_BODY: usize = 4096;
/// Most event streams open at once (each is a few kilobytes).
const MAX_STREAMS: usize = 2000;
/// How long a long-poll (`wait`) waits for a change before answering with the same state.
const WAIT: Duration = Duration::from_secs(20);
/// The browser's voter cookie.
pub const COOKIE: &str = "glose_voter";

pub(super) fn router(shared: Arc<Shared>) -> Router {
    let base = format!("/{}", shared.code);
    Router::new()
        .route(&base, get(page_route))
        .route(&format!("{base}/"), get(page_route))
        .route(&format!("{base}/events"), get(events))
        .route(&format!("{base}/state"), get(state))
        .route(&format!("{base}/wait"), get(wait))
        .route(&format!("{base}/vote"), post(vote))
        .route(&format!("{base}/room.js"), get(script))
        .route(&format!("{base}/room.css"), get(style))
        .fallback(not_found)
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .layer(axum::middleware::map_response(safe_headers))
        .with_state(shared)
}

async fn safe_headers(mut response: Response) -> Response {
    let headers = response.headers_mut();
    for (name, value) in [
        (header::CACHE_CONTROL, "no-store"),
        (header::REFERRER_POLICY, "no-referrer"),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (
            header::CONTENT_SECURITY_POLICY,
            "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; \
             img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
        ),
    ] {
        headers.insert(name, HeaderValue::from_static(value));
    }
    response
}

async fn not_found() -> Response {
    (
        StatusCode::NOT_FOUND,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        "not found\n",
    )
        .into_response()
}

/// The voter id in the request's cookie, if it holds a valid one.
fn cookie_voter(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == COOKIE)
        .map(|(_, value)| value.trim().to_owned())
        .filter(|id| code::is_voter_id(id))
}

fn set_cookie(shared: &Shared, id: &str) -> HeaderValue {
    let value = format!(
        "{COOKIE}={id}; Path=/{}; HttpOnly; SameSite=Strict; Max-Age=86400",
        shared.code
    );
    HeaderValue::from_str(&value).unwrap_or_else(|_| HeaderValue::from_static(""))
}

async fn page_route(State(shared): State<Arc<Shared>>, headers: HeaderMap) -> Response {
    let (voter, fresh) = match cookie_voter(&headers) {
        Some(id) => (id, false),
        None => (code::new_voter_id().unwrap_or_default(), true),
    };
    let shown = shared.shown();
    let ballot = shared.ballot(shown.stop, &voter);
    let html = page::html(&shared, shown, ballot, None);
    let mut response = ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], html).into_response();
    if fresh && !voter.is_empty() {
        response
            .headers_mut()
            .insert(header::SET_COOKIE, set_cookie(&shared, &voter));
    }
    response
}

async fn script() -> Response {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        page::SCRIPT,
    )
        .into_response()
}

async fn style() -> Response {
    (
        [(header::CONTENT_TYPE, "text/css; charset=utf-8")],
        page::STYLE,
    )
        .into_response()
}

fn json_response(body: &str) -> Response {
    (
        [(header::CONTENT_TYPE, "application/json")],
        body.to_owned(),
    )
        .into_response()
}

async fn state(State(shared): State<Arc<Shared>>) -> Response {
    json_response(&shared.state.borrow().json)
}

#[derive(Deserialize)]
struct WaitQuery {
    after: Option<u64>,
}

/// Long-poll for `glose follow`: the state as soon as it is newer than `after`, or the same
/// state after [`WAIT`].
async fn wait(State(shared): State<Arc<Shared>>, Query(query): Query<WaitQuery>) -> Response {
    let mut rx = shared.state.subscribe();
    let after = query.after.unwrap_or(0);
    let deadline = tokio::time::Instant::now() + WAIT;
    loop {
        {
            let now = rx.borrow_and_update();
            if now.rev > after {
                return json_response(&now.json);
            }
        }
        match tokio::time::timeout_at(deadline, rx.changed()).await {
            Ok(Ok(())) => {}
            _ => return json_response(&rx.borrow().json),
        }
    }
}

/// Counts the open event streams; one less when the stream is dropped.
struct StreamSlot(Arc<Shared>);

impl Drop for StreamSlot {
    fn drop(&mut self) {
        self.0.streams.fetch_sub(1, Ordering::SeqCst);
    }
}

async fn events(State(shared): State<Arc<Shared>>) -> Response {
    if shared.streams.fetch_add(1, Ordering::SeqCst) >= MAX_STREAMS {
        shared.streams.fetch_sub(1, Ordering::SeqCst);
        return StatusCode::SERVICE_UNAVAILABLE.into_response();
    }
    let slot = StreamSlot(shared.clone());
    let stream = WatchStream::new(shared.state.subscribe()).map(move |published| {
        let _ = &slot;
        Ok::<_, Infallible>(
            Event::default()
                .event("state")
                .id(published.rev.to_string())
                .data(published.json.as_str()),
        )
    });
    Sse::new(stream)
        .keep_alive(KeepAlive::new().interval(Duration::from_secs(15)))
        .into_response()
}

#[derive(Deserialize)]
struct VoteForm {
    /// The stop the voter saw (a vote for a stop the room has left is refused).
    stop: Option<usize>,
    choice: Option<String>,
    value: Option<String>,
    /// A follower's own id (browsers have a cookie instead).
    voter: Option<String>,
}

/// What a vote gets back: plain words for a script or a follower, a redirect to the page for
/// a browser's form without script.
fn answered(shared: &Shared, scripted: bool, status: StatusCode, what: &str) -> Response {
    if scripted || status != StatusCode::OK {
        let code = if status == StatusCode::OK {
            StatusCode::OK
        } else {
            status
        };
        return (
            code,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            what.to_owned(),
        )
            .into_response();
    }
    let location = format!("/{}", shared.code);
    (
        StatusCode::SEE_OTHER,
        [(
            header::LOCATION,
            HeaderValue::from_str(&location).unwrap_or_else(|_| HeaderValue::from_static("/")),
        )],
    )
        .into_response()
}

async fn vote(
    State(shared): State<Arc<Shared>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Form(form): Form<VoteForm>,
) -> Response {
    let scripted = headers.contains_key("x-requested-with");
    let lang = shared.lang;
    let follower = form.voter.as_deref().filter(|v| code::is_voter_id(v));
    let (voter, fresh) = match follower
        .map(str::to_owned)
        .or_else(|| cookie_voter(&headers))
    {
        Some(id) => (id, false),
        None => match code::new_voter_id() {
            Some(id) => (id, true),
            None => {
                return answered(&shared, true, StatusCode::SERVICE_UNAVAILABLE, "no id");
            }
        },
    };
    let shown = shared.shown();
    let closed = |what| answered(&shared, scripted, StatusCode::CONFLICT, what);
    if form.stop.is_some_and(|stop| stop != shown.stop) {
        return closed(msg::vote_closed_facilitator_has_moved(lang));
    }
    if shown.revealed {
        return closed(msg::vote_closed_answer_shown(lang));
    }
    let Some(poll) = shared.stops.get(shown.stop).and_then(|s| s.poll.as_ref()) else {
        return closed(msg::there_no_vote_now(lang));
    };
    let Some(answer) = Answer::parse(poll, form.choice.as_deref(), form.value.as_deref()) else {
        return answered(
            &shared,
            scripted,
            StatusCode::BAD_REQUEST,
            msg::answer_not_one_choices(lang),
        );
    };
    let cast = shared.cast(shown.stop, &voter, peer.ip(), answer, Instant::now());
    let mut response = match cast {
        Ok(()) => answered(&shared, scripted, StatusCode::OK, msg::vote_counted(lang)),
        Err(Refused::TooFast) => answered(
            &shared,
            scripted,
            StatusCode::TOO_MANY_REQUESTS,
            msg::too_many_votes_once_wait(lang),
        ),
        Err(Refused::Full) => answered(
            &shared,
            scripted,
            StatusCode::SERVICE_UNAVAILABLE,
            msg::vote_full(lang),
        ),
    };
    if fresh && follower.is_none() {
        response
            .headers_mut()
            .insert(header::SET_COOKIE, set_cookie(&shared, &voter));
    }
    response
}

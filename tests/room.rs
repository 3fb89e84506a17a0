//! The room end to end, on the loopback: the real presenter in a pseudo-terminal opens a room
//! on a free port (`--room 127.0.0.1:0`), and plain HTTP clients (and `glose follow` in a
//! second terminal) use it as a room would. Every wait is bounded (`common::pty::TIMEOUT`).

#![cfg(unix)]
#![allow(clippy::unwrap_used)]

mod common;

use std::io::{BufRead, BufReader};
use std::time::{Duration, Instant};

use common::pty::{Session, TIMEOUT};

const RIGHT: &str = "\x1b[C";
const LEFT: &str = "\x1b[D";

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .timeout_global(Some(Duration::from_secs(20)))
        .http_status_as_error(false)
        .build()
        .into()
}

fn get(url: &str) -> (u16, String) {
    let mut response = agent().get(url).call().unwrap();
    let status = response.status().as_u16();
    (status, response.body_mut().read_to_string().unwrap())
}

fn vote(base: &str, fields: &[(&str, &str)]) -> u16 {
    agent()
        .post(&format!("{base}/vote"))
        .header("X-Requested-With", "glose")
        .send_form(fields.iter().copied())
        .unwrap()
        .status()
        .as_u16()
}

/// Starts the bundled tour's presenter with a room; returns it and the join address read off
/// its screen.
fn presenter() -> (Session, String) {
    presenter_with(&[])
}

/// `presenter` with extra environment variables.
fn presenter_with(env: &[(&str, &str)]) -> (Session, String) {
    let mut presenter = Session::start(&["present", "--room", "127.0.0.1:0"], 140, 40, env);
    presenter.wait_for("http://127.0.0.1:");
    let screen = presenter.contents();
    let at = screen.find("http://127.0.0.1:").unwrap();
    let base: String = screen[at..]
        .chars()
        .take_while(|c| !c.is_whitespace())
        .collect();
    assert_eq!(
        base.rsplit('/').next().unwrap().len(),
        6,
        "a six-letter code: {base}"
    );
    (presenter, base)
}

/// Waits until the room's state says `needle`.
fn wait_state(base: &str, needle: &str) -> String {
    let start = Instant::now();
    loop {
        let (status, body) = get(&format!("{base}/state"));
        assert_eq!(status, 200);
        if body.contains(needle) {
            return body;
        }
        assert!(start.elapsed() < TIMEOUT, "{needle} never came: {body}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn the_page_shows_the_stop_and_an_event_stream_follows_the_presenter() {
    let (mut presenter, base) = presenter();
    let (status, page) = get(&base);
    assert_eq!(status, 200);
    assert!(page.contains("<h1>Avertissement"), "{page}");
    assert!(page.contains("Étape 1/10"));
    assert!(
        !page.contains("À dire avant toute lecture"),
        "the facilitator's notes stay out"
    );
    // An event stream, read as a browser's EventSource would.
    let events = std::thread::spawn({
        let url = format!("{base}/events");
        move || {
            let response = agent().get(&url).call().unwrap();
            assert_eq!(response.status().as_u16(), 200);
            let mut lines = BufReader::new(response.into_body().into_reader()).lines();
            let mut seen = Vec::new();
            while let Some(Ok(line)) = lines.next() {
                if let Some(data) = line.strip_prefix("data:") {
                    seen.push(data.trim().to_owned());
                    if data.contains("\"stop\":1,") {
                        return seen;
                    }
                }
            }
            seen
        }
    });
    std::thread::sleep(Duration::from_millis(200));
    presenter.send(RIGHT);
    presenter.wait_for("Étape 2/10");
    let seen = events.join().unwrap();
    assert!(
        seen.last().unwrap().contains("Lecture de l’essai"),
        "{seen:?}"
    );
    presenter.send("q");
    presenter.wait_exit();
}

#[test]
fn a_wrong_code_is_not_found_and_a_big_body_too_large() {
    let (mut presenter, base) = presenter();
    let (root, code) = base.rsplit_once('/').unwrap();
    let wrong = if code == "ZZZZZZ" { "YYYYYY" } else { "ZZZZZZ" };
    for path in ["", "/state", "/events", "/room.js"] {
        assert_eq!(get(&format!("{root}/{wrong}{path}")).0, 404, "{path}");
    }
    assert_eq!(get(&format!("{root}/")).0, 404);
    assert_eq!(get(&format!("{root}/{}", code.to_lowercase())).0, 404);
    let big = "x".repeat(5000);
    assert_eq!(vote(&base, &[("choice", "1"), ("pad", &big)]), 413);
    assert_eq!(vote(&base, &[("choice", "1")]), 409, "no poll on stop 1");
    presenter.send("q");
    presenter.wait_exit();
}

#[test]
fn thirty_voters_are_counted_once_each_and_the_distribution_waits_for_v() {
    let (mut presenter, base) = presenter();
    for _ in 0..3 {
        presenter.send(RIGHT);
    }
    presenter.wait_for("Étape 4/10");
    wait_state(&base, "\"stop\":3,");
    let voters: Vec<String> = (0..30).map(|i| format!("voter{i:04}abcdefgh")).collect();
    std::thread::scope(|scope| {
        for (i, voter) in voters.iter().enumerate() {
            let base = &base;
            scope.spawn(move || {
                // A first vote, then a change of mind: only the second counts.
                assert_eq!(
                    vote(base, &[("stop", "3"), ("choice", "1"), ("voter", voter)]),
                    200
                );
                let choice = if i < 20 { "3" } else { "2" };
                assert_eq!(
                    vote(base, &[("stop", "3"), ("choice", choice), ("voter", voter)]),
                    200
                );
            });
        }
    });
    presenter.wait_for("30 réponses");
    assert!(
        !presenter.contents().contains("%)"),
        "no distribution before v"
    );
    let state = wait_state(&base, "\"stop\":3,");
    assert!(state.contains("\"results\":null"), "{state}");
    presenter.send("v");
    presenter.wait_for("20 (67 %)");
    presenter.wait_for("10 (33 %)");
    let state = wait_state(&base, "\"revealed\":true");
    assert!(state.contains("\"counts\":[0,10,20]"), "{state}");
    assert_eq!(
        vote(
            &base,
            &[("stop", "3"), ("choice", "1"), ("voter", &voters[0])]
        ),
        409,
        "closed once revealed"
    );
    presenter.send("q");
    presenter.wait_exit();
}

#[test]
fn the_verdict_is_absent_until_revealed() {
    let (mut presenter, base) = presenter();
    presenter.send(RIGHT);
    presenter.send(RIGHT);
    presenter.wait_for("Étape 3/10");
    let state = wait_state(&base, "\"stop\":2,");
    assert!(state.contains("\"verdict\":null"), "{state}");
    let (_, page) = get(&base);
    assert!(!page.contains("class=\"verdict\""), "{page}");
    assert!(
        !page.contains("Banque mondiale, 2023"),
        "nothing of the verdict"
    );
    presenter.send("v");
    let state = wait_state(&base, "\"revealed\":true");
    assert!(!state.contains("\"verdict\":null"), "{state}");
    let (_, page) = get(&base);
    assert!(page.contains("class=\"verdict\""));
    presenter.send("q");
    presenter.wait_exit();
}

#[test]
fn glose_follow_follows_steps_away_and_rejoins() {
    let (mut presenter, base) = presenter();
    let mut follower = Session::start(&["follow", &base], 120, 35, &[]);
    follower.wait_for("avec la salle");
    follower.wait_for("Étape 1/10");
    presenter.send(RIGHT);
    follower.wait_for("Étape 2/10");
    follower.send(LEFT);
    follower.wait_for("1 étape de retard — F pour rejoindre");
    presenter.send(RIGHT);
    follower.wait_for("2 étapes de retard");
    follower.send("F");
    follower.wait_for("avec la salle");
    follower.wait_for("Étape 3/10");
    // The poll at stop 4: the room moves, the follower goes with it and answers with a digit.
    presenter.send(RIGHT);
    follower.wait_for("Étape 4/10");
    follower.send("3");
    follower.wait_for("Vote compté");
    presenter.wait_for("1 réponse");
    follower.send("q");
    follower.wait_exit();
    presenter.send("q");
    presenter.wait_exit();
}

/// The results file in `state` (the only `*.results.json` there), once it says `needle`.
fn wait_results(state: &std::path::Path, needle: &str) -> String {
    let start = Instant::now();
    loop {
        let text = std::fs::read_dir(state)
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .find(|p| p.to_string_lossy().ends_with(".results.json"))
            .and_then(|p| std::fs::read_to_string(p).ok())
            .unwrap_or_default();
        if text.contains(needle) {
            return text;
        }
        assert!(
            start.elapsed() < TIMEOUT,
            "the results never said {needle}: {text}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn a_killed_presenter_keeps_its_votes_and_a_new_session_starts_empty() {
    use nix::sys::signal::{Signal, kill};
    use nix::unistd::Pid;
    let state = tempfile::tempdir().unwrap();
    let env = [("GLOSE_STATE_DIR", state.path().to_str().unwrap())];
    let (mut presenter, base) = presenter_with(&env);
    for _ in 0..3 {
        presenter.send(RIGHT);
    }
    presenter.wait_for("Étape 4/10");
    wait_state(&base, "\"stop\":3,");
    for (i, choice) in ["1", "3", "3"].into_iter().enumerate() {
        let voter = format!("voter{i:04}abcdefgh");
        assert_eq!(
            vote(
                &base,
                &[("stop", "3"), ("choice", choice), ("voter", &voter)]
            ),
            200
        );
    }
    presenter.wait_for("3 réponses");
    // Saved within a second of the votes, with the session they belong to.
    let saved = wait_results(state.path(), "\"answers\": 3");
    assert!(saved.contains("\"session\": "), "{saved}");
    let pid = Pid::from_raw(i32::try_from(presenter.pid().unwrap()).unwrap());
    kill(pid, Signal::SIGKILL).unwrap();
    presenter.wait_exit();

    // Cut off: the session is resumed at its stop, with its votes.
    let mut again = Session::start(&["present", "--room", "127.0.0.1:0"], 140, 40, &env);
    again.wait_for("Séance reprise\u{a0}: Étape 4/10");
    again.wait_for("Vote · 3 réponses");
    again.send("v"); // answers the offer (the resumed session stays), nothing else
    again.wait_for("http://127.0.0.1:");
    again.send("v");
    again.wait_for("2 (67 %)");
    again.wait_for("1 (33 %)");
    again.send("q");
    assert_eq!(again.wait_exit(), 0);

    // Cut off again, then `n`: a new session, whose poll starts with no votes.
    let path = std::fs::read_dir(state.path())
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.to_string_lossy().ends_with(".presenter.toml"))
        .unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replace("ended_cleanly = true", "ended_cleanly = false"),
    )
    .unwrap();
    let mut fresh = Session::start(&["present", "--room", "127.0.0.1:0"], 140, 40, &env);
    fresh.wait_for("Vote · 3 réponses");
    fresh.send("n");
    fresh.wait_for("Étape 1/10");
    for _ in 0..3 {
        fresh.send(RIGHT);
    }
    fresh.wait_for("Étape 4/10");
    fresh.wait_for("Vote · 0 réponse");
    assert!(
        !fresh.contents().contains("3 réponses"),
        "{}",
        fresh.contents()
    );
    fresh.send("q");
    assert_eq!(fresh.wait_exit(), 0);
}

#[test]
fn the_notes_window_shows_the_votes_as_they_come_before_the_room_sees_them() {
    let dir = tempfile::tempdir().unwrap();
    let run = dir.path().join("run");
    let env = [("GLOSE_RUNTIME_DIR", run.to_str().unwrap())];
    let mut notes = Session::start(&["notes"], 100, 40, &env);
    notes.wait_for("En attente d’une présentation");
    let (mut presenter, base) = presenter_with(&env);
    for _ in 0..3 {
        presenter.send(RIGHT);
    }
    presenter.wait_for("Étape 4/10");
    notes.wait_for("Étape 4/10");
    notes.wait_for("Vote · 0 réponse");
    wait_state(&base, "\"stop\":3,");
    for (i, choice) in ["3", "3", "1"].into_iter().enumerate() {
        let voter = format!("voter{i:04}abcdefgh");
        assert_eq!(
            vote(
                &base,
                &[("stop", "3"), ("choice", choice), ("voter", &voter)]
            ),
            200
        );
    }
    // The facilitator sees the distribution at once; the projected screen and the room only
    // the count.
    notes.wait_for("Vote · 3 réponses");
    notes.wait_for("2 (67 %)");
    notes.wait_for("1 (33 %)");
    notes.wait_for("la salle le voit quand vous révélez");
    presenter.wait_for("3 réponses");
    assert!(
        !presenter.contents().contains("%)"),
        "{}",
        presenter.contents()
    );
    assert!(wait_state(&base, "\"stop\":3,").contains("\"results\":null"));
    presenter.send("v");
    presenter.wait_for("2 (67 %)");
    notes.wait_until("shown to the room", |s| {
        s.contains("2 (67 %)") && !s.contains("la salle le voit quand vous révélez")
    });
    presenter.send("q");
    assert_eq!(presenter.wait_exit(), 0);
    notes.send("q");
    assert_eq!(notes.wait_exit(), 0);
}

/// The fixture tour with a guess on its second stop (« 430 M »), in a folder of the test's.
fn tour_with_a_guess() -> tempfile::TempDir {
    let fixture = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/tour-atelier");
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(fixture).unwrap().flatten() {
        std::fs::copy(entry.path(), dir.path().join(entry.file_name())).unwrap();
    }
    let tour = dir.path().join("tour.toml");
    let text = std::fs::read_to_string(&tour).unwrap().replacen(
        "big = \"430 M\"",
        "big = \"430 M\"\nguess = { unit = \"millions\", min = 0, max = 1000, answer = 435 }",
        1,
    );
    assert!(text.contains("guess = "));
    std::fs::write(&tour, text).unwrap();
    dir
}

#[test]
fn a_follower_types_a_guess_and_the_presenter_counts_it() {
    let tour = tour_with_a_guess();
    let folder = tour.path().to_str().unwrap();
    let mut presenter = Session::start(&["present", folder, "--room", "127.0.0.1:0"], 140, 40, &[]);
    presenter.wait_for("http://127.0.0.1:");
    let screen = presenter.contents();
    let at = screen.find("http://127.0.0.1:").unwrap();
    let base: String = screen[at..]
        .chars()
        .take_while(|c| !c.is_whitespace())
        .collect();
    let mut follower = Session::start(&["follow", &base, folder], 120, 35, &[]);
    follower.wait_for("avec la salle");
    presenter.send(RIGHT);
    presenter.wait_for("Étape 2/4");
    presenter.wait_for("Estimation (millions, de 0 à 1000) · 0 réponse");
    follower.wait_for("Étape 2/4");
    follower.wait_for("Estimation (millions, de 0 à 1000) — tapez");
    // Out of range: said, and nothing is sent.
    follower.send("2000\r");
    follower.wait_for("donnez un nombre de 0 à 1000");
    // A number typed digit by digit, one mistake rubbed out, then Enter.
    follower.send("43");
    follower.wait_for("Votre estimation\u{a0}: 43▏");
    follower.send("9\x7f5");
    follower.wait_for("Votre estimation\u{a0}: 435▏");
    follower.send("\r");
    follower.wait_for("Vote compté");
    follower.wait_for("Votre estimation\u{a0}: 435");
    presenter.wait_for("Estimation (millions, de 0 à 1000) · 1 réponse");
    assert!(!presenter.contents().contains("Médiane"), "not before v");
    presenter.send("v");
    presenter.wait_for("Médiane\u{a0}: 435 millions · la réponse\u{a0}: 435 millions");
    presenter.wait_for("1 (100 %)");
    follower.wait_for("médiane 435");
    follower.send("q");
    assert_eq!(follower.wait_exit(), 0);
    presenter.send("q");
    assert_eq!(presenter.wait_exit(), 0);
}

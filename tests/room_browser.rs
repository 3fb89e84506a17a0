//! A real browser in the room: headless Chromium, driven through ChromeDriver's WebDriver API
//! (plain HTTP and JSON), loads the room's page, sees the stop, clicks an answer, and the
//! presenter's count of answers changes. Skipped, with the reason printed, where Chromium or
//! ChromeDriver is not installed (`.ci/run` installs them: Debian's chromium, chromium-driver).

#![cfg(unix)]
#![allow(clippy::unwrap_used)]

mod common;

use std::net::TcpListener;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::pty::{Session, TIMEOUT};
use serde_json::{Value, json};

const RIGHT: &str = "\x1b[C";

fn find(names: &[&str]) -> Option<String> {
    names
        .iter()
        .find(|p| Path::new(p).exists())
        .map(|p| (*p).to_owned())
}

/// Kills ChromeDriver (and so its browser) when the test ends, however it ends.
struct Driver(Child);

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .timeout_global(Some(Duration::from_secs(30)))
        .http_status_as_error(false)
        .build()
        .into()
}

fn post(url: &str, body: &Value) -> Value {
    let mut response = agent()
        .post(url)
        .header("Content-Type", "application/json")
        .send(body.to_string())
        .unwrap();
    let text = response.body_mut().read_to_string().unwrap();
    serde_json::from_str(&text).unwrap_or(Value::Null)
}

fn get(url: &str) -> Value {
    let mut response = agent().get(url).call().unwrap();
    let text = response.body_mut().read_to_string().unwrap();
    serde_json::from_str(&text).unwrap_or(Value::Null)
}

#[test]
fn chromium_loads_the_page_votes_and_the_presenter_counts_it() {
    let Some(chromium) = find(&["/usr/bin/chromium", "/usr/bin/chromium-browser"]) else {
        println!("skipped: Chromium is not installed (apt-get install chromium chromium-driver)");
        return;
    };
    let Some(chromedriver) = find(&["/usr/bin/chromedriver"]) else {
        println!("skipped: ChromeDriver is not installed (apt-get install chromium-driver)");
        return;
    };
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let _driver = Driver(
        Command::new(chromedriver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let webdriver = format!("http://127.0.0.1:{port}");
    let start = Instant::now();
    let ready = || {
        agent()
            .get(&format!("{webdriver}/status"))
            .call()
            .ok()
            .and_then(|mut r| r.body_mut().read_to_string().ok())
            .and_then(|t| serde_json::from_str::<Value>(&t).ok())
            .is_some_and(|v| v["value"]["ready"] == json!(true))
    };
    while !ready() {
        assert!(start.elapsed() < TIMEOUT, "ChromeDriver did not start");
        std::thread::sleep(Duration::from_millis(100));
    }

    let mut presenter = Session::start(&["present", "--room", "127.0.0.1:0"], 140, 40, &[]);
    presenter.wait_for("http://127.0.0.1:");
    let screen = presenter.contents();
    let at = screen.find("http://127.0.0.1:").unwrap();
    let base: String = screen[at..]
        .chars()
        .take_while(|c| !c.is_whitespace())
        .collect();
    for _ in 0..3 {
        presenter.send(RIGHT);
    }
    presenter.wait_for("Étape 4/10");
    presenter.wait_for("0 réponse");

    let profile = tempfile::tempdir().unwrap();
    let session = post(
        &format!("{webdriver}/session"),
        &json!({ "capabilities": { "alwaysMatch": { "goog:chromeOptions": {
            "binary": chromium,
            "args": [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
                format!("--user-data-dir={}", profile.path().display()),
            ],
        }}}}),
    );
    let id = session["value"]["sessionId"]
        .as_str()
        .unwrap_or_else(|| panic!("no browser session: {session}"))
        .to_owned();
    let at = |path: &str| format!("{webdriver}/session/{id}{path}");
    post(&at("/url"), &json!({ "url": base }));
    // The page shows the stop the presenter is on.
    let element = |css: &str| {
        let found = post(
            &at("/element"),
            &json!({ "using": "css selector", "value": css }),
        );
        found["value"]
            .as_object()
            .and_then(|o| o.values().next())
            .and_then(Value::as_str)
            .map(str::to_owned)
    };
    let start = Instant::now();
    let heading = loop {
        if let Some(h1) = element("h1") {
            let text = get(&at(&format!("/element/{h1}/text")))["value"]
                .as_str()
                .unwrap_or("")
                .to_owned();
            if text.contains("80") {
                break text;
            }
        }
        assert!(start.elapsed() < TIMEOUT, "the page never showed stop 4");
        std::thread::sleep(Duration::from_millis(100));
    };
    assert!(heading.contains("exact, mais solide"), "{heading}");
    // The room moves on and the page follows by itself (the event stream), then back.
    presenter.send(RIGHT);
    presenter.wait_for("Étape 5/10");
    let start = Instant::now();
    loop {
        let h1 = element("h1").unwrap();
        let text = get(&at(&format!("/element/{h1}/text")))["value"].clone();
        if text.as_str().unwrap_or("").contains("Kenya") {
            break;
        }
        assert!(start.elapsed() < TIMEOUT, "the page did not follow: {text}");
        std::thread::sleep(Duration::from_millis(100));
    }
    // A click on the third answer: the presenter counts it.
    let button = element("button[name=choice][value='3']").unwrap();
    post(&at(&format!("/element/{button}/click")), &json!({}));
    presenter.wait_for("1 réponse");
    let _ = agent().delete(&at("")).call();
    presenter.send("q");
    presenter.wait_exit();
}

//! The room under load: 200 clients at once (100 browsers on the event stream, 100 `glose
//! follow` long-polls) on the loopback, the room in a process of its own (this benchmark run
//! again with `--serve`) exactly as `glose present --room` runs it.
//!
//! Measured: how long a stop change takes to reach every client (p50, p99, max over 30 stop
//! changes × 200 clients); the serving process's peak memory (VmHWM) with the 200 connected;
//! and the presenter's cost per key (update + hand-over to the room + a 120×35 frame) with the
//! 200 connected, against the same presenter without a room, three ways:
//! - *paced*: a key every 40 ms, as a presenter types at most, each key's own wall time until
//!   its frame is drawn and the room told (the room sends it on while the loop waits);
//! - *CPU*: the presenter thread's own CPU time per key (`/proc/thread-self/stat`), keys back
//!   to back: what the room adds to the presenter's work, whatever else the machine runs;
//! - *back to back*: keys as fast as the machine goes, wall time. On this benchmark's one
//!   machine the 200 clients (and the room fanning every stop out to them) run on the same
//!   cores as the presenter, which a real room's phones and laptops do not: this one measures
//!   the machine, not the presenter.
//!
//! With and without are measured in turns (a key, or a block of 100 keys, of each), so that a
//! change in the machine's load weighs on both alike.
//!
//! `cargo bench --bench room` (`GLOSE_ROOM_CLIENTS=N` for another count). Reported in
//! BENCHMARKS.md. Not a criterion benchmark: it prints its own figures.

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use glose::app::App;
use glose::room::{Room, Shown};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent};

const ROUNDS: u64 = 30;

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .timeout_global(Some(Duration::from_secs(60)))
        .http_status_as_error(false)
        .build()
        .into()
}

fn rev_of(json: &str) -> Option<u64> {
    let at = json.find("\"rev\":")? + 6;
    json[at..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect::<String>()
        .parse()
        .ok()
}

fn kib(field: &str, pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .unwrap_or_default()
        .lines()
        .find(|l| l.starts_with(field))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

fn main() {
    if std::env::args().any(|a| a == "--serve") {
        serve();
        return;
    }
    let clients: usize = std::env::var("GLOSE_ROOM_CLIENTS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(200);
    let exe = std::env::current_exe().expect("this benchmark's path");
    let mut child = Command::new(exe)
        .arg("--serve")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("the serving process");
    let pid = child.id();
    let mut to_child = child.stdin.take().expect("its input");
    let mut from_child = BufReader::new(child.stdout.take().expect("its output")).lines();
    let mut line = || from_child.next().and_then(Result::ok).unwrap_or_default();
    let join = line();
    let base = join.trim_start_matches("JOIN ").to_owned();
    let before_clients = kib("VmRSS:", pid);

    let (tx, rx) = mpsc::channel::<(u64, Instant)>();
    let (ready_tx, ready_rx) = mpsc::channel::<()>();
    for i in 0..clients {
        let (tx, ready, base) = (tx.clone(), ready_tx.clone(), base.clone());
        std::thread::spawn(move || {
            if i % 2 == 0 {
                // A browser: the event stream.
                let response = agent()
                    .get(&format!("{base}/events"))
                    .call()
                    .expect("events");
                let reader = BufReader::new(response.into_body().into_reader());
                let mut first = true;
                for line in reader.lines() {
                    let Ok(line) = line else { return };
                    if let Some(rev) = line.strip_prefix("data:").and_then(rev_of) {
                        if first {
                            first = false;
                            let _ = ready.send(());
                        } else if tx.send((rev, Instant::now())).is_err() {
                            return;
                        }
                    }
                }
            } else {
                // A follower: long-polls.
                let agent = agent();
                let text = |url: &str| {
                    agent
                        .get(url)
                        .call()
                        .ok()
                        .and_then(|mut r| r.body_mut().read_to_string().ok())
                        .unwrap_or_default()
                };
                let mut rev = rev_of(&text(&format!("{base}/state"))).unwrap_or(0);
                let _ = ready.send(());
                loop {
                    let state = text(&format!("{base}/wait?after={rev}"));
                    let Some(now) = rev_of(&state) else { return };
                    if now > rev {
                        rev = now;
                        if tx.send((rev, Instant::now())).is_err() {
                            return;
                        }
                    }
                }
            }
        });
    }
    for _ in 0..clients {
        ready_rx
            .recv_timeout(Duration::from_secs(60))
            .expect("every client connected");
    }
    // The long-polls are parked on the server.
    std::thread::sleep(Duration::from_millis(500));
    let mut latencies = Vec::new();
    let mut rev = 1;
    for _ in 0..ROUNDS {
        rev += 1;
        let sent = Instant::now();
        writeln!(to_child, "next").expect("tell the room");
        to_child.flush().expect("tell the room");
        let mut got = 0;
        while got < clients {
            let (r, at) = rx
                .recv_timeout(Duration::from_secs(10))
                .expect("every client hears of the change");
            if r == rev {
                latencies.push(at.duration_since(sent));
                got += 1;
            }
        }
        // The followers ask again before the next change.
        std::thread::sleep(Duration::from_millis(150));
    }
    latencies.sort();
    let pick = |q: f64| latencies[((latencies.len() as f64 - 1.0) * q).round() as usize];
    let (hwm, rss) = (kib("VmHWM:", pid), kib("VmRSS:", pid));
    writeln!(to_child, "keys").expect("ask for the key timings");
    let keys = line();
    println!(
        "room: {clients} clients ({} event streams, {} long-polls), {ROUNDS} stop changes",
        clients.div_ceil(2),
        clients / 2
    );
    println!(
        "  stop change reaches a client: p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        pick(0.5).as_secs_f64() * 1e3,
        pick(0.99).as_secs_f64() * 1e3,
        latencies.last().copied().unwrap_or_default().as_secs_f64() * 1e3
    );
    println!(
        "  serving process: {:.1} MB resident before the clients, {:.1} MB with them (peak {:.1} MB)",
        before_clients as f64 / 1024.0,
        rss as f64 / 1024.0,
        hwm as f64 / 1024.0
    );
    println!("  {keys}");
    writeln!(to_child, "quit").ok();
    let _ = child.wait();
}

/// The serving side: the bundled tour's room on a free loopback port, moved one stop per
/// `next` line; `keys` times the presenter's keys with and without the room.
fn serve() {
    let article = glose::content::load_bundled()
        .expect("the bundled article")
        .article;
    let lang = glose::i18n::Lang::Fr;
    let addr = "127.0.0.1:0".parse().expect("an address");
    let mut room = Room::start(addr, &article, lang).expect("the room opens");
    let stops = article.tour.len();
    let mut shown = Shown::default();
    room.publish(shown);
    println!("JOIN {}", room.join);
    let input = std::io::stdin();
    let mut room = Some(room);
    for line in input.lock().lines() {
        let Ok(line) = line else { break };
        match line.trim() {
            "next" => {
                shown.stop = (shown.stop + 1) % stops;
                if let Some(room) = room.as_mut() {
                    room.publish(shown);
                }
            }
            "keys" => {
                let Some(room) = room.as_mut() else { break };
                let (with, without) = presenter_keys(&article, room);
                let us = |s: f64| s * 1e6;
                println!(
                    "presenter, per key (→/← + hand-over + 120×35 frame), with the room and its \
                     clients / without a room: paced {:.0} / {:.0} µs ({:.2}×); CPU {:.0} / {:.0} \
                     µs ({:.2}×); back to back {:.0} / {:.0} µs ({:.2}×)",
                    us(with.paced),
                    us(without.paced),
                    with.paced / without.paced,
                    us(with.cpu),
                    us(without.cpu),
                    with.cpu / without.cpu,
                    us(with.wall),
                    us(without.wall),
                    with.wall / without.wall,
                );
                let _ = std::io::stdout().flush();
            }
            _ => break,
        }
    }
    drop(room.take());
}

/// Seconds per presenter key.
#[derive(Default)]
struct KeyCost {
    /// Median wall time of one key, a key every 40 ms.
    paced: f64,
    /// Mean over blocks of 100 keys back to back of the presenter thread's CPU time per key.
    cpu: f64,
    /// Median over the same blocks of the wall time per key.
    wall: f64,
}

/// This thread's CPU time so far (user + system), in seconds.
fn thread_cpu() -> f64 {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").unwrap_or_default();
    // After the command's closing parenthesis: state is field 3, utime 14, stime 15.
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map(|(_, rest)| rest.split_whitespace().collect())
        .unwrap_or_default();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<u64>().ok())
            .unwrap_or(0)
    };
    // Linux reports these in clock ticks of 1/100 s (USER_HZ).
    (ticks(11) + ticks(12)) as f64 / 100.0
}

fn mean(values: &[f64]) -> f64 {
    values.iter().sum::<f64>() / values.len().max(1) as f64
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values.get(values.len() / 2).copied().unwrap_or(0.0)
}

/// One presenter, handling its keys as the loop does: the key, the votes read for the frame,
/// the frame, then the room told.
struct Presenter<'r> {
    app: App,
    terminal: Terminal<TestBackend>,
    room: Option<&'r mut Room>,
    i: usize,
}

impl Presenter<'_> {
    /// One key; returns when its frame was drawn (the room is told after).
    fn key(&mut self) -> Instant {
        let keys = [KeyCode::Right, KeyCode::Left];
        let app = &mut self.app;
        app.handle_event(&Event::Key(KeyEvent::from(keys[(self.i / 3) % 2])));
        self.i += 1;
        let shown = match (app.presenter.as_ref(), app.tour_progress()) {
            (Some(presenter), Some(progress)) => Some(Shown {
                stop: progress.stop,
                revealed: presenter.revealed,
                blanked: presenter.blanked,
            }),
            _ => None,
        };
        if let (Some(room), Some(presenter), Some(shown)) =
            (self.room.as_deref_mut(), app.presenter.as_ref(), shown)
        {
            room.set_session(presenter.session);
            room.refresh(shown.stop);
        }
        self.terminal
            .draw(|frame| glose::ui::render(app, frame))
            .expect("a frame");
        let drawn = Instant::now();
        if let (Some(room), Some(shown)) = (self.room.as_deref_mut(), shown) {
            room.publish(shown);
        }
        drawn
    }
}

/// The presenter's keys with `room` and without a room, measured in turns (a key or a block
/// of keys of one, then of the other) so that a change in the machine's load weighs on both.
fn presenter_keys(article: &glose::content::Article, room: &mut Room) -> (KeyCost, KeyCost) {
    let theme = glose::theme::Theme::named(glose::theme::ThemeName::HighContrast);
    let presenter = |room| {
        let mut app = App::new(
            article.clone(),
            glose::i18n::Lang::Fr,
            theme.clone(),
            (120, 35),
        );
        app.open_presenter(true);
        Presenter {
            app,
            terminal: Terminal::new(TestBackend::new(120, 35)).expect("a test terminal"),
            room,
            i: 0,
        }
    };
    let mut both = [presenter(Some(room)), presenter(None)];
    for presenter in &mut both {
        for _ in 0..50 {
            presenter.key();
        }
    }
    let mut paced = [Vec::new(), Vec::new()];
    for _ in 0..150 {
        for (presenter, times) in both.iter_mut().zip(&mut paced) {
            std::thread::sleep(Duration::from_millis(40));
            let start = Instant::now();
            let drawn = presenter.key();
            times.push((drawn - start).as_secs_f64());
        }
    }
    const BLOCK: usize = 100;
    let (mut cpu, mut wall) = ([Vec::new(), Vec::new()], [Vec::new(), Vec::new()]);
    for _ in 0..10 {
        for (k, presenter) in both.iter_mut().enumerate() {
            let (start, used) = (Instant::now(), thread_cpu());
            for _ in 0..BLOCK {
                presenter.key();
            }
            cpu[k].push((thread_cpu() - used) / BLOCK as f64);
            wall[k].push(start.elapsed().as_secs_f64() / BLOCK as f64);
        }
    }
    let [p0, p1] = paced;
    let [c0, c1] = cpu;
    let [w0, w1] = wall;
    (
        KeyCost {
            paced: median(p0),
            cpu: mean(&c0),
            wall: median(w0),
        },
        KeyCost {
            paced: median(p1),
            cpu: mean(&c1),
            wall: median(w1),
        },
    )
}

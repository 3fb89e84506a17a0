//! SIGKILL during a save never loses earlier notes: a child process saves a growing notebook in
//! a loop through `store::Store`, the test kills it at varying moments, and the notes file must
//! still parse and hold every note saved before the kill (and nothing is set aside as corrupt).
//!
//! Also with two such children saving the same file at once (each merging the other's notes
//! under the lock), killed together.
//!
//! The child is this same test binary, re-run with `GLOSE_KILL_CHILD_DIR` set.

#![cfg(unix)]
// Test code: helpers outside `#[test]` functions unwrap too.
#![allow(clippy::unwrap_used)]

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use glose::notebook::{Note, Notebook, Place, Spot};
use glose::store::{Durability, Paths, Store, write_atomic};

const CHILD_ENV: &str = "GLOSE_KILL_CHILD_DIR";

/// Set for children that share the file: each pauses a moment between saves, as a person does,
/// so that neither takes the lock back the instant it lets it go and starves the other.
const PAUSE_ENV: &str = "GLOSE_KILL_CHILD_PAUSE";

fn note(id: &str, text: String) -> Note {
    Note {
        id: id.to_owned(),
        created: 1,
        updated: 1,
        spot: Spot {
            part: "partie-1".to_owned(),
            quote: "Le mythe".to_owned(),
            ..Spot::default()
        },
        text,
        conflict: false,
        place: Place::Orphan,
    }
}

fn open(dir: &Path) -> (Store, glose::store::Loaded) {
    Store::open(Paths::in_dirs(dir, dir, "essai"), "Essai")
}

/// The child: adds a note and saves, forever (bounded), printing `saved ID` after each save.
fn store_child(dir: &Path) {
    let (mut store, loaded) = open(dir);
    let mut book: Notebook = loaded.notebook;
    let start = Instant::now();
    let pid = std::process::id();
    for k in 0..100_000 {
        if start.elapsed() > Duration::from_secs(30) {
            break;
        }
        let id = format!("c{pid}-{k}");
        book.notes.push(note(&id, format!("note {k} ").repeat(200)));
        book = store.save_notes(&book).expect("save");
        println!("saved {id}");
        if std::env::var_os(PAUSE_ENV).is_some_and(|v| !v.is_empty()) {
            std::thread::sleep(Duration::from_millis(15));
        }
    }
}

/// The raw child: rewrites a large notes file with `write_atomic` in a loop, so that a kill
/// almost always lands in the middle of a write.
fn raw_child(dir: &Path) {
    let path = Paths::in_dirs(dir, dir, "essai").notes;
    let (_, loaded) = open(dir);
    let mut book = loaded.notebook;
    book.notes
        .push(note("padding", "remplissage ".repeat(50_000)));
    // Serialised once: the loop is nearly all writing, so kills land mid-write.
    let mut base = String::from("version = 1\n");
    base.push_str(&toml::to_string(&book).expect("serialise"));
    let start = Instant::now();
    let pid = std::process::id();
    for k in 0..100_000 {
        if start.elapsed() > Duration::from_secs(30) {
            break;
        }
        let id = format!("r{pid}-{k}");
        base.push_str(&format!(
            "\n[[note]]\nid = \"{id}\"\ncreated = 1\nupdated = 1\ntext = \"x\"\n"
        ));
        write_atomic(&path, base.as_bytes(), Durability::Durable).expect("write");
        println!("saved {id}");
    }
}

#[test]
fn sigkill_during_save_never_loses_earlier_notes() {
    if let Some(dir) = std::env::var_os(CHILD_ENV) {
        store_child(Path::new(&dir));
        return;
    }
    kill_rounds("sigkill_during_save_never_loses_earlier_notes", 6, 1);
}

#[test]
fn sigkill_during_two_concurrent_saves_never_loses_a_note() {
    if let Some(dir) = std::env::var_os(CHILD_ENV) {
        store_child(Path::new(&dir));
        return;
    }
    kill_rounds(
        "sigkill_during_two_concurrent_saves_never_loses_a_note",
        6,
        2,
    );
}

#[test]
fn sigkill_during_an_atomic_write_leaves_the_old_or_the_new_file() {
    if let Some(dir) = std::env::var_os(CHILD_ENV) {
        raw_child(Path::new(&dir));
        return;
    }
    kill_rounds(
        "sigkill_during_an_atomic_write_leaves_the_old_or_the_new_file",
        10,
        1,
    );
}

/// Saves earlier notes, then `rounds` times: runs `writers` children of the test `name` at once
/// on the same file, lets each save a few times, kills them all, and checks the file holds every
/// note any of them reported saved.
fn kill_rounds(name: &str, rounds: u64, writers: usize) {
    let dir = tempfile::tempdir().unwrap();
    // Earlier notes, big enough that a write takes a while.
    let (mut store, _) = open(dir.path());
    let earlier = Notebook {
        notes: (0..3)
            .map(|i| note(&format!("earlier-{i}"), "« mot » ".repeat(3000)))
            .collect(),
        bookmarks: Vec::new(),
    };
    store.save_notes(&earlier).unwrap();
    drop(store);

    let mut confirmed: Vec<String> = Vec::new();
    for round in 0..rounds {
        let mut children: Vec<_> = (0..writers)
            .map(|_| {
                Command::new(std::env::current_exe().unwrap())
                    .args([name, "--exact", "--nocapture", "--test-threads=1"])
                    .env(CHILD_ENV, dir.path())
                    .stdout(Stdio::piped())
                    .env(PAUSE_ENV, if writers > 1 { "1" } else { "" })
                    .stderr(Stdio::null())
                    .spawn()
                    .unwrap()
            })
            .collect();
        let mut outputs: Vec<_> = children
            .iter_mut()
            .map(|child| BufReader::new(child.stdout.take().unwrap()).lines())
            .collect();
        let wanted = 2 + (round % 4) as usize;
        for lines in &mut outputs {
            let mut seen = 0;
            while seen < wanted {
                let line = lines
                    .next()
                    .expect("the child saves")
                    .expect("read the child");
                if let Some(id) = line.strip_prefix("saved ") {
                    confirmed.push(id.to_owned());
                    seen += 1;
                }
            }
        }
        // Kill at a different moment of the next save each round.
        std::thread::sleep(Duration::from_micros(round * 300));
        for child in &mut children {
            child.kill().unwrap(); // SIGKILL on Unix
        }
        for child in &mut children {
            child.wait().unwrap();
        }
        // Saves the children reported before they died.
        for lines in outputs {
            for line in lines.map_while(Result::ok) {
                if let Some(id) = line.strip_prefix("saved ") {
                    confirmed.push(id.to_owned());
                }
            }
        }

        let (_, loaded) = open(dir.path());
        assert!(
            loaded.problems.is_empty(),
            "round {round}: {:?}",
            loaded.problems
        );
        let ids: Vec<&str> = loaded
            .notebook
            .notes
            .iter()
            .map(|n| n.id.as_str())
            .collect();
        for i in 0..3 {
            let id = format!("earlier-{i}");
            assert!(ids.contains(&id.as_str()), "round {round}: {id} lost");
        }
        for id in &confirmed {
            assert!(
                ids.contains(&id.as_str()),
                "round {round}: saved note {id} lost"
            );
        }
        // Whole, not truncated.
        let earlier_text = &loaded.notebook.notes[0].text;
        assert_eq!(earlier_text.chars().count(), 8 * 3000);
    }
    // Nothing was ever set aside as corrupt.
    let corrupt = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().contains(".corrupt-"))
        .count();
    assert_eq!(corrupt, 0);
}

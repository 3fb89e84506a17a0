//! Source addresses in a real terminal: OSC 8 hyperlinks around the selected source's address
//! (and never with `GLOSE_HYPERLINKS=0`, in `glose print`, or for a hostile address), `o` to
//! open it, `y` to copy its citation with OSC 52.

#![cfg(unix)]
#![allow(clippy::unwrap_used)]

mod common;

use std::path::Path;

use common::pty::Session;

const URL: &str = "https://live.worldbank.org/en/event/2023/online-gig-work-digital-labor-markets";
const OSC8: &str = "\x1b]8;";

/// Waits for the bundled article, then selects « 430 millions de modérateurs » (World Bank).
fn on_the_world_bank(env: &[(&str, &str)]) -> Session {
    let mut session = Session::start(&[], 100, 30, env);
    session.wait_for("Le mythe d’une IA autonome");
    session.send("\t\t");
    session.wait_for("live.worldbank.org");
    session
}

fn raw(session: &Session) -> String {
    String::from_utf8_lossy(&session.raw).into_owned()
}

/// The visible characters of `text`: CSI and OSC sequences left out.
fn visible(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\x1b' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('[') => {
                for c in chars.by_ref() {
                    if ('@'..='~').contains(&c) {
                        break;
                    }
                }
            }
            Some(']') => {
                while let Some(c) = chars.next() {
                    if c == '\x07' || (c == '\x1b' && chars.next_if_eq(&'\\').is_some()) {
                        break;
                    }
                }
            }
            _ => {}
        }
    }
    out
}

#[test]
fn the_selected_source_address_is_a_hyperlink_over_its_own_characters() {
    let mut session = on_the_world_bank(&[]);
    let start = format!("{OSC8};{URL}\x1b\\");
    session.wait_for_raw(&start);
    let output = raw(&session);
    let first = output
        .find(&start)
        .unwrap_or_else(|| panic!("no OSC 8 to {URL}"));
    // Each wrapped row of the address is a link to the whole address, around exactly the
    // characters the screen shows there.
    let mut shown = String::new();
    let mut rest = &output[first..];
    while let Some(at) = rest.find(&start) {
        let after = &rest[at + start.len()..];
        let end = after.find("\x1b]8;;\x1b\\").unwrap();
        shown.push_str(&visible(&after[..end]));
        rest = &after[end..];
        if shown.len() >= URL.len() {
            break;
        }
    }
    assert_eq!(shown, URL);
    // The screen itself is unchanged: the address is where the frame put it.
    let screen = session.contents();
    assert!(
        screen.contains("https://live.worldbank.org/en/event/"),
        "{screen}"
    );
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
}

#[test]
fn no_hyperlink_when_turned_off_or_when_printing() {
    let mut session = on_the_world_bank(&[("GLOSE_HYPERLINKS", "0")]);
    session.send("q");
    session.wait_exit();
    assert!(!raw(&session).contains(OSC8), "GLOSE_HYPERLINKS=0");
    let tmp = tempfile::tempdir().unwrap();
    let config = tmp.path().join("config.toml");
    std::fs::write(&config, "hyperlinks = false\n").unwrap();
    let mut session = on_the_world_bank(&[("GLOSE_CONFIG", config.to_str().unwrap())]);
    session.send("q");
    session.wait_exit();
    assert!(!raw(&session).contains(OSC8), "hyperlinks = false");
    let mut session = Session::start(&["print"], 100, 30, &[]);
    session.wait_exit();
    let output = raw(&session);
    assert!(output.contains("live.worldbank.org"), "{output}");
    assert!(!output.contains(OSC8), "glose print");
    let piped = std::process::Command::new(env!("CARGO_BIN_EXE_glose"))
        .env("GLOSE_HYPERLINKS", "1")
        .output()
        .unwrap();
    let piped = String::from_utf8_lossy(&piped.stdout);
    assert!(
        piped.contains("live.worldbank.org") && !piped.contains(OSC8),
        "not a terminal"
    );
}

#[test]
fn a_hostile_address_never_becomes_a_hyperlink() {
    let tmp = tempfile::tempdir().unwrap();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile-reader");
    for entry in std::fs::read_dir(&fixture).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), tmp.path().join(entry.file_name())).unwrap();
    }
    let sources = tmp.path().join("sources.toml");
    let text = std::fs::read_to_string(&sources).unwrap().replace(
        "url = \"https://example.org/rapport\"",
        "url = \"https://example.org/\\u001b]8;;https://evil.example/\\u0007clic\\u001b]8;;\\u0007\"",
    );
    std::fs::write(&sources, text).unwrap();
    let dir = tmp.path().to_str().unwrap();
    let check = std::process::Command::new(env!("CARGO_BIN_EXE_glose"))
        .args(["check", dir])
        .output()
        .unwrap();
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    let mut session = Session::start(&[dir], 100, 30, &[("GLOSE_HYPERLINKS", "1")]);
    // The first annotation, the address in the text (a link, never a hyperlink: it holds
    // escape characters), the annotation citing the source.
    session.send("\t\t\t");
    session.wait_for("example.org/");
    session.send("o");
    session.wait_for("glose n’ouvre pas");
    session.send("q");
    session.wait_exit();
    assert!(
        !raw(&session).contains(OSC8),
        "a hostile address is never linked"
    );
}

#[test]
fn o_opens_the_address_and_y_copies_the_citation_where_the_terminal_allows() {
    let tmp = tempfile::tempdir().unwrap();
    let log = tmp.path().join("opened.txt");
    let log_path = log.to_str().unwrap();
    let mut session = on_the_world_bank(&[("GLOSE_TEST_OPEN_LOG", log_path)]);
    session.send("o");
    session.wait_for("Ouverture de https://live.worldbank.org");
    assert_eq!(std::fs::read_to_string(&log).unwrap(), format!("{URL}\n"));
    session.send("y");
    session.wait_for("ce terminal ne peut pas copier");
    session.send("q");
    session.wait_exit();
    assert!(!raw(&session).contains("\x1b]52;"));

    let mut session = on_the_world_bank(&[("GLOSE_OSC52", "1")]);
    session.send("y");
    session.wait_for("Référence copiée");
    session.send("q");
    session.wait_exit();
    let output = raw(&session);
    let at = output.find("\x1b]52;c;").unwrap() + 7;
    let encoded: String = output[at..].chars().take_while(|&c| c != '\x1b').collect();
    use base64::Engine as _;
    let citation = base64::engine::general_purpose::STANDARD
        .decode(encoded)
        .unwrap();
    let citation = String::from_utf8(citation).unwrap();
    assert!(
        citation.starts_with("Banque mondiale (Namita Datta, dir., Solutions for Youth Employment), Working Without Borders: The Promise and Peril of Online Gig Work, Banque mondiale, 2023-09-07, "),
        "{citation}"
    );
    assert!(citation.ends_with(URL), "{citation}");
}

/// The visible characters inside each OSC 8 hyperlink to `url` in `output`, in order.
fn linked_words(output: &str, url: &str) -> Vec<String> {
    let start = format!("{OSC8};{url}\x1b\\");
    let mut out = Vec::new();
    let mut rest = output;
    while let Some(at) = rest.find(&start) {
        let after = &rest[at + start.len()..];
        let end = after.find("\x1b]8;;\x1b\\").unwrap();
        out.push(visible(&after[..end]));
        rest = &after[end..];
    }
    out
}

fn links_fixture() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/links.md")
        .to_str()
        .unwrap()
        .to_owned()
}

#[test]
fn a_markdown_links_words_are_a_hyperlink_to_its_address() {
    let path = links_fixture();
    let mut session = Session::start(&[&path], 100, 30, &[]);
    session.wait_for("A paragraph with the docs");
    session.wait_for_raw(&format!("{OSC8};http://www.rust-lang.org\x1b\\"));
    let output = raw(&session);
    assert_eq!(
        linked_words(&output, "https://docs.rs/ratatui"),
        ["the docs"]
    );
    assert_eq!(
        linked_words(&output, "https://example.org/a_b_c"),
        ["https://example.org/a_b_c"]
    );
    assert_eq!(
        linked_words(&output, "http://www.rust-lang.org"),
        ["www.rust-lang.org"]
    );
    assert_eq!(
        linked_words(&output, "https://example.org/logo.png"),
        ["The logo"]
    );
    // Code is never a link; nor is an address that is not a web one.
    for never in ["https://never.a.link", "#quickstart", "CONTRIBUTING.md"] {
        assert!(
            !output.contains(&format!("{OSC8};{never}")),
            "{never} is not a hyperlink"
        );
    }
    // Selected, its address in the side pane is a hyperlink too; the words stay one.
    session.send("\t");
    session.wait_for("Lien · 1/7");
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
    let linked = linked_words(&raw(&session), "https://docs.rs/ratatui");
    assert!(
        linked.iter().any(|w| w == "https://docs.rs/ratatui"),
        "{linked:?}"
    );
}

#[test]
fn no_markdown_hyperlink_when_turned_off_printed_or_hostile() {
    let path = links_fixture();
    let mut session = Session::start(&[&path], 100, 30, &[("GLOSE_HYPERLINKS", "0")]);
    session.wait_for("A paragraph with the docs");
    session.send("\t");
    session.wait_for("Lien · 1/7");
    session.send("q");
    session.wait_exit();
    assert!(!raw(&session).contains(OSC8), "GLOSE_HYPERLINKS=0");
    let mut session = Session::start(&["print", &path], 100, 30, &[]);
    session.wait_exit();
    let output = raw(&session);
    assert!(output.contains("the docs"), "{output}");
    assert!(!output.contains(OSC8), "glose print");

    let tmp = tempfile::tempdir().unwrap();
    let hostile = tmp.path().join("hostile.md");
    std::fs::write(
        &hostile,
        "# Hostile\n\n[script](javascript:alert(1)) [file](file:///etc/passwd) \
         [accent](https://exämple.org) [escape](https://e.org/\x1b]8;;https://evil.example/\x07) \
         <https://e.org/\x1b]8;;https://evil.example/\x07x> https://bare.example/\x1b]8;;x\x07 end\n",
    )
    .unwrap();
    let mut session = Session::start(
        &[hostile.to_str().unwrap()],
        100,
        30,
        &[("GLOSE_HYPERLINKS", "1")],
    );
    session.wait_for("end");
    session.send("\t\t\t\t\t\t");
    session.send("q");
    session.wait_exit();
    let output = raw(&session);
    let starts: Vec<&str> = output
        .match_indices(OSC8)
        .map(|(i, _)| &output[i..])
        .collect();
    // The only hyperlink allowed is the bare address up to its escape character, which
    // sanitising turned into a visible ␛ the address stops before.
    for start in &starts {
        assert!(
            start.starts_with("\x1b]8;;https://bare.example/\x1b\\")
                || start.starts_with("\x1b]8;;https://e.org/\x1b\\")
                || start.starts_with("\x1b]8;;\x1b\\"),
            "{:?}",
            &start[..start.len().min(60)]
        );
    }
    assert!(
        !output.contains("evil.example/\x1b\\"),
        "never a hostile address"
    );
}

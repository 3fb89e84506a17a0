//! A hostile article (`tests/fixtures/hostile-reader/`) read in a pseudo-terminal: its text,
//! headings, annotations, sources and tour hold OSC 0/2 window titles, OSC 52 clipboard writes,
//! OSC 8 hyperlinks, CSI cursor moves and clears, the sequence leaving the alternate screen,
//! DCS, RIS, C1 controls (U+009B is a one-character CSI), DEL, BEL, bidi overrides and
//! isolates, zero-width runs, a zalgo cluster and a 5 000-grapheme word.
//!
//! Reading all of it (every annotation, both parts, help, tour, presenter, resizes) must leave
//! the terminal exactly as it was: no title, no clipboard, nothing outside glose's screen, the
//! cursor where the shell left it; and glose's own output holds only the CSI sequences a
//! ratatui program sends. `glose check` and `glose export` of it hold no control character.

#![cfg(unix)]

mod common;

use std::path::Path;
use std::process::Command;

use common::pty::{Session, nonzero};

const FIXTURE: &str = "tests/fixtures/hostile-reader";

/// What a shell showed before glose started: glose must give it back untouched.
const PROMPT: &[u8] =
    b"\x1b[1;1H$ ls\r\narticle  notes\r\n$ glose tests/fixtures/hostile-reader\r\n";

/// Every terminal request a program can make that does not draw on the screen.
#[derive(Default)]
struct Requests(Vec<String>);

impl vt100::Callbacks for Requests {
    fn audible_bell(&mut self, _: &mut vt100::Screen) {
        self.0.push("bell".into());
    }
    fn visual_bell(&mut self, _: &mut vt100::Screen) {
        self.0.push("visual bell".into());
    }
    fn resize(&mut self, _: &mut vt100::Screen, request: (u16, u16)) {
        self.0.push(format!("resize {request:?}"));
    }
    fn set_window_icon_name(&mut self, _: &mut vt100::Screen, name: &[u8]) {
        self.0
            .push(format!("icon name {}", String::from_utf8_lossy(name)));
    }
    fn set_window_title(&mut self, _: &mut vt100::Screen, title: &[u8]) {
        self.0
            .push(format!("title {}", String::from_utf8_lossy(title)));
    }
    fn copy_to_clipboard(&mut self, _: &mut vt100::Screen, _: &[u8], data: &[u8]) {
        self.0
            .push(format!("clipboard {}", String::from_utf8_lossy(data)));
    }
    fn paste_from_clipboard(&mut self, _: &mut vt100::Screen, _: &[u8]) {
        self.0.push("paste".into());
    }
    fn unhandled_osc(&mut self, _: &mut vt100::Screen, params: &[&[u8]]) {
        // glose's own hyperlink over the source's verified address (see `OWN_LINKS`).
        if matches!(params, [b"8", b"", url] if [&b""[..], VERIFIED_URL.as_bytes()].contains(url)) {
            return;
        }
        self.0.push(format!("OSC {params:?}"));
    }
    fn unhandled_escape(&mut self, _: &mut vt100::Screen, i1: Option<u8>, i2: Option<u8>, b: u8) {
        // vt100 ends an OSC at its ESC and reports the `\` of the string terminator apart: the
        // end of glose's own hyperlinks (every escape sequence is also checked byte by byte by
        // `assert_only_drawing`).
        if (i1, i2, b) == (None, None, b'\\') {
            return;
        }
        self.0.push(format!("ESC {i1:?} {i2:?} {}", char::from(b)));
    }
}

/// The fixture's one source address, which glose itself checked and links (OSC 8).
const VERIFIED_URL: &str = "https://example.org/rapport";

/// glose's own OSC 8 sequences around the source's verified address: the only non-CSI escape
/// sequences it may write (the article's own never get through).
const OWN_LINKS: [&[u8]; 2] = [
    b"\x1b]8;;https://example.org/rapport\x1b\\",
    b"\x1b]8;;\x1b\\",
];

/// The CSI sequences in `raw` as (private marker, parameters, final byte); panics on any other
/// escape sequence (OSC, DCS, APC, a bare ESC…) but glose's own hyperlink (`OWN_LINKS`).
fn csi_sequences(raw: &[u8]) -> Vec<(String, String, char)> {
    let mut found = Vec::new();
    let mut i = 0;
    while let Some(offset) = raw[i..].iter().position(|&b| b == 0x1b) {
        let start = i + offset;
        if let Some(link) = OWN_LINKS.iter().find(|l| raw[start..].starts_with(l)) {
            i = start + link.len();
            continue;
        }
        let context = String::from_utf8_lossy(&raw[start..(start + 24).min(raw.len())]);
        assert_eq!(
            raw.get(start + 1),
            Some(&b'['),
            "an escape sequence that is not CSI: {context:?}"
        );
        let mut j = start + 2;
        let private: String = raw[j..]
            .iter()
            .take_while(|b| b"?<=>".contains(b))
            .map(|&b| char::from(b))
            .collect();
        j += private.len();
        let params: String = raw[j..]
            .iter()
            .take_while(|b| b.is_ascii_digit() || **b == b';' || **b == b':')
            .map(|&b| char::from(b))
            .collect();
        j += params.len();
        let last = *raw.get(j).expect("a complete CSI sequence");
        assert!(
            (0x40..=0x7e).contains(&last),
            "CSI with intermediates or unfinished: {context:?}"
        );
        found.push((private, params, char::from(last)));
        i = j + 1;
    }
    found
}

/// Asserts `raw` is what a ratatui program sends: printable text and CSI sequences for
/// colours, cursor, clearing, the alternate screen and mouse reporting, nothing else.
fn assert_only_drawing(raw: &[u8]) {
    for (private, params, last) in csi_sequences(raw) {
        let allowed = match (private.as_str(), last) {
            // Colours and attributes, cursor moves, clearing the screen.
            ("", 'm' | 'H' | 'J') => true,
            // The alternate screen, the cursor, mouse reporting (SGR).
            ("?", 'h' | 'l') => ["1049", "25", "1000", "1006", "2004"].contains(&params.as_str()),
            _ => false,
        };
        assert!(allowed, "unexpected CSI {private}{params}{last}");
    }
    let text = std::str::from_utf8(raw).expect("glose writes UTF-8");
    for c in text.chars() {
        assert!(
            !c.is_control() || matches!(c, '\x1b' | '\r' | '\n'),
            "control character U+{:04X} in the output",
            u32::from(c)
        );
        assert!(
            !matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{61c}'),
            "bidi control U+{:04X} in the output",
            u32::from(c)
        );
    }
}

// A Tab typed right after a resize must be seen at once. With crossterm's default event source
// (epoll, edge-triggered) it could wait for the next input: a SIGWINCH and input ready in the
// same poll gave the Resize and left the input unread. glose turns on crossterm's `use-dev-tty`
// poll(2) source, which does not lose it; this test's harness no longer nudges the input.
#[test]
fn a_hostile_article_never_drives_the_terminal() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut session = Session::start_in(&[FIXTURE], 100, 30, &[], Some(root));
    // The shell's screen before glose: written into the parser before any output of glose.
    session.parser.process(PROMPT);
    let mut before = vt100::Parser::new(nonzero(30), nonzero(100), 0);
    before.process(PROMPT);

    session.wait_for("Première partie ␛[31m");
    // The hostile bytes are on screen, shown as harmless symbols.
    session.wait_for("Titre ␛]0;PWNED-TITLE␇ piégé");
    session.wait_for("presse-papiers ␛]52;c;cHduZWQ=␇aussi");
    // (vt100 shows U+FFFD as a blank; a real terminal shows `�`.)
    session.wait_for("ne compte pas, ni DEL ␡ ni ␛P1$r␛\\ (DCS) ni ␛c");
    for (key, shown) in [
        ("\t", "Notion · 1/4"),
        // The address in the text is a link (shown, never opened: not plain ASCII).
        ("\t", "Lien · 1/1"),
        ("\t", "Citation · 2/4"),
        ("\t", "Chiffre · 3/4"),
        ("\t", "Notion · 4/4"),
        ("J", "Notion · 4/4"),
        ("\x1b", "aucune sélection"),
        ("2", "2 · Deuxième partie"),
        // h l: the 2 was no count (2G would be line 2 of part I).
        ("hl", "▶ 2 · Deuxième partie"),
        ("G", "la suite reste lisible␇␛[6n."),
        ("?", "Aide"),
        ("x", "Deuxième partie"),
        ("t", "Étape 1/2"),
        ("]", "Étape 2/2"),
        ("p", "Deuxième 2J"),
        ("\x1b[D", "Le titre ␛]0;PWNED-TITLE␇"),
        ("v", "Verdict\u{a0}: ✓ confirmé"),
        ("\x1b", "Étape 1/2"),
        ("t", "aucune sélection"),
    ] {
        session.send(key);
        session.wait_for(shown);
    }
    for (cols, rows, shown) in [
        (40, 12, "Notion · 4/4"),
        (7, 3, "Termina"),
        (160, 45, "Lien · 1/1"),
        (100, 30, "Citation · 2/4"),
    ] {
        session.resize_and_wait(cols, rows);
        // The shell's screen goes through the same sizes (a narrow terminal drops what it
        // cannot show).
        before.screen_mut().set_size(nonzero(rows), nonzero(cols));
        session.send("\t");
        session.wait_for(shown);
    }
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
    session.assert_restored();

    // The shell's screen and cursor are as they were.
    let screen = session.parser.screen();
    assert_eq!(screen.contents(), before.screen().contents());
    assert_eq!(screen.cursor_position(), before.screen().cursor_position());
    // No title, clipboard, bell or other request reached the terminal.
    let mut replay =
        vt100::Parser::new_with_callbacks(nonzero(30), nonzero(100), 0, Requests::default());
    replay.process(&session.raw);
    assert_eq!(replay.callbacks().0, Vec::<String>::new());
    assert_only_drawing(&session.raw);
}

#[test]
fn the_presenter_of_a_hostile_tour_never_drives_the_terminal() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut session = Session::start_in(&["present", FIXTURE], 80, 24, &[], Some(root));
    session.parser.process(PROMPT);
    session.wait_for("Le titre ␛]0;PWNED-TITLE␇");
    session.wait_for("Pourquoi ?iouqrup");
    for (key, shown) in [
        ("v", "Verdict\u{a0}: ✓ confirmé"),
        ("?", "q"),
        ("x", "Étape 1/2"),
        ("\x1b[C", "Deuxième 2J"),
        ("b", ""),
        ("x", "Étape 2/2"),
    ] {
        session.send(key);
        session.wait_for(shown);
    }
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
    session.assert_restored();
    let mut replay =
        vt100::Parser::new_with_callbacks(nonzero(24), nonzero(80), 0, Requests::default());
    replay.process(&session.raw);
    assert_eq!(replay.callbacks().0, Vec::<String>::new());
    assert_only_drawing(&session.raw);
}

/// What `glose ARGS` prints, which must hold no control character but line breaks.
fn printed(args: &[&str]) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_glose"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run glose");
    assert_eq!(output.status.code(), Some(0), "{args:?}");
    let text = String::from_utf8(output.stdout).expect("UTF-8");
    for c in text.chars() {
        assert!(
            c == '\n' || !c.is_control(),
            "{args:?}: control character U+{:04X}",
            u32::from(c)
        );
        assert!(
            !matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'),
            "{args:?}: bidi control U+{:04X}",
            u32::from(c)
        );
    }
    text
}

#[test]
fn check_and_export_of_a_hostile_article_are_inert() {
    let summary = printed(&["check", "--lang", "fr", FIXTURE]);
    assert!(summary.contains("titre : Titre ␛]0;PWNED-TITLE␇ piégé"));
    let markdown = printed(&["export", FIXTURE]);
    assert!(markdown.contains("52;c;cHduZWQ=␇aussi"));
    let html = printed(&["export", "--format", "html", FIXTURE]);
    // The one script is glose's own JSON-LD (ClaimReview), in which no `<` can appear.
    let own = "<script type=\"application/ld+json\">";
    assert!(html.matches("<script").count() <= 1 && !html.contains("<img"));
    if let Some(at) = html.find("<script") {
        assert!(html[at..].starts_with(own));
        let end = html[at..].find("</script>").unwrap() + at;
        assert!(!html[at + own.len()..end].contains('<'));
    }
    assert!(html.contains("&lt;script&gt;"));
    for width in ["80", "20", "1000"] {
        let text = printed(&["print", "--width", width, FIXTURE]);
        assert!(text.contains("presse-papiers"), "{text}");
    }
}

/// A notes file (the reader's own state) edited by hand or by someone else: its notes are shown
/// in the notes list and exported, harmlessly.
#[test]
fn a_hostile_notes_file_is_shown_harmlessly() {
    let state = tempfile::tempdir().unwrap();
    let article = glose::content::load_path(Path::new(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join(FIXTURE),
    ))
    .unwrap()
    .article;
    let name = glose::store::state_file_stem(&article);
    std::fs::write(
        state.path().join(format!("{name}.notes.toml")),
        r#"version = 1
title = "T \u001b]0;PWNED-TITLE\u0007"

[[note]]
id = "n1\u001b[2J"
created = 1
updated = 1
part = "partie-1"
byte = 0
quote = "2 dollars\u001b]52;c;cHduZWQ=\u0007"
text = "Ma note \u001b]0;PWNED-TITLE\u0007 \u202eesrevni\u202c\n\nfin \u009b2J \u001b[?1049l"
"#,
    )
    .unwrap();
    let dir = state.path().to_str().unwrap();
    let export = Command::new(env!("CARGO_BIN_EXE_glose"))
        .args(["notes", "export", FIXTURE])
        .env("GLOSE_STATE_DIR", dir)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert_eq!(export.status.code(), Some(0));
    let text = String::from_utf8(export.stdout).unwrap();
    assert!(text.contains("Ma note ␛]0;PWNED-TITLE␇"), "{text}");
    assert!(
        text.chars()
            .all(|c| c == '\n' || !(c.is_control() || ('\u{202a}'..='\u{202e}').contains(&c))),
        "{text:?}"
    );

    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let env = [("GLOSE_STATE_DIR", dir)];
    let mut session = Session::start_in(&[FIXTURE], 100, 30, &env, Some(root));
    session.wait_for("Première partie");
    session.send("A");
    session.wait_for("Ma note ␛]0;PWNED-TITLE␇");
    session.send("q");
    session.wait_until("the list closed", |screen| !screen.contains("Ma note"));
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
    session.assert_restored();
    let mut replay =
        vt100::Parser::new_with_callbacks(nonzero(30), nonzero(100), 0, Requests::default());
    replay.process(&session.raw);
    assert_eq!(replay.callbacks().0, Vec::<String>::new());
    assert_only_drawing(&session.raw);
}

//! Fuzz target: the content loader, then the reader on what it loaded.
//!
//! The input is an article folder: its bytes split at each 0xFF byte (never part of UTF-8) into
//! `article.toml`, `text.md`, `annotations.toml`, `sources.toml` and `tour.toml`, in that order;
//! missing pieces are missing files. Loading must never panic; a loaded article must satisfy the
//! model's invariants (clean text, annotations in order, inside their paragraph, not
//! overlapping), and the reader must lay it out and draw it at a few sizes without panicking.

#![no_main]

use glose::app::{Action, App};
use glose::content::{Article, load_files};
use glose::i18n::Lang;
use glose::text::sanitize::is_clean;
use glose::theme::{Theme, ThemeName};
use libfuzzer_sys::fuzz_target;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const NAMES: [&str; 5] = [
    "article.toml",
    "text.md",
    "annotations.toml",
    "sources.toml",
    "tour.toml",
];

fuzz_target!(|data: &[u8]| {
    let pieces: Vec<&[u8]> = data.split(|&b| b == 0xFF).collect();
    let read = |name: &str| {
        NAMES
            .iter()
            .position(|n| *n == name)
            .and_then(|i| pieces.get(i))
            .map(|bytes| bytes.to_vec())
            .ok_or_else(|| std::io::Error::from(std::io::ErrorKind::NotFound))
    };
    let Ok(loaded) = load_files("fuzz", &read) else {
        return;
    };
    check_invariants(&loaded.article);
    let mut app = App::new(
        loaded.article,
        Lang::Fr,
        Theme::named(ThemeName::Default),
        (80, 24),
    );
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("a test terminal");
    for action in [
        Action::NextAnnotation,
        Action::Resize(37, 13),
        Action::Bottom,
        Action::Resize(131, 41),
        Action::ToggleTour,
        Action::Present,
    ] {
        app.update(action);
        let (w, h) = app.view.size;
        terminal.backend_mut().resize(w, h);
        terminal
            .draw(|frame| glose::ui::render(&app, frame))
            .expect("draw");
    }
});

fn check_invariants(article: &Article) {
    assert!(is_clean(&article.text));
    assert!(is_clean(&article.meta.title));
    for part in &article.parts {
        assert!(is_clean(&part.heading));
        for paragraph in &part.paragraphs {
            assert!(article.text.get(paragraph.clone()).is_some());
        }
    }
    let mut end = 0;
    for annotation in &article.annotations {
        assert!(end <= annotation.range.start, "annotations overlap or are out of order");
        end = annotation.range.end;
        let paragraph = &article.parts[annotation.part].paragraphs[annotation.paragraph];
        assert!(paragraph.start <= annotation.range.start && annotation.range.end <= paragraph.end);
        assert!(is_clean(&annotation.context) && is_clean(&annotation.note));
        assert!(annotation.source.is_none_or(|s| s < article.sources.len()));
    }
    for stop in &article.tour {
        assert!(stop.part < article.parts.len());
        assert!(stop.annotation.is_none_or(|a| a < article.annotations.len()));
        assert!(is_clean(&stop.title) && is_clean(&stop.say));
    }
}

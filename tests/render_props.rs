//! Property tests of the whole screen: generated articles (French, CJK, half-width kana,
//! combining-heavy clusters, zero-width runs, bidi controls, escape sequences, C0/C1 controls,
//! emoji sequences, very long words; random annotations, sources and tour), sanitised as the
//! loader does, read through random actions, pastes and typing at random sizes from 1×1 to
//! 500×200.
//!
//! What must hold: nothing panics; no cell of any frame holds a control character; a storm of
//! resizes leaves exactly the screen (and view) that one resize to the final size gives; the
//! facilitator's notes window survives any message a presenter may send.
//!
//! Case counts are kept low so that `cargo test` stays quick in debug builds on two cores;
//! `PROPTEST_CASES=1000 cargo test --test render_props` runs a longer search.

use std::sync::Arc;
use std::time::Duration;

use glose::app::line_input::Edit;
use glose::app::{Action, App};
use glose::clock::ManualClock;
use glose::content::{
    Annotation, AnnotationKind, Article, Meta, Part, PartKind, Source, TourStop, Verdict,
};
use glose::facilitator_notes::FacilitatorNotes;
use glose::i18n::Lang;
use glose::link::{Announcement, PresenterState};
use glose::text::sanitize::{clean_block, clean_line, is_clean};
use glose::theme::{Theme, ThemeName};
use proptest::prelude::*;
use proptest::sample::Index;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use unicode_segmentation::UnicodeSegmentation;

/// One word or run of text, from every family that has broken a terminal program somewhere.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => "[a-zéèàçœ’']{1,10}",
        2 => "[0-9]{1,4}([ \u{a0}\u{202f}](%|millions|€))?",
        2 => "[«»:;!?…,.()]",
        2 => "[\u{4e00}-\u{4e40}\u{3041}-\u{3060}、。]{1,12}",
        1 => "[\u{ff71}-\u{ff9d}\u{ff9e}\u{ff9f}]{1,6}",
        1 => "[a-z][\u{300}-\u{36f}]{1,40}",
        1 => "[\u{200b}\u{200c}\u{200d}\u{2060}\u{feff}]{1,20}",
        1 => "[\u{202a}-\u{202e}\u{2066}-\u{2069}\u{200e}\u{200f}][a-z]{0,5}",
        1 => "\x1b\\[[0-9;?]{0,6}[A-Za-z]",
        1 => "\x1b\\](0|2|8|52);[a-z:/;]{0,8}(\x07|\x1b\\\\)",
        1 => "\x1bP[a-z0-9$]{0,4}\x1b\\\\",
        1 => "[\\x00-\\x1f\\x7f\\u{80}-\\u{9f}]{1,3}",
        1 => "(👩\u{200d}🔬|🇫🇷|❤\u{fe0f}|👍🏽|\u{1f468}\u{200d}\u{1f469}\u{200d}\u{1f467})",
        1 => "[a-z]{40,400}",
        1 => "[\t\n\r \u{a0}\u{2028}]{1,3}",
    ]
}

/// Raw (unsanitised) text of a few pieces; `breaks` adds paragraph breaks for long texts.
fn raw_text(max: usize, breaks: bool) -> impl Strategy<Value = String> {
    proptest::collection::vec((piece(), any::<u8>()), 0..max).prop_map(move |pieces| {
        let mut out = String::new();
        for (piece, sep) in pieces {
            out.push_str(&piece);
            out.push_str(if breaks && sep % 7 == 0 { "\n\n" } else { " " });
        }
        out
    })
}

/// What an article is built from; `build` turns it into a valid `Article`.
#[derive(Debug, Clone)]
struct Spec {
    french: bool,
    title: String,
    parts: Vec<(u8, String, Vec<String>)>,
    /// (paragraph, start grapheme, length in graphemes, kind and source seed)
    marks: Vec<(Index, Index, u8, u8)>,
    sources: Vec<(String, String, Option<String>)>,
    long_texts: Vec<String>,
    /// (annotation, part, title, big)
    stops: Vec<(Option<Index>, Index, String, Option<String>)>,
}

fn spec() -> impl Strategy<Value = Spec> {
    let part = (
        any::<u8>(),
        raw_text(4, false),
        proptest::collection::vec(raw_text(24, false), 1..4),
    );
    (
        any::<bool>(),
        raw_text(6, false),
        proptest::collection::vec(part, 1..6),
        proptest::collection::vec(
            (any::<Index>(), any::<Index>(), 0u8..12, any::<u8>()),
            0..24,
        ),
        proptest::collection::vec(
            (
                raw_text(4, false),
                raw_text(6, false),
                proptest::option::of(raw_text(2, false)),
            ),
            0..3,
        ),
        proptest::collection::vec(raw_text(16, true), 1..4),
        proptest::collection::vec(
            (
                proptest::option::of(any::<Index>()),
                any::<Index>(),
                raw_text(4, false),
                proptest::option::of(raw_text(2, false)),
            ),
            0..4,
        ),
    )
        .prop_map(
            |(french, title, parts, marks, sources, long_texts, stops)| Spec {
                french,
                title,
                parts,
                marks,
                sources,
                long_texts,
                stops,
            },
        )
}

/// A one-line string as the loader would keep it: sanitised, trimmed, never empty.
fn line(raw: &str) -> String {
    let cleaned = clean_line(raw).trim().to_owned();
    if cleaned.is_empty() {
        "vide".to_owned()
    } else {
        cleaned
    }
}

/// Builds an article that satisfies every invariant of `glose::content::model`.
fn build(spec: &Spec) -> Article {
    let mut text = String::new();
    let mut parts = Vec::new();
    let mut paragraphs = Vec::new(); // (part, index in part, range)
    for (p, (kind, heading, raw_paragraphs)) in spec.parts.iter().enumerate() {
        let kind = [
            PartKind::Introduction,
            PartKind::Part,
            PartKind::Part,
            PartKind::Conclusion,
            PartKind::References,
        ][usize::from(*kind) % 5];
        let mut ranges = Vec::new();
        for raw in raw_paragraphs {
            if !text.is_empty() {
                text.push(' ');
            }
            let start = text.len();
            text.push_str(&line(raw));
            paragraphs.push((p, ranges.len(), start..text.len()));
            ranges.push(start..text.len());
        }
        parts.push(Part {
            id: format!("p{p}"),
            kind,
            heading: line(heading),
            paragraphs: ranges,
        });
    }
    let long = |seed: u8| {
        spec.long_texts
            .get(usize::from(seed) % spec.long_texts.len().max(1))
            .map(|t| clean_block(t))
            .unwrap_or_default()
    };
    let sources: Vec<Source> = spec
        .sources
        .iter()
        .enumerate()
        .map(|(i, (author, title, date))| Source {
            id: format!("s{i}"),
            author: line(author),
            title: line(title),
            publisher: None,
            date: date.as_deref().map(line),
            kind: "report".to_owned(),
            url: (i % 2 == 0).then(|| "https://example.org/a?b=c".to_owned()),
            reference: u32::try_from(i + 1).ok(),
            note: long(u8::try_from(i).unwrap_or(0)),
        })
        .collect();
    let mut annotations: Vec<Annotation> = Vec::new();
    for (paragraph, start, length, seed) in &spec.marks {
        let (part, index, range) = paragraphs[paragraph.index(paragraphs.len())].clone();
        let words = &text[range.clone()];
        let bounds: Vec<usize> = words
            .grapheme_indices(true)
            .map(|(i, _)| i)
            .chain([words.len()])
            .collect();
        let first = start.index(bounds.len() - 1);
        let last = (first + 1 + usize::from(*length)).min(bounds.len() - 1);
        let kind = AnnotationKind::ALL[usize::from(*seed) % 4];
        annotations.push(Annotation {
            id: format!("a{}", annotations.len()),
            kind,
            range: range.start + bounds[first]..range.start + bounds[last],
            part,
            paragraph: index,
            source: (!sources.is_empty() && seed % 3 != 0)
                .then(|| usize::from(*seed) % sources.len()),
            context: long(*seed),
            verdict: [None, Some(Verdict::Confirmed), Some(Verdict::Misreported)]
                [usize::from(*seed) % 3],
            note: long(seed.wrapping_add(1)),
            questions: (0..usize::from(*seed) % 3)
                .map(|q| line(&long(q as u8)))
                .collect(),
        });
    }
    annotations.sort_by_key(|a| (a.range.start, a.range.end));
    let mut kept: Vec<Annotation> = Vec::new();
    for annotation in annotations {
        if kept
            .last()
            .is_none_or(|last| last.range.end <= annotation.range.start)
        {
            kept.push(annotation);
        }
    }
    for (i, annotation) in kept.iter_mut().enumerate() {
        annotation.id = format!("a{i}");
    }
    let tour = spec
        .stops
        .iter()
        .enumerate()
        .map(|(i, (annotation, part, title, big))| {
            let annotation = annotation
                .filter(|_| !kept.is_empty())
                .map(|a| a.index(kept.len()));
            TourStop {
                title: line(title),
                annotation,
                part: annotation.map_or_else(|| part.index(parts.len()), |a| kept[a].part),
                say: long(u8::try_from(i).unwrap_or(0)),
                questions: vec![line(&long(2))],
                minutes: u32::try_from(i % 120 + 1).unwrap_or(1),
                big: big.as_deref().map(line),
                poll: None,
            }
        })
        .collect();
    Article {
        meta: Meta {
            title: line(&spec.title),
            author: "Autrice".to_owned(),
            language: if spec.french { "fr" } else { "en" }.to_owned(),
            ..Meta::default()
        },
        text,
        parts,
        annotations: kept,
        sources,
        tour,
        ..Article::default()
    }
}

/// A terminal size: mostly small and ordinary ones, sometimes up to 500×200.
fn size() -> impl Strategy<Value = (u16, u16)> {
    prop_oneof![
        3 => (1u16..=45, 1u16..=16),
        4 => (40u16..=220, 10u16..=70),
        1 => (220u16..=500, 70u16..=200),
    ]
}

fn action() -> impl Strategy<Value = Action> {
    let plain = proptest::sample::select(vec![
        Action::Quit,
        Action::LineDown,
        Action::LineUp,
        Action::PageDown,
        Action::PageUp,
        Action::HalfPageDown,
        Action::HalfPageUp,
        Action::Top,
        Action::Bottom,
        Action::PrevPane,
        Action::NextPane,
        Action::NextAnnotation,
        Action::PrevAnnotation,
        Action::SelectVisible,
        Action::ClearSelection,
        Action::ToggleMarks,
        Action::ToggleSidePane,
        Action::SideDown,
        Action::SideUp,
        Action::ToggleHelp,
        Action::ToggleTour,
        Action::NextStop,
        Action::PrevStop,
        Action::FirstStop,
        Action::LastStop,
        Action::Present,
        Action::LeavePresenter,
        Action::Blank,
        Action::RevealVerdict,
        Action::Search,
        Action::SearchNext,
        Action::SearchPrev,
        Action::ToggleIndex,
        Action::ToggleSources,
        Action::ToggleContents,
        Action::ToggleBookmark,
        Action::ShowBookmarks,
        Action::EditNote,
        Action::ShowNotes,
        Action::ListOpen,
        Action::ListEdit,
        Action::ListDelete,
        Action::NextKind,
        Action::PrevKind,
        Action::Close,
        Action::NoteSave,
        Action::NoteClose,
        Action::Edit(Edit::Backspace),
        Action::Edit(Edit::Left),
        Action::Edit(Edit::Confirm),
        Action::Edit(Edit::Cancel),
        Action::Edit(Edit::Next),
        Action::Edit(Edit::Down),
    ]);
    prop_oneof![
        12 => plain,
        2 => "[a-zé \x1b\x07\u{9b}\u{202e}中]".prop_map(|c| {
            Action::Edit(Edit::Insert(c.chars().next().unwrap_or('x')))
        }),
        3 => size().prop_map(|(w, h)| Action::Resize(w, h)),
        1 => (1u8..=10).prop_map(Action::FocusPane),
        1 => (0u16..520, 0u16..210).prop_map(|(x, y)| Action::Click(x, y)),
        1 => (0u16..520, 0u16..210, any::<i8>()).prop_map(|(x, y, d)| Action::Wheel(x, y, d)),
    ]
}

/// One thing a user does: an action, a paste (bracketed paste reaches the note editor and the
/// text inputs), or characters typed one key at a time (keys mean actions in the reader, text in
/// the inputs).
#[derive(Debug, Clone)]
enum Step {
    Act(Action),
    Paste(String),
    Type(String),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        10 => action().prop_map(Step::Act),
        1 => raw_text(6, true).prop_map(Step::Paste),
        2 => raw_text(3, false).prop_map(Step::Type),
    ]
}

fn apply(app: &mut App, step: &Step) {
    match step {
        Step::Act(action) => {
            app.update(*action);
        }
        Step::Paste(text) => {
            app.handle_event(&Event::Paste(text.clone()));
        }
        Step::Type(text) => {
            for c in text.chars() {
                let key = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
                app.handle_event(&Event::Key(key));
            }
        }
    }
}

fn new_app(article: Article, size: (u16, u16), english: bool) -> App {
    let lang = if english { Lang::En } else { Lang::Fr };
    App::new(article, lang, Theme::named(ThemeName::Default), size)
        .with_clock(Arc::new(ManualClock::new()))
}

/// Draws the app into `terminal` (resized to the app's size first, as the real loop does).
fn draw(terminal: &mut Terminal<TestBackend>, app: &App) {
    let (w, h) = app.view.size;
    let area = terminal.backend().buffer().area;
    if (area.width, area.height) != (w, h) {
        terminal.backend_mut().resize(w, h);
    }
    terminal
        .draw(|frame| glose::ui::render(app, frame))
        .expect("draw");
}

/// The view as the reader left it: everything but each pane's top row and the width it was
/// computed for, which are derived from the reading position for the pane on screen (and the
/// screen itself is compared) and stale for a pane off screen; the reading progress, which
/// records what has been on screen; and the lookup lists' first rows (see `copy_list_scroll`).
fn reading(app: &App) -> glose::app::View {
    let mut view = app.view.clone();
    // How much of each part has been on screen is history, not position: a storm shows more.
    view.seen.clear();
    view.index.list.top = 0;
    view.sources.top = 0;
    view.contents.top = 0;
    for top in &mut view.tops {
        top.width = 0;
        top.row = 0;
    }
    view
}

/// Gives `to` the lookup lists' first rows of `from`.
fn copy_list_scroll(from: &glose::app::View, to: &mut glose::app::View) {
    to.index.list.top = from.index.list.top;
    to.sources.top = from.sources.top;
    to.contents.top = from.contents.top;
}

/// A time in milliseconds, often near the largest (sums must saturate, not overflow).
fn millis() -> impl Strategy<Value = u64> {
    prop_oneof![
        any::<u64>(),
        u64::MAX - 2_000_000..=u64::MAX,
        0u64..10_000_000
    ]
}

/// No cell holds anything that could drive a terminal.
fn assert_clean(buffer: &Buffer) -> Result<(), TestCaseError> {
    for cell in &buffer.content {
        let symbol = cell.symbol();
        prop_assert!(
            is_clean(symbol) && !symbol.contains('\n'),
            "unclean cell {symbol:?}"
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]

    /// Any article, any size, any actions: every frame draws, and draws only clean cells.
    #[test]
    fn any_article_at_any_size_after_any_actions(
        spec in spec(),
        start in size(),
        steps in proptest::collection::vec(step(), 0..24),
        english in any::<bool>(),
    ) {
        let mut app = new_app(build(&spec), start, english);
        let mut terminal = Terminal::new(TestBackend::new(start.0, start.1)).unwrap();
        draw(&mut terminal, &app);
        for step in &steps {
            apply(&mut app, step);
            draw(&mut terminal, &app);
            assert_clean(terminal.backend().buffer())?;
        }
    }

    /// A storm of resizes, whatever came before it, leaves the screen and the view that a
    /// single resize to the final size gives: no drift of the reading position, no stale cell.
    #[test]
    fn a_storm_of_resizes_ends_as_one_resize(
        spec in spec(),
        start in size(),
        actions in proptest::collection::vec(action(), 0..16),
        storm in proptest::collection::vec(size(), 1..10),
        end in size(),
    ) {
        let article = build(&spec);
        let mut stormed = new_app(article.clone(), start, false);
        let mut calm = new_app(article, start, false);
        for &action in &actions {
            stormed.update(action);
            calm.update(action);
        }
        let mut terminal = Terminal::new(TestBackend::new(start.0, start.1)).unwrap();
        draw(&mut terminal, &stormed);
        for (w, h) in storm {
            stormed.update(Action::Resize(w, h));
            draw(&mut terminal, &stormed);
        }
        stormed.update(Action::Resize(end.0, end.1));
        draw(&mut terminal, &stormed);
        calm.update(Action::Resize(end.0, end.1));
        // Reading progress records what has been on screen, and a storm through a tall size
        // did show more: that history is the one thing a storm may change.
        calm.view.seen.clone_from(&stormed.view.seen);
        // The lookup lists scroll just enough to keep their cursor in view, so their first row
        // depends on the heights they went through, as in any list; the cursor stays on screen.
        copy_list_scroll(&stormed.view, &mut calm.view);
        let mut fresh = Terminal::new(TestBackend::new(end.0, end.1)).unwrap();
        draw(&mut fresh, &calm);
        prop_assert_eq!(terminal.backend().buffer(), fresh.backend().buffer());
        prop_assert_eq!(reading(&stormed), reading(&calm));
    }

    /// The notes window: any message a presenter (or anything else on the socket) may send,
    /// any time, any size.
    #[test]
    fn the_notes_window_survives_any_message(
        spec in spec(),
        events in proptest::collection::vec(
            (
                (
                    any::<usize>(),
                    any::<usize>(),
                    millis(),
                    millis(),
                    any::<bool>(),
                    any::<bool>(),
                    millis(),
                ),
                any::<bool>(),
                action(),
                any::<u64>(),
            ),
            0..12,
        ),
        start in size(),
    ) {
        let article = build(&spec);
        let stops = article.tour.len();
        let clock = ManualClock::new();
        let mut notes = FacilitatorNotes::new(
            article,
            Lang::Fr,
            Theme::named(ThemeName::Monochrome),
            Arc::new(clock.clone()),
            start,
        );
        let mut terminal = Terminal::new(TestBackend::new(start.0, start.1)).unwrap();
        for ((stop, count, tour_ms, stop_ms, blanked, revealed, sent_ms), real, action, later)
            in events
        {
            // Half the messages name this tour's stops, the other half anything at all.
            let state = PresenterState {
                stop: if real { stop % stops.max(1) } else { stop },
                stops: if real { stops } else { count },
                tour_ms,
                stop_ms,
                blanked,
                paused: false,
                revealed,
                sent_ms,
                session: 0,
                votes: None,
            };
            notes.receive(Announcement::State(state), Duration::from_millis(later % 10_000));
            notes.update(action);
            clock.advance(Duration::from_millis(later % 100_000));
            let _ = notes.next_tick();
            let (w, h) = notes.size;
            terminal.backend_mut().resize(w, h);
            terminal
                .draw(|frame| glose::ui::facilitator_notes::render(&notes, frame))
                .expect("draw");
            assert_clean(terminal.backend().buffer())?;
        }
    }
}

/// Ratatui's widgets index the frame's buffer directly: a frame smaller than the size the app
/// laid out for (the terminal shrank again after the last Resize event) must not panic.
#[test]
fn a_frame_smaller_than_the_layout_does_not_panic() {
    let article = glose::content::load_bundled().unwrap().article;
    let mut app = new_app(article, (200, 60), false);
    app.update(Action::NextAnnotation);
    for (w, h) in [(80, 24), (1, 1), (199, 59), (40, 12)] {
        let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
        terminal
            .draw(|frame| glose::ui::render(&app, frame))
            .expect("draw");
        // What fits is the top-left of the frame the app laid out.
        let top_left = terminal.backend().buffer().cell((0, 0)).unwrap().clone();
        let mut full = Terminal::new(TestBackend::new(200, 60)).unwrap();
        full.draw(|frame| glose::ui::render(&app, frame)).unwrap();
        assert_eq!(&top_left, full.backend().buffer().cell((0, 0)).unwrap());
    }
}

/// Every mode of the reader at the extreme sizes (1×1, one row, one column, 500×200 and the
/// edges of the minimum size), on the bundled article: no panic, nothing unclean on screen.
#[test]
fn every_mode_at_the_extreme_sizes() {
    let modes: &[(&str, &[Action])] = &[
        ("reader", &[Action::NextAnnotation]),
        ("help", &[Action::ToggleHelp]),
        ("tour", &[Action::ToggleTour, Action::NextStop]),
        ("presenter", &[Action::Present, Action::RevealVerdict]),
        ("search", &[Action::Search, Action::Edit(Edit::Insert('é'))]),
        ("index", &[Action::ToggleIndex]),
        ("sources", &[Action::ToggleSources]),
        ("contents", &[Action::ToggleContents]),
        ("editor", &[Action::NextAnnotation, Action::EditNote]),
        ("notes", &[Action::ShowNotes]),
        (
            "bookmarks",
            &[Action::ToggleBookmark, Action::ShowBookmarks],
        ),
    ];
    let sizes = [
        (1, 1),
        (1, 2),
        (2, 1),
        (3, 3),
        (1, 200),
        (500, 1),
        (500, 200),
        (39, 11),
        (40, 12),
        (41, 13),
        (80, 24),
    ];
    let article = glose::content::load_bundled().unwrap().article;
    for (name, actions) in modes {
        let mut app = new_app(article.clone(), (80, 24), false);
        for &action in *actions {
            app.update(action);
        }
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
        for (w, h) in sizes {
            app.update(Action::Resize(w, h));
            draw(&mut terminal, &app);
            assert_clean(terminal.backend().buffer()).unwrap_or_else(|e| panic!("{name}: {e}"));
        }
    }
}

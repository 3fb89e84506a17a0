//! glose's speed, measured with criterion (`cargo bench`); figures are reported in
//! BENCHMARKS.md. CI compiles these (`cargo bench --no-run`) but never times anything.
//!
//! - loading and validating the bundled article;
//! - laying out (wrapping) every pane at 40, 80 and 160 columns;
//! - one frame rendered into ratatui's `TestBackend` at 80×24 and 200×60, with and without a
//!   selected annotation, and the cost of a keypress (update + next frame), through
//!   `Terminal::draw` (ratatui's diff: `render`, `keypress`) and as the reader draws it, through
//!   `term::frame::Painter` and the terminal's real backend writing into a sink (`screen`,
//!   `screen_keypress`: what a user's frame costs, but for the terminal itself);
//! - the same for a large document generated at run time (the bundled parts repeated to about
//!   10 MB, about 20 000 annotations), plus opening it and reflowing it after a resize.

use std::hint::black_box;
use std::io;
use std::path::Path;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use glose::app::{Action, App};
use glose::content::Article;
use glose::i18n::Lang;
use glose::layout::{lay_out, panes};
use glose::term::Output;
use glose::term::frame::Painter;
use glose::theme::Theme;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

fn bundled() -> Article {
    glose::content::load_bundled()
        .expect("bundled article")
        .article
}

fn frame(terminal: &mut Terminal<TestBackend>, app: &App) {
    terminal.draw(|f| glose::ui::render(app, f)).expect("draw");
}

/// The reader's own drawing path: its painter (glose's diff) and its backend, the escape
/// sequences written into a sink.
struct Screen {
    terminal: Terminal<Output<io::Sink>>,
    painter: Painter,
}

impl Screen {
    fn new(width: u16, height: u16) -> Self {
        let options = TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, width, height)),
        };
        Self {
            terminal: Terminal::with_options(Output::new(io::sink()), options).expect("terminal"),
            painter: Painter::new(),
        }
    }

    fn frame(&mut self, app: &App) {
        self.painter
            .draw(&mut self.terminal, |buf| glose::ui::render_buffer(app, buf))
            .expect("draw");
    }
}

fn bench_load(c: &mut Criterion) {
    // Reading, checking and building the article from its files, as `glose check` does.
    c.bench_function("parse_bundled", |b| {
        b.iter(|| black_box(glose::content::parse_bundled().expect("bundled article")))
    });
    // What the reader does: the article checked and built at build time.
    c.bench_function("load_bundled", |b| b.iter(|| black_box(bundled())));
}

fn bench_layout(c: &mut Criterion) {
    let article = bundled();
    let panes = panes(&article);
    let mut group = c.benchmark_group("lay_out_all_panes");
    for width in [40, 80, 160] {
        group.bench_with_input(BenchmarkId::from_parameter(width), &width, |b, &width| {
            b.iter(|| {
                for pane in &panes {
                    black_box(lay_out(&article, pane, width));
                }
            });
        });
    }
    group.finish();
}

/// Times a keypress: `LineDown` and `LineUp` in turn, each with the frame that follows.
fn keypresses(b: &mut criterion::Bencher, app: &mut App, terminal: &mut Terminal<TestBackend>) {
    let mut down = true;
    b.iter(|| {
        app.update(if down {
            Action::LineDown
        } else {
            Action::LineUp
        });
        down = !down;
        frame(terminal, app);
    });
}

/// Frame and keypress costs for one article.
fn bench_frames(c: &mut Criterion, name: &str, article: &Article) {
    let mut group = c.benchmark_group(format!("frame_{name}"));
    for (w, h) in [(80u16, 24u16), (200, 60)] {
        for selected in [false, true] {
            let mut app = App::new(article.clone(), Lang::Fr, Theme::default(), (w, h));
            if selected {
                app.update(Action::NextAnnotation);
            }
            let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
            let id = format!("{w}x{h}{}", if selected { "_selected" } else { "" });
            group.bench_function(BenchmarkId::new("render", &id), |b| {
                b.iter(|| frame(&mut terminal, &app));
            });
            group.bench_function(BenchmarkId::new("keypress", &id), |b| {
                keypresses(b, &mut app, &mut terminal);
            });
        }
    }
    // A keypress inside each overlay that lists the whole document (80×24).
    for (overlay, open) in [
        ("index", Action::ToggleIndex),
        ("sources", Action::ToggleSources),
        ("contents", Action::ToggleContents),
    ] {
        let mut app = App::new(article.clone(), Lang::Fr, Theme::default(), (80, 24));
        app.update(open);
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
        frame(&mut terminal, &app);
        group.bench_function(BenchmarkId::new("keypress_in", overlay), |b| {
            keypresses(b, &mut app, &mut terminal);
        });
    }
    group.finish();
}

/// What OSC 8 hyperlinks add to a frame: finding the selected source's address on screen and
/// copying its cells (the World Bank figure, whose source has an address), beside the frame.
fn bench_links(c: &mut Criterion) {
    let mut group = c.benchmark_group("hyperlinks");
    for (w, h) in [(80u16, 24u16), (100, 30)] {
        let mut app = App::new(bundled(), Lang::Fr, Theme::default(), (w, h));
        app.update(Action::NextAnnotation);
        app.update(Action::NextAnnotation);
        let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
        frame(&mut terminal, &app);
        let desk = glose::desk::Desk::with_opener(|_| Ok(()), false, true);
        let buffer = terminal.backend().buffer().clone();
        assert!(
            !desk.links(&app, &buffer, &[]).is_empty(),
            "an address on screen"
        );
        let id = format!("{w}x{h}");
        group.bench_function(BenchmarkId::new("links", &id), |b| {
            b.iter(|| black_box(desk.links(&app, &buffer, &[])));
        });
        group.bench_function(BenchmarkId::new("render", &id), |b| {
            b.iter(|| frame(&mut terminal, &app));
        });
    }
    group.finish();
}

fn bench_bundled_frames(c: &mut Criterion) {
    bench_frames(c, "bundled", &bundled());
    // The frame of issue #11's target: 200×60, part II focused, its first annotation selected
    // and shown in the side pane (`examples/frame.rs` draws the same, for callgrind).
    let mut group = c.benchmark_group("frame_bundled");
    let mut app = App::new(bundled(), Lang::Fr, Theme::default(), (200, 60));
    app.update(Action::FocusPane(2));
    app.update(Action::NextAnnotation);
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("terminal");
    group.bench_function(BenchmarkId::new("render", "200x60_part2"), |b| {
        b.iter(|| frame(&mut terminal, &app));
    });
    let mut screen = Screen::new(200, 60);
    group.bench_function(BenchmarkId::new("screen", "200x60_part2"), |b| {
        b.iter(|| screen.frame(&app));
    });
    // The same frames as the reader draws them (glose's diff, its real backend).
    let article = bundled();
    for (w, h) in [(80u16, 24u16), (200, 60)] {
        for selected in [false, true] {
            let mut app = App::new(article.clone(), Lang::Fr, Theme::default(), (w, h));
            if selected {
                app.update(Action::NextAnnotation);
            }
            let mut screen = Screen::new(w, h);
            let id = format!("{w}x{h}{}", if selected { "_selected" } else { "" });
            group.bench_function(BenchmarkId::new("screen", &id), |b| {
                b.iter(|| screen.frame(&app));
            });
            if !selected {
                let mut down = true;
                group.bench_function(BenchmarkId::new("screen_keypress", &id), |b| {
                    b.iter(|| {
                        app.update(if down {
                            Action::LineDown
                        } else {
                            Action::LineUp
                        });
                        down = !down;
                        screen.frame(&app);
                    });
                });
            }
        }
    }
    group.finish();
}

/// Writes the large document: the bundled parts repeated until the text reaches about 10 MB,
/// every copy of an annotated passage followed by a unique tag (`⟨c.i⟩`) so that each of
/// about 20 000 annotations anchors exactly once.
fn write_large(dir: &Path) -> usize {
    let article = bundled();
    let copies = 10_000_000 / article.text.len().max(1) + 1;
    let mut text = String::new();
    let mut annotations = String::new();
    let mut toml_parts =
        String::from("title = \"Grand document\"\nauthor = \"glose\"\nlanguage = \"fr\"\n");
    let mut count = 0usize;
    for (p, part) in article.parts.iter().enumerate() {
        toml_parts.push_str(&format!(
            "\n[[part]]\nid = \"p{p}\"\nkind = \"{}\"\nheading = \"{}\"\n",
            match part.kind {
                glose::content::PartKind::Introduction => "introduction",
                glose::content::PartKind::Part => "part",
                glose::content::PartKind::Conclusion => "conclusion",
                glose::content::PartKind::References => "references",
            },
            part.heading.replace('"', "\\\"")
        ));
        if part.kind != glose::content::PartKind::Introduction || p > 0 {
            text.push_str(&format!("# {}\n\n", part.heading));
        }
        for copy in 0..copies {
            for paragraph in &part.paragraphs {
                let mut cursor = paragraph.start;
                let first = article.annotation_at_or_after(paragraph.start);
                for (i, a) in article.annotations.iter().enumerate().skip(first) {
                    if a.range.start >= paragraph.end {
                        break;
                    }
                    text.push_str(article.slice(cursor..a.range.end));
                    cursor = a.range.end;
                    if (copy + i) % 5 < 2 {
                        let tag = format!(" ⟨{copy}.{i}⟩");
                        text.push_str(&tag);
                        let quote = format!("{}{tag}", article.slice(a.range.clone()));
                        annotations.push_str(&format!(
                            "[[annotation]]\nid = \"a-{copy}-{i}\"\nkind = \"figure\"\nquote = \"{}\"\ncontext = \"Contexte.\"\nnote = \"\"\n\n",
                            quote.replace('\\', "\\\\").replace('"', "\\\"")
                        ));
                        count += 1;
                    }
                }
                text.push_str(article.slice(cursor..paragraph.end));
                text.push_str("\n\n");
            }
        }
    }
    std::fs::write(dir.join("article.toml"), toml_parts).expect("write article.toml");
    std::fs::write(dir.join("text.md"), text).expect("write text.md");
    std::fs::write(dir.join("annotations.toml"), annotations).expect("write annotations.toml");
    count
}

fn bench_large(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let count = write_large(dir.path());
    // GLOSE_LARGE_DIR=path keeps a copy, to time whole-process runs (`glose check path`).
    if let Some(keep) = std::env::var_os("GLOSE_LARGE_DIR") {
        let keep = Path::new(&keep);
        std::fs::create_dir_all(keep).expect("create GLOSE_LARGE_DIR");
        for file in ["article.toml", "text.md", "annotations.toml"] {
            std::fs::copy(dir.path().join(file), keep.join(file)).expect("copy the large document");
        }
    }
    let bytes = std::fs::metadata(dir.path().join("text.md")).map_or(0, |m| m.len());
    eprintln!("large document: {bytes} bytes of text, {count} annotations");
    let mut group = c.benchmark_group("large");
    group.sample_size(10);
    group.bench_function("load_and_validate", |b| {
        b.iter(|| black_box(glose::content::load_path(dir.path()).expect("large loads")));
    });
    group.bench_function("open_to_first_frame_80x24", |b| {
        b.iter(|| {
            let article = glose::content::load_path(dir.path())
                .expect("large loads")
                .article;
            let app = App::new(article, Lang::Fr, Theme::default(), (80, 24));
            let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
            frame(&mut terminal, &app);
        });
    });
    let article = glose::content::load_path(dir.path())
        .expect("large loads")
        .article;
    let mut app = App::new(article.clone(), Lang::Fr, Theme::default(), (200, 60));
    let mut step = 0u16;
    group.bench_function("resize_reflow", |b| {
        b.iter(|| {
            // A new width each time, so the layout cache cannot answer.
            step = (step + 1) % 140;
            app.update(Action::Resize(60 + step, 40));
        });
    });
    group.finish();
    bench_frames(c, "large", &article);
}

/// A 10 MB Markdown document of real README material (code blocks, lists, tables, links,
/// HTML, a setext title): the README and CHANGELOG fixtures of `tests/fixtures/real/`, repeated.
fn write_markdown(path: &Path) -> usize {
    let material = [
        include_str!("../tests/fixtures/real/termina-README.md"),
        include_str!("../tests/fixtures/real/critical-section-README.md"),
        include_str!("../tests/fixtures/real/vte-CHANGELOG.md"),
    ];
    let mut text = String::with_capacity(10_600_000);
    let mut copy = 0;
    while text.len() < 10_000_000 {
        for piece in material {
            // Each copy under a part heading of its own, as a long book of READMEs.
            text.push_str(&format!("\n# Copy {copy}\n\n"));
            text.push_str(piece);
            text.push('\n');
            copy += 1;
        }
    }
    std::fs::write(path, &text).expect("write the Markdown document");
    text.len()
}

fn bench_markdown(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("readmes.md");
    let bytes = write_markdown(&path);
    // GLOSE_LARGE_MD=path keeps a copy, to time whole-process runs.
    if let Some(keep) = std::env::var_os("GLOSE_LARGE_MD") {
        std::fs::copy(&path, keep).expect("copy the Markdown document");
    }
    eprintln!("Markdown document: {bytes} bytes");
    let mut group = c.benchmark_group("markdown");
    group.sample_size(10);
    group.bench_function("open_to_first_frame_80x24", |b| {
        b.iter(|| {
            let article = glose::content::load_path(&path).expect("loads").article;
            let app = App::new(article, Lang::En, Theme::default(), (80, 24));
            let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
            frame(&mut terminal, &app);
        });
    });
    group.finish();
    let article = glose::content::load_path(&path).expect("loads").article;
    let mut group = c.benchmark_group("frame_markdown");
    for (w, h) in [(80u16, 24u16), (200, 60)] {
        let mut app = App::new(article.clone(), Lang::En, Theme::default(), (w, h));
        // Into the first code block and table, where the rows are drawn with their decorations.
        for _ in 0..40 {
            app.update(Action::LineDown);
        }
        let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
        group.bench_function(BenchmarkId::new("keypress", format!("{w}x{h}")), |b| {
            keypresses(b, &mut app, &mut terminal);
        });
    }
    group.finish();
}

criterion_group!(
    benches,
    bench_load,
    bench_layout,
    bench_links,
    bench_bundled_frames,
    bench_large,
    bench_markdown
);
criterion_main!(benches);

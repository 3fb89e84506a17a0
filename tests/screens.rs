//! What the reader looks like: whole screens of the bundled article rendered into ratatui's
//! `TestBackend` at the classic sizes, committed as insta snapshots (`tests/snapshots/`).
//!
//! Review a changed screen by reading the `.snap.new` file insta writes next to the old one;
//! accept it with `INSTA_UPDATE=always cargo test --test screens` once it is right.

use glose::app::{Action, App};
use glose::i18n::Lang;
use glose::theme::{Theme, ThemeName};
use glose::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn app(width: u16, height: u16, lang: Lang) -> App {
    let loaded = glose::content::load_bundled().expect("the bundled article loads");
    App::new(
        loaded.article,
        lang,
        Theme::named(ThemeName::Monochrome),
        (width, height),
    )
}

fn screen(app: &App) -> String {
    let (width, height) = app.view.size;
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| ui::render(app, frame)).unwrap();
    terminal.backend().to_string()
}

fn press(app: &mut App, actions: &[Action]) {
    for &action in actions {
        app.update(action);
    }
}

#[test]
fn first_screen() {
    for (w, h) in [(80, 24), (120, 40), (200, 60)] {
        let app = app(w, h, Lang::Fr);
        insta::assert_snapshot!(format!("first_screen_{w}x{h}"), screen(&app));
    }
}

#[test]
fn first_annotation_selected_fills_the_side_pane() {
    for (w, h) in [(80, 24), (120, 40), (200, 60)] {
        let mut app = app(w, h, Lang::Fr);
        press(&mut app, &[Action::NextAnnotation]);
        let shown = screen(&app);
        assert!(shown.contains("Banque mondiale"), "{shown}");
        insta::assert_snapshot!(format!("tab_{w}x{h}"), shown);
    }
}

#[test]
fn help_overlay() {
    for (w, h, lang) in [(80, 24, Lang::Fr), (120, 40, Lang::En)] {
        let mut app = app(w, h, lang);
        press(&mut app, &[Action::ToggleHelp]);
        insta::assert_snapshot!(format!("help_{w}x{h}"), screen(&app));
    }
}

#[test]
fn too_small_and_back() {
    let mut app = app(80, 24, Lang::Fr);
    press(&mut app, &[Action::Resize(30, 10)]);
    let small = screen(&app);
    assert!(small.contains("Terminal trop petit"), "{small}");
    insta::assert_snapshot!("too_small_30x10", small);
    press(&mut app, &[Action::Resize(80, 24)]);
    assert!(screen(&app).contains("Le mythe"));
}

#[test]
fn every_size_renders_without_panic() {
    let mut app = app(80, 24, Lang::Fr);
    press(&mut app, &[Action::NextAnnotation, Action::NextAnnotation]);
    for width in (1..=220).step_by(7) {
        for height in [1, 2, 5, 11, 12, 13, 24, 31, 45, 60] {
            app.update(Action::Resize(width, height));
            let _ = screen(&app);
        }
    }
}

//! The world outside the terminal, for the reader's event loop: opening a source's address with
//! the system's opener (`o`), copying a citation through the terminal (`y`, OSC 52), and OSC 8
//! hyperlinks laid over the source pane's address after each frame.
//!
//! `App::update` never does any of this: it returns an [`Effect`], which the event loop hands
//! to [`Desk::carry_out`]. The opener is injectable ([`Desk::with_opener`]) so that tests
//! never launch a browser; debug builds also honour `GLOSE_TEST_OPEN_LOG=FILE` (the address is
//! appended to FILE instead of opened), for the pseudo-terminal tests.
//!
//! Hyperlinks: ratatui cells hold no OSC 8, so after the frame the address's cells are written
//! again, with their own style, between `ESC ] 8 ; ; URL ESC \` and `ESC ] 8 ; ; ESC \`. The
//! characters and their places are the frame's own, so the layout cannot move; cells that a
//! later frame changes lose the link, and it is laid again where the address then is. Only an
//! address that [`safe_url`] accepts is ever written inside an escape sequence. They are off with
//! `GLOSE_HYPERLINKS=0`, with `hyperlinks = false` in the settings, and in terminals known to
//! print them as garbage (`TERM` `dumb`, `linux`, GNU screen, Emacs' `eterm`);
//! `GLOSE_HYPERLINKS=1` forces them on. `glose print` and any output that is not a terminal
//! never reach this module.

use crate::i18n::links as msg;
use std::io::{self, Write};

use base64::Engine as _;
use ratatui::backend::Backend;
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::Rect;

use crate::app::{App, Effect};
use crate::text::sanitize::safe_url;

/// Opens an address; `Err` when no opener could be started.
type Opener = Box<dyn FnMut(&str) -> io::Result<()>>;

/// Carries out the reader's requests and draws hyperlinks.
pub struct Desk {
    opener: Opener,
    /// Whether the terminal takes OSC 52 (copy to the clipboard).
    pub clipboard: bool,
    /// Whether OSC 8 hyperlinks are drawn.
    pub hyperlinks: bool,
    /// The hyperlinks on the terminal now: those of the last frame, or none after the screen
    /// was drawn whole again ([`Desk::forget`]).
    drawn: Vec<LinkRow>,
}

impl std::fmt::Debug for Desk {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Desk")
            .field("clipboard", &self.clipboard)
            .field("hyperlinks", &self.hyperlinks)
            .finish_non_exhaustive()
    }
}

/// An environment variable, for the detection functions (a test gives its own).
pub type Env<'a> = &'a dyn Fn(&str) -> Option<String>;

/// Whether OSC 8 hyperlinks are drawn: `GLOSE_HYPERLINKS` (`0`/`1`) first, then the settings,
/// then the terminal (`TERM`).
pub fn hyperlinks_wanted(env: Env<'_>, setting: bool) -> bool {
    match env("GLOSE_HYPERLINKS").as_deref().map(str::trim) {
        Some("0" | "no" | "false" | "off") => return false,
        Some("1" | "yes" | "true" | "on") => return true,
        _ => {}
    }
    if !setting {
        return false;
    }
    let term = env("TERM").unwrap_or_default();
    let gnu_screen = term.starts_with("screen") && env("TMUX").is_none();
    !(term.is_empty()
        || term == "dumb"
        || term == "linux"
        || term.starts_with("eterm")
        || gnu_screen)
}

/// Whether the terminal is known to take OSC 52 (copy to the clipboard): `GLOSE_OSC52` (`0`/`1`)
/// first, then tmux, kitty, WezTerm, iTerm2, Alacritty, foot, Windows Terminal, Ghostty,
/// Contour and Rio. GNOME Terminal and other VTE terminals, Konsole and xterm's default do not.
pub fn clipboard_allowed(env: Env<'_>) -> bool {
    match env("GLOSE_OSC52").as_deref().map(str::trim) {
        Some("0" | "no" | "false" | "off") => return false,
        Some("1" | "yes" | "true" | "on") => return true,
        _ => {}
    }
    let term = env("TERM").unwrap_or_default();
    let program = env("TERM_PROGRAM").unwrap_or_default();
    env("TMUX").is_some()
        || env("KITTY_WINDOW_ID").is_some()
        || env("WT_SESSION").is_some()
        || env("ALACRITTY_WINDOW_ID").is_some()
        || [
            "kitty",
            "alacritty",
            "foot",
            "wezterm",
            "ghostty",
            "contour",
            "rio",
        ]
        .iter()
        .any(|t| term.contains(t))
        || ["iTerm.app", "WezTerm", "ghostty", "rio", "tmux"].contains(&program.as_str())
}

/// The sequence that puts `text` on the clipboard (OSC 52, terminated by ST).
pub fn osc52(text: &str) -> String {
    let encoded = base64::engine::general_purpose::STANDARD.encode(text.as_bytes());
    format!("\x1b]52;c;{encoded}\x1b\\")
}

/// The sequence that starts a hyperlink to `url` (which must have passed [`safe_url`]).
pub fn link_start(url: &str) -> String {
    format!("\x1b]8;;{url}\x1b\\")
}

/// The sequence that ends a hyperlink.
pub const LINK_END: &str = "\x1b]8;;\x1b\\";

/// The system's opener, or (debug builds) the test log named by `GLOSE_TEST_OPEN_LOG`.
fn system_opener() -> Opener {
    let log = if cfg!(debug_assertions) {
        std::env::var_os("GLOSE_TEST_OPEN_LOG")
    } else {
        None
    };
    match log {
        Some(path) => Box::new(move |url: &str| {
            let mut file = std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(&path)?;
            writeln!(file, "{url}")
        }),
        None => Box::new(|url: &str| open::that_detached(url)),
    }
}

impl Desk {
    /// The desk of the reader: the system's opener, and hyperlinks and the clipboard as the
    /// environment, the settings (`hyperlinks`) and the terminal allow.
    pub fn system(hyperlinks_setting: bool) -> Self {
        let env = |name: &str| std::env::var(name).ok();
        Self {
            opener: system_opener(),
            clipboard: clipboard_allowed(&env),
            hyperlinks: hyperlinks_wanted(&env, hyperlinks_setting),
            drawn: Vec::new(),
        }
    }

    /// A desk with the given opener (tests).
    pub fn with_opener(
        opener: impl FnMut(&str) -> io::Result<()> + 'static,
        clipboard: bool,
        hyperlinks: bool,
    ) -> Self {
        Self {
            opener: Box::new(opener),
            clipboard,
            hyperlinks,
            drawn: Vec::new(),
        }
    }

    /// Carries out the effects that reach the world outside (open, copy), writing OSC 52 to
    /// `terminal` for a copy, and says in the status line what happened. The others (save,
    /// quit) are the event loop's own: passed over here.
    pub fn carry_out(&mut self, app: &mut App, effects: &[Effect], terminal: &mut dyn Write) {
        let lang = app.lang;
        for effect in effects {
            let address = matches!(effect, Effect::CopyAddress(_));
            let message = match effect {
                Effect::SaveNotebook
                | Effect::Publish
                | Effect::SaveSession
                | Effect::Quit
                | Effect::Suspend => continue,
                Effect::Open(url) => match safe_url(url).map(|url| (self.opener)(url)) {
                    Some(Ok(())) => format!("{} {url}", msg::opening(lang)),
                    Some(Err(error)) => msg::cannot_open(lang, &url, &error),
                    None => msg::address_not_one_glose_opens(lang).to_owned(),
                },
                Effect::Copy(text) | Effect::CopyAddress(text) if self.clipboard => {
                    let written = terminal
                        .write_all(osc52(text).as_bytes())
                        .and_then(|()| terminal.flush());
                    match written {
                        Ok(()) if address => msg::address_copied_clipboard(lang).to_owned(),
                        Ok(()) => msg::citation_copied_clipboard(lang).to_owned(),
                        Err(error) => format!("{}: {error}", msg::cannot_copy(lang)),
                    }
                }
                Effect::Copy(_) | Effect::CopyAddress(_) => {
                    msg::terminal_cannot_copy_clipboard_osc(lang).to_owned()
                }
            };
            app.view.message = Some(crate::text::sanitize::clean_line(&message));
        }
    }

    /// The cells of the frame just drawn that hold the selected source's (or link's) address
    /// in the side pane, and the words of the text's links (`text_links`: where the reader drew
    /// them, with the link's index, from `ui::reader::link_cells`), row by row, with their
    /// addresses (nothing when hyperlinks are off).
    pub fn links(&self, app: &App, buffer: &Buffer, text_links: &[(Rect, usize)]) -> Vec<LinkRow> {
        if !self.hyperlinks {
            return Vec::new();
        }
        let words = text_links
            .iter()
            .filter_map(|&(rect, link)| Some((rect, app.article.links.get(link)?.url.clone())));
        app.side_link_rows()
            .into_iter()
            .chain(words)
            .filter_map(|(rect, url)| {
                let url = safe_url(&url)?.to_owned();
                let rect = rect.intersection(buffer.area);
                let cells = (rect.left()..rect.right())
                    .filter_map(|x| buffer.cell((x, rect.y)).map(|c| (x, c.clone())))
                    .collect();
                Some(LinkRow { rect, url, cells })
            })
            .collect()
    }
}

/// One row of a hyperlink: where, to what, and the frame's cells there.
#[derive(Debug, Clone, PartialEq)]
pub struct LinkRow {
    pub rect: Rect,
    pub url: String,
    cells: Vec<(u16, Cell)>,
}

/// What to write over a frame: its hyperlinks, and the cells that lost theirs.
#[derive(Debug, Default)]
pub struct LinkPlan {
    rows: Vec<LinkRow>,
    /// Cells still on screen unchanged that were a link and are none now.
    stale: Vec<LinkRow>,
}

impl Desk {
    /// The hyperlinks of the frame just drawn ([`Desk::links`]), and the cells of the last
    /// frame's hyperlinks that are unchanged on screen but no link now.
    pub fn plan_links(&self, app: &App, buffer: &Buffer, text_links: &[(Rect, usize)]) -> LinkPlan {
        let rows = self.links(app, buffer, text_links);
        let stale = self
            .drawn
            .iter()
            .filter(|old| !rows.contains(old))
            .filter_map(|old| {
                let now: Vec<(u16, Cell)> = (old.rect.left()..old.rect.right())
                    .filter_map(|x| buffer.cell((x, old.rect.y)).map(|c| (x, c.clone())))
                    .collect();
                (now == old.cells).then(|| old.clone())
            })
            .collect();
        LinkPlan { rows, stale }
    }

    /// Lays a frame's hyperlinks over what `backend` shows: each row's cells written again,
    /// with their style, inside an OSC 8 sequence. A row already on the terminal, unchanged, is
    /// not written again (the frame's diff left its cells alone, and they keep their link);
    /// cells that lost their link are written again without one. The cursor is left where it
    /// was hidden.
    pub fn draw_links<B: Backend + Write>(
        &mut self,
        backend: &mut B,
        plan: LinkPlan,
    ) -> io::Result<()> {
        let mut written = false;
        for old in &plan.stale {
            let cells = old.cells.iter().map(|(x, cell)| (*x, old.rect.y, cell));
            backend
                .draw(cells)
                .map_err(|e| io::Error::other(e.to_string()))?;
            written = true;
        }
        for row in &plan.rows {
            if self.drawn.contains(row) {
                continue;
            }
            backend.write_all(link_start(&row.url).as_bytes())?;
            let cells = row.cells.iter().map(|(x, cell)| (*x, row.rect.y, cell));
            backend
                .draw(cells)
                .map_err(|e| io::Error::other(e.to_string()))?;
            Write::write_all(backend, LINK_END.as_bytes())?;
            written = true;
        }
        if written {
            Write::flush(backend)?;
        }
        self.drawn = plan.rows;
        Ok(())
    }

    /// The screen was cleared and drawn whole again: no hyperlink is on it any more.
    pub fn forget(&mut self) {
        self.drawn.clear();
    }
}

#[cfg(test)]
mod tests {
    use std::cell::RefCell;
    use std::rc::Rc;

    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn only_plain_web_addresses_are_safe() {
        assert!(safe_url("https://example.org/a?b=c#d").is_some());
        assert!(safe_url("http://example.org").is_some());
        for hostile in [
            "javascript:alert(1)",
            "file:///etc/passwd",
            "https://",
            "https:///path",
            "https://example.org/\x1b]8;;https://evil\x1b\\",
            "https://example.org/\x07",
            "https://example.org/a b",
            "https://example.org/\u{9d}",
            "https://example.org/␛]8;;x",
            "https://exämple.org",
        ] {
            assert_eq!(safe_url(hostile), None, "{hostile:?}");
        }
        assert_eq!(
            safe_url(&format!("https://e.org/{}", "a".repeat(3000))),
            None
        );
    }

    fn env(vars: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
        move |name| {
            vars.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| (*v).to_owned())
        }
    }

    #[test]
    fn hyperlinks_follow_the_variable_the_setting_and_the_terminal() {
        assert!(hyperlinks_wanted(&env(&[("TERM", "xterm-256color")]), true));
        assert!(!hyperlinks_wanted(
            &env(&[("TERM", "xterm-256color")]),
            false
        ));
        assert!(!hyperlinks_wanted(
            &env(&[("TERM", "xterm-256color"), ("GLOSE_HYPERLINKS", "0")]),
            true
        ));
        assert!(hyperlinks_wanted(
            &env(&[("TERM", "linux"), ("GLOSE_HYPERLINKS", "1")]),
            false
        ));
        for term in ["dumb", "linux", "screen", "eterm-color", ""] {
            assert!(!hyperlinks_wanted(&env_term(term), true), "{term}");
        }
        assert!(hyperlinks_wanted(
            &env(&[
                ("TERM", "screen-256color"),
                ("TMUX", "/tmp/tmux-1000/default,1,0")
            ]),
            true
        ));
    }

    fn env_term(term: &str) -> impl Fn(&str) -> Option<String> {
        let term = term.to_owned();
        move |name| (name == "TERM").then(|| term.clone())
    }

    #[test]
    fn the_clipboard_is_used_only_where_the_terminal_takes_it() {
        assert!(!clipboard_allowed(&env(&[("TERM", "xterm-256color")])));
        assert!(!clipboard_allowed(&env(&[
            ("TERM", "xterm-256color"),
            ("VTE_VERSION", "7600")
        ])));
        assert!(clipboard_allowed(&env(&[("TERM", "xterm-kitty")])));
        assert!(clipboard_allowed(&env(&[("TERM_PROGRAM", "iTerm.app")])));
        assert!(clipboard_allowed(&env(&[("TMUX", "x")])));
        assert!(!clipboard_allowed(&env(&[
            ("TMUX", "x"),
            ("GLOSE_OSC52", "0")
        ])));
        assert!(clipboard_allowed(&env(&[("GLOSE_OSC52", "1")])));
        assert_eq!(osc52("A, B"), "\x1b]52;c;QSwgQg==\x1b\\");
    }

    fn app_on_source() -> App {
        let article = crate::tour::fixture::article();
        let mut app = App::new(article, Lang::En, crate::theme::Theme::default(), (100, 30));
        app.update(crate::app::Action::NextAnnotation);
        app
    }

    /// The text of the cells a desk would link, and the addresses they link to.
    fn linked_text(app: &App, size: (u16, u16)) -> (String, Vec<String>) {
        let mut terminal =
            ratatui::Terminal::new(ratatui::backend::TestBackend::new(size.0, size.1)).unwrap();
        terminal.draw(|f| crate::ui::render(app, f)).unwrap();
        let desk = Desk::with_opener(|_| Ok(()), false, true);
        let rows = desk.links(app, terminal.backend().buffer(), &[]);
        let text = rows
            .iter()
            .flat_map(|r| r.cells.iter().map(|(_, c)| c.symbol().to_owned()))
            .collect();
        (text, rows.into_iter().map(|r| r.url).collect())
    }

    #[test]
    fn the_linked_cells_are_exactly_the_address_on_screen() {
        let url = "https://live.worldbank.org/en/event/2023/online-gig-work-digital-labor-markets";
        for (size, scrolls) in [
            ((100, 30), 0),
            ((80, 24), 0),
            ((160, 45), 0),
            ((100, 30), 1),
        ] {
            let article = crate::content::load_bundled().unwrap().article;
            let mut app = App::new(article, Lang::Fr, crate::theme::Theme::default(), size);
            app.update(crate::app::Action::NextAnnotation);
            app.update(crate::app::Action::NextAnnotation);
            for _ in 0..scrolls {
                app.update(crate::app::Action::SideDown);
            }
            let (text, urls) = linked_text(&app, size);
            if scrolls == 0 {
                assert_eq!(text, url, "{size:?}");
            } else {
                assert!(
                    url.ends_with(&text),
                    "scrolled: only the rows on screen {text:?}"
                );
            }
            assert!(urls.iter().all(|u| u == url));
            // The tour shows the same address lower down, still exactly under its link.
            app.update(crate::app::Action::ToggleTour);
            app.update(crate::app::Action::NextStop);
            let selected = app
                .view
                .selected
                .and_then(|i| app.article.annotations.get(i));
            let source = selected
                .and_then(|a| a.source)
                .and_then(|s| app.article.sources.get(s));
            let (text, _) = linked_text(&app, size);
            match source.and_then(|s| s.url.clone()) {
                Some(expected) if !text.is_empty() => {
                    assert!(
                        expected.starts_with(&text) || expected.ends_with(&text),
                        "{text}"
                    )
                }
                _ => {}
            }
        }
        let article = crate::content::load_bundled().unwrap().article;
        let mut app = App::new(article, Lang::Fr, crate::theme::Theme::default(), (100, 30));
        app.update(crate::app::Action::NextAnnotation);
        app.update(crate::app::Action::NextAnnotation);
        app.update(crate::app::Action::ToggleHelp);
        assert_eq!(
            linked_text(&app, (100, 30)).0,
            "",
            "no link under an overlay"
        );
    }

    #[test]
    fn o_opens_the_selected_source_through_the_injected_opener() {
        let mut app = app_on_source();
        let opened = Rc::new(RefCell::new(Vec::new()));
        let log = Rc::clone(&opened);
        let mut desk = Desk::with_opener(
            move |url| {
                log.borrow_mut().push(url.to_owned());
                Ok(())
            },
            false,
            true,
        );
        let effects = app.update(crate::app::Action::OpenSource);
        let url = app.article.sources[app.article.annotations[0].source.unwrap()]
            .url
            .clone();
        let mut out = Vec::new();
        desk.carry_out(&mut app, &effects, &mut out);
        match url {
            Some(url) => {
                assert_eq!(*opened.borrow(), vec![url.clone()]);
                assert_eq!(app.view.message, Some(format!("Opening {url}")));
            }
            None => assert!(opened.borrow().is_empty()),
        }
        assert!(out.is_empty());
    }

    #[test]
    fn y_copies_the_citation_or_says_it_cannot() {
        let mut app = app_on_source();
        let source = app.article.sources[app.article.annotations[0].source.unwrap()].clone();
        let mut desk = Desk::with_opener(|_| Ok(()), true, true);
        let effects = app.update(crate::app::Action::CopyCitation);
        let mut out = Vec::new();
        desk.carry_out(&mut app, &effects, &mut out);
        let citation = crate::webanno::citation(&source);
        assert!(citation.starts_with(&format!("{}, {}", source.author, source.title)));
        assert_eq!(String::from_utf8(out).unwrap(), osc52(&citation));
        assert_eq!(
            app.view.message.as_deref(),
            Some("Citation copied to the clipboard")
        );
        desk.clipboard = false;
        let effects = app.update(crate::app::Action::CopyCitation);
        let mut out = Vec::new();
        desk.carry_out(&mut app, &effects, &mut out);
        assert!(out.is_empty());
        assert!(
            app.view
                .message
                .as_deref()
                .unwrap()
                .starts_with("this terminal cannot copy")
        );
        app.update(crate::app::Action::ClearSelection);
        assert!(app.update(crate::app::Action::CopyCitation).is_empty());
        assert_eq!(
            app.view.message.as_deref(),
            Some("select an annotation first (Tab)")
        );
    }
}

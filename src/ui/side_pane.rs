//! The source-and-context pane: everything known about the selected annotation, or, with
//! nothing selected, how to use glose and what the text is.
//!
//! `lines` builds the whole content at a width (wrapped with the article's engine, so its
//! height is exact); `App::update` uses it to stop scrolling at the end, `render` to draw.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

use crate::app::Action;
use crate::app::App;
use crate::content::{Annotation, AnnotationKind, Verdict};
use crate::i18n::{Text, reference_number};
use crate::notebook::Place;
use crate::screen::SidePlacement;
use crate::ui::wrap_text;

mod link;
use link::{link_lines, link_title, links_on_screen};

/// The area inside the side pane's border and padding.
pub fn inner(area: Rect) -> Rect {
    Rect {
        x: area.x.saturating_add(2),
        y: area.y.saturating_add(1),
        width: area.width.saturating_sub(4),
        height: area.height.saturating_sub(2),
    }
}

/// Draws the side pane.
pub fn render(app: &App, area: Rect, placement: SidePlacement, buf: &mut Buffer) {
    Clear.render(area, buf);
    let theme = &app.theme;
    let title = match app
        .view
        .selected
        .and_then(|i| app.article.annotations.get(i))
    {
        _ if app.tour.is_some() => {
            let stop = app.tour_progress().map_or(0, |p| p.stop);
            format!(
                " {} · {} ",
                Text::Tour.get(app.lang),
                crate::ui::stop::stop_label(app.lang, stop, app.article.tour.len())
            )
        }
        None if app.view.link.is_some() => link_title(app),
        Some(annotation) => {
            let count = app.article.annotations.len();
            let index = app.view.selected.unwrap_or(0) + 1;
            format!(
                " {} · {index}/{count} ",
                capitalise(app.lang.kind(annotation.kind))
            )
        }
        None if app.article.annotations.is_empty() => format!(" {} ", Text::Contents.get(app.lang)),
        None => format!(" {} ", Text::NoSelection.get(app.lang)),
    };
    let borders = match placement {
        SidePlacement::Right => Borders::ALL,
        SidePlacement::Drawer => Borders::TOP,
    };
    Block::new()
        .borders(borders)
        .border_style(theme.border)
        .title(Span::styled(title, theme.label))
        .render(area, buf);
    let inner = content_area(area, placement);
    let lines = lines(app, usize::from(inner.width));
    let scroll = app.view.side_scroll.min(lines.len().saturating_sub(1));
    let shown: Vec<Line> = lines
        .into_iter()
        .skip(scroll)
        .take(usize::from(inner.height))
        .collect();
    Paragraph::new(shown).render(inner, buf);
}

/// Where the content goes inside the pane's frame.
fn content_area(area: Rect, placement: SidePlacement) -> Rect {
    match placement {
        SidePlacement::Right => inner(area),
        SidePlacement::Drawer => Rect {
            x: area.x.saturating_add(2),
            y: area.y.saturating_add(1),
            width: area.width.saturating_sub(4),
            height: area.height.saturating_sub(1),
        },
    }
}

/// The rows of the screen where the selected source's address is drawn (one per wrapped row,
/// each as wide as the address's piece on it), with the address: where the event loop lays an
/// OSC 8 hyperlink over the frame. Empty when an overlay, the editor or the presenter covers
/// the pane, or when the pane is hidden.
pub fn link_rows(app: &App) -> Vec<(Rect, String)> {
    if app.presenter.is_some() || app.view.overlay.is_some() || app.view.editor.is_some() {
        return Vec::new();
    }
    let Some((area, placement)) = app.screen.as_ref().and_then(|s| s.side) else {
        return Vec::new();
    };
    let inner = content_area(area, placement);
    if app.tour.is_none()
        && let Some(link) = app.view.link.and_then(|i| app.article.links.get(i))
    {
        if crate::desk::safe_url(&link.url).is_none() {
            return Vec::new();
        }
        let (lines, url) = link_lines(app, link, usize::from(inner.width).max(1));
        return visible_url_rows(&lines, url, app.view.side_scroll, inner);
    }
    let Some(annotation) = app
        .view
        .selected
        .and_then(|i| app.article.annotations.get(i))
    else {
        return Vec::new();
    };
    // Most frames have no address to link: nothing is built then.
    let linkable = annotation
        .source
        .and_then(|s| app.article.sources.get(s))
        .and_then(|s| s.url.as_deref())
        .and_then(crate::desk::safe_url)
        .is_some();
    if !linkable {
        return Vec::new();
    }
    let width = usize::from(inner.width).max(1);
    // Outside the tour the address is near the top: only the content down to it is built
    // (`update` keeps the scroll within the whole content, so it needs no clamping here).
    let (lines, url, scroll) = if app.tour.is_some() {
        let (lines, url) = build(app, width);
        let scroll = app.view.side_scroll.min(lines.len().saturating_sub(1));
        (lines, url, scroll)
    } else {
        let mut lines = Vec::new();
        let url = source_head(app, annotation, width, &mut lines);
        (lines, url, app.view.side_scroll)
    };
    visible_url_rows(&lines, url, scroll, inner)
}

/// The screen rows, inside the pane's `inner` area scrolled by `scroll`, of the content's
/// address rows.
fn visible_url_rows(
    lines: &[Line<'_>],
    url: UrlRows,
    scroll: usize,
    inner: Rect,
) -> Vec<(Rect, String)> {
    let Some((rows, url)) = url else {
        return Vec::new();
    };
    rows.filter(|&i| i >= scroll && i - scroll < usize::from(inner.height))
        .filter_map(|i| {
            let width = u16::try_from(lines.get(i)?.width()).ok()?.min(inner.width);
            let y = inner.y + u16::try_from(i - scroll).ok()?;
            Some((Rect::new(inner.x, y, width, 1), url.clone()))
        })
        .collect()
}

/// The side pane's content at `width` cells. During the tour: the stop (what to say, the
/// questions, the time), then everything about its annotation.
pub fn lines(app: &App, width: usize) -> Vec<Line<'static>> {
    build(app, width).0
}

/// Rows of the content that hold the selected source's address, and the address.
type UrlRows = Option<(std::ops::Range<usize>, String)>;

/// The content, and which of its rows hold the selected source's address.
fn build(app: &App, width: usize) -> (Vec<Line<'static>>, UrlRows) {
    let width = width.max(1);
    if let Some(progress) = app.tour_progress() {
        let now = app.clock.now();
        let timing = crate::ui::stop::Timing {
            stop: progress.stop,
            stop_s: progress.stop_spent_s(now),
            tour_s: progress.elapsed_s(now),
        };
        let mut out = crate::ui::stop::lines(
            &app.article,
            timing,
            app.lang,
            &app.theme,
            width,
            crate::ui::stop::Parts {
                time: true,
                say: true,
            },
        );
        if let Some(annotation) = app
            .view
            .selected
            .and_then(|i| app.article.annotations.get(i))
        {
            out.push(Line::default());
            out.push(Line::from(Span::styled(
                "─".repeat(width),
                app.theme.border,
            )));
            let base = out.len();
            let (lines, url) = annotation_lines(app, annotation, width);
            out.extend(lines);
            let url = url.map(|(rows, url)| (rows.start + base..rows.end + base, url));
            return (out, url);
        }
        return (out, None);
    }
    if let Some(link) = app.view.link.and_then(|i| app.article.links.get(i)) {
        return link_lines(app, link, width);
    }
    match app
        .view
        .selected
        .and_then(|i| app.article.annotations.get(i))
    {
        Some(annotation) => annotation_lines(app, annotation, width),
        None if app.article.annotations.is_empty() => (outline_lines(app, width), None),
        None => (about_lines(app, width), None),
    }
}

/// For a text without annotations: every part, the one on screen marked, with the headings
/// inside it; the links on screen with their addresses; notes keys; the title.
fn outline_lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let lang = app.lang;
    let theme = &app.theme;
    let french = app.article.is_french();
    let article = &app.article;
    let mut out = Vec::new();
    let contents_key = app
        .keymap
        .first_key(Action::ToggleContents)
        .map(|k| format!(" · {} {}", k.label(lang), Text::EveryPart.get(lang)))
        .unwrap_or_default();
    out.extend(wrap_text(
        &format!("1–9 {}{contents_key}", Text::GoToPartN.get(lang)),
        width,
        theme.dim,
        false,
    ));
    out.push(Line::default());
    // A window of the list around the part on screen: it scrolls as the reader moves, and a
    // book of a thousand parts costs no more per frame than one of ten.
    const BEFORE: usize = 8;
    const SHOWN: usize = 40;
    let first = app.view.focus.saturating_sub(BEFORE);
    if first > 0 {
        out.push(Line::from(Span::styled("  …", theme.dim)));
    }
    for (i, pane) in app.panes.iter().enumerate().skip(first).take(SHOWN) {
        let here = i == app.view.focus;
        let marker = if here { "▶" } else { " " };
        let style = if here {
            theme.title_focused
        } else {
            theme.text
        };
        out.push(Line::from(Span::styled(
            crate::ui::fit(&format!("{marker} {} · {}", i + 1, pane.title), width),
            style,
        )));
        if !here {
            continue;
        }
        // The headings inside the part on screen.
        for &part in &pane.parts {
            let Some(part) = article.parts.get(part) else {
                continue;
            };
            for paragraph in &part.paragraphs {
                if let Some(crate::content::Block {
                    kind: crate::content::BlockKind::Heading { level },
                    ..
                }) = article.block_at(paragraph.start)
                {
                    let indent = "  ".repeat(usize::from(*level).clamp(1, 4));
                    let words = article.slice(paragraph.clone()).replace('\n', " ");
                    out.extend(wrap_text(
                        &format!("{indent}{words}"),
                        width,
                        theme.dim,
                        french,
                    ));
                }
            }
        }
    }
    if app.panes.len() > first + SHOWN {
        out.push(Line::from(Span::styled("  …", theme.dim)));
    }
    let links = links_on_screen(app);
    if !links.is_empty() {
        section(&mut out, Text::LinksOnScreen.get(lang), theme.label);
        for link in links {
            let words = article.slice(link.range.clone()).replace('\n', " ");
            out.extend(wrap_text(&words, width, theme.link, french));
            out.extend(wrap_text(
                &format!("  {}", link.url),
                width,
                theme.dim,
                false,
            ));
        }
    }
    section(&mut out, Text::NotesHowTo.get(lang), theme.label);
    out.extend(wrap_text(&notes_keys(app), width, theme.text, false));
    section(&mut out, Text::About.get(lang), theme.label);
    out.extend(wrap_text(&article.meta.title, width, theme.heading, french));
    out
}

/// The top of an annotation's content, up to its source's address: the kind and verdict, the
/// words, the source heading, the source and its address; returns the address's rows.
fn source_head(
    app: &App,
    annotation: &Annotation,
    width: usize,
    out: &mut Vec<Line<'static>>,
) -> UrlRows {
    let lang = app.lang;
    let theme = &app.theme;
    let french = app.article.is_french();
    let kind = capitalise(lang.kind(annotation.kind));
    let mut badge = vec![Span::styled(kind, theme.annotation(annotation.kind))];
    if let Some(verdict) = annotation.verdict {
        badge.push(Span::raw("  "));
        badge.push(Span::styled(
            verdict_badge(app, verdict),
            theme.verdict(verdict),
        ));
    }
    out.push(Line::from(badge));
    out.push(Line::default());
    let words = crate::i18n::quoted(app.lang, app.article.slice(annotation.range.clone()));
    out.extend(wrap_text(
        &words,
        width,
        theme.annotation(annotation.kind),
        french,
    ));
    section(out, Text::Source.get(lang), theme.label);
    let source = annotation.source.and_then(|s| app.article.sources.get(s))?;
    let mut line = source.author.clone();
    line.push_str(" — ");
    line.push_str(&source.title);
    for extra in [&source.publisher, &source.date].into_iter().flatten() {
        line.push_str(", ");
        line.push_str(extra);
    }
    out.extend(wrap_text(&line, width, theme.text, french));
    let url = source.url.as_ref()?;
    let start = out.len();
    out.extend(wrap_text(url, width, theme.dim, false));
    Some((start..out.len(), url.clone()))
}

fn annotation_lines(
    app: &App,
    annotation: &Annotation,
    width: usize,
) -> (Vec<Line<'static>>, UrlRows) {
    let lang = app.lang;
    let theme = &app.theme;
    let french = app.article.is_french();
    let mut out: Vec<Line<'static>> = Vec::new();
    let url_rows = source_head(app, annotation, width, &mut out);
    match annotation.source.and_then(|s| app.article.sources.get(s)) {
        Some(source) => {
            let reference = match source.reference {
                Some(n) => reference_number(lang, n),
                None => Text::NotInReferenceList.get(lang).to_owned(),
            };
            out.extend(wrap_text(&reference, width, theme.dim, french));
        }
        None => out.extend(wrap_text(Text::NoSource.get(lang), width, theme.dim, false)),
    }
    if !annotation.context.is_empty() {
        section(&mut out, Text::Context.get(lang), theme.label);
        out.extend(wrap_text(&annotation.context, width, theme.text, french));
    }
    // The reader's own note comes right under the author's context.
    let index = app.view.selected.unwrap_or(0);
    if let Some(note) = app
        .notebook
        .note_at(Place::Annotation(index))
        .and_then(|i| app.notebook.notes.get(i))
    {
        section(&mut out, &note_heading(app), theme.label);
        out.extend(wrap_text(&note.text, width, theme.text, false));
    }
    if !annotation.note.is_empty() || annotation.verdict.is_some() {
        let heading = match annotation.verdict {
            Some(verdict) => format!(
                "{} — {}{}{}",
                Text::WhatTheSourceSays.get(lang),
                Text::Verdict.get(lang),
                lang.colon(),
                app.lang.verdict(verdict)
            ),
            None => Text::WhatTheSourceSays.get(lang).to_owned(),
        };
        section(&mut out, &heading, theme.label);
        out.extend(wrap_text(&annotation.note, width, theme.text, french));
    }
    if !annotation.questions.is_empty() {
        section(&mut out, Text::Questions.get(lang), theme.label);
        for question in &annotation.questions {
            let item = format!("• {question}");
            out.extend(wrap_text(&item, width, theme.text, french));
        }
    }
    if let Some(source) = annotation.source.and_then(|s| app.article.sources.get(s))
        && !source.note.is_empty()
    {
        section(&mut out, Text::AboutSource.get(lang), theme.label);
        out.extend(wrap_text(&source.note, width, theme.text, french));
    }
    (out, url_rows)
}

fn about_lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let lang = app.lang;
    let theme = &app.theme;
    let meta = &app.article.meta;
    let french = app.article.is_french();
    let mut out = Vec::new();
    let here = app
        .current_paragraph()
        .map(|(part, paragraph)| Place::Paragraph { part, paragraph });
    if let Some(note) = here
        .and_then(|place| app.notebook.note_at(place))
        .and_then(|i| app.notebook.notes.get(i))
    {
        out.push(Line::from(Span::styled(
            format!("✎ {}", Text::MyNoteOnParagraph.get(lang)),
            theme.label,
        )));
        out.extend(wrap_text(&note.text, width, theme.text, false));
        out.push(Line::default());
    }
    out.extend(wrap_text(
        Text::HowToRead.get(lang),
        width,
        theme.text,
        false,
    ));

    section(&mut out, Text::Legend.get(lang), theme.label);
    let mut legend = Vec::new();
    for (i, kind) in AnnotationKind::ALL.into_iter().enumerate() {
        let count = app.kind_count(kind);
        if count == 0 {
            continue;
        }
        if i > 0 && !legend.is_empty() {
            legend.push(Span::raw("  "));
        }
        legend.push(Span::styled(lang.kind(kind), theme.annotation(kind)));
        legend.push(Span::raw(format!(" {count}")));
    }
    out.push(Line::from(legend));

    section(&mut out, Text::NotesHowTo.get(lang), theme.label);
    out.extend(wrap_text(&notes_keys(app), width, theme.text, false));

    section(&mut out, Text::About.get(lang), theme.label);
    out.extend(wrap_text(&meta.title, width, theme.heading, french));
    let byline = meta.byline.clone().unwrap_or_else(|| meta.author.clone());
    out.extend(wrap_text(&byline, width, theme.text, french));
    if let Some(publisher) = &meta.publisher {
        let line = format!("{}{}{publisher}", Text::Publisher.get(lang), lang.colon());
        out.extend(wrap_text(&line, width, theme.text, french));
    }
    for extra in [&meta.date, &meta.url].into_iter().flatten() {
        out.extend(wrap_text(extra, width, theme.dim, false));
    }
    if let Some(by) = &meta.annotations_by {
        out.push(Line::default());
        out.extend(wrap_text(by, width, theme.dim, french));
    }
    if !meta.editorial_parts.is_empty() {
        out.push(Line::default());
        out.extend(wrap_text(
            Text::EditorialHeadings.get(lang),
            width,
            theme.dim,
            lang == crate::i18n::Lang::Fr,
        ));
    }
    out
}

/// "✎ My note (a to edit)".
fn note_heading(app: &App) -> String {
    let lang = app.lang;
    match app.keymap.first_key(Action::EditNote) {
        Some(key) => format!(
            "✎ {} ({} {})",
            Text::MyNote.get(lang),
            key.label(lang),
            lang.pick("to edit", "pour modifier")
        ),
        None => format!("✎ {}", Text::MyNote.get(lang)),
    }
}

/// "a note · A all notes · B bookmark · ' bookmarks", from the keymap.
fn notes_keys(app: &App) -> String {
    let lang = app.lang;
    [
        (
            Action::EditNote,
            lang.pick(
                "note (on the selection, else the first paragraph on screen, marked ✎)",
                "note (sur la sélection, sinon le premier paragraphe à l’écran, marqué ✎)",
            ),
        ),
        (
            Action::ShowNotes,
            lang.pick("all notes", "toutes les notes"),
        ),
        (
            Action::ToggleBookmark,
            lang.pick("bookmark (⚑)", "signet (⚑)"),
        ),
        (Action::ShowBookmarks, lang.pick("bookmarks", "signets")),
    ]
    .into_iter()
    .filter_map(|(action, label)| {
        app.keymap
            .first_key(action)
            .map(|key| format!("{} {label}", key.label(app.lang)))
    })
    .collect::<Vec<_>>()
    .join(" · ")
}

fn section(out: &mut Vec<Line<'static>>, title: &str, style: Style) {
    out.push(Line::default());
    out.push(Line::from(Span::styled(title.to_owned(), style)));
}

fn verdict_badge(app: &App, verdict: Verdict) -> String {
    let mark = match verdict {
        Verdict::Confirmed => "✓",
        Verdict::Imprecise => "≈",
        Verdict::Misreported => "✗",
        Verdict::Unverifiable => "?",
    };
    format!("[{mark} {}]", app.lang.verdict(verdict))
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

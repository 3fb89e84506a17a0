//! The source-and-context pane: everything known about the selected annotation, or, with
//! nothing selected, how to use glose and what the text is.
//!
//! `lines` builds the whole content at a width from data ([`Side`], written by the state),
//! wrapped with the article's engine so its height is exact: `App::update` stops scrolling at
//! `max_scroll`, `ui::side_pane` draws the same lines.

use crate::i18n::screen as msg;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::content::{Annotation, AnnotationKind, Article, Link, Verdict};
use crate::i18n::{Lang, Text, reference_number};
use crate::layout::Pane;
use crate::layout::lines::{section, wrap_text};
use crate::layout::screen::SidePlacement;
use crate::layout::stop::Timing;
use crate::notebook::{Notebook, Place};
use crate::theme::Theme;

mod link;
use link::link_lines;
pub use link::link_title;

/// What the side pane shows, as data.
#[derive(Debug, Clone)]
pub struct Side<'a> {
    pub article: &'a Article,
    pub lang: Lang,
    pub theme: &'a Theme,
    /// Index into `Article::annotations`.
    pub selected: Option<usize>,
    /// Index into `Article::links` of the selected link (outside the tour; never with
    /// `selected`).
    pub link: Option<usize>,
    /// Where the guided tour is in time, while it is on.
    pub timing: Option<Timing>,
    pub notebook: &'a Notebook,
    /// The keys named in the pane, as labels.
    pub keys: SideKeys,
    pub panes: &'a [Pane],
    /// The focused pane.
    pub focus: usize,
    /// The links whose words are on screen in the focused pane (for a text without
    /// annotations; empty otherwise).
    pub links: Vec<&'a Link>,
    /// How many annotations of each kind, in `AnnotationKind::ALL` order.
    pub kind_counts: [usize; 4],
    /// The paragraph on screen (part, paragraph), for the note on it.
    pub here: Option<(usize, usize)>,
    /// The room this reader follows (`glose follow`), if any: the facilitator's notes are not
    /// shown, the room's stop's verdict waits for the reveal, the stop's poll is listed.
    pub follow: Option<&'a crate::room::follow::Following>,
}

/// The labels of the keys the side pane names ("a", "Ctrl-S"), from the keymap in force.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SideKeys {
    pub edit_note: Option<String>,
    pub show_notes: Option<String>,
    pub toggle_bookmark: Option<String>,
    pub show_bookmarks: Option<String>,
    pub contents: Option<String>,
    /// For a selected link: open it, follow it (Enter), copy it, the next one, let it go.
    pub open: Option<String>,
    pub follow: Option<String>,
    pub copy: Option<String>,
    pub next: Option<String>,
    pub clear: Option<String>,
}

/// The area inside the side pane's border and padding.
pub fn inner(area: Rect) -> Rect {
    Rect {
        x: area.x.saturating_add(2),
        y: area.y.saturating_add(1),
        width: area.width.saturating_sub(4),
        height: area.height.saturating_sub(2),
    }
}

/// Where the content goes inside the pane's frame.
pub fn content_area(area: Rect, placement: SidePlacement) -> Rect {
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
/// OSC 8 hyperlink over the frame, for the side pane at `area` scrolled to `scroll`.
pub fn link_rows(
    side: &Side<'_>,
    area: Rect,
    placement: SidePlacement,
    scroll: usize,
) -> Vec<(Rect, String)> {
    let inner = content_area(area, placement);
    if let Some(link) = side.link.and_then(|i| side.article.links.get(i)) {
        if crate::text::sanitize::safe_url(&link.url).is_none() {
            return Vec::new();
        }
        let (lines, url) = link_lines(side, link, usize::from(inner.width).max(1));
        return visible_url_rows(&lines, url, scroll, inner);
    }
    let Some(annotation) = side.selected.and_then(|i| side.article.annotations.get(i)) else {
        return Vec::new();
    };
    // Most frames have no address to link: nothing is built then.
    let linkable = annotation
        .source
        .and_then(|s| side.article.sources.get(s))
        .and_then(|s| s.url.as_deref())
        .and_then(crate::text::sanitize::safe_url)
        .is_some();
    if !linkable {
        return Vec::new();
    }
    let width = usize::from(inner.width).max(1);
    // Outside the tour the address is near the top: only the content down to it is built
    // (`update` keeps the scroll within the whole content, so it needs no clamping here).
    let (lines, url, scroll) = if side.timing.is_some() {
        let (lines, url) = build(side, width);
        let scroll = scroll.min(lines.len().saturating_sub(1));
        (lines, url, scroll)
    } else {
        let mut lines = Vec::new();
        let url = source_head(side, annotation, width, &mut lines);
        (lines, url, scroll)
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

/// The last useful scroll position of the side pane at `area`: its content's rows minus what
/// fits.
pub fn max_scroll(side: &Side<'_>, area: Rect) -> usize {
    let inner = inner(area);
    let rows = lines(side, usize::from(inner.width)).len();
    rows.saturating_sub(usize::from(inner.height))
}

/// The side pane's content at `width` cells. During the tour: the stop (what to say, the
/// questions, the time), then everything about its annotation.
pub fn lines(side: &Side<'_>, width: usize) -> Vec<Line<'static>> {
    build(side, width).0
}

/// Rows of the content that hold the selected source's address, and the address.
type UrlRows = Option<(std::ops::Range<usize>, String)>;

/// The content, and which of its rows hold the selected source's address.
fn build(side: &Side<'_>, width: usize) -> (Vec<Line<'static>>, UrlRows) {
    let width = width.max(1);
    if let Some(timing) = side.timing {
        let mut out = crate::layout::stop::lines(
            side.article,
            timing,
            side.lang,
            side.theme,
            width,
            crate::layout::stop::Parts {
                time: true,
                // A follower reads the room's questions, not the facilitator's notes.
                say: side.follow.is_none(),
            },
        );
        if let Some(follow) = side.follow {
            out.extend(crate::layout::poll::follower_lines(
                side.article,
                follow,
                timing.stop,
                side.lang,
                side.theme,
                width,
            ));
        }
        if let Some(annotation) = side.selected.and_then(|i| side.article.annotations.get(i)) {
            out.push(Line::default());
            out.push(Line::from(Span::styled(
                "─".repeat(width),
                side.theme.border,
            )));
            let base = out.len();
            let (lines, url) = annotation_lines(side, annotation, width);
            out.extend(lines);
            let url = url.map(|(rows, url)| (rows.start + base..rows.end + base, url));
            return (out, url);
        }
        return (out, None);
    }
    if let Some(link) = side.link.and_then(|i| side.article.links.get(i)) {
        return link_lines(side, link, width);
    }
    match side.selected.and_then(|i| side.article.annotations.get(i)) {
        Some(annotation) => annotation_lines(side, annotation, width),
        None if side.article.annotations.is_empty() => (outline_lines(side, width), None),
        None => (about_lines(side, width), None),
    }
}

/// For a text without annotations: every part, the one on screen marked, with the headings
/// inside it; the links on screen with their addresses; notes keys; the title.
fn outline_lines(side: &Side<'_>, width: usize) -> Vec<Line<'static>> {
    let lang = side.lang;
    let theme = side.theme;
    let french = side.article.is_french();
    let article = side.article;
    let mut out = Vec::new();
    let contents_key = side
        .keys
        .contents
        .as_ref()
        .map(|k| format!(" · {k} {}", Text::EveryPart.get(lang)))
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
    let first = side.focus.saturating_sub(BEFORE);
    if first > 0 {
        out.push(Line::from(Span::styled("  …", theme.dim)));
    }
    for (i, pane) in side.panes.iter().enumerate().skip(first).take(SHOWN) {
        let here = i == side.focus;
        let marker = if here { "▶" } else { " " };
        let style = if here {
            theme.title_focused
        } else {
            theme.text
        };
        out.push(Line::from(Span::styled(
            crate::layout::lines::fit(&format!("{marker} {} · {}", i + 1, pane.title), width),
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
    if side.panes.len() > first + SHOWN {
        out.push(Line::from(Span::styled("  …", theme.dim)));
    }
    let links = &side.links;
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
    out.extend(wrap_text(&notes_keys(side), width, theme.text, false));
    section(&mut out, Text::About.get(lang), theme.label);
    out.extend(wrap_text(&article.meta.title, width, theme.heading, french));
    out
}

/// The top of an annotation's content, up to its source's address: the kind and verdict, the
/// words, the source heading, the source and its address; returns the address's rows.
fn source_head(
    side: &Side<'_>,
    annotation: &Annotation,
    width: usize,
    out: &mut Vec<Line<'static>>,
) -> UrlRows {
    let lang = side.lang;
    let theme = side.theme;
    let french = side.article.is_french();
    let kind = capitalise(lang.kind(annotation.kind));
    let mut badge = vec![Span::styled(kind, theme.annotation(annotation.kind))];
    let hidden = verdict_hidden(side);
    if let Some(verdict) = annotation.verdict.filter(|_| !hidden) {
        badge.push(Span::raw("  "));
        badge.push(Span::styled(
            verdict_badge(side, verdict),
            theme.verdict(verdict),
        ));
    }
    out.push(Line::from(badge));
    out.push(Line::default());
    let words = crate::i18n::quoted(side.lang, side.article.slice(annotation.range.clone()));
    out.extend(wrap_text(
        &words,
        width,
        theme.annotation(annotation.kind),
        french,
    ));
    section(out, Text::Source.get(lang), theme.label);
    let source = annotation
        .source
        .and_then(|s| side.article.sources.get(s))?;
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
    side: &Side<'_>,
    annotation: &Annotation,
    width: usize,
) -> (Vec<Line<'static>>, UrlRows) {
    let lang = side.lang;
    let theme = side.theme;
    let french = side.article.is_french();
    let mut out: Vec<Line<'static>> = Vec::new();
    let url_rows = source_head(side, annotation, width, &mut out);
    match annotation.source.and_then(|s| side.article.sources.get(s)) {
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
    let index = side.selected.unwrap_or(0);
    if let Some(note) = side
        .notebook
        .note_at(Place::Annotation(index))
        .and_then(|i| side.notebook.notes.get(i))
    {
        section(&mut out, &note_heading(side), theme.label);
        out.extend(wrap_text(&note.text, width, theme.text, false));
    }
    if verdict_hidden(side) && (!annotation.note.is_empty() || annotation.verdict.is_some()) {
        section(&mut out, Text::WhatTheSourceSays.get(lang), theme.label);
        out.extend(wrap_text(
            msg::shown_when_facilitator_reveals(lang),
            width,
            theme.dim,
            false,
        ));
    } else if !annotation.note.is_empty() || annotation.verdict.is_some() {
        let heading = match annotation.verdict {
            Some(verdict) => format!(
                "{} — {}{}{}",
                Text::WhatTheSourceSays.get(lang),
                Text::Verdict.get(lang),
                lang.colon(),
                side.lang.verdict(verdict)
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
    if let Some(source) = annotation.source.and_then(|s| side.article.sources.get(s))
        && !source.note.is_empty()
    {
        section(&mut out, Text::AboutSource.get(lang), theme.label);
        out.extend(wrap_text(&source.note, width, theme.text, french));
    }
    (out, url_rows)
}

/// Whether the selected annotation's verdict waits for the room's reveal.
fn verdict_hidden(side: &Side<'_>) -> bool {
    match (side.follow, side.selected) {
        (Some(follow), Some(index)) => follow.hides_verdict(side.article, index),
        _ => false,
    }
}

fn about_lines(side: &Side<'_>, width: usize) -> Vec<Line<'static>> {
    let lang = side.lang;
    let theme = side.theme;
    let meta = &side.article.meta;
    let french = side.article.is_french();
    let mut out = Vec::new();
    let here = side
        .here
        .map(|(part, paragraph)| Place::Paragraph { part, paragraph });
    if let Some(note) = here
        .and_then(|place| side.notebook.note_at(place))
        .and_then(|i| side.notebook.notes.get(i))
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
        let count = side.kind_counts.get(i).copied().unwrap_or(0);
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
    out.extend(wrap_text(&notes_keys(side), width, theme.text, false));

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
            lang.french_typography(),
        ));
    }
    out
}

/// "✎ My note (a to edit)".
fn note_heading(side: &Side<'_>) -> String {
    let lang = side.lang;
    match &side.keys.edit_note {
        Some(key) => format!(
            "✎ {} ({key} {})",
            Text::MyNote.get(lang),
            msg::to_edit(lang)
        ),
        None => format!("✎ {}", Text::MyNote.get(lang)),
    }
}

/// "a note · A all notes · B bookmark · ' bookmarks", from the keymap.
fn notes_keys(side: &Side<'_>) -> String {
    let lang = side.lang;
    [
        (
            &side.keys.edit_note,
            msg::note_selection_else_first_paragraph(lang),
        ),
        (&side.keys.show_notes, msg::all_notes(lang)),
        (&side.keys.toggle_bookmark, msg::bookmark(lang)),
        (&side.keys.show_bookmarks, msg::bookmarks(lang)),
    ]
    .into_iter()
    .filter_map(|(key, label)| key.as_ref().map(|key| format!("{key} {label}")))
    .collect::<Vec<_>>()
    .join(" · ")
}

fn verdict_badge(side: &Side<'_>, verdict: Verdict) -> String {
    format!("[{} {}]", verdict.sign(), side.lang.verdict(verdict))
}

pub fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

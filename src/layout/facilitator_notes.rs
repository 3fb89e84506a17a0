//! The facilitator's notes window's geometry: the current stop's notes as lines at a width
//! (their height is exact), so `FacilitatorNotes::update` stops scrolling at the end without asking `ui`.

use crate::i18n::screen as msg;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::content::Article;
use crate::i18n::{Lang, Text};
use crate::layout::lines::wrap_text;
use crate::layout::stop::{self, Timing};
use crate::theme::Theme;

/// Left and right padding of the notes.
const PADDING: u16 = 2;

/// What the notes' body shows, as data.
#[derive(Debug, Clone, Copy)]
pub struct Body<'a> {
    pub article: &'a Article,
    pub lang: Lang,
    pub theme: &'a Theme,
    /// Whether the presenter has shown the answer to the room.
    pub revealed: bool,
    /// The votes on the stop's poll so far, with a room.
    pub votes: Option<crate::link::LiveVotes>,
}

/// The notes' text inside `area`, with its padding left and right.
pub fn text_area(area: Rect) -> Rect {
    Rect {
        x: area.x.saturating_add(PADDING),
        width: area.width.saturating_sub(2 * PADDING),
        ..area
    }
}

/// The furthest the notes can scroll in a window of `size` (a header, the next stop and the
/// status line take a row each).
pub fn max_scroll(notes: &Body<'_>, timing: Timing, size: (u16, u16)) -> usize {
    let (width, height) = size;
    let inner_width = usize::from(width.saturating_sub(2 * PADDING));
    let inner_height = usize::from(height.saturating_sub(3));
    body_lines(notes, timing, inner_width)
        .len()
        .saturating_sub(inner_height)
}

/// Everything about the current stop, wrapped at `width`.
pub fn body_lines(notes: &Body<'_>, timing: Timing, width: usize) -> Vec<Line<'static>> {
    let article = notes.article;
    let theme = notes.theme;
    let lang = notes.lang;
    let french = article.is_french();
    let width = width.max(1);
    let parts = stop::Parts {
        time: false,
        say: true,
    };
    let mut out = stop::lines(article, timing, lang, theme, width, parts);
    out.extend(poll_lines(notes, timing.stop, width));
    let annotation = article
        .tour
        .get(timing.stop)
        .and_then(|s| s.annotation)
        .and_then(|i| article.annotations.get(i));
    let Some(annotation) = annotation else {
        return out;
    };
    out.push(Line::default());
    let revealed = notes.revealed;
    let shown = if revealed {
        msg::shown_room(lang)
    } else {
        msg::not_shown_yet(lang)
    };
    let mut heading = vec![Span::styled(
        format!("{} ", Text::WhatTheSourceSays.get(lang)),
        theme.label,
    )];
    if let Some(verdict) = annotation.verdict {
        heading.push(Span::styled(
            format!("[{} {}]", verdict.sign(), lang.verdict(verdict)),
            theme.verdict(verdict),
        ));
    }
    heading.push(Span::styled(format!(" ({shown})"), theme.dim));
    out.push(Line::from(heading));
    out.extend(wrap_text(
        &crate::i18n::quoted(lang, article.slice(annotation.range.clone())),
        width,
        theme.annotation(annotation.kind),
        french,
    ));
    if !annotation.note.is_empty() {
        out.extend(wrap_text(&annotation.note, width, theme.text, french));
    }
    if let Some(source) = annotation.source.and_then(|s| article.sources.get(s)) {
        let line = format!(
            "{}{}{} — {}",
            Text::Source.get(lang),
            lang.colon(),
            source.author,
            source.title
        );
        out.extend(wrap_text(&line, width, theme.dim, french));
    }
    out
}

/// The stop's poll with a room: its distribution all along (the room sees it only once the
/// presenter reveals it), so the facilitator knows what the room thinks before `v`.
fn poll_lines(notes: &Body<'_>, stop: usize, width: usize) -> Vec<Line<'static>> {
    let (Some(live), Some(poll)) = (
        notes.votes,
        notes.article.tour.get(stop).and_then(|s| s.poll.as_ref()),
    ) else {
        return Vec::new();
    };
    let lang = notes.lang;
    let votes = crate::room::votes::Summary::from_live(&live);
    let mut out = vec![Line::default()];
    out.extend(crate::layout::poll::presenter_lines(
        poll,
        Some(&votes),
        true,
        notes.theme,
        lang,
        width,
        notes.article.is_french(),
    ));
    let seen = if notes.revealed {
        msg::shown_room_in_brackets(lang)
    } else {
        msg::live_room_sees_once_you(lang)
    };
    out.extend(wrap_text(
        seen,
        width,
        notes.theme.dim,
        notes.article.is_french(),
    ));
    out
}

//! The sources overlay (`S`): every source, in the order of the article's reference list, each
//! followed by the annotations that cite it; the detail area shows the source in full.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};

use crate::app::lookup::{SourceEntry, source_entries};
use crate::app::{App, Overlay};
use crate::content::Source;
use crate::i18n::{Text, count_of, quoted, reference_number};
use crate::text::wrap::str_width;
use crate::ui::lookup::{self, ListFrame};
use crate::ui::{fit, wrap_text};

fn cites(app: &App, source: usize) -> usize {
    app.article
        .annotations
        .iter()
        .filter(|a| a.source == Some(source))
        .count()
}

fn describe(source: &Source) -> String {
    let mut line = format!("{} — {}", source.author, source.title);
    for extra in [&source.publisher, &source.date].into_iter().flatten() {
        line.push_str(", ");
        line.push_str(extra);
    }
    line
}

/// Draws the sources list; returns the cursor position while its filter is typed.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) -> Option<Position> {
    let lang = app.lang;
    let theme = &app.theme;
    let article = &app.article;
    let state = &app.view.sources;
    let entries = source_entries(article, state.filter.text());

    let entry = |row: usize, width: usize| -> Vec<Span<'_>> {
        match entries.get(row) {
            Some(&SourceEntry::Source(s)) => {
                let Some(source) = article.sources.get(s) else {
                    return Vec::new();
                };
                let number = source
                    .reference
                    .map_or_else(|| "   ·".to_owned(), |n| format!("{:>4}", format!("[{n}]")));
                let count = format!(" ×{}", cites(app, s));
                let room = width.saturating_sub(5 + str_width(&count));
                vec![
                    Span::styled(number, theme.dim),
                    Span::raw(" "),
                    Span::styled(fit(&describe(source), room), theme.label),
                    Span::styled(count, theme.dim),
                ]
            }
            Some(&SourceEntry::Cite { annotation, .. }) => {
                let Some(a) = article.annotations.get(annotation) else {
                    return Vec::new();
                };
                let kind = fit(lang.kind(a.kind), 9);
                let verdict = a
                    .verdict
                    .map_or_else(|| "  ".to_owned(), |v| format!("{} ", v.sign()));
                let words = quoted(lang, article.slice(a.range.clone()));
                let room = width.saturating_sub(7 + 9 + 2);
                vec![
                    Span::raw("     ↳ "),
                    Span::styled(kind, theme.annotation(a.kind)),
                    Span::styled(verdict, a.verdict.map_or(theme.dim, |v| theme.verdict(v))),
                    Span::styled(fit(&words, room), theme.text),
                ]
            }
            None => Vec::new(),
        }
    };

    let width = usize::from(app.lookup_areas(Overlay::Sources).detail.width).max(1);
    let french = article.is_french();
    let detail = match entries.get(state.cursor) {
        Some(&SourceEntry::Source(s)) => article.sources.get(s).map(|source| {
            let mut lines = wrap_text(&describe(source), width, theme.label, french);
            if let Some(url) = &source.url {
                lines.extend(wrap_text(url, width, theme.dim, false));
            }
            let reference = match source.reference {
                Some(n) => reference_number(lang, n),
                None => Text::NotInReferenceList.get(lang).to_owned(),
            };
            let cited = match cites(app, s) {
                0 => Text::NotCitedByAny.get(lang).to_owned(),
                n => count_of(lang, n, crate::i18n::words::PASSAGES),
            };
            lines.extend(wrap_text(
                &format!("{reference} · {cited}"),
                width,
                theme.dim,
                french,
            ));
            if !source.note.is_empty() {
                lines.extend(wrap_text(&source.note, width, theme.text, french));
            }
            lines
        }),
        Some(&SourceEntry::Cite { annotation, .. }) => {
            article.annotations.get(annotation).map(|a| {
                let mut lines = wrap_text(
                    &quoted(lang, article.slice(a.range.clone())),
                    width,
                    theme.annotation(a.kind),
                    french,
                );
                lines.extend(wrap_text(
                    &a.context.replace("\n\n", " "),
                    width,
                    theme.text,
                    french,
                ));
                lines
            })
        }
        None => None,
    };

    let cited: usize = article
        .annotations
        .iter()
        .filter(|a| a.source.is_some())
        .count();
    let header = Line::from(Span::styled(
        format!(
            "{} · {}",
            count_of(lang, article.sources.len(), crate::i18n::words::SOURCES),
            count_of(lang, cited, crate::i18n::words::CITATIONS),
        ),
        theme.dim,
    ));
    lookup::render(
        app,
        area,
        ListFrame {
            title: Text::Sources.get(lang).to_owned(),
            header,
            state,
            len: entries.len(),
            capacity: app.lookup_capacity(Overlay::Sources),
            entry: &entry,
            detail: Some(detail.unwrap_or_default()),
            overlay: Overlay::Sources,
        },
        buf,
    )
}

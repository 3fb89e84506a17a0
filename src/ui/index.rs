//! The index overlay (`i`): every annotation with its kind, verdict and words, filterable by
//! kind and by text, like Kindle's X-Ray for figures; the detail area shows the source and the
//! context of the entry under the cursor.

use crate::i18n::screen as msg;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};

use crate::app::{App, Overlay};
use crate::content::{AnnotationKind, Verdict};
use crate::i18n::{Text, count_of, quoted};
use crate::text::wrap::str_width;
use crate::ui::lookup::{self, ListFrame};
use crate::ui::{fit, wrap_text};

/// Draws the index; returns the cursor position while its filter is typed.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) -> Option<Position> {
    let lang = app.lang;
    let theme = &app.theme;
    let article = &app.article;
    let state = &app.view.index;
    let entries = app.index_entries();

    // The kind filter: the chosen one in brackets and reverse video.
    let mut header = Vec::new();
    let mut choices: Vec<Option<AnnotationKind>> = vec![None];
    choices.extend(
        AnnotationKind::ALL
            .into_iter()
            .filter(|&k| app.kind_count(k) > 0)
            .map(Some),
    );
    for (i, choice) in choices.into_iter().enumerate() {
        if i > 0 {
            header.push(Span::styled(" · ", theme.dim));
        }
        let (label, count, style) = match choice {
            None => (Text::All.get(lang), article.annotations.len(), theme.label),
            Some(kind) => (
                lang.kinds(kind),
                app.kind_count(kind),
                theme.annotation(kind),
            ),
        };
        if choice == state.kind {
            header.push(Span::styled(
                format!("[{label} {count}]"),
                style.patch(theme.cursor),
            ));
        } else {
            header.push(Span::styled(format!("{label} {count}"), style));
        }
    }

    let kind_width = AnnotationKind::ALL
        .iter()
        .map(|k| str_width(lang.kind(*k)))
        .max()
        .unwrap_or(0);
    let verdict_width = Verdict::ALL
        .iter()
        .map(|v| str_width(lang.verdict(*v)))
        .max()
        .unwrap_or(0)
        + 2;
    let entry = |row: usize, width: usize| -> Vec<Span<'_>> {
        if let Some(orphan) = entries
            .get(row)
            .and_then(|&i| app.orphans.get(i.checked_sub(article.annotations.len())?))
        {
            // Not in the text: a mark and the words as written, never silently dropped.
            let mark = format!("⚠ {}", msg::orphan(lang));
            let words = quoted(app.lang, &orphan.quote);
            let fixed = kind_width + 1 + verdict_width + 1 + 3;
            return vec![
                Span::styled(
                    fit(lang.kind(orphan.kind), kind_width + 1),
                    theme.annotation(orphan.kind),
                ),
                Span::styled(fit(&mark, verdict_width + 1), theme.misreported),
                Span::styled(fit(&words, width.saturating_sub(fixed).max(1)), theme.dim),
                Span::styled(" §?".to_owned(), theme.dim),
            ];
        }
        let Some(annotation) = entries.get(row).and_then(|&i| article.annotations.get(i)) else {
            return Vec::new();
        };
        let pane = app.part_pane.get(annotation.part).map_or(0, |p| p + 1);
        let verdict = annotation
            .verdict
            .map_or_else(String::new, |v| format!("{} {}", v.sign(), lang.verdict(v)));
        let words = quoted(lang, article.slice(annotation.range.clone()));
        let fixed = kind_width + 1 + verdict_width + 1 + 3;
        let words_width = width.saturating_sub(fixed).max(1);
        vec![
            Span::styled(
                fit(lang.kind(annotation.kind), kind_width + 1),
                theme.annotation(annotation.kind),
            ),
            Span::styled(
                fit(&verdict, verdict_width + 1),
                annotation.verdict.map_or(theme.dim, |v| theme.verdict(v)),
            ),
            Span::styled(fit(&words, words_width), theme.text),
            Span::styled(format!(" §{pane}"), theme.dim),
        ]
    };

    let orphan_detail = entries
        .get(state.list.cursor)
        .and_then(|&i| app.orphans.get(i.checked_sub(article.annotations.len())?))
        .map(|orphan| {
            let width = usize::from(app.lookup_areas(Overlay::Index).detail.width).max(1);
            let mut lines = wrap_text(&orphan.problem, width, theme.misreported, false);
            let context = if orphan.context.is_empty() {
                &orphan.note
            } else {
                &orphan.context
            };
            lines.extend(wrap_text(
                &context.replace("\n\n", " "),
                width,
                theme.text,
                article.is_french(),
            ));
            lines
        });
    let detail = entries
        .get(state.list.cursor)
        .and_then(|&i| article.annotations.get(i))
        .map(|annotation| {
            let width = usize::from(app.lookup_areas(Overlay::Index).detail.width).max(1);
            let french = article.is_french();
            let mut lines = Vec::new();
            let source = annotation
                .source
                .and_then(|s| article.sources.get(s))
                .map_or_else(
                    || Text::NoSource.get(lang).to_owned(),
                    |s| {
                        let mut line = format!("{} — {}", s.author, s.title);
                        for extra in [&s.publisher, &s.date].into_iter().flatten() {
                            line.push_str(", ");
                            line.push_str(extra);
                        }
                        line
                    },
                );
            lines.push(Line::from(vec![
                Span::styled(
                    format!("{}{}", Text::Source.get(lang), lang.colon()),
                    theme.label,
                ),
                Span::styled(
                    fit(&source, width.saturating_sub(10)).trim_end().to_owned(),
                    theme.text,
                ),
            ]));
            lines.extend(wrap_text(
                &annotation.context.replace("\n\n", " "),
                width,
                theme.text,
                french,
            ));
            lines
        });

    let title = format!(
        "{} · {}",
        Text::Index.get(lang),
        count_of(lang, entries.len(), crate::i18n::words::ANNOTATIONS)
    );
    lookup::render(
        app,
        area,
        ListFrame {
            title,
            header: Line::from(header),
            state: &state.list,
            len: entries.len(),
            capacity: app.lookup_capacity(Overlay::Index),
            entry: &entry,
            detail: Some(detail.or(orphan_detail).unwrap_or_default()),
            overlay: Overlay::Index,
        },
        buf,
    )
}

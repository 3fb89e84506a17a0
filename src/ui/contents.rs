//! The table of contents (`c`): the parts in reading order, each with how much of it has been
//! on screen, its annotations and its reading time; Enter goes to the part.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};

use crate::app::lookup::contents_entries;
use crate::app::{App, Overlay};
use crate::i18n::{Text, count_of};
use crate::text::wrap::str_width;
use crate::ui::fit;
use crate::ui::lookup::{self, ListFrame};

/// Words read per minute, for the reading-time estimate (a common figure for reading on screen).
const WORDS_PER_MINUTE: usize = 200;

/// Cells of the progress bar.
const BAR: usize = 10;

/// A progress bar of `BAR` cells: full blocks read, light shade not.
pub fn bar(percent: usize) -> String {
    let full = (percent.min(100) * BAR + 50) / 100;
    format!("{}{}", "█".repeat(full), "░".repeat(BAR - full))
}

/// Minutes to read `words` words, at least one.
pub fn minutes(words: usize) -> usize {
    words.div_ceil(WORDS_PER_MINUTE).max(1)
}

/// Draws the table of contents; returns the cursor position while its filter is typed.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) -> Option<Position> {
    let lang = app.lang;
    let theme = &app.theme;
    let article = &app.article;
    let state = &app.view.contents;
    let entries = contents_entries(article, state.filter.text());

    let entry = |row: usize, width: usize| -> Vec<Span<'_>> {
        let Some((part_index, part)) = entries
            .get(row)
            .and_then(|&i| article.parts.get(i).map(|p| (i, p)))
        else {
            return Vec::new();
        };
        // The number is the digit that goes to the part's pane: only the part the pane is
        // named after has it; an introduction or references sharing its pane have none.
        let pane = app.part_pane.get(part_index).copied().unwrap_or(0);
        let main = app.panes.get(pane).and_then(|p| {
            p.parts
                .iter()
                .copied()
                .find(|&i| {
                    article
                        .parts
                        .get(i)
                        .is_some_and(|p| p.kind != crate::content::PartKind::Introduction)
                })
                .or(p.parts.first().copied())
        });
        let number = if main == Some(part_index) {
            format!("{:>2} ", pane + 1)
        } else {
            "   ".to_owned()
        };
        let percent = app.part_progress(part_index);
        let stats = app
            .part_stats()
            .get(part_index)
            .copied()
            .unwrap_or_default();
        let (annotations, words) = (stats.annotations, stats.words);
        let progress = format!(" {} {percent:>3} % {}", bar(percent), Text::Read.get(lang));
        let extra = format!(
            "  {:>3} ✎  {:>3} {}",
            annotations,
            minutes(words),
            Text::Minutes.get(lang)
        );
        let fixed = 3 + str_width(&progress) + str_width(&extra);
        let heading_width = width.saturating_sub(fixed).max(1);
        vec![
            Span::styled(number, theme.dim),
            Span::styled(fit(&part.heading, heading_width), theme.heading),
            Span::styled(progress, theme.text),
            Span::styled(extra, theme.dim),
        ]
    };

    let total_words: usize = app.part_stats().iter().map(|s| s.words).sum();
    let header = Line::from(Span::styled(
        format!(
            "{} · {} · ~{} {} · ✎ = {}",
            count_of(lang, article.parts.len(), crate::i18n::words::PARTS),
            count_of(lang, total_words, crate::i18n::words::WORDS),
            minutes(total_words),
            Text::Minutes.get(lang),
            Text::Annotations.get(lang).to_lowercase(),
        ),
        theme.dim,
    ));
    lookup::render(
        app,
        area,
        ListFrame {
            title: Text::Contents.get(lang).to_owned(),
            header,
            state,
            len: entries.len(),
            capacity: app.lookup_capacity(Overlay::Contents),
            entry: &entry,
            detail: None,
            overlay: Overlay::Contents,
        },
        buf,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bar_rounds_and_never_overflows() {
        assert_eq!(bar(0), "░░░░░░░░░░");
        assert_eq!(bar(44), "████░░░░░░");
        assert_eq!(bar(45), "█████░░░░░");
        assert_eq!(bar(100), "██████████");
        assert_eq!(bar(250), "██████████");
        assert_eq!(minutes(0), 1);
        assert_eq!(minutes(401), 3);
    }
}

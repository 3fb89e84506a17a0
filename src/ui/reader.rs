//! One pane of the article: its border and title, and the visible rows of its layout with the
//! annotated spans marked.
//!
//! Only the rows on screen are turned into spans; the spans borrow the article's text.

use ratatui::buffer::Buffer;
use ratatui::layout::Margin;
use ratatui::symbols;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, BorderType, Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget, Widget,
};

use crate::app::App;
use crate::layout::{RowKind, VisualRow};
use crate::notebook::Place;
use crate::screen::PaneArea;
use crate::ui::fit;

/// Draws one pane (expanded or collapsed).
pub fn pane(app: &App, area: PaneArea, buf: &mut Buffer) {
    let focused = area.pane == app.view.focus;
    let theme = &app.theme;
    let Some(pane) = app.panes.get(area.pane) else {
        return;
    };
    let marker = if focused { "▶" } else { " " };
    let title = format!(" {marker} {} · {} ", area.pane + 1, pane.title);
    let title_style = if focused {
        theme.title_focused
    } else {
        theme.title
    };
    if area.collapsed {
        let line = Line::from(vec![
            Span::styled("─", theme.border),
            Span::styled(
                fit(&title, usize::from(area.area.width.saturating_sub(1))),
                title_style,
            ),
        ]);
        buf.set_line(area.area.x, area.area.y, &line, area.area.width);
        return;
    }
    let block = Block::bordered()
        .border_type(if focused {
            theme.focused_border_type
        } else {
            BorderType::Plain
        })
        .border_style(theme.border(focused))
        .title(Line::from(Span::styled(
            fit(&title, usize::from(area.area.width.saturating_sub(4)))
                .trim_end()
                .to_owned(),
            title_style,
        )));
    block.render(area.area, buf);
    let Some(layout) = app.layout(area.pane) else {
        return;
    };
    let top = app.view.tops.get(area.pane).map_or(0, |t| t.row);
    let height = usize::from(area.text.height);
    let marks = reader_marks(app, area.pane);
    for (i, row) in layout.rows.iter().skip(top).take(height).enumerate() {
        let y = area.text.y + i as u16;
        let line = row_line(app, row);
        buf.set_line(area.text.x, y, &line, area.text.width);
        if row.kind == RowKind::Text {
            let signs: String = marks
                .iter()
                .filter(|(byte, _)| row.range.contains(byte) || *byte == row.range.start)
                .map(|(_, sign)| *sign)
                .fold(String::new(), |mut s, c| {
                    if !s.contains(c) {
                        s.push(c);
                    }
                    s
                });
            // In the padding left of the text; when it has room for one sign only, the note's.
            let room = usize::from(area.text.x.saturating_sub(area.area.x + 1));
            let skip = signs.chars().count().saturating_sub(room);
            let signs: String = signs.chars().skip(skip).collect();
            let width = signs.chars().count() as u16;
            if width > 0 {
                let x = area.text.x.saturating_sub(width);
                buf.set_string(x, y, &signs, theme.key);
            }
        }
    }
    if layout.rows.len() > height && area.area.height > 2 {
        let mut state = ScrollbarState::new(layout.max_top(height) + 1).position(top);
        Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .symbols(symbols::scrollbar::Set {
                track: if focused && theme.focused_border_type == BorderType::Thick {
                    symbols::line::THICK_VERTICAL
                } else if focused && theme.focused_border_type == BorderType::Double {
                    symbols::line::DOUBLE_VERTICAL
                } else {
                    symbols::line::VERTICAL
                },
                ..symbols::scrollbar::VERTICAL
            })
            .begin_symbol(None)
            .end_symbol(None)
            .thumb_style(theme.border(focused))
            .track_style(theme.border(focused))
            .render(
                area.area.inner(Margin {
                    vertical: 1,
                    horizontal: 0,
                }),
                buf,
                &mut state,
            );
    }
}

/// The reader's marks in a pane: the byte each starts at and its sign, `⚑` for a bookmark, `✎`
/// for a note (on a paragraph or an annotation). Bookmarks first, so `⚑✎` reads left to right.
fn reader_marks(app: &App, pane: usize) -> Vec<(usize, char)> {
    let Some(parts) = app.panes.get(pane).map(|p| &p.parts) else {
        return Vec::new();
    };
    let start_of = |place: Place| match place {
        Place::Annotation(i) => app
            .article
            .annotations
            .get(i)
            .filter(|a| parts.contains(&a.part))
            .map(|a| a.range.start),
        Place::Paragraph { part, paragraph } => app
            .article
            .parts
            .get(part)
            .filter(|_| parts.contains(&part))
            .and_then(|p| p.paragraphs.get(paragraph))
            .map(|r| r.start),
        Place::Orphan => None,
    };
    let bookmarks = app.notebook.bookmarks.iter().map(|b| (b.place, '⚑'));
    let notes = app.notebook.notes.iter().map(|n| (n.place, '✎'));
    bookmarks
        .chain(notes)
        .filter_map(|(place, sign)| start_of(place).map(|byte| (byte, sign)))
        .collect()
}

/// One visual row as styled spans: plain text, with each annotated piece in its kind's style,
/// the selected annotation in reverse video, and search matches marked on top.
fn row_line<'a>(app: &'a App, row: &VisualRow) -> Line<'a> {
    let theme = &app.theme;
    match row.kind {
        RowKind::Blank => Line::default(),
        RowKind::Heading { part } => {
            let heading = app
                .article
                .parts
                .get(part)
                .map_or("", |p| p.heading.as_str());
            Line::from(Span::styled(
                heading.get(row.range.clone()).unwrap_or(""),
                theme.heading,
            ))
        }
        RowKind::Text => {
            let article = &app.article;
            let search = &app.view.search;
            // Cut the row wherever an annotation or a search match starts or ends, then style
            // each piece: its annotation's style (or plain text), with a match's on top.
            let mut cuts = vec![row.range.start, row.range.end];
            let mut index = article.annotation_at_or_after(row.range.start);
            while let Some(a) = article.annotations.get(index) {
                if a.range.start >= row.range.end {
                    break;
                }
                cuts.extend([a.range.start, a.range.end]);
                index += 1;
            }
            let mut index = search.first_match_after(row.range.start);
            while let Some(m) = search.matches.get(index) {
                if m.start >= row.range.end {
                    break;
                }
                cuts.extend([m.start, m.end]);
                index += 1;
            }
            cuts.retain(|c| (row.range.start..=row.range.end).contains(c));
            cuts.sort_unstable();
            cuts.dedup();
            let spans = cuts
                .windows(2)
                .filter_map(|w| match w {
                    &[start, end] if start < end => Some(start..end),
                    _ => None,
                })
                .map(|piece| {
                    let mut style = match article.annotation_covering(piece.start) {
                        Some(i) => {
                            let kind = article.annotations.get(i).map(|a| a.kind);
                            let kind_style = kind.map_or(theme.text, |k| theme.annotation(k));
                            match (app.view.selected == Some(i), app.view.marks_hidden) {
                                (true, _) => kind_style.patch(theme.selected),
                                (false, false) => kind_style,
                                (false, true) => theme.text,
                            }
                        }
                        None => theme.text,
                    };
                    if let Some(m) = search.match_at(piece.start) {
                        style = style.patch(if search.current == Some(m) {
                            theme.search_current
                        } else {
                            theme.search_match
                        });
                    }
                    Span::styled(article.slice(piece), style)
                })
                .collect::<Vec<_>>();
            Line::from(spans)
        }
    }
}

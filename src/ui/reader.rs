//! One pane of the article: its border and title, and the visible rows of its layout with the
//! annotated spans marked.
//!
//! Only the rows on screen are turned into spans; the spans borrow the article's text.

use ratatui::buffer::Buffer;
use ratatui::layout::Margin;
use ratatui::symbols;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    BorderType, Borders, Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget,
};

use crate::app::App;
use crate::ui::cells;
use ratatui::style::{Modifier, Style};

use crate::content::{
    STYLE_CODE, STYLE_EMPHASIS, STYLE_IMAGE, STYLE_LINK, STYLE_STRIKE, STYLE_STRONG,
};
use crate::layout::screen::PaneArea;
use crate::layout::{COLUMN_GAP, PaneLayout, RowKind, RowStyle, VisualRow, marker_column};
use crate::notebook::Place;
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
        cells::set_line(buf, area.area.x, area.area.y, &line, area.area.width);
        return;
    }
    let border_type = if focused {
        theme.focused_border_type
    } else {
        BorderType::Plain
    };
    let title = fit(&title, usize::from(area.area.width.saturating_sub(4)));
    cells::bordered(
        buf,
        area.area,
        Borders::ALL,
        &border_type.to_border_set(),
        theme.border(focused),
        Some(&Line::from(Span::styled(title.trim_end(), title_style))),
    );
    let Some(layout) = app.layout(area.pane) else {
        return;
    };
    let top = app.view.tops.get(area.pane).map_or(0, |t| t.row);
    let height = usize::from(area.text.height);
    let marks = reader_marks(app, area.pane);
    for (i, row) in layout.rows.iter().skip(top).take(height).enumerate() {
        let y = area.text.y + i as u16;
        let line = row_line(app, layout, row);
        cells::set_line(buf, area.text.x, y, &line, area.text.width);
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
                cells::set_stringn(buf, x, y, &signs, usize::MAX, theme.key);
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

/// The cells of the reader's panes that show a link's words, one rectangle per row and link,
/// with the link's index: where the event loop lays OSC 8 hyperlinks over the frame (`desk`).
/// Empty when an overlay, the editor or the presenter covers the panes.
///
/// The cells are found from the spans the frame was drawn with: a span of the text borrows its
/// words from `Article::text`, so where they sit in it says which link they belong to, and the
/// widths of the spans before them say where they are on screen, whatever stands before the
/// words (quote bars, list markers, a code gutter, table columns).
pub fn link_cells(app: &App) -> Vec<(ratatui::layout::Rect, usize)> {
    let article = &app.article;
    if article.links.is_empty()
        || app.presenter.is_some()
        || app.view.overlay.is_some()
        || app.view.editor.is_some()
    {
        return Vec::new();
    }
    let Some(screen) = app.screen.as_ref() else {
        return Vec::new();
    };
    let text_start = article.text.as_ptr() as usize;
    let mut out: Vec<(ratatui::layout::Rect, usize)> = Vec::new();
    for area in screen.panes.iter().filter(|p| !p.collapsed) {
        let Some(layout) = app.layout(area.pane) else {
            continue;
        };
        let top = app.view.tops.get(area.pane).map_or(0, |t| t.row);
        let height = usize::from(area.text.height);
        for (i, row) in layout.rows.iter().skip(top).take(height).enumerate() {
            if row.kind != RowKind::Text {
                continue;
            }
            let cells = matches!(row.deco.style, RowStyle::Cells { .. });
            let from = article
                .links
                .partition_point(|l| l.range.end <= row.range.start);
            let near = article
                .links
                .get(from)
                .is_some_and(|l| l.range.start < row.range.end);
            if !cells && !near {
                continue;
            }
            let y = area.text.y + i as u16;
            let mut x = 0usize;
            for span in row_line(app, layout, row).spans {
                let width = span.width();
                let offset = match &span.content {
                    std::borrow::Cow::Borrowed(words) => {
                        (words.as_ptr() as usize).checked_sub(text_start)
                    }
                    std::borrow::Cow::Owned(_) => None,
                };
                let link = offset
                    .filter(|&o| o < article.text.len() && width > 0)
                    .and_then(|o| app.link_covering(o));
                let end = (x + width).min(usize::from(area.text.width));
                if let Some(link) = link
                    && x < end
                {
                    let left = area.text.x + x as u16;
                    let cells = (end - x) as u16;
                    match out.last_mut() {
                        Some((rect, l)) if *l == link && rect.y == y && rect.right() == left => {
                            rect.width += cells;
                        }
                        _ => out.push((ratatui::layout::Rect::new(left, y, cells, 1), link)),
                    }
                }
                x += width;
            }
        }
    }
    out
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

/// One visual row as styled spans: what stands before the text (quote bars, list marker,
/// code gutter), then the text with the author's inline styles, each annotated piece in its
/// kind's style, the selected annotation in reverse video, and search matches marked on top.
fn row_line<'a>(app: &'a App, layout: &'a PaneLayout, row: &VisualRow) -> Line<'a> {
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
            let mut spans = lead_spans(app, row);
            let lead = usize::from(row.deco.lead);
            let rest = layout.width.saturating_sub(lead);
            match row.deco.style {
                RowStyle::Rule => spans.push(Span::styled("─".repeat(rest), theme.border)),
                RowStyle::TableRule => spans.push(Span::styled(
                    "─".repeat(usize::from(row.width).min(rest)),
                    theme.border,
                )),
                RowStyle::Cells { first, count } => {
                    let first = first as usize;
                    let pieces = layout
                        .cells
                        .get(first..first + usize::from(count))
                        .unwrap_or_default();
                    let mut x = 0;
                    for (c, cell) in pieces.iter().enumerate() {
                        let column = usize::from(cell.column);
                        if c > 0 {
                            let gap = column.saturating_sub(x + COLUMN_GAP);
                            spans.push(Span::raw(" ".repeat(gap + 1)));
                            spans.push(Span::styled("│", theme.border));
                            spans.push(Span::raw(" "));
                        }
                        x = column;
                        let pad = usize::from(cell.pad);
                        if pad > 0 {
                            spans.push(Span::raw(" ".repeat(pad)));
                        }
                        x += pad;
                        let header = row.range.start < first_row_end(app, row);
                        let base = if header { theme.heading } else { theme.text };
                        let before = spans.len();
                        spans.extend(text_spans(app, cell.range.clone(), base));
                        x += spans
                            .get(before..)
                            .unwrap_or_default()
                            .iter()
                            .map(Span::width)
                            .sum::<usize>();
                    }
                }
                RowStyle::Code { .. } => {
                    spans.extend(text_spans(app, row.range.clone(), theme.code));
                }
                RowStyle::Heading(level) => {
                    let style = match level {
                        1 => theme.heading.add_modifier(Modifier::UNDERLINED),
                        2 => theme.heading,
                        _ => theme.heading.add_modifier(Modifier::ITALIC),
                    };
                    spans.extend(text_spans(app, row.range.clone(), style));
                }
                RowStyle::Plain | RowStyle::Lines { .. } => {
                    spans.extend(text_spans(app, row.range.clone(), theme.text));
                }
            }
            Line::from(spans)
        }
    }
}

/// The end of the header row of the row's table (its first row's cells): header cells are
/// drawn as headings.
fn first_row_end(app: &App, row: &VisualRow) -> usize {
    app.article
        .blocks
        .get(row.deco.block as usize)
        .and_then(|b| match &b.kind {
            crate::content::BlockKind::Table(table) => table
                .rows
                .first()
                .and_then(|r| r.last())
                .map(|c| c.end.max(c.start + 1)),
            _ => None,
        })
        .unwrap_or(0)
}

/// What stands before a row's text: a bar per quote, the list marker on an item's first row,
/// the gutter of a code line (`│`, or `↪` where a long line goes on).
fn lead_spans<'a>(app: &'a App, row: &VisualRow) -> Vec<Span<'a>> {
    let theme = &app.theme;
    let lead = usize::from(row.deco.lead);
    if lead == 0 {
        return Vec::new();
    }
    let Some(block) = app.article.blocks.get(row.deco.block as usize) else {
        return vec![Span::raw(" ".repeat(lead))];
    };
    let mut spans = Vec::new();
    let mut used = 0;
    for _ in 0..block.quote {
        if used + 2 > lead {
            break;
        }
        spans.push(Span::styled("▎ ", theme.border));
        used += 2;
    }
    let code = matches!(row.deco.style, RowStyle::Code { .. });
    let gutter = if code { crate::layout::CODE_GUTTER } else { 0 };
    if row.deco.marker
        && let Some(marker) = &block.marker
    {
        let column = marker_column(block).max(used);
        if column > used {
            spans.push(Span::raw(" ".repeat(column - used)));
            used = column;
        }
        let room = lead.saturating_sub(used + gutter);
        let (marker, width) = crate::text::wrap::truncate(marker, room);
        spans.push(Span::styled(marker, theme.key));
        used += width;
    }
    let fill = lead.saturating_sub(used + gutter);
    if fill > 0 {
        spans.push(Span::raw(" ".repeat(fill)));
    }
    if code {
        let mark = match row.deco.style {
            RowStyle::Code { continued: true } => "↪ ",
            _ => "│ ",
        };
        spans.push(Span::styled(mark, theme.border));
    }
    spans
}

/// The styled spans of a byte range of the text: cut wherever an inline style, an annotation
/// or a search match starts or ends; each piece gets `base`, its inline style, its
/// annotation's style (or plain text), with a match's on top.
fn text_spans<'a>(app: &'a App, range: std::ops::Range<usize>, base: Style) -> Vec<Span<'a>> {
    let theme = &app.theme;
    let article = &app.article;
    let search = &app.view.search;
    let mut cuts = vec![range.start, range.end];
    let mut index = article.annotation_at_or_after(range.start);
    while let Some(a) = article.annotations.get(index) {
        if a.range.start >= range.end {
            break;
        }
        cuts.extend([a.range.start, a.range.end]);
        index += 1;
    }
    let mut index = article.style_at_or_after(range.start);
    while let Some(s) = article
        .styles
        .get(index)
        .map(crate::content::InlineStyle::range)
    {
        if s.start >= range.end {
            break;
        }
        cuts.extend([s.start, s.end]);
        index += 1;
    }
    let mut index = search.first_match_after(range.start);
    while let Some(m) = search.matches.get(index) {
        if m.start >= range.end {
            break;
        }
        cuts.extend([m.start, m.end]);
        index += 1;
    }
    let selected_link = app
        .view
        .link
        .and_then(|i| article.links.get(i))
        .map(|l| l.range.clone());
    if let Some(link) = &selected_link {
        cuts.extend([link.start, link.end]);
    }
    cuts.retain(|c| (range.start..=range.end).contains(c));
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2)
        .filter_map(|w| match w {
            &[start, end] if start < end => Some(start..end),
            _ => None,
        })
        .map(|piece| {
            let mut style = base.patch(inline_style(app, piece.start));
            style = match article.annotation_covering(piece.start) {
                Some(i) => {
                    let kind = article.annotations.get(i).map(|a| a.kind);
                    let kind_style = kind.map_or(style, |k| style.patch(theme.annotation(k)));
                    match (app.view.selected == Some(i), app.view.marks_hidden) {
                        (true, _) => kind_style.patch(theme.selected),
                        (false, false) => kind_style,
                        (false, true) => style,
                    }
                }
                None => style,
            };
            if selected_link
                .as_ref()
                .is_some_and(|l| l.contains(&piece.start))
            {
                style = style.patch(theme.selected);
            }
            if let Some(m) = search.match_at(piece.start) {
                style = style.patch(if search.current == Some(m) {
                    theme.search_current
                } else {
                    theme.search_match
                });
            }
            Span::styled(article.slice(piece), style)
        })
        .collect()
}

/// The author's inline style at a byte: italic, bold, code, struck through, link.
fn inline_style(app: &App, byte: usize) -> Style {
    let theme = &app.theme;
    let article = &app.article;
    let Some(run) = article
        .styles
        .get(article.style_at_or_after(byte))
        .filter(|s| s.range().contains(&byte))
    else {
        return Style::new();
    };
    let mut style = Style::new();
    if run.style & STYLE_EMPHASIS != 0 {
        style = style.add_modifier(Modifier::ITALIC);
    }
    if run.style & STYLE_STRONG != 0 {
        style = style.add_modifier(Modifier::BOLD);
    }
    if run.style & STYLE_CODE != 0 {
        style = style.patch(theme.code);
    }
    if run.style & STYLE_STRIKE != 0 {
        style = style.add_modifier(Modifier::CROSSED_OUT);
    }
    if run.style & STYLE_LINK != 0 {
        style = style.patch(theme.link);
    }
    if run.style & STYLE_IMAGE != 0 {
        style = style.patch(theme.link).add_modifier(Modifier::ITALIC);
    }
    style
}

//! The notes list (`A`) and the bookmarks list (`'`): centred popups in reading order.
//!
//! Each note shows where it is (pane number, kind or ¶, the quoted words) and its first line;
//! each bookmark its pane and opening words. The selected entry is in reverse video (a
//! modifier, so it survives `NO_COLOR`). The footer gives the list's keys from the keymap, or
//! asks before a deletion. Where the list is scrolled to comes from its state (`ListState`), never
//! from here.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Widget};

use crate::app::{App, Overlay};
use crate::i18n::Text;
use crate::notebook::Place;
use crate::ui::cells;
use crate::ui::{fit, wrap_text};

/// Where a place is, for a list entry: "2 · chiffre « words »".
fn where_is(app: &App, place: Place, quote: &str) -> String {
    let lang = app.lang;
    let pane_of = |part: usize| app.part_pane.get(part).map_or(0, |p| p + 1);
    match place {
        Place::Annotation(i) => app
            .article
            .annotations
            .get(i)
            .map_or_else(String::new, |a| {
                format!(
                    "{} · {} « {} »",
                    pane_of(a.part),
                    lang.kind(a.kind),
                    app.article.slice(a.range.clone())
                )
            }),
        Place::Paragraph { part, .. } => format!("{} · ¶ « {quote}… »", pane_of(part)),
        Place::Orphan => format!("– · {} « {quote}… »", Text::Detached.get(lang)),
    }
}

/// Draws the open list over `area`.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let lang = app.lang;
    let notes = app.view.overlay == Some(Overlay::Notes);
    let (_, inner_width) = crate::layout::popup::notebook_list_width(area.width);

    // Entries: (first line, second line).
    let mut entries: Vec<(String, Option<String>)> = Vec::new();
    if notes {
        for i in app.notebook.notes_in_order(&app.article) {
            let Some(note) = app.notebook.notes.get(i) else {
                continue;
            };
            let first_line = note
                .text
                .lines()
                .find(|l| !l.trim().is_empty())
                .unwrap_or("");
            let first_line = if note.conflict {
                format!("⚠ {} · {}", Text::ConflictCopy.get(lang), first_line.trim())
            } else {
                first_line.trim().to_owned()
            };
            entries.push((
                where_is(app, note.place, &note.spot.quote),
                Some(format!("  {first_line}")),
            ));
        }
    } else {
        for i in app.notebook.bookmarks_in_order(&app.article) {
            if let Some(b) = app.notebook.bookmarks.get(i) {
                entries.push((where_is(app, b.place, &b.spot.quote), None));
            }
        }
    }
    let rows_per_entry = if notes { 2 } else { 1 };
    let overlay = if notes {
        Overlay::Notes
    } else {
        Overlay::Bookmarks
    };
    let empty = wrap_text(
        app.empty_list_text(overlay).get(lang),
        inner_width.max(1),
        theme.dim,
        false,
    );
    // Where it goes is the state's (`App::notebook_list_areas`), the same areas a click is
    // read against.
    let areas = app.notebook_list_areas(overlay);
    let popup = areas.popup;
    Clear.render(popup, buf);
    let title = if notes {
        Text::NotesTitle
    } else {
        Text::BookmarksTitle
    };
    Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.border_focused)
        .title(Span::styled(
            format!(" {} ({}) ", title.get(lang), entries.len()),
            theme.label,
        ))
        .render(popup, buf);
    let inner = areas.entries;
    if popup.height < 4 {
        return;
    }
    let list_height = usize::from(inner.height);
    let w = usize::from(inner.width);
    if entries.is_empty() {
        for (i, line) in empty.iter().take(list_height).enumerate() {
            cells::set_line(buf, inner.x, inner.y + i as u16, line, inner.width);
        }
    } else {
        let visible_entries = (list_height / rows_per_entry).max(1);
        // Where the list is scrolled to is the state's (`update` keeps the cursor on screen).
        let state = app
            .list_state(app.view.overlay.unwrap_or(Overlay::Notes))
            .cloned()
            .unwrap_or_default();
        let selected = state.cursor.min(entries.len() - 1);
        let first = state.top.min(selected);
        let mut y = inner.y;
        for (k, (head, detail)) in entries.iter().enumerate().skip(first).take(visible_entries) {
            let is_selected = k == selected;
            let marker = if is_selected { "▸ " } else { "  " };
            let style = if is_selected {
                theme.selected
            } else {
                Style::new()
            };
            let head = Line::from(Span::styled(fit(&format!("{marker}{head}"), w), style));
            cells::set_line(buf, inner.x, y, &head, inner.width);
            y += 1;
            if let Some(detail) = detail {
                let detail = Line::from(Span::styled(fit(detail, w), theme.dim));
                cells::set_line(buf, inner.x, y, &detail, inner.width);
                y += 1;
            }
        }
    }
    let footer_y = areas.footer.y;
    let footer = if app.view.confirm_delete {
        let question = if notes {
            Text::ConfirmDeleteNote
        } else {
            Text::ConfirmDeleteBookmark
        };
        Line::from(Span::styled(
            fit(question.get(lang), w),
            theme.key.patch(theme.selected),
        ))
    } else {
        let line = crate::ui::lookup::hints(app, overlay, w);
        Line::from(Span::styled(fit(&line, w), theme.dim))
    };
    cells::set_line(buf, inner.x, footer_y, &footer, inner.width);
}

#[cfg(test)]
mod tests {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    use crate::app::tests::sample;
    use crate::app::{Action, App};
    use crate::i18n::Lang;
    use crate::theme::{Theme, ThemeName};

    fn draw(app: &App) -> String {
        let (w, h) = app.view.size;
        let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
        terminal.draw(|f| crate::ui::render(app, f)).unwrap();
        terminal.backend().to_string()
    }

    fn note(app: &mut App, text: &str) {
        app.update(Action::EditNote);
        app.paste_note(text);
        app.update(Action::NoteSave);
    }

    /// An app with a note on an annotation of pane 1, one on a paragraph of pane 3, a bookmark.
    fn with_marks(size: (u16, u16)) -> App {
        let mut app = App::new(
            sample(6),
            Lang::Fr,
            Theme::named(ThemeName::Monochrome),
            size,
        );
        app.update(Action::NextAnnotation);
        note(&mut app, "Source à vérifier.\nDeuxième ligne.");
        app.update(Action::ClearSelection);
        app.update(Action::FocusPane(3));
        app.update(Action::LineDown);
        note(&mut app, "Idée pour l’exposé");
        app.update(Action::ToggleBookmark);
        app
    }

    #[test]
    fn notes_and_bookmarks_lists() {
        let mut app = with_marks((80, 24));
        app.update(Action::ShowNotes);
        let notes = draw(&app);
        assert!(notes.contains("Mes notes (2)"), "{notes}");
        insta::assert_snapshot!("notes_list_80x24", notes);
        app.update(Action::ListDelete);
        insta::assert_snapshot!("notes_list_confirm_80x24", draw(&app));
        app.update(Action::Back);
        app.update(Action::Close);
        app.update(Action::ShowBookmarks);
        insta::assert_snapshot!("bookmarks_list_80x24", draw(&app));
        app.update(Action::Close);
        app.notebook.bookmarks.clear();
        app.update(Action::ShowBookmarks);
        let empty = draw(&app);
        assert!(empty.contains("Aucun signet"), "{empty}");
    }

    #[test]
    fn the_side_pane_shows_my_note_under_the_context_and_the_margin_marks_it() {
        let mut app = with_marks((120, 30));
        app.update(Action::FocusPane(1));
        app.update(Action::NextAnnotation);
        let shown = draw(&app);
        assert!(shown.contains("✎ Ma note"), "{shown}");
        insta::assert_snapshot!("side_pane_my_note_120x30", shown);
        // Nothing selected, the noted paragraph at the top of pane 3: its note shows.
        app.update(Action::ClearSelection);
        app.update(Action::FocusPane(3));
        let shown = draw(&app);
        assert!(shown.contains("Ma note sur ce paragraphe"), "{shown}");
        // One padding column: the note's sign wins over the bookmark's.
        assert!(
            shown.contains("┃✎Paragraphe 1 de la partie 2"),
            "note sign in the margin: {shown}"
        );
        insta::assert_snapshot!("side_pane_paragraph_note_120x30", shown);
    }
}

//! The note editor popup: what the note is on, the text with its cursor, and the editor's keys.
//!
//! `areas` is a pure function of the terminal size, shared with `App` (which needs the text
//! width to move the cursor by visual row), so the two always agree. The cursor is the
//! terminal's own (`Frame::set_cursor_position`), which screen readers and input methods follow.

use crate::i18n::screen as msg;
use crate::ui::cells;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Widget};

use crate::app::editor::rows;
use crate::app::{Action, App, Editor, Keymap};
use crate::i18n::{Lang, Text};
use crate::notebook::Place;
use crate::text::wrap::{str_width, truncate};
use crate::ui::{fit, wrap_text};

/// "Ctrl-S save · Esc/Ctrl-C close", from the keymap.
pub fn hints(keymap: &Keymap, lang: Lang, all_keys: bool) -> String {
    Keymap::table_hints(keymap.table(crate::input::Mode::Editor), lang, all_keys)
        .into_iter()
        .map(|(keys, action)| {
            let label = match action {
                Action::NoteSave => msg::save(lang),
                Action::NoteClose => msg::close(lang),
                other => other.describe(lang),
            };
            format!("{keys} {label}")
        })
        .chain(std::iter::once(msg::enter_new_line(lang).to_owned()))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// Draws the editor over `area`; returns where the terminal cursor goes.
pub fn render(app: &App, editor: &Editor, area: Rect, buf: &mut Buffer) -> Option<Position> {
    let theme = &app.theme;
    let lang = app.lang;
    let a = crate::layout::popup::editor(area);
    if a.text.height == 0 || a.text.width < 2 {
        return None;
    }
    Clear.render(a.popup, buf);
    let title = if editor.note_id.is_some() {
        Text::EditNoteTitle.get(lang)
    } else {
        Text::NewNote.get(lang)
    };
    Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.border_focused)
        .title(Span::styled(format!(" {title} "), theme.label))
        .render(a.popup, buf);

    // What the note is on.
    let on = match editor.anchor.place {
        Place::Annotation(i) => app.article.annotations.get(i).map(|an| {
            format!(
                "{} {} « {} »",
                Text::On.get(lang),
                lang.kind(an.kind),
                editor.anchor.quote
            )
        }),
        Place::Paragraph { .. } => Some(format!(
            "{} ¶ « {}… »",
            Text::On.get(lang),
            editor.anchor.quote
        )),
        Place::Orphan => Some(format!(
            "{} « {}… » ({})",
            Text::On.get(lang),
            editor.anchor.quote,
            Text::Detached.get(lang)
        )),
    }
    .unwrap_or_default();
    let context = wrap_text(&on, usize::from(a.context.width), theme.dim, false);
    for (i, line) in context
        .iter()
        .take(usize::from(a.context.height))
        .enumerate()
    {
        cells::set_line(
            buf,
            a.context.x,
            a.context.y + i as u16,
            line,
            a.context.width,
        );
    }

    // The text.
    let width = crate::layout::popup::editor_wrap_width(a.text);
    let height = usize::from(a.text.height);
    let text = editor.text();
    if text.is_empty() {
        let placeholder = msg::write_your_note(lang);
        cells::set_line(
            buf,
            a.text.x,
            a.text.y,
            &Line::from(Span::styled(placeholder, theme.dim)),
            a.text.width,
        );
    }
    let all = rows(text, width);
    for (i, row) in all.iter().skip(editor.scroll).take(height).enumerate() {
        let shown = text.get(row.start..row.end).unwrap_or("");
        let (shown, _) = truncate(shown, usize::from(a.text.width));
        cells::set_line(
            buf,
            a.text.x,
            a.text.y + i as u16,
            &Line::from(Span::styled(shown, theme.text)),
            a.text.width,
        );
    }
    // More above or below: a mark in the border.
    let x = a.popup.right().saturating_sub(1);
    if editor.scroll > 0 {
        cells::set_stringn(buf, x, a.text.y, "↑", usize::MAX, theme.key);
    }
    if all.len() > editor.scroll + height {
        cells::set_stringn(
            buf,
            x,
            a.text.bottom().saturating_sub(1),
            "↓",
            usize::MAX,
            theme.key,
        );
    }

    // The keys, or the question.
    let footer_width = usize::from(a.footer.width);
    let footer = if editor.confirm_close || editor.recovered {
        let question = if editor.recovered {
            Text::RestoreDraft
        } else {
            Text::ConfirmSave
        };
        Line::from(Span::styled(
            fit(question.get(lang), footer_width),
            theme.key.patch(theme.selected),
        ))
    } else {
        // Narrow: each command's first key, then the essential two.
        let mut line = hints(&app.keymap, lang, true);
        if str_width(&line) > footer_width {
            line = hints(&app.keymap, lang, false);
        }
        if str_width(&line) > footer_width {
            line = line.split(" · ").take(2).collect::<Vec<_>>().join(" · ");
        }
        Line::from(Span::styled(fit(&line, footer_width), theme.dim))
    };
    cells::set_line(buf, a.footer.x, a.footer.y, &footer, a.footer.width);

    if editor.confirm_close || editor.recovered {
        return None;
    }
    let (row, col) = editor.cursor_cell(width);
    let visible = row.checked_sub(editor.scroll).filter(|&r| r < height)?;
    Some(Position::new(
        a.text.x + col.min(usize::from(a.text.width).saturating_sub(1)) as u16,
        a.text.y + visible as u16,
    ))
}

#[cfg(test)]
mod tests {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    use crate::app::tests::sample;
    use crate::app::{Action, App};
    use crate::i18n::Lang;
    use crate::input::Edit;
    use crate::theme::{Theme, ThemeName};

    fn app(size: (u16, u16), lang: Lang) -> App {
        App::new(sample(6), lang, Theme::named(ThemeName::Monochrome), size)
    }

    fn draw(app: &App) -> Terminal<TestBackend> {
        let (w, h) = app.view.size;
        let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
        terminal.draw(|f| crate::ui::render(app, f)).unwrap();
        terminal
    }

    #[test]
    fn the_editor_shows_what_the_note_is_on_the_text_and_the_cursor() {
        let mut app = app((80, 24), Lang::Fr);
        app.update(Action::NextAnnotation);
        app.update(Action::EditNote);
        let empty = draw(&app);
        insta::assert_snapshot!("editor_empty_80x24", empty.backend());
        app.paste_note(
            "Chiffre à vérifier : la Banque mondiale parle de 154 à 435 millions de \
             travailleurs en ligne, pas de « 430 millions ».\n\n  — à creuser en TD 漢字 👍🏽",
        );
        app.edit(Edit::Up);
        let mut terminal = draw(&app);
        insta::assert_snapshot!("editor_text_80x24", terminal.backend());
        // The terminal cursor is where the next letter goes.
        let cursor = terminal.get_cursor_position().unwrap();
        let editor = app.view.editor.as_ref().unwrap();
        let areas = crate::layout::popup::editor(ratatui::layout::Rect::new(0, 0, 80, 24));
        let (row, col) = editor.cursor_cell(crate::layout::popup::editor_wrap_width(areas.text));
        assert_eq!(
            (cursor.x, cursor.y),
            (areas.text.x + col as u16, areas.text.y + row as u16)
        );
        app.update(Action::NoteClose);
        insta::assert_snapshot!("editor_confirm_80x24", draw(&app).backend());
    }

    #[test]
    fn the_editor_fits_the_smallest_terminal_and_scrolls() {
        let mut app = app((40, 12), Lang::En);
        app.update(Action::EditNote);
        for i in 0..12 {
            app.paste_note(&format!("line {i}"));
            app.edit(Edit::Newline);
        }
        let editor = app.view.editor.as_ref().unwrap();
        assert!(editor.scroll > 0, "scrolled to the cursor");
        insta::assert_snapshot!("editor_scrolled_40x12", draw(&app).backend());
        for width in 1..60 {
            for height in 1..20 {
                app.update(Action::Resize(width, height));
                let _ = draw(&app);
            }
        }
    }
}

//! The room on screen (the poll's lines are laid out in `layout::poll`): the footer's join
//! address, and the `J` screen: the address in large type with a QR code, for a room to type
//! or scan.

use crate::i18n::room as msg;
use crate::ui::cells;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Clear, Widget};
use tui_big_text::{BigText, PixelSize};

use crate::app::App;
use crate::i18n::count_of;
use crate::text::wrap::str_width;
use crate::theme::Theme;
use crate::ui::{fit, wrap_text};

/// The join address for the presenter's footer, with the number of answers to the current
/// poll: ` http://…/K7Q2MD · 12 answers `, or ` http://…/K7Q2MD · 12 votes ` when `short`.
pub fn footer_text(app: &App, short: bool) -> Option<String> {
    let room = app.room.as_ref()?;
    let mut text = format!(" {} ", room.join);
    if let Some(tally) = &room.tally {
        let words = if short {
            crate::i18n::words::VOTES
        } else {
            crate::i18n::words::ANSWERS
        };
        text.push_str(&format!("· {} ", count_of(app.lang, tally.answers, words)));
    }
    Some(text)
}

/// The QR code of `text` as rows of half blocks, light modules drawn (to be drawn white on
/// black, whatever the terminal's colours).
pub fn qr_rows(text: &str) -> Option<Vec<String>> {
    use qrcode::render::unicode::Dense1x2;
    let code = qrcode::QrCode::with_error_correction_level(text, qrcode::EcLevel::M).ok()?;
    let image = code
        .render::<Dense1x2>()
        .dark_color(Dense1x2::Light)
        .light_color(Dense1x2::Dark)
        .quiet_zone(true)
        .build();
    Some(image.lines().map(str::to_owned).collect())
}

/// `J`: the join address full screen: a heading, the QR code, the address and the code in
/// large type, and how to follow in a terminal.
pub fn render_join(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let lang = app.lang;
    Clear.render(area, buf);
    buf.set_style(area, theme.text);
    let Some(room) = &app.room else {
        let text = msg::no_room_open_start_glose(lang);
        cells::set_line(
            buf,
            area.x + 1,
            area.y + 1,
            &Line::styled(fit(text, usize::from(area.width)), theme.heading),
            area.width,
        );
        return;
    };
    let qr = qr_rows(&room.join).unwrap_or_default();
    let qr_w = qr.first().map_or(0, |r| str_width(r)) as u16;
    let qr_h = qr.len() as u16;
    let side = qr_w + 2 <= area.width / 2 && qr_h + 2 <= area.height;
    let (qr_area, text_area) = if side {
        let qr_area = Rect::new(area.x + 1, area.y + (area.height - qr_h) / 2, qr_w, qr_h);
        let x = qr_area.right() + 2;
        (
            Some(qr_area),
            Rect::new(x, area.y, area.right().saturating_sub(x + 1), area.height),
        )
    } else {
        (
            None,
            Rect::new(
                area.x + 1,
                area.y,
                area.width.saturating_sub(2),
                area.height,
            ),
        )
    };
    if let Some(qr_area) = qr_area {
        let style = Style::default().fg(Color::White).bg(Color::Black);
        for (i, row) in qr.iter().enumerate() {
            cells::set_stringn(buf, qr_area.x, qr_area.y + i as u16, row, usize::MAX, style);
        }
    }
    let width = usize::from(text_area.width);
    let lines: Vec<Line> = vec![
        Line::styled(fit(msg::join_room(lang), width), theme.heading),
        Line::default(),
        Line::styled(
            fit(&room.join, width),
            theme.heading.add_modifier(Modifier::BOLD),
        ),
    ];
    let code_big = [PixelSize::Full, PixelSize::HalfHeight, PixelSize::Quadrant]
        .into_iter()
        .find(|size| {
            let cols = match size {
                PixelSize::Full | PixelSize::HalfHeight => 8,
                _ => 4,
            };
            room.code.chars().count() * cols <= width
        });
    let follow = msg::in_a_terminal(lang, &room.join);
    let browser = msg::browser_type_address_scan_code(lang);
    let big_rows: u16 = match code_big {
        Some(PixelSize::Full) => 8,
        Some(_) => 4,
        None => 0,
    };
    let mut tail: Vec<Line> = vec![Line::default()];
    tail.extend(wrap_text(
        browser,
        width,
        theme.text,
        app.article.is_french(),
    ));
    tail.extend(wrap_text(&follow, width, theme.text, false));
    tail.push(Line::default());
    tail.push(Line::styled(
        fit(msg::any_key_back_stop(lang), width),
        theme.dim,
    ));
    let total = lines.len() as u16 + 1 + big_rows + tail.len() as u16;
    let mut y = text_area.y + text_area.height.saturating_sub(total) / 2;
    for line in &lines {
        if y >= text_area.bottom() {
            return;
        }
        cells::set_line(buf, text_area.x, y, line, text_area.width);
        y += 1;
    }
    y += 1;
    if let Some(size) = code_big
        && y + big_rows <= text_area.bottom()
    {
        BigText::builder()
            .pixel_size(size)
            .style(theme.figure)
            .lines(vec![Line::from(room.code.clone())])
            .build()
            .render(Rect::new(text_area.x, y, text_area.width, big_rows), buf);
        y += big_rows;
    } else {
        cells::set_line(
            buf,
            text_area.x,
            y,
            &Line::styled(room.code.clone(), theme.figure),
            text_area.width,
        );
        y += 1;
    }
    for line in &tail {
        if y >= text_area.bottom() {
            return;
        }
        cells::set_line(buf, text_area.x, y, line, text_area.width);
        y += 1;
    }
}

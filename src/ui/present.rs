//! The presenter's screen: one tour stop for a room. The stop's title, the passage in context
//! with the annotated words emphasised, the figure in large type (or the quote, or the part's
//! heading), the source, the verdict once revealed, the questions, and a footer with a progress
//! bar and the times. Minimal chrome, high contrast.
//!
//! `plan` decides what fits a size (a pure function, tested at 80×24 and 200×60): it lowers the
//! large type's pixel size, shortens the passage, drops blank lines and then the questions,
//! in that order, before anything is cut. `render` only draws the plan.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Widget};
use tui_big_text::{BigText, PixelSize};

use crate::app::App;
use crate::clock::format_seconds;
use crate::content::{Article, TourStop};
use crate::i18n::{Lang, Text};
use crate::present::Presenter;
use crate::text::wrap::{str_width, wrap};
use crate::theme::{Theme, ThemeName};
use crate::tour::{TourProgress, display_figure};
use crate::ui::{fit, wrap_text};

/// Widest column of text on a big screen: longer lines are hard to follow from afar.
const MAX_COLUMN: usize = 96;
/// Rows of the passage shown around the annotated words, at most.
const PASSAGE_ROWS: [usize; 3] = [7, 5, 3];

/// The presenter's theme: the reader's, in high contrast unless colours are off.
pub fn theme(reader: &Theme) -> Theme {
    match reader.name {
        ThemeName::Default => Theme::named(ThemeName::HighContrast),
        _ => reader.clone(),
    }
}

/// Draws the presenter over the whole `area`.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let (Some(presenter), Some(progress)) = (&app.presenter, app.tour_progress()) else {
        return;
    };
    let theme = theme(&app.theme);
    Clear.render(area, buf);
    buf.set_style(area, theme.text);
    if presenter.blanked {
        // Nothing at all: the room looks at the facilitator again.
        return;
    }
    if area.width < 20 || area.height < 6 {
        let message = format!(
            "{}{}{}×{}",
            Text::TooSmall.get(app.lang),
            app.lang.colon(),
            area.width,
            area.height
        );
        buf.set_line(
            area.x,
            area.y,
            &Line::raw(fit(&message, usize::from(area.width))),
            area.width,
        );
        return;
    }
    let now = app.clock.now();
    let Some(stop) = app.article.tour.get(progress.stop) else {
        return;
    };
    let [body, footer] = area.layout(&Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(1),
    ]));
    let plan = plan(&app.article, stop, presenter, &theme, app.lang, body);
    draw(&plan, body, buf);
    render_footer(app, progress, &theme, now, footer, buf);
    if presenter.help {
        render_help(app, presenter, &theme, area, buf);
    }
}

/// How the large figure is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Big {
    /// With tui-big-text at this pixel size; the text is what fits (spaces may be dropped).
    Glyphs(PixelSize),
    /// Bold plain text (no glyph for a character, or no room).
    Plain,
}

impl Big {
    /// Rows and columns one character takes.
    fn cell(self) -> (u16, u16) {
        match self {
            Self::Glyphs(PixelSize::Full) => (8, 8),
            Self::Glyphs(PixelSize::HalfHeight) => (4, 8),
            Self::Glyphs(_) => (4, 4),
            Self::Plain => (1, 1),
        }
    }
}

/// One block of the screen, top to bottom.
#[derive(Debug, Clone, PartialEq)]
pub enum Section {
    /// Lines, each centred in the column when `centred`.
    Lines {
        lines: Vec<Line<'static>>,
        centred: bool,
    },
    /// Text in large type: the figure (in the column) or the title (`wide`: across the body).
    BigFigure {
        text: String,
        big: Big,
        style: Style,
        wide: bool,
    },
    /// An empty row.
    Gap,
}

impl Section {
    fn height(&self) -> usize {
        match self {
            Self::Lines { lines, .. } => lines.len(),
            Self::BigFigure { big, .. } => usize::from(big.cell().0),
            Self::Gap => 1,
        }
    }
}

/// What the screen shows for a stop at a size: the sections and the column they sit in.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub sections: Vec<Section>,
    /// Width of the text column, centred in the body.
    pub column: u16,
}

impl Plan {
    /// Rows the plan takes.
    pub fn height(&self) -> usize {
        self.sections.iter().map(Section::height).sum()
    }

    /// The large figure's drawing, if the plan has one.
    pub fn big(&self) -> Option<(&str, Big)> {
        self.sections.iter().find_map(|s| match s {
            Section::BigFigure {
                text,
                big,
                wide: false,
                ..
            } => Some((text.as_str(), *big)),
            _ => None,
        })
    }
}

/// Lays out a stop in `body`: the largest figure and the longest passage that fit.
pub fn plan(
    article: &Article,
    stop: &TourStop,
    presenter: &Presenter,
    theme: &Theme,
    lang: Lang,
    body: Rect,
) -> Plan {
    let margin = (usize::from(body.width) / 20).max(2);
    let wide = usize::from(body.width).saturating_sub(2 * margin).max(1);
    let column = wide.min(MAX_COLUMN);
    let height = usize::from(body.height);
    let french = article.is_french();
    let annotation = stop.annotation.and_then(|i| article.annotations.get(i));

    let title = wrap_text(&stop.title, column, theme.heading, french);
    // On a big screen the title itself goes in large type when it fits.
    let title_big = big_glyphs(&stop.title).filter(|t| t.chars().count() * 4 <= wide);
    let figure = display_figure(article, stop);
    // A part stop names its part under the title; a quote is read in its passage.
    let heading = match annotation {
        Some(_) => Vec::new(),
        None => {
            let heading = article
                .parts
                .get(stop.part)
                .map_or("", |p| p.heading.as_str());
            wrap_text(heading, column, theme.heading, french)
        }
    };
    let source = source_lines(article, stop, theme, lang, column, height);
    let mut verdict = verdict_lines(
        article,
        stop,
        presenter.revealed,
        presenter,
        theme,
        lang,
        column,
        height,
    );
    // Room for the verdict is kept before it is revealed, so nothing moves when it is.
    let revealed_rows =
        verdict_lines(article, stop, true, presenter, theme, lang, column, height).len();
    verdict.resize(revealed_rows.max(verdict.len()), Line::default());
    let mut questions = Vec::new();
    for question in &stop.questions {
        questions.extend(wrap_text(
            &format!("• {question}"),
            column,
            theme.text,
            french,
        ));
    }
    let figure_style = annotation
        .map_or(theme.figure, |a| theme.annotation(a.kind))
        .remove_modifier(Modifier::UNDERLINED);
    let bigs: Vec<(String, Big)> = figure
        .as_deref()
        .map(|f| big_candidates(f, column))
        .unwrap_or_default();
    let passages: Vec<(usize, Vec<Line<'static>>)> = PASSAGE_ROWS
        .iter()
        .chain(&[1])
        .map(|&rows| (rows, passage_lines(article, stop, theme, column, rows)))
        .collect();

    let build = |o: Options| {
        let mut sections = Vec::new();
        let push = |section: Section, sections: &mut Vec<Section>| {
            if section.height() == 0 {
                return;
            }
            if !sections.is_empty() {
                sections.extend(std::iter::repeat_n(Section::Gap, o.gap));
            }
            sections.push(section);
        };
        let lines = |lines: &[Line<'static>], centred| Section::Lines {
            lines: lines.to_vec(),
            centred,
        };
        match (&title_big, o.title_big) {
            (Some(text), true) => push(
                Section::BigFigure {
                    text: text.clone(),
                    big: Big::Glyphs(PixelSize::Quadrant),
                    style: theme.heading,
                    wide: true,
                },
                &mut sections,
            ),
            _ => push(lines(&title, true), &mut sections),
        }
        push(lines(&heading, true), &mut sections);
        let passage = passages
            .iter()
            .find(|(rows, _)| *rows == o.passage_rows)
            .map_or(&[][..], |(_, l)| l.as_slice());
        push(lines(passage, false), &mut sections);
        if let Some((text, big)) = o.big {
            push(
                Section::BigFigure {
                    text: text.clone(),
                    big: *big,
                    style: figure_style,
                    wide: false,
                },
                &mut sections,
            );
        }
        push(lines(&source, true), &mut sections);
        push(lines(&verdict, false), &mut sections);
        if o.questions {
            push(lines(&questions, false), &mut sections);
        }
        Plan {
            sections,
            column: column as u16,
        }
    };

    // Preference: the largest figure first (it is the point of a figure stop), then the
    // questions, the large title, blank rows and passage rows; plain text only as a last resort.
    let glyphs: Vec<Option<&(String, Big)>> = bigs
        .iter()
        .filter(|(_, big)| *big != Big::Plain)
        .map(Some)
        .collect();
    let last_resort: Option<&(String, Big)> = bigs.iter().find(|(_, big)| *big == Big::Plain);
    let figures: Vec<Option<&(String, Big)>> = if glyphs.is_empty() {
        vec![last_resort]
    } else {
        glyphs
    };
    let title_options: &[bool] = if title_big.is_some() {
        &[true, false]
    } else {
        &[false]
    };
    let mut tries = Vec::new();
    for questions in [true, false] {
        for &title_big in title_options {
            for &big in &figures {
                for gap in [2, 1] {
                    for passage_rows in PASSAGE_ROWS {
                        tries.push(Options {
                            title_big,
                            big,
                            passage_rows,
                            gap,
                            questions,
                        });
                    }
                }
            }
        }
    }
    // Tight screens: blank rows go before the figure's size, the passage shrinks to its line.
    for gap in [1, 0] {
        for &big in &figures {
            for passage_rows in [3, 1] {
                tries.push(Options {
                    title_big: false,
                    big,
                    passage_rows,
                    gap,
                    questions: false,
                });
            }
        }
    }
    if last_resort.is_some() && figures != [last_resort] {
        for gap in [1, 0] {
            for passage_rows in PASSAGE_ROWS.iter().copied().chain([1]) {
                tries.push(Options {
                    title_big: false,
                    big: last_resort,
                    passage_rows,
                    gap,
                    questions: false,
                });
            }
        }
    }
    let bigs = figures;
    for options in tries {
        let plan = build(options);
        if plan.height() <= height {
            return plan;
        }
    }
    // Nothing fits: the smallest version, cut at the bottom by `draw`.
    build(Options {
        title_big: false,
        big: last_resort.or(bigs.last().copied().flatten()),
        passage_rows: 1,
        gap: 0,
        questions: false,
    })
}

/// One way of laying out a stop, from the most generous to the tightest.
#[derive(Debug, Clone, Copy)]
struct Options<'a> {
    title_big: bool,
    big: Option<&'a (String, Big)>,
    passage_rows: usize,
    /// Blank rows between sections.
    gap: usize,
    questions: bool,
}

/// The ways to draw `figure` in large type that fit `column` cells, largest first; plain bold
/// text last. A figure with a character the font lacks is only ever plain.
fn big_candidates(figure: &str, column: usize) -> Vec<(String, Big)> {
    let glyphs = big_glyphs(figure);
    let mut out = Vec::new();
    if let Some(glyphs) = glyphs {
        let compact: String = glyphs.chars().filter(|c| *c != ' ').collect();
        for size in [PixelSize::Full, PixelSize::HalfHeight, PixelSize::Quadrant] {
            let (_, cell_width) = Big::Glyphs(size).cell();
            for text in [&glyphs, &compact] {
                let width = text.chars().count() * usize::from(cell_width);
                if width <= column
                    && !out
                        .iter()
                        .any(|(t, b)| t == text && *b == Big::Glyphs(size))
                {
                    out.push((text.clone(), Big::Glyphs(size)));
                    break;
                }
            }
        }
    }
    out.push((figure.to_owned(), Big::Plain));
    out
}

/// `figure` spelt with characters the large font has, or `None` if one is missing. Dashes
/// become hyphens, curly apostrophes straight ones, every space a plain space.
pub fn big_glyphs(figure: &str) -> Option<String> {
    let text: String = figure
        .chars()
        .map(|c| match c {
            '–' | '—' | '‑' | '−' => '-',
            '’' | '‘' => '\'',
            c if c.is_whitespace() => ' ',
            c => c,
        })
        .collect();
    text.chars().all(has_glyph).then_some(text)
}

/// Whether the large font draws `c` (by drawing it: tui-big-text leaves unknown characters
/// blank, and it does not say which it knows).
fn has_glyph(c: char) -> bool {
    if c == ' ' {
        return true;
    }
    let area = Rect::new(0, 0, 8, 8);
    let mut buf = Buffer::empty(area);
    BigText::builder()
        .pixel_size(PixelSize::Full)
        .lines(vec![Line::from(c.to_string())])
        .build()
        .render(area, &mut buf);
    buf.content().iter().any(|cell| cell.symbol() != " ")
}

/// The annotation's paragraph (or the part's first one) wrapped at `column`, at most `rows`
/// rows around the annotated words, which are emphasised.
fn passage_lines(
    article: &Article,
    stop: &TourStop,
    theme: &Theme,
    column: usize,
    rows: usize,
) -> Vec<Line<'static>> {
    let annotation = stop.annotation.and_then(|i| article.annotations.get(i));
    let paragraph = match annotation {
        Some(a) => article
            .parts
            .get(a.part)
            .and_then(|p| p.paragraphs.get(a.paragraph)),
        None => article
            .parts
            .get(stop.part)
            .and_then(|p| p.paragraphs.first()),
    };
    let Some(paragraph) = paragraph.cloned() else {
        return Vec::new();
    };
    let text = article.slice(paragraph.clone());
    let wrapped = wrap(text, column, article.is_french());
    let highlight = annotation.map(|a| {
        a.range.start.saturating_sub(paragraph.start)..a.range.end.saturating_sub(paragraph.start)
    });
    let first = highlight
        .as_ref()
        .and_then(|h| wrapped.iter().position(|r| r.range.end > h.start))
        .unwrap_or(0);
    let last = highlight
        .as_ref()
        .and_then(|h| wrapped.iter().rposition(|r| r.range.start < h.end))
        .unwrap_or(first);
    let span = last.saturating_sub(first) + 1;
    let rows = rows.max(span.min(rows.max(1)));
    let start = first
        .saturating_sub(rows.saturating_sub(span) / 2)
        .min(wrapped.len().saturating_sub(rows));
    let emphasis = annotation.map_or(theme.text, |a| {
        theme.annotation(a.kind).patch(theme.selected)
    });
    wrapped
        .iter()
        .skip(start)
        .take(rows)
        .map(|row| {
            let mut spans = Vec::new();
            let mut cursor = row.range.start;
            if let Some(h) = &highlight {
                let (from, to) = (h.start.max(row.range.start), h.end.min(row.range.end));
                if from < to {
                    spans.push(Span::styled(slice(text, cursor..from), theme.text));
                    spans.push(Span::styled(slice(text, from..to), emphasis));
                    cursor = to;
                }
            }
            spans.push(Span::styled(slice(text, cursor..row.range.end), theme.text));
            Line::from(spans)
        })
        .collect()
}

fn slice(text: &str, range: std::ops::Range<usize>) -> String {
    text.get(range).unwrap_or("").to_owned()
}

/// "Source : author — title, publisher, date".
fn source_lines(
    article: &Article,
    stop: &TourStop,
    theme: &Theme,
    lang: Lang,
    column: usize,
    height: usize,
) -> Vec<Line<'static>> {
    let Some(source) = stop
        .annotation
        .and_then(|i| article.annotations.get(i))
        .and_then(|a| a.source)
        .and_then(|s| article.sources.get(s))
    else {
        return Vec::new();
    };
    let mut line = format!(
        "{}{}{} — {}",
        Text::Source.get(lang),
        lang.colon(),
        source.author,
        source.title
    );
    let publisher = source.publisher.as_ref().filter(|p| **p != source.author);
    for extra in [publisher, source.date.as_ref()].into_iter().flatten() {
        line.push_str(", ");
        line.push_str(extra);
    }
    let mut lines = wrap_text(
        &line,
        column,
        theme.text.add_modifier(Modifier::ITALIC),
        article.is_french(),
    );
    // The room needs who and what; the details are in the handout and the notes.
    let cap = if height >= 40 { 4 } else { 2 };
    if lines.len() > cap {
        lines.truncate(cap);
        if let Some(last) = lines.last_mut() {
            last.spans.push(Span::raw(" …"));
        }
    }
    lines
}

/// The verdict: a one-line invitation to guess until revealed, then the badge and what the
/// source says (at most a third of the screen).
#[allow(clippy::too_many_arguments)]
fn verdict_lines(
    article: &Article,
    stop: &TourStop,
    revealed: bool,
    presenter: &Presenter,
    theme: &Theme,
    lang: Lang,
    column: usize,
    height: usize,
) -> Vec<Line<'static>> {
    let Some(annotation) = stop.annotation.and_then(|i| article.annotations.get(i)) else {
        return Vec::new();
    };
    if annotation.verdict.is_none() && annotation.note.is_empty() {
        return Vec::new();
    }
    if !revealed {
        let key = presenter
            .keymap
            .first_key(crate::app::Action::RevealVerdict)
            .map(|k| k.label(lang))
            .unwrap_or_default();
        let colon = lang.colon();
        let hint = format!(
            "{}{colon}?   ({key}{colon}{})",
            Text::Verdict.get(lang),
            Text::RevealHint.get(lang)
        );
        return vec![Line::from(Span::styled(hint, theme.dim))];
    }
    let mut out = Vec::new();
    if let Some(verdict) = annotation.verdict {
        let mark = match verdict {
            crate::content::Verdict::Confirmed => "✓",
            crate::content::Verdict::Imprecise => "≈",
            crate::content::Verdict::Misreported => "✗",
            crate::content::Verdict::Unverifiable => "?",
        };
        out.push(Line::from(vec![
            Span::styled(
                format!("{}{}", Text::Verdict.get(lang), lang.colon()),
                theme.label,
            ),
            Span::styled(
                format!("{mark} {}", lang.verdict(verdict)),
                theme.verdict(verdict),
            ),
        ]));
    }
    // At most a quarter of the screen: the rest is in the notes window and the handout.
    let cap = (height / 4).max(4);
    let mut note = wrap_text(&annotation.note, column, theme.text, article.is_french());
    if out.len() + note.len() > cap {
        note.truncate(cap.saturating_sub(out.len()));
        if let Some(last) = note.last_mut() {
            last.spans.push(Span::styled(" …", theme.text));
        }
    }
    out.extend(note);
    out
}

/// Draws the plan's sections, centred vertically in `body`.
fn draw(plan: &Plan, body: Rect, buf: &mut Buffer) {
    let column = plan.column.min(body.width);
    let x = body.x + (body.width - column) / 2;
    let height = plan.height().min(usize::from(body.height)) as u16;
    let mut y = body.y + (body.height - height) / 2;
    let bottom = body.bottom();
    for section in &plan.sections {
        if y >= bottom {
            break;
        }
        match section {
            Section::Gap => y += 1,
            Section::Lines { lines, centred } => {
                for line in lines {
                    if y >= bottom {
                        break;
                    }
                    let width = line_width(line).min(usize::from(column)) as u16;
                    let offset = if *centred { (column - width) / 2 } else { 0 };
                    buf.set_line(x + offset, y, line, column - offset);
                    y += 1;
                }
            }
            Section::BigFigure {
                text,
                big,
                style,
                wide,
            } => {
                let rows = big.cell().0.min(bottom - y);
                let area = if *wide {
                    Rect::new(body.x, y, body.width, rows)
                } else {
                    Rect::new(x, y, column, rows)
                };
                match big {
                    Big::Glyphs(size) => BigText::builder()
                        .pixel_size(*size)
                        .style(*style)
                        .lines(vec![Line::from(text.clone())])
                        .centered()
                        .build()
                        .render(area, buf),
                    Big::Plain => {
                        let line = Line::from(Span::styled(
                            text.clone(),
                            style.add_modifier(Modifier::BOLD),
                        ));
                        let width = line_width(&line).min(usize::from(column)) as u16;
                        buf.set_line(x + (column - width) / 2, y, &line, column);
                    }
                }
                y += rows;
            }
        }
    }
}

fn line_width(line: &Line) -> usize {
    line.spans.iter().map(|s| str_width(&s.content)).sum()
}

/// The last row: stop n/N, a progress bar, the time on this stop against the plan and the
/// tour's time.
fn render_footer(
    app: &App,
    progress: &TourProgress,
    theme: &Theme,
    now: std::time::Duration,
    area: Rect,
    buf: &mut Buffer,
) {
    let count = app.article.tour.len();
    let lang = app.lang;
    let label = format!(
        " {} ",
        crate::ui::stop::stop_label(lang, progress.stop, count)
    );
    let stop_s = progress.stop_spent_s(now);
    let planned = app.article.tour.get(progress.stop).map_or(0, |s| s.minutes);
    let planned_s = u64::from(planned) * 60;
    let times = format!(
        " {} / {} · {} {} ",
        format_seconds(stop_s),
        format_seconds(planned_s),
        Text::TourTotal.get(lang),
        format_seconds(progress.elapsed_s(now))
    );
    let width = usize::from(area.width);
    let bar_width = width.saturating_sub(str_width(&label) + str_width(&times));
    let done = (bar_width * (progress.stop + 1))
        .checked_div(count)
        .unwrap_or(0)
        .min(bar_width);
    let over = stop_s > planned_s;
    let times_style = if over { theme.misreported } else { theme.dim };
    let line = Line::from(vec![
        Span::styled(label, theme.label),
        Span::styled("━".repeat(done), theme.label),
        Span::styled("─".repeat(bar_width - done), theme.dim),
        Span::styled(times, times_style),
    ]);
    buf.set_line(area.x, area.y, &line, area.width);
}

/// The presenter's keys, from its keymap.
fn render_help(app: &App, presenter: &Presenter, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let lang = app.lang;
    let rows = presenter.keymap.help_rows(lang);
    let key_width = rows.iter().map(|(k, _)| str_width(k)).max().unwrap_or(0);
    let mut lines: Vec<Line> = rows
        .into_iter()
        .map(|(keys, action)| {
            let pad = " ".repeat(key_width.saturating_sub(str_width(&keys)) + 2);
            Line::from(vec![
                Span::styled(keys, theme.key),
                Span::raw(pad),
                Span::raw(action.describe_in(
                    crate::app::Mode::Presenter,
                    presenter.quit_on_close,
                    lang,
                )),
            ])
        })
        .collect();
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        Text::CloseHelp.get(lang),
        theme.dim,
    )));
    let width = area.width.saturating_sub(4).min(76);
    let height = (lines.len() as u16 + 2).min(area.height.saturating_sub(1));
    let [row] = area.layout(&Layout::vertical([Constraint::Length(height)]).flex(Flex::Center));
    let [popup] = row.layout(&Layout::horizontal([Constraint::Length(width)]).flex(Flex::Center));
    Clear.render(popup, buf);
    let title = format!(" {} ", Text::PresenterHelp.get(lang));
    Paragraph::new(lines)
        .style(theme.text)
        .block(
            Block::bordered()
                .border_type(BorderType::Rounded)
                .border_style(theme.border_focused)
                .title(Span::styled(title, theme.label)),
        )
        .render(popup, buf);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_font_lacks_the_euro_sign_and_curly_quotes_so_they_fall_back() {
        assert_eq!(big_glyphs("430 M").as_deref(), Some("430 M"));
        assert_eq!(big_glyphs("1,34–2 $/h").as_deref(), Some("1,34-2 $/h"));
        assert_eq!(big_glyphs("80 %").as_deref(), Some("80 %"));
        assert_eq!(big_glyphs("2,22 Md €"), None, "no € in font8x8");
        assert!(has_glyph('é'), "Latin-1 is there");
        assert!(!has_glyph('€'));
    }

    #[test]
    fn the_largest_size_that_fits_the_column_comes_first() {
        // 10 glyphs: Full and HalfHeight need 80 cells, Quadrant 40.
        let at_72 = big_candidates("1,34–2 $/h", 72);
        assert_eq!(
            at_72.first(),
            Some(&("1,34-2$/h".to_owned(), Big::Glyphs(PixelSize::Full))),
            "without its spaces it is 9 × 8 = 72"
        );
        let at_60 = big_candidates("1,34–2 $/h", 60);
        assert_eq!(
            at_60.first(),
            Some(&("1,34-2 $/h".to_owned(), Big::Glyphs(PixelSize::Quadrant)))
        );
        let euro = big_candidates("2 €", 200);
        assert_eq!(euro, vec![("2 €".to_owned(), Big::Plain)]);
        let tiny = big_candidates("430 M", 10);
        assert_eq!(tiny, vec![("430 M".to_owned(), Big::Plain)]);
    }
}

#[cfg(test)]
mod screens {
    use std::sync::Arc;
    use std::time::Duration;

    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    use crate::app::{Action, App};
    use crate::clock::ManualClock;
    use crate::i18n::Lang;
    use crate::theme::{Theme, ThemeName};

    /// The fixture's presenter at `stop`, 2 min 5 s into the stop, after `actions`.
    fn screen(size: (u16, u16), stop: usize, actions: &[Action]) -> Terminal<TestBackend> {
        let clock = ManualClock::new();
        let mut app = App::new(
            crate::tour::fixture::article(),
            Lang::Fr,
            Theme::named(ThemeName::Monochrome),
            size,
        )
        .with_clock(Arc::new(clock.clone()));
        app.open_presenter(true);
        for _ in 0..stop {
            clock.advance(Duration::from_secs(60));
            app.update(Action::NextStop);
        }
        clock.advance(Duration::from_secs(125));
        for action in actions {
            app.update(*action);
        }
        let mut terminal = Terminal::new(TestBackend::new(size.0, size.1)).unwrap();
        terminal
            .draw(|frame| crate::ui::render(&app, frame))
            .unwrap();
        terminal
    }

    #[test]
    fn figure_stop_80x24() {
        let terminal = screen((80, 24), 0, &[]);
        insta::assert_snapshot!(terminal.backend());
    }

    #[test]
    fn figure_stop_200x60() {
        let terminal = screen((200, 60), 0, &[]);
        insta::assert_snapshot!(terminal.backend());
    }

    #[test]
    fn range_figure_revealed_80x24() {
        let terminal = screen((80, 24), 2, &[Action::RevealVerdict]);
        insta::assert_snapshot!(terminal.backend());
    }

    #[test]
    fn quote_stop_80x24() {
        let terminal = screen((80, 24), 3, &[]);
        insta::assert_snapshot!(terminal.backend());
    }

    #[test]
    fn quote_stop_200x60() {
        let terminal = screen((200, 60), 3, &[]);
        insta::assert_snapshot!(terminal.backend());
    }

    #[test]
    fn part_stop_80x24() {
        let terminal = screen((80, 24), 1, &[]);
        insta::assert_snapshot!(terminal.backend());
    }

    #[test]
    fn the_annotated_words_are_emphasised_in_the_passage() {
        use ratatui::style::Modifier;
        let terminal = screen((80, 24), 0, &[]);
        let buffer = terminal.backend().buffer();
        let row = (0..24)
            .find(|&y| {
                let line: String = (0..80).map(|x| buffer[(x, y)].symbol()).collect();
                line.contains("près de 430")
            })
            .expect("the passage is on screen");
        let line: String = (0..80).map(|x| buffer[(x, row)].symbol()).collect();
        let column = |text: &str| {
            let byte = line.find(text).unwrap();
            line[..byte].chars().count() as u16
        };
        let words = buffer[(column("430 millions"), row)].modifier;
        let before = buffer[(column("près"), row)].modifier;
        assert!(
            words.contains(Modifier::REVERSED | Modifier::BOLD),
            "{words:?}"
        );
        assert!(!before.contains(Modifier::REVERSED), "{before:?}");
    }

    #[test]
    fn blank_screen_80x24() {
        let terminal = screen((80, 24), 0, &[Action::Blank]);
        let text = terminal.backend().to_string();
        assert!(
            text.lines().all(|l| l.trim_matches(['"', ' ']).is_empty()),
            "{text}"
        );
        insta::assert_snapshot!(terminal.backend());
    }

    #[test]
    fn no_size_makes_it_panic() {
        for stop in 0..4 {
            for (w, h) in [
                (1, 1),
                (5, 3),
                (19, 5),
                (20, 6),
                (33, 9),
                (40, 12),
                (61, 17),
                (300, 90),
            ] {
                for actions in [&[][..], &[Action::RevealVerdict], &[Action::ToggleHelp]] {
                    let terminal = screen((w, h), stop, actions);
                    assert_eq!(terminal.backend().buffer().area.width, w);
                }
            }
        }
    }

    #[test]
    fn help_lists_the_presenter_keys() {
        let terminal = screen((80, 24), 0, &[Action::ToggleHelp]);
        insta::assert_snapshot!(terminal.backend());
    }
}

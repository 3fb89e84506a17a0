//! The presenter's screen: one tour stop for a room. The stop's title, the passage in context
//! with the annotated words emphasised, the figure in large type (or the quote, or the part's
//! heading), the source, the verdict once revealed, the questions, and a footer with a progress
//! bar and the times. Minimal chrome, high contrast.
//!
//! `plan` decides what fits a size (a pure function, tested at 80×24, 120×35 and 200×60): it
//! lowers the large type's pixel size, shortens the passage (whole sentences, `…` where the
//! paragraph goes on) and drops blank lines, then puts the figure on one line. Nothing else is
//! ever left out: a stop that still does not fit scrolls (`Presenter::scroll`), with a mark on
//! the last row saying there is more and which key shows it. `render` only draws the plan.

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

/// The presenter's theme: the reader's, in high contrast (light or dark after the terminal's
/// background) unless colours are off.
pub fn theme(reader: &Theme) -> Theme {
    reader.for_presenter()
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
    draw_scrolled(&plan, presenter, &theme, app.lang, body, buf);
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
    let source = source_lines(article, stop, theme, lang, column);
    let mut verdict = verdict_lines(
        article,
        stop,
        presenter.revealed,
        presenter,
        theme,
        lang,
        column,
    );
    // Room for the verdict is kept before it is revealed, so nothing moves when it is.
    let revealed_rows = verdict_lines(article, stop, true, presenter, theme, lang, column).len();
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
        push(lines(&questions, false), &mut sections);
        Plan {
            sections,
            column: column as u16,
        }
    };

    // Preference: the largest figure first (it is the point of a figure stop), then the large
    // title, blank rows and passage rows; plain text only as a last resort. The questions, the
    // source and the verdict are never left out: a stop that still does not fit scrolls.
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
    for &title_big in title_options {
        for &big in &figures {
            for gap in [2, 1] {
                for passage_rows in PASSAGE_ROWS {
                    tries.push(Options {
                        title_big,
                        big,
                        passage_rows,
                        gap,
                    });
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
    // Nothing fits whole: the figure on one line, the passage's sentence, one blank row
    // between sections, and the stop scrolls (`render` marks what is below).
    build(Options {
        title_big: false,
        big: last_resort.or(bigs.last().copied().flatten()),
        passage_rows: PASSAGE_ROWS[2],
        gap: 1,
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

/// The annotation's paragraph (or the part's first one) wrapped at `column`: the whole
/// sentences around the annotated words that fit in `rows` rows (at least the sentences that
/// hold them), with `…` where the paragraph goes on before or after. The words are emphasised.
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
    let text = article.slice(paragraph.clone()).trim_end();
    let french = article.is_french();
    let highlight = annotation.map(|a| {
        let start = a
            .range
            .start
            .saturating_sub(paragraph.start)
            .min(text.len());
        start..a.range.end.saturating_sub(paragraph.start).min(text.len())
    });
    let (from, to) = excerpt(text, highlight.clone(), column, rows, french);
    let before = if from > 0 { "… " } else { "" };
    let after = if to < text.len() { " …" } else { "" };
    let shown = format!("{before}{}{after}", &text[from..to]);
    let highlight = highlight.map(|h| {
        let shift = |at: usize| at.clamp(from, to) - from + before.len();
        shift(h.start)..shift(h.end)
    });
    let emphasis = annotation.map_or(theme.text, |a| {
        theme.annotation(a.kind).patch(theme.selected)
    });
    wrap(&shown, column, french)
        .iter()
        .map(|row| {
            let mut spans = Vec::new();
            let mut cursor = row.range.start;
            if let Some(h) = &highlight {
                let (from, to) = (h.start.max(row.range.start), h.end.min(row.range.end));
                if from < to {
                    spans.push(Span::styled(slice(&shown, cursor..from), theme.text));
                    spans.push(Span::styled(slice(&shown, from..to), emphasis));
                    cursor = to;
                }
            }
            spans.push(Span::styled(
                slice(&shown, cursor..row.range.end),
                theme.text,
            ));
            Line::from(spans)
        })
        .collect()
}

/// The byte range of `text` to show: the sentences holding `highlight` (the first sentence
/// without one), then the sentences after and before it, one at a time, while the excerpt
/// (with its `…`) wraps in at most `rows` rows at `column`.
fn excerpt(
    text: &str,
    highlight: Option<std::ops::Range<usize>>,
    column: usize,
    rows: usize,
    french: bool,
) -> (usize, usize) {
    let starts = sentence_starts(text);
    let sentence_of = |at: usize| starts.iter().rposition(|&s| s <= at).unwrap_or(0);
    let end_of = |i: usize| starts.get(i + 1).copied().unwrap_or(text.len());
    let (mut first, mut last) = match &highlight {
        Some(h) => (
            sentence_of(h.start),
            sentence_of(h.end.saturating_sub(1).max(h.start)),
        ),
        None => (0, 0),
    };
    let fits = |first: usize, last: usize| {
        let (from, to) = (starts[first], end_of(last));
        let marks = usize::from(from > 0) * 2 + usize::from(to < text.len()) * 2;
        let body = text[from..to].trim_end();
        let shown = format!("{}{body}", "…".repeat(marks));
        wrap(&shown, column, french).len() <= rows
    };
    loop {
        let mut grew = false;
        if last + 1 < starts.len() && fits(first, last + 1) {
            last += 1;
            grew = true;
        }
        if first > 0 && fits(first - 1, last) {
            first -= 1;
            grew = true;
        }
        if !grew {
            break;
        }
    }
    let to = starts[first] + text[starts[first]..end_of(last)].trim_end().len();
    (starts[first], to)
}

/// Where each sentence of `text` begins (0 first): after `.`, `!`, `?` or `…` (and any closing
/// quote or bracket) followed by a space, at the next character that is not one.
fn sentence_starts(text: &str) -> Vec<usize> {
    let mut starts = vec![0];
    let mut chars = text.char_indices().peekable();
    let mut word = String::new();
    while let Some((_, c)) = chars.next() {
        if !matches!(c, '.' | '!' | '?' | '…') {
            if c.is_whitespace() {
                word.clear();
            } else {
                word.push(c);
            }
            continue;
        }
        // "M. Dupont", "J. Casilli": one capital letter and a period is an initial.
        let initial = c == '.' && word.chars().count() == 1 && word.chars().all(char::is_uppercase);
        word.clear();
        // Spaces and closing quotes or brackets, in any order ("? »", "!\u{a0}»", "?)").
        let mut spaced = false;
        while let Some(&(_, next)) = chars.peek() {
            if next.is_whitespace() {
                spaced = true;
            } else if matches!(next, '»' | '”' | '’' | '"' | ')') {
                spaced = false;
            } else {
                break;
            }
            chars.next();
        }
        if spaced
            && !initial
            && let Some(&(at, next)) = chars.peek()
            // "p. 12", "etc. et": a lower-case letter or a digit goes on the same sentence.
            && !next.is_lowercase()
            && !next.is_ascii_digit()
        {
            starts.push(at);
        }
    }
    starts
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
    wrap_text(
        &line,
        column,
        theme.text.add_modifier(Modifier::ITALIC),
        article.is_french(),
    )
}

/// The verdict: a one-line invitation to guess until revealed, then the badge and what the
/// source says (at most a third of the screen).
fn verdict_lines(
    article: &Article,
    stop: &TourStop,
    revealed: bool,
    presenter: &Presenter,
    theme: &Theme,
    lang: Lang,
    column: usize,
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
    // Whole: a stop taller than the screen scrolls, nothing is cut.
    let note = wrap_text(&annotation.note, column, theme.text, article.is_french());
    out.extend(note);
    out
}

/// The presenter's body (the screen less the footer) for a screen of `size`.
fn body_of(size: (u16, u16)) -> Rect {
    Rect::new(0, 0, size.0, size.1.saturating_sub(1))
}

/// The stops of `article`'s tour that do not fit a screen of `size` whole, verdict revealed,
/// in either interface language (they scroll in the presenter): (index, rows needed, rows
/// there are). For `glose check`.
pub fn stops_too_tall(article: &Article, size: (u16, u16)) -> Vec<(usize, usize, usize)> {
    let theme = Theme::named(ThemeName::HighContrast);
    let mut presenter = Presenter::new(true);
    presenter.revealed = true;
    let body = body_of(size);
    let mut out = Vec::new();
    for (index, stop) in article.tour.iter().enumerate() {
        let rows = [Lang::En, Lang::Fr]
            .into_iter()
            .map(|lang| plan(article, stop, &presenter, &theme, lang, body).height())
            .max()
            .unwrap_or(0);
        if rows > usize::from(body.height) {
            out.push((index, rows, usize::from(body.height)));
        }
    }
    out
}

/// How far the current stop can scroll at the app's size: 0 when it fits whole.
pub fn max_scroll(app: &App) -> usize {
    let (Some(presenter), Some(progress)) = (&app.presenter, app.tour_progress()) else {
        return 0;
    };
    let Some(stop) = app.article.tour.get(progress.stop) else {
        return 0;
    };
    let theme = theme(&app.theme);
    let body = body_of(app.view.size);
    let plan = plan(&app.article, stop, presenter, &theme, app.lang, body);
    overflow(&plan, body).map_or(0, |visible| plan.height() - visible)
}

/// The rows of the stop visible at once when it does not fit `body` whole (the last row then
/// says there is more), `None` when it fits.
fn overflow(plan: &Plan, body: Rect) -> Option<usize> {
    let rows = usize::from(body.height);
    (plan.height() > rows && rows > 1).then(|| rows - 1)
}

/// Draws the plan in `body`; a plan taller than `body` is drawn from the presenter's scroll
/// row, with a mark on the last row saying what is above or below and which key shows it.
fn draw_scrolled(
    plan: &Plan,
    presenter: &Presenter,
    theme: &Theme,
    lang: Lang,
    body: Rect,
    buf: &mut Buffer,
) {
    let Some(visible) = overflow(plan, body) else {
        draw(plan, body, buf);
        return;
    };
    let total = plan.height();
    let scroll = presenter.scroll.min(total - visible);
    let whole = Rect::new(0, 0, body.width, u16::try_from(total).unwrap_or(u16::MAX));
    let mut off = Buffer::empty(whole);
    off.set_style(whole, theme.text);
    draw(plan, whole, &mut off);
    for row in 0..visible {
        let (Ok(from), Ok(to)) = (u16::try_from(scroll + row), u16::try_from(row)) else {
            break;
        };
        for x in 0..body.width {
            if let (Some(cell), Some(target)) =
                (off.cell((x, from)), buf.cell_mut((body.x + x, body.y + to)))
            {
                *target = cell.clone();
            }
        }
    }
    let key = |action| {
        presenter
            .keymap
            .first_key(action)
            .map(|k| k.label(lang))
            .unwrap_or_default()
    };
    let mark = if scroll + visible < total {
        let above = if scroll > 0 { "▲ " } else { "" };
        format!(
            "{above}▼ {}{}{}",
            Text::MoreBelow.get(lang),
            lang.colon(),
            key(crate::app::Action::LineDown)
        )
    } else {
        format!(
            "▲ {}{}{}",
            Text::MoreAbove.get(lang),
            lang.colon(),
            key(crate::app::Action::LineUp)
        )
    };
    let mark = fit(&mark, usize::from(body.width)).trim_end().to_owned();
    let width = u16::try_from(str_width(&mark)).unwrap_or(body.width);
    let y = body.y + u16::try_from(visible).unwrap_or(0);
    buf.set_line(
        body.x + body.width.saturating_sub(width) / 2,
        y,
        &Line::from(Span::styled(mark, theme.label)),
        body.width,
    );
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
    if let Some(offer) = app.presenter.as_ref().and_then(|p| p.offer.as_ref()) {
        // The previous session, offered back until the next key: the whole row says so.
        let saved = &offer.saved;
        let (what, keys) = if offer.resumed {
            (Text::SessionResumed, Text::NewSessionKeys)
        } else {
            (Text::PreviousSession, Text::ResumeSessionKeys)
        };
        let text = format!(
            " {}{}{}, {} · {} ",
            what.get(lang),
            lang.colon(),
            crate::ui::stop::stop_label(lang, saved.stop, count),
            format_seconds(saved.tour_s),
            keys.get(lang)
        );
        let line = Line::styled(fit(&text, usize::from(area.width)), theme.status);
        buf.set_line(area.x, area.y, &line, area.width);
        return;
    }
    let typed = app
        .presenter
        .as_ref()
        .and_then(|p| p.count)
        .map(|n| format!(" → {n}"))
        .unwrap_or_default();
    let label = format!(
        "{typed} {} ",
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
    let presenter = app.presenter.as_ref();
    let times = if presenter.is_some_and(|p| p.confirm_reset) {
        format!(" {} ", Text::ResetClocksQuestion.get(lang))
    } else if progress.paused_at.is_some() {
        format!(" {} ·{times}", Text::ClocksPaused.get(lang))
    } else {
        times
    };
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
    let jump = Text::JumpKeys.get(lang);
    let pad = " ".repeat(key_width.saturating_sub(str_width(jump)) + 2);
    lines.push(Line::from(vec![
        Span::styled(jump, theme.key),
        Span::raw(pad),
        Span::raw(Text::JumpHelp.get(lang)),
    ]));
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
    fn a_passage_is_cut_between_sentences_and_says_so() {
        let text = "Une. Deux, avec M. Dupont et p. 12 mots. Trois ? « Quatre ! » Cinq.";
        let starts = sentence_starts(text);
        let sentences: Vec<&str> = starts
            .iter()
            .zip(starts.iter().skip(1).chain([&text.len()]))
            .map(|(&a, &b)| text[a..b].trim_end())
            .collect();
        assert_eq!(
            sentences,
            [
                "Une.",
                "Deux, avec M. Dupont et p. 12 mots.",
                "Trois ?",
                "« Quatre ! »",
                "Cinq."
            ]
        );
        let at = text.find("Dupont").unwrap();
        // One row of 40: only the sentence with the words, which is longer, whole.
        let (from, to) = excerpt(text, Some(at..at + 6), 20, 1, true);
        assert_eq!(&text[from..to], "Deux, avec M. Dupont et p. 12 mots.");
        // Room for all of it: the whole paragraph, no mark.
        assert_eq!(
            excerpt(text, Some(at..at + 6), 200, 1, true),
            (0, text.len())
        );
        // No words to hold (a part stop): the first sentences.
        let (from, to) = excerpt(text, None, 12, 1, true);
        assert_eq!(&text[from..to], "Une.");
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

    /// Every row the presenter shows for the current stop, scrolling down to its end: rows
    /// keyed by their place in the whole stop, so overlapping views count once.
    fn everything_shown(app: &mut App, size: (u16, u16)) -> (String, usize) {
        let mut rows = std::collections::BTreeMap::new();
        let mut views = 0;
        loop {
            let mut terminal = Terminal::new(TestBackend::new(size.0, size.1)).unwrap();
            terminal
                .draw(|frame| crate::ui::render(app, frame))
                .unwrap();
            let buffer = terminal.backend().buffer().clone();
            let scrolls = super::max_scroll(app) > 0;
            // The footer, and the mark above it when the stop scrolls, are not the stop.
            let visible = size.1 - 1 - u16::from(scrolls);
            let scroll = app.presenter.as_ref().unwrap().scroll;
            for y in 0..visible {
                let line: String = (0..size.0).map(|x| buffer[(x, y)].symbol()).collect();
                rows.insert(scroll + usize::from(y), line);
            }
            views += 1;
            app.update(Action::LineDown);
            if app.presenter.as_ref().unwrap().scroll == scroll {
                break;
            }
        }
        let text: Vec<String> = rows.into_values().collect();
        (squash(&text.join(" ")), views)
    }

    /// Spaces of every kind, and runs of them, as one plain space.
    fn squash(text: &str) -> String {
        text.split(|c: char| c.is_whitespace())
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn every_stop_of_the_bundled_tour_is_shown_whole_at_every_size() {
        let article = crate::content::load_bundled().unwrap().article;
        let mut scrolled = 0;
        for size in [(80, 24), (120, 35), (200, 60)] {
            for index in 0..article.tour.len() {
                let mut app = App::new(
                    article.clone(),
                    Lang::Fr,
                    Theme::named(ThemeName::HighContrast),
                    size,
                );
                app.open_presenter(true);
                app.update(Action::Resize(size.0, size.1));
                for _ in 0..index {
                    app.update(Action::NextStop);
                }
                app.update(Action::RevealVerdict);
                let (shown, views) = everything_shown(&mut app, size);
                scrolled += usize::from(views > 1);
                let stop = &article.tour[index];
                let mut wanted: Vec<String> =
                    stop.questions.iter().map(|q| format!("• {q}")).collect();
                let wide = usize::from(size.0) - 2 * (usize::from(size.0) / 20).max(2);
                if super::big_glyphs(&stop.title).is_none_or(|t| t.chars().count() * 4 > wide) {
                    wanted.push(stop.title.clone());
                }
                if let Some(a) = stop.annotation.map(|i| &article.annotations[i]) {
                    wanted.push(article.slice(a.range.clone()).to_owned());
                    wanted.push(a.note.clone());
                    if let Some(source) = a.source.map(|s| &article.sources[s]) {
                        wanted.push(source.author.clone());
                        wanted.push(source.title.clone());
                    }
                }
                for part in wanted {
                    let part = squash(&part);
                    assert!(
                        shown.contains(&part),
                        "stop {} at {size:?} lost {part:?}\nshown: {shown}",
                        index + 1
                    );
                }
            }
        }
        let _ = scrolled;
    }

    #[test]
    fn a_tall_stop_says_there_is_more_below_and_scrolls_to_it() {
        let mut article = crate::tour::fixture::article();
        // A long verdict: what the source says, twenty times over.
        let first = article.tour[0].annotation.unwrap();
        let note = article.annotations[first].note.clone();
        article.annotations[first].note = [note.as_str(); 20].join(" ");
        let mut app = App::new(
            article,
            Lang::En,
            Theme::named(ThemeName::HighContrast),
            (80, 24),
        )
        .with_clock(Arc::new(ManualClock::new()));
        app.open_presenter(true);
        app.update(Action::RevealVerdict);
        assert!(super::max_scroll(&app) > 0, "taller than 80×24");
        let (shown, views) = everything_shown(&mut app, (80, 24));
        assert!(views > 1);
        assert!(shown.contains(&squash(&app.article.annotations[first].note)));
        app.update(Action::FirstStop);
        app.update(Action::LastStop);
        app.update(Action::FirstStop);
        app.update(Action::RevealVerdict);
        let draw = |app: &App| {
            let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
            terminal
                .draw(|frame| crate::ui::render(app, frame))
                .unwrap();
            terminal
        };
        let top = draw(&app);
        let text = top.backend().to_string();
        assert!(text.contains("▼ more below: ↓"), "{text}");
        insta::assert_snapshot!("tall_stop_top_80x24", top.backend());
        for _ in 0..super::max_scroll(&app) + 3 {
            app.update(Action::Wheel(10, 10, 3));
        }
        let bottom = draw(&app);
        let text = bottom.backend().to_string();
        assert!(text.contains("▲ more above: ↑"), "{text}");
        assert!(!text.contains("more below"), "{text}");
        app.update(Action::NextStop);
        assert_eq!(
            app.presenter.as_ref().unwrap().scroll,
            0,
            "a new stop starts at its top"
        );
    }

    #[test]
    fn help_lists_the_presenter_keys() {
        let terminal = screen((80, 24), 0, &[Action::ToggleHelp]);
        insta::assert_snapshot!(terminal.backend());
    }
}

//! The presenter's screen laid out: one tour stop for a room. The stop's title, the passage in context
//! with the annotated words emphasised, the figure in large type (or the quote, or the part's
//! heading), the source, the verdict once revealed, the questions, and a footer with a progress
//! bar and the times. Minimal chrome, high contrast.
//!
//! `plan` decides what fits a size (a pure function, tested at 80×24, 120×35 and 200×60): it
//! lowers the large type's pixel size, shortens the passage (whole sentences, `…` where the
//! paragraph goes on) and drops blank lines, then puts the figure on one line. Nothing else is
//! ever left out: a stop that still does not fit scrolls (`Presenter::scroll`), with a mark on
//! the last row saying there is more and which key shows it. `ui::present` only draws the plan;
//! `update` clamps the scroll with `max_scroll`, `glose check` warns of tall stops with
//! `stops_too_tall`.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use tui_big_text::{BigText, PixelSize};

use crate::content::{Article, TourStop};
use crate::i18n::{Lang, Text};
use crate::layout::lines::wrap_text;
use crate::theme::{Theme, ThemeName};
use crate::tour::display_figure;

mod passage;

use passage::passage_lines;

/// Widest column of text on a big screen: longer lines are hard to follow from afar.
const MAX_COLUMN: usize = 96;
/// Rows of the passage shown around the annotated words, at most.
const PASSAGE_ROWS: [usize; 3] = [7, 5, 3];

/// The presenter's theme: the reader's, in high contrast (light or dark after the terminal's
/// background) unless colours are off.
pub fn theme(reader: &Theme) -> Theme {
    reader.for_presenter()
}

/// Whether the stop's verdict is shown, and the label of the key that reveals it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reveal {
    pub revealed: bool,
    /// "v": named in the invitation to guess until the verdict is revealed.
    pub key: String,
    /// The votes on the stop's poll so far, with a room (`None` without one).
    pub tally: Option<crate::room::Tally>,
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
    pub fn cell(self) -> (u16, u16) {
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
    reveal: &Reveal,
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
        reveal.revealed,
        &reveal.key,
        theme,
        lang,
        column,
    );
    // Room for the verdict is kept before it is revealed, so nothing moves when it is.
    let revealed_rows = verdict_lines(article, stop, true, &reveal.key, theme, lang, column).len();
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
    // The poll's answers and votes, with a room (without one the questions ask it aloud).
    if let Some(poll) = stop.poll.as_ref().filter(|_| reveal.tally.is_some()) {
        if !questions.is_empty() {
            questions.push(Line::default());
        }
        let votes = reveal
            .tally
            .as_ref()
            .map(|t| crate::room::votes::Summary::of(t, poll));
        questions.extend(crate::layout::poll::presenter_lines(
            poll,
            votes.as_ref(),
            reveal.revealed,
            theme,
            lang,
            column,
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
    reveal_key: &str,
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
        let colon = lang.colon();
        let hint = format!(
            "{}{colon}?   ({reveal_key}{colon}{})",
            Text::Verdict.get(lang),
            Text::RevealHint.get(lang)
        );
        return vec![Line::from(Span::styled(hint, theme.dim))];
    }
    let mut out = Vec::new();
    if let Some(verdict) = annotation.verdict {
        let mark = verdict.sign();
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
pub fn body_of(size: (u16, u16)) -> Rect {
    Rect::new(0, 0, size.0, size.1.saturating_sub(1))
}

/// The stops of `article`'s tour that do not fit a screen of `size` whole, verdict revealed,
/// in either interface language (they scroll in the presenter): (index, rows needed, rows
/// there are). For `glose check`.
pub fn stops_too_tall(article: &Article, size: (u16, u16)) -> Vec<(usize, usize, usize)> {
    let theme = Theme::named(ThemeName::HighContrast);
    let reveal = Reveal {
        revealed: true,
        key: String::new(),
        tally: None,
    };
    let body = body_of(size);
    let mut out = Vec::new();
    for (index, stop) in article.tour.iter().enumerate() {
        let rows = Lang::ALL
            .into_iter()
            .map(|lang| plan(article, stop, &reveal, &theme, lang, body).height())
            .max()
            .unwrap_or(0);
        if rows > usize::from(body.height) {
            out.push((index, rows, usize::from(body.height)));
        }
    }
    out
}

/// How far a stop can scroll in a screen of `size`: 0 when it fits whole.
pub fn max_scroll(
    article: &Article,
    stop: &TourStop,
    reveal: &Reveal,
    reader_theme: &Theme,
    lang: Lang,
    size: (u16, u16),
) -> usize {
    let body = body_of(size);
    let plan = plan(article, stop, reveal, &theme(reader_theme), lang, body);
    overflow(&plan, body).map_or(0, |visible| plan.height() - visible)
}

/// The rows of the stop visible at once when it does not fit `body` whole (the last row then
/// says there is more), `None` when it fits.
pub fn overflow(plan: &Plan, body: Rect) -> Option<usize> {
    let rows = usize::from(body.height);
    (plan.height() > rows && rows > 1).then(|| rows - 1)
}

#[cfg(test)]
mod tests {
    use super::passage::{excerpt, sentence_starts};
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

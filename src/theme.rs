//! Semantic styles. Rendering code asks for `theme.annotation(kind)`, never for a colour.
//!
//! Every distinction the reader needs is carried by a modifier as well as a colour (kinds of
//! annotation by bold / italic / underline, focus by border type and a marker), so the
//! monochrome theme, used when `NO_COLOR` is set, loses nothing but colour.
//!
//! High contrast sets both the foreground and the background of every cell it draws
//! (`Theme::fill`), so it never relies on the terminal's own colours: white on black, or black
//! on white when the terminal's background is known to be light (asked with OSC 11 at start,
//! `detect_background`; `high-contrast-light` and `high-contrast-dark` force one).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::BorderType;

use crate::content::{AnnotationKind, Verdict};

/// The themes glose ships.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ThemeName {
    #[default]
    Default,
    /// High contrast, light or dark after the terminal's background (dark when unknown).
    HighContrast,
    /// High contrast, black on white.
    HighContrastLight,
    /// High contrast, white on black.
    HighContrastDark,
    Monochrome,
}

impl ThemeName {
    /// The name as typed on the command line and in the settings.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Default => "default",
            Self::HighContrast => "high-contrast",
            Self::HighContrastLight => "high-contrast-light",
            Self::HighContrastDark => "high-contrast-dark",
            Self::Monochrome => "monochrome",
        }
    }

    /// Every theme, in the order help texts list them.
    pub const ALL: [Self; 5] = [
        Self::Default,
        Self::HighContrast,
        Self::HighContrastLight,
        Self::HighContrastDark,
        Self::Monochrome,
    ];

    /// Whether this theme (or the presenter's, from it) depends on the terminal's background.
    pub fn wants_background(self) -> bool {
        matches!(self, Self::HighContrast)
    }
}

/// The terminal's background, as far as it is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Background {
    Dark,
    Light,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    pub name: ThemeName,
    /// The terminal's background when it was asked (`None`: not asked, or no answer).
    pub background: Option<Background>,
    pub text: Style,
    pub heading: Style,
    pub dim: Style,
    pub header: Style,
    pub status: Style,
    pub key: Style,
    pub border: Style,
    pub border_focused: Style,
    pub title: Style,
    pub title_focused: Style,
    pub figure: Style,
    pub quote: Style,
    pub source: Style,
    pub term: Style,
    /// Added on top of the kind's style for the selected annotation.
    pub selected: Style,
    pub label: Style,
    pub confirmed: Style,
    pub imprecise: Style,
    pub misreported: Style,
    pub unverifiable: Style,
    pub focused_border_type: BorderType,
    /// A search match, patched over the text's or the annotation's style: reverse video (so it
    /// differs from every annotation mark, which never reverses) and a colour.
    pub search_match: Style,
    /// The match `n` went to: reverse video, bold, and a stronger colour.
    pub search_current: Style,
    /// The entry under a list's cursor.
    pub cursor: Style,
    /// Code: inline code and code blocks of a Markdown text.
    pub code: Style,
    /// The words of a link.
    pub link: Style,
}

impl Default for Theme {
    fn default() -> Self {
        Self::named(ThemeName::Default)
    }
}

impl Theme {
    /// The default theme, or monochrome when the `NO_COLOR` convention asks for it.
    pub fn from_env() -> Self {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Self::named(if no_color {
            ThemeName::Monochrome
        } else {
            ThemeName::Default
        })
    }

    pub fn named(name: ThemeName) -> Self {
        Self::for_background(name, None)
    }

    /// The theme `name` on a terminal whose background is `background` (high contrast is
    /// light on a light background, dark otherwise).
    pub fn for_background(name: ThemeName, background: Option<Background>) -> Self {
        let palette = match name {
            ThemeName::HighContrast if background == Some(Background::Light) => {
                ThemeName::HighContrastLight
            }
            ThemeName::HighContrast => ThemeName::HighContrastDark,
            other => other,
        };
        Self {
            name,
            background,
            ..Self::palette(palette)
        }
    }

    /// The theme the presenter uses with this reader theme: high contrast (light or dark after
    /// the background) unless colours are off or another high contrast was chosen.
    pub fn for_presenter(&self) -> Self {
        match self.name {
            ThemeName::Default => Self::for_background(ThemeName::HighContrast, self.background),
            _ => self.clone(),
        }
    }

    /// Whether this theme gives every cell its own foreground and background.
    pub fn fills_every_cell(&self) -> bool {
        matches!(
            self.name,
            ThemeName::HighContrast | ThemeName::HighContrastLight | ThemeName::HighContrastDark
        )
    }

    /// Gives every cell of `area` left at the terminal's colours (`Reset`, or none) the theme's
    /// own foreground and background; nothing for themes that use the terminal's colours.
    pub fn fill(&self, area: Rect, buf: &mut Buffer) {
        if !self.fills_every_cell() {
            return;
        }
        let (Some(fg), Some(bg)) = (self.text.fg, self.text.bg) else {
            return;
        };
        let area = area.intersection(buf.area);
        for y in area.top()..area.bottom() {
            for x in area.left()..area.right() {
                if let Some(cell) = buf.cell_mut((x, y)) {
                    if cell.fg == Color::Reset {
                        cell.fg = fg;
                    }
                    if cell.bg == Color::Reset {
                        cell.bg = bg;
                    }
                }
            }
        }
    }

    fn palette(name: ThemeName) -> Self {
        let plain = Style::new();
        let bold = Modifier::BOLD;
        let under = Modifier::UNDERLINED;
        let italic = Modifier::ITALIC;
        let mono = Self {
            name,
            background: None,
            text: plain,
            heading: plain.add_modifier(bold),
            dim: plain.add_modifier(Modifier::DIM),
            header: plain.add_modifier(bold),
            status: plain.add_modifier(Modifier::REVERSED),
            key: plain.add_modifier(bold),
            border: plain,
            border_focused: plain.add_modifier(bold),
            title: plain,
            title_focused: plain.add_modifier(bold),
            figure: plain.add_modifier(bold | under),
            quote: plain.add_modifier(italic | under),
            source: plain.add_modifier(under),
            term: plain.add_modifier(italic),
            selected: plain.add_modifier(Modifier::REVERSED),
            label: plain.add_modifier(bold),
            confirmed: plain.add_modifier(bold),
            imprecise: plain.add_modifier(bold),
            misreported: plain.add_modifier(bold | under),
            unverifiable: plain.add_modifier(bold | under),
            focused_border_type: BorderType::Thick,
            search_match: plain.add_modifier(Modifier::REVERSED),
            search_current: plain.add_modifier(Modifier::REVERSED | bold),
            cursor: plain.add_modifier(Modifier::REVERSED),
            code: plain.add_modifier(Modifier::DIM),
            link: plain.add_modifier(under),
        };
        match name {
            ThemeName::Monochrome => mono,
            ThemeName::Default => Self {
                header: mono.header.fg(Color::Cyan),
                status: Style::new().bg(Color::DarkGray).fg(Color::White),
                key: mono.key.fg(Color::Yellow),
                border: Style::new().fg(Color::DarkGray),
                border_focused: mono.border_focused.fg(Color::Cyan),
                title: Style::new().fg(Color::Gray),
                title_focused: mono.title_focused.fg(Color::Cyan),
                heading: mono.heading.fg(Color::Cyan),
                figure: mono.figure.fg(Color::Yellow),
                quote: mono.quote.fg(Color::LightMagenta),
                source: mono.source.fg(Color::LightGreen),
                term: mono.term.fg(Color::LightBlue),
                label: mono.label.fg(Color::Cyan),
                confirmed: mono.confirmed.fg(Color::Green),
                imprecise: mono.imprecise.fg(Color::Yellow),
                misreported: mono.misreported.fg(Color::LightRed),
                unverifiable: mono.unverifiable.fg(Color::LightRed),
                dim: Style::new().fg(Color::DarkGray),
                search_match: mono.search_match.fg(Color::Yellow),
                search_current: mono.search_current.fg(Color::LightRed),
                cursor: mono.cursor.fg(Color::Cyan),
                code: Style::new().fg(Color::LightGreen),
                link: mono.link.fg(Color::LightBlue),
                ..mono
            },
            ThemeName::HighContrastLight => {
                // The 256-colour cube is the same in every terminal (unlike the first 16
                // colours, which themes redefine): pure white, pure black, and dark inks.
                let (white, black) = (Color::Indexed(231), Color::Indexed(16));
                let blue = Color::Indexed(18);
                let green = Color::Indexed(22);
                let amber = Color::Indexed(94);
                let red = Color::Indexed(124);
                let magenta = Color::Indexed(90);
                Self {
                    text: Style::new().fg(black).bg(white),
                    header: mono.header.fg(black).bg(white),
                    status: Style::new().fg(white).bg(black),
                    key: mono.key.fg(blue),
                    border: Style::new().fg(black),
                    border_focused: mono.border_focused.fg(blue),
                    title: Style::new().fg(black),
                    title_focused: mono.title_focused.fg(blue),
                    heading: mono.heading.fg(black),
                    figure: mono.figure.fg(blue),
                    quote: mono.quote.fg(magenta),
                    source: mono.source.fg(green),
                    term: mono.term.fg(black),
                    label: mono.label.fg(blue),
                    confirmed: mono.confirmed.fg(green),
                    imprecise: mono.imprecise.fg(amber),
                    misreported: mono.misreported.fg(red),
                    unverifiable: mono.unverifiable.fg(red),
                    dim: Style::new().fg(Color::Indexed(240)),
                    focused_border_type: BorderType::Double,
                    search_match: mono.search_match.fg(amber).bg(white),
                    search_current: mono.search_current.fg(red).bg(white),
                    cursor: mono.cursor.fg(blue).bg(white),
                    code: Style::new().fg(green).bg(white),
                    link: mono.link.fg(blue).bg(white),
                    ..mono
                }
            }
            ThemeName::HighContrast | ThemeName::HighContrastDark => Self {
                text: Style::new().fg(Color::White).bg(Color::Black),
                header: mono.header.fg(Color::White).bg(Color::Black),
                status: Style::new().fg(Color::Black).bg(Color::White),
                key: mono.key.fg(Color::LightYellow),
                border: Style::new().fg(Color::White),
                border_focused: mono.border_focused.fg(Color::LightYellow),
                title: Style::new().fg(Color::White),
                title_focused: mono.title_focused.fg(Color::LightYellow),
                heading: mono.heading.fg(Color::White),
                figure: mono.figure.fg(Color::LightYellow),
                quote: mono.quote.fg(Color::LightCyan),
                source: mono.source.fg(Color::LightGreen),
                term: mono.term.fg(Color::White),
                label: mono.label.fg(Color::LightYellow),
                confirmed: mono.confirmed.fg(Color::LightGreen),
                imprecise: mono.imprecise.fg(Color::LightYellow),
                misreported: mono.misreported.fg(Color::LightRed),
                unverifiable: mono.unverifiable.fg(Color::LightRed),
                dim: Style::new().fg(Color::Gray),
                focused_border_type: BorderType::Double,
                search_match: mono.search_match.fg(Color::LightYellow).bg(Color::Black),
                search_current: mono.search_current.fg(Color::LightRed).bg(Color::Black),
                cursor: mono.cursor.fg(Color::LightYellow).bg(Color::Black),
                code: Style::new().fg(Color::LightGreen).bg(Color::Black),
                link: mono.link.fg(Color::LightCyan).bg(Color::Black),
                ..mono
            },
        }
    }

    pub fn annotation(&self, kind: AnnotationKind) -> Style {
        match kind {
            AnnotationKind::Figure => self.figure,
            AnnotationKind::Quote => self.quote,
            AnnotationKind::Source => self.source,
            AnnotationKind::Term => self.term,
        }
    }

    pub fn verdict(&self, verdict: Verdict) -> Style {
        match verdict {
            Verdict::Confirmed => self.confirmed,
            Verdict::Imprecise => self.imprecise,
            Verdict::Misreported => self.misreported,
            Verdict::Unverifiable => self.unverifiable,
        }
    }

    /// The border style of a pane.
    pub fn border(&self, focused: bool) -> Style {
        if focused {
            self.border_focused
        } else {
            self.border
        }
    }
}

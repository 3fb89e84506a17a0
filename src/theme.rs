//! Semantic styles. Rendering code asks for `theme.annotation(kind)`, never for a colour.
//!
//! Every distinction the reader needs is carried by a modifier as well as a colour (kinds of
//! annotation by bold / italic / underline, focus by border type and a marker), so the
//! monochrome theme, used when `NO_COLOR` is set, loses nothing but colour.

use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::BorderType;

use crate::content::{AnnotationKind, Verdict};

/// The themes glose ships.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ThemeName {
    #[default]
    Default,
    HighContrast,
    Monochrome,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    pub name: ThemeName,
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
        let plain = Style::new();
        let bold = Modifier::BOLD;
        let under = Modifier::UNDERLINED;
        let italic = Modifier::ITALIC;
        let mono = Self {
            name,
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
            ThemeName::HighContrast => Self {
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

//! Everything a user (or a test, or the presenter) can ask the reader to do.
//!
//! Keys and mouse events become `Action`s through the keymap; `App::update` applies them. The
//! serde names (`line_down`, `next_annotation`) are the vocabulary of key remapping, and
//! `describe` is the text of the help screen, so help and behaviour cannot disagree.

use crate::i18n::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Deserialize, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Quit,
    LineDown,
    LineUp,
    PageDown,
    PageUp,
    HalfPageDown,
    HalfPageUp,
    Top,
    Bottom,
    /// Focus pane 1..=9 (pane index + 1).
    #[serde(skip)]
    FocusPane(u8),
    PrevPane,
    NextPane,
    NextAnnotation,
    PrevAnnotation,
    /// Select the first annotation visible in the focused pane.
    SelectVisible,
    ClearSelection,
    ToggleMarks,
    ToggleSidePane,
    SideDown,
    SideUp,
    ToggleHelp,
    /// Start the guided tour, or leave it and go back to where the reader was.
    ToggleTour,
    /// The tour's next stop (the presenter's next screen).
    NextStop,
    /// The tour's previous stop.
    PrevStop,
    /// The tour's first stop.
    FirstStop,
    /// The tour's last stop.
    LastStop,
    /// Open the presenter (full screen, for a projector), or close it.
    Present,
    /// Presenter: back to the reader (`glose present`: quit).
    LeavePresenter,
    /// Presenter: blank the screen; any key brings it back.
    Blank,
    /// Presenter: show or hide what the source says and the verdict.
    RevealVerdict,
    /// The terminal changed size (columns, rows).
    #[serde(skip)]
    Resize(u16, u16),
    /// A click at (column, row).
    #[serde(skip)]
    Click(u16, u16),
    /// Wheel over (column, row): positive scrolls down.
    #[serde(skip)]
    Wheel(u16, u16, i8),
}

impl Action {
    /// One line for the help screen, in the interface language.
    pub fn describe(self, lang: Lang) -> &'static str {
        let (en, fr) = match self {
            Self::Quit => ("quit", "quitter"),
            Self::LineDown => ("scroll down one line", "descendre d’une ligne"),
            Self::LineUp => ("scroll up one line", "monter d’une ligne"),
            Self::PageDown => ("next page", "page suivante"),
            Self::PageUp => ("previous page", "page précédente"),
            Self::HalfPageDown => ("down half a page", "descendre d’une demi-page"),
            Self::HalfPageUp => ("up half a page", "monter d’une demi-page"),
            Self::Top => ("top of the part", "début de la partie"),
            Self::Bottom => ("end of the part", "fin de la partie"),
            Self::FocusPane(_) => (
                "go to part I, II, III, conclusion",
                "aller à la partie I, II, III, conclusion",
            ),
            Self::PrevPane => ("previous pane", "panneau précédent"),
            Self::NextPane => ("next pane", "panneau suivant"),
            Self::NextAnnotation => (
                "next annotation (figure, quote, source)",
                "annotation suivante (chiffre, citation, source)",
            ),
            Self::PrevAnnotation => ("previous annotation", "annotation précédente"),
            Self::SelectVisible => (
                "select the first annotation on screen",
                "sélectionner la première annotation visible",
            ),
            Self::ClearSelection => (
                "clear the selection, close an overlay",
                "désélectionner, fermer une fenêtre",
            ),
            Self::ToggleMarks => (
                "hide or show highlight marks",
                "masquer ou afficher les surlignages",
            ),
            Self::ToggleSidePane => (
                "hide or show the source pane",
                "masquer ou afficher le panneau des sources",
            ),
            Self::SideDown => (
                "scroll the source pane down",
                "faire défiler le panneau des sources vers le bas",
            ),
            Self::SideUp => (
                "scroll the source pane up",
                "faire défiler le panneau des sources vers le haut",
            ),
            Self::ToggleHelp => ("this help", "cette aide"),
            Self::ToggleTour => (
                "start or leave the guided tour",
                "commencer ou quitter la visite guidée",
            ),
            Self::NextStop => ("next stop of the tour", "étape suivante de la visite"),
            Self::PrevStop => ("previous stop", "étape précédente"),
            Self::FirstStop => ("first stop", "première étape"),
            Self::LastStop => ("last stop", "dernière étape"),
            Self::Present => (
                "present the tour (full screen, for a projector)",
                "présenter la visite (plein écran, pour un projecteur)",
            ),
            Self::LeavePresenter => (
                "leave the presenter (back to the reader)",
                "quitter la présentation (retour au lecteur)",
            ),
            Self::Blank => (
                "blank the screen (any key brings it back)",
                "écran noir (une touche le rallume)",
            ),
            Self::RevealVerdict => (
                "reveal or hide what the source says (verdict)",
                "révéler ou cacher ce que dit la source (verdict)",
            ),
            Self::Resize(..) | Self::Click(..) | Self::Wheel(..) => ("", ""),
        };
        lang.pick(en, fr)
    }
}

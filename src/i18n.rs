//! Interface strings in French and English, from one table.
//!
//! The article and its annotations stay in their own language; only glose's own words (help,
//! status line, labels, messages) are translated. The language follows the `--lang` option,
//! else the settings file, else the environment's locale (`LC_ALL`, `LC_MESSAGES`, `LANG`);
//! when the locale names no language glose speaks (`C`, `POSIX`, unset, another language), it
//! follows the article's own language if glose speaks it, else English ([`Lang::choose`]).

mod brief;
mod settings;
mod state_files;

pub use brief::BriefText;
pub use settings::SettingsText;
pub use state_files::{FileWord, StateFileText};

/// A value of the article that has a name in each language glose speaks (an annotation's kind,
/// a verdict). The article's model says its own names; `Lang` picks one. So this module needs
/// nothing from the model, and every module can use it.
pub trait Named: Copy {
    /// The name, in English then in French.
    fn names(self) -> (&'static str, &'static str);

    /// The name in the plural, in English then in French (the singular unless said otherwise).
    fn plural_names(self) -> (&'static str, &'static str) {
        self.names()
    }
}

/// An interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    #[default]
    En,
    Fr,
}

impl Lang {
    /// The language named by the locale environment variables, if glose speaks it: `None` for
    /// `C`, `POSIX`, an unset locale or a language glose has no table for.
    pub fn from_env() -> Option<Self> {
        Self::from_locale_vars(|name| std::env::var(name).ok())
    }

    /// Same as `from_env`, with the environment given (for tests). The first variable set
    /// decides, as in POSIX: `LC_ALL=C` hides `LANG=fr_FR.UTF-8`.
    pub fn from_locale_vars(get: impl Fn(&str) -> Option<String>) -> Option<Self> {
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let Some(value) = get(name).filter(|v| !v.is_empty()) {
                return Self::from_tag(&value);
            }
        }
        None
    }

    /// The language of a locale name (`fr_FR.UTF-8`) or a BCP 47 tag (`fr`, `en-GB`), if glose
    /// speaks it.
    pub fn from_tag(tag: &str) -> Option<Self> {
        let primary = tag
            .split(['_', '-', '.', '@'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match primary.as_str() {
            "fr" => Some(Self::Fr),
            "en" => Some(Self::En),
            _ => None,
        }
    }

    /// The interface language, in this order: the `--lang` option, the settings file, the
    /// locale, then (when the locale names no language glose speaks) the article's own
    /// language if glose speaks it, else English.
    pub fn choose(
        option: Option<Self>,
        settings: Option<Self>,
        locale: Option<Self>,
        article: Option<&str>,
    ) -> Self {
        option
            .or(settings)
            .or(locale)
            .or_else(|| article.and_then(Self::from_tag))
            .unwrap_or_default()
    }

    /// Picks the string for this language.
    pub fn pick(self, en: &'static str, fr: &'static str) -> &'static str {
        match self {
            Self::En => en,
            Self::Fr => fr,
        }
    }

    /// An annotation kind's name ("figure", "chiffre").
    pub fn kind(self, kind: impl Named) -> &'static str {
        let (en, fr) = kind.names();
        self.pick(en, fr)
    }

    /// A verdict's name ("confirmed", "confirmé").
    pub fn verdict(self, verdict: impl Named) -> &'static str {
        let (en, fr) = verdict.names();
        self.pick(en, fr)
    }

    /// A kind's name in the plural ("figures", "chiffres"), for the index's filter.
    pub fn kinds(self, kind: impl Named) -> &'static str {
        let (en, fr) = kind.plural_names();
        self.pick(en, fr)
    }

    /// The space French puts before `:`, `;`, `!`, `?` (a no-break space); none in English.
    pub fn colon(self) -> &'static str {
        self.pick(": ", "\u{a0}: ")
    }
}

/// A translated interface string.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Text {
    Source,
    AboutSource,
    Context,
    WhatTheSourceSays,
    Questions,
    Verdict,
    NotInReferenceList,
    NoSource,
    NoSelection,
    HowToRead,
    About,
    Author,
    Publisher,
    Annotations,
    Help,
    Keys,
    Mouse,
    MouseHelp,
    TooSmall,
    Minimum,
    PressQuestion,
    NothingSelected,
    CloseHelp,
    Legend,
    Marks,
    MarksHidden,
    NoSearch,
    NotCited,
    WrappedToTop,
    WrappedToBottom,
    NoMatch,
    Index,
    Sources,
    Contents,
    LinksOnScreen,
    GoToPartN,
    EveryPart,
    All,
    Filter,
    FilterHint,
    NothingMatches,
    HintMove,
    HintFilter,
    HintKind,
    HintGo,
    HintClose,
    NotCitedByAny,
    InLists,
    InLists2,
    InSearchLine,
    /// Help heading: counts before motions.
    Counts,
    SearchLineHelp,
    Read,
    Minutes,
    HelpScroll,
    CloseHelpOther,
    HintAnnotation,
    HintQuit,
    /// A key bound to nothing in the current mode.
    UnknownKey,
    /// After a count's digits, before its motion.
    CountPending,
    MyNote,
    MyNoteOnParagraph,
    NotesTitle,
    BookmarksTitle,
    NoNotes,
    NoBookmarks,
    ConfirmDeleteNote,
    ConfirmDeleteBookmark,
    ConfirmSave,
    /// The question on a note recovered from a draft (glose was cut off while it was written).
    RestoreDraft,
    DraftRestored,
    DraftDropped,
    /// A conflict copy in the notes list.
    ConflictCopy,
    NewNote,
    EditNoteTitle,
    On,
    Detached,
    BookmarkSet,
    BookmarkRemoved,
    NoteSaved,
    NoteDeleted,
    NoteDiscarded,
    PassageGone,
    NothingToAnnotate,
    NoteFull,
    NotesHowTo,
    InTheLists,
    /// Help heading: the keys of the help and the index, sources and contents lists.
    InTheOverlays,
    /// Help heading: the answers to a yes/no question.
    InAQuestion,
    /// Help: what a number before a motion does.
    CountHelp,
    InTheEditor,
    EditorKeys,
    NoTour,
    NotATerminal,
    Tour,
    Stop,
    Say,
    TourTotal,
    NextStop,
    LeaveTour,
    Next,
    WaitingForPresenter,
    PresenterGone,
    WaitingHelp,
    RevealHint,
    PresenterHelp,
    MoreBelow,
    ClocksPaused,
    ResetClocksQuestion,
    JumpKeys,
    JumpHelp,
    SeveralPresenters,
    MoreAbove,
    Blanked,
    Notes,
    EndOfTour,
    Behind,
    Ahead,
    OnTime,
    EditorialHeadings,
    HandoutNotes,
    HandoutSources,
    HandoutTour,
    SeeNote,
    SessionResumed,
    PreviousSession,
    NewSessionKeys,
    ResumeSessionKeys,
}

impl Text {
    pub fn get(self, lang: Lang) -> &'static str {
        let (en, fr) = match self {
            Self::Source => ("Source", "Source"),
            Self::AboutSource => ("About this source", "À propos de cette source"),
            Self::Context => ("Context", "Contexte"),
            Self::WhatTheSourceSays => ("What the source says", "Ce que dit la source"),
            Self::Questions => ("Questions for discussion", "Questions pour la discussion"),
            Self::Verdict => ("Verdict", "Verdict"),
            Self::NotInReferenceList => (
                "Not in the article's own reference list",
                "Absente de la liste de références de l’article",
            ),
            Self::NoSource => ("No source given", "Aucune source indiquée"),
            Self::NoSelection => ("Source & context", "Source et contexte"),
            Self::HowToRead => (
                "Highlighted words are annotated. Press Tab to select the next one: its source \
                 and context appear here. Shift-Tab goes back, Esc clears, ? lists every key.",
                "Les mots surlignés sont annotés. Tab sélectionne le suivant : sa source et son \
                 contexte s’affichent ici. Maj-Tab revient en arrière, Échap désélectionne, ? \
                 liste toutes les touches.",
            ),
            Self::About => ("About this text", "À propos de ce texte"),
            Self::Author => ("Author", "Autrice ou auteur"),
            Self::Publisher => ("Published by", "Publié par"),
            Self::Annotations => ("Annotations", "Annotations"),
            Self::Help => ("Help", "Aide"),
            Self::Keys => ("Keys", "Touches"),
            Self::Mouse => ("Mouse", "Souris"),
            Self::MouseHelp => (
                "wheel scrolls the pane under the pointer; a click focuses a pane or selects a \
                 highlight",
                "la molette fait défiler le panneau sous le pointeur ; un clic active un panneau \
                 ou sélectionne un passage surligné",
            ),
            Self::TooSmall => ("Terminal too small", "Terminal trop petit"),
            Self::Minimum => ("minimum", "minimum"),
            Self::PressQuestion => ("help", "aide"),
            Self::NothingSelected => ("no selection", "aucune sélection"),
            Self::CloseHelp => ("any key closes this help", "une touche ferme cette aide"),
            Self::CloseHelpOther => (
                "any other key closes this help",
                "toute autre touche ferme cette aide",
            ),
            Self::Legend => ("Highlights", "Surlignages"),
            Self::Marks => ("marks", "marques"),
            Self::MarksHidden => ("highlights hidden", "surlignages masqués"),
            Self::NoSearch => (
                "no search yet: press / to search",
                "pas de recherche : / pour chercher",
            ),
            Self::NotCited => (
                "no passage of the text cites this source",
                "aucun passage du texte ne cite cette source",
            ),
            Self::WrappedToTop => (
                "search went past the end, continued from the top",
                "fin du texte atteinte, la recherche reprend au début",
            ),
            Self::WrappedToBottom => (
                "search went past the top, continued from the end",
                "début du texte atteint, la recherche reprend à la fin",
            ),
            Self::NoMatch => ("no match", "introuvable"),
            Self::Index => ("Index", "Index"),
            Self::Sources => ("Sources", "Sources"),
            Self::Contents => ("Contents", "Table des matières"),
            Self::LinksOnScreen => ("Links on screen", "Liens à l’écran"),
            Self::GoToPartN => ("go to part N", "aller à la partie N"),
            Self::EveryPart => ("every part", "toutes les parties"),
            Self::All => ("all", "tout"),
            Self::Filter => ("filter", "filtre"),
            Self::FilterHint => ("press / to filter", "/ pour filtrer"),
            Self::NothingMatches => ("nothing matches", "aucun résultat"),
            Self::HintMove => ("move", "se déplacer"),
            Self::HintFilter => ("filter", "filtrer"),
            Self::HintKind => ("kind", "type"),
            Self::HintGo => ("go", "y aller"),
            Self::HintClose => ("close", "fermer"),
            Self::NotCitedByAny => ("cited by no annotation", "citée par aucune annotation"),
            Self::InLists => ("In lists", "Dans les listes"),
            Self::InLists2 => (
                "index, sources, contents — the movement keys move, / filters, Tab changes the \
                 kind, Enter goes to the entry, Esc closes",
                "index, sources, table des matières — les touches de déplacement déplacent, / \
                 filtre, Tab change le type, Entrée y va, Échap ferme",
            ),
            Self::InSearchLine => ("Search line", "Ligne de recherche"),
            Self::Counts => ("Counts", "Nombres"),
            Self::SearchLineHelp => (
                "type to search as you go; Enter keeps the matches, Esc cancels, ← → Home End \
                 move, Ctrl-U clears, / then Enter repeats the last search",
                "la recherche se fait à la frappe ; Entrée garde les occurrences, Échap annule, \
                 ← → Début Fin déplacent, Ctrl-U efface, / puis Entrée répète la dernière \
                 recherche",
            ),
            Self::Read => ("read", "lu"),
            Self::Minutes => ("min", "min"),
            Self::HelpScroll => ("scroll", "défiler"),
            Self::HintAnnotation => ("annotation", "annotation"),
            Self::HintQuit => ("quit", "quitter"),
            Self::UnknownKey => (
                "unknown key — ? for help",
                "touche inconnue — ? pour l’aide",
            ),
            Self::CountPending => (
                "times: j k Space d u, or line: G",
                "fois : j k Espace d u, ou ligne : G",
            ),
            Self::MyNote => ("My note", "Ma note"),
            Self::MyNoteOnParagraph => ("My note on this paragraph", "Ma note sur ce paragraphe"),
            Self::NotesTitle => ("My notes", "Mes notes"),
            Self::BookmarksTitle => ("Bookmarks", "Signets"),
            Self::NoNotes => (
                "No notes yet. In the text, press a to write one on the selected passage or on the \
                 first paragraph on screen.",
                "Aucune note pour l’instant. Dans le texte, a en écrit une sur le passage \
                 sélectionné ou sur le premier paragraphe à l’écran.",
            ),
            Self::NoBookmarks => (
                "No bookmarks yet. In the text, B sets one on the first paragraph on screen.",
                "Aucun signet pour l’instant. Dans le texte, B en pose un sur le premier \
                 paragraphe à l’écran.",
            ),
            Self::ConfirmDeleteNote => (
                "Delete this note? y yes · n no",
                "Supprimer cette note ? o oui · n non",
            ),
            Self::ConfirmDeleteBookmark => (
                "Delete this bookmark? y yes · n no",
                "Supprimer ce signet ? o oui · n non",
            ),
            Self::ConfirmSave => (
                "Save your changes? y yes · n discard · Esc keep writing",
                "Enregistrer les modifications ? o oui · n abandonner · Échap reprendre",
            ),
            Self::RestoreDraft => (
                "Restore the unsaved note? y yes · n drop it",
                "Restaurer la note non enregistrée ? o oui · n l’abandonner",
            ),
            Self::DraftRestored => (
                "Note restored: save it as usual",
                "Note restaurée : enregistrez-la comme d’habitude",
            ),
            Self::DraftDropped => ("Unsaved note dropped", "Note non enregistrée abandonnée"),
            Self::ConflictCopy => (
                "conflict copy (from another window)",
                "copie en conflit (d’une autre fenêtre)",
            ),
            Self::NewNote => ("New note", "Nouvelle note"),
            Self::EditNoteTitle => ("My note", "Ma note"),
            Self::On => ("On", "Sur"),
            Self::Detached => ("passage no longer in the text", "passage absent du texte"),
            Self::BookmarkSet => ("Bookmark set", "Signet posé"),
            Self::BookmarkRemoved => ("Bookmark removed", "Signet retiré"),
            Self::NoteSaved => ("Note saved", "Note enregistrée"),
            Self::NoteDeleted => ("Note deleted", "Note supprimée"),
            Self::NoteDiscarded => ("Changes discarded", "Modifications abandonnées"),
            Self::PassageGone => (
                "This passage is no longer in the text",
                "Ce passage n’est plus dans le texte",
            ),
            Self::NothingToAnnotate => ("Nothing to annotate here", "Rien à annoter ici"),
            Self::NoteFull => (
                "The note is at its maximum length",
                "La note a atteint sa longueur maximale",
            ),
            Self::NotesHowTo => ("My notes", "Mes notes"),
            Self::InTheLists => ("Notes and bookmarks lists", "Listes de notes et de signets"),
            Self::InTheOverlays => (
                "This help, the index, sources and contents",
                "Cette aide, l’index, les sources et la table des matières",
            ),
            Self::InAQuestion => (
                "A question (delete? keep the changes?)",
                "Une question (supprimer ? garder les modifications ?)",
            ),
            Self::CountHelp => (
                "a number before a motion repeats it (5j, 3 Space); 12G or 12g goes to line 12 of the part; a digit alone goes to its part",
                "un nombre avant un déplacement le répète (5j, 3 Espace) ; 12G ou 12g va à la ligne 12 de la partie ; un chiffre seul va à sa partie",
            ),
            Self::InTheEditor => ("Note editor", "Éditeur de note"),
            Self::EditorKeys => (
                "Enter new line · arrows, Home, End, Ctrl-arrows · Backspace, Del",
                "Entrée à la ligne · flèches, Début, Fin, Ctrl-flèches · Retour, Suppr",
            ),
            Self::NoTour => (
                "this text has no guided tour (tour.toml)",
                "ce texte n’a pas de visite guidée (tour.toml)",
            ),
            Self::NotATerminal => (
                "standard output is not a terminal",
                "la sortie standard n’est pas un terminal",
            ),
            Self::Tour => ("Guided tour", "Visite guidée"),
            Self::Stop => ("Stop", "Étape"),
            Self::Say => ("What to say or show", "À dire ou à montrer"),
            Self::TourTotal => ("tour", "visite"),
            Self::NextStop => ("next stop", "étape suivante"),
            Self::LeaveTour => ("leave the tour", "quitter la visite"),
            Self::Next => ("Next", "Ensuite"),
            Self::PresenterGone => (
                "The presenter stopped without saying goodbye: its process is gone.",
                "La présentation s’est arrêtée sans prévenir : son processus n’existe plus.",
            ),
            Self::WaitingForPresenter => {
                ("Waiting for a presenter…", "En attente d’une présentation…")
            }
            Self::WaitingHelp => (
                "Start `glose present` (or press p in the reader) on the projected terminal, as \
                 the same user on this machine: these notes follow it. q quits.",
                "Lancez `glose present` (ou p dans le lecteur) sur le terminal projeté, avec le \
                 même compte sur cette machine : ces notes le suivront. q pour quitter.",
            ),
            Self::RevealHint => ("reveal the verdict", "révéler le verdict"),
            Self::PresenterHelp => ("Presenter keys", "Touches du mode présentation"),
            Self::MoreBelow => ("more below", "suite plus bas"),
            Self::ClocksPaused => ("paused", "en pause"),
            Self::SessionResumed => ("Session resumed", "Séance reprise"),
            Self::PreviousSession => ("Previous session", "Séance précédente"),
            Self::NewSessionKeys => (
                "n: new session, other key: go on",
                "n\u{a0}: nouvelle séance, autre touche\u{a0}: continuer",
            ),
            Self::ResumeSessionKeys => (
                "r: resume it, other key: new one",
                "r\u{a0}: reprendre, autre touche\u{a0}: nouvelle",
            ),
            Self::ResetClocksQuestion => (
                "Clocks back to 0:00? T: yes, any other key: no",
                "Chronomètres à 0:00 ? T : oui, autre touche : non",
            ),
            Self::JumpKeys => ("5 G, 5 Enter", "5 G, 5 Entrée"),
            Self::JumpHelp => (
                "go to stop 5 (any number)",
                "aller à l’étape 5 (tout numéro)",
            ),
            Self::SeveralPresenters => (
                "several presenters: following the latest",
                "plusieurs présentations : la plus récente est suivie",
            ),
            Self::MoreAbove => ("more above", "début plus haut"),
            Self::Blanked => ("screen blanked", "écran noir"),
            Self::Notes => ("Facilitator notes", "Notes d’animation"),
            Self::EndOfTour => ("end of the tour", "fin de la visite"),
            Self::Behind => ("behind", "de retard"),
            Self::Ahead => ("ahead", "d’avance"),
            Self::OnTime => ("on time", "à l’heure"),
            Self::EditorialHeadings => (
                "Headings in [square brackets] were added for this edition; they are not in the \
                 original text.",
                "Les titres entre [crochets] ont été ajoutés pour cette édition\u{a0}; ils ne \
                 figurent pas dans le texte d’origine.",
            ),
            Self::HandoutNotes => ("Notes", "Notes"),
            Self::HandoutSources => ("Sources", "Sources"),
            Self::HandoutTour => (
                "Guided tour: questions for discussion",
                "Visite guidée : questions pour la discussion",
            ),
            Self::SeeNote => ("see note", "voir la note"),
        };
        lang.pick(en, fr)
    }
}

/// "no match for ‘x’", translated (the query is shown as typed, sanitised by the caller).
pub fn not_found(lang: Lang, query: &str) -> String {
    match lang {
        Lang::En => format!("no match for ‘{query}’"),
        Lang::Fr => format!("aucune occurrence de « {query} »"),
    }
}

/// "3 annotations" / "1 passage", with the plural.
pub fn count_of(lang: Lang, count: usize, what: (&str, &str, &str, &str)) -> String {
    let (en_one, en_many, fr_one, fr_many) = what;
    let word = match (lang, count) {
        (Lang::En, 1) => en_one,
        (Lang::En, _) => en_many,
        (Lang::Fr, 0 | 1) => fr_one,
        (Lang::Fr, _) => fr_many,
    };
    format!("{count} {word}")
}

/// Words between French quotation marks, unless they already open with one: « words ».
pub fn guillemets(words: &str) -> String {
    let trimmed = words.trim();
    if trimmed.starts_with(['«', '“', '"', '‘']) {
        trimmed.to_owned()
    } else {
        format!("« {trimmed} »")
    }
}

/// Words between the quotation marks of the interface language, unless they already open with
/// one: « words » in French, “words” in English.
pub fn quoted(lang: Lang, words: &str) -> String {
    let trimmed = words.trim();
    match lang {
        Lang::Fr => guillemets(trimmed),
        Lang::En if trimmed.starts_with(['«', '“', '"', '‘']) => trimmed.to_owned(),
        Lang::En => format!("“{trimmed}”"),
    }
}

/// "source 2", translated (a number in a handout's source list).
pub fn source_number(lang: Lang, number: usize) -> String {
    format!("{} {number}", lang.pick("source", "source"))
}

/// "No. 3 in the article's reference list", translated.
pub fn reference_number(lang: Lang, number: u32) -> String {
    match lang {
        Lang::En => format!("No. {number} in the article’s own reference list"),
        Lang::Fr => format!("Référence n° {number} de la bibliographie de l’article"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_picks_the_first_set_variable() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| (*v).to_owned())
            }
        };
        let fr = Some(Lang::Fr);
        let en = Some(Lang::En);
        assert_eq!(Lang::from_locale_vars(env(&[("LANG", "fr_FR.UTF-8")])), fr);
        assert_eq!(Lang::from_locale_vars(env(&[("LANG", "en_GB.UTF-8")])), en);
        assert_eq!(Lang::from_locale_vars(env(&[("LC_MESSAGES", "fr_CA")])), fr);
        // The first variable set decides, even when it names no language.
        assert_eq!(
            Lang::from_locale_vars(env(&[("LC_ALL", "C"), ("LANG", "fr_FR.UTF-8")])),
            None
        );
        for unknown in ["C", "POSIX", "C.UTF-8", "de_DE.UTF-8", "french"] {
            let lang = |name: &str| (name == "LANG").then(|| unknown.to_owned());
            assert_eq!(Lang::from_locale_vars(lang), None, "{unknown}");
        }
        assert_eq!(Lang::from_locale_vars(env(&[])), None);
        assert_eq!(Lang::from_locale_vars(env(&[("LANG", "")])), None);
    }

    #[test]
    fn option_then_settings_then_locale_then_the_article() {
        let (fr, en) = (Some(Lang::Fr), Some(Lang::En));
        assert_eq!(Lang::choose(en, fr, fr, Some("fr")), Lang::En);
        assert_eq!(Lang::choose(None, en, fr, Some("fr")), Lang::En);
        assert_eq!(Lang::choose(None, None, en, Some("fr")), Lang::En);
        // A locale glose does not speak: the article's language.
        assert_eq!(Lang::choose(None, None, None, Some("fr")), Lang::Fr);
        assert_eq!(Lang::choose(None, None, None, Some("fr-CA")), Lang::Fr);
        assert_eq!(Lang::choose(None, None, None, Some("en")), Lang::En);
        // Neither speaks a language glose has: English.
        assert_eq!(Lang::choose(None, None, None, Some("de")), Lang::En);
        assert_eq!(Lang::choose(None, None, None, None), Lang::En);
    }
}

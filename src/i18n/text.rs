//! The interface's fixed words, in English and French: the side pane, the help, the lists, the
//! notes and bookmarks, the editor, the tour and the presenter.

use super::Lang;

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
    HintEdit,
    HintDelete,
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
    /// Help, while following a room: the keys while its poll is open.
    InThePoll,
    /// Help, while following a room: the keys while a guess is typed.
    InAGuess,
    /// Help: what a number before a motion does.
    CountHelp,
    InTheEditor,
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
                 highlight; in a list a click picks an entry, a second click goes there",
                "la molette fait défiler le panneau sous le pointeur ; un clic active un panneau \
                 ou sélectionne un passage surligné ; dans une liste un clic choisit une entrée, \
                 un second clic y va",
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
            Self::HintEdit => ("edit", "modifier"),
            Self::HintDelete => ("delete", "supprimer"),
            Self::NotCitedByAny => ("cited by no annotation", "citée par aucune annotation"),
            Self::InLists => ("In lists", "Dans les listes"),
            Self::InLists2 => (
                "index, sources, contents, notes, bookmarks — the same keys in all five: the \
                 reader's movement keys and counts (5j, 12G) move, Enter goes to the entry, q \
                 and Esc close; / filters the first three",
                "index, sources, table des matières, notes, signets — les mêmes touches dans les \
                 cinq : celles du lecteur et les nombres (5j, 12G) déplacent, Entrée y va, q et \
                 Échap ferment ; / filtre les trois premières",
            ),
            Self::InSearchLine => ("Search line", "Ligne de recherche"),
            Self::Counts => ("Counts", "Nombres"),
            Self::SearchLineHelp => (
                "every other key is typed; the search goes as you type; / then Enter repeats \
                 the last search",
                "toute autre touche s’écrit ; la recherche se fait à la frappe ; / puis Entrée \
                 répète la dernière recherche",
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
            Self::InTheLists => (
                "The lists: index, sources, contents, notes, bookmarks",
                "Les listes : index, sources, table des matières, notes, signets",
            ),
            Self::InTheOverlays => ("This help and the problems", "Cette aide et les problèmes"),
            Self::InThePoll => (
                "Following the room, while its poll is open",
                "En suivant la salle, quand son sondage est ouvert",
            ),
            Self::InAGuess => (
                "Typing a guess (digits, a comma or a point)",
                "En tapant une estimation (chiffres, virgule ou point)",
            ),
            Self::InAQuestion => (
                "A question (delete? keep the changes?)",
                "Une question (supprimer ? garder les modifications ?)",
            ),
            Self::CountHelp => (
                "a number before a motion repeats it (5j, 3 Space) in the part where it was typed; 12G or 12g goes to line 12 of that part; a digit alone goes to its part (2 Esc g: top of part 2)",
                "un nombre avant un déplacement le répète (5j, 3 Espace) dans la partie où il a été tapé ; 12G ou 12g va à la ligne 12 de cette partie ; un chiffre seul va à sa partie (2 Échap g : début de la partie 2)",
            ),
            Self::InTheEditor => ("Note editor", "Éditeur de note"),
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

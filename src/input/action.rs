//! Everything a user (or a test, or the presenter) can ask the reader to do.
//!
//! Keys and mouse events become `Action`s through the keymap; `App::update` applies them. The
//! serde names (`line_down`, `next_annotation`) are the vocabulary of key remapping, and
//! `describe` is the text of the help screen, so help and behaviour cannot disagree.

use super::edit::Edit;
use crate::i18n::Lang;
use crate::i18n::actions as msg;

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
    /// A digit 0..=9 where a number is typed: a stop's number in the presenter (`5` of `5G`),
    /// the answer to the room's poll while following it (`Mode::Poll`), a guess (`Mode::Guess`
    /// types its digits as text).
    #[serde(skip)]
    Digit(u8),
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
    /// Open the search line (in a list: filter the list).
    Search,
    SearchNext,
    SearchPrev,
    /// The index of every annotation.
    ToggleIndex,
    /// The sources and the annotations citing each.
    ToggleSources,
    /// The table of contents with reading progress.
    ToggleContents,
    /// The problems `glose check` finds in a draft's files.
    ToggleProblems,
    /// A key typed into a text: the search line, a list's filter, the note editor (the
    /// `Line` and `Editor` tables).
    #[serde(skip)]
    Edit(Edit),
    /// Set a bookmark on the first paragraph on screen in the focused pane, or remove it.
    ToggleBookmark,
    /// Open the list of bookmarks.
    ShowBookmarks,
    /// Write or edit a note on the selected annotation, else on the first paragraph on screen.
    EditNote,
    /// Open the list of notes.
    ShowNotes,
    /// In a list: go to the entry's place in the text.
    ListOpen,
    /// In the notes list: edit the note.
    ListEdit,
    /// In a list: delete the entry (asks first).
    ListDelete,
    /// In the index: the next kind of annotation (all, figures, quotes, sources, terms).
    #[serde(rename = "cycle_kind")]
    NextKind,
    /// In the index: the previous kind of annotation.
    #[serde(rename = "cycle_kind_back")]
    PrevKind,
    /// In the note editor: save and close.
    NoteSave,
    /// In the note editor: close (asks first when there are unsaved changes).
    NoteClose,
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
    /// Presenter: pause the clocks, or start them again.
    PauseClock,
    /// Presenter: every clock back to 0:00 (asks first).
    ResetClock,
    /// Presenter with a room (`--room`): the join address full screen, with a QR code.
    ShowJoin,
    /// Following a room (`glose follow`): back to the stop the room is on.
    Rejoin,
    /// Presenter, when a restart offers the previous session back: resume it.
    ResumeSession,
    /// Presenter, when a restart offers the previous session back: start a new one.
    NewSession,
    /// Stop glose like a shell job (Ctrl-Z); `fg` brings it back.
    Suspend,
    /// Close the overlay on screen (the help, a list): back to the reader.
    Close,
    /// The answer "yes" to a question.
    Yes,
    /// The answer "no" to a question.
    No,
    /// Leave a question unanswered: back to what was on screen before it.
    Back,
    /// Open the selected annotation's source address with the system's opener (the browser).
    OpenSource,
    /// Copy the selected annotation's source as a citation (author, title, publisher, date,
    /// address) to the clipboard, through the terminal (OSC 52).
    CopyCitation,
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
    /// Whether a count typed before it repeats it (`5j`, `3 Space`) or, for `g` and `G`, names
    /// a line (`12G`).
    pub fn takes_count(self) -> bool {
        matches!(
            self,
            Self::LineDown
                | Self::LineUp
                | Self::PageDown
                | Self::PageUp
                | Self::HalfPageDown
                | Self::HalfPageUp
                | Self::Top
                | Self::Bottom
                | Self::NextAnnotation
                | Self::PrevAnnotation
                | Self::SearchNext
                | Self::SearchPrev
        )
    }

    /// Every action a key can be bound to (in `config.toml`'s `[keys]`), in help order.
    pub fn bindable() -> Vec<Self> {
        let mut all = vec![
            Self::Quit,
            Self::LineDown,
            Self::LineUp,
            Self::PageDown,
            Self::PageUp,
            Self::HalfPageDown,
            Self::HalfPageUp,
            Self::Top,
            Self::Bottom,
        ];
        all.extend((1..=9).map(Self::FocusPane));
        all.extend([
            Self::PrevPane,
            Self::NextPane,
            Self::NextAnnotation,
            Self::PrevAnnotation,
            Self::SelectVisible,
            Self::ClearSelection,
            Self::ToggleMarks,
            Self::ToggleSidePane,
            Self::SideDown,
            Self::SideUp,
            Self::ToggleHelp,
            Self::Search,
            Self::SearchNext,
            Self::SearchPrev,
            Self::ToggleIndex,
            Self::ToggleSources,
            Self::ToggleContents,
            Self::ToggleProblems,
            Self::ToggleTour,
            Self::NextStop,
            Self::PrevStop,
            Self::FirstStop,
            Self::LastStop,
            Self::Present,
            Self::LeavePresenter,
            Self::Blank,
            Self::RevealVerdict,
            Self::PauseClock,
            Self::ResetClock,
            Self::ShowJoin,
            Self::Rejoin,
            Self::ResumeSession,
            Self::NewSession,
        ]);
        all.extend((0..=9).map(Self::Digit));
        all.extend([
            Self::ToggleBookmark,
            Self::ShowBookmarks,
            Self::EditNote,
            Self::ShowNotes,
            Self::OpenSource,
            Self::CopyCitation,
            Self::ListOpen,
            Self::ListEdit,
            Self::ListDelete,
            Self::NextKind,
            Self::PrevKind,
            Self::NoteSave,
            Self::NoteClose,
            Self::Suspend,
            Self::Close,
            Self::Yes,
            Self::No,
            Self::Back,
        ]);
        all.extend(Edit::BINDABLE.map(Self::Edit));
        all
    }

    /// The action's name in `config.toml` (`next_annotation`, `focus_pane_2`); `None` for the
    /// events that are not keys (resize, mouse, a typed character).
    pub fn name(self) -> Option<String> {
        let name = match self {
            Self::Quit => "quit",
            Self::LineDown => "line_down",
            Self::LineUp => "line_up",
            Self::PageDown => "page_down",
            Self::PageUp => "page_up",
            Self::HalfPageDown => "half_page_down",
            Self::HalfPageUp => "half_page_up",
            Self::Top => "top",
            Self::Bottom => "bottom",
            Self::FocusPane(n) => return Some(format!("focus_pane_{n}")),
            Self::Digit(n) => return Some(format!("digit_{n}")),
            Self::PrevPane => "prev_pane",
            Self::NextPane => "next_pane",
            Self::NextAnnotation => "next_annotation",
            Self::PrevAnnotation => "prev_annotation",
            Self::SelectVisible => "select_visible",
            Self::ClearSelection => "clear_selection",
            Self::ToggleMarks => "toggle_marks",
            Self::ToggleSidePane => "toggle_side_pane",
            Self::SideDown => "side_down",
            Self::SideUp => "side_up",
            Self::ToggleHelp => "toggle_help",
            Self::Search => "search",
            Self::SearchNext => "search_next",
            Self::SearchPrev => "search_prev",
            Self::ToggleIndex => "toggle_index",
            Self::ToggleSources => "toggle_sources",
            Self::ToggleContents => "toggle_contents",
            Self::ToggleProblems => "toggle_problems",
            Self::ToggleTour => "toggle_tour",
            Self::NextStop => "next_stop",
            Self::PrevStop => "prev_stop",
            Self::FirstStop => "first_stop",
            Self::LastStop => "last_stop",
            Self::Present => "present",
            Self::LeavePresenter => "leave_presenter",
            Self::Blank => "blank",
            Self::RevealVerdict => "reveal_verdict",
            Self::PauseClock => "pause_clock",
            Self::ResetClock => "reset_clock",
            Self::ShowJoin => "show_join",
            Self::Rejoin => "rejoin",
            Self::ResumeSession => "resume_session",
            Self::NewSession => "new_session",
            Self::ToggleBookmark => "toggle_bookmark",
            Self::ShowBookmarks => "show_bookmarks",
            Self::EditNote => "edit_note",
            Self::ShowNotes => "show_notes",
            Self::OpenSource => "open_source",
            Self::CopyCitation => "copy_citation",
            Self::ListOpen => "list_open",
            Self::ListEdit => "list_edit",
            Self::ListDelete => "list_delete",
            Self::NextKind => "cycle_kind",
            Self::PrevKind => "cycle_kind_back",
            Self::NoteSave => "note_save",
            Self::NoteClose => "note_close",
            Self::Suspend => "suspend",
            Self::Close => "close",
            Self::Yes => "yes",
            Self::No => "no",
            Self::Back => "back",
            Self::Edit(edit) => return edit.name().map(str::to_owned),
            Self::Resize(..) | Self::Click(..) | Self::Wheel(..) => return None,
        };
        Some(name.to_owned())
    }

    /// The action a `config.toml` name stands for. The notes and bookmarks lists' older
    /// names are still read: `list_next`, `list_prev` and `list_close` are every list's
    /// `line_down`, `line_up` and `close` now.
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "list_next" => return Some(Self::LineDown),
            "list_prev" => return Some(Self::LineUp),
            "list_close" => return Some(Self::Close),
            _ => {}
        }
        Self::bindable()
            .into_iter()
            .find(|a| a.name().as_deref() == Some(name))
    }

    /// One line for the help screen of `mode`: the same words as `describe`, except where an
    /// action means something else there (`g` in the notes window, `Esc` in `glose present`).
    pub fn describe_in(
        self,
        mode: super::keymap::Mode,
        quit_on_close: bool,
        lang: Lang,
    ) -> &'static str {
        use super::keymap::Mode;
        match (mode, self) {
            (Mode::NotesWindow, Self::Top) => msg::top_notes(lang),
            (Mode::NotesWindow, Self::LineDown) => msg::scroll_notes_down(lang),
            (Mode::NotesWindow, Self::LineUp) => msg::scroll_notes_up(lang),
            (Mode::Editor, Self::Edit(Edit::Up)) => msg::up_row(lang),
            (Mode::Editor, Self::Edit(Edit::Down)) => msg::down_row(lang),
            (Mode::Line, Self::Edit(Edit::Up)) => msg::list_under_filter_entry_above(lang),
            (Mode::Line, Self::Edit(Edit::Down)) => msg::list_under_filter_entry_below(lang),
            (Mode::List, Self::LineDown) => msg::next_entry(lang),
            (Mode::List, Self::LineUp) => msg::previous_entry(lang),
            (Mode::List, Self::Search) => msg::filter_index_sources_contents(lang),
            (Mode::List, Self::Close) => msg::close_list(lang),
            (Mode::List, Self::Top) => msg::first_entry(lang),
            (Mode::List, Self::Bottom) => msg::last_entry(lang),
            (Mode::List, Self::PageDown) => msg::list_page_down(lang),
            (Mode::List, Self::PageUp) => msg::list_page_up(lang),
            (Mode::Presenter, Self::LeavePresenter) if quit_on_close => msg::presenter_quit(lang),
            (Mode::Poll, Self::Digit(_)) => msg::answer_poll(lang),
            (Mode::Guess, Self::Edit(Edit::Confirm)) => msg::send_guess(lang),
            (Mode::Guess, Self::Edit(Edit::Cancel)) => msg::drop_guess(lang),
            _ => self.describe(lang),
        }
    }

    /// One line for the help screen, in the interface language.
    pub fn describe(self, lang: Lang) -> &'static str {
        match self {
            Self::Quit => msg::quit(lang),
            Self::LineDown => msg::line_down(lang),
            Self::LineUp => msg::line_up(lang),
            Self::PageDown => msg::page_down(lang),
            Self::PageUp => msg::page_up(lang),
            Self::HalfPageDown => msg::half_page_down(lang),
            Self::HalfPageUp => msg::half_page_up(lang),
            Self::Top => msg::top(lang),
            Self::Bottom => msg::bottom(lang),
            Self::FocusPane(_) => msg::focus_pane(lang),
            Self::Digit(_) => msg::stop_number(lang),
            Self::PrevPane => msg::prev_pane(lang),
            Self::NextPane => msg::next_pane(lang),
            Self::NextAnnotation => msg::next_annotation(lang),
            Self::PrevAnnotation => msg::prev_annotation(lang),
            Self::SelectVisible => msg::select_visible(lang),
            Self::ClearSelection => msg::clear_selection(lang),
            Self::ToggleMarks => msg::toggle_marks(lang),
            Self::ToggleSidePane => msg::toggle_side_pane(lang),
            Self::SideDown => msg::side_down(lang),
            Self::SideUp => msg::side_up(lang),
            Self::ToggleHelp => msg::toggle_help(lang),
            Self::Search => msg::search(lang),
            Self::SearchNext => msg::search_next(lang),
            Self::SearchPrev => msg::search_prev(lang),
            Self::ToggleIndex => msg::toggle_index(lang),
            Self::ToggleSources => msg::toggle_sources(lang),
            Self::ToggleContents => msg::toggle_contents(lang),
            Self::ToggleProblems => msg::toggle_problems(lang),
            Self::ToggleBookmark => msg::toggle_bookmark(lang),
            Self::ShowBookmarks => msg::show_bookmarks(lang),
            Self::EditNote => msg::edit_note(lang),
            Self::ShowNotes => msg::show_notes(lang),
            Self::OpenSource => msg::open_source(lang),
            Self::CopyCitation => msg::copy_citation(lang),
            Self::ListOpen => msg::list_open(lang),
            Self::ListEdit => msg::list_edit(lang),
            Self::ListDelete => msg::list_delete(lang),
            Self::NextKind => msg::next_kind(lang),
            Self::PrevKind => msg::prev_kind(lang),
            Self::NoteSave => msg::note_save(lang),
            Self::NoteClose => msg::note_close(lang),
            Self::ToggleTour => msg::toggle_tour(lang),
            Self::NextStop => msg::next_stop(lang),
            Self::PrevStop => msg::prev_stop(lang),
            Self::FirstStop => msg::first_stop(lang),
            Self::LastStop => msg::last_stop(lang),
            Self::Present => msg::present(lang),
            Self::LeavePresenter => msg::leave_presenter(lang),
            Self::Blank => msg::blank(lang),
            Self::RevealVerdict => msg::reveal_verdict(lang),
            Self::PauseClock => msg::pause_clock(lang),
            Self::ResetClock => msg::reset_clock(lang),
            Self::ShowJoin => msg::show_join(lang),
            Self::Rejoin => msg::rejoin(lang),
            Self::ResumeSession => msg::resume_session(lang),
            Self::NewSession => msg::new_session(lang),
            Self::Suspend => msg::suspend(lang),
            Self::Close => msg::close(lang),
            Self::Yes => msg::yes(lang),
            Self::No => msg::no(lang),
            Self::Back => msg::back(lang),
            Self::Edit(edit) => edit.describe(lang),
            Self::Resize(..) | Self::Click(..) | Self::Wheel(..) => "",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_agree_with_serde_and_round_trip() {
        for action in Action::bindable() {
            let name = action.name().unwrap();
            assert_eq!(Action::from_name(&name), Some(action), "{name}");
            if !matches!(
                action,
                Action::FocusPane(_) | Action::Digit(_) | Action::Edit(_)
            ) {
                let serde_name: String = toml::Value::try_from(action)
                    .unwrap()
                    .as_str()
                    .unwrap()
                    .to_owned();
                assert_eq!(serde_name, name);
            }
            for lang in [Lang::En, Lang::Fr] {
                assert!(!action.describe(lang).is_empty(), "{name} has help text");
            }
        }
        assert_eq!(Action::from_name("focus_pane_0"), None);
        assert_eq!(Action::from_name("digit_7"), Some(Action::Digit(7)));
        assert_eq!(Action::from_name("digit_10"), None);
        assert_eq!(Action::from_name("resize"), None);
    }
}

//! The reader's small state between two frames (`View`: focus, a top row per pane, the
//! selection, the overlay, the lists' cursors…), the overlays it can show, its one-key
//! messages and the screen settings. Plain data: `App` changes it, `ui` reads it.

use super::editor::Editor;
use super::find::SearchState;
use super::list_state::ListState;
use super::lookup::IndexState;
use crate::i18n::Text;
use crate::layout::PaneLayout;
use crate::layout::screen::MAX_TEXT_WIDTH;

/// A pane's scroll position, kept in two units so it survives a change of size: the reading
/// position the reader chose (`byte`, `lead`), which only scrolling changes, and the row at the
/// top of the pane for the layout at `width`, derived from it (the row of that position, or the
/// last row that still fills the pane when the position is too near the end to be at the top).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Top {
    pub row: usize,
    pub width: usize,
    pub byte: usize,
    /// Rows before `row` that share its anchor byte (see `PaneLayout::position_of_row`).
    pub lead: usize,
}

impl Top {
    /// The top at `row` of a layout.
    pub(super) fn at(layout: &PaneLayout, row: usize) -> Self {
        let (byte, lead) = layout.position_of_row(row);
        Self {
            row,
            width: layout.width,
            byte,
            lead,
        }
    }
}

/// The row showing a byte of the text: the last row anchored at or before it (past the heading
/// and blank rows that share a paragraph's anchor).
pub(crate) fn row_of_byte(layout: &PaneLayout, byte: usize) -> usize {
    layout.row_of_position(byte, layout.rows.len())
}

/// Which overlay covers the reader, if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    Help,
    /// The list of the reader's notes.
    Notes,
    /// The list of bookmarks.
    Bookmarks,
    /// Every annotation, filterable by kind and by text (`lookup::index_entries`).
    Index,
    /// The sources, each with the annotations citing it.
    Sources,
    /// The parts, with reading progress.
    Contents,
    /// The problems of a draft (`!`): `glose check`'s messages.
    Problems,
}

/// A one-off message for the status line; cleared by the next key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    /// The query found nothing.
    NotFound(String),
    /// `n` with no search yet.
    NoSearch,
    /// `n` went past the last match to the first (`to_top`), or `N` the other way.
    SearchWrapped { to_top: bool },
    /// Enter on a source that no annotation cites.
    NotCited,
}

/// Settings that shape the screen (from `config.toml`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Prefs {
    /// Width of the side pane in columns when it is on the right; `None` is automatic.
    pub side_width: Option<u16>,
    /// Widest line of text; wider panes centre their text.
    pub max_text_width: u16,
}

impl Default for Prefs {
    fn default() -> Self {
        Self {
            side_width: None,
            max_text_width: MAX_TEXT_WIDTH,
        }
    }
}

/// Everything the reader remembers between two frames.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct View {
    /// Terminal size (columns, rows).
    pub size: (u16, u16),
    /// Index of the focused pane.
    pub focus: usize,
    /// One per pane.
    pub tops: Vec<Top>,
    /// Index into `Article::annotations`.
    pub selected: Option<usize>,
    /// Index into `Article::links` of the selected link (never with `selected`; `links`).
    pub link: Option<usize>,
    pub overlay: Option<Overlay>,
    pub marks_hidden: bool,
    /// `Some(shown)` once the reader toggled the side pane; `None` is automatic.
    pub side_pref: Option<bool>,
    /// First row of the side pane's content shown.
    pub side_scroll: usize,
    /// First row of the help shown (when it is longer than the screen).
    pub help_scroll: usize,
    /// The note editor, when open (it takes the keys before anything else).
    pub editor: Option<Editor>,
    /// The notes list's cursor and scroll.
    pub notes: ListState,
    /// The bookmarks list's cursor and scroll.
    pub bookmarks: ListState,
    /// `x` was pressed in the notes or bookmarks list: asking before deleting.
    pub confirm_delete: bool,
    /// A one-line message for the status line (cleared by the next key).
    pub message: Option<String>,
    /// A one-key message for the status line ("this text has no guided tour").
    pub notice: Option<Text>,
    pub search: SearchState,
    pub index: IndexState,
    pub sources: ListState,
    pub contents: ListState,
    /// Per pane, the furthest byte of the text that has been on screen (reading progress).
    pub seen: Vec<usize>,
    /// A one-key message from the search or the lookup lists (cleared by the next key).
    pub flash: Option<Message>,
    /// A count typed before a motion (`5` of `5j`), with the pane focused before its first
    /// digit.
    pub count: Option<(usize, usize)>,
}

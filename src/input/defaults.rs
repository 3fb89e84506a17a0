//! The default keys of every mode, written once, as data: `(key, action)` rows in the order
//! the help lists them. `Keymap::default` is these tables; `config.toml`'s `[keys.<mode>]`
//! tables are applied over them (`config::keys`), and the help, the status-line hints and the
//! README's key tables are generated from them (`GLOSE_BLESS=1 cargo test --test keys`).

use ratatui::crossterm::event::KeyCode as K;

use super::action::Action as A;
use super::chord::KeyChord;
use super::edit::Edit as E;
use super::keymap::Mode;

const fn p(code: K) -> KeyChord {
    KeyChord::plain(code)
}

const fn c(ch: char) -> KeyChord {
    KeyChord::plain(K::Char(ch))
}

const fn ctrl(ch: char) -> KeyChord {
    KeyChord::ctrl(ch)
}

const fn ctrl_key(code: K) -> KeyChord {
    KeyChord {
        code,
        ctrl: true,
        alt: false,
    }
}

const fn alt_key(code: K) -> KeyChord {
    KeyChord {
        code,
        ctrl: false,
        alt: true,
    }
}

/// The reader's keys (the tour and the overlays fall back to them).
const READER: &[(KeyChord, A)] = &[
    (c('j'), A::LineDown),
    (p(K::Down), A::LineDown),
    (ctrl('e'), A::LineDown),
    (c('k'), A::LineUp),
    (p(K::Up), A::LineUp),
    (ctrl('y'), A::LineUp),
    (c(' '), A::PageDown),
    (p(K::PageDown), A::PageDown),
    (ctrl('f'), A::PageDown),
    (c('b'), A::PageUp),
    (p(K::PageUp), A::PageUp),
    (ctrl('b'), A::PageUp),
    (c('d'), A::HalfPageDown),
    (ctrl('d'), A::HalfPageDown),
    (c('u'), A::HalfPageUp),
    (ctrl('u'), A::HalfPageUp),
    (c('g'), A::Top),
    (p(K::Home), A::Top),
    (c('G'), A::Bottom),
    (p(K::End), A::Bottom),
    (c('1'), A::FocusPane(1)),
    (c('2'), A::FocusPane(2)),
    (c('3'), A::FocusPane(3)),
    (c('4'), A::FocusPane(4)),
    (c('5'), A::FocusPane(5)),
    (c('6'), A::FocusPane(6)),
    (c('7'), A::FocusPane(7)),
    (c('8'), A::FocusPane(8)),
    (c('9'), A::FocusPane(9)),
    (c('h'), A::PrevPane),
    (p(K::Left), A::PrevPane),
    (c('l'), A::NextPane),
    (p(K::Right), A::NextPane),
    (p(K::Tab), A::NextAnnotation),
    (p(K::BackTab), A::PrevAnnotation),
    (p(K::Enter), A::SelectVisible),
    (p(K::Esc), A::ClearSelection),
    (c('J'), A::SideDown),
    (c('K'), A::SideUp),
    (c('/'), A::Search),
    (c('n'), A::SearchNext),
    (c('N'), A::SearchPrev),
    (c('i'), A::ToggleIndex),
    (c('S'), A::ToggleSources),
    (c('c'), A::ToggleContents),
    (c('!'), A::ToggleProblems),
    (c('s'), A::ToggleSidePane),
    (c('m'), A::ToggleMarks),
    (c('a'), A::EditNote),
    (c('A'), A::ShowNotes),
    (c('B'), A::ToggleBookmark),
    (c('\''), A::ShowBookmarks),
    (c('o'), A::OpenSource),
    (c('y'), A::CopyCitation),
    (c('t'), A::ToggleTour),
    (c('p'), A::Present),
    (c('F'), A::Rejoin),
    (c('?'), A::ToggleHelp),
    (ctrl('z'), A::Suspend),
    (c('q'), A::Quit),
    (ctrl('c'), A::Quit),
];

/// Over the reader while the guided tour is on: `→` means the next stop, not the next pane.
const TOUR: &[(KeyChord, A)] = &[
    (p(K::Right), A::NextStop),
    (c(']'), A::NextStop),
    (p(K::Left), A::PrevStop),
    (c('['), A::PrevStop),
    (c('t'), A::ToggleTour),
    (p(K::Esc), A::ToggleTour),
];

/// Over the tour while following a room on its stop with the stop's poll open (`glose
/// follow`): a digit answers it (a choice's number, or the first digit of a guess).
const POLL: &[(KeyChord, A)] = &[
    (c('0'), A::Digit(0)),
    (c('1'), A::Digit(1)),
    (c('2'), A::Digit(2)),
    (c('3'), A::Digit(3)),
    (c('4'), A::Digit(4)),
    (c('5'), A::Digit(5)),
    (c('6'), A::Digit(6)),
    (c('7'), A::Digit(7)),
    (c('8'), A::Digit(8)),
    (c('9'), A::Digit(9)),
];

/// A guess being typed for the room's poll: digits, `,` and `.` are typed, every other key
/// does nothing until `Enter` sends it or `Esc` drops it.
const GUESS: &[(KeyChord, A)] = &[
    (p(K::Enter), A::Edit(E::Confirm)),
    (p(K::Esc), A::Edit(E::Cancel)),
    (ctrl('c'), A::Edit(E::Cancel)),
    (p(K::Backspace), A::Edit(E::Backspace)),
    (ctrl('h'), A::Edit(E::Backspace)),
    (ctrl('z'), A::Suspend),
];

/// Over the reader while the help or the problems list is open.
const OVERLAY: &[(KeyChord, A)] = &[(c('q'), A::Close), (p(K::Esc), A::Close)];

/// The five lists: the index, the sources, the contents, the notes and the bookmarks. They
/// replace the reader's keys, and move the way the reader scrolls (`j`, `Ctrl-d`, `d`, `5j`,
/// `G`, `12G`), so a key means the same in every list.
const LIST: &[(KeyChord, A)] = &[
    (c('j'), A::LineDown),
    (p(K::Down), A::LineDown),
    (ctrl('e'), A::LineDown),
    (c('k'), A::LineUp),
    (p(K::Up), A::LineUp),
    (ctrl('y'), A::LineUp),
    (c(' '), A::PageDown),
    (p(K::PageDown), A::PageDown),
    (ctrl('f'), A::PageDown),
    (c('b'), A::PageUp),
    (p(K::PageUp), A::PageUp),
    (ctrl('b'), A::PageUp),
    (c('d'), A::HalfPageDown),
    (ctrl('d'), A::HalfPageDown),
    (c('u'), A::HalfPageUp),
    (ctrl('u'), A::HalfPageUp),
    (c('g'), A::Top),
    (p(K::Home), A::Top),
    (c('G'), A::Bottom),
    (p(K::End), A::Bottom),
    (p(K::Enter), A::ListOpen),
    (c('/'), A::Search),
    (p(K::Tab), A::NextKind),
    (p(K::BackTab), A::PrevKind),
    (c('e'), A::ListEdit),
    (c('x'), A::ListDelete),
    (p(K::Delete), A::ListDelete),
    (c('i'), A::ToggleIndex),
    (c('S'), A::ToggleSources),
    (c('c'), A::ToggleContents),
    (c('A'), A::ShowNotes),
    (c('\''), A::ShowBookmarks),
    (c('?'), A::ToggleHelp),
    (c('q'), A::Close),
    (p(K::Esc), A::Close),
    (ctrl('z'), A::Suspend),
    (ctrl('c'), A::Quit),
];

/// The search line and a list's filter, readline-style; every other character is typed.
const LINE: &[(KeyChord, A)] = &[
    (p(K::Enter), A::Edit(E::Confirm)),
    (p(K::Esc), A::Edit(E::Cancel)),
    (ctrl('c'), A::Edit(E::Cancel)),
    (ctrl('g'), A::Edit(E::Cancel)),
    (p(K::Backspace), A::Edit(E::Backspace)),
    (ctrl('h'), A::Edit(E::Backspace)),
    (p(K::Delete), A::Edit(E::Delete)),
    (ctrl('d'), A::Edit(E::Delete)),
    (ctrl('w'), A::Edit(E::DeleteWord)),
    (ctrl('u'), A::Edit(E::Clear)),
    (p(K::Left), A::Edit(E::Left)),
    (ctrl('b'), A::Edit(E::Left)),
    (p(K::Right), A::Edit(E::Right)),
    (ctrl('f'), A::Edit(E::Right)),
    (ctrl_key(K::Left), A::Edit(E::WordLeft)),
    (alt_key(K::Left), A::Edit(E::WordLeft)),
    (ctrl_key(K::Right), A::Edit(E::WordRight)),
    (alt_key(K::Right), A::Edit(E::WordRight)),
    (p(K::Home), A::Edit(E::Home)),
    (ctrl('a'), A::Edit(E::Home)),
    (p(K::End), A::Edit(E::End)),
    (ctrl('e'), A::Edit(E::End)),
    (p(K::Down), A::Edit(E::Down)),
    (ctrl('n'), A::Edit(E::Down)),
    (ctrl('j'), A::Edit(E::Down)),
    (p(K::Up), A::Edit(E::Up)),
    (ctrl('p'), A::Edit(E::Up)),
    (ctrl('k'), A::Edit(E::Up)),
    (p(K::PageDown), A::Edit(E::PageDown)),
    (p(K::PageUp), A::Edit(E::PageUp)),
    (p(K::Tab), A::Edit(E::Next)),
    (p(K::BackTab), A::Edit(E::Prev)),
    (ctrl('z'), A::Suspend),
];

/// The note editor: its commands, then the keys that move and delete; every other character
/// is typed.
const EDITOR: &[(KeyChord, A)] = &[
    (ctrl('s'), A::NoteSave),
    (p(K::Esc), A::NoteClose),
    (ctrl('c'), A::NoteClose),
    (p(K::Enter), A::Edit(E::Newline)),
    (p(K::Backspace), A::Edit(E::Backspace)),
    (p(K::Delete), A::Edit(E::Delete)),
    (ctrl('w'), A::Edit(E::DeleteWord)),
    (ctrl('u'), A::Edit(E::Clear)),
    (p(K::Left), A::Edit(E::Left)),
    (p(K::Right), A::Edit(E::Right)),
    (ctrl_key(K::Left), A::Edit(E::WordLeft)),
    (alt_key(K::Left), A::Edit(E::WordLeft)),
    (ctrl_key(K::Right), A::Edit(E::WordRight)),
    (alt_key(K::Right), A::Edit(E::WordRight)),
    (p(K::Up), A::Edit(E::Up)),
    (p(K::Down), A::Edit(E::Down)),
    (p(K::Home), A::Edit(E::Home)),
    (ctrl('a'), A::Edit(E::Home)),
    (p(K::End), A::Edit(E::End)),
    (ctrl('e'), A::Edit(E::End)),
    (ctrl_key(K::Home), A::Edit(E::TextStart)),
    (ctrl_key(K::End), A::Edit(E::TextEnd)),
    (ctrl('z'), A::Suspend),
];

/// The answers to a yes/no question.
const CONFIRM: &[(KeyChord, A)] = &[
    (c('y'), A::Yes),
    (c('Y'), A::Yes),
    (c('o'), A::Yes),
    (c('O'), A::Yes),
    (c('n'), A::No),
    (c('N'), A::No),
    (p(K::Esc), A::Back),
    (ctrl('z'), A::Suspend),
];

/// The presenter (`p`, `glose present`): what slide software and presentation remotes send
/// (arrows, Page Up/Down, Space, `b` and `.` to blank) plus the reader's habits (`h`/`l`,
/// `g`/`G`, and `↓`/`↑`, `j`/`k` to scroll a stop taller than the screen).
const PRESENTER: &[(KeyChord, A)] = &[
    (p(K::Right), A::NextStop),
    (c(' '), A::NextStop),
    (p(K::PageDown), A::NextStop),
    (c('l'), A::NextStop),
    (c(']'), A::NextStop),
    (p(K::Left), A::PrevStop),
    (p(K::Backspace), A::PrevStop),
    (p(K::PageUp), A::PrevStop),
    (c('h'), A::PrevStop),
    (c('['), A::PrevStop),
    (c('g'), A::FirstStop),
    (p(K::Home), A::FirstStop),
    (c('G'), A::LastStop),
    (p(K::End), A::LastStop),
    (c('0'), A::Digit(0)),
    (c('1'), A::Digit(1)),
    (c('2'), A::Digit(2)),
    (c('3'), A::Digit(3)),
    (c('4'), A::Digit(4)),
    (c('5'), A::Digit(5)),
    (c('6'), A::Digit(6)),
    (c('7'), A::Digit(7)),
    (c('8'), A::Digit(8)),
    (c('9'), A::Digit(9)),
    (p(K::Down), A::LineDown),
    (c('j'), A::LineDown),
    (p(K::Up), A::LineUp),
    (c('k'), A::LineUp),
    (c('v'), A::RevealVerdict),
    (p(K::Enter), A::RevealVerdict),
    (c('t'), A::PauseClock),
    (c('T'), A::ResetClock),
    (c('J'), A::ShowJoin),
    (c('r'), A::ResumeSession),
    (c('n'), A::NewSession),
    (c('b'), A::Blank),
    (c('.'), A::Blank),
    (c('?'), A::ToggleHelp),
    (p(K::Esc), A::LeavePresenter),
    (c('p'), A::LeavePresenter),
    (ctrl('z'), A::Suspend),
    (c('q'), A::Quit),
    (ctrl('c'), A::Quit),
];

/// The facilitator's notes window (`glose notes`).
const NOTES_WINDOW: &[(KeyChord, A)] = &[
    (c('j'), A::LineDown),
    (p(K::Down), A::LineDown),
    (c('k'), A::LineUp),
    (p(K::Up), A::LineUp),
    (c(' '), A::PageDown),
    (p(K::PageDown), A::PageDown),
    (p(K::PageUp), A::PageUp),
    (c('g'), A::Top),
    (ctrl('z'), A::Suspend),
    (c('?'), A::ToggleHelp),
    (c('q'), A::Quit),
    (ctrl('c'), A::Quit),
];

/// The default table of `mode`.
#[must_use]
pub fn table(mode: Mode) -> &'static [(KeyChord, A)] {
    match mode {
        Mode::Reader => READER,
        Mode::Tour => TOUR,
        Mode::Poll => POLL,
        Mode::Guess => GUESS,
        Mode::Overlay => OVERLAY,
        Mode::List => LIST,
        Mode::Line => LINE,
        Mode::Editor => EDITOR,
        Mode::Confirm => CONFIRM,
        Mode::Presenter => PRESENTER,
        Mode::NotesWindow => NOTES_WINDOW,
    }
}

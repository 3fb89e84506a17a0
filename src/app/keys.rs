//! Keys and other terminal events into actions: the mode in force (`App::mode`) picks the
//! table, a count typed before a motion (`5j`, `12G`) repeats it, "any key" closes the help
//! or brings the presenter back, a paste is typed text. Nothing here changes the state but
//! through `App::apply`.

use ratatui::crossterm::event::{Event, KeyCode, KeyEventKind};

use super::keymap::{KeyChord, translate_in};
use super::line_input::Edit;
use super::{Action, App, Handled, MAX_COUNT, Mode, Overlay};
use crate::i18n::Text;

impl App {
    /// Handles one terminal event: whether anything may have changed on screen (so the loop
    /// redraws only then), and the effects for the loop to carry out.
    pub fn handle_event(&mut self, event: &Event) -> Handled {
        let before = self.watched_by_loop();
        let redraw = self.event(event);
        self.ask_loop_if_changed(before);
        Handled {
            redraw,
            effects: self.effects.take(),
        }
    }

    /// `handle_event`'s work: returns whether anything may have changed on screen. Every key
    /// goes through the table of the mode in force (`mode`), text typed into the search line,
    /// a filter or the editor too (`Action::Edit`); a paste is text, not a key.
    pub(super) fn event(&mut self, event: &Event) -> bool {
        if let Event::Paste(text) = event {
            return self.paste(text);
        }
        let mode = self.mode();
        if let Some(changed) = self.count_digit(event, mode) {
            return changed;
        }
        let is_key = matches!(event, Event::Key(key) if key.kind != KeyEventKind::Release
            && !matches!(key.code, KeyCode::Modifier(_) | KeyCode::Null));
        let action = translate_in(&self.keymap, event, mode)
            .or_else(|| is_key.then(|| self.any_key(mode)).flatten());
        match action {
            Some(action) => {
                match self.view.count.take() {
                    Some((count, before)) if action.takes_count() => {
                        self.counted(action, count, before);
                    }
                    _ => self.apply(action),
                }
                true
            }
            None => {
                self.view.count = None;
                // A key that does nothing says so, rather than nothing happening (where `?`
                // is help: the reader, the tour, the overlays, the lists, the presenter).
                let says = is_key
                    && matches!(
                        mode,
                        Mode::Reader
                            | Mode::Tour
                            | Mode::Poll
                            | Mode::Overlay
                            | Mode::List
                            | Mode::Presenter
                    );
                if says {
                    self.view.message = None;
                    self.view.flash = None;
                    self.view.notice = Some(Text::UnknownKey);
                }
                says
            }
        }
    }

    /// What a key no table names means where "any key" does something: it closes the help,
    /// brings back the presenter's stop (after a blank, its help, the join screen, a
    /// question), and answers "no" to "delete?".
    pub(super) fn any_key(&self, mode: Mode) -> Option<Action> {
        match mode {
            Mode::Overlay if self.view.overlay == Some(Overlay::Help) => Some(Action::Close),
            Mode::Presenter => self
                .presenter
                .as_ref()
                .filter(|p| p.blanked || p.help || p.join || p.confirm_reset || p.offer.is_some())
                .map(|_| Action::Blank),
            Mode::Confirm if self.view.confirm_delete && self.view.editor.is_none() => {
                Some(Action::No)
            }
            _ => None,
        }
    }

    /// Pasted text: into the editor, or typed into the search line or a filter (one line:
    /// line breaks and controls are left out). Returns whether anything changed.
    pub(super) fn paste(&mut self, text: &str) -> bool {
        match self.mode() {
            Mode::Editor => {
                self.paste_note(text);
                true
            }
            Mode::Line => {
                for c in text.chars().filter(|c| !c.is_control()) {
                    self.apply(Action::Edit(Edit::Insert(c)));
                }
                true
            }
            _ => false,
        }
    }

    /// Which table of keys is in force now.
    pub fn mode(&self) -> Mode {
        if let Some(editor) = &self.view.editor {
            return if editor.confirm_close || editor.recovered {
                Mode::Confirm
            } else {
                Mode::Editor
            };
        }
        match self.view.overlay {
            Some(list) if list.is_list() && self.view.confirm_delete => Mode::Confirm,
            Some(list) if list.is_list() && self.is_editing_filter() => Mode::Line,
            Some(list) if list.is_list() => Mode::List,
            _ if self.presenter.is_some() => Mode::Presenter,
            _ if self.view.search.is_typing() => Mode::Line,
            Some(_) => Mode::Overlay,
            None if self.tour.is_some() => self.follow_mode().unwrap_or(Mode::Tour),
            None => Mode::Reader,
        }
    }

    /// A digit typed in the reader: it starts or extends a count for the next motion (`5j`,
    /// `12G`), and a digit alone still goes to its part. Returns `Some(redraw)` when the
    /// event was a digit taken as part of a count.
    pub(super) fn count_digit(&mut self, event: &Event, mode: Mode) -> Option<bool> {
        if !matches!(mode, Mode::Reader | Mode::Tour | Mode::List) {
            return None;
        }
        let Event::Key(key) = event else {
            return None;
        };
        let chord = KeyChord::from_event(*key)?;
        let KeyCode::Char(c @ '0'..='9') = chord.code else {
            return None;
        };
        if chord.ctrl || chord.alt {
            return None;
        }
        let digit = usize::from(c as u8 - b'0');
        // The count's first digit keeps its own meaning (go to a part) at once, and a motion
        // after it goes back to the part the count started in: a count is a count where one
        // was reading (`2j`, `2g`: line 2 of that part). The next digits only extend it, so
        // `12G` never visits part II on its way.
        let bound = match self.view.count {
            Some(_) => None,
            None => translate_in(&self.keymap, event, mode),
        };
        let (count, before) = match self.view.count {
            Some((count, before)) => ((count * 10 + digit).min(MAX_COUNT), before),
            None if digit > 0 => (digit, self.view.focus),
            None => return None,
        };
        match bound {
            Some(action) => self.apply(action),
            None => self.view.notice = None,
        }
        self.view.count = Some((count, before));
        Some(true)
    }

    /// A motion typed after a count: back to the pane the count started in, then the motion
    /// `count` times (`G` and `g`: to line `count` of the part).
    pub(super) fn counted(&mut self, action: Action, count: usize, before: usize) {
        if let Some(list) = self.view.overlay.filter(|o| o.is_list()) {
            // In a list the count moves the cursor: `5j`, `3 Space`, `12G` (the 12th entry).
            self.view.message = None;
            self.view.flash = None;
            self.view.notice = None;
            self.update_list(list, action, count);
            self.refresh();
            return;
        }
        self.focus(before);
        self.refresh();
        match action {
            Action::Top | Action::Bottom => {
                self.apply(Action::Top);
                self.scroll_focused(isize::try_from(count.saturating_sub(1)).unwrap_or(0));
                self.refresh();
            }
            _ => {
                for _ in 0..count {
                    self.apply(action);
                }
            }
        }
    }
}

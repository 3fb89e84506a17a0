//! What the `?` help says, written from the key tables in force: every key of the current
//! mode, then the lists', the editor's and the questions' keys. `layout::help` wraps it at a
//! width (so `update` knows how far it scrolls) and `ui::help` draws it.

use crate::i18n::Text;
use crate::layout::help::{HelpBlock, HelpDoc};
use crate::text::wrap::str_width;

use super::{Action, App, Mode};

impl App {
    /// The help for the reader, or the tour when it is on.
    pub fn help_doc(&self) -> HelpDoc {
        let lang = self.lang;
        let (rows, tour_rows) = if self.tour.is_some() {
            (
                self.keymap
                    .help_rows_except(Mode::Reader, lang, self.keymap.table(Mode::Tour)),
                self.keymap.help_rows(Mode::Tour, lang),
            )
        } else {
            (self.keymap.help_rows(Mode::Reader, lang), Vec::new())
        };
        let key_width = rows
            .iter()
            .chain(&tour_rows)
            .map(|(k, _)| str_width(k))
            .max()
            .unwrap_or(0);
        let described = |rows: Vec<(String, Action)>, mode: Mode| {
            HelpBlock::Keys(
                rows.into_iter()
                    .map(|(keys, action)| (keys, action.describe_in(mode, false, lang).to_owned()))
                    .collect(),
            )
        };
        let mut blocks = Vec::new();
        if !tour_rows.is_empty() {
            // The mode's own keys first: they are what the reader is using now.
            blocks.push(HelpBlock::Title(Text::Tour.get(lang).to_owned()));
            blocks.push(described(tour_rows, Mode::Tour));
            blocks.push(HelpBlock::Blank);
            blocks.push(HelpBlock::Title(Text::Keys.get(lang).to_owned()));
        }
        blocks.push(described(rows, Mode::Reader));
        // The other modes' keys, from their keymap tables, in the same columns (the poll's
        // and the guess's while following a room).
        let following = self.follow.is_some();
        let room = [(Text::InThePoll, Mode::Poll), (Text::InAGuess, Mode::Guess)];
        for (title, mode) in room.into_iter().filter(|_| following).chain([
            (Text::InTheOverlays, Mode::Overlay),
            (Text::InSearchLine, Mode::Line),
            (Text::InTheLists, Mode::List),
            (Text::InTheEditor, Mode::Editor),
            (Text::InAQuestion, Mode::Confirm),
        ]) {
            let rows = self.keymap.help_rows(mode, lang);
            if rows.is_empty() {
                continue;
            }
            blocks.push(HelpBlock::Blank);
            blocks.push(HelpBlock::Title(title.get(lang).to_owned()));
            blocks.push(described(rows, mode));
            if mode == Mode::Line {
                blocks.push(HelpBlock::Prose(Text::SearchLineHelp.get(lang).to_owned()));
            }
        }
        for (title, text) in [
            (Text::Counts, Text::CountHelp),
            (Text::InLists, Text::InLists2),
            (Text::Mouse, Text::MouseHelp),
        ] {
            blocks.push(HelpBlock::Blank);
            blocks.push(HelpBlock::Titled(
                title.get(lang).to_owned(),
                text.get(lang).to_owned(),
            ));
        }
        blocks.push(HelpBlock::Blank);
        blocks.push(HelpBlock::Closing(
            Text::CloseHelpOther.get(lang).to_owned(),
        ));
        HelpDoc { key_width, blocks }
    }

    /// How the overlay on screen (the help or the problems) scrolls: (rows shown at once,
    /// last useful scroll position), from `layout`.
    pub fn help_extent(&self) -> (usize, usize) {
        if self.view.overlay == Some(super::Overlay::Problems) {
            return crate::layout::help::problems_extent(&self.problems, self.lang, self.view.size);
        }
        crate::layout::help::extent(&self.help_doc(), self.lang, self.view.size)
    }

    /// The last useful scroll position of the overlay on screen (the help or the problems).
    pub fn help_max_scroll(&self) -> usize {
        self.help_extent().1
    }
}

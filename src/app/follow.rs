//! The reader following a room (`glose follow`): the room's news moves the tour to the room's
//! stop while the student is on the room's last stop; once they step elsewhere they stay there
//! (the status line says how far behind they are) until `F` rejoins. While the room's poll is
//! open the keys are `Mode::Poll`'s (a digit answers it, `Action::Digit`) and, once a guess's
//! first digit is typed, `Mode::Guess`'s (`Action::Edit`: the number, then Enter). Votes are not
//! sent from here: they wait in `Following::outbox` for the event loop, like every other
//! request to the world.
//!
//! While following, the verdict of the room's stop stays hidden in the side pane until the
//! presenter reveals it, and the facilitator's notes (`say`) are not shown.

use crate::i18n::room as msg;

use super::{App, Mode};
use crate::content::Poll;
use crate::i18n::{Lang, count_of};
use crate::input::Edit;
use crate::room::follow::News;
use crate::room::votes::Answer;

/// Most characters of a typed guess.
const MAX_TYPED: usize = 12;

impl App {
    /// Whether the reader is on the stop the room shows (then it goes where the room goes).
    pub fn with_room(&self) -> bool {
        let room = self.follow.as_ref().and_then(|f| f.room_stop());
        matches!((self.tour_progress(), room), (Some(p), Some(r)) if p.stop == r)
    }

    /// Applies one piece of news from the room; returns whether the screen may change.
    pub fn follow_news(&mut self, news: News) -> bool {
        let with_room = self.with_room();
        let Some(follow) = self.follow.as_mut() else {
            return false;
        };
        match news {
            News::State(state) => {
                let before = follow.room_stop();
                let moved = state.stop != before;
                follow.room = Some(state);
                follow.lost = false;
                if moved {
                    follow.typing = None;
                    follow.reply = None;
                    if with_room {
                        self.rejoin();
                    }
                }
            }
            News::Lost => follow.lost = true,
            News::Voted {
                stop,
                answer,
                reply,
            } => match reply {
                Ok(text) => {
                    follow.ballots.insert(stop, answer);
                    follow.reply = Some(text);
                }
                Err(text) => follow.reply = Some(text),
            },
        }
        if self.open_poll().is_none()
            && let Some(follow) = self.follow.as_mut()
        {
            // The poll closed (revealed, the room lost): a guess being typed goes with it.
            follow.typing = None;
        }
        self.refresh();
        true
    }

    /// `F`: back to the room's stop (the tour starts there if it was off).
    pub(super) fn rejoin(&mut self) {
        let Some(stop) = self.follow.as_ref().and_then(|f| f.room_stop()) else {
            return;
        };
        if stop >= self.article.tour.len() {
            return;
        }
        self.view.overlay = None;
        if self.tour.is_none() {
            self.start_tour(stop);
        } else {
            self.go_to_stop(stop);
        }
    }

    /// The poll the reader may answer now: the room's stop's, while the reader is on it and
    /// the answer is not out yet.
    pub fn open_poll(&self) -> Option<(usize, &Poll)> {
        let follow = self.follow.as_ref()?;
        let stop = follow.room_stop()?;
        if !self.with_room() || follow.revealed() || follow.lost {
            return None;
        }
        Some((stop, self.article.tour.get(stop)?.poll.as_ref()?))
    }

    /// Whether the verdict of annotation `index` must stay hidden: it is the room's stop's and
    /// the presenter has not revealed it.
    pub fn verdict_hidden(&self, index: usize) -> bool {
        self.follow
            .as_ref()
            .is_some_and(|f| f.hides_verdict(&self.article, index))
    }

    /// Which keys are in force while following on the room's stop with its poll open: the
    /// poll's (a digit answers it) or, once a guess's first digit is typed, the guess's.
    /// `None` when no poll is open to this reader.
    pub(super) fn follow_mode(&self) -> Option<Mode> {
        self.open_poll()?;
        let typing = self.follow.as_ref()?.typing.is_some();
        Some(if typing { Mode::Guess } else { Mode::Poll })
    }

    /// A digit while the room's poll is open (`Mode::Poll`): a choice's number votes for it (a
    /// number that is no choice says which are), a guess's first digit starts typing it.
    pub(super) fn answer_digit(&mut self, digit: u8) {
        let Some((stop, poll)) = self.open_poll().map(|(s, p)| (s, p.clone())) else {
            return;
        };
        let lang = self.lang;
        let Some(follow) = self.follow.as_mut() else {
            return;
        };
        match &poll {
            Poll::Choices(choices) => {
                let n = usize::from(digit);
                if (1..=choices.len()).contains(&n) {
                    follow.outbox.push((stop, Answer::Choice(n - 1)));
                    follow.reply = None;
                } else {
                    follow.reply = Some(out_of_range(&poll, lang));
                }
            }
            Poll::Guess { .. } => {
                follow.typing = Some(digit.to_string());
                follow.reply = None;
            }
        }
    }

    /// A key typed into the guess (`Mode::Guess`): digits, `,` and `.` are typed (a dozen at
    /// most), `Backspace` takes one back, `Esc` drops the guess and `Enter` sends it (or says
    /// which numbers the poll takes). Returns whether the guess changed.
    pub(super) fn guess_edit(&mut self, edit: Edit) -> bool {
        let Some((stop, poll)) = self.open_poll().map(|(s, p)| (s, p.clone())) else {
            return false;
        };
        let lang = self.lang;
        let Some(follow) = self.follow.as_mut() else {
            return false;
        };
        let Some(typed) = follow.typing.as_mut() else {
            return false;
        };
        match edit {
            Edit::Insert(c) if c.is_ascii_digit() || c == ',' || c == '.' => {
                if typed.chars().count() >= MAX_TYPED {
                    return false;
                }
                typed.push(c);
            }
            Edit::Backspace => {
                typed.pop();
            }
            Edit::Cancel => follow.typing = None,
            Edit::Confirm => {
                let typed = follow.typing.take().unwrap_or_default();
                match Answer::parse(&poll, None, Some(&typed)) {
                    Some(answer) => follow.outbox.push((stop, answer)),
                    None => follow.reply = Some(out_of_range(&poll, lang)),
                }
            }
            _ => return false,
        }
        true
    }

    /// The status line's word on the room, while following.
    pub fn follow_status(&self) -> Option<String> {
        let follow = self.follow.as_ref()?;
        let lang = self.lang;
        let rejoin = self
            .keymap
            .first_key(Mode::Reader, crate::app::Action::Rejoin)
            .map(|k| k.label(lang))
            .unwrap_or_else(|| "F".to_owned());
        if let Some(typed) = &follow.typing {
            // The keys as the guess's table has them (`[keys.guess]`).
            let key = |edit| {
                self.keymap
                    .first_key(Mode::Guess, crate::app::Action::Edit(edit))
                    .map(|k| k.label(lang))
                    .unwrap_or_default()
            };
            let (send, cancel) = (key(Edit::Confirm), key(Edit::Cancel));
            return Some(msg::your_guess_enter_sends_esc(
                lang, &typed, &send, &cancel,
            ));
        }
        let mut text = if follow.lost {
            msg::room_lost_reconnecting(lang).to_owned()
        } else {
            match (self.tour_progress().map(|p| p.stop), follow.room_stop()) {
                (_, None) => msg::waiting_facilitator(lang).to_owned(),
                (None, Some(_)) => msg::not_following_room_rejoin(lang, &rejoin),
                (Some(mine), Some(room)) if mine == room => msg::room(lang).to_owned(),
                (Some(mine), Some(room)) => {
                    let n = mine.abs_diff(room);
                    let stops = count_of(lang, n, crate::i18n::words::STOPS);
                    if mine < room {
                        msg::stops_behind(lang, &stops, &rejoin)
                    } else {
                        msg::stops_ahead(lang, &stops, &rejoin)
                    }
                }
            }
        };
        if let Some(reply) = &follow.reply {
            text.push_str(" · ");
            text.push_str(reply);
        }
        Some(text)
    }

    /// The votes waiting to be sent (taken by the event loop).
    pub fn take_votes(&mut self) -> Vec<(usize, Answer)> {
        self.follow
            .as_mut()
            .map(|f| std::mem::take(&mut f.outbox))
            .unwrap_or_default()
    }
}

/// "Give a number from 0 to 1000."
fn out_of_range(poll: &Poll, lang: Lang) -> String {
    match poll {
        Poll::Guess { min, max, .. } => msg::give_number_from(lang, &min, &max),
        Poll::Choices(choices) => msg::press_one_to(lang, &choices.len()),
    }
}

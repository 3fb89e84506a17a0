//! The reader following a room (`glose follow`): the room's news moves the tour to the room's
//! stop while the student is on the room's last stop; once they step elsewhere they stay there
//! (the status line says how far behind they are) until `F` rejoins. The digit keys answer the
//! stop's poll (a number is typed for a guess, then Enter). Votes are not sent from here: they
//! wait in `Following::outbox` for the event loop, like every other request to the world.
//!
//! While following, the verdict of the room's stop stays hidden in the side pane until the
//! presenter reveals it, and the facilitator's notes (`say`) are not shown.

use crate::i18n::room as msg;
use ratatui::crossterm::event::{Event, KeyCode, KeyEventKind, KeyModifiers};

use super::{App, Mode};
use crate::content::Poll;
use crate::i18n::{Lang, count_of};
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

    /// A key for the room while following: the digits answer the open poll, a guess being
    /// typed takes its keys. `None` when the key is the reader's.
    pub(super) fn follow_key(&mut self, event: &Event, mode: Mode) -> Option<bool> {
        if !matches!(mode, Mode::Reader | Mode::Tour) {
            return None;
        }
        let Event::Key(key) = event else {
            return None;
        };
        if key.kind == KeyEventKind::Release {
            return None;
        }
        let plain = !key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        let (stop, poll) = match self.open_poll() {
            Some((stop, poll)) => (stop, poll.clone()),
            None => {
                if let Some(follow) = self.follow.as_mut() {
                    follow.typing = None;
                }
                return None;
            }
        };
        let follow = self.follow.as_mut()?;
        if let Some(typed) = follow.typing.as_mut() {
            match key.code {
                KeyCode::Char(c) if plain && (c.is_ascii_digit() || c == ',' || c == '.') => {
                    if typed.chars().count() < MAX_TYPED {
                        typed.push(c);
                    }
                }
                KeyCode::Backspace => {
                    typed.pop();
                }
                KeyCode::Esc => follow.typing = None,
                KeyCode::Enter => {
                    let typed = follow.typing.take().unwrap_or_default();
                    match Answer::parse(&poll, None, Some(&typed)) {
                        Some(answer) => follow.outbox.push((stop, answer)),
                        None => {
                            follow.reply = Some(out_of_range(&poll, self.lang));
                        }
                    }
                }
                _ => return Some(false),
            }
            return Some(true);
        }
        let KeyCode::Char(c) = key.code else {
            return None;
        };
        let digit = c.to_digit(10).filter(|_| plain)?;
        match &poll {
            Poll::Choices(choices) => {
                let n = usize::try_from(digit).ok()?;
                if (1..=choices.len()).contains(&n) {
                    follow.outbox.push((stop, Answer::Choice(n - 1)));
                    follow.reply = None;
                    Some(true)
                } else {
                    None
                }
            }
            Poll::Guess { .. } => {
                follow.typing = Some(c.to_string());
                follow.reply = None;
                Some(true)
            }
        }
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
            return Some(msg::your_guess_enter_sends_esc(lang, &typed));
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

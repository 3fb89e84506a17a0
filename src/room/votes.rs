//! The room's votes: one ballot per voter per poll (a later vote replaces the earlier one),
//! counted into a [`Tally`] for the presenter, the notes window and the results file.
//!
//! Invariants: a ballot's answer is valid for its poll (a choice in range, a number from `min`
//! to `max`); a poll never holds more than [`MAX_VOTERS`] ballots; the rate limiter keeps at
//! most a few votes a second from one voter and a few dozen from one address.

use std::collections::{BTreeMap, HashMap};
use std::net::IpAddr;
use std::time::Instant;

use crate::content::Poll;

/// Most ballots one poll keeps (a room is 30 to 100 people; this bounds memory).
pub const MAX_VOTERS: usize = 5_000;
/// Votes a voter may send at once, then per second.
const VOTER_BURST: f64 = 4.0;
const VOTER_RATE: f64 = 2.0;
/// Votes one network address may send at once, then per second (a class behind one address).
const ADDRESS_BURST: f64 = 120.0;
const ADDRESS_RATE: f64 = 40.0;
/// Buckets kept before the oldest are forgotten.
const MAX_BUCKETS: usize = 20_000;

/// One answer.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Answer {
    /// The choice's index, from 0.
    Choice(usize),
    /// A guessed number.
    Value(f64),
}

impl Answer {
    /// Reads a vote's form fields (`choice=N`, from 1, or `value=X`) for `poll`: `None` when
    /// they do not answer it.
    pub fn parse(poll: &Poll, choice: Option<&str>, value: Option<&str>) -> Option<Self> {
        match poll {
            Poll::Choices(choices) => {
                let n: usize = choice?.trim().parse().ok()?;
                (1..=choices.len())
                    .contains(&n)
                    .then(|| Self::Choice(n - 1))
            }
            Poll::Guess { min, max, .. } => {
                // A French comma, spaces between thousands: "1 000,5".
                let text: String = value?
                    .trim()
                    .chars()
                    .filter(|c| !c.is_whitespace() && *c != '\u{202f}')
                    .map(|c| if c == ',' { '.' } else { c })
                    .collect();
                if text.len() > 20 {
                    return None;
                }
                let v: f64 = text.parse().ok()?;
                (v.is_finite() && v >= f64::from(*min) && v <= f64::from(*max))
                    .then_some(Self::Value(v))
            }
        }
    }
}

/// What the votes on one poll come to.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Tally {
    /// Ballots cast.
    pub answers: usize,
    /// Per choice, how many chose it (empty for a guess).
    pub counts: Vec<usize>,
    /// The guesses, sorted (empty for choices).
    pub values: Vec<f64>,
}

/// Guesses are finite numbers ([`Answer::parse`] refuses NaN and infinities), so equality is
/// reflexive.
impl Eq for Tally {}

impl Tally {
    /// The median guess, if any.
    pub fn median(&self) -> Option<f64> {
        let n = self.values.len();
        if n == 0 {
            return None;
        }
        Some(if n % 2 == 1 {
            self.values[n / 2]
        } else {
            f64::midpoint(self.values[n / 2 - 1], self.values[n / 2])
        })
    }

    /// The guesses counted in `bins` equal ranges from `min` to `max` (a histogram).
    pub fn histogram(&self, min: u32, max: u32, bins: usize) -> Vec<usize> {
        let mut out = vec![0; bins.max(1)];
        let (lo, hi) = (f64::from(min), f64::from(max));
        let span = (hi - lo).max(f64::MIN_POSITIVE);
        for &v in &self.values {
            let at = ((v - lo) / span * out.len() as f64).floor();
            let index = if at.is_sign_negative() {
                0
            } else {
                (at as usize).min(out.len() - 1)
            };
            out[index] += 1;
        }
        out
    }
}

/// Ranges a guess's distribution is shown in (presenter, notes window).
pub const SHOWN_BINS: usize = 5;

/// A poll's distribution as drawn: per answer (or per range of a guess, [`SHOWN_BINS`] of
/// them from `min` to `max`) how many, and the median guess.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Summary {
    pub answers: usize,
    pub counts: Vec<usize>,
    pub median: Option<f64>,
}

impl Summary {
    /// The distribution of `tally` on `poll`.
    pub fn of(tally: &Tally, poll: &Poll) -> Self {
        match poll {
            Poll::Choices(_) => Self {
                answers: tally.answers,
                counts: tally.counts.clone(),
                median: None,
            },
            Poll::Guess { min, max, .. } => Self {
                answers: tally.answers,
                counts: tally.histogram(*min, *max, SHOWN_BINS),
                median: tally.median(),
            },
        }
    }

    /// As sent to notes windows.
    pub fn live(&self) -> crate::link::LiveVotes {
        crate::link::LiveVotes::new(self.answers, &self.counts, self.median)
    }

    /// As received by a notes window.
    pub fn from_live(live: &crate::link::LiveVotes) -> Self {
        Self {
            answers: live.answers as usize,
            counts: live.counts().iter().map(|&n| n as usize).collect(),
            median: live.median_centi.map(|m| m as f64 / 100.0),
        }
    }
}

/// Why a vote was not counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// Too many votes too fast.
    TooFast,
    /// The poll is full.
    Full,
}

#[derive(Debug, Clone, Copy)]
struct Bucket {
    tokens: f64,
    at: Instant,
}

impl Bucket {
    fn take(&mut self, now: Instant, burst: f64, rate: f64) -> bool {
        let refill = now.saturating_duration_since(self.at).as_secs_f64() * rate;
        self.tokens = (self.tokens + refill).min(burst);
        self.at = now;
        if self.tokens >= 1.0 {
            self.tokens -= 1.0;
            true
        } else {
            false
        }
    }
}

/// Every poll's ballots, by tour stop.
#[derive(Debug, Default)]
pub struct Votes {
    ballots: BTreeMap<usize, HashMap<String, Answer>>,
    voters: HashMap<String, Bucket>,
    addresses: HashMap<IpAddr, Bucket>,
}

impl Votes {
    /// Counts `answer` from `voter` (from `address`) on the poll of stop `stop`, replacing the
    /// voter's earlier ballot there.
    pub fn cast(
        &mut self,
        stop: usize,
        voter: &str,
        address: IpAddr,
        answer: Answer,
        now: Instant,
    ) -> Result<(), Refused> {
        if self.voters.len() + self.addresses.len() > MAX_BUCKETS {
            self.voters.clear();
            self.addresses.clear();
        }
        let fresh = |burst| Bucket {
            tokens: burst,
            at: now,
        };
        let by_address = self
            .addresses
            .entry(address)
            .or_insert_with(|| fresh(ADDRESS_BURST))
            .take(now, ADDRESS_BURST, ADDRESS_RATE);
        let by_voter = self
            .voters
            .entry(voter.to_owned())
            .or_insert_with(|| fresh(VOTER_BURST))
            .take(now, VOTER_BURST, VOTER_RATE);
        if !(by_address && by_voter) {
            return Err(Refused::TooFast);
        }
        let ballots = self.ballots.entry(stop).or_default();
        if ballots.len() >= MAX_VOTERS && !ballots.contains_key(voter) {
            return Err(Refused::Full);
        }
        ballots.insert(voter.to_owned(), answer);
        Ok(())
    }

    /// The voter's ballot on stop `stop`'s poll, if any.
    pub fn ballot(&self, stop: usize, voter: &str) -> Option<Answer> {
        self.ballots.get(&stop)?.get(voter).copied()
    }

    /// The votes on stop `stop`'s `poll`.
    pub fn tally(&self, stop: usize, poll: &Poll) -> Tally {
        let mut tally = Tally::default();
        if let Poll::Choices(choices) = poll {
            tally.counts = vec![0; choices.len()];
        }
        for answer in self.ballots.get(&stop).into_iter().flat_map(|b| b.values()) {
            match *answer {
                Answer::Choice(i) => {
                    if let Some(count) = tally.counts.get_mut(i) {
                        *count += 1;
                        tally.answers += 1;
                    }
                }
                Answer::Value(v) => {
                    tally.values.push(v);
                    tally.answers += 1;
                }
            }
        }
        tally.values.sort_by(f64::total_cmp);
        tally
    }

    /// The stops that have ballots.
    pub fn stops(&self) -> impl Iterator<Item = usize> + '_ {
        self.ballots.keys().copied()
    }

    /// Puts back ballots saved earlier (`results`), as if cast.
    pub fn restore(&mut self, stop: usize, voter: String, answer: Answer) {
        let ballots = self.ballots.entry(stop).or_default();
        if ballots.len() < MAX_VOTERS {
            ballots.insert(voter, answer);
        }
    }

    /// Forgets every ballot (a new presenter session); the rate limits stay.
    pub fn clear(&mut self) {
        self.ballots.clear();
    }

    /// Every ballot of stop `stop` (for saving).
    pub fn ballots(&self, stop: usize) -> impl Iterator<Item = (&str, Answer)> + '_ {
        self.ballots
            .get(&stop)
            .into_iter()
            .flat_map(|b| b.iter().map(|(k, v)| (k.as_str(), *v)))
    }
}

#[cfg(test)]
mod tests {
    use std::net::Ipv4Addr;
    use std::time::Duration;

    use super::*;

    fn choices() -> Poll {
        Poll::Choices(vec!["a".into(), "b".into(), "c".into()])
    }

    fn guess() -> Poll {
        Poll::example_guess()
    }

    #[test]
    fn answers_are_read_for_their_poll_only() {
        assert_eq!(
            Answer::parse(&choices(), Some("2"), None),
            Some(Answer::Choice(1))
        );
        assert_eq!(Answer::parse(&choices(), Some("0"), None), None);
        assert_eq!(Answer::parse(&choices(), Some("4"), None), None);
        assert_eq!(Answer::parse(&choices(), None, Some("2")), None);
        assert_eq!(
            Answer::parse(&guess(), None, Some(" 1 000 ")),
            Some(Answer::Value(1000.0))
        );
        assert_eq!(
            Answer::parse(&guess(), None, Some("12,5")),
            Some(Answer::Value(12.5))
        );
        assert_eq!(Answer::parse(&guess(), None, Some("1001")), None);
        assert_eq!(Answer::parse(&guess(), None, Some("NaN")), None);
        assert_eq!(Answer::parse(&guess(), None, Some("inf")), None);
        assert_eq!(Answer::parse(&guess(), None, Some("<b>")), None);
    }

    #[test]
    fn one_ballot_per_voter_and_a_later_vote_replaces_the_earlier() {
        let mut votes = Votes::default();
        let ip = IpAddr::V4(Ipv4Addr::LOCALHOST);
        let now = Instant::now();
        votes
            .cast(2, "aaaaaaaa", ip, Answer::Choice(0), now)
            .unwrap();
        votes
            .cast(2, "bbbbbbbb", ip, Answer::Choice(0), now)
            .unwrap();
        votes
            .cast(2, "aaaaaaaa", ip, Answer::Choice(2), now)
            .unwrap();
        let tally = votes.tally(2, &choices());
        assert_eq!(tally.answers, 2);
        assert_eq!(tally.counts, vec![1, 0, 1]);
        assert_eq!(votes.tally(3, &choices()).answers, 0, "another stop's poll");
    }

    #[test]
    fn a_voter_sending_too_fast_is_refused_then_allowed_again() {
        let mut votes = Votes::default();
        let ip = IpAddr::V4(Ipv4Addr::LOCALHOST);
        let now = Instant::now();
        let mut refused = 0;
        for _ in 0..10 {
            if votes.cast(0, "aaaaaaaa", ip, Answer::Choice(0), now) == Err(Refused::TooFast) {
                refused += 1;
            }
        }
        assert_eq!(refused, 6, "a burst of four, then no more");
        let later = now + Duration::from_secs(1);
        assert!(
            votes
                .cast(0, "aaaaaaaa", ip, Answer::Choice(1), later)
                .is_ok()
        );
    }

    #[test]
    fn guesses_have_a_median_and_a_histogram() {
        let mut votes = Votes::default();
        let now = Instant::now();
        for (i, v) in [10.0, 150.0, 430.0, 999.0].into_iter().enumerate() {
            let ip = IpAddr::V4(Ipv4Addr::new(10, 0, 0, i as u8));
            votes
                .cast(0, &format!("voter{i:04}"), ip, Answer::Value(v), now)
                .unwrap();
        }
        let tally = votes.tally(0, &guess());
        assert_eq!(tally.median(), Some(290.0));
        assert_eq!(tally.histogram(0, 1000, 4), vec![2, 1, 0, 1]);
    }
}

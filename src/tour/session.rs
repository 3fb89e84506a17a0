//! A presenter session (`glose present`): which stop the room is on, how long each stop has
//! taken and the tour's clock, kept per article so that a restart (after a crash, or the next
//! morning) can pick up where the workshop was.
//!
//! The file is `<slug>-<key>.presenter.toml` in the state directory (`store::Paths::session`),
//! written atomically (a temporary file renamed over the old one) by the event loop: on every
//! change of stop, pause or reset, every few seconds while the clock runs, by the signal thread
//! on SIGTERM / SIGHUP / SIGINT, and at a clean exit with `ended_cleanly = true`. A SIGKILL loses
//! at most the last `SAVE_EVERY` seconds of the clocks.
//!
//! ```toml
//! version = 1
//! id = 1764589026000          # the session's id: when it began, in ms since the Unix epoch
//! article = "ia-intelligence-artificielle-1f0c…"   # store::state_file_stem
//! title = "IA : intelligence artificielle, main-d’œuvre bien réelle"
//! started = 1764589026        # Unix seconds
//! saved = 1764589999
//! ended_cleanly = false       # false: glose was cut off (crash, kill): resumed by default
//! stop = 4                    # index into the tour (0 = the first stop)
//! tour_s = 754                # the tour's clock
//! paused = false
//!
//! [[stops]]                   # one per tour stop, in order
//! title = "430 millions"
//! elapsed_s = 120             # time spent on that stop, every visit included
//! ```
//!
//! Invariants: `stops` has one record per stop of the tour it was saved from; `stop` indexes
//! it. A file saved from another version of the tour is mapped back by stop title (`progress`),
//! so a renamed or removed stop loses its time, never the others'. Unknown fields are ignored
//! (a later glose may add some: the room adds its poll results to the session).

use std::path::{Path, PathBuf};
use std::time::Duration;

use super::TourProgress;
use crate::content::Article;
use crate::store::{Durability, FileKind, Paths, Problem, read_state, write_atomic};
use crate::text::sanitize::clean_line;

/// The format version of the session file.
pub const VERSION: u32 = 1;

/// While the clock runs, the session is written again at least this often (in tour seconds).
pub const SAVE_EVERY: u64 = 5;

/// Time on one stop.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct StopRecord {
    /// The stop's title when it was saved (to map the time back if the tour changed).
    #[serde(default)]
    pub title: String,
    /// Seconds spent on the stop, every visit included.
    #[serde(default)]
    pub elapsed_s: u64,
}

/// One presenter session of one article, as saved.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct PresenterSession {
    #[serde(default)]
    pub version: u32,
    /// The session's id: when it began, in milliseconds since the Unix epoch. Kept when the
    /// session is resumed; a new session gets a new one. Also the id notes windows follow.
    pub id: u64,
    /// The article's key (`store::state_file_stem`).
    #[serde(default)]
    pub article: String,
    /// The article's title, for a person reading the file.
    #[serde(default)]
    pub title: String,
    /// When the session began, in seconds since the Unix epoch.
    #[serde(default)]
    pub started: u64,
    /// When the file was last written, in seconds since the Unix epoch.
    #[serde(default)]
    pub saved: u64,
    /// The presenter was left with `q` (or Esc): a clean end. `false` while it runs, so a file
    /// left by a crash or a kill says so.
    #[serde(default)]
    pub ended_cleanly: bool,
    /// Index of the stop shown (0 = the first).
    #[serde(default)]
    pub stop: usize,
    /// The tour's clock, in seconds.
    #[serde(default)]
    pub tour_s: u64,
    /// The clocks were paused (`t`).
    #[serde(default)]
    pub paused: bool,
    /// One record per stop of the tour.
    #[serde(default)]
    pub stops: Vec<StopRecord>,
}

impl PresenterSession {
    /// A new session of `article`'s tour, begun at `id` (ms since the epoch), every clock at 0.
    pub fn new(article: &Article, id: u64) -> Self {
        Self {
            version: VERSION,
            id,
            article: crate::store::state_file_stem(article),
            title: clean_line(&article.meta.title),
            started: id / 1000,
            saved: id / 1000,
            ended_cleanly: false,
            stop: 0,
            tour_s: 0,
            paused: false,
            stops: article
                .tour
                .iter()
                .map(|stop| StopRecord {
                    title: clean_line(&stop.title),
                    elapsed_s: 0,
                })
                .collect(),
        }
    }

    /// Where `article`'s session is kept, or `None` when the platform gives no home.
    pub fn path(article: &Article) -> Option<PathBuf> {
        Paths::for_article(article).map(|paths| paths.session)
    }

    /// Copies the stop and clocks of a running tour (at clock time `now`) into the record.
    pub fn record(&mut self, article: &Article, progress: &TourProgress, now: Duration) {
        self.stop = progress.stop;
        self.tour_s = progress.elapsed_s(now);
        self.paused = progress.paused_at.is_some();
        self.stops = article
            .tour
            .iter()
            .enumerate()
            .map(|(i, stop)| StopRecord {
                title: clean_line(&stop.title),
                elapsed_s: if i == progress.stop {
                    progress.stop_spent_s(now)
                } else {
                    progress.spent_s.get(i).copied().unwrap_or(0)
                },
            })
            .collect();
    }

    /// The tour's progress this session had, for `article`'s tour, continuing from clock time
    /// `now` (paused if it was). A stop whose title is no longer in the tour loses its time; a
    /// tour of the same length keeps times by position where titles changed.
    pub fn progress(&self, article: &Article, now: Duration) -> TourProgress {
        let count = article.tour.len();
        let same_shape = self.stops.len() == count;
        let index_of = |saved: usize| -> Option<usize> {
            let title = &self.stops.get(saved)?.title;
            article
                .tour
                .iter()
                .position(|stop| clean_line(&stop.title) == *title)
                .or(same_shape.then_some(saved))
        };
        let mut spent_s = vec![0; count];
        for (saved, record) in self.stops.iter().enumerate() {
            if let Some(slot) = index_of(saved).and_then(|i| spent_s.get_mut(i)) {
                *slot += record.elapsed_s;
            }
        }
        let stop = index_of(self.stop)
            .unwrap_or(self.stop)
            .min(count.saturating_sub(1));
        // The clock carries on from the saved time; the current stop's time is all banked and
        // its visit starts now.
        let mut progress = TourProgress::new(count, stop, now);
        progress.carried = Duration::from_secs(self.tour_s);
        progress.spent_s = spent_s;
        progress.entered_s = self.tour_s;
        if self.paused {
            progress.paused_at = Some(now);
        }
        progress
    }

    /// Whether anything happened in this session (a restart has something to offer back).
    pub fn has_progress(&self) -> bool {
        self.stop > 0 || self.tour_s > 0
    }

    /// The file's contents.
    pub fn to_bytes(&self) -> Vec<u8> {
        let session = Self {
            version: VERSION,
            ..self.clone()
        };
        let body = toml::to_string_pretty(&session).unwrap_or_default();
        format!(
            "# glose: the last presenter session of this article (glose present): stop and \
             clocks, offered back at the next start.\n{body}"
        )
        .into_bytes()
    }

    /// Reads the session kept at `path`: `Ok(None)` when there is none; a corrupt file is set
    /// aside and reported. Text fields are sanitised.
    pub fn load(path: &Path) -> Result<Option<Self>, Problem> {
        let session: Option<Self> = read_state(path, FileKind::Session)?;
        Ok(session.map(|mut s| {
            s.article = clean_line(&s.article);
            s.title = clean_line(&s.title);
            for stop in &mut s.stops {
                stop.title = clean_line(&stop.title);
            }
            s
        }))
    }

    /// Writes the session to `path` atomically (complete or absent after a crash).
    pub fn save(&self, path: &Path) -> Result<(), Problem> {
        write_atomic(path, &self.to_bytes(), Durability::Atomic).map_err(|e| Problem::NotSaved {
            kind: FileKind::Session,
            path: path.to_owned(),
            error: crate::files::Refused::from_io(&e),
        })
    }

    /// Whether `self` must be written when the file holds `last`: another session, another
    /// stop, the clocks paused or started again or reset, or `SAVE_EVERY` seconds more.
    pub fn differs_enough(&self, last: &Self) -> bool {
        self.id != last.id
            || self.stop != last.stop
            || self.paused != last.paused
            || self.ended_cleanly != last.ended_cleanly
            || self.tour_s < last.tour_s
            || self.tour_s >= last.tour_s.saturating_add(SAVE_EVERY)
            || (self.paused && self.stops != last.stops)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(secs: u64) -> Duration {
        Duration::from_secs(secs)
    }

    #[test]
    fn a_saved_session_gives_back_the_stop_and_every_clock() {
        let article = crate::tour::fixture::article();
        let stops = article.tour.len();
        assert!(stops >= 3);
        let mut progress = TourProgress::new(stops, 0, s(100));
        progress.go_to(2, s(130)); // 30 s on stop 1
        progress.go_to(1, s(150)); // 20 s on stop 3
        let mut session = PresenterSession::new(&article, 1_764_589_026_000);
        session.record(&article, &progress, s(160)); // 10 s on stop 2
        assert_eq!(session.stop, 1);
        assert_eq!(session.tour_s, 60);
        let times: Vec<u64> = session.stops.iter().map(|r| r.elapsed_s).collect();
        assert_eq!(&times[..3], &[30, 10, 20]);

        let text = String::from_utf8(session.to_bytes()).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.presenter.toml");
        session.save(&path).unwrap();
        let back = PresenterSession::load(&path).unwrap().unwrap();
        assert_eq!(back, session, "{text}");

        // Resumed much later (another process: another clock origin).
        let resumed = back.progress(&article, s(7));
        assert_eq!(resumed.stop, 1);
        assert_eq!(resumed.elapsed_s(s(7)), 60);
        assert_eq!(resumed.stop_spent_s(s(7)), 10);
        assert_eq!(resumed.elapsed_s(s(12)), 65, "the clocks run on");
        assert_eq!(resumed.stop_spent_s(s(12)), 15);
        let mut resumed = resumed;
        resumed.go_to(0, s(12));
        assert_eq!(resumed.stop_spent_s(s(12)), 30, "stop 1 keeps its 30 s");
    }

    #[test]
    fn a_paused_session_comes_back_paused() {
        let article = crate::tour::fixture::article();
        let mut progress = TourProgress::new(article.tour.len(), 1, s(0));
        progress.toggle_pause(s(40));
        let mut session = PresenterSession::new(&article, 1000);
        session.record(&article, &progress, s(90));
        assert!(session.paused);
        assert_eq!(session.tour_s, 40);
        let resumed = session.progress(&article, s(3));
        assert_eq!(resumed.elapsed_s(s(300)), 40, "still paused");
        let mut resumed = resumed;
        resumed.toggle_pause(s(300));
        assert_eq!(resumed.elapsed_s(s(302)), 42);
    }

    #[test]
    fn a_changed_tour_keeps_the_times_of_the_stops_it_still_has() {
        let article = crate::tour::fixture::article();
        let mut session = PresenterSession::new(&article, 1000);
        session.stops.insert(
            0,
            StopRecord {
                title: "A stop since removed".into(),
                elapsed_s: 99,
            },
        );
        session.stops[2].elapsed_s = 42; // the tour's second stop
        session.stop = 2;
        session.tour_s = 141;
        let progress = session.progress(&article, s(0));
        assert_eq!(progress.stop, 1, "found by its title");
        assert_eq!(progress.spent_s[1], 42);
        assert_eq!(
            progress.spent_s.iter().sum::<u64>(),
            42,
            "the removed stop's time is gone"
        );
        assert_eq!(progress.spent_s.len(), article.tour.len());
    }

    #[test]
    fn the_file_is_written_on_moves_and_every_few_seconds_only() {
        let article = crate::tour::fixture::article();
        let base = PresenterSession::new(&article, 1000);
        let mut later = base.clone();
        later.tour_s = SAVE_EVERY - 1;
        assert!(!later.differs_enough(&base));
        later.tour_s = SAVE_EVERY;
        assert!(later.differs_enough(&base));
        let mut moved = base.clone();
        moved.stop = 1;
        assert!(moved.differs_enough(&base));
        let mut ended = base.clone();
        ended.ended_cleanly = true;
        assert!(ended.differs_enough(&base));
    }

    #[test]
    fn a_broken_file_is_set_aside_and_reported() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.presenter.toml");
        std::fs::write(&path, "id = [[[").unwrap();
        let problem = PresenterSession::load(&path).unwrap_err();
        assert!(matches!(problem, Problem::Corrupt { .. }), "{problem:?}");
        assert!(!path.exists());
        assert_eq!(PresenterSession::load(&path).unwrap(), None);
    }
}

//! Time, injected: everything that shows a clock asks a `Clock`, never the system directly.
//!
//! A clock gives a monotonic `Duration` since its own origin. The program uses `SystemClock`;
//! tests use `ManualClock`, which moves only when told, so screens with a timer are
//! deterministic. Reading a clock is not a change of state: `render` may read one.

use std::fmt;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// A monotonic source of time.
pub trait Clock: Send + Sync + fmt::Debug {
    /// Time elapsed since the clock's origin (never goes backwards).
    fn now(&self) -> Duration;
}

/// The real clock: time since the program created it.
#[derive(Debug, Clone, Copy)]
pub struct SystemClock {
    origin: Instant,
}

impl SystemClock {
    /// A clock whose origin is now.
    pub fn new() -> Self {
        Self {
            origin: Instant::now(),
        }
    }
}

impl Default for SystemClock {
    fn default() -> Self {
        Self::new()
    }
}

impl Clock for SystemClock {
    fn now(&self) -> Duration {
        self.origin.elapsed()
    }
}

/// A clock for tests: starts at zero and moves only with `advance` or `set`. Clones share the
/// same time, so a test keeps one handle and gives another to the app.
#[derive(Debug, Clone, Default)]
pub struct ManualClock {
    millis: Arc<AtomicU64>,
}

impl ManualClock {
    /// A clock at zero.
    pub fn new() -> Self {
        Self::default()
    }

    /// Moves the clock forward.
    pub fn advance(&self, by: Duration) {
        let by = u64::try_from(by.as_millis()).unwrap_or(u64::MAX);
        self.millis.fetch_add(by, Ordering::SeqCst);
    }

    /// Sets the time since the origin.
    pub fn set(&self, to: Duration) {
        let to = u64::try_from(to.as_millis()).unwrap_or(u64::MAX);
        self.millis.store(to, Ordering::SeqCst);
    }
}

impl Clock for ManualClock {
    fn now(&self) -> Duration {
        Duration::from_millis(self.millis.load(Ordering::SeqCst))
    }
}

/// The clock programs use unless a test gives another.
pub fn system() -> Arc<dyn Clock> {
    Arc::new(SystemClock::new())
}

/// Whole seconds as `m:ss`, or `h:mm:ss` from an hour on: `0:07`, `12:30`, `1:02:03`.
pub fn format_seconds(seconds: u64) -> String {
    let (h, m, s) = (seconds / 3600, (seconds / 60) % 60, seconds % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manual_clock_moves_only_when_told_and_clones_share_it() {
        let clock = ManualClock::new();
        let shared = clock.clone();
        assert_eq!(shared.now(), Duration::ZERO);
        clock.advance(Duration::from_millis(1500));
        assert_eq!(shared.now(), Duration::from_millis(1500));
        clock.set(Duration::from_secs(90));
        assert_eq!(shared.now(), Duration::from_secs(90));
    }

    #[test]
    fn seconds_read_like_a_stopwatch() {
        assert_eq!(format_seconds(0), "0:00");
        assert_eq!(format_seconds(7), "0:07");
        assert_eq!(format_seconds(750), "12:30");
        assert_eq!(format_seconds(3723), "1:02:03");
    }
}

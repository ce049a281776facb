//! Where "now" comes from. Every part of the server that stamps a record, judges an expiry,
//! picks "today" at a nursery or ticks a watch asks a `Clock` instead of the wall clock, so a
//! test can run a rule at a chosen instant (say 23:59 in Japan, where "today" turns at 15:00
//! UTC) rather than at whatever moment the test happens to run.
//!
//! The running server uses `SystemClock`. Unit tests use `ManualClock`, which stands still
//! until it is set or advanced.

use std::sync::{Arc, Mutex};

use time::{Duration, OffsetDateTime};

use crate::domain::Timestamp;

/// A source of the current instant, shared by the services, the store and the watches.
pub trait Clock: Send + Sync {
    /// The current instant, to the microsecond (what both databases keep).
    fn now(&self) -> Timestamp;
}

/// The wall clock.
#[derive(Clone, Copy, Debug, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> Timestamp {
        // The one place the server reads the wall clock for instants it keeps or judges by.
        Timestamp::now()
    }
}

/// The wall clock as the shared handle the server passes around.
pub fn system() -> Arc<dyn Clock> {
    Arc::new(SystemClock)
}

/// A clock for tests: it reads what it was last set to, and moves only when told.
#[derive(Debug)]
pub struct ManualClock {
    at: Mutex<Timestamp>,
}

impl ManualClock {
    /// A clock standing at `at` (trimmed to the microsecond, as `SystemClock` answers).
    pub fn at(at: OffsetDateTime) -> Arc<Self> {
        Arc::new(ManualClock {
            at: Mutex::new(Timestamp::to_microseconds(at)),
        })
    }

    pub fn set(&self, at: OffsetDateTime) {
        *self.lock() = Timestamp::to_microseconds(at);
    }

    pub fn advance(&self, by: Duration) {
        let mut at = self.lock();
        *at = Timestamp::to_microseconds(at.0 + by);
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Timestamp> {
        // A panicking test holding the lock leaves a valid instant behind.
        self.at.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl Clock for ManualClock {
    fn now(&self) -> Timestamp {
        *self.lock()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::calendar::{offset_from_minutes, JST_OFFSET_MINUTES};
    use time::macros::{date, datetime};

    #[test]
    fn a_manual_clock_stands_still_until_moved() {
        let clock = ManualClock::at(datetime!(2026-04-01 14:59:59.9999999 UTC));
        assert_eq!(clock.now().utc(), datetime!(2026-04-01 14:59:59.999999 UTC));
        assert_eq!(clock.now(), clock.now());
        clock.advance(Duration::seconds(1));
        assert_eq!(clock.now().utc(), datetime!(2026-04-01 15:00:00.999999 UTC));
        clock.set(datetime!(2026-04-02 00:00 +09:00));
        assert_eq!(clock.now().utc(), datetime!(2026-04-01 15:00 UTC));
    }

    #[test]
    fn today_in_japan_turns_at_fifteen_utc_by_the_clock_not_the_wall() {
        let jst = offset_from_minutes(JST_OFFSET_MINUTES);
        let clock: Arc<ManualClock> = ManualClock::at(datetime!(2026-04-01 14:59:59 UTC));
        let shared: Arc<dyn Clock> = clock.clone();
        assert_eq!(shared.now().local_date(jst), date!(2026 - 04 - 01));
        clock.advance(Duration::seconds(1));
        assert_eq!(shared.now().local_date(jst), date!(2026 - 04 - 02));
    }

    #[test]
    fn the_system_clock_answers_to_the_microsecond() {
        assert_eq!(SystemClock.now().0.nanosecond() % 1_000, 0);
    }
}

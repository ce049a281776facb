//! The rules of 午睡チェック (nap checks): the first check of a sleeping child opens the nap,
//! each check sets when the next one is due, and when the nap ends its checks are judged —
//! how many the nap's length required and how many came on time — on the local day the nap
//! began (a nap over midnight counts for the day it started).
//!
//! Pure rules; `store/sql/naps.rs` reads the open nap and its checks and writes what these
//! decide, and the nap watcher raises an alert when a due time passes.

use time::{Date, Duration, UtcOffset};

use super::{CareAlertKind, Id, Nap, NapCompliance, SleepPosition, Timestamp};

/// The alert a check raises at once: breathing not OK, else a child lying on its front (the
/// position most linked to sudden infant death); none when all is well.
pub fn danger(position: SleepPosition, breathing_ok: bool) -> Option<CareAlertKind> {
    if !breathing_ok {
        Some(CareAlertKind::NapBreathing)
    } else if position == SleepPosition::Front {
        Some(CareAlertKind::NapPosition)
    } else {
        None
    }
}

/// When the check after one made at `at` is due: `interval_seconds` later, or never when this
/// age needs no checks.
pub fn next_check_due(at: Timestamp, interval_seconds: Option<i64>) -> Option<Timestamp> {
    interval_seconds
        .filter(|seconds| *seconds > 0)
        .map(|seconds| Timestamp(at.0 + Duration::seconds(seconds)))
}

/// The nap a check belongs to.
#[derive(Clone, Debug)]
pub struct NapOfCheck {
    pub nap: Nap,
    /// The check opened it (no nap was open): the nap is to be written first.
    pub opens: bool,
}

/// A check cannot come before the nap it belongs to started.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CheckBeforeNap;

impl CheckBeforeNap {
    pub const FIELD: &'static str = "checkedAt";
    pub const MESSAGE: &'static str = "before the nap started";
}

/// A nap beginning at `started_at` (started by hand, or by its first check).
pub fn new_nap(id: Id, child_id: Id, started_at: Timestamp, interval_seconds: Option<i64>) -> Nap {
    Nap {
        id,
        child_id,
        started_at,
        ended_at: None,
        interval_seconds,
    }
}

/// The nap a check at `checked_at` belongs to: the child's open nap, or — the first check of a
/// sleeping child — a new one (`new_id`) starting at the check, with `interval_seconds`.
pub fn nap_of_check(
    open: Option<Nap>,
    child_id: Id,
    checked_at: Timestamp,
    interval_seconds: Option<i64>,
    new_id: Id,
) -> Result<NapOfCheck, CheckBeforeNap> {
    match open {
        Some(nap) if checked_at < nap.started_at => Err(CheckBeforeNap),
        Some(nap) => Ok(NapOfCheck { nap, opens: false }),
        None => Ok(NapOfCheck {
            nap: new_nap(new_id, child_id, checked_at, interval_seconds),
            opens: true,
        }),
    }
}

/// When a nap ended at `at` is recorded as ending: never before it began (a tablet's clock a
/// little behind must not give a negative nap).
pub fn end_of_nap(nap: &Nap, at: Timestamp) -> Timestamp {
    at.max(nap.started_at)
}

/// The local date a nap's compliance counts for: the day it began.
pub fn compliance_date(nap: &Nap, offset: UtcOffset) -> Date {
    nap.started_at.local_date(offset)
}

/// A nap's compliance: checks whose gap from the previous check (or the start) was within the
/// interval count as on time; the nap's length decides how many were required. `checks` in
/// time order.
pub fn compliance(nap: &Nap, ended_at: Timestamp, checks: &[Timestamp]) -> NapCompliance {
    let Some(interval) = nap.interval_seconds.filter(|s| *s > 0) else {
        return NapCompliance::default();
    };
    let duration = (ended_at.0 - nap.started_at.0).whole_seconds().max(0);
    let required = duration / interval;
    let mut previous = nap.started_at;
    let mut on_time = 0;
    for at in checks {
        if (at.0 - previous.0).whole_seconds() <= interval {
            on_time += 1;
        }
        previous = *at;
    }
    NapCompliance {
        required_checks: required,
        on_time_checks: on_time.min(required),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, datetime, offset};

    const CHILD: Id = Id(uuid::Uuid::from_u128(1));
    const FIVE_MINUTES: i64 = 300;

    fn at(minute: i64) -> Timestamp {
        Timestamp(datetime!(2026-12-03 04:00 UTC) + Duration::minutes(minute))
    }

    fn nap(interval_seconds: Option<i64>) -> Nap {
        Nap {
            id: Id(uuid::Uuid::from_u128(7)),
            child_id: CHILD,
            started_at: at(0),
            ended_at: None,
            interval_seconds,
        }
    }

    #[test]
    fn breathing_comes_before_position_and_a_child_on_its_back_raises_nothing() {
        assert_eq!(danger(SleepPosition::Front, false), Some(CareAlertKind::NapBreathing));
        assert_eq!(danger(SleepPosition::Front, true), Some(CareAlertKind::NapPosition));
        assert_eq!(danger(SleepPosition::Back, true), None);
    }

    #[test]
    fn the_first_check_of_a_sleeping_child_opens_the_nap_at_that_check() {
        let new_id = Id(uuid::Uuid::from_u128(9));
        let of = nap_of_check(None, CHILD, at(3), Some(FIVE_MINUTES), new_id).unwrap();
        assert!(of.opens);
        assert_eq!(of.nap.id, new_id);
        assert_eq!(of.nap.started_at, at(3));
        assert_eq!(of.nap.interval_seconds, Some(FIVE_MINUTES));
    }

    #[test]
    fn later_checks_join_the_open_nap_but_never_before_it_began() {
        let open = nap(Some(FIVE_MINUTES));
        let of = nap_of_check(Some(open.clone()), CHILD, at(5), Some(600), Id::new()).unwrap();
        assert!(!of.opens);
        assert_eq!(of.nap.id, open.id);
        // The open nap keeps the interval it began with.
        assert_eq!(of.nap.interval_seconds, Some(FIVE_MINUTES));
        let early = nap_of_check(Some(open), CHILD, at(-1), Some(FIVE_MINUTES), Id::new());
        assert_eq!(early.unwrap_err(), CheckBeforeNap);
    }

    #[test]
    fn the_next_check_is_due_one_interval_after_the_last() {
        assert_eq!(next_check_due(at(10), Some(FIVE_MINUTES)), Some(at(15)));
        assert_eq!(next_check_due(at(10), None), None);
        assert_eq!(next_check_due(at(10), Some(0)), None);
    }

    #[test]
    fn checks_within_the_interval_are_on_time_and_the_length_sets_how_many_were_required() {
        // 30 minutes at 5-minute checks: 6 required. Checks at 5, 10, 20 (a 10-minute gap:
        // late), 25, 30: 4 on time.
        let checks: Vec<Timestamp> = [5, 10, 20, 25, 30].into_iter().map(at).collect();
        let judged = compliance(&nap(Some(FIVE_MINUTES)), at(30), &checks);
        assert_eq!(
            judged,
            NapCompliance {
                required_checks: 6,
                on_time_checks: 4
            }
        );
    }

    #[test]
    fn on_time_checks_never_exceed_the_required_ones() {
        let checks: Vec<Timestamp> = [1, 2, 3, 4].into_iter().map(at).collect();
        let judged = compliance(&nap(Some(FIVE_MINUTES)), at(6), &checks);
        assert_eq!(judged.required_checks, 1);
        assert_eq!(judged.on_time_checks, 1);
    }

    #[test]
    fn an_age_without_checks_requires_none() {
        let judged = compliance(&nap(None), at(90), &[at(10)]);
        assert_eq!(judged, NapCompliance::default());
    }

    #[test]
    fn a_nap_never_ends_before_it_began() {
        let nap = nap(Some(FIVE_MINUTES));
        assert_eq!(end_of_nap(&nap, at(-3)), at(0));
        assert_eq!(end_of_nap(&nap, at(40)), at(40));
        assert_eq!(compliance(&nap, end_of_nap(&nap, at(-3)), &[]).required_checks, 0);
    }

    #[test]
    fn a_nap_over_midnight_counts_for_the_day_it_began() {
        // 23:50 in Japan on 3 December, ended after midnight.
        let late = Nap {
            started_at: Timestamp(datetime!(2026-12-03 14:50 UTC)),
            ..nap(Some(FIVE_MINUTES))
        };
        assert_eq!(compliance_date(&late, offset!(+9)), date!(2026 - 12 - 03));
    }
}

//! Safety of the day (issue 18): the nursery calendar, corrections of the day's records, the
//! not-yet-arrived check (登園確認), nobody left behind (降園確認) and the pickup plan (お迎え).
//! Each write is one unit of work the service owns: it opens the transaction, asks the policy,
//! applies the domain's rules, calls small store functions, plans the log entry, pushes and
//! audit entry explicitly, commits and wakes the tailer.

pub mod arrival_checks;
pub mod arrival_watch;
pub mod calendar;
pub mod corrections;
pub mod departure_checks;
pub mod departure_watch;
pub mod open_days;
pub mod open_today;
pub mod pickup_list;
pub mod pickup_plans;

use crate::audit::NewAuditEntry;
use crate::domain::{Id, Timestamp};

/// The audit entry of the request's running mutation, written in the unit of work: `None`
/// outside a request (the watcher's writes are its own log entries). `now` is its `at`.
pub(crate) fn planned_audit(now: Timestamp, nursery_id: Id, entity_ids: &[Id]) -> Option<NewAuditEntry> {
    crate::audit::planned_write(nursery_id, entity_ids, now)
}

//! The store's part in a group commit of check-ins and check-outs: set-based statements the
//! attendance service (`service/attendance_batch.rs`) runs inside one unit of work it opens,
//! decides with `domain::attendance_day` and `domain::safety::pickup`, and commits itself
//! (`AttendanceUnit`). The SQL is in `sql/attendance_unit.rs`, shared by both backends; each
//! statement covers the whole batch, so a commit of 60 arrivals is still a handful of
//! round trips.

use std::collections::{BTreeMap, HashMap};

use async_trait::async_trait;
use time::Date;

use super::{AttendanceWrite, StoreResult};
use crate::audit::NewAuditEntry;
use crate::domain::attendance_day::DayEntry;
use crate::domain::safety::pickup::{PickupPerson, PickupPlan, PickupWarning};
use crate::domain::{AttendanceEvent, Id, Position, PushNotice, Timestamp};

/// What became of the batch's idempotency keys.
#[derive(Debug, Default)]
pub struct KeyClaims {
    /// Writes (by index) whose key this batch claimed: theirs to write.
    pub claimed: Vec<usize>,
    /// Writes whose key was used before: for the same operation (the earlier result's id), or
    /// for another one (its name).
    pub used_before: Vec<(usize, EarlierUse)>,
}

#[derive(Debug)]
pub enum EarlierUse {
    SameOperation(Id),
    OtherOperation(String),
}

/// A locked child: classroom (for the daily figures), name and nursery offset (for the push
/// text).
#[derive(Clone, Debug)]
pub struct LockedChild {
    pub classroom_id: Id,
    pub name: String,
    pub utc_offset_minutes: i32,
}

/// The families' pickup lists and the children's one-off plans around the batch's dates.
#[derive(Clone, Debug, Default)]
pub struct PickupRules {
    pub people: Vec<PickupPerson>,
    pub one_off_plans: Vec<PickupPlan>,
}

/// One write transaction of a group commit.
#[async_trait]
pub trait AttendanceUnit: Send {
    /// Claims the keys of `writes` at `indices`, in key order (two batches holding the same
    /// keys wait for each other instead of deadlocking).
    async fn claim_keys(
        &mut self,
        writes: &[AttendanceWrite],
        indices: &[usize],
        now: Timestamp,
    ) -> StoreResult<KeyClaims>;
    /// Frees keys claimed by writes that were then refused, so a retry is judged again.
    async fn release_keys(&mut self, writes: &[AttendanceWrite], indices: &[usize]) -> StoreResult<()>;
    /// Locks the children, in id order so that writers cannot deadlock: two tablets can then
    /// not both check the same child in. Children that do not exist are absent.
    async fn lock_children(&mut self, child_ids: &[Id]) -> StoreResult<HashMap<Id, LockedChild>>;
    /// The children's arrivals and departures in `[from, to)` that were not corrected, read
    /// after they are locked (so a concurrent writer's committed events are seen).
    async fn days_so_far(
        &mut self,
        child_ids: &[Id],
        from: Timestamp,
        to: Timestamp,
    ) -> StoreResult<HashMap<Id, Vec<DayEntry>>>;
    /// Inserts the events (`(write index, event)`), each on its write's date and in its
    /// child's classroom.
    async fn insert_events(
        &mut self,
        writes: &[AttendanceWrite],
        recorded: &[(usize, AttendanceEvent)],
        children: &HashMap<Id, LockedChild>,
        now: Timestamp,
    ) -> StoreResult<()>;
    /// The events' log entries, in batch order; their positions by event id.
    async fn append_events_to_log(
        &mut self,
        recorded: &[(usize, AttendanceEvent)],
        now: Timestamp,
    ) -> StoreResult<HashMap<Id, Position>>;
    /// The pickup lists of `family_ids` and one-off plans of `child_ids` on `first..=last`.
    async fn pickup_rules(
        &mut self,
        family_ids: &[Id],
        child_ids: &[Id],
        first: Date,
        last: Date,
    ) -> StoreResult<PickupRules>;
    /// Writes pickup warnings and their log entries (after the batch's check-outs).
    async fn insert_pickup_warnings(&mut self, warnings: &[PickupWarning], now: Timestamp) -> StoreResult<()>;
    /// The notices' push outbox rows, each with its child's name and nursery offset.
    async fn enqueue_pushes(&mut self, notices: &[(&PushNotice, &str, i32)]) -> StoreResult<()>;
    /// Adds first arrivals to the classrooms' daily figures, by (classroom, date, nursery).
    async fn count_first_arrivals(&mut self, first_arrivals: &BTreeMap<(Id, Date, Id), i64>) -> StoreResult<()>;
    async fn audit(&mut self, entries: &[NewAuditEntry]) -> StoreResult<()>;
    async fn commit(self: Box<Self>) -> StoreResult<()>;
}

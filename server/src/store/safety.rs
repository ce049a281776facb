//! The store's part in the safety of the day (issue 18): small statements a service runs
//! inside a unit of work it opens, decides and commits itself (`SafetyUnit`), and the reads
//! behind the staff's lists and the watcher (`SafetyStore`). The SQL is in
//! `sql/safety_unit.rs` and `sql/safety_reads.rs`, shared by both backends.

use std::collections::HashMap;

use async_trait::async_trait;
use time::Date;

use super::{IdempotencyKey, StoreResult};
use crate::audit::NewAuditEntry;
use crate::domain::safety::arrival::{ArrivalCheck, ArrivalCheckResolution, TodaysReport};
use crate::domain::safety::departure::{DepartureCheck, DepartureCheckResolution, StillHere};
use crate::domain::safety::opening::NurseryHours;
use crate::domain::{AbsenceReport, AttendanceEvent, EventPayload, Id, Position, PushKind, PushNotice, Timestamp};

/// A check-in or check-out about to be corrected, with what the rules need to know of it.
#[derive(Clone, Debug)]
pub struct CorrectableAttendance {
    pub event: AttendanceEvent,
    /// The nursery-local date it was recorded for.
    pub date: Date,
    pub classroom_id: Option<Id>,
    pub already_corrected: bool,
}

/// A child with no arrival and no check yet today, and their reports for today.
#[derive(Clone, Debug)]
pub struct ArrivalCandidate {
    pub child_id: Id,
    pub nursery_id: Id,
    pub family_id: Id,
    pub name: String,
    pub reports: Vec<TodaysReport>,
}

/// A nursery as the watcher sees it: its clock, its hours (`None`: the defaults).
#[derive(Clone, Debug)]
pub struct WatchedNursery {
    pub id: Id,
    pub utc_offset_minutes: i32,
    pub hours: Option<NurseryHours>,
    pub created_at: Timestamp,
}

/// A push to every guardian of a family, its text in each guardian's language.
#[derive(Clone, Debug)]
pub struct GuardianPush {
    pub kind: PushKind,
    pub family_id: Id,
    pub urgency: &'static str,
    pub ttl_seconds: i64,
    /// The JSON payload for guardians whose language is Japanese (and anything not English).
    pub payload_ja: String,
    pub payload_en: String,
}

/// The left-behind check's statements (降園確認), in the same unit of work as the rest.
#[async_trait]
pub trait DepartureUnit: Send {
    /// Children of the nurseries checked in on the UTC range `day` with no check-out after.
    async fn children_still_here(
        &mut self,
        nursery_ids: &[Id],
        day: (Timestamp, Timestamp),
    ) -> StoreResult<Vec<StillHere>>;
    /// The nurseries' checks of `date`, open or not.
    async fn departure_checks_of(&mut self, nursery_ids: &[Id], date: Date) -> StoreResult<Vec<DepartureCheck>>;
    /// Inserts the check unless the child already has one that day: whether it was inserted.
    async fn insert_departure_check(&mut self, check: &DepartureCheck) -> StoreResult<bool>;
    /// Moves an open check's last alert from `seen` (what this replica read) to `at`; `None`
    /// when another replica repeated it first or it has ended.
    async fn realert_departure_check(
        &mut self,
        id: Id,
        seen: Timestamp,
        at: Timestamp,
    ) -> StoreResult<Option<DepartureCheck>>;
    /// Ends an open check; `None` when it was not open (someone else ended it first).
    async fn resolve_departure_check(
        &mut self,
        id: Id,
        resolution: DepartureCheckResolution,
        by: Option<Id>,
        note: Option<&str>,
        at: Timestamp,
    ) -> StoreResult<Option<DepartureCheck>>;
    /// One outbox row per device of each addressee of the notice who has its kind switched on.
    async fn enqueue_notice(&mut self, notice: &PushNotice) -> StoreResult<()>;
}

/// A family's changes to its absence reports before the nursery acknowledges them, in the same
/// unit of work as the rest.
#[async_trait]
pub trait AbsenceUnit: Send {
    /// The report, its row locked against an acknowledgement meanwhile; `None` if there is none
    /// (never reported, or withdrawn).
    async fn absence_for_change(&mut self, id: Id) -> StoreResult<Option<AbsenceReport>>;
    /// Writes an edited report: whether it was still unacknowledged.
    async fn update_absence(&mut self, report: &AbsenceReport) -> StoreResult<bool>;
    /// Moves the report out of the records into the withdrawn ones, as it stood: whether it was
    /// still unacknowledged.
    async fn withdraw_absence(&mut self, report: &AbsenceReport, by: Id, at: Timestamp) -> StoreResult<bool>;
}

/// One unit of work, opened by a service: nothing is visible to anyone until `commit`.
/// Dropping it uncommitted rolls everything back.
#[async_trait]
pub trait SafetyUnit: DepartureUnit + AbsenceUnit + Send {
    /// Claims an idempotency key for a result with id `result_id`; the earlier result's id
    /// when the key was used before (then nothing should be written).
    async fn claim_key(&mut self, key: &IdempotencyKey, result_id: Id) -> StoreResult<Option<Id>>;
    /// Locks the child's row so that writes about their day are serialised with check-ins.
    async fn lock_child(&mut self, child_id: Id) -> StoreResult<()>;
    async fn correctable_attendance(&mut self, id: Id) -> StoreResult<Option<CorrectableAttendance>>;
    /// The child's check-ins and check-outs of `date` that no correction superseded, in order.
    async fn standing_attendance(&mut self, child_id: Id, date: Date) -> StoreResult<Vec<AttendanceEvent>>;
    async fn insert_correction(
        &mut self,
        correction_id: Id,
        target: &AttendanceEvent,
        reason: &str,
        by: Id,
        at: Timestamp,
    ) -> StoreResult<()>;
    /// Takes one arrival off the classroom's daily count (the reports' figures).
    async fn uncount_arrival(&mut self, classroom_id: Id, date: Date) -> StoreResult<()>;
    async fn put_hours(&mut self, nursery_id: Id, hours: &NurseryHours) -> StoreResult<()>;
    /// Records ended days the calendar had open (those already recorded stay).
    async fn record_open_days(&mut self, days: &[(Id, Date)]) -> StoreResult<()>;
    /// Records one past day as open or not, after the head changed it.
    async fn set_open_day(&mut self, nursery_id: Id, date: Date, open: bool) -> StoreResult<()>;
    /// Sets (`Some((open, note))`) or removes the head's exception for a day.
    async fn put_calendar_day(
        &mut self,
        nursery_id: Id,
        date: Date,
        exception: Option<(bool, Option<String>)>,
    ) -> StoreResult<()>;
    /// The candidates again, inside the unit (after the watcher's read found some).
    async fn arrival_candidates(
        &mut self,
        nursery_ids: &[Id],
        date: Date,
        day: (Timestamp, Timestamp),
    ) -> StoreResult<Vec<ArrivalCandidate>>;
    /// Inserts the check unless the child already has one that day: whether it was inserted.
    async fn insert_arrival_check(&mut self, check: &ArrivalCheck) -> StoreResult<bool>;
    /// Open checks of the day that an arrival or a report made after them has ended.
    async fn ended_arrival_checks(
        &mut self,
        nursery_ids: &[Id],
        date: Date,
        day: (Timestamp, Timestamp),
    ) -> StoreResult<Vec<(ArrivalCheck, ArrivalCheckResolution)>>;
    /// Ends an open check; `None` when it was not open (someone else ended it first).
    async fn resolve_arrival_check(
        &mut self,
        id: Id,
        resolution: ArrivalCheckResolution,
        by: Option<Id>,
        note: Option<&str>,
        at: Timestamp,
    ) -> StoreResult<Option<ArrivalCheck>>;
    /// Appends a live event to the log (no pushes: those are planned explicitly).
    async fn append_event(&mut self, entity_id: Id, payload: &EventPayload) -> StoreResult<Position>;
    /// One outbox row per device of each guardian of the family who has the kind switched on.
    async fn enqueue_guardian_push(&mut self, push: &GuardianPush) -> StoreResult<()>;
    async fn audit(&mut self, entry: &NewAuditEntry) -> StoreResult<()>;
    async fn commit(self: Box<Self>) -> StoreResult<()>;
}

#[async_trait]
pub trait SafetyStore {
    /// Opens a write transaction for a service's unit of work.
    async fn begin_unit(&self) -> StoreResult<Box<dyn SafetyUnit>>;
    async fn nursery_hours(&self, nursery_id: Id) -> StoreResult<Option<NurseryHours>>;
    /// The head's exceptions on dates `from..=to`: (date, open, note).
    async fn calendar_days(
        &self,
        nursery_id: Id,
        from: Date,
        to: Date,
    ) -> StoreResult<Vec<(Date, bool, Option<String>)>>;
    /// Every nursery with its clock and hours.
    async fn watched_nurseries(&self) -> StoreResult<Vec<WatchedNursery>>;
    /// The nurseries that made an exception of `date`, open or closed.
    async fn calendar_exceptions(&self, date: Date) -> StoreResult<HashMap<Id, bool>>;
    /// Children of the nurseries enrolled on `date`, not withdrawn, with no arrival (that
    /// stands) and no check yet that day, and no absence reported for it.
    async fn arrival_candidates(
        &self,
        nursery_ids: &[Id],
        date: Date,
        day: (Timestamp, Timestamp),
    ) -> StoreResult<Vec<ArrivalCandidate>>;
    /// Whether any open check of the day has been ended by an arrival or a report.
    async fn any_arrival_check_ended(
        &self,
        nursery_ids: &[Id],
        date: Date,
        day: (Timestamp, Timestamp),
    ) -> StoreResult<bool>;
    /// The nursery's checks of the day, open first, then by child name.
    async fn arrival_checks(&self, nursery_id: Id, date: Date) -> StoreResult<Vec<ArrivalCheck>>;
    async fn arrival_check(&self, id: Id) -> StoreResult<Option<ArrivalCheck>>;
    /// Children still here after closing (the watch's read before it opens a unit).
    async fn children_still_here(&self, nursery_ids: &[Id], day: (Timestamp, Timestamp))
        -> StoreResult<Vec<StillHere>>;
    async fn departure_checks(&self, nursery_ids: &[Id], date: Date) -> StoreResult<Vec<DepartureCheck>>;
    async fn departure_check(&self, id: Id) -> StoreResult<Option<DepartureCheck>>;
    /// A correction as the live event it was sent as.
    async fn correction_event(&self, correction_id: Id) -> StoreResult<Option<AttendanceEvent>>;
}

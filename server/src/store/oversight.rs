//! The store's oversight parts: aggregate reports, infection surveillance, the audit trail
//! and bulk import of past days, with the types they take.

use async_trait::async_trait;
use time::Date;

use super::StoreResult;
use crate::domain::*;

/// Where an absence report is filed, and the surveillance rule it is checked against.
#[derive(Clone, Debug)]
pub struct AbsenceContext {
    pub classroom_id: Id,
    pub surveillance: Option<Surveillance>,
}

#[derive(Clone, Debug)]
pub struct Surveillance {
    pub municipality_id: Id,
    pub rule: InfectionRule,
}

/// Aggregate figures for municipal reports: counts only, never a child.
#[async_trait]
pub trait ReportStore {
    /// The open days (anyone arrived or was reported) of `nurseries` in `from..=to`, with
    /// counts by age band, absences by symptom, nap-check compliance and approved diaries.
    async fn nursery_days(&self, nurseries: &[Id], from: Date, to: Date) -> StoreResult<Vec<NurseryDay>>;
    /// Children absent per classroom, day and symptom.
    async fn classroom_symptom_days(
        &self,
        nurseries: &[Id],
        from: Date,
        to: Date,
    ) -> StoreResult<Vec<ClassroomSymptomDay>>;
}

#[async_trait]
pub trait SurveillanceStore {
    /// The municipality's cluster rule, when it set one.
    async fn infection_rule(&self, municipality_id: Id) -> StoreResult<Option<InfectionRule>>;
    async fn set_infection_rule(&self, municipality_id: Id, rule: InfectionRule, by: Id) -> StoreResult<()>;
    /// Alerts of `nurseries` whose window overlaps `from..=to`, newest first (at most 1,000).
    async fn infection_alerts(&self, nurseries: &[Id], from: Date, to: Date) -> StoreResult<Vec<InfectionAlert>>;
}

/// What the caller may see of the audit trail, and the filters asked for.
#[derive(Clone, Debug, Default)]
pub struct AuditFilter {
    /// `None`: every entry (SYSTEM_ADMIN); otherwise only these nurseries' entries.
    pub nurseries: Option<Vec<Id>>,
    pub actor_id: Option<Id>,
    pub operation: Option<String>,
    pub access: Option<AuditAccess>,
    pub entity_id: Option<Id>,
    pub from: Option<Timestamp>,
    pub to: Option<Timestamp>,
    /// Paging: entries older than this one.
    pub before_id: Option<i64>,
}

#[async_trait]
pub trait AuditStore {
    /// Appends entries of reads (writes are recorded by the write's own transaction).
    async fn append_audit(&self, entries: &[crate::audit::NewAuditEntry]) -> StoreResult<()>;
    /// Newest first.
    async fn audit_entries(&self, filter: &AuditFilter, limit: i64) -> StoreResult<Vec<AuditEntry>>;
    /// Deletes entries older than `before`; returns how many.
    async fn prune_audit(&self, before: Timestamp) -> StoreResult<u64>;
}

/// An arrival or departure of a past day, for bulk import.
#[derive(Clone, Debug)]
pub struct HistoricAttendance {
    pub event: AttendanceEvent,
    pub date: Date,
    pub classroom_id: Id,
}

#[derive(Clone, Debug)]
pub struct NapComplianceDay {
    pub child_id: Id,
    pub nursery_id: Id,
    pub date: Date,
    pub required_checks: i64,
    pub on_time_checks: i64,
}

/// Past days' records, imported in one transaction.
#[derive(Clone, Debug, Default)]
pub struct HistoryBatch {
    pub attendance: Vec<HistoricAttendance>,
    /// Reports with the classroom they were filed in.
    pub absences: Vec<(AbsenceReport, Id)>,
    pub nap_compliance: Vec<NapComplianceDay>,
    pub diaries: Vec<Journal>,
}

#[async_trait]
pub trait HistoryStore {
    async fn import_history(&self, batch: &HistoryBatch) -> StoreResult<()>;
    async fn finish_import(&self) -> StoreResult<()>;
}

//! GraphQL types of municipal reports, infection alerts and the audit trail. Report types carry
//! counts and the nursery or classroom they are about; never a child.

use async_graphql::{Context, Object, Result, SimpleObject, ID};

use super::scalars::{GqlDate, GqlDateTime};
use super::services;
use super::types::NurseryObject;
use crate::domain::*;
use crate::error::AppError;
use crate::service;
use crate::service::reports::{rate, NurseryPeriod};

fn int(value: i64) -> i32 {
    value.try_into().unwrap_or(i32::MAX)
}

#[derive(SimpleObject)]
pub struct SymptomCount {
    pub symptom: Symptom,
    /// Children absent with this symptom.
    pub count: i32,
}

fn symptom_counts(symptoms: &[(Symptom, i64)]) -> Vec<SymptomCount> {
    symptoms
        .iter()
        .map(|(symptom, count)| SymptomCount {
            symptom: *symptom,
            count: int(*count),
        })
        .collect()
}

/// Counts for the children of one age band (the classroom's 0–5 歳児). For readers other
/// than the nursery's head, counts small enough to single out a child (below
/// SMALL_COUNT_THRESHOLD), and those that would give them away, are null and `suppressed`.
#[derive(SimpleObject)]
pub struct AgeBandCounts {
    pub age_band: i32,
    pub enrolled: Option<i32>,
    pub present: Option<i32>,
    pub absent: Option<i32>,
    pub late: Option<i32>,
    /// present / enrolled; null when nobody was enrolled or either is suppressed.
    pub attendance_rate: Option<f64>,
    /// Some count of this band is withheld (null above): never read it as zero.
    pub suppressed: bool,
}

fn band_counts(bands: &[(i32, DayCounts)], withhold_below: i64) -> Vec<AgeBandCounts> {
    release_bands(bands, withhold_below)
        .into_iter()
        .map(|band| AgeBandCounts {
            age_band: band.age_band,
            enrolled: band.enrolled.map(int),
            present: band.present.map(int),
            absent: band.absent.map(int),
            late: band.late.map(int),
            attendance_rate: band.present.zip(band.enrolled).and_then(|(p, e)| rate(p, e)),
            suppressed: band.suppressed(),
        })
        .collect()
}

/// One nursery's open day: who was enrolled, present, absent (reported) and late.
pub struct NurseryDaySummaryObject {
    pub nursery: Nursery,
    pub day: NurseryDay,
    /// See `ReportScope::withhold_below`.
    pub withhold_below: i64,
}

#[Object(name = "NurseryDaySummary")]
impl NurseryDaySummaryObject {
    async fn nursery(&self) -> NurseryObject {
        NurseryObject(self.nursery.clone())
    }
    async fn date(&self) -> GqlDate {
        GqlDate(self.day.date)
    }
    /// Children enrolled on that date.
    async fn enrolled(&self) -> i32 {
        int(self.day.totals().enrolled)
    }
    /// Children checked in that day.
    async fn present(&self) -> i32 {
        int(self.day.totals().present)
    }
    /// Children reported absent for that day.
    async fn absent(&self) -> i32 {
        int(self.day.totals().absent)
    }
    /// Children reported late that day.
    async fn late(&self) -> i32 {
        int(self.day.totals().late)
    }
    async fn absences_by_symptom(&self) -> Vec<SymptomCount> {
        symptom_counts(&self.day.symptoms)
    }
    /// present / enrolled; null when nobody was enrolled.
    async fn attendance_rate(&self) -> Option<f64> {
        let totals = self.day.totals();
        rate(totals.present, totals.enrolled)
    }
    async fn age_bands(&self) -> Vec<AgeBandCounts> {
        band_counts(&self.day.bands, self.withhold_below)
    }
    /// 午睡チェック: checks that were due on naps begun that day (counted once each nap has
    /// ended), and those made on time.
    async fn nap_checks_required(&self) -> i32 {
        int(self.day.nap_checks_required)
    }
    async fn nap_checks_on_time(&self) -> i32 {
        int(self.day.nap_checks_on_time)
    }
    async fn nap_check_compliance(&self) -> Option<f64> {
        rate(self.day.nap_checks_on_time, self.day.nap_checks_required)
    }
    async fn classrooms(&self) -> i32 {
        int(self.day.classrooms)
    }
    /// Classrooms whose daily diary for that day the head approved.
    async fn diaries_approved(&self) -> i32 {
        int(self.day.diaries_approved)
    }
}

/// One nursery's figures over a period: child-days summed over its open days.
pub struct NurseryPeriodSummaryObject {
    pub nursery: Nursery,
    pub from: time::Date,
    pub to: time::Date,
    pub period: NurseryPeriod,
    pub withhold_below: i64,
}

#[Object(name = "NurseryPeriodSummary")]
impl NurseryPeriodSummaryObject {
    async fn nursery(&self) -> NurseryObject {
        NurseryObject(self.nursery.clone())
    }
    async fn from(&self) -> GqlDate {
        GqlDate(self.from)
    }
    async fn to(&self) -> GqlDate {
        GqlDate(self.to)
    }
    /// Days anyone arrived or was reported absent.
    async fn open_days(&self) -> i32 {
        int(self.period.open_days)
    }
    async fn enrolled_child_days(&self) -> i32 {
        int(self.period.totals.enrolled)
    }
    async fn present_child_days(&self) -> i32 {
        int(self.period.totals.present)
    }
    async fn absent_child_days(&self) -> i32 {
        int(self.period.totals.absent)
    }
    async fn late_arrivals(&self) -> i32 {
        int(self.period.totals.late)
    }
    /// presentChildDays / enrolledChildDays.
    async fn attendance_rate(&self) -> Option<f64> {
        rate(self.period.totals.present, self.period.totals.enrolled)
    }
    async fn absences_by_symptom(&self) -> Vec<SymptomCount> {
        symptom_counts(&self.period.symptoms)
    }
    async fn age_bands(&self) -> Vec<AgeBandCounts> {
        band_counts(&self.period.bands, self.withhold_below)
    }
    async fn nap_checks_required(&self) -> i32 {
        int(self.period.nap_checks_required)
    }
    async fn nap_checks_on_time(&self) -> i32 {
        int(self.period.nap_checks_on_time)
    }
    /// Required nap checks made on time; null when none were required.
    async fn nap_check_compliance(&self) -> Option<f64> {
        rate(self.period.nap_checks_on_time, self.period.nap_checks_required)
    }
    /// Classrooms × open days: the daily diaries that should exist.
    async fn classroom_days(&self) -> i32 {
        int(self.period.classroom_days)
    }
    async fn diaries_approved(&self) -> i32 {
        int(self.period.diaries_approved)
    }
    async fn diary_approval_rate(&self) -> Option<f64> {
        rate(self.period.diaries_approved, self.period.classroom_days)
    }
}

/// Children of one classroom absent with one symptom on one day.
pub struct ClassroomSymptomDayObject {
    pub nursery: Nursery,
    pub row: ClassroomSymptomDay,
    /// The count as released to the caller; `None` when withheld as small.
    pub released: Option<i64>,
}

#[Object(name = "ClassroomSymptomDay")]
impl ClassroomSymptomDayObject {
    async fn nursery(&self) -> NurseryObject {
        NurseryObject(self.nursery.clone())
    }
    async fn classroom_id(&self) -> ID {
        ID(self.row.classroom_id.to_string())
    }
    async fn classroom_name(&self) -> &str {
        &self.row.classroom_name
    }
    async fn age_band(&self) -> i32 {
        self.row.age_band
    }
    async fn date(&self) -> GqlDate {
        GqlDate(self.row.date)
    }
    async fn symptom(&self) -> Symptom {
        self.row.symptom
    }
    /// Null (and `suppressed`) for readers other than the nursery's head when the count is
    /// small enough to single out a child, or would give such a count away.
    async fn children(&self) -> Option<i32> {
        self.released.map(int)
    }
    async fn suppressed(&self) -> bool {
        self.released.is_none()
    }
}

#[derive(SimpleObject)]
#[graphql(name = "InfectionAlertRule")]
pub struct InfectionRuleObject {
    /// Children of one classroom absent with the same symptom…
    pub min_children: i32,
    /// …within this many consecutive days.
    pub window_days: i32,
}

impl From<InfectionRule> for InfectionRuleObject {
    fn from(rule: InfectionRule) -> Self {
        InfectionRuleObject {
            min_children: int(rule.min_children),
            window_days: int(rule.window_days),
        }
    }
}

/// A cluster of absences with one symptom in one classroom (counts only).
pub struct InfectionAlertObject(pub InfectionAlert);

#[Object(name = "InfectionAlert")]
impl InfectionAlertObject {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn nursery(&self, ctx: &Context<'_>) -> Result<NurseryObject> {
        let nursery = service::reached::nursery(services(ctx), self.0.nursery_id)
            .await?
            .ok_or(AppError::NotFound)?;
        Ok(NurseryObject(nursery))
    }
    async fn classroom_id(&self) -> ID {
        ID(self.0.classroom_id.to_string())
    }
    async fn classroom_name(&self) -> &str {
        &self.0.classroom_name
    }
    async fn symptom(&self) -> Symptom {
        self.0.symptom
    }
    async fn window_start(&self) -> GqlDate {
        GqlDate(self.0.window_start)
    }
    async fn window_end(&self) -> GqlDate {
        GqlDate(self.0.window_end)
    }
    /// Children in the cluster (grows while the cluster goes on). Never suppressed: an alert
    /// exists for the health centre to act on that classroom.
    async fn children(&self) -> i32 {
        int(self.0.children)
    }
    /// The rule in force when the alert was raised.
    async fn rule(&self) -> InfectionRuleObject {
        self.0.rule.into()
    }
    async fn raised_at(&self) -> GqlDateTime {
        GqlDateTime(self.0.raised_at.utc())
    }
}

/// One line of the audit trail. Never the content of what was read or written.
pub struct AuditEntryObject(pub AuditEntry);

#[Object(name = "AuditEntry")]
impl AuditEntryObject {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn at(&self) -> GqlDateTime {
        GqlDateTime(self.0.at.utc())
    }
    /// Who; null for a login attempt before anyone is known.
    async fn actor_id(&self) -> Option<ID> {
        self.0.actor_id.map(|id| ID(id.to_string()))
    }
    async fn access(&self) -> AuditAccess {
        self.0.access
    }
    /// The GraphQL operation (mutation or field) that read or wrote.
    async fn operation(&self) -> &str {
        &self.0.operation
    }
    async fn nursery_id(&self) -> Option<ID> {
        self.0.nursery_id.map(|id| ID(id.to_string()))
    }
    async fn entity_ids(&self) -> Vec<ID> {
        self.0.entity_ids.iter().map(|id| ID(id.to_string())).collect()
    }
    /// Where the request came from: SYSTEM_ADMIN only (null for nursery heads).
    async fn client_address(&self) -> Option<&str> {
        self.0.client_addr.as_deref()
    }
}

#[derive(SimpleObject)]
#[graphql(name = "AuditLogPage")]
pub struct AuditPageObject {
    pub entries: Vec<AuditEntryObject>,
    /// Pass as `after` for the next page; null on the last page.
    pub next_cursor: Option<String>,
}

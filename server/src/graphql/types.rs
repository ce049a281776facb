//! Output types. Each wraps a domain record; nested fields load what they point to through the
//! services (`service::reached`, `service::child_records`: the object was authorized by how the
//! caller reached it), and lists of children go through the caller's SQL filter
//! (`service::org::children_within`), so no path leads past the policy and none to the store.

use async_graphql::{Context, Object, Result, ID};

pub use super::account_types::*;
use super::care_types::*;
use super::scalars::{GqlDate, GqlDateTime};
use super::{actor, services};
use crate::domain::*;
use crate::error::AppError;
use crate::events::cursor;
use crate::service::{self, child_records, reached};

pub struct MunicipalityObject(pub Municipality);

#[Object(name = "Municipality")]
impl MunicipalityObject {
    async fn id(&self) -> ID {
        self.0.id.into()
    }
    async fn name(&self) -> &str {
        &self.0.name
    }
    /// 全国地方公共団体コード.
    async fn code(&self) -> &str {
        &self.0.code
    }
    /// All of them for the municipality's officers; families and staff see their own nursery.
    async fn nurseries(&self, ctx: &Context<'_>) -> Result<Vec<NurseryObject>> {
        let nurseries = service::org::listed_nurseries(services(ctx), actor(ctx)?, self.0.id).await?;
        Ok(nurseries.into_iter().map(NurseryObject).collect())
    }
}

pub struct NurseryObject(pub Nursery);

#[Object(name = "Nursery")]
impl NurseryObject {
    async fn id(&self) -> ID {
        self.0.id.into()
    }
    async fn name(&self) -> &str {
        &self.0.name
    }
    async fn municipality(&self, ctx: &Context<'_>) -> Result<MunicipalityObject> {
        let found = reached::municipality(services(ctx), self.0.municipality_id).await?;
        Ok(MunicipalityObject(found.ok_or(AppError::NotFound)?))
    }
    /// A temperature at or above this is a fever.
    async fn fever_threshold_c(&self) -> f64 {
        self.0.fever_threshold_c
    }
    async fn classrooms(&self, ctx: &Context<'_>) -> Result<Vec<ClassroomObject>> {
        let classrooms = reached::classrooms_of_nursery(services(ctx), self.0.id).await?;
        Ok(classrooms.into_iter().map(ClassroomObject).collect())
    }
}

pub struct ClassroomObject(pub Classroom);

#[Object(name = "Classroom")]
impl ClassroomObject {
    async fn id(&self) -> ID {
        self.0.id.into()
    }
    async fn name(&self) -> &str {
        &self.0.name
    }
    /// 0 for 0歳児 … 5 for 5歳児.
    async fn age_band(&self) -> i32 {
        self.0.age_band
    }
    /// The classroom's children the caller may see (none for municipal officers).
    async fn children(&self, ctx: &Context<'_>) -> Result<Vec<ChildObject>> {
        let children = service::org::children_within(services(ctx), actor(ctx)?, Some(self.0.id), None).await?;
        Ok(audited_children("Classroom.children", children))
    }
}

pub struct FamilyObject(pub Family);

#[Object(name = "Family")]
impl FamilyObject {
    async fn id(&self) -> ID {
        self.0.id.into()
    }
    async fn guardians(&self, ctx: &Context<'_>) -> Result<Vec<UserObject>> {
        let users = reached::guardians_of_family(services(ctx), self.0.id).await?;
        Ok(users.into_iter().map(UserObject::new).collect())
    }
    async fn children(&self, ctx: &Context<'_>) -> Result<Vec<ChildObject>> {
        let children = service::org::children_within(services(ctx), actor(ctx)?, None, Some(self.0.id)).await?;
        Ok(audited_children("Family.children", children))
    }
    /// The people allowed to collect the family's children (お迎え), as the list stands.
    async fn pickup_people(&self, ctx: &Context<'_>) -> Result<Vec<super::pickup::PickupPersonObject>> {
        let people = service::safety::pickup_list::pickup_people(services(ctx), actor(ctx)?, self.0.id).await?;
        Ok(people.into_iter().map(super::pickup::PickupPersonObject).collect())
    }
}

pub struct ChildObject(pub Child);

/// Child-level reads go on the audit trail: which children, by which field.
pub(super) fn audited_children(operation: &str, children: Vec<Child>) -> Vec<ChildObject> {
    for child in &children {
        crate::audit::record_read(operation, child.nursery_id, [child.id]);
    }
    children.into_iter().map(ChildObject).collect()
}

impl ChildObject {
    fn audit(&self, field: &str) {
        crate::audit::record_read(&format!("Child.{field}"), self.0.nursery_id, [self.0.id]);
    }
}

#[Object(name = "Child")]
impl ChildObject {
    async fn id(&self) -> ID {
        self.0.id.into()
    }
    async fn name(&self) -> &str {
        &self.0.name
    }
    async fn name_kana(&self) -> Option<&str> {
        self.0.name_kana.as_deref()
    }
    async fn birth_date(&self) -> GqlDate {
        GqlDate(self.0.birth_date)
    }
    async fn enrolled_on(&self) -> GqlDate {
        GqlDate(self.0.enrolled_on)
    }
    /// The first day no longer at the nursery, once withdrawn.
    async fn withdrawn_on(&self) -> Option<GqlDate> {
        self.0.withdrawn_on.map(GqlDate)
    }
    /// The child's nursery: where the family's notebook pages are listed (`journals`).
    async fn nursery_id(&self) -> ID {
        self.0.nursery_id.into()
    }
    async fn classroom(&self, ctx: &Context<'_>) -> Result<ClassroomObject> {
        let found = reached::classroom(services(ctx), self.0.classroom_id).await?;
        Ok(ClassroomObject(found.ok_or(AppError::NotFound)?))
    }
    async fn family(&self, ctx: &Context<'_>) -> Result<FamilyObject> {
        let found = reached::family(services(ctx), self.0.family_id).await?;
        Ok(FamilyObject(found.ok_or(AppError::NotFound)?))
    }
    /// Arrivals and departures on local dates `from..=to` (at most a year).
    async fn attendance(&self, ctx: &Context<'_>, from: GqlDate, to: GqlDate) -> Result<Vec<AttendanceEventObject>> {
        self.audit("attendance");
        let events = child_records::attendance(services(ctx), &self.0, from.0, to.0).await?;
        Ok(events.into_iter().map(AttendanceEventObject).collect())
    }
    /// Health checks on local dates `from..=to` (at most a year).
    async fn health_checks(&self, ctx: &Context<'_>, from: GqlDate, to: GqlDate) -> Result<Vec<HealthCheckObject>> {
        self.audit("healthChecks");
        let checks = child_records::health_checks(services(ctx), &self.0, from.0, to.0).await?;
        Ok(checks.into_iter().map(HealthCheckObject).collect())
    }
    /// Height and weight over time, oldest first: a series to plot.
    async fn growth(&self, ctx: &Context<'_>) -> Result<Vec<GrowthRecordObject>> {
        self.audit("growth");
        let records = child_records::growth(services(ctx), &self.0).await?;
        Ok(records.into_iter().map(GrowthRecordObject).collect())
    }
    /// Meals on dates `from..=to` (corrections replace what they corrected).
    async fn meals(&self, ctx: &Context<'_>, from: GqlDate, to: GqlDate) -> Result<Vec<MealRecordObject>> {
        self.audit("meals");
        let meals = child_records::meals(services(ctx), &self.0, from.0, to.0).await?;
        Ok(meals.into_iter().map(MealRecordObject).collect())
    }
    async fn naps(&self, ctx: &Context<'_>, from: GqlDate, to: GqlDate) -> Result<Vec<NapObject>> {
        self.audit("naps");
        let naps = child_records::naps(services(ctx), &self.0, from.0, to.0).await?;
        Ok(naps.into_iter().map(NapObject).collect())
    }
    async fn nap_checks(&self, ctx: &Context<'_>, from: GqlDate, to: GqlDate) -> Result<Vec<NapCheckObject>> {
        self.audit("napChecks");
        let checks = child_records::nap_checks(services(ctx), &self.0, from.0, to.0).await?;
        Ok(checks.into_iter().map(NapCheckObject).collect())
    }
    /// Required nap checks that day and how many were made on time.
    async fn nap_compliance(&self, ctx: &Context<'_>, date: GqlDate) -> Result<NapComplianceObject> {
        self.audit("napCompliance");
        let compliance = child_records::nap_compliance(services(ctx), &self.0, date.0).await?;
        Ok(NapComplianceObject(compliance))
    }
    async fn allergies(&self, ctx: &Context<'_>) -> Result<Vec<String>> {
        self.audit("allergies");
        Ok(child_records::allergies(services(ctx), self.0.id).await?)
    }
    /// Absence, lateness and early pick-up reports for dates `from..=to` (at most a year).
    /// The pickup plan (お迎え) of a day, today when no date is given.
    async fn pickup_plan(
        &self,
        ctx: &Context<'_>,
        date: Option<GqlDate>,
    ) -> Result<Option<super::pickup::PickupPlanObject>> {
        let plan =
            service::safety::pickup_plans::child_pickup_plan(services(ctx), actor(ctx)?, self.0.id, date.map(|d| d.0))
                .await?;
        Ok(plan.map(super::pickup::PickupPlanObject))
    }
    async fn absences(&self, ctx: &Context<'_>, from: GqlDate, to: GqlDate) -> Result<Vec<AbsenceReportObject>> {
        self.audit("absences");
        let reports = child_records::absences(services(ctx), &self.0, from.0, to.0).await?;
        Ok(reports.into_iter().map(AbsenceReportObject).collect())
    }
}

pub(super) async fn load_child(ctx: &Context<'_>, id: Id) -> Result<ChildObject> {
    let found = reached::child(services(ctx), id).await?;
    Ok(ChildObject(found.ok_or(AppError::NotFound)?))
}

pub(super) async fn load_user(ctx: &Context<'_>, id: Id) -> Result<UserObject> {
    let found = reached::user(services(ctx), id).await?;
    Ok(UserObject::new(found.ok_or(AppError::NotFound)?))
}

pub struct AttendanceEventObject(pub AttendanceEvent);

#[Object(name = "AttendanceEvent")]
impl AttendanceEventObject {
    async fn id(&self) -> ID {
        self.0.id.into()
    }
    /// Opaque and ordered: pass as `after` to resume `attendanceEvents` from here.
    async fn cursor(&self) -> String {
        cursor::encode(self.0.position)
    }
    async fn child(&self, ctx: &Context<'_>) -> Result<ChildObject> {
        load_child(ctx, self.0.child_id).await
    }
    async fn kind(&self) -> AttendanceKind {
        self.0.kind
    }
    async fn occurred_at(&self) -> GqlDateTime {
        self.0.occurred_at.into()
    }
    async fn recorded_by(&self, ctx: &Context<'_>) -> Result<UserObject> {
        load_user(ctx, self.0.recorded_by).await
    }
    async fn pickup_by(&self) -> Option<&str> {
        self.0.pickup_by.as_deref()
    }
    /// On a check-out: the person of the family's pickup list chosen as who collected.
    async fn pickup_person_id(&self) -> Option<ID> {
        self.0.pickup_person_id.map(Into::into)
    }
    /// On a correction: the id of the check-in or check-out it undoes (which no longer counts;
    /// `kind` is that record's kind). Null on an ordinary record.
    async fn corrects(&self) -> Option<ID> {
        self.0.corrects.map(Into::into)
    }
    async fn correction_reason(&self) -> Option<&str> {
        self.0.correction_reason.as_deref()
    }
}

pub struct AbsenceReportObject(pub AbsenceReport);

#[Object(name = "AbsenceReport")]
impl AbsenceReportObject {
    async fn id(&self) -> ID {
        self.0.id.into()
    }
    async fn child(&self, ctx: &Context<'_>) -> Result<ChildObject> {
        load_child(ctx, self.0.child_id).await
    }
    async fn kind(&self) -> AbsenceKind {
        self.0.kind
    }
    async fn date(&self) -> GqlDate {
        GqlDate(self.0.date)
    }
    async fn reason(&self) -> AbsenceReason {
        self.0.reason
    }
    async fn symptoms(&self) -> &[Symptom] {
        &self.0.symptoms
    }
    async fn expected_arrival(&self) -> Option<GqlDateTime> {
        self.0.expected_arrival.map(GqlDateTime::from)
    }
    async fn note(&self) -> Option<&str> {
        self.0.note.as_deref()
    }
    async fn reported_by(&self, ctx: &Context<'_>) -> Result<UserObject> {
        load_user(ctx, self.0.reported_by).await
    }
    async fn acknowledged_by(&self, ctx: &Context<'_>) -> Result<Option<UserObject>> {
        match self.0.acknowledged_by {
            Some(id) => load_user(ctx, id).await.map(Some),
            None => Ok(None),
        }
    }
    async fn acknowledged_at(&self) -> Option<GqlDateTime> {
        self.0.acknowledged_at.map(GqlDateTime::from)
    }
    /// When the family last edited it (before it was acknowledged).
    async fn updated_at(&self) -> Option<GqlDateTime> {
        self.0.updated_at.map(GqlDateTime::from)
    }
    /// Set only on the live event of its withdrawal: a withdrawn report is no longer in any
    /// list.
    async fn withdrawn_at(&self) -> Option<GqlDateTime> {
        self.0.withdrawn_at.map(GqlDateTime::from)
    }
}

//! A family edits or withdraws an absence or lateness report until the nursery acknowledges it
//! (issue 18). Each is one unit of work: the report's row is locked against an acknowledgement
//! meanwhile, the domain decides (`domain::absence`), the change and its live event (to the
//! nursery's staff and every guardian of the family) and audit entry commit together.

use time::OffsetDateTime;

use super::safety::planned_audit;
use crate::domain::absence::{edited, may_change, AbsenceEdit};
use crate::domain::*;
use crate::error::{AppError, AppResult};
use crate::policy::{Action, Actor};
use crate::service::Services;
use crate::store::EntityRef;

/// What the family sends to edit a report: the editable fields, whole.
pub struct AbsenceEditInput<'a> {
    pub reason: AbsenceReason,
    pub symptoms: Option<&'a [Symptom]>,
    pub expected_arrival: Option<OffsetDateTime>,
    pub note: Option<&'a str>,
}

/// The report's id and its child's nursery clock, once the caller may change it.
async fn changeable(svc: &Services, actor: &Actor, id: &str) -> AppResult<(Id, time::UtcOffset)> {
    let id = validate::id("id", id)?;
    let scope = svc.scope(EntityRef::AbsenceReport(id)).await?;
    actor.authorize(Action::ChangeAbsenceReport, &scope)?;
    let report = svc.store.absence(id).await?.ok_or(AppError::NotFound)?;
    let (_, _, offset) = svc.placed_child(report.child_id).await?;
    Ok((id, offset))
}

pub async fn update_absence(
    svc: &Services,
    actor: &Actor,
    id: &str,
    input: AbsenceEditInput<'_>,
) -> AppResult<AbsenceReport> {
    let (id, offset) = changeable(svc, actor, id).await?;
    let edit = AbsenceEdit {
        reason: input.reason,
        symptoms: validate::symptoms("symptoms", input.symptoms)?,
        expected_arrival: input.expected_arrival.map(Timestamp),
        note: validate::note("note", input.note)?,
    };
    let mut unit = svc.store.begin_unit().await?;
    let report = unit.absence_for_change(id).await?.ok_or(AppError::NotFound)?;
    let changed = edited(&report, edit, offset, svc.clock.now())?;
    if !unit.update_absence(&changed).await? {
        return Err(AppError::conflict("the nursery has already acknowledged this report"));
    }
    unit.append_event(changed.id, &EventPayload::AbsenceUpdated(changed.clone()))
        .await?;
    if let Some(entry) = planned_audit(svc.clock.now(), changed.nursery_id, &[changed.child_id, changed.id]) {
        unit.audit(&entry).await?;
    }
    unit.commit().await?;
    svc.after_commit();
    Ok(changed)
}

pub async fn withdraw_absence(svc: &Services, actor: &Actor, id: &str) -> AppResult<AbsenceReport> {
    let (id, _) = changeable(svc, actor, id).await?;
    let mut unit = svc.store.begin_unit().await?;
    let report = unit.absence_for_change(id).await?.ok_or(AppError::NotFound)?;
    may_change(&report)?;
    let now = svc.clock.now();
    if !unit.withdraw_absence(&report, actor.user.id, now).await? {
        return Err(AppError::conflict("the nursery has already acknowledged this report"));
    }
    let withdrawn = AbsenceReport {
        withdrawn_at: Some(now),
        ..report
    };
    unit.append_event(withdrawn.id, &EventPayload::AbsenceWithdrawn(withdrawn.clone()))
        .await?;
    if let Some(entry) = planned_audit(
        svc.clock.now(),
        withdrawn.nursery_id,
        &[withdrawn.child_id, withdrawn.id],
    ) {
        unit.audit(&entry).await?;
    }
    unit.commit().await?;
    svc.after_commit();
    Ok(withdrawn)
}

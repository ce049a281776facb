//! Corrections: staff undo a mistaken check-in or check-out of today, with a reason. Nothing
//! is deleted: a correction supersedes the record, the day's reads and counts leave it out,
//! and subscribers receive the correction live as an attendance event whose `corrects` names
//! the record it undoes.

use super::planned_audit;
use crate::domain::safety::correction;
use crate::domain::*;
use crate::error::{AppError, AppResult};
use crate::policy::{Action, Actor};
use crate::service::{AuthorizedChild, Services};
use crate::store::IdempotencyKey;

pub async fn correct_attendance(
    svc: &Services,
    actor: &Actor,
    attendance_id: &str,
    reason: &str,
    idempotency_key: Option<&str>,
) -> AppResult<AttendanceEvent> {
    let attendance_id = validate::id("attendanceId", attendance_id)?;
    let key = validate::idempotency_key("idempotencyKey", idempotency_key)?;
    let correction_id = Id::new();
    let mut unit = svc.store.begin_unit().await?;
    if let Some(key) = key {
        let key = IdempotencyKey {
            user_id: actor.user.id,
            key,
            operation: "correctAttendance",
        };
        if let Some(earlier) = unit.claim_key(&key, correction_id).await? {
            drop(unit);
            return svc.store.correction_event(earlier).await?.ok_or(AppError::NotFound);
        }
    }
    let Some(target) = unit.correctable_attendance(attendance_id).await? else {
        return Err(AppError::NotFound);
    };
    let AuthorizedChild { today, .. } = svc
        .authorized_child(actor, target.event.child_id, &[Action::CorrectAttendance])
        .await?;
    let reason = correction::reason(reason)?;
    // Serialised with the child's check-ins and check-outs: the day read next is final.
    unit.lock_child(target.event.child_id).await?;
    let standing = unit.standing_attendance(target.event.child_id, target.date).await?;
    correction::check_undo(&target.event, target.date, today, target.already_corrected, &standing)?;

    let now = svc.clock.now();
    unit.insert_correction(correction_id, &target.event, &reason, actor.user.id, now)
        .await?;
    if correction::removes_the_days_arrival(&target.event, &standing) {
        if let Some(classroom_id) = target.classroom_id {
            unit.uncount_arrival(classroom_id, target.date).await?;
        }
    }
    let mut event = AttendanceEvent {
        id: correction_id,
        occurred_at: now,
        recorded_by: actor.user.id,
        corrects: Some(target.event.id),
        correction_reason: Some(reason),
        position: Position::default(),
        ..target.event.clone()
    };
    event.position = unit
        .append_event(correction_id, &EventPayload::Attendance(event.clone()))
        .await?;
    if let Some(entry) = planned_audit(
        svc.clock.now(),
        event.nursery_id,
        &[event.child_id, target.event.id, correction_id],
    ) {
        unit.audit(&entry).await?;
    }
    unit.commit().await?;
    svc.after_commit();
    Ok(event)
}

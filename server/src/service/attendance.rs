//! Arrivals, departures and absence reports: recording them (retry-safe with idempotency
//! keys), reading them, and subscribing to them live.

use std::sync::Arc;

use futures::Stream;
use time::{Date, Duration, OffsetDateTime};

use super::{AuthorizedChild, Services};
use crate::domain::calendar::LocalDay;
use crate::domain::*;
use crate::error::{AppError, AppResult};
use crate::policy::{Action, Actor};
use crate::store::{AbsenceContext, AttendanceWrite, EntityRef, EventFilter, IdempotencyKey, Surveillance};

/// Device clocks drift; an arrival stamped slightly ahead of ours is not "in the future".
const CLOCK_SKEW: Duration = Duration::minutes(2);
/// How far back a guardian may report an absence, and how far ahead.
const ABSENCE_DAYS_BACK: i64 = 31;
const ABSENCE_DAYS_AHEAD: i64 = 365;

pub struct AttendanceInput<'a> {
    pub child_id: &'a str,
    pub kind: AttendanceKind,
    pub occurred_at: Option<OffsetDateTime>,
    pub pickup_by: Option<&'a str>,
    /// On a check-out: the person of the family's pickup list who collected.
    pub pickup_person_id: Option<&'a str>,
    pub idempotency_key: Option<&'a str>,
}

pub async fn record_attendance(
    svc: &Services,
    actor: &Actor,
    input: AttendanceInput<'_>,
) -> AppResult<AttendanceEvent> {
    let child_id = validate::id("childId", input.child_id)?;
    let AuthorizedChild {
        placed, today, offset, ..
    } = svc
        .authorized_child(actor, child_id, &[Action::RecordAttendance])
        .await?;
    let key = validate::idempotency_key("idempotencyKey", input.idempotency_key)?;
    let mut pickup_by = validate::optional_name("pickupBy", input.pickup_by)?;
    if pickup_by.is_some() && input.kind == AttendanceKind::CheckIn {
        return Err(AppError::bad_input("pickupBy", "pickupBy belongs to a check-out"));
    }
    let child = placed.child;
    // Whether the person was allowed is decided with the write (the batch reads the list in
    // its transaction); here only that they are the family's, removed since or not: a tablet
    // that loaded the list earlier still records who took the child home.
    let pickup_person_id = match input.pickup_person_id {
        None => None,
        Some(_) if input.kind == AttendanceKind::CheckIn => {
            return Err(AppError::bad_input(
                "pickupPersonId",
                "pickupPersonId belongs to a check-out",
            ));
        }
        Some(raw) => {
            let id = validate::id("pickupPersonId", raw)?;
            let person = svc
                .store
                .pickup_person(id)
                .await?
                .filter(|p| p.family_id == child.family_id)
                .ok_or_else(|| {
                    AppError::bad_input("pickupPersonId", "this person is not on the family's pickup list")
                })?;
            pickup_by.get_or_insert(person.name);
            Some(id)
        }
    };
    // A withdrawn child is off the roster from their withdrawal date: nothing is recorded.
    if child.withdrawn_on.is_some_and(|withdrawn| today >= withdrawn) {
        return Err(AppError::bad_input("childId", "the child has left the nursery"));
    }
    let now = svc.clock.now();
    let occurred_at = match input.occurred_at {
        None => now,
        Some(at) => {
            let at = Timestamp(at);
            if at.0 > now.0 + CLOCK_SKEW {
                return Err(AppError::bad_input("occurredAt", "occurredAt is in the future"));
            }
            if at.local_date(offset) != today {
                return Err(AppError::bad_input("occurredAt", "a late entry must be for today"));
            }
            at
        }
    };
    let event = AttendanceEvent {
        id: Id::new(),
        child_id,
        nursery_id: child.nursery_id,
        family_id: child.family_id,
        kind: input.kind,
        occurred_at,
        recorded_by: actor.user.id,
        pickup_by,
        pickup_person_id,
        position: Position::default(),
        corrects: None,
        correction_reason: None,
    };
    let operation = match input.kind {
        AttendanceKind::CheckIn => "checkIn",
        AttendanceKind::CheckOut => "checkOut",
    };
    let key = key.map(|key| IdempotencyKey {
        user_id: actor.user.id,
        key,
        operation,
    });
    let write = AttendanceWrite {
        event,
        day: LocalDay::new(today, offset),
        key,
        trail: crate::audit::current_write(),
    };
    // The writer wakes the tailer and the push worker after its commit.
    let recorded = svc.attendance.record(write).await?;
    Ok(recorded.value)
}

pub struct AbsenceInput<'a> {
    pub child_id: &'a str,
    pub kind: AbsenceKind,
    pub date: Date,
    pub reason: AbsenceReason,
    pub symptoms: Option<&'a [Symptom]>,
    pub expected_arrival: Option<OffsetDateTime>,
    pub note: Option<&'a str>,
    pub idempotency_key: Option<&'a str>,
}

pub async fn report_absence(svc: &Services, actor: &Actor, input: AbsenceInput<'_>) -> AppResult<AbsenceReport> {
    let child_id = validate::id("childId", input.child_id)?;
    let AuthorizedChild {
        placed, today, offset, ..
    } = svc.authorized_child(actor, child_id, &[Action::ReportAbsence]).await?;
    let key = validate::idempotency_key("idempotencyKey", input.idempotency_key)?;
    let symptoms = validate::symptoms("symptoms", input.symptoms)?;
    let note = validate::note("note", input.note)?;
    let child = placed.child;
    if input.date < today - Duration::days(ABSENCE_DAYS_BACK) {
        return Err(AppError::bad_input(
            "date",
            format!("reports go back at most {ABSENCE_DAYS_BACK} days"),
        ));
    }
    if input.date > today + Duration::days(ABSENCE_DAYS_AHEAD) {
        return Err(AppError::bad_input("date", "reports go at most a year ahead"));
    }
    let expected_arrival = crate::domain::absence::expected_arrival_rule(
        input.kind,
        input.date,
        input.expected_arrival.map(Timestamp),
        offset,
    )?;
    let report = AbsenceReport {
        id: Id::new(),
        child_id,
        nursery_id: child.nursery_id,
        family_id: child.family_id,
        kind: input.kind,
        date: input.date,
        reason: input.reason,
        symptoms,
        expected_arrival,
        note,
        reported_by: actor.user.id,
        acknowledged_by: None,
        acknowledged_at: None,
        updated_at: None,
        withdrawn_at: None,
    };
    let key = key.map(|key| IdempotencyKey {
        user_id: actor.user.id,
        key,
        operation: "reportAbsence",
    });
    let municipality_id = placed.scope.municipality.ok_or(AppError::NotFound)?;
    let context = AbsenceContext {
        classroom_id: child.classroom_id,
        surveillance: Some(Surveillance {
            municipality_id,
            rule: super::oversight::infection_rule(svc, municipality_id).await?,
        }),
    };
    let recorded = svc.store.create_absence(report, key, context).await?;
    if !recorded.replayed {
        svc.after_commit();
    }
    Ok(recorded.value)
}

pub async fn acknowledge_absence(svc: &Services, actor: &Actor, id: &str) -> AppResult<AbsenceReport> {
    let id = validate::id("id", id)?;
    let scope = svc.scope(EntityRef::AbsenceReport(id)).await?;
    actor.authorize(Action::AcknowledgeAbsence, &scope)?;
    let report = svc
        .store
        .acknowledge_absence(id, actor.user.id, svc.clock.now())
        .await?;
    // The acknowledgement is a log entry (the family hears of it live) and a push: wake both
    // now rather than at the next poll.
    svc.after_commit();
    Ok(report)
}

pub async fn nursery_absences(
    svc: &Services,
    actor: &Actor,
    nursery_id: &str,
    date: Date,
) -> AppResult<Vec<AbsenceReport>> {
    let nursery_id = validate::id("nurseryId", nursery_id)?;
    let scope = svc.scope(EntityRef::Nursery(nursery_id)).await?;
    actor.authorize(Action::ListNurseryAbsences, &scope)?;
    let reports = svc.store.absences_of_nursery(nursery_id, date).await?;
    crate::audit::record_read(
        "absenceReports",
        nursery_id,
        reports.iter().flat_map(|r| [r.child_id, r.id]),
    );
    Ok(reports)
}

/// Live arrivals and departures in the caller's scope; with `after`, first everything missed
/// since that cursor.
pub async fn attendance_events(
    svc: &Services,
    actor: &Actor,
    from: crate::domain::Position,
    after: Option<&str>,
    client_addr: Option<String>,
) -> AppResult<impl Stream<Item = AppResult<Arc<LogEntry>>> + Send + 'static> {
    // "Now" is when the request arrived: a check-in published while the feed is authorized
    // and audited is replayed to it (see `EventBus::subscribe`).
    let now = from;
    let after = after.map(|c| crate::events::cursor::decode("after", c)).transpose()?;
    let scope = actor.child_filter(Action::SubscribeAttendance);
    if scope.is_empty() {
        return Err(AppError::Forbidden);
    }
    crate::audit::log::record_subscription(svc, actor, client_addr, "attendanceEvents", &scope).await?;
    Ok(svc.bus.subscribe(
        EventFilter {
            kinds: vec![EventKind::Attendance],
            scope,
        },
        Some(after.unwrap_or(now)),
    ))
}

/// New absence and lateness reports of the caller's nurseries, as they arrive.
/// A family's (guardians) or a nursery's (staff) absence reports, as they are made and as
/// they are acknowledged: the parent sees 確認済み the moment staff acknowledge.
pub async fn absence_updates(
    svc: &Services,
    actor: &Actor,
    from: crate::domain::Position,
    client_addr: Option<String>,
) -> AppResult<impl Stream<Item = AppResult<Arc<LogEntry>>> + Send + 'static> {
    let now = from;
    let scope = actor.child_filter(Action::SubscribeAbsenceUpdates);
    if scope.is_empty() {
        return Err(AppError::Forbidden);
    }
    crate::audit::log::record_subscription(svc, actor, client_addr, "absenceUpdates", &scope).await?;
    Ok(svc.bus.subscribe(
        EventFilter {
            kinds: vec![
                EventKind::AbsenceReported,
                EventKind::AbsenceAcknowledged,
                EventKind::AbsenceUpdated,
                EventKind::AbsenceWithdrawn,
            ],
            scope,
        },
        Some(now),
    ))
}

pub async fn absence_reports(
    svc: &Services,
    actor: &Actor,
    from: crate::domain::Position,
    client_addr: Option<String>,
) -> AppResult<impl Stream<Item = AppResult<Arc<LogEntry>>> + Send + 'static> {
    let now = from;
    let scope = actor.child_filter(Action::SubscribeAbsenceReports);
    if scope.is_empty() {
        return Err(AppError::Forbidden);
    }
    crate::audit::log::record_subscription(svc, actor, client_addr, "absenceReports", &scope).await?;
    Ok(svc.bus.subscribe(
        EventFilter {
            kinds: vec![EventKind::AbsenceReported],
            scope,
        },
        Some(now),
    ))
}

//! The staff's side of the not-yet-arrived check (登園確認): the day's list, closing a check
//! with a note (reached by phone), and the live feed of checks raised and ended, which
//! guardians also receive for their own children.

use std::sync::Arc;

use futures::Stream;
use time::Date;

use super::planned_audit;
use crate::domain::safety::arrival::{ArrivalCheck, ArrivalCheckResolution};
use crate::domain::*;
use crate::error::{AppError, AppResult};
use crate::policy::{Action, Actor};
use crate::service::Services;
use crate::store::{EntityRef, EventFilter};

/// The nursery's checks of `date` (today when absent), open ones first.
pub async fn arrival_checks(
    svc: &Services,
    actor: &Actor,
    nursery_id: &str,
    date: Option<Date>,
) -> AppResult<Vec<ArrivalCheck>> {
    let nursery_id = validate::id("nurseryId", nursery_id)?;
    let scope = svc.scope(EntityRef::Nursery(nursery_id)).await?;
    actor.authorize(Action::ListArrivalChecks, &scope)?;
    let date = match date {
        Some(date) => date,
        None => svc.nursery_today(nursery_id).await?.0,
    };
    let checks = svc.store.arrival_checks(nursery_id, date).await?;
    crate::audit::record_read(
        "arrivalChecks",
        nursery_id,
        checks.iter().flat_map(|c| [c.child_id, c.id]),
    );
    Ok(checks)
}

/// Whether the caller reads the notes staff leave on closing checks of the nursery: those who
/// may `ListArrivalChecks` there. A guardian reaches their own child's checks through the live
/// feed, but the note may say more than a family should read on a shared phone. No caller, or
/// an unknown nursery: no.
pub async fn may_read_notes(svc: &Services, actor: Option<&Actor>, nursery_id: Id) -> AppResult<bool> {
    let scope = svc.store.scope_of(EntityRef::Nursery(nursery_id)).await?;
    Ok(scope.is_some_and(|scope| actor.is_some_and(|a| a.may(Action::ListArrivalChecks, &scope))))
}

/// Staff close an open check, saying why (e.g. reached the family by phone).
pub async fn close_arrival_check(svc: &Services, actor: &Actor, id: &str, note: &str) -> AppResult<ArrivalCheck> {
    let id = validate::id("id", id)?;
    let check = svc.store.arrival_check(id).await?.ok_or(AppError::NotFound)?;
    svc.authorized_child(actor, check.child_id, &[Action::CloseArrivalCheck])
        .await?;
    let note = validate::note("note", Some(note))?
        .ok_or_else(|| AppError::bad_input("note", "say how the family was reached"))?;
    let mut unit = svc.store.begin_unit().await?;
    let Some(closed) = unit
        .resolve_arrival_check(
            id,
            ArrivalCheckResolution::ClosedByStaff,
            Some(actor.user.id),
            Some(&note),
            svc.clock.now(),
        )
        .await?
    else {
        return Err(AppError::conflict("this check has already ended"));
    };
    unit.append_event(closed.id, &EventPayload::ArrivalCheck(closed.clone()))
        .await?;
    if let Some(entry) = planned_audit(svc.clock.now(), closed.nursery_id, &[closed.child_id, closed.id]) {
        unit.audit(&entry).await?;
    }
    unit.commit().await?;
    svc.after_commit();
    Ok(closed)
}

/// Checks raised and ended, live: a nursery's for its staff, a family's for its guardians.
pub async fn arrival_check_updates(
    svc: &Services,
    actor: &Actor,
    from: crate::domain::Position,
    client_addr: Option<String>,
) -> AppResult<impl Stream<Item = AppResult<Arc<LogEntry>>> + Send + 'static> {
    let now = from;
    let scope = actor.child_filter(Action::SubscribeArrivalChecks);
    if scope.is_empty() {
        return Err(AppError::Forbidden);
    }
    crate::audit::log::record_subscription(svc, actor, client_addr, "arrivalCheckUpdates", &scope).await?;
    Ok(svc.bus.subscribe(
        EventFilter {
            kinds: vec![EventKind::ArrivalCheck],
            scope,
        },
        Some(now),
    ))
}

//! The staff's side of nobody left behind (降園確認): the day's list of children still here
//! after closing, explaining a check (a parent on the way, extended care), and the live feed
//! of checks raised, repeated and ended. The nursery's staff and head only: a family learns
//! of its child's departure from the check-out itself.

use std::sync::Arc;

use futures::Stream;
use time::Date;

use super::planned_audit;
use crate::domain::safety::departure::{DepartureCheck, DepartureCheckResolution};
use crate::domain::*;
use crate::error::{AppError, AppResult};
use crate::policy::{Action, Actor};
use crate::service::Services;
use crate::store::{EntityRef, EventFilter};

/// The nursery's left-behind checks of `date` (today when absent), open ones first.
pub async fn departure_checks(
    svc: &Services,
    actor: &Actor,
    nursery_id: &str,
    date: Option<Date>,
) -> AppResult<Vec<DepartureCheck>> {
    let nursery_id = validate::id("nurseryId", nursery_id)?;
    let scope = svc.scope(EntityRef::Nursery(nursery_id)).await?;
    actor.authorize(Action::ListDepartureChecks, &scope)?;
    let date = match date {
        Some(date) => date,
        None => svc.nursery_today(nursery_id).await?.0,
    };
    let mut checks = svc.store.departure_checks(&[nursery_id], date).await?;
    checks.sort_by_key(|c| (c.resolution.is_some(), c.raised_at.0));
    crate::audit::record_read(
        "departureChecks",
        nursery_id,
        checks.iter().flat_map(|c| [c.child_id, c.id]),
    );
    Ok(checks)
}

/// Staff explain why a child is still here; the alerts stop.
pub async fn explain_departure_check(svc: &Services, actor: &Actor, id: &str, note: &str) -> AppResult<DepartureCheck> {
    let id = validate::id("id", id)?;
    let check = svc.store.departure_check(id).await?.ok_or(AppError::NotFound)?;
    svc.authorized_child(actor, check.child_id, &[Action::ExplainDepartureCheck])
        .await?;
    let note = validate::note("note", Some(note))?
        .ok_or_else(|| AppError::bad_input("note", "say why the child is still here"))?;
    let mut unit = svc.store.begin_unit().await?;
    let Some(explained) = unit
        .resolve_departure_check(
            id,
            DepartureCheckResolution::Explained,
            Some(actor.user.id),
            Some(&note),
            svc.clock.now(),
        )
        .await?
    else {
        return Err(AppError::conflict("this check has already ended"));
    };
    unit.append_event(explained.id, &EventPayload::DepartureCheck(explained.clone()))
        .await?;
    if let Some(entry) = planned_audit(
        svc.clock.now(),
        explained.nursery_id,
        &[explained.child_id, explained.id],
    ) {
        unit.audit(&entry).await?;
    }
    unit.commit().await?;
    svc.after_commit();
    Ok(explained)
}

/// Checks raised, repeated and ended, live, for the nurseries' staff and heads.
pub async fn departure_check_updates(
    svc: &Services,
    actor: &Actor,
    from: Position,
    client_addr: Option<String>,
) -> AppResult<impl Stream<Item = AppResult<Arc<LogEntry>>> + Send + 'static> {
    let scope = actor.child_filter(Action::SubscribeDepartureChecks);
    if scope.is_empty() {
        return Err(AppError::Forbidden);
    }
    crate::audit::log::record_subscription(svc, actor, client_addr, "departureCheckUpdates", &scope).await?;
    Ok(svc.bus.subscribe(
        EventFilter {
            kinds: vec![EventKind::DepartureCheck],
            scope,
        },
        Some(from),
    ))
}

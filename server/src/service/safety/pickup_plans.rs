//! Each child's pickup plan of a day (お迎え): time and person, set by a guardian (or by staff
//! for a guardian on the phone), a one-off person confirmed by staff; the staff's roster of the
//! day's plans; and the live feeds of plan changes (staff and the family) and of check-outs by
//! someone not allowed (the nursery's head and staff).

use std::sync::Arc;

use futures::Stream;
use time::Date;

use super::pickup_list::{checked_person, NewPerson};
use super::{calendar, planned_audit};
use crate::domain::safety::arrival::parse_time_of_day;
use crate::domain::safety::pickup::{self, OneOffPerson, PickupPlan, PickupPlanChange, PickupWarning, PlannedPerson};
use crate::domain::*;
use crate::error::{AppError, AppResult};
use crate::policy::{Action, Actor};
use crate::service::{AuthorizedChild, Services};
use crate::store::{EntityRef, EventFilter};

pub struct PlanInput<'a> {
    pub child_id: &'a str,
    pub date: Date,
    /// Local time, "HH:MM".
    pub time: &'a str,
    pub person_id: Option<&'a str>,
    pub one_off: Option<NewPerson<'a>>,
}

pub async fn set_pickup_plan(svc: &Services, actor: &Actor, input: PlanInput<'_>) -> AppResult<PickupPlan> {
    let child_id = validate::id("childId", input.child_id)?;
    let AuthorizedChild { placed, today, .. } = svc.authorized_child(actor, child_id, &[Action::SetPickupPlan]).await?;
    let child = placed.child;
    if child.withdrawn_on.is_some_and(|withdrawn| input.date >= withdrawn) {
        return Err(AppError::bad_input("childId", "the child has left the nursery"));
    }
    let date = pickup::plan_date("date", input.date, today)?;
    if !calendar::is_open(svc, child.nursery_id, date).await? {
        return Err(AppError::bad_input("date", "the nursery is closed that day"));
    }
    let hours = calendar::hours_of(svc, child.nursery_id).await?;
    let time = pickup::pickup_time("time", parse_time_of_day("time", input.time)?, &hours)?;
    let person = match (input.person_id, input.one_off) {
        (Some(person_id), None) => {
            let person_id = validate::id("personId", person_id)?;
            let person = svc
                .store
                .pickup_person(person_id)
                .await?
                .filter(|p| p.family_id == child.family_id && p.removed_at.is_none())
                .ok_or_else(|| AppError::bad_input("personId", "this person is not on the family's pickup list"))?;
            PlannedPerson::Listed(person)
        }
        (None, Some(one_off)) => {
            let (name, relation, phone) = checked_person("oneOff.", &one_off)?;
            PlannedPerson::OneOff(OneOffPerson {
                name,
                relation,
                phone,
                confirmed_by: None,
                confirmed_at: None,
            })
        }
        _ => {
            return Err(AppError::bad_input(
                "personId",
                "name one person: from the list (personId) or a one-off person (oneOff)",
            ))
        }
    };
    let mut plan = PickupPlan {
        child_id,
        nursery_id: child.nursery_id,
        family_id: child.family_id,
        date,
        time,
        person,
        set_by: actor.user.id,
        updated_at: svc.clock.now(),
    };
    let mut unit = svc.store.begin_pickup_unit().await?;
    // Only the time changed for the same one-off person: the nursery's confirmation stands.
    if let (Some(before), PlannedPerson::OneOff(now)) = (unit.pickup_plan_of(child_id, date).await?, &mut plan.person) {
        if let PlannedPerson::OneOff(was) = before.person {
            if pickup::same_name(&was.name, &now.name) && was.phone == now.phone {
                now.confirmed_by = was.confirmed_by;
                now.confirmed_at = was.confirmed_at;
            }
        }
    }
    unit.put_pickup_plan(&plan).await?;
    let change = PickupPlanChange {
        child_id,
        nursery_id: plan.nursery_id,
        family_id: plan.family_id,
        date,
        plan: Some(plan.clone()),
    };
    unit.append_event(child_id, &EventPayload::PickupPlan(change)).await?;
    if let Some(entry) = planned_audit(svc.clock.now(), plan.nursery_id, &[child_id]) {
        unit.audit(&entry).await?;
    }
    unit.commit().await?;
    svc.after_commit();
    Ok(plan)
}

/// Staff confirm the day's one-off person.
pub async fn confirm_pickup_plan(svc: &Services, actor: &Actor, child_id: &str, date: Date) -> AppResult<PickupPlan> {
    let child_id = validate::id("childId", child_id)?;
    svc.authorized_child(actor, child_id, &[Action::ConfirmPickup]).await?;
    let mut unit = svc.store.begin_pickup_unit().await?;
    let Some(plan) = unit
        .confirm_one_off(child_id, date, actor.user.id, svc.clock.now())
        .await?
    else {
        return Err(AppError::bad_input("date", "no one-off person is planned for that day"));
    };
    let change = PickupPlanChange {
        child_id,
        nursery_id: plan.nursery_id,
        family_id: plan.family_id,
        date,
        plan: Some(plan.clone()),
    };
    unit.append_event(child_id, &EventPayload::PickupPlan(change)).await?;
    if let Some(entry) = planned_audit(svc.clock.now(), plan.nursery_id, &[child_id]) {
        unit.audit(&entry).await?;
    }
    unit.commit().await?;
    svc.after_commit();
    Ok(plan)
}

/// Removes the child's plan of the day: whether there was one.
pub async fn clear_pickup_plan(svc: &Services, actor: &Actor, child_id: &str, date: Date) -> AppResult<bool> {
    let child_id = validate::id("childId", child_id)?;
    let AuthorizedChild { placed, today, .. } = svc.authorized_child(actor, child_id, &[Action::SetPickupPlan]).await?;
    // A day gone by keeps its plan: it is what was known when the child went home.
    let date = pickup::plan_date("date", date, today)?;
    let child = placed.child;
    let mut unit = svc.store.begin_pickup_unit().await?;
    if !unit.delete_pickup_plan(child_id, date).await? {
        return Ok(false);
    }
    let change = PickupPlanChange {
        child_id,
        nursery_id: child.nursery_id,
        family_id: child.family_id,
        date,
        plan: None,
    };
    unit.append_event(child_id, &EventPayload::PickupPlan(change)).await?;
    if let Some(entry) = planned_audit(svc.clock.now(), child.nursery_id, &[child_id]) {
        unit.audit(&entry).await?;
    }
    unit.commit().await?;
    svc.after_commit();
    Ok(true)
}

/// A child's plan of `date` (today when absent).
pub async fn child_pickup_plan(
    svc: &Services,
    actor: &Actor,
    child_id: Id,
    date: Option<Date>,
) -> AppResult<Option<PickupPlan>> {
    let AuthorizedChild { placed, today, .. } =
        svc.authorized_child(actor, child_id, &[Action::ReadPickupPlan]).await?;
    let plan = svc.store.pickup_plan(child_id, date.unwrap_or(today)).await?;
    crate::audit::record_read("Child.pickupPlan", placed.child.nursery_id, [child_id]);
    Ok(plan)
}

/// The nursery's plans of `date` (today when absent): the staff's roster.
pub async fn pickup_plans(
    svc: &Services,
    actor: &Actor,
    nursery_id: &str,
    date: Option<Date>,
) -> AppResult<Vec<PickupPlan>> {
    let nursery_id = validate::id("nurseryId", nursery_id)?;
    let scope = svc.scope(EntityRef::Nursery(nursery_id)).await?;
    actor.authorize(Action::ListPickupPlans, &scope)?;
    let date = match date {
        Some(date) => date,
        None => svc.nursery_today(nursery_id).await?.0,
    };
    let plans = svc.store.pickup_plans(nursery_id, date).await?;
    crate::audit::record_read("pickupPlans", nursery_id, plans.iter().map(|p| p.child_id));
    Ok(plans)
}

/// The nursery's pickup warnings of `date` (today when absent).
pub async fn pickup_warnings(
    svc: &Services,
    actor: &Actor,
    nursery_id: &str,
    date: Option<Date>,
) -> AppResult<Vec<PickupWarning>> {
    let nursery_id = validate::id("nurseryId", nursery_id)?;
    let scope = svc.scope(EntityRef::Nursery(nursery_id)).await?;
    actor.authorize(Action::ListPickupPlans, &scope)?;
    let date = match date {
        Some(date) => date,
        None => svc.nursery_today(nursery_id).await?.0,
    };
    let warnings = svc.store.pickup_warnings(nursery_id, date).await?;
    crate::audit::record_read(
        "pickupWarnings",
        nursery_id,
        warnings.iter().flat_map(|w| [w.child_id, w.id]),
    );
    Ok(warnings)
}

/// Plans set, changed, confirmed and cleared, live: a nursery's for its staff, a family's for
/// its guardians (the other parent's phone sees the change too).
pub async fn pickup_plan_updates(
    svc: &Services,
    actor: &Actor,
    from: Position,
    client_addr: Option<String>,
) -> AppResult<impl Stream<Item = AppResult<Arc<LogEntry>>> + Send + 'static> {
    subscribe(
        svc,
        actor,
        from,
        client_addr,
        Action::SubscribePickupPlans,
        "pickupPlanUpdates",
        EventKind::PickupPlan,
    )
    .await
}

/// Check-outs by someone not allowed, live: the nursery's head and staff.
pub async fn pickup_warning_updates(
    svc: &Services,
    actor: &Actor,
    from: Position,
    client_addr: Option<String>,
) -> AppResult<impl Stream<Item = AppResult<Arc<LogEntry>>> + Send + 'static> {
    subscribe(
        svc,
        actor,
        from,
        client_addr,
        Action::SubscribePickupWarnings,
        "pickupWarningUpdates",
        EventKind::PickupWarning,
    )
    .await
}

async fn subscribe(
    svc: &Services,
    actor: &Actor,
    from: Position,
    client_addr: Option<String>,
    action: Action,
    name: &str,
    kind: EventKind,
) -> AppResult<impl Stream<Item = AppResult<Arc<LogEntry>>> + Send + 'static> {
    let scope = actor.child_filter(action);
    if scope.is_empty() {
        return Err(AppError::Forbidden);
    }
    crate::audit::log::record_subscription(svc, actor, client_addr, name, &scope).await?;
    Ok(svc.bus.subscribe(
        EventFilter {
            kinds: vec![kind],
            scope,
        },
        Some(from),
    ))
}

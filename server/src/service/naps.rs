//! Naps and 午睡チェック: checks (the first opens a nap), dangerous positions and breathing
//! alerted at once, intervals per age band set by municipality or nursery, and the server's
//! own clock noticing a check that is overdue.
//!
//! Each write is one unit of work this service owns: it asks the policy, opens the unit
//! (`NapUnit`), applies `domain::nap_rules`, writes through small store statements, publishes
//! the events and the audit entry in the same transaction, commits, then wakes the tailer.

use time::OffsetDateTime;

use super::care::{alert, child_context, key, recorded_event, recorded_instant, ChildContext};
use super::Services;
use crate::audit;
use crate::domain::nap_rules;
use crate::domain::*;
use crate::error::{AppError, AppResult};
use crate::policy::{Action, Actor};
use crate::store::{EntityRef, NapContext};

/// Required nap-check intervals when nothing is configured: every 5 minutes for 0-year-olds,
/// every 10 for 1–2-year-olds, none above.
pub fn default_nap_interval_seconds(age_band: i32) -> Option<i64> {
    match age_band {
        0 => Some(5 * 60),
        1 | 2 => Some(10 * 60),
        _ => None,
    }
}

async fn nap_context(svc: &Services, ctx: &ChildContext) -> AppResult<NapContext> {
    let configured = svc
        .store
        .nap_interval(ctx.nursery.id, ctx.nursery.municipality_id, ctx.classroom.age_band)
        .await?;
    Ok(NapContext {
        nursery_id: ctx.nursery.id,
        family_id: ctx.child.family_id,
        classroom_id: ctx.classroom.id,
        interval_seconds: configured.unwrap_or_else(|| default_nap_interval_seconds(ctx.classroom.age_band)),
    })
}

/// Starts a nap by hand (a check would open one too); CONFLICT when one is already open.
pub async fn start_nap(svc: &Services, actor: &Actor, child_id: &str, at: Option<OffsetDateTime>) -> AppResult<Nap> {
    let (ctx, _) = child_context(svc, actor, child_id, &[Action::RecordCare]).await?;
    let at = recorded_instant(svc.clock.now(), "startedAt", at)?;
    let context = nap_context(svc, &ctx).await?;
    let now = svc.clock.now();
    let mut unit = svc.store.begin_nap_unit().await?;
    if unit.open_nap(ctx.child.id).await?.is_some() {
        return Err(AppError::conflict("the child is already napping"));
    }
    let nap = nap_rules::new_nap(Id::new(), ctx.child.id, at, context.interval_seconds);
    let due = nap_rules::next_check_due(nap.started_at, nap.interval_seconds);
    unit.insert_nap(&nap, &context, due, actor.user.id, now).await?;
    if let Some(entry) = audit::planned_write(context.nursery_id, &[ctx.child.id, nap.id], now) {
        unit.audit(&entry).await?;
    }
    unit.commit().await?;
    Ok(nap)
}

/// Ends the child's open nap and adds its checks to the compliance of the day it began (a nap
/// from 23:45 counts on that day); the staff's screens hear of it live.
pub async fn end_nap(svc: &Services, actor: &Actor, child_id: &str, at: Option<OffsetDateTime>) -> AppResult<Nap> {
    let (ctx, _) = child_context(svc, actor, child_id, &[Action::RecordCare]).await?;
    let at = recorded_instant(svc.clock.now(), "endedAt", at)?;
    let event = recorded_event(CareRecordKind::NapEnded, &ctx, at);
    let now = svc.clock.now();
    let mut unit = svc.store.begin_nap_unit().await?;
    let nap = unit
        .open_nap(ctx.child.id)
        .await?
        .ok_or_else(|| AppError::conflict("the child is not napping"))?;
    let ended_at = nap_rules::end_of_nap(&nap, at);
    let checks = unit.checks_of_nap(nap.id).await?;
    let compliance = nap_rules::compliance(&nap, ended_at, &checks);
    let nursery_id = unit.end_nap(nap.id, ended_at).await?;
    let date = nap_rules::compliance_date(&nap, ctx.offset());
    unit.add_compliance(ctx.child.id, nursery_id, date, &compliance).await?;
    unit.publish(event.id, &EventPayload::CareRecorded(event)).await?;
    if let Some(entry) = audit::planned_write(nursery_id, &[ctx.child.id], now) {
        unit.audit(&entry).await?;
    }
    unit.commit().await?;
    svc.after_commit();
    Ok(Nap {
        ended_at: Some(ended_at),
        ..nap
    })
}

pub struct NapCheckInput<'a> {
    pub child_id: &'a str,
    pub checked_at: Option<OffsetDateTime>,
    pub position: SleepPosition,
    pub breathing_ok: bool,
    pub idempotency_key: Option<&'a str>,
}

/// 午睡チェック: the first check of a nap starts it. A child on its front, or breathing not
/// OK, raises an alert to the nursery's staff at once. A retried check (same idempotency key)
/// answers the first one's result and writes nothing.
pub async fn record_nap_check(svc: &Services, actor: &Actor, input: NapCheckInput<'_>) -> AppResult<NapCheck> {
    let (ctx, _) = child_context(svc, actor, input.child_id, &[Action::RecordCare]).await?;
    let checked_at = recorded_instant(svc.clock.now(), "checkedAt", input.checked_at)?;
    let context = nap_context(svc, &ctx).await?;
    let key = key(actor, input.idempotency_key, "recordNapCheck")?;
    let check_id = Id::new();
    let now = svc.clock.now();
    let mut unit = svc.store.begin_nap_unit().await?;
    if let Some(key) = &key {
        if let Some(earlier) = unit.claim_key(key, check_id).await? {
            drop(unit);
            return Ok(svc.store.nap_check(earlier).await?);
        }
    }
    let open = unit.open_nap(ctx.child.id).await?;
    let of_check = nap_rules::nap_of_check(open, ctx.child.id, checked_at, context.interval_seconds, Id::new())
        .map_err(|_| AppError::bad_input(nap_rules::CheckBeforeNap::FIELD, nap_rules::CheckBeforeNap::MESSAGE))?;
    let nap = of_check.nap;
    if of_check.opens {
        let due = nap_rules::next_check_due(nap.started_at, nap.interval_seconds);
        unit.insert_nap(&nap, &context, due, actor.user.id, now).await?;
    }
    let check = NapCheck {
        id: check_id,
        nap_id: nap.id,
        child_id: ctx.child.id,
        checked_at,
        position: input.position,
        breathing_ok: input.breathing_ok,
        recorded_by: actor.user.id,
    };
    unit.insert_nap_check(&check, now).await?;
    let due = nap_rules::next_check_due(check.checked_at, nap.interval_seconds);
    unit.set_next_check(nap.id, check.checked_at, due).await?;
    let recorded = recorded_event(CareRecordKind::NapCheck, &ctx, checked_at);
    unit.publish(recorded.id, &EventPayload::CareRecorded(recorded)).await?;
    if let Some(kind) = nap_rules::danger(input.position, input.breathing_ok) {
        let alert = alert(kind, &ctx, checked_at);
        unit.publish(alert.id, &EventPayload::CareAlert(alert)).await?;
    }
    if let Some(entry) = audit::planned_write(context.nursery_id, &[check.child_id, check.id], now) {
        unit.audit(&entry).await?;
    }
    unit.commit().await?;
    svc.after_commit();
    Ok(check)
}

/// Sets the nap-check interval for an age band, for a municipality or one nursery (which wins).
/// `seconds` 0 means no checks required; `None` removes the setting.
pub async fn set_nap_check_interval(
    svc: &Services,
    actor: &Actor,
    scope_id: &str,
    age_band: i32,
    seconds: Option<i64>,
) -> AppResult<bool> {
    let scope_id = validate::id("scopeId", scope_id)?;
    let scope = match svc.store.scope_of(EntityRef::Nursery(scope_id)).await? {
        Some(scope) => scope,
        None => svc.scope(EntityRef::Municipality(scope_id)).await?,
    };
    actor.authorize(Action::ConfigureCare, &scope)?;
    if !(0..=5).contains(&age_band) {
        return Err(AppError::bad_input("ageBand", "age band is 0 to 5"));
    }
    if let Some(seconds) = seconds {
        if !(0..=3600).contains(&seconds) {
            return Err(AppError::bad_input(
                "seconds",
                "an interval is 0 (none required) to 3600 seconds",
            ));
        }
    }
    svc.store.set_nap_interval(scope_id, age_band, seconds).await?;
    Ok(true)
}

/// The server's own clock watching open naps: raises an alert for every check that is due and
/// not made. One query per tick, proportional to the overdue naps (partial index on due time).
pub fn spawn_nap_watch(svc: Services, every: std::time::Duration) {
    crate::health::spawn_essential(crate::health::NAP_WATCHER, async move {
        let mut ticker = tokio::time::interval(every);
        ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            ticker.tick().await;
            match svc.store.raise_overdue_nap_alerts(svc.clock.now()).await {
                Ok(0) => {}
                Ok(raised) => {
                    tracing::info!(raised, "nap checks overdue");
                    svc.after_commit();
                }
                Err(err) => tracing::error!(error = %err, "nap watch failed"),
            }
        }
    });
}

//! Naps and 午睡チェック: checks (the first opens a nap), dangerous positions and breathing
//! alerted at once, intervals per age band set by municipality or nursery, and the server's
//! own clock noticing a check that is overdue.

use time::OffsetDateTime;

use super::care::{alert, child_context, key, recorded_event, recorded_instant, ChildContext};
use super::Services;
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

pub async fn start_nap(svc: &Services, actor: &Actor, child_id: &str, at: Option<OffsetDateTime>) -> AppResult<Nap> {
    let (ctx, _) = child_context(svc, actor, child_id, &[Action::RecordCare]).await?;
    let at = recorded_instant("startedAt", at)?;
    let context = nap_context(svc, &ctx).await?;
    Ok(svc.store.start_nap(ctx.child.id, at, actor.user.id, context).await?)
}

pub async fn end_nap(svc: &Services, actor: &Actor, child_id: &str, at: Option<OffsetDateTime>) -> AppResult<Nap> {
    let (ctx, _) = child_context(svc, actor, child_id, &[Action::RecordCare]).await?;
    let at = recorded_instant("endedAt", at)?;
    let event = recorded_event(CareRecordKind::NapEnded, &ctx, at);
    let nap = svc.store.end_nap(ctx.child.id, at, ctx.offset(), event).await?;
    svc.after_commit();
    Ok(nap)
}

pub struct NapCheckInput<'a> {
    pub child_id: &'a str,
    pub checked_at: Option<OffsetDateTime>,
    pub position: SleepPosition,
    pub breathing_ok: bool,
    pub idempotency_key: Option<&'a str>,
}

/// 午睡チェック: the first check of a nap starts it. A child on its front, or breathing not
/// OK, raises an alert to the nursery's staff at once.
pub async fn record_nap_check(svc: &Services, actor: &Actor, input: NapCheckInput<'_>) -> AppResult<NapCheck> {
    let (ctx, _) = child_context(svc, actor, input.child_id, &[Action::RecordCare]).await?;
    let checked_at = recorded_instant("checkedAt", input.checked_at)?;
    let context = nap_context(svc, &ctx).await?;
    let check = NapCheck {
        id: Id::new(),
        nap_id: Id::new(),
        child_id: ctx.child.id,
        checked_at,
        position: input.position,
        breathing_ok: input.breathing_ok,
        recorded_by: actor.user.id,
    };
    let danger = if !input.breathing_ok {
        Some(CareAlertKind::NapBreathing)
    } else if input.position == SleepPosition::Front {
        Some(CareAlertKind::NapPosition)
    } else {
        None
    };
    let key = key(actor, input.idempotency_key, "recordNapCheck")?;
    let recorded = svc
        .store
        .record_nap_check(
            check,
            context,
            recorded_event(CareRecordKind::NapCheck, &ctx, checked_at),
            danger.map(|k| alert(k, &ctx, checked_at)),
            key,
        )
        .await?;
    if !recorded.replayed {
        svc.after_commit();
    }
    Ok(recorded.value)
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
            match svc.store.raise_overdue_nap_alerts(Timestamp::now()).await {
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

//! The server's own clock running the left-behind check (降園確認). On each tick, for every
//! nursery open today and past its closing time, each child checked in and not checked out
//! gets one check, one live event and one push to the nursery's staff and head; the alert is
//! repeated every `LEFT_BEHIND_REPEAT_SECONDS` until the check-out comes (which ends the check
//! at the next tick) or staff explain it. A check is a row unique per child and day and a
//! repeat moves its `alerted_at` from the value read, so each happens once across replicas.

use time::Date;

use super::open_today::{open_today, OpenDay};
use crate::domain::safety::departure::{
    departure_check_is_due, plan_departure_round, DepartureCheck, DepartureCheckResolution,
};
use crate::domain::*;
use crate::error::AppResult;
use crate::service::Services;

/// What one tick did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DepartureOutcome {
    pub raised: usize,
    pub repeated: usize,
    pub ended: usize,
}

/// One pass of the watch at `now`.
pub async fn run_once(svc: &Services, now: Timestamp) -> AppResult<DepartureOutcome> {
    run_on(svc, now, &open_today(svc, now).await?).await
}

/// One pass over the nurseries open today (read once per tick for both watches).
pub async fn run_on(svc: &Services, now: Timestamp, open: &[OpenDay]) -> AppResult<DepartureOutcome> {
    let repeat_every = svc.config.left_behind_repeat();
    let mut outcome = DepartureOutcome::default();
    for open_day in open {
        let ids: Vec<Id> = open_day
            .due(departure_check_is_due)
            .into_iter()
            .map(|(id, _)| id)
            .collect();
        if ids.is_empty() {
            continue;
        }
        let (date, range) = (open_day.date, (open_day.day.start, open_day.day.end));
        // Read first, on the read pool: most ticks after closing find nothing to do.
        let plan = plan_departure_round(
            svc.store.children_still_here(&ids, range).await?,
            svc.store.departure_checks(&ids, date).await?,
            now,
            repeat_every,
        );
        if plan.is_empty() {
            continue;
        }
        // One unit per nursery with something to do: a city's closing never becomes one long
        // transaction holding back everyone's live events.
        let mut busy: Vec<Id> = plan.raise.iter().map(|c| c.nursery_id).collect();
        busy.extend(plan.end.iter().chain(&plan.repeat).map(|c| c.nursery_id));
        busy.sort();
        busy.dedup();
        for nursery in busy {
            let counted = apply_round(svc, nursery, date, range, now, repeat_every).await?;
            outcome.raised += counted.raised;
            outcome.repeated += counted.repeated;
            outcome.ended += counted.ended;
        }
    }
    Ok(outcome)
}

/// One nursery's round in a unit of its own: planned again inside it, applied, committed.
async fn apply_round(
    svc: &Services,
    nursery: Id,
    date: Date,
    range: (Timestamp, Timestamp),
    now: Timestamp,
    repeat_every: time::Duration,
) -> AppResult<DepartureOutcome> {
    let mut outcome = DepartureOutcome::default();
    let mut unit = svc.store.begin_unit().await?;
    let plan = plan_departure_round(
        unit.children_still_here(&[nursery], range).await?,
        unit.departure_checks_of(&[nursery], date).await?,
        now,
        repeat_every,
    );
    for child in plan.raise {
        let check = DepartureCheck {
            id: Id::new(),
            child_id: child.child_id,
            nursery_id: child.nursery_id,
            date,
            raised_at: now,
            alerted_at: now,
            alerts: 1,
            resolution: None,
            resolved_at: None,
            resolved_by: None,
            note: None,
        };
        // Another replica may have raised it a moment ago: then it is theirs to announce.
        if !unit.insert_departure_check(&check).await? {
            continue;
        }
        unit.append_event(check.id, &EventPayload::DepartureCheck(check.clone()))
            .await?;
        unit.enqueue_notice(&PushNotice::left_behind(&check, now)).await?;
        outcome.raised += 1;
    }
    for open in plan.repeat {
        if let Some(check) = unit.realert_departure_check(open.id, open.alerted_at, now).await? {
            unit.append_event(check.id, &EventPayload::DepartureCheck(check.clone()))
                .await?;
            unit.enqueue_notice(&PushNotice::left_behind(&check, now)).await?;
            outcome.repeated += 1;
        }
    }
    for open in plan.end {
        if let Some(ended) = unit
            .resolve_departure_check(open.id, DepartureCheckResolution::CheckedOut, None, None, now)
            .await?
        {
            unit.append_event(ended.id, &EventPayload::DepartureCheck(ended))
                .await?;
            outcome.ended += 1;
        }
    }
    unit.commit().await?;
    svc.after_commit();
    Ok(outcome)
}

//! The server's own clock running the not-yet-arrived check (登園確認). On each tick, for every
//! nursery open today and past its check time (until closing), every enrolled child with no
//! arrival and no absence report — or whose reported arrival has passed by the grace — gets
//! one check, one live event and one push to each guardian; open checks an arrival or a
//! report has since answered end by themselves. A check is a row unique per child and day, so
//! it is raised once across replicas and restarts (a server down at 9:30 raises it when it
//! comes back). The same task runs the left-behind check after closing (`departure_watch`).

use std::collections::HashMap;

use time::Date;

use super::open_today::{open_today, OpenDay};
use crate::domain::calendar::LocalDay;
use crate::domain::safety::arrival::{arrival_check_text, check_is_due, is_missing, ArrivalCheck};
use crate::domain::safety::opening::NurseryHours;
use crate::domain::*;
use crate::error::AppResult;
use crate::service::Services;
use crate::store::{ArrivalCandidate, GuardianPush};

/// What one tick did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WatchOutcome {
    /// Nurseries whose check was due.
    pub due_nurseries: usize,
    pub raised: usize,
    pub ended: usize,
}

pub fn spawn_arrival_watch(svc: Services, every: std::time::Duration) {
    crate::health::spawn_essential(crate::health::ARRIVAL_WATCHER, async move {
        let mut ticker = tokio::time::interval(every);
        ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        let mut open_days_recorded: Option<tokio::time::Instant> = None;
        loop {
            ticker.tick().await;
            let now = svc.clock.now();
            let open = match open_today(&svc, now).await {
                Ok(open) => open,
                Err(err) => {
                    tracing::error!(error = %err, "arrival watch failed");
                    continue;
                }
            };
            match run_on(&svc, now, &open).await {
                Ok(outcome) if outcome.raised + outcome.ended > 0 => {
                    tracing::info!(raised = outcome.raised, ended = outcome.ended, "arrival checks");
                }
                Ok(_) => {}
                Err(err) => tracing::error!(error = %err, "arrival watch failed"),
            }
            // The same clock runs the left-behind check after closing (降園確認).
            match super::departure_watch::run_on(&svc, now, &open).await {
                Ok(o) if o.raised + o.repeated + o.ended > 0 => {
                    tracing::info!(
                        raised = o.raised,
                        repeated = o.repeated,
                        ended = o.ended,
                        "departure checks"
                    );
                }
                Ok(_) => {}
                Err(err) => tracing::error!(error = %err, "departure watch failed"),
            }
            // The reports' open days: every ten minutes is plenty for days that have ended.
            if open_days_recorded.is_none_or(|at| at.elapsed() >= std::time::Duration::from_secs(600)) {
                match super::open_days::record_ended_days(&svc, now).await {
                    Ok(_) => open_days_recorded = Some(tokio::time::Instant::now()),
                    Err(err) => tracing::error!(error = %err, "recording open days failed"),
                }
            }
        }
    });
}

/// One day at one clock: the nurseries whose check is due, with their hours.
struct DueDay {
    date: Date,
    day: LocalDay,
    nurseries: HashMap<Id, NurseryHours>,
}

/// Of the nurseries open today, those whose check is due, by local day.
fn due_days(open: &[OpenDay]) -> Vec<DueDay> {
    open.iter()
        .map(|d| DueDay {
            date: d.date,
            day: d.day,
            nurseries: d.due(check_is_due).into_iter().collect(),
        })
        .filter(|d| !d.nurseries.is_empty())
        .collect()
}

fn missing(candidates: Vec<ArrivalCandidate>, due: &DueDay, now: Timestamp) -> Vec<ArrivalCandidate> {
    candidates
        .into_iter()
        .filter(|c| {
            let grace = due.nurseries.get(&c.nursery_id).map_or(0, |h| h.late_grace);
            is_missing(&c.reports, now, grace)
        })
        .collect()
}

/// One pass of the watch at `now`.
pub async fn run_once(svc: &Services, now: Timestamp) -> AppResult<WatchOutcome> {
    run_on(svc, now, &open_today(svc, now).await?).await
}

/// One pass over the nurseries open today (read once per tick for both watches).
pub async fn run_on(svc: &Services, now: Timestamp, open: &[OpenDay]) -> AppResult<WatchOutcome> {
    let mut outcome = WatchOutcome::default();
    for due in due_days(open) {
        outcome.due_nurseries += due.nurseries.len();
        let ids: Vec<Id> = due.nurseries.keys().copied().collect();
        let range = (due.day.start, due.day.end);
        // Read first, on the read pool: most ticks find nothing to do and write nothing.
        let to_raise = missing(svc.store.arrival_candidates(&ids, due.date, range).await?, &due, now);
        let any_ended = svc.store.any_arrival_check_ended(&ids, due.date, range).await?;
        if to_raise.is_empty() && !any_ended {
            continue;
        }
        let mut unit = svc.store.begin_unit().await?;
        let to_raise = missing(unit.arrival_candidates(&ids, due.date, range).await?, &due, now);
        for candidate in to_raise {
            let check = ArrivalCheck {
                id: Id::new(),
                child_id: candidate.child_id,
                nursery_id: candidate.nursery_id,
                family_id: candidate.family_id,
                date: due.date,
                raised_at: now,
                resolution: None,
                resolved_at: None,
                resolved_by: None,
                note: None,
            };
            // Another replica may have raised it a moment ago: then it is theirs to announce.
            if !unit.insert_arrival_check(&check).await? {
                continue;
            }
            unit.append_event(check.id, &EventPayload::ArrivalCheck(check.clone()))
                .await?;
            unit.enqueue_guardian_push(&push_of(&check, &candidate.name, now)?)
                .await?;
            outcome.raised += 1;
        }
        for (check, resolution) in unit.ended_arrival_checks(&ids, due.date, range).await? {
            if let Some(ended) = unit
                .resolve_arrival_check(check.id, resolution, None, None, now)
                .await?
            {
                unit.append_event(ended.id, &EventPayload::ArrivalCheck(ended)).await?;
                outcome.ended += 1;
            }
        }
        unit.commit().await?;
        svc.after_commit();
    }
    Ok(outcome)
}

/// The push to the child's guardians, in each one's language: the given name and a request to
/// get in touch, nothing about health.
fn push_of(check: &ArrivalCheck, child_name: &str, now: Timestamp) -> AppResult<GuardianPush> {
    let given = given_name(child_name);
    let payload = |locale: &str| {
        let (title, body) = arrival_check_text(locale, given);
        serde_json::to_string(&PushPayload {
            kind: PushKind::ArrivalCheck,
            event_id: check.id,
            child_id: check.child_id,
            child_name: given.to_owned(),
            title: title.to_owned(),
            body,
            at: now
                .utc()
                .format(&time::format_description::well_known::Rfc3339)
                .unwrap_or_default(),
            path: format!("/children/{}/attendance", check.child_id),
        })
        .map_err(|e| crate::error::AppError::from(crate::store::StoreError::Other(e.into())))
    };
    Ok(GuardianPush {
        kind: PushKind::ArrivalCheck,
        family_id: check.family_id,
        urgency: "high",
        // Stale after the morning: the nursery will have called by then.
        ttl_seconds: 3 * 3600,
        payload_ja: payload("ja")?,
        payload_en: payload("en")?,
    })
}

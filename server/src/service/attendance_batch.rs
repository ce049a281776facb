//! One group commit of check-ins and check-outs (the writer task in `attendance_writer.rs`
//! gathers them): this service owns the unit of work. It opens the transaction
//! (`AttendanceUnit`), claims idempotency keys, locks the children, judges every write against
//! its child's day so far with `domain::attendance_day` (the writes before it in the batch
//! included) and each named pickup with `domain::safety::pickup`, then writes the events, plans
//! their side effects explicitly in the same transaction — log entries, push outbox rows
//! (`PushNotice::for_event`), the daily figures' first arrivals, pickup warnings, the audit
//! entries each write carries — and commits. The writer then wakes the tailer and the push
//! worker. Every write is answered on its own.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::audit::NewAuditEntry;
use crate::domain::attendance_day::{DayEntry, DaysSoFar, SequenceRefusal};
use crate::domain::safety::pickup::{is_allowed, Collector, PickupPerson, PickupWarning};
use crate::domain::{AttendanceEvent, AttendanceKind, AuditAccess, EventPayload, Id, PushNotice, Timestamp};
use crate::store::{
    AttendanceUnit, AttendanceWrite, EarlierUse, LockedChild, Recorded, Store, StoreError, StoreResult,
};

/// Most writes in one transaction (each adds a few dozen bound parameters).
pub const ATTENDANCE_BATCH_LIMIT: usize = 64;

/// One write's fate within its batch, before the batch commits.
enum Fate {
    Recorded(AttendanceEvent),
    /// Its idempotency key was used before: the answer is that earlier result.
    Replayed(Id),
    Refused(StoreError),
}

type Answer = StoreResult<Recorded<AttendanceEvent>>;

/// Check-ins and check-outs, in batches of at most `ATTENDANCE_BATCH_LIMIT`. When a batch
/// fails as a whole (a database error, not a refusal), its writes are tried one by one so that
/// one bad write cannot fail the others.
pub async fn record_attendances(store: &dyn Store, writes: Vec<AttendanceWrite>) -> Vec<Answer> {
    let mut answers = Vec::with_capacity(writes.len());
    for batch in writes.chunks(ATTENDANCE_BATCH_LIMIT) {
        match write_batch(store, batch).await {
            Ok(batch_answers) => answers.extend(batch_answers),
            Err(error) if batch.len() == 1 => answers.push(Err(error)),
            Err(error) => {
                tracing::warn!(error = %error, writes = batch.len(), "attendance batch failed; writing one by one");
                for write in batch {
                    let single = write_batch(store, std::slice::from_ref(write)).await;
                    answers.push(single.and_then(|mut one| one.pop().unwrap_or(Err(StoreError::NotFound))));
                }
            }
        }
    }
    answers
}

/// One check-in or check-out on its own (seeding, demonstrations), audited as `write.trail`
/// says.
pub async fn record_attendance(store: &dyn Store, write: AttendanceWrite) -> Answer {
    record_attendances(store, vec![write])
        .await
        .pop()
        .unwrap_or_else(|| Err(StoreError::Other(anyhow::anyhow!("no answer for the write"))))
}

/// A refusal of the day's rules as the store's callers receive it.
fn sequence_refusal(refusal: SequenceRefusal) -> StoreError {
    match refusal.field() {
        Some(field) => StoreError::BadInput {
            field: field.into(),
            message: refusal.message().into(),
        },
        None => StoreError::Conflict(refusal.message().into()),
    }
}

/// The same refusal again, for a retry of a refused write within one batch.
fn refusal_again(error: &StoreError) -> StoreError {
    match error {
        StoreError::NotFound => StoreError::NotFound,
        StoreError::Conflict(message) => StoreError::Conflict(message.clone()),
        StoreError::BadInput { field, message } => StoreError::BadInput {
            field: field.clone(),
            message: message.clone(),
        },
        StoreError::Unavailable(reason) => StoreError::Unavailable(reason.clone()),
        other => StoreError::Other(anyhow::anyhow!("{other}")),
    }
}

fn undecided(fates: &[Option<Fate>]) -> Vec<usize> {
    (0..fates.len()).filter(|&i| fates[i].is_none()).collect()
}

/// Writes `writes` (at most `ATTENDANCE_BATCH_LIMIT`) in one transaction. `Err` means the
/// transaction failed as a whole and nothing was written; single refusals are in the list.
async fn write_batch(store: &dyn Store, writes: &[AttendanceWrite]) -> StoreResult<Vec<Answer>> {
    let now = store.clock().now();
    let mut unit = store.begin_attendance_unit().await?;
    let mut fates: Vec<Option<Fate>> = writes.iter().map(|_| None).collect();

    let claims = unit.claim_keys(writes, &undecided(&fates), now).await?;
    for (i, earlier) in claims.used_before {
        fates[i] = Some(match earlier {
            EarlierUse::SameOperation(id) => Fate::Replayed(id),
            EarlierUse::OtherOperation(operation) => Fate::Refused(StoreError::BadInput {
                field: "idempotencyKey".into(),
                message: format!("this idempotency key was already used for {operation}"),
            }),
        });
    }
    let open = undecided(&fates);
    let child_ids: Vec<Id> = open.iter().map(|&i| writes[i].event.child_id).collect();
    let children = unit.lock_children(&child_ids).await?;
    let days = match (
        open.iter().map(|&i| writes[i].day.start).min(),
        open.iter().map(|&i| writes[i].day.end).max(),
    ) {
        (Some(from), Some(to)) => unit.days_so_far(&child_ids, from, to).await?,
        _ => HashMap::new(),
    };
    let first_arrivals = judge(writes, &children, DaysSoFar::new(days), &mut fates);
    let fates: Vec<Fate> = fates.into_iter().map(|f| f.expect("every write decided")).collect();

    // A refused write leaves no claim on its key: a retry is judged again.
    let refused: Vec<usize> = claims
        .claimed
        .iter()
        .copied()
        .filter(|&i| matches!(fates[i], Fate::Refused(_)))
        .collect();
    unit.release_keys(writes, &refused).await?;

    let mut recorded: Vec<(usize, AttendanceEvent)> = fates
        .iter()
        .enumerate()
        .filter_map(|(i, fate)| match fate {
            Fate::Recorded(event) => Some((i, event.clone())),
            _ => None,
        })
        .collect();
    if !recorded.is_empty() {
        write_recorded(&mut *unit, writes, &mut recorded, &children, &first_arrivals, now).await?;
    }
    unit.commit().await?;
    answer(store, writes, &fates, &recorded).await
}

/// Judges each undecided write against its child's day so far, in arrival order; returns the
/// first arrivals to add to the classrooms' daily figures, by (classroom, date, nursery).
fn judge(
    writes: &[AttendanceWrite],
    children: &HashMap<Id, LockedChild>,
    mut days: DaysSoFar,
    fates: &mut [Option<Fate>],
) -> BTreeMap<(Id, time::Date, Id), i64> {
    let mut first_arrivals = BTreeMap::new();
    for (i, write) in writes.iter().enumerate() {
        if fates[i].is_some() {
            continue;
        }
        let event = &write.event;
        let Some(child) = children.get(&event.child_id) else {
            fates[i] = Some(Fate::Refused(StoreError::NotFound));
            continue;
        };
        let entry = DayEntry {
            kind: event.kind,
            at: event.occurred_at,
            id: event.id,
        };
        fates[i] = Some(
            match days.admit(event.child_id, write.day.start, write.day.end, entry) {
                Err(refusal) => Fate::Refused(sequence_refusal(refusal)),
                Ok(admitted) => {
                    if admitted.first_arrival {
                        *first_arrivals
                            .entry((child.classroom_id, write.day.date, event.nursery_id))
                            .or_default() += 1;
                    }
                    Fate::Recorded(event.clone())
                }
            },
        );
    }
    first_arrivals
}

/// The recorded writes' rows, log entries (their positions set on `recorded`), pickup
/// warnings, push rows, daily figures and audit entries, all in the batch's transaction.
async fn write_recorded(
    unit: &mut dyn AttendanceUnit,
    writes: &[AttendanceWrite],
    recorded: &mut [(usize, AttendanceEvent)],
    children: &HashMap<Id, LockedChild>,
    first_arrivals: &BTreeMap<(Id, time::Date, Id), i64>,
    now: Timestamp,
) -> StoreResult<()> {
    unit.insert_events(writes, recorded, children, now).await?;
    let positions = unit.append_events_to_log(recorded, now).await?;
    for (_, event) in recorded.iter_mut() {
        event.position = *positions
            .get(&event.id)
            .ok_or_else(|| anyhow::anyhow!("no log position for event {}", event.id))?;
    }
    // Check-outs by someone not allowed are warned in this same transaction: a warning cannot
    // be lost between two commits, and a replayed check-out never reaches this step.
    let warnings = pickup_warnings(unit, writes, recorded, now).await?;
    unit.insert_pickup_warnings(&warnings, now).await?;
    let payloads = recorded
        .iter()
        .map(|(_, event)| EventPayload::Attendance(event.clone()))
        .chain(warnings.into_iter().map(EventPayload::PickupWarning));
    let notices: Vec<(PushNotice, &LockedChild)> = payloads
        .filter_map(|payload| {
            let notice = PushNotice::for_event(&payload, now)?;
            let child = children.get(&notice.child_id)?;
            Some((notice, child))
        })
        .collect();
    let notices: Vec<(&PushNotice, &str, i32)> = notices
        .iter()
        .map(|(notice, child)| (notice, child.name.as_str(), child.utc_offset_minutes))
        .collect();
    unit.enqueue_pushes(&notices).await?;
    unit.count_first_arrivals(first_arrivals).await?;
    let trail: Vec<NewAuditEntry> = recorded
        .iter()
        .filter_map(|(i, event)| {
            let write = writes[*i].trail.as_ref()?;
            Some(NewAuditEntry {
                at: now,
                actor_id: write.actor_id,
                access: AuditAccess::Write,
                operation: write.operation.clone(),
                nursery_id: Some(event.nursery_id),
                entity_ids: vec![event.child_id, event.id],
                client_addr: write.client_addr.clone(),
            })
        })
        .collect();
    unit.audit(&trail).await?;
    Ok(())
}

/// The warnings the batch's recorded check-outs raise: each check-out that names who collected
/// is judged against the family's list and the day's plan, read after the children are locked.
async fn pickup_warnings(
    unit: &mut dyn AttendanceUnit,
    writes: &[AttendanceWrite],
    recorded: &[(usize, AttendanceEvent)],
    now: Timestamp,
) -> StoreResult<Vec<PickupWarning>> {
    let outs: Vec<(usize, &AttendanceEvent)> = recorded
        .iter()
        .filter(|(_, e)| e.kind == AttendanceKind::CheckOut && (e.pickup_person_id.is_some() || e.pickup_by.is_some()))
        .map(|(i, e)| (*i, e))
        .collect();
    let (Some(first), Some(last)) = (
        outs.iter().map(|(i, _)| writes[*i].day.date).min(),
        outs.iter().map(|(i, _)| writes[*i].day.date).max(),
    ) else {
        return Ok(Vec::new());
    };
    let families: Vec<Id> = outs
        .iter()
        .map(|(_, e)| e.family_id)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let children: Vec<Id> = outs
        .iter()
        .map(|(_, e)| e.child_id)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let rules = unit.pickup_rules(&families, &children, first, last).await?;
    let mut warnings = Vec::new();
    for (i, event) in outs {
        let date = writes[i].day.date;
        let list: Vec<PickupPerson> = rules
            .people
            .iter()
            .filter(|p| p.family_id == event.family_id)
            .cloned()
            .collect();
        let plan = rules
            .one_off_plans
            .iter()
            .find(|p| p.child_id == event.child_id && p.date == date);
        let collector = Collector {
            person: event.pickup_person_id.and_then(|id| list.iter().find(|p| p.id == id)),
            name: event.pickup_by.as_deref(),
        };
        if is_allowed(collector, &list, plan) == Some(false) {
            warnings.push(PickupWarning {
                id: Id::new(),
                attendance_id: event.id,
                child_id: event.child_id,
                nursery_id: event.nursery_id,
                family_id: event.family_id,
                date,
                pickup_by: event.pickup_by.clone(),
                person_id: event.pickup_person_id,
                recorded_by: event.recorded_by,
                raised_at: now,
            });
        }
    }
    Ok(warnings)
}

/// The answers: replays of earlier writes are read back (those of this very batch are at
/// hand; a replay of a write refused here is refused again).
async fn answer(
    store: &dyn Store,
    writes: &[AttendanceWrite],
    fates: &[Fate],
    recorded: &[(usize, AttendanceEvent)],
) -> StoreResult<Vec<Answer>> {
    let mut answers = Vec::with_capacity(writes.len());
    for (i, fate) in fates.iter().enumerate() {
        answers.push(match fate {
            Fate::Recorded(_) => {
                let event = recorded.iter().find(|(j, _)| *j == i).map(|(_, e)| e.clone());
                Ok(Recorded {
                    value: event.ok_or_else(|| anyhow::anyhow!("recorded event missing"))?,
                    replayed: false,
                })
            }
            Fate::Replayed(earlier) => match writes.iter().position(|w| w.event.id == *earlier) {
                Some(first) => match &fates[first] {
                    Fate::Refused(refusal) => Err(refusal_again(refusal)),
                    _ => recorded
                        .iter()
                        .find(|(j, _)| *j == first)
                        .map(|(_, event)| Recorded {
                            value: event.clone(),
                            replayed: true,
                        })
                        .ok_or(StoreError::NotFound),
                },
                None => store.recorded_attendance(*earlier).await.map(|event| Recorded {
                    value: event,
                    replayed: true,
                }),
            },
            Fate::Refused(refusal) => Err(refusal_again(refusal)),
        });
    }
    Ok(answers)
}

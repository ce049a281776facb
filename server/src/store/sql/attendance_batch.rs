// Check-ins and check-outs written several to a transaction (group commit). In the morning rush
// many tablets write at once; one transaction of a handful of set-based statements costs the
// database, and the server's round trips to it, far less than one transaction each. Every write
// is still checked on its own against its child's day so far, including the writes before it
// in the same batch, and answered on its own. Shared SQL, included by each backend.

/// Most writes in one transaction (each adds a few dozen bound parameters).
const ATTENDANCE_BATCH_LIMIT: usize = 64;

/// One write's fate within its batch, before the batch commits.
enum Fate {
    Recorded(AttendanceEvent),
    /// Its idempotency key was used before: the answer is that earlier result.
    Replayed(Id),
    Refused(StoreError),
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

/// Appends ` OR (user_id = … AND idem_key = …)` for each key, after a `WHERE 1 = 0`.
fn push_key_matches<'k>(query: &mut QueryBuilder<'_, Db>, keys: impl IntoIterator<Item = &'k IdempotencyKey>) {
    for key in keys {
        query
            .push(" OR (user_id = ")
            .push_bind(key.user_id)
            .push(" AND idem_key = ")
            .push_bind(key.key.clone())
            .push(")");
    }
}

/// A refusal of the day's rules (`domain::attendance_day`) as the store reports it.
fn sequence_refusal(refusal: SequenceRefusal) -> StoreError {
    match refusal.field() {
        Some(field) => StoreError::BadInput {
            field: field.into(),
            message: refusal.message().into(),
        },
        None => StoreError::Conflict(refusal.message().into()),
    }
}

impl DbStore {
    /// Writes `writes` (at most `ATTENDANCE_BATCH_LIMIT`) in one transaction. `Err` means the
    /// transaction failed as a whole and nothing was written; single refusals are in the list.
    async fn write_attendance_batch(
        &self,
        writes: &[AttendanceWrite],
    ) -> StoreResult<Vec<StoreResult<Recorded<AttendanceEvent>>>> {
        let mut tx = self.begin_write().await?;
        let mut fates: Vec<Option<Fate>> = writes.iter().map(|_| None).collect();
        let claimed = Self::claim_batch_keys(&mut tx, writes, &mut fates).await?;
        let children = Self::lock_children(&mut tx, writes, &fates).await?;
        let mut days = DaysSoFar::new(Self::days_so_far(&mut tx, writes, &fates).await?);

        // Each write against its child's day so far, in arrival order (the day's rules are
        // `domain::attendance_day`); first arrivals are added to the classrooms' daily figures.
        let mut first_arrivals: std::collections::BTreeMap<(Id, Date, Id), i64> = std::collections::BTreeMap::new();
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
            fates[i] = Some(match days.admit(event.child_id, write.day.start, write.day.end, entry) {
                Err(refusal) => Fate::Refused(sequence_refusal(refusal)),
                Ok(admitted) => {
                    if admitted.first_arrival {
                        *first_arrivals
                            .entry((child.classroom_id, write.day.date, event.nursery_id))
                            .or_default() += 1;
                    }
                    Fate::Recorded(event.clone())
                }
            });
        }
        let fates: Vec<Fate> = fates.into_iter().map(|f| f.expect("every write decided")).collect();

        // A refused write leaves no claim on its key: a retry is checked again.
        let refused_keys: Vec<&IdempotencyKey> = claimed
            .iter()
            .filter(|&&i| matches!(fates[i], Fate::Refused(_)))
            .filter_map(|&i| writes[i].key.as_ref())
            .collect();
        if !refused_keys.is_empty() {
            let mut query = QueryBuilder::<Db>::new("DELETE FROM idempotency_keys WHERE 1 = 0");
            push_key_matches(&mut query, refused_keys);
            query.build().execute(&mut *tx).await?;
        }

        let mut recorded: Vec<(usize, AttendanceEvent)> = fates
            .iter()
            .enumerate()
            .filter_map(|(i, fate)| match fate {
                Fate::Recorded(event) => Some((i, event.clone())),
                _ => None,
            })
            .collect();
        if !recorded.is_empty() {
            Self::insert_attendance_rows(&mut tx, writes, &recorded, &children).await?;
            let positions = Self::append_attendance_log(&mut tx, &recorded).await?;
            for (_, event) in &mut recorded {
                event.position = *positions
                    .get(&event.id)
                    .ok_or_else(|| anyhow::anyhow!("no log position for event {}", event.id))?;
            }
            // Check-outs by someone not allowed: warned in this same transaction (see
            // `attendance_batch_pickup.rs` for why here).
            let warnings = Self::pickup_warnings_of_batch(&mut tx, writes, &recorded).await?;
            Self::insert_pickup_warnings(&mut tx, &warnings).await?;
            let payloads = recorded
                .iter()
                .map(|(_, event)| EventPayload::Attendance(event.clone()))
                .chain(warnings.into_iter().map(EventPayload::PickupWarning));
            let notices: Vec<(PushNotice, &LockedChild)> = payloads
                .filter_map(|payload| {
                    let notice = PushNotice::for_event(&payload)?;
                    let child = children.get(&notice.child_id)?;
                    Some((notice, child))
                })
                .collect();
            let notices: Vec<(&PushNotice, &str, i32)> = notices
                .iter()
                .map(|(notice, child)| (notice, child.name.as_str(), child.utc_offset_minutes))
                .collect();
            Self::enqueue_push_batch(&mut tx, &notices).await?;
            Self::count_first_arrivals(&mut tx, &first_arrivals).await?;
            let trail: Vec<crate::audit::NewAuditEntry> = recorded
                .iter()
                .filter_map(|(i, event)| {
                    let write = writes[*i].trail.as_ref()?;
                    Some(crate::audit::NewAuditEntry {
                        at: Timestamp::now(),
                        actor_id: write.actor_id,
                        access: AuditAccess::Write,
                        operation: write.operation.clone(),
                        nursery_id: Some(event.nursery_id),
                        entity_ids: vec![event.child_id, event.id],
                        client_addr: write.client_addr.clone(),
                    })
                })
                .collect();
            Self::insert_audit_batch(&mut tx, &trail).await?;
        }
        tx.commit().await?;

        // The answers: replays of earlier writes are read back (those of this very batch are
        // at hand; a replay of a write refused here is refused again).
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
                    None => self.attendance_event(*earlier).await.map(|event| Recorded {
                        value: event,
                        replayed: true,
                    }),
                },
                Fate::Refused(refusal) => Err(refusal_again(refusal)),
            });
        }
        Ok(answers)
    }

    /// Check-ins and check-outs, in batches of at most `ATTENDANCE_BATCH_LIMIT`. When a batch
    /// fails as a whole (a database error, not a refusal), its writes are tried one by one so
    /// that one bad write cannot fail the others.
    async fn record_attendance_batches(
        &self,
        writes: Vec<AttendanceWrite>,
    ) -> Vec<StoreResult<Recorded<AttendanceEvent>>> {
        let mut answers = Vec::with_capacity(writes.len());
        for batch in writes.chunks(ATTENDANCE_BATCH_LIMIT) {
            match self.write_attendance_batch(batch).await {
                Ok(batch_answers) => answers.extend(batch_answers),
                Err(error) if batch.len() == 1 => answers.push(Err(error)),
                Err(error) => {
                    tracing::warn!(error = %error, writes = batch.len(), "attendance batch failed; writing one by one");
                    for write in batch {
                        let single = self.write_attendance_batch(std::slice::from_ref(write)).await;
                        answers.push(single.and_then(|mut one| one.pop().unwrap_or(Err(StoreError::NotFound))));
                    }
                }
            }
        }
        answers
    }
}

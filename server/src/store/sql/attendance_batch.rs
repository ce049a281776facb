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
        other => StoreError::Other(anyhow::anyhow!("{other}")),
    }
}

/// Whether a `kind` at `at` may follow the child's `last` event of the day.
fn follows_day(kind: AttendanceKind, at: Timestamp, last: Option<(AttendanceKind, Timestamp)>) -> StoreResult<()> {
    match (kind, last) {
        (AttendanceKind::CheckIn, Some((AttendanceKind::CheckIn, _))) => {
            Err(StoreError::Conflict("the child is already checked in".into()))
        }
        (AttendanceKind::CheckOut, None | Some((AttendanceKind::CheckOut, _))) => {
            Err(StoreError::Conflict("the child is not checked in".into()))
        }
        (_, Some((_, last_at))) if at < last_at => Err(StoreError::BadInput {
            field: "occurredAt".into(),
            message: "earlier than the child's last recorded arrival or departure".into(),
        }),
        _ => Ok(()),
    }
}

/// A locked child: classroom (for the rollup), name and nursery offset (for the push text).
struct LockedChild {
    classroom_id: Id,
    name: String,
    utc_offset_minutes: i32,
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
        let mut days = Self::days_so_far(&mut tx, writes, &fates).await?;

        // Each write against its child's day so far, in arrival order.
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
            let history = days.entry(event.child_id).or_default();
            let last = history
                .iter()
                .filter(|(_, at, _)| *at >= write.day.start && *at < write.day.end)
                .max_by_key(|(_, at, id)| (*at, *id))
                .map(|(kind, at, _)| (*kind, *at));
            fates[i] = Some(match follows_day(event.kind, event.occurred_at, last) {
                Err(refusal) => Fate::Refused(refusal),
                Ok(()) => {
                    history.push((event.kind, event.occurred_at, event.id));
                    // The child's first arrival of the day counts them present in the rollup.
                    if event.kind == AttendanceKind::CheckIn && last.is_none() {
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
            for key in refused_keys {
                query
                    .push(" OR (user_id = ")
                    .push_bind(key.user_id)
                    .push(" AND idem_key = ")
                    .push_bind(key.key.clone())
                    .push(")");
            }
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
            let notices: Vec<(PushNotice, &LockedChild)> = recorded
                .iter()
                .filter_map(|(_, event)| {
                    let notice = PushNotice::for_event(&EventPayload::Attendance(event.clone()))?;
                    Some((notice, children.get(&event.child_id)?))
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

    /// Claims the batch's idempotency keys; a key used before decides its write's fate (a
    /// replay, or a refusal when it was used for another operation). Returns the claimers.
    async fn claim_batch_keys(
        tx: &mut sqlx::Transaction<'static, Db>,
        writes: &[AttendanceWrite],
        fates: &mut [Option<Fate>],
    ) -> StoreResult<Vec<usize>> {
        let keyed: Vec<usize> = (0..writes.len()).filter(|&i| writes[i].key.is_some()).collect();
        if keyed.is_empty() {
            return Ok(Vec::new());
        }
        let now = Timestamp::now();
        let mut query = QueryBuilder::<Db>::new(
            "INSERT INTO idempotency_keys (user_id, idem_key, operation, result_id, created_at) ",
        );
        query.push_values(&keyed, |mut row, &i| {
            let key = writes[i].key.as_ref().expect("a keyed write");
            row.push_bind(key.user_id)
                .push_bind(key.key.clone())
                .push_bind(key.operation)
                .push_bind(writes[i].event.id)
                .push_bind(now);
        });
        // Within one statement a repeated key is skipped like an earlier one.
        query.push(" ON CONFLICT (user_id, idem_key) DO NOTHING RETURNING result_id");
        let won: Vec<(Id,)> = query.build_query_as().fetch_all(&mut **tx).await?;
        let (claimed, used_before): (Vec<usize>, Vec<usize>) = keyed
            .into_iter()
            .partition(|&i| won.iter().any(|(id,)| *id == writes[i].event.id));
        if used_before.is_empty() {
            return Ok(claimed);
        }
        let mut query =
            QueryBuilder::<Db>::new("SELECT user_id, idem_key, operation, result_id FROM idempotency_keys WHERE 1 = 0");
        for &i in &used_before {
            let key = writes[i].key.as_ref().expect("a keyed write");
            query
                .push(" OR (user_id = ")
                .push_bind(key.user_id)
                .push(" AND idem_key = ")
                .push_bind(key.key.clone())
                .push(")");
        }
        let earlier: Vec<(Id, String, String, Id)> = query.build_query_as().fetch_all(&mut **tx).await?;
        for i in used_before {
            let key = writes[i].key.as_ref().expect("a keyed write");
            let found = earlier
                .iter()
                .find(|(user_id, idem_key, ..)| *user_id == key.user_id && *idem_key == key.key)
                .ok_or_else(|| anyhow::anyhow!("idempotency key neither claimed nor found"))?;
            fates[i] = Some(if found.2 != key.operation {
                Fate::Refused(StoreError::BadInput {
                    field: "idempotencyKey".into(),
                    message: format!("this idempotency key was already used for {}", found.2),
                })
            } else {
                Fate::Replayed(found.3)
            });
        }
        Ok(claimed)
    }

    /// Locks the undecided writes' children, in id order so that writers cannot deadlock:
    /// two tablets can then not both check the same child in.
    async fn lock_children(
        tx: &mut sqlx::Transaction<'static, Db>,
        writes: &[AttendanceWrite],
        fates: &[Option<Fate>],
    ) -> StoreResult<std::collections::HashMap<Id, LockedChild>> {
        let ids: std::collections::BTreeSet<Id> = writes
            .iter()
            .zip(fates)
            .filter(|(_, fate)| fate.is_none())
            .map(|(write, _)| write.event.child_id)
            .collect();
        if ids.is_empty() {
            return Ok(std::collections::HashMap::new());
        }
        let mut query = QueryBuilder::<Db>::new(
            "SELECT c.id, c.classroom_id, c.name, n.utc_offset_minutes
             FROM children c JOIN nurseries n ON n.id = c.nursery_id WHERE c.id IN (",
        );
        let mut list = query.separated(", ");
        for id in &ids {
            list.push_bind(*id);
        }
        query.push(") ORDER BY c.id");
        query.push(FOR_UPDATE_OF_CHILDREN);
        let rows: Vec<(Id, Id, String, i32)> = query.build_query_as().fetch_all(&mut **tx).await?;
        Ok(rows
            .into_iter()
            .map(|(id, classroom_id, name, utc_offset_minutes)| {
                (
                    id,
                    LockedChild {
                        classroom_id,
                        name,
                        utc_offset_minutes,
                    },
                )
            })
            .collect())
    }

    /// The arrivals and departures so far on the undecided writes' days, per child. Read after
    /// the children are locked, so a concurrent writer's committed events are seen.
    async fn days_so_far(
        tx: &mut sqlx::Transaction<'static, Db>,
        writes: &[AttendanceWrite],
        fates: &[Option<Fate>],
    ) -> StoreResult<std::collections::HashMap<Id, Vec<(AttendanceKind, Timestamp, Id)>>> {
        let undecided: Vec<&AttendanceWrite> = writes
            .iter()
            .zip(fates)
            .filter(|(_, fate)| fate.is_none())
            .map(|(write, _)| write)
            .collect();
        let (Some(from), Some(to)) = (
            undecided.iter().map(|w| w.day.start).min(),
            undecided.iter().map(|w| w.day.end).max(),
        ) else {
            return Ok(std::collections::HashMap::new());
        };
        let ids: std::collections::BTreeSet<Id> = undecided.iter().map(|w| w.event.child_id).collect();
        let mut query = QueryBuilder::<Db>::new("SELECT child_id, kind, occurred_at, id FROM attendance_events WHERE child_id IN (");
        let mut list = query.separated(", ");
        for id in &ids {
            list.push_bind(*id);
        }
        query.push(") AND occurred_at >= ").push_bind(from);
        query.push(" AND occurred_at < ").push_bind(to);
        let rows: Vec<(Id, String, Timestamp, Id)> = query.build_query_as().fetch_all(&mut **tx).await?;
        let mut days: std::collections::HashMap<Id, Vec<(AttendanceKind, Timestamp, Id)>> = std::collections::HashMap::new();
        for (child_id, kind, at, id) in rows {
            days.entry(child_id)
                .or_default()
                .push((parse_text_enum(AttendanceKind::parse, &kind)?, at, id));
        }
        Ok(days)
    }

    async fn insert_attendance_rows(
        tx: &mut sqlx::Transaction<'static, Db>,
        writes: &[AttendanceWrite],
        recorded: &[(usize, AttendanceEvent)],
        children: &std::collections::HashMap<Id, LockedChild>,
    ) -> StoreResult<()> {
        let now = Timestamp::now();
        let mut query = QueryBuilder::<Db>::new(
            "INSERT INTO attendance_events (id, child_id, nursery_id, family_id, kind, occurred_at, recorded_by, pickup_by,
                created_at, date, classroom_id) ",
        );
        query.push_values(recorded, |mut row, (i, event)| {
            row.push_bind(event.id)
                .push_bind(event.child_id)
                .push_bind(event.nursery_id)
                .push_bind(event.family_id)
                .push_bind(event.kind.as_str())
                .push_bind(event.occurred_at)
                .push_bind(event.recorded_by)
                .push_bind(event.pickup_by.clone())
                .push_bind(now)
                .push_bind(writes[*i].day.date)
                .push_bind(children.get(&event.child_id).map(|c| c.classroom_id));
        });
        query.build().execute(&mut **tx).await?;
        Ok(())
    }

    /// The events' log entries, in batch order; their positions by event id.
    async fn append_attendance_log(
        tx: &mut sqlx::Transaction<'static, Db>,
        recorded: &[(usize, AttendanceEvent)],
    ) -> StoreResult<std::collections::HashMap<Id, Position>> {
        let now = Timestamp::now();
        let mut payloads = Vec::with_capacity(recorded.len());
        for (_, event) in recorded {
            let payload = EventPayload::Attendance(event.clone());
            payloads.push((
                payload.kind().as_str(),
                serde_json::to_string(&payload).map_err(anyhow::Error::from)?,
            ));
        }
        let mut query = QueryBuilder::<Db>::new(
            "INSERT INTO event_log (tx_id, kind, nursery_id, family_id, entity_id, payload, created_at) ",
        );
        query.push_values(recorded.iter().zip(payloads), |mut row, ((_, event), (kind, json))| {
            row.push(TX_ID_EXPR)
                .push_bind(kind)
                .push_bind(event.nursery_id)
                .push_bind(event.family_id)
                .push_bind(event.id)
                .push_bind(json)
                .push_bind(now);
        });
        query.push(" RETURNING entity_id, tx_id, seq");
        let rows: Vec<(Id, i64, i64)> = query.build_query_as().fetch_all(&mut **tx).await?;
        Ok(rows
            .into_iter()
            .map(|(entity_id, tx_id, seq)| (entity_id, Position { tx: tx_id, seq }))
            .collect())
    }

    /// Adds first arrivals to the daily classroom rollup, classrooms in a fixed order.
    async fn count_first_arrivals(
        tx: &mut sqlx::Transaction<'static, Db>,
        first_arrivals: &std::collections::BTreeMap<(Id, Date, Id), i64>,
    ) -> StoreResult<()> {
        if first_arrivals.is_empty() {
            return Ok(());
        }
        let mut query =
            QueryBuilder::<Db>::new("INSERT INTO classroom_day_attendance (classroom_id, date, nursery_id, present) ");
        query.push_values(first_arrivals, |mut row, ((classroom_id, date, nursery_id), present)| {
            row.push_bind(*classroom_id)
                .push_bind(*date)
                .push_bind(*nursery_id)
                .push_bind(*present);
        });
        query.push(
            " ON CONFLICT (classroom_id, date) DO UPDATE SET present = classroom_day_attendance.present + excluded.present",
        );
        query.build().execute(&mut **tx).await?;
        Ok(())
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

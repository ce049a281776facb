// The statements of one group-commit batch of check-ins and check-outs (see
// `attendance_batch.rs`): claiming idempotency keys, locking the children, reading their day so
// far, and writing the events, their log entries and the daily rollup. Shared SQL, included by
// each backend.

/// A locked child: classroom (for the rollup), name and nursery offset (for the push text).
struct LockedChild {
    classroom_id: Id,
    name: String,
    utc_offset_minutes: i32,
}

impl DbStore {
    /// Claims the batch's idempotency keys; a key used before decides its write's fate (a
    /// replay, or a refusal when it was used for another operation). Returns the claimers.
    async fn claim_batch_keys(
        tx: &mut sqlx::Transaction<'static, Db>,
        writes: &[AttendanceWrite],
        fates: &mut [Option<Fate>],
    ) -> StoreResult<Vec<usize>> {
        let mut keyed: Vec<usize> = (0..writes.len()).filter(|&i| writes[i].key.is_some()).collect();
        if keyed.is_empty() {
            return Ok(Vec::new());
        }
        // Claimed in key order, so two transactions holding the same keys wait for each other
        // instead of deadlocking; the sort is stable, so a repeated key's first write still
        // comes first and wins.
        keyed.sort_by(|&a, &b| {
            let key = |i: usize| writes[i].key.as_ref().map(|k| (k.user_id, k.key.as_str()));
            key(a).cmp(&key(b))
        });
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
        push_key_matches(&mut query, used_before.iter().filter_map(|&i| writes[i].key.as_ref()));
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
             FROM children c JOIN nurseries n ON n.id = c.nursery_id WHERE c.id IN ",
        );
        push_padded_list(&mut query, &ids.into_iter().collect::<Vec<_>>());
        query.push(" ORDER BY c.id");
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
        let mut query = QueryBuilder::<Db>::new("SELECT child_id, kind, occurred_at, id FROM attendance_events WHERE child_id IN ");
        push_padded_list(&mut query, &ids.into_iter().collect::<Vec<_>>());
        query.push(" AND occurred_at >= ").push_bind(from);
        query.push(" AND occurred_at < ").push_bind(to);
        // A corrected check-in or check-out no longer counts: the day goes on from before it.
        query.push(" AND NOT EXISTS (SELECT 1 FROM attendance_corrections x WHERE x.attendance_id = attendance_events.id)");
        let rows: Vec<(Id, String, Timestamp, Id)> = query.build_query_as().fetch_all(&mut **tx).await?;
        let mut days: std::collections::HashMap<Id, Vec<(AttendanceKind, Timestamp, Id)>> = std::collections::HashMap::new();
        for (child_id, kind, at, id) in rows {
            days.entry(child_id)
                .or_default()
                .push((parse_text_enum::<AttendanceKind>(&kind)?, at, id));
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
                created_at, date, classroom_id, pickup_person_id) ",
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
                .push_bind(children.get(&event.child_id).map(|c| c.classroom_id))
                .push_bind(event.pickup_person_id);
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
}

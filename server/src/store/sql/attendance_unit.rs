// A group commit's unit of work (see `store/attendance_work.rs`): set-based statements over
// the whole batch, which the attendance service runs in one transaction it decides and
// commits. Shared SQL, included by each backend.

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

#[async_trait]
impl AttendanceUnit for DbUnit {
    async fn claim_keys(&mut self, writes: &[AttendanceWrite], indices: &[usize], now: Timestamp) -> StoreResult<KeyClaims> {
        let mut keyed: Vec<usize> = indices.iter().copied().filter(|&i| writes[i].key.is_some()).collect();
        if keyed.is_empty() {
            return Ok(KeyClaims::default());
        }
        // Claimed in key order, so two transactions holding the same keys wait for each other
        // instead of deadlocking; the sort is stable, so a repeated key's first write still
        // comes first and wins.
        keyed.sort_by(|&a, &b| {
            let key = |i: usize| writes[i].key.as_ref().map(|k| (k.user_id, k.key.as_str()));
            key(a).cmp(&key(b))
        });
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
        let won: Vec<(Id,)> = query.build_query_as().fetch_all(&mut *self.tx).await?;
        let (claimed, used_before): (Vec<usize>, Vec<usize>) = keyed
            .into_iter()
            .partition(|&i| won.iter().any(|(id,)| *id == writes[i].event.id));
        if used_before.is_empty() {
            return Ok(KeyClaims {
                claimed,
                used_before: Vec::new(),
            });
        }
        let mut query =
            QueryBuilder::<Db>::new("SELECT user_id, idem_key, operation, result_id FROM idempotency_keys WHERE 1 = 0");
        push_key_matches(&mut query, used_before.iter().filter_map(|&i| writes[i].key.as_ref()));
        let earlier: Vec<(Id, String, String, Id)> = query.build_query_as().fetch_all(&mut *self.tx).await?;
        let mut uses = Vec::with_capacity(used_before.len());
        for i in used_before {
            let key = writes[i].key.as_ref().expect("a keyed write");
            let found = earlier
                .iter()
                .find(|(user_id, idem_key, ..)| *user_id == key.user_id && *idem_key == key.key)
                .ok_or_else(|| anyhow::anyhow!("idempotency key neither claimed nor found"))?;
            uses.push((
                i,
                if found.2 != key.operation {
                    EarlierUse::OtherOperation(found.2.clone())
                } else {
                    EarlierUse::SameOperation(found.3)
                },
            ));
        }
        Ok(KeyClaims {
            claimed,
            used_before: uses,
        })
    }

    async fn release_keys(&mut self, writes: &[AttendanceWrite], indices: &[usize]) -> StoreResult<()> {
        let keys: Vec<&IdempotencyKey> = indices.iter().filter_map(|&i| writes[i].key.as_ref()).collect();
        if keys.is_empty() {
            return Ok(());
        }
        let mut query = QueryBuilder::<Db>::new("DELETE FROM idempotency_keys WHERE 1 = 0");
        push_key_matches(&mut query, keys);
        query.build().execute(&mut *self.tx).await?;
        Ok(())
    }

    async fn lock_children(&mut self, child_ids: &[Id]) -> StoreResult<HashMap<Id, LockedChild>> {
        let ids: std::collections::BTreeSet<Id> = child_ids.iter().copied().collect();
        if ids.is_empty() {
            return Ok(HashMap::new());
        }
        let mut query = QueryBuilder::<Db>::new(
            "SELECT c.id, c.classroom_id, c.name, n.utc_offset_minutes
             FROM children c JOIN nurseries n ON n.id = c.nursery_id WHERE c.id IN ",
        );
        push_padded_list(&mut query, &ids.into_iter().collect::<Vec<_>>());
        query.push(" ORDER BY c.id");
        query.push(FOR_UPDATE_OF_CHILDREN);
        let rows: Vec<(Id, Id, String, i32)> = query.build_query_as().fetch_all(&mut *self.tx).await?;
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

    async fn days_so_far(
        &mut self,
        child_ids: &[Id],
        from: Timestamp,
        to: Timestamp,
    ) -> StoreResult<HashMap<Id, Vec<DayEntry>>> {
        let ids: std::collections::BTreeSet<Id> = child_ids.iter().copied().collect();
        if ids.is_empty() {
            return Ok(HashMap::new());
        }
        let mut query = QueryBuilder::<Db>::new("SELECT child_id, kind, occurred_at, id FROM attendance_events WHERE child_id IN ");
        push_padded_list(&mut query, &ids.into_iter().collect::<Vec<_>>());
        query.push(" AND occurred_at >= ").push_bind(from);
        query.push(" AND occurred_at < ").push_bind(to);
        // A corrected check-in or check-out no longer counts: the day goes on from before it.
        query.push(" AND NOT EXISTS (SELECT 1 FROM attendance_corrections x WHERE x.attendance_id = attendance_events.id)");
        let rows: Vec<(Id, String, Timestamp, Id)> = query.build_query_as().fetch_all(&mut *self.tx).await?;
        let mut days: HashMap<Id, Vec<DayEntry>> = HashMap::new();
        for (child_id, kind, at, id) in rows {
            let kind = parse_text_enum::<AttendanceKind>(&kind)?;
            days.entry(child_id).or_default().push(DayEntry { kind, at, id });
        }
        Ok(days)
    }

    async fn insert_events(
        &mut self,
        writes: &[AttendanceWrite],
        recorded: &[(usize, AttendanceEvent)],
        children: &HashMap<Id, LockedChild>,
        now: Timestamp,
    ) -> StoreResult<()> {
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
        query.build().execute(&mut *self.tx).await?;
        Ok(())
    }

    async fn append_events_to_log(
        &mut self,
        recorded: &[(usize, AttendanceEvent)],
        now: Timestamp,
    ) -> StoreResult<HashMap<Id, Position>> {
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
        let rows: Vec<(Id, i64, i64)> = query.build_query_as().fetch_all(&mut *self.tx).await?;
        Ok(rows
            .into_iter()
            .map(|(entity_id, tx_id, seq)| (entity_id, Position { tx: tx_id, seq }))
            .collect())
    }

    async fn pickup_rules(
        &mut self,
        family_ids: &[Id],
        child_ids: &[Id],
        first: Date,
        last: Date,
    ) -> StoreResult<PickupRules> {
        if family_ids.is_empty() || child_ids.is_empty() {
            return Ok(PickupRules::default());
        }
        let mut query = QueryBuilder::<Db>::new(format!("SELECT {PERSON_COLUMNS} FROM pickup_people p WHERE p.family_id IN "));
        push_padded_list(&mut query, family_ids);
        let people: Vec<PickupPerson> = query
            .build_query_as::<PickupPersonRow>()
            .fetch_all(&mut *self.tx)
            .await?
            .into_iter()
            .map(Into::into)
            .collect();
        // Only a one-off person matters here: a listed one is judged by the list itself.
        let mut query = QueryBuilder::<Db>::new(format!("{PLAN_SELECT} WHERE k.one_off_name IS NOT NULL AND k.child_id IN "));
        push_padded_list(&mut query, child_ids);
        query.push(" AND k.date >= ").push_bind(first);
        query.push(" AND k.date <= ").push_bind(last);
        let one_off_plans = query
            .build_query_as::<PickupPlanRow>()
            .fetch_all(&mut *self.tx)
            .await?
            .into_iter()
            .map(PickupPlan::try_from)
            .collect::<StoreResult<Vec<_>>>()?;
        Ok(PickupRules { people, one_off_plans })
    }

    async fn insert_pickup_warnings(&mut self, warnings: &[PickupWarning], now: Timestamp) -> StoreResult<()> {
        if warnings.is_empty() {
            return Ok(());
        }
        let mut query = QueryBuilder::<Db>::new(format!("INSERT INTO pickup_warnings ({WARNING_COLUMNS}) "));
        query.push_values(warnings, |mut row, w| {
            row.push_bind(w.id)
                .push_bind(w.attendance_id)
                .push_bind(w.child_id)
                .push_bind(w.nursery_id)
                .push_bind(w.family_id)
                .push_bind(w.date)
                .push_bind(w.pickup_by.clone())
                .push_bind(w.person_id)
                .push_bind(w.recorded_by)
                .push_bind(w.raised_at);
        });
        query.build().execute(&mut *self.tx).await?;
        let mut entries = Vec::with_capacity(warnings.len());
        for w in warnings {
            let payload = EventPayload::PickupWarning(w.clone());
            entries.push((w, payload.kind().as_str(), payload.family_id(), serde_json::to_string(&payload).map_err(anyhow::Error::from)?));
        }
        let mut query = QueryBuilder::<Db>::new(
            "INSERT INTO event_log (tx_id, kind, nursery_id, family_id, entity_id, payload, created_at) ",
        );
        query.push_values(entries, |mut row, (w, kind, family_id, json)| {
            row.push(TX_ID_EXPR)
                .push_bind(kind)
                .push_bind(w.nursery_id)
                .push_bind(family_id)
                .push_bind(w.id)
                .push_bind(json)
                .push_bind(now);
        });
        query.build().execute(&mut *self.tx).await?;
        Ok(())
    }

    async fn enqueue_pushes(&mut self, notices: &[(&PushNotice, &str, i32)]) -> StoreResult<()> {
        DbStore::enqueue_push_batch(&mut self.tx, notices, self.clock.now()).await
    }

    async fn count_first_arrivals(&mut self, first_arrivals: &std::collections::BTreeMap<(Id, Date, Id), i64>) -> StoreResult<()> {
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
        query.build().execute(&mut *self.tx).await?;
        Ok(())
    }

    async fn audit(&mut self, entries: &[crate::audit::NewAuditEntry]) -> StoreResult<()> {
        DbStore::insert_audit_batch(&mut self.tx, entries).await
    }

    async fn commit(self: Box<Self>) -> StoreResult<()> {
        self.tx.commit().await?;
        Ok(())
    }
}

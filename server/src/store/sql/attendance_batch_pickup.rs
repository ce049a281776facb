// The pickup check of a group-commit batch (お迎え). Each recorded check-out that names who
// collected is judged against the family's list and the day's plan, read inside the batch's
// own transaction after its children are locked; a check-out by someone not allowed gets its
// warning (row, log entry, push to the nursery's staff) in that same transaction. Deciding it
// here keeps the batching (two set reads and two inserts per batch, not per check-out), cannot
// lose a warning between two transactions (a crash right after the check-out's commit), and
// never warns twice: a replayed idempotency key is answered from the first result and does not
// reach this step, and a warning is unique per check-out. Shared SQL, included by each backend.

use crate::domain::safety::pickup::{is_allowed, Collector};

impl DbStore {
    /// The warnings the batch's recorded check-outs raise (not yet written).
    async fn pickup_warnings_of_batch(
        tx: &mut sqlx::Transaction<'static, Db>,
        writes: &[AttendanceWrite],
        recorded: &[(usize, AttendanceEvent)],
    ) -> StoreResult<Vec<PickupWarning>> {
        let outs: Vec<(usize, &AttendanceEvent)> = recorded
            .iter()
            .filter(|(_, e)| e.kind == AttendanceKind::CheckOut && (e.pickup_person_id.is_some() || e.pickup_by.is_some()))
            .map(|(i, e)| (*i, e))
            .collect();
        if outs.is_empty() {
            return Ok(Vec::new());
        }
        let families: Vec<Id> = outs
            .iter()
            .map(|(_, e)| e.family_id)
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        let children: Vec<Id> = outs
            .iter()
            .map(|(_, e)| e.child_id)
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        let mut query = QueryBuilder::<Db>::new(format!("SELECT {PERSON_COLUMNS} FROM pickup_people p WHERE p.family_id IN "));
        push_padded_list(&mut query, &families);
        let people: Vec<PickupPerson> = query
            .build_query_as::<PickupPersonRow>()
            .fetch_all(&mut **tx)
            .await?
            .into_iter()
            .map(Into::into)
            .collect();
        let (Some(first), Some(last)) = (
            outs.iter().map(|(i, _)| writes[*i].day.date).min(),
            outs.iter().map(|(i, _)| writes[*i].day.date).max(),
        ) else {
            return Ok(Vec::new());
        };
        // Only a one-off person matters here: a listed one is judged by the list itself.
        let mut query = QueryBuilder::<Db>::new(format!("{PLAN_SELECT} WHERE k.one_off_name IS NOT NULL AND k.child_id IN "));
        push_padded_list(&mut query, &children);
        query.push(" AND k.date >= ").push_bind(first);
        query.push(" AND k.date <= ").push_bind(last);
        let plans = query
            .build_query_as::<PickupPlanRow>()
            .fetch_all(&mut **tx)
            .await?
            .into_iter()
            .map(PickupPlan::try_from)
            .collect::<StoreResult<Vec<_>>>()?;

        let now = Timestamp::now();
        let mut warnings = Vec::new();
        for (i, event) in outs {
            let date = writes[i].day.date;
            let list: Vec<PickupPerson> = people.iter().filter(|p| p.family_id == event.family_id).cloned().collect();
            let plan = plans.iter().find(|p| p.child_id == event.child_id && p.date == date);
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

    /// Writes the warnings and their log entries (after the batch's check-outs).
    async fn insert_pickup_warnings(
        tx: &mut sqlx::Transaction<'static, Db>,
        warnings: &[PickupWarning],
    ) -> StoreResult<()> {
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
        query.build().execute(&mut **tx).await?;
        let mut entries = Vec::with_capacity(warnings.len());
        for w in warnings {
            let payload = EventPayload::PickupWarning(w.clone());
            entries.push((w, payload.kind().as_str(), payload.family_id(), serde_json::to_string(&payload).map_err(anyhow::Error::from)?));
        }
        let now = Timestamp::now();
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
        query.build().execute(&mut **tx).await?;
        Ok(())
    }
}

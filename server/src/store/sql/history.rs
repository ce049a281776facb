// Bulk import of past days (the city-sized demo year): rows go in many at a time, without log
// entries or push notifications, since nobody is subscribed to last year. The attendance
// rollup is rebuilt from the imported rows. Shared SQL, included by each backend.

/// Rows per multi-row INSERT: under both databases' limits on bound parameters.
const IMPORT_CHUNK: usize = 1000;

#[async_trait]
impl HistoryStore for DbStore {
    async fn import_history(&self, batch: &HistoryBatch) -> StoreResult<()> {
        let mut tx = self.begin_write().await?;
        let now = self.clock.now();
        for chunk in batch.attendance.chunks(IMPORT_CHUNK) {
            let mut query = QueryBuilder::<Db>::new(
                "INSERT INTO attendance_events (id, child_id, nursery_id, family_id, kind, occurred_at, recorded_by,
                    pickup_by, created_at, date, classroom_id) ",
            );
            query.push_values(chunk, |mut row, a| {
                row.push_bind(a.event.id)
                    .push_bind(a.event.child_id)
                    .push_bind(a.event.nursery_id)
                    .push_bind(a.event.family_id)
                    .push_bind(a.event.kind.as_str())
                    .push_bind(a.event.occurred_at)
                    .push_bind(a.event.recorded_by)
                    .push_bind(a.event.pickup_by.clone())
                    .push_bind(now)
                    .push_bind(a.date)
                    .push_bind(a.classroom_id);
            });
            query.build().execute(&mut *tx).await?;
        }
        for chunk in batch.absences.chunks(IMPORT_CHUNK) {
            let mut query = QueryBuilder::<Db>::new(
                "INSERT INTO absence_reports (id, child_id, nursery_id, family_id, kind, date, reason, expected_arrival,
                    note, reported_by, created_at, classroom_id) ",
            );
            query.push_values(chunk, |mut row, (r, classroom_id)| {
                row.push_bind(r.id)
                    .push_bind(r.child_id)
                    .push_bind(r.nursery_id)
                    .push_bind(r.family_id)
                    .push_bind(r.kind.as_str())
                    .push_bind(r.date)
                    .push_bind(r.reason.as_str())
                    .push_bind(r.expected_arrival)
                    .push_bind(r.note.clone())
                    .push_bind(r.reported_by)
                    .push_bind(now)
                    .push_bind(*classroom_id);
            });
            query.build().execute(&mut *tx).await?;
        }
        let symptoms: Vec<(Id, Symptom)> = batch
            .absences
            .iter()
            .flat_map(|(r, _)| r.symptoms.iter().map(move |s| (r.id, *s)))
            .collect();
        for chunk in symptoms.chunks(IMPORT_CHUNK) {
            let mut query = QueryBuilder::<Db>::new("INSERT INTO absence_symptoms (absence_id, symptom) ");
            query.push_values(chunk, |mut row, (id, symptom)| {
                row.push_bind(*id).push_bind(symptom.as_str());
            });
            query.build().execute(&mut *tx).await?;
        }
        for chunk in batch.nap_compliance.chunks(IMPORT_CHUNK) {
            let mut query = QueryBuilder::<Db>::new(
                "INSERT INTO nap_compliance (child_id, nursery_id, date, required_checks, on_time_checks) ",
            );
            query.push_values(chunk, |mut row, c| {
                row.push_bind(c.child_id)
                    .push_bind(c.nursery_id)
                    .push_bind(c.date)
                    .push_bind(c.required_checks)
                    .push_bind(c.on_time_checks);
            });
            query.build().execute(&mut *tx).await?;
        }
        for chunk in batch.diaries.chunks(IMPORT_CHUNK) {
            let mut query = QueryBuilder::<Db>::new(
                "INSERT INTO journals (id, kind, status, revision, nursery_id, classroom_id, child_id, family_id,
                    period_start, period_end, body, author_id, review_comment, updated_at, created_at) ",
            );
            query.push_values(chunk, |mut row, j| {
                row.push_bind(j.id)
                    .push_bind(j.kind.as_str())
                    .push_bind(j.status.as_str())
                    .push_bind(j.revision)
                    .push_bind(j.nursery_id)
                    .push_bind(j.classroom_id)
                    .push_bind(j.child_id)
                    .push_bind(j.family_id)
                    .push_bind(j.period_start)
                    .push_bind(j.period_end)
                    .push_bind(j.body.clone())
                    .push_bind(j.author_id)
                    .push_bind(j.review_comment.clone())
                    .push_bind(j.updated_at)
                    .push_bind(now);
            });
            query.build().execute(&mut *tx).await?;
        }
        let mut nurseries: Vec<Id> = batch.attendance.iter().map(|a| a.event.nursery_id).collect();
        nurseries.sort();
        nurseries.dedup();
        if !nurseries.is_empty() {
            let mut query = QueryBuilder::<Db>::new(
                "INSERT INTO classroom_day_attendance (classroom_id, date, nursery_id, present)
                 SELECT classroom_id, date, nursery_id, COUNT(DISTINCT child_id) FROM attendance_events
                 WHERE kind = 'CHECK_IN' AND",
            );
            push_in(&mut query, "nursery_id", &nurseries);
            query.push(
                " GROUP BY classroom_id, date, nursery_id
                 ON CONFLICT (classroom_id, date) DO UPDATE SET present = excluded.present",
            );
            query.build().execute(&mut *tx).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Refreshes the planner's statistics after a large import (`ANALYZE` on both databases),
    /// so report queries are planned for the data that is now there.
    async fn finish_import(&self) -> StoreResult<()> {
        let mut tx = self.begin_write().await?;
        sqlx::query("ANALYZE").execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(())
    }
}

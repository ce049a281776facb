// A nap's unit of work (see `store/nap_work.rs`): the statements the naps service runs in one
// write transaction it opens, decides and commits. Shared SQL, included by each backend.

#[async_trait]
impl NapUnit for DbUnit {
    async fn claim_key(&mut self, key: &IdempotencyKey, result_id: Id) -> StoreResult<Option<Id>> {
        DbStore::claim_idempotency_key(&mut self.tx, key, result_id, self.clock.now()).await
    }

    async fn open_nap(&mut self, child_id: Id) -> StoreResult<Option<Nap>> {
        DbStore::open_nap_in(&mut self.tx, child_id).await
    }

    async fn insert_nap(
        &mut self,
        nap: &Nap,
        context: &NapContext,
        due: Option<Timestamp>,
        by: Id,
        now: Timestamp,
    ) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO naps (id, child_id, nursery_id, family_id, classroom_id, started_at, interval_seconds,
                last_check_at, due_at, started_by, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        )
        .bind(nap.id)
        .bind(nap.child_id)
        .bind(context.nursery_id)
        .bind(context.family_id)
        .bind(context.classroom_id)
        .bind(nap.started_at)
        .bind(nap.interval_seconds)
        .bind(nap.started_at)
        .bind(due)
        .bind(by)
        .bind(now)
        .execute(&mut *self.tx)
        .await
        .map_err(|e| unique_violation_as(e, "the child is already napping"))?;
        Ok(())
    }

    async fn insert_nap_check(&mut self, check: &NapCheck, now: Timestamp) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO nap_checks (id, nap_id, child_id, checked_at, position, breathing_ok, recorded_by, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(check.id)
        .bind(check.nap_id)
        .bind(check.child_id)
        .bind(check.checked_at)
        .bind(check.position.as_str())
        .bind(check.breathing_ok)
        .bind(check.recorded_by)
        .bind(now)
        .execute(&mut *self.tx)
        .await?;
        Ok(())
    }

    async fn set_next_check(&mut self, nap_id: Id, last_check_at: Timestamp, due: Option<Timestamp>) -> StoreResult<()> {
        sqlx::query("UPDATE naps SET last_check_at = $1, due_at = $2 WHERE id = $3")
            .bind(last_check_at)
            .bind(due)
            .bind(nap_id)
            .execute(&mut *self.tx)
            .await?;
        Ok(())
    }

    async fn checks_of_nap(&mut self, nap_id: Id) -> StoreResult<Vec<Timestamp>> {
        let checks: Vec<(Timestamp,)> =
            sqlx::query_as("SELECT checked_at FROM nap_checks WHERE nap_id = $1 ORDER BY checked_at")
                .bind(nap_id)
                .fetch_all(&mut *self.tx)
                .await?;
        Ok(checks.into_iter().map(|(at,)| at).collect())
    }

    async fn end_nap(&mut self, nap_id: Id, ended_at: Timestamp) -> StoreResult<Id> {
        let (nursery_id,): (Id,) =
            sqlx::query_as("UPDATE naps SET ended_at = $1, due_at = NULL WHERE id = $2 RETURNING nursery_id")
                .bind(ended_at)
                .bind(nap_id)
                .fetch_one(&mut *self.tx)
                .await?;
        Ok(nursery_id)
    }

    async fn add_compliance(
        &mut self,
        child_id: Id,
        nursery_id: Id,
        date: Date,
        compliance: &NapCompliance,
    ) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO nap_compliance (child_id, nursery_id, date, required_checks, on_time_checks)
             VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (child_id, date) DO UPDATE SET
                required_checks = nap_compliance.required_checks + excluded.required_checks,
                on_time_checks = nap_compliance.on_time_checks + excluded.on_time_checks",
        )
        .bind(child_id)
        .bind(nursery_id)
        .bind(date)
        .bind(compliance.required_checks)
        .bind(compliance.on_time_checks)
        .execute(&mut *self.tx)
        .await?;
        Ok(())
    }

    async fn publish(&mut self, entity_id: Id, payload: &EventPayload) -> StoreResult<Position> {
        DbStore::publish_event(&mut self.tx, entity_id, payload, self.clock.now()).await
    }

    async fn audit(&mut self, entry: &crate::audit::NewAuditEntry) -> StoreResult<()> {
        DbStore::insert_audit(&mut self.tx, entry).await
    }

    async fn commit(self: Box<Self>) -> StoreResult<()> {
        self.tx.commit().await?;
        Ok(())
    }
}

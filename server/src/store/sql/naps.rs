// Naps and nap checks (午睡チェック): reading them, the nap-check intervals, opening the unit of
// work a nap's writes run in (`nap_unit.rs`; the rules are `domain::nap_rules`, applied by
// `service/naps.rs`), and the watcher's overdue query. Shared SQL, included by each backend.

#[derive(sqlx::FromRow)]
struct NapRow {
    id: Id,
    child_id: Id,
    started_at: Timestamp,
    ended_at: Option<Timestamp>,
    interval_seconds: Option<i64>,
}

impl From<NapRow> for Nap {
    fn from(r: NapRow) -> Self {
        Nap {
            id: r.id,
            child_id: r.child_id,
            started_at: r.started_at,
            ended_at: r.ended_at,
            interval_seconds: r.interval_seconds,
        }
    }
}

const NAP_SELECT: &str = "SELECT id, child_id, started_at, ended_at, interval_seconds FROM naps";

#[derive(sqlx::FromRow)]
struct NapCheckRow {
    id: Id,
    nap_id: Id,
    child_id: Id,
    checked_at: Timestamp,
    position: String,
    breathing_ok: bool,
    recorded_by: Id,
}

impl TryFrom<NapCheckRow> for NapCheck {
    type Error = StoreError;
    fn try_from(r: NapCheckRow) -> StoreResult<Self> {
        Ok(NapCheck {
            id: r.id,
            nap_id: r.nap_id,
            child_id: r.child_id,
            checked_at: r.checked_at,
            position: parse_text_enum::<SleepPosition>(&r.position)?,
            breathing_ok: r.breathing_ok,
            recorded_by: r.recorded_by,
        })
    }
}

const NAP_CHECK_SELECT: &str =
    "SELECT id, nap_id, child_id, checked_at, position, breathing_ok, recorded_by FROM nap_checks";

impl DbStore {
    async fn nap_check_by_id(&self, id: Id) -> StoreResult<NapCheck> {
        let row: NapCheckRow = sqlx::query_as(&format!("{NAP_CHECK_SELECT} WHERE id = $1"))
            .bind(id)
            .fetch_optional(self.reader())
            .await?
            .ok_or(StoreError::NotFound)?;
        row.try_into()
    }

    async fn open_nap_in(tx: &mut sqlx::Transaction<'static, Db>, child_id: Id) -> StoreResult<Option<Nap>> {
        let row: Option<NapRow> = sqlx::query_as(&format!(
            "{NAP_SELECT} WHERE child_id = $1 AND ended_at IS NULL{FOR_UPDATE}"
        ))
        .bind(child_id)
        .fetch_optional(&mut **tx)
        .await?;
        Ok(row.map(Nap::from))
    }
}

#[async_trait]
impl NapStore for DbStore {
    async fn nap_interval(
        &self,
        nursery_id: Id,
        municipality_id: Id,
        age_band: i32,
    ) -> StoreResult<Option<Option<i64>>> {
        let rows: Vec<(Id, i64)> = sqlx::query_as(
            "SELECT scope_id, seconds FROM nap_check_intervals WHERE age_band = $1 AND scope_id IN ($2, $3)",
        )
        .bind(age_band)
        .bind(nursery_id)
        .bind(municipality_id)
        .fetch_all(self.reader())
        .await?;
        let pick = rows
            .iter()
            .find(|(scope, _)| *scope == nursery_id)
            .or_else(|| rows.first());
        Ok(pick.map(|(_, seconds)| (*seconds > 0).then_some(*seconds)))
    }

    async fn set_nap_interval(&self, scope_id: Id, age_band: i32, seconds: Option<i64>) -> StoreResult<()> {
        let mut tx = self.begin_write().await?;
        sqlx::query("DELETE FROM nap_check_intervals WHERE scope_id = $1 AND age_band = $2")
            .bind(scope_id)
            .bind(age_band)
            .execute(&mut *tx)
            .await?;
        if let Some(seconds) = seconds {
            sqlx::query("INSERT INTO nap_check_intervals (scope_id, age_band, seconds) VALUES ($1, $2, $3)")
                .bind(scope_id)
                .bind(age_band)
                .bind(seconds)
                .execute(&mut *tx)
                .await?;
        }
        self.commit(tx, Place::Of(scope_id), &[scope_id]).await?;
        Ok(())
    }

    async fn begin_nap_unit(&self) -> StoreResult<Box<dyn NapUnit>> {
        Ok(Box::new(DbUnit {
            tx: self.begin_write().await?,
            clock: self.clock.clone(),
        }))
    }

    async fn nap_check(&self, id: Id) -> StoreResult<NapCheck> {
        self.nap_check_by_id(id).await
    }

    async fn naps_of_child(&self, child_id: Id, from: Timestamp, to: Timestamp) -> StoreResult<Vec<Nap>> {
        let rows: Vec<NapRow> = sqlx::query_as(&format!(
            "{NAP_SELECT} WHERE child_id = $1 AND started_at >= $2 AND started_at < $3 ORDER BY started_at"
        ))
        .bind(child_id)
        .bind(from)
        .bind(to)
        .fetch_all(self.reader())
        .await?;
        Ok(rows.into_iter().map(Nap::from).collect())
    }

    async fn nap_checks_of_child(&self, child_id: Id, from: Timestamp, to: Timestamp) -> StoreResult<Vec<NapCheck>> {
        let rows: Vec<NapCheckRow> = sqlx::query_as(&format!(
            "{NAP_CHECK_SELECT} WHERE child_id = $1 AND checked_at >= $2 AND checked_at < $3 ORDER BY checked_at"
        ))
        .bind(child_id)
        .bind(from)
        .bind(to)
        .fetch_all(self.reader())
        .await?;
        rows.into_iter().map(NapCheck::try_from).collect()
    }

    async fn nap_compliance(&self, child_id: Id, date: Date) -> StoreResult<NapCompliance> {
        let row: Option<(i64, i64)> = sqlx::query_as(
            "SELECT required_checks, on_time_checks FROM nap_compliance WHERE child_id = $1 AND date = $2",
        )
        .bind(child_id)
        .bind(date)
        .fetch_optional(self.reader())
        .await?;
        Ok(row
            .map(|(required_checks, on_time_checks)| NapCompliance {
                required_checks,
                on_time_checks,
            })
            .unwrap_or_default())
    }

    async fn raise_overdue_nap_alerts(&self, now: Timestamp) -> StoreResult<usize> {
        // The partial index on open naps' due_at keeps this proportional to the overdue ones.
        let overdue: Vec<(Id, Id, Id, Id, Id, Timestamp)> = sqlx::query_as(
            "SELECT id, child_id, nursery_id, family_id, classroom_id, due_at FROM naps
             WHERE ended_at IS NULL AND due_at IS NOT NULL AND due_at <= $1
               AND (alerted_due_at IS NULL OR alerted_due_at <> due_at)
             ORDER BY due_at LIMIT 500",
        )
        .bind(now)
        .fetch_all(self.reader())
        .await?;
        let mut raised = 0;
        for (nap_id, child_id, nursery_id, family_id, classroom_id, due_at) in overdue {
            let mut tx = self.begin_write().await?;
            // Only one replica wins the right to alert for this due time.
            let claimed = sqlx::query(
                "UPDATE naps SET alerted_due_at = due_at
                 WHERE id = $1 AND ended_at IS NULL AND due_at = $2
                   AND (alerted_due_at IS NULL OR alerted_due_at <> due_at)",
            )
            .bind(nap_id)
            .bind(due_at)
            .execute(&mut *tx)
            .await?;
            if claimed.rows_affected() == 1 {
                let alert = CareAlert {
                    id: Id::new(),
                    kind: CareAlertKind::NapCheckOverdue,
                    child_id,
                    nursery_id,
                    family_id,
                    classroom_id,
                    occurred_at: due_at,
                    temperature_c: None,
                    journal_id: None,
                };
                Self::publish_event(&mut tx, alert.id, &EventPayload::CareAlert(alert), self.clock.now()).await?;
                raised += 1;
            }
            tx.commit().await?;
        }
        Ok(raised)
    }
}

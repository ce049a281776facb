// Naps and nap checks (午睡チェック): the first check opens a nap, the watcher's overdue query,
// compliance per child per day. Shared SQL, included by each backend.

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

/// A nap's compliance: checks whose gap from the previous check (or the start) was within the
/// interval count as on time; the nap's length decides how many were required.
fn nap_compliance_of(nap: &Nap, ended_at: Timestamp, checks: &[Timestamp]) -> NapCompliance {
    let Some(interval) = nap.interval_seconds.filter(|s| *s > 0) else {
        return NapCompliance::default();
    };
    let duration = (ended_at.0 - nap.started_at.0).whole_seconds().max(0);
    let required = duration / interval;
    let mut previous = nap.started_at;
    let mut on_time = 0;
    for at in checks {
        if (at.0 - previous.0).whole_seconds() <= interval {
            on_time += 1;
        }
        previous = *at;
    }
    NapCompliance {
        required_checks: required,
        on_time_checks: on_time.min(required),
    }
}

impl DbStore {
    async fn nap_check_by_id(&self, id: Id) -> StoreResult<NapCheck> {
        let row: NapCheckRow = sqlx::query_as(&format!("{NAP_CHECK_SELECT} WHERE id = $1"))
            .bind(id)
            .fetch_optional(self.reader())
            .await?
            .ok_or(StoreError::NotFound)?;
        row.try_into()
    }

    async fn insert_nap(
        tx: &mut sqlx::Transaction<'static, Db>,
        nap: &Nap,
        by: Id,
        context: &NapContext,
    ) -> StoreResult<()> {
        let due = context
            .interval_seconds
            .filter(|s| *s > 0)
            .map(|s| Timestamp(nap.started_at.0 + time::Duration::seconds(s)));
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
        .bind(context.interval_seconds)
        .bind(nap.started_at)
        .bind(due)
        .bind(by)
        .bind(Timestamp::now())
        .execute(&mut **tx)
        .await
        .map_err(|e| unique_violation_as(e, "the child is already napping"))?;
        Ok(())
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
        Self::commit(tx, Place::Of(scope_id), &[scope_id]).await?;
        Ok(())
    }

    async fn start_nap(&self, child_id: Id, at: Timestamp, by: Id, context: NapContext) -> StoreResult<Nap> {
        let nap = Nap {
            id: Id::new(),
            child_id,
            started_at: at,
            ended_at: None,
            interval_seconds: context.interval_seconds,
        };
        let mut tx = self.begin_write().await?;
        if Self::open_nap_in(&mut tx, child_id).await?.is_some() {
            return Err(StoreError::Conflict("the child is already napping".into()));
        }
        Self::insert_nap(&mut tx, &nap, by, &context).await?;
        Self::commit(tx, Place::Nursery(context.nursery_id), &[child_id, nap.id]).await?;
        Ok(nap)
    }

    async fn record_nap_check(
        &self,
        check: NapCheck,
        context: NapContext,
        recorded: CareRecorded,
        alert: Option<CareAlert>,
        key: Option<IdempotencyKey>,
    ) -> StoreResult<Recorded<NapCheck>> {
        let mut tx = match self.begin_keyed(&key, check.id).await? {
            Ok(tx) => tx,
            Err(earlier) => {
                return Ok(Recorded {
                    value: self.nap_check_by_id(earlier).await?,
                    replayed: true,
                })
            }
        };
        let nap = match Self::open_nap_in(&mut tx, check.child_id).await? {
            Some(nap) => nap,
            None => {
                // The first check of a nap starts it.
                let nap = Nap {
                    id: Id::new(),
                    child_id: check.child_id,
                    started_at: check.checked_at,
                    ended_at: None,
                    interval_seconds: context.interval_seconds,
                };
                Self::insert_nap(&mut tx, &nap, check.recorded_by, &context).await?;
                nap
            }
        };
        if check.checked_at < nap.started_at {
            return Err(StoreError::BadInput {
                field: "checkedAt".into(),
                message: "before the nap started".into(),
            });
        }
        let check = NapCheck {
            nap_id: nap.id,
            ..check
        };
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
        .bind(Timestamp::now())
        .execute(&mut *tx)
        .await?;
        let due = nap
            .interval_seconds
            .filter(|s| *s > 0)
            .map(|s| Timestamp(check.checked_at.0 + time::Duration::seconds(s)));
        sqlx::query("UPDATE naps SET last_check_at = $1, due_at = $2 WHERE id = $3")
            .bind(check.checked_at)
            .bind(due)
            .bind(nap.id)
            .execute(&mut *tx)
            .await?;
        Self::append_log(&mut tx, recorded.id, &EventPayload::CareRecorded(recorded)).await?;
        if let Some(alert) = &alert {
            Self::append_log(&mut tx, alert.id, &EventPayload::CareAlert(alert.clone())).await?;
        }
        Self::commit(tx, Place::Nursery(context.nursery_id), &[check.child_id, check.id]).await?;
        Ok(Recorded {
            value: check,
            replayed: false,
        })
    }

    async fn end_nap(
        &self,
        child_id: Id,
        at: Timestamp,
        offset: time::UtcOffset,
        recorded: CareRecorded,
    ) -> StoreResult<Nap> {
        let mut tx = self.begin_write().await?;
        let nap = Self::open_nap_in(&mut tx, child_id)
            .await?
            .ok_or_else(|| StoreError::Conflict("the child is not napping".into()))?;
        let ended_at = at.max(nap.started_at);
        let checks: Vec<(Timestamp,)> =
            sqlx::query_as("SELECT checked_at FROM nap_checks WHERE nap_id = $1 ORDER BY checked_at")
                .bind(nap.id)
                .fetch_all(&mut *tx)
                .await?;
        let checks: Vec<Timestamp> = checks.into_iter().map(|(at,)| at).collect();
        let compliance = nap_compliance_of(&nap, ended_at, &checks);
        let local_date = nap.started_at.local_date(offset);
        sqlx::query("UPDATE naps SET ended_at = $1, due_at = NULL WHERE id = $2")
            .bind(ended_at)
            .bind(nap.id)
            .execute(&mut *tx)
            .await?;
        let (nursery_id,): (Id,) = sqlx::query_as("SELECT nursery_id FROM naps WHERE id = $1")
            .bind(nap.id)
            .fetch_one(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO nap_compliance (child_id, nursery_id, date, required_checks, on_time_checks)
             VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (child_id, date) DO UPDATE SET
                required_checks = nap_compliance.required_checks + excluded.required_checks,
                on_time_checks = nap_compliance.on_time_checks + excluded.on_time_checks",
        )
        .bind(child_id)
        .bind(nursery_id)
        .bind(local_date)
        .bind(compliance.required_checks)
        .bind(compliance.on_time_checks)
        .execute(&mut *tx)
        .await?;
        Self::append_log(&mut tx, recorded.id, &EventPayload::CareRecorded(recorded)).await?;
        Self::commit(tx, Place::Nursery(nursery_id), &[child_id]).await?;
        Ok(Nap {
            ended_at: Some(ended_at),
            ..nap
        })
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
                Self::append_log(&mut tx, alert.id, &EventPayload::CareAlert(alert)).await?;
                raised += 1;
            }
            tx.commit().await?;
        }
        Ok(raised)
    }
}

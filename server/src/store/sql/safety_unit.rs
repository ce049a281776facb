// The safety of the day's unit of work (see `store/safety.rs`): one write transaction a
// service opens, fills with small statements and commits. Shared SQL, included by each
// backend.

use crate::domain::safety::arrival::{ArrivalCheck, ArrivalCheckResolution};
use crate::domain::safety::opening::NurseryHours;
use std::collections::HashMap;

pub struct DbUnit {
    tx: sqlx::Transaction<'static, Db>,
    clock: Arc<dyn Clock>,
}

#[derive(sqlx::FromRow)]
struct ArrivalCheckRow {
    id: Id,
    child_id: Id,
    nursery_id: Id,
    family_id: Id,
    date: Date,
    raised_at: Timestamp,
    resolution: Option<String>,
    resolved_at: Option<Timestamp>,
    resolved_by: Option<Id>,
    note: Option<String>,
}

impl TryFrom<ArrivalCheckRow> for crate::domain::safety::arrival::ArrivalCheck {
    type Error = StoreError;
    fn try_from(r: ArrivalCheckRow) -> StoreResult<Self> {
        use crate::domain::safety::arrival::ArrivalCheckResolution;
        Ok(crate::domain::safety::arrival::ArrivalCheck {
            id: r.id,
            child_id: r.child_id,
            nursery_id: r.nursery_id,
            family_id: r.family_id,
            date: r.date,
            raised_at: r.raised_at,
            resolution: r
                .resolution
                .as_deref()
                .map(|text| parse_text_enum::<ArrivalCheckResolution>(text))
                .transpose()?,
            resolved_at: r.resolved_at,
            resolved_by: r.resolved_by,
            note: r.note,
        })
    }
}

const ARRIVAL_CHECK_COLUMNS: &str =
    "k.id, k.child_id, k.nursery_id, k.family_id, k.date, k.raised_at, k.resolution, k.resolved_at, k.resolved_by, k.note";

/// Children of `nursery_ids` who are expected on `date` and have neither arrived, nor a check,
/// nor an absence reported. Each exclusion is one set read by nursery and day through its
/// index (today's arrivals, checks, absences), not a probe per child: the tick runs every few
/// seconds all day against a city's children.
fn arrival_candidates_query(nursery_ids: &[Id], date: Date, day: (Timestamp, Timestamp)) -> QueryBuilder<'static, Db> {
    let mut query = QueryBuilder::<Db>::new("SELECT c.id, c.nursery_id, c.family_id, c.name FROM children c WHERE c.nursery_id IN ");
    push_padded_list(&mut query, nursery_ids);
    query.push(" AND c.enrolled_on <= ").push_bind(date);
    query.push(" AND (c.withdrawn_on IS NULL OR c.withdrawn_on > ").push_bind(date);
    query.push(") AND c.id NOT IN (SELECT k.child_id FROM arrival_checks k WHERE k.date = ").push_bind(date);
    query.push(" AND k.nursery_id IN ");
    push_padded_list(&mut query, nursery_ids);
    query.push(") AND c.id NOT IN (SELECT r.child_id FROM absence_reports r WHERE r.kind = 'ABSENCE' AND r.date = ").push_bind(date);
    query.push(" AND r.nursery_id IN ");
    push_padded_list(&mut query, nursery_ids);
    query.push(") AND c.id NOT IN (SELECT a.child_id FROM attendance_events a WHERE a.kind = 'CHECK_IN' AND a.occurred_at >= ");
    query.push_bind(day.0).push(" AND a.occurred_at < ").push_bind(day.1);
    query.push(" AND a.nursery_id IN ");
    push_padded_list(&mut query, nursery_ids);
    query.push(" AND NOT EXISTS (SELECT 1 FROM attendance_corrections x WHERE x.attendance_id = a.id))");
    query
}

/// The candidates' reports of the day (lateness, early pick-up), by child.
fn todays_reports_query(child_ids: &[Id], date: Date) -> QueryBuilder<'static, Db> {
    let mut query = QueryBuilder::<Db>::new("SELECT child_id, kind, expected_arrival FROM absence_reports WHERE date = ");
    query.push_bind(date).push(" AND child_id IN ");
    push_padded_list(&mut query, child_ids);
    query
}

fn with_reports(
    children: Vec<(Id, Id, Id, String)>,
    reports: Vec<(Id, String, Option<Timestamp>)>,
) -> StoreResult<Vec<ArrivalCandidate>> {
    use crate::domain::safety::arrival::TodaysReport;
    let mut by_child: HashMap<Id, Vec<TodaysReport>> = HashMap::new();
    for (child_id, kind, expected_arrival) in reports {
        by_child.entry(child_id).or_default().push(TodaysReport {
            kind: parse_text_enum::<AbsenceKind>(&kind)?,
            expected_arrival,
        });
    }
    Ok(children
        .into_iter()
        .map(|(child_id, nursery_id, family_id, name)| ArrivalCandidate {
            reports: by_child.remove(&child_id).unwrap_or_default(),
            child_id,
            nursery_id,
            family_id,
            name,
        })
        .collect())
}

/// Open checks of the day with what ended them: a standing arrival, or a report made after
/// the check was raised. Binds: $1, $2 the day's UTC range.
fn ended_checks_query(nursery_ids: &[Id], date: Date, day: (Timestamp, Timestamp), columns: &str) -> QueryBuilder<'static, Db> {
    let mut query = QueryBuilder::<Db>::new(format!("SELECT {columns} FROM (SELECT {ARRIVAL_CHECK_COLUMNS}, CASE WHEN EXISTS (SELECT 1 FROM attendance_events a WHERE a.child_id = k.child_id AND a.kind = 'CHECK_IN' AND a.occurred_at >= "));
    query.push_bind(day.0).push(" AND a.occurred_at < ").push_bind(day.1);
    query.push(
        " AND NOT EXISTS (SELECT 1 FROM attendance_corrections x WHERE x.attendance_id = a.id)) THEN 'ARRIVED'
          WHEN EXISTS (SELECT 1 FROM absence_reports r WHERE r.child_id = k.child_id AND r.date = k.date
            AND r.kind IN ('ABSENCE', 'LATE') AND r.created_at > k.raised_at) THEN 'REPORTED' END AS ended
         FROM arrival_checks k WHERE k.resolution IS NULL AND k.date = ",
    );
    query.push_bind(date).push(" AND k.nursery_id IN ");
    push_padded_list(&mut query, nursery_ids);
    query.push(") k WHERE k.ended IS NOT NULL");
    query
}

#[async_trait]
impl SafetyUnit for DbUnit {
    async fn claim_key(&mut self, key: &IdempotencyKey, result_id: Id) -> StoreResult<Option<Id>> {
        DbStore::claim_idempotency_key(&mut self.tx, key, result_id, self.clock.now()).await
    }

    async fn lock_child(&mut self, child_id: Id) -> StoreResult<()> {
        sqlx::query(&format!("SELECT id FROM children WHERE id = $1{FOR_NO_KEY_UPDATE}"))
            .bind(child_id)
            .fetch_optional(&mut *self.tx)
            .await?;
        Ok(())
    }

    async fn correctable_attendance(&mut self, id: Id) -> StoreResult<Option<CorrectableAttendance>> {
        let row: Option<AttendanceRow> = sqlx::query_as(&format!("{ATTENDANCE_SELECT} WHERE a.id = $1"))
            .bind(id)
            .fetch_optional(&mut *self.tx)
            .await?;
        let Some(row) = row else { return Ok(None) };
        let (date, classroom_id, corrected): (Date, Option<Id>, bool) = sqlx::query_as(
            "SELECT a.date, a.classroom_id, EXISTS (SELECT 1 FROM attendance_corrections x WHERE x.attendance_id = a.id)
             FROM attendance_events a WHERE a.id = $1",
        )
        .bind(id)
        .fetch_one(&mut *self.tx)
        .await?;
        Ok(Some(CorrectableAttendance {
            event: row.try_into()?,
            date,
            classroom_id,
            already_corrected: corrected,
        }))
    }

    async fn standing_attendance(&mut self, child_id: Id, date: Date) -> StoreResult<Vec<AttendanceEvent>> {
        let rows: Vec<AttendanceRow> = sqlx::query_as(&format!(
            "{ATTENDANCE_SELECT} WHERE a.child_id = $1 AND a.date = $2
               AND NOT EXISTS (SELECT 1 FROM attendance_corrections x WHERE x.attendance_id = a.id)
             ORDER BY a.occurred_at, l.tx_id, l.seq"
        ))
        .bind(child_id)
        .bind(date)
        .fetch_all(&mut *self.tx)
        .await?;
        rows.into_iter().map(AttendanceEvent::try_from).collect()
    }

    async fn insert_correction(
        &mut self,
        correction_id: Id,
        target: &AttendanceEvent,
        reason: &str,
        by: Id,
        at: Timestamp,
    ) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO attendance_corrections (id, attendance_id, child_id, nursery_id, reason, corrected_by, corrected_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(correction_id)
        .bind(target.id)
        .bind(target.child_id)
        .bind(target.nursery_id)
        .bind(reason)
        .bind(by)
        .bind(at)
        .execute(&mut *self.tx)
        .await
        .map_err(|e| unique_violation_as(e, "this record was already corrected"))?;
        Ok(())
    }

    async fn uncount_arrival(&mut self, classroom_id: Id, date: Date) -> StoreResult<()> {
        sqlx::query(
            "UPDATE classroom_day_attendance SET present = present - 1 WHERE classroom_id = $1 AND date = $2 AND present > 0",
        )
        .bind(classroom_id)
        .bind(date)
        .execute(&mut *self.tx)
        .await?;
        Ok(())
    }

    async fn put_hours(&mut self, nursery_id: Id, hours: &NurseryHours) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO nursery_hours (nursery_id, open_weekdays, opens_at_second, closes_at_second, arrival_check_second,
                late_grace_seconds, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7)
             ON CONFLICT (nursery_id) DO UPDATE SET open_weekdays = excluded.open_weekdays,
                opens_at_second = excluded.opens_at_second, closes_at_second = excluded.closes_at_second,
                arrival_check_second = excluded.arrival_check_second, late_grace_seconds = excluded.late_grace_seconds,
                updated_at = excluded.updated_at",
        )
        .bind(nursery_id)
        .bind(hours.open_weekdays)
        .bind(hours.opens_at)
        .bind(hours.closes_at)
        .bind(hours.arrival_check_at)
        .bind(hours.late_grace)
        .bind(self.clock.now())
        .execute(&mut *self.tx)
        .await?;
        Ok(())
    }

    async fn record_open_days(&mut self, days: &[(Id, Date)]) -> StoreResult<()> {
        // In chunks: a bound list stays well under either backend's parameter limit.
        for chunk in days.chunks(1000) {
            let mut query = QueryBuilder::<Db>::new("INSERT INTO nursery_open_days (nursery_id, date) ");
            query.push_values(chunk, |mut row, (nursery_id, date)| {
                row.push_bind(*nursery_id).push_bind(*date);
            });
            query.push(" ON CONFLICT (nursery_id, date) DO NOTHING");
            query.build().execute(&mut *self.tx).await?;
        }
        Ok(())
    }

    async fn set_open_day(&mut self, nursery_id: Id, date: Date, open: bool) -> StoreResult<()> {
        let statement = if open {
            "INSERT INTO nursery_open_days (nursery_id, date) VALUES ($1, $2) ON CONFLICT (nursery_id, date) DO NOTHING"
        } else {
            "DELETE FROM nursery_open_days WHERE nursery_id = $1 AND date = $2"
        };
        sqlx::query(statement).bind(nursery_id).bind(date).execute(&mut *self.tx).await?;
        Ok(())
    }

    async fn put_calendar_day(&mut self, nursery_id: Id, date: Date, exception: Option<(bool, Option<String>)>) -> StoreResult<()> {
        sqlx::query("DELETE FROM nursery_calendar_days WHERE nursery_id = $1 AND date = $2")
            .bind(nursery_id)
            .bind(date)
            .execute(&mut *self.tx)
            .await?;
        if let Some((open, note)) = exception {
            sqlx::query("INSERT INTO nursery_calendar_days (nursery_id, date, open, note) VALUES ($1, $2, $3, $4)")
                .bind(nursery_id)
                .bind(date)
                .bind(open)
                .bind(note)
                .execute(&mut *self.tx)
                .await?;
        }
        Ok(())
    }

    async fn arrival_candidates(&mut self, nursery_ids: &[Id], date: Date, day: (Timestamp, Timestamp)) -> StoreResult<Vec<ArrivalCandidate>> {
        let children: Vec<(Id, Id, Id, String)> = arrival_candidates_query(nursery_ids, date, day)
            .build_query_as()
            .fetch_all(&mut *self.tx)
            .await?;
        if children.is_empty() {
            return Ok(Vec::new());
        }
        let ids: Vec<Id> = children.iter().map(|c| c.0).collect();
        let reports = todays_reports_query(&ids, date).build_query_as().fetch_all(&mut *self.tx).await?;
        with_reports(children, reports)
    }

    async fn insert_arrival_check(&mut self, check: &ArrivalCheck) -> StoreResult<bool> {
        let inserted = sqlx::query(
            "INSERT INTO arrival_checks (id, child_id, date, nursery_id, family_id, raised_at)
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (child_id, date) DO NOTHING",
        )
        .bind(check.id)
        .bind(check.child_id)
        .bind(check.date)
        .bind(check.nursery_id)
        .bind(check.family_id)
        .bind(check.raised_at)
        .execute(&mut *self.tx)
        .await?;
        Ok(inserted.rows_affected() == 1)
    }

    async fn ended_arrival_checks(
        &mut self,
        nursery_ids: &[Id],
        date: Date,
        day: (Timestamp, Timestamp),
    ) -> StoreResult<Vec<(ArrivalCheck, ArrivalCheckResolution)>> {
        let columns = "k.id, k.child_id, k.nursery_id, k.family_id, k.date, k.raised_at, k.resolution, k.resolved_at, k.resolved_by, k.note, k.ended";
        let rows: Vec<(Id, Id, Id, Id, Date, Timestamp, Option<String>, Option<Timestamp>, Option<Id>, Option<String>, String)> =
            ended_checks_query(nursery_ids, date, day, columns)
                .build_query_as()
                .fetch_all(&mut *self.tx)
                .await?;
        rows.into_iter()
            .map(|(id, child_id, nursery_id, family_id, date, raised_at, resolution, resolved_at, resolved_by, note, ended)| {
                let check = ArrivalCheckRow {
                    id,
                    child_id,
                    nursery_id,
                    family_id,
                    date,
                    raised_at,
                    resolution,
                    resolved_at,
                    resolved_by,
                    note,
                }
                .try_into()?;
                Ok((check, parse_text_enum::<ArrivalCheckResolution>(&ended)?))
            })
            .collect()
    }

    async fn resolve_arrival_check(
        &mut self,
        id: Id,
        resolution: ArrivalCheckResolution,
        by: Option<Id>,
        note: Option<&str>,
        at: Timestamp,
    ) -> StoreResult<Option<ArrivalCheck>> {
        let ended = sqlx::query(
            "UPDATE arrival_checks SET resolution = $1, resolved_at = $2, resolved_by = $3, note = $4
             WHERE id = $5 AND resolution IS NULL",
        )
        .bind(resolution.as_str())
        .bind(at)
        .bind(by)
        .bind(note)
        .bind(id)
        .execute(&mut *self.tx)
        .await?;
        if ended.rows_affected() == 0 {
            return Ok(None);
        }
        let row: ArrivalCheckRow = sqlx::query_as(&format!("SELECT {ARRIVAL_CHECK_COLUMNS} FROM arrival_checks k WHERE k.id = $1"))
            .bind(id)
            .fetch_one(&mut *self.tx)
            .await?;
        Ok(Some(row.try_into()?))
    }

    async fn append_event(&mut self, entity_id: Id, payload: &EventPayload) -> StoreResult<Position> {
        let json = serde_json::to_string(payload).map_err(anyhow::Error::from)?;
        let (tx_id, seq): (i64, i64) = sqlx::query_as(&format!(
            "INSERT INTO event_log (tx_id, kind, nursery_id, family_id, entity_id, payload, created_at)
             VALUES ({TX_ID_EXPR}, $1, $2, $3, $4, $5, $6) RETURNING tx_id, seq"
        ))
        .bind(payload.kind().as_str())
        .bind(payload.nursery_id())
        .bind(payload.family_id())
        .bind(entity_id)
        .bind(json)
        .bind(self.clock.now())
        .fetch_one(&mut *self.tx)
        .await?;
        Ok(Position { tx: tx_id, seq })
    }

    async fn enqueue_guardian_push(&mut self, push: &GuardianPush) -> StoreResult<()> {
        let now = self.clock.now();
        sqlx::query(
            "INSERT INTO push_outbox (subscription_id, user_id, endpoint, p256dh, auth, kind, payload, urgency,
                ttl_seconds, status, attempts, next_attempt_at, created_at)
             SELECT s.id, s.user_id, s.endpoint, s.p256dh, s.auth, $1,
                CASE WHEN u.locale LIKE 'en%' THEN $2 ELSE $3 END, $4, $5, 'PENDING', 0, $6, $6
             FROM role_grants g
             JOIN users u ON u.id = g.user_id
             JOIN push_subscriptions s ON s.user_id = g.user_id
             WHERE g.scope_id = $7 AND g.role = 'GUARDIAN'
               AND NOT EXISTS (SELECT 1 FROM push_preferences p WHERE p.user_id = s.user_id AND p.kind = $1 AND p.enabled = $8)",
        )
        .bind(push.kind.as_str())
        .bind(&push.payload_en)
        .bind(&push.payload_ja)
        .bind(push.urgency)
        .bind(push.ttl_seconds)
        .bind(now)
        .bind(push.family_id)
        .bind(false)
        .execute(&mut *self.tx)
        .await?;
        Ok(())
    }

    async fn audit(&mut self, entry: &crate::audit::NewAuditEntry) -> StoreResult<()> {
        DbStore::insert_audit(&mut self.tx, entry).await
    }

    async fn commit(self: Box<Self>) -> StoreResult<()> {
        self.tx.commit().await?;
        Ok(())
    }
}

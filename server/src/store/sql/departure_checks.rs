// Nobody left behind (降園確認): the children still at the nursery after closing, and the
// day's checks, for the watch's plan; the statements that raise, repeat and end a check.
// Shared SQL, included by each backend (the reads are in `safety_reads.rs`'s trait).

use crate::domain::safety::departure::{DepartureCheck, DepartureCheckResolution, StillHere};

#[derive(sqlx::FromRow)]
struct DepartureCheckRow {
    id: Id,
    child_id: Id,
    nursery_id: Id,
    date: Date,
    raised_at: Timestamp,
    alerted_at: Timestamp,
    alerts: i32,
    resolution: Option<String>,
    resolved_at: Option<Timestamp>,
    resolved_by: Option<Id>,
    note: Option<String>,
}

impl TryFrom<DepartureCheckRow> for DepartureCheck {
    type Error = StoreError;
    fn try_from(r: DepartureCheckRow) -> StoreResult<Self> {
        Ok(DepartureCheck {
            id: r.id,
            child_id: r.child_id,
            nursery_id: r.nursery_id,
            date: r.date,
            raised_at: r.raised_at,
            alerted_at: r.alerted_at,
            alerts: r.alerts,
            resolution: r
                .resolution
                .as_deref()
                .map(|text| parse_text_enum::<DepartureCheckResolution>(text))
                .transpose()?,
            resolved_at: r.resolved_at,
            resolved_by: r.resolved_by,
            note: r.note,
        })
    }
}

const DEPARTURE_CHECK_SELECT: &str = "SELECT d.id, d.child_id, d.nursery_id, d.date, d.raised_at, d.alerted_at, d.alerts,
    d.resolution, d.resolved_at, d.resolved_by, d.note FROM departure_checks d";

/// Standing check-ins of the day (no correction) with no standing check-out at or after them:
/// read by nursery and time through `attendance_nursery_time`, once a tick after closing.
fn still_here_query(nursery_ids: &[Id], day: (Timestamp, Timestamp)) -> QueryBuilder<'static, Db> {
    let mut query = QueryBuilder::<Db>::new(
        "SELECT DISTINCT a.child_id, a.nursery_id FROM attendance_events a WHERE a.kind = 'CHECK_IN' AND a.nursery_id IN ",
    );
    push_padded_list(&mut query, nursery_ids);
    query.push(" AND a.occurred_at >= ").push_bind(day.0);
    query.push(" AND a.occurred_at < ").push_bind(day.1);
    query.push(
        " AND NOT EXISTS (SELECT 1 FROM attendance_corrections x WHERE x.attendance_id = a.id)
          AND NOT EXISTS (SELECT 1 FROM attendance_events o WHERE o.child_id = a.child_id AND o.kind = 'CHECK_OUT'
            AND o.occurred_at >= a.occurred_at AND o.occurred_at < ",
    );
    query.push_bind(day.1);
    query.push(" AND NOT EXISTS (SELECT 1 FROM attendance_corrections y WHERE y.attendance_id = o.id))");
    query
}

fn departure_checks_query(nursery_ids: &[Id], date: Date) -> QueryBuilder<'static, Db> {
    let mut query = QueryBuilder::<Db>::new(format!("{DEPARTURE_CHECK_SELECT} WHERE d.date = "));
    query.push_bind(date).push(" AND d.nursery_id IN ");
    push_padded_list(&mut query, nursery_ids);
    query
}

fn still_here_of(rows: Vec<(Id, Id)>) -> Vec<StillHere> {
    rows.into_iter()
        .map(|(child_id, nursery_id)| StillHere { child_id, nursery_id })
        .collect()
}

impl DbUnit {
    async fn departure_check_in_unit(&mut self, id: Id) -> StoreResult<DepartureCheck> {
        let row: DepartureCheckRow = sqlx::query_as(&format!("{DEPARTURE_CHECK_SELECT} WHERE d.id = $1"))
            .bind(id)
            .fetch_one(&mut *self.tx)
            .await?;
        row.try_into()
    }
}

#[async_trait]
impl DepartureUnit for DbUnit {
    async fn children_still_here(&mut self, nursery_ids: &[Id], day: (Timestamp, Timestamp)) -> StoreResult<Vec<StillHere>> {
        let rows = still_here_query(nursery_ids, day).build_query_as().fetch_all(&mut *self.tx).await?;
        Ok(still_here_of(rows))
    }

    async fn departure_checks_of(&mut self, nursery_ids: &[Id], date: Date) -> StoreResult<Vec<DepartureCheck>> {
        let rows: Vec<DepartureCheckRow> = departure_checks_query(nursery_ids, date)
            .build_query_as()
            .fetch_all(&mut *self.tx)
            .await?;
        rows.into_iter().map(DepartureCheck::try_from).collect()
    }

    async fn insert_departure_check(&mut self, check: &DepartureCheck) -> StoreResult<bool> {
        let inserted = sqlx::query(
            "INSERT INTO departure_checks (id, child_id, date, nursery_id, raised_at, alerted_at, alerts)
             VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (child_id, date) DO NOTHING",
        )
        .bind(check.id)
        .bind(check.child_id)
        .bind(check.date)
        .bind(check.nursery_id)
        .bind(check.raised_at)
        .bind(check.alerted_at)
        .bind(check.alerts)
        .execute(&mut *self.tx)
        .await?;
        Ok(inserted.rows_affected() == 1)
    }

    async fn realert_departure_check(&mut self, id: Id, seen: Timestamp, at: Timestamp) -> StoreResult<Option<DepartureCheck>> {
        let moved = sqlx::query(
            "UPDATE departure_checks SET alerted_at = $1, alerts = alerts + 1
             WHERE id = $2 AND alerted_at = $3 AND resolution IS NULL",
        )
        .bind(at)
        .bind(id)
        .bind(seen)
        .execute(&mut *self.tx)
        .await?;
        if moved.rows_affected() == 0 {
            return Ok(None);
        }
        Ok(Some(self.departure_check_in_unit(id).await?))
    }

    async fn resolve_departure_check(
        &mut self,
        id: Id,
        resolution: DepartureCheckResolution,
        by: Option<Id>,
        note: Option<&str>,
        at: Timestamp,
    ) -> StoreResult<Option<DepartureCheck>> {
        let ended = sqlx::query(
            "UPDATE departure_checks SET resolution = $1, resolved_at = $2, resolved_by = $3, note = $4
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
        Ok(Some(self.departure_check_in_unit(id).await?))
    }

    async fn enqueue_notice(&mut self, notice: &PushNotice) -> StoreResult<()> {
        DbStore::enqueue_pushes(&mut self.tx, notice, self.clock.now()).await
    }
}

impl DbStore {
    async fn read_children_still_here(&self, nursery_ids: &[Id], day: (Timestamp, Timestamp)) -> StoreResult<Vec<StillHere>> {
        let rows = still_here_query(nursery_ids, day).build_query_as().fetch_all(self.reader()).await?;
        Ok(still_here_of(rows))
    }

    async fn read_departure_checks(&self, nursery_ids: &[Id], date: Date) -> StoreResult<Vec<DepartureCheck>> {
        let rows: Vec<DepartureCheckRow> = departure_checks_query(nursery_ids, date)
            .build_query_as()
            .fetch_all(self.reader())
            .await?;
        rows.into_iter().map(DepartureCheck::try_from).collect()
    }

    async fn read_departure_check(&self, id: Id) -> StoreResult<Option<DepartureCheck>> {
        let row: Option<DepartureCheckRow> = sqlx::query_as(&format!("{DEPARTURE_CHECK_SELECT} WHERE d.id = $1"))
            .bind(id)
            .fetch_optional(self.reader())
            .await?;
        row.map(DepartureCheck::try_from).transpose()
    }
}

// The safety of the day's reads: hours and calendar, the watcher's candidates, the staff's
// list of checks, a correction as its live event. Shared SQL, included by each backend.

#[async_trait]
impl SafetyStore for DbStore {
    async fn begin_unit(&self) -> StoreResult<Box<dyn SafetyUnit>> {
        Ok(Box::new(DbUnit {
            tx: self.begin_write().await?,
            clock: self.clock.clone(),
        }))
    }

    async fn nursery_hours(&self, nursery_id: Id) -> StoreResult<Option<NurseryHours>> {
        let row: Option<(i32, i32, i32, i32, i32)> = sqlx::query_as(
            "SELECT open_weekdays, opens_at_second, closes_at_second, arrival_check_second, late_grace_seconds
             FROM nursery_hours WHERE nursery_id = $1",
        )
        .bind(nursery_id)
        .fetch_optional(self.reader())
        .await?;
        Ok(row.map(hours_of))
    }

    async fn calendar_days(&self, nursery_id: Id, from: Date, to: Date) -> StoreResult<Vec<(Date, bool, Option<String>)>> {
        Ok(sqlx::query_as(
            "SELECT date, open, note FROM nursery_calendar_days WHERE nursery_id = $1 AND date >= $2 AND date <= $3 ORDER BY date",
        )
        .bind(nursery_id)
        .bind(from)
        .bind(to)
        .fetch_all(self.reader())
        .await?)
    }

    async fn watched_nurseries(&self) -> StoreResult<Vec<WatchedNursery>> {
        type Row = (Id, i32, Option<i32>, Option<i32>, Option<i32>, Option<i32>, Option<i32>, Timestamp);
        let rows: Vec<Row> = sqlx::query_as(
            "SELECT n.id, n.utc_offset_minutes, h.open_weekdays, h.opens_at_second, h.closes_at_second,
                h.arrival_check_second, h.late_grace_seconds, n.created_at
             FROM nurseries n LEFT JOIN nursery_hours h ON h.nursery_id = n.id",
        )
        .fetch_all(self.reader())
        .await?;
        Ok(rows
            .into_iter()
            .map(|(id, utc_offset_minutes, w, o, c, a, g, created_at)| WatchedNursery {
                id,
                utc_offset_minutes,
                hours: match (w, o, c, a, g) {
                    (Some(w), Some(o), Some(c), Some(a), Some(g)) => Some(hours_of((w, o, c, a, g))),
                    _ => None,
                },
                created_at,
            })
            .collect())
    }

    async fn calendar_exceptions(&self, date: Date) -> StoreResult<HashMap<Id, bool>> {
        let rows: Vec<(Id, bool)> = sqlx::query_as("SELECT nursery_id, open FROM nursery_calendar_days WHERE date = $1")
            .bind(date)
            .fetch_all(self.reader())
            .await?;
        Ok(rows.into_iter().collect())
    }

    async fn arrival_candidates(&self, nursery_ids: &[Id], date: Date, day: (Timestamp, Timestamp)) -> StoreResult<Vec<ArrivalCandidate>> {
        let children: Vec<(Id, Id, Id, String)> = arrival_candidates_query(nursery_ids, date, day)
            .build_query_as()
            .fetch_all(self.reader())
            .await?;
        if children.is_empty() {
            return Ok(Vec::new());
        }
        let ids: Vec<Id> = children.iter().map(|c| c.0).collect();
        let reports = todays_reports_query(&ids, date).build_query_as().fetch_all(self.reader()).await?;
        with_reports(children, reports)
    }

    async fn any_arrival_check_ended(&self, nursery_ids: &[Id], date: Date, day: (Timestamp, Timestamp)) -> StoreResult<bool> {
        let mut query = ended_checks_query(nursery_ids, date, day, "k.id");
        query.push(" LIMIT 1");
        let row: Option<(Id,)> = query.build_query_as().fetch_optional(self.reader()).await?;
        Ok(row.is_some())
    }

    async fn arrival_checks(&self, nursery_id: Id, date: Date) -> StoreResult<Vec<ArrivalCheck>> {
        let rows: Vec<ArrivalCheckRow> = sqlx::query_as(&format!(
            "SELECT {ARRIVAL_CHECK_COLUMNS} FROM arrival_checks k JOIN children c ON c.id = k.child_id
             WHERE k.nursery_id = $1 AND k.date = $2
             ORDER BY CASE WHEN k.resolution IS NULL THEN 0 ELSE 1 END, c.name, k.id"
        ))
        .bind(nursery_id)
        .bind(date)
        .fetch_all(self.reader())
        .await?;
        rows.into_iter().map(ArrivalCheck::try_from).collect()
    }

    async fn arrival_check(&self, id: Id) -> StoreResult<Option<ArrivalCheck>> {
        let row: Option<ArrivalCheckRow> =
            sqlx::query_as(&format!("SELECT {ARRIVAL_CHECK_COLUMNS} FROM arrival_checks k WHERE k.id = $1"))
                .bind(id)
                .fetch_optional(self.reader())
                .await?;
        row.map(ArrivalCheck::try_from).transpose()
    }

    async fn children_still_here(&self, nursery_ids: &[Id], day: (Timestamp, Timestamp)) -> StoreResult<Vec<StillHere>> {
        self.read_children_still_here(nursery_ids, day).await
    }

    async fn departure_checks(&self, nursery_ids: &[Id], date: Date) -> StoreResult<Vec<DepartureCheck>> {
        self.read_departure_checks(nursery_ids, date).await
    }

    async fn departure_check(&self, id: Id) -> StoreResult<Option<DepartureCheck>> {
        self.read_departure_check(id).await
    }

    async fn correction_event(&self, correction_id: Id) -> StoreResult<Option<AttendanceEvent>> {
        let row: Option<(String,)> = sqlx::query_as("SELECT payload FROM event_log WHERE entity_id = $1 AND kind = 'ATTENDANCE'")
        .bind(correction_id)
        .fetch_optional(self.reader())
        .await?;
        let Some((json,)) = row else { return Ok(None) };
        match serde_json::from_str::<EventPayload>(&json).map_err(anyhow::Error::from)? {
            EventPayload::Attendance(event) => Ok(Some(event)),
            _ => Ok(None),
        }
    }
}

fn hours_of((open_weekdays, opens_at, closes_at, arrival_check_at, late_grace): (i32, i32, i32, i32, i32)) -> NurseryHours {
    NurseryHours {
        open_weekdays,
        opens_at,
        closes_at,
        arrival_check_at,
        late_grace,
    }
}

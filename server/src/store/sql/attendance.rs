// Check-ins, check-outs and absence reports. Every write appends its event to the log in the
// same transaction, and claims its idempotency key there too, so a retried write either finds
// the first result or writes everything once. Shared SQL, included by each backend.

#[derive(sqlx::FromRow)]
struct AttendanceRow {
    id: Id,
    child_id: Id,
    nursery_id: Id,
    family_id: Id,
    kind: String,
    occurred_at: Timestamp,
    recorded_by: Id,
    pickup_by: Option<String>,
    pickup_person_id: Option<Id>,
    tx_id: i64,
    seq: i64,
}

impl TryFrom<AttendanceRow> for AttendanceEvent {
    type Error = StoreError;
    fn try_from(r: AttendanceRow) -> StoreResult<Self> {
        Ok(AttendanceEvent {
            id: r.id,
            child_id: r.child_id,
            nursery_id: r.nursery_id,
            family_id: r.family_id,
            kind: parse_text_enum::<AttendanceKind>(&r.kind)?,
            occurred_at: r.occurred_at,
            recorded_by: r.recorded_by,
            pickup_by: r.pickup_by,
            pickup_person_id: r.pickup_person_id,
            position: Position {
                tx: r.tx_id,
                seq: r.seq,
            },
            corrects: None,
            correction_reason: None,
        })
    }
}

const ATTENDANCE_SELECT: &str = "SELECT a.id, a.child_id, a.nursery_id, a.family_id, a.kind, a.occurred_at,
        a.recorded_by, a.pickup_by, a.pickup_person_id, l.tx_id, l.seq
     FROM attendance_events a JOIN event_log l ON l.entity_id = a.id AND l.kind = 'ATTENDANCE'";

#[derive(sqlx::FromRow)]
struct AbsenceRow {
    id: Id,
    child_id: Id,
    nursery_id: Id,
    family_id: Id,
    kind: String,
    date: Date,
    reason: String,
    expected_arrival: Option<Timestamp>,
    note: Option<String>,
    reported_by: Id,
    acknowledged_by: Option<Id>,
    acknowledged_at: Option<Timestamp>,
    updated_at: Option<Timestamp>,
}

const ABSENCE_SELECT: &str = "SELECT id, child_id, nursery_id, family_id, kind, date, reason, expected_arrival,
        note, reported_by, acknowledged_by, acknowledged_at, updated_at
     FROM absence_reports";

/// A stored enum's text read back (strum's `EnumString`); text it does not know is the
/// store's error, not a panic.
fn parse_text_enum<T: std::str::FromStr>(text: &str) -> StoreResult<T> {
    text.parse()
        .map_err(|_| StoreError::Other(anyhow::anyhow!("unexpected value {text:?} in database")))
}

impl DbStore {
    /// Claims `key` for a result about to be written with id `result_id`. Returns the id of the
    /// earlier result when the key was used before. On PostgreSQL a concurrent claim of the same
    /// key waits here for the first transaction and then sees its row.
    async fn claim_idempotency_key(
        tx: &mut sqlx::Transaction<'static, Db>,
        key: &IdempotencyKey,
        result_id: Id,
        now: Timestamp,
    ) -> StoreResult<Option<Id>> {
        let claimed = sqlx::query(
            "INSERT INTO idempotency_keys (user_id, idem_key, operation, result_id, created_at)
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (user_id, idem_key) DO NOTHING",
        )
        .bind(key.user_id)
        .bind(&key.key)
        .bind(key.operation)
        .bind(result_id)
        .bind(now)
        .execute(&mut **tx)
        .await?;
        if claimed.rows_affected() == 1 {
            return Ok(None);
        }
        let (operation, earlier): (String, Id) =
            sqlx::query_as("SELECT operation, result_id FROM idempotency_keys WHERE user_id = $1 AND idem_key = $2")
                .bind(key.user_id)
                .bind(&key.key)
                .fetch_one(&mut **tx)
                .await?;
        if operation != key.operation {
            return Err(StoreError::BadInput {
                field: "idempotencyKey".into(),
                message: format!("this idempotency key was already used for {operation}"),
            });
        }
        Ok(Some(earlier))
    }

    /// Opens a write transaction for a result with id `result_id`, claiming `key` in it.
    /// `Err(earlier_id)` when the key was used before: nothing is to be written.
    async fn begin_keyed(
        &self,
        key: &Option<IdempotencyKey>,
        result_id: Id,
    ) -> StoreResult<Result<sqlx::Transaction<'static, Db>, Id>> {
        let mut tx = self.begin_write().await?;
        if let Some(key) = key {
            if let Some(earlier) = Self::claim_idempotency_key(&mut tx, key, result_id, self.clock.now()).await? {
                tx.rollback().await?;
                return Ok(Err(earlier));
            }
        }
        Ok(Ok(tx))
    }

    /// The event's entry in the log, numbered for exact delivery (see `events/`).
    /// `now` is the entry's `created_at`.
    async fn append_log(
        tx: &mut sqlx::Transaction<'static, Db>,
        entity_id: Id,
        payload: &EventPayload,
        now: Timestamp,
    ) -> StoreResult<Position> {
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
        .bind(now)
        .fetch_one(&mut **tx)
        .await?;
        Ok(Position { tx: tx_id, seq })
    }

    /// Publishes an event written in `tx`: its log entry (what live subscribers receive, in log
    /// order) and the push outbox rows `PushNotice::for_event` plans for it (who is woken).
    /// Both commit with the write or not at all; the caller's service wakes the tailer and the
    /// push worker after the commit.
    /// `now` stamps the entry and dates the notices of events that carry no instant.
    async fn publish_event(
        tx: &mut sqlx::Transaction<'static, Db>,
        entity_id: Id,
        payload: &EventPayload,
        now: Timestamp,
    ) -> StoreResult<Position> {
        let position = Self::append_log(tx, entity_id, payload, now).await?;
        if let Some(notice) = PushNotice::for_event(payload, now) {
            Self::enqueue_pushes(tx, &notice, now).await?;
        }
        Ok(position)
    }

    async fn attendance_event(&self, id: Id) -> StoreResult<AttendanceEvent> {
        let row: AttendanceRow = sqlx::query_as(&format!("{ATTENDANCE_SELECT} WHERE a.id = $1"))
            .bind(id)
            .fetch_optional(self.reader())
            .await?
            .ok_or(StoreError::NotFound)?;
        row.try_into()
    }

    async fn load_absences(&self, rows: Vec<AbsenceRow>) -> StoreResult<Vec<AbsenceReport>> {
        if rows.is_empty() {
            return Ok(Vec::new());
        }
        let mut query =
            QueryBuilder::<Db>::new("SELECT absence_id, symptom FROM absence_symptoms WHERE absence_id IN (");
        let mut list = query.separated(", ");
        for row in &rows {
            list.push_bind(row.id);
        }
        query.push(") ORDER BY symptom");
        let symptom_rows: Vec<(Id, String)> = query.build_query_as().fetch_all(self.reader()).await?;
        assemble_absences(rows, symptom_rows)
    }

    async fn absence_by_id(&self, id: Id) -> StoreResult<Option<AbsenceReport>> {
        let rows: Vec<AbsenceRow> = sqlx::query_as(&format!("{ABSENCE_SELECT} WHERE id = $1"))
            .bind(id)
            .fetch_all(self.reader())
            .await?;
        Ok(self.load_absences(rows).await?.pop())
    }
}

#[async_trait]
impl AttendanceStore for DbStore {
    async fn begin_attendance_unit(&self) -> StoreResult<Box<dyn AttendanceUnit>> {
        Ok(Box::new(DbUnit {
            tx: self.begin_write().await?,
            clock: self.clock.clone(),
        }))
    }

    async fn recorded_attendance(&self, id: Id) -> StoreResult<AttendanceEvent> {
        self.attendance_event(id).await
    }

    async fn attendance_of_child(
        &self,
        child_id: Id,
        from: Timestamp,
        to: Timestamp,
    ) -> StoreResult<Vec<AttendanceEvent>> {
        let rows: Vec<AttendanceRow> = sqlx::query_as(&format!(
            "{ATTENDANCE_SELECT} WHERE a.child_id = $1 AND a.occurred_at >= $2 AND a.occurred_at < $3
               AND NOT EXISTS (SELECT 1 FROM attendance_corrections x WHERE x.attendance_id = a.id)
             ORDER BY a.occurred_at, l.tx_id, l.seq"
        ))
        .bind(child_id)
        .bind(from)
        .bind(to)
        .fetch_all(self.reader())
        .await?;
        rows.into_iter().map(AttendanceEvent::try_from).collect()
    }

    async fn create_absence(
        &self,
        report: AbsenceReport,
        key: Option<IdempotencyKey>,
        context: AbsenceContext,
    ) -> StoreResult<Recorded<AbsenceReport>> {
        let mut tx = match self.begin_keyed(&key, report.id).await? {
            Ok(tx) => tx,
            Err(earlier) => {
                let value = self.absence_by_id(earlier).await?.ok_or(StoreError::NotFound)?;
                return Ok(Recorded { value, replayed: true });
            }
        };
        sqlx::query(
            "INSERT INTO absence_reports (id, child_id, nursery_id, family_id, kind, date, reason, expected_arrival,
                note, reported_by, created_at, classroom_id)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
        )
        .bind(report.id)
        .bind(report.child_id)
        .bind(report.nursery_id)
        .bind(report.family_id)
        .bind(report.kind.as_str())
        .bind(report.date)
        .bind(report.reason.as_str())
        .bind(report.expected_arrival)
        .bind(&report.note)
        .bind(report.reported_by)
        .bind(self.clock.now())
        .bind(context.classroom_id)
        .execute(&mut *tx)
        .await
        .map_err(|e| unique_violation_as(e, "this child already has a report of this kind for that date"))?;
        for symptom in &report.symptoms {
            sqlx::query("INSERT INTO absence_symptoms (absence_id, symptom) VALUES ($1, $2)")
                .bind(report.id)
                .bind(symptom.as_str())
                .execute(&mut *tx)
                .await?;
        }
        Self::publish_event(&mut tx, report.id, &EventPayload::AbsenceReported(report.clone()), self.clock.now()).await?;
        if let Some(surveillance) = &context.surveillance {
            if report.kind == AbsenceKind::Absence && !report.symptoms.is_empty() {
                self.watch_for_clusters(&mut tx, &report, context.classroom_id, surveillance).await?;
            }
        }
        self.commit(tx, Place::Nursery(report.nursery_id), &[report.child_id, report.id]).await?;
        Ok(Recorded {
            value: report,
            replayed: false,
        })
    }

    async fn acknowledge_absence(&self, id: Id, by: Id, at: Timestamp) -> StoreResult<AbsenceReport> {
        let mut tx = self.begin_write().await?;
        // The first acknowledgement stands; acknowledging again changes nothing.
        let first = sqlx::query(
            "UPDATE absence_reports SET acknowledged_by = $1, acknowledged_at = $2
             WHERE id = $3 AND acknowledged_by IS NULL",
        )
        .bind(by)
        .bind(at)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        if first.rows_affected() == 1 {
            let rows: Vec<AbsenceRow> = sqlx::query_as(&format!("{ABSENCE_SELECT} WHERE id = $1"))
                .bind(id)
                .fetch_all(&mut *tx)
                .await?;
            if let Some(row) = rows.into_iter().next() {
                let report = AbsenceReport {
                    acknowledged_by: Some(by),
                    acknowledged_at: Some(at),
                    ..self.load_absences(vec![row]).await?.remove(0)
                };
                Self::publish_event(&mut tx, report.id, &EventPayload::AbsenceAcknowledged(report), self.clock.now()).await?;
            }
        }
        let scope: Option<(Id, Id)> = sqlx::query_as("SELECT nursery_id, child_id FROM absence_reports WHERE id = $1")
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
        self.commit(tx, scope.map_or(Place::Nowhere, |s| Place::Nursery(s.0)), &[scope.map_or(id, |s| s.1), id]).await?;
        self.absence_by_id(id).await?.ok_or(StoreError::NotFound)
    }

    async fn absence(&self, id: Id) -> StoreResult<Option<AbsenceReport>> {
        self.absence_by_id(id).await
    }

    async fn absences_of_child(&self, child_id: Id, from: Date, to: Date) -> StoreResult<Vec<AbsenceReport>> {
        let rows: Vec<AbsenceRow> = sqlx::query_as(&format!(
            "{ABSENCE_SELECT} WHERE child_id = $1 AND date >= $2 AND date <= $3 ORDER BY date, kind, id"
        ))
        .bind(child_id)
        .bind(from)
        .bind(to)
        .fetch_all(self.reader())
        .await?;
        self.load_absences(rows).await
    }

    async fn absences_of_nursery(&self, nursery_id: Id, date: Date) -> StoreResult<Vec<AbsenceReport>> {
        let rows: Vec<AbsenceRow> = sqlx::query_as(&format!(
            "{ABSENCE_SELECT} WHERE nursery_id = $1 AND date = $2 ORDER BY kind, id"
        ))
        .bind(nursery_id)
        .bind(date)
        .fetch_all(self.reader())
        .await?;
        self.load_absences(rows).await
    }
}

/// Reports from their rows and their symptoms' rows (in any order).
fn assemble_absences(rows: Vec<AbsenceRow>, symptom_rows: Vec<(Id, String)>) -> StoreResult<Vec<AbsenceReport>> {
    let mut by_report: std::collections::HashMap<Id, Vec<Symptom>> = std::collections::HashMap::new();
    for (id, text) in symptom_rows {
        by_report
            .entry(id)
            .or_default()
            .push(parse_text_enum::<Symptom>(&text)?);
    }
    let mut reports = Vec::with_capacity(rows.len());
    for r in rows {
        let mut symptoms = by_report.remove(&r.id).unwrap_or_default();
        symptoms.sort();
        reports.push(AbsenceReport {
            id: r.id,
            child_id: r.child_id,
            nursery_id: r.nursery_id,
            family_id: r.family_id,
            kind: parse_text_enum::<AbsenceKind>(&r.kind)?,
            date: r.date,
            reason: parse_text_enum::<AbsenceReason>(&r.reason)?,
            symptoms,
            expected_arrival: r.expected_arrival,
            note: r.note,
            reported_by: r.reported_by,
            acknowledged_by: r.acknowledged_by,
            acknowledged_at: r.acknowledged_at,
            updated_at: r.updated_at,
            withdrawn_at: None,
        });
    }
    Ok(reports)
}

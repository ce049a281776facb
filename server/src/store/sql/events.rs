// The event log read side: the tailer's final-entries query and the filtered replay for
// resuming subscribers. Shared SQL, included by each backend; `HORIZON_SQL` is the backend's
// answer to "below which transaction id is everything final?".

#[derive(sqlx::FromRow)]
struct LogRow {
    tx_id: i64,
    seq: i64,
    payload: String,
}

fn log_entries(rows: Vec<LogRow>) -> StoreResult<Vec<LogEntry>> {
    rows.into_iter()
        .map(|r| {
            let payload: EventPayload = serde_json::from_str(&r.payload).map_err(anyhow::Error::from)?;
            Ok(LogEntry {
                position: Position {
                    tx: r.tx_id,
                    seq: r.seq,
                },
                payload,
            })
        })
        .collect()
}

#[async_trait]
impl EventStore for DbStore {
    async fn log_start_position(&self) -> StoreResult<Position> {
        let (horizon,): (i64,) = sqlx::query_as(HORIZON_SQL).fetch_one(self.reader()).await?;
        let newest: Option<(i64, i64)> =
            sqlx::query_as("SELECT tx_id, seq FROM event_log WHERE tx_id < $1 ORDER BY tx_id DESC, seq DESC LIMIT 1")
                .bind(horizon)
                .fetch_optional(self.reader())
                .await?;
        Ok(match newest {
            Some((tx, seq)) => Position { tx, seq },
            // Nothing final yet: start below every entry that can still appear.
            None => Position {
                tx: horizon - 1,
                seq: -1,
            },
        })
    }

    async fn tail_log(&self, after: Position, limit: i64) -> StoreResult<(Vec<LogEntry>, bool)> {
        // One statement, one snapshot: the horizon is that snapshot's, so every transaction
        // below it has ended and every entry below it that will ever exist is in the snapshot.
        // Entries at or past it are held back; a last row without a payload says there are
        // some. Both bounds are scalar subqueries, so they become index conditions; the
        // held-back test compares with the newest entry (one step down the position index)
        // because PostgreSQL plans an `EXISTS (… tx_id >= horizon)` as a scan of the whole log.
        let mut query = QueryBuilder::<Db>::new(format!(
            "WITH horizon AS (SELECT ({HORIZON_SQL}) AS tx)
             SELECT entries.tx_id, entries.seq, entries.payload FROM (
                 SELECT l.tx_id, l.seq, l.payload FROM event_log l WHERE "
        ));
        push_log_after(&mut query, "l", after);
        query.push(" AND l.tx_id < (SELECT tx FROM horizon) ORDER BY l.tx_id, l.seq LIMIT ");
        query.push_bind(limit);
        query.push(
            ") AS entries
             UNION ALL
             SELECT -1, -1, NULL WHERE (SELECT max(tx_id) FROM event_log) >= (SELECT tx FROM horizon)",
        );
        let rows: Vec<(i64, i64, Option<String>)> = query.build_query_as().fetch_all(self.keyed_reader()).await?;
        let mut held_back = false;
        let mut entries = Vec::with_capacity(rows.len());
        for (tx_id, seq, payload) in rows {
            match payload {
                Some(payload) => entries.push(LogRow { tx_id, seq, payload }),
                None => held_back = true,
            }
        }
        Ok((log_entries(entries)?, held_back))
    }

    async fn log_held_back_by(&self) -> StoreResult<Option<(i32, f64)>> {
        Ok(sqlx::query_as(HELD_BACK_BY_SQL).fetch_optional(self.reader()).await?)
    }

    async fn log_between(
        &self,
        after: Position,
        upto: Position,
        filter: &EventFilter,
        limit: i64,
    ) -> StoreResult<Vec<LogEntry>> {
        if filter.kinds.is_empty() || filter.scope.is_empty() {
            return Ok(Vec::new());
        }
        let mut query = QueryBuilder::<Db>::new("SELECT l.tx_id, l.seq, l.payload FROM event_log l WHERE ");
        push_log_after(&mut query, "l", after);
        query.push(" AND ");
        push_log_upto(&mut query, "l", upto);
        query.push(" AND l.kind IN (");
        let mut kinds = query.separated(", ");
        for kind in &filter.kinds {
            kinds.push_bind(kind.as_str());
        }
        query.push(")");
        push_child_filter(&mut query, "l", &filter.scope);
        query.push(" ORDER BY l.tx_id, l.seq LIMIT ").push_bind(limit);
        let rows: Vec<LogRow> = query.build_query_as().fetch_all(self.reader()).await?;
        log_entries(rows)
    }
}

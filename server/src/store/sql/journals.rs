// Journals and their revision history. Every change is an optimistic update guarded by the
// revision the writer saw, and leaves a revision row. Shared SQL, included by each backend.

#[derive(sqlx::FromRow)]
struct JournalRow {
    id: Id,
    kind: String,
    status: String,
    revision: i64,
    nursery_id: Id,
    classroom_id: Option<Id>,
    child_id: Option<Id>,
    family_id: Option<Id>,
    period_start: Date,
    period_end: Date,
    body: String,
    author_id: Id,
    review_comment: Option<String>,
    updated_at: Timestamp,
}

impl TryFrom<JournalRow> for Journal {
    type Error = StoreError;
    fn try_from(r: JournalRow) -> StoreResult<Self> {
        Ok(Journal {
            id: r.id,
            kind: parse_text_enum::<JournalKind>(&r.kind)?,
            status: parse_text_enum::<JournalStatus>(&r.status)?,
            revision: r.revision,
            nursery_id: r.nursery_id,
            classroom_id: r.classroom_id,
            child_id: r.child_id,
            family_id: r.family_id,
            period_start: r.period_start,
            period_end: r.period_end,
            body: r.body,
            author_id: r.author_id,
            review_comment: r.review_comment,
            updated_at: r.updated_at,
        })
    }
}

const JOURNAL_SELECT: &str =
    "SELECT id, kind, status, revision, nursery_id, classroom_id, child_id, family_id, period_start,
        period_end, body, author_id, review_comment, updated_at FROM journals";

impl DbStore {
    async fn insert_revision(
        tx: &mut sqlx::Transaction<'static, Db>,
        journal: &Journal,
        action: &str,
        actor: Id,
    ) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO journal_revisions (journal_id, revision, status, body, action, actor_id, at)
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(journal.id)
        .bind(journal.revision)
        .bind(journal.status.as_str())
        .bind(&journal.body)
        .bind(action)
        .bind(actor)
        .bind(journal.updated_at)
        .execute(&mut **tx)
        .await?;
        Ok(())
    }
}

#[async_trait]
impl JournalStore for DbStore {
    async fn create_journal(&self, journal: Journal, actor: Id) -> StoreResult<Journal> {
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "INSERT INTO journals (id, kind, status, revision, nursery_id, classroom_id, child_id, family_id, period_start,
                period_end, body, author_id, review_comment, updated_at, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)",
        )
        .bind(journal.id)
        .bind(journal.kind.as_str())
        .bind(journal.status.as_str())
        .bind(journal.revision)
        .bind(journal.nursery_id)
        .bind(journal.classroom_id)
        .bind(journal.child_id)
        .bind(journal.family_id)
        .bind(journal.period_start)
        .bind(journal.period_end)
        .bind(&journal.body)
        .bind(journal.author_id)
        .bind(&journal.review_comment)
        .bind(journal.updated_at)
        .bind(self.clock.now())
        .execute(&mut *tx)
        .await
        .map_err(|e| unique_violation_as(e, "this page already exists; open it and save with its revision"))?;
        Self::insert_revision(&mut tx, &journal, "CREATE", actor).await?;
        self.commit(tx, Place::Nursery(journal.nursery_id), &journal.audit_ids()).await?;
        Ok(journal)
    }

    async fn journal(&self, id: Id) -> StoreResult<Option<Journal>> {
        let row: Option<JournalRow> = sqlx::query_as(&format!("{JOURNAL_SELECT} WHERE id = $1"))
            .bind(id)
            .fetch_optional(self.reader())
            .await?;
        row.map(Journal::try_from).transpose()
    }

    async fn change_journal(
        &self,
        id: Id,
        expected_revision: i64,
        change: JournalChange,
        alert: Option<CareAlert>,
    ) -> StoreResult<Journal> {
        let mut tx = self.begin_write().await?;
        let updated = sqlx::query(
            "UPDATE journals SET status = $1, body = $2, review_comment = $3, revision = revision + 1, updated_at = $4
             WHERE id = $5 AND revision = $6",
        )
        .bind(change.status.as_str())
        .bind(&change.body)
        .bind(&change.review_comment)
        .bind(change.at)
        .bind(id)
        .bind(expected_revision)
        .execute(&mut *tx)
        .await?;
        if updated.rows_affected() == 0 {
            let current: Option<(i64,)> = sqlx::query_as("SELECT revision FROM journals WHERE id = $1")
                .bind(id)
                .fetch_optional(&mut *tx)
                .await?;
            return Err(match current {
                Some((revision,)) => StoreError::StaleRevision(revision),
                None => StoreError::NotFound,
            });
        }
        let row: JournalRow = sqlx::query_as(&format!("{JOURNAL_SELECT} WHERE id = $1"))
            .bind(id)
            .fetch_one(&mut *tx)
            .await?;
        let journal = Journal::try_from(row)?;
        Self::insert_revision(&mut tx, &journal, change.action, change.actor).await?;
        if let Some(alert) = &alert {
            Self::publish_event(&mut tx, alert.id, &EventPayload::CareAlert(alert.clone()), self.clock.now()).await?;
        }
        self.commit(tx, Place::Nursery(journal.nursery_id), &journal.audit_ids()).await?;
        Ok(journal)
    }

    async fn journals(&self, filter: &JournalFilter, limit: i64) -> StoreResult<Vec<Journal>> {
        let mut query = QueryBuilder::<Db>::new(format!("{JOURNAL_SELECT} WHERE nursery_id = "));
        query.push_bind(filter.nursery_id);
        if let Some(kind) = filter.kind {
            query.push(" AND kind = ").push_bind(kind.as_str());
        }
        if let Some(status) = filter.status {
            query.push(" AND status = ").push_bind(status.as_str());
        }
        if let Some(from) = filter.from {
            query.push(" AND period_end >= ").push_bind(from);
        }
        if let Some(to) = filter.to {
            query.push(" AND period_start <= ").push_bind(to);
        }
        if let Some(families) = &filter.families_only {
            query
                .push(" AND kind = ")
                .push_bind(JournalKind::ContactNotebook.as_str());
            query
                .push(" AND status = ")
                .push_bind(JournalStatus::Published.as_str());
            query.push(" AND family_id IN (NULL");
            for family in families {
                query.push(", ").push_bind(*family);
            }
            query.push(")");
        }
        query
            .push(" ORDER BY period_start DESC, kind, id LIMIT ")
            .push_bind(limit);
        let rows: Vec<JournalRow> = query.build_query_as().fetch_all(self.reader()).await?;
        rows.into_iter().map(Journal::try_from).collect()
    }

    async fn journal_revisions(&self, id: Id) -> StoreResult<Vec<JournalRevision>> {
        let rows: Vec<(Id, i64, String, String, String, Id, Timestamp)> = sqlx::query_as(
            "SELECT journal_id, revision, status, body, action, actor_id, at FROM journal_revisions
             WHERE journal_id = $1 ORDER BY revision",
        )
        .bind(id)
        .fetch_all(self.reader())
        .await?;
        rows.into_iter()
            .map(|(journal_id, revision, status, body, action, actor_id, at)| {
                Ok(JournalRevision {
                    journal_id,
                    revision,
                    status: parse_text_enum::<JournalStatus>(&status)?,
                    body,
                    action,
                    actor_id,
                    at,
                })
            })
            .collect()
    }
}

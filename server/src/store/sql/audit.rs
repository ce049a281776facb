// The audit trail: the entry of a request's mutation is written in the write's own transaction
// by `commit`; reads are appended when the request's operation ends. Entity ids are kept as
// space-separated text: the trail is read by nursery, actor and time, and an entity filter
// matches a whole id within that text. Shared SQL, included by each backend.

/// Where a write happened, for the nursery head's view of the trail.
#[derive(Clone, Copy, Debug)]
enum Place {
    Nursery(Id),
    /// The nursery of this classroom, family, child (or this nursery).
    Of(Id),
    /// Not in any nursery: accounts, municipalities, devices.
    Nowhere,
}

const NURSERY_OF: &str = "SELECT id FROM nurseries WHERE id = $1
    UNION ALL SELECT nursery_id FROM classrooms WHERE id = $1
    UNION ALL SELECT nursery_id FROM families WHERE id = $1
    UNION ALL SELECT nursery_id FROM children WHERE id = $1";

#[derive(sqlx::FromRow)]
struct AuditRow {
    id: i64,
    at: Timestamp,
    actor_id: Option<Id>,
    access: String,
    operation: String,
    nursery_id: Option<Id>,
    entity_ids: String,
    client_addr: Option<String>,
}

impl TryFrom<AuditRow> for AuditEntry {
    type Error = StoreError;
    fn try_from(r: AuditRow) -> StoreResult<Self> {
        let entity_ids = r
            .entity_ids
            .split_whitespace()
            .map(|id| Id::parse(id).ok_or_else(|| StoreError::Other(anyhow::anyhow!("audit entity id {id:?}"))))
            .collect::<StoreResult<Vec<_>>>()?;
        Ok(AuditEntry {
            id: r.id,
            at: r.at,
            actor_id: r.actor_id,
            access: parse_text_enum::<AuditAccess>(&r.access)?,
            operation: r.operation,
            nursery_id: r.nursery_id,
            entity_ids,
            client_addr: r.client_addr,
        })
    }
}

fn joined_ids(ids: &[Id]) -> String {
    ids.iter().map(|id| id.to_string()).collect::<Vec<_>>().join(" ")
}

impl DbStore {
    /// Commits a write, with the audit entry of the request's running mutation when there is
    /// one: both land together or neither does.
    async fn commit(&self, mut tx: sqlx::Transaction<'static, Db>, place: Place, entity_ids: &[Id]) -> StoreResult<()> {
        if let Some(write) = crate::audit::current_write() {
            let nursery_id = match place {
                Place::Nursery(id) => Some(id),
                Place::Of(id) => sqlx::query_scalar::<_, Id>(NURSERY_OF)
                    .bind(id)
                    .fetch_optional(&mut *tx)
                    .await?,
                Place::Nowhere => None,
            };
            let entry = crate::audit::NewAuditEntry {
                at: self.clock.now(),
                actor_id: write.actor_id,
                access: AuditAccess::Write,
                operation: write.operation,
                nursery_id,
                entity_ids: entity_ids.to_vec(),
                client_addr: write.client_addr,
            };
            Self::insert_audit(&mut tx, &entry).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Several entries, a few hundred to a statement (bound parameters are limited).
    async fn insert_audit_batch(
        tx: &mut sqlx::Transaction<'static, Db>,
        entries: &[crate::audit::NewAuditEntry],
    ) -> StoreResult<()> {
        for chunk in entries.chunks(500) {
            let mut query = QueryBuilder::<Db>::new(
                "INSERT INTO audit_log (at, actor_id, access, operation, nursery_id, entity_ids, client_addr) ",
            );
            query.push_values(chunk, |mut row, entry| {
                row.push_bind(entry.at)
                    .push_bind(entry.actor_id)
                    .push_bind(entry.access.as_str())
                    .push_bind(entry.operation.clone())
                    .push_bind(entry.nursery_id)
                    .push_bind(joined_ids(&entry.entity_ids))
                    .push_bind(entry.client_addr.clone());
            });
            query.build().execute(&mut **tx).await?;
        }
        Ok(())
    }

    async fn insert_audit(
        tx: &mut sqlx::Transaction<'static, Db>,
        entry: &crate::audit::NewAuditEntry,
    ) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO audit_log (at, actor_id, access, operation, nursery_id, entity_ids, client_addr)
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(entry.at)
        .bind(entry.actor_id)
        .bind(entry.access.as_str())
        .bind(&entry.operation)
        .bind(entry.nursery_id)
        .bind(joined_ids(&entry.entity_ids))
        .bind(&entry.client_addr)
        .execute(&mut **tx)
        .await?;
        Ok(())
    }
}

#[async_trait]
impl AuditStore for DbStore {
    async fn append_audit(&self, entries: &[crate::audit::NewAuditEntry]) -> StoreResult<()> {
        if entries.is_empty() {
            return Ok(());
        }
        let mut tx = self.begin_write().await?;
        Self::insert_audit_batch(&mut tx, entries).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn audit_entries(&self, filter: &AuditFilter, limit: i64) -> StoreResult<Vec<AuditEntry>> {
        let mut query = QueryBuilder::<Db>::new(
            "SELECT id, at, actor_id, access, operation, nursery_id, entity_ids, client_addr FROM audit_log WHERE 1 = 1",
        );
        if let Some(nurseries) = &filter.nurseries {
            query.push(" AND nursery_id IN (");
            let mut list = query.separated(", ");
            list.push("NULL");
            for id in nurseries {
                list.push_bind(*id);
            }
            query.push(")");
        }
        if let Some(actor) = filter.actor_id {
            query.push(" AND actor_id = ").push_bind(actor);
        }
        if let Some(operation) = &filter.operation {
            query.push(" AND operation = ").push_bind(operation.clone());
        }
        if let Some(access) = filter.access {
            query.push(" AND access = ").push_bind(access.as_str());
        }
        if let Some(entity) = filter.entity_id {
            query
                .push(" AND (' ' || entity_ids || ' ') LIKE ")
                .push_bind(format!("% {entity} %"));
        }
        if let Some(from) = filter.from {
            query.push(" AND at >= ").push_bind(from);
        }
        if let Some(to) = filter.to {
            query.push(" AND at < ").push_bind(to);
        }
        if let Some(before) = filter.before_id {
            query.push(" AND id < ").push_bind(before);
        }
        query.push(" ORDER BY id DESC LIMIT ").push_bind(limit);
        let rows: Vec<AuditRow> = query.build_query_as().fetch_all(self.reader()).await?;
        rows.into_iter().map(AuditEntry::try_from).collect()
    }

    async fn prune_audit(&self, before: Timestamp) -> StoreResult<u64> {
        let mut tx = self.begin_write().await?;
        let done = sqlx::query("DELETE FROM audit_log WHERE at < $1")
            .bind(before)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(done.rows_affected())
    }
}

// Web Push: VAPID keys, devices, preferences and the outbox. Notifications are enqueued by
// `append_log` in the event's own transaction; workers lease due rows. Shared SQL, included by
// each backend (`SKIP_LOCKED` lets PostgreSQL replicas claim disjoint rows).

const OUTBOX_COLUMNS: &str = "id, subscription_id, endpoint, p256dh, auth, payload, urgency, ttl_seconds, attempts";

/// Backoff after a failed attempt: 2, 4, 8 … seconds, at most ten minutes.
fn backoff(attempts: i64) -> time::Duration {
    time::Duration::seconds(2_i64.saturating_pow(attempts.clamp(1, 10) as u32).min(600))
}

impl DbStore {
    /// One outbox row per device of everyone in the notice's audience who has not switched
    /// the kind off.
    async fn enqueue_pushes(tx: &mut sqlx::Transaction<'static, Db>, notice: &PushNotice, now: Timestamp) -> StoreResult<()> {
        let child: Option<(String, i32)> = sqlx::query_as(
            "SELECT c.name, n.utc_offset_minutes FROM children c JOIN nurseries n ON n.id = c.nursery_id WHERE c.id = $1",
        )
        .bind(notice.child_id)
        .fetch_optional(&mut **tx)
        .await?;
        let Some((name, offset)) = child else { return Ok(()) };
        Self::enqueue_push_batch(tx, &[(notice, name.as_str(), offset)], now).await
    }

    /// The outbox rows of several notices in one statement; each notice comes with its child's
    /// name and nursery offset (for the text). The notices' audiences are one list of targets
    /// joined to the grants and devices, so the statement is planned once however many notices
    /// it carries; a device reached through two audiences of one notice gets one row.
    async fn enqueue_push_batch(
        tx: &mut sqlx::Transaction<'static, Db>,
        notices: &[(&PushNotice, &str, i32)],
        now: Timestamp,
    ) -> StoreResult<()> {
        let mut targets = Vec::new();
        for (notice, name, offset) in notices {
            let payload = notice.payload(name, crate::domain::calendar::offset_from_minutes(*offset));
            let payload = serde_json::to_string(&payload).map_err(anyhow::Error::from)?;
            for audience in &notice.audiences {
                let (roles, scope) = match audience {
                    Audience::FamilyGuardians(family) => (["GUARDIAN", "GUARDIAN"], *family),
                    Audience::NurseryStaff(nursery) => (["STAFF", "NURSERY_ADMIN"], *nursery),
                };
                targets.push((notice.kind.as_str(), payload.clone(), notice.urgency, notice.ttl_seconds, roles, scope));
            }
        }
        let Some(last) = targets.last().cloned() else {
            return Ok(());
        };
        // Repeating the last target (its rows are removed by DISTINCT) keeps the statement to a
        // few shapes, which stay prepared.
        targets.resize(targets.len().next_power_of_two(), last);
        let mut query = QueryBuilder::<Db>::new("WITH targets (kind, payload, urgency, ttl_seconds, role_a, role_b, scope_id) AS (");
        query.push_values(targets, |mut row, (kind, payload, urgency, ttl, [role_a, role_b], scope)| {
            row.push_bind(kind)
                .push_bind(payload)
                .push_bind(urgency)
                .push_bind(ttl)
                .push_bind(role_a)
                .push_bind(role_b)
                .push_bind(scope);
        });
        query.push(
            ") INSERT INTO push_outbox (subscription_id, user_id, endpoint, p256dh, auth, kind, payload, urgency,
                ttl_seconds, status, attempts, next_attempt_at, created_at)
             SELECT DISTINCT s.id, s.user_id, s.endpoint, s.p256dh, s.auth, t.kind, t.payload, t.urgency, t.ttl_seconds,
                'PENDING', 0, ",
        );
        query.push_bind(now).push(", ").push_bind(now);
        query.push(
            " FROM targets t
             JOIN role_grants g ON g.scope_id = t.scope_id AND g.role IN (t.role_a, t.role_b)
             JOIN push_subscriptions s ON s.user_id = g.user_id
             WHERE NOT EXISTS (SELECT 1 FROM push_preferences p WHERE p.user_id = s.user_id AND p.kind = t.kind AND p.enabled = ",
        );
        query.push_bind(false).push(")");
        query.build().execute(&mut **tx).await?;
        Ok(())
    }
}

#[async_trait]
impl PushStore for DbStore {
    async fn pending_push_count(&self) -> StoreResult<i64> {
        let (count,): (i64,) = sqlx::query_as("SELECT count(*) FROM push_outbox WHERE status = 'PENDING'")
            .fetch_one(self.reader())
            .await?;
        Ok(count)
    }

    async fn vapid_keys(&self, generated: (String, String)) -> StoreResult<(String, String)> {
        let mut tx = self.begin_write().await?;
        // Replicas starting together race here; the first key written is everyone's key.
        sqlx::query(
            "INSERT INTO vapid_keys (id, private_key, public_key, created_at) VALUES (1, $1, $2, $3)
             ON CONFLICT (id) DO NOTHING",
        )
        .bind(&generated.0)
        .bind(&generated.1)
        .bind(self.clock.now())
        .execute(&mut *tx)
        .await?;
        let keys: (String, String) = sqlx::query_as("SELECT private_key, public_key FROM vapid_keys WHERE id = 1")
            .fetch_one(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(keys)
    }

    async fn register_push_subscription(
        &self,
        user_id: Id,
        endpoint: &str,
        p256dh: &str,
        auth: &str,
    ) -> StoreResult<()> {
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "INSERT INTO push_subscriptions (id, user_id, endpoint, p256dh, auth, created_at) VALUES ($1, $2, $3, $4, $5, $6)
             ON CONFLICT (endpoint) DO UPDATE SET user_id = excluded.user_id, p256dh = excluded.p256dh, auth = excluded.auth",
        )
        .bind(Id::new())
        .bind(user_id)
        .bind(endpoint)
        .bind(p256dh)
        .bind(auth)
        .bind(self.clock.now())
        .execute(&mut *tx)
        .await?;
        self.commit(tx, Place::Nowhere, &[user_id]).await?;
        Ok(())
    }

    async fn unregister_push_subscription(&self, user_id: Id, endpoint: &str) -> StoreResult<bool> {
        let mut tx = self.begin_write().await?;
        let now = self.clock.now();
        sqlx::query(
            "UPDATE push_outbox SET status = 'GONE', finished_at = $1, last_error = 'unregistered'
             WHERE status = 'PENDING' AND subscription_id IN (SELECT id FROM push_subscriptions WHERE user_id = $2 AND endpoint = $3)",
        )
        .bind(now)
        .bind(user_id)
        .bind(endpoint)
        .execute(&mut *tx)
        .await?;
        let removed = sqlx::query("DELETE FROM push_subscriptions WHERE user_id = $1 AND endpoint = $2")
            .bind(user_id)
            .bind(endpoint)
            .execute(&mut *tx)
            .await?;
        self.commit(tx, Place::Nowhere, &[user_id]).await?;
        Ok(removed.rows_affected() > 0)
    }

    async fn set_push_preference(&self, user_id: Id, kind: PushKind, enabled: bool) -> StoreResult<()> {
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "INSERT INTO push_preferences (user_id, kind, enabled) VALUES ($1, $2, $3)
             ON CONFLICT (user_id, kind) DO UPDATE SET enabled = excluded.enabled",
        )
        .bind(user_id)
        .bind(kind.as_str())
        .bind(enabled)
        .execute(&mut *tx)
        .await?;
        self.commit(tx, Place::Nowhere, &[user_id]).await?;
        Ok(())
    }

    async fn disabled_push_kinds(&self, user_id: Id) -> StoreResult<Vec<PushKind>> {
        let rows: Vec<(String,)> =
            sqlx::query_as("SELECT kind FROM push_preferences WHERE user_id = $1 AND enabled = $2 ORDER BY kind")
                .bind(user_id)
                .bind(false)
                .fetch_all(self.reader())
                .await?;
        Ok(rows.iter().filter_map(|(k,)| k.parse::<PushKind>().ok()).collect())
    }

    async fn claim_pushes(&self, now: Timestamp, lease_until: Timestamp, limit: i64) -> StoreResult<Vec<PushJob>> {
        let mut tx = self.begin_write().await?;
        let rows: Vec<(i64, Option<Id>, String, String, String, String, String, i64, i64)> = sqlx::query_as(&format!(
            "UPDATE push_outbox SET lease_until = $1, attempts = attempts + 1
             WHERE id IN (
                SELECT id FROM push_outbox
                WHERE status = 'PENDING' AND next_attempt_at <= $2 AND (lease_until IS NULL OR lease_until < $2)
                ORDER BY next_attempt_at, id LIMIT $3{SKIP_LOCKED})
             RETURNING {OUTBOX_COLUMNS}"
        ))
        .bind(lease_until)
        .bind(now)
        .bind(limit)
        .fetch_all(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(rows
            .into_iter()
            .map(
                |(id, subscription_id, endpoint, p256dh, auth, payload, urgency, ttl_seconds, attempts)| PushJob {
                    id,
                    subscription_id,
                    endpoint,
                    p256dh,
                    auth,
                    payload,
                    urgency,
                    ttl_seconds,
                    attempts,
                },
            )
            .collect())
    }

    async fn finish_push(&self, job: &PushJob, outcome: PushOutcome) -> StoreResult<()> {
        let mut tx = self.begin_write().await?;
        let now = self.clock.now();
        let (status, next, error) = match &outcome {
            PushOutcome::Delivered => (PushStatus::Delivered, None, None),
            PushOutcome::Gone => (
                PushStatus::Gone,
                None,
                Some("the device unsubscribed (404/410)".to_owned()),
            ),
            PushOutcome::Retry { at, error } => {
                let earliest = Timestamp(now.0 + backoff(job.attempts));
                (PushStatus::Pending, Some((*at).max(earliest)), Some(error.clone()))
            }
            PushOutcome::Failed { error } => (PushStatus::Failed, None, Some(error.clone())),
        };
        let finished = (status != PushStatus::Pending).then_some(now);
        sqlx::query(
            "UPDATE push_outbox SET status = $1, next_attempt_at = COALESCE($2, next_attempt_at), lease_until = NULL,
                last_error = COALESCE($3, last_error), finished_at = $4
             WHERE id = $5",
        )
        .bind(status.as_str())
        .bind(next)
        .bind(error)
        .bind(finished)
        .bind(job.id)
        .execute(&mut *tx)
        .await?;
        if let (PushOutcome::Gone, Some(subscription)) = (&outcome, job.subscription_id) {
            sqlx::query(
                "UPDATE push_outbox SET status = 'GONE', finished_at = $1, last_error = 'the device unsubscribed'
                 WHERE status = 'PENDING' AND subscription_id = $2",
            )
            .bind(now)
            .bind(subscription)
            .execute(&mut *tx)
            .await?;
            sqlx::query("DELETE FROM push_subscriptions WHERE id = $1")
                .bind(subscription)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    async fn push_deliveries(
        &self,
        status: Option<PushStatus>,
        user_id: Option<Id>,
        limit: i64,
    ) -> StoreResult<Vec<PushDelivery>> {
        let mut query = QueryBuilder::<Db>::new(
            "SELECT id, user_id, kind, status, attempts, last_error, created_at, finished_at FROM push_outbox WHERE 1 = 1",
        );
        if let Some(status) = status {
            query.push(" AND status = ").push_bind(status.as_str());
        }
        if let Some(user) = user_id {
            query.push(" AND user_id = ").push_bind(user);
        }
        query.push(" ORDER BY id DESC LIMIT ").push_bind(limit);
        let rows: Vec<(
            i64,
            Id,
            String,
            String,
            i64,
            Option<String>,
            Timestamp,
            Option<Timestamp>,
        )> = query.build_query_as().fetch_all(self.reader()).await?;
        rows.into_iter()
            .map(
                |(id, user_id, kind, status, attempts, last_error, created_at, finished_at)| {
                    Ok(PushDelivery {
                        id,
                        user_id,
                        kind,
                        status: parse_text_enum::<PushStatus>(&status)?,
                        attempts,
                        last_error,
                        created_at,
                        finished_at,
                    })
                },
            )
            .collect()
    }
}

// Accounts, role grants and sessions. Shared SQL, included by each backend (see store/mod.rs).

#[derive(sqlx::FromRow)]
struct UserRow {
    id: Id,
    email: String,
    display_name: String,
    locale: String,
}

impl From<UserRow> for User {
    fn from(r: UserRow) -> Self {
        User {
            id: r.id,
            email: r.email,
            display_name: r.display_name,
            locale: r.locale,
        }
    }
}

#[async_trait]
impl AccountStore for DbStore {
    async fn create_user(&self, user: NewUser) -> StoreResult<User> {
        let mut tx = self.begin_write().await?;
        let inserted = sqlx::query(
            "INSERT INTO users (id, email, display_name, locale, password_hash, created_at)
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(user.id)
        .bind(&user.email)
        .bind(&user.display_name)
        .bind(&user.locale)
        .bind(&user.password_hash)
        .bind(self.clock.now())
        .execute(&mut *tx)
        .await;
        if let Err(err) = inserted {
            return Err(unique_violation_as(err, "a user with this email already exists"));
        }
        if let Some(grant) = &user.grant {
            sqlx::query("INSERT INTO role_grants (user_id, role, scope_id) VALUES ($1, $2, $3)")
                .bind(user.id)
                .bind(grant.role.as_str())
                .bind(grant.scope_id)
                .execute(&mut *tx)
                .await?;
        }
        self.commit(tx, user.grant.as_ref().and_then(|g| g.scope_id).map(Place::Of).unwrap_or(Place::Nowhere), &[user.id]).await?;
        Ok(User {
            id: user.id,
            email: user.email,
            display_name: user.display_name,
            locale: user.locale,
        })
    }

    async fn user(&self, id: Id) -> StoreResult<Option<User>> {
        let row: Option<UserRow> = sqlx::query_as("SELECT id, email, display_name, locale FROM users WHERE id = $1")
            .bind(id)
            .fetch_optional(self.reader())
            .await?;
        Ok(row.map(User::from))
    }

    async fn user_credentials(&self, email: &str) -> StoreResult<Option<(User, String)>> {
        let row: Option<(Id, String, String, String, String)> =
            sqlx::query_as("SELECT id, email, display_name, locale, password_hash FROM users WHERE email = $1 AND deactivated_at IS NULL")
                .bind(email)
                .fetch_optional(self.reader())
                .await?;
        Ok(row.map(|(id, email, display_name, locale, hash)| {
            (
                User {
                    id,
                    email,
                    display_name,
                    locale,
                },
                hash,
            )
        }))
    }

    async fn grants(&self, user_id: Id) -> StoreResult<Vec<RoleGrant>> {
        let rows: Vec<(String, Option<Id>)> =
            sqlx::query_as("SELECT role, scope_id FROM role_grants WHERE user_id = $1 ORDER BY role")
                .bind(user_id)
                .fetch_all(self.reader())
                .await?;
        rows.into_iter()
            .map(|(role, scope_id)| {
                let role = role.parse::<Role>().map_err(|_| anyhow::anyhow!("unknown role {role} in database"))?;
                Ok(RoleGrant { role, scope_id })
            })
            .collect()
    }

    async fn system_admin_exists(&self) -> StoreResult<bool> {
        // The literal role matches the partial index `role_grants_system_admin`.
        let found: Option<(i32,)> = sqlx::query_as("SELECT 1 FROM role_grants WHERE role = 'SYSTEM_ADMIN' LIMIT 1")
            .fetch_optional(self.reader())
            .await?;
        Ok(found.is_some())
    }

    async fn create_session(&self, token_hash: &str, user_id: Id, expires_at: Timestamp) -> StoreResult<()> {
        let mut tx = self.begin_write().await?;
        let now = self.clock.now();
        // Housekeeping rides along with logins: expired sessions of this user go away.
        sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND expires_at <= $2")
            .bind(user_id)
            .bind(now)
            .execute(&mut *tx)
            .await?;
        sqlx::query("INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)")
            .bind(token_hash)
            .bind(user_id)
            .bind(now)
            .bind(expires_at)
            .execute(&mut *tx)
            .await?;
        self.commit(tx, Place::Nowhere, &[user_id]).await?;
        Ok(())
    }

    async fn session_actors(
        &self,
        token_hashes: &[String],
        now: Timestamp,
    ) -> StoreResult<HashMap<String, (User, Vec<RoleGrant>)>> {
        let mut found = HashMap::new();
        if token_hashes.is_empty() {
            return Ok(found);
        }
        let mut query = QueryBuilder::<Db>::new(
            "SELECT s.token_hash, u.id, u.email, u.display_name, u.locale, g.role, g.scope_id
             FROM sessions s JOIN users u ON u.id = s.user_id LEFT JOIN role_grants g ON g.user_id = u.id
             WHERE u.deactivated_at IS NULL AND s.expires_at > ",
        );
        query.push_bind(now).push(" AND s.token_hash IN ");
        push_padded_list(&mut query, token_hashes);
        query.push(" ORDER BY s.token_hash, g.role");
        type Row = (String, Id, String, String, String, Option<String>, Option<Id>);
        let rows: Vec<Row> = query.build_query_as().fetch_all(self.keyed_reader()).await?;
        for (token_hash, id, email, display_name, locale, role, scope_id) in rows {
            let (_, grants) = found.entry(token_hash).or_insert_with(|| {
                let user = User::from(UserRow {
                    id,
                    email,
                    display_name,
                    locale,
                });
                (user, Vec::new())
            });
            if let Some(role) = role {
                let role = role.parse::<Role>().map_err(|_| anyhow::anyhow!("unknown role {role} in database"))?;
                grants.push(RoleGrant { role, scope_id });
            }
        }
        Ok(found)
    }

    async fn record_session_use(&self, token_hashes: &[String], at: Timestamp) -> StoreResult<()> {
        // In chunks: a bound list stays well under either backend's parameter limit.
        for chunk in token_hashes.chunks(500) {
            let mut tx = self.begin_write().await?;
            let mut query = QueryBuilder::<Db>::new("UPDATE sessions SET last_used_at = ");
            query.push_bind(at).push(" WHERE token_hash IN ");
            push_padded_list(&mut query, chunk);
            query.build().execute(&mut *tx).await?;
            // No event, no audit: a session's use is bookkeeping, not a change anyone follows.
            tx.commit().await?;
        }
        Ok(())
    }

    async fn delete_session(&self, token_hash: &str) -> StoreResult<bool> {
        let mut tx = self.begin_write().await?;
        let done = sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
            .bind(token_hash)
            .execute(&mut *tx)
            .await?;
        self.commit(tx, Place::Nowhere, &[]).await?;
        Ok(done.rows_affected() > 0)
    }

    async fn set_user_locale(&self, user_id: Id, locale: &str) -> StoreResult<Option<User>> {
        let mut tx = self.begin_write().await?;
        let row: Option<UserRow> = sqlx::query_as(
            "UPDATE users SET locale = $1 WHERE id = $2 RETURNING id, email, display_name, locale",
        )
        .bind(locale)
        .bind(user_id)
        .fetch_optional(&mut *tx)
        .await?;
        self.commit(tx, Place::Nowhere, &[user_id]).await?;
        Ok(row.map(User::from))
    }

    async fn guardians_of_family(&self, family_id: Id) -> StoreResult<Vec<User>> {
        let rows: Vec<UserRow> = sqlx::query_as(
            "SELECT u.id, u.email, u.display_name, u.locale
             FROM role_grants g JOIN users u ON u.id = g.user_id
             WHERE g.role = $1 AND g.scope_id = $2
             ORDER BY u.display_name, u.id",
        )
        .bind(Role::Guardian.as_str())
        .bind(family_id)
        .fetch_all(self.reader())
        .await?;
        Ok(rows.into_iter().map(User::from).collect())
    }
}

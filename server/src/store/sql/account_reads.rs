// Accounts through the year, the reads: codes by hash and by nursery, an account's state, its
// password hash and sessions. Shared SQL, included by each backend after `account_work.rs`
// (whose row types these use).

use crate::store::account_work::{AccountReads, SessionInfo};

#[async_trait]
impl AccountReads for DbStore {
    async fn begin_account_work(&self) -> StoreResult<Box<dyn AccountWork>> {
        Ok(Box::new(AccountWorkTx {
            tx: self.begin_write().await?,
            clock: self.clock.clone(),
        }))
    }

    async fn account_code_by_hash(&self, code_hash: &str) -> StoreResult<Option<AccountCode>> {
        let row: Option<AccountCodeRow> = sqlx::query_as(&format!(
            "SELECT {ACCOUNT_CODE_COLUMNS} FROM account_codes WHERE code_hash = $1"
        ))
        .bind(code_hash)
        .fetch_optional(self.reader())
        .await?;
        row.map(AccountCode::try_from).transpose()
    }

    async fn account_code(&self, id: Id) -> StoreResult<Option<AccountCode>> {
        let row: Option<AccountCodeRow> =
            sqlx::query_as(&format!("SELECT {ACCOUNT_CODE_COLUMNS} FROM account_codes WHERE id = $1"))
                .bind(id)
                .fetch_optional(self.reader())
                .await?;
        row.map(AccountCode::try_from).transpose()
    }

    async fn account_codes_of_nursery(&self, nursery_id: Id, limit: i64) -> StoreResult<Vec<AccountCode>> {
        let rows: Vec<AccountCodeRow> = sqlx::query_as(&format!(
            "SELECT {ACCOUNT_CODE_COLUMNS} FROM account_codes WHERE nursery_id = $1
             ORDER BY created_at DESC, id LIMIT $2"
        ))
        .bind(nursery_id)
        .bind(limit)
        .fetch_all(self.reader())
        .await?;
        account_codes(rows)
    }

    async fn account_state(&self, user_id: Id) -> StoreResult<Option<AccountState>> {
        let rows: Vec<AccountStateRow> = sqlx::query_as(
            "SELECT u.id, u.email, u.display_name, u.locale, u.deactivated_at, g.role, g.scope_id
             FROM users u LEFT JOIN role_grants g ON g.user_id = u.id
             WHERE u.id = $1 ORDER BY g.role, g.scope_id",
        )
        .bind(user_id)
        .fetch_all(self.reader())
        .await?;
        Ok(account_states(rows)?.pop())
    }

    async fn password_hash(&self, user_id: Id) -> StoreResult<Option<String>> {
        Ok(sqlx::query_scalar("SELECT password_hash FROM users WHERE id = $1")
            .bind(user_id)
            .fetch_optional(self.reader())
            .await?)
    }

    async fn sessions_of_user(&self, user_id: Id, now: Timestamp) -> StoreResult<Vec<SessionInfo>> {
        let rows: Vec<(String, String, Timestamp, Option<Timestamp>, Timestamp)> = sqlx::query_as(
            "SELECT token_hash, device, created_at, last_used_at, expires_at FROM sessions
             WHERE user_id = $1 AND expires_at > $2 ORDER BY created_at DESC, token_hash",
        )
        .bind(user_id)
        .bind(now)
        .fetch_all(self.reader())
        .await?;
        Ok(rows
            .into_iter()
            .map(|(token_hash, device, created_at, last_used_at, expires_at)| SessionInfo {
                token_hash,
                device,
                created_at,
                last_used_at,
                expires_at,
            })
            .collect())
    }

    async fn email_taken(&self, email: &str) -> StoreResult<bool> {
        let found: Option<(i32,)> = sqlx::query_as("SELECT 1 FROM users WHERE email = $1")
            .bind(email)
            .fetch_optional(self.reader())
            .await?;
        Ok(found.is_some())
    }

    async fn accounts_in_scope(&self, role: Role, scope_id: Id) -> StoreResult<Vec<AccountState>> {
        let rows: Vec<AccountStateRow> = sqlx::query_as(
            "SELECT u.id, u.email, u.display_name, u.locale, u.deactivated_at, g.role, g.scope_id
             FROM users u JOIN role_grants g ON g.user_id = u.id
             WHERE u.id IN (SELECT user_id FROM role_grants WHERE role = $1 AND scope_id = $2)
             ORDER BY u.display_name, u.id, g.role, g.scope_id",
        )
        .bind(role.as_str())
        .bind(scope_id)
        .fetch_all(self.reader())
        .await?;
        account_states(rows)
    }
}

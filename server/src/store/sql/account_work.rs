// Accounts through the year: invitations and reset codes, passwords, sessions, deactivation.
// The service opens a unit of work (`begin_account_work`), runs these statements in it and
// commits. Shared SQL, included by each backend (see store/mod.rs and store/account_work.rs).

use crate::domain::accounts::{AccountCode, CodePurpose};
use crate::store::account_work::{AccountState, AccountWork};

const ACCOUNT_CODE_COLUMNS: &str = "id, purpose, email, display_name, locale, role, scope_id, nursery_id, user_id,
    created_by, created_at, expires_at, used_at, revoked_at";

#[derive(sqlx::FromRow)]
struct AccountCodeRow {
    id: Id,
    purpose: String,
    email: String,
    display_name: String,
    locale: String,
    role: String,
    scope_id: Option<Id>,
    nursery_id: Option<Id>,
    user_id: Option<Id>,
    created_by: Option<Id>,
    created_at: Timestamp,
    expires_at: Timestamp,
    used_at: Option<Timestamp>,
    revoked_at: Option<Timestamp>,
}

impl TryFrom<AccountCodeRow> for AccountCode {
    type Error = StoreError;
    fn try_from(r: AccountCodeRow) -> StoreResult<Self> {
        Ok(AccountCode {
            id: r.id,
            purpose: parse_text_enum::<CodePurpose>(&r.purpose)?,
            email: r.email,
            display_name: r.display_name,
            locale: r.locale,
            role: parse_text_enum::<Role>(&r.role)?,
            scope_id: r.scope_id,
            nursery_id: r.nursery_id,
            user_id: r.user_id,
            created_by: r.created_by,
            created_at: r.created_at,
            expires_at: r.expires_at,
            used_at: r.used_at,
            revoked_at: r.revoked_at,
        })
    }
}

fn account_codes(rows: Vec<AccountCodeRow>) -> StoreResult<Vec<AccountCode>> {
    rows.into_iter().map(AccountCode::try_from).collect()
}

type AccountStateRow = (Id, String, String, String, Option<Timestamp>, Option<String>, Option<Id>);

/// Accounts from rows of (user, one grant), grouped in the order the rows come.
fn account_states(rows: Vec<AccountStateRow>) -> StoreResult<Vec<AccountState>> {
    let mut states: Vec<AccountState> = Vec::new();
    for (id, email, display_name, locale, deactivated_at, role, scope_id) in rows {
        if states.last().is_none_or(|s| s.user.id != id) {
            states.push(AccountState {
                user: User {
                    id,
                    email,
                    display_name,
                    locale,
                },
                deactivated_at,
                grants: Vec::new(),
            });
        }
        if let (Some(role), Some(state)) = (role, states.last_mut()) {
            state.grants.push(RoleGrant {
                role: parse_text_enum::<Role>(&role)?,
                scope_id,
            });
        }
    }
    Ok(states)
}

/// Writes an invitation or reset row (shared by the account and roster units of work).
async fn insert_account_code(
tx: &mut sqlx::Transaction<'static, Db>,
code: &AccountCode,
code_hash: &str,
) -> StoreResult<()> {
    sqlx::query(
        "INSERT INTO account_codes (id, purpose, code_hash, email, display_name, locale, role, scope_id,
            nursery_id, user_id, created_by, created_at, expires_at, used_at, revoked_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)",
    )
    .bind(code.id)
    .bind(code.purpose.as_str())
    .bind(code_hash)
    .bind(&code.email)
    .bind(&code.display_name)
    .bind(&code.locale)
    .bind(code.role.as_str())
    .bind(code.scope_id)
    .bind(code.nursery_id)
    .bind(code.user_id)
    .bind(code.created_by)
    .bind(code.created_at)
    .bind(code.expires_at)
    .bind(code.used_at)
    .bind(code.revoked_at)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// A write transaction of the account lifecycle on this backend.
struct AccountWorkTx {
    tx: sqlx::Transaction<'static, Db>,
    clock: Arc<dyn Clock>,
}

#[async_trait]
impl AccountWork for AccountWorkTx {
    async fn lock_account_code(&mut self, id: Id) -> StoreResult<Option<AccountCode>> {
        let row: Option<AccountCodeRow> = sqlx::query_as(&format!(
            "SELECT {ACCOUNT_CODE_COLUMNS} FROM account_codes WHERE id = $1{FOR_UPDATE}"
        ))
        .bind(id)
        .fetch_optional(&mut *self.tx)
        .await?;
        row.map(AccountCode::try_from).transpose()
    }

    async fn insert_account_code(&mut self, code: &AccountCode, code_hash: &str) -> StoreResult<()> {
        insert_account_code(&mut self.tx, code, code_hash).await
    }

    async fn replace_code(&mut self, id: Id, code_hash: &str, expires_at: Timestamp) -> StoreResult<()> {
        sqlx::query("UPDATE account_codes SET code_hash = $1, expires_at = $2, revoked_at = NULL WHERE id = $3")
            .bind(code_hash)
            .bind(expires_at)
            .bind(id)
            .execute(&mut *self.tx)
            .await?;
        Ok(())
    }

    async fn mark_code_used(&mut self, id: Id, user_id: Id, at: Timestamp) -> StoreResult<()> {
        sqlx::query("UPDATE account_codes SET used_at = $1, user_id = $2 WHERE id = $3")
            .bind(at)
            .bind(user_id)
            .bind(id)
            .execute(&mut *self.tx)
            .await?;
        Ok(())
    }

    async fn mark_code_revoked(&mut self, id: Id, at: Timestamp) -> StoreResult<()> {
        sqlx::query("UPDATE account_codes SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL")
            .bind(at)
            .bind(id)
            .execute(&mut *self.tx)
            .await?;
        Ok(())
    }

    async fn revoke_codes_of_user(&mut self, user_id: Id, at: Timestamp) -> StoreResult<()> {
        sqlx::query(
            "UPDATE account_codes SET revoked_at = $1
             WHERE user_id = $2 AND used_at IS NULL AND revoked_at IS NULL",
        )
        .bind(at)
        .bind(user_id)
        .execute(&mut *self.tx)
        .await?;
        Ok(())
    }

    async fn insert_user(&mut self, user: &User, password_hash: &str) -> StoreResult<()> {
        let inserted = sqlx::query(
            "INSERT INTO users (id, email, display_name, locale, password_hash, created_at)
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(user.id)
        .bind(&user.email)
        .bind(&user.display_name)
        .bind(&user.locale)
        .bind(password_hash)
        .bind(self.clock.now())
        .execute(&mut *self.tx)
        .await;
        match inserted {
            Ok(_) => Ok(()),
            Err(err) => Err(unique_violation_as(err, "a user with this email already exists")),
        }
    }

    async fn insert_grant(&mut self, user_id: Id, grant: &RoleGrant) -> StoreResult<()> {
        let inserted = sqlx::query("INSERT INTO role_grants (user_id, role, scope_id) VALUES ($1, $2, $3)")
            .bind(user_id)
            .bind(grant.role.as_str())
            .bind(grant.scope_id)
            .execute(&mut *self.tx)
            .await;
        match inserted {
            Ok(_) => Ok(()),
            Err(err) => Err(unique_violation_as(err, "the account already has this role there")),
        }
    }

    async fn delete_grant(&mut self, user_id: Id, grant: &RoleGrant) -> StoreResult<bool> {
        let done = sqlx::query("DELETE FROM role_grants WHERE user_id = $1 AND role = $2 AND scope_id = $3")
            .bind(user_id)
            .bind(grant.role.as_str())
            .bind(grant.scope_id)
            .execute(&mut *self.tx)
            .await?;
        Ok(done.rows_affected() > 0)
    }

    async fn set_password_hash(&mut self, user_id: Id, password_hash: &str) -> StoreResult<()> {
        sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
            .bind(password_hash)
            .bind(user_id)
            .execute(&mut *self.tx)
            .await?;
        Ok(())
    }

    async fn set_deactivated(&mut self, user_id: Id, at: Option<Timestamp>) -> StoreResult<()> {
        sqlx::query("UPDATE users SET deactivated_at = $1 WHERE id = $2")
            .bind(at)
            .bind(user_id)
            .execute(&mut *self.tx)
            .await?;
        Ok(())
    }

    async fn set_display_name(&mut self, user_id: Id, display_name: &str) -> StoreResult<()> {
        sqlx::query("UPDATE users SET display_name = $1 WHERE id = $2")
            .bind(display_name)
            .bind(user_id)
            .execute(&mut *self.tx)
            .await?;
        Ok(())
    }

    async fn insert_session(
        &mut self,
        token_hash: &str,
        user_id: Id,
        device: &str,
        now: Timestamp,
        expires_at: Timestamp,
    ) -> StoreResult<()> {
        // Housekeeping rides along with logins: expired sessions of this user go away.
        sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND expires_at <= $2")
            .bind(user_id)
            .bind(now)
            .execute(&mut *self.tx)
            .await?;
        sqlx::query(
            "INSERT INTO sessions (token_hash, user_id, created_at, expires_at, device, last_used_at)
             VALUES ($1, $2, $3, $4, $5, $3)",
        )
        .bind(token_hash)
        .bind(user_id)
        .bind(now)
        .bind(expires_at)
        .bind(device)
        .execute(&mut *self.tx)
        .await?;
        Ok(())
    }

    async fn delete_sessions_of_user(&mut self, user_id: Id, keep: Option<&str>) -> StoreResult<Vec<String>> {
        Ok(sqlx::query_scalar(
            "DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2 RETURNING token_hash",
        )
        .bind(user_id)
        .bind(keep.unwrap_or(""))
        .fetch_all(&mut *self.tx)
        .await?)
    }

    async fn stop_pushes_to(&mut self, user_id: Id, forget_devices: bool) -> StoreResult<()> {
        sqlx::query(
            "UPDATE push_outbox SET status = 'FAILED', last_error = 'access ended', finished_at = $1, lease_until = NULL
             WHERE user_id = $2 AND status = 'PENDING'",
        )
        .bind(self.clock.now())
        .bind(user_id)
        .execute(&mut *self.tx)
        .await?;
        if forget_devices {
            sqlx::query("DELETE FROM push_subscriptions WHERE user_id = $1")
                .bind(user_id)
                .execute(&mut *self.tx)
                .await?;
        }
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

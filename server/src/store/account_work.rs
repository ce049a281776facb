//! The store's side of accounts through the year (invitations, resets, passwords, sessions,
//! deactivation, guardians and staff moving): small statements run inside a unit of work that
//! the service opens, fills and commits. The service decides; these only read and write.
//!
//! The SQL is shared by both backends in `sql/account_work.rs`.

use async_trait::async_trait;

use super::StoreResult;
use crate::audit::NewAuditEntry;
use crate::domain::accounts::AccountCode;
use crate::domain::{Id, RoleGrant, Timestamp, User};

/// An account with what the lifecycle needs beyond `User`.
#[derive(Clone, Debug)]
pub struct AccountState {
    pub user: User,
    pub deactivated_at: Option<Timestamp>,
    pub grants: Vec<RoleGrant>,
}

/// One of a user's sessions, as its owner sees it.
#[derive(Clone, Debug)]
pub struct SessionInfo {
    pub token_hash: String,
    pub device: String,
    pub created_at: Timestamp,
    pub last_used_at: Option<Timestamp>,
    pub expires_at: Timestamp,
}

/// Reads outside any unit of work.
#[async_trait]
pub trait AccountReads {
    /// Opens a write transaction for the service to fill and commit.
    async fn begin_account_work(&self) -> StoreResult<Box<dyn AccountWork>>;
    async fn account_code_by_hash(&self, code_hash: &str) -> StoreResult<Option<AccountCode>>;
    async fn account_code(&self, id: Id) -> StoreResult<Option<AccountCode>>;
    /// A nursery's invitations and resets, newest first, at most `limit`.
    async fn account_codes_of_nursery(&self, nursery_id: Id, limit: i64) -> StoreResult<Vec<AccountCode>>;
    async fn account_state(&self, user_id: Id) -> StoreResult<Option<AccountState>>;
    async fn password_hash(&self, user_id: Id) -> StoreResult<Option<String>>;
    /// The user's unexpired sessions, newest first.
    async fn sessions_of_user(&self, user_id: Id, now: Timestamp) -> StoreResult<Vec<SessionInfo>>;
    /// Whether an account (active or not) has this e-mail address.
    async fn email_taken(&self, email: &str) -> StoreResult<bool>;
    /// The users holding `role` in `scope_id`, with their state.
    async fn accounts_in_scope(&self, role: crate::domain::Role, scope_id: Id) -> StoreResult<Vec<AccountState>>;
}

/// A write transaction of the account lifecycle. Dropped without `commit`, it rolls back.
#[async_trait]
pub trait AccountWork: Send {
    /// The code row, locked against a concurrent use until commit.
    async fn lock_account_code(&mut self, id: Id) -> StoreResult<Option<AccountCode>>;
    async fn insert_account_code(&mut self, code: &AccountCode, code_hash: &str) -> StoreResult<()>;
    /// Gives the row a new code and expiry (the old code stops working).
    async fn replace_code(&mut self, id: Id, code_hash: &str, expires_at: Timestamp) -> StoreResult<()>;
    async fn mark_code_used(&mut self, id: Id, user_id: Id, at: Timestamp) -> StoreResult<()>;
    async fn mark_code_revoked(&mut self, id: Id, at: Timestamp) -> StoreResult<()>;
    /// Revokes the pending codes of `user_id` (a reset issued again, a deactivation).
    async fn revoke_codes_of_user(&mut self, user_id: Id, at: Timestamp) -> StoreResult<()>;
    /// CONFLICT when the e-mail address is taken.
    async fn insert_user(&mut self, user: &User, password_hash: &str) -> StoreResult<()>;
    async fn insert_grant(&mut self, user_id: Id, grant: &RoleGrant) -> StoreResult<()>;
    /// Whether the grant existed.
    async fn delete_grant(&mut self, user_id: Id, grant: &RoleGrant) -> StoreResult<bool>;
    async fn set_password_hash(&mut self, user_id: Id, password_hash: &str) -> StoreResult<()>;
    async fn set_deactivated(&mut self, user_id: Id, at: Option<Timestamp>) -> StoreResult<()>;
    async fn set_display_name(&mut self, user_id: Id, display_name: &str) -> StoreResult<()>;
    async fn insert_session(
        &mut self,
        token_hash: &str,
        user_id: Id,
        device: &str,
        now: Timestamp,
        expires_at: Timestamp,
    ) -> StoreResult<()>;
    /// Deletes the user's sessions, all or all but `keep`; returns the token hashes deleted.
    async fn delete_sessions_of_user(&mut self, user_id: Id, keep: Option<&str>) -> StoreResult<Vec<String>>;
    /// Stops the user's devices from receiving anything: pending notifications are failed and,
    /// with `forget_devices`, the devices are removed.
    async fn stop_pushes_to(&mut self, user_id: Id, forget_devices: bool) -> StoreResult<()>;
    async fn audit(&mut self, entry: &NewAuditEntry) -> StoreResult<()>;
    async fn commit(self: Box<Self>) -> StoreResult<()>;
}

//! What the account services share: who may act on an account (every grant it holds must be
//! the caller's to administer), the audit entry a write plans, and ending sessions at once —
//! on this replica's sockets directly; other replicas' sockets close at their next session
//! read (`auth::live_sessions`).

use super::Services;
use crate::audit::NewAuditEntry;
use crate::domain::accounts::{scope_kind, ScopeKind};
use crate::domain::{AuditAccess, Id, Role, RoleGrant, Scope, Timestamp};
use crate::error::{AppError, AppResult};
use crate::policy::{Action, Actor};
use crate::store::{AccountState, EntityRef};

/// The scope a grant applies in, for the policy; NOT_FOUND when its entity is gone.
pub(super) async fn scope_of_grant(svc: &Services, grant: &RoleGrant) -> AppResult<Scope> {
    let entity = match (scope_kind(grant.role), grant.scope_id) {
        (None, _) | (_, None) => return Ok(Scope::default()),
        (Some(ScopeKind::Municipality), Some(id)) => EntityRef::Municipality(id),
        (Some(ScopeKind::Nursery), Some(id)) => EntityRef::Nursery(id),
        (Some(ScopeKind::Family), Some(id)) => EntityRef::Family(id),
    };
    svc.scope(entity).await
}

/// The scope a role would be granted in at `scope_id`, checked to be of the role's kind:
/// BAD_USER_INPUT for a mismatch; NOT_FOUND for an unknown scope (BAD_USER_INPUT for a
/// SYSTEM_ADMIN, who could act anywhere and so learns nothing from it).
pub(super) async fn grant_scope(actor: &Actor, svc: &Services, role: Role, scope_id: Option<Id>) -> AppResult<Scope> {
    let entity = match (scope_kind(role), scope_id) {
        (None, None) => return Ok(Scope::default()),
        (None, Some(_)) => return Err(AppError::bad_input("scopeId", "SYSTEM_ADMIN takes no scope")),
        (Some(_), None) => return Err(AppError::bad_input("scopeId", "this role needs a scope")),
        (Some(ScopeKind::Municipality), Some(id)) => EntityRef::Municipality(id),
        (Some(ScopeKind::Nursery), Some(id)) => EntityRef::Nursery(id),
        (Some(ScopeKind::Family), Some(id)) => EntityRef::Family(id),
    };
    match svc.store.scope_of(entity).await? {
        Some(scope) => Ok(scope),
        None if actor.has_role(Role::SystemAdmin) => Err(AppError::bad_input("scopeId", "no such scope for this role")),
        None => Err(AppError::NotFound),
    }
}

/// Ok when the caller may perform `action(role)` for every grant the account holds; returns
/// the nursery of the first grant that has one (for the audit trail). An account without
/// grants is SYSTEM_ADMIN's alone; to anyone else it does not exist.
pub(super) async fn authorize_over_account(
    svc: &Services,
    actor: &Actor,
    account: &AccountState,
    action: fn(Role) -> Action,
) -> AppResult<Option<Id>> {
    if account.grants.is_empty() {
        return if actor.has_role(Role::SystemAdmin) {
            Ok(None)
        } else {
            Err(AppError::NotFound)
        };
    }
    let mut nursery = None;
    for grant in &account.grants {
        let scope = scope_of_grant(svc, grant).await?;
        actor.authorize(action(grant.role), &scope)?;
        nursery = nursery.or(scope.nursery);
    }
    Ok(nursery)
}

/// The account, or NOT_FOUND.
pub(super) async fn account(svc: &Services, user_id: Id) -> AppResult<AccountState> {
    svc.store.account_state(user_id).await?.ok_or(AppError::NotFound)
}

/// The audit entry of the running mutation about `entity_ids` in `nursery_id`, written in the
/// same transaction as the change. Outside a request's mutation (a command-line tool) there
/// is nothing to record.
pub(super) fn planned_audit(
    now: Timestamp,
    actor_id: Option<Id>,
    nursery_id: Option<Id>,
    entity_ids: Vec<Id>,
) -> Option<NewAuditEntry> {
    crate::audit::current_write().map(|write| NewAuditEntry {
        at: now,
        actor_id: actor_id.or(write.actor_id),
        access: AuditAccess::Write,
        operation: write.operation,
        nursery_id,
        entity_ids,
        client_addr: write.client_addr,
    })
}

/// Closes this replica's sockets of sessions just deleted (committed).
pub(super) fn end_live_sessions(svc: &Services, token_hashes: &[String]) {
    for hash in token_hashes {
        svc.live_sessions.end_session(hash);
    }
}

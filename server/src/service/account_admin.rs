//! Administering accounts through the year: deactivating and reactivating a staff member or
//! guardian (history kept, access ended at once), removing a guardian from a family, moving a
//! staff member to another nursery, and renaming an account. Access taken away ends at once:
//! the sessions go in the same transaction (HTTP refuses the next request), this replica's
//! sockets close on commit and other replicas' at their next session read, and the devices get
//! nothing more (pending pushes are failed; a deactivated account's devices are forgotten).

use super::account_access::{account, authorize_over_account, end_live_sessions, planned_audit};
use super::Services;
use crate::domain::{validate, Role, RoleGrant, User};
use crate::error::{AppError, AppResult};
use crate::policy::{Action, Actor};
use crate::store::EntityRef;

/// Switches an account off: its sessions end, its devices are forgotten, its unused codes are
/// withdrawn; everything it recorded stays. Deactivating an inactive account changes nothing.
pub async fn deactivate(svc: &Services, actor: &Actor, raw_user: &str) -> AppResult<User> {
    let user_id = validate::id("userId", raw_user)?;
    let target = account(svc, user_id).await?;
    let nursery = authorize_over_account(svc, actor, &target, Action::ManageAccount).await?;
    if user_id == actor.user.id {
        return Err(AppError::bad_input("userId", "you cannot deactivate your own account"));
    }
    let now = svc.clock.now();
    let mut work = svc.store.begin_account_work().await?;
    work.set_deactivated(user_id, Some(target.deactivated_at.unwrap_or(now)))
        .await?;
    let ended = work.delete_sessions_of_user(user_id, None).await?;
    work.stop_pushes_to(user_id, true).await?;
    work.revoke_codes_of_user(user_id, now).await?;
    if let Some(entry) = planned_audit(svc.clock.now(), None, nursery, vec![user_id]) {
        work.audit(&entry).await?;
    }
    work.commit().await?;
    end_live_sessions(svc, &ended);
    tracing::info!(user = %user_id, by = %actor.user.id, "account deactivated");
    Ok(target.user)
}

/// Switches an account on again: the person signs in with their password as before.
pub async fn reactivate(svc: &Services, actor: &Actor, raw_user: &str) -> AppResult<User> {
    let user_id = validate::id("userId", raw_user)?;
    let target = account(svc, user_id).await?;
    let nursery = authorize_over_account(svc, actor, &target, Action::ManageAccount).await?;
    let mut work = svc.store.begin_account_work().await?;
    work.set_deactivated(user_id, None).await?;
    if let Some(entry) = planned_audit(svc.clock.now(), None, nursery, vec![user_id]) {
        work.audit(&entry).await?;
    }
    work.commit().await?;
    Ok(target.user)
}

/// Takes a guardian off a family's account: they see nothing of its children from now on.
/// Their sessions end (they may still be a guardian elsewhere, and sign in again for that).
pub async fn remove_guardian(svc: &Services, actor: &Actor, raw_family: &str, raw_user: &str) -> AppResult<bool> {
    let family_id = validate::id("familyId", raw_family)?;
    let user_id = validate::id("userId", raw_user)?;
    let scope = svc.scope(EntityRef::Family(family_id)).await?;
    actor.authorize(Action::ManageAccount(Role::Guardian), &scope)?;
    let grant = RoleGrant {
        role: Role::Guardian,
        scope_id: Some(family_id),
    };
    let mut work = svc.store.begin_account_work().await?;
    if !work.delete_grant(user_id, &grant).await? {
        return Err(AppError::NotFound);
    }
    let ended = work.delete_sessions_of_user(user_id, None).await?;
    work.stop_pushes_to(user_id, false).await?;
    if let Some(entry) = planned_audit(svc.clock.now(), None, scope.nursery, vec![family_id, user_id]) {
        work.audit(&entry).await?;
    }
    work.commit().await?;
    end_live_sessions(svc, &ended);
    tracing::info!(user = %user_id, family = %family_id, by = %actor.user.id, "guardian removed");
    Ok(true)
}

/// Moves a staff member from one nursery to another: the grant changes in one transaction,
/// and sockets opened with the old grant close (the session watcher sees the grant gone).
pub async fn move_staff(
    svc: &Services,
    actor: &Actor,
    raw_user: &str,
    raw_from: &str,
    raw_to: &str,
) -> AppResult<User> {
    let user_id = validate::id("userId", raw_user)?;
    let from = validate::id("fromNurseryId", raw_from)?;
    let to = validate::id("toNurseryId", raw_to)?;
    let from_scope = svc.scope(EntityRef::Nursery(from)).await?;
    actor.authorize(Action::ManageAccount(Role::Staff), &from_scope)?;
    let to_scope = svc.scope(EntityRef::Nursery(to)).await?;
    actor.authorize(Action::ManageAccount(Role::Staff), &to_scope)?;
    if from == to {
        return Err(AppError::bad_input(
            "toNurseryId",
            "the staff member is already at this nursery",
        ));
    }
    let target = account(svc, user_id).await?;
    let old = RoleGrant {
        role: Role::Staff,
        scope_id: Some(from),
    };
    if !target.grants.contains(&old) {
        return Err(AppError::NotFound);
    }
    let mut work = svc.store.begin_account_work().await?;
    work.delete_grant(user_id, &old).await?;
    work.insert_grant(
        user_id,
        &RoleGrant {
            role: Role::Staff,
            scope_id: Some(to),
        },
    )
    .await?;
    if let Some(entry) = planned_audit(svc.clock.now(), None, Some(from), vec![user_id, from, to]) {
        work.audit(&entry).await?;
    }
    work.commit().await?;
    // This replica's sockets see the change at once rather than at the next interval.
    if let Err(error) = svc.live_sessions.revalidate(svc.store.as_ref(), svc.clock.now()).await {
        tracing::warn!(%error, "could not revalidate open sockets after a move");
    }
    Ok(target.user)
}

/// Renames an account: the user themself, or whoever administers it.
pub async fn rename(svc: &Services, actor: &Actor, raw_user: &str, raw_name: &str) -> AppResult<User> {
    let user_id = validate::id("userId", raw_user)?;
    let display_name = validate::name("displayName", raw_name)?;
    let target = account(svc, user_id).await?;
    let nursery = if user_id == actor.user.id {
        actor.authorize_own(Action::ManageOwnAccount)?;
        None
    } else {
        authorize_over_account(svc, actor, &target, Action::ManageAccount).await?
    };
    let mut work = svc.store.begin_account_work().await?;
    work.set_display_name(user_id, &display_name).await?;
    if let Some(entry) = planned_audit(svc.clock.now(), None, nursery, vec![user_id]) {
        work.audit(&entry).await?;
    }
    work.commit().await?;
    Ok(User {
        display_name,
        ..target.user
    })
}

//! What every signed-in user does with their own account: change their password (which ends
//! their other sessions), see where they are signed in, and end one session or all the others.
//! Ended sessions stop working at once over HTTP, and their sockets close at once on this
//! replica (within the revalidation interval on others).

use super::account_access::{end_live_sessions, planned_audit};
use super::Services;
use crate::auth::token;
use crate::domain::accounts::session_public_id;
use crate::domain::validate;
use crate::error::{AppError, AppResult};
use crate::policy::{Action, Actor};
use crate::store::SessionInfo;

/// One of the caller's sessions.
pub struct OwnSession {
    pub id: String,
    pub info: SessionInfo,
    pub current: bool,
}

/// The session the request runs on, by its token hash.
pub fn current_session(authorization: Option<&str>) -> Option<String> {
    authorization.and_then(token::from_authorization).map(token::hash)
}

/// Sets a new password, knowing the current one; every other session of the account ends.
pub async fn change_password(
    svc: &Services,
    actor: &Actor,
    current_session: Option<&str>,
    current_password: &str,
    new_password: &str,
) -> AppResult<()> {
    actor.authorize_own(Action::ManageOwnAccount)?;
    // Guessing the current password from a stolen session is throttled like a login.
    svc.login_limiter.check(&actor.user.email, None)?;
    let stored = svc.store.password_hash(actor.user.id).await?;
    let too_long = current_password.chars().count() > validate::MAX_PASSWORD_CHARS;
    if too_long || !svc.passwords.verify(current_password, stored.as_deref()).await? {
        return Err(AppError::bad_input(
            "currentPassword",
            "the current password is not right",
        ));
    }
    if new_password == current_password {
        return Err(AppError::bad_input(
            "newPassword",
            "the new password is the same as the current one",
        ));
    }
    validate::new_password("newPassword", new_password, &actor.user.email, &actor.user.display_name)?;
    let password_hash = svc.passwords.hash(new_password).await?;
    let mut work = svc.store.begin_account_work().await?;
    work.set_password_hash(actor.user.id, &password_hash).await?;
    let ended = work.delete_sessions_of_user(actor.user.id, current_session).await?;
    if let Some(entry) = planned_audit(svc.clock.now(), None, None, vec![actor.user.id]) {
        work.audit(&entry).await?;
    }
    work.commit().await?;
    end_live_sessions(svc, &ended);
    tracing::info!(user = %actor.user.id, ended = ended.len(), "password changed");
    Ok(())
}

/// The caller's live sessions, newest first, the current one marked.
pub async fn sessions(svc: &Services, actor: &Actor, current_session: Option<&str>) -> AppResult<Vec<OwnSession>> {
    actor.authorize_own(Action::ManageOwnAccount)?;
    let sessions = svc.store.sessions_of_user(actor.user.id, svc.clock.now()).await?;
    Ok(sessions
        .into_iter()
        .map(|info| OwnSession {
            id: session_public_id(&info.token_hash),
            current: current_session == Some(info.token_hash.as_str()),
            info,
        })
        .collect())
}

/// Ends one of the caller's sessions by its id; NOT_FOUND for anything else.
pub async fn end_session(svc: &Services, actor: &Actor, session_id: &str) -> AppResult<bool> {
    actor.authorize_own(Action::ManageOwnAccount)?;
    let sessions = svc.store.sessions_of_user(actor.user.id, svc.clock.now()).await?;
    let target = sessions
        .into_iter()
        .find(|s| session_public_id(&s.token_hash) == session_id)
        .ok_or(AppError::NotFound)?;
    let ended = svc.store.delete_session(&target.token_hash).await?;
    svc.live_sessions.end_session(&target.token_hash);
    Ok(ended)
}

/// Ends every session of the caller but this one; answers how many ended.
pub async fn end_other_sessions(svc: &Services, actor: &Actor, current_session: Option<&str>) -> AppResult<i32> {
    actor.authorize_own(Action::ManageOwnAccount)?;
    let current = current_session.ok_or(AppError::Unauthenticated)?;
    let mut work = svc.store.begin_account_work().await?;
    let ended = work.delete_sessions_of_user(actor.user.id, Some(current)).await?;
    if let Some(entry) = planned_audit(svc.clock.now(), None, None, vec![actor.user.id]) {
        work.audit(&entry).await?;
    }
    work.commit().await?;
    end_live_sessions(svc, &ended);
    Ok(i32::try_from(ended.len()).unwrap_or(i32::MAX))
}

//! Logging in and out, creating accounts, and the bootstrap SYSTEM_ADMIN.

use std::net::IpAddr;

use super::Services;
use crate::auth::token;
use crate::domain::{validate, Id, Role, RoleGrant, Scope, StoredText, Timestamp, User};
use crate::error::{AppError, AppResult};
use crate::policy::{Action, Actor};
use crate::store::{EntityRef, NewUser};

pub struct Login {
    pub token: String,
    pub user: User,
    pub expires_at: Timestamp,
}

/// Signs in; `device` is the client's `User-Agent`, kept (shortened) so the user can tell
/// their sessions apart.
pub async fn login(
    svc: &Services,
    email: &str,
    password: &str,
    client: Option<IpAddr>,
    device: &str,
) -> AppResult<Login> {
    let email = email.trim().to_lowercase();
    svc.login_limiter.check(&email, client)?;
    let found = if password.len() > validate::MAX_PASSWORD_CHARS * 4 {
        None
    } else {
        svc.store.user_credentials(&email).await?
    };
    let ok = svc
        .passwords
        .verify(password, found.as_ref().map(|(_, hash)| hash.as_str()))
        .await?;
    let user = match (ok, found) {
        (true, Some((user, _))) => user,
        _ => return Err(AppError::Unauthenticated),
    };
    svc.login_limiter.succeeded(&email, client);
    let token = token::generate();
    let now = svc.clock.now();
    let expires_at = Timestamp(now.0 + svc.config.session_ttl());
    let mut work = svc.store.begin_account_work().await?;
    work.insert_session(&token::hash(&token), user.id, device, now, expires_at)
        .await?;
    // The login is audited as the user's own act (the request had no caller yet).
    if let Some(entry) = super::account_access::planned_audit(svc.clock.now(), Some(user.id), None, vec![user.id]) {
        work.audit(&entry).await?;
    }
    work.commit().await?;
    tracing::info!(user = %user.id, "login");
    Ok(Login {
        token,
        user,
        expires_at,
    })
}

/// Ends the session of `bearer`; true when there was one.
pub async fn logout(svc: &Services, bearer: &str) -> AppResult<bool> {
    let token = token::from_authorization(bearer).ok_or(AppError::Unauthenticated)?;
    let token_hash = token::hash(token);
    let ended = svc.store.delete_session(&token_hash).await?;
    // This replica's sockets on the session close at once; other replicas' at their next
    // revalidation.
    svc.live_sessions.end_session(&token_hash);
    Ok(ended)
}

/// The languages the app speaks; the account keeps the user's choice.
pub const LOCALES: &[&str] = &["ja", "en"];

/// Switches the caller's own language (every signed-in user may change their own account).
pub async fn set_locale(svc: &Services, actor: &Actor, locale: &str) -> AppResult<User> {
    if !LOCALES.contains(&locale) {
        return Err(AppError::bad_input("locale", "locale is \"ja\" or \"en\""));
    }
    svc.store
        .set_user_locale(actor.user.id, locale)
        .await?
        .ok_or(AppError::NotFound)
}

pub struct NewAccount<'a> {
    pub email: &'a str,
    pub password: &'a str,
    pub display_name: &'a str,
    pub role: Role,
    pub scope_id: Option<&'a str>,
}

pub async fn create_user(svc: &Services, actor: &Actor, input: NewAccount<'_>) -> AppResult<User> {
    let scope_id = input.scope_id.map(|raw| validate::id("scopeId", raw)).transpose()?;
    // The scope a role is granted in must be of the role's kind; authorization is decided on it.
    let target = match (input.role, scope_id) {
        (Role::SystemAdmin, None) => None,
        (Role::SystemAdmin, Some(_)) => {
            return Err(AppError::bad_input("scopeId", "SYSTEM_ADMIN takes no scope"));
        }
        (_, None) => return Err(AppError::bad_input("scopeId", "this role needs a scope")),
        (Role::MunicipalOfficer, Some(id)) => Some(EntityRef::Municipality(id)),
        (Role::NurseryAdmin | Role::Staff, Some(id)) => Some(EntityRef::Nursery(id)),
        (Role::Guardian, Some(id)) => Some(EntityRef::Family(id)),
    };
    let action = Action::CreateUser(input.role);
    match target {
        Some(entity) => {
            let scope = svc.store.scope_of(entity).await?;
            match scope {
                Some(scope) => actor.authorize(action, &scope)?,
                // A scope that does not exist is the caller's input error only for those who
                // could create users at all; others learn nothing.
                None if actor.has_role(Role::SystemAdmin) => {
                    return Err(AppError::bad_input("scopeId", "no such scope for this role"));
                }
                None => return Err(AppError::NotFound),
            }
        }
        None => actor.authorize_global(action)?,
    }
    let email = validate::email("email", input.email)?;
    let display_name = validate::name("displayName", input.display_name)?;
    validate::new_password("password", input.password, &email, &display_name)?;
    let password_hash = svc.passwords.hash(input.password).await?;
    let user = svc
        .store
        .create_user(NewUser {
            id: Id::new(),
            email,
            display_name,
            locale: "ja-JP".into(),
            password_hash,
            grant: Some(RoleGrant {
                role: input.role,
                scope_id,
            }),
        })
        .await?;
    tracing::info!(user = %user.id, role = input.role.as_str(), by = %actor.user.id, "user created");
    Ok(user)
}

/// The account's e-mail address when the caller may see it (the policy's `may_read_email`),
/// else nothing. Only callers who administer accounts cost a look-up of the account's grants.
pub async fn visible_email(svc: &Services, caller: Option<&Actor>, account: &User) -> AppResult<Option<String>> {
    let Some(caller) = caller else {
        return Ok(None);
    };
    if caller.user.id != account.id && !caller.administers_accounts() {
        return Ok(None);
    }
    let mut grants = Vec::new();
    if caller.user.id != account.id {
        for grant in svc.store.grants(account.id).await? {
            let entity = match (grant.role, grant.scope_id) {
                (_, None) => None,
                (Role::SystemAdmin | Role::MunicipalOfficer, Some(id)) => Some(EntityRef::Municipality(id)),
                (Role::NurseryAdmin | Role::Staff, Some(id)) => Some(EntityRef::Nursery(id)),
                (Role::Guardian, Some(id)) => Some(EntityRef::Family(id)),
            };
            let scope = match entity {
                Some(entity) => svc.store.scope_of(entity).await?.unwrap_or_default(),
                None => Scope::default(),
            };
            grants.push((grant.role, scope));
        }
    }
    Ok(caller
        .may_read_email(account.id, &grants)
        .then(|| account.email.clone()))
}

const BOOTSTRAP_ADMIN_NAME: &str = "System administrator";

/// Creates the first SYSTEM_ADMIN from BOOTSTRAP_ADMIN_EMAIL/PASSWORD when none exists.
pub async fn bootstrap_admin(svc: &Services) -> anyhow::Result<()> {
    let (Some(email), Some(password)) = (&svc.config.bootstrap_admin_email, &svc.config.bootstrap_admin_password)
    else {
        return Ok(());
    };
    if svc.store.system_admin_exists().await? {
        return Ok(());
    }
    let email = validate::email("email", email).map_err(|e| anyhow::anyhow!("BOOTSTRAP_ADMIN_EMAIL: {e}"))?;
    // The first administrator's password meets the rule every other account's does; a weak one
    // stops the start with the reason, rather than creating an account anyone could guess.
    validate::new_password("password", password, &email, BOOTSTRAP_ADMIN_NAME)
        .map_err(|e| anyhow::anyhow!("BOOTSTRAP_ADMIN_PASSWORD is refused: {e}"))?;
    let password_hash = svc.passwords.hash(password).await.map_err(|e| anyhow::anyhow!("{e}"))?;
    let created = svc
        .store
        .create_user(NewUser {
            id: Id::new(),
            email: email.clone(),
            display_name: BOOTSTRAP_ADMIN_NAME.into(),
            locale: "ja-JP".into(),
            password_hash,
            grant: Some(RoleGrant {
                role: Role::SystemAdmin,
                scope_id: None,
            }),
        })
        .await;
    match created {
        Ok(_) => tracing::info!(%email, "bootstrap SYSTEM_ADMIN created"),
        // Another replica starting at the same moment created it first.
        Err(crate::store::StoreError::Conflict(_)) => {}
        Err(err) => return Err(err.into()),
    }
    Ok(())
}

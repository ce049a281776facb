//! Logging in and out, creating accounts, and the bootstrap SYSTEM_ADMIN.

use std::net::IpAddr;

use super::Services;
use crate::auth::token;
use crate::domain::{validate, Id, Role, RoleGrant, Timestamp, User};
use crate::error::{AppError, AppResult};
use crate::policy::{Action, Actor};
use crate::store::{EntityRef, NewUser};

pub struct Login {
    pub token: String,
    pub user: User,
    pub expires_at: Timestamp,
}

pub async fn login(svc: &Services, email: &str, password: &str, client: Option<IpAddr>) -> AppResult<Login> {
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
    let token = token::generate();
    let expires_at = Timestamp(Timestamp::now().0 + svc.config.session_ttl());
    svc.store
        .create_session(&token::hash(&token), user.id, expires_at)
        .await?;
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
    Ok(svc.store.delete_session(&token::hash(token)).await?)
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
    validate::new_password("password", input.password)?;
    let display_name = validate::name("displayName", input.display_name)?;
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
    validate::new_password("password", password).map_err(|e| anyhow::anyhow!("BOOTSTRAP_ADMIN_PASSWORD: {e}"))?;
    let password_hash = svc.passwords.hash(password).await.map_err(|e| anyhow::anyhow!("{e}"))?;
    let created = svc
        .store
        .create_user(NewUser {
            id: Id::new(),
            email: email.clone(),
            display_name: "System administrator".into(),
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

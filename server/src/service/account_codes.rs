//! Invitations and password resets: a one-time code handed on paper (or by e-mail when SMTP is
//! configured) with which a person chooses their own password. Staff never know a parent's
//! password. Using a code creates the invited account (or sets the new password, ending every
//! session of the account) and signs the person in.
//!
//! An unknown, used, revoked or expired code is one answer, BAD_USER_INPUT on `code`: it says
//! nothing about which, nor about any e-mail address. Attempts are throttled per client
//! address like logins.

use std::net::IpAddr;

use super::account_access::{account, authorize_over_account, end_live_sessions, grant_scope, planned_audit};
use super::accounts::{Login, LOCALES};
use super::Services;
use crate::auth::token;
use crate::domain::accounts::{self, AccountCode, CodePurpose};
use crate::domain::{validate, Id, Role, RoleGrant, StoredText, Timestamp, User};
use crate::error::{AppError, AppResult};
use crate::policy::{Action, Actor};

/// A code just made: shown once, never stored.
pub struct IssuedCode {
    pub code: String,
    pub record: AccountCode,
}

const INVALID_CODE: &str =
    "this code is not valid: it may be mistyped, already used, withdrawn or expired; ask the nursery for a new one";

pub struct Invitation<'a> {
    pub email: &'a str,
    pub display_name: &'a str,
    pub role: Role,
    pub scope_id: Option<&'a str>,
    pub locale: Option<&'a str>,
}

fn locale(raw: Option<&str>) -> AppResult<String> {
    match raw {
        None => Ok("ja".to_owned()),
        Some(l) if LOCALES.contains(&l) => Ok(l.to_owned()),
        Some(_) => Err(AppError::bad_input("locale", "locale is \"ja\" or \"en\"")),
    }
}

/// Invites a person to hold `role` in the scope; the code is in the answer only.
pub async fn invite(svc: &Services, actor: &Actor, input: Invitation<'_>) -> AppResult<IssuedCode> {
    let scope_id = input.scope_id.map(|raw| validate::id("scopeId", raw)).transpose()?;
    let scope = grant_scope(actor, svc, input.role, scope_id).await?;
    if scope_id.is_some() {
        actor.authorize(Action::InviteUser(input.role), &scope)?;
    } else {
        actor.authorize_global(Action::InviteUser(input.role))?;
    }
    let email = validate::email("email", input.email)?;
    let display_name = validate::name("displayName", input.display_name)?;
    let locale = locale(input.locale)?;
    if svc.store.email_taken(&email).await? {
        return Err(AppError::conflict("an account with this e-mail address already exists"));
    }
    let now = svc.clock.now();
    let record = AccountCode {
        id: Id::new(),
        purpose: CodePurpose::Invitation,
        email,
        display_name,
        locale,
        role: input.role,
        scope_id,
        nursery_id: scope.nursery,
        user_id: None,
        created_by: Some(actor.user.id),
        created_at: now,
        expires_at: accounts::code_expiry(now, svc.config.account_code_ttl_days),
        used_at: None,
        revoked_at: None,
    };
    issue(svc, record).await
}

/// Writes a new code row with its audit entry.
async fn issue(svc: &Services, record: AccountCode) -> AppResult<IssuedCode> {
    let code = accounts::generate_code();
    let symbols =
        accounts::normalize_code(&code).ok_or_else(|| AppError::Internal(anyhow::anyhow!("made a bad code")))?;
    let mut work = svc.store.begin_account_work().await?;
    if let Some(user_id) = record.user_id {
        // One reset code at a time per account: a new one withdraws the old.
        work.revoke_codes_of_user(user_id, record.created_at).await?;
    }
    work.insert_account_code(&record, &accounts::code_hash(&symbols))
        .await?;
    let entities = [Some(record.id), record.user_id].into_iter().flatten().collect();
    if let Some(entry) = planned_audit(svc.clock.now(), None, record.nursery_id, entities) {
        work.audit(&entry).await?;
    }
    work.commit().await?;
    super::account_mail::send_code(svc, &record, &code);
    Ok(IssuedCode { code, record })
}

/// The code row, for those who administer its account (else NOT_FOUND).
async fn managed_code(svc: &Services, actor: &Actor, raw_id: &str) -> AppResult<AccountCode> {
    let id = validate::id("id", raw_id)?;
    let record = svc.store.account_code(id).await?.ok_or(AppError::NotFound)?;
    let scope = grant_scope(actor, svc, record.role, record.scope_id)
        .await
        .map_err(|_| AppError::NotFound)?;
    actor.authorize(Action::ManageAccount(record.role), &scope)?;
    Ok(record)
}

/// A new code (and a new expiry) for an invitation or reset not yet used; the old code stops.
pub async fn reissue(svc: &Services, actor: &Actor, raw_id: &str) -> AppResult<IssuedCode> {
    let record = managed_code(svc, actor, raw_id).await?;
    let code = accounts::generate_code();
    let symbols =
        accounts::normalize_code(&code).ok_or_else(|| AppError::Internal(anyhow::anyhow!("made a bad code")))?;
    let now = svc.clock.now();
    let expires_at = accounts::code_expiry(now, svc.config.account_code_ttl_days);
    let mut work = svc.store.begin_account_work().await?;
    let locked = work.lock_account_code(record.id).await?.ok_or(AppError::NotFound)?;
    if !locked.reissuable() {
        return Err(AppError::conflict("this code was already used"));
    }
    work.replace_code(record.id, &accounts::code_hash(&symbols), expires_at)
        .await?;
    if let Some(entry) = planned_audit(svc.clock.now(), None, record.nursery_id, vec![record.id]) {
        work.audit(&entry).await?;
    }
    work.commit().await?;
    let record = AccountCode {
        expires_at,
        revoked_at: None,
        ..locked
    };
    super::account_mail::send_code(svc, &record, &code);
    Ok(IssuedCode { code, record })
}

/// Withdraws a code; using it is refused from now on. Revoking twice is harmless.
pub async fn revoke(svc: &Services, actor: &Actor, raw_id: &str) -> AppResult<AccountCode> {
    let record = managed_code(svc, actor, raw_id).await?;
    let now = svc.clock.now();
    let mut work = svc.store.begin_account_work().await?;
    let locked = work.lock_account_code(record.id).await?.ok_or(AppError::NotFound)?;
    if locked.used_at.is_some() {
        return Err(AppError::conflict("this code was already used"));
    }
    work.mark_code_revoked(record.id, now).await?;
    if let Some(entry) = planned_audit(svc.clock.now(), None, record.nursery_id, vec![record.id]) {
        work.audit(&entry).await?;
    }
    work.commit().await?;
    Ok(AccountCode {
        revoked_at: locked.revoked_at.or(Some(now)),
        ..locked
    })
}

/// A nursery's invitations and resets, newest first.
pub async fn of_nursery(svc: &Services, actor: &Actor, raw_nursery: &str) -> AppResult<Vec<AccountCode>> {
    let nursery_id = validate::id("nurseryId", raw_nursery)?;
    let scope = svc.scope(crate::store::EntityRef::Nursery(nursery_id)).await?;
    actor.authorize(Action::ListAccounts, &scope)?;
    Ok(svc.store.account_codes_of_nursery(nursery_id, 500).await?)
}

/// A reset code for an existing account, issued by whoever administers every grant it holds
/// (a nursery head for their staff and guardians; SYSTEM_ADMIN for anyone).
pub async fn issue_reset(svc: &Services, actor: &Actor, raw_user: &str) -> AppResult<IssuedCode> {
    let user_id = validate::id("userId", raw_user)?;
    let target = account(svc, user_id).await?;
    let nursery_id = authorize_over_account(svc, actor, &target, Action::ManageAccount).await?;
    let grant = target.grants.first().cloned().unwrap_or(RoleGrant {
        role: Role::SystemAdmin,
        scope_id: None,
    });
    let now = svc.clock.now();
    let record = AccountCode {
        id: Id::new(),
        purpose: CodePurpose::Reset,
        email: target.user.email.clone(),
        display_name: target.user.display_name.clone(),
        locale: target.user.locale.clone(),
        role: grant.role,
        scope_id: grant.scope_id,
        nursery_id,
        user_id: Some(user_id),
        created_by: Some(actor.user.id),
        created_at: now,
        expires_at: accounts::code_expiry(now, svc.config.account_code_ttl_days),
        used_at: None,
        revoked_at: None,
    };
    issue(svc, record).await
}

/// Uses a code: the invited account is created (or the reset account gets its new password,
/// and every earlier session of it ends), and the person is signed in.
pub async fn activate(
    svc: &Services,
    typed_code: &str,
    password: &str,
    client: Option<IpAddr>,
    device: &str,
) -> AppResult<Login> {
    let address = client.map(|ip| ip.to_string()).unwrap_or_default();
    svc.activation_limiter.check(&format!("activation {address}"), client)?;
    let invalid = || AppError::bad_input("code", INVALID_CODE);
    let symbols = accounts::normalize_code(typed_code).ok_or_else(invalid)?;
    let now = svc.clock.now();
    let record = svc
        .store
        .account_code_by_hash(&accounts::code_hash(&symbols))
        .await?
        .filter(|record| record.usable(now))
        .ok_or_else(invalid)?;
    if password.chars().count() > validate::MAX_PASSWORD_CHARS {
        return Err(AppError::bad_input("password", "the password is too long"));
    }
    validate::new_password("password", password, &record.email, &record.display_name)?;
    let password_hash = svc.passwords.hash(password).await?;

    let mut work = svc.store.begin_account_work().await?;
    // Two uses racing: the row is locked, and only one sees it still usable.
    let record = work
        .lock_account_code(record.id)
        .await?
        .filter(|locked| locked.usable(now))
        .ok_or_else(invalid)?;
    let (user, ended) = match record.purpose {
        CodePurpose::Invitation => {
            let user = User {
                id: Id::new(),
                email: record.email.clone(),
                display_name: record.display_name.clone(),
                locale: record.locale.clone(),
            };
            work.insert_user(&user, &password_hash).await?;
            let grant = RoleGrant {
                role: record.role,
                scope_id: record.scope_id,
            };
            work.insert_grant(user.id, &grant).await?;
            (user, Vec::new())
        }
        CodePurpose::Reset => {
            let user_id = record.user_id.ok_or_else(invalid)?;
            let target = account(svc, user_id).await?;
            if target.deactivated_at.is_some() {
                return Err(invalid());
            }
            work.set_password_hash(user_id, &password_hash).await?;
            let ended = work.delete_sessions_of_user(user_id, None).await?;
            (target.user, ended)
        }
    };
    work.mark_code_used(record.id, user.id, now).await?;
    let session_token = token::generate();
    let expires_at = Timestamp(now.0 + svc.config.session_ttl());
    work.insert_session(&token::hash(&session_token), user.id, device, now, expires_at)
        .await?;
    if let Some(entry) = planned_audit(
        svc.clock.now(),
        Some(user.id),
        record.nursery_id,
        vec![record.id, user.id],
    ) {
        work.audit(&entry).await?;
    }
    work.commit().await?;
    end_live_sessions(svc, &ended);
    tracing::info!(user = %user.id, purpose = record.purpose.as_str(), "account code used");
    Ok(Login {
        token: session_token,
        user,
        expires_at,
    })
}

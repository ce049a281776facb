//! Accounts through the year over GraphQL: invitations and reset codes (with their letter's QR
//! code), activation, one's own password and sessions, and administering accounts. Thin: each
//! resolver hands its input to a service.

use async_graphql::{Context, Object, Result, ID};

use super::account_types::{AuthPayload, UserObject};
use super::scalars::GqlDateTime;
use super::{actor, request, services};
use crate::domain::account_letter;
use crate::domain::accounts::{AccountCode, CodePurpose, CodeStatus};
use crate::domain::Role;
use crate::service::own_account::{current_session, OwnSession};
use crate::service::{account_admin, account_codes, own_account};

pub struct AccountCodeObject(pub AccountCode);

/// An invitation or a password reset. Its code is shown only once, when it is issued.
#[Object(name = "AccountCode")]
impl AccountCodeObject {
    async fn id(&self) -> ID {
        self.0.id.into()
    }
    async fn purpose(&self) -> CodePurpose {
        self.0.purpose
    }
    async fn email(&self) -> &str {
        &self.0.email
    }
    async fn display_name(&self) -> &str {
        &self.0.display_name
    }
    async fn role(&self) -> Role {
        self.0.role
    }
    /// The nursery, family or municipality the role is granted in.
    async fn scope_id(&self) -> Option<ID> {
        self.0.scope_id.map(ID::from)
    }
    /// The account it created (invitations, once used) or resets.
    async fn user_id(&self) -> Option<ID> {
        self.0.user_id.map(ID::from)
    }
    async fn status(&self, ctx: &Context<'_>) -> CodeStatus {
        self.0.status(super::services(ctx).clock.now())
    }
    async fn created_at(&self) -> GqlDateTime {
        self.0.created_at.into()
    }
    async fn expires_at(&self) -> GqlDateTime {
        self.0.expires_at.into()
    }
}

/// A code just issued, for the letter: shown now and never again.
pub struct IssuedCodeObject(pub account_codes::IssuedCode);

#[Object(name = "IssuedCode")]
impl IssuedCodeObject {
    /// `ABCD-EFGH-JKMN-PQRS-TVWX`: typed on the activation screen.
    async fn code(&self) -> &str {
        &self.0.code
    }
    async fn account_code(&self) -> AccountCodeObject {
        AccountCodeObject(self.0.record.clone())
    }
    /// The activation screen's address with the code, at the app's `origin`.
    async fn activation_link(&self, origin: String) -> Result<String> {
        Ok(account_letter::activation_link(&origin, &self.0.code)?)
    }
    /// The activation link as a QR code (an SVG document) for the printed letter.
    async fn qr_svg(&self, origin: String) -> Result<String> {
        let link = account_letter::activation_link(&origin, &self.0.code)?;
        Ok(account_letter::qr_svg(&link)?)
    }
}

pub struct SessionObject(pub OwnSession);

/// Where the user is signed in.
#[Object(name = "Session")]
impl SessionObject {
    async fn id(&self) -> ID {
        ID(self.0.id.clone())
    }
    /// "Chrome on Android", from the browser that signed in.
    async fn device(&self) -> &str {
        &self.0.info.device
    }
    async fn created_at(&self) -> GqlDateTime {
        self.0.info.created_at.into()
    }
    async fn last_used_at(&self) -> Option<GqlDateTime> {
        self.0.info.last_used_at.map(Into::into)
    }
    async fn expires_at(&self) -> GqlDateTime {
        self.0.info.expires_at.into()
    }
    /// The session this request runs on.
    async fn current(&self) -> bool {
        self.0.current
    }
}

fn this_session(ctx: &Context<'_>) -> Option<String> {
    current_session(request(ctx).and_then(|r| r.authorization.as_deref()))
}

#[derive(Default)]
pub struct AccountQuery;

#[Object]
impl AccountQuery {
    /// The caller's sessions, newest first.
    async fn my_sessions(&self, ctx: &Context<'_>) -> Result<Vec<SessionObject>> {
        let sessions = own_account::sessions(services(ctx), actor(ctx)?, this_session(ctx).as_deref()).await?;
        Ok(sessions.into_iter().map(SessionObject).collect())
    }

    /// A nursery's invitations and password resets, newest first (its head, SYSTEM_ADMIN).
    async fn account_codes(&self, ctx: &Context<'_>, nursery_id: ID) -> Result<Vec<AccountCodeObject>> {
        let codes = account_codes::of_nursery(services(ctx), actor(ctx)?, &nursery_id).await?;
        Ok(codes.into_iter().map(AccountCodeObject).collect())
    }
}

#[derive(async_graphql::InputObject)]
pub struct InviteUserInput {
    pub email: String,
    pub display_name: String,
    pub role: Role,
    /// The municipality (officers), nursery (heads, staff) or family (guardians).
    pub scope_id: Option<ID>,
    /// "ja" (default) or "en": the language of the letter and of the account.
    pub locale: Option<String>,
}

#[derive(Default)]
pub struct AccountMutation;

#[Object]
impl AccountMutation {
    /// Invites a person: the answer carries the one-time code for their letter.
    async fn invite_user(&self, ctx: &Context<'_>, input: InviteUserInput) -> Result<IssuedCodeObject> {
        let invitation = account_codes::Invitation {
            email: &input.email,
            display_name: &input.display_name,
            role: input.role,
            scope_id: input.scope_id.as_ref().map(|id| id.as_str()),
            locale: input.locale.as_deref(),
        };
        Ok(IssuedCodeObject(
            account_codes::invite(services(ctx), actor(ctx)?, invitation).await?,
        ))
    }

    /// A new code for an unused invitation or reset (a lost letter); the old code stops working.
    async fn reissue_account_code(&self, ctx: &Context<'_>, id: ID) -> Result<IssuedCodeObject> {
        Ok(IssuedCodeObject(
            account_codes::reissue(services(ctx), actor(ctx)?, &id).await?,
        ))
    }

    /// Withdraws an unused invitation or reset code.
    async fn revoke_account_code(&self, ctx: &Context<'_>, id: ID) -> Result<AccountCodeObject> {
        Ok(AccountCodeObject(
            account_codes::revoke(services(ctx), actor(ctx)?, &id).await?,
        ))
    }

    /// A password-reset code for an account the caller administers.
    async fn issue_password_reset(&self, ctx: &Context<'_>, user_id: ID) -> Result<IssuedCodeObject> {
        Ok(IssuedCodeObject(
            account_codes::issue_reset(services(ctx), actor(ctx)?, &user_id).await?,
        ))
    }

    /// Uses an invitation or reset code with a password of one's own; signs in. An unknown,
    /// used, withdrawn or expired code is BAD_USER_INPUT on `code`, whichever it is.
    async fn activate_account(&self, ctx: &Context<'_>, code: String, password: String) -> Result<AuthPayload> {
        let client = request(ctx).and_then(|r| r.client_ip);
        let device = request(ctx).map(|r| r.device.as_str()).unwrap_or_default();
        let login = account_codes::activate(services(ctx), &code, &password, client, device).await?;
        Ok(AuthPayload {
            token: login.token,
            user: login.user,
            expires_at: login.expires_at,
        })
    }

    /// Changes the caller's password; their other sessions end.
    async fn change_password(&self, ctx: &Context<'_>, current_password: String, new_password: String) -> Result<bool> {
        let session = this_session(ctx);
        own_account::change_password(
            services(ctx),
            actor(ctx)?,
            session.as_deref(),
            &current_password,
            &new_password,
        )
        .await?;
        Ok(true)
    }

    /// Ends one of the caller's sessions (by `Session.id`).
    async fn end_session(&self, ctx: &Context<'_>, id: ID) -> Result<bool> {
        Ok(own_account::end_session(services(ctx), actor(ctx)?, &id).await?)
    }

    /// Ends every session of the caller but this one; answers how many.
    async fn end_other_sessions(&self, ctx: &Context<'_>) -> Result<i32> {
        let session = this_session(ctx);
        Ok(own_account::end_other_sessions(services(ctx), actor(ctx)?, session.as_deref()).await?)
    }

    /// Switches an account off at once (history kept).
    async fn deactivate_user(&self, ctx: &Context<'_>, user_id: ID) -> Result<UserObject> {
        Ok(UserObject::new(
            account_admin::deactivate(services(ctx), actor(ctx)?, &user_id).await?,
        ))
    }

    async fn reactivate_user(&self, ctx: &Context<'_>, user_id: ID) -> Result<UserObject> {
        Ok(UserObject::new(
            account_admin::reactivate(services(ctx), actor(ctx)?, &user_id).await?,
        ))
    }

    /// Takes a guardian off a family: access to its children ends at once.
    async fn remove_guardian(&self, ctx: &Context<'_>, family_id: ID, user_id: ID) -> Result<bool> {
        Ok(account_admin::remove_guardian(services(ctx), actor(ctx)?, &family_id, &user_id).await?)
    }

    /// Moves a staff member to another nursery; open sockets lose the old nursery at once.
    async fn move_staff(
        &self,
        ctx: &Context<'_>,
        user_id: ID,
        from_nursery_id: ID,
        to_nursery_id: ID,
    ) -> Result<UserObject> {
        let user =
            account_admin::move_staff(services(ctx), actor(ctx)?, &user_id, &from_nursery_id, &to_nursery_id).await?;
        Ok(UserObject::new(user))
    }

    /// Renames an account (the user themself, or whoever administers it).
    async fn rename_user(&self, ctx: &Context<'_>, user_id: ID, display_name: String) -> Result<UserObject> {
        Ok(UserObject::new(
            account_admin::rename(services(ctx), actor(ctx)?, &user_id, &display_name).await?,
        ))
    }
}

//! Who is signed in: the user, their role grants, the `me` viewer and what login hands back.

use async_graphql::{Context, Object, Result, ID};

use super::scalars::GqlDateTime;
use super::types::{audited_children, ChildObject};
use super::{actor, request, services};
use crate::domain::*;
use crate::service;

pub struct UserObject {
    user: User,
    /// The answer to the user's own login, before any caller is known to the request.
    shown_to_themself: bool,
}

impl UserObject {
    pub fn new(user: User) -> Self {
        UserObject {
            user,
            shown_to_themself: false,
        }
    }

    /// The signed-in user, shown to themself.
    pub fn own(user: User) -> Self {
        UserObject {
            user,
            shown_to_themself: true,
        }
    }
}

#[Object(name = "User")]
impl UserObject {
    async fn id(&self) -> ID {
        self.user.id.into()
    }
    /// Only for the user themself, SYSTEM_ADMIN, and those who administer the account (the
    /// nursery head for the nursery's staff and guardians); null for everyone else.
    async fn email(&self, ctx: &Context<'_>) -> Result<Option<String>> {
        if self.shown_to_themself {
            return Ok(Some(self.user.email.clone()));
        }
        let caller = request(ctx).and_then(|r| r.actor.as_ref());
        Ok(service::accounts::visible_email(services(ctx), caller, &self.user).await?)
    }
    async fn display_name(&self) -> &str {
        &self.user.display_name
    }
    async fn locale(&self) -> &str {
        &self.user.locale
    }
}

pub struct RoleGrantObject(pub RoleGrant);

#[Object(name = "RoleGrant")]
impl RoleGrantObject {
    async fn role(&self) -> Role {
        self.0.role
    }
    /// The family, nursery or municipality the role applies to; none for SYSTEM_ADMIN.
    async fn scope_id(&self) -> Option<ID> {
        self.0.scope_id.map(ID::from)
    }
}

pub struct Viewer;

#[Object]
impl Viewer {
    async fn user(&self, ctx: &Context<'_>) -> Result<UserObject> {
        Ok(UserObject::own(actor(ctx)?.user.clone()))
    }
    async fn roles(&self, ctx: &Context<'_>) -> Result<Vec<RoleGrantObject>> {
        Ok(actor(ctx)?.grants.iter().cloned().map(RoleGrantObject).collect())
    }
    /// Notification kinds the caller switched off.
    async fn disabled_push_kinds(&self, ctx: &Context<'_>) -> Result<Vec<PushKind>> {
        Ok(service::push::disabled_kinds(services(ctx), actor(ctx)?).await?)
    }
    /// The children the caller may see: a guardian's own, a teacher's whole nursery.
    async fn children(&self, ctx: &Context<'_>) -> Result<Vec<ChildObject>> {
        let children = service::org::visible_children(services(ctx), actor(ctx)?).await?;
        Ok(audited_children("me.children", children))
    }
}

pub struct AuthPayload {
    pub token: String,
    pub user: User,
    pub expires_at: Timestamp,
}

#[Object]
impl AuthPayload {
    /// Send as `Authorization: Bearer <token>`.
    async fn token(&self) -> &str {
        &self.token
    }
    async fn user(&self) -> UserObject {
        UserObject::own(self.user.clone())
    }
    async fn expires_at(&self) -> GqlDateTime {
        self.expires_at.into()
    }
}

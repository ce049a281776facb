//! Who is signed in: the user, their role grants, the `me` viewer and what login hands back.

use async_graphql::{Context, Object, Result, ID};

use super::scalars::GqlDateTime;
use super::types::{audited_children, ChildObject};
use super::{actor, services};
use crate::domain::*;
use crate::error::AppError;
use crate::service;

pub struct UserObject(pub User);

#[Object(name = "User")]
impl UserObject {
    async fn id(&self) -> ID {
        self.0.id.into()
    }
    async fn email(&self) -> &str {
        &self.0.email
    }
    async fn display_name(&self) -> &str {
        &self.0.display_name
    }
    async fn locale(&self) -> &str {
        &self.0.locale
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
        Ok(UserObject(actor(ctx)?.user.clone()))
    }
    async fn roles(&self, ctx: &Context<'_>) -> Result<Vec<RoleGrantObject>> {
        Ok(actor(ctx)?.grants.iter().cloned().map(RoleGrantObject).collect())
    }
    /// Notification kinds the caller switched off.
    async fn disabled_push_kinds(&self, ctx: &Context<'_>) -> Result<Vec<PushKind>> {
        Ok(services(ctx)
            .store
            .disabled_push_kinds(actor(ctx)?.user.id)
            .await
            .map_err(AppError::from)?)
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
        UserObject(self.user.clone())
    }
    async fn expires_at(&self) -> GqlDateTime {
        self.expires_at.into()
    }
}

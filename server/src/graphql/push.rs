//! Web Push over the API: the server key, devices, preferences, delivery state.

use async_graphql::{Context, InputObject, Object, Result, ID};

use super::scalars::GqlDateTime;
use super::{actor, services};
use crate::domain::{PushKind, PushStatus};
use crate::service::push;
use crate::store::PushDelivery;

#[derive(InputObject)]
pub struct PushSubscriptionInput {
    /// The browser PushSubscription's endpoint.
    pub endpoint: String,
    /// keys.p256dh (base64url).
    #[graphql(name = "p256dh")]
    pub p256dh: String,
    /// keys.auth (base64url).
    pub auth: String,
}

#[derive(Default)]
pub struct PushQuery;

#[Object]
impl PushQuery {
    /// The VAPID application server key for `pushManager.subscribe` (base64url).
    async fn vapid_public_key(&self, ctx: &Context<'_>) -> String {
        services(ctx).push.public_key().to_owned()
    }

    /// What became of notifications, newest first (SYSTEM_ADMIN).
    async fn push_deliveries(
        &self,
        ctx: &Context<'_>,
        status: Option<PushStatus>,
        user_id: Option<ID>,
        limit: Option<i32>,
    ) -> Result<Vec<PushDeliveryObject>> {
        let list = push::deliveries(
            services(ctx),
            actor(ctx)?,
            status,
            user_id.as_ref().map(|id| id.as_str()),
            limit,
        )
        .await?;
        Ok(list.into_iter().map(PushDeliveryObject).collect())
    }
}

#[derive(Default)]
pub struct PushMutation;

#[Object]
impl PushMutation {
    /// Registers this device for the caller; a user may have several.
    async fn register_push_subscription(&self, ctx: &Context<'_>, input: PushSubscriptionInput) -> Result<bool> {
        let device = push::DeviceInput {
            endpoint: &input.endpoint,
            p256dh: &input.p256dh,
            auth: &input.auth,
        };
        Ok(push::register_device(services(ctx), actor(ctx)?, device).await?)
    }

    async fn unregister_push_subscription(&self, ctx: &Context<'_>, endpoint: String) -> Result<bool> {
        Ok(push::unregister_device(services(ctx), actor(ctx)?, &endpoint).await?)
    }

    /// Switches one kind of notification on or off for the caller (all are on by default).
    async fn set_push_preference(&self, ctx: &Context<'_>, kind: PushKind, enabled: bool) -> Result<bool> {
        Ok(push::set_preference(services(ctx), actor(ctx)?, kind, enabled).await?)
    }
}

pub struct PushDeliveryObject(pub PushDelivery);

#[Object(name = "PushDelivery")]
impl PushDeliveryObject {
    async fn id(&self) -> ID {
        self.0.id.into()
    }
    async fn user_id(&self) -> ID {
        self.0.user_id.into()
    }
    async fn kind(&self) -> &str {
        &self.0.kind
    }
    async fn status(&self) -> PushStatus {
        self.0.status
    }
    async fn attempts(&self) -> i64 {
        self.0.attempts
    }
    async fn last_error(&self) -> Option<&str> {
        self.0.last_error.as_deref()
    }
    async fn created_at(&self) -> GqlDateTime {
        self.0.created_at.into()
    }
    async fn finished_at(&self) -> Option<GqlDateTime> {
        self.0.finished_at.map(GqlDateTime::from)
    }
}

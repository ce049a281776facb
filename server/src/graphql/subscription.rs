//! Subscriptions: live events over graphql-transport-ws, resumable with a cursor.
//!
//! The fields themselves are declared in `live_fields.rs`; this is what they share.

use std::sync::Arc;

use async_graphql::{Context, Result, ID};
use futures::stream::BoxStream;
use futures::{future, Stream, StreamExt};

use super::live_fields::LiveField;
use super::{actor, services};
use crate::domain::{LogEntry, Position};
use crate::error::AppResult;
use crate::policy::Actor;
use crate::service::Services;

pub struct SubscriptionRoot;

/// For the audit trail: where the subscriber connected from.
fn client_addr(ctx: &Context<'_>) -> Option<String> {
    super::request(ctx).and_then(|r| r.client_ip).map(|ip| ip.to_string())
}

/// The schema's objects of a subscription's entries.
pub(super) fn objects<T>(events: LiveEvents, to_object: fn(&LogEntry) -> Option<T>) -> impl Stream<Item = Result<T>> {
    events.filter_map(move |item| {
        future::ready(match item {
            Ok(entry) => to_object(&entry).map(Ok),
            Err(err) => Some(Err(err.into())),
        })
    })
}

/// The arguments of a live field, each under its own name (see `live_fields.rs`).
#[derive(Default)]
pub(super) struct LiveArguments {
    pub after: Option<String>,
    pub municipality_id: ID,
}

/// What a live field's feed is opened with.
pub(super) struct Opening<'a> {
    pub svc: &'a Services,
    pub actor: &'a Actor,
    /// Where a feed that starts now starts.
    pub from: Position,
    pub arguments: &'a LiveArguments,
    /// For the audit trail.
    pub client_addr: Option<String>,
}

/// Log entries of one subscription, already narrowed to what its field delivers.
pub(super) type LiveEvents = BoxStream<'static, AppResult<Arc<LogEntry>>>;

/// Authorizes and opens one subscription: the same for the schema's own resolvers and for the
/// lean WebSocket executor (`live.rs`).
pub(super) async fn open(ctx: &Context<'_>, field: LiveField, arguments: &LiveArguments) -> AppResult<LiveEvents> {
    let (svc, actor) = (services(ctx), actor(ctx)?);
    let client_addr = client_addr(ctx);
    // "Now" for a feed that starts now: when its request arrived (a socket notes it as the
    // message comes in, before the session is read), so an event published meanwhile reaches it.
    let from = super::request(ctx)
        .and_then(|r| r.live_from)
        .unwrap_or_else(|| svc.bus.published_position());
    let opening = Opening {
        svc,
        actor,
        from,
        arguments,
        client_addr,
    };
    let events = field.events(opening).await?;
    let counted = crate::metrics::subscription_opened(field.name());
    // Decided at once (a ready future): nothing is kept per idle subscription.
    Ok(events
        .filter(move |item| {
            let _open_while_the_stream_lives = &counted;
            future::ready(item.as_ref().map_or(true, |entry| field.delivers(entry)))
        })
        .boxed())
}

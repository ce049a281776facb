//! The GraphQL API: the contract's schema, built from these resolvers. Resolvers translate
//! between GraphQL and the service layer and do nothing else.

mod absence_changes;
mod account_lifecycle;
mod account_types;
mod audit;
mod care_types;
mod cost;
mod departure;
mod errors;
mod hygiene;
mod inputs;
mod journal_types;
mod live;
mod live_fields;
mod mutation;
mod mutation_care;
mod mutation_journal;
mod persisted;
mod pickup;
mod push;
mod query;
mod report_types;
mod reports;
mod roster;
mod safety;
pub mod scalars;
mod subscription;
mod types;

use std::net::IpAddr;

use async_graphql::{Context, EmptyMutation, EmptySubscription, ObjectType, Schema, SchemaBuilder, SubscriptionType};

use crate::config::Config;
use crate::error::{AppError, AppResult};
use crate::policy::Actor;
use crate::service::Services;

pub use live::{Frame, LiveExecutor};
pub use mutation::MutationRoot;
pub use query::QueryRoot;
pub use subscription::SubscriptionRoot;

pub type TsunaguSchema = Schema<QueryRoot, MutationRoot, SubscriptionRoot>;

/// Who is asking, from the HTTP request or the WebSocket's connection_init.
#[derive(Clone, Debug, Default)]
pub struct RequestContext {
    pub actor: Option<Actor>,
    /// The raw `Authorization` value, so `logout` can end this very session.
    pub authorization: Option<String>,
    pub client_ip: Option<IpAddr>,
    /// A short name of the client's device (from `User-Agent`), kept with a new session.
    pub device: String,
    /// Where a live feed that starts "now" starts: the event log's published position when the
    /// subscribe message arrived (sockets); `None`: when the feed opens.
    pub live_from: Option<crate::domain::Position>,
}

fn builder(config: &Config) -> SchemaBuilder<QueryRoot, MutationRoot, SubscriptionRoot> {
    limited(
        Schema::build(QueryRoot::default(), MutationRoot::default(), SubscriptionRoot),
        config,
    )
    .extension(persisted::PersistedQueries::new(config.trusted_documents.as_deref()))
    .extension(audit::AuditTrail)
}

/// The limits and error codes every schema of ours shares.
fn limited<Q, M, S>(builder: SchemaBuilder<Q, M, S>, config: &Config) -> SchemaBuilder<Q, M, S>
where
    Q: ObjectType + 'static,
    M: ObjectType + 'static,
    S: SubscriptionType + 'static,
{
    // Production may hide the schema: introspection and "did you mean" hints go together.
    let builder = if config.graphql_introspection {
        builder
    } else {
        builder.disable_introspection().disable_suggestions()
    };
    builder
        .extension(cost::ExpansionLimit {
            limit: config.graphql_max_expanded_selections,
        })
        .extension(hygiene::NoNulInText)
        .limit_depth(config.graphql_max_depth)
        .limit_complexity(config.graphql_max_complexity)
        .limit_recursive_depth(32)
        .limit_directives(16)
        .extension(errors::ErrorCodes)
}

pub fn build_schema(services: Services) -> TsunaguSchema {
    let config = services.config.clone();
    builder(&config).data(services).finish()
}

/// What serves GraphQL over the WebSocket. Its twin schema for live events keeps the audit
/// trail too: the child-level fields an event's answer reads (a child's health checks, say) are
/// recorded with each delivery, as the same read over HTTP is; an event that reads none (the
/// usual arrival: the child's id and name) writes nothing.
pub fn build_live_executor(schema: TsunaguSchema, services: Services) -> LiveExecutor {
    let config = services.config.clone();
    let delivery = limited(
        Schema::build(live::DeliveryRoot, EmptyMutation, EmptySubscription),
        &config,
    )
    .extension(audit::AuditTrail)
    .data(services)
    .finish();
    LiveExecutor::new(schema, delivery)
}

/// The SDL published as `schema/schema.graphql`.
pub fn sdl() -> String {
    use clap::Parser;
    let config = crate::config::Cli::parse_from(["tsunagu"]).config;
    builder(&config).finish().sdl()
}

/// A request that did not run at all: no data, and only errors about the request itself
/// (parse, validation, limits) rather than about one of its fields. Over HTTP that is a 400
/// (graphql-response+json); over the socket, an `error` message.
pub(crate) fn did_not_run(response: &async_graphql::Response) -> bool {
    response.data == async_graphql::Value::Null
        && !response.errors.is_empty()
        && response.errors.iter().all(|e| e.path.is_empty())
}

pub(crate) fn services<'a>(ctx: &Context<'a>) -> &'a Services {
    ctx.data_unchecked::<Services>()
}

pub(crate) fn request<'a>(ctx: &Context<'a>) -> Option<&'a RequestContext> {
    ctx.data_opt::<RequestContext>()
}

/// The caller, or UNAUTHENTICATED.
pub(crate) fn actor<'a>(ctx: &Context<'a>) -> AppResult<&'a Actor> {
    request(ctx)
        .and_then(|r| r.actor.as_ref())
        .ok_or(AppError::Unauthenticated)
}

//! The HTTP server: GraphQL over POST, GraphiQL, the WebSocket endpoint, the CSV export and
//! `/healthz`, with body limits, tracing and a graceful shutdown that lets requests finish and
//! says goodbye to WebSocket clients with a close frame.

mod graphiql;
mod headers;
mod health;
mod reports;
mod serve;
mod ws;

pub use health::Readiness;
pub use serve::raise_open_file_limit;

use std::future::Future;
use std::net::{IpAddr, SocketAddr};
use std::time::Duration;

use async_graphql_axum::rejection::GraphQLRejection;
use async_graphql_axum::GraphQLRequest;
use axum::extract::{ConnectInfo, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;
use tokio::net::TcpListener;
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::trace::TraceLayer;

use crate::graphql::{build_live_executor, build_schema, LiveExecutor, RequestContext, TsunaguSchema};
use crate::service::Services;

#[derive(Clone)]
pub(crate) struct AppState {
    pub services: Services,
    pub schema: TsunaguSchema,
    /// GraphQL over the WebSocket, with lean live subscriptions.
    pub live: LiveExecutor,
    /// Cancelled when the server is shutting down.
    pub shutdown: CancellationToken,
    /// WebSocket connections, so shutdown can wait for their close frames.
    pub sockets: TaskTracker,
}

pub fn router(services: Services, shutdown: CancellationToken, sockets: TaskTracker) -> Router {
    let max_body = services.config.max_body_bytes;
    let schema = build_schema(services.clone());
    let state = AppState {
        live: build_live_executor(schema.clone(), services.clone()),
        schema,
        services,
        shutdown,
        sockets,
    };
    let hsts_max_age = state.services.config.hsts_max_age_seconds;
    // Answers that may hold personal data are never stored by a cache.
    let personal = headers::no_store(
        Router::new()
            .route("/graphql", get(graphql_get).post(graphql))
            .route("/reports/nursery-days.csv", get(reports::nursery_days_csv)),
    );
    let router = Router::new()
        .merge(personal)
        .route("/graphql/ws", get(ws::upgrade))
        .route("/graphql/assets/{name}", get(graphiql::asset))
        .route("/healthz", get(healthz))
        .layer(RequestBodyLimitLayer::new(max_body))
        .layer(CatchPanicLayer::new())
        .layer(TraceLayer::new_for_http())
        .with_state(state);
    headers::secure(router, hsts_max_age)
}

/// Serves until `shutdown` resolves, then drains: in-flight requests finish, WebSockets are
/// closed with 1001 (going away), all within the configured grace period. Serves from the
/// start: the API once `readiness` has its services, `/livez` and `/readyz` always.
pub async fn serve(
    listener: TcpListener,
    readiness: Readiness,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> anyhow::Result<()> {
    let grace = Duration::from_secs(readiness.config().shutdown_grace_seconds);
    let stopping = CancellationToken::new();
    let sockets = TaskTracker::new();
    let header_read_timeout = Duration::from_secs(readiness.config().http_header_read_timeout_seconds.max(1));
    let app = health::front(readiness, stopping.clone(), sockets.clone());
    let signal = {
        let stopping = stopping.clone();
        async move {
            shutdown.await;
            tracing::info!("shutting down");
            stopping.cancel();
        }
    };
    serve::serve_connections(listener, app, header_read_timeout, signal, grace).await;
    sockets.close();
    if tokio::time::timeout(grace, sockets.wait()).await.is_err() {
        tracing::warn!("WebSockets still open after the grace period");
    }
    Ok(())
}

/// `GET /graphql`: a query in the URL (GraphQL over HTTP; reads only), else GraphiQL.
async fn graphql_get(
    state: State<AppState>,
    peer: ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    uri: axum::http::Uri,
    request: Result<GraphQLRequest, GraphQLRejection>,
) -> axum::response::Response {
    let asks_a_query = uri
        .query()
        .is_some_and(|q| q.split('&').any(|pair| pair.starts_with("query=")));
    if !asks_a_query {
        if state.services.config.graphiql {
            return graphiql::page();
        }
        return refusal(
            StatusCode::BAD_REQUEST,
            "no query: send GET /graphql?query=… or POST /graphql",
        );
    }
    if let Ok(request) = &request {
        if is_mutation(&request.0) {
            let mut response = refusal(StatusCode::METHOD_NOT_ALLOWED, "mutations are sent with POST");
            response
                .headers_mut()
                .insert(axum::http::header::ALLOW, axum::http::HeaderValue::from_static("POST"));
            return response;
        }
    }
    graphql(state, peer, headers, request).await
}

/// Whether the operation the request names is a mutation.
fn is_mutation(request: &async_graphql::Request) -> bool {
    let Ok(document) = async_graphql::parser::parse_query(&request.query) else {
        return false;
    };
    let wanted = request.operation_name.as_deref();
    document.operations.iter().any(|(name, operation)| {
        (wanted.is_none() || name.map(|n| n.as_str()) == wanted)
            && operation.node.ty == async_graphql::parser::types::OperationType::Mutation
    })
}

/// A refusal outside GraphQL execution, in the API's error shape.
fn refusal(status: StatusCode, message: &str) -> axum::response::Response {
    let body = serde_json::json!({"errors": [{"message": message, "extensions": {"code": "BAD_USER_INPUT"}}]});
    (status, axum::Json(body)).into_response()
}

async fn healthz(State(state): State<AppState>) -> impl IntoResponse {
    match state.services.store.ping().await {
        Ok(()) => (StatusCode::OK, "ok"),
        Err(err) => {
            tracing::warn!(error = %err, "health check failed");
            (StatusCode::SERVICE_UNAVAILABLE, "database unreachable")
        }
    }
}

async fn graphql(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    request: Result<GraphQLRequest, GraphQLRejection>,
) -> axum::response::Response {
    let request = match request {
        Ok(request) => request,
        Err(rejection) => return unreadable_request(rejection),
    };
    let authorization = headers
        .get(axum::http::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let client_ip = client_ip(&state, &headers, peer);
    // A stale or revoked token makes the caller anonymous rather than failing the request:
    // operations that need a caller then answer UNAUTHENTICATED, and `login` still works.
    let actor = match &authorization {
        None => None,
        Some(value) => match crate::auth::actor_for_token(&state.services.sessions, value).await {
            Ok(actor) => Some(actor),
            Err(crate::error::AppError::Unauthenticated) => None,
            Err(err) => {
                let error = async_graphql::Error::from(err).into_server_error(async_graphql::Pos::default());
                return health::graphql_answer(async_graphql::Response::from_errors(vec![error]));
            }
        },
    };
    let context = RequestContext {
        actor,
        authorization,
        client_ip,
    };
    health::execute(&state.schema, request.into_inner().data(context)).await
}

/// A body that is not a GraphQL request (not JSON, too large) still gets a GraphQL error.
fn unreadable_request(rejection: GraphQLRejection) -> axum::response::Response {
    let message = rejection.0.to_string();
    let status = if message.contains("length limit") || message.contains("too large") {
        StatusCode::PAYLOAD_TOO_LARGE
    } else {
        StatusCode::BAD_REQUEST
    };
    let body = serde_json::json!({
        "errors": [{"message": format!("unreadable request: {message}"), "extensions": {"code": "BAD_USER_INPUT"}}]
    });
    (status, axum::Json(body)).into_response()
}

/// The caller's address: the peer, or behind a trusted proxy the address it appended last.
pub(crate) fn client_ip(state: &AppState, headers: &HeaderMap, peer: SocketAddr) -> Option<IpAddr> {
    if state.services.config.trust_forwarded_for {
        let forwarded = headers
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.rsplit(',').next())
            .and_then(|v| v.trim().parse().ok());
        if forwarded.is_some() {
            return forwarded;
        }
    }
    Some(peer.ip())
}

//! The HTTP server: GraphQL over HTTP (`graphql_http.rs`), GraphiQL, the WebSocket endpoint,
//! the CSV export and `/healthz`, with body limits, security headers, tracing and a graceful
//! shutdown that lets requests finish and says goodbye to WebSocket clients with a close frame.

mod graphiql;
mod graphql_http;
mod headers;
mod health;
mod reports;
mod serve;
mod web;
mod ws;

pub use health::Readiness;
pub use serve::raise_open_file_limit;

use std::future::Future;
use std::net::{IpAddr, SocketAddr};
use std::time::Duration;

use axum::extract::State;
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

use crate::graphql::{build_live_executor, build_schema, LiveExecutor, TsunaguSchema};
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
    let web_app = web::app(services.config.web_dir.clone());
    let schema = build_schema(services.clone());
    let state = AppState {
        live: build_live_executor(schema.clone(), services.clone()),
        schema,
        services,
        shutdown,
        sockets,
    };
    // Answers that may hold personal data are never stored by a cache.
    // They are compressed (report answers and introspection are large), and may be read by
    // browser apps on the origins the deployment allows.
    let personal = headers::no_store(
        Router::new()
            .route("/graphql", get(graphql_http::get).post(graphql_http::post))
            .route("/reports/nursery-days.csv", get(reports::nursery_days_csv)),
    )
    .layer(tower_http::compression::CompressionLayer::new())
    .layer(headers::cors(&state.services.config.cors_allowed_origins));
    // The front (`health.rs`) adds the security headers and request ids around this.
    Router::new()
        .merge(personal)
        .route("/graphql/ws", get(ws::upgrade))
        .route("/graphql/assets/{name}", get(graphiql::asset))
        .route("/healthz", get(healthz))
        .fallback_service(web_app)
        .layer(RequestBodyLimitLayer::new(max_body))
        .layer(axum::middleware::map_response(move |response| {
            too_large_as_json(response, max_body)
        }))
        .layer(CatchPanicLayer::new())
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}

/// Serves until `shutdown` resolves, then drains: no new connections, in-flight requests
/// finish, then WebSockets are closed with 1001 (going away), each within the grace period. Serves from the
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
    let readiness_services = readiness.clone();
    let app = health::front(readiness, stopping.clone(), sockets.clone());
    let signal = async move {
        shutdown.await;
        tracing::info!("shutting down: no new connections; finishing requests already read");
    };
    // In this order: stop accepting, answer the requests already read (their events still
    // reach open sockets), and only then tell the sockets the server is going away (1001).
    serve::serve_connections(listener, app, header_read_timeout, signal, grace).await;
    if let Some(services) = readiness_services.services() {
        if !services.bus.caught_up(grace).await {
            tracing::warn!("live events of the last writes were not all published before closing WebSockets");
        }
    }
    tracing::info!("closing WebSockets");
    stopping.cancel();
    sockets.close();
    if tokio::time::timeout(grace, sockets.wait()).await.is_err() {
        tracing::warn!("WebSockets still open after the grace period");
    }
    Ok(())
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

/// The body limit answers a bare text 413; clients get the API's error format instead.
async fn too_large_as_json(response: axum::response::Response, max_body: usize) -> axum::response::Response {
    let is_json = response
        .headers()
        .get(axum::http::header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/"));
    if response.status() != StatusCode::PAYLOAD_TOO_LARGE || is_json {
        return response;
    }
    let body = serde_json::json!({"errors": [{
        "message": format!("the request is larger than {max_body} bytes"),
        "extensions": {"code": "BAD_USER_INPUT"},
    }]});
    (StatusCode::PAYLOAD_TOO_LARGE, axum::Json(body)).into_response()
}

/// The caller's address: the peer, or behind our reverse proxies (`TRUSTED_PROXIES`) the
/// right-most address in `X-Forwarded-For` that is not one of them.
pub(crate) fn client_ip(state: &AppState, headers: &HeaderMap, peer: SocketAddr) -> Option<IpAddr> {
    // Several X-Forwarded-For lines are one list, in order; an unreadable one is a bad hop.
    let forwarded: Vec<&str> = headers
        .get_all("x-forwarded-for")
        .iter()
        .map(|v| v.to_str().unwrap_or("?"))
        .collect();
    let forwarded = (!forwarded.is_empty()).then(|| forwarded.join(","));
    Some(crate::auth::client_address::client_address(
        peer.ip(),
        forwarded.as_deref(),
        &state.services.config.trusted_proxies,
    ))
}

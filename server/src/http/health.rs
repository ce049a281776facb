//! Liveness, readiness, and serving before the database is there.
//!
//! `/livez` says the process is serving. `/readyz` says it can do its work: the database
//! answers, its migrations are applied (the services exist only after that), every essential
//! background task runs (`crate::health`) and, on PostgreSQL, other replicas' commit
//! announcements are heard. The front router answers both itself and hands everything else to
//! the API router once the services are up; until then a request waits briefly for them and
//! is then answered 503 UNAVAILABLE with `Retry-After`, so a server started before its
//! database listens at once and catches up as soon as the database appears. Every answer
//! carries a request id (`x-request-id`: the caller's when it sent a plain one, else new),
//! which names the request's log span; GraphQL requests are counted by operation and outcome.

use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use tokio::sync::watch;
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;
use tower::ServiceExt;
use tracing::Instrument;

use crate::config::Config;
use crate::error::UNAVAILABLE_RETRY_AFTER_SECS;
use crate::health::*;
use crate::service::Services;

/// How long a request arriving while the server connects to its database waits for it.
const STARTING_WAIT: Duration = Duration::from_millis(1500);
/// How long readiness waits for the database to answer.
const PING_WAIT: Duration = Duration::from_millis(1500);

/// The services once they are up, or why they are not yet.
#[derive(Clone)]
pub struct Readiness {
    config: Arc<Config>,
    services: watch::Sender<Option<Services>>,
    problem: Arc<Mutex<String>>,
}

impl Readiness {
    pub fn new(config: Config) -> Self {
        Readiness {
            config: Arc::new(config),
            services: watch::Sender::new(None),
            problem: Arc::new(Mutex::new("connecting to the database".to_owned())),
        }
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The services are up: requests go to the API from now on.
    pub fn set_services(&self, services: Services) {
        self.services.send_replace(Some(services));
    }

    /// Why the services could not be started (yet).
    pub fn set_problem(&self, problem: String) {
        *self.problem.lock().unwrap_or_else(|poisoned| poisoned.into_inner()) = problem;
    }

    /// The services, when they are up.
    pub fn services(&self) -> Option<Services> {
        self.services.borrow().clone()
    }

    /// The services, waiting at most `wait` for them to come up.
    async fn services_within(&self, wait: Duration) -> Option<Services> {
        let mut changes = self.services.subscribe();
        let ready = tokio::time::timeout(wait, changes.wait_for(Option::is_some)).await;
        if !matches!(ready, Ok(Ok(_))) {
            return None;
        }
        self.services()
    }

    /// What keeps the server from doing its work; empty when ready.
    async fn problems(&self) -> Vec<String> {
        let Some(services) = self.services() else {
            let problem = self.problem.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            return vec![format!("database not connected: {problem}")];
        };
        let mut problems = Vec::new();
        match tokio::time::timeout(PING_WAIT, services.store.ping()).await {
            Ok(Ok(())) => {}
            Ok(Err(err)) => problems.push(format!("database unreachable: {err}")),
            Err(_) => problems.push("database unreachable: no answer in time".to_owned()),
        }
        let mut expected = vec![
            (ATTENDANCE_WRITER, 1),
            (AUDIT_WRITER, 1),
            (EVENT_TAILER, 1),
            (NAP_WATCHER, 1),
            (SESSION_WATCH, 1),
            (PUSH_WORKER, services.config.push_workers),
        ];
        if services.config.arrival_watch_interval().is_some() {
            expected.push((ARRIVAL_WATCHER, 1));
        }
        let listening = services.bus.announcements_live();
        if listening.is_some() {
            expected.extend([(COMMIT_RELAY, 1), (COMMIT_ANNOUNCEMENTS, 1)]);
        }
        for task in missing(&expected) {
            problems.push(format!("{task} not running"));
        }
        if listening == Some(false) {
            problems.push("commit announcements (LISTEN) not connected".to_owned());
        }
        problems
    }
}

#[derive(Clone)]
struct Front {
    readiness: Readiness,
    /// The API, made once the services are up.
    api: Arc<OnceLock<Router>>,
    shutdown: CancellationToken,
    sockets: TaskTracker,
}

/// Answers `/livez` and `/readyz`, and hands everything else to the API once it is up.
pub(super) fn front(readiness: Readiness, shutdown: CancellationToken, sockets: TaskTracker) -> Router {
    let hsts_max_age = readiness.config.hsts_max_age_seconds;
    let front = Front {
        readiness,
        api: Arc::new(OnceLock::new()),
        shutdown,
        sockets,
    };
    let router = Router::new()
        .route("/livez", get(livez))
        .route("/readyz", get(readyz))
        .fallback(to_api)
        .with_state(front)
        .layer(axum::middleware::from_fn(with_request_id));
    super::headers::secure(router, hsts_max_age)
}

async fn livez() -> &'static str {
    "ok"
}

async fn readyz(State(front): State<Front>) -> Response {
    let problems = front.readiness.problems().await;
    if problems.is_empty() {
        return (StatusCode::OK, "ready\n").into_response();
    }
    tracing::debug!(problems = ?problems, "not ready");
    let mut answer = (
        StatusCode::SERVICE_UNAVAILABLE,
        format!("not ready: {}\n", problems.join("; ")),
    )
        .into_response();
    answer.headers_mut().insert(header::RETRY_AFTER, retry_after());
    answer
}

const REQUEST_ID: &str = "x-request-id";

/// Names every request in a span of its own by its id, and returns the id with the answer.
async fn with_request_id(request: Request, next: axum::middleware::Next) -> Response {
    let request_id = request_id(&request);
    let span = tracing::info_span!("request", id = %request_id, operation = tracing::field::Empty);
    let mut answer = next.run(request).instrument(span).await;
    if let Ok(value) = HeaderValue::from_str(&request_id) {
        answer.headers_mut().insert(REQUEST_ID, value);
    }
    answer
}

async fn to_api(State(front): State<Front>, request: Request) -> Response {
    let services = match front.readiness.services() {
        Some(services) => services,
        None => match front.readiness.services_within(STARTING_WAIT).await {
            Some(services) => services,
            None => return unavailable("starting: the database is not reachable yet".to_owned()),
        },
    };
    let api = front
        .api
        .get_or_init(|| super::router(services, front.shutdown.clone(), front.sockets.clone()))
        .clone();
    api.oneshot(request).await.unwrap_or_else(|never| match never {})
}

/// The caller's request id when it is a plain token (a proxy's), else a new one.
fn request_id(request: &Request) -> String {
    let given = request
        .headers()
        .get(REQUEST_ID)
        .and_then(|value| value.to_str().ok())
        .filter(|id| {
            !id.is_empty()
                && id.len() <= 64
                && id
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        });
    match given {
        Some(id) => id.to_owned(),
        None => uuid::Uuid::now_v7().simple().to_string(),
    }
}

/// Runs a GraphQL request over HTTP, naming its operation in the request's span and counting
/// it by operation and outcome (the first error's code, or OK).
pub(super) async fn execute(
    schema: &crate::graphql::TsunaguSchema,
    request: async_graphql::Request,
) -> async_graphql::Response {
    let operation = request.operation_name.clone();
    if let Some(name) = &operation {
        tracing::Span::current().record("operation", name.as_str());
    }
    let started = Instant::now();
    let response = schema.execute(request).await;
    if crate::metrics::enabled() {
        let operation = crate::metrics::operation_label(operation.as_deref());
        let outcome = response
            .errors
            .first()
            .and_then(|error| error.extensions.as_ref())
            .and_then(|extensions| extensions.get("code"))
            .and_then(|code| match code {
                async_graphql::Value::String(code) => Some(code.clone()),
                _ => None,
            })
            .unwrap_or_else(|| if response.errors.is_empty() { "OK" } else { "ERROR" }.to_owned());
        metrics::histogram!(crate::metrics::GRAPHQL_SECONDS, "operation" => operation.clone())
            .record(started.elapsed().as_secs_f64());
        metrics::counter!(crate::metrics::GRAPHQL_REQUESTS, "operation" => operation, "outcome" => outcome)
            .increment(1);
    }
    response
}

pub(super) fn retry_after() -> HeaderValue {
    HeaderValue::from(UNAVAILABLE_RETRY_AFTER_SECS)
}

/// 503 with `Retry-After` and the API's error shape, code UNAVAILABLE.
pub(super) fn unavailable(message: String) -> Response {
    let body = serde_json::json!({
        "errors": [{"message": message, "extensions": {
            "code": "UNAVAILABLE", "retryAfterSeconds": UNAVAILABLE_RETRY_AFTER_SECS,
        }}]
    });
    let mut answer = (StatusCode::SERVICE_UNAVAILABLE, axum::Json(body)).into_response();
    answer.headers_mut().insert(header::RETRY_AFTER, retry_after());
    answer
}

/// Whether the answer failed because the database was out of reach (the client should try
/// again: 503 with `Retry-After` over HTTP).
pub(super) fn is_unavailable(response: &async_graphql::Response) -> bool {
    response.errors.iter().any(|error| {
        error
            .extensions
            .as_ref()
            .and_then(|extensions| extensions.get("code"))
            .is_some_and(|code| *code == async_graphql::Value::from("UNAVAILABLE"))
    })
}

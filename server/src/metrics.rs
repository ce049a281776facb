//! Prometheus metrics, served on an address of their own (`METRICS_ADDR`, off by default) so
//! the public listener never exposes them. Counters and histograms are recorded where things
//! happen (requests, the tailer, group commit, push sends, login throttling); gauges of state
//! (open sockets and subscriptions, LISTEN, resident memory) are sampled at each scrape.
//! Without `METRICS_ADDR` no recorder is installed and recording costs next to nothing.

use std::collections::{BTreeMap, HashSet};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;
use std::time::Duration;

use axum::routing::get;
use axum::Router;
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};

use crate::service::Services;

pub const GRAPHQL_REQUESTS: &str = "tsunagu_graphql_requests_total";
pub const GRAPHQL_SECONDS: &str = "tsunagu_graphql_request_duration_seconds";
pub const TAILER_POLL_SECONDS: &str = "tsunagu_event_tailer_poll_seconds";
pub const LOG_HELD_BACK_SECONDS: &str = "tsunagu_event_log_held_back_seconds";
pub const ATTENDANCE_BATCH_SIZE: &str = "tsunagu_attendance_batch_size";
pub const ATTENDANCE_QUEUE_DEPTH: &str = "tsunagu_attendance_queue_depth";
pub const PUSH_SENDS: &str = "tsunagu_push_sends_total";
pub const LOGIN_THROTTLED: &str = "tsunagu_login_throttled_total";
const WEBSOCKETS_OPEN: &str = "tsunagu_websockets_open";
const SUBSCRIPTIONS_OPEN: &str = "tsunagu_subscriptions_open";
const SUBSCRIPTIONS_BY_FIELD: &str = "tsunagu_subscriptions_open_by_field";
const LISTENING: &str = "tsunagu_commit_announcements_live";
const RESIDENT_BYTES: &str = "tsunagu_process_resident_memory_bytes";
const READY: &str = "tsunagu_services_up";
const PUSH_OUTBOX: &str = "tsunagu_push_outbox_pending";
const POOL_OPEN: &str = "tsunagu_db_pool_connections";
const POOL_IDLE: &str = "tsunagu_db_pool_idle_connections";
const POOL_MAX: &str = "tsunagu_db_pool_max_connections";
/// How long a scrape waits for the outbox count.
const SCRAPE_QUERY_WAIT: Duration = Duration::from_secs(1);

/// Distinct operation names kept as labels; later names count as "other" (clients choose
/// names, and each label value is a series kept for good).
const OPERATION_NAMES_KEPT: usize = 200;

static ENABLED: AtomicBool = AtomicBool::new(false);
static OPERATION_NAMES: Mutex<Option<HashSet<String>>> = Mutex::new(None);
/// Open subscriptions by field, counted where they open and end; read at each scrape. A field
/// that had subscriptions keeps its entry (at 0), so its series does not vanish.
static SUBSCRIPTIONS: Mutex<BTreeMap<&'static str, usize>> = Mutex::new(BTreeMap::new());

/// Counts one open subscription of `field` for as long as it is kept.
pub struct OpenSubscription(&'static str);

/// Counts a subscription of `field` as open until the returned value is dropped.
pub fn subscription_opened(field: &'static str) -> OpenSubscription {
    *lock(&SUBSCRIPTIONS).entry(field).or_default() += 1;
    OpenSubscription(field)
}

impl Drop for OpenSubscription {
    fn drop(&mut self) {
        if let Some(count) = lock(&SUBSCRIPTIONS).get_mut(self.0) {
            *count = count.saturating_sub(1);
        }
    }
}

/// Open subscriptions by field, as a scrape reports them.
pub fn subscriptions_by_field() -> Vec<(&'static str, usize)> {
    lock(&SUBSCRIPTIONS)
        .iter()
        .map(|(field, count)| (*field, *count))
        .collect()
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Whether metrics are being recorded (a recorder is installed).
pub fn enabled() -> bool {
    ENABLED.load(Ordering::Relaxed)
}

/// Installs the Prometheus recorder for this process.
pub fn install() -> anyhow::Result<PrometheusHandle> {
    let seconds = [
        0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
    ];
    let handle = PrometheusBuilder::new()
        .set_buckets_for_metric(Matcher::Suffix("_seconds".into()), &seconds)?
        .set_buckets_for_metric(
            Matcher::Full(ATTENDANCE_BATCH_SIZE.into()),
            &[1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0],
        )?
        .install_recorder()?;
    ENABLED.store(true, Ordering::Relaxed);
    metrics::describe_counter!(
        GRAPHQL_REQUESTS,
        "GraphQL requests over HTTP by operation name and outcome code"
    );
    metrics::describe_histogram!(GRAPHQL_SECONDS, "GraphQL request time over HTTP by operation name");
    metrics::describe_histogram!(TAILER_POLL_SECONDS, "time of one read of the event log by the tailer");
    metrics::describe_gauge!(
        LOG_HELD_BACK_SECONDS,
        "how long committed log entries have been held back by an open writer (0: none)"
    );
    metrics::describe_histogram!(ATTENDANCE_BATCH_SIZE, "check-ins and check-outs per group commit");
    metrics::describe_gauge!(
        ATTENDANCE_QUEUE_DEPTH,
        "check-ins and check-outs waiting for the next group commit, as one commit ends"
    );
    metrics::describe_counter!(PUSH_SENDS, "push sends by result (delivered, gone, retry, failed)");
    metrics::describe_counter!(LOGIN_THROTTLED, "login attempts refused by throttling");
    metrics::describe_gauge!(WEBSOCKETS_OPEN, "open WebSockets");
    metrics::describe_gauge!(SUBSCRIPTIONS_OPEN, "open live subscriptions");
    metrics::describe_gauge!(SUBSCRIPTIONS_BY_FIELD, "open live subscriptions by subscription field");
    metrics::describe_gauge!(LISTENING, "1 while other replicas' commit announcements are heard");
    metrics::describe_gauge!(RESIDENT_BYTES, "resident memory of the process");
    metrics::describe_gauge!(READY, "1 once connected to the database with migrations applied");
    metrics::describe_gauge!(PUSH_OUTBOX, "pushes waiting to be sent or retried");
    metrics::describe_gauge!(POOL_OPEN, "open database connections by pool");
    metrics::describe_gauge!(POOL_IDLE, "idle database connections by pool");
    metrics::describe_gauge!(POOL_MAX, "most database connections by pool");
    Ok(handle)
}

/// The label for a request's operation name: bounded in length, characters and number.
pub fn operation_label(name: Option<&str>) -> String {
    let Some(name) = name else {
        return "anonymous".to_owned();
    };
    let valid = name.len() <= 64 && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if !valid {
        return "other".to_owned();
    }
    let mut names = OPERATION_NAMES.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    let names = names.get_or_insert_with(HashSet::new);
    if names.contains(name) || names.len() < OPERATION_NAMES_KEPT && names.insert(name.to_owned()) {
        name.to_owned()
    } else {
        "other".to_owned()
    }
}

/// Serves `GET /metrics` on `listener` until the process ends; `services` gives the services
/// once they are up, for the gauges sampled at each scrape.
pub async fn serve(
    listener: tokio::net::TcpListener,
    handle: PrometheusHandle,
    services: impl Fn() -> Option<Services> + Clone + Send + Sync + 'static,
) -> anyhow::Result<()> {
    tracing::info!(addr = %listener.local_addr()?, "metrics at /metrics");
    let app = Router::new().route(
        "/metrics",
        get(move || {
            let (handle, services) = (handle.clone(), services.clone());
            async move {
                sample(services()).await;
                handle.render()
            }
        }),
    );
    axum::serve(listener, app).await?;
    Ok(())
}

async fn sample(services: Option<Services>) {
    metrics::gauge!(READY).set(if services.is_some() { 1.0 } else { 0.0 });
    if let Some(services) = services {
        for (pool, open, idle, most) in services.store.pool_usage() {
            metrics::gauge!(POOL_OPEN, "pool" => pool).set(open as f64);
            metrics::gauge!(POOL_IDLE, "pool" => pool).set(idle as f64);
            metrics::gauge!(POOL_MAX, "pool" => pool).set(most as f64);
        }
        if let Ok(Ok(pending)) = tokio::time::timeout(SCRAPE_QUERY_WAIT, services.store.pending_push_count()).await {
            metrics::gauge!(PUSH_OUTBOX).set(pending as f64);
        }
        metrics::gauge!(WEBSOCKETS_OPEN).set(services.live_sessions.socket_count() as f64);
        metrics::gauge!(SUBSCRIPTIONS_OPEN).set(services.bus.subscriber_count() as f64);
        for (field, open) in subscriptions_by_field() {
            metrics::gauge!(SUBSCRIPTIONS_BY_FIELD, "field" => field).set(open as f64);
        }
        if let Some(live) = services.bus.announcements_live() {
            metrics::gauge!(LISTENING).set(if live { 1.0 } else { 0.0 });
        }
    }
    if let Some(bytes) = resident_bytes() {
        metrics::gauge!(RESIDENT_BYTES).set(bytes as f64);
    }
}

/// Resident memory from /proc (Linux).
fn resident_bytes() -> Option<u64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    // SAFETY: sysconf only reads a system constant.
    let page = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
    Some(pages * u64::try_from(page).ok()?)
}

/// Records a duration in seconds.
pub fn seconds(duration: Duration) -> f64 {
    duration.as_secs_f64()
}

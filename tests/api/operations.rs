//! The server through database faults, as an operator and the apps meet it: `/livez` and
//! `/readyz`; a server started before its database listens, says why it is not ready, and
//! catches up when the database appears; while the database is out of reach every request is
//! answered 503 UNAVAILABLE with `Retry-After` (never INTERNAL), and open sockets resume
//! delivering when it is back; commit announcements (LISTEN) are restored after their
//! connection is terminated or lost. The database "goes away" through a relay the test cuts
//! (`db_proxy.rs`), never by touching the shared PostgreSQL server.

use std::time::{Duration, Instant};

use serde_json::{json, Value};
use sqlx::{Connection, PgConnection};
use tsunagu_client::{Client, ServerProcess};

use crate::db_proxy::DbProxy;
use crate::helpers::*;
use crate::world::*;

crate::on_both_backends!(
    a_running_server_is_live_and_ready,
    metrics_are_served_on_their_own_address
);

async fn a_running_server_is_live_and_ready(backend: Backend) {
    let app = TestApp::start(backend).await;
    let http = reqwest::Client::new();
    let live = http.get(format!("{}/livez", app.server.base_url)).send().await.unwrap();
    assert_eq!(live.status(), 200);
    let ready = http
        .get(format!("{}/readyz", app.server.base_url))
        .send()
        .await
        .unwrap();
    assert_eq!(ready.status(), 200);
    assert_eq!(ready.text().await.unwrap().trim(), "ready");
}

async fn metrics_are_served_on_their_own_address(backend: Backend) {
    let probe = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let metrics_addr = probe.local_addr().unwrap().to_string();
    drop(probe);
    // Pools sized by configuration, as the metrics report them.
    let configured_pool = match &backend {
        Backend::Sqlite => r#"tsunagu_db_pool_max_connections{pool="read"} 3"#,
        Backend::Postgres { .. } => r#"tsunagu_db_pool_max_connections{pool="general"} 7"#,
    };
    let app = TestApp::start_with(
        backend,
        &[
            ("METRICS_ADDR", &metrics_addr),
            ("DATABASE_POOL_SIZE", "7"),
            ("SQLITE_READ_CONNECTIONS", "3"),
        ],
    )
    .await;
    let w = World::build(&app).await;
    let mut subs = w.guardian_1.subscriptions().await.unwrap();
    subs.subscribe(ATTENDANCE_SUBSCRIPTION, json!({})).await.unwrap();
    w.staff_a.ok(CHECK_IN, json!({"c": w.child_1a})).await.unwrap();
    subs.next_data(DELIVERY_WAIT).await.unwrap().expect("delivered");
    let named = reqwest::Client::new()
        .post(format!("{}/graphql", app.server.base_url))
        .header("x-request-id", "trace-42")
        .json(&json!({"query": "query Greeting { __typename }", "operationName": "Greeting"}))
        .send()
        .await
        .unwrap();
    assert_eq!(
        named.headers()["x-request-id"],
        "trace-42",
        "the caller's request id comes back"
    );
    let fresh = reqwest::get(format!("{}/livez", app.server.base_url)).await.unwrap();
    assert!(
        fresh.headers().contains_key("x-request-id"),
        "every answer has a request id"
    );

    let text = reqwest::get(format!("http://{metrics_addr}/metrics"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    for expected in [
        r#"tsunagu_graphql_requests_total{operation="Greeting",outcome="OK"} 1"#,
        "tsunagu_subscriptions_open 1",
        r#"tsunagu_subscriptions_open_by_field{field="attendanceEvents"} 1"#,
        "tsunagu_websockets_open 1",
        "tsunagu_services_up 1",
        "tsunagu_attendance_batch_size_count",
        "tsunagu_attendance_queue_depth",
        "tsunagu_event_tailer_poll_seconds_count",
        "tsunagu_process_resident_memory_bytes",
        "tsunagu_push_outbox_pending",
        "tsunagu_db_pool_connections{pool=",
        configured_pool,
    ] {
        assert!(text.contains(expected), "{expected} missing from:\n{text}");
    }
    // The public listener has no metrics: the path is the app's (its shell), never the figures.
    let public = reqwest::get(format!("{}/metrics", app.server.base_url)).await.unwrap();
    let body = public.text().await.unwrap();
    assert!(
        !body.contains("tsunagu_graphql_requests_total"),
        "not on the public listener"
    );
}

/// `/readyz` until it answers 200 (or, failing, its last answer after a minute).
async fn wait_until_ready(base_url: &str) {
    let http = reqwest::Client::new();
    let started = Instant::now();
    loop {
        let answer = http.get(format!("{base_url}/readyz")).send().await.unwrap();
        let status = answer.status();
        let body = answer.text().await.unwrap();
        if status == 200 {
            return;
        }
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "never ready: {status} {body}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// `/readyz` until it answers 503; returns its reason.
async fn wait_until_not_ready(base_url: &str) -> String {
    let http = reqwest::Client::new();
    let started = Instant::now();
    loop {
        let answer = http.get(format!("{base_url}/readyz")).send().await.unwrap();
        if answer.status() == 503 {
            assert!(answer.headers().contains_key("retry-after"));
            return answer.text().await.unwrap();
        }
        assert!(started.elapsed() < Duration::from_secs(60), "still ready");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Posts a GraphQL request with `token`; returns the status, whether `Retry-After` was set,
/// and the body.
async fn post(base_url: &str, token: Option<&str>, query: &str, variables: Value) -> (u16, bool, Value) {
    let mut request = reqwest::Client::new()
        .post(format!("{base_url}/graphql"))
        .json(&json!({"query": query, "variables": variables}));
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    let answer = request.send().await.unwrap();
    let status = answer.status().as_u16();
    let retry_after = answer.headers().contains_key("retry-after");
    (status, retry_after, answer.json().await.unwrap())
}

fn assert_unavailable((status, retry_after, body): (u16, bool, Value)) {
    assert_eq!(status, 503, "{body}");
    assert!(retry_after, "Retry-After is set");
    let codes: Vec<&str> = body["errors"]
        .as_array()
        .unwrap_or_else(|| panic!("errors in {body}"))
        .iter()
        .map(|e| e["extensions"]["code"].as_str().unwrap_or_default())
        .collect();
    assert!(codes.contains(&"UNAVAILABLE") && !codes.contains(&"INTERNAL"), "{body}");
}

/// The server on `db` through `proxy`, as a `TestApp` (the proxy must be open).
async fn start_through(proxy: &DbProxy, db: TestDb, extra_env: &[(&str, &str)]) -> TestApp {
    let mut env = server_env(&db);
    env.insert("DATABASE_URL".into(), proxy.url(&db.url));
    for (key, value) in extra_env {
        env.insert((*key).to_owned(), (*value).to_owned());
    }
    let server = ServerProcess::spawn(&binary(), &env).await.expect("server starts");
    let anonymous = Client::new(&server.base_url);
    let admin = anonymous.login(ADMIN_EMAIL, PASSWORD).await.expect("admin logs in");
    TestApp {
        server,
        db,
        anonymous,
        admin,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_started_before_its_database_catches_up() {
    let Some(backend) = postgres_backend().await else {
        return;
    };
    let db = TestDb::create(&backend).await;
    let proxy = DbProxy::new(&db.url).await;
    let mut env = server_env(&db);
    env.insert("DATABASE_URL".into(), proxy.url(&db.url));
    let server = ServerProcess::spawn(&binary(), &env)
        .await
        .expect("listens without its database");
    let http = reqwest::Client::new();
    let live = http.get(format!("{}/livez", server.base_url)).send().await.unwrap();
    assert_eq!(live.status(), 200, "the process serves");
    let why = wait_until_not_ready(&server.base_url).await;
    assert!(why.contains("database"), "{why}");
    assert_unavailable(post(&server.base_url, None, "{ __typename }", json!({})).await);

    proxy.open().await;
    wait_until_ready(&server.base_url).await;
    let admin = Client::new(&server.base_url)
        .login(ADMIN_EMAIL, PASSWORD)
        .await
        .expect("migrated and bootstrapped once the database appeared");
    let municipality = municipality(&admin, "いわき市", "072044").await;
    assert!(!municipality.is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_outage_is_answered_unavailable_and_open_sockets_resume() {
    let Some(backend) = postgres_backend().await else {
        return;
    };
    let db = TestDb::create(&backend).await;
    let proxy = DbProxy::new(&db.url).await;
    proxy.open().await;
    let app = start_through(&proxy, db, &[]).await;
    let w = World::build(&app).await;
    let base = app.server.base_url.clone();
    let mut subs = w.guardian_1.subscriptions().await.unwrap();
    subs.subscribe(ATTENDANCE_SUBSCRIPTION, json!({})).await.unwrap();
    let checked_in = w.staff_a.ok(CHECK_IN, json!({"c": w.child_1a})).await.unwrap()["checkIn"].clone();
    let live = subs.next_data(DELIVERY_WAIT).await.unwrap().expect("delivered");
    assert_eq!(live["attendanceEvents"]["id"], checked_in["id"]);

    proxy.cut();
    let why = wait_until_not_ready(&base).await;
    assert!(why.contains("database"), "{why}");
    let live = reqwest::get(format!("{base}/livez")).await.unwrap();
    assert_eq!(live.status(), 200, "the process still serves");
    // A write, a read, and a login: each answered, retryable.
    assert_unavailable(
        post(
            &base,
            w.staff_a.token(),
            CHECK_OUT,
            json!({"c": w.child_1a, "k": "out-1"}),
        )
        .await,
    );
    assert_unavailable(post(&base, w.guardian_1.token(), "{ me { id } }", json!({})).await);
    let login = "mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }";
    assert_unavailable(post(&base, None, login, json!({"e": ADMIN_EMAIL, "p": PASSWORD})).await);

    proxy.open().await;
    wait_until_ready(&base).await;
    let checked_out = w
        .staff_a
        .ok(CHECK_OUT, json!({"c": w.child_1a, "k": "out-1"}))
        .await
        .unwrap()["checkOut"]
        .clone();
    let live = subs
        .next_data(DELIVERY_WAIT)
        .await
        .unwrap()
        .expect("the socket open through the outage delivers again");
    assert_eq!(live["attendanceEvents"]["id"], checked_out["id"]);
    assert_eq!(live["attendanceEvents"]["child"]["id"], json!(w.child_1a));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn listening_for_other_replicas_is_restored() {
    let Some(backend) = postgres_backend().await else {
        return;
    };
    let Backend::Postgres { admin_url } = &backend else {
        unreachable!()
    };
    let app = TestApp::start(backend.clone()).await;
    let w = World::build(&app).await;
    let proxy = DbProxy::new(&app.db.url).await;
    proxy.open().await;
    let mut env = server_env(&app.db);
    env.insert("DATABASE_URL".into(), proxy.url(&app.db.url));
    // Polling so slow that only commit announcements can deliver within the test's wait.
    env.insert("EVENT_POLL_INTERVAL_MS".into(), "600000".into());
    let replica_b = ServerProcess::spawn(&binary(), &env).await.expect("second replica");
    wait_until_ready(&replica_b.base_url).await;
    let on_b = Client::new(&replica_b.base_url).with_token(w.guardian_1.token().map(str::to_owned));
    let mut subs = on_b.subscriptions().await.unwrap();
    subs.subscribe(ATTENDANCE_SUBSCRIPTION, json!({})).await.unwrap();
    let expect_on_b = |query: &'static str, field: &'static str| {
        let staff = w.staff_a.clone();
        let child = w.child_1a.clone();
        async move {
            let written = staff.ok(query, json!({"c": child})).await.unwrap()[field].clone();
            written["id"].clone()
        }
    };

    let written = expect_on_b(CHECK_IN, "checkIn").await;
    let live = subs.next_data(DELIVERY_WAIT).await.unwrap().expect("announced");
    assert_eq!(live["attendanceEvents"]["id"], written);

    // The listening connections of this test's database are terminated.
    let mut admin = PgConnection::connect(admin_url).await.unwrap();
    let database = app.db.url.rsplit('/').next().unwrap().to_owned();
    let (terminated,): (i64,) = sqlx::query_as(
        "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity
         WHERE datname = $1 AND query LIKE 'LISTEN%'",
    )
    .bind(&database)
    .fetch_one(&mut admin)
    .await
    .unwrap();
    assert!(terminated >= 1, "a listening connection was terminated");
    let written = expect_on_b(CHECK_OUT, "checkOut").await;
    let live = subs
        .next_data(DELIVERY_WAIT)
        .await
        .unwrap()
        .expect("announced after LISTEN was terminated");
    assert_eq!(live["attendanceEvents"]["id"], written);

    // Replica B loses its database for a while: listening again fails until it is back.
    proxy.cut();
    wait_until_not_ready(&replica_b.base_url).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    proxy.open().await;
    wait_until_ready(&replica_b.base_url).await;
    let written = expect_on_b(CHECK_IN, "checkIn").await;
    let live = subs
        .next_data(DELIVERY_WAIT)
        .await
        .unwrap()
        .expect("announced after the outage");
    assert_eq!(live["attendanceEvents"]["id"], written);
    let _ = admin.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_start_that_waiting_cannot_mend_exits() {
    let Some(backend) = postgres_backend().await else {
        return;
    };
    let db = TestDb::create(&backend).await;
    let mut env = server_env(&db);
    // The server answers, but there is no such database: a setting to fix, not an outage.
    env.insert("DATABASE_URL".into(), format!("{}_missing", db.url));
    let started = ServerProcess::spawn(&binary(), &env).await;
    let error = started.err().expect("the server exits instead of waiting");
    assert!(error.to_string().contains("exited"), "{error}");
}

//! WebSockets as an attacker and as the protocol see them: a socket ends with its session
//! (logout here or on another replica), graphql-transport-ws's close codes for each misstep,
//! the limits on time, operations and sockets per account, and the audit trail of what live
//! events deliver.

use std::time::Duration;

use futures::{SinkExt, StreamExt};
use serde_json::{json, Value};
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::Message;
use tsunagu_client::{Client, Incoming, Subscriptions};

use crate::helpers::*;
use crate::world::*;

crate::on_both_backends!(
    a_socket_ends_with_its_session,
    the_protocol_closes_with_its_codes,
    sockets_and_operations_are_limited,
    live_deliveries_are_on_the_audit_trail
);

type RawSocket = tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

/// A socket speaking graphql-transport-ws, before anything is sent.
async fn raw_socket(client: &Client) -> RawSocket {
    let mut request = client.ws_url().into_client_request().unwrap();
    request
        .headers_mut()
        .insert("Sec-WebSocket-Protocol", "graphql-transport-ws".parse().unwrap());
    tokio_tungstenite::connect_async(request).await.expect("upgrade").0
}

async fn send(socket: &mut RawSocket, message: Value) {
    socket.send(Message::text(message.to_string())).await.unwrap();
}

/// The next protocol message, or the close code and reason.
async fn receive(socket: &mut RawSocket, wait: Duration) -> Result<Value, (u16, String)> {
    loop {
        match tokio::time::timeout(wait, socket.next()).await {
            Err(_) => panic!("nothing arrived within {wait:?}"),
            Ok(Some(Ok(Message::Text(text)))) => return Ok(serde_json::from_str(text.as_str()).unwrap()),
            Ok(Some(Ok(Message::Close(frame)))) => {
                return Err(frame
                    .map(|f| (u16::from(f.code), f.reason.to_string()))
                    .unwrap_or((1005, String::new())))
            }
            Ok(Some(Ok(_))) => continue,
            Ok(other) => panic!("socket dropped without a close frame: {other:?}"),
        }
    }
}

async fn closed_with(socket: &mut RawSocket, wait: Duration) -> u16 {
    loop {
        match receive(socket, wait).await {
            Ok(_) => continue,
            Err((code, _)) => return code,
        }
    }
}

async fn init(socket: &mut RawSocket, client: &Client) {
    let token = client.token().unwrap();
    send(
        socket,
        json!({"type": "connection_init", "payload": {"authorization": format!("Bearer {token}")}}),
    )
    .await;
    assert_eq!(receive(socket, DELIVERY_WAIT).await.unwrap()["type"], "connection_ack");
}

/// Waits for the socket's close; `Closed` with its code, failing if it stays open.
async fn close_code(subs: &mut Subscriptions, within: Duration) -> u16 {
    let deadline = tokio::time::Instant::now() + within;
    loop {
        let left = deadline.saturating_duration_since(tokio::time::Instant::now());
        match subs.next(left).await.unwrap() {
            Some(Incoming::Closed { code, .. }) => return code,
            Some(_) => continue,
            None => panic!("the socket is still open after {within:?}"),
        }
    }
}

async fn a_socket_ends_with_its_session(backend: Backend) {
    let app = TestApp::start(backend).await;
    let w = World::build(&app).await;

    // Logging out over HTTP closes the socket opened with that session, and only that one.
    let phone = app.anonymous.login("mother.1@tsunagu.test", PASSWORD).await.unwrap();
    let mut socket = phone.subscriptions().await.unwrap();
    socket.subscribe(ATTENDANCE_SUBSCRIPTION, json!({})).await.unwrap();
    let mut other_phone = w.guardian_1.subscriptions().await.unwrap();
    other_phone.subscribe(ATTENDANCE_SUBSCRIPTION, json!({})).await.unwrap();
    assert_eq!(
        phone.ok("mutation { logout }", json!({})).await.unwrap()["logout"],
        true
    );
    assert_eq!(close_code(&mut socket, Duration::from_secs(2)).await, 4403);
    // The family's other phone still hears the child arrive.
    w.staff_a.ok(CHECK_IN, json!({"c": w.child_1a})).await.unwrap();
    let data = other_phone.next_data(DELIVERY_WAIT).await.unwrap().expect("an arrival");
    assert_eq!(data["attendanceEvents"]["kind"], "CHECK_IN");

    // A logout sent over the socket itself ends it too; nothing more runs on it.
    let phone = app.anonymous.login("mother.1@tsunagu.test", PASSWORD).await.unwrap();
    let mut socket = phone.subscriptions().await.unwrap();
    socket.subscribe("mutation { logout }", json!({})).await.unwrap();
    assert_eq!(close_code(&mut socket, Duration::from_secs(2)).await, 4403);
    assert!(
        phone.subscriptions().await.is_err(),
        "the ended session opens no socket"
    );
}

async fn the_protocol_closes_with_its_codes(backend: Backend) {
    let app = TestApp::start_with(backend, &[("WS_INIT_TIMEOUT_SECONDS", "1")]).await;
    let w = World::build(&app).await;

    // No connection_init in time: 4408.
    let mut socket = raw_socket(&w.guardian_1).await;
    assert_eq!(closed_with(&mut socket, Duration::from_secs(5)).await, 4408);

    // An operation before connection_init: 4401.
    let mut socket = raw_socket(&w.guardian_1).await;
    send(
        &mut socket,
        json!({"id": "1", "type": "subscribe", "payload": {"query": "{ me { user { id } } }"}}),
    )
    .await;
    assert_eq!(closed_with(&mut socket, DELIVERY_WAIT).await, 4401);

    // A refused token: 4403. A message that is not the protocol's: 4400.
    let mut socket = raw_socket(&w.guardian_1).await;
    send(
        &mut socket,
        json!({"type": "connection_init", "payload": {"authorization": "Bearer nope"}}),
    )
    .await;
    assert_eq!(closed_with(&mut socket, DELIVERY_WAIT).await, 4403);
    let mut socket = raw_socket(&w.guardian_1).await;
    socket.send(Message::text("{\"type\": \"start\"}")).await.unwrap();
    assert_eq!(closed_with(&mut socket, DELIVERY_WAIT).await, 4400);

    // Ping is answered with pong; a second connection_init is 4429.
    let mut socket = raw_socket(&w.guardian_1).await;
    init(&mut socket, &w.guardian_1).await;
    send(&mut socket, json!({"type": "ping"})).await;
    assert_eq!(receive(&mut socket, DELIVERY_WAIT).await.unwrap()["type"], "pong");
    send(&mut socket, json!({"type": "connection_init", "payload": {}})).await;
    assert_eq!(closed_with(&mut socket, DELIVERY_WAIT).await, 4429);

    // A subscribe reusing the id of a running operation: 4409.
    let mut socket = raw_socket(&w.guardian_1).await;
    init(&mut socket, &w.guardian_1).await;
    let subscribe = json!({"id": "a", "type": "subscribe", "payload": {"query": ATTENDANCE_SUBSCRIPTION}});
    send(&mut socket, subscribe.clone()).await;
    send(&mut socket, subscribe).await;
    assert_eq!(closed_with(&mut socket, DELIVERY_WAIT).await, 4409);

    // Once initialised, the init deadline no longer applies.
    let mut subs = w.guardian_1.subscriptions().await.unwrap();
    tokio::time::sleep(Duration::from_millis(1500)).await;
    subs.subscribe("{ me { user { id } } }", json!({})).await.unwrap();
    assert!(matches!(
        subs.next(DELIVERY_WAIT).await.unwrap(),
        Some(Incoming::Next { .. })
    ));
}

async fn sockets_and_operations_are_limited(backend: Backend) {
    let app = TestApp::start_with(backend, &[("WS_MAX_OPERATIONS", "3"), ("WS_MAX_SOCKETS_PER_USER", "2")]).await;
    let w = World::build(&app).await;

    // Three operations run; a fourth is refused with a clear error and the socket stays.
    let mut subs = w.guardian_1.subscriptions().await.unwrap();
    for _ in 0..3 {
        subs.subscribe(ATTENDANCE_SUBSCRIPTION, json!({})).await.unwrap();
    }
    let fourth = subs.subscribe(ATTENDANCE_SUBSCRIPTION, json!({})).await.unwrap();
    match subs.next(DELIVERY_WAIT).await.unwrap() {
        Some(Incoming::Error { id, payload }) => {
            assert_eq!(id, fourth);
            assert_eq!(payload[0]["extensions"]["code"], "RATE_LIMITED", "{payload}");
        }
        other => panic!("expected the fourth operation refused, got {other:?}"),
    }
    w.staff_a.ok(CHECK_IN, json!({"c": w.child_1a})).await.unwrap();
    for _ in 0..3 {
        assert!(subs.next_data(DELIVERY_WAIT).await.unwrap().is_some());
    }

    // A second socket is allowed, a third of the same account is refused (4429); another
    // account is not affected.
    let _second = w.guardian_1.subscriptions().await.unwrap();
    let third = w.guardian_1.subscriptions().await;
    let refusal = third.err().expect("a third socket is refused").to_string();
    assert!(refusal.contains("4429"), "{refusal}");
    assert!(w.guardian_2.subscriptions().await.is_ok());
}

async fn live_deliveries_are_on_the_audit_trail(backend: Backend) {
    let app = TestApp::start(backend).await;
    let w = World::build(&app).await;
    let guardian_id = w.guardian_1.ok("{ me { user { id } } }", json!({})).await.unwrap()["me"]["user"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let mut subs = w.guardian_1.subscriptions().await.unwrap();
    let today = today_jst().to_string();
    subs.subscribe(
        "subscription($d: Date!) { attendanceEvents { child { id healthChecks(from: $d, to: $d) { id } } } }",
        json!({"d": today}),
    )
    .await
    .unwrap();
    w.staff_a.ok(CHECK_IN, json!({"c": w.child_1a})).await.unwrap();
    let data = subs.next_data(DELIVERY_WAIT).await.unwrap().expect("the arrival");
    assert_eq!(data["attendanceEvents"]["child"]["id"], w.child_1a.as_str());

    let entries = w
        .head_a
        .ok(
            "query($a: ID!) { auditLog(actorId: $a, operation: \"Child.healthChecks\") { entries { operation entityIds access } } }",
            json!({"a": guardian_id}),
        )
        .await
        .unwrap()["auditLog"]["entries"]
        .as_array()
        .unwrap()
        .clone();
    assert!(
        entries
            .iter()
            .any(|e| e["access"] == "READ" && e["entityIds"].as_array().unwrap().contains(&json!(w.child_1a))),
        "the delivered health checks are on the trail: {entries:?}"
    );
}

/// A logout on one replica closes the session's socket on another within about a second:
/// the other replica learns it from its own reading of the open sockets' sessions.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_a_logout_on_one_replica_ends_the_socket_on_another() {
    let Some(backend) = postgres_backend().await else {
        return;
    };
    let app = TestApp::start(backend).await;
    let w = World::build(&app).await;
    let replica_b = tsunagu_client::ServerProcess::spawn(&binary(), &server_env(&app.db))
        .await
        .expect("second replica");
    let phone = app.anonymous.login("mother.1@tsunagu.test", PASSWORD).await.unwrap();
    let on_b = Client::new(&replica_b.base_url).with_token(phone.token().map(str::to_owned));
    let mut socket = on_b.subscriptions().await.unwrap();
    socket.subscribe(ATTENDANCE_SUBSCRIPTION, json!({})).await.unwrap();
    phone.ok("mutation { logout }", json!({})).await.unwrap();
    assert_eq!(close_code(&mut socket, Duration::from_secs(3)).await, 4403);
    drop(w);
}

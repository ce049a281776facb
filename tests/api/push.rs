//! Web Push end to end, against a strict loopback push service over verified HTTPS (the server
//! trusts its certificate authority through PUSH_EXTRA_ROOT_CERT only): arrivals reach every
//! guardian's phone with the app closed, encrypted and VAPID-signed, without health details;
//! failures are retried, gone devices removed, preferences honoured, and pushes written before
//! a restart are delivered once after it.

use std::time::Duration;

use serde_json::{json, Value};
use tsunagu_client::{Client, ServerProcess};

use crate::helpers::*;
use crate::push_service::{env_pairs, Device, PushService};
use crate::world::*;

crate::on_both_backends!(pushes_reach_closed_phones, pushes_survive_a_restart);

const PUSH_WAIT: Duration = Duration::from_secs(15);

async fn register(client: &Client, device: &Device) {
    client
        .ok(
            "mutation($i: PushSubscriptionInput!) { registerPushSubscription(input: $i) }",
            json!({"i": device.input()}),
        )
        .await
        .unwrap_or_else(|e| panic!("register {}: {e}", device.name));
}

/// The push service's settings and a quick poll; no insecure switch: https as in production.
fn push_env(service: &PushService) -> Vec<(&'static str, String)> {
    let mut env = service.server_env();
    env.push(("PUSH_POLL_INTERVAL_MS", "100".to_owned()));
    env
}

async fn pushes_reach_closed_phones(backend: Backend) {
    let service = PushService::start().await;
    let app = TestApp::start_with(backend, &env_pairs(&push_env(&service))).await;
    let w = World::build(&app).await;
    let key = app.anonymous.ok("{ vapidPublicKey }", json!({})).await.unwrap()["vapidPublicKey"]
        .as_str()
        .unwrap()
        .to_owned();
    service.expect_vapid_key(&key);

    let mother = service.device("mother", &[]);
    let mother_tablet = service.device("mother-tablet", &[]);
    let father = service.device("father", &[500]);
    let other_family = service.device("other-family", &[]);
    let teacher = service.device("teacher", &[]);
    register(&w.guardian_1, &mother).await;
    register(&w.guardian_1, &mother_tablet).await;
    register(&w.guardian_1b, &father).await;
    register(&w.guardian_2, &other_family).await;
    register(&w.staff_a, &teacher).await;

    // Arrival: every device of both guardians, even after the push service failed once.
    let arrival = w.staff_a.ok(CHECK_IN, json!({"c": w.child_1a})).await.unwrap()["checkIn"]["id"].clone();
    for device in [&mother, &mother_tablet, &father] {
        let got = service.wait_for(device, 1, PUSH_WAIT).await;
        assert_eq!(
            got.len(),
            1,
            "{} receives the arrival; push service saw: {:?}",
            device.name,
            service.problems()
        );
        let payload = &got[0].payload;
        assert_eq!(payload["kind"], "ARRIVAL");
        assert_eq!(payload["eventId"], arrival);
        assert_eq!(payload["childName"], "はると");
        assert!(payload["path"].as_str().unwrap().ends_with("/attendance"));
        assert!(!payload.to_string().contains("佐藤"), "given name only: {payload}");
        assert_eq!(got[0].urgency, "high");
        assert!(got[0].ttl > 0);
    }
    assert_eq!(service.attempts(&father), 2, "the 500 was retried");
    assert!(service.delivered(&other_family).is_empty());

    // A fever: the family is asked to call, with no temperature on the lock screen.
    w.staff_a
        .ok("mutation($c: ID!) { recordHealthCheck(input: {childId: $c, temperatureC: 38.6, symptoms: [VOMITING]}) { id } }", json!({"c": w.child_1a}))
        .await
        .unwrap();
    let fever = service.wait_for(&mother, 2, PUSH_WAIT).await;
    let text = fever.last().unwrap().payload.to_string();
    assert_eq!(fever.last().unwrap().payload["kind"], "FEVER");
    for secret in ["38.6", "VOMITING", "嘔吐", "発熱", "℃"] {
        assert!(!text.contains(secret), "no health details in {text}");
    }
    let to_teacher = service.wait_for(&teacher, 1, PUSH_WAIT).await;
    assert_eq!(to_teacher[0].payload["kind"], "FEVER");

    // Preferences: the mother switches departures off; the father still gets them.
    w.guardian_1
        .ok(
            "mutation { setPushPreference(kind: DEPARTURE, enabled: false) }",
            json!({}),
        )
        .await
        .unwrap();
    let me = w
        .guardian_1
        .ok("{ me { disabledPushKinds } }", json!({}))
        .await
        .unwrap();
    assert_eq!(me["me"]["disabledPushKinds"], json!(["DEPARTURE"]));
    w.staff_a.ok(CHECK_OUT, json!({"c": w.child_1a})).await.unwrap();
    let departures = service.wait_for(&father, 3, PUSH_WAIT).await;
    assert_eq!(departures.last().unwrap().payload["kind"], "DEPARTURE");
    assert_eq!(service.delivered(&mother).len(), 2, "no departure for the mother");

    // A device that is gone (410) is removed: it is not tried again.
    let old_phone = service.device("old-phone", &[410]);
    register(&w.guardian_2, &old_phone).await;
    w.staff_a.ok(CHECK_IN, json!({"c": w.child_2})).await.unwrap();
    service.wait_for(&other_family, 1, PUSH_WAIT).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    w.staff_a.ok(CHECK_OUT, json!({"c": w.child_2})).await.unwrap();
    assert_eq!(service.wait_for(&other_family, 2, PUSH_WAIT).await.len(), 2);
    assert_eq!(service.attempts(&old_phone), 1, "a gone device is not tried again");

    // The administrator sees what happened.
    let deliveries = app
        .admin
        .ok(
            "{ pushDeliveries(limit: 100) { kind status attempts lastError } }",
            json!({}),
        )
        .await
        .unwrap();
    let rows = deliveries["pushDeliveries"].as_array().unwrap();
    assert!(rows.iter().any(|r| r["status"] == "GONE"));
    assert!(rows
        .iter()
        .any(|r| r["status"] == "DELIVERED" && r["attempts"] == 2 && r["lastError"].as_str().unwrap().contains("500")));
    assert_eq!(
        w.staff_a
            .gql("{ pushDeliveries { id } }", json!({}))
            .await
            .unwrap()
            .code(),
        Some("FORBIDDEN")
    );

    // Unregistering stops pushes to that device.
    let tablet_before = service.delivered(&mother_tablet).len();
    w.guardian_1
        .ok(
            "mutation($e: String!) { unregisterPushSubscription(endpoint: $e) }",
            json!({"e": mother_tablet.endpoint}),
        )
        .await
        .unwrap();
    w.staff_a.ok(CHECK_IN, json!({"c": w.child_1b})).await.unwrap();
    assert_eq!(service.wait_for(&mother, 3, PUSH_WAIT).await.len(), 3);
    assert_eq!(service.delivered(&mother_tablet).len(), tablet_before);

    // Bad devices are refused with the field named.
    let bad = |field: &str, value: Value| {
        let mut input = mother.input();
        input[field] = value;
        input
    };
    for (field, value) in [
        ("endpoint", json!("ftp://example.com/x")),
        ("p256dh", json!("AAAA")),
        ("auth", json!("short")),
        ("endpoint", json!(mother.endpoint.replace("https://", "http://"))),
    ] {
        let response = w
            .guardian_1
            .gql(
                "mutation($i: PushSubscriptionInput!) { registerPushSubscription(input: $i) }",
                json!({"i": bad(field, value)}),
            )
            .await
            .unwrap();
        assert_eq!(
            (response.code(), response.field()),
            (Some("BAD_USER_INPUT"), Some(field))
        );
    }
    assert!(
        service.problems().is_empty(),
        "the push service refused: {:?}",
        service.problems()
    );
}

async fn pushes_survive_a_restart(backend: Backend) {
    let service = PushService::start().await;
    // A replica that does not send: the push waits in the outbox when the process stops.
    let mut env = push_env(&service);
    env.push(("PUSH_WORKERS", "0".to_owned()));
    let app = TestApp::start_with(backend, &env_pairs(&env)).await;
    let w = World::build(&app).await;
    let phone = service.device("phone", &[]);
    register(&w.guardian_1, &phone).await;
    let arrival = w.staff_a.ok(CHECK_IN, json!({"c": w.child_1a})).await.unwrap()["checkIn"]["id"].clone();
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert!(service.delivered(&phone).is_empty());
    let TestApp { server, db, .. } = app;
    assert!(server.terminate().await.unwrap());

    let mut env = server_env(&db);
    for (key, value) in push_env(&service) {
        env.insert(key.to_owned(), value);
    }
    let restarted = ServerProcess::spawn(&binary(), &env).await.unwrap();
    let got = service.wait_for(&phone, 1, PUSH_WAIT).await;
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].payload["eventId"], arrival);
    tokio::time::sleep(Duration::from_millis(800)).await;
    assert_eq!(service.delivered(&phone).len(), 1, "delivered once");
    let key = Client::new(&restarted.base_url)
        .ok("{ vapidPublicKey }", json!({}))
        .await
        .unwrap();
    service.expect_vapid_key(key["vapidPublicKey"].as_str().unwrap());
    assert!(service.problems().is_empty(), "{:?}", service.problems());
    restarted.terminate().await.unwrap();
}

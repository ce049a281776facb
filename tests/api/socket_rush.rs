//! The morning rush on the socket: a few hundred phones connect at the same moment, each
//! opening its two feeds (arrivals and care alerts) at once, as the app does. Every socket is
//! acknowledged, both of its subscriptions open, and each receives its family's events.
//!
//! A socket once read the session of its second subscription while its first was opening:
//! the first, unpolled meanwhile, kept its read connection, and with enough phones every
//! connection was kept that way while every session read waited for one — the server went
//! silent and refused later phones with 4408 (see `Connection::operation`).

use futures::future::join_all;
use serde_json::{json, Value};
use tsunagu_client::{Client, Incoming, Subscriptions};

use crate::care::CARE_ALERTS;
use crate::helpers::*;
use crate::world::*;

crate::on_both_backends!(a_rush_of_sockets_opening_two_feeds_each_is_served);

/// Phones per guardian account; two accounts.
const PHONES_PER_GUARDIAN: usize = 150;

const HEALTH: &str = "mutation($i: HealthCheckInput!) { recordHealthCheck(input: $i) { id fever } }";

/// One phone: acknowledged, with both feeds asked for before anything else is read.
async fn phone(client: &Client) -> Subscriptions {
    let mut socket = client.subscriptions().await.expect("the socket is acknowledged");
    socket.subscribe(ATTENDANCE_SUBSCRIPTION, json!({})).await.unwrap();
    socket.subscribe(CARE_ALERTS, json!({})).await.unwrap();
    socket
}

/// What the phone receives next, as (field, child id); fails on anything but data.
async fn next_event(socket: &mut Subscriptions) -> (String, String) {
    match socket.next(DELIVERY_WAIT).await.unwrap() {
        Some(Incoming::Next { payload, .. }) if payload.get("errors").is_none() => {
            let data = payload["data"].as_object().expect("data").clone();
            let (field, event): (&String, &Value) = data.iter().next().expect("one field");
            (
                field.clone(),
                event["child"]["id"].as_str().expect("a child").to_owned(),
            )
        }
        other => panic!("expected an event, got {other:?}"),
    }
}

async fn a_rush_of_sockets_opening_two_feeds_each_is_served(backend: Backend) {
    // PostgreSQL refuses a statement that waited 1.5 s for a connection (UNAVAILABLE, which
    // the app retries); a debug build on a busy machine can take that long to open six hundred
    // subscriptions at once. Here the wait is lifted, so every refusal and every silence is a
    // failure.
    let env = [
        ("WS_MAX_SOCKETS_PER_USER", "1000"),
        ("DATABASE_ACQUIRE_TIMEOUT_MS", "60000"),
    ];
    let app = TestApp::start_with(backend, &env).await;
    let w = World::build(&app).await;
    let guardians = [(&w.guardian_1, &w.child_1a), (&w.guardian_2, &w.child_2)];

    // Every phone at once.
    let phones = join_all(
        guardians
            .iter()
            .flat_map(|(guardian, _)| std::iter::repeat_n(*guardian, PHONES_PER_GUARDIAN))
            .map(phone),
    )
    .await;
    assert_eq!(phones.len(), 2 * PHONES_PER_GUARDIAN);

    // Both feeds of every phone are open: an arrival and a fever of each family's child reach
    // every phone of the family.
    for (_, child) in &guardians {
        w.staff_a.ok(CHECK_IN, json!({"c": child})).await.unwrap();
        let fever = w
            .staff_a
            .ok(HEALTH, json!({"i": {"childId": child, "temperatureC": 38.4}}))
            .await
            .unwrap();
        assert_eq!(fever["recordHealthCheck"]["fever"], true);
    }
    let children: Vec<&String> = guardians
        .iter()
        .flat_map(|(_, child)| std::iter::repeat_n(*child, PHONES_PER_GUARDIAN))
        .collect();
    let received = join_all(phones.into_iter().map(|mut socket| async move {
        let mut events = vec![next_event(&mut socket).await, next_event(&mut socket).await];
        events.sort();
        events
    }))
    .await;
    for (events, child) in received.iter().zip(children) {
        assert_eq!(
            events,
            &vec![
                ("attendanceEvents".to_owned(), child.clone()),
                ("careAlerts".to_owned(), child.clone())
            ]
        );
    }
}

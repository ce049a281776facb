//! GraphQL over the WebSocket as the apps use it: a live subscription answers each event with
//! exactly the selection the client sent (named operations, variables, aliases, fragments,
//! `__typename`), refusals and invalid documents are `error` messages, `complete`
//! from the client stops one operation and leaves the others, and queries and mutations sent
//! over the socket are answered once.

use serde_json::{json, Value};
use tsunagu_client::{Incoming, Subscriptions};

use crate::helpers::*;
use crate::world::*;

crate::on_both_backends!(
    subscriptions_answer_the_selection_sent,
    operations_end_and_stop_as_asked
);

const SEVERAL_OPERATIONS: &str = "
    subscription Alerts { careAlerts { id } }
    subscription Arrivals($after: String, $withChild: Boolean!) {
        seen: attendanceEvents(after: $after) { __typename ...Event child @include(if: $withChild) { name } }
    }
    fragment Event on AttendanceEvent { kind at: occurredAt }";

async fn next(subs: &mut Subscriptions, who: &str) -> Incoming {
    subs.next(DELIVERY_WAIT)
        .await
        .unwrap()
        .unwrap_or_else(|| panic!("{who}: nothing arrived"))
}

fn next_payload(incoming: Incoming, who: &str) -> (String, Value) {
    match incoming {
        Incoming::Next { id, payload } => (id, payload),
        other => panic!("{who}: expected next, got {other:?}"),
    }
}

/// An `error` message's id and its list of GraphQL errors.
fn error_payload(incoming: Incoming, who: &str) -> (String, Value) {
    match incoming {
        Incoming::Error { id, payload } if payload.is_array() => (id, payload),
        other => panic!("{who}: expected an error message, got {other:?}"),
    }
}

/// The cursor of an event the first family's phones do not see.
async fn another_familys_cursor(w: &World) -> Value {
    let checked_in = w.staff_a.ok(CHECK_IN, json!({"c": w.child_2})).await.unwrap();
    checked_in["checkIn"]["cursor"].clone()
}

async fn subscriptions_answer_the_selection_sent(backend: Backend) {
    let app = TestApp::start(backend).await;
    let w = World::build(&app).await;
    // Subscribing from a cursor: nothing is missed however long the subscription takes to open.
    let start = another_familys_cursor(&w).await;
    let mut phone = w.guardian_1.subscriptions().await.unwrap();
    let id = phone
        .subscribe_operation(
            SEVERAL_OPERATIONS,
            "Arrivals",
            json!({"after": start, "withChild": true}),
        )
        .await
        .unwrap();
    w.staff_a.ok(CHECK_IN, json!({"c": w.child_1a})).await.unwrap();

    let (got_id, payload) = next_payload(next(&mut phone, "mother").await, "mother");
    assert_eq!(got_id, id);
    assert!(payload.get("errors").is_none(), "{payload}");
    let seen = &payload["data"]["seen"];
    assert_eq!(seen["__typename"], "AttendanceEvent");
    assert_eq!(seen["kind"], "CHECK_IN");
    assert_eq!(seen["child"]["name"], "佐藤 はると");
    assert!(seen["at"].as_str().is_some_and(|at| at.contains('T')), "{seen}");
    let mut keys: Vec<&String> = seen.as_object().unwrap().keys().collect();
    keys.sort();
    assert_eq!(keys, ["__typename", "at", "child", "kind"], "exactly the selection");
    assert_eq!(payload["data"].as_object().unwrap().len(), 1);

    // The same operation with the child left out by its variable.
    let mut father = w.guardian_1b.subscriptions().await.unwrap();
    father
        .subscribe_operation(
            SEVERAL_OPERATIONS,
            "Arrivals",
            json!({"after": start, "withChild": false}),
        )
        .await
        .unwrap();
    w.staff_a.ok(CHECK_IN, json!({"c": w.child_1b})).await.unwrap();
    let (_, payload) = next_payload(next(&mut father, "father").await, "father");
    assert_eq!(
        payload["data"]["seen"]["kind"], "CHECK_IN",
        "the replayed first check-in"
    );
    assert!(payload["data"]["seen"].get("child").is_none(), "{payload}");
    let (_, payload) = next_payload(next(&mut father, "father").await, "father");
    assert_eq!(payload["data"]["seen"]["kind"], "CHECK_IN");
    assert!(payload["data"]["seen"].get("child").is_none(), "{payload}");
    let (_, payload) = next_payload(next(&mut phone, "mother").await, "mother");
    assert_eq!(payload["data"]["seen"]["child"]["name"], "佐藤 ゆい");

    // Resuming from a cursor replays what came after it, in the same shape.
    let cursor = w.staff_a.ok(CHECK_OUT, json!({"c": w.child_2})).await.unwrap()["checkOut"]["cursor"].clone();
    w.staff_a.ok(CHECK_OUT, json!({"c": w.child_1a})).await.unwrap();
    let mut staff = w.staff_a.subscriptions().await.unwrap();
    staff
        .subscribe_operation(
            SEVERAL_OPERATIONS,
            "Arrivals",
            json!({"after": cursor, "withChild": false}),
        )
        .await
        .unwrap();
    let (_, payload) = next_payload(next(&mut staff, "staff").await, "staff");
    assert_eq!(payload["data"]["seen"]["kind"], "CHECK_OUT");
}

async fn operations_end_and_stop_as_asked(backend: Backend) {
    let app = TestApp::start(backend).await;
    let w = World::build(&app).await;
    let mut phone = w.guardian_1.subscriptions().await.unwrap();

    // An unknown field: the operation is refused with an `error` message (no `complete`
    // follows, as graphql-transport-ws says), and the socket stays open.
    let bad = phone
        .subscribe("subscription { attendanceEvents { id noSuchField } }", json!({}))
        .await
        .unwrap();
    let (id, errors) = error_payload(next(&mut phone, "invalid").await, "invalid");
    assert_eq!(id, bad);
    assert!(
        errors[0]["message"].as_str().unwrap().contains("noSuchField"),
        "{errors}"
    );

    // A refused subscription (a guardian asking for the nursery's absence reports).
    let refused = phone.subscribe(ABSENCE_SUBSCRIPTION, json!({})).await.unwrap();
    let (id, errors) = error_payload(next(&mut phone, "refused").await, "refused");
    assert_eq!(id, refused);
    assert_eq!(errors[0]["extensions"]["code"], "FORBIDDEN", "{errors}");

    // A query over the socket: one answer, then complete.
    let query = phone.subscribe("{ me { user { id } } }", json!({})).await.unwrap();
    let (id, payload) = next_payload(next(&mut phone, "query").await, "query");
    assert_eq!(id, query);
    assert!(payload["data"]["me"]["user"]["id"].is_string(), "{payload}");
    assert_eq!(next(&mut phone, "query").await, Incoming::Complete { id: query });

    // Two live operations on one socket; the client stops one, the other keeps delivering.
    let start = another_familys_cursor(&w).await;
    let first = phone
        .subscribe(ATTENDANCE_SUBSCRIPTION, json!({"after": start}))
        .await
        .unwrap();
    let second = phone
        .subscribe(ATTENDANCE_SUBSCRIPTION, json!({"after": start}))
        .await
        .unwrap();
    w.staff_a.ok(CHECK_IN, json!({"c": w.child_1a})).await.unwrap();
    let mut ids = vec![
        next_payload(next(&mut phone, "both").await, "both").0,
        next_payload(next(&mut phone, "both").await, "both").0,
    ];
    ids.sort();
    assert_eq!(ids, [first.clone(), second.clone()]);
    phone.unsubscribe(&first).await.unwrap();
    w.staff_a.ok(CHECK_OUT, json!({"c": w.child_1a})).await.unwrap();
    // The server may first confirm the stop.
    let (id, payload) = match next(&mut phone, "second").await {
        Incoming::Complete { id } if id == first => next_payload(next(&mut phone, "second").await, "second"),
        other => next_payload(other, "second"),
    };
    assert_eq!(id, second);
    assert_eq!(payload["data"]["attendanceEvents"]["kind"], "CHECK_OUT");
    match phone.next(SILENCE_WAIT).await.unwrap() {
        None | Some(Incoming::Complete { .. }) => {}
        Some(other) => panic!("the stopped operation delivered again: {other:?}"),
    }
}

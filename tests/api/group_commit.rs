//! Check-ins arriving together are written together (group commit) yet answered one by one:
//! of many tablets checking the same child in at once exactly one succeeds, retries with one
//! idempotency key all get the same single event, a refused write leaves its key free for a
//! later retry, and subscribers see each recorded event once.

use std::collections::HashSet;

use futures::future::join_all;
use serde_json::{json, Value};
use tsunagu_client::Client;

use crate::helpers::*;
use crate::world::*;

crate::on_both_backends!(simultaneous_writes_are_answered_one_by_one);

const TABLETS: usize = 8;

async fn attendance_today(client: &Client, child: &str) -> Vec<Value> {
    let today = today_jst().to_string();
    let data = client
        .ok(
            "query($c: ID!, $d: Date!) { child(id: $c) { attendance(from: $d, to: $d) { id kind } } }",
            json!({"c": child, "d": today}),
        )
        .await
        .unwrap();
    data["child"]["attendance"].as_array().unwrap().clone()
}

async fn simultaneous_writes_are_answered_one_by_one(backend: Backend) {
    let app = TestApp::start(backend).await;
    let w = World::build(&app).await;
    let start = w.staff_a.ok(CHECK_IN, json!({"c": w.child_2})).await.unwrap()["checkIn"]["cursor"].clone();
    let mut subs = w.head_a.subscriptions().await.unwrap();
    subs.subscribe(ATTENDANCE_SUBSCRIPTION, json!({"after": start}))
        .await
        .unwrap();

    // Eight tablets check the same child in at once, each with its own key; and eight retries
    // of one tablet's check-in of her sister, all with the same key.
    let rivals = (0..TABLETS).map(|i| {
        w.staff_a
            .gql(CHECK_IN, json!({"c": w.child_1a, "k": format!("rival-{i}")}))
    });
    let retries = (0..TABLETS).map(|_| w.staff_a.gql(CHECK_IN, json!({"c": w.child_1b, "k": "one-tap"})));
    let (rivals, retries) = tokio::join!(join_all(rivals), join_all(retries));

    let rivals: Vec<_> = rivals.into_iter().map(Result::unwrap).collect();
    let won: Vec<&Value> = rivals
        .iter()
        .filter(|r| r.errors.is_empty())
        .map(|r| &r.data["checkIn"])
        .collect();
    assert_eq!(won.len(), 1, "exactly one of the simultaneous check-ins: {rivals:?}");
    for refused in rivals.iter().filter(|r| !r.errors.is_empty()) {
        assert_eq!(refused.code(), Some("CONFLICT"), "{:?}", refused.errors);
    }
    let retry_ids: HashSet<String> = retries
        .into_iter()
        .map(|r| {
            let r = r.unwrap();
            assert!(
                r.errors.is_empty(),
                "a retry is answered with the first result: {:?}",
                r.errors
            );
            r.data["checkIn"]["id"].as_str().unwrap().to_owned()
        })
        .collect();
    assert_eq!(retry_ids.len(), 1, "one event for all retries: {retry_ids:?}");
    assert_eq!(attendance_today(&w.staff_a, &w.child_1a).await.len(), 1);
    assert_eq!(attendance_today(&w.staff_a, &w.child_1b).await.len(), 1);

    // A refused check-out does not keep its key: once the child is back in, the same key works.
    let early = w
        .staff_a
        .gql(CHECK_OUT, json!({"c": w.child_2, "k": "out-1"}))
        .await
        .unwrap();
    assert!(
        early.errors.is_empty(),
        "child 2 was checked in at the start: {:?}",
        early.errors
    );
    let again = w
        .staff_a
        .gql(CHECK_OUT, json!({"c": w.child_2, "k": "out-2"}))
        .await
        .unwrap();
    assert_eq!(again.code(), Some("CONFLICT"), "already out");
    w.staff_a.ok(CHECK_IN, json!({"c": w.child_2})).await.unwrap();
    let retried = w
        .staff_a
        .ok(CHECK_OUT, json!({"c": w.child_2, "k": "out-2"}))
        .await
        .unwrap();
    assert_eq!(retried["checkOut"]["kind"], "CHECK_OUT");

    // The head's subscription: every recorded event once, in the order of the log.
    let expected: Vec<String> = vec![
        won[0]["id"].as_str().unwrap().to_owned(),
        retry_ids.iter().next().unwrap().clone(),
        early.data["checkOut"]["id"].as_str().unwrap().to_owned(),
    ];
    let mut seen = Vec::new();
    while seen.len() < expected.len() + 2 {
        let event = subs
            .next_data(DELIVERY_WAIT)
            .await
            .unwrap()
            .expect("an event for each write");
        seen.push(event["attendanceEvents"]["id"].as_str().unwrap().to_owned());
    }
    assert!(subs.next_data(SILENCE_WAIT).await.unwrap().is_none(), "nothing twice");
    let unique: HashSet<&String> = seen.iter().collect();
    assert_eq!(unique.len(), seen.len(), "each event once: {seen:?}");
    let first_two: HashSet<&String> = seen[..2].iter().collect();
    assert_eq!(first_two, expected[..2].iter().collect(), "the two check-ins first");
    assert_eq!(seen[2], expected[2]);
    assert_eq!(seen[4], retried["checkOut"]["id"].as_str().unwrap());
}

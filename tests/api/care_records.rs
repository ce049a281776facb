//! Care records live on the nursery's other staff screens: every health check, meal, nap check
//! and nap end reaches the `careRecords` subscription of the nursery's staff and head once (a
//! replayed idempotency key sends nothing again), with no health detail, and never another
//! nursery's staff.

use serde_json::{json, Value};
use tsunagu_client::{Client, Subscriptions};

use crate::care::NAP_CHECK;
use crate::helpers::*;
use crate::world::*;

crate::on_both_backends!(care_records_reach_the_nurserys_other_screens);

pub const CARE_RECORDS: &str = "subscription { careRecords { id kind classroomId occurredAt child { id } } }";

async fn records(client: &Client) -> Subscriptions {
    let mut subs = client.subscriptions().await.unwrap();
    subs.subscribe(CARE_RECORDS, json!({})).await.unwrap();
    subs
}

async fn next_record(subs: &mut Subscriptions, who: &str) -> Value {
    subs.next_data(DELIVERY_WAIT)
        .await
        .unwrap()
        .unwrap_or_else(|| panic!("{who}: no care record"))["careRecords"]
        .clone()
}

fn kind_and_child(record: &Value) -> (String, String) {
    (
        record["kind"].as_str().unwrap().to_owned(),
        record["child"]["id"].as_str().unwrap().to_owned(),
    )
}

async fn care_records_reach_the_nurserys_other_screens(backend: Backend) {
    let app = TestApp::start(backend).await;
    let w = World::build(&app).await;
    let today = today_jst().to_string();
    let mut head = records(&w.head_a).await;
    let mut other_nursery = records(&w.staff_b).await;

    let health = "mutation($i: HealthCheckInput!) { recordHealthCheck(input: $i) { id } }";
    let check = json!({"i": {"childId": w.child_1a, "temperatureC": 36.6, "idempotencyKey": "live-hc-1"}});
    w.staff_a.ok(health, check.clone()).await.unwrap();
    let first = next_record(&mut head, "head").await;
    assert_eq!(kind_and_child(&first), ("HEALTH_CHECK".into(), w.child_1a.clone()));
    assert_eq!(first["classroomId"], json!(w.classroom_a));
    assert!(first["occurredAt"].is_string());
    // The tablet's queue replays the same key: recorded once, announced once (the next event
    // the head gets is the meal below, not this check again).
    w.staff_a.ok(health, check).await.unwrap();

    w.staff_a
        .ok(
            "mutation($i: MealInput!) { recordMeal(input: $i) { id } }",
            json!({"i": {"childId": w.child_2, "date": today, "meal": "LUNCH", "amount": "HALF", "idempotencyKey": "live-meal-1"}}),
        )
        .await
        .unwrap();
    assert_eq!(
        kind_and_child(&next_record(&mut head, "head").await),
        ("MEAL".into(), w.child_2.clone())
    );

    w.staff_a
        .ok(
            NAP_CHECK,
            json!({"i": {"childId": w.child_1b, "position": "BACK", "breathingOk": true, "idempotencyKey": "live-nap-1"}}),
        )
        .await
        .unwrap();
    assert_eq!(
        kind_and_child(&next_record(&mut head, "head").await),
        ("NAP_CHECK".into(), w.child_1b.clone())
    );
    w.staff_a
        .ok(
            "mutation($c: ID!) { endNap(childId: $c) { endedAt } }",
            json!({"c": w.child_1b}),
        )
        .await
        .unwrap();
    assert_eq!(
        kind_and_child(&next_record(&mut head, "head").await),
        ("NAP_ENDED".into(), w.child_1b.clone())
    );

    // The other nursery's staff saw none of it: their first event is their own nursery's.
    let theirs = w.staff_b.ok("{ me { children { id } } }", json!({})).await.unwrap();
    let their_child = theirs["me"]["children"][0]["id"].as_str().unwrap().to_owned();
    w.staff_b
        .ok(health, json!({"i": {"childId": their_child, "temperatureC": 36.8}}))
        .await
        .unwrap();
    assert_eq!(
        kind_and_child(&next_record(&mut other_nursery, "the other nursery's staff").await),
        ("HEALTH_CHECK".into(), their_child)
    );
}

//! Many tablets at once, phones that keep reconnecting, and transactions that commit out of
//! order: every event reaches the subscriber exactly once, with no gap.

use std::collections::HashSet;
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use sqlx::{Connection, PgConnection};
use tsunagu_client::Client;

use crate::helpers::*;
use crate::world::*;

crate::on_both_backends!(a_reconnecting_subscriber_gets_every_concurrent_event_once);

const CHILDREN: usize = 24;
const WRITERS: usize = 6;

async fn a_reconnecting_subscriber_gets_every_concurrent_event_once(backend: Backend) {
    let app = TestApp::start(backend).await;
    let w = World::build(&app).await;
    let mut children = Vec::new();
    for i in 0..CHILDREN {
        let family = family(&app.admin, &w.nursery_a).await;
        children.push(child(&app.admin, &family, &w.classroom_a, &format!("園児 {i}")).await);
    }

    // A first event fixes the subscriber's starting cursor.
    let mut subs = w.staff_a.subscriptions().await.unwrap();
    subs.subscribe(ATTENDANCE_SUBSCRIPTION, json!({"after": null}))
        .await
        .unwrap();
    let start = w.staff_a.ok(CHECK_IN, json!({"c": w.child_2})).await.unwrap()["checkIn"].clone();
    let first = subs
        .next_data(DELIVERY_WAIT)
        .await
        .unwrap()
        .expect("the first event arrives");
    assert_eq!(first["attendanceEvents"]["id"], start["id"]);
    subs.close().await.unwrap();
    let start_cursor = start["cursor"].as_str().unwrap().to_owned();

    // The subscriber: reconnects after every few events, always resuming from its last cursor.
    let expected_total = CHILDREN * 2;
    let staff = w.staff_a.clone();
    let subscriber = tokio::spawn(async move {
        let mut received: Vec<String> = Vec::new();
        let mut cursor = start_cursor;
        let deadline = Instant::now() + Duration::from_secs(90);
        let mut reconnects = 0;
        while received.len() < expected_total && Instant::now() < deadline {
            let mut subs = staff.subscriptions().await.expect("reconnect");
            subs.subscribe(ATTENDANCE_SUBSCRIPTION, json!({"after": cursor}))
                .await
                .unwrap();
            reconnects += 1;
            for _ in 0..(3 + reconnects % 5) {
                match subs.next_data(Duration::from_secs(3)).await.expect("subscription data") {
                    Some(data) => {
                        let event = &data["attendanceEvents"];
                        received.push(event["id"].as_str().unwrap().to_owned());
                        cursor = event["cursor"].as_str().unwrap().to_owned();
                    }
                    None => break,
                }
            }
            subs.close().await.unwrap();
        }
        (received, reconnects)
    });

    // The tablets: several connections checking children in and out at once.
    let mut writers = Vec::new();
    for slice in children.chunks(CHILDREN / WRITERS) {
        let tablet = Client::new(&app.server.base_url).with_token(w.staff_a.token().map(str::to_owned));
        let slice = slice.to_vec();
        writers.push(tokio::spawn(async move {
            let mut ids = Vec::new();
            for child in &slice {
                let data = tablet.ok(CHECK_IN, json!({"c": child})).await.expect("check-in");
                ids.push(data["checkIn"]["id"].as_str().unwrap().to_owned());
            }
            for child in &slice {
                let data = tablet.ok(CHECK_OUT, json!({"c": child})).await.expect("check-out");
                ids.push(data["checkOut"]["id"].as_str().unwrap().to_owned());
            }
            ids
        }));
    }
    let mut written = HashSet::new();
    for writer in writers {
        written.extend(writer.await.unwrap());
    }
    assert_eq!(written.len(), expected_total);

    let (received, reconnects) = subscriber.await.unwrap();
    let unique: HashSet<String> = received.iter().cloned().collect();
    assert_eq!(
        unique.len(),
        received.len(),
        "no event twice ({} received, {reconnects} connections)",
        received.len()
    );
    let missing: Vec<_> = written.difference(&unique).collect();
    assert!(missing.is_empty(), "missed {} events: {missing:?}", missing.len());
    assert_eq!(unique, written);
    assert!(reconnects > 3, "the subscriber really reconnected ({reconnects})");
}

/// PostgreSQL commits concurrent transactions in any order. A transaction that took its log
/// sequence number early and commits late must still reach subscribers who already saw a
/// later number — and before it commits, nothing after it may be delivered.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_a_late_commit_with_an_earlier_sequence_is_not_skipped() {
    let Some(backend) = postgres_backend().await else {
        return;
    };
    let app = TestApp::start(backend).await;
    let w = World::build(&app).await;
    let mut subs = w.guardian_1.subscriptions().await.unwrap();
    subs.subscribe(ATTENDANCE_SUBSCRIPTION, json!({"after": null}))
        .await
        .unwrap();
    let sentinel = w.staff_a.ok(CHECK_IN, json!({"c": w.child_1a})).await.unwrap()["checkIn"].clone();
    assert_eq!(
        subs.next_data(DELIVERY_WAIT).await.unwrap().unwrap()["attendanceEvents"]["id"],
        sentinel["id"]
    );

    // A slow writer takes the next sequence number and keeps its transaction open.
    let mut conn = PgConnection::connect(&app.db.url).await.unwrap();
    let mut slow = conn.begin().await.unwrap();
    let slow_id = uuid::Uuid::now_v7().to_string();
    let payload = json!({"type": "Attendance", "data": {
        "id": slow_id, "child_id": w.child_1b, "nursery_id": w.nursery_a, "family_id": w.family_1,
        "kind": "CHECK_IN", "occurred_at": "2026-04-01T08:00:00Z", "recorded_by": slow_id,
        "pickup_by": null, "position": {"tx": 0, "seq": 0}}});
    sqlx::query(
        "INSERT INTO event_log (tx_id, kind, nursery_id, family_id, entity_id, payload, created_at)
         VALUES (pg_current_xact_id()::text::bigint, 'ATTENDANCE', $1::uuid, $2::uuid, $3::uuid, $4, now())",
    )
    .bind(&w.nursery_a)
    .bind(&w.family_1)
    .bind(&slow_id)
    .bind(payload.to_string())
    .execute(&mut *slow)
    .await
    .unwrap();

    // Meanwhile a fast check-in commits with a later sequence number.
    let fast = w.staff_a.ok(CHECK_OUT, json!({"c": w.child_1a})).await.unwrap()["checkOut"].clone();
    assert!(
        subs.next(SILENCE_WAIT).await.unwrap().is_none(),
        "nothing may be delivered past a transaction that can still commit"
    );

    // A reconnecting phone resumes from the sentinel while the slow one is still open.
    let mut resumed = w.guardian_1b.subscriptions().await.unwrap();
    resumed
        .subscribe(ATTENDANCE_SUBSCRIPTION, json!({"after": sentinel["cursor"]}))
        .await
        .unwrap();

    slow.commit().await.unwrap();
    for (who, subs) in [("live", &mut subs), ("resumed", &mut resumed)] {
        let ids: Vec<Value> = vec![
            subs.next_data(DELIVERY_WAIT)
                .await
                .unwrap()
                .unwrap_or_else(|| panic!("{who}: first"))["attendanceEvents"]["id"]
                .clone(),
            subs.next_data(DELIVERY_WAIT)
                .await
                .unwrap()
                .unwrap_or_else(|| panic!("{who}: second"))["attendanceEvents"]["id"]
                .clone(),
        ];
        assert_eq!(
            ids,
            vec![json!(slow_id), fast["id"].clone()],
            "{who}: the late commit, then the fast one"
        );
        assert!(subs.next(SILENCE_WAIT).await.unwrap().is_none(), "{who}: nothing twice");
    }
}

//! Corrections of the day's records: staff undo a mistaken check-in or check-out of today with
//! a reason. Nothing is deleted: both guardians receive the correction live (an attendance
//! event whose `corrects` names the record), the child's day and the day's report leave the
//! record out, the day resumes from before it, and the correction is on the audit trail.

use serde_json::{json, Value};
use tsunagu_client::Client;

use crate::helpers::*;
use crate::world::*;

crate::on_both_backends!(
    an_undone_check_in_is_seen_live_and_in_the_report,
    a_check_in_is_undone_only_after_its_check_out
);

const CORRECT: &str = "mutation($id: ID!, $r: String!, $k: String) {
    correctAttendance(attendanceId: $id, reason: $r, idempotencyKey: $k) { id kind corrects correctionReason child { id } }
}";
const LIVE: &str = "subscription { attendanceEvents { id kind corrects correctionReason child { id } } }";

async fn day_of(client: &Client, child: &str) -> Vec<Value> {
    let today = today_jst().to_string();
    client
        .ok(
            "query($c: ID!, $d: Date!) { child(id: $c) { attendance(from: $d, to: $d) { id kind } } }",
            json!({"c": child, "d": today}),
        )
        .await
        .unwrap()["child"]["attendance"]
        .as_array()
        .unwrap()
        .clone()
}

async fn present_today(head: &Client, w: &World) -> i64 {
    let today = today_jst().to_string();
    let days = head
        .ok(
            "query($m: ID!, $n: ID, $d: Date!) { nurseryDaySummaries(municipalityId: $m, nurseryId: $n, from: $d, to: $d) { present } }",
            json!({"m": w.municipality, "n": w.nursery_a, "d": today}),
        )
        .await
        .unwrap();
    days["nurseryDaySummaries"][0]["present"].as_i64().unwrap()
}

async fn an_undone_check_in_is_seen_live_and_in_the_report(backend: Backend) {
    let app = TestApp::start(backend).await;
    let w = World::build(&app).await;
    let mut mother = w.guardian_1.subscriptions().await.unwrap();
    let mut father = w.guardian_1b.subscriptions().await.unwrap();
    for live in [&mut mother, &mut father] {
        live.subscribe(LIVE, json!({})).await.unwrap();
    }
    // The wrong child was checked in (はると instead of そうた).
    let wrong = w.staff_a.ok(CHECK_IN, json!({"c": w.child_1a})).await.unwrap()["checkIn"]["id"].clone();
    w.staff_a.ok(CHECK_IN, json!({"c": w.child_2})).await.unwrap();
    for live in [&mut mother, &mut father] {
        let seen = live.next_data(DELIVERY_WAIT).await.unwrap().unwrap();
        assert_eq!(seen["attendanceEvents"]["id"], wrong);
    }
    assert_eq!(present_today(&w.head_a, &w).await, 2);

    let vars = json!({"id": wrong, "r": "別の子と間違えて登園を記録した", "k": "undo-1"});
    let correction = w.staff_a.ok(CORRECT, vars.clone()).await.unwrap()["correctAttendance"].clone();
    assert_eq!(correction["corrects"], wrong);
    assert_eq!(correction["kind"], "CHECK_IN");
    assert_ne!(correction["id"], wrong);
    // Retried by the tablet: the same correction, not a second one.
    let again = w.staff_a.ok(CORRECT, vars).await.unwrap()["correctAttendance"].clone();
    assert_eq!(again["id"], correction["id"]);

    for live in [&mut mother, &mut father] {
        let seen = live.next_data(DELIVERY_WAIT).await.unwrap().unwrap()["attendanceEvents"].clone();
        assert_eq!(seen["id"], correction["id"]);
        assert_eq!(seen["corrects"], wrong);
        assert_eq!(seen["correctionReason"], "別の子と間違えて登園を記録した");
        assert!(
            live.next_data(SILENCE_WAIT).await.unwrap().is_none(),
            "one correction, once"
        );
    }
    assert_eq!(
        day_of(&w.guardian_1, &w.child_1a).await,
        Vec::<Value>::new(),
        "the day as corrected"
    );
    assert_eq!(
        present_today(&w.head_a, &w).await,
        1,
        "the report counts the corrected day"
    );

    // Undone once; the day resumes: the child can be checked in for real.
    let twice = w
        .staff_a
        .gql(CORRECT, json!({"id": wrong, "r": "again"}))
        .await
        .unwrap();
    assert_eq!(twice.code(), Some("CONFLICT"));
    w.staff_a.ok(CHECK_IN, json!({"c": w.child_1a})).await.unwrap();
    assert_eq!(present_today(&w.head_a, &w).await, 2);

    // Bad input names the field; outsiders learn nothing.
    let no_reason = w.staff_a.gql(CORRECT, json!({"id": wrong, "r": "  "})).await.unwrap();
    assert!(matches!(no_reason.code(), Some("BAD_USER_INPUT") | Some("CONFLICT")));
    let bad_id = w.staff_a.gql(CORRECT, json!({"id": "nope", "r": "x"})).await.unwrap();
    assert_eq!(
        (bad_id.code(), bad_id.field()),
        (Some("BAD_USER_INPUT"), Some("attendanceId"))
    );
    let outsider = w.staff_b.gql(CORRECT, json!({"id": wrong, "r": "x"})).await.unwrap();
    assert_eq!(outsider.code(), Some("NOT_FOUND"));

    // On the trail: who corrected what.
    let trail = w
        .head_a
        .ok(
            "query($n: ID, $o: String) { auditLog(nurseryId: $n, operation: $o) { entries { operation entityIds } } }",
            json!({"n": w.nursery_a, "o": "correctAttendance"}),
        )
        .await
        .unwrap();
    let entries = trail["auditLog"]["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 1, "{entries:?}");
    assert!(entries[0]["entityIds"].as_array().unwrap().contains(&wrong));
}

async fn a_check_in_is_undone_only_after_its_check_out(backend: Backend) {
    let app = TestApp::start(backend).await;
    let w = World::build(&app).await;
    let check_in = w.staff_a.ok(CHECK_IN, json!({"c": w.child_2})).await.unwrap()["checkIn"]["id"].clone();
    let check_out = w.staff_a.ok(CHECK_OUT, json!({"c": w.child_2})).await.unwrap()["checkOut"]["id"].clone();
    let first = w
        .staff_a
        .gql(CORRECT, json!({"id": check_in, "r": "間違い"}))
        .await
        .unwrap();
    assert_eq!(first.code(), Some("CONFLICT"), "the check-out stands on it");
    let reason = w.staff_a.gql(CORRECT, json!({"id": check_out, "r": ""})).await.unwrap();
    assert_eq!(
        (reason.code(), reason.field()),
        (Some("BAD_USER_INPUT"), Some("reason"))
    );
    w.staff_a
        .ok(CORRECT, json!({"id": check_out, "r": "まだ園にいる"}))
        .await
        .unwrap();
    let day = day_of(&w.staff_a, &w.child_2).await;
    assert_eq!(day.len(), 1);
    assert_eq!(
        (day[0]["id"].clone(), day[0]["kind"].clone()),
        (check_in.clone(), json!("CHECK_IN"))
    );
    // Checked in still: a second check-in is refused, a check-out is taken.
    assert!(w
        .staff_a
        .gql(CHECK_IN, json!({"c": w.child_2}))
        .await
        .unwrap()
        .code()
        .is_some());
    w.staff_a.ok(CHECK_OUT, json!({"c": w.child_2})).await.unwrap();
    // A guardian may not correct.
    let guardian = w
        .guardian_2
        .gql(CORRECT, json!({"id": check_in, "r": "x"}))
        .await
        .unwrap();
    assert_eq!(guardian.code(), Some("FORBIDDEN"));
}

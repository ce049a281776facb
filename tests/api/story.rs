//! The foundation's story, end to end: set-up, guardians subscribed on their phones, a
//! check-in reaching exactly the right family, an offline retry recorded once, a reconnect
//! that catches up, and an absence report reaching the staff live.

use serde_json::{json, Value};
use tsunagu_client::Subscriptions;

use crate::helpers::*;
use crate::world::*;

crate::on_both_backends!(attendance_and_absences_reach_the_right_phones, history_and_visibility);

async fn subscribe(client: &tsunagu_client::Client, after: Option<&str>) -> Subscriptions {
    let mut subs = client.subscriptions().await.expect("WebSocket connects");
    subs.subscribe(ATTENDANCE_SUBSCRIPTION, json!({"after": after}))
        .await
        .expect("subscribe");
    subs
}

async fn expect_event(subs: &mut Subscriptions, who: &str) -> Value {
    let data = subs
        .next_data(DELIVERY_WAIT)
        .await
        .unwrap_or_else(|e| panic!("{who}: {e}"))
        .unwrap_or_else(|| panic!("{who} received nothing"));
    data["attendanceEvents"].clone()
}

async fn expect_silence(subs: &mut Subscriptions, who: &str) {
    if let Some(message) = subs.next(SILENCE_WAIT).await.expect("socket") {
        panic!("{who} should have received nothing, got {message:?}");
    }
}

async fn attendance_and_absences_reach_the_right_phones(backend: Backend) {
    let app = TestApp::start(backend).await;
    let w = World::build(&app).await;

    let mut mother = subscribe(&w.guardian_1, None).await;
    let mut father = subscribe(&w.guardian_1b, None).await;
    let mut other_family = subscribe(&w.guardian_2, None).await;
    let mut staff = subscribe(&w.staff_a, None).await;
    let mut other_nursery = subscribe(&w.staff_b, None).await;

    // A check-in reaches both guardians of the family and the nursery's staff, nobody else.
    let checked_in = w
        .staff_a
        .ok(CHECK_IN, json!({"c": w.child_1a, "k": "tablet-1:checkin:001"}))
        .await
        .expect("check-in")["checkIn"]
        .clone();
    assert_eq!(checked_in["kind"], "CHECK_IN");
    for (subs, who) in [(&mut mother, "mother"), (&mut father, "father"), (&mut staff, "staff")] {
        let event = expect_event(subs, who).await;
        assert_eq!(event["id"], checked_in["id"], "{who}");
        assert_eq!(event["child"]["id"], json!(w.child_1a), "{who}");
        assert_eq!(event["cursor"], checked_in["cursor"], "{who}");
    }
    expect_silence(&mut other_family, "another family's guardian").await;
    expect_silence(&mut other_nursery, "another nursery's staff").await;

    // The tablet lost Wi-Fi before the answer arrived and retries: same event, nothing new.
    let replayed = w
        .staff_a
        .ok(CHECK_IN, json!({"c": w.child_1a, "k": "tablet-1:checkin:001"}))
        .await
        .expect("replayed check-in")["checkIn"]
        .clone();
    assert_eq!(replayed["id"], checked_in["id"]);
    expect_silence(&mut mother, "mother after a replay").await;

    // Without the key, checking the child in again is a conflict, not a second arrival.
    let again = w.staff_a.gql(CHECK_IN, json!({"c": w.child_1a})).await.unwrap();
    assert_eq!(again.code(), Some("CONFLICT"));

    // The father's phone goes offline; the check-out happens meanwhile.
    let cursor = checked_in["cursor"].as_str().unwrap().to_owned();
    father.close().await.unwrap();
    let checked_out = w
        .staff_a
        .ok(
            CHECK_OUT,
            json!({"c": w.child_1a, "k": "tablet-1:checkout:001", "p": "祖母"}),
        )
        .await
        .expect("check-out")["checkOut"]
        .clone();
    assert_eq!(checked_out["pickupBy"], "祖母");
    let event = expect_event(&mut mother, "mother").await;
    assert_eq!(event["id"], checked_out["id"]);

    // Reconnecting with the last cursor delivers the missed check-out exactly once, then live.
    let mut father = subscribe(&w.guardian_1b, Some(&cursor)).await;
    let missed = expect_event(&mut father, "father on reconnect").await;
    assert_eq!(missed["id"], checked_out["id"]);
    assert_eq!(missed["kind"], "CHECK_OUT");
    expect_silence(&mut father, "father after catching up").await;
    w.staff_a
        .ok(CHECK_IN, json!({"c": w.child_1b}))
        .await
        .expect("sibling check-in");
    let live = expect_event(&mut father, "father, live again").await;
    assert_eq!(live["child"]["id"], json!(w.child_1b));

    // A guardian reports a fever absence; the nursery's staff see it arrive.
    let mut staff_reports = w.staff_a.subscriptions().await.unwrap();
    staff_reports.subscribe(ABSENCE_SUBSCRIPTION, json!({})).await.unwrap();
    let mut other_staff_reports = w.staff_b.subscriptions().await.unwrap();
    other_staff_reports
        .subscribe(ABSENCE_SUBSCRIPTION, json!({}))
        .await
        .unwrap();
    let report = w
        .guardian_2
        .ok(
            "mutation($c: ID!, $d: Date!) {
                reportAbsence(input: {childId: $c, kind: ABSENCE, date: $d, reason: ILLNESS,
                    symptoms: [FEVER, COUGH], note: \"38.2度の熱があります\", idempotencyKey: \"absence-1\"}) {
                    id kind symptoms acknowledgedBy { id }
                }
            }",
            json!({"c": w.child_2, "d": today_jst().to_string()}),
        )
        .await
        .expect("report absence")["reportAbsence"]
        .clone();
    assert_eq!(report["symptoms"], json!(["FEVER", "COUGH"]));
    let arrived = staff_reports
        .next_data(DELIVERY_WAIT)
        .await
        .unwrap()
        .expect("staff receive the report");
    assert_eq!(arrived["absenceReports"]["id"], report["id"]);
    assert_eq!(arrived["absenceReports"]["note"], "38.2度の熱があります");
    assert!(
        other_staff_reports.next(SILENCE_WAIT).await.unwrap().is_none(),
        "another nursery hears nothing"
    );

    // Staff acknowledge it; the family sees who did.
    let acknowledged = w
        .staff_a
        .ok(
            "mutation($id: ID!) { acknowledgeAbsence(id: $id) { acknowledgedBy { email } acknowledgedAt } }",
            json!({"id": report["id"]}),
        )
        .await
        .expect("acknowledge")["acknowledgeAbsence"]
        .clone();
    assert_eq!(acknowledged["acknowledgedBy"]["email"], "staff.a@tsunagu.test");
    assert!(acknowledged["acknowledgedAt"].is_string());
}

async fn history_and_visibility(backend: Backend) {
    let app = TestApp::start(backend).await;
    let w = World::build(&app).await;
    w.staff_a.ok(CHECK_IN, json!({"c": w.child_1a})).await.unwrap();
    w.staff_a.ok(CHECK_OUT, json!({"c": w.child_1a})).await.unwrap();
    let today = today_jst().to_string();

    // A guardian sees exactly their own children, with today's history.
    let me = w
        .guardian_1
        .ok(
            "query($d: Date!) { me { user { email } roles { role scopeId } children { id attendance(from: $d, to: $d) { kind } } } }",
            json!({"d": today}),
        )
        .await
        .unwrap();
    let mut ids: Vec<&str> = me["me"]["children"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    ids.sort();
    let mut expected = vec![w.child_1a.as_str(), w.child_1b.as_str()];
    expected.sort();
    assert_eq!(ids, expected);
    assert_eq!(me["me"]["roles"], json!([{"role": "GUARDIAN", "scopeId": w.family_1}]));
    let kinds: Vec<Value> = me["me"]["children"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == json!(w.child_1a))
        .unwrap()["attendance"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].clone())
        .collect();
    assert_eq!(kinds, vec![json!("CHECK_IN"), json!("CHECK_OUT")]);

    // Staff see their whole nursery, and the family's guardians (by name: their e-mail
    // addresses are the nursery head's business).
    let staff_view = w
        .staff_a
        .ok("query($c: ID!) { me { children { id } } child(id: $c) { family { guardians { email displayName } } classroom { name } } }", json!({"c": w.child_1a}))
        .await
        .unwrap();
    assert_eq!(staff_view["me"]["children"].as_array().unwrap().len(), 3);
    let mut guardians: Vec<&str> = staff_view["child"]["family"]["guardians"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            assert!(g["email"].is_null(), "{g}");
            g["displayName"].as_str().unwrap()
        })
        .collect();
    guardians.sort();
    assert_eq!(
        guardians,
        vec!["GUARDIAN father.1@tsunagu.test", "GUARDIAN mother.1@tsunagu.test"]
    );
    assert_eq!(staff_view["child"]["classroom"]["name"], "ひよこ組");

    // The municipal officer sees the nurseries but not one child, by any path.
    let officer_view = w
        .officer
        .ok("query($n: ID!) { me { children { id } } nursery(id: $n) { name municipality { code } classrooms { name children { id } } } }", json!({"n": w.nursery_a}))
        .await
        .unwrap();
    assert_eq!(officer_view["me"]["children"], json!([]));
    assert_eq!(officer_view["nursery"]["municipality"]["code"], "072044");
    assert_eq!(officer_view["nursery"]["classrooms"][0]["children"], json!([]));
    let direct = w
        .officer
        .gql("query($c: ID!) { child(id: $c) { name } }", json!({"c": w.child_1a}))
        .await
        .unwrap();
    assert_eq!(direct.code(), Some("NOT_FOUND"));

    // Logging out kills the token at once.
    assert_eq!(
        w.guardian_2.ok("mutation { logout }", json!({})).await.unwrap()["logout"],
        true
    );
    let after = w.guardian_2.gql("{ me { user { id } } }", json!({})).await.unwrap();
    assert_eq!(after.code(), Some("UNAUTHENTICATED"));
}

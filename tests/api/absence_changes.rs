//! A family edits or withdraws its absence or lateness report until the nursery acknowledges
//! it: the change reaches the staff and every guardian of the family live, the lists and the
//! day's figures follow it, and once acknowledged a change is refused (a phone call instead).

use serde_json::{json, Value};
use tsunagu_client::Subscriptions;

use crate::helpers::*;
use crate::world::*;

crate::on_both_backends!(
    a_lateness_edited_then_acknowledged,
    a_withdrawn_absence_leaves_the_lists_and_the_day_can_be_reported_again,
);

const UPDATES: &str =
    "subscription { absenceUpdates { id kind reason symptoms expectedArrival note updatedAt withdrawnAt acknowledgedAt } }";
const UPDATE: &str = "mutation($id: ID!, $i: AbsenceUpdateInput!) {
    updateAbsence(id: $id, input: $i) { id kind reason symptoms expectedArrival note updatedAt }
}";
const WITHDRAW: &str = "mutation($id: ID!) { withdrawAbsence(id: $id) { id withdrawnAt } }";
const NURSERY_REPORTS: &str =
    "query($n: ID!, $d: Date!) { absenceReports(nurseryId: $n, date: $d) { id reason expectedArrival note } }";

/// Today in Japan at `hh:mm`, as the API writes times.
fn today_at(hh: u8, mm: u8) -> String {
    format!("{}T{hh:02}:{mm:02}:00+09:00", today_jst())
}

async fn following(clients: &[&tsunagu_client::Client]) -> Vec<Subscriptions> {
    let mut sockets = Vec::new();
    for client in clients {
        let mut subs = client.subscriptions().await.unwrap();
        subs.subscribe(UPDATES, json!({})).await.unwrap();
        sockets.push(subs);
    }
    sockets
}

async fn next_update(socket: &mut Subscriptions) -> Value {
    socket
        .next_data(DELIVERY_WAIT)
        .await
        .unwrap()
        .expect("an absence update")["absenceUpdates"]
        .clone()
}

/// The first update that satisfies `wanted`: the report's own event may still reach a socket
/// opened just after it was made (a feed starts where the published log stood).
async fn update_where(socket: &mut Subscriptions, wanted: impl Fn(&Value) -> bool) -> Value {
    loop {
        let update = next_update(socket).await;
        if wanted(&update) {
            return update;
        }
    }
}

async fn a_lateness_edited_then_acknowledged(backend: Backend) {
    let app = TestApp::start(backend).await;
    let w = World::build(&app).await;
    let report = w
        .guardian_1
        .ok(
            "mutation($i: AbsenceInput!) { reportAbsence(input: $i) { id } }",
            json!({"i": {"childId": w.child_1a, "kind": "LATE", "date": today_jst().to_string(), "reason": "FAMILY",
                "expectedArrival": today_at(10, 0)}}),
        )
        .await
        .unwrap()["reportAbsence"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let mut sockets = following(&[&w.staff_a, &w.guardian_1b, &w.guardian_2]).await;

    // The mother makes it a doctor's appointment, arriving at 11:00.
    let edit = json!({"reason": "MEDICAL_APPOINTMENT", "expectedArrival": today_at(11, 0), "note": "小児科に寄ります"});
    let edited = w.guardian_1.ok(UPDATE, json!({"id": report, "i": edit})).await.unwrap()["updateAbsence"].clone();
    assert_eq!(
        (edited["kind"].as_str(), edited["reason"].as_str()),
        (Some("LATE"), Some("MEDICAL_APPOINTMENT"))
    );
    assert!(edited["updatedAt"].is_string(), "{edited}");
    for socket in &mut sockets[..2] {
        let seen = update_where(socket, |u| u["updatedAt"].is_string()).await;
        assert_eq!(
            (seen["id"].as_str(), seen["note"].as_str()),
            (Some(report.as_str()), Some("小児科に寄ります"))
        );
        assert_eq!(seen["expectedArrival"], edited["expectedArrival"]);
    }
    assert!(
        sockets[2].next_data(SILENCE_WAIT).await.unwrap().is_none(),
        "another family hears nothing"
    );
    let listed = w
        .staff_a
        .ok(NURSERY_REPORTS, json!({"n": w.nursery_a, "d": today_jst().to_string()}))
        .await
        .unwrap();
    assert_eq!(listed["absenceReports"][0]["reason"], "MEDICAL_APPOINTMENT");

    // A lateness keeps needing its time; nobody else may change the family's report.
    let no_time = w
        .guardian_1
        .gql(UPDATE, json!({"id": report, "i": {"reason": "FAMILY"}}))
        .await
        .unwrap();
    assert_eq!(
        (no_time.code(), no_time.field()),
        (Some("BAD_USER_INPUT"), Some("expectedArrival"))
    );
    let teacher = w.staff_a.gql(UPDATE, json!({"id": report, "i": edit})).await.unwrap();
    assert_eq!(teacher.code(), Some("FORBIDDEN"));
    let other_family = w.guardian_2.gql(WITHDRAW, json!({"id": report})).await.unwrap();
    assert_eq!(other_family.code(), Some("NOT_FOUND"));

    // Acknowledged: the family's changes are refused from then on, and the report stands.
    w.staff_a
        .ok(
            "mutation($id: ID!) { acknowledgeAbsence(id: $id) { id } }",
            json!({"id": report}),
        )
        .await
        .unwrap();
    let late_edit = w
        .guardian_1b
        .gql(UPDATE, json!({"id": report, "i": edit}))
        .await
        .unwrap();
    assert_eq!(late_edit.code(), Some("CONFLICT"));
    let late_withdrawal = w.guardian_1.gql(WITHDRAW, json!({"id": report})).await.unwrap();
    assert_eq!(late_withdrawal.code(), Some("CONFLICT"));
    let still = w
        .staff_a
        .ok(NURSERY_REPORTS, json!({"n": w.nursery_a, "d": today_jst().to_string()}))
        .await
        .unwrap();
    assert_eq!(still["absenceReports"].as_array().unwrap().len(), 1);
}

async fn a_withdrawn_absence_leaves_the_lists_and_the_day_can_be_reported_again(backend: Backend) {
    let app = TestApp::start(backend).await;
    let w = World::build(&app).await;
    let absence = json!({"i": {"childId": w.child_1a, "kind": "ABSENCE", "date": today_jst().to_string(),
        "reason": "ILLNESS", "symptoms": ["FEVER"]}});
    let report = w
        .guardian_1
        .ok(
            "mutation($i: AbsenceInput!) { reportAbsence(input: $i) { id } }",
            absence.clone(),
        )
        .await
        .unwrap()["reportAbsence"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let mut sockets = following(&[&w.staff_a, &w.guardian_1b]).await;

    // The fever went down overnight: the child comes after all.
    let withdrawn = w.guardian_1.ok(WITHDRAW, json!({"id": report})).await.unwrap()["withdrawAbsence"].clone();
    assert!(withdrawn["withdrawnAt"].is_string(), "{withdrawn}");
    for socket in &mut sockets {
        let seen = update_where(socket, |u| u["withdrawnAt"].is_string()).await;
        assert_eq!(seen["id"], report.as_str());
        assert!(seen["withdrawnAt"].is_string(), "{seen}");
    }
    let listed = w
        .staff_a
        .ok(NURSERY_REPORTS, json!({"n": w.nursery_a, "d": today_jst().to_string()}))
        .await
        .unwrap();
    assert_eq!(listed["absenceReports"], json!([]));
    let history = w
        .guardian_1
        .ok(
            "query($c: ID!, $d: Date!) { child(id: $c) { absences(from: $d, to: $d) { id } } }",
            json!({"c": w.child_1a, "d": today_jst().to_string()}),
        )
        .await
        .unwrap();
    assert_eq!(history["child"]["absences"], json!([]));
    let summary = w
        .head_a
        .ok(
            "query($m: ID!, $n: ID!, $d: Date!) { nurseryDaySummaries(municipalityId: $m, nurseryId: $n, from: $d, to: $d) { absent } }",
            json!({"m": w.municipality, "n": w.nursery_a, "d": today_jst().to_string()}),
        )
        .await
        .unwrap();
    let days = summary["nurseryDaySummaries"].as_array().unwrap();
    assert!(
        days.iter().all(|d| d["absent"] == 0),
        "the day's figures no longer count it: {summary}"
    );

    // Gone: it cannot be acknowledged or withdrawn again; the day can be reported anew.
    let ack = w
        .staff_a
        .gql(
            "mutation($id: ID!) { acknowledgeAbsence(id: $id) { id } }",
            json!({"id": report}),
        )
        .await
        .unwrap();
    assert_eq!(ack.code(), Some("NOT_FOUND"));
    let again = w.guardian_1.gql(WITHDRAW, json!({"id": report})).await.unwrap();
    assert_eq!(again.code(), Some("NOT_FOUND"));
    w.guardian_1b
        .ok(
            "mutation($i: AbsenceInput!) { reportAbsence(input: $i) { id } }",
            absence,
        )
        .await
        .unwrap();
}

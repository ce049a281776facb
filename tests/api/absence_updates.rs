//! A parent sees their report acknowledged the moment staff acknowledge it: `absenceUpdates`
//! delivers a family's reports as they are made and as they are acknowledged, to every
//! guardian of the family and to the nursery's staff, and to nobody else.

use std::time::Duration;

use serde_json::json;

use crate::helpers::*;
use crate::world::*;

crate::on_both_backends!(acknowledgements_reach_the_family_live);

const UPDATES: &str = "subscription { absenceUpdates { id kind acknowledgedAt acknowledgedBy { displayName } } }";

async fn acknowledgements_reach_the_family_live(backend: Backend) {
    let app = TestApp::start(backend).await;
    let w = World::build(&app).await;
    let mut mother = w.guardian_1.subscriptions().await.unwrap();
    let mut father = w.guardian_1b.subscriptions().await.unwrap();
    let mut other_family = w.guardian_2.subscriptions().await.unwrap();
    let mut teacher = w.staff_a.subscriptions().await.unwrap();
    for socket in [&mut mother, &mut father, &mut other_family, &mut teacher] {
        socket.subscribe(UPDATES, json!({})).await.unwrap();
    }
    tokio::time::sleep(Duration::from_millis(300)).await;

    let report = w
        .guardian_1
        .ok(
            "mutation($i: AbsenceInput!) { reportAbsence(input: $i) { id } }",
            json!({"i": {"childId": w.child_1a, "kind": "ABSENCE", "date": today_jst().to_string(), "reason": "ILLNESS", "symptoms": ["FEVER"]}}),
        )
        .await
        .unwrap()["reportAbsence"]["id"]
        .clone();
    for socket in [&mut mother, &mut father, &mut teacher] {
        let reported = socket.next_data(DELIVERY_WAIT).await.unwrap().expect("the report");
        assert_eq!(reported["absenceUpdates"]["id"], report);
        assert!(reported["absenceUpdates"]["acknowledgedAt"].is_null());
    }

    w.staff_a
        .ok(
            "mutation($id: ID!) { acknowledgeAbsence(id: $id) { id } }",
            json!({"id": report}),
        )
        .await
        .unwrap();
    for socket in [&mut mother, &mut father, &mut teacher] {
        let acknowledged = socket
            .next_data(DELIVERY_WAIT)
            .await
            .unwrap()
            .expect("the acknowledgement");
        assert_eq!(acknowledged["absenceUpdates"]["id"], report);
        assert!(
            acknowledged["absenceUpdates"]["acknowledgedAt"].is_string(),
            "{acknowledged}"
        );
        assert!(acknowledged["absenceUpdates"]["acknowledgedBy"]["displayName"].is_string());
    }
    assert!(
        other_family.next_data(SILENCE_WAIT).await.unwrap().is_none(),
        "another family hears nothing"
    );
}

//! The audit trail: writes recorded with the change (and not when the change fails), reads of
//! child-level data recorded, never any content; the nursery head sees their nursery's trail,
//! SYSTEM_ADMIN everything; paging and filters; retention.

use serde_json::{json, Value};
use tsunagu_client::{Client, ServerProcess};

use crate::helpers::*;
use crate::world::*;

crate::on_both_backends!(reads_and_writes_leave_a_trail_without_content);

const AUDIT_LOG: &str = "query($n: ID, $a: ID, $e: ID, $o: String, $x: AuditAccess, $first: Int, $after: String) {
    auditLog(nurseryId: $n, actorId: $a, entityId: $e, operation: $o, access: $x, first: $first, after: $after) {
        entries { id at actorId access operation nurseryId entityIds clientAddress }
        nextCursor
    }
}";

async fn trail(client: &Client, vars: Value) -> (Vec<Value>, Option<String>) {
    let page = client.ok(AUDIT_LOG, vars).await.expect("audit log")["auditLog"].clone();
    let entries = page["entries"].as_array().unwrap().clone();
    (entries, page["nextCursor"].as_str().map(str::to_owned))
}

async fn user_id(client: &Client) -> String {
    client.ok("{ me { user { id } } }", json!({})).await.unwrap()["me"]["user"]["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

fn has_entity(entry: &Value, id: &str) -> bool {
    entry["entityIds"].as_array().unwrap().iter().any(|e| e == id)
}

async fn reads_and_writes_leave_a_trail_without_content(backend: Backend) {
    let app = TestApp::start(backend).await;
    let w = World::build(&app).await;
    let staff = user_id(&w.staff_a).await;
    let mother = user_id(&w.guardian_1).await;

    // The mother's phone subscribes: a live feed of her children is a read, recorded at its start.
    let mut phone = w.guardian_1.subscriptions().await.unwrap();
    phone.subscribe(ATTENDANCE_SUBSCRIPTION, json!({})).await.unwrap();

    // Writes: a check-in, a refused second check-in, a health check with private content.
    let event = w.staff_a.ok(CHECK_IN, json!({"c": w.child_1a})).await.unwrap()["checkIn"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    phone
        .next_data(DELIVERY_WAIT)
        .await
        .unwrap()
        .expect("the phone gets the check-in");
    let refused = w.staff_a.gql(CHECK_IN, json!({"c": w.child_1a})).await.unwrap();
    assert_eq!(refused.code(), Some("CONFLICT"));
    w.staff_a
        .ok(
            "mutation($c: ID!) { recordHealthCheck(input: {childId: $c, temperatureC: 38.4, symptoms: [RASH], note: \"ひみつのメモ\"}) { id } }",
            json!({"c": w.child_1a}),
        )
        .await
        .unwrap();
    // Reads: the mother reads her child and its health checks; staff of another nursery try.
    let today = today_jst().to_string();
    w.guardian_1
        .ok(
            "query($c: ID!, $d: Date!) { child(id: $c) { name healthChecks(from: $d, to: $d) { temperatureC } } }",
            json!({"c": w.child_1a, "d": today}),
        )
        .await
        .unwrap();
    let outsider = w
        .staff_b
        .gql("query($c: ID!) { child(id: $c) { name } }", json!({"c": w.child_1a}))
        .await
        .unwrap();
    assert_eq!(outsider.code(), Some("NOT_FOUND"));

    // The head of nursery A sees it all, newest first, with who, what and which ids; from
    // where is the system administrator's to see (a parent's address is personal data).
    let (entries, _) = trail(&w.head_a, json!({"n": w.nursery_a, "first": 100})).await;
    let check_ins: Vec<&Value> = entries.iter().filter(|e| e["operation"] == "checkIn").collect();
    assert_eq!(check_ins.len(), 1, "the refused check-in left no entry: {check_ins:?}");
    let check_in = check_ins[0];
    assert_eq!(
        (
            &check_in["access"],
            &check_in["actorId"],
            &check_in["nurseryId"],
            &check_in["clientAddress"]
        ),
        (&json!("WRITE"), &json!(staff), &json!(w.nursery_a), &Value::Null)
    );
    assert!(entries.iter().all(|e| e["clientAddress"].is_null()));
    assert!(has_entity(check_in, &w.child_1a) && has_entity(check_in, &event));
    let operations: Vec<&str> = entries.iter().map(|e| e["operation"].as_str().unwrap()).collect();
    for expected in [
        "recordHealthCheck",
        "child",
        "Child.healthChecks",
        "subscribe attendanceEvents",
    ] {
        assert!(operations.contains(&expected), "{expected} missing from {operations:?}");
    }
    let read = entries.iter().find(|e| e["operation"] == "Child.healthChecks").unwrap();
    assert_eq!((&read["access"], &read["actorId"]), (&json!("READ"), &json!(mother)));
    assert!(has_entity(read, &w.child_1a));
    let subscribed = entries
        .iter()
        .find(|e| e["operation"] == "subscribe attendanceEvents")
        .unwrap();
    assert_eq!(subscribed["actorId"], json!(mother));
    assert!(has_entity(subscribed, &w.family_1));
    let ids: Vec<i64> = entries
        .iter()
        .map(|e| e["id"].as_str().unwrap().parse().unwrap())
        .collect();
    assert!(ids.windows(2).all(|p| p[0] > p[1]), "newest first");
    // What an entry says, without when (a time like 13:34:38.412 would "hold" 38.4).
    let said: Vec<Value> = entries
        .iter()
        .map(|e| {
            let mut e = e.clone();
            e.as_object_mut().unwrap().remove("at");
            e
        })
        .collect();
    let everything = serde_json::to_string(&said).unwrap();
    for secret in ["ひみつ", "38.4", "RASH", "佐藤"] {
        assert!(!everything.contains(secret), "the trail holds content: {secret}");
    }
    assert!(
        entries.iter().all(|e| e["nurseryId"] == json!(w.nursery_a)),
        "only nursery A's entries"
    );

    // Filters and paging.
    let (mine, _) = trail(&w.head_a, json!({"n": w.nursery_a, "a": mother})).await;
    assert!(!mine.is_empty() && mine.iter().all(|e| e["actorId"] == json!(mother)));
    let (writes, _) = trail(&w.head_a, json!({"n": w.nursery_a, "x": "WRITE", "o": "checkIn"})).await;
    assert_eq!(writes.len(), 1);
    let (about_child, _) = trail(&w.head_a, json!({"n": w.nursery_a, "e": w.child_1b})).await;
    assert!(about_child.iter().all(|e| has_entity(e, &w.child_1b)));
    let (first_page, cursor) = trail(&w.head_a, json!({"n": w.nursery_a, "first": 2})).await;
    let (second_page, _) = trail(&w.head_a, json!({"n": w.nursery_a, "first": 2, "after": cursor})).await;
    assert_eq!(first_page.len(), 2);
    assert_eq!(
        second_page[0], entries[2],
        "the second page continues where the first ended"
    );
    let bad = w.head_a.gql(AUDIT_LOG, json!({"first": 0})).await.unwrap();
    assert_eq!((bad.code(), bad.field()), (Some("BAD_USER_INPUT"), Some("first")));

    // The system administrator sees every nursery's trail (and set-up outside nurseries).
    let (all, _) = trail(&app.admin, json!({"first": 500})).await;
    assert!(all.iter().any(|e| e["operation"] == "createMunicipality"));
    let check_in_seen_by_admin = all.iter().find(|e| e["id"] == check_in["id"]).unwrap();
    assert_eq!(check_in_seen_by_admin["clientAddress"], "127.0.0.1");
    assert!(all
        .iter()
        .any(|e| e["nurseryId"] != json!(w.nursery_a) && !e["nurseryId"].is_null()));

    // Retention: restarted with zero days kept, the old trail is pruned at start.
    let TestApp { server, db, .. } = app;
    assert!(server.terminate().await.unwrap());
    let mut env = server_env(&db);
    env.insert("AUDIT_RETENTION_DAYS".into(), "0".into());
    let again = ServerProcess::spawn(&binary(), &env).await.expect("restart");
    let admin = Client::new(&again.base_url).login(ADMIN_EMAIL, PASSWORD).await.unwrap();
    let (left, _) = trail(&admin, json!({"first": 500})).await;
    assert!(
        left.iter().all(|e| e["operation"] == "login"),
        "only the new login is left: {left:?}"
    );
    assert!(again.terminate().await.unwrap());
}

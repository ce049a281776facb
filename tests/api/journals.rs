//! Journals over the API: the diary pre-filled from the day, drafted, saved concurrently,
//! submitted, returned, approved (never by its own writer), read-only after; the two-sided
//! contact notebook published to the family live; who sees what.

use serde_json::{json, Value};
use tsunagu_client::Client;

use crate::care::{alerts, next_alert};
use crate::helpers::*;
use crate::world::*;

crate::on_both_backends!(diary_workflow_with_approval, contact_notebook_reaches_the_family);

const SAVE: &str =
    "mutation($i: JournalDraftInput!) { saveJournalDraft(input: $i) { id revision status body reviewComment } }";

async fn save(client: &Client, input: Value) -> tsunagu_client::GqlResponse {
    client.gql(SAVE, json!({"i": input})).await.unwrap()
}

fn data(response: tsunagu_client::GqlResponse, field: &str) -> Value {
    assert!(response.errors.is_empty(), "{field}: {:?}", response.errors);
    response.data[field].clone()
}

async fn diary_workflow_with_approval(backend: Backend) {
    let app = TestApp::start(backend).await;
    let w = World::build(&app).await;
    let today = today_jst().to_string();

    // The day so far: one arrival, one fever absence, one late arrival.
    w.staff_a.ok(CHECK_IN, json!({"c": w.child_1a})).await.unwrap();
    let report = "mutation($i: AbsenceInput!) { reportAbsence(input: $i) { id } }";
    w.guardian_2
        .ok(report, json!({"i": {"childId": w.child_2, "kind": "ABSENCE", "date": today, "reason": "ILLNESS", "symptoms": ["FEVER"]}}))
        .await
        .unwrap();
    let arrival = (time::OffsetDateTime::now_utc() + time::Duration::minutes(30))
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap();
    let late_date = (time::OffsetDateTime::now_utc() + time::Duration::minutes(30) + time::Duration::hours(9))
        .date()
        .to_string();
    w.guardian_1
        .ok(report, json!({"i": {"childId": w.child_1b, "kind": "LATE", "date": late_date, "reason": "MEDICAL_APPOINTMENT", "expectedArrival": arrival}}))
        .await
        .unwrap();

    // The new diary page arrives pre-filled.
    let template = w
        .staff_a
        .ok(
            "query($c: ID!, $d: Date!) { journalTemplate(kind: DAILY_DIARY, classroomId: $c, date: $d) }",
            json!({"c": w.classroom_a, "d": today}),
        )
        .await
        .unwrap();
    let mut body: Value = serde_json::from_str(template["journalTemplate"].as_str().unwrap()).unwrap();
    let summary = body["attendanceSummary"].as_str().unwrap().to_owned();
    assert!(
        summary.starts_with("在籍 3名／出席 1名／欠席 1名（発熱 1）"),
        "{summary}"
    );
    if late_date == today {
        assert!(summary.contains("遅刻 1名（佐藤 ゆい）"), "{summary}");
    }

    body["weather"] = json!("晴れ");
    body["activities"] = json!("園庭で砂遊び");
    let input = json!({"kind": "DAILY_DIARY", "classroomId": w.classroom_a, "periodStart": today, "periodEnd": today, "body": body.to_string()});
    let created = data(save(&w.staff_a, input.clone()).await, "saveJournalDraft");
    assert_eq!(
        (created["revision"].clone(), created["status"].clone()),
        (json!(1), json!("DRAFT"))
    );
    let id = created["id"].as_str().unwrap().to_owned();
    assert_eq!(
        save(&w.staff_a, input.clone()).await.code(),
        Some("CONFLICT"),
        "one diary per classroom per day"
    );

    // Two teachers edit revision 1; the second save is refused with the current revision.
    let edit = |revision: i64, activities: &str| {
        let mut body = body.clone();
        body["activities"] = json!(activities);
        json!({"journalId": id, "kind": "DAILY_DIARY", "periodStart": today, "periodEnd": today, "body": body.to_string(), "revision": revision})
    };
    let saved = data(
        save(&w.staff_a, edit(1, "園庭で砂遊び、水やり")).await,
        "saveJournalDraft",
    );
    assert_eq!(saved["revision"], 2);
    let stale = save(&w.head_a, edit(1, "散歩")).await;
    assert_eq!(stale.code(), Some("CONFLICT"));
    assert_eq!(stale.errors[0]["extensions"]["currentRevision"], 2);

    // Bodies are validated by kind.
    let mut bad = edit(2, "x");
    bad["body"] = json!("{\"aims\": \"plan section in a diary\"}");
    assert_eq!((save(&w.staff_a, bad.clone()).await.field()), Some("body"));
    bad["body"] = json!("not json");
    assert_eq!((save(&w.staff_a, bad).await.field()), Some("body"));

    // Submitted, returned with a comment, corrected, submitted, approved.
    let submit = "mutation($id: ID!, $r: Int!) { submitJournal(id: $id, revision: $r) { status revision } }";
    let submitted = w.staff_a.ok(submit, json!({"id": id, "r": 2})).await.unwrap();
    assert_eq!(
        submitted["submitJournal"],
        json!({"status": "SUBMITTED", "revision": 3})
    );
    assert_eq!(
        save(&w.staff_a, edit(3, "x")).await.code(),
        Some("CONFLICT"),
        "submitted: not editable"
    );
    let returned = w
        .head_a
        .ok("mutation($id: ID!) { returnJournal(id: $id, comment: \"午睡の様子も書いてください\") { status reviewComment revision } }", json!({"id": id}))
        .await
        .unwrap();
    assert_eq!(returned["returnJournal"]["status"], "RETURNED");
    assert_eq!(returned["returnJournal"]["reviewComment"], "午睡の様子も書いてください");
    let fixed = data(
        save(&w.staff_a, edit(4, "園庭で砂遊び。午睡はよく眠れた")).await,
        "saveJournalDraft",
    );
    assert_eq!(fixed["status"], "DRAFT");
    w.staff_a.ok(submit, json!({"id": id, "r": 5})).await.unwrap();
    let staff_approves = w
        .staff_a
        .gql(
            "mutation($id: ID!) { approveJournal(id: $id) { status } }",
            json!({"id": id}),
        )
        .await
        .unwrap();
    assert_eq!(staff_approves.code(), Some("FORBIDDEN"), "only the head approves");
    let approved = w
        .head_a
        .ok(
            "mutation($id: ID!) { approveJournal(id: $id) { status revision } }",
            json!({"id": id}),
        )
        .await
        .unwrap();
    assert_eq!(approved["approveJournal"], json!({"status": "APPROVED", "revision": 7}));
    assert_eq!(
        save(&w.staff_a, edit(7, "x")).await.code(),
        Some("CONFLICT"),
        "approved documents are read-only"
    );

    let history = w
        .staff_a
        .ok(
            "query($id: ID!) { journalHistory(id: $id) { revision action actor { email displayName } } }",
            json!({"id": id}),
        )
        .await
        .unwrap();
    let actions: Vec<&str> = history["journalHistory"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["action"].as_str().unwrap())
        .collect();
    assert_eq!(
        actions,
        ["CREATE", "SAVE", "SUBMIT", "RETURN", "SAVE", "SUBMIT", "APPROVE"]
    );
    // Who approved, by name: a head's e-mail address is not the staff's to see.
    let approver = &history["journalHistory"][6]["actor"];
    assert_eq!(approver["displayName"], "NURSERY_ADMIN head.a@tsunagu.test");
    assert!(approver["email"].is_null());

    // The head may not approve a plan they wrote themselves.
    let plan_body =
        json!({"aims": "友だちと関わって遊ぶ", "content": "", "environment": "", "support": "", "evaluation": ""})
            .to_string();
    let plan = data(
        save(&w.head_a, json!({"kind": "GUIDANCE_PLAN", "classroomId": w.classroom_a, "periodStart": "2026-04-01", "periodEnd": "2026-04-30", "body": plan_body})).await,
        "saveJournalDraft",
    );
    w.head_a.ok(submit, json!({"id": plan["id"], "r": 1})).await.unwrap();
    let own = w
        .head_a
        .gql(
            "mutation($id: ID!) { approveJournal(id: $id) { status } }",
            json!({"id": plan["id"]}),
        )
        .await
        .unwrap();
    assert_eq!(own.code(), Some("FORBIDDEN"));

    // Families and the municipality never see diaries or plans.
    let listed = w
        .guardian_1
        .ok(
            "query($n: ID!) { journals(nurseryId: $n) { id } }",
            json!({"n": w.nursery_a}),
        )
        .await
        .unwrap();
    assert_eq!(listed["journals"], json!([]));
    assert_eq!(
        w.guardian_1
            .gql("query($id: ID!) { journal(id: $id) { id } }", json!({"id": id}))
            .await
            .unwrap()
            .code(),
        Some("NOT_FOUND")
    );
    assert_eq!(
        w.officer
            .gql("query($id: ID!) { journal(id: $id) { id } }", json!({"id": id}))
            .await
            .unwrap()
            .code(),
        Some("NOT_FOUND")
    );
    let staff_list = w
        .staff_a
        .ok(
            "query($n: ID!) { journals(nurseryId: $n, kind: DAILY_DIARY, status: APPROVED) { id } }",
            json!({"n": w.nursery_a}),
        )
        .await
        .unwrap();
    assert_eq!(staff_list["journals"], json!([{"id": id}]));
}

async fn contact_notebook_reaches_the_family(backend: Backend) {
    let app = TestApp::start(backend).await;
    let w = World::build(&app).await;
    let today = today_jst().to_string();
    w.staff_a.ok(CHECK_IN, json!({"c": w.child_1a})).await.unwrap();
    let mut family_alerts = alerts(&w.guardian_1b).await;

    // Morning: a guardian writes the home side.
    let home = json!({"home": {"sleep": "21:00〜6:30", "mood": "元気", "breakfast": "パンと牛乳", "temperatureC": 36.6, "message": "鼻水が少し出ています"}});
    let page = data(
        save(&w.guardian_1, json!({"kind": "CONTACT_NOTEBOOK", "childId": w.child_1a, "periodStart": today, "periodEnd": today, "body": home.to_string()})).await,
        "saveJournalDraft",
    );
    let id = page["id"].as_str().unwrap().to_owned();
    let not_theirs = json!({"nursery": {"message": "x"}}).to_string();
    let wrong_side = save(&w.guardian_1, json!({"journalId": id, "kind": "CONTACT_NOTEBOOK", "periodStart": today, "periodEnd": today, "body": not_theirs, "revision": 1})).await;
    assert_eq!(wrong_side.field(), Some("body"));

    // Evening: the teacher starts from the pre-filled nursery side and writes theirs.
    let template = w
        .staff_a
        .ok(
            "query($c: ID!, $d: Date!) { journalTemplate(kind: CONTACT_NOTEBOOK, childId: $c, date: $d) }",
            json!({"c": w.child_1a, "d": today}),
        )
        .await
        .unwrap();
    let mut nursery: Value = serde_json::from_str(template["journalTemplate"].as_str().unwrap()).unwrap();
    assert!(
        nursery["nursery"]["arrival"].as_str().unwrap().contains(':'),
        "arrival time filled in: {nursery}"
    );
    nursery["nursery"]["message"] = json!("今日は園庭でたくさん遊びました");
    let saved = data(
        save(&w.staff_a, json!({"journalId": id, "kind": "CONTACT_NOTEBOOK", "periodStart": today, "periodEnd": today, "body": nursery.to_string(), "revision": 1})).await,
        "saveJournalDraft",
    );
    let both: Value = serde_json::from_str(saved["body"].as_str().unwrap()).unwrap();
    assert_eq!(both["home"]["message"], "鼻水が少し出ています", "the home side is kept");
    assert_eq!(both["nursery"]["message"], "今日は園庭でたくさん遊びました");

    // Before publishing, the family sees only their own side.
    let read = "query($id: ID!) { journal(id: $id) { status body } }";
    let before = w.guardian_1.ok(read, json!({"id": id})).await.unwrap();
    let before: Value = serde_json::from_str(before["journal"]["body"].as_str().unwrap()).unwrap();
    assert_eq!(before["nursery"], json!({}));

    let published = w
        .staff_a
        .ok(
            "mutation($id: ID!) { publishJournal(id: $id) { status } }",
            json!({"id": id}),
        )
        .await
        .unwrap();
    assert_eq!(published["publishJournal"]["status"], "PUBLISHED");
    let alert = next_alert(&mut family_alerts, "the other guardian").await;
    assert_eq!(
        (alert["kind"].clone(), alert["journalId"].clone()),
        (json!("NOTEBOOK_PUBLISHED"), json!(id))
    );
    let after = w.guardian_1b.ok(read, json!({"id": id})).await.unwrap();
    let after: Value = serde_json::from_str(after["journal"]["body"].as_str().unwrap()).unwrap();
    assert_eq!(after["nursery"]["message"], "今日は園庭でたくさん遊びました");
    let listed = w
        .guardian_1
        .ok(
            "query($n: ID!) { journals(nurseryId: $n) { id kind } }",
            json!({"n": w.nursery_a}),
        )
        .await
        .unwrap();
    assert_eq!(listed["journals"], json!([{"id": id, "kind": "CONTACT_NOTEBOOK"}]));
    assert_eq!(
        w.guardian_2.gql(read, json!({"id": id})).await.unwrap().code(),
        Some("NOT_FOUND"),
        "another family"
    );
    let republish = w
        .staff_a
        .gql(
            "mutation($id: ID!) { publishJournal(id: $id) { status } }",
            json!({"id": id}),
        )
        .await
        .unwrap();
    assert_eq!(republish.code(), Some("CONFLICT"));
}

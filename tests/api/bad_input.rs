//! Bad input gets BAD_USER_INPUT naming the field, never a crash: after every case below the
//! server still answers.

use serde_json::{json, Value};

use crate::helpers::*;
use crate::world::*;

crate::on_both_backends!(
    bad_input_is_refused_with_the_field_named,
    a_guessable_bootstrap_password_stops_the_start
);

const ABSENCE: &str = "mutation($i: AbsenceInput!) { reportAbsence(input: $i) { id } }";

fn absence(child: &str, overrides: Value) -> Value {
    let mut input = json!({"childId": child, "kind": "ABSENCE", "date": today_jst().to_string(), "reason": "ILLNESS"});
    for (key, value) in overrides.as_object().unwrap() {
        input[key] = value.clone();
    }
    json!({"i": input})
}

async fn bad_input_is_refused_with_the_field_named(backend: Backend) {
    let app = TestApp::start(backend).await;
    let w = World::build(&app).await;
    let today = today_jst();
    let far_back = (today - time::Duration::days(40)).to_string();
    let far_ahead = (today + time::Duration::days(400)).to_string();
    let future = (time::OffsetDateTime::now_utc() + time::Duration::hours(2))
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap();
    let yesterday = (time::OffsetDateTime::now_utc() - time::Duration::days(1))
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap();

    let g = &w.guardian_1;
    let s = &w.staff_a;
    let a = &app.admin;
    let cases: Vec<(&str, &tsunagu_client::Client, &str, Value, &str)> = vec![
        ("malformed id", g, "query($id: ID!) { child(id: $id) { id } }", json!({"id": "not-a-uuid"}), "id"),
        ("malformed child id", s, CHECK_IN, json!({"c": "1234"}), "childId"),
        ("impossible date", g, ABSENCE, absence(&w.child_1a, json!({"date": "2026-02-30"})), "date"),
        ("date not a date", g, ABSENCE, absence(&w.child_1a, json!({"date": "tomorrow"})), "date"),
        ("absence too far back", g, ABSENCE, absence(&w.child_1a, json!({"date": far_back})), "date"),
        ("absence too far ahead", g, ABSENCE, absence(&w.child_1a, json!({"date": far_ahead})), "date"),
        ("unknown enum value", g, ABSENCE, absence(&w.child_1a, json!({"kind": "HOLIDAY"})), "kind"),
        ("unknown symptom", g, ABSENCE, absence(&w.child_1a, json!({"symptoms": ["FEVER", "SNEEZE"]})), "symptoms"),
        ("too many symptoms", g, ABSENCE, absence(&w.child_1a, json!({"symptoms": vec!["FEVER"; 9]})), "symptoms"),
        ("over-long note", g, ABSENCE, absence(&w.child_1a, json!({"note": "あ".repeat(2_001)})), "note"),
        ("late without arrival time", g, ABSENCE, absence(&w.child_1a, json!({"kind": "LATE"})), "expectedArrival"),
        ("absence with arrival time", g, ABSENCE, absence(&w.child_1a, json!({"expectedArrival": future})), "expectedArrival"),
        ("over-long idempotency key", g, ABSENCE, absence(&w.child_1a, json!({"idempotencyKey": "k".repeat(200)})), "idempotencyKey"),
        (
            "check-in in the future",
            s,
            "mutation($c: ID!, $t: DateTime) { checkIn(input: {childId: $c, occurredAt: $t}) { id } }",
            json!({"c": w.child_1a, "t": future}),
            "occurredAt",
        ),
        (
            "late entry for another day",
            s,
            "mutation($c: ID!, $t: DateTime) { checkIn(input: {childId: $c, occurredAt: $t}) { id } }",
            json!({"c": w.child_1a, "t": yesterday}),
            "occurredAt",
        ),
        (
            "not a date-time",
            s,
            "mutation($c: ID!, $t: DateTime) { checkIn(input: {childId: $c, occurredAt: $t}) { id } }",
            json!({"c": w.child_1a, "t": "8時5分"}),
            "occurredAt",
        ),
        ("empty name", a, "mutation($n: ID!) { createClassroom(nurseryId: $n, name: \"   \", ageBand: 1) { id } }", json!({"n": w.nursery_a}), "name"),
        ("over-long name", a, "mutation($n: ID!, $name: String!) { createClassroom(nurseryId: $n, name: $name, ageBand: 1) { id } }", json!({"n": w.nursery_a, "name": "組".repeat(101)}), "name"),
        ("age band out of range", a, "mutation($n: ID!) { createClassroom(nurseryId: $n, name: \"ぞう組\", ageBand: 9) { id } }", json!({"n": w.nursery_a}), "ageBand"),
        ("municipality code", a, "mutation { createMunicipality(name: \"市\", code: \"12\") { id } }", json!({}), "code"),
        (
            "short password",
            a,
            "mutation($s: ID) { createUser(email: \"x@t.test\", password: \"short\", displayName: \"x\", role: STAFF, scopeId: $s) { id } }",
            json!({"s": w.nursery_a}),
            "password",
        ),
        (
            "guessable password",
            a,
            "mutation($s: ID) { createUser(email: \"x@t.test\", password: \"password1234\", displayName: \"x\", role: STAFF, scopeId: $s) { id } }",
            json!({"s": w.nursery_a}),
            "password",
        ),
        (
            "password made of the e-mail address",
            a,
            "mutation($s: ID) { createUser(email: \"hanako.sato@t.test\", password: \"hanako.sato@t.test\", displayName: \"x\", role: STAFF, scopeId: $s) { id } }",
            json!({"s": w.nursery_a}),
            "password",
        ),
        (
            "password containing the name",
            a,
            "mutation($s: ID) { createUser(email: \"y@t.test\", password: \"Tsunagu Hanako 2026\", displayName: \"Tsunagu Hanako\", role: STAFF, scopeId: $s) { id } }",
            json!({"s": w.nursery_a}),
            "password",
        ),
        (
            "malformed email",
            a,
            "mutation($s: ID) { createUser(email: \"no-at-sign\", password: \"long enough password\", displayName: \"x\", role: STAFF, scopeId: $s) { id } }",
            json!({"s": w.nursery_a}),
            "email",
        ),
        (
            "birth date in the future",
            a,
            "mutation($f: ID!, $c: ID!, $d: Date!) { enrollChild(familyId: $f, classroomId: $c, name: \"x\", birthDate: $d) { id } }",
            json!({"f": w.family_1, "c": w.classroom_a, "d": far_ahead}),
            "birthDate",
        ),
        (
            "classroom of another nursery",
            a,
            "mutation($f: ID!, $c: ID!) { enrollChild(familyId: $f, classroomId: $c, name: \"x\", birthDate: \"2024-01-01\") { id } }",
            json!({"f": w.family_1, "c": w.classroom_b}),
            "classroomId",
        ),
        (
            "history range backwards",
            g,
            "query($c: ID!) { child(id: $c) { attendance(from: \"2026-05-01\", to: \"2026-04-01\") { id } } }",
            json!({"c": w.child_1a}),
            "to",
        ),
        (
            "enrolment before birth",
            a,
            "mutation($f: ID!, $c: ID!) { enrollChild(familyId: $f, classroomId: $c, name: \"x\", birthDate: \"2024-01-01\", enrolledOn: \"2023-04-01\") { id } }",
            json!({"f": w.family_1, "c": w.classroom_a}),
            "enrolledOn",
        ),
        (
            "report range backwards",
            &w.officer,
            "query($m: ID!) { nurseryDaySummaries(municipalityId: $m, from: \"2026-05-01\", to: \"2026-04-01\") { date } }",
            json!({"m": w.municipality}),
            "to",
        ),
        (
            "report over two years",
            &w.officer,
            "query($m: ID!) { nurseryPeriodSummaries(municipalityId: $m, from: \"2024-04-01\", to: \"2026-03-31\") { openDays } }",
            json!({"m": w.municipality}),
            "to",
        ),
        (
            "malformed municipality id",
            &w.officer,
            "query { classroomSymptomAbsences(municipalityId: \"x\", from: \"2026-04-01\", to: \"2026-04-02\") { date } }",
            json!({}),
            "municipalityId",
        ),
        (
            "cluster window of a month",
            &w.officer,
            "mutation($m: ID!) { setInfectionAlertRule(municipalityId: $m, minChildren: 3, windowDays: 30) { windowDays } }",
            json!({"m": w.municipality}),
            "windowDays",
        ),
        ("audit page of zero", &w.head_a, "{ auditLog(first: 0) { nextCursor } }", json!({}), "first"),
        ("audit cursor not ours", &w.head_a, "{ auditLog(after: \"abc\") { nextCursor } }", json!({}), "after"),
    ];

    let mut failures = Vec::new();
    for (name, client, query, variables, field) in cases {
        let response = client
            .gql(query, variables)
            .await
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        if response.code() != Some("BAD_USER_INPUT") || response.field() != Some(field) {
            failures.push(format!(
                "{name}: expected BAD_USER_INPUT on `{field}`, got {:?}",
                response.errors
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));

    // A retried key for another operation is refused, not confused with the first result.
    let report = g
        .ok(ABSENCE, absence(&w.child_1a, json!({"idempotencyKey": "same-key"})))
        .await
        .unwrap();
    assert!(report["reportAbsence"]["id"].is_string());
    let reused = w
        .guardian_1
        .gql(ABSENCE, absence(&w.child_1b, json!({"idempotencyKey": "same-key"})))
        .await
        .unwrap();
    assert_eq!(
        reused.data["reportAbsence"]["id"], report["reportAbsence"]["id"],
        "same key, same user: the first result"
    );

    // Requests that are not GraphQL at all, or too deep, or too big.
    let garbage = app.anonymous.post_json(json!({"no": "query"})).await.unwrap();
    assert_eq!(garbage.code(), Some("BAD_USER_INPUT"));
    let syntax = app.anonymous.gql("{ me { ", json!({})).await.unwrap();
    assert_eq!(syntax.code(), Some("BAD_USER_INPUT"));
    let deep = g
        .gql(
            "{ me { children { family { children { family { children { family { children { family { children { family { children { family { children { family { children { family { children { id } } } } } } } } } } } } } } } } } } }",
            json!({}),
        )
        .await
        .unwrap();
    assert_eq!(deep.code(), Some("BAD_USER_INPUT"), "{:?}", deep.errors);
    let http = reqwest::Client::new();
    let huge = http
        .post(format!("{}/graphql", app.server.base_url))
        .header("content-type", "application/json")
        .body(format!(
            "{{\"query\": \"{{ me {{ user {{ id }} }} }}\", \"x\": \"{}\"}}",
            "x".repeat(200_000)
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(huge.status(), 413);
    // The server may close a connection whose body it refused unread: start afresh.
    let http = reqwest::Client::new();
    let not_json = http
        .post(format!("{}/graphql", app.server.base_url))
        .header("content-type", "application/json")
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert_eq!(not_json.status(), 400);
    let body: Value = not_json.json().await.unwrap();
    assert_eq!(body["errors"][0]["extensions"]["code"], "BAD_USER_INPUT");

    // The very last representable day is just an empty history, not a crash.
    let edge = g
        .gql(
            "query($c: ID!) { child(id: $c) { attendance(from: \"9999-12-31\", to: \"9999-12-31\") { id } healthChecks(from: \"9999-12-31\", to: \"9999-12-31\") { id } } }",
            json!({"c": w.child_1a}),
        )
        .await
        .unwrap();
    assert!(edge.errors.is_empty(), "{:?}", edge.errors);

    // And the server is still serving.
    let health = http
        .get(format!("{}/healthz", app.server.base_url))
        .send()
        .await
        .unwrap();
    assert_eq!(health.status(), 200);
    assert!(g.ok("{ me { user { email } } }", json!({})).await.is_ok());
}

/// The first administrator's password meets the same rule as every other: a guessable one is
/// refused at start, with the reason, instead of creating an account anyone could guess.
async fn a_guessable_bootstrap_password_stops_the_start(backend: Backend) {
    let db = TestDb::create(&backend).await;
    let mut env = server_env(&db);
    env.insert("BOOTSTRAP_ADMIN_PASSWORD".into(), "qwerty123456".into());
    let refused = tsunagu_client::ServerProcess::spawn(&binary(), &env).await;
    assert!(refused.is_err(), "the server started with a guessable admin password");
    env.insert("BOOTSTRAP_ADMIN_PASSWORD".into(), PASSWORD.into());
    let server = tsunagu_client::ServerProcess::spawn(&binary(), &env).await.unwrap();
    tsunagu_client::Client::new(&server.base_url)
        .login(ADMIN_EMAIL, PASSWORD)
        .await
        .unwrap();
}

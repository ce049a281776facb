//! The authorization matrix: every operation, by every role in scope and by outsiders of the
//! same role elsewhere. Expected outcomes, one letter per caller:
//! A allowed · F FORBIDDEN (can see it, may not do it) · N NOT_FOUND (learns nothing) ·
//! U UNAUTHENTICATED.

use std::time::Duration;

use serde_json::{json, Value};
use tsunagu_client::{Client, Incoming};

use crate::helpers::*;
use crate::world::*;

crate::on_both_backends!(every_operation_by_every_role);

/// The not-yet-arrived watch runs: one of the operations closes a check it raised.
const WATCH: [(&str, &str); 1] = [("ARRIVAL_WATCH_INTERVAL_MS", "100")];

/// Callers, in the order of the expectation strings.
const CALLERS: [&str; 9] = [
    "anonymous",
    "system admin",
    "officer (in scope)",
    "nursery head (in scope)",
    "staff (in scope)",
    "guardian (in scope)",
    "officer elsewhere",
    "staff elsewhere",
    "guardian elsewhere",
];

pub(crate) struct Op {
    pub name: &'static str,
    pub query: &'static str,
    pub vars: fn(&World, &Ctx, usize) -> Value,
    pub expect: &'static str,
}

/// Ids the operations need beyond the world's.
pub(crate) struct Ctx {
    pub absence: String,
    pub today: String,
    pub safety: crate::authorization_safety::Ids,
    pub pickup: crate::authorization_pickup::Ids,
    pub diary: String,
    pub notebook: String,
    /// A guardian invitation for family 1.
    pub invitation: String,
    /// A guardian of family 2 to deactivate, reactivate, rename and reset.
    pub target_user: String,
    /// One guardian of family 2 per caller, to remove (each can be removed once).
    pub removable: Vec<String>,
    /// A teacher of nursery A to move to nursery B, and nursery B.
    pub mover: String,
    pub nursery_b: String,
}

/// The caller's position in `CALLERS` for the `n`th call (each operation calls all in order).
pub(crate) fn caller_index(n: usize) -> usize {
    (n - 1) % CALLERS.len()
}

fn ops() -> Vec<Op> {
    vec![
        Op { name: "me", query: "{ me { user { id } } }", vars: |_, _, _| json!({}), expect: "UAAAAAAAA" },
        Op { name: "child", query: "query($id: ID!) { child(id: $id) { id } }", vars: |w, _, _| json!({"id": w.child_1a}), expect: "UNNAAANNN" },
        Op { name: "nursery", query: "query($id: ID!) { nursery(id: $id) { id } }", vars: |w, _, _| json!({"id": w.nursery_a}), expect: "UAAAANNNN" },
        Op {
            name: "absenceReports",
            query: "query($n: ID!, $d: Date!) { absenceReports(nurseryId: $n, date: $d) { id } }",
            vars: |w, c, _| json!({"n": w.nursery_a, "d": c.today}),
            expect: "UFFAANNNN",
        },
        Op {
            name: "createMunicipality",
            query: "mutation($c: String!) { createMunicipality(name: \"新市\", code: $c) { id } }",
            vars: |_, _, n| json!({"c": format!("{:06}", 100_000 + n)}),
            expect: "UAFFFFFFF",
        },
        Op {
            name: "createNursery",
            query: "mutation($m: ID!) { createNursery(municipalityId: $m, name: \"新保育所\") { id } }",
            vars: |w, _, _| json!({"m": w.municipality}),
            expect: "UAANNNNNN",
        },
        Op {
            name: "createClassroom",
            query: "mutation($n: ID!, $name: String!) { createClassroom(nurseryId: $n, name: $name, ageBand: 3) { id } }",
            vars: |w, _, n| json!({"n": w.nursery_a, "name": format!("りす組{n}")}),
            expect: "UAFAFNNNN",
        },
        Op { name: "createFamily", query: "mutation($n: ID!) { createFamily(nurseryId: $n) { id } }", vars: |w, _, _| json!({"n": w.nursery_a}), expect: "UAFAFNNNN" },
        Op {
            name: "enrollChild",
            query: "mutation($f: ID!, $c: ID!) { enrollChild(familyId: $f, classroomId: $c, name: \"佐藤 れん\", birthDate: \"2024-01-02\") { id } }",
            vars: |w, _, _| json!({"f": w.family_1, "c": w.classroom_a}),
            expect: "UAFAFFNNN",
        },
        // Only SYSTEM_ADMIN chooses another person's password (automation); people are invited.
        create_user("createUser STAFF", "STAFF", "UAFFFNNNN"),
        create_user("createUser NURSERY_ADMIN", "NURSERY_ADMIN", "UAFFFNNNN"),
        create_user("createUser GUARDIAN", "GUARDIAN", "UAFFFFNNN"),
    ]
    .into_iter()
    // Accounts and the roster through the year, in this place of the sequence: later
    // operations act on what these leave (a moved teacher, a removed guardian).
    .chain(crate::authorization_accounts::ops())
    .chain(vec![
            create_user("createUser MUNICIPAL_OFFICER", "MUNICIPAL_OFFICER", "UAFNNNNNN"),
            create_user("createUser SYSTEM_ADMIN", "SYSTEM_ADMIN", "UAFFFFFFF"),
            Op { name: "checkIn", query: CHECK_IN, vars: |w, _, _| json!({"c": w.child_1a}), expect: "UNNAAFNNN" },
            Op { name: "checkOut", query: CHECK_OUT, vars: |w, _, _| json!({"c": w.child_1a}), expect: "UNNAAFNNN" },
            Op {
                name: "reportAbsence",
                query: "mutation($c: ID!, $d: Date!) { reportAbsence(input: {childId: $c, kind: EARLY_PICKUP, date: $d, reason: FAMILY}) { id } }",
                vars: |w, c, _| json!({"c": w.child_1a, "d": c.today}),
                expect: "UNNFFANNN",
            },
            Op {
                name: "acknowledgeAbsence",
                query: "mutation($id: ID!) { acknowledgeAbsence(id: $id) { id } }",
                vars: |_, c, _| json!({"id": c.absence}),
                expect: "UNNAAFNNN",
            },
            // After its acknowledgement (above) the family's changes are CONFLICT: allowed, refused.
            Op {
                name: "updateAbsence",
                query: "mutation($id: ID!) { updateAbsence(id: $id, input: {reason: ILLNESS, symptoms: [COUGH]}) { id } }",
                vars: |_, c, _| json!({"id": c.absence}),
                expect: "UNNFFANNN",
            },
            Op {
                name: "withdrawAbsence",
                query: "mutation($id: ID!) { withdrawAbsence(id: $id) { id } }",
                vars: |_, c, _| json!({"id": c.absence}),
                expect: "UNNFFANNN",
            },
        ])
        .into_iter()
        // Care records and journals, in this place of the sequence.
        .chain(crate::authorization_care::ops())
        .chain(vec![
            Op { name: "vapidPublicKey", query: "{ vapidPublicKey }", vars: |_, _, _| json!({}), expect: "AAAAAAAAA" },
            Op {
                name: "registerPushSubscription",
                query: "mutation($e: String!) { registerPushSubscription(input: {endpoint: $e, p256dh: \"BAEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE\", auth: \"AgICAgICAgICAgICAgICAg\"}) }",
                vars: |_, _, n| json!({"e": format!("https://push.example/device/{n}")}),
                expect: "UAAAAAAAA",
            },
            Op {
                name: "unregisterPushSubscription",
                query: "mutation { unregisterPushSubscription(endpoint: \"https://push.example/none\") }",
                vars: |_, _, _| json!({}),
                expect: "UAAAAAAAA",
            },
            Op { name: "setPushPreference", query: "mutation { setPushPreference(kind: ARRIVAL, enabled: true) }", vars: |_, _, _| json!({}), expect: "UAAAAAAAA" },
            Op { name: "pushDeliveries", query: "{ pushDeliveries { id } }", vars: |_, _, _| json!({}), expect: "UAFFFFFFF" },
            report("nurseryDaySummaries", "nurseryDaySummaries(municipalityId: $m, from: $d, to: $d) { date }"),
            report("nurseryPeriodSummaries", "nurseryPeriodSummaries(municipalityId: $m, from: $d, to: $d) { openDays }"),
            report("classroomSymptomAbsences", "classroomSymptomAbsences(municipalityId: $m, from: $d, to: $d) { date }"),
            report("infectionAlerts", "infectionAlerts(municipalityId: $m, from: $d, to: $d) { id }"),
            Op {
                name: "infectionAlertRule",
                query: "query($m: ID!) { infectionAlertRule(municipalityId: $m) { minChildren } }",
                vars: |w, _, _| json!({"m": w.municipality}),
                expect: "UAAANNNNN",
            },
            Op {
                name: "setInfectionAlertRule",
                query: "mutation($m: ID!) { setInfectionAlertRule(municipalityId: $m, minChildren: 3, windowDays: 3) { minChildren } }",
                vars: |w, _, _| json!({"m": w.municipality}),
                expect: "UAANNNNNN",
            },
            Op {
                name: "auditLog of a nursery",
                query: "query($n: ID!) { auditLog(nurseryId: $n, first: 5) { entries { id } } }",
                vars: |w, _, _| json!({"n": w.nursery_a}),
                expect: "UAFAFNNNN",
            },
            Op { name: "auditLog", query: "{ auditLog(first: 5) { entries { id } } }", vars: |_, _, _| json!({}), expect: "UAFAFFFFF" },
            Op { name: "publishJournal", query: "mutation($id: ID!) { publishJournal(id: $id) { id } }", vars: |_, c, _| json!({"id": c.notebook}), expect: "UNNAAFNNN" },
    ])
    .collect()
}

/// A municipal report: officers of the municipality and the system see every nursery, a
/// nursery head their own; nobody else learns the municipality exists.
fn report(name: &'static str, selection: &'static str) -> Op {
    let query: &'static str = Box::leak(format!("query($m: ID!, $d: Date!) {{ {selection} }}").into_boxed_str());
    Op {
        name,
        query,
        vars: |w, c, _| json!({"m": w.municipality, "d": c.today}),
        expect: "UAAANNNNN",
    }
}

fn create_user(name: &'static str, role: &'static str, expect: &'static str) -> Op {
    // Function pointers cannot capture, so each role has its own variables function.
    Op {
        name,
        query: "mutation($e: String!, $r: Role!, $s: ID) {
            createUser(email: $e, password: \"long enough password\", displayName: \"新人\", role: $r, scopeId: $s) { id }
        }",
        vars: match role {
            "STAFF" => |w, _, n| json!({"e": format!("new{n}@t.test"), "r": "STAFF", "s": w.nursery_a}),
            "NURSERY_ADMIN" => |w, _, n| json!({"e": format!("new{n}@t.test"), "r": "NURSERY_ADMIN", "s": w.nursery_a}),
            "GUARDIAN" => |w, _, n| json!({"e": format!("new{n}@t.test"), "r": "GUARDIAN", "s": w.family_1}),
            "MUNICIPAL_OFFICER" => |w, _, n| json!({"e": format!("new{n}@t.test"), "r": "MUNICIPAL_OFFICER", "s": w.municipality}),
            _ => |_, _, n| json!({"e": format!("new{n}@t.test"), "r": "SYSTEM_ADMIN", "s": null}),
        },
        expect,
    }
}

fn outcome(response: &tsunagu_client::GqlResponse) -> char {
    match response.code() {
        None => 'A',
        Some("UNAUTHENTICATED") => 'U',
        Some("FORBIDDEN") => 'F',
        Some("NOT_FOUND") => 'N',
        // Allowed by the policy, refused for another reason (a second check-in, say).
        Some(_) => 'A',
    }
}

async fn every_operation_by_every_role(backend: Backend) {
    let app = TestApp::start_with(backend, &WATCH).await;
    let w = World::build(&app).await;
    let today = today_jst().to_string();
    let safety = crate::authorization_safety::prepare(&w).await;
    let pickup = crate::authorization_pickup::prepare(&w).await;
    let absence = w
        .guardian_1
        .ok(
            "mutation($c: ID!, $d: Date!) { reportAbsence(input: {childId: $c, kind: ABSENCE, date: $d, reason: ILLNESS, symptoms: [FEVER]}) { id } }",
            json!({"c": w.child_1b, "d": today}),
        )
        .await
        .unwrap()["reportAbsence"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let diary = w
        .staff_a
        .ok(
            "mutation($c: ID!, $d: Date!) { saveJournalDraft(input: {kind: DAILY_DIARY, classroomId: $c, periodStart: $d, periodEnd: $d, body: \"{}\"}) { id } }",
            json!({"c": w.classroom_a, "d": today}),
        )
        .await
        .unwrap()["saveJournalDraft"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let notebook = w
        .guardian_1
        .ok(
            "mutation($c: ID!, $d: Date!) { saveJournalDraft(input: {kind: CONTACT_NOTEBOOK, childId: $c, periodStart: $d, periodEnd: $d, body: \"{}\"}) { id } }",
            json!({"c": w.child_1a, "d": today}),
        )
        .await
        .unwrap()["saveJournalDraft"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let invitation = crate::account_codes::invite(&app.admin, "invited@t.test", "GUARDIAN", &w.family_1).await
        ["accountCode"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let account = |email: String, role: &'static str, scope: String| {
        let admin = &app.admin;
        async move {
            let created = admin
                .ok(
                    "mutation($e: String!, $r: Role!, $s: ID) { createUser(email: $e, password: \"marmalade tugboat quiver\", displayName: \"対象\", role: $r, scopeId: $s) { id } }",
                    json!({"e": email, "r": role, "s": scope}),
                )
                .await
                .unwrap();
            id(&created["createUser"])
        }
    };
    let target_user = account("target@t.test".into(), "GUARDIAN", w.family_2.clone()).await;
    let mut removable = Vec::new();
    for i in 0..CALLERS.len() {
        removable.push(account(format!("removable{i}@t.test"), "GUARDIAN", w.family_2.clone()).await);
    }
    let mover = account("mover@t.test".into(), "STAFF", w.nursery_a.clone()).await;
    let nursery_b = w.staff_b.ok("{ me { roles { scopeId } } }", json!({})).await.unwrap()["me"]["roles"][0]["scopeId"]
        .as_str()
        .unwrap()
        .to_owned();
    let ctx = Ctx {
        absence,
        today,
        safety,
        pickup,
        diary,
        notebook,
        invitation,
        target_user,
        removable,
        mover,
        nursery_b,
    };
    let callers: [&Client; 9] = [
        &app.anonymous,
        &app.admin,
        &w.officer,
        &w.head_a,
        &w.staff_a,
        &w.guardian_1,
        &w.other_officer,
        &w.staff_b,
        &w.guardian_b,
    ];

    let mut failures = Vec::new();
    let mut n = 0;
    for op in ops()
        .into_iter()
        .chain(crate::authorization_safety::ops())
        .chain(crate::authorization_pickup::ops())
    {
        for (i, caller) in callers.iter().enumerate() {
            n += 1;
            let response = caller.gql(op.query, (op.vars)(&w, &ctx, n)).await.unwrap();
            let expected = op.expect.chars().nth(i).unwrap();
            let got = outcome(&response);
            if got != expected {
                failures.push(format!(
                    "{} by {}: expected {expected}, got {got} {:?}",
                    op.name, CALLERS[i], response.errors
                ));
            }
        }
    }

    // Subscriptions: refused at connection for anonymous callers, by scope for the rest.
    let subscriptions = [
        ("attendanceEvents", ATTENDANCE_SUBSCRIPTION, "UFFAAAFAA"),
        ("absenceReports", ABSENCE_SUBSCRIPTION, "UFFAAFFAF"),
        ("absenceUpdates", "subscription { absenceUpdates { id } }", "UFFAAAFAA"),
        ("careAlerts", crate::care::CARE_ALERTS, "UFFAAAFAA"),
        ("careRecords", crate::care_records::CARE_RECORDS, "UFFAAFFAF"),
        (
            "arrivalCheckUpdates",
            crate::arrival_checks::ARRIVAL_UPDATES,
            "UFFAAAFAA",
        ),
        (
            "departureCheckUpdates",
            "subscription { departureCheckUpdates { id } }",
            "UFFAAFFAF",
        ),
        ("pickupPlanUpdates", crate::pickup::PLAN_UPDATES, "UFFAAAFAA"),
        ("pickupWarningUpdates", crate::pickup::WARNING_UPDATES, "UFFAAFFAF"),
        ("infectionAlerts", crate::oversight::INFECTION_ALERTS, "UAAANNNNN"),
    ];
    for (name, query, expect) in subscriptions {
        for (i, caller) in callers.iter().enumerate() {
            let expected = expect.chars().nth(i).unwrap();
            let got = match caller.subscriptions().await {
                Err(_) => 'U',
                Ok(mut subs) => {
                    let vars = if name == "infectionAlerts" {
                        json!({"m": w.municipality})
                    } else {
                        json!({})
                    };
                    subs.subscribe(query, vars).await.unwrap();
                    match subs.next(Duration::from_millis(400)).await.unwrap() {
                        None => 'A',
                        // A refused subscription is an `error` message with the GraphQL errors.
                        Some(Incoming::Error { payload, .. }) => match payload[0]["extensions"]["code"].as_str() {
                            Some("FORBIDDEN") => 'F',
                            Some("NOT_FOUND") => 'N',
                            Some("UNAUTHENTICATED") => 'U',
                            _ => '?',
                        },
                        Some(other) => panic!("{name}: unexpected {other:?}"),
                    }
                }
            };
            if got != expected {
                failures.push(format!(
                    "subscription {name} by {}: expected {expected}, got {got}",
                    CALLERS[i]
                ));
            }
        }
    }

    // An outsider cannot tell a thing outside their scope from one that does not exist.
    let missing = w
        .staff_b
        .gql(
            "query($id: ID!) { child(id: $id) { id } }",
            json!({"id": uuid::Uuid::now_v7().to_string()}),
        )
        .await
        .unwrap();
    let elsewhere = w
        .staff_b
        .gql("query($id: ID!) { child(id: $id) { id } }", json!({"id": w.child_1a}))
        .await
        .unwrap();
    assert_eq!(missing.code(), Some("NOT_FOUND"));
    assert_eq!(elsewhere.errors[0]["message"], missing.errors[0]["message"]);

    // Logging out, by everyone signed in.
    for (i, caller) in callers.iter().enumerate() {
        let got = outcome(&caller.gql("mutation { logout }", json!({})).await.unwrap());
        let expected = if i == 0 { 'U' } else { 'A' };
        if got != expected {
            failures.push(format!("logout by {}: expected {expected}, got {got}", CALLERS[i]));
        }
    }
    assert!(failures.is_empty(), "authorization matrix:\n{}", failures.join("\n"));
}

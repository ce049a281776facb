//! The authorization matrix, continued: what each role sees of people and of the city's
//! structure (issue 12, items 3 and 8). An e-mail address is shown to the user themself,
//! SYSTEM_ADMIN and whoever administers the account (the nursery head for its staff and
//! families), null to everyone else, on every path a User is reached by; families and staff
//! see their own nursery only; client addresses in the audit trail are SYSTEM_ADMIN's; a
//! mutation's answer shows no more than a read would. Letters, one per caller:
//! V shown · 0 null · a digit: how many shown · U/F/N the error code.

use serde_json::{json, Value};
use tsunagu_client::{Client, GqlResponse};

use crate::helpers::*;
use crate::world::*;

crate::on_both_backends!(people_and_structure_by_every_role, answers_show_no_more_than_reads);

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

struct Probe {
    name: &'static str,
    query: &'static str,
    /// Where the looked-at value is, as a JSON pointer into `data`, or `*` ending a pointer
    /// to an array: how many of its elements (at the rest of the pointer) are non-null.
    at: &'static str,
    expect: &'static str,
}

struct Ids {
    today: String,
    notebook: String,
}

fn vars(w: &World, ids: &Ids) -> Value {
    json!({"a": w.child_1a, "b": w.child_1b, "d": ids.today, "n": w.nursery_a, "j": ids.notebook})
}

fn probes() -> Vec<Probe> {
    vec![
        Probe { name: "me.user.email", query: "query { me { user { email } } }", at: "/me/user/email", expect: "UVVVVVVVV" },
        Probe {
            name: "staff's e-mail as recordedBy",
            query: "query($a: ID!, $d: Date!) { child(id: $a) { attendance(from: $d, to: $d) { recordedBy { email displayName } } } }",
            at: "/child/attendance/0/recordedBy/email",
            expect: "UNNVV0NNN",
        },
        Probe {
            name: "guardian's e-mail as reportedBy",
            query: "query($b: ID!, $d: Date!) { child(id: $b) { absences(from: $d, to: $d) { reportedBy { email } } } }",
            at: "/child/absences/0/reportedBy/email",
            expect: "UNNV0VNNN",
        },
        Probe {
            name: "head's e-mail as acknowledgedBy",
            query: "query($b: ID!, $d: Date!) { child(id: $b) { absences(from: $d, to: $d) { acknowledgedBy { email } } } }",
            at: "/child/absences/0/acknowledgedBy/email",
            expect: "UNNV00NNN",
        },
        Probe {
            name: "Family.guardians e-mails (two guardians)",
            query: "query($a: ID!) { child(id: $a) { family { guardians { email displayName } } } }",
            at: "/child/family/guardians/*/email",
            expect: "UNN201NNN",
        },
        Probe {
            name: "notebook author's e-mail",
            query: "query($j: ID!) { journal(id: $j) { author { email } } }",
            at: "/journal/author/email",
            expect: "UNNVV0NNN",
        },
        Probe {
            name: "Nursery.municipality.nurseries",
            query: "query($n: ID!) { nursery(id: $n) { municipality { nurseries { name classrooms { name } } } } }",
            at: "/nursery/municipality/nurseries/*/name",
            expect: "U2211NNNN",
        },
        Probe {
            name: "a family's way to the municipality's nurseries",
            query: "query($j: ID!) { journal(id: $j) { nursery { municipality { nurseries { name } } } } }",
            at: "/journal/nursery/municipality/nurseries/*/name",
            expect: "UNN111NNN",
        },
        Probe {
            name: "auditLog client addresses",
            query: "query($n: ID!) { auditLog(nurseryId: $n, first: 20) { entries { clientAddress } } }",
            at: "/auditLog/entries/*/clientAddress",
            expect: "U?F0FNNNN",
        },
    ]
}

/// Follows `at` into `data`; `*` counts the non-null values over an array's elements.
fn look(data: &Value, at: &str) -> char {
    match at.split_once("/*") {
        Some((list, rest)) => {
            let items = data
                .pointer(list)
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default();
            let shown = items
                .iter()
                .filter(|item| item.pointer(rest).is_some_and(|v| !v.is_null()))
                .count();
            char::from_digit(shown as u32, 10).unwrap_or('+')
        }
        None => match data.pointer(at) {
            Some(Value::Null) => '0',
            Some(_) => 'V',
            None => panic!("nothing at {at} in {data}"),
        },
    }
}

fn outcome(response: &GqlResponse, at: &str) -> char {
    match response.code() {
        Some("UNAUTHENTICATED") => 'U',
        Some("FORBIDDEN") => 'F',
        Some("NOT_FOUND") => 'N',
        Some(other) => panic!("{other}: {:?}", response.errors),
        None => look(&response.data, at),
    }
}

/// Today's records the probes look at: staff A's check-in of child 1a, guardian 1's report
/// for child 1b acknowledged by the head, and a notebook page for child 1a begun by staff A.
async fn records(w: &World) -> Ids {
    let today = today_jst().to_string();
    w.staff_a.ok(CHECK_IN, json!({"c": w.child_1a})).await.unwrap();
    let absence = w
        .guardian_1
        .ok(
            "mutation($c: ID!, $d: Date!) { reportAbsence(input: {childId: $c, kind: ABSENCE, date: $d, reason: ILLNESS, symptoms: [COUGH]}) { id } }",
            json!({"c": w.child_1b, "d": today}),
        )
        .await
        .unwrap();
    w.head_a
        .ok(
            "mutation($id: ID!) { acknowledgeAbsence(id: $id) { id } }",
            json!({"id": absence["reportAbsence"]["id"]}),
        )
        .await
        .unwrap();
    let page = w
        .staff_a
        .ok(
            "mutation($c: ID!, $d: Date!, $b: String!) { saveJournalDraft(input: {kind: CONTACT_NOTEBOOK, childId: $c, periodStart: $d, periodEnd: $d, body: $b}) { id } }",
            json!({"c": w.child_1a, "d": today, "b": json!({"nursery": {"message": "お昼をよく食べました"}}).to_string()}),
        )
        .await
        .unwrap();
    Ids {
        today,
        notebook: id(&page["saveJournalDraft"]),
    }
}

async fn people_and_structure_by_every_role(backend: Backend) {
    let app = TestApp::start(backend).await;
    let w = World::build(&app).await;
    let ids = records(&w).await;
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
    for probe in probes() {
        for (i, caller) in callers.iter().enumerate() {
            let response = caller.gql(probe.query, vars(&w, &ids)).await.unwrap();
            let expected = probe.expect.chars().nth(i).unwrap();
            let got = outcome(&response, probe.at);
            // The system's own view of the audit trail has addresses whenever it has entries.
            let fits = got == expected || (expected == '?' && got != '0' && got != 'N');
            if !fits {
                failures.push(format!(
                    "{} by {}: expected {expected}, got {got}",
                    probe.name, CALLERS[i]
                ));
            }
        }
    }

    // Whoever creates an account administers it, and sees its address in the answer; a head
    // invites (only automation chooses passwords) and sees the address on the invitation.
    let invited = crate::account_codes::invite(&w.head_a, "new.guardian@tsunagu.test", "GUARDIAN", &w.family_1).await;
    if invited["accountCode"]["email"] != "new.guardian@tsunagu.test" {
        failures.push("inviteUser GUARDIAN: the head did not see the address".to_owned());
    }
    for (creator, role, scope) in [(&app.admin, "STAFF", &w.nursery_a)] {
        let created = creator
            .ok(
                "mutation($r: Role!, $s: ID, $e: String!) { createUser(email: $e, password: \"marmalade tugboat quiver\", displayName: \"新人\", role: $r, scopeId: $s) { email } }",
                json!({"r": role, "s": scope, "e": format!("new.{}@tsunagu.test", role.to_lowercase())}),
            )
            .await
            .unwrap();
        if created["createUser"]["email"].is_null() {
            failures.push(format!("createUser {role}: the creator did not see the address"));
        }
    }
    assert!(failures.is_empty(), "visibility matrix:\n{}", failures.join("\n"));
}

async fn answers_show_no_more_than_reads(backend: Backend) {
    let app = TestApp::start(backend).await;
    let w = World::build(&app).await;
    let ids = records(&w).await;

    // A guardian writing the home side of the page does not see the nursery's side in the
    // answer before the nursery publishes it, as a read would not show it.
    let saved = w
        .guardian_1
        .ok(
            "mutation($j: ID!, $d: Date!, $b: String!) { saveJournalDraft(input: {journalId: $j, kind: CONTACT_NOTEBOOK, periodStart: $d, periodEnd: $d, body: $b, revision: 1}) { body author { email } } }",
            json!({"j": ids.notebook, "d": ids.today, "b": json!({"home": {"mood": "元気"}}).to_string()}),
        )
        .await
        .unwrap();
    let body: Value = serde_json::from_str(saved["saveJournalDraft"]["body"].as_str().unwrap()).unwrap();
    assert_eq!(body["home"]["mood"], "元気");
    assert_eq!(
        body["nursery"],
        json!({}),
        "the nursery side leaked before publishing: {body}"
    );
    assert!(saved["saveJournalDraft"]["author"]["email"].is_null());
    let staff_view = w
        .staff_a
        .ok(
            "query($j: ID!) { journal(id: $j) { body } }",
            json!({"j": ids.notebook}),
        )
        .await
        .unwrap();
    assert!(staff_view["journal"]["body"]
        .as_str()
        .unwrap()
        .contains("お昼をよく食べました"));

    // Live payloads: a teacher's address reaches the head and the teacher, never the family.
    let live = "subscription { attendanceEvents { kind recordedBy { email } } }";
    let mut watching = Vec::new();
    for (who, client) in [
        ("head", &w.head_a),
        ("staff", &w.staff_a),
        ("guardian", &w.guardian_1),
        ("other guardian", &w.guardian_1b),
    ] {
        let mut subs = client.subscriptions().await.unwrap();
        subs.subscribe(live, json!({})).await.unwrap();
        watching.push((who, subs));
    }
    // Each subscription is open once it answers nothing for a moment (refusals come at once).
    for (who, subs) in &mut watching {
        assert!(
            subs.next(SILENCE_WAIT).await.unwrap().is_none(),
            "{who}'s subscription refused"
        );
    }
    w.staff_a.ok(CHECK_OUT, json!({"c": w.child_1a})).await.unwrap();
    for (who, subs) in &mut watching {
        let event = subs
            .next_data(DELIVERY_WAIT)
            .await
            .unwrap()
            .unwrap_or_else(|| panic!("{who}: no event"));
        let email = &event["attendanceEvents"]["recordedBy"]["email"];
        let shown = *who == "head" || *who == "staff";
        assert_eq!(!email.is_null(), shown, "{who} got {email}");
    }

    // An officer cannot make a nursery head (who reads every child) and log in as it.
    let made = w
        .officer
        .gql(
            "mutation($s: ID) { createUser(email: \"puppet@tsunagu.test\", password: \"marmalade tugboat quiver\", displayName: \"傀儡\", role: NURSERY_ADMIN, scopeId: $s) { id } }",
            json!({"s": w.nursery_a}),
        )
        .await
        .unwrap();
    assert_eq!(made.code(), Some("FORBIDDEN"), "{:?}", made.errors);
    assert!(app
        .anonymous
        .login("puppet@tsunagu.test", "marmalade tugboat quiver")
        .await
        .is_err());
}

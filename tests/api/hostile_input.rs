//! Input made to hurt: documents whose expansion would cost seconds of CPU are refused before
//! anything expands them (over HTTP and over the socket), the standard introspection query
//! still works, date-times past the calendar's end and NUL characters are BAD_USER_INPUT naming
//! the field on both backends, and a bad operation on a socket leaves the socket working.

use serde_json::{json, Value};
use tsunagu_client::Incoming;

use crate::helpers::*;
use crate::world::*;

crate::on_both_backends!(
    expensive_documents_are_refused_before_expansion,
    out_of_range_times_and_nul_characters_are_bad_input
);

/// F0 spreads F1 twice, and so on: 2^25 selections once written out, in under a kilobyte.
pub fn fragment_fan_out() -> String {
    let mut query = String::from("query { ...F0 }\n");
    for level in 0..25 {
        query.push_str(&format!(
            "fragment F{level} on Query {{ ...F{n} ...F{n} }}\n",
            n = level + 1
        ));
    }
    query + "fragment F25 on Query { __typename }\n"
}

async fn expensive_documents_are_refused_before_expansion(backend: Backend) {
    let app = TestApp::start(backend).await;
    let w = World::build(&app).await;
    let aliases: String = (0..3000).map(|i| format!("a{i}: __typename ")).collect();
    for (name, query) in [("fan-out", fragment_fan_out()), ("aliases", format!("{{ {aliases} }}"))] {
        let answer = app.anonymous.gql(&query, json!({})).await.unwrap();
        assert_eq!(answer.code(), Some("BAD_USER_INPUT"), "{name}: {:?}", answer.errors);
        assert_eq!(answer.field(), Some("query"), "{name}");
    }

    // The standard introspection query, as schema downloaders send it, is answered.
    let introspection = include_str!("introspection.graphql");
    let answer = app.anonymous.gql(introspection, json!({})).await.unwrap();
    assert!(answer.errors.is_empty(), "{:?}", answer.errors);
    assert!(answer.data["__schema"]["types"].as_array().unwrap().len() > 50);

    // Over the socket: an `error` message for that operation, and the socket goes on.
    let mut subs = w.guardian_1.subscriptions().await.unwrap();
    let refused = subs.subscribe(&fragment_fan_out(), json!({})).await.unwrap();
    match subs.next(DELIVERY_WAIT).await.unwrap() {
        Some(Incoming::Error { id, payload }) => {
            assert_eq!(id, refused);
            assert_eq!(payload[0]["extensions"]["code"], "BAD_USER_INPUT", "{payload}");
        }
        other => panic!("expected the fan-out refused, got {other:?}"),
    }
    subs.subscribe("{ me { user { id } } }", json!({})).await.unwrap();
    assert!(subs.next_data(DELIVERY_WAIT).await.unwrap().is_some());
}

const ABSENCE: &str = "mutation($i: AbsenceInput!) { reportAbsence(input: $i) { id } }";

async fn out_of_range_times_and_nul_characters_are_bad_input(backend: Backend) {
    let app = TestApp::start(backend).await;
    let w = World::build(&app).await;
    let absence = |overrides: Value| {
        let mut input =
            json!({"childId": w.child_1a, "kind": "ABSENCE", "date": today_jst().to_string(), "reason": "ILLNESS"});
        for (key, value) in overrides.as_object().unwrap() {
            input[key] = value.clone();
        }
        json!({"i": input})
    };
    let past_the_end = "9999-12-31T23:59:59-23:59";
    let cases: Vec<(&str, &tsunagu_client::Client, &str, Value, &str)> = vec![
        (
            "instant past the end of the calendar",
            &w.guardian_1,
            ABSENCE,
            absence(json!({"kind": "LATE", "expectedArrival": past_the_end})),
            "expectedArrival",
        ),
        (
            "audit log from past the end",
            &w.head_a,
            "query($f: DateTime) { auditLog(from: $f) { nextCursor } }",
            json!({"f": past_the_end}),
            "from",
        ),
        (
            "NUL in a note",
            &w.guardian_1,
            ABSENCE,
            absence(json!({"note": "熱\u{0}です"})),
            "note",
        ),
        (
            "NUL in an idempotency key",
            &w.guardian_1,
            ABSENCE,
            absence(json!({"idempotencyKey": "key\u{0}"})),
            "idempotencyKey",
        ),
        (
            "NUL in a login e-mail",
            &app.anonymous,
            "mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }",
            json!({"e": "mother.1\u{0}@tsunagu.test", "p": "x"}),
            "email",
        ),
        (
            "NUL in a push endpoint",
            &w.guardian_1,
            "mutation($i: PushSubscriptionInput!) { registerPushSubscription(input: $i) }",
            json!({"i": {"endpoint": "https://fcm.googleapis.com/fcm/send/\u{0}", "p256dh": "x", "auth": "y"}}),
            "endpoint",
        ),
        (
            "NUL written in the document",
            &app.anonymous,
            "mutation { login(email: \"a\\u0000@b.test\", password: \"x\") { token } }",
            json!({}),
            "email",
        ),
    ];
    let mut failures = Vec::new();
    for (name, client, query, variables, field) in &cases {
        let answer = client.gql(query, variables.clone()).await.unwrap();
        if answer.code() != Some("BAD_USER_INPUT") || answer.field() != Some(*field) {
            failures.push(format!(
                "{name}: expected BAD_USER_INPUT on {field}, got {:?}",
                answer.errors
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));

    // The same over one socket: each refused, the socket still answering after all of them.
    let mut subs = w.guardian_1.subscriptions().await.unwrap();
    for (name, client, query, variables, _) in &cases {
        if !std::ptr::eq(*client, &w.guardian_1) {
            continue;
        }
        subs.subscribe(query, variables.clone()).await.unwrap();
        match subs.next(DELIVERY_WAIT).await.unwrap() {
            Some(Incoming::Error { payload, .. }) => {
                assert_eq!(payload[0]["extensions"]["code"], "BAD_USER_INPUT", "{name}")
            }
            other => panic!("{name}: expected an error message, got {other:?}"),
        }
    }
    subs.subscribe("{ me { user { id } } }", json!({})).await.unwrap();
    assert!(subs.next_data(DELIVERY_WAIT).await.unwrap().is_some());
}

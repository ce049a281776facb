//! Sessions and children are read for many requests at once (`server/src/coalesce.rs`); each
//! request must still get its own answer. Many callers at the same moment each learn their own
//! identity, a logged-out token stays refused among them, children asked for together are each
//! shown (or hidden) by their own caller's scope, and check-ins of different children made at
//! once are each recorded for the child asked for.

use futures::future::join_all;
use serde_json::{json, Value};
use tsunagu_client::{Client, GqlResponse};

use crate::helpers::*;
use crate::world::*;

crate::on_both_backends!(simultaneous_callers_are_told_apart);

/// Times each request is repeated in the simultaneous barrage.
const ROUNDS: usize = 4;
const ME: &str = "{ me { user { id } } }";
const CHILD: &str = "query($id: ID!) { child(id: $id) { id name } }";
/// A well-formed id no child has.
const NOBODY: &str = "0190a3c4-0000-7000-8000-000000000000";

async fn simultaneous_callers_are_told_apart(backend: Backend) {
    let app = TestApp::start(backend).await;
    let w = World::build(&app).await;

    // Identity: everyone at once, several times over, each answered as themselves.
    let callers: [&Client; 9] = [
        &w.head_a,
        &w.staff_a,
        &w.staff_b,
        &w.guardian_1,
        &w.guardian_1b,
        &w.guardian_2,
        &w.guardian_b,
        &w.officer,
        &w.other_officer,
    ];
    let mut own_ids = Vec::new();
    for caller in callers {
        own_ids.push(caller.ok(ME, json!({})).await.unwrap()["me"]["user"]["id"].clone());
    }
    let gone = make_user(&app, &app.admin, "gone@tsunagu.test", "GUARDIAN", Some(&w.family_1)).await;
    gone.ok("mutation { logout }", json!({})).await.unwrap();
    let asks = (0..ROUNDS).flat_map(|_| {
        callers
            .iter()
            .enumerate()
            .map(|(i, caller)| async move { (i, caller.gql(ME, json!({})).await.unwrap()) })
    });
    let refused = (0..ROUNDS).map(|_| gone.gql(ME, json!({})));
    let (answers, refused) = tokio::join!(join_all(asks), join_all(refused));
    for (i, answer) in answers {
        assert!(answer.errors.is_empty(), "{:?}", answer.errors);
        assert_eq!(
            answer.data["me"]["user"]["id"], own_ids[i],
            "caller {i} was answered as someone else"
        );
    }
    for answer in refused {
        let answer = answer.unwrap();
        assert_eq!(
            answer.code(),
            Some("UNAUTHENTICATED"),
            "a logged-out token: {:?}",
            answer.data
        );
    }

    // Children: asked for together, each shown only within its own caller's scope.
    let name = |child: &str| {
        let child = child.to_owned();
        let staff = w.staff_a.clone();
        async move { staff.ok(CHILD, json!({"id": child})).await.unwrap()["child"]["name"].clone() }
    };
    let names = [name(&w.child_1a).await, name(&w.child_1b).await, name(&w.child_2).await];
    assert_ne!(names[0], names[1]);
    let (c1a, c1b, c2) = (&w.child_1a, &w.child_1b, &w.child_2);
    let cases: Vec<(&Client, &str, Option<&Value>)> = vec![
        (&w.guardian_1, c1a, Some(&names[0])),
        (&w.guardian_1b, c1b, Some(&names[1])),
        (&w.guardian_2, c2, Some(&names[2])),
        (&w.staff_a, c1b, Some(&names[1])),
        // Outsiders learn nothing, whoever else is asking at the same moment.
        (&w.guardian_2, c1a, None),
        (&w.guardian_b, c2, None),
        (&w.staff_b, c1a, None),
        (&w.staff_a, NOBODY, None),
    ];
    let asks = (0..ROUNDS).flat_map(|_| {
        cases
            .iter()
            .map(|(caller, child, _)| caller.gql(CHILD, json!({"id": child})))
    });
    let answers: Vec<GqlResponse> = join_all(asks).await.into_iter().map(Result::unwrap).collect();
    for (answer, (_, child, expected)) in answers.iter().zip(cases.iter().cycle()) {
        match expected {
            Some(name) => {
                assert!(answer.errors.is_empty(), "{:?}", answer.errors);
                assert_eq!(answer.data["child"]["id"], json!(child));
                assert_eq!(&answer.data["child"]["name"], *name);
            }
            None => {
                assert_eq!(answer.code(), Some("NOT_FOUND"), "{child}: {:?}", answer.data);
                assert_eq!(answer.data["child"], Value::Null);
            }
        }
    }

    // Check-ins of different children at once, with refusals among them: each recorded for
    // its own child.
    let check_in = "mutation($c: ID!) { checkIn(input: {childId: $c}) { id child { id } } }";
    let writes: Vec<(&Client, &str, Option<&str>)> = vec![
        (&w.staff_a, c1a, None),
        (&w.staff_b, c1b, Some("NOT_FOUND")),
        (&w.head_a, c2, None),
        (&w.staff_a, NOBODY, Some("NOT_FOUND")),
        (&w.guardian_1, c1b, Some("FORBIDDEN")),
    ];
    let answers = join_all(
        writes
            .iter()
            .map(|(caller, child, _)| caller.gql(check_in, json!({"c": child}))),
    )
    .await;
    for (answer, (_, child, refusal)) in answers.into_iter().zip(&writes) {
        let answer = answer.unwrap();
        match refusal {
            None => assert_eq!(
                answer.data["checkIn"]["child"]["id"],
                json!(child),
                "{:?}",
                answer.errors
            ),
            Some(code) => assert_eq!(answer.code(), Some(*code), "{child}: {:?}", answer.data),
        }
    }
}

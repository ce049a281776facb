//! Access taken away is gone at once, everywhere: a guardian removed from a family while
//! subscribed (socket closed, no more events, no more pushes), deactivation and reactivation,
//! a password change ending the other sessions, a user's own sessions ended one by one or all
//! but this one, and a teacher moved to another nursery mid-socket.

use serde_json::{json, Value};
use tsunagu_client::{Client, Incoming, Subscriptions};

use std::time::Duration;

use crate::helpers::*;
use crate::push_service::{env_pairs, PushService};
use crate::world::*;

crate::on_both_backends!(
    a_removed_guardian_loses_access_sockets_and_pushes_at_once,
    deactivated_accounts_are_shut_out_until_reactivated,
    a_password_change_ends_the_other_sessions,
    users_end_their_own_sessions,
    a_session_shows_when_it_was_last_used,
    a_moved_teacher_sees_the_new_nursery_only
);

/// The socket's close code, failing when it stays open for the revalidation's worth of time.
pub async fn close_code(subs: &mut Subscriptions) -> u16 {
    let deadline = tokio::time::Instant::now() + DELIVERY_WAIT;
    loop {
        let left = deadline.saturating_duration_since(tokio::time::Instant::now());
        match subs.next(left).await.unwrap() {
            Some(Incoming::Closed { code, .. }) => return code,
            Some(_) => continue,
            None => panic!("the socket is still open"),
        }
    }
}

async fn user_id(client: &Client) -> String {
    client.ok("{ me { user { id } } }", json!({})).await.unwrap()["me"]["user"]["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

const PUSH_WAIT: Duration = Duration::from_secs(15);

async fn a_removed_guardian_loses_access_sockets_and_pushes_at_once(backend: Backend) {
    let service = PushService::start().await;
    let mut env = service.server_env();
    env.push(("PUSH_POLL_INTERVAL_MS", "100".to_owned()));
    let app = TestApp::start_with(backend, &env_pairs(&env)).await;
    let w = World::build(&app).await;
    let key = app.anonymous.ok("{ vapidPublicKey }", json!({})).await.unwrap()["vapidPublicKey"]
        .as_str()
        .unwrap()
        .to_owned();
    service.expect_vapid_key(&key);
    let (mother_phone, father_phone) = (service.device("mother", &[]), service.device("father", &[]));
    for (client, device) in [(&w.guardian_1, &mother_phone), (&w.guardian_1b, &father_phone)] {
        client
            .ok(
                "mutation($i: PushSubscriptionInput!) { registerPushSubscription(input: $i) }",
                json!({"i": device.input()}),
            )
            .await
            .unwrap();
    }
    let father = user_id(&w.guardian_1b).await;
    let mut socket = w.guardian_1b.subscriptions().await.unwrap();
    socket.subscribe(ATTENDANCE_SUBSCRIPTION, json!({})).await.unwrap();
    // Before: he hears the arrival live and his phone is pushed it.
    w.staff_a.ok(CHECK_IN, json!({"c": w.child_1a})).await.unwrap();
    assert!(socket.next_data(DELIVERY_WAIT).await.unwrap().is_some());
    assert_eq!(service.wait_for(&father_phone, 1, PUSH_WAIT).await.len(), 1);

    let removed = w
        .head_a
        .ok(
            "mutation($f: ID!, $u: ID!) { removeGuardian(familyId: $f, userId: $u) }",
            json!({"f": w.family_1, "u": father}),
        )
        .await
        .unwrap();
    assert_eq!(removed["removeGuardian"], true);
    assert_eq!(close_code(&mut socket).await, 4403);
    let refused = w.guardian_1b.gql("{ me { user { id } } }", json!({})).await.unwrap();
    assert_eq!(refused.code(), Some("UNAUTHENTICATED"));
    // Signed in again, he holds no grant to the family: its child does not exist for him.
    let again = app.anonymous.login("father.1@tsunagu.test", PASSWORD).await.unwrap();
    let child = again
        .gql("query($id: ID!) { child(id: $id) { id } }", json!({"id": w.child_1a}))
        .await
        .unwrap();
    assert_eq!(child.code(), Some("NOT_FOUND"));

    // After: the departure reaches the mother's phone, and his phone is sent nothing more.
    w.staff_a.ok(CHECK_OUT, json!({"c": w.child_1a})).await.unwrap();
    assert_eq!(service.wait_for(&mother_phone, 2, PUSH_WAIT).await.len(), 2);
    assert_eq!(service.attempts(&father_phone), 1, "no push for a removed guardian");
    let queued = app
        .admin
        .ok(
            "query($u: ID!) { pushDeliveries(userId: $u, status: PENDING) { id } }",
            json!({"u": father}),
        )
        .await
        .unwrap();
    assert_eq!(queued["pushDeliveries"], json!([]));
    // Removing him twice says NOT_FOUND.
    let twice = w
        .head_a
        .gql(
            "mutation($f: ID!, $u: ID!) { removeGuardian(familyId: $f, userId: $u) }",
            json!({"f": w.family_1, "u": father}),
        )
        .await
        .unwrap();
    assert_eq!(twice.code(), Some("NOT_FOUND"));
}

const DEACTIVATE: &str = "mutation($u: ID!) { deactivateUser(userId: $u) { id } }";
const REACTIVATE: &str = "mutation($u: ID!) { reactivateUser(userId: $u) { id } }";

async fn deactivated_accounts_are_shut_out_until_reactivated(backend: Backend) {
    let app = TestApp::start(backend).await;
    let w = World::build(&app).await;
    let teacher = user_id(&w.staff_a).await;
    let mut socket = w.staff_a.subscriptions().await.unwrap();
    socket.subscribe(ATTENDANCE_SUBSCRIPTION, json!({})).await.unwrap();

    w.head_a.ok(DEACTIVATE, json!({"u": teacher})).await.unwrap();
    assert_eq!(close_code(&mut socket).await, 4403);
    let refused = w.staff_a.gql("{ me { user { id } } }", json!({})).await.unwrap();
    assert_eq!(refused.code(), Some("UNAUTHENTICATED"));
    assert!(
        app.anonymous.login("staff.a@tsunagu.test", PASSWORD).await.is_err(),
        "a deactivated account cannot sign in"
    );
    // History is kept: her check-ins still name her.
    // Reactivated, she signs in with her own password as before.
    w.head_a.ok(REACTIVATE, json!({"u": teacher})).await.unwrap();
    let back = app.anonymous.login("staff.a@tsunagu.test", PASSWORD).await.unwrap();
    back.ok(CHECK_IN, json!({"c": w.child_2})).await.unwrap();

    // Only those who administer the account may: not a teacher, not another nursery.
    let head = user_id(&w.head_a).await;
    assert_eq!(
        w.staff_b.gql(DEACTIVATE, json!({"u": teacher})).await.unwrap().code(),
        Some("NOT_FOUND")
    );
    assert_eq!(
        w.head_a.gql(DEACTIVATE, json!({"u": head})).await.unwrap().code(),
        Some("FORBIDDEN"),
        "a head is SYSTEM_ADMIN's to deactivate"
    );
}

const CHANGE: &str = "mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }";

async fn a_password_change_ends_the_other_sessions(backend: Backend) {
    let app = TestApp::start(backend).await;
    let w = World::build(&app).await;
    let tablet = app.anonymous.login("mother.1@tsunagu.test", PASSWORD).await.unwrap();
    let mut socket = tablet.subscriptions().await.unwrap();
    socket.subscribe(ATTENDANCE_SUBSCRIPTION, json!({})).await.unwrap();

    let wrong = w
        .guardian_1
        .gql(CHANGE, json!({"c": "not my password", "n": "violet harbour lantern"}))
        .await
        .unwrap();
    assert_eq!(
        (wrong.code(), wrong.field()),
        (Some("BAD_USER_INPUT"), Some("currentPassword"))
    );
    let weak = w
        .guardian_1
        .gql(CHANGE, json!({"c": PASSWORD, "n": "password1234"}))
        .await
        .unwrap();
    assert_eq!(
        (weak.code(), weak.field()),
        (Some("BAD_USER_INPUT"), Some("newPassword"))
    );

    w.guardian_1
        .ok(CHANGE, json!({"c": PASSWORD, "n": "violet harbour lantern"}))
        .await
        .unwrap();
    // This session goes on; the tablet's ended, socket and all.
    w.guardian_1.ok("{ me { user { id } } }", json!({})).await.unwrap();
    assert_eq!(close_code(&mut socket).await, 4403);
    assert_eq!(
        tablet.gql("{ me { user { id } } }", json!({})).await.unwrap().code(),
        Some("UNAUTHENTICATED")
    );
    assert!(app.anonymous.login("mother.1@tsunagu.test", PASSWORD).await.is_err());
    app.anonymous
        .login("mother.1@tsunagu.test", "violet harbour lantern")
        .await
        .unwrap();
}

const SESSIONS: &str = "{ mySessions { id device current createdAt lastUsedAt } }";

async fn users_end_their_own_sessions(backend: Backend) {
    let app = TestApp::start(backend).await;
    let w = World::build(&app).await;
    let second = app.anonymous.login("mother.1@tsunagu.test", PASSWORD).await.unwrap();
    let third = app.anonymous.login("mother.1@tsunagu.test", PASSWORD).await.unwrap();
    let listed = w.guardian_1.ok(SESSIONS, json!({})).await.unwrap()["mySessions"].clone();
    let sessions = listed.as_array().unwrap();
    assert_eq!(sessions.len(), 3);
    assert_eq!(sessions.iter().filter(|s| s["current"] == true).count(), 1);
    // The newest is the third login; end it from the first phone.
    let newest = sessions[0]["id"].as_str().unwrap();
    assert_eq!(sessions[0]["current"], false);
    w.guardian_1
        .ok("mutation($id: ID!) { endSession(id: $id) }", json!({"id": newest}))
        .await
        .unwrap();
    assert_eq!(
        third.gql("{ me { user { id } } }", json!({})).await.unwrap().code(),
        Some("UNAUTHENTICATED")
    );
    second.ok("{ me { user { id } } }", json!({})).await.unwrap();
    // Another user's session id is nobody's business: NOT_FOUND.
    let others = w.guardian_2.ok(SESSIONS, json!({})).await.unwrap()["mySessions"][0]["id"].clone();
    let theirs = w
        .guardian_1
        .gql("mutation($id: ID!) { endSession(id: $id) }", json!({"id": others}))
        .await
        .unwrap();
    assert_eq!(theirs.code(), Some("NOT_FOUND"));

    let ended = w
        .guardian_1
        .ok("mutation { endOtherSessions }", json!({}))
        .await
        .unwrap();
    assert_eq!(ended["endOtherSessions"], 1);
    assert_eq!(
        second.gql("{ me { user { id } } }", json!({})).await.unwrap().code(),
        Some("UNAUTHENTICATED")
    );
    let left = w.guardian_1.ok(SESSIONS, json!({})).await.unwrap();
    assert_eq!(left["mySessions"].as_array().unwrap().len(), 1);
    assert_eq!(left["mySessions"][0]["current"], true);
}

/// A phone's session, used after it was made, shows that use in the account's list: written
/// in batches, within the flush interval (1 s here).
async fn a_session_shows_when_it_was_last_used(backend: Backend) {
    let app = TestApp::start_with(backend, &[("SESSION_USE_FLUSH_SECONDS", "1")]).await;
    let w = World::build(&app).await;
    let phone = app.anonymous.login("mother.1@tsunagu.test", PASSWORD).await.unwrap();
    let parse = |v: &Value| {
        time::OffsetDateTime::parse(v.as_str().unwrap(), &time::format_description::well_known::Rfc3339).unwrap()
    };
    // A second later, the phone is used.
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    phone.ok("{ me { user { id } } }", json!({})).await.unwrap();
    let deadline = tokio::time::Instant::now() + DELIVERY_WAIT;
    loop {
        let listed = w.guardian_1.ok(SESSIONS, json!({})).await.unwrap()["mySessions"].clone();
        let other = listed
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["current"] == false)
            .unwrap()
            .clone();
        if parse(&other["lastUsedAt"]) > parse(&other["createdAt"]) {
            break;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "the phone's use never showed: {other}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
}

async fn a_moved_teacher_sees_the_new_nursery_only(backend: Backend) {
    let app = TestApp::start(backend).await;
    let w = World::build(&app).await;
    let teacher = user_id(&w.staff_a).await;
    let nursery_b =
        w.staff_b.ok("{ me { roles { scopeId } } }", json!({})).await.unwrap()["me"]["roles"][0]["scopeId"].clone();
    let mut socket = w.staff_a.subscriptions().await.unwrap();
    socket.subscribe(ATTENDANCE_SUBSCRIPTION, json!({})).await.unwrap();

    const MOVE: &str =
        "mutation($u: ID!, $f: ID!, $t: ID!) { moveStaff(userId: $u, fromNurseryId: $f, toNurseryId: $t) { id } }";
    // The head of one nursery cannot move a teacher into another: only SYSTEM_ADMIN here.
    let by_head = w
        .head_a
        .gql(MOVE, json!({"u": teacher, "f": w.nursery_a, "t": nursery_b}))
        .await
        .unwrap();
    assert_eq!(by_head.code(), Some("NOT_FOUND"));
    app.admin
        .ok(MOVE, json!({"u": teacher, "f": w.nursery_a, "t": nursery_b}))
        .await
        .unwrap();
    // The socket opened with the old grant closes; the same session now works at nursery B.
    assert_eq!(close_code(&mut socket).await, 4403);
    let a_child = w
        .staff_a
        .gql("query($id: ID!) { child(id: $id) { id } }", json!({"id": w.child_1a}))
        .await
        .unwrap();
    assert_eq!(a_child.code(), Some("NOT_FOUND"));
    let roster = w.staff_a.ok("{ me { children { name } } }", json!({})).await.unwrap();
    assert_eq!(roster["me"]["children"], json!([{"name": "高橋 めい"}]));
    // Nothing arrives from nursery A on a fresh socket.
    let mut fresh = w.staff_a.subscriptions().await.unwrap();
    fresh.subscribe(ATTENDANCE_SUBSCRIPTION, json!({})).await.unwrap();
    w.head_a.ok(CHECK_IN, json!({"c": w.child_2})).await.unwrap();
    assert!(fresh.next_data(SILENCE_WAIT).await.unwrap().is_none());
}

//! Invitations and password resets over HTTP: a head invites, the invitee activates with the
//! code and a password of their own and is signed in; used, withdrawn, expired and unknown codes
//! are one and the same refusal; reissuing replaces the code; a head resets their nursery's
//! accounts and SYSTEM_ADMIN anyone's; activation attempts are throttled.

use serde_json::{json, Value};
use sqlx::Connection;
use tsunagu_client::Client;

use crate::helpers::*;
use crate::world::*;

crate::on_both_backends!(
    an_invitee_activates_once_and_chooses_their_password,
    used_withdrawn_expired_and_unknown_codes_are_refused_alike,
    heads_and_admins_reset_passwords,
    activation_attempts_are_throttled
);

pub const INVITE: &str = "mutation($i: InviteUserInput!) {
    inviteUser(input: $i) { code accountCode { id status role email expiresAt } activationLink(origin: \"http://hoiku.test\") qrSvg(origin: \"http://hoiku.test\") }
}";
pub const ACTIVATE: &str = "mutation($c: String!, $p: String!) {
    activateAccount(code: $c, password: $p) { token user { id email displayName } }
}";
const NEW_PASSWORD: &str = "violet harbour lantern";

pub async fn invite(by: &Client, email: &str, role: &str, scope: &str) -> Value {
    by.ok(
        INVITE,
        json!({"i": {"email": email, "displayName": "佐藤 花子", "role": role, "scopeId": scope}}),
    )
    .await
    .unwrap_or_else(|e| panic!("invite {email}: {e}"))["inviteUser"]
        .clone()
}

/// Uses `code`; the signed-in client on success, else the error code and field.
pub async fn activate(app: &TestApp, code: &str, password: &str) -> Result<Client, (String, String)> {
    let answer = app
        .anonymous
        .gql(ACTIVATE, json!({"c": code, "p": password}))
        .await
        .unwrap();
    match answer.code() {
        None => {
            let token = answer.data["activateAccount"]["token"].as_str().unwrap().to_owned();
            Ok(app.anonymous.with_token(Some(token)))
        }
        Some(code) => Err((code.to_owned(), answer.field().unwrap_or_default().to_owned())),
    }
}

fn refused(outcome: Result<Client, (String, String)>) -> (String, String) {
    match outcome {
        Ok(_) => panic!("the code worked"),
        Err(refusal) => refusal,
    }
}

async fn an_invitee_activates_once_and_chooses_their_password(backend: Backend) {
    let app = TestApp::start(backend).await;
    let w = World::build(&app).await;
    let issued = invite(&w.head_a, "grandma.1@tsunagu.test", "GUARDIAN", &w.family_1).await;
    let code = issued["code"].as_str().unwrap();
    assert_eq!(code.len(), 24, "20 symbols in groups of four: {code}");
    assert_eq!(issued["accountCode"]["status"], "PENDING");
    assert_eq!(
        issued["activationLink"],
        format!("http://hoiku.test/activate#code={code}")
    );
    assert!(issued["qrSvg"].as_str().unwrap().contains("<svg"));

    // The code is typed from paper: lower case and spaces are forgiven.
    let typed = code.to_lowercase().replace('-', " ");
    let grandma = activate(&app, &typed, NEW_PASSWORD).await.expect("the code works");
    let me = grandma
        .ok(
            "{ me { user { email displayName } roles { role scopeId } children { id } } }",
            json!({}),
        )
        .await
        .unwrap();
    assert_eq!(me["me"]["user"]["email"], "grandma.1@tsunagu.test");
    assert_eq!(me["me"]["roles"], json!([{"role": "GUARDIAN", "scopeId": w.family_1}]));
    assert_eq!(
        me["me"]["children"].as_array().unwrap().len(),
        2,
        "the family's two children"
    );
    // Her own password works from now on; the head never knew it.
    app.anonymous
        .login("grandma.1@tsunagu.test", NEW_PASSWORD)
        .await
        .expect("logs in with the password she chose");

    // The head's list shows the invitation used; the audit trail has both steps.
    let listed = w
        .head_a
        .ok(
            "query($n: ID!) { accountCodes(nurseryId: $n) { id status purpose } }",
            json!({"n": w.nursery_a}),
        )
        .await
        .unwrap();
    assert_eq!(listed["accountCodes"][0]["status"], "USED");
    let trail = app
        .admin
        .ok("{ auditLog(first: 50) { entries { operation } } }", json!({}))
        .await
        .unwrap();
    let operations: Vec<&str> = trail["auditLog"]["entries"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["operation"].as_str())
        .collect();
    assert!(
        operations.contains(&"inviteUser") && operations.contains(&"activateAccount"),
        "{operations:?}"
    );

    // Weak passwords are refused as everywhere, naming the field; the code stays usable.
    let staff = invite(&w.head_a, "new.staff@tsunagu.test", "STAFF", &w.nursery_a).await;
    let staff_code = staff["code"].as_str().unwrap();
    assert_eq!(
        refused(activate(&app, staff_code, "password1234").await),
        ("BAD_USER_INPUT".to_owned(), "password".to_owned())
    );
    activate(&app, staff_code, NEW_PASSWORD).await.expect("then a good one");

    // An address that already has an account cannot be invited again.
    let again = w
        .head_a
        .gql(
            INVITE,
            json!({"i": {"email": "mother.1@tsunagu.test", "displayName": "x", "role": "GUARDIAN", "scopeId": w.family_1}}),
        )
        .await
        .unwrap();
    assert_eq!(again.code(), Some("CONFLICT"));
}

async fn used_withdrawn_expired_and_unknown_codes_are_refused_alike(backend: Backend) {
    let app = TestApp::start(backend).await;
    let w = World::build(&app).await;
    let refusal = ("BAD_USER_INPUT".to_owned(), "code".to_owned());

    // Used.
    let used = invite(&w.head_a, "used@tsunagu.test", "GUARDIAN", &w.family_1).await;
    let used_code = used["code"].as_str().unwrap();
    activate(&app, used_code, NEW_PASSWORD).await.unwrap();
    let used_message = app
        .anonymous
        .gql(ACTIVATE, json!({"c": used_code, "p": NEW_PASSWORD}))
        .await
        .unwrap()
        .errors[0]["message"]
        .clone();
    assert_eq!(refused(activate(&app, used_code, NEW_PASSWORD).await), refusal);

    // Withdrawn.
    let withdrawn = invite(&w.head_a, "withdrawn@tsunagu.test", "GUARDIAN", &w.family_1).await;
    let revoked = w
        .head_a
        .ok(
            "mutation($id: ID!) { revokeAccountCode(id: $id) { status } }",
            json!({"id": withdrawn["accountCode"]["id"]}),
        )
        .await
        .unwrap();
    assert_eq!(revoked["revokeAccountCode"]["status"], "REVOKED");
    let withdrawn_code = withdrawn["code"].as_str().unwrap();
    assert_eq!(refused(activate(&app, withdrawn_code, NEW_PASSWORD).await), refusal);

    // Reissued: the old code stops, the new one works (and the revocation is lifted).
    let reissued = w
        .head_a
        .ok(
            "mutation($id: ID!) { reissueAccountCode(id: $id) { code accountCode { status } } }",
            json!({"id": withdrawn["accountCode"]["id"]}),
        )
        .await
        .unwrap();
    let new_code = reissued["reissueAccountCode"]["code"].as_str().unwrap();
    assert_ne!(new_code, withdrawn_code);
    assert_eq!(refused(activate(&app, withdrawn_code, NEW_PASSWORD).await), refusal);
    activate(&app, new_code, NEW_PASSWORD)
        .await
        .expect("the reissued code works");

    // Expired: the code's time has passed (set in the database, as the days going by would).
    let expiring = invite(&w.head_a, "late@tsunagu.test", "GUARDIAN", &w.family_1).await;
    expire_codes(&app).await;
    let late_code = expiring["code"].as_str().unwrap();
    let late = app
        .anonymous
        .gql(ACTIVATE, json!({"c": late_code, "p": NEW_PASSWORD}))
        .await
        .unwrap();
    assert_eq!((late.code(), late.field()), (Some("BAD_USER_INPUT"), Some("code")));
    // Unknown and malformed: the same words, so nothing tells the cases apart.
    for unknown in ["ABCD-EFGH-JKMN-PQRS-TVWX", "hello"] {
        let answer = app
            .anonymous
            .gql(ACTIVATE, json!({"c": unknown, "p": NEW_PASSWORD}))
            .await
            .unwrap();
        assert_eq!((answer.code(), answer.field()), (Some("BAD_USER_INPUT"), Some("code")));
        assert_eq!(answer.errors[0]["message"], used_message);
    }
    assert_eq!(late.errors[0]["message"], used_message);
    assert!(
        app.anonymous.login("late@tsunagu.test", NEW_PASSWORD).await.is_err(),
        "no account came of it"
    );
}

/// Makes every code in the database expired.
async fn expire_codes(app: &TestApp) {
    let sql = "UPDATE account_codes SET expires_at = created_at";
    if app.db.url.starts_with("sqlite:") {
        let mut conn = sqlx::SqliteConnection::connect(&app.db.url).await.unwrap();
        sqlx::query(sql).execute(&mut conn).await.unwrap();
    } else {
        let mut conn = sqlx::PgConnection::connect(&app.db.url).await.unwrap();
        sqlx::query(sql).execute(&mut conn).await.unwrap();
    }
}

async fn user_id(client: &Client) -> String {
    client.ok("{ me { user { id } } }", json!({})).await.unwrap()["me"]["user"]["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

const RESET: &str = "mutation($u: ID!) { issuePasswordReset(userId: $u) { code accountCode { purpose } } }";

async fn heads_and_admins_reset_passwords(backend: Backend) {
    let app = TestApp::start(backend).await;
    let w = World::build(&app).await;
    let mother = user_id(&w.guardian_1).await;
    let reset = w.head_a.ok(RESET, json!({"u": mother})).await.unwrap()["issuePasswordReset"].clone();
    assert_eq!(reset["accountCode"]["purpose"], "RESET");
    let mut socket = w.guardian_1.subscriptions().await.unwrap();
    socket.subscribe(ATTENDANCE_SUBSCRIPTION, json!({})).await.unwrap();

    // The new password signs her in; every earlier session (and its socket) ends.
    let fresh = activate(&app, reset["code"].as_str().unwrap(), NEW_PASSWORD)
        .await
        .expect("the reset code works");
    assert_eq!(user_id(&fresh).await, mother);
    let old = w.guardian_1.gql("{ me { user { id } } }", json!({})).await.unwrap();
    assert_eq!(old.code(), Some("UNAUTHENTICATED"));
    assert_eq!(crate::account_access::close_code(&mut socket).await, 4403);
    assert!(app.anonymous.login("mother.1@tsunagu.test", PASSWORD).await.is_err());
    app.anonymous
        .login("mother.1@tsunagu.test", NEW_PASSWORD)
        .await
        .unwrap();

    // A head resets only their nursery's accounts; outsiders learn nothing.
    let elsewhere = user_id(&w.guardian_b).await;
    assert_eq!(
        w.head_a.gql(RESET, json!({"u": elsewhere})).await.unwrap().code(),
        Some("NOT_FOUND")
    );
    let head = user_id(&w.head_a).await;
    assert_eq!(
        w.staff_a.gql(RESET, json!({"u": mother})).await.unwrap().code(),
        Some("FORBIDDEN")
    );
    // SYSTEM_ADMIN resets anyone, a head included; a second reset withdraws the first.
    let first = app.admin.ok(RESET, json!({"u": head})).await.unwrap()["issuePasswordReset"]["code"].clone();
    let second = app.admin.ok(RESET, json!({"u": head})).await.unwrap()["issuePasswordReset"]["code"].clone();
    assert!(activate(&app, first.as_str().unwrap(), NEW_PASSWORD).await.is_err());
    activate(&app, second.as_str().unwrap(), NEW_PASSWORD)
        .await
        .expect("the newest code works");
    app.anonymous.login("head.a@tsunagu.test", NEW_PASSWORD).await.unwrap();
}

async fn activation_attempts_are_throttled(backend: Backend) {
    let app = TestApp::start_with(backend, &[("ACTIVATION_LIMIT_PER_ADDRESS", "3")]).await;
    let mut codes = Vec::new();
    for _ in 0..4 {
        let answer = app
            .anonymous
            .gql(ACTIVATE, json!({"c": "ABCD-EFGH-JKMN-PQRS-TVWX", "p": NEW_PASSWORD}))
            .await
            .unwrap();
        codes.push(answer.code().unwrap_or_default().to_owned());
    }
    assert_eq!(
        codes,
        ["BAD_USER_INPUT", "BAD_USER_INPUT", "BAD_USER_INPUT", "RATE_LIMITED"]
    );
}

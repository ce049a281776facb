//! Login throttling an attacker cannot turn against a parent (issue 12, item 11): limits per
//! address, per account and address, and an hourly per-account backstop that spares the
//! addresses the account has logged in from; `X-Forwarded-For` believed from TRUSTED_PROXIES
//! only, its right-most untrusted address taken as the client.

use serde_json::{json, Value};

use crate::helpers::*;
use crate::world::*;

crate::on_both_backends!(
    a_parent_gets_in_while_their_account_is_hammered,
    forwarded_for_only_from_trusted_proxies
);

const LOGIN: &str = "mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }";
const PARENT: &str = "parent@tsunagu.test";

/// A GraphQL request as a proxy in front of the server would pass it on.
async fn forwarded(base_url: &str, forwarded_for: &str, token: Option<&str>, query: &str, variables: Value) -> Value {
    let mut request = reqwest::Client::new()
        .post(format!("{base_url}/graphql"))
        .header("x-forwarded-for", forwarded_for)
        .json(&json!({"query": query, "variables": variables}));
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    request.send().await.unwrap().json().await.unwrap()
}

fn code(response: &Value) -> Option<&str> {
    response["errors"][0]["extensions"]["code"].as_str()
}

async fn a_parent_gets_in_while_their_account_is_hammered(backend: Backend) {
    let app = TestApp::start_with(
        backend,
        &[
            // The test client is the proxy: it names the client in X-Forwarded-For.
            ("TRUSTED_PROXIES", "127.0.0.1/32,::1/128"),
            ("LOGIN_LIMIT_PER_ACCOUNT", "3"),
            ("LOGIN_LIMIT_PER_ACCOUNT_HOURLY", "6"),
            ("LOGIN_LIMIT_PER_ADDRESS", "1000"),
        ],
    )
    .await;
    let city = municipality(&app.admin, "いわき市", "072044").await;
    let nursery = nursery(&app.admin, &city, "白土保育所").await;
    let family = family(&app.admin, &nursery).await;
    app.admin
        .ok(
            "mutation($s: ID) { createUser(email: \"parent@tsunagu.test\", password: \"correct horse battery\", displayName: \"佐藤 花\", role: GUARDIAN, scopeId: $s) { id } }",
            json!({"s": family}),
        )
        .await
        .unwrap();
    let url = &app.server.base_url;
    let home = "198.51.100.7";
    let right = json!({"e": PARENT, "p": PASSWORD});
    let wrong = json!({"e": PARENT, "p": "not her password"});

    // The parent's phone logs in from home once.
    let first = forwarded(url, home, None, LOGIN, right.clone()).await;
    assert!(first["data"]["login"]["token"].is_string(), "{first}");

    // Someone guesses from one address: held back after three tries.
    let mut codes = Vec::new();
    for _ in 0..4 {
        codes.push(code(&forwarded(url, "203.0.113.1", None, LOGIN, wrong.clone()).await).map(str::to_owned));
    }
    assert_eq!(
        codes[..3],
        [
            Some("UNAUTHENTICATED".to_owned()),
            Some("UNAUTHENTICATED".to_owned()),
            Some("UNAUTHENTICATED".to_owned())
        ]
    );
    assert_eq!(codes[3].as_deref(), Some("RATE_LIMITED"));

    // …then from address after address, until the hourly backstop stops new addresses.
    let mut backstop_at = None;
    for n in 2..40 {
        let spoofed = format!("203.0.113.{n}");
        if code(&forwarded(url, &spoofed, None, LOGIN, wrong.clone()).await) == Some("RATE_LIMITED") {
            backstop_at = Some(n);
            break;
        }
    }
    assert!(backstop_at.is_some(), "guessing from many addresses is stopped");
    let stranger = forwarded(url, "192.0.2.50", None, LOGIN, right.clone()).await;
    assert_eq!(
        code(&stranger),
        Some("RATE_LIMITED"),
        "a new address waits while the account is under attack"
    );

    // The parent, at home, still gets in.
    let again = forwarded(url, home, None, LOGIN, right.clone()).await;
    assert!(
        again["data"]["login"]["token"].is_string(),
        "the parent was locked out: {again}"
    );
}

async fn forwarded_for_only_from_trusted_proxies(backend: Backend) {
    let last_address = "{ auditLog(first: 1, operation: \"createMunicipality\") { entries { clientAddress } } }";
    let make = "mutation($c: String!) { createMunicipality(name: \"新市\", code: $c) { id } }";
    let claimed = "6.6.6.6, 198.51.100.7";

    // Behind a trusted proxy: the right-most address that is not a proxy of ours; whatever
    // the client wrote further left is not believed.
    let behind = TestApp::start_with(backend.clone(), &[("TRUSTED_PROXIES", "127.0.0.1,::1,10.0.0.0/8")]).await;
    let token = behind.admin.token().unwrap();
    forwarded(
        &behind.server.base_url,
        &format!("{claimed}, 10.1.2.3"),
        Some(token),
        make,
        json!({"c": "100001"}),
    )
    .await;
    let seen = behind.admin.ok(last_address, json!({})).await.unwrap();
    assert_eq!(seen["auditLog"]["entries"][0]["clientAddress"], "198.51.100.7");

    // Without TRUSTED_PROXIES the header is anyone's claim: the peer is the client.
    let direct = TestApp::start(backend).await;
    let token = direct.admin.token().unwrap();
    forwarded(
        &direct.server.base_url,
        claimed,
        Some(token),
        make,
        json!({"c": "100002"}),
    )
    .await;
    let seen = direct.admin.ok(last_address, json!({})).await.unwrap();
    let address = seen["auditLog"]["entries"][0]["clientAddress"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(address == "127.0.0.1" || address == "::1", "{address}");
}

//! Push endpoints cannot turn the server against its own network (server-side request forgery):
//! every class of address that is not public is refused at registration, however it is written
//! (integer and octal forms, IPv4 inside IPv6, names that resolve to it, userinfo tricks); only
//! hosts on the allow-list are accepted; the check is made again when sending; a push service's
//! redirect is not followed; and a push service whose certificate does not verify gets nothing.

use std::net::IpAddr;
use std::time::Duration;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde_json::{json, Value};
use tsunagu_client::{Client, ServerProcess};

use crate::helpers::*;
use crate::push_service::{env_pairs, PushService};
use crate::world::*;

crate::on_both_backends!(
    endpoints_at_addresses_that_are_not_public_are_refused,
    only_push_services_on_the_allow_list_are_accepted,
    push_service_redirects_are_not_followed,
    pushes_go_only_where_the_certificate_verifies,
    endpoints_are_checked_again_when_sending,
);

const REGISTER: &str = "mutation($i: PushSubscriptionInput!) { registerPushSubscription(input: $i) }";
const DELIVERIES: &str = "{ pushDeliveries(limit: 100) { kind status attempts lastError } }";
const PUSH_WAIT: Duration = Duration::from_secs(15);

/// A browser's subscription keys, valid, for an endpoint of our choosing.
fn subscription(endpoint: &str) -> Value {
    let (keypair, auth) = ece::generate_keypair_and_auth_secret().unwrap();
    let public = keypair.raw_components().unwrap().public_key().to_vec();
    json!({"endpoint": endpoint, "p256dh": URL_SAFE_NO_PAD.encode(public), "auth": URL_SAFE_NO_PAD.encode(auth)})
}

/// The endpoints `client` may not register, with the message of each refusal.
async fn accepted_among(client: &Client, endpoints: &[String]) -> Vec<String> {
    let mut accepted = Vec::new();
    for endpoint in endpoints {
        let response = client
            .gql(REGISTER, json!({"i": subscription(endpoint)}))
            .await
            .unwrap();
        if (response.code(), response.field()) != (Some("BAD_USER_INPUT"), Some("endpoint")) {
            accepted.push(format!("{endpoint}: {:?} {:?}", response.data, response.errors));
        }
    }
    accepted
}

async fn refusal(client: &Client, endpoint: &str) -> String {
    let response = client
        .gql(REGISTER, json!({"i": subscription(endpoint)}))
        .await
        .unwrap();
    assert_eq!(
        (response.code(), response.field()),
        (Some("BAD_USER_INPUT"), Some("endpoint")),
        "{endpoint}: {:?}",
        response.errors
    );
    response.errors[0]["message"].as_str().unwrap().to_owned()
}

/// Names this machine resolves to a loopback address through /etc/hosts (its own host name,
/// usually), other than `localhost` itself: DNS names that lead back into the machine.
fn names_at_loopback() -> Vec<String> {
    let hosts = std::fs::read_to_string("/etc/hosts").unwrap_or_default();
    let mut names = Vec::new();
    for line in hosts.lines().map(|l| l.split('#').next().unwrap_or_default()) {
        let mut fields = line.split_whitespace();
        let Some(Ok(ip)) = fields.next().map(str::parse::<IpAddr>) else {
            continue;
        };
        if ip.is_loopback() {
            names.extend(
                fields
                    .filter(|name| *name != "localhost" && !name.ends_with(".localhost") && !name.contains(':'))
                    .map(str::to_owned),
            );
        }
    }
    names.sort();
    names.dedup();
    names.truncate(3);
    names
}

async fn endpoints_at_addresses_that_are_not_public_are_refused(backend: Backend) {
    // Any host at all may be a push service here, so what refuses is the address.
    let app = TestApp::start_with(backend, &[("PUSH_ALLOWED_HOSTS", "*")]).await;
    let mut endpoints: Vec<String> = [
        // loopback, also as integers, hex, octal, shortened, and inside IPv6
        "https://127.0.0.1/push/x",
        "https://127.1.2.3/push/x",
        "https://2130706433/push/x",
        "https://0x7f000001/push/x",
        "https://0177.0.0.1/push/x",
        "https://127.1/push/x",
        "https://[::1]/push/x",
        "https://[::ffff:127.0.0.1]/push/x",
        "https://[64:ff9b::7f00:1]/push/x",
        "https://[2002:7f00:1::]/push/x",
        // private
        "https://10.0.0.1/push/x",
        "https://172.16.5.4/push/x",
        "https://192.168.1.1/push/x",
        "https://[::ffff:a00:1]/push/x",
        // link-local, the cloud metadata service among them
        "https://169.254.169.254/latest/meta-data/",
        "https://0251.0376.0251.0376/latest/meta-data/",
        "https://[::ffff:169.254.169.254]/latest/meta-data/",
        "https://[fe80::1]/push/x",
        // unique-local
        "https://[fd00::1]/push/x",
        "https://[fc00::1]/push/x",
        // multicast, broadcast
        "https://224.0.0.1/push/x",
        "https://[ff02::1]/push/x",
        "https://255.255.255.255/push/x",
        // unspecified
        "https://0.0.0.0/push/x",
        "https://0/push/x",
        "https://[::]/push/x",
        // documentation, benchmarking, shared (CGNAT), reserved
        "https://192.0.2.1/push/x",
        "https://198.51.100.7/push/x",
        "https://203.0.113.9/push/x",
        "https://[2001:db8::1]/push/x",
        "https://198.18.0.1/push/x",
        "https://100.64.0.1/push/x",
        "https://240.0.0.1/push/x",
        // names that are loopback
        "https://localhost/push/x",
        "https://LOCALHOST./push/x",
        "https://push.localhost/push/x",
        // userinfo: the host is what follows the @
        "https://fcm.googleapis.com@127.0.0.1/push/x",
        "https://fcm.googleapis.com:443@169.254.169.254/",
        "http://localhost@169.254.169.254/",
        "https://user:secret@8.8.8.8/push/x",
        // not https
        "http://8.8.8.8/push/x",
        "ftp://8.8.8.8/push/x",
        "file:///etc/passwd",
        // control characters (NUL was INTERNAL on PostgreSQL)
        "https://8.8.8.8/push/x\u{0}y",
        "https://8.8.8.8/push/x\ny",
    ]
    .map(str::to_owned)
    .to_vec();
    let names = names_at_loopback();
    if names.is_empty() {
        eprintln!("no name besides localhost resolves to loopback here: that case is not run");
    }
    endpoints.extend(names.iter().map(|name| format!("https://{name}/push/x")));
    let accepted = accepted_among(&app.admin, &endpoints).await;
    assert!(accepted.is_empty(), "accepted: {accepted:#?}");

    // The refusals are about the address: a public one is accepted, and the message says why.
    app.admin
        .ok(REGISTER, json!({"i": subscription("https://8.8.8.8/push/x")}))
        .await
        .unwrap();
    let metadata = refusal(&app.admin, "https://169.254.169.254/latest/meta-data/").await;
    assert!(metadata.contains("link-local"), "{metadata}");
    let integer = refusal(&app.admin, "https://2130706433/").await;
    assert!(
        integer.contains("127.0.0.1") && integer.contains("loopback"),
        "{integer}"
    );
    for name in names {
        let message = refusal(&app.admin, &format!("https://{name}:8443/push/x")).await;
        assert!(message.contains("loopback"), "{name}: {message}");
    }
    let nul = app
        .admin
        .gql(
            "mutation($e: String!) { unregisterPushSubscription(endpoint: $e) }",
            json!({"e": "https://8.8.8.8/push/x\u{0}y"}),
        )
        .await
        .unwrap();
    assert_eq!((nul.code(), nul.field()), (Some("BAD_USER_INPUT"), Some("endpoint")));
}

async fn only_push_services_on_the_allow_list_are_accepted(backend: Backend) {
    let app = TestApp::start_with(backend.clone(), &[("PUSH_ALLOWED_HOSTS", "8.8.8.8, *.push.invalid")]).await;
    app.admin
        .ok(REGISTER, json!({"i": subscription("https://8.8.8.8/push/x")}))
        .await
        .unwrap();
    for endpoint in [
        "https://8.8.4.4/push/x",
        "https://push.invalid/push/x",
        "https://evil.example/8.8.8.8",
        "https://8.8.8.8.evil.example/push/x",
        "https://push.invalid.evil.example/push/x",
    ] {
        let message = refusal(&app.admin, endpoint).await;
        assert!(message.contains("PUSH_ALLOWED_HOSTS"), "{endpoint}: {message}");
    }
    // On the list, but the name must resolve (.invalid never does): checked at registration.
    let message = refusal(&app.admin, "https://a.push.invalid/push/x").await;
    assert!(message.contains("does not resolve"), "{message}");

    // By default: the browser vendors' push services and nothing else.
    let default = TestApp::start(backend).await;
    for endpoint in [
        "https://evil.example/push/x",
        "https://fcm.googleapis.com.evil.example/push/x",
        "https://8.8.8.8/push/x",
    ] {
        let message = refusal(&default.admin, endpoint).await;
        assert!(message.contains("PUSH_ALLOWED_HOSTS"), "{endpoint}: {message}");
    }
    for endpoint in [
        "https://fcm.googleapis.com/fcm/send/x",
        "https://updates.push.services.mozilla.com/wpush/v2/x",
        "https://wns2-par02p.notify.windows.com/w/?token=x",
        "https://web.push.apple.com/x",
    ] {
        // Accepted where the name resolves to public addresses; refused only for resolving here.
        let response = default
            .admin
            .gql(REGISTER, json!({"i": subscription(endpoint)}))
            .await
            .unwrap();
        if let Some(error) = response.errors.first() {
            let message = error["message"].as_str().unwrap_or_default();
            assert!(!message.contains("PUSH_ALLOWED_HOSTS"), "{endpoint}: {message}");
        }
    }
}

/// Waits until the administrator sees `count` deliveries that are no longer pending.
async fn finished_deliveries(admin: &Client, count: usize) -> Vec<Value> {
    let deadline = tokio::time::Instant::now() + PUSH_WAIT;
    loop {
        let rows = admin.ok(DELIVERIES, json!({})).await.unwrap()["pushDeliveries"]
            .as_array()
            .unwrap()
            .clone();
        let finished: Vec<Value> = rows.into_iter().filter(|r| r["status"] != "PENDING").collect();
        if finished.len() >= count || tokio::time::Instant::now() > deadline {
            return finished;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn push_service_redirects_are_not_followed(backend: Backend) {
    let service = PushService::start().await;
    let mut env = service.server_env();
    env.push(("PUSH_POLL_INTERVAL_MS", "100".to_owned()));
    let app = TestApp::start_with(backend, &env_pairs(&env)).await;
    let w = World::build(&app).await;
    let elsewhere = service.device("elsewhere", &[]);
    let moved = service.redirecting_device("moved", 307, &elsewhere);
    let moved_for_good = service.redirecting_device("moved-for-good", 308, &elsewhere);
    for device in [&moved, &moved_for_good] {
        w.guardian_1.ok(REGISTER, json!({"i": device.input()})).await.unwrap();
    }
    w.staff_a.ok(CHECK_IN, json!({"c": w.child_1a})).await.unwrap();

    let rows = finished_deliveries(&app.admin, 2).await;
    assert_eq!(rows.len(), 2, "{rows:?}");
    for row in &rows {
        assert_eq!(row["status"], "FAILED", "{row}");
        let error = row["lastError"].as_str().unwrap();
        assert!(error.contains("307") || error.contains("308"), "{error}");
    }
    assert_eq!((service.attempts(&moved), service.attempts(&moved_for_good)), (1, 1));
    assert_eq!(service.attempts(&elsewhere), 0, "the redirect was followed");
    assert!(service.problems().is_empty(), "{:?}", service.problems());
}

async fn pushes_go_only_where_the_certificate_verifies(backend: Backend) {
    let service = PushService::start().await;
    // Reachable, but its certificate authority is not given to the server.
    let mut env: Vec<_> = service
        .server_env()
        .into_iter()
        .filter(|(key, _)| *key != "PUSH_EXTRA_ROOT_CERT")
        .collect();
    env.push(("PUSH_POLL_INTERVAL_MS", "100".to_owned()));
    env.push(("PUSH_MAX_ATTEMPTS", "1".to_owned()));
    let app = TestApp::start_with(backend, &env_pairs(&env)).await;
    let w = World::build(&app).await;
    let phone = service.device("phone", &[]);
    w.guardian_1.ok(REGISTER, json!({"i": phone.input()})).await.unwrap();
    w.staff_a.ok(CHECK_IN, json!({"c": w.child_1a})).await.unwrap();

    let rows = finished_deliveries(&app.admin, 1).await;
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0]["status"], "FAILED");
    let error = rows[0]["lastError"].as_str().unwrap();
    assert!(error.contains("certificate"), "{error}");
    assert_eq!(
        service.attempts(&phone),
        0,
        "nothing was sent over the unverified connection"
    );
    assert!(
        service.refused_handshakes() >= 1,
        "the server did connect and refuse the certificate"
    );
}

async fn endpoints_are_checked_again_when_sending(backend: Backend) {
    let service = PushService::start().await;
    // Registered while loopback was allowed for these names, sent after it no longer is: as if
    // the names had resolved somewhere public at registration and to loopback later.
    let names = names_at_loopback();
    let hosts = std::iter::once("localhost".to_owned())
        .chain(names.iter().cloned())
        .collect::<Vec<_>>()
        .join(",");
    let mut env: Vec<_> = service
        .server_env()
        .into_iter()
        .filter(|(key, _)| !key.starts_with("PUSH_ALLOW"))
        .collect();
    env.push(("PUSH_ALLOWED_HOSTS", hosts.clone()));
    env.push(("PUSH_POLL_INTERVAL_MS", "100".to_owned()));
    env.push(("PUSH_MAX_ATTEMPTS", "1".to_owned()));
    let mut registering = env.clone();
    registering.push(("PUSH_ALLOW_LOOPBACK_HOSTS", hosts));
    registering.push(("PUSH_WORKERS", "0".to_owned()));
    let app = TestApp::start_with(backend, &env_pairs(&registering)).await;
    let w = World::build(&app).await;
    let phone = service.device("phone", &[]);
    w.guardian_1.ok(REGISTER, json!({"i": phone.input()})).await.unwrap();
    // The same service under the machine's other names: the sending resolver must refuse them.
    for name in &names {
        let mut input = phone.input();
        input["endpoint"] = json!(phone.endpoint.replace("://localhost:", &format!("://{name}:")));
        w.guardian_1.ok(REGISTER, json!({"i": input})).await.unwrap();
    }
    w.staff_a.ok(CHECK_IN, json!({"c": w.child_1a})).await.unwrap();
    let TestApp { server, db, .. } = app;
    assert!(server.terminate().await.unwrap());

    let mut sending = server_env(&db);
    sending.extend(env.into_iter().map(|(key, value)| (key.to_owned(), value)));
    let restarted = ServerProcess::spawn(&binary(), &sending).await.unwrap();
    let admin = Client::new(&restarted.base_url)
        .login(ADMIN_EMAIL, PASSWORD)
        .await
        .unwrap();
    let rows = finished_deliveries(&admin, 1 + names.len()).await;
    assert_eq!(rows.len(), 1 + names.len(), "{rows:?}");
    for row in &rows {
        assert_eq!(row["status"], "FAILED", "{row}");
        let error = row["lastError"].as_str().unwrap();
        assert!(
            error.contains("endpoint refused") && error.contains("loopback"),
            "{error}"
        );
    }
    assert_eq!(service.attempts(&phone), 0);
    assert_eq!(service.refused_handshakes(), 0, "no connection was even opened");
    restarted.terminate().await.unwrap();
}

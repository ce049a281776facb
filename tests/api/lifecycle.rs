//! The server as an operator and a phone meet it: health, GraphiQL, restarts on the same
//! database, a graceful stop that says goodbye to WebSockets, login throttling, expiring and
//! rejected tokens.

use std::time::Duration;

use serde_json::json;
use tsunagu_client::{Client, Incoming, ServerProcess, Subscriptions};

use crate::helpers::*;
use crate::world::*;

crate::on_both_backends!(
    restarting_on_the_same_database_is_harmless,
    shutdown_closes_websockets_with_going_away,
    shutdown_answers_what_it_has_read_before_closing_sockets,
    logins_are_throttled_and_tokens_checked,
    the_demo_city_has_working_logins,
);

async fn restarting_on_the_same_database_is_harmless(backend: Backend) {
    let app = TestApp::start(backend).await;
    let http = reqwest::Client::new();
    let health = http
        .get(format!("{}/healthz", app.server.base_url))
        .send()
        .await
        .unwrap();
    assert_eq!(health.status(), 200);
    let graphiql = http
        .get(format!("{}/graphql", app.server.base_url))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(graphiql.contains("graphiql"), "GraphiQL is served at /graphql");

    let municipality = municipality(&app.admin, "いわき市", "072044").await;
    let nursery = nursery(&app.admin, &municipality, "白土保育所").await;
    let TestApp { server, db, .. } = app;
    assert!(server.terminate().await.unwrap(), "SIGTERM stops the server cleanly");

    // Same database, started again: migrations and the bootstrap admin are left as they are.
    let again = ServerProcess::spawn(&binary(), &server_env(&db))
        .await
        .expect("second start");
    let admin = Client::new(&again.base_url)
        .login(ADMIN_EMAIL, PASSWORD)
        .await
        .expect("same admin");
    let found = admin
        .ok("query($id: ID!) { nursery(id: $id) { name } }", json!({"id": nursery}))
        .await
        .unwrap();
    assert_eq!(found["nursery"]["name"], "白土保育所");
    let duplicate = admin
        .gql(
            "mutation { createMunicipality(name: \"いわき市\", code: \"072044\") { id } }",
            json!({}),
        )
        .await
        .unwrap();
    assert_eq!(duplicate.code(), Some("CONFLICT"));
    assert!(again.terminate().await.unwrap());
}

async fn shutdown_closes_websockets_with_going_away(backend: Backend) {
    let app = TestApp::start(backend).await;
    let w = World::build(&app).await;
    let mut subs = w.guardian_1.subscriptions().await.unwrap();
    subs.subscribe(ATTENDANCE_SUBSCRIPTION, json!({})).await.unwrap();
    assert!(subs.next(Duration::from_millis(200)).await.unwrap().is_none());
    let TestApp { server, db: _db, .. } = app;
    let stopped = tokio::spawn(server.terminate());
    let mut closed = None;
    for _ in 0..5 {
        match subs.next(Duration::from_secs(10)).await.unwrap() {
            Some(Incoming::Closed { code, .. }) => {
                closed = Some(code);
                break;
            }
            Some(Incoming::Complete { .. }) | None => continue,
            Some(other) => panic!("unexpected {other:?}"),
        }
    }
    assert_eq!(closed, Some(1001), "the phone is told the server is going away");
    assert!(stopped.await.unwrap().unwrap(), "the server exits cleanly");
}

/// SIGTERM in order: new connections are refused at once; a check-in whose request was being
/// read is still answered and its event still reaches the open socket; only then do sockets
/// hear 1001.
async fn shutdown_answers_what_it_has_read_before_closing_sockets(backend: Backend) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    let app = TestApp::start(backend).await;
    let w = World::build(&app).await;
    let mut subs = w.guardian_1.subscriptions().await.unwrap();
    subs.subscribe(ATTENDANCE_SUBSCRIPTION, json!({})).await.unwrap();
    let address = app.server.base_url.trim_start_matches("http://").to_owned();
    // A check-in whose headers are sent and whose body is not, yet.
    let body = json!({"query": CHECK_IN, "variables": {"c": w.child_1a}}).to_string();
    let mut request = tokio::net::TcpStream::connect(&address).await.unwrap();
    let head = format!(
        "POST /graphql HTTP/1.1\r\nhost: {address}\r\ncontent-type: application/json\r\n\
         authorization: Bearer {}\r\ncontent-length: {}\r\n\r\n",
        w.staff_a.token().unwrap(),
        body.len()
    );
    request.write_all(head.as_bytes()).await.unwrap();
    request.write_all(&body.as_bytes()[..10]).await.unwrap();
    // Give the server time to read the headers (the request is then in flight).
    tokio::time::sleep(Duration::from_millis(300)).await;

    let TestApp { server, db: _db, .. } = app;
    let stopped = tokio::spawn(server.terminate());
    // New connections are refused once the signal has been taken.
    let mut refused = false;
    for _ in 0..100 {
        if tokio::net::TcpStream::connect(&address).await.is_err() {
            refused = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(refused, "the listener is closed first");
    // The request being read is still answered, and its event still delivered.
    request.write_all(&body.as_bytes()[10..]).await.unwrap();
    let mut answer = Vec::new();
    let _ = tokio::time::timeout(Duration::from_secs(10), async {
        let mut chunk = [0u8; 4096];
        while let Ok(read) = request.read(&mut chunk).await {
            if read == 0 {
                break;
            }
            answer.extend_from_slice(&chunk[..read]);
            if String::from_utf8_lossy(&answer).contains("\"checkIn\"") {
                break;
            }
        }
    })
    .await;
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(answer.contains("\"checkIn\""), "{answer}");
    let mut delivered = false;
    let mut closed = None;
    for _ in 0..5 {
        match subs.next(Duration::from_secs(10)).await.unwrap() {
            Some(Incoming::Next { .. }) => {
                assert!(closed.is_none(), "the event came before the goodbye");
                delivered = true;
            }
            Some(Incoming::Closed { code, .. }) => {
                closed = Some(code);
                break;
            }
            Some(_) | None => continue,
        }
    }
    assert!(delivered, "the acknowledged check-in reached the open socket");
    assert_eq!(closed, Some(1001));
    assert!(stopped.await.unwrap().unwrap(), "the server exits cleanly");
}

async fn logins_are_throttled_and_tokens_checked(backend: Backend) {
    let app = TestApp::start_with(backend.clone(), &[("LOGIN_LIMIT_PER_ACCOUNT", "3")]).await;
    let login = "mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }";

    // Wrong password and unknown account answer alike.
    let wrong = app
        .anonymous
        .gql(login, json!({"e": ADMIN_EMAIL, "p": "wrong password!"}))
        .await
        .unwrap();
    let unknown = app
        .anonymous
        .gql(login, json!({"e": "nobody@tsunagu.test", "p": "wrong password!"}))
        .await
        .unwrap();
    assert_eq!(wrong.code(), Some("UNAUTHENTICATED"));
    assert_eq!(unknown.code(), Some("UNAUTHENTICATED"));
    assert_eq!(wrong.errors[0]["message"], unknown.errors[0]["message"]);

    // The admin logged in once at start and failed once above: one more try, then throttled,
    // even with the right password.
    let third = app
        .anonymous
        .gql(login, json!({"e": ADMIN_EMAIL, "p": "wrong password!"}))
        .await
        .unwrap();
    assert_eq!(third.code(), Some("UNAUTHENTICATED"));
    let throttled = app
        .anonymous
        .gql(login, json!({"e": ADMIN_EMAIL, "p": PASSWORD}))
        .await
        .unwrap();
    assert_eq!(throttled.code(), Some("RATE_LIMITED"), "{:?}", throttled.errors);
    assert!(throttled.errors[0]["extensions"]["retryAfterSeconds"].as_u64().unwrap() >= 1);

    // Per client address: many accounts from one address.
    let by_address = TestApp::start_with(backend.clone(), &[("LOGIN_LIMIT_PER_ADDRESS", "4")]).await;
    let mut codes = Vec::new();
    for i in 0..5 {
        let r = by_address
            .anonymous
            .gql(
                login,
                json!({"e": format!("guess{i}@tsunagu.test"), "p": "password123"}),
            )
            .await
            .unwrap();
        codes.push(r.code().unwrap_or("none").to_owned());
    }
    // The admin's own login at start used one of the four.
    assert_eq!(
        codes,
        vec![
            "UNAUTHENTICATED",
            "UNAUTHENTICATED",
            "UNAUTHENTICATED",
            "RATE_LIMITED",
            "RATE_LIMITED"
        ]
    );

    // Expired sessions and garbage tokens are UNAUTHENTICATED, over HTTP and WebSocket.
    let expiring = TestApp::start_with(backend, &[("SESSION_TTL_HOURS", "0")]).await;
    let expired = expiring.admin.gql("{ me { user { id } } }", json!({})).await.unwrap();
    assert_eq!(expired.code(), Some("UNAUTHENTICATED"));
    let garbage = app.anonymous.with_token(Some("not-a-token".into()));
    assert_eq!(
        garbage.gql("{ me { user { id } } }", json!({})).await.unwrap().code(),
        Some("UNAUTHENTICATED")
    );
    assert_eq!(
        app.anonymous
            .gql("{ me { user { id } } }", json!({}))
            .await
            .unwrap()
            .code(),
        Some("UNAUTHENTICATED")
    );
    assert!(
        Subscriptions::connect(&app.anonymous.ws_url(), None).await.is_err(),
        "no token, no WebSocket"
    );
    assert!(Subscriptions::connect(&app.anonymous.ws_url(), Some("not-a-token"))
        .await
        .is_err());
}

async fn the_demo_city_has_working_logins(backend: Backend) {
    let db = TestDb::create(&backend).await;
    let env = server_env(&db);
    let output = tokio::process::Command::new(binary())
        .args(["seed-demo", "--children-per-nursery", "20"])
        .envs(&env)
        .output()
        .await
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let printed = String::from_utf8(output.stdout).unwrap();
    assert!(printed.contains("いわき市 (072044)"), "{printed}");
    let login_of = |role: &str| {
        printed
            .lines()
            .find(|l| l.starts_with(role))
            .and_then(|l| {
                l.split_whitespace()
                    .nth(if role == "nursery head" || role == "municipal officer" {
                        2
                    } else {
                        1
                    })
            })
            .unwrap()
            .to_owned()
    };
    let server = ServerProcess::spawn(&binary(), &env).await.unwrap();
    let anonymous = Client::new(&server.base_url);
    let staff = anonymous.login(&login_of("staff"), "tsunagu-demo-2026").await.unwrap();
    let guardian = anonymous
        .login(&login_of("guardian"), "tsunagu-demo-2026")
        .await
        .unwrap();
    let officer = anonymous
        .login(&login_of("municipal officer"), "tsunagu-demo-2026")
        .await
        .unwrap();
    let staff_children = staff
        .ok("{ me { children { id nameKana } } }", json!({}))
        .await
        .unwrap();
    let staff_children = staff_children["me"]["children"].as_array().unwrap().clone();
    assert!(
        (18..=22).contains(&staff_children.len()),
        "about 20 children per nursery: {}",
        staff_children.len()
    );
    assert!(staff_children.iter().all(|c| c["nameKana"].is_string()));
    let own = guardian
        .ok("{ me { children { family { guardians { id } } } } }", json!({}))
        .await
        .unwrap();
    let own = own["me"]["children"].as_array().unwrap();
    assert!((1..=3).contains(&own.len()), "a family of one to three children");
    assert!((1..=2).contains(&own[0]["family"]["guardians"].as_array().unwrap().len()));
    // History for the app: the past month, notebook pages, a year of growth.
    let today = today_jst();
    let history = guardian
        .ok(
            "query($from: Date!, $to: Date!) { me { children { nurseryId attendance(from: $from, to: $to) { id }
               absences(from: $from, to: $to) { id } growth { kaupIndex } } } }",
            json!({"from": (today - time::Duration::days(30)).to_string(), "to": today.to_string()}),
        )
        .await
        .unwrap();
    let kids = history["me"]["children"].as_array().unwrap();
    let events: usize = kids.iter().map(|c| c["attendance"].as_array().unwrap().len()).sum();
    assert!(events >= 20, "a month of arrivals and departures: {events}");
    assert!(
        kids.iter().all(|c| c["growth"].as_array().unwrap().len() >= 6),
        "a year of growth"
    );
    assert!(kids[0]["growth"][0]["kaupIndex"].is_number());
    let pages = guardian
        .ok(
            "query($n: ID!) { journals(nurseryId: $n, kind: CONTACT_NOTEBOOK) { status } }",
            json!({"n": kids[0]["nurseryId"]}),
        )
        .await
        .unwrap();
    let pages = pages["journals"].as_array().unwrap();
    assert!(pages.len() >= 5, "published notebook pages: {}", pages.len());
    assert!(pages.iter().all(|p| p["status"] == "PUBLISHED"));
    let none = officer.ok("{ me { children { id } } }", json!({})).await.unwrap();
    assert_eq!(none["me"]["children"], json!([]));
    let again = tokio::process::Command::new(binary())
        .arg("seed-demo")
        .envs(&env)
        .output()
        .await
        .unwrap();
    assert!(!again.status.success(), "seeding twice is refused, not duplicated");
}

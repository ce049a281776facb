//! GraphQL over HTTP as the ecosystem's clients speak it: the answer's media type follows
//! `Accept` (400 for a request that could not run when the client reads
//! `application/graphql-response+json`), CORS for the allowed origins only, Apollo's automatic
//! persisted queries (over POST and GET, with the cost limit still applied), compression, and
//! one instant reading the same from a mutation, a subscription and a later query.

use serde_json::{json, Value};
use sha2::{Digest, Sha256};

use crate::helpers::*;
use crate::world::*;

crate::on_both_backends!(the_api_speaks_graphql_over_http);

/// Production may hide the schema: no introspection, no "did you mean" hints.
#[tokio::test]
async fn introspection_and_suggestions_can_be_switched_off() {
    let app = TestApp::start_with(Backend::Sqlite, &[("GRAPHQL_INTROSPECTION", "false")]).await;
    let schema = app
        .anonymous
        .gql("{ __schema { types { name } } }", json!({}))
        .await
        .unwrap();
    assert!(
        schema.data.get("__schema").is_none_or(Value::is_null),
        "{:?}",
        schema.data
    );
    let typo = app.anonymous.gql("{ mee { user { id } } }", json!({})).await.unwrap();
    assert!(
        !typo.errors[0]["message"].as_str().unwrap().contains("Did you mean"),
        "{:?}",
        typo.errors
    );
    assert!(app
        .anonymous
        .gql("{ __typename }", json!({}))
        .await
        .unwrap()
        .errors
        .is_empty());
}

async fn post(app: &TestApp, accept: Option<&str>, body: &str) -> (u16, String, String) {
    let mut request = reqwest::Client::new()
        .post(format!("{}/graphql", app.server.base_url))
        .header("content-type", "application/json")
        .body(body.to_owned());
    if let Some(accept) = accept {
        request = request.header("accept", accept);
    }
    let answer = request.send().await.unwrap();
    let status = answer.status().as_u16();
    let content_type = answer.headers()["content-type"].to_str().unwrap().to_owned();
    (status, content_type, answer.text().await.unwrap())
}

async fn the_api_speaks_graphql_over_http(backend: Backend) {
    let app = TestApp::start_with(backend, &[("CORS_ALLOWED_ORIGINS", "https://portal.city.example")]).await;
    let w = World::build(&app).await;
    const GRAPHQL_RESPONSE: &str = "application/graphql-response+json";

    // Media types and status codes.
    let (status, content_type, _) = post(&app, Some("application/json"), r#"{"query": "{ __typename }"}"#).await;
    assert_eq!((status, content_type.starts_with("application/json")), (200, true));
    let (status, content_type, _) = post(&app, None, r#"{"query": "{ __typename }"}"#).await;
    assert_eq!((status, content_type.starts_with("application/json")), (200, true));
    let (status, content_type, body) = post(&app, Some(GRAPHQL_RESPONSE), r#"{"query": "{ __typename }"}"#).await;
    assert_eq!(
        (status, content_type.starts_with(GRAPHQL_RESPONSE)),
        (200, true),
        "{body}"
    );
    for invalid in [r#"{"query": "{ __typename "}"#, r#"{"query": "{ noSuchField }"}"#] {
        let (status, _, body) = post(&app, Some(GRAPHQL_RESPONSE), invalid).await;
        let body: Value = serde_json::from_str(&body).unwrap();
        assert_eq!(status, 400, "{invalid}");
        assert!(body.get("data").is_none() && body["errors"].is_array(), "{body}");
        let (status, _, _) = post(&app, Some("application/json"), invalid).await;
        assert_eq!(status, 200, "{invalid}: application/json keeps 200");
    }
    let (status, _, _) = post(&app, Some(GRAPHQL_RESPONSE), "{not json").await;
    assert_eq!(status, 400);
    // Errors fit to show a person: a syntax error in one line; an oversized body in JSON.
    let (_, _, body) = post(&app, None, r#"{"query": "{ __typename "}"#).await;
    let message = serde_json::from_str::<Value>(&body).unwrap()["errors"][0]["message"].clone();
    assert!(
        message
            .as_str()
            .unwrap()
            .starts_with("syntax error at line 1, column 14"),
        "{message}"
    );
    let (status, content_type, body) = post(&app, None, &"x".repeat(100_000)).await;
    assert_eq!(
        (status, content_type.starts_with("application/json")),
        (413, true),
        "{body}"
    );
    assert_eq!(
        serde_json::from_str::<Value>(&body).unwrap()["errors"][0]["extensions"]["code"],
        "BAD_USER_INPUT"
    );

    // CORS: a preflight from the allowed origin is answered; another origin is not allowed.
    let http = reqwest::Client::new();
    let preflight = |origin: &'static str| {
        http.request(reqwest::Method::OPTIONS, format!("{}/graphql", app.server.base_url))
            .header("origin", origin)
            .header("access-control-request-method", "POST")
            .header("access-control-request-headers", "authorization, content-type")
            .send()
    };
    let allowed = preflight("https://portal.city.example").await.unwrap();
    assert!(allowed.status().is_success());
    assert_eq!(
        allowed.headers()["access-control-allow-origin"],
        "https://portal.city.example"
    );
    let other = preflight("https://evil.example").await.unwrap();
    assert!(other.headers().get("access-control-allow-origin").is_none());

    // Automatic persisted queries.
    let query = "{ me { user { id } } }";
    let hash = format!("{:x}", Sha256::digest(query.as_bytes()));
    let extensions = json!({"persistedQuery": {"version": 1, "sha256Hash": hash}});
    let unknown = w.guardian_1.post_json(json!({"extensions": extensions})).await.unwrap();
    assert_eq!(unknown.errors[0]["message"], "PersistedQueryNotFound");
    assert_eq!(unknown.code(), Some("PERSISTED_QUERY_NOT_FOUND"));
    let full = w
        .guardian_1
        .post_json(json!({"query": query, "extensions": extensions}))
        .await
        .unwrap();
    assert!(full.errors.is_empty(), "{:?}", full.errors);
    let by_hash = w.guardian_1.post_json(json!({"extensions": extensions})).await.unwrap();
    assert_eq!(by_hash.data, full.data);
    let by_get: Value = http
        .get(format!("{}/graphql", app.server.base_url))
        .query(&[("extensions", extensions.to_string())])
        .bearer_auth(w.guardian_1.token().unwrap())
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(by_get["data"], full.data);
    // A hostile document is refused whether it comes whole or by hash.
    let fan_out = crate::hostile_input::fragment_fan_out();
    let hostile_hash = format!("{:x}", Sha256::digest(fan_out.as_bytes()));
    let hostile =
        json!({"query": fan_out, "extensions": {"persistedQuery": {"version": 1, "sha256Hash": hostile_hash}}});
    assert_eq!(
        app.anonymous.post_json(hostile).await.unwrap().code(),
        Some("BAD_USER_INPUT")
    );

    // Compression for clients that accept it.
    let compressed = http
        .post(format!("{}/graphql", app.server.base_url))
        .header("accept-encoding", "gzip")
        .json(&json!({"query": include_str!("introspection.graphql")}))
        .send()
        .await
        .unwrap();
    assert_eq!(compressed.headers()["content-encoding"], "gzip");

    // One instant, one spelling: the mutation, the live event and a later read agree.
    let mut phone = w.guardian_1.subscriptions().await.unwrap();
    phone
        .subscribe("subscription { attendanceEvents { occurredAt } }", json!({}))
        .await
        .unwrap();
    let written = w
        .staff_a
        .ok(
            "mutation($c: ID!) { checkIn(input: {childId: $c}) { occurredAt } }",
            json!({"c": w.child_1a}),
        )
        .await
        .unwrap()["checkIn"]["occurredAt"]
        .clone();
    let live =
        phone.next_data(DELIVERY_WAIT).await.unwrap().expect("the arrival")["attendanceEvents"]["occurredAt"].clone();
    let today = today_jst().to_string();
    let read = w
        .guardian_1
        .ok(
            "query($c: ID!, $d: Date!) { child(id: $c) { attendance(from: $d, to: $d) { occurredAt } } }",
            json!({"c": w.child_1a, "d": today}),
        )
        .await
        .unwrap()["child"]["attendance"][0]["occurredAt"]
        .clone();
    assert_eq!((&written, &live), (&read, &read));
}

/// With a manifest of trusted documents, only those run, whole or by hash.
#[tokio::test]
async fn only_trusted_documents_run_when_a_manifest_is_given() {
    let manifest = std::env::temp_dir().join(format!("tsunagu-trusted-{}.json", std::process::id()));
    let trusted = "query Me { me { user { id } } }";
    // The manifest holds the test client's own login too (keys are ignored: hashes are computed).
    let login = "mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }";
    std::fs::write(&manifest, json!({"some-key": trusted, "login": login}).to_string()).unwrap();
    let app = TestApp::start_with(Backend::Sqlite, &[("TRUSTED_DOCUMENTS", manifest.to_str().unwrap())]).await;
    let other_login = app
        .anonymous
        .gql(
            "mutation { login(email: \"x@y.test\", password: \"whatever\") { token } }",
            json!({}),
        )
        .await
        .unwrap();
    assert_eq!(other_login.code(), Some("BAD_USER_INPUT"), "{:?}", other_login.errors);
    let me = app.admin.gql(trusted, json!({})).await.unwrap();
    assert!(me.errors.is_empty(), "{:?}", me.errors);
    let hash = format!("{:x}", Sha256::digest(trusted.as_bytes()));
    let by_hash = app
        .admin
        .post_json(json!({"extensions": {"persistedQuery": {"version": 1, "sha256Hash": hash}}}))
        .await
        .unwrap();
    assert_eq!(by_hash.data, me.data);
    let other = app
        .admin
        .gql("{ me { user { displayName } } }", json!({}))
        .await
        .unwrap();
    assert_eq!(other.code(), Some("BAD_USER_INPUT"));
    std::fs::remove_file(manifest).ok();
}

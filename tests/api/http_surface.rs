//! What every HTTP answer carries and what the GraphQL endpoint does with GET: security
//! headers, no caching of personal data, HSTS when configured, GraphiQL served with its own
//! assets under a strict policy (and turned off on request), queries over GET while
//! mutations need POST, and connections that send no headers cut off.

use std::time::Duration;

use serde_json::{json, Value};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::helpers::*;

crate::on_both_backends!(answers_carry_security_headers_and_get_reads_only);

async fn answers_carry_security_headers_and_get_reads_only(backend: Backend) {
    let app = TestApp::start_with(
        backend,
        &[
            ("HSTS_MAX_AGE_SECONDS", "31536000"),
            ("HTTP_HEADER_READ_TIMEOUT_SECONDS", "1"),
        ],
    )
    .await;
    let http = reqwest::Client::new();
    let base = &app.server.base_url;

    let answer = http
        .post(format!("{base}/graphql"))
        .bearer_auth(app.admin.token().unwrap())
        .json(&json!({"query": "{ me { user { id } } }"}))
        .send()
        .await
        .unwrap();
    let headers = answer.headers().clone();
    for (name, value) in [
        ("x-content-type-options", "nosniff"),
        ("x-frame-options", "DENY"),
        ("referrer-policy", "same-origin"),
        ("cache-control", "no-store"),
        ("strict-transport-security", "max-age=31536000; includeSubDomains"),
    ] {
        assert_eq!(headers.get(name).and_then(|v| v.to_str().ok()), Some(value), "{name}");
    }
    assert!(headers["content-security-policy"]
        .to_str()
        .unwrap()
        .contains("default-src 'none'"));

    // GraphiQL: a page with no inline script and nothing from another origin.
    let page = http
        .get(format!("{base}/graphql"))
        .header("accept", "text/html")
        .send()
        .await
        .unwrap();
    let csp = page.headers()["content-security-policy"].to_str().unwrap().to_owned();
    assert!(
        csp.contains("script-src 'self'") && !csp.contains("unsafe-eval"),
        "{csp}"
    );
    let html = page.text().await.unwrap();
    assert!(
        !html.contains("http://") && !html.contains("https://"),
        "no third-party origin"
    );
    let scripts: Vec<&str> = html.split("<script").skip(1).collect();
    assert!(
        !scripts.is_empty()
            && scripts
                .iter()
                .all(|s| s.trim_start().starts_with("src=\"/graphql/assets/"))
    );
    for asset in [
        "graphiql.min.js",
        "graphiql.min.css",
        "react.production.min.js",
        "graphiql-start.js",
    ] {
        let served = http.get(format!("{base}/graphql/assets/{asset}")).send().await.unwrap();
        assert_eq!(served.status(), 200, "{asset}");
        assert!(served.bytes().await.unwrap().len() > 100, "{asset}");
    }

    // GraphQL over GET: a query is answered, a mutation needs POST.
    let read: Value = http
        .get(format!("{base}/graphql"))
        .query(&[("query", "{ __typename }")])
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(read["data"]["__typename"], "Query");
    let write = http
        .get(format!("{base}/graphql"))
        .query(&[("query", "mutation { logout }")])
        .bearer_auth(app.admin.token().unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(write.status(), 405);
    assert!(
        app.admin.ok("{ me { user { id } } }", json!({})).await.is_ok(),
        "still logged in"
    );

    // A connection that never finishes its headers is closed by the server.
    let address = base.trim_start_matches("http://");
    let mut silent = tokio::net::TcpStream::connect(address).await.unwrap();
    silent.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n").await.unwrap();
    let mut buffer = [0u8; 512];
    let read = tokio::time::timeout(Duration::from_secs(5), silent.read(&mut buffer)).await;
    assert!(
        matches!(read, Ok(Ok(_)) | Ok(Err(_))),
        "the server closes (or answers 408 on) a connection without headers"
    );
}

/// GraphiQL can be turned off: a GET without a query is then a plain refusal.
#[tokio::test]
async fn graphiql_can_be_turned_off() {
    let app = TestApp::start_with(Backend::Sqlite, &[("GRAPHIQL", "false")]).await;
    let answer = reqwest::get(format!("{}/graphql", app.server.base_url)).await.unwrap();
    assert_eq!(answer.status(), 400);
    assert!(!answer.text().await.unwrap().contains("<html"));
}

//! The web app at `/`: served by the binary with its security and caching headers, client-side
//! routes answered by the app's shell; and the account's language, which the app switches.

use serde_json::json;

use crate::helpers::*;
use crate::world::*;

crate::on_both_backends!(the_app_is_served_at_the_root, the_language_is_kept_per_account,);

async fn the_app_is_served_at_the_root(backend: Backend) {
    let app = TestApp::start(backend).await;
    let http = reqwest::Client::new();
    let base = &app.server.base_url;
    let index = http.get(format!("{base}/")).send().await.unwrap();
    assert_eq!(index.status(), 200);
    let csp = index.headers()["content-security-policy"].to_str().unwrap().to_owned();
    assert!(
        csp.contains("script-src 'self'") && csp.contains("default-src 'self'"),
        "{csp}"
    );
    assert!(!csp.contains("unsafe-inline"), "{csp}");
    assert_eq!(index.headers()["cache-control"], "no-cache");
    assert!(index.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/html"));
    let html = index.text().await.unwrap();
    assert!(html.contains("<div id=\"app\"></div>"), "{html}");
    // No inline script: every script has a src on our own origin.
    assert!(!html.contains("<script>") && !html.contains("http://") && !html.contains("https://"));
    let asset = html
        .split("src=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("a script");
    let script = http.get(format!("{base}{asset}")).send().await.unwrap();
    assert_eq!(script.status(), 200);
    assert!(script.headers()["cache-control"]
        .to_str()
        .unwrap()
        .contains("immutable"));
    assert!(script.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/javascript"));

    // A client-side route gets the shell; a missing file does not.
    let route = http
        .get(format!("{base}/children/abc/attendance"))
        .send()
        .await
        .unwrap();
    assert_eq!(route.status(), 200);
    assert!(route.text().await.unwrap().contains("id=\"app\""));
    let missing = http.get(format!("{base}/assets/nothing-here.js")).send().await.unwrap();
    assert_eq!(missing.status(), 404);
    // Paths are never decoded into a way out of the app's folder: at most the shell answers.
    for sneaky in ["/..%2f..%2fetc/passwd", "/assets/..%2f..%2f..%2fCargo.toml"] {
        let body = http
            .get(format!("{base}{sneaky}"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(!body.contains("root:") && !body.contains("[workspace]"), "{sneaky}");
    }
    for file in ["sw.js", "manifest.webmanifest"] {
        let response = http.get(format!("{base}/{file}")).send().await.unwrap();
        assert_eq!(response.status(), 200, "{file}");
        assert_eq!(response.headers()["cache-control"], "no-cache", "{file}");
        // The service worker runs under the policy it is served with: the app's, which lets
        // it fetch and cache the app shell (the API's default policy allows nothing).
        let policy = response.headers()["content-security-policy"].to_str().unwrap();
        assert!(policy.contains("connect-src 'self'"), "{file}: {policy}");
    }
    // The API is where it was.
    let health = http.get(format!("{base}/healthz")).send().await.unwrap();
    assert_eq!(health.text().await.unwrap(), "ok");
}

async fn the_language_is_kept_per_account(backend: Backend) {
    let app = TestApp::start(backend).await;
    let world = World::build(&app).await;
    let set = world
        .guardian_1
        .ok("mutation { setLocale(locale: \"en\") { locale } }", json!({}))
        .await
        .unwrap();
    assert_eq!(set["setLocale"]["locale"], "en");
    let me = world
        .guardian_1
        .ok("{ me { user { locale } } }", json!({}))
        .await
        .unwrap();
    assert_eq!(me["me"]["user"]["locale"], "en");
    let other = world
        .guardian_1b
        .ok("{ me { user { locale } } }", json!({}))
        .await
        .unwrap();
    assert_eq!(
        other["me"]["user"]["locale"], "ja-JP",
        "only the caller's own account changes"
    );
    let refused = world
        .staff_a
        .gql("mutation { setLocale(locale: \"fr\") { locale } }", json!({}))
        .await
        .unwrap();
    assert_eq!(refused.code(), Some("BAD_USER_INPUT"));
    assert_eq!(refused.field(), Some("locale"));
    let anonymous = tsunagu_client::Client::new(&app.server.base_url)
        .gql("mutation { setLocale(locale: \"ja\") { locale } }", json!({}))
        .await
        .unwrap();
    assert_eq!(anonymous.code(), Some("UNAUTHENTICATED"));
}

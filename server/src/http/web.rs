//! The web app (`clients/web`) at `/`: the built files are embedded in the binary, so a fresh
//! clone's `cargo run` serves the app without Node.js; `WEB_DIR` serves a directory instead
//! (development). Navigation paths fall back to `index.html` (the app routes on the client);
//! hashed assets are cached for a year, everything else revalidated; HTML carries a strict
//! Content-Security-Policy (no inline script, nothing from another origin).

use std::path::{Component, Path, PathBuf};

use axum::body::Body;
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Router;
use rust_embed::RustEmbed;
use sha2::{Digest, Sha256};
use tower_http::compression::CompressionLayer;

/// The app as built by `clients/web/run-tests.sh` (committed; CI fails when it differs from a
/// fresh build of the sources).
#[derive(RustEmbed)]
#[folder = "../clients/web/dist"]
struct EmbeddedApp;

/// Only our own origin, and no inline script or style: an injected string cannot run.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; style-src 'self'; \
     img-src 'self' data:; connect-src 'self'; worker-src 'self'; manifest-src 'self'; \
     object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'";

/// Hashed file names never change content: cache them for good.
const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// The entry points (index.html, sw.js, the manifest) must be revalidated so an update is
/// seen at the next visit.
const REVALIDATE: &str = "no-cache";

/// The fallback service of the router: GET and HEAD of anything the API does not answer.
pub fn app(web_dir: Option<PathBuf>) -> Router {
    Router::new()
        .fallback(move |method: Method, uri: axum::http::Uri, headers: HeaderMap| {
            let web_dir = web_dir.clone();
            async move { serve(web_dir.as_deref(), &method, uri.path(), &headers).await }
        })
        .layer(CompressionLayer::new())
}

async fn serve(web_dir: Option<&Path>, method: &Method, path: &str, headers: &HeaderMap) -> Response {
    if method != Method::GET && method != Method::HEAD {
        return (StatusCode::METHOD_NOT_ALLOWED, [(header::ALLOW, "GET, HEAD")]).into_response();
    }
    let Some(relative) = relative_path(path) else {
        return not_found();
    };
    let (name, bytes) = match read(web_dir, &relative).await {
        Some(bytes) => (relative, bytes),
        // A client-side route (no file extension): the app's shell answers and routes itself.
        None if !has_extension(&relative) => match read(web_dir, "index.html").await {
            Some(bytes) => ("index.html".to_owned(), bytes),
            None => return not_found(),
        },
        None => return not_found(),
    };
    respond(method, &name, bytes, headers)
}

/// The request path as a relative file name, or None when it tries to leave the app's folder.
fn relative_path(path: &str) -> Option<String> {
    let trimmed = path.trim_start_matches('/');
    let relative = if trimmed.is_empty() { "index.html" } else { trimmed };
    let safe = Path::new(relative)
        .components()
        .all(|c| matches!(c, Component::Normal(_)));
    safe.then(|| relative.to_owned())
}

fn has_extension(relative: &str) -> bool {
    relative.rsplit('/').next().is_some_and(|last| last.contains('.'))
}

async fn read(web_dir: Option<&Path>, relative: &str) -> Option<Vec<u8>> {
    match web_dir {
        Some(dir) => tokio::fs::read(dir.join(relative)).await.ok(),
        None => EmbeddedApp::get(relative).map(|file| file.data.into_owned()),
    }
}

fn respond(method: &Method, name: &str, bytes: Vec<u8>, headers: &HeaderMap) -> Response {
    let etag = format!("\"{}\"", hex(&Sha256::digest(&bytes)[..16]));
    let cache = if name.starts_with("assets/") {
        IMMUTABLE
    } else {
        REVALIDATE
    };
    let mut response = if headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|tag| tag.trim() == etag))
    {
        StatusCode::NOT_MODIFIED.into_response()
    } else if method == Method::HEAD {
        Response::new(Body::empty())
    } else {
        Response::new(Body::from(bytes))
    };
    let out = response.headers_mut();
    out.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type(name)));
    out.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    out.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    if let Ok(value) = HeaderValue::from_str(&etag) {
        out.insert(header::ETAG, value);
    }
    // On every file, not just pages: a worker script (sw.js) runs under the policy it is
    // served with, and the server's default for other answers allows nothing at all.
    out.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CONTENT_SECURITY_POLICY),
    );
    if name.ends_with(".html") {
        out.insert(header::REFERRER_POLICY, HeaderValue::from_static("same-origin"));
        out.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    }
    if name == "sw.js" {
        // The worker may control the whole origin (it is served from the root anyway).
        out.insert("service-worker-allowed", HeaderValue::from_static("/"));
    }
    response
}

fn content_type(name: &str) -> &'static str {
    match name.rsplit('.').next().unwrap_or_default() {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "webmanifest" => "application/manifest+json",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "txt" => "text/plain; charset=utf-8",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
}

fn not_found() -> Response {
    (StatusCode::NOT_FOUND, "not found").into_response()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_stay_inside_the_app() {
        assert_eq!(relative_path("/").as_deref(), Some("index.html"));
        assert_eq!(relative_path("/assets/app-1.js").as_deref(), Some("assets/app-1.js"));
        assert_eq!(relative_path("/../etc/passwd"), None);
        assert_eq!(relative_path("/a/../../b"), None);
        assert!(!has_extension("children/abc/day"));
        assert!(has_extension("assets/x.js"));
    }
}

//! Headers every answer carries: no MIME sniffing, no framing by other sites, no referrer
//! leaving for other origins, a restrictive Content-Security-Policy unless the page set its
//! own (the app's pages and GraphiQL do), HSTS when the deployment says it is served over
//! https, and `Cache-Control: no-store` on answers that may hold personal data, so no shared
//! cache or browser disk keeps a child's records.

use axum::http::{header, HeaderName, HeaderValue};
use axum::Router;
use tower_http::set_header::SetResponseHeaderLayer;

/// For answers that are not pages: nothing may be loaded or framed from them.
const API_CSP: &str = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

/// Adds the headers every answer carries.
pub(super) fn secure(router: Router, hsts_max_age_seconds: u64) -> Router {
    let router = router
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_FRAME_OPTIONS,
            HeaderValue::from_static("DENY"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::REFERRER_POLICY,
            HeaderValue::from_static("same-origin"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            HeaderName::from_static("cross-origin-opener-policy"),
            HeaderValue::from_static("same-origin"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(API_CSP),
        ));
    if hsts_max_age_seconds == 0 {
        return router;
    }
    let value = HeaderValue::from_str(&format!("max-age={hsts_max_age_seconds}; includeSubDomains"))
        .expect("a number makes a valid header value");
    router.layer(SetResponseHeaderLayer::overriding(
        header::STRICT_TRANSPORT_SECURITY,
        value,
    ))
}

/// Cross-origin access for browser apps served elsewhere (a development server, a city's own
/// portal): only the listed origins, only GET and POST, only the headers the API reads. The
/// API's credentials are bearer tokens, never cookies, so no credentials mode is allowed.
pub(super) fn cors(allowed_origins: &[String]) -> tower_http::cors::CorsLayer {
    use tower_http::cors::{AllowOrigin, CorsLayer};
    let origins: Vec<HeaderValue> = allowed_origins
        .iter()
        .map(|origin| origin.trim())
        .filter(|origin| !origin.is_empty())
        .filter_map(|origin| HeaderValue::from_str(origin).ok())
        .collect();
    CorsLayer::new()
        .allow_origin(AllowOrigin::list(origins))
        .allow_methods([axum::http::Method::GET, axum::http::Method::POST])
        .allow_headers([header::AUTHORIZATION, header::CONTENT_TYPE, header::ACCEPT])
        .max_age(std::time::Duration::from_secs(600))
}

/// For the routes whose answers may hold personal data (GraphQL, CSV).
pub(super) fn no_store<S: Clone + Send + Sync + 'static>(router: Router<S>) -> Router<S> {
    router.layer(SetResponseHeaderLayer::overriding(
        header::CACHE_CONTROL,
        HeaderValue::from_static("no-store"),
    ))
}

//! GraphiQL, the API's in-browser IDE, served by the binary itself: the page, its start
//! script and the pinned GraphiQL and React builds (`server/assets/graphiql`), kept
//! gzip-compressed in the binary. Its policy allows scripts from this origin only; styles may
//! be inline because GraphiQL's editor writes them at run time.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

const PAGE: &str = r#"<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Tsunagu GraphiQL</title>
<link rel="stylesheet" href="/graphql/assets/graphiql.min.css">
<style>body { margin: 0; height: 100vh; } #graphiql { height: 100vh; }</style>
</head>
<body>
<div id="graphiql">Loading GraphiQL…</div>
<script src="/graphql/assets/react.production.min.js"></script>
<script src="/graphql/assets/react-dom.production.min.js"></script>
<script src="/graphql/assets/graphiql.min.js"></script>
<script src="/graphql/assets/graphiql-start.js"></script>
</body>
</html>
"#;

const PAGE_CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; \
    img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; \
    base-uri 'none'; form-action 'none'";

/// The page.
pub(super) fn page() -> Response {
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/html; charset=utf-8"),
            ),
            (header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(PAGE_CSP)),
        ],
        PAGE,
    )
        .into_response()
}

/// One of its files, by name.
pub(super) async fn asset(axum::extract::Path(name): axum::extract::Path<String>) -> Response {
    let (gzipped, content_type): (&'static [u8], &str) = match name.as_str() {
        "graphiql.min.js" => (
            include_bytes!("../../assets/graphiql/graphiql.min.js.gz"),
            "text/javascript",
        ),
        "graphiql.min.css" => (include_bytes!("../../assets/graphiql/graphiql.min.css.gz"), "text/css"),
        "react.production.min.js" => (
            include_bytes!("../../assets/graphiql/react.production.min.js.gz"),
            "text/javascript",
        ),
        "react-dom.production.min.js" => (
            include_bytes!("../../assets/graphiql/react-dom.production.min.js.gz"),
            "text/javascript",
        ),
        "graphiql-start.js" => {
            return (
                [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
                include_str!("../../assets/graphiql/graphiql-start.js"),
            )
                .into_response()
        }
        _ => return StatusCode::NOT_FOUND.into_response(),
    };
    // Every browser accepts gzip; the files are pinned, so they may be cached for a day.
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CONTENT_ENCODING, "gzip"),
            (header::CACHE_CONTROL, "public, max-age=86400"),
        ],
        gzipped,
    )
        .into_response()
}

//! GraphQL over HTTP as the GraphQL-over-HTTP specification and the ecosystem's clients
//! expect it: `POST /graphql` with a JSON body, `GET /graphql?query=…` for reads (mutations
//! need POST: 405), GraphiQL for a browser's plain GET. The answer's media type follows the
//! `Accept` header — `application/graphql-response+json` when the client asks for it, with 400
//! for a request that could not run at all (unparseable, invalid, bad variables);
//! `application/json` otherwise (no `Accept`, `*/*`, `application/json`), always with 200 for a
//! request that was read.

use std::net::SocketAddr;

use async_graphql_axum::rejection::GraphQLRejection;
use async_graphql_axum::GraphQLRequest;
use axum::extract::{ConnectInfo, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

use super::{client_ip, graphiql, AppState};
use crate::error::AppError;
use crate::graphql::RequestContext;

const GRAPHQL_RESPONSE_JSON: &str = "application/graphql-response+json";
const JSON: &str = "application/json";

/// The media type the client will read the answer in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Answer {
    GraphQLResponseJson,
    Json,
}

impl Answer {
    /// `application/graphql-response+json` when the client lists it before (or instead of)
    /// `application/json`; plain JSON for everyone else, including clients that send no Accept.
    fn negotiate(headers: &HeaderMap) -> Answer {
        let accept = headers
            .get_all(header::ACCEPT)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .map(|v| v.split(';').next().unwrap_or_default().trim().to_ascii_lowercase());
        for media_type in accept {
            match media_type.as_str() {
                GRAPHQL_RESPONSE_JSON => return Answer::GraphQLResponseJson,
                JSON | "*/*" | "application/*" => return Answer::Json,
                _ => {}
            }
        }
        Answer::Json
    }

    fn content_type(self) -> HeaderValue {
        HeaderValue::from_static(match self {
            Answer::GraphQLResponseJson => "application/graphql-response+json; charset=utf-8",
            Answer::Json => "application/json; charset=utf-8",
        })
    }
}

/// `POST /graphql`.
pub(super) async fn post(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    request: Result<GraphQLRequest, GraphQLRejection>,
) -> Response {
    let answer = Answer::negotiate(&headers);
    let request = match request {
        Ok(request) => request.into_inner(),
        Err(rejection) => return unreadable(answer, rejection),
    };
    execute(&state, peer, &headers, answer, request).await
}

/// `GET /graphql`: a query in the URL (reads only), else GraphiQL.
pub(super) async fn get(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    uri: axum::http::Uri,
    request: Result<GraphQLRequest, GraphQLRejection>,
) -> Response {
    let answer = Answer::negotiate(&headers);
    let asks_a_query = uri.query().is_some_and(|q| {
        q.split('&')
            .any(|pair| pair.starts_with("query=") || pair.starts_with("extensions="))
    });
    if !asks_a_query {
        if state.services.config.graphiql {
            return graphiql::page();
        }
        return refusal(
            answer,
            StatusCode::BAD_REQUEST,
            "no query: send GET /graphql?query=… or POST /graphql",
        );
    }
    let request = match request {
        Ok(request) => request.into_inner(),
        Err(rejection) => return unreadable(answer, rejection),
    };
    if is_mutation(&request) {
        let mut response = refusal(answer, StatusCode::METHOD_NOT_ALLOWED, "mutations are sent with POST");
        response
            .headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("POST"));
        return response;
    }
    execute(&state, peer, &headers, answer, request).await
}

async fn execute(
    state: &AppState,
    peer: SocketAddr,
    headers: &HeaderMap,
    answer: Answer,
    request: async_graphql::Request,
) -> Response {
    let authorization = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let client_ip = client_ip(state, headers, peer);
    // A stale or revoked token makes the caller anonymous rather than failing the request:
    // operations that need a caller then answer UNAUTHENTICATED, and `login` still works.
    let actor = match &authorization {
        None => None,
        Some(value) => match crate::auth::actor_for_token(&state.services.sessions, value).await {
            Ok(actor) => Some(actor),
            Err(AppError::Unauthenticated) => None,
            Err(err) => {
                let error = async_graphql::Error::from(err).into_server_error(async_graphql::Pos::default());
                return respond(answer, async_graphql::Response::from_errors(vec![error]));
            }
        },
    };
    let device = headers
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .map(crate::domain::accounts::device_label)
        .unwrap_or_default();
    let context = RequestContext {
        actor,
        authorization,
        client_ip,
        device,
        live_from: None,
    };
    respond(
        answer,
        super::health::execute(&state.schema, request.data(context)).await,
    )
}

fn respond(answer: Answer, response: async_graphql::Response) -> Response {
    let refused = crate::graphql::did_not_run(&response);
    let status = if answer == Answer::GraphQLResponseJson && refused {
        StatusCode::BAD_REQUEST
    } else {
        StatusCode::OK
    };
    // A request that did not run has no `data` entry at all (the specification's "not
    // executed"), rather than `data: null`, which would say it ran and failed.
    let body = if refused {
        serde_json::json!({ "errors": response.errors })
    } else {
        serde_json::to_value(&response).unwrap_or_default()
    };
    let mut http = (status, body.to_string()).into_response();
    http.headers_mut().insert(header::CONTENT_TYPE, answer.content_type());
    // The database is out of reach: a retryable 503, whatever media type was asked for.
    if super::health::is_unavailable(&response) {
        *http.status_mut() = StatusCode::SERVICE_UNAVAILABLE;
        http.headers_mut()
            .insert(header::RETRY_AFTER, super::health::retry_after());
    }
    for (name, value) in response.http_headers.iter() {
        http.headers_mut().append(name, value.clone());
    }
    http
}

/// Whether the operation the request names is a mutation.
fn is_mutation(request: &async_graphql::Request) -> bool {
    let Ok(document) = async_graphql::parser::parse_query(&request.query) else {
        return false;
    };
    let wanted = request.operation_name.as_deref();
    document.operations.iter().any(|(name, operation)| {
        (wanted.is_none() || name.map(|n| n.as_str()) == wanted)
            && operation.node.ty == async_graphql::parser::types::OperationType::Mutation
    })
}

/// A refusal outside GraphQL execution, in the API's error shape.
fn refusal(answer: Answer, status: StatusCode, message: &str) -> Response {
    let body = serde_json::json!({"errors": [{"message": message, "extensions": {"code": "BAD_USER_INPUT"}}]});
    let mut response = (status, body.to_string()).into_response();
    response
        .headers_mut()
        .insert(header::CONTENT_TYPE, answer.content_type());
    response
}

/// A body that is not a GraphQL request (not JSON, wrong media type, too large): 4xx with a
/// GraphQL error, whatever the client accepts.
fn unreadable(answer: Answer, rejection: GraphQLRejection) -> Response {
    let message = rejection.0.to_string();
    let status = if message.contains("length limit") || message.contains("too large") {
        StatusCode::PAYLOAD_TOO_LARGE
    } else if message.to_ascii_lowercase().contains("content-type") || message.contains("content type") {
        StatusCode::UNSUPPORTED_MEDIA_TYPE
    } else {
        StatusCode::BAD_REQUEST
    };
    refusal(answer, status, &format!("unreadable request: {message}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn accepting(value: &str) -> Answer {
        let mut headers = HeaderMap::new();
        headers.insert(header::ACCEPT, HeaderValue::from_str(value).unwrap());
        Answer::negotiate(&headers)
    }

    #[test]
    fn the_answer_is_in_the_media_type_the_client_prefers() {
        assert_eq!(Answer::negotiate(&HeaderMap::new()), Answer::Json);
        assert_eq!(accepting("*/*"), Answer::Json);
        assert_eq!(accepting("application/json"), Answer::Json);
        assert_eq!(
            accepting("application/graphql-response+json"),
            Answer::GraphQLResponseJson
        );
        assert_eq!(
            accepting("application/graphql-response+json, application/json;q=0.9"),
            Answer::GraphQLResponseJson
        );
        assert_eq!(
            accepting("application/json, application/graphql-response+json"),
            Answer::Json
        );
        assert_eq!(accepting("text/html"), Answer::Json);
    }
}

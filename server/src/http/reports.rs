//! `GET /reports/nursery-days.csv`: the nursery-day report for spreadsheets, authenticated with
//! the same bearer token as the API and decided by the same policy. Query parameters:
//! `municipalityId`, `from`, `to` (YYYY-MM-DD), optional `nurseryId`, `lang=ja|en` (headers;
//! Japanese by default). Refusals are JSON in the API's error shape, with its codes.

use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use super::AppState;
use crate::error::AppError;
use crate::graphql::scalars::parse_date;
use crate::service::reports::{self, csv};

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct CsvParams {
    municipality_id: Option<String>,
    from: Option<String>,
    to: Option<String>,
    nursery_id: Option<String>,
    lang: Option<String>,
}

pub(super) async fn nursery_days_csv(
    State(state): State<AppState>,
    headers: HeaderMap,
    params: Result<Query<CsvParams>, axum::extract::rejection::QueryRejection>,
) -> Response {
    match render(&state, &headers, params).await {
        Ok((filename, body)) => (
            [
                (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"{filename}\""),
                ),
                (header::CACHE_CONTROL, "no-store".to_owned()),
            ],
            body,
        )
            .into_response(),
        Err(err) => error_response(err),
    }
}

async fn render(
    state: &AppState,
    headers: &HeaderMap,
    params: Result<Query<CsvParams>, axum::extract::rejection::QueryRejection>,
) -> Result<(String, Vec<u8>), AppError> {
    let authorization = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .ok_or(AppError::Unauthenticated)?;
    let actor = crate::auth::actor_for_token(&state.services.sessions, authorization).await?;
    let Query(params) = params.map_err(|e| AppError::bad_input("query", e.body_text()))?;
    let required = |value: Option<String>, field: &str| {
        value.ok_or_else(|| AppError::bad_input(field, format!("{field} is required")))
    };
    let date = |value: Option<String>, field: &str| {
        let text = required(value, field)?;
        parse_date(&text).ok_or_else(|| AppError::bad_input(field, format!("{text:?} is not a date (YYYY-MM-DD)")))
    };
    let municipality_id = required(params.municipality_id, "municipalityId")?;
    let from = date(params.from, "from")?;
    let to = date(params.to, "to")?;
    let language = csv::HeaderLanguage::parse(params.lang.as_deref())
        .ok_or_else(|| AppError::bad_input("lang", "lang is ja or en"))?;
    let svc = &state.services;
    let scope = reports::report_scope(svc, &actor, &municipality_id, params.nursery_id.as_deref(), from, to).await?;
    let days = reports::nursery_days(svc, &scope).await?;
    let body = csv::render(&scope, &days, language).map_err(AppError::Internal)?;
    Ok((format!("nursery-days-{from}-{to}.csv"), body))
}

fn error_response(err: AppError) -> Response {
    let status = match &err {
        AppError::Unauthenticated => StatusCode::UNAUTHORIZED,
        AppError::Forbidden => StatusCode::FORBIDDEN,
        AppError::NotFound => StatusCode::NOT_FOUND,
        AppError::BadInput { .. } => StatusCode::BAD_REQUEST,
        AppError::Conflict { .. } => StatusCode::CONFLICT,
        AppError::RateLimited { .. } => StatusCode::TOO_MANY_REQUESTS,
        AppError::Unavailable => return super::health::unavailable(err.to_string()),
        AppError::Internal(source) => {
            tracing::error!(error = ?source, "CSV export failed");
            StatusCode::INTERNAL_SERVER_ERROR
        }
    };
    let mut extensions = serde_json::json!({ "code": err.code() });
    if let AppError::BadInput { field, .. } = &err {
        extensions["field"] = field.as_str().into();
    }
    let body = serde_json::json!({ "errors": [{ "message": err.to_string(), "extensions": extensions }] });
    (status, axum::Json(body)).into_response()
}

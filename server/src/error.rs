//! One error type for the whole service, mapped to the contract's error codes. Internal detail
//! is logged here and never sent to the client.

use async_graphql::ErrorExtensions;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("authentication required")]
    Unauthenticated,
    #[error("not allowed")]
    Forbidden,
    /// Does not exist, or exists outside the caller's scope: never say which.
    #[error("not found")]
    NotFound,
    #[error("{message}")]
    BadInput { field: String, message: String },
    #[error("{message}")]
    Conflict {
        message: String,
        current_revision: Option<i64>,
    },
    #[error("too many attempts; retry in {retry_after_secs} s")]
    RateLimited { retry_after_secs: u64 },
    /// The database is out of reach for now: the client should retry shortly.
    #[error("temporarily unavailable; retry shortly")]
    Unavailable,
    #[error("internal error")]
    Internal(#[source] anyhow::Error),
}

pub type AppResult<T> = Result<T, AppError>;

/// What an UNAVAILABLE answer asks the client to wait before retrying (`Retry-After`).
pub const UNAVAILABLE_RETRY_AFTER_SECS: u64 = 2;

impl AppError {
    pub fn bad_input(field: impl Into<String>, message: impl Into<String>) -> Self {
        AppError::BadInput {
            field: field.into(),
            message: message.into(),
        }
    }

    pub fn conflict(message: impl Into<String>) -> Self {
        AppError::Conflict {
            message: message.into(),
            current_revision: None,
        }
    }

    pub fn code(&self) -> &'static str {
        match self {
            AppError::Unauthenticated => "UNAUTHENTICATED",
            AppError::Forbidden => "FORBIDDEN",
            AppError::NotFound => "NOT_FOUND",
            AppError::BadInput { .. } => "BAD_USER_INPUT",
            AppError::Conflict { .. } => "CONFLICT",
            AppError::RateLimited { .. } => "RATE_LIMITED",
            AppError::Unavailable => "UNAVAILABLE",
            AppError::Internal(_) => "INTERNAL",
        }
    }
}

impl From<crate::store::StoreError> for AppError {
    fn from(err: crate::store::StoreError) -> Self {
        use crate::store::StoreError;
        match err {
            StoreError::NotFound => AppError::NotFound,
            StoreError::Conflict(message) => AppError::conflict(message),
            StoreError::BadInput { field, message } => AppError::BadInput { field, message },
            StoreError::StaleRevision(current) => AppError::Conflict {
                message: format!("someone saved this first; the current revision is {current}"),
                current_revision: Some(current),
            },
            StoreError::Unavailable(reason) => {
                tracing::warn!(%reason, "database unreachable");
                AppError::Unavailable
            }
            StoreError::Database(err) => AppError::Internal(err.into()),
            StoreError::Other(err) => AppError::Internal(err),
        }
    }
}

impl From<AppError> for async_graphql::Error {
    fn from(err: AppError) -> Self {
        if let AppError::Internal(source) = &err {
            tracing::error!(error = ?source, "internal error");
        }
        let code = err.code();
        async_graphql::Error::new(err.to_string()).extend_with(|_, ext| {
            ext.set("code", code);
            match &err {
                AppError::BadInput { field, .. } => ext.set("field", field.as_str()),
                AppError::Conflict {
                    current_revision: Some(rev),
                    ..
                } => ext.set("currentRevision", *rev),
                AppError::RateLimited { retry_after_secs } => ext.set("retryAfterSeconds", *retry_after_secs),
                AppError::Unavailable => ext.set("retryAfterSeconds", UNAVAILABLE_RETRY_AFTER_SECS),
                _ => {}
            }
        })
    }
}

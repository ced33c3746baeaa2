//! The single error shape of the API: `{"error": {"code", "message"}}` (plus `suggestion` when
//! a corrected query can be offered), with the right status. Handlers return
//! `Result<_, ApiError>`, so the shape is decided here and nowhere else.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;

use crate::index::IndexError;
use crate::search::SearchError;

#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
    pub suggestion: Option<String>,
}

#[derive(Serialize)]
struct Body<'a> {
    error: Inner<'a>,
}

#[derive(Serialize)]
struct Inner<'a> {
    code: &'a str,
    message: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    suggestion: Option<&'a str>,
}

impl ApiError {
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        ApiError {
            status,
            code,
            message: message.into(),
            suggestion: None,
        }
    }

    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, "not_found", message)
    }

    pub fn internal(context: &str, error: impl std::fmt::Display) -> Self {
        // The detail goes to the log, not to the client.
        tracing::error!("{context}: {error}");
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            format!("{context} failed; the server log has the details"),
        )
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = Body {
            error: Inner {
                code: self.code,
                message: &self.message,
                suggestion: self.suggestion.as_deref(),
            },
        };
        (self.status, Json(body)).into_response()
    }
}

impl From<SearchError> for ApiError {
    fn from(e: SearchError) -> Self {
        match e {
            SearchError::Query(q) => ApiError {
                status: StatusCode::BAD_REQUEST,
                code: "invalid_query",
                message: q.to_string(),
                suggestion: q.suggestion,
            },
            SearchError::Parameter { .. } => {
                ApiError::new(StatusCode::BAD_REQUEST, "invalid_parameter", e.to_string())
            }
            SearchError::Index(e) => ApiError::from(e),
        }
    }
}

impl From<IndexError> for ApiError {
    fn from(e: IndexError) -> Self {
        match e {
            IndexError::Locked { .. } => {
                ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "locked", e.to_string())
            }
            other => ApiError::internal("the index operation", other),
        }
    }
}

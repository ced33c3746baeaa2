//! The single error shape of the API: `{"error": {"code", "message"}}` (plus `suggestion` when
//! a corrected query can be offered), with the right status. Handlers return
//! `Result<_, ApiError>`, so the shape is decided here and nowhere else.

use axum::body::{Bytes, HttpBody};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::{BoxError, Json};
use serde::Serialize;

use thb_engine::index::IndexError;
use thb_engine::limits::MAX_BODY_BYTES;
use thb_engine::search::SearchError;

#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
    pub suggestion: Option<String>,
    /// What went wrong inside, for the server log only (never sent to the client): logged
    /// once, when the error becomes a response.
    pub detail: Option<String>,
}

/// The body of every error response.
#[derive(Serialize, utoipa::ToSchema)]
#[schema(as = Error)]
pub(crate) struct Body<'a> {
    error: Inner<'a>,
}

#[derive(Serialize, utoipa::ToSchema)]
#[schema(as = ErrorDetail)]
pub(crate) struct Inner<'a> {
    /// A stable, machine-readable code: `invalid_query`, `invalid_parameter`, `not_found`,
    /// `unauthorized`, `too_large`, `timeout`, `locked`, ….
    code: &'a str,
    /// What is wrong, in a sentence a user can act on (naming the parameter or field).
    message: &'a str,
    /// A corrected query, when one can be offered.
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
            detail: None,
        }
    }

    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, "not_found", message)
    }

    /// A request body over [`MAX_BODY_BYTES`] (413), whichever route and however it was sent.
    pub fn body_too_large() -> Self {
        Self::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "too_large",
            format!(
                "the request body is larger than the limit of {MAX_BODY_BYTES} bytes ({} MiB)",
                MAX_BODY_BYTES / (1024 * 1024)
            ),
        )
    }

    pub fn internal(context: &str, error: impl std::fmt::Display) -> Self {
        ApiError {
            detail: Some(format!("{context}: {error}")),
            ..Self::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                "internal",
                format!("{context} failed; the server log has the details"),
            )
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        if let Some(detail) = &self.detail {
            tracing::error!("{detail}");
        }
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

/// Gives every error response that did not come from a handler the API's JSON error shape:
/// the plain-text 413 of tower-http's `RequestBodyLimitLayer`, axum's empty 405, its plain-text
/// path and extractor rejections. Handlers' own errors (JSON) and the page's (HTML) pass, as do
/// all other responses. The rejection's own words, short and ours to show, become the message.
pub async fn errors_as_json<B>(response: Response<B>) -> Response
where
    B: HttpBody<Data = Bytes> + Send + 'static,
    B::Error: Into<BoxError>,
{
    let status = response.status();
    let shaped = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| {
            let v = v.as_bytes();
            v.starts_with(b"application/json") || v.starts_with(b"text/html")
        });
    if !(status.is_client_error() || status.is_server_error()) || shaped {
        return response.into_response();
    }
    if status == StatusCode::PAYLOAD_TOO_LARGE {
        return ApiError::body_too_large().into_response();
    }
    let allow = response.headers().get(header::ALLOW).cloned();
    let said = axum::body::to_bytes(axum::body::Body::new(response.into_body()), 4096)
        .await
        .ok()
        .map(|b| String::from_utf8_lossy(&b).trim().to_string())
        .filter(|s| !s.is_empty());
    let message = match (status, &allow, said) {
        (StatusCode::METHOD_NOT_ALLOWED, Some(allow), _) => format!(
            "this path does not take that method; it takes {}",
            allow.to_str().unwrap_or("other methods")
        ),
        (_, _, Some(said)) => said,
        _ => status
            .canonical_reason()
            .unwrap_or("the request failed")
            .to_lowercase(),
    };
    let code = match status {
        StatusCode::METHOD_NOT_ALLOWED => "method_not_allowed",
        StatusCode::NOT_FOUND => "not_found",
        s if s.is_server_error() => "internal",
        _ => "bad_request",
    };
    let mut shaped = ApiError::new(status, code, message).into_response();
    if let Some(allow) = allow {
        shaped.headers_mut().insert(header::ALLOW, allow);
    }
    shaped
}

impl From<SearchError> for ApiError {
    fn from(e: SearchError) -> Self {
        match e {
            SearchError::Query(q) => ApiError {
                status: StatusCode::BAD_REQUEST,
                code: "invalid_query",
                message: q.to_string(),
                suggestion: q.suggestion,
                detail: None,
            },
            SearchError::Parameter { .. } => {
                ApiError::new(StatusCode::BAD_REQUEST, "invalid_parameter", e.to_string())
            }
            SearchError::Timeout => {
                ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "timeout", e.to_string())
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

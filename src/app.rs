//! The whole service as one axum router: the API's routes and the web page's, behind the layers
//! every request passes (body limit, the JSON 413, panic to a JSON 500, tracing). `main` serves
//! it and the tests drive the same router on a real listener.
//!
//! It lives apart from `api` and `web` so that both depend on nothing above them: the page
//! uses the API's helpers, and only this module knows both.

use axum::http::StatusCode;
use axum::{Extension, Router};
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::trace::TraceLayer;

use crate::api::{self, error, write, ApiError, SharedState};
use crate::limits::MAX_BODY_BYTES;
use crate::web;

/// Every route of the service: the API and the web page.
pub fn router(state: SharedState) -> Router {
    api::routes()
        .merge(web::routes())
        .fallback(api::not_found)
        .layer(Extension(write::Writes::default()))
        .layer(RequestBodyLimitLayer::new(MAX_BODY_BYTES))
        .layer(axum::middleware::map_response(
            error::payload_too_large_as_json,
        ))
        .layer(CatchPanicLayer::custom(|_| {
            axum::response::IntoResponse::into_response(ApiError::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                "internal",
                "the server failed on this request; the server log has the details",
            ))
        }))
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}

//! The whole service as one axum router: the API's routes and the web page's, behind the layers
//! every request passes (body limit, the JSON 413, panic to a JSON 500, tracing). `main` serves
//! it and the tests drive the same router on a real listener.
//!
//! It lives apart from `api` and `web` so that both depend on nothing above them: the page
//! uses the API's helpers, and only this module knows both.

use axum::extract::Request;
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::{Extension, Router};
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::trace::TraceLayer;

use crate::api::{self, error, write, ApiError, SharedState};
use crate::web;
use thb_engine::limits::{MAX_BODY_BYTES, MAX_HEADERS, MAX_URI_BYTES};

/// Every route of the service: the API and the web page.
pub fn router(state: SharedState) -> Router {
    let routes = api::routes()
        .merge(web::routes())
        .fallback(api::not_found)
        .layer(Extension(write::Writes::default()))
        .layer(RequestBodyLimitLayer::new(MAX_BODY_BYTES))
        .layer(CatchPanicLayer::custom(|_| {
            axum::response::IntoResponse::into_response(ApiError::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                "internal",
                "the server failed on this request; the server log has the details",
            ))
        }))
        .with_state(state);
    // The layers below see each response whole, as the client will: `Router::layer` wraps each
    // route's handlers, inside the method router that adds `Allow` to its 405.
    Router::new()
        .fallback_service(routes)
        .layer(axum::middleware::map_response(error::errors_as_json))
        .layer(axum::middleware::from_fn(check_request_head))
        .layer(TraceLayer::new_for_http())
}

/// Refuses a request whose target or headers break their limit before any route sees it, in the
/// JSON error shape (hyper's own refusals, far above these limits, have empty bodies).
async fn check_request_head(request: Request, next: Next) -> Response {
    let target = request
        .uri()
        .path_and_query()
        .map_or(0, |p| p.as_str().len());
    if target > MAX_URI_BYTES {
        return ApiError::new(
            StatusCode::URI_TOO_LONG,
            "uri_too_long",
            format!("the request target is {target} bytes; the limit is {MAX_URI_BYTES} bytes"),
        )
        .into_response();
    }
    let headers = request.headers().len();
    if headers > MAX_HEADERS {
        return ApiError::new(
            StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
            "too_many_headers",
            format!("the request has {headers} headers; the limit is {MAX_HEADERS}"),
        )
        .into_response();
    }
    next.run(request).await
}

//! The whole service as one axum router: the API's routes, the web page's and `/metrics`,
//! behind the layers every request passes (request id, tracing, metrics, CORS, the request
//! head's limits, body limit, the JSON 413, panic to a JSON 500). `main` serves it and the
//! tests drive the same router on a real listener.
//!
//! It lives apart from `api` and `web` so that both depend on nothing above them: the page
//! uses the API's helpers, and only this module knows both.

use std::time::Duration;

use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderName, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Extension, Router};
use tower::ServiceBuilder;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::trace::{DefaultOnFailure, DefaultOnResponse, TraceLayer};
use tracing::Level;

use crate::api::{self, auth, error, write, ApiError, SharedState};
use crate::web;
use thb_engine::limits::{MAX_BODY_BYTES, MAX_HEADERS, MAX_URI_BYTES};

/// Every route of the service: the API, the web page and `/metrics`.
pub fn router(state: SharedState) -> Router {
    let metrics = state.metrics.clone();
    let cors = cors(&state.config.cors_origins);
    let routes = api::routes()
        .merge(web::routes())
        .route("/metrics", get(metrics_handler))
        .route("/api/openapi.json", get(openapi_handler))
        // Matched routes only: the template labels the metrics; the fallback is `unmatched`.
        .route_layer(axum::middleware::from_fn(crate::metrics::mark_route))
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
    let service = Router::new()
        .fallback_service(routes)
        .layer(axum::middleware::map_response(error::errors_as_json))
        .layer(axum::middleware::from_fn(check_request_head));
    let service = match cors {
        Some(cors) => service.layer(cors),
        None => service,
    };
    // Outermost first, as `ServiceBuilder` reads: the request id exists before the span that
    // logs it, and goes back on the response.
    service.layer(
        ServiceBuilder::new()
            .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
            .layer(
                TraceLayer::new_for_http()
                    .make_span_with(request_span)
                    .on_response(DefaultOnResponse::new().level(Level::INFO))
                    .on_failure(DefaultOnFailure::new().level(Level::ERROR)),
            )
            .layer(PropagateRequestIdLayer::x_request_id())
            .layer(axum::middleware::from_fn_with_state(
                metrics,
                crate::metrics::track,
            )),
    )
}

/// The span every log line of a request is in: its id, method and path. Not the query string
/// (a search may name a victim) and no header (they carry tokens).
fn request_span(request: &Request) -> tracing::Span {
    let id = request
        .headers()
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        // An id a proxy sent is kept when it is a plausible id; anything else is not logged.
        .filter(|v| {
            v.len() <= 64
                && v.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
        })
        .unwrap_or("invalid");
    tracing::info_span!(
        "request",
        request_id = %id,
        method = %request.method(),
        path = %request.uri().path(),
    )
}

/// `GET /api/openapi.json`: generated once, on the first request.
async fn openapi_handler() -> Response {
    static DOCUMENT: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let body = DOCUMENT.get_or_init(crate::openapi::document_json).clone();
    ([(header::CONTENT_TYPE, "application/json")], body).into_response()
}

/// `GET /metrics`: for a reader or admin token only, as the counts include restricted
/// documents (Prometheus sends it with `authorization: credentials_file`).
async fn metrics_handler(
    State(state): State<SharedState>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    if !auth::access(&headers, &state.config)?.can_read_restricted() {
        return Err(ApiError::new(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "/metrics needs a reader or admin token (Authorization: Bearer …), as its counts include restricted documents",
        ));
    }
    let text = state
        .metrics
        .render()
        .map_err(|e| ApiError::internal("the metrics", e))?;
    Ok((
        [(header::CONTENT_TYPE, crate::metrics::Metrics::CONTENT_TYPE)],
        text,
    )
        .into_response())
}

/// Browsers may call the API from the configured origins (none by default: same origin only).
fn cors(origins: &[String]) -> Option<CorsLayer> {
    if origins.is_empty() {
        return None;
    }
    let allow = if origins.iter().any(|o| o == "*") {
        AllowOrigin::any()
    } else {
        AllowOrigin::list(origins.iter().filter_map(|o| HeaderValue::from_str(o).ok()))
    };
    Some(
        CorsLayer::new()
            .allow_origin(allow)
            .allow_methods([Method::GET, Method::POST, Method::DELETE])
            .allow_headers([header::AUTHORIZATION, header::CONTENT_TYPE])
            .expose_headers([HeaderName::from_static("x-request-id")])
            .max_age(Duration::from_secs(3600)),
    )
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

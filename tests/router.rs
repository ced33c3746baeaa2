//! The service's router driven in process (`tower::ServiceExt::oneshot`, as axum's testing
//! example does): the same routes and layers as the server, without a listener or a process,
//! for what does not need the real binary. The listener's own behaviour (timeouts, connection
//! limits, signals) is tested on the real binary (`tests/attack.rs`, `tests/reliability.rs`).

use crate::common;

use std::sync::Arc;

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use axum::Router;
use serde_json::Value;
use tower::ServiceExt;

use common::fixture;
use thb_caselaw::api::AppState;
use thb_caselaw::config::Config;
use thb_engine::ingest::IngestOptions;

/// The router over an index of the API fixture; the guard keeps the index's directory.
fn router() -> (Router, tempfile::TempDir) {
    let (handle, dir, report) = common::ingested_index(fixture("api"), &IngestOptions::default());
    assert!(report.rejected.is_empty(), "{:?}", report.rejected);
    let config = Config {
        reader_tokens: vec!["in-process-reader".into()],
        ..Config::default()
    };
    (
        thb_caselaw::app::router(Arc::new(AppState::new(handle, config))),
        dir,
    )
}

async fn send(
    router: &Router,
    method: Method,
    uri: &str,
) -> (StatusCode, Vec<(String, String)>, Vec<u8>) {
    let request = Request::builder()
        .method(method)
        .uri(uri)
        .body(Body::empty())
        .unwrap();
    let response = router.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let headers = response
        .headers()
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_str().unwrap_or("").to_string()))
        .collect();
    let body = axum::body::to_bytes(response.into_body(), 8 << 20)
        .await
        .unwrap()
        .to_vec();
    (status, headers, body)
}

fn json(body: &[u8]) -> Value {
    serde_json::from_slice(body)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(body)))
}

fn header_of<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

#[tokio::test]
async fn every_answer_has_a_request_id_and_every_error_the_one_json_shape() {
    let (router, _dir) = router();
    for (method, uri, status, code) in [
        (Method::GET, "/no/such/route", 404, "not_found"),
        (Method::POST, "/api/search", 405, "method_not_allowed"),
        (Method::GET, "/api/search?q=%22forced", 400, "invalid_query"),
        (Method::GET, "/api/search?q=%FF%FE", 400, "invalid_query"),
        (
            Method::GET,
            "/api/search?country=ZZ",
            400,
            "invalid_parameter",
        ),
        (Method::GET, "/api/documents/no:such", 404, "not_found"),
        (
            Method::GET,
            "/api/documents/no:such/cited-by",
            404,
            "not_found",
        ),
        (Method::POST, "/api/citations", 400, "invalid_body"),
        (Method::GET, "/api/citations", 405, "method_not_allowed"),
        (
            Method::GET,
            "/api/search?provision=/XX/CC/1",
            400,
            "invalid_parameter",
        ),
        (Method::GET, "/metrics", 401, "unauthorized"),
    ] {
        let (got, headers, body) = send(&router, method.clone(), uri).await;
        assert_eq!(got.as_u16(), status, "{method} {uri}");
        let body = json(&body);
        assert_eq!(body["error"]["code"], code, "{method} {uri}: {body}");
        assert!(
            header_of(&headers, "x-request-id").is_some(),
            "{method} {uri}"
        );
    }
    let long = format!("/api/search?q={}", "a".repeat(9000));
    let (status, _, body) = send(&router, Method::GET, &long).await;
    assert_eq!(status, StatusCode::URI_TOO_LONG);
    assert_eq!(json(&body)["error"]["code"], "uri_too_long");
}

#[tokio::test]
async fn a_latin_query_finds_cyrillic_in_process_and_the_page_renders() {
    let (router, _dir) = router();
    let (status, _, body) = send(&router, Method::GET, "/api/search?q=trgovina").await;
    assert_eq!(status, StatusCode::OK);
    let body = json(&body);
    assert!(
        body["hits"].as_array().unwrap().iter().any(|h| h["title"]
            .as_str()
            .unwrap()
            .chars()
            .any(|c| ('а'..='я').contains(&c))),
        "a Cyrillic document for a Latin query: {body}"
    );
    let (status, headers, page) = send(&router, Method::GET, "/?q=trgovina").await;
    assert_eq!(status, StatusCode::OK);
    assert!(header_of(&headers, header::CONTENT_TYPE.as_str())
        .unwrap()
        .starts_with("text/html"));
    assert!(String::from_utf8_lossy(&page).contains("<mark>"));
    let (status, _, doc) = send(&router, Method::GET, "/api/openapi.json").await;
    assert_eq!(status, StatusCode::OK);
    assert!(json(&doc)["paths"]["/api/analyze"]["get"].is_object());
}

#[tokio::test]
async fn the_cited_by_path_names_only_the_methods_it_takes() {
    let (router, _dir) = router();
    for (uri, allow) in [
        ("/api/documents/no:such/cited-by", "GET,HEAD"),
        ("/api/documents/no:such", "GET,HEAD,DELETE"),
    ] {
        let (status, headers, body) = send(&router, Method::OPTIONS, uri).await;
        assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED, "{uri}");
        assert_eq!(header_of(&headers, "allow"), Some(allow), "{uri}");
        let message = json(&body)["error"]["message"].to_string();
        assert!(
            message.ends_with(&format!("it takes {allow}\"")),
            "{uri}: {message}"
        );
    }
}

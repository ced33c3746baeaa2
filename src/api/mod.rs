//! The HTTP API (axum): its routes ([`routes`]), the state every handler shares, and the
//! search and document helpers the web page uses too. `app::router` puts the API and the page
//! together with the service's layers.
//!
//! Searches are CPU-bound and run on the blocking pool (`spawn_blocking`), reading the shared
//! `IndexReader`, so a slow search never stalls the async workers that accept connections.

pub mod auth;
pub mod citations;
pub mod error;
pub mod related;
pub mod themes;
pub mod write;

use std::sync::Arc;
use std::time::Duration;

use axum::extract::rejection::PathRejection;
use axum::extract::{DefaultBodyLimit, Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Serialize;

pub use error::ApiError;

use crate::config::Config;
use crate::metrics::Metrics;
use auth::Access;
use thb_engine::document::Document;
use thb_engine::index::IndexHandle;
use thb_engine::limits::SEARCH_DEADLINE;
use thb_engine::search::cache::{CacheStats, ResponseCache};
use thb_engine::search::{self, SearchRequest, SearchResponse};

/// What every handler shares.
pub struct AppState {
    pub handle: Arc<IndexHandle>,
    pub config: Config,
    /// Recent search responses, shared by the API and the page.
    pub responses: Arc<ResponseCache>,
    /// What `/metrics` reports.
    pub metrics: Arc<Metrics>,
}

impl AppState {
    pub fn new(handle: IndexHandle, config: Config) -> AppState {
        let responses = Arc::new(ResponseCache::new(config.response_cache_mib << 20));
        let handle = Arc::new(handle);
        let metrics = Arc::new(Metrics::new(handle.clone(), responses.clone()));
        AppState {
            handle,
            config,
            responses,
            metrics,
        }
    }
}

pub type SharedState = Arc<AppState>;

/// The API's routes.
pub fn routes() -> Router<SharedState> {
    Router::new()
        .route("/api/search", get(search_handler))
        // Writes need an admin token and queue on `write::Writes`. axum's own 2 MB body
        // default is lifted there: `RequestBodyLimitLayer` below is the limit.
        .route(
            "/api/documents",
            post(write::post_documents).layer(DefaultBodyLimit::disable()),
        )
        .route(
            "/api/documents/{*id}",
            get(document_handler)
                .delete(write::delete_document)
                .layer(axum::middleware::from_fn(related_allows_get_only)),
        )
        .route("/api/health", get(health_handler))
        .route("/api/themes", get(themes::themes_handler))
        .route("/api/thesaurus", get(themes::thesaurus_handler))
        .route("/api/analyze", get(analyze_handler))
        .route(
            "/api/citations",
            post(citations::post_citations).layer(DefaultBodyLimit::max(CITATIONS_BODY_BYTES)),
        )
}

/// A `POST /api/citations` body: its text's limit with room for JSON's escapes; a larger body
/// is refused before it is read.
const CITATIONS_BODY_BYTES: usize = 2 * thb_engine::limits::MAX_CITATIONS_TEXT_BYTES;

/// The answer to a path no route serves.
pub async fn not_found() -> ApiError {
    ApiError::not_found(
        "no such endpoint; the API is /api/search, /api/documents/{id}, /api/documents/{id}/cited-by, /api/citations, /api/analyze, /api/themes, /api/thesaurus, /api/health and /api/openapi.json",
    )
}

/// Parses a raw query string into a search request.
pub fn search_request(raw_query: Option<&str>, access: Access) -> Result<SearchRequest, ApiError> {
    let pairs = search::request::decode_query_string(raw_query.unwrap_or(""))?;
    let mut request =
        SearchRequest::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))?;
    request.include_restricted = access.can_read_restricted();
    Ok(request)
}

/// Runs a search on the blocking pool within the search deadline. The outer error is the
/// server's (the search task failed); the inner one is the search's own, kept typed so that the
/// page can show a malformed query's column and suggestion without parsing the query again.
pub async fn run_search(
    state: &SharedState,
    request: SearchRequest,
) -> Result<Result<SearchResponse, search::SearchError>, ApiError> {
    let handle = state.handle.clone();
    let responses = state.responses.clone();
    let task =
        tokio::task::spawn_blocking(move || search::search_cached(&handle, &request, &responses));
    // The search stops itself at the deadline (`search::facets::Deadline`); the wait is
    // bounded too, a little later, for a search held up before its pass begins.
    match tokio::time::timeout(SEARCH_DEADLINE + Duration::from_secs(1), task).await {
        Ok(Ok(result)) => Ok(result),
        Ok(Err(join)) => Err(ApiError::internal("the search", join)),
        Err(_) => Ok(Err(search::SearchError::Timeout)),
    }
}

async fn search_handler(
    State(state): State<SharedState>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Result<Json<SearchResponse>, ApiError> {
    let access = auth::access(&headers, &state.config)?;
    let request = search_request(raw.as_deref(), access)?;
    Ok(Json(run_search(&state, request).await??))
}

/// Looks a document up on the blocking pool; restricted documents are 404 without a token.
pub async fn fetch_document(
    state: &SharedState,
    id: String,
    access: Access,
) -> Result<Document, ApiError> {
    let handle = state.handle.clone();
    let include_restricted = access.can_read_restricted();
    let lookup_id = id.clone();
    let found = tokio::task::spawn_blocking(move || handle.get(&lookup_id, include_restricted))
        .await
        .map_err(|e| ApiError::internal("the document lookup", e))??;
    found.ok_or_else(|| ApiError::not_found(format!("no document with id `{id}`")))
}

/// `GET /api/documents/{id}` (the document and what it cites), and `…/similar`, `…/lineage`
/// and `…/cited-by`: one route, as ids hold `/`. A suffix asks about the document before it
/// when the caller can see that one; otherwise the whole path is an id.
async fn document_handler(
    State(state): State<SharedState>,
    headers: HeaderMap,
    id: Result<Path<String>, PathRejection>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let access = auth::access(&headers, &state.config)?;
    // A path that is not UTF-8 once decoded names no document (ids are ASCII).
    let Ok(Path(id)) = id else {
        return Err(ApiError::not_found("no document has this id"));
    };
    // `…/similar` and `…/lineage` of a document the caller can see; otherwise the path is an
    // id (ids may hold `/`).
    match related::Related::of(&id) {
        Some(related::Related::Similar(of)) => {
            let limit = related::similar_limit(raw.as_deref())?;
            if let Some(similar) = related::similar(&state, of, access, limit).await? {
                return Ok(Json(similar).into_response());
            }
        }
        Some(related::Related::Lineage(of)) => {
            if let Some(lineage) = related::lineage(&state, of, access).await? {
                return Ok(Json(lineage).into_response());
            }
        }
        None => {}
    }
    // `…/cited-by` likewise.
    if let Some(cited) = id.strip_suffix(CITED_BY) {
        match fetch_document(&state, cited.to_string(), access).await {
            Ok(document) => {
                let cited_by = citations::cited_by(&state, document, access).await?;
                return Ok(Json(cited_by).into_response());
            }
            Err(e) if e.status == StatusCode::NOT_FOUND => {}
            Err(e) => return Err(e),
        }
    }
    let document = fetch_document(&state, id, access).await?;
    let citations = citations::of_document(&state, &document, access).await?;
    let chain = citations::chain_of(&state, &document, access).await?;
    Ok(Json(citations::DocumentWithCitations {
        document,
        citations,
        chain,
    })
    .into_response())
}

/// The suffix of `GET /api/documents/{id}/cited-by`.
pub const CITED_BY: &str = "/cited-by";

/// `…/cited-by`, `…/similar` and `…/lineage` share their route with the document's, which
/// also deletes: the refusal of another method names only what they take (`Allow:
/// GET,HEAD`).
async fn related_allows_get_only(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let path = request.uri().path();
    let related = [CITED_BY, "/similar", "/lineage"]
        .iter()
        .any(|suffix| path.ends_with(suffix));
    let mut response = next.run(request).await;
    if related && response.status() == StatusCode::METHOD_NOT_ALLOWED {
        response.headers_mut().insert(
            axum::http::header::ALLOW,
            axum::http::HeaderValue::from_static("GET,HEAD"),
        );
    }
    response
}

/// What `GET /api/health` answers.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct Health {
    status: &'static str,
    documents: u64,
    /// Unix time of the last commit.
    last_commit: Option<u64>,
    /// The same instant as RFC 3339 (UTC), for people.
    last_commit_utc: Option<String>,
    /// The response cache: entries and bytes since the last change to the index, hits and
    /// misses since the server started (`search::cache`).
    response_cache: CacheStats,
}

async fn health_handler(
    State(state): State<SharedState>,
    headers: HeaderMap,
) -> Result<Json<Health>, ApiError> {
    let access = auth::access(&headers, &state.config)?;
    // The count the caller may see: restricted documents are not disclosed, not even in number.
    let documents = state
        .handle
        .visible_documents(access.can_read_restricted())?;
    let last_commit = state.handle.last_commit();
    Ok(Json(Health {
        status: "ok",
        documents,
        last_commit,
        last_commit_utc: last_commit.map(rfc3339_utc),
        response_cache: state.responses.stats(),
    }))
}

/// `GET /api/analyze?text=&lang=`: what the analysers make of a text (`analysis::explain`).
async fn analyze_handler(
    RawQuery(raw): RawQuery,
) -> Result<Json<thb_engine::analysis::explain::Analysis>, ApiError> {
    let bad = |parameter: &str, message: String| {
        ApiError::new(
            axum::http::StatusCode::BAD_REQUEST,
            "invalid_parameter",
            format!("{parameter}: {message}"),
        )
    };
    let (mut text, mut lang) = (None, None);
    for (key, value) in search::request::decode_query_string(raw.as_deref().unwrap_or(""))? {
        match key.as_str() {
            "text" => text = Some(value),
            "lang" => lang = Some(value),
            other => {
                return Err(bad(
                    other,
                    "unknown parameter; expected text and lang".to_string(),
                ))
            }
        }
    }
    let text = text.ok_or_else(|| bad("text", "missing; give the words to analyse".into()))?;
    // Language detection runs a model: off the async workers, as searches are.
    let analysis = tokio::task::spawn_blocking(move || {
        thb_engine::analysis::explain::analyze(&text, lang.as_deref())
    })
    .await
    .map_err(|e| ApiError::internal("the analysis", e))?;
    analysis
        .map_err(|e| {
            ApiError::new(
                axum::http::StatusCode::BAD_REQUEST,
                "invalid_parameter",
                e.to_string(),
            )
        })
        .map(Json)
}

/// Formats unix seconds as `YYYY-MM-DDTHH:MM:SSZ` (civil-from-days, Howard Hinnant's algorithm).
pub fn rfc3339_utc(unix: u64) -> String {
    let days = (unix / 86_400) as i64;
    let secs = unix % 86_400;
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        secs / 3600,
        secs % 3600 / 60,
        secs % 60
    )
}

#[cfg(test)]
mod tests {
    use super::rfc3339_utc;

    #[test]
    fn unix_time_formats_as_utc() {
        assert_eq!(rfc3339_utc(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339_utc(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(rfc3339_utc(1_795_392_000), "2026-11-23T00:00:00Z");
    }
}

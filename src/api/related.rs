//! `GET /api/documents/{id}/similar` and `GET /api/documents/{id}/lineage`: the documents
//! like one, and a GRETA document's closest recommendations of the other rounds
//! (`thb_engine::search::similar`). Both see what the caller may see: without a token,
//! restricted documents are neither the document asked about (404) nor among the answers.

use axum::http::StatusCode;

use super::{auth::Access, ApiError, SharedState};
use thb_engine::search::similar::{self, Lineage, LineageError, Similar, MAX_SIMILAR};

/// Hits when `limit` is not given.
const DEFAULT_SIMILAR: usize = 10;

/// What a path under `/api/documents/` asks for: a document, or something about one.
pub enum Related<'a> {
    Similar(&'a str),
    Lineage(&'a str),
}

impl<'a> Related<'a> {
    /// The request a path's last segment names, if it names one. Ids may hold `/`, so a
    /// document whose id ends in `/similar` is still served as a document when no document
    /// has the id before it (see the handler).
    pub fn of(path: &'a str) -> Option<Related<'a>> {
        if let Some(id) = path.strip_suffix("/similar") {
            return Some(Related::Similar(id));
        }
        path.strip_suffix("/lineage").map(Related::Lineage)
    }
}

/// Reads `limit` (1–20) and refuses any other parameter, as `/api/search` does.
pub fn similar_limit(raw_query: Option<&str>) -> Result<usize, ApiError> {
    let pairs = thb_engine::search::request::decode_query_string(raw_query.unwrap_or(""))?;
    let mut limit = DEFAULT_SIMILAR;
    for (key, value) in pairs {
        match key.as_str() {
            "limit" => {
                limit = value
                    .parse::<usize>()
                    .ok()
                    .filter(|n| (1..=MAX_SIMILAR).contains(n))
                    .ok_or_else(|| {
                        ApiError::new(
                            StatusCode::BAD_REQUEST,
                            "invalid_parameter",
                            format!("limit: `{value}` is not a number from 1 to {MAX_SIMILAR}"),
                        )
                    })?;
            }
            other => {
                return Err(ApiError::new(
                    StatusCode::BAD_REQUEST,
                    "invalid_parameter",
                    format!("{other}: unknown parameter; this endpoint takes `limit`"),
                ))
            }
        }
    }
    Ok(limit)
}

/// The documents like `id`, or `None` when the caller can see no document `id`.
pub async fn similar(
    state: &SharedState,
    id: &str,
    access: Access,
    limit: usize,
) -> Result<Option<Similar>, ApiError> {
    let handle = state.handle.clone();
    let id = id.to_string();
    let include_restricted = access.can_read_restricted();
    tokio::task::spawn_blocking(move || similar::similar(&handle, &id, include_restricted, limit))
        .await
        .map_err(|e| ApiError::internal("the similar documents", e))?
        .map_err(ApiError::from)
}

/// The lineage of `id`, or `None` when the caller can see no document `id`.
pub async fn lineage(
    state: &SharedState,
    id: &str,
    access: Access,
) -> Result<Option<Lineage>, ApiError> {
    let handle = state.handle.clone();
    let id = id.to_string();
    let include_restricted = access.can_read_restricted();
    let found =
        tokio::task::spawn_blocking(move || similar::lineage(&handle, &id, include_restricted))
            .await
            .map_err(|e| ApiError::internal("the lineage", e))?;
    match found {
        Ok(lineage) => Ok(lineage),
        Err(LineageError::NotGreta(id)) => Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "not_greta",
            LineageError::NotGreta(id).to_string(),
        )),
        Err(LineageError::Search(e)) => Err(e.into()),
    }
}

//! Protected writes: `POST /api/documents` (a JSON array of documents, or JSON Lines) and
//! `DELETE /api/documents/{id}`, both for admin tokens only.
//!
//! Records go through the same `ingest::Session` as `thb-caselaw ingest`, so validation, the
//! personal data guard and upserts by id behave exactly as on the command line. Each request is
//! one commit, made before the answer: an answered write is durable, and a failed one leaves
//! nothing behind (the uncommitted writer is dropped, which rolls it back).
//!
//! One writer at a time. Within the server, writes queue on [`Writes`] instead of failing, so
//! two clients posting at once are both served. Across processes, tantivy's writer lock
//! decides: while a `thb-caselaw ingest` holds the index, a write is answered at once with 503
//! `locked` rather than waiting for an ingest that may take an hour. The writer is taken per
//! request and released after its commit, so the server never keeps an ingest out for longer
//! than one request. This module must not log request headers: they carry the tokens.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{FromRequest, Path, Request, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use serde::Serialize;
use serde_json::value::RawValue;

use super::auth::{self, Access};
use super::{ApiError, SharedState};
use thb_engine::document::{validate_id, Reason, RecordError};
use thb_engine::index::{IndexError, IndexHandle};
use thb_engine::ingest::{jsonl, IngestReport, RawRecord, Session};

/// The server's write queue: one write at a time, the others wait their turn. Shared by the
/// write routes as an `Extension`.
#[derive(Clone, Default)]
pub struct Writes(Arc<tokio::sync::Mutex<()>>);

/// How the records of a body are positioned in its rejections.
#[derive(Clone, Copy)]
enum Positions {
    /// Elements of a JSON array, numbered from 0 as in field paths (`themes[0]`).
    Index,
    /// Lines of JSON Lines, numbered from 1 as in `ingest`.
    Line,
}

/// One rejected record of a write.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct RejectedRecord {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub index: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    pub message: String,
    /// `record`, `unknown_field`, `invalid_field` or `personal_data`.
    pub reason: Reason,
}

/// The answer to `POST /api/documents`: counts as in `ingest`, each rejection with its
/// position, and the ids written, in order.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct WriteReport {
    pub added: usize,
    pub updated: usize,
    pub rejected: Vec<RejectedRecord>,
    pub ids: Vec<String>,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Deleted {
    pub deleted: String,
}

/// `POST /api/documents`: 200 when every record was written, 422 when some or all were
/// rejected (the valid ones are committed), 400 for a body that is neither a JSON array nor
/// JSON Lines, 401 without an admin token, 413 over `MAX_BODY_BYTES`, 503 while an ingest
/// holds the index.
pub async fn post_documents(
    State(state): State<SharedState>,
    Extension(writes): Extension<Writes>,
    request: Request,
) -> Response {
    // The token is checked before the body is read: an anonymous client cannot make the
    // server buffer a body it will refuse.
    let (parts, body) = request.into_parts();
    if let Err(e) = require_admin(&parts.headers, &state) {
        return unauthorized(e);
    }
    let body = match Bytes::from_request(Request::from_parts(parts, body), &()).await {
        Ok(body) => body,
        Err(rejection) if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            return ApiError::body_too_large().into_response()
        }
        Err(rejection) => {
            return ApiError::new(rejection.status(), "bad_request", rejection.body_text())
                .into_response()
        }
    };
    match write_records(&state, writes, &body).await {
        Ok(report) => {
            let status = if report.rejected.is_empty() {
                StatusCode::OK
            } else {
                StatusCode::UNPROCESSABLE_ENTITY
            };
            (status, Json(report)).into_response()
        }
        Err(e) => e.into_response(),
    }
}

async fn write_records(
    state: &SharedState,
    writes: Writes,
    body: &[u8],
) -> Result<WriteReport, ApiError> {
    let (records, positions) = read_body(body)?;
    if records.is_empty() {
        return Ok(WriteReport {
            added: 0,
            updated: 0,
            rejected: Vec::new(),
            ids: Vec::new(),
        });
    }
    let handle = state.handle.clone();
    let allow_personal_data = state.config.allow_personal_data;
    let heap_bytes = state.config.writer_mib << 20;
    let turn = writes.0.lock_owned().await;
    let task = tokio::task::spawn_blocking(move || {
        // Held until the commit is done, even when the client has gone away meanwhile.
        let _turn = turn;
        ingest_records(&handle, records, allow_personal_data, heap_bytes)
    });
    let report = task
        .await
        .map_err(|e| ApiError::internal("the write", e))??;
    state.metrics.count_rejections("api", &report.rejected);
    Ok(WriteReport {
        added: report.added,
        updated: report.updated,
        rejected: report
            .rejected
            .into_iter()
            .map(|r| RejectedRecord {
                index: matches!(positions, Positions::Index).then_some(r.line),
                line: matches!(positions, Positions::Line).then_some(r.line),
                field: r.field,
                message: r.message,
                reason: r.reason,
            })
            .collect(),
        ids: report.accepted_ids.into_iter().map(|(id, _)| id).collect(),
    })
}

/// Validates and upserts the records with the single writer, in one commit.
fn ingest_records(
    handle: &IndexHandle,
    records: Vec<RawRecord>,
    allow_personal_data: bool,
    heap_bytes: usize,
) -> Result<IngestReport, IndexError> {
    // A budget, not an allocation (tantivy grows its arenas as documents arrive);
    // `IndexHandle::writer` raises it to its per-thread minimum.
    let mut writer = handle.writer(heap_bytes)?;
    // See commits made by other processes since the last reload, so that `added` and
    // `updated` are counted against the index as it is now.
    handle.reload()?;
    let mut session =
        Session::new(handle, &mut writer, usize::MAX).allow_personal_data(allow_personal_data);
    session.add_batch("request body", records)?;
    session.finish()
}

/// Splits a body into records: a JSON array (positions are indexes), JSON Lines (positions
/// are lines), or one JSON object, possibly spread over several lines.
fn read_body(body: &[u8]) -> Result<(Vec<RawRecord>, Positions), ApiError> {
    let body = body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body);
    let neither = |detail: String| {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            "invalid_body",
            format!(
                "the body must be a JSON array of documents or JSON Lines (one document a line): {detail}"
            ),
        )
    };
    match body.iter().find(|b| !b.is_ascii_whitespace()) {
        None => Err(neither("it is empty".into())),
        Some(b'[') => {
            let text = std::str::from_utf8(body)
                .map_err(|e| neither(format!("invalid UTF-8 at byte {}", e.valid_up_to() + 1)))?;
            let elements: Vec<&RawValue> = serde_json::from_str(text)
                .map_err(|e| neither(format!("invalid JSON array: {e}")))?;
            let records = elements
                .into_iter()
                .enumerate()
                .map(|(index, raw)| match serde_json::from_str(raw.get()) {
                    Ok(value) => RawRecord::parsed(index, 0, value),
                    Err(e) => RawRecord::failed(
                        index,
                        0,
                        RecordError::record(format!("invalid JSON: {e}")),
                    ),
                })
                .collect();
            Ok((records, Positions::Index))
        }
        Some(b'{') => {
            let records: Vec<RawRecord> = jsonl::records(body).collect();
            if records.iter().any(|r| r.value.is_ok()) {
                return Ok((records, Positions::Line));
            }
            // No line is a document by itself: perhaps one pretty-printed object.
            match serde_json::from_slice::<serde_json::Value>(body) {
                Ok(value) => Ok((vec![RawRecord::parsed(1, 0, value)], Positions::Line)),
                Err(_) => {
                    let first = records
                        .into_iter()
                        .find_map(|r| r.value.err().map(|e| (r.line, e)));
                    let detail = first
                        .map(|(line, e)| format!("line {line}: {}", e.message))
                        .unwrap_or_else(|| "no document in it".into());
                    Err(neither(detail))
                }
            }
        }
        Some(_) => Err(neither("it starts with neither `[` nor `{`".into())),
    }
}

/// `DELETE /api/documents/{id}`: 200 `{"deleted": id}`, 404 when there is no such document,
/// 401 without an admin token, 503 while an ingest holds the index. Committed before the answer.
pub async fn delete_document(
    State(state): State<SharedState>,
    Extension(writes): Extension<Writes>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    if let Err(e) = require_admin(&headers, &state) {
        return unauthorized(e);
    }
    if let Err(e) = validate_id(&id) {
        return ApiError::new(StatusCode::BAD_REQUEST, "invalid_id", e.to_string()).into_response();
    }
    let handle = state.handle.clone();
    let turn = writes.0.lock_owned().await;
    let target = id.clone();
    let task = tokio::task::spawn_blocking(move || {
        let _turn = turn;
        delete_by_id(&handle, &target)
    });
    match task.await {
        Ok(Ok(true)) => Json(Deleted { deleted: id }).into_response(),
        Ok(Ok(false)) => ApiError::not_found(format!("no document with id `{id}`")).into_response(),
        Ok(Err(e)) => ApiError::from(e).into_response(),
        Err(join) => ApiError::internal("the delete", join).into_response(),
    }
}

/// Deletes the live document with this id and commits; false (nothing written) when there is
/// none.
fn delete_by_id(handle: &IndexHandle, id: &str) -> Result<bool, IndexError> {
    // A delete buffers one term: the writer's per-thread minimum is plenty.
    let mut writer = handle.writer(0)?;
    handle.reload()?;
    if !handle.is_live(&handle.searcher(), id)? {
        return Ok(false);
    }
    handle.delete(&writer, id);
    handle.commit(&mut writer)?;
    Ok(true)
}

/// Only admin tokens write. A reader token is refused like a missing one: it does not
/// authenticate a writer.
fn require_admin(headers: &HeaderMap, state: &SharedState) -> Result<(), ApiError> {
    let refused = |message: &str| {
        ApiError::new(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            message.to_string(),
        )
    };
    if state.config.admin_tokens.is_empty() {
        return Err(refused(
            "writes are disabled: the server was started without an admin token (THB_ADMIN_TOKEN)",
        ));
    }
    match auth::access(headers, &state.config)? {
        Access::Admin => Ok(()),
        Access::Reader | Access::Public => Err(refused(
            "writing needs an admin token: send `Authorization: Bearer <token>`",
        )),
    }
}

/// A 401 with the `WWW-Authenticate` challenge RFC 6750 asks for.
fn unauthorized(error: ApiError) -> Response {
    let mut response = error.into_response();
    if response.status() == StatusCode::UNAUTHORIZED {
        response.headers_mut().insert(
            header::WWW_AUTHENTICATE,
            header::HeaderValue::from_static("Bearer"),
        );
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn positions(body: &str) -> Result<Vec<(usize, bool)>, String> {
        read_body(body.as_bytes())
            .map(|(records, _)| {
                records
                    .into_iter()
                    .map(|r| (r.line, r.value.is_ok()))
                    .collect()
            })
            .map_err(|e| e.message)
    }

    #[test]
    fn arrays_are_indexed_from_zero_and_json_lines_by_line() {
        assert_eq!(
            positions("[{\"id\":1}, {\"id\":2}]").unwrap(),
            vec![(0, true), (1, true)]
        );
        assert_eq!(positions("  []").unwrap(), vec![]);
        assert_eq!(
            positions("{\"id\":1}\n\n{broken\n{\"id\":3}\n").unwrap(),
            vec![(1, true), (3, false), (4, true)]
        );
        assert_eq!(
            positions("{\n  \"id\": \"pretty\"\n}\n").unwrap(),
            vec![(1, true)],
            "one pretty-printed object"
        );
    }

    #[test]
    fn a_body_that_is_neither_is_refused_whole() {
        for (body, expected) in [
            ("", "empty"),
            ("   \n", "empty"),
            ("id,title\n1,x", "neither `[` nor `{`"),
            ("[{\"id\": 1},", "invalid JSON array"),
            ("{broken\n{also broken", "line 1: invalid JSON"),
            ("42", "neither"),
        ] {
            let message = positions(body).unwrap_err();
            assert!(message.contains(expected), "{body:?}: {message}");
        }
    }
}

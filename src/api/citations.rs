//! Citations through the API: what a stored document cites (listed with `GET
//! /api/documents/{id}`), which documents cite it (`GET /api/documents/{id}/cited-by`), and
//! what a pasted text cites (`POST /api/citations`), each citation with the document it names
//! when the index holds one the caller may see.
//!
//! Spans are byte offsets into the text (UTF-8), end exclusive; `text` repeats the citation as
//! written, so a client need not count bytes.

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::Json;
use serde::{Deserialize, Serialize};

use super::auth::{self, Access};
use super::{ApiError, SharedState};
use thb_engine::document::Document;
use thb_engine::domain::citations::{self, Citation, CitationKind, Context, Convention};
use thb_engine::domain::countries;
use thb_engine::limits::MAX_CITATIONS_TEXT_BYTES;
use thb_engine::search::citations::{self as lookup, CitingDocument, DocumentRef};
use thb_engine::search::proceedings::{self, Decision};

/// One citation of a text.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct CitationEntry {
    /// `application`, `ecli`, `provision` or `case_name` (a Strasbourg judgment of the
    /// database named by its parties: `Rantsev v. Cyprus and Russia`).
    pub kind: CitationKind,
    /// The normalised value: `25965/04`, `ECLI:CE:ECHR:2010:0107JUD002596504`, `/RS/CC/388`
    /// (what the `cites` and `provision` filters take); for a case name, the judgment's name
    /// as its title gives it.
    pub citation: String,
    /// The citation as written.
    pub text: String,
    /// Byte offset of its first byte in the text.
    pub start: usize,
    /// Byte offset just after its last byte.
    pub end: usize,
    /// The document it names, when the index holds one the caller may see (`null` otherwise).
    pub document: Option<DocumentRef>,
}

/// A document with what it cites: `GET /api/documents/{id}`.
#[derive(Serialize, utoipa::ToSchema)]
pub struct DocumentWithCitations {
    #[serde(flatten)]
    pub document: Document,
    /// What the text cites, in order (its own application numbers and ECLI left out). Derived
    /// from the text, not part of the interchange format: leave it out when sending the
    /// document back to `POST /api/documents`.
    pub citations: Vec<CitationEntry>,
    /// The other decisions of the case (first instance, appeal, supreme or constitutional
    /// court, Strasbourg), resolved, by court level then date: those `proceedings` lists and
    /// those listing this one, and theirs (`search::proceedings`). An id the database does not
    /// hold has `document: null`. Derived, like `citations`: leave it out when sending the
    /// document back.
    pub chain: Vec<Decision>,
}

/// `GET /api/documents/{id}/cited-by`.
#[derive(Serialize, utoipa::ToSchema)]
pub struct CitedBy {
    /// The cited document's id.
    pub id: String,
    /// What it is cited as: its application numbers, ECLI, or (a text of law) its provision;
    /// for a Strasbourg judgment also its name in each of its languages, found written out
    /// in the citing texts.
    pub cited_as: Vec<String>,
    /// The documents citing it, newest first (at most 200), each judgment once whatever its
    /// languages, neither the document nor its own language versions; each with where it first
    /// cites it: `paragraph` (`{"number","anchor","pin_cite"}`, when its text numbers its
    /// paragraphs) and `context`, the words around that citation as HTML, the citation in
    /// `<mark>`.
    pub cited_by: Vec<CitingDocument>,
}

/// The body of `POST /api/citations`.
#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CitationsRequest {
    /// The text to read (at most 1 MiB).
    pub text: String,
    /// The countries the text is from (ISO codes, `XK` for Kosovo*): what a bare `član 388`
    /// is read against. Optional.
    #[serde(default)]
    pub country: Option<OneOrMany>,
    /// What "the Convention" alone names in this text: `ECHR`, `CETS197` or `PALERMO`.
    /// Optional; without it, "Article 4 of the Convention" cites nothing.
    #[serde(default)]
    pub convention: Option<String>,
}

/// One country code, or a list of them.
#[derive(Deserialize, utoipa::ToSchema)]
#[serde(untagged)]
pub enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

/// The answer to `POST /api/citations`.
#[derive(Serialize, utoipa::ToSchema)]
pub struct CitationsResponse {
    pub citations: Vec<CitationEntry>,
}

/// Each citation with the document it names, resolved on the blocking pool.
pub async fn entries(
    state: &SharedState,
    text: String,
    context: Context,
    access: Access,
) -> Result<(String, Vec<CitationEntry>), ApiError> {
    let handle = state.handle.clone();
    let include_restricted = access.can_read_restricted();
    tokio::task::spawn_blocking(move || {
        let found = citations::extract(&text, &context);
        let resolved = lookup::resolve_text(&handle, &text, found, None, include_restricted)?;
        let entries = to_entries(&text, resolved);
        Ok((text, entries))
    })
    .await
    .map_err(|e| ApiError::internal("reading the citations", e))?
}

/// A stored document's citations (its own identifiers left out), resolved.
pub async fn of_document(
    state: &SharedState,
    document: &Document,
    access: Access,
) -> Result<Vec<CitationEntry>, ApiError> {
    let handle = state.handle.clone();
    let include_restricted = access.can_read_restricted();
    let document = document.clone();
    tokio::task::spawn_blocking(move || {
        let found = thb_engine::cited::of_document(&document);
        let resolved = lookup::resolve_text(
            &handle,
            &document.text,
            found,
            Some(&document),
            include_restricted,
        )?;
        Ok(to_entries(&document.text, resolved))
    })
    .await
    .map_err(|e| ApiError::internal("reading the citations", e))?
}

/// The other decisions of a stored document's case, resolved (see `search::proceedings`).
pub async fn chain_of(
    state: &SharedState,
    document: &Document,
    access: Access,
) -> Result<Vec<Decision>, ApiError> {
    let handle = state.handle.clone();
    let include_restricted = access.can_read_restricted();
    let document = document.clone();
    tokio::task::spawn_blocking(move || {
        Ok(proceedings::chain(
            &handle,
            &handle.searcher(),
            &document,
            include_restricted,
        )?)
    })
    .await
    .map_err(|e| ApiError::internal("reading the proceedings", e))?
}

fn to_entries(text: &str, resolved: Vec<(Citation, Option<DocumentRef>)>) -> Vec<CitationEntry> {
    resolved
        .into_iter()
        .map(|(citation, document)| CitationEntry {
            kind: citation.kind,
            text: text[citation.span.clone()].to_string(),
            start: citation.span.start,
            end: citation.span.end,
            citation: citation.value,
            document,
        })
        .collect()
}

/// The documents citing `document`, as the caller may see them.
pub async fn cited_by(
    state: &SharedState,
    document: Document,
    access: Access,
) -> Result<CitedBy, ApiError> {
    let handle = state.handle.clone();
    let include_restricted = access.can_read_restricted();
    tokio::task::spawn_blocking(move || {
        let citing = lookup::cited_by(&handle, &document, include_restricted)?;
        Ok(CitedBy {
            cited_as: citing.cited_as,
            id: document.id,
            cited_by: citing.documents,
        })
    })
    .await
    .map_err(|e| ApiError::internal("the cited-by lookup", e))?
}

fn bad_body(message: impl Into<String>) -> ApiError {
    ApiError::new(StatusCode::BAD_REQUEST, "invalid_body", message)
}

/// `POST /api/citations`: the citations of a pasted text, each with its span and the document
/// it names. 400 for a body that is not the JSON object described, 413 over 1 MiB of text.
pub async fn post_citations(
    State(state): State<SharedState>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Json<CitationsResponse>, ApiError> {
    let access = auth::access(&headers, &state.config)?;
    let too_large = || {
        ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "too_large",
            format!("the text is larger than the limit of {MAX_CITATIONS_TEXT_BYTES} bytes"),
        )
    };
    let body = match body {
        Ok(body) => body,
        Err(rejection) if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            return Err(too_large())
        }
        Err(rejection) => return Err(bad_body(rejection.body_text())),
    };
    let shape = |e: &dyn std::fmt::Display| {
        bad_body(format!(
            "expected {{\"text\": \"…\", \"country\": \"RS\", \"convention\": \"ECHR\"}} (country and convention optional): {e}"
        ))
    };
    // An object only: serde would read `["…"]` as the struct's fields in order.
    let value: serde_json::Value = serde_json::from_slice(&body).map_err(|e| shape(&e))?;
    if !value.is_object() {
        return Err(shape(&"the body is not a JSON object"));
    }
    let request: CitationsRequest = serde_json::from_value(value).map_err(|e| shape(&e))?;
    if request.text.len() > MAX_CITATIONS_TEXT_BYTES {
        return Err(too_large());
    }
    let mut context = Context::default();
    let codes = match request.country {
        None => Vec::new(),
        Some(OneOrMany::One(code)) => vec![code],
        Some(OneOrMany::Many(codes)) => codes,
    };
    for code in codes {
        let upper = code.trim().to_ascii_uppercase();
        if countries::lookup(&upper).is_none() {
            return Err(bad_body(format!(
                "country: `{code}` is not a known country code (ISO 3166-1 alpha-2, `XK` for Kosovo*)"
            )));
        }
        context.countries.push(upper);
    }
    context.convention = match request.convention.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(name) => Some(
            [Convention::Echr, Convention::Cets197, Convention::Palermo]
                .into_iter()
                .find(|c| c.code().eq_ignore_ascii_case(name))
                .ok_or_else(|| {
                    bad_body(format!(
                        "convention: `{name}`: expected ECHR, CETS197 or PALERMO"
                    ))
                })?,
        ),
    };
    let (_, citations) = entries(&state, request.text, context, access).await?;
    Ok(Json(CitationsResponse { citations }))
}

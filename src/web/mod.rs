//! The web page: what a judge, a prosecutor or a researcher opens in a browser. Server-rendered
//! HTML (maud) over the same search the API runs, with small progressive JavaScript and every
//! asset compiled into the binary, so the page needs no build step and no network.
//!
//! | route | page |
//! |---|---|
//! | `GET /` | the search page: box, facets, chips, results (each with the paragraph it stands in and its pin-cite), pagination, export links |
//! | `GET /documents/{*id}` | one document: metadata, citation, full text with the query marked, its citations linked and its numbered paragraphs anchored (`#p282`), the documents citing it |
//! | `GET /export.csv`, `GET /export.jsonl` | the current result set, capped at `MAX_EXPORT_ROWS` |
//! | `GET /assets/{name}` | the embedded stylesheet and script |
//!
//! The state lives in the URL (see `web::params`): the search parameters are the API's, plus `ui`
//! for the interface language. A bad parameter or query is a 400 page that says what is wrong
//! and links to a corrected search; no input reaches a panic or a 500.
//!
//! This module owns presentation only: searching, document lookup and access control are the
//! API's (`api::run_search`, `api::fetch_document`, `api::auth`), so the page can never show
//! what the API would refuse.

mod assets;
mod citation;
mod export;
mod i18n;
mod links;
mod markdown;
mod pages;
mod params;

use axum::body::Body;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, RawQuery, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use maud::Markup;

use crate::api::{self, auth, ApiError, SharedState};
use i18n::Label;
use params::PageParams;
use thb_engine::domain::{citations, paragraphs};
use thb_engine::search::query::QueryProblem;
use thb_engine::search::request::ParameterProblem;
use thb_engine::search::{self, SearchError};

/// The `ui` parameter's values, for the OpenAPI document.
pub fn interface_languages() -> Vec<&'static str> {
    i18n::Ui::ALL.iter().map(|ui| ui.code()).collect()
}

/// The names `/assets/{name}` serves, for the OpenAPI document.
pub fn asset_names() -> Vec<&'static str> {
    assets::names()
}

/// The routes of the web page, merged into the API's router.
pub fn routes() -> Router<SharedState> {
    Router::new()
        .route("/", get(search_page))
        .route("/documents/{*id}", get(document_page))
        .route("/export.csv", get(export::csv))
        .route("/export.jsonl", get(export::jsonl))
        .route("/assets/{name}", get(assets::serve))
}

/// Why a page cannot show what was asked, in the words the page shows.
#[derive(Debug)]
pub(crate) struct PageError {
    pub status: StatusCode,
    pub message: String,
    /// Where in the query the problem is (1-based character).
    pub column: Option<usize>,
    /// A corrected query, offered as a link.
    pub suggestion: Option<String>,
    /// The parameter at fault, offered for removal.
    pub parameter: Option<String>,
    /// What went wrong, typed, for the page to word in its interface language
    /// (`i18n::error_message`); `message` is the engine's or the API's English sentence.
    pub reason: Reason,
}

/// Why a page failed, as a code rather than a sentence.
#[derive(Debug)]
/// Boxed: an error is rare, and a `PageError` travels in every page handler's `Result`.
pub(crate) enum Reason {
    Query(Box<QueryProblem>),
    /// The parameter's name is the error's `parameter`.
    Parameter(Box<ParameterProblem>),
    /// The API's error code (`not_found`, `unauthorized`, `timeout`, `internal`, …).
    Api(&'static str),
}

impl PageError {
    /// The label of the page's heading for this error.
    pub fn title(&self) -> Label {
        match self.status.as_u16() {
            400 | 413 | 422 => Label::ErrorBadRequest,
            401 | 403 => Label::ErrorUnauthorized,
            404 => Label::ErrorNotFound,
            503 => Label::ErrorUnavailable,
            _ => Label::ErrorInternal,
        }
    }
}

impl From<ApiError> for PageError {
    fn from(e: ApiError) -> Self {
        // The page shows the API's words; what went wrong inside goes to the log, once.
        if let Some(detail) = &e.detail {
            tracing::error!("{detail}");
        }
        PageError {
            status: e.status,
            message: e.message,
            column: None,
            suggestion: e.suggestion,
            parameter: None,
            reason: Reason::Api(e.code),
        }
    }
}

impl From<SearchError> for PageError {
    fn from(e: SearchError) -> Self {
        match e {
            SearchError::Query(q) => PageError {
                status: StatusCode::BAD_REQUEST,
                message: q.message,
                column: q.column,
                suggestion: q.suggestion,
                parameter: None,
                reason: Reason::Query(Box::new(q.problem)),
            },
            SearchError::Parameter {
                parameter,
                problem,
                message,
            } => PageError {
                status: StatusCode::BAD_REQUEST,
                message: format!("{parameter}: {message}"),
                column: None,
                suggestion: None,
                parameter: Some(parameter),
                reason: Reason::Parameter(Box::new(problem)),
            },
            other => ApiError::from(other).into(),
        }
    }
}

/// A response only for the asker: typed, never stored by shared caches (pages and exports
/// depend on the query and may hold restricted documents for a token holder), never sniffed.
fn private_response(
    status: StatusCode,
    content_type: &'static str,
    body: impl Into<Body>,
) -> Response {
    let mut response = (status, body.into()).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-cache"),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    response
}

/// A page: only our own scripts and styles, no framing.
fn html_response(status: StatusCode, markup: Markup) -> Response {
    let mut response = private_response(status, "text/html; charset=utf-8", markup.into_string());
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
             connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
        ),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    response
}

/// The search request a page's parameters describe, checked as the API would check it.
fn request_for(
    state: &SharedState,
    headers: &HeaderMap,
    params: &PageParams,
) -> Result<search::SearchRequest, PageError> {
    let access = auth::access(headers, &state.config)?;
    Ok(params.search_request(access)?)
}

async fn search_for(
    state: &SharedState,
    headers: &HeaderMap,
    params: &PageParams,
) -> Result<search::SearchResponse, PageError> {
    let request = request_for(state, headers, params)?;
    Ok(api::run_search(state, request).await??)
}

/// A page's parameters, or the 400 search page saying why the query string cannot be read
/// (shown in the default interface, as its `ui` could not be read either).
fn page_params(raw: Option<&str>) -> Result<PageParams, Box<Response>> {
    PageParams::parse(raw).map_err(|e| {
        let error = PageError::from(e);
        let params = PageParams::default();
        Box::new(html_response(
            error.status,
            pages::search_page(&params, Err(&error)),
        ))
    })
}

async fn search_page(
    State(state): State<SharedState>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Response {
    let params = match page_params(raw.as_deref()) {
        Ok(params) => params,
        Err(response) => return *response,
    };
    match search_for(&state, &headers, &params).await {
        Ok(response) => html_response(StatusCode::OK, pages::search_page(&params, Ok(&response))),
        Err(error) => html_response(error.status, pages::search_page(&params, Err(&error))),
    }
}

async fn document_page(
    State(state): State<SharedState>,
    headers: HeaderMap,
    id: Result<Path<String>, PathRejection>,
    RawQuery(raw): RawQuery,
) -> Response {
    let params = match page_params(raw.as_deref()) {
        Ok(params) => params,
        Err(response) => return *response,
    };
    // A path that is not UTF-8 once decoded names no document.
    let Ok(Path(id)) = id else {
        let error = PageError::from(ApiError::not_found("no document has this id"));
        return html_response(error.status, pages::error_page(&params, "/", &error));
    };
    let path = params::document_path(&id);
    match document_view(&state, &headers, &params, id).await {
        Ok(markup) => html_response(StatusCode::OK, markup),
        Err(error) => html_response(error.status, pages::error_page(&params, &path, &error)),
    }
}

/// Similar documents shown on a document's page.
const SIMILAR_ON_PAGE: usize = 5;

/// The document page's similar documents and, for a GRETA document, its lineage.
fn related_documents(
    handle: &thb_engine::index::IndexHandle,
    document: &thb_engine::document::Document,
    include_restricted: bool,
) -> Result<pages::Related, ApiError> {
    use thb_engine::search::similar::{LineageError, Source};
    // The page has the document already, and both panels look for the same words.
    let source = Source::of(handle, document, include_restricted)?;
    let similar = source.similar(handle, SIMILAR_ON_PAGE)?.hits;
    let lineage = match document.greta {
        Some(_) => match source.lineage(handle) {
            Ok(lineage) => Some(lineage),
            Err(LineageError::NotGreta(_)) => None,
            Err(LineageError::Search(e)) => return Err(e.into()),
        },
        None => None,
    };
    Ok(pages::Related {
        similar,
        lineage,
        chain: Vec::new(),
    })
}

async fn document_view(
    state: &SharedState,
    headers: &HeaderMap,
    params: &PageParams,
    id: String,
) -> Result<Markup, PageError> {
    let access = auth::access(headers, &state.config)?;
    // `fetch_document` answers 404 for a restricted document without a reader token.
    let document = api::fetch_document(state, id, access).await?;
    let handle = state.handle.clone();
    let query = params.query().to_string();
    let include_restricted = access.can_read_restricted();
    let link_params = params.ui_only();
    let (document, versions, highlighted, summary, is_markdown, marks, (cited_by, related)) =
        tokio::task::spawn_blocking(move || {
            // The judgment's other languages, linked from its page.
            let versions =
                handle.language_versions(&handle.searcher(), &document, include_restricted)?;
            // A query that does not parse marks nothing; the document is still worth showing.
            let highlight = match query.trim() {
                "" => None,
                q => search::highlight_terms(&handle, q).ok(),
            };
            let language = document.language.as_deref();
            let mark = |text: &str| match &highlight {
                Some(h) => search::snippet::highlight_all(text, h, language).html(),
                None => {
                    let mut out = String::with_capacity(text.len());
                    search::snippet::escape_into(text, &mut out);
                    out
                }
            };
            let is_markdown = search::markdown::looks_like_markdown(&document.text);
            let ranges = highlight.as_ref().map_or_else(Vec::new, |h| {
                search::snippet::match_ranges(&document.text, h, language)
            });
            let marks = ranges.len();
            let cited = citation_links(&handle, &document, include_restricted, &link_params)?;
            // Each numbered paragraph anchored, for a hit's `#p282` to open at.
            let anchors: Vec<links::Anchor> = paragraphs::paragraphs(&document.text)
                .iter()
                .map(|p| links::Anchor {
                    at: p.span.start,
                    id: p.anchor(),
                })
                .collect();
            let text = if is_markdown {
                markdown::render(&document.text, &ranges, &cited, &anchors)
            } else {
                links::render(&document.text, &ranges, &cited, &anchors)
            };
            let summary = document.summary.as_deref().map(mark);
            let cited_by =
                search::citations::cited_by(&handle, &document, include_restricted)?.documents;
            let mut related = related_documents(&handle, &document, include_restricted)?;
            related.chain = search::proceedings::chain(
                &handle,
                &handle.searcher(),
                &document,
                include_restricted,
            )?;
            Ok::<_, ApiError>((
                document,
                versions,
                text,
                summary,
                is_markdown,
                marks,
                (cited_by, related),
            ))
        })
        .await
        .map_err(|e| ApiError::internal("highlighting the document", e))??;
    Ok(pages::document_page(
        params,
        &document,
        &versions,
        &cited_by,
        &related,
        pages::Highlighted {
            text: &highlighted,
            summary: summary.as_deref(),
            marks,
            markdown: is_markdown,
        },
    ))
}

/// Where each citation of a document's text links: the document it names, or a search for
/// what cites the same.
fn citation_links(
    handle: &thb_engine::index::IndexHandle,
    document: &thb_engine::document::Document,
    include_restricted: bool,
    params: &PageParams,
) -> Result<Vec<links::Link>, ApiError> {
    let cited = thb_engine::cited::of_document(document);
    let resolved = search::citations::resolve_text(
        handle,
        &document.text,
        cited,
        Some(document),
        include_restricted,
    )?;
    Ok(resolved
        .into_iter()
        .map(|(citation, named)| {
            let href = match named {
                Some(named) => params.document_url(&named.id),
                None => {
                    let filter = match citation.kind {
                        citations::CitationKind::Provision => "provision",
                        _ => "cites",
                    };
                    params.with(filter, Some(&citation.value)).search_url()
                }
            };
            links::Link {
                span: citation.span,
                href,
            }
        })
        .collect())
}

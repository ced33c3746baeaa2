//! Export of the current result set for researchers: `GET /export.csv` and
//! `GET /export.jsonl` take the search page's parameters and return at most
//! [`MAX_EXPORT_ROWS`] rows, in the page's order. The cap is stated three times: on the page next
//! to the links, and in the `X-Export-Cap` and `X-Total-Count` headers.
//!
//! Rows are gathered by paging through `api::run_search` 100 at a time, so an export sees exactly
//! what the page and the API see, restricted documents included only for a token holder.

use axum::extract::{RawQuery, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::Response;
use serde::Serialize;

use crate::api::{self, ApiError, SharedState};
use thb_engine::document::Provenance;
use thb_engine::limits::{MAX_EXPORT_ROWS, MAX_PER_PAGE};
use thb_engine::search::Hit;

use super::params::{document_path, PageParams};
use thb_engine::case;

use super::{html_response, pages, private_response, request_for, PageError};

/// One exported document: the CSV columns, in order, and the JSON Lines fields. What a
/// researcher cites and codes: identifiers (application number, ECLI), the GRETA round,
/// wording, articles and paragraph, the summary (a recommendation's text) and the passage that
/// matched.
#[derive(Debug, Serialize)]
struct ExportRow {
    id: String,
    kind: &'static str,
    title: String,
    country: Vec<String>,
    court: Option<String>,
    date: Option<String>,
    language: Option<String>,
    themes: Vec<String>,
    provenance: Option<&'static str>,
    application_number: Option<String>,
    ecli: Option<String>,
    greta_round: Option<u8>,
    greta_strength: Option<&'static str>,
    greta_articles: Vec<u16>,
    greta_paragraph: Option<String>,
    summary: Option<String>,
    /// The case's structure (`case`), as the facets hold it: the verdict, the sectors, and
    /// whether its victims include minors or adults, of which genders and nationalities.
    verdict: Option<&'static str>,
    sector: Vec<&'static str>,
    victim_age: Vec<&'static str>,
    victim_gender: Vec<&'static str>,
    victim_nationality: Vec<String>,
    /// How many other decisions of the case the database links (`proceedings`).
    other_decisions: usize,
    /// The passage that matched, as plain text.
    snippet: String,
    /// The document's page on this server.
    url: String,
}

/// A CSV cell of a row: free text through [`spreadsheet_safe`], lists joined with `;`.
type Cell = fn(&ExportRow) -> String;

fn text(value: &Option<String>) -> String {
    spreadsheet_safe(value.as_deref().unwrap_or(""))
}

/// The CSV columns, each with its cell: the header and every record are read from here, in
/// the order of [`ExportRow`]'s fields (the JSON Lines keys; a test holds the two together).
const CSV_COLUMNS: [(&str, Cell); 24] = [
    ("id", |r| r.id.clone()),
    ("kind", |r| r.kind.to_string()),
    ("title", |r| spreadsheet_safe(&r.title)),
    ("country", |r| r.country.join(";")),
    ("court", |r| text(&r.court)),
    ("date", |r| r.date.clone().unwrap_or_default()),
    ("language", |r| r.language.clone().unwrap_or_default()),
    ("themes", |r| r.themes.join(";")),
    ("provenance", |r| r.provenance.unwrap_or("").to_string()),
    ("application_number", |r| text(&r.application_number)),
    ("ecli", |r| text(&r.ecli)),
    ("greta_round", |r| {
        r.greta_round.map(|n| n.to_string()).unwrap_or_default()
    }),
    ("greta_strength", |r| {
        r.greta_strength.unwrap_or("").to_string()
    }),
    ("greta_articles", |r| {
        let articles: Vec<String> = r.greta_articles.iter().map(u16::to_string).collect();
        articles.join(";")
    }),
    ("greta_paragraph", |r| text(&r.greta_paragraph)),
    ("summary", |r| {
        spreadsheet_safe(&one_line(r.summary.as_deref().unwrap_or("")))
    }),
    ("verdict", |r| r.verdict.unwrap_or("").to_string()),
    ("sector", |r| r.sector.join(";")),
    ("victim_age", |r| r.victim_age.join(";")),
    ("victim_gender", |r| r.victim_gender.join(";")),
    ("victim_nationality", |r| r.victim_nationality.join(";")),
    ("other_decisions", |r| r.other_decisions.to_string()),
    ("snippet", |r| spreadsheet_safe(&r.snippet)),
    ("url", |r| r.url.clone()),
];

impl ExportRow {
    fn of(hit: Hit, origin: &str) -> ExportRow {
        let greta = hit.greta.as_ref();
        ExportRow {
            url: format!("{origin}{}", document_path(&hit.id)),
            snippet: one_line(&hit.snippet.text),
            greta_round: greta.map(|g| g.round),
            greta_strength: greta.and_then(|g| g.strength).map(|s| s.as_str()),
            greta_articles: greta.map(|g| g.articles.clone()).unwrap_or_default(),
            greta_paragraph: greta.and_then(|g| g.paragraph.clone()),
            verdict: hit.verdict.map(|v| v.as_str()),
            sector: hit.sector.iter().map(|s| s.as_str()).collect(),
            victim_age: case::victim_ages(&hit.victims),
            victim_gender: (case::victim_genders(&hit.victims).into_iter())
                .map(|g| g.as_str())
                .collect(),
            victim_nationality: (case::victim_nationalities(&hit.victims).into_iter())
                .map(str::to_string)
                .collect(),
            other_decisions: hit.other_decisions,
            id: hit.id,
            kind: hit.kind.as_str(),
            title: hit.title,
            country: hit.country,
            court: hit.court,
            date: hit.date,
            language: hit.language,
            themes: hit.themes,
            provenance: hit.provenance.map(|p| match p {
                Provenance::Real => "real",
                Provenance::Sample => "sample",
            }),
            application_number: hit.application_number,
            ecli: hit.ecli,
            summary: hit.summary,
        }
    }
}

/// Free text on one line (a row a line, as spreadsheets and `wc -l` expect).
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Free text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) is prefixed
/// with an apostrophe, as OWASP advises for CSV injection; ids, codes and dates never start so.
fn spreadsheet_safe(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// `scheme://host` of the request, for absolute document links; empty (relative links) when
/// the Host header is missing or odd.
fn origin(headers: &HeaderMap) -> String {
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .filter(|h| {
            !h.is_empty()
                && h.chars()
                    .all(|c| c.is_ascii_alphanumeric() || ".-:[]".contains(c))
        });
    let scheme = match headers
        .get("x-forwarded-proto")
        .and_then(|h| h.to_str().ok())
    {
        Some("https") => "https",
        _ => "http",
    };
    host.map(|h| format!("{scheme}://{h}")).unwrap_or_default()
}

/// The rows of the result set (at most the cap) and its total.
async fn gather(
    state: &SharedState,
    headers: &HeaderMap,
    params: &PageParams,
) -> Result<(Vec<ExportRow>, usize), PageError> {
    let mut request = request_for(state, headers, params)?;
    request.per_page = MAX_PER_PAGE;
    let origin = origin(headers);
    let mut rows = Vec::new();
    let mut total = 0;
    // page × per_page stays within MAX_RESULT_DEPTH, which equals the cap.
    for page in 1..=MAX_EXPORT_ROWS.div_ceil(MAX_PER_PAGE) {
        request.page = page;
        let response = api::run_search(state, request.clone()).await??;
        total = response.total;
        let fetched = response.hits.len();
        rows.extend(
            response
                .hits
                .into_iter()
                .map(|hit| ExportRow::of(hit, &origin)),
        );
        if fetched < MAX_PER_PAGE || rows.len() >= total.min(MAX_EXPORT_ROWS) {
            break;
        }
    }
    rows.truncate(MAX_EXPORT_ROWS);
    Ok((rows, total))
}

/// The two export formats.
#[derive(Debug, Clone, Copy)]
enum Format {
    Csv,
    JsonLines,
}

impl Format {
    fn content_type(self) -> &'static str {
        match self {
            Format::Csv => "text/csv; charset=utf-8",
            Format::JsonLines => "application/x-ndjson; charset=utf-8",
        }
    }

    fn disposition(self) -> &'static str {
        match self {
            Format::Csv => "attachment; filename=\"thb-caselaw-export.csv\"",
            Format::JsonLines => "attachment; filename=\"thb-caselaw-export.jsonl\"",
        }
    }

    fn write(self, rows: &[ExportRow]) -> Result<Vec<u8>, String> {
        match self {
            Format::Csv => write_csv(rows).map_err(|e| e.to_string()),
            Format::JsonLines => write_jsonl(rows).map_err(|e| e.to_string()),
        }
    }
}

/// The UTF-8 byte order mark: without it Excel reads a CSV file in the machine's legacy code
/// page and garbles Cyrillic, Turkish and Albanian letters; other readers skip it.
const UTF8_BOM: &str = "\u{FEFF}";

fn write_csv(rows: &[ExportRow]) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::Writer::from_writer(UTF8_BOM.as_bytes().to_vec());
    writer.write_record(CSV_COLUMNS.map(|(name, _)| name))?;
    for row in rows {
        writer.write_record(CSV_COLUMNS.map(|(_, cell)| cell(row)))?;
    }
    writer
        .into_inner()
        .map_err(|e| csv::Error::from(e.into_error()))
}

fn write_jsonl(rows: &[ExportRow]) -> Result<Vec<u8>, serde_json::Error> {
    let mut body = Vec::new();
    for row in rows {
        serde_json::to_writer(&mut body, row)?;
        body.push(b'\n');
    }
    Ok(body)
}

/// Gathers the result set of the request's parameters and writes it; a failure shows the
/// search page with the reason, as the page itself would.
async fn export(
    state: SharedState,
    headers: HeaderMap,
    raw: Option<String>,
    format: Format,
) -> Response {
    let params = match super::page_params(raw.as_deref()) {
        Ok(params) => params,
        Err(response) => return *response,
    };
    let written = match gather(&state, &headers, &params.result_set()).await {
        Ok((rows, total)) => format
            .write(&rows)
            .map(|body| (body, rows.len(), total))
            .map_err(|e| ApiError::internal("writing the export", e).into()),
        Err(error) => Err(error),
    };
    match written {
        Ok((body, rows, total)) => {
            let mut response = private_response(StatusCode::OK, format.content_type(), body);
            let headers = response.headers_mut();
            headers.insert(
                header::CONTENT_DISPOSITION,
                HeaderValue::from_static(format.disposition()),
            );
            headers.insert("x-export-cap", HeaderValue::from(MAX_EXPORT_ROWS));
            headers.insert("x-total-count", HeaderValue::from(total));
            headers.insert("x-export-rows", HeaderValue::from(rows));
            response
        }
        Err(error) => html_response(error.status, pages::search_page(&params, Err(&error))),
    }
}

pub(super) async fn csv(
    State(state): State<SharedState>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Response {
    export(state, headers, raw, Format::Csv).await
}

pub(super) async fn jsonl(
    State(state): State<SharedState>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Response {
    export(state, headers, raw, Format::JsonLines).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_defused_and_lists_joined() {
        let row = ExportRow {
            id: "a:1".into(),
            kind: "judgment",
            title: "=HYPERLINK(\"x\")".into(),
            country: vec!["CY".into(), "RU".into()],
            court: None,
            date: Some("2010-01-07".into()),
            language: Some("en".into()),
            themes: vec!["exploitation/sexual".into(), "justice/investigation".into()],
            provenance: Some("real"),
            application_number: Some("25965/04".into()),
            ecli: None,
            greta_round: Some(3),
            greta_strength: Some("urges"),
            greta_articles: vec![10, 26],
            greta_paragraph: None,
            summary: Some("@SUM(A1)\nsecond line".into()),
            verdict: Some("violation"),
            sector: vec!["entertainment"],
            victim_age: vec!["adult"],
            victim_gender: vec!["female"],
            victim_nationality: vec!["RU".into()],
            other_decisions: 0,
            snippet: "-1+1".into(),
            url: "http://h/documents/a:1".into(),
        };
        // The JSON Lines keys are the columns, in order (no value here holds `":`).
        let json = serde_json::to_string(&row).unwrap();
        let at: Vec<Option<usize>> = CSV_COLUMNS
            .iter()
            .map(|(name, _)| json.find(&format!("\"{name}\":")))
            .collect();
        assert!(at.is_sorted() && at[0].is_some(), "{json}");
        assert_eq!(json.matches("\":").count(), CSV_COLUMNS.len(), "{json}");
        let body = String::from_utf8(write_csv(&[row]).unwrap()).unwrap();
        let body = body
            .strip_prefix(UTF8_BOM)
            .expect("a byte order mark for Excel");
        let mut lines = body.lines();
        let header = CSV_COLUMNS.map(|(name, _)| name);
        assert_eq!(lines.next(), Some(header.join(",").as_str()));
        assert_eq!(
            lines.next(),
            Some("a:1,judgment,\"'=HYPERLINK(\"\"x\"\")\",CY;RU,,2010-01-07,en,exploitation/sexual;justice/investigation,real,25965/04,,3,urges,10;26,,'@SUM(A1) second line,violation,entertainment,adult,female,RU,0,'-1+1,http://h/documents/a:1")
        );
        assert_eq!(lines.next(), None, "one row a line");
    }

    #[test]
    fn the_origin_comes_from_a_plain_host_only() {
        let mut h = HeaderMap::new();
        assert_eq!(origin(&h), "");
        h.insert(header::HOST, HeaderValue::from_static("127.0.0.1:8080"));
        assert_eq!(origin(&h), "http://127.0.0.1:8080");
        h.insert(header::HOST, HeaderValue::from_static("evil\"><x"));
        assert_eq!(origin(&h), "");
    }
}

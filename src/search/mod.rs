//! Search: a [`SearchRequest`] (query string, filters, sort, page) → a [`SearchResponse`] (hits
//! with snippets, total, facet counts). Used by the HTTP API and the CLI alike, so both return
//! exactly the same JSON.
//!
//! Facets are multi-select: each dimension's counts are computed with every filter except its
//! own, so choosing Serbia still shows how many hits Bosnia and Herzegovina would have.

pub mod build;
pub mod query;
pub mod request;
pub mod snippet;

use std::time::Instant;

use serde::Serialize;
use tantivy::collector::{Count, FacetCollector, MultiCollector, TopDocs};
use tantivy::query::{BooleanQuery, ConstScoreQuery, Occur, Query, RangeQuery, TermQuery};
use tantivy::schema::{Facet, Field, IndexRecordOption};
use tantivy::{DocAddress, Order, Searcher, Term};

pub use request::{SearchRequest, Sort};

use crate::document::{Greta, Kind, Provenance, Strength};
use crate::domain::taxonomy;
use crate::index::{IndexError, IndexHandle};
use crate::limits::SNIPPET_CHARS;
use query::QueryError;

/// Why a search could not be answered.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    /// The query string is malformed or breaks a limit (the user's to fix: 400).
    #[error("{0}")]
    Query(QueryError),
    /// A parameter is invalid (400), naming the parameter.
    #[error("{parameter}: {message}")]
    Parameter { parameter: String, message: String },
    #[error(transparent)]
    Index(#[from] IndexError),
}

impl From<tantivy::TantivyError> for SearchError {
    fn from(e: tantivy::TantivyError) -> Self {
        SearchError::Index(IndexError::Tantivy(e))
    }
}

/// One hit as the API returns it.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    pub id: String,
    pub kind: Kind,
    pub title: String,
    pub country: Vec<String>,
    pub court: Option<String>,
    pub date: Option<String>,
    pub language: Option<String>,
    pub themes: Vec<String>,
    /// BM25 score with field boosts; `null` when sorted by date.
    pub score: Option<f32>,
    /// HTML: the best passage, matched words in `<mark>`, all else escaped.
    pub snippet: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provenance: Option<Provenance>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub greta: Option<Greta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub application_number: Option<String>,
}

/// One facet value and the number of hits it would have.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct FacetValue {
    pub value: String,
    pub count: u64,
}

/// Counts per facet dimension over the filtered result set.
#[derive(Debug, Clone, Serialize, Default)]
pub struct FacetCounts {
    pub country: Vec<FacetValue>,
    /// Hierarchical: top-level themes and `parent/child` paths.
    pub theme: Vec<FacetValue>,
    pub kind: Vec<FacetValue>,
    pub language: Vec<FacetValue>,
    /// Ascending by year.
    pub year: Vec<FacetValue>,
    /// GRETA evaluation round (`1`, `2`, …), ascending.
    pub greta_round: Vec<FacetValue>,
    /// GRETA strength, strongest first: `urges`, `considers`, `invites`.
    pub greta_strength: Vec<FacetValue>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SearchResponse {
    pub total: usize,
    pub page: usize,
    pub per_page: usize,
    pub took_ms: u64,
    pub hits: Vec<Hit>,
    pub facets: FacetCounts,
}

/// The facet dimensions, each with its own filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dimension {
    Country,
    Theme,
    Kind,
    Language,
    Year,
    GretaRound,
    GretaStrength,
}

const DIMENSIONS: [Dimension; 7] = [
    Dimension::Country,
    Dimension::Theme,
    Dimension::Kind,
    Dimension::Language,
    Dimension::Year,
    Dimension::GretaRound,
    Dimension::GretaStrength,
];

impl Dimension {
    fn field(self, handle: &IndexHandle) -> Field {
        let f = &handle.fields;
        match self {
            Dimension::Country => f.country,
            Dimension::Theme => f.theme,
            Dimension::Kind => f.kind,
            Dimension::Language => f.language,
            Dimension::Year => f.year_facet,
            Dimension::GretaRound => f.greta_round,
            Dimension::GretaStrength => f.greta_strength,
        }
    }

    /// The collectors of this dimension's counts. tantivy will not count a facet and its
    /// descendants in one collector, so themes take two: top level, and children of each.
    fn collectors(self, handle: &IndexHandle) -> Vec<FacetCollector> {
        let name = handle
            .index
            .schema()
            .get_field_name(self.field(handle))
            .to_string();
        let mut root = FacetCollector::for_field(name.clone());
        root.add_facet(Facet::root());
        if self != Dimension::Theme {
            return vec![root];
        }
        let mut children = FacetCollector::for_field(name);
        for top in taxonomy::top_level() {
            children.add_facet(Facet::from_path([top]));
        }
        vec![root, children]
    }
}

/// A filter that does not change scores.
fn filter(query: Box<dyn Query>) -> Box<dyn Query> {
    Box::new(ConstScoreQuery::new(query, 0.0))
}

fn any_facet(field: Field, paths: impl Iterator<Item = Vec<String>>) -> Box<dyn Query> {
    let clauses: Vec<(Occur, Box<dyn Query>)> = paths
        .map(|path| {
            let term = Term::from_facet(field, &Facet::from_path(path));
            (
                Occur::Should,
                Box::new(TermQuery::new(term, IndexRecordOption::Basic)) as Box<dyn Query>,
            )
        })
        .collect();
    Box::new(BooleanQuery::new(clauses))
}

/// The filters of a request: per dimension (left out of their own facet's counts) and the
/// rest (court, access), which always apply.
struct Filters {
    by_dimension: Vec<(Dimension, Box<dyn Query>)>,
    always: Vec<Box<dyn Query>>,
}

impl Filters {
    fn of(request: &SearchRequest, handle: &IndexHandle) -> Filters {
        let f = &handle.fields;
        let mut by_dimension: Vec<(Dimension, Box<dyn Query>)> = Vec::new();
        let single = |v: &String| vec![v.clone()];
        if !request.countries.is_empty() {
            by_dimension.push((
                Dimension::Country,
                any_facet(f.country, request.countries.iter().map(single)),
            ));
        }
        if !request.themes.is_empty() {
            let paths = request
                .themes
                .iter()
                .map(|t| t.split('/').map(str::to_string).collect());
            by_dimension.push((Dimension::Theme, any_facet(f.theme, paths)));
        }
        if !request.kinds.is_empty() {
            let kinds = request.kinds.iter().map(|k| vec![k.as_str().to_string()]);
            by_dimension.push((Dimension::Kind, any_facet(f.kind, kinds)));
        }
        if !request.languages.is_empty() {
            by_dimension.push((
                Dimension::Language,
                any_facet(f.language, request.languages.iter().map(single)),
            ));
        }
        if request.year_from.is_some() || request.year_to.is_some() {
            let from = request.year_from.unwrap_or(0) as u64;
            let to = request.year_to.unwrap_or(9999) as u64;
            let range = RangeQuery::new(
                std::ops::Bound::Included(Term::from_field_u64(f.year, from)),
                std::ops::Bound::Included(Term::from_field_u64(f.year, to)),
            );
            by_dimension.push((Dimension::Year, Box::new(range)));
        }
        if !request.greta_rounds.is_empty() {
            let rounds = request.greta_rounds.iter().map(|r| vec![r.to_string()]);
            by_dimension.push((Dimension::GretaRound, any_facet(f.greta_round, rounds)));
        }
        if !request.greta_strengths.is_empty() {
            let strengths = request
                .greta_strengths
                .iter()
                .map(|s| vec![s.as_str().to_string()]);
            by_dimension.push((
                Dimension::GretaStrength,
                any_facet(f.greta_strength, strengths),
            ));
        }
        let mut always: Vec<Box<dyn Query>> = Vec::new();
        if !request.courts.is_empty() {
            let clauses = request
                .courts
                .iter()
                .map(|c| {
                    let term = Term::from_field_text(f.court_key, &crate::schema::court_key(c));
                    (
                        Occur::Should,
                        Box::new(TermQuery::new(term, IndexRecordOption::Basic)) as Box<dyn Query>,
                    )
                })
                .collect();
            always.push(Box::new(BooleanQuery::new(clauses)));
        }
        if !request.include_restricted {
            // Restricted documents must not show in any way (hits, totals, facet counts).
            always.push(Box::new(BooleanQuery::new(vec![
                (
                    Occur::Must,
                    Box::new(tantivy::query::AllQuery) as Box<dyn Query>,
                ),
                (
                    Occur::MustNot,
                    Box::new(TermQuery::new(
                        Term::from_field_text(f.access, "restricted"),
                        IndexRecordOption::Basic,
                    )),
                ),
            ])));
        }
        Filters {
            by_dimension,
            always,
        }
    }

    fn has(&self, dimension: Dimension) -> bool {
        self.by_dimension.iter().any(|(d, _)| *d == dimension)
    }

    /// The query restricted by every filter except `except`'s.
    fn apply(&self, query: &dyn Query, except: Option<Dimension>) -> Box<dyn Query> {
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, query.box_clone())];
        for (dimension, q) in &self.by_dimension {
            if Some(*dimension) != except {
                clauses.push((Occur::Must, filter(q.box_clone())));
            }
        }
        for q in &self.always {
            clauses.push((Occur::Must, filter(q.box_clone())));
        }
        Box::new(BooleanQuery::new(clauses))
    }
}

fn facet_values(
    all_counts: &[tantivy::collector::FacetCounts],
    dimension: Dimension,
) -> Vec<FacetValue> {
    let strip = |f: &Facet| f.to_path_string().trim_start_matches('/').to_string();
    let mut values: Vec<FacetValue> = Vec::new();
    for counts in all_counts {
        values.extend(counts.get(Facet::root()).map(|(f, count)| FacetValue {
            value: strip(f),
            count,
        }));
    }
    match dimension {
        Dimension::Year | Dimension::GretaRound => values.sort_by(|a, b| a.value.cmp(&b.value)),
        Dimension::GretaStrength => values.sort_by_key(|v| {
            Strength::ALL
                .iter()
                .position(|s| s.as_str() == v.value)
                .unwrap_or(usize::MAX)
        }),
        // Taxonomy order keeps children under their parent for a tree display.
        Dimension::Theme => values.sort_by_key(|v| {
            taxonomy::all()
                .iter()
                .position(|t| *t == v.value)
                .unwrap_or(usize::MAX)
        }),
        _ => values.sort_by(|a, b| b.count.cmp(&a.count).then(a.value.cmp(&b.value))),
    }
    values
}

/// Runs a search.
pub fn search(
    handle: &IndexHandle,
    request: &SearchRequest,
) -> Result<SearchResponse, SearchError> {
    let started = Instant::now();
    let parsed = query::parse(&request.query).map_err(SearchError::Query)?;
    let searcher = handle.searcher();
    let built = build::build(&parsed, &handle.fields, &searcher)?;
    let filters = Filters::of(request, handle);
    let filtered = filters.apply(built.query.as_ref(), None);

    // The empty query has no relevance order; browse it newest first.
    let sort = match (request.sort, parsed) {
        (Sort::Relevance, query::Node::All) => Sort::DateDesc,
        (sort, _) => sort,
    };
    let offset = (request.page - 1) * request.per_page;

    let mut multi = MultiCollector::new();
    let count_handle = multi.add_collector(Count);
    let mut own_facets = Vec::new();
    for dimension in DIMENSIONS {
        if !filters.has(dimension) {
            let handles: Vec<_> = dimension
                .collectors(handle)
                .into_iter()
                .map(|c| multi.add_collector(c))
                .collect();
            own_facets.push((dimension, handles));
        }
    }
    // One search collects the page, the total and the unfiltered dimensions' counts; only
    // the page's collector depends on the sort.
    let limit = || TopDocs::with_limit(request.per_page).and_offset(offset);
    let by_score = (sort == Sort::Relevance).then(|| multi.add_collector(limit().order_by_score()));
    let by_date = (sort != Sort::Relevance).then(|| {
        let order = if sort == Sort::DateDesc {
            Order::Desc
        } else {
            Order::Asc
        };
        multi.add_collector(limit().order_by_fast_field::<u64>("date_key", order))
    });
    let mut fruits = searcher.search(filtered.as_ref(), &multi)?;
    let addresses: Vec<(Option<f32>, DocAddress)> = match (by_score, by_date) {
        (Some(top), _) => top
            .extract(&mut fruits)
            .into_iter()
            .map(|(score, a)| (Some(score), a))
            .collect(),
        (None, Some(top)) => top
            .extract(&mut fruits)
            .into_iter()
            .map(|(_, a)| (None, a))
            .collect(),
        (None, None) => Vec::new(),
    };
    let total = count_handle.extract(&mut fruits);
    let mut facets: Vec<(Dimension, Vec<FacetValue>)> = own_facets
        .into_iter()
        .map(|(d, hs)| {
            let counts: Vec<_> = hs.into_iter().map(|h| h.extract(&mut fruits)).collect();
            (d, facet_values(&counts, d))
        })
        .collect();
    // Each filtered dimension counts without its own filter (multi-select faceting).
    for dimension in DIMENSIONS.into_iter().filter(|d| filters.has(*d)) {
        let query = filters.apply(built.query.as_ref(), Some(dimension));
        let counts = dimension
            .collectors(handle)
            .into_iter()
            .map(|c| searcher.search(query.as_ref(), &c))
            .collect::<Result<Vec<_>, _>>()?;
        facets.push((dimension, facet_values(&counts, dimension)));
    }
    let mut facet_counts = FacetCounts::default();
    for (dimension, values) in facets {
        let slot = match dimension {
            Dimension::Country => &mut facet_counts.country,
            Dimension::Theme => &mut facet_counts.theme,
            Dimension::Kind => &mut facet_counts.kind,
            Dimension::Language => &mut facet_counts.language,
            Dimension::Year => &mut facet_counts.year,
            Dimension::GretaRound => &mut facet_counts.greta_round,
            Dimension::GretaStrength => &mut facet_counts.greta_strength,
        };
        *slot = values;
    }

    let hits = addresses
        .into_iter()
        .map(|(score, address)| hit(handle, &searcher, address, score, &built.highlight))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(SearchResponse {
        total,
        page: request.page,
        per_page: request.per_page,
        took_ms: started.elapsed().as_millis() as u64,
        hits,
        facets: facet_counts,
    })
}

fn hit(
    handle: &IndexHandle,
    searcher: &Searcher,
    address: DocAddress,
    score: Option<f32>,
    highlight: &build::Highlight,
) -> Result<Hit, SearchError> {
    let d = handle.document_at(searcher, address, true)?;
    let snippet = snippet::snippet(&d.text, highlight, d.language.as_deref(), SNIPPET_CHARS);
    Ok(Hit {
        id: d.id,
        kind: d.kind,
        title: d.title,
        country: d.country,
        court: d.court,
        date: d.date.map(|d| d.to_string()),
        language: d.language,
        themes: d.themes,
        score,
        snippet,
        provenance: d.provenance,
        greta: d.greta,
        application_number: d.application_number,
    })
}

/// The highlight terms of a query (for marking a whole document in the document view).
pub fn highlight_terms(
    handle: &IndexHandle,
    query_text: &str,
) -> Result<build::Highlight, SearchError> {
    let parsed = query::parse(query_text).map_err(SearchError::Query)?;
    let searcher = handle.searcher();
    Ok(build::build(&parsed, &handle.fields, &searcher)?.highlight)
}

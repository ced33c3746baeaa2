//! Search: a [`SearchRequest`] (query string, filters, sort, page) → a [`SearchResponse`] (hits
//! with snippets, total, facet counts). Used by the HTTP API and the CLI alike, so both return
//! exactly the same JSON.
//!
//! Facets are multi-select: each dimension's counts are computed with every filter except its
//! own, so choosing Serbia still shows how many hits Bosnia and Herzegovina would have; the
//! counts, the facet filters and the page come from one pass over the matches (`facets`).

#[cfg(feature = "internals")]
pub mod build;
#[cfg(not(feature = "internals"))]
pub(crate) mod build;
pub mod cache;
pub mod citations;
#[cfg(feature = "internals")]
pub mod conjunction;
#[cfg(not(feature = "internals"))]
pub(crate) mod conjunction;
pub(crate) mod expansion;
pub mod explain;
#[cfg(feature = "internals")]
pub mod facets;
#[cfg(not(feature = "internals"))]
pub(crate) mod facets;
pub(crate) mod highlight;
pub mod markdown;
pub(crate) mod marked;
pub mod paragraph;
pub mod partial;
pub(crate) mod probe;
pub mod proceedings;
pub mod public_view;
pub mod query;
pub mod request;
pub mod similar;
pub mod snippet;
mod spellings;

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Instant;

use serde::Serialize;
use tantivy::query::{BooleanQuery, ConstScoreQuery, EmptyQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocAddress, Searcher, Term};

pub use request::{SearchRequest, Sort};

use crate::case::{Person, Sector, Verdict};
use crate::document::{Greta, Kind, Provenance};
use crate::index::{IndexError, IndexHandle};
use crate::limits::{SEARCH_DEADLINE, SNIPPET_CHARS};
use crate::schema;
use crate::versions::Version;
use crate::vocabulary::{PerDimension, Selecting, ValueOrder};
use cache::ResponseCache;
use conjunction::ConjunctionQuery;
use facets::{Accept, Deadline, Dimension, OnePass, PageOrder};
use public_view::PublicView;
use query::QueryError;

/// Why a search could not be answered.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    /// The query string is malformed or breaks a limit (the user's to fix: 400).
    #[error("{0}")]
    Query(QueryError),
    /// A parameter is invalid (400), naming the parameter.
    #[error("{parameter}: {message}")]
    Parameter {
        parameter: String,
        problem: request::ParameterProblem,
        message: String,
    },
    /// The search ran past its deadline and was stopped (503): the user's to narrow.
    #[error("the search took longer than {} s; narrow it with more words or filters", SEARCH_DEADLINE.as_secs())]
    Timeout,
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
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Hit {
    pub id: String,
    pub kind: Kind,
    pub title: String,
    pub country: Vec<String>,
    pub court: Option<String>,
    pub date: Option<String>,
    pub language: Option<String>,
    /// The themes the document declares.
    pub themes: Vec<String>,
    /// For a document that declares none, the themes of the concepts it names (see
    /// `domain::thesaurus::Thesaurus::infer_themes`); the theme facet counts both.
    pub themes_inferred: Vec<String>,
    /// BM25 score with field boosts; `null` when sorted by date.
    pub score: Option<f32>,
    /// The best passage and its matched words (a Markdown text's markers left out). In the
    /// JSON, HTML: the matched words in `<mark>`, all else escaped.
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub snippet: snippet::Marked,
    /// The title and its matched words. In the JSON (`title_html`), HTML as `snippet` is.
    #[serde(rename = "title_html")]
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub title_marked: snippet::Marked,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provenance: Option<Provenance>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub greta: Option<Greta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub application_number: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ecli: Option<String>,
    /// The document's own summary (a GRETA recommendation's text is often all of it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// The same judgment in other languages (see `versions`), by language: the hit is the
    /// best-ranked version that passes the filters, these are the others the caller may see,
    /// whether or not they pass the filters. Left out when there are none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub versions: Vec<Version>,
    /// The numbered paragraph the snippet's first matched word stands in, when the text numbers
    /// its paragraphs (judgments of the Court, GRETA reports): its number, its fragment on the
    /// document's page and the pin-cite. Left out otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<paragraph::HitParagraph>,
    /// How the court decided (see `case`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verdict: Option<Verdict>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sector: Vec<Sector>,
    /// The victims, described (never named).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub victims: Vec<Person>,
    /// How many other decisions of the same case the caller may reach (first instance,
    /// appeal, …; see `proceedings`), those not in the database included. Left out when
    /// there are none.
    #[serde(skip_serializing_if = "is_zero")]
    pub other_decisions: usize,
    /// With `explain=true`: the clauses of the query that match the document and what each
    /// added to its score (`explain`). Left out otherwise, and for a query without words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explanation: Option<explain::HitExplanation>,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// One facet value and the number of hits it would have.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FacetValue {
    pub value: String,
    pub count: u64,
    /// In a tree (themes, courts): the value this one sits beneath, whose count includes
    /// it. The value is then the parent's, `/`, and its own name (`labour/forced`,
    /// `European Court of Human Rights/Grand Chamber`). Left out at the top of a tree and in
    /// flat dimensions, so a client that reads `value` and `count` only sees what it did.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
}

/// Counts per facet dimension over the filtered result set, under each dimension's name (in
/// the JSON, `{"country": [...], "theme": [...], ...}`).
pub type FacetCounts = PerDimension<Vec<FacetValue>>;

#[cfg(feature = "openapi")]
impl utoipa::PartialSchema for FacetCounts {
    /// As a struct with a field per dimension would derive it, each field described by its
    /// row of `vocabulary::DIMENSIONS`.
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{ArrayBuilder, ObjectBuilder, Type};
        use utoipa::openapi::Ref;
        let mut object = ObjectBuilder::new()
            .schema_type(Type::Object)
            .description(Some(
                "Counts per facet dimension over the filtered result set.",
            ));
        for spec in &crate::vocabulary::DIMENSIONS {
            let values = ArrayBuilder::new()
                .items(Ref::from_schema_name("FacetValue"))
                .description(spec.about);
            object = object.property(spec.name, values).required(spec.name);
        }
        object.into()
    }
}

#[cfg(feature = "openapi")]
impl utoipa::ToSchema for FacetCounts {
    fn name() -> std::borrow::Cow<'static, str> {
        std::borrow::Cow::Borrowed("FacetCounts")
    }

    fn schemas(
        schemas: &mut Vec<(
            String,
            utoipa::openapi::RefOr<utoipa::openapi::schema::Schema>,
        )>,
    ) {
        use utoipa::PartialSchema;
        schemas.push((FacetValue::name().into_owned(), FacetValue::schema()));
        <FacetValue as utoipa::ToSchema>::schemas(schemas);
    }
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SearchResponse {
    /// Hits: the documents that match, a judgment's language versions counted once (they are
    /// one hit). The pages hold these.
    pub total: usize,
    /// Documents that match, each language version itself: what the facet values count, so
    /// that a value's count is the `documents` of choosing it.
    pub documents: usize,
    pub page: usize,
    pub per_page: usize,
    pub took_ms: u64,
    pub hits: Vec<Hit>,
    pub facets: FacetCounts,
    /// When every word together matches fewer than [`partial::BELOW`] documents: the
    /// documents that match some of the words, and what each word matches alone.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub partial: Option<partial::Partial>,
    /// The concepts of the thesaurus the query's words name and what the search also looked
    /// for because of them (their terms in every language, and related concepts'); empty with
    /// `expand=false`. Documents found only so rank below every document the words as typed
    /// find.
    pub expansions: Vec<expansion::Expansion>,
    /// With `explain_id`: whether that document matches the query, and why not
    /// (`explain::why_not`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub why_not: Option<explain::WhyNot>,
}

/// A filter that does not change scores.
fn filter(query: Box<dyn Query>) -> Box<dyn Query> {
    Box::new(ConstScoreQuery::new(query, 0.0))
}

/// The filters of a request: per facet dimension (left out of their own dimension's counts,
/// applied by [`OnePass`]) and the rest, which always apply and go into the query: articles of
/// the Convention required (not a counted dimension, see `schema::Fields::greta_article`),
/// restricted documents excluded.
struct Filters {
    by_dimension: Vec<(Dimension, Accept)>,
    /// Each with the parameter that sets it.
    always: Vec<(&'static str, Box<dyn Query>)>,
    excluded: Vec<Box<dyn Query>>,
}

impl Filters {
    fn of(request: &SearchRequest, handle: &IndexHandle) -> Result<Filters, IndexError> {
        let f = &handle.fields;
        let mut by_dimension: Vec<(Dimension, Accept)> = Vec::new();
        for (dimension, chosen) in request.filters.iter() {
            let accept = match dimension.spec().selecting {
                Selecting::Values(_) if !chosen.is_empty() => Accept::AnyOf(chosen.clone()),
                Selecting::Courts if !chosen.is_empty() => Accept::Courts(chosen.clone()),
                Selecting::Years if request.year_from.is_some() || request.year_to.is_some() => {
                    Accept::Years {
                        from: request.year_from.unwrap_or(0) as u32,
                        to: request.year_to.unwrap_or(9999) as u32,
                    }
                }
                _ => continue,
            };
            by_dimension.push((dimension, accept));
        }
        let mut always: Vec<(&'static str, Box<dyn Query>)> = Vec::new();
        if !request.greta_articles.is_empty() {
            let article = |n: &u16| -> (Occur, Box<dyn Query>) {
                let term = Term::from_facet(f.greta_article, &schema::greta_article_facet(*n));
                let query = TermQuery::new(term, IndexRecordOption::Basic);
                (Occur::Should, Box::new(query))
            };
            let any = BooleanQuery::new(request.greta_articles.iter().map(article).collect());
            always.push(("article", Box::new(any)));
        }
        if !request.cites.is_empty() {
            let searcher = handle.searcher();
            let mut any: Vec<(Occur, Box<dyn Query>)> = Vec::new();
            for value in &request.cites {
                let query =
                    citations::citing_query(handle, &searcher, value, request.include_restricted)?;
                any.push((Occur::Should, query));
            }
            always.push(("cites", Box::new(BooleanQuery::new(any))));
        }
        if !request.provenances.is_empty() {
            let any = BooleanQuery::new(
                request
                    .provenances
                    .iter()
                    .map(|p| {
                        let term = Term::from_field_text(f.provenance, p.as_str());
                        let query = TermQuery::new(term, IndexRecordOption::Basic);
                        (Occur::Should, Box::new(query) as Box<dyn Query>)
                    })
                    .collect(),
            );
            always.push(("provenance", Box::new(any)));
        }
        let mut excluded: Vec<Box<dyn Query>> = Vec::new();
        if !request.include_restricted {
            // Restricted documents must not show in any way (hits, totals, facet counts).
            // Excluded at the top of the query rather than intersected as "all but these": an
            // exclusion costs nothing in a segment without restricted documents, where the
            // intersection cost a fifth of a two-word search at a million documents.
            excluded.push(Box::new(TermQuery::new(
                schema::restricted_term(f.access),
                IndexRecordOption::Basic,
            )));
        }
        Ok(Filters {
            by_dimension,
            always,
            excluded,
        })
    }
}

/// The request's filters the document at `address` does not pass, by the parameter that
/// sets each: the dimensions' from the document's values in the facet tables (as the pass
/// over the matches reads them), the others by running their query on it.
fn filtered_out(
    handle: &IndexHandle,
    searcher: &Searcher,
    request: &SearchRequest,
    address: DocAddress,
) -> Result<Vec<String>, SearchError> {
    let filters = Filters::of(request, handle)?;
    let reader = searcher.segment_reader(address.segment_ord);
    let mut out = Vec::new();
    if !filters.by_dimension.is_empty() {
        let tables = handle.facet_tables().get(reader)?;
        let values = tables.document_values(address.doc_id);
        for (dimension, accept) in &filters.by_dimension {
            let passes = values
                .iter()
                .any(|(d, value)| d == dimension && accept.accepts(value));
            if !passes {
                out.push(dimension.key().to_string());
            }
        }
    }
    for (parameter, query) in filters.always {
        let weight = query.weight(tantivy::query::EnableScoring::disabled_from_searcher(
            searcher,
        ))?;
        let mut scorer = weight.scorer(reader, 1.0)?;
        let doc = address.doc_id;
        if !(scorer.doc() <= doc && tantivy::DocSet::seek(&mut scorer, doc) == doc) {
            out.push(parameter.to_string());
        }
    }
    Ok(out)
}

/// The query restricted by the filters every count obeys (`Filters::always` required, without
/// scoring; `Filters::excluded` left out): inside a conjunction when the query is one (see
/// `ConjunctionQuery::restricted`), around it otherwise.
fn restrict(
    query: Box<dyn Query>,
    always: Vec<Box<dyn Query>>,
    excluded: Vec<Box<dyn Query>>,
) -> Box<dyn Query> {
    if always.is_empty() && excluded.is_empty() {
        return query;
    }
    match query.downcast::<ConjunctionQuery>() {
        Ok(conjunction) => Box::new((*conjunction).restricted(always, excluded)),
        Err(query) => {
            let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, query)];
            clauses.extend(always.into_iter().map(|q| (Occur::Must, filter(q))));
            clauses.extend(excluded.into_iter().map(|q| (Occur::MustNot, q)));
            Box::new(BooleanQuery::new(clauses))
        }
    }
}

/// Most hits first, then by value.
fn most_first(a: &FacetValue, b: &FacetValue) -> std::cmp::Ordering {
    b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value))
}

/// Top-level values most hits first, each followed by its children most hits first, and
/// theirs beneath them (a provision's tree is three deep: `RS`, `RS/CC`, `RS/CC/388`).
fn children_under_parents(mut values: Vec<FacetValue>) -> Vec<FacetValue> {
    values.sort_by(most_first);
    let listed = |parent: &Option<String>, values: &[FacetValue]| {
        parent
            .as_deref()
            .is_some_and(|p| values.iter().any(|v| v.value == p))
    };
    // A child whose parent is not among the values (none should be: a child is counted with
    // its parent) is listed as a root, never lost.
    let (roots, mut children): (Vec<FacetValue>, Vec<FacetValue>) = {
        let all = values.clone();
        values.into_iter().partition(|v| !listed(&v.parent, &all))
    };
    fn place(value: FacetValue, children: &mut Vec<FacetValue>, ordered: &mut Vec<FacetValue>) {
        let (mine, others): (Vec<FacetValue>, Vec<FacetValue>) = std::mem::take(children)
            .into_iter()
            .partition(|c| c.parent.as_deref() == Some(value.value.as_str()));
        *children = others;
        ordered.push(value);
        for child in mine {
            place(child, children, ordered);
        }
    }
    let mut ordered = Vec::with_capacity(roots.len() + children.len());
    for root in roots {
        place(root, &mut children, &mut ordered);
    }
    ordered.extend(children);
    ordered
}

fn facet_values(counts: HashMap<String, u64>, dimension: Dimension) -> Vec<FacetValue> {
    let mut values: Vec<FacetValue> = counts
        .into_iter()
        .map(|(value, count)| FacetValue {
            parent: dimension.parent_of(&value).map(str::to_string),
            value,
            count,
        })
        .collect();
    match dimension.spec().order {
        ValueOrder::ByValue => values.sort_by(|a, b| a.value.cmp(&b.value)),
        ValueOrder::Listed(place) => {
            values.sort_by_key(|v| place(&v.value).unwrap_or(usize::MAX));
        }
        ValueOrder::ChildrenUnderParents => values = children_under_parents(values),
        ValueOrder::MostFirst => values.sort_by(most_first),
    }
    values
}

/// Runs a search, stopped at [`SEARCH_DEADLINE`].
pub fn search(
    handle: &IndexHandle,
    request: &SearchRequest,
) -> Result<SearchResponse, SearchError> {
    let started = Instant::now();
    search_on(
        handle,
        &handle.searcher(),
        request,
        started,
        started + SEARCH_DEADLINE,
    )
}

/// Runs a search that must end by `deadline`: past it, the pass over the matches stops and the
/// answer is [`SearchError::Timeout`].
pub fn search_until(
    handle: &IndexHandle,
    request: &SearchRequest,
    deadline: Instant,
) -> Result<SearchResponse, SearchError> {
    search_on(
        handle,
        &handle.searcher(),
        request,
        Instant::now(),
        deadline,
    )
}

/// Runs a search, or answers it from `cache` when the same request was answered on the
/// index as it is now (see [`cache`]).
pub fn search_cached(
    handle: &IndexHandle,
    request: &SearchRequest,
    cache: &ResponseCache,
) -> Result<SearchResponse, SearchError> {
    let started = Instant::now();
    let searcher = handle.searcher();
    let generation = searcher.generation().generation_id();
    if let Some(stored) = cache.get(generation, request) {
        let mut response = SearchResponse::clone(&stored);
        response.took_ms = started.elapsed().as_millis() as u64;
        return Ok(response);
    }
    let response = search_on(
        handle,
        &searcher,
        request,
        started,
        started + SEARCH_DEADLINE,
    )?;
    cache.put(generation, request, Arc::new(response.clone()));
    Ok(response)
}

fn search_on(
    handle: &IndexHandle,
    searcher: &Searcher,
    request: &SearchRequest,
    started: Instant,
    deadline: Instant,
) -> Result<SearchResponse, SearchError> {
    let parsed = query::parse(&request.query).map_err(SearchError::Query)?;
    // Without a token, restricted documents take no part in the statistics either (scores,
    // a prefix's words): see `public_view`.
    let public = match request.include_restricted {
        true => None,
        false => PublicView::of(searcher, handle.facet_tables())?,
    };
    let pass = Pass {
        handle,
        searcher,
        request,
        public: public.as_ref(),
        deadline,
    };
    // The empty query has no relevance order; browse it newest first.
    let order = match (request.sort, &parsed) {
        (Sort::Relevance, query::Node::All) => PageOrder::Browse,
        (Sort::DateDesc, _) => PageOrder::DateDesc,
        (Sort::Relevance, _) => PageOrder::Score,
        (Sort::DateAsc, _) => PageOrder::DateAsc,
    };
    let offset = (request.page - 1) * request.per_page;
    let ran = pass.run(&parsed, order, offset + request.per_page)?;
    let (harvest, highlight, expansions) = (ran.harvest, ran.highlight, ran.expansions);
    let explainer = match request.explain {
        true => Some(explain::Explainer::new(
            ran.built,
            searcher,
            public.as_ref(),
        )?),
        false => None,
    };
    let total = harvest.total;
    let mut facet_counts = FacetCounts::default();
    for (dimension, counts) in Dimension::ALL.into_iter().zip(harvest.counts) {
        facet_counts[dimension] = facet_values(counts, dimension);
    }
    let hits = pass.hits(harvest.top, offset, order, &highlight, explainer.as_ref())?;
    let partial = match request.page == 1 && total < partial::BELOW {
        true => partial::find(&pass, &parsed)?,
        false => None,
    };
    let why_not = match &request.explain_id {
        Some(id) => {
            let fields = &handle.fields;
            let built = build::build_explained(
                &parsed,
                fields,
                searcher,
                public.as_ref(),
                request.expand,
                true,
            )?;
            let include = request.include_restricted;
            let filtered_out = |address| filtered_out(handle, searcher, request, address);
            Some(explain::why_not(
                handle,
                searcher,
                public.as_ref(),
                built,
                id,
                include,
                filtered_out,
            )?)
        }
        None => None,
    };
    Ok(SearchResponse {
        total,
        documents: harvest.documents,
        page: request.page,
        per_page: request.per_page,
        took_ms: started.elapsed().as_millis() as u64,
        hits,
        facets: facet_counts,
        partial,
        expansions,
        why_not,
    })
}

/// What a pass over the index found, and what its query was built with.
struct Ran {
    harvest: facets::Harvest,
    highlight: highlight::Highlight,
    expansions: Vec<expansion::Expansion>,
    /// What the query was built with (its probes, recorded when the request explains its
    /// hits); the query itself has run.
    built: build::Built,
}

/// One search's setting: what every pass over the index for it shares (the request's filters,
/// the caller's view, the deadline).
struct Pass<'a> {
    handle: &'a IndexHandle,
    searcher: &'a Searcher,
    request: &'a SearchRequest,
    public: Option<&'a PublicView<'a>>,
    deadline: Instant,
}

impl Pass<'_> {
    /// Runs `node` with the request's filters: the `keep` best matches in `order`, the total and
    /// the facet counts, and the terms to highlight.
    fn run(&self, node: &query::Node, order: PageOrder, keep: usize) -> Result<Ran, SearchError> {
        let mut built = build::build_explained(
            node,
            &self.handle.fields,
            self.searcher,
            self.public,
            self.request.expand,
            self.request.explain,
        )?;
        let Filters {
            by_dimension,
            always,
            excluded,
        } = Filters::of(self.request, self.handle)?;
        let built_query = std::mem::replace(&mut built.query, Box::new(EmptyQuery));
        let query = restrict(
            built_query,
            always.into_iter().map(|(_, query)| query).collect(),
            excluded,
        );
        let collector = OnePass {
            tables: self.handle.facet_tables.clone(),
            filters: Arc::new(by_dimension),
            order,
            keep,
            deadline: Arc::new(Deadline::at(self.deadline)),
        };
        let harvest = match self.public {
            Some(view) => {
                self.searcher
                    .search_with_statistics_provider(query.as_ref(), &collector, view)?
            }
            None => self.searcher.search(query.as_ref(), &collector)?,
        };
        if collector.deadline.passed() {
            return Err(SearchError::Timeout);
        }
        Ok(Ran {
            harvest,
            highlight: std::mem::take(&mut built.highlight),
            expansions: std::mem::take(&mut built.expansions),
            built,
        })
    }

    /// The hits of `top` from `offset` on, each with its snippet.
    fn hits(
        &self,
        top: Vec<(f64, DocAddress)>,
        offset: usize,
        order: PageOrder,
        highlight: &highlight::Highlight,
        explainer: Option<&explain::Explainer>,
    ) -> Result<Vec<Hit>, SearchError> {
        // A hit's snippet reads its whole text (up to 8 MiB): the deadline holds between hits.
        top.into_iter()
            .skip(offset)
            .map(|(key, address)| {
                let score = (order == PageOrder::Score).then_some(key as f32);
                match Instant::now() >= self.deadline {
                    true => Err(SearchError::Timeout),
                    false => {
                        let mut hit = hit(self, address, score, highlight)?;
                        if let Some(explainer) = explainer {
                            hit.explanation = explainer.explain(self.searcher, address, true)?;
                        }
                        Ok(hit)
                    }
                }
            })
            .collect()
    }
}

fn hit(
    pass: &Pass<'_>,
    address: DocAddress,
    score: Option<f32>,
    highlight: &highlight::Highlight,
) -> Result<Hit, SearchError> {
    let (handle, searcher) = (pass.handle, pass.searcher);
    let d = handle.document_at(searcher, address, true)?;
    let (snippet, matched_at) =
        snippet::located_snippet(&d.text, highlight, d.language.as_deref(), SNIPPET_CHARS);
    let paragraph = matched_at.and_then(|at| paragraph::HitParagraph::at(&d, at));
    let title_marked = snippet::highlight_all(&d.title, highlight, d.language.as_deref());
    let versions = handle.language_versions(searcher, &d, pass.request.include_restricted)?;
    let other_decisions = match d.proceedings.is_empty() && !handle.is_listed(searcher, &d.id)? {
        true => 0,
        false => proceedings::chain(handle, searcher, &d, pass.request.include_restricted)?.len(),
    };
    Ok(Hit {
        id: d.id,
        kind: d.kind,
        title: d.title,
        country: d.country,
        court: d.court,
        date: d.date.map(|d| d.to_string()),
        language: d.language,
        themes: d.themes,
        themes_inferred: d.themes_inferred,
        score,
        snippet,
        title_marked,
        provenance: d.provenance,
        greta: d.greta,
        application_number: d.application_number,
        ecli: d.ecli,
        summary: d.summary,
        versions,
        paragraph,
        verdict: d.verdict,
        sector: d.sector,
        victims: d.victims,
        other_decisions,
        explanation: None,
    })
}

/// The highlight terms of a query (for marking a whole document in the document view).
pub fn highlight_terms(
    handle: &IndexHandle,
    query_text: &str,
) -> Result<highlight::Highlight, SearchError> {
    let parsed = query::parse(query_text).map_err(SearchError::Query)?;
    let searcher = handle.searcher();
    // The highlight of a document the caller already sees: no statistics are shown.
    Ok(build::build(&parsed, &handle.fields, &searcher, None, true)?.highlight)
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::document::Document;

    /// An index of judgments given by `(id, court as written, echr.formation)`.
    fn courts_index(judgments: &[(&str, &str, Option<&str>)]) -> (IndexHandle, tempfile::TempDir) {
        let dir = tempfile::tempdir().unwrap();
        let handle = IndexHandle::open_or_create(&dir.path().join("index")).unwrap();
        let mut writer = handle.writer(15_000_000).unwrap();
        for (id, court, formation) in judgments {
            let mut record = json!({
                "id": id,
                "kind": "judgment",
                "title": format!("Judgment {id}"),
                "text": "The applicant was a victim of trafficking in human beings.",
                "court": court,
                "country": ["RS"],
                "language": "en",
            });
            if let Some(formation) = formation {
                record["echr"] = json!({ "formation": formation });
            }
            let document = Document::from_json(record).unwrap();
            handle
                .upsert(&writer, id, handle.to_tantivy(&document))
                .unwrap();
        }
        handle.commit(&mut writer).unwrap();
        (handle, dir)
    }

    fn courts_of(response: &SearchResponse) -> Vec<(&str, u64, Option<&str>)> {
        response.facets[Dimension::Court]
            .iter()
            .map(|v| (v.value.as_str(), v.count, v.parent.as_deref()))
            .collect()
    }

    fn court_filter(courts: Vec<String>) -> PerDimension<Vec<String>> {
        let mut filters = PerDimension::default();
        filters[Dimension::Court] = courts;
        filters
    }

    fn found(handle: &IndexHandle, courts: &[&str]) -> Vec<String> {
        let request = SearchRequest {
            filters: court_filter(courts.iter().map(|c| c.to_string()).collect()),
            ..SearchRequest::default()
        };
        sorted_ids(handle, &request)
    }

    /// The ids of a search's hits, sorted.
    fn sorted_ids(handle: &IndexHandle, request: &SearchRequest) -> Vec<String> {
        let mut ids: Vec<String> = search(handle, request)
            .unwrap()
            .hits
            .into_iter()
            .map(|h| h.id)
            .collect();
        ids.sort();
        ids
    }

    const ECTHR: &str = "European Court of Human Rights";
    const GC: &str = "European Court of Human Rights/Grand Chamber";

    #[test]
    fn the_court_counts_its_formations_and_a_filter_on_it_takes_them() {
        let (handle, _dir) = courts_index(&[
            (
                "t:gc",
                "European Court of Human Rights (Grand Chamber)",
                None,
            ),
            (
                "t:gc-2",
                "European Court of Human Rights (Grand Chamber)",
                None,
            ),
            ("t:chamber", ECTHR, Some("chamber")),
            ("t:plain", ECTHR, None),
            ("t:national", "Viši sud u Beogradu", None),
        ]);
        let all = search(&handle, &SearchRequest::default()).unwrap();
        assert_eq!(
            courts_of(&all),
            vec![
                (ECTHR, 4, None),
                (GC, 2, Some(ECTHR)),
                ("European Court of Human Rights/Chamber", 1, Some(ECTHR)),
                ("Viši sud u Beogradu", 1, None),
            ],
            "the court first, its formations beneath it, most hits first"
        );
        assert_eq!(
            found(&handle, &[ECTHR]),
            vec!["t:chamber", "t:gc", "t:gc-2", "t:plain"]
        );
        assert_eq!(found(&handle, &[GC]), vec!["t:gc", "t:gc-2"]);
        assert_eq!(
            found(&handle, &["european court of human rights (grand chamber)"]),
            vec!["t:gc", "t:gc-2"],
            "the name as written selects its formation"
        );
        assert_eq!(
            found(&handle, &[GC, "Viši sud u Beogradu"]),
            vec!["t:gc", "t:gc-2", "t:national"]
        );

        // Choosing a formation leaves the court's counts as they were (multi-select) and
        // narrows the other dimensions.
        let request = SearchRequest {
            filters: court_filter(vec![GC.to_string()]),
            ..SearchRequest::default()
        };
        let chosen = search(&handle, &request).unwrap();
        assert_eq!(chosen.total, 2);
        assert_eq!(courts_of(&chosen), courts_of(&all));
        assert_eq!(chosen.facets[Dimension::Country][0].count, 2);
    }

    /// An index of `records`, each committed on its own (a segment each) when `apart`: a work's
    /// versions then sit in different segments.
    pub(crate) fn index_of(
        records: &[serde_json::Value],
        apart: bool,
    ) -> (IndexHandle, tempfile::TempDir) {
        let dir = tempfile::tempdir().unwrap();
        let handle = IndexHandle::open_or_create(&dir.path().join("index")).unwrap();
        let mut writer = handle.writer(15_000_000).unwrap();
        for record in records {
            let document = Document::from_json(record.clone()).unwrap();
            handle
                .upsert(&writer, &document.id, handle.to_tantivy(&document))
                .unwrap();
            if apart {
                handle.commit(&mut writer).unwrap();
            }
        }
        handle.commit(&mut writer).unwrap();
        (handle, dir)
    }

    /// A judgment of the Court in `language`, given on `date` in application `number`.
    fn echr(id: &str, language: &str, number: &str, date: &str, text: &str) -> serde_json::Value {
        json!({
            "id": id,
            "kind": "judgment",
            "title": format!("Judgment {number}"),
            "text": text,
            "court": ECTHR,
            "country": ["CY"],
            "date": date,
            "language": language,
            "application_number": number,
            "provenance": "sample",
        })
    }

    const ENGLISH: &str = "The State failed to protect the victim of trafficking.";
    const FRENCH: &str = "L'État n'a pas protégé la victime de la traite des êtres humains.";

    /// Two bilingual judgments (one tied by its application number, one by `versions`), the
    /// same application's admissibility decision, and three judgments in English only.
    fn bilingual_records() -> Vec<serde_json::Value> {
        let mut records = vec![
            echr("t:1", "en", "1/10", "2012-01-10", ENGLISH),
            echr("t:1:fr", "fr", "1/10", "2012-01-10", FRENCH),
            json!({
                "id": "rs:k-7:en", "kind": "judgment", "title": "K 7/2019",
                "text": ENGLISH, "country": "RS", "language": "en",
                "court": "Viši sud u Beogradu", "date": "2019-05-05",
                "versions": ["rs:k-7"], "provenance": "sample",
            }),
            json!({
                "id": "rs:k-7", "kind": "judgment", "title": "K 7/2019",
                "text": "Država nije zaštitila žrtvu trgovine ljudima.", "country": "RS",
                "language": "sr-Latn", "court": "Viši sud u Beogradu", "date": "2019-05-05",
                "versions": ["rs:k-7:en"], "provenance": "sample",
            }),
        ];
        let mut decision = echr("t:1:decision", "en", "1/10", "2011-03-03", ENGLISH);
        decision["kind"] = json!("decision");
        records.push(decision);
        for n in 2..=4 {
            let date = format!("201{n}-02-02");
            records.push(echr(
                &format!("t:{n}"),
                "en",
                &format!("{n}/10"),
                &date,
                ENGLISH,
            ));
        }
        records
    }

    pub(crate) fn request(pairs: &[(&str, &str)]) -> SearchRequest {
        SearchRequest::from_pairs(pairs.iter().copied()).unwrap()
    }

    /// Each hit's id and the languages of its other versions.
    fn shown(response: &SearchResponse) -> Vec<(String, Vec<String>)> {
        response
            .hits
            .iter()
            .map(|h| {
                let languages = h.versions.iter().map(|v| v.language.clone()).collect();
                (h.id.clone(), languages)
            })
            .collect()
    }

    #[test]
    fn language_versions_are_one_hit_and_the_total_counts_hits() {
        for apart in [false, true] {
            let (handle, _dir) = index_of(&bilingual_records(), apart);
            let all = search(&handle, &request(&[("per_page", "100")])).unwrap();
            let mut hits = shown(&all);
            hits.sort();
            let bilingual = |id: &str, other: &str| (id.to_string(), vec![other.to_string()]);
            assert_eq!(hits.len(), 6, "segments apart: {apart}: {hits:?}");
            assert!(
                hits.contains(&bilingual("t:1", "fr")) || hits.contains(&bilingual("t:1:fr", "en"))
            );
            assert!(
                hits.contains(&bilingual("rs:k-7:en", "sr-Latn"))
                    || hits.contains(&bilingual("rs:k-7", "en"))
            );
            assert!(
                hits.contains(&("t:1:decision".to_string(), vec![])),
                "a decision in the same application is another text"
            );
            assert_eq!(all.total, 6, "hits, each judgment once");
            let languages: u64 = all.facets[Dimension::Language]
                .iter()
                .map(|v| v.count)
                .sum();
            assert_eq!(languages, 8, "the facets count documents");
        }
    }

    #[test]
    fn the_best_ranked_version_is_the_hit_and_a_language_filter_picks_its_own() {
        let (handle, _dir) = index_of(&bilingual_records(), false);
        let french_word = search(&handle, &request(&[("q", "traite")])).unwrap();
        assert_eq!(shown(&french_word), [("t:1:fr".into(), vec!["en".into()])]);
        let english = search(&handle, &request(&[("q", "trafficking"), ("lang", "en")])).unwrap();
        assert!(shown(&english).contains(&("t:1".into(), vec!["fr".into()])));
        let french = search(&handle, &request(&[("q", "1/10"), ("lang", "fr")])).unwrap();
        assert_eq!(
            shown(&french),
            [("t:1:fr".into(), vec!["en".into()])],
            "the French version, still naming the English one the filter leaves out"
        );
        assert_eq!(french.total, 1);
    }

    #[test]
    fn pages_hold_per_page_hits_and_each_judgment_once() {
        for order in ["relevance", "date-desc", "date-asc"] {
            let (handle, _dir) = index_of(&bilingual_records(), true);
            let mut seen: Vec<String> = Vec::new();
            for page in 1..=3 {
                let page = page.to_string();
                let response = search(
                    &handle,
                    &request(&[
                        ("q", "victim OR victime OR žrtvu"),
                        ("sort", order),
                        ("per_page", "2"),
                        ("page", &page),
                    ]),
                )
                .unwrap();
                assert_eq!(response.total, 6, "{order}");
                assert_eq!(response.hits.len(), 2, "{order} page {page}");
                for hit in &response.hits {
                    let work: Vec<&String> = std::iter::once(&hit.id)
                        .chain(hit.versions.iter().map(|v| &v.id))
                        .collect();
                    assert!(
                        !work.iter().any(|id| seen.contains(id)),
                        "{order}: {} shown twice",
                        hit.id
                    );
                    seen.extend(work.into_iter().cloned());
                }
            }
            assert_eq!(
                seen.len(),
                8,
                "{order}: every document, on one page or as a version"
            );
        }
    }

    #[test]
    fn a_restricted_version_is_listed_only_to_those_who_may_read_it() {
        let mut records = bilingual_records();
        records[1]["access"] = json!("restricted");
        let (handle, _dir) = index_of(&records, false);
        let public = search(&handle, &request(&[("q", "1/10"), ("kind", "judgment")])).unwrap();
        assert_eq!(shown(&public), [("t:1".into(), vec![])]);
        let mut reader = request(&[("q", "1/10"), ("kind", "judgment")]);
        reader.include_restricted = true;
        let hits = shown(&search(&handle, &reader).unwrap());
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].1.len(), 1, "{hits:?}");
        let english = handle.get("t:1", false).unwrap().unwrap();
        let searcher = handle.searcher();
        assert!(handle
            .language_versions(&searcher, &english, false)
            .unwrap()
            .is_empty());
        assert_eq!(
            handle.language_versions(&searcher, &english, true).unwrap(),
            [Version {
                id: "t:1:fr".into(),
                language: "fr".into()
            }]
        );
    }

    /// A query word is stemmed by every language's rules, and each stem meets only the
    /// documents its own rules stemmed. The Turkish rules make `grup` of the Croatian `grubi`
    /// (rough), as of the Turkish `grubun` (of the group); the Croatian rules make `grup` of
    /// `grupa` (group). Before stems had namespaces, `grubi` found the Croatian group.
    #[test]
    fn a_stem_meets_only_documents_stemmed_by_the_rules_that_made_it() {
        let record = |id: &str, language: &str, text: &str| {
            json!({
                "id": id, "kind": "judgment", "title": format!("Case {id}"), "text": text,
                "country": ["HR"], "language": language, "provenance": "sample",
            })
        };
        let (handle, _dir) = index_of(
            &[
                record(
                    "hr",
                    "hr",
                    "Organizirana grupa vrbovala je žrtve preko oglasa.",
                ),
                record("tr", "tr", "Grubun üyeleri insan ticaretinden tutuklandı."),
            ],
            false,
        );
        let ids = |query: &str| sorted_ids(&handle, &request(&[("q", query)]));
        // Croatian inflections of `grupa` meet it; the Turkish stem of `grupi` is `grup` too.
        assert_eq!(ids("grupi"), ["hr", "tr"]);
        assert_eq!(ids("grupom"), ["hr"]);
        // The near miss: `grubi` is not a form of `grupa`.
        assert_eq!(ids("grubi"), ["tr"]);
        assert_eq!(ids("grubu"), ["tr"]);
    }

    #[test]
    fn theme_children_name_their_parent_and_flat_dimensions_have_none() {
        let counts = HashMap::from([
            ("exploitation/labour".to_string(), 2),
            ("exploitation".to_string(), 3),
        ]);
        let themes = facet_values(counts, Dimension::Theme);
        assert_eq!(themes[0].value, "exploitation", "taxonomy order");
        assert_eq!(themes[0].parent, None);
        assert_eq!(themes[1].parent.as_deref(), Some("exploitation"));
        let countries = facet_values(HashMap::from([("RS".to_string(), 1)]), Dimension::Country);
        assert_eq!(countries[0].parent, None);
        let json = serde_json::to_value(&countries[0]).unwrap();
        assert_eq!(json, json!({"value": "RS", "count": 1}), "no `parent` key");
    }
}

//! Facet counts checked on the shipped corpus (`corpus/`, real and sample documents in eleven
//! languages) in two independent ways:
//! - for the empty query, every count of every dimension, and the documents matched, are
//!   recomputed from the stored documents themselves, filter combination by filter combination;
//! - for word queries, every count equals the documents of the same search with that value as
//!   its dimension's only filter, which is what multi-select faceting promises the user
//!   ("choosing this value gives this many documents"; a judgment's language versions are
//!   documents each, and one hit in the `total`).

use crate::common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::{Arc, OnceLock};

use tantivy::query::{EnableScoring, Explanation, Query, Scorer, TermQuery, Weight};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocAddress, DocId, DocSet, Score, SegmentReader, Term};

use thb_engine::columns::{FacetTables, GROUP_COMBINATIONS};
use thb_engine::document::{Access, Document};
use thb_engine::index::IndexHandle;
use thb_engine::ingest::{ingest_paths, IngestOptions};
use thb_engine::search::conjunction::ConjunctionQuery;
use thb_engine::search::facets::{Accept, Deadline, Dimension, OnePass, PageOrder};
use thb_engine::search::{self, build, query, FacetCounts, FacetValue, SearchRequest};

const DIMENSIONS: [&str; 8] = [
    "country",
    "theme",
    "kind",
    "language",
    "year",
    "greta_round",
    "greta_strength",
    "court",
];

fn corpus_index() -> &'static IndexHandle {
    &built().0
}

fn built() -> &'static (IndexHandle, tempfile::TempDir) {
    static INDEX: OnceLock<(IndexHandle, tempfile::TempDir)> = OnceLock::new();
    INDEX.get_or_init(|| {
        let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        let (handle, dir, report) = common::ingested_index(corpus, &IngestOptions::default());
        assert!(report.added > 200, "{report:?}");
        (handle, dir)
    })
}

/// The corpus index as searches see it with the facet dimensions packed into groups as the
/// server packs them (all in one group, at this size), then split by smaller limits: each
/// dimension in a group of its own (limit 1), and a mix, the mix also with four-byte
/// combination numbers. Counting and drill-sideways must not depend on how the dimensions are
/// grouped or numbered (see `columns::Group`).
fn corpus_indexes() -> Vec<(String, IndexHandle)> {
    let (_, dir) = built();
    [
        (GROUP_COMBINATIONS, false),
        (1, false),
        (40, false),
        (40, true),
    ]
    .into_iter()
    .map(|(limit, wide)| {
        let tables = FacetTables::with_group_limit(limit);
        let handle = IndexHandle::open(&dir.path().join("index"))
            .unwrap()
            .with_facet_tables(if wide { tables.wide() } else { tables });
        (format!("group limit {limit}, wide {wide}"), handle)
    })
    .collect()
}

/// Every live document, read from the store (not through search).
fn stored_documents(handle: &IndexHandle) -> Vec<Document> {
    let searcher = handle.searcher();
    let mut documents = Vec::new();
    for (ord, segment) in searcher.segment_readers().iter().enumerate() {
        for doc in segment.doc_ids_alive() {
            let address = DocAddress::new(ord as u32, doc);
            documents.push(handle.document_at(&searcher, address, false).unwrap());
        }
    }
    documents
}

/// A document's values in one dimension, as the API names them (themes with their ancestors).
fn values(d: &Document, dimension: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    match dimension {
        "country" => out.extend(d.country.iter().cloned()),
        "theme" => {
            for theme in &d.themes {
                let parts: Vec<&str> = theme.split('/').collect();
                for depth in 1..=parts.len() {
                    out.insert(parts[..depth].join("/"));
                }
            }
        }
        "kind" => {
            out.insert(d.kind.as_str().to_string());
        }
        "language" => {
            out.insert(d.language.clone().unwrap_or_else(|| "und".into()));
        }
        "year" => out.extend(d.date.map(|date| date.year.to_string())),
        "greta_round" => out.extend(d.greta.as_ref().map(|g| g.round.to_string())),
        "greta_strength" => out.extend(
            d.greta
                .as_ref()
                .and_then(|g| g.strength)
                .map(|s| s.as_str().to_string()),
        ),
        "court" => {
            // The court, and beneath it the formation that sat: both counted.
            if let Some(court) = &d.court {
                let formation = d.echr.as_ref().and_then(|e| e.formation);
                let path = thb_engine::domain::courts::facet_path(court, formation);
                for depth in 1..=path.len() {
                    out.insert(path[..depth].join("/"));
                }
            }
        }
        other => panic!("unknown dimension {other}"),
    }
    out
}

/// A filter on one dimension: the values it accepts.
type Selection = BTreeMap<&'static str, Vec<String>>;

fn request(query: &str, selection: &Selection) -> SearchRequest {
    let mut r = SearchRequest {
        query: query.to_string(),
        per_page: 10,
        ..SearchRequest::default()
    };
    for (dimension, accepted) in selection {
        if *dimension == "year" {
            // A single-year selection is the range from it to itself.
            let years: Vec<u16> = accepted.iter().map(|y| y.parse().unwrap()).collect();
            r.year_from = years.iter().min().copied();
            r.year_to = years.iter().max().copied();
        } else {
            let named = Dimension::named(dimension);
            r.filters[named.unwrap_or_else(|| panic!("unknown dimension {dimension}"))] =
                accepted.clone();
        }
    }
    r
}

fn facet<'a>(counts: &'a FacetCounts, dimension: &str) -> &'a [FacetValue] {
    let named = Dimension::named(dimension);
    &counts[named.unwrap_or_else(|| panic!("unknown dimension {dimension}"))]
}

fn as_map(values: &[FacetValue]) -> BTreeMap<String, u64> {
    values.iter().map(|v| (v.value.clone(), v.count)).collect()
}

fn passes(d: &Document, dimension: &str, accepted: &[String]) -> bool {
    let have = values(d, dimension);
    if dimension == "year" {
        let years: Vec<u16> = accepted.iter().map(|y| y.parse().unwrap()).collect();
        let (from, to) = (*years.iter().min().unwrap(), *years.iter().max().unwrap());
        return have
            .iter()
            .any(|y| (from..=to).contains(&y.parse::<u16>().unwrap()));
    }
    accepted.iter().any(|a| have.contains(a))
}

/// The most frequent value of a dimension among the documents.
fn commonest(documents: &[Document], dimension: &str) -> Option<String> {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for d in documents {
        for v in values(d, dimension) {
            *counts.entry(v).or_default() += 1;
        }
    }
    counts.into_iter().max_by_key(|(_, n)| *n).map(|(v, _)| v)
}

fn selections(documents: &[Document]) -> Vec<Selection> {
    let pick = |dimension: &'static str| -> Selection {
        commonest(documents, dimension)
            .map(|v| BTreeMap::from([(dimension, vec![v])]))
            .unwrap_or_default()
    };
    let merge =
        |parts: &[Selection]| -> Selection { parts.iter().flat_map(|p| p.clone()).collect() };
    let mut out = vec![Selection::new()];
    for dimension in DIMENSIONS {
        out.push(pick(dimension));
    }
    out.push(merge(&[pick("country"), pick("theme")]));
    out.push(merge(&[pick("kind"), pick("language"), pick("year")]));
    out.push(merge(&[pick("court"), pick("theme")]));
    out.push(merge(&[
        pick("country"),
        pick("theme"),
        pick("kind"),
        pick("greta_round"),
    ]));
    // The court tree: the Strasbourg court takes its Grand Chamber's judgments, the Grand
    // Chamber only its own (issue 19: ticking the Court dropped S.M. v. Croatia [GC]).
    let court = |value: &str| BTreeMap::from([("court", vec![value.to_string()])]);
    out.push(court("European Court of Human Rights"));
    out.push(court("European Court of Human Rights/Grand Chamber"));
    out.push(merge(&[
        court("European Court of Human Rights"),
        pick("theme"),
    ]));
    // Two values in one dimension: either is accepted.
    let mut languages: Vec<String> = documents
        .iter()
        .flat_map(|d| values(d, "language"))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .take(2)
        .collect();
    languages.sort();
    out.push(BTreeMap::from([("language", languages)]));
    out
}

#[test]
fn counts_of_the_empty_query_are_the_stored_documents_counted_by_hand() {
    for (tables, handle) in corpus_indexes() {
        counts_are_the_stored_documents_counted_by_hand(&tables, &handle);
    }
}

fn counts_are_the_stored_documents_counted_by_hand(tables: &str, handle: &IndexHandle) {
    let documents: Vec<Document> = stored_documents(handle)
        .into_iter()
        .filter(|d| d.access != Access::Restricted)
        .collect();
    assert!(documents.len() > 200);
    for selection in selections(&documents) {
        let response = search::search(handle, &request("", &selection)).unwrap();
        let expected_total = documents
            .iter()
            .filter(|d| selection.iter().all(|(dim, acc)| passes(d, dim, acc)))
            .count();
        // Documents, each language version itself, as the facets count them; the total counts
        // a judgment's versions once (issue 19, item 3).
        assert_eq!(
            response.documents, expected_total,
            "{tables}: documents for {selection:?}"
        );
        assert!(response.total <= response.documents);
        for dimension in DIMENSIONS {
            let mut expected: BTreeMap<String, u64> = BTreeMap::new();
            for d in documents.iter().filter(|d| {
                selection
                    .iter()
                    .filter(|(dim, _)| **dim != dimension)
                    .all(|(dim, acc)| passes(d, dim, acc))
            }) {
                for v in values(d, dimension) {
                    *expected.entry(v).or_default() += 1;
                }
            }
            assert_eq!(
                as_map(facet(&response.facets, dimension)),
                expected,
                "{tables}: {dimension} counts for {selection:?}"
            );
        }
    }
}

#[test]
fn each_count_is_the_total_of_choosing_that_value() {
    for (tables, handle) in corpus_indexes() {
        each_count_is_the_total_of_choosing_it(&tables, &handle);
    }
}

fn each_count_is_the_total_of_choosing_it(tables: &str, handle: &IndexHandle) {
    let documents = stored_documents(handle);
    for query in [
        "trafficking",
        "трговина",
        "trgovina ljudima",
        "exploitation OR traite",
    ] {
        for selection in selections(&documents) {
            let response = search::search(handle, &request(query, &selection)).unwrap();
            let mut checked = 0;
            for dimension in DIMENSIONS {
                for value in facet(&response.facets, dimension) {
                    let mut chosen = selection.clone();
                    chosen.insert(dimension, vec![value.value.clone()]);
                    // A count is of documents (a judgment's language versions each), as the
                    // chosen search's `documents` are; its `total` counts hits.
                    let total = search::search(handle, &request(query, &chosen))
                        .unwrap()
                        .documents;
                    assert_eq!(
                        value.count as usize, total,
                        "{tables}: `{query}`, {selection:?}: {dimension}={} counts {} but choosing it gives {total}",
                        value.value, value.count
                    );
                    checked += 1;
                }
            }
            if selection.is_empty() {
                assert!(checked > 0, "`{query}` has facet values to check");
            }
        }
    }
}

#[test]
fn pages_follow_on_from_each_other_in_every_sort_order() {
    use thb_engine::search::Sort;
    let handle = corpus_index();
    for sort in [Sort::Relevance, Sort::DateDesc, Sort::DateAsc] {
        for query in ["trafficking", ""] {
            let page = |page: usize, per_page: usize| -> Vec<String> {
                let mut r = request(query, &Selection::new());
                r.sort = sort;
                r.page = page;
                r.per_page = per_page;
                let response = search::search(handle, &r).unwrap();
                response.hits.into_iter().map(|h| h.id).collect()
            };
            let whole = page(1, 20);
            assert_eq!(whole.len(), 20, "`{query}` {sort:?} has 20 hits");
            let pieced: Vec<String> = (1..=4).flat_map(|p| page(p, 5)).collect();
            assert_eq!(
                pieced, whole,
                "`{query}` {sort:?}: pages of 5 against one of 20"
            );
        }
    }
}

/// A query whose scorer hides its type, so the one-pass collector takes its matches document by
/// document, as it does for every query that is not a conjunction.
#[derive(Debug)]
struct OneByOne(Box<dyn Query>);

impl Clone for OneByOne {
    fn clone(&self) -> Self {
        OneByOne(self.0.box_clone())
    }
}

impl Query for OneByOne {
    fn weight(&self, scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(OneByOneWeight(self.0.weight(scoring)?)))
    }
}

struct OneByOneWeight(Box<dyn Weight>);

impl Weight for OneByOneWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        Ok(Box::new(OneByOneScorer(self.0.scorer(reader, boost)?)))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        self.0.explain(reader, doc)
    }
}

struct OneByOneScorer(Box<dyn Scorer>);

impl DocSet for OneByOneScorer {
    fn advance(&mut self) -> DocId {
        self.0.advance()
    }

    fn doc(&self) -> DocId {
        self.0.doc()
    }

    fn size_hint(&self) -> u32 {
        self.0.size_hint()
    }
}

impl Scorer for OneByOneScorer {
    fn score(&mut self) -> Score {
        self.0.score()
    }
}

/// A conjunction's matches reach the facet pass a window at a time (`ConjunctionScorer::
/// for_each_window`); every other query's, one by one. Both must give the same total, page and
/// counts, on an index holding deleted documents (which only the collector leaves out).
#[test]
fn window_by_window_counts_what_document_by_document_counts() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let (handle, _dir, _) = common::ingested_index(corpus.clone(), &IngestOptions::default());
    // Ingested again, the ECtHR documents replace their first versions, which stay in their
    // segment as deleted documents.
    let again = ingest_paths(
        &handle,
        &[corpus.join("ecthr.jsonl")],
        &IngestOptions::default(),
    )
    .expect("it ingests");
    assert!(again.updated > 10, "{again:?}");
    let searcher = handle.searcher();
    let deleted: u32 = searcher
        .segment_readers()
        .iter()
        .map(|s| s.num_deleted_docs())
        .sum();
    assert!(deleted > 10, "{deleted} deleted documents");
    let restricted = || -> Box<dyn Query> {
        Box::new(TermQuery::new(
            Term::from_field_text(handle.fields().access, "restricted"),
            IndexRecordOption::Basic,
        ))
    };
    let mut compared = 0;
    for text in [
        "trafficking",
        "trafficking article",
        "трговина људима",
        "forced labour -sexual",
        "court applicant",
    ] {
        let parsed = query::parse(text).unwrap();
        let built = build::build(&parsed, handle.fields(), &searcher, None, true).unwrap();
        let conjunction = built
            .query
            .downcast_ref::<ConjunctionQuery>()
            .unwrap_or_else(|| panic!("`{text}` runs as a conjunction"))
            .clone();
        let public = conjunction.clone().restricted([], [restricted()]);
        for query in [conjunction, public] {
            for (order, filters) in [
                (PageOrder::Score, vec![]),
                (PageOrder::DateDesc, vec![]),
                (
                    PageOrder::Score,
                    vec![(Dimension::Country, Accept::AnyOf(vec!["RS".into()]))],
                ),
            ] {
                let collector = OnePass {
                    tables: handle.facet_tables().clone(),
                    filters: Arc::new(filters.clone()),
                    order,
                    keep: 15,
                    deadline: Arc::new(Deadline::none()),
                };
                let windows = searcher.search(&query, &collector).unwrap();
                let one_by_one = searcher
                    .search(&OneByOne(Box::new(query.clone())), &collector)
                    .unwrap();
                let what = format!("`{text}` {order:?} {filters:?}");
                assert_eq!(windows.total, one_by_one.total, "{what}: total");
                assert_eq!(windows.top, one_by_one.top, "{what}: page");
                assert_eq!(windows.counts, one_by_one.counts, "{what}: counts");
                assert!(windows.total > 0, "{what} has hits");
                compared += 1;
            }
        }
    }
    assert_eq!(compared, 30);
}

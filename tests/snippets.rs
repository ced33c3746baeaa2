//! Snippets of the shipped corpus's real judgments, through `search::search` as the API runs
//! it: the passage shown is the one with the most of the query's words.

mod common;

use std::path::Path;

use thb_caselaw::ingest::IngestOptions;
use thb_caselaw::search::{self, SearchRequest};

/// The snippet of `id` among the hits of `query`.
fn snippet_of(query: &str, id: &str) -> String {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let (handle, _dir, _) = common::ingested_index(corpus, &IngestOptions::default());
    let request = SearchRequest {
        query: query.to_string(),
        per_page: 50,
        ..SearchRequest::default()
    }
    .validate()
    .unwrap();
    let response = search::search(&handle, &request).unwrap();
    let hit = response.hits.iter().find(|h| h.id == id);
    hit.unwrap_or_else(|| panic!("{id} not among the hits of {query:?}"))
        .snippet
        .clone()
}

/// S.M. v. Croatia [GC] in French speaks of prostitution in many forms (`prostituer`,
/// `prostitution` twice in one sentence) far from the word `exploitation`. Counting distinct
/// matched forms, that sentence won and the snippet showed one of the two words typed.
#[test]
fn a_two_word_query_shows_the_passage_with_both_words() {
    let snippet = snippet_of("exploitation prostitution", "ecthr:60561-14:fr");
    assert!(
        snippet.contains("<mark>exploitation</mark>")
            && snippet.contains("<mark>prostitution</mark>"),
        "{snippet}"
    );
}

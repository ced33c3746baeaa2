//! Snippets of the shipped corpus's real judgments, through `search::search` as the API runs
//! it: the passage shown is the one with the most of the query's words.

use crate::common;

use std::path::Path;
use std::sync::OnceLock;

use thb_engine::analysis::Analyzer;
use thb_engine::index::IndexHandle;
use thb_engine::ingest::IngestOptions;
use thb_engine::search::{self, SearchRequest};

fn corpus_index() -> &'static IndexHandle {
    static INDEX: OnceLock<(IndexHandle, tempfile::TempDir)> = OnceLock::new();
    &INDEX
        .get_or_init(|| {
            let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
            let (handle, dir, _) = common::ingested_index(corpus, &IngestOptions::default());
            (handle, dir)
        })
        .0
}

/// The snippet of `id` among the hits of `query`, as the API writes it (HTML).
fn snippet_of(query: &str, id: &str) -> String {
    let request = SearchRequest {
        query: query.to_string(),
        per_page: 50,
        ..SearchRequest::default()
    }
    .validate()
    .unwrap();
    let response = search::search(corpus_index(), &request).unwrap();
    let hit = response.hits.iter().find(|h| h.id == id);
    hit.unwrap_or_else(|| panic!("{id} not among the hits of {query:?}"))
        .snippet
        .html()
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

/// The words are numbered in the order typed: a phrase's one by one, a prefix as one word
/// whatever it expands to, and a word under NOT not at all (it is never marked).
#[test]
fn the_query_words_are_numbered_in_the_order_typed() {
    let highlight = search::highlight_terms(
        corpus_index(),
        "\"forced labour\" -servitude traffick* child",
    )
    .unwrap();
    let folded = &highlight.terms[&Analyzer::Folded];
    assert_eq!((folded["forced"], folded["labour"]), (0b1, 0b10));
    let expansions: Vec<&str> = folded
        .iter()
        .filter(|(_, words)| **words == 0b100)
        .map(|(term, _)| term.as_str())
        .collect();
    assert!(
        expansions.len() >= 3 && expansions.iter().all(|t| t.starts_with("traffick")),
        "{expansions:?}"
    );
    assert!(expansions.contains(&"trafficking"), "{expansions:?}");
    assert_eq!(folded["child"], 0b1000);
    assert!(!folded.contains_key("servitude"), "{folded:?}");
}

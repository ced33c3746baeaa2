//! `explain=true` through the service's router, in process, over the shipped corpus: each
//! hit's explanation adds up to its score, names the thesaurus concept of a hit found only
//! through it, is left out unless asked for, and never shows a restricted document to a caller
//! without a token.

use crate::common;

use std::path::Path;
use std::sync::{Arc, OnceLock};

use axum::http::StatusCode;
use axum::Router;
use serde_json::Value;

use thb_caselaw::api::AppState;
use thb_caselaw::config::Config;
use thb_engine::ingest::IngestOptions;

const READER: &str = "explain-reader";

/// The Maltese domestic-servitude case, restricted; written in English, `kućno ropstvo` finds
/// it only through the thesaurus (see tests/thesaurus.rs).
const RESTRICTED: &str = "mt:sample:cm:2019-01-30";

fn corpus() -> &'static Router {
    static ROUTER: OnceLock<(Router, tempfile::TempDir)> = OnceLock::new();
    &ROUTER
        .get_or_init(|| {
            let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
            let (handle, dir, report) = common::ingested_index(path, &IngestOptions::default());
            assert!(report.rejected.is_empty(), "{:?}", report.rejected);
            let config = Config {
                reader_tokens: vec![READER.into()],
                ..Config::default()
            };
            let state = Arc::new(AppState::new(handle, config));
            (thb_caselaw::app::router(state), dir)
        })
        .0
}

async fn get(uri: &str, token: Option<&str>) -> (StatusCode, String) {
    common::oneshot_get(corpus(), uri, token).await
}

async fn search(query: &str, token: Option<&str>) -> Value {
    let (status, body) = get(&format!("/api/search?{query}"), token).await;
    assert_eq!(status, StatusCode::OK, "{query}: {body}");
    serde_json::from_str(&body).unwrap()
}

fn hits(body: &Value) -> &Vec<Value> {
    body["hits"].as_array().unwrap()
}

/// Every hit's explanation sums to the hit's score (to rounding: the query sums its clauses
/// in another order).
fn assert_explained_scores(body: &Value) {
    for hit in hits(body) {
        let score = hit["score"].as_f64().unwrap();
        let explanation = &hit["explanation"];
        let explained = explanation["score"].as_f64().unwrap();
        assert!(
            (explained - score).abs() <= 1e-4 * score.max(1.0),
            "{}: explained {explained}, scored {score}: {explanation}",
            hit["id"]
        );
        let sum: f64 = explanation["matches"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["contribution"].as_f64().unwrap())
            .sum();
        assert!(
            (sum - explained).abs() <= 1e-4 * score.max(1.0),
            "{explanation}"
        );
    }
}

#[tokio::test]
async fn forced_labour_explained_adds_up_and_names_the_concept_of_an_expanded_hit() {
    let body = search("q=forced+labour&explain=true&per_page=100", None).await;
    assert!(!hits(&body).is_empty());
    assert_explained_scores(&body);
    let mut typed = 0;
    let mut expanded = 0;
    for hit in hits(&body) {
        let matches = hit["explanation"]["matches"].as_array().unwrap();
        assert!(!matches.is_empty(), "{hit}");
        let through_concept = |m: &&Value| m.get("expansion").is_some();
        if matches.iter().all(|m| through_concept(&m)) {
            // Found only through the thesaurus: it says which concept, and scores under the
            // expansions' ceiling (10^-9, README), below every typed word.
            expanded += 1;
            let score = hit["score"].as_f64().unwrap();
            assert!(score > 0.0 && score < 1e-9, "{hit}");
            for m in matches {
                assert!(
                    m["expansion"] == "forced-labour" || m["expansion"] == "labour-exploitation",
                    "{m}"
                );
                assert_eq!(m["words"], "forced labour");
            }
        } else {
            typed += 1;
            assert!(hit["score"].as_f64().unwrap() > 0.0);
            let words: Vec<&str> = matches
                .iter()
                .filter(|m| !through_concept(m))
                .map(|m| m["words"].as_str().unwrap())
                .collect();
            assert!(
                words.contains(&"forced") && words.contains(&"labour"),
                "both words are required: {words:?}"
            );
        }
    }
    assert!(
        typed > 0 && expanded > 0,
        "{typed} typed, {expanded} expanded"
    );
    // Every typed hit first, then the expanded ones, each group by its score.
    let scores: Vec<f64> = hits(&body)
        .iter()
        .map(|h| h["score"].as_f64().unwrap())
        .collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
    assert!(scores[typed - 1] > scores[typed], "{scores:?}");
    // The expanded ones are ordered by how much they say it, not left to tie.
    let mut expanded_scores = scores[typed..].to_vec();
    expanded_scores.dedup();
    assert!(expanded_scores.len() > 1, "{scores:?}");
    // A Serbian Cyrillic labour case (tests/thesaurus.rs) is met through a Serbian term of
    // the concept (`prinudni rad`, one term in both scripts), which its stem field holds whole.
    let cyrillic = hits(&body)
        .iter()
        .find(|h| h["id"] == "rs:sample:k-34-2016")
        .expect("the Cyrillic labour case is on the first page");
    let matches = cyrillic["explanation"]["matches"].as_array().unwrap();
    assert!(
        matches.iter().any(|m| m["field"] == "stem"
            && m["language"] == "sr-Latn"
            && (m["expansion"] == "forced-labour" || m["expansion"] == "labour-exploitation")),
        "{matches:?}"
    );
}

#[tokio::test]
async fn a_stemmed_match_names_its_stemmer_and_a_latin_word_meets_cyrillic_folded() {
    let body = search("q=trgovinom&explain=true&per_page=100", None).await;
    assert_explained_scores(&body);
    let mut cyrillic_folded = false;
    for hit in hits(&body) {
        for m in hit["explanation"]["matches"].as_array().unwrap() {
            match m["analysis"].as_str().unwrap() {
                "stemmed" => {
                    assert_eq!(m["field"], "stem");
                    assert!(!m["term"].as_str().unwrap().contains(':'), "{m}");
                    assert!(m["language"].is_string(), "{m}");
                }
                "folded" if hit["language"] == "sr-Cyrl" => cyrillic_folded = true,
                _ => {}
            }
        }
    }
    // Without the thesaurus, a Cyrillic judgment is met by the Latin word's folded form or its
    // stem, never its exact form.
    let body = search("q=trgovina&explain=true&expand=false&lang=sr-Cyrl", None).await;
    assert!(!hits(&body).is_empty());
    for hit in hits(&body) {
        let analyses: Vec<&str> = hit["explanation"]["matches"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["analysis"].as_str().unwrap())
            .collect();
        assert!(!analyses.contains(&"exact"), "{}: {analyses:?}", hit["id"]);
        cyrillic_folded |= analyses.contains(&"folded");
    }
    assert!(cyrillic_folded);
}

#[tokio::test]
async fn without_explain_no_hit_has_an_explanation_and_a_bad_value_is_named() {
    for query in ["q=forced+labour", "q=forced+labour&explain=false"] {
        let body = search(query, None).await;
        assert!(!hits(&body).is_empty());
        for hit in hits(&body) {
            assert!(hit.get("explanation").is_none(), "{query}: {hit}");
        }
    }
    let (status, body) = get("/api/search?q=forced+labour&explain=maybe", None).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert!(body.contains("explain"), "{body}");
    assert!(body.contains("maybe"), "{body}");
}

#[tokio::test]
async fn a_restricted_document_is_never_explained_without_a_token() {
    let query = "q=ku%C4%87no+ropstvo&explain=true&per_page=100";
    let public = search(query, None).await;
    assert!(!hits(&public).is_empty());
    assert_explained_scores(&public);
    let text = public.to_string();
    assert!(!text.contains(RESTRICTED), "{text}");
    let reader = search(query, Some(READER)).await;
    assert_explained_scores(&reader);
    let restricted = hits(&reader)
        .iter()
        .find(|h| h["id"] == RESTRICTED)
        .expect("a reader finds it");
    let matches = restricted["explanation"]["matches"].as_array().unwrap();
    assert!(
        matches.iter().all(|m| m.get("expansion").is_some()),
        "written in English, it is met only through the thesaurus: {matches:?}"
    );
}

#[tokio::test]
async fn the_page_shows_why_each_result_came_up_when_asked() {
    let (status, page) = get("/?q=forced+labour&explain=true", None).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("<details class=\"why\""), "{page}");
    assert!(page.contains("Why this result?"));
    assert!(page.contains("data-analysis=\"exact\""));
    let (_, page) = get("/?q=forced+labour", None).await;
    assert!(!page.contains("<details class=\"why\""));
    // A hit found through the thesaurus names the concept in the page's language, not by id.
    let (_, page) = get("/?q=forced+labour&explain=true&ui=sr", None).await;
    assert!(
        page.contains("termin pojma iz tezaurusa prinudni rad"),
        "{page}"
    );
    assert!(!page.contains("tezaurusa forced-labour"), "{page}");
}

#[tokio::test]
async fn why_not_answers_for_a_visible_document_and_as_unknown_for_a_restricted_one() {
    // A Serbian Cyrillic labour case holds neither English word; the thesaurus finds it.
    let body = search(
        "q=forced+labour&expand=false&explain_id=rs:sample:k-34-2016",
        None,
    )
    .await;
    let why = &body["why_not"];
    assert_eq!(why["id"], "rs:sample:k-34-2016");
    assert_eq!(why["matches"], false, "{why}");
    assert_eq!(
        why["missing"],
        serde_json::json!(["forced", "labour"]),
        "{why}"
    );
    let body = search("q=forced+labour&explain_id=rs:sample:k-34-2016", None).await;
    assert_eq!(
        body["why_not"]["matches"], true,
        "through the thesaurus: {}",
        body["why_not"]
    );
    assert_eq!(body["why_not"]["filtered_out"], serde_json::json!([]));
    // A Serbian case under a filter on Bosnia and Herzegovina: matched, and left out by it.
    let body = search(
        "q=forced+labour&country=BA&explain_id=rs:sample:k-34-2016",
        None,
    )
    .await;
    assert_eq!(body["why_not"]["matches"], true, "{}", body["why_not"]);
    assert_eq!(
        body["why_not"]["filtered_out"],
        serde_json::json!(["country"]),
        "{}",
        body["why_not"]
    );

    let query = "q=domestic+servitude&explain_id=";
    let (status, restricted) = get(&format!("/api/search?{query}{RESTRICTED}"), None).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{restricted}");
    let (status, unknown) = get(&format!("/api/search?{query}mt:sample:none"), None).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{unknown}");
    assert_eq!(
        restricted.replace(RESTRICTED, "ID"),
        unknown.replace("mt:sample:none", "ID"),
        "a restricted document is answered for as an unknown id"
    );
    let reader = search(&format!("{query}{RESTRICTED}"), Some(READER)).await;
    assert_eq!(reader["why_not"]["id"], RESTRICTED);
}

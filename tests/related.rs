//! `GET /api/documents/{id}/similar` and `/lineage` through the router, on the shipped corpus
//! (real judgments and marked samples in ten languages) plus one restricted document that
//! shares the words of a public one.

use crate::common::{self, ids};

use std::path::Path;
use std::sync::Arc;

use axum::http::StatusCode;
use axum::Router;
use serde_json::Value;

use thb_caselaw::api::AppState;
use thb_caselaw::config::Config;
use thb_engine::ingest::{self, IngestOptions};

const READER: &str = "related-reader";

/// A restricted Serbian decision written from the words of the round-2 Serbian
/// recommendation on guardianship (`greta:sample:rs:r2:p118`), so it would be among its most
/// similar documents if restrictions did not apply.
const RESTRICTED: &str = r#"{"id":"rs:restricted:guardianship","kind":"decision","title":"Starateljstvo i smeštaj deteta žrtve trgovine ljudima","text":"Organi starateljstva su bez odlaganja postavili privremenog staratelja detetu žrtvi trgovine ljudima. Dete je smešteno u specijalizovani smeštaj za decu žrtve, a staratelj je obučen za rad sa decom žrtvama i nema sukob interesa.","country":"RS","language":"sr-Latn","date":"2023-05-10","access":"restricted","provenance":"sample"}"#;

fn router() -> (Router, tempfile::TempDir) {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let (handle, dir, report) = common::ingested_index(corpus, &IngestOptions::default());
    assert!(report.rejected.is_empty(), "{:?}", report.rejected);
    let restricted = dir.path().join("restricted.jsonl");
    std::fs::write(&restricted, RESTRICTED).unwrap();
    let added = ingest::ingest_paths(&handle, &[restricted], &IngestOptions::default()).unwrap();
    assert_eq!(added.added, 1, "{:?}", added.rejected);
    let config = Config {
        reader_tokens: vec![READER.into()],
        ..Config::default()
    };
    (
        thb_caselaw::app::router(Arc::new(AppState::new(handle, config))),
        dir,
    )
}

async fn get(router: &Router, uri: &str, token: Option<&str>) -> (StatusCode, Value) {
    let (status, body) = common::oneshot_get(router, uri, token).await;
    (status, serde_json::from_str(&body).unwrap_or(Value::Null))
}

/// The distinctive words a `similar` answer looked for.
fn words(body: &Value) -> Vec<&str> {
    body["words"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w.as_str().unwrap())
        .collect()
}

#[tokio::test]
async fn similar_documents_cross_scripts_and_say_what_they_share() {
    let (router, _dir) = router();
    let (status, body) = get(
        &router,
        "/api/documents/greta:sample:rs:r2:p118/similar?limit=10",
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let words = words(&body);
    // The recommendation is about guardians of child victims: those words lead, folded.
    assert!(words.contains(&"staratelja"), "{words:?}");
    assert!(words.contains(&"zrtvama"), "{words:?}");
    assert!(words.iter().all(|w| w.chars().count() >= 4), "{words:?}");
    let hits = ids(&body["hits"]);
    assert!(!hits.is_empty());
    assert!(
        !hits.contains(&"greta:sample:rs:r2:p118"),
        "itself: {hits:?}"
    );
    // The Serbian round-3 recommendation is written in Cyrillic; the Latin words find it.
    assert!(hits.contains(&"greta:sample:rs:r3:p63"), "{hits:?}");
    for hit in body["hits"].as_array().unwrap() {
        let shared = hit["reasons"]["words"].as_array().unwrap();
        assert!(!shared.is_empty(), "a hit without a shared word: {hit}");
        for word in shared {
            assert!(
                words.contains(&word.as_str().unwrap()),
                "{word} not looked for"
            );
        }
    }
    let cyrillic = body["hits"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["id"] == "greta:sample:rs:r3:p63")
        .unwrap();
    assert_eq!(cyrillic["language"], "sr-Cyrl");
    assert_eq!(cyrillic["reasons"]["countries"], serde_json::json!(["RS"]));
    assert_eq!(cyrillic["reasons"]["court"], "GRETA");
}

#[tokio::test]
async fn restricted_documents_are_neither_similar_nor_asked_about_without_a_token() {
    let (router, _dir) = router();
    let uri = "/api/documents/greta:sample:rs:r2:p118/similar?limit=20";
    let (_, public) = get(&router, uri, None).await;
    assert!(
        !ids(&public["hits"]).contains(&"rs:restricted:guardianship"),
        "{public}"
    );
    let (status, reader) = get(&router, uri, Some(READER)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        ids(&reader["hits"]).contains(&"rs:restricted:guardianship"),
        "a reader sees it: {reader}"
    );
    // Its own similar documents are as hidden as it is.
    let (status, _) = get(
        &router,
        "/api/documents/rs:restricted:guardianship/similar",
        None,
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = get(
        &router,
        "/api/documents/rs:restricted:guardianship/similar",
        Some(READER),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn a_lineage_lists_the_same_countrys_other_rounds() {
    let (router, _dir) = router();
    let (status, body) = get(
        &router,
        "/api/documents/greta:sample:rs:r2:p118/lineage",
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["round"], 2);
    assert_eq!(body["country"], serde_json::json!(["RS"]));
    let later = body["later"].as_array().unwrap();
    assert_eq!(later[0]["round"], 3, "{body}");
    let hits = ids(&later[0]["hits"]);
    assert!(hits.contains(&"greta:sample:rs:r3:p63"), "{hits:?}");
    for side in ["earlier", "later"] {
        for round in body[side].as_array().unwrap() {
            assert_ne!(round["round"], 2);
            for hit in round["hits"].as_array().unwrap() {
                assert_eq!(hit["country"], serde_json::json!(["RS"]), "{hit}");
                assert_eq!(hit["greta"]["round"], round["round"], "{hit}");
            }
        }
    }
}

#[tokio::test]
async fn bad_requests_name_what_is_wrong() {
    let (router, _dir) = router();
    let (status, body) = get(&router, "/api/documents/ecthr:25965-04/lineage", None).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(body["error"]["code"], "not_greta");
    assert!(body["error"]["message"]
        .as_str()
        .unwrap()
        .contains("ecthr:25965-04"));
    for (uri, names) in [
        ("/api/documents/ecthr:25965-04/similar?limit=0", "limit"),
        ("/api/documents/ecthr:25965-04/similar?limit=21", "limit"),
        ("/api/documents/ecthr:25965-04/similar?limit=ten", "limit"),
        ("/api/documents/ecthr:25965-04/similar?lmit=3", "lmit"),
    ] {
        let (status, body) = get(&router, uri, None).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{uri}: {body}");
        assert!(
            body["error"]["message"]
                .as_str()
                .unwrap()
                .starts_with(names),
            "{uri}: {body}"
        );
    }
    let (status, _) = get(&router, "/api/documents/no:such:document/similar", None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    // The document itself is still served at its own path.
    let (status, body) = get(&router, "/api/documents/ecthr:25965-04", None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["id"], "ecthr:25965-04");
}

#[tokio::test]
async fn a_judgments_distinctive_words_are_its_facts_not_its_language() {
    let (router, _dir) = router();
    // Rantsev v. Cyprus and Russia: a cabaret artiste's visa, her death in Cyprus.
    let (status, body) = get(&router, "/api/documents/ecthr:25965-04/similar", None).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let words = words(&body);
    for word in ["cyprus", "cabaret"] {
        assert!(words.contains(&word), "{word}: {words:?}");
    }
    for function_word in ["her", "she", "its", "the", "and"] {
        assert!(
            !words.contains(&function_word),
            "{function_word}: {words:?}"
        );
    }
}

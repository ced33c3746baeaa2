//! Cross-lingual concepts through the service's router, in process, over the shipped corpus:
//! query expansion on and off, its ranking and its listing in the response, restricted
//! documents, themes inferred for a document that declares none, the taxonomy's labels, and
//! the page's switch.

use crate::common;

use std::path::Path;
use std::sync::{Arc, OnceLock};

use axum::http::StatusCode;
use axum::Router;
use serde_json::Value;

use thb_caselaw::api::AppState;
use thb_caselaw::config::Config;
use thb_engine::ingest::IngestOptions;

const READER: &str = "thesaurus-reader";

fn router_over(path: std::path::PathBuf) -> (Router, tempfile::TempDir) {
    let (handle, dir, report) = common::ingested_index(path, &IngestOptions::default());
    assert!(report.rejected.is_empty(), "{:?}", report.rejected);
    let config = Config {
        reader_tokens: vec![READER.into()],
        ..Config::default()
    };
    (
        thb_caselaw::app::router(Arc::new(AppState::new(handle, config))),
        dir,
    )
}

/// A router over `records`, ingested from a JSON Lines file of their own.
fn router_over_records(records: &[Value]) -> (Router, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("documents.jsonl");
    let lines: Vec<String> = records.iter().map(Value::to_string).collect();
    std::fs::write(&path, lines.join("\n")).unwrap();
    router_over(path)
}

/// One router over the shipped corpus for the tests of this file: one index, one response
/// cache (so that the cache is seen to tell `expand=false` apart).
fn corpus() -> &'static Router {
    static ROUTER: OnceLock<(Router, tempfile::TempDir)> = OnceLock::new();
    &ROUTER
        .get_or_init(|| router_over(Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")))
        .0
}

async fn get(router: &Router, uri: &str, token: Option<&str>) -> (StatusCode, String) {
    common::oneshot_get(router, uri, token).await
}

async fn search(router: &Router, query: &str, token: Option<&str>) -> Value {
    let (status, body) = get(router, &format!("/api/search?{query}"), token).await;
    assert_eq!(status, StatusCode::OK, "{query}: {body}");
    serde_json::from_str(&body).unwrap()
}

/// Every hit of a search, page after page: `(id, language, score, declared themes)`.
async fn every_hit(
    router: &Router,
    query: &str,
    token: Option<&str>,
) -> Vec<(String, String, f64, Vec<String>)> {
    let mut hits = Vec::new();
    for page in 1.. {
        let body = search(router, &format!("{query}&per_page=100&page={page}"), token).await;
        let found = body["hits"].as_array().unwrap();
        for hit in found {
            let themes = hit["themes"].as_array().unwrap();
            hits.push((
                hit["id"].as_str().unwrap().to_string(),
                hit["language"].as_str().unwrap_or("und").to_string(),
                hit["score"].as_f64().unwrap(),
                themes
                    .iter()
                    .map(|t| t.as_str().unwrap().to_string())
                    .collect(),
            ));
        }
        if found.len() < 100 {
            break;
        }
    }
    hits
}

fn ids_in(hits: &[(String, String, f64, Vec<String>)], language: &str) -> Vec<String> {
    let mut ids: Vec<String> = hits
        .iter()
        .filter(|h| h.1 == language)
        .map(|h| h.0.clone())
        .collect();
    ids.sort();
    ids
}

/// The corpus's forced-labour cases in Serbian Cyrillic, Albanian and Turkish: trafficking for
/// labour exploitation (workers held by debt, their papers taken, forced to work unpaid), tried
/// as `радна експлоатација`, `shfrytëzim i punës`, `zorla çalıştırma`; none of them has the
/// words `forced labour`.
const SERBIAN_CYRILLIC_LABOUR: [&str; 4] = [
    "ba:sample:k-22-20-bn",
    "rs:sample:k-34-2016",
    "rs:sample:kzh1-190-23",
    "rs:sample:kzh1-312-17",
];
const ALBANIAN_LABOUR: [&str; 2] = ["al:sample:grgje-377-2019", "xk:sample:pkr-34-2020"];
const TURKISH_LABOUR: [&str; 3] = [
    "tr:sample:bodrum-1-acm:2023-05-30",
    "tr:sample:igdir-acm:2019-02-27",
    "tr:sample:izmir-9-acm:2020-12-15",
];

#[tokio::test]
async fn forced_labour_finds_the_cyrillic_albanian_and_turkish_cases_and_not_without_expansion() {
    let router = corpus();
    let expanded = every_hit(router, "q=forced+labour", None).await;
    let sr = ids_in(&expanded, "sr-Cyrl");
    let sq = ids_in(&expanded, "sq");
    let tr = ids_in(&expanded, "tr");
    for id in SERBIAN_CYRILLIC_LABOUR {
        assert!(sr.contains(&id.to_string()), "{id} not in {sr:?}");
    }
    for id in ALBANIAN_LABOUR {
        assert!(sq.contains(&id.to_string()), "{id} not in {sq:?}");
    }
    for id in TURKISH_LABOUR {
        assert!(tr.contains(&id.to_string()), "{id} not in {tr:?}");
    }
    // What the Cyrillic and Albanian expansions find is about forced work: labour
    // exploitation, or domestic servitude (`експлоатацију радом у домаћинству`, forced labour
    // in a household, as in Siliadin); no sexual exploitation or begging case comes in.
    for (id, language, _, themes) in &expanded {
        if language == "sr-Cyrl" || language == "sq" {
            assert!(
                themes
                    .iter()
                    .any(|t| t == "exploitation/labour" || t == "exploitation/domestic-servitude"),
                "{id} ({language}) is not about forced work: {themes:?}"
            );
        }
    }

    // Switched off, the words find only the documents that have them (English and the
    // Maltese text quoting them), none of those.
    let typed = every_hit(router, "q=forced+labour&expand=false", None).await;
    assert!(
        typed.len() < expanded.len(),
        "{} vs {}",
        typed.len(),
        expanded.len()
    );
    for language in ["sr-Cyrl", "sq", "tr"] {
        assert_eq!(ids_in(&typed, language), Vec::<String>::new(), "{language}");
    }
    let body = search(router, "q=forced+labour&expand=false", None).await;
    assert_eq!(body["expansions"], serde_json::json!([]));
}

/// The words a snippet marks (`<mark>…</mark>`).
fn marked(snippet: &str) -> Vec<String> {
    snippet
        .split("<mark>")
        .skip(1)
        .filter_map(|rest| rest.split_once("</mark>").map(|(word, _)| word.to_string()))
        .collect()
}

#[tokio::test]
async fn an_expansion_marks_its_terms_words_not_the_short_words_inside_them() {
    // The concepts' terms include `shfrytëzim i punës`, `punë e detyruar`, `exploitation of
    // labour` and `forced or compulsory labour`: their `i`, `e`, `of` and `or` were marked in
    // every snippet that has them, and the snippets chosen for them.
    for query in [
        "q=%D0%BF%D1%80%D0%B8%D0%BD%D1%83%D0%B4%D0%BD%D0%B8+%D1%80%D0%B0%D0%B4",
        "q=forced+labour",
    ] {
        let body = search(corpus(), &format!("{query}&per_page=100"), None).await;
        let hits = body["hits"].as_array().unwrap();
        assert!(hits.len() > 20, "{query}: {} hits", hits.len());
        let mut marks = 0;
        for hit in hits {
            for word in marked(hit["snippet"].as_str().unwrap_or("")) {
                marks += 1;
                assert!(
                    word.chars().count() > 2,
                    "{query}: {} marks `{word}` in {}",
                    hit["id"],
                    hit["snippet"]
                );
            }
        }
        assert!(
            marks > hits.len(),
            "{query}: the snippets mark the terms ({marks} marks)"
        );
    }
}

#[tokio::test]
async fn the_words_as_typed_rank_above_what_only_an_expansion_finds() {
    let router = corpus();
    let hits = every_hit(router, "q=forced+labour", None).await;
    let typed: Vec<String> = every_hit(router, "q=forced+labour&expand=false", None)
        .await
        .into_iter()
        .map(|h| h.0)
        .collect();
    let last_typed = hits
        .iter()
        .rposition(|h| typed.contains(&h.0))
        .expect("typed matches");
    let first_expanded = hits
        .iter()
        .position(|h| !typed.contains(&h.0))
        .expect("expanded matches");
    assert_eq!(last_typed + 1, first_expanded, "{hits:?}");
    assert_eq!(first_expanded, typed.len());
    assert!(hits[..first_expanded].iter().all(|h| h.2 > 0.0));
}

/// A concept's words typed together rank the document that has them together, in any of
/// their inflections, above one that has them apart, though the latter has more of them: a
/// lawyer typing `prinudni rad` means forced labour, not a text on work (`rad`) that mentions a
/// forced marriage (`prinudni brak`) elsewhere.
#[tokio::test]
async fn a_concepts_words_found_together_in_any_inflection_rank_above_the_words_apart() {
    let (router, _index) = router_over_records(&[
        serde_json::json!({
            "id": "t:apart", "kind": "judgment", "title": "Presuda K 3/2020 (sample)",
            "text": "Prinudni brak je utvrđen. Rad sa decom, rad sa porodicom i rad centra za socijalni rad trajali su godinu dana. Prinudni smeštaj nije određen.",
            "country": "RS", "language": "sr-Latn", "provenance": "sample",
        }),
        serde_json::json!({
            "id": "t:together", "kind": "judgment", "title": "Presuda K 4/2020 (sample)",
            "text": "Oštećeni su bili žrtve prinudnog rada na gradilištu tokom dve godine, bez plate i bez isprava.",
            "country": "RS", "language": "sr-Latn", "provenance": "sample",
        }),
    ]);
    for query in [
        "q=prinudni+rad",
        "q=%D0%BF%D1%80%D0%B8%D0%BD%D1%83%D0%B4%D0%BD%D0%B8+%D1%80%D0%B0%D0%B4",
    ] {
        let body = search(&router, query, None).await;
        assert_eq!(
            common::hit_ids(&body),
            ["t:together", "t:apart"],
            "{query}: {body}"
        );
    }
}

#[tokio::test]
async fn the_response_lists_the_concept_its_terms_and_the_related_concept() {
    let body = search(corpus(), "q=forced+labour", None).await;
    let expansions = body["expansions"].as_array().unwrap();
    let named = &expansions[0];
    assert_eq!(named["concept"], "forced-labour");
    assert_eq!(named["matched"], "forced labour");
    assert_eq!(named["relation"], "named");
    let terms = named["terms"].as_array().unwrap();
    for (language, term) in [
        ("en", "forced labour"),
        ("fr", "travail forcé"),
        ("sr-Latn", "prinudni rad"),
        ("sr-Cyrl", "принудни рад"),
        ("hr", "prisilni rad"),
        ("mk", "присилна работа"),
        ("sq", "punë e detyruar"),
        ("tr", "zorla çalıştırma"),
        ("mt", "xogħol furzat"),
    ] {
        let listed = serde_json::json!({"language": language, "term": term});
        assert!(terms.contains(&listed), "{listed} not in {terms:?}");
    }
    let related = &expansions[1];
    assert_eq!(related["concept"], "labour-exploitation");
    assert_eq!(related["relation"], "related");
    assert_eq!(related["matched"], "forced labour");
    assert_eq!(expansions.len(), 2, "{expansions:?}");
}

#[tokio::test]
async fn an_inflected_query_in_another_script_is_expanded_too_and_a_not_is_not() {
    let router = corpus();
    let body = search(router, "q=%D0%BF%D1%80%D0%B8%D0%BD%D1%83%D0%B4%D0%BD%D0%BE%D0%B3+%D1%80%D0%B0%D0%B4%D0%B0&per_page=100", None).await;
    // `принудног рада`: the Turkish and English forced-labour cases.
    assert_eq!(body["expansions"][0]["concept"], "forced-labour");
    assert_eq!(body["expansions"][0]["matched"], "принудног рада");
    // A judgment's hit is whichever of its language versions ranks first: its other
    // versions are listed beside it.
    let ids: Vec<&str> = body["hits"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|h| {
            let versions = h["versions"].as_array().into_iter().flatten();
            std::iter::once(&h["id"]).chain(versions.map(|v| &v["id"]))
        })
        .map(|id| id.as_str().unwrap())
        .collect();
    assert!(ids.contains(&"tr:sample:izmir-9-acm:2020-12-15"), "{ids:?}");
    assert!(ids.contains(&"ecthr:73316-01"), "Siliadin: {ids:?}");

    // Under a NOT the words are excluded as typed, nothing more.
    let body = search(router, "q=trafficking+-%22forced+labour%22", None).await;
    assert_eq!(body["expansions"], serde_json::json!([]));
    // A word with a field is the user's own restriction.
    let body = search(router, "q=title:slavery", None).await;
    assert_eq!(body["expansions"], serde_json::json!([]));
}

#[tokio::test]
async fn restricted_documents_stay_hidden_from_expansions_without_a_token() {
    let router = corpus();
    // The Maltese domestic-servitude case is restricted; `kućno ropstvo` finds it only by
    // expansion (it is written in English).
    let restricted = "mt:sample:cm:2019-01-30";
    let public = every_hit(router, "q=ku%C4%87no+ropstvo", None).await;
    assert!(public.iter().all(|h| h.0 != restricted), "{public:?}");
    assert!(!public.is_empty());
    let reader = every_hit(router, "q=ku%C4%87no+ropstvo", Some(READER)).await;
    assert!(reader.iter().any(|h| h.0 == restricted), "{reader:?}");
    assert!(reader.iter().any(|h| h.1 == "en"));
}

#[tokio::test]
async fn the_themes_route_gives_every_path_its_labels() {
    let (status, body) = get(corpus(), "/api/themes", None).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let body: Value = serde_json::from_str(&body).unwrap();
    let themes = body["themes"].as_array().unwrap();
    assert_eq!(themes.len(), thb_engine::domain::taxonomy::all().len());
    let labour = themes
        .iter()
        .find(|t| t["path"] == "exploitation/labour")
        .unwrap();
    assert_eq!(labour["parent"], "exploitation");
    assert_eq!(labour["labels"]["en"], "Labour exploitation");
    assert_eq!(labour["labels"]["mk"], "Трудова експлоатација");
    assert_eq!(labour["labels"]["tr"], "Emek sömürüsü");
    assert_eq!(labour["labels"]["bs"], "Radna eksploatacija");
    for theme in themes {
        for language in ["en", "sr", "sq", "mk", "bs", "tr"] {
            assert!(
                !theme["labels"][language].as_str().unwrap().is_empty(),
                "{theme}"
            );
        }
    }
    let (status, body) = get(corpus(), "/api/thesaurus", None).await;
    assert_eq!(status, StatusCode::OK);
    let body: Value = serde_json::from_str(&body).unwrap();
    let forced = body["concepts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "forced-labour")
        .unwrap();
    assert_eq!(
        forced["related"],
        serde_json::json!(["labour-exploitation"])
    );
    assert_eq!(forced["themes"], serde_json::json!(["exploitation/labour"]));
}

#[tokio::test]
async fn a_document_without_themes_takes_those_of_its_concepts_and_says_so() {
    let (router, _index) = router_over_records(&[
        serde_json::json!({
            "id": "t:inferred", "kind": "judgment", "title": "Presuda K 1/2020 (sample)",
            "text": "Optuženi su oštećene držali u dužničkom ropstvu. Dužničko ropstvo je trajalo dve godine.",
            "country": "RS", "language": "sr-Latn", "provenance": "sample",
        }),
        serde_json::json!({
            "id": "t:declared", "kind": "judgment", "title": "Presuda K 2/2020 (sample)",
            "text": "Dužničko ropstvo, dužničko ropstvo.",
            "country": "RS", "language": "sr-Latn", "provenance": "sample",
            "themes": ["justice/sentencing"],
        }),
    ]);
    let body = search(&router, "theme=means/debt-bondage", None).await;
    let hits = body["hits"].as_array().unwrap();
    assert_eq!(hits.len(), 1, "{body}");
    assert_eq!(hits[0]["id"], "t:inferred");
    assert_eq!(hits[0]["themes"], serde_json::json!([]));
    assert_eq!(
        hits[0]["themes_inferred"],
        serde_json::json!(["means/debt-bondage"])
    );
    let all = search(&router, "", None).await;
    let declared = all["hits"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["id"] == "t:declared")
        .unwrap();
    assert_eq!(
        declared["themes_inferred"],
        serde_json::json!([]),
        "declared themes stand"
    );
    let (_, document) = get(&router, "/api/documents/t:inferred", None).await;
    let document: Value = serde_json::from_str(&document).unwrap();
    assert_eq!(
        document["themes_inferred"],
        serde_json::json!(["means/debt-bondage"])
    );
}

#[tokio::test]
async fn the_page_has_the_switch_in_every_language_and_lists_the_expansions() {
    let router = corpus();
    for (ui, label) in [
        ("en", "Expand across languages"),
        ("sr", "Proširi na druge jezike"),
        ("sr-Cyrl", "Прошири на друге језике"),
        ("mk", "Прошири на други јазици"),
        ("sq", "Zgjero në gjuhë të tjera"),
    ] {
        let (status, page) = get(router, &format!("/?q=forced+labour&ui={ui}"), None).await;
        assert_eq!(status, StatusCode::OK);
        assert!(page.contains(label), "{ui}");
        assert!(page.contains("id=\"expand\""), "{ui}");
    }
    let (_, on) = get(router, "/?q=forced+labour", None).await;
    assert!(on.contains("type=\"checkbox\" name=\"expand\" value=\"true\" checked"));
    assert!(on.contains("id=\"expansions\""));
    assert!(on.contains("zorla çalıştırma"));
    let (_, off) = get(
        router,
        "/?q=forced+labour&expand=false&expand=true&expand=false",
        None,
    )
    .await;
    assert!(!off.contains("value=\"true\" checked"));
    assert!(!off.contains("id=\"expansions\""));
}

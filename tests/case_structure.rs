//! A case's structure on the shipped corpus, through the router: the verdict, sector and
//! victim filters and their facets, the provision facet's tree, the procedural chain on the
//! document page, in the API and on a hit, and the fields' way through export and import.

use crate::common;

use std::sync::{Arc, OnceLock};

use axum::http::StatusCode;
use axum::Router;
use serde_json::Value;

use thb_caselaw::api::AppState;
use thb_caselaw::config::Config;
use thb_engine::ingest::IngestOptions;

/// The router over an index of the shipped corpus, built once for the module.
fn router() -> &'static Router {
    static ROUTER: OnceLock<(Router, tempfile::TempDir)> = OnceLock::new();
    &ROUTER
        .get_or_init(|| {
            let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
            let (handle, dir, report) = common::ingested_index(corpus, &IngestOptions::default());
            assert!(report.rejected.is_empty(), "{:?}", report.rejected);
            let state = AppState::new(handle, Config::default());
            (thb_caselaw::app::router(Arc::new(state)), dir)
        })
        .0
}

fn get(uri: &str) -> (StatusCode, String) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(common::oneshot_get(router(), uri, None))
}

fn search(query: &str) -> Value {
    let (status, body) = get(&format!("/api/search?per_page=100&{query}"));
    assert_eq!(status, StatusCode::OK, "{query}: {body}");
    serde_json::from_str(&body).unwrap()
}

/// The hits' ids, a judgment's French version named as the English one (a hit is whichever
/// version of the judgment ranks first: with the empty query, either).
fn ids(response: &Value) -> Vec<String> {
    let mut ids: Vec<String> = response["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            let id = h["id"].as_str().unwrap();
            id.strip_suffix(":fr").unwrap_or(id).to_string()
        })
        .collect();
    ids.sort();
    ids
}

fn count(response: &Value, dimension: &str, value: &str) -> Option<u64> {
    response["facets"][dimension]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["value"] == value)
        .map(|v| v["count"].as_u64().unwrap())
}

#[test]
fn verdict_sector_and_victim_filters_choose_the_cases_that_hold_them() {
    let violations = search("verdict=violation&kind=judgment");
    let found = ids(&violations);
    for expected in ["ecthr:25965-04", "ecthr:21884-15", "ecthr:73316-01"] {
        assert!(
            found.contains(&expected.to_string()),
            "{expected}: {found:?}"
        );
    }
    assert!(
        found.iter().all(|id| id.starts_with("ecthr:")),
        "no national judgment finds a violation: {found:?}"
    );
    assert!(
        !found.contains(&"ecthr:8919-80".to_string()),
        "Van der Mussele: no violation"
    );
    // Multi-select: the verdict's own counts ignore its filter.
    assert!(count(&violations, "verdict", "no-violation").unwrap() >= 3);
    assert_eq!(
        count(&violations, "verdict", "violation"),
        Some(violations["documents"].as_u64().unwrap())
    );

    let agriculture = ids(&search("sector=agriculture"));
    assert!(
        agriculture.contains(&"ecthr:21884-15".to_string()),
        "Chowdury"
    );
    assert!(agriculture.contains(&"rs:sample:k-22-2019".to_string()));

    let minors = search("victim_age=minor");
    let found = ids(&minors);
    for expected in ["ecthr:73316-01", "ecthr:77587-12", "rs:sample:k-61-2016"] {
        assert!(
            found.contains(&expected.to_string()),
            "{expected}: {found:?}"
        );
    }
    assert!(
        !found.contains(&"ecthr:25965-04".to_string()),
        "Rantsev was an adult"
    );
    let russian_women = ids(&search("victim_nationality=ru&victim_gender=female"));
    assert!(russian_women.contains(&"ecthr:25965-04".to_string()));
    assert!(russian_women.contains(&"ecthr:40311-10".to_string()));

    let (status, body) = get("/api/search?verdict=guilty");
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(
        body.contains("verdict: `guilty`: expected conviction, acquittal"),
        "{body}"
    );
}

#[test]
fn the_provision_facet_is_a_counted_tree_and_its_filter_takes_a_code_or_an_article() {
    let all = search("");
    let facet = all["facets"]["provision"].as_array().unwrap();
    let serbia = count(&all, "provision", "RS").expect("Serbia's code is cited");
    assert_eq!(count(&all, "provision", "RS/CC"), Some(serbia));
    let article = facet.iter().find(|v| v["value"] == "RS/CC/388").unwrap();
    assert_eq!(article["parent"], "RS/CC");
    assert!(article["count"].as_u64().unwrap() <= serbia);
    // Each value comes after its parent.
    let place = |value: &str| facet.iter().position(|v| v["value"] == value).unwrap();
    assert!(place("RS") < place("RS/CC") && place("RS/CC") < place("RS/CC/388"));

    let by_code = search("provision=/RS");
    assert_eq!(by_code["documents"].as_u64(), Some(serbia));
    let by_article = search("provision=rs/cc/388");
    assert_eq!(by_article["documents"], article["count"]);
    assert!(ids(&by_article).contains(&"rs:sample:k-112-2014".to_string()));
}

#[test]
fn the_chain_of_a_case_reads_from_both_decisions() {
    // The first instance lists the appeal; the appeal lists nothing and still shows the chain.
    let (status, body) = get("/api/documents/ba:sample:s1-2-k-45-18-kz");
    assert_eq!(status, StatusCode::OK);
    let appeal: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(appeal["chain"][0]["id"], "ba:sample:s1-2-k-45-18");
    assert_eq!(appeal["chain"][0]["level"], "first-instance");
    assert_eq!(appeal["chain"][0]["document"]["date"], "2019-03-12");

    let hits = search("q=organizovane%20grupe&country=BA")["hits"].clone();
    let first = hits
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["id"] == "ba:sample:s1-2-k-45-18")
        .expect("the first instance is a hit");
    assert_eq!(first["other_decisions"], 1);

    let (status, page) = get("/documents/ba:sample:s1-2-k-45-18-kz");
    assert_eq!(status, StatusCode::OK);
    let chain = &page[page.find("proceedings-heading").expect("the chain")..];
    let first = chain
        .find("/documents/ba:sample:s1-2-k-45-18\"")
        .expect("linked");
    let current = chain.find("aria-current=\"page\"").expect("this decision");
    assert!(first < current, "first instance before the appeal");
    // A judgment of no case shows no chain.
    let (_, page) = get("/documents/ecthr:8919-80");
    assert!(!page.contains("proceedings-heading"));
}

#[test]
fn the_case_structure_survives_export_and_import() {
    let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/ecthr.jsonl");
    let (handle, _dir, _) = common::ingested_index(corpus, &IngestOptions::default());
    let mut exported = Vec::new();
    thb_engine::backup::export(&handle, &mut exported, true).unwrap();
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("export.jsonl");
    std::fs::write(&file, &exported).unwrap();
    let (again, _dir2, report) = common::ingested_index(file, &IngestOptions::default());
    assert!(report.rejected.is_empty(), "{:?}", report.rejected);
    let before = handle.get("ecthr:73316-01", true).unwrap().unwrap();
    let after = again.get("ecthr:73316-01", true).unwrap().unwrap();
    assert!(!after.victims.is_empty() && after.verdict.is_some());
    assert_eq!(
        (before.verdict, &before.sector, &before.victims),
        (after.verdict, &after.sector, &after.victims)
    );
}

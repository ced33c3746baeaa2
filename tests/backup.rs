//! Export, backup and restore through the real binary: an export ingested into a new index
//! searches exactly as the original; a backup taken while the server writes is one whole
//! commit that opens and searches; a restore never overwrites an index.

use crate::common;

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

use common::{fixture, run, stderr, stdout, Server};
use serde_json::{json, Value};

const ADMIN: &str = "backup-admin-token";

fn search_json(index: &Path, query: &str) -> Value {
    let output = run(&[
        "search",
        "--index",
        index.to_str().unwrap(),
        "--json",
        "--include-restricted",
        "--per-page",
        "100",
        query,
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    serde_json::from_str(&stdout(&output)).unwrap()
}

/// What a search answers, without what depends on the index's layout (time, the order of
/// equal scores): total, facets, and each hit with its score and snippet, by id.
fn comparable(mut answer: Value) -> Value {
    answer["took_ms"] = json!(0);
    let hits = answer["hits"].as_array_mut().unwrap();
    for hit in hits.iter_mut() {
        let score = hit["score"].as_f64().unwrap_or(0.0);
        hit["score"] = json!((score * 1000.0).round() / 1000.0);
    }
    hits.sort_by_key(|h| h["id"].as_str().unwrap().to_string());
    answer
}

fn documents(index: &Path) -> u64 {
    let output = run(&["stats", "--index", index.to_str().unwrap(), "--json"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let stats: Value = serde_json::from_str(&stdout(&output)).unwrap();
    stats["documents"].as_u64().unwrap()
}

#[test]
fn an_export_ingested_into_a_new_index_searches_as_the_original() {
    let dir = tempfile::tempdir().unwrap();
    let original = dir.path().join("original");
    let output = run(&[
        "ingest",
        "--index",
        original.to_str().unwrap(),
        fixture("api").to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));

    let public = dir.path().join("public.jsonl");
    let output = run(&[
        "export",
        "--index",
        original.to_str().unwrap(),
        "--out",
        public.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("1 restricted left out"),
        "{}",
        stdout(&output)
    );
    let lines = std::fs::read_to_string(&public).unwrap();
    assert_eq!(lines.lines().count(), 7);
    assert!(
        !lines.contains("\"restricted\""),
        "no restricted document without the flag"
    );
    // The file is not overwritten.
    let again = run(&[
        "export",
        "--index",
        original.to_str().unwrap(),
        "--out",
        public.to_str().unwrap(),
    ]);
    assert_eq!(again.status.code(), Some(2), "{}", stderr(&again));

    let everything = dir.path().join("all.jsonl");
    let output = run(&[
        "export",
        "--index",
        original.to_str().unwrap(),
        "--out",
        everything.to_str().unwrap(),
        "--include-restricted",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let copy = dir.path().join("copy");
    let output = run(&[
        "ingest",
        "--index",
        copy.to_str().unwrap(),
        everything.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).contains("added 8"), "{}", stdout(&output));
    for query in [
        "",
        "trafficking",
        "trgovina ljudima",
        "трговина",
        "Dordevic",
        "\"forced labour\"",
    ] {
        assert_eq!(
            comparable(search_json(&copy, query)),
            comparable(search_json(&original, query)),
            "{query:?}"
        );
    }
}

#[test]
fn a_backup_taken_during_writes_is_one_whole_commit_and_restores() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index");
    let server = Server::start(&index, &fixture("api"), &[("THB_ADMIN_TOKEN", ADMIN)]);
    let before = documents_over_http(&server);

    // A writer adds a document a commit, for as long as the backups run.
    let stop = AtomicBool::new(false);
    let (after, backups) = std::thread::scope(|scope| {
        let writer = scope.spawn(|| {
            let client = reqwest::blocking::Client::new();
            let mut written = 0u64;
            while !stop.load(Ordering::Relaxed) && written < 500 {
                let document = json!([{
                    "id": format!("backup:written-{written}"),
                    "kind": "decision",
                    "title": "Written during a backup (sample)",
                    "text": "A decision on labour exploitation written while the index was copied.",
                    "country": "MT",
                    "language": "en",
                    "provenance": "sample"
                }]);
                let response = client
                    .post(server.url("/api/documents"))
                    .bearer_auth(ADMIN)
                    .body(document.to_string())
                    .send()
                    .unwrap();
                assert_eq!(response.status().as_u16(), 200);
                written += 1;
            }
            written
        });
        let mut backups = Vec::new();
        for i in 0..4 {
            let out = dir.path().join(format!("backup-{i}"));
            let output = run(&[
                "backup",
                "--index",
                index.to_str().unwrap(),
                "--out",
                out.to_str().unwrap(),
            ]);
            assert!(output.status.success(), "{}", stderr(&output));
            backups.push(out);
        }
        stop.store(true, Ordering::Relaxed);
        (writer.join().unwrap(), backups)
    });
    assert!(after > 0, "the writer wrote during the backups");

    for (i, backup) in backups.iter().enumerate() {
        let restored = dir.path().join(format!("restored-{i}"));
        let output = run(&[
            "restore",
            "--from",
            backup.to_str().unwrap(),
            "--index",
            restored.to_str().unwrap(),
        ]);
        assert!(output.status.success(), "{}", stderr(&output));
        // A whole commit: every fixture document, and some number of the written ones.
        let count = documents(&restored);
        assert!(
            (before..=before + after).contains(&count),
            "backup {i}: {count} documents, between {before} and {}",
            before + after
        );
        let answer = search_json(&restored, "trafficking");
        assert!(answer["total"].as_u64().unwrap() > 0, "{answer}");
        let written = search_json(&restored, "\"written while the index was copied\"");
        assert_eq!(
            written["total"].as_u64().unwrap(),
            count - before,
            "{written}"
        );
    }

    // A restore never overwrites an index.
    let output = run(&[
        "restore",
        "--from",
        backups[0].to_str().unwrap(),
        "--index",
        index.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("not empty"), "{}", stderr(&output));
}

fn documents_over_http(server: &Server) -> u64 {
    let response = reqwest::blocking::Client::new()
        .get(server.url("/api/health"))
        .bearer_auth(ADMIN)
        .send()
        .unwrap();
    let health: Value = response.json().unwrap();
    health["documents"].as_u64().unwrap()
}

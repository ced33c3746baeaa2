//! The command line through the real binary: ingest (positioned rejections, exit codes,
//! idempotent re-runs, all three file formats), search and stats.

use crate::common;

use common::{fixture, run, search_json, stderr, stdout};

#[test]
fn broken_records_are_reported_by_line_and_the_good_ones_are_searchable() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index");
    let index = index.to_str().unwrap();
    let file = fixture("ingest/mixed.jsonl");
    let file = file.to_str().unwrap();

    let output = run(&["ingest", "--index", index, file]);
    assert_eq!(output.status.code(), Some(1), "some records were rejected");
    let err = stderr(&output);
    assert!(err.contains(&format!("{file}:2: invalid JSON")), "{err}");
    assert!(
        err.contains(&format!("{file}:3: text: missing (required)")),
        "{err}"
    );
    assert!(
        err.contains(&format!("{file}:4: country: unknown country code `YU`")),
        "{err}"
    );
    assert!(
        stdout(&output).contains("added 2, updated 0, rejected 3"),
        "{}",
        stdout(&output)
    );

    let body = search_json(index, &["trafficking"]);
    assert_eq!(body["total"], 1);
    assert_eq!(body["hits"][0]["id"], "mixed:good-1");
    let body = search_json(index, &["trgovinu"]);
    assert_eq!(body["hits"][0]["id"], "mixed:good-2");

    // The same file again: nothing added, the two good records replaced, no duplicates.
    let again = run(&["ingest", "--index", index, file]);
    assert_eq!(again.status.code(), Some(1));
    assert!(
        stdout(&again).contains("added 0, updated 2, rejected 3"),
        "{}",
        stdout(&again)
    );
    let all = search_json(index, &["--per-page", "100", ""]);
    assert_eq!(all["total"], 2);
}

#[test]
fn json_arrays_and_markdown_are_ingested_with_positions() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index");
    let index = index.to_str().unwrap();
    let array = fixture("ingest/array.json");
    let note = fixture("ingest/note.md");
    let output = run(&[
        "ingest",
        "--index",
        index,
        array.to_str().unwrap(),
        note.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains(&format!("{}:4: text: empty (required)", array.display())),
        "{}",
        stderr(&output)
    );
    let body = search_json(index, &["non-punishment"]);
    assert_eq!(body["hits"][0]["id"], "md:note-1");
    assert_eq!(body["hits"][0]["country"], serde_json::json!(["RS", "BA"]));
    let body = search_json(index, &["--country", "AL", ""]);
    assert_eq!(body["total"], 1);
}

#[test]
fn a_command_that_cannot_run_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index");
    let output = run(&[
        "ingest",
        "--index",
        index.to_str().unwrap(),
        "/no/such/file.jsonl",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("/no/such/file.jsonl: no such file or directory"),
        "{}",
        stderr(&output)
    );
    let output = run(&["search", "--index", index.to_str().unwrap(), "x"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("no index at"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_second_writer_is_refused_at_once_while_searches_go_on() {
    let dir = tempfile::tempdir().unwrap();
    let index_dir = dir.path().join("index");
    let index = index_dir.to_str().unwrap();
    let file = fixture("ingest/note.md");
    assert!(run(&["ingest", "--index", index, file.to_str().unwrap()])
        .status
        .success());
    // Hold the writer lock as a long ingest would.
    let handle = thb_engine::index::IndexHandle::open(&index_dir).unwrap();
    let _writer = handle.writer(50_000_000).unwrap();
    let output = run(&["ingest", "--index", index, file.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("locked by another writer"),
        "{}",
        stderr(&output)
    );
    // Readers are not blocked by the writer.
    assert_eq!(search_json(index, &["punished"])["total"], 1);
}

#[test]
fn human_output_and_stats() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index");
    let index = index.to_str().unwrap();
    let corpus = fixture("api");
    run(&["ingest", "--index", index, corpus.to_str().unwrap()]);
    let output = run(&["search", "--index", index, "trafikimi"]);
    let text = stdout(&output);
    assert!(text.contains("Gjykata Themelore në Prishtinë"), "{text}");
    assert!(text.contains("SAMPLE"), "samples are labelled: {text}");
    assert!(
        text.contains("Kosovo*") && text.contains("1244"),
        "Kosovo* note: {text}"
    );
    // A reader that goes away (`search … | head -1`) ends the output quietly, without a panic.
    for args in [&["--json", "trafficking"][..], &["trafficking"][..]] {
        let mut child = std::process::Command::new(common::bin())
            .args(["search", "--index", index])
            .args(args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let output = child.wait_with_output().unwrap();
        assert!(output.status.success(), "{}", stderr(&output));
        assert!(!stderr(&output).contains("panicked"), "{}", stderr(&output));
    }
    let output = run(&["stats", "--index", index]);
    let text = stdout(&output);
    assert!(text.contains("documents: 8"), "{text}");
    assert!(text.contains("XK  Kosovo*"), "{text}");
    assert!(text.contains("1244"), "{text}");
}

#[test]
fn a_malformed_query_on_the_command_line_names_the_problem() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index");
    let index = index.to_str().unwrap();
    run(&[
        "ingest",
        "--index",
        index,
        fixture("ingest/note.md").to_str().unwrap(),
    ]);
    let output = run(&["search", "--index", index, "\"forced labour"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("unclosed quote"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn search_takes_a_flag_for_every_parameter_and_names_the_flag_of_a_bad_value() {
    let help = stdout(&run(&["search", "--help"]));
    for parameter in &thb_engine::vocabulary::PARAMETERS {
        if let Some(flag) = parameter.flag {
            assert!(help.contains(&format!("--{flag} <")), "--{flag}: {help}");
        }
    }
    assert!(
        help.contains("[possible values: judgment, decision, recommendation, report, legislation]"),
        "{help}"
    );
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index");
    let index = index.to_str().unwrap();
    run(&[
        "ingest",
        "--index",
        index,
        fixture("ingest/note.md").to_str().unwrap(),
    ]);
    let misspelt = run(&["search", "--index", index, "--kind", "verdict", "x"]);
    assert_eq!(misspelt.status.code(), Some(2));
    assert!(
        stderr(&misspelt).contains("'--kind <KIND>'"),
        "{}",
        stderr(&misspelt)
    );
    // Checked by the request, as the API checks it, and named by its flag.
    let unknown = run(&["search", "--index", index, "--country", "YU", "x"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(
        stderr(&unknown).contains("--country `YU` is not a known country code"),
        "{}",
        stderr(&unknown)
    );
    let found = search_json(
        index,
        &["--year-from", "1800", "--lang", "und", "--round", "1"],
    );
    assert_eq!(found["total"], 0, "{found}");
}

/// The index's segments and live documents, after checking that the directory holds the
/// files of those segments only (a merge that left its inputs behind would double the index).
fn segments_and_documents(index: &std::path::Path) -> (usize, u64) {
    let handle = thb_engine::index::IndexHandle::open(index).unwrap();
    let searcher = handle.searcher();
    let segments = searcher.segment_readers().len();
    let on_disk: std::collections::BTreeSet<String> = std::fs::read_dir(index)
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|name| {
            let stem = name.split('.').next()?.to_string();
            (stem.len() == 32 && stem.chars().all(|c| c.is_ascii_hexdigit())).then_some(stem)
        })
        .collect();
    assert_eq!(
        on_disk.len(),
        segments,
        "segment files on disk: {on_disk:?}"
    );
    (segments, searcher.num_docs())
}

#[test]
fn a_bulk_ingest_ends_with_one_segment_per_core_and_compact_merges_what_small_ingests_added() {
    let dir = tempfile::tempdir().unwrap();
    let index_dir = dir.path().join("index");
    let index = index_dir.to_str().unwrap();
    let bulk = dir.path().join("bulk.jsonl");
    common::write_documents(&bulk, "bulk", 300);
    // A commit every 20 documents writes 15 segments.
    let output = run(&[
        "ingest",
        "--index",
        index,
        "--commit-every",
        "20",
        bulk.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let (segments, documents) = segments_and_documents(&index_dir);
    assert_eq!(documents, 300);
    assert!(
        segments <= thb_engine::index::search_threads(),
        "{segments} segments after a bulk load"
    );

    // Small ingests into the large index are left to the merge policy (which merges small
    // segments eight at a time): each adds a segment or two.
    for k in 0..2 {
        let small = dir.path().join(format!("small-{k}.jsonl"));
        common::write_documents(&small, &format!("small{k}"), 5);
        assert!(run(&["ingest", "--index", index, small.to_str().unwrap()])
            .status
            .success());
    }
    let (before, documents) = segments_and_documents(&index_dir);
    assert_eq!(documents, 310);
    assert!(before >= 3, "{before} segments after two small ingests");

    let output = run(&["compact", "--index", index, "--segments", "1"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stdout(&output).contains(&format!("{before} segments merged into 1 (310 documents")),
        "{}",
        stdout(&output)
    );
    assert_eq!(segments_and_documents(&index_dir), (1, 310));
    assert_eq!(search_json(index, &["bondage"])["total"], 310);
    let body = search_json(index, &["id:\"small1:00004\""]);
    assert_eq!(body["hits"][0]["id"], "small1:00004", "{body}");

    let output = run(&["compact", "--index", index, "--segments", "1"]);
    assert!(
        stdout(&output).contains("1 segment(s) already (310 documents), nothing to merge"),
        "{}",
        stdout(&output)
    );

    // Re-ingesting five documents replaces them: their old versions stay, deleted, in the
    // merged segment until the next merge drops them.
    let small = dir.path().join("small-1.jsonl");
    assert!(run(&["ingest", "--index", index, small.to_str().unwrap()])
        .status
        .success());
    let deleted = |index: &std::path::Path| -> u32 {
        let handle = thb_engine::index::IndexHandle::open(index).unwrap();
        let searcher = handle.searcher();
        searcher
            .segment_readers()
            .iter()
            .map(|s| s.num_deleted_docs())
            .sum()
    };
    assert_eq!(deleted(&index_dir), 5);
    let output = run(&["compact", "--index", index, "--segments", "1"]);
    assert!(
        stdout(&output).contains("merged into 1 (310 documents"),
        "{}",
        stdout(&output)
    );
    assert_eq!(deleted(&index_dir), 0);
    assert_eq!(segments_and_documents(&index_dir), (1, 310));

    let output = run(&["compact", "--index", index, "--segments", "0"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("--segments"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn analyze_prints_each_words_terms() {
    let output = run(&["analyze", "--lang", "sr-Cyrl", "трговином", "људима"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let out = stdout(&output);
    assert!(
        out.starts_with("language sr-Cyrl (declared), script cyrillic, stemmer sh"),
        "{out}"
    );
    let line = out.lines().find(|l| l.starts_with("трговином")).unwrap();
    assert!(line.contains("trgovinom"), "folded to Latin: {line}");
    let json = run(&["analyze", "--json", "İnsan", "ticareti"]);
    let value: serde_json::Value = serde_json::from_str(&stdout(&json)).unwrap();
    assert_eq!(value["language"], "tr", "{value}");
    assert_eq!(value["words"][0]["exact"], "insan");
    let bad = run(&["analyze", "--lang", "bad tag!", "x"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("lang:"), "{}", stderr(&bad));
}

/// Issue 19, item 3, on the shipped judgments (`corpus/ecthr.jsonl`, five of them in English
/// and French): Rantsev v. Cyprus and Russia is one hit naming its other language, a language
/// filter shows that language's version, and `stats` still counts documents.
#[test]
fn a_judgment_in_two_languages_is_one_hit_in_json_and_in_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index");
    let index = index.to_str().unwrap();
    let judgments = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/ecthr.jsonl");
    let output = run(&["ingest", "--index", index, judgments.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));

    let rantsev = ["ecthr:25965-04", "ecthr:25965-04:fr"];
    let body = search_json(index, &["Rantsev"]);
    let hits = body["hits"].as_array().unwrap();
    let shown: Vec<&serde_json::Value> = hits
        .iter()
        .filter(|h| rantsev.contains(&h["id"].as_str().unwrap()))
        .collect();
    assert_eq!(shown.len(), 1, "one hit for both versions: {body}");
    let mut languages = vec![shown[0]["language"].as_str().unwrap()];
    languages.extend(
        shown[0]["versions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v["language"].as_str().unwrap()),
    );
    languages.sort();
    assert_eq!(languages, ["en", "fr"]);
    assert_eq!(body["total"].as_u64().unwrap() as usize, hits.len());

    let french = search_json(index, &["--lang", "fr", "Rantsev"]);
    assert_eq!(french["hits"][0]["id"], "ecthr:25965-04:fr", "{french}");
    assert_eq!(
        french["hits"][0]["versions"],
        serde_json::json!([{"id": "ecthr:25965-04", "language": "en"}])
    );

    let human = stdout(&run(&[
        "search", "--index", index, "--lang", "en", "Rantsev",
    ]));
    assert!(human.contains("[ecthr:25965-04] (also in fr)"), "{human}");
    let stats = run(&["stats", "--index", index, "--json"]);
    let stats: serde_json::Value = serde_json::from_str(&stdout(&stats)).unwrap();
    assert_eq!(
        stats["documents"], 23,
        "every language version is a document"
    );
}

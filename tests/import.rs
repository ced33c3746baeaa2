//! `thb-caselaw import` through the real binary, on the real data of `../shared/data`: the 49
//! HUDOC items as the scraper wrote them and the HUDOC-GRETA feed. Skipped (with a message)
//! when the data is absent, so the core suite stays self-contained.

use crate::common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::{run, search_json, stderr, stdout, Server};
use serde_json::Value;

fn shared_data(name: &str) -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data")
        .join(name);
    if path.exists() {
        Some(path)
    } else {
        eprintln!("skipped: {} is absent", path.display());
        None
    }
}

/// Facet counts as a map, e.g. `{"judgment": 41, "decision": 8}`.
fn facet(body: &Value, name: &str) -> BTreeMap<String, u64> {
    body["facets"][name]
        .as_array()
        .unwrap_or_else(|| panic!("no facet {name}: {body}"))
        .iter()
        .map(|v| {
            (
                v["value"].as_str().unwrap().to_string(),
                v["count"].as_u64().unwrap(),
            )
        })
        .collect()
}

/// The HUDOC items of the directory, parsed, with their file names.
fn hudoc_items(dir: &Path) -> Vec<(String, Value)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let value = serde_json::from_slice(&std::fs::read(&p).unwrap()).unwrap();
            (p.file_name().unwrap().to_string_lossy().into_owned(), value)
        })
        .collect()
}

#[test]
fn hudoc_items_are_imported_with_their_facets_identifiers_and_formation() {
    let Some(data) = shared_data("hudoc_raw") else {
        return;
    };
    let items = hudoc_items(&data);
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index");
    let index_arg = index.to_str().unwrap();
    let data_arg = data.to_str().unwrap();

    let output = run(&["import", "hudoc", "--index", index_arg, data_arg]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let summary = format!("added {}, updated 0, rejected 0", items.len());
    assert!(stdout(&output).contains(&summary), "{}", stdout(&output));
    // The guard warns, naming the file, the document and the field, and imports.
    for line in stderr(&output).lines().filter(|l| l.contains("warning")) {
        assert!(line.contains(": warning: hudoc:001-"), "{line}");
        assert!(line.contains("imported as published"), "{line}");
    }

    // Every item, counted by kind and by respondent state as HUDOC gives them.
    // Documents: HUDOC's language versions of a judgment are items each (and one hit each
    // judgment, in `total`).
    let body = search_json(index_arg, &["--per-page", "1", ""]);
    assert_eq!(body["documents"], items.len());
    let mut kinds: BTreeMap<String, u64> = BTreeMap::new();
    let mut countries: BTreeMap<String, u64> = BTreeMap::new();
    for (_, item) in &items {
        let collection = item["collection"].as_str().unwrap();
        let kind = if collection.contains("JUDGMENTS") {
            "judgment"
        } else {
            "decision"
        };
        *kinds.entry(kind.into()).or_default() += 1;
        let mut states: Vec<&str> = item["country"].as_str().unwrap().split(';').collect();
        states.dedup();
        for state in states {
            let alpha2 = thb_engine::domain::countries::from_alpha3(state).unwrap();
            *countries.entry(alpha2.into()).or_default() += 1;
        }
    }
    assert_eq!(facet(&body, "kind"), kinds);
    assert_eq!(facet(&body, "country"), countries);
    assert!(countries.contains_key("RU") && countries.contains_key("GB"));

    // A case found by its application number and by its ECLI.
    let (name, case) = items
        .iter()
        .find(|(_, item)| item["ecli"].as_str().is_some_and(|e| !e.is_empty()))
        .expect("an item with an ECLI");
    let id = format!("hudoc:{}", case["itemid"].as_str().unwrap());
    let app_no = case["app_no"].as_str().unwrap().split(';').next().unwrap();
    let by_number = search_json(index_arg, &[app_no]);
    assert!(
        by_number["hits"]
            .as_array()
            .unwrap()
            .iter()
            .any(|h| is_or_has_version(h, &id)),
        "{name}: {app_no} does not find {id}: {by_number}"
    );
    let ecli = case["ecli"].as_str().unwrap();
    let by_ecli = search_json(index_arg, &[ecli]);
    assert!(
        is_or_has_version(&by_ecli["hits"][0], &id),
        "{name}: {ecli}: {by_ecli}"
    );

    // A Grand Chamber judgment is the Grand Chamber of the Court: its own court value, found
    // by the Court's abbreviation too, and its formation in the document's metadata.
    let (_, grand) = items
        .iter()
        .find(|(_, item)| item["doc_type"] == "GRANDCHAMBER")
        .expect("a Grand Chamber judgment");
    let grand_id = format!("hudoc:{}", grand["itemid"].as_str().unwrap());
    let court = "European Court of Human Rights (Grand Chamber)";
    let grand_chamber = search_json(index_arg, &["--court", court, "--per-page", "100", ""]);
    let hits = grand_chamber["hits"].as_array().unwrap();
    assert!(hits.iter().any(|h| is_or_has_version(h, &grand_id)));
    assert!(hits.iter().all(|h| h["court"] == court), "{grand_chamber}");
    let all_of_the_court = search_json(index_arg, &["--court", "ECtHR", "--per-page", "1", ""]);
    assert_eq!(all_of_the_court["documents"], items.len());

    // The second run replaces, never duplicates.
    let again = run(&["import", "hudoc", "--index", index_arg, data_arg]);
    assert_eq!(again.status.code(), Some(0), "{}", stderr(&again));
    let summary = format!("added 0, updated {}, rejected 0", items.len());
    assert!(stdout(&again).contains(&summary), "{}", stdout(&again));
    assert_eq!(
        search_json(index_arg, &["--per-page", "1", ""])["documents"],
        items.len()
    );

    // The Court's metadata is kept with the document and shown by the API.
    let server = Server::start(&index, &dir.path().join("no-corpus"), &[]);
    let (status, document) = server.get_json(&format!("/api/documents/{grand_id}"));
    assert_eq!(status, 200, "{document}");
    assert_eq!(document["echr"]["formation"], "grand-chamber");
    assert_eq!(document["court"], court);
    assert_eq!(document["provenance"], "real");
    let importance: u64 = grand["importance"].as_str().unwrap().parse().unwrap();
    assert_eq!(document["echr"]["importance"], importance);
    assert!(document["text"].as_str().unwrap().len() > 1000);
    assert!(!document["text"].as_str().unwrap().contains("&#xa0;"));
    assert!(!document["text"].as_str().unwrap().contains("font-size"));
    // The scraper removed the tags; the Court's numbered paragraphs are set apart again.
    let text = document["text"].as_str().unwrap();
    assert!(
        text.contains("\n\n1. ") && text.contains("\n\n2. "),
        "{}",
        &text[..2000]
    );
}

#[test]
fn greta_feed_rows_are_imported_with_their_rounds() {
    let Some(feed) = shared_data("greta_hudoc_rss_sections.jsonl") else {
        return;
    };
    let rows: Vec<Value> = std::fs::read_to_string(&feed)
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index");
    let index_arg = index.to_str().unwrap();
    let feed_arg = feed.to_str().unwrap();

    // Every row is imported, GRETA's General Reports too: they concern every Party, so they
    // have no country (and are counted in no country's facet value).
    let output = run(&["import", "greta-rss", "--index", index_arg, feed_arg]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let imported = rows.len();
    let summary = format!("added {imported}, updated 0, rejected 0");
    assert!(stdout(&output).contains(&summary), "{}", stdout(&output));
    let general: Vec<&str> = rows
        .iter()
        .filter(|r| r["doc_type"].as_str() == Some("General Reports"))
        .map(|r| r["greta_identifier"].as_str().unwrap())
        .collect();
    assert!(!general.is_empty(), "the feed holds a General Report");

    let body = search_json(index_arg, &["--per-page", "1", ""]);
    assert_eq!(body["total"], imported);
    let mut rounds: BTreeMap<String, u64> = BTreeMap::new();
    for row in &rows {
        if let Some(round) = row["round"].as_str().filter(|r| !r.is_empty()) {
            *rounds.entry(round.to_string()).or_default() += 1;
        }
    }
    assert_eq!(facet(&body, "greta_round"), rounds);
    // The General Report is found by its words, with no country.
    let found = search_json(index_arg, &["General Report on GRETA's activities"]);
    let hit = found["hits"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["id"] == format!("greta:{}", general[0]))
        .unwrap_or_else(|| panic!("{} not found: {found}", general[0]));
    assert_eq!(hit["country"], serde_json::json!([]), "{hit}");

    // Articles parsed from the section titles are a filter.
    let compensation = search_json(index_arg, &["--article", "15", "--per-page", "1", ""]);
    let titled = rows
        .iter()
        .filter(|r| r["title"].as_str().unwrap().contains("(Article 15)"))
        .count() as u64;
    assert!(
        compensation["total"].as_u64().unwrap() >= titled,
        "{compensation}"
    );

    let again = run(&["import", "greta-rss", "--index", index_arg, feed_arg]);
    let summary = format!("added 0, updated {imported}, rejected 0");
    assert!(stdout(&again).contains(&summary), "{}", stdout(&again));
    assert_eq!(
        search_json(index_arg, &["--per-page", "1", ""])["total"],
        imported
    );
}

#[test]
fn a_file_of_another_type_is_refused_before_anything_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("judgment.md");
    std::fs::write(&file, "---\nid: x\n---\ntext").unwrap();
    let index = dir.path().join("index");
    let output = common::import_hudoc(&index, &file);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("import hudoc reads .jsonl and .json"),
        "{}",
        stderr(&output)
    );
    assert!(!index.exists());
}

/// A small HUDOC item written for the test (not HUDOC's text).
fn item(itemid: &str, country: &str) -> Value {
    serde_json::json!({
        "itemid": itemid,
        "docname": format!("CASE OF X. v. {country}"),
        "appno": "12345/20",
        "kpdate": "2021-04-01T00:00:00",
        "respondent": country,
        "doctypebranch": "CHAMBER",
        "languageisocode": "ENG",
        "full_text": "<p>1. The applicant complained of forced labour.</p><p>2. The Court agrees.</p>"
    })
}

#[test]
fn arrays_and_json_lines_are_read_and_rejections_are_positioned() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    let array = data.join("export.json");
    let items = Value::Array(vec![item("001-900001", "SRB"), item("001-900002", "YUG")]);
    std::fs::write(&array, serde_json::to_string_pretty(&items).unwrap()).unwrap();
    let lines = data.join("scrape.jsonl");
    std::fs::write(
        &lines,
        format!(
            "{}\n{}\n",
            item("001-900003", "MKD"),
            item("001-900004", "BIH;HRV")
        ),
    )
    .unwrap();
    let index = dir.path().join("index");
    let index_arg = index.to_str().unwrap();
    let output = run(&[
        "import",
        "hudoc",
        "--index",
        index_arg,
        data.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    // A rejected array element is reported at the line its `{` is on.
    let second_item_line = serde_json::to_string_pretty(&items)
        .unwrap()
        .lines()
        .enumerate()
        .filter(|(_, l)| l.trim() == "{")
        .nth(1)
        .map(|(i, _)| i + 1)
        .unwrap();
    let expected = format!(
        "{}:{}: respondent: unknown state `YUG`",
        array.display(),
        second_item_line
    );
    assert!(stderr(&output).contains(&expected), "{}", stderr(&output));
    assert!(stdout(&output).contains("added 3, updated 0, rejected 1"));
    let body = search_json(index_arg, &["--per-page", "10", "forced labour"]);
    assert_eq!(body["documents"], 3, "{body}");
    assert_eq!(
        facet(&body, "country"),
        BTreeMap::from([
            ("BA".to_string(), 1),
            ("HR".to_string(), 1),
            ("MK".to_string(), 1),
            ("RS".to_string(), 1)
        ])
    );
}

/// Whether a hit is the document `id` or names it among its language versions: HUDOC's items
/// of one judgment in English and French are one hit (issue 19, item 3).
fn is_or_has_version(hit: &serde_json::Value, id: &str) -> bool {
    hit["id"] == id
        || hit["versions"]
            .as_array()
            .is_some_and(|versions| versions.iter().any(|v| v["id"] == id))
}

//! Protected writes through the real binary and a real server on an ephemeral port:
//! `POST /api/documents` and `DELETE /api/documents/{id}` with admin tokens only, per-record
//! results, restricted documents hidden from the public view, and the personal data guard (on
//! the API and on `ingest`). Each test runs its own server on its own index.

use crate::common;

use std::io::{BufRead, Write};

use common::{fixture, hit_ids, run, stderr, stdout, Server};
use reqwest::blocking::{Client, RequestBuilder, Response};
use serde_json::{json, Value};

const ADMIN: &str = "admin-token-w1";
const READER: &str = "reader-token-w1";

/// Documents in `tests/fixtures/write/corpus`.
const CORPUS_DOCUMENTS: u64 = 2;

fn start(extra_env: &[(&str, &str)]) -> (Server, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let mut env = vec![("THB_ADMIN_TOKEN", ADMIN), ("THB_READER_TOKEN", READER)];
    env.extend_from_slice(extra_env);
    let server = Server::start(&dir.path().join("index"), &fixture("write/corpus"), &env);
    (server, dir)
}

/// Sends a request, with `Authorization: Bearer <token>` when there is a token.
fn send(request: RequestBuilder, token: Option<&str>) -> Response {
    let request = match token {
        Some(token) => request.bearer_auth(token),
        None => request,
    };
    request.send().expect("the server answers")
}

fn status_and_json(response: Response) -> (u16, Value) {
    let status = response.status().as_u16();
    (status, response.json().expect("a JSON body"))
}

fn post(server: &Server, token: Option<&str>, body: impl Into<String>) -> Response {
    let request = Client::new()
        .post(server.url("/api/documents"))
        .body(body.into());
    send(request, token)
}

fn post_json(server: &Server, token: Option<&str>, body: impl Into<String>) -> (u16, Value) {
    status_and_json(post(server, token, body))
}

fn delete(server: &Server, token: Option<&str>, id: &str) -> (u16, Value) {
    let request = Client::new().delete(server.url(&format!("/api/documents/{id}")));
    status_and_json(send(request, token))
}

fn get_with(server: &Server, token: Option<&str>, path: &str) -> (u16, Value) {
    status_and_json(send(Client::new().get(server.url(path)), token))
}

fn document(id: &str, text: &str) -> Value {
    json!({
        "id": id,
        "kind": "judgment",
        "title": format!("Osnovni sud, predmet {id}"),
        "text": text,
        "country": "RS",
        "language": "sr-Latn",
        "date": "2021-05-10"
    })
}

fn facet_count(body: &Value, facet: &str, value: &str) -> u64 {
    body["facets"][facet]
        .as_array()
        .unwrap_or_else(|| panic!("no {facet} facet in {body}"))
        .iter()
        .find(|v| v["value"] == value)
        .map_or(0, |v| v["count"].as_u64().unwrap())
}

/// A JMBG with the right check digit, computed here from the published formula rather than
/// by the code under test.
fn jmbg(first_twelve: &str) -> String {
    let d: Vec<u32> = first_twelve
        .chars()
        .map(|c| c.to_digit(10).unwrap())
        .collect();
    let sum: u32 = (0..6).map(|i| (7 - i as u32) * (d[i] + d[i + 6])).sum();
    let k = match 11 - sum % 11 {
        10 | 11 => 0,
        m => m,
    };
    format!("{first_twelve}{k}")
}

/// The same number with a wrong check digit.
fn jmbg_with_wrong_check_digit(first_twelve: &str) -> String {
    let right = jmbg(first_twelve);
    let k = right.as_bytes()[12] - b'0';
    format!("{first_twelve}{}", (k + 1) % 10)
}

#[test]
fn writes_without_an_admin_token_are_401_and_write_nothing() {
    let (server, _dir) = start(&[]);
    let body = json!([document(
        "write:unauthorised",
        "Tekst presude o trgovini ljudima."
    )]);
    for token in [None, Some("wrong-token"), Some(READER), Some("")] {
        let response = post(&server, token, body.to_string());
        assert_eq!(response.status().as_u16(), 401, "token {token:?}");
        assert_eq!(
            response.headers()["www-authenticate"],
            "Bearer",
            "token {token:?}"
        );
        let answer: Value = response.json().unwrap();
        assert_eq!(answer["error"]["code"], "unauthorized", "{answer}");
        let (status, answer) = delete(&server, token, "write:base-rs");
        assert_eq!(status, 401, "token {token:?}: {answer}");
    }
    // Nothing was written and nothing deleted.
    let (status, _) = get_with(&server, Some(ADMIN), "/api/documents/write:unauthorised");
    assert_eq!(status, 404);
    let (status, _) = server.get_json("/api/documents/write:base-rs");
    assert_eq!(status, 200);
    let (_, health) = server.get_json("/api/health");
    assert_eq!(health["documents"], CORPUS_DOCUMENTS);
}

#[test]
fn a_server_without_admin_tokens_refuses_every_write() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(
        &dir.path().join("index"),
        &fixture("write/corpus"),
        &[("THB_READER_TOKEN", READER)],
    );
    let (status, answer) = post_json(&server, Some(READER), "[]");
    assert_eq!(status, 401);
    assert!(
        answer["error"]["message"]
            .as_str()
            .unwrap()
            .contains("without an admin token"),
        "{answer}"
    );
}

#[test]
fn a_json_array_gets_per_record_results_and_the_good_records_are_searchable_at_once() {
    let (server, _dir) = start(&[]);
    let mut unknown_country = document("write:bad-country", "Tekst.");
    unknown_country["country"] = json!("YU");
    let body = json!([
        document("write:array-1", "Prvi dokument o prinudnom radu u tekstilnoj fabrici."),
        unknown_country,
        document("write:array-2", "Drugi dokument o prosjačenju dece."),
        "not an object",
        {"id": "write:no-text", "kind": "judgment", "title": "T", "country": "RS"},
    ]);
    let (status, answer) = post_json(&server, Some(ADMIN), body.to_string());
    assert_eq!(status, 422, "{answer}");
    assert_eq!(answer["added"], 2);
    assert_eq!(answer["updated"], 0);
    assert_eq!(answer["ids"], json!(["write:array-1", "write:array-2"]));
    let rejected = answer["rejected"].as_array().unwrap();
    assert_eq!(rejected.len(), 3, "{answer}");
    assert_eq!(rejected[0]["index"], 1);
    assert_eq!(rejected[0]["field"], "country");
    assert!(rejected[0]["message"]
        .as_str()
        .unwrap()
        .contains("unknown country code `YU`"));
    assert!(
        rejected[0].get("line").is_none(),
        "arrays are indexed: {answer}"
    );
    assert_eq!(rejected[1]["index"], 3);
    assert!(rejected[1]["message"]
        .as_str()
        .unwrap()
        .contains("must be a JSON object"));
    assert_eq!(rejected[2]["index"], 4);
    assert_eq!(rejected[2]["field"], "text");

    // Committed before the answer: searchable with no waiting.
    let (_, found) = server.get_json("/api/search?q=tekstilnoj");
    assert_eq!(hit_ids(&found), vec!["write:array-1"]);
    let (status, doc) = server.get_json("/api/documents/write:array-2");
    assert_eq!(status, 200);
    assert_eq!(doc["text"], "Drugi dokument o prosjačenju dece.");

    // All good: 200; posting an id again replaces it.
    let again = json!([document(
        "write:array-1",
        "Izmenjen tekst o prinudnom radu."
    )]);
    let (status, answer) = post_json(&server, Some(ADMIN), again.to_string());
    assert_eq!(status, 200, "{answer}");
    assert_eq!(
        (answer["added"].as_u64(), answer["updated"].as_u64()),
        (Some(0), Some(1))
    );
    assert_eq!(answer["rejected"], json!([]));
    let (_, found) = server.get_json("/api/search?q=tekstilnoj");
    assert_eq!(found["total"], 0, "the old version is gone: {found}");
    let (_, health) = server.get_json("/api/health");
    assert_eq!(health["documents"], CORPUS_DOCUMENTS + 2);
}

#[test]
fn json_lines_bodies_report_lines_and_other_bodies_are_400() {
    let (server, _dir) = start(&[]);
    let body = format!(
        "{}\n\n{{\"id\": \"write:broken\", \n{}\n",
        document("write:line-1", "Prvi red o seksualnoj eksploataciji."),
        document("write:line-4", "Četvrti red o dužničkom ropstvu.")
    );
    let (status, answer) = post_json(&server, Some(ADMIN), body);
    assert_eq!(status, 422, "{answer}");
    assert_eq!(answer["ids"], json!(["write:line-1", "write:line-4"]));
    let rejected = answer["rejected"].as_array().unwrap();
    assert_eq!(rejected.len(), 1);
    assert_eq!(rejected[0]["line"], 3);
    assert!(rejected[0].get("index").is_none());
    assert!(rejected[0]["message"]
        .as_str()
        .unwrap()
        .starts_with("invalid JSON"));
    let (_, found) = server.get_json("/api/search?q=ropstvu");
    assert_eq!(hit_ids(&found), vec!["write:line-4"]);

    for bad in [
        "",
        "id,title,text\nx,y,z",
        "[{\"id\": \"write:x\"},",
        "{not json\n{nor this",
    ] {
        let (status, answer) = post_json(&server, Some(ADMIN), bad);
        assert_eq!(status, 400, "{bad:?}: {answer}");
        assert_eq!(answer["error"]["code"], "invalid_body", "{bad:?}: {answer}");
    }
    let (_, health) = server.get_json("/api/health");
    assert_eq!(health["documents"], CORPUS_DOCUMENTS + 2);
}

#[test]
fn a_body_over_the_limit_is_413_and_writes_nothing() {
    let (server, _dir) = start(&[]);
    let limit = thb_engine::limits::MAX_BODY_BYTES;
    let oversized = || {
        let mut body = json!([document("write:oversized", "x")]).to_string();
        body.push_str(&" ".repeat(limit));
        body
    };
    // A declared length over the limit is refused before any of the body is read. (Written by
    // hand: a client sending 32 MiB may see the early answer as a broken pipe.)
    let address = server.base.trim_start_matches("http://");
    let mut stream = std::net::TcpStream::connect(address).unwrap();
    write!(
        stream,
        "POST /api/documents HTTP/1.1\r\nHost: {address}\r\nAuthorization: Bearer {ADMIN}\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        limit + 1
    )
    .unwrap();
    let mut status_line = String::new();
    std::io::BufReader::new(stream)
        .read_line(&mut status_line)
        .unwrap();
    assert!(status_line.starts_with("HTTP/1.1 413"), "{status_line}");
    // Streamed (chunked, no declared length): refused when the limit is crossed, in the one
    // JSON error shape.
    let streamed = reqwest::blocking::Body::new(std::io::Cursor::new(oversized().into_bytes()));
    let response = Client::new()
        .post(server.url("/api/documents"))
        .bearer_auth(ADMIN)
        .body(streamed)
        .send()
        .expect("the server answers");
    assert_eq!(response.status().as_u16(), 413);
    let answer: Value = response.json().unwrap();
    assert_eq!(answer["error"]["code"], "too_large", "{answer}");
    let (status, _) = server.get_json("/api/documents/write:oversized");
    assert_eq!(status, 404);
}

/// The response cache's figures from `/api/health`: entries, hits, misses.
fn cache_figures(server: &Server) -> (u64, u64, u64) {
    let (_, health) = server.get_json("/api/health");
    let cache = &health["response_cache"];
    let figure = |name: &str| cache[name].as_u64().unwrap_or_else(|| panic!("{health}"));
    (figure("entries"), figure("hits"), figure("misses"))
}

/// A response without its timing, which is the only field a cached answer changes.
fn untimed(mut body: Value) -> Value {
    body.as_object_mut().expect("an object").remove("took_ms");
    body
}

#[test]
fn a_repeated_search_is_answered_from_the_cache_until_a_write_changes_the_index() {
    let (server, _dir) = start(&[]);
    let first_doc = json!([document(
        "write:cache-1",
        "Presuda o prinudnom radu u rudniku."
    )]);
    assert_eq!(
        post_json(&server, Some(ADMIN), first_doc.to_string()).0,
        200
    );
    let url = "/api/search?q=rudniku&country=RS";
    let (_, first) = server.get_json(url);
    let (_, again) = server.get_json(url);
    assert_eq!(hit_ids(&first), vec!["write:cache-1"]);
    assert_eq!(untimed(first.clone()), untimed(again));
    assert_eq!(cache_figures(&server), (1, 1, 1));

    // Another page is another request.
    let (_, page_two) = server.get_json("/api/search?q=rudniku&country=RS&page=2");
    assert_eq!(page_two["hits"], json!([]));
    assert_eq!(cache_figures(&server), (2, 1, 2));

    // A reader who may see restricted documents is answered afresh and never stored.
    for _ in 0..2 {
        let (status, privileged) = get_with(&server, Some(READER), url);
        assert_eq!(status, 200);
        assert_eq!(hit_ids(&privileged), vec!["write:cache-1"]);
    }
    assert_eq!(cache_figures(&server), (2, 1, 2));

    // A write commits a new index: the same request now finds the new document.
    let second_doc = json!([document("write:cache-2", "Druga presuda o radu u rudniku.")]);
    assert_eq!(
        post_json(&server, Some(ADMIN), second_doc.to_string()).0,
        200
    );
    let (_, after) = server.get_json(url);
    let mut found = hit_ids(&after);
    found.sort();
    assert_eq!(found, vec!["write:cache-1", "write:cache-2"]);
    assert_eq!(
        cache_figures(&server).0,
        1,
        "emptied by the write, then this answer"
    );
}

#[test]
fn the_response_cache_can_be_turned_off() {
    let (server, _dir) = start(&[("THB_CACHE_MIB", "0")]);
    let url = "/api/search?q=&country=RS";
    let (_, first) = server.get_json(url);
    let (_, again) = server.get_json(url);
    assert_eq!(untimed(first), untimed(again));
    assert_eq!(cache_figures(&server), (0, 0, 0));
}

#[test]
fn delete_removes_a_document_and_an_absent_one_is_404() {
    let (server, _dir) = start(&[]);
    let body = json!([document(
        "write:to-delete",
        "Dokument o usvojenju radi iskorišćavanja."
    )]);
    assert_eq!(post_json(&server, Some(ADMIN), body.to_string()).0, 200);
    // Searched before the delete, so that the answer after it cannot be the cached one.
    let (_, found) = server.get_json("/api/search?q=usvojenju");
    assert_eq!(hit_ids(&found), vec!["write:to-delete"]);

    let (status, answer) = delete(&server, Some(ADMIN), "write:to-delete");
    assert_eq!(status, 200, "{answer}");
    assert_eq!(answer, json!({"deleted": "write:to-delete"}));
    let (status, _) = server.get_json("/api/documents/write:to-delete");
    assert_eq!(status, 404);
    let (_, found) = server.get_json("/api/search?q=usvojenju");
    assert_eq!(found["total"], 0);

    let (status, answer) = delete(&server, Some(ADMIN), "write:to-delete");
    assert_eq!(status, 404, "deleted already: {answer}");
    assert_eq!(answer["error"]["code"], "not_found");
    // Written again after its delete, it is new: a deleted document is not live, though its
    // segment still lists its id until a merge.
    let (status, answer) = post_json(&server, Some(ADMIN), body.to_string());
    assert_eq!(status, 200, "{answer}");
    assert_eq!(
        (answer["added"].as_u64(), answer["updated"].as_u64()),
        (Some(1), Some(0)),
        "{answer}"
    );
    assert_eq!(delete(&server, Some(ADMIN), "write:to-delete").0, 200);
    let (status, _) = delete(&server, Some(ADMIN), "never-there");
    assert_eq!(status, 404);
    let (status, answer) = delete(&server, Some(ADMIN), "bad%20id");
    assert_eq!(status, 400, "{answer}");

    // Documents of the corpus can be deleted too (ids with `/` and `:` included).
    let (status, _) = delete(&server, Some(ADMIN), "write:base-ba");
    assert_eq!(status, 200);
    let (_, health) = server.get_json("/api/health");
    assert_eq!(health["documents"], CORPUS_DOCUMENTS - 1);
}

#[test]
fn posted_restricted_documents_are_invisible_without_a_reader_token() {
    let (server, _dir) = start(&[]);
    let (_, before) = server.get_json("/api/search?q=&per_page=100");
    let mut restricted = document(
        "write:restricted",
        "Zaštićeni svedok iz Malte opisuje vrbovanje preko interneta.",
    );
    restricted["access"] = json!("restricted");
    restricted["country"] = json!("MT");
    restricted["themes"] = json!(["prevention/online-recruitment"]);
    let (status, answer) = post_json(&server, Some(ADMIN), json!([restricted]).to_string());
    assert_eq!(status, 200, "{answer}");

    // The public view: no hit, no count, no facet value, no document.
    let (_, public) = server.get_json("/api/search?q=vrbovanje");
    assert_eq!(public["total"], 0, "{public}");
    let (_, all) = server.get_json("/api/search?q=&per_page=100");
    assert_eq!(all["total"], before["total"]);
    assert_eq!(facet_count(&all, "country", "MT"), 0, "{all}");
    assert_eq!(
        facet_count(&all, "theme", "prevention/online-recruitment"),
        0
    );
    let (_, filtered) = server.get_json("/api/search?q=&country=MT");
    assert_eq!(filtered["total"], 0);
    assert_eq!(facet_count(&filtered, "country", "MT"), 0, "{filtered}");
    let (status, answer) = server.get_json("/api/documents/write:restricted");
    assert_eq!(
        status, 404,
        "not 403: its existence is not disclosed: {answer}"
    );
    assert_eq!(answer["error"]["code"], "not_found");

    // Readers and admins see it.
    for token in [READER, ADMIN] {
        let (_, found) = get_with(&server, Some(token), "/api/search?q=vrbovanje");
        assert_eq!(hit_ids(&found), vec!["write:restricted"], "{token}");
        let (_, all) = get_with(&server, Some(token), "/api/search?q=&per_page=100");
        assert_eq!(facet_count(&all, "country", "MT"), 1, "{all}");
        let (status, doc) = get_with(&server, Some(token), "/api/documents/write:restricted");
        assert_eq!(status, 200);
        assert_eq!(doc["access"], "restricted");
    }
}

#[test]
fn the_personal_data_guard_rejects_a_public_record_with_a_valid_jmbg() {
    let (server, _dir) = start(&[]);
    let valid = jmbg("150398571001");
    let invalid = jmbg_with_wrong_check_digit("150398571001");
    let text =
        |number: &str| format!("Okrivljeni A.B.\nJMBG {number}, osuđen je za trgovinu ljudima.");
    let mut allowed = document("write:allowed", &text(&valid));
    allowed["personal_data"] = json!("allowed");
    let mut restricted = document("write:restricted-jmbg", &text(&valid));
    restricted["access"] = json!("restricted");
    let body = json!([
        document("write:public-jmbg", &text(&valid)),
        document("write:checksum-invalid", &text(&invalid)),
        allowed,
        restricted,
    ]);
    let (status, answer) = post_json(&server, Some(ADMIN), body.to_string());
    assert_eq!(status, 422, "{answer}");
    assert_eq!(
        answer["ids"],
        json!([
            "write:checksum-invalid",
            "write:allowed",
            "write:restricted-jmbg"
        ])
    );
    let rejected = &answer["rejected"];
    assert_eq!(rejected.as_array().unwrap().len(), 1, "{answer}");
    assert_eq!(rejected[0]["index"], 0);
    assert_eq!(rejected[0]["field"], "text");
    let message = rejected[0]["message"].as_str().unwrap();
    assert!(
        message.starts_with(
            "looks like an unredacted personal number (JMBG) at line 2, column 6 (`1503…`)"
        ),
        "{message}"
    );
    assert!(
        message.contains("\"personal_data\": \"allowed\""),
        "{message}"
    );
    assert!(
        !answer.to_string().contains(&valid),
        "the number is not echoed: {answer}"
    );
    let (status, doc) = server.get_json("/api/documents/write:allowed");
    assert_eq!(status, 200);
    assert_eq!(doc["personal_data"], "allowed");

    // E-mail addresses and telephone numbers too, in any of the checked fields.
    let mut in_summary = document("write:phone", "Presuda.");
    in_summary["summary"] = json!("Svedok je dostupan na +381 64 123 4567.");
    let body = json!([
        document("write:email", "Kontakt: ana.petrovic@example.com"),
        in_summary
    ]);
    let (status, answer) = post_json(&server, Some(ADMIN), body.to_string());
    assert_eq!(status, 422, "{answer}");
    assert_eq!(answer["rejected"][0]["field"], "text");
    assert!(answer["rejected"][0]["message"]
        .as_str()
        .unwrap()
        .contains("e-mail address at line 1, column 10"));
    assert_eq!(answer["rejected"][1]["field"], "summary");
    assert!(answer["rejected"][1]["message"]
        .as_str()
        .unwrap()
        .contains("telephone number"));
}

#[test]
fn the_configuration_can_allow_personal_data() {
    let (server, _dir) = start(&[("THB_ALLOW_PERSONAL_DATA", "1")]);
    let body = json!([document(
        "write:configured",
        &format!("JMBG {}", jmbg("150398571001"))
    )]);
    let (status, answer) = post_json(&server, Some(ADMIN), body.to_string());
    assert_eq!(status, 200, "{answer}");
}

/// Writes two JSON Lines records to `path`: `{prefix}:clean`, and `{prefix}:jmbg` on line 2,
/// whose text holds a valid personal number at line 2, column 9.
fn write_clean_and_jmbg(path: &std::path::Path, prefix: &str) {
    let lines = [
        document(
            &format!("{prefix}:clean"),
            "Presuda bez ličnih podataka, K 45/2019.",
        ),
        document(
            &format!("{prefix}:jmbg"),
            &format!("Okrivljeni\n  JMBG: {}", jmbg("010100650000")),
        ),
    ];
    let text: String = lines.iter().map(|l| format!("{l}\n")).collect();
    std::fs::write(path, text).unwrap();
}

/// `serve` builds the corpus again when only the guard's switch changed: the records it
/// rejected the first time are added, and nothing stored is lost.
#[test]
fn serve_builds_the_corpus_again_when_personal_data_is_allowed() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index");
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    write_clean_and_jmbg(&corpus.join("people.jsonl"), "corpus");

    let status = |server: &Server, id: &str| server.get(&format!("/api/documents/{id}")).status();
    let server = Server::start(&index, &corpus, &[]);
    assert_eq!(status(&server, "corpus:clean"), 200);
    assert_eq!(status(&server, "corpus:jmbg"), 404, "rejected by the guard");
    drop(server);

    let server = Server::start(&index, &corpus, &[("THB_ALLOW_PERSONAL_DATA", "1")]);
    assert_eq!(status(&server, "corpus:clean"), 200);
    assert_eq!(status(&server, "corpus:jmbg"), 200, "added once allowed");
    drop(server);

    // Switched off again: built again, the guard rejects the record, the stored copy stays.
    let server = Server::start(&index, &corpus, &[]);
    assert_eq!(status(&server, "corpus:clean"), 200);
    assert_eq!(
        status(&server, "corpus:jmbg"),
        200,
        "what was stored is kept"
    );
}

#[test]
fn ingest_applies_the_guard_unless_allowed_by_flag_or_environment() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index");
    let index = index.to_str().unwrap();
    let file = dir.path().join("people.jsonl");
    write_clean_and_jmbg(&file, "cli");
    let file = file.to_str().unwrap();

    let output = run(&["ingest", "--index", index, file]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let err = stderr(&output);
    assert!(
        err.contains(&format!(
            "{file}:2: text: looks like an unredacted personal number (JMBG) at line 2, column 9 (`0101…`)"
        )),
        "{err}"
    );
    assert!(
        !err.contains("0101006500006"),
        "the number is not echoed: {err}"
    );
    assert!(stdout(&output).contains("added 1, updated 0, rejected 1"));

    let output = run(&["ingest", "--index", index, "--allow-personal-data", file]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("added 1, updated 1, rejected 0"),
        "{}",
        stdout(&output)
    );

    let output = std::process::Command::new(common::bin())
        .args(["ingest", "--index", index, file])
        .env("THB_ALLOW_PERSONAL_DATA", "true")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
}

//! The attacks of issue 25, each replayed against the real binary and a real server on an
//! ephemeral port (or, where the behaviour is inside the engine, against the library): runaway
//! searches, quadratic pages, held-open connections, restricted documents' side channels, and
//! input that is not what it claims to be. Every assertion is on a bound (a status, a size, a
//! count), never on how fast this machine happens to be.

mod common;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::Command;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use common::{fixture, serve_command, Server};
use serde_json::{json, Value};
use thb_engine::index::IndexHandle;
use thb_engine::ingest::IngestOptions;
use thb_engine::limits::{
    MAX_FILTER_VALUES, MAX_HEADERS, MAX_LIST_ITEMS, MAX_PHRASE_SLOP, MAX_PHRASE_WORDS,
    MAX_PREFIX_EXPANSIONS, MAX_URI_BYTES, SEARCH_DEADLINE, SHUTDOWN_GRACE,
};
use thb_engine::search::{self, SearchError, SearchRequest};

const ADMIN: &str = "attack-admin-token";

/// Twenty distinct words, `w1` … `w20`.
fn twenty_words() -> Vec<String> {
    (1..=20).map(|i| format!("w{i}")).collect()
}

/// Twelve large public documents made of the twenty words over and over (the runaway phrase's
/// ground), and one public document about zebrafish (the scores' witness).
fn attack_corpus(corpus: &Path) {
    let sentence = twenty_words().join(" ");
    let text = format!("{sentence}. ").repeat(8_000);
    let mut lines = String::new();
    for i in 0..12 {
        let document = json!({
            "id": format!("attack:large-{i}"),
            "kind": "report",
            "title": format!("Large document {i} (sample)"),
            "text": text,
            "country": "RS",
            "language": "en",
            "provenance": "sample"
        });
        lines.push_str(&document.to_string());
        lines.push('\n');
    }
    let witness = json!({
        "id": "attack:zebrafish",
        "kind": "report",
        "title": "Zebrafish farms and forced labour (sample)",
        "text": "Workers on zebrafish farms were recruited by deception; the zebrafish trade \
                 hid debt bondage.",
        "country": "MT",
        "language": "en",
        "provenance": "sample"
    });
    lines.push_str(&witness.to_string());
    lines.push('\n');
    std::fs::write(corpus.join("attack.jsonl"), lines).unwrap();
    std::fs::copy(
        fixture("api/collection.jsonl"),
        corpus.join("collection.jsonl"),
    )
    .unwrap();
}

fn server() -> &'static Server {
    static SERVER: OnceLock<(Server, tempfile::TempDir)> = OnceLock::new();
    common::shared_server(
        &SERVER,
        |dir| {
            let corpus = dir.join("corpus");
            std::fs::create_dir(&corpus).unwrap();
            attack_corpus(&corpus);
            corpus
        },
        &[("THB_ADMIN_TOKEN", ADMIN), ("THB_CACHE_MIB", "0")],
    )
}

fn encode(pairs: &[(&str, &str)]) -> String {
    form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish()
}

fn search_q(q: &str) -> (u16, Value) {
    server().get_json(&format!("/api/search?{}", encode(&[("q", q)])))
}

/// The server's peak resident memory, in MiB, from the kernel's own account.
fn peak_mib(server: &Server) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{}/status", server.child.id())).unwrap();
    let line = status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .expect("VmHWM in /proc/PID/status");
    let kib: u64 = line
        .split_whitespace()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap();
    kib / 1024
}

fn admin() -> reqwest::blocking::Client {
    reqwest::blocking::Client::new()
}

fn post_documents(documents: &Value) -> (u16, Value) {
    let response = admin()
        .post(server().url("/api/documents"))
        .bearer_auth(ADMIN)
        .body(documents.to_string())
        .send()
        .unwrap();
    let status = response.status().as_u16();
    (status, response.json().unwrap())
}

fn delete_document(id: &str) -> u16 {
    admin()
        .delete(server().url(&format!("/api/documents/{id}")))
        .bearer_auth(ADMIN)
        .send()
        .unwrap()
        .status()
        .as_u16()
}

/// Sends raw bytes on a new connection and reads the answer to its end.
fn raw_exchange(base: &str, request: &[u8]) -> (u16, String, Vec<u8>) {
    let mut stream = TcpStream::connect(base.trim_start_matches("http://")).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .unwrap();
    stream.write_all(request).unwrap();
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    let split = answer
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a response head");
    let head = String::from_utf8_lossy(&answer[..split]).to_lowercase();
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .expect("a status code");
    (status, head, answer[split + 4..].to_vec())
}

fn assert_json_error(status: u16, head: &str, body: &[u8], expected: u16) -> Value {
    assert_eq!(status, expected, "{head}");
    assert!(head.contains("content-type: application/json"), "{head}");
    let body: Value = serde_json::from_slice(body).expect("a JSON error body");
    assert!(
        body["error"]["message"]
            .as_str()
            .is_some_and(|m| !m.is_empty()),
        "{body}"
    );
    body
}

// 1. Runaway phrase.

#[test]
fn a_runaway_phrase_is_refused_or_bounded() {
    let words = twenty_words().join(" ");
    let (status, body) = search_q(&format!("\"{words}\"~1000000"));
    assert_eq!(status, 400, "{body}");
    assert_eq!(body["error"]["code"], "invalid_query");
    let message = body["error"]["message"].as_str().unwrap();
    assert!(
        message.contains(&format!("at most {MAX_PHRASE_SLOP} positions")),
        "{message}"
    );
    assert_eq!(
        body["error"]["suggestion"],
        format!("\"{words}\"~{MAX_PHRASE_SLOP}")
    );

    let too_long: Vec<String> = (0..=MAX_PHRASE_WORDS)
        .map(|i| format!("w{}", i % 20 + 1))
        .collect();
    let (status, body) = search_q(&format!("\"{}\"", too_long.join(" ")));
    assert_eq!(status, 400, "{body}");
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap()
            .contains(&format!("the limit is {MAX_PHRASE_WORDS}")),
        "{body}"
    );

    // The costliest phrase the limits let through, on the twelve large documents: answered
    // (or stopped at the deadline) without the memory the attack took (5.9 GB).
    let before = peak_mib(server());
    let longest = &too_long[..MAX_PHRASE_WORDS];
    let started = Instant::now();
    let (status, body) = search_q(&format!("\"{}\"~{MAX_PHRASE_SLOP}", longest.join(" ")));
    let took = started.elapsed();
    assert!(status == 200 || status == 503, "{status} {body}");
    assert!(
        took < SEARCH_DEADLINE + Duration::from_secs(3),
        "answered after {took:?}"
    );
    let after = peak_mib(server());
    assert!(
        after < 1024,
        "peak memory {before} MiB before, {after} MiB after"
    );
}

#[test]
fn the_deadline_stops_the_search_itself() {
    let (handle, _dir, _) =
        common::ingested_index(fixture("api/collection.jsonl"), &IngestOptions::default());
    let request = SearchRequest {
        query: "trafficking".into(),
        ..SearchRequest::default()
    };
    let answered =
        search::search_until(&handle, &request, Instant::now() + Duration::from_secs(60));
    assert!(answered.unwrap().total > 0);
    // A deadline already passed: the pass over the matches stops before it counts anything.
    let stopped = search::search_until(&handle, &request, Instant::now());
    assert!(matches!(stopped, Err(SearchError::Timeout)), "{stopped:?}");
}

// 2. Quadratic page.

#[test]
fn a_page_with_thousands_of_filter_values_is_refused_small() {
    let courts: String = (0..5000).map(|i| format!("&court=c{i}")).collect();
    for path in ["/", "/api/search"] {
        let (status, head, body) = raw_exchange(
            &server().base,
            format!("GET {path}?q=a{courts} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                .as_bytes(),
        );
        let error = assert_json_error(status, &head, &body, 414);
        assert!(
            error["error"]["message"]
                .as_str()
                .unwrap()
                .contains(&format!("limit is {MAX_URI_BYTES} bytes")),
            "{error}"
        );
        assert!(body.len() < 1024, "{} bytes", body.len());
    }
    // Under the URL limit, over the values one filter takes.
    let courts: String = (0..=MAX_FILTER_VALUES)
        .map(|i| format!("&court=c{i}"))
        .collect();
    let (status, body) = server().get_json(&format!("/api/search?q=a{courts}"));
    assert_eq!(status, 400, "{body}");
    assert!(body["error"]["message"]
        .as_str()
        .unwrap()
        .starts_with("court: more than"));
    let page = server().get(&format!("/?q=a{courts}"));
    assert_eq!(page.status().as_u16(), 400);
    let text = page.text().unwrap();
    assert!(text.contains("more than"), "the page says why");
    assert!(text.len() < 256 * 1024, "{} bytes", text.len());
    // At the limits: as many values as a filter takes, the URL near its limit. The page draws
    // every value as a chip whose link carries the other values: its size is bounded by the
    // limits, a few hundred times the URL at most.
    let value = "c".repeat(100);
    let courts: String = (0..MAX_FILTER_VALUES)
        .map(|i| format!("&court={value}{i}"))
        .collect();
    let path = format!("/?q=a{courts}");
    assert!(path.len() < MAX_URI_BYTES);
    let page = server().get(&path);
    assert_eq!(page.status().as_u16(), 200);
    let size = page.text().unwrap().len();
    assert!(
        size < 2 * 1024 * 1024,
        "{size} bytes for a {} byte URL",
        path.len()
    );
}

// 3. Held-open connections.

#[test]
fn held_open_connections_are_closed_and_do_not_lock_others_out() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    std::fs::copy(fixture("api/collection.jsonl"), corpus.join("c.jsonl")).unwrap();
    let mut command = serve_command(
        &dir.path().join("index"),
        &corpus,
        &["--header-timeout", "1", "--max-connections", "8"],
        &[],
    );
    let mut child = command.spawn().unwrap();
    let base = common::listening_address(&mut child, Duration::from_secs(180)).unwrap();
    let server = Server { child, base };
    let address = server.base.trim_start_matches("http://").to_string();

    // Three times the connection cap, each with half a request line, held open.
    let held: Vec<TcpStream> = (0..24)
        .map(|_| {
            let mut s = TcpStream::connect(&address).unwrap();
            s.write_all(b"GET /api/hea").unwrap();
            s
        })
        .collect();
    // Everyone else is still served: the held connections are closed after the header-read
    // timeout, which frees their places.
    let (status, body) = server.get_json("/api/health");
    assert_eq!(status, 200, "{body}");
    for mut stream in held {
        stream
            .set_read_timeout(Some(Duration::from_secs(30)))
            .unwrap();
        let mut rest = Vec::new();
        // Closed by the server (EOF, possibly after a 408): the read ends, it does not time out.
        let ended = stream.read_to_end(&mut rest);
        assert!(ended.is_ok(), "{ended:?}");
    }

    // An idle keep-alive connection is closed too.
    let mut idle = TcpStream::connect(&address).unwrap();
    idle.write_all(b"GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n")
        .unwrap();
    idle.set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    let mut answer = Vec::new();
    assert!(
        idle.read_to_end(&mut answer).is_ok(),
        "the idle connection is closed"
    );
    assert!(answer.starts_with(b"HTTP/1.1 200"));

    // SIGTERM with a half-sent request open: the server still stops, within its grace.
    let mut half = TcpStream::connect(&address).unwrap();
    half.write_all(b"GET /api/sea").unwrap();
    let mut server = server;
    let pid = server.child.id().to_string();
    assert!(Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .unwrap()
        .success());
    let started = Instant::now();
    let exit = loop {
        if let Some(exit) = server.child.try_wait().unwrap() {
            break exit;
        }
        assert!(
            started.elapsed() < SHUTDOWN_GRACE + Duration::from_secs(20),
            "the server did not stop"
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(exit.success(), "{exit:?}");
    drop(half);
}

// 4–7. Restricted documents: no side channel.

fn score_of(q: &str, id: &str) -> f64 {
    let (status, body) = search_q(q);
    assert_eq!(status, 200, "{body}");
    let hit = body["hits"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["id"] == id)
        .unwrap_or_else(|| panic!("{id} among the hits: {body}"));
    hit["score"].as_f64().unwrap()
}

fn restricted(id: &str, text: &str) -> Value {
    json!({
        "id": id,
        "kind": "decision",
        "title": "Restricted decision (sample)",
        "text": text,
        "country": "RS",
        "language": "en",
        "access": "restricted",
        "provenance": "sample"
    })
}

#[test]
fn restricted_documents_leave_no_trace_in_public_answers() {
    // Scores: adding and deleting a restricted document holding the word changes no public
    // score (BM25's statistics leave restricted documents out).
    let before = score_of("zebrafish", "attack:zebrafish");
    let (status, body) = post_documents(&json!([restricted(
        "attack:restricted-zebrafish",
        "zebrafish zebrafish zebrafish: a restricted record on the zebrafish farms."
    )]));
    assert_eq!(status, 200, "{body}");
    let with = score_of("zebrafish", "attack:zebrafish");
    assert!(
        (with - before).abs() <= before * 1e-3,
        "public score {before} became {with} with a restricted document"
    );
    // The token holder does see it, and the scores it gets are the whole index's.
    let response = admin()
        .get(server().url("/api/search?q=zebrafish"))
        .bearer_auth(ADMIN)
        .send()
        .unwrap();
    let body: Value = response.json().unwrap();
    assert_eq!(body["total"], 2, "{body}");

    // Health: the count a caller may see.
    let (_, public) = server().get_json("/api/health");
    let response = admin()
        .get(server().url("/api/health"))
        .bearer_auth(ADMIN)
        .send()
        .unwrap();
    let full: Value = response.json().unwrap();
    let hidden = full["documents"].as_u64().unwrap() - public["documents"].as_u64().unwrap();
    // The fixture's own restricted document and this one.
    assert_eq!(hidden, 2, "public {public}, full {full}");

    assert_eq!(delete_document("attack:restricted-zebrafish"), 200);
    let after = score_of("zebrafish", "attack:zebrafish");
    assert!(
        (after - before).abs() <= before * 1e-3,
        "{before} → {after}"
    );

    // The prefix limit counts only the words a public caller can see.
    let words: Vec<String> = (0..=MAX_PREFIX_EXPANSIONS)
        .map(|i| {
            format!(
                "zzqq{}{}",
                char::from(b'a' + (i / 26 % 26) as u8),
                char::from(b'a' + (i % 26) as u8)
            )
        })
        .collect();
    assert_eq!(
        words.iter().collect::<std::collections::HashSet<_>>().len(),
        MAX_PREFIX_EXPANSIONS + 1
    );
    let (status, body) = post_documents(&json!([restricted(
        "attack:restricted-prefix",
        &words.join(" ")
    )]));
    assert_eq!(status, 200, "{body}");
    let (status, body) = search_q("zzqq*");
    assert_eq!(
        status, 200,
        "a public caller sees none of these words: {body}"
    );
    assert_eq!(body["total"], 0);
    let response = admin()
        .get(server().url("/api/search?q=zzqq*"))
        .bearer_auth(ADMIN)
        .send()
        .unwrap();
    assert_eq!(
        response.status().as_u16(),
        400,
        "the token holder sees them all"
    );
    assert_eq!(delete_document("attack:restricted-prefix"), 200);
}

#[test]
fn a_restricted_document_is_not_read_for_a_caller_who_may_not_see_it() {
    let (handle, _dir, _) =
        common::ingested_index(fixture("api/collection.jsonl"), &IngestOptions::default());
    let reads = |handle: &IndexHandle| {
        let stats = handle.searcher().doc_store_cache_stats();
        stats.cache_hits + stats.cache_misses
    };
    let start = reads(&handle);
    assert!(handle.get("test:restricted-1", false).unwrap().is_none());
    assert!(handle.get("no:such-id", false).unwrap().is_none());
    assert_eq!(
        reads(&handle),
        start,
        "no stored document was read for the 404s"
    );
    // The probe can see a read: the token holder's lookup reads the store.
    assert!(handle.get("test:restricted-1", true).unwrap().is_some());
    assert!(reads(&handle) > start);
}

// 8. Bad input: every error in the one JSON shape.

#[test]
fn input_that_is_not_what_it_claims_is_refused_in_the_json_shape() {
    for q in ["%FF%FE", "%ED%A0%80", "a%00b"] {
        let (status, body) = server().get_json(&format!("/api/search?q={q}"));
        assert_eq!(status, 400, "{q}: {body}");
        assert_eq!(body["error"]["code"], "invalid_query", "{q}: {body}");
    }
    let (status, body) = server().get_json("/api/search?q=a&court=%C3");
    assert_eq!(status, 400, "{body}");
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap()
            .starts_with("court:"),
        "{body}"
    );
    // The page says the same, as a page.
    let page = server().get("/?q=%FF%FE");
    assert_eq!(page.status().as_u16(), 400);

    let base = &server().base;
    let (status, head, body) = raw_exchange(
        base,
        b"GET /api/documents/%FF%FE HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    );
    assert_json_error(status, &head, &body, 404);
    let (status, head, body) = raw_exchange(
        base,
        b"PUT /api/search HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
    );
    let error = assert_json_error(status, &head, &body, 405);
    assert!(head.contains("allow: get"), "{head}");
    assert!(
        error["error"]["message"].as_str().unwrap().contains("GET"),
        "{error}"
    );
    let long = format!("/api/search?q={}", "a".repeat(MAX_URI_BYTES));
    let (status, head, body) = raw_exchange(
        base,
        format!("GET {long} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").as_bytes(),
    );
    assert_json_error(status, &head, &body, 414);
    let headers: String = (0..=MAX_HEADERS)
        .map(|i| format!("X-H{i}: v\r\n"))
        .collect();
    let (status, head, body) = raw_exchange(
        base,
        format!("GET /api/health HTTP/1.1\r\nHost: x\r\n{headers}Connection: close\r\n\r\n")
            .as_bytes(),
    );
    assert_json_error(status, &head, &body, 431);
}

// 9. Lists without bounds.

#[test]
fn a_document_with_unbounded_lists_is_rejected_naming_the_list() {
    let mut document = json!({
        "id": "attack:lists",
        "kind": "recommendation",
        "title": "Lists (sample)",
        "text": "A recommendation.",
        "country": "RS",
        "language": "en",
        "provenance": "sample"
    });
    let cases = [
        (
            "themes",
            json!(vec!["victims"; MAX_LIST_ITEMS + 1]),
            "themes",
        ),
        ("country", json!(vec!["RS"; MAX_LIST_ITEMS + 1]), "country"),
        (
            "greta",
            json!({"round": 3, "articles": vec![10; MAX_LIST_ITEMS + 1]}),
            "greta.articles",
        ),
    ];
    for (field, value, named) in cases {
        let mut record = document.clone();
        record[field] = value;
        let (status, body) = post_documents(&json!([record]));
        assert_eq!(status, 422, "{field}: {body}");
        let rejection = &body["rejected"][0];
        assert_eq!(rejection["field"], named, "{body}");
        assert!(
            rejection["message"]
                .as_str()
                .unwrap()
                .contains(&format!("at most {MAX_LIST_ITEMS}")),
            "{body}"
        );
    }
    document["themes"] = json!(["victims", "victims/identification"]);
    let (status, body) = post_documents(&json!([document]));
    assert_eq!(status, 200, "{body}");
    assert_eq!(delete_document("attack:lists"), 200);
}

#[test]
fn the_public_view_counts_a_terms_restricted_documents_either_way_round() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("view.jsonl");
    let record = |id: &str, text: &str, access: &str| {
        json!({
            "id": id, "kind": "decision", "title": "View (sample)", "text": text,
            "country": "RS", "language": "en", "access": access, "provenance": "sample"
        })
        .to_string()
    };
    let mut lines = Vec::new();
    // `quokka`: five public documents and one of the three restricted ones, so the term has
    // more documents than the restricted set (walked by seeking the restricted ones).
    for i in 0..5 {
        lines.push(record(&format!("view:public-{i}"), "quokka", "public"));
    }
    lines.push(record("view:restricted-0", "quokka wombat", "restricted"));
    // `wombat`: restricted documents only, fewer than the set (its postings tested against it).
    lines.push(record("view:restricted-1", "wombat", "restricted"));
    lines.push(record("view:restricted-2", "numbat", "restricted"));
    std::fs::write(&path, lines.join("\n")).unwrap();
    let (handle, _index, report) = common::ingested_index(path, &IngestOptions::default());
    assert_eq!(report.added, 8);
    let searcher = handle.searcher();
    let view = thb_engine::search::public_view::PublicView::of(&searcher, handle.facet_tables())
        .unwrap()
        .expect("the index holds restricted documents");
    let folded = |word: &str| tantivy::Term::from_field_text(handle.fields().text_folded, word);
    use tantivy::query::Bm25StatisticsProvider;
    // Twice each: the second answer comes from the segment's memo (`columns::Restricted`).
    for _ in 0..2 {
        assert_eq!(view.doc_freq(&folded("quokka")).unwrap(), 5);
        assert_eq!(view.doc_freq(&folded("wombat")).unwrap(), 0);
    }
    assert!(view.is_visible(&folded("quokka")).unwrap());
    assert!(!view.is_visible(&folded("wombat")).unwrap());
    assert_eq!(view.total_num_docs().unwrap(), 5);
    assert_eq!(
        searcher.doc_freq(&folded("wombat")).unwrap(),
        2,
        "tantivy counts them all"
    );
}

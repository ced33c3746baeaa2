//! Hostile input through the real binary and a real server on an ephemeral port: every limit
//! is answered with a 4xx whose message names it (never a 500, never a crash), and broken
//! records are rejected one by one with their line while every valid record in the same file
//! is committed. The fuzzing of the same code paths is in `tests/fuzz.rs`.

use crate::common;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::sync::OnceLock;
use std::time::Duration;

use common::{fixture, run, stderr, stdout, Server};
use serde_json::{json, Value};
use thb_engine::index::IndexHandle;
use thb_engine::limits::{
    MAX_BODY_BYTES, MAX_DOCUMENT_BYTES, MAX_FRONT_MATTER_BRACKETS, MAX_FRONT_MATTER_BYTES,
    MAX_JSON_DEPTH, MAX_PER_PAGE, MAX_PREFIX_EXPANSIONS, MAX_QUERY_CHARS, MAX_QUERY_CLAUSES,
    MAX_QUERY_DEPTH, MAX_RESULT_DEPTH, MAX_URI_BYTES, MIN_PREFIX_CHARS,
};

const ADMIN_TOKEN: &str = "hostile-admin-token";

/// `count` distinct lowercase words, each `stem` followed by three letters (`stemaaa`, …).
fn words_with_prefix(stem: &str, count: usize) -> Vec<String> {
    assert!(count <= 26 * 26 * 26);
    (0..count)
        .map(|i| {
            let letter = |n: usize| char::from(b'a' + (n % 26) as u8);
            format!(
                "{stem}{}{}{}",
                letter(i / (26 * 26)),
                letter(i / 26),
                letter(i)
            )
        })
        .collect()
}

/// The prefix fixture: one document with exactly [`MAX_PREFIX_EXPANSIONS`] distinct words
/// starting `quix`, and one more than that starting `zorb`.
fn prefix_fixture() -> String {
    let text = |stem: &str, count: usize| words_with_prefix(stem, count).join(" ");
    [
        json!({
            "id": "hostile:prefix-at-limit",
            "kind": "report",
            "title": "Prefix fixture at the limit (sample)",
            "text": text("quix", MAX_PREFIX_EXPANSIONS),
            "country": "RS",
            "language": "en",
            "provenance": "sample"
        }),
        json!({
            "id": "hostile:prefix-over-limit",
            "kind": "report",
            "title": "Prefix fixture over the limit (sample)",
            "text": text("zorb", MAX_PREFIX_EXPANSIONS + 1),
            "country": "RS",
            "language": "en",
            "provenance": "sample"
        }),
    ]
    .iter()
    .map(Value::to_string)
    .collect::<Vec<_>>()
    .join("\n")
}

/// One server for this file: the API fixture collection plus the prefix fixture.
fn server() -> &'static Server {
    static SERVER: OnceLock<(Server, tempfile::TempDir)> = OnceLock::new();
    common::shared_server(
        &SERVER,
        |dir| {
            let corpus = dir.join("corpus");
            std::fs::create_dir(&corpus).unwrap();
            std::fs::copy(
                fixture("api/collection.jsonl"),
                corpus.join("collection.jsonl"),
            )
            .unwrap();
            std::fs::write(corpus.join("prefixes.jsonl"), prefix_fixture()).unwrap();
            corpus
        },
        &[("THB_ADMIN_TOKEN", ADMIN_TOKEN)],
    )
}

/// `GET /api/search` with the pairs form-encoded.
fn search(pairs: &[(&str, &str)]) -> (u16, Value) {
    let query = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish();
    server().get_json(&format!("/api/search?{query}"))
}

fn search_q(q: &str) -> (u16, Value) {
    search(&[("q", q)])
}

fn message(body: &Value) -> &str {
    body["error"]["message"]
        .as_str()
        .unwrap_or_else(|| panic!("no error message in {body}"))
}

/// Asserts a 400 of the given code whose message contains `needle`.
fn assert_400(answer: (u16, Value), code: &str, needle: &str, what: &str) {
    let (status, body) = answer;
    assert_eq!(status, 400, "{what}: {body}");
    assert_eq!(body["error"]["code"], code, "{what}: {body}");
    assert!(
        message(&body).contains(needle),
        "{what}: message should contain {needle:?}: {body}"
    );
}

fn assert_alive() {
    let (status, body) = server().get_json("/api/health");
    assert_eq!(status, 200, "the server still answers: {body}");
}

fn nested(open: &str, depth: usize, close: &str) -> String {
    format!("{}trafficking{}", open.repeat(depth), close.repeat(depth))
}

#[test]
fn a_query_over_the_character_limit_is_400_naming_the_limit() {
    let long = "trafficking ".repeat(MAX_QUERY_CHARS / 12 + 1);
    assert!(long.len() > MAX_QUERY_CHARS);
    assert_400(
        search_q(&long),
        "invalid_query",
        &format!("the limit is {MAX_QUERY_CHARS} characters"),
        "long query",
    );
    // Exactly at the limit is fine, in Cyrillic too, where it is twice as many bytes: the
    // limit counts what the user sees.
    let at_limit = format!("trafficking {}", "a".repeat(MAX_QUERY_CHARS - 12));
    assert_eq!(at_limit.chars().count(), MAX_QUERY_CHARS);
    let (status, body) = search_q(&at_limit);
    assert_eq!(status, 200, "{body}");
    let cyrillic = format!("трговина {}", "љ".repeat(MAX_QUERY_CHARS - 9));
    assert_eq!(cyrillic.chars().count(), MAX_QUERY_CHARS);
    assert!(cyrillic.len() > 2 * MAX_QUERY_CHARS - 20);
    let (status, body) = search_q(&cyrillic);
    assert_eq!(status, 200, "{body}");
    let over = format!("{cyrillic}љ");
    assert_400(
        search_q(&over),
        "invalid_query",
        &format!("is {} characters long", MAX_QUERY_CHARS + 1),
        "long Cyrillic query",
    );
}

#[test]
fn ten_thousand_nested_parentheses_are_a_400_and_the_server_lives_on() {
    // Far past the URL limit: refused before the request reaches a route.
    for query in [nested("(", 10_000, ")"), "(".repeat(10_000)] {
        let (status, body) = search_q(&query);
        assert_eq!(status, 414, "{body}");
        assert_eq!(body["error"]["code"], "uri_too_long", "{body}");
        assert!(message(&body).contains(&format!("the limit is {MAX_URI_BYTES} bytes")));
    }
    // Past the length limit of a query: refused before any parsing.
    assert_400(
        search_q(&nested("(", 1_000, ")")),
        "invalid_query",
        &format!("the limit is {MAX_QUERY_CHARS} characters"),
        "1,000 nested parentheses",
    );
    assert_400(
        search_q(&"(".repeat(2_000)),
        "invalid_query",
        "characters",
        "2,000 open parentheses",
    );
    // Within the length limit, the depth limit answers: plain groups, excluded groups and
    // field groups alike.
    let depth_message = format!("nested deeper than {MAX_QUERY_DEPTH} levels");
    for (open, depth) in [
        ("(", 500),
        ("(", MAX_QUERY_DEPTH + 1),
        ("-(", 300),
        ("title:(", 100),
    ] {
        let query = nested(open, depth, ")");
        assert!(query.len() <= MAX_QUERY_CHARS, "{open} × {depth}");
        assert_400(
            search_q(&query),
            "invalid_query",
            &depth_message,
            &format!("{open} × {depth}"),
        );
    }
    let (status, body) = search_q(&nested("(", MAX_QUERY_DEPTH, ")"));
    assert_eq!(status, 200, "{MAX_QUERY_DEPTH} levels are allowed: {body}");
    assert!(body["total"].as_u64().unwrap() >= 1, "{body}");
    assert_alive();
}

#[test]
fn more_terms_than_the_limit_is_a_400() {
    let words = |n: usize| vec!["labour"; n].join(" ");
    assert_400(
        search_q(&words(MAX_QUERY_CLAUSES + 1)),
        "invalid_query",
        &format!(
            "{} terms; the limit is {MAX_QUERY_CLAUSES}",
            MAX_QUERY_CLAUSES + 1
        ),
        "too many words",
    );
    // Phrases count as terms too.
    assert_400(
        search_q(&vec!["\"a\""; MAX_QUERY_CLAUSES + 1].join(" ")),
        "invalid_query",
        &format!("the limit is {MAX_QUERY_CLAUSES}"),
        "too many phrases",
    );
    let (status, body) = search_q(&words(MAX_QUERY_CLAUSES));
    assert_eq!(status, 200, "{body}");
}

#[test]
fn per_page_outside_one_to_the_maximum_is_a_400() {
    let range = format!("outside 1–{MAX_PER_PAGE}");
    for per_page in ["0".to_string(), (MAX_PER_PAGE + 1).to_string()] {
        let answer = search(&[("q", "trafficking"), ("per_page", &per_page)]);
        assert!(message(&answer.1).starts_with("per_page:"), "{}", answer.1);
        assert_400(answer, "invalid_parameter", &range, &per_page);
    }
    for junk in ["-1", "99999999999999999999999", "ten", ""] {
        assert_400(
            search(&[("q", "x"), ("per_page", junk)]),
            "invalid_parameter",
            "per_page",
            junk,
        );
    }
    let (status, body) = search(&[("q", ""), ("per_page", &MAX_PER_PAGE.to_string())]);
    assert_eq!(status, 200, "{body}");
}

#[test]
fn paging_past_the_result_depth_is_a_400() {
    let per_page = MAX_PER_PAGE.to_string();
    let last_page = (MAX_RESULT_DEPTH / MAX_PER_PAGE).to_string();
    let (status, body) = search(&[("q", ""), ("page", &last_page), ("per_page", &per_page)]);
    assert_eq!(status, 200, "the last reachable page: {body}");
    assert_eq!(body["hits"], json!([]), "{body}");
    let depth = format!("beyond the first {MAX_RESULT_DEPTH}");
    let next_page = (MAX_RESULT_DEPTH / MAX_PER_PAGE + 1).to_string();
    let deepest = (MAX_RESULT_DEPTH + 1).to_string();
    let huge = usize::MAX.to_string();
    for (page, per_page) in [
        (next_page.as_str(), per_page.as_str()),
        (deepest.as_str(), "1"),
        // page × per_page overflows: still the depth limit, never a wrapped multiplication.
        (huge.as_str(), per_page.as_str()),
    ] {
        assert_400(
            search(&[("q", "x"), ("page", page), ("per_page", per_page)]),
            "invalid_parameter",
            &depth,
            &format!("page {page} × {per_page}"),
        );
    }
    assert_400(
        search(&[("q", "x"), ("page", "0")]),
        "invalid_parameter",
        "pages start at 1",
        "page 0",
    );
}

#[test]
fn prefixes_need_letters_and_may_expand_only_so_far() {
    assert_400(
        search_q("a*"),
        "invalid_query",
        &format!("at least {MIN_PREFIX_CHARS} letters"),
        "a*",
    );
    assert_400(
        search_q("zorb*"),
        "invalid_query",
        &format!("matches more than {MAX_PREFIX_EXPANSIONS} different words; type a longer prefix"),
        "zorb*",
    );
    // The same words reached from a longer prefix, and exactly the limit, are fine.
    for (query, id) in [
        ("zorbaa*", "hostile:prefix-over-limit"),
        ("quix*", "hostile:prefix-at-limit"),
    ] {
        let (status, body) = search_q(query);
        assert_eq!(status, 200, "{query}: {body}");
        assert_eq!(body["hits"][0]["id"], id, "{query}: {body}");
    }
    // As many wide prefixes as a query may hold: bounded work, an answer, not a timeout.
    let wide = vec!["quix*"; MAX_QUERY_CLAUSES].join(" ");
    let (status, body) = search_q(&wide);
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["total"], 1, "{body}");
}

#[test]
fn odd_but_harmless_queries_are_answered() {
    for q in [
        "*",
        "**",
        "-",
        "\"\"",
        "\"trafficking\"~99999999999999",
        "title:",
        "ECLI:CE:ECHR:2010:0107JUD002596504",
        "Art. 4:",
        "\u{0}",
        "traffick\u{0}ing",
        "\u{FFFD}\u{FEFF}\u{202E}",
        "İSTANBUL ǅ ß ﬁ",
    ] {
        let (status, body) = search_q(q);
        assert!(
            status == 200 || (status == 400 && body["error"]["message"].is_string()),
            "{q:?}: {status} {body}"
        );
    }
    // Broken percent-encoding in the query string is read leniently, not as a server error.
    let (status, body) = server().get_json("/api/search?q=%FF%FE%&per_page=%");
    assert_eq!(status, 400, "{body}");
    assert_alive();
}

/// Sends raw bytes and returns the status, the headers (lowercased) and the body of the
/// answer. `Connection: close` in the request makes the server end the answer with EOF.
fn raw_exchange(request: &[u8]) -> (u16, String, Vec<u8>) {
    let address = server().base.trim_start_matches("http://").to_string();
    let mut stream = TcpStream::connect(&address).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .unwrap();
    stream.write_all(request).unwrap();
    read_response(&mut stream)
}

fn read_response(stream: &mut TcpStream) -> (u16, String, Vec<u8>) {
    let mut answer = Vec::new();
    // The peer may reset the connection once it has answered; what was read still counts.
    let _ = stream.read_to_end(&mut answer);
    let split = answer
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or_else(|| panic!("no HTTP answer: {:?}", String::from_utf8_lossy(&answer)));
    let head = String::from_utf8_lossy(&answer[..split]).to_lowercase();
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no status in {head}"));
    (status, head, answer[split + 4..].to_vec())
}

fn json_body(head: &str, body: &[u8]) -> Value {
    assert!(head.contains("content-type: application/json"), "{head}");
    // Bodies of these answers are small and sent whole (no chunking).
    serde_json::from_slice(body)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(body)))
}

#[test]
fn a_body_over_the_limit_is_a_413_in_json_on_every_route() {
    // A declared length over the limit is refused before any handler runs, whatever the
    // method and route (even routes that never read a body, and unknown routes).
    let too_long = MAX_BODY_BYTES + 1;
    for (method, path) in [
        ("GET", "/api/search?q=trafficking"),
        ("GET", "/api/health"),
        ("POST", "/api/documents"),
        ("GET", "/"),
        ("PUT", "/no/such/route"),
    ] {
        let request = format!(
            "{method} {path} HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer {ADMIN_TOKEN}\r\nContent-Type: application/json\r\nContent-Length: {too_long}\r\nConnection: close\r\n\r\n"
        );
        let (status, head, body) = raw_exchange(request.as_bytes());
        assert_eq!(status, 413, "{method} {path}: {head}");
        let body = json_body(&head, &body);
        assert_eq!(body["error"]["code"], "too_large", "{body}");
        assert!(
            message(&body).contains(&format!("limit of {MAX_BODY_BYTES} bytes")),
            "{body}"
        );
    }
    // A small body on a route that reads none is ignored.
    let (status, _, _) = raw_exchange(
        b"GET /api/health HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello",
    );
    assert_eq!(status, 200);
    assert_alive();
}

#[test]
fn a_streamed_body_that_grows_past_the_limit_is_a_413_in_json() {
    // No declared length: the limit is met while the write route reads the body.
    let address = server().base.trim_start_matches("http://").to_string();
    let mut stream = TcpStream::connect(&address).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(120)))
        .unwrap();
    let head = format!(
        "POST /api/documents HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer {ADMIN_TOKEN}\r\nContent-Type: application/x-ndjson\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
    );
    stream.write_all(head.as_bytes()).unwrap();
    let mut writer = stream.try_clone().unwrap();
    let sender = std::thread::spawn(move || {
        // One long JSON Lines record, sent in 1 MiB chunks until well past the limit; the
        // server may stop reading (and reset) as soon as it has answered.
        let chunk = vec![b' '; 1 << 20];
        let mut sent = 0;
        while sent <= MAX_BODY_BYTES + (1 << 20) {
            let frame = [format!("{:x}\r\n", chunk.len()).as_bytes(), &chunk, b"\r\n"].concat();
            if writer.write_all(&frame).is_err() {
                return;
            }
            sent += chunk.len();
        }
        let _ = writer.write_all(b"0\r\n\r\n");
    });
    let (status, head, body) = read_response(&mut stream);
    let _ = sender.join();
    assert_eq!(status, 413, "{head}");
    let body = json_body(&head, &body);
    assert_eq!(body["error"]["code"], "too_large", "{body}");
    assert!(
        message(&body).contains(&MAX_BODY_BYTES.to_string()),
        "{body}"
    );
    assert_alive();
}

#[test]
fn a_url_far_too_long_is_refused_with_a_4xx() {
    let long = "a".repeat(1 << 20);
    let request = format!(
        "GET /api/search?q={long} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    );
    let (status, head, _) = raw_exchange(request.as_bytes());
    assert!((400..500).contains(&status), "{head}");
    assert_alive();
}

// ---- Ingest: one bad record never costs the others ----------------------------------------

fn good_record(id: &str, text: &str) -> Value {
    json!({
        "id": id,
        "kind": "judgment",
        "title": format!("Hostile fixture {id} (sample)"),
        "text": text,
        "country": "RS",
        "date": "2020-01-01",
        "language": "en",
        "provenance": "sample"
    })
}

fn with(id: &str, field: &str, value: Value) -> Vec<u8> {
    let mut record = good_record(id, "Some text about trafficking.");
    record[field] = value;
    record.to_string().into_bytes()
}

/// Nested JSON `depth` levels deep: `[[[…]]]`, closed or not.
fn deep_array(depth: usize, closed: bool) -> Vec<u8> {
    let mut out = vec![b'['; depth];
    if closed {
        out.extend(std::iter::repeat_n(b']', depth));
    }
    out
}

/// Ingests `files` (name, contents) from one directory; returns the exit code, stdout, stderr
/// and the index path.
fn ingest(dir: &Path, files: &[(&str, Vec<u8>)]) -> (Option<i32>, String, String) {
    let input = dir.join("input");
    std::fs::create_dir_all(&input).unwrap();
    for (name, contents) in files {
        std::fs::write(input.join(name), contents).unwrap();
    }
    let index = dir.join("index");
    let output = run(&[
        "ingest",
        "--index",
        index.to_str().unwrap(),
        input.to_str().unwrap(),
    ]);
    (output.status.code(), stdout(&output), stderr(&output))
}

/// Asserts that `stderr` holds a rejection of `file` at `line` containing `needle`.
fn assert_rejected(stderr: &str, dir: &Path, file: &str, line: usize, needle: &str) {
    let prefix = format!("{}:{line}: ", dir.join("input").join(file).display());
    let found = stderr
        .lines()
        .find(|l| l.starts_with(&prefix))
        .unwrap_or_else(|| panic!("no rejection at {prefix}\n{stderr}"));
    assert!(
        found.contains(needle),
        "{prefix}: expected {needle:?} in {found:?}"
    );
}

fn stored_ids(dir: &Path) -> Vec<String> {
    let handle = IndexHandle::open(&dir.join("index")).unwrap();
    let request = thb_engine::search::SearchRequest {
        per_page: 100,
        include_restricted: true,
        ..Default::default()
    };
    let mut ids: Vec<String> = thb_engine::search::search(&handle, &request)
        .unwrap()
        .hits
        .into_iter()
        .map(|h| h.id)
        .collect();
    ids.sort();
    ids
}

#[test]
fn broken_json_lines_are_rejected_by_line_and_every_valid_line_is_committed() {
    let dir = tempfile::tempdir().unwrap();
    let huge_text = "trafficking ".repeat(10 * 1024 * 1024 / 12);
    let mut deep_summary = json!("bottom");
    for _ in 0..MAX_JSON_DEPTH + 4 {
        deep_summary = json!([deep_summary]);
    }
    let lines: Vec<Vec<u8>> = vec![
        // 1
        good_record("hostile:good-1", "Forced labour on a farm; trafficking.")
            .to_string()
            .into_bytes(),
        // 2: invalid UTF-8 inside a string
        [
            &b"{\"id\":\"hostile:utf8\",\"kind\":\"judgment\",\"title\":\"x\xff\xfe\","[..],
            &b"\"text\":\"t\",\"country\":\"RS\"}"[..],
        ]
        .concat(),
        // 3: a raw NUL byte inside a string
        b"{\"id\":\"hostile:nul\",\"kind\":\"judgment\",\"title\":\"a\0b\",\"text\":\"t\",\"country\":\"RS\"}".to_vec(),
        // 4: a raw NUL byte before the record
        [&b"\0"[..], &good_record("hostile:nul-lead", "t").to_string().into_bytes()].concat(),
        // 5: an escaped NUL in the id
        with("hostile:nul-\u{0}id", "kind", json!("judgment")),
        // 6: a 10 MB line
        good_record("hostile:huge", &huge_text).to_string().into_bytes(),
        // 7: 100,000 `[`, unclosed
        deep_array(100_000, false),
        // 8: 100,000 `[` closed again
        deep_array(100_000, true),
        // 9: a number where a string belongs
        with("hostile:number-title", "title", json!(5)),
        // 10: an object where a list belongs
        with("hostile:object-themes", "themes", json!({"a": "b"})),
        // 11: an object where a code or a list of codes belongs
        with("hostile:object-country", "country", json!({"code": "RS"})),
        // 12: an array, not a record
        format!("[{}]", good_record("hostile:in-array", "t")).into_bytes(),
        // 13: a string, not a record
        b"\"just a string\"".to_vec(),
        // 14: a number, not a record
        b"123456789012345678901234567890".to_vec(),
        // 15: an escaped NUL in the text: dropped with the other control characters
        good_record("hostile:good-2", "Forced begging\u{0} of children; trafficking.")
            .to_string()
            .into_bytes(),
        // 16: a string where a number belongs
        with("hostile:string-article", "greta", json!({"round": 2, "articles": ["4"]})),
        // 17: a number where a date string belongs
        with("hostile:number-date", "date", json!(20200101)),
        // 18: nesting within serde_json's limit but past ours
        with("hostile:deep-summary", "summary", deep_summary),
        // 19
        good_record("hostile:good-3", "Трговина људима ради радне експлоатације.")
            .to_string()
            .into_bytes(),
        // 20: an escaped NUL where no control character belongs
        with(
            "hostile:nul-url",
            "source_url",
            json!("https://hudoc.echr.coe.int/\u{0}"),
        ),
    ];
    let file = lines.join(&b'\n');
    let (code, out, err) = ingest(dir.path(), &[("hostile.jsonl", file)]);
    assert_eq!(code, Some(1), "{out}\n{err}");
    assert!(
        out.contains("added 3, updated 0, rejected 17"),
        "{out}\n{err}"
    );
    let at = |line: usize, needle: &str| {
        assert_rejected(&err, dir.path(), "hostile.jsonl", line, needle)
    };
    at(2, "invalid UTF-8 at byte 50 of the line");
    at(3, "invalid JSON: control character");
    at(4, "invalid JSON");
    at(5, "id: character '\\0' is not allowed");
    at(
        6,
        &format!("the largest accepted document is {MAX_DOCUMENT_BYTES} bytes"),
    );
    at(7, "invalid JSON: recursion limit exceeded");
    at(8, "invalid JSON: recursion limit exceeded");
    at(9, "title: invalid type: integer `5`, expected a string");
    at(10, "themes: invalid type: map, expected a sequence");
    at(11, "country: ");
    at(12, "a document must be a JSON object, found an array");
    at(13, "a document must be a JSON object, found a string");
    at(14, "a document must be a JSON object, found a number");
    at(
        16,
        "greta.articles[0]: invalid type: string \"4\", expected u16",
    );
    at(
        17,
        "date: invalid type: integer `20200101`, expected a string",
    );
    at(18, &format!("nested deeper than {MAX_JSON_DEPTH} levels"));
    at(20, "source_url: contains a space or a control character");
    assert_eq!(
        err.lines().filter(|l| l.contains("hostile.jsonl:")).count(),
        17,
        "one rejection per bad line: {err}"
    );
    assert_eq!(
        stored_ids(dir.path()),
        vec!["hostile:good-1", "hostile:good-2", "hostile:good-3"]
    );
    let handle = IndexHandle::open(&dir.path().join("index")).unwrap();
    let stored = handle.get("hostile:good-2", true).unwrap().unwrap();
    assert_eq!(stored.text, "Forced begging of children; trafficking.");
}

#[test]
fn a_json_array_rejects_its_bad_elements_by_line_and_keeps_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let good = |id: &str| good_record(id, "Trafficking for forced labour.").to_string();
    let mut file = Vec::new();
    file.extend_from_slice(format!("[\n{},\n", good("hostile:array-1")).as_bytes()); // line 2
    file.extend_from_slice(b"1,\n\"a string\",\nnull,\n[],\ntrue,\n"); // lines 3–7
    file.extend_from_slice(&with("hostile:array-number-id", "id", json!(5))); // line 8
    file.extend_from_slice(b",\n");
    // Line 9: invalid UTF-8 inside one element.
    file.extend_from_slice(
        good("hostile:array-utf8")
            .replace("forced", "forc\u{1}ed")
            .as_bytes(),
    );
    let bad_byte = file.iter().rposition(|b| *b == 1).unwrap();
    file[bad_byte] = 0xff;
    file.extend_from_slice(b",\n");
    file.extend_from_slice(&deep_array(100_000, true)); // line 10
    file.extend_from_slice(b",\n");
    file.extend_from_slice(format!("{}\n]\n", good("hostile:array-2")).as_bytes()); // line 11
    let (code, out, err) = ingest(dir.path(), &[("array.json", file)]);
    assert_eq!(code, Some(1), "{out}\n{err}");
    assert!(
        out.contains("added 2, updated 0, rejected 8"),
        "{out}\n{err}"
    );
    let at =
        |line: usize, needle: &str| assert_rejected(&err, dir.path(), "array.json", line, needle);
    at(3, "found a number");
    at(4, "found a string");
    at(5, "found null");
    at(6, "found an array");
    at(7, "found a boolean");
    at(8, "id: invalid type: integer `5`, expected a string");
    at(9, "invalid UTF-8 at byte");
    at(10, "recursion limit exceeded");
    assert_eq!(
        stored_ids(dir.path()),
        vec!["hostile:array-1", "hostile:array-2"]
    );
}

#[test]
fn broken_files_cost_only_themselves() {
    let dir = tempfile::tempdir().unwrap();
    // A YAML "billion laughs": nine levels of ten aliases each.
    let mut bomb = String::from("---\nid: hostile:bomb\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (level, previous) in ('b'..='i').zip('a'..='h') {
        let refs = vec![format!("*{previous}"); 10].join(",");
        bomb.push_str(&format!("{level}: &{level} [{refs}]\n"));
    }
    bomb.push_str("---\nbody\n");
    let deep_front = format!(
        "---\nid: hostile:deep\ntitle: {}\n---\nbody\n",
        String::from_utf8(deep_array(100_000, true)).unwrap()
    );
    let brackets = format!(
        "---\nid: hostile:brackets\ntitle: {}{}\n---\nbody\n",
        "[".repeat(MAX_FRONT_MATTER_BRACKETS + 1),
        "]".repeat(MAX_FRONT_MATTER_BRACKETS + 1)
    );
    let good_md = "---\nid: hostile:md-good\nkind: report\ntitle: A good note (sample)\ncountry: RS\nlanguage: en\nprovenance: sample\n---\nTrafficking for forced begging.\n";
    let (code, out, err) = ingest(
        dir.path(),
        &[
            ("a-bomb.md", bomb.into_bytes()),
            ("b-deep.md", deep_front.into_bytes()),
            ("b-brackets.md", brackets.into_bytes()),
            ("c-utf8.md", b"---\nid: x\xff\n---\nbody\n".to_vec()),
            ("d-nul.md", b"---\nid: x\0\n---\nbody\n".to_vec()),
            ("e-unclosed.json", deep_array(100_000, false)),
            ("f-good.md", good_md.as_bytes().to_vec()),
            (
                "g-good.jsonl",
                good_record("hostile:jsonl-good", "Trafficking.")
                    .to_string()
                    .into_bytes(),
            ),
        ],
    );
    assert_eq!(code, Some(1), "{out}\n{err}");
    assert!(
        out.contains("added 2, updated 0, rejected 6"),
        "{out}\n{err}"
    );
    for name in [
        "a-bomb.md",
        "b-deep.md",
        "b-brackets.md",
        "c-utf8.md",
        "d-nul.md",
        "e-unclosed.json",
    ] {
        let prefix = format!("{}:", dir.path().join("input").join(name).display());
        assert!(err.contains(&prefix), "{name} is rejected: {err}");
    }
    assert_rejected(
        &err,
        dir.path(),
        "a-bomb.md",
        2,
        "repetition limit exceeded",
    );
    assert_rejected(
        &err,
        dir.path(),
        "b-deep.md",
        2,
        &format!("the limit is {MAX_FRONT_MATTER_BYTES}"),
    );
    assert_rejected(
        &err,
        dir.path(),
        "b-brackets.md",
        3,
        &format!("more than {MAX_FRONT_MATTER_BRACKETS} `[` and `{{`"),
    );
    assert_rejected(
        &err,
        dir.path(),
        "d-nul.md",
        2,
        "control characters are not allowed",
    );
    assert_rejected(&err, dir.path(), "c-utf8.md", 2, "invalid UTF-8 at byte 10");
    assert_rejected(
        &err,
        dir.path(),
        "e-unclosed.json",
        1,
        "EOF while parsing a list",
    );
    assert_eq!(
        stored_ids(dir.path()),
        vec!["hostile:jsonl-good", "hostile:md-good"]
    );
}

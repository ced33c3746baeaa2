//! What the people who run the server rely on (issue 22): the settings file and `config check`,
//! the JSON log with a request id on every line (and no query, no token), `/metrics`, the
//! OpenAPI document and CORS. Each against the real binary.

use crate::common;

use std::io::{BufRead, BufReader};
use std::process::Stdio;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use common::*;
use serde_json::{json, Value};

const ADMIN: &str = "ops-admin-token-5f2c";
const READER: &str = "ops-reader-token-91ab";

fn config_check(args: &[&str], env: &[(&str, &str)]) -> std::process::Output {
    let mut command = std::process::Command::new(bin());
    command.args(["config", "check"]).args(args);
    for var in [
        "THB_CONFIG",
        "THB_INDEX",
        "THB_ADDR",
        "THB_CACHE_MIB",
        "THB_ADMIN_TOKEN",
        "THB_READER_TOKEN",
        "THB_LOG",
        "RUST_LOG",
        "THB_LOG_FORMAT",
    ] {
        command.env_remove(var);
    }
    for (k, v) in env {
        command.env(k, v);
    }
    command.output().expect("the binary runs")
}

/// The line of `config check` for a setting.
fn setting<'a>(output: &'a str, name: &str) -> &'a str {
    output
        .lines()
        .find(|l| l.split_whitespace().next() == Some(name))
        .unwrap_or_else(|| panic!("no line for {name}: {output}"))
}

#[test]
fn config_check_shows_each_setting_with_its_source_and_masks_tokens() {
    let example = concat!(env!("CARGO_MANIFEST_DIR"), "/deploy/thb-caselaw.toml");
    let output = config_check(
        &["--config", example, "--addr", "127.0.0.1:9900"],
        &[
            ("THB_CACHE_MIB", "8"),
            ("THB_ADMIN_TOKEN", "first-secret,second-secret"),
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let out = stdout(&output);
    // A flag beats the environment and the file; the environment beats the file.
    assert!(setting(&out, "addr").contains("127.0.0.1:9900"), "{out}");
    assert!(setting(&out, "addr").ends_with("(flag)"), "{out}");
    assert!(setting(&out, "cache_mib").contains(" 8 "), "{out}");
    assert!(
        setting(&out, "cache_mib").ends_with("(environment THB_CACHE_MIB)"),
        "{out}"
    );
    assert!(
        setting(&out, "index").contains("/var/lib/thb-caselaw/index"),
        "{out}"
    );
    assert!(setting(&out, "index").contains("thb-caselaw.toml"), "{out}");
    assert!(setting(&out, "log_format").contains("json"), "{out}");
    assert!(setting(&out, "reader_token").contains("(none)"), "{out}");
    assert!(
        setting(&out, "admin_token").contains("2 tokens (masked)"),
        "{out}"
    );
    assert!(!out.contains("first-secret"), "a token was printed: {out}");
}

#[test]
fn a_wrong_settings_file_is_named_with_its_line_and_key() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("thb.toml");
    std::fs::write(
        &file,
        "[server]\naddr = \"127.0.0.1:8080\"\nmax_conections = 8\n",
    )
    .unwrap();
    let output = config_check(&["--config", file.to_str().unwrap()], &[]);
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(err.contains("thb.toml"), "{err}");
    assert!(err.contains("line 3"), "{err}");
    assert!(err.contains("max_conections"), "{err}");

    std::fs::write(
        &file,
        "[search]\ncache_mib = 4\n[writes]\nadmin_token = \"leak-me\"\n",
    )
    .unwrap();
    let output = config_check(&["--config", file.to_str().unwrap()], &[]);
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(err.contains("writes.admin_token"), "{err}");
    assert!(err.contains("THB_ADMIN_TOKEN"), "{err}");
    assert!(!err.contains("leak-me"), "{err}");

    // The same refusal stops `serve` before it touches anything.
    let output = std::process::Command::new(bin())
        .args(["serve", "--index"])
        .arg(dir.path().join("index"))
        .arg("--config")
        .arg(&file)
        .env_remove("THB_CONFIG")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(!dir.path().join("index").exists());
}

/// A server configured by a file, logging JSON to a buffer the test reads.
struct Logged {
    server: Server,
    log: Arc<Mutex<String>>,
    _dir: tempfile::TempDir,
}

fn start(extra_config: &str, env: &[(&str, &str)]) -> Logged {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("thb.toml");
    std::fs::write(
        &config,
        format!("[log]\nformat = \"json\"\nlevel = \"info\"\n{extra_config}"),
    )
    .unwrap();
    let mut command = serve_command(
        &dir.path().join("index"),
        &fixture("write/corpus"),
        &["--config", config.to_str().unwrap()],
        &[("THB_ADMIN_TOKEN", ADMIN), ("THB_READER_TOKEN", READER)],
    );
    // The file decides the level: the harness's RUST_LOG must not.
    command.env_remove("RUST_LOG").stderr(Stdio::piped());
    for (k, v) in env {
        command.env(k, v);
    }
    let mut child = command.spawn().unwrap();
    let log = Arc::new(Mutex::new(String::new()));
    let pipe = child.stderr.take().unwrap();
    let collected = log.clone();
    std::thread::spawn(move || {
        for line in BufReader::new(pipe).lines().map_while(Result::ok) {
            let mut log = collected.lock().unwrap();
            log.push_str(&line);
            log.push('\n');
        }
    });
    let base = listening_address(&mut child, Duration::from_secs(180)).expect("it listens");
    Logged {
        server: Server { child, base },
        log,
        _dir: dir,
    }
}

/// Waits until the log holds `needle` (log lines are written after the response is sent).
fn wait_for_log(log: &Mutex<String>, needle: &str) -> String {
    for _ in 0..100 {
        let text = log.lock().unwrap().clone();
        if text.contains(needle) {
            return text;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!("`{needle}` never logged: {}", log.lock().unwrap());
}

#[test]
fn the_json_log_has_a_request_id_on_every_request_line_and_no_query_or_token() {
    let Logged { server, log, _dir } = start("", &[]);
    let client = reqwest::blocking::Client::new();
    let query = "trgovina%20ljudima%20Petrovi%C4%87";
    let response = client
        .get(server.url(&format!("/api/search?q={query}")))
        .bearer_auth(READER)
        .send()
        .unwrap();
    assert_eq!(response.status().as_u16(), 200);
    let id = response.headers()["x-request-id"]
        .to_str()
        .unwrap()
        .to_string();
    assert_eq!(id.len(), 36, "a UUID: {id}");
    // An id a proxy sent is kept, and answered back.
    let response = client
        .get(server.url("/api/health"))
        .header("x-request-id", "proxy-7f3a.42")
        .send()
        .unwrap();
    assert_eq!(response.headers()["x-request-id"], "proxy-7f3a.42");

    let text = wait_for_log(&log, "proxy-7f3a.42");
    let text = wait_for_log(&Mutex::new(text), &id);
    let mut request_lines = 0;
    for line in text.lines() {
        let value: Value =
            serde_json::from_str(line).unwrap_or_else(|e| panic!("not JSON ({e}): {line}"));
        if value["span"]["name"] == "request" {
            request_lines += 1;
            assert!(value["span"]["request_id"].is_string(), "{line}");
        }
    }
    assert!(request_lines >= 2, "{text}");
    let search_line = text.lines().find(|l| l.contains(&id)).unwrap();
    let search: Value = serde_json::from_str(search_line).unwrap();
    assert_eq!(search["span"]["path"], "/api/search");
    assert_eq!(search["status"], 200);
    for secret in ["ljudima", "Petrovi", READER, ADMIN] {
        assert!(!text.contains(secret), "`{secret}` was logged: {text}");
    }
}

/// The value of a sample in a scrape, 0 when absent.
fn sample(scrape: &str, series: &str) -> f64 {
    scrape
        .lines()
        .find_map(|l| l.strip_prefix(series)?.strip_prefix(' '))
        .map_or(0.0, |v| v.parse().unwrap())
}

#[test]
fn metrics_count_requests_rejections_and_read_the_index_for_token_holders_only() {
    let Logged {
        server,
        log: _,
        _dir,
    } = start("", &[]);
    let client = reqwest::blocking::Client::new();
    let scrape = || {
        let response = client
            .get(server.url("/metrics"))
            .bearer_auth(READER)
            .send()
            .unwrap();
        assert_eq!(response.status().as_u16(), 200);
        assert!(response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/openmetrics-text"));
        response.text().unwrap()
    };
    let (status, body) = server.get_json("/metrics");
    assert_eq!(status, 401);
    assert_eq!(body["error"]["code"], "unauthorized");

    let before = scrape();
    for _ in 0..3 {
        assert_eq!(server.get("/api/search?q=labour").status().as_u16(), 200);
    }
    assert_eq!(server.get("/api/search?country=ZZ").status().as_u16(), 400);
    // One record written, one refused for a field the format does not have.
    let response = client
        .post(server.url("/api/documents"))
        .bearer_auth(ADMIN)
        .body(
            json!([
                {"id": "ops:1", "kind": "decision", "title": "Decision on forced labour",
                 "text": "The court examined forced labour.", "country": "MT",
                 "language": "en", "provenance": "sample"},
                {"id": "ops:2", "kind": "decision", "title": "A typo",
                 "text": "Text.", "country": "MT", "sumary": "A typo of summary."}
            ])
            .to_string(),
        )
        .send()
        .unwrap();
    assert_eq!(response.status().as_u16(), 422);
    let report: Value = response.json().unwrap();
    assert_eq!(report["rejected"][0]["reason"], "unknown_field", "{report}");

    let after = scrape();
    let ok = r#"thb_http_requests_total{route="/api/search",method="GET",status="200"}"#;
    let bad = r#"thb_http_requests_total{route="/api/search",method="GET",status="400"}"#;
    assert_eq!(sample(&after, ok) - sample(&before, ok), 3.0, "{after}");
    assert_eq!(sample(&after, bad) - sample(&before, bad), 1.0, "{after}");
    let unknown = r#"thb_records_rejected_total{source="api",reason="unknown_field"}"#;
    assert_eq!(sample(&after, unknown), 1.0, "{after}");
    assert!(
        after.contains(r#"thb_records_rejected_total{source="api",reason="personal_data"} 0"#),
        "every reason is reported from the start: {after}"
    );
    assert!(
        after.contains(r#"thb_http_request_duration_seconds_count{route="/api/search"}"#),
        "{after}"
    );
    // The index as /api/health sees it for a token holder, and a commit a moment ago.
    let health: Value = client
        .get(server.url("/api/health"))
        .bearer_auth(READER)
        .send()
        .unwrap()
        .json()
        .unwrap();
    assert_eq!(
        sample(&after, "thb_index_documents"),
        health["documents"].as_f64().unwrap(),
        "{after}"
    );
    assert!(sample(&after, "thb_index_segments") >= 1.0);
    assert!(
        sample(&after, "thb_index_last_commit_age_seconds") < 120.0,
        "{after}"
    );
    // Two of the three identical searches were answered from the cache.
    assert!(
        sample(&after, "thb_search_cache_hits_total") >= 2.0,
        "{after}"
    );
    // A path a client invents does not become a label.
    server.get("/no/such/path/4711");
    assert!(!scrape().contains("4711"));
    assert!(after.trim_end().ends_with("# EOF"));
}

#[test]
fn the_openapi_document_is_served_and_cors_follows_the_configured_origins() {
    let Logged {
        server,
        log: _,
        _dir,
    } = start(
        "[server]\ncors_origins = [\"https://caselaw.example.org\"]\n",
        &[],
    );
    let (status, doc) = server.get_json("/api/openapi.json");
    assert_eq!(status, 200);
    assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"));
    assert!(doc["paths"]["/api/search"]["get"].is_object());
    assert!(doc["components"]["schemas"]["SearchResponse"].is_object());

    let client = reqwest::blocking::Client::new();
    let preflight = |origin: &str| {
        client
            .request(reqwest::Method::OPTIONS, server.url("/api/search"))
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "GET")
            .header("Access-Control-Request-Headers", "authorization")
            .send()
            .unwrap()
    };
    let allowed = preflight("https://caselaw.example.org");
    assert_eq!(
        allowed.headers()["access-control-allow-origin"],
        "https://caselaw.example.org"
    );
    let refused = preflight("https://elsewhere.example.com");
    assert!(refused
        .headers()
        .get("access-control-allow-origin")
        .is_none());
    let response = client
        .get(server.url("/api/search?q=labour"))
        .header("Origin", "https://caselaw.example.org")
        .send()
        .unwrap();
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(
        response.headers()["access-control-allow-origin"],
        "https://caselaw.example.org"
    );
}

#[test]
fn rejections_of_ingest_and_import_runs_are_reported_by_the_server() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index");
    let file = dir.path().join("records.jsonl");
    let good = json!({"id": "cli:1", "kind": "decision", "title": "Decision on begging",
        "text": "Forced begging of children.", "country": "AL", "language": "en",
        "provenance": "sample"});
    let typo = json!({"id": "cli:2", "kind": "decision", "title": "T", "text": "T.",
        "country": "AL", "jugde": "X"});
    let bad_country = json!({"id": "cli:3", "kind": "decision", "title": "T", "text": "T.",
        "country": "Albania"});
    std::fs::write(&file, format!("{good}\n{typo}\n{bad_country}\nnot json\n")).unwrap();
    let index_arg = index.to_str().unwrap();
    let output = run(&["ingest", "--index", index_arg, file.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    // A second run adds to the tally.
    run(&["ingest", "--index", index_arg, file.to_str().unwrap()]);

    let mut command = serve_command(
        &index,
        &dir.path().join("no-corpus"),
        &[],
        &[("THB_READER_TOKEN", READER)],
    );
    command.stderr(Stdio::null());
    let mut child = command.spawn().unwrap();
    let base = listening_address(&mut child, Duration::from_secs(60)).expect("it listens");
    let server = Server { child, base };
    let scrape = reqwest::blocking::Client::new()
        .get(server.url("/metrics"))
        .bearer_auth(READER)
        .send()
        .unwrap()
        .text()
        .unwrap();
    for (reason, count) in [
        ("unknown_field", 2.0),
        ("invalid_field", 2.0),
        ("record", 2.0),
        ("personal_data", 0.0),
    ] {
        let series =
            format!(r#"thb_cli_records_rejected_total{{command="ingest",reason="{reason}"}}"#);
        assert!(scrape.contains(&series), "{series} missing: {scrape}");
        assert_eq!(sample(&scrape, &series), count, "{series}: {scrape}");
    }
    let import = r#"thb_cli_records_rejected_total{command="import",reason="record"}"#;
    assert_eq!(sample(&scrape, import), 0.0);
}

//! Shared helpers for the integration tests: the real binary, a real server on an ephemeral
//! port, the router driven in process, fixture paths.
#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::mpsc;
use std::time::Duration;

pub mod treebank;

/// The `id` of each document of a list of them (hits, "cited by", similar documents).
pub fn ids(list: &serde_json::Value) -> Vec<&str> {
    list.as_array()
        .unwrap_or_else(|| panic!("not a list: {list}"))
        .iter()
        .map(|d| d["id"].as_str().unwrap())
        .collect()
}

/// The ids of a search response's hits, in rank order.
pub fn hit_ids(body: &serde_json::Value) -> Vec<&str> {
    ids(&body["hits"])
}

/// The binary under test.
pub fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_thb-caselaw")
}

/// A new index in a temporary directory (deleted when the guard drops) with `path` ingested
/// through the library, for tests that search in process.
pub fn ingested_index(
    path: PathBuf,
    options: &thb_engine::ingest::IngestOptions,
) -> (
    thb_engine::index::IndexHandle,
    tempfile::TempDir,
    thb_engine::ingest::IngestReport,
) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let handle = thb_engine::index::IndexHandle::open_or_create(&dir.path().join("index"))
        .expect("an index");
    let report = thb_engine::ingest::ingest_paths(&handle, &[path], options).expect("it ingests");
    (handle, dir, report)
}

/// Writes `count` small valid documents as JSON Lines (language declared, so no detection is
/// needed) with ids `{prefix}:00000`, `{prefix}:00001`, ….
pub fn write_documents(path: &Path, prefix: &str, count: u64) {
    let mut out = String::with_capacity(count as usize * 300);
    for i in 0..count {
        let document = serde_json::json!({
            "id": format!("{prefix}:{i:05}"),
            "kind": "decision",
            "title": format!("Decision {i} on forced labour"),
            "text": format!(
                "Sample decision number {i}. The court examined recruitment by deception, \
                 debt bondage and the confiscation of identity documents of seasonal workers."
            ),
            "country": "MT",
            "language": "en",
            "date": "2022-03-01",
            "provenance": "sample"
        });
        out.push_str(&document.to_string());
        out.push('\n');
    }
    std::fs::write(path, out).unwrap();
}

pub fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(path)
}

/// Runs the binary to completion.
pub fn run(args: &[&str]) -> Output {
    Command::new(bin())
        .args(args)
        .env("RUST_LOG", "warn")
        .output()
        .expect("the binary runs")
}

/// `thb-caselaw import hudoc --index INDEX PATH`.
pub fn import_hudoc(index: &Path, path: &Path) -> Output {
    run(&[
        "import",
        "hudoc",
        "--index",
        index.to_str().unwrap(),
        path.to_str().unwrap(),
    ])
}

/// `thb-caselaw search --index INDEX --json ARGS…`, which must succeed, as JSON.
pub fn search_json(index: &str, args: &[&str]) -> serde_json::Value {
    let mut all = vec!["search", "--index", index, "--json"];
    all.extend_from_slice(args);
    let output = run(&all);
    assert!(output.status.success(), "{}", stderr(&output));
    serde_json::from_str(&stdout(&output)).expect("search --json prints JSON")
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A running `thb-caselaw serve`, killed when dropped.
pub struct Server {
    pub child: Child,
    pub base: String,
}

/// `thb-caselaw serve` on 127.0.0.1:0 with `args` and `env` on top of a clean environment
/// (no tokens or personal-data switch inherited from the shell), stdin and stdout piped.
pub fn serve_command(index: &Path, corpus: &Path, args: &[&str], env: &[(&str, &str)]) -> Command {
    let mut command = Command::new(bin());
    command
        .args(["serve", "--addr", "127.0.0.1:0", "--index"])
        .arg(index)
        .arg("--corpus")
        .arg(corpus)
        .args(args)
        .env("RUST_LOG", "warn")
        // The server stops when our end of its stdin closes, so a server held in a static
        // (never dropped) still ends with the test process.
        .env("THB_STOP_ON_STDIN_EOF", "1")
        .env_remove("THB_ADMIN_TOKEN")
        .env_remove("THB_READER_TOKEN")
        .env_remove("THB_ALLOW_PERSONAL_DATA")
        .env_remove("THB_CACHE_MIB")
        .env_remove("THB_CONFIG")
        .env_remove("THB_LOG")
        .env_remove("THB_LOG_FORMAT")
        .env_remove("THB_CORS_ORIGINS")
        .env_remove("THB_WRITER_MIB")
        .env_remove("THB_HEADER_TIMEOUT")
        .env_remove("THB_MAX_CONNECTIONS")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped());
    for (k, v) in env {
        command.env(k, v);
    }
    command
}

/// The address a server started by [`serve_command`] reports on its `listening on` line, read
/// from its piped stdout (which a thread keeps draining); `None`, with the server killed, when
/// none comes within `timeout`.
pub fn listening_address(child: &mut Child, timeout: Duration) -> Option<String> {
    let stdout = child.stdout.take().expect("piped stdout");
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if let Some(url) = line.strip_prefix("listening on ") {
                let _ = tx.send(url.trim().to_string());
            }
        }
    });
    let address = rx.recv_timeout(timeout).ok();
    if address.is_none() {
        let _ = child.kill();
    }
    address
}

impl Server {
    /// Starts the server on 127.0.0.1:0 and waits for its `listening on` line.
    pub fn start(index: &Path, corpus: &Path, env: &[(&str, &str)]) -> Server {
        let mut command = serve_command(index, corpus, &[], env);
        command.stderr(Stdio::inherit());
        let mut child = command.spawn().expect("the server starts");
        let base = listening_address(&mut child, Duration::from_secs(180))
            .expect("the server did not report its address within 180 s");
        Server { child, base }
    }

    pub fn url(&self, path_and_query: &str) -> String {
        format!("{}{}", self.base, path_and_query)
    }

    pub fn get(&self, path_and_query: &str) -> reqwest::blocking::Response {
        reqwest::blocking::Client::new()
            .get(self.url(path_and_query))
            .send()
            .expect("the server answers")
    }

    pub fn get_json(&self, path_and_query: &str) -> (u16, serde_json::Value) {
        let response = self.get(path_and_query);
        let status = response.status().as_u16();
        let body = response.json().expect("a JSON body");
        (status, body)
    }
}

/// The one server of a test binary whose tests only read (or clean up what they write), started
/// on first use: `corpus` is given a temporary directory and returns the corpus to serve (a
/// fixture directory, or one it wrote there); the index goes beside it.
pub fn shared_server(
    cell: &'static std::sync::OnceLock<(Server, tempfile::TempDir)>,
    corpus: impl FnOnce(&Path) -> PathBuf,
    env: &[(&str, &str)],
) -> &'static Server {
    &cell
        .get_or_init(|| {
            let dir = tempfile::tempdir().expect("a temporary directory");
            let corpus = corpus(dir.path());
            let server = Server::start(&dir.path().join("index"), &corpus, env);
            (server, dir)
        })
        .0
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A `GET` through the router in process (`tower::ServiceExt::oneshot`, as axum's testing
/// example), with the bearer token if one is given: the status and the body as text.
pub async fn oneshot_get(
    router: &axum::Router,
    uri: &str,
    token: Option<&str>,
) -> (axum::http::StatusCode, String) {
    use tower::ServiceExt;
    let mut request = axum::http::Request::builder().uri(uri);
    if let Some(token) = token {
        request = request.header(axum::http::header::AUTHORIZATION, format!("Bearer {token}"));
    }
    let response = router
        .clone()
        .oneshot(request.body(axum::body::Body::empty()).unwrap())
        .await
        .unwrap();
    let status = response.status();
    let body = axum::body::to_bytes(response.into_body(), 16 << 20)
        .await
        .unwrap();
    (status, String::from_utf8(body.to_vec()).unwrap())
}

//! Nothing lost, through the real binary: a SIGKILL in the middle of an ingest leaves the last
//! commit and a re-run completes without duplicates; one writer at a time while searches go
//! on; SIGTERM lets the request in flight finish and exits 0; an index of another format is
//! refused with the way to rebuild it, never with a panic.

mod common;

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::{bin, fixture, listening_address, run, serve_command, stderr, stdout, Server};
use serde_json::{json, Value};
use tantivy::collector::Count;
use tantivy::query::TermQuery;
use tantivy::schema::IndexRecordOption;
use tantivy::Term;
use thb_engine::index::IndexHandle;

/// Documents in `tests/fixtures/write/corpus`.
const CORPUS_DOCUMENTS: u64 = 2;

/// Commit size of the interrupted ingests: a multiple of ingest's batch of 256 records, so
/// commits fall exactly on it.
const COMMIT_EVERY: u64 = 2048;

/// Documents of each interrupted ingest: about eight seconds of a debug build, so there is
/// time to act between its first commit and its end.
const DOCUMENTS: u64 = 30_000;

/// Generous limit for anything the tests wait for; they poll, so it is only reached on failure.
const DEADLINE: Duration = Duration::from_secs(180);

/// Live documents in the index as its last commit has them.
fn live_documents(handle: &IndexHandle) -> u64 {
    handle.reload().unwrap();
    handle.searcher().num_docs()
}

fn has_id(handle: &IndexHandle, id: &str) -> bool {
    let query = TermQuery::new(
        Term::from_field_text(handle.fields().id, id),
        IndexRecordOption::Basic,
    );
    handle.searcher().search(&query, &Count).unwrap() > 0
}

fn spawn_ingest(index: &Path, file: &Path) -> Child {
    Command::new(bin())
        .args(["ingest", "--commit-every", &COMMIT_EVERY.to_string()])
        .arg("--index")
        .arg(index)
        .arg(file)
        .env("RUST_LOG", "warn")
        .env_remove("THB_ALLOW_PERSONAL_DATA")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("ingest starts")
}

/// Polls `probe` until it returns `Some`, failing the test at the deadline.
fn wait_for<T>(what: &str, mut probe: impl FnMut() -> Option<T>) -> T {
    let started = Instant::now();
    loop {
        if let Some(value) = probe() {
            return value;
        }
        assert!(started.elapsed() < DEADLINE, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(10));
    }
}

fn wait_for_exit(child: &mut Child) -> ExitStatus {
    wait_for("the process to exit", || child.try_wait().unwrap())
}

/// Opens the index another process is creating (it exists once its marker is written).
fn open_when_created(index: &Path) -> IndexHandle {
    wait_for("the index to be created", || IndexHandle::open(index).ok())
}

#[test]
fn a_killed_ingest_leaves_its_last_commit_and_a_rerun_completes_without_duplicates() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index");
    let file = dir.path().join("large.jsonl");
    common::write_documents(&file, "rel", DOCUMENTS);

    let mut ingest = spawn_ingest(&index, &file);
    let handle = open_when_created(&index);
    wait_for("the first commit", || {
        assert!(
            ingest.try_wait().unwrap().is_none(),
            "the ingest finished before it could be killed; give it more documents"
        );
        (live_documents(&handle) > 0).then_some(())
    });
    ingest.kill().unwrap(); // SIGKILL on Unix: no chance to clean up.
    ingest.wait().unwrap();
    drop(handle);

    // The index opens, at a commit: exactly the first k × COMMIT_EVERY documents.
    let handle = IndexHandle::open(&index).expect("a killed ingest leaves an index that opens");
    let committed = live_documents(&handle);
    assert!(
        committed > 0 && committed < DOCUMENTS && committed.is_multiple_of(COMMIT_EVERY),
        "{committed} documents is not a whole number of commits of {COMMIT_EVERY}"
    );
    assert!(has_id(&handle, &format!("rel:{:05}", committed - 1)));
    assert!(!has_id(&handle, &format!("rel:{committed:05}")));
    drop(handle);

    // The same ingest again: the writer lock is free, and upserts leave one copy of each.
    let output = run(&[
        "ingest",
        "--commit-every",
        &COMMIT_EVERY.to_string(),
        "--index",
        index.to_str().unwrap(),
        file.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let summary = format!(
        "added {}, updated {committed}, rejected 0",
        DOCUMENTS - committed
    );
    assert!(stdout(&output).contains(&summary), "{}", stdout(&output));
    let handle = IndexHandle::open(&index).unwrap();
    assert_eq!(live_documents(&handle), DOCUMENTS);
}

#[test]
fn searches_go_on_during_an_ingest_and_a_second_writer_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index");
    let file = dir.path().join("large.jsonl");
    common::write_documents(&file, "rel", DOCUMENTS);
    let server = Server::start(
        &index,
        &fixture("write/corpus"),
        &[("THB_ADMIN_TOKEN", "admin-token-r1")],
    );
    let total = || {
        let (status, body) = server.get_json("/api/search?q=&per_page=1");
        assert_eq!(
            status, 200,
            "searches are answered during the ingest: {body}"
        );
        body["total"].as_u64().unwrap()
    };
    assert_eq!(total(), CORPUS_DOCUMENTS);

    let mut ingest = spawn_ingest(&index, &file);
    // The server sees the first commit (its reader reloads when the index's meta changes).
    let first = wait_for("the server to see the first commit", || {
        let seen = total();
        (seen > CORPUS_DOCUMENTS).then_some(seen)
    });
    assert_eq!(
        (first - CORPUS_DOCUMENTS) % COMMIT_EVERY,
        0,
        "whole commits only: {first}"
    );
    assert!(
        ingest.try_wait().unwrap().is_none(),
        "the ingest finished too soon to test a second writer; give it more documents"
    );

    // A second ingest fails with the locked message, and so does a write through the server:
    // at once, for had either waited for the first ingest to finish, it would have succeeded.
    let second = run(&[
        "ingest",
        "--index",
        index.to_str().unwrap(),
        fixture("write/corpus/base.jsonl").to_str().unwrap(),
    ]);
    assert_eq!(second.status.code(), Some(2), "{}", stderr(&second));
    assert!(
        stderr(&second).contains("is locked by another writer"),
        "{}",
        stderr(&second)
    );
    let response = reqwest::blocking::Client::new()
        .delete(server.url("/api/documents/write:base-rs"))
        .bearer_auth("admin-token-r1")
        .send()
        .unwrap();
    assert_eq!(response.status().as_u16(), 503);
    let body: Value = response.json().unwrap();
    assert_eq!(body["error"]["code"], "locked", "{body}");

    // Each later commit becomes visible while the ingest runs, and at the end all of it.
    let mut seen = first;
    let status = wait_for("the ingest to finish", || {
        let now = total();
        assert!(now >= seen, "the count never goes back: {seen} then {now}");
        assert!(
            (now - CORPUS_DOCUMENTS).is_multiple_of(COMMIT_EVERY)
                || now == CORPUS_DOCUMENTS + DOCUMENTS,
            "only whole commits are visible: {now}"
        );
        seen = now;
        ingest.try_wait().unwrap()
    });
    assert!(status.success());
    assert!(seen > first, "a later commit was seen during the ingest");
    wait_for("the server to see the last commit", || {
        (total() == CORPUS_DOCUMENTS + DOCUMENTS).then_some(())
    });
    let (status, _) = server.get_json("/api/documents/write:base-rs");
    assert_eq!(status, 200, "the refused delete deleted nothing");
}

/// A `serve` started with extra arguments, its stderr collected, and a signal when a request
/// has reached the service (tower-http's trace line).
struct LoggedServer {
    server: Server,
    log: Arc<Mutex<String>>,
    requests_started: mpsc::Receiver<()>,
}

fn start_logged_server(
    index: &Path,
    corpus: &Path,
    args: &[&str],
    env: &[(&str, &str)],
) -> LoggedServer {
    let mut command = serve_command(index, corpus, args, env);
    command.env("RUST_LOG", "debug").stderr(Stdio::piped());
    let mut child = command.spawn().expect("the server starts");
    let log = Arc::new(Mutex::new(String::new()));
    let (started_tx, requests_started) = mpsc::channel();
    let stderr_pipe = child.stderr.take().unwrap();
    let collected = log.clone();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr_pipe).lines().map_while(Result::ok) {
            if line.contains("started processing request") {
                let _ = started_tx.send(());
            }
            let mut log = collected.lock().unwrap();
            log.push_str(&line);
            log.push('\n');
        }
    });
    let Some(base) = listening_address(&mut child, DEADLINE) else {
        panic!(
            "the server did not report its address: {}",
            log.lock().unwrap()
        );
    };
    LoggedServer {
        server: Server { child, base },
        log,
        requests_started,
    }
}

/// A request body that sends its first part, then waits for the test's go-ahead.
struct GatedBody {
    data: Vec<u8>,
    position: usize,
    gate_at: usize,
    reached_gate: Option<mpsc::Sender<()>>,
    gate: mpsc::Receiver<()>,
}

impl Read for GatedBody {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.position == self.gate_at {
            if let Some(reached) = self.reached_gate.take() {
                let _ = reached.send(());
                let _ = self.gate.recv();
            }
        }
        let end = if self.position < self.gate_at {
            self.gate_at
        } else {
            self.data.len()
        };
        let n = buf.len().min(end - self.position);
        buf[..n].copy_from_slice(&self.data[self.position..self.position + n]);
        self.position += n;
        Ok(n)
    }
}

fn document(id: &str, text: &str) -> Value {
    json!({
        "id": id,
        "kind": "judgment",
        "title": format!("Judgment {id}"),
        "text": text,
        "country": "MK",
        "language": "en"
    })
}

#[test]
fn sigterm_stops_accepting_finishes_the_request_in_flight_and_exits_0() {
    const ADMIN: &str = "admin-token-sigterm";
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index");
    let LoggedServer {
        mut server,
        log,
        requests_started,
    } = start_logged_server(
        &index,
        &fixture("write/corpus"),
        &[],
        &[("THB_ADMIN_TOKEN", ADMIN)],
    );
    let client = reqwest::blocking::Client::new();

    // A write answered before the signal.
    let before = json!([document("sigterm:before", "Answered before the signal.")]);
    let response = client
        .post(server.url("/api/documents"))
        .bearer_auth(ADMIN)
        .body(before.to_string())
        .send()
        .unwrap();
    assert_eq!(response.status().as_u16(), 200);
    requests_started.recv_timeout(DEADLINE).unwrap();

    // A write in flight: headers and half the body sent, the rest held back.
    let in_flight =
        json!([document("sigterm:in-flight", "Finished after the signal.")]).to_string();
    let (reached_tx, reached_gate) = mpsc::channel();
    let (open_gate, gate) = mpsc::channel();
    let body = GatedBody {
        gate_at: in_flight.len() / 2,
        data: in_flight.into_bytes(),
        position: 0,
        reached_gate: Some(reached_tx),
        gate,
    };
    let url = server.url("/api/documents");
    let writer = std::thread::spawn(move || {
        let response = reqwest::blocking::Client::new()
            .post(url)
            .bearer_auth(ADMIN)
            .body(reqwest::blocking::Body::new(body))
            .send()
            .expect("the request in flight is answered");
        let status = response.status().as_u16();
        (status, response.json::<Value>().unwrap())
    });
    reached_gate.recv_timeout(DEADLINE).unwrap();
    requests_started
        .recv_timeout(DEADLINE)
        .expect("the server is handling the request in flight");

    let pid = server.child.id().to_string();
    let kill = Command::new("kill").args(["-TERM", &pid]).status().unwrap();
    assert!(kill.success());

    // It stops accepting: new connections are refused while the request is still open.
    let address = server.base.trim_start_matches("http://").to_string();
    wait_for("the listener to close", || {
        std::net::TcpStream::connect(&address)
            .is_err()
            .then_some(())
    });
    assert!(
        server.child.try_wait().unwrap().is_none(),
        "the server waits for the request in flight"
    );

    // The rest of the body arrives; the request is finished and answered.
    open_gate.send(()).unwrap();
    let (status, answer) = writer.join().unwrap();
    assert_eq!(status, 200, "{answer}");
    assert_eq!(answer["ids"], json!(["sigterm:in-flight"]));

    let exit = wait_for_exit(&mut server.child);
    assert_eq!(exit.code(), Some(0), "{}", log.lock().unwrap());
    let log = log.lock().unwrap().clone();
    assert!(log.contains("stopped"), "{log}");
    assert!(!log.contains(ADMIN), "a token was logged: {log}");

    // Both answered writes are in the index.
    let handle = IndexHandle::open(&index).unwrap();
    assert!(has_id(&handle, "sigterm:before"));
    assert!(has_id(&handle, "sigterm:in-flight"));
    assert_eq!(live_documents(&handle), CORPUS_DOCUMENTS + 2);
}

fn marker_path(index: &Path) -> PathBuf {
    index.join("thb-caselaw.json")
}

fn set_format_version(index: &Path, version: u32) {
    let path = marker_path(index);
    let mut marker: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    marker["format_version"] = json!(version);
    std::fs::write(&path, marker.to_string()).unwrap();
}

/// Runs the binary, failing the test if it has not exited by the deadline.
fn run_to_exit(args: &[&str]) -> (Option<i32>, String) {
    let mut child = Command::new(bin())
        .args(args)
        .env("RUST_LOG", "warn")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let status = wait_for_exit(&mut child);
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    (status.code(), err)
}

#[test]
fn an_index_of_another_format_is_refused_with_how_to_rebuild_it() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index");
    let index_arg = index.to_str().unwrap();
    let corpus = fixture("write/corpus");
    let corpus_arg = corpus.to_str().unwrap();
    let output = run(&["ingest", "--index", index_arg, corpus_arg]);
    assert!(output.status.success(), "{}", stderr(&output));

    let refused = |label: &str| {
        for args in [
            vec!["search", "--index", index_arg, "trgovina"],
            vec!["stats", "--index", index_arg],
            vec!["ingest", "--index", index_arg, corpus_arg],
            vec![
                "serve",
                "--addr",
                "127.0.0.1:0",
                "--index",
                index_arg,
                "--corpus",
                corpus_arg,
            ],
        ] {
            let (code, err) = run_to_exit(&args);
            assert_eq!(code, Some(2), "{label}, {}: {err}", args[0]);
            assert!(
                err.contains("serve --rebuild") && err.contains("format"),
                "{label}, {}: {err}",
                args[0]
            );
            assert!(!err.contains("panicked"), "{label}, {}: {err}", args[0]);
        }
    };
    set_format_version(&index, 999);
    refused("a newer format");
    set_format_version(&index, 0);
    refused("an older format");
    std::fs::write(marker_path(&index), "not json").unwrap();
    refused("an unreadable marker");
    std::fs::remove_file(marker_path(&index)).unwrap();
    refused("no marker");

    // `serve --rebuild` builds it again from the corpus and serves it.
    let LoggedServer { mut server, .. } = start_logged_server(&index, &corpus, &["--rebuild"], &[]);
    let (status, health) = server.get_json("/api/health");
    assert_eq!(status, 200);
    assert_eq!(health["documents"], CORPUS_DOCUMENTS);
    drop(server.child.stdin.take()); // THB_STOP_ON_STDIN_EOF: a graceful stop.
    assert_eq!(wait_for_exit(&mut server.child).code(), Some(0));
    let output = run(&["search", "--index", index_arg, "--json", "trgovina"]);
    assert!(output.status.success(), "{}", stderr(&output));
}

//! The search page in a real browser: Debian's chromium driven by node's `playwright-core`
//! (`tests/browser/search_page.mjs`) against the real server. The script types a query, ticks
//! a country facet and sees the counts and results change, opens a document and checks the
//! highlighted words, goes back, exports CSV, and checks keyboard use, the language switcher
//! and the 375 px layout; on the shipped corpus, it ticks the European Court of Human Rights
//! and keeps its Grand Chamber's judgment, and narrows the long court list by typing. Screenshots go to `<target dir>/browser-screenshots/`.
//!
//! Needs `chromium` (`apt-get install chromium`; another binary through `CHROMIUM_PATH`),
//! `node`, and `cd tests/browser && npm ci`. Without them the test is skipped with a message,
//! except when `CI` is set: a skipped check in CI is a defect, so there it fails.

mod common;

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{fixture, Server};

/// Longest the browser script may take (it normally takes a few seconds).
const SCRIPT_DEADLINE: Duration = Duration::from_secs(240);

fn chromium() -> PathBuf {
    std::env::var_os("CHROMIUM_PATH")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/bin/chromium"))
}

/// What the test needs and does not find, each with how to get it.
fn missing_tools(script_dir: &Path) -> Vec<String> {
    let mut missing = Vec::new();
    let chromium = chromium();
    if !chromium.exists() {
        missing.push(format!(
            "chromium at {} (apt-get install chromium)",
            chromium.display()
        ));
    }
    if Command::new("node").arg("--version").output().is_err() {
        missing.push("node (apt-get install nodejs)".to_string());
    }
    if !script_dir
        .join("node_modules/playwright-core/package.json")
        .exists()
    {
        missing.push(
            "tests/browser/node_modules/playwright-core (cd tests/browser && npm ci)".to_string(),
        );
    }
    missing
}

#[test]
fn the_search_page_works_in_a_real_browser() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let script_dir = root.join("tests/browser");
    let missing = missing_tools(&script_dir);
    if !missing.is_empty() {
        let message = format!("the browser test needs {}", missing.join(", "));
        if std::env::var_os("CI").is_some() {
            panic!("{message}; in CI the browser test must run, not be skipped");
        }
        // Through the stderr handle, not `eprintln!`: the test harness captures the macro's
        // output of a passing test, and a skip nobody sees reads as a pass.
        let _ = writeln!(
            std::io::stderr(),
            "SKIPPED the_search_page_works_in_a_real_browser: {message}"
        );
        return;
    }

    let dir = tempfile::tempdir().expect("temp dir");
    let server = Server::start(&dir.path().join("index"), &fixture("web"), &[]);
    // The shipped corpus too, for what needs its many courts (the court tree, the filter box).
    let corpus_server = Server::start(&dir.path().join("corpus-index"), &root.join("corpus"), &[]);
    // <target dir>/tmp is where cargo lets integration tests write; screenshots go beside it.
    let target_tmp = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let outdir = target_tmp
        .parent()
        .unwrap_or(target_tmp)
        .join("browser-screenshots");

    let mut child = Command::new("node")
        .arg(script_dir.join("search_page.mjs"))
        .arg(&server.base)
        .arg(&outdir)
        .arg(&corpus_server.base)
        .env("CHROMIUM_PATH", chromium())
        .current_dir(root)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("node starts");
    let mut stdout = child.stdout.take().expect("stdout");
    let mut stderr = child.stderr.take().expect("stderr");
    let out = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = stdout.read_to_string(&mut s);
        s
    });
    let err = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = stderr.read_to_string(&mut s);
        s
    });
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for node") {
            break Some(status);
        }
        if started.elapsed() > SCRIPT_DEADLINE {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let (out, err) = (
        out.join().unwrap_or_default(),
        err.join().unwrap_or_default(),
    );
    println!("{out}");
    eprintln!("{err}");
    match status {
        Some(status) => assert!(
            status.success(),
            "the browser script failed ({status}); screenshots in {}:\n{out}\n{err}",
            outdir.display()
        ),
        None => panic!("the browser script took longer than {SCRIPT_DEADLINE:?}:\n{out}\n{err}"),
    }
    assert!(
        outdir.join("results.png").exists(),
        "no screenshot in {}",
        outdir.display()
    );
}

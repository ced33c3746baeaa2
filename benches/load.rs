//! A bounded load test of the real server over loopback: concurrent clients send a mixed list
//! of searches for a fixed time, and the run prints requests, errors, requests/s, latency
//! percentiles and the server's resident memory before and after.
//!
//! ```text
//! cargo bench --bench load -- [--clients 1,8,32] [--seconds 60] [--index DIR] [--cache-mib 0]
//!                              [--held-open 600]
//! ```
//!
//! The server is the release binary cargo builds for this bench (`CARGO_BIN_EXE_thb-caselaw`),
//! started on `127.0.0.1:0`. Without `--index` it builds a temporary index from `corpus/`
//! first (not timed); with `--index DIR` it serves that index as it is. `--clients` takes a
//! list and runs one phase per entry against the same server. An error is any transport
//! failure or a status other than the one the query expects (200, or 400 for the malformed
//! queries in the mix). Every loop is bounded in time and count, and the server is stopped at
//! the end. Clients and server share the machine, so the figures are for both together; each
//! phase also prints the CPU time the server and the clients spent per request (from
//! `/proc/PID/stat`), which says how the machine's two cores were shared between them.
//!
//! `--held-open N` replays the held-open-connection attack beside the clients: N connections
//! that each send half a request line and wait, reopened as soon as the server closes one, for
//! the whole run; the run then says how many the server closed.

use std::path::PathBuf;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use clap::Parser;

// The integration tests' server helpers: the same command line and start-up wait.
#[path = "../tests/common/mod.rs"]
mod test_server;

#[derive(clap::ValueEnum, Clone, Copy, Debug)]
enum Mix {
    All,
    TwoTerm,
}

impl Mix {
    fn queries(self) -> Vec<(&'static str, u16)> {
        QUERIES
            .iter()
            .copied()
            .filter(|(path, _)| match self {
                Mix::All => true,
                Mix::TwoTerm => path
                    .strip_prefix("/api/search?q=")
                    .is_some_and(|q| q.matches('+').count() == 1 && !q.contains(['%', '*', '&'])),
            })
            .collect()
    }
}

#[derive(Parser, Debug)]
#[command(about = "Bounded HTTP load test of thb-caselaw serve on loopback")]
struct Args {
    /// Concurrent clients, one phase per value: `--clients 1,8,32`.
    #[arg(long, value_delimiter = ',', default_value = "32")]
    clients: Vec<usize>,
    /// Length of each phase in seconds.
    #[arg(long, default_value_t = 60)]
    seconds: u64,
    /// Serve this index as it is instead of building one from the shipped corpus.
    #[arg(long)]
    index: Option<PathBuf>,
    /// The server's response cache in MiB (`serve --cache-mib`); 0 turns it off, so that every
    /// request is searched. The mix repeats its queries: with the cache on, nearly every
    /// request after the first round is answered from it.
    #[arg(long, default_value_t = 64)]
    cache_mib: u16,
    /// Which queries the clients send: the whole mix, or only its two-word searches (the
    /// class the issue's latency target names).
    #[arg(long, value_enum, default_value_t = Mix::All)]
    mix: Mix,
    /// Connections held open beside the clients, each with half a request line sent (reopened
    /// when the server closes them).
    #[arg(long, default_value_t = 0)]
    held_open: usize,
    /// Passed by `cargo bench`; without it (under `cargo test`) the load test does not run.
    #[arg(long, hide = true)]
    bench: bool,
}

/// Upper bounds, whatever the arguments say.
const MAX_CLIENTS: usize = 256;
const MAX_SECONDS: u64 = 3600;
const MAX_REQUESTS_PER_CLIENT: usize = 10_000_000;
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
const MAX_HELD_OPEN: usize = 4096;

/// Holds `count` connections open with half a request line each until `stop`, reopening each
/// one the server closes; returns how many the server closed. Bounded by `stop` and by the
/// count.
fn hold_open(address: &str, count: usize, stop: &std::sync::atomic::AtomicBool) -> usize {
    use std::io::{Read, Write};
    use std::sync::atomic::Ordering;
    let open = || -> Option<std::net::TcpStream> {
        let mut stream = std::net::TcpStream::connect(address).ok()?;
        stream.write_all(b"GET /api/sea").ok()?;
        stream.set_nonblocking(true).ok()?;
        Some(stream)
    };
    let mut held: Vec<Option<std::net::TcpStream>> = (0..count).map(|_| open()).collect();
    let mut closed = 0;
    while !stop.load(Ordering::Relaxed) {
        for slot in &mut held {
            let gone = match slot {
                Some(stream) => {
                    let mut byte = [0u8; 512];
                    match stream.read(&mut byte) {
                        // End of stream, or the server's answer (a 408) before it closes.
                        Ok(read) => read == 0 || byte.starts_with(b"HTTP/"),
                        Err(e) => e.kind() != std::io::ErrorKind::WouldBlock,
                    }
                }
                None => true,
            };
            if gone {
                closed += usize::from(slot.is_some());
                *slot = open();
            }
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    closed
}
const STARTUP_TIMEOUT: Duration = Duration::from_secs(600);

/// The query mix: a path and query string, and the status it must get.
const QUERIES: &[(&str, u16)] = &[
    // Single terms, in several languages and scripts.
    ("/api/search?q=trafficking", 200),
    ("/api/search?q=exploitation", 200),
    ("/api/search?q=compensation", 200),
    ("/api/search?q=Rantsev", 200),
    ("/api/search?q=trgovina", 200),
    ("/api/search?q=%D1%82%D1%80%D0%B3%D0%BE%D0%B2%D0%B8%D0%BD%D0%B0", 200), // трговина
    ("/api/search?q=trafikimi", 200),
    ("/api/search?q=insan", 200),
    // Two-term AND.
    ("/api/search?q=forced+labour", 200),
    ("/api/search?q=trgovina+ljudima", 200),
    ("/api/search?q=child+begging", 200),
    ("/api/search?q=insan+ticareti", 200),
    // Phrases and proximity.
    ("/api/search?q=%22forced+labour%22", 200),
    ("/api/search?q=%22trafficking+in+human+beings%22", 200),
    ("/api/search?q=%22trgovina+ljudima%22", 200),
    ("/api/search?q=%22victims+compensation%22~5", 200),
    // Prefixes.
    ("/api/search?q=traffick*", 200),
    ("/api/search?q=eksploat*", 200),
    ("/api/search?q=exploit*", 200),
    // Filtered by country and theme, sorted, paged.
    ("/api/search?q=trafficking&country=RS", 200),
    ("/api/search?q=&theme=exploitation/labour", 200),
    ("/api/search?q=labour&country=TR&theme=exploitation", 200),
    ("/api/search?q=victims&kind=recommendation&country=AL", 200),
    (
        "/api/search?q=&country=BA&theme=victims/child&sort=date-desc",
        200,
    ),
    ("/api/search?q=compensation&year_from=2015&year_to=2022", 200),
    ("/api/search?q=trafficking&page=2&per_page=20", 200),
    // Latin queries for Cyrillic text.
    ("/api/search?q=trgovina+ljudima&lang=sr-Cyrl", 200),
    ("/api/search?q=visi+sud+u+beogradu", 200),
    ("/api/search?q=radne+eksploatacije&country=RS", 200),
    ("/api/search?q=trgovija+lugje&lang=mk", 200),
    // Malformed: each must be a 400.
    ("/api/search?q=%22forced+labour", 400),
    ("/api/search?q=((trafficking", 400),
    ("/api/search?q=a*", 400),
    ("/api/search?q=x&per_page=0", 400),
    ("/api/search?q=x&page=500&per_page=100", 400),
    ("/api/search?q=x&country=YU", 400),
    (
        "/api/search?q=((((((((((((((((((((((((((((((((((((((((a))))))))))))))))))))))))))))))))))))))))",
        400,
    ),
];

struct RunningServer {
    child: Child,
    base: String,
    _dir: tempfile::TempDir,
}

impl RunningServer {
    fn start(index: Option<PathBuf>, cache_mib: u16) -> RunningServer {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        let (index, corpus) = match index {
            Some(index) => {
                assert!(
                    index.is_dir(),
                    "--index {}: no such directory",
                    index.display()
                );
                // A corpus path that does not exist: the index is served as it is.
                (index, dir.path().join("no-corpus"))
            }
            None => (dir.path().join("index"), manifest.join("corpus")),
        };
        let cache_mib = cache_mib.to_string();
        let mut command =
            test_server::serve_command(&index, &corpus, &["--cache-mib", &cache_mib], &[]);
        command.stderr(Stdio::inherit());
        let mut child = command.spawn().expect("the server starts");
        let base = test_server::listening_address(&mut child, STARTUP_TIMEOUT)
            .unwrap_or_else(|| panic!("the server did not start within {STARTUP_TIMEOUT:?}"));
        RunningServer {
            child,
            base,
            _dir: dir,
        }
    }

    /// `VmRSS` and `VmHWM` (peak) from `/proc/PID/status`, in MiB.
    fn memory_mib(&self) -> (f64, f64) {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .unwrap_or_default();
        let field = |name: &str| {
            status
                .lines()
                .find_map(|l| l.strip_prefix(name))
                .and_then(|v| v.split_whitespace().next()?.parse::<f64>().ok())
                .map_or(f64::NAN, |kib| kib / 1024.0)
        };
        (field("VmRSS:"), field("VmHWM:"))
    }

    /// CPU time the server process has used (user + system), in seconds.
    fn cpu_seconds(&self) -> f64 {
        process_cpu_seconds(&format!("/proc/{}/stat", self.child.id()))
    }

    /// Closes the server's stdin (a graceful stop), then kills it if it lingers.
    fn stop(mut self) {
        drop(self.child.stdin.take());
        let deadline = Instant::now() + Duration::from_secs(15);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// What one client saw.
#[derive(Default)]
struct ClientResult {
    latencies_us: Vec<u32>,
    errors: usize,
    first_error: Option<String>,
}

fn client(base: &str, queries: &[(&str, u16)], id: usize, deadline: Instant) -> ClientResult {
    let http = reqwest::blocking::Client::builder()
        .timeout(REQUEST_TIMEOUT)
        .build()
        .expect("an HTTP client");
    let mut result = ClientResult::default();
    let mut next = id * 7 % queries.len();
    while Instant::now() < deadline && result.latencies_us.len() < MAX_REQUESTS_PER_CLIENT {
        let (path, expected) = queries[next];
        next = (next + 1) % queries.len();
        let started = Instant::now();
        let outcome = http.get(format!("{base}{path}")).send().and_then(|r| {
            let status = r.status().as_u16();
            r.bytes().map(|_| status)
        });
        let elapsed = started.elapsed();
        result
            .latencies_us
            .push(elapsed.as_micros().min(u32::MAX as u128) as u32);
        let problem = match outcome {
            Ok(status) if status == expected => None,
            Ok(status) => Some(format!("{path}: {status}, expected {expected}")),
            Err(e) => Some(format!("{path}: {e}")),
        };
        if let Some(problem) = problem {
            result.errors += 1;
            result.first_error.get_or_insert(problem);
        }
    }
    result
}

/// User + system CPU seconds of a process, from fields 14 and 15 of `/proc/PID/stat` (in clock
/// ticks; 100 a second on Linux). NaN where `/proc` is not there.
fn process_cpu_seconds(stat_path: &str) -> f64 {
    const TICKS_PER_SECOND: f64 = 100.0;
    let Ok(stat) = std::fs::read_to_string(stat_path) else {
        return f64::NAN;
    };
    // The command name (field 2) is in parentheses and may hold spaces: count after it.
    let Some(after_name) = stat.rfind(')').map(|i| &stat[i + 1..]) else {
        return f64::NAN;
    };
    // After the name, field 3 (state) is the first, so utime (14) and stime (15) are the 12th
    // and 13th.
    let mut ticks = after_name
        .split_whitespace()
        .skip(11)
        .map(str::parse::<f64>);
    match (ticks.next(), ticks.next()) {
        (Some(Ok(user)), Some(Ok(system))) => (user + system) / TICKS_PER_SECOND,
        _ => f64::NAN,
    }
}

fn percentile(sorted: &[u32], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = ((p / 100.0) * (sorted.len() - 1) as f64).round() as usize;
    sorted[rank.min(sorted.len() - 1)] as f64 / 1000.0
}

/// Checks every query once and prints its status and hit count, so a mix that stopped making
/// sense (a query with no hits, a status changed) shows before the figures.
fn preflight(base: &str, queries: &[(&str, u16)]) -> usize {
    let http = reqwest::blocking::Client::builder()
        .timeout(REQUEST_TIMEOUT)
        .build()
        .expect("an HTTP client");
    let mut wrong = 0;
    println!("query mix ({} queries):", queries.len());
    for (path, expected) in queries {
        let (status, total) = match http.get(format!("{base}{path}")).send() {
            Ok(r) => {
                let status = r.status().as_u16();
                let body: serde_json::Value = r.json().unwrap_or_default();
                (status, body["total"].as_u64())
            }
            Err(_) => (0, None),
        };
        if status != *expected {
            wrong += 1;
        }
        let total = total.map_or("-".to_string(), |t| t.to_string());
        println!("  {status} (want {expected}) hits {total:>4}  {path}");
    }
    wrong
}

fn main() {
    let args = Args::parse();
    if !args.bench {
        println!("load: run with `cargo bench --bench load`; skipped under cargo test");
        return;
    }
    let seconds = args.seconds.clamp(1, MAX_SECONDS);
    let phases: Vec<usize> = args
        .clients
        .iter()
        .map(|c| (*c).clamp(1, MAX_CLIENTS))
        .collect();

    let started = Instant::now();
    let server = RunningServer::start(args.index.clone(), args.cache_mib);
    println!(
        "server {} ready in {:.1}s ({})",
        server.base,
        started.elapsed().as_secs_f64(),
        match &args.index {
            Some(index) => format!("index {}", index.display()),
            None => "index built from corpus/".to_string(),
        }
    );
    let queries = args.mix.queries();
    let wrong = preflight(&server.base, &queries);
    if wrong > 0 {
        println!("warning: {wrong} queries did not get their expected status");
    }
    let (idle_rss, _) = server.memory_mib();
    println!("server resident memory after start and one pass: {idle_rss:.1} MiB");
    println!();
    println!(
        "| clients | seconds | requests | errors | requests/s | p50 ms | p95 ms | p99 ms | max ms | RSS before MiB | RSS after MiB | server CPU ms/request | clients CPU ms/request |"
    );
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    let mut first_errors = Vec::new();
    let stop_holding = std::sync::atomic::AtomicBool::new(false);
    let address = server.base.trim_start_matches("http://").to_string();
    let held_open = args.held_open.min(MAX_HELD_OPEN);
    std::thread::scope(|outer| {
        let holder =
            (held_open > 0).then(|| outer.spawn(|| hold_open(&address, held_open, &stop_holding)));
        for clients in phases {
            let (rss_before, _) = server.memory_mib();
            let server_cpu_before = server.cpu_seconds();
            let clients_cpu_before = process_cpu_seconds("/proc/self/stat");
            let phase_started = Instant::now();
            let deadline = phase_started + Duration::from_secs(seconds);
            let results: Vec<ClientResult> = std::thread::scope(|scope| {
                let handles: Vec<_> = (0..clients)
                    .map(|id| {
                        let base = server.base.as_str();
                        let queries = queries.as_slice();
                        scope.spawn(move || client(base, queries, id, deadline))
                    })
                    .collect();
                handles
                    .into_iter()
                    .map(|h| h.join().expect("a client thread"))
                    .collect()
            });
            let elapsed = phase_started.elapsed().as_secs_f64();
            let (rss_after, _) = server.memory_mib();
            let server_cpu = server.cpu_seconds() - server_cpu_before;
            let clients_cpu = process_cpu_seconds("/proc/self/stat") - clients_cpu_before;
            let mut latencies: Vec<u32> = results
                .iter()
                .flat_map(|r| r.latencies_us.iter().copied())
                .collect();
            latencies.sort_unstable();
            let errors: usize = results.iter().map(|r| r.errors).sum();
            first_errors.extend(results.into_iter().filter_map(|r| r.first_error));
            println!(
            "| {clients} | {elapsed:.1} | {} | {errors} | {:.0} | {:.2} | {:.2} | {:.2} | {:.2} | {rss_before:.1} | {rss_after:.1} | {:.2} | {:.2} |",
            latencies.len(),
            latencies.len() as f64 / elapsed,
            percentile(&latencies, 50.0),
            percentile(&latencies, 95.0),
            percentile(&latencies, 99.0),
            latencies.last().map_or(f64::NAN, |m| *m as f64 / 1000.0),
            server_cpu * 1000.0 / latencies.len().max(1) as f64,
            clients_cpu * 1000.0 / latencies.len().max(1) as f64,
        );
        }
        stop_holding.store(true, std::sync::atomic::Ordering::Relaxed);
        if let Some(holder) = holder {
            let closed = holder.join().expect("the holder thread");
            println!();
            println!(
            "held open beside the clients: {held_open} connections with half a request line; the server closed {closed} of them (each reopened)"
        );
        }
    });
    let (rss_end, peak) = server.memory_mib();
    println!();
    println!("server resident memory at the end: {rss_end:.1} MiB (peak {peak:.1} MiB)");
    let health: serde_json::Value = reqwest::blocking::get(format!("{}/api/health", server.base))
        .and_then(|r| r.json())
        .unwrap_or_default();
    let cache = &health["response_cache"];
    println!(
        "response cache (--cache-mib {}): {} hits, {} misses, {} entries",
        args.cache_mib, cache["hits"], cache["misses"], cache["entries"]
    );
    for error in first_errors.iter().take(5) {
        println!("error: {error}");
    }
    server.stop();
}

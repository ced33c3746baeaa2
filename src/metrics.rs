//! `/metrics`: the server's counters in the Prometheus text format (OpenMetrics), from one
//! explicit registry held by the application state, never a global one.
//!
//! Counted as they happen: requests by route, method and status, their latency, and records
//! rejected by the write API and the corpus build, by reason. Read at each scrape: the index
//! (documents, segments, age of the last commit) and the response cache, so that they can never
//! drift from what the index and the cache say of themselves.
//!
//! `ingest` and `import` run as processes of their own: they add their rejections to a tally
//! kept beside the index ([`TALLY_FILE`]), which each scrape reads, so the server reports them
//! too (`thb_cli_records_rejected_total`).
//!
//! Labels are few and fixed: the route is the router's template (`/api/documents/{*id}`),
//! never the path a client sent, so no client can grow the label set.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use axum::extract::{MatchedPath, Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::Response;
use prometheus_client::collector::Collector;
use prometheus_client::encoding::{DescriptorEncoder, EncodeLabelSet, EncodeMetric};
use prometheus_client::metrics::counter::{ConstCounter, Counter};
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::ConstGauge;
use prometheus_client::metrics::histogram::{exponential_buckets, Histogram};
use prometheus_client::registry::Registry;

use thb_engine::document::Reason;
use thb_engine::index::IndexHandle;
use thb_engine::ingest::Rejection;
use thb_engine::search::cache::ResponseCache;

/// The route a request matched, put on its response by [`mark_route`] for [`track`].
#[derive(Debug, Clone)]
struct Route(Arc<str>);

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RequestLabels {
    route: Arc<str>,
    method: &'static str,
    status: u16,
}

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RouteLabels {
    route: Arc<str>,
}

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RejectLabels {
    /// `api` (POST /api/documents) or `corpus` (the build at startup).
    source: &'static str,
    reason: &'static str,
}

/// The server's metrics.
pub struct Metrics {
    registry: Registry,
    requests: Family<RequestLabels, Counter>,
    latency: Family<RouteLabels, Histogram>,
    rejected: Family<RejectLabels, Counter>,
}

impl std::fmt::Debug for Metrics {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Metrics").finish_non_exhaustive()
    }
}

impl Metrics {
    /// A registry with the request and reject counters, and the index and cache read at each
    /// scrape.
    pub fn new(handle: Arc<IndexHandle>, cache: Arc<ResponseCache>) -> Metrics {
        let mut registry = Registry::with_prefix("thb");
        let requests = Family::<RequestLabels, Counter>::default();
        registry.register(
            "http_requests",
            "HTTP requests answered, by route template, method and status",
            requests.clone(),
        );
        // From 0.5 ms to about 16 s: a cached answer to the search deadline and beyond.
        let latency = Family::<RouteLabels, Histogram>::new_with_constructor(
            (|| Histogram::new(exponential_buckets(0.0005, 2.0, 16))) as fn() -> Histogram,
        );
        registry.register(
            "http_request_duration_seconds",
            "Time from a request's head to its response's head, by route template",
            latency.clone(),
        );
        let rejected = Family::<RejectLabels, Counter>::default();
        registry.register(
            "records_rejected",
            "Records refused by the write API (source=api) or the corpus build at startup (source=corpus), by reason",
            rejected.clone(),
        );
        registry.register_collector(Box::new(Snapshot { handle, cache }));
        Metrics {
            registry,
            requests,
            latency,
            rejected,
        }
    }

    /// Counts the rejections of one write or build.
    pub fn count_rejections(&self, source: &'static str, rejections: &[Rejection]) {
        for rejection in rejections {
            self.rejected
                .get_or_create(&RejectLabels {
                    source,
                    reason: rejection.reason.as_str(),
                })
                .inc();
        }
    }

    /// The content type of a scrape.
    pub const CONTENT_TYPE: &'static str =
        "application/openmetrics-text; version=1.0.0; charset=utf-8";

    /// The text of a scrape.
    pub fn render(&self) -> Result<String, std::fmt::Error> {
        // Every reason appears from the first scrape, at 0: a rate over a series that does not
        // exist yet is no rate at all.
        for source in ["api", "corpus"] {
            for reason in Reason::ALL {
                let _ = self.rejected.get_or_create(&RejectLabels {
                    source,
                    reason: reason.as_str(),
                });
            }
        }
        let mut out = String::new();
        prometheus_client::encoding::text::encode(&mut out, &self.registry)?;
        Ok(out)
    }

    /// Labels share the route's `Arc` rather than copy it: this runs on every request.
    fn observe(&self, route: Arc<str>, method: &'static str, status: StatusCode, took: Duration) {
        self.latency
            .get_or_create(&RouteLabels {
                route: route.clone(),
            })
            .observe(took.as_secs_f64());
        self.requests
            .get_or_create(&RequestLabels {
                route,
                method,
                status: status.as_u16(),
            })
            .inc();
    }
}

/// What is read at each scrape.
struct Snapshot {
    handle: Arc<IndexHandle>,
    cache: Arc<ResponseCache>,
}

impl std::fmt::Debug for Snapshot {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Snapshot").finish_non_exhaustive()
    }
}

impl Collector for Snapshot {
    fn encode(&self, mut encoder: DescriptorEncoder) -> Result<(), std::fmt::Error> {
        let searcher = self.handle.searcher();
        let gauge = |encoder: &mut DescriptorEncoder, name: &str, help: &str, value: f64| {
            let gauge = ConstGauge::new(value);
            let metric = encoder.encode_descriptor(name, help, None, gauge.metric_type())?;
            gauge.encode(metric)
        };
        let counter = |encoder: &mut DescriptorEncoder, name: &str, help: &str, value: u64| {
            let counter = ConstCounter::new(value);
            let metric = encoder.encode_descriptor(name, help, None, counter.metric_type())?;
            counter.encode(metric)
        };
        gauge(
            &mut encoder,
            "index_documents",
            "Documents in the index, restricted ones included",
            searcher.num_docs() as f64,
        )?;
        gauge(
            &mut encoder,
            "index_segments",
            "Segments of the index (`thb-caselaw compact` merges them)",
            searcher.segment_readers().len() as f64,
        )?;
        if let Some(age) = last_commit_age(&self.handle) {
            gauge(
                &mut encoder,
                "index_last_commit_age_seconds",
                "Seconds since the index's last commit (its meta.json was written)",
                age.as_secs_f64(),
            )?;
        }
        let tally = read_tally(self.handle.dir());
        let counter_family = ConstCounter::new(0u64);
        let mut family = encoder.encode_descriptor(
            "cli_records_rejected",
            "Records refused by `thb-caselaw ingest` and `import` runs on this index, by command and reason (kept in the index directory's rejections.json)",
            None,
            counter_family.metric_type(),
        )?;
        for command in ["ingest", "import"] {
            for reason in Reason::ALL {
                let count = tally
                    .get(command)
                    .and_then(|reasons| reasons.get(reason.as_str()))
                    .copied()
                    .unwrap_or(0);
                let labels = [("command", command), ("reason", reason.as_str())];
                ConstCounter::new(count).encode(family.encode_family(&labels)?)?;
            }
        }
        let stats = self.cache.stats();
        counter(
            &mut encoder,
            "search_cache_hits",
            "Searches answered from the response cache",
            stats.hits,
        )?;
        counter(
            &mut encoder,
            "search_cache_misses",
            "Searches the response cache could not answer",
            stats.misses,
        )?;
        gauge(
            &mut encoder,
            "search_cache_bytes",
            "Bytes of responses the cache holds",
            stats.bytes as f64,
        )?;
        Ok(())
    }
}

/// The file in the index directory where `ingest` and `import` tally their rejections. tantivy
/// leaves files it did not write alone, and a backup copies only the commit's own files.
pub const TALLY_FILE: &str = thb_engine::index::REJECTIONS_FILE;

/// `{"ingest": {"unknown_field": 3, …}, "import": {…}}`.
type Tally = BTreeMap<String, BTreeMap<String, u64>>;

fn read_tally(index_dir: &Path) -> Tally {
    std::fs::read(index_dir.join(TALLY_FILE))
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .unwrap_or_default()
}

/// Adds one run's rejections to the tally of the index in `index_dir` (`command` is `ingest`
/// or `import`). Written to a temporary file and renamed over the old one, so a scrape never
/// reads half a file.
pub fn tally_rejections(
    index_dir: &Path,
    command: &str,
    rejections: &[Rejection],
) -> std::io::Result<()> {
    let mut tally = read_tally(index_dir);
    let counts = tally.entry(command.to_string()).or_default();
    for rejection in rejections {
        *counts
            .entry(rejection.reason.as_str().to_string())
            .or_default() += 1;
    }
    let temporary = index_dir.join(format!("{TALLY_FILE}.{}.tmp", std::process::id()));
    std::fs::write(&temporary, serde_json::to_vec(&tally)?)?;
    std::fs::rename(&temporary, index_dir.join(TALLY_FILE))
}

/// tantivy writes `meta.json` at each commit, and only then.
fn last_commit_age(handle: &IndexHandle) -> Option<Duration> {
    let modified = std::fs::metadata(handle.dir().join("meta.json"))
        .and_then(|m| m.modified())
        .ok()?;
    Some(
        SystemTime::now()
            .duration_since(modified)
            .unwrap_or(Duration::ZERO),
    )
}

/// Inside the router (`Router::route_layer`): puts the matched route's template on the response.
pub async fn mark_route(request: Request, next: Next) -> Response {
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map(|p| Route(Arc::from(p.as_str())));
    let mut response = next.run(request).await;
    if let Some(route) = route {
        response.extensions_mut().insert(route);
    }
    response
}

/// Around the whole service: counts each response by route, method and status, and its latency.
/// A request no route matched (a 404, or one refused before routing) counts as `unmatched`.
pub async fn track(State(metrics): State<Arc<Metrics>>, request: Request, next: Next) -> Response {
    // Any other method is one label, so that no client can grow the label set.
    let method: &'static str = match request.method().as_str() {
        "GET" => "GET",
        "HEAD" => "HEAD",
        "POST" => "POST",
        "PUT" => "PUT",
        "DELETE" => "DELETE",
        "OPTIONS" => "OPTIONS",
        "PATCH" => "PATCH",
        _ => "other",
    };
    let started = std::time::Instant::now();
    let response = next.run(request).await;
    let route = response
        .extensions()
        .get::<Route>()
        .map_or_else(|| Arc::from("unmatched"), |r| r.0.clone());
    metrics.observe(route, method, response.status(), started.elapsed());
    response
}

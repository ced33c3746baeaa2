//! Snippets and highlighting on real judgments: the ECtHR trafficking judgments in
//! `../shared/data` (median 120 KB of text, the longest 470 KB), where a hit's snippet scans
//! up to 256 KB of text and the document view marks the whole of it.
//! - `snippet/<query>`: MB/s of `search::snippet::snippet` over every judgment's text;
//! - `highlight_all/<query>`: the same for the document view's `highlight_all`;
//! - `citations/extract`: MB/s of reading every judgment's citations
//!   (`domain::citations::extract`), which ingest and the document view pay for each text.
//!
//! The scale corpus's documents are 2 KB, so the search and load benches barely see this cost;
//! real judgments are 50 times longer.
//!
//! Run: `cargo bench --bench snippet`. Without the shared data it says so and measures nothing.

use std::path::Path;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

use thb_engine::analysis::{self, Analyzer};
use thb_engine::domain::citations::{self, Context, Convention};
use thb_engine::search::build::Highlight;
use thb_engine::search::snippet;

const SHARED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data");

/// Queries as users type them: two English words, a single word found through its stems,
/// and a Latin query for words the judgments write in English (found by nothing: the worst
/// case, a full scan with no match).
const QUERIES: &[&str] = &["forced labour", "trafficked", "trgovina ljudima"];

/// What `search::build` records to highlight for a plain query: every analyzer's terms of
/// every word.
fn highlight(query: &str) -> Highlight {
    let mut highlight = Highlight::default();
    let words = analysis::words(query).count() as u32;
    for analyzer in Analyzer::all() {
        highlight.add(analyzer, &analyzer.terms(query), 0, words);
    }
    highlight
}

fn judgments() -> Vec<String> {
    let path = Path::new(SHARED).join("ecthr_trafficking_judgments.jsonl");
    let Ok(data) = std::fs::read_to_string(&path) else {
        eprintln!("{} absent: nothing to measure", path.display());
        return Vec::new();
    };
    data.lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_string))
        .collect()
}

fn bench_snippets(c: &mut Criterion) {
    let texts = judgments();
    if texts.is_empty() {
        return;
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut group = c.benchmark_group("snippet");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes as u64));
    for query in QUERIES {
        let highlight = highlight(query);
        group.bench_with_input(BenchmarkId::new("snippet", query), &highlight, |b, h| {
            b.iter(|| {
                for text in &texts {
                    // As the API pays for it: the passage found, then written as HTML.
                    std::hint::black_box(
                        snippet::snippet(text, h, Some("en"), thb_engine::limits::SNIPPET_CHARS)
                            .html(),
                    );
                }
            })
        });
        group.bench_with_input(
            BenchmarkId::new("highlight_all", query),
            &highlight,
            |b, h| {
                b.iter(|| {
                    for text in &texts {
                        std::hint::black_box(snippet::highlight_all(text, h, Some("en")).html());
                    }
                })
            },
        );
    }
    group.finish();

    let mut group = c.benchmark_group("citations");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes as u64));
    let context = Context {
        countries: Vec::new(),
        convention: Some(Convention::Echr),
    };
    group.bench_function("extract", |b| {
        b.iter(|| {
            for text in &texts {
                std::hint::black_box(citations::extract(text, &context));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench_snippets);
criterion_main!(benches);

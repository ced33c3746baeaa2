//! Ingest end to end at scale, through the real code path (`ingest::ingest_paths`, the same call
//! as `thb-caselaw ingest`): documents/s, MB/s, peak memory and index size relative to the raw
//! text, with language detection on (the target) and off (to read what detection costs).
//!
//! One timed run each, not criterion samples: a 100k-document ingest takes minutes. The corpus
//! comes from `thb-gen` (see `benches/common/mod.rs` for the settings); the index built with
//! detection is kept for `benches/search.rs`, so the search bench does not build it again.
//!
//! Run:
//! ```text
//! CARGO_TARGET_DIR=/tmp/target-perf cargo bench --bench ingest                       # 20k
//! THB_BENCH_DOCS=100000 CARGO_TARGET_DIR=/tmp/target-perf cargo bench --bench ingest
//! THB_BENCH_DOCS=1000000 THB_BENCH_INGEST_DETECT=on CARGO_TARGET_DIR=/tmp/target-perf cargo bench --bench ingest
//! ```
//! `THB_BENCH_INGEST_DETECT` = `both` (default), `on` or `off`.

mod common;

use std::time::Instant;

use common::{cpu_seconds, peak_memory_kib, reset_peak_memory, size_on_disk, BenchCorpus};
use thb_engine::index::IndexHandle;
use thb_engine::ingest::{self, IngestOptions};

struct Figures {
    label: &'static str,
    docs: usize,
    seconds: f64,
    /// Cores kept busy on average (CPU time / wall time).
    cores: Option<f64>,
    text_bytes: u64,
    peak_kib: Option<u64>,
    index_bytes: u64,
}

fn run(corpus: &BenchCorpus, detect: bool) -> Figures {
    let target = corpus.dir.join(if detect {
        "ours.building"
    } else {
        "ours-no-detect.building"
    });
    let _ = std::fs::remove_dir_all(&target);
    let handle = IndexHandle::open_or_create(&target).expect("create the index");
    let peak_reset = reset_peak_memory();
    let options = IngestOptions {
        detect_language: detect,
        ..IngestOptions::default()
    };
    let cpu_before = cpu_seconds();
    let started = Instant::now();
    let report =
        ingest::ingest_paths(&handle, std::slice::from_ref(&corpus.jsonl), &options).unwrap();
    let seconds = started.elapsed().as_secs_f64();
    let cores = cpu_before
        .zip(cpu_seconds())
        .map(|(before, after)| (after - before) / seconds);
    assert!(report.rejected.is_empty(), "{:?}", report.rejected.first());
    let peak_kib = if peak_reset { peak_memory_kib() } else { None };
    drop(handle);
    let index_bytes = size_on_disk(&target);
    if detect {
        // Keep it for the search bench.
        let kept = corpus.dir.join("ours");
        let _ = std::fs::remove_dir_all(&kept);
        std::fs::rename(&target, &kept).expect("keep the index");
    } else {
        let _ = std::fs::remove_dir_all(&target);
    }
    Figures {
        label: if detect {
            "with detection"
        } else {
            "without detection"
        },
        docs: report.added + report.updated,
        seconds,
        cores,
        text_bytes: report.text_bytes,
        peak_kib,
        index_bytes,
    }
}

fn main() {
    let corpus = BenchCorpus::from_env();
    println!("ingest bench: {}", corpus.describe());
    thb_text::language::warm_up();
    let mode = std::env::var("THB_BENCH_INGEST_DETECT").unwrap_or_else(|_| "both".into());
    let runs: &[bool] = match mode.as_str() {
        "on" => &[true],
        "off" => &[false],
        _ => &[true, false],
    };
    let figures: Vec<Figures> = runs.iter().map(|detect| run(&corpus, *detect)).collect();
    println!();
    println!("| ingest | docs | seconds | docs/s | MB/s (JSONL) | MB/s (text) | cores busy | peak RSS MiB | index MiB | index / text |");
    println!("|---|---|---|---|---|---|---|---|---|---|");
    for f in &figures {
        println!(
            "| {} | {} | {:.1} | {:.0} | {:.2} | {:.2} | {} | {} | {:.1} | {:.2} |",
            f.label,
            f.docs,
            f.seconds,
            f.docs as f64 / f.seconds,
            corpus.jsonl_bytes as f64 / 1e6 / f.seconds,
            f.text_bytes as f64 / 1e6 / f.seconds,
            f.cores
                .map(|c| format!("{c:.2}"))
                .unwrap_or_else(|| "n/a".into()),
            f.peak_kib
                .map(|k| format!("{:.0}", k as f64 / 1024.0))
                .unwrap_or_else(|| "n/a".into()),
            f.index_bytes as f64 / 1_048_576.0,
            f.index_bytes as f64 / f.text_bytes.max(1) as f64,
        );
    }
    if let [with, without] = figures.as_slice() {
        println!(
            "\ndetection share of ingest time: {:.0}% (with / without = {:.2}×)",
            100.0 * (1.0 - without.seconds / with.seconds),
            with.seconds / without.seconds
        );
    }
}

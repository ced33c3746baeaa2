//! Ingest end to end at scale, through the real code path (`ingest::ingest_paths`, the same call
//! as `thb-caselaw ingest`): documents/s, MB/s, peak memory and index size relative to the raw
//! text; beside it, in the same run on the same JSON Lines file, the two peers of
//! `benches/search.rs` (bare tantivy and SQLite FTS5), and where our CPU time goes, stage by
//! stage.
//!
//! One timed run each, not criterion samples: a 100k-document ingest takes minutes.
//!
//! Corpora (`THB_BENCH_INGEST_CORPUS`):
//! - `generated` (default): `thb-gen`'s corpus (`benches/common/mod.rs` has its settings); the
//!   long-document shape of issue 24 is `THB_BENCH_WORDS=300..3000` (5–100 KB documents, about
//!   7.8 KB on average). The index built with detection is kept for `benches/search.rs`.
//! - `judgments`: the 49 real ECtHR judgments of `../shared/data/hudoc_raw`, mapped by our
//!   HUDOC importer onto the interchange format once, and repeated (ids made distinct) until
//!   the file holds `THB_BENCH_JUDGMENTS_MB` (default 200) MB. Every engine then reads that same
//!   file; skipped with a message when the data is absent.
//!
//! Other settings: `THB_BENCH_INGEST_DETECT` = `on` (default), `off` or `both`;
//! `THB_BENCH_INGEST_PEERS` = `on` (default) or `off`; `THB_BENCH_INGEST_STAGES` = `on`
//! (default) or `off`, with `THB_BENCH_STAGE_MB` (default 40) MB of the file read for it.
//!
//! Run:
//! ```text
//! CARGO_TARGET_DIR=/tmp/target-perf cargo bench --bench ingest                        # 20k × 2 KB
//! THB_BENCH_DOCS=100000 THB_BENCH_WORDS=300..3000 CARGO_TARGET_DIR=/tmp/target-perf cargo bench --bench ingest
//! THB_BENCH_INGEST_CORPUS=judgments CARGO_TARGET_DIR=/tmp/target-perf cargo bench --bench ingest
//! ```

mod common;

use std::io::{BufRead, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::{cpu_seconds, peak_memory_kib, reset_peak_memory, size_on_disk, BenchCorpus};
use tantivy::schema::{FacetOptions, Schema, STORED, STRING, TEXT};
use tantivy::tokenizer::{TokenStream, Tokenizer};
use tantivy::{Index, TantivyDocument};
use thb_engine::analysis::{self, Analyzer, StemLanguage, StemRouter};
use thb_engine::document::Document;
use thb_engine::domain::thesaurus;
use thb_engine::index::{merge_balanced, IndexHandle};
use thb_engine::ingest::{self, IngestOptions, IngestReport, Progress};
use thb_engine::privacy;
use thb_text::language;
use thb_text::normalize::prefix_within;

/// The JSON Lines file every engine reads, and where their indexes are built.
struct Input {
    label: String,
    dir: PathBuf,
    jsonl: PathBuf,
    jsonl_bytes: u64,
    /// Bytes of title and text: what "MB/s (text)" counts for every engine alike.
    text_bytes: u64,
}

struct Figures {
    label: String,
    docs: usize,
    seconds: f64,
    /// Cores kept busy on average (CPU time / wall time).
    cores: Option<f64>,
    peak_kib: Option<u64>,
    index_bytes: u64,
    /// Of `seconds`, the closing merge (ours only).
    merge_seconds: Option<f64>,
}

/// Runs `work` with the peak memory reset first; wall seconds, cores busy and the peak.
fn measured<T>(work: impl FnOnce() -> T) -> (T, f64, Option<f64>, Option<u64>) {
    let peak_reset = reset_peak_memory();
    let cpu_before = cpu_seconds();
    let started = Instant::now();
    let out = work();
    let seconds = started.elapsed().as_secs_f64();
    let cores = cpu_before
        .zip(cpu_seconds())
        .map(|(before, after)| (after - before) / seconds);
    let peak = if peak_reset { peak_memory_kib() } else { None };
    (out, seconds, cores, peak)
}

/// Records the closing merge's time, which `ingest_paths` reports through its progress.
#[derive(Debug, Default)]
struct MergeClock(Mutex<Option<Duration>>);

impl Progress for MergeClock {
    fn update(&self, _bytes: u64, _total_bytes: u64, _documents: usize) {}
    fn finished(&self, _report: &IngestReport) {}
    fn merged(&self, _before: usize, _after: usize, elapsed: Duration) {
        *self.0.lock().unwrap() = Some(elapsed);
    }
}

fn ours(input: &Input, detect: bool, keep_as: Option<&str>) -> Figures {
    let target = input.dir.join("ours.building");
    let _ = std::fs::remove_dir_all(&target);
    let handle = IndexHandle::open_or_create(&target).expect("create the index");
    let clock = Arc::new(MergeClock::default());
    let options = IngestOptions {
        detect_language: detect,
        progress: Some(clock.clone()),
        ..IngestOptions::default()
    };
    let (report, seconds, cores, peak_kib) = measured(|| {
        ingest::ingest_paths(&handle, std::slice::from_ref(&input.jsonl), &options).unwrap()
    });
    assert!(report.rejected.is_empty(), "{:?}", report.rejected.first());
    drop(handle);
    let index_bytes = size_on_disk(&target);
    match keep_as {
        Some(name) => {
            let kept = input.dir.join(name);
            let _ = std::fs::remove_dir_all(&kept);
            std::fs::rename(&target, &kept).expect("keep the index");
        }
        None => {
            let _ = std::fs::remove_dir_all(&target);
        }
    }
    let merge_seconds = clock.0.lock().unwrap().map(|d| d.as_secs_f64());
    Figures {
        label: format!(
            "thb-caselaw, detection {}",
            if detect { "on" } else { "off" }
        ),
        docs: report.added + report.updated,
        seconds,
        cores,
        peak_kib,
        index_bytes,
        merge_seconds,
    }
}

/// The input's records as the peers read them: parsed by serde straight into our document
/// type (the same JSON parse ours does, without our validation, guard or detection).
fn records(path: &Path) -> impl Iterator<Item = Document> {
    let file = std::fs::File::open(path).expect("open the corpus");
    std::io::BufReader::with_capacity(1 << 20, file)
        .lines()
        .map(|line| serde_json::from_str(&line.expect("read the corpus")).expect("a record"))
}

/// Bare tantivy as `benches/search.rs` builds it: one text field with tantivy's default
/// tokenizer (no folding, no stemming, no detection), stored with tantivy's default lz4, the
/// facets the generator varies; two indexing threads and our writer's memory, then merged into
/// one segment per core as our bulk load is.
fn bare_tantivy(input: &Input) -> Figures {
    let dir = input.dir.join("bare-ingest.building");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let mut builder = Schema::builder();
    let id = builder.add_text_field("id", STRING | STORED);
    let body = builder.add_text_field("body", TEXT | STORED);
    let country = builder.add_facet_field("f_country", FacetOptions::default());
    let theme = builder.add_facet_field("f_theme", FacetOptions::default());
    let kind = builder.add_facet_field("f_kind", FacetOptions::default());
    let lang = builder.add_facet_field("f_language", FacetOptions::default());
    let year = builder.add_facet_field("f_year", FacetOptions::default());
    let index = Index::create_in_dir(&dir, builder.build()).unwrap();
    let (docs, seconds, cores, peak_kib) = measured(|| {
        let mut writer = index
            .writer_with_num_threads::<TantivyDocument>(
                2,
                thb_engine::index::DEFAULT_WRITER_HEAP_BYTES,
            )
            .unwrap();
        let mut docs = 0;
        for d in records(&input.jsonl) {
            let mut doc = TantivyDocument::default();
            doc.add_text(id, &d.id);
            doc.add_text(body, &d.title);
            doc.add_text(body, &d.text);
            for c in &d.country {
                doc.add_facet(country, tantivy::schema::Facet::from_path([c]));
            }
            for t in &d.themes {
                doc.add_facet(theme, tantivy::schema::Facet::from_path(t.split('/')));
            }
            doc.add_facet(kind, tantivy::schema::Facet::from_path([d.kind.as_str()]));
            let language = d.language.as_deref().unwrap_or("und");
            doc.add_facet(lang, tantivy::schema::Facet::from_path([language]));
            if let Some(date) = d.date {
                doc.add_facet(
                    year,
                    tantivy::schema::Facet::from_path([date.year.to_string()]),
                );
            }
            writer.add_document(doc).unwrap();
            docs += 1;
        }
        writer.commit().unwrap();
        writer.wait_merging_threads().unwrap();
        let mut writer = index
            .writer_with_num_threads::<TantivyDocument>(1, 50 << 20)
            .unwrap();
        writer.set_merge_policy(Box::new(tantivy::indexer::NoMergePolicy));
        merge_balanced(&index, &mut writer, common::machine_cores()).unwrap();
        writer.garbage_collect_files().wait().unwrap();
        writer.wait_merging_threads().unwrap();
        docs
    });
    drop(index);
    let index_bytes = size_on_disk(&dir);
    let _ = std::fs::remove_dir_all(&dir);
    Figures {
        label: "bare tantivy (one field, no folding or stemming)".into(),
        docs,
        seconds,
        cores,
        peak_kib,
        index_bytes,
        merge_seconds: None,
    }
}

/// SQLite FTS5 as `benches/search.rs` builds it (`common::build_sqlite_fts5`), on disk. One
/// thread: SQLite writes from one connection.
fn sqlite_fts5(input: &Input) -> Figures {
    let path = input.dir.join("fts5-ingest.sqlite");
    let _ = std::fs::remove_file(&path);
    let (docs, seconds, cores, peak_kib) =
        measured(|| common::build_sqlite_fts5(&path, records(&input.jsonl)));
    let index_bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    let _ = std::fs::remove_file(&path);
    Figures {
        label: "SQLite FTS5 (unicode61, diacritics removed)".into(),
        docs,
        seconds,
        cores,
        peak_kib,
        index_bytes,
        merge_seconds: None,
    }
}

/// CPU seconds of `work` on this thread's process (the stages run on one thread).
fn cpu_of(work: impl FnOnce()) -> f64 {
    let before = cpu_seconds().unwrap_or(0.0);
    work();
    cpu_seconds().unwrap_or(0.0) - before
}

/// Tokens one tokenizer makes of a text (counted, so the work is not optimised away).
fn count_tokens<T: Tokenizer>(tokenizer: &mut T, text: &str) -> usize {
    let mut stream = tokenizer.token_stream(text);
    let mut n = 0;
    while stream.advance() {
        n += 1;
    }
    n
}

/// Where ingest's CPU time goes: each stage of `ingest::prepare` and of the index document run
/// alone, on one thread, over the first `THB_BENCH_STAGE_MB` of the file; then tantivy's own
/// indexing (postings, document store, term dictionary: the writer's CPU time less our
/// analyzers', measured just before on the same documents). The parts add up to within a few
/// percent of what a whole ingest of the same records costs, which is printed last.
fn stages(input: &Input, detect: bool) {
    let limit = std::env::var("THB_BENCH_STAGE_MB")
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
        .unwrap_or(40)
        * 1_000_000;
    let mut lines = Vec::new();
    let mut bytes = 0u64;
    let file = std::fs::File::open(&input.jsonl).unwrap();
    for line in std::io::BufReader::with_capacity(1 << 20, file).lines() {
        let line = line.unwrap();
        bytes += line.len() as u64 + 1;
        lines.push(line);
        if bytes >= limit {
            break;
        }
    }
    let sample = input.dir.join("stage-sample.jsonl");
    std::fs::write(&sample, lines.join("\n") + "\n").unwrap();

    let mut rows: Vec<(&str, f64)> = Vec::new();
    let mut values = Vec::new();
    rows.push((
        "read and parse JSON",
        cpu_of(|| {
            let file = std::fs::File::open(&sample).unwrap();
            for line in std::io::BufReader::with_capacity(1 << 20, file).lines() {
                values.push(serde_json::from_str::<serde_json::Value>(&line.unwrap()).unwrap());
            }
        }),
    ));
    let mut documents = Vec::new();
    rows.push((
        "validate (document model)",
        cpu_of(|| {
            documents = values
                .drain(..)
                .map(|v| Document::from_json(v).unwrap())
                .collect();
        }),
    ));
    let text_bytes: u64 = documents
        .iter()
        .map(|d| (d.title.len() + d.text.len()) as u64)
        .sum();
    rows.push((
        "personal data guard",
        cpu_of(|| {
            let found = documents
                .iter()
                .filter(|d| {
                    [Some(&d.title), d.summary.as_ref(), Some(&d.text)]
                        .into_iter()
                        .flatten()
                        .any(|s| privacy::find(s).is_some())
                })
                .count();
            std::hint::black_box(found);
        }),
    ));
    rows.push((
        "detect language (undeclared only)",
        cpu_of(|| {
            for d in documents.iter_mut().filter(|d| d.language.is_none()) {
                d.language = Some(if detect {
                    let mut sample = String::with_capacity(language::SAMPLE_BYTES + d.title.len());
                    sample.push_str(&d.title);
                    sample.push_str(". ");
                    sample.push_str(prefix_within(&d.text, language::SAMPLE_BYTES));
                    language::detect(&sample).tag
                } else {
                    "und".into()
                });
            }
        }),
    ));
    rows.push((
        "infer themes (undeclared only)",
        cpu_of(|| {
            let thesaurus = thesaurus::shipped();
            for d in documents.iter_mut().filter(|d| d.themes.is_empty()) {
                d.themes_inferred =
                    thesaurus.infer_themes(&d.title, &d.text, d.language.as_deref());
            }
        }),
    ));
    let analyzed = |name, analyzer: Analyzer| {
        let mut tokenizer = analyzer.tokenizer();
        let cpu = cpu_of(|| {
            let n: usize = documents
                .iter()
                .map(|d| {
                    count_tokens(&mut tokenizer, &d.title) + count_tokens(&mut tokenizer, &d.text)
                })
                .sum();
            std::hint::black_box(n);
        });
        (name, cpu)
    };
    let exact = analyzed("analyse: exact (title, text)", Analyzer::Exact);
    let folded = analyzed("analyse: folded (title, text)", Analyzer::Folded);
    let mut router = StemRouter::default();
    let stem = (
        "analyse: stemmed (title, text)",
        cpu_of(|| {
            let n: usize = documents
                .iter()
                .filter_map(|d| {
                    let language = StemLanguage::for_tag(d.language.as_deref()?)?;
                    Some(
                        count_tokens(&mut router, &analysis::stem_value(language, &d.title))
                            + count_tokens(&mut router, &analysis::stem_value(language, &d.text)),
                    )
                })
                .sum();
            std::hint::black_box(n);
        }),
    );
    let analysis_cpu = exact.1 + folded.1 + stem.1;
    rows.extend([exact, folded, stem]);

    let dir = input.dir.join("stages.building");
    let _ = std::fs::remove_dir_all(&dir);
    let handle = IndexHandle::open_or_create(&dir).unwrap();
    let mut built = Vec::new();
    rows.push((
        "build the index document (citations read here)",
        cpu_of(|| built = documents.iter().map(|d| handle.to_tantivy(d)).collect()),
    ));
    let writer_cpu = cpu_of(|| {
        let mut writer = handle
            .writer(thb_engine::index::DEFAULT_WRITER_HEAP_BYTES)
            .unwrap();
        for doc in built.drain(..) {
            writer.add_document(doc).unwrap();
        }
        writer.commit().unwrap();
        writer.wait_merging_threads().unwrap();
    });
    rows.push((
        "tantivy: postings, store, dictionary (writer less analysis)",
        writer_cpu - analysis_cpu,
    ));
    drop(handle);
    let _ = std::fs::remove_dir_all(&dir);

    // The whole ingest of the same records, for the parts to be checked against.
    let whole = IndexHandle::open_or_create(&dir).unwrap();
    let options = IngestOptions {
        detect_language: detect,
        ..IngestOptions::default()
    };
    let whole_cpu = cpu_of(|| {
        ingest::ingest_paths(&whole, std::slice::from_ref(&sample), &options).unwrap();
    });
    drop(whole);
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::remove_file(&sample);

    let total: f64 = rows.iter().map(|r| r.1).sum();
    println!(
        "\nWhere the CPU goes ({} documents, {:.1} MB of JSON Lines, {:.1} MB of text; one thread per stage except tantivy's writer):\n",
        documents.len(),
        bytes as f64 / 1e6,
        text_bytes as f64 / 1e6
    );
    println!("| stage | CPU s | share | MB/s of text per core |");
    println!("|---|---:|---:|---:|");
    for (name, cpu) in &rows {
        // A stage with nothing to do (every language declared) has no rate.
        let rate = if *cpu < 0.01 {
            "—".to_string()
        } else {
            format!("{:.0}", text_bytes as f64 / 1e6 / cpu)
        };
        println!(
            "| {name} | {cpu:.2} | {:.0} % | {rate} |",
            100.0 * cpu / total
        );
    }
    println!(
        "| sum of the stages | {total:.2} | 100 % | {:.1} |",
        text_bytes as f64 / 1e6 / total
    );
    println!(
        "| a whole ingest of the same records (both cores, closing merge included) | {whole_cpu:.2} | {:.0} % | {:.1} |",
        100.0 * whole_cpu / total,
        text_bytes as f64 / 1e6 / whole_cpu
    );
}

/// The real judgments, mapped by the HUDOC importer and repeated to `THB_BENCH_JUDGMENTS_MB`.
fn judgments() -> Option<Input> {
    let source = std::env::var_os("THB_BENCH_JUDGMENTS_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/hudoc_raw"));
    let Ok(entries) = std::fs::read_dir(&source) else {
        eprintln!(
            "ingest bench: skipped, {} is absent (the real judgments of ../shared/data)",
            source.display()
        );
        return None;
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    let target_mb: u64 = std::env::var("THB_BENCH_JUDGMENTS_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200);
    let root = std::env::var_os("THB_BENCH_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_TARGET_TMPDIR")).join("thb-bench"));
    let dir = root.join(format!("judgments-{target_mb}MB"));
    std::fs::create_dir_all(&dir).unwrap();
    let jsonl = dir.join("judgments.jsonl");
    if !jsonl.exists() {
        let records: Vec<serde_json::Value> = files
            .iter()
            .map(|f| {
                let raw: serde_json::Value =
                    serde_json::from_slice(&std::fs::read(f).unwrap()).unwrap();
                ingest::hudoc::to_record(raw).unwrap()
            })
            .collect();
        let partial = dir.join("judgments.jsonl.partial");
        let mut out = BufWriter::new(std::fs::File::create(&partial).unwrap());
        let mut written = 0u64;
        let mut copy = 0;
        while written < target_mb * 1_000_000 {
            for record in &records {
                let mut record = record.clone();
                if copy > 0 {
                    let id = record["id"].as_str().unwrap().to_string();
                    record["id"] = format!("{id}-copy{copy}").into();
                }
                let line = serde_json::to_string(&record).unwrap();
                out.write_all(line.as_bytes()).unwrap();
                out.write_all(b"\n").unwrap();
                written += line.len() as u64 + 1;
            }
            copy += 1;
        }
        out.flush().unwrap();
        drop(out);
        std::fs::rename(&partial, &jsonl).unwrap();
    }
    let text_bytes = text_bytes_of(&jsonl);
    let jsonl_bytes = std::fs::metadata(&jsonl).unwrap().len();
    Some(Input {
        label: format!(
            "{} real ECtHR judgments repeated to {:.1} MB of JSON Lines",
            files.len(),
            jsonl_bytes as f64 / 1e6
        ),
        dir,
        jsonl,
        jsonl_bytes,
        text_bytes,
    })
}

fn text_bytes_of(jsonl: &Path) -> u64 {
    records(jsonl)
        .map(|d| (d.title.len() + d.text.len()) as u64)
        .sum()
}

fn main() {
    let corpus = std::env::var("THB_BENCH_INGEST_CORPUS").unwrap_or_else(|_| "generated".into());
    let (input, keep) = if corpus == "judgments" {
        match judgments() {
            Some(input) => (input, None),
            None => return,
        }
    } else {
        let generated = BenchCorpus::from_env();
        let input = Input {
            label: generated.describe(),
            text_bytes: text_bytes_of(&generated.jsonl),
            dir: generated.dir.clone(),
            jsonl: generated.jsonl.clone(),
            jsonl_bytes: generated.jsonl_bytes,
        };
        // Kept for the search bench, which then does not build it again.
        (input, Some("ours"))
    };
    println!("ingest bench: {}", input.label);
    thb_text::language::warm_up();
    let flag = |name: &str, default: &str| std::env::var(name).unwrap_or_else(|_| default.into());
    let detect_modes: &[bool] = match flag("THB_BENCH_INGEST_DETECT", "on").as_str() {
        "off" => &[false],
        "both" => &[true, false],
        _ => &[true],
    };
    let mut figures: Vec<Figures> = detect_modes
        .iter()
        .map(|detect| ours(&input, *detect, keep.filter(|_| *detect)))
        .collect();
    if flag("THB_BENCH_INGEST_PEERS", "on") == "on" {
        figures.push(bare_tantivy(&input));
        figures.push(sqlite_fts5(&input));
    }
    println!();
    println!("| engine | docs | seconds | docs/s | MB/s (JSONL) | MB/s (text) | cores busy | peak RSS MiB | index MiB | index / text |");
    println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for f in &figures {
        let merge = f
            .merge_seconds
            .map(|s| format!(" (closing merge {s:.1} s)"))
            .unwrap_or_default();
        println!(
            "| {} | {} | {:.1}{merge} | {:.0} | {:.2} | {:.2} | {} | {} | {:.1} | {:.2} |",
            f.label,
            f.docs,
            f.seconds,
            f.docs as f64 / f.seconds,
            input.jsonl_bytes as f64 / 1e6 / f.seconds,
            input.text_bytes as f64 / 1e6 / f.seconds,
            f.cores
                .map(|c| format!("{c:.2}"))
                .unwrap_or_else(|| "n/a".into()),
            f.peak_kib
                .map(|k| format!("{:.0}", k as f64 / 1024.0))
                .unwrap_or_else(|| "n/a".into()),
            f.index_bytes as f64 / 1_048_576.0,
            f.index_bytes as f64 / input.text_bytes.max(1) as f64,
        );
    }
    if flag("THB_BENCH_INGEST_STAGES", "on") == "on" {
        stages(&input, detect_modes[0]);
    }
}

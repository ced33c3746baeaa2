//! Throughput of the text pipeline on real sentences (Universal Dependencies treebanks from
//! `../shared/data`, when present):
//! - `analysis/<lang>/<analyzer>`: MB/s of tokenising + folding (+ stemming);
//! - `detect`: documents/s of language detection at the sample size ingest uses, on real
//!   sentences; `detect_generated`: the same on 2,000 documents of the scale corpus
//!   (`thb-gen`, seed 1), beside lingua run on every document (high accuracy, as detection
//!   did before the marker letters, and low accuracy);
//! - `ingest/{with,without}_detection`: documents/s of the real ingest path into a fresh index,
//!   so the cost of detection is read as a ratio from one run;
//! - `citations/{generated,judgments}` and `privacy/{generated,judgments}`: MB/s of the
//!   citation reader and of the personal data guard over 300 long generated documents and the
//!   real ECtHR judgments of `../shared/data` (the two text passes of ingest besides analysis).
//!
//! Run: `cargo bench --bench analysis`. Figures go to `benches/RESULTS.md`.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use lingua::LanguageDetectorBuilder;
use tantivy::tokenizer::{TokenStream, Tokenizer};

use thb_engine::analysis::{Analyzer, StemLanguage};
use thb_engine::index::IndexHandle;
use thb_engine::ingest::{self, IngestOptions};
use thb_gen::{self as generate, GenerateOptions, WordRange};
use thb_text::language;
use thb_text::normalize::prefix_within;

const SHARED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data");

/// Real sentences per language tag, about 200 KB each; a built-in paragraph when the shared
/// data is absent (said on stderr).
fn texts() -> BTreeMap<String, String> {
    let mut out: BTreeMap<String, String> = BTreeMap::new();
    let path = Path::new(SHARED).join("ud_sentences_balkan_tr_mt.jsonl");
    match std::fs::read_to_string(&path) {
        Ok(data) => {
            for line in data.lines() {
                let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
                    continue;
                };
                let lang = v["lang"].as_str().unwrap_or("und");
                let script = v["script"].as_str().unwrap_or("");
                let key = if lang == "sr" {
                    format!("sr-{script}")
                } else {
                    lang.to_string()
                };
                let text = out.entry(key).or_default();
                if text.len() < 200_000 {
                    text.push_str(v["text"].as_str().unwrap_or(""));
                    text.push(' ');
                }
            }
        }
        Err(_) => {
            eprintln!(
                "{} absent: benchmarking a built-in paragraph only",
                path.display()
            );
        }
    }
    let english =
        "The Court reiterates that trafficking in human beings falls within the scope of \
        Article 4 of the Convention. States must put in place a legislative and administrative \
        framework to prohibit and punish trafficking, protect victims and investigate. ";
    out.insert("en".into(), english.repeat(1000));
    out
}

fn bench_analysis(c: &mut Criterion) {
    let texts = texts();
    let mut group = c.benchmark_group("analysis");
    for (tag, text) in &texts {
        group.throughput(Throughput::Bytes(text.len() as u64));
        let mut analyzers = vec![Analyzer::Exact, Analyzer::Folded];
        if let Some(stem) = StemLanguage::for_tag(tag) {
            analyzers.push(Analyzer::Stemmed(stem));
        }
        for analyzer in analyzers {
            let name = analyzer.tokenizer_name();
            group.bench_with_input(BenchmarkId::new(tag.as_str(), name), text, |b, text| {
                let mut tokenizer = analyzer.tokenizer();
                b.iter(|| {
                    let mut stream = tokenizer.token_stream(text);
                    let mut n = 0usize;
                    while stream.advance() {
                        n += stream.token().text.len();
                    }
                    n
                })
            });
        }
    }
    group.finish();
}

/// Our detection over every text; the tags' lengths are summed so the work is not optimised away.
fn detect_all(texts: &[String]) -> usize {
    texts.iter().map(|d| language::detect(d).tag.len()).sum()
}

fn bench_detect(c: &mut Criterion) {
    let texts = texts();
    language::warm_up();
    // Documents of the size detection reads.
    let documents: Vec<String> = texts
        .values()
        .flat_map(|t| {
            let chars: Vec<char> = t.chars().collect();
            chars
                .chunks(language::SAMPLE_BYTES / 2)
                .take(20)
                .map(|c| c.iter().collect::<String>())
                .collect::<Vec<_>>()
        })
        .collect();
    let mut group = c.benchmark_group("detect");
    group.throughput(Throughput::Elements(documents.len() as u64));
    group.bench_function("documents", |b| b.iter(|| detect_all(&documents)));
    group.finish();

    // The scale corpus, each document cut to the sample ingest hands detection.
    let mut jsonl = Vec::new();
    let options = GenerateOptions {
        docs: 2_000,
        seed: 1,
        words: WordRange { min: 250, max: 350 },
    };
    generate::write_jsonl(&options, &mut jsonl).unwrap();
    let samples: Vec<String> = String::from_utf8(jsonl)
        .unwrap()
        .lines()
        .map(|line| {
            let record: serde_json::Value = serde_json::from_str(line).unwrap();
            let text = record["text"].as_str().unwrap_or_default();
            prefix_within(text, language::SAMPLE_BYTES).to_string()
        })
        .collect();
    let high = LanguageDetectorBuilder::from_languages(&language::LANGUAGES).build();
    let low = LanguageDetectorBuilder::from_languages(&language::LANGUAGES)
        .with_low_accuracy_mode()
        .build();
    for detector in [&high, &low] {
        detector.detect_language_of(&samples[0]);
    }
    let mut group = c.benchmark_group("detect_generated");
    group.throughput(Throughput::Elements(samples.len() as u64));
    group.sample_size(10);
    group.bench_function("ours", |b| b.iter(|| detect_all(&samples)));
    for (name, detector) in [
        ("lingua_high_accuracy", &high),
        ("lingua_low_accuracy", &low),
    ] {
        group.bench_function(name, |b| {
            b.iter(|| {
                samples
                    .iter()
                    .map(|d| detector.compute_language_confidence_values(d).len())
                    .sum::<usize>()
            })
        });
    }
    group.finish();
}

/// A document's countries and its text.
type CountriesAndText = (Vec<String>, String);

/// Texts with their countries, as the citation reader sees a document: 300 long generated
/// documents, and the real judgments when the shared data is present.
fn long_texts() -> Vec<(&'static str, Vec<CountriesAndText>)> {
    let mut jsonl = Vec::new();
    let options = GenerateOptions {
        docs: 300,
        seed: 1,
        words: WordRange {
            min: 300,
            max: 3000,
        },
    };
    generate::write_jsonl(&options, &mut jsonl).unwrap();
    let read = |line: &str| {
        let record: serde_json::Value = serde_json::from_str(line).ok()?;
        let countries = match &record["country"] {
            serde_json::Value::String(c) => vec![c.clone()],
            serde_json::Value::Array(cs) => cs
                .iter()
                .filter_map(|c| c.as_str().map(String::from))
                .collect(),
            _ => Vec::new(),
        };
        Some((countries, record["text"].as_str()?.to_string()))
    };
    let generated = String::from_utf8(jsonl)
        .unwrap()
        .lines()
        .filter_map(read)
        .collect();
    let mut out = vec![("generated", generated)];
    let path = Path::new(SHARED).join("ecthr_trafficking_judgments.jsonl");
    match std::fs::read_to_string(&path) {
        Ok(data) => out.push(("judgments", data.lines().filter_map(read).collect())),
        Err(e) => eprintln!("citations/judgments skipped: {}: {e}", path.display()),
    }
    out
}

fn bench_text_passes(c: &mut Criterion) {
    use thb_engine::domain::citations::{self, Context};
    for (corpus, texts) in long_texts() {
        let bytes: usize = texts.iter().map(|(_, t)| t.len()).sum();
        // One group a pass, each over the same texts: MB/s of that pass alone.
        let mut pass = |name: &str, run: &dyn Fn(&[CountriesAndText]) -> usize| {
            let mut group = c.benchmark_group(name);
            group.throughput(Throughput::Bytes(bytes as u64));
            group.sample_size(10);
            group.bench_function(corpus, |b| b.iter(|| run(&texts)));
            group.finish();
        };
        pass("citations", &|texts| {
            texts
                .iter()
                .map(|(countries, text)| {
                    let context = Context {
                        countries: countries.clone(),
                        convention: None,
                    };
                    citations::extract(text, &context).len()
                })
                .sum()
        });
        pass("privacy", &|texts| {
            texts
                .iter()
                .filter(|(_, text)| thb_engine::privacy::find(text).is_some())
                .count()
        });
    }
}

fn bench_ingest(c: &mut Criterion) {
    let texts = texts();
    // 2,000 documents of ~2 KB without a declared language, from the real sentences.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("docs.jsonl");
    let mut out = std::fs::File::create(&file).unwrap();
    let mut count = 0;
    'outer: for (tag, text) in texts.iter().cycle() {
        let chars: Vec<char> = text.chars().collect();
        for (i, chunk) in chars.chunks(2000).enumerate().take(200) {
            let body: String = chunk.iter().collect();
            let doc = serde_json::json!({
                "id": format!("bench:{tag}:{i}:{count}"), "kind": "judgment",
                "title": format!("Benchmark document {count}"), "text": body,
                "country": "RS", "provenance": "sample"
            });
            writeln!(out, "{doc}").unwrap();
            count += 1;
            if count == 2000 {
                break 'outer;
            }
        }
    }
    drop(out);
    language::warm_up();
    let mut group = c.benchmark_group("ingest");
    group.sample_size(10);
    group.throughput(Throughput::Elements(count as u64));
    for detect in [true, false] {
        let name = if detect {
            "with_detection"
        } else {
            "without_detection"
        };
        group.bench_function(name, |b| {
            b.iter(|| {
                let index_dir = tempfile::tempdir().unwrap();
                let handle = IndexHandle::open_or_create(index_dir.path()).unwrap();
                let options = IngestOptions {
                    detect_language: detect,
                    ..IngestOptions::default()
                };
                let report =
                    ingest::ingest_paths(&handle, std::slice::from_ref(&file), &options).unwrap();
                assert_eq!(report.added, count);
            })
        });
    }
    group.finish();
}

criterion_group!(
    benches,
    bench_analysis,
    bench_detect,
    bench_ingest,
    bench_text_passes
);
criterion_main!(benches);

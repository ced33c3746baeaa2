//! What the scale benches share: the generated corpus (cached between runs), peak-memory
//! readings, sizes on disk and percentiles.
//!
//! Settings, all environment variables:
//! - `THB_BENCH_DOCS` (default 20,000), `THB_BENCH_SEED` (1), `THB_BENCH_WORDS` (`250..350`:
//!   documents of about 2 KB, the size the performance targets are stated for);
//! - `THB_BENCH_DIR`: where corpora and built indexes are kept, one folder per
//!   (documents, seed, words, index format); default `thb-bench/` under cargo's target tmpdir.
//!   A corpus is generated once; indexes are rebuilt only when missing.

#![allow(dead_code)] // each bench binary uses part of this module

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use thb_gen::{self as generate, GenerateOptions, WordRange};

/// The corpus of this run and the folder its indexes live in.
pub struct BenchCorpus {
    pub options: GenerateOptions,
    pub dir: PathBuf,
    pub jsonl: PathBuf,
    pub jsonl_bytes: u64,
}

fn env_or<T: std::str::FromStr>(name: &str, default: T) -> T {
    match std::env::var(name) {
        Ok(v) => v
            .parse()
            .unwrap_or_else(|_| panic!("{name}=`{v}` cannot be parsed")),
        Err(_) => default,
    }
}

impl BenchCorpus {
    /// The corpus named by the environment, generated when it is not there yet.
    pub fn from_env() -> BenchCorpus {
        let options = GenerateOptions {
            docs: env_or("THB_BENCH_DOCS", 20_000u64),
            seed: env_or("THB_BENCH_SEED", 1u64),
            words: env_or("THB_BENCH_WORDS", WordRange { min: 250, max: 350 }),
        };
        let root = std::env::var_os("THB_BENCH_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| Path::new(env!("CARGO_TARGET_TMPDIR")).join("thb-bench"));
        let dir = root.join(format!(
            "docs-{}-seed-{}-words-{}-{}-format-{}",
            options.docs,
            options.seed,
            options.words.min,
            options.words.max,
            thb_engine::schema::FORMAT_VERSION
        ));
        std::fs::create_dir_all(&dir).expect("create the bench folder");
        let jsonl = dir.join("corpus.jsonl");
        if !jsonl.exists() {
            let started = Instant::now();
            let partial = dir.join("corpus.jsonl.partial");
            let file = std::fs::File::create(&partial).expect("create the corpus file");
            let mut writer = std::io::BufWriter::with_capacity(1 << 20, file);
            let summary = generate::write_jsonl(&options, &mut writer).expect("write the corpus");
            drop(writer);
            std::fs::rename(&partial, &jsonl).expect("rename the corpus file");
            eprintln!(
                "generated {} documents ({:.1} MB, {:.1} MB of text) in {:.1}s",
                summary.docs,
                summary.bytes as f64 / 1e6,
                summary.text_bytes as f64 / 1e6,
                started.elapsed().as_secs_f64()
            );
        }
        let jsonl_bytes = std::fs::metadata(&jsonl).map(|m| m.len()).unwrap_or(0);
        BenchCorpus {
            options,
            dir,
            jsonl,
            jsonl_bytes,
        }
    }

    /// The documents, parsed (for the peers' indexes and for query selection).
    pub fn documents(&self) -> impl Iterator<Item = thb_engine::document::Document> {
        use std::io::BufRead;
        let file = std::fs::File::open(&self.jsonl).expect("open the corpus");
        std::io::BufReader::with_capacity(1 << 20, file)
            .lines()
            .map(|line| serde_json::from_str(&line.expect("read the corpus")).expect("a record"))
    }

    pub fn describe(&self) -> String {
        format!(
            "{} documents, seed {}, words {}, {:.1} MB of JSON Lines ({:.2} KB a document)",
            self.options.docs,
            self.options.seed,
            self.options.words,
            self.jsonl_bytes as f64 / 1e6,
            self.jsonl_bytes as f64 / 1e3 / self.options.docs.max(1) as f64
        )
    }
}

/// Peak resident memory of this process since it started or since [`reset_peak_memory`], KiB.
pub fn peak_memory_kib() -> Option<u64> {
    status_field("VmHWM:")
}

/// Resident memory now, KiB.
pub fn resident_memory_kib() -> Option<u64> {
    status_field("VmRSS:")
}

fn status_field(name: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(name))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// CPU time (user + system) this process has used so far, in seconds: against wall time it
/// says how many cores a run kept busy.
pub fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the parenthesised command name; utime and stime are the 12th and 13th.
    let rest = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0) // USER_HZ is 100 on Linux
}

/// Resets the peak (Linux: writing 5 to `clear_refs` resets VmHWM to the current RSS).
pub fn reset_peak_memory() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

/// Bytes of every file under `dir`.
pub fn size_on_disk(dir: &Path) -> u64 {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return std::fs::metadata(dir).map(|m| m.len()).unwrap_or(0);
    };
    entries
        .filter_map(Result::ok)
        .map(|e| {
            let path = e.path();
            if path.is_dir() {
                size_on_disk(&path)
            } else {
                e.metadata().map(|m| m.len()).unwrap_or(0)
            }
        })
        .sum()
}

/// p50, p95, p99 and mean of timings (nearest-rank percentiles).
pub struct Percentiles {
    pub n: usize,
    pub mean: Duration,
    pub p50: Duration,
    pub p95: Duration,
    pub p99: Duration,
}

impl Percentiles {
    pub fn of(samples: &mut [Duration]) -> Percentiles {
        samples.sort_unstable();
        let n = samples.len();
        let at = |p: f64| {
            if n == 0 {
                return Duration::ZERO;
            }
            let rank = ((p * n as f64).ceil() as usize).clamp(1, n);
            samples[rank - 1]
        };
        let total: Duration = samples.iter().sum();
        Percentiles {
            n,
            mean: total / n.max(1) as u32,
            p50: at(0.50),
            p95: at(0.95),
            p99: at(0.99),
        }
    }
}

/// Milliseconds with two decimals, for tables.
pub fn ms(d: Duration) -> String {
    format!("{:.2}", d.as_secs_f64() * 1e3)
}

/// The machine's cores, whatever this process's CPU affinity (`taskset`): what a server here
/// would shape its index for. A bench pinned to one core must not merge the cached indexes
/// into one segment, since `index::search_threads` counts the cores it may run on.
pub fn machine_cores() -> usize {
    let online = std::fs::read_to_string("/sys/devices/system/cpu/online").unwrap_or_default();
    // A list of ranges: `0-1`, `0,2-3`.
    let count: usize = online
        .trim()
        .split(',')
        .filter_map(|range| match range.split_once('-') {
            Some((first, last)) => {
                Some(last.parse::<usize>().ok()? + 1 - first.parse::<usize>().ok()?)
            }
            None => range.parse::<usize>().ok().map(|_| 1),
        })
        .sum();
    if count > 0 {
        count
    } else {
        thb_engine::index::search_threads()
    }
}

/// A theme path and its ancestors (`exploitation/labour` → both), so one term filters a
/// parent with its children, as our hierarchical facet does.
pub fn theme_and_ancestors(theme: &str) -> Vec<String> {
    let parts: Vec<&str> = theme.split('/').collect();
    (1..=parts.len()).map(|n| parts[..n].join("/")).collect()
}

/// SQLite FTS5 as both peers' benches build it: the text in an FTS5 table
/// (`unicode61 remove_diacritics 2`: case and diacritics folded, no stemming), the facets in
/// tables of their own with the indexes a faceted search needs, written in one transaction
/// with the journal and syncs off, ended by FTS5's `optimize` and `ANALYZE`. Returns the
/// documents written.
pub fn build_sqlite_fts5(
    path: &Path,
    documents: impl Iterator<Item = thb_engine::document::Document>,
) -> usize {
    let mut connection = rusqlite::Connection::open(path).unwrap();
    connection
        .execute_batch(
            "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;
             CREATE TABLE docs(id INTEGER PRIMARY KEY, doc_id TEXT NOT NULL, kind TEXT NOT NULL, year INTEGER);
             CREATE TABLE doc_country(doc INTEGER NOT NULL, country TEXT NOT NULL);
             CREATE TABLE doc_theme(doc INTEGER NOT NULL, theme TEXT NOT NULL);
             CREATE VIRTUAL TABLE fts USING fts5(title, text, tokenize = 'unicode61 remove_diacritics 2');",
        )
        .unwrap();
    let tx = connection.transaction().unwrap();
    let mut written = 0;
    {
        let mut doc = tx
            .prepare("INSERT INTO docs(id, doc_id, kind, year) VALUES (?1, ?2, ?3, ?4)")
            .unwrap();
        let mut country = tx
            .prepare("INSERT INTO doc_country(doc, country) VALUES (?1, ?2)")
            .unwrap();
        let mut theme = tx
            .prepare("INSERT INTO doc_theme(doc, theme) VALUES (?1, ?2)")
            .unwrap();
        let mut fts = tx
            .prepare("INSERT INTO fts(rowid, title, text) VALUES (?1, ?2, ?3)")
            .unwrap();
        for (rowid, d) in documents.enumerate() {
            let rowid = rowid as i64 + 1;
            doc.execute(rusqlite::params![
                rowid,
                d.id,
                d.kind.as_str(),
                d.year().map(i64::from)
            ])
            .unwrap();
            for c in &d.country {
                country.execute(rusqlite::params![rowid, c]).unwrap();
            }
            for t in d.themes.iter().flat_map(|t| theme_and_ancestors(t)) {
                theme.execute(rusqlite::params![rowid, t]).unwrap();
            }
            fts.execute(rusqlite::params![rowid, d.title, d.text])
                .unwrap();
            written += 1;
        }
    }
    tx.commit().unwrap();
    connection
        .execute_batch(
            "CREATE INDEX doc_country_by_country ON doc_country(country, doc);
             CREATE INDEX doc_country_by_doc ON doc_country(doc, country);
             CREATE INDEX doc_theme_by_theme ON doc_theme(theme, doc);
             INSERT INTO fts(fts) VALUES('optimize');
             ANALYZE;",
        )
        .unwrap();
    written
}

//! `thb-gen`: writes the deterministic scale corpus (JSON Lines) the benches measure.
//!
//! ```text
//! cargo run --release -p thb-gen -- --docs 100000 --out /tmp/gen.jsonl [--seed 1] [--words 250..350]
//! ```

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::Parser;
use thb_gen::{GenerateOptions, WordRange, DEFAULT_WORDS};

/// Write a deterministic corpus of invented sample documents (JSON Lines) for benchmarks:
/// every language and script we serve, realistic metadata, ids `gen:<seed>:<n>`.
#[derive(Parser, Debug)]
#[command(name = "thb-gen")]
struct Args {
    /// Number of documents.
    #[arg(long)]
    docs: u64,
    /// Seed: the same seed writes the same bytes.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Words of text per document, MIN..MAX (lengths log-uniform between them); about
    /// 250..350 gives the 2 KB documents of the performance targets.
    #[arg(long, default_value_t = DEFAULT_WORDS)]
    words: WordRange,
    /// Output file (`.jsonl`).
    #[arg(long)]
    out: PathBuf,
}

fn main() -> ExitCode {
    match run(Args::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run(args: Args) -> anyhow::Result<()> {
    let Args {
        docs,
        seed,
        words,
        out,
    } = args;
    let started = std::time::Instant::now();
    let file =
        std::fs::File::create(&out).with_context(|| format!("cannot create {}", out.display()))?;
    let mut writer = std::io::BufWriter::with_capacity(1 << 20, file);
    let options = GenerateOptions { docs, seed, words };
    let summary = thb_gen::write_jsonl(&options, &mut writer)
        .with_context(|| format!("cannot write {}", out.display()))?;
    println!(
        "wrote {} documents, {:.1} MB ({:.1} MB of text), seed {seed}, words {words}, to {} in {:.1}s",
        summary.docs,
        summary.bytes as f64 / 1e6,
        summary.text_bytes as f64 / 1e6,
        out.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

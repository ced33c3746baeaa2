//! How the command line shows an ingest's progress (`thb_engine::ingest::Progress`): an
//! indicatif bar on a terminal, a plain line every few seconds otherwise (a log, CI), and the
//! closing figures either way.

use std::io::IsTerminal;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use thb_engine::ingest::{IngestReport, Progress};

/// Progress on stderr.
#[derive(Debug)]
pub struct Stderr {
    bar: Option<indicatif::ProgressBar>,
    started: Instant,
    last_line: Mutex<Instant>,
}

impl Stderr {
    pub fn new() -> Stderr {
        let bar = std::io::stderr().is_terminal().then(|| {
            let bar = indicatif::ProgressBar::new(0);
            bar.set_style(
                indicatif::ProgressStyle::with_template(
                    "{spinner} [{elapsed_precise}] {bar:30} {bytes}/{total_bytes} {msg}",
                )
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            );
            bar
        });
        Stderr {
            bar,
            started: Instant::now(),
            last_line: Mutex::new(Instant::now()),
        }
    }

    fn rate(&self, documents: usize) -> f64 {
        documents as f64 / self.started.elapsed().as_secs_f64().max(1e-6)
    }
}

impl Default for Stderr {
    fn default() -> Self {
        Stderr::new()
    }
}

impl Progress for Stderr {
    fn update(&self, bytes: u64, total_bytes: u64, documents: usize) {
        if let Some(bar) = &self.bar {
            bar.set_length(total_bytes);
            bar.set_position(bytes);
            bar.set_message(format!(
                "{documents} docs, {:.0} docs/s",
                self.rate(documents)
            ));
            return;
        }
        let Ok(mut last) = self.last_line.lock() else {
            return;
        };
        if last.elapsed() >= Duration::from_secs(5) {
            *last = Instant::now();
            eprintln!(
                "ingest: {documents} documents, {:.0} docs/s",
                self.rate(documents)
            );
        }
    }

    fn finished(&self, report: &IngestReport) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
        let documents = report.added + report.updated;
        eprintln!(
            "ingest: {documents} documents in {:.1}s ({:.0} docs/s)",
            report.elapsed.as_secs_f64(),
            self.rate(documents)
        );
    }

    fn merged(&self, before: usize, after: usize, elapsed: Duration) {
        eprintln!(
            "merged {before} segments into {after} in {:.1}s",
            elapsed.as_secs_f64()
        );
    }
}

/// Progress as log events, for the server's corpus build: in the log's format (a JSON line
/// when the log is JSON), every few seconds and at the end.
#[derive(Debug)]
pub struct Log {
    started: Instant,
    last_line: Mutex<Instant>,
}

impl Log {
    pub fn new() -> Log {
        Log {
            started: Instant::now(),
            last_line: Mutex::new(Instant::now()),
        }
    }
}

impl Default for Log {
    fn default() -> Self {
        Log::new()
    }
}

impl Progress for Log {
    fn update(&self, bytes: u64, total_bytes: u64, documents: usize) {
        let Ok(mut last) = self.last_line.lock() else {
            return;
        };
        if last.elapsed() >= Duration::from_secs(5) {
            *last = Instant::now();
            tracing::info!(documents, bytes, total_bytes, "building the index");
        }
    }

    fn finished(&self, report: &IngestReport) {
        tracing::info!(
            documents = report.added + report.updated,
            seconds = self.started.elapsed().as_secs_f64(),
            "ingest finished"
        );
    }

    fn merged(&self, before: usize, after: usize, elapsed: Duration) {
        tracing::info!(
            before,
            after,
            seconds = elapsed.as_secs_f64(),
            "segments merged"
        );
    }
}

//! The `thb-caselaw` command: argument parsing and wiring only; the work is in the library.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context;
use clap::{ArgMatches, CommandFactory, FromArgMatches, Parser, Subcommand};

use thb_caselaw::api::AppState;
use thb_caselaw::app;
use thb_caselaw::config::{self, switch, Config, LogOptions, Settings};
use thb_caselaw::{logging, metrics, server};
use thb_engine::backup;
use thb_engine::domain::countries;
use thb_engine::index::{IndexError, IndexHandle};
use thb_engine::ingest::{self, Format, IngestError, IngestOptions};
use thb_engine::search::{self, SearchError, SearchRequest};
use thb_engine::vocabulary::{Dimension, Parameter, Values, PARAMETERS};

#[derive(Parser)]
#[command(
    name = "thb-caselaw",
    version,
    about = "Case-law and GRETA recommendations database on trafficking in human beings, with multilingual full-text search"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Add or replace documents from .jsonl, .json and .md files or directories.
    Ingest {
        /// Commit after this many documents (and at the end).
        #[arg(long, default_value_t = 100_000)]
        commit_every: usize,
        #[command(flatten)]
        args: WriteArgs,
    },
    /// Import documents in the formats they are published in (HUDOC, the HUDOC-GRETA feed);
    /// reported and upserted as `ingest` does.
    Import {
        #[command(subcommand)]
        format: ImportFormat,
    },
    /// Merge the index's segments into fewer, larger ones: one per core by default, as an
    /// ingest does by itself after a bulk load. For an index grown by many small ingests or
    /// writes through the API; searches get cheaper, deleted documents' space is reclaimed.
    Compact {
        #[arg(long, default_value = "index")]
        index: PathBuf,
        /// How many segments to keep (default: one per core).
        #[arg(long, value_parser = clap::value_parser!(u16).range(1..))]
        segments: Option<u16>,
    },
    /// Write every stored document as JSON Lines in the interchange format (what `ingest`
    /// reads): restricted documents only with `--include-restricted`.
    Export {
        #[arg(long, default_value = "index")]
        index: PathBuf,
        /// The `.jsonl` file to write (it must not exist yet).
        #[arg(long)]
        out: PathBuf,
        /// Include restricted documents (the file then holds them: keep it as restricted).
        #[arg(long)]
        include_restricted: bool,
    },
    /// Copy the index's last commit into a new directory, while it is served and written to.
    Backup {
        #[arg(long, default_value = "index")]
        index: PathBuf,
        /// A new or empty directory.
        #[arg(long)]
        out: PathBuf,
    },
    /// Bring a backup back into a new or empty index directory.
    Restore {
        /// The backup's directory.
        #[arg(long)]
        from: PathBuf,
        /// A new or empty directory (a restore never overwrites an index).
        #[arg(long, default_value = "index")]
        index: PathBuf,
    },
    /// Search the index; `--json` prints exactly what the API returns.
    Search {
        #[arg(long, default_value = "index")]
        index: PathBuf,
        #[command(flatten)]
        parameters: SearchFlags,
        /// Include restricted documents (local use by an authorised person).
        #[arg(long)]
        include_restricted: bool,
        #[arg(long)]
        json: bool,
        /// The query (several words are joined with spaces).
        query: Vec<String>,
    },
    /// Serve the web page and the API, building the index from the corpus first when it is
    /// missing or older than the corpus. Every setting may come from a flag, its `THB_*`
    /// environment variable or the `--config` file, in that order.
    Serve {
        /// Delete the index and build it again from the corpus (documents added by other
        /// means must be ingested again).
        #[arg(long)]
        rebuild: bool,
        #[command(flatten)]
        settings: Settings,
    },
    /// Check the server's settings.
    Config {
        #[command(subcommand)]
        command: ConfigCommand,
    },
    /// What the analysers make of a text: its language and script, and each word's terms in
    /// every field and the stems a query looks it up as (why did this come up? why not?).
    Analyze {
        /// The text's language (BCP 47: sr, sr-Cyrl, sq, tr, …); detected when absent.
        #[arg(long)]
        lang: Option<String>,
        /// Print the analysis as JSON (what `GET /api/analyze` returns).
        #[arg(long)]
        json: bool,
        /// The text (several words are joined with spaces).
        #[arg(required = true)]
        text: Vec<String>,
    },
    /// Document counts by kind, country and language; index size on disk.
    Stats {
        #[arg(long, default_value = "index")]
        index: PathBuf,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum ConfigCommand {
    /// Print the settings `serve` would use, each with where it came from (tokens masked);
    /// exit 2 naming the file, line and setting when one is wrong.
    Check {
        #[command(flatten)]
        settings: Settings,
    },
}

#[derive(Subcommand)]
enum ImportFormat {
    /// HUDOC JSON (ECtHR judgments and decisions): one item per .json file, a JSON array of
    /// items, or JSON Lines; directories are read recursively.
    Hudoc {
        #[command(flatten)]
        args: WriteArgs,
    },
    /// Rows of the HUDOC-GRETA feed (one section title per row), JSON Lines.
    GretaRss {
        #[command(flatten)]
        args: WriteArgs,
    },
}

/// What `ingest` and `import` both take.
#[derive(clap::Args)]
struct WriteArgs {
    #[arg(long, default_value = "index")]
    index: PathBuf,
    /// Writer memory in MiB.
    #[arg(long, default_value_t = 256)]
    heap_mib: usize,
    /// Accept public documents that look like they hold personal data (a JMBG, an e-mail
    /// address, a telephone number) without a word; by default `ingest` rejects them and
    /// `import` (of texts their court or GRETA published) imports them with a warning.
    #[arg(long, env = "THB_ALLOW_PERSONAL_DATA", value_parser = switch)]
    allow_personal_data: bool,
    #[arg(required = true)]
    paths: Vec<PathBuf>,
}

/// The search parameters as `search`'s flags, one for each row of `vocabulary::PARAMETERS`
/// but the query (the command's words): the pairs of a query string, in the order given, so
/// that the command line reads a search as the API does.
struct SearchFlags(Vec<(&'static str, String)>);

/// The parameters with a flag, and their flag.
fn flagged() -> impl Iterator<Item = (&'static Parameter, &'static str)> {
    PARAMETERS.iter().filter_map(|p| Some((p, p.flag?)))
}

impl clap::Args for SearchFlags {
    fn augment_args(command: clap::Command) -> clap::Command {
        flagged().fold(command, |command, (parameter, flag)| {
            let action = match parameter.repeated() {
                true => clap::ArgAction::Append,
                false => clap::ArgAction::Set,
            };
            let arg = clap::Arg::new(flag)
                .long(flag)
                .value_name(parameter.key.to_uppercase())
                .help(parameter.about)
                .action(action);
            // Words written so are clap's possible values: listed in the help, completed by a
            // shell, a misspelling refused with the list. (The empty `sort` is the page's.)
            command.arg(match parameter.values {
                Values::OneOf(words) => arg.value_parser(clap::builder::PossibleValuesParser::new(
                    words().into_iter().filter(|w| !w.is_empty()),
                )),
                _ => arg,
            })
        })
    }

    fn augment_args_for_update(command: clap::Command) -> clap::Command {
        Self::augment_args(command)
    }
}

impl FromArgMatches for SearchFlags {
    fn from_arg_matches(matches: &ArgMatches) -> Result<Self, clap::Error> {
        let mut given: Vec<(usize, &'static str, String)> = Vec::new();
        for (parameter, flag) in flagged() {
            if let (Some(values), Some(at)) =
                (matches.get_many::<String>(flag), matches.indices_of(flag))
            {
                given.extend(at.zip(values).map(|(i, v)| (i, parameter.key, v.clone())));
            }
        }
        given.sort_by_key(|(i, _, _)| *i);
        Ok(SearchFlags(
            given
                .into_iter()
                .map(|(_, key, value)| (key, value))
                .collect(),
        ))
    }

    fn update_from_arg_matches(&mut self, matches: &ArgMatches) -> Result<(), clap::Error> {
        *self = SearchFlags::from_arg_matches(matches)?;
        Ok(())
    }
}

/// A bad parameter named by the flag it came from (`--kind `verdict`: expected …`).
fn named_by_flag(e: SearchError) -> anyhow::Error {
    match &e {
        SearchError::Parameter {
            parameter, message, ..
        } => match Parameter::find(parameter).and_then(|p| p.flag) {
            Some(flag) => anyhow::anyhow!("--{flag} {message}"),
            None => e.into(),
        },
        SearchError::Query(q) => anyhow::anyhow!("query: {q}"),
        _ => e.into(),
    }
}

fn main() -> ExitCode {
    let matches = Cli::command().get_matches();
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    // The matches of the subcommand whose settings are resolved: they tell a flag from its
    // environment variable, for `config check`.
    let settings_matches = match matches.subcommand() {
        Some(("serve", m)) => Some(m.clone()),
        Some(("config", m)) => m.subcommand().map(|(_, m)| m.clone()),
        _ => None,
    };
    match run(cli, settings_matches.as_ref()) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli, settings_matches: Option<&ArgMatches>) -> anyhow::Result<ExitCode> {
    let resolve = |settings: &Settings| {
        config::resolve(settings, settings_matches, std::env::var("RUST_LOG").ok())
    };
    // The server logs as its settings say (resolved below); the other commands log warnings.
    if !matches!(cli.command, Command::Serve { .. } | Command::Config { .. }) {
        logging::init(&LogOptions {
            level: std::env::var("RUST_LOG").unwrap_or_else(|_| "warn".into()),
            ..LogOptions::default()
        });
    }
    match cli.command {
        Command::Serve { rebuild, settings } => {
            let resolved = resolve(&settings)?;
            logging::init(&resolved.config.log);
            serve(resolved.config, rebuild)
        }
        Command::Config {
            command: ConfigCommand::Check { settings },
        } => {
            let resolved = resolve(&settings)?;
            for (name, value, source) in resolved.describe() {
                println!("{name:<20} = {value:<32} ({source})");
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Ingest { commit_every, args } => ingest_files(
            &args,
            IngestOptions {
                commit_every,
                ..IngestOptions::default()
            },
        ),
        Command::Import { format } => {
            let (format, args) = match format {
                ImportFormat::Hudoc { args } => (Format::Hudoc, args),
                ImportFormat::GretaRss { args } => (Format::GretaRss, args),
            };
            ingest_files(
                &args,
                IngestOptions {
                    format,
                    ..IngestOptions::default()
                },
            )
        }
        Command::Search {
            index,
            parameters,
            include_restricted,
            json,
            query,
        } => {
            let handle = IndexHandle::open(&index)?;
            let query = query.join(" ");
            let pairs = std::iter::once(("q", query.as_str())).chain(
                parameters
                    .0
                    .iter()
                    .map(|(key, value)| (*key, value.as_str())),
            );
            let mut request = SearchRequest::from_pairs(pairs).map_err(named_by_flag)?;
            request.include_restricted = include_restricted;
            let response = match search::search(&handle, &request) {
                Ok(r) => r,
                Err(SearchError::Query(q)) => anyhow::bail!("query: {q}"),
                Err(e) => return Err(e.into()),
            };
            if json {
                emit(&format!("{}\n", serde_json::to_string(&response)?))?;
            } else {
                emit(&human_results(&response))?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Export {
            index,
            out,
            include_restricted,
        } => {
            let handle = IndexHandle::open(&index)?;
            let file = std::fs::File::create_new(&out)
                .with_context(|| format!("cannot create {}", out.display()))?;
            let mut writer = std::io::BufWriter::new(file);
            let exported = backup::export(&handle, &mut writer, include_restricted)?;
            println!(
                "exported {} documents to {}{}",
                exported.documents,
                out.display(),
                match exported.restricted_left_out {
                    0 => String::new(),
                    n => format!(" ({n} restricted left out; --include-restricted adds them)"),
                }
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Backup { index, out } => {
            let copied = backup::backup(&index, &out)?;
            println!(
                "backed up {} to {}: {} files, {:.1} MB{}",
                index.display(),
                out.display(),
                copied.files,
                copied.bytes as f64 / 1e6,
                match copied.attempts {
                    1 => String::new(),
                    n => format!(" (the index changed during the copy; {n} attempts)"),
                }
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Restore { from, index } => {
            let copied = backup::restore(&from, &index)?;
            println!(
                "restored {} into {}: {} files, {:.1} MB",
                from.display(),
                index.display(),
                copied.files,
                copied.bytes as f64 / 1e6
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Compact { index, segments } => {
            let handle = IndexHandle::open(&index)?;
            let parts = segments.map_or_else(thb_engine::index::search_threads, usize::from);
            let started = std::time::Instant::now();
            let done = handle.compact(parts)?;
            let searcher = handle.searcher();
            let after = searcher.segment_readers().len();
            if done.merges == 0 {
                println!(
                    "{}: {after} segment(s) already ({} documents), nothing to merge",
                    index.display(),
                    searcher.num_docs()
                );
            } else {
                println!(
                    "{}: {} segments merged into {after} ({} documents, {:.1}s)",
                    index.display(),
                    done.before,
                    searcher.num_docs(),
                    started.elapsed().as_secs_f64()
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Analyze { lang, json, text } => {
            let analysis =
                thb_engine::analysis::explain::analyze(&text.join(" "), lang.as_deref())?;
            if json {
                emit(&format!("{}\n", serde_json::to_string(&analysis)?))?;
            } else {
                emit(&human_analysis(&analysis))?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Stats { index, json } => {
            let handle = IndexHandle::open(&index)?;
            stats(&handle, json)
        }
    }
}

/// `ingest` and `import`: reads the paths into the index, prints the guard's warnings, each
/// rejection as `file:line: field: message` and a summary; exit status 1 when a record was
/// rejected.
fn ingest_files(args: &WriteArgs, options: IngestOptions) -> anyhow::Result<ExitCode> {
    // Check the paths before creating an index a failed run would leave behind.
    ingest::collect_files_of(&args.paths, options.format)?;
    let handle = IndexHandle::open_or_create(&args.index)?;
    let options = IngestOptions {
        heap_bytes: args.heap_mib * 1024 * 1024,
        allow_personal_data: args.allow_personal_data,
        progress: Some(Arc::new(thb_caselaw::progress::Stderr::new())),
        ..options
    };
    let command = if matches!(options.format, Format::Hudoc | Format::GretaRss) {
        "import"
    } else {
        "ingest"
    };
    let report = ingest::ingest_paths(&handle, &args.paths, &options)?;
    // Kept beside the index for the server's /metrics; a failure to keep them is only a warning.
    if let Err(e) = metrics::tally_rejections(&args.index, command, &report.rejected) {
        tracing::warn!("could not count the rejections for /metrics: {e}");
    }
    for warning in &report.warnings {
        eprintln!("{warning}");
    }
    for rejection in &report.rejected {
        eprintln!("{rejection}");
    }
    let warned = if report.warnings.is_empty() {
        String::new()
    } else {
        format!(", {} with a personal data warning", report.warnings.len())
    };
    println!(
        "added {}, updated {}, rejected {}{warned} ({:.1}s)",
        report.added,
        report.updated,
        report.rejected.len(),
        report.elapsed.as_secs_f64()
    );
    Ok(if report.rejected.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn serve(config: Config, rebuild: bool) -> anyhow::Result<ExitCode> {
    if rebuild {
        IndexHandle::remove(&config.index_dir)?;
    }
    let handle = match IndexHandle::open_or_create(&config.index_dir) {
        Ok(handle) => handle,
        Err(e @ IndexError::Incompatible { .. }) => anyhow::bail!(e),
        Err(e) => return Err(e.into()),
    };
    let corpus_options = IngestOptions {
        progress: Some(Arc::new(thb_caselaw::progress::Log::new())),
        allow_personal_data: config.allow_personal_data,
        heap_bytes: config.writer_mib << 20,
        ..IngestOptions::default()
    };
    let mut corpus_rejections = Vec::new();
    match ingest::ensure_corpus_built(&handle, &config.corpus_dir, &corpus_options) {
        Ok(Some(report)) => {
            for rejection in &report.rejected {
                tracing::warn!(reason = rejection.reason.as_str(), "corpus: {rejection}");
            }
            tracing::info!(
                added = report.added,
                updated = report.updated,
                rejected = report.rejected.len(),
                "built the index from {}",
                config.corpus_dir.display()
            );
            corpus_rejections = report.rejected;
        }
        Ok(None) => {}
        Err(IngestError::NoSuchPath { path }) => {
            tracing::warn!(
                "no corpus at {}; serving the index as it is",
                path.display()
            )
        }
        Err(e) => return Err(e.into()),
    }
    thb_text::language::warm_up();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(config.addr)
            .await
            .with_context(|| format!("cannot listen on {}", config.addr))?;
        let local = listener.local_addr()?;
        let options = config.serve;
        let state = Arc::new(AppState::new(handle, config));
        state.metrics.count_rejections("corpus", &corpus_rejections);
        // The line tests and scripts wait for; keep its shape.
        println!("listening on http://{local}");
        tracing::info!(addr = %local, "listening");
        if server::serve(listener, app::router(state), options, shutdown_signal()).await {
            tracing::info!("stopped");
        } else {
            tracing::warn!("stopped, with requests still in flight");
        }
        Ok::<_, anyhow::Error>(())
    })?;
    Ok(ExitCode::SUCCESS)
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    // For supervisors and test harnesses: stop when the parent closes our stdin (or dies).
    let stdin_closed = async {
        if std::env::var_os("THB_STOP_ON_STDIN_EOF").is_none() {
            return std::future::pending::<()>().await;
        }
        // A plain thread, not the blocking pool: the runtime must not wait for it at exit.
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        std::thread::spawn(move || {
            let mut sink = Vec::new();
            let _ = std::io::Read::read_to_end(&mut std::io::stdin(), &mut sink);
            let _ = tx.send(());
        });
        let _ = rx.await;
    };
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
        _ = stdin_closed => {},
    }
}

/// The human-readable results, as one string: written at once by [`emit`].
fn human_results(response: &search::SearchResponse) -> String {
    use std::fmt::Write;
    let bold = std::io::stdout().is_terminal();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} results ({} ms){}",
        response.total,
        response.took_ms,
        if response.total > response.hits.len() {
            format!(", page {}", response.page)
        } else {
            String::new()
        }
    );
    for hit in &response.hits {
        let countries: Vec<String> = hit
            .country
            .iter()
            .map(|c| countries::display_name(c))
            .collect();
        let also = match hit.versions.as_slice() {
            [] => String::new(),
            versions => {
                let languages: Vec<&str> = versions.iter().map(|v| v.language.as_str()).collect();
                format!(" (also in {})", languages.join(", "))
            }
        };
        let _ = writeln!(out);
        let _ = writeln!(out, "{}  [{}]{also}", hit.title, hit.id);
        let _ = writeln!(
            out,
            "  {} · {} · {} · {}{}",
            hit.kind.as_str(),
            countries.join(", "),
            hit.date.as_deref().unwrap_or("undated"),
            hit.court.as_deref().unwrap_or("-"),
            if matches!(
                hit.provenance,
                Some(thb_engine::document::Provenance::Sample)
            ) {
                " · SAMPLE (illustrative)"
            } else {
                ""
            }
        );
        let _ = writeln!(out, "  {}", terminal_snippet(&hit.snippet, bold));
        if let Some(explanation) = &hit.explanation {
            let _ = writeln!(out, "  why: score {:.3}, the sum of", explanation.score);
            for m in &explanation.matches {
                let how = match (&m.expansion, &m.language) {
                    (Some(concept), Some(language)) => format!(" via {concept} ({language})"),
                    (Some(concept), None) => format!(" via {concept}"),
                    (None, Some(stemmer)) => format!(" ({stemmer})"),
                    (None, None) => String::new(),
                };
                let _ = writeln!(
                    out,
                    "    {:+.3}  {}: {}, {}, \"{}\"{how}",
                    m.contribution,
                    m.words,
                    m.field,
                    m.analysis.as_str(),
                    m.term,
                );
            }
        }
    }
    if let Some(partial) = &response.partial {
        let words: Vec<String> = partial
            .words
            .iter()
            .map(|w| format!("{} ({})", w.word, w.documents))
            .collect();
        let _ = writeln!(out);
        let _ = writeln!(
            out,
            "{} more documents match some of your words; each word alone: {}",
            partial.total,
            words.join(", ")
        );
        for hit in &partial.hits {
            let _ = writeln!(out, "  {}  [{}]", hit.title, hit.id);
        }
    }
    if let Some(why) = &response.why_not {
        let _ = writeln!(out);
        let _ = match (why.matches, why.missing.as_slice()) {
            (true, _) => writeln!(out, "{} matches the query", why.id),
            (false, []) => writeln!(out, "{} does not match the query", why.id),
            (false, missing) => writeln!(
                out,
                "{} does not match the query; none of its fields holds: {}",
                why.id,
                missing.join(", ")
            ),
        };
        if !why.filtered_out.is_empty() {
            let _ = writeln!(
                out,
                "{} is left out by the filters: {}",
                why.id,
                why.filtered_out.join(", ")
            );
        }
    }
    if response
        .hits
        .iter()
        .chain(response.partial.iter().flat_map(|p| &p.hits))
        .any(|h| h.country.iter().any(|c| c == "XK"))
    {
        let _ = writeln!(out);
        let _ = writeln!(out, "{}", countries::KOSOVO_NOTE);
    }
    out
}

/// An analysis as a table: one line per word, its terms in each field.
fn human_analysis(analysis: &thb_engine::analysis::explain::Analysis) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "language {} ({}{}), script {}, stemmer {}",
        analysis.language,
        analysis.language_source,
        analysis
            .confidence
            .map(|c| format!(", confidence {c:.2}"))
            .unwrap_or_default(),
        analysis.script,
        analysis.stemmer.unwrap_or("none (folded only)")
    );
    let _ = writeln!(
        out,
        "{:<20} {:<20} {:<20} {:<16} query stems",
        "word", "exact", "folded", "stemmed"
    );
    let none = "-".to_string();
    for w in &analysis.words {
        let mut stems: Vec<String> = w
            .query_stems
            .iter()
            .map(|(language, stem)| format!("{language}:{stem}"))
            .collect();
        stems.dedup();
        let _ = writeln!(
            out,
            "{:<20} {:<20} {:<20} {:<16} {}",
            w.word,
            w.exact.as_ref().unwrap_or(&none),
            w.folded.as_ref().unwrap_or(&none),
            w.stemmed.as_ref().unwrap_or(&none),
            stems.join(" ")
        );
    }
    out
}

/// Writes to standard output; a reader that has gone (`search … | head`) ends the output
/// quietly, as for any Unix tool, instead of the panic of `println!`.
fn emit(text: &str) -> std::io::Result<()> {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

/// A snippet for a terminal: its matches in bold (or [brackets] when piped).
fn terminal_snippet(snippet: &search::snippet::Marked, bold: bool) -> String {
    let (open, close) = if bold {
        ("\x1b[1m", "\x1b[0m")
    } else {
        ("[", "]")
    };
    snippet.render(open, close, |text, out| out.push_str(text))
}

fn stats(handle: &IndexHandle, json: bool) -> anyhow::Result<ExitCode> {
    let request = SearchRequest {
        per_page: 1,
        include_restricted: true,
        ..SearchRequest::default()
    };
    let response = search::search(handle, &request)?;
    // Documents, not hits: a search's total counts a judgment's language versions once.
    let documents = handle.visible_documents(true)?;
    let size = handle.size_on_disk();
    if json {
        let body = serde_json::json!({
            "documents": documents,
            "index_bytes": size,
            "kind": response.facets[Dimension::Kind],
            "country": response.facets[Dimension::Country],
            "language": response.facets[Dimension::Language],
        });
        println!("{body}");
        return Ok(ExitCode::SUCCESS);
    }
    println!("documents: {documents}");
    println!(
        "index size: {:.1} MiB ({})",
        size as f64 / 1_048_576.0,
        handle.dir().display()
    );
    let table = |title: &str, values: &[search::FacetValue], label: &dyn Fn(&str) -> String| {
        println!("\n{title}:");
        for v in values {
            println!("  {:>7}  {}", v.count, label(&v.value));
        }
    };
    table("by kind", &response.facets[Dimension::Kind], &|v| {
        v.to_string()
    });
    table("by country", &response.facets[Dimension::Country], &|v| {
        format!("{v}  {}", countries::display_name(v))
    });
    table("by language", &response.facets[Dimension::Language], &|v| {
        v.to_string()
    });
    if response.facets[Dimension::Country]
        .iter()
        .any(|v| v.value == "XK")
    {
        println!("\n{}", countries::KOSOVO_NOTE);
    }
    Ok(ExitCode::SUCCESS)
}

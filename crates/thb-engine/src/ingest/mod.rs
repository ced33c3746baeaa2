//! Ingest: files (`.jsonl`, `.json`, `.md`) or request bodies → validated documents → the index.
//!
//! Importers of other formats ([`hudoc`], [`greta`]) map each of their records onto the
//! interchange format ([`Format`]); from there a record takes the same path as any other.
//! A rejected record never stops the others. Each rejection is reported as
//! `file:line: field: what is wrong`; the valid records are committed. Validation and language
//! detection run in parallel over batches (they are the CPU-heavy part); the single writer
//! receives the results in input order, so the last version of a repeated id wins.

pub mod greta;
pub mod html;
pub mod hudoc;
pub mod json;
pub mod jsonl;
pub mod markdown;

use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt;
use std::io::BufReader;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use rayon::prelude::*;
use sha2::{Digest, Sha256};
use tantivy::{IndexWriter, TantivyDocument};

use crate::document::{Access, Document, PersonalData, Reason, RecordError};
use crate::domain::thesaurus;
use crate::index::{IndexError, IndexHandle, DEFAULT_WRITER_HEAP_BYTES};
use crate::limits::{MAX_DOCUMENT_BYTES, MAX_JSON_FILE_BYTES};
use crate::privacy;
use thb_text::language;
use thb_text::normalize::prefix_within;

/// A record ready for the writer: the document, its index form (built on a worker thread) and
/// the personal data guard's finding when the guard only warns.
type Prepared = (Document, TantivyDocument, Option<RecordError>);

/// Records validated and detected together; big enough to keep both cores busy.
const BATCH: usize = 256;

/// One record as read, before validation: where it was, and its JSON or why it is unreadable.
#[derive(Debug)]
pub struct RawRecord {
    /// Line (1-based) the record starts on.
    pub line: usize,
    /// Bytes of the source consumed once this record is read (for progress).
    pub offset: u64,
    pub value: Result<serde_json::Value, RecordError>,
}

impl RawRecord {
    pub fn parsed(line: usize, offset: u64, value: serde_json::Value) -> Self {
        RawRecord {
            line,
            offset,
            value: Ok(value),
        }
    }

    pub fn failed(line: usize, offset: u64, error: RecordError) -> Self {
        RawRecord {
            line,
            offset,
            value: Err(error),
        }
    }
}

/// A rejected record: where it was and what is wrong.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Rejection {
    pub source: String,
    pub line: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    pub message: String,
    pub reason: Reason,
}

impl fmt::Display for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: ", self.source, self.line)?;
        if let Some(field) = &self.field {
            write!(f, "{field}: ")?;
        }
        f.write_str(&self.message)
    }
}

/// A document accepted with a finding of the personal data guard ([`PersonalDataGuard::Warn`]):
/// where it was, which document, and the finding (masked, as in a rejection).
#[derive(Debug, Clone, serde::Serialize)]
pub struct Warning {
    pub source: String,
    pub line: usize,
    pub id: String,
    pub field: String,
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}: warning: {}: {}: {}",
            self.source, self.line, self.id, self.field, self.message
        )
    }
}

/// The outcome of one ingest.
#[derive(Debug, Default, Clone, serde::Serialize)]
pub struct IngestReport {
    pub added: usize,
    pub updated: usize,
    pub rejected: Vec<Rejection>,
    /// Documents accepted with a personal data finding (imports of court publications only).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<Warning>,
    /// Ids accepted, in order (for per-record API results).
    #[serde(skip)]
    pub accepted_ids: Vec<(String, usize)>,
    #[serde(skip)]
    pub elapsed: Duration,
    /// Bytes of document text accepted.
    #[serde(skip)]
    pub text_bytes: u64,
}

/// Why an ingest could not run at all (exit status 2), as opposed to rejected records.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error("{path}: no such file or directory")]
    NoSuchPath { path: PathBuf },
    #[error("{path}: unsupported file type; {format} reads {extensions}")]
    Unsupported {
        path: PathBuf,
        format: &'static str,
        extensions: &'static str,
    },
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(transparent)]
    Index(#[from] IndexError),
}

/// How an ingest runs.
#[derive(Debug, Clone)]
pub struct IngestOptions {
    /// Writer memory budget.
    pub heap_bytes: usize,
    /// Commit after this many accepted documents (and at the end).
    pub commit_every: usize,
    /// Where to report how far the ingest is (`None`: nowhere). The front end draws it.
    pub progress: Option<Arc<dyn Progress>>,
    /// Detect the language of documents that do not declare one (off: they are `und`, analysed
    /// without stemming). Off only to measure what detection costs.
    pub detect_language: bool,
    /// Let public documents through the personal data guard (`--allow-personal-data`): for an
    /// operator whose collection is already checked, e.g. judgments that name courts' phones.
    pub allow_personal_data: bool,
    /// What the files hold: our interchange format, or a format an importer maps onto it.
    pub format: Format,
}

impl IngestOptions {
    /// The guard of this run: off when the operator allows personal data, else as the format
    /// asks ([`Format::guard`]).
    pub fn guard(&self) -> PersonalDataGuard {
        if self.allow_personal_data {
            PersonalDataGuard::Allow
        } else {
            self.format.guard()
        }
    }
}

/// What the personal data guard does with a public document in which it finds a likely
/// identifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PersonalDataGuard {
    /// Reject the record (our own documents: `ingest`, the write API).
    #[default]
    Reject,
    /// Accept it and report a [`Warning`]: for courts' own publications, which the court has
    /// published already; the operator decides whether to redact or restrict them.
    Warn,
    /// Do not check (`--allow-personal-data`).
    Allow,
}

/// The formats ingest reads. Each maps its records onto the interchange format
/// (`Document::from_json`), so validation, the guard and the writer are the same for all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// Our own format (README, "Document format"): `.jsonl`, `.json`, `.md`.
    #[default]
    Interchange,
    /// HUDOC's JSON, as its exports, its API and scrapers write it ([`hudoc`]).
    Hudoc,
    /// Rows of the HUDOC-GRETA feed ([`greta`]).
    GretaRss,
}

impl Format {
    /// The command that reads it, for messages.
    fn name(self) -> &'static str {
        match self {
            Format::Interchange => "ingest",
            Format::Hudoc => "import hudoc",
            Format::GretaRss => "import greta-rss",
        }
    }

    /// File extensions read; other files in a directory are skipped.
    fn extensions(self) -> &'static [&'static str] {
        match self {
            Format::Interchange => &["jsonl", "json", "md"],
            Format::Hudoc | Format::GretaRss => &["jsonl", "json"],
        }
    }

    fn extensions_text(self) -> &'static str {
        match self {
            Format::Interchange => ".jsonl, .json and .md",
            Format::Hudoc | Format::GretaRss => ".jsonl and .json",
        }
    }

    /// The guard's default: imported court and GRETA publications are already public, so a
    /// finding warns; our own documents are rejected.
    pub fn guard(self) -> PersonalDataGuard {
        match self {
            Format::Interchange => PersonalDataGuard::Reject,
            Format::Hudoc | Format::GretaRss => PersonalDataGuard::Warn,
        }
    }

    /// One record of this format as a record of the interchange format.
    pub fn to_interchange(
        self,
        value: serde_json::Value,
    ) -> Result<serde_json::Value, RecordError> {
        match self {
            Format::Interchange => Ok(value),
            Format::Hudoc => hudoc::to_record(value),
            Format::GretaRss => greta::to_record(value),
        }
    }
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            heap_bytes: DEFAULT_WRITER_HEAP_BYTES,
            commit_every: 100_000,
            progress: None,
            detect_language: true,
            allow_personal_data: false,
            format: Format::Interchange,
        }
    }
}

/// Expands paths into the files to read: directories recursively (sorted, so runs are
/// reproducible), skipping files of other types and hidden entries; a named file must be of a
/// supported type.
pub fn collect_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, IngestError> {
    collect_files_of(paths, Format::Interchange)
}

/// [`collect_files`] for the files of `format`.
pub fn collect_files_of(paths: &[PathBuf], format: Format) -> Result<Vec<PathBuf>, IngestError> {
    let is_ingestible = |path: &Path| {
        path.extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| format.extensions().contains(&e))
    };
    fn walk(
        dir: &Path,
        out: &mut Vec<PathBuf>,
        is_ingestible: &dyn Fn(&Path) -> bool,
    ) -> Result<(), IngestError> {
        let io = |source| IngestError::Io {
            path: dir.to_path_buf(),
            source,
        };
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .map_err(io)?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| {
                !p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with('.'))
            })
            .collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                walk(&path, out, is_ingestible)?;
            } else if is_ingestible(&path) {
                out.push(path);
            }
        }
        Ok(())
    }
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            walk(path, &mut files, &is_ingestible)?;
        } else if path.is_file() {
            if !is_ingestible(path) {
                return Err(IngestError::Unsupported {
                    path: path.clone(),
                    format: format.name(),
                    extensions: format.extensions_text(),
                });
            }
            files.push(path.clone());
        } else {
            return Err(IngestError::NoSuchPath { path: path.clone() });
        }
    }
    Ok(files)
}

/// A fingerprint of everything ingest would read under `paths` (names and contents), of the
/// index format, of the thesaurus the index's terms and inferred themes come from, and of the
/// options that decide which records are accepted and how they are
/// analysed: when it changes, an index built from those paths is stale. So a corpus first built
/// without `--allow-personal-data` is built again when the server next starts with it, and the
/// records the guard rejected are added.
pub fn corpus_fingerprint(
    paths: &[PathBuf],
    options: &IngestOptions,
) -> Result<String, IngestError> {
    let mut hasher = Sha256::new();
    hasher.update(crate::schema::FORMAT_VERSION.to_le_bytes());
    hasher.update(thesaurus::shipped_file().as_bytes());
    hasher.update([
        u8::from(options.allow_personal_data),
        u8::from(options.detect_language),
    ]);
    for file in collect_files(paths)? {
        let bytes = std::fs::read(&file).map_err(|source| IngestError::Io {
            path: file.clone(),
            source,
        })?;
        hasher.update(file.to_string_lossy().as_bytes());
        hasher.update((bytes.len() as u64).to_le_bytes());
        hasher.update(&bytes);
    }
    Ok(format!("{:x}", hasher.finalize()))
}

/// What [`prepare_with`] does beyond validating the document model.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Preparation {
    /// Detect the language of documents that declare none (off: `und`).
    pub detect_language: bool,
    /// What the personal data guard does with a finding ([`PersonalDataGuard::Allow`] from the
    /// configuration's `allow_personal_data`); a record can also allow itself with
    /// `"personal_data": "allowed"`.
    pub personal_data: PersonalDataGuard,
    /// The format of the records, mapped onto the interchange format first.
    pub format: Format,
}

impl Default for Preparation {
    fn default() -> Self {
        Preparation {
            detect_language: true,
            personal_data: PersonalDataGuard::Reject,
            format: Format::Interchange,
        }
    }
}

/// Validates a record, applies the personal data guard and settles its language (declared, or
/// detected from a sample when `detect` is on, `und` otherwise).
pub fn prepare(value: serde_json::Value, detect: bool) -> Result<Document, RecordError> {
    prepare_with(
        value,
        Preparation {
            detect_language: detect,
            ..Preparation::default()
        },
    )
}

/// [`prepare`] with every choice spelt out; both ingest paths (files and the write API) come
/// through here, so the guard cannot be bypassed by choosing one over the other.
pub fn prepare_with(
    value: serde_json::Value,
    preparation: Preparation,
) -> Result<Document, RecordError> {
    prepare_reporting(value, preparation).map(|(document, _)| document)
}

/// [`prepare_with`], returning with the document the guard's finding when the guard only warns.
fn prepare_reporting(
    value: serde_json::Value,
    preparation: Preparation,
) -> Result<(Document, Option<RecordError>), RecordError> {
    let value = preparation.format.to_interchange(value)?;
    let mut document = Document::from_json(value)?;
    let finding = match preparation.personal_data {
        PersonalDataGuard::Allow => None,
        PersonalDataGuard::Reject => {
            if let Some((field, finding)) = personal_data_finding(&document) {
                return Err(RecordError::field(
                    field,
                    format!(
                        "{finding}; redact it, mark the document restricted, or set \"personal_data\": \"allowed\""
                    ),
                )
                .because(Reason::PersonalData));
            }
            None
        }
        PersonalDataGuard::Warn => personal_data_finding(&document).map(|(field, finding)| {
            RecordError::field(
                field,
                format!("{finding}; imported as published, redact it or mark it restricted if it names a person"),
            )
        }),
    };
    let detect = preparation.detect_language;
    if document.language.is_none() && !detect {
        document.language = Some("und".into());
    }
    if document.language.is_none() {
        let mut sample = String::with_capacity(language::SAMPLE_BYTES + document.title.len());
        sample.push_str(&document.title);
        sample.push_str(". ");
        sample.push_str(prefix_within(&document.text, language::SAMPLE_BYTES));
        document.language = Some(language::detect(&sample).tag);
    }
    // A document declaring no themes takes those of the concepts it names (in its language,
    // now known), kept apart from declared ones.
    if document.themes.is_empty() {
        document.themes_inferred = thesaurus::shipped().infer_themes(
            &document.title,
            &document.text,
            document.language.as_deref(),
        );
    }
    Ok((document, finding))
}

/// The personal data guard (Convention CETS No. 197, Art. 11: victims' identities are
/// protected): the first likely personal number, e-mail address or telephone number in any
/// string of a public document, with the field it is in. The finding names the position but
/// never repeats the identifier. Restricted documents and records marked
/// `"personal_data": "allowed"` have none.
fn personal_data_finding(document: &Document) -> Option<(Cow<'static, str>, privacy::Finding)> {
    if document.access == Access::Restricted
        || document.personal_data == Some(PersonalData::Allowed)
    {
        return None;
    }
    string_fields(document)
        .into_iter()
        .find_map(|(field, value)| privacy::find(value).map(|finding| (field, finding)))
}

/// Every string of a document, named as [`RecordError`] names fields (`greta.paragraph`,
/// `themes[2]`), title first and the long text after the short fields. All of them are stored
/// or indexed, so all of them are published: an identifier in `source_url`'s query or in
/// `court` is as public as one in the text. A test checks that no string field is left out.
fn string_fields(document: &Document) -> Vec<(Cow<'static, str>, &str)> {
    let single = [
        ("id", Some(&document.id)),
        ("title", Some(&document.title)),
        ("court", document.court.as_ref()),
        ("summary", document.summary.as_ref()),
        ("ecli", document.ecli.as_ref()),
        ("application_number", document.application_number.as_ref()),
        ("source_url", document.source_url.as_ref()),
        ("language", document.language.as_ref()),
        (
            "greta.paragraph",
            document.greta.as_ref().and_then(|g| g.paragraph.as_ref()),
        ),
        ("text", Some(&document.text)),
    ];
    let lists = [("country", &document.country), ("themes", &document.themes)];
    single
        .into_iter()
        .filter_map(|(field, value)| Some((Cow::Borrowed(field), value?.as_str())))
        .chain(lists.into_iter().flat_map(|(field, values)| {
            values
                .iter()
                .enumerate()
                .map(move |(i, value)| (Cow::Owned(format!("{field}[{i}]")), value.as_str()))
        }))
        .collect()
}

/// Feeds batches of records to one writer and keeps the counts.
pub struct Session<'a> {
    handle: &'a IndexHandle,
    writer: &'a mut IndexWriter,
    searcher: tantivy::Searcher,
    /// Whether `searcher` shows the writer's starting commit, so that a document it lacks is
    /// known to be new.
    fresh: bool,
    seen: HashSet<String>,
    report: IngestReport,
    since_commit: usize,
    commit_every: usize,
    preparation: Preparation,
    started: Instant,
}

impl<'a> Session<'a> {
    pub fn new(handle: &'a IndexHandle, writer: &'a mut IndexWriter, commit_every: usize) -> Self {
        Self::with_detection(handle, writer, commit_every, true)
    }

    pub fn with_detection(
        handle: &'a IndexHandle,
        writer: &'a mut IndexWriter,
        commit_every: usize,
        detect_language: bool,
    ) -> Self {
        // The writer opened at the last commit; the reader may not have seen it yet (another
        // process's ingest). Without a fresh view, every document is upserted.
        let fresh = handle.reader.reload().is_ok();
        Session {
            searcher: handle.searcher(),
            fresh,
            handle,
            writer,
            seen: HashSet::new(),
            report: IngestReport::default(),
            since_commit: 0,
            commit_every: commit_every.max(1),
            preparation: Preparation {
                detect_language,
                ..Preparation::default()
            },
            started: Instant::now(),
        }
    }

    /// Lets every record of this session through the personal data guard (see [`Preparation`]).
    pub fn allow_personal_data(mut self, allow: bool) -> Self {
        self.preparation.personal_data = if allow {
            PersonalDataGuard::Allow
        } else {
            PersonalDataGuard::Reject
        };
        self
    }

    /// What the guard does with a finding in this session's records.
    pub fn personal_data_guard(mut self, guard: PersonalDataGuard) -> Self {
        self.preparation.personal_data = guard;
        self
    }

    /// The format of the records this session is given (mapped on the worker threads).
    pub fn format(mut self, format: Format) -> Self {
        self.preparation.format = format;
        self
    }

    /// Validates and detects a batch in parallel, then upserts the good records in order.
    pub fn add_batch(&mut self, source: &str, batch: Vec<RawRecord>) -> Result<(), IndexError> {
        let preparation = self.preparation;
        let handle = self.handle;
        let prepared: Vec<(usize, Result<Prepared, RecordError>)> = batch
            .into_par_iter()
            .map(|record| {
                let result = record
                    .value
                    .and_then(|v| prepare_reporting(v, preparation))
                    .map(|(document, finding)| {
                        let built = handle.to_tantivy(&document);
                        (document, built, finding)
                    });
                (record.line, result)
            })
            .collect();
        for (line, result) in prepared {
            match result {
                Ok((document, built, finding)) => {
                    if let Some(finding) = finding {
                        self.report.warnings.push(Warning {
                            source: source.to_string(),
                            line,
                            id: document.id.clone(),
                            field: finding.field.unwrap_or_default(),
                            message: finding.message,
                        });
                    }
                    // The session holds the only writer: what its searcher and its own ids do
                    // not know is new.
                    let existed = !self.seen.insert(document.id.clone())
                        || self.handle.is_live(&self.searcher, &document.id)?;
                    if existed || !self.fresh {
                        self.handle.upsert(self.writer, &document.id, built)?;
                    } else {
                        self.handle.add_new(self.writer, built)?;
                    }
                    if existed {
                        self.report.updated += 1;
                    } else {
                        self.report.added += 1;
                    }
                    self.report.text_bytes += document.text.len() as u64;
                    self.report.accepted_ids.push((document.id, line));
                    self.since_commit += 1;
                }
                Err(error) => self.report.rejected.push(Rejection {
                    source: source.to_string(),
                    line,
                    field: error.field,
                    message: error.message,
                    reason: error.reason,
                }),
            }
        }
        if self.since_commit >= self.commit_every {
            self.commit()?;
        }
        Ok(())
    }

    /// Commits what was added so far.
    pub fn commit(&mut self) -> Result<(), IndexError> {
        self.handle.commit(self.writer)?;
        self.since_commit = 0;
        Ok(())
    }

    pub fn accepted(&self) -> usize {
        self.report.added + self.report.updated
    }

    /// Commits and returns the report.
    pub fn finish(mut self) -> Result<IngestReport, IndexError> {
        self.commit()?;
        self.report.elapsed = self.started.elapsed();
        Ok(self.report)
    }
}

/// Ingests files and directories into the index with the single writer, committing every
/// `commit_every` documents and at the end.
pub fn ingest_paths(
    handle: &IndexHandle,
    paths: &[PathBuf],
    options: &IngestOptions,
) -> Result<IngestReport, IngestError> {
    let files = collect_files_of(paths, options.format)?;
    let total_bytes: u64 = files
        .iter()
        .filter_map(|f| std::fs::metadata(f).ok())
        .map(|m| m.len())
        .sum();
    let mut writer = handle.writer(options.heap_bytes)?;
    if handle.searcher().num_docs() == 0 {
        // A first build ends with its own merge (`compact_after_bulk_load`); merges while the
        // segments are still being written would rewrite the same postings again and again.
        writer.set_merge_policy(Box::new(tantivy::indexer::NoMergePolicy));
    }
    let mut session = Session::with_detection(
        handle,
        &mut writer,
        options.commit_every,
        options.detect_language,
    )
    .personal_data_guard(options.guard())
    .format(options.format);
    let progress = |bytes: u64, documents: usize| {
        if let Some(p) = &options.progress {
            p.update(bytes, total_bytes, documents);
        }
    };
    let mut done_bytes = 0u64;
    for file in &files {
        let source = file.display().to_string();
        let mut records = open_records(file)?;
        loop {
            let batch: Vec<RawRecord> = records.by_ref().take(BATCH).collect();
            let Some(last) = batch.last() else { break };
            let offset = last.offset;
            session.add_batch(&source, batch)?;
            progress(done_bytes + offset, session.accepted());
        }
        done_bytes += std::fs::metadata(file).map(|m| m.len()).unwrap_or(0);
        progress(done_bytes, session.accepted());
    }
    let report = session.finish()?;
    if let Some(p) = &options.progress {
        p.finished(&report);
    }
    writer.wait_merging_threads().map_err(IndexError::from)?;
    release_freed_memory();
    compact_after_bulk_load(handle, &report, options.progress.as_deref())?;
    Ok(report)
}

/// Hands the memory the writer has freed back to the system before the closing merge maps the
/// whole index into the process. glibc keeps freed heap pages for reuse, so the writer's
/// 600 MiB stayed resident under the merge's mapped files: 1.4 GiB at 100,000 long documents
/// (`benches/RESULTS.md`, issue 24).
fn release_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `malloc_trim` only returns free heap memory to the kernel; glibc's allocator
    // locks its arenas while it does, so it is sound at any time, from any thread.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// After an ingest that wrote at least half of the index (a first build, a rebuild), merges
/// its segments into one per search thread (see `IndexHandle::compact`). A small ingest into a
/// large index leaves the segments to the writer's merge policy: rewriting a large index for
/// a few documents would cost far more than it saves.
fn compact_after_bulk_load(
    handle: &IndexHandle,
    report: &IngestReport,
    progress: Option<&dyn Progress>,
) -> Result<(), IndexError> {
    let parts = crate::index::search_threads();
    let (segments, documents) = {
        // Not held during the merges: a searcher keeps its segments' files on disk.
        let searcher = handle.searcher();
        (searcher.segment_readers().len(), searcher.num_docs())
    };
    let written = (report.added + report.updated) as u64;
    if segments <= parts || written * 2 < documents {
        return Ok(());
    }
    let started = Instant::now();
    let before = match handle.compact(parts) {
        Ok(done) => done.before,
        // Another writer took the index between the ingest's writer and this one. Everything
        // is committed; the segments stay as they are until the next bulk load or `compact`.
        Err(IndexError::Locked { dir }) => {
            tracing::warn!(
                "{}: left uncompacted, another writer holds it",
                dir.display()
            );
            return Ok(());
        }
        Err(e) => return Err(e),
    };
    if let Some(p) = progress {
        let after = handle.searcher().segment_readers().len();
        p.merged(before, after, started.elapsed());
    }
    Ok(())
}

/// The records of one file, by its type: JSON Lines streamed, `.json` and `.md` read whole
/// (within their size limits).
fn open_records(file: &Path) -> Result<Box<dyn Iterator<Item = RawRecord>>, IngestError> {
    let io = |source| IngestError::Io {
        path: file.to_path_buf(),
        source,
    };
    let extension = file.extension().and_then(|e| e.to_str()).unwrap_or("");
    if extension == "jsonl" {
        let reader = BufReader::with_capacity(1 << 20, std::fs::File::open(file).map_err(io)?);
        return Ok(Box::new(jsonl::records(reader)));
    }
    let size = std::fs::metadata(file).map_err(io)?.len();
    let limit = if extension == "md" {
        MAX_DOCUMENT_BYTES as u64
    } else {
        MAX_JSON_FILE_BYTES
    };
    if size > limit {
        return Ok(Box::new(std::iter::once(RawRecord::failed(
            1,
            size,
            RecordError::record(format!(
                "file is {size} bytes; the largest accepted .{extension} file is {limit} bytes"
            )),
        ))));
    }
    let bytes = std::fs::read(file).map_err(io)?;
    if extension == "json" {
        return Ok(Box::new(json::records_from_bytes(&bytes).into_iter()));
    }
    let records = match String::from_utf8(bytes) {
        Ok(text) => vec![markdown::record(&text)],
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let line = e.as_bytes()[..at].iter().filter(|b| **b == b'\n').count() + 1;
            vec![RawRecord::failed(
                line,
                size,
                RecordError::record(format!("invalid UTF-8 at byte {}", at + 1)),
            )]
        }
    };
    Ok(Box::new(records.into_iter()))
}

/// Where an ingest reports how far it is. The engine only counts; a front end draws (the
/// command line's bar or log lines, nothing for the write API).
pub trait Progress: Send + Sync + std::fmt::Debug {
    /// `bytes` of the files' `total_bytes` read, `documents` accepted so far.
    fn update(&self, bytes: u64, total_bytes: u64, documents: usize);
    /// Every record is read and committed.
    fn finished(&self, report: &IngestReport);
    /// The closing merge of a bulk load: `before` segments merged into `after` in `elapsed`.
    fn merged(&self, _before: usize, _after: usize, _elapsed: Duration) {}
}

/// Builds the corpus into the index when the index has never seen this corpus (missing, or the
/// corpus changed since): an upsert of every corpus document, so documents added by other means
/// are kept. Returns the report when it built, `None` when the index was up to date.
pub fn ensure_corpus_built(
    handle: &IndexHandle,
    corpus_dir: &Path,
    options: &IngestOptions,
) -> Result<Option<IngestReport>, IngestError> {
    if !corpus_dir.is_dir() {
        return Err(IngestError::NoSuchPath {
            path: corpus_dir.to_path_buf(),
        });
    }
    let paths = [corpus_dir.to_path_buf()];
    let fingerprint = corpus_fingerprint(&paths, options)?;
    if handle.marker()?.corpus_fingerprint.as_deref() == Some(fingerprint.as_str()) {
        return Ok(None);
    }
    let report = ingest_paths(handle, &paths, options)?;
    handle.set_corpus_fingerprint(&fingerprint)?;
    Ok(Some(report))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// The JMBG example of the literature (1 January 2006, region 50; its check digit 6 is
    /// worked out in `privacy`'s tests, which also build valid numbers from the formula).
    const VALID_JMBG: &str = "0101006500006";

    fn record(text: &str) -> serde_json::Value {
        json!({
            "id": "rs:sample:k-1-2020",
            "kind": "judgment",
            "title": "Viši sud u Nišu, K 1/2020",
            "text": text,
            "country": "RS",
            "language": "sr-Latn"
        })
    }

    fn guarded(value: serde_json::Value) -> Result<Document, RecordError> {
        prepare(value, false)
    }

    #[test]
    fn a_public_record_with_a_personal_number_is_rejected_at_its_position() {
        let text = format!("Okrivljeni A.B.\nrođen u Nišu,\nJMBG {VALID_JMBG}, osuđen je.");
        let error = guarded(record(&text)).unwrap_err();
        assert_eq!(error.field.as_deref(), Some("text"));
        assert_eq!(
            error.message,
            "looks like an unredacted personal number (JMBG) at line 3, column 6 (`0101…`); \
             redact it, mark the document restricted, or set \"personal_data\": \"allowed\""
        );
        assert!(!error.to_string().contains(VALID_JMBG));
    }

    #[test]
    fn titles_and_summaries_are_checked_too() {
        let mut value = record("Presuda.");
        value["summary"] = json!("Svedok (tel. 064/123-4567) je saslušan.");
        let error = guarded(value.clone()).unwrap_err();
        assert_eq!(error.field.as_deref(), Some("summary"));
        assert!(
            error
                .message
                .contains("telephone number at line 1, column 14"),
            "{error}"
        );
        value["title"] = json!("Presuda, kontakt ana@example.org");
        assert_eq!(guarded(value).unwrap_err().field.as_deref(), Some("title"));
    }

    #[test]
    fn restricted_allowed_and_checksum_invalid_records_pass() {
        let text = format!("JMBG {VALID_JMBG}");
        let mut restricted = record(&text);
        restricted["access"] = json!("restricted");
        assert!(guarded(restricted).is_ok());
        let mut allowed = record(&text);
        allowed["personal_data"] = json!("allowed");
        assert!(guarded(allowed).is_ok());
        let by_configuration = prepare_with(
            record(&text),
            Preparation {
                detect_language: false,
                personal_data: PersonalDataGuard::Allow,
                ..Preparation::default()
            },
        );
        assert!(by_configuration.is_ok());
        let wrong_check_digit = "0101006500007";
        assert!(guarded(record(&format!("broj {wrong_check_digit}"))).is_ok());
    }

    /// `VALID_JMBG` in full-width digits, which the index reads as plain ones.
    fn full_width_jmbg() -> String {
        VALID_JMBG
            .chars()
            .map(|c| char::from_u32(u32::from('０') + c.to_digit(10).unwrap()).unwrap())
            .collect()
    }

    #[test]
    fn an_identifier_in_any_field_is_rejected_naming_that_field() {
        let rows = [
            (
                "court",
                json!(format!("Viši sud, JMBG {}", full_width_jmbg())),
            ),
            (
                "source_url",
                json!(format!("https://example.org/predmet?jmbg={VALID_JMBG}")),
            ),
            (
                "source_url",
                json!(format!("https://example.org/osoba/{VALID_JMBG}")),
            ),
            ("ecli", json!(format!("ECLI:RS:VSRS:2019:{VALID_JMBG}"))),
            ("application_number", json!(VALID_JMBG)),
            ("summary", json!("Svedok, tel. 064/123-4567.")),
            (
                "greta",
                json!({"round": 3, "paragraph": "kontakt: ana (at) example.org"}),
            ),
        ];
        for (field, value) in rows {
            let mut record = record("Presuda.");
            record[field] = value;
            let error = guarded(record).unwrap_err();
            let expected = if field == "greta" {
                "greta.paragraph"
            } else {
                field
            };
            assert_eq!(error.field.as_deref(), Some(expected), "{error}");
            assert!(
                error.message.contains("looks like an unredacted"),
                "{error}"
            );
            assert!(!error.to_string().contains(VALID_JMBG), "{error}");
        }
        let error = guarded({
            let mut record = record("Presuda.");
            record["source_url"] = json!(format!("https://example.org/?q={}", full_width_jmbg()));
            record
        })
        .unwrap_err();
        assert_eq!(
            error.to_string(),
            "source_url: looks like an unredacted personal number (JMBG) at line 1, column 24 \
             (`０１０１…`); redact it, mark the document restricted, or set \"personal_data\": \"allowed\""
        );
    }

    #[test]
    fn identifiers_of_decisions_pass_in_their_own_fields() {
        let mut value = record("Presuda od 12.03.2020, K 45/2019, iznos 1 055 089 000 dinara.");
        value["court"] = json!("European Court of Human Rights");
        value["ecli"] = json!("ECLI:CE:ECHR:2010:0107JUD002596504");
        value["application_number"] = json!("25965/04");
        value["source_url"] = json!("https://hudoc.echr.coe.int/eng?i=001-96549");
        value["greta"] = json!({"round": 3, "paragraph": "283"});
        value["themes"] = json!(["exploitation/labour"]);
        let document = guarded(value).unwrap();
        assert_eq!(
            document.ecli.as_deref(),
            Some("ECLI:CE:ECHR:2010:0107JUD002596504")
        );
        for ecli in [
            "ECLI:NL:HR:2019:1234",
            "ECLI:EU:C:2019:1234",
            "ECLI:SI:VSRS:2019:I.IPS.12345.2018",
        ] {
            let mut value = record("Presuda.");
            value["ecli"] = json!(ecli);
            assert!(guarded(value).is_ok(), "{ecli}");
        }
    }

    #[test]
    fn every_string_field_is_checked() {
        // A document with every field filled, serialised: each string in it must be one the
        // guard checks, or a value the format restricts to a closed list or a date. A string
        // field added to `Document` fails here until `string_fields` names it.
        let mut value = record("Presuda.");
        for (field, v) in [
            ("court", json!("Viši sud u Nišu")),
            ("date", json!("2020-03-12")),
            ("summary", json!("Sažetak.")),
            ("ecli", json!("ECLI:RS:VSNI:2020:1")),
            ("application_number", json!("1/20")),
            ("source_url", json!("https://example.org/k-1-2020")),
            ("themes", json!(["exploitation/labour"])),
            (
                "greta",
                json!({"round": 3, "strength": "urges", "articles": [4], "paragraph": "7"}),
            ),
            ("access", json!("public")),
            ("provenance", json!("sample")),
            ("personal_data", json!("allowed")),
        ] {
            value[field] = v;
        }
        value["country"] = json!(["RS", "ME"]);
        let document = Document::from_json(value).unwrap();
        let checked: Vec<(String, String)> = string_fields(&document)
            .into_iter()
            .map(|(field, value)| (field.into_owned(), value.to_string()))
            .collect();
        let closed = [
            "kind",
            "date",
            "greta.strength",
            "access",
            "provenance",
            "personal_data",
        ];
        let mut pending = vec![(String::new(), serde_json::to_value(&document).unwrap())];
        let mut strings = 0;
        while let Some((path, value)) = pending.pop() {
            match value {
                serde_json::Value::String(s) => {
                    strings += 1;
                    assert!(
                        closed.contains(&path.as_str()) || checked.contains(&(path.clone(), s)),
                        "{path} is not checked by the guard"
                    );
                }
                serde_json::Value::Array(values) => pending.extend(
                    values
                        .into_iter()
                        .enumerate()
                        .map(|(i, v)| (format!("{path}[{i}]"), v)),
                ),
                serde_json::Value::Object(fields) => {
                    pending.extend(fields.into_iter().map(|(k, v)| {
                        (
                            if path.is_empty() {
                                k
                            } else {
                                format!("{path}.{k}")
                            },
                            v,
                        )
                    }))
                }
                _ => {}
            }
        }
        assert!(strings >= 19, "only {strings} strings seen");
    }

    #[test]
    fn a_warning_guard_keeps_the_document_and_reports_the_masked_finding() {
        let text = format!("JMBG {VALID_JMBG}");
        let (document, finding) = prepare_reporting(
            record(&text),
            Preparation {
                detect_language: false,
                personal_data: PersonalDataGuard::Warn,
                ..Preparation::default()
            },
        )
        .unwrap();
        assert_eq!(document.id, "rs:sample:k-1-2020");
        let finding = finding.expect("the finding is reported");
        assert_eq!(finding.field.as_deref(), Some("text"));
        assert!(finding.message.contains("personal number (JMBG) at line 1"));
        assert!(finding.message.contains("imported as published"));
        assert!(!finding.message.contains(VALID_JMBG));
    }

    #[test]
    fn imports_warn_and_ingest_rejects_unless_allowed() {
        let options = |format, allow_personal_data| IngestOptions {
            format,
            allow_personal_data,
            ..IngestOptions::default()
        };
        assert_eq!(
            options(Format::Interchange, false).guard(),
            PersonalDataGuard::Reject
        );
        assert_eq!(
            options(Format::Hudoc, false).guard(),
            PersonalDataGuard::Warn
        );
        assert_eq!(
            options(Format::GretaRss, false).guard(),
            PersonalDataGuard::Warn
        );
        assert_eq!(
            options(Format::Hudoc, true).guard(),
            PersonalDataGuard::Allow
        );
    }
}

//! The on-disk index: opening and creating it, its format version, the single writer, upserts,
//! and the record of which corpus it was built from.
//!
//! Safety rests on tantivy's own guarantees: a commit is atomic (a killed process leaves the
//! last commit readable), and its writer lock admits one writer per index across processes.
//! Upserts delete the id's term and add the new version in the same commit, so a re-run of an
//! interrupted ingest never duplicates a document.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};
use tantivy::collector::TopDocs;
use tantivy::directory::error::LockError;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{
    Index, IndexReader, IndexWriter, ReloadPolicy, Searcher, TantivyDocument, TantivyError, Term,
    Warmer,
};

use crate::analysis::{self, StemLanguage};
use crate::cited;
use crate::columns::FacetTables;
use crate::document::{Access, Document, Provenance};
use crate::domain::citations::{self, Citation, CitationKind};
use crate::domain::thesaurus;
use crate::limits::MAX_LANGUAGE_VERSIONS;
use crate::schema::{self, restricted_term, Fields, FORMAT_VERSION};
use crate::versions::{self, Version};
use crate::vocabulary::DIMENSIONS;

/// The file beside tantivy's own that records the format version and the corpus fingerprint.
pub(crate) const MARKER_FILE: &str = "thb-caselaw.json";

/// The file beside the index where `ingest` and `import` runs tally their rejections for the
/// server's `/metrics` (written by the front end). Part of the index directory: a rebuild
/// removes it with the rest, and its counts start again as a new index's do.
pub const REJECTIONS_FILE: &str = "rejections.json";

/// Memory for the writer's in-flight segments, split across its threads.
pub const DEFAULT_WRITER_HEAP_BYTES: usize = 256 * 1024 * 1024;

/// How many threads run a search's segments: tantivy's default executor, one per core.
pub fn search_threads() -> usize {
    std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
}

#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    #[error("no index at {dir}: build one with `thb-caselaw ingest --index {dir} corpus/` or `thb-caselaw serve`")]
    Missing { dir: PathBuf },
    #[error("{dir} is not empty and holds no thb-caselaw index; refusing to write into it")]
    NotAnIndex { dir: PathBuf },
    #[error(
        "the index at {dir} was written by format {found}, this build reads format {expected}: \
         rebuild it with `thb-caselaw serve --rebuild` (or delete {dir} and ingest again)"
    )]
    Incompatible {
        dir: PathBuf,
        found: u32,
        expected: u32,
    },
    #[error("the index at {dir} is locked by another writer (an ingest or a server applying writes); try again when it has finished")]
    Locked { dir: PathBuf },
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("index error: {0}")]
    Tantivy(#[from] TantivyError),
}

/// What the marker file (`thb-caselaw.json`, in the index folder) holds.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Marker {
    pub format_version: u32,
    /// Fingerprint of the corpus last built into this index (see `ingest::corpus_fingerprint`).
    #[serde(default)]
    pub corpus_fingerprint: Option<String>,
}

/// An open index with its reader and resolved fields. Cheap to share behind an `Arc`.
pub struct IndexHandle {
    pub(crate) index: Index,
    pub(crate) reader: IndexReader,
    pub(crate) fields: Fields,
    pub(crate) dir: PathBuf,
    /// Facet values per segment, kept current by the reader as its warmer.
    pub(crate) facet_tables: Arc<FacetTables>,
}

impl IndexHandle {
    /// The index's resolved fields.
    pub fn fields(&self) -> &Fields {
        &self.fields
    }

    /// The index directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The facet tables the searches count with.
    pub fn facet_tables(&self) -> &Arc<FacetTables> {
        &self.facet_tables
    }

    /// The same index counting its facets with `tables`, for the tests and benches that compare
    /// table shapes (the reader's warmer goes on filling the tables it was opened with; these
    /// fill themselves on first use).
    pub fn with_facet_tables(mut self, tables: FacetTables) -> IndexHandle {
        self.facet_tables = Arc::new(tables);
        self
    }

    /// Brings the reader to the last commit (a writer in another process, or this one's).
    pub fn reload(&self) -> Result<(), IndexError> {
        Ok(self.reader.reload()?)
    }

    /// Opens the index at `dir`, refusing a missing one or one of another format.
    pub fn open(dir: &Path) -> Result<IndexHandle, IndexError> {
        if !dir.join("meta.json").exists() {
            return Err(IndexError::Missing {
                dir: dir.to_path_buf(),
            });
        }
        let marker = read_marker(dir)?;
        let found = marker.map(|m| m.format_version).unwrap_or(0);
        if found != FORMAT_VERSION {
            return Err(IndexError::Incompatible {
                dir: dir.to_path_buf(),
                found,
                expected: FORMAT_VERSION,
            });
        }
        let index = Index::open_in_dir(dir)?;
        Self::from_index(index, dir)
    }

    /// Opens the index at `dir`, creating an empty one when there is none.
    pub fn open_or_create(dir: &Path) -> Result<IndexHandle, IndexError> {
        if dir.join("meta.json").exists() {
            return Self::open(dir);
        }
        std::fs::create_dir_all(dir).map_err(|source| IndexError::Io {
            path: dir.to_path_buf(),
            source,
        })?;
        let foreign = std::fs::read_dir(dir)
            .map_err(|source| IndexError::Io {
                path: dir.to_path_buf(),
                source,
            })?
            .filter_map(Result::ok)
            .any(|e| {
                let name = e.file_name();
                let name = name.to_string_lossy();
                !(name.starts_with('.') || name == "README.md" || name == REJECTIONS_FILE)
            });
        if foreign {
            return Err(IndexError::NotAnIndex {
                dir: dir.to_path_buf(),
            });
        }
        let index = Index::builder()
            .schema(schema::build())
            .settings(schema::settings())
            .create_in_dir(dir)?;
        write_marker(
            dir,
            &Marker {
                format_version: FORMAT_VERSION,
                corpus_fingerprint: None,
            },
        )?;
        Self::from_index(index, dir)
    }

    /// Deletes the index files at `dir` (only ours and tantivy's), for `--rebuild`.
    pub fn remove(dir: &Path) -> Result<(), IndexError> {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return Ok(());
        };
        for entry in entries.filter_map(Result::ok) {
            let name = entry.file_name().to_string_lossy().into_owned();
            let ours = name == "meta.json"
                || name == MARKER_FILE
                || name == REJECTIONS_FILE
                || name == ".managed.json"
                || name.ends_with(".lock")
                || tantivy_segment_file(&name);
            if ours {
                std::fs::remove_file(entry.path()).map_err(|source| IndexError::Io {
                    path: entry.path(),
                    source,
                })?;
            }
        }
        Ok(())
    }

    fn from_index(mut index: Index, dir: &Path) -> Result<IndexHandle, IndexError> {
        analysis::register(index.tokenizers(), thesaurus::shipped_phrase_terms());
        index.set_default_multithread_executor()?;
        let fields = Fields::resolve(&index.schema())?;
        let facet_tables = Arc::new(FacetTables::default());
        let warmer: Arc<dyn Warmer> = facet_tables.clone();
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::OnCommitWithDelay)
            .warmers(vec![Arc::downgrade(&warmer)])
            .try_into()?;
        Ok(IndexHandle {
            index,
            reader,
            fields,
            dir: dir.to_path_buf(),
            facet_tables,
        })
    }

    /// The single writer. Fails at once (no waiting) when another process or thread holds it.
    pub fn writer(&self, heap_bytes: usize) -> Result<IndexWriter, IndexError> {
        let threads = std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
            .clamp(1, 4);
        let heap = heap_bytes.max(threads * 20_000_000);
        match self.index.writer_with_num_threads(threads, heap) {
            Ok(writer) => Ok(writer),
            Err(TantivyError::LockFailure(LockError::LockBusy, _)) => Err(IndexError::Locked {
                dir: self.dir.clone(),
            }),
            Err(e) => Err(e.into()),
        }
    }

    /// Commits with the commit time as payload, then makes the commit visible to searches here.
    pub fn commit(&self, writer: &mut IndexWriter) -> Result<(), IndexError> {
        let mut prepared = writer.prepare_commit()?;
        let payload = CommitPayload {
            committed_at: SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map(|d| d.as_secs())
                .unwrap_or(0),
        };
        prepared.set_payload(&serde_json::to_string(&payload).unwrap_or_default());
        prepared.commit()?;
        self.reader.reload()?;
        Ok(())
    }

    pub fn searcher(&self) -> Searcher {
        self.reader.searcher()
    }

    /// Unix time of the last commit, if any.
    pub fn last_commit(&self) -> Option<u64> {
        let metas = self.index.load_metas().ok()?;
        let payload: CommitPayload = serde_json::from_str(metas.payload.as_deref()?).ok()?;
        Some(payload.committed_at)
    }

    /// True when a live document with this id is in the searcher's view. Counted through the
    /// segments' deletes: the term dictionary's document frequency still counts a deleted
    /// document until its segment is merged (a deleted id ingested again is new, not updated).
    pub fn is_live(&self, searcher: &Searcher, id: &str) -> Result<bool, IndexError> {
        let term = Term::from_field_text(self.fields.id, id);
        // Ingest asks this of every document it writes: a dictionary lookup per segment, and
        // the id's few postings tested against the deletes, rather than a search each time.
        for segment in searcher.segment_readers() {
            let inverted = segment.inverted_index(self.fields.id)?;
            let postings = inverted
                .read_postings(&term, IndexRecordOption::Basic)
                .map_err(TantivyError::from)?;
            let Some(mut postings) = postings else {
                continue;
            };
            let alive = segment.alive_bitset();
            let mut doc = tantivy::DocSet::doc(&postings);
            while doc != tantivy::TERMINATED {
                if alive.is_none_or(|a| a.is_alive(doc)) {
                    return Ok(true);
                }
                doc = tantivy::DocSet::advance(&mut postings);
            }
        }
        Ok(false)
    }

    /// Replaces (or adds) a document, built by [`Self::to_tantivy`]: delete by id, then add,
    /// both landing in the next commit.
    pub fn upsert(
        &self,
        writer: &IndexWriter,
        id: &str,
        built: TantivyDocument,
    ) -> Result<(), IndexError> {
        writer.delete_term(Term::from_field_text(self.fields.id, id));
        writer.add_document(built)?;
        Ok(())
    }

    /// Adds a document the caller knows is neither in the index nor among the writer's
    /// uncommitted documents: no delete by id, which at a million documents is a million terms
    /// for every commit to resolve against every segment.
    pub fn add_new(&self, writer: &IndexWriter, built: TantivyDocument) -> Result<(), IndexError> {
        writer.add_document(built)?;
        Ok(())
    }

    /// Deletes a document by id (in the next commit).
    pub fn delete(&self, writer: &IndexWriter, id: &str) {
        writer.delete_term(Term::from_field_text(self.fields.id, id));
    }

    /// Maps a validated document (its language already settled) to index fields. This reads
    /// the text's citations, so ingest calls it on its worker threads, not on the thread that
    /// feeds the writer; the stemming happens on tantivy's indexing threads
    /// (`analysis::StemRouter`).
    pub fn to_tantivy(&self, d: &Document) -> TantivyDocument {
        let f = &self.fields;
        let mut doc = TantivyDocument::default();
        doc.add_text(f.id, &d.id);
        doc.add_text(f.title, &d.title);
        doc.add_text(f.title_folded, &d.title);
        doc.add_text(f.text, &d.text);
        doc.add_text(f.text_folded, &d.text);
        doc.add_text(f.ident, &d.id);
        for ident in [&d.ecli, &d.application_number].into_iter().flatten() {
            doc.add_text(f.ident, ident);
        }
        // A case joined from several applications is found by any of them.
        for number in d.echr.iter().flat_map(|e| &e.application_numbers) {
            if d.application_number.as_ref() != Some(number) {
                doc.add_text(f.ident, number);
            }
        }
        if let Some(court) = &d.court {
            doc.add_text(f.court, court);
        }
        // What a hit shows without reading the text (its themes inferred at ingest among it).
        let meta = d.without_text();
        // The citation reader runs once: its provisions are facet values, the rest `cites`.
        let cited = cited::of_document(d);
        for spec in &DIMENSIONS {
            for facet in (spec.paths)(d, &cited) {
                doc.add_facet(f.facets[spec.dimension], facet);
            }
        }
        let language = d.language.as_deref().unwrap_or("und");
        if let Some(stem_language) = StemLanguage::for_tag(language) {
            for text in [&d.title, &d.text] {
                doc.add_text(f.stem, analysis::stem_value(stem_language, text));
            }
        }
        let date_key = d.date.map_or(0, |date| date.sort_key());
        if let Some(date) = d.date {
            doc.add_u64(f.year, date.year as u64);
        }
        doc.add_u64(f.date_key, date_key);
        let real = d.provenance == Some(Provenance::Real);
        doc.add_u64(
            f.browse_key,
            u64::from(real) * schema::REAL_FIRST + date_key,
        );
        doc.add_text(
            f.provenance,
            d.provenance.map_or("unstated", Provenance::as_str),
        );
        if let Some(greta) = &d.greta {
            for article in &greta.articles {
                doc.add_facet(f.greta_article, schema::greta_article_facet(*article));
            }
        }
        self.add_citations(&mut doc, d, &cited);
        for id in &d.proceedings {
            doc.add_text(f.proceedings, id);
        }
        doc.add_text(f.access, d.access.as_str());
        let work = versions::key_of(d);
        if work != 0 {
            doc.add_u64(f.work, work);
        }
        doc.add_text(
            f.meta,
            serde_json::to_string(&meta).expect("a Document always serialises"),
        );
        doc
    }

    /// The document's citations and what it is cited as (see `schema::Fields::cites`), each
    /// value once.
    fn add_citations(&self, doc: &mut TantivyDocument, d: &Document, cited: &[Citation]) {
        let f = &self.fields;
        let mut cites: Vec<String> = Vec::new();
        // Provisions are the provision dimension's (`vocabulary::DIMENSIONS`).
        for citation in cited {
            if citation.kind != CitationKind::Provision {
                cites.extend(citations::index_terms(citation));
            }
        }
        cites.sort_unstable();
        cites.dedup();
        for value in &cites {
            doc.add_text(f.cites, value);
        }
        for value in cited::known_as(d) {
            doc.add_text(f.known_as, &value);
        }
    }

    /// Reads a stored document back: its metadata, and the full text when asked for.
    pub fn document_at(
        &self,
        searcher: &Searcher,
        address: tantivy::DocAddress,
        with_text: bool,
    ) -> Result<Document, IndexError> {
        let stored: TantivyDocument = searcher.doc(address)?;
        let meta = stored
            .get_first(self.fields.meta)
            .and_then(|v| v.as_str())
            .unwrap_or("{}");
        let mut document: Document = serde_json::from_str(meta).map_err(|e| {
            IndexError::Tantivy(TantivyError::InternalError(format!(
                "stored document metadata is unreadable: {e}"
            )))
        })?;
        if with_text {
            document.text = stored
                .get_first(self.fields.text)
                .and_then(|v| v.as_str())
                .unwrap_or_default()
                .to_string();
        }
        Ok(document)
    }

    /// Looks a document up by id. A restricted document is `None` unless `include_restricted`:
    /// callers without a reader token must not learn that it exists.
    pub fn get(&self, id: &str, include_restricted: bool) -> Result<Option<Document>, IndexError> {
        let searcher = self.searcher();
        let Some(address) = self.address_of(&searcher, id, include_restricted)? else {
            return Ok(None);
        };
        let document = self.document_at(&searcher, address, true)?;
        debug_assert!(include_restricted || document.access != Access::Restricted);
        Ok(Some(document))
    }

    /// Where the document `id` is in `searcher`; a restricted document is `None` unless
    /// `include_restricted`, as in [`get`](Self::get).
    pub fn address_of(
        &self,
        searcher: &Searcher,
        id: &str,
        include_restricted: bool,
    ) -> Result<Option<tantivy::DocAddress>, IndexError> {
        let by_id: Box<dyn Query> = Box::new(TermQuery::new(
            Term::from_field_text(self.fields.id, id),
            IndexRecordOption::Basic,
        ));
        // Visibility is decided from the indexed access field, before anything is read from
        // the store: a restricted document is not loaded for a caller who may not see it, so
        // the answer takes as long as for an id that does not exist.
        let query = self.visible(by_id, include_restricted);
        let top = searcher.search(query.as_ref(), &TopDocs::with_limit(1).order_by_score())?;
        Ok(top.first().map(|(_, address)| *address))
    }

    /// Whether any document lists `id` among its `proceedings` (restricted ones too: the
    /// chain itself then decides what the caller sees). One term's document frequency per
    /// segment, so a hit of no case costs nothing more.
    pub fn is_listed(&self, searcher: &Searcher, id: &str) -> Result<bool, IndexError> {
        let term = Term::from_field_text(self.fields.proceedings, id);
        for segment in searcher.segment_readers() {
            let postings = segment.inverted_index(self.fields.proceedings)?;
            if postings.doc_freq(&term).map_err(TantivyError::from)? > 0 {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// `query` without the restricted documents, unless the caller may see them.
    pub(crate) fn visible(
        &self,
        query: Box<dyn Query>,
        include_restricted: bool,
    ) -> Box<dyn Query> {
        match include_restricted {
            true => query,
            false => Box::new(BooleanQuery::new(vec![
                (Occur::Must, query),
                (
                    Occur::MustNot,
                    Box::new(TermQuery::new(
                        restricted_term(self.fields.access),
                        IndexRecordOption::Basic,
                    )),
                ),
            ])),
        }
    }

    /// The other language versions of `document` the caller may see (see `versions`), by
    /// language: one term lookup on the work, each candidate's work name checked, so that two
    /// works sharing a 64-bit key are never listed as one.
    pub fn language_versions(
        &self,
        searcher: &Searcher,
        document: &Document,
        include_restricted: bool,
    ) -> Result<Vec<Version>, IndexError> {
        let Some(name) = versions::work_name(document) else {
            return Ok(Vec::new());
        };
        let work: Box<dyn Query> = Box::new(TermQuery::new(
            Term::from_field_u64(self.fields.work, versions::work_key(&name)),
            IndexRecordOption::Basic,
        ));
        let query = self.visible(work, include_restricted);
        // One more than listed: the document itself is among them.
        let limit = TopDocs::with_limit(MAX_LANGUAGE_VERSIONS + 1).order_by_score();
        let mut found = Vec::new();
        for (_, address) in searcher.search(query.as_ref(), &limit)? {
            let other = self.document_at(searcher, address, false)?;
            if other.id != document.id && versions::work_name(&other).as_ref() == Some(&name) {
                found.push(Version {
                    language: other.language.unwrap_or_else(|| "und".to_string()),
                    id: other.id,
                });
            }
        }
        found.sort_by(|a, b| a.language.cmp(&b.language).then_with(|| a.id.cmp(&b.id)));
        found.truncate(MAX_LANGUAGE_VERSIONS);
        Ok(found)
    }

    /// How many live documents a caller sees: all of them with a reader or admin token, the
    /// public ones without.
    pub fn visible_documents(&self, include_restricted: bool) -> Result<u64, IndexError> {
        let searcher = self.searcher();
        let all = searcher.num_docs();
        if include_restricted {
            return Ok(all);
        }
        let restricted = TermQuery::new(
            restricted_term(self.fields.access),
            IndexRecordOption::Basic,
        );
        let hidden = searcher.search(&restricted, &tantivy::collector::Count)?;
        Ok(all.saturating_sub(hidden as u64))
    }

    /// The recorded marker (format and corpus fingerprint).
    pub fn marker(&self) -> Result<Marker, IndexError> {
        Ok(read_marker(&self.dir)?.unwrap_or_default())
    }

    /// Records the corpus fingerprint after a successful build from the corpus.
    pub fn set_corpus_fingerprint(&self, fingerprint: &str) -> Result<(), IndexError> {
        let mut marker = self.marker()?;
        marker.format_version = FORMAT_VERSION;
        marker.corpus_fingerprint = Some(fingerprint.to_string());
        write_marker(&self.dir, &marker)
    }

    /// Merges the index's segments into at most `parts` segments of about equal size, as
    /// Lucene's force-merge does for an index that is mostly read. A search runs its segments
    /// on the search threads, one segment to a thread; each segment also costs a fixed share
    /// of every search (looking up each term, opening its postings, counting facets in their
    /// own tables). At a million documents, 12 segments merged into 2 made a two-word search
    /// an eighth cheaper (`benches/RESULTS.md`). Deleted documents are dropped on the way.
    ///
    /// Takes the writer lock (fails with [`IndexError::Locked`] while an ingest or a server's
    /// write holds it) and waits for the merges.
    pub fn compact(&self, parts: usize) -> Result<Compaction, IndexError> {
        let mut writer = self.writer(DEFAULT_WRITER_HEAP_BYTES)?;
        // The policy's own merges would contend for the same segments.
        writer.set_merge_policy(Box::new(tantivy::indexer::NoMergePolicy));
        let done = merge_balanced(&self.index, &mut writer, parts)?;
        // A searcher keeps its segments' files on disk too: reload first, then delete the
        // merged ones. Left, they would double the index on disk.
        self.reader.reload()?;
        writer.garbage_collect_files().wait()?;
        writer.wait_merging_threads()?;
        Ok(done)
    }

    /// Bytes the index occupies on disk.
    pub fn size_on_disk(&self) -> u64 {
        std::fs::read_dir(&self.dir)
            .map(|entries| {
                entries
                    .filter_map(Result::ok)
                    .filter_map(|e| e.metadata().ok())
                    .filter(|m| m.is_file())
                    .map(|m| m.len())
                    .sum()
            })
            .unwrap_or(0)
    }
}

/// What [`IndexHandle::compact`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Compaction {
    /// Segments before.
    pub before: usize,
    /// Merges run (none when the segments were already as asked, without deletes).
    pub merges: usize,
}

/// The merges of [`IndexHandle::compact`], for any tantivy index and writer (the benches
/// compact their bare-tantivy floor with it too): the searchable segments split into `parts`
/// groups of about equal live documents, each group of several segments (or a single one with
/// deleted documents) merged into one, the merges started together so that they run on
/// tantivy's merge threads side by side. The merged segments' files stay on disk until the
/// writer collects them, after the caller has dropped its searchers over them.
pub fn merge_balanced(
    index: &Index,
    writer: &mut IndexWriter,
    parts: usize,
) -> tantivy::Result<Compaction> {
    // tantivy keeps the files of every segment whose metadata is still held somewhere: the
    // list is dropped before the merges are waited for.
    let (before, merges) = {
        let metas = index.searchable_segment_metas()?;
        let merges: Vec<_> = balanced_groups(&metas, parts.max(1))
            .into_iter()
            .filter(|group| match group.as_slice() {
                [one] => metas.iter().any(|m| m.id() == *one && m.has_deletes()),
                _ => true,
            })
            .map(|group| writer.merge(&group))
            .collect();
        (metas.len(), merges)
    };
    let done = Compaction {
        before,
        merges: merges.len(),
    };
    for merge in merges {
        merge.wait()?;
    }
    Ok(done)
}

/// Segments split into `parts` groups of about equal live documents: largest first, each to
/// the group with the fewest so far.
fn balanced_groups(
    metas: &[tantivy::index::SegmentMeta],
    parts: usize,
) -> Vec<Vec<tantivy::index::SegmentId>> {
    let mut sorted: Vec<&tantivy::index::SegmentMeta> = metas.iter().collect();
    sorted.sort_by_key(|m| std::cmp::Reverse(m.num_docs()));
    let mut groups: Vec<(u64, Vec<tantivy::index::SegmentId>)> = vec![(0, Vec::new()); parts];
    for meta in sorted {
        if let Some(lightest) = groups.iter_mut().min_by_key(|(docs, _)| *docs) {
            lightest.0 += u64::from(meta.num_docs());
            lightest.1.push(meta.id());
        }
    }
    groups
        .into_iter()
        .map(|(_, ids)| ids)
        .filter(|ids| !ids.is_empty())
        .collect()
}

#[derive(Serialize, Deserialize)]
struct CommitPayload {
    committed_at: u64,
}

fn tantivy_segment_file(name: &str) -> bool {
    // Segment files are `<32 hex digits>.<ext>` (and `.del` files `<hex>.<opstamp>.del`).
    let stem = name.split('.').next().unwrap_or("");
    stem.len() == 32 && stem.chars().all(|c| c.is_ascii_hexdigit())
}

fn read_marker(dir: &Path) -> Result<Option<Marker>, IndexError> {
    let path = dir.join(MARKER_FILE);
    match std::fs::read_to_string(&path) {
        Ok(s) => Ok(serde_json::from_str(&s).ok()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err(IndexError::Io { path, source }),
    }
}

fn write_marker(dir: &Path, marker: &Marker) -> Result<(), IndexError> {
    // Write then rename, so a crash never leaves a half-written marker.
    let path = dir.join(MARKER_FILE);
    let tmp = dir.join(format!("{MARKER_FILE}.tmp"));
    let body = serde_json::to_string_pretty(marker).unwrap_or_default();
    std::fs::write(&tmp, body)
        .and_then(|_| std::fs::rename(&tmp, &path))
        .map_err(|source| IndexError::Io { path, source })
}

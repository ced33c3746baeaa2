//! Query latency by class, ours beside its peers, in one run over one generated corpus:
//! - **ours**: the full `search::search` (every analysed field, all seven facet dimensions with
//!   multi-select counts, ten hits with snippets), as the API and the CLI call it;
//! - **bare tantivy**: the floor our layers add to — a minimal schema (one text field with the
//!   default tokenizer holding title and text; for the filtered class, country and theme as raw
//!   strings), the same documents and queries, `TopDocs` 10 + `Count`;
//! - **tantivy, same request**: the same minimal index answering what our request answers with
//!   tantivy's own parts: `TopDocs` 10, `Count`, a `FacetCollector` for each of the five
//!   dimensions the generator varies, the ten documents read from the store and a
//!   `SnippetGenerator` snippet each (single-select, one analyzer: less than ours does);
//! - **ours, required work only** (one-word and two-word classes): our index doing the least
//!   any search that finds inflected forms and counts facets exactly must do: each word looked
//!   up as its stems (every language's rules) and in the title and identifier fields, the
//!   matches' facet counts in every dimension and the ten best by BM25, through the same
//!   conjunction and facet pass as ours. No exact or folded text clauses (so no
//!   exact-before-folded ranking), no restricted-document exclusion, no query parsing, no store,
//!   no snippets: the floor of our design, not a product;
//! - **SQLite FTS5** (rusqlite, bundled): `unicode61 remove_diacritics 2`, bm25 ranking with the
//!   title weighted as ours is, top 10 with `snippet()`, total and GROUP BY facet counts for
//!   country, kind and year over the matches.
//!
//! Classes: one word, two words (AND), a two-word phrase, a prefix (`word*`), and two words
//! filtered by country and theme. A prefix is the first 5–7 letters of a word of 8 or more;
//! where our limit refuses it (more than `MAX_PREFIX_EXPANSIONS` words begin so, as at a
//! million documents), it is lengthened a letter at a time, as a user does after the 400, and
//! every engine gets the lengthened prefix. Each class holds a few hundred queries drawn from the
//! generator's word lists; every engine answers the same queries in the same order.
//!
//! Two reports: first our own loop of `THB_BENCH_QUERIES` (default 1,000) queries per class,
//! the engines interleaved query by query so that a noisy neighbour slows all three alike, each
//! engine stopping early once it has spent `THB_BENCH_SECONDS` (default 30) on a class; it
//! prints p50/p95/p99/mean and the ratios. Then criterion's estimates per class and engine
//! (`THB_BENCH_CRITERION=0` skips them).
//!
//! Run (release settings; corpus and indexes are cached, see `benches/common/mod.rs`):
//! ```text
//! CARGO_TARGET_DIR=/tmp/target-perf cargo bench --bench search                 # 20k documents
//! THB_BENCH_DOCS=100000 CARGO_TARGET_DIR=/tmp/target-perf cargo bench --bench search
//! THB_BENCH_DOCS=1000000 THB_BENCH_CRITERION=0 CARGO_TARGET_DIR=/tmp/target-perf cargo bench --bench search
//! THB_BENCH_DOCS=1000000 THB_BENCH_CRITERION=0 CARGO_TARGET_DIR=/tmp/target-perf taskset -c 0 cargo bench --bench search
//! ```
//! Pinned to one core (the last line), each engine's time is its CPU time: what a search costs a
//! server whose cores are all busy, which is what sets the requests per second under load.
//! Run `benches/ingest.rs` first at the same size to measure our ingest and leave the index
//! for this bench; otherwise it is built here.

mod common;

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion};
use rusqlite::Connection;
use tantivy::collector::{Count, FacetCollector, MultiCollector, TopDocs};
use tantivy::query::{BooleanQuery, Occur, Query, QueryParser, RegexQuery, TermQuery};
use tantivy::schema::{
    Facet, FacetOptions, Field, IndexRecordOption, Schema, STORED, STRING, TEXT,
};
use tantivy::snippet::SnippetGenerator;
use tantivy::{Index, IndexReader, TantivyDocument, Term};

use common::{machine_cores, ms, size_on_disk, BenchCorpus, Percentiles};
use thb_engine::index::{merge_balanced, IndexHandle};
use thb_engine::ingest::{self, IngestOptions};
use thb_engine::search::build;
use thb_engine::search::conjunction::{Clause, ConjunctionQuery};
use thb_engine::search::facets::{Deadline, OnePass, PageOrder};
use thb_engine::search::{self, SearchRequest};
use thb_engine::vocabulary::{Dimension, PerDimension};
use thb_gen::{self as generate, Rng};

/// Distinct queries per class.
const QUERIES_PER_CLASS: usize = 200;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Class {
    Term,
    And,
    Phrase,
    Prefix,
    Filtered,
}

const CLASSES: [Class; 5] = [
    Class::Term,
    Class::And,
    Class::Phrase,
    Class::Prefix,
    Class::Filtered,
];

impl Class {
    fn name(self) -> &'static str {
        match self {
            Class::Term => "single term",
            Class::And => "two-term AND",
            Class::Phrase => "phrase",
            Class::Prefix => "prefix",
            Class::Filtered => "AND + country + theme",
        }
    }

    fn id(self) -> &'static str {
        match self {
            Class::Term => "term",
            Class::And => "and",
            Class::Phrase => "phrase",
            Class::Prefix => "prefix",
            Class::Filtered => "filtered",
        }
    }
}

/// One query, in the forms each engine takes.
#[derive(Debug, Clone)]
struct BenchQuery {
    /// Lower-cased words (a phrase's words, or the prefix alone).
    words: Vec<String>,
    class: Class,
    country: Option<&'static str>,
    theme: Option<&'static str>,
    /// For a prefix, the word it was cut from: `prepare` lengthens a prefix our limit refuses
    /// by a letter at a time, as a user does after the 400 that asks for a longer one.
    source: Option<String>,
}

impl BenchQuery {
    /// Our query language (what a user types).
    fn ours(&self) -> String {
        match self.class {
            Class::Phrase => format!("\"{}\"", self.words.join(" ")),
            Class::Prefix => format!("{}*", self.words[0]),
            _ => self.words.join(" "),
        }
    }

    /// An FTS5 MATCH expression: every word quoted, so no word is read as an operator.
    fn fts5(&self) -> String {
        match self.class {
            Class::Phrase => format!("\"{}\"", self.words.join(" ")),
            Class::Prefix => format!("\"{}\" *", self.words[0]),
            _ => self
                .words
                .iter()
                .map(|w| format!("\"{w}\""))
                .collect::<Vec<_>>()
                .join(" AND "),
        }
    }
}

/// Words a query can use: letters only, so every engine reads them as one word.
fn plain(word: &str) -> bool {
    word.chars().count() >= 3 && word.chars().all(char::is_alphabetic)
}

fn lower(word: &str) -> String {
    word.to_lowercase()
}

/// The query set: ranks 5–150 of each language's list (words frequent enough to find
/// hundreds to thousands of documents, as a practitioner's query does).
fn queries(class: Class, seed: u64) -> Vec<BenchQuery> {
    let mut rng = Rng::new(seed ^ class as u64);
    let vocabularies = generate::vocabularies();
    let themes = thb_engine::domain::taxonomy::all();
    let mut out = Vec::with_capacity(QUERIES_PER_CLASS);
    while out.len() < QUERIES_PER_CLASS {
        let v = rng.pick(vocabularies);
        let words: Vec<&str> = v
            .single_words()
            .skip(5)
            .take(145)
            .filter(|w| plain(w))
            .collect();
        let mut source = None;
        let query = match class {
            Class::Term => vec![lower(rng.pick::<&str>(&words))],
            Class::And | Class::Filtered => {
                let a = lower(rng.pick::<&str>(&words));
                let b = lower(rng.pick::<&str>(&words));
                if a == b {
                    continue;
                }
                vec![a, b]
            }
            Class::Phrase => {
                let phrases: Vec<&str> = v
                    .collocations()
                    .filter(|c| c.split(' ').all(plain) && c.split(' ').count() <= 3)
                    .collect();
                if phrases.is_empty() {
                    continue;
                }
                rng.pick(&phrases).split(' ').map(lower).collect()
            }
            Class::Prefix => {
                let long: Vec<&str> = words
                    .iter()
                    .copied()
                    .filter(|w| w.chars().count() >= 8)
                    .collect();
                if long.is_empty() {
                    continue;
                }
                let word = lower(rng.pick::<&str>(&long));
                let keep = 5 + rng.below(3);
                let prefix = word.chars().take(keep).collect();
                source = Some(word);
                vec![prefix]
            }
        };
        let (country, theme) = if class == Class::Filtered {
            (Some(*rng.pick(&v.countries)), Some(*rng.pick(themes)))
        } else {
            (None, None)
        };
        out.push(BenchQuery {
            words: query,
            class,
            country,
            theme,
            source,
        });
    }
    out
}

// ---- ours ----

struct Ours {
    handle: IndexHandle,
}

impl Ours {
    fn open_or_build(corpus: &BenchCorpus, builds: &mut Vec<Build>) -> Ours {
        let dir = corpus.dir.join("ours");
        if !dir.join("meta.json").exists() {
            let building = corpus.dir.join("ours.building");
            let _ = std::fs::remove_dir_all(&building);
            let handle = IndexHandle::open_or_create(&building).unwrap();
            thb_text::language::warm_up();
            let started = Instant::now();
            let report = ingest::ingest_paths(
                &handle,
                std::slice::from_ref(&corpus.jsonl),
                &IngestOptions::default(),
            )
            .unwrap();
            assert!(report.rejected.is_empty());
            builds.push(Build {
                engine: "ours (ingest, detection on)",
                seconds: started.elapsed().as_secs_f64(),
                bytes: size_on_disk(&building),
            });
            drop(handle);
            std::fs::rename(&building, &dir).unwrap();
        }
        let handle = IndexHandle::open(&dir).unwrap();
        // An index cached by an older build may predate the compaction every bulk ingest
        // now ends with; a no-op otherwise.
        handle.compact(machine_cores()).unwrap();
        Ours { handle }
    }

    fn request(q: &BenchQuery) -> SearchRequest {
        SearchRequest {
            query: q.ours(),
            filters: {
                let mut filters = PerDimension::default();
                filters[Dimension::Country] =
                    q.country.map(|c| vec![c.to_string()]).unwrap_or_default();
                filters[Dimension::Theme] =
                    q.theme.map(|t| vec![t.to_string()]).unwrap_or_default();
                filters
            },
            ..SearchRequest::default()
        }
        .validate()
        .unwrap()
    }

    fn run(&self, request: &SearchRequest) -> usize {
        let response = search::search(&self.handle, request).expect("our search");
        response.total
    }

    /// The query of the "required work only" row (see the module doc), for the classes of
    /// plain words without filters; `None` for the others.
    fn required_work(&self, q: &BenchQuery) -> Option<Box<dyn Query>> {
        if !matches!(q.class, Class::Term | Class::And) {
            return None;
        }
        let f = self.handle.fields();
        let groups = q
            .words
            .iter()
            .map(|word| {
                // Every field a word is looked for in, but the exact and folded text.
                let targets = build::targets(f, None)
                    .into_iter()
                    .filter(|(field, ..)| *field != f.text && *field != f.text_folded);
                let mut group: Vec<Clause> = Vec::new();
                for (field, analyzer, boost) in targets {
                    for text in analyzer.terms(word) {
                        let term = Term::from_field_text(field, &analyzer.field_term(&text));
                        let seen = group
                            .iter()
                            .any(|c| matches!(c, Clause::Term { term: t, .. } if *t == term));
                        if !seen {
                            group.push(Clause::Term { term, boost });
                        }
                    }
                }
                group
            })
            .collect();
        Some(Box::new(ConjunctionQuery::new(groups)))
    }

    fn run_required_work(&self, query: &dyn Query) -> usize {
        let collector = OnePass {
            tables: self.handle.facet_tables().clone(),
            filters: Default::default(),
            order: PageOrder::Score,
            keep: 10,
            deadline: std::sync::Arc::new(Deadline::none()),
        };
        let harvest = self.handle.searcher().search(query, &collector);
        harvest.expect("required-work search").total
    }
}

// ---- bare tantivy ----

struct Bare {
    reader: IndexReader,
    body: Field,
    country: Field,
    theme: Field,
    parser: QueryParser,
}

/// The facet dimensions tantivy counts in the "same request" row: those the generator varies.
const BARE_FACETS: [&str; 5] = ["f_country", "f_theme", "f_kind", "f_language", "f_year"];

impl Bare {
    fn open_or_build(corpus: &BenchCorpus, builds: &mut Vec<Build>) -> Bare {
        let dir = corpus.dir.join("bare-tantivy");
        let mut builder = Schema::builder();
        // Stored, and with facet fields, for the "same request" row; the minimal row reads
        // neither.
        let body = builder.add_text_field("body", TEXT | STORED);
        let country = builder.add_text_field("country", STRING);
        let theme = builder.add_text_field("theme", STRING);
        let facets: Vec<Field> = BARE_FACETS
            .iter()
            .map(|name| builder.add_facet_field(name, FacetOptions::default()))
            .collect();
        let schema = builder.build();
        let index = if dir.join("meta.json").exists() {
            Index::open_in_dir(&dir).unwrap()
        } else {
            let building = corpus.dir.join("bare-tantivy.building");
            let _ = std::fs::remove_dir_all(&building);
            std::fs::create_dir_all(&building).unwrap();
            let index = Index::create_in_dir(&building, schema).unwrap();
            let started = Instant::now();
            let mut writer = index
                .writer_with_num_threads::<TantivyDocument>(2, 256 << 20)
                .unwrap();
            for d in corpus.documents() {
                let mut doc = TantivyDocument::default();
                doc.add_text(body, &d.title);
                doc.add_text(body, &d.text);
                for c in &d.country {
                    doc.add_text(country, c);
                }
                for t in d.themes.iter().flat_map(|t| common::theme_and_ancestors(t)) {
                    doc.add_text(theme, &t);
                }
                for c in &d.country {
                    doc.add_facet(facets[0], Facet::from_path([c]));
                }
                for t in &d.themes {
                    doc.add_facet(facets[1], Facet::from_path(t.split('/')));
                }
                doc.add_facet(facets[2], Facet::from_path([d.kind.as_str()]));
                let language = d.language.as_deref().unwrap_or("und");
                doc.add_facet(facets[3], Facet::from_path([language]));
                if let Some(date) = d.date {
                    doc.add_facet(facets[4], Facet::from_path([date.year.to_string()]));
                }
                writer.add_document(doc).unwrap();
            }
            writer.commit().unwrap();
            writer.wait_merging_threads().unwrap();
            builds.push(Build {
                engine: "bare tantivy",
                seconds: started.elapsed().as_secs_f64(),
                bytes: size_on_disk(&building),
            });
            drop(index);
            std::fs::rename(&building, &dir).unwrap();
            Index::open_in_dir(&dir).unwrap()
        };
        // The floor gets what ours has: one segment per core, searched by one thread each.
        let mut index = index;
        index.set_default_multithread_executor().unwrap();
        let mut writer = index
            .writer_with_num_threads::<TantivyDocument>(1, 50 << 20)
            .unwrap();
        merge_balanced(&index, &mut writer, machine_cores()).unwrap();
        writer.garbage_collect_files().wait().unwrap();
        writer.wait_merging_threads().unwrap();
        let reader = index.reader().unwrap();
        let mut parser = QueryParser::for_index(&index, vec![body]);
        parser.set_conjunction_by_default();
        Bare {
            reader,
            body,
            country,
            theme,
            parser,
        }
    }

    fn query(&self, q: &BenchQuery) -> Box<dyn Query> {
        let text: Box<dyn Query> = match q.class {
            // tantivy's parser has no single-word prefix: the regex over the term dictionary
            // is what a tantivy user writes.
            Class::Prefix => {
                Box::new(RegexQuery::from_pattern(&format!("{}.*", q.words[0]), self.body).unwrap())
            }
            _ => self.parser.parse_query(&q.ours()).unwrap(),
        };
        if q.class != Class::Filtered {
            return text;
        }
        let term = |field, value: &str| -> (Occur, Box<dyn Query>) {
            (
                Occur::Must,
                Box::new(TermQuery::new(
                    Term::from_field_text(field, value),
                    IndexRecordOption::Basic,
                )),
            )
        };
        Box::new(BooleanQuery::new(vec![
            (Occur::Must, text),
            term(self.country, q.country.unwrap()),
            term(self.theme, q.theme.unwrap()),
        ]))
    }

    fn run(&self, query: &dyn Query) -> usize {
        let searcher = self.reader.searcher();
        let (top, count) = searcher
            .search(query, &(TopDocs::with_limit(10).order_by_score(), Count))
            .unwrap();
        std::hint::black_box(top);
        count
    }

    /// What a tantivy user writes for our request with tantivy's own parts: the page, the
    /// total, a `FacetCollector` per dimension (single-select: each dimension counted under
    /// every filter), the ten documents read from the store and a `SnippetGenerator` snippet
    /// for each.
    fn run_same_request(&self, query: &dyn Query) -> usize {
        let searcher = self.reader.searcher();
        let mut multi = MultiCollector::new();
        let top = multi.add_collector(TopDocs::with_limit(10).order_by_score());
        let count = multi.add_collector(Count);
        let facets: Vec<_> = BARE_FACETS
            .iter()
            .map(|name| {
                let mut collector = FacetCollector::for_field(*name);
                collector.add_facet(Facet::root());
                multi.add_collector(collector)
            })
            .collect();
        let mut fruits = searcher.search(query, &multi).unwrap();
        let top = top.extract(&mut fruits);
        for facet in facets {
            let counts = facet.extract(&mut fruits);
            std::hint::black_box(counts.get(Facet::root()).count());
        }
        let mut generator = SnippetGenerator::create(&searcher, query, self.body).unwrap();
        generator.set_max_num_chars(240);
        for (_, address) in top {
            let doc: TantivyDocument = searcher.doc(address).unwrap();
            std::hint::black_box(generator.snippet_from_doc(&doc).to_html());
        }
        count.extract(&mut fruits)
    }
}

// ---- SQLite FTS5 ----

struct Sqlite {
    connection: Connection,
}

impl Sqlite {
    fn open_or_build(corpus: &BenchCorpus, builds: &mut Vec<Build>) -> Sqlite {
        let path = corpus.dir.join("fts5.sqlite");
        if !path.exists() {
            let building = corpus.dir.join("fts5.sqlite.building");
            let _ = std::fs::remove_file(&building);
            let started = Instant::now();
            common::build_sqlite_fts5(&building, corpus.documents());
            builds.push(Build {
                engine: "SQLite FTS5",
                seconds: started.elapsed().as_secs_f64(),
                bytes: size_on_disk(&building),
            });
            std::fs::rename(&building, &path).unwrap();
        }
        let connection = Connection::open(&path).unwrap();
        // Page cache large enough to hold the hot part, as a tuned deployment would.
        connection
            .execute_batch(
                "PRAGMA cache_size = -262144; PRAGMA mmap_size = 4294967296; PRAGMA temp_store = MEMORY;
                 CREATE TEMP TABLE hits(doc INTEGER PRIMARY KEY);",
            )
            .unwrap();
        Sqlite { connection }
    }

    /// Top 10 by bm25 with snippets, the total, and facet counts for country, kind and year:
    /// the matches go to a temporary table once, and every count reads that table.
    fn run(&self, q: &BenchQuery) -> usize {
        let c = &self.connection;
        let filtered = q.country.is_some() && q.theme.is_some();
        c.execute("DELETE FROM temp.hits", []).unwrap();
        if filtered {
            // The matches first (materialised), then the filters by index lookups per match:
            // `rowid IN (…)` beside MATCH makes FTS5 evaluate the MATCH once per listed row.
            c.prepare_cached(
                "INSERT INTO temp.hits(doc)
                 WITH m AS MATERIALIZED (SELECT rowid AS doc FROM fts WHERE fts MATCH ?1)
                 SELECT doc FROM m
                 WHERE EXISTS (SELECT 1 FROM doc_country c WHERE c.country = ?2 AND c.doc = m.doc)
                   AND EXISTS (SELECT 1 FROM doc_theme t WHERE t.theme = ?3 AND t.doc = m.doc)",
            )
            .unwrap()
            .execute(rusqlite::params![q.fts5(), q.country, q.theme])
            .unwrap();
        } else {
            c.prepare_cached("INSERT INTO temp.hits(doc) SELECT rowid FROM fts WHERE fts MATCH ?1")
                .unwrap()
                .execute([q.fts5()])
                .unwrap();
        }
        let filter = if filtered {
            " AND fts.rowid IN (SELECT doc FROM temp.hits)"
        } else {
            ""
        };
        let total: i64 = c
            .prepare_cached("SELECT count(*) FROM temp.hits")
            .unwrap()
            .query_row([], |r| r.get(0))
            .unwrap();
        // `ORDER BY rank` with the rank function given in the query lets FTS5 sort inside
        // the virtual table, so `snippet()` runs for the ten rows returned only (with
        // `ORDER BY bm25(…)` SQLite computes every column of every match before sorting).
        let mut top = c
            .prepare_cached(&format!(
                "SELECT d.doc_id, t.rank, t.snippet FROM (
                     SELECT rowid, rank, snippet(fts, 1, '<mark>', '</mark>', '…', 32) AS snippet
                     FROM fts WHERE fts MATCH ?1 AND rank MATCH 'bm25(4.0, 1.0)'{filter}
                     ORDER BY rank LIMIT 10
                 ) t JOIN docs d ON d.id = t.rowid ORDER BY t.rank"
            ))
            .unwrap();
        let hits: Vec<(String, f64, String)> = top
            .query_map([q.fts5()], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        std::hint::black_box(hits);
        for facet in [
            "SELECT c.country, count(*) FROM temp.hits h JOIN doc_country c ON c.doc = h.doc GROUP BY c.country",
            "SELECT d.kind, count(*) FROM temp.hits h JOIN docs d ON d.id = h.doc GROUP BY d.kind",
            "SELECT d.year, count(*) FROM temp.hits h JOIN docs d ON d.id = h.doc GROUP BY d.year",
        ] {
            let mut statement = c.prepare_cached(facet).unwrap();
            let counts: Vec<(Option<String>, i64)> = statement
                .query_map([], |r| {
                    let value: rusqlite::types::Value = r.get(0)?;
                    let value = match value {
                        rusqlite::types::Value::Text(t) => Some(t),
                        rusqlite::types::Value::Integer(i) => Some(i.to_string()),
                        _ => None,
                    };
                    Ok((value, r.get(1)?))
                })
                .unwrap()
                .map(Result::unwrap)
                .collect();
            std::hint::black_box(counts);
        }
        total as usize
    }
}

// ---- the run ----

struct Build {
    engine: &'static str,
    seconds: f64,
    bytes: u64,
}

struct Engines {
    ours: Ours,
    bare: Bare,
    sqlite: Sqlite,
}

/// Each class's queries with our request and bare tantivy's query prepared once (query parsing
/// is inside our measured call, as it is in a request).
struct Prepared {
    query: BenchQuery,
    request: SearchRequest,
    bare: Box<dyn Query>,
    /// See [`Ours::required_work`].
    required: Option<Box<dyn Query>>,
}

fn prepare(engines: &Engines, seed: u64) -> BTreeMap<Class, Vec<Prepared>> {
    let mut out = BTreeMap::new();
    for class in CLASSES {
        let mut prepared = Vec::new();
        let mut refused = 0;
        let mut lengthened = 0;
        for mut query in queries(class, seed) {
            let mut request = Ours::request(&query);
            // A prefix that expands to too many words is refused by design (400): a user types
            // the next letter, and so does the bench, until the prefix is accepted or whole.
            let mut accepted = search::search(&engines.ours.handle, &request).is_ok();
            while !accepted {
                let Some(longer) = longer_prefix(&query) else {
                    break;
                };
                query.words[0] = longer;
                request = Ours::request(&query);
                accepted = search::search(&engines.ours.handle, &request).is_ok();
                lengthened += 1;
            }
            if !accepted {
                refused += 1;
                continue;
            }
            let bare = engines.bare.query(&query);
            let required = engines.ours.required_work(&query);
            prepared.push(Prepared {
                query,
                request,
                bare,
                required,
            });
        }
        if lengthened > 0 {
            println!(
                "{}: {lengthened} letters added to prefixes our limit refused",
                class.name()
            );
        }
        if refused > 0 {
            println!(
                "{}: {refused} of {QUERIES_PER_CLASS} queries refused by our limits, left out",
                class.name()
            );
        }
        out.insert(class, prepared);
    }
    out
}

/// The prefix with the next letter of its word, until it is the whole word.
fn longer_prefix(query: &BenchQuery) -> Option<String> {
    let source = query.source.as_deref()?;
    let next = query.words[0].chars().count() + 1;
    (next <= source.chars().count()).then(|| source.chars().take(next).collect())
}

fn env_or<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn percentile_report(engines: &Engines, prepared: &BTreeMap<Class, Vec<Prepared>>) {
    let per_class: usize = env_or("THB_BENCH_QUERIES", 1000);
    let budget = Duration::from_secs_f64(env_or("THB_BENCH_SECONDS", 30.0));
    println!();
    println!("| class | engine | queries | mean hits | p50 ms | p95 ms | p99 ms | mean ms |");
    println!("|---|---|---|---|---|---|---|---|");
    let mut ratios = Vec::new();
    for (class, queries) in prepared {
        // Every query of the class refused by our limits (prefixes at 1M): no row, rather
        // than a row of zeros and ratios of nothing.
        if queries.is_empty() {
            continue;
        }
        let mut timings: [Vec<Duration>; 5] = Default::default();
        let mut spent = [Duration::ZERO; 5];
        let mut hits = [0usize; 5];
        for p in queries.iter().cycle().take(per_class) {
            let runs: [&dyn Fn() -> Option<usize>; 5] = [
                &|| Some(engines.ours.run(&p.request)),
                &|| Some(engines.bare.run(p.bare.as_ref())),
                &|| Some(engines.sqlite.run(&p.query)),
                &|| Some(engines.bare.run_same_request(p.bare.as_ref())),
                &|| {
                    let query = p.required.as_deref()?;
                    Some(engines.ours.run_required_work(query))
                },
            ];
            for (engine, run) in runs.iter().enumerate() {
                if spent[engine] > budget {
                    continue;
                }
                let started = Instant::now();
                let Some(found) = std::hint::black_box(run()) else {
                    continue;
                };
                let took = started.elapsed();
                hits[engine] += found;
                spent[engine] += took;
                timings[engine].push(took);
            }
        }
        let names = [
            "ours (full)",
            "bare tantivy",
            "SQLite FTS5",
            "tantivy, same request",
            "ours, required work only",
        ];
        let stats: Vec<Percentiles> = timings
            .iter_mut()
            .map(|t| Percentiles::of(t.as_mut_slice()))
            .collect();
        for (engine, s) in stats.iter().enumerate() {
            // The required-work row exists for some classes only.
            if s.n == 0 {
                continue;
            }
            println!(
                "| {} | {} | {} | {:.0} | {} | {} | {} | {} |",
                class.name(),
                names[engine],
                s.n,
                hits[engine] as f64 / s.n.max(1) as f64,
                ms(s.p50),
                ms(s.p95),
                ms(s.p99),
                ms(s.mean)
            );
        }
        let ratio = |a: Duration, b: Duration| a.as_secs_f64() / b.as_secs_f64().max(1e-9);
        // The floor's ratios, where the class has that row.
        let floor = (stats[4].n > 0).then(|| {
            format!(
                "{:.2}× | {:.2}×",
                ratio(stats[4].p50, stats[1].p50),
                ratio(stats[0].p50, stats[4].p50)
            )
        });
        ratios.push((
            class.name(),
            ratio(stats[0].p50, stats[1].p50),
            ratio(stats[0].mean, stats[1].mean),
            ratio(stats[2].p50, stats[0].p50),
            ratio(stats[2].mean, stats[0].mean),
            ratio(stats[0].p50, stats[3].p50),
            ratio(stats[0].mean, stats[3].mean),
            floor.unwrap_or_else(|| "– | –".to_string()),
        ));
    }
    println!();
    println!(
        "| class | ours / bare tantivy (p50) | (mean) | SQLite / ours (p50) | (mean) | ours / tantivy same request (p50) | (mean) | required work only / bare tantivy (p50) | ours / required work only (p50) |"
    );
    println!("|---|---|---|---|---|---|---|---|---|");
    for (name, a, b, c, d, e, f, floor) in ratios {
        println!(
            "| {name} | {a:.2}× | {b:.2}× | {c:.1}× | {d:.1}× | {e:.2}× | {f:.2}× | {floor} |"
        );
    }
}

fn criterion_report(engines: &Engines, prepared: &BTreeMap<Class, Vec<Prepared>>) {
    let mut c = Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4))
        .configure_from_args();
    for (class, queries) in prepared {
        let mut group = c.benchmark_group(format!("search/{}", class.id()));
        let mut i = 0usize;
        group.bench_function(BenchmarkId::from_parameter("ours"), |b| {
            b.iter(|| {
                i = (i + 1) % queries.len();
                engines.ours.run(&queries[i].request)
            })
        });
        group.bench_function(BenchmarkId::from_parameter("bare_tantivy"), |b| {
            b.iter(|| {
                i = (i + 1) % queries.len();
                engines.bare.run(queries[i].bare.as_ref())
            })
        });
        group.bench_function(BenchmarkId::from_parameter("sqlite_fts5"), |b| {
            b.iter(|| {
                i = (i + 1) % queries.len();
                engines.sqlite.run(&queries[i].query)
            })
        });
        group.finish();
    }
    c.final_summary();
}

fn main() {
    let corpus = BenchCorpus::from_env();
    println!("search bench: {}", corpus.describe());
    let mut builds = Vec::new();
    let engines = Engines {
        ours: Ours::open_or_build(&corpus, &mut builds),
        bare: Bare::open_or_build(&corpus, &mut builds),
        sqlite: Sqlite::open_or_build(&corpus, &mut builds),
    };
    if !builds.is_empty() {
        println!();
        println!("| build (this run) | seconds | docs/s | size on disk MiB |");
        println!("|---|---|---|---|");
        for b in &builds {
            println!(
                "| {} | {:.1} | {:.0} | {:.1} |",
                b.engine,
                b.seconds,
                corpus.options.docs as f64 / b.seconds,
                b.bytes as f64 / 1_048_576.0
            );
        }
    }
    println!();
    println!("| index size on disk | MiB |");
    println!("|---|---|");
    for (name, path) in [
        ("ours", corpus.dir.join("ours")),
        ("bare tantivy", corpus.dir.join("bare-tantivy")),
        ("SQLite FTS5", corpus.dir.join("fts5.sqlite")),
    ] {
        println!(
            "| {name} | {:.1} |",
            size_on_disk(&path) as f64 / 1_048_576.0
        );
    }
    let prepared = prepare(&engines, corpus.options.seed);
    if env_or("THB_BENCH_PERCENTILES", 1) != 0 {
        percentile_report(&engines, &prepared);
    }
    if env_or("THB_BENCH_CRITERION", 1) != 0 {
        criterion_report(&engines, &prepared);
    }
}

//! thb-caselaw: a case-law and GRETA-recommendations database with multilingual full-text
//! search, for prosecutors, judges, lawyers and researchers working against trafficking in
//! human beings (THB).
//!
//! # Module map
//!
//! Data flows one way. Writing: `ingest → document → normalize → language → analysis → index`.
//! Reading: `api | cli → search → index`. Nothing below `api` knows about HTTP; nothing in
//! `normalize` or `stem` knows about tantivy.
//!
//! | module | owns |
//! |---|---|
//! | [`document`] | the document model, its validation and the interchange format |
//! | [`domain`] | legal-domain data: countries (with Kosovo*), the theme taxonomy, courts' abbreviations |
//! | [`normalize`] | Unicode clean-up, Turkish-safe case folding, script and diacritic folding |
//! | [`stem`] | light stemmers for languages Snowball lacks (Serbo-Croatian, Macedonian, Albanian) |
//! | [`language`] | language and script detection (lingua, letters, ekavian forms), built once and shared |
//! | [`analysis`] | the tantivy tokenizers: exact, folded and per-language stemmed |
//! | [`schema`] | every index field, and why it is indexed, stored or fast |
//! | [`columns`] | each segment's facet values as arrays (dimensions packed into groups), built by the reader's warmer |
//! | [`index`] | opening, format versioning, the single writer, upserts, corpus freshness, compaction |
//! | [`ingest`] | readers for `.jsonl`, `.json`, `.md` → documents with positioned errors |
//! | [`privacy`] | the personal data guard: likely unredacted JMBGs, e-mail addresses, phone numbers |
//! | [`search`] | query language, filters, facets, snippets → [`search::SearchResponse`]; several words matched a window of documents at a time ([`search::conjunction`]); recent responses kept until the index changes ([`search::cache`]) |
//! | [`limits`] | every hard limit, named once |
//! | [`api`] | the axum router, handlers and the single JSON error shape |
//! | [`web`] | the server-rendered search page and its embedded assets |
//! | [`app`] | the service's one router: API and page routes behind the shared layers |
//! | [`server`] | the listener: connection cap, header-read timeout, bounded graceful shutdown |
//! | [`config`] | the one configuration struct handed down from `main` |
//! | [`generate`] | the deterministic scale-corpus generator behind `gen-corpus` and the benches |

pub mod analysis;
pub mod api;
pub mod app;
pub mod columns;
pub mod config;
pub mod document;
pub mod domain;
pub mod generate;
pub mod index;
pub mod ingest;
pub mod language;
pub mod limits;
pub mod normalize;
pub mod privacy;
pub mod schema;
pub mod search;
pub mod server;
pub mod stem;
pub mod web;

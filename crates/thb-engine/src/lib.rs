//! thb-engine: the case-law database itself, without a front end. Documents in, validated and
//! guarded; an index of them; searches out as data. Built on `thb-text` (words and languages)
//! and tantivy; it knows nothing of HTTP or terminals (`cargo tree -p thb-engine` has no axum).
//!
//! # Module map
//!
//! Writing: `ingest → document → (thb_text: normalize → language) → analysis → index`.
//! Reading: `search → index`. The front ends (`thb-caselaw`: the API, the page, the command
//! line) call [`ingest`] and [`search`] and render what they return.
//!
//! | module | owns |
//! |---|---|
//! | [`document`] | the document model, its validation and the interchange format |
//! | [`case`] | a judgment's or decision's case structure, as SHERLOC briefs have it: verdict, sector, victims and defendants (described, never named), charges, the other decisions of the case |
//! | [`domain`] | legal-domain data: countries (with Kosovo*; alpha-3 codes and names too), the theme taxonomy and its labels, the thesaurus of concepts and their terms in every language ([`domain::thesaurus`]: which concept a phrase names, the themes a text's concepts give it), courts' formations (the court facet's tree) and abbreviations, the citations a text makes ([`domain::citations`]: application numbers, ECLIs, trafficking provisions in every script), the numbered paragraphs of a judgment or report ([`domain::paragraphs`]) |
//! | [`cited`] | what a document cites and what it is cited as: the citation reader applied to a document, its own numbers left out |
//! | [`analysis`] | the tantivy tokenizers: exact, folded and per-language stemmed; what they make of a text, for "why did this match?" ([`analysis::explain`]) |
//! | [`record`] | a record's faults: the error naming the field at fault and its kind, the wording of a closed list's values, the id rule |
//! | [`schema`] | every index field, and why it is indexed, stored or fast |
//! | [`columns`] | each segment's facet values as arrays (dimensions packed into groups), each document's work and the segment's restricted documents with their statistics, built by the reader's warmer |
//! | [`index`] | opening, format versioning, the single writer, upserts, corpus freshness, compaction |
//! | [`ingest`] | readers for `.jsonl`, `.json`, `.md` → documents with positioned errors; importers of HUDOC and the HUDOC-GRETA feed ([`ingest::hudoc`], [`ingest::greta`], HTML to text in [`ingest::html`]) mapping their records onto the interchange format |
//! | [`privacy`] | the personal data guard: likely unredacted JMBGs, e-mail addresses, phone numbers |
//! | [`search`] | query language, filters, facets, snippets → [`search::SearchResponse`]; several words matched a window of documents at a time (`search::conjunction`); words naming a concept also finding its other languages' terms (`search::expansion`); a word typed without some diacritics standing for the spellings that have them (`search::spellings`); why a hit came up and why a document did not ([`search::explain`], from the clauses the builder records, `search::probe`); what a caller without a token may see ([`search::public_view`]); which document a citation names and which documents cite one ([`search::citations`]); the documents most like one and a GRETA document's other rounds ([`search::similar`]); a case's procedural chain ([`search::proceedings`]); recent responses kept until the index changes ([`search::cache`]); what a hit marks: the query's terms per analyzer (`search::highlight`); snippets and titles as text with the ranges of their matched words (`search::marked`), a Markdown text's snippet read plain ([`search::markdown`]); the numbered paragraph a hit's snippet stands in and its pin-cite ([`search::paragraph`]) |
//! | [`backup`] | export to the interchange format, backup of a commit point while served, restore |
//! | [`limits`] | every hard limit of the service, named once (the server's connection limits too) |
//! | [`vocabulary`] | every facet dimension and every search parameter, declared once: what the schema, the index, the facet tables, request parsing, the counts of a response and, in the server, the command line, the OpenAPI document, the sidebar and the chips are driven by (how to add a dimension is in its doc) |
//! | [`versions`] | language versions: the work (one judgment, several languages) a document belongs to, by application number or its `versions` list |
//!
//! The request path's parts (`search::build`, `search::conjunction`, `search::facets`) are
//! public only with the `internals` feature, which the root crate turns on for its tests and
//! benchmarks: the floor benchmark rebuilds a search from them and the facet tests compare
//! them with tantivy's own collectors. They are not the engine's API.

pub mod analysis;
pub mod backup;
pub mod case;
pub mod cited;
pub mod columns;
pub mod document;
pub mod domain;
pub mod index;
pub mod ingest;
pub mod limits;
pub mod privacy;
pub mod record;
pub mod schema;
pub mod search;
pub mod versions;
pub mod vocabulary;

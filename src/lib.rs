//! thb-caselaw: a case-law and GRETA-recommendations database with multilingual full-text
//! search, for prosecutors, judges, lawyers and researchers working against trafficking in
//! human beings (THB). This crate is its front ends: the HTTP API, the search page and the
//! command line (`src/main.rs`), over the engine.
//!
//! # The crates
//!
//! The workspace's crates are the layers; each depends only on those below it, so the compiler
//! holds the layering:
//!
//! | crate | owns |
//! |---|---|
//! | `thb-text` (`crates/thb-text`) | normalisation, stemming, language detection: no tantivy, no HTTP |
//! | `thb-engine` (`crates/thb-engine`) | documents, validation, the privacy guard, the index, ingest, search |
//! | `thb-caselaw` (this crate) | the API, the page, the listener and the command line |
//! | `thb-gen` (`crates/thb-gen`, development only) | the deterministic scale corpus of the benches (`cargo run -p thb-gen`) |
//!
//! # Module map
//!
//! Reading: `api | web | cli → thb_engine::search → thb_engine::index`. Writing:
//! `api::write | cli → thb_engine::ingest`. Nothing below this crate knows about HTTP.
//!
//! | module | owns |
//! |---|---|
//! | [`api`] | the axum routes, handlers and the single JSON error shape |
//! | [`web`] | the server-rendered search page and its embedded assets |
//! | [`app`] | the service's one router: API and page routes behind the shared layers |
//! | [`server`] | the listener: connection cap, header-read timeout, bounded graceful shutdown |
//! | [`config`] | the one configuration struct handed down from `main`: flags, `THB_*`, the TOML file |
//! | [`logging`] | the log's format (text or JSON lines) and level |
//! | [`metrics`] | the Prometheus registry behind `/metrics` |
//! | [`openapi`] | the OpenAPI document of the API, generated from the handlers |
//! | [`progress`] | how the command line draws an ingest's progress |

pub mod api;
pub mod app;
pub mod config;
pub mod logging;
pub mod metrics;
pub mod openapi;
pub mod progress;
pub mod server;
pub mod web;

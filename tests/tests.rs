//! The integration tests that share a process: one binary with a module per area (as ripgrep's
//! `tests/tests.rs`), so that the workspace is linked once for them instead of thirteen times.
//! Each module still drives the real binary or the real router.
//!
//! The tests whose timing or memory is measured run as binaries of their own, away from the
//! others' load: `tests/attack.rs`, `tests/reliability.rs`, `tests/browser.rs`, `tests/fuzz.rs`.
//! One area alone: `cargo test --test tests web::`.

mod common;

mod accentless;
mod api;
mod backup;
mod case_structure;
mod citations;
mod cli;
mod explain;
mod facets;
mod hostile;
mod import;
mod judged;
mod language_agreement;
mod lemmas;
mod operations;
mod paragraphs;
mod privacy_guard;
mod related;
mod router;
mod snippets;
mod thesaurus;
mod web;
mod write_api;

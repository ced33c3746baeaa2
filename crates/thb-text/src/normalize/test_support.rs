//! Test helpers shared by the normaliser, stemmer and snippet tests: finding the real texts in
//! `shared/data` and reading string fields from their JSON Lines.
//!
//! The texts are read at test time and never copied into the source (shared/data/README.md).
//! A test that finds no file prints why and passes, so the core suite stays self-contained.
//! Other crates' tests reach these helpers through the `test-support` feature.

use std::path::{Path, PathBuf};

use super::{fold_for_search_string, is_word_char};

/// The search form of every word of `text`, split with [`is_word_char`] as the analysis
/// glue splits.
pub fn search_words(text: &str) -> Vec<String> {
    text.split(|c: char| !is_word_char(c))
        .filter(|word| !word.is_empty())
        .map(fold_for_search_string)
        .collect()
}

/// The path of `shared/data/<name>` in the project's layout (`shared/` beside the project's
/// root, two levels above this crate), when it is there.
pub fn shared_data_file(name: &str) -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data")
        .join(name);
    path.is_file().then_some(path)
}

/// For each line of a JSON Lines file, the string values of `fields` (empty when a field is
/// missing or not a string). Panics with the line number on a line it cannot read.
pub fn read_jsonl_records<const N: usize>(path: &Path, fields: [&str; N]) -> Vec<[String; N]> {
    let text =
        std::fs::read_to_string(path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(index, line)| {
            let object: serde_json::Map<String, serde_json::Value> = serde_json::from_str(line)
                .unwrap_or_else(|e| panic!("{}:{}: {e}", path.display(), index + 1));
            fields.map(|field| {
                object
                    .get(field)
                    .and_then(|v| v.as_str())
                    .unwrap_or_default()
                    .to_string()
            })
        })
        .collect()
}

//! The Universal Dependencies development splits of `../shared/data/ud_dev` (CC BY-SA 4.0; read
//! where they are, never copied into the project) as documents: each sentence one document,
//! `ud:{n}`, its language declared. `tests/lemmas.rs` and `benches/inflection.rs` search them
//! and grade the answers by the treebank's lemmas.

use std::path::{Path, PathBuf};

use serde_json::json;
use thb_engine::index::IndexHandle;
use thb_engine::ingest::IngestOptions;

/// One word of a sentence, as the treebank annotates it.
pub struct Token {
    /// As written.
    pub form: String,
    pub lemma: String,
    /// Universal part of speech (`NOUN`, `VERB`, …).
    pub upos: String,
}

pub struct Sentence {
    pub text: String,
    pub tokens: Vec<Token>,
}

/// Where the treebank `name` (`tr_boun-ud-dev.conllu`) is.
pub fn path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data/ud_dev")
        .join(name)
}

/// The sentences of a CoNLL-U file; `None`, saying so, when it is absent.
pub fn read(path: &Path) -> Option<Vec<Sentence>> {
    let Ok(text) = std::fs::read_to_string(path) else {
        println!(
            "skipped: {} is absent (treebanks live outside the project)",
            path.display()
        );
        return None;
    };
    let mut sentences = Vec::new();
    let mut current: Option<Sentence> = None;
    for line in text.lines() {
        if let Some(text) = line.strip_prefix("# text = ") {
            current = Some(Sentence {
                text: text.to_string(),
                tokens: Vec::new(),
            });
        } else if line.is_empty() {
            sentences.extend(current.take());
        } else if !line.starts_with('#') {
            let columns: Vec<&str> = line.split('\t').collect();
            // Multiword ranges (`3-4`) and empty nodes (`5.1`) are not tokens of the text.
            if columns.len() < 4 || columns[0].contains(['-', '.']) {
                continue;
            }
            if let Some(sentence) = current.as_mut() {
                sentence.tokens.push(Token {
                    form: columns[1].to_string(),
                    lemma: columns[2].to_string(),
                    upos: columns[3].to_string(),
                });
            }
        }
    }
    sentences.extend(current);
    Some(sentences)
}

/// A new index (deleted with the guard) holding each sentence's text as a document `ud:{n}`
/// (`n` its place in `texts`) of `language` and `country`.
pub fn index<'a>(
    texts: impl IntoIterator<Item = &'a str>,
    language: &str,
    country: &str,
) -> (IndexHandle, tempfile::TempDir) {
    let source = tempfile::tempdir().expect("a temporary directory");
    let file = source.path().join("sentences.jsonl");
    let lines: Vec<String> = texts
        .into_iter()
        .enumerate()
        .map(|(i, text)| {
            json!({
                "id": format!("ud:{i}"), "kind": "report", "title": format!("Sentence {i}"),
                "text": text, "country": country, "language": language,
                "provenance": "sample", "personal_data": "allowed"
            })
            .to_string()
        })
        .collect();
    std::fs::write(&file, lines.join("\n")).expect("written");
    let (handle, dir, report) = super::ingested_index(file, &IngestOptions::default());
    assert!(report.rejected.is_empty(), "{:?}", report.rejected);
    (handle, dir)
}

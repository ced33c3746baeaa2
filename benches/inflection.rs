//! Inflection recall and precision on Universal Dependencies treebanks (issue 21's harness):
//! each sentence of a development split is a document (its language declared); for lemmas with
//! at least three distinct forms, one form is searched as a user would type it, and the answer
//! is graded by the treebank's own lemma annotation. A document is relevant when one of its
//! tokens has the lemma; recall is the relevant documents found over all relevant documents,
//! precision the relevant documents found over all documents found, both summed over the
//! queries (micro-averaged).
//!
//! The lemmas are split in two halves by a stable hash of the lemma (FNV-1a, even or odd):
//! the *tuning* half is the one to look at while changing a stemmer, the *held-out* half the
//! one whose figures are reported (issue 21: "tune on these, not to them"). Each half samples
//! its own lemmas; the sentences (the documents searched) are the whole split in both.
//!
//! ```text
//! cargo bench --bench inflection            # every language the shared data has
//! THB_INFLECTION_LEMMAS=300 cargo bench --bench inflection
//! THB_INFLECTION_MISSES=40 cargo bench --bench inflection   # + the tuning half's misses
//! ```
//!
//! Reads `../shared/data/ud_dev/*.conllu` (CC BY-SA 4.0; never copied into the project);
//! without them it says so and measures nothing. Serbian is searched twice: as written (Latin)
//! and transliterated to Cyrillic, since a user may type either.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use serde_json::json;
use thb_engine::index::IndexHandle;
use thb_engine::ingest::{ingest_paths, IngestOptions};
use thb_engine::search::{self, SearchRequest};

const SHARED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data/ud_dev");

/// The treebanks: file, the language the documents declare, their country.
const TREEBANKS: [(&str, &str, &str); 3] = [
    ("sr_set-ud-dev.conllu", "sr-Latn", "RS"),
    ("hr_set-ud-dev.conllu", "hr", "HR"),
    ("tr_boun-ud-dev.conllu", "tr", "TR"),
];

/// Parts of speech whose forms a lawyer searches: nouns, verbs, adjectives, names.
const CONTENT: [&str; 4] = ["NOUN", "VERB", "ADJ", "PROPN"];

/// The two halves of the lemmas, by [`half_of`].
const HALVES: [&str; 2] = ["tuning", "held-out"];

/// Which half a lemma belongs to: 0 (tuning) or 1 (held-out), by the parity of its FNV-1a
/// hash, the same on every run and machine.
fn half_of(lemma: &str) -> usize {
    let hash = lemma.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    });
    usize::from(hash & 1 == 1)
}

/// How a query is typed from a form as written in the treebank.
type Typing = fn(&str) -> String;

struct Sentence {
    text: String,
    /// Every token's (lowercased form, lowercased lemma) of the content parts of speech.
    tokens: Vec<(String, String)>,
}

fn read_conllu(path: &Path) -> Vec<Sentence> {
    let text = std::fs::read_to_string(path).expect("a readable treebank");
    let mut sentences = Vec::new();
    let mut current: Option<Sentence> = None;
    for line in text.lines() {
        if let Some(t) = line.strip_prefix("# text = ") {
            current = Some(Sentence {
                text: t.to_string(),
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
            if let Some(s) = current.as_mut() {
                if CONTENT.contains(&columns[3]) {
                    s.tokens
                        .push((columns[1].to_lowercase(), columns[2].to_lowercase()));
                }
            }
        }
    }
    sentences.extend(current);
    sentences
}

/// Serbian Latin to Cyrillic, letter by letter with the digraphs first (what a user typing
/// Cyrillic would type; the rare `nj`/`dž` across a morpheme boundary is not told apart).
fn to_cyrillic(latin: &str) -> String {
    const DIGRAPHS: [(&str, &str); 3] = [("lj", "љ"), ("nj", "њ"), ("dž", "џ")];
    const LETTERS: [(char, char); 27] = [
        ('a', 'а'),
        ('b', 'б'),
        ('c', 'ц'),
        ('č', 'ч'),
        ('ć', 'ћ'),
        ('d', 'д'),
        ('đ', 'ђ'),
        ('e', 'е'),
        ('f', 'ф'),
        ('g', 'г'),
        ('h', 'х'),
        ('i', 'и'),
        ('j', 'ј'),
        ('k', 'к'),
        ('l', 'л'),
        ('m', 'м'),
        ('n', 'н'),
        ('o', 'о'),
        ('p', 'п'),
        ('r', 'р'),
        ('s', 'с'),
        ('š', 'ш'),
        ('t', 'т'),
        ('u', 'у'),
        ('v', 'в'),
        ('z', 'з'),
        ('ž', 'ж'),
    ];
    let mut out = String::new();
    let mut rest = latin;
    'next: while let Some(c) = rest.chars().next() {
        for (from, to) in DIGRAPHS {
            if rest.starts_with(from) {
                out.push_str(to);
                rest = &rest[from.len()..];
                continue 'next;
            }
        }
        out.push(LETTERS.iter().find(|(l, _)| *l == c).map_or(c, |(_, k)| *k));
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// For tuning: the forms of `lemma` in the sentences the query missed, and the forms that
/// made the query find sentences without the lemma.
fn print_misses(
    sentences: &[Sentence],
    lemma: &str,
    typed: &str,
    answer: &BTreeSet<String>,
    relevant: &BTreeSet<String>,
) {
    let sentence = |id: &String| &sentences[id["ud:".len()..].parse::<usize>().unwrap()];
    let missed: BTreeSet<&str> = relevant
        .difference(answer)
        .flat_map(|id| sentence(id).tokens.iter())
        .filter(|(_, l)| l == lemma)
        .map(|(f, _)| f.as_str())
        .collect();
    // The words of the false hits that open like the typed form: the likely culprits.
    let opening: String = typed.chars().take(3).collect();
    let wrong: BTreeSet<String> = answer
        .difference(relevant)
        .flat_map(|id| sentence(id).tokens.iter())
        .filter(|(f, _)| f.starts_with(&opening))
        .map(|(f, l)| format!("{f}/{l}"))
        .collect();
    println!("  miss {lemma} typed {typed}: missed {missed:?}; false hits {wrong:?}");
}

/// Every document the search returns (all pages, to the paging limit).
fn found(handle: &IndexHandle, query: &str) -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    for page in 1..=10 {
        let request = SearchRequest {
            query: query.to_string(),
            per_page: 100,
            page,
            ..SearchRequest::default()
        };
        let Ok(response) = search::search(handle, &request) else {
            break;
        };
        let last = response.hits.len() < 100;
        ids.extend(response.hits.into_iter().map(|h| h.id));
        if last {
            break;
        }
    }
    ids
}

fn main() {
    if std::env::args().all(|a| a != "--bench") {
        println!("inflection: run with `cargo bench --bench inflection`; skipped under cargo test");
        return;
    }
    let lemmas_per_language: usize = std::env::var("THB_INFLECTION_LEMMAS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200);
    // Tuning-half queries whose misses and false hits are listed (never the held-out half).
    let misses_wanted: usize = std::env::var("THB_INFLECTION_MISSES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    println!("| language | typed as | half | lemmas | queries | recall | precision |");
    println!("|---|---|---|---:|---:|---:|---:|");
    for (file, language, country) in TREEBANKS {
        let path = Path::new(SHARED).join(file);
        if !path.is_file() {
            println!("skipped {file}: not found in {SHARED}");
            continue;
        }
        let sentences = read_conllu(&path);
        let mut misses = misses_wanted;
        let dir = tempfile::tempdir().unwrap();
        let jsonl = dir.path().join("sentences.jsonl");
        let lines: Vec<String> = sentences
            .iter()
            .enumerate()
            .map(|(i, s)| {
                json!({
                    "id": format!("ud:{i}"), "kind": "report", "title": format!("Sentence {i}"),
                    "text": s.text, "country": country, "language": language,
                    "provenance": "sample", "personal_data": "allowed"
                })
                .to_string()
            })
            .collect();
        std::fs::write(&jsonl, lines.join("\n")).unwrap();
        let handle = IndexHandle::open_or_create(&dir.path().join("index")).unwrap();
        ingest_paths(&handle, &[jsonl], &IngestOptions::default()).unwrap();

        // Each lemma's forms and the sentences holding it.
        let mut forms: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        let mut holding: HashMap<String, BTreeSet<String>> = HashMap::new();
        for (i, s) in sentences.iter().enumerate() {
            for (form, lemma) in &s.tokens {
                if form.chars().all(char::is_alphabetic) {
                    forms.entry(lemma.clone()).or_default().insert(form.clone());
                    holding
                        .entry(lemma.clone())
                        .or_default()
                        .insert(format!("ud:{i}"));
                }
            }
        }
        let scripts: &[(&str, Typing)] = if language == "sr-Latn" {
            &[("Latin", |s| s.to_string()), ("Cyrillic", to_cyrillic)]
        } else {
            &[("as written", |s| s.to_string())]
        };
        for (half, half_name) in HALVES.iter().enumerate() {
            let inflected: Vec<(&String, &BTreeSet<String>)> = forms
                .iter()
                .filter(|(lemma, f)| f.len() >= 3 && half_of(lemma) == half)
                .collect();
            // An even sample across the alphabet, the same on every run.
            let step = (inflected.len() / lemmas_per_language).max(1);
            let sample: Vec<_> = inflected
                .into_iter()
                .step_by(step)
                .take(lemmas_per_language)
                .collect();
            for (typed_as, script) in scripts {
                let (mut relevant, mut found_relevant, mut found_all, mut queries) = (0, 0, 0, 0);
                for (lemma, lemma_forms) in &sample {
                    let relevant_docs = &holding[*lemma];
                    // The form in the middle of the sorted list: neither the shortest nor a
                    // rare spelling, the same on every run.
                    let form = lemma_forms.iter().nth(lemma_forms.len() / 2).unwrap();
                    let answer = found(&handle, &script(form));
                    relevant += relevant_docs.len();
                    found_relevant += answer.intersection(relevant_docs).count();
                    found_all += answer.len();
                    queries += 1;
                    if half == 0 && misses > 0 && *typed_as != "Cyrillic" {
                        print_misses(&sentences, lemma, form, &answer, relevant_docs);
                        misses -= 1;
                    }
                }
                println!(
                    "| {language} | {typed_as} | {half_name} | {} | {queries} | {:.3} | {:.3} |",
                    sample.len(),
                    found_relevant as f64 / relevant.max(1) as f64,
                    found_relevant as f64 / found_all.max(1) as f64,
                );
            }
        }
    }
}

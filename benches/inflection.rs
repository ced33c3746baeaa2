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

use thb_engine::index::IndexHandle;
use thb_engine::search::{self, SearchRequest};

// The treebanks as documents, shared with `tests/lemmas.rs`.
#[path = "../tests/common/mod.rs"]
mod common;

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
    /// Every token as written, whatever its part of speech (the dictionary prototype).
    words: Vec<String>,
}

fn read_conllu(path: &Path) -> Vec<Sentence> {
    let sentences = common::treebank::read(path).expect("a readable treebank");
    sentences
        .into_iter()
        .map(|s| Sentence {
            words: s.tokens.iter().map(|t| t.form.clone()).collect(),
            tokens: s
                .tokens
                .iter()
                .filter(|t| CONTENT.contains(&t.upos.as_str()))
                .map(|t| (t.form.to_lowercase(), t.lemma.to_lowercase()))
                .collect(),
            text: s.text,
        })
        .collect()
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
    let mut dictionary_rows: Vec<String> = Vec::new();
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
        let (handle, _dir) =
            common::treebank::index(sentences.iter().map(|s| s.text.as_str()), language, country);

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
            let sample = sample(&forms, half, lemmas_per_language);
            for (typed_as, script) in scripts {
                let (mut relevant, mut found_relevant, mut found_all, mut queries) = (0, 0, 0, 0);
                for (lemma, form) in &sample {
                    let relevant_docs = &holding[*lemma];
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
        dictionary_rows.extend(dictionary::compare(
            language,
            &sentences,
            &holding,
            &|half| sample(&forms, half, lemmas_per_language),
        ));
    }
    dictionary::print(&dictionary_rows);
}

/// The lemmas of one half searched, each with the form typed: an even sample across the
/// alphabet of the lemmas with at least three forms, the same on every run.
fn sample(
    forms: &BTreeMap<String, BTreeSet<String>>,
    half: usize,
    lemmas: usize,
) -> Vec<(&String, &String)> {
    let inflected: Vec<(&String, &BTreeSet<String>)> = forms
        .iter()
        .filter(|(lemma, f)| f.len() >= 3 && half_of(lemma) == half)
        .collect();
    let step = (inflected.len() / lemmas).max(1);
    inflected
        .into_iter()
        .step_by(step)
        .take(lemmas)
        // The form in the middle of the sorted list: neither the shortest nor a rare
        // spelling, the same on every run.
        .map(|(lemma, f)| (lemma, f.iter().nth(f.len() / 2).unwrap()))
        .collect()
}

/// Issue 21's question whether Hunspell's dictionaries (Debian's `hunspell-sr`, `hunspell-hr`,
/// `hunspell-tr`) find the forms of a lemma better than our light stemmers: a prototype in
/// this bench, not in the product. It asks the `hunspell` program for the dictionary stems of
/// every word of a treebank (`hunspell -s`) and grades the stem field alone, simulated: a
/// sentence is found when one of its words shares a key with the query word, its folded form
/// (the folded field) or a stem. With the light stemmer as the only stems, the simulation
/// comes within 0.01 of the search above, which is how it is checked. Skipped, with a
/// message, where the program or a dictionary is missing (`apt-get install hunspell
/// hunspell-sr hunspell-hr hunspell-tr`). Serbian is simulated as written (Latin) only.
mod dictionary {
    use std::collections::{BTreeSet, HashMap};
    use std::io::Write;
    use std::process::{Command, Stdio};

    use thb_engine::analysis::{Analyzer, StemLanguage};

    use super::{Sentence, HALVES};

    const DICTIONARY_DIR: &str = "/usr/share/hunspell";

    /// The dictionary of each treebank's language.
    fn dictionary_of(language: &str) -> Option<&'static str> {
        match language {
            "sr-Latn" => Some("sr_Latn_RS"),
            "hr" => Some("hr_HR"),
            "tr" => Some("tr_TR"),
            _ => None,
        }
    }

    /// Which stems a word gets.
    #[derive(Clone, Copy)]
    enum Stems {
        /// The light stemmer's (the product today).
        Light,
        /// The dictionary's, the light stemmer's for a word it does not know.
        DictionaryElseLight,
        /// Both.
        LightAndDictionary,
        /// Both, the dictionary's only when it gives one stem that shares the word's first
        /// four letters, reached through no relational adjective (`-ski`, `-čki`): the Serbian
        /// dictionary stems `kosovskih` `kosovo` and `albanskih` `albanija`, and `samog` `sam`,
        /// which is also the auxiliary of every other sentence (tuned on the tuning half).
        LightAndCheckedDictionary,
    }

    const ALL: [(Stems, &str); 4] = [
        (Stems::Light, "light stemmer"),
        (Stems::DictionaryElseLight, "dictionary, else light"),
        (Stems::LightAndDictionary, "light + dictionary"),
        (
            Stems::LightAndCheckedDictionary,
            "light + checked dictionary",
        ),
    ];

    /// The stems `hunspell -s` gives the words it knows, folded; `None` with a message when
    /// the program or the dictionary is missing.
    fn dictionary_stems(
        dictionary: &str,
        words: &BTreeSet<String>,
    ) -> Option<HashMap<String, BTreeSet<String>>> {
        let path = format!("{DICTIONARY_DIR}/{dictionary}");
        if !std::path::Path::new(&format!("{path}.dic")).is_file() {
            println!("dictionary prototype: {path}.dic not found; skipped");
            return None;
        }
        let Ok(mut child) = Command::new("hunspell")
            .args(["-d", &path, "-s", "-i", "utf-8"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
        else {
            println!("dictionary prototype: the `hunspell` program is not installed; skipped");
            return None;
        };
        let input: String = words.iter().map(|w| format!("{w}\n")).collect();
        let mut stdin = child.stdin.take()?;
        // Written from another thread: hunspell answers while it reads, and a full pipe
        // each way would stall both.
        let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
        let output = child.wait_with_output().ok()?;
        writer.join().ok()?.ok()?;
        let mut stems: HashMap<String, BTreeSet<String>> = HashMap::new();
        // One line per stem, `word stem`; a word it does not know has the line `word`.
        for line in String::from_utf8_lossy(&output.stdout).lines() {
            if let Some((word, stem)) = line.split_once(' ') {
                let folded = Analyzer::Folded.terms(stem).concat();
                stems.entry(word.to_string()).or_default().insert(folded);
            }
        }
        Some(stems)
    }

    /// The keys of one word as written: its folded form and its stems.
    fn keys(
        word: &str,
        stems: Stems,
        light: Analyzer,
        dictionary: &HashMap<String, BTreeSet<String>>,
    ) -> Vec<String> {
        let lower = word.to_lowercase();
        let folded = Analyzer::Folded.terms(&lower).concat();
        let mut keys = vec![format!("folded:{folded}")];
        let light_stem = || format!("stem:{}", light.terms(&lower).concat());
        let known: BTreeSet<&String> = dictionary
            .get(word)
            .into_iter()
            .chain(dictionary.get(&lower))
            .flatten()
            .collect();
        let from_dictionary = known.iter().map(|stem| format!("stem:{stem}"));
        match stems {
            Stems::Light => keys.push(light_stem()),
            Stems::DictionaryElseLight if known.is_empty() => keys.push(light_stem()),
            Stems::DictionaryElseLight => keys.extend(from_dictionary),
            Stems::LightAndDictionary => {
                keys.push(light_stem());
                keys.extend(from_dictionary);
            }
            Stems::LightAndCheckedDictionary => {
                keys.push(light_stem());
                if let [stem] = known.iter().collect::<Vec<_>>()[..] {
                    let common = stem
                        .bytes()
                        .zip(folded.bytes())
                        .take_while(|(a, b)| a == b)
                        .count();
                    let rest = &folded[common..];
                    if common >= stem.len().min(4) && !rest.contains("sk") && !rest.contains("ck") {
                        keys.push(format!("stem:{stem}"));
                    }
                }
            }
        }
        keys
    }

    /// The table rows of one treebank: recall and precision of each way of stemming, both
    /// halves. `sample` gives a half's (lemma, form typed).
    pub(super) fn compare<'a>(
        language: &str,
        sentences: &[Sentence],
        holding: &HashMap<String, BTreeSet<String>>,
        sample: &dyn Fn(usize) -> Vec<(&'a String, &'a String)>,
    ) -> Vec<String> {
        let (Some(dictionary), Some(stem_language)) =
            (dictionary_of(language), StemLanguage::for_tag(language))
        else {
            return Vec::new();
        };
        let light = Analyzer::Stemmed(stem_language);
        let words: BTreeSet<String> = sentences
            .iter()
            .flat_map(|s| &s.words)
            .flat_map(|w| [w.clone(), w.to_lowercase()])
            .collect();
        let Some(known) = dictionary_stems(dictionary, &words) else {
            return Vec::new();
        };
        let mut rows = Vec::new();
        for (stems, name) in ALL {
            let mut postings: HashMap<String, BTreeSet<String>> = HashMap::new();
            for (i, sentence) in sentences.iter().enumerate() {
                for word in &sentence.words {
                    for key in keys(word, stems, light, &known) {
                        postings.entry(key).or_default().insert(format!("ud:{i}"));
                    }
                }
            }
            for (half, half_name) in HALVES.iter().enumerate() {
                let (mut relevant, mut found_relevant, mut found_all) = (0, 0, 0);
                for (lemma, form) in sample(half) {
                    let mut answer: BTreeSet<&String> = BTreeSet::new();
                    for key in keys(form, stems, light, &known) {
                        answer.extend(postings.get(&key).into_iter().flatten());
                    }
                    let relevant_docs = &holding[lemma];
                    relevant += relevant_docs.len();
                    found_relevant += answer
                        .iter()
                        .filter(|d| relevant_docs.contains(**d))
                        .count();
                    found_all += answer.len();
                }
                rows.push(format!(
                    "| {language} | {dictionary} | {name} | {half_name} | {:.3} | {:.3} |",
                    found_relevant as f64 / relevant.max(1) as f64,
                    found_relevant as f64 / found_all.max(1) as f64,
                ));
            }
        }
        rows
    }

    pub(super) fn print(rows: &[String]) {
        if rows.is_empty() {
            return;
        }
        println!();
        println!("Dictionary prototype (stem field simulated):");
        println!("| language | dictionary | stems | half | recall | precision |");
        println!("|---|---|---|---|---:|---:|");
        for row in rows {
            println!("{row}");
        }
    }
}

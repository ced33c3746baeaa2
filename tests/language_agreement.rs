//! How often language detection agrees with the languages documents declare: on the shipped
//! corpus, and on real treebank sentences from `../shared/data` when present. Agreement is
//! counted two ways: the exact tag, and the analyser group (Serbian, Bosnian, Croatian and
//! Montenegrin are one group: detection cannot tell them apart and they share one analyser).
//! The figures are printed (run with `--nocapture`) and quoted in `benches/RESULTS.md`.

use std::collections::BTreeMap;
use std::path::Path;

use thb_engine::analysis::StemLanguage;
use thb_text::language;

/// The analyser group of a tag: what detection must get right for search to work.
fn group(tag: &str) -> String {
    match StemLanguage::for_tag(tag) {
        Some(stem) => stem.code().to_string(),
        None => language::primary_subtag(tag).to_string(),
    }
}

#[derive(Default)]
struct Tally {
    total: usize,
    group: usize,
    misses: BTreeMap<String, usize>,
    /// Every tag detection gave, with its count.
    labels: BTreeMap<String, usize>,
}

impl Tally {
    /// How often detection gave `tag`: for the declared tag, the exact agreements.
    fn labelled(&self, tag: &str) -> usize {
        self.labels.get(tag).copied().unwrap_or(0)
    }
}

impl Tally {
    fn add(&mut self, declared: &str, detected: &str) {
        self.total += 1;
        *self.labels.entry(detected.to_string()).or_default() += 1;
        if group(declared) == group(detected) {
            self.group += 1;
        } else {
            *self.misses.entry(detected.to_string()).or_default() += 1;
        }
    }
}

/// Serbian Latin is told from the other members by its ekavian forms (`language::yat`): it
/// must be labelled Serbian at least `share` of the time, and no Croatian, Bosnian or
/// Montenegrin text may be.
fn serbian_latin_is_told_apart(tallies: &BTreeMap<String, Tally>, share: f64) {
    let serbian = &tallies["sr-Latn"];
    assert!(
        serbian.labelled("sr-Latn") as f64 >= share * serbian.total as f64,
        "Serbian Latin labelled sr-Latn {}/{} times: {:?}",
        serbian.labelled("sr-Latn"),
        serbian.total,
        serbian.labels
    );
    for other in ["hr", "bs", "cnr"] {
        if let Some(t) = tallies.get(other) {
            assert_eq!(t.labels.get("sr-Latn"), None, "{other}: {:?}", t.labels);
        }
    }
}

fn report(title: &str, tallies: &BTreeMap<String, Tally>) -> (usize, usize) {
    println!(
        "\n{title}\n{:<10} {:>6} {:>8} {:>8}  misses (group)",
        "declared", "docs", "exact", "group"
    );
    let (mut total, mut agreed) = (0, 0);
    for (tag, t) in tallies {
        println!(
            "{tag:<10} {:>6} {:>7.1}% {:>7.1}%  {:?}",
            t.total,
            100.0 * t.labelled(tag) as f64 / t.total as f64,
            100.0 * t.group as f64 / t.total as f64,
            t.misses
        );
        total += t.total;
        agreed += t.group;
    }
    println!(
        "all        {total:>6}          {:>7.1}%",
        100.0 * agreed as f64 / total.max(1) as f64
    );
    (total, agreed)
}

#[test]
fn detection_agrees_with_the_corpus_declarations() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut tallies: BTreeMap<String, Tally> = BTreeMap::new();
    for entry in std::fs::read_dir(&corpus).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("jsonl") {
            continue;
        }
        for line in std::fs::read_to_string(&path).unwrap().lines() {
            let doc: serde_json::Value = serde_json::from_str(line).unwrap();
            let Some(declared) = doc["language"].as_str() else {
                continue;
            };
            let text = format!(
                "{}. {}",
                doc["title"].as_str().unwrap_or(""),
                doc["text"].as_str().unwrap_or("")
            );
            tallies
                .entry(declared.to_string())
                .or_default()
                .add(declared, &language::detect(&text).tag);
        }
    }
    let (total, agreed) = report("corpus/: detection vs declared language", &tallies);
    assert!(
        total > 200,
        "the corpus declares languages on most documents"
    );
    // On whole documents, the analyser group must be right for at least 95 % of them.
    assert!(
        agreed * 100 >= total * 95,
        "group agreement {agreed}/{total}"
    );
    serbian_latin_is_told_apart(&tallies, 0.9);
}

#[test]
fn detection_on_real_treebank_sentences() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data/ud_sentences_balkan_tr_mt.jsonl");
    let Ok(data) = std::fs::read_to_string(&path) else {
        eprintln!(
            "skipped: {} is absent (real sentences live outside the project)",
            path.display()
        );
        return;
    };
    let mut tallies: BTreeMap<String, Tally> = BTreeMap::new();
    for line in data.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let text = v["text"].as_str().unwrap_or("");
        // Single sentences are short; judge those of at least 12 words, like a title plus a line.
        if text.split_whitespace().count() < 12 {
            continue;
        }
        let lang = v["lang"].as_str().unwrap_or("und");
        let declared = match (lang, v["script"].as_str()) {
            ("sr", Some("Cyrl")) => "sr-Cyrl".to_string(),
            ("sr", _) => "sr-Latn".to_string(),
            (other, _) => other.to_string(),
        };
        let tally = tallies.entry(declared.clone()).or_default();
        if tally.total < 300 {
            tally.add(&declared, &language::detect(text).tag);
        }
    }
    let (total, agreed) = report(
        "UD sentences (≥ 12 words): detection vs treebank language",
        &tallies,
    );
    assert!(
        agreed * 100 >= total * 85,
        "group agreement {agreed}/{total}"
    );
    // A single sentence seldom holds the two ekavian forms the rule asks for (one may be a
    // quotation): 18 of these 300 do, against none before the rule; whole documents are
    // checked on the corpus above. What matters here is that no Croatian sentence is taken.
    serbian_latin_is_told_apart(&tallies, 0.05);
    // Maltese has no lingua model: it must be recognised by its letters or be `und`,
    // never confidently another language.
    if let Some(mt) = tallies.get("mt") {
        let wrong: usize = mt
            .misses
            .iter()
            .filter(|(tag, _)| tag.as_str() != "und")
            .map(|(_, n)| n)
            .sum();
        assert!(
            wrong * 10 <= mt.total,
            "Maltese guessed as another language {wrong}/{} times",
            mt.total
        );
    }
}

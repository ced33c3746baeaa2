//! The thesaurus: the concepts of trafficking in human beings and their terms in each language
//! of the collection, kept as data in `corpus/thesaurus.toml` and compiled in (its header says
//! how to extend it).
//!
//! This module owns which concept a phrase names and what the concept's terms are. A term is
//! compared as its language's analyser sees it (`analysis::Analyzer`): folded (script, case and
//! diacritics: `prinudni rad` and `принудни рад` are one) and stemmed by the rules of the
//! term's own language, so an inflected query (`prinudnog rada`, `zorla çalıştırmanın`) names
//! the concept its nominative names. A multi-word term is named only by the same words in the
//! same order. Turning terms into index queries is `search::build`'s business, not this one's.

use std::collections::{BTreeSet, HashMap};
use std::sync::{Arc, LazyLock};

use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};

use crate::analysis::{words, Analyzer, PhraseTerms, RecentTerms, StemLanguage, WordAnalyzer};
use crate::domain::taxonomy;

/// The thesaurus file.
const THESAURUS_FILE: &str = include_str!("../../../../corpus/thesaurus.toml");

/// A language of the thesaurus's terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Language {
    #[serde(rename = "en")]
    English,
    #[serde(rename = "fr")]
    French,
    #[serde(rename = "sr-Latn")]
    SerbianLatin,
    /// Derived from the Serbian Latin terms by transliteration, never written in the file.
    #[serde(rename = "sr-Cyrl")]
    SerbianCyrillic,
    #[serde(rename = "hr")]
    Croatian,
    #[serde(rename = "bs")]
    Bosnian,
    #[serde(rename = "cnr")]
    Montenegrin,
    #[serde(rename = "mk")]
    Macedonian,
    #[serde(rename = "sq")]
    Albanian,
    #[serde(rename = "tr")]
    Turkish,
    #[serde(rename = "mt")]
    Maltese,
}

impl Language {
    /// Every language, in the order a concept's terms are listed.
    pub const ALL: [Language; 11] = [
        Language::English,
        Language::French,
        Language::SerbianLatin,
        Language::SerbianCyrillic,
        Language::Croatian,
        Language::Bosnian,
        Language::Montenegrin,
        Language::Macedonian,
        Language::Albanian,
        Language::Turkish,
        Language::Maltese,
    ];

    /// Its BCP 47 tag, as documents' `language` writes it.
    pub fn tag(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::French => "fr",
            Language::SerbianLatin => "sr-Latn",
            Language::SerbianCyrillic => "sr-Cyrl",
            Language::Croatian => "hr",
            Language::Bosnian => "bs",
            Language::Montenegrin => "cnr",
            Language::Macedonian => "mk",
            Language::Albanian => "sq",
            Language::Turkish => "tr",
            Language::Maltese => "mt",
        }
    }

    /// The analyser a term of this language is compared with: its stemmer, or the fold alone
    /// for a language without one (Maltese).
    pub fn analyzer(self) -> Analyzer {
        StemLanguage::for_tag(self.tag()).map_or(Analyzer::Folded, Analyzer::Stemmed)
    }
}

/// One term of a concept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Term {
    pub language: Language,
    /// As the file writes it (Cyrillic for `sr-Cyrl`).
    pub term: String,
    /// Its words folded (`zorla calistirma`): what a phrase of them is in the folded fields.
    #[serde(skip)]
    pub folded: Vec<String>,
    /// Its words as its language's analyser makes them (stems; folded words for Maltese).
    #[serde(skip)]
    pub analysed: Vec<String>,
}

impl Term {
    fn new(language: Language, term: String) -> Term {
        let folded = Analyzer::Folded.terms(&term);
        let analysed = language.analyzer().terms(&term);
        Term {
            language,
            term,
            folded,
            analysed,
        }
    }

    /// What names this term: its analyser and its analysed words.
    fn key(&self) -> (Analyzer, Vec<String>) {
        (self.language.analyzer(), self.analysed.clone())
    }

    /// The term of the index's `stem` field that stands for a mention of this term in a
    /// document of its language: its stem, or its stems joined in one term for a term of
    /// several words (`sh:prinudn rad`, `analysis::PhraseTerms`). `None` for a term of a
    /// language without a stemmer (Maltese), which is looked for in the folded text.
    pub fn stem_term(&self) -> Option<String> {
        match self.language.analyzer() {
            Analyzer::Stemmed(language) => Some(PhraseTerms::term(language, &self.analysed)),
            Analyzer::Exact | Analyzer::Folded => None,
        }
    }
}

/// A concept: what its terms name, in every language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Concept {
    /// Stable identifier (`forced-labour`).
    pub id: String,
    /// Paths of the theme taxonomy it belongs to.
    pub themes: Vec<String>,
    /// Concepts a search for this one also finds (both ways).
    pub related: Vec<String>,
    /// The article of the Convention (CETS No. 197) whose English text uses an English term.
    pub convention: Option<u16>,
    /// Every term, by language in [`Language::ALL`]'s order, the usual one first.
    pub terms: Vec<Term>,
}

impl Concept {
    /// Its terms in `language`.
    pub fn terms_in(&self, language: Language) -> impl Iterator<Item = &Term> {
        self.terms.iter().filter(move |t| t.language == language)
    }
}

/// A concept as the file writes it.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConcept {
    id: String,
    themes: Vec<String>,
    #[serde(default)]
    related: Vec<String>,
    #[serde(default)]
    convention: Option<u16>,
    #[serde(default)]
    en: Vec<String>,
    #[serde(default)]
    fr: Vec<String>,
    #[serde(default)]
    sr: Vec<String>,
    #[serde(default)]
    hr: Vec<String>,
    #[serde(default)]
    bs: Vec<String>,
    #[serde(default)]
    cnr: Vec<String>,
    #[serde(default)]
    mk: Vec<String>,
    #[serde(default)]
    sq: Vec<String>,
    #[serde(default)]
    tr: Vec<String>,
    #[serde(default)]
    mt: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawThesaurus {
    concept: Vec<RawConcept>,
}

/// Why the thesaurus file is wrong, naming the concept and what is wrong with it.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ThesaurusError {
    #[error("corpus/thesaurus.toml: {0}")]
    Syntax(String),
    #[error("corpus/thesaurus.toml, concept `{concept}`: {problem}")]
    Concept { concept: String, problem: String },
}

fn problem(concept: &str, problem: impl Into<String>) -> ThesaurusError {
    ThesaurusError::Concept {
        concept: concept.to_string(),
        problem: problem.into(),
    }
}

/// The concepts, and what names each.
#[derive(Debug)]
pub struct Thesaurus {
    concepts: Vec<Concept>,
    /// Each term's analyser and analysed words → its concept's place in `concepts`.
    named: HashMap<(Analyzer, Vec<String>), usize>,
    /// The analysers terms are compared with, each once.
    analyzers: Vec<Analyzer>,
    /// The most analysed words a term has.
    longest: usize,
    /// The terms of each analyser, arranged for [`Thesaurus::infer_themes`].
    matchers: Vec<Matcher>,
}

impl Thesaurus {
    /// Reads and checks a thesaurus file: every concept has an id of its own, an English term,
    /// themes of the taxonomy, related concepts that exist, terms that are words; no term
    /// names two concepts.
    pub fn parse(text: &str) -> Result<Thesaurus, ThesaurusError> {
        let raw: RawThesaurus =
            toml::from_str(text).map_err(|e| ThesaurusError::Syntax(e.to_string()))?;
        let mut concepts: Vec<Concept> = Vec::with_capacity(raw.concept.len());
        for c in raw.concept {
            if c.id.is_empty()
                || !c
                    .id
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            {
                return Err(problem(
                    &c.id,
                    "an id is lower-case letters, digits and `-`",
                ));
            }
            if concepts.iter().any(|other| other.id == c.id) {
                return Err(problem(&c.id, "a second concept has this id"));
            }
            if c.themes.is_empty() {
                return Err(problem(&c.id, "no themes; give at least one"));
            }
            if let Some(theme) = c.themes.iter().find(|t| !taxonomy::contains(t)) {
                return Err(problem(
                    &c.id,
                    format!("`{theme}` is not a theme of corpus/themes.txt"),
                ));
            }
            if c.en.is_empty() {
                return Err(problem(&c.id, "no English term"));
            }
            let cyrillic: Vec<String> =
                c.sr.iter()
                    .map(|t| thb_text::transliterate::serbian_latin_to_cyrillic(t))
                    .collect();
            let by_language = [
                (Language::English, c.en),
                (Language::French, c.fr),
                (Language::SerbianLatin, c.sr),
                (Language::SerbianCyrillic, cyrillic),
                (Language::Croatian, c.hr),
                (Language::Bosnian, c.bs),
                (Language::Montenegrin, c.cnr),
                (Language::Macedonian, c.mk),
                (Language::Albanian, c.sq),
                (Language::Turkish, c.tr),
                (Language::Maltese, c.mt),
            ];
            let mut terms = Vec::new();
            for (language, written) in by_language {
                for text in written {
                    let term = Term::new(language, text.trim().to_string());
                    if term.analysed.is_empty() {
                        return Err(problem(
                            &c.id,
                            format!("the {} term `{text}` has no words", language.tag()),
                        ));
                    }
                    terms.push(term);
                }
            }
            concepts.push(Concept {
                id: c.id,
                themes: c.themes,
                related: c.related,
                convention: c.convention,
                terms,
            });
        }
        for concept in &concepts {
            for related in &concept.related {
                if *related == concept.id || !concepts.iter().any(|c| c.id == *related) {
                    return Err(problem(
                        &concept.id,
                        format!("related concept `{related}` does not exist"),
                    ));
                }
            }
        }
        let mut named: HashMap<(Analyzer, Vec<String>), usize> = HashMap::new();
        let mut analyzers: Vec<Analyzer> = Vec::new();
        let mut longest = 0;
        for (at, concept) in concepts.iter().enumerate() {
            for term in &concept.terms {
                let key = term.key();
                if !analyzers.contains(&key.0) {
                    analyzers.push(key.0);
                }
                longest = longest.max(term.analysed.len());
                if let Some(&other) = named.get(&key) {
                    if other != at {
                        return Err(problem(
                            &concept.id,
                            format!(
                                "the {} term `{}` also names `{}`",
                                term.language.tag(),
                                term.term,
                                concepts[other].id
                            ),
                        ));
                    }
                }
                named.insert(key, at);
            }
        }
        Ok(Thesaurus {
            matchers: matchers(&named),
            concepts,
            named,
            analyzers,
            longest,
        })
    }

    /// Every concept, in file order.
    pub fn concepts(&self) -> &[Concept] {
        &self.concepts
    }

    /// The concept with this id.
    pub fn concept(&self, id: &str) -> Option<&Concept> {
        self.concepts.iter().find(|c| c.id == id)
    }

    /// The concept `phrase` names as a whole, and which of its terms: the phrase's words,
    /// analysed by each language's rules, are a term's words. The first language in
    /// [`Language::ALL`]'s order that finds one decides.
    pub fn naming(&self, phrase: &str) -> Option<(&Concept, &Term)> {
        for &analyzer in &self.analyzers {
            let words = analyzer.terms(phrase);
            if words.is_empty() || words.len() > self.longest {
                continue;
            }
            let key = (analyzer, words);
            if let Some(&at) = self.named.get(&key) {
                let concept = &self.concepts[at];
                let term = concept.terms.iter().find(|t| t.key() == key)?;
                return Some((concept, term));
            }
        }
        None
    }

    /// The concepts named by runs of `words` (a query's consecutive words), left to right, the
    /// longest run first where several start at one word: `forced labour` is one concept, not
    /// `forced` and `labour`. Each as the range of words naming it.
    pub fn named_in(&self, words: &[&str]) -> Vec<Named<'_>> {
        let mut found = Vec::new();
        let mut start = 0;
        while start < words.len() {
            let mut next = start + 1;
            for end in (start + 1..=words.len().min(start + self.longest)).rev() {
                if let Some((concept, term)) = self.naming(&words[start..end].join(" ")) {
                    found.push(Named {
                        concept,
                        term,
                        words: start..end,
                    });
                    next = end;
                    break;
                }
            }
            start = next;
        }
        found
    }

    /// The terms of several words of the languages with a stemmer, which the index's `stem`
    /// field holds whole (`analysis::PhraseTerms`).
    pub fn phrase_terms(&self) -> PhraseTerms {
        let mut phrases = PhraseTerms::default();
        for term in self.concepts.iter().flat_map(|c| &c.terms) {
            if let Analyzer::Stemmed(language) = term.language.analyzer() {
                phrases.add(language, &term.analysed);
            }
        }
        phrases
    }

    /// The concepts related to `concept` (its `related` list and the concepts that list it).
    pub fn related(&self, concept: &Concept) -> Vec<&Concept> {
        self.concepts
            .iter()
            .filter(|c| concept.related.contains(&c.id) || c.related.contains(&concept.id))
            .collect()
    }

    /// The themes a document that declares none takes from the concepts it names: those named
    /// in its title, or at least twice in its text (one passing mention does not make a
    /// judgment about compensation). Top-level themes are not inferred: the concepts that
    /// carry them (trafficking, exploitation, victim) are named by nearly every document.
    /// In taxonomy order.
    ///
    /// Ingest runs this on every document without declared themes (every imported HUDOC
    /// judgment), so it walks the text once, folds each word into one buffer and stems only
    /// the words that can be a term's (`Mentions`); collecting every term of a 100 KB
    /// judgment twice cost ingest a third of its rate (`benches/RESULTS.md`, issue 24).
    pub fn infer_themes(&self, title: &str, text: &str, language: Option<&str>) -> Vec<String> {
        let counts = self.mention_counts(title, text, language);
        let themes: BTreeSet<&str> = counts
            .iter()
            .enumerate()
            .filter(|(_, n)| **n >= 2)
            .flat_map(|(at, _)| self.concepts[at].themes.iter())
            .map(String::as_str)
            .filter(|theme| theme.contains('/'))
            .collect();
        taxonomy::all()
            .iter()
            .filter(|t| themes.contains(*t))
            .map(|t| t.to_string())
            .collect()
    }

    /// How often `title` and `text` name each concept, by place in [`concepts`](Self::concepts),
    /// a mention in the title counting twice.
    fn mention_counts(&self, title: &str, text: &str, language: Option<&str>) -> Vec<usize> {
        // The document's own language's rules, and the fold for terms of languages without a
        // stemmer; every language's rules for a document of unknown language.
        let own = language
            .and_then(StemLanguage::for_tag)
            .map(Analyzer::Stemmed);
        let mut mentions = Mentions::new(
            self.matchers.iter().filter(|m| {
                own.is_none() || Some(m.analyzer) == own || m.analyzer == Analyzer::Folded
            }),
            self.concepts.len(),
            self.longest,
        );
        // A mention in the title counts as two.
        mentions.count(title, 2);
        mentions.count(text, 1);
        mentions.counts
    }
}

/// How many letters of a word [`Matcher::may_be_a_term_word`] looks at.
const PREFIX_CHARS: usize = 2;

/// The first [`PREFIX_CHARS`] characters of a word (all of a shorter one), packed in one key.
fn prefix_key(word: &str) -> u64 {
    word.chars()
        .take(PREFIX_CHARS)
        .fold(1u64, |key, c| (key << 21) | u64::from(c))
}

/// One analyser's terms, arranged to count their mentions in a text walked once.
#[derive(Debug)]
struct Matcher {
    analyzer: Analyzer,
    /// Each term's words and concept, by its last word: a term is found when its last word
    /// arrives and the words before it are the term's.
    ///
    /// Fx-hashed, as `prefixes`: looked up for every word of every document without declared
    /// themes at ingest, where SipHash's flood resistance buys nothing.
    by_last: FxHashMap<String, Vec<(Vec<String>, usize)>>,
    /// [`prefix_key`] of every word of every term.
    prefixes: FxHashSet<u64>,
}

impl Matcher {
    /// Whether a word whose folded form is `folded` can have one of the terms' words as its
    /// term. The stemmers strip and alter endings and keep a word's first two letters (the
    /// third can go: the fleeting `a` of `brak`, stemmed `brk`), so a word that begins
    /// otherwise than every term word (most words of a text) is not stemmed at all. A test
    /// compares the counts with those of every word stemmed, on every text we have.
    fn may_be_a_term_word(&self, folded: &str) -> bool {
        match self.analyzer {
            Analyzer::Stemmed(_) => (1..=PREFIX_CHARS).any(|n| {
                let prefix_end = folded
                    .char_indices()
                    .nth(n)
                    .map_or(folded.len(), |(i, _)| i);
                self.prefixes.contains(&prefix_key(&folded[..prefix_end]))
            }),
            Analyzer::Exact | Analyzer::Folded => true,
        }
    }
}

/// The matchers of [`Thesaurus::infer_themes`], one per analyser terms are compared with.
fn matchers(named: &HashMap<(Analyzer, Vec<String>), usize>) -> Vec<Matcher> {
    let mut matchers: Vec<Matcher> = Vec::new();
    // In a stable order: the counts do not depend on it, but a reader of a debug print does.
    let mut terms: Vec<(&(Analyzer, Vec<String>), &usize)> = named.iter().collect();
    terms.sort_by(|a, b| (a.1, &a.0 .1).cmp(&(b.1, &b.0 .1)));
    for ((analyzer, words), &concept) in terms {
        let at = match matchers.iter().position(|m| m.analyzer == *analyzer) {
            Some(at) => at,
            None => {
                matchers.push(Matcher {
                    analyzer: *analyzer,
                    by_last: FxHashMap::default(),
                    prefixes: FxHashSet::default(),
                });
                matchers.len() - 1
            }
        };
        let matcher = &mut matchers[at];
        let last = words.last().expect("a term has words (checked by parse)");
        matcher
            .by_last
            .entry(last.clone())
            .or_default()
            .push((words.clone(), concept));
        matcher
            .prefixes
            .extend(words.iter().map(|word| prefix_key(word)));
    }
    matchers
}

/// The mentions of each concept in the texts walked so far.
struct Mentions<'a> {
    /// Each matcher, with the analyser of its words and the last terms it made (a word that
    /// cannot be a term's is kept as an empty term, so that no term spans it).
    walkers: Vec<(&'a Matcher, WordAnalyzer, RecentTerms)>,
    folder: WordAnalyzer,
    /// By concept, in `Thesaurus::concepts`' order.
    counts: Vec<usize>,
}

impl<'a> Mentions<'a> {
    fn new(matchers: impl Iterator<Item = &'a Matcher>, concepts: usize, longest: usize) -> Self {
        Mentions {
            walkers: matchers
                .map(|m| (m, WordAnalyzer::new(m.analyzer), RecentTerms::new(longest)))
                .collect(),
            folder: WordAnalyzer::new(Analyzer::Folded),
            counts: vec![0; concepts],
        }
    }

    /// Adds `weight` for every term `text` names, each time it names it. The terms of
    /// each matcher are the ones its analyser's tokenizer gives (`Analyzer::terms`).
    fn count(&mut self, text: &str, weight: usize) {
        for (_, _, recent) in &mut self.walkers {
            recent.forget();
        }
        for range in words(text) {
            let folded = self.folder.term(text, range.clone());
            for (matcher, analyzer, recent) in &mut self.walkers {
                if analyzer.skips(text, range.clone()) {
                    continue;
                }
                let term = match (matcher.analyzer, folded) {
                    (Analyzer::Folded, _) => folded,
                    (_, Some(f)) if !matcher.may_be_a_term_word(f) => Some(""),
                    _ => analyzer.term(text, range.clone()),
                };
                let Some(term) = term else { continue };
                recent.push(term);
                let Some(candidates) = matcher.by_last.get(term) else {
                    continue;
                };
                for (words, concept) in candidates {
                    if recent.end_with(words) {
                        self.counts[*concept] += weight;
                    }
                }
            }
        }
    }
}

/// A concept named by a run of a query's words.
#[derive(Debug, Clone)]
pub struct Named<'a> {
    pub concept: &'a Concept,
    /// The term the words are.
    pub term: &'a Term,
    /// Which of the words.
    pub words: std::ops::Range<usize>,
}

static THESAURUS: LazyLock<Thesaurus> = LazyLock::new(|| {
    // The file is compiled in and checked by this module's tests: an error is a build that
    // was never tested, not a user's mistake.
    Thesaurus::parse(THESAURUS_FILE).unwrap_or_else(|e| panic!("{e}"))
});

/// The shipped thesaurus.
pub fn shipped() -> &'static Thesaurus {
    &THESAURUS
}

static PHRASE_TERMS: LazyLock<Arc<PhraseTerms>> =
    LazyLock::new(|| Arc::new(THESAURUS.phrase_terms()));

/// The shipped thesaurus's [`Thesaurus::phrase_terms`], built once for every index opened.
pub fn shipped_phrase_terms() -> Arc<PhraseTerms> {
    Arc::clone(&PHRASE_TERMS)
}

/// The shipped thesaurus's file, as compiled in: an index's phrase terms (`analysis::PhraseTerms`)
/// and inferred themes are read with it, so a new one makes an index built with the old stale
/// (`ingest::corpus_fingerprint`).
pub fn shipped_file() -> &'static str {
    THESAURUS_FILE
}

#[cfg(test)]
mod tests;

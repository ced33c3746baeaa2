//! Query expansion across languages: the words of a query that name a concept of the thesaurus
//! (`domain::thesaurus`) also find the documents that name it in the other languages, and
//! those of its related concepts.
//!
//! Each of the concept's other terms is looked for as ingest stored it: the `stem` field holds
//! every word's stem by the rules of its document's language and, after the last word of a
//! run that is a term of several words, the term whole (`analysis::PhraseTerms`), so
//! `prinudni rad` finds `prinudnog rada` and `принудног рада` (the same stems, in order) in a
//! Serbian judgment, never `rad` far from `prinudni`, and a term is one term lookup. A term
//! of a language without a stemmer (Maltese) is its words as a phrase in the folded title and
//! text. An expansion's own score is squeezed below
//! [`EXPANSION_CEILING`] ([`BelowDirect`]), so every document the typed words match ranks
//! above every document only an expansion finds, as a prefix's expansions rank below the
//! words typed (`build`); among the latter, the rest of the query and then the expansion's
//! own BM25 order them: a judgment that names `принудни рад` throughout comes before one that
//! names it once, and the order no longer depends on where ingest happened to put each
//! document (a constant score left ties to the document address).
//!
//! Expansion applies to the positive words and phrases without a field; not under a `NOT`.

use std::collections::HashSet;

use serde::Serialize;
use tantivy::query::{
    BooleanQuery, EnableScoring, Explanation, Occur, PhraseQuery, Query, RegexPhraseQuery, Scorer,
    TermQuery, Weight,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::Term as IndexTerm;
use tantivy::{DocId, DocSet, Score, SeekDangerResult, SegmentReader, COLLECT_BLOCK_BUFFER_LEN};

use crate::analysis::Analyzer;
use crate::domain::thesaurus::{self, Concept, Named, Term};
use crate::schema::Fields;

use super::highlight::Highlight;
use super::probe::Probe;

/// Letters an inflected form may add to a term word's stem in [`together`] (`zorla
/// çalıştırmanın` is `çalıştırma` and three). Bounds a phrase word's forms in the term
/// dictionary.
pub const MAX_ENDING: usize = 6;

/// Words of this many letters or fewer are matched as written in [`together`] and not marked
/// in a snippet as part of a term of several words (articles and prepositions: `i`, `e`, `of`,
/// `za`; [`marked_words`]): as prefixes they would match any word.
const SHORT_WORD: usize = 2;

/// The bound of an expansion's score (see the module doc). A typed word's match scores at
/// least its BM25 times the stem field's boost: with tantivy's idf, `ln(1 + (N - n + 0.5) /
/// (n + 0.5))`, a word found in every document but one of a million (the rarest case where an
/// expansion finds another) in a text a hundred times the average length scores about
/// `2.5e-8`; this bound stays under that up to about 25 million documents.
pub const EXPANSION_CEILING: f32 = 1e-9;

/// What a concept named by the query added to it, as a search response lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Expansion {
    /// The concept's id in the thesaurus (`forced-labour`).
    pub concept: String,
    /// The query's words that name it (for a related concept: that name the concept it is
    /// related to).
    pub matched: String,
    /// `named`: the words name this concept; `related`: a concept related to the one they
    /// name.
    pub relation: Relation,
    /// The concept's terms, each language's: what else the search looked for.
    pub terms: Vec<Term>,
}

/// How an expanded concept came into a search.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum Relation {
    Named,
    Related,
}

/// The concepts a run of words names (`thesaurus::Thesaurus::named_in`).
pub fn named_in(words: &[&str]) -> Vec<Named<'static>> {
    thesaurus::shipped().named_in(words)
}

/// The concept a phrase names as a whole.
pub fn naming(phrase: &str) -> Option<Named<'static>> {
    let (concept, term) = thesaurus::shipped().naming(phrase)?;
    Some(Named {
        concept,
        term,
        words: 0..1,
    })
}

/// The query of the expansions of `named` (its concept's other terms and its related
/// concepts' terms), scored below every direct match ([`BelowDirect`]), and what the response lists of it. The
/// terms are highlighted as standing for the `words` query words from `first` on; with
/// `probes`, each term's queries are recorded there (`search::explain`). `None` when the
/// concept has no term but the one typed.
pub fn expand(
    named: &Named<'_>,
    matched: &str,
    fields: &Fields,
    highlight: &mut Highlight,
    first: u32,
    words: u32,
    mut probes: Option<&mut Vec<Probe>>,
) -> Option<(Box<dyn Query>, Vec<Expansion>)> {
    let thesaurus = thesaurus::shipped();
    let mut seen: HashSet<(Analyzer, Vec<String>)> = HashSet::new();
    seen.insert((named.term.language.analyzer(), named.term.analysed.clone()));
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    let mut listed = Vec::new();
    let related = thesaurus.related(named.concept);
    let concepts = std::iter::once((named.concept, Relation::Named))
        .chain(related.into_iter().map(|c| (c, Relation::Related)));
    for (concept, relation) in concepts {
        for term in &concept.terms {
            let analyzer = term.language.analyzer();
            if !seen.insert((analyzer, term.analysed.clone())) {
                continue;
            }
            for (field, query) in term_queries(term, fields) {
                if let Some(probes) = probes.as_deref_mut() {
                    let (shown, analysis) = match analyzer {
                        Analyzer::Stemmed(_) => (&term.analysed, analyzer),
                        _ => (&term.folded, Analyzer::Folded),
                    };
                    let mut probe =
                        Probe::of_terms(matched, field, analysis, shown, query.box_clone());
                    // The term as the thesaurus writes it is what a reader recognises.
                    probe.term = term.term.clone();
                    probe.language = Some(term.language.tag().to_string());
                    probe.expansion = Some(concept.id.clone());
                    probe.scored = false;
                    probes.push(probe);
                }
                clauses.push((Occur::Should, query));
            }
            highlight.add(Analyzer::Folded, &marked_words(&term.folded), first, words);
            if let Analyzer::Stemmed(_) = analyzer {
                highlight.add(analyzer, &marked_words(&term.analysed), first, words);
            }
        }
        listed.push(listing(concept, matched, relation));
    }
    if clauses.is_empty() {
        return None;
    }
    let any = Box::new(BooleanQuery::new(clauses));
    Some((Box::new(BelowDirect(any)), listed))
}

/// A query whose matches score their own score `s` squeezed into `[0, EXPANSION_CEILING)`:
/// `EXPANSION_CEILING · s / (s + 1)`, which keeps the order of `s`.
#[derive(Debug)]
pub struct BelowDirect(pub Box<dyn Query>);

impl Clone for BelowDirect {
    fn clone(&self) -> Self {
        BelowDirect(self.0.box_clone())
    }
}

fn squeezed(score: Score) -> Score {
    EXPANSION_CEILING * score / (score + 1.0)
}

impl Query for BelowDirect {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let inner = self.0.weight(enable_scoring)?;
        Ok(match enable_scoring.is_scoring_enabled() {
            true => Box::new(BelowDirectWeight(inner)),
            false => inner,
        })
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a IndexTerm, bool)) {
        self.0.query_terms(visitor);
    }
}

struct BelowDirectWeight(Box<dyn Weight>);

impl Weight for BelowDirectWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        Ok(Box::new(BelowDirectScorer {
            inner: self.0.scorer(reader, 1.0)?,
            boost,
        }))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let inner = self.0.explain(reader, doc)?;
        let mut explanation =
            Explanation::new("expansion, below every typed word", squeezed(inner.value()));
        explanation.add_detail(inner);
        Ok(explanation)
    }

    fn count(&self, reader: &SegmentReader) -> tantivy::Result<u32> {
        self.0.count(reader)
    }
}

struct BelowDirectScorer {
    inner: Box<dyn Scorer>,
    boost: Score,
}

impl DocSet for BelowDirectScorer {
    fn advance(&mut self) -> DocId {
        self.inner.advance()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        self.inner.seek(target)
    }

    fn seek_danger(&mut self, target: DocId) -> SeekDangerResult {
        self.inner.seek_danger(target)
    }

    fn fill_buffer(&mut self, buffer: &mut [DocId; COLLECT_BLOCK_BUFFER_LEN]) -> usize {
        self.inner.fill_buffer(buffer)
    }

    fn doc(&self) -> DocId {
        self.inner.doc()
    }

    fn size_hint(&self) -> u32 {
        self.inner.size_hint()
    }

    fn cost(&self) -> u64 {
        self.inner.cost()
    }
}

impl Scorer for BelowDirectScorer {
    fn score(&mut self) -> Score {
        self.boost * squeezed(self.inner.score())
    }
}

fn listing(concept: &Concept, matched: &str, relation: Relation) -> Expansion {
    Expansion {
        concept: concept.id.clone(),
        matched: matched.to_string(),
        relation,
        terms: concept.terms.clone(),
    }
}

/// The query of the words of `named`'s own term together, in any of their inflections, in the
/// fields with positions (`prinudnog rada` for `prinudni rad`): scored beside the words as
/// typed, it ranks a document that has them together above one that has them apart, as
/// Lucene's phrase boost (`pf`) does, with the forms a stem allows. One query per field; none
/// for a term of one word.
///
/// A phrase of the words' forms, not the term's lookup in the `stem` field: its BM25 weighs each
/// word of the phrase in the text, as the words typed apart are weighed, where the one term's
/// weighs a single rarity and ranked a text with the words apart, more often, above one with
/// them together (`tests/thesaurus.rs`). One term's forms, walked once a search, where the
/// expansions were a concept's twenty.
pub fn together(named: &Named<'_>, fields: &Fields) -> Vec<(Field, Box<dyn Query>)> {
    let term = named.term;
    if term.folded.len() < 2 {
        return Vec::new();
    }
    // A stemmer gives one stem a word; should it not have, the words as written.
    let stems = match (
        term.language.analyzer(),
        term.analysed.len() == term.folded.len(),
    ) {
        (Analyzer::Stemmed(_), true) => Some(&term.analysed),
        _ => None,
    };
    let patterns: Vec<String> = term
        .folded
        .iter()
        .enumerate()
        .map(|(i, word)| inflections(word, stems.map(|s| s[i].as_str())))
        .collect();
    [fields.text_folded, fields.title_folded]
        .into_iter()
        .map(|field| {
            let query = RegexPhraseQuery::new(field, patterns.clone());
            (field, Box::new(query) as Box<dyn Query>)
        })
        .collect()
}

/// The queries that find `term` in the index (see the module doc), each with its field, its
/// BM25 counting how often a document names it.
fn term_queries(term: &Term, fields: &Fields) -> Vec<(Field, Box<dyn Query>)> {
    let query = |field, text: &str| -> (Field, Box<dyn Query>) {
        let query = TermQuery::new(
            IndexTerm::from_field_text(field, text),
            IndexRecordOption::WithFreqs,
        );
        (field, Box::new(query))
    };
    if let Some(stem_term) = term.stem_term() {
        return vec![query(fields.stem, &stem_term)];
    }
    match term.folded.as_slice() {
        [] => Vec::new(),
        [word] => vec![
            query(fields.text_folded, word),
            query(fields.title_folded, word),
        ],
        words => [fields.text_folded, fields.title_folded]
            .into_iter()
            .map(|field| {
                let terms = words
                    .iter()
                    .map(|word| IndexTerm::from_field_text(field, word))
                    .collect();
                (field, Box::new(PhraseQuery::new(terms)) as Box<dyn Query>)
            })
            .collect(),
    }
}

/// The words of a term a snippet marks: of a term of several words, those longer than
/// [`SHORT_WORD`]. Marked alone, the `i` of `shfrytëzim i punës` or the `of` of `exploitation
/// of labour` were marked wherever a text has them (every Serbian `i`, every English `of`), and
/// the snippet was chosen for them: the term matches as a phrase, its short words only inside
/// it.
fn marked_words(words: &[String]) -> Vec<String> {
    if words.len() < 2 {
        return words.to_vec();
    }
    words
        .iter()
        .filter(|word| word.chars().count() > SHORT_WORD)
        .cloned()
        .collect()
}

/// The regular expression of a folded term word's forms: the part the word shares with its
/// stem, then up to [`MAX_ENDING`] letters; the word itself when it is short or has no stem.
fn inflections(word: &str, stem: Option<&str>) -> String {
    let Some(stem) = stem.filter(|_| word.chars().count() > SHORT_WORD) else {
        return regex_escape(word);
    };
    let shared: usize = word
        .chars()
        .zip(stem.chars())
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a.len_utf8())
        .sum();
    if shared <= SHORT_WORD {
        return regex_escape(word);
    }
    format!("{}[a-z]{{0,{MAX_ENDING}}}", regex_escape(&word[..shared]))
}

/// `text` with the regular expression's special characters escaped (folded words are letters
/// and digits, but a term of the file is not trusted to be).
fn regex_escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        if !c.is_alphanumeric() {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_term_of_several_words_marks_only_its_longer_words() {
        let words = |text: &str| -> Vec<String> { text.split(' ').map(String::from).collect() };
        assert_eq!(
            marked_words(&words("shfrytezim i punes")),
            ["shfrytezim", "punes"]
        );
        assert_eq!(
            marked_words(&words("exploitation of labour")),
            ["exploitation", "labour"]
        );
        assert_eq!(
            marked_words(&words("pune e detyruar")),
            ["pune", "detyruar"]
        );
        // A term of one word is marked whatever its length.
        assert_eq!(marked_words(&words("ai")), ["ai"]);
    }

    #[test]
    fn a_word_s_forms_are_its_stem_and_a_bounded_ending() {
        assert_eq!(
            inflections("prinudni", Some("prinudn")),
            "prinudn[a-z]{0,6}"
        );
        // Snowball's `slaveri` is not a prefix of `slavery`: the shared part is.
        assert_eq!(inflections("slavery", Some("slaveri")), "slaver[a-z]{0,6}");
        assert_eq!(inflections("rad", Some("rad")), "rad[a-z]{0,6}");
        assert_eq!(inflections("i", Some("i")), "i");
        assert_eq!(inflections("xoghol", None), "xoghol");
        assert_eq!(inflections("a.b", None), "a\\.b");
    }
}

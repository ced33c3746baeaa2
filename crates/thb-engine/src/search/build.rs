//! Turns a parsed query into a tantivy query over every analysed field, and records the terms to
//! highlight.
//!
//! A word is looked for in each field with that field's analyzer: exact (as written), folded
//! (any script, no diacritics) and stemmed in every language, each language's stem under its
//! stemmer's namespace, so that it meets only the documents stemmed by the same rules. The clauses are summed, so a
//! document that has the word exactly also matches folded and stemmed, and outranks one that
//! only matches an inflected or transliterated form; title fields weigh more than body fields.
//!
//! A word typed without some of its diacritics is exact for every spelling of it in the same
//! script that adds them (`penal` for `pénal`, `zrtva` for `žrtva`, not for `жртва`), scored
//! alike (`search::spellings`): typing without accents says nothing of the spelling meant.

use std::borrow::Cow;
use std::collections::{BTreeSet, HashSet};

use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, EmptyQuery, Occur, PhraseQuery, Query,
    TermQuery, TermSetQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{Searcher, Term};

use super::conjunction::{Clause, ConjunctionQuery};
use super::expansion::{self, Expansion};
use super::probe::{MatchAnalysis, Probe};
use super::public_view::PublicView;
use super::query::{Node, QueryError, QueryField, QueryProblem};
use super::spellings;
use super::SearchError;
use crate::analysis::{self, Analyzer, StemLanguage};
use crate::domain::thesaurus;
use crate::limits::{MAX_PREFIX_EXPANSIONS, MIN_PREFIX_CHARS};
use crate::schema::{has_positions, Fields};

/// Boosts, highest first: exact title, folded title, identifiers, exact text, folded text,
/// stemmed text. Chosen so that exact > folded > stemmed at equal term statistics.
pub use super::highlight::Highlight;

const BOOST_TITLE_EXACT: f32 = 4.0;
const BOOST_TITLE_FOLDED: f32 = 3.0;
const BOOST_IDENT: f32 = 3.0;
const BOOST_TEXT_EXACT: f32 = 1.5;
const BOOST_TEXT_FOLDED: f32 = 1.0;
const BOOST_STEM: f32 = 0.7;
/// The words of a concept's term typed together and found together, in any inflection
/// (`expansion::together`): above any one field's match of a word, as a phrase is stronger
/// evidence than its words apart.
const BOOST_TOGETHER: f32 = 2.0;

/// The query and what to highlight in hits.
pub struct Built {
    pub query: Box<dyn Query>,
    pub highlight: Highlight,
    /// The concepts the query's words name, and what each added (`search::expansion`).
    pub expansions: Vec<Expansion>,
    /// The query's positive clauses, each as a query of its own, when asked for
    /// (`search::explain`).
    pub probes: Vec<Probe>,
    /// The conjunctions the probes sit in, by the numbers of `Probe::within`: a clause adds to
    /// a document's score only when every conjunction around it matches the document.
    pub scopes: Vec<Box<dyn Query>>,
}

struct Builder<'a> {
    fields: &'a Fields,
    searcher: &'a Searcher,
    /// The caller's view when it may not see restricted documents (and the index has some).
    public: Option<&'a PublicView<'a>>,
    highlight: Highlight,
    /// The number of the next positive query word (see [`QueryWords`](super::highlight::QueryWords)).
    words: u32,
    /// Whether words that name a concept also look for its other terms.
    expand_concepts: bool,
    expansions: Vec<Expansion>,
    /// The positive clauses as queries of their own, when explaining (`search::explain`).
    probes: Option<Vec<Probe>>,
    /// See [`Built::scopes`].
    scopes: Vec<Box<dyn Query>>,
}

/// Builds the tantivy query for a parsed query. `public` is the caller's view of the index
/// when it may not see restricted documents: a prefix then expands only to the words a public
/// document holds. With `expand`, words that name a concept of the thesaurus also find its
/// terms in the other languages (`search::expansion`).
pub fn build<'a>(
    node: &Node,
    fields: &'a Fields,
    searcher: &'a Searcher,
    public: Option<&'a PublicView<'a>>,
    expand: bool,
) -> Result<Built, SearchError> {
    build_explained(node, fields, searcher, public, expand, false)
}

/// [`build`], also recording the query's positive clauses as probes when `explain`
/// (`search::explain`).
pub fn build_explained<'a>(
    node: &Node,
    fields: &'a Fields,
    searcher: &'a Searcher,
    public: Option<&'a PublicView<'a>>,
    expand: bool,
    explain: bool,
) -> Result<Built, SearchError> {
    let mut builder = Builder {
        fields,
        searcher,
        public,
        highlight: Highlight::default(),
        words: 0,
        expand_concepts: expand,
        expansions: Vec::new(),
        probes: explain.then(Vec::new),
        scopes: Vec::new(),
    };
    let query = builder
        .node(node, true)?
        .unwrap_or_else(|| Box::new(AllQuery));
    Ok(Built {
        query,
        highlight: builder.highlight,
        expansions: builder.expansions,
        probes: builder.probes.unwrap_or_default(),
        scopes: builder.scopes,
    })
}

/// A word a concept may be named by: positive, plain (no field, no prefix).
fn plain_word(node: &Node) -> Option<&str> {
    match node {
        Node::Word {
            field: None,
            text,
            prefix: false,
        } => Some(text),
        _ => None,
    }
}

/// The fields (with analyzer and boost) a word is looked for in, in the whole document
/// (`field` `None`) or in the field a `field:` prefix names.
pub fn targets(f: &Fields, field: Option<QueryField>) -> Vec<(Field, Analyzer, f32)> {
    let title = [
        (f.title, Analyzer::Exact, BOOST_TITLE_EXACT),
        (f.title_folded, Analyzer::Folded, BOOST_TITLE_FOLDED),
    ];
    let text = [
        (f.text, Analyzer::Exact, BOOST_TEXT_EXACT),
        (f.text_folded, Analyzer::Folded, BOOST_TEXT_FOLDED),
    ];
    let stems = StemLanguage::ALL
        .into_iter()
        .map(|l| (f.stem, Analyzer::Stemmed(l), BOOST_STEM));
    match field {
        None => title
            .into_iter()
            .chain([(f.ident, Analyzer::Folded, BOOST_IDENT)])
            .chain(text)
            .chain(stems)
            .collect(),
        Some(QueryField::Title) => title.to_vec(),
        Some(QueryField::Text) => text.into_iter().chain(stems).collect(),
        Some(QueryField::Court) => vec![(f.court, Analyzer::Folded, 1.0)],
        Some(QueryField::Ecli) => vec![(f.ident, Analyzer::Folded, 1.0)],
        // `id:` is handled as a raw term lookup.
        Some(QueryField::Id) => Vec::new(),
    }
}

/// The folded field beside an exact one, which scores a word's spellings
/// (`search::spellings`); `None` for a field that has none.
fn folded_twin(f: &Fields, exact: Field) -> Option<Field> {
    match exact {
        field if field == f.title => Some(f.title_folded),
        field if field == f.text => Some(f.text_folded),
        _ => None,
    }
}

/// The runs of an AND's items that name a concept: each concept with the range of items that
/// name it (`words`, counted in items) and where the run ends. Only consecutive plain words
/// form a run; a phrase or a word with a field ends it.
fn named_runs(items: &[Node]) -> Vec<(thesaurus::Named<'static>, usize)> {
    let mut found = Vec::new();
    let mut start = 0;
    while start < items.len() {
        let end = start
            + items[start..]
                .iter()
                .take_while(|item| plain_word(item).is_some())
                .count();
        if end > start {
            let words: Vec<&str> = items[start..end].iter().filter_map(plain_word).collect();
            for mut named in expansion::named_in(&words) {
                named.words = start + named.words.start..start + named.words.end;
                let end = named.words.end;
                found.push((named, end));
            }
        }
        start = end + 1;
    }
    found
}

impl Builder<'_> {
    /// `positive` is false under a NOT: those terms are not highlighted.
    fn node(&mut self, node: &Node, positive: bool) -> Result<Option<Box<dyn Query>>, SearchError> {
        match node {
            Node::All => Ok(Some(Box::new(AllQuery))),
            Node::Word {
                field: Some(QueryField::Id),
                text,
                ..
            }
            | Node::Phrase {
                field: Some(QueryField::Id),
                text,
                ..
            } => {
                let query: Box<dyn Query> = Box::new(TermQuery::new(
                    Term::from_field_text(self.fields.id, text),
                    IndexRecordOption::Basic,
                ));
                if let (true, Some(probes)) = (positive, self.probes.as_mut()) {
                    let terms = [text.clone()];
                    let probe = Probe::of_terms(
                        text,
                        self.fields.id,
                        Analyzer::Exact,
                        &terms,
                        query.box_clone(),
                    );
                    probes.push(probe.analysed_as(MatchAnalysis::Identifier));
                }
                Ok(Some(query))
            }
            Node::Word {
                field,
                text,
                prefix: true,
            } => self.prefix(*field, text, positive).map(Some),
            Node::Word { field, text, .. } => self.terms(*field, text, 0, positive),
            Node::Phrase { field, text, slop } => self.terms(*field, text, *slop, positive),
            Node::Not(inner) => {
                // A NOT on its own means "everything except".
                let excluded = self.node(inner, !positive)?;
                Ok(excluded.map(|q| {
                    Box::new(BooleanQuery::new(vec![
                        (Occur::Must, Box::new(AllQuery) as Box<dyn Query>),
                        (Occur::MustNot, q),
                    ])) as Box<dyn Query>
                }))
            }
            Node::And(items) => {
                let opened = self.open_scope();
                // The required parts, each as the queries any of which matches it, and the
                // queries that only add to the score of a match.
                let mut groups: Vec<Vec<Clause>> = Vec::new();
                let mut optional: Vec<Box<dyn Query>> = Vec::new();
                let mut excluded: Vec<Box<dyn Query>> = Vec::new();
                // Runs of plain words that name a concept are one part each: the words as
                // typed, or the concept's other terms.
                let named = match positive && self.expand_concepts {
                    true => named_runs(items),
                    false => Vec::new(),
                };
                let mut at = 0;
                while at < items.len() {
                    let item = &items[at];
                    if let Some((named, end)) = named.iter().find(|(n, _)| n.words.start == at) {
                        let run = &items[at..*end];
                        if let Some((group, together)) = self.concept_part(run, named)? {
                            groups.push(group);
                            optional.extend(together);
                        }
                        at = *end;
                        continue;
                    }
                    if let Node::Not(inner) = item {
                        excluded.extend(self.node(inner, !positive)?);
                    } else if let Some((matching, scoring)) = self.required_part(item, positive)? {
                        groups.push(matching);
                        optional.extend(scoring);
                    }
                    at += 1;
                }
                if !groups.is_empty() {
                    let conjunction = ConjunctionQuery::new(groups)
                        .also_scored_by(optional)
                        .restricted([], excluded);
                    self.close_scope(opened, &conjunction);
                    return Ok(Some(Box::new(conjunction)));
                }
                if excluded.is_empty() {
                    return Ok(None);
                }
                let mut clauses = vec![(Occur::Must, Box::new(AllQuery) as Box<dyn Query>)];
                clauses.extend(excluded.into_iter().map(|q| (Occur::MustNot, q)));
                Ok(Some(Box::new(BooleanQuery::new(clauses))))
            }
            Node::Or(items) => {
                let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
                for item in items {
                    if let Some(q) = self.node(item, positive)? {
                        clauses.push((Occur::Should, q));
                    }
                }
                Ok((!clauses.is_empty())
                    .then(|| Box::new(BooleanQuery::new(clauses)) as Box<dyn Query>))
            }
        }
    }

    /// A required part of an AND (see `search::conjunction`): for a word or a phrase, its
    /// per-field queries, those that decide matching and those that only add to the score
    /// (see [`term_clauses`](Self::term_clauses)); for anything else, its whole query. `None`
    /// when it has no terms.
    #[allow(clippy::type_complexity)]
    fn required_part(
        &mut self,
        node: &Node,
        positive: bool,
    ) -> Result<Option<(Vec<Clause>, Vec<Box<dyn Query>>)>, SearchError> {
        let (field, text, slop) = match node {
            Node::Word {
                field,
                text,
                prefix: false,
            } if *field != Some(QueryField::Id) => (*field, text, 0),
            Node::Phrase { field, text, slop } if *field != Some(QueryField::Id) => {
                (*field, text, *slop)
            }
            _ => {
                let whole = self.node(node, positive)?;
                return Ok(whole.map(|q| (vec![Clause::Query(q)], Vec::new())));
            }
        };
        self.term_clauses(field, text, slop, positive)
    }

    /// A word or a phrase in every target field: a term query when it analyses to one term, a
    /// phrase query (with `slop`) when to several. `None` when it has no terms at all.
    ///
    /// Fields without positions (the exact text, the stems: see `schema.rs`) cannot run a
    /// phrase. For them a phrase's words only add to the score, all of them required within
    /// that field, so a document with the phrase as written still outranks one that has it
    /// only transliterated; which documents match is decided by the fields with positions.
    ///
    /// The query is a one-group conjunction (a few per cent cheaper than tantivy's union,
    /// measured on single words): any of the matching clauses, also scored by the others.
    fn terms(
        &mut self,
        field: Option<QueryField>,
        text: &str,
        slop: u32,
        positive: bool,
    ) -> Result<Option<Box<dyn Query>>, SearchError> {
        let first = self.words;
        let opened = self.open_scope();
        let Some((mut matching, scoring)) = self.term_clauses(field, text, slop, positive)? else {
            return Ok(None);
        };
        if positive && self.expand_concepts && field.is_none() {
            if let Some(named) = expansion::naming(text) {
                let words = self.words - first;
                matching.extend(self.expansion_of(&named, text, first, words));
            }
        }
        let conjunction = ConjunctionQuery::new(vec![matching]).also_scored_by(scoring);
        self.close_scope(opened, &conjunction);
        Ok(Some(Box::new(conjunction)))
    }

    /// When explaining, where the probes of a conjunction about to be built start.
    fn open_scope(&self) -> Option<usize> {
        self.probes.as_ref().map(Vec::len)
    }

    /// Records `conjunction` as the scope of the probes recorded since `opened`: their scores
    /// count only where it matches (a word of `forced labour` alone matches, but adds nothing,
    /// in a document that the phrase's concept found).
    fn close_scope(&mut self, opened: Option<usize>, conjunction: &ConjunctionQuery) {
        let (Some(start), Some(probes)) = (opened, self.probes.as_mut()) else {
            return;
        };
        if probes.len() == start {
            return;
        }
        let scope = self.scopes.len();
        self.scopes.push(Box::new(conjunction.clone()));
        for probe in &mut probes[start..] {
            probe.within.push(scope);
        }
    }

    /// The part of an AND that a run of plain words naming a concept is: the words as typed
    /// (all of them) or the concept's expansions; and the query that adds to its score when
    /// the words stand together (`expansion::together`).
    #[allow(clippy::type_complexity)]
    fn concept_part(
        &mut self,
        run: &[Node],
        named: &thesaurus::Named<'static>,
    ) -> Result<Option<(Vec<Clause>, Option<Box<dyn Query>>)>, SearchError> {
        let first = self.words;
        // The words as typed, built without looking for concepts in them again.
        self.expand_concepts = false;
        let typed = match run {
            [word] => self.node(word, true),
            _ => self.node(&Node::And(run.to_vec()), true),
        };
        self.expand_concepts = true;
        let Some(typed) = typed? else {
            return Ok(None);
        };
        let words = self.words - first;
        let text: Vec<&str> = run.iter().filter_map(plain_word).collect();
        let typed_text = text.join(" ");
        let mut group = vec![Clause::Query(typed)];
        group.extend(self.expansion_of(named, &typed_text, first, words));
        let mut together: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for (field, query) in expansion::together(named, self.fields) {
            let query: Box<dyn Query> = Box::new(BoostQuery::new(query, BOOST_TOGETHER));
            if let Some(probes) = self.probes.as_mut() {
                let probe = Probe::of_terms(
                    &typed_text,
                    field,
                    Analyzer::Folded,
                    &named.term.folded,
                    query.box_clone(),
                );
                probes.push(probe);
            }
            together.push((Occur::Should, query));
        }
        let together =
            (!together.is_empty()).then(|| Box::new(BooleanQuery::new(together)) as Box<dyn Query>);
        Ok(Some((group, together)))
    }

    /// The clause of `named`'s expansions, recorded for the response.
    fn expansion_of(
        &mut self,
        named: &thesaurus::Named<'_>,
        matched: &str,
        first: u32,
        words: u32,
    ) -> Option<Clause> {
        let (query, listed) = expansion::expand(
            named,
            matched,
            self.fields,
            &mut self.highlight,
            first,
            words,
            self.probes.as_mut(),
        )?;
        self.expansions.extend(listed);
        Some(Clause::Query(query))
    }

    /// The boosted per-field queries of [`terms`](Self::terms): those that decide matching
    /// (any of them), and those that only add to the score. `None` when the text has no terms.
    ///
    /// A word that an exact field also holds with diacritics its letters were typed without
    /// is looked for there in all those spellings, scored alike (`search::spellings`).
    #[allow(clippy::type_complexity)]
    fn term_clauses(
        &mut self,
        field: Option<QueryField>,
        text: &str,
        slop: u32,
        positive: bool,
    ) -> Result<Option<(Vec<Clause>, Vec<Box<dyn Query>>)>, SearchError> {
        let mut matching: Vec<Clause> = Vec::new();
        let mut scoring: Vec<Box<dyn Query>> = Vec::new();
        // Kept only if the text makes a clause that decides matching, as the query is.
        let mut probes: Vec<Probe> = Vec::new();
        let explaining = positive && self.probes.is_some();
        let schema = self.searcher.schema();
        // A field is searched once per distinct list of terms (the exact and folded terms of
        // a word are often alike in the title and the text).
        let mut seen: HashSet<(Field, Vec<String>)> = HashSet::new();
        let first = self.words;
        let words = u32::try_from(analysis::words(text).count()).unwrap_or(u32::MAX);
        if positive {
            self.words = self.words.saturating_add(words);
        }
        for (target, analyzer, boost) in targets(self.fields, field) {
            let mut terms = analyzer.terms(text);
            if positive {
                self.highlight.add(analyzer, &terms, first, words);
            }
            // Highlighting wants a stem as its stemmer makes it, the field holds it under the
            // stemmer's namespace.
            for term in &mut terms {
                if let Cow::Owned(in_field) = analyzer.field_term(term) {
                    *term = in_field;
                }
            }
            if !seen.insert((target, terms.clone())) {
                continue;
            }
            // The terms as the user reads them: a stem without its namespace.
            let shown = match explaining {
                true => analyzer.terms(text),
                false => Vec::new(),
            };
            let mut probe = |query: &dyn Query| {
                if explaining {
                    let probe = Probe::of_terms(text, target, analyzer, &shown, query.box_clone());
                    probes.push(match target == self.fields.ident {
                        true => probe.analysed_as(MatchAnalysis::Identifier),
                        false if target == self.fields.court => {
                            probe.analysed_as(MatchAnalysis::Court)
                        }
                        false => probe,
                    });
                }
            };
            let term = |t: &String| Term::from_field_text(target, t);
            let word = |t: &String| -> Box<dyn Query> {
                Box::new(TermQuery::new(term(t), IndexRecordOption::WithFreqs))
            };
            let boosted = |query: Box<dyn Query>| Box::new(BoostQuery::new(query, boost));
            match terms.len() {
                0 => continue,
                1 if analyzer == Analyzer::Exact => {
                    let twin = folded_twin(self.fields, target);
                    let others = match twin {
                        Some(_) => spellings::other_spellings(self.searcher, target, &terms[0])?,
                        None => BTreeSet::new(),
                    };
                    let folded = Analyzer::Folded.terms(text);
                    if let (Some(twin), [folded], false) =
                        (twin, folded.as_slice(), others.is_empty())
                    {
                        let query = spellings::any_spelling(
                            target,
                            &terms[0],
                            &others,
                            Term::from_field_text(twin, folded),
                            boost,
                        );
                        probe(query.as_ref());
                        matching.push(Clause::Query(query));
                    } else {
                        probe(&BoostQuery::new(word(&terms[0]), boost));
                        matching.push(Clause::Term {
                            term: term(&terms[0]),
                            boost,
                        });
                    }
                }
                1 => {
                    // What the conjunction scores of `Clause::Term` (see `search::explain`).
                    probe(&BoostQuery::new(word(&terms[0]), boost));
                    matching.push(Clause::Term {
                        term: term(&terms[0]),
                        boost,
                    });
                }
                _ if has_positions(schema, target) => {
                    let mut phrase = PhraseQuery::new(terms.iter().map(term).collect());
                    phrase.set_slop(slop);
                    let query = boosted(Box::new(phrase));
                    probe(query.as_ref());
                    matching.push(Clause::Query(query));
                }
                _ => {
                    let all = terms.iter().map(|t| (Occur::Must, word(t))).collect();
                    let query = boosted(Box::new(BooleanQuery::new(all)));
                    probe(query.as_ref());
                    scoring.push(query);
                }
            }
        }
        if matches!(field, None | Some(QueryField::Court)) {
            if let Some((clause, name)) = self.court_by_abbreviation(text) {
                if explaining {
                    let Clause::Query(query) = &clause else {
                        unreachable!("a court's name is a phrase")
                    };
                    let terms = [name.to_string()];
                    let probe = Probe::of_terms(
                        text,
                        self.fields.court,
                        Analyzer::Folded,
                        &terms,
                        query.box_clone(),
                    );
                    probes.push(probe.analysed_as(MatchAnalysis::Court));
                }
                matching.push(clause);
            }
        }
        if matching.is_empty() {
            return Ok(None);
        }
        if let Some(all) = self.probes.as_mut() {
            all.extend(probes);
        }
        Ok(Some((matching, scoring)))
    }

    /// For a court's abbreviation (`ECtHR`, see `domain::courts`), the court's full name as a
    /// phrase in the court field, weighted as an identifier: documents name the court in full.
    /// The clause, and the court's name.
    fn court_by_abbreviation(&self, text: &str) -> Option<(Clause, &'static str)> {
        let name = crate::domain::courts::full_name(text)?;
        let court = self.fields.court;
        let terms = Analyzer::Folded.terms(name);
        let phrase = PhraseQuery::new(
            terms
                .iter()
                .map(|t| Term::from_field_text(court, t))
                .collect(),
        );
        let clause = Clause::Query(Box::new(BoostQuery::new(Box::new(phrase), BOOST_IDENT)));
        Some((clause, name))
    }

    /// `word*`: expands the folded prefix over the term dictionaries, bounded by
    /// [`MAX_PREFIX_EXPANSIONS`]; the expansions match with a constant score, as Lucene does, so
    /// a rare expansion does not outrank the words the user actually typed.
    fn prefix(
        &mut self,
        field: Option<QueryField>,
        text: &str,
        positive: bool,
    ) -> Result<Box<dyn Query>, SearchError> {
        let folded = Analyzer::Folded.terms(text);
        let [prefix] = folded.as_slice() else {
            return Err(SearchError::Query(QueryError {
                problem: QueryProblem::PrefixNotAWord {
                    prefix: text.to_string(),
                },
                message: format!("`{text}*`: a prefix must be a single word"),
                column: None,
                suggestion: None,
            }));
        };
        if prefix.chars().count() < MIN_PREFIX_CHARS {
            return Err(SearchError::Query(QueryError {
                problem: QueryProblem::PrefixTooShort {
                    prefix: text.to_string(),
                },
                message: format!("`{text}*`: a prefix needs at least {MIN_PREFIX_CHARS} letters"),
                column: None,
                suggestion: None,
            }));
        }
        let folded_targets: Vec<(Field, f32)> = targets(self.fields, field)
            .into_iter()
            .filter(|(_, analyzer, _)| *analyzer == Analyzer::Folded)
            .map(|(f, _, boost)| (f, boost))
            .collect();
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let mut all_expansions = BTreeSet::new();
        for (target, boost) in folded_targets {
            let expansions = self.expand(target, prefix, text)?;
            if expansions.is_empty() {
                continue;
            }
            let terms: Vec<Term> = expansions
                .iter()
                .map(|t| Term::from_field_text(target, t))
                .collect();
            let set = ConstScoreQuery::new(Box::new(TermSetQuery::new(terms)), 1.0);
            let query: Box<dyn Query> = Box::new(BoostQuery::new(Box::new(set), boost));
            if let (true, Some(probes)) = (positive, self.probes.as_mut()) {
                // The set matches with one score whichever of its words the document has.
                let terms = [format!("{prefix}*")];
                let words = format!("{text}*");
                let probe =
                    Probe::of_terms(&words, target, Analyzer::Folded, &terms, query.box_clone());
                probes.push(probe.analysed_as(MatchAnalysis::Prefix));
            }
            all_expansions.extend(expansions);
            clauses.push((Occur::Should, query));
        }
        if positive {
            // Every expansion stands for the one word typed.
            for expansion in all_expansions {
                self.highlight
                    .add(Analyzer::Folded, &[expansion], self.words, 1);
            }
            self.words = self.words.saturating_add(1);
        }
        if clauses.is_empty() {
            return Ok(Box::new(EmptyQuery));
        }
        Ok(Box::new(BooleanQuery::new(clauses)))
    }

    fn expand(
        &self,
        field: Field,
        prefix: &str,
        typed: &str,
    ) -> Result<BTreeSet<String>, SearchError> {
        let mut found = BTreeSet::new();
        let mut upper = prefix.as_bytes().to_vec();
        // The smallest byte string greater than every string with this prefix.
        while let Some(last) = upper.pop() {
            if last < u8::MAX {
                upper.push(last + 1);
                break;
            }
        }
        for segment in self.searcher.segment_readers() {
            let inverted = segment.inverted_index(field)?;
            let mut range = inverted.terms().range().ge(prefix.as_bytes());
            if !upper.is_empty() {
                range = range.lt(&upper);
            }
            let mut stream = range.into_stream().map_err(tantivy::TantivyError::from)?;
            while stream.advance() {
                let Ok(word) = std::str::from_utf8(stream.key()) else {
                    continue;
                };
                if let Some(view) = self.public {
                    if !view.is_visible(&Term::from_field_text(field, word))? {
                        continue;
                    }
                }
                found.insert(word.to_string());
                if found.len() > MAX_PREFIX_EXPANSIONS {
                    return Err(SearchError::Query(QueryError {
                        problem: QueryProblem::PrefixTooCommon {
                            prefix: typed.to_string(),
                        },
                        message: format!(
                            "`{typed}*` matches more than {MAX_PREFIX_EXPANSIONS} different words; type a longer prefix"
                        ),
                        column: None,
                        suggestion: None,
                    }));
                }
            }
        }
        Ok(found)
    }
}

//! What a search marks in its hits' snippets and titles: the terms of the query's positive
//! clauses per analyzer, each with the query words it stands for. Gathered while the query is
//! built (`build`, and `expansion` for the terms a concept adds), read by `snippet`.

use std::collections::{BTreeMap, HashMap};

use crate::analysis::Analyzer;

/// Terms of the query's positive clauses, per analyzer, for snippets and highlighting, each
/// with the query words it stands for: a snippet prefers the passage with the most of the
/// query's words, not one that repeats a word in several forms (`forced`, `forcing`).
#[derive(Debug, Default, Clone)]
pub struct Highlight {
    pub terms: HashMap<Analyzer, BTreeMap<String, QueryWords>>,
}

/// A set of the query's words: bit `i` for its `i`-th word (counted from 0 in the order typed;
/// the 64th and later share the last bit).
pub type QueryWords = u64;

impl Highlight {
    /// Records `analyzer`'s `terms` of `words` consecutive query words, the first numbered
    /// `first`: term `i` stands for word `first + i` when the analyzer gave one term a word,
    /// and for all of them when it did not (a word without a term).
    pub fn add(&mut self, analyzer: Analyzer, terms: &[String], first: u32, words: u32) {
        let bit = |i: u32| 1u64 << i.min(63);
        // Past the 64th word every bit is the last one: 64 of them cover all.
        let all = (first..first.saturating_add(words))
            .take(64)
            .fold(0, |set, i| set | bit(i));
        let one_each = terms.len() == words as usize;
        let into = self.terms.entry(analyzer).or_default();
        for (i, term) in terms.iter().enumerate() {
            let stands_for = if one_each {
                bit(first.saturating_add(i as u32))
            } else {
                all
            };
            *into.entry(term.clone()).or_default() |= stands_for;
        }
    }

    pub fn is_empty(&self) -> bool {
        self.terms.values().all(BTreeMap::is_empty)
    }
}

//! The conjunction of several disjunctions, matched a window of documents at a time: what a
//! query of several words becomes once each word is looked for in every analysed field
//! (`search::build`).
//!
//! tantivy runs `word₁ AND word₂` over our fields as an intersection of two unions. Its union
//! buffers a window of documents, but the intersection then walks each union one document at a
//! time, seeking one against the other: every document of either word is visited, though only
//! the documents of both are wanted. At a million documents two common words are in a third of
//! the documents each and in a tenth together, and that walk was a third of a search's time.
//!
//! [`ConjunctionQuery`] takes the same clauses, grouped per word, and works window by window:
//! - it starts the window at the first document every word can still have (skipping, without
//!   scoring, the postings of a word's fields that lie before it);
//! - fills the window word by word, rarest first, with each clause's documents as bits and
//!   their scores summed per document;
//! - ANDs the words' bits (a word that leaves no document in the window ends the filling: the
//!   remaining words are only skipped past it);
//! - removes the documents of its exclusions (restricted documents) from the survivors;
//! - adds the scores of its optional clauses, which do not decide matching, to the survivors;
//! - yields the window's surviving documents in order, with their summed scores, or hands the
//!   whole window to a consumer that takes it in bulk ([`ConjunctionScorer::for_each_window`]:
//!   the facet pass, which so avoids a call per document through tantivy's collector).
//!
//! The documents and their scores are the intersection's, summed in another order: tests
//! compare the two on real text.

use std::ops::ControlFlow;

use tantivy::fieldnorm::FieldNormReader;
use tantivy::postings::BlockSegmentPostings;
use tantivy::query::{Bm25Weight, EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocId, DocSet, Score, SegmentReader, Term, TERMINATED};

/// Documents per window: 64 words of 64 bits, as tantivy's own union buffers.
pub const WINDOW: u32 = 4096;
/// Words of 64 bits in a window.
pub const WORDS: usize = (WINDOW / 64) as usize;

/// One of the queries that can match a part of the conjunction.
#[derive(Debug)]
pub enum Clause {
    /// A term, scored by BM25 times `boost`: what `TermQuery` (with frequencies) inside a
    /// `BoostQuery` does, run here without going through tantivy's scorer trait object (see
    /// `Child`).
    Term { term: Term, boost: Score },
    /// Any other query (a phrase, a prefix's expansions, a nested OR).
    Query(Box<dyn Query>),
}

impl Clone for Clause {
    fn clone(&self) -> Self {
        match self {
            Clause::Term { term, boost } => Clause::Term {
                term: term.clone(),
                boost: *boost,
            },
            Clause::Query(query) => Clause::Query(query.box_clone()),
        }
    }
}

/// A document matches when, for every group, at least one of the group's clauses matches, it
/// matches every filter and no exclusion; its score is the sum of the scores of every clause
/// that matches it, the optional ones included (filters and exclusions do not score).
#[derive(Debug)]
pub struct ConjunctionQuery {
    groups: Vec<Vec<Clause>>,
    optional: Vec<Box<dyn Query>>,
    filters: Vec<Box<dyn Query>>,
    excluded: Vec<Box<dyn Query>>,
}

impl Clone for ConjunctionQuery {
    fn clone(&self) -> Self {
        ConjunctionQuery {
            groups: self.groups.clone(),
            optional: self.optional.iter().map(|q| q.box_clone()).collect(),
            filters: self.filters.iter().map(|q| q.box_clone()).collect(),
            excluded: self.excluded.iter().map(|q| q.box_clone()).collect(),
        }
    }
}

impl ConjunctionQuery {
    /// `groups` holds one group per required part of the query (a word and its fields), each
    /// with at least one clause. One group is a union of its clauses.
    pub fn new(groups: Vec<Vec<Clause>>) -> ConjunctionQuery {
        ConjunctionQuery {
            groups,
            optional: Vec::new(),
            filters: Vec::new(),
            excluded: Vec::new(),
        }
    }

    /// The same query, its matches also scored by `optional`, which do not decide matching:
    /// what tantivy's `BooleanQuery` of this query and `optional` as `Should` clauses scores.
    /// (A phrase's words in the fields without positions: `search::build`.)
    pub fn also_scored_by(
        mut self,
        optional: impl IntoIterator<Item = Box<dyn Query>>,
    ) -> ConjunctionQuery {
        self.optional.extend(optional);
        self
    }

    /// The same query, also requiring every one of `filters` and none of `excluded`: what
    /// tantivy's `BooleanQuery` of this query, the filters as unscored `Must` clauses and the
    /// exclusions as `MustNot` clauses matches, with the same scores. Kept inside the
    /// conjunction, they are applied a window at a time and leave the windows whole for
    /// [`ConjunctionScorer::for_each_window`].
    pub fn restricted(
        mut self,
        filters: impl IntoIterator<Item = Box<dyn Query>>,
        excluded: impl IntoIterator<Item = Box<dyn Query>>,
    ) -> ConjunctionQuery {
        self.filters.extend(filters);
        self.excluded.extend(excluded);
        self
    }
}

impl Query for ConjunctionQuery {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let groups = self
            .groups
            .iter()
            .map(|group| {
                group
                    .iter()
                    .map(|clause| ClauseWeight::new(clause, enable_scoring))
                    .collect::<tantivy::Result<Vec<_>>>()
            })
            .collect::<tantivy::Result<Vec<_>>>()?;
        let unscored = match enable_scoring.searcher() {
            Some(searcher) => EnableScoring::disabled_from_searcher(searcher),
            None => EnableScoring::disabled_from_schema(enable_scoring.schema()),
        };
        let unscored_weights = |queries: &[Box<dyn Query>]| {
            queries
                .iter()
                .map(|q| q.weight(unscored))
                .collect::<tantivy::Result<Vec<_>>>()
        };
        let optional = match enable_scoring.is_scoring_enabled() {
            true => self
                .optional
                .iter()
                .map(|q| q.weight(enable_scoring))
                .collect::<tantivy::Result<Vec<_>>>()?,
            // They would change no match.
            false => Vec::new(),
        };
        Ok(Box::new(ConjunctionWeight {
            groups,
            optional,
            filters: unscored_weights(&self.filters)?,
            excluded: unscored_weights(&self.excluded)?,
            scoring: enable_scoring.is_scoring_enabled(),
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        for clause in self.groups.iter().flatten() {
            match clause {
                Clause::Term { term, .. } => visitor(term, false),
                Clause::Query(query) => query.query_terms(visitor),
            }
        }
        // As tantivy's `BooleanQuery` does, every clause's terms, the excluded ones too.
        for query in self
            .optional
            .iter()
            .chain(&self.filters)
            .chain(&self.excluded)
        {
            query.query_terms(visitor);
        }
    }
}

enum ClauseWeight {
    /// The term, and its BM25 weight over the whole index (`None` when not scoring).
    Term {
        term: Term,
        boost: Score,
        bm25: Option<Bm25Weight>,
    },
    Query(Box<dyn Weight>),
}

impl ClauseWeight {
    fn new(clause: &Clause, enable_scoring: EnableScoring<'_>) -> tantivy::Result<ClauseWeight> {
        Ok(match clause {
            Clause::Term { term, boost } => ClauseWeight::Term {
                term: term.clone(),
                boost: *boost,
                // As `TermQuery` computes it: statistics of the whole searcher.
                bm25: match enable_scoring {
                    EnableScoring::Enabled {
                        statistics_provider,
                        ..
                    } => Some(Bm25Weight::for_terms(
                        statistics_provider,
                        std::slice::from_ref(term),
                    )?),
                    EnableScoring::Disabled { .. } => None,
                },
            },
            Clause::Query(query) => ClauseWeight::Query(query.weight(enable_scoring)?),
        })
    }

    /// The clause's scorer in a segment; `None` for a term the segment does not have.
    fn child(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Option<Child>> {
        match self {
            ClauseWeight::Query(weight) => Ok(Some(Child::Other(weight.scorer(reader, boost)?))),
            ClauseWeight::Term {
                term,
                boost: own,
                bm25,
            } => {
                let inverted = reader.inverted_index(term.field())?;
                let Some(info) = inverted.get_term_info(term)? else {
                    return Ok(None);
                };
                let (option, scoring) = match bm25 {
                    Some(bm25) => {
                        let norms = reader
                            .fieldnorms_readers()
                            .get_field(term.field())?
                            .unwrap_or_else(|| FieldNormReader::constant(reader.max_doc(), 1));
                        (
                            IndexRecordOption::WithFreqs,
                            Some((norms, bm25.boost_by(boost * own))),
                        )
                    }
                    None => (IndexRecordOption::Basic, None),
                };
                let block = inverted.read_block_postings_from_terminfo(&info, option)?;
                Ok(Some(Child::Term(Box::new(TermChild::new(block, scoring)))))
            }
        }
    }
}

struct ConjunctionWeight {
    groups: Vec<Vec<ClauseWeight>>,
    /// Empty when not scoring.
    optional: Vec<Box<dyn Weight>>,
    /// Built with scoring disabled.
    filters: Vec<Box<dyn Weight>>,
    excluded: Vec<Box<dyn Weight>>,
    scoring: bool,
}

impl Weight for ConjunctionWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let mut parts = Vec::with_capacity(self.groups.len() + self.filters.len());
        for group in &self.groups {
            let mut children = Vec::with_capacity(group.len());
            for clause in group {
                children.extend(clause.child(reader, boost)?);
            }
            if children.is_empty() {
                // A part with no document in this segment: nothing matches here.
                return Ok(Box::new(tantivy::query::EmptyScorer));
            }
            parts.push(Part {
                children,
                scored: self.scoring,
            });
        }
        for filter in &self.filters {
            parts.push(Part {
                children: vec![Child::Other(filter.scorer(reader, boost)?)],
                scored: false,
            });
        }
        // Rarest first: a part that leaves a window empty stops the filling soonest.
        parts.sort_by_key(|part| {
            part.children
                .iter()
                .map(|c| u64::from(c.size_hint()))
                .sum::<u64>()
        });
        let scorers = |weights: &[Box<dyn Weight>]| {
            weights
                .iter()
                .map(|weight| weight.scorer(reader, boost))
                .collect::<tantivy::Result<Vec<_>>>()
        };
        let excluded = scorers(&self.excluded)?.into_iter().map(Child::Other);
        Ok(Box::new(ConjunctionScorer::new(
            parts,
            scorers(&self.optional)?,
            excluded.collect(),
            self.scoring,
        )))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut scorer = self.scorer(reader, 1.0)?;
        if scorer.doc() > doc || scorer.seek(doc) != doc {
            return Err(tantivy::TantivyError::InvalidArgument(format!(
                "document {doc} does not match"
            )));
        }
        Ok(Explanation::new(
            "conjunction of disjunctions",
            scorer.score(),
        ))
    }
}

/// A term's postings, with what scores them when scoring: tantivy's `TermScorer`, which is not
/// public. Its score is computed the same way (BM25 of the term frequency and the field norm).
///
/// The postings are read a block (128 documents) at a time, as tantivy decodes them, and
/// filled from the block's arrays: `SegmentPostings` would check for the block's end and store
/// its position at every posting.
struct TermChild {
    block: BlockSegmentPostings,
    /// Position of the current document in the block.
    cur: usize,
    /// The current document; `TERMINATED` when none is left.
    doc: DocId,
    scoring: Option<(FieldNormReader, Bm25Weight)>,
}

impl TermChild {
    fn new(block: BlockSegmentPostings, scoring: Option<(FieldNormReader, Bm25Weight)>) -> Self {
        let doc = block.docs().first().copied().unwrap_or(TERMINATED);
        TermChild {
            block,
            cur: 0,
            doc,
            scoring,
        }
    }

    /// Moves to the first document from `target` on.
    fn seek(&mut self, target: DocId) {
        // Lands on the block that can hold `target`, or past the last document when none can.
        self.cur = self.block.seek(target);
        self.doc = self
            .block
            .docs()
            .get(self.cur)
            .copied()
            .unwrap_or(TERMINATED);
    }

    /// See [`Child::fill`].
    fn fill(
        &mut self,
        start: DocId,
        end: DocId,
        bits: &mut [u64; WORDS],
        mut scores: Option<&mut [Score; WINDOW as usize]>,
    ) {
        if self.doc < start {
            self.seek(start);
        }
        while self.doc < end {
            let docs = self.block.docs();
            let mut cur = self.cur;
            match (&self.scoring, scores.as_deref_mut()) {
                (Some((norms, bm25)), Some(scores)) => {
                    let freqs = self.block.freqs();
                    while let Some(&doc) = docs.get(cur).filter(|d| **d < end) {
                        let delta = (doc - start) as usize;
                        bits[delta / 64] |= 1 << (delta % 64);
                        let freq = freqs.get(cur).copied().unwrap_or(1);
                        scores[delta] += bm25.score(norms.fieldnorm_id(doc), freq);
                        cur += 1;
                    }
                }
                _ => {
                    while let Some(&doc) = docs.get(cur).filter(|d| **d < end) {
                        let delta = (doc - start) as usize;
                        bits[delta / 64] |= 1 << (delta % 64);
                        cur += 1;
                    }
                }
            }
            if let Some(&doc) = docs.get(cur) {
                // Stopped at the window's end, inside the block.
                self.cur = cur;
                self.doc = doc;
                return;
            }
            // The block is done: on to the next (empty after the last).
            self.block.advance();
            self.cur = 0;
            self.doc = self.block.docs().first().copied().unwrap_or(TERMINATED);
        }
    }
}

/// A clause's scorer. Nearly every clause is a term: held as [`TermChild`] rather than behind
/// tantivy's trait object, the filling loop's three calls per posting (document, score, next)
/// are direct and inlined. Through the trait object they were most of the conjunction's time
/// at a million documents.
enum Child {
    /// Boxed: a term's postings hold their decoded block (about 2 KB).
    Term(Box<TermChild>),
    Other(Box<dyn Scorer>),
}

impl Child {
    fn size_hint(&self) -> u32 {
        match self {
            Child::Term(t) => t.block.doc_freq(),
            Child::Other(s) => s.size_hint(),
        }
    }

    fn doc(&self) -> DocId {
        match self {
            Child::Term(t) => t.doc,
            Child::Other(s) => s.doc(),
        }
    }

    /// Marks the clause's documents in `[start, end)` in `bits` (relative to `start`) and adds
    /// their scores, leaving the clause on its first document from `end` on.
    fn fill(
        &mut self,
        start: DocId,
        end: DocId,
        bits: &mut [u64; WORDS],
        scores: Option<&mut [Score; WINDOW as usize]>,
    ) {
        match self {
            Child::Term(t) => t.fill(start, end, bits, scores),
            Child::Other(s) => match scores {
                Some(scores) => fill(s.as_mut(), start, end, bits, |s, delta| {
                    scores[delta] += s.score();
                }),
                None => fill(s.as_mut(), start, end, bits, |_, _| {}),
            },
        }
    }
}

/// The offsets in a window of the documents whose bits are set, in order.
pub fn set_bits(bits: &[u64; WORDS]) -> SetBits<'_> {
    SetBits {
        bits,
        word: 0,
        rest: bits[0],
    }
}

/// See [`set_bits`].
pub struct SetBits<'a> {
    bits: &'a [u64; WORDS],
    /// The word being read, and its bits not yet yielded.
    word: usize,
    rest: u64,
}

impl Iterator for SetBits<'_> {
    type Item = usize;

    #[inline]
    fn next(&mut self) -> Option<usize> {
        while self.rest == 0 {
            self.word += 1;
            self.rest = *self.bits.get(self.word)?;
        }
        let delta = self.word * 64 + self.rest.trailing_zeros() as usize;
        self.rest &= self.rest - 1;
        Some(delta)
    }
}

/// Adds `scorer`'s scores to the documents of `matched` (a window from `start`) it matches,
/// seeking it from one to the next, as tantivy scores a `Should` clause beside a `Must`: these
/// clauses (a phrase's words in the fields without positions) have many documents beyond the
/// matches, and filling whole windows with them cost a phrase search a quarter more.
fn add_scores_at(
    scorer: &mut dyn Scorer,
    start: DocId,
    matched: &[u64; WORDS],
    scores: &mut [Score; WINDOW as usize],
) {
    for delta in set_bits(matched) {
        let doc = start + delta as DocId;
        let mut at = scorer.doc();
        if at < doc {
            at = scorer.seek(doc);
        }
        if at == TERMINATED {
            return;
        }
        if at == doc {
            scores[delta] += scorer.score();
        }
    }
}

/// The loop of [`Child::fill`] for a scorer other than a term's, for one way of scoring.
#[inline]
fn fill<D: DocSet + ?Sized>(
    docs: &mut D,
    start: DocId,
    end: DocId,
    bits: &mut [u64; WORDS],
    mut on_match: impl FnMut(&mut D, usize),
) {
    let mut doc = docs.doc();
    if doc < start {
        doc = docs.seek(start);
    }
    while doc < end {
        let delta = (doc - start) as usize;
        bits[delta / 64] |= 1 << (delta % 64);
        on_match(docs, delta);
        doc = docs.advance();
    }
}

/// A required part of the conjunction: a group of clauses, or a filter.
struct Part {
    children: Vec<Child>,
    /// Whether its matches add to the score (false for filters and when not scoring).
    scored: bool,
}

/// One window's matching documents, handed over in bulk by
/// [`ConjunctionScorer::for_each_window`].
pub struct Window<'a> {
    /// The window's first document.
    pub offset: DocId,
    /// Bit `d` set: document `offset + d` matches.
    pub bits: &'a [u64; WORDS],
    /// The matching documents' scores, by `d`; `None` when not scoring.
    pub scores: Option<&'a [Score; WINDOW as usize]>,
}

/// See the module doc.
pub struct ConjunctionScorer {
    parts: Vec<Part>,
    /// Clauses that add to the score of the window's matches, without deciding them.
    optional: Vec<Box<dyn Scorer>>,
    /// Documents that never match, whatever the parts say.
    excluded: Vec<Child>,
    /// First document of the window.
    offset: DocId,
    /// The window's documents matching every group not yet yielded, as bits.
    matched: [u64; WORDS],
    /// The summed scores of the window's documents (only those in `matched` are meaningful);
    /// `None` when not scoring.
    scores: Option<Box<[Score; WINDOW as usize]>>,
    /// The word of `matched` being yielded.
    cursor: usize,
    doc: DocId,
    score: Score,
}

impl ConjunctionScorer {
    fn new(
        parts: Vec<Part>,
        optional: Vec<Box<dyn Scorer>>,
        excluded: Vec<Child>,
        scoring: bool,
    ) -> ConjunctionScorer {
        let mut scorer = ConjunctionScorer {
            parts,
            optional,
            excluded,
            offset: 0,
            matched: [0; WORDS],
            scores: scoring.then(|| Box::new([0.0; WINDOW as usize])),
            cursor: WORDS,
            doc: 0,
            score: 0.0,
        };
        scorer.first_from(0);
        scorer
    }

    /// Hands `f` every window from the current document on, the current one first, then leaves
    /// the scorer exhausted. The same documents and scores as `advance` would yield, without a
    /// call per document. `f` may break off (a search past its deadline): the scorer is
    /// exhausted all the same.
    pub fn for_each_window(&mut self, mut f: impl FnMut(Window<'_>) -> ControlFlow<()>) {
        if self.doc == TERMINATED {
            return;
        }
        // `pop` took the current document out of the window's bits: put it back.
        let delta = (self.doc - self.offset) as usize;
        self.matched[delta / 64] |= 1 << (delta % 64);
        loop {
            let flow = f(Window {
                offset: self.offset,
                bits: &self.matched,
                scores: self.scores.as_deref(),
            });
            if flow.is_break() || !self.refill(self.offset.saturating_add(WINDOW)) {
                break;
            }
        }
        self.matched = [0; WORDS];
        self.cursor = WORDS;
        self.doc = TERMINATED;
    }

    /// Moves to the first match of the next window holding one, from `at` on.
    fn first_from(&mut self, at: DocId) -> DocId {
        if !(self.refill(at) && self.pop()) {
            self.doc = TERMINATED;
        }
        self.doc
    }

    /// The first document every group can still match, from `at` on: the latest of the
    /// groups' earliest documents. `TERMINATED` once a group has none left.
    fn next_start(&self, at: DocId) -> DocId {
        let mut start = at;
        for part in &self.parts {
            let earliest = part
                .children
                .iter()
                .map(|s| s.doc())
                .min()
                .unwrap_or(TERMINATED);
            start = start.max(earliest);
        }
        debug_assert!(start >= at, "a window never starts before it was asked to");
        start
    }

    /// Fills the next window that has at least one document matching every group. False when
    /// there is none left.
    fn refill(&mut self, at: DocId) -> bool {
        let mut start = self.next_start(at);
        while start != TERMINATED {
            let end = start.saturating_add(WINDOW);
            self.offset = start;
            if self.fill_parts(start, end) && self.exclude(start, end) {
                debug_assert!(start >= at && self.matched.iter().any(|w| *w != 0));
                // The window's bits stop at its end: a document past it is the next window's.
                debug_assert!(
                    end - start == WINDOW || self.matched_below((end - start) as usize),
                    "bits past the window's end"
                );
                if let Some(scores) = self.scores.as_deref_mut() {
                    for optional in &mut self.optional {
                        add_scores_at(optional.as_mut(), start, &self.matched, scores);
                    }
                }
                self.cursor = 0;
                return true;
            }
            // Nothing in this window: the parts filled so far are past it; the others (and
            // the exclusions) are moved past it by the next window's start.
            start = self.next_start(end);
        }
        false
    }

    /// True when no bit at or past `len` is set (a window cut short by the last document id).
    fn matched_below(&self, len: usize) -> bool {
        (len..WINDOW as usize).all(|delta| self.matched[delta / 64] & (1 << (delta % 64)) == 0)
    }

    /// Sets `matched` to the documents of `[start, end)` every part matches, with their
    /// scores; stops at the first part that leaves none, and says whether any is left.
    fn fill_parts(&mut self, start: DocId, end: DocId) -> bool {
        self.matched = [!0; WORDS];
        if let Some(scores) = &mut self.scores {
            scores.fill(0.0);
        }
        for part in &mut self.parts {
            let mut bits = [0u64; WORDS];
            for child in part.children.iter_mut() {
                let scores = match part.scored {
                    true => self.scores.as_deref_mut(),
                    false => None,
                };
                child.fill(start, end, &mut bits, scores);
            }
            let mut any = 0;
            for (matched, bits) in self.matched.iter_mut().zip(bits) {
                *matched &= bits;
                any |= *matched;
            }
            if any == 0 {
                return false;
            }
        }
        true
    }

    /// Takes the exclusions' documents of `[start, end)` out of `matched`; says whether any
    /// match is left.
    fn exclude(&mut self, start: DocId, end: DocId) -> bool {
        for child in &mut self.excluded {
            let mut bits = [0u64; WORDS];
            child.fill(start, end, &mut bits, None);
            for (matched, bits) in self.matched.iter_mut().zip(bits) {
                *matched &= !bits;
            }
        }
        self.matched.iter().any(|w| *w != 0)
    }

    /// The next document of the current window, if any.
    fn pop(&mut self) -> bool {
        while self.cursor < WORDS {
            let word = self.matched[self.cursor];
            if word != 0 {
                let bit = word.trailing_zeros() as usize;
                self.matched[self.cursor] = word & (word - 1);
                let delta = self.cursor * 64 + bit;
                let previous = self.doc;
                self.doc = self.offset + delta as DocId;
                // Documents come in order: within the window, and after the last one yielded
                // (the first of a window may equal the `doc` a fresh scorer starts at, 0).
                debug_assert!((delta as u32) < WINDOW);
                debug_assert!(
                    self.doc > previous || previous == 0 || previous == TERMINATED,
                    "document {} after {previous}",
                    self.doc
                );
                self.score = self.scores.as_ref().map_or(0.0, |scores| scores[delta]);
                return true;
            }
            self.cursor += 1;
        }
        false
    }
}

impl DocSet for ConjunctionScorer {
    fn advance(&mut self) -> DocId {
        if self.doc == TERMINATED {
            return TERMINATED;
        }
        if self.pop() {
            return self.doc;
        }
        self.first_from(self.offset.saturating_add(WINDOW))
    }

    fn seek(&mut self, target: DocId) -> DocId {
        let landed = self.seek_inner(target);
        debug_assert!(landed >= target, "seek({target}) landed on {landed}");
        landed
    }

    fn doc(&self) -> DocId {
        self.doc
    }

    fn size_hint(&self) -> u32 {
        // At most as many as the rarest part (they are sorted rarest first).
        self.parts
            .first()
            .map(|part| part.children.iter().map(|s| s.size_hint()).sum())
            .unwrap_or(0)
    }
}

impl ConjunctionScorer {
    fn seek_inner(&mut self, target: DocId) -> DocId {
        if self.doc >= target {
            return self.doc;
        }
        if target < self.offset.saturating_add(WINDOW) {
            // Within the window: drop the bits before the target, then yield the next.
            let delta = (target - self.offset) as usize;
            let word = delta / 64;
            for w in &mut self.matched[self.cursor.min(word)..word] {
                *w = 0;
            }
            self.matched[word] &= !0u64 << (delta % 64);
            self.cursor = self.cursor.max(word);
            return self.advance();
        }
        self.first_from(target)
    }
}

impl Scorer for ConjunctionScorer {
    fn score(&mut self) -> Score {
        self.score
    }
}

#[cfg(test)]
mod tests {
    //! The conjunction against tantivy's own intersection of unions, on an index of real
    //! sentences (the shipped ECtHR documents) large enough for many windows.

    use std::path::Path;

    use tantivy::collector::DocSetCollector;
    use tantivy::query::{BooleanQuery, Occur, TermQuery};
    use tantivy::schema::{IndexRecordOption, Schema, TEXT};
    use tantivy::{Index, Searcher, TantivyDocument};

    use super::*;

    impl Clause {
        /// The same clause as tantivy's own query.
        fn into_query(self) -> Box<dyn Query> {
            match self {
                Clause::Term { term, boost } => Box::new(tantivy::query::BoostQuery::new(
                    Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs)),
                    boost,
                )),
                Clause::Query(query) => query,
            }
        }
    }

    struct Fixture {
        searcher: Searcher,
        title: tantivy::schema::Field,
        body: tantivy::schema::Field,
    }

    /// 30,000 documents, each a title sentence and three body sentences drawn (by a fixed
    /// rule) from the sentences of `corpus/ecthr.jsonl`, in two segments.
    fn fixture() -> Fixture {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/ecthr.jsonl");
        let text = std::fs::read_to_string(&path).expect("corpus/ecthr.jsonl");
        let sentences: Vec<String> = text
            .lines()
            .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
            .filter_map(|v| v["text"].as_str().map(str::to_string))
            .flat_map(|t| {
                t.split(". ")
                    .map(str::trim)
                    .filter(|s| s.len() > 20)
                    .map(str::to_string)
                    .collect::<Vec<_>>()
            })
            .collect();
        assert!(sentences.len() > 100, "{} sentences", sentences.len());
        let mut builder = Schema::builder();
        let title = builder.add_text_field("title", TEXT);
        let body = builder.add_text_field("body", TEXT);
        let index = Index::create_in_ram(builder.build());
        let mut writer = index.writer_with_num_threads(1, 50_000_000).unwrap();
        let n = sentences.len();
        for i in 0..30_000usize {
            let mut doc = TantivyDocument::default();
            doc.add_text(title, &sentences[(i * 31) % n]);
            for k in [7usize, 13, 29] {
                doc.add_text(body, &sentences[(i * k + k * k) % n]);
            }
            writer.add_document(doc).unwrap();
            if i == 18_000 {
                writer.commit().unwrap();
            }
        }
        writer.commit().unwrap();
        let searcher = index.reader().unwrap().searcher();
        Fixture {
            searcher,
            title,
            body,
        }
    }

    impl Fixture {
        /// A word as our builder makes it: any of its fields, the title weighing more.
        fn group(&self, word: &str) -> Vec<Clause> {
            [(self.title, 3.0), (self.body, 1.0)]
                .into_iter()
                .map(|(field, boost)| Clause::Term {
                    term: Term::from_field_text(field, word),
                    boost,
                })
                .collect()
        }

        fn queries(&self, words: &[&str]) -> (Box<dyn Query>, Box<dyn Query>) {
            let ours = ConjunctionQuery::new(words.iter().map(|w| self.group(w)).collect());
            let tantivy = BooleanQuery::new(
                words
                    .iter()
                    .map(|w| {
                        let union = BooleanQuery::new(
                            self.group(w)
                                .into_iter()
                                .map(|c| (Occur::Should, c.into_query()))
                                .collect(),
                        );
                        (Occur::Must, Box::new(union) as Box<dyn Query>)
                    })
                    .collect(),
            );
            (Box::new(ours), Box::new(tantivy))
        }

        /// A query's scorer in each segment, in order.
        fn scorers(&self, query: &dyn Query) -> Vec<Box<dyn Scorer>> {
            let weight = query
                .weight(EnableScoring::enabled_from_searcher(&self.searcher))
                .unwrap();
            self.searcher
                .segment_readers()
                .iter()
                .map(|segment| weight.scorer(segment, 1.0).unwrap())
                .collect()
        }

        /// Every (document, score) of a query, segment by segment.
        fn hits(&self, query: &dyn Query) -> Vec<(u32, u32, Score)> {
            let mut out = Vec::new();
            for (ord, mut scorer) in self.scorers(query).into_iter().enumerate() {
                while scorer.doc() != TERMINATED {
                    out.push((ord as u32, scorer.doc(), scorer.score()));
                    scorer.advance();
                }
            }
            out
        }
    }

    /// Pairs and triples of common and rare words, and single words (a one-group union).
    const QUERIES: [&[&str]; 9] = [
        &["the", "of"],
        &["court", "applicant"],
        &["trafficking", "human", "beings"],
        &["article", "convention", "state"],
        &["the", "exploitation"],
        &["slavery", "servitude", "forced"],
        &["rantsev", "the"],
        &["trafficking"],
        &["the"],
    ];

    fn same_hits(ours: &[(u32, u32, Score)], theirs: &[(u32, u32, Score)], what: &str) {
        assert_eq!(ours.len(), theirs.len(), "{what}: number of hits");
        for (a, b) in ours.iter().zip(theirs) {
            assert_eq!((a.0, a.1), (b.0, b.1), "{what}: documents");
            assert!(
                (a.2 - b.2).abs() <= 1e-4 * b.2.abs().max(1.0),
                "{what}: document {:?} scores {} here, {} in tantivy",
                (a.0, a.1),
                a.2,
                b.2
            );
        }
    }

    #[test]
    fn matches_and_scores_as_tantivys_intersection_of_unions() {
        let f = fixture();
        let mut windows_with_hits = 0;
        for words in QUERIES {
            let (ours, theirs) = f.queries(words);
            let (ours, theirs) = (f.hits(ours.as_ref()), f.hits(theirs.as_ref()));
            same_hits(&ours, &theirs, &words.join(" "));
            let mut windows: Vec<(u32, u32)> = ours.iter().map(|h| (h.0, h.1 / WINDOW)).collect();
            windows.dedup();
            windows_with_hits = windows_with_hits.max(windows.len());
        }
        // The common pairs span every window of both segments.
        assert!(windows_with_hits >= 8, "{windows_with_hits} windows");
        // Rare words too: some query has few hits.
        let (ours, _) = f.queries(QUERIES[6]);
        let rare = f.hits(ours.as_ref()).len();
        assert!(rare > 0 && rare < 3_000, "{rare} hits");
    }

    #[test]
    fn seeks_land_where_tantivys_do() {
        let f = fixture();
        for words in QUERIES {
            let (ours, theirs) = f.queries(words);
            let scoring = EnableScoring::enabled_from_searcher(&f.searcher);
            let (ours, theirs) = (
                ours.weight(scoring).unwrap(),
                theirs.weight(scoring).unwrap(),
            );
            for segment in f.searcher.segment_readers() {
                let mut a = ours.scorer(segment, 1.0).unwrap();
                let mut b = theirs.scorer(segment, 1.0).unwrap();
                // Strides below, at and far above a window, so seeks land inside the current
                // window, in the next and several windows on.
                let mut target = 0u32;
                for step in [1u32, 63, 64, 700, 4095, 4096, 9000, 3, 20_000]
                    .iter()
                    .cycle()
                {
                    target += step;
                    if target > segment.max_doc() + 10 {
                        break;
                    }
                    let got = if a.doc() < target {
                        a.seek(target)
                    } else {
                        a.doc()
                    };
                    let want = if b.doc() < target {
                        b.seek(target)
                    } else {
                        b.doc()
                    };
                    assert_eq!(got, want, "`{}` seeking {target}", words.join(" "));
                    if got == TERMINATED {
                        break;
                    }
                    assert!((a.score() - b.score()).abs() <= 1e-4 * b.score().abs().max(1.0));
                    // And an advance after the seek.
                    assert_eq!(
                        a.advance(),
                        b.advance(),
                        "`{}` after {target}",
                        words.join(" ")
                    );
                }
            }
        }
    }

    /// Every (segment, document, score) `for_each_window` hands over, from a fresh scorer or
    /// after `advances` documents taken one by one (which it must not hand over again).
    fn windowed(f: &Fixture, query: &dyn Query, advances: usize) -> Vec<(u32, u32, Score)> {
        let mut out = Vec::new();
        let segments = f.searcher.segment_readers();
        for (ord, (mut scorer, segment)) in f.scorers(query).into_iter().zip(segments).enumerate() {
            for _ in 0..advances {
                if scorer.doc() != TERMINATED {
                    out.push((ord as u32, scorer.doc(), scorer.score()));
                    scorer.advance();
                }
            }
            let conjunction = scorer
                .downcast_mut::<ConjunctionScorer>()
                .expect("a conjunction's scorer");
            conjunction.for_each_window(|window| {
                assert_eq!(window.offset, window.offset.min(segment.max_doc()));
                // Read bit by bit, not through `set_bits`, which the window path uses.
                for (w, bits) in window.bits.iter().enumerate() {
                    for bit in (0..64).filter(|b| bits & (1u64 << b) != 0) {
                        let delta = w * 64 + bit;
                        let score = window.scores.map_or(f32::NAN, |s| s[delta]);
                        out.push((ord as u32, window.offset + delta as u32, score));
                    }
                }
                ControlFlow::Continue(())
            });
            assert_eq!(conjunction.doc(), TERMINATED, "exhausted after");
        }
        out
    }

    #[test]
    fn set_bits_yields_every_set_bit_in_order() {
        let mut bits = [0u64; WORDS];
        assert_eq!(set_bits(&bits).count(), 0);
        let set = [0usize, 1, 63, 64, 700, 4094, 4095];
        for d in set {
            bits[d / 64] |= 1 << (d % 64);
        }
        assert_eq!(set_bits(&bits).collect::<Vec<_>>(), set);
        bits = [!0; WORDS];
        assert!(set_bits(&bits).eq(0..WINDOW as usize));
    }

    #[test]
    fn windows_hold_what_advancing_yields() {
        let f = fixture();
        for words in QUERIES {
            let (ours, _) = f.queries(words);
            let one_by_one = f.hits(ours.as_ref());
            // From the start, after one document (the first window's first, taken out of its
            // bits), and far into the matches.
            for advances in [0, 1, 2, 1000] {
                let what = format!("`{}` after {advances}", words.join(" "));
                same_hits(&windowed(&f, ours.as_ref(), advances), &one_by_one, &what);
            }
        }
    }

    #[test]
    fn filters_and_exclusions_match_and_score_as_tantivys_boolean_query() {
        let f = fixture();
        let term = |word: &str| -> Box<dyn Query> {
            Box::new(TermQuery::new(
                Term::from_field_text(f.body, word),
                IndexRecordOption::Basic,
            ))
        };
        // A rare and a common filter, a rare and a common exclusion.
        let cases: [(&[&str], &[&str]); 4] = [
            (&["rantsev"], &[]),
            (&["court"], &["the"]),
            (&[], &["rantsev"]),
            (&["convention"], &["applicant", "rantsev"]),
        ];
        let (mut narrowed, mut kept) = (0, 0);
        for words in QUERIES {
            for (filters, excluded) in cases {
                let ours = ConjunctionQuery::new(words.iter().map(|w| f.group(w)).collect())
                    .restricted(
                        filters.iter().map(|w| term(w)),
                        excluded.iter().map(|w| term(w)),
                    );
                let (plain, _) = f.queries(words);
                let mut clauses = vec![(Occur::Must, plain)];
                for w in filters {
                    let filter = tantivy::query::ConstScoreQuery::new(term(w), 0.0);
                    clauses.push((Occur::Must, Box::new(filter) as Box<dyn Query>));
                }
                for w in excluded {
                    clauses.push((Occur::MustNot, term(w)));
                }
                let theirs = BooleanQuery::new(clauses);
                let what = format!("`{}` +{filters:?} -{excluded:?}", words.join(" "));
                let (ours_hits, theirs_hits) = (f.hits(&ours), f.hits(&theirs));
                same_hits(&ours_hits, &theirs_hits, &what);
                same_hits(&windowed(&f, &ours, 0), &theirs_hits, &what);
                let all = f.hits(f.queries(words).0.as_ref()).len();
                narrowed += usize::from(ours_hits.len() < all);
                kept += usize::from(!ours_hits.is_empty());
            }
        }
        // The filters and exclusions did narrow matches, and left some.
        assert!(
            narrowed >= 20 && kept >= 20,
            "{narrowed} narrowed, {kept} kept"
        );
    }

    #[test]
    fn optional_clauses_score_as_tantivys_should_clauses_and_match_nothing() {
        let f = fixture();
        let term = |field, word: &str| -> Box<dyn Query> {
            Box::new(TermQuery::new(
                Term::from_field_text(field, word),
                IndexRecordOption::WithFreqs,
            ))
        };
        // As a phrase's words in a field without positions: all of them required there; and
        // a word in the title, which also matches documents outside the query.
        let optional = || -> Vec<Box<dyn Query>> {
            vec![
                Box::new(BooleanQuery::new(vec![
                    (Occur::Must, term(f.body, "human")),
                    (Occur::Must, term(f.body, "the")),
                ])),
                term(f.title, "court"),
            ]
        };
        let mut rescored = 0;
        for words in QUERIES {
            let (plain, theirs) = f.queries(words);
            let ours = ConjunctionQuery::new(words.iter().map(|w| f.group(w)).collect())
                .also_scored_by(optional());
            let mut clauses = vec![(Occur::Must, theirs)];
            clauses.extend(optional().into_iter().map(|q| (Occur::Should, q)));
            let theirs = BooleanQuery::new(clauses);
            let what = format!("`{}` also scored", words.join(" "));
            let (ours_hits, theirs_hits) = (f.hits(&ours), f.hits(&theirs));
            same_hits(&ours_hits, &theirs_hits, &what);
            same_hits(&windowed(&f, &ours, 0), &theirs_hits, &what);
            let plain = f.hits(plain.as_ref());
            assert_eq!(plain.len(), ours_hits.len(), "{what}: the same matches");
            rescored += plain
                .iter()
                .zip(&ours_hits)
                .filter(|(a, b)| a.2 != b.2)
                .count();
        }
        assert!(rescored > 1000, "{rescored} documents scored higher");
    }

    #[test]
    fn inside_another_intersection_and_with_an_exclusion() {
        let f = fixture();
        let rare = || -> Box<dyn Query> {
            Box::new(TermQuery::new(
                Term::from_field_text(f.body, "rantsev"),
                IndexRecordOption::Basic,
            ))
        };
        for words in QUERIES {
            for occur in [Occur::Must, Occur::MustNot] {
                let (ours, theirs) = f.queries(words);
                let wrap =
                    |q: Box<dyn Query>| BooleanQuery::new(vec![(Occur::Must, q), (occur, rare())]);
                let ours = f.searcher.search(&wrap(ours), &DocSetCollector).unwrap();
                let theirs = f.searcher.search(&wrap(theirs), &DocSetCollector).unwrap();
                assert_eq!(ours, theirs, "`{}` {occur:?} rantsev", words.join(" "));
            }
        }
    }

    /// Random indexes and queries against tantivy's own intersection of unions: every document
    /// and score the same, advancing, seeking and window by window, with exclusions. Small
    /// vocabularies make every word common enough to meet; up to 9,000 documents span three
    /// windows; the debug assertions of the scorer run on every case.
    mod against_tantivy {
        use proptest::prelude::*;
        use tantivy::query::{BooleanQuery, Occur, TermQuery};
        use tantivy::schema::{IndexRecordOption, Schema, TEXT};
        use tantivy::{Index, TantivyDocument};

        use super::super::*;
        use super::same_hits;

        const VOCABULARY: [&str; 6] = ["a", "b", "c", "d", "e", "f"];

        /// Documents as (title words, body words), each word an index into [`VOCABULARY`].
        fn documents() -> impl Strategy<Value = Vec<(Vec<usize>, Vec<usize>)>> {
            (1usize..9_000).prop_flat_map(|n| {
                prop::collection::vec(
                    (
                        prop::collection::vec(0..VOCABULARY.len(), 0..3),
                        prop::collection::vec(0..VOCABULARY.len(), 0..4),
                    ),
                    n..=n,
                )
            })
        }

        proptest! {
            #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

            #[test]
            fn the_same_documents_and_scores_as_tantivy(
                docs in documents(),
                words in prop::collection::vec(0..VOCABULARY.len(), 1..4),
                excluded in prop::option::of(0..VOCABULARY.len()),
                split in 0usize..9_000,
                seeks in prop::collection::vec(0u32..9_500, 0..6),
            ) {
                let mut builder = Schema::builder();
                let title = builder.add_text_field("title", TEXT);
                let body = builder.add_text_field("body", TEXT);
                let index = Index::create_in_ram(builder.build());
                let mut writer = index.writer_with_num_threads(1, 20_000_000).unwrap();
                for (i, (t, b)) in docs.iter().enumerate() {
                    let mut doc = TantivyDocument::default();
                    let join = |ws: &[usize]| {
                        ws.iter().map(|w| VOCABULARY[*w]).collect::<Vec<_>>().join(" ")
                    };
                    doc.add_text(title, join(t));
                    doc.add_text(body, join(b));
                    writer.add_document(doc).unwrap();
                    // Two segments, sometimes.
                    if i == split {
                        writer.commit().unwrap();
                    }
                }
                writer.commit().unwrap();
                let searcher = index.reader().unwrap().searcher();
                let group = |w: usize| -> Vec<Clause> {
                    [(title, 3.0), (body, 1.0)]
                        .into_iter()
                        .map(|(field, boost)| Clause::Term {
                            term: Term::from_field_text(field, VOCABULARY[w]),
                            boost,
                        })
                        .collect()
                };
                let exclusion = |w: usize| -> Box<dyn Query> {
                    Box::new(TermQuery::new(
                        Term::from_field_text(body, VOCABULARY[w]),
                        IndexRecordOption::Basic,
                    ))
                };
                let ours = ConjunctionQuery::new(words.iter().map(|w| group(*w)).collect())
                    .restricted(Vec::new(), excluded.map(exclusion));
                let mut clauses: Vec<(Occur, Box<dyn Query>)> = words
                    .iter()
                    .map(|w| {
                        let union = BooleanQuery::new(
                            group(*w)
                                .into_iter()
                                .map(|c| (Occur::Should, c.into_query()))
                                .collect(),
                        );
                        (Occur::Must, Box::new(union) as Box<dyn Query>)
                    })
                    .collect();
                clauses.extend(excluded.map(|w| (Occur::MustNot, exclusion(w))));
                let theirs = BooleanQuery::new(clauses);

                let scorers = |query: &dyn Query| -> Vec<Box<dyn Scorer>> {
                    let weight = query
                        .weight(EnableScoring::enabled_from_searcher(&searcher))
                        .unwrap();
                    searcher
                        .segment_readers()
                        .iter()
                        .map(|segment| weight.scorer(segment, 1.0).unwrap())
                        .collect()
                };
                let walk = |query: &dyn Query| {
                    let mut out = Vec::new();
                    for (ord, mut scorer) in scorers(query).into_iter().enumerate() {
                        while scorer.doc() != TERMINATED {
                            out.push((ord as u32, scorer.doc(), scorer.score()));
                            scorer.advance();
                        }
                    }
                    out
                };
                let expected = walk(&theirs);
                same_hits(&walk(&ours), &expected, "advancing");

                // Window by window, as the facet pass takes them.
                let weight = ours
                    .weight(EnableScoring::enabled_from_searcher(&searcher))
                    .unwrap();
                let mut windowed = Vec::new();
                for (ord, segment) in searcher.segment_readers().iter().enumerate() {
                    let mut scorer = weight.scorer(segment, 1.0).unwrap();
                    let Some(conjunction) = scorer.downcast_mut::<ConjunctionScorer>() else {
                        // A query tantivy answers alone (no group left) yields nothing here.
                        prop_assert_eq!(scorer.doc(), TERMINATED);
                        continue;
                    };
                    conjunction.for_each_window(|window| {
                        for delta in set_bits(window.bits) {
                            let score = window.scores.map_or(0.0, |s| s[delta]);
                            windowed.push((ord as u32, window.offset + delta as u32, score));
                        }
                        ControlFlow::Continue(())
                    });
                }
                same_hits(&windowed, &expected, "window by window");

                // Seeks land where tantivy's do, in every segment.
                let mut targets = seeks.clone();
                targets.sort_unstable();
                for (mut a, mut b) in scorers(&ours).into_iter().zip(scorers(&theirs)) {
                    for target in &targets {
                        if *target <= a.doc() || a.doc() == TERMINATED {
                            continue;
                        }
                        prop_assert_eq!(a.seek(*target), b.seek(*target), "seek({})", target);
                    }
                }
            }
        }
    }
}

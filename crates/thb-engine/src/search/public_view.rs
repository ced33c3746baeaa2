//! The index as a caller without a reader token sees it: restricted documents take no part in
//! anything such a caller can observe. Leaving them out of the hits and the counts is the
//! filters' job (`search::Filters`); this module removes them from what is left: the BM25
//! statistics (a restricted document holding the query word changed every public score, so a
//! score told that it existed) and the term dictionary's words (a prefix was refused as too wide
//! because of words only restricted documents hold).
//!
//! tantivy's statistics count every document a segment holds, deleted ones included, until a
//! merge drops them; the restricted documents are subtracted the same way (deleted ones
//! included), so the public statistics are the ones tantivy would keep for an index that never
//! held a restricted document. The term and document frequencies subtracted are exact. The
//! token counts are the documents' field norms, which tantivy stores exactly up to 40 tokens and
//! within a few percent above: a restricted document of 1,000 words moves the average length of
//! a 250-document corpus by well under a thousandth.
//!
//! An index without restricted documents has no [`PublicView`]: the searcher's own statistics
//! are the public ones, and a public search costs nothing more.

use std::collections::HashMap;
use std::sync::Mutex;

use tantivy::query::Bm25StatisticsProvider;
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{BitSet, DocId, DocSet, Searcher, Term, TERMINATED};

use crate::schema::restricted_term;

/// The public statistics of a searcher whose index holds restricted documents.
pub struct PublicView<'a> {
    searcher: &'a Searcher,
    /// Per segment (in the searcher's order), the restricted documents, deleted ones included.
    restricted: Vec<Restricted>,
    /// The restricted documents' tokens per field, summed once: BM25 asks for a field's total
    /// for every term it weighs.
    tokens: Mutex<HashMap<Field, u64>>,
}

/// One segment's restricted documents, as a list (to walk them) and as a set (to test a
/// term's documents against them, when the term has fewer).
struct Restricted {
    docs: Vec<DocId>,
    set: BitSet,
}

impl<'a> PublicView<'a> {
    /// The public view of `searcher`, where `access` is the field that marks a restricted
    /// document with the term `restricted`; `None` when no segment holds one.
    pub fn of(searcher: &'a Searcher, access: Field) -> tantivy::Result<Option<PublicView<'a>>> {
        let marker = restricted_term(access);
        let mut restricted = Vec::with_capacity(searcher.segment_readers().len());
        for segment in searcher.segment_readers() {
            let mut docs = Vec::new();
            let mut set = BitSet::with_max_value(segment.max_doc());
            let inverted = segment.inverted_index(access)?;
            if let Some(mut postings) = inverted.read_postings(&marker, IndexRecordOption::Basic)? {
                let mut doc = postings.doc();
                while doc != TERMINATED {
                    docs.push(doc);
                    set.insert(doc);
                    doc = postings.advance();
                }
            }
            restricted.push(Restricted { docs, set });
        }
        if restricted.iter().all(|r| r.docs.is_empty()) {
            return Ok(None);
        }
        Ok(Some(PublicView {
            searcher,
            restricted,
            tokens: Mutex::new(HashMap::new()),
        }))
    }

    /// How many restricted documents (deleted ones included) hold `term`.
    fn restricted_doc_freq(&self, term: &Term) -> tantivy::Result<u64> {
        let mut count = 0;
        for (segment, restricted) in self.searcher.segment_readers().iter().zip(&self.restricted) {
            if restricted.docs.is_empty() {
                continue;
            }
            let inverted = segment.inverted_index(term.field())?;
            let Some(info) = inverted.get_term_info(term)? else {
                continue;
            };
            // Deleted documents stay in the postings until a merge, as in tantivy's counts.
            let mut postings =
                inverted.read_postings_from_terminfo(&info, IndexRecordOption::Basic)?;
            // Whichever side is shorter is walked: a rare word's few documents are tested
            // against the set, a common word's postings seek the few restricted documents.
            if info.doc_freq as usize <= restricted.docs.len() {
                let mut doc = postings.doc();
                while doc != TERMINATED {
                    count += u64::from(restricted.set.contains(doc));
                    doc = postings.advance();
                }
                continue;
            }
            for &doc in &restricted.docs {
                if postings.doc() > doc {
                    continue;
                }
                if postings.seek(doc) == doc {
                    count += 1;
                }
                if postings.doc() == TERMINATED {
                    break;
                }
            }
        }
        Ok(count)
    }

    /// True when a document a public caller may see (or a deleted one) holds `term`: the words
    /// of restricted documents alone are not a public caller's to count.
    pub fn is_visible(&self, term: &Term) -> tantivy::Result<bool> {
        Ok(self.searcher.doc_freq(term)? > self.restricted_doc_freq(term)?)
    }
}

impl Bm25StatisticsProvider for PublicView<'_> {
    fn total_num_tokens(&self, field: Field) -> tantivy::Result<u64> {
        let all = Bm25StatisticsProvider::total_num_tokens(self.searcher, field)?;
        let known = self.tokens.lock().ok().and_then(|t| t.get(&field).copied());
        let restricted = match known {
            Some(tokens) => tokens,
            None => {
                let mut tokens = 0u64;
                for (segment, r) in self.searcher.segment_readers().iter().zip(&self.restricted) {
                    if r.docs.is_empty() {
                        continue;
                    }
                    let norms = segment.get_fieldnorms_reader(field)?;
                    tokens += r
                        .docs
                        .iter()
                        .map(|&d| u64::from(norms.fieldnorm(d)))
                        .sum::<u64>();
                }
                if let Ok(mut known) = self.tokens.lock() {
                    known.insert(field, tokens);
                }
                tokens
            }
        };
        Ok(all.saturating_sub(restricted))
    }

    fn total_num_docs(&self) -> tantivy::Result<u64> {
        let all = Bm25StatisticsProvider::total_num_docs(self.searcher)?;
        let restricted: usize = self.restricted.iter().map(|r| r.docs.len()).sum();
        // BM25 divides by the document count; an index of restricted documents alone still
        // scores nothing publicly, and must not divide by zero.
        Ok(all.saturating_sub(restricted as u64).max(1))
    }

    fn doc_freq(&self, term: &Term) -> tantivy::Result<u64> {
        Ok(self
            .searcher
            .doc_freq(term)?
            .saturating_sub(self.restricted_doc_freq(term)?))
    }
}

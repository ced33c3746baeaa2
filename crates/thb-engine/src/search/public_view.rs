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
//! are the public ones, and a public search costs nothing more. Each segment's restricted
//! documents, and what was subtracted for them, are kept with its facet tables
//! (`columns::Restricted`): a segment never changes, so neither do they.

use std::sync::Arc;

use tantivy::query::Bm25StatisticsProvider;
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocSet, Searcher, Term, TERMINATED};

use crate::columns::{FacetTables, SegmentTables};

/// The public statistics of a searcher whose index holds restricted documents.
pub struct PublicView<'a> {
    searcher: &'a Searcher,
    /// Per segment (in the searcher's order), its tables, which hold its restricted documents
    /// (deleted ones included) and remember what was subtracted for them
    /// (`columns::Restricted`).
    segments: Vec<Arc<SegmentTables>>,
}

impl<'a> PublicView<'a> {
    /// The public view of `searcher`, whose segments' restricted documents `tables` holds;
    /// `None` when no segment holds one.
    pub fn of(
        searcher: &'a Searcher,
        tables: &FacetTables,
    ) -> tantivy::Result<Option<PublicView<'a>>> {
        let segments = searcher
            .segment_readers()
            .iter()
            .map(|segment| tables.get(segment))
            .collect::<tantivy::Result<Vec<_>>>()?;
        if segments.iter().all(|t| t.restricted().docs().is_empty()) {
            return Ok(None);
        }
        Ok(Some(PublicView { searcher, segments }))
    }

    /// How many restricted documents (deleted ones included) hold `term`.
    fn restricted_doc_freq(&self, term: &Term) -> tantivy::Result<u64> {
        let mut count = 0;
        for (segment, tables) in self.searcher.segment_readers().iter().zip(&self.segments) {
            let restricted = tables.restricted();
            if restricted.docs().is_empty() {
                continue;
            }
            count += restricted.doc_freq(term, || {
                let inverted = segment.inverted_index(term.field())?;
                let Some(info) = inverted.get_term_info(term)? else {
                    return Ok(0);
                };
                // Deleted documents stay in the postings until a merge, as in tantivy's counts.
                let mut postings =
                    inverted.read_postings_from_terminfo(&info, IndexRecordOption::Basic)?;
                let mut count = 0;
                // Whichever side is shorter is walked: a rare word's few documents are tested
                // against the set, a common word's postings seek the few restricted documents.
                if info.doc_freq as usize <= restricted.docs().len() {
                    let mut doc = postings.doc();
                    while doc != TERMINATED {
                        count += u64::from(restricted.contains(doc));
                        doc = postings.advance();
                    }
                    return Ok(count);
                }
                for &doc in restricted.docs() {
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
                Ok(count)
            })?;
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
        let mut restricted = 0u64;
        for (segment, tables) in self.searcher.segment_readers().iter().zip(&self.segments) {
            let docs = tables.restricted().docs();
            if docs.is_empty() {
                continue;
            }
            restricted += tables.restricted().tokens(field, || {
                let norms = segment.get_fieldnorms_reader(field)?;
                Ok(docs.iter().map(|&d| u64::from(norms.fieldnorm(d))).sum())
            })?;
        }
        Ok(all.saturating_sub(restricted))
    }

    fn total_num_docs(&self) -> tantivy::Result<u64> {
        let all = Bm25StatisticsProvider::total_num_docs(self.searcher)?;
        let restricted: usize = self
            .segments
            .iter()
            .map(|t| t.restricted().docs().len())
            .sum();
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

//! Facet counts, facet filters and the page of hits, in one pass over the documents a query
//! matches.
//!
//! Faceting is multi-select ("drill sideways"): each dimension is counted with every filter
//! except its own, so choosing Serbia still shows how many hits Bosnia and Herzegovina would
//! have. tantivy's `FacetCollector` counts one dimension per collector and cannot leave a filter
//! out, which cost eight collectors plus one more search per filtered dimension, half of a
//! query's time at 100,000 documents (`benches/RESULTS.md`). Here the query runs once, with only
//! the filters that apply to every count (court, access); [`OnePass`] visits each matching
//! document once and
//! - when it passes every facet filter: counts it in the total, in every dimension and for the
//!   page of hits;
//! - when it fails exactly one dimension's filter: counts it in that dimension only;
//! - otherwise: skips it.
//!
//! Counting a document is an array lookup in the segment's `columns::SegmentTables`.

use std::cmp::Ordering;
use std::collections::HashMap;
use std::sync::Arc;

use tantivy::collector::sort_key::NaturalComparator;
use tantivy::collector::{Collector, SegmentCollector, TopNComputer};
use tantivy::columnar::ColumnValues;
use tantivy::{DocAddress, DocId, Score, SegmentOrdinal, SegmentReader};

use crate::columns::{FacetTables, SegmentTables};
pub use crate::schema::Dimension;

/// What a dimension's filter accepts.
#[derive(Debug, Clone)]
pub enum Accept {
    /// Any of these values (facet paths without the leading slash: `RS`, `labour/forced`).
    AnyOf(Vec<String>),
    /// Years in this inclusive range.
    Years { from: u32, to: u32 },
}

impl Accept {
    fn accepts(&self, value: &str) -> bool {
        match self {
            Accept::AnyOf(values) => values.iter().any(|v| v == value),
            Accept::Years { from, to } => value
                .parse::<u32>()
                .is_ok_and(|year| (*from..=*to).contains(&year)),
        }
    }
}

/// How the page of hits is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageOrder {
    Score,
    DateDesc,
    DateAsc,
}

/// The best hits of one segment: tantivy's own top-n buffer, keyed by the score or the date
/// (`YYYYMMDD`, negated for oldest first); ties go to the earlier document.
type Best = TopNComputer<f64, DocAddress, NaturalComparator>;

/// Best first: the higher key, then the earlier document (the order [`Best`] keeps).
fn best_first(a: &(f64, DocAddress), b: &(f64, DocAddress)) -> Ordering {
    b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1))
}

/// What one pass yields.
#[derive(Debug, Default)]
pub struct Harvest {
    /// Documents passing every filter.
    pub total: usize,
    /// The best `offset + per_page` hits, best first, with their sort key.
    pub top: Vec<(f64, DocAddress)>,
    /// Per dimension (in [`Dimension::ALL`] order), each value's count.
    pub counts: Vec<HashMap<String, u64>>,
}

/// The one-pass collector (see the module doc).
pub struct OnePass {
    pub tables: Arc<FacetTables>,
    pub filters: Arc<Vec<(Dimension, Accept)>>,
    pub order: PageOrder,
    /// `offset + per_page`: how many of the best hits to keep.
    pub keep: usize,
}

pub struct OnePassSegment {
    segment: SegmentOrdinal,
    tables: Arc<SegmentTables>,
    /// Per value number of the segment: the bit of its dimension.
    dimension_bit: Vec<u8>,
    /// Per value number: its dimension's bit when that dimension is filtered and its filter
    /// accepts the value, else 0.
    accepted_bit: Vec<u8>,
    /// The bits of the filtered dimensions.
    required: u8,
    dates: Option<Arc<dyn ColumnValues<u64>>>,
    ascending: bool,
    total: usize,
    best: Best,
    /// Per value number: its count.
    counts: Vec<u32>,
    /// Matches not yet counted (see [`BATCH`]).
    pending: Vec<(DocId, Score)>,
}

/// Matches are counted in batches of this many. A match's row is a cache miss (matches are
/// scattered over the segment's rows); between two `collect` calls the scorers' work fills
/// the processor's window, so one miss at a time was served. In a batch the row loads are
/// independent of each other and overlap: at a million documents this made counting about an
/// eighth cheaper (4 % of a whole two-word search).
const BATCH: usize = 64;

// Each dimension is one bit of a `u8`.
const _: () = assert!(Dimension::ALL.len() <= 8);

fn bit(dimension: Dimension) -> u8 {
    1 << dimension.slot()
}

impl Collector for OnePass {
    type Fruit = Harvest;
    type Child = OnePassSegment;

    fn for_segment(
        &self,
        segment_local_id: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<OnePassSegment> {
        let tables = self.tables.get(segment)?;
        let dimension_bit: Vec<u8> = tables.values().iter().map(|(d, _)| bit(*d)).collect();
        let accepted_bit = tables
            .values()
            .iter()
            .map(|(dimension, value)| {
                let accepted = self
                    .filters
                    .iter()
                    .any(|(d, accept)| d == dimension && accept.accepts(value));
                if accepted {
                    bit(*dimension)
                } else {
                    0
                }
            })
            .collect();
        let required = self.filters.iter().fold(0, |bits, (d, _)| bits | bit(*d));
        let dates = match self.order {
            PageOrder::Score => None,
            PageOrder::DateDesc | PageOrder::DateAsc => Some(
                segment
                    .fast_fields()
                    .u64("date_key")?
                    .first_or_default_col(0),
            ),
        };
        let counts = vec![0; tables.values().len()];
        Ok(OnePassSegment {
            segment: segment_local_id,
            tables,
            dimension_bit,
            accepted_bit,
            required,
            dates,
            ascending: self.order == PageOrder::DateAsc,
            total: 0,
            best: Best::new_with_comparator(self.keep, NaturalComparator),
            counts,
            pending: Vec::with_capacity(BATCH),
        })
    }

    fn requires_scoring(&self) -> bool {
        self.order == PageOrder::Score
    }

    fn merge_fruits(&self, fruits: Vec<Harvest>) -> tantivy::Result<Harvest> {
        let mut merged = Harvest {
            counts: vec![HashMap::new(); Dimension::ALL.len()],
            ..Harvest::default()
        };
        for fruit in fruits {
            merged.total += fruit.total;
            merged.top.extend(fruit.top);
            for (into, from) in merged.counts.iter_mut().zip(fruit.counts) {
                for (value, count) in from {
                    *into.entry(value).or_default() += count;
                }
            }
        }
        merged.top.sort_by(best_first);
        merged.top.truncate(self.keep);
        Ok(merged)
    }
}

impl OnePassSegment {
    fn flush(&mut self) {
        let tables = Arc::clone(&self.tables);
        let mut pending = std::mem::take(&mut self.pending);
        // Every row's bounds first, then the rows: each pass's loads are independent.
        let mut spans = [(0u32, 0u32); BATCH];
        for (span, (doc, _)) in spans.iter_mut().zip(&pending) {
            *span = tables.span(*doc);
        }
        let spans = &spans[..pending.len()];
        // A load of each row's first value, in a loop without branches to mispredict, brings
        // the rows into the cache together: the counting loop below branches on each row's
        // length, and a misprediction there throws away the loads the processor had started.
        let mut touched = 0u16;
        for &span in spans {
            touched ^= tables.row_in(span).first().copied().unwrap_or(0);
        }
        std::hint::black_box(touched);
        for (&(doc, score), &span) in pending.iter().zip(spans) {
            self.count(doc, score, tables.row_in(span));
        }
        pending.clear();
        self.pending = pending;
    }

    fn count(&mut self, doc: DocId, score: Score, row: &[u16]) {
        if self.required != 0 {
            let passed = row
                .iter()
                .fold(0, |bits, v| bits | self.accepted_bit[*v as usize]);
            let failed = self.required & !passed;
            if failed != 0 {
                // Failing one filter only: the document counts in that dimension.
                if failed.count_ones() == 1 {
                    for v in row {
                        if self.dimension_bit[*v as usize] == failed {
                            self.counts[*v as usize] += 1;
                        }
                    }
                }
                return;
            }
        }
        self.total += 1;
        for v in row {
            self.counts[*v as usize] += 1;
        }
        let key = match &self.dates {
            None => score as f64,
            Some(dates) => {
                let date = dates.get_val(doc) as f64;
                if self.ascending {
                    -date
                } else {
                    date
                }
            }
        };
        self.best.push(key, DocAddress::new(self.segment, doc));
    }
}

impl SegmentCollector for OnePassSegment {
    type Fruit = Harvest;

    fn collect(&mut self, doc: DocId, score: Score) {
        self.pending.push((doc, score));
        if self.pending.len() == BATCH {
            self.flush();
        }
    }

    fn harvest(mut self) -> Harvest {
        self.flush();
        let mut counts: Vec<HashMap<String, u64>> = vec![HashMap::new(); Dimension::ALL.len()];
        for (ord, count) in self.counts.into_iter().enumerate() {
            if count > 0 {
                let (dimension, value) = &self.tables.values()[ord];
                counts[dimension.slot()].insert(value.clone(), count as u64);
            }
        }
        Harvest {
            total: self.total,
            top: self
                .best
                .into_vec()
                .into_iter()
                .map(|hit| (hit.sort_key, hit.doc))
                .collect(),
            counts,
        }
    }
}

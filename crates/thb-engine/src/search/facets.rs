//! Facet counts, facet filters and the page of hits, in one pass over the documents a query
//! matches.
//!
//! Faceting is multi-select ("drill sideways"): each dimension is counted with every filter
//! except its own, so choosing Serbia still shows how many hits Bosnia and Herzegovina would
//! have. tantivy's `FacetCollector` counts one dimension per collector and cannot leave a filter
//! out, which cost eight collectors plus one more search per filtered dimension, half of a
//! query's time at 100,000 documents (`benches/RESULTS.md`). Here the query runs once, with only
//! the exclusion that applies to every count (restricted documents); [`OnePass`] visits each
//! matching document once and
//! - when it passes every facet filter: counts it in the total, in every dimension and for the
//!   page of hits;
//! - when it fails exactly one dimension's filter: counts it in that dimension only;
//! - otherwise: skips it.
//!
//! Counting a document is one increment per group of dimensions in the segment's
//! `columns::SegmentTables`; the counts of values are made from them once, at the end.
//!
//! A judgment's language versions are one hit (see `versions`): a document passing every filter
//! counts in the facets as itself, but takes a place on the page only as the best-ranked
//! document of its work, decided from the `work` column alone; the total counts hits, each work
//! once. Every work among the matches is held until the end of the pass (a map from its key to
//! its best document), which a total counted exactly needs.
//!
//! A query that runs as a `ConjunctionScorer` (words and phrases, with the exclusion of
//! restricted documents) hands its matches over a window of documents at a
//! time; others (an OR at the top, the empty query) go through the scorer document by
//! document.

use std::cmp::Ordering;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::ControlFlow;
use std::sync::atomic::{AtomicBool, Ordering as AtomicOrdering};
use std::sync::Arc;
use std::time::Instant;

use tantivy::collector::sort_key::NaturalComparator;
use tantivy::collector::{Collector, SegmentCollector, TopNComputer};
use tantivy::columnar::ColumnValues;
use tantivy::fastfield::AliveBitSet;
use tantivy::query::Weight;
use tantivy::{DocAddress, DocId, DocSet, Score, SegmentOrdinal, SegmentReader, TERMINATED};

use super::conjunction::{set_bits, ConjunctionScorer, Window};
use crate::columns::{FacetTables, Group, KeysOf, SegmentTables};
use crate::schema::DimensionBits;
pub use crate::vocabulary::Dimension;

/// What a dimension's filter accepts.
#[derive(Debug, Clone)]
pub enum Accept {
    /// Any of these values (facet paths without the leading slash: `RS`, `labour/forced`).
    AnyOf(Vec<String>),
    /// Years in this inclusive range.
    Years { from: u32, to: u32 },
    /// Courts (or their formations) named or abbreviated thus: see `domain::courts::selects`.
    Courts(Vec<String>),
}

impl Accept {
    pub(crate) fn accepts(&self, value: &str) -> bool {
        match self {
            Accept::AnyOf(values) => values.iter().any(|v| v == value),
            Accept::Years { from, to } => value
                .parse::<u32>()
                .is_ok_and(|year| (*from..=*to).contains(&year)),
            Accept::Courts(selected) => selected
                .iter()
                .any(|s| crate::domain::courts::selects(s, value)),
        }
    }
}

/// How the page of hits is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageOrder {
    Score,
    DateDesc,
    DateAsc,
    /// Browsing (the empty query): real documents first, each kind newest first.
    Browse,
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
    /// Hits passing every filter: documents, a work's language versions counted once.
    pub total: usize,
    /// Documents passing every filter (what the facet values count).
    pub documents: usize,
    /// The best `offset + per_page` hits, best first, with their sort key: of each work, its
    /// best document only.
    pub top: Vec<(f64, DocAddress)>,
    /// Per dimension (in [`Dimension::ALL`] order), each value's count.
    pub counts: Vec<HashMap<String, u64>>,
}

/// What one segment's pass yields, before the segments are merged into a [`Harvest`].
#[derive(Debug, Default)]
pub struct SegmentHarvest {
    documents: usize,
    /// The best documents of no work.
    top: Vec<(f64, DocAddress)>,
    /// Documents of no work passing every filter.
    alone: usize,
    /// Each work among the matches, and its best document.
    works: ByWork,
    counts: Vec<HashMap<String, u64>>,
}

/// The hasher of [`ByWork`]: a work key is already a hash (`versions::work_key`), so it is its
/// own.
#[derive(Default)]
struct WorkKeyHasher(u64);

impl Hasher for WorkKeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for byte in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(*byte);
        }
    }

    fn write_u64(&mut self, key: u64) {
        self.0 = key;
    }
}

/// Work key → the work's best document so far.
type ByWork = HashMap<u64, (f64, DocAddress), BuildHasherDefault<WorkKeyHasher>>;

/// Keeps `candidate` as its work's best document if it ranks before the one kept.
fn keep_best(works: &mut ByWork, work: u64, candidate: (f64, DocAddress)) {
    works
        .entry(work)
        .and_modify(|best| {
            if best_first(&candidate, best) == Ordering::Less {
                *best = candidate;
            }
        })
        .or_insert(candidate);
}

/// When a search must end. The pass checks it as it goes (every window of a conjunction, every
/// `Deadline::EVERY` documents otherwise) and stops there, so a runaway search gives its
/// cores back at the deadline instead of running on after its client got the 503.
#[derive(Debug)]
pub struct Deadline {
    at: Option<Instant>,
    passed: AtomicBool,
}

impl Deadline {
    /// Documents visited one by one between two looks at the clock.
    const EVERY: u32 = 1024;

    pub fn at(at: Instant) -> Deadline {
        Deadline {
            at: Some(at),
            passed: AtomicBool::new(false),
        }
    }

    /// No deadline: for the benchmarks and tests that run the collector by hand.
    #[cfg(feature = "internals")]
    pub fn none() -> Deadline {
        Deadline {
            at: None,
            passed: AtomicBool::new(false),
        }
    }

    /// Whether the deadline has passed, looking at the clock; once it has, it stays passed for
    /// every segment's pass.
    fn check(&self) -> bool {
        if self.passed.load(AtomicOrdering::Relaxed) {
            return true;
        }
        let passed = self.at.is_some_and(|at| Instant::now() >= at);
        if passed {
            self.passed.store(true, AtomicOrdering::Relaxed);
        }
        passed
    }

    /// Whether a pass stopped at the deadline (its counts are then incomplete).
    pub fn passed(&self) -> bool {
        self.passed.load(AtomicOrdering::Relaxed)
    }
}

/// The one-pass collector (see the module doc).
pub struct OnePass {
    pub tables: Arc<FacetTables>,
    pub filters: Arc<Vec<(Dimension, Accept)>>,
    pub order: PageOrder,
    /// `offset + per_page`: how many of the best hits to keep.
    pub keep: usize,
    pub deadline: Arc<Deadline>,
}

pub struct OnePassSegment {
    tables: Arc<SegmentTables>,
    counting: Counting,
}

/// What one segment's pass counts and keeps (all of [`OnePassSegment`] but its tables).
struct Counting {
    segment: SegmentOrdinal,
    /// Per group (see `columns::Group`), per combination: the bits of the filtered dimensions
    /// whose filter the combination passes. Empty for a group without a filtered dimension.
    passed: Vec<Vec<DimensionBits>>,
    /// The bits of the filtered dimensions.
    required: DimensionBits,
    dates: Option<Arc<dyn ColumnValues<u64>>>,
    ascending: bool,
    /// Documents passing every filter.
    documents: usize,
    /// Of them, those of no work.
    alone: usize,
    best: Best,
    best_of_work: ByWork,
    /// Per group, per combination: the matches passing every filter.
    counts: Vec<Vec<u32>>,
    /// Per dimension slot, for a filtered dimension: its group, and per combination of that
    /// group the matches failing this dimension's filter only (they count in it alone).
    sideways: [Option<(usize, Vec<u32>)>; Dimension::ALL.len()],
}

fn bit(dimension: Dimension) -> DimensionBits {
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
        let accepted_bit: Vec<DimensionBits> = tables
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
        let passed = tables
            .groups()
            .iter()
            .map(|group| {
                if group.dimensions() & required == 0 {
                    return Vec::new();
                }
                // A combination passes a dimension's filter when it holds a value the filter
                // accepts.
                let mut passed: Vec<DimensionBits> = vec![0; group.len()];
                for (v, &bit) in accepted_bit.iter().enumerate() {
                    if bit != 0 {
                        for &c in group.combinations_with(v as u16) {
                            passed[c as usize] |= bit;
                        }
                    }
                }
                passed
            })
            .collect();
        let mut sideways: [Option<(usize, Vec<u32>)>; Dimension::ALL.len()] = Default::default();
        for (g, group) in tables.groups().iter().enumerate() {
            for dimension in Dimension::ALL {
                if group.dimensions() & required & bit(dimension) != 0 {
                    sideways[dimension.slot()] = Some((g, vec![0; group.len()]));
                }
            }
        }
        let key = |name: &str| -> tantivy::Result<_> {
            Ok(Some(
                segment.fast_fields().u64(name)?.first_or_default_col(0),
            ))
        };
        let dates = match self.order {
            PageOrder::Score => None,
            PageOrder::DateDesc | PageOrder::DateAsc => key("date_key")?,
            PageOrder::Browse => key("browse_key")?,
        };
        let counts = tables.groups().iter().map(|g| vec![0; g.len()]).collect();
        Ok(OnePassSegment {
            tables,
            counting: Counting {
                segment: segment_local_id,
                passed,
                required,
                dates,
                ascending: self.order == PageOrder::DateAsc,
                documents: 0,
                alone: 0,
                best: Best::new_with_comparator(self.keep, NaturalComparator),
                best_of_work: ByWork::default(),
                counts,
                sideways,
            },
        })
    }

    fn requires_scoring(&self) -> bool {
        self.order == PageOrder::Score
    }

    /// tantivy's own loop (`Weight::for_each`) calls the segment's collector once per match
    /// through a trait object; a conjunction's matches come here a window at a time instead.
    fn collect_segment(
        &self,
        weight: &dyn Weight,
        segment_ord: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentHarvest> {
        let mut segment = self.for_segment(segment_ord, reader)?;
        let alive = reader.alive_bitset();
        let mut scorer = weight.scorer(reader, 1.0)?;
        let deadline = &self.deadline;
        if deadline.check() {
            return Ok(segment.harvest());
        }
        if let Some(conjunction) = scorer.downcast_mut::<ConjunctionScorer>() {
            conjunction.for_each_window(|window| {
                segment.collect_window(&window, alive);
                match deadline.check() {
                    true => ControlFlow::Break(()),
                    false => ControlFlow::Continue(()),
                }
            });
        } else {
            let scoring = self.requires_scoring();
            let mut doc = scorer.doc();
            let mut visited = 0u32;
            while doc != TERMINATED {
                if alive.is_none_or(|alive| alive.is_alive(doc)) {
                    let score = if scoring { scorer.score() } else { 0.0 };
                    segment.collect(doc, score);
                }
                visited += 1;
                if visited.is_multiple_of(Deadline::EVERY) && deadline.check() {
                    break;
                }
                doc = scorer.advance();
            }
        }
        Ok(segment.harvest())
    }

    fn merge_fruits(&self, fruits: Vec<SegmentHarvest>) -> tantivy::Result<Harvest> {
        let mut merged = Harvest {
            counts: vec![HashMap::new(); Dimension::ALL.len()],
            ..Harvest::default()
        };
        let mut alone = 0;
        // A work's versions may sit in different segments: its best is the best of theirs.
        let mut works = ByWork::default();
        for fruit in fruits {
            merged.documents += fruit.documents;
            alone += fruit.alone;
            merged.top.extend(fruit.top);
            for (work, best) in fruit.works {
                keep_best(&mut works, work, best);
            }
            for (into, from) in merged.counts.iter_mut().zip(fruit.counts) {
                for (value, count) in from {
                    *into.entry(value).or_default() += count;
                }
            }
        }
        merged.total = alone + works.len();
        merged.top.extend(works.into_values());
        if merged.top.len() > self.keep {
            merged.top.select_nth_unstable_by(self.keep, best_first);
            merged.top.truncate(self.keep);
        }
        merged.top.sort_by(best_first);
        Ok(merged)
    }
}

/// Adds each combination's count to the counts of its values that `wanted` takes.
fn add_values(by_value: &mut [u64], group: &Group, counts: &[u32], wanted: impl Fn(usize) -> bool) {
    for (c, &count) in counts.iter().enumerate() {
        if count > 0 {
            for &v in group.values_of(c as u32) {
                if wanted(v as usize) {
                    by_value[v as usize] += u64::from(count);
                }
            }
        }
    }
}

/// A combination number of either width (see `columns::KeysOf`).
trait Key: Copy {
    fn index(self) -> usize;
}

impl Key for u16 {
    fn index(self) -> usize {
        usize::from(self)
    }
}

impl Key for u32 {
    fn index(self) -> usize {
        self as usize
    }
}

impl Counting {
    fn count_window<K: Key>(
        &mut self,
        window: &Window<'_>,
        alive: Option<&AliveBitSet>,
        tables: &SegmentTables,
        rows: &[K],
        width: usize,
    ) {
        for delta in set_bits(window.bits) {
            let doc = window.offset + delta as DocId;
            if alive.is_some_and(|alive| !alive.is_alive(doc)) {
                continue;
            }
            let score = window.scores.map_or(0.0, |scores| scores[delta]);
            let start = doc as usize * width;
            let keys = rows.get(start..start + width).unwrap_or(&[]);
            self.count(doc, score, keys, tables.work(doc));
        }
    }

    #[inline]
    fn count<K: Key>(&mut self, doc: DocId, score: Score, keys: &[K], work: u64) {
        if self.required != 0 {
            let mut passed = 0;
            for (bits, key) in self.passed.iter().zip(keys) {
                passed |= bits.get(key.index()).copied().unwrap_or(0);
            }
            let failed = self.required & !passed;
            if failed != 0 {
                // Failing one filter only: the document counts in that dimension.
                if failed.count_ones() == 1 {
                    let slot = failed.trailing_zeros() as usize;
                    if let Some((g, counts)) = &mut self.sideways[slot] {
                        if let Some(count) = keys.get(*g).and_then(|k| counts.get_mut(k.index())) {
                            *count += 1;
                        }
                    }
                }
                return;
            }
        }
        self.documents += 1;
        for (counts, key) in self.counts.iter_mut().zip(keys) {
            if let Some(count) = counts.get_mut(key.index()) {
                *count += 1;
            }
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
        let address = DocAddress::new(self.segment, doc);
        match work {
            0 => {
                self.alone += 1;
                self.best.push(key, address);
            }
            work => keep_best(&mut self.best_of_work, work, (key, address)),
        }
    }
}

impl OnePassSegment {
    /// Collects a window's matches (deleted documents left out), as `collect` would one by one.
    fn collect_window(&mut self, window: &Window<'_>, alive: Option<&AliveBitSet>) {
        let width = self.tables.groups().len();
        match self.tables.rows() {
            KeysOf::Narrow(rows) => {
                self.counting
                    .count_window(window, alive, &self.tables, rows, width)
            }
            KeysOf::Wide(rows) => {
                self.counting
                    .count_window(window, alive, &self.tables, rows, width)
            }
        }
    }
}

impl SegmentCollector for OnePassSegment {
    type Fruit = SegmentHarvest;

    fn collect(&mut self, doc: DocId, score: Score) {
        let work = self.tables.work(doc);
        match self.tables.keys(doc) {
            KeysOf::Narrow(keys) => self.counting.count(doc, score, keys, work),
            KeysOf::Wide(keys) => self.counting.count(doc, score, keys, work),
        }
    }

    fn harvest(self) -> SegmentHarvest {
        let tables = &self.tables;
        let values = tables.values();
        // Combination counts → value counts, once per segment rather than once per match.
        let mut by_value = vec![0u64; values.len()];
        let groups = tables.groups();
        for (group, counts) in groups.iter().zip(&self.counting.counts) {
            add_values(&mut by_value, group, counts, |_| true);
        }
        for (slot, sideways) in self.counting.sideways.iter().enumerate() {
            if let Some((g, counts)) = sideways {
                // Matches failing this dimension's filter alone count in it only.
                add_values(&mut by_value, &groups[*g], counts, |v| {
                    values[v].0.slot() == slot
                });
            }
        }
        let mut counts: Vec<HashMap<String, u64>> = vec![HashMap::new(); Dimension::ALL.len()];
        for (ord, count) in by_value.into_iter().enumerate() {
            if count > 0 {
                let (dimension, value) = &values[ord];
                counts[dimension.slot()].insert(value.clone(), count);
            }
        }
        SegmentHarvest {
            documents: self.counting.documents,
            alone: self.counting.alone,
            top: self
                .counting
                .best
                .into_vec()
                .into_iter()
                .map(|hit| (hit.sort_key, hit.doc))
                .collect(),
            works: self.counting.best_of_work,
            counts,
        }
    }
}

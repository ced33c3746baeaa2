//! Each segment's facet values as plain arrays, for counting facets without tantivy's
//! per-dimension collectors (see `search::facets`), and beside them each document's work and
//! the segment's restricted documents ([`Restricted`]).
//!
//! Per segment, [`SegmentTables`] number every facet value of every dimension (themes and
//! courts with their ancestors). The dimensions are then packed into a few [`Group`]s: a group numbers the
//! combinations of its dimensions' values that documents of the segment actually have, and a
//! document is one combination number per group. A search counts a match with one increment
//! per group (three on our corpora instead of one per value, about ten) in arrays small enough
//! to stay in the processor's cache, and turns those counts into counts of values once, at the
//! end (see `search::facets`).
//!
//! The tables are built when a segment first becomes searchable: [`FacetTables`] is a tantivy
//! [`Warmer`] registered on the index reader, so no query waits for them, and they are dropped
//! with the last searcher that uses their segment. A segment never changes its documents
//! (deletes only hide them), so its tables stay valid for its life.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use tantivy::index::SegmentId;
use tantivy::schema::{Facet, Field, IndexRecordOption};
use tantivy::TERMINATED;
use tantivy::{BitSet, DocId, DocSet, Searcher, SearcherGeneration, SegmentReader, Term, Warmer};

use crate::limits::RESTRICTED_MEMO_TERMS;
use crate::schema::{restricted_term, DimensionBits};
use crate::vocabulary::Dimension;

/// A group takes in one more dimension while its combinations stay at most this many. Its
/// counts (four bytes a combination) then fit in a processor's first- or second-level cache,
/// and turning them into value counts at the end of a search costs less than counting values
/// hit by hit once a search has a few thousand hits.
pub const GROUP_COMBINATIONS: usize = 4096;

/// Dimensions counted together (see the module doc).
#[derive(Debug, Default)]
pub struct Group {
    /// The bits (`1 << Dimension::slot`) of the group's dimensions.
    dimensions: DimensionBits,
    /// Combination `c`'s value numbers are `values[offsets[c]..offsets[c + 1]]`.
    offsets: Vec<u32>,
    values: Vec<u16>,
    /// The other way round: the combinations holding value `v` are
    /// `holding[holding_offsets[v]..holding_offsets[v + 1]]`, in order. A filter finds the
    /// combinations it accepts from its few values, instead of reading every combination's
    /// values (themes have tens of thousands of combinations in a large segment).
    holding_offsets: Vec<u32>,
    holding: Vec<u32>,
}

impl Group {
    /// The bits (`1 << Dimension::slot`) of the group's dimensions.
    pub fn dimensions(&self) -> DimensionBits {
        self.dimensions
    }

    /// How many combinations the group numbers.
    pub fn len(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The value numbers of a combination.
    pub fn values_of(&self, combination: u32) -> &[u16] {
        let c = combination as usize;
        match (self.offsets.get(c), self.offsets.get(c + 1)) {
            (Some(&start), Some(&end)) => &self.values[start as usize..end as usize],
            _ => &[],
        }
    }

    /// The combinations that hold a value, in order (none for a value of another group).
    pub fn combinations_with(&self, value: u16) -> &[u32] {
        let v = usize::from(value);
        match (self.holding_offsets.get(v), self.holding_offsets.get(v + 1)) {
            (Some(&start), Some(&end)) => &self.holding[start as usize..end as usize],
            _ => &[],
        }
    }

    /// Fills `holding` from `offsets` and `values`.
    fn index_holding(&mut self) {
        let value_count = self.values.iter().map(|v| usize::from(*v) + 1).max();
        let mut offsets = vec![0u32; value_count.unwrap_or(0) + 1];
        for v in &self.values {
            offsets[usize::from(*v) + 1] += 1;
        }
        for i in 1..offsets.len() {
            offsets[i] += offsets[i - 1];
        }
        let mut next = offsets.clone();
        self.holding = vec![0; self.values.len()];
        for c in 0..self.len() as u32 {
            let (start, end) = (self.offsets[c as usize], self.offsets[c as usize + 1]);
            for v in &self.values[start as usize..end as usize] {
                let at = &mut next[usize::from(*v)];
                self.holding[*at as usize] = c;
                *at += 1;
            }
        }
        self.holding_offsets = offsets;
    }
}

/// One segment's facet values (see the module doc).
#[derive(Debug, Default)]
pub struct SegmentTables {
    /// Each value's dimension and path without its leading slash (`labour/forced`).
    values: Vec<(Dimension, String)>,
    groups: Vec<Group>,
    /// Document `d`'s combination in group `g` is `keys[d * groups.len() + g]`.
    keys: Keys,
    /// Document `d`'s work (`schema::Fields::work`) is `work_keys[work_numbers[d]]`, 0 for a
    /// document standing alone; both are empty when no document of the segment has a work.
    /// The facet pass reads the work of every hit; read from tantivy's column, where most
    /// documents have none, each read was a binary search in a sparse block and cost as much as
    /// the rest of the pass (at a million documents, 45 % of it).
    work_numbers: Vec<u32>,
    work_keys: Vec<u64>,
    restricted: Restricted,
}

/// One segment's restricted documents, deleted ones included, and memos of what the public
/// statistics subtract for them (`search::public_view`): each field's tokens and each term's
/// documents among them. A segment never changes its documents, so all of it holds for the
/// segment's life. Read anew on every search, the documents and their statistics were a sixth
/// of a two-word search at a million documents (one in a hundred restricted).
#[derive(Default)]
pub struct Restricted {
    docs: Vec<DocId>,
    /// The same documents as a set; `None` when there are none.
    set: Option<BitSet>,
    tokens: Mutex<HashMap<Field, u64>>,
    doc_freqs: Mutex<HashMap<Term, u64>>,
}

impl std::fmt::Debug for Restricted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Restricted")
            .field("docs", &self.docs.len())
            .finish_non_exhaustive()
    }
}

impl Restricted {
    fn read(segment: &SegmentReader) -> tantivy::Result<Restricted> {
        let Ok(access) = segment.schema().get_field("access") else {
            return Ok(Restricted::default());
        };
        let inverted = segment.inverted_index(access)?;
        let Some(mut postings) =
            inverted.read_postings(&restricted_term(access), IndexRecordOption::Basic)?
        else {
            return Ok(Restricted::default());
        };
        let mut docs = Vec::new();
        let mut set = BitSet::with_max_value(segment.max_doc());
        let mut doc = postings.doc();
        while doc != TERMINATED {
            docs.push(doc);
            set.insert(doc);
            doc = postings.advance();
        }
        let set = (!docs.is_empty()).then_some(set);
        Ok(Restricted {
            docs,
            set,
            ..Restricted::default()
        })
    }

    /// The restricted documents, in order.
    pub fn docs(&self) -> &[DocId] {
        &self.docs
    }

    /// Whether `doc` is restricted.
    pub fn contains(&self, doc: DocId) -> bool {
        self.set.as_ref().is_some_and(|set| set.contains(doc))
    }

    /// The restricted documents' tokens in `field`, counted by `count` the first time.
    pub fn tokens(
        &self,
        field: Field,
        count: impl FnOnce() -> tantivy::Result<u64>,
    ) -> tantivy::Result<u64> {
        remembered(&self.tokens, field, usize::MAX, count)
    }

    /// How many restricted documents hold `term`, counted by `count` the first time.
    pub fn doc_freq(
        &self,
        term: &Term,
        count: impl FnOnce() -> tantivy::Result<u64>,
    ) -> tantivy::Result<u64> {
        remembered(&self.doc_freqs, term.clone(), RESTRICTED_MEMO_TERMS, count)
    }
}

/// `memo[key]`, computed by `count` and kept when absent; the memo starts again once it holds
/// `limit` keys. The lock is not held while counting: two searches may count the same key.
fn remembered<K: std::hash::Hash + Eq>(
    memo: &Mutex<HashMap<K, u64>>,
    key: K,
    limit: usize,
    count: impl FnOnce() -> tantivy::Result<u64>,
) -> tantivy::Result<u64> {
    // A panic while holding the lock leaves a map that is still consistent.
    let lock = || memo.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(known) = lock().get(&key) {
        return Ok(*known);
    }
    let counted = count()?;
    let mut memo = lock();
    if memo.len() >= limit {
        memo.clear();
    }
    memo.insert(key, counted);
    Ok(counted)
}

/// The combination numbers, two bytes each whenever every group's fit (on our corpora,
/// always): the facet pass loads one document's numbers per hit, and at a million documents
/// halving them made a whole two-word search a sixth cheaper. Four bytes each otherwise (a
/// dimension with more than 65,536 distinct sets of values in one segment).
#[derive(Debug)]
enum Keys {
    Narrow(Vec<u16>),
    Wide(Vec<u32>),
}

impl Default for Keys {
    fn default() -> Self {
        Keys::Narrow(Vec::new())
    }
}

/// One document's combination numbers, one per group (see [`SegmentTables::keys`]).
#[derive(Debug, Clone, Copy)]
pub enum KeysOf<'a> {
    Narrow(&'a [u16]),
    Wide(&'a [u32]),
}

impl<'a> KeysOf<'a> {
    /// Of all rows (see [`SegmentTables::rows`]), a document's; empty past the end.
    pub fn row(self, doc: DocId, width: usize) -> KeysOf<'a> {
        let range = doc as usize * width..(doc as usize + 1) * width;
        match self {
            KeysOf::Narrow(keys) => KeysOf::Narrow(keys.get(range).unwrap_or(&[])),
            KeysOf::Wide(keys) => KeysOf::Wide(keys.get(range).unwrap_or(&[])),
        }
    }
}

#[cfg(test)]
impl KeysOf<'_> {
    /// The numbers widened, for tests.
    pub fn to_vec(self) -> Vec<u32> {
        match self {
            KeysOf::Narrow(keys) => keys.iter().map(|k| u32::from(*k)).collect(),
            KeysOf::Wide(keys) => keys.to_vec(),
        }
    }
}

/// Numbers distinct items in the order first seen.
struct Interner<K> {
    numbers: HashMap<K, u32>,
}

impl<K: std::hash::Hash + Eq> Interner<K> {
    fn new() -> Self {
        Interner {
            numbers: HashMap::new(),
        }
    }

    fn number(&mut self, key: K) -> u32 {
        let next = self.numbers.len() as u32;
        *self.numbers.entry(key).or_insert(next)
    }

    /// The number of a borrowed key, copied only when it is new (most keys repeat).
    fn number_of<Q>(&mut self, key: &Q) -> u32
    where
        K: std::borrow::Borrow<Q>,
        Q: std::hash::Hash + Eq + ToOwned<Owned = K> + ?Sized,
    {
        match self.numbers.get(key) {
            Some(number) => *number,
            None => self.number(key.to_owned()),
        }
    }

    fn len(&self) -> usize {
        self.numbers.len()
    }

    /// The keys in the order of their numbers.
    fn into_keys(self) -> Vec<K> {
        let mut keys: Vec<(u32, K)> = self.numbers.into_iter().map(|(k, n)| (n, k)).collect();
        keys.sort_unstable_by_key(|(n, _)| *n);
        keys.into_iter().map(|(_, k)| k).collect()
    }
}

impl SegmentTables {
    /// `wide` keeps four-byte numbers even where two would do (for tests of that path).
    fn build(
        segment: &SegmentReader,
        group_limit: usize,
        wide: bool,
    ) -> tantivy::Result<SegmentTables> {
        let mut values: Vec<(Dimension, String)> = Vec::new();
        let mut ord_of: HashMap<(Dimension, String), u16> = HashMap::new();
        let mut readers = Vec::new();
        for dimension in Dimension::ALL {
            let facets = segment.facet_reader(dimension.field_name())?;
            // tantivy's ordinal of a stored facet → ours of it and (themes, courts) of its ancestors.
            let mut expansion: Vec<Vec<u16>> = Vec::with_capacity(facets.num_facets());
            let mut facet = Facet::root();
            for tantivy_ord in 0..facets.num_facets() as u64 {
                facets.facet_from_ord(tantivy_ord, &mut facet)?;
                let path = facet.to_path();
                let shallowest = if dimension.hierarchical() {
                    1
                } else {
                    path.len()
                };
                let ours = (shallowest.max(1)..=path.len())
                    .map(|depth| {
                        let key = (dimension, path[..depth].join("/"));
                        if let Some(ord) = ord_of.get(&key) {
                            return Ok(*ord);
                        }
                        let ord = u16::try_from(values.len()).map_err(|_| {
                            tantivy::TantivyError::InvalidArgument(format!(
                                "more than {} distinct facet values in one segment",
                                u16::MAX
                            ))
                        })?;
                        ord_of.insert(key.clone(), ord);
                        values.push(key);
                        Ok(ord)
                    })
                    .collect::<tantivy::Result<_>>()?;
                expansion.push(ours);
            }
            readers.push((dimension, facets, expansion));
        }
        let max_doc = segment.max_doc() as usize;
        // Per dimension, each document's set of values in it, numbered.
        let mut sets: Vec<(Dimension, Vec<u32>, Vec<Vec<u16>>)> = Vec::new();
        let mut row: Vec<u16> = Vec::new();
        for (dimension, facets, expansion) in &readers {
            let mut interner: Interner<Vec<u16>> = Interner::new();
            let mut of_doc = Vec::with_capacity(max_doc);
            for doc in 0..max_doc as DocId {
                row.clear();
                for tantivy_ord in facets.facet_ords(doc) {
                    if let Some(ours) = expansion.get(tantivy_ord as usize) {
                        row.extend_from_slice(ours);
                    }
                }
                // A theme and its child both given count once for the parent.
                row.sort_unstable();
                row.dedup();
                of_doc.push(interner.number_of(row.as_slice()));
            }
            sets.push((*dimension, of_doc, interner.into_keys()));
        }
        // The dimensions with the fewest sets first, so that small ones share a group.
        sets.sort_by_key(|(_, _, distinct)| distinct.len());

        // Greedy packing: a group takes the next dimension while its combinations stay few.
        let mut packed: Vec<(Vec<usize>, Vec<u32>, usize)> = Vec::new();
        for (index, (_, of_doc, distinct)) in sets.iter().enumerate() {
            if let Some((members, keys, count)) = packed.last_mut() {
                let mut joint: Interner<(u32, u32)> = Interner::new();
                let mut joined = Vec::with_capacity(max_doc);
                for (key, set) in keys.iter().zip(of_doc) {
                    joined.push(joint.number((*key, *set)));
                    if joint.len() > group_limit {
                        break;
                    }
                }
                if joint.len() <= group_limit {
                    members.push(index);
                    *keys = joined;
                    *count = joint.len();
                    continue;
                }
            }
            packed.push((vec![index], of_doc.clone(), distinct.len()));
        }

        let width = packed.len();
        let narrow = !wide && packed.iter().all(|(_, _, count)| *count <= 1 << 16);
        let mut keys = vec![0u32; max_doc * width];
        let mut groups = Vec::with_capacity(width);
        for (g, (members, group_keys, count)) in packed.iter().enumerate() {
            // Each combination's values, from the first document that has it.
            let mut first_doc = vec![usize::MAX; *count];
            for (doc, key) in group_keys.iter().enumerate() {
                keys[doc * width + g] = *key;
                let first = &mut first_doc[*key as usize];
                if *first == usize::MAX {
                    *first = doc;
                }
            }
            let mut group = Group {
                dimensions: 0,
                offsets: Vec::with_capacity(count + 1),
                ..Group::default()
            };
            for &member in members {
                group.dimensions |= 1 << sets[member].0.slot();
            }
            group.offsets.push(0);
            for doc in first_doc {
                for &member in members {
                    let (_, of_doc, distinct) = &sets[member];
                    if let Some(set) = of_doc.get(doc) {
                        group.values.extend_from_slice(&distinct[*set as usize]);
                    }
                }
                group.offsets.push(group.values.len() as u32);
            }
            group.index_holding();
            groups.push(group);
        }
        let keys = if narrow {
            Keys::Narrow(keys.into_iter().map(|k| k as u16).collect())
        } else {
            Keys::Wide(keys)
        };
        let (work_numbers, work_keys) = works(segment)?;
        Ok(SegmentTables {
            values,
            groups,
            keys,
            work_numbers,
            work_keys,
            restricted: Restricted::read(segment)?,
        })
    }

    /// The groups the segment's dimensions are packed into.
    pub fn groups(&self) -> &[Group] {
        &self.groups
    }

    /// A document's combination in each group, in the order of [`groups`](Self::groups).
    pub fn keys(&self, doc: DocId) -> KeysOf<'_> {
        self.rows().row(doc, self.groups.len())
    }

    /// Every document's combinations: a row of one per group (see [`keys`](Self::keys)) per
    /// document, for a loop over many documents that looks the width up once.
    pub fn rows(&self) -> KeysOf<'_> {
        match &self.keys {
            Keys::Narrow(keys) => KeysOf::Narrow(keys),
            Keys::Wide(keys) => KeysOf::Wide(keys),
        }
    }

    /// A document's work (`schema::Fields::work`), 0 when it stands alone.
    #[inline]
    pub fn work(&self, doc: DocId) -> u64 {
        self.work_numbers
            .get(doc as usize)
            .and_then(|number| self.work_keys.get(*number as usize))
            .copied()
            .unwrap_or(0)
    }

    /// The segment's restricted documents (see [`Restricted`]).
    pub fn restricted(&self) -> &Restricted {
        &self.restricted
    }

    /// Every value of the segment, by number: its dimension and path.
    pub fn values(&self) -> &[(Dimension, String)] {
        &self.values
    }

    /// Every value one document holds, in every dimension, its ancestors in a tree included:
    /// what a filter accepts or not (`search::explain`'s "why not?").
    pub fn document_values(&self, doc: DocId) -> Vec<&(Dimension, String)> {
        let combinations: Vec<u32> = match self.keys(doc) {
            KeysOf::Narrow(keys) => keys.iter().map(|k| u32::from(*k)).collect(),
            KeysOf::Wide(keys) => keys.to_vec(),
        };
        self.groups
            .iter()
            .zip(combinations)
            .flat_map(|(group, combination)| group.values_of(combination))
            .filter_map(|value| self.values.get(usize::from(*value)))
            .collect()
    }
}

/// Each document's work as a number, and the work of each number (0 first): see
/// `SegmentTables::work_numbers`. Empty when no document of the segment has a work.
fn works(segment: &SegmentReader) -> tantivy::Result<(Vec<u32>, Vec<u64>)> {
    let column = segment.fast_fields().u64("work")?;
    if column.values.num_vals() == 0 {
        return Ok((Vec::new(), Vec::new()));
    }
    let mut numbers = Vec::with_capacity(segment.max_doc() as usize);
    let mut interner: Interner<u64> = Interner::new();
    interner.number(0);
    for doc in 0..segment.max_doc() {
        numbers.push(interner.number(column.first(doc).unwrap_or(0)));
    }
    Ok((numbers, interner.into_keys()))
}

/// The [`SegmentTables`] of every live segment, shared by all searches.
#[derive(Debug)]
pub struct FacetTables {
    segments: Mutex<HashMap<SegmentId, Arc<SegmentTables>>>,
    /// See [`GROUP_COMBINATIONS`].
    group_limit: usize,
    /// Four-byte combination numbers even where two would do (see `Keys`).
    wide: bool,
}

impl Default for FacetTables {
    fn default() -> Self {
        FacetTables::with_group_limit(GROUP_COMBINATIONS)
    }
}

impl FacetTables {
    /// Tables whose groups stop taking in dimensions at `limit` combinations (the default is
    /// [`GROUP_COMBINATIONS`]). A small limit splits the dimensions into more groups: tests
    /// use it to count with every dimension in a group of its own.
    pub fn with_group_limit(limit: usize) -> Self {
        FacetTables {
            segments: Mutex::default(),
            group_limit: limit,
            wide: false,
        }
    }

    /// Tables that keep four-byte combination numbers even where two-byte ones would do: tests
    /// use it to count through that path, which our corpora never need.
    pub fn wide(mut self) -> Self {
        self.wide = true;
        self
    }

    /// The tables of a segment, built now if the warmer has not seen it (an index opened
    /// without the warmer, as some tools do).
    pub fn get(&self, segment: &SegmentReader) -> tantivy::Result<Arc<SegmentTables>> {
        let id = segment.segment_id();
        if let Some(tables) = self.lock().get(&id) {
            return Ok(tables.clone());
        }
        let tables = Arc::new(SegmentTables::build(segment, self.group_limit, self.wide)?);
        self.lock().insert(id, tables.clone());
        Ok(tables)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<SegmentId, Arc<SegmentTables>>> {
        // A panic while holding the lock leaves a map that is still consistent.
        self.segments.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl Warmer for FacetTables {
    fn warm(&self, searcher: &Searcher) -> tantivy::Result<()> {
        for segment in searcher.segment_readers() {
            self.get(segment)?;
        }
        Ok(())
    }

    fn garbage_collect(&self, live_generations: &[&SearcherGeneration]) {
        self.lock().retain(|id, _| {
            live_generations
                .iter()
                .any(|generation| generation.segments().contains_key(id))
        });
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use tantivy::{Index, TantivyDocument};

    use super::*;
    use crate::schema;

    /// Documents as (dimension, facet paths): varied enough that no two dimensions move
    /// together, so a small limit must split them.
    fn documents() -> Vec<Vec<(Dimension, &'static str)>> {
        let countries = ["/RS", "/XK", "/MT"];
        let themes = ["/labour/forced", "/sexual", "/labour", "/child/online"];
        let years = ["/2019", "/2021", "/2024", "/2025", "/2026"];
        (0..60)
            .map(|i| {
                let mut d = vec![
                    (Dimension::Country, countries[i % 3]),
                    (Dimension::Theme, themes[i % 4]),
                    (Dimension::Year, years[i % 5]),
                    (
                        Dimension::Kind,
                        if i % 7 < 3 { "/judgment" } else { "/report" },
                    ),
                    (
                        Dimension::Language,
                        if i % 2 == 0 { "/en" } else { "/sr-Latn" },
                    ),
                ];
                if i % 6 == 0 {
                    d.push((Dimension::Theme, themes[(i / 6) % 4]));
                    d.push((Dimension::Country, "/BA"));
                }
                if i % 11 == 0 {
                    d.push((Dimension::GretaRound, "/3"));
                    d.push((Dimension::GretaStrength, "/urges"));
                }
                if i % 4 != 1 {
                    let courts = ["/ECtHR", "/Viši sud u Beogradu", "/ECtHR/Grand Chamber"];
                    d.push((Dimension::Court, courts[i % 3]));
                }
                if i % 3 != 2 {
                    let provisions = ["/RS/CC/388", "/CETS197/26", "/RS/CC/389", "/ECHR/4"];
                    d.push((Dimension::Provision, provisions[i % 4]));
                    let verdicts = ["/conviction", "/acquittal", "/violation"];
                    d.push((Dimension::Verdict, verdicts[i % 3]));
                }
                if i % 5 < 2 {
                    d.push((Dimension::Sector, ["/agriculture", "/sex-industry"][i % 2]));
                    d.push((Dimension::VictimAge, ["/minor", "/adult"][(i / 5) % 2]));
                    d.push((Dimension::VictimGender, ["/female", "/male"][(i / 2) % 2]));
                    d.push((Dimension::VictimNationality, ["/RU", "/BD", "/NG"][i % 3]));
                }
                d
            })
            .collect()
    }

    fn segment_index() -> Index {
        let schema = schema::build();
        let index = Index::create_in_ram(schema.clone());
        crate::analysis::register(index.tokenizers(), Default::default());
        let mut writer = index.writer_with_num_threads(1, 15_000_000).unwrap();
        for d in documents() {
            let mut doc = TantivyDocument::default();
            for (dimension, path) in d {
                let field = schema.get_field(dimension.field_name()).unwrap();
                doc.add_facet(field, Facet::from(path));
            }
            writer.add_document(doc).unwrap();
        }
        writer.commit().unwrap();
        index
    }

    /// What a document counts for: its values, themes and courts with their ancestors.
    fn expected(d: &[(Dimension, &str)]) -> BTreeSet<(usize, String)> {
        let mut out = BTreeSet::new();
        for (dimension, path) in d {
            let parts: Vec<&str> = path.trim_start_matches('/').split('/').collect();
            let shallowest = if dimension.hierarchical() {
                1
            } else {
                parts.len()
            };
            for depth in shallowest..=parts.len() {
                out.insert((dimension.slot(), parts[..depth].join("/")));
            }
        }
        out
    }

    #[test]
    fn a_memo_counts_each_key_once_and_starts_again_at_its_limit() {
        let memo: Mutex<HashMap<&str, u64>> = Mutex::default();
        let mut counted = Vec::new();
        let mut ask = |key: &'static str, value: u64| {
            remembered(&memo, key, 2, || {
                counted.push(key);
                Ok(value)
            })
            .unwrap()
        };
        assert_eq!(ask("a", 1), 1);
        assert_eq!(ask("a", 99), 1, "remembered, not counted again");
        assert_eq!(ask("b", 2), 2);
        assert_eq!(ask("c", 3), 3, "at the limit the memo starts again");
        assert_eq!(ask("a", 4), 4, "counted again once forgotten");
        assert_eq!(counted, ["a", "b", "c", "a"]);
        assert!(memo.lock().unwrap().len() <= 2);
    }

    #[test]
    fn every_document_gets_back_exactly_its_values_from_its_groups_at_any_limit() {
        let index = segment_index();
        let searcher = index.reader().unwrap().searcher();
        let [segment] = searcher.segment_readers() else {
            panic!("one segment");
        };
        let documents = documents();
        let every = Dimension::ALL.len();
        let cases = [(1, every), (12, 0), (GROUP_COMBINATIONS, 1)];
        for ((limit, groups), wide) in cases.into_iter().flat_map(|c| [(c, false), (c, true)]) {
            let tables = SegmentTables::build(segment, limit, wide).unwrap();
            assert_eq!(matches!(tables.keys(0), KeysOf::Wide(_)), wide);
            if groups > 0 {
                assert_eq!(tables.groups().len(), groups, "limit {limit}");
            } else {
                assert!((2..every).contains(&tables.groups().len()), "limit {limit}");
            }
            // Each dimension in exactly one group.
            let all = tables.groups().iter().fold(0, |seen: DimensionBits, g| {
                assert_eq!(seen & g.dimensions(), 0);
                seen | g.dimensions()
            });
            assert_eq!(all.count_ones() as usize, every);
            for group in tables.groups() {
                assert!(
                    group.len() <= limit.max(5) * 4,
                    "limit {limit}: {}",
                    group.len()
                );
            }
            for (doc, d) in documents.iter().enumerate() {
                let keys = tables.keys(doc as DocId).to_vec();
                assert_eq!(keys.len(), tables.groups().len());
                let mut got = BTreeSet::new();
                for (group, key) in tables.groups().iter().zip(keys) {
                    for v in group.values_of(key) {
                        let (dimension, value) = &tables.values()[*v as usize];
                        assert_ne!(group.dimensions() & (1 << dimension.slot()), 0);
                        assert!(
                            got.insert((dimension.slot(), value.clone())),
                            "{value} twice"
                        );
                    }
                }
                assert_eq!(
                    got,
                    expected(d),
                    "limit {limit}, wide {wide}, document {doc}"
                );
            }
            // Each value's combinations are exactly those that hold it, in order.
            for group in tables.groups() {
                let mut listed = 0;
                for v in 0..tables.values().len() as u16 {
                    let holding: Vec<u32> = (0..group.len() as u32)
                        .filter(|c| group.values_of(*c).contains(&v))
                        .collect();
                    assert_eq!(
                        group.combinations_with(v),
                        holding,
                        "limit {limit}, value {v}"
                    );
                    listed += holding.len();
                }
                let held: usize = (0..group.len() as u32)
                    .map(|c| group.values_of(c).len())
                    .sum();
                assert!(
                    listed == held && held > 0,
                    "limit {limit}: {listed} of {held}"
                );
            }
        }
    }
}

//! Each segment's facet values as plain arrays, for counting facets without tantivy's
//! per-dimension collectors (see `search::facets`).
//!
//! Per segment, [`SegmentTables`] number every facet value of every dimension (themes with
//! their ancestors) and hold each document's values as one row of those numbers, so that
//! counting a document is a handful of increments in one flat array, and testing it against
//! every facet filter is one pass over the same row.
//! The tables are built when a segment first becomes searchable: [`FacetTables`] is a tantivy
//! [`Warmer`] registered on the index reader, so no query waits for them, and they are dropped
//! with the last searcher that uses their segment. A segment never changes its documents
//! (deletes only hide them), so its tables stay valid for its life.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use tantivy::index::SegmentId;
use tantivy::schema::Facet;
use tantivy::{DocId, Searcher, SearcherGeneration, SegmentReader, Warmer};

use crate::schema::Dimension;

/// One segment's facet values (see the module doc).
#[derive(Debug, Default)]
pub struct SegmentTables {
    /// Document `d`'s values are `ords[offsets[d]..offsets[d + 1]]`. Value numbers are
    /// `u16`: a segment has a few hundred distinct facet values, and a search reads one row
    /// per hit, so rows half as wide are half the memory traffic of the facet pass (a
    /// profile at a million documents showed the row loads as its main cost).
    offsets: Vec<u32>,
    ords: Vec<u16>,
    /// Each value's dimension and path without its leading slash (`labour/forced`).
    values: Vec<(Dimension, String)>,
}

impl SegmentTables {
    fn build(segment: &SegmentReader) -> tantivy::Result<SegmentTables> {
        let mut values: Vec<(Dimension, String)> = Vec::new();
        let mut ord_of: HashMap<(Dimension, String), u16> = HashMap::new();
        let mut readers = Vec::new();
        for dimension in Dimension::ALL {
            let facets = segment.facet_reader(dimension.field_name())?;
            // tantivy's ordinal of a stored facet → ours of it and (themes) of its ancestors.
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
            readers.push((facets, expansion));
        }
        let max_doc = segment.max_doc();
        let mut offsets = Vec::with_capacity(max_doc as usize + 1);
        let mut ords: Vec<u16> = Vec::with_capacity(max_doc as usize * Dimension::ALL.len());
        offsets.push(0);
        let mut row: Vec<u16> = Vec::new();
        for doc in 0..max_doc {
            row.clear();
            for (facets, expansion) in &readers {
                for tantivy_ord in facets.facet_ords(doc) {
                    if let Some(ours) = expansion.get(tantivy_ord as usize) {
                        row.extend_from_slice(ours);
                    }
                }
            }
            // A theme and its child both given count once for the parent.
            row.sort_unstable();
            row.dedup();
            ords.extend_from_slice(&row);
            offsets.push(ords.len() as u32);
        }
        ords.shrink_to_fit();
        Ok(SegmentTables {
            offsets,
            ords,
            values,
        })
    }

    /// Where a document's row lies: give it to [`row_in`](Self::row_in). Two steps, so that a
    /// caller can look up many rows' bounds before reading any row.
    pub fn span(&self, doc: DocId) -> (u32, u32) {
        let doc = doc as usize;
        match (self.offsets.get(doc), self.offsets.get(doc + 1)) {
            (Some(&start), Some(&end)) => (start, end),
            _ => (0, 0),
        }
    }

    /// The numbers of a document's values, from its [`span`](Self::span).
    pub fn row_in(&self, (start, end): (u32, u32)) -> &[u16] {
        self.ords.get(start as usize..end as usize).unwrap_or(&[])
    }

    /// Every value of the segment, by number: its dimension and path.
    pub fn values(&self) -> &[(Dimension, String)] {
        &self.values
    }
}

/// The [`SegmentTables`] of every live segment, shared by all searches.
#[derive(Debug, Default)]
pub struct FacetTables {
    segments: Mutex<HashMap<SegmentId, Arc<SegmentTables>>>,
}

impl FacetTables {
    /// The tables of a segment, built now if the warmer has not seen it (an index opened
    /// without the warmer, as some tools do).
    pub fn get(&self, segment: &SegmentReader) -> tantivy::Result<Arc<SegmentTables>> {
        let id = segment.segment_id();
        if let Some(tables) = self.lock().get(&id) {
            return Ok(tables.clone());
        }
        let tables = Arc::new(SegmentTables::build(segment)?);
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

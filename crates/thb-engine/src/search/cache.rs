//! Recent search responses, kept so that the same request is answered again without searching:
//! a page turned back, a search a colleague already ran, the front page's usual queries. Solr's
//! `queryResultCache` and Elasticsearch's shard request cache do the same.
//!
//! An answer is only ever served for the index it was computed on: every response is stored
//! with the generation of the searcher that produced it, and a commit (ingest, the write API)
//! makes a new generation, which empties the cache. Requests that may see restricted documents
//! are never stored, so a privileged answer cannot outlive the request that was allowed it.
//!
//! The cache is bounded by an estimate of the bytes its responses hold; the least recently used
//! go first. A budget of 0 turns it off.

use std::sync::{Arc, Mutex, MutexGuard};

use lru::LruCache;

use super::{SearchRequest, SearchResponse};

/// A response this large is not stored: one request must not flush everyone else's.
const LARGEST_SHARE: usize = 8;

/// Recent responses (see the module doc).
#[derive(Debug)]
pub struct ResponseCache {
    budget: usize,
    inner: Mutex<Inner>,
}

#[derive(Debug)]
struct Inner {
    /// The searcher generation every stored response was computed on.
    generation: u64,
    bytes: usize,
    entries: LruCache<SearchRequest, (Arc<SearchResponse>, usize)>,
    hits: u64,
    misses: u64,
}

/// What the cache holds and has done (`/api/health` shows it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CacheStats {
    pub entries: usize,
    pub bytes: usize,
    pub hits: u64,
    pub misses: u64,
}

impl ResponseCache {
    /// A cache holding at most about `budget_bytes` of responses; 0 stores nothing.
    pub fn new(budget_bytes: usize) -> ResponseCache {
        ResponseCache {
            budget: budget_bytes,
            inner: Mutex::new(Inner {
                generation: 0,
                bytes: 0,
                entries: LruCache::unbounded(),
                hits: 0,
                misses: 0,
            }),
        }
    }

    /// The response stored for `request` on this searcher generation.
    pub fn get(&self, generation: u64, request: &SearchRequest) -> Option<Arc<SearchResponse>> {
        if self.budget == 0
            || request.include_restricted
            || request.explain
            || request.explain_id.is_some()
        {
            return None;
        }
        let mut inner = self.lock();
        inner.move_to(generation);
        let found = inner.entries.get(request).map(|(r, _)| r.clone());
        match found {
            Some(_) => inner.hits += 1,
            None => inner.misses += 1,
        }
        found
    }

    /// Stores the response to `request`, computed on this searcher generation.
    pub fn put(&self, generation: u64, request: &SearchRequest, response: Arc<SearchResponse>) {
        if self.budget == 0
            || request.include_restricted
            || request.explain
            || request.explain_id.is_some()
        {
            return;
        }
        let size = estimated_bytes(request, &response);
        if size > self.budget / LARGEST_SHARE {
            return;
        }
        let mut inner = self.lock();
        inner.move_to(generation);
        if inner.generation != generation {
            // Computed on an older searcher than the cache has already seen.
            return;
        }
        if let Some((_, old)) = inner.entries.put(request.clone(), (response, size)) {
            inner.bytes -= old;
        }
        inner.bytes += size;
        while inner.bytes > self.budget {
            match inner.entries.pop_lru() {
                Some((_, (_, evicted))) => inner.bytes -= evicted,
                None => break,
            }
        }
    }

    pub fn stats(&self) -> CacheStats {
        let inner = self.lock();
        CacheStats {
            entries: inner.entries.len(),
            bytes: inner.bytes,
            hits: inner.hits,
            misses: inner.misses,
        }
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        // A panic while holding the lock leaves entries that are each whole; the byte count
        // may be off, which only moves when eviction starts.
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl Inner {
    /// A newer generation empties the cache; an older one changes nothing.
    fn move_to(&mut self, generation: u64) {
        if generation > self.generation {
            self.generation = generation;
            self.entries.clear();
            self.bytes = 0;
        }
    }
}

/// About how many bytes a stored response holds: its strings, and a fixed amount for each hit,
/// facet value and the request itself.
fn estimated_bytes(request: &SearchRequest, response: &SearchResponse) -> usize {
    const PER_ITEM: usize = 64;
    let partial = response.partial.as_ref();
    let hits: usize = response
        .hits
        .iter()
        .chain(partial.iter().flat_map(|p| &p.hits))
        .map(|h| {
            PER_ITEM * 4
                + h.id.len()
                + h.title.len()
                + h.title_marked.text.len()
                + h.snippet.text.len()
                + (h.title_marked.marks.len() + h.snippet.marks.len()) * 16
                + h.court.as_ref().map_or(0, String::len)
                + h.themes.iter().map(String::len).sum::<usize>()
                + h.themes_inferred.iter().map(String::len).sum::<usize>()
                + h.country.iter().map(String::len).sum::<usize>()
                + h.versions
                    .iter()
                    .map(|v| PER_ITEM + v.id.len())
                    .sum::<usize>()
                + h.paragraph.as_ref().map_or(0, |p| {
                    PER_ITEM + p.number.len() + p.anchor.len() + p.pin_cite.len()
                })
        })
        .sum();
    let words: usize = partial
        .iter()
        .flat_map(|p| &p.words)
        .map(|w| PER_ITEM + w.word.len())
        .sum();
    let facets: usize = response
        .facets
        .iter()
        .flat_map(|(_, values)| values)
        .map(|v| PER_ITEM + v.value.len() + v.parent.as_ref().map_or(0, String::len))
        .sum();
    let expansions: usize = response
        .expansions
        .iter()
        .flat_map(|e| &e.terms)
        .map(|t| PER_ITEM + t.term.len())
        .sum();
    PER_ITEM * 8 + request.query.len() + hits + words + facets + expansions
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Kind;
    use crate::search::{FacetCounts, Hit};

    fn request(query: &str) -> SearchRequest {
        SearchRequest {
            query: query.to_string(),
            ..SearchRequest::default()
        }
    }

    fn response(total: usize, snippet_bytes: usize) -> Arc<SearchResponse> {
        Arc::new(SearchResponse {
            total,
            documents: total,
            page: 1,
            per_page: 10,
            took_ms: 3,
            hits: vec![Hit {
                id: "x".into(),
                kind: Kind::Judgment,
                title: "t".into(),
                country: vec!["RS".into()],
                court: None,
                date: None,
                language: None,
                themes: Vec::new(),
                themes_inferred: Vec::new(),
                score: None,
                snippet: crate::search::snippet::Marked {
                    text: "s".repeat(snippet_bytes),
                    marks: Vec::new(),
                },
                title_marked: crate::search::snippet::Marked::default(),
                provenance: None,
                greta: None,
                application_number: None,
                ecli: None,
                summary: None,
                versions: Vec::new(),
                paragraph: None,
                verdict: None,
                sector: Vec::new(),
                victims: Vec::new(),
                other_decisions: 0,
                explanation: None,
            }],
            facets: FacetCounts::default(),
            partial: None,
            expansions: Vec::new(),
            why_not: None,
        })
    }

    #[test]
    fn a_stored_response_is_served_for_the_same_request_and_generation_only() {
        let cache = ResponseCache::new(1 << 20);
        cache.put(1, &request("trgovina"), response(7, 10));
        assert_eq!(cache.get(1, &request("trgovina")).map(|r| r.total), Some(7));
        assert!(cache.get(1, &request("trgovina ljudima")).is_none());
        let mut other_page = request("trgovina");
        other_page.page = 2;
        assert!(cache.get(1, &other_page).is_none());
        let mut not_expanded = request("trgovina");
        not_expanded.expand = false;
        assert!(cache.get(1, &not_expanded).is_none());
        // A commit: the next generation sees nothing of the last one.
        assert!(cache.get(2, &request("trgovina")).is_none());
        assert_eq!(cache.stats().entries, 0);
        // A response computed on an older searcher is not stored.
        cache.put(1, &request("trgovina"), response(7, 10));
        assert!(cache.get(2, &request("trgovina")).is_none());
        assert_eq!(
            cache.stats(),
            CacheStats {
                entries: 0,
                bytes: 0,
                hits: 1,
                misses: 5
            }
        );
    }

    #[test]
    fn requests_that_may_see_restricted_documents_are_never_stored() {
        let cache = ResponseCache::new(1 << 20);
        let mut privileged = request("vrbovanje");
        privileged.include_restricted = true;
        cache.put(1, &privileged, response(3, 10));
        assert_eq!(cache.stats().entries, 0);
        assert!(cache.get(1, &privileged).is_none());
        // The public request is a different key, and is stored.
        cache.put(1, &request("vrbovanje"), response(2, 10));
        assert!(cache.get(1, &privileged).is_none());
        assert_eq!(
            cache.get(1, &request("vrbovanje")).map(|r| r.total),
            Some(2)
        );
    }

    #[test]
    fn the_budget_evicts_the_least_recently_used_and_refuses_outsized_responses() {
        let cache = ResponseCache::new(16 * 1024);
        for i in 0..100 {
            cache.put(1, &request(&format!("q{i}")), response(i, 500));
            // q0 is read after every put, so it stays the most recently used.
            assert!(cache.get(1, &request("q0")).is_some(), "after q{i}");
        }
        let stats = cache.stats();
        assert!(stats.bytes <= 16 * 1024, "{stats:?}");
        assert!(stats.entries > 1 && stats.entries < 100, "{stats:?}");
        assert!(cache.get(1, &request("q1")).is_none());
        assert!(cache.get(1, &request("q99")).is_some());
        // Larger than an eighth of the budget: not stored.
        cache.put(1, &request("big"), response(1, 4 * 1024));
        assert!(cache.get(1, &request("big")).is_none());
    }

    #[test]
    fn a_budget_of_zero_stores_nothing() {
        let cache = ResponseCache::new(0);
        cache.put(1, &request("a"), response(1, 1));
        assert!(cache.get(1, &request("a")).is_none());
        assert_eq!(cache.stats().entries, 0);
    }
}

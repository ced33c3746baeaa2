//! Documents like a given one, and a GRETA recommendation's lineage across rounds.
//!
//! "More like this" as Lucene does it: the document's most distinctive words (frequent in it,
//! rare in the index, by tf·idf on the folded text) become a query of those words OR-ed, run
//! through the ordinary search. So a similar document is found whatever its script (the words
//! are folded: `trgovina` meets `трговина`), ranked by the same BM25, and restricted documents
//! take no part for a caller without a token, neither as hits nor in the statistics that pick
//! the words (`public_view`). Each hit says why it was chosen: the words, themes, countries and
//! court it shares with the document.
//!
//! The lineage of a GRETA document is the same search within the same country's GRETA
//! documents of each other evaluation round: the closest recommendations of earlier and later
//! rounds, which is where a repeated recommendation shows.

use std::collections::{HashMap, HashSet};

use serde::Serialize;
use tantivy::collector::Count;
use tantivy::query::{Bm25StatisticsProvider, TermQuery};
use tantivy::schema::{Facet, IndexRecordOption};
use tantivy::Term;

use super::public_view::PublicView;
use super::{search, Hit, SearchError, SearchRequest};
use crate::analysis::Analyzer;
use crate::document::{Document, Kind};
use crate::index::IndexHandle;
use crate::limits::MAX_QUERY_CLAUSES;
use crate::vocabulary::Dimension;

/// Words of the document that make the query.
const QUERY_WORDS: usize = 20;
/// Shortest word weighed. In a small collection a language's short function words (`her`,
/// `its`, `ili`) are not common enough across it to be told from content words by their
/// frequency; content words of three letters are rare in legal text and are kept by the
/// longer words around them.
const MIN_WORD_CHARS: usize = 4;
/// Shared words named per hit.
const REASON_WORDS: usize = 8;
/// Of a long judgment, the first bytes weighed (its facts and the law come first).
const WEIGHED_BYTES: usize = 256 * 1024;
/// Most hits asked for.
pub const MAX_SIMILAR: usize = 20;
/// Closest documents shown per other round in a lineage.
const PER_ROUND: usize = 2;

const _: () = assert!(QUERY_WORDS * 2 <= MAX_QUERY_CLAUSES);

/// Why a document was found similar.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Reasons {
    /// The document's distinctive words this one holds too (folded), most distinctive first.
    pub words: Vec<String>,
    /// Themes both hold.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub themes: Vec<String>,
    /// Countries both concern.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub countries: Vec<String>,
    /// Both are of this court or body.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub court: Option<String>,
}

/// One similar document: the hit as a search shows it, and why.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SimilarHit {
    #[serde(flatten)]
    pub hit: Hit,
    pub reasons: Reasons,
}

/// What `GET /api/documents/{id}/similar` answers.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Similar {
    pub id: String,
    /// The distinctive words looked for (folded), most distinctive first.
    pub words: Vec<String>,
    pub hits: Vec<SimilarHit>,
}

/// One other round of a lineage and its closest documents.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Round {
    pub round: u8,
    pub hits: Vec<SimilarHit>,
}

/// What `GET /api/documents/{id}/lineage` answers.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Lineage {
    pub id: String,
    pub round: u8,
    pub country: Vec<String>,
    /// Earlier rounds, the nearest first.
    pub earlier: Vec<Round>,
    /// Later rounds, the nearest first.
    pub later: Vec<Round>,
}

/// Why a lineage cannot be given.
#[derive(Debug, thiserror::Error)]
pub enum LineageError {
    #[error("document `{0}` is not a GRETA document with a round; a lineage follows GRETA's evaluation rounds")]
    NotGreta(String),
    #[error(transparent)]
    Search(#[from] SearchError),
}

/// The documents most like document `id` (`None`: no such document visible to the caller).
pub fn similar(
    handle: &IndexHandle,
    id: &str,
    include_restricted: bool,
    limit: usize,
) -> Result<Option<Similar>, SearchError> {
    let Some(document) = handle.get(id, include_restricted)? else {
        return Ok(None);
    };
    Source::of(handle, &document, include_restricted)?
        .similar(handle, limit)
        .map(Some)
}

/// The same country's closest GRETA documents of every other round (`None`: no such
/// document visible to the caller).
pub fn lineage(
    handle: &IndexHandle,
    id: &str,
    include_restricted: bool,
) -> Result<Option<Lineage>, LineageError> {
    let Some(document) = handle
        .get(id, include_restricted)
        .map_err(SearchError::from)?
    else {
        return Ok(None);
    };
    Source::of(handle, &document, include_restricted)?
        .lineage(handle)
        .map(Some)
}

/// A document and its distinctive words, weighed once for both its similar documents and its
/// lineage (the document page shows both).
pub struct Source<'a> {
    document: &'a Document,
    words: Vec<String>,
    include_restricted: bool,
}

impl<'a> Source<'a> {
    /// `document` as the caller may see the index.
    pub fn of(
        handle: &IndexHandle,
        document: &'a Document,
        include_restricted: bool,
    ) -> Result<Source<'a>, SearchError> {
        Ok(Source {
            words: distinctive_words(handle, document, include_restricted)?,
            document,
            include_restricted,
        })
    }

    /// The documents most like it.
    pub fn similar(&self, handle: &IndexHandle, limit: usize) -> Result<Similar, SearchError> {
        // The words are weighed as the document writes them; the thesaurus's expansions would
        // only add unweighed matches at the bottom.
        let request = SearchRequest {
            include_restricted: self.include_restricted,
            expand: false,
            ..SearchRequest::default()
        };
        let hits = like(
            handle,
            self.document,
            &self.words,
            request,
            limit.clamp(1, MAX_SIMILAR),
        )?;
        Ok(Similar {
            id: self.document.id.clone(),
            words: self.words.clone(),
            hits,
        })
    }

    /// The same country's closest GRETA documents of every other round.
    pub fn lineage(&self, handle: &IndexHandle) -> Result<Lineage, LineageError> {
        let document = self.document;
        let Some(round) = document.greta.as_ref().map(|g| g.round) else {
            return Err(LineageError::NotGreta(document.id.clone()));
        };
        let mut earlier = Vec::new();
        let mut later = Vec::new();
        // Rounds in the order of their distance from the document's own.
        let mut others: Vec<u8> = (1..=crate::document::MAX_GRETA_ROUND)
            .filter(|r| *r != round)
            .collect();
        others.sort_by_key(|r| r.abs_diff(round));
        for other in others {
            let mut request = SearchRequest {
                include_restricted: self.include_restricted,
                expand: false,
                ..SearchRequest::default()
            };
            request.filters[Dimension::Country] = document.country.clone();
            request.filters[Dimension::GretaRound] = vec![other.to_string()];
            request.filters[Dimension::Kind] = [Kind::Recommendation, Kind::Report]
                .map(|kind| kind.as_str().to_string())
                .to_vec();
            let hits = like(handle, document, &self.words, request, PER_ROUND)?;
            if hits.is_empty() {
                continue;
            }
            let entry = Round { round: other, hits };
            if other < round {
                earlier.push(entry);
            } else {
                later.push(entry);
            }
        }
        Ok(Lineage {
            id: document.id.clone(),
            round,
            country: document.country.clone(),
            earlier,
            later,
        })
    }
}

/// Runs `words` OR-ed under `request`'s filters and keeps `limit` hits other than `document`
/// and its language versions, each with its reasons.
fn like(
    handle: &IndexHandle,
    document: &Document,
    words: &[String],
    mut request: SearchRequest,
    limit: usize,
) -> Result<Vec<SimilarHit>, SearchError> {
    if words.is_empty() {
        return Ok(Vec::new());
    }
    request.query = words.join(" OR ");
    // One more than asked: the document itself is usually the best match.
    request.per_page = limit + 1;
    let response = search(handle, &request)?;
    let own_versions: HashSet<&str> = document.versions.iter().map(String::as_str).collect();
    let mut out = Vec::with_capacity(limit);
    for hit in response.hits {
        let is_itself = hit.id == document.id
            || own_versions.contains(hit.id.as_str())
            || hit.versions.iter().any(|v| v.id == document.id);
        if is_itself {
            continue;
        }
        let reasons = reasons(handle, document, words, &hit, request.include_restricted)?;
        out.push(SimilarHit { hit, reasons });
        if out.len() == limit {
            break;
        }
    }
    Ok(out)
}

/// What `hit` shares with `document`.
fn reasons(
    handle: &IndexHandle,
    document: &Document,
    words: &[String],
    hit: &Hit,
    include_restricted: bool,
) -> Result<Reasons, SearchError> {
    let held: HashSet<String> = match handle.get(&hit.id, include_restricted)? {
        Some(other) => folded_terms(&other).into_keys().collect(),
        None => HashSet::new(),
    };
    let shared = |mine: &[String], theirs: &[String]| -> Vec<String> {
        mine.iter()
            .filter(|v| theirs.contains(v))
            .cloned()
            .collect()
    };
    Ok(Reasons {
        words: words
            .iter()
            .filter(|w| held.contains(*w))
            .take(REASON_WORDS)
            .cloned()
            .collect(),
        themes: shared(&document.themes, &hit.themes),
        countries: shared(&document.country, &hit.country),
        court: document
            .court
            .as_ref()
            .filter(|c| hit.court.as_ref() == Some(*c))
            .cloned(),
    })
}

/// The folded terms of a document's title and (the start of its) text, with their counts.
fn folded_terms(document: &Document) -> HashMap<String, u32> {
    let mut counts = HashMap::new();
    let text = thb_text::normalize::prefix_within(&document.text, WEIGHED_BYTES);
    for part in [document.title.as_str(), text] {
        for term in Analyzer::Folded.terms(part) {
            *counts.entry(term).or_insert(0) += 1;
        }
    }
    counts
}

/// The document's [`QUERY_WORDS`] most distinctive folded words: tf·idf, the document
/// frequency counted as the caller may see the index. Words under four letters, numbers and
/// words in no other document (a name, a typo) or in more documents than a third of those in
/// the document's language (that language's common words) are left out: they find nothing
/// like it.
fn distinctive_words(
    handle: &IndexHandle,
    document: &Document,
    include_restricted: bool,
) -> Result<Vec<String>, SearchError> {
    let searcher = handle.searcher();
    let field = handle.fields.text_folded;
    let public = match include_restricted {
        true => None,
        false => PublicView::of(&searcher, handle.facet_tables())?,
    };
    let statistics: &dyn Bm25StatisticsProvider = match &public {
        Some(view) => view,
        None => &searcher,
    };
    let total = statistics.total_num_docs()?.max(1) as f64;
    // A word common in the document's language is no sign of likeness, however rare it is in
    // the whole collection (`her` in a collection mostly in other languages): the share is
    // taken of the documents in that language the caller may see.
    let in_language = match document.language.as_deref() {
        Some(language) => {
            let term = Term::from_facet(
                handle.fields.facets[Dimension::Language],
                &Facet::from_path([language]),
            );
            let query = handle.visible(
                Box::new(TermQuery::new(term, IndexRecordOption::Basic)),
                include_restricted,
            );
            searcher.search(query.as_ref(), &Count)? as f64
        }
        None => total,
    };
    let common = if in_language >= 1.0 {
        in_language
    } else {
        total
    } / 3.0;
    let mut weighed: Vec<(f64, String)> = Vec::new();
    for (term, count) in folded_terms(document) {
        if term.chars().count() < MIN_WORD_CHARS || term.chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        let df = statistics.doc_freq(&Term::from_field_text(field, &term))? as f64;
        if df < 2.0 || df > common {
            continue;
        }
        let weight = (1.0 + f64::from(count).ln()) * (total / df).ln();
        weighed.push((weight, term));
    }
    // Heaviest first; ties by the word, so the same index gives the same words.
    weighed.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    Ok(weighed
        .into_iter()
        .take(QUERY_WORDS)
        .map(|(_, term)| term)
        .collect())
}

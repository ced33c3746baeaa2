//! The procedural chain of a case: the other decisions of the same case (first instance,
//! appeal, supreme or constitutional court, Strasbourg), in order.
//!
//! A document lists the others in `proceedings`; a chain listed on one side only reads the
//! same from both, and from every decision of it: the chain is what the listings connect,
//! followed both ways at read time (a document's own list, and the documents listing it, one
//! term lookup on `schema::Fields::proceedings`). An id the index does not hold, or holds
//! restricted from the caller, is in the chain as an id without a document: "not in the
//! database", never an error, and never a hint that a restricted document exists.
//!
//! The order is the court's level (`domain::courts::level`), then the date, then the id.

use std::collections::BTreeSet;

use serde::Serialize;
use tantivy::collector::TopDocs;
use tantivy::query::{Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{Searcher, Term};

use crate::document::Document;
use crate::domain::courts::{self, Level};
use crate::index::{IndexError, IndexHandle};
use crate::limits::MAX_LIST_ITEMS;
use crate::search::citations::DocumentRef;

/// One other decision of a case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Decision {
    pub id: String,
    /// The court's place in the chain; `null` when the decision is not in the database.
    pub level: Option<Level>,
    /// The decision as the index holds it; `null` when it is not in the database (or not
    /// visible to the caller).
    pub document: Option<DocumentRef>,
}

/// The other decisions of `document`'s case the chain reaches, in order (see the module doc),
/// at most [`MAX_LIST_ITEMS`]; those not in the database last, by id.
pub fn chain(
    handle: &IndexHandle,
    searcher: &Searcher,
    document: &Document,
    include_restricted: bool,
) -> Result<Vec<Decision>, IndexError> {
    let mut seen: BTreeSet<String> = BTreeSet::from([document.id.clone()]);
    let mut pending: Vec<String> = Vec::new();
    let mut found: Vec<Decision> = Vec::new();
    let listing = |of: &Document, pending: &mut Vec<String>| -> Result<(), IndexError> {
        let listed = of.proceedings.iter().cloned();
        let listing_it = listing_ids(handle, searcher, &of.id, include_restricted)?;
        pending.extend(listed.chain(listing_it));
        Ok(())
    };
    listing(document, &mut pending)?;
    while let Some(id) = pending.pop() {
        if found.len() == MAX_LIST_ITEMS {
            break;
        }
        if !seen.insert(id.clone()) {
            continue;
        }
        match by_id(handle, searcher, &id, include_restricted)? {
            Some(other) => {
                listing(&other, &mut pending)?;
                found.push(Decision {
                    id,
                    level: Some(courts::level(other.court.as_deref().unwrap_or_default())),
                    document: Some(DocumentRef::from(other)),
                });
            }
            None => found.push(Decision {
                id,
                level: None,
                document: None,
            }),
        }
    }
    in_order(&mut found);
    Ok(found)
}

/// The whole chain with `document` in its place: what its page shows.
pub fn with_itself(document: &Document, chain: &[Decision]) -> Vec<Decision> {
    let mut all = chain.to_vec();
    all.push(Decision {
        id: document.id.clone(),
        level: Some(courts::level(document.court.as_deref().unwrap_or_default())),
        document: Some(DocumentRef::from(document.clone())),
    });
    in_order(&mut all);
    all
}

/// By level, then date, then id; decisions not in the database last.
fn in_order(decisions: &mut [Decision]) {
    decisions.sort_by(|a, b| {
        let key = |d: &Decision| {
            let date = d.document.as_ref().and_then(|r| r.date);
            (d.level.is_none(), d.level, date)
        };
        key(a).cmp(&key(b)).then_with(|| a.id.cmp(&b.id))
    });
}

/// The ids of the documents whose `proceedings` list `id`.
fn listing_ids(
    handle: &IndexHandle,
    searcher: &Searcher,
    id: &str,
    include_restricted: bool,
) -> Result<Vec<String>, IndexError> {
    let query: Box<dyn Query> = Box::new(TermQuery::new(
        Term::from_field_text(handle.fields().proceedings, id),
        IndexRecordOption::Basic,
    ));
    let query = handle.visible(query, include_restricted);
    let limit = TopDocs::with_limit(MAX_LIST_ITEMS).order_by_score();
    searcher
        .search(query.as_ref(), &limit)?
        .into_iter()
        .map(|(_, address)| Ok(handle.document_at(searcher, address, false)?.id))
        .collect()
}

/// The document with this id the caller may see, without its text.
fn by_id(
    handle: &IndexHandle,
    searcher: &Searcher,
    id: &str,
    include_restricted: bool,
) -> Result<Option<Document>, IndexError> {
    let query: Box<dyn Query> = Box::new(TermQuery::new(
        Term::from_field_text(handle.fields().id, id),
        IndexRecordOption::Basic,
    ));
    let query = handle.visible(query, include_restricted);
    let top = searcher.search(query.as_ref(), &TopDocs::with_limit(1).order_by_score())?;
    top.first()
        .map(|(_, address)| handle.document_at(searcher, *address, false))
        .transpose()
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn decision(id: &str, court: &str, date: &str, extra: serde_json::Value) -> serde_json::Value {
        let mut record = json!({
            "id": id, "kind": "judgment", "title": format!("{court} {id}"),
            "text": "Trafficking in human beings.", "country": "RS",
            "court": court, "date": date,
        });
        for (k, v) in extra.as_object().unwrap() {
            record[k] = v.clone();
        }
        record
    }

    fn ids(chain: &[Decision]) -> Vec<&str> {
        chain.iter().map(|d| d.id.as_str()).collect()
    }

    #[test]
    fn the_chain_reads_the_same_from_every_decision_and_in_court_order() {
        // The supreme court lists the appeal, the appeal lists the first instance and an id
        // the index does not hold; the first instance lists nothing.
        let (handle, _dir) = crate::search::tests::index_of(
            &[
                decision("first", "Viši sud u Beogradu", "2019-03-01", json!({})),
                decision(
                    "appeal",
                    "Apelacioni sud u Beogradu",
                    "2019-11-20",
                    json!({"proceedings": ["first", "lost"]}),
                ),
                decision(
                    "supreme",
                    "Vrhovni kasacioni sud",
                    "2020-06-02",
                    json!({"proceedings": ["appeal"], "access": "restricted"}),
                ),
            ],
            false,
        );
        let searcher = handle.searcher();
        let chain_of = |id: &str, restricted: bool| {
            let document = handle.get(id, true).unwrap().unwrap();
            chain(&handle, &searcher, &document, restricted).unwrap()
        };
        assert_eq!(ids(&chain_of("first", true)), ["appeal", "supreme", "lost"]);
        assert_eq!(ids(&chain_of("supreme", true)), ["first", "appeal", "lost"]);
        let from_first = chain_of("first", true);
        assert_eq!(from_first[0].level, Some(Level::Appeal));
        assert_eq!(from_first[2].document, None, "not in the database");
        // Without a token the restricted supreme court's decision is not reached at all.
        assert_eq!(ids(&chain_of("first", false)), ["appeal", "lost"]);
        assert_eq!(ids(&chain_of("appeal", false)), ["first", "lost"]);
    }
}

//! The index side of citations (`domain::citations` reads them from text): which document a
//! citation names, and which documents cite a document. What the caller may see decides, as
//! everywhere: a restricted document is never named, listed or counted without
//! `include_restricted` (the visibility is decided on the indexed `access` term, before any
//! stored document is read).

use std::collections::HashMap;

use serde::Serialize;
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, Occur, PhraseQuery, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{Searcher, Term};

use crate::analysis::Analyzer;
use crate::cited;
use crate::document::{Date, Document, Kind, Provenance};
use crate::domain::citations::{self, Citation, CitationKind};
use crate::index::{IndexError, IndexHandle};
use crate::limits::MAX_CITED_BY;
use crate::schema;
use crate::versions;
use crate::vocabulary::Dimension;

/// A document as a citation points to it: enough to name and link it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DocumentRef {
    pub id: String,
    pub kind: Kind,
    pub title: String,
    pub country: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub court: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = Date))]
    pub date: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provenance: Option<Provenance>,
}

impl From<Document> for DocumentRef {
    fn from(d: Document) -> Self {
        DocumentRef {
            id: d.id,
            kind: d.kind,
            title: d.title,
            country: d.country,
            court: d.court,
            date: d.date,
            language: d.language,
            provenance: d.provenance,
        }
    }
}

/// For each citation, the document it names (`None` when the index holds none the caller
/// may see). Among a work's language versions, and among several documents known by one
/// value, the one with the smallest id: the same document for the same citation every time.
pub fn resolve_all(
    handle: &IndexHandle,
    cited: &[Citation],
    include_restricted: bool,
) -> Result<Vec<Option<DocumentRef>>, IndexError> {
    let searcher = handle.searcher();
    let mut memo: HashMap<&str, Option<DocumentRef>> = HashMap::new();
    let mut out = Vec::with_capacity(cited.len());
    for citation in cited {
        if let Some(found) = memo.get(citation.value.as_str()) {
            out.push(found.clone());
            continue;
        }
        // A Strasbourg ECLI also names the judgment indexed by its application number only.
        let mut values = vec![citation.value.clone()];
        if citation.kind == CitationKind::Ecli {
            values.extend(citations::index_terms(citation).into_iter().skip(1));
        }
        let mut found = None;
        for value in &values {
            found = known_as(handle, &searcher, value, include_restricted)?;
            if found.is_some() {
                break;
            }
        }
        memo.insert(citation.value.as_str(), found.clone());
        out.push(found);
    }
    Ok(out)
}

/// The document known as `value` (see `citations::known_as`) with the smallest id.
fn known_as(
    handle: &IndexHandle,
    searcher: &Searcher,
    value: &str,
    include_restricted: bool,
) -> Result<Option<DocumentRef>, IndexError> {
    let f = handle.fields();
    let query: Box<dyn Query> = Box::new(TermQuery::new(
        Term::from_field_text(f.known_as, value),
        IndexRecordOption::Basic,
    ));
    let query = handle.visible(query, include_restricted);
    let limit = TopDocs::with_limit(MAX_CITED_BY).order_by_score();
    let mut best: Option<Document> = None;
    for (_, address) in searcher.search(query.as_ref(), &limit)? {
        let document = handle.document_at(searcher, address, false)?;
        if best.as_ref().is_none_or(|b| document.id < b.id) {
            best = Some(document);
        }
    }
    Ok(best.map(DocumentRef::from))
}

/// The names a Strasbourg judgment is cited by in running text (`cited::case_name`): its own
/// and its language versions' (`Rantsev v. Cyprus and Russia`, `Rantsev c. Chypre et Russie`),
/// the versions as the caller may see them.
pub fn case_names(
    handle: &IndexHandle,
    document: &Document,
    include_restricted: bool,
) -> Result<Vec<String>, IndexError> {
    let mut names: Vec<String> = cited::case_name(document).into_iter().collect();
    if names.is_empty() {
        return Ok(names);
    }
    let work = versions::key_of(document);
    if work != 0 {
        let f = handle.fields();
        let query: Box<dyn Query> = Box::new(TermQuery::new(
            Term::from_field_u64(f.work, work),
            IndexRecordOption::Basic,
        ));
        let query = handle.visible(query, include_restricted);
        let searcher = handle.searcher();
        let limit = TopDocs::with_limit(MAX_VERSIONS).order_by_score();
        for (_, address) in searcher.search(query.as_ref(), &limit)? {
            let version = handle.document_at(&searcher, address, false)?;
            if let Some(name) = cited::case_name(&version) {
                citations::push_new(&mut names, name);
            }
        }
    }
    names.sort();
    Ok(names)
}

/// Language versions of one judgment read for their names: more than any work has.
const MAX_VERSIONS: usize = 16;

/// What [`cited_by`] found: what the document is cited as, and what cites it.
pub struct Citing {
    /// Its application numbers, ECLI, or (a text of law) its provision, then (a Strasbourg
    /// judgment) its names in its languages ([`case_names`]).
    pub cited_as: Vec<String>,
    /// The documents citing it.
    pub documents: Vec<DocumentRef>,
}

/// The documents that cite `document` (by its application numbers, its ECLI, for a text of
/// law its provision, or for a Strasbourg judgment its name in any of its languages written
/// out in the text: [`case_names`]), newest first, at most [`MAX_CITED_BY`]: neither the
/// document itself nor its language versions, and each citing judgment once, not once per
/// language.
pub fn cited_by(
    handle: &IndexHandle,
    document: &Document,
    include_restricted: bool,
) -> Result<Citing, IndexError> {
    let names = cited::known_as(document);
    let case_names = case_names(handle, document, include_restricted)?;
    let documents = citing(handle, document, &names, &case_names, include_restricted)?;
    let mut cited_as = names;
    cited_as.extend(case_names);
    Ok(Citing {
        cited_as,
        documents,
    })
}

fn citing(
    handle: &IndexHandle,
    document: &Document,
    names: &[String],
    case_names: &[String],
    include_restricted: bool,
) -> Result<Vec<DocumentRef>, IndexError> {
    let f = handle.fields();
    if names.is_empty() && case_names.is_empty() {
        return Ok(Vec::new());
    }
    let term_query =
        |term: Term| -> Box<dyn Query> { Box::new(TermQuery::new(term, IndexRecordOption::Basic)) };
    let mut any_name: Vec<(Occur, Box<dyn Query>)> = names
        .iter()
        .map(|name| {
            let term = if name.starts_with('/') {
                Term::from_facet(
                    f.facets[Dimension::Provision],
                    &schema::provision_facet(name),
                )
            } else {
                Term::from_field_text(f.cites, name)
            };
            (Occur::Should, term_query(term))
        })
        .collect();
    for name in case_names {
        // The name's words in a row, whatever the script and accents it is written in.
        let terms: Vec<Term> = Analyzer::Folded
            .terms(name)
            .iter()
            .map(|word| Term::from_field_text(f.text_folded, word))
            .collect();
        if terms.len() >= 2 {
            any_name.push((Occur::Should, Box::new(PhraseQuery::new(terms))));
        }
    }
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![
        (Occur::Must, Box::new(BooleanQuery::new(any_name))),
        (
            Occur::MustNot,
            term_query(Term::from_field_text(f.id, &document.id)),
        ),
    ];
    let work = versions::key_of(document);
    if work != 0 {
        clauses.push((
            Occur::MustNot,
            term_query(Term::from_field_u64(f.work, work)),
        ));
    }
    let query = handle.visible(Box::new(BooleanQuery::new(clauses)), include_restricted);
    let searcher = handle.searcher();
    // Room for the language versions that are dropped below.
    let limit = TopDocs::with_limit(MAX_CITED_BY * 2).order_by_score();
    let mut citing: Vec<Document> = Vec::new();
    for (_, address) in searcher.search(query.as_ref(), &limit)? {
        citing.push(handle.document_at(&searcher, address, false)?);
    }
    citing.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.id.cmp(&b.id)));
    let mut works_seen: Vec<String> = Vec::new();
    citing.retain(|d| match versions::work_name(d) {
        Some(name) if works_seen.contains(&name) => false,
        Some(name) => {
            works_seen.push(name);
            true
        }
        None => true,
    });
    citing.truncate(MAX_CITED_BY);
    Ok(citing.into_iter().map(DocumentRef::from).collect())
}

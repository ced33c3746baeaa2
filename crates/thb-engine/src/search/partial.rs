//! No dead ends: when every word of a query together matches fewer than [`BELOW`] documents
//! (`positive obligation identify victim` matched none), the documents that match some of the
//! words, ranked below the full matches and never repeating one, and how many documents each
//! word matches alone, so that a word that matches nothing can be offered for removal.
//!
//! Only for a query that is a plain list of words and phrases (with any exclusions): an `OR`,
//! a group or a field is the user's own logic, not to be relaxed. The relaxed query is the
//! words OR-ed, without the documents that hold them all, with the same exclusions and
//! filters; BM25 sums over the words a document holds, so one holding more of them mostly
//! ranks higher, as in Lucene's and Elasticsearch's OR fallback.

use serde::Serialize;

use super::facets::PageOrder;
use super::query::Node;
use super::{Hit, Pass, SearchError};

/// Below this many full matches, the partial matches are looked for too.
pub const BELOW: usize = 5;
/// Partial matches shown (the first page of them).
const SHOWN: usize = 10;
/// Most words a query may have for each to be counted alone (one pass over the index each).
const MOST_WORDS: usize = 12;

/// The documents that match some of the query's words.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Partial {
    /// How many hits match some but not all of the words (with the filters), a judgment's
    /// language versions counted once, as in [`SearchResponse::total`](super::SearchResponse).
    pub total: usize,
    /// The best of them, best first.
    pub hits: Vec<Hit>,
    /// Each word or phrase of the query, in the order typed, with the documents it matches
    /// alone (with the filters and exclusions): a word with none is the one to drop.
    pub words: Vec<WordMatches>,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WordMatches {
    /// As typed (a phrase in its quotes).
    pub word: String,
    pub documents: usize,
}

/// The query's positive words and phrases and its exclusions, when it is a plain list of them
/// with at least two positive ones.
fn plain_list(node: &Node) -> Option<(Vec<&Node>, Vec<&Node>)> {
    let Node::And(items) = node else {
        return None;
    };
    let (mut positive, mut negative) = (Vec::new(), Vec::new());
    for item in items {
        match item {
            Node::Word { field: None, .. } | Node::Phrase { field: None, .. } => {
                positive.push(item)
            }
            Node::Not(_) => negative.push(item),
            _ => return None,
        }
    }
    (positive.len() >= 2 && positive.len() <= MOST_WORDS).then_some((positive, negative))
}

fn as_typed(node: &Node) -> String {
    match node {
        Node::Word { text, prefix, .. } => format!("{text}{}", if *prefix { "*" } else { "" }),
        Node::Phrase { text, slop: 0, .. } => format!("\"{text}\""),
        Node::Phrase { text, slop, .. } => format!("\"{text}\"~{slop}"),
        _ => String::new(),
    }
}

/// The partial matches of `parsed`, or `None` when it is not a plain list of words.
pub(super) fn find(pass: &Pass<'_>, parsed: &Node) -> Result<Option<Partial>, SearchError> {
    let Some((positive, negative)) = plain_list(parsed) else {
        return Ok(None);
    };
    let with_exclusions = |required: Vec<Node>| -> Node {
        let mut items = required;
        items.extend(negative.iter().map(|n| (*n).clone()));
        Node::And(items)
    };
    let mut words = Vec::with_capacity(positive.len());
    for word in &positive {
        let alone = with_exclusions(vec![(*word).clone()]);
        let harvest = pass.run(&alone, PageOrder::Score, 1)?.harvest;
        words.push(WordMatches {
            word: as_typed(word),
            documents: harvest.documents,
        });
    }
    let all: Vec<Node> = positive.iter().map(|n| (*n).clone()).collect();
    let relaxed = with_exclusions(vec![
        Node::Or(all.clone()),
        Node::Not(Box::new(Node::And(all))),
    ]);
    let ran = pass.run(&relaxed, PageOrder::Score, SHOWN)?;
    let (harvest, highlight) = (ran.harvest, ran.highlight);
    let total = harvest.total;
    let hits = pass.hits(harvest.top, 0, PageOrder::Score, &highlight, None)?;
    Ok(Some(Partial { total, hits, words }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::query::parse;

    #[test]
    fn only_a_plain_list_of_words_is_relaxed() {
        for (query, relaxed) in [
            ("positive obligation identify victim", true),
            ("\"forced labour\" Rantsev -greece", true),
            ("trafficking", false),
            ("a OR b", false),
            ("title:rantsev cyprus", false),
            ("(a b) c", false),
            ("", false),
        ] {
            let node = parse(query).unwrap();
            assert_eq!(plain_list(&node).is_some(), relaxed, "{query}");
        }
        let node = parse("\"forced labour\"~3 traffick* -greece").unwrap();
        let (positive, negative) = plain_list(&node).unwrap();
        let typed: Vec<String> = positive.into_iter().map(as_typed).collect();
        assert_eq!(typed, ["\"forced labour\"~3", "traffick*"]);
        assert_eq!(negative.len(), 1);
    }
}

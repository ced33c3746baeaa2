//! Why a document came up (`explain=true`): for each hit, every clause of the query that
//! matches it, in which field, by which analysis (exact, folded, stemmed, a prefix's
//! expansion, an identifier, the court), as which term, through which concept of the thesaurus,
//! and what it added to the score; with tantivy's own explanation tree of each.
//!
//! The query a search runs is not the one explained. A multi-word query is a
//! `conjunction::ConjunctionQuery`, which matches a window of documents at a time and sums its
//! clauses' scores itself, and whose `Weight::explain` can only give the total. So the builder
//! (`search::build`) records, beside each clause it puts in the query, a [`Probe`]: the same
//! clause as a stand-alone tantivy query (a `TermQuery` in a `BoostQuery` where the conjunction
//! scores the term itself). A hit is explained by running tantivy's `Weight::explain` of every
//! probe on that one document, with the statistics the search scored with (the public view's
//! for a caller without a token). A document's score is the sum of the scores of the clauses
//! that match it (`ConjunctionQuery`'s contract, and tantivy's `BooleanQuery` of `Should`
//! clauses) inside conjunctions that match it too: `forced` and `labour` add nothing to a
//! document that has only `labour` and was found through the concept the two words name. So a
//! probe also knows the conjunctions around it (`Probe::within`), and counts only where they
//! match. The contributions then add up to the hit's score, summed in another order: tests
//! compare the two.
//!
//! "Why not?" ([`why_not`], `explain_id=`): whether one document matches the query's words at
//! all, the words none of whose terms it holds, and the clauses it does match.
//!
//! Explanations are only made for hits, which the caller may see, and for an `explain_id` the
//! caller may see: a restricted one, without a token, answers as an id that does not exist.

use serde::Serialize;
use tantivy::query::{EnableScoring, Explanation, Query, Weight};
use tantivy::{DocAddress, DocId, DocSet, Searcher, SegmentReader, TantivyError};

use super::build::Built;
use super::expansion::EXPANSION_CEILING;
use super::public_view::PublicView;
use super::request::ParameterProblem;
use super::SearchError;
use crate::index::IndexHandle;

pub use super::probe::{MatchAnalysis, Probe};

/// Why a hit came up.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HitExplanation {
    /// The sum of the matches' contributions: the hit's score (to rounding).
    pub score: f32,
    /// The clauses that match the document, highest contribution first.
    pub matches: Vec<Match>,
    /// tantivy's explanation of each match's score (BM25's idf, term frequency, field length,
    /// boost), under one node of their sum.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub details: Explanation,
}

/// One clause of the query that matches a hit.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Match {
    /// The query's words it stands for, as typed.
    pub words: String,
    /// The index field: `title`, `title_folded`, `text`, `text_folded`, `stem`, `ident`,
    /// `court` or `id`.
    pub field: String,
    pub analysis: MatchAnalysis,
    /// The term looked for (a phrase's terms space-separated; a stem without its namespace).
    pub term: String,
    /// For a stem, the stemmer's code (`sh` for Serbian, Bosnian, Croatian and Montenegrin);
    /// for an expansion, the language of the thesaurus term.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// The concept of the thesaurus whose term this is, when the document was met through it
    /// (`expand`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expansion: Option<String>,
    /// What it added to the score.
    pub contribution: f32,
}

/// Whether one document (`explain_id`) matches the query, and why not.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WhyNot {
    pub id: String,
    /// Whether it matches the query's words; the filters (country, year, …) are not asked.
    pub matches: bool,
    /// The request's filters it does not pass, by parameter (`country`, `year_from`,
    /// `cites`): each would leave it out even where it matches the words.
    pub filtered_out: Vec<String>,
    /// The query's words, as typed, none of whose terms any of its fields holds (a word a
    /// thesaurus concept stands in for may still match through the concept: `explanation`
    /// says).
    pub missing: Vec<String>,
    /// The clauses of the query it matches, when any does: as a hit's explanation when it
    /// matches the query; when not, every clause that matches it on its own.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explanation: Option<HitExplanation>,
}

/// Answers "why not?" for the document `id` and the query `built` with its probes
/// (`build::build_explained`). A document the caller may not see is a parameter error worded
/// as for an id that does not exist.
/// `filtered_out` says which of the request's filters a document at an address fails.
pub fn why_not(
    handle: &IndexHandle,
    searcher: &Searcher,
    public: Option<&PublicView<'_>>,
    built: Built,
    id: &str,
    include_restricted: bool,
    filtered_out: impl FnOnce(DocAddress) -> Result<Vec<String>, SearchError>,
) -> Result<WhyNot, SearchError> {
    let Some(address) = handle.address_of(searcher, id, include_restricted)? else {
        return Err(SearchError::Parameter {
            parameter: "explain_id".to_string(),
            problem: ParameterProblem::Invalid {
                value: id.to_string(),
            },
            message: format!("`{id}`: no document has this id"),
        });
    };
    let reader = searcher.segment_reader(address.segment_ord);
    let weight = built
        .query
        .weight(EnableScoring::disabled_from_searcher(searcher))?;
    let matches = has(weight.as_ref(), reader, address.doc_id)?;
    let explainer = Explainer::new(built, searcher, public)?;
    // Matching, it is explained as a hit; not, by every clause it matches on its own.
    let explanation = explainer.explain(searcher, address, matches)?;
    // The words typed, in order, and whether a clause of theirs matched.
    let mut words: Vec<(&str, bool)> = Vec::new();
    for (probe, _) in explainer
        .probes
        .iter()
        .filter(|(p, _)| p.expansion.is_none())
    {
        if !words.iter().any(|(w, _)| *w == probe.words) {
            words.push((&probe.words, false));
        }
    }
    if let Some(explanation) = &explanation {
        for m in explanation.matches.iter().filter(|m| m.expansion.is_none()) {
            if let Some(word) = words.iter_mut().find(|(w, _)| *w == m.words) {
                word.1 = true;
            }
        }
    }
    Ok(WhyNot {
        id: id.to_string(),
        matches,
        filtered_out: filtered_out(address)?,
        missing: words
            .into_iter()
            .filter(|(_, found)| !found)
            .map(|(w, _)| w.to_string())
            .collect(),
        explanation,
    })
}

/// The probes of one search, weighed once with the search's statistics.
pub struct Explainer {
    probes: Vec<(Probe, Box<dyn Weight>)>,
    /// The conjunctions around them, weighed without scoring: only whether they match counts.
    scopes: Vec<Box<dyn Weight>>,
    field_names: Vec<String>,
}

/// Whether the scorer of `weight` in `reader` has `doc`.
fn has(weight: &dyn Weight, reader: &SegmentReader, doc: DocId) -> tantivy::Result<bool> {
    let mut scorer = weight.scorer(reader, 1.0)?;
    Ok(scorer.doc() <= doc && scorer.seek(doc) == doc)
}

impl Explainer {
    /// Weighs `probes` as the search scored: with `public`'s statistics when the caller sees
    /// the public view.
    pub fn new(
        built: Built,
        searcher: &Searcher,
        public: Option<&PublicView<'_>>,
    ) -> Result<Explainer, SearchError> {
        let Built { probes, scopes, .. } = built;
        let unscored = EnableScoring::disabled_from_searcher(searcher);
        let scopes = scopes
            .iter()
            .map(|scope| scope.weight(unscored))
            .collect::<Result<Vec<_>, TantivyError>>()?;
        let scoring = match public {
            Some(view) => EnableScoring::enabled_from_statistics_provider(view, searcher),
            None => EnableScoring::enabled_from_searcher(searcher),
        };
        let schema = searcher.schema();
        let field_names = schema
            .fields()
            .map(|(_, entry)| entry.name().to_string())
            .collect();
        let probes = probes
            .into_iter()
            .map(|probe| {
                let weight = probe.query.weight(scoring)?;
                Ok((probe, weight))
            })
            .collect::<Result<Vec<_>, TantivyError>>()?;
        Ok(Explainer {
            probes,
            scopes,
            field_names,
        })
    }

    /// The clauses that match the document at `address`, or `None` when none does (a query
    /// without words: everything, or a browse). For a hit, `in_scope`: a clause counts only
    /// where the conjunctions around it match too, as in the query; without, every clause
    /// that matches on its own (for a document that does not match the query: `why_not`).
    pub fn explain(
        &self,
        searcher: &Searcher,
        address: DocAddress,
        in_scope: bool,
    ) -> Result<Option<HitExplanation>, SearchError> {
        let reader = searcher.segment_reader(address.segment_ord);
        let doc = address.doc_id;
        // Whether each scope matches, asked once.
        let mut scope_matches: Vec<Option<bool>> = vec![None; self.scopes.len()];
        let mut in_matching_scopes = |within: &[usize]| -> tantivy::Result<bool> {
            for &scope in within {
                let matched = match scope_matches[scope] {
                    Some(known) => known,
                    None => {
                        let known = has(self.scopes[scope].as_ref(), reader, doc)?;
                        scope_matches[scope] = Some(known);
                        known
                    }
                };
                if !matched {
                    return Ok(false);
                }
            }
            Ok(true)
        };
        let mut matches = Vec::new();
        let mut details = Vec::new();
        for (probe, weight) in &self.probes {
            if in_scope && !in_matching_scopes(&probe.within)? {
                continue;
            }
            let explanation = match weight.explain(reader, doc) {
                Ok(explanation) => explanation,
                // tantivy's way of saying that the clause does not match the document.
                Err(TantivyError::InvalidArgument(_)) => continue,
                Err(e) => return Err(e.into()),
            };
            let contribution = match probe.scored {
                true => explanation.value(),
                false => 0.0,
            };
            let field = self
                .field_names
                .get(probe.field.field_id() as usize)
                .cloned()
                .unwrap_or_default();
            let mut detail = Explanation::new_with_string(
                format!("`{}` in {field} as {}", probe.words, probe.term),
                contribution,
            );
            if probe.scored {
                detail.add_detail(explanation);
            } else {
                detail.add_context(format!(
                    "an expansion through {}: scores under {EXPANSION_CEILING:e}, below every typed word, and so orders only the documents no typed word finds",
                    probe.expansion.as_deref().unwrap_or("the thesaurus")
                ));
            }
            details.push(detail);
            matches.push(Match {
                words: probe.words.clone(),
                field,
                analysis: probe.analysis,
                term: probe.term.clone(),
                language: probe.language.clone(),
                expansion: probe.expansion.clone(),
                contribution,
            });
        }
        if matches.is_empty() {
            return Ok(None);
        }
        let score: f32 = matches.iter().map(|m| m.contribution).sum();
        let mut root = Explanation::new("sum of the matching clauses", score);
        for detail in details {
            root.add_detail(detail);
        }
        matches.sort_by(|a, b| b.contribution.total_cmp(&a.contribution));
        Ok(Some(HitExplanation {
            score,
            matches,
            details: root,
        }))
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::search::tests::{index_of, request};
    use crate::search::{search, SearchResponse};

    fn record(id: &str, language: &str, text: &str) -> serde_json::Value {
        json!({
            "id": id, "kind": "judgment", "title": format!("Case {id}"), "text": text,
            "country": ["RS"], "language": language, "provenance": "sample",
        })
    }

    /// Three sample judgments: Serbian in Cyrillic, Croatian in Latin, English.
    fn records() -> Vec<serde_json::Value> {
        vec![
            record(
                "sr",
                "sr-Cyrl",
                "Окривљени је осуђен за трговину људима ради принудног рада.",
            ),
            record(
                "hr",
                "hr",
                "Organizirana grupa vrbovala je žrtve preko oglasa.",
            ),
            record(
                "en",
                "en",
                "The applicants were held in forced labour on a farm.",
            ),
            record(
                "en-2",
                "en",
                "The court found labour exploitation of seasonal workers.",
            ),
        ]
    }

    fn explained(response: &SearchResponse, id: &str) -> HitExplanation {
        let hit = response.hits.iter().find(|h| h.id == id);
        let hit = hit.unwrap_or_else(|| panic!("{id} is not a hit: {response:?}"));
        hit.explanation.clone().expect("an explanation")
    }

    fn analyses(explanation: &HitExplanation) -> Vec<(MatchAnalysis, &str)> {
        let mut found: Vec<(MatchAnalysis, &str)> = explanation
            .matches
            .iter()
            .map(|m| (m.analysis, m.field.as_str()))
            .collect();
        found.sort_by_key(|(a, f)| (format!("{a:?}"), *f));
        found.dedup();
        found
    }

    fn assert_sums_to_score(response: &SearchResponse) {
        for hit in &response.hits {
            let explanation = hit.explanation.as_ref().expect("explained");
            let score = hit.score.expect("a relevance order");
            assert!(
                (explanation.score - score).abs() <= 1e-4 * score.max(1.0),
                "{}: explained {} but scored {score}: {explanation:?}",
                hit.id,
                explanation.score
            );
        }
    }

    #[test]
    fn a_hit_found_through_its_stem_only_says_stemmed() {
        let (handle, _dir) = index_of(&records(), false);
        let response = search(&handle, &request(&[("q", "grupom"), ("explain", "true")])).unwrap();
        let explanation = explained(&response, "hr");
        assert_eq!(analyses(&explanation), [(MatchAnalysis::Stemmed, "stem")]);
        let stem = &explanation.matches[0];
        assert_eq!(stem.language.as_deref(), Some("sh"), "{stem:?}");
        assert_eq!(stem.term, "grup", "the stem without its namespace");
        assert_eq!(stem.words, "grupom");
        assert!(stem.contribution > 0.0);
        assert_sums_to_score(&response);
    }

    #[test]
    fn a_latin_word_meets_cyrillic_text_folded_never_exact() {
        let (handle, _dir) = index_of(&records(), false);
        let response = search(
            &handle,
            &request(&[("q", "trgovinu ljudima"), ("explain", "true")]),
        )
        .unwrap();
        let explanation = explained(&response, "sr");
        let found = analyses(&explanation);
        assert!(
            found.contains(&(MatchAnalysis::Folded, "text_folded")),
            "{found:?}"
        );
        assert!(
            !found.iter().any(|(a, _)| *a == MatchAnalysis::Exact),
            "the text is in Cyrillic: {found:?}"
        );
        let folded: Vec<&str> = explanation
            .matches
            .iter()
            .filter(|m| m.field == "text_folded")
            .map(|m| m.term.as_str())
            .collect();
        assert!(folded.contains(&"trgovinu"), "{folded:?}");
        assert_sums_to_score(&response);
    }

    #[test]
    fn a_hit_found_through_the_thesaurus_names_the_concept() {
        let (handle, _dir) = index_of(&records(), false);
        let response = search(
            &handle,
            &request(&[("q", "forced labour"), ("explain", "true")]),
        )
        .unwrap();
        let typed = explained(&response, "en");
        assert!(
            typed.matches.iter().all(|m| m.expansion.is_none()) && typed.score > 0.0,
            "the English text has the words as typed: {typed:?}"
        );
        let expanded = explained(&response, "sr");
        assert!(!expanded.matches.is_empty());
        for m in &expanded.matches {
            assert_eq!(m.expansion.as_deref(), Some("forced-labour"), "{m:?}");
            assert_eq!(m.contribution, 0.0, "an expansion does not score");
            assert_eq!(m.words, "forced labour");
        }
        assert!(
            expanded.matches.iter().any(|m| m.term == "prinudni rad"),
            "{expanded:?}"
        );
        // `labour` alone matches, but the conjunction of the two words does not: it adds
        // nothing, and the related concept is what found the document.
        let related = explained(&response, "en-2");
        assert_eq!(related.score, 0.0, "{related:?}");
        assert!(
            related
                .matches
                .iter()
                .all(|m| m.expansion.as_deref() == Some("labour-exploitation")),
            "{related:?}"
        );
        assert_sums_to_score(&response);
    }

    #[test]
    fn why_not_names_the_words_a_document_lacks() {
        let (handle, _dir) = index_of(&records(), false);
        let asked = |q: &str, id: &str| {
            let request = request(&[("q", q), ("explain_id", id)]);
            search(&handle, &request).unwrap().why_not.unwrap()
        };
        let why = asked("grupa oglasa trafficking", "hr");
        assert!(!why.matches);
        assert_eq!(why.missing, ["trafficking"]);
        let matched: Vec<&str> = why
            .explanation
            .as_ref()
            .unwrap()
            .matches
            .iter()
            .map(|m| m.words.as_str())
            .collect();
        assert!(
            matched.contains(&"grupa") && matched.contains(&"oglasa"),
            "{matched:?}"
        );

        let why = asked("grupa oglasa", "hr");
        assert!(why.matches && why.missing.is_empty(), "{why:?}");
        let why = asked("farm", "hr");
        assert!(!why.matches && why.explanation.is_none(), "{why:?}");

        let unknown = search(
            &handle,
            &request(&[("q", "farm"), ("explain_id", "nowhere")]),
        );
        assert_eq!(
            unknown.unwrap_err().to_string(),
            "explain_id: `nowhere`: no document has this id"
        );
    }

    #[test]
    fn why_not_names_the_filters_a_document_fails() {
        let (handle, _dir) = index_of(&records(), false);
        let asked = |pairs: &[(&str, &str)]| {
            let mut pairs = pairs.to_vec();
            pairs.extend([("q", "grupa oglasa"), ("explain_id", "hr")]);
            search(&handle, &request(&pairs)).unwrap().why_not.unwrap()
        };
        // It matches the words; a filter on another country alone leaves it out.
        let why = asked(&[("country", "BA")]);
        assert!(why.matches, "{why:?}");
        assert_eq!(why.filtered_out, ["country"]);
        assert!(asked(&[("country", "RS")]).filtered_out.is_empty());
        assert!(asked(&[("country", "BA"), ("country", "RS")])
            .filtered_out
            .is_empty());
        // Undated, it is outside any range of years; a sample, it is not a real document.
        let why = asked(&[
            ("year_from", "2000"),
            ("provenance", "real"),
            ("kind", "judgment"),
        ]);
        assert_eq!(why.filtered_out, ["year_from", "provenance"]);
    }

    #[test]
    fn analyses_are_written_as_the_json_writes_them() {
        for analysis in [
            MatchAnalysis::Exact,
            MatchAnalysis::Folded,
            MatchAnalysis::Stemmed,
            MatchAnalysis::Prefix,
            MatchAnalysis::Identifier,
            MatchAnalysis::Court,
        ] {
            assert_eq!(serde_json::to_value(analysis).unwrap(), analysis.as_str());
        }
    }

    #[test]
    fn without_explain_no_hit_is_explained() {
        let (handle, _dir) = index_of(&records(), false);
        let response = search(&handle, &request(&[("q", "grupom")])).unwrap();
        assert_eq!(response.hits.len(), 1);
        assert!(response.hits[0].explanation.is_none());
        let json = serde_json::to_value(&response.hits[0]).unwrap();
        assert!(json.get("explanation").is_none(), "{json}");
    }
}

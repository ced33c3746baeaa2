//! The clauses of a query as the builder records them beside the query it builds ([`Probe`]):
//! each the same clause as a stand-alone tantivy query, with the words, field, analysis, term
//! and thesaurus concept it stands for. `build` and `expansion` write them; `explain` runs them
//! on a hit to say why it came up.

use serde::Serialize;
use tantivy::query::Query;
use tantivy::schema::Field;

use crate::analysis::Analyzer;

/// How a clause reads the document: the analysis its terms went through.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum MatchAnalysis {
    /// The word as written, lower-cased.
    Exact,
    /// Accents and script ignored (`trgovina` meets `трговина`).
    Folded,
    /// The stem, by one language's rules (`language` says whose).
    Stemmed,
    /// A word the typed `prefix*` expands to.
    Prefix,
    /// An identifier: application number, ECLI, case number, or the document id.
    Identifier,
    /// The court, named in full or by its abbreviation.
    Court,
}

impl MatchAnalysis {
    /// As the JSON writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            MatchAnalysis::Exact => "exact",
            MatchAnalysis::Folded => "folded",
            MatchAnalysis::Stemmed => "stemmed",
            MatchAnalysis::Prefix => "prefix",
            MatchAnalysis::Identifier => "identifier",
            MatchAnalysis::Court => "court",
        }
    }
}

/// One clause of the query, as the builder recorded it beside the query it built.
pub struct Probe {
    /// The query's words the clause stands for, as typed.
    pub words: String,
    pub field: Field,
    pub analysis: MatchAnalysis,
    /// The term (or terms, space-separated for a phrase) looked for, without a stem's
    /// namespace.
    pub term: String,
    /// The stemmer's code for a stem, the term's language for an expansion.
    pub language: Option<String>,
    /// The concept of the thesaurus the clause comes from.
    pub expansion: Option<String>,
    /// Whether the clause scores: an expansion's score is squeezed under
    /// `expansion::EXPANSION_CEILING` (`search::expansion`), which orders only the documents
    /// no typed word finds; a breakdown counts it as nothing.
    pub scored: bool,
    pub query: Box<dyn Query>,
    /// The conjunctions around the clause (`build::Built::scopes`), innermost first: it adds
    /// to a document's score only when they all match the document.
    pub within: Vec<usize>,
}

impl Probe {
    /// The probe of a clause looking for `terms` made by `analyzer` in `field`.
    pub(crate) fn of_terms(
        words: &str,
        field: Field,
        analyzer: Analyzer,
        terms: &[String],
        query: Box<dyn Query>,
    ) -> Probe {
        let (analysis, language) = match analyzer {
            Analyzer::Exact => (MatchAnalysis::Exact, None),
            Analyzer::Folded => (MatchAnalysis::Folded, None),
            Analyzer::Stemmed(language) => {
                (MatchAnalysis::Stemmed, Some(language.code().to_string()))
            }
        };
        Probe {
            words: words.to_string(),
            field,
            analysis,
            term: terms.join(" "),
            language,
            expansion: None,
            scored: true,
            query,
            within: Vec::new(),
        }
    }

    pub(crate) fn analysed_as(mut self, analysis: MatchAnalysis) -> Probe {
        self.analysis = analysis;
        self
    }
}

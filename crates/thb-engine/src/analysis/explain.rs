//! What the analysers make of a text, for a person asking "why did this come up?" or "why
//! not?" (as Elasticsearch's `_analyze`): the language and script, and for every word the term
//! each field gets (exact, folded, stemmed in the text's language) and the stems a query word
//! is looked up as (every language's rules, `search::build`, each in its own namespace). `thb-caselaw analyze` and
//! `GET /api/analyze` show it.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{words, Analyzer, StemLanguage, WordAnalyzer};
use thb_text::language::normalize_language_tag;
use thb_text::language::{self, Script};

/// The analysis of a text.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Analysis {
    /// The language the text is analysed in: as declared, or detected.
    pub language: String,
    /// `declared` or `detected`.
    pub language_source: &'static str,
    /// The detector's confidence (0–1) when detected.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f64>,
    /// `latin`, `cyrillic` or `other`: the script most of the letters are in.
    pub script: &'static str,
    /// The stemmer of the text's language (`sh` for Serbian, Bosnian, Croatian and
    /// Montenegrin), none for a language without one (Maltese: folded only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stemmer: Option<&'static str>,
    pub words: Vec<AnalysedWord>,
}

/// One word and its terms.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AnalysedWord {
    /// As written.
    pub word: String,
    /// Byte offsets in the text.
    pub start: usize,
    pub end: usize,
    /// The term of the exact field: lower case, Turkish-aware.
    pub exact: Option<String>,
    /// The term of the folded field: one script, no diacritics (what finds Cyrillic from Latin).
    pub folded: Option<String>,
    /// The stem a document in the text's language stores (under the namespace of
    /// [`Analysis::stemmer`]: `sh:trgovin` in the field).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stemmed: Option<String>,
    /// The stems the word is searched as when typed in a query, by stemmer: each meets only
    /// the documents that stemmer stemmed (their `stemmed`).
    pub query_stems: BTreeMap<&'static str, String>,
}

/// Why an analysis cannot be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AnalyzeError {
    #[error("lang: {0}")]
    Language(String),
    #[error("text: empty; give the words to analyse")]
    Empty,
    #[error("text: {0} characters; at most {MAX_ANALYZE_CHARS} are analysed")]
    TooLong(usize),
}

/// Longest text analysed: a paragraph, not a judgment.
pub const MAX_ANALYZE_CHARS: usize = 4096;

/// Analyses `text`, in `language` when given (a BCP 47 tag), else in the language detected.
pub fn analyze(text: &str, language: Option<&str>) -> Result<Analysis, AnalyzeError> {
    let length = text.chars().count();
    if length > MAX_ANALYZE_CHARS {
        return Err(AnalyzeError::TooLong(length));
    }
    if text.trim().is_empty() {
        return Err(AnalyzeError::Empty);
    }
    let (language, language_source, confidence) = match language.filter(|l| !l.trim().is_empty()) {
        Some(tag) => (
            normalize_language_tag(tag.trim()).map_err(AnalyzeError::Language)?,
            "declared",
            None,
        ),
        None => {
            let detection = language::detect(text);
            (detection.tag, "detected", Some(detection.confidence))
        }
    };
    let stem_language = StemLanguage::for_tag(&language);
    let mut exact = WordAnalyzer::new(Analyzer::Exact);
    let mut folded = WordAnalyzer::new(Analyzer::Folded);
    let mut stem = stem_language.map(|l| WordAnalyzer::new(Analyzer::Stemmed(l)));
    let mut query: Vec<(StemLanguage, WordAnalyzer)> = StemLanguage::ALL
        .into_iter()
        .map(|l| (l, WordAnalyzer::new(Analyzer::Stemmed(l))))
        .collect();
    let words = words(text)
        .map(|range| AnalysedWord {
            word: text[range.clone()].to_string(),
            start: range.start,
            end: range.end,
            exact: exact.term(text, range.clone()).map(str::to_string),
            folded: folded.term(text, range.clone()).map(str::to_string),
            stemmed: stem
                .as_mut()
                .and_then(|s| s.term(text, range.clone()).map(str::to_string)),
            query_stems: query
                .iter_mut()
                .filter_map(|(l, s)| Some((l.code(), s.term(text, range.clone())?.to_string())))
                .collect(),
        })
        .collect();
    Ok(Analysis {
        language,
        language_source,
        confidence,
        script: match language::detect_script(text) {
            Script::Latin => "latin",
            Script::Cyrillic => "cyrillic",
            Script::Other => "other",
        },
        stemmer: stem_language.map(StemLanguage::code),
        words,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word<'a>(analysis: &'a Analysis, written: &str) -> &'a AnalysedWord {
        analysis
            .words
            .iter()
            .find(|w| w.word == written)
            .unwrap_or_else(|| panic!("no word {written}: {analysis:?}"))
    }

    #[test]
    fn cyrillic_serbian_is_folded_to_latin_and_stemmed_like_its_latin_form() {
        let cyrillic = analyze("трговином људима", Some("sr-Cyrl")).unwrap();
        let latin = analyze("trgovinom ljudima", Some("sr-Latn")).unwrap();
        assert_eq!(cyrillic.script, "cyrillic");
        assert_eq!(cyrillic.stemmer, Some("sh"));
        assert_eq!(cyrillic.language_source, "declared");
        let (c, l) = (word(&cyrillic, "трговином"), word(&latin, "trgovinom"));
        assert_eq!(c.folded, l.folded);
        assert_eq!(c.stemmed, l.stemmed);
        assert_eq!(c.folded.as_deref(), Some("trgovinom"));
        // The inflected form and the lemma meet at the stem.
        let lemma = analyze("trgovina", Some("sr")).unwrap();
        assert_eq!(word(&lemma, "trgovina").stemmed, l.stemmed);
    }

    #[test]
    fn turkish_dotted_i_and_detection() {
        let analysis = analyze("İnsan ticareti mağdurları için barınma", None).unwrap();
        assert_eq!(analysis.language, "tr");
        assert_eq!(analysis.language_source, "detected");
        assert!(analysis.confidence.unwrap() > 0.5);
        let insan = word(&analysis, "İnsan");
        assert_eq!(insan.exact.as_deref(), Some("insan"));
        assert!(word(&analysis, "mağdurları").query_stems.contains_key("tr"));
    }

    #[test]
    fn maltese_has_no_stemmer_and_bad_input_is_named() {
        let analysis = analyze("traffikar tal-bnedmin", Some("mt")).unwrap();
        assert_eq!(analysis.stemmer, None);
        assert!(analysis.words.iter().all(|w| w.stemmed.is_none()));
        assert_eq!(analyze("  ", None).unwrap_err(), AnalyzeError::Empty);
        assert!(matches!(
            analyze("x", Some("not a tag!")).unwrap_err(),
            AnalyzeError::Language(_)
        ));
        let long = "a".repeat(MAX_ANALYZE_CHARS + 1);
        assert!(analyze(&long, None)
            .unwrap_err()
            .to_string()
            .starts_with("text: 4097 characters"));
    }
}

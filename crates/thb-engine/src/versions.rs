//! Language versions: which documents are one text in several languages, so that a search shows
//! a judgment once (as HUDOC does) and its page links the other languages.
//!
//! A document belongs to a *work*, named from the document alone at ingest (the versions of a
//! judgment arrive as separate records, in any order):
//! - by its `versions` list, when it has one: the smallest id among its own and those it lists,
//!   so versions that list each other name the same work;
//! - otherwise, for a judgment or decision with an application number, by the court (without
//!   its formation: `courts::split`), the kind, the application number and the date. The kind
//!   and date keep apart what shares an application number without being one text: the
//!   admissibility decision and the judgment, a Chamber judgment and the Grand Chamber's, a
//!   judgment on the merits and one on just satisfaction;
//! - otherwise the document stands alone.
//!
//! The index holds the work as a 64-bit hash ([`work_key`], FNV-1a: stable across builds and
//! platforms, unlike `std`'s hasher), a fast field the search collapses on without reading a
//! stored document. Two works sharing a hash (odds about 1 in 10⁷ at a million works) would
//! be shown as one hit; listing a document's versions checks the name itself.
//!
//! This module knows nothing of tantivy: it names works.

use serde::Serialize;

use crate::document::{Document, Kind};
use crate::domain::courts;

/// Another language version of a document: what a hit and a document page link to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Version {
    pub id: String,
    /// BCP 47, as indexed (`und` when the document's language is unknown).
    pub language: String,
}

/// The name of the work `document` is a language version of, or `None` when it stands alone.
pub fn work_name(document: &Document) -> Option<String> {
    if !document.versions.is_empty() {
        let first = document
            .versions
            .iter()
            .chain(std::iter::once(&document.id))
            .min()?;
        return Some(format!("versions:{first}"));
    }
    if !matches!(document.kind, Kind::Judgment | Kind::Decision) {
        return None;
    }
    let number = normalised_application_number(document.application_number.as_deref()?)?;
    let court = courts::split(document.court.as_deref().unwrap_or_default())
        .0
        .to_lowercase();
    let date = document.date.map(|d| d.to_string()).unwrap_or_default();
    Some(format!(
        "application:{court}|{}|{number}|{date}",
        document.kind.as_str()
    ))
}

/// The application number as the Court writes it, whatever the spacing, case or a leading
/// `no.` (`no. 25965/04` → `25965/04`); `None` when it holds no number at all.
pub fn normalised_application_number(number: &str) -> Option<String> {
    let compact: String = number
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect();
    // A prefix only counts before the number itself: `nos` is not `no` + `s`.
    let bare = ["applicationno.", "applicationno", "no.", "no"]
        .iter()
        .filter_map(|prefix| compact.strip_prefix(prefix))
        .find(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
        .unwrap_or(&compact);
    bare.contains(|c: char| c.is_ascii_digit())
        .then(|| bare.to_string())
}

/// The index's key of a work name: FNV-1a over its bytes, never 0 (0 is "stands alone" in the
/// fast field).
pub fn work_key(name: &str) -> u64 {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let hash = name.bytes().fold(OFFSET, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(PRIME)
    });
    hash.max(1)
}

/// The work key of a document, 0 when it stands alone.
pub fn key_of(document: &Document) -> u64 {
    work_name(document).map_or(0, |name| work_key(&name))
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn judgment(id: &str, language: &str, extra: serde_json::Value) -> Document {
        let mut record = json!({
            "id": id,
            "kind": "judgment",
            "title": "Rantsev v. Cyprus and Russia",
            "text": "The applicant's daughter was a victim of trafficking.",
            "country": ["CY", "RU"],
            "court": "European Court of Human Rights",
            "date": "2010-01-07",
            "application_number": "25965/04",
            "language": language,
        });
        for (field, value) in extra.as_object().unwrap() {
            record[field] = value.clone();
        }
        Document::from_json(record).unwrap()
    }

    #[test]
    fn the_versions_of_a_judgment_share_its_work() {
        let english = judgment("ecthr:25965-04", "en", json!({}));
        let french = judgment(
            "ecthr:25965-04:fr",
            "fr",
            json!({"application_number": "no. 25965/04"}),
        );
        assert_eq!(work_name(&english), work_name(&french));
        assert_eq!(key_of(&english), key_of(&french));
        assert_ne!(key_of(&english), 0);
    }

    #[test]
    fn what_shares_an_application_number_without_being_one_text_is_kept_apart() {
        let judgment_2010 = judgment("a", "en", json!({}));
        for (what, other) in [
            (
                "another date",
                judgment("b", "en", json!({"date": "2010-12-07"})),
            ),
            (
                "a decision",
                judgment("b", "en", json!({"kind": "decision"})),
            ),
            (
                "another court",
                judgment("b", "en", json!({"court": "Viši sud u Beogradu"})),
            ),
            (
                "another number",
                judgment("b", "en", json!({"application_number": "25965/05"})),
            ),
        ] {
            assert_ne!(work_name(&judgment_2010), work_name(&other), "{what}");
        }
        let grand_chamber = judgment(
            "b",
            "fr",
            json!({"court": "European Court of Human Rights (Grand Chamber)"}),
        );
        assert_eq!(
            work_name(&judgment_2010),
            work_name(&grand_chamber),
            "the formation is not the court: one judgment's versions may name it or not"
        );
    }

    #[test]
    fn listed_versions_name_the_work_by_their_smallest_id() {
        let english = judgment("rs:k-12:en", "en", json!({"versions": ["rs:k-12"]}));
        let serbian = judgment("rs:k-12", "sr", json!({"versions": ["rs:k-12:en"]}));
        assert_eq!(work_name(&english).as_deref(), Some("versions:rs:k-12"));
        assert_eq!(work_name(&english), work_name(&serbian));
    }

    #[test]
    fn a_document_without_number_or_versions_stands_alone() {
        let mut report = judgment("greta:report", "en", json!({"kind": "report"}));
        assert_eq!(work_name(&report), None, "a report has no application");
        report.kind = Kind::Judgment;
        report.application_number = None;
        assert_eq!(key_of(&report), 0);
        assert_eq!(normalised_application_number(" No. "), None);
        assert_eq!(
            normalised_application_number("Application no. 73316/01").as_deref(),
            Some("73316/01")
        );
    }
}

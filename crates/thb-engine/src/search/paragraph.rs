//! A hit's paragraph: the numbered paragraph ([`crate::domain::paragraphs`]) its snippet's first
//! matched word stands in, the fragment that links to it on the document's page, and the
//! pin-cite a lawyer pastes into a brief, in the form the European Court of Human Rights cites
//! its own judgments (`Rantsev v. Cyprus and Russia, no. 25965/04, § 282, 7 January 2010`) and
//! GRETA its reports (`Title, para. 45, 14 June 2013`). Paragraphs are found when the hit is
//! read, from its stored text: the index keeps no paragraph data.

use serde::Serialize;

use crate::document::{Date, Document};
use crate::domain::courts;
use crate::domain::paragraphs::{self, Paragraph};

/// The paragraph a hit's snippet stands in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HitParagraph {
    /// The paragraph's number, as the document numbers it (`282`).
    pub number: String,
    /// Its fragment on the document's page: `/documents/{id}#p282`.
    pub anchor: String,
    /// The document cited at that paragraph: `Rantsev v. Cyprus and Russia, no. 25965/04,
    /// § 282, 7 January 2010` for a judgment of the European Court of Human Rights, `Title,
    /// para. 45, 14 June 2013` for any other document.
    pub pin_cite: String,
}

impl HitParagraph {
    /// The paragraph of `document` holding byte `offset` of its text, if the text numbers its
    /// paragraphs.
    pub fn at(document: &Document, offset: usize) -> Option<HitParagraph> {
        let found = paragraphs::paragraphs(&document.text);
        paragraphs::containing(&found, offset).map(|p| HitParagraph::of(document, p))
    }

    /// `paragraph` of `document`, with its pin-cite.
    pub fn of(document: &Document, paragraph: &Paragraph) -> HitParagraph {
        HitParagraph {
            number: paragraph.number.to_string(),
            anchor: paragraph.anchor(),
            pin_cite: pin_cite(document, paragraph.number),
        }
    }
}

/// `document` cited at paragraph `number`: the Court's form for its judgments and decisions
/// (title as the document gives it, `[GC]` included; `no.`/`nos.` and the application
/// numbers; `§`), `para.` for everything else; the date written out in English.
pub fn pin_cite(document: &Document, number: u32) -> String {
    let mut parts = vec![document.title.trim().trim_end_matches('.').to_string()];
    let numbers = application_numbers(document);
    let of_the_court = is_of_the_court(document);
    if of_the_court && !numbers.is_empty() {
        let word = if numbers.len() > 1 { "nos." } else { "no." };
        parts.push(format!("{word} {}", joined(&numbers)));
    }
    parts.push(match of_the_court {
        true => format!("§ {number}"),
        false => format!("para. {number}"),
    });
    if let Some(date) = document.date {
        parts.push(english_date(date));
    }
    parts.join(", ")
}

/// A judgment or decision of the European Court of Human Rights.
fn is_of_the_court(document: &Document) -> bool {
    document.echr.is_some()
        || document
            .court
            .as_deref()
            .is_some_and(|court| courts::split(court).0 == courts::ECTHR)
}

/// Every application number of the case: `echr.application_numbers` when the Court's metadata
/// lists them, else `application_number` as written (`77587/12; 74603/12`).
fn application_numbers(document: &Document) -> Vec<&str> {
    if let Some(echr) = document
        .echr
        .as_ref()
        .filter(|e| !e.application_numbers.is_empty())
    {
        return echr.application_numbers.iter().map(|n| n.trim()).collect();
    }
    document
        .application_number
        .as_deref()
        .map(|n| {
            n.split([';', ','])
                .flat_map(|part| part.split(" and "))
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .collect()
        })
        .unwrap_or_default()
}

/// `a`, `a and b`, `a, b and c`.
fn joined(items: &[&str]) -> String {
    match items.split_last() {
        Some((last, [])) => last.to_string(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
        None => String::new(),
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// `7 January 2010`, as the Court dates its judgments in English.
fn english_date(date: Date) -> String {
    let month = MONTHS[usize::from(date.month.clamp(1, 12)) - 1];
    format!("{} {month} {}", date.day, date.year)
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn document(record: serde_json::Value) -> Document {
        Document::from_json(record).unwrap()
    }

    /// A judgment given on `date` in application `number` (the Court's metadata listing
    /// `listed`, when given), by `court`.
    fn judgment(title: &str, court: &str, date: &str, number: &str, listed: &[&str]) -> Document {
        let mut record = json!({
            "id": "t:1", "kind": "judgment", "title": title, "text": "x", "country": ["CY"],
            "court": court, "date": date, "application_number": number, "provenance": "sample",
        });
        if !listed.is_empty() {
            record["echr"] = json!({ "application_numbers": listed });
        }
        document(record)
    }

    #[test]
    fn a_judgment_of_the_court_is_cited_at_its_paragraph_as_the_court_does() {
        let court = "European Court of Human Rights";
        let grand_chamber = "European Court of Human Rights (Grand Chamber)";
        let rows = [
            (
                judgment("Rantsev v. Cyprus and Russia", court, "2010-01-07", "25965/04", &[]),
                282,
                "Rantsev v. Cyprus and Russia, no. 25965/04, § 282, 7 January 2010",
            ),
            (
                judgment(
                    "V.C.L. and A.N. v. the United Kingdom",
                    court,
                    "2021-02-16",
                    "77587/12; 74603/12",
                    &[],
                ),
                158,
                "V.C.L. and A.N. v. the United Kingdom, nos. 77587/12 and 74603/12, § 158, 16 February 2021",
            ),
            (
                judgment(
                    "F.M. and Others v. Russia [GC]",
                    grand_chamber,
                    "2024-12-10",
                    "71671/16",
                    &["71671/16", "40190/18", "1/19"],
                ),
                9,
                "F.M. and Others v. Russia [GC], nos. 71671/16, 40190/18 and 1/19, § 9, 10 December 2024",
            ),
        ];
        for (judgment, number, expected) in rows {
            assert_eq!(pin_cite(&judgment, number), expected);
        }
    }

    #[test]
    fn other_documents_are_cited_by_para() {
        let report = document(json!({
            "id": "t:greta", "kind": "report", "title": "Report on Serbia.", "text": "x",
            "country": ["RS"], "court": "GRETA", "date": "2013-06-14",
            "application_number": "1/10", "provenance": "sample",
        }));
        assert_eq!(
            pin_cite(&report, 45),
            "Report on Serbia, para. 45, 14 June 2013"
        );
    }
}
